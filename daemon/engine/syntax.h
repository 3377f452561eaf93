/* syntax: a libconfig syntax error, explained. libconfig says "syntax
 * error" and a line, often the line after the mistake (a missing ',' or
 * ';' shows up where the next item starts) and never the token. This
 * finds the token the parser stopped at and, when the line before it
 * ends with no separator, blames that line. */
#ifndef DECORUM_SYNTAX_H
#define DECORUM_SYNTAX_H

#include "diag.h"

/* Report the syntax error libconfig found at line in text (file's
 * contents) as an error of file in d, with the token and the likelier
 * line. msg is libconfig's own message. */
void	syntax_report(struct diag *d, const char *file, const char *text,
	    int line, const char *msg);

#endif
