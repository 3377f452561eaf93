/* Unit tests of corpus_reader: the labelled corpora replay and tune read,
 * row by row across files, blank lines passed over, bad lines skipped
 * with FILE:LINE, and the hook called before every warning (stderr goes
 * to a file the tests read back). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "corpus_reader.h"

#define MAX_WARNINGS	8

struct fx {
	char	 dir[64];
	char	 paths[3][96];
	char	 err_path[96];
	int	 saved_stderr;
	/* the size of stderr at each call of the hook */
	long	 hook_at[MAX_WARNINGS];
	int	 n_hooks;
};

static int
setup(void **state)
{
	struct fx	*x = calloc(1, sizeof(*x));
	FILE		*err;

	if (x == NULL)
		return -1;
	snprintf(x->dir, sizeof(x->dir), "/tmp/decorum-corpus-XXXXXX");
	if (mkdtemp(x->dir) == NULL)
		return -1;
	snprintf(x->err_path, sizeof(x->err_path), "%s/stderr", x->dir);
	fflush(stderr);
	if ((x->saved_stderr = dup(STDERR_FILENO)) < 0 ||
	    (err = fopen(x->err_path, "w")) == NULL)
		return -1;
	dup2(fileno(err), STDERR_FILENO);
	fclose(err);
	*state = x;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*x = *state;
	char		 cmd[128];

	fflush(stderr);
	dup2(x->saved_stderr, STDERR_FILENO);
	close(x->saved_stderr);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", x->dir);
	(void)!system(cmd);
	free(x);
	return 0;
}

/* Writes the corpus file name in the test's directory; its path. */
static char *
put(struct fx *x, int i, const char *name, const char *text)
{
	FILE *f;
	char path[sizeof(x->paths[0])];

	/* through a copy: dir and paths share x, and a fortified snprintf
	 * may not write where it reads */
	snprintf(path, sizeof(path), "%s/%s", x->dir, name);
	memcpy(x->paths[i], path, sizeof(path));
	if (text == NULL)
		return x->paths[i];
	f = fopen(x->paths[i], "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	return x->paths[i];
}

static long
err_size(const struct fx *x)
{
	struct stat st;

	fflush(stderr);
	assert_int_equal(stat(x->err_path, &st), 0);
	return (long)st.st_size;
}

/* What was warned, whole; the caller frees it. */
static char *
err_text(const struct fx *x)
{
	long	 n = err_size(x);
	char	*s = calloc(1, (size_t)n + 1);
	FILE	*f = fopen(x->err_path, "r");

	assert_non_null(s);
	assert_non_null(f);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return s;
}

static void
hook(void *arg)
{
	struct fx *x = arg;

	if (x->n_hooks < MAX_WARNINGS)
		x->hook_at[x->n_hooks] = err_size(x);
	x->n_hooks++;
}

/* The next row's text, file and line. */
static void
expect_row(struct corpus_reader *r, const char *text, const char *file,
    long line)
{
	json_t	*row = NULL;

	assert_int_equal(corpus_reader_next(r, &row), 1);
	assert_non_null(row);
	assert_string_equal(json_string_value(json_object_get(row, "text")),
	    text);
	assert_true(json_is_array(json_object_get(row, "labels")));
	assert_string_equal(corpus_reader_file(r), file);
	assert_int_equal(corpus_reader_line(r), line);
	json_decref(row);
}

static void
expect_end(struct corpus_reader *r)
{
	json_t	*row = (json_t *)1;

	assert_int_equal(corpus_reader_next(r, &row), 0);
	assert_null(row);
	assert_null(corpus_reader_file(r));
}

static void
test_rows_across_files(void **state)
{
	struct fx		*x = *state;
	struct corpus_reader	 r;
	char			*files[2], *err;

	files[0] = put(x, 0, "a.jsonl",
	    "{\"id\":\"a1\",\"text\":\"one\",\"labels\":[]}\n"
	    "\n"
	    "{\"text\":\"two\",\"labels\":[\"caps\"]}\n");
	/* blank lines of blanks, a CRLF and no newline at the end */
	files[1] = put(x, 1, "b.jsonl",
	    "  \t\r\n"
	    "{\"text\":\"three\",\"labels\":[]}\r\n"
	    "{\"text\":\"four\",\"labels\":[],\"more\":1}");
	corpus_reader_init(&r, files, 2, hook, x);
	expect_row(&r, "one", files[0], 1);
	expect_row(&r, "two", files[0], 3);
	expect_row(&r, "three", files[1], 2);
	expect_row(&r, "four", files[1], 3);
	expect_end(&r);
	expect_end(&r);
	assert_int_equal(corpus_reader_skipped(&r), 0);
	assert_int_equal(x->n_hooks, 0);
	err = err_text(x);
	assert_string_equal(err, "");
	free(err);
	corpus_reader_free(&r);
}

static void
test_bad_lines_skipped(void **state)
{
	struct fx		*x = *state;
	struct corpus_reader	 r;
	char			*files[1], *err, want[1024];
	const char		*lines[4];
	json_t			*row;
	int			 i;

	files[0] = put(x, 0, "c.jsonl",
	    "{\"text\":\"good\",\"labels\":[]}\n"
	    "this is no JSON\n"
	    "{\"text\":\"unlabelled\"}\n"
	    "[\"text\",\"labels\"]\n"
	    "\n"
	    "{\"text\":7,\"labels\":[]}\n"
	    "{\"text\":\"a\\u0000b\",\"labels\":[\"x\"]}\n");
	corpus_reader_init(&r, files, 1, hook, x);
	expect_row(&r, "good", files[0], 1);
	assert_int_equal(corpus_reader_next(&r, &row), 1);
	assert_int_equal(corpus_reader_line(&r), 7);
	assert_int_equal(json_string_length(json_object_get(row, "text")), 3);
	json_decref(row);
	expect_end(&r);
	assert_int_equal(corpus_reader_skipped(&r), 4);

	err = err_text(x);
	assert_int_equal(x->n_hooks, 4);
	lines[0] = "2: skipped: not JSON: ";
	lines[1] = "3: skipped: no \"labels\" array\n";
	lines[2] = "4: skipped: no \"text\" string\n";
	lines[3] = "6: skipped: no \"text\" string\n";
	for (i = 0; i < 4; i++) {
		/* each warning starts where stderr stood when the hook ran */
		snprintf(want, sizeof(want), "decorumctl: %s:%s", files[0],
		    lines[i]);
		assert_true(x->hook_at[i] < (long)strlen(err));
		if (strncmp(err + x->hook_at[i], want, strlen(want)) != 0)
			fail_msg("warning %d: want \"%s\" at %ld of \"%s\"", i,
			    want, x->hook_at[i], err);
	}
	free(err);
	corpus_reader_free(&r);
}

static void
test_missing_file(void **state)
{
	struct fx		*x = *state;
	struct corpus_reader	 r;
	char			*files[2], *err, want[256];
	json_t			*row = (json_t *)1;

	files[0] = put(x, 0, "d.jsonl", "{\"text\":\"only\",\"labels\":[]}\n");
	files[1] = put(x, 1, "missing.jsonl", NULL);
	corpus_reader_init(&r, files, 2, hook, x);
	expect_row(&r, "only", files[0], 1);
	assert_int_equal(corpus_reader_next(&r, &row), -1);
	assert_null(row);
	assert_int_equal(x->n_hooks, 1);
	assert_int_equal(x->hook_at[0], 0);
	err = err_text(x);
	snprintf(want, sizeof(want), "decorumctl: cannot open %s: No such "
	    "file or directory\n", files[1]);
	assert_string_equal(err, want);
	free(err);
	corpus_reader_free(&r);
}

static void
test_no_hook(void **state)
{
	struct fx		*x = *state;
	struct corpus_reader	 r;
	char			*files[1], *err, want[256];

	/* tune has no progress line to clear */
	files[0] = put(x, 0, "e.jsonl", "{}\n{\"text\":\"t\",\"labels\":[]}\n");
	corpus_reader_init(&r, files, 1, NULL, NULL);
	expect_row(&r, "t", files[0], 2);
	expect_end(&r);
	err = err_text(x);
	snprintf(want, sizeof(want), "decorumctl: %s:1: skipped: no \"text\" "
	    "string\n", files[0]);
	assert_string_equal(err, want);
	free(err);
	corpus_reader_free(&r);
}

static void
test_free_unread(void **state)
{
	struct fx		*x = *state;
	struct corpus_reader	 r;
	char			*files[1];

	/* a zeroed reader, and one left half-way through a file */
	memset(&r, 0, sizeof(r));
	corpus_reader_free(&r);
	files[0] = put(x, 0, "f.jsonl", "{\"text\":\"a\",\"labels\":[]}\n"
	    "{\"text\":\"b\",\"labels\":[]}\n");
	corpus_reader_init(&r, files, 1, hook, x);
	expect_row(&r, "a", files[0], 1);
	corpus_reader_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rows_across_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_lines_skipped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_hook, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_unread, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
