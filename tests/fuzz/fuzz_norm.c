/* libFuzzer target: normalization, every view (raw, normal, and the
 * folded view for every combination of folds). Each view byte must map
 * back into the original text. Invalid UTF-8 is fed too: the request
 * parser rejects it, but views_build must not trust that. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_check.h"
#include "fold.h"
#include "norm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_view(const struct view *v, size_t orig_len)
{
	FUZZ_CHECK(v != NULL);
	for (size_t i = 0; i < v->len; i++) {
		uint32_t s = view_ostart(v, i), e = view_oend(v, i);
		FUZZ_CHECK(s <= e && e <= orig_len);
	}
	if (v->len > 0) {
		size_t os, oe;
		view_span_orig(v, 0, v->len, &os, &oe);
		FUZZ_CHECK(os <= oe && oe <= orig_len);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct views vs;
	static int ready;

	if (!ready) {
		views_init(&vs);
		ready = 1;
	}
	if (views_build(&vs, (const char *)data, size) == -1)
		return 0;
	check_view(&vs.raw, size);
	check_view(&vs.normal, size);
	for (unsigned folds = 0; folds <= FOLD_ALL; folds++) {
		const struct view *v = views_get(&vs, VIEW_FOLDED, folds);
		if (v != NULL)
			check_view(v, size);
	}
	size_t n;
	char *s = norm_string((const char *)data, size, &n);
	if (s != NULL) {
		char *f = fold_string(s, n, FOLD_ALL, &n);
		free(f);
		free(s);
	}
	return 0;
}
