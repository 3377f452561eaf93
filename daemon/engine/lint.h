/* lint: what `decorumd -t` checks before a configuration goes live. */
#ifndef DECORUM_LINT_H
#define DECORUM_LINT_H

#include <stdio.h>

#include "engine.h"

/* The canary every policy must reject and a plain sentence every policy
 * must accept: the same strings as GOLIVE_CANARY_* in golive.h, which
 * the server does not see. */
#define LINT_CANARY_REJECT	"DECORUM-TEST-REJECT-7A3F"
#define LINT_CANARY_ACCEPT	"This is a plain sentence about the weather."

/* Load everything, report each problem as file:line: message, then a
 * summary line. Returns the number of errors. */
int	lint_run(const struct engine_opts *o, FILE *out);

#endif
