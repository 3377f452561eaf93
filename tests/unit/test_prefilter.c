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
/* entries as the splice writes them: words split by one space, a stem */
static char *const groups[] = { "the jews", "black people", "gays", "muzz*" };

static int
lists(void *ctx, const char *name, size_t len, char *const **words, size_t *n)
{
	(void)ctx;
	if (len == 7 && memcmp(name, "insults", 7) == 0) {
		*words = insults;
		*n = 3;
		return 0;
	}
	if (len == 6 && memcmp(name, "groups", 6) == 0) {
		*words = groups;
		*n = 4;
		return 0;
	}
	return -1;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Expect pattern to require spec: clauses separated by " || " (any one
 * suffices), sets of a clause by " & " (all are needed), literals of a
 * set by "|"; "<" before a literal: it must start at a word boundary,
 * ">" after: end at one. Any order. NULL: no requirement at all. */
static void
expect(const char *pattern, const char *spec)
{
	struct prefilter_atoms	 a;
	char			 got[4096] = "";
	int			 rc = prefilter_analyze(pattern, lists, NULL, &a);

	if (spec == NULL) {
		if (rc != 0)
			fail_msg("%s: expected no requirement, got %zu literals",
			    pattern, a.n);
		return;
	}
	if (rc != 1)
		fail_msg("%s: expected \"%s\", got no requirement", pattern, spec);
	/* canonical form: literals sorted in sets, sets in clauses,
	 * clauses in the whole */
	char *sets[PREFILTER_MAX_SETS], *clauses[PREFILTER_MAX_CLAUSES];
	for (unsigned k = 0; k < a.nsets; k++) {
		char *lits[256];
		size_t n = 0;
		for (size_t i = 0; i < a.n && n < 256; i++) {
			if (a.set[i] != k)
				continue;
			lits[n] = malloc(strlen(a.v[i]) + 3);
			sprintf(lits[n++], "%s%s%s",
			    a.flags[i] & PREFILTER_WORD_START ? "<" : "", a.v[i],
			    a.flags[i] & PREFILTER_WORD_END ? ">" : "");
		}
		qsort(lits, n, sizeof(lits[0]), cmp_str);
		sets[k] = calloc(1, 4096);
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				strcat(sets[k], "|");
			strcat(sets[k], lits[i]);
			free(lits[i]);
		}
	}
	for (unsigned c = 0; c < a.nclauses; c++) {
		char *in[PREFILTER_MAX_SETS];
		size_t n = 0;
		for (unsigned k = 0; k < a.nsets; k++)
			if (a.clause[c] & (1u << k))
				in[n++] = sets[k];
		qsort(in, n, sizeof(in[0]), cmp_str);
		clauses[c] = calloc(1, 4096);
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				strcat(clauses[c], " & ");
			strcat(clauses[c], in[i]);
		}
	}
	qsort(clauses, a.nclauses, sizeof(clauses[0]), cmp_str);
	for (unsigned c = 0; c < a.nclauses; c++) {
		if (c > 0)
			strcat(got, " || ");
		strcat(got, clauses[c]);
		free(clauses[c]);
	}
	for (unsigned k = 0; k < a.nsets; k++)
		free(sets[k]);
	if (strcmp(got, spec) != 0)
		fail_msg("%s: expected \"%s\", got \"%s\"", pattern, spec, got);
	prefilter_atoms_free(&a);
}

static void
test_analyze_shapes(void **state)
{
	(void)state;
	expect("\\bkill\\s+you\\b", "<kill>");
	expect("(?:foo|bar)bazz", "bar|foo & bazz");
	expect("(?:foo|bax?rr)", "ba & rr || foo");
	expect("(?:foo|ba?r)", NULL);	/* "b" would rule out nothing */
	expect("x?yz", "yz");
	expect("abc{0,2}", "ab");
	expect("abc{,2}", "ab");	/* {0,2} in newer PCRE2 */
	expect("ab+c", "ab");
	expect("[a-c]def", "def");
	expect("\\.net\\b", ".net>");
	expect("(?=foo)barx", "barx");
	expect("foo(?i:barbaz)", "foo");
	/* common words ("you", "are") are not worth requiring */
	expect("you(?: are|'re) (?:an? )?@insults\\b", "<dim>|<idiot>|<moron>");
	/* every rare mandatory item is required: all must occur */
	expect("\\b@insults\\s+people\\s+are\\s+vermin",
	    "<dim>|<idiot>|<moron> & <vermin");
	/* a UTF-8 character with a quantifier is optional as a whole */
	expect("don\xe2\x80\x99?tt", "don & tt");
	expect("(?:(?:a|b)cde|fgh)", "cde|fgh");
	/* top-level branches: one literal of some branch */
	expect("killer|murder\\s+him", "killer|murder>");
}

static void
test_analyze_clauses(void **state)
{
	(void)state;
	/* each branch keeps all of its rare words */
	expect("\\bkill\\s+@insults\\b|\\bstab\\s+vermin\\b",
	    "<dim>|<idiot>|<moron> & <kill> || <stab> & <vermin>");
	/* the same inside a group, and with what follows it */
	expect("(?:\\bkill\\s+@insults|\\bstab\\s+vermin)\\b(?!x)",
	    "<dim>|<idiot>|<moron> & <kill> || <stab> & <vermin>");
	/* a clause that needs more than another one adds nothing */
	expect("\\bvermin\\b|\\bvermin\\s+rats\\b", "<vermin>");
	/* a short class is spelled out */
	expect("\\bs[*#]{1,3}t\\b", "<s#|<s*");
	expect("\\bsh[*#]t\\b", "<sh#t>|<sh*t>");
	expect("it['\xe2\x80\x99]s", "it's|it\xe2\x80\x99s");
	/* a list entry of several words: its rarest word */
	expect("\\b@groups\\b", "<black>|<gays>|<jews>|<muzz");
	/* a sequence of rare words: several sets, at most four, the
	 * longest */
	expect("alpha\\s+bravo\\s+charlie\\s+delta\\s+echoes\\s+foxtrot",
	    "<charlie> & <echoes> & <foxtrot & alpha>");
}

/* Word boundaries are claimed only where the pattern puts them. */
static void
test_analyze_bounds(void **state)
{
	(void)state;
	expect("\\b(?:ass|asses)\\b", "<ass>|<asses>");
	expect("\\bass", "<ass");
	expect("ass\\b", "ass>");
	expect("class\\s*room", "class & room");
	expect("\\s+ass\\s+", "<ass>");
	expect("\\s+'ass\\s+", "'ass>");	/* a quote after a space: no \\b */
	expect("\\b'll\\b", "<'ll>");	/* \\b before a quote: a word before it */
	expect("\\bass(?:es)?\\b", "<ass");
	expect("\\bas+\\b", "<as");		/* repeated: what follows is unknown */
	expect("\\b(?:bad\\s+)?ass\\b", "ass>");
	expect("\\s(?:bad\\s+)?ass\\b", "<ass>");
	expect("\\s(?:bad\\s+){0,3}ass\\b", "<ass>");
	expect("\\b(?:dumb)+ass\\b", "ass> & dumb");	/* repeated: not judged */
	expect("\\bdumb(?=ass)ass\\b", "<dumb & ass>");
	expect("\\bassx(?!y)\\s", "<assx>");	/* looked past */
	expect("(?:^|\\s)ass$", "<ass>");
	/* kept, though the scan does not judge a non-ASCII character */
	expect("\\b\xe2\x80\x99" "ass", "<\xe2\x80\x99" "ass");
	expect("\\bé+ass", "<é & ass");
	expect("\\b(?i)ass", "<ass");
	expect("\\b(?R)?ass", NULL);
}

/* Expect the heads of pattern (sorted, "|"-separated, flags as above);
 * NULL: none. */
static void
expect_heads(const char *pattern, const char *spec)
{
	struct prefilter_atoms	 a;
	char			*lits[64], got[1024] = "";
	size_t			 n = 0;

	assert_int_equal(prefilter_analyze(pattern, lists, NULL, &a), 1);
	for (size_t i = 0; i < a.n && n < 64; i++) {
		if (a.set[i] != PREFILTER_HEAD)
			continue;
		lits[n] = malloc(strlen(a.v[i]) + 3);
		sprintf(lits[n++], "%s%s%s",
		    a.flags[i] & PREFILTER_WORD_START ? "<" : "", a.v[i],
		    a.flags[i] & PREFILTER_WORD_END ? ">" : "");
	}
	assert_int_equal(n, a.nheads);
	qsort(lits, n, sizeof(lits[0]), cmp_str);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			strcat(got, "|");
		strcat(got, lits[i]);
		free(lits[i]);
	}
	if (spec == NULL ? n != 0 : strcmp(got, spec) != 0)
		fail_msg("%s: expected heads \"%s\", got \"%s\"", pattern,
		    spec != NULL ? spec : "", got);
	prefilter_atoms_free(&a);
}

/* What every match starts with: the scan may then skip to it. */
static void
test_analyze_heads(void **state)
{
	(void)state;
	expect_heads("\\bkill\\s+you\\b", "<kill>");
	expect_heads("(?:\\bkill|\\bshoot)\\s+vermin(?!x)", "<kill>|<shoot>");
	expect_heads("\\b(?<!not\\s)kill\\s+vermin", "<kill>");
	expect_heads("\\b@groups\\s+are\\s+vermin", "<black>|<gays|<muzz|<the>");
	expect_heads("(?:\\bkill\\s+)+vermin", "<kill>");
	expect_heads("\\bs[*#]t\\b", "<s#t>|<s*t>");
	expect_heads("\\bs[*#]{1,3}t\\b", "<s#|<s*");
	/* what may be skipped adds its heads */
	expect_heads("(?:kill\\s+)?vermin", "kill>|vermin");
	expect_heads("\\b(?:an?\\s+)?(?:evil\\s+){0,2}vermin", "<a|evil>|vermin");
	expect_heads("x?yz", "x|yz");
	/* something that may take nothing, or not a literal: no heads */
	expect_heads("(?:kill\\s+)?\\s*vermin", NULL);
	expect_heads("\\w+\\s+vermin", NULL);
	expect_heads("kill\\s+vermin|\\s*vermin", NULL);
	expect_heads("(?:|kill)\\s+vermin", NULL);
	/* verbs and \\G depend on where the search starts: no heads */
	expect_heads("kill\\s+vermin(*SKIP)(*FAIL)|kill\\s+vermin", NULL);
	expect_heads("\\Gkill\\s+vermin", NULL);
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
	expect("(foo", NULL);
	expect("@nolist", NULL);
	expect("(?:foo|\\d+)", NULL);
	expect("(?(1)foo|bar)", NULL);
	expect("", NULL);
}

static void
test_automaton(void **state)
{
	struct prefilter	*pf = prefilter_new();
	struct prefilter_found	 found[4];
	struct prefilter_scratch sc = { 0 };

	(void)state;
	assert_non_null(pf);
	assert_int_equal(prefilter_add(pf, "he", 0, 0, 0), 0);
	assert_int_equal(prefilter_add(pf, "she", 0, 1, 0), 0);
	assert_int_equal(prefilter_add(pf, "hers", 0, 2, 0), 0);
	assert_int_equal(prefilter_add(pf, "h\xc3\xa9", 0, 3, 0), 0);
	/* rule 3 also needs "caf" (its second set) */
	assert_int_equal(prefilter_add(pf, "caf", 0, 3, 1), 0);
	assert_int_equal(prefilter_compile(pf), 0);
	assert_int_equal(prefilter_scratch_reserve(&sc, pf), 0);

	memset(found, 0, sizeof(found));
	prefilter_scan(pf, "uSHErs", 6, found, &sc);		/* overlapping, any case */
	assert_int_equal(found[0].may, 1);
	assert_int_equal(found[1].may, 1);
	assert_int_equal(found[2].may, 1);
	assert_int_equal(found[3].may, 0);

	memset(found, 0, sizeof(found));
	prefilter_scan(pf, "nothing here", 12, found, &sc);
	assert_int_equal(found[0].may, 1);			/* "here" */
	assert_int_equal(found[1].may, 0);
	assert_int_equal(found[2].may, 0);

	memset(found, 0, sizeof(found));
	prefilter_scan(pf, "caf\xc3\xa9 h\xc3\xa9", 10, found, &sc);
	assert_int_equal(found[3].may, 3);			/* both sets */
	assert_int_equal(found[1].may, 0);

	memset(found, 0, sizeof(found));
	prefilter_scan(pf, "h\xc3\xa9", 3, found, &sc);
	assert_int_equal(found[3].may, 1);			/* one set of two */

	memset(found, 0, sizeof(found));
	prefilter_scan(pf, "", 0, found, &sc);
	assert_int_equal(found[0].may | found[1].may | found[2].may | found[3].may, 0);
	prefilter_scratch_free(&sc);
	prefilter_free(pf);
}

/* Scan text for "ass" with the given flags: did it count? */
static bool
found(uint8_t flags, const char *text)
{
	struct prefilter	*pf = prefilter_new();
	struct prefilter_found	 f = { 0 };
	struct prefilter_scratch sc = { 0 };

	assert_non_null(pf);
	assert_int_equal(prefilter_add(pf, "ass", flags, 0, 0), 0);
	assert_int_equal(prefilter_compile(pf), 0);
	assert_int_equal(prefilter_scratch_reserve(&sc, pf), 0);
	prefilter_scan(pf, text, strlen(text), &f, &sc);
	prefilter_scratch_free(&sc);
	prefilter_free(pf);
	return f.may == 1;
}

static void
test_automaton_bounds(void **state)
{
	const uint8_t both = PREFILTER_WORD_START | PREFILTER_WORD_END;

	(void)state;
	assert_true(found(0, "first class"));
	assert_false(found(both, "first class"));	/* inside a word */
	assert_false(found(both, "assume"));
	assert_false(found(PREFILTER_WORD_START, "class"));
	assert_true(found(PREFILTER_WORD_START, "assume"));
	assert_false(found(PREFILTER_WORD_END, "assume"));
	assert_true(found(PREFILTER_WORD_END, "class"));
	assert_true(found(both, "ass"));		/* the text's edges */
	assert_true(found(both, "my ass."));
	assert_true(found(both, "(ASS)"));
	assert_true(found(both, "class, my ass"));	/* a later place */
	assert_false(found(both, "_ass"));		/* _ and digits are word */
	assert_false(found(both, "ass9"));
	/* a non-ASCII neighbour may be a letter or not: counted */
	assert_true(found(both, "caf\xc3\xa9" "ass"));
	assert_true(found(both, "ass\xc3\xa9"));
	assert_true(found(both, "\xe2\x80\x9c" "ass\xe2\x80\x9d"));

	/* a literal that starts with a non-ASCII character: not judged */
	struct prefilter *pe = prefilter_new();
	struct prefilter_found fe = { 0 };
	struct prefilter_scratch sc = { 0 };
	assert_non_null(pe);
	assert_int_equal(prefilter_add(pe, "\xc3\xa9", both, 0, 0), 0);
	assert_int_equal(prefilter_compile(pe), 0);
	assert_int_equal(prefilter_scratch_reserve(&sc, pe), 0);
	prefilter_scan(pe, "caf\xc3\xa9s", 6, &fe, &sc);
	assert_int_equal(fe.may, 1);
	prefilter_free(pe);

	/* one that ends with a non-ASCII character: its end is not judged
	 * either, whatever comes next */
	struct prefilter *pn = prefilter_new();
	struct prefilter_found fn = { 0 };
	assert_non_null(pn);
	assert_int_equal(prefilter_add(pn, "caf\xc3\xa9", PREFILTER_WORD_END,
	    0, 0), 0);
	assert_int_equal(prefilter_compile(pn), 0);
	assert_int_equal(prefilter_scratch_reserve(&sc, pn), 0);
	prefilter_scan(pn, "caf\xc3\xa9s", 6, &fn, &sc);
	assert_int_equal(fn.may, 1);
	memset(&fn, 0, sizeof(fn));
	prefilter_scan(pn, "un caf\xc3\xa9", 8, &fn, &sc);	/* at the end */
	assert_int_equal(fn.may, 1);
	prefilter_free(pn);

	/* a literal that starts with a non-word character: a \\b before
	 * it needs a word character before it */
	struct prefilter *pf = prefilter_new();
	struct prefilter_found f = { 0 };
	assert_non_null(pf);
	assert_int_equal(prefilter_add(pf, "'ll", PREFILTER_WORD_START, 0, 0), 0);
	assert_int_equal(prefilter_compile(pf), 0);
	assert_int_equal(prefilter_scratch_reserve(&sc, pf), 0);
	prefilter_scan(pf, "we'll", 5, &f, &sc);
	assert_int_equal(f.may, 1);
	memset(&f, 0, sizeof(f));
	prefilter_scan(pf, "say 'll", 7, &f, &sc);
	assert_int_equal(f.may, 0);
	prefilter_scratch_free(&sc);
	prefilter_free(pf);
}

/* Where the heads and the literals of a regex were found. */
static void
test_automaton_places(void **state)
{
	struct prefilter	*pf = prefilter_new();
	struct prefilter_found	 f[2];
	struct prefilter_scratch sc = { 0 };

	(void)state;
	assert_non_null(pf);
	assert_int_equal(prefilter_add(pf, "kill", PREFILTER_WORD_START, 0,
	    PREFILTER_HEAD), 0);
	assert_int_equal(prefilter_add(pf, "vermin", 0, 0, 0), 0);
	assert_int_equal(prefilter_add(pf, "skill", 0, 1, 0), 0);
	assert_int_equal(prefilter_compile(pf), 0);
	assert_int_equal(prefilter_scratch_reserve(&sc, pf), 0);

	memset(f, 0, sizeof(f));
	prefilter_scan(pf, "skill: kill vermin, kill more vermin", 36, f, &sc);
	assert_int_equal(f[0].may, 1);
	assert_int_equal(f[0].first, 7 + 1);		/* not in "skill" */
	assert_int_equal(f[0].last, 20 + 1);
	assert_int_equal(f[0].lastlit, 30 + 1);
	assert_int_equal(f[0].nat, 2);
	assert_int_equal(f[0].at[0], 7 + 1);
	assert_int_equal(f[0].at[1], 20 + 1);
	assert_int_equal(f[1].may, 1);
	assert_int_equal(f[1].first, 0);
	assert_int_equal(f[1].lastlit, 0 + 1);

	/* past PREFILTER_HEADS_MAX places: only the first and the last */
	char many[8 * (PREFILTER_HEADS_MAX + 2)] = "";
	for (int i = 0; i < PREFILTER_HEADS_MAX + 2; i++)
		strcat(many, "kill ");
	memset(f, 0, sizeof(f));
	prefilter_scan(pf, many, strlen(many), f, &sc);
	assert_int_equal(f[0].nat, PREFILTER_HEADS_MAX + 1);
	assert_int_equal(f[0].first, 1);
	assert_int_equal(f[0].last, 5 * (PREFILTER_HEADS_MAX + 1) + 1);

	memset(f, 0, sizeof(f));
	prefilter_scan(pf, "vermin", 6, f, &sc);
	assert_int_equal(f[0].may, 1);
	assert_int_equal(f[0].first, 0);		/* no head at all */
	prefilter_scratch_free(&sc);
	prefilter_free(pf);
}

/* A literal several regexes need is recorded for each, at its last
 * place, and a scan leaves nothing behind for the next one. */
static void
test_automaton_shared(void **state)
{
	struct prefilter	*pf = prefilter_new();
	struct prefilter	*small = prefilter_new();
	struct prefilter_found	 f[3];
	struct prefilter_scratch sc = { 0 };

	(void)state;
	assert_non_null(pf);
	assert_non_null(small);
	assert_int_equal(prefilter_add(pf, "you", PREFILTER_WORD_START |
	    PREFILTER_WORD_END, 0, 0), 0);
	assert_int_equal(prefilter_add(pf, "you", PREFILTER_WORD_START |
	    PREFILTER_WORD_END, 1, 1), 0);
	assert_int_equal(prefilter_add(pf, "idiot", 0, 1, 0), 0);
	assert_int_equal(prefilter_add(pf, "you", 0, 2, 2), 0);
	assert_int_equal(prefilter_compile(pf), 0);
	assert_int_equal(prefilter_add(small, "x", 0, 0, 0), 0);
	assert_int_equal(prefilter_compile(small), 0);
	/* reserved for the small one first: grows for the larger */
	assert_int_equal(prefilter_scratch_reserve(&sc, small), 0);
	assert_int_equal(prefilter_scratch_reserve(&sc, pf), 0);

	memset(f, 0, sizeof(f));
	prefilter_scan(pf, "you, idiot, you and your", 24, f, &sc);
	assert_int_equal(f[0].may, 1);
	assert_int_equal(f[0].lastlit, 12 + 1);		/* not in "your" */
	assert_int_equal(f[1].may, 3);
	assert_int_equal(f[1].lastlit, 12 + 1);
	assert_int_equal(f[2].may, 4);
	assert_int_equal(f[2].lastlit, 20 + 1);		/* "your" counts */

	memset(f, 0, sizeof(f));
	prefilter_scan(pf, "idiot", 5, f, &sc);
	assert_int_equal(f[0].may, 0);
	assert_int_equal(f[1].may, 1);
	assert_int_equal(f[1].lastlit, 0 + 1);
	assert_int_equal(f[2].may, 0);

	memset(f, 0, sizeof(f));
	prefilter_scan(pf, "see you", 7, f, &sc);
	assert_int_equal(f[0].may, 1);
	assert_int_equal(f[0].lastlit, 4 + 1);
	prefilter_scratch_free(&sc);
	prefilter_free(small);
	prefilter_free(pf);
}

/* A literal inside a longer one: the byte before it is the longer one's,
 * and its \b at the start is judged when the automaton is built. */
static void
test_automaton_inner_bounds(void **state)
{
	const struct { const char *text; uint32_t may; } cases[] = {
		{ "class", 0x2 },		/* "ass" after 'l': no */
		{ "my ass", 0x1 },
		{ "cl ass", 0x1 },
		{ "CLASS ass", 0x3 },
		{ "caf\xc3\xa9" "ass", 0x1 },	/* after a non-ASCII byte */
		{ "\xa9" "ass", 0x1 },		/* the same, within a literal */
		{ "x-ass", 0x1 },		/* '-' is no word character */
		{ "x-assume", 0x0 },		/* the end does not hold */
	};
	struct prefilter	*pf = prefilter_new();
	struct prefilter_scratch sc = { 0 };
	struct prefilter_found	 f[2];

	(void)state;
	assert_non_null(pf);
	assert_int_equal(prefilter_add(pf, "ass", PREFILTER_WORD_START |
	    PREFILTER_WORD_END, 0, 0), 0);
	assert_int_equal(prefilter_add(pf, "class", 0, 1, 0), 0);
	assert_int_equal(prefilter_add(pf, "\xa9" "ass", 0, 1, 1), 0);
	assert_int_equal(prefilter_add(pf, "x-ass", 0, 1, 2), 0);
	assert_int_equal(prefilter_compile(pf), 0);
	assert_int_equal(prefilter_scratch_reserve(&sc, pf), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(f, 0, sizeof(f));
		prefilter_scan(pf, cases[i].text, strlen(cases[i].text), f,
		    &sc);
		assert_int_equal(f[0].may | (f[1].may & 1) << 1,
		    cases[i].may);
	}
	prefilter_scratch_free(&sc);
	prefilter_free(pf);
}

/* Automata scanned side by side record what one scan each would, for
 * texts of any lengths, in one batch or more. */
static void
test_automaton_many(void **state)
{
	struct prefilter	*pf[3];
	struct prefilter_scratch sc[PREFILTER_MAX_JOBS + 2];
	struct prefilter_job	 jobs[PREFILTER_MAX_JOBS + 2];
	struct prefilter_found	 one[6], many[6];
	const char *texts[] = { "kill the vermin, you", "you", "",
	    "vermin you kill vermin" };

	(void)state;
	memset(sc, 0, sizeof(sc));
	for (int k = 0; k < 3; k++)
		assert_non_null(pf[k] = prefilter_new());
	assert_int_equal(prefilter_add(pf[0], "kill", PREFILTER_WORD_START, 0,
	    PREFILTER_HEAD), 0);
	assert_int_equal(prefilter_add(pf[0], "vermin", 0, 0, 0), 0);
	assert_int_equal(prefilter_add(pf[0], "you", 0, 1, 0), 0);
	assert_int_equal(prefilter_add(pf[1], "you", 0, 2, 0), 0);
	assert_int_equal(prefilter_add(pf[1], "vermin", PREFILTER_WORD_END, 3,
	    1), 0);
	assert_int_equal(prefilter_add(pf[2], "kill", 0, 4, 0), 0);
	assert_int_equal(prefilter_add(pf[2], "the", PREFILTER_WORD_START |
	    PREFILTER_WORD_END, 5, 0), 0);
	for (int k = 0; k < 3; k++) {
		assert_int_equal(prefilter_compile(pf[k]), 0);
		for (size_t s = 0; s < PREFILTER_MAX_JOBS + 2; s++)
			assert_int_equal(prefilter_scratch_reserve(&sc[s],
			    pf[k]), 0);
	}
	/* three at once, every combination of the texts */
	for (size_t x = 0; x < 64; x++) {
		memset(one, 0, sizeof(one));
		memset(many, 0, sizeof(many));
		for (int k = 0; k < 3; k++) {
			const char *t = texts[(x >> (2 * k)) & 3];
			prefilter_scan(pf[k], t, strlen(t), one, &sc[0]);
			jobs[k] = (struct prefilter_job){ pf[k], t, strlen(t),
			    &sc[k] };
		}
		prefilter_scan_many(jobs, 3, many);
		assert_memory_equal(one, many, sizeof(one));
	}
	memset(many, 0, sizeof(many));
	jobs[0] = (struct prefilter_job){ pf[0], texts[0], strlen(texts[0]),
	    &sc[0] };
	jobs[1] = (struct prefilter_job){ pf[1], texts[3], strlen(texts[3]),
	    &sc[1] };
	prefilter_scan_many(jobs, 2, many);
	assert_int_equal(many[0].may, 1);
	assert_int_equal(many[0].first, 0 + 1);
	assert_int_equal(many[1].lastlit, 17 + 1);
	assert_int_equal(many[2].lastlit, 7 + 1);
	assert_int_equal(many[3].may, 2);
	assert_int_equal(many[3].lastlit, 16 + 1);
	/* more than go side by side: a second batch, here of the same
	 * automaton on other texts (its regexes keep the last places) */
	memset(one, 0, sizeof(one));
	memset(many, 0, sizeof(many));
	for (size_t k = 0; k < PREFILTER_MAX_JOBS + 2; k++) {
		const char *t = texts[k % 4];
		prefilter_scan(pf[2], t, strlen(t), one, &sc[0]);
		jobs[k] = (struct prefilter_job){ pf[2], t, strlen(t), &sc[k] };
	}
	prefilter_scan_many(jobs, PREFILTER_MAX_JOBS + 2, many);
	assert_memory_equal(one, many, sizeof(one));
	assert_int_equal(many[4].may, 1);
	assert_int_equal(many[5].may, 1);
	for (size_t s = 0; s < PREFILTER_MAX_JOBS + 2; s++)
		prefilter_scratch_free(&sc[s]);
	for (int k = 0; k < 3; k++)
		prefilter_free(pf[k]);
}

/* An automaton whose literals start with few bytes skips to them, and
 * finds what a dense one does, at the edges of the text too. */
static void
test_automaton_sparse(void **state)
{
	struct prefilter	*pf = prefilter_new();
	struct prefilter_scratch sc = { 0 };
	struct prefilter_found	 f[2];

	(void)state;
	assert_non_null(pf);
	assert_int_equal(prefilter_add(pf, "canary-7a3f", PREFILTER_WORD_START |
	    PREFILTER_WORD_END, 0, 0), 0);
	assert_int_equal(prefilter_add(pf, "cab", 0, 1, 0), 0);
	assert_int_equal(prefilter_compile(pf), 0);
	assert_true(prefilter_sparse(pf));
	assert_int_equal(prefilter_scratch_reserve(&sc, pf), 0);
	memset(f, 0, sizeof(f));
	prefilter_scan(pf, "CANARY-7A3F and a cccab, canary-7a3f", 36, f, &sc);
	assert_int_equal(f[0].may, 1);
	assert_int_equal(f[0].lastlit, 25 + 1);
	assert_int_equal(f[1].may, 1);
	assert_int_equal(f[1].lastlit, 20 + 1);
	memset(f, 0, sizeof(f));
	prefilter_scan(pf, "xcanary-7a3", 11, f, &sc);
	assert_int_equal(f[0].may | f[1].may, 0);
	prefilter_scratch_free(&sc);
	prefilter_free(pf);

	/* every letter starts a literal: not sparse */
	pf = prefilter_new();
	assert_non_null(pf);
	for (char c = 'a'; c <= 'z'; c++) {
		char w[3] = { c, 'x', '\0' };
		assert_int_equal(prefilter_add(pf, w, 0, 0, 0), 0);
	}
	assert_int_equal(prefilter_compile(pf), 0);
	assert_false(prefilter_sparse(pf));
	prefilter_free(pf);
}

static void
test_pass(void **state)
{
	struct prefilter_atoms a = { .nclauses = 2, .clause = { 0x3, 0x4 } };

	(void)state;
	assert_false(prefilter_pass(&a, 0));
	assert_false(prefilter_pass(&a, 0x1));
	assert_true(prefilter_pass(&a, 0x3));
	assert_true(prefilter_pass(&a, 0x4));
	assert_true(prefilter_pass(&a, 0x5));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_analyze_shapes),
		cmocka_unit_test(test_analyze_clauses),
		cmocka_unit_test(test_analyze_bounds),
		cmocka_unit_test(test_analyze_heads),
		cmocka_unit_test(test_analyze_unknown),
		cmocka_unit_test(test_automaton),
		cmocka_unit_test(test_automaton_bounds),
		cmocka_unit_test(test_automaton_places),
		cmocka_unit_test(test_automaton_shared),
		cmocka_unit_test(test_automaton_many),
		cmocka_unit_test(test_automaton_inner_bounds),
		cmocka_unit_test(test_automaton_sparse),
		cmocka_unit_test(test_pass),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
