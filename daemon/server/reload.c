/* reload: load a new engine beside the one in use and swap it in; keep
 * the outcome for stats and `decorumctl reload`. */
#include <systemd/sd-daemon.h>

#include "declog.h"
#include "log.h"
#include "metrics.h"
#include "server_impl.h"

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

json_t *
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

void
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
