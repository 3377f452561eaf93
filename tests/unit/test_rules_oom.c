/* Running out of memory while loading is an error, never a smaller
 * rulebook. Linked with -Wl,--wrap=malloc,... (CMakeLists.txt): the Nth
 * allocation the engine makes fails, for N = 1, 2, ... up to the number a
 * whole load makes; each load must either succeed with every rule or
 * return NULL with an error. (Allocations inside libconfig, PCRE2 and
 * utf8proc are their own and are not failed.) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"

void	*__real_malloc(size_t);
void	*__real_calloc(size_t, size_t);
void	*__real_realloc(void *, size_t);
char	*__real_strdup(const char *);
char	*__real_strndup(const char *, size_t);
void	*__wrap_malloc(size_t);
void	*__wrap_calloc(size_t, size_t);
void	*__wrap_realloc(void *, size_t);
char	*__wrap_strdup(const char *);
char	*__wrap_strndup(const char *, size_t);

static long	 fail_at;	/* 0: never */
static long	 calls;
static bool	 counting;

static bool
fail_now(void)
{
	if (!counting || ++calls != fail_at)
		return false;
	if (getenv("DECORUM_OOM_TRACE") != NULL) {
		/* where the failing allocation is, for whoever debugs it */
		void *pc[32];
		backtrace_symbols_fd(pc, backtrace(pc, 32), 2);
	}
	return true;
}

void *
__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *
__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

void *
__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

char *
__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}

char *
__wrap_strndup(const char *s, size_t n)
{
	return fail_now() ? NULL : __real_strndup(s, n);
}

static char dir[64];

static void
put(const char *name, const char *text)
{
	char path[160];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/decorum-oom-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	put("canary.conf", "category = \"violence\";\n"
	    "rules = ( { id = \"canary.reject\"; weight = 1000.0;\n"
	    "  regex = \"\\\\bdecorum-test-reject-7a3f\\\\b\"; } );\n");
	put("swears.words", "# a list\ndarn\nheck*\nfrak\nweak-minded\n");
	put("profanity.conf", "category = \"profanity\";\n"
	    "lists = { swears = \"swears.words\"; mild = [\"gosh\", \"golly\"]; };\n"
	    "rules = (\n"
	    "  { id = \"p.swear\"; words = \"@swears\"; except = [\"heck of a\"]; },\n"
	    "  { id = \"p.mild\"; words = \"@mild\"; weight = 0.5; },\n"
	    "  { id = \"p.masked\"; regex = \"\\\\bf[*#@]{2,}k\"; view = \"raw\"; },\n"
	    "  { id = \"p.you\"; regex = \"\\\\byou (?:are )?an? @swears\\\\b\"; },\n"
	    "  { id = \"p.trial\"; words = [\"frob\"]; mode = \"shadow\"; }\n"
	    ");\n"
	    "allow = [\"hecktor\"];\n");
	put("caps.conf", "category = \"caps\";\n"
	    "rules = ( { id = \"c.shout\"; caps = { min_letters = 12; }; } );\n");
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	(void)!system(cmd);
	return 0;
}

static char config_path[96];

static struct engine *
load(struct diag *d, long fail)
{
	struct engine_opts o = { .rules_dir = dir, .generation = 1 };
	struct engine *e;

	if (config_path[0] != '\0') {
		o.config_path = config_path;
		o.rules_dir = NULL;
	}
	calls = 0;
	fail_at = fail;
	counting = true;
	e = engine_load(&o, d);
	counting = false;
	return e;
}

static void
fail_each_allocation(void)
{
	struct diag	 d;
	struct engine	*e;
	long		 total;
	size_t		 nrules;

	diag_init(&d);
	e = load(&d, 0);
	if (e == NULL)
		diag_print(&d, stderr);
	assert_non_null(e);
	total = calls;
	nrules = rules_count(e->rb);
	assert_int_equal(nrules, 7);
	engine_unref(e);
	diag_free(&d);
	assert_true(total > 100);

	for (long n = 1; n <= total; n++) {
		diag_init(&d);
		e = load(&d, n);
		if (e != NULL) {
			if (rules_count(e->rb) != nrules || d.errors != 0) {
				diag_print(&d, stderr);
				fail_msg("allocation %ld of %ld failed: %zu rules "
				    "of %zu, %zu errors", n, total,
				    rules_count(e->rb), nrules, d.errors);
			}
			engine_unref(e);
		} else if (d.errors == 0) {
			fail_msg("allocation %ld of %ld failed: no rulebook and "
			    "no error", n, total);
		}
		diag_free(&d);
	}
}

static void
test_every_allocation_failure_is_an_error(void **state)
{
	(void)state;
	config_path[0] = '\0';
	fail_each_allocation();
}

/* The same with a configuration: policies, thresholds, limits. */
static void
test_with_a_configuration(void **state)
{
	(void)state;
	snprintf(config_path, sizeof(config_path), "%s/decorumd.cfg", dir);
	put("decorumd.cfg", "rules_dir = \".\";\n"
	    "allowed_uids = [0, 1000];\n"
	    "limits = { regex_budget_ms = 40; max_text_bytes = 10000; };\n"
	    "policies = {\n"
	    "  default = { reject_at = 1.0; review_at = { profanity = 0.5; }; };\n"
	    "  kids = { extend = \"default\"; reject_at = { profanity = 0.5; };\n"
	    "    rulesets = [\"profanity\", \"caps\", \"canary\"]; };\n"
	    "};\n");
	fail_each_allocation();
	config_path[0] = '\0';
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_allocation_failure_is_an_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_with_a_configuration, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
