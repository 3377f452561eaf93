/* Unit tests of fold: the folded view (confusables, join, leet, squeeze)
 * built by views_build + views_folded(FOLD_ALL).
 *
 * Property tests over a few thousand seeded random strings (invalid UTF-8,
 * code points from many ranges, combining-mark floods, stretched letters,
 * spaced letters, leet soups): no crash, every view byte maps to a valid
 * span of the original (ostart <= oend <= len, ostart non-decreasing), and
 * the folded text is valid UTF-8. A linear-time check compares the CPU time
 * of N and 8N bytes of one pattern. Then direct cases: each disguise folds
 * to the word and the word maps back to exactly what was written. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fold.h"
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

/* ---- helpers -------------------------------------------------------- */

/* xorshift64*: the same strings on every run and every machine. */
static uint64_t rng_state;

static void
rng_seed(uint64_t s)
{
	rng_state = s ? s : 0x9E3779B97F4A7C15ull;
}

static uint32_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 32);
}

static uint32_t
rng_below(uint32_t n)
{
	return rng() % n;
}

struct sbuf {
	char	*p;
	size_t	 len, cap;
};

static void
sb_need(struct sbuf *b, size_t n)
{
	if (b->len + n + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1)
		cap *= 2;
	b->p = realloc(b->p, cap);
	assert_non_null(b->p);
	b->cap = cap;
}

static void
sb_bytes(struct sbuf *b, const char *s, size_t n)
{
	sb_need(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
sb_str(struct sbuf *b, const char *s)
{
	sb_bytes(b, s, strlen(s));
}

static void
sb_cp(struct sbuf *b, uint32_t cp)
{
	char	 u[4];
	size_t	 n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	sb_bytes(b, u, n);
}

/* Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF);
 * returns the offset of the first bad byte, or len when all is valid. */
static size_t
utf8_bad_at(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		uint32_t cp, min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 2; cp = c & 0x1F; min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			n = 3; cp = c & 0x0F; min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			n = 4; cp = c & 0x07; min = 0x10000;
		} else {
			return i;
		}
		if (i + n > len)
			return i;
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n;
	}
	return len;
}

static void
check_map(const struct view *v, size_t orig_len, const char *what)
{
	uint32_t prev = 0;

	assert_non_null(v);
	/* views that map one to one keep no arrays: read through the API */
	for (size_t i = 0; i < v->len; i++) {
		uint32_t os = view_ostart(v, i), oe = view_oend(v, i);
		if (!(os <= oe && oe <= orig_len && os >= prev))
			fail_msg("%s byte %zu of %zu: maps to [%u,%u) (original "
			    "%zu bytes, previous start %u)", what, i, v->len,
			    os, oe, orig_len, prev);
		prev = os;
	}
	size_t bad = utf8_bad_at((const unsigned char *)v->text, v->len);
	if (bad != v->len)
		fail_msg("%s is not valid UTF-8 at byte %zu of %zu", what, bad,
		    v->len);
}

/* Build the views of s and check the normal and FOLD_ALL folded views. */
static void
check_props(struct views *vs, const char *s, size_t len)
{
	assert_int_equal(views_build(vs, s, len), 0);
	check_map(&vs->normal, len, "normal view");
	const struct view *f = views_folded(vs, FOLD_ALL);
	check_map(f, len, "folded view");
	/* the view of one fold alone too, so each pass sees raw input */
	static const unsigned one[] = { FOLD_CONFUSABLES, FOLD_LEET,
	    FOLD_SQUEEZE };
	check_map(views_folded(vs, one[rng_below(3)]), len, "single-fold view");
}

/* ---- random strings ------------------------------------------------- */

static const struct { uint32_t lo, hi; } ranges[] = {
	{ 0x20, 0x7E },		/* ASCII */
	{ 0x00, 0x1F },		/* controls */
	{ 0xA0, 0x17F },	/* Latin-1, Latin Extended-A */
	{ 0x300, 0x36F },	/* combining marks */
	{ 0x370, 0x3FF },	/* Greek */
	{ 0x400, 0x4FF },	/* Cyrillic */
	{ 0x590, 0x6FF },	/* Hebrew, Arabic */
	{ 0x900, 0x97F },	/* Devanagari */
	{ 0x1100, 0x11FF },	/* Hangul jamo */
	{ 0x1E00, 0x1EFF },	/* Latin Extended Additional */
	{ 0x2000, 0x206F },	/* punctuation, zero-width, bidi */
	{ 0x2100, 0x218F },	/* letterlike, number forms */
	{ 0x2460, 0x24FF },	/* enclosed alphanumerics */
	{ 0x3040, 0x30FF },	/* kana */
	{ 0x4E00, 0x4FFF },	/* CJK */
	{ 0xAC00, 0xAD00 },	/* Hangul syllables */
	{ 0xFB00, 0xFB4F },	/* ligatures */
	{ 0xFE00, 0xFE0F },	/* variation selectors */
	{ 0xFF00, 0xFFEF },	/* full-width, half-width */
	{ 0xFFF0, 0xFFFF },	/* specials, noncharacters */
	{ 0x1D400, 0x1D7FF },	/* mathematical alphanumerics */
	{ 0x1F300, 0x1F6FF },	/* emoji */
	{ 0x1F3FB, 0x1F3FF },	/* skin tones */
	{ 0xE0000, 0xE007F },	/* tags */
	{ 0x10000, 0x10FFFF },	/* anything astral */
};

static const char *const pieces[] = {
	"f", "u", "c", "k", "s", "h", "i", "t", "a", "$", "@", "!", "|", "1",
	"3", "4", "0", "5", "7", "8", " ", ".", "-", "_", "*", "~", "/",
	"uuuu", "sss", "\xC2\xAD", "\xE2\x80\x8B", "\xCC\x81", "\xD1\x95",
	"\xD1\x96", "\xEF\xBD\x86", "\xF0\x9D\x90\x9F", "ss", "as", "F4G",
	"$5", "mp3", "\xC3\xBC", "\xEF\xAC\x80",
};

static void
random_string(struct sbuf *b, int kind)
{
	size_t n = 1 + rng_below(kind == 0 ? 200 : 120);

	b->len = 0;
	sb_need(b, 0);
	b->p[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		switch (kind) {
		case 0: {	/* random bytes, mostly invalid UTF-8 */
			char c = (char)rng_below(256);
			sb_bytes(b, &c, 1);
			break;
		}
		case 1: {	/* code points from many ranges */
			size_t r = rng_below(sizeof(ranges) / sizeof(ranges[0]));
			uint32_t cp = ranges[r].lo +
			    rng_below(ranges[r].hi - ranges[r].lo + 1);
			if (cp >= 0xD800 && cp <= 0xDFFF)
				cp = 0xFFFD;
			if (cp == 0)
				cp = ' ';
			sb_cp(b, cp);
			break;
		}
		case 2:		/* leet and separator soups of evasion pieces */
			sb_str(b, pieces[rng_below(sizeof(pieces) /
			    sizeof(pieces[0]))]);
			break;
		default: {	/* a mix: pieces, code points and stray bytes */
			uint32_t w = rng_below(10);
			if (w < 5) {
				sb_str(b, pieces[rng_below(sizeof(pieces) /
				    sizeof(pieces[0]))]);
			} else if (w < 9) {
				size_t r = rng_below(sizeof(ranges) /
				    sizeof(ranges[0]));
				sb_cp(b, ranges[r].lo + rng_below(ranges[r].hi -
				    ranges[r].lo + 1) % 0xD800);
			} else {
				char c = (char)(0x80 + rng_below(0x80));
				sb_bytes(b, &c, 1);
			}
		}
		}
	}
}

static void
test_random_strings(void **state)
{
	struct views	*vs = *state;
	struct sbuf	 b = { 0 };

	rng_seed(20240611);
	for (int i = 0; i < 4000; i++) {
		random_string(&b, i % 4);
		check_props(vs, b.p, b.len);
	}
	/* the same buffers reused after a long string, then a short one */
	random_string(&b, 1);
	check_props(vs, b.p, b.len);
	check_props(vs, "", 0);
	free(b.p);
}

/* ---- floods ------------------------------------------------------------ */

static void
repeat(struct sbuf *b, const char *unit, size_t times)
{
	b->len = 0;
	for (size_t i = 0; i < times; i++)
		sb_str(b, unit);
}

static const char *const floods[] = {
	"\xCC\x81",		/* U+0301 combining acute */
	"a",			/* one letter stretched */
	"a ",			/* single letters to join */
	"f.",			/* joined with dots */
	"1",			/* digits */
	"s1",			/* leet soup */
	"$h!t",			/* leet words glued together */
	"\xE2\x80\x8B",		/* U+200B zero-width space */
	"\xD1\x95",		/* Cyrillic dze */
	"\xF0\x9D\x90\x9F",	/* mathematical bold f */
	"!",
	"a\xCC\x81",
	"\xEF\xBD\x86 ",	/* full-width f, space */
};

static void
test_floods(void **state)
{
	struct views	*vs = *state;
	struct sbuf	 b = { 0 };

	for (size_t k = 0; k < sizeof(floods) / sizeof(floods[0]); k++) {
		repeat(&b, floods[k], 10000);
		check_props(vs, b.p, b.len);
	}
	/* a letter before and after a flood of marks */
	b.len = 0;
	sb_str(&b, "f");
	for (int i = 0; i < 10000; i++)
		sb_str(&b, "\xCC\x81");
	sb_str(&b, "uck");
	check_props(vs, b.p, b.len);
	free(b.p);
}

/* ---- linear time -------------------------------------------------------- */

static double
cpu_time_of(struct views *vs, const struct sbuf *b, int reps)
{
	clock_t t0 = clock();

	for (int r = 0; r < reps; r++) {
		assert_int_equal(views_build(vs, b->p, b->len), 0);
		assert_non_null(views_folded(vs, FOLD_ALL));
	}
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static void
test_linear_time(void **state)
{
	struct views	*vs = *state;
	struct sbuf	 small = { 0 }, big = { 0 };
	const size_t	 units = 4000;

	for (size_t k = 0; k < sizeof(floods) / sizeof(floods[0]); k++) {
		repeat(&small, floods[k], units);
		repeat(&big, floods[k], units * 8);
		/* warm the buffers up to the big size first */
		cpu_time_of(vs, &big, 1);
		/* repeat the small one until it takes a measurable time */
		int reps = 1;
		double ts;
		while ((ts = cpu_time_of(vs, &small, reps)) < 0.02 &&
		    reps < (1 << 16))
			reps *= 2;
		double tb = cpu_time_of(vs, &big, reps);
		double ratio = tb / (ts > 0 ? ts : 1e-9);
		if (ratio >= 20.0)
			fail_msg("pattern %zu: %zu bytes took %.4fs, %zu bytes "
			    "%.4fs (x%d): ratio %.1f, not linear", k, small.len,
			    ts, big.len, tb, reps, ratio);
	}
	free(small.p);
	free(big.p);
}

/* ---- direct cases ------------------------------------------------------ */

/*
 * orig folds (FOLD_ALL) to exactly want; when word is given, the first
 * occurrence of word in the folded text maps back to exactly `written` in
 * orig.
 */
static void
check_fold(struct views *vs, const char *orig, const char *want,
    const char *word, const char *written)
{
	size_t len = strlen(orig);

	assert_int_equal(views_build(vs, orig, len), 0);
	const struct view *f = views_folded(vs, FOLD_ALL);
	assert_non_null(f);
	check_map(f, len, orig);
	if (f->len != strlen(want) || memcmp(f->text, want, f->len) != 0)
		fail_msg("%s folds to \"%.*s\", want \"%s\"", orig, (int)f->len,
		    f->text, want);
	if (word == NULL)
		return;
	const char *at = memmem(f->text, f->len, word, strlen(word));
	assert_non_null(at);
	size_t s = (size_t)(at - f->text), e = s + strlen(word), os, oe;
	view_span_orig(f, s, e, &os, &oe);
	if (oe - os != strlen(written) || memcmp(orig + os, written, oe - os))
		fail_msg("%s: \"%s\" maps back to [%zu,%zu) \"%.*s\", want "
		    "\"%s\"", orig, word, os, oe, (int)(oe - os), orig + os,
		    written);
}

static void
test_fold_leet(void **state)
{
	struct views *vs = *state;

	check_fold(vs, "sh1t", "shit", "shit", "sh1t");
	check_fold(vs, "$h!t", "shit", "shit", "$h!t");
	check_fold(vs, "b1tch", "bitch", "bitch", "b1tch");
	check_fold(vs, "a$$hole", "asshole", "asshole", "a$$hole");
	check_fold(vs, "what a sh1t day", "what a shit day", "shit", "sh1t");
	check_fold(vs, "\xC3\xA9t\xC3\xA9 $h!t !", "ete shit !", "shit",
	    "$h!t");
}

static void
test_fold_join(void **state)
{
	struct views *vs = *state;

	check_fold(vs, "f.u.c.k", "fuck", "fuck", "f.u.c.k");
	check_fold(vs, "f u c k", "fuck", "fuck", "f u c k");
	check_fold(vs, "s-h-i-t", "shit", "shit", "s-h-i-t");
	check_fold(vs, "f_u_c_k", "fuck", "fuck", "f_u_c_k");
	check_fold(vs, "f*u*c*k", "fuck", "fuck", "f*u*c*k");
	check_fold(vs, "oh f.u.c.k off", "oh fuck off", "fuck", "f.u.c.k");
	/* two single letters stay apart */
	check_fold(vs, "a b", "a b", NULL, NULL);
}

static void
test_fold_squeeze(void **state)
{
	struct views *vs = *state;

	check_fold(vs, "fuuuuck", "fuck", "fuck", "fuuuuck");
	const struct view *f = views_folded(vs, FOLD_ALL);
	assert_non_null(f->squeezed);
	assert_int_equal(f->squeezed[0], 0);	/* f */
	assert_int_equal(f->squeezed[1], 1);	/* the squeezed u */
	assert_int_equal(f->squeezed[2], 0);	/* c */
	assert_int_equal(f->squeezed[3], 0);	/* k */
	check_fold(vs, "shiiiit", "shit", "shit", "shiiiit");
	check_fold(vs, "hey biiiitch", "hey bitch", "bitch", "biiiitch");
	/* runs of two are spelling, not stretching */
	check_fold(vs, "assess", "assess", NULL, NULL);
	f = views_folded(vs, FOLD_ALL);
	/* nothing folded: the normal view serves, with no squeezed marks */
	for (size_t i = 0; f->squeezed != NULL && i < f->len; i++)
		assert_int_equal(f->squeezed[i], 0);
}

static void
test_fold_untouched(void **state)
{
	struct views *vs = *state;

	/* ids, prices and file types are not disguised words */
	check_fold(vs, "F4G", "f4g", "f4g", "F4G");
	check_fold(vs, "$5", "$5", "$5", "$5");
	check_fold(vs, "5$", "5$", "5$", "5$");
	check_fold(vs, "mp3", "mp3", "mp3", "mp3");
	check_fold(vs, "it costs $5 for the mp3", "it costs $5 for the mp3",
	    "mp3", "mp3");
	check_fold(vs, "as", "as", "as", "as");
}

static void
test_fold_confusables(void **state)
{
	struct views *vs = *state;

	/* Cyrillic dze and Byelorussian-Ukrainian i */
	check_fold(vs, "\xD1\x95h\xD1\x96t", "shit", "shit",
	    "\xD1\x95h\xD1\x96t");
	/* Cyrillic es */
	check_fold(vs, "fu\xD1\x81k", "fuck", "fuck", "fu\xD1\x81k");
	/* full-width */
	check_fold(vs, "\xEF\xBD\x86\xEF\xBD\x95\xEF\xBD\x83\xEF\xBD\x8B",
	    "fuck", "fuck",
	    "\xEF\xBD\x86\xEF\xBD\x95\xEF\xBD\x83\xEF\xBD\x8B");
	/* mathematical bold */
	check_fold(vs, "\xF0\x9D\x90\x9F\xF0\x9D\x90\xAE\xF0\x9D\x90\x9C"
	    "\xF0\x9D\x90\xA4", "fuck", "fuck",
	    "\xF0\x9D\x90\x9F\xF0\x9D\x90\xAE\xF0\x9D\x90\x9C\xF0\x9D\x90\xA4");
	/* zero-width space and soft hyphen inside the word */
	check_fold(vs, "f\xE2\x80\x8Buck", "fuck", "fuck", "f\xE2\x80\x8Buck");
	check_fold(vs, "sh\xC2\xADit", "shit", "shit", "sh\xC2\xADit");
	/* accents */
	check_fold(vs, "f\xC3\xBC" "ck", "fuck", "fuck", "f\xC3\xBC" "ck");
	/* multibyte text before: offsets are bytes */
	check_fold(vs, "\xE6\x97\xA5\xE6\x9C\xAC \xD1\x95h\xD1\x96t",
	    "\xE6\x97\xA5\xE6\x9C\xAC shit", "shit", "\xD1\x95h\xD1\x96t");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fold_leet, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fold_join, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fold_squeeze, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fold_untouched, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fold_confusables, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_random_strings, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_floods, setup, teardown),
		cmocka_unit_test_setup_teardown(test_linear_time, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
