/* Unit tests of frame: newline-delimited requests out of an evbuffer,
 * fed the way a socket feeds it (in arbitrary pieces). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "frame.h"

struct fx {
	struct evbuffer	*in;
	struct framer	 f;
};

static int
setup(void **state)
{
	struct fx *x = calloc(1, sizeof(*x));

	if (x == NULL || (x->in = evbuffer_new()) == NULL)
		return -1;
	frame_init(&x->f, 16);
	*state = x;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *x = *state;

	evbuffer_free(x->in);
	free(x);
	return 0;
}

static void
add(struct fx *x, const char *s)
{
	assert_int_equal(evbuffer_add(x->in, s, strlen(s)), 0);
}

/* The next result must be a line equal to want. */
static void
expect_line(struct fx *x, const char *want)
{
	const char	*line = NULL;
	size_t		 len = 0;
	enum frame_result r = frame_next(&x->f, x->in, &line, &len);

	if (r != FRAME_LINE)
		fail_msg("expected line \"%s\", got result %d", want, (int)r);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(line, want, len);
}

static void
expect(struct fx *x, enum frame_result want)
{
	const char	*line = NULL;
	size_t		 len = 0;
	enum frame_result r = frame_next(&x->f, x->in, &line, &len);

	if (r != want)
		fail_msg("expected result %d, got %d (len %zu)", (int)want,
		    (int)r, r == FRAME_LINE ? len : 0);
}

static void
test_partial_line_across_adds(void **state)
{
	struct fx *x = *state;

	add(x, "{\"a\"");
	expect(x, FRAME_NONE);
	add(x, ":1,");
	expect(x, FRAME_NONE);
	expect(x, FRAME_NONE);		/* asking again changes nothing */
	add(x, "\"b\":2}");
	expect(x, FRAME_NONE);
	add(x, "\nxy");
	expect_line(x, "{\"a\":1,\"b\":2}");
	expect(x, FRAME_NONE);		/* "xy" has no newline yet */
	add(x, "z\n");
	expect_line(x, "xyz");
	expect(x, FRAME_NONE);
	assert_int_equal(evbuffer_get_length(x->in), 0);
}

static void
test_one_byte_at_a_time(void **state)
{
	struct fx *x = *state;
	const char *s = "hello\nworld\n";

	for (const char *p = s; *p != '\0'; p++) {
		char c[2] = { *p, '\0' };
		add(x, c);
		if (*p == '\n')
			expect_line(x, p == s + 5 ? "hello" : "world");
		else
			expect(x, FRAME_NONE);
	}
	expect(x, FRAME_NONE);
}

static void
test_many_lines_in_one_add(void **state)
{
	struct fx *x = *state;
	char	 want[8];

	add(x, "l0\nl1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\ntail");
	for (int i = 0; i < 10; i++) {
		snprintf(want, sizeof(want), "l%d", i);
		expect_line(x, want);
	}
	expect(x, FRAME_NONE);
	add(x, "\n");
	expect_line(x, "tail");
}

static void
test_crlf(void **state)
{
	struct fx *x = *state;

	add(x, "one\r\ntwo\r\n\r\nthree\n");
	expect_line(x, "one");
	expect_line(x, "two");
	expect_line(x, "");
	expect_line(x, "three");
	expect(x, FRAME_NONE);
	/* only a trailing CR goes; one inside the line stays */
	add(x, "a\rb\n");
	expect_line(x, "a\rb");
	/* CR and LF in separate pieces */
	add(x, "four\r");
	expect(x, FRAME_NONE);
	add(x, "\n");
	expect_line(x, "four");
}

static void
test_empty_lines(void **state)
{
	struct fx *x = *state;

	add(x, "\n\nx\n\n");
	expect_line(x, "");
	expect_line(x, "");
	expect_line(x, "x");
	expect_line(x, "");
	expect(x, FRAME_NONE);
	assert_int_equal(evbuffer_get_length(x->in), 0);
}

static void
test_exact_limit_accepted(void **state)
{
	struct fx *x = *state;

	add(x, "0123456789abcdef\n");		/* 16 bytes: the limit */
	expect_line(x, "0123456789abcdef");
	add(x, "0123456789abcdef");		/* at the limit, no newline */
	expect(x, FRAME_NONE);
	add(x, "\n");
	expect_line(x, "0123456789abcdef");
}

static void
test_oversize_with_newline(void **state)
{
	struct fx *x = *state;

	add(x, "short\n0123456789abcdefg\nnext\n");	/* 17 bytes */
	expect_line(x, "short");
	expect(x, FRAME_TOO_LARGE);
	expect_line(x, "next");
	expect(x, FRAME_NONE);
	assert_int_equal(evbuffer_get_length(x->in), 0);
}

static void
test_oversize_in_pieces(void **state)
{
	struct fx *x = *state;

	add(x, "0123456789");
	expect(x, FRAME_NONE);
	add(x, "abcdefghij");			/* 20 bytes, no newline */
	expect(x, FRAME_TOO_LARGE);
	/* never buffered past the limit */
	assert_true(evbuffer_get_length(x->in) <= 16);
	expect(x, FRAME_NONE);
	/* more of the same line: skipped, not reported again */
	for (int i = 0; i < 50; i++) {
		add(x, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz");
		expect(x, FRAME_NONE);
		assert_true(evbuffer_get_length(x->in) <= 16);
	}
	add(x, "end of the big line\nok");
	expect(x, FRAME_NONE);
	add(x, "\n");
	expect_line(x, "ok");
	expect(x, FRAME_NONE);
}

static void
test_oversize_tail_and_next_in_one_add(void **state)
{
	struct fx *x = *state;

	add(x, "01234567890123456789");
	expect(x, FRAME_TOO_LARGE);
	add(x, "tail\nnext\nafter\n");
	expect_line(x, "next");
	expect_line(x, "after");
	expect(x, FRAME_NONE);
	/* a second oversize line is reported again */
	add(x, "0123456789abcdefXYZ\nfine\n");
	expect(x, FRAME_TOO_LARGE);
	expect_line(x, "fine");
}

static void
test_line_stays_valid_until_next_call(void **state)
{
	struct fx *x = *state;
	const char	*line;
	size_t		 len;

	add(x, "first\nsecond\n");
	assert_int_equal(frame_next(&x->f, x->in, &line, &len), FRAME_LINE);
	/* the line is still in the buffer until the next call drains it */
	assert_int_equal(evbuffer_get_length(x->in), 13);
	assert_int_equal(len, 5);
	assert_memory_equal(line, "first", 5);
	expect_line(x, "second");
	assert_int_equal(evbuffer_get_length(x->in), 7);
	expect(x, FRAME_NONE);
	assert_int_equal(evbuffer_get_length(x->in), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_partial_line_across_adds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_byte_at_a_time, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_lines_in_one_add, setup, teardown),
		cmocka_unit_test_setup_teardown(test_crlf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exact_limit_accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_oversize_with_newline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_oversize_in_pieces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_oversize_tail_and_next_in_one_add, setup, teardown),
		cmocka_unit_test_setup_teardown(test_line_stays_valid_until_next_call, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
