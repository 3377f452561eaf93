#include "lexicon.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "text.h"

/* Longest word looked up by its squeezed form. */
#define LEX_SQUEEZE_MAX	256

#define STEM_PAIR_BITS	4096

/* A word's first and last bytes and its length, hashed: most words of a
 * comment are no entry's first word, and this says so before a hash of
 * the whole word and a probe of the table. */
#define WORD_SIG_BITS	8192

static size_t
word_sig(const char *w, size_t len)
{
	return ((size_t)(unsigned char)w[0] * 131 +
	    (size_t)(unsigned char)w[len - 1] * 31 + len) &
	    (WORD_SIG_BITS - 1);
}

static size_t
stem_pair(const char *w)
{
	return ((size_t)(unsigned char)w[0] * 67 + (unsigned char)w[1]) &
	    (STEM_PAIR_BITS - 1);
}

/* One entry; entries sharing a first word are chained. */
struct lex_entry {
	uint32_t	 owner;
	uint32_t	 next;		/* index + 1 of the next entry, 0 ends */
	uint32_t	 rest;		/* offset of the remaining words in strs */
	uint32_t	 rest_len;
	uint8_t		 rest_stem;	/* the last remaining word is a stem */
	uint8_t		 flags;		/* LEXICON_* */
};

struct lex_slot {
	uint64_t	 hash;
	uint32_t	 key, key_len;	/* in strs */
	uint32_t	 first;		/* index + 1 of the first entry */
};

struct lex_table {
	struct lex_slot	*slots;
	size_t		 cap, used;	/* cap is a power of two */
};

struct lexicon {
	struct lex_table	 words, stems;
	struct lex_entry	*entries;
	size_t			 nentries, entries_cap;
	char			*strs;
	size_t			 strs_len, strs_cap;
	uint64_t		 stem_lens;	/* bit n-1: a stem of n bytes */
	bool			 stem_long;	/* a stem of more than 64 bytes */
	/* the first two bytes of the stems longer than one, hashed: most
	 * words start with no stem's, and skip the stem lookups */
	uint64_t		 stem_pairs[STEM_PAIR_BITS / 64];
	uint64_t		 word_sigs[WORD_SIG_BITS / 64];
};

/* FNV-1a: words are short, this is fast and spreads well enough */
static uint64_t
lex_hash(const char *s, size_t len)
{
	return text_fnv1a(TEXT_FNV_OFFSET, s, len);
}

struct lexicon *
lexicon_new(void)
{
	return calloc(1, sizeof(struct lexicon));
}

void
lexicon_free(struct lexicon *lx)
{
	if (lx == NULL)
		return;
	free(lx->words.slots);
	free(lx->stems.slots);
	free(lx->entries);
	free(lx->strs);
	free(lx);
}

size_t
lexicon_size(const struct lexicon *lx)
{
	return lx->nentries;
}

static long
lex_str(struct lexicon *lx, const char *s, size_t len)
{
	if (lx->strs_len + len + 1 > lx->strs_cap) {
		size_t ncap = lx->strs_cap ? lx->strs_cap : 1024;
		while (ncap < lx->strs_len + len + 1)
			ncap *= 2;
		char *n = realloc(lx->strs, ncap);
		if (n == NULL)
			return -1;
		lx->strs = n;
		lx->strs_cap = ncap;
	}
	long off = (long)lx->strs_len;
	memcpy(lx->strs + lx->strs_len, s, len);
	lx->strs[lx->strs_len + len] = '\0';
	lx->strs_len += len + 1;
	return off;
}

static struct lex_slot *
lex_find(const struct lex_table *t, const char *strs, const char *key,
    size_t len, uint64_t h)
{
	if (t->cap == 0)
		return NULL;
	for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		struct lex_slot *s = &t->slots[i];
		if (s->first == 0)
			return s;
		if (s->hash == h && s->key_len == len &&
		    memcmp(strs + s->key, key, len) == 0)
			return s;
	}
}

static int
lex_grow(struct lex_table *t)
{
	size_t		 ncap = t->cap ? t->cap * 2 : 64;
	struct lex_slot	*ns = calloc(ncap, sizeof(*ns));

	if (ns == NULL)
		return -1;
	for (size_t i = 0; i < t->cap; i++) {
		struct lex_slot *o = &t->slots[i];
		if (o->first == 0)
			continue;
		size_t j = o->hash & (ncap - 1);
		while (ns[j].first != 0)
			j = (j + 1) & (ncap - 1);
		ns[j] = *o;
	}
	free(t->slots);
	t->slots = ns;
	t->cap = ncap;
	return 0;
}

int
lexicon_add(struct lexicon *lx, const char *entry, size_t len,
    uint32_t owner, unsigned flags)
{
	size_t		 first_end, rest_start;
	bool		 first_stem = false, rest_stem = false;
	struct lex_table *t;

	while (len > 0 && entry[0] == ' ')
		entry++, len--;
	while (len > 0 && entry[len - 1] == ' ')
		len--;
	if (len == 0)
		return -1;

	for (first_end = 0; first_end < len && entry[first_end] != ' ';
	    first_end++)
		;
	rest_start = first_end < len ? first_end + 1 : len;
	size_t first_len = first_end;
	size_t rest_len = len - rest_start;
	if (rest_len == 0 && entry[first_len - 1] == '*') {
		first_stem = true;
		first_len--;
	} else if (rest_len > 0 && entry[len - 1] == '*') {
		rest_stem = true;
		rest_len--;
	}
	if (first_len == 0)
		return -1;

	t = first_stem ? &lx->stems : &lx->words;
	if ((t->used + 1) * 2 > t->cap && lex_grow(t) == -1)
		return -1;
	uint64_t h = lex_hash(entry, first_len);
	struct lex_slot *slot = lex_find(t, lx->strs, entry, first_len, h);

	if (lx->nentries == lx->entries_cap) {
		size_t ncap = lx->entries_cap ? lx->entries_cap * 2 : 64;
		struct lex_entry *ne = realloc(lx->entries, ncap * sizeof(*ne));
		if (ne == NULL)
			return -1;
		lx->entries = ne;
		lx->entries_cap = ncap;
	}
	struct lex_entry *e = &lx->entries[lx->nentries];
	memset(e, 0, sizeof(*e));
	e->owner = owner;
	e->rest_stem = rest_stem;
	e->flags = (uint8_t)flags;
	if (rest_len > 0) {
		long off = lex_str(lx, entry + rest_start, rest_len);
		if (off < 0)
			return -1;
		e->rest = (uint32_t)off;
		e->rest_len = (uint32_t)rest_len;
	}
	if (slot->first == 0) {
		long off = lex_str(lx, entry, first_len);
		if (off < 0)
			return -1;
		slot->hash = h;
		slot->key = (uint32_t)off;
		slot->key_len = (uint32_t)first_len;
		t->used++;
	} else {
		e->next = slot->first;
	}
	slot->first = (uint32_t)lx->nentries + 1;
	lx->nentries++;

	if (!first_stem) {
		size_t b = word_sig(entry, first_len);
		lx->word_sigs[b / 64] |= 1ULL << (b % 64);
	}
	if (first_stem) {
		if (first_len >= 2) {
			size_t b = stem_pair(entry);
			lx->stem_pairs[b / 64] |= 1ULL << (b % 64);
		}
		if (first_len <= 64)
			lx->stem_lens |= 1ULL << (first_len - 1);
		else
			lx->stem_long = true;
	}
	return 0;
}

/* Do the words after `pos` in text spell `rest` (space-separated)? */
static bool
lex_match_rest(const char *text, size_t len, size_t pos, const char *rest,
    size_t rest_len, bool stem, size_t *end)
{
	size_t	 r = 0, ws, we;

	while (r < rest_len) {
		size_t rw = r;
		while (rw < rest_len && rest[rw] != ' ')
			rw++;
		if (!text_next_word(text, len, &pos, &ws, &we))
			return false;
		size_t want = rw - r;
		bool last = rw >= rest_len;
		if (last && stem) {
			if (we - ws < want || memcmp(text + ws, rest + r, want))
				return false;
		} else if (we - ws != want || memcmp(text + ws, rest + r, want)) {
			return false;
		}
		r = rw + 1;
		*end = we;
	}
	return true;
}

static void
lex_emit(const struct lexicon *lx, uint32_t first, const char *text,
    size_t len, size_t ws, size_t we, bool squeezed, lexicon_hit_fn *fn,
    void *ctx)
{
	for (uint32_t i = first; i != 0; i = lx->entries[i - 1].next) {
		const struct lex_entry *e = &lx->entries[i - 1];
		size_t end = we;

		if ((e->flags & LEXICON_SQUEEZED_ONLY) && !squeezed)
			continue;
		if ((e->flags & LEXICON_EXACT_ONLY) && squeezed)
			continue;
		if (e->rest_len > 0 && !lex_match_rest(text, len, we,
		    lx->strs + e->rest, e->rest_len, e->rest_stem, &end))
			continue;
		fn(ctx, e->owner, ws, end);
	}
}

void
lexicon_scan(const struct lexicon *lx, const char *text, size_t len,
    const uint8_t *squeezed, lexicon_hit_fn *fn, void *ctx)
{
	size_t	 pos = 0, ws, we;
	char	 key[LEX_SQUEEZE_MAX];

	if (lx->nentries == 0)
		return;
	while (text_next_word(text, len, &pos, &ws, &we)) {
		size_t wl = we - ws;
		const char *w = text + ws;
		bool sq = false;
		struct lex_slot *s;

		if (squeezed != NULL && wl <= LEX_SQUEEZE_MAX &&
		    memchr(squeezed + ws, 1, wl) != NULL) {
			/* a stretched word: look it up squeezed all through */
			wl = fold_squeeze_key(w, wl, key);
			w = key;
			sq = true;
		}
		size_t sig = word_sig(w, wl);
		if (lx->words.used > 0 &&
		    (lx->word_sigs[sig / 64] & (1ULL << (sig % 64)))) {
			s = lex_find(&lx->words, lx->strs, w, wl, lex_hash(w, wl));
			if (s->first != 0)
				lex_emit(lx, s->first, text, len, ws, we, sq, fn,
				    ctx);
		}
		if (lx->stems.used == 0)
			continue;
		if (wl >= 2 && !(lx->stem_lens & 1) && !(lx->stem_pairs[stem_pair(w) /
		    64] & (1ULL << (stem_pair(w) % 64))))
			continue;	/* no stem starts like this word */
		/* a stem matches a word that starts with it; the hash of
		 * each prefix grows from the one before (FNV-1a, as
		 * lex_hash) */
		uint64_t lens = lx->stem_lens, h = TEXT_FNV_OFFSET;
		for (size_t n = 1; n <= wl && n <= 64 && lens != 0; n++) {
			h = text_fnv1a(h, w + n - 1, 1);
			if (!(lens & (1ULL << (n - 1))))
				continue;
			lens &= ~(1ULL << (n - 1));
			s = lex_find(&lx->stems, lx->strs, w, n, h);
			if (s->first != 0)
				lex_emit(lx, s->first, text, len, ws, we, sq, fn,
				    ctx);
		}
		if (lx->stem_long) {
			for (size_t n = 65; n <= wl; n++) {
				s = lex_find(&lx->stems, lx->strs, w, n,
				    lex_hash(w, n));
				if (s->first != 0)
					lex_emit(lx, s->first, text, len, ws,
					    we, sq, fn, ctx);
			}
		}
	}
}
