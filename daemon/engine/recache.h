/* recache: compiled regexes shared by the rule books that use them.
 *
 * Compiling and JIT-compiling the shipped regexes is most of what loading
 * the rules costs. A reload of files that did not change would compile
 * every pattern again while the engine it replaces holds the very same
 * code; so compiled patterns are kept, keyed by the pattern (lists
 * spliced) and its options, for as long as some rule book holds them,
 * and a load finds them there. Compiled code is read-only once built, so
 * any number of threads may match with it at once. */
#ifndef DECORUM_RECACHE_H
#define DECORUM_RECACHE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdint.h>

/* What was learned while compiling, for the loader's diagnostics. */
struct recache_info {
	bool	matches_empty;	/* it matches the empty string */
	bool	jit;		/* JIT compiled */
};

/* The compiled pattern, from the cache or compiled now (and JIT
 * compiled, and tried on the empty string when it may match it). NULL
 * on a compile error (*err, *off as pcre2_compile gives them) or, with
 * *err set to 0, when memory runs out. Each pattern returned is held
 * until recache_put. */
pcre2_code *recache_get(const char *pattern, uint32_t opts,
	    struct recache_info *info, int *err, PCRE2_SIZE *off);
/* The go-live probes (golive.c) that a pattern passed, each named by a
 * hash of what they depend on besides the pattern: a reload that would
 * run the same probes on the same pattern knows the answer. Only passes
 * are kept: a pattern that ran away is probed again, and reported. */
bool	recache_probed(const pcre2_code *re, uint64_t probes);
void	recache_set_probed(const pcre2_code *re, uint64_t probes);
/* Let go of a pattern from recache_get; the last holder frees it. NULL
 * is ignored. */
void	recache_put(pcre2_code *re);
/* Patterns held now (tests). */
size_t	recache_size(void);

#endif
