#include "metrics.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "request.h"

/* Upper bounds of the latency histogram, in seconds. */
static const double buckets[] = { 0.00001, 0.000025, 0.00005, 0.0001,
	0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1.0 };
#define NBUCKETS (sizeof(buckets) / sizeof(buckets[0]))

static struct {
	atomic_ullong	 decisions[3];
	atomic_ullong	 dry_runs[3];
	atomic_ullong	 latency[NBUCKETS + 1];	/* not cumulative; last is +Inf */
	atomic_ullong	 latency_ns_sum;
	atomic_ullong	 http_errors[ERR_INTERNAL + 1];
	atomic_ullong	 http_requests;
	atomic_ullong	 reloads_ok, reloads_failed;
	time_t		 started;
} m = { .started = 0 };

/* Lives in e->metrics, freed with the engine: one block. */
struct engine_metrics {
	size_t		 nrules, ncats;
	atomic_ullong	*rule_hits;		/* [nrules] */
	atomic_ullong	*cat[2];		/* [ncats], review and reject */
};

uint64_t
metrics_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int
metrics_attach(struct engine *e, const struct engine *prev)
{
	size_t nr = rules_count(e->rb), nc = rules_category_count(e->rb);
	size_t sz = sizeof(struct engine_metrics) +
	    (nr + 2 * nc + 1) * sizeof(atomic_ullong);
	struct engine_metrics *em = calloc(1, sz);

	if (m.started == 0)
		m.started = time(NULL);
	if (em == NULL)
		return -1;
	em->nrules = nr;
	em->ncats = nc;
	em->rule_hits = (atomic_ullong *)(em + 1);
	em->cat[0] = em->rule_hits + nr;
	em->cat[1] = em->cat[0] + nc;
	if (prev != NULL && prev->metrics != NULL) {
		const struct engine_metrics *pm = prev->metrics;
		/* counters must never go backwards for a series that stays */
		for (size_t i = 0; i < nr; i++)
			for (size_t k = 0; k < pm->nrules; k++)
				if (strcmp(rules_id(e->rb, (uint32_t)i),
				    rules_id(prev->rb, (uint32_t)k)) == 0) {
					atomic_store(&em->rule_hits[i],
					    atomic_load(&pm->rule_hits[k]));
					break;
				}
		for (size_t i = 0; i < nc; i++)
			for (size_t k = 0; k < pm->ncats; k++)
				if (strcmp(rules_category_name(e->rb, (uint32_t)i),
				    rules_category_name(prev->rb, (uint32_t)k)) == 0) {
					for (int d = 0; d < 2; d++)
						atomic_store(&em->cat[d][i],
						    atomic_load(&pm->cat[d][k]));
					break;
				}
	}
	e->metrics = em;
	return 0;
}

void
metrics_decision(const struct engine *e, const struct check_scratch *cs,
    bool dry_run, uint64_t latency_ns)
{
	const struct verdict *v = &cs->v;
	struct engine_metrics *em = e->metrics;
	size_t b;

	atomic_fetch_add_explicit(dry_run ? &m.dry_runs[v->decision] :
	    &m.decisions[v->decision], 1, memory_order_relaxed);
	for (b = 0; b < NBUCKETS; b++)
		if ((double)latency_ns <= buckets[b] * 1e9)
			break;
	atomic_fetch_add_explicit(&m.latency[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&m.latency_ns_sum, latency_ns,
	    memory_order_relaxed);
	if (em == NULL || dry_run)
		return;
	for (size_t c = 0; c < em->ncats; c++)
		if (v->cat_state[c] == DECISION_REVIEW ||
		    v->cat_state[c] == DECISION_REJECT)
			atomic_fetch_add_explicit(&em->cat[v->cat_state[c] ==
			    DECISION_REJECT][c], 1, memory_order_relaxed);
	/* each rule once per comment, however often it matched */
	for (size_t i = 0; i < cs->ms.nhits; i++) {
		const struct hit *h = &cs->ms.hits[i];
		bool seen = false;
		if (h->suppressed || h->rule >= em->nrules)
			continue;
		for (size_t k = 0; k < i && !seen; k++)
			seen = !cs->ms.hits[k].suppressed &&
			    cs->ms.hits[k].rule == h->rule;
		if (!seen)
			atomic_fetch_add_explicit(&em->rule_hits[h->rule], 1,
			    memory_order_relaxed);
	}
}

void
metrics_http_error(int code)
{
	if (code > 0 && code <= ERR_INTERNAL)
		atomic_fetch_add_explicit(&m.http_errors[code], 1,
		    memory_order_relaxed);
}

void
metrics_http_request(void)
{
	atomic_fetch_add_explicit(&m.http_requests, 1, memory_order_relaxed);
}

void
metrics_reload(bool ok)
{
	atomic_fetch_add(ok ? &m.reloads_ok : &m.reloads_failed, 1);
}

unsigned long long
metrics_decisions_total(void)
{
	unsigned long long n = 0;

	for (int d = 0; d < 3; d++)
		n += atomic_load(&m.decisions[d]) + atomic_load(&m.dry_runs[d]);
	return n;
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
json_count(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? (unsigned long long)json_integer_value(v) : 0;
}

int
metrics_render(struct evbuffer *out, const struct engine *e, json_t *stats,
    int nworkers)
{
	static const char *const dn[] = { "accept", "review", "reject" };
	const struct engine_metrics *em = e->metrics;
	json_t *errs = json_object_get(stats, "errors");

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
	evbuffer_add_printf(out, "decorumd_start_time_seconds %lld\n",
	    (long long)m.started);
	family(out, "decorumd_workers", "gauge", "Worker threads.");
	evbuffer_add_printf(out, "decorumd_workers %d\n", nworkers);

	family(out, "decorumd_decisions_total", "counter",
	    "Comments decided, by decision (dry runs excluded).");
	for (int d = 0; d < 3; d++)
		evbuffer_add_printf(out, "decorumd_decisions_total{decision=\"%s\"} %llu\n",
		    dn[d], (unsigned long long)atomic_load(&m.decisions[d]));
	family(out, "decorumd_dry_run_decisions_total", "counter",
	    "Comments decided with dry_run, by decision.");
	for (int d = 0; d < 3; d++)
		evbuffer_add_printf(out,
		    "decorumd_dry_run_decisions_total{decision=\"%s\"} %llu\n",
		    dn[d], (unsigned long long)atomic_load(&m.dry_runs[d]));
	family(out, "decorumd_category_decisions_total", "counter",
	    "Comments in which a category reached its review or reject threshold.");
	for (size_t c = 0; em != NULL && c < em->ncats; c++)
		for (int d = 0; d < 2; d++) {
			evbuffer_add_printf(out,
			    "decorumd_category_decisions_total{category=\"");
			add_label(out, rules_category_name(e->rb, (uint32_t)c));
			evbuffer_add_printf(out, "\",decision=\"%s\"} %llu\n",
			    dn[d + 1], (unsigned long long)atomic_load(&em->cat[d][c]));
		}
	family(out, "decorumd_rule_hits_total", "counter",
	    "Comments in which a rule matched (outside allow entries), shadow rules included.");
	for (size_t i = 0; em != NULL && i < em->nrules; i++) {
		evbuffer_add_printf(out, "decorumd_rule_hits_total{rule=\"");
		add_label(out, rules_id(e->rb, (uint32_t)i));
		evbuffer_add_printf(out, "\",category=\"");
		add_label(out, rules_category_name(e->rb,
		    rules_category_of(e->rb, (uint32_t)i)));
		evbuffer_add_printf(out, "\",mode=\"%s\"} %llu\n",
		    rules_is_shadow(e->rb, (uint32_t)i) ? "shadow" : "enforce",
		    (unsigned long long)atomic_load(&em->rule_hits[i]));
	}
	family(out, "decorumd_errors_total", "counter",
	    "Error answers, by protocol error code (socket and HTTP).");
	for (int c = ERR_BAD_JSON; c <= ERR_INTERNAL; c++)
		evbuffer_add_printf(out, "decorumd_errors_total{code=\"%s\"} %llu\n",
		    err_code_name((enum err_code)c),
		    json_count(errs, err_code_name((enum err_code)c)) +
		    (unsigned long long)atomic_load(&m.http_errors[c]));

	family(out, "decorumd_request_duration_seconds", "histogram",
	    "Time from reading a check request to its answer being built.");
	unsigned long long cum = 0;
	for (size_t b = 0; b <= NBUCKETS; b++) {
		cum += atomic_load(&m.latency[b]);
		if (b < NBUCKETS)
			evbuffer_add_printf(out,
			    "decorumd_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
			    buckets[b], cum);
		else
			evbuffer_add_printf(out,
			    "decorumd_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n",
			    cum);
	}
	evbuffer_add_printf(out, "decorumd_request_duration_seconds_sum %.9f\n",
	    (double)atomic_load(&m.latency_ns_sum) / 1e9);
	evbuffer_add_printf(out, "decorumd_request_duration_seconds_count %llu\n",
	    cum);

	family(out, "decorumd_connections", "gauge",
	    "Client connections open on the socket.");
	evbuffer_add_printf(out, "decorumd_connections %llu\n",
	    json_count(stats, "connections"));
	family(out, "decorumd_http_requests_total", "counter",
	    "Requests answered by the HTTP listener.");
	evbuffer_add_printf(out, "decorumd_http_requests_total %llu\n",
	    (unsigned long long)atomic_load(&m.http_requests));
	family(out, "decorumd_reloads_total", "counter",
	    "Reloads (SIGHUP), by result.");
	evbuffer_add_printf(out, "decorumd_reloads_total{result=\"success\"} %llu\n",
	    (unsigned long long)atomic_load(&m.reloads_ok));
	evbuffer_add_printf(out, "decorumd_reloads_total{result=\"failure\"} %llu\n",
	    (unsigned long long)atomic_load(&m.reloads_failed));
	return 0;
}
