/* Unit tests of prefilter: which literals a pattern requires, and the
 * automaton that finds them. A wrong requirement would silently skip a
 * regex, so every shape is checked against what PCRE2 would match. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
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

/* Expect pattern to require the sets of spec: sets separated by " & ",
 * literals of a set by "|", in any order; NULL: no requirement at all. */
static void
expect(const char *pattern, const char *spec)
{
	struct prefilter_atoms	 a;
	char			 got[1024] = "", want[1024];
	int			 rc = prefilter_analyze(pattern, lists, NULL, &a);

	if (spec == NULL) {
		if (rc != 0)
			fail_msg("%s: expected no requirement, got %zu literals",
			    pattern, a.n);
		return;
	}
	if (rc != 1)
		fail_msg("%s: expected \"%s\", got no requirement", pattern, spec);
	/* canonical form: each set's literals sorted, sets sorted */
	char sets[PREFILTER_MAX_SETS][256];
	for (unsigned k = 0; k < a.nsets; k++) {
		char *lits[64];
		size_t n = 0;
		for (size_t i = 0; i < a.n && n < 64; i++)
			if (a.set[i] == k)
				lits[n++] = a.v[i];
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++)
				if (strcmp(lits[j], lits[i]) < 0) {
					char *t = lits[i]; lits[i] = lits[j]; lits[j] = t;
				}
		sets[k][0] = '\0';
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				strcat(sets[k], "|");
			strcat(sets[k], lits[i]);
		}
	}
	for (unsigned i = 0; i < a.nsets; i++)
		for (unsigned j = i + 1; j < a.nsets; j++)
			if (strcmp(sets[j], sets[i]) < 0) {
				char t[256];
				strcpy(t, sets[i]); strcpy(sets[i], sets[j]); strcpy(sets[j], t);
			}
	for (unsigned k = 0; k < a.nsets; k++) {
		if (k > 0)
			strcat(got, " & ");
		strcat(got, sets[k]);
	}
	snprintf(want, sizeof(want), "%s", spec);
	if (strcmp(got, want) != 0)
		fail_msg("%s: expected \"%s\", got \"%s\"", pattern, want, got);
	prefilter_atoms_free(&a);
}

static void
test_analyze_shapes(void **state)
{
	(void)state;
	expect("\\bkill\\s+you\\b", "kill");
	expect("(?:foo|bar)bazz", "bar|foo & bazz");
	expect("(?:foo|ba?r)", "b|foo");
	expect("x?yz", "yz");
	expect("abc{0,2}", "ab");
	expect("ab+c", "ab");
	expect("[abc]def", "def");
	expect("\\.net\\b", ".net");
	expect("(?=foo)barx", "barx");
	expect("foo(?i:barbaz)", "foo");
	/* common words ("you", "are") are not worth requiring */
	expect("you(?: are|'re) (?:an? )?@insults\\b", "dim|idiot|moron");
	/* every rare mandatory item is required: all must occur */
	expect("\\b@insults\\s+people\\s+are\\s+vermin", "dim|idiot|moron & people & vermin");
	/* a UTF-8 character with a quantifier is optional as a whole */
	expect("don\xe2\x80\x99?tt", "don & tt");
	expect("(?:(?:a|b)cde|fgh)", "cde|fgh");
	/* top-level branches: one literal of some branch */
	expect("killer|murder\\s+him", "killer|murder");
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
	assert_int_equal(prefilter_add(pf, "he", 0, 0), 0);
	assert_int_equal(prefilter_add(pf, "she", 1, 0), 0);
	assert_int_equal(prefilter_add(pf, "hers", 2, 0), 0);
	assert_int_equal(prefilter_add(pf, "h\xc3\xa9", 3, 0), 0);
	/* rule 3 also needs "caf" (its second set) */
	assert_int_equal(prefilter_add(pf, "caf", 3, 1), 0);
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
	assert_int_equal(may[3], 3);			/* both sets */
	assert_int_equal(may[1], 0);

	memset(may, 0, sizeof(may));
	prefilter_scan(pf, "h\xc3\xa9", 3, may);
	assert_int_equal(may[3], 1);			/* one set of two */

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
