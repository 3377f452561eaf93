/*
 * reload: SIGHUP compiles a new engine on a thread of its own, so that the
 * main loop (signals, the liveness tick, /healthz, /metrics) keeps turning
 * while the rules compile; the result comes back to the main loop, which
 * swaps it in. One compile runs at a time: SIGHUPs that come during it are
 * merged into one more reload after it, so a burst of them costs at most
 * two. The outcome is kept for stats and `decorumctl reload`.
 */
#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <systemd/sd-daemon.h>

#include "declog.h"
#include "log.h"
#include "server_impl.h"

/* Keep the outcome of a reload (its error and warning lines) for stats. */
static void
reload_record(struct server *s, const struct diag *d, bool ok,
    unsigned long covered, double compile_ms)
{
	json_t *errs = json_array(), *warns = json_array();

	for (size_t i = 0; i < d->count && errs != NULL && warns != NULL; i++)
		json_array_append_new(d->items[i].severity == DIAG_ERROR ?
		    errs : warns, json_string(d->items[i].text));
	pthread_mutex_lock(&s->reload_lock);
	s->reloads++;
	s->reload_covered = covered;
	if (!ok)
		s->reloads_failed++;
	s->reload_ok = ok;
	s->reload_time = time(NULL);
	s->reload_compile_ms = compile_ms;
	json_decref(s->reload_errors);
	json_decref(s->reload_warnings);
	s->reload_errors = errs;
	s->reload_warnings = warns;
	pthread_mutex_unlock(&s->reload_lock);
}

json_t *
reload_json(struct server *s)
{
	json_t *o;

	pthread_mutex_lock(&s->reload_lock);
	o = json_pack("{sIsIsIsIsIsbsb}", "count", (json_int_t)s->reloads,
	    "failed", (json_int_t)s->reloads_failed,
	    "requests", (json_int_t)s->reload_requests,
	    "coalesced", (json_int_t)s->reload_coalesced,
	    "covered", (json_int_t)s->reload_covered,
	    "running", s->reload_running, "pending", s->reload_pending);
	if (o != NULL && s->reloads > 0) {
		json_object_set_new(o, "ok", json_boolean(s->reload_ok));
		json_object_set_new(o, "time", json_integer(s->reload_time));
		/* how long reading and compiling the files took, in ms */
		if (s->reload_compile_ms >= 0)
			json_object_set_new(o, "compile_ms",
			    json_real(round(s->reload_compile_ms * 10) / 10));
		json_object_set_new(o, "errors", s->reload_errors ?
		    json_deep_copy(s->reload_errors) : json_array());
		json_object_set_new(o, "warnings", s->reload_warnings ?
		    json_deep_copy(s->reload_warnings) : json_array());
	}
	pthread_mutex_unlock(&s->reload_lock);
	return o;
}

/*
 * One compile. The main thread creates it and, normally, takes the result
 * and frees it once the thread has said it is done (reload_on_done). At
 * exit nobody waits for a compile that cannot be interrupted: the main
 * thread marks it abandoned and detaches the thread, which then frees the
 * result and the job itself, or is ended with the process.
 */
struct reload_job {
	pthread_t	 thread;
	pthread_mutex_t	 lock;
	bool		 done;		/* the thread no longer touches it */
	bool		 abandoned;	/* the thread frees it */
	struct engine_opts opts;
	unsigned long	 covered;	/* SIGHUPs received before it began */
	struct engine	*e;
	struct diag	 d;
	double		 ms;		/* the compile's wall-clock time */
	struct event	*done_ev;	/* on the main loop */
};

static void
reload_job_free(struct reload_job *job)
{
	engine_unref(job->e);
	diag_free(&job->d);
	pthread_mutex_destroy(&job->lock);
	free(job);
}

/* The reload thread: compile, then hand the result to the main loop. */
static void *
reload_main(void *arg)
{
	struct reload_job *job = arg;
	struct timespec t0, t1;
	bool abandoned;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct engine *e = engine_load(&job->opts, &job->d);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	job->ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;

	/* what the compile needed only while compiling goes back now, not
	 * after the swap: the old and new rules overlap for less */
	malloc_trim(0);
	pthread_mutex_lock(&job->lock);
	job->e = e;
	abandoned = job->abandoned;
	job->done = true;
	if (!abandoned)
		event_active(job->done_ev, EV_READ, 0);
	pthread_mutex_unlock(&job->lock);
	if (abandoned)
		reload_job_free(job);
	return NULL;
}

/* Start a compile (main thread). */
static void
reload_start(struct server *s)
{
	struct reload_job *job;
	sigset_t all, old;
	int rc = ENOMEM;

	sd_notify(0, "RELOADING=1");
	if ((job = calloc(1, sizeof(*job))) != NULL) {
		pthread_mutex_init(&job->lock, NULL);
		diag_init(&job->d);
		job->opts = s->opts.engine;
		job->opts.generation = s->generation + 1;
		pthread_mutex_lock(&s->reload_lock);
		job->covered = s->reload_requests;
		pthread_mutex_unlock(&s->reload_lock);
		job->done_ev = s->reload_done_ev;
		/* signals stay with the threads that handle them: none
		 * interrupts the compile's file reads */
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		rc = pthread_create(&job->thread, NULL, reload_main, job);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	if (rc != 0) {
		/* a failed reload all the same: the count moves, the reason
		 * is in the outcome, the old rules keep serving */
		struct diag d;
		diag_init(&d);
		diag_error(&d, NULL, 0, "cannot start the reload thread: %s",
		    strerror(rc));
		diag_log(&d);
		pthread_mutex_lock(&s->reload_lock);
		s->reload_running = false;
		unsigned long covered = s->reload_requests;
		pthread_mutex_unlock(&s->reload_lock);
		reload_record(s, &d, false, covered, -1);
		diag_free(&d);
		if (job != NULL)
			reload_job_free(job);
		sd_notify(0, "READY=1");
		return;
	}
	s->reload_job = job;
	/* the thread's "done" runs on this thread, after this returns */
	pthread_mutex_lock(&s->reload_lock);
	s->reload_running = true;
	pthread_mutex_unlock(&s->reload_lock);
}

void
server_reload(struct server *s)
{
	bool start;

	pthread_mutex_lock(&s->reload_lock);
	s->reload_requests++;
	start = !s->stopping && !s->reload_running;
	if (!s->stopping && s->reload_running) {
		/* the compile under way may have read the files already: one
		 * more reload after it, however many signals come meanwhile */
		if (s->reload_pending)
			s->reload_coalesced++;
		s->reload_pending = true;
	}
	pthread_mutex_unlock(&s->reload_lock);
	if (start) {
		log_info("SIGHUP: reloading configuration and rules");
		reload_start(s);
	}
}

/* Give back what an engine left behind once it is freed: PCRE2 keeps
 * freed JIT code pages for reuse and malloc keeps freed heap. */
static void
reload_trim(void)
{
	pcre2_jit_free_unused_memory(NULL);
	malloc_trim(0);
}

/* Swap a new engine in (main thread), or keep the old one on failure. */
static void
reload_apply(struct server *s, struct engine *e, struct diag *d,
    unsigned long covered, double ms)
{
	struct engine *old;

	if (e == NULL) {
		diag_log(d);
		reload_record(s, d, false, covered, ms);
		log_error("reload failed with %zu error(s); rules version %u "
		    "keeps serving", d->errors, s->generation);
		sd_notifyf(0, "READY=1\nSTATUS=reload failed; rules version %u; "
		    "%llu decisions", s->generation, stats_decisions_total(s));
		return;
	}
	diag_log(d);
	char why[PATH_MAX + 128];
	if (declog_configure(e->cfg.decision_log, e->cfg.decision_log_text,
	    why, sizeof(why)) == -1) {
		/* the rules are good: they go live, the log stays as it was */
		diag_warning(d, NULL, 0, "%s; the decision log stays as it was",
		    why);
		log_warn("%s; the decision log stays as it was", why);
	}
	/* what a reload cannot change is said, not silently ignored */
	static const char *const listen_set[] = { "listen", NULL };
	size_t nd = d->count;
	config_start_only_changed(&s->start_cfg, &e->cfg,
	    s->opts.listen != NULL ? listen_set : NULL, d);
	for (size_t i = nd; i < d->count; i++)
		log_warn("%s", d->items[i].text);
	s->generation++;
	pthread_mutex_lock(&s->engine_lock);
	old = s->engine;
	s->engine = e;
	atomic_fetch_add_explicit(&s->engine_gen, 1, memory_order_release);
	pthread_mutex_unlock(&s->engine_lock);
	/* idle workers let go of the old engine now, not at their next
	 * request: two rule sets overlap in memory only for a moment */
	for (int i = 0; i < s->nworkers; i++)
		if (s->workers[i].swap_ev != NULL)
			event_active(s->workers[i].swap_ev, EV_READ, 0);
	/* limits and log_level are the new engine's from now on (a
	 * connection's framer and timeouts are set when it opens) */
	server_set_limits(s, &e->cfg);
	enum log_level lvl;
	if (!s->forced_debug && log_level_parse(e->cfg.log_level, &lvl) == 0)
		log_set_level(lvl);
	engine_unref(old);
	reload_trim();
	/* recorded once the new rules are in place: whoever sees the reload
	 * count move sees the new rules_version in the same stats */
	reload_record(s, d, true, covered, ms);
	log_info("reloaded: rules version %s (%zu rule sets, %zu rules, "
	    "compiled in %.1f ms)", e->version, rules_set_count(e->rb),
	    rules_count(e->rb), ms);
	sd_notifyf(0, "READY=1\nSTATUS=rules version %s; %llu decisions",
	    e->version, stats_decisions_total(s));
}

/* The compile finished: swap its result in, then start the reload that
 * was asked for meanwhile, if any. */
void
reload_on_done(evutil_socket_t fd, short what, void *arg)
{
	struct server	*s = arg;
	struct reload_job *job = s->reload_job;
	struct engine	*e;

	(void)fd;
	(void)what;
	if (job == NULL)
		return;
	pthread_join(job->thread, NULL);
	s->reload_job = NULL;
	e = job->e;
	job->e = NULL;
	if (s->stopping)
		engine_unref(e);
	else
		reload_apply(s, e, &job->d, job->covered, job->ms);
	reload_job_free(job);
	/* running until the outcome is recorded: whoever sees it stop sees
	 * the count moved */
	pthread_mutex_lock(&s->reload_lock);
	bool again = s->reload_pending && !s->stopping;
	s->reload_running = again;	/* no gap before the next one */
	s->reload_pending = false;
	pthread_mutex_unlock(&s->reload_lock);
	if (again) {
		log_info("reloading again for the SIGHUP(s) that came during "
		    "the last compile");
		reload_start(s);
	}
}

/* On a worker's own loop: take the new engine now, dropping the old. */
void
reload_on_worker_swap(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	worker_engine(arg);
}

void
reload_shutdown(struct server *s)
{
	struct reload_job *job = s->reload_job;
	bool done;

	pthread_mutex_lock(&s->reload_lock);
	s->reload_running = s->reload_pending = false;
	pthread_mutex_unlock(&s->reload_lock);
	if (job == NULL)
		return;
	s->reload_job = NULL;
	pthread_mutex_lock(&job->lock);
	done = job->done;
	job->abandoned = !done;
	pthread_mutex_unlock(&job->lock);
	if (done) {
		/* finished, but the main loop had stopped before its "done" */
		pthread_join(job->thread, NULL);
		reload_job_free(job);
		return;
	}
	/* nothing is served any more, and the compile cannot be cut short:
	 * the thread throws its result away when it ends, if the process
	 * has not ended first */
	log_info("a reload was compiling: its result will not be used");
	pthread_detach(job->thread);
}
