/* http: the optional HTTP listener, off by default. GET /metrics
 * (Prometheus text format 0.0.4), GET /healthz, POST /v1/check (one
 * request object, or a JSON array of them, answered by the same handler
 * as the socket's lines).
 *
 * Its connections are ordinary worker connections (conn.c): accepted by
 * every worker on the one listening descriptor, counted in
 * max_connections, held to max_request_bytes, max_unread_bytes,
 * idle_timeout and write_timeout, and stopped like the socket's on
 * SIGTERM. Access: SO_PEERCRED with allowed_uids/allowed_gids on a Unix
 * socket path, http_allow (addresses) on TCP. The HTTP/1.1 it speaks is
 * the small part a monitoring scraper or a backend needs: one request at
 * a time per connection (later pipelined ones wait in the input buffer,
 * which max_request_bytes bounds), Content-Length bodies (no chunked
 * uploads: 411/501), keep-alive. */
#ifndef DECORUM_HTTP_H
#define DECORUM_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"

struct http;

enum { M_GET = 1, M_HEAD, M_POST };
enum { R_NONE = 0, R_CHECK, R_METRICS, R_HEALTHZ };

/* A request head as read by http_parse_head(). */
struct http_head {
	int		 method;	/* M_*, 0 for any other */
	int		 route;		/* R_* */
	bool		 keepalive;
	bool		 expect;	/* Expect: 100-continue */
	size_t		 content_length;
};

/* listen: "HOST:PORT" ("127.0.0.1:9311", "[::1]:9311") or an absolute
 * Unix socket path (created mode 0660). allow: the http_allow entries
 * (ADDRESS or ADDRESS/PREFIX) that TCP peers must match. NULL after
 * logging why. */
struct http *http_open(const char *listen, const struct str_list *allow);
/* The listening descriptor, non-blocking, for every worker to accept on. */
int	http_fd(const struct http *h);
void	http_free(struct http *h);
/* Parse a request head: the request line and headers, n bytes ending in
 * the empty line. 0, or the HTTP status to refuse the request with. */
int	http_parse_head(const char *p, size_t n, struct http_head *h);

#endif
