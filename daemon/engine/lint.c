/* lint: `decorumd -t`. Loads everything without going live, then runs
 * the go-live checks (golive.c) with their warnings, and its own: allow
 * and except entries that can never apply. */
#include "lint.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "golive.h"
#include "readfile.h"
#include "match.h"
#include "rulebook.h"

/* Run the rules of one set over a piece of text; true when rule `only`
 * (or, when only < 0, any rule of the set) hits, and *all_suppressed
 * says whether every such hit fell inside an exception. */
static bool
probe(struct match_scratch *ms, const struct rulebook *rb, bool *sets,
    uint32_t set, long only, const char *text, bool *all_suppressed)
{
	size_t len = strlen(text);
	bool hit = false;

	/* a stem is tried as the word it starts */
	if (len > 0 && text[len - 1] == '*')
		len--;
	memset(sets, 0, rb->nsets * sizeof(bool));
	sets[set] = true;
	*all_suppressed = true;
	if (match_run(ms, rb, sets, text, len) == -1)
		return false;
	for (size_t i = 0; i < ms->nhits; i++) {
		const struct hit *h = &ms->hits[i];
		if (only >= 0 ? h->rule != (uint32_t)only : rb->rules[h->rule].set != set)
			continue;
		hit = true;
		if (!h->suppressed)
			*all_suppressed = false;
	}
	return hit;
}

/*
 * Exceptions that cannot work: an allow/except entry inside which none of
 * its rules ever matches (a typo, or a rule that changed), and a words
 * rule all of whose words are excepted (it can never fire).
 */
static void
lint_exceptions(const struct engine *e, struct diag *d)
{
	const struct rulebook	*rb = e->rb;
	struct match_scratch	 ms;
	bool			*sets, sup;

	if ((sets = calloc(rb->nsets + 1, sizeof(bool))) == NULL)
		return;
	if (match_scratch_init(&ms, &e->limits) == -1) {
		free(sets);
		return;
	}
	for (size_t s = 0; s < rb->nsets; s++) {
		const struct ruleset *set = &rb->sets[s];
		for (size_t i = 0; i < set->allow.n; i++)
			if (!probe(&ms, rb, sets, (uint32_t)s, -1, set->allow.v[i], &sup)) {
				int qn;
				const char *qe = readfile_quote(set->allow.v[i],
				    READFILE_QUOTE, &qn);
				diag_warning(d, set->file, set->allow.line,
				    "allow entry \"%.*s%s\" never applies: no rule "
				    "of set '%s' matches inside it", qn,
				    set->allow.v[i], qe, set->name);
			}
	}
	for (size_t r = 0; r < rb->nrules; r++) {
		const struct rule *ru = &rb->rules[r];
		for (size_t i = 0; i < ru->except.n; i++)
			if (!probe(&ms, rb, sets, ru->set, (long)r, ru->except.v[i], &sup)) {
				int qn;
				const char *qe = readfile_quote(ru->except.v[i],
				    READFILE_QUOTE, &qn);
				diag_warning(d, ru->file, ru->except.line,
				    "rule '%s': except entry \"%.*s%s\" never "
				    "applies: the rule does not match inside it",
				    ru->id, qn, ru->except.v[i], qe);
			}
		if (ru->kind != RULE_WORDS || ru->words.n == 0 ||
		    (!ru->has_except && !rb->sets[ru->set].has_allow))
			continue;
		size_t disabled = 0;
		for (size_t i = 0; i < ru->words.n; i++)
			if (probe(&ms, rb, sets, ru->set, (long)r, ru->words.v[i], &sup) &&
			    sup)
				disabled++;
		if (disabled == ru->words.n)
			diag_warning(d, ru->file, ru->line,
			    "rule '%s' can never fire: every one of its words "
			    "lies inside an allow or except entry", ru->id);
	}
	match_scratch_free(&ms);
	free(sets);
}

int
lint_run(const struct engine_opts *o, FILE *out)
{
	struct diag	 d;
	struct engine	*e;
	int		 errors;

	diag_init(&d);
	e = engine_load_unchecked(o, &d);
	if (e != NULL) {
		lint_exceptions(e, &d);
		golive_check(e, &d, true);
	}
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
