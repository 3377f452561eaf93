/* libFuzzer target: the HTTP listener's request head parser, the one
 * piece of HTTP decorumd reads itself. Any bytes: it must stay inside
 * them and answer 0 (with a method, route and length in range) or one of
 * the statuses it refuses a head with. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct http_head h;
	/* a copy of exactly size bytes, so ASan sees any read past them */
	char *p = malloc(size ? size : 1);

	FUZZ_CHECK(p != NULL);
	memcpy(p, data, size);
	int st = http_parse_head(p, size, &h);
	FUZZ_CHECK(st == 0 || st == 400 || st == 413 || st == 501 || st == 505);
	if (st == 0) {
		FUZZ_CHECK(h.method >= 0 && h.method <= M_POST);
		FUZZ_CHECK(h.route >= R_NONE && h.route <= R_HEALTHZ);
		FUZZ_CHECK(h.content_length < 1000000000000ULL);
		/* a head that parses starts with a request line */
		FUZZ_CHECK(size >= 14 && memchr(p, '\n', size) != NULL);
	}
	free(p);
	return 0;
}
