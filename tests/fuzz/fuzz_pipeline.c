/* libFuzzer target: the whole pipeline on one compiled rule set, the
 * shipped rules under the built-in default policy: views, matching,
 * decision and the JSON answer. Texts that are not valid UTF-8 are
 * skipped, as the request parser never lets them through. Every reason
 * must point inside the text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "fuzz_engine.h"
#include "engine.h"
#include "reply.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct engine *engine;
static struct check_scratch cs;
static struct reply_buf answer;

static void
setup(void)
{
	engine = fuzz_shipped_engine();
	check_scratch_init(&cs);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (engine == NULL)
		setup();
	if (size > 65536 || text_utf8_invalid_at((const char *)data, size) >= 0)
		return 0;
	const struct policy *p = policies_find(&engine->policies, NULL);
	FUZZ_CHECK(p != NULL);
	if (engine_check(engine, p, &cs, (const char *)data, size) == -1)
		return 0;
	for (size_t i = 0; i < cs.v.nreasons; i++) {
		const struct hit *h = &cs.ms.hits[cs.v.reasons[i]];
		FUZZ_CHECK(h->start <= h->end && h->end <= size);
	}
	/* the answer is one whole JSON line */
	int written = reply_verdict(&answer, engine, p, &cs, NULL,
	    (const char *)data, false);
	FUZZ_CHECK(written == 0 && answer.len > 0 &&
	    answer.p[answer.len - 1] == '\n' &&
	    memchr(answer.p, '\n', answer.len) == answer.p + answer.len - 1);
	json_error_t je;
	json_t *back = json_loadb(answer.p, answer.len, JSON_ALLOW_NUL, &je);
	FUZZ_CHECK(back != NULL);
	json_decref(back);
	return 0;
}
