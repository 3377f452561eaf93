/*
 * stats: the daemon's one set of counters, as memcached keeps its
 * per-thread stats. Every thread that counts owns a shard (struct stats)
 * and writes it without locks, with relaxed atomics on its own cache
 * lines; stats_sum_json() adds all shards up into one JSON object. That
 * object is what {"op":"stats"} answers and what /metrics renders
 * (metrics_render), so the two cannot disagree.
 *
 * Per-rule and per-category counters are keyed by name, not by an
 * engine's rule numbers: a reload may add, drop or reorder rules, and a
 * rule keeps its count by its id. Each shard has an index from the rule
 * numbers of the engine it last counted for to its counters, rebuilt (under
 * the shard's lock, which also guards the tables' shape against a reader)
 * when it meets a new engine. The tables only grow.
 */
#ifndef DECORUM_STATS_H
#define DECORUM_STATS_H

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine.h"
#include "request.h"

/* Upper bounds of the latency histogram, in seconds. */
#define STATS_NBUCKETS	13
extern const double stats_buckets[STATS_NBUCKETS];

struct named_count {
	char		*name;
	char		*category;	/* rules: the category it was last in */
	bool		 shadow;	/* rules: its mode when last loaded */
	atomic_ullong	 n[2];	/* rules: hits, shadow hits;
				 * categories: review, reject */
};

struct count_table {
	struct named_count **v;
	size_t		 n, cap;
	struct named_count **by_index;	/* [engine's rules or categories] */
	size_t		 nby;
};

struct stats {
	pthread_mutex_t	 lock;		/* the tables' shape */
	atomic_ullong	 decisions[3];	/* by enum decision, dry runs apart */
	atomic_ullong	 dry_runs[3];
	atomic_ullong	 errors[ERR_INTERNAL + 1];
	atomic_ullong	 connections;	/* accepted since start */
	atomic_ullong	 http_requests;
	atomic_ullong	 latency[STATS_NBUCKETS + 1];	/* last: +Inf */
	atomic_ullong	 latency_ns;
	struct count_table rules, cats;
	char		 version[24];	/* the engine the indexes are for */
	uint8_t		*seen;		/* [its rules]: counted this comment */
};

void	stats_init(struct stats *st);
void	stats_destroy(struct stats *st);

/* One checked comment: decision (or dry run), latency, and unless a dry
 * run the categories that reached a threshold and the rules behind it. */
void	stats_count_decision(struct stats *st, const struct engine *e,
	    const struct check_scratch *cs, bool dry_run, uint64_t latency_ns);
void	stats_count_error(struct stats *st, enum err_code code);
void	stats_count_connection(struct stats *st);
void	stats_count_http_request(struct stats *st);

/* Add the counters of n shards to o: decisions, dry_runs,
 * dry_run_decisions, errors, connections_accepted, http_requests,
 * request_duration, categories, rules. -1 when out of memory. */
int	stats_sum_json(json_t *o, struct stats *const *shards, size_t n);
unsigned long long stats_sum_decisions(struct stats *const *shards, size_t n);

void	count_free(struct count_table *t);

#endif
