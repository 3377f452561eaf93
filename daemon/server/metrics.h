/* metrics: counters for the Prometheus exposition of the HTTP listener
 * and the systemd STATUS= line. Process-wide atomics, updated by every
 * worker without locks; per-rule and per-category counters live with the
 * engine they count (e->metrics) and are carried over by a reload to the
 * rules and categories of the same name. */
#ifndef DECORUM_METRICS_H
#define DECORUM_METRICS_H

#include <event2/buffer.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine.h"

/* Monotonic clock in nanoseconds, for latencies. */
uint64_t metrics_now_ns(void);

/* Give e its per-rule and per-category counters, starting from those of
 * prev (may be NULL) for rule ids and categories that exist in both. */
int	metrics_attach(struct engine *e, const struct engine *prev);

/* One checked comment (socket or HTTP). */
void	metrics_decision(const struct engine *e, const struct check_scratch *cs,
	    bool dry_run, uint64_t latency_ns);
/* A protocol error answered on the HTTP listener (the socket's are in the
 * server's own statistics). */
void	metrics_http_error(int code);
void	metrics_http_request(void);
void	metrics_reload(bool ok);
unsigned long long metrics_decisions_total(void);

/* The whole exposition, text format 0.0.4. stats is the server's
 * {"op":"stats"} object (errors, connections); e the engine in use. */
int	metrics_render(struct evbuffer *out, const struct engine *e,
	    json_t *stats, int nworkers);

#endif
