/* Unit tests of caps: the all-caps analyzer, its thresholds, short words,
 * scripts with and without case, and the span it reports. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "caps.h"

static const struct caps_params defaults = {
	CAPS_DEFAULT_MIN_LETTERS, CAPS_DEFAULT_MIN_RATIO, CAPS_DEFAULT_MIN_WORD
};

static bool
shout(const struct caps_params *p, const char *text, size_t *s, size_t *e)
{
	*s = *e = 999;
	bool hit = caps_check(p, text, strlen(text), s, e);
	if (!hit) {
		/* the span is only written on a hit */
		assert_int_equal(*s, 999);
		assert_int_equal(*e, 999);
	}
	return hit;
}

static void
expect_span(const struct caps_params *p, const char *text, const char *span)
{
	size_t s, e;
	const char *want = strstr(text, span);

	assert_non_null(want);
	if (!shout(p, text, &s, &e))
		fail_msg("\"%s\" is not shouting", text);
	if (s != (size_t)(want - text) || e != s + strlen(span))
		fail_msg("span of \"%s\" is [%zu, %zu) \"%.*s\", want \"%s\"",
		    text, s, e, (int)(e - s), text + s, span);
}

static void
expect_quiet(const struct caps_params *p, const char *text)
{
	size_t s, e;

	if (shout(p, text, &s, &e))
		fail_msg("\"%s\" counted as shouting", text);
}

static void
test_basic(void **state)
{
	(void)state;
	expect_span(&defaults, "STOP DOING THIS", "STOP DOING THIS");
	expect_quiet(&defaults, "stop doing this");
	expect_quiet(&defaults, "Stop Doing This Please");
	expect_quiet(&defaults, "");
	expect_quiet(&defaults, "!!! ??? 12345 ...");
}

static void
test_min_letters(void **state)
{
	struct caps_params p = { 8, 0.9, 1 };
	(void)state;

	expect_span(&p, "ABCDEFGH", "ABCDEFGH");	/* exactly 8 */
	expect_quiet(&p, "ABCDEFG");			/* 7 */
	expect_quiet(&p, "ABC DEFG!!!");		/* 7 in two words */
	/* digits and punctuation are no letters */
	expect_quiet(&p, "ABC123DEF4!!");
	p.min_letters = 16;
	expect_quiet(&p, "I HATE THIS SO");		/* 11 */
	expect_quiet(&p, "I HATE THIS SO MUCH!!");		/* 15 */
	expect_span(&p, "I HATE THIS SO VERY MUCH!!",
	    "I HATE THIS SO VERY MUCH");
}

static void
test_min_ratio(void **state)
{
	struct caps_params p = { 4, 0.75, 1 };
	(void)state;

	/* 3 of 4 cased letters upper: exactly the ratio */
	expect_span(&p, "ABCd", "ABCd");
	expect_quiet(&p, "ABcd");
	/* the ratio is over all cased letters of the comment */
	p.min_ratio = 0.8;
	/* 4 + 25 cased, 25 upper: 0.86 */
	expect_span(&p, "well THIS IS TOTALLY UNACCEPTABLE",
	    "THIS IS TOTALLY UNACCEPTABLE");
	/* 12 + 25 cased, 25 upper: 0.68 */
	expect_quiet(&p, "well honestly THIS IS TOTALLY UNACCEPTABLE");
	p.min_ratio = 1.0;
	expect_quiet(&p, "ALMOST ALL UPPEr");
	expect_span(&p, "ALL UPPER HERE", "ALL UPPER HERE");
}

static void
test_span(void **state)
{
	struct caps_params p = { 8, 0.7, 1 };
	(void)state;

	/* from the first mostly-upper word to the last one */
	expect_span(&p, "ok... WHY WOULD YOU DO THAT?! ok",
	    "WHY WOULD YOU DO THAT");
	/* a mixed word counts where most of its letters are upper */
	expect_span(&p, "x HeLLO WORLD y", "HeLLO WORLD");
	expect_span(&p, "x HellO WORLD AGAIN y", "WORLD AGAIN");
}

static void
test_short_words_and_acronyms(void **state)
{
	struct caps_params p = { 8, 0.8, 4 };
	(void)state;

	/* with min_word 4, I, OK, USA, FBI and the like are not counted */
	expect_quiet(&p, "OK I SAW THE FBI AND CIA AT THE USA BAR");
	/* so they do not make a quiet comment loud... */
	expect_quiet(&p, "the FBI, CIA, NSA, IRS and DEA are here");
	/* ...nor a loud one quiet, and are left out of the span */
	expect_span(&p, "OK THIS COMMENT SHOUTS A LOT", "THIS COMMENT SHOUTS");
	/* the same text with every word counted */
	p.min_word = 1;
	expect_span(&p, "OK I SAW THE FBI AND CIA AT THE USA BAR",
	    "OK I SAW THE FBI AND CIA AT THE USA BAR");
	expect_span(&p, "OK THIS COMMENT SHOUTS A LOT",
	    "OK THIS COMMENT SHOUTS A LOT");
}

static void
test_scripts(void **state)
{
	struct caps_params p = { 8, 0.8, 1 };
	(void)state;

	/* Cyrillic: "ПРЕКРАТИТЕ ЭТО" (stop it) in capitals, then lower */
	expect_span(&p, "\xd0\x9f\xd0\xa0\xd0\x95\xd0\x9a\xd0\xa0\xd0\x90"
	    "\xd0\xa2\xd0\x98\xd0\xa2\xd0\x95 \xd0\xad\xd0\xa2\xd0\x9e!",
	    "\xd0\x9f\xd0\xa0\xd0\x95\xd0\x9a\xd0\xa0\xd0\x90"
	    "\xd0\xa2\xd0\x98\xd0\xa2\xd0\x95 \xd0\xad\xd0\xa2\xd0\x9e");
	expect_quiet(&p, "\xd0\xbf\xd1\x80\xd0\xb5\xd0\xba\xd1\x80\xd0\xb0"
	    "\xd1\x82\xd0\xb8\xd1\x82\xd0\xb5 \xd1\x8d\xd1\x82\xd0\xbe!");
	/* Greek capitals with an accent: ΣΤΑΜΑΤΉΣΤΕ */
	expect_span(&p, "\xce\xa3\xce\xa4\xce\x91\xce\x9c\xce\x91\xce\xa4"
	    "\xce\x89\xce\xa3\xce\xa4\xce\x95",
	    "\xce\xa3\xce\xa4\xce\x91\xce\x9c\xce\x91\xce\xa4"
	    "\xce\x89\xce\xa3\xce\xa4\xce\x95");
	/* scripts without case are never shouting, however long */
	expect_quiet(&p, "\xe4\xbd\xa0\xe6\x98\xaf\xe4\xb8\x80\xe4\xb8\xaa"
	    "\xe7\xac\xa8\xe8\x9b\x8b\xe4\xbd\xa0\xe6\x98\xaf\xe4\xb8\x80"
	    "\xe4\xb8\xaa\xe7\xac\xa8\xe8\x9b\x8b");
	/* nor do they dilute the Latin capitals next to them... */
	expect_span(&p, "\xe4\xbd\xa0\xe5\xa5\xbd STOP SHOUTING",
	    "STOP SHOUTING");
	/* ...or count as capitals: 2 upper Latin letters only */
	expect_quiet(&p, "OK \xe4\xbd\xa0\xe5\xa5\xbd\xe4\xbd\xa0\xe5\xa5\xbd"
	    "\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xbd\xa0\xe5\xa5\xbd");
	/* full-width capitals are capitals: ＳＴＯＰ ＮＯＷ, 7 letters */
	p.min_letters = 7;
	expect_span(&p, "\xef\xbc\xb3\xef\xbc\xb4\xef\xbc\xaf\xef\xbc\xb0 "
	    "\xef\xbc\xae\xef\xbc\xaf\xef\xbc\xb7",
	    "\xef\xbc\xb3\xef\xbc\xb4\xef\xbc\xaf\xef\xbc\xb0 "
	    "\xef\xbc\xae\xef\xbc\xaf\xef\xbc\xb7");
}

static void
test_len_bounds(void **state)
{
	struct caps_params p = { 8, 0.8, 1 };
	const char *t = "SHOUTING LOUDLY and more text after";
	size_t s, e;
	(void)state;

	/* only len bytes are looked at */
	assert_true(caps_check(&p, t, 15, &s, &e));
	assert_int_equal(s, 0);
	assert_int_equal(e, 15);
	assert_false(caps_check(&p, t, strlen(t), &s, &e));
	/* invalid UTF-8 does not crash and is no letter */
	assert_false(caps_check(&p, "\xff\xfe\xc3", 3, &s, &e));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_min_letters),
		cmocka_unit_test(test_min_ratio),
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_short_words_and_acronyms),
		cmocka_unit_test(test_scripts),
		cmocka_unit_test(test_len_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
