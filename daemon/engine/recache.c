/* recache: compiled regexes shared by the rule books that use them
 * (recache.h). A few hundred patterns at most: an array searched by a
 * hash of the key, under one lock that loads and frees take briefly. */
#include "recache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define RECACHE_PROBED	4

struct entry {
	uint64_t		 hash;
	uint32_t		 opts;
	char			*pattern;
	pcre2_code		*re;
	struct recache_info	 info;
	unsigned long		 refs;
	/* probes passed (recache_probed): a pattern serves a few views at
	 * most, the oldest is forgotten first */
	uint64_t		 probed[RECACHE_PROBED];
	unsigned		 nprobed;
};

static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry	*entries;
static size_t		 nentries, cap;

static uint64_t
key_hash(const char *pattern, uint32_t opts)
{
	return text_fnv1a(TEXT_FNV_OFFSET ^ opts, pattern, strlen(pattern));
}

static struct entry *
find(uint64_t hash, const char *pattern, uint32_t opts)
{
	for (size_t i = 0; i < nentries; i++)
		if (entries[i].hash == hash && entries[i].opts == opts &&
		    strcmp(entries[i].pattern, pattern) == 0)
			return &entries[i];
	return NULL;
}

/* Compile outside the lock: it is the slow part, and two loads at once
 * (a reload and decorumd -t in tests) must not wait on each other. */
static pcre2_code *
compile(const char *pattern, uint32_t opts, struct recache_info *info,
    int *err, PCRE2_SIZE *off)
{
	pcre2_code	*re;
	uint32_t	 minlen = 1;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts,
	    err, off, NULL);
	if (re == NULL)
		return NULL;
	info->matches_empty = false;
	pcre2_pattern_info(re, PCRE2_INFO_MINLENGTH, &minlen);
	if (minlen == 0) {
		/* could still need a non-empty match: try the empty string */
		pcre2_match_data *md = pcre2_match_data_create(1, NULL);

		if (md == NULL) {
			pcre2_code_free(re);
			*err = 0;
			return NULL;
		}
		info->matches_empty = pcre2_match(re, (PCRE2_SPTR)"", 0, 0, 0,
		    md, NULL) >= 0;
		pcre2_match_data_free(md);
	}
	info->jit = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
	return re;
}

pcre2_code *
recache_get(const char *pattern, uint32_t opts, struct recache_info *info,
    int *err, PCRE2_SIZE *off)
{
	uint64_t	 hash = key_hash(pattern, opts);
	struct entry	*e;
	pcre2_code	*re;
	char		*copy;

	pthread_mutex_lock(&lock);
	if ((e = find(hash, pattern, opts)) != NULL) {
		e->refs++;
		*info = e->info;
		re = e->re;
		pthread_mutex_unlock(&lock);
		return re;
	}
	pthread_mutex_unlock(&lock);

	if ((re = compile(pattern, opts, info, err, off)) == NULL)
		return NULL;
	if ((copy = strdup(pattern)) == NULL) {
		pcre2_code_free(re);
		*err = 0;
		return NULL;
	}
	pthread_mutex_lock(&lock);
	if ((e = find(hash, pattern, opts)) != NULL) {
		/* another load compiled it meanwhile: use that one */
		e->refs++;
		*info = e->info;
		pthread_mutex_unlock(&lock);
		pcre2_code_free(re);
		free(copy);
		return e->re;
	}
	if (nentries == cap) {
		size_t		 ncap = cap ? cap * 2 : 64;
		struct entry	*ne = realloc(entries, ncap * sizeof(*ne));

		if (ne == NULL) {
			pthread_mutex_unlock(&lock);
			pcre2_code_free(re);
			free(copy);
			*err = 0;
			return NULL;
		}
		entries = ne;
		cap = ncap;
	}
	entries[nentries++] = (struct entry){ .hash = hash, .opts = opts,
	    .pattern = copy, .re = re, .info = *info, .refs = 1 };
	pthread_mutex_unlock(&lock);
	return re;
}

void
recache_put(pcre2_code *re)
{
	pcre2_code	*gone = NULL;
	char		*pattern = NULL;

	if (re == NULL)
		return;
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < nentries; i++) {
		if (entries[i].re != re)
			continue;
		if (--entries[i].refs == 0) {
			gone = re;
			pattern = entries[i].pattern;
			entries[i] = entries[--nentries];
		}
		break;
	}
	if (nentries == 0) {
		/* nothing held: no memory kept for it either */
		free(entries);
		entries = NULL;
		cap = 0;
	}
	pthread_mutex_unlock(&lock);
	pcre2_code_free(gone);
	free(pattern);
}

bool
recache_probed(const pcre2_code *re, uint64_t probes)
{
	bool passed = false;

	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < nentries; i++) {
		if (entries[i].re != re)
			continue;
		for (unsigned k = 0; k < entries[i].nprobed && !passed; k++)
			passed = entries[i].probed[k] == probes;
		break;
	}
	pthread_mutex_unlock(&lock);
	return passed;
}

void
recache_set_probed(const pcre2_code *re, uint64_t probes)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < nentries; i++) {
		struct entry *e = &entries[i];
		if (e->re != re)
			continue;
		unsigned k = 0;
		while (k < e->nprobed && e->probed[k] != probes)
			k++;
		if (k == e->nprobed) {
			if (e->nprobed < RECACHE_PROBED)
				e->nprobed++;
			memmove(e->probed + 1, e->probed,
			    (e->nprobed - 1) * sizeof(e->probed[0]));
			e->probed[0] = probes;
		}
		break;
	}
	pthread_mutex_unlock(&lock);
}

size_t
recache_size(void)
{
	size_t n;

	pthread_mutex_lock(&lock);
	n = nentries;
	pthread_mutex_unlock(&lock);
	return n;
}
