/* engine: a configuration with its rules and policies, loaded, checked
 * and reference counted; engine_check runs one comment through it. */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "golive.h"

/*
 * Every caller (start, reload, bench, lint's own use aside) gets the
 * go-live checks: a configuration `decorumd -t` calls wrong never serves.
 */
struct engine *
engine_load(const struct engine_opts *o, struct diag *d)
{
	size_t		 errors = d->errors;
	struct engine	*e;

	if ((e = engine_load_unchecked(o, d)) == NULL)
		return NULL;
	if (golive_check(e, d, false) > 0 || d->errors > errors) {
		engine_unref(e);
		return NULL;
	}
	return e;
}

struct engine *
engine_load_unchecked(const struct engine_opts *o, struct diag *d)
{
	size_t errors = d->errors;
	struct engine *e = calloc(1, sizeof(*e));

	if (e == NULL) {
		diag_error(d, NULL, 0, "out of memory");
		return NULL;
	}
	atomic_init(&e->refs, 1);
	bool config_ok = config_load(&e->cfg, o->config_path,
	    o->config_missing_ok, d) == 0;
	if (o->rules_dir != NULL) {
		char *dup = strdup(o->rules_dir);
		if (dup == NULL)
			goto fail;
		free(e->cfg.rules_dir);
		e->cfg.rules_dir = dup;
	}
	/* a broken configuration still has its rule files read, when it
	 * leaves a rules directory to read, so that one run (decorumd -t)
	 * reports the problems of every file */
	struct stat st;
	if (!config_ok && (e->cfg.rules_dir == NULL ||
	    stat(e->cfg.rules_dir, &st) == -1 || !S_ISDIR(st.st_mode)))
		goto fail;
	if ((e->rb = rules_load_dir_overlay(e->cfg.rules_dir,
	    e->cfg.local_rules_dir, d)) == NULL || !config_ok)
		goto fail;
	if (policies_build(&e->policies, &e->cfg, e->rb, d) == -1)
		goto fail;
	e->limits.match_limit = e->cfg.regex_match_limit;
	e->limits.depth_limit = e->cfg.regex_depth_limit;
	e->limits.heap_limit_kb = e->cfg.regex_heap_limit_kb;
	e->limits.budget_ms = e->cfg.regex_budget_ms;
	snprintf(e->version, sizeof(e->version), "%u", o->generation);
	return e;
fail:
	/* whatever failed without saying so ran out of memory */
	if (d->errors == errors)
		diag_error(d, NULL, 0, "out of memory loading the configuration "
		    "and rules");
	engine_unref(e);
	return NULL;
}

struct engine *
engine_ref(struct engine *e)
{
	atomic_fetch_add_explicit(&e->refs, 1, memory_order_relaxed);
	return e;
}

void
engine_unref(struct engine *e)
{
	if (e == NULL ||
	    atomic_fetch_sub_explicit(&e->refs, 1, memory_order_acq_rel) != 1)
		return;
	policies_free(&e->policies);
	rules_free(e->rb);
	config_free(&e->cfg);
	free(e);
}

void
check_scratch_init(struct check_scratch *cs)
{
	memset(cs, 0, sizeof(*cs));
	verdict_init(&cs->v);
}

void
check_scratch_free(struct check_scratch *cs)
{
	if (cs->ready)
		match_scratch_free(&cs->ms);
	verdict_free(&cs->v);
	memset(cs, 0, sizeof(*cs));
}

int
engine_check(const struct engine *e, const struct policy *p,
    struct check_scratch *cs, const char *text, size_t len)
{
	return engine_check_opts(e, p, cs, text, len, NULL);
}

int
engine_check_opts(const struct engine *e, const struct policy *p,
    struct check_scratch *cs, const char *text, size_t len,
    const struct match_opts *opts)
{
	if (!cs->ready || memcmp(&cs->limits, &e->limits, sizeof(e->limits))) {
		/* first use, or a reload changed the regex limits */
		if (cs->ready)
			match_scratch_free(&cs->ms);
		cs->ready = false;
		if (match_scratch_init(&cs->ms, &e->limits) == -1)
			return -1;
		cs->limits = e->limits;
		cs->ready = true;
	}
	if (match_run_opts(&cs->ms, e->rb, p->sets, text, len, opts) == -1)
		return -1;
	return decide(&cs->v, e->rb, p, &cs->ms);
}
