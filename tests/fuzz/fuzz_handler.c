/* libFuzzer target: the request handler that both listeners call, on the
 * shipped rules. The input is cut into request lines at its newlines;
 * each must get exactly one answer: one JSON object on one line, a
 * verdict, an error with a stable code or a control answer. The first
 * byte picks the transport (socket or HTTP). */
#include <event2/buffer.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handler.h"
#include "server_impl.h"

#include "fuzz_check.h"
#include "fuzz_engine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct server	 srv;
static struct worker	 wk;

static void
setup(void)
{
	srv.engine = fuzz_shipped_engine();
	pthread_mutex_init(&srv.engine_lock, NULL);
	pthread_mutex_init(&srv.reload_lock, NULL);
	atomic_store(&srv.engine_gen, 1);
	srv.max_text_bytes = 4096;
	srv.max_request_bytes = 16384;
	srv.max_unread_bytes = 1 << 20;
	srv.workers = &wk;
	srv.nworkers = 1;
	wk.srv = &srv;
	check_scratch_init(&wk.cs);
	stats_init(&wk.stats);
}

static void
check_answer(struct evbuffer *out, size_t before, enum err_code rc)
{
	size_t len = evbuffer_get_length(out) - before;

	FUZZ_CHECK(len > 0);
	char *a = malloc(len);
	FUZZ_CHECK(a != NULL);
	FUZZ_CHECK(evbuffer_copyout(out, a, len) == (ev_ssize_t)len);
	/* one line: a newline at its end and nowhere else */
	FUZZ_CHECK(a[len - 1] == '\n');
	FUZZ_CHECK(memchr(a, '\n', len - 1) == NULL);
	json_error_t je;
	json_t *o = json_loadb(a, len - 1, JSON_ALLOW_NUL, &je);
	FUZZ_CHECK(o != NULL && json_is_object(o));
	json_t *err = json_object_get(o, "error");
	if (err != NULL) {
		const char *code = json_string_value(json_object_get(err, "code"));
		FUZZ_CHECK(code != NULL);
		FUZZ_CHECK(rc != ERR_NONE && strcmp(code, err_code_name(rc)) == 0);
		FUZZ_CHECK(json_object_get(o, "id") != NULL);
	} else {
		FUZZ_CHECK(rc == ERR_NONE);
		FUZZ_CHECK(json_object_get(o, "decision") != NULL ||
		    json_object_get(o, "uptime") != NULL ||
		    json_object_get(o, "policies") != NULL);
	}
	/* what one answer may echo is bounded */
	json_t *id = json_object_get(o, "id");
	FUZZ_CHECK(!json_is_string(id) || json_string_length(id) <= REQUEST_ID_MAX);
	json_decref(o);
	free(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (srv.engine == NULL)
		setup();
	if (size == 0)
		return 0;
	enum handler_via via = (data[0] & 1) ? VIA_HTTP : VIA_SOCKET;
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	struct evbuffer *out = evbuffer_new();

	FUZZ_CHECK(out != NULL);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		enum err_code rc = handler_request(&wk, p, len, via, out);
		check_answer(out, 0, rc);
		evbuffer_drain(out, evbuffer_get_length(out));
		p += len + 1;
	}
	evbuffer_free(out);
	return 0;
}
