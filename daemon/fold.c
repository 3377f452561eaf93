#include "fold.h"

#include <stdlib.h>
#include <string.h>

static int
fold_copy(struct view_buf *out, const struct view *in)
{
	if (view_buf_reserve(out, in->len + 1) == -1)
		return -1;
	memcpy(out->text, in->text, in->len);
	memcpy(out->ostart, in->ostart, in->len * sizeof(uint32_t));
	memcpy(out->oend, in->oend, in->len * sizeof(uint32_t));
	out->len = in->len;
	out->text[out->len] = '\0';
	return 0;
}

int
fold_view(struct view_buf *out, struct view_buf *tmp,
    const struct view *normal, unsigned folds)
{
	(void)tmp;
	(void)folds;
	return fold_copy(out, normal);
}

char *
fold_string(const char *s, size_t len, unsigned folds, size_t *outlen)
{
	char *out = malloc(len + 1);

	(void)folds;
	if (out == NULL)
		return NULL;
	memcpy(out, s, len);
	out[len] = '\0';
	*outlen = len;
	return out;
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
