/* Unit tests of the counters (stats.h: per-thread shards summed into one
 * JSON object) and their Prometheus exposition rendered from that object,
 * and of the decision log: a small rules directory in a temporary
 * directory, loaded with engine_load, comments checked with engine_check. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <event2/buffer.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "declog.h"
#include "engine.h"
#include "metrics.h"
#include "stats.h"

struct fx {
	char		 dir[64];
	char		 rules[96];
	struct engine	*e;
	struct check_scratch cs;
	struct stats	 shard[2];	/* two workers' */
};

static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

static struct engine *
load(struct fx *fx, unsigned gen)
{
	struct engine_opts o = { .rules_dir = fx->rules, .generation = gen };
	struct diag d;
	struct engine *e;

	diag_init(&d);
	e = engine_load(&o, &d);
	if (e == NULL)
		diag_log(&d);
	diag_free(&d);
	assert_non_null(e);
	return e;
}

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof(*fx));

	strcpy(fx->dir, "/tmp/decorum-metrics-XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->rules, sizeof(fx->rules), "%s/rules", fx->dir);
	mkdir(fx->rules, 0700);
	write_file(fx->rules, "p.conf", "category = \"profanity\";\n"
	    "rules = ( { id = \"p.darn\"; words = [\"darn\"]; },\n"
	    "          { id = \"p.gosh\"; words = [\"gosh\"]; weight = 0.5; } );\n");
	write_file(fx->rules, "d.conf", "category = \"discourtesy\";\n"
	    "rules = ( { id = \"d.twit\"; words = [\"twit\"]; } );\n");
	/* engine_load refuses rules without the canary (golive.h) */
	write_file(fx->rules, "z-canary.conf", "category = \"discourtesy\";\n"
	    "rules = ( { id = \"z.canary\"; weight = 1000.0;\n"
	    "  regex = \"\\\\bdecorum-test-reject-7a3f\\\\b\"; } );\n");
	fx->e = load(fx, 1);
	check_scratch_init(&fx->cs);
	stats_init(&fx->shard[0]);
	stats_init(&fx->shard[1]);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	char cmd[128];

	check_scratch_free(&fx->cs);
	stats_destroy(&fx->shard[0]);
	stats_destroy(&fx->shard[1]);
	engine_unref(fx->e);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	(void)!system(cmd);
	free(fx);
	return 0;
}

/* Check text on engine e and count it in shard 0, or in shard 1 (a
 * second worker's). */
static void
check_on(struct fx *fx, struct engine *e, const char *text, bool dry_run,
    bool other)
{
	const struct policy *p = policies_find(&e->policies, NULL);

	assert_non_null(p);
	assert_int_equal(engine_check(e, p, &fx->cs, text, strlen(text)), 0);
	stats_count_decision(&fx->shard[other ? 1 : 0], e, &fx->cs, dry_run,
	    42000);
}

static void
check(struct fx *fx, struct engine *e, const char *text, bool dry_run)
{
	check_on(fx, e, text, dry_run, false);
}

static json_t *
sum(struct fx *fx)
{
	struct stats *v[] = { &fx->shard[0], &fx->shard[1] };
	json_t *o = json_pack("{s:i,s:[i,i]}", "connections", 2,
	    "worker_connections", 1, 1);

	assert_int_equal(stats_sum_json(o, v, 2), 0);
	return o;
}

static char *
render(struct fx *fx, struct engine *e)
{
	struct evbuffer *out = evbuffer_new();
	json_t *stats = sum(fx);

	assert_int_equal(metrics_render(out, e, stats, 4), 0);
	json_decref(stats);
	size_t n = evbuffer_get_length(out);
	char *s = malloc(n + 1);
	evbuffer_remove(out, s, n);
	s[n] = '\0';
	evbuffer_free(out);
	return s;
}

static void
test_counts_and_exposition(void **state)
{
	struct fx *fx = *state;
	struct stats *v[] = { &fx->shard[0], &fx->shard[1] };

	check(fx, fx->e, "darn darn twit", false);	/* one hit per rule */
	check_on(fx, fx->e, "gosh", false, true);	/* on another worker */
	check(fx, fx->e, "hello", true);
	for (int i = 0; i < 3; i++) {
		stats_count_error(&fx->shard[0], ERR_BAD_JSON);
		stats_count_http_request(&fx->shard[1]);
	}
	stats_count_error(&fx->shard[1], ERR_BAD_JSON);
	stats_count_connection(&fx->shard[0]);
	assert_int_equal(stats_sum_decisions(v, 2), 3);
	json_t *o = sum(fx);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(o,
	    "decisions"), "reject")), 1);
	assert_int_equal(json_integer_value(json_object_get(o, "dry_runs")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(o,
	    "errors"), "bad_json")), 4);
	assert_int_equal(json_integer_value(json_object_get(o,
	    "http_requests")), 3);
	json_t *r = json_object_get(json_object_get(o, "rules"), "p.darn");
	assert_int_equal(json_integer_value(json_object_get(r, "hits")), 1);
	assert_string_equal(json_string_value(json_object_get(r, "category")),
	    "profanity");
	json_decref(o);
	char *s = render(fx, fx->e);
	assert_non_null(strstr(s, "# TYPE decorumd_decisions_total counter\n"));
	assert_non_null(strstr(s, "decorumd_rule_hits_total{rule=\"p.darn\","
	    "category=\"profanity\",mode=\"enforce\"} 1\n"));
	assert_non_null(strstr(s, "decorumd_rule_hits_total{rule=\"d.twit\","
	    "category=\"discourtesy\",mode=\"enforce\"} 1\n"));
	assert_non_null(strstr(s, "decorumd_category_decisions_total{category="
	    "\"profanity\",decision=\"review\"} 1\n"));
	assert_non_null(strstr(s, "decorumd_category_decisions_total{category="
	    "\"profanity\",decision=\"reject\"} 1\n"));
	assert_non_null(strstr(s, "decorumd_dry_run_decisions_total{decision="
	    "\"accept\"} 1\n"));
	assert_non_null(strstr(s, "decorumd_errors_total{code=\"bad_json\"} 4\n"));
	assert_non_null(strstr(s, "decorumd_http_requests_total 3\n"));
	assert_non_null(strstr(s, "decorumd_connections_accepted_total 1\n"));
	assert_non_null(strstr(s, "decorumd_connections 2\n"));
	assert_non_null(strstr(s, "# TYPE decorumd_worker_connections gauge\n"));
	assert_non_null(strstr(s, "decorumd_worker_connections{worker=\"0\"} 1\n"
	    "decorumd_worker_connections{worker=\"1\"} 1\n"));
	assert_non_null(strstr(s, "decorumd_workers 4\n"));
	assert_non_null(strstr(s, "decorumd_rules_info{rules_version=\"1\"} 1\n"));
	/* 42 µs lands in the 50 µs bucket and every one above it */
	assert_non_null(strstr(s,
	    "decorumd_request_duration_seconds_bucket{le=\"2.5e-05\"} 0\n"));
	assert_non_null(strstr(s,
	    "decorumd_request_duration_seconds_bucket{le=\"5e-05\"} 3\n"));
	assert_non_null(strstr(s,
	    "decorumd_request_duration_seconds_bucket{le=\"+Inf\"} 3\n"));
	assert_non_null(strstr(s, "decorumd_request_duration_seconds_count 3\n"));
	assert_int_equal(s[strlen(s) - 1], '\n');
	free(s);
}

static void
test_reload_carries_counters_over(void **state)
{
	struct fx *fx = *state;

	check(fx, fx->e, "darn", false);
	check_on(fx, fx->e, "twit", false, true);
	/* the new rules drop d.twit, keep p.darn, add p.heck, in a new order */
	write_file(fx->rules, "d.conf", "category = \"discourtesy\";\n"
	    "rules = ( { id = \"d.other\"; words = [\"nitwit\"]; } );\n");
	write_file(fx->rules, "p.conf", "category = \"profanity\";\n"
	    "rules = ( { id = \"p.heck\"; words = [\"heck\"]; },\n"
	    "          { id = \"p.darn\"; words = [\"darn\"]; } );\n");
	struct engine *e2 = load(fx, 2);
	check(fx, e2, "darn heck", false);
	check_on(fx, e2, "darn", false, true);
	char *s = render(fx, e2);
	assert_non_null(strstr(s, "rule=\"p.darn\",category=\"profanity\","
	    "mode=\"enforce\"} 3\n"));
	assert_non_null(strstr(s, "rule=\"p.heck\",category=\"profanity\","
	    "mode=\"enforce\"} 1\n"));
	assert_non_null(strstr(s, "rule=\"d.other\",category=\"discourtesy\","
	    "mode=\"enforce\"} 0\n"));
	/* dropped but counted: its count stays, by the category it was in */
	assert_non_null(strstr(s, "rule=\"d.twit\",category=\"discourtesy\","
	    "mode=\"enforce\"} 1\n"));
	assert_null(strstr(s, "p.gosh"));	/* dropped, never counted */
	assert_non_null(strstr(s, "decorumd_category_decisions_total{category="
	    "\"profanity\",decision=\"reject\"} 3\n"));
	free(s);

	/* and back: p.gosh returns, d.twit too, counting on from where it was */
	write_file(fx->rules, "d.conf", "category = \"discourtesy\";\n"
	    "rules = ( { id = \"d.twit\"; words = [\"twit\"]; } );\n");
	struct engine *e3 = load(fx, 3);
	check(fx, e3, "twit", false);
	s = render(fx, e3);
	assert_non_null(strstr(s, "rule=\"d.twit\",category=\"discourtesy\","
	    "mode=\"enforce\"} 2\n"));
	assert_null(strstr(s, "rule=\"d.other\""));	/* dropped, at 0 */
	free(s);
	engine_unref(e3);
	engine_unref(e2);
}

static json_t *
read_line(const char *path, int n)
{
	char buf[4096];
	FILE *f = fopen(path, "r");
	json_t *o = NULL;

	assert_non_null(f);
	for (int i = 0; i <= n; i++)
		assert_non_null(fgets(buf, sizeof(buf), f));
	fclose(f);
	assert_non_null(o = json_loads(buf, 0, NULL));
	return o;
}

static void
test_decision_log(void **state)
{
	struct fx *fx = *state;
	char path[128], moved[140], why[256];
	const struct policy *p = policies_find(&fx->e->policies, NULL);
	json_t *id = json_string("c-1");

	snprintf(path, sizeof(path), "%s/decisions.log", fx->dir);
	snprintf(moved, sizeof(moved), "%s.1", path);
	assert_false(declog_enabled());
	assert_int_equal(declog_configure(path, false, why, sizeof(why)), 0);
	assert_true(declog_enabled());
	assert_int_equal(engine_check(fx->e, p, &fx->cs, "darn twit", 9), 0);
	declog_decision(fx->e, p, &fx->cs, id, "darn twit", 9, false, 12345, NULL);
	json_t *o = read_line(path, 0);
	assert_string_equal(json_string_value(json_object_get(o, "id")), "c-1");
	assert_string_equal(json_string_value(json_object_get(o, "decision")),
	    "reject");
	assert_int_equal(json_array_size(json_object_get(o, "categories")), 2);
	assert_int_equal(json_array_size(json_object_get(o, "rules")), 2);
	assert_int_equal(json_integer_value(json_object_get(o, "latency_us")), 12);
	assert_string_equal(json_string_value(json_object_get(o, "rules_version")), "1");
	assert_null(json_object_get(o, "text"));
	json_decref(o);

	/* logrotate moved it: the next line goes to a new file of that name */
	assert_int_equal(rename(path, moved), 0);
	declog_reopen();
	assert_int_equal(declog_configure(path, true, why, sizeof(why)), 0);
	assert_int_equal(engine_check(fx->e, p, &fx->cs, "hello", 5), 0);
	declog_decision(fx->e, p, &fx->cs, NULL, "hello", 5, true, 999, "http");
	o = read_line(path, 0);
	assert_true(json_is_null(json_object_get(o, "id")));
	assert_string_equal(json_string_value(json_object_get(o, "text")), "hello");
	assert_true(json_is_true(json_object_get(o, "dry_run")));
	assert_string_equal(json_string_value(json_object_get(o, "via")), "http");
	json_decref(o);

	assert_int_equal(declog_configure("", false, why, sizeof(why)), 0);
	assert_false(declog_enabled());
	declog_close();
	json_decref(id);
}

/* A FIFO as the decision log: refused at once (a FIFO without a reader
 * would block open() forever), with a reason that says why. */
static void
test_decision_log_refuses_a_fifo(void **state)
{
	struct fx *fx = *state;
	char path[128], why[256] = "";

	snprintf(path, sizeof(path), "%s/fifo", fx->dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(declog_configure(path, false, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "is not a regular file"));
	assert_false(declog_enabled());
	assert_int_equal(declog_configure("/dev/null", false, why, sizeof(why)),
	    -1);
	assert_non_null(strstr(why, "is not a regular file"));
	declog_close();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counts_and_exposition, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reload_carries_counters_over, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_log, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_log_refuses_a_fifo,
		    setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
