/* tune: the scoring of labelled hits and the fit (see tune.h). */
#include "tune.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const double tune_weight_grid[] = { 0, 0.25, 0.5, 1, 1.5, 2, 3 };
const size_t tune_weight_grid_len =
    sizeof(tune_weight_grid) / sizeof(tune_weight_grid[0]);
/* No "never" for reject_at: every policy must still reject the canary. */
const double tune_threshold_grid[] = { 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4 };
const size_t tune_threshold_grid_len =
    sizeof(tune_threshold_grid) / sizeof(tune_threshold_grid[0]);

/* One offence: the rules (not counted in an earlier offence of the
 * comment) of a run of overlapping hits of one category. */
struct offence {
	uint32_t	category;
	uint32_t	first, n;	/* into tune.off_rules */
};

struct comment {
	uint32_t	first_off, n_off;	/* into tune.offs */
	uint64_t	labels, forced;
	bool		bad;
};

struct tune {
	struct tune_rule	*rules;
	size_t			 nrules, ncats;
	struct tune_thresholds	 start;
	struct offence		*offs;
	size_t			 noffs, offs_cap;
	uint32_t		*off_rules;
	size_t			 nrules_used, off_rules_cap;
	struct comment		*comments;
	size_t			 n, comments_cap;
	long			*support;	/* per rule, all comments */
	struct tune_hit		*sorted;	/* tune_add's scratch */
	size_t			 sorted_cap;
};

static int
grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t	 ncap;
	void	*np;

	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 64;
	while (ncap < need)
		ncap *= 2;
	if ((np = realloc(*p, ncap * elem)) == NULL)
		return -1;
	*p = np;
	*cap = ncap;
	return 0;
}

struct tune *
tune_new(const struct tune_rule *rules, size_t nrules, size_t ncategories,
    const struct tune_thresholds *start)
{
	struct tune	*t;

	if (ncategories > TUNE_MAX_CATEGORIES)
		return NULL;
	for (size_t r = 0; r < nrules; r++)
		if (rules[r].category >= ncategories)
			return NULL;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->rules = malloc((nrules ? nrules : 1) * sizeof(*t->rules));
	t->support = calloc(nrules ? nrules : 1, sizeof(*t->support));
	if (t->rules == NULL || t->support == NULL) {
		tune_free(t);
		return NULL;
	}
	if (nrules > 0)
		memcpy(t->rules, rules, nrules * sizeof(*rules));
	t->nrules = nrules;
	t->ncats = ncategories;
	t->start = *start;
	return t;
}

void
tune_free(struct tune *t)
{
	if (t == NULL)
		return;
	free(t->rules);
	free(t->offs);
	free(t->off_rules);
	free(t->comments);
	free(t->support);
	free(t->sorted);
	free(t);
}

size_t
tune_count(const struct tune *t)
{
	return t->n;
}

long
tune_support(const struct tune *t, uint32_t rule)
{
	return rule < t->nrules ? t->support[rule] : 0;
}

/* By category, start, end as offence.c orders them; then by rule, so
 * that the order does not depend on the input's. arg: the rules. */
static int
cmp_hit(const void *a, const void *b, void *arg)
{
	const struct tune_rule	*rules = arg;
	const struct tune_hit	*x = a, *y = b;
	uint32_t		 cx = rules[x->rule].category;
	uint32_t		 cy = rules[y->rule].category;

	if (cx != cy)
		return cx < cy ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

static bool
rule_in(const uint32_t *v, size_t n, uint32_t rule)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == rule)
			return true;
	return false;
}

long
tune_add(struct tune *t, bool bad, uint64_t labels,
    const struct tune_hit *hits, size_t nhits, uint64_t forced_review)
{
	struct comment	*c;
	size_t		 first_rule = t->nrules_used;

	for (size_t i = 0; i < nhits; i++)
		if (hits[i].rule >= t->nrules)
			return -1;
	if (grow((void **)&t->comments, &t->comments_cap, t->n + 1,
	    sizeof(*t->comments)) != 0 ||
	    grow((void **)&t->sorted, &t->sorted_cap, nhits + 1,
	    sizeof(*t->sorted)) != 0 ||
	    grow((void **)&t->offs, &t->offs_cap, t->noffs + nhits + 1,
	    sizeof(*t->offs)) != 0 ||
	    grow((void **)&t->off_rules, &t->off_rules_cap,
	    t->nrules_used + nhits + 1, sizeof(*t->off_rules)) != 0)
		return -1;
	if (nhits > 0)
		memcpy(t->sorted, hits, nhits * sizeof(*hits));
	if (nhits > 1)
		qsort_r(t->sorted, nhits, sizeof(*t->sorted), cmp_hit, t->rules);

	c = &t->comments[t->n];
	c->first_off = (uint32_t)t->noffs;
	c->n_off = 0;
	c->labels = labels;
	c->forced = forced_review;
	c->bad = bad;
	/* Runs of overlapping hits of one category are one offence; a rule
	 * counts in the first offence it is in. The rules of the comment's
	 * offences so far, t->off_rules[first_rule..], are those counted. */
	for (size_t i = 0; i < nhits;) {
		const struct tune_hit	*h0 = &t->sorted[i];
		uint32_t		 cat = t->rules[h0->rule].category;
		uint32_t		 end = h0->end;
		size_t			 j = i, before = t->nrules_used;

		for (; j < nhits; j++) {
			const struct tune_hit *h = &t->sorted[j];

			if (t->rules[h->rule].category != cat ||
			    (j > i && h->start >= end))
				break;
			if (h->end > end)
				end = h->end;
			if (rule_in(t->off_rules + first_rule,
			    t->nrules_used - first_rule, h->rule))
				continue;
			t->off_rules[t->nrules_used++] = h->rule;
			t->support[h->rule]++;
		}
		if (t->nrules_used > before) {
			struct offence *o = &t->offs[t->noffs++];

			o->category = cat;
			o->first = (uint32_t)before;
			o->n = (uint32_t)(t->nrules_used - before);
			c->n_off++;
		}
		i = j;
	}
	return (long)t->n++;
}

enum tune_outcome
tune_decide(const struct tune *t, size_t i, const double *weights,
    const struct tune_thresholds *th, uint64_t *held)
{
	const struct comment	*c = &t->comments[i];
	double			 all[TUNE_MAX_CATEGORIES];
	double			 firm[TUNE_MAX_CATEGORIES];
	enum tune_outcome	 d = TUNE_ACCEPT;
	uint64_t		 h = 0;

	for (size_t k = 0; k < t->ncats; k++)
		all[k] = firm[k] = 0;
	for (uint32_t k = 0; k < c->n_off; k++) {
		const struct offence	*o = &t->offs[c->first_off + k];
		double			 a = 0, f = 0;

		for (uint32_t m = 0; m < o->n; m++) {
			uint32_t	r = t->off_rules[o->first + m];
			double		w = weights[r];

			if (w > a)
				a = w;
			if (t->rules[r].most == TUNE_REJECT && w > f)
				f = w;
		}
		all[o->category] += a;
		firm[o->category] += f;
	}
	for (size_t k = 0; k < t->ncats; k++) {
		enum tune_outcome s = (c->forced >> k) & 1 ? TUNE_REVIEW :
		    TUNE_ACCEPT;

		if (firm[k] >= th->reject_at[k])
			s = TUNE_REJECT;
		else if (all[k] >= th->review_at[k] ||
		    all[k] >= th->reject_at[k])
			s = TUNE_REVIEW;
		if (s != TUNE_ACCEPT)
			h |= (uint64_t)1 << k;
		if (s > d)
			d = s;
	}
	if (held != NULL)
		*held = h;
	return d;
}

static void
count_one(struct tune_figures *f, const struct comment *c,
    enum tune_outcome d, uint64_t held, size_t ncats)
{
	struct replay_counts *k = &f->counts;

	if (c->bad) {
		if (d == TUNE_REJECT) {
			k->tp++;
			k->bad_rejected++;
		} else {
			k->fn++;
			if (d == TUNE_REVIEW)
				k->bad_reviewed++;
		}
	} else {
		if (d == TUNE_REJECT) {
			k->fp++;
			k->ok_rejected++;
		} else {
			k->tn++;
			if (d == TUNE_REVIEW)
				k->ok_reviewed++;
		}
	}
	if (d == TUNE_REVIEW)
		k->reviews++;
	for (size_t cat = 0; cat < ncats; cat++) {
		bool l = (c->labels >> cat) & 1, h = (held >> cat) & 1;

		if (l && h)
			f->cat_tp[cat]++;
		else if (h)
			f->cat_fp[cat]++;
		else if (l)
			f->cat_fn[cat]++;
	}
}

/* Figures over the comments whose fold is not skip (skip < 0: all). */
static void
figures_of(const struct tune *t, const double *weights,
    const struct tune_thresholds *th, int folds, int only,
    struct tune_figures *f)
{
	for (size_t i = 0; i < t->n; i++) {
		uint64_t		held;
		enum tune_outcome	d;

		if (only >= 0 && (int)(i % (size_t)folds) != only)
			continue;
		d = tune_decide(t, i, weights, th, &held);
		count_one(f, &t->comments[i], d, held, t->ncats);
	}
}

void
tune_figures(const struct tune *t, const double *weights,
    const struct tune_thresholds *th, struct tune_figures *f)
{
	memset(f, 0, sizeof(*f));
	figures_of(t, weights, th, 0, -1, f);
}

/* ---- the fit ---- */

/* What the search compares, best first: the caps kept (the excess
 * summed), unacceptable comments caught, of those rejected, acceptable
 * ones rejected, acceptable ones reviewed. */
struct objective {
	long	excess, caught, bad_rej, ok_rej, ok_rev;
};

static bool
better(const struct objective *a, const struct objective *b)
{
	if (a->excess != b->excess)
		return a->excess < b->excess;
	if (a->caught != b->caught)
		return a->caught > b->caught;
	if (a->bad_rej != b->bad_rej)
		return a->bad_rej > b->bad_rej;
	if (a->ok_rej != b->ok_rej)
		return a->ok_rej < b->ok_rej;
	return a->ok_rev < b->ok_rev;
}

/* Lists of comment indexes, one per key (rule or category). */
struct index {
	size_t		*first;		/* [nkeys + 1] */
	uint32_t	*items;
};

struct fit {
	const struct tune	*t;
	double			*w;
	struct tune_thresholds	 th;
	uint8_t			*dec;		/* per comment */
	bool			*train;		/* per comment */
	long			 ok_rej, ok_rev, bad_rej, bad_rev;
	long			 max_rej, max_rev;
	struct index		 by_rule, by_cat;
	double			 lambda;	/* see utility() */
	/* the best of the runs, by better() */
	double			*best_w;
	struct tune_thresholds	 best_th;
	struct objective	 best;
	bool			 have_best;
};

/* The prices tried, one descent each: 0 only ever adds caught comments. */
static const double lambdas[] = { 0, 0.25, 0.5, 1, 2, 4 };

static void
index_free(struct index *x)
{
	free(x->first);
	free(x->items);
	memset(x, 0, sizeof(*x));
}

/* Each training comment once per rule (by_cat: per category) among its
 * offences. */
static int
index_build(struct fit *ft, bool by_rule, struct index *x)
{
	const struct tune	*t = ft->t;
	size_t			 nkeys = by_rule ? t->nrules : t->ncats;
	size_t			 total = 0;
	uint32_t		*last;
	int			 rc = -1;

	x->first = calloc(nkeys + 2, sizeof(*x->first));
	last = malloc((nkeys + 1) * sizeof(*last));
	if (x->first == NULL || last == NULL)
		goto out;
	/* two passes: count, then fill; last[] stops duplicates */
	for (int pass = 0; pass < 2; pass++) {
		size_t *fill = NULL;

		for (size_t k = 0; k <= nkeys; k++)
			last[k] = UINT32_MAX;
		if (pass == 1) {
			for (size_t k = 0; k < nkeys; k++)
				x->first[k + 1] += x->first[k];
			total = x->first[nkeys];
			x->items = malloc((total ? total : 1) *
			    sizeof(*x->items));
			fill = calloc(nkeys + 1, sizeof(*fill));
			if (x->items == NULL || fill == NULL) {
				free(fill);
				goto out;
			}
		}
		for (size_t i = 0; i < t->n; i++) {
			const struct comment *c = &t->comments[i];

			if (!ft->train[i])
				continue;
			for (uint32_t k = 0; k < c->n_off; k++) {
				const struct offence *o = &t->offs[c->first_off + k];

				for (uint32_t m = 0; m < (by_rule ? o->n : 1); m++) {
					size_t key = by_rule ?
					    t->off_rules[o->first + m] : o->category;

					if (last[key] == (uint32_t)i)
						continue;
					last[key] = (uint32_t)i;
					if (pass == 0)
						x->first[key + 1]++;
					else
						x->items[x->first[key] +
						    fill[key]++] = (uint32_t)i;
				}
			}
		}
		free(fill);
	}
	rc = 0;
out:
	free(last);
	return rc;
}

static void
tally(struct fit *ft, size_t i, enum tune_outcome d, long sign)
{
	bool bad = ft->t->comments[i].bad;

	if (d == TUNE_REJECT)
		*(bad ? &ft->bad_rej : &ft->ok_rej) += sign;
	else if (d == TUNE_REVIEW)
		*(bad ? &ft->bad_rev : &ft->ok_rev) += sign;
}

static struct objective
objective_of(const struct fit *ft, long ok_rej, long ok_rev, long bad_rej,
    long bad_rev)
{
	struct objective o;

	o.excess = (ok_rej > ft->max_rej ? ok_rej - ft->max_rej : 0) +
	    (ok_rev > ft->max_rev ? ok_rev - ft->max_rev : 0);
	o.caught = bad_rej + bad_rev;
	o.bad_rej = bad_rej;
	o.ok_rej = ok_rej;
	o.ok_rev = ok_rev;
	return o;
}

/* The objective if the comments in items[0..n) were decided anew under
 * the current parameters (which the caller has just changed). */
static struct objective
objective_after(const struct fit *ft, const uint32_t *items, size_t n)
{
	long ok_rej = ft->ok_rej, ok_rev = ft->ok_rev;
	long bad_rej = ft->bad_rej, bad_rev = ft->bad_rev;

	for (size_t k = 0; k < n; k++) {
		size_t			i = items[k];
		enum tune_outcome	od = (enum tune_outcome)ft->dec[i];
		enum tune_outcome	nd = tune_decide(ft->t, i, ft->w,
					    &ft->th, NULL);
		bool			bad = ft->t->comments[i].bad;

		if (od == nd)
			continue;
		if (od == TUNE_REJECT)
			(*(bad ? &bad_rej : &ok_rej))--;
		else if (od == TUNE_REVIEW)
			(*(bad ? &bad_rev : &ok_rev))--;
		if (nd == TUNE_REJECT)
			(*(bad ? &bad_rej : &ok_rej))++;
		else if (nd == TUNE_REVIEW)
			(*(bad ? &bad_rev : &ok_rev))++;
	}
	return objective_of(ft, ok_rej, ok_rev, bad_rej, bad_rev);
}

static void
redecide(struct fit *ft, const uint32_t *items, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		size_t			i = items[k];
		enum tune_outcome	nd = tune_decide(ft->t, i, ft->w,
					    &ft->th, NULL);

		tally(ft, i, (enum tune_outcome)ft->dec[i], -1);
		tally(ft, i, nd, 1);
		ft->dec[i] = (uint8_t)nd;
	}
}

/* What a move is worth while searching with price lambda for each
 * acceptable comment rejected (a quarter of it for one reviewed): a
 * move may give up a caught comment to free room under the caps that
 * another move then fills. The caps themselves are never traded. */
static double
utility(const struct fit *ft, const struct objective *o)
{
	return -1e9 * (double)o->excess + (double)o->caught +
	    0.125 * (double)o->bad_rej -
	    (ft->lambda + 1e-6) * (double)o->ok_rej -
	    (ft->lambda / 4 + 1e-7) * (double)o->ok_rev;
}

/* Tries every value of grid (and extra) for *param, keeps the best; true
 * when it moved. */
static bool
search(struct fit *ft, double *param, const double *grid, size_t ngrid,
    double extra, const uint32_t *items, size_t n)
{
	double			 was = *param, best = was;
	struct objective	 o;
	double			 cur;

	o = objective_of(ft, ft->ok_rej, ft->ok_rev, ft->bad_rej,
	    ft->bad_rev);
	cur = utility(ft, &o);
	for (size_t g = 0; g <= ngrid; g++) {
		double v = g < ngrid ? grid[g] : extra, u;

		if (v == was || (g == ngrid && isnan(v)))
			continue;
		*param = v;
		o = objective_after(ft, items, n);
		u = utility(ft, &o);
		if (u > cur + 1e-9) {
			cur = u;
			best = v;
		}
	}
	*param = best;
	if (best == was)
		return false;
	redecide(ft, items, n);
	return true;
}

static bool
tunable(const struct tune_params *p, uint32_t category)
{
	return p->categories == 0 || ((p->categories >> category) & 1);
}

/* Decides every training comment under the loaded weights and the
 * starting thresholds. */
static void
fit_reset(struct fit *ft)
{
	const struct tune *t = ft->t;

	for (size_t r = 0; r < t->nrules; r++)
		ft->w[r] = t->rules[r].weight;
	ft->th = t->start;
	ft->ok_rej = ft->ok_rev = ft->bad_rej = ft->bad_rev = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (!ft->train[i])
			continue;
		ft->dec[i] = (uint8_t)tune_decide(t, i, ft->w, &ft->th, NULL);
		tally(ft, i, (enum tune_outcome)ft->dec[i], 1);
	}
}

static void
descend(struct fit *ft, const struct tune_params *p)
{
	const struct tune *t = ft->t;

	for (int s = 0; s < p->sweeps; s++) {
		bool moved = false;

		for (size_t r = 0; r < t->nrules; r++) {
			size_t a = ft->by_rule.first[r],
			    b = ft->by_rule.first[r + 1];

			if ((long)(b - a) < p->min_support ||
			    !tunable(p, t->rules[r].category))
				continue;
			moved |= search(ft, &ft->w[r], tune_weight_grid,
			    tune_weight_grid_len, t->rules[r].weight,
			    ft->by_rule.items + a, b - a);
		}
		for (size_t c = 0; c < t->ncats; c++) {
			size_t a = ft->by_cat.first[c],
			    b = ft->by_cat.first[c + 1];

			if (a == b || !tunable(p, (uint32_t)c))
				continue;
			/* reject_at stays finite unless it was not */
			moved |= search(ft, &ft->th.reject_at[c],
			    tune_threshold_grid, tune_threshold_grid_len,
			    t->start.reject_at[c], ft->by_cat.items + a, b - a);
			moved |= search(ft, &ft->th.review_at[c],
			    tune_threshold_grid, tune_threshold_grid_len,
			    INFINITY, ft->by_cat.items + a, b - a);
			if (t->start.review_at[c] != ft->th.review_at[c])
				moved |= search(ft, &ft->th.review_at[c],
				    &t->start.review_at[c], 1, NAN,
				    ft->by_cat.items + a, b - a);
		}
		if (!moved)
			break;
	}
}

/* Fits on the training comments: one descent per price, the best kept
 * in ft->w and ft->th. */
static int
fit_run(struct fit *ft, const struct tune_params *p)
{
	const struct tune	*t = ft->t;
	long			 n_ok = 0;

	for (size_t i = 0; i < t->n; i++)
		n_ok += ft->train[i] && !t->comments[i].bad;
	fit_reset(ft);
	ft->max_rej = isnan(p->target_frej) ? ft->ok_rej :
	    (long)floor(p->target_frej * (double)n_ok + 1e-9);
	ft->max_rev = isnan(p->max_review) ? ft->ok_rev :
	    (long)floor(p->max_review * (double)n_ok + 1e-9);
	index_free(&ft->by_rule);
	index_free(&ft->by_cat);
	if (index_build(ft, true, &ft->by_rule) != 0 ||
	    index_build(ft, false, &ft->by_cat) != 0)
		return -1;
	ft->have_best = false;
	for (size_t l = 0; l < sizeof(lambdas) / sizeof(lambdas[0]); l++) {
		struct objective o;

		ft->lambda = lambdas[l];
		if (l > 0)
			fit_reset(ft);
		descend(ft, p);
		o = objective_of(ft, ft->ok_rej, ft->ok_rev, ft->bad_rej,
		    ft->bad_rev);
		if (!ft->have_best || better(&o, &ft->best)) {
			ft->best = o;
			ft->best_th = ft->th;
			memcpy(ft->best_w, ft->w, t->nrules * sizeof(*ft->w));
			ft->have_best = true;
		}
	}
	memcpy(ft->w, ft->best_w, t->nrules * sizeof(*ft->w));
	ft->th = ft->best_th;
	return 0;
}

void
tune_result_free(struct tune_result *r)
{
	free(r->weights);
	memset(r, 0, sizeof(*r));
}

int
tune_fit(struct tune *t, const struct tune_params *p, struct tune_result *out)
{
	struct fit	 ft;
	double		*start_w;
	int		 rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&ft, 0, sizeof(ft));
	ft.t = t;
	ft.w = malloc((t->nrules ? t->nrules : 1) * sizeof(*ft.w));
	start_w = malloc((t->nrules ? t->nrules : 1) * sizeof(*start_w));
	ft.dec = calloc(t->n ? t->n : 1, 1);
	ft.train = malloc((t->n ? t->n : 1) * sizeof(*ft.train));
	ft.best_w = malloc((t->nrules ? t->nrules : 1) * sizeof(*ft.best_w));
	if (ft.w == NULL || start_w == NULL || ft.dec == NULL ||
	    ft.train == NULL || ft.best_w == NULL)
		goto out;
	for (size_t r = 0; r < t->nrules; r++)
		start_w[r] = t->rules[r].weight;
	tune_figures(t, start_w, &t->start, &out->before);

	/* each fold decided by the fit on the others: what the proposal
	 * may be worth on comments it was not fitted to */
	if (p->folds >= 2 && t->n >= (size_t)p->folds) {
		for (int f = 0; f < p->folds; f++) {
			for (size_t i = 0; i < t->n; i++)
				ft.train[i] = (int)(i % (size_t)p->folds) != f;
			if (fit_run(&ft, p) != 0)
				goto out;
			figures_of(t, ft.w, &ft.th, p->folds, f, &out->cv_after);
		}
		out->cross_validated = true;
	}
	for (size_t i = 0; i < t->n; i++)
		ft.train[i] = true;
	if (fit_run(&ft, p) != 0)
		goto out;
	tune_figures(t, ft.w, &ft.th, &out->after);
	out->th = ft.th;
	out->max_ok_rejected = ft.max_rej;
	out->max_ok_reviewed = ft.max_rev;
	out->feasible = ft.best.excess == 0;
	out->weights = ft.w;
	ft.w = NULL;
	rc = 0;
out:
	index_free(&ft.by_rule);
	index_free(&ft.by_cat);
	free(ft.w);
	free(ft.best_w);
	free(start_w);
	free(ft.dec);
	free(ft.train);
	return rc;
}
