/* tune: refits rule weights and per-category thresholds on a labelled
 * corpus (`decorumctl tune`), SpamAssassin-style. Pure: no I/O.
 *
 * It is fed each comment's counting hits (rule, span) and scores them as
 * the engine does (offence.c, decide.c): per category, hits on
 * overlapping text are one offence, which adds the largest weight of its
 * rules, a rule in one offence only; a category whose firm score (hits
 * whose severity may reject) reaches reject_at rejects, one whose score
 * reaches review_at (or reject_at) holds for review. The fit then
 * searches weights on a small grid and thresholds, coordinate by
 * coordinate, for the most unacceptable comments caught without
 * rejecting more acceptable ones than the target allows nor holding more
 * for review than the cap. */
#ifndef DECORUM_TUNE_H
#define DECORUM_TUNE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "replay.h"

/* Categories are kept as bits of a uint64_t. */
#define TUNE_MAX_CATEGORIES	64

/* What a hit may do at most, and a comment's decision; the values are
 * those of the engine's enum decision and enum sev_outcome. */
enum tune_outcome {
	TUNE_ACCEPT = 0,
	TUNE_REVIEW = 1,
	TUNE_REJECT = 2,
};

struct tune_rule {
	double			weight;		/* as loaded */
	uint32_t		category;
	enum tune_outcome	most;		/* under the policy's severity */
};

/* A hit that counts: not suppressed, not shadow, not held for review by
 * a regex limit or a model, and its severity not "accept". */
struct tune_hit {
	uint32_t	rule;
	uint32_t	start, end;
};

/* Thresholds per category; INFINITY: never. */
struct tune_thresholds {
	double	reject_at[TUNE_MAX_CATEGORIES];
	double	review_at[TUNE_MAX_CATEGORIES];
};

struct tune_figures {
	/* tp/fp/fn/tn count review as accept; the three-way counts are
	 * in ok_rejected, ok_reviewed, bad_rejected, bad_reviewed */
	struct replay_counts	counts;
	/* per category: found = the category held the comment (review or
	 * reject); labelled = the comment's labels name it */
	long	cat_tp[TUNE_MAX_CATEGORIES];
	long	cat_fp[TUNE_MAX_CATEGORIES];
	long	cat_fn[TUNE_MAX_CATEGORIES];
};

struct tune_params {
	/* acceptable comments rejected at most (a share); NAN: as many as
	 * the starting point rejects */
	double	target_frej;
	/* acceptable comments held for review at most; NAN: as many as the
	 * starting point holds */
	double	max_review;
	/* rules counting in fewer training comments keep their weight */
	long	min_support;
	/* the categories whose rules and thresholds may change (bits);
	 * 0: all */
	uint64_t categories;
	int	sweeps;		/* coordinate-descent passes, at most */
	int	folds;		/* cross-validation folds; < 2: none */
};

struct tune;

/* rules[] is copied; at most TUNE_MAX_CATEGORIES categories. NULL when
 * out of memory or there are too many categories. */
struct tune	*tune_new(const struct tune_rule *rules, size_t nrules,
		    size_t ncategories, const struct tune_thresholds *start);
void		 tune_free(struct tune *t);
/* Adds one comment: bad (labelled unacceptable), the categories its
 * labels name, its counting hits in any order, and the categories that
 * a regex limit or a model hold for review whatever the scores. Returns
 * the comment's index, or -1 when out of memory or a hit names no rule. */
long		 tune_add(struct tune *t, bool bad, uint64_t labels,
		    const struct tune_hit *hits, size_t nhits,
		    uint64_t forced_review);
size_t		 tune_count(const struct tune *t);
/* Comments in which the rule counts (once per comment). */
long		 tune_support(const struct tune *t, uint32_t rule);

/* The decision on comment i under these weights (one per rule) and
 * thresholds, and the categories that held it (review or reject). */
enum tune_outcome tune_decide(const struct tune *t, size_t i,
		    const double *weights, const struct tune_thresholds *th,
		    uint64_t *held);
void		 tune_figures(const struct tune *t, const double *weights,
		    const struct tune_thresholds *th, struct tune_figures *f);

struct tune_result {
	double			*weights;	/* one per rule */
	struct tune_thresholds	 th;
	struct tune_figures	 before, after;
	/* folds >= 2: each fold decided by the fit on the other folds */
	bool			 cross_validated;
	struct tune_figures	 cv_after;
	long			 max_ok_rejected, max_ok_reviewed;
	bool			 feasible;	/* both caps hold after */
};

/* Fits from the loaded weights and the starting thresholds. -1 when
 * out of memory. Free the result with tune_result_free. */
int		 tune_fit(struct tune *t, const struct tune_params *p,
		    struct tune_result *out);
void		 tune_result_free(struct tune_result *r);

/* The grids the fit searches (besides each starting value). */
extern const double	 tune_weight_grid[];
extern const size_t	 tune_weight_grid_len;
extern const double	 tune_threshold_grid[];
extern const size_t	 tune_threshold_grid_len;

#endif
