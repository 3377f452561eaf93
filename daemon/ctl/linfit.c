/* linfit: the one place that calls LIBLINEAR (linfit.h). */
#include "linfit.h"

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
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

static pthread_once_t quiet_once = PTHREAD_ONCE_INIT;

static void
be_quiet(void)
{
	set_print_string_function(quiet);
}

int
linfit_train(struct linfit_node *const *x, const double *y, size_t l, int n,
    double C, const double *init, double *w)
{
	struct problem		 prob;
	struct parameter	 param = { 0 };
	struct model		*m;
	int			 label[2], sign;
	double			*start = NULL;

	if (l == 0 || l > (size_t)INT32_MAX || n <= 0)
		return -1;
	pthread_once(&quiet_once, be_quiet);
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
	if (init != NULL) {
		/* LIBLINEAR's w favours the first row's label: turn ours so */
		double s0 = y[0] > 0 ? 1 : -1;

		if ((start = malloc((size_t)n * sizeof(*start))) == NULL)
			return -1;
		for (int i = 0; i < n; i++)
			start[i] = s0 * init[i];
		param.init_sol = start;
	}
	if (check_parameter(&prob, &param) != NULL) {
		free(start);
		return -1;
	}
	m = train(&prob, &param);
	free(start);
	if (m == NULL)
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
