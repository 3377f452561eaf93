/* http: the optional HTTP listener (libevent's evhttp), off by default.
 * It runs in the main thread's event loop, the thread that also swaps the
 * engine on reload, so a request always sees one whole engine and needs
 * no lock. Endpoints: GET /metrics (Prometheus text format 0.0.4),
 * GET /healthz, POST /v1/check (one request object, or a JSON array of
 * them, answered like on the socket). */
#ifndef DECORUM_HTTP_H
#define DECORUM_HTTP_H

#include <event2/event.h>
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "engine.h"

struct http_env {
	void		*arg;
	/* the engine in use; only ever swapped on the main thread */
	struct engine	*(*engine)(void *arg);
	/* the {"op":"stats"} object (new reference) */
	json_t		*(*stats)(void *arg);
	/* every worker thread answered its last liveness ping */
	bool		 (*healthy)(void *arg);
	int		 nworkers;
	size_t		 max_body;	/* max_request_bytes */
	size_t		 max_text;
	unsigned	 timeout;	/* idle_timeout, seconds */
};

struct http;

/* listen: "HOST:PORT" ("127.0.0.1:9311", "[::1]:9311") or an absolute
 * Unix socket path. NULL after logging why. */
struct http *http_start(struct event_base *base, const char *listen,
	    const struct http_env *env);
void	http_free(struct http *h);

#endif
