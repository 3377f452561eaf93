/* prefilter: a regex runs only where its required literals occur.
 *
 * At load time each pattern is read for the literals its matches must
 * contain: sets of literals (a word, the words of a spliced @list, a
 * short class spelled out), one literal of each set of some clause. The
 * literals of all regexes reading one view go into one Aho-Corasick
 * automaton. Per comment one pass of it over the view says which regexes
 * could match at all; the others are not run.
 *
 * A literal can also require a word boundary (\b) where it starts or
 * ends, when the pattern puts one there: "ass" in \bass\b then does not
 * count inside "class".
 *
 * A match starts at or before the last required literal found. When
 * every match starts with one of a set of literals (its heads: the words
 * of \b@groups\s+are...), the scan also says where they start: the
 * regex is tried there only, or, when there are many, from the first
 * and up to the last. */
#ifndef DECORUM_PREFILTER_H
#define DECORUM_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Sets of one regex (bits of a mask), and clauses over them. */
#define PREFILTER_MAX_SETS	32
#define PREFILTER_MAX_CLAUSES	32

/* Literal flags: where a \b must hold for the literal to count. */
#define PREFILTER_WORD_START	0x01
#define PREFILTER_WORD_END	0x02

/* The set of a head literal. */
#define PREFILTER_HEAD		0xff

/* Atom v[i] (with flags[i]) belongs to set set[i]. The regex can match
 * only when, for some clause, every set of the clause's mask has one of
 * its literals in the text. nheads of the atoms are heads. */
struct prefilter_atoms {
	char	**v;
	uint8_t	 *set;
	uint8_t	 *flags;
	size_t	  n;
	unsigned  nsets;
	uint32_t  clause[PREFILTER_MAX_CLAUSES];
	unsigned  nclauses;
	size_t	  nheads;
};

/* Heads whose places the scan keeps, per regex. Past them the regex
 * searches from the first to the last: a long comment that names a group
 * a hundred times (17 KB of them in the dev files) took 9 ms so, and 3
 * with 256 places kept instead of 64. */
#define PREFILTER_HEADS_MAX	256

/* What the scan found for one regex. A match contains a literal of its
 * sets, so it starts at or before the last one found. */
struct prefilter_found {
	uint32_t  may;		/* bits of the sets found */
	uint32_t  lastlit;	/* where the last of their literals starts, + 1 */
	uint32_t  first;	/* where the first head starts, + 1; 0: none */
	uint32_t  last;		/* where the last one starts, + 1 */
	/* where the heads start, + 1, in the order found; more than
	 * PREFILTER_HEADS_MAX: too many to keep */
	uint32_t  nat;
	uint32_t  at[PREFILTER_HEADS_MAX];
};

/* Look up list `name`: its entries as the splice writes them (words
 * separated by one space, a stem ending in '*'). Returns -1 for an
 * unknown list. */
typedef int prefilter_list_fn(void *ctx, const char *name, size_t len,
	    char *const **words, size_t *n);

/* 1: out holds literals every match of pattern needs (see above);
 * 0: no such literals could be found (the regex always runs); -1: no
 * memory. */
int	prefilter_analyze(const char *pattern, prefilter_list_fn *fn, void *ctx,
	    struct prefilter_atoms *out);
void	prefilter_atoms_free(struct prefilter_atoms *a);

/* Could the regex match, given the sets the scan found (may[rule])? */
static inline bool
prefilter_pass(const struct prefilter_atoms *a, uint32_t may)
{
	for (unsigned i = 0; i < a->nclauses; i++)
		if ((may & a->clause[i]) == a->clause[i])
			return true;
	return false;
}

struct prefilter;

struct prefilter *prefilter_new(void);
void	prefilter_free(struct prefilter *pf);
/* Literals are matched case-insensitively for ASCII; set is the bit the
 * literal sets in found[rule].may, or PREFILTER_HEAD; flags are
 * PREFILTER_WORD_*. */
int	prefilter_add(struct prefilter *pf, const char *atom, uint8_t flags,
	    uint32_t rule, unsigned set);
int	prefilter_compile(struct prefilter *pf);
/* Do its literals start with so few bytes that prefilter_scan skips from
 * one of them to the next? (Such an automaton is best scanned alone.) */
bool	prefilter_sparse(const struct prefilter *pf);

/* A scan's own memory: where each literal was last seen, and which were.
 * Zeroed, then reserved for every automaton it scans with; one per
 * thread, since the automaton itself is shared. */
struct prefilter_scratch {
	uint32_t	*last;
	uint32_t	*seen;
	size_t		 cap;
};

int	prefilter_scratch_reserve(struct prefilter_scratch *sc,
	    const struct prefilter *pf);
void	prefilter_scratch_free(struct prefilter_scratch *sc);
/* Record in found[rule] every literal that occurs in text (where its
 * word boundaries hold); found[] starts zeroed up to at[]. sc was
 * reserved for pf, and is left as it was found. */
void	prefilter_scan(const struct prefilter *pf, const char *text, size_t len,
	    struct prefilter_found *found, struct prefilter_scratch *sc);
/* Scans at once of automata that record for different regexes, each
 * with its own scratch: as many calls of prefilter_scan, in less time.
 * PREFILTER_MAX_JOBS go side by side; jobs that many apart may share a
 * scratch. */
#define PREFILTER_MAX_JOBS	4

struct prefilter_job {
	const struct prefilter	*pf;
	const char		*text;
	size_t			 len;
	struct prefilter_scratch *sc;
};

void	prefilter_scan_many(const struct prefilter_job *jobs, size_t n,
	    struct prefilter_found *found);

#endif
