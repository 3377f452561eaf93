/* conn: one client connection: framing, answering in order,
 * backpressure, and draining at close. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "declog.h"
#include "log.h"
#include "metrics.h"
#include "reply.h"
#include "server_impl.h"
#include "severity.h"

static void conn_process(struct conn *c);

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
		stats_error(c->w, ERR_INTERNAL);
	}
	c->unsent++;
}

static void
conn_error(struct conn *c, json_t *id, enum err_code code, const char *msg)
{
	stats_error(c->w, code);
	conn_answer(c, reply_error(id, code, msg));
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
		json_object_set_new(po, "severity",	/* severity.c */
		    severity_policy_json(p, e->rb));
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
	declog_decision(e, p, &w->cs, r.id, r.text, r.text_len, r.dry_run, lat,
	    NULL);
	stats_decided(w, e, &w->cs, r.dry_run, lat);
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

void
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
struct conn *
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
		stats_error(w, ERR_OVERLOADED);
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
	stats_connection(w);
	struct timeval rt = { (time_t)s->idle_timeout, 0 };
	struct timeval wt = { (time_t)s->write_timeout, 0 };
	bufferevent_set_timeouts(c->bev, s->idle_timeout ? &rt : NULL, &wt);
	bufferevent_setcb(c->bev, conn_on_read, conn_on_write, conn_on_event, c);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);
	return c;
}
