/* Unit tests of norm: the normal view (NFKC, case folding, ignorables and
 * combining marks removed, typographic look-alikes lumped) and its map
 * back to the bytes of the original text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "norm.h"

static int
setup(void **state)
{
	struct views *vs = malloc(sizeof(*vs));

	if (vs == NULL)
		return -1;
	views_init(vs);
	*state = vs;
	return 0;
}

static int
teardown(void **state)
{
	views_free(*state);
	free(*state);
	return 0;
}

/*
 * Build the views of orig; the normal view must be want_normal, and the
 * word `word` of it must map back to exactly `want_orig` in orig.
 */
static void
check(struct views *vs, const char *orig, const char *want_normal,
    const char *word, const char *want_orig)
{
	size_t		 os, oe;

	assert_int_equal(views_build(vs, orig, strlen(orig)), 0);
	assert_int_equal(vs->raw.len, strlen(orig));
	assert_ptr_equal(vs->raw.text, orig);
	if (vs->normal.len != strlen(want_normal) ||
	    memcmp(vs->normal.text, want_normal, vs->normal.len) != 0)
		fail_msg("normal view of \"%s\" is \"%.*s\", want \"%s\"", orig,
		    (int)vs->normal.len, vs->normal.text, want_normal);
	assert_int_equal(vs->normal.text[vs->normal.len], '\0');
	if (word == NULL)
		return;
	const char *w = strstr(vs->normal.text, word);
	if (w == NULL)
		fail_msg("\"%s\" not in the normal view \"%s\"", word,
		    vs->normal.text);
	size_t s = (size_t)(w - vs->normal.text);
	view_span_orig(&vs->normal, s, s + strlen(word), &os, &oe);
	const char *wo = strstr(orig, want_orig);
	assert_non_null(wo);
	if (os != (size_t)(wo - orig) || oe != os + strlen(want_orig))
		fail_msg("\"%s\" in \"%s\" maps to [%zu, %zu) \"%.*s\", want "
		    "[%zu, %zu) \"%s\"", word, orig, os, oe, (int)(oe - os),
		    orig + os, (size_t)(wo - orig),
		    (size_t)(wo - orig) + strlen(want_orig), want_orig);
}

static void
test_ascii(void **state)
{
	check(*state, "Hello World", "hello world", "world", "World");
	check(*state, "", "", NULL, NULL);
	check(*state, "MiXeD 123 !?", "mixed 123 !?", "mixed", "MiXeD");
}

static void
test_nfkc(void **state)
{
	/* U+FB01 LATIN SMALL LIGATURE FI */
	check(*state, "a \xef\xac\x81ne day", "a fine day", "fine",
	    "\xef\xac\x81ne");
	/* ligature alone: both letters map to its three bytes */
	check(*state, "x\xef\xac\x81x", "xfix", "fi", "\xef\xac\x81");
	/* full-width FUCK, U+FF26 U+FF35 U+FF23 U+FF2B */
	check(*state, "oh \xef\xbc\xa6\xef\xbc\xb5\xef\xbc\xa3\xef\xbc\xab!",
	    "oh fuck!", "fuck",
	    "\xef\xbc\xa6\xef\xbc\xb5\xef\xbc\xa3\xef\xbc\xab");
	/* superscript two and circled a */
	check(*state, "x\xc2\xb2 \xe2\x93\x90", "x2 a", "x2", "x\xc2\xb2");
}

static void
test_case_folding(void **state)
{
	/* Straße -> strasse: one ß, two s */
	check(*state, "Die Stra\xc3\x9f" "e ist lang", "die strasse ist lang",
	    "strasse", "Stra\xc3\x9f" "e");
	check(*state, "Stra\xc3\x9f" "e", "strasse", "ss", "\xc3\x9f");
	/* Greek and Cyrillic capitals */
	check(*state, "\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91",
	    "\xcf\x83\xce\xbf\xcf\x86\xce\xb9\xce\xb1", NULL, NULL);
	check(*state, "\xd0\x9c\xd0\x98\xd0\xa0", "\xd0\xbc\xd0\xb8\xd1\x80",
	    NULL, NULL);
	/* U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE folds to i */
	check(*state, "\xc4\xb0stanbul", "istanbul", "istanbul",
	    "\xc4\xb0stanbul");
}

static void
test_ignorables(void **state)
{
	/* U+200B ZERO WIDTH SPACE inside a word */
	check(*state, "you fu\xe2\x80\x8b" "ck", "you fuck", "fuck",
	    "fu\xe2\x80\x8b" "ck");
	/* U+00AD SOFT HYPHEN */
	check(*state, "ass\xc2\xad" "hole!", "asshole!", "asshole",
	    "ass\xc2\xad" "hole");
	/* bidi marks: U+200E LRM, U+202E RLO, U+2066 LRI */
	check(*state, "i\xe2\x80\x8e" "d\xe2\x80\xae" "i\xe2\x81\xa6" "ot",
	    "idiot", "idiot",
	    "i\xe2\x80\x8e" "d\xe2\x80\xae" "i\xe2\x81\xa6" "ot");
	/* U+200D ZWJ, U+2060 WORD JOINER, U+FEFF BOM */
	check(*state, "\xef\xbb\xbfk\xe2\x80\x8di\xe2\x81\xa0ll", "kill",
	    "kill", "k\xe2\x80\x8di\xe2\x81\xa0ll");
}

static void
test_combining_marks(void **state)
{
	/* precomposed ü */
	check(*state, "f\xc3\xbc" "ck you", "fuck you", "fuck",
	    "f\xc3\xbc" "ck");
	/* e + U+0301 COMBINING ACUTE ACCENT, the mark inside the word */
	check(*state, "re\xcc\x81sume\xcc\x81 here", "resume here", "resume",
	    "re\xcc\x81sume\xcc\x81");
	/* several marks stacked on one letter, at the end of a word */
	check(*state, "the cafe\xcc\x81\xcc\x88 is open", "the cafe is open",
	    "cafe", "cafe\xcc\x81\xcc\x88");
	/* Vietnamese: precomposed with two marks */
	check(*state, "Vi\xe1\xbb\x87t", "viet", "viet", "Vi\xe1\xbb\x87t");
}

static void
test_apostrophe_lumped(void **state)
{
	/* U+2019 RIGHT SINGLE QUOTATION MARK */
	check(*state, "don\xe2\x80\x99t go", "don't go", "don't",
	    "don\xe2\x80\x99t");
	/* U+2018 and U+02BC MODIFIER LETTER APOSTROPHE do too? U+2018 does */
	check(*state, "\xe2\x80\x98quoted\xe2\x80\x99", "'quoted'", "'quoted'",
	    "\xe2\x80\x98quoted\xe2\x80\x99");
	/* typographic dash and no-break space become ASCII */
	check(*state, "a\xe2\x80\x94" "b\xc2\xa0" "c", "a-b c", "-b ",
	    "\xe2\x80\x94" "b\xc2\xa0");
}

static void
test_invalid_bytes(void **state)
{
	struct views	*vs = *state;
	const char	 bad[] = "ab\xff" "cd\xc3";	/* stray and truncated */
	size_t		 os, oe;

	assert_int_equal(views_build(vs, bad, sizeof(bad) - 1), 0);
	assert_int_equal(vs->normal.len, 2 + 3 + 2 + 3);
	assert_memory_equal(vs->normal.text,
	    "ab\xef\xbf\xbd" "cd\xef\xbf\xbd", vs->normal.len);
	/* each U+FFFD maps back to the one bad byte */
	view_span_orig(&vs->normal, 2, 5, &os, &oe);
	assert_int_equal(os, 2);
	assert_int_equal(oe, 3);
	view_span_orig(&vs->normal, 7, 10, &os, &oe);
	assert_int_equal(os, 5);
	assert_int_equal(oe, 6);
	/* every byte of a random mess maps inside the original */
	char mess[512];
	unsigned seed = 7;
	for (size_t i = 0; i < sizeof(mess); i++) {
		seed = seed * 1103515245 + 12345;
		mess[i] = (char)(seed >> 16);
	}
	assert_int_equal(views_build(vs, mess, sizeof(mess)), 0);
	for (size_t i = 0; i < vs->normal.len; i++) {
		assert_true(view_ostart(&vs->normal, i) <
		    view_oend(&vs->normal, i));
		assert_true(view_oend(&vs->normal, i) <= sizeof(mess));
		if (i > 0)
			assert_true(view_ostart(&vs->normal, i) >=
			    view_ostart(&vs->normal, i - 1));
	}
}

static void
test_nul_and_reuse(void **state)
{
	struct views	*vs = *state;
	char		 big[4096];

	/* a NUL inside the text is kept; the view is not cut at it */
	assert_int_equal(views_build(vs, "A\0B", 3), 0);
	assert_int_equal(vs->normal.len, 3);
	assert_memory_equal(vs->normal.text, "a\0b", 3);

	/* a long comment, then a short one: the buffers are reused */
	memset(big, 'X', sizeof(big));
	assert_int_equal(views_build(vs, big, sizeof(big)), 0);
	assert_int_equal(vs->normal.len, sizeof(big));
	assert_int_equal(vs->normal.text[4095], 'x');
	assert_int_equal(view_ostart(&vs->normal, 4095), 4095);
	/* ASCII maps one to one, without map arrays */
	assert_null(vs->normal.ostart);
	check(vs, "Short", "short", "short", "Short");
}

static void
test_span_edges(void **state)
{
	struct views	*vs = *state;
	size_t		 os, oe;

	/* the raw view is the original itself */
	assert_int_equal(views_build(vs, "\xc3\x9f" "x", 3), 0);
	view_span_orig(&vs->raw, 1, 2, &os, &oe);
	assert_int_equal(os, 1);
	assert_int_equal(oe, 2);
	/* an empty span at the end of the normal view */
	view_span_orig(&vs->normal, vs->normal.len, vs->normal.len, &os, &oe);
	assert_int_equal(os, 3);
	assert_int_equal(oe, 3);
	/* views_get picks the right one */
	assert_ptr_equal(views_get(vs, VIEW_RAW, 0), &vs->raw);
	assert_ptr_equal(views_get(vs, VIEW_NORMAL, 0), &vs->normal);
	const struct view *f = views_get(vs, VIEW_FOLDED, FOLD_ALL);
	assert_non_null(f);
	/* asked again, the same folded view comes back */
	assert_ptr_equal(views_get(vs, VIEW_FOLDED, FOLD_ALL), f);
}

static void
test_norm_string(void **state)
{
	char	*s;
	size_t	 n;
	(void)state;

	s = norm_string("Stra\xc3\x9f" "e", 7, &n);
	assert_non_null(s);
	assert_int_equal(n, 7);
	assert_string_equal(s, "strasse");
	free(s);

	s = norm_string("F\xc3\x9c\xe2\x80\x8b" "CK", 8, &n);
	assert_string_equal(s, "fuck");
	assert_int_equal(n, 4);
	free(s);

	s = norm_string("\xef\xac\x81ne", 5, &n);
	assert_string_equal(s, "fine");
	free(s);

	s = norm_string("don\xe2\x80\x99t", 7, &n);
	assert_string_equal(s, "don't");
	free(s);

	/* len counts, not the NUL: only the first 3 bytes */
	s = norm_string("ABCDEF", 3, &n);
	assert_string_equal(s, "abc");
	free(s);

	s = norm_string("", 0, &n);
	assert_non_null(s);
	assert_int_equal(n, 0);
	assert_string_equal(s, "");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ascii, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nfkc, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_folding, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ignorables, setup, teardown),
		cmocka_unit_test_setup_teardown(test_combining_marks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_apostrophe_lumped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nul_and_reuse, setup, teardown),
		cmocka_unit_test_setup_teardown(test_span_edges, setup, teardown),
		cmocka_unit_test(test_norm_string),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
