#include "fold.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "confusables.h"
#include "text.h"

/* Shortest run of one letter that counts as stretched ("fuuuck"). Runs of
 * two are ordinary spelling ("ass", "assess") and stay as they are. */
#define FOLD_SQUEEZE_MIN	3
/* Single characters joined into a word need at least this many ("f u c k"
 * but not "a b"). */
#define FOLD_JOIN_MIN		3
#define FOLD_JOIN_MAX_SEP	3

static inline int
emit(struct view_buf *b, const char *s, size_t n, uint32_t os, uint32_t oe,
    uint8_t sq)
{
	if (b->len + n > b->cap && view_buf_reserve(b, b->len + n + 64) == -1)
		return -1;
	memcpy(b->text + b->len, s, n);
	for (size_t i = 0; i < n; i++) {
		b->ostart[b->len + i] = os;
		b->oend[b->len + i] = oe;
		b->squeezed[b->len + i] = sq;
	}
	b->len += n;
	return 0;
}

/* Copy in[i, i + n) with its maps. */
static inline int
copy(struct view_buf *b, const struct view *in, size_t i, size_t n)
{
	if (b->len + n > b->cap && view_buf_reserve(b, b->len + n + 64) == -1)
		return -1;
	memcpy(b->text + b->len, in->text + i, n);
	if (in->ostart != NULL) {
		memcpy(b->ostart + b->len, in->ostart + i, n * sizeof(uint32_t));
		memcpy(b->oend + b->len, in->oend + i, n * sizeof(uint32_t));
	} else {
		for (size_t k = 0; k < n; k++) {
			b->ostart[b->len + k] = (uint32_t)(i + k);
			b->oend[b->len + k] = (uint32_t)(i + k + 1);
		}
	}
	if (in->squeezed != NULL)
		memcpy(b->squeezed + b->len, in->squeezed + i, n);
	else
		memset(b->squeezed + b->len, 0, n);
	b->len += n;
	return 0;
}

/* ASCII stays out of function calls: most comments are all ASCII. */
static inline int32_t
decode(const struct view *in, size_t i, size_t *adv)
{
	unsigned char c = (unsigned char)in->text[i];

	if (c < 0x80) {
		*adv = 1;
		return c;
	}
	return text_decode(in->text + i, in->len - i, adv);
}

static inline bool
is_word(int32_t cp)
{
	return cp < 0x80 ? text_ascii_word[cp] != 0 : text_is_word_cp(cp);
}

static inline bool
is_letter(int32_t cp)
{
	return cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') :
	    text_is_letter_cp(cp);
}

/* Copy what is left; 1 when the pass changed nothing at all, so that
 * its output is not needed. */
static int
finish(struct view_buf *out, const struct view *in, size_t keep)
{
	if (keep == 0 && out->len == 0)
		return 1;
	return copy(out, in, keep, in->len - keep);
}

static inline uint8_t
sq_at(const struct view *in, size_t i)
{
	return in->squeezed != NULL ? in->squeezed[i] : 0;
}

/* Byte classes for the look that decides which folds to run. */
#define FC_WORD		1	/* may be part of a word, leet included */
#define FC_LEET		2	/* may stand for a letter */
#define FC_NONASCII	4
#define FC_LETTER	8
#define R10(x) x, x, x, x, x, x, x, x, x, x
#define R26(x) R10(x), R10(x), x, x, x, x, x, x
static const uint8_t fold_class[256] = {
	['0'] = R10(FC_WORD | FC_LEET),
	['A'] = R26(FC_WORD | FC_LETTER), ['a'] = R26(FC_WORD | FC_LETTER),
	['$'] = FC_WORD | FC_LEET, ['@'] = FC_WORD | FC_LEET,
	['!'] = FC_LEET, ['|'] = FC_LEET,
	[0x80] = R10(FC_NONASCII), [0x8a] = R10(FC_NONASCII),
	[0x94] = R10(FC_NONASCII), [0x9e] = R10(FC_NONASCII),
	[0xa8] = R10(FC_NONASCII), [0xb2] = R10(FC_NONASCII),
	[0xbc] = R10(FC_NONASCII), [0xc6] = R10(FC_NONASCII),
	[0xd0] = R10(FC_NONASCII), [0xda] = R10(FC_NONASCII),
	[0xe4] = R10(FC_NONASCII), [0xee] = R10(FC_NONASCII),
	[0xf8] = FC_NONASCII, FC_NONASCII, FC_NONASCII, FC_NONASCII,
	FC_NONASCII, FC_NONASCII, FC_NONASCII, FC_NONASCII,
};
#undef R26
#undef R10

/* Look-alike letters of other scripts become the Latin letter. */
static int
pass_confusables(const struct view *in, struct view_buf *out)
{
	size_t i = 0, adv, keep = 0;	/* in[keep, i) is still to copy */

	while (i < in->len) {
		while (i < in->len && (unsigned char)in->text[i] < 0x80)
			i++;
		if (i >= in->len)
			break;
		int32_t cp = text_decode(in->text + i, in->len - i, &adv);
		uint32_t to = confusable_fold((uint32_t)cp);
		if (to < 0x80) {
			char c = (char)to;
			if (copy(out, in, keep, i - keep) == -1 ||
			    emit(out, &c, 1, view_ostart(in, i),
			    view_oend(in, i + adv - 1), sq_at(in, i)) == -1)
				return -1;
			keep = i + adv;
		}
		i += adv;
	}
	return finish(out, in, keep);
}

static inline bool
is_join_char(int32_t cp)
{
	if (cp < 0x80)
		return text_ascii_word[cp] || cp == '$' || cp == '@';
	return text_is_letter_cp(cp);
}

static bool
is_join_sep(char c)
{
	return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' ||
	    c == '~' || c == '/';
}

/*
 * Letters spelled out one at a time ("f u c k", "s.h.i.t") become one
 * word. Each piece must be a single character standing alone, so words
 * of two or more letters are never glued to their neighbours.
 */
/* Are there two one-character words a short gap apart? Without them
 * there is nothing to join. Any non-ASCII character counts as a letter. */
static bool
join_possible(const struct view *in)
{
	const unsigned char *t = (const unsigned char *)in->text;
	size_t	 n = in->len, last = 0;
	bool	 seen = false;
	unsigned wp = 0;

	for (size_t i = 0; i < n;) {
		unsigned char c = t[i];
		size_t len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 :
		    c >= 0xc0 ? 2 : 1;
		unsigned wc = c >= 0x80 || (fold_class[c] & FC_WORD);
		unsigned wn = i + len < n && (t[i + len] >= 0x80 ||
		    (fold_class[t[i + len]] & FC_WORD));
		if (wc & !wp & !wn) {
			if (seen && i - last <= FOLD_JOIN_MAX_SEP + 4)
				return true;
			last = i;
			seen = true;
		}
		wp = wc;
		i += len;
	}
	return false;
}

static int
pass_join(const struct view *in, struct view_buf *out)
{
	size_t	 i = 0, adv, keep = 0;	/* in[keep, i) is still to copy */
	bool	 prev_word = false;

	if (!join_possible(in))
		return 1;

	while (i < in->len) {
		unsigned char ch = (unsigned char)in->text[i];
		if (ch < 0x80) {
			/* ASCII as the loop below takes it, a word at a time */
			bool jc = is_join_char(ch);
			if (prev_word || !jc) {
				prev_word = jc;
				i++;
				continue;
			}
			if (i + 1 < in->len &&
			    (unsigned char)in->text[i + 1] < 0x80 &&
			    is_join_char((unsigned char)in->text[i + 1])) {
				/* two word bytes: no single letter here */
				while (i < in->len &&
				    (unsigned char)in->text[i] < 0x80 &&
				    is_join_char((unsigned char)in->text[i]))
					i++;
				prev_word = true;
				continue;
			}
		}
		int32_t cp = decode(in, i, &adv);
		if (prev_word || !is_join_char(cp)) {
			prev_word = is_word(cp) || is_join_char(cp);
			i += adv;
			continue;
		}
		/* collect single characters separated by short separators */
		size_t starts[64], lens[64], k = 0, p = i, end = i;
		while (k < 64 && p < in->len) {
			size_t a;
			int32_t c = decode(in, p, &a);
			if (!is_join_char(c))
				break;
			size_t q = p + a;
			if (q < in->len) {
				size_t b;
				int32_t nc = decode(in, q, &b);
				if (is_word(nc) || is_join_char(nc))
					break;	/* part of a longer word */
			}
			starts[k] = p;
			lens[k] = a;
			k++;
			end = q;
			size_t s = q;
			while (s < in->len && s - q < FOLD_JOIN_MAX_SEP &&
			    is_join_sep(in->text[s]))
				s++;
			if (s == q || s >= in->len)
				break;
			p = s;
		}
		if (k < FOLD_JOIN_MIN) {
			prev_word = true;
			i += adv;
			continue;
		}
		if (copy(out, in, keep, i - keep) == -1)
			return -1;
		for (size_t j = 0; j < k; j++)
			if (copy(out, in, starts[j], lens[j]) == -1)
				return -1;
		i = keep = end;
		prev_word = true;
	}
	return finish(out, in, keep);
}


/* A byte that may belong to the word around a leet character. */
static inline bool
run_byte(unsigned char c)
{
	return c >= 0x80 || text_ascii_word[c] || c == '$' || c == '@';
}

static char
leet_letter(char c)
{
	switch (c) {
	case '0': return 'o';
	case '1': return 'i';
	case '3': return 'e';
	case '4': return 'a';
	case '5': return 's';
	case '7': return 't';
	case '8': return 'b';
	case '@': return 'a';
	case '$': return 's';
	case '!': return 'i';
	case '|': return 'l';
	default: return 0;
	}
}

/*
 * Digits and symbols standing in for letters inside a word ("sh1t",
 * "$hit", "b!tch"). A run is folded only when it looks like a disguised
 * word: symbols next to a letter, or digits among at least as many
 * letters in a word of four or more. A price ($5), a lone 1, "mp3" or an
 * id like "F4G" stay as written.
 */
static int
pass_leet(const struct view *in, struct view_buf *out)
{
	size_t i = 0, adv, keep = 0;	/* in[keep, i) is still to copy */

	while (i < in->len) {
		/* most words hold no digit or symbol: jump to the next one
		 * that does and back up to the start of its word */
		size_t p = i;
		while (p < in->len &&
		    !(fold_class[(unsigned char)in->text[p]] & FC_LEET))
			p++;
		if (p >= in->len)
			break;
		while (p > i && run_byte((unsigned char)in->text[p - 1]))
			p--;
		i = p;
		unsigned char c = (unsigned char)in->text[i];
		int32_t cp = decode(in, i, &adv);
		bool starts = is_word(cp) || c == '$' || c == '@';
		if (!starts) {
			i += adv;
			continue;
		}
		size_t j = i, letters = 0, digits = 0, symbols = 0, chars = 0;
		while (j < in->len) {
			size_t a;
			unsigned char d = (unsigned char)in->text[j];
			int32_t x = decode(in, j, &a);
			if (d == '!' || d == '|') {
				size_t b;
				if (j + 1 >= in->len)
					break;
				int32_t nx = decode(in, j + 1, &b);
				if (!is_letter(nx) || chars == 0)
					break;
				symbols++;
			} else if (d == '$' || d == '@') {
				symbols++;
			} else if (d >= '0' && d <= '9') {
				digits++;
			} else if (is_letter(x)) {
				letters++;
			} else if (!is_word(x)) {
				break;
			}
			chars++;
			j += a;
		}
		bool fold = (symbols > 0 && letters >= 1 && chars >= 3) ||
		    (digits > 0 && letters >= 2 && chars >= 4 &&
		    digits <= letters);
		if (!fold) {
			i = j;
			continue;
		}
		if (copy(out, in, keep, i - keep) == -1)
			return -1;
		for (size_t k = i; k < j;) {
			char l = leet_letter(in->text[k]);
			if (l != 0) {
				if (emit(out, &l, 1, view_ostart(in, k), view_oend(in, k),
				    sq_at(in, k)) == -1)
					return -1;
				k++;
				continue;
			}
			text_decode(in->text + k, in->len - k, &adv);
			if (copy(out, in, k, adv) == -1)
				return -1;
			k += adv;
		}
		i = keep = j;
	}
	return finish(out, in, keep);
}

/* A letter stretched to three or more ("fuuuuck") becomes one letter
 * marked as squeezed; the lexicon then compares squeezed forms. */
/* Is some letter written three times in a row? Eight bytes at a time:
 * (x ^ y) | (x ^ z) has a zero byte where three neighbours are equal. */
static bool
squeeze_possible(const struct view *in)
{
	const unsigned char *t = (const unsigned char *)in->text;
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	size_t k = 2;

	for (; k + 8 <= in->len; k += 8) {
		uint64_t x, y, z;
		memcpy(&x, t + k, 8);
		memcpy(&y, t + k - 1, 8);
		memcpy(&z, t + k - 2, 8);
		uint64_t v = (x ^ y) | (x ^ z);
		if (((v - ones) & ~v & highs) == 0)
			continue;
		for (size_t j = k; j < k + 8; j++)
			if (t[j] == t[j - 1] && t[j] == t[j - 2] &&
			    (fold_class[t[j]] & FC_LETTER))
				return true;
	}
	for (; k < in->len; k++)
		if (t[k] == t[k - 1] && t[k] == t[k - 2] &&
		    (fold_class[t[k]] & FC_LETTER))
			return true;
	return false;
}

static int
pass_squeeze(const struct view *in, struct view_buf *out)
{
	size_t i = 0, keep = 0;		/* in[keep, i) is still to copy */

	if (!squeeze_possible(in))
		return 1;

	while (i < in->len) {
		unsigned char c = (unsigned char)in->text[i];
		size_t j = i + 1;
		if (c < 0x80 && text_ascii_word[c] && !(c >= '0' && c <= '9'))
			while (j < in->len && (unsigned char)in->text[j] == c)
				j++;
		if (j - i >= FOLD_SQUEEZE_MIN) {
			if (copy(out, in, keep, i - keep) == -1 ||
			    emit(out, (const char *)&in->text[i], 1,
			    view_ostart(in, i), view_oend(in, j - 1), 1) == -1)
				return -1;
			keep = j;
		}
		i = j;
	}
	return finish(out, in, keep);
}

/*
 * One pass over the text, eight bytes of state at a time rather than one:
 * the OR of its byte classes, and whether two one-letter words stand a
 * short gap apart (the spelled-out words the join pass is for), from a
 * 64-bit mask of word bytes per 64-byte chunk. With dst, the text is also
 * copied there in lower case (the normal view of ASCII text, in the same
 * pass). The join answer means something only for ASCII text.
 */
unsigned
fold_scan(const char *src, char *dst, size_t n)
{
	const unsigned char *t = (const unsigned char *)src;
	size_t		 i = 0;
	uint64_t	 prev_w = 0, prev_s = 0;
	unsigned	 a = 0;
	bool		 found = false;

	while (i < n) {
		uint64_t w = 0;
		size_t chunk = n - i < 64 ? n - i : 64, k = 0;
		const unsigned char *p = t + i;
		for (; k + 8 <= chunk; k += 8) {
			unsigned c0 = fold_class[p[k]], c1 = fold_class[p[k + 1]],
			    c2 = fold_class[p[k + 2]], c3 = fold_class[p[k + 3]],
			    c4 = fold_class[p[k + 4]], c5 = fold_class[p[k + 5]],
			    c6 = fold_class[p[k + 6]], c7 = fold_class[p[k + 7]];
			a |= c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7;
			unsigned m = (c0 & 1) | (c1 & 1) << 1 | (c2 & 1) << 2 |
			    (c3 & 1) << 3 | (c4 & 1) << 4 | (c5 & 1) << 5 |
			    (c6 & 1) << 6 | (c7 & 1) << 7;
			w |= (uint64_t)m << k;
		}
		for (; k < chunk; k++) {
			unsigned c = fold_class[p[k]];
			a |= c;
			w |= (uint64_t)(c & FC_WORD) << k;
		}
		if (dst != NULL)
			for (k = 0; k < chunk; k++)
				dst[i + k] = (char)text_ascii_lower[p[k]];
		/* a word of one byte: word, with non-words on both sides (the
		 * byte after a chunk counts as a non-word: a superset) */
		uint64_t left = (w << 1) | (prev_w >> 63);
		uint64_t s = w & ~left & ~(w >> 1);
		if (chunk < 64)
			s &= (1ULL << chunk) - 1;
		/* and another one at most FOLD_JOIN_MAX_SEP + 1 bytes before */
		for (unsigned d = 2; !found && d <= FOLD_JOIN_MAX_SEP + 1; d++)
			if (s & ((s << d) | (prev_s >> (64 - d))))
				found = true;
		prev_w = w;
		prev_s = s;
		i += chunk;
	}
	unsigned hint = FOLD_HINT_KNOWN;
	if (a & FC_LEET)
		hint |= FOLD_LEET;
	if (a & FC_NONASCII)
		hint |= FOLD_CONFUSABLES | FOLD_JOIN;	/* join looks again */
	if (found)
		hint |= FOLD_JOIN;
	return hint;
}

typedef int fold_pass(const struct view *, struct view_buf *);

int
fold_view(struct view_buf *out, struct view_buf *tmp,
    const struct view *normal, unsigned folds)
{
	static const struct { unsigned flag; fold_pass *fn; } passes[] = {
		{ FOLD_CONFUSABLES, pass_confusables },
		{ FOLD_JOIN, pass_join },
		{ FOLD_LEET, pass_leet },
		{ FOLD_SQUEEZE, pass_squeeze },
	};
	struct view	 cur = *normal;
	struct view_buf	*bufs[2] = { out, tmp };
	int		 which = 0;
	bool		 any = false;

	/*
	 * A quick look says which folds could change anything here: leet
	 * and non-ASCII bytes. Stretched and spelled-out words are looked
	 * for by their passes, in the text those get.
	 */
	unsigned needed = normal->hint & FOLD_HINT_KNOWN ? normal->hint :
	    fold_scan(normal->text, NULL, normal->len);
	needed |= FOLD_SQUEEZE;		/* asked by the pass, after leet */
	if (needed & FOLD_CONFUSABLES)
		needed |= FOLD_LEET | FOLD_SQUEEZE;	/* look-alikes may make them */
	for (size_t p = 0; p < sizeof(passes) / sizeof(passes[0]); p++) {
		if (!(folds & passes[p].flag & needed))
			continue;
		struct view_buf *dst = bufs[which];
		dst->len = 0;
		if (view_buf_reserve(dst, cur.len + 16) == -1)
			return -1;
		int rc = passes[p].fn(&cur, dst);
		if (rc == -1)
			return -1;
		if (rc == 1)
			continue;	/* unchanged: the input goes on */
		dst->text[dst->len] = '\0';
		cur.text = dst->text;
		cur.len = dst->len;
		cur.ostart = dst->ostart;
		cur.oend = dst->oend;
		cur.squeezed = dst->squeezed;
		which ^= 1;
		any = true;
	}
	if (!any)
		return 1;
	if (cur.text != out->text) {
		/* the last pass wrote into tmp: trade buffers */
		struct view_buf t = *out;
		*out = *tmp;
		*tmp = t;
	}
	return 0;
}

char *
fold_string(const char *s, size_t len, unsigned folds, size_t *outlen)
{
	struct view_buf	 a, b;
	char		*res = NULL;
	struct view	 in;

	/* entries get the character folds only: squeezing is matched in the
	 * lexicon and joining concerns text typed one letter at a time */
	folds &= FOLD_CONFUSABLES | FOLD_LEET;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	in.text = s;
	in.len = len;
	in.ostart = in.oend = NULL;	/* identity: the maps are not wanted */
	in.squeezed = NULL;
	in.hint = 0;
	int rc = fold_view(&a, &b, &in, folds);
	if (rc == 0) {
		res = a.text;
		a.text = NULL;
		*outlen = a.len;
	} else if (rc == 1 && (res = malloc(len + 1)) != NULL) {
		memcpy(res, s, len);
		res[len] = '\0';
		*outlen = len;
	}
	free(a.text);
	free(a.ostart);
	free(a.oend);
	free(a.squeezed);
	free(b.text);
	free(b.ostart);
	free(b.oend);
	free(b.squeezed);
	return res;
}

size_t
fold_squeeze_key(const char *s, size_t len, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (o > 0 && c < 0x80 && (unsigned char)out[o - 1] == c)
			continue;
		out[o++] = (char)c;
	}
	return o;
}

unsigned
fold_parse(const char *name)
{
	static const struct { const char *name; unsigned flag; } names[] = {
		{ "confusables", FOLD_CONFUSABLES },
		{ "leet", FOLD_LEET },
		{ "squeeze", FOLD_SQUEEZE },
		{ "join", FOLD_JOIN },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i].name, name) == 0)
			return names[i].flag;
	return 0;
}
