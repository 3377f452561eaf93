/* offence: a category's score counts each offence once.
 *
 * Hits of one category whose spans of the original text overlap are one
 * offence ("You are an idiot" fires four rules on one insult); the offence
 * adds the largest weight of its rules, and a rule's weight counts in one
 * offence only, however often it matched. Each hit's severity, under the
 * policy, says whether it may reject (it counts in `firm` as well), only
 * hold for review, or not count at all. */
#ifndef DECORUM_OFFENCE_H
#define DECORUM_OFFENCE_H

#include <stddef.h>
#include <stdint.h>

struct rulebook;
struct policy;
struct match_scratch;

struct offence_scratch {
	uint32_t	*order;		/* counted hits, by category and start */
	size_t		 order_cap;
	uint8_t		*counted;	/* per rule */
	size_t		 counted_cap;
	double		*firm;		/* per category: what may reject */
	size_t		 firm_cap;
};

void	offence_scratch_free(struct offence_scratch *os);
/* Fill scores[c] with every counting offence and os->firm[c] with those
 * whose hits may reject. Returns -1 when memory runs out. */
int	offence_score(struct offence_scratch *os, const struct rulebook *rb,
	    const struct policy *p, const struct match_scratch *ms,
	    double *scores);

#endif
