/* caps: the built-in all-caps analyzer. Shouting is a property of the
 * whole comment, not a pattern: enough cased letters, nearly all upper. */
#ifndef DECORUM_CAPS_H
#define DECORUM_CAPS_H

#include <stdbool.h>
#include <stddef.h>

struct caps_params {
	unsigned	 min_letters;	/* cased letters needed to judge at all */
	double		 min_ratio;	/* upper-case share that is shouting */
	unsigned	 min_word;	/* shorter words (I, OK, acronyms) don't count */
};

#define CAPS_DEFAULT_MIN_LETTERS	8
#define CAPS_DEFAULT_MIN_RATIO		0.9
#define CAPS_DEFAULT_MIN_WORD		1

/* On a hit, [*start, *end) spans the upper-case words. */
bool	caps_check(const struct caps_params *p, const char *text, size_t len,
	    size_t *start, size_t *end);

#endif
