/* severity: how sure a rule's hit is, and what a policy does with it.
 *
 * A rule may carry `severity = "NAME";` (a tag such as "mild" or
 * "third_party"); a policy maps each tag, for every category or per
 * category, to what such a hit may do at most:
 *
 *   severity = { mild = "review"; third_party = { discourtesy = "review"; }; };
 *
 * "reject" (the default for every tag) lets it count fully, "review" lets
 * it hold a comment for review but never reject it, "accept" leaves it
 * out of the score. */
#ifndef DECORUM_SEVERITY_H
#define DECORUM_SEVERITY_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>
#include <libconfig.h>

#include "diag.h"

struct rulebook;
struct rule;
struct policy;
struct policy_def;

/* What a hit of a severity may do; the values are those of enum decision. */
enum sev_outcome {
	SEV_ACCEPT = 0,
	SEV_REVIEW = 1,
	SEV_REJECT = 2,
};

/* One `severity` entry of a policy as written. */
struct severity_def {
	char		*name;		/* the tag */
	char		*category;	/* NULL: every category */
	enum sev_outcome outcome;
	int		 line;
};

/* Rules: read the rule's `severity` field (if any) into r->severity,
 * interning the tag in rb->severities (index 0 is "no severity"). */
void	severity_load_rule(struct rulebook *rb, struct rule *r,
	    const config_setting_t *rs, const char *file, struct diag *d);
void	severity_names_free(struct rulebook *rb);

/* Config: parse a policy's `severity` group into pd. */
void	severity_defs_load(struct policy_def *pd, const config_setting_t *s,
	    const char *file, struct diag *d);
void	severity_defs_free(struct policy_def *pd);

/* Policies: allocate p->sev (every tag rejects), copy the parent's when
 * there is one, then apply pd's entries; problems go to d. */
int	severity_policy_build(struct policy *p, const struct policy *parent,
	    const struct policy_def *pd, const struct rulebook *rb,
	    struct diag *d);
/* What hits of rule r may do under policy p. */
enum sev_outcome severity_outcome(const struct policy *p,
	    const struct rulebook *rb, const struct rule *r);
/* The same for the rule of that index (decorumctl tune). */
enum sev_outcome severity_rule_outcome(const struct policy *p,
	    const struct rulebook *rb, uint32_t rule);
/* What p does with each severity tag that does not simply reject, for
 * {"op":"policies"}: {"mild": {"profanity": "review", ...}, ...}. */
json_t	*severity_policy_json(const struct policy *p, const struct rulebook *rb);
/* "reject", "review" or "accept". */
const char *severity_outcome_name(enum sev_outcome o);

#endif
