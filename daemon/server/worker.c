/* worker: one thread with its own event loop, accepting on the shared
 * socket and serving connections: those it accepted, or was handed by
 * the worker that accepted them, so that all workers share the load. */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "http.h"
#include "log.h"
#include "server_impl.h"

/* The engine a worker should use now: picks up a reload lazily. */
struct engine *
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

/* A connection one worker accepted for another (worker_take). */
struct handoff {
	struct handoff		*next;
	evutil_socket_t		 fd;
	enum conn_proto		 proto;
	struct sockaddr_storage	 sa;
	int			 salen;
};

static int
worker_load(struct worker *w)
{
	return atomic_load_explicit(&w->nconns, memory_order_relaxed) +
	    atomic_load_explicit(&w->npending, memory_order_relaxed);
}

/* Pass a connection to worker to; -1 when it takes no more (stopping)
 * or memory runs out: the caller keeps it then. */
static int
worker_hand(struct worker *to, evutil_socket_t fd, enum conn_proto proto,
    const struct sockaddr *sa, int salen)
{
	struct handoff *h;

	if (salen < 0 || (size_t)salen > sizeof(h->sa) ||
	    (h = calloc(1, sizeof(*h))) == NULL)
		return -1;
	h->fd = fd;
	h->proto = proto;
	if (sa != NULL)
		memcpy(&h->sa, sa, (size_t)salen);
	h->salen = sa != NULL ? salen : -1;
	pthread_mutex_lock(&to->inbox_lock);
	if (to->inbox_closed) {
		pthread_mutex_unlock(&to->inbox_lock);
		free(h);
		return -1;
	}
	h->next = to->inbox;
	to->inbox = h;
	atomic_fetch_add(&to->npending, 1);
	pthread_mutex_unlock(&to->inbox_lock);
	event_active(to->inbox_ev, EV_READ, 0);
	return 0;
}

/* Serve a connection this worker accepted, here or on the worker with
 * the fewest connections: the kernel wakes one worker for a burst of
 * connects, and that one would otherwise take them all. */
static void
worker_take(struct worker *w, evutil_socket_t fd, enum conn_proto proto,
    struct sockaddr *sa, int salen)
{
	struct server	*s = w->srv;
	struct worker	*best = w;
	int		 least = worker_load(w);

	for (int i = 0; i < s->nworkers; i++) {
		struct worker *o = &s->workers[i];
		int load;
		if (o != w && (load = worker_load(o)) < least) {
			best = o;
			least = load;
		}
	}
	if (best != w && worker_hand(best, fd, proto, sa, salen) == 0)
		return;
	conn_new(w, fd, proto, sa, salen);
}

/* Take the connections other workers passed on, in the order passed
 * (the list holds the newest first). */
static void
worker_take_inbox(struct worker *w, bool close_it)
{
	struct handoff *h, *rev = NULL;

	pthread_mutex_lock(&w->inbox_lock);
	h = w->inbox;
	w->inbox = NULL;
	if (close_it)
		w->inbox_closed = true;
	pthread_mutex_unlock(&w->inbox_lock);
	while (h != NULL) {
		struct handoff *next = h->next;
		h->next = rev;
		rev = h;
		h = next;
	}
	while ((h = rev) != NULL) {
		rev = h->next;
		/* counted as a connection before it stops being pending */
		conn_new(w, h->fd, h->proto, h->salen < 0 ? NULL :
		    (struct sockaddr *)&h->sa, h->salen);
		atomic_fetch_sub(&w->npending, 1);
		free(h);
	}
}

void
worker_on_inbox(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	worker_take_inbox(arg, false);
}

void
worker_on_accept(struct evconnlistener *l, evutil_socket_t fd,
    struct sockaddr *sa, int salen, void *arg)
{
	(void)l;
	worker_take(arg, fd, CONN_LINES, sa, salen);
}

/* HTTP runs on the workers like the socket, not on the main loop: a
 * check there would hold up signals, reloads and the watchdog tick.
 * /metrics and /healthz are as prompt as any answer of the worker that
 * serves the connection. */
void
worker_on_http_accept(struct evconnlistener *l, evutil_socket_t fd,
    struct sockaddr *sa, int salen, void *arg)
{
	(void)l;
	worker_take(arg, fd, CONN_HTTP, sa, salen);
}

void
worker_on_resume(evutil_socket_t fd, short what, void *arg)
{
	struct worker *w = arg;

	(void)fd;
	(void)what;
	if (!w->stopping) {
		log_info("accepting connections again");
		evconnlistener_enable(w->listener);
		if (w->http_listener != NULL)
			evconnlistener_enable(w->http_listener);
	}
}

void
worker_on_accept_error(struct evconnlistener *l, void *arg)
{
	struct worker *w = arg;
	int err = EVUTIL_SOCKET_ERROR();
	struct timeval tv = { 1, 0 };

	/* out of file descriptors: pause accepting instead of spinning */
	log_warn("accept failed: %s; pausing new connections for 1s",
	    evutil_socket_error_to_string(err));
	(void)l;
	evconnlistener_disable(w->listener);
	if (w->http_listener != NULL)
		evconnlistener_disable(w->http_listener);
	evtimer_add(w->resume_ev, &tv);
}

/* The drain deadline of a stop: close every connection between answers;
 * one in the middle of an answer gets a second more to take the rest of
 * it, then is closed whatever it took. */
void
worker_on_deadline(evutil_socket_t fd, short what, void *arg)
{
	struct worker	*w = arg;
	struct conn	*c, *next;
	struct timeval	 tv = { 1, 0 };

	(void)fd;
	(void)what;
	if (!w->grace) {
		log_warn("worker %d: clients did not read their answers in %ds, "
		    "closing them between answers", w->index,
		    SERVER_DRAIN_SECONDS);
		w->grace = true;
		for (c = TAILQ_FIRST(&w->conns); c != NULL; c = next) {
			next = TAILQ_NEXT(c, entry);
			conn_cut(c);
		}
		if (!TAILQ_EMPTY(&w->conns))
			evtimer_add(w->deadline_ev, &tv);
		return;
	}
	while ((c = TAILQ_FIRST(&w->conns)) != NULL)
		conn_free(c);		/* exits the loop with the last one */
}

/* Take the connections whose connect() already succeeded: they sit in the
 * backlog with their requests sent, in flight too. */
static void
worker_take_backlog(struct worker *w, int lfd, enum conn_proto proto)
{
	struct sockaddr_storage ss;
	socklen_t	 sl = sizeof(ss);
	int		 cfd;

	while ((cfd = accept4(lfd, (struct sockaddr *)&ss, &sl,
	    SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
		conn_new(w, cfd, proto, (struct sockaddr *)&ss, (int)sl);
		sl = sizeof(ss);
	}
}

void
worker_on_stop(evutil_socket_t fd, short what, void *arg)
{
	struct worker	*w = arg;
	struct conn	*c, *next;
	struct timeval	 tv = { SERVER_DRAIN_SECONDS, 0 };

	(void)fd;
	(void)what;
	if (w->stopping)
		return;
	w->stopping = true;
	evconnlistener_disable(w->listener);
	if (w->http_listener != NULL)
		evconnlistener_disable(w->http_listener);
	evtimer_del(w->resume_ev);
	if (w->sweep_ev != NULL)
		evtimer_del(w->sweep_ev);
	/* those passed on and the backlog first: a connection freed below
	 * must not find the list empty (and end the loop) while others are
	 * still to come; no worker passes it any more after this */
	worker_take_inbox(w, true);
	worker_take_backlog(w, w->srv->listen_fd, CONN_LINES);
	if (w->srv->http != NULL)
		worker_take_backlog(w, http_fd(w->srv->http), CONN_HTTP);
	for (c = TAILQ_FIRST(&w->conns); c != NULL; c = next) {
		next = TAILQ_NEXT(c, entry);
		conn_stop(c);
	}
	if (TAILQ_EMPTY(&w->conns))
		event_base_loopexit(w->base, NULL);
	else
		evtimer_add(w->deadline_ev, &tv);
}

/* Every second: drop clients that do not take their answers. */
static void
worker_on_sweep(evutil_socket_t fd, short what, void *arg)
{
	struct worker	*w = arg;
	struct conn	*c, *next;
	struct timespec	 ts;

	(void)fd;
	(void)what;
	clock_gettime(CLOCK_MONOTONIC, &ts);	/* immune to clock steps */
	for (c = TAILQ_FIRST(&w->conns); c != NULL; c = next) {
		next = TAILQ_NEXT(c, entry);
		conn_sweep(c, ts.tv_sec + 1);	/* never 0: that means "no wait" */
	}
}

/* A client that held big buffers has gone: hand the freed memory back
 * (glibc keeps freed heap in each thread's arena otherwise). */
static void
worker_on_trim(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	(void)arg;
	malloc_trim(0);
}

/* The main thread's liveness ping: answering it proves this worker's loop
 * turns. */
void
worker_on_ping(evutil_socket_t fd, short what, void *arg)
{
	struct worker *w = arg;

	(void)fd;
	(void)what;
	atomic_store(&w->alive, atomic_load(&w->srv->ping_seq));
}

void *
worker_main(void *arg)
{
	struct worker *w = arg;
	struct timeval sec = { 1, 0 };

	/* made here, before the loop runs: nothing else touches them */
	w->trim_ev = evtimer_new(w->base, worker_on_trim, w);
	w->sweep_ev = event_new(w->base, -1, EV_PERSIST, worker_on_sweep, w);
	if (w->trim_ev == NULL || w->sweep_ev == NULL ||
	    evtimer_add(w->sweep_ev, &sec) == -1)
		log_error("worker %d: out of memory for its timers; clients "
		    "that do not read are left to the drain deadline", w->index);
	event_base_dispatch(w->base);
	return NULL;
}

void
worker_cleanup(struct worker *w)
{
	struct conn *c;

	w->stopping = false;	/* no loop to exit any more */
	while ((c = TAILQ_FIRST(&w->conns)) != NULL)
		conn_free(c);
	if (w->listener)
		evconnlistener_free(w->listener);
	if (w->http_listener)
		evconnlistener_free(w->http_listener);
	if (w->sweep_ev)
		event_free(w->sweep_ev);
	if (w->trim_ev)
		event_free(w->trim_ev);
	if (w->stop_ev)
		event_free(w->stop_ev);
	if (w->resume_ev)
		event_free(w->resume_ev);
	if (w->deadline_ev)
		event_free(w->deadline_ev);
	if (w->ping_ev)
		event_free(w->ping_ev);
	if (w->inbox_lock_made) {
		/* a worker that never ran: close what was passed to it */
		struct handoff *h;
		while ((h = w->inbox) != NULL) {
			w->inbox = h->next;
			close(h->fd);
			free(h);
		}
		pthread_mutex_destroy(&w->inbox_lock);
	}
	if (w->inbox_ev)
		event_free(w->inbox_ev);
	if (w->base)
		event_base_free(w->base);
	check_scratch_free(&w->cs);
	request_buf_free(&w->request);
	reply_buf_free(&w->reply);
	engine_unref(w->engine);
}
