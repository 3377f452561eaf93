/* Unit tests of lexicon: words, stems and phrases as token lookups over
 * already normalized text, whole words only. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"

struct hitrec {
	uint32_t	 owner;
	size_t		 start, end;
};

struct hits {
	struct hitrec	 v[64];
	size_t		 n;
};

static void
on_hit(void *ctx, uint32_t owner, size_t start, size_t end)
{
	struct hits *h = ctx;

	assert_true(start < end);
	if (h->n < 64)
		h->v[h->n] = (struct hitrec){ owner, start, end };
	h->n++;
}

static void
add(struct lexicon *lx, const char *entry, uint32_t owner)
{
	assert_int_equal(lexicon_add(lx, entry, strlen(entry), owner, 0), 0);
}

static struct hits
scan(const struct lexicon *lx, const char *text)
{
	struct hits h;

	memset(&h, 0, sizeof(h));
	lexicon_scan(lx, text, strlen(text), NULL, on_hit, &h);
	return h;
}

/* Was owner hit exactly at `what` (its first occurrence in text)? */
static bool
has(const struct hits *h, const char *text, uint32_t owner, const char *what)
{
	const char *p = strstr(text, what);

	assert_non_null(p);
	size_t s = (size_t)(p - text), e = s + strlen(what);
	for (size_t i = 0; i < h->n && i < 64; i++)
		if (h->v[i].owner == owner && h->v[i].start == s &&
		    h->v[i].end == e)
			return true;
	return false;
}

static size_t
count_owner(const struct hits *h, uint32_t owner)
{
	size_t n = 0;

	for (size_t i = 0; i < h->n && i < 64; i++)
		if (h->v[i].owner == owner)
			n++;
	return n;
}

static int
setup(void **state)
{
	return (*state = lexicon_new()) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	lexicon_free(*state);
	return 0;
}

static void
test_words(void **state)
{
	struct lexicon	*lx = *state;
	const char	*t = "you idiot! what a moron, idiot.";
	struct hits	 h;

	add(lx, "idiot", 1);
	add(lx, "moron", 2);
	assert_int_equal(lexicon_size(lx), 2);
	h = scan(lx, t);
	assert_int_equal(h.n, 3);
	/* in text order, each occurrence */
	assert_int_equal(h.v[0].owner, 1);
	assert_int_equal(h.v[0].start, 4);
	assert_int_equal(h.v[0].end, 9);
	assert_int_equal(h.v[1].owner, 2);
	assert_true(has(&h, t, 2, "moron"));
	assert_int_equal(h.v[2].owner, 1);
	assert_int_equal(h.v[2].start, 25);
	assert_int_equal(h.v[2].end, 30);
	/* at the very start and end, no punctuation around */
	h = scan(lx, "idiot");
	assert_int_equal(h.n, 1);
	assert_int_equal(h.v[0].start, 0);
	assert_int_equal(h.v[0].end, 5);
	h = scan(lx, "");
	assert_int_equal(h.n, 0);
	h = scan(lx, "nothing to see here");
	assert_int_equal(h.n, 0);
}

static void
test_whole_words_only(void **state)
{
	struct lexicon	*lx = *state;
	struct hits	 h;

	add(lx, "ass", 1);
	add(lx, "hell", 2);
	h = scan(lx, "class assess hello shell passing bass1 1ass");
	assert_int_equal(h.n, 0);
	/* digits and letters of other scripts are word characters too */
	h = scan(lx, "ass\xc3\xa9 \xd0\xb6" "ass");
	assert_int_equal(h.n, 0);
	/* punctuation and spaces separate words */
	h = scan(lx, "(ass)-hell_ass/hell");
	assert_int_equal(count_owner(&h, 1), 2);
	assert_int_equal(count_owner(&h, 2), 2);
}

static void
test_stems(void **state)
{
	struct lexicon	*lx = *state;
	const char	*t = "a killer will kill, not skill; kill3d";
	struct hits	 h;

	add(lx, "kill*", 1);
	h = scan(lx, t);
	assert_int_equal(h.n, 3);
	/* the whole word is the hit, not just the stem */
	assert_true(has(&h, t, 1, "killer"));
	assert_true(has(&h, t, 1, "kill3d"));
	assert_int_equal(h.v[1].start, 14);
	assert_int_equal(h.v[1].end, 18);
	/* stems of several lengths on one word all hit */
	add(lx, "ki*", 2);
	add(lx, "killer*", 3);
	add(lx, "killers*", 4);
	h = scan(lx, "killer");
	assert_int_equal(h.n, 3);
	assert_int_equal(count_owner(&h, 1), 1);
	assert_int_equal(count_owner(&h, 2), 1);
	assert_int_equal(count_owner(&h, 3), 1);
	assert_int_equal(count_owner(&h, 4), 0);
}

/* Words that start like no stem skip the stem lookups; a stem of one
 * byte is looked up for every word. */
static void
test_stem_starts(void **state)
{
	struct lexicon	*lx = *state;
	const char	*t = "fu fuck fucking funny FUCKER";
	struct hits	 h;

	add(lx, "fuck*", 1);
	add(lx, "dam*", 2);
	h = scan(lx, t);
	assert_int_equal(h.n, 2);
	assert_true(has(&h, t, 1, "fuck"));
	assert_true(has(&h, t, 1, "fucking"));
	h = scan(lx, "da damn dams madam");
	assert_int_equal(h.n, 2);
	assert_int_equal(count_owner(&h, 2), 2);
	add(lx, "x*", 3);
	h = scan(lx, "xylophone ox x");
	assert_int_equal(count_owner(&h, 3), 2);
	h = scan(lx, "fucking xenophobe");
	assert_int_equal(count_owner(&h, 1), 1);
	assert_int_equal(count_owner(&h, 3), 1);
}

/* The words lexicon_scan looks up: ASCII ones inline, the others by
 * code point; a word may mix both. */
static void
test_text_words(void **state)
{
	const char	*t = "caf\xc3\xa9 ok foo_bar \xc3\xa9lan a\xe2\x80\x94" "b x1 "
	    "\xc3\xa9";
	const char	*want[] = { "caf\xc3\xa9", "ok", "foo", "bar",
	    "\xc3\xa9lan", "a", "b", "x1", "\xc3\xa9" };
	size_t		 pos = 0, ws, we, n = 0;

	(void)state;
	while (text_next_word(t, strlen(t), &pos, &ws, &we)) {
		assert_true(n < sizeof(want) / sizeof(want[0]));
		assert_int_equal(we - ws, strlen(want[n]));
		assert_memory_equal(t + ws, want[n], we - ws);
		n++;
	}
	assert_int_equal(n, sizeof(want) / sizeof(want[0]));
	assert_int_equal(pos, strlen(t));
	pos = 0;
	assert_false(text_next_word(" .,\xe2\x80\x94 ", 7, &pos, &ws, &we));
	assert_int_equal(pos, 7);
}

static void
test_long_stem(void **state)
{
	struct lexicon	*lx = *state;
	char		 entry[80], text[100];
	struct hits	 h;

	/* a stem of 70 bytes takes the path past the 64-bit length mask */
	memset(entry, 'a', 70);
	entry[70] = '*';
	entry[71] = '\0';
	add(lx, entry, 7);
	memset(text, 'a', 75);
	text[75] = '\0';
	h = scan(lx, text);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.v[0].end, 75);
	text[69] = '\0';			/* shorter than the stem */
	h = scan(lx, text);
	assert_int_equal(h.n, 0);
}

static void
test_phrases(void **state)
{
	struct lexicon	*lx = *state;
	const char	*t = "i like dick van dyke movies";
	struct hits	 h;

	add(lx, "dick van dyke", 1);
	add(lx, "dick", 2);
	h = scan(lx, t);
	assert_int_equal(h.n, 2);
	/* the phrase spans all its words */
	assert_true(has(&h, t, 1, "dick van dyke"));
	assert_true(has(&h, t, 2, "dick"));
	/* words between separators of any kind and count */
	t = "dick  van,\tdyke";
	h = scan(lx, t);
	assert_true(has(&h, t, 1, "dick  van,\tdyke"));
	/* an incomplete phrase is no hit, at the end of the text too */
	h = scan(lx, "dick van");
	assert_int_equal(count_owner(&h, 1), 0);
	assert_int_equal(count_owner(&h, 2), 1);
	h = scan(lx, "dick van dykes");
	assert_int_equal(count_owner(&h, 1), 0);
	h = scan(lx, "dick vans dyke");
	assert_int_equal(count_owner(&h, 1), 0);
	/* the phrase must start on a whole word too */
	h = scan(lx, "moby dick van dyke");
	assert_int_equal(count_owner(&h, 1), 1);
	h = scan(lx, "mobydick van dyke");
	assert_int_equal(h.n, 0);
}

static void
test_phrase_stem_last(void **state)
{
	struct lexicon	*lx = *state;
	const char	*t = "you son of a bitches";
	struct hits	 h;

	add(lx, "son of a bitch*", 1);
	h = scan(lx, t);
	assert_int_equal(h.n, 1);
	assert_true(has(&h, t, 1, "son of a bitches"));
	h = scan(lx, "son of a bitch");
	assert_int_equal(h.n, 1);
	h = scan(lx, "son of a bit");
	assert_int_equal(h.n, 0);
	/* only the last word is a stem */
	h = scan(lx, "sons of a bitch");
	assert_int_equal(h.n, 0);
	h = scan(lx, "son off a bitch");
	assert_int_equal(h.n, 0);
}

static void
test_many_owners(void **state)
{
	struct lexicon	*lx = *state;
	struct hits	 h;

	for (uint32_t o = 10; o < 15; o++)
		add(lx, "idiot", o);
	add(lx, "idiot*", 20);
	add(lx, "stupid idiot", 21);
	assert_int_equal(lexicon_size(lx), 7);
	h = scan(lx, "stupid idiot");
	assert_int_equal(h.n, 7);
	for (uint32_t o = 10; o < 15; o++)
		assert_int_equal(count_owner(&h, o), 1);
	assert_int_equal(count_owner(&h, 20), 1);
	assert_int_equal(count_owner(&h, 21), 1);
	assert_true(has(&h, "stupid idiot", 21, "stupid idiot"));
}

static void
test_many_words(void **state)
{
	struct lexicon	*lx = *state;
	char		 w[16];
	struct hits	 h;

	/* enough entries to make the tables grow several times */
	for (uint32_t i = 0; i < 2000; i++) {
		snprintf(w, sizeof(w), "w%u", i);
		add(lx, w, i);
	}
	assert_int_equal(lexicon_size(lx), 2000);
	h = scan(lx, "w0 w1999 w2000 w1234 x1234");
	assert_int_equal(h.n, 3);
	assert_int_equal(h.v[0].owner, 0);
	assert_int_equal(h.v[1].owner, 1999);
	assert_int_equal(h.v[2].owner, 1234);
}

static void
test_unicode_words(void **state)
{
	struct lexicon	*lx = *state;
	/* Cyrillic "дурак", Greek "ηλίθιος", German "straße" */
	const char *t = "\xd1\x82\xd1\x8b \xd0\xb4\xd1\x83\xd1\x80\xd0\xb0\xd0\xba! "
	    "\xce\xb7\xce\xbb\xce\xaf\xce\xb8\xce\xb9\xce\xbf\xcf\x82 stra\xc3\x9f" "e";
	struct hits h;

	add(lx, "\xd0\xb4\xd1\x83\xd1\x80\xd0\xb0\xd0\xba", 1);
	add(lx, "\xce\xb7\xce\xbb\xce\xaf\xce\xb8*", 2);
	add(lx, "stra\xc3\x9f" "e", 3);
	add(lx, "stra", 4);
	h = scan(lx, t);
	assert_int_equal(h.n, 3);
	assert_true(has(&h, t, 1, "\xd0\xb4\xd1\x83\xd1\x80\xd0\xb0\xd0\xba"));
	assert_true(has(&h, t, 2,
	    "\xce\xb7\xce\xbb\xce\xaf\xce\xb8\xce\xb9\xce\xbf\xcf\x82"));
	assert_true(has(&h, t, 3, "stra\xc3\x9f" "e"));
	/* a Cyrillic word glued to Latin letters is one longer word */
	h = scan(lx, "x\xd0\xb4\xd1\x83\xd1\x80\xd0\xb0\xd0\xba");
	assert_int_equal(h.n, 0);
}

static void
test_bad_entries(void **state)
{
	struct lexicon *lx = *state;

	assert_int_equal(lexicon_add(lx, "", 0, 1, 0), -1);
	assert_int_equal(lexicon_add(lx, "   ", 3, 1, 0), -1);
	assert_int_equal(lexicon_add(lx, "*", 1, 1, 0), -1);
	assert_int_equal(lexicon_size(lx), 0);
	/* surrounding spaces are trimmed */
	assert_int_equal(lexicon_add(lx, " jerk ", 6, 1, 0), 0);
	struct hits h = scan(lx, "what a jerk");
	assert_int_equal(h.n, 1);
	assert_int_equal(h.v[0].start, 7);
	/* only len bytes of the entry count */
	assert_int_equal(lexicon_add(lx, "twitxyz", 4, 2, 0), 0);
	h = scan(lx, "twit twitx");
	assert_int_equal(h.n, 1);
	assert_int_equal(h.v[0].owner, 2);
	assert_int_equal(h.v[0].end, 4);
}

static void
test_squeezed_only(void **state)
{
	struct lexicon	*lx = *state;
	struct hits	 h;
	/* "as" stands for the stretched "ass": only a squeezed word finds it */
	const char	*t = "as";
	uint8_t		 plain[2] = { 0, 0 }, stretched[2] = { 0, 1 };

	assert_int_equal(lexicon_add(lx, "as", 2, 5, LEXICON_SQUEEZED_ONLY), 0);
	memset(&h, 0, sizeof(h));
	lexicon_scan(lx, t, 2, NULL, on_hit, &h);
	assert_int_equal(h.n, 0);
	lexicon_scan(lx, t, 2, plain, on_hit, &h);
	assert_int_equal(h.n, 0);
	lexicon_scan(lx, t, 2, stretched, on_hit, &h);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.v[0].owner, 5);
	assert_int_equal(h.v[0].start, 0);
	assert_int_equal(h.v[0].end, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_whole_words_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stems, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stem_starts, setup, teardown),
		cmocka_unit_test(test_text_words),
		cmocka_unit_test_setup_teardown(test_long_stem, setup, teardown),
		cmocka_unit_test_setup_teardown(test_phrases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_phrase_stem_last, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_owners, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unicode_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_squeezed_only, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
