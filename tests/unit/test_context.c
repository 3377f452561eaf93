/* Unit tests of context (rule conditions on the words around a hit),
 * severity (a policy holding some hits for review) and offence (a span
 * counts once): a small rules directory and configuration written to a
 * temporary directory, loaded with engine_load, checked with engine_check. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine.h"
#include "rulebook.h"
#include "severity.h"

static const char *const insult_conf =
    "category = \"discourtesy\";\n"
    "lists = {\n"
    "  reporting = [\"called me\", \"said i was\", \"the phrase\"];\n"
    "  negation = [\"not\", \"never\"];\n"
    "  self = [\"i felt like\", \"i m\"];\n"
    "  second = [\"you\", \"you re\", \"you are\"];\n"
    "};\n"
    "rules = (\n"
    "  { id = \"d.name\"; words = [\"idiot\", \"moron\"]; severity = \"third_party\";\n"
    "    unless_after = ( { list = \"@reporting\"; within = 2; },\n"
    "                     { list = [\"@negation\", \"@self\"]; within = 3; } );\n"
    "    unless_before = { list = [\"wind\"]; within = 1; };\n"
    "    unless_quoted = true; },\n"
    "  { id = \"d.you\"; words = [\"idiot\", \"moron\"];\n"
    "    only_after = { list = \"@second\"; within = 2; }; },\n"
    "  { id = \"d.also\"; regex = \"\\\\bidiot\\\\b\"; weight = 0.5; severity = \"third_party\"; }\n"
    ");\n";

static const char *const swear_conf =
    "category = \"profanity\";\n"
    "rules = (\n"
    "  { id = \"p.mild\"; words = [\"damn\"]; severity = \"mild\"; },\n"
    "  { id = \"p.half\"; words = [\"heck\", \"darn\"]; weight = 0.5; }\n"
    ");\n";

/* every policy must reject the monitoring canary (golive.c) */
static const char *const canary_conf =
    "category = \"violence\";\n"
    "rules = ( { id = \"canary.reject\"; regex = \"\\\\bdecorum-test-reject-7a3f\\\\b\";\n"
    "            weight = 1000.0; } );\n";

static const char *const config_text =
    "rules_dir = \"rules\";\n"
    "policies = {\n"
    "  default = { reject_at = 1.0; review_at = 0.5;\n"
    "              severity = { mild = \"review\"; third_party = \"review\"; }; };\n"
    "  kids = { extend = \"default\";\n"
    "           severity = { mild = \"reject\"; third_party = { discourtesy = \"reject\"; }; }; };\n"
    "  quiet = { extend = \"default\"; severity = { mild = \"accept\"; }; };\n"
    "};\n";

struct fx {
	char		 dir[64];
	struct engine	*e;
	struct check_scratch cs;
	struct diag	 d;
};

static void
put(const char *dir, const char *name, const char *content)
{
	char p[256];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	if (content == NULL) {
		assert_int_equal(mkdir(p, 0700), 0);
		return;
	}
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	assert_true(fputs(content, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static struct engine *
load(struct fx *x, const char *rules_a, const char *rules_b,
    const char *config)
{
	struct engine_opts	 o;
	char			 conf[128];

	put(x->dir, "rules/a.conf", rules_a);
	put(x->dir, "rules/b.conf", rules_b);
	put(x->dir, "rules/canary.conf", canary_conf);
	put(x->dir, "decorumd.conf", config);
	snprintf(conf, sizeof(conf), "%s/decorumd.conf", x->dir);
	memset(&o, 0, sizeof(o));
	o.config_path = conf;
	return engine_load(&o, &x->d);
}

static int
setup(void **state)
{
	struct fx *x = calloc(1, sizeof(*x));

	if (x == NULL)
		return -1;
	snprintf(x->dir, sizeof(x->dir), "/tmp/decorum-context-XXXXXX");
	if (mkdtemp(x->dir) == NULL)
		return -1;
	diag_init(&x->d);
	check_scratch_init(&x->cs);
	put(x->dir, "rules", NULL);
	x->e = load(x, insult_conf, swear_conf, config_text);
	if (x->e == NULL) {
		diag_print(&x->d, stderr);
		return -1;
	}
	*state = x;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*x = *state;
	char		 p[128];

	check_scratch_free(&x->cs);
	engine_unref(x->e);
	const char *const files[] = { "rules/a.conf", "rules/b.conf",
	    "rules/canary.conf", "decorumd.conf", "rules" };
	for (size_t i = 0; i < 5; i++) {
		snprintf(p, sizeof(p), "%s/%s", x->dir, files[i]);
		remove(p);
	}
	rmdir(x->dir);
	diag_free(&x->d);
	free(x);
	return 0;
}

static enum decision
check(struct fx *x, const char *pol, const char *text)
{
	const struct policy *p = policies_find(&x->e->policies, pol);

	assert_non_null(p);
	assert_int_equal(engine_check(x->e, p, &x->cs, text, strlen(text)), 0);
	return x->cs.v.decision;
}

/* Whether rule id has an unsuppressed hit in the last check. */
static bool
fired(struct fx *x, const char *id)
{
	for (size_t i = 0; i < x->cs.ms.nhits; i++) {
		const struct hit *h = &x->cs.ms.hits[i];
		if (!h->suppressed &&
		    strcmp(x->e->rb->rules[h->rule].id, id) == 0)
			return true;
	}
	return false;
}

static void
test_unless_after(void **state)
{
	struct fx *x = *state;

	check(x, "default", "the minister is an idiot");
	assert_true(fired(x, "d.name"));
	check(x, "default", "He called me an idiot, which is uncalled for.");
	assert_false(fired(x, "d.name"));
	/* within = 2: "called me" ends three words before */
	check(x, "default", "He called me a total utter idiot");
	assert_true(fired(x, "d.name"));
	check(x, "default", "she is not an idiot");
	assert_false(fired(x, "d.name"));
	check(x, "default", "I felt like an idiot when I forgot my keys");
	assert_false(fired(x, "d.name"));
	check(x, "default", "I'm an idiot");
	assert_false(fired(x, "d.name"));
	/* the sentence ends: the negation before it does not count */
	check(x, "default", "Not me. Moron.");
	assert_true(fired(x, "d.name"));
	/* words compare whole: "nothing" is not "not" */
	check(x, "default", "nothing but an idiot");
	assert_true(fired(x, "d.name"));
}

static void
test_unless_before_and_quoted(void **state)
{
	struct fx *x = *state;

	check(x, "default", "Idiot Wind is my favourite Dylan song");
	assert_false(fired(x, "d.name"));
	check(x, "default", "'useful idiot' - what do you mean by that phrase?");
	assert_false(fired(x, "d.name"));
	check(x, "default", "they wrote \"moron\" on the sign");
	assert_false(fired(x, "d.name"));
	/* an apostrophe is not a quotation mark */
	check(x, "default", "Harper's an idiot, isn't he");
	assert_true(fired(x, "d.name"));
	/* an unclosed quotation mark quotes nothing */
	check(x, "default", "he said \"well, the idiot");
	assert_true(fired(x, "d.name"));
}

static void
test_only_after(void **state)
{
	struct fx *x = *state;

	check(x, "default", "you are an idiot");
	assert_true(fired(x, "d.you"));
	check(x, "default", "the minister is an idiot");
	assert_false(fired(x, "d.you"));
	check(x, "default", "you know, the minister is an idiot");
	assert_false(fired(x, "d.you"));
}

/* Third-party insults and mild words: review in default, reject in kids;
 * aimed at "you" they reject everywhere. */
static void
test_severity(void **state)
{
	struct fx *x = *state;

	assert_int_equal(check(x, "default", "the minister is an idiot"),
	    DECISION_REVIEW);
	assert_int_equal(check(x, "kids", "the minister is an idiot"),
	    DECISION_REJECT);
	assert_int_equal(check(x, "default", "you are an idiot"),
	    DECISION_REJECT);
	assert_int_equal(check(x, "default", "so damn hard to watch"),
	    DECISION_REVIEW);
	assert_int_equal(check(x, "kids", "so damn hard to watch"),
	    DECISION_REJECT);
	assert_int_equal(check(x, "quiet", "so damn hard to watch"),
	    DECISION_ACCEPT);
	/* what {"op":"policies"} shows: only what does not simply reject */
	json_t *j = severity_policy_json(policies_find(&x->e->policies,
	    "default"), x->e->rb);
	char *dump = json_dumps(j, JSON_SORT_KEYS | JSON_COMPACT);
	assert_string_equal(dump, "{\"mild\":{\"discourtesy\":\"review\","
	    "\"profanity\":\"review\",\"violence\":\"review\"},"
	    "\"third_party\":{\"discourtesy\":\"review\",\"profanity\":"
	    "\"review\",\"violence\":\"review\"}}");
	free(dump);
	json_decref(j);
	j = severity_policy_json(policies_find(&x->e->policies, "kids"),
	    x->e->rb);
	dump = json_dumps(j, JSON_SORT_KEYS | JSON_COMPACT);
	assert_string_equal(dump,
	    "{\"mild\":{},\"third_party\":{\"profanity\":\"review\","
	    "\"violence\":\"review\"}}");
	free(dump);
	json_decref(j);
	/* the reasons keep every rule of the offence */
	check(x, "default", "you are an idiot");
	assert_int_equal(x->cs.v.nreasons, 3);
}

/* One span counts once: d.name (1.0) and d.also (0.5) on the same word
 * are one offence of weight 1.0 (kids rejects at 1.0 either way); two
 * half-weight words on different spans add up. */
static void
test_offence_once(void **state)
{
	struct fx *x = *state;

	check(x, "kids", "the minister is an idiot");
	assert_float_equal(x->cs.v.scores[rules_find_category(x->e->rb,
	    "discourtesy")], 1.0, 1e-9);
	assert_int_equal(check(x, "default", "heck"), DECISION_REVIEW);
	assert_int_equal(check(x, "default", "heck and darn"), DECISION_REVIEW);
	assert_float_equal(x->cs.v.scores[rules_find_category(x->e->rb,
	    "profanity")], 0.5, 1e-9);
	/* a rule counts once however often it matched; another span of
	 * another rule counts again */
	assert_int_equal(check(x, "default", "darn it, damn it"),
	    DECISION_REVIEW);
	assert_float_equal(x->cs.v.scores[rules_find_category(x->e->rb,
	    "profanity")], 1.5, 1e-9);
}

/* decorumd -t: unknown lists, bad windows, wrong types, unknown severities. */
static void
test_lint(void **state)
{
	struct fx	*x = *state;
	struct diag	*d = &x->d;
	struct engine	*e;
	const char *const bad =
	    "category = \"discourtesy\";\n"
	    "lists = { l = [\"not\"]; };\n"
	    "rules = (\n"
	    "  { id = \"b.1\"; words = [\"x\"]; unless_after = { list = \"@nosuch\"; within = 2; }; },\n"
	    "  { id = \"b.2\"; words = [\"x\"]; unless_after = { list = \"@l\"; within = 0; }; },\n"
	    "  { id = \"b.3\"; words = [\"x\"]; only_after = { list = \"@l\"; within = 21; }; },\n"
	    "  { id = \"b.4\"; words = [\"x\"]; unless_quoted = \"yes\"; },\n"
	    "  { id = \"b.5\"; words = [\"x\"]; unless_after = { list = \"@l\"; near = 2; }; },\n"
	    "  { id = \"b.6\"; words = [\"x\"]; severity = \"Very Mild\"; }\n"
	    ");\n";
	const char *const want[] = {
	    "a.conf:4: rule 'b.1': unless_after refers to list '@nosuch', which this file does not define",
	    "a.conf:5: rule 'b.2': unless_after.within must be a whole number of words from 1 to 20",
	    "a.conf:6: rule 'b.3': only_after.within must be a whole number of words from 1 to 20",
	    "a.conf:7: rule 'b.4': unless_quoted must be true or false",
	    "a.conf:8: rule 'b.5': unknown field 'near' in unless_after (known: list, within)",
	    "a.conf:9: rule 'b.6': severity must be a name of a-z 0-9 _ - (such as \"mild\")",
	};

	diag_free(d);
	diag_init(d);
	e = load(x, bad, "category = \"profanity\";\nrules = ( { id = \"p.y\"; words = [\"y\"]; } );\n",
	    config_text);
	assert_null(e);
	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		bool found = false;
		for (size_t i = 0; i < d->count; i++)
			if (strstr(d->items[i].text, want[k]) != NULL)
				found = true;
		if (!found) {
			diag_print(d, stderr);
			fail_msg("missing diagnostic: %s", want[k]);
		}
	}
	/* a severity no rule carries is named in a warning (a typo?), and
	 * the rules still load: a site may replace the file that used it */
	diag_free(d);
	diag_init(d);
	e = load(x, insult_conf, "category = \"profanity\";\nrules = ( { id = \"p.y\"; words = [\"y\"]; } );\n",
	    config_text);
	assert_non_null(e);
	engine_unref(e);
	bool found = false;
	for (size_t i = 0; i < d->count; i++)
		if (d->items[i].severity == DIAG_WARNING && strstr(d->items[i].text,
		    "decorumd.conf:4: warning: policy 'default': no rule has severity 'mild'"))
			found = true;
	if (!found)
		diag_print(d, stderr);
	assert_true(found);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unless_after),
		cmocka_unit_test(test_unless_before_and_quoted),
		cmocka_unit_test(test_only_after),
		cmocka_unit_test(test_severity),
		cmocka_unit_test(test_offence_once),
		cmocka_unit_test(test_lint),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
