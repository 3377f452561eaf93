/* handler: one request in, exactly one answer line out. The Unix socket
 * (a line) and HTTP (POST /v1/check) both call it, on the worker thread
 * that owns the connection. It parses the request, picks the policy,
 * checks the comment, counts (stats_*), logs the decision (declog) and
 * appends the answer, ending in '\n', to out. It is the server's only
 * caller of the engine's checking API. */
#ifndef DECORUM_HANDLER_H
#define DECORUM_HANDLER_H

#include <event2/buffer.h>
#include <stddef.h>

#include "request.h"

struct worker;

enum handler_via {
	VIA_SOCKET = 0,
	VIA_HTTP,	/* control requests ("op") are refused: /metrics has them */
};

/* Answer one request; returns ERR_NONE for a verdict or a control answer,
 * else the code of the error answered. Never appends anything but exactly
 * one line (an "internal" error line when memory runs out building it). */
enum err_code handler_request(struct worker *w, const char *req, size_t len,
	    enum handler_via via, struct evbuffer *out);
/* Answer a request the transport could not hand over (too long, say),
 * counted like any other error. id may be NULL. */
void	handler_error(struct worker *w, json_t *id, enum err_code code,
	    const char *msg, struct evbuffer *out);

#endif
