/* server: start-up, signals, the liveness tick and shutdown; the
 * listener, workers, connections, statistics and reload live in their
 * own files (server_impl.h). */
#include "server.h"

#include <errno.h>
#include <event2/thread.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include "declog.h"
#include "http.h"
#include "log.h"
#include "metrics.h"
#include "server_impl.h"

static void
server_on_signal(evutil_socket_t sig, short what, void *arg)
{
	struct server *s = arg;

	(void)what;
	if (sig == SIGHUP) {
		server_reload(s);
		return;
	}
	if (sig == SIGUSR1) {
		declog_reopen();
		return;
	}
	log_info("%s: finishing answers in flight, then exiting",
	    sig == SIGTERM ? "SIGTERM" : "SIGINT");
	/* a compile under way is not waited for here: it is thrown away
	 * once the workers have stopped (reload_shutdown) */
	s->stopping = true;
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
		    s->engine->version, stats_decisions_total(s));
	}
}

void
server_set_limits(struct server *s, const struct config *cfg)
{
	atomic_store(&s->max_connections, cfg->max_connections);
	atomic_store(&s->max_request_bytes, cfg->max_request_bytes);
	atomic_store(&s->max_text_bytes, cfg->max_text_bytes);
	atomic_store(&s->max_pipeline, cfg->max_pipeline);
	atomic_store(&s->idle_timeout, cfg->idle_timeout);
	atomic_store(&s->write_timeout, cfg->write_timeout);
	atomic_store(&s->max_unread_bytes, cfg->max_unread_bytes);
}

/*
 * glibc gives threads up to 8 malloc arenas per core, each keeping its own
 * free memory. A reload compiles on a thread of its own and frees the old
 * rules from whichever thread drops them last, so with many arenas every
 * one ends up holding some freed rule memory: over 30 reloads RSS climbed
 * to 14.3 MiB, against 12.8 MiB with two arenas, which cost no throughput
 * with two workers (per-thread caches take most small allocations without
 * the arena lock); bigger machines get a few more. MALLOC_ARENA_MAX or
 * GLIBC_TUNABLES override.
 */
static void
malloc_arenas(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (getenv("MALLOC_ARENA_MAX") != NULL ||
	    (getenv("GLIBC_TUNABLES") != NULL &&
	    strstr(getenv("GLIBC_TUNABLES"), "arena_max") != NULL))
		return;
	mallopt(M_ARENA_MAX, 2 + (int)(n > 0 ? n : 1) / 4);
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
	malloc_arenas();
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
	char why[PATH_MAX + 128];
	if (declog_configure(s->engine->cfg.decision_log,
	    s->engine->cfg.decision_log_text, why, sizeof(why)) == -1) {
		log_error("cannot start: %s", why);
		goto fail;
	}

	const struct config *cfg = &s->engine->cfg;
	enum log_level lvl;
	s->forced_debug = log_enabled(LOG_LEVEL_DEBUG);
	if (!s->forced_debug && log_level_parse(cfg->log_level, &lvl) == 0)
		log_set_level(lvl);
	server_set_limits(s, cfg);
	if (config_copy_start_only(&s->start_cfg, cfg) == -1)
		goto fail;
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
	if ((s->reload_done_ev = event_new(s->base, -1, 0, reload_on_done,
	    s)) == NULL)
		goto fail;
	if (s->sig_hup == NULL || s->sig_term == NULL || s->sig_int == NULL ||
	    evsignal_add(s->sig_hup, NULL) == -1 ||
	    evsignal_add(s->sig_term, NULL) == -1 ||
	    evsignal_add(s->sig_int, NULL) == -1)
		goto fail;

	/* before the main socket: once that answers, so does HTTP; requests
	 * are served only once server_run() runs this loop */
	if (cfg->http_listen != NULL && cfg->http_listen[0] != '\0' &&
	    (s->http = http_open(cfg->http_listen, &cfg->http_allow)) == NULL)
		goto fail;
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
		stats_init(&w->stats);
		if (pthread_mutex_init(&w->inbox_lock, NULL) != 0)
			goto fail;
		w->inbox_lock_made = true;
		if ((w->base = event_base_new()) == NULL ||
		    (w->inbox_ev = event_new(w->base, -1, 0, worker_on_inbox,
		    w)) == NULL ||
		    (w->stop_ev = event_new(w->base, -1, 0, worker_on_stop, w)) == NULL ||
		    (w->resume_ev = evtimer_new(w->base, worker_on_resume, w)) == NULL ||
		    (w->deadline_ev = evtimer_new(w->base, worker_on_deadline, w)) == NULL ||
		    (w->ping_ev = event_new(w->base, -1, 0, worker_on_ping, w)) == NULL ||
		    (w->swap_ev = event_new(w->base, -1, 0, reload_on_worker_swap,
		    w)) == NULL)
			goto fail;
		/* every worker accepts on the one socket, and passes what it
		 * takes to the worker with the fewest connections */
		w->listener = evconnlistener_new(w->base, worker_on_accept, w,
		    LEV_OPT_CLOSE_ON_EXEC, -1, s->listen_fd);
		if (w->listener == NULL)
			goto fail;
		evconnlistener_set_error_cb(w->listener, worker_on_accept_error);
		if (s->http != NULL) {
			w->http_listener = evconnlistener_new(w->base,
			    worker_on_http_accept, w, LEV_OPT_CLOSE_ON_EXEC, -1,
			    http_fd(s->http));
			if (w->http_listener == NULL)
				goto fail;
			evconnlistener_set_error_cb(w->http_listener,
			    worker_on_accept_error);
		}
	}
	s->healthy = true;	/* workers answer /healthz from now on */
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
	    s->engine->version, stats_decisions_total(s));
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
	reload_shutdown(s);
	if (s->reload_done_ev)
		event_free(s->reload_done_ev);
	if (s->workers != NULL) {
		for (int i = 0; i < s->nworkers; i++) {
			if (s->workers[i].swap_ev)
				event_free(s->workers[i].swap_ev);
			worker_cleanup(&s->workers[i]);
			stats_destroy(&s->workers[i].stats);
		}
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
	config_free(&s->start_cfg);
	json_decref(s->reload_errors);
	json_decref(s->reload_warnings);
	free(s);
	libevent_global_shutdown();
}

