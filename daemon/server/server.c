#include "server.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <event2/thread.h>
#include <fcntl.h>
#include <grp.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <systemd/sd-daemon.h>
#include <time.h>
#include <unistd.h>

#include "declog.h"
#include "frame.h"
#include "http.h"
#include "log.h"
#include "metrics.h"
#include "reply.h"
#include "request.h"

/* Seconds a stopping daemon waits for clients to take their answers. */
#define SERVER_DRAIN_SECONDS	10

struct stats {
	atomic_ullong	 decisions[3];	/* by enum decision */
	atomic_ullong	 dry_runs;
	atomic_ullong	 errors[ERR_INTERNAL + 1];
	atomic_ullong	 connections;
};

/*
 * Decisions per category and per rule since start. Rule ids and
 * categories are names that outlive a reload (a reload may add, drop or
 * reorder rules), so the counters are keyed by name: each worker keeps
 * its own table (no cache line shared between workers), written only by
 * that worker with relaxed atomics, and an index from its current
 * engine's rule and category numbers to the counters, rebuilt when the
 * worker picks up a new engine. The table only grows; stats sums the
 * tables of all workers under each worker's stats_lock.
 */
struct named_count {
	char		*name;
	atomic_ullong	 n[2];	/* rules: hits, shadow hits;
				 * categories: review, reject */
};

struct count_table {
	struct named_count **v;
	size_t		 n, cap;
	struct named_count **by_index;	/* [engine's rules or categories] */
	size_t		 nby;
};

struct worker;

struct conn {
	TAILQ_ENTRY(conn) entry;
	struct worker	*w;
	struct bufferevent *bev;
	struct framer	 fr;
	unsigned	 unsent;	/* answers written since output was last empty */
	bool		 paused;	/* reading stopped for backpressure */
	bool		 closing;	/* answer what is buffered, then close */
	bool		 eof;		/* the client sent all it will send */
	/* input read after closing began: the bufferevent's own input
	 * buffer only takes what libevent itself reads */
	struct evbuffer	*tail;
};

struct worker {
	struct server	*srv;
	int		 index;
	pthread_t	 thread;
	struct event_base *base;
	struct evconnlistener *listener;
	struct event	*stop_ev;
	struct event	*resume_ev;
	struct event	*deadline_ev;
	struct event	*ping_ev;	/* liveness ping from the main thread */
	atomic_uint	 alive;		/* the last ping sequence answered */
	struct check_scratch cs;
	struct engine	*engine;
	unsigned	 engine_gen;
	TAILQ_HEAD(, conn) conns;
	bool		 stopping;
	struct stats	 stats;
	pthread_mutex_t	 stats_lock;	/* guards the tables' shape */
	struct count_table rule_counts, cat_counts;
	unsigned	 counts_gen;	/* engine_gen the indexes are for */
	uint8_t		*seen;		/* [nrules] scratch: rule counted */
};

struct server {
	struct server_opts opts;
	char		*path;		/* socket path we created, to unlink */
	int		 listen_fd;
	struct event_base *base;
	struct event	*sig_hup, *sig_term, *sig_int;
	struct event	*sig_usr1;	/* reopen the decision log */
	struct event	*tick_ev;	/* liveness pings, watchdog, STATUS= */
	atomic_uint	 ping_seq;
	bool		 watchdog;	/* WatchdogSec= is set */
	bool		 healthy;	/* every worker answered the last ping */
	time_t		 last_status;
	struct http	*http;		/* NULL unless http_listen is set */
	pthread_mutex_t	 engine_lock;
	struct engine	*engine;	/* guarded by engine_lock */
	atomic_uint	 engine_gen;
	unsigned	 generation;
	struct worker	*workers;
	int		 nworkers;
	atomic_uint	 nconns;
	unsigned	 max_connections;
	size_t		 max_request_bytes, max_text_bytes;
	unsigned	 max_pipeline, idle_timeout, write_timeout;
	time_t		 started;
	/* the last reload, for stats and `decorumctl reload` */
	pthread_mutex_t	 reload_lock;
	unsigned long	 reloads, reloads_failed;
	bool		 reload_ok;
	time_t		 reload_time;
	json_t		*reload_errors, *reload_warnings;	/* arrays */
};

static void conn_process(struct conn *c);

/* The engine a worker should use now: picks up a reload lazily. */
static struct engine *
worker_engine(struct worker *w)
{
	struct server *s = w->srv;
	unsigned gen = atomic_load_explicit(&s->engine_gen, memory_order_acquire);

	if (gen != w->engine_gen || w->engine == NULL) {
		pthread_mutex_lock(&s->engine_lock);
		struct engine *e = engine_ref(s->engine);
		gen = atomic_load(&s->engine_gen);
		pthread_mutex_unlock(&s->engine_lock);
		bool swapped = w->engine != NULL;
		engine_unref(w->engine);
		w->engine = e;
		w->engine_gen = gen;
		/* give back what the old engine leaves behind (once per reload
		 * and worker): PCRE2 keeps freed JIT code pages for reuse and
		 * malloc keeps freed heap, so reloads under load would ratchet
		 * RSS up with engines that overlapped in time */
		if (swapped) {
			pcre2_jit_free_unused_memory(NULL);
			malloc_trim(0);
		}
	}
	return w->engine;
}

static int
out_add(const char *buf, size_t size, void *ctx)
{
	return evbuffer_add(ctx, buf, size);
}

static void
conn_answer(struct conn *c, json_t *obj)
{
	struct evbuffer *out = bufferevent_get_output(c->bev);

	if (obj == NULL || reply_dump(obj, out_add, out) == -1) {
		/* the answer could not be built: still one line, never none */
		evbuffer_add_printf(out, "{\"id\":null,\"error\":{\"code\":\"internal\","
		    "\"message\":\"out of memory building the answer\"}}\n");
		atomic_fetch_add_explicit(&c->w->stats.errors[ERR_INTERNAL], 1,
		    memory_order_relaxed);
	}
	c->unsent++;
}

static void
conn_error(struct conn *c, json_t *id, enum err_code code, const char *msg)
{
	atomic_fetch_add_explicit(&c->w->stats.errors[code], 1,
	    memory_order_relaxed);
	conn_answer(c, reply_error(id, code, msg));
}

/* The counter named name, added when missing; NULL when out of memory.
 * Called by the owning worker with its stats_lock held. */
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

/* Point the table's index at the names of a new engine. */
static int
count_index(struct count_table *t, const struct rulebook *rb,
    const char *(*name_of)(const struct rulebook *, uint32_t), size_t n)
{
	struct named_count **idx = calloc(n + 1, sizeof(*idx));

	if (idx == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *name = name_of(rb, (uint32_t)i);
		/* a reload mostly keeps the rules in their order */
		if (i < t->nby && t->by_index != NULL &&
		    strcmp(t->by_index[i]->name, name) == 0) {
			idx[i] = t->by_index[i];
			continue;
		}
		if ((idx[i] = count_find(t, name)) == NULL) {
			free(idx);
			return -1;
		}
	}
	free(t->by_index);
	t->by_index = idx;
	t->nby = n;
	return 0;
}

static void
count_free(struct count_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i]->name);
		free(t->v[i]);
	}
	free(t->v);
	free(t->by_index);
	memset(t, 0, sizeof(*t));
}

/* Count one decided comment (not a dry run) by category and rule. */
static void
stats_count(struct worker *w, const struct engine *e,
    const struct check_scratch *cs)
{
	const struct rulebook	*rb = e->rb;
	const struct verdict	*v = &cs->v;

	if (w->counts_gen != w->engine_gen || w->rule_counts.by_index == NULL) {
		pthread_mutex_lock(&w->stats_lock);
		uint8_t *seen = calloc(rules_count(rb) + 1, 1);
		int rc = seen == NULL ? -1 :
		    count_index(&w->rule_counts, rb, rules_id, rules_count(rb));
		if (rc == 0)
			rc = count_index(&w->cat_counts, rb, rules_category_name,
			    rules_category_count(rb));
		pthread_mutex_unlock(&w->stats_lock);
		free(w->seen);
		w->seen = seen;
		if (rc == -1) {
			/* out of memory: try again on the next comment */
			free(w->rule_counts.by_index);
			w->rule_counts.by_index = NULL;
			w->rule_counts.nby = 0;
			return;
		}
		w->counts_gen = w->engine_gen;
	}
	for (size_t c = 0; c < rules_category_count(rb); c++)
		if (v->cat_state[c] == DECISION_REVIEW ||
		    v->cat_state[c] == DECISION_REJECT)
			atomic_fetch_add_explicit(&w->cat_counts.by_index[c]->n[
			    v->cat_state[c] == DECISION_REJECT], 1,
			    memory_order_relaxed);
	/* each rule once per comment, however often it matched */
	for (int pass = 0; pass < 2; pass++) {
		const uint32_t *idx = pass == 0 ? v->reasons : v->shadow;
		size_t n = pass == 0 ? v->nreasons : v->nshadow;
		for (size_t i = 0; i < n; i++) {
			uint32_t r = cs->ms.hits[idx[i]].rule;
			if (w->seen[r])
				continue;
			w->seen[r] = 1;
			atomic_fetch_add_explicit(&w->rule_counts.by_index[r]->n[pass],
			    1, memory_order_relaxed);
		}
		for (size_t i = 0; i < n; i++)
			w->seen[cs->ms.hits[idx[i]].rule] = 0;
	}
}

/* Sum the named counters of every worker into {name: {k0: n, k1: n}},
 * leaving out names whose counts are all zero. */
static json_t *
counts_json(struct server *s, size_t which, const char *k0, const char *k1)
{
	json_t *o = json_object();

	for (int i = 0; o != NULL && i < s->nworkers; i++) {
		struct worker *w = &s->workers[i];
		pthread_mutex_lock(&w->stats_lock);
		const struct count_table *t = which == 0 ? &w->rule_counts :
		    &w->cat_counts;
		for (size_t k = 0; k < t->n; k++) {
			unsigned long long a = atomic_load(&t->v[k]->n[0]);
			unsigned long long b = atomic_load(&t->v[k]->n[1]);
			if (a == 0 && b == 0)
				continue;
			json_t *c = json_object_get(o, t->v[k]->name);
			if (c == NULL) {
				c = json_pack("{sIsI}", k0, (json_int_t)0, k1,
				    (json_int_t)0);
				if (c == NULL || json_object_set_new(o,
				    t->v[k]->name, c) == -1)
					continue;
			}
			json_object_set_new(c, k0, json_integer(json_integer_value(
			    json_object_get(c, k0)) + (json_int_t)a));
			json_object_set_new(c, k1, json_integer(json_integer_value(
			    json_object_get(c, k1)) + (json_int_t)b));
		}
		pthread_mutex_unlock(&w->stats_lock);
	}
	return o;
}

/* Keep the outcome of a reload (its error and warning lines) for stats. */
static void
reload_record(struct server *s, const struct diag *d, bool ok)
{
	json_t *errs = json_array(), *warns = json_array();

	for (size_t i = 0; i < d->count && errs != NULL && warns != NULL; i++)
		json_array_append_new(d->items[i].severity == DIAG_ERROR ?
		    errs : warns, json_string(d->items[i].text));
	pthread_mutex_lock(&s->reload_lock);
	s->reloads++;
	if (!ok)
		s->reloads_failed++;
	s->reload_ok = ok;
	s->reload_time = time(NULL);
	json_decref(s->reload_errors);
	json_decref(s->reload_warnings);
	s->reload_errors = errs;
	s->reload_warnings = warns;
	pthread_mutex_unlock(&s->reload_lock);
}

static json_t *
reload_json(struct server *s)
{
	json_t *o;

	pthread_mutex_lock(&s->reload_lock);
	o = json_pack("{sIsI}", "count", (json_int_t)s->reloads,
	    "failed", (json_int_t)s->reloads_failed);
	if (o != NULL && s->reloads > 0) {
		json_object_set_new(o, "ok", json_boolean(s->reload_ok));
		json_object_set_new(o, "time", json_integer(s->reload_time));
		json_object_set_new(o, "errors", s->reload_errors ?
		    json_deep_copy(s->reload_errors) : json_array());
		json_object_set_new(o, "warnings", s->reload_warnings ?
		    json_deep_copy(s->reload_warnings) : json_array());
	}
	pthread_mutex_unlock(&s->reload_lock);
	return o;
}

static json_t *
stats_json(struct server *s, struct engine *e)
{
	static const char *const dnames[] = { "accept", "review", "reject" };
	json_t *o = json_object(), *dec = json_object(), *errs = json_object();
	unsigned long long v;

	if (o == NULL || dec == NULL || errs == NULL) {
		json_decref(o);
		json_decref(dec);
		json_decref(errs);
		return NULL;
	}
	for (int d = 0; d < 3; d++) {
		v = 0;
		for (int i = 0; i < s->nworkers; i++)
			v += atomic_load(&s->workers[i].stats.decisions[d]);
		json_object_set_new(dec, dnames[d], json_integer((json_int_t)v));
	}
	for (int c = ERR_BAD_JSON; c <= ERR_INTERNAL; c++) {
		v = 0;
		for (int i = 0; i < s->nworkers; i++)
			v += atomic_load(&s->workers[i].stats.errors[c]);
		json_object_set_new(errs, err_code_name((enum err_code)c),
		    json_integer((json_int_t)v));
	}
	v = 0;
	for (int i = 0; i < s->nworkers; i++)
		v += atomic_load(&s->workers[i].stats.dry_runs);
	json_object_set_new(o, "uptime", json_integer(time(NULL) - s->started));
	/* the reload outcome first, then the rules in place: a reload is
	 * recorded after its swap, so the two always agree */
	json_t *reload = reload_json(s);
	(void)e;
	pthread_mutex_lock(&s->engine_lock);
	json_object_set_new(o, "rules_version", json_string(s->engine->version));
	pthread_mutex_unlock(&s->engine_lock);
	json_object_set_new(o, "decisions", dec);
	json_object_set_new(o, "dry_runs", json_integer((json_int_t)v));
	json_object_set_new(o, "errors", errs);
	json_object_set_new(o, "connections",
	    json_integer(atomic_load(&s->nconns)));
	json_object_set_new(o, "categories",
	    counts_json(s, 1, "review", "reject"));
	json_object_set_new(o, "rules", counts_json(s, 0, "hits", "shadow"));
	json_object_set_new(o, "reload", reload);
	json_object_set_new(o, "pid", json_integer((json_int_t)getpid()));
	return o;
}

static json_t *
policies_json(struct engine *e)
{
	json_t *o = json_object(), *arr = json_array();

	if (o == NULL || arr == NULL) {
		json_decref(o);
		json_decref(arr);
		return NULL;
	}
	for (size_t i = 0; i < e->policies.n; i++) {
		const struct policy *p = &e->policies.v[i];
		json_t *po = json_object(), *sets = json_array();
		json_t *rej = json_object(), *rev = json_object();
		for (size_t k = 0; k < rules_set_count(e->rb); k++)
			if (p->sets[k])
				json_array_append_new(sets, json_string(
				    rules_set_name(e->rb, (uint32_t)k)));
		for (size_t c = 0; c < rules_category_count(e->rb); c++) {
			const char *cn = rules_category_name(e->rb, (uint32_t)c);
			if (p->reject_at[c] < 1e300)
				json_object_set_new(rej, cn,
				    json_real(p->reject_at[c]));
			if (p->review_at[c] < 1e300)
				json_object_set_new(rev, cn,
				    json_real(p->review_at[c]));
		}
		json_object_set_new(po, "name", json_string(p->name));
		if (p->extend)
			json_object_set_new(po, "extend", json_string(p->extend));
		json_object_set_new(po, "default", json_boolean(i == e->policies.def));
		json_object_set_new(po, "rulesets", sets);
		json_object_set_new(po, "reject_at", rej);
		json_object_set_new(po, "review_at", rev);
		json_array_append_new(arr, po);
	}
	json_object_set_new(o, "policies", arr);
	json_object_set_new(o, "rules_version", json_string(e->version));
	return o;
}

/* A regex that hit its PCRE2 limit held the comment for review: name the
 * rule (never the text) so the admin can fix it, at most once a second. */
static void
log_regex_limits(const struct engine *e, const struct check_scratch *cs)
{
	static _Atomic time_t last;

	for (size_t i = 0; i < cs->ms.nhits; i++) {
		if (!cs->ms.hits[i].limit)
			continue;
		time_t now = time(NULL), prev = atomic_load(&last);
		if (now != prev && atomic_compare_exchange_strong(&last, &prev, now))
			log_warn("rule %s hit its PCRE2 limit (regex_match_limit, "
			    "regex_depth_limit or regex_heap_limit_kb); the comment "
			    "is held for review", rules_id(e->rb, cs->ms.hits[i].rule));
		return;
	}
}

static void
conn_request(struct conn *c, const char *line, size_t len)
{
	struct worker		*w = c->w;
	struct server		*s = w->srv;
	struct request		 r;
	struct request_error	 err;
	struct engine		*e;

	uint64_t		 t0 = metrics_now_ns();

	if (request_parse(&r, line, len, s->max_text_bytes, &err) == -1) {
		conn_error(c, r.id, err.code, err.message);
		request_clear(&r);
		return;
	}
	e = worker_engine(w);
	if (r.op == OP_STATS) {
		json_t *o = stats_json(s, e);
		if (o != NULL && r.id != NULL)
			json_object_set(o, "id", r.id);
		conn_answer(c, o);
		request_clear(&r);
		return;
	}
	if (r.op == OP_POLICIES) {
		json_t *o = policies_json(e);
		if (o != NULL && r.id != NULL)
			json_object_set(o, "id", r.id);
		conn_answer(c, o);
		request_clear(&r);
		return;
	}
	const struct policy *p = policies_find(&e->policies, r.policy);
	if (p == NULL) {
		char msg[160];
		snprintf(msg, sizeof(msg), "no policy named \"%.64s\"", r.policy);
		conn_error(c, r.id, ERR_UNKNOWN_POLICY, msg);
		request_clear(&r);
		return;
	}
	if (engine_check(e, p, &w->cs, r.text, r.text_len) == -1) {
		conn_error(c, r.id, ERR_INTERNAL, "out of memory checking the comment");
		request_clear(&r);
		return;
	}
	log_regex_limits(e, &w->cs);
	uint64_t lat = metrics_now_ns() - t0;
	metrics_decision(e, &w->cs, r.dry_run, lat);
	declog_decision(e, p, &w->cs, r.id, r.text, r.text_len, r.dry_run, lat,
	    NULL);
	if (r.dry_run)
		atomic_fetch_add_explicit(&w->stats.dry_runs, 1, memory_order_relaxed);
	else {
		atomic_fetch_add_explicit(&w->stats.decisions[w->cs.v.decision], 1,
		    memory_order_relaxed);
		stats_count(w, e, &w->cs);
	}
	if (log_enabled(LOG_LEVEL_DEBUG))
		log_debug("decision %s policy=%s text=\"%.*s\"",
		    decision_name(w->cs.v.decision), p->name,
		    (int)(r.text_len > 200 ? 200 : r.text_len), r.text);
	conn_answer(c, reply_verdict(e, p, &w->cs, r.id, r.text, r.dry_run));
	request_clear(&r);
}

static void
conn_free(struct conn *c)
{
	struct worker *w = c->w;

	TAILQ_REMOVE(&w->conns, c, entry);
	bufferevent_free(c->bev);
	if (c->tail != NULL)
		evbuffer_free(c->tail);
	free(c);
	atomic_fetch_sub(&w->srv->nconns, 1);
	if (w->stopping && TAILQ_EMPTY(&w->conns))
		event_base_loopexit(w->base, NULL);
}

/* Answer complete lines until the input is empty or too many answers are
 * waiting for the client to read them. */
static void
conn_process(struct conn *c)
{
	struct evbuffer	*in = c->tail ? c->tail : bufferevent_get_input(c->bev);
	const char	*line;
	size_t		 len;
	enum frame_result fr;
	char		 msg[128];

	while (c->closing || c->unsent < c->w->srv->max_pipeline) {
		fr = frame_next(&c->fr, in, &line, &len);
		if (fr == FRAME_NONE)
			break;
		if (fr == FRAME_TOO_LARGE) {
			snprintf(msg, sizeof(msg),
			    "request line is longer than max_request_bytes (%zu)",
			    c->w->srv->max_request_bytes);
			conn_error(c, NULL, ERR_TOO_LARGE, msg);
			continue;
		}
		if (len == 0 || strspn(line, " \t\r") >= len) {
			conn_error(c, NULL, ERR_BAD_JSON, "empty request line");
			continue;
		}
		conn_request(c, line, len);
	}
	if (!c->closing && c->unsent >= c->w->srv->max_pipeline && !c->paused) {
		/* backpressure: the client must read before it may send more */
		bufferevent_disable(c->bev, EV_READ);
		c->paused = true;
	}
}

/* A closing connection whose answers are all written: take what the
 * client had already sent (it is in flight too), answer it, and close once
 * nothing is left. */
static void
conn_finish(struct conn *c)
{
	evutil_socket_t	 fd = bufferevent_getfd(c->bev);
	char		 buf[16384];
	ssize_t		 n = 0;

	if (c->tail == NULL) {
		/* the framer's positions stay valid: only the buffer changes */
		if ((c->tail = evbuffer_new()) == NULL) {
			conn_free(c);
			return;
		}
		evbuffer_remove_buffer(bufferevent_get_input(c->bev), c->tail,
		    evbuffer_get_length(bufferevent_get_input(c->bev)));
	}
	struct evbuffer *in = c->tail;
	while (!c->eof && (n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT)) > 0)
		if (evbuffer_add(in, buf, (size_t)n) == -1)
			break;
	if (n == 0)
		c->eof = true;
	conn_process(c);
	size_t left = evbuffer_get_length(in);
	if (c->eof && left > 0 && !c->fr.skipping) {
		/* a last request without its newline */
		const char *line = (const char *)evbuffer_pullup(in, -1);
		if (line != NULL && left <= c->w->srv->max_request_bytes)
			conn_request(c, line, left);
		else
			conn_error(c, NULL, ERR_TOO_LARGE,
			    "request line is longer than max_request_bytes");
		evbuffer_drain(in, left);
	} else if (c->eof) {
		evbuffer_drain(in, left);
	}
	if (evbuffer_get_length(bufferevent_get_output(c->bev)) == 0)
		conn_free(c);
}

static void
conn_on_read(struct bufferevent *bev, void *arg)
{
	(void)bev;
	conn_process(arg);
}

static void
conn_on_write(struct bufferevent *bev, void *arg)
{
	struct conn *c = arg;

	(void)bev;
	c->unsent = 0;		/* the output buffer is empty */
	if (c->closing) {
		conn_finish(c);
		return;
	}
	if (c->paused) {
		c->paused = false;
		conn_process(c);
		if (!c->paused)
			bufferevent_enable(c->bev, EV_READ);
	}
}

static void
conn_close_after_answers(struct conn *c)
{
	c->closing = true;
	bufferevent_disable(c->bev, EV_READ);
	conn_process(c);
	if (evbuffer_get_length(bufferevent_get_output(c->bev)) == 0)
		conn_finish(c);
}

static void
conn_on_event(struct bufferevent *bev, short what, void *arg)
{
	struct conn *c = arg;

	(void)bev;
	if (what & BEV_EVENT_EOF) {
		/* the client is done sending: answer what it sent, even a last
		 * line without its newline, then close */
		c->eof = true;
		conn_close_after_answers(c);
		return;
	}
	if (what & BEV_EVENT_TIMEOUT)
		log_debug("connection closed: %s timeout",
		    (what & BEV_EVENT_READING) ? "idle" : "write");
	else if (what & BEV_EVENT_ERROR)
		log_debug("connection closed: %s", strerror(errno));
	conn_free(c);
}

static bool
id_listed(const struct id_list *l, unsigned id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == id)
			return true;
	return false;
}

/* allowed_uids / allowed_gids (from the current configuration, so a
 * reload applies them): the peer's uid, primary gid or one of its
 * supplementary groups must be listed. Empty lists let everyone in. */
static bool
peer_allowed(struct worker *w, evutil_socket_t fd)
{
	const struct config *cfg = &worker_engine(w)->cfg;
	struct ucred	 cr;
	socklen_t	 len = sizeof(cr);
	bool		 ok = false;

	if (cfg->allowed_uids.n == 0 && cfg->allowed_gids.n == 0)
		return true;
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &len) == -1 ||
	    len != sizeof(cr)) {
		log_warn("connection refused: cannot read its credentials: %s",
		    strerror(errno));
		return false;
	}
	ok = id_listed(&cfg->allowed_uids, cr.uid) ||
	    id_listed(&cfg->allowed_gids, cr.gid);
#ifdef SO_PEERGROUPS
	if (!ok && cfg->allowed_gids.n > 0) {
		gid_t	 few[64], *g = few;
		socklen_t glen = sizeof(few);
		int	 rc = getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, g, &glen);
		if (rc == -1 && errno == ERANGE && glen > sizeof(few) &&
		    (g = malloc(glen)) != NULL)
			rc = getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, g, &glen);
		for (size_t i = 0; rc == 0 && g != NULL &&
		    i < glen / sizeof(gid_t) && !ok; i++)
			ok = id_listed(&cfg->allowed_gids, g[i]);
		if (g != few)
			free(g);
	}
#endif
	if (!ok) {
		/* at most one line a second: a local user must not flood logs */
		static _Atomic time_t last;
		time_t now = time(NULL), prev = atomic_load(&last);
		if (now != prev && atomic_compare_exchange_strong(&last, &prev, now))
			log_warn("connection refused: pid %ld uid %u gid %u is not "
			    "in allowed_uids/allowed_gids", (long)cr.pid,
			    (unsigned)cr.uid, (unsigned)cr.gid);
	}
	return ok;
}

/* Set up a connection on an accepted socket; NULL (socket closed) when
 * the peer is not allowed, the connection limit is reached or memory
 * runs out. */
static struct conn *
conn_new(struct worker *w, evutil_socket_t fd)
{
	struct server	*s = w->srv;
	struct conn	*c;

	if (!peer_allowed(w, fd)) {
		/* like a socket file mode that keeps it out: no answer at all */
		close(fd);
		return NULL;
	}
	if (atomic_fetch_add(&s->nconns, 1) >= s->max_connections) {
		static const char busy[] = "{\"id\":null,\"error\":{\"code\":"
		    "\"overloaded\",\"message\":\"too many connections\"}}\n";
		atomic_fetch_sub(&s->nconns, 1);
		atomic_fetch_add(&w->stats.errors[ERR_OVERLOADED], 1);
		(void)!send(fd, busy, sizeof(busy) - 1, MSG_DONTWAIT | MSG_NOSIGNAL);
		close(fd);
		return NULL;
	}
	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->bev = bufferevent_socket_new(w->base, fd,
	    BEV_OPT_CLOSE_ON_FREE)) == NULL) {
		log_error("cannot set up a connection: out of memory");
		free(c);
		close(fd);
		atomic_fetch_sub(&s->nconns, 1);
		return NULL;
	}
	c->w = w;
	frame_init(&c->fr, s->max_request_bytes);
	TAILQ_INSERT_TAIL(&w->conns, c, entry);
	atomic_fetch_add_explicit(&w->stats.connections, 1, memory_order_relaxed);
	struct timeval rt = { (time_t)s->idle_timeout, 0 };
	struct timeval wt = { (time_t)s->write_timeout, 0 };
	bufferevent_set_timeouts(c->bev, s->idle_timeout ? &rt : NULL, &wt);
	bufferevent_setcb(c->bev, conn_on_read, conn_on_write, conn_on_event, c);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);
	return c;
}

static void
worker_on_accept(struct evconnlistener *l, evutil_socket_t fd,
    struct sockaddr *sa, int salen, void *arg)
{
	(void)l;
	(void)sa;
	(void)salen;
	conn_new(arg, fd);
}

static void
worker_on_resume(evutil_socket_t fd, short what, void *arg)
{
	struct worker *w = arg;

	(void)fd;
	(void)what;
	if (!w->stopping) {
		log_info("accepting connections again");
		evconnlistener_enable(w->listener);
	}
}

static void
worker_on_accept_error(struct evconnlistener *l, void *arg)
{
	struct worker *w = arg;
	int err = EVUTIL_SOCKET_ERROR();
	struct timeval tv = { 1, 0 };

	/* out of file descriptors: pause accepting instead of spinning */
	log_warn("accept failed: %s; pausing new connections for 1s",
	    evutil_socket_error_to_string(err));
	evconnlistener_disable(l);
	evtimer_add(w->resume_ev, &tv);
}

static void
worker_on_deadline(evutil_socket_t fd, short what, void *arg)
{
	struct worker *w = arg;

	(void)fd;
	(void)what;
	log_warn("worker %d: clients did not read their answers in %ds, closing",
	    w->index, SERVER_DRAIN_SECONDS);
	event_base_loopexit(w->base, NULL);
}

static void
worker_on_stop(evutil_socket_t fd, short what, void *arg)
{
	struct worker	*w = arg;
	struct conn	*c, *next;
	struct timeval	 tv = { SERVER_DRAIN_SECONDS, 0 };

	(void)fd;
	(void)what;
	w->stopping = true;
	evconnlistener_disable(w->listener);
	evtimer_del(w->resume_ev);
	/* clients whose connect() already succeeded sit in the backlog with
	 * their requests sent: they are in flight too */
	int cfd;
	while ((cfd = accept4(w->srv->listen_fd, NULL, NULL,
	    SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0)
		conn_new(w, cfd);
	for (c = TAILQ_FIRST(&w->conns); c != NULL; c = next) {
		next = TAILQ_NEXT(c, entry);
		conn_close_after_answers(c);
	}
	if (TAILQ_EMPTY(&w->conns))
		event_base_loopexit(w->base, NULL);
	else
		evtimer_add(w->deadline_ev, &tv);
}

/* The main thread's liveness ping: answering it proves this worker's loop
 * turns. */
static void
worker_on_ping(evutil_socket_t fd, short what, void *arg)
{
	struct worker *w = arg;

	(void)fd;
	(void)what;
	atomic_store(&w->alive, atomic_load(&w->srv->ping_seq));
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;

	event_base_dispatch(w->base);
	return NULL;
}

static void
worker_cleanup(struct worker *w)
{
	struct conn *c;

	while ((c = TAILQ_FIRST(&w->conns)) != NULL) {
		TAILQ_REMOVE(&w->conns, c, entry);
		bufferevent_free(c->bev);
		free(c);
	}
	if (w->listener)
		evconnlistener_free(w->listener);
	if (w->stop_ev)
		event_free(w->stop_ev);
	if (w->resume_ev)
		event_free(w->resume_ev);
	if (w->deadline_ev)
		event_free(w->deadline_ev);
	if (w->ping_ev)
		event_free(w->ping_ev);
	if (w->base)
		event_base_free(w->base);
	check_scratch_free(&w->cs);
	engine_unref(w->engine);
	count_free(&w->rule_counts);
	count_free(&w->cat_counts);
	free(w->seen);
	pthread_mutex_destroy(&w->stats_lock);
}

/* Create the listening socket, refusing to steal a live one. */
static int
socket_create(struct server *s, const char *path, unsigned mode,
    const char *group)
{
	struct sockaddr_un	 sun;
	int			 fd;
	mode_t			 old;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path)) {
		log_error("socket path too long (%zu bytes, at most %zu): %s",
		    strlen(path), sizeof(sun.sun_path) - 1, path);
		return -1;
	}
	strcpy(sun.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1) {
		log_error("socket: %s", strerror(errno));
		return -1;
	}
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
		log_error("%s: another decorumd is already listening there", path);
		close(fd);
		return -1;
	}
	if (errno == ECONNREFUSED) {
		/* a stale socket from a run that did not clean up */
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode))
			unlink(path);
	}
	close(fd);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
	    0)) == -1) {
		log_error("socket: %s", strerror(errno));
		return -1;
	}
	/* the socket must never exist with looser permissions than asked */
	old = umask(0777 & ~(mode_t)mode);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1) {
		umask(old);
		log_error("bind %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	umask(old);
	if (chmod(path, (mode_t)mode) == -1) {
		log_error("chmod %s: %s", path, strerror(errno));
		goto fail;
	}
	if (group != NULL && group[0] != '\0') {
		struct group *gr = getgrnam(group);
		if (gr == NULL) {
			log_error("socket_group: no group named '%s'", group);
			goto fail;
		}
		if (chown(path, (uid_t)-1, gr->gr_gid) == -1) {
			log_error("chown %s to group %s: %s", path, group,
			    strerror(errno));
			goto fail;
		}
	}
	if (listen(fd, 1024) == -1) {
		log_error("listen %s: %s", path, strerror(errno));
		goto fail;
	}
	if ((s->path = strdup(path)) == NULL)
		goto fail;
	return fd;
fail:
	unlink(path);
	close(fd);
	return -1;
}

static void
server_reload(struct server *s)
{
	struct diag		 d;
	struct engine		*e, *old;
	struct engine_opts	 eo = s->opts.engine;

	sd_notify(0, "RELOADING=1");
	diag_init(&d);
	eo.generation = s->generation + 1;
	if ((e = engine_load(&eo, &d)) == NULL) {
		diag_log(&d);
		reload_record(s, &d, false);
		log_error("reload failed with %zu error(s); rules version %u "
		    "keeps serving", d.errors, s->generation);
		diag_free(&d);
		metrics_reload(false);
		sd_notifyf(0, "READY=1\nSTATUS=reload failed; rules version %u; "
		    "%llu decisions", s->generation, metrics_decisions_total());
		return;
	}
	diag_log(&d);
	/* per-rule counters carry over to the rules of the same id */
	if (metrics_attach(e, s->engine) == -1)
		log_warn("out of memory for the rule counters; /metrics lacks them");
	if (declog_configure(e->cfg.decision_log, e->cfg.decision_log_text) == -1)
		log_warn("decision_log: keeping the previous decision log");
	metrics_reload(true);
	s->generation++;
	pthread_mutex_lock(&s->engine_lock);
	old = s->engine;
	s->engine = e;
	atomic_fetch_add_explicit(&s->engine_gen, 1, memory_order_release);
	pthread_mutex_unlock(&s->engine_lock);
	engine_unref(old);
	/* recorded once the new rules are in place: whoever sees the reload
	 * count move sees the new rules_version in the same stats */
	reload_record(s, &d, true);
	diag_free(&d);
	log_info("reloaded: rules version %s (%zu rule sets, %zu rules)",
	    e->version, rules_set_count(e->rb), rules_count(e->rb));
	sd_notifyf(0, "READY=1\nSTATUS=rules version %s; %llu decisions",
	    e->version, metrics_decisions_total());
}

static void
server_on_signal(evutil_socket_t sig, short what, void *arg)
{
	struct server *s = arg;

	(void)what;
	if (sig == SIGHUP) {
		log_info("SIGHUP: reloading configuration and rules");
		server_reload(s);
		return;
	}
	if (sig == SIGUSR1) {
		declog_reopen();
		return;
	}
	log_info("%s: finishing answers in flight, then exiting",
	    sig == SIGTERM ? "SIGTERM" : "SIGINT");
	/* new clients get "no such file" instead of a reset at exit */
	if (s->path != NULL) {
		unlink(s->path);
		free(s->path);
		s->path = NULL;
	}
	sd_notify(0, "STOPPING=1");
	if (s->tick_ev != NULL)
		evtimer_del(s->tick_ev);
	for (int i = 0; i < s->nworkers; i++)
		event_active(s->workers[i].stop_ev, EV_READ, 0);
	event_base_loopexit(s->base, NULL);
}

/*
 * Every tick the main thread checks that each worker answered the
 * previous liveness ping, then pings them all again (event_active on a
 * per-worker event, run by the worker's own loop). WATCHDOG=1 goes to
 * systemd only when every worker answered, so a wedged worker, not just a
 * wedged main loop, gets the daemon restarted. The tick is half of
 * WatchdogSec=, or one second without a watchdog (for /healthz).
 */
static void
server_on_tick(evutil_socket_t fd, short what, void *arg)
{
	struct server	*s = arg;
	unsigned	 seq = atomic_load(&s->ping_seq);
	int		 late = -1;

	(void)fd;
	(void)what;
	for (int i = 0; i < s->nworkers && late == -1; i++)
		if (atomic_load(&s->workers[i].alive) != seq)
			late = i;
	if (late == -1 && s->watchdog)
		sd_notify(0, "WATCHDOG=1");
	if (late != -1 && s->healthy)
		log_warn("worker %d did not answer its liveness ping%s", late,
		    s->watchdog ? "; withholding WATCHDOG=1" : "");
	else if (late == -1 && !s->healthy)
		log_info("every worker answers its liveness ping again");
	s->healthy = late == -1;
	atomic_store(&s->ping_seq, seq + 1);
	for (int i = 0; i < s->nworkers; i++)
		event_active(s->workers[i].ping_ev, EV_READ, 0);
	time_t now = time(NULL);
	if (now - s->last_status >= 5) {
		s->last_status = now;
		sd_notifyf(0, "STATUS=rules version %s; %llu decisions",
		    s->engine->version, metrics_decisions_total());
	}
}

/* The HTTP listener runs on this (the main) thread, the only one that
 * swaps s->engine: it reads it without the lock. */
static struct engine *
http_engine(void *arg)
{
	return ((struct server *)arg)->engine;
}

static json_t *
http_stats(void *arg)
{
	struct server *s = arg;

	return stats_json(s, s->engine);
}

static bool
http_healthy(void *arg)
{
	return ((struct server *)arg)->healthy;
}

static long
cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? n : 1;
}

struct server *
server_start(const struct server_opts *o)
{
	struct server	*s;
	struct diag	 d;
	struct engine_opts eo = o->engine;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->opts = *o;
	s->listen_fd = -1;
	s->started = time(NULL);
	pthread_mutex_init(&s->engine_lock, NULL);
	pthread_mutex_init(&s->reload_lock, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (evthread_use_pthreads() == -1) {
		log_error("libevent has no pthread support");
		goto fail;
	}

	diag_init(&d);
	eo.generation = s->generation = 1;
	s->engine = engine_load(&eo, &d);
	diag_log(&d);
	if (s->engine == NULL) {
		log_error("cannot start: %zu error(s) in the configuration or rules",
		    d.errors);
		diag_free(&d);
		goto fail;
	}
	diag_free(&d);
	atomic_store(&s->engine_gen, 1);
	if (metrics_attach(s->engine, NULL) == -1 ||
	    declog_configure(s->engine->cfg.decision_log,
	    s->engine->cfg.decision_log_text) == -1)
		goto fail;

	const struct config *cfg = &s->engine->cfg;
	enum log_level lvl;
	if (!log_enabled(LOG_LEVEL_DEBUG) && log_level_parse(cfg->log_level, &lvl) == 0)
		log_set_level(lvl);
	s->max_connections = cfg->max_connections;
	s->max_request_bytes = cfg->max_request_bytes;
	s->max_text_bytes = cfg->max_text_bytes;
	s->max_pipeline = cfg->max_pipeline;
	s->idle_timeout = cfg->idle_timeout;
	s->write_timeout = cfg->write_timeout;
	s->nworkers = cfg->workers > 0 ? cfg->workers : (int)cpu_count();

	/* signals are ours before anyone can connect: a SIGTERM sent to a
	 * daemon that already answers must be a clean stop, never a kill */
	if ((s->base = event_base_new()) == NULL)
		goto fail;
	s->sig_hup = evsignal_new(s->base, SIGHUP, server_on_signal, s);
	s->sig_term = evsignal_new(s->base, SIGTERM, server_on_signal, s);
	s->sig_int = evsignal_new(s->base, SIGINT, server_on_signal, s);
	s->sig_usr1 = evsignal_new(s->base, SIGUSR1, server_on_signal, s);
	if (s->sig_usr1 == NULL || evsignal_add(s->sig_usr1, NULL) == -1)
		goto fail;
	if (s->sig_hup == NULL || s->sig_term == NULL || s->sig_int == NULL ||
	    evsignal_add(s->sig_hup, NULL) == -1 ||
	    evsignal_add(s->sig_term, NULL) == -1 ||
	    evsignal_add(s->sig_int, NULL) == -1)
		goto fail;

	/* before the main socket: once that answers, so does HTTP; requests
	 * are served only once server_run() runs this loop */
	if (cfg->http_listen != NULL && cfg->http_listen[0] != '\0') {
		struct http_env env = {
			.arg = s, .engine = http_engine, .stats = http_stats,
			.healthy = http_healthy, .nworkers = s->nworkers,
			.max_body = s->max_request_bytes,
			.max_text = s->max_text_bytes,
			.timeout = s->idle_timeout,
		};
		if ((s->http = http_start(s->base, cfg->http_listen, &env)) == NULL)
			goto fail;
	}
	/* systemd socket activation hands us the socket ready-made */
	int nfds = sd_listen_fds(1);
	if (nfds == 1) {
		s->listen_fd = SD_LISTEN_FDS_START;
		int fl = fcntl(s->listen_fd, F_GETFL);
		fcntl(s->listen_fd, F_SETFL, fl | O_NONBLOCK);
		log_info("listening on the socket passed by systemd");
	} else {
		if (nfds > 1)
			log_warn("systemd passed %d sockets; using none of them",
			    nfds);
		const char *path = o->listen ? o->listen : cfg->listen;
		if ((s->listen_fd = socket_create(s, path, cfg->socket_mode,
		    cfg->socket_group)) == -1)
			goto fail;
		log_info("listening on %s", path);
	}

	if ((s->workers = calloc((size_t)s->nworkers, sizeof(*s->workers))) == NULL)
		goto fail;
	for (int i = 0; i < s->nworkers; i++) {
		struct worker *w = &s->workers[i];
		w->srv = s;
		w->index = i;
		TAILQ_INIT(&w->conns);
		check_scratch_init(&w->cs);
		pthread_mutex_init(&w->stats_lock, NULL);
		if ((w->base = event_base_new()) == NULL ||
		    (w->stop_ev = event_new(w->base, -1, 0, worker_on_stop, w)) == NULL ||
		    (w->resume_ev = evtimer_new(w->base, worker_on_resume, w)) == NULL ||
		    (w->deadline_ev = evtimer_new(w->base, worker_on_deadline, w)) == NULL ||
		    (w->ping_ev = event_new(w->base, -1, 0, worker_on_ping, w)) == NULL)
			goto fail;
		/* every worker accepts on the one socket: the kernel spreads
		 * connections, and no hand-off between threads is needed */
		w->listener = evconnlistener_new(w->base, worker_on_accept, w,
		    LEV_OPT_CLOSE_ON_EXEC, -1, s->listen_fd);
		if (w->listener == NULL)
			goto fail;
		evconnlistener_set_error_cb(w->listener, worker_on_accept_error);
	}
	for (int i = 0; i < s->nworkers; i++) {
		if (pthread_create(&s->workers[i].thread, NULL, worker_main,
		    &s->workers[i]) != 0) {
			log_error("cannot start worker thread %d", i);
			s->nworkers = i;
			goto fail;
		}
	}
	uint64_t wd_usec = 0;
	s->watchdog = sd_watchdog_enabled(0, &wd_usec) > 0 && wd_usec > 0;
	s->healthy = true;
	struct timeval tick = { 1, 0 };
	if (s->watchdog) {
		tick.tv_sec = (time_t)(wd_usec / 2 / 1000000);
		tick.tv_usec = (suseconds_t)(wd_usec / 2 % 1000000);
		log_info("watchdog: pinging the workers every %.3fs",
		    (double)wd_usec / 2e6);
	}
	if ((s->tick_ev = event_new(s->base, -1, EV_PERSIST, server_on_tick,
	    s)) == NULL || evtimer_add(s->tick_ev, &tick) == -1)
		goto fail;
	log_info("decorumd %s ready: rules version %s, %zu rule sets, %zu rules, "
	    "%d worker(s)", DECORUM_VERSION, s->engine->version,
	    rules_set_count(s->engine->rb), rules_count(s->engine->rb),
	    s->nworkers);
	s->last_status = time(NULL);
	sd_notifyf(0, "READY=1\nSTATUS=rules version %s; %llu decisions",
	    s->engine->version, metrics_decisions_total());
	return s;
fail:
	if (s->workers != NULL) {
		for (int i = 0; i < s->nworkers; i++)
			if (s->workers[i].thread) {
				event_active(s->workers[i].stop_ev, EV_READ, 0);
				pthread_join(s->workers[i].thread, NULL);
			}
	}
	server_free(s);
	return NULL;
}

int
server_run(struct server *s)
{
	event_base_dispatch(s->base);
	for (int i = 0; i < s->nworkers; i++)
		pthread_join(s->workers[i].thread, NULL);
	log_info("stopped");
	return 0;
}

void
server_free(struct server *s)
{
	if (s == NULL)
		return;
	if (s->workers != NULL) {
		for (int i = 0; i < s->nworkers; i++)
			worker_cleanup(&s->workers[i]);
		free(s->workers);
	}
	if (s->sig_hup)
		event_free(s->sig_hup);
	if (s->sig_term)
		event_free(s->sig_term);
	if (s->sig_int)
		event_free(s->sig_int);
	if (s->sig_usr1)
		event_free(s->sig_usr1);
	if (s->tick_ev)
		event_free(s->tick_ev);
	http_free(s->http);
	declog_close();
	if (s->base)
		event_base_free(s->base);
	if (s->listen_fd >= 0 && s->listen_fd != SD_LISTEN_FDS_START)
		close(s->listen_fd);
	if (s->path != NULL) {
		unlink(s->path);
		free(s->path);
	}
	engine_unref(s->engine);
	pthread_mutex_destroy(&s->engine_lock);
	pthread_mutex_destroy(&s->reload_lock);
	json_decref(s->reload_errors);
	json_decref(s->reload_warnings);
	free(s);
	libevent_global_shutdown();
}
