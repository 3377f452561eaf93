/* Unit tests of how rule files, word lists and the configuration are
 * read: only from the rules directories, only regular files, never
 * blocking on a FIFO, at most 16 MiB, and messages that quote no more
 * than a short piece of what a file holds. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "readfile.h"
#include "rules.h"

struct fx {
	char		 dir[64];
	struct diag	 d;
};

static int
setup(void **state)
{
	struct fx *x = calloc(1, sizeof(*x));

	if (x == NULL)
		return -1;
	snprintf(x->dir, sizeof(x->dir), "/tmp/decorum-readfile-XXXXXX");
	if (mkdtemp(x->dir) == NULL)
		return -1;
	diag_init(&x->d);
	/* a FIFO nobody writes to: a blocking open would hang the test */
	alarm(20);
	*state = x;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *x = *state;
	char cmd[128];

	alarm(0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", x->dir);
	(void)!system(cmd);
	diag_free(&x->d);
	free(x);
	return 0;
}

static char *
path(struct fx *x, const char *name)
{
	static char p[4][256];
	static int k;

	k = (k + 1) % 4;
	snprintf(p[k], sizeof(p[k]), "%s/%s", x->dir, name);
	return p[k];
}

static void
put(struct fx *x, const char *name, const char *text)
{
	FILE *f = fopen(path(x, name), "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void
expect(const struct fx *x, const char *want)
{
	for (size_t i = 0; i < x->d.count; i++)
		if (strcmp(x->d.items[i].text, want) == 0)
			return;
	diag_print(&x->d, stderr);
	fail_msg("no diagnostic \"%s\"", want);
}

static const char canary[] = "category = \"violence\";\n"
    "rules = ( { id = \"c.c\"; words = [\"zzcanary\"]; } );\n";

static void
test_lists_stay_inside_the_rules_directories(void **state)
{
	struct fx *x = *state;
	char want[512];
	struct rulebook *rb;

	assert_int_equal(mkdir(path(x, "rules"), 0700), 0);
	assert_int_equal(mkdir(path(x, "rules/local"), 0700), 0);
	assert_int_equal(mkdir(path(x, "rules/sub"), 0700), 0);
	put(x, "secret.words", "hunter2\n");
	put(x, "rules/ok.words", "darn\n");
	put(x, "rules/c.conf", canary);
	put(x, "rules/set.conf", "category = \"profanity\";\n"
	    "lists = {\n"
	    "  a = \"/etc/shadow\";\n"
	    "  b = \"../secret.words\";\n"
	    "  c = \"sub/../ok.words\";\n"
	    "};\n"
	    "rules = ( { id = \"p.c\"; words = \"@c\"; } );\n");
	/* a site's file may use a shipped list beside it */
	put(x, "rules/local/mine.conf", "category = \"profanity\";\n"
	    "lists = { s = \"../ok.words\"; };\n"
	    "rules = ( { id = \"p.mine\"; words = \"@s\"; } );\n");
	assert_null(rb = rules_load_dir(path(x, "rules"), &x->d));
	snprintf(want, sizeof(want), "%s:3: word list /etc/shadow lies outside "
	    "the rules directories; lists are read from them only",
	    path(x, "rules/set.conf"));
	expect(x, want);
	snprintf(want, sizeof(want), "%s:4: word list %s/rules/../secret.words "
	    "lies outside the rules directories; lists are read from them only",
	    path(x, "rules/set.conf"), x->dir);
	expect(x, want);
	assert_int_equal(x->d.errors, 2);

	/* without the two, everything loads */
	put(x, "rules/set.conf", "category = \"profanity\";\n"
	    "lists = { c = \"sub/../ok.words\"; };\n"
	    "rules = ( { id = \"p.c\"; words = \"@c\"; } );\n");
	diag_free(&x->d);
	diag_init(&x->d);
	assert_non_null(rb = rules_load_dir(path(x, "rules"), &x->d));
	assert_int_equal(x->d.errors, 0);
	rules_free(rb);
}

static void
test_only_regular_files_are_read(void **state)
{
	struct fx *x = *state;
	char want[512];

	put(x, "c.conf", canary);
	assert_int_equal(mkfifo(path(x, "fifo.words"), 0600), 0);
	assert_int_equal(mkdir(path(x, "dir.words"), 0700), 0);
	assert_int_equal(mkdir(path(x, "x.conf"), 0700), 0);
	put(x, "set.conf", "category = \"profanity\";\n"
	    "lists = { f = \"fifo.words\"; d = \"dir.words\"; };\n"
	    "rules = ( { id = \"p.d\"; words = [\"darn\"]; } );\n");
	assert_null(rules_load_dir(x->dir, &x->d));
	snprintf(want, sizeof(want), "%s:2: cannot read word list %s: not a "
	    "regular file (a FIFO)", path(x, "set.conf"), path(x, "fifo.words"));
	expect(x, want);
	snprintf(want, sizeof(want), "%s:2: cannot read word list %s: not a "
	    "regular file (a directory)", path(x, "set.conf"),
	    path(x, "dir.words"));
	expect(x, want);
	/* was "cannot read: Success" */
	snprintf(want, sizeof(want), "%s: cannot read: not a regular file (a "
	    "directory)", path(x, "x.conf"));
	expect(x, want);
}

static void
test_size_cap(void **state)
{
	struct fx *x = *state;
	char want[512];
	const char *why;
	size_t len;

	put(x, "c.conf", canary);
	put(x, "big.words", "");
	assert_int_equal(truncate(path(x, "big.words"), READFILE_MAX_RULES + 1), 0);
	put(x, "set.conf", "category = \"profanity\";\n"
	    "lists = { b = \"big.words\"; };\n"
	    "rules = ( { id = \"p.d\"; words = [\"darn\"]; } );\n");
	assert_null(rules_load_dir(x->dir, &x->d));
	snprintf(want, sizeof(want), "%s:2: cannot read word list %s: larger "
	    "than 16 MiB", path(x, "set.conf"), path(x, "big.words"));
	expect(x, want);
	/* at the cap it is read */
	assert_int_equal(truncate(path(x, "big.words"), 1000), 0);
	char *t = readfile(path(x, "big.words"), 1000, &len, &why);
	assert_non_null(t);
	assert_int_equal(len, 1000);
	free(t);
	assert_null(readfile(path(x, "big.words"), 999, &len, &why));
	assert_null(readfile(path(x, "none"), 999, &len, &why));
	assert_int_equal(errno, ENOENT);
}

static void
test_include_and_nul_refused(void **state)
{
	struct fx *x = *state;
	char want[512];

	put(x, "c.conf", canary);
	put(x, "inc.conf", "category = \"profanity\";\n"
	    "  @include \"/etc/passwd\"\n");
	FILE *f = fopen(path(x, "nul.conf"), "w");
	assert_non_null(f);
	fwrite("category = \"x\";\0\n", 1, 18, f);
	fclose(f);
	assert_null(rules_load_dir(x->dir, &x->d));
	snprintf(want, sizeof(want), "%s:2: @include is not allowed in rule "
	    "files; put the rules in the rules directory instead",
	    path(x, "inc.conf"));
	expect(x, want);
	snprintf(want, sizeof(want), "%s: cannot read: it holds a NUL byte",
	    path(x, "nul.conf"));
	expect(x, want);
}

/* What a file holds reaches messages (and stats) 64 bytes at most. */
static void
test_quotes_are_short(void **state)
{
	struct fx *x = *state;
	char line[300];
	int n;

	memset(line, 0, sizeof(line));
	for (int i = 0; i < 100; i++)
		strcat(line, "x:");
	strcat(line, "\n");
	put(x, "c.conf", canary);
	put(x, "long.words", line);
	put(x, "set.conf", "category = \"profanity\";\n"
	    "lists = { l = \"long.words\"; };\n"
	    "rules = ( { id = \"p.l\"; words = \"@l\"; } );\n");
	struct rulebook *rb = rules_load_dir(x->dir, &x->d);
	assert_non_null(rb);
	rules_free(rb);
	assert_int_equal(x->d.warnings, 1);
	const char *w = x->d.items[0].text;
	assert_non_null(strstr(w, "entry \"x:x:x:"));
	assert_null(strstr(w, "x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:"));
	assert_non_null(strstr(w, "…\""));
	/* a cut never splits a character */
	assert_string_equal(readfile_quote("ab\xc3\xa9", 3, &n), "…");
	assert_int_equal(n, 2);
	assert_string_equal(readfile_quote("abc", 3, &n), "");
	assert_int_equal(n, 3);
}

static void
test_config_file_must_be_regular(void **state)
{
	struct fx *x = *state;
	struct config cfg;
	char want[512];

	assert_int_equal(mkfifo(path(x, "fifo.conf"), 0600), 0);
	assert_int_equal(config_load(&cfg, path(x, "fifo.conf"), true, &x->d), -1);
	config_free(&cfg);
	snprintf(want, sizeof(want), "%s: cannot read: not a regular file (a "
	    "FIFO)", path(x, "fifo.conf"));
	expect(x, want);
	assert_int_equal(mkdir(path(x, "d.conf"), 0700), 0);
	assert_int_equal(config_load(&cfg, path(x, "d.conf"), true, &x->d), -1);
	config_free(&cfg);
	snprintf(want, sizeof(want), "%s: cannot read: not a regular file (a "
	    "directory)", path(x, "d.conf"));
	expect(x, want);
	/* a regular file still loads, its errors with their lines */
	put(x, "ok.conf", "workers = 2;\nnosuch = 1;\n");
	assert_int_equal(config_load(&cfg, path(x, "ok.conf"), false, &x->d), -1);
	config_free(&cfg);
	snprintf(want, sizeof(want), "%s:2: unknown setting 'nosuch'",
	    path(x, "ok.conf"));
	expect(x, want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lists_stay_inside_the_rules_directories, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_regular_files_are_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_size_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_include_and_nul_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quotes_are_short, setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_file_must_be_regular, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
