/* conn: one client connection: reading and framing, answering in order,
 * backpressure by answers and by bytes, clients that do not read, and
 * closing between answers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "handler.h"
#include "log.h"
#include "server_impl.h"

/* A connection whose buffers passed this gets malloc trimmed after it. */
#define CONN_BIG_BYTES	(256 * 1024)

static bool conn_process(struct conn *c);

bool
conn_full(const struct conn *c)
{
	const struct server *s = c->w->srv;

	return c->unsent >= s->max_pipeline ||
	    evbuffer_get_length(bufferevent_get_output(c->bev)) >=
	    s->max_unread_bytes;
}

void
conn_answered(struct conn *c, size_t before)
{
	size_t now = evbuffer_get_length(bufferevent_get_output(c->bev));

	if (now <= before)
		return;
	c->out_added += now - before;
	c->unsent++;
	if (now > CONN_BIG_BYTES)
		c->big = true;
	if (c->ends_head + c->nends == c->ends_cap) {
		if (c->ends_head > 0) {
			memmove(c->ends, c->ends + c->ends_head,
			    c->nends * sizeof(*c->ends));
			c->ends_head = 0;
		} else {
			size_t ncap = c->ends_cap ? c->ends_cap * 2 : 16;
			uint64_t *n = realloc(c->ends, ncap * sizeof(*n));
			if (n == NULL)
				return;	/* a forced close may then cut it */
			c->ends = n;
			c->ends_cap = ncap;
		}
	}
	c->ends[c->ends_head + c->nends++] = c->out_added;
}

/* Forget the ends of answers the client has been sent. */
static void
conn_ends_sent(struct conn *c)
{
	uint64_t sent = c->out_added -
	    evbuffer_get_length(bufferevent_get_output(c->bev));

	while (c->nends > 0 && c->ends[c->ends_head] <= sent) {
		c->sent_end = c->ends[c->ends_head];
		c->ends_head++;
		c->nends--;
	}
	if (c->nends == 0)
		c->ends_head = 0;
}

void
conn_free(struct conn *c)
{
	struct worker *w = c->w;

	TAILQ_REMOVE(&w->conns, c, entry);
	bufferevent_free(c->bev);
	free(c->ends);
	if (c->big && w->trim_ev != NULL && !evtimer_pending(w->trim_ev, NULL)) {
		struct timeval tv = { 1, 0 };
		evtimer_add(w->trim_ev, &tv);
	}
	free(c);
	atomic_fetch_sub(&w->nconns, 1);
	atomic_fetch_sub(&w->srv->nconns, 1);
	if (w->stopping && TAILQ_EMPTY(&w->conns))
		event_base_loopexit(w->base, NULL);
}

/* A closing connection is done once every request it had sent is
 * answered and the answers are written. */
static bool
conn_done(struct conn *c)
{
	if (!c->closing ||
	    evbuffer_get_length(bufferevent_get_output(c->bev)) > 0)
		return false;
	conn_free(c);
	return true;
}

/* The request lines of the Unix socket. */
static void
conn_lines(struct conn *c)
{
	struct worker	*w = c->w;
	struct evbuffer	*in = bufferevent_get_input(c->bev);
	struct evbuffer	*out = bufferevent_get_output(c->bev);
	const char	*line;
	size_t		 len, before;
	enum frame_result fr = FRAME_LINE;
	char		 msg[128];

	while (!conn_full(c)) {
		fr = frame_next(&c->fr, in, &line, &len);
		if (fr == FRAME_NONE)
			break;
		before = evbuffer_get_length(out);
		if (fr == FRAME_TOO_LARGE) {
			snprintf(msg, sizeof(msg),
			    "request line is longer than max_request_bytes (%zu)",
			    w->srv->max_request_bytes);
			handler_error(w, NULL, ERR_TOO_LARGE, msg, out);
		} else {
			handler_request(w, line, len, VIA_SOCKET, out);
		}
		conn_answered(c, before);
	}
	if (fr != FRAME_NONE || !c->closing)
		return;
	/* every whole line is answered; what is left is part of a line */
	size_t left = evbuffer_get_length(in);
	if (left == 0 || conn_full(c))
		return;
	if (c->eof && !c->fr.skipping) {
		/* the client ended its last request with end of stream
		 * instead of a newline: that is a whole request too */
		line = (const char *)evbuffer_pullup(in, -1);
		before = evbuffer_get_length(out);
		if (line != NULL && left <= w->srv->max_request_bytes)
			handler_request(w, line, left, VIA_SOCKET, out);
		else
			handler_error(w, NULL, ERR_TOO_LARGE,
			    "request line is longer than max_request_bytes", out);
		conn_answered(c, before);
	}
	/* else stopping: a line the client had not finished sending */
	evbuffer_drain(in, left);
	frame_init(&c->fr, w->srv->max_request_bytes);
}

/* Answer what can be answered until the client must read first; true
 * when the connection was freed. */
static bool
conn_answer(struct conn *c)
{
	if (c->cut)
		return false;
	if (evbuffer_get_length(bufferevent_get_input(c->bev)) > CONN_BIG_BYTES)
		c->big = true;
	if (c->proto == CONN_HTTP)
		http_conn_process(c);
	else
		conn_lines(c);
	if (conn_done(c))
		return true;
	if (!c->closing && !c->paused && conn_full(c)) {
		/* backpressure: the client must read before it may send more */
		bufferevent_disable(c->bev, EV_READ);
		c->paused = true;
	}
	return false;
}

/*
 * Send the answers just appended at once, in one write, instead of on the
 * next turn of the loop: when the client keeps up, no write event is
 * armed and disarmed (two epoll_ctl calls and a wakeup per read). The
 * write event is enabled only while answers wait for the socket to take
 * them; libevent then writes the rest, or meets the error and reports it
 * (conn_on_event). True when everything was sent.
 */
static bool
conn_flush(struct conn *c)
{
	struct evbuffer *out = bufferevent_get_output(c->bev);

	if (evbuffer_get_length(out) == 0 ||
	    (bufferevent_get_enabled(c->bev) & EV_WRITE))
		return false;
	/* a bufferevent keeps the front of its output frozen but for its
	 * own writes */
	evbuffer_unfreeze(out, 1);
	(void)evbuffer_write(out, bufferevent_getfd(c->bev));
	evbuffer_freeze(out, 1);
	if (evbuffer_get_length(out) > 0) {
		bufferevent_enable(c->bev, EV_WRITE);
		return false;
	}
	return true;
}

/* Every answer appended so far has been sent. */
static void
conn_all_sent(struct conn *c)
{
	c->unsent = 0;
	c->nends = c->ends_head = 0;
	c->sent_end = c->out_added;
	c->win_start = 0;
}

/* Answer and send until the client must read or send first; true when
 * the connection was freed. */
static bool
conn_process(struct conn *c)
{
	bool resumed = false;

	for (;;) {
		if (conn_answer(c))
			return true;
		if (!conn_flush(c))
			break;
		conn_all_sent(c);
		if (c->cut) {
			conn_free(c);
			return true;
		}
		if (c->closing)
			continue;	/* conn_done frees it once all is answered */
		if (!c->paused)
			break;
		c->paused = false;
		resumed = true;
	}
	if (resumed && !c->paused && !c->closing)
		bufferevent_enable(c->bev, EV_READ);
	return false;
}

static void
conn_on_read(struct bufferevent *bev, void *arg)
{
	(void)bev;
	conn_process(arg);
}

/* libevent wrote the last of the answers the socket had not taken. */
static void
conn_on_write(struct bufferevent *bev, void *arg)
{
	struct conn *c = arg;

	(void)bev;
	conn_all_sent(c);
	/* idle again: conn_flush writes the next answers itself */
	bufferevent_disable(c->bev, EV_WRITE);
	if (c->cut) {
		conn_free(c);
		return;
	}
	if (c->closing) {
		conn_process(c);
		return;
	}
	if (c->paused) {
		c->paused = false;
		if (conn_process(c))
			return;
		if (!c->paused && !c->closing)
			bufferevent_enable(c->bev, EV_READ);
	}
}

/* Stop reading: answer the requests already read, then close. */
void
conn_close_after_answers(struct conn *c)
{
	c->closing = true;
	c->paused = false;
	bufferevent_disable(c->bev, EV_READ);
	conn_process(c);
}

/*
 * SIGTERM. "Already read" means: the bytes in the connection's input
 * buffer plus those the kernel had received on its socket when the stop
 * reached this worker (FIONREAD, taken once). Those requests are
 * answered; nothing sent after that moment is read, and a request line
 * that was not complete by then is dropped unanswered (its client had not
 * finished sending it).
 */
void
conn_stop(struct conn *c)
{
	evutil_socket_t	 fd = bufferevent_getfd(c->bev);
	struct evbuffer	*in = bufferevent_get_input(c->bev);
	int		 queued = 0;

	bufferevent_disable(c->bev, EV_READ);
	if (!c->eof && ioctl(fd, FIONREAD, &queued) == 0 && queued > 0) {
		/* a bufferevent's input only takes what libevent reads into
		 * it, unless thawed for this */
		evbuffer_unfreeze(in, 0);
		while (queued > 0) {
			char	 buf[16384];
			size_t	 want = (size_t)queued < sizeof(buf) ?
			    (size_t)queued : sizeof(buf);
			ssize_t	 n = recv(fd, buf, want, MSG_DONTWAIT);
			if (n <= 0) {
				if (n == 0)
					c->eof = true;
				break;
			}
			if (evbuffer_add(in, buf, (size_t)n) == -1)
				break;
			queued -= (int)n;
		}
		evbuffer_freeze(in, 0);
	}
	conn_close_after_answers(c);
}

/*
 * The drain deadline of a stop: a connection between answers is closed
 * at once; one in the middle of an answer keeps only the rest of that
 * answer and is closed once it is taken (worker_on_deadline gives that a
 * second more, then closes what is left).
 */
bool
conn_cut(struct conn *c)
{
	struct evbuffer *out = bufferevent_get_output(c->bev);
	size_t len = evbuffer_get_length(out);

	conn_ends_sent(c);
	if (len == 0 || c->out_added - len == c->sent_end || c->nends == 0) {
		conn_free(c);
		return true;
	}
	size_t rest = (size_t)(c->ends[c->ends_head] - (c->out_added - len));
	if (rest < len) {
		struct evbuffer *keep = evbuffer_new();
		if (keep == NULL) {
			conn_free(c);
			return true;
		}
		/* the front of a bufferevent's output is frozen: removing
		 * from it fails silently until it is thawed */
		evbuffer_unfreeze(out, 1);
		evbuffer_remove_buffer(out, keep, rest);
		evbuffer_drain(out, evbuffer_get_length(out));
		evbuffer_freeze(out, 1);
		evbuffer_add_buffer(out, keep);
		evbuffer_free(keep);
	}
	c->cut = true;
	c->closing = true;
	return false;
}

/*
 * Every second: a client with answers waiting must, within
 * write_timeout, take everything that was waiting when the wait began
 * (libevent's own write timeout is reset by any progress at all, so a
 * client reading 4 KB every few seconds would never be dropped).
 */
void
conn_sweep(struct conn *c, time_t now)
{
	struct evbuffer *out = bufferevent_get_output(c->bev);
	size_t len = evbuffer_get_length(out);

	if (len == 0) {
		c->win_start = 0;
		return;
	}
	if (c->win_start == 0) {
		c->win_start = now;
		c->win_target = c->out_added;
		return;
	}
	if (now - c->win_start < (time_t)c->w->srv->write_timeout)
		return;
	if (c->out_added - len >= c->win_target) {
		c->win_start = now;
		c->win_target = c->out_added;
		return;
	}
	log_debug("connection closed: %zu bytes of answers unread after %us",
	    len, c->w->srv->write_timeout);
	conn_free(c);
}

static void
conn_on_event(struct bufferevent *bev, short what, void *arg)
{
	struct conn *c = arg;

	(void)bev;
	if ((what & BEV_EVENT_EOF) && !c->cut) {
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
bool
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
 * runs out. Both listeners count against one max_connections. */
struct conn *
conn_new(struct worker *w, evutil_socket_t fd, enum conn_proto proto,
    const struct sockaddr *sa, int salen)
{
	struct server	*s = w->srv;
	struct conn	*c;
	bool		 ok;

	if (proto == CONN_HTTP && sa != NULL && sa->sa_family != AF_UNIX)
		ok = http_addr_allowed(s->http, sa, salen);
	else
		ok = peer_allowed(w, fd);
	if (!ok) {
		/* like a socket file mode that keeps it out: no answer at all */
		close(fd);
		return NULL;
	}
	if (atomic_fetch_add(&s->nconns, 1) >= s->max_connections) {
		static const char busy[] = "{\"id\":null,\"error\":{\"code\":"
		    "\"overloaded\",\"message\":\"too many connections\"}}\n";
		const char *msg = proto == CONN_HTTP ? http_overloaded : busy;
		atomic_fetch_sub(&s->nconns, 1);
		stats_error(w, ERR_OVERLOADED);
		(void)!send(fd, msg, strlen(msg), MSG_DONTWAIT | MSG_NOSIGNAL);
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
	c->proto = proto;
	frame_init(&c->fr, s->max_request_bytes);
	TAILQ_INSERT_TAIL(&w->conns, c, entry);
	atomic_fetch_add(&w->nconns, 1);
	stats_connection(w);
	/* idle: libevent's read timeout; not reading answers: conn_sweep */
	struct timeval rt = { (time_t)s->idle_timeout, 0 };
	bufferevent_set_timeouts(c->bev, s->idle_timeout ? &rt : NULL, NULL);
	bufferevent_setcb(c->bev, conn_on_read, conn_on_write, conn_on_event, c);
	/* writing is enabled only while answers wait (conn_flush) */
	bufferevent_enable(c->bev, EV_READ);
	return c;
}
