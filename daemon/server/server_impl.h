/* server internals: the structures the listener, workers, connections,
 * statistics and reload share, and the calls between those files. Only
 * daemon/server/ includes it. */
#ifndef DECORUM_SERVER_IMPL_H
#define DECORUM_SERVER_IMPL_H

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/queue.h>
#include <time.h>

#include "frame.h"
#include "reply.h"
#include "request.h"
#include "server.h"
#include "stats.h"

/* Seconds a stopping daemon waits for clients to take their answers. */
#define SERVER_DRAIN_SECONDS	10

struct worker;
struct handoff;

enum conn_proto {
	CONN_LINES = 0,		/* the Unix socket's JSON lines */
	CONN_HTTP,		/* the HTTP listener */
};

/*
 * One client connection, owned by the worker that accepted it. Memory it
 * can hold: its input (at most one request, max_request_bytes, plus one
 * read) and its unread answers (reading stops once they pass
 * max_unread_bytes or max_pipeline answers, so at most that plus one
 * answer). Every answer is appended whole; the end offset of each unsent
 * one is kept so that a forced close happens between answers.
 */
struct conn {
	TAILQ_ENTRY(conn) entry;
	struct worker	*w;
	struct bufferevent *bev;
	enum conn_proto	 proto;
	struct framer	 fr;
	unsigned	 unsent;	/* answers written since output was last empty */
	bool		 paused;	/* reading stopped for backpressure */
	bool		 closing;	/* answer what was read, then close */
	bool		 eof;		/* the client sent all it will send */
	bool		 cut;		/* drain deadline: finishing its current answer */
	bool		 big;		/* held big buffers: trim malloc after it */
	/* answer bytes ever appended; ends[] of those not known to be sent */
	uint64_t	 out_added, sent_end;
	uint64_t	*ends;
	size_t		 nends, ends_head, ends_cap;
	/* the read-rate check (worker_on_sweep): what was waiting at
	 * win_start must be taken within write_timeout */
	time_t		 win_start;
	uint64_t	 win_target;
	/* HTTP: bytes of the request being read (head and body), 0 while
	 * its head is incomplete; the parsed head */
	size_t		 http_need, http_head;
	int		 http_method, http_route;
	bool		 http_keepalive;
};

struct worker {
	struct server	*srv;
	int		 index;
	pthread_t	 thread;
	struct event_base *base;
	struct evconnlistener *listener;
	struct evconnlistener *http_listener;	/* NULL without http_listen */
	struct event	*sweep_ev;	/* every second: clients that do not read */
	struct event	*trim_ev;	/* give freed buffers back to the system */
	bool		 grace;		/* the drain deadline passed once */
	struct event	*stop_ev;
	struct event	*resume_ev;
	struct event	*deadline_ev;
	struct event	*ping_ev;	/* liveness ping from the main thread */
	atomic_uint	 alive;		/* the last ping sequence answered */
	struct check_scratch cs;
	struct request_buf request;	/* the handler's, reused */
	struct reply_buf reply;
	struct engine	*engine;
	unsigned	 engine_gen;
	TAILQ_HEAD(, conn) conns;
	bool		 stopping;
	struct stats	 stats;		/* this worker's shard (stats.h) */
	struct event	*swap_ev;	/* reload.c: drop the old engine now */
	/* the balance: one worker's wakeup often takes a whole burst of
	 * connections off the shared socket, so it passes each on to the
	 * worker with the fewest (worker_take) */
	atomic_int	 nconns;	/* its connections */
	atomic_int	 npending;	/* passed to it, not yet taken */
	pthread_mutex_t	 inbox_lock;
	bool		 inbox_lock_made;
	bool		 inbox_closed;	/* stopping: it takes no more */
	struct handoff	*inbox;		/* guarded by inbox_lock */
	struct event	*inbox_ev;
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
	/*
	 * The limits of the engine in use, set at start and again by every
	 * reload (atomic: workers read them while the main thread writes).
	 * They are copies of e->cfg of the current engine: code that holds
	 * an engine (worker_engine()) may read e->cfg directly, which also
	 * keeps one request on one set of limits.
	 */
	_Atomic unsigned max_connections;
	_Atomic size_t	 max_request_bytes, max_text_bytes;
	_Atomic unsigned max_pipeline, idle_timeout, write_timeout;
	_Atomic size_t	 max_unread_bytes;
	struct config	 start_cfg;	/* start-only settings as started */
	time_t		 started;
	bool		 stopping;	/* SIGTERM/SIGINT came: no new reload */
	bool		 forced_debug;	/* -v: log_level cannot lower it */
	/* reload.c: one compile at a time, on a thread of its own; the
	 * result is swapped in on the main loop (reload_done_ev) */
	struct reload_job *reload_job;	/* the compile under way, or NULL */
	struct event	*reload_done_ev;
	/* the last reload, for stats and `decorumctl reload` */
	pthread_mutex_t	 reload_lock;	/* guards the fields below */
	bool		 reload_running;	/* a compile is under way */
	bool		 reload_pending;	/* and a SIGHUP came during it */
	unsigned long	 reload_requests;	/* SIGHUPs received */
	unsigned long	 reload_coalesced;	/* merged into a pending one */
	/* SIGHUPs answered: every one up to this count came before the last
	 * finished reload began, so it read the files as they were then */
	unsigned long	 reload_covered;
	unsigned long	 reloads, reloads_failed;
	bool		 reload_ok;
	time_t		 reload_time;
	double		 reload_compile_ms;	/* < 0: no compile ran */
	json_t		*reload_errors, *reload_warnings;	/* arrays */
};


/* worker.c */
struct engine *worker_engine(struct worker *w);
void	worker_on_accept(struct evconnlistener *l, evutil_socket_t fd,
	    struct sockaddr *sa, int salen, void *arg);
void	worker_on_http_accept(struct evconnlistener *l, evutil_socket_t fd,
	    struct sockaddr *sa, int salen, void *arg);
void	worker_on_resume(evutil_socket_t fd, short what, void *arg);
void	worker_on_accept_error(struct evconnlistener *l, void *arg);
void	worker_on_deadline(evutil_socket_t fd, short what, void *arg);
void	worker_on_stop(evutil_socket_t fd, short what, void *arg);
void	worker_on_ping(evutil_socket_t fd, short what, void *arg);
void	worker_on_inbox(evutil_socket_t fd, short what, void *arg);
void	*worker_main(void *arg);
void	worker_cleanup(struct worker *w);

/* conn.c */
struct conn *conn_new(struct worker *w, evutil_socket_t fd,
	    enum conn_proto proto, const struct sockaddr *sa, int salen);
void	conn_stop(struct conn *c);
/* the drain deadline: close at once between answers, or after the
 * current one; true when the connection was freed */
bool	conn_cut(struct conn *c);
void	conn_free(struct conn *c);
void	conn_sweep(struct conn *c, time_t now);
/* the connection may not take another request before its client reads */
bool	conn_full(const struct conn *c);
/* an answer (or HTTP response) was appended; out held `before` bytes */
void	conn_answered(struct conn *c, size_t before);
void	conn_close_after_answers(struct conn *c);
bool	peer_allowed(struct worker *w, evutil_socket_t fd);

/* http.c: the HTTP side of a connection (conn.c reads and writes) */
void	http_conn_process(struct conn *c);
bool	http_addr_allowed(const struct http *h, const struct sockaddr *sa,
	    int salen);
/* a connection over max_connections: one 503 response, then close */
extern const char http_overloaded[];

/* stats.c: everything a worker counts goes through these three */
void	stats_decided(struct worker *w, const struct engine *e,
	    const struct check_scratch *cs, bool dry_run, uint64_t latency_ns);
void	stats_error(struct worker *w, enum err_code code);
void	stats_connection(struct worker *w);
/* {"op":"stats"}: every shard summed, with the reload outcome. */
json_t	*stats_json(struct server *s, struct engine *e);
unsigned long long stats_decisions_total(struct server *s);

/* server.c */
/* Put the limits of cfg in force (start and reload, main thread). */
void	server_set_limits(struct server *s, const struct config *cfg);

/* reload.c */
/* SIGHUP: start a reload, or queue one behind the compile under way. */
void	server_reload(struct server *s);
void	reload_on_done(evutil_socket_t fd, short what, void *arg);
void	reload_on_worker_swap(evutil_socket_t fd, short what, void *arg);
/* At exit: leave a compile under way to throw its result away itself,
 * without waiting for it. */
void	reload_shutdown(struct server *s);
json_t	*reload_json(struct server *s);

/* unixsock.c */
int	socket_create(struct server *s, const char *path, unsigned mode,
	    const char *group);

#endif
