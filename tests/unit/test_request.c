/* Unit tests of request: parsing and validating one protocol v1 line,
 * every error code it produces, and what a good request carries. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "request.h"

#define MAX_TEXT 64

/* The handler's reused buffer: requests take the fast path when they can. */
static struct request_buf rb;

/* Parse s; returns the result, leaves r for the caller to clear. */
static int
parse(struct request *r, struct request_error *err, const char *s)
{
	return request_parse(r, &rb, s, strlen(s), MAX_TEXT, err);
}

/* s must fail with code; the message must contain `msg` when given. */
static void
expect_error(const char *s, enum err_code code, const char *msg)
{
	struct request		 r;
	struct request_error	 err;

	if (parse(&r, &err, s) != -1)
		fail_msg("expected %s for %s", err_code_name(code), s);
	if (err.code != code)
		fail_msg("expected %s for %s, got %s (%s)", err_code_name(code),
		    s, err_code_name(err.code), err.message);
	assert_true(err.message[0] != '\0');
	if (msg != NULL && strstr(err.message, msg) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", err.message, msg);
	request_clear(&r);
}

static void
test_bad_json(void **state)
{
	(void)state;
	expect_error("", ERR_BAD_JSON, NULL);
	expect_error("{", ERR_BAD_JSON, NULL);
	expect_error("{\"text\": \"a\",}", ERR_BAD_JSON, NULL);
	expect_error("{\"text\": 'a'}", ERR_BAD_JSON, NULL);
	expect_error("not json", ERR_BAD_JSON, NULL);
	expect_error("{\"text\":\"a\"} trailing", ERR_BAD_JSON, NULL);
}

static void
test_bad_json_non_object(void **state)
{
	(void)state;
	expect_error("[\"text\", \"a\"]", ERR_BAD_JSON, "object");
	expect_error("[]", ERR_BAD_JSON, "object");
	/* scalars: the parser itself refuses them */
	expect_error("\"just a string\"", ERR_BAD_JSON, NULL);
	expect_error("17", ERR_BAD_JSON, NULL);
	expect_error("null", ERR_BAD_JSON, NULL);
	expect_error("true", ERR_BAD_JSON, NULL);
}

static void
test_bad_json_wrong_types(void **state)
{
	(void)state;
	expect_error("{\"id\":[1],\"text\":\"a\"}", ERR_BAD_JSON, "id");
	expect_error("{\"id\":{\"x\":1},\"text\":\"a\"}", ERR_BAD_JSON, "id");
	expect_error("{\"id\":true,\"text\":\"a\"}", ERR_BAD_JSON, "id");
	expect_error("{\"text\":\"a\",\"policy\":3}", ERR_BAD_JSON, "policy");
	expect_error("{\"text\":\"a\",\"policy\":[\"kids\"]}", ERR_BAD_JSON,
	    "policy");
	expect_error("{\"text\":\"a\",\"dry_run\":\"yes\"}", ERR_BAD_JSON,
	    "dry_run");
	expect_error("{\"text\":\"a\",\"dry_run\":1}", ERR_BAD_JSON, "dry_run");
	expect_error("{\"text\":\"a\",\"dry_run\":null}", ERR_BAD_JSON,
	    "dry_run");
	expect_error("{\"op\":7}", ERR_BAD_JSON, "op");
	expect_error("{\"op\":\"reboot\"}", ERR_BAD_JSON, "reboot");
}

static void
test_missing_text(void **state)
{
	(void)state;
	expect_error("{}", ERR_MISSING_TEXT, NULL);
	expect_error("{\"id\":1}", ERR_MISSING_TEXT, NULL);
	expect_error("{\"text\":null}", ERR_MISSING_TEXT, NULL);
	expect_error("{\"Text\":\"capital T is another field\"}",
	    ERR_MISSING_TEXT, NULL);
	expect_error("{\"text\":42}", ERR_MISSING_TEXT, "string");
	expect_error("{\"text\":[\"a\"]}", ERR_MISSING_TEXT, "string");
	expect_error("{\"text\":{\"body\":\"a\"}}", ERR_MISSING_TEXT, "string");
	expect_error("{\"text\":true}", ERR_MISSING_TEXT, "string");
	expect_error("{\"op\":\"check\"}", ERR_MISSING_TEXT, NULL);
}

static void
test_invalid_utf8_raw_bytes(void **state)
{
	(void)state;
	/* a lone continuation byte inside the text at byte 10 */
	expect_error("{\"text\":\"a\x80z\"}", ERR_INVALID_UTF8, "byte 10");
	/* a truncated two-byte sequence */
	expect_error("{\"text\":\"\xc3\"}", ERR_INVALID_UTF8, NULL);
	/* an overlong encoding of '/' */
	expect_error("{\"text\":\"\xc0\xaf\"}", ERR_INVALID_UTF8, NULL);
	/* a UTF-8 encoded surrogate (CESU) */
	expect_error("{\"text\":\"\xed\xa0\x80\"}", ERR_INVALID_UTF8, NULL);
	/* 0xff never appears in UTF-8 */
	expect_error("{\"id\":\"x\",\"text\":\"ok\xff\"}", ERR_INVALID_UTF8,
	    NULL);
}

static void
test_invalid_utf8_escapes(void **state)
{
	(void)state;
	/* lone surrogates written as escapes decode to no character */
	expect_error("{\"text\":\"\\ud800\"}", ERR_INVALID_UTF8, NULL);
	expect_error("{\"text\":\"a\\udfffb\"}", ERR_INVALID_UTF8, NULL);
	expect_error("{\"text\":\"\\ud800x\"}", ERR_INVALID_UTF8, NULL);
	/* the error still carries the id, so the client can match it */
	struct request		 r;
	struct request_error	 err;
	assert_int_equal(parse(&r, &err,
	    "{\"id\":\"c-9\",\"text\":\"\\ud800\"}"), -1);
	assert_int_equal(err.code, ERR_INVALID_UTF8);
	assert_non_null(request_id_json(&r));
	assert_string_equal(json_string_value(request_id_json(&r)), "c-9");
	request_clear(&r);
	assert_int_equal(parse(&r, &err,
	    "{\"id\":41,\"text\":\"\xff\"}"), -1);
	assert_int_equal(err.code, ERR_INVALID_UTF8);
	assert_non_null(request_id_json(&r));
	assert_int_equal(json_integer_value(request_id_json(&r)), 41);
	request_clear(&r);
	/* a proper pair is fine */
	assert_int_equal(parse(&r, &err, "{\"text\":\"\\ud83d\\ude00\"}"), 0);
	assert_int_equal(err.code, ERR_NONE);
	assert_int_equal(r.text_len, 4);
	assert_memory_equal(r.text, "\xf0\x9f\x98\x80", 4);
	request_clear(&r);
}

static void
test_too_large(void **state)
{
	struct request		 r;
	struct request_error	 err;
	char			 line[256];
	char			 text[MAX_TEXT + 2];
	(void)state;

	memset(text, 'a', sizeof(text));
	text[MAX_TEXT] = '\0';
	snprintf(line, sizeof(line), "{\"id\":\"big\",\"text\":\"%s\"}", text);
	assert_int_equal(parse(&r, &err, line), 0);	/* at the limit */
	assert_int_equal(r.text_len, MAX_TEXT);
	request_clear(&r);

	text[MAX_TEXT] = 'a';
	text[MAX_TEXT + 1] = '\0';
	snprintf(line, sizeof(line), "{\"id\":\"big\",\"text\":\"%s\"}", text);
	assert_int_equal(parse(&r, &err, line), -1);
	assert_int_equal(err.code, ERR_TOO_LARGE);
	assert_non_null(strstr(err.message, "65"));
	/* the id is known, so the answer can carry it */
	assert_non_null(request_id_json(&r));
	assert_string_equal(json_string_value(request_id_json(&r)), "big");
	request_clear(&r);

	/* bytes count, not characters: 22 three-byte characters = 66 */
	char *p = line + sprintf(line, "{\"text\":\"");
	for (int i = 0; i < 22; i++)
		p += sprintf(p, "\xe2\x82\xac");
	sprintf(p, "\"}");
	expect_error(line, ERR_TOO_LARGE, NULL);
}

static void
test_id_kept_on_error(void **state)
{
	struct request		 r;
	struct request_error	 err;
	(void)state;

	assert_int_equal(parse(&r, &err, "{\"id\":\"c-9\",\"text\":5}"), -1);
	assert_int_equal(err.code, ERR_MISSING_TEXT);
	assert_non_null(request_id_json(&r));
	assert_string_equal(json_string_value(request_id_json(&r)), "c-9");
	request_clear(&r);

	assert_int_equal(parse(&r, &err, "{\"id\":12,\"policy\":1,\"text\":\"a\"}"),
	    -1);
	assert_int_equal(err.code, ERR_BAD_JSON);
	assert_non_null(request_id_json(&r));
	assert_int_equal(json_integer_value(request_id_json(&r)), 12);
	request_clear(&r);
}

static void
test_id_string_or_number(void **state)
{
	struct request		 r;
	struct request_error	 err;
	(void)state;

	assert_int_equal(parse(&r, &err, "{\"id\":\"c-1842\",\"text\":\"hi\"}"), 0);
	assert_true(json_is_string(request_id_json(&r)));
	assert_string_equal(json_string_value(request_id_json(&r)), "c-1842");
	request_clear(&r);

	assert_int_equal(parse(&r, &err, "{\"id\":17,\"text\":\"hi\"}"), 0);
	assert_true(json_is_integer(request_id_json(&r)));
	assert_int_equal(json_integer_value(request_id_json(&r)), 17);
	request_clear(&r);

	assert_int_equal(parse(&r, &err, "{\"id\":2.5,\"text\":\"hi\"}"), 0);
	assert_true(json_is_real(request_id_json(&r)));
	request_clear(&r);

	assert_int_equal(parse(&r, &err, "{\"id\":null,\"text\":\"hi\"}"), 0);
	assert_null(request_id_json(&r));
	request_clear(&r);

	assert_int_equal(parse(&r, &err, "{\"text\":\"hi\"}"), 0);
	assert_null(request_id_json(&r));
	request_clear(&r);
}

static void
test_good_request(void **state)
{
	struct request		 r;
	struct request_error	 err;
	const char *s = "{\"text\":\"You are an idiot\",\"policy\":\"kids\","
	    "\"dry_run\":true,\"id\":\"a\",\"extra\":{\"nested\":[1,2]},"
	    "\"lang\":\"en\",\"meta\":null}";
	(void)state;

	assert_int_equal(parse(&r, &err, s), 0);
	assert_int_equal(err.code, ERR_NONE);
	assert_int_equal(r.op, OP_CHECK);
	assert_int_equal(r.text_len, 16);
	assert_memory_equal(r.text, "You are an idiot", 16);
	assert_string_equal(r.policy, "kids");
	assert_true(r.dry_run);
	request_clear(&r);
	assert_null(r.root);

	assert_int_equal(parse(&r, &err,
	    "{\"text\":\"x\",\"dry_run\":false,\"policy\":null}"), 0);
	assert_false(r.dry_run);
	assert_null(r.policy);
	request_clear(&r);

	/* the line need not be NUL-terminated: only len bytes count */
	const char *two = "{\"text\":\"one\"}{\"text\":\"two\"}";
	assert_int_equal(request_parse(&r, &rb, two, 14, MAX_TEXT, &err), 0);
	assert_int_equal(r.text_len, 3);
	assert_memory_equal(r.text, "one", 3);
	request_clear(&r);

	/* empty text is a text */
	assert_int_equal(parse(&r, &err, "{\"text\":\"\"}"), 0);
	assert_int_equal(r.text_len, 0);
	request_clear(&r);
}

static void
test_ops(void **state)
{
	struct request		 r;
	struct request_error	 err;
	(void)state;

	assert_int_equal(parse(&r, &err, "{\"op\":\"stats\"}"), 0);
	assert_int_equal(r.op, OP_STATS);
	request_clear(&r);

	assert_int_equal(parse(&r, &err, "{\"op\":\"policies\",\"id\":3}"), 0);
	assert_int_equal(r.op, OP_POLICIES);
	assert_int_equal(json_integer_value(request_id_json(&r)), 3);
	request_clear(&r);

	assert_int_equal(parse(&r, &err, "{\"op\":\"check\",\"text\":\"x\"}"), 0);
	assert_int_equal(r.op, OP_CHECK);
	request_clear(&r);
}

static void
test_nul_inside_text(void **state)
{
	struct request		 r;
	struct request_error	 err;
	(void)state;

	assert_int_equal(parse(&r, &err, "{\"text\":\"a\\u0000b\\u0000\"}"), 0);
	assert_int_equal(r.text_len, 4);
	assert_memory_equal(r.text, "a\0b\0", 4);
	request_clear(&r);
}

static void
test_err_code_names(void **state)
{
	(void)state;
	assert_string_equal(err_code_name(ERR_BAD_JSON), "bad_json");
	assert_string_equal(err_code_name(ERR_MISSING_TEXT), "missing_text");
	assert_string_equal(err_code_name(ERR_INVALID_UTF8), "invalid_utf8");
	assert_string_equal(err_code_name(ERR_TOO_LARGE), "too_large");
	assert_string_equal(err_code_name(ERR_UNKNOWN_POLICY), "unknown_policy");
	assert_string_equal(err_code_name(ERR_OVERLOADED), "overloaded");
	assert_string_equal(err_code_name(ERR_INTERNAL), "internal");
}

/* A NUL cuts jansson's C string short: it must not shorten a name. */
static void
test_nul_inside_names(void **state)
{
	(void)state;
	expect_error("{\"text\":\"a\",\"policy\":\"default\\u0000x\"}",
	    ERR_UNKNOWN_POLICY, "policy");
	expect_error("{\"op\":\"stats\\u0000\"}", ERR_BAD_JSON, "op");
}

/* Surrogate escapes are judged by their values, not by the wording of
 * jansson's message. */
static void
test_surrogate_escapes(void **state)
{
	struct request		 r;
	struct request_error	 err;

	(void)state;
	expect_error("{\"text\":\"\\udc00\\ud800\"}", ERR_INVALID_UTF8, "surrogate");
	expect_error("{\"text\":\"\\ud800\\ud800\"}", ERR_INVALID_UTF8, NULL);
	expect_error("{\"text\":\"\\uDBFF\"}", ERR_INVALID_UTF8, NULL);
	expect_error("{\"text\":\"a\\ud800\\u00e9\"}", ERR_INVALID_UTF8, NULL);
	/* not escapes: an escaped backslash, then "ud800" as text */
	assert_int_equal(parse(&r, &err, "{\"text\":\"\\\\ud800\"}"), 0);
	assert_int_equal(r.text_len, 6);
	request_clear(&r);
	assert_int_equal(parse(&r, &err, "{\"text\":\"\\uD83D\\uDE00\"}"), 0);
	assert_int_equal(r.text_len, 4);
	request_clear(&r);
	/* a bad hex digit is a syntax error, not UTF-8 */
	expect_error("{\"text\":\"\\ud8zz\"}", ERR_BAD_JSON, NULL);
}

/* String ids past REQUEST_ID_MAX bytes are refused; shorter ones kept. */
static void
test_id_cap(void **state)
{
	struct request		 r;
	struct request_error	 err;
	char			 line[REQUEST_ID_MAX + 64];

	(void)state;
	snprintf(line, sizeof(line), "{\"id\":\"%0*d\",\"text\":\"a\"}",
	    REQUEST_ID_MAX, 7);
	assert_int_equal(parse(&r, &err, line), 0);
	assert_int_equal(json_string_length(request_id_json(&r)), REQUEST_ID_MAX);
	request_clear(&r);
	snprintf(line, sizeof(line), "{\"id\":\"%0*d\",\"text\":\"a\"}",
	    REQUEST_ID_MAX + 1, 7);
	assert_int_equal(parse(&r, &err, line), -1);
	assert_int_equal(err.code, ERR_TOO_LARGE);
	assert_null(request_id_json(&r));
	request_clear(&r);
}

/* Whether two parsed requests say the same thing. */
static void
expect_same_request(struct request *a, struct request *b, const char *s)
{
	if (a->id.kind != b->id.kind || a->op != b->op ||
	    a->dry_run != b->dry_run || a->text_len != b->text_len ||
	    (a->text_len > 0 && memcmp(a->text, b->text, a->text_len) != 0) ||
	    (a->policy == NULL) != (b->policy == NULL) ||
	    (a->policy != NULL && strcmp(a->policy, b->policy) != 0))
		fail_msg("the fast path read %s differently", s);
	switch (a->id.kind) {
	case REQUEST_ID_STRING:
		if (a->id.len != b->id.len ||
		    memcmp(a->id.str, b->id.str, a->id.len) != 0)
			fail_msg("the fast path read the id of %s differently", s);
		break;
	case REQUEST_ID_INTEGER:
		if (a->id.num != b->id.num)
			fail_msg("the fast path read the id of %s differently", s);
		break;
	default:
		break;
	}
}

/* Lines the fast path must read itself, each the same as jansson. */
static const char *fast_lines[] = {
	"{\"text\":\"hi\"}",
	"{\"id\":\"c-1\",\"text\":\"hello there\",\"policy\":\"kids\"}",
	"{\"policy\":\"kids\",\"text\":\"any order\",\"id\":7}",
	"  {  \"id\" : 12 ,\t\"text\"\r: \"ws\" ,\"dry_run\" :true }  \t",
	"{\"text\":\"x\",\"dry_run\":false,\"policy\":null,\"id\":null}",
	"{\"id\":-0,\"text\":\"minus zero\"}",
	"{\"id\":-123456789012345678,\"text\":\"18 digits\"}",
	"{\"id\":999999999999999999,\"text\":\"18 nines\"}",
	"{\"id\":0,\"text\":\"\"}",
	"{\"text\":\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t end\"}",
	"{\"text\":\"\\u0041\\u00e9\\u20AC\\uffff\\u0000x\"}",
	"{\"text\":\"pair \\ud83d\\ude00 and \\uD834\\uDD1E\"}",
	"{\"id\":\"\\u0000\\n\\\"\",\"text\":\"id escapes\"}",
	"{\"text\":\"raw caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xa8 \x7f\"}",
	"{\"text\":\"a\",\"policy\":\"k\\u0069ds\"}",
	"{\"text\":\"a\",\"policy\":\"\"}",
	"{\"text\":\"{\\\"nested\\\":[1,2]}\"}",
	"\n{\"text\":\"newlines around\"}\n",
};

/* Lines the fast path leaves to jansson: it must say so, and the whole
 * parse must still answer as jansson does. */
static const char *slow_lines[] = {
	"", " ", "{}", "[]", "null", "\"text\"", "{\"text\":\"a\"",
	"{\"text\":\"a\",}", "{,\"text\":\"a\"}", "{\"text\" \"a\"}",
	"{\"text\":\"a\"} x", "{\"text\":\"a\"}{}", "{\"text\":'a'}",
	/* duplicate keys: jansson keeps the last */
	"{\"text\":\"first\",\"text\":\"second\"}",
	"{\"id\":1,\"id\":\"two\",\"text\":\"a\"}",
	"{\"text\":\"a\",\"policy\":\"kids\",\"policy\":null}",
	"{\"text\":\"a\",\"dry_run\":true,\"dry_run\":false}",
	/* other keys, escaped keys, nested values */
	"{\"text\":\"a\",\"lang\":\"en\"}", "{\"t\\u0065xt\":\"a\"}",
	"{\"text\":\"a\",\"meta\":{\"x\":[1,{}]}}", "{\"text\":{\"a\":1}}",
	"{\"text\":[\"a\"]}", "{\"id\":[1],\"text\":\"a\"}",
	"{\"id\":{\"x\":1},\"text\":\"a\"}",
	/* numbers the fast path does not read */
	"{\"id\":2.5,\"text\":\"a\"}", "{\"id\":1e3,\"text\":\"a\"}",
	"{\"id\":1E3,\"text\":\"a\"}", "{\"id\":-0.0,\"text\":\"a\"}",
	"{\"id\":01,\"text\":\"a\"}", "{\"id\":-,\"text\":\"a\"}",
	"{\"id\":+1,\"text\":\"a\"}", "{\"id\":1234567890123456789,\"text\":\"a\"}",
	"{\"id\":99999999999999999999999,\"text\":\"a\"}",
	"{\"id\":-9223372036854775808,\"text\":\"a\"}",
	"{\"id\":1e400,\"text\":\"a\"}", "{\"id\":true,\"text\":\"a\"}",
	/* ops, errors of every kind */
	"{\"op\":\"stats\"}", "{\"op\":\"check\",\"text\":\"a\"}",
	"{\"op\":\"policies\",\"id\":3}", "{\"op\":\"nope\"}",
	"{\"text\":null}", "{\"text\":5}", "{\"id\":\"x\"}",
	"{\"text\":\"a\",\"policy\":3}", "{\"text\":\"a\",\"policy\":\"k\\u0000x\"}",
	"{\"text\":\"a\",\"dry_run\":1}", "{\"text\":\"a\",\"dry_run\":null}",
	"{\"text\":\"a\",\"dry_run\":tru}", "{\"text\":\"a\",\"dry_run\":truex}",
	"{\"text\":\"a\",\"policy\":nul}",
	/* escapes and UTF-8 */
	"{\"text\":\"\\ud800\"}", "{\"text\":\"\\udc00\"}",
	"{\"text\":\"\\ud800\\u0041\"}", "{\"text\":\"\\ud800\\\\\"}",
	"{\"id\":\"c-9\",\"text\":\"\\ud800x\"}", "{\"text\":\"\\u12\"}",
	"{\"text\":\"\\u12g4\"}", "{\"text\":\"\\x\"}", "{\"text\":\"\\'\"}",
	"{\"text\":\"\\\"}", "{\"text\":\"raw\ttab\"}", "{\"text\":\"a\x01\"}",
	"{\"text\":\"a\x80z\"}", "{\"id\":41,\"text\":\"\xff\"}",
	"{\"text\":\"\xc0\xaf\"}", "{\"text\":\"\xed\xa0\x80\"}",
	"\xef\xbb\xbf{\"text\":\"bom\"}", "{\"text\":\"a\"}\x0b",
	/* too large: a text over 64 bytes, an id over the cap */
	"{\"text\":\"0123456789012345678901234567890123456789012345678901234567890123456789\"}",
};

/* Everything request_parse answers, fast path or not, is what the jansson
 * path alone answers: same result, error code and message, and id. */
static void
expect_same_outcome(const char *s)
{
	struct request		 a, b;
	struct request_error	 ea, eb;
	int			 ra, rb_;

	ra = request_parse(&a, &rb, s, strlen(s), MAX_TEXT, &ea);
	rb_ = request_parse(&b, NULL, s, strlen(s), MAX_TEXT, &eb);
	if (ra != rb_ || ea.code != eb.code || strcmp(ea.message, eb.message) != 0)
		fail_msg("%s: %d %s (%s) vs jansson %d %s (%s)", s, ra,
		    err_code_name(ea.code), ea.message, rb_,
		    err_code_name(eb.code), eb.message);
	if (ra == 0 || a.id.kind != REQUEST_ID_REAL)
		expect_same_request(&a, &b, s);
	request_clear(&a);
	request_clear(&b);
}

static void
test_fast_path_reads_common_requests(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(fast_lines) / sizeof(fast_lines[0]); i++) {
		const char *s = fast_lines[i];
		struct request f;
		if (!request_parse_fast(&f, &rb, s, strlen(s), MAX_TEXT))
			fail_msg("the fast path left %s to jansson", s);
		struct request j;
		struct request_error err;
		assert_int_equal(request_parse(&j, NULL, s, strlen(s), MAX_TEXT,
		    &err), 0);
		expect_same_request(&f, &j, s);
		request_clear(&f);
		request_clear(&j);
		expect_same_outcome(s);
	}
}

static void
test_fast_path_leaves_the_rest(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(slow_lines) / sizeof(slow_lines[0]); i++) {
		const char *s = slow_lines[i];
		struct request f;
		if (request_parse_fast(&f, &rb, s, strlen(s), MAX_TEXT))
			fail_msg("the fast path read %s itself", s);
		expect_same_outcome(s);
	}
	/* an id one byte over the cap; a line over REQUEST_FAST_MAX */
	char *big = malloc(REQUEST_FAST_MAX + 64);
	assert_non_null(big);
	int n = sprintf(big, "{\"id\":\"");
	memset(big + n, 'i', REQUEST_ID_MAX + 1);
	strcpy(big + n + REQUEST_ID_MAX + 1, "\",\"text\":\"a\"}");
	expect_same_outcome(big);
	memset(big, ' ', REQUEST_FAST_MAX + 1);
	strcpy(big + REQUEST_FAST_MAX + 1, "{\"text\":\"a\"}");
	struct request f;
	assert_false(request_parse_fast(&f, &rb, big, strlen(big), MAX_TEXT));
	expect_same_outcome(big);
	free(big);
}

/* The id cap is the fast path's too: at the cap it reads it. */
static void
test_fast_path_id_at_cap(void **state)
{
	char line[REQUEST_ID_MAX + 64];
	struct request f;
	(void)state;

	int n = sprintf(line, "{\"id\":\"");
	memset(line + n, 'i', REQUEST_ID_MAX);
	strcpy(line + n + REQUEST_ID_MAX, "\",\"text\":\"a\"}");
	assert_true(request_parse_fast(&f, &rb, line, strlen(line), MAX_TEXT));
	assert_int_equal(f.id.len, REQUEST_ID_MAX);
	request_clear(&f);
	expect_same_outcome(line);
}

/* The fast path scans strings eight bytes at a time: a quote, backslash
 * or control character at any offset must still be seen. */
static void
test_fast_path_specials_anywhere(void **state)
{
	static const char *specials[] = { "\\\"", "\\\\", "\\n", "\\u00e9",
	    "\xc3\xa9", "\x01", "\x1f", "\t", "\x7f" };
	char line[128];
	(void)state;

	for (size_t k = 0; k < sizeof(specials) / sizeof(specials[0]); k++)
		for (int pos = 0; pos < 20; pos++) {
			snprintf(line, sizeof(line), "{\"text\":\"%.*s%s%.*s\"}",
			    pos, "aaaaaaaaaaaaaaaaaaaaaaaa", specials[k],
			    20 - pos, "bbbbbbbbbbbbbbbbbbbbbbbb");
			struct request f;
			bool raw_ctl = (unsigned char)specials[k][0] < 0x20;
			if (request_parse_fast(&f, &rb, line, strlen(line),
			    MAX_TEXT) == raw_ctl)
				fail_msg("the fast path %s %s", raw_ctl ?
				    "read" : "left", line);
			request_clear(&f);
			expect_same_outcome(line);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_json),
		cmocka_unit_test(test_bad_json_non_object),
		cmocka_unit_test(test_bad_json_wrong_types),
		cmocka_unit_test(test_missing_text),
		cmocka_unit_test(test_invalid_utf8_raw_bytes),
		cmocka_unit_test(test_invalid_utf8_escapes),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_id_kept_on_error),
		cmocka_unit_test(test_id_string_or_number),
		cmocka_unit_test(test_good_request),
		cmocka_unit_test(test_ops),
		cmocka_unit_test(test_nul_inside_text),
		cmocka_unit_test(test_err_code_names),
		cmocka_unit_test(test_nul_inside_names),
		cmocka_unit_test(test_surrogate_escapes),
		cmocka_unit_test(test_id_cap),
		cmocka_unit_test(test_fast_path_reads_common_requests),
		cmocka_unit_test(test_fast_path_leaves_the_rest),
		cmocka_unit_test(test_fast_path_id_at_cap),
		cmocka_unit_test(test_fast_path_specials_anywhere),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);

	request_buf_free(&rb);
	return failed;
}
