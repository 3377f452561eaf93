/* Does this machine's Vectorscan find what PCRE2 finds? A pattern cut
 * down from the shipped rule discourtesy.crude-name, and a comment it
 * matches. Vectorscan 5.4.9 (Debian 12) on x86-64 finds nothing, in
 * prefilter mode and in exact mode alike, where Intel's Hyperscan 5.4.0
 * finds it; that is one reason decorumd does not put Vectorscan in
 * front of PCRE2 (README, "Performance").
 *
 *   cc -O2 -o /tmp/vectorscan_miss tests/bench/vectorscan_miss.c \
 *       $(pkg-config --cflags --libs libhs libpcre2-8) && /tmp/vectorscan_miss
 *
 * Exit status: 0 when both find the match, 1 when Vectorscan misses it,
 * 2 on any other failure. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs.h>
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

static const char pattern[] =
    "a\\s+(?:(?:old|stupid|pathetic|such\\s+a|fucking|bloody)\\s+){0,2}dick";
static const char text[] = "just in: the president is still a dick.";

static int
on_match(unsigned int id, unsigned long long from, unsigned long long to,
    unsigned int flags, void *ctx)
{
	(void)id;
	(void)from;
	(void)to;
	(void)flags;
	*(int *)ctx = 1;
	return 1;
}

/* 1 when Vectorscan compiled with flags finds the match, 0 when not,
 * -1 on failure. */
static int
vectorscan_finds(unsigned flags)
{
	hs_database_t		*db = NULL;
	hs_compile_error_t	*err = NULL;
	hs_scratch_t		*scratch = NULL;
	int			 found = 0;

	if (hs_compile(pattern, flags, HS_MODE_BLOCK, NULL, &db, &err) !=
	    HS_SUCCESS) {
		fprintf(stderr, "hs_compile: %s\n", err->message);
		hs_free_compile_error(err);
		return -1;
	}
	if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
		hs_free_database(db);
		return -1;
	}
	hs_error_t rc = hs_scan(db, text, (unsigned)strlen(text), 0, scratch,
	    on_match, &found);
	hs_free_scratch(scratch);
	hs_free_database(db);
	if (rc != HS_SUCCESS && rc != HS_SCAN_TERMINATED)
		return -1;
	return found;
}

int
main(void)
{
	int		 err;
	PCRE2_SIZE	 off;
	pcre2_code	*re = pcre2_compile((PCRE2_SPTR)pattern,
			    PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
	pcre2_match_data *md;

	if (re == NULL || (md = pcre2_match_data_create(1, NULL)) == NULL)
		return 2;
	int pcre = pcre2_match(re, (PCRE2_SPTR)text, strlen(text), 0, 0, md,
	    NULL) >= 0;
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	int exact = vectorscan_finds(0);
	int loose = vectorscan_finds(HS_FLAG_PREFILTER);
	printf("Vectorscan %s\npattern %s\ntext    %s\n", hs_version(), pattern,
	    text);
	printf("PCRE2 finds it: %s; Vectorscan, exact: %s; prefilter mode: %s\n",
	    pcre ? "yes" : "no", exact == 1 ? "yes" : exact == 0 ? "no" :
	    "failed", loose == 1 ? "yes" : loose == 0 ? "no" : "failed");
	if (!pcre || exact == -1 || loose == -1)
		return 2;
	return exact == 1 && loose == 1 ? 0 : 1;
}
