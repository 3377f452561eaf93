/* learn: training a site's model (model.h) from a labelled corpus in the
 * replay format, for `decorumctl learn`. The features are the engine's
 * (model_features), the fit LIBLINEAR's (linfit.h); the regularisation
 * and the thresholds are chosen by cross-validation on the corpus. */
#ifndef DECORUM_LEARN_H
#define DECORUM_LEARN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model.h"

struct learn_opts {
	const char	*category;	/* only this label is positive; NULL: any */
	double		 target_fpr;	/* reject: CV false-positive rate at most */
	double		 review_fpr;	/* review: the same; <= target_fpr: none */
	uint32_t	 bits, seed;	/* the feature hash */
	int		 folds;
	FILE		*progress;	/* progress lines, or NULL */
	/* When set, whether the rules reject a comment (1), not (0), or
	 * -1 on failure: the thresholds then bound the false positives the
	 * model adds to the rules', and the figures are the two together. */
	int		(*rules_reject)(void *ctx, const char *text, size_t len);
	void		*rules_ctx;
};

void	learn_opts_default(struct learn_opts *o);

struct learn_summary {
	size_t		 rows, positives;
	double		 C;
	/* at the reject threshold, from the cross-validated scores */
	double		 precision, recall, fpr;
	double		 review_recall, review_fpr;
	double		 rules_recall, rules_fpr;	/* the rules alone */
	double		 seconds;
};

/* Train on the JSON Lines files: a model, or NULL after printing why on
 * stderr (a file that cannot be read, a line that is not a labelled
 * comment, no row of one of the two classes). */
struct model *learn_files(char *const *files, int nfiles,
	    const struct learn_opts *o, struct learn_summary *s);

/* The lowest threshold at which at most max_fpr of the negatives (rows
 * with pos[i] false) score p[i] >= it, in (0, 1), not counting those
 * the rules already reject (ruled[i]; ruled may be NULL). */
double	learn_threshold(const double *p, const bool *pos, const bool *ruled,
	    size_t n, double max_fpr);

struct linfit_node;
/* The Naive Bayes log-count ratio of each of n features over the rows x
 * (LIBLINEAR's form, features 1..n-1, n the bias) with labels y (> 0 a
 * row to reject), the bias's 1: the scale learn puts on each feature
 * before the fit. NULL when out of memory. */
double	*learn_nb_ratios(struct linfit_node *const *x, const double *y,
	    size_t l, int n);

#endif
