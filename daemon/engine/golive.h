/* golive: the checks a configuration must pass before it serves
 * comments. engine_load runs them on every start and reload, so what
 * `decorumd -t` calls an error never goes live: a regex that can run
 * away, a policy that does not reject the canary or that holds one of a
 * few built-in ordinary sentences. lint (-t) runs them too, with their
 * warnings. Engine-internal: only engine sources and tests include it. */
#ifndef DECORUM_GOLIVE_H
#define DECORUM_GOLIVE_H

#include <stdbool.h>

#include "diag.h"
#include "engine.h"

/* The canary every policy must reject, for sites' own monitoring too
 * (rules/canary.conf), and a plain sentence every policy must accept. */
#define GOLIVE_CANARY_REJECT	"DECORUM-TEST-REJECT-7A3F"
#define GOLIVE_CANARY_ACCEPT	"This is a plain sentence about the weather."

/* Run the checks on e: problems go to d, errors always, warnings (a
 * rule that fires on an ordinary sentence) only with warnings. Running
 * out of memory is an error too. Returns the number of errors added. */
size_t	golive_check(const struct engine *e, struct diag *d, bool warnings);

/* engine_load without the checks: for lint, which runs them itself with
 * its warnings, and for unit tests of the matcher that load on purpose
 * what must never go live (a runaway regex, no canary). */
struct engine *engine_load_unchecked(const struct engine_opts *o,
	    struct diag *d);

#endif
