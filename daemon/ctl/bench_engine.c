#include "bench_engine.h"

#include <getopt.h>
#include <stdbool.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "engine.h"
#include "model.h"

struct corpus {
	char	**text;
	size_t	*len;
	size_t	 n, cap, bytes;
};

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
corpus_load(struct corpus *c, const char *path)
{
	FILE	*f = fopen(path, "r");
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 n;

	if (f == NULL) {
		fprintf(stderr, "decorumctl: %s: cannot open\n", path);
		return -1;
	}
	while ((n = getline(&line, &cap, f)) != -1) {
		json_t *o = json_loadb(line, (size_t)n, 0, NULL);
		const char *t = json_string_value(json_object_get(o, "text"));
		if (t != NULL) {
			if (c->n == c->cap) {
				c->cap = c->cap ? c->cap * 2 : 1024;
				c->text = realloc(c->text, c->cap * sizeof(char *));
				c->len = realloc(c->len, c->cap * sizeof(size_t));
				if (c->text == NULL || c->len == NULL)
					exit(2);
			}
			size_t l = json_string_length(json_object_get(o, "text"));
			c->text[c->n] = malloc(l + 1);
			memcpy(c->text[c->n], t, l + 1);
			c->len[c->n] = l;
			c->bytes += l;
			c->n++;
		}
		json_decref(o);
	}
	free(line);
	fclose(f);
	return 0;
}

/* A verdict's reasons as (rule, start, end) triples, to compare; *n
 * triples. -1 when out of memory. */
static int
reasons_keep(const struct check_scratch *cs, uint32_t **v, size_t *cap,
    size_t *n)
{
	if (3 * cs->v.nreasons > *cap) {
		uint32_t *nv = realloc(*v, 3 * cs->v.nreasons * sizeof(*nv));
		if (nv == NULL)
			return -1;
		*v = nv;
		*cap = 3 * cs->v.nreasons;
	}
	for (size_t k = 0; k < cs->v.nreasons; k++) {
		const struct hit *h = &cs->ms.hits[cs->v.reasons[k]];
		(*v)[3 * k] = h->rule;
		(*v)[3 * k + 1] = h->start;
		(*v)[3 * k + 2] = h->end;
	}
	*n = cs->v.nreasons;
	return 0;
}

static void
reasons_print(const struct engine *e, const char *what, const uint32_t *v,
    size_t n)
{
	printf("  %s:", what);
	for (size_t k = 0; k < n; k++)
		printf(" %s@%u-%u", rules_id(e->rb, v[3 * k]), v[3 * k + 1],
		    v[3 * k + 2]);
	printf("\n");
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* What one comment costs, spread: a worker answers its connections one
 * comment at a time, so a slow comment is what the others wait behind
 * (the socket's p99). Over one more pass. -1 when out of memory. */
static int
comment_times(const struct engine *e, const struct policy *p,
    struct check_scratch *cs, const struct corpus *c,
    const struct match_opts *mo)
{
	double	*t = malloc((c->n + 1) * sizeof(*t));
	size_t	 slowest = 0;

	if (t == NULL)
		return -1;
	for (size_t i = 0; i < c->n; i++) {
		double t0 = now();
		engine_check_opts(e, p, cs, c->text[i], c->len[i], mo);
		t[i] = (now() - t0) * 1e6;
		if (t[i] > t[slowest])
			slowest = i;
	}
	size_t len = c->len[slowest];
	qsort(t, c->n, sizeof(*t), cmp_double);
	printf("  one comment (us): p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f "
	    "(%zu bytes)\n", t[c->n / 2], t[c->n * 99 / 100],
	    t[c->n * 999 / 1000], t[c->n - 1], len);
	free(t);
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: decorumctl bench --engine [-c CONFIG] [-R RULES_DIR] "
	    "[-p PASSES] [--policy NAME] [--no-prefilter] [--check-prefilter] "
	    "FILE.jsonl...\n");
}

int
bench_engine_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "engine", no_argument, NULL, 'E' },
		{ "policy", required_argument, NULL, 'P' },
		{ "no-prefilter", no_argument, NULL, 'N' },
		{ "check-prefilter", no_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 },
	};
	struct engine_opts	 eo = { 0 };
	const char		*policy_name = NULL;
	int			 passes = 5, opt;
	bool			 no_prefilter = false, check_prefilter = false;
	struct corpus		 c = { 0 };
	struct diag		 d;

	eo.config_missing_ok = true;
	eo.generation = 1;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "c:R:p:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'E': break;
		case 'c': eo.config_path = optarg; eo.config_missing_ok = false; break;
		case 'R': eo.rules_dir = optarg; break;
		case 'p': passes = atoi(optarg); break;
		case 'P': policy_name = optarg; break;
		case 'N': no_prefilter = true; break;
		case 'C': check_prefilter = true; break;
		default: usage(); return 2;
		}
	}
	if (optind >= argc || passes < 1) {
		usage();
		return 2;
	}
	for (int i = optind; i < argc; i++)
		if (corpus_load(&c, argv[i]) == -1)
			return 2;
	if (c.n == 0) {
		/* nothing to time: every figure would divide by zero */
		fprintf(stderr, "decorumctl: no comments in the corpus\n");
		return 2;
	}
	diag_init(&d);
	double tl = now();
	struct engine *e = engine_load(&eo, &d);
	tl = now() - tl;
	diag_print(&d, stderr);
	diag_free(&d);
	if (e == NULL)
		return 2;
	const struct policy *p = policies_find(&e->policies, policy_name);
	if (p == NULL) {
		fprintf(stderr, "decorumctl: no policy named %s\n", policy_name);
		engine_unref(e);
		return 2;
	}

	struct match_opts mo = { .no_prefilter = no_prefilter };
	const struct match_opts with_pf = { 0 }, without_pf = {
	    .no_prefilter = true };
	struct check_scratch cs;
	check_scratch_init(&cs);
	if (check_prefilter) {
		/* the prefilter must never change an answer: compare every
		 * comment's decision and reasons, spans included, with it
		 * and without it */
		size_t differ = 0, cap[2] = { 0, 0 }, nr[2];
		uint32_t *seen[2] = { NULL, NULL };
		for (size_t i = 0; i < c.n; i++) {
			enum decision dec[2];
			int rc = 0;
			for (int k = 0; k < 2 && rc == 0; k++) {
				engine_check_opts(e, p, &cs, c.text[i], c.len[i],
				    k == 0 ? &with_pf : &without_pf);
				dec[k] = cs.v.decision;
				rc = reasons_keep(&cs, &seen[k], &cap[k], &nr[k]);
			}
			if (rc == -1) {
				fprintf(stderr, "decorumctl: out of memory\n");
				free(seen[0]);
				free(seen[1]);
				check_scratch_free(&cs);
				engine_unref(e);
				return 2;
			}
			if (dec[0] == dec[1] && nr[0] == nr[1] && (nr[0] == 0 ||
			    memcmp(seen[0], seen[1], 3 * nr[0] *
			    sizeof(uint32_t)) == 0))
				continue;
			if (differ++ < 10) {
				printf("differs: %.*s\n",
				    (int)(c.len[i] > 120 ? 120 : c.len[i]),
				    c.text[i]);
				reasons_print(e, "with", seen[0], nr[0]);
				reasons_print(e, "without", seen[1], nr[1]);
			}
		}
		free(seen[0]);
		free(seen[1]);
		printf("prefilter check: %zu comments, %zu answered differently\n",
		    c.n, differ);
		if (differ > 0) {
			check_scratch_free(&cs);
			engine_unref(e);
			return 1;
		}
	}
	/* warm up: buffers grow to size, JIT code gets paged in */
	for (size_t i = 0; i < c.n && i < 1000; i++)
		engine_check_opts(e, p, &cs, c.text[i], c.len[i], &mo);

	double best_norm = 1e30, best_all = 1e30;
	unsigned long long decisions[3] = { 0 };
	for (int pass = 0; pass < passes; pass++) {
		double t0 = now();
		for (size_t i = 0; i < c.n; i++)
			match_views(&cs.ms, e->rb, c.text[i], c.len[i]);
		double t1 = now();
		for (size_t i = 0; i < c.n; i++) {
			engine_check_opts(e, p, &cs, c.text[i], c.len[i], &mo);
			if (pass == 0)
				decisions[cs.v.decision]++;
		}
		double t2 = now();
		if (t1 - t0 < best_norm)
			best_norm = t1 - t0;
		if (t2 - t1 < best_all)
			best_all = t2 - t1;
	}
	/* the learned models alone: features, score, and the spans of a
	 * hit, as run_model does, less building the views; in this
	 * thread's CPU time, so that other work on the machine counts less */
	double best_model = 1e30, best_views_cpu = 1e30;
	size_t nrules_all = rules_count(e->rb);
	bool any_model = false;
	for (uint32_t r = 0; r < nrules_all; r++)
		any_model |= rules_model(e->rb, r) != NULL;
	for (int pass = 0; any_model && pass < passes; pass++) {
		struct model_span sp[MATCH_MODEL_SPANS];
		double t0 = cpu_now();
		for (size_t i = 0; i < c.n; i++)
			match_views(&cs.ms, e->rb, c.text[i], c.len[i]);
		double t1 = cpu_now();
		for (size_t i = 0; i < c.n; i++) {
			match_views(&cs.ms, e->rb, c.text[i], c.len[i]);
			for (uint32_t r = 0; r < nrules_all; r++) {
				const struct model *m = rules_model(e->rb, r);
				if (m == NULL || model_features(&cs.ms.views,
				    m->bits, m->seed, &cs.ms.feats) == -1)
					continue;
				if (model_score(m, &cs.ms.feats) >=
				    (double)m->review_at)
					model_top_spans(m, &cs.ms.feats, sp,
					    MATCH_MODEL_SPANS);
			}
		}
		double t2 = cpu_now();
		if (t1 - t0 < best_views_cpu)
			best_views_cpu = t1 - t0;
		if (t2 - t1 < best_model)
			best_model = t2 - t1;
	}
	best_model -= best_views_cpu;
	double mb = (double)c.bytes / 1e6;
	printf("engine benchmark: %zu comments, %.1f MB, best of %d passes, one thread\n",
	    c.n, mb, passes);
	printf("  loading the configuration and rules: %.1f ms\n", tl * 1e3);
	printf("  whole pipeline   %10.0f comments/s  %8.1f MB/s  %6.2f us/comment\n",
	    (double)c.n / best_all, mb / best_all, best_all * 1e6 / (double)c.n);
	printf("  views only       %10.0f comments/s  %8.1f MB/s  %6.2f us/comment\n",
	    (double)c.n / best_norm, mb / best_norm, best_norm * 1e6 / (double)c.n);
	if (any_model)
		printf("  learned models alone %6.2f us/comment (CPU time, over "
		    "the views)\n",
		    best_model * 1e6 / (double)c.n);
	printf("  decisions: accept %llu, review %llu, reject %llu\n",
	    decisions[0], decisions[1], decisions[2]);
	size_t nrules = rules_count(e->rb), nre = 0, npre = 0;
	for (uint32_t r = 0; r < nrules; r++) {
		if (!rules_is_regex(e->rb, r))
			continue;
		nre++;
		npre += rules_is_prefiltered(e->rb, r);
	}
	printf("  regexes behind the literal prefilter: %zu of %zu%s\n", npre,
	    nre, no_prefilter ? " (switched off)" : "");

	/* where the time goes, stage by stage, over one more pass (the
	 * rest: what engine.c does around the match: policy, decision,
	 * reasons) */
	uint64_t stage[MATCH_STAGES] = { 0 };
	struct match_opts staged = mo;
	staged.stage_ns = stage;
	double s0 = now();
	for (size_t i = 0; i < c.n; i++)
		engine_check_opts(e, p, &cs, c.text[i], c.len[i], &staged);
	double st = (now() - s0) * 1e9, matched = 0;
	for (int k = 0; k < MATCH_STAGES; k++)
		matched += (double)stage[k];
	printf("  stages (us/comment): views %.2f, word lists %.2f, "
	    "literal prefilter %.2f, regexes and other rules %.2f, the rest "
	    "%.2f\n",
	    (double)stage[MATCH_STAGE_VIEWS] / 1e3 / (double)c.n,
	    (double)stage[MATCH_STAGE_WORDS] / 1e3 / (double)c.n,
	    (double)stage[MATCH_STAGE_PREFILTER] / 1e3 / (double)c.n,
	    (double)stage[MATCH_STAGE_RULES] / 1e3 / (double)c.n,
	    (st > matched ? st - matched : 0) / 1e3 / (double)c.n);
	if (comment_times(e, p, &cs, &c, &mo) == -1) {
		fprintf(stderr, "decorumctl: out of memory\n");
		check_scratch_free(&cs);
		engine_unref(e);
		return 2;
	}

	/* where the time goes: each regex as the pipeline runs it (after the
	 * prefilter), over one more pass */
	uint64_t *ns = calloc(nrules + 1, sizeof(uint64_t));
	uint32_t *runs = calloc(nrules + 1, sizeof(uint32_t));
	size_t *order = calloc(nrules + 1, sizeof(size_t));
	if (ns != NULL && runs != NULL && order != NULL) {
		struct match_opts prof = mo;
		prof.prof_ns = ns;
		prof.prof_runs = runs;
		for (size_t i = 0; i < c.n; i++)
			engine_check_opts(e, p, &cs, c.text[i], c.len[i], &prof);
		size_t nr = 0;
		for (uint32_t r = 0; r < nrules; r++)
			if (rules_is_regex(e->rb, r))
				order[nr++] = r;
		for (size_t a2 = 0; a2 < nr; a2++)
			for (size_t b2 = a2 + 1; b2 < nr; b2++)
				if (ns[order[b2]] > ns[order[a2]]) {
					size_t x = order[a2];
					order[a2] = order[b2];
					order[b2] = x;
				}
		printf("  slowest regexes in the pipeline (us per comment overall; "
		    "share of comments run on):\n");
		for (size_t k = 0; k < nr && k < 10; k++) {
			size_t r = order[k];
			printf("    %-34s %8.2f us  %5.1f%%\n",
			    rules_id(e->rb, (uint32_t)r),
			    (double)ns[r] / 1e3 / (double)c.n,
			    100.0 * runs[r] / (double)c.n);
		}
	}
	free(ns);
	free(runs);
	free(order);
	check_scratch_free(&cs);
	engine_unref(e);
	for (size_t i = 0; i < c.n; i++)
		free(c.text[i]);
	free(c.text);
	free(c.len);
	return 0;
}
