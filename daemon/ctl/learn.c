/* learn: corpus to model (learn.h). */
#include "learn.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctl_util.h"
#include "linfit.h"
#include "norm.h"
#include "text.h"

/* The regularisation tried, weakest last; rows have unit length, so
 * these span a plain bag of words (1) to one that fits the corpus
 * closely (64). */
static const double c_grid[] = { 1, 4, 16, 64 };
#define N_C	(sizeof(c_grid) / sizeof(c_grid[0]))


void
learn_opts_default(struct learn_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->target_fpr = 0.01;
	o->bits = MODEL_BITS_DEFAULT;
	o->seed = 0x5eed1e55u;
	o->folds = 5;
}

/* Every row's features, as LIBLINEAR rows in one array: row i starts at
 * nodes[start[i]] and ends with index -1. */
struct corpus {
	struct linfit_node	*nodes;
	size_t			 nn, ncap;
	size_t			*start;
	double			*y;
	bool			*pos;
	bool			*ruled;		/* rejected by the rules; NULL: no rules */
	size_t			 l, lcap, npos;
	uint32_t		*idx;		/* corpus_add's sort scratch */
	size_t			 idx_cap;
	uint64_t		 hash;
};

static void
corpus_free(struct corpus *c)
{
	free(c->nodes);
	free(c->start);
	free(c->y);
	free(c->pos);
	free(c->ruled);
	free(c->idx);
}

static int
idx_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* A row: the comment's distinct features in ascending order (as
 * LIBLINEAR wants them), each valued by its occurrences times f->val, so
 * that w.x is the sum the daemon's scoring adds up (model_score). */
static int
corpus_add(struct corpus *c, const struct model_feats *f, bool pos,
    bool ruled, bool with_rules, uint32_t bits)
{
	if (c->l == c->lcap) {
		size_t	 cap = c->lcap ? c->lcap * 2 : 1024;
		size_t	*st = realloc(c->start, cap * sizeof(*st));
		double	*y;
		bool	*p;

		if (st == NULL)
			return -1;
		c->start = st;
		if ((y = realloc(c->y, cap * sizeof(*y))) == NULL)
			return -1;
		c->y = y;
		if ((p = realloc(c->pos, cap * sizeof(*p))) == NULL)
			return -1;
		c->pos = p;
		if (with_rules) {
			if ((p = realloc(c->ruled, cap * sizeof(*p))) == NULL)
				return -1;
			c->ruled = p;
		}
		c->lcap = cap;
	}
	if (f->n > c->idx_cap) {
		uint32_t *ix = realloc(c->idx, f->n * sizeof(*ix));

		if (ix == NULL)
			return -1;
		c->idx = ix;
		c->idx_cap = f->n;
	}
	/* the features, the bias feature, the end mark */
	size_t need = c->nn + f->n + 2;
	if (need > c->ncap) {
		size_t			 cap = c->ncap ? c->ncap : 1 << 16;
		struct linfit_node	*nodes;

		while (cap < need)
			cap *= 2;
		if ((nodes = realloc(c->nodes, cap * sizeof(*nodes))) == NULL)
			return -1;
		c->nodes = nodes;
		c->ncap = cap;
	}
	for (size_t i = 0; i < f->n; i++)
		c->idx[i] = f->v[i].idx;
	qsort(c->idx, f->n, sizeof(*c->idx), idx_cmp);
	c->start[c->l] = c->nn;
	for (size_t i = 0; i < f->n; i++) {
		if (i > 0 && c->idx[i] == c->idx[i - 1]) {
			c->nodes[c->nn - 1].value += f->val;
			continue;
		}
		c->nodes[c->nn++] = (struct linfit_node){
		    (int)c->idx[i] + 1, f->val };
	}
	c->nodes[c->nn++] = (struct linfit_node){ (int)(1u << bits) + 1, 1 };
	c->nodes[c->nn++] = (struct linfit_node){ -1, 0 };
	c->y[c->l] = pos ? 1 : -1;
	c->pos[c->l] = pos;
	if (c->ruled != NULL)
		c->ruled[c->l] = ruled;
	c->npos += pos;
	c->l++;
	return 0;
}

static bool
is_positive(const json_t *labels, const char *category)
{
	size_t		 i;
	const json_t	*v;

	if (category == NULL)
		return json_array_size(labels) > 0;
	json_array_foreach(labels, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v),
		    category) == 0)
			return true;
	return false;
}

static bool
blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

static int
read_file(struct corpus *c, const char *path, const struct learn_opts *o,
    struct views *vs, struct model_feats *f)
{
	FILE		*fp;
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 n;
	long		 lineno = 0;
	int		 rc = -1;

	if ((fp = fopen(path, "r")) == NULL) {
		ctl_warn("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, fp)) != -1) {
		json_t		*o_line, *text, *labels;
		json_error_t	 je;

		lineno++;
		c->hash = text_fnv1a(c->hash, line, (size_t)n);
		if (blank(line, (size_t)n))
			continue;
		if ((o_line = json_loadb(line, (size_t)n, 0, &je)) == NULL) {
			ctl_warn("%s:%ld: not JSON: %s", path, lineno, je.text);
			goto out;
		}
		text = json_object_get(o_line, "text");
		labels = json_object_get(o_line, "labels");
		if (!json_is_string(text) || !json_is_array(labels)) {
			ctl_warn("%s:%ld: a row needs \"text\" (a string) and "
			    "\"labels\" (an array)", path, lineno);
			json_decref(o_line);
			goto out;
		}
		int ruled = o->rules_reject == NULL ? 0 :
		    o->rules_reject(o->rules_ctx, json_string_value(text),
		    json_string_length(text));
		if (ruled == -1 || views_build(vs, json_string_value(text),
		    json_string_length(text)) == -1 ||
		    model_features(vs, o->bits, o->seed, f) == -1 ||
		    corpus_add(c, f, is_positive(labels, o->category),
		    ruled == 1, o->rules_reject != NULL, o->bits) == -1) {
			ctl_warn("out of memory");
			json_decref(o_line);
			goto out;
		}
		json_decref(o_line);
	}
	if (ferror(fp)) {
		ctl_warn("%s: %s", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	free(line);
	fclose(fp);
	return rc;
}

static double
score_row(const struct linfit_node *x, const double *w)
{
	double dot = 0;

	for (; x->index != -1; x++)
		dot += w[x->index - 1] * x->value;
	return 1.0 / (1.0 + exp(-dot));
}

static int
cmp_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* The least float above x. */
static double
above(double x)
{
	float t = nextafterf((float)x, 2.0f);

	while ((double)t <= x)
		t = nextafterf(t, 2.0f);
	return t;
}

double
learn_threshold(const double *p, const bool *pos, const bool *ruled,
    size_t n, double max_fpr)
{
	double	*neg, t;
	size_t	 nneg = 0, nfree = 0, k;

	if ((neg = malloc((n ? n : 1) * sizeof(*neg))) == NULL)
		return 0.5;
	/* the rules' false positives are no new ones */
	for (size_t i = 0; i < n; i++)
		if (!pos[i]) {
			nneg++;
			if (ruled == NULL || !ruled[i])
				neg[nfree++] = p[i];
		}
	/* the count the rate allows, less one standard deviation of it (a
	 * Poisson count's): on new comments the count varies, and a
	 * threshold that spends the whole allowance here overspends it
	 * there about half the time, most on small corpora */
	double allow = max_fpr * (double)nneg;
	allow = allow >= 1 ? allow - sqrt(allow) : 0;
	k = (size_t)floor(allow + 1e-9);
	if (k >= nfree) {
		t = 0;		/* every negative may be rejected */
	} else {
		qsort(neg, nfree, sizeof(*neg), cmp_desc);
		/* above the (k+1)-th highest: k negatives at most */
		t = above(neg[k]);
		/* and in the middle (of the log-odds) of the gap to the next
		 * score up, the one that counts the same rows with the most
		 * room either side: where the classes part widely, as on a
		 * small or easy corpus, a threshold just above the negative
		 * would reject what scores a hair above it, such as a comment
		 * of words the model never saw, scoring about its bias */
		double up = 2;
		for (size_t i = 0; i < n; i++)
			if (p[i] > neg[k] && p[i] < up &&
			    (pos[i] || ruled == NULL || !ruled[i]))
				up = p[i];
		if (up < 1 && neg[k] > 0) {
			double mid = 1 / (1 + sqrt((1 - neg[k]) / neg[k] *
			    (1 - up) / up));

			if (mid > t && mid < up)
				t = mid;
		}
	}
	free(neg);
	if (t < 1e-6)
		t = 1e-6;
	if (t > 1 - 1e-6)
		t = 1 - 1e-6;
	return t;
}

struct cv_counts {
	double precision, recall, fpr;
};

/* Rows rejected by the model at t or by the rules (ruled, may be NULL). */
static struct cv_counts
cv_at(const double *p, const bool *pos, const bool *ruled, size_t n,
    double t)
{
	size_t			 tp = 0, fp = 0, npos = 0;
	struct cv_counts	 r;

	for (size_t i = 0; i < n; i++) {
		npos += pos[i];
		if (p[i] >= t || (ruled != NULL && ruled[i])) {
			tp += pos[i];
			fp += !pos[i];
		}
	}
	r.precision = tp + fp ? (double)tp / (double)(tp + fp) : 0;
	r.recall = npos ? (double)tp / (double)npos : 0;
	r.fpr = n - npos ? (double)fp / (double)(n - npos) : 0;
	return r;
}

/* Deterministic folds, each class dealt round-robin after a shuffle, so
 * every fold holds its share of the (often few) positives. */
static int *
make_folds(const struct corpus *c, int k)
{
	int		*fold = malloc(c->l * sizeof(*fold));
	size_t		*order = malloc(c->l * sizeof(*order));
	uint64_t	 x = 0x9e3779b97f4a7c15ull;
	size_t		 npos = 0, nneg = 0;

	if (fold == NULL || order == NULL) {
		free(fold);
		free(order);
		return NULL;
	}
	for (size_t i = 0; i < c->l; i++)
		order[i] = i;
	for (size_t i = c->l; i > 1; i--) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		size_t j = (size_t)(x % i), t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	for (size_t i = 0; i < c->l; i++) {
		size_t r = order[i];
		fold[r] = (int)((c->pos[r] ? npos++ : nneg++) % (size_t)k);
	}
	free(order);
	return fold;
}

/* Renumber the features to the ones that occur, 1..u in index order,
 * the bias feature u + 1 (*n). Returns the hashed index of each: used[j]
 * for feature j + 1. */
static uint32_t *
compact(struct corpus *c, uint32_t bits, int *n)
{
	size_t		 size = (size_t)1 << bits;
	uint32_t	*map = calloc(size, sizeof(*map)), *used;
	uint32_t	 u = 0;

	if (map == NULL)
		return NULL;
	for (size_t i = 0; i < c->nn; i++)
		if (c->nodes[i].index > 0 && (size_t)c->nodes[i].index <= size)
			map[c->nodes[i].index - 1] = 1;
	for (size_t i = 0; i < size; i++)
		if (map[i])
			map[i] = ++u;
	if ((used = malloc(((size_t)u + 1) * sizeof(*used))) == NULL) {
		free(map);
		return NULL;
	}
	for (size_t i = 0; i < size; i++)
		if (map[i])
			used[map[i] - 1] = (uint32_t)i;
	for (size_t i = 0; i < c->nn; i++) {
		int ix = c->nodes[i].index;

		if (ix > 0)
			c->nodes[i].index = (size_t)ix <= size ?
			    (int)map[ix - 1] : (int)u + 1;
	}
	free(map);
	*n = (int)u + 1;
	return used;
}

/* One fold's training: all rows but the fold's, from init (or zero). */
struct fold_job {
	const struct corpus	*c;
	struct linfit_node	**x;
	const int		*fold;
	int			 k, n;
	double			 C;
	const double		*init;
	double			*w;	/* the fold model */
	int			 rc;
};

/* The Naive Bayes smoothing: one row of each class added to every
 * feature's count (Wang and Manning's NBSVM). */
#define NB_ALPHA	1.0

/*
 * The Naive Bayes log-count ratio of each of the n features (the last
 * the bias, kept at 1) over the l rows x, y: the log of the share of
 * positive rows that have the feature over the share of negative ones,
 * each count smoothed by NB_ALPHA. Scaling the rows by it before the
 * fit (NB-LR) lets the regression start from what each feature says on
 * its own; it is what most of the F1 the model adds beside the rules
 * owes to (README, Measured). Returns NULL when out of memory.
 */
double *
learn_nb_ratios(struct linfit_node *const *x, const double *y, size_t l,
    int n)
{
	double	*r = calloc((size_t)n, sizeof(*r));
	double	*q = calloc((size_t)n, sizeof(*q));
	double	 sp = 0, sq = 0;

	if (r == NULL || q == NULL) {
		free(r);
		free(q);
		return NULL;
	}
	/* a row's features are distinct: a node is one row that has it */
	for (size_t i = 0; i < l; i++)
		for (const struct linfit_node *v = x[i]; v->index != -1; v++)
			if (v->index < n && v->value != 0)
				(y[i] > 0 ? r : q)[v->index - 1] += 1;
	for (int i = 0; i < n - 1; i++) {
		sp += r[i] + NB_ALPHA;
		sq += q[i] + NB_ALPHA;
	}
	for (int i = 0; i < n - 1; i++)
		r[i] = log((r[i] + NB_ALPHA) / sp) - log((q[i] + NB_ALPHA) / sq);
	r[n - 1] = 1;
	free(q);
	return r;
}

/* The rows sx scaled by r, into one array (*buf); sx then points into
 * it. -1 when out of memory. */
static int
nb_scale(struct linfit_node **sx, size_t l, const double *r,
    struct linfit_node **buf)
{
	size_t			 nn = 0;
	struct linfit_node	*b;

	for (size_t i = 0; i < l; i++) {
		const struct linfit_node *v = sx[i];

		while (v->index != -1)
			v++;
		nn += (size_t)(v - sx[i]) + 1;
	}
	if ((b = *buf = malloc(nn * sizeof(*b))) == NULL)
		return -1;
	for (size_t i = 0; i < l; i++) {
		const struct linfit_node *v = sx[i];

		sx[i] = b;
		for (; v->index != -1; v++)
			*b++ = (struct linfit_node){ v->index,
			    v->value * r[v->index - 1] };
		*b++ = (struct linfit_node){ -1, 0 };
	}
	return 0;
}

/*
 * The fit is on rows scaled by the ratios, so its weights are turned
 * back to the rows as they are (w times r) and the daemon scores the
 * plain features. A warm start is turned the other way; a feature whose
 * ratio is 0 is absent from the scaled rows, and starts at 0.
 */
static void *
fold_train(void *arg)
{
	struct fold_job		 *j = arg;
	const struct corpus	 *c = j->c;
	/* zeroed: GCC cannot see that the loop below fills what is read */
	struct linfit_node	**sx = calloc(c->l, sizeof(*sx));
	struct linfit_node	 *buf = NULL;
	double			 *sy = calloc(c->l, sizeof(*sy));
	double			 *r = NULL, *init = NULL;
	size_t			  l = 0;

	j->rc = -1;
	if (sx == NULL || sy == NULL)
		goto out;
	for (size_t i = 0; i < c->l; i++)
		if (j->fold[i] != j->k) {
			sx[l] = j->x[i];
			sy[l++] = c->y[i];
		}
	if ((r = learn_nb_ratios(sx, sy, l, j->n)) == NULL ||
	    nb_scale(sx, l, r, &buf) == -1)
		goto out;
	if (j->init != NULL) {
		if ((init = malloc((size_t)j->n * sizeof(*init))) == NULL)
			goto out;
		for (int i = 0; i < j->n; i++)
			init[i] = r[i] != 0 ? j->init[i] / r[i] : 0;
	}
	if ((j->rc = linfit_train(sx, sy, l, j->n, j->C, init, j->w)) == 0)
		for (int i = 0; i < j->n; i++)
			j->w[i] *= r[i];
out:
	free(init);
	free(r);
	free(buf);
	free(sx);
	free(sy);
	return NULL;
}

/*
 * The fold models under C (into w[k], each started from init[k] when
 * init is not NULL: the same fold's model at the C before) and the
 * cross-validated probability of every row (p). The folds train on
 * LEARN_THREADS threads.
 */
#define LEARN_THREADS	2
static int
cross_validate(const struct corpus *c, struct linfit_node **x, int n,
    const int *fold, const struct learn_opts *o, double C,
    double *const *init, double *const *w, double *p)
{
	struct fold_job	*jobs = calloc((size_t)o->folds, sizeof(*jobs));
	pthread_t	 tid[LEARN_THREADS];
	int		 rc = -1;

	if (jobs == NULL)
		return -1;
	if (o->progress != NULL)
		fprintf(o->progress, "learn: C=%g, %d folds\n", C, o->folds);
	for (int k = 0; k < o->folds; k++)
		jobs[k] = (struct fold_job){ c, x, fold, k, n, C,
		    init != NULL ? init[k] : NULL, w[k], -1 };
	for (int k = 0; k < o->folds; k += LEARN_THREADS) {
		int started = 0;

		for (int t = 0; t < LEARN_THREADS && k + t < o->folds; t++) {
			/* on a failed start the job runs here */
			if (pthread_create(&tid[t], NULL, fold_train,
			    &jobs[k + t]) != 0)
				break;
			started++;
		}
		for (int t = started; t < LEARN_THREADS && k + t < o->folds; t++)
			fold_train(&jobs[k + t]);
		for (int t = 0; t < started; t++)
			pthread_join(tid[t], NULL);
	}
	for (int k = 0; k < o->folds; k++)
		if (jobs[k].rc == -1)
			goto out;
	for (size_t i = 0; i < c->l; i++)
		p[i] = score_row(x[i], w[fold[i]]);
	rc = 0;
out:
	free(jobs);
	return rc;
}

static void
weights_free(double **w, int k)
{
	if (w == NULL)
		return;
	for (int i = 0; i < k; i++)
		free(w[i]);
	free(w);
}

/* k weight vectors of n. */
static double **
weights_new(int k, int n)
{
	double **w = calloc((size_t)k, sizeof(*w));

	if (w == NULL)
		return NULL;
	for (int i = 0; i < k; i++)
		if ((w[i] = calloc((size_t)n, sizeof(**w))) == NULL) {
			weights_free(w, k);
			return NULL;
		}
	return w;
}

struct model *
learn_files(char *const *files, int nfiles, const struct learn_opts *o,
    struct learn_summary *s)
{
	struct corpus		 c = { .hash = TEXT_FNV_OFFSET };
	struct views		 vs;
	struct model_feats	 f;
	struct model		*m = NULL;
	struct linfit_node	**x = NULL;
	double			*p = NULL, *best_p = NULL;
	/* the fold models: at the C being tried, at the one before (its
	 * warm start), at the best so far */
	double			**cur = NULL, **prev = NULL, **best = NULL;
	int			*fold = NULL;
	uint32_t		*used = NULL;
	int			 n = 0;
	double			 t0 = ctl_now(), best_recall = -1;

	memset(s, 0, sizeof(*s));
	views_init(&vs);
	model_feats_init(&f);
	for (int i = 0; i < nfiles; i++)
		if (read_file(&c, files[i], o, &vs, &f) == -1)
			goto out;
	if (o->progress != NULL)
		fprintf(o->progress, "learn: %zu rows read, %zu to reject "
		    "(%.1fs)\n", c.l, c.npos, ctl_now() - t0);
	if (c.npos == 0 || c.npos == c.l) {
		ctl_warn("learning needs rows to reject and rows to accept: "
		    "%zu rows, %zu to reject%s%s", c.l, c.npos,
		    o->category ? " as " : "", o->category ? o->category : "");
		goto out;
	}
	if (c.npos < (size_t)o->folds || c.l - c.npos < (size_t)o->folds) {
		ctl_warn("too few rows of one class for %d-fold "
		    "cross-validation: %zu to reject, %zu to accept",
		    o->folds, c.npos, c.l - c.npos);
		goto out;
	}
	x = malloc(c.l * sizeof(*x));
	p = malloc(c.l * sizeof(*p));
	best_p = malloc(c.l * sizeof(*best_p));
	if (x == NULL || p == NULL || best_p == NULL ||
	    (fold = make_folds(&c, o->folds)) == NULL) {
		ctl_warn("out of memory");
		goto out;
	}
	for (size_t i = 0; i < c.l; i++)
		x[i] = &c.nodes[c.start[i]];
	/* LIBLINEAR works on dense vectors of all n features: give it only
	 * the ones the corpus has */
	if ((used = compact(&c, o->bits, &n)) == NULL ||
	    (cur = weights_new(o->folds, n)) == NULL ||
	    (prev = weights_new(o->folds, n)) == NULL ||
	    (best = weights_new(o->folds, n)) == NULL) {
		ctl_warn("out of memory");
		goto out;
	}
	/* the C whose cross-validated recall at the target FPR is highest;
	 * on a tie the smaller, the simpler model. Each C starts from the
	 * one before's solution. */
	for (size_t g = 0; g < N_C; g++) {
		if (cross_validate(&c, x, n, fold, o, c_grid[g],
		    g > 0 ? prev : NULL, cur, p) == -1) {
			ctl_warn("LIBLINEAR could not train (C=%g)", c_grid[g]);
			goto out;
		}
		double t = learn_threshold(p, c.pos, c.ruled, c.l,
		    o->target_fpr);
		struct cv_counts r = cv_at(p, c.pos, c.ruled, c.l, t);
		if (o->progress != NULL)
			fprintf(o->progress, "learn: C=%g: cross-validated "
			    "recall %.3f, precision %.3f at FPR %.4f\n",
			    c_grid[g], r.recall, r.precision, r.fpr);
		if (r.recall > best_recall) {
			best_recall = r.recall;
			s->C = c_grid[g];
			memcpy(best_p, p, c.l * sizeof(*p));
			for (int k = 0; k < o->folds; k++)
				memcpy(best[k], cur[k], (size_t)n * sizeof(double));
		}
		double **t2 = prev;
		prev = cur;
		cur = t2;
	}
	/* the model is the fold models' mean: each was trained on as many
	 * rows as the one whose scores chose the thresholds, so those
	 * thresholds hold for it (a model trained on all rows scores more
	 * boldly, and its false positives come out above them) */
	if ((m = model_new(o->bits, o->seed)) == NULL) {
		ctl_warn("out of memory");
		goto out;
	}
	for (int i = 0; i < n; i++) {
		double sum = 0;

		for (int k = 0; k < o->folds; k++)
			sum += best[k][i];
		if (i < n - 1)
			m->w[used[i]] = (float)(sum / o->folds);
		else
			m->bias = (float)(sum / o->folds);
	}
	m->reject_at = (float)learn_threshold(best_p, c.pos, c.ruled, c.l,
	    o->target_fpr);
	m->review_at = m->reject_at;
	if (o->review_fpr > o->target_fpr) {
		m->review_at = (float)learn_threshold(best_p, c.pos, c.ruled,
		    c.l, o->review_fpr);
		struct cv_counts rv = cv_at(best_p, c.pos, c.ruled, c.l,
		    m->review_at);
		s->review_recall = rv.recall;
		s->review_fpr = rv.fpr;
	}
	m->npos = c.npos;
	m->nneg = c.l - c.npos;
	m->data_hash = c.hash;
	m->trained_at = (int64_t)time(NULL);
	struct cv_counts r = cv_at(best_p, c.pos, c.ruled, c.l, m->reject_at);
	if (c.ruled != NULL) {
		struct cv_counts r0 = cv_at(best_p, c.pos, c.ruled, c.l, 2);

		s->rules_recall = r0.recall;
		s->rules_fpr = r0.fpr;
	}
	s->rows = c.l;
	s->positives = c.npos;
	s->precision = r.precision;
	s->recall = r.recall;
	s->fpr = r.fpr;
	s->seconds = ctl_now() - t0;
out:
	weights_free(cur, o->folds);
	weights_free(prev, o->folds);
	weights_free(best, o->folds);
	free(used);
	free(fold);
	free(best_p);
	free(p);
	free(x);
	corpus_free(&c);
	model_feats_free(&f);
	views_free(&vs);
	return m;
}
