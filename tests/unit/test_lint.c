/* Unit tests of lint (decorumd -t): exceptions that can never apply and
 * rules they disable, runaway regexes, rules that fire on ordinary
 * sentences and the canary, reported with the file:line to fix. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lint.h"

struct fixture {
	char	 dir[64];
	char	 file[128];
	char	 canary[128];
};

/* Every lint run checks the canary: each fixture directory has one. */
static const char canary_conf[] =
    "category = \"violence\";\n"
    "rules = ( { id = \"canary.reject\"; weight = 1000.0;\n"
    "            regex = \"\\\\bdecorum-test-reject-7a3f\\\\b\"; } );\n";

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/decorum-lint-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->file, sizeof(f->file), "%s/set.conf", f->dir);
	snprintf(f->canary, sizeof(f->canary), "%s/canary.conf", f->dir);
	FILE *fp = fopen(f->canary, "w");
	if (fp == NULL)
		return -1;
	fputs(canary_conf, fp);
	fclose(fp);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	unlink(f->file);
	unlink(f->canary);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Write the rule file, run lint on it, return what it printed. */
static char *
lint_text(struct fixture *f, const char *conf, int *errors)
{
	FILE	*fp = fopen(f->file, "w");
	char	*out = NULL;
	size_t	 len = 0;

	assert_non_null(fp);
	fputs(conf, fp);
	fclose(fp);
	struct engine_opts o = { .rules_dir = f->dir, .generation = 1 };
	FILE *mem = open_memstream(&out, &len);
	assert_non_null(mem);
	*errors = lint_run(&o, mem);
	fclose(mem);
	return out;
}

static void
test_clean_set_has_no_warnings(void **state)
{
	int	 errors;
	char	*out = lint_text(*state,
	    "category = \"profanity\";\n"
	    "rules = ( { id = \"p.cock\"; words = [\"cock*\"]; } );\n"
	    "allow = [\"cocktail*\"];\n", &errors);

	assert_int_equal(errors, 0);
	assert_non_null(strstr(out, "0 errors, 0 warnings"));
	free(out);
}

static void
test_allow_that_never_applies(void **state)
{
	struct fixture *f = *state;
	int	 errors;
	char	 want[512];
	/* "cock" is a whole word here: nothing fires inside "cocktail" */
	char	*out = lint_text(f,
	    "category = \"profanity\";\n"
	    "rules = ( { id = \"p.cock\"; words = [\"cock\"]; } );\n"
	    "allow = [\"cocktail*\",\n"
	    "         \"cock a doodle doo\"];\n", &errors);

	assert_int_equal(errors, 0);
	snprintf(want, sizeof(want), "%s:3: warning: allow entry \"cocktail*\" "
	    "never applies: no rule of set 'set' matches inside it", f->file);
	assert_non_null(strstr(out, want));
	assert_null(strstr(out, "\"cock a doodle doo\" never"));
	assert_non_null(strstr(out, "0 errors, 1 warning\n"));
	free(out);
}

static void
test_except_that_never_applies(void **state)
{
	struct fixture *f = *state;
	int	 errors;
	char	 want[512];
	char	*out = lint_text(f,
	    "category = \"discourtesy\";\n"
	    "rules = (\n"
	    "  { id = \"d.idiot\"; words = [\"idiot\"];\n"
	    "    except = [\"not an idiot\", \"not a moron\"]; }\n"
	    ");\n", &errors);

	assert_int_equal(errors, 0);
	snprintf(want, sizeof(want), "%s:4: warning: rule 'd.idiot': except "
	    "entry \"not a moron\" never applies", f->file);
	assert_non_null(strstr(out, want));
	assert_null(strstr(out, "\"not an idiot\" never"));
	free(out);
}

static void
test_rule_disabled_by_exceptions(void **state)
{
	struct fixture *f = *state;
	int	 errors;
	char	 want[512];
	char	*out = lint_text(f,
	    "category = \"profanity\";\n"
	    "rules = (\n"
	    "  { id = \"p.both\"; words = [\"darn\", \"heck\"]; }\n"
	    ");\n"
	    "allow = [\"darn*\", \"heck\"];\n", &errors);

	assert_int_equal(errors, 0);
	snprintf(want, sizeof(want), "%s:3: warning: rule 'p.both' can never "
	    "fire: every one of its words lies inside an allow or except entry",
	    f->file);
	assert_non_null(strstr(out, want));
	free(out);
}

static void
test_errors_are_counted(void **state)
{
	int	 errors;
	char	*out = lint_text(*state,
	    "category = \"profanity\";\n"
	    "rules = ( { id = \"p.bad\"; regex = \"(unclosed\"; } );\n", &errors);

	assert_int_equal(errors, 1);
	assert_non_null(strstr(out, "1 error, 0 warnings"));
	free(out);
}

static void
test_runaway_regex_is_an_error(void **state)
{
	struct fixture *f = *state;
	int	 errors;
	char	 want[512];
	char	*out = lint_text(f,
	    "category = \"vulgarity\";\n"
	    "rules = (\n"
	    "  { id = \"v.fine\"; regex = \"\\\\bblah\\\\b\"; },\n"
	    "  { id = \"v.nested\"; regex = \"(a+)+#\"; }\n"
	    ");\n", &errors);

	snprintf(want, sizeof(want), "%s:4: rule 'v.nested': regex can run "
	    "away (hit the match limit on a 4 KiB 'aaa…a!' input)\n", f->file);
	assert_non_null(strstr(out, want));
	assert_null(strstr(out, "'v.fine': regex can run away"));
	assert_int_equal(errors, 1);
	free(out);
}

static void
test_spliced_list_words_are_probed(void **state)
{
	struct fixture *f = *state;
	int	 errors;
	char	*out = lint_text(f,
	    "category = \"discourtesy\";\n"
	    "lists = { insults = [\"idiot\", \"moron\", \"fool\"]; };\n"
	    "rules = (\n"
	    "  { id = \"d.you\"; regex = \"\\\\byou are (?:a |an )?@insults\\\\b\"; },\n"
	    "  { id = \"d.many\"; regex = \"(?:\\\\s*@insults\\\\s*)+x\"; }\n"
	    ");\n", &errors);

	assert_null(strstr(out, "'d.you': regex can run away"));
	assert_non_null(strstr(out, "set.conf:5: rule 'd.many': regex can run away "
	    "(hit the match limit on a 8 KiB repeated-words input)"));
	free(out);
}

static void
test_rule_firing_on_an_ordinary_sentence(void **state)
{
	struct fixture *f = *state;
	int	 errors;
	char	 want[512];
	char	*out = lint_text(f,
	    "category = \"profanity\";\n"
	    "rules = ( { id = \"p.ok\"; words = [\"darn\"]; },\n"
	    "          { id = \"p.art\"; words = [\"article\"]; weight = 0.1; } );\n",
	    &errors);

	assert_int_equal(errors, 0);
	snprintf(want, sizeof(want), "%s:3: warning: rule 'p.art' fires on an "
	    "ordinary sentence: \"Thanks for the article, it was an interesting "
	    "read.\" (on \"article\")\n", f->file);
	assert_non_null(strstr(out, want));
	assert_null(strstr(out, "'p.ok' fires"));
	free(out);
}

static void
test_canary_must_be_rejected(void **state)
{
	struct fixture *f = *state;
	int	 errors;
	char	*out;

	unlink(f->canary);
	out = lint_text(f,
	    "category = \"profanity\";\n"
	    "rules = ( { id = \"p.ok\"; words = [\"darn\"]; } );\n", &errors);
	assert_int_equal(errors, 1);
	assert_non_null(strstr(out, ": policy 'default' does not reject the "
	    "canary \"" LINT_CANARY_REJECT "\" (it answers accept)"));
	free(out);
}

static void
test_plain_sentence_must_be_accepted(void **state)
{
	struct fixture *f = *state;
	int	 errors;
	char	 want[512];
	char	*out = lint_text(f,
	    "category = \"profanity\";\n"
	    "rules = (\n"
	    "  { id = \"p.every\"; regex = \"\\\\w+\"; }\n"
	    ");\n", &errors);

	assert_int_equal(errors, 1);
	snprintf(want, sizeof(want), "%s:3: policy 'default' does not accept "
	    "the plain sentence \"" LINT_CANARY_ACCEPT "\" (it answers reject, "
	    "because of p.every)\n", f->file);
	assert_non_null(strstr(out, want));
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_clean_set_has_no_warnings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_allow_that_never_applies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_except_that_never_applies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rule_disabled_by_exceptions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors_are_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_runaway_regex_is_an_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_spliced_list_words_are_probed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rule_firing_on_an_ordinary_sentence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_canary_must_be_rejected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plain_sentence_must_be_accepted, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
