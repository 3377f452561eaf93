/* Unit tests of config: decorumd.conf defaults, every kind of error with
 * its file:line, relative paths, and policies as written. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"

struct fx {
	char		 dir[64];
	char		 sub[96];
	char		*path;		/* dir/sub/decorumd.conf */
	struct config	 cfg;
	struct diag	 d;
};

static int
setup(void **state)
{
	struct fx *x = calloc(1, sizeof(*x));

	if (x == NULL)
		return -1;
	snprintf(x->dir, sizeof(x->dir), "/tmp/decorum-conf-XXXXXX");
	if (mkdtemp(x->dir) == NULL)
		return -1;
	snprintf(x->sub, sizeof(x->sub), "%s/etc", x->dir);
	if (mkdir(x->sub, 0700) != 0)
		return -1;
	if (asprintf(&x->path, "%s/decorumd.conf", x->sub) < 0)
		return -1;
	diag_init(&x->d);
	*state = x;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *x = *state;

	unlink(x->path);
	rmdir(x->sub);
	rmdir(x->dir);
	free(x->path);
	config_free(&x->cfg);
	diag_free(&x->d);
	free(x);
	return 0;
}

static void
write_conf(struct fx *x, const char *content)
{
	FILE *f = fopen(x->path, "w");

	assert_non_null(f);
	assert_true(fputs(content, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static void
dump_diag(const struct diag *d)
{
	for (size_t i = 0; i < d->count; i++)
		fprintf(stderr, "  diag: %s\n", d->items[i].text);
}

static void
expect_diag(const struct diag *d, const char *file, int line, const char *msg)
{
	char	 want[1024];

	if (line > 0)
		snprintf(want, sizeof(want), "%s:%d: %s", file, line, msg);
	else
		snprintf(want, sizeof(want), "%s: %s", file, msg);
	for (size_t i = 0; i < d->count; i++)
		if (strcmp(d->items[i].text, want) == 0)
			return;
	dump_diag(d);
	fail_msg("no diagnostic \"%s\"", want);
}

/* Load content; it must fail with exactly the error msg at line. */
static void
expect_error(struct fx *x, const char *content, int line, const char *msg)
{
	write_conf(x, content);
	config_free(&x->cfg);
	diag_free(&x->d);
	diag_init(&x->d);
	if (config_load(&x->cfg, x->path, false, &x->d) != -1) {
		dump_diag(&x->d);
		fail_msg("loaded, want error \"%s\"", msg);
	}
	expect_diag(&x->d, x->path, line, msg);
	if (x->d.errors != 1) {
		dump_diag(&x->d);
		fail_msg("%zu errors, want 1", x->d.errors);
	}
}

static void
check_defaults(const struct config *c)
{
	assert_string_equal(c->listen, "/run/decorumd/decorumd.sock");
	assert_int_equal(c->socket_mode, 0660);
	assert_string_equal(c->socket_group, "");
	assert_string_equal(c->rules_dir, DECORUM_DATADIR "/decorumd/rules");
	assert_int_equal(c->workers, 0);
	assert_string_equal(c->log_level, "info");
	assert_string_equal(c->default_policy, "default");
	assert_int_equal(c->max_request_bytes, 1048576);
	assert_int_equal(c->max_text_bytes, 65536);
	assert_int_equal(c->max_connections, 1024);
	assert_int_equal(c->max_pipeline, 256);
	assert_int_equal(c->idle_timeout, 300);
	assert_int_equal(c->write_timeout, 30);
	assert_int_equal(c->regex_match_limit, 1000000);
	assert_int_equal(c->regex_depth_limit, 10000);
	assert_int_equal(c->regex_heap_limit_kb, 20480);
	assert_int_equal(c->npolicies, 0);
}

static void
test_defaults(void **state)
{
	struct fx *x = *state;

	/* no file at all */
	assert_int_equal(config_load(&x->cfg, NULL, false, &x->d), 0);
	assert_null(x->cfg.file);
	check_defaults(&x->cfg);
	config_free(&x->cfg);

	/* a missing file that may be missing */
	assert_int_equal(config_load(&x->cfg, x->path, true, &x->d), 0);
	assert_null(x->cfg.file);
	check_defaults(&x->cfg);
	assert_int_equal(x->d.count, 0);
	config_free(&x->cfg);

	/* an empty file */
	write_conf(x, "# nothing set\n");
	assert_int_equal(config_load(&x->cfg, x->path, false, &x->d), 0);
	assert_string_equal(x->cfg.file, x->path);
	check_defaults(&x->cfg);

	config_free(&x->cfg);
	config_defaults(&x->cfg);
	check_defaults(&x->cfg);
}

static void
test_missing_file(void **state)
{
	struct fx *x = *state;

	assert_int_equal(config_load(&x->cfg, x->path, false, &x->d), -1);
	expect_diag(&x->d, x->path, 0, "cannot open: No such file or directory");
	/* missing_ok covers a missing file, not an unreadable one */
	config_free(&x->cfg);
	assert_int_equal(config_load(&x->cfg, x->sub, true, &x->d), -1);
}

static void
test_all_settings(void **state)
{
	struct fx *x = *state;

	write_conf(x,
	    "listen = \"/tmp/d.sock\";\n"
	    "socket_mode = \"0600\";\n"
	    "socket_group = \"www-data\";\n"
	    "rules_dir = \"/srv/rules\";\n"
	    "workers = 4;\n"
	    "log_level = \"debug\";\n"
	    "default_policy = \"kids\";\n"
	    "limits = {\n"
	    "  max_request_bytes = 4096;\n"
	    "  max_text_bytes = 2048;\n"
	    "  max_connections = 10;\n"
	    "  max_pipeline = 3;\n"
	    "  idle_timeout = 0;\n"
	    "  write_timeout = 5;\n"
	    "  regex_match_limit = 5000;\n"
	    "  regex_depth_limit = 200;\n"
	    "  regex_heap_limit_kb = 1024;\n"
	    "};\n"
	    "policies = { kids = { }; };\n");
	if (config_load(&x->cfg, x->path, false, &x->d) != 0)
		dump_diag(&x->d);
	assert_int_equal(x->d.count, 0);
	assert_string_equal(x->cfg.listen, "/tmp/d.sock");
	assert_int_equal(x->cfg.socket_mode, 0600);
	assert_string_equal(x->cfg.socket_group, "www-data");
	assert_string_equal(x->cfg.rules_dir, "/srv/rules");
	assert_int_equal(x->cfg.workers, 4);
	assert_string_equal(x->cfg.log_level, "debug");
	assert_string_equal(x->cfg.default_policy, "kids");
	assert_int_equal(x->cfg.max_request_bytes, 4096);
	assert_int_equal(x->cfg.max_text_bytes, 2048);
	assert_int_equal(x->cfg.max_connections, 10);
	assert_int_equal(x->cfg.max_pipeline, 3);
	assert_int_equal(x->cfg.idle_timeout, 0);
	assert_int_equal(x->cfg.write_timeout, 5);
	assert_int_equal(x->cfg.regex_match_limit, 5000);
	assert_int_equal(x->cfg.regex_depth_limit, 200);
	assert_int_equal(x->cfg.regex_heap_limit_kb, 1024);
}

static void
test_unknown_setting(void **state)
{
	struct fx *x = *state;

	expect_error(x, "workers = 2;\nlisten_on = \"/x\";\n", 2,
	    "unknown setting 'listen_on'");
	expect_error(x, "limits = {\n  max_text_bytes = 10;\n  max_txt = 3;\n};\n",
	    3, "unknown setting 'limits.max_txt'");
}

static void
test_wrong_type(void **state)
{
	struct fx *x = *state;

	expect_error(x, "\nworkers = \"4\";\n", 2, "workers must be a number");
	expect_error(x, "listen = 5;\n", 1, "listen must be a string");
	expect_error(x, "socket_mode = 0660;\n", 1,
	    "socket_mode must be an octal string such as \"0660\"");
	expect_error(x, "limits = { idle_timeout = 1.5; };\n", 1,
	    "limits.idle_timeout has the wrong type");
	expect_error(x, "log_level = [\"info\"];\n", 1,
	    "log_level has the wrong type");
	expect_error(x, "limits = { max_pipeline = \"many\"; };\n", 1,
	    "limits.max_pipeline must be a number");
	expect_error(x, "policies = ( 1 );\n", 1,
	    "policies must be a group: policies = { default = { ... }; }");
}

static void
test_out_of_range(void **state)
{
	struct fx *x = *state;

	expect_error(x, "workers = 1000;\n", 1,
	    "workers: 1000 is out of range [0, 256]");
	expect_error(x, "workers = -1;\n", 1,
	    "workers: -1 is out of range [0, 256]");
	expect_error(x, "limits = {\n max_request_bytes = 10;\n};\n", 2,
	    "limits.max_request_bytes: 10 is out of range [64, 1073741824]");
	expect_error(x, "limits = { max_request_bytes = 4294967296L; };\n", 1,
	    "limits.max_request_bytes: 4294967296 is out of range [64, 1073741824]");
	expect_error(x, "limits = { max_text_bytes = 0; };\n", 1,
	    "limits.max_text_bytes: 0 is out of range [1, 1073741824]");
	expect_error(x, "limits = { regex_match_limit = 10; };\n", 1,
	    "limits.regex_match_limit: 10 is out of range [1000, 100000000]");
	expect_error(x, "socket_mode = \"01777\";\n", 1,
	    "socket_mode: 1023 is out of range [0, 511]");
}

static void
test_bad_octal(void **state)
{
	struct fx *x = *state;

	expect_error(x, "socket_mode = \"0999\";\n", 1,
	    "socket_mode: \"0999\" is not an octal number");
	expect_error(x, "socket_mode = \"rw-rw----\";\n", 1,
	    "socket_mode: \"rw-rw----\" is not an octal number");
	expect_error(x, "socket_mode = \"\";\n", 1,
	    "socket_mode: \"\" is not an octal number");
	expect_error(x, "socket_mode = \"0660 \";\n", 1,
	    "socket_mode: \"0660 \" is not an octal number");
	/* without the leading zero it is still octal */
	write_conf(x, "socket_mode = \"640\";\n");
	config_free(&x->cfg);
	assert_int_equal(config_load(&x->cfg, x->path, false, &x->d), 0);
	assert_int_equal(x->cfg.socket_mode, 0640);
}

static void
test_syntax_error(void **state)
{
	struct fx *x = *state;

	expect_error(x, "workers = 2;\nlisten = \"/x\"\nlog_level = ;\n", 3,
	    "syntax error near ';'");
}

static void
test_relative_rules_dir(void **state)
{
	struct fx *x = *state;
	char want[256];

	write_conf(x, "rules_dir = \"rules\";\n");
	assert_int_equal(config_load(&x->cfg, x->path, false, &x->d), 0);
	snprintf(want, sizeof(want), "%s/rules", x->sub);
	assert_string_equal(x->cfg.rules_dir, want);
	config_free(&x->cfg);

	write_conf(x, "rules_dir = \"../share/rules\";\n");
	assert_int_equal(config_load(&x->cfg, x->path, false, &x->d), 0);
	snprintf(want, sizeof(want), "%s/../share/rules", x->sub);
	assert_string_equal(x->cfg.rules_dir, want);
	config_free(&x->cfg);

	/* absolute paths stay as written */
	write_conf(x, "rules_dir = \"/abs/rules\";\n");
	assert_int_equal(config_load(&x->cfg, x->path, false, &x->d), 0);
	assert_string_equal(x->cfg.rules_dir, "/abs/rules");
	config_free(&x->cfg);

	/* a config file named without a directory: relative to the cwd,
	 * which is the file's directory */
	char cwd[512];
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(x->sub), 0);
	write_conf(x, "rules_dir = \"rules\";\n");
	int rc = config_load(&x->cfg, "decorumd.conf", false, &x->d);
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(rc, 0);
	assert_string_equal(x->cfg.rules_dir, "rules");
}

static const struct policy_def *
find_policy(const struct config *c, const char *name)
{
	for (size_t i = 0; i < c->npolicies; i++)
		if (strcmp(c->policies[i].name, name) == 0)
			return &c->policies[i];
	fail_msg("no policy %s", name);
	return NULL;
}

static void
test_policies(void **state)
{
	struct fx *x = *state;

	write_conf(x,
	    "default_policy = \"default\";\n"
	    "policies = {\n"
	    "  default = {\n"
	    "    rulesets = [\"violence\", \"profanity\", \"caps\"];\n"
	    "    reject_at = 1.0;\n"
	    "    review_at = 0.5;\n"
	    "    description = \"The site's policy.\";\n"
	    "  };\n"
	    "  kids = {\n"
	    "    extend = \"default\";\n"
	    "    reject_at = { profanity = 0.5; caps = 2; };\n"
	    "  };\n"
	    "  open = { rulesets = []; };\n"
	    "};\n");
	if (config_load(&x->cfg, x->path, false, &x->d) != 0)
		dump_diag(&x->d);
	assert_int_equal(x->d.count, 0);
	assert_int_equal(x->cfg.npolicies, 3);

	const struct policy_def *p = find_policy(&x->cfg, "default");
	assert_null(p->extend);
	assert_true(p->has_rulesets);
	assert_int_equal(p->nrulesets, 3);
	assert_string_equal(p->rulesets[0], "violence");
	assert_string_equal(p->rulesets[2], "caps");
	assert_int_equal(p->nreject, 1);
	assert_null(p->reject_at[0].category);
	assert_true(p->reject_at[0].value == 1.0);
	assert_int_equal(p->nreview, 1);
	assert_true(p->review_at[0].value == 0.5);
	assert_string_equal(p->file, x->path);
	assert_int_equal(p->line, 3);

	p = find_policy(&x->cfg, "kids");
	assert_string_equal(p->extend, "default");
	assert_false(p->has_rulesets);
	assert_int_equal(p->nreject, 2);
	assert_string_equal(p->reject_at[0].category, "profanity");
	assert_true(p->reject_at[0].value == 0.5);
	assert_string_equal(p->reject_at[1].category, "caps");
	assert_true(p->reject_at[1].value == 2.0);
	assert_int_equal(p->nreview, 0);
	assert_int_equal(p->line, 9);

	p = find_policy(&x->cfg, "open");
	assert_true(p->has_rulesets);
	assert_int_equal(p->nrulesets, 0);
}

static void
test_policy_errors(void **state)
{
	struct fx *x = *state;

	expect_error(x,
	    "policies = {\n"
	    "  p = {\n"
	    "    reject_at = 1.0;\n"
	    "    rejcet_at = 2.0;\n"
	    "  };\n"
	    "};\n", 4, "unknown field 'rejcet_at' in policy 'p'");
	expect_error(x,
	    "policies = {\n"
	    "  p = { reject_at = \"high\"; };\n"
	    "};\n", 2,
	    "reject_at must be a number or a group { category = number; }");
	expect_error(x,
	    "policies = {\n"
	    "  p = { review_at = {\n"
	    "    caps = \"x\";\n"
	    "  }; };\n"
	    "};\n", 3, "review_at.caps must be a number");
	expect_error(x,
	    "policies = {\n"
	    "  p = { rulesets = \"caps\"; };\n"
	    "};\n", 2, "policy 'p': rulesets must be an array of names");
	expect_error(x,
	    "policies = {\n"
	    "  p = 1;\n"
	    "};\n", 2, "policy 'p' must be a group");
}

static void
test_several_errors_reported(void **state)
{
	struct fx *x = *state;

	write_conf(x, "workers = \"x\";\nbogus = 1;\nlimits = { idle_timeout = -5; };\n");
	assert_int_equal(config_load(&x->cfg, x->path, false, &x->d), -1);
	assert_int_equal(x->d.errors, 3);
	expect_diag(&x->d, x->path, 1, "workers must be a number");
	expect_diag(&x->d, x->path, 2, "unknown setting 'bogus'");
	expect_diag(&x->d, x->path, 3,
	    "limits.idle_timeout: -5 is out of range [0, 86400]");
}

static void
test_describe(void **state)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&buf, &len);
	(void)state;

	assert_non_null(f);
	config_describe(f);
	fclose(f);
	assert_non_null(strstr(buf, "socket_mode = \"0660\""));
	assert_non_null(strstr(buf, "limits.max_text_bytes = 65536"));
	assert_non_null(strstr(buf, "workers = 0"));
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_all_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_setting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wrong_type, setup, teardown),
		cmocka_unit_test_setup_teardown(test_out_of_range, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_octal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_syntax_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_relative_rules_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_policies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_policy_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_several_errors_reported, setup, teardown),
		cmocka_unit_test(test_describe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
