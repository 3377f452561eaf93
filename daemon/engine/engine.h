/* engine: one loaded configuration with its compiled rules and policies.
 * Immutable and reference counted: requests hold the engine they started
 * on, a reload builds a new one and swaps it in. */
#ifndef DECORUM_ENGINE_H
#define DECORUM_ENGINE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "decide.h"
#include "diag.h"
#include "match.h"
#include "policy.h"
#include "rules.h"

struct engine {
	atomic_uint	 refs;
	struct config	 cfg;
	struct rulebook	*rb;
	struct policies	 policies;
	struct rules_limits limits;
	char		 version[24];
};

/* What a caller may override from the command line. */
struct engine_opts {
	const char	*config_path;	/* NULL: built-in defaults only */
	bool		 config_missing_ok;
	const char	*rules_dir;	/* overrides rules_dir when set */
	unsigned	 generation;	/* becomes rules_version */
};

/* Per-thread state for checking comments; reused, never shared. */
struct check_scratch {
	struct match_scratch	 ms;
	struct verdict		 v;
	struct rules_limits	 limits;
	bool			 ready;
};

/* Load the configuration and rules and run the go-live checks (golive.h:
 * runaway regexes, the canary, the ordinary sentences): the engine, with
 * a reference for the caller, only when there was no error; otherwise
 * NULL with every problem in d as file:line. What decorumd -t calls an
 * error never comes back from here, on start or reload alike. */
struct engine *engine_load(const struct engine_opts *o, struct diag *d);
struct engine *engine_ref(struct engine *e);
void	engine_unref(struct engine *e);

void	check_scratch_init(struct check_scratch *cs);
void	check_scratch_free(struct check_scratch *cs);
/* Check text under policy p; the result is in cs->v and cs->ms.hits.
 * Returns -1 when memory runs out. */
int	engine_check(const struct engine *e, const struct policy *p,
	    struct check_scratch *cs, const char *text, size_t len);
/* The same, matched as opts says (benchmarks; NULL: as engine_check). */
int	engine_check_opts(const struct engine *e, const struct policy *p,
	    struct check_scratch *cs, const char *text, size_t len,
	    const struct match_opts *opts);

#endif
