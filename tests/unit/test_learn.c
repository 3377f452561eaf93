/* Unit tests of `decorumctl learn`'s training: the threshold keeps the
 * false-positive rate asked for, a small invented corpus is learned well
 * enough to tell its two kinds of comment apart, --category counts one
 * label only, and what cannot be learned from is refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "learn.h"
#include "linfit.h"
#include "model.h"
#include "norm.h"

static void
test_threshold(void **state)
{
	/* ten negatives 0.05 .. 0.95, two positives */
	double	p[12];
	bool	pos[12] = { false };
	double	t;

	(void)state;
	for (int i = 0; i < 10; i++)
		p[i] = 0.05 + 0.1 * i;
	p[10] = 0.99;
	p[11] = 0.5;
	pos[10] = pos[11] = true;
	/* no negative may score at or above it */
	t = learn_threshold(p, pos, NULL, 12, 0);
	assert_true(t > 0.95 && t < 0.99);
	/* one in ten would allow one, less a standard deviation (1): none */
	t = learn_threshold(p, pos, NULL, 12, 0.1);
	assert_true(t > 0.95 && t < 0.99);
	/* three in ten: 3 - sqrt(3), so one */
	t = learn_threshold(p, pos, NULL, 12, 0.3);
	assert_true(t > 0.85 && t <= 0.95);
	/* every one: 10 - sqrt(10), so six */
	t = learn_threshold(p, pos, NULL, 12, 1);
	assert_true(t > 0.35 && t <= 0.45);
	/* the negatives the rules reject already cost nothing: with the
	 * three highest ruled, one more may score above (three in ten) */
	bool ruled[12] = { false };
	ruled[7] = ruled[8] = ruled[9] = true;
	t = learn_threshold(p, pos, ruled, 12, 0.3);
	assert_true(t > 0.55 && t <= 0.65);
}

/* In a wide gap the threshold sits midway (in log-odds) between the
 * last negative allowed and the next score up, counting the same rows. */
static void
test_threshold_gap(void **state)
{
	double	p[6] = { 0.01, 0.02, 0.05, 0.10, 0.90, 0.95 };
	bool	pos[6] = { false, false, false, false, true, true };
	double	t;

	(void)state;
	t = learn_threshold(p, pos, NULL, 6, 0);
	/* log-odds of 0.10 and 0.90: -2.2 and 2.2, so 0 */
	assert_true(t > 0.49 && t < 0.51);
}

/* The Naive Bayes ratios: a feature of the positive rows only weighs
 * up, one of the negative rows only down, one of both about nothing,
 * and the bias stays 1. */
static void
test_nb_ratios(void **state)
{
	/* features 1 (positive rows), 2 (negative rows), 3 (all); 4 is
	 * the bias */
	struct linfit_node rows[4][4] = {
		{ { 1, 1 }, { 3, 1 }, { 4, 1 }, { -1, 0 } },
		{ { 1, 1 }, { 3, 1 }, { 4, 1 }, { -1, 0 } },
		{ { 2, 1 }, { 3, 1 }, { 4, 1 }, { -1, 0 } },
		{ { 2, 1 }, { 3, 1 }, { 4, 1 }, { -1, 0 } },
	};
	struct linfit_node *x[4] = { rows[0], rows[1], rows[2], rows[3] };
	double y[4] = { 1, 1, -1, -1 }, *r;

	(void)state;
	r = learn_nb_ratios(x, y, 4, 4);
	assert_non_null(r);
	/* (2 + 1) / (0 + 1) of counts each smoothed by one row */
	assert_true(r[0] > 1.09 && r[0] < 1.11);
	assert_true(r[1] < -1.09 && r[1] > -1.11);
	assert_true(r[2] > -0.01 && r[2] < 0.01);
	assert_true(r[3] == 1);
	free(r);
}

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/decorum-learn-XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *const plain[] = { "garden", "river", "morning", "bread",
	"coffee", "walk", "sunny", "library", "music", "bicycle" };
static const char *const rude[] = { "zorbly", "snarfwit", "glumptoad" };

/* 240 comments of plain words; every fourth has "you <rude word>" in it
 * and the label given, every eighth of the others is labelled "spam". */
static char *
write_corpus(const char *name, const char *label)
{
	static char	 path[128];
	FILE		*f;
	unsigned	 x = 12345;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	for (int i = 0; i < 240; i++) {
		bool bad = i % 4 == 0;

		fprintf(f, "{\"id\": %d, \"text\": \"", i);
		for (int w = 0; w < 8; w++) {
			x = x * 1103515245u + 12345u;
			if (bad && w == 3)
				fprintf(f, "you %s ", rude[(x >> 16) % 3]);
			fprintf(f, "%s ", plain[(x >> 16) % 10]);
		}
		fprintf(f, "\", \"labels\": [%s]}\n", bad ? label :
		    i % 8 == 1 ? "\"spam\"" : "");
	}
	fclose(f);
	return path;
}

static double
score(const struct model *m, const char *text)
{
	struct views		vs;
	struct model_feats	f;
	double			p;

	views_init(&vs);
	model_feats_init(&f);
	assert_int_equal(views_build(&vs, text, strlen(text)), 0);
	assert_int_equal(model_features(&vs, m->bits, m->seed, &f), 0);
	p = model_score(m, &f);
	model_feats_free(&f);
	views_free(&vs);
	return p;
}

static void
test_learns_a_small_corpus(void **state)
{
	struct learn_opts	 o;
	struct learn_summary	 s;
	struct model		*m;
	char			*files[1];

	(void)state;
	files[0] = write_corpus("a.jsonl", "\"discourtesy\"");
	learn_opts_default(&o);
	o.category = "discourtesy";
	o.review_fpr = 0.1;
	m = learn_files(files, 1, &o, &s);
	assert_non_null(m);
	assert_int_equal(s.rows, 240);
	assert_int_equal(s.positives, 60);	/* "spam" does not count */
	assert_int_equal(m->npos, 60);
	assert_int_equal(m->nneg, 180);
	assert_true(s.fpr <= 0.01);
	assert_true(s.recall > 0.9);
	assert_true(m->review_at <= m->reject_at);
	assert_true(s.review_fpr <= 0.1);
	/* new comments, the same made-up vocabulary */
	assert_true(score(m, "sunny morning, you glumptoad, coffee") >=
	    m->reject_at);
	assert_true(score(m, "sunny morning walk, library, coffee and bread, "
	    "river music") < m->reject_at);
	/* the folded view has learned the evasion too */
	assert_true(score(m, "you zorb1y") > score(m, "you bicycle"));
	/* the same corpus: the same data hash */
	uint64_t h = m->data_hash;
	model_free(m);
	o.review_fpr = 0;
	assert_non_null(m = learn_files(files, 1, &o, &s));
	assert_true(m->data_hash == h);
	assert_true(m->review_at == m->reject_at);
	model_free(m);
	/* without --category, "spam" counts as well */
	o.category = NULL;
	assert_non_null(m = learn_files(files, 1, &o, &s));
	assert_int_equal(s.positives, 60 + 30);
	model_free(m);
}

static void
test_refuses_what_it_cannot_learn_from(void **state)
{
	struct learn_opts	 o;
	struct learn_summary	 s;
	char			*files[1], path[128];
	FILE			*f;

	(void)state;
	learn_opts_default(&o);
	o.category = "nosuch";
	files[0] = write_corpus("b.jsonl", "\"discourtesy\"");
	assert_null(learn_files(files, 1, &o, &s));	/* nothing to reject */
	o.category = NULL;
	snprintf(path, sizeof(path), "%s/bad.jsonl", dir);
	assert_non_null(f = fopen(path, "w"));
	fprintf(f, "{\"text\": \"fine\", \"labels\": []}\n{not json\n");
	fclose(f);
	files[0] = path;
	assert_null(learn_files(files, 1, &o, &s));
	assert_non_null(f = fopen(path, "w"));
	fprintf(f, "{\"text\": \"no labels\"}\n");
	fclose(f);
	assert_null(learn_files(files, 1, &o, &s));
	snprintf(path, sizeof(path), "%s/none.jsonl", dir);
	assert_null(learn_files(files, 1, &o, &s));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threshold),
		cmocka_unit_test(test_threshold_gap),
		cmocka_unit_test(test_nb_ratios),
		cmocka_unit_test_setup_teardown(test_learns_a_small_corpus, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuses_what_it_cannot_learn_from, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
