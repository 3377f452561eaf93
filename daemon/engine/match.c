#include "match.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "context.h"
#include "lexicon.h"

int
match_scratch_init(struct match_scratch *ms, const struct rules_limits *lim)
{
	memset(ms, 0, sizeof(*ms));
	views_init(&ms->views);
	if ((ms->md = pcre2_match_data_create(1, NULL)) == NULL ||
	    (ms->mctx = pcre2_match_context_create(NULL)) == NULL ||
	    (ms->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024,
	    NULL)) == NULL) {
		match_scratch_free(ms);
		return -1;
	}
	pcre2_set_match_limit(ms->mctx, lim->match_limit);
	pcre2_set_depth_limit(ms->mctx, lim->depth_limit);
	pcre2_set_heap_limit(ms->mctx, lim->heap_limit_kb);
	pcre2_jit_stack_assign(ms->mctx, NULL, ms->jit);
	return 0;
}

void
match_scratch_free(struct match_scratch *ms)
{
	views_free(&ms->views);
	free(ms->hits);
	free(ms->allows);
	free(ms->per_rule);
	free(ms->found);
	pcre2_match_data_free(ms->md);
	pcre2_match_context_free(ms->mctx);
	pcre2_jit_stack_free(ms->jit);
	memset(ms, 0, sizeof(*ms));
}

static void
hit_add(struct match_scratch *ms, uint32_t rule, uint32_t group,
    const struct view *v, size_t s, size_t e, bool limit)
{
	if (ms->per_rule[rule] >= MATCH_MAX_HITS_PER_RULE)
		return;
	/* two entries of one rule on the same words ("fuck", "fuck*") */
	for (size_t i = ms->nhits; ms->per_rule[rule] > 0 && i-- > 0;)
		if (ms->hits[i].rule == rule && ms->hits[i].group == group &&
		    ms->hits[i].vstart == s && ms->hits[i].vend == e)
			return;
	if (ms->nhits == ms->hits_cap) {
		size_t ncap = ms->hits_cap ? ms->hits_cap * 2 : 32;
		struct hit *nh = realloc(ms->hits, ncap * sizeof(*nh));
		if (nh == NULL) {
			ms->oom = true;
			return;
		}
		ms->hits = nh;
		ms->hits_cap = ncap;
	}
	struct hit *h = &ms->hits[ms->nhits++];
	size_t os, oe;
	view_span_orig(v, s, e, &os, &oe);
	h->rule = rule;
	h->group = group;
	h->vstart = (uint32_t)s;
	h->vend = (uint32_t)e;
	h->start = (uint32_t)os;
	h->end = (uint32_t)oe;
	h->limit = limit;
	h->suppressed = false;
	ms->per_rule[rule]++;
}

static void
on_lexicon_hit(void *ctx, uint32_t owner, size_t start, size_t end)
{
	struct match_scratch	*ms = ctx;
	const struct rulebook	*rb = ms->rb;
	const struct rule_owner	*o = &rb->owners[owner];

	if (o->kind == OWNER_RULE) {
		const struct rule *r = &rb->rules[o->index];
		if (!ms->sets[r->set])
			return;
		const struct rule_group *g = &rb->groups[ms->group];
		hit_add(ms, o->index, ms->group,
		    views_get(&ms->views, g->view, g->folds), start, end, false);
		return;
	}
	uint32_t set = o->kind == OWNER_ALLOW ? o->index :
	    rb->rules[o->index].set;
	if (!ms->sets[set])
		return;
	if (ms->nallows == ms->allows_cap) {
		size_t ncap = ms->allows_cap ? ms->allows_cap * 2 : 16;
		struct allow_span *na = realloc(ms->allows, ncap * sizeof(*na));
		if (na == NULL) {
			ms->oom = true;
			return;
		}
		ms->allows = na;
		ms->allows_cap = ncap;
	}
	struct allow_span *a = &ms->allows[ms->nallows++];
	a->owner = owner;
	a->group = ms->group;
	a->start = (uint32_t)start;
	a->end = (uint32_t)end;
}

/*
 * Run regex ri over v, its matches starting at from .. limit (the whole
 * view: 0 .. PCRE2_UNSET); with at, only at those nat places (+ 1,
 * ascending), each tried on its own: where the leftmost match starts, a
 * search held to that start finds the same one. (An offset limit holds
 * it: PCRE2_ANCHORED at match time would leave the JIT.)
 */
static void
run_regex(struct match_scratch *ms, uint32_t ri, const struct view *v,
    PCRE2_SIZE from, PCRE2_SIZE limit, const uint32_t *at, size_t nat)
{
	const struct rule	*r = &ms->rb->rules[ri];
	const pcre2_code	*re = r->re;
	PCRE2_SIZE		 off = from;
	PCRE2_SIZE		*ov = pcre2_get_ovector_pointer(ms->md);
	size_t			 k = 0;

	pcre2_set_offset_limit(ms->mctx, limit);
	while (off <= v->len) {
		PCRE2_SIZE start = off;
		if (at != NULL) {
			while (k < nat && at[k] - 1 < off)
				k++;
			if (k == nat || at[k] - 1 > limit)
				return;
			start = at[k++] - 1;
			pcre2_set_offset_limit(ms->mctx, start);
		}
		int rc = pcre2_match(re, (PCRE2_SPTR)v->text, v->len, start,
		    PCRE2_NO_UTF_CHECK, ms->md, ms->mctx);
		if (rc == PCRE2_ERROR_NOMATCH && at != NULL)
			continue;
		if (rc == PCRE2_ERROR_NOMATCH)
			return;
		if (rc < 0) {
			/* a limit or another failure: never a silent accept */
			hit_add(ms, ri, r->group, v, 0, 0, true);
			return;
		}
		size_t s = ov[0], e = ov[1];
		if (e > s)
			hit_add(ms, ri, r->group, v, s, e, false);
		if (ms->per_rule[ri] >= MATCH_MAX_HITS_PER_RULE)
			return;
		if (e > start)
			off = e;
		else {
			/* step over one character after an empty match */
			off = e + 1;
			while (off < v->len && ((unsigned char)v->text[off] & 0xC0) == 0x80)
				off++;
		}
	}
}

/* The places of a regex's heads, ascending, each once. */
static size_t
heads_sorted(const struct prefilter_found *f, uint32_t *out)
{
	size_t n = 0;

	for (uint32_t i = 0; i < f->nat; i++) {
		size_t j = n;
		while (j > 0 && out[j - 1] > f->at[i])
			j--;
		if (j > 0 && out[j - 1] == f->at[i])
			continue;
		memmove(out + j + 1, out + j, (n - j) * sizeof(*out));
		out[j] = f->at[i];
		n++;
	}
	return n;
}

/* Is hit h inside an allow entry of its rule set, or an except entry of
 * its rule, found in the same view? */
static bool
hit_allowed(const struct match_scratch *ms, const struct hit *h)
{
	const struct rulebook *rb = ms->rb;
	const struct rule *r = &rb->rules[h->rule];

	for (size_t i = 0; i < ms->nallows; i++) {
		const struct allow_span *a = &ms->allows[i];
		const struct rule_owner *o = &rb->owners[a->owner];

		if (a->group != h->group || a->start > h->vstart ||
		    a->end < h->vend)
			continue;
		if (o->kind == OWNER_ALLOW && o->index == r->set)
			return true;
		if (o->kind == OWNER_EXCEPT && o->index == h->rule)
			return true;
	}
	return false;
}

int
match_run(struct match_scratch *ms, const struct rulebook *rb,
    const bool *sets, const char *text, size_t len)
{
	ms->rb = rb;
	ms->sets = sets;
	ms->nhits = 0;
	ms->nallows = 0;
	ms->oom = false;
	if (ms->per_rule_cap < rb->nrules) {
		uint8_t *np = realloc(ms->per_rule, rb->nrules);
		if (np == NULL)
			return -1;
		ms->per_rule = np;
		struct prefilter_found *nm = realloc(ms->found,
		    rb->nrules * sizeof(*nm));
		if (nm == NULL)
			return -1;
		ms->found = nm;
		ms->per_rule_cap = rb->nrules;
	}
	memset(ms->per_rule, 0, rb->nrules);
	/* the counts, not the places they count */
	for (size_t i = 0; i < rb->nrules; i++)
		memset(&ms->found[i], 0, offsetof(struct prefilter_found, at));
	if (views_build(&ms->views, text, len) == -1)
		return -1;

	for (size_t g = 0; g < rb->ngroups; g++) {
		const struct rule_group *grp = &rb->groups[g];
		if (lexicon_size(grp->lex) == 0)
			continue;
		const struct view *v = views_get(&ms->views, grp->view,
		    grp->folds);
		if (v == NULL)
			return -1;
		ms->group = (uint32_t)g;
		lexicon_scan(grp->lex, v->text, v->len, v->squeezed, on_lexicon_hit, ms);
	}
	for (size_t g = 0; rb->use_prefilter && g < rb->ngroups; g++) {
		const struct rule_group *grp = &rb->groups[g];
		if (grp->pf == NULL)
			continue;
		const struct view *v = views_get(&ms->views, grp->view,
		    grp->folds);
		if (v == NULL)
			return -1;
		prefilter_scan(grp->pf, v->text, v->len, ms->found);
	}
	for (size_t i = 0; i < rb->nrules; i++) {
		const struct rule *r = &rb->rules[i];
		if (!sets[r->set] || r->kind == RULE_WORDS)
			continue;
		const struct rule_group *grp = &rb->groups[r->group];
		const struct view *v = views_get(&ms->views, grp->view,
		    grp->folds);
		if (v == NULL)
			return -1;
		if (r->kind == RULE_REGEX) {
			PCRE2_SIZE from = 0, limit = PCRE2_UNSET;
			uint32_t heads[PREFILTER_HEADS_MAX];
			size_t nheads = 0;
			if (rb->use_prefilter && r->prefiltered) {
				const struct prefilter_found *f = &ms->found[i];
				if (!prefilter_pass(&r->atoms, f->may))
					continue;	/* a required literal is missing */
				limit = f->lastlit - 1;
				if (r->atoms.nheads > 0) {
					/* a match starts at a head */
					if (f->first == 0)
						continue;
					from = f->first - 1;
					if (f->last - 1 < limit)
						limit = f->last - 1;
					if (f->nat <= PREFILTER_HEADS_MAX)
						nheads = heads_sorted(f, heads);
				}
			}
			if (ms->prof_ns != NULL) {
				struct timespec t0, t1;
				clock_gettime(CLOCK_MONOTONIC, &t0);
				run_regex(ms, (uint32_t)i, v, from, limit,
				    nheads > 0 ? heads : NULL, nheads);
				clock_gettime(CLOCK_MONOTONIC, &t1);
				ms->prof_ns[i] += (uint64_t)((t1.tv_sec - t0.tv_sec) *
				    1000000000LL + (t1.tv_nsec - t0.tv_nsec));
				ms->prof_runs[i]++;
				continue;
			}
			run_regex(ms, (uint32_t)i, v, from, limit,
			    nheads > 0 ? heads : NULL, nheads);
		} else {
			size_t s, e;
			if (caps_check(&r->caps, v->text, v->len, &s, &e))
				hit_add(ms, (uint32_t)i, r->group, v, s, e, false);
		}
	}
	if (ms->nallows > 0)
		for (size_t i = 0; i < ms->nhits; i++)
			if (!ms->hits[i].limit)
				ms->hits[i].suppressed = hit_allowed(ms, &ms->hits[i]);
	context_apply(ms);	/* rules' context conditions: context.c */
	return ms->oom ? -1 : 0;
}
