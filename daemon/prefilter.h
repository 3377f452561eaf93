/* prefilter: a regex runs only where its required literals occur.
 *
 * At load time each pattern is read for a set of literals one of which
 * every match must contain (a word, or the words of a spliced @list); the
 * literals of all regexes reading one view go into one Aho-Corasick
 * automaton. Per comment one pass of it over the view says which regexes
 * could match at all; the others are not run. */
#ifndef DECORUM_PREFILTER_H
#define DECORUM_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

/* Up to PREFILTER_MAX_SETS sets of literals, every one of which a match
 * must hit (one literal of each): atom v[i] belongs to set set[i]. */
#define PREFILTER_MAX_SETS	4

struct prefilter_atoms {
	char	**v;
	uint8_t	 *set;
	size_t	  n;
	unsigned  nsets;
};

/* Look up list `name`: the first word of each entry, as the splice
 * writes them. Returns -1 for an unknown list. */
typedef int prefilter_list_fn(void *ctx, const char *name, size_t len,
	    char *const **words, size_t *n);

/* 1: out holds literals one of which every match of pattern contains;
 * 0: no such set could be found (the regex always runs); -1: no memory. */
int	prefilter_analyze(const char *pattern, prefilter_list_fn *fn, void *ctx,
	    struct prefilter_atoms *out);
void	prefilter_atoms_free(struct prefilter_atoms *a);

struct prefilter;

struct prefilter *prefilter_new(void);
void	prefilter_free(struct prefilter *pf);
/* Literals are matched case-insensitively for ASCII; set is the bit the
 * literal sets in may[rule]. */
int	prefilter_add(struct prefilter *pf, const char *atom, uint32_t rule,
	    unsigned set);
int	prefilter_compile(struct prefilter *pf);
/* may[rule] |= 1 << set for every literal that occurs in text: a rule
 * can match only when all bits of its sets are there. */
void	prefilter_scan(const struct prefilter *pf, const char *text, size_t len,
	    uint8_t *may);

#endif
