/* stats: the counters behind {"op":"stats"} and /metrics, kept per thread
 * (stats.h) and summed on demand. */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "reply.h"
#include "server_impl.h"

const double stats_buckets[STATS_NBUCKETS] = { 0.00001, 0.000025, 0.00005,
	0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1.0 };

static const char *const decision_names[] = { "accept", "review", "reject" };

void
stats_init(struct stats *st)
{
	memset(st, 0, sizeof(*st));
	pthread_mutex_init(&st->lock, NULL);
}

void
count_free(struct count_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i]->name);
		free(t->v[i]->category);
		free(t->v[i]);
	}
	free(t->v);
	free(t->by_index);
	memset(t, 0, sizeof(*t));
}

void
stats_destroy(struct stats *st)
{
	count_free(&st->rules);
	count_free(&st->cats);
	free(st->seen);
	pthread_mutex_destroy(&st->lock);
}

/* The counter named name, added when missing; NULL when out of memory.
 * The shard's lock is held. */
static struct named_count *
count_find(struct count_table *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i]->name, name) == 0)
			return t->v[i];
	if (t->n == t->cap) {
		size_t ncap = t->cap ? t->cap * 2 : 64;
		struct named_count **nv = realloc(t->v, ncap * sizeof(*nv));
		if (nv == NULL)
			return NULL;
		t->v = nv;
		t->cap = ncap;
	}
	struct named_count *c = calloc(1, sizeof(*c));
	if (c == NULL || (c->name = strdup(name)) == NULL) {
		free(c);
		return NULL;
	}
	t->v[t->n++] = c;
	return c;
}

/* Point the table's index at the rules (rules true) or categories of a
 * new engine. The shard's lock is held. */
static int
count_index(struct count_table *t, const struct rulebook *rb, bool rules)
{
	size_t n = rules ? rules_count(rb) : rules_category_count(rb);
	struct named_count **idx = calloc(n + 1, sizeof(*idx));

	if (idx == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *name = rules ? rules_id(rb, (uint32_t)i) :
		    rules_category_name(rb, (uint32_t)i);
		/* a reload mostly keeps the rules in their order */
		if (i < t->nby && t->by_index != NULL &&
		    strcmp(t->by_index[i]->name, name) == 0)
			idx[i] = t->by_index[i];
		else if ((idx[i] = count_find(t, name)) == NULL)
			goto fail;
		if (!rules)
			continue;
		const char *cat = rules_category_name(rb,
		    rules_category_of(rb, (uint32_t)i));
		if (idx[i]->category == NULL || strcmp(idx[i]->category, cat)) {
			char *dup = strdup(cat);
			if (dup == NULL)
				goto fail;
			free(idx[i]->category);
			idx[i]->category = dup;
		}
		idx[i]->shadow = rules_is_shadow(rb, (uint32_t)i);
	}
	free(t->by_index);
	t->by_index = idx;
	t->nby = n;
	return 0;
fail:
	free(idx);
	return -1;
}

/* Index the shard for engine e (lock held); -1 when out of memory. */
static int
stats_index(struct stats *st, const struct engine *e)
{
	uint8_t *seen = calloc(rules_count(e->rb) + 1, 1);

	if (seen == NULL || count_index(&st->rules, e->rb, true) == -1 ||
	    count_index(&st->cats, e->rb, false) == -1) {
		free(seen);
		/* try again on the next comment */
		st->version[0] = '\0';
		return -1;
	}
	free(st->seen);
	st->seen = seen;
	snprintf(st->version, sizeof(st->version), "%s", e->version);
	return 0;
}

/* Count one decided comment (not a dry run) by category and rule. */
static void
stats_count_named(struct stats *st, const struct engine *e,
    const struct check_scratch *cs)
{
	const struct rulebook	*rb = e->rb;
	const struct verdict	*v = &cs->v;

	if (strcmp(st->version, e->version) != 0) {
		pthread_mutex_lock(&st->lock);
		int rc = stats_index(st, e);
		pthread_mutex_unlock(&st->lock);
		if (rc == -1)
			return;
	}
	for (size_t c = 0; c < rules_category_count(rb); c++)
		if (v->cat_state[c] == DECISION_REVIEW ||
		    v->cat_state[c] == DECISION_REJECT)
			atomic_fetch_add_explicit(&st->cats.by_index[c]->n[
			    v->cat_state[c] == DECISION_REJECT], 1,
			    memory_order_relaxed);
	/* each rule once per comment, however often it matched */
	for (int pass = 0; pass < 2; pass++) {
		const uint32_t *idx = pass == 0 ? v->reasons : v->shadow;
		size_t n = pass == 0 ? v->nreasons : v->nshadow;
		for (size_t i = 0; i < n; i++) {
			uint32_t r = cs->ms.hits[idx[i]].rule;
			if (st->seen[r])
				continue;
			st->seen[r] = 1;
			atomic_fetch_add_explicit(&st->rules.by_index[r]->n[pass],
			    1, memory_order_relaxed);
		}
		for (size_t i = 0; i < n; i++)
			st->seen[cs->ms.hits[idx[i]].rule] = 0;
	}
}

void
stats_count_decision(struct stats *st, const struct engine *e,
    const struct check_scratch *cs, bool dry_run, uint64_t latency_ns)
{
	enum decision d = cs->v.decision;
	size_t b;

	for (b = 0; b < STATS_NBUCKETS; b++)
		if ((double)latency_ns <= stats_buckets[b] * 1e9)
			break;
	atomic_fetch_add_explicit(&st->latency[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&st->latency_ns, latency_ns,
	    memory_order_relaxed);
	if (dry_run) {
		atomic_fetch_add_explicit(&st->dry_runs[d], 1,
		    memory_order_relaxed);
	} else {
		atomic_fetch_add_explicit(&st->decisions[d], 1,
		    memory_order_relaxed);
		stats_count_named(st, e, cs);
	}
}

void
stats_count_error(struct stats *st, enum err_code code)
{
	if (code > ERR_NONE && code <= ERR_INTERNAL)
		atomic_fetch_add_explicit(&st->errors[code], 1,
		    memory_order_relaxed);
}

void
stats_count_connection(struct stats *st)
{
	atomic_fetch_add_explicit(&st->connections, 1, memory_order_relaxed);
}

void
stats_count_http_request(struct stats *st)
{
	atomic_fetch_add_explicit(&st->http_requests, 1, memory_order_relaxed);
}

/* Sum one counter over the shards. */
#define SUM(out, field) do {						\
	(out) = 0;							\
	for (size_t i_ = 0; i_ < n; i_++)				\
		(out) += atomic_load_explicit(&shards[i_]->field,	\
		    memory_order_relaxed);				\
} while (0)

/* {name: {k0: n, k1: n}} over the shards' tables, names whose counts are
 * all zero left out; rules also carry their category. */
static json_t *
named_json(struct stats *const *shards, size_t n, bool rules)
{
	const char *k0 = rules ? "hits" : "review";
	const char *k1 = rules ? "shadow" : "reject";
	json_t *o = json_object();

	for (size_t i = 0; o != NULL && i < n; i++) {
		struct stats *st = shards[i];
		pthread_mutex_lock(&st->lock);
		const struct count_table *t = rules ? &st->rules : &st->cats;
		for (size_t k = 0; k < t->n; k++) {
			const struct named_count *nc = t->v[k];
			unsigned long long a = atomic_load(&nc->n[0]);
			unsigned long long b = atomic_load(&nc->n[1]);
			if (a == 0 && b == 0)
				continue;
			json_t *c = json_object_get(o, nc->name);
			if (c == NULL) {
				c = json_pack("{sIsI}", k0, (json_int_t)0, k1,
				    (json_int_t)0);
				if (c == NULL || json_object_set_new(o,
				    nc->name, c) == -1)
					continue;
				if (rules && nc->category != NULL)
					json_object_set_new(c, "category",
					    json_string(nc->category));
			}
			json_object_set_new(c, k0, json_integer(json_integer_value(
			    json_object_get(c, k0)) + (json_int_t)a));
			json_object_set_new(c, k1, json_integer(json_integer_value(
			    json_object_get(c, k1)) + (json_int_t)b));
		}
		pthread_mutex_unlock(&st->lock);
	}
	return o;
}

int
stats_sum_json(json_t *o, struct stats *const *shards, size_t n)
{
	json_t *dec = json_object(), *dry = json_object(), *errs = json_object();
	json_t *dur = json_object(), *bk = json_object();
	unsigned long long v, total = 0;
	char le[32];

	if (dec == NULL || dry == NULL || errs == NULL || dur == NULL ||
	    bk == NULL) {
		json_decref(dec);
		json_decref(dry);
		json_decref(errs);
		json_decref(dur);
		json_decref(bk);
		return -1;
	}
	for (int d = 0; d < 3; d++) {
		SUM(v, decisions[d]);
		json_object_set_new(dec, decision_names[d],
		    json_integer((json_int_t)v));
		SUM(v, dry_runs[d]);
		json_object_set_new(dry, decision_names[d],
		    json_integer((json_int_t)v));
		total += v;
	}
	json_object_set_new(o, "decisions", dec);
	json_object_set_new(o, "dry_runs", json_integer((json_int_t)total));
	json_object_set_new(o, "dry_run_decisions", dry);
	for (int c = ERR_BAD_JSON; c <= ERR_INTERNAL; c++) {
		SUM(v, errors[c]);
		json_object_set_new(errs, err_code_name((enum err_code)c),
		    json_integer((json_int_t)v));
	}
	json_object_set_new(o, "errors", errs);
	SUM(v, connections);
	json_object_set_new(o, "connections_accepted", json_integer((json_int_t)v));
	SUM(v, http_requests);
	json_object_set_new(o, "http_requests", json_integer((json_int_t)v));
	/* cumulative, like the Prometheus histogram it becomes */
	total = 0;
	for (size_t b = 0; b <= STATS_NBUCKETS; b++) {
		SUM(v, latency[b]);
		total += v;
		if (b < STATS_NBUCKETS)
			snprintf(le, sizeof(le), "%g", stats_buckets[b]);
		else
			snprintf(le, sizeof(le), "+Inf");
		json_object_set_new(bk, le, json_integer((json_int_t)total));
	}
	json_object_set_new(dur, "buckets", bk);
	SUM(v, latency_ns);
	json_object_set_new(dur, "sum_ns", json_integer((json_int_t)v));
	json_object_set_new(dur, "count", json_integer((json_int_t)total));
	json_object_set_new(o, "request_duration", dur);
	json_object_set_new(o, "categories", named_json(shards, n, false));
	json_object_set_new(o, "rules", named_json(shards, n, true));
	return 0;
}

unsigned long long
stats_sum_decisions(struct stats *const *shards, size_t n)
{
	unsigned long long v, total = 0;

	for (int d = 0; d < 3; d++) {
		SUM(v, decisions[d]);
		total += v;
		SUM(v, dry_runs[d]);
		total += v;
	}
	return total;
}

/* ---- the server's shards: one per worker ---- */

/* The shards of s, in a caller's array of nworkers. */
static size_t
server_shards(struct server *s, struct stats **v)
{
	size_t n = 0;

	for (int i = 0; i < s->nworkers; i++)
		v[n++] = &s->workers[i].stats;
	return n;
}

unsigned long long
stats_decisions_total(struct server *s)
{
	struct stats *v[s->nworkers];

	return stats_sum_decisions(v, server_shards(s, v));
}

json_t *
stats_json(struct server *s, struct engine *e)
{
	struct stats *v[s->nworkers];
	size_t n = server_shards(s, v);
	json_t *o = json_object();

	(void)e;
	if (o == NULL)
		return NULL;
	json_object_set_new(o, "uptime", json_integer(time(NULL) - s->started));
	json_object_set_new(o, "start_time", json_integer(s->started));
	/* the reload outcome first, then the rules in place: a reload is
	 * recorded after its swap, so the two always agree */
	json_t *reload = reload_json(s);
	pthread_mutex_lock(&s->engine_lock);
	json_object_set_new(o, "rules_version", json_string(s->engine->version));
	pthread_mutex_unlock(&s->engine_lock);
	if (stats_sum_json(o, v, n) == -1) {
		json_decref(reload);
		json_decref(o);
		return NULL;
	}
	json_object_set_new(o, "connections",
	    json_integer(atomic_load(&s->nconns)));
	json_object_set_new(o, "workers", json_integer(s->nworkers));
	/* how the connections are spread (worker_take keeps it even) */
	json_t *per = json_array();
	for (int i = 0; per != NULL && i < s->nworkers; i++)
		json_array_append_new(per, json_integer(
		    atomic_load(&s->workers[i].nconns)));
	json_object_set_new(o, "worker_connections", per);
	json_object_set_new(o, "reload", reload);
	json_object_set_new(o, "pid", json_integer((json_int_t)getpid()));
	return o;
}

void
stats_decided(struct worker *w, const struct engine *e,
    const struct check_scratch *cs, bool dry_run, uint64_t latency_ns)
{
	stats_count_decision(&w->stats, e, cs, dry_run, latency_ns);
}

void
stats_error(struct worker *w, enum err_code code)
{
	stats_count_error(&w->stats, code);
}

void
stats_connection(struct worker *w)
{
	stats_count_connection(&w->stats);
}
