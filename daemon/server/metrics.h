/* metrics: the Prometheus exposition of GET /metrics, rendered from the
 * same summed counters that {"op":"stats"} answers (stats.h), so the two
 * always agree. */
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

/* The whole exposition, text format 0.0.4. stats is the {"op":"stats"}
 * object (every counter comes from it); e the engine in use, for the
 * rules and categories that have not counted anything yet. */
int	metrics_render(struct evbuffer *out, const struct engine *e,
	    json_t *stats, int nworkers);

#endif
