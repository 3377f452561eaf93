/* stats: the counters behind {"op":"stats"}, kept per worker and summed
 * on demand. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "metrics.h"
#include "reply.h"
#include "server_impl.h"

/* The counter named name, added when missing; NULL when out of memory.
 * Called by the owning worker with its stats_lock held. */
static struct named_count *
count_find(struct count_table *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i]->name, name) == 0)
			return t->v[i];
	if (t->n == t->cap) {
		size_t ncap = t->cap ? t->cap * 2 : 64;
		struct named_count **nv = realloc(t->v, ncap * sizeof(*nv));
		if (nv == NULL)
			return NULL;
		t->v = nv;
		t->cap = ncap;
	}
	struct named_count *c = calloc(1, sizeof(*c));
	if (c == NULL || (c->name = strdup(name)) == NULL) {
		free(c);
		return NULL;
	}
	t->v[t->n++] = c;
	return c;
}

/* Point the table's index at the names of a new engine. */
static int
count_index(struct count_table *t, const struct rulebook *rb,
    const char *(*name_of)(const struct rulebook *, uint32_t), size_t n)
{
	struct named_count **idx = calloc(n + 1, sizeof(*idx));

	if (idx == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *name = name_of(rb, (uint32_t)i);
		/* a reload mostly keeps the rules in their order */
		if (i < t->nby && t->by_index != NULL &&
		    strcmp(t->by_index[i]->name, name) == 0) {
			idx[i] = t->by_index[i];
			continue;
		}
		if ((idx[i] = count_find(t, name)) == NULL) {
			free(idx);
			return -1;
		}
	}
	free(t->by_index);
	t->by_index = idx;
	t->nby = n;
	return 0;
}

void
count_free(struct count_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i]->name);
		free(t->v[i]);
	}
	free(t->v);
	free(t->by_index);
	memset(t, 0, sizeof(*t));
}

/* Count one decided comment (not a dry run) by category and rule. */
static void
stats_count(struct worker *w, const struct engine *e,
    const struct check_scratch *cs)
{
	const struct rulebook	*rb = e->rb;
	const struct verdict	*v = &cs->v;

	if (w->counts_gen != w->engine_gen || w->rule_counts.by_index == NULL) {
		pthread_mutex_lock(&w->stats_lock);
		uint8_t *seen = calloc(rules_count(rb) + 1, 1);
		int rc = seen == NULL ? -1 :
		    count_index(&w->rule_counts, rb, rules_id, rules_count(rb));
		if (rc == 0)
			rc = count_index(&w->cat_counts, rb, rules_category_name,
			    rules_category_count(rb));
		pthread_mutex_unlock(&w->stats_lock);
		free(w->seen);
		w->seen = seen;
		if (rc == -1) {
			/* out of memory: try again on the next comment */
			free(w->rule_counts.by_index);
			w->rule_counts.by_index = NULL;
			w->rule_counts.nby = 0;
			return;
		}
		w->counts_gen = w->engine_gen;
	}
	for (size_t c = 0; c < rules_category_count(rb); c++)
		if (v->cat_state[c] == DECISION_REVIEW ||
		    v->cat_state[c] == DECISION_REJECT)
			atomic_fetch_add_explicit(&w->cat_counts.by_index[c]->n[
			    v->cat_state[c] == DECISION_REJECT], 1,
			    memory_order_relaxed);
	/* each rule once per comment, however often it matched */
	for (int pass = 0; pass < 2; pass++) {
		const uint32_t *idx = pass == 0 ? v->reasons : v->shadow;
		size_t n = pass == 0 ? v->nreasons : v->nshadow;
		for (size_t i = 0; i < n; i++) {
			uint32_t r = cs->ms.hits[idx[i]].rule;
			if (w->seen[r])
				continue;
			w->seen[r] = 1;
			atomic_fetch_add_explicit(&w->rule_counts.by_index[r]->n[pass],
			    1, memory_order_relaxed);
		}
		for (size_t i = 0; i < n; i++)
			w->seen[cs->ms.hits[idx[i]].rule] = 0;
	}
}

/* Sum the named counters of every worker into {name: {k0: n, k1: n}},
 * leaving out names whose counts are all zero. */
static json_t *
counts_json(struct server *s, size_t which, const char *k0, const char *k1)
{
	json_t *o = json_object();

	for (int i = 0; o != NULL && i < s->nworkers; i++) {
		struct worker *w = &s->workers[i];
		pthread_mutex_lock(&w->stats_lock);
		const struct count_table *t = which == 0 ? &w->rule_counts :
		    &w->cat_counts;
		for (size_t k = 0; k < t->n; k++) {
			unsigned long long a = atomic_load(&t->v[k]->n[0]);
			unsigned long long b = atomic_load(&t->v[k]->n[1]);
			if (a == 0 && b == 0)
				continue;
			json_t *c = json_object_get(o, t->v[k]->name);
			if (c == NULL) {
				c = json_pack("{sIsI}", k0, (json_int_t)0, k1,
				    (json_int_t)0);
				if (c == NULL || json_object_set_new(o,
				    t->v[k]->name, c) == -1)
					continue;
			}
			json_object_set_new(c, k0, json_integer(json_integer_value(
			    json_object_get(c, k0)) + (json_int_t)a));
			json_object_set_new(c, k1, json_integer(json_integer_value(
			    json_object_get(c, k1)) + (json_int_t)b));
		}
		pthread_mutex_unlock(&w->stats_lock);
	}
	return o;
}

json_t *
stats_json(struct server *s, struct engine *e)
{
	static const char *const dnames[] = { "accept", "review", "reject" };
	json_t *o = json_object(), *dec = json_object(), *errs = json_object();
	unsigned long long v;

	if (o == NULL || dec == NULL || errs == NULL) {
		json_decref(o);
		json_decref(dec);
		json_decref(errs);
		return NULL;
	}
	for (int d = 0; d < 3; d++) {
		v = 0;
		for (int i = 0; i < s->nworkers; i++)
			v += atomic_load(&s->workers[i].stats.decisions[d]);
		json_object_set_new(dec, dnames[d], json_integer((json_int_t)v));
	}
	for (int c = ERR_BAD_JSON; c <= ERR_INTERNAL; c++) {
		v = 0;
		for (int i = 0; i < s->nworkers; i++)
			v += atomic_load(&s->workers[i].stats.errors[c]);
		json_object_set_new(errs, err_code_name((enum err_code)c),
		    json_integer((json_int_t)v));
	}
	v = 0;
	for (int i = 0; i < s->nworkers; i++)
		v += atomic_load(&s->workers[i].stats.dry_runs);
	json_object_set_new(o, "uptime", json_integer(time(NULL) - s->started));
	/* the reload outcome first, then the rules in place: a reload is
	 * recorded after its swap, so the two always agree */
	json_t *reload = reload_json(s);
	(void)e;
	pthread_mutex_lock(&s->engine_lock);
	json_object_set_new(o, "rules_version", json_string(s->engine->version));
	pthread_mutex_unlock(&s->engine_lock);
	json_object_set_new(o, "decisions", dec);
	json_object_set_new(o, "dry_runs", json_integer((json_int_t)v));
	json_object_set_new(o, "errors", errs);
	json_object_set_new(o, "connections",
	    json_integer(atomic_load(&s->nconns)));
	json_object_set_new(o, "categories",
	    counts_json(s, 1, "review", "reject"));
	json_object_set_new(o, "rules", counts_json(s, 0, "hits", "shadow"));
	json_object_set_new(o, "reload", reload);
	json_object_set_new(o, "pid", json_integer((json_int_t)getpid()));
	return o;
}

void
stats_decided(struct worker *w, const struct engine *e,
    const struct check_scratch *cs, bool dry_run, uint64_t latency_ns)
{
	metrics_decision(e, cs, dry_run, latency_ns);
	if (dry_run) {
		atomic_fetch_add_explicit(&w->stats.dry_runs, 1,
		    memory_order_relaxed);
		return;
	}
	atomic_fetch_add_explicit(&w->stats.decisions[cs->v.decision], 1,
	    memory_order_relaxed);
	stats_count(w, e, cs);
}

void
stats_error(struct worker *w, enum err_code code)
{
	atomic_fetch_add_explicit(&w->stats.errors[code], 1,
	    memory_order_relaxed);
}

void
stats_connection(struct worker *w)
{
	atomic_fetch_add_explicit(&w->stats.connections, 1,
	    memory_order_relaxed);
}
