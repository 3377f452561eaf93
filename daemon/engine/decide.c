#include "decide.h"

#include <stdlib.h>
#include <string.h>

#include "rulebook.h"

void
verdict_init(struct verdict *v)
{
	memset(v, 0, sizeof(*v));
}

void
verdict_free(struct verdict *v)
{
	free(v->cat_state);
	free(v->scores);
	free(v->reasons);
	free(v->shadow);
	offence_scratch_free(&v->os);
	memset(v, 0, sizeof(*v));
}

const char *
decision_name(enum decision d)
{
	switch (d) {
	case DECISION_REJECT:
		return "reject";
	case DECISION_REVIEW:
		return "review";
	default:
		return "accept";
	}
}

static int
verdict_reserve(struct verdict *v, const struct rulebook *rb, size_t nhits)
{
	if (v->ncats_cap < rb->ncategories) {
		uint8_t *cs = realloc(v->cat_state, rb->ncategories);
		double *sc = realloc(v->scores, rb->ncategories * sizeof(double));
		if (cs != NULL)
			v->cat_state = cs;
		if (sc != NULL)
			v->scores = sc;
		if (cs == NULL || sc == NULL)
			return -1;
		v->ncats_cap = rb->ncategories;
	}
	if (v->idx_cap < nhits) {
		uint32_t *r = realloc(v->reasons, nhits * sizeof(uint32_t));
		if (r != NULL)
			v->reasons = r;
		uint32_t *s = realloc(v->shadow, nhits * sizeof(uint32_t));
		if (s != NULL)
			v->shadow = s;
		if (r == NULL || s == NULL)
			return -1;
		v->idx_cap = nhits;
	}
	return 0;
}

int
decide(struct verdict *v, const struct rulebook *rb, const struct policy *p,
    const struct match_scratch *ms)
{
	if (verdict_reserve(v, rb, ms->nhits) == -1)
		return -1;
	memset(v->cat_state, 0, rb->ncategories);
	for (size_t c = 0; c < rb->ncategories; c++)
		v->scores[c] = 0;
	v->nreasons = v->nshadow = 0;
	v->decision = DECISION_ACCEPT;

	for (size_t i = 0; i < ms->nhits; i++) {
		const struct hit *h = &ms->hits[i];
		const struct rule *r = &rb->rules[h->rule];

		if (h->suppressed || !p->sets[r->set])
			continue;
		if (r->shadow) {
			v->shadow[v->nshadow++] = (uint32_t)i;
			continue;
		}
		if (h->limit || h->review) {
			/* a runaway regex proves nothing, a model between its
			 * thresholds is unsure: hold for a person */
			if (v->cat_state[r->category] < DECISION_REVIEW)
				v->cat_state[r->category] = DECISION_REVIEW;
			continue;
		}
	}
	/* each offence counts once; hits whose severity the policy holds
	 * for review count in scores but not in os.firm (offence.c) */
	if (offence_score(&v->os, rb, p, ms, v->scores) == -1)
		return -1;
	for (size_t c = 0; c < rb->ncategories; c++) {
		if (v->os.firm[c] >= p->reject_at[c])
			v->cat_state[c] = DECISION_REJECT;
		else if ((v->scores[c] >= p->review_at[c] ||
		    v->scores[c] >= p->reject_at[c]) &&
		    v->cat_state[c] < DECISION_REVIEW)
			v->cat_state[c] = DECISION_REVIEW;
		if (v->cat_state[c] > v->decision)
			v->decision = (enum decision)v->cat_state[c];
	}
	/* the reasons are the hits of the categories that decided */
	for (size_t i = 0; i < ms->nhits; i++) {
		const struct hit *h = &ms->hits[i];
		const struct rule *r = &rb->rules[h->rule];

		if (h->suppressed || !p->sets[r->set] || r->shadow)
			continue;
		if (v->cat_state[r->category] != 0)
			v->reasons[v->nreasons++] = (uint32_t)i;
	}
	return 0;
}
