/* decide: score the hits of a comment under a policy and decide. */
#ifndef DECORUM_DECIDE_H
#define DECORUM_DECIDE_H

#include <stddef.h>
#include <stdint.h>

#include "match.h"
#include "offence.h"
#include "policy.h"
#include "rules.h"

enum decision {
	DECISION_ACCEPT = 0,
	DECISION_REVIEW,
	DECISION_REJECT,
};

struct verdict {
	enum decision	 decision;
	/* per category: 0 nothing, DECISION_REVIEW or DECISION_REJECT */
	uint8_t		*cat_state;
	double		*scores;
	size_t		 ncats_cap;
	/* indexes into the match hits */
	uint32_t	*reasons, *shadow;
	size_t		 nreasons, nshadow, idx_cap;
	struct offence_scratch os;	/* offence.c */
};

void	verdict_init(struct verdict *v);
void	verdict_free(struct verdict *v);
int	decide(struct verdict *v, const struct rulebook *rb,
	    const struct policy *p, const struct match_scratch *ms);
const char *decision_name(enum decision d);

#endif
