/* Unit tests of the shared regex cache: one pattern and options compile
 * once however many rule books hold it, the last holder frees it,
 * options and patterns are kept apart, and a compile error is reported
 * as pcre2_compile gives it, never cached. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "recache.h"

static void
test_shared_until_last_put(void **state)
{
	struct recache_info	 info;
	int			 err = -1;
	PCRE2_SIZE		 off;
	pcre2_code		*a, *b, *c;

	(void)state;
	assert_int_equal(recache_size(), 0);
	a = recache_get("\\bidiot\\b", PCRE2_UTF, &info, &err, &off);
	assert_non_null(a);
	assert_false(info.matches_empty);
	b = recache_get("\\bidiot\\b", PCRE2_UTF, &info, &err, &off);
	assert_ptr_equal(a, b);			/* compiled once */
	assert_int_equal(recache_size(), 1);
	c = recache_get("\\bidiot\\b", PCRE2_UTF | PCRE2_CASELESS, &info,
	    &err, &off);
	assert_non_null(c);
	assert_ptr_not_equal(a, c);		/* other options, other code */
	assert_int_equal(recache_size(), 2);
	recache_put(a);
	assert_int_equal(recache_size(), 2);	/* b still holds it */
	recache_put(b);
	assert_int_equal(recache_size(), 1);
	recache_put(c);
	assert_int_equal(recache_size(), 0);
	recache_put(NULL);
}

static void
test_errors_and_empty_matches(void **state)
{
	struct recache_info	 info;
	int			 err = 0;
	PCRE2_SIZE		 off = 0;
	pcre2_code		*re;

	(void)state;
	assert_null(recache_get("(unclosed", PCRE2_UTF, &info, &err, &off));
	assert_int_not_equal(err, 0);		/* an error, not memory */
	assert_int_equal(off, 9);
	assert_int_equal(recache_size(), 0);	/* nothing kept */
	re = recache_get("x*", PCRE2_UTF, &info, &err, &off);
	assert_non_null(re);
	assert_true(info.matches_empty);
	/* the second holder learns the same from the cache */
	info.matches_empty = false;
	pcre2_code *again = recache_get("x*", PCRE2_UTF, &info, &err, &off);
	assert_true(info.matches_empty);
	recache_put(again);
	recache_put(re);
	assert_int_equal(recache_size(), 0);
}

/* Probes a pattern passed are known for as long as it is held, for the
 * four settings seen last. */
static void
test_probed(void **state)
{
	struct recache_info	 info;
	int			 err;
	PCRE2_SIZE		 off;
	pcre2_code		*re;

	(void)state;
	re = recache_get("\\bfool\\b", PCRE2_UTF, &info, &err, &off);
	assert_non_null(re);
	assert_false(recache_probed(re, 7));
	recache_set_probed(re, 7);
	assert_true(recache_probed(re, 7));
	assert_false(recache_probed(re, 8));
	for (uint64_t k = 1; k <= 4; k++)
		recache_set_probed(re, 100 + k);
	assert_false(recache_probed(re, 7));		/* the oldest, gone */
	for (uint64_t k = 1; k <= 4; k++)
		assert_true(recache_probed(re, 100 + k));
	recache_set_probed(re, 101);			/* no second copy */
	assert_true(recache_probed(re, 102));
	recache_put(re);
	/* compiled again, nothing is known of it */
	re = recache_get("\\bfool\\b", PCRE2_UTF, &info, &err, &off);
	assert_non_null(re);
	assert_false(recache_probed(re, 101));
	recache_put(re);
	assert_int_equal(recache_size(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_until_last_put),
		cmocka_unit_test(test_errors_and_empty_matches),
		cmocka_unit_test(test_probed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
