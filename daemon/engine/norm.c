#include "norm.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "text.h"

/* NFKD with compatibility mappings, case folding, default ignorables and
 * marks dropped, typographic look-alikes (quotes, dashes, spaces) lumped
 * to ASCII. Recomposition is not needed once the marks are gone. */
#define NORM_OPTIONS (UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | \
	UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_STRIPMARK | \
	UTF8PROC_LUMP)

void
views_init(struct views *vs)
{
	memset(vs, 0, sizeof(*vs));
}

void
views_free(struct views *vs)
{
	view_buf_free(&vs->nbuf);
	view_buf_free(&vs->tmp);
	for (int i = 0; i < NORM_FOLD_VARIANTS; i++)
		view_buf_free(&vs->fbuf[i]);
	memset(vs, 0, sizeof(*vs));
}

/* Append the normal form of one code point taken from orig[os, oe). */
static int
norm_code_point(struct view_buf *b, int32_t cp, uint32_t os, uint32_t oe)
{
	utf8proc_int32_t	 dec[32];
	utf8proc_ssize_t	 n;
	int			 boundclass = 0;

	/* Hangul syllables would decompose into jamo: keep them whole. */
	if (cp >= 0xAC00 && cp <= 0xD7A3) {
		dec[0] = cp;
		n = 1;
	} else {
		n = utf8proc_decompose_char(cp, dec, 32, NORM_OPTIONS,
		    &boundclass);
		if (n < 0 || n > 32) {
			dec[0] = 0xFFFD;
			n = 1;
		}
	}
	if (n == 0 && b->len > 0) {
		/* a stripped combining mark belongs to the character before
		 * it: a hit ending there must not cut the mark off */
		utf8proc_category_t c = utf8proc_category(cp);
		if (c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
		    c == UTF8PROC_CATEGORY_ME) {
			uint32_t prev = b->ostart[b->len - 1];
			for (size_t j = b->len; j > 0 && b->ostart[j - 1] == prev;
			    j--)
				b->oend[j - 1] = oe;
		}
	}
	if (view_buf_reserve(b, b->len + (size_t)n * 4) == -1)
		return -1;
	for (utf8proc_ssize_t k = 0; k < n; k++) {
		size_t w = text_encode(dec[k], b->text + b->len);
		for (size_t j = 0; j < w; j++) {
			b->ostart[b->len + j] = os;
			b->oend[b->len + j] = oe;
		}
		b->len += w;
	}
	return 0;
}

static int
norm_into(struct view_buf *b, const char *s, size_t len)
{
	size_t	 i = 0;

	b->len = 0;
	b->identity = false;
	if (view_buf_reserve(b, len + 16) == -1)
		return -1;
	b->hint = 0;
	if (text_is_ascii(s, len)) {
		/* most comments: lower case is the whole normal form, and
		 * every byte stays where it was; the same pass tells the
		 * folded view which folds are worth running */
		b->hint = fold_scan(s, b->text, len);
		b->len = len;
		b->text[len] = '\0';
		b->identity = true;
		return 0;
	}
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			/* the common case: no table lookups beyond a byte */
			if (b->len == b->cap &&
			    view_buf_reserve(b, b->len + 1 + (len - i)) == -1)
				return -1;
			b->text[b->len] = (char)text_ascii_lower[c];
			b->ostart[b->len] = (uint32_t)i;
			b->oend[b->len] = (uint32_t)i + 1;
			b->len++;
			i++;
			continue;
		}
		size_t adv;
		int32_t cp = text_decode(s + i, len - i, &adv);
		if (norm_code_point(b, cp, (uint32_t)i, (uint32_t)(i + adv)) == -1)
			return -1;
		i += adv;
	}
	b->text[b->len] = '\0';
	return 0;
}

int
views_build(struct views *vs, const char *text, size_t len)
{
	vs->orig = text;
	vs->orig_len = len;
	vs->raw.text = text;
	vs->raw.len = len;
	vs->raw.ostart = vs->raw.oend = NULL;
	vs->raw.squeezed = NULL;
	vs->raw.hint = 0;
	vs->nfolded = 0;
	if (norm_into(&vs->nbuf, text, len) == -1)
		return -1;
	vs->normal.text = vs->nbuf.text;
	vs->normal.len = vs->nbuf.len;
	vs->normal.ostart = vs->nbuf.identity ? NULL : vs->nbuf.ostart;
	vs->normal.oend = vs->nbuf.identity ? NULL : vs->nbuf.oend;
	vs->normal.squeezed = NULL;
	vs->normal.hint = vs->nbuf.identity ? vs->nbuf.hint : 0;
	return 0;
}

const struct view *
views_folded(struct views *vs, unsigned folds)
{
	int	 i;

	for (i = 0; i < vs->nfolded; i++)
		if (vs->fmask[i] == folds)
			return &vs->folded[i];
	if (vs->nfolded == NORM_FOLD_VARIANTS)
		return NULL;
	i = vs->nfolded;
	int rc = fold_view(&vs->fbuf[i], &vs->tmp, &vs->normal, folds);
	if (rc == -1)
		return NULL;
	vs->fmask[i] = folds;
	vs->nfolded++;
	if (rc == 1) {
		/* nothing to fold: the normal view serves as the folded one */
		vs->folded[i] = vs->normal;
		return &vs->folded[i];
	}
	vs->folded[i].text = vs->fbuf[i].text;
	vs->folded[i].len = vs->fbuf[i].len;
	vs->folded[i].ostart = vs->fbuf[i].ostart;
	vs->folded[i].oend = vs->fbuf[i].oend;
	vs->folded[i].squeezed = vs->fbuf[i].squeezed;
	vs->folded[i].hint = 0;
	return &vs->folded[i];
}

const struct view *
views_get(struct views *vs, enum view_kind kind, unsigned folds)
{
	switch (kind) {
	case VIEW_RAW:
		return &vs->raw;
	case VIEW_NORMAL:
		return &vs->normal;
	default:
		return views_folded(vs, folds);
	}
}

char *
norm_string(const char *s, size_t len, size_t *outlen)
{
	struct view_buf	 b;
	char		*out;

	memset(&b, 0, sizeof(b));
	if (norm_into(&b, s, len) == -1) {
		view_buf_free(&b);
		return NULL;
	}
	out = b.text;
	*outlen = b.len;
	free(b.ostart);
	free(b.oend);
	free(b.squeezed);
	return out;
}
