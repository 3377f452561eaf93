/* text: UTF-8 decoding and the one definition of a word character that
 * the tokenizer, the caps analyzer and the folds share. */
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

/* Iterate the words of s: returns false when there are none left,
 * otherwise sets [*start, *end) and advances *pos past the word. */
bool	text_next_word(const char *s, size_t len, size_t *pos, size_t *start,
	    size_t *end);

extern const uint8_t text_ascii_word[256];
/* ASCII upper case to lower case; every other byte as it is. */
extern const uint8_t text_ascii_lower[256];

#endif
