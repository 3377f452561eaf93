#include "lint.h"

#include "diag.h"

int
lint_run(const struct engine_opts *o, FILE *out)
{
	struct diag	 d;
	struct engine	*e;
	int		 errors;

	diag_init(&d);
	e = engine_load(o, &d);
	diag_print(&d, out);
	fprintf(out, "%zu error%s, %zu warning%s\n", d.errors,
	    d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
	if (e != NULL)
		fprintf(out, "%s: %zu rule sets, %zu rules, %zu policies\n",
		    e->cfg.rules_dir, e->rb->nsets, e->rb->nrules, e->policies.n);
	errors = (int)d.errors;
	diag_free(&d);
	engine_unref(e);
	return errors;
}
