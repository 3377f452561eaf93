#include "match.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "context.h"
#include "lexicon.h"
#include "rulebook.h"

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
	ms->budget_ns = (uint64_t)lim->budget_ms * 1000000u;
	return 0;
}

void
match_scratch_free(struct match_scratch *ms)
{
	views_free(&ms->views);
	model_feats_free(&ms->feats);
	free(ms->hits);
	free(ms->allows);
	free(ms->per_rule);
	free(ms->found);
	for (size_t i = 0; i < PREFILTER_MAX_JOBS; i++)
		prefilter_scratch_free(&ms->pfs[i]);
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
	h->budget = false;
	h->suppressed = false;
	h->score = -1;
	h->review = false;
	ms->per_rule[rule]++;
}

/* A model rule: a hit when its score reaches the review threshold, on
 * the spans that pushed it up most (the whole comment when none did). */
static int
run_model(struct match_scratch *ms, uint32_t rule)
{
	const struct rule	*r = &ms->rb->rules[rule];
	const struct model	*m = r->model;
	struct model_span	 sp[MATCH_MODEL_SPANS];
	size_t			 n, first = ms->nhits;
	double			 p;

	if (model_features(&ms->views, m->bits, m->seed, &ms->feats) == -1)
		return -1;
	p = model_score(m, &ms->feats);
	if (p < (double)m->review_at)
		return 0;
	n = model_top_spans(m, &ms->feats, sp, MATCH_MODEL_SPANS);
	if (n == 0)
		hit_add(ms, rule, r->group, &ms->views.raw, 0,
		    ms->views.raw.len, false);
	for (size_t i = 0; i < n; i++)
		hit_add(ms, rule, r->group, &ms->views.raw, sp[i].start,
		    sp[i].end, false);
	for (size_t i = first; i < ms->nhits; i++) {
		ms->hits[i].score = (float)p;
		ms->hits[i].review = p < (double)m->reject_at;
	}
	return ms->oom ? -1 : 0;
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
 * The per-comment regex budget. PCRE2's match limit bounds one start
 * place; a long comment with many places that each cost a little under
 * it (a 64 KiB comment of '#' and words against #(\w+\s?)+;) took
 * seconds. So long texts are searched MATCH_STRETCH start places per
 * pcre2_match call, and between calls the time spent is looked at. The
 * thread's CPU time is what counts, so that time other threads ran does
 * not, but reading it is a system call (~1 us): it is read when the
 * coarse clock (a few ns) has ticked since the last look, so at most
 * once a tick (4 ms at HZ=250). A long comment reads it from its first
 * regex on; a short one from its first tick, counting at most
 * MATCH_SLOW_NS as spent before. A comment that has spent MATCH_SLOW_NS
 * is looked at every MATCH_STRETCH_SLOW start places.
 */
#define MATCH_STRETCH		256
#define MATCH_STRETCH_SLOW	16	/* once slow: looked at more often */
#define MATCH_LONG_TEXT		2048
#define MATCH_SLOW_NS		2000000u

static uint64_t
clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static bool
budget_spent(struct match_scratch *ms, size_t len)
{
	uint64_t wall, spent;

	if (ms->budget_ns == 0)
		return false;
	if (ms->over_budget)
		return true;
	wall = clock_ns(CLOCK_MONOTONIC_COARSE);
	if (ms->wall0 == 0) {
		/* the comment's first regex */
		ms->wall0 = ms->wall_seen = wall;
		if (len >= MATCH_LONG_TEXT) {
			ms->cpu_clock = true;
			ms->cpu0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
			ms->before_cpu0 = 0;
		}
		return false;
	}
	/* the CPU clock is read at most once a tick of the coarse one */
	if (wall == ms->wall_seen)
		return false;
	ms->wall_seen = wall;
	if (!ms->cpu_clock) {
		ms->cpu_clock = true;
		ms->cpu0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
		ms->before_cpu0 = wall - ms->wall0 < MATCH_SLOW_NS ?
		    wall - ms->wall0 : MATCH_SLOW_NS;
		return false;
	}
	spent = ms->before_cpu0 + clock_ns(CLOCK_THREAD_CPUTIME_ID) - ms->cpu0;
	ms->slow = spent >= MATCH_SLOW_NS;
	if (spent < ms->budget_ns)
		return false;
	ms->over_budget = true;
	return true;
}

/* The budget ran out while regex ri was to run: the rest is skipped, and
 * the comment is held for review on an enforced rule that did not run
 * (ri, or the next one of an enabled set; none: only shadow rules lost
 * their turn, and the decision stands). */
static void
budget_hit(struct match_scratch *ms, uint32_t ri, const struct view *v)
{
	const struct rulebook *rb = ms->rb;

	for (uint32_t i = ri; i < rb->nrules; i++) {
		const struct rule *r = &rb->rules[i];
		if (r->kind != RULE_REGEX || r->shadow || !ms->sets[r->set])
			continue;
		const struct rule_group *g = &rb->groups[r->group];
		if (r->group != rb->rules[ri].group)
			v = views_get(&ms->views, g->view, g->folds);
		if (v == NULL) {
			ms->oom = true;
			return;
		}
		size_t n = ms->nhits;
		hit_add(ms, i, r->group, v, 0, 0, true);
		if (ms->nhits > n)
			ms->hits[n].budget = true;
		return;
	}
}

/*
 * Run regex ri over v, its matches starting at from .. limit (the whole
 * view: 0 .. PCRE2_UNSET); with at, only at those nat places (+ 1,
 * ascending), each tried on its own: where the leftmost match starts, a
 * search held to that start finds the same one. (An offset limit holds
 * it: PCRE2_ANCHORED at match time would leave the JIT.) Otherwise a
 * search covers MATCH_STRETCH start places per call: the leftmost match
 * is in the first stretch that has one, so the hits are the same.
 * Returns false when the budget ran out.
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

	while (off <= v->len) {
		PCRE2_SIZE start = off, upto = limit;
		if (budget_spent(ms, v->len)) {
			budget_hit(ms, ri, v);
			return;
		}
		if (at != NULL) {
			while (k < nat && at[k] - 1 < off)
				k++;
			if (k == nat || at[k] - 1 > limit)
				return;
			start = upto = at[k++] - 1;
		} else if (!r->whole_search && ms->budget_ns != 0) {
			/* a slow comment is looked at more often */
			size_t n = ms->slow ? MATCH_STRETCH_SLOW : MATCH_STRETCH;
			if (v->len - start > n && start + n < limit)
				upto = start + n;
		}
		pcre2_set_offset_limit(ms->mctx, upto);
		int rc = pcre2_match(re, (PCRE2_SPTR)v->text, v->len, start,
		    PCRE2_NO_UTF_CHECK, ms->md, ms->mctx);
		if (rc == PCRE2_ERROR_NOMATCH && at != NULL)
			continue;
		if (rc == PCRE2_ERROR_NOMATCH) {
			if (upto == limit)
				return;
			/* on to the next stretch, at a character's start */
			off = upto + 1;
			while (off < v->len &&
			    ((unsigned char)v->text[off] & 0xC0) == 0x80)
				off++;
			continue;
		}
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
	return;
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
match_views(struct match_scratch *ms, const struct rulebook *rb,
    const char *text, size_t len)
{
	if (views_build(&ms->views, text, len) == -1)
		return -1;
	for (size_t g = 0; g < rb->ngroups; g++)
		if (views_get(&ms->views, rb->groups[g].view,
		    rb->groups[g].folds) == NULL)
			return -1;
	return 0;
}

int
match_run(struct match_scratch *ms, const struct rulebook *rb,
    const bool *sets, const char *text, size_t len)
{
	return match_run_opts(ms, rb, sets, text, len, NULL);
}

/* The prefilter's scans of the views, side by side (prefilter_scan_many)
 * but for those that skip most of their text. */
static int
prefilter_views(struct match_scratch *ms, const struct rulebook *rb)
{
	struct prefilter_job	 jobs[MATCH_MAX_SCANS];
	size_t			 n = 0;

	for (size_t g = 0; g < rb->ngroups; g++) {
		const struct rule_group *x = &rb->groups[g];
		if (x->pf == NULL)
			continue;
		const struct view *v = views_get(&ms->views, x->view, x->folds);
		if (v == NULL)
			return -1;
		/* one that skips most of its text goes alone, now: its
		 * scratch is clean again for the jobs */
		if (n == MATCH_MAX_SCANS || prefilter_sparse(x->pf)) {
			if (prefilter_scratch_reserve(&ms->pfs[0], x->pf) == -1)
				return -1;
			prefilter_scan(x->pf, v->text, v->len, ms->found,
			    &ms->pfs[0]);
			continue;
		}
		struct prefilter_scratch *sc = &ms->pfs[n % PREFILTER_MAX_JOBS];
		if (prefilter_scratch_reserve(sc, x->pf) == -1)
			return -1;
		jobs[n++] = (struct prefilter_job){ x->pf, v->text, v->len, sc };
	}
	prefilter_scan_many(jobs, n, ms->found);
	return 0;
}

/* Add the time since *t0 to a stage, when asked to. */
static void
stage_mark(const struct match_opts *opts, int stage, uint64_t *t0)
{
	if (opts->stage_ns == NULL)
		return;
	uint64_t t = clock_ns(CLOCK_MONOTONIC);
	opts->stage_ns[stage] += t - *t0;
	*t0 = t;
}

int
match_run_opts(struct match_scratch *ms, const struct rulebook *rb,
    const bool *sets, const char *text, size_t len,
    const struct match_opts *opts)
{
	static const struct match_opts defaults;
	bool use_prefilter;

	if (opts == NULL)
		opts = &defaults;
	use_prefilter = !opts->no_prefilter;
	ms->rb = rb;
	ms->sets = sets;
	ms->nhits = 0;
	ms->nallows = 0;
	ms->oom = false;
	ms->wall0 = 0;
	ms->cpu_clock = false;
	ms->slow = false;
	ms->over_budget = false;
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
	/* the monotonic clock: a thread's CPU clock costs a system call,
	 * more than some stages take */
	uint64_t t0 = opts->stage_ns != NULL ? clock_ns(CLOCK_MONOTONIC) : 0;
	if (views_build(&ms->views, text, len) == -1)
		return -1;
	/* every view the rules read, so that the stages below do not count
	 * building them */
	for (size_t g = 0; opts->stage_ns != NULL && g < rb->ngroups; g++)
		if (views_get(&ms->views, rb->groups[g].view,
		    rb->groups[g].folds) == NULL)
			return -1;
	stage_mark(opts, MATCH_STAGE_VIEWS, &t0);

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
	stage_mark(opts, MATCH_STAGE_WORDS, &t0);
	if (use_prefilter && prefilter_views(ms, rb) == -1)
		return -1;
	stage_mark(opts, MATCH_STAGE_PREFILTER, &t0);
	for (size_t i = 0; i < rb->nrules; i++) {
		const struct rule *r = &rb->rules[i];
		if (!sets[r->set] || r->kind == RULE_WORDS ||
		    (r->kind == RULE_REGEX && ms->over_budget))
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
			if (use_prefilter && r->prefiltered) {
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
			uint64_t r0 = opts->prof_ns != NULL ?
			    clock_ns(CLOCK_MONOTONIC) : 0;
			run_regex(ms, (uint32_t)i, v, from, limit,
			    nheads > 0 ? heads : NULL, nheads);
			if (opts->prof_ns != NULL) {
				opts->prof_ns[i] += clock_ns(CLOCK_MONOTONIC) - r0;
				opts->prof_runs[i]++;
			}
		} else if (r->kind == RULE_MODEL) {
			if (run_model(ms, (uint32_t)i) == -1)
				return -1;
		} else {
			size_t s, e;
			if (caps_check(&r->caps, v->text, v->len, &s, &e))
				hit_add(ms, (uint32_t)i, r->group, v, s, e, false);
		}
	}
	/* allow entries are words of a view; a model reads several */
	if (ms->nallows > 0)
		for (size_t i = 0; i < ms->nhits; i++)
			if (!ms->hits[i].limit && ms->hits[i].score < 0)
				ms->hits[i].suppressed = hit_allowed(ms, &ms->hits[i]);
	context_apply(ms);	/* rules' context conditions: context.c */
	stage_mark(opts, MATCH_STAGE_RULES, &t0);
	return ms->oom ? -1 : 0;
}
