/* linfit: LIBLINEAR's L2-regularised logistic regression (solver L2R_LR)
 * behind an interface of our own. LIBLINEAR's header defines a struct
 * model of its own, which would clash with the engine's (model.h), so
 * only linfit.c includes it. */
#ifndef DECORUM_LINFIT_H
#define DECORUM_LINFIT_H

#include <stddef.h>

/* The layout of LIBLINEAR's struct feature_node (linfit.c checks):
 * 1-based index, value; a row ends with index -1. */
struct linfit_node {
	int	index;
	double	value;
};

/* Train on rows x[0..l) with labels y (+1 reject, -1 accept) and n
 * features (indices 1..n, the last a bias feature of value 1 in every
 * row), regularisation C, starting from init[0..n) when not NULL (the
 * solution at a nearby C: far fewer iterations). On success w[0..n)
 * holds the weight of each feature, the sign such that a positive w.x
 * means reject, and 0 is returned; -1 when LIBLINEAR refuses the problem
 * or memory runs out. Calls on other threads may run at the same time. */
int	linfit_train(struct linfit_node *const *x, const double *y, size_t l,
	    int n, double C, const double *init, double *w);

#endif
