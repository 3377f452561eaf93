/* view: growing a view buffer and mapping view spans back to the
 * original text; used by norm and fold alike. */
#include "view.h"

#include <stdlib.h>
#include <string.h>

int
view_buf_reserve(struct view_buf *b, size_t need)
{
	size_t	 ncap;

	if (need <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 256;
	while (ncap < need)
		ncap *= 2;
	char *t = realloc(b->text, ncap + 1);
	if (t == NULL)
		return -1;
	b->text = t;
	uint32_t *s = realloc(b->ostart, ncap * sizeof(uint32_t));
	if (s == NULL)
		return -1;
	b->ostart = s;
	uint32_t *e = realloc(b->oend, ncap * sizeof(uint32_t));
	if (e == NULL)
		return -1;
	b->oend = e;
	uint8_t *q = realloc(b->squeezed, ncap);
	if (q == NULL)
		return -1;
	b->squeezed = q;
	b->cap = ncap;
	return 0;
}

void
view_buf_free(struct view_buf *b)
{
	free(b->text);
	free(b->ostart);
	free(b->oend);
	free(b->squeezed);
	memset(b, 0, sizeof(*b));
}

void
view_span_orig(const struct view *v, size_t s, size_t e, size_t *os,
    size_t *oe)
{
	if (v->ostart == NULL) {
		*os = s;
		*oe = e;
		return;
	}
	if (s >= v->len) {
		/* an empty span at the end */
		*os = *oe = v->len ? view_oend(v, v->len - 1) : 0;
		return;
	}
	*os = view_ostart(v, s);
	*oe = e > s ? view_oend(v, e - 1) : *os;
}
