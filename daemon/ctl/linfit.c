/* linfit: the one place that calls LIBLINEAR (linfit.h). */
#include "linfit.h"

#include <stddef.h>
#include <stdint.h>
#include <linear.h>

_Static_assert(sizeof(struct linfit_node) == sizeof(struct feature_node) &&
    offsetof(struct linfit_node, index) == offsetof(struct feature_node, index) &&
    offsetof(struct linfit_node, value) == offsetof(struct feature_node, value),
    "struct linfit_node must match LIBLINEAR's struct feature_node");

/* LIBLINEAR reports its iterations on stdout unless told otherwise. */
static void
quiet(const char *s)
{
	(void)s;
}

int
linfit_train(struct linfit_node *const *x, const double *y, size_t l, int n,
    double C, double *w)
{
	struct problem		 prob;
	struct parameter	 param = { 0 };
	struct model		*m;
	int			 label[2], sign;

	if (l == 0 || l > (size_t)INT32_MAX || n <= 0)
		return -1;
	set_print_string_function(quiet);
	/* The bias is an ordinary feature of the rows (its own index), so
	 * LIBLINEAR is told there is none of its own. */
	prob.l = (int)l;
	prob.n = n;
	prob.y = (double *)y;
	prob.x = (struct feature_node **)x;
	prob.bias = -1;
	param.solver_type = L2R_LR;
	param.eps = 0.01;
	param.C = C;
	if (check_parameter(&prob, &param) != NULL)
		return -1;
	if ((m = train(&prob, &param)) == NULL)
		return -1;
	if (get_nr_class(m) != 2 || get_nr_feature(m) != n) {
		free_and_destroy_model(&m);
		return -1;
	}
	/* the decision value is positive for the first label seen */
	get_labels(m, label);
	sign = label[0] > 0 ? 1 : -1;
	for (int i = 0; i < n; i++)
		w[i] = sign * get_decfun_coef(m, i + 1, 0);
	free_and_destroy_model(&m);
	return 0;
}
