/* fuzz_check: the fuzz targets' checks. assert() is compiled away under
 * -DNDEBUG, which would let a fuzzer run on without checking anything;
 * FUZZ_CHECK always checks and abort()s, which libFuzzer reports as a
 * crash with the input that caused it. The condition is evaluated
 * exactly once, but keep it free of side effects all the same: a check
 * reads, it never does the work. */
#ifndef DECORUM_FUZZ_CHECK_H
#define DECORUM_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

#endif
