/* tune_report: what `decorumctl tune` prints of a fit (tune.h) on
 * standard output: the figures before and after, the policy block to
 * paste, the changed weights by rule file. */
#ifndef DECORUM_TUNE_REPORT_H
#define DECORUM_TUNE_REPORT_H

#include "policy.h"
#include "rules.h"
#include "tune.h"

/* False-reject rate, review load, caught and rejected shares, precision
 * and recall of reject; then per category. */
void	tune_report_figures(const struct rulebook *rb,
	    const struct tune_result *res);
/* p's definition with the fitted thresholds, as libconfig: its rule
 * sets and severities as resolved (so without `extend`), 0 for never. */
void	tune_report_policy(const struct rulebook *rb, const struct policy *p,
	    const struct tune_result *res);
/* `rule-id: old -> new` under `# FILE` for each changed weight. -1 when
 * out of memory. */
int	tune_report_weights(const struct rulebook *rb,
	    const struct tune_result *res);

#endif
