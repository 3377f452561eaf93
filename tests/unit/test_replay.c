/* Unit tests of replay: the scoring behind `decorumctl replay` and --diff,
 * on a hand-made set whose counts are worked out in the comments. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "replay.h"

#define R(rule, cat) "{\"rule\":\"" rule "\",\"category\":\"" cat "\"," \
	"\"start\":0,\"end\":1,\"match\":\"x\"}"

/*  line  labels      decision  categories       verdict (reviews = accept)
 *  t1    profanity   reject    profanity        TP  (p.swear twice: once)
 *  t2    caps        reject    profanity,caps   TP
 *  t3    -           reject    profanity        FP
 *  t4    racism      review    racism           FN  (review)
 *  t5    -           accept    -                TN  (shadow x.new)
 *  7     violence    error     -                FN  (error)
 *  t7    -           accept    -                TN
 *  t8    -           review    profanity        TN  (review)
 * tp=2 fp=1 fn=2 tn=3, reviews 2, errors 1
 * P = 2/3, R = 2/4, F1 = 2tp/(2tp+fp+fn) = 4/7, FPR = 1/4.
 * file f1 = t1..t3: tp 2 fp 1 -> P 2/3, R 1, FPR 1
 * file f2 = t4..t8: fn 2 tn 3 -> P undefined, R 0, F1 0, FPR 0 */
static const char *const corpus[] = {
	"{\"id\":\"t1\",\"decision\":\"reject\",\"categories\":[\"profanity\"],"
	"\"reasons\":[" R("p.swear", "profanity") "," R("p.swear", "profanity")
	"],\"labels\":[\"profanity\"],\"file\":\"f1\",\"text\":\"one\"}",
	"{\"id\":\"t2\",\"decision\":\"reject\",\"categories\":[\"profanity\","
	"\"caps\"],\"reasons\":[" R("p.swear", "profanity") ","
	R("caps.shout", "caps") "],\"labels\":[\"caps\"],\"file\":\"f1\"}",
	"{\"id\":\"t3\",\"decision\":\"reject\",\"categories\":[\"profanity\"],"
	"\"reasons\":[" R("p.mild", "profanity") "],\"labels\":[],"
	"\"file\":\"f1\",\"text\":\"damn\\nfine\"}",
	"{\"id\":\"t4\",\"decision\":\"review\",\"categories\":[\"racism\"],"
	"\"reasons\":[" R("r.slur", "racism") "],\"labels\":[\"racism\"],"
	"\"file\":\"f2\"}",
	"{\"id\":\"t5\",\"decision\":\"accept\",\"categories\":[],\"reasons\":[],"
	"\"shadow\":[" R("x.new", "discourtesy") "],\"labels\":[],"
	"\"file\":\"f2\"}",
	"{\"id\":7,\"error\":{\"code\":\"too_large\",\"message\":\"m\"},"
	"\"labels\":[\"violence\"],\"file\":\"f2\"}",
	"{\"id\":\"t7\",\"decision\":\"accept\",\"categories\":[],\"reasons\":[],"
	"\"labels\":[],\"file\":\"f2\"}",
	"{\"id\":\"t8\",\"decision\":\"review\",\"categories\":[\"profanity\"],"
	"\"reasons\":[" R("p.mild", "profanity") "],\"labels\":[],"
	"\"file\":\"f2\"}",
};

static json_t *
parse(const char *s)
{
	json_error_t	 err;
	json_t		*j = json_loads(s, 0, &err);

	if (j == NULL)
		fail_msg("bad test JSON: %s: %s", err.text, s);
	return j;
}

static struct replay *
score_corpus(bool review_rejects)
{
	struct replay	*r = replay_new(review_rejects);
	size_t		 i;

	assert_non_null(r);
	for (i = 0; i < sizeof(corpus) / sizeof(corpus[0]); i++) {
		json_t *line = parse(corpus[i]);

		assert_true(replay_add(r, line) >= 0);
		json_decref(line);
	}
	return r;
}

static void
test_overall(void **state)
{
	struct replay			*r = score_corpus(false);
	const struct replay_report	*rep = replay_finish(r);
	const struct replay_counts	*c = &rep->overall;

	(void)state;
	assert_int_equal(c->tp, 2);
	assert_int_equal(c->fp, 1);
	assert_int_equal(c->fn, 2);
	assert_int_equal(c->tn, 3);
	assert_int_equal(c->reviews, 2);
	assert_int_equal(c->errors, 1);
	assert_int_equal(replay_total(c), 8);
	assert_float_equal(replay_precision(c), 2.0 / 3, 1e-9);
	assert_float_equal(replay_recall(c), 0.5, 1e-9);
	assert_float_equal(replay_f1(c), 4.0 / 7, 1e-9);
	assert_float_equal(replay_fpr(c), 0.25, 1e-9);

	assert_int_equal(rep->n_files, 2);
	assert_string_equal(rep->files[0].name, "f1");
	assert_float_equal(replay_recall(&rep->files[0].counts), 1.0, 1e-9);
	assert_float_equal(replay_fpr(&rep->files[0].counts), 1.0, 1e-9);
	assert_string_equal(rep->files[1].name, "f2");
	assert_true(isnan(replay_precision(&rep->files[1].counts)));
	assert_float_equal(replay_f1(&rep->files[1].counts), 0.0, 1e-9);
	assert_float_equal(replay_fpr(&rep->files[1].counts), 0.0, 1e-9);

	assert_int_equal(rep->n_error_codes, 1);
	assert_string_equal(rep->error_codes[0].code, "too_large");
	replay_free(r);
}

/* caps: t2 tp. profanity: t1 tp; t2, t3 fp (t8 only reviewed, not found).
 * racism: t4 reviewed -> fn. violence: the error -> fn. By name. */
static void
test_categories(void **state)
{
	struct replay			*r = score_corpus(false);
	const struct replay_report	*rep = replay_finish(r);
	const struct replay_category	*c = rep->categories;

	(void)state;
	assert_int_equal(rep->n_categories, 4);
	assert_string_equal(c[0].name, "caps");
	assert_int_equal(c[0].tp, 1);
	assert_string_equal(c[1].name, "profanity");
	assert_int_equal(c[1].tp, 1);
	assert_int_equal(c[1].fp, 2);
	assert_int_equal(c[1].fn, 0);
	assert_string_equal(c[2].name, "racism");
	assert_int_equal(c[2].fn, 1);
	assert_int_equal(c[2].tp, 0);
	assert_string_equal(c[3].name, "violence");
	assert_int_equal(c[3].fn, 1);
	replay_free(r);
}

/* p.swear: t1 t2 bad (once each) -> 2/0. caps.shout 1/0. r.slur 1/0.
 * p.mild: t3 t8 acceptable -> 0/2. x.new (shadow): t5 -> 0/1.
 * Worst first: precision 0 with more acceptable hits first (p.mild, x.new),
 * then precision 1 by unacceptable hits (p.swear), then by id. */
static void
test_rules(void **state)
{
	struct replay			*r = score_corpus(false);
	const struct replay_report	*rep = replay_finish(r);
	const struct replay_rule	*u = rep->rules;

	(void)state;
	assert_int_equal(rep->n_rules, 5);
	assert_string_equal(u[0].id, "p.mild");
	assert_int_equal(u[0].hits_ok, 2);
	assert_int_equal(u[0].hits_bad, 0);
	assert_false(u[0].shadow);
	assert_string_equal(u[1].id, "x.new");
	assert_true(u[1].shadow);
	assert_string_equal(u[1].category, "discourtesy");
	assert_string_equal(u[2].id, "p.swear");
	assert_int_equal(u[2].hits_bad, 2);
	assert_float_equal(replay_rule_precision(&u[2]), 1.0, 1e-9);
	assert_string_equal(u[3].id, "caps.shout");
	assert_string_equal(u[4].id, "r.slur");
	replay_free(r);
}

/* FP: t3 only. FN: t4 (review) ranks above 7 (error). */
static void
test_examples(void **state)
{
	struct replay			*r = score_corpus(false);
	const struct replay_report	*rep = replay_finish(r);

	(void)state;
	assert_int_equal(rep->n_false_pos, 1);
	assert_string_equal(rep->false_pos[0].id, "t3");
	assert_string_equal(rep->false_pos[0].text, "damn fine");
	assert_string_equal(rep->false_pos[0].rules, "p.mild");
	assert_string_equal(rep->false_pos[0].labels, "");
	assert_int_equal(rep->n_false_neg, 2);
	assert_string_equal(rep->false_neg[0].id, "t4");
	assert_string_equal(rep->false_neg[0].decision, "review");
	assert_string_equal(rep->false_neg[1].id, "7");
	assert_string_equal(rep->false_neg[1].decision, "error");
	assert_string_equal(rep->false_neg[1].labels, "violence");
	replay_free(r);
}

/* With reviews as rejections t4 becomes TP and t8 FP:
 * tp=3 fp=2 fn=1 tn=2; racism found; profanity fp 3. */
/* Three-way, whatever review_rejects says. Acceptable: t3 reject, t5 t7
 * accept, t8 review -> false reject 1/4, review load 1/4. Unacceptable:
 * t1 t2 reject, t4 review, 7 error -> caught 3/4. Held as positive:
 * tp 3 fp 2 fn 1 -> F1 6/9, FPR 2/4. File f2: acceptable t5 t7 t8, so
 * false reject 0, review load 1/3; unacceptable t4 (review), 7 -> 1/2. */
static void
test_threeway(void **state)
{
	for (int rr = 0; rr < 2; rr++) {
		struct replay			*r = score_corpus(rr == 1);
		const struct replay_report	*rep = replay_finish(r);
		const struct replay_counts	*c = &rep->overall;

		(void)state;
		assert_float_equal(replay_false_reject_rate(c), 0.25, 1e-9);
		assert_float_equal(replay_review_load(c), 0.25, 1e-9);
		assert_float_equal(replay_caught(c), 0.75, 1e-9);
		assert_float_equal(replay_caught_f1(c), 6.0 / 9, 1e-9);
		assert_float_equal(replay_caught_fpr(c), 0.5, 1e-9);
		c = &rep->files[1].counts;
		assert_float_equal(replay_false_reject_rate(c), 0.0, 1e-9);
		assert_float_equal(replay_review_load(c), 1.0 / 3, 1e-9);
		assert_float_equal(replay_caught(c), 0.5, 1e-9);

		json_t *o = replay_report_json(rep, 0);
		json_t *ov = json_object_get(o, "overall");
		assert_float_equal(json_real_value(json_object_get(ov,
		    "false_reject_rate")), 0.25, 1e-9);
		assert_float_equal(json_real_value(json_object_get(ov,
		    "review_load")), 0.25, 1e-9);
		assert_float_equal(json_real_value(json_object_get(ov,
		    "caught")), 0.75, 1e-9);
		json_decref(o);

		char	*buf = NULL;
		size_t	 len = 0;
		FILE	*f = open_memstream(&buf, &len);
		replay_print_threeway(f, rep);
		fclose(f);
		assert_non_null(strstr(buf,
		    "overall       4       4   0.2500   0.2500   0.7500"));
		free(buf);
		replay_free(r);
	}
}

static void
test_review_rejects(void **state)
{
	struct replay			*r = score_corpus(true);
	const struct replay_report	*rep = replay_finish(r);

	(void)state;
	assert_int_equal(rep->overall.tp, 3);
	assert_int_equal(rep->overall.fp, 2);
	assert_int_equal(rep->overall.fn, 1);
	assert_int_equal(rep->overall.tn, 2);
	assert_int_equal(rep->categories[1].fp, 3);
	assert_int_equal(rep->categories[2].tp, 1);
	replay_free(r);
}

static void
test_json_report(void **state)
{
	struct replay			*r = score_corpus(false);
	const struct replay_report	*rep = replay_finish(r);
	json_t				*j = replay_report_json(rep, 1);
	json_t				*f2;

	(void)state;
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(
	    json_object_get(j, "overall"), "tp")), 2);
	f2 = json_array_get(json_object_get(j, "files"), 1);
	assert_true(json_is_null(json_object_get(f2, "precision")));
	assert_int_equal(json_array_size(json_object_get(j,
	    "false_negatives")), 1);
	assert_int_equal(json_integer_value(json_object_get(
	    json_object_get(j, "errors"), "too_large")), 1);
	json_decref(j);
	replay_free(r);
}

/* Scoring may go on after replay_finish (the indexes follow the sort). */
static void
test_add_after_finish(void **state)
{
	struct replay	*r = score_corpus(false);
	json_t		*line;

	(void)state;
	replay_finish(r);
	line = parse(corpus[1]);	/* t2 again: p.swear, caps.shout */
	assert_int_equal(replay_add(r, line), REPLAY_TP);
	json_decref(line);
	replay_finish(r);
	assert_string_equal(replay_finish(r)->rules[2].id, "p.swear");
	assert_int_equal(replay_finish(r)->rules[2].hits_bad, 3);
	assert_int_equal(replay_finish(r)->categories[0].tp, 2);
	replay_free(r);
}

static void
test_bad_lines(void **state)
{
	struct replay	*r = replay_new(false);
	json_t		*line = parse("{\"id\":\"x\",\"decision\":\"reject\"}");

	(void)state;
	assert_int_equal(replay_add(r, line), -1);
	assert_int_equal(replay_total(&replay_finish(r)->overall), 0);
	assert_true(isnan(replay_f1(&replay_finish(r)->overall)));
	json_decref(line);
	replay_free(r);
}

static void
test_helpers(void **state)
{
	json_t	*a = parse("{\"id\":17}"), *b = parse("{\"id\":\"c-1\"}");
	json_t	*c = parse("{\"text\":\"x\"}");
	char	*s;

	(void)state;
	s = replay_id_text(a);
	assert_string_equal(s, "17");
	free(s);
	s = replay_id_text(b);
	assert_string_equal(s, "c-1");
	free(s);
	assert_null(replay_id_text(c));
	json_decref(a);
	json_decref(b);
	json_decref(c);

	s = replay_truncate("short", 10);
	assert_string_equal(s, "short");
	free(s);
	/* 'é' is 2 bytes: cutting at byte 2 would split it. */
	s = replay_truncate("h\xc3\xa9llo", 2);
	assert_string_equal(s, "h...");
	free(s);
	s = replay_truncate("a\tb\nc", 10);
	assert_string_equal(s, "a b c");
	free(s);
}

/* Old run vs new run (labels in brackets, [] acceptable):
 *   d1 [prof]  accept -> reject +p.swear   fixed
 *   d2 []      accept -> reject +c.z       broke
 *   d3 [prof]  review -> reject            fixed (neutral w/ review_rejects)
 *   d4 []      reject -> reject a.x->a.y   rules changed only
 *   d5 []      accept -> accept            unchanged
 *   42 []      accept -> error             neutral (both count as accept)
 *   d6         only old: missing;  d7 only new: added
 * compared 6, changed 4 (broke 1, fixed 2, neutral 1); order d2, d1, d3, 42 */
static const char *const old_run[] = {
	"{\"id\":\"d1\",\"decision\":\"accept\",\"reasons\":[],"
	"\"labels\":[\"profanity\"],\"text\":\"old text\"}",
	"{\"id\":\"d2\",\"decision\":\"accept\",\"reasons\":[],\"labels\":[]}",
	"{\"id\":\"d3\",\"decision\":\"review\",\"reasons\":["
	R("p.mild", "profanity") "],\"labels\":[\"profanity\"]}",
	"{\"id\":\"d4\",\"decision\":\"reject\",\"reasons\":["
	R("a.x", "a") "],\"labels\":[]}",
	"{\"id\":\"d5\",\"decision\":\"accept\",\"reasons\":[],\"labels\":[]}",
	"{\"id\":42,\"decision\":\"accept\",\"reasons\":[],\"labels\":[]}",
	"{\"id\":\"d6\",\"decision\":\"accept\",\"reasons\":[],\"labels\":[]}",
};
static const char *const new_run[] = {
	"{\"id\":\"d1\",\"decision\":\"reject\",\"reasons\":["
	R("p.swear", "profanity") "],\"labels\":[\"profanity\"]}",
	"{\"id\":\"d2\",\"decision\":\"reject\",\"reasons\":["
	R("c.z", "c") "],\"labels\":[],\"text\":\"hello\"}",
	"{\"id\":\"d3\",\"decision\":\"reject\",\"reasons\":["
	R("p.mild", "profanity") "],\"labels\":[\"profanity\"]}",
	"{\"id\":\"d4\",\"decision\":\"reject\",\"reasons\":["
	R("a.y", "a") "],\"labels\":[]}",
	"{\"id\":\"d5\",\"decision\":\"accept\",\"reasons\":[],\"labels\":[]}",
	"{\"id\":42,\"error\":{\"code\":\"internal\"},\"labels\":[]}",
	"{\"id\":\"d7\",\"decision\":\"accept\",\"reasons\":[],\"labels\":[]}",
};

static struct replay_diff *
diff_runs(bool review_rejects)
{
	struct replay_diff	*d = replay_diff_new(review_rejects);
	size_t			 i;

	assert_non_null(d);
	for (i = 0; i < sizeof(old_run) / sizeof(old_run[0]); i++) {
		json_t *line = parse(old_run[i]);

		assert_int_equal(replay_diff_add_old(d, line), 0);
		json_decref(line);
	}
	for (i = 0; i < sizeof(new_run) / sizeof(new_run[0]); i++) {
		json_t *line = parse(new_run[i]);

		assert_true(replay_diff_add(d, line) >= 0);
		json_decref(line);
	}
	return d;
}

static void
test_diff(void **state)
{
	struct replay_diff		*d = diff_runs(false);
	const struct replay_diff_report	*rep = replay_diff_finish(d);
	const struct replay_change	*c = rep->changes;

	(void)state;
	assert_int_equal(rep->compared, 6);
	assert_int_equal(rep->n_changes, 4);
	assert_int_equal(rep->broke, 1);
	assert_int_equal(rep->fixed, 2);
	assert_int_equal(rep->neutral, 1);
	assert_int_equal(rep->rules_changed, 1);
	assert_int_equal(rep->added, 1);
	assert_int_equal(rep->missing, 1);

	assert_string_equal(c[0].id, "d2");
	assert_int_equal(c[0].effect, REPLAY_CHANGE_BROKE);
	assert_string_equal(c[0].added, "c.z");
	assert_string_equal(c[0].removed, "");
	assert_string_equal(c[0].text, "hello");
	assert_string_equal(c[1].id, "d1");
	assert_int_equal(c[1].effect, REPLAY_CHANGE_FIXED);
	assert_string_equal(c[1].old_decision, "accept");
	assert_string_equal(c[1].new_decision, "reject");
	assert_string_equal(c[1].added, "p.swear");
	assert_string_equal(c[1].labels, "profanity");
	assert_string_equal(c[1].text, "old text");	/* from the old run */
	assert_string_equal(c[2].id, "d3");
	assert_int_equal(c[2].effect, REPLAY_CHANGE_FIXED);
	assert_string_equal(c[2].added, "");
	assert_string_equal(c[3].id, "42");
	assert_int_equal(c[3].effect, REPLAY_CHANGE_NEUTRAL);
	assert_string_equal(c[3].new_decision, "error");
	replay_diff_free(d);
}

static void
test_diff_review_rejects(void **state)
{
	struct replay_diff		*d = diff_runs(true);
	const struct replay_diff_report	*rep = replay_diff_finish(d);
	json_t				*j;

	(void)state;
	/* d3 review -> reject is now neutral (both count as rejections). */
	assert_int_equal(rep->fixed, 1);
	assert_int_equal(rep->neutral, 2);
	j = replay_diff_report_json(rep);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "changed")), 4);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(j, "changes"), 0), "effect")), "broke");
	json_decref(j);
	replay_diff_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overall),
		cmocka_unit_test(test_categories),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_threeway),
		cmocka_unit_test(test_review_rejects),
		cmocka_unit_test(test_json_report),
		cmocka_unit_test(test_add_after_finish),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_helpers),
		cmocka_unit_test(test_diff),
		cmocka_unit_test(test_diff_review_rejects),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
