/* Unit tests of prefilter: which literals a pattern requires, and the
 * automaton that finds them. A wrong requirement would silently skip a
 * regex, so every shape is checked against what PCRE2 would match. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "prefilter.h"

static char *const insults[] = { "idiot", "moron", "dim" };

static int
lists(void *ctx, const char *name, size_t len, char *const **words, size_t *n)
{
	(void)ctx;
	if (len == 7 && memcmp(name, "insults", 7) == 0) {
		*words = insults;
		*n = 3;
		return 0;
	}
	return -1;
}

/* Expect pattern to require exactly the literals given (NULL-ended), or
 * nothing at all when the first is NULL. */
static void
expect(const char *pattern, ...)
{
	struct prefilter_atoms	 a;
	va_list			 ap;
	const char		*want;
	size_t			 n = 0;

	int rc = prefilter_analyze(pattern, lists, NULL, &a);
	va_start(ap, pattern);
	while ((want = va_arg(ap, const char *)) != NULL) {
		bool found = false;
		for (size_t i = 0; rc == 1 && i < a.n; i++)
			if (strcmp(a.v[i], want) == 0)
				found = true;
		if (!found)
			fail_msg("%s: expected literal \"%s\" (rc %d)", pattern,
			    want, rc);
		n++;
	}
	va_end(ap);
	if (n == 0 && rc != 0)
		fail_msg("%s: expected no requirement, got %zu literals (\"%s\"...)",
		    pattern, a.n, a.n ? a.v[0] : "");
	if (n > 0)
		assert_int_equal(a.n, n);
	prefilter_atoms_free(&a);
}

static void
test_analyze_shapes(void **state)
{
	(void)state;
	expect("\\bkill\\s+you\\b", "kill", NULL);
	expect("(?:foo|bar)bazz", "bazz", NULL);
	expect("(?:foo|ba?r)", "foo", "b", NULL);
	expect("x?yz", "yz", NULL);
	expect("abc{0,2}", "ab", NULL);
	expect("ab+c", "ab", NULL);
	expect("[abc]def", "def", NULL);
	expect("\\.net\\b", ".net", NULL);
	expect("(?=foo)barx", "barx", NULL);
	expect("foo(?i:barbaz)", "foo", NULL);
	expect("you(?: are|'re) (?:an? )?@insults\\b", "idiot", "moron", "dim", NULL);
	/* a UTF-8 character with a quantifier is optional as a whole */
	expect("don\xe2\x80\x99?tt", "don", NULL);
	expect("(?:(?:a|b)cde|fgh)", "cde", "fgh", NULL);
}

static void
test_analyze_unknown(void **state)
{
	(void)state;
	expect("a|b*", NULL);
	expect("(?:foo)?", NULL);
	expect("x*", NULL);
	expect("\\w+", NULL);
	expect("(?x) a b c", NULL);		/* spaces would not count */
	expect("foo)", NULL);			/* unbalanced: trust nothing */
	expect("@nolist", NULL);
	expect("(?:foo|\\d+)", NULL);
	expect("", NULL);
}

static void
test_automaton(void **state)
{
	struct prefilter	*pf = prefilter_new();
	uint8_t			 may[4];

	(void)state;
	assert_non_null(pf);
	assert_int_equal(prefilter_add(pf, "he", 0), 0);
	assert_int_equal(prefilter_add(pf, "she", 1), 0);
	assert_int_equal(prefilter_add(pf, "hers", 2), 0);
	assert_int_equal(prefilter_add(pf, "h\xc3\xa9", 3), 0);
	assert_int_equal(prefilter_compile(pf), 0);

	memset(may, 0, sizeof(may));
	prefilter_scan(pf, "uSHErs", 6, may);		/* overlapping, any case */
	assert_int_equal(may[0], 1);
	assert_int_equal(may[1], 1);
	assert_int_equal(may[2], 1);
	assert_int_equal(may[3], 0);

	memset(may, 0, sizeof(may));
	prefilter_scan(pf, "nothing here", 12, may);
	assert_int_equal(may[0], 1);			/* "here" */
	assert_int_equal(may[1], 0);
	assert_int_equal(may[2], 0);

	memset(may, 0, sizeof(may));
	prefilter_scan(pf, "caf\xc3\xa9 h\xc3\xa9", 10, may);
	assert_int_equal(may[3], 1);
	assert_int_equal(may[1], 0);

	memset(may, 0, sizeof(may));
	prefilter_scan(pf, "", 0, may);
	assert_int_equal(may[0] | may[1] | may[2] | may[3], 0);
	prefilter_free(pf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_analyze_shapes),
		cmocka_unit_test(test_analyze_unknown),
		cmocka_unit_test(test_automaton),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
