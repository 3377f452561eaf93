/* metrics: the Prometheus exposition of GET /metrics, rendered from the
 * same summed counters that {"op":"stats"} answers (stats.h), so the two
 * always agree; and the counting calls of the HTTP listener, which count
 * into the server's shared shard. */
#ifndef DECORUM_METRICS_H
#define DECORUM_METRICS_H

#include <event2/buffer.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine.h"

struct stats;

/* Monotonic clock in nanoseconds, for latencies. */
uint64_t metrics_now_ns(void);

/* The shard the calls below count into (the server's shared one, set at
 * start); NULL: they count nothing. */
void	metrics_use(struct stats *shared);

/* One checked comment (HTTP; the socket counts through stats_decided). */
void	metrics_decision(const struct engine *e, const struct check_scratch *cs,
	    bool dry_run, uint64_t latency_ns);
/* A protocol error answered on the HTTP listener. */
void	metrics_http_error(int code);
void	metrics_http_request(void);

/* The whole exposition, text format 0.0.4. stats is the {"op":"stats"}
 * object (every counter comes from it); e the engine in use, for the
 * rules and categories that have not counted anything yet. */
int	metrics_render(struct evbuffer *out, const struct engine *e,
	    json_t *stats, int nworkers);

#endif
