/* text: UTF-8 decoding, the one definition of a word character that
 * the tokenizer, the caps analyzer and the folds share, and the one
 * byte hash. */
#ifndef DECORUM_TEXT_H
#define DECORUM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode the code point at s[0..len); *adv gets its length in bytes.
 * Invalid sequences decode as U+FFFD with *adv = 1, so callers always
 * make progress. */
int32_t	text_decode(const char *s, size_t len, size_t *adv);
/* Encode cp into out (4 bytes room); returns the byte count. */
size_t	text_encode(int32_t cp, char *out);
/* Letters, digits and marks of any script. */
bool	text_is_word_cp(int32_t cp);
bool	text_is_upper_cp(int32_t cp);
bool	text_is_lower_cp(int32_t cp);
bool	text_is_letter_cp(int32_t cp);
/* Byte offset of the first invalid UTF-8 sequence, or -1 if valid. */
long	text_utf8_invalid_at(const char *s, size_t len);
/* Are all bytes of s below 0x80? */
bool	text_is_ascii(const char *s, size_t len);

extern const uint8_t text_ascii_word[256];

/* FNV-1a, 64 bits: the hash of the lexicon's tables, the regex cache's
 * keys, the go-live probes' settings and a learned model's training data.
 * h is TEXT_FNV_OFFSET to start, or what an earlier call returned to go
 * on (the lexicon grows a word's hash a prefix at a time). */
#define TEXT_FNV_OFFSET	0xcbf29ce484222325ull
#define TEXT_FNV_PRIME	0x100000001b3ull

static inline uint64_t
text_fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * TEXT_FNV_PRIME;
	return h;
}

bool	text_next_word_slow(const char *s, size_t len, size_t *pos,
	    size_t *start, size_t *end);

/* Iterate the words of s: returns false when there are none left,
 * otherwise sets [*start, *end) and advances *pos past the word. Inline
 * for ASCII text (every word of every comment goes through here); the
 * rest by code point in text_next_word_slow. */
static inline bool
text_next_word(const char *s, size_t len, size_t *pos, size_t *start,
    size_t *end)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = *pos, b;

	while (i < len && p[i] < 0x80 && !text_ascii_word[p[i]])
		i++;
	if (i >= len) {
		*pos = len;
		return false;
	}
	if (p[i] < 0x80) {
		b = i;
		while (i < len && text_ascii_word[p[i]])
			i++;
		if (i >= len || p[i] < 0x80) {
			*start = b;
			*end = i;
			*pos = i;
			return true;
		}
		i = b;		/* non-ASCII inside: judge it all by code point */
	}
	*pos = i;
	return text_next_word_slow(s, len, pos, start, end);
}
/* ASCII upper case to lower case; every other byte as it is. */
extern const uint8_t text_ascii_lower[256];

#endif
