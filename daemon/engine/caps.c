#include "caps.h"

#include "text.h"

/* Shouting needs min_ratio of at least min_letters cased letters to be
 * upper case. In ASCII text no word holds more capitals than the whole
 * text does: with fewer than that (most comments), nothing to split. */
static bool
too_few_capitals(const struct caps_params *p, const char *text, size_t len)
{
	size_t caps = 0;
	unsigned char high = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)text[i];
		caps += b >= 'A' && b <= 'Z';
		high |= b;
	}
	return !(high & 0x80) &&
	    (double)caps < p->min_ratio * (double)p->min_letters;
}

bool
caps_check(const struct caps_params *p, const char *text, size_t len,
    size_t *start, size_t *end)
{
	size_t	 pos = 0, ws, we, upper = 0, cased = 0;
	size_t	 first = 0, last = 0;
	bool	 any = false;

	if (too_few_capitals(p, text, len))
		return false;

	while (text_next_word(text, len, &pos, &ws, &we)) {
		size_t wu = 0, wc = 0, letters = 0, adv;

		for (size_t i = ws; i < we; i += adv) {
			unsigned char b = (unsigned char)text[i];
			if (b < 0x80) {
				/* inside a word: an ASCII letter or digit */
				adv = 1;
				if (b >= 'A' && b <= 'Z') {
					wu++;
					wc++;
					letters++;
				} else if (b >= 'a' && b <= 'z') {
					wc++;
					letters++;
				}
				continue;
			}
			int32_t cp = text_decode(text + i, len - i, &adv);
			if (text_is_upper_cp(cp)) {
				wu++;
				wc++;
			} else if (text_is_lower_cp(cp)) {
				wc++;
			}
			if (text_is_letter_cp(cp))
				letters++;
		}
		if (letters < p->min_word || wc == 0)
			continue;
		upper += wu;
		cased += wc;
		if (wu * 2 > wc) {
			if (!any)
				first = ws;
			last = we;
			any = true;
		}
	}
	if (cased < p->min_letters || cased == 0 || !any)
		return false;
	if ((double)upper < p->min_ratio * (double)cased)
		return false;
	*start = first;
	*end = last;
	return true;
}
