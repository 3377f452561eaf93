/* policy: named policies resolved against a rulebook — which rule sets
 * run, and the score at which each category reviews or rejects. */
#ifndef DECORUM_POLICY_H
#define DECORUM_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "diag.h"
#include "rules.h"

#define POLICY_DEFAULT_REJECT_AT	1.0
#define POLICY_DEFAULT_REVIEW_AT	0.5

struct policy {
	char		*name;
	char		*extend;	/* for `decorumctl policies` */
	bool		*sets;		/* [rb->nsets] */
	double		*reject_at;	/* [rb->ncategories]; INFINITY: never */
	double		*review_at;	/* [rb->ncategories]; INFINITY: never */
	uint8_t		*sev;		/* severity.c: [severity][category] */
};

struct policies {
	struct policy	*v;
	size_t		 n;
	size_t		 def;		/* index of the default policy */
};

/* Resolve the policy definitions of cfg (or the built-in default when it
 * has none) against rb. Returns -1 with the problems in d. */
int	policies_build(struct policies *ps, const struct config *cfg,
	    const struct rulebook *rb, struct diag *d);
void	policies_free(struct policies *ps);
const struct policy *policies_find(const struct policies *ps,
	    const char *name);

#endif
