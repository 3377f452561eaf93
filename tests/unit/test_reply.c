/* Unit tests of reply: the answer lines written directly must be, byte
 * for byte, what building them as jansson objects and dumping them with
 * JSON_COMPACT gave (the reference construction is kept here). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reply.h"

static struct engine *eng;

/* ---- the reference: answers as jansson built and dumped them ---- */

static json_t *
ref_hit(const struct engine *e, const struct hit *h, const char *text)
{
	json_t *o = json_object();

	json_object_set_new(o, "rule", json_string(rules_id(e->rb, h->rule)));
	json_object_set_new(o, "category",
	    json_string(rules_category_name(e->rb,
	    rules_category_of(e->rb, h->rule))));
	json_object_set_new(o, "start", json_integer(h->start));
	json_object_set_new(o, "end", json_integer(h->end));
	size_t n = h->end - h->start;
	bool cut = n > REPLY_MATCH_MAX;
	if (cut) {
		n = REPLY_MATCH_MAX;
		while (n > 0 && ((unsigned char)text[h->start + n] & 0xc0) == 0x80)
			n--;
	}
	json_t *m = json_stringn(text + h->start, n);
	json_object_set_new(o, "match", m ? m : json_string(""));
	if (cut)
		json_object_set_new(o, "match_truncated", json_true());
	if (h->score >= 0)
		json_object_set_new(o, "score",
		    json_real(round(h->score * 1e4) / 1e4));
	if (h->budget)
		json_object_set_new(o, "error", json_string(
		    "the comment's regex time budget ran out; the remaining "
		    "regexes were skipped"));
	else if (h->limit)
		json_object_set_new(o, "error", json_string(
		    "regex hit its match limit; held for review"));
	return o;
}

static json_t *
ref_verdict(const struct engine *e, const struct policy *p,
    const struct check_scratch *cs, json_t *id, const char *text,
    bool dry_run)
{
	const struct verdict *v = &cs->v;
	json_t *o = json_object(), *reasons = json_array();

	if (id != NULL)
		json_object_set(o, "id", id);
	json_object_set_new(o, "decision", json_string(decision_name(v->decision)));
	json_object_set_new(o, "categories", reply_categories(e, v));
	for (size_t i = 0; i < v->nreasons; i++)
		json_array_append_new(reasons,
		    ref_hit(e, &cs->ms.hits[v->reasons[i]], text));
	json_object_set_new(o, "reasons", reasons);
	if (v->nshadow > 0) {
		json_t *sh = json_array();
		for (size_t i = 0; i < v->nshadow; i++)
			json_array_append_new(sh,
			    ref_hit(e, &cs->ms.hits[v->shadow[i]], text));
		json_object_set_new(o, "shadow", sh);
	}
	json_object_set_new(o, "policy", json_string(p->name));
	json_object_set_new(o, "rules_version", json_string(e->version));
	if (dry_run)
		json_object_set_new(o, "dry_run", json_true());
	return o;
}

static json_t *
ref_error(json_t *id, enum err_code code, const char *message)
{
	json_t *o = json_object(), *err = json_object();

	json_object_set(o, "id", id != NULL ? id : json_null());
	json_object_set_new(err, "code", json_string(err_code_name(code)));
	json_t *m = json_string(message);
	json_object_set_new(err, "message", m ? m : json_string("invalid request"));
	json_object_set_new(o, "error", err);
	return o;
}

/* The reference's line, '\n' included; obj is freed. */
static char *
ref_line(json_t *obj)
{
	char *s = json_dumps(obj, JSON_COMPACT);
	size_t n;

	assert_non_null(s);
	n = strlen(s);
	char *line = malloc(n + 2);
	assert_non_null(line);
	memcpy(line, s, n);
	memcpy(line + n, "\n", 2);
	free(s);
	json_decref(obj);
	return line;
}

static void
expect_same(const struct reply_buf *b, char *ref)
{
	if (b->len != strlen(ref) || memcmp(b->p, ref, b->len) != 0)
		fail_msg("written:  %.*s\nexpected: %s", (int)b->len, b->p, ref);
	free(ref);
}

/* ---- comparisons ---- */

/* A spread of ids: none, strings that need escaping, integers, reals. */
static json_t *
make_id(int k)
{
	switch (k % 12) {
	case 0:	return NULL;
	case 1:	return json_string("c-1842");
	case 2:	return json_stringn("q\"\\/\b\f\n\r\t\x01\x1f\x7f", 12);
	case 3:	return json_stringn("nul\0inside", 10);
	case 4:	return json_string("caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xa8");
	case 5:	return json_integer(0);
	case 6:	return json_integer(-42);
	case 7:	return json_integer(INT64_MAX);
	case 8:	return json_integer(INT64_MIN);
	case 9:	return json_real(2.5);
	case 10: return json_real(0.1);
	default: return json_real(1e300);
	}
}

static void
compare_verdict(const struct policy *p, const struct check_scratch *cs,
    const char *text, int k)
{
	struct reply_buf	 b = { 0 };
	struct request_id	 rid;
	json_t			*id = make_id(k);

	request_id_from_json(&rid, id);
	assert_int_equal(reply_verdict(&b, eng, p, cs, id ? &rid : NULL, text,
	    k & 1), 0);
	expect_same(&b, ref_line(ref_verdict(eng, p, cs, id, text, k & 1)));
	json_decref(id);
	reply_buf_free(&b);
}

static void
test_verdicts_of_the_engine(void **state)
{
	static const char *texts[] = {
		"", "a perfectly kind remark about the weather",
		"you are a fucking idiot", "DECORUM-TEST-REJECT-7A3F",
		"what the hell, damn it", "SHUT UP SHUT UP SHUT UP YOU MORON",
		"kill yourself", "go back to where you came from you animal",
		"f.u.c.k you \"quoted\" and \\backslashed\\ \t tabbed",
		"caf\xc3\xa9 sh\xc4\xb1t \xf0\x9f\x98\xa1 bitch",
		"our dog is a bitch, a lovely one", "stupid stupid stupid",
	};
	struct check_scratch cs;
	(void)state;

	check_scratch_init(&cs);
	for (size_t pi = 0; pi < eng->policies.n; pi++)
		for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
			assert_int_equal(engine_check(eng, &eng->policies.v[pi],
			    &cs, texts[t], strlen(texts[t])), 0);
			for (int k = 0; k < 12; k++)
				compare_verdict(&eng->policies.v[pi], &cs,
				    texts[t], k);
		}
	check_scratch_free(&cs);
}

/* Deterministic pseudo-random numbers. */
static uint32_t
rnd(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

/* Made-up verdicts over made-up texts: spans cut inside characters, over
 * the echo limit, on control characters, NULs and quotes; scores; limit
 * and budget errors; shadow hits; every category state. */
static void
test_made_up_hits(void **state)
{
	static const char *pieces[] = {
		"a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\x01", "\x1f",
		"\x7f", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
		"\xe2\x80\xa8", "word", "\0",
	};
	static const float scores[] = { -1, 0, 1, 0.5f, 0.12345f, 0.99995f,
	    1e-5f, 0.33333334f, 0.00005f };
	struct hit	 hits[12];
	uint32_t	 idx[12], seed = 7;
	uint8_t		 cats[64] = { 0 };
	char		 text[1400];
	struct check_scratch cs;
	size_t		 nrules = rules_count(eng->rb);
	size_t		 ncats = rules_category_count(eng->rb);
	(void)state;

	assert_true(ncats <= sizeof(cats));
	for (int iter = 0; iter < 3000; iter++) {
		size_t len = 0, want = rnd(&seed) % 1200;
		while (len < want) {
			const char *pc = pieces[rnd(&seed) % 17];
			size_t pn = *pc ? strlen(pc) : 1;
			memcpy(text + len, pc, pn);
			len += pn;
		}
		text[len] = '\0';
		memset(&cs, 0, sizeof(cs));
		cs.ms.hits = hits;
		cs.v.cat_state = cats;
		cs.v.decision = (enum decision)(rnd(&seed) % 3);
		for (size_t c = 0; c < ncats; c++)
			cats[c] = (uint8_t)(rnd(&seed) % 3);
		size_t nh = rnd(&seed) % 12;
		for (size_t i = 0; i < nh; i++) {
			struct hit *h = &hits[i];
			memset(h, 0, sizeof(*h));
			h->rule = rnd(&seed) % (uint32_t)nrules;
			h->start = len ? rnd(&seed) % (uint32_t)len : 0;
			h->end = h->start + rnd(&seed) % (uint32_t)(len - h->start + 1);
			h->score = scores[rnd(&seed) % 9];
			h->limit = rnd(&seed) % 5 == 0;
			h->budget = h->limit && rnd(&seed) % 2;
			idx[i] = (uint32_t)i;
		}
		size_t split = nh ? rnd(&seed) % (nh + 1) : 0;
		cs.v.reasons = idx;
		cs.v.nreasons = split;
		cs.v.shadow = idx + split;
		cs.v.nshadow = nh - split;
		compare_verdict(&eng->policies.v[iter % eng->policies.n], &cs,
		    text, (int)rnd(&seed));
	}
}

static void
test_errors(void **state)
{
	static const char *messages[] = {
		"empty request", "no policy named \"kids\\u0000...\"",
		"unknown op \"st\xc3\" (check, stats, policies)",	/* cut */
		"'[' or '{' expected near 'x' at byte 0",
		"tab\there, newline\nthere, \x01 and \x7f",
		"caf\xc3\xa9 \xf0\x9f\x98\x80", "",
	};
	(void)state;

	for (int k = 0; k < 24; k++)
		for (size_t m = 0; m < sizeof(messages) / sizeof(messages[0]); m++) {
			struct reply_buf b = { 0 };
			struct request_id rid;
			json_t *id = make_id(k);
			enum err_code code = (enum err_code)(1 + (k + m) % 7);

			request_id_from_json(&rid, id);
			assert_int_equal(reply_error(&b, k < 12 ? &rid : NULL,
			    code, messages[m]), 0);
			expect_same(&b, ref_line(ref_error(k < 12 ? id : NULL,
			    code, messages[m])));
			json_decref(id);
			reply_buf_free(&b);
		}
}

/* The buffer is reused: a short answer after a long one is whole, and a
 * buffer one answer grew big is given back. */
static void
test_buffer_reuse(void **state)
{
	struct reply_buf b = { 0 };
	char big[200000];
	(void)state;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(reply_error(&b, NULL, ERR_BAD_JSON, big), 0);
	assert_true(b.len > sizeof(big));
	reply_buf_shrink(&b);
	assert_null(b.p);
	assert_int_equal(reply_error(&b, NULL, ERR_BAD_JSON, "x"), 0);
	assert_int_equal(reply_error(&b, NULL, ERR_BAD_JSON, "y"), 0);
	expect_same(&b, ref_line(ref_error(NULL, ERR_BAD_JSON, "y")));
	reply_buf_shrink(&b);
	assert_non_null(b.p);	/* small: kept for the next answer */
	reply_buf_free(&b);
}

static void
test_control_answers(void **state)
{
	struct reply_buf b = { 0 };
	json_t *o = json_pack("{s:s,s:[i,f,b,n]}", "x\xc3\xa9", "y\n", "z", 1,
	    0.25, 1);
	(void)state;

	assert_int_equal(reply_json(&b, json_incref(o)), 0);
	expect_same(&b, ref_line(o));
	assert_int_equal(reply_json(&b, NULL), -1);
	reply_buf_free(&b);
}

int
main(void)
{
	const char *root = getenv("DECORUM_ROOT");
	char rules[4096];
	struct engine_opts o = { 0 };
	struct diag d;

	snprintf(rules, sizeof(rules), "%s/rules", root ? root : ".");
	o.rules_dir = rules;
	o.generation = 1;
	diag_init(&d);
	eng = engine_load(&o, &d);
	if (eng == NULL) {
		diag_print(&d, stderr);
		return 1;
	}
	diag_free(&d);

	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_verdicts_of_the_engine),
		cmocka_unit_test(test_made_up_hits),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_buffer_reuse),
		cmocka_unit_test(test_control_answers),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);

	engine_unref(eng);
	return failed;
}
