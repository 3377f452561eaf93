/* tune_report: the printed report of `decorumctl tune` (tune_report.h). */
#include "tune_report.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "severity.h"

static void
print_ratio(double v)
{
	if (isnan(v))
		printf(" %10s", "-");
	else
		printf(" %10.4f", v);
}

static void
print_figure_row(const char *name, double (*fig)(const struct replay_counts *),
    const struct tune_result *res)
{
	printf("%-26s", name);
	print_ratio(fig(&res->before.counts));
	print_ratio(fig(&res->after.counts));
	if (res->cross_validated)
		print_ratio(fig(&res->cv_after.counts));
	putchar('\n');
}

static double
ratio(long num, long den)
{
	return den > 0 ? (double)num / (double)den : NAN;
}

static double
bad_rejected(const struct replay_counts *c)
{
	return ratio(c->bad_rejected, c->tp + c->fn);
}

void
tune_report_figures(const struct rulebook *rb, const struct tune_result *res)
{
	size_t	ncats = rules_category_count(rb);

	printf("\n%-26s %10s %10s", "", "before", "after");
	if (res->cross_validated)
		printf(" %10s", "after (cv)");
	putchar('\n');
	print_figure_row("false reject rate", replay_false_reject_rate, res);
	print_figure_row("review load", replay_review_load, res);
	print_figure_row("caught (reject or review)", replay_caught, res);
	print_figure_row("rejected unacceptable", bad_rejected, res);
	print_figure_row("precision (reject)", replay_precision, res);
	print_figure_row("recall (reject)", replay_recall, res);
	printf("%-26s %10ld %10ld\n", "acceptable rejected",
	    res->before.counts.ok_rejected, res->after.counts.ok_rejected);
	printf("%-26s %10ld %10ld\n", "acceptable reviewed",
	    res->before.counts.ok_reviewed, res->after.counts.ok_reviewed);

	printf("\nper category (found = the category held the comment for "
	    "review or rejected it)\n");
	printf("%-16s %8s %11s %11s %11s %11s\n", "category", "labelled",
	    "prec before", "rec before", "prec after", "rec after");
	for (size_t c = 0; c < ncats; c++) {
		const struct tune_figures *b = &res->before, *a = &res->after;

		if (b->cat_tp[c] + b->cat_fp[c] + b->cat_fn[c] +
		    a->cat_tp[c] + a->cat_fp[c] == 0)
			continue;
		printf("%-16s %8ld", rules_category_name(rb, (uint32_t)c),
		    b->cat_tp[c] + b->cat_fn[c]);
		print_ratio(ratio(b->cat_tp[c], b->cat_tp[c] + b->cat_fp[c]));
		print_ratio(ratio(b->cat_tp[c], b->cat_tp[c] + b->cat_fn[c]));
		print_ratio(ratio(a->cat_tp[c], a->cat_tp[c] + a->cat_fp[c]));
		print_ratio(ratio(a->cat_tp[c], a->cat_tp[c] + a->cat_fn[c]));
		putchar('\n');
	}
}

/* A number libconfig reads as a float; 0 for "never". */
static void
print_number(double v)
{
	char	buf[32];

	if (isinf(v)) {
		fputs("0", stdout);
		return;
	}
	snprintf(buf, sizeof(buf), "%g", v);
	fputs(buf, stdout);
	if (strpbrk(buf, ".e") == NULL)
		fputs(".0", stdout);
}

static void
print_thresholds(const char *what, const double *v, size_t ncats,
    const struct rulebook *rb)
{
	printf("    %s = {", what);
	for (size_t c = 0; c < ncats; c++) {
		printf(" %s = ", rules_category_name(rb, (uint32_t)c));
		print_number(v[c]);
		putchar(';');
	}
	printf(" };\n");
}

/* severity = {...} as the policy resolves it: only what does not
 * reject, one outcome for a tag when every category has it. */
static void
print_severity(const struct rulebook *rb, const struct policy *p)
{
	json_t		*sev = severity_policy_json(p, rb);
	size_t		 ncats = rules_category_count(rb);
	const char	*tag, *cat;
	json_t		*cats, *out;
	bool		 any = false;

	json_object_foreach(sev, tag, cats) {
		const char	*first = NULL;
		bool		 same = json_object_size(cats) == ncats;

		if (json_object_size(cats) == 0)
			continue;
		json_object_foreach(cats, cat, out) {
			if (first == NULL)
				first = json_string_value(out);
			else if (strcmp(first, json_string_value(out)) != 0)
				same = false;
		}
		printf(any ? " " : "    severity = { ");
		any = true;
		if (same) {
			printf("%s = \"%s\";", tag, first);
			continue;
		}
		printf("%s = {", tag);
		json_object_foreach(cats, cat, out)
			printf(" %s = \"%s\";", cat, json_string_value(out));
		printf(" };");
	}
	if (any)
		printf(" };\n");
	json_decref(sev);
}

void
tune_report_policy(const struct rulebook *rb, const struct policy *p,
    const struct tune_result *res)
{
	size_t	ncats = rules_category_count(rb);
	bool	first = true;

	printf("\n# proposed policy: put it in place of the definition of "
	    "\"%s\" in policies\n", p->name);
	printf("policies = {\n  %s = {\n    rulesets = [", p->name);
	for (size_t s = 0; s < rules_set_count(rb); s++) {
		if (!p->sets[s])
			continue;
		printf("%s\"%s\"", first ? "" : ", ",
		    rules_set_name(rb, (uint32_t)s));
		first = false;
	}
	printf("];\n");
	print_thresholds("reject_at", res->th.reject_at, ncats, rb);
	print_thresholds("review_at", res->th.review_at, ncats, rb);
	print_severity(rb, p);
	printf("  };\n};\n");
}

int
tune_report_weights(const struct rulebook *rb, const struct tune_result *res)
{
	size_t	 nrules = rules_count(rb), changed = 0;
	bool	*done = calloc(nrules ? nrules : 1, 1);

	printf("\n# proposed rule weights (rule-id: old -> new), by rule "
	    "file: set each rule's weight\n");
	/* grouped by file, files in the order of their first rule */
	for (size_t r = 0; done != NULL && r < nrules; r++) {
		const char *file = rules_file(rb, (uint32_t)r);
		bool header = false;

		if (done[r])
			continue;
		for (size_t q = r; q < nrules; q++) {
			double old = rules_weight(rb, (uint32_t)q);

			if (done[q] || strcmp(rules_file(rb, (uint32_t)q),
			    file) != 0)
				continue;
			done[q] = true;
			if (res->weights[q] == old)
				continue;
			if (!header)
				printf("# %s\n", file);
			header = true;
			printf("%s: %g -> %g\n", rules_id(rb, (uint32_t)q), old,
			    res->weights[q]);
			changed++;
		}
	}
	if (done == NULL)
		return -1;
	if (changed == 0)
		printf("# (no weight changes)\n");
	free(done);
	return 0;
}

