/* Unit tests of the go-live checks: engine_load refuses what decorumd -t
 * calls an error (a runaway regex, a policy that does not reject the
 * canary or does not accept an ordinary sentence), so a start or a
 * reload never puts such rules live. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "golive.h"

struct fx {
	char		 dir[64];
	struct diag	 d;
};

static const char canary_conf[] =
    "category = \"violence\";\n"
    "rules = ( { id = \"canary.reject\"; weight = 1000.0;\n"
    "            regex = \"\\\\bdecorum-test-reject-7a3f\\\\b\"; } );\n";

static void
put(struct fx *x, const char *name, const char *text)
{
	char	 path[160];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", x->dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

static int
setup(void **state)
{
	struct fx *x = calloc(1, sizeof(*x));

	if (x == NULL)
		return -1;
	snprintf(x->dir, sizeof(x->dir), "/tmp/decorum-golive-XXXXXX");
	if (mkdtemp(x->dir) == NULL)
		return -1;
	diag_init(&x->d);
	put(x, "canary.conf", canary_conf);
	*state = x;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *x = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", x->dir);
	(void)!system(cmd);
	diag_free(&x->d);
	free(x);
	return 0;
}

/* engine_load on the fixture directory (and its policies.cfg when
 * config is set). */
static struct engine *
load(struct fx *x, const char *config)
{
	struct engine_opts	 o = { .rules_dir = x->dir, .generation = 1,
				    .config_missing_ok = true };
	char			 conf[160];

	if (config != NULL) {
		put(x, "policies.cfg", config);
		snprintf(conf, sizeof(conf), "%s/policies.cfg", x->dir);
		o.config_path = conf;
		o.config_missing_ok = false;
	}
	return engine_load(&o, &x->d);
}

/* Some problem reported contains want. */
static bool
reported(const struct fx *x, const char *want)
{
	for (size_t i = 0; i < x->d.count; i++)
		if (strstr(x->d.items[i].text, want) != NULL)
			return true;
	return false;
}

static void
dump(const struct fx *x)
{
	diag_print(&x->d, stderr);
}

static void
test_good_rules_load(void **state)
{
	struct fx *x = *state;
	struct engine *e;

	put(x, "set.conf", "category = \"profanity\";\n"
	    "rules = ( { id = \"p.darn\"; words = [\"darn\"]; } );\n");
	e = load(x, NULL);
	if (e == NULL)
		dump(x);
	assert_non_null(e);
	assert_int_equal(x->d.errors, 0);
	engine_unref(e);
}

/* "the" in a word list: every ordinary comment would be rejected. */
static void
test_common_word_in_a_list_is_refused(void **state)
{
	struct fx *x = *state;

	put(x, "set.words", "darn\nthe\n");
	put(x, "set.conf", "category = \"profanity\";\n"
	    "lists = { swears = \"set.words\"; };\n"
	    "rules = ( { id = \"p.swear\"; words = \"@swears\"; } );\n");
	assert_null(load(x, NULL));
	assert_true(x->d.errors >= 1);
	assert_true(reported(x, "policy 'default' does not accept the plain "
	    "sentence"));
	assert_true(reported(x, "because of p.swear"));
}

/* A stem of one letter is every word that starts with it. */
static void
test_one_letter_stem_is_refused(void **state)
{
	struct fx *x = *state;

	put(x, "set.words", "darn\nq*\n");
	put(x, "set.conf", "category = \"profanity\";\n"
	    "lists = { swears = \"set.words\"; };\n"
	    "rules = ( { id = \"p.swear\"; words = \"@swears\"; } );\n"
	    "allow = [\"q*\"];\n");
	assert_null(load(x, NULL));
	assert_true(reported(x, "set.conf:3: p.swear: entry \"q*\" matches "
	    "nearly every comment"));
	/* as an exception it only excepts */
	assert_int_equal(x->d.errors, 1);
}

/* Only the first sentence was checked before: one further down counts
 * too. */
static void
test_every_ordinary_sentence_must_be_accepted(void **state)
{
	struct fx *x = *state;

	put(x, "set.conf", "category = \"profanity\";\n"
	    "rules = ( { id = \"p.recipe\"; words = [\"recipe\"]; } );\n");
	assert_null(load(x, NULL));
	assert_true(reported(x, "\"The recipe needs two cups of flour and a "
	    "pinch of salt.\" (it answers reject, because of p.recipe)"));
}

static void
test_policy_without_canary_is_refused(void **state)
{
	struct fx *x = *state;

	put(x, "set.conf", "category = \"profanity\";\n"
	    "rules = ( { id = \"p.darn\"; words = [\"darn\"]; } );\n");
	assert_null(load(x, "policies = { default = { rulesets = [\"set\"]; "
	    "reject_at = 1.0; review_at = 0.5; }; };\n"));
	assert_true(reported(x, "policy 'default' does not reject the canary"));
}

static void
test_runaway_regex_is_refused(void **state)
{
	struct fx *x = *state;

	put(x, "set.conf", "category = \"vulgarity\";\n"
	    "rules = ( { id = \"v.run\"; regex = \"(\\\\w+\\\\s?)+$\"; } );\n");
	assert_null(load(x, NULL));
	assert_true(reported(x, "rule 'v.run': regex can run away"));
}

/* #(\w+\s?)+; needs a '#' to start and a ';' to end: only a probe with
 * the pattern's own literals makes it work. */
static void
test_runaway_needing_its_own_literals_is_refused(void **state)
{
	struct fx *x = *state;

	put(x, "set.conf", "category = \"vulgarity\";\n"
	    "rules = ( { id = \"v.hash\"; regex = \"#(\\\\w+\\\\s?)+;\"; } );\n");
	assert_null(load(x, NULL));
	if (!reported(x, "rule 'v.hash': regex can run away (hit the match "
	    "limit on a 4 KiB own-literals"))
		dump(x);
	assert_true(reported(x, "rule 'v.hash': regex can run away (hit the "
	    "match limit on a 4 KiB own-literals"));
}

/* The unchecked load still loads it (lint then reports everything). */
static void
test_unchecked_load_keeps_it(void **state)
{
	struct fx *x = *state;
	struct engine_opts o = { .rules_dir = x->dir, .generation = 1 };
	struct engine *e;

	put(x, "set.conf", "category = \"vulgarity\";\n"
	    "rules = ( { id = \"v.run\"; regex = \"(\\\\w+\\\\s?)+$\"; } );\n");
	assert_non_null(e = engine_load_unchecked(&o, &x->d));
	assert_int_equal(x->d.errors, 0);
	assert_true(golive_check(e, &x->d, false) >= 1);
	assert_true(reported(x, "rule 'v.run': regex can run away"));
	engine_unref(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_good_rules_load, setup, teardown),
		cmocka_unit_test_setup_teardown(test_common_word_in_a_list_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_ordinary_sentence_must_be_accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_letter_stem_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_policy_without_canary_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_runaway_regex_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_runaway_needing_its_own_literals_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unchecked_load_keeps_it, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
