#include "policy.h"

#include "severity.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rulebook.h"

static int
policy_alloc(struct policy *p, const struct rulebook *rb, const char *name)
{
	memset(p, 0, sizeof(*p));
	p->name = strdup(name);
	p->sets = calloc(rb->nsets + 1, sizeof(bool));
	p->reject_at = calloc(rb->ncategories + 1, sizeof(double));
	p->review_at = calloc(rb->ncategories + 1, sizeof(double));
	if (p->name == NULL || p->sets == NULL || p->reject_at == NULL ||
	    p->review_at == NULL) {
		free(p->name);
		free(p->sets);
		free(p->reject_at);
		free(p->review_at);
		memset(p, 0, sizeof(*p));
		return -1;
	}
	for (size_t c = 0; c < rb->ncategories; c++) {
		p->reject_at[c] = POLICY_DEFAULT_REJECT_AT;
		p->review_at[c] = POLICY_DEFAULT_REVIEW_AT;
	}
	return 0;
}

static void
policy_free(struct policy *p)
{
	free(p->name);
	free(p->extend);
	free(p->sets);
	free(p->reject_at);
	free(p->review_at);
	free(p->sev);
}

void
policies_free(struct policies *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		policy_free(&ps->v[i]);
	free(ps->v);
	memset(ps, 0, sizeof(*ps));
}

const struct policy *
policies_find(const struct policies *ps, const char *name)
{
	if (name == NULL)
		return &ps->v[ps->def];
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].name, name) == 0)
			return &ps->v[i];
	return NULL;
}

static void
apply_thresholds(double *dst, const struct threshold *t, size_t n,
    const struct rulebook *rb, const struct policy_def *pd, const char *what,
    struct diag *d)
{
	for (size_t i = 0; i < n; i++) {
		double v = t[i].value > 0 ? t[i].value : INFINITY;

		if (t[i].category == NULL) {
			for (size_t c = 0; c < rb->ncategories; c++)
				dst[c] = v;
			continue;
		}
		int c = rules_find_category(rb, t[i].category);
		if (c < 0) {
			diag_error(d, pd->file, pd->line,
			    "policy '%s': %s names category '%s', which no rule set has",
			    pd->name, what, t[i].category);
			continue;
		}
		dst[c] = v;
	}
}

/* Resolve definition i, its parents first; state: 0 new, 1 busy, 2 done,
 * 3 out of memory. */
static int
resolve(struct policies *ps, const struct config *cfg, const struct rulebook *rb,
    size_t i, int *state, struct diag *d)
{
	const struct policy_def *pd = &cfg->policies[i];
	struct policy *p = &ps->v[i];

	if (state[i] == 2)
		return 0;
	if (state[i] == 3)
		return -1;	/* ran out of memory, reported */
	if (state[i] == 1) {
		diag_error(d, pd->file, pd->line,
		    "policy '%s' extends itself through a loop", pd->name);
		return -1;
	}
	state[i] = 1;
	if (policy_alloc(p, rb, pd->name) == -1) {
		diag_error(d, pd->file, pd->line, "policy '%s': out of memory",
		    pd->name);
		state[i] = 3;
		return -1;
	}
	size_t parent_k = 0;
	if (pd->extend != NULL) {
		size_t k;
		for (k = 0; k < cfg->npolicies; k++)
			if (strcmp(cfg->policies[k].name, pd->extend) == 0)
				break;
		if (k == cfg->npolicies) {
			diag_error(d, pd->file, pd->line,
			    "policy '%s' extends '%s', which is not defined",
			    pd->name, pd->extend);
			state[i] = 2;	/* reported once; go on with the rest */
			return -1;
		}
		if (resolve(ps, cfg, rb, k, state, d) == -1) {
			state[i] = 2;
			return -1;
		}
		const struct policy *parent = &ps->v[k];
		parent_k = k;
		memcpy(p->sets, parent->sets, rb->nsets * sizeof(bool));
		memcpy(p->reject_at, parent->reject_at,
		    rb->ncategories * sizeof(double));
		memcpy(p->review_at, parent->review_at,
		    rb->ncategories * sizeof(double));
		if ((p->extend = strdup(pd->extend)) == NULL) {
			diag_error(d, pd->file, pd->line,
			    "policy '%s': out of memory", pd->name);
			state[i] = 2;
			return -1;
		}
	} else {
		for (size_t s = 0; s < rb->nsets; s++)
			p->sets[s] = true;
	}
	if (pd->has_rulesets) {
		memset(p->sets, 0, rb->nsets * sizeof(bool));
		for (size_t k = 0; k < pd->nrulesets; k++) {
			if (strcmp(pd->rulesets[k], "*") == 0) {
				for (size_t s = 0; s < rb->nsets; s++)
					p->sets[s] = true;
				continue;
			}
			int s = rules_find_set(rb, pd->rulesets[k]);
			if (s < 0)
				diag_error(d, pd->file, pd->line,
				    "policy '%s': no rule set named '%s'",
				    pd->name, pd->rulesets[k]);
			else
				p->sets[s] = true;
		}
	}
	apply_thresholds(p->reject_at, pd->reject_at, pd->nreject, rb, pd,
	    "reject_at", d);
	apply_thresholds(p->review_at, pd->review_at, pd->nreview, rb, pd,
	    "review_at", d);
	if (severity_policy_build(p, pd->extend != NULL ? &ps->v[parent_k] :
	    NULL, pd, rb, d) == -1) {
		state[i] = 2;	/* reported; go on with the rest */
		return -1;
	}
	state[i] = 2;
	return 0;
}

int
policies_build(struct policies *ps, const struct config *cfg,
    const struct rulebook *rb, struct diag *d)
{
	size_t errors = d->errors;

	memset(ps, 0, sizeof(*ps));
	if (cfg->npolicies == 0) {
		/* no policies configured: one that runs every rule set */
		if ((ps->v = calloc(1, sizeof(*ps->v))) == NULL)
			goto oom;
		ps->n = 1;
		if (policy_alloc(&ps->v[0], rb, cfg->default_policy) == -1)
			goto oom;
		for (size_t s = 0; s < rb->nsets; s++)
			ps->v[0].sets[s] = true;
		return severity_policy_build(&ps->v[0], NULL, NULL, rb, d);
	}
	int *state = calloc(cfg->npolicies, sizeof(int));
	ps->v = calloc(cfg->npolicies, sizeof(*ps->v));
	if (state == NULL || ps->v == NULL) {
		free(state);
		goto oom;
	}
	ps->n = cfg->npolicies;
	/* resolve them all, so that one run reports every problem */
	for (size_t i = 0; i < cfg->npolicies; i++)
		(void)resolve(ps, cfg, rb, i, state, d);
	free(state);
	/* a definition left unresolved after an error has no name yet */
	for (size_t i = 0; i < ps->n; i++)
		if (ps->v[i].name == NULL &&
		    policy_alloc(&ps->v[i], rb, cfg->policies[i].name) == -1)
			goto oom;
	bool found = false;
	for (size_t i = 0; i < ps->n; i++) {
		if (ps->v[i].name && strcmp(ps->v[i].name, cfg->default_policy) == 0) {
			ps->def = i;
			found = true;
		}
	}
	if (!found)
		diag_error(d, cfg->file, 0,
		    "default_policy '%s' is not one of the policies",
		    cfg->default_policy);
	return d->errors > errors ? -1 : 0;
oom:
	diag_error(d, cfg->file, 0, "out of memory building the policies");
	return -1;
}
