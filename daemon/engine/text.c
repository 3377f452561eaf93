#include "text.h"

#include <string.h>

#include <utf8proc.h>

#define W1 1
/* 1 for ASCII letters and digits; bytes >= 0x80 are decided per code point. */
const uint8_t text_ascii_word[256] = {
	['0'] = W1, ['1'] = W1, ['2'] = W1, ['3'] = W1, ['4'] = W1,
	['5'] = W1, ['6'] = W1, ['7'] = W1, ['8'] = W1, ['9'] = W1,
	['A'] = W1, ['B'] = W1, ['C'] = W1, ['D'] = W1, ['E'] = W1, ['F'] = W1,
	['G'] = W1, ['H'] = W1, ['I'] = W1, ['J'] = W1, ['K'] = W1, ['L'] = W1,
	['M'] = W1, ['N'] = W1, ['O'] = W1, ['P'] = W1, ['Q'] = W1, ['R'] = W1,
	['S'] = W1, ['T'] = W1, ['U'] = W1, ['V'] = W1, ['W'] = W1, ['X'] = W1,
	['Y'] = W1, ['Z'] = W1,
	['a'] = W1, ['b'] = W1, ['c'] = W1, ['d'] = W1, ['e'] = W1, ['f'] = W1,
	['g'] = W1, ['h'] = W1, ['i'] = W1, ['j'] = W1, ['k'] = W1, ['l'] = W1,
	['m'] = W1, ['n'] = W1, ['o'] = W1, ['p'] = W1, ['q'] = W1, ['r'] = W1,
	['s'] = W1, ['t'] = W1, ['u'] = W1, ['v'] = W1, ['w'] = W1, ['x'] = W1,
	['y'] = W1, ['z'] = W1,
};

const uint8_t text_ascii_lower[256] = {
#define L(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))
#define R8(b) L(b), L(b+1), L(b+2), L(b+3), L(b+4), L(b+5), L(b+6), L(b+7)
	R8(0), R8(8), R8(16), R8(24), R8(32), R8(40), R8(48), R8(56),
	R8(64), R8(72), R8(80), R8(88), R8(96), R8(104), R8(112), R8(120),
	R8(128), R8(136), R8(144), R8(152), R8(160), R8(168), R8(176), R8(184),
	R8(192), R8(200), R8(208), R8(216), R8(224), R8(232), R8(240), R8(248)
#undef R8
#undef L
};

int32_t
text_decode(const char *s, size_t len, size_t *adv)
{
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;

	if ((unsigned char)s[0] < 0x80) {
		*adv = 1;
		return (unsigned char)s[0];
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    len > 4 ? 4 : (utf8proc_ssize_t)len, &cp);
	if (n <= 0) {
		*adv = 1;
		return 0xFFFD;
	}
	*adv = (size_t)n;
	return cp;
}

size_t
text_encode(int32_t cp, char *out)
{
	utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);

	if (n <= 0)
		return utf8proc_encode_char(0xFFFD, (utf8proc_uint8_t *)out);
	return (size_t)n;
}

bool
text_is_word_cp(int32_t cp)
{
	if (cp < 0x80)
		return text_ascii_word[cp] != 0;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

bool
text_is_letter_cp(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return true;
	default:
		return false;
	}
}

bool
text_is_upper_cp(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

bool
text_is_lower_cp(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

long
text_utf8_invalid_at(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(
		    (const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			return (long)i;
		i += (size_t)n;
	}
	return -1;
}

bool
text_next_word_slow(const char *s, size_t len, size_t *pos, size_t *start,
    size_t *end)
{
	size_t	 i = *pos, adv;
	int32_t	 cp;

	/* skip to the first word character */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (text_ascii_word[c])
				break;
			i++;
			continue;
		}
		cp = text_decode(s + i, len - i, &adv);
		if (text_is_word_cp(cp))
			break;
		i += adv;
	}
	if (i >= len) {
		*pos = len;
		return false;
	}
	*start = i;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (!text_ascii_word[c])
				break;
			i++;
			continue;
		}
		cp = text_decode(s + i, len - i, &adv);
		if (!text_is_word_cp(cp))
			break;
		i += adv;
	}
	*end = i;
	*pos = i;
	return true;
}

bool
text_is_ascii(const char *s, size_t len)
{
	size_t		 i = 0;
	uint64_t	 acc = 0, w;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		acc |= w;
	}
	for (; i < len; i++)
		acc |= (unsigned char)s[i];
	return (acc & 0x8080808080808080ULL) == 0;
}
