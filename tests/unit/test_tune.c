/* Unit tests of tune: the scoring that `decorumctl tune` refits (it must
 * count offences as offence.c does) and the fit itself, on hand-made
 * hits whose figures are worked out in the comments. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tune.h"

static void
thresholds(struct tune_thresholds *th, double reject_at, double review_at)
{
	for (size_t c = 0; c < TUNE_MAX_CATEGORIES; c++) {
		th->reject_at[c] = reject_at;
		th->review_at[c] = review_at;
	}
}

/* rules of the scoring tests */
enum { A, B, C, D };
static const struct tune_rule score_rules[] = {
	[A] = { .weight = 1.0, .category = 0, .most = TUNE_REJECT },
	[B] = { .weight = 0.5, .category = 0, .most = TUNE_REJECT },
	[C] = { .weight = 3.0, .category = 1, .most = TUNE_REVIEW },
	[D] = { .weight = 0.75, .category = 0, .most = TUNE_REJECT },
};
static const double score_w[] = { 1.0, 0.5, 3.0, 0.75 };

static void
test_offences(void **state)
{
	/* A and B overlap: one offence at the larger weight, 1; B again
	 * later: B counts in one offence only, so 0; D alone: 0.75.
	 * Category 0 scores 1.75, and the order of the hits is no matter. */
	const struct tune_hit	hits[] = {
		{ D, 20, 25 }, { B, 10, 12 }, { B, 3, 8 }, { A, 0, 5 },
	};
	struct tune_thresholds	th;
	struct tune		*t;
	uint64_t		 held;

	(void)state;
	thresholds(&th, 1.0, 0.5);
	t = tune_new(score_rules, 4, 2, &th);
	assert_non_null(t);
	assert_int_equal(tune_add(t, true, 1, hits, 4, 0), 0);
	th.reject_at[0] = 1.75;
	assert_int_equal(tune_decide(t, 0, score_w, &th, &held), TUNE_REJECT);
	assert_int_equal(held, 1);
	th.reject_at[0] = 1.76;
	assert_int_equal(tune_decide(t, 0, score_w, &th, &held), TUNE_REVIEW);
	th.review_at[0] = 1.76;
	assert_int_equal(tune_decide(t, 0, score_w, &th, &held), TUNE_ACCEPT);
	assert_int_equal(held, 0);
	assert_int_equal(tune_support(t, A), 1);
	assert_int_equal(tune_support(t, B), 1);
	assert_int_equal(tune_support(t, C), 0);
	tune_free(t);
}

static void
test_one_rule_one_offence(void **state)
{
	/* A twice, far apart: one offence (the second has no rule left);
	 * at weight 1 it does not reach 1.5 */
	const struct tune_hit	hits[] = { { A, 0, 5 }, { A, 10, 15 } };
	struct tune_thresholds	th;
	struct tune		*t;

	(void)state;
	thresholds(&th, 1.5, INFINITY);
	t = tune_new(score_rules, 4, 2, &th);
	assert_non_null(t);
	assert_int_equal(tune_add(t, false, 0, hits, 2, 0), 0);
	assert_int_equal(tune_decide(t, 0, score_w, &th, NULL), TUNE_ACCEPT);
	th.reject_at[0] = 1.0;
	assert_int_equal(tune_decide(t, 0, score_w, &th, NULL), TUNE_REJECT);
	tune_free(t);
}

static void
test_severity_and_categories(void **state)
{
	/* C may only review, whatever its weight; overlapping hits of
	 * different categories are different offences; a forced review
	 * (regex limit, a model's grey zone) holds its category */
	const struct tune_hit	hits[] = { { C, 0, 5 }, { B, 2, 6 } };
	struct tune_thresholds	th;
	struct tune		*t;
	uint64_t		 held;

	(void)state;
	thresholds(&th, 1.0, 0.5);
	t = tune_new(score_rules, 4, 2, &th);
	assert_non_null(t);
	assert_int_equal(tune_add(t, true, 2, hits, 2, 0), 0);
	assert_int_equal(tune_add(t, false, 0, NULL, 0, 2), 1);
	assert_int_equal(tune_decide(t, 0, score_w, &th, &held), TUNE_REVIEW);
	assert_int_equal(held, 3);	/* B reviews 0, C reviews 1 */
	th.reject_at[0] = 0.5;
	assert_int_equal(tune_decide(t, 0, score_w, &th, &held), TUNE_REJECT);
	assert_int_equal(tune_decide(t, 1, score_w, &th, &held), TUNE_REVIEW);
	assert_int_equal(held, 2);
	tune_free(t);
}

static void
test_figures(void **state)
{
	/* comment 0: bad, labelled 0, rejected by A; comment 1: acceptable,
	 * reviewed by B; comment 2: bad, labelled 1, accepted */
	const struct tune_hit	a = { A, 0, 1 }, b = { B, 0, 1 };
	struct tune_thresholds	th;
	struct tune_figures	f;
	struct tune		*t;

	(void)state;
	thresholds(&th, 1.0, 0.5);
	t = tune_new(score_rules, 4, 2, &th);
	assert_non_null(t);
	assert_int_equal(tune_add(t, true, 1, &a, 1, 0), 0);
	assert_int_equal(tune_add(t, false, 0, &b, 1, 0), 1);
	assert_int_equal(tune_add(t, true, 2, NULL, 0, 0), 2);
	tune_figures(t, score_w, &th, &f);
	assert_int_equal(f.counts.tp, 1);
	assert_int_equal(f.counts.fn, 1);
	assert_int_equal(f.counts.tn, 1);
	assert_int_equal(f.counts.fp, 0);
	assert_int_equal(f.counts.ok_reviewed, 1);
	assert_int_equal(f.counts.bad_rejected, 1);
	assert_int_equal(f.cat_tp[0], 1);
	assert_int_equal(f.cat_fp[0], 1);
	assert_int_equal(f.cat_fn[1], 1);
	tune_free(t);
}

static void
test_bad_input(void **state)
{
	struct tune_rule	r = { .weight = 1, .category = 64 };
	struct tune_thresholds	th;
	struct tune_hit		h = { 7, 0, 1 };
	struct tune		*t;

	(void)state;
	thresholds(&th, 1.0, 0.5);
	assert_null(tune_new(&r, 1, 65, &th));
	assert_null(tune_new(&r, 1, 64, &th));	/* category out of range */
	t = tune_new(score_rules, 4, 2, &th);
	assert_non_null(t);
	assert_int_equal(tune_add(t, true, 0, &h, 1, 0), -1);
	assert_int_equal(tune_count(t), 0);
	tune_free(t);
}

/* The fit's set, one category: S is too strong, it fires on 10
 * acceptable and 10 unacceptable comments and rejects them; W is too
 * weak, at 0.25 (below review_at 0.5) it misses the 20 unacceptable
 * comments it fires on, and fires on one acceptable comment. 79 more
 * acceptable and 10 more unacceptable comments have no hit.
 * Before: 10 of 100 acceptable rejected, 10 of 40 unacceptable caught. */
enum { S, W };
static const struct tune_rule fit_rules[] = {
	[S] = { .weight = 1.0, .category = 0, .most = TUNE_REJECT },
	[W] = { .weight = 0.25, .category = 0, .most = TUNE_REJECT },
};

static struct tune *
fit_set(void)
{
	const struct tune_hit	s = { S, 0, 4 }, w = { W, 5, 9 };
	struct tune_thresholds	th;
	struct tune		*t;

	thresholds(&th, 1.0, 0.5);
	if ((t = tune_new(fit_rules, 2, 1, &th)) == NULL)
		return NULL;
	for (int i = 0; i < 10; i++) {
		tune_add(t, false, 0, &s, 1, 0);
		tune_add(t, true, 1, &s, 1, 0);
	}
	for (int i = 0; i < 20; i++)
		tune_add(t, true, 1, &w, 1, 0);
	tune_add(t, false, 0, &w, 1, 0);
	for (int i = 0; i < 89; i++)
		tune_add(t, false, 0, NULL, 0, 0);
	for (int i = 0; i < 10; i++)
		tune_add(t, true, 1, NULL, 0, 0);
	return t;
}

static const struct tune_params fit_defaults = {
	.target_frej = NAN, .max_review = NAN, .min_support = 5,
	.sweeps = 4, .folds = 0,
};

static long
caught(const struct tune_figures *f)
{
	return f->counts.bad_rejected + f->counts.bad_reviewed;
}

static void
test_fit_raises_caught(void **state)
{
	struct tune		*t = fit_set();
	struct tune_result	 res;

	(void)state;
	assert_non_null(t);
	assert_int_equal(tune_count(t), 140);
	assert_int_equal(tune_fit(t, &fit_defaults, &res), 0);
	assert_int_equal(res.before.counts.ok_rejected, 10);
	assert_int_equal(caught(&res.before), 10);
	/* the false-reject cap is today's 10, the review cap today's 0 */
	assert_int_equal(res.max_ok_rejected, 10);
	assert_int_equal(res.max_ok_reviewed, 0);
	assert_true(res.feasible);
	/* W's 20 are caught for S's 10: S off, W rejecting */
	assert_int_equal(caught(&res.after), 20);
	assert_int_equal(res.after.counts.ok_rejected, 1);
	assert_int_equal(res.after.counts.ok_reviewed, 0);
	assert_true(res.weights[S] < 1.0);
	assert_true(res.weights[W] > 0.25);
	assert_false(res.cross_validated);
	tune_result_free(&res);
	tune_free(t);
}

static void
test_fit_keeps_target(void **state)
{
	/* no acceptable comment may be rejected: W's one acceptable hit
	 * forbids rejecting with W, S must go */
	struct tune		*t = fit_set();
	struct tune_params	 p = fit_defaults;
	struct tune_result	 res;

	(void)state;
	assert_non_null(t);
	p.target_frej = 0;
	assert_int_equal(tune_fit(t, &p, &res), 0);
	assert_int_equal(res.max_ok_rejected, 0);
	assert_true(res.feasible);
	assert_int_equal(res.after.counts.ok_rejected, 0);
	assert_int_equal(res.after.counts.ok_reviewed, 0);
	tune_result_free(&res);
	/* allowing reviews: W holds its 20 for review, the one acceptable
	 * comment too */
	p.max_review = 0.01;
	assert_int_equal(tune_fit(t, &p, &res), 0);
	assert_int_equal(res.after.counts.ok_rejected, 0);
	assert_true(res.after.counts.ok_reviewed <= 1);
	assert_int_equal(caught(&res.after), 20);
	tune_result_free(&res);
	tune_free(t);
}

static void
test_min_support(void **state)
{
	/* S counts in 20 comments, W in 21: with 22 neither may move, and
	 * the thresholds alone cannot do better within the caps */
	struct tune		*t = fit_set();
	struct tune_params	 p = fit_defaults;
	struct tune_result	 res;

	(void)state;
	assert_non_null(t);
	assert_int_equal(tune_support(t, S), 20);
	assert_int_equal(tune_support(t, W), 21);
	p.min_support = 22;
	assert_int_equal(tune_fit(t, &p, &res), 0);
	assert_true(res.weights[S] == 1.0);
	assert_true(res.weights[W] == 0.25);
	assert_int_equal(caught(&res.after), 10);
	tune_result_free(&res);
	/* with 21, W may move but S may not (without the guard, S goes
	 * and W rejects, as in test_fit_raises_caught) */
	p.min_support = 21;
	assert_int_equal(tune_fit(t, &p, &res), 0);
	assert_true(res.weights[S] == 1.0);
	tune_result_free(&res);
	tune_free(t);
}

static void
test_categories_kept(void **state)
{
	/* only category 5 may change: nothing in category 0 moves */
	struct tune		*t = fit_set();
	struct tune_params	 p = fit_defaults;
	struct tune_result	 res;

	(void)state;
	assert_non_null(t);
	p.categories = (uint64_t)1 << 5;
	assert_int_equal(tune_fit(t, &p, &res), 0);
	assert_true(res.weights[S] == 1.0);
	assert_true(res.weights[W] == 0.25);
	assert_true(res.th.reject_at[0] == 1.0);
	assert_true(res.th.review_at[0] == 0.5);
	tune_result_free(&res);
	tune_free(t);
}

static void
test_cross_validation(void **state)
{
	/* every comment is decided once, by the fit on the other folds */
	struct tune		*t = fit_set();
	struct tune_params	 p = fit_defaults;
	struct tune_result	 res;

	(void)state;
	assert_non_null(t);
	p.folds = 2;
	p.min_support = 3;
	assert_int_equal(tune_fit(t, &p, &res), 0);
	assert_true(res.cross_validated);
	assert_int_equal(replay_total(&res.cv_after.counts), 140);
	assert_int_equal(res.cv_after.counts.fp + res.cv_after.counts.tn, 100);
	/* the folds see the same story: W beats S */
	assert_true(caught(&res.cv_after) > 10);
	tune_result_free(&res);
	tune_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offences),
		cmocka_unit_test(test_one_rule_one_offence),
		cmocka_unit_test(test_severity_and_categories),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_fit_raises_caught),
		cmocka_unit_test(test_fit_keeps_target),
		cmocka_unit_test(test_min_support),
		cmocka_unit_test(test_categories_kept),
		cmocka_unit_test(test_cross_validation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
