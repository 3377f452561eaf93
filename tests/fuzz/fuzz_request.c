/* libFuzzer target: the framer and the request parser, as a connection
 * feeds them. The input is split into reads at pseudo-random points (from
 * its own first bytes), framed into lines and each line parsed; every line
 * must come out as a request or an error with a stable code. Whenever the
 * fast path reads a line itself, the jansson path must read it the same;
 * and request_parse, fast path or not, must answer as jansson alone. */
#include <event2/buffer.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_check.h"
#include "frame.h"
#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct request_buf rb;

static bool
same_id(const struct request_id *a, const struct request_id *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == REQUEST_ID_STRING)
		return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	if (a->kind == REQUEST_ID_INTEGER)
		return a->num == b->num;
	return true;	/* reals: only the jansson path reads them */
}

static void
check_same(const char *line, size_t len)
{
	struct request		 f, j, a;
	struct request_error	 ej, ea;
	int			 rj, ra;

	rj = request_parse(&j, NULL, line, len, 1024, &ej);
	ra = request_parse(&a, &rb, line, len, 1024, &ea);
	FUZZ_CHECK(ra == rj && ea.code == ej.code);
	FUZZ_CHECK(strcmp(ea.message, ej.message) == 0);
	FUZZ_CHECK(same_id(&a.id, &j.id));
	if (request_parse_fast(&f, &rb, line, len, 1024)) {
		FUZZ_CHECK(rj == 0);
		FUZZ_CHECK(same_id(&f.id, &j.id));
		FUZZ_CHECK(f.op == j.op && f.dry_run == j.dry_run);
		FUZZ_CHECK(f.text_len == j.text_len &&
		    memcmp(f.text, j.text, f.text_len) == 0);
		FUZZ_CHECK((f.policy == NULL) == (j.policy == NULL));
		FUZZ_CHECK(f.policy == NULL || strcmp(f.policy, j.policy) == 0);
	}
	request_clear(&f);
	request_clear(&a);
	request_clear(&j);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct evbuffer	*in = evbuffer_new();
	struct framer	 f;
	uint32_t	 seed = size > 0 ? data[0] * 2654435761u : 1;
	size_t		 max = 64 + (size > 1 ? data[1] : 0) * 16;
	size_t		 off = 0;

	if (in == NULL)
		return 0;
	frame_init(&f, max);
	while (off < size) {
		seed = seed * 1103515245u + 12345u;
		size_t n = 1 + (seed >> 16) % 97;
		if (n > size - off)
			n = size - off;
		evbuffer_add(in, data + off, n);
		off += n;
		const char *line;
		size_t len;
		enum frame_result fr;
		while ((fr = frame_next(&f, in, &line, &len)) != FRAME_NONE) {
			if (fr == FRAME_TOO_LARGE)
				continue;
			FUZZ_CHECK(len <= max);
			check_same(line, len);
			struct request r;
			struct request_error err;
			if (request_parse(&r, &rb, line, len, 1024, &err) == -1) {
				FUZZ_CHECK(err.code > ERR_NONE && err.code <= ERR_INTERNAL);
				FUZZ_CHECK(memchr(err.message, '\0', sizeof(err.message)) != NULL);
			} else if (r.op == OP_CHECK) {
				FUZZ_CHECK(r.text != NULL && r.text_len <= 1024);
			}
			request_clear(&r);
		}
		/* the framer never holds more than the limit */
		FUZZ_CHECK(evbuffer_get_length(in) <= max + 97 + 1);
	}
	evbuffer_free(in);
	return 0;
}
