#include "metrics.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "request.h"
#include "stats.h"

uint64_t
metrics_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* A label value with \, " and newline escaped, as the format requires. */
static void
add_label(struct evbuffer *out, const char *v)
{
	for (; *v != '\0'; v++) {
		if (*v == '\\')
			evbuffer_add(out, "\\\\", 2);
		else if (*v == '"')
			evbuffer_add(out, "\\\"", 2);
		else if (*v == '\n')
			evbuffer_add(out, "\\n", 2);
		else
			evbuffer_add(out, v, 1);
	}
}

static void
family(struct evbuffer *out, const char *name, const char *type,
    const char *help)
{
	evbuffer_add_printf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help,
	    name, type);
}

static unsigned long long
count_of(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_integer(v) && json_integer_value(v) > 0 ?
	    (unsigned long long)json_integer_value(v) : 0;
}

static void
rule_series(struct evbuffer *out, const char *rule, const char *category,
    bool shadow, unsigned long long n)
{
	evbuffer_add_printf(out, "decorumd_rule_hits_total{rule=\"");
	add_label(out, rule);
	evbuffer_add_printf(out, "\",category=\"");
	add_label(out, category != NULL ? category : "");
	evbuffer_add_printf(out, "\",mode=\"%s\"} %llu\n",
	    shadow ? "shadow" : "enforce", n);
}

/* Per rule: a series for its mode in e (zero included, so that rate()
 * works from the start), one for the other mode when a reload changed it
 * and it counted, and the rules no longer loaded that counted, by the
 * category they were last in. */
static void
render_rules(struct evbuffer *out, const struct engine *e, json_t *rules)
{
	json_t *loaded = json_object(), *c;
	const char *id;

	for (size_t i = 0; i < rules_count(e->rb); i++) {
		const char *rid = rules_id(e->rb, (uint32_t)i);
		const char *cat = rules_category_name(e->rb,
		    rules_category_of(e->rb, (uint32_t)i));
		bool shadow = rules_is_shadow(e->rb, (uint32_t)i);
		c = json_object_get(rules, rid);
		rule_series(out, rid, cat, shadow,
		    count_of(c, shadow ? "shadow" : "hits"));
		if (count_of(c, shadow ? "hits" : "shadow") > 0)
			rule_series(out, rid, cat, !shadow,
			    count_of(c, shadow ? "hits" : "shadow"));
		if (loaded != NULL)
			json_object_set_new(loaded, rid, json_true());
	}
	json_object_foreach(rules, id, c) {
		if (loaded == NULL || json_object_get(loaded, id) != NULL)
			continue;
		const char *cat = json_string_value(json_object_get(c,
		    "category"));
		for (int shadow = 0; shadow < 2; shadow++)
			if (count_of(c, shadow ? "shadow" : "hits") > 0)
				rule_series(out, id, cat, shadow,
				    count_of(c, shadow ? "shadow" : "hits"));
	}
	json_decref(loaded);
}

static void
category_series(struct evbuffer *out, const char *cat, json_t *c)
{
	static const char *const dn[] = { "review", "reject" };

	for (int d = 0; d < 2; d++) {
		evbuffer_add_printf(out,
		    "decorumd_category_decisions_total{category=\"");
		add_label(out, cat);
		evbuffer_add_printf(out, "\",decision=\"%s\"} %llu\n", dn[d],
		    count_of(c, dn[d]));
	}
}

static void
render_categories(struct evbuffer *out, const struct engine *e, json_t *cats)
{
	json_t *loaded = json_object(), *c;
	const char *name;

	for (size_t i = 0; i < rules_category_count(e->rb); i++) {
		const char *cat = rules_category_name(e->rb, (uint32_t)i);
		category_series(out, cat, json_object_get(cats, cat));
		if (loaded != NULL)
			json_object_set_new(loaded, cat, json_true());
	}
	json_object_foreach(cats, name, c)
		if (loaded != NULL && json_object_get(loaded, name) == NULL)
			category_series(out, name, c);
	json_decref(loaded);
}

int
metrics_render(struct evbuffer *out, const struct engine *e, json_t *stats,
    int nworkers)
{
	static const char *const dn[] = { "accept", "review", "reject" };
	json_t *errs = json_object_get(stats, "errors");
	json_t *dec = json_object_get(stats, "decisions");
	json_t *dry = json_object_get(stats, "dry_run_decisions");
	json_t *dur = json_object_get(stats, "request_duration");
	json_t *bk = json_object_get(dur, "buckets");
	json_t *rl = json_object_get(stats, "reload");
	char le[32];

	family(out, "decorumd_build_info", "gauge",
	    "Always 1; the version of decorumd.");
	evbuffer_add_printf(out, "decorumd_build_info{version=\"%s\"} 1\n",
	    DECORUM_VERSION);
	family(out, "decorumd_rules_info", "gauge",
	    "Always 1; the rules version in use (changes on every successful reload).");
	evbuffer_add_printf(out, "decorumd_rules_info{rules_version=\"");
	add_label(out, e->version);
	evbuffer_add_printf(out, "\"} 1\n");
	family(out, "decorumd_rules", "gauge", "Rules loaded.");
	evbuffer_add_printf(out, "decorumd_rules %zu\n", rules_count(e->rb));
	family(out, "decorumd_rule_sets", "gauge", "Rule sets loaded.");
	evbuffer_add_printf(out, "decorumd_rule_sets %zu\n", rules_set_count(e->rb));
	family(out, "decorumd_start_time_seconds", "gauge",
	    "When decorumd started, seconds since the epoch.");
	evbuffer_add_printf(out, "decorumd_start_time_seconds %llu\n",
	    count_of(stats, "start_time"));
	family(out, "decorumd_workers", "gauge", "Worker threads.");
	evbuffer_add_printf(out, "decorumd_workers %d\n", nworkers);

	family(out, "decorumd_decisions_total", "counter",
	    "Comments decided, by decision (dry runs excluded).");
	for (int d = 0; d < 3; d++)
		evbuffer_add_printf(out, "decorumd_decisions_total{decision=\"%s\"} %llu\n",
		    dn[d], count_of(dec, dn[d]));
	family(out, "decorumd_dry_run_decisions_total", "counter",
	    "Comments decided with dry_run, by decision.");
	for (int d = 0; d < 3; d++)
		evbuffer_add_printf(out,
		    "decorumd_dry_run_decisions_total{decision=\"%s\"} %llu\n",
		    dn[d], count_of(dry, dn[d]));
	family(out, "decorumd_category_decisions_total", "counter",
	    "Comments in which a category reached its review or reject threshold.");
	render_categories(out, e, json_object_get(stats, "categories"));
	family(out, "decorumd_rule_hits_total", "counter",
	    "Comments in which a rule was among the reasons for the decision "
	    "(mode=enforce) or a shadow rule matched (mode=shadow), by rule id, "
	    "kept across reloads.");
	render_rules(out, e, json_object_get(stats, "rules"));
	family(out, "decorumd_errors_total", "counter",
	    "Error answers, by protocol error code (socket and HTTP).");
	for (int c = ERR_BAD_JSON; c <= ERR_INTERNAL; c++)
		evbuffer_add_printf(out, "decorumd_errors_total{code=\"%s\"} %llu\n",
		    err_code_name((enum err_code)c),
		    count_of(errs, err_code_name((enum err_code)c)));

	family(out, "decorumd_request_duration_seconds", "histogram",
	    "Time from reading a check request to its answer being built.");
	for (size_t b = 0; b < STATS_NBUCKETS; b++) {
		snprintf(le, sizeof(le), "%g", stats_buckets[b]);
		evbuffer_add_printf(out,
		    "decorumd_request_duration_seconds_bucket{le=\"%s\"} %llu\n",
		    le, count_of(bk, le));
	}
	evbuffer_add_printf(out,
	    "decorumd_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n",
	    count_of(bk, "+Inf"));
	evbuffer_add_printf(out, "decorumd_request_duration_seconds_sum %.9f\n",
	    (double)count_of(dur, "sum_ns") / 1e9);
	evbuffer_add_printf(out, "decorumd_request_duration_seconds_count %llu\n",
	    count_of(dur, "count"));

	family(out, "decorumd_connections", "gauge",
	    "Client connections open, on the socket and the HTTP listener.");
	evbuffer_add_printf(out, "decorumd_connections %llu\n",
	    count_of(stats, "connections"));
	family(out, "decorumd_worker_connections", "gauge",
	    "Client connections open, by worker thread.");
	json_t *per = json_object_get(stats, "worker_connections");
	for (size_t i = 0; i < json_array_size(per); i++)
		evbuffer_add_printf(out,
		    "decorumd_worker_connections{worker=\"%zu\"} %lld\n", i,
		    (long long)json_integer_value(json_array_get(per, i)));
	family(out, "decorumd_connections_accepted_total", "counter",
	    "Client connections accepted since start, on the socket and the HTTP listener.");
	evbuffer_add_printf(out, "decorumd_connections_accepted_total %llu\n",
	    count_of(stats, "connections_accepted"));
	family(out, "decorumd_http_requests_total", "counter",
	    "Requests answered by the HTTP listener.");
	evbuffer_add_printf(out, "decorumd_http_requests_total %llu\n",
	    count_of(stats, "http_requests"));
	family(out, "decorumd_reloads_total", "counter",
	    "Reloads (SIGHUP), by result.");
	evbuffer_add_printf(out, "decorumd_reloads_total{result=\"success\"} %llu\n",
	    count_of(rl, "count") - count_of(rl, "failed"));
	evbuffer_add_printf(out, "decorumd_reloads_total{result=\"failure\"} %llu\n",
	    count_of(rl, "failed"));
	family(out, "decorumd_reload_requests_total", "counter",
	    "SIGHUPs received.");
	evbuffer_add_printf(out, "decorumd_reload_requests_total %llu\n",
	    count_of(rl, "requests"));
	family(out, "decorumd_reloads_coalesced_total", "counter",
	    "SIGHUPs merged into a reload already queued behind the one compiling.");
	evbuffer_add_printf(out, "decorumd_reloads_coalesced_total %llu\n",
	    count_of(rl, "coalesced"));
	json_t *ms = json_object_get(rl, "compile_ms");
	if (json_is_number(ms)) {
		family(out, "decorumd_reload_compile_seconds", "gauge",
		    "How long the last reload took to read and compile the files.");
		evbuffer_add_printf(out, "decorumd_reload_compile_seconds %.4f\n",
		    json_number_value(ms) / 1e3);
	}
	return 0;
}
