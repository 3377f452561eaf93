/* worker: one thread with its own event loop, accepting on the shared
 * socket and serving the connections it accepted. */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

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

void
worker_on_accept(struct evconnlistener *l, evutil_socket_t fd,
    struct sockaddr *sa, int salen, void *arg)
{
	(void)l;
	(void)sa;
	(void)salen;
	conn_new(arg, fd);
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
	evconnlistener_disable(l);
	evtimer_add(w->resume_ev, &tv);
}

void
worker_on_deadline(evutil_socket_t fd, short what, void *arg)
{
	struct worker *w = arg;

	(void)fd;
	(void)what;
	log_warn("worker %d: clients did not read their answers in %ds, closing",
	    w->index, SERVER_DRAIN_SECONDS);
	event_base_loopexit(w->base, NULL);
}

void
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

	event_base_dispatch(w->base);
	return NULL;
}

void
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
