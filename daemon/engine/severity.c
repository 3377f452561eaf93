#include "severity.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "policy.h"
#include "rulebook.h"
#include "rules.h"

static int
intern(struct rulebook *rb, const char *name)
{
	for (size_t i = 1; i < rb->nseverities; i++)
		if (strcmp(rb->severities[i], name) == 0)
			return (int)i;
	size_t n = rb->nseverities ? rb->nseverities : 1;
	char **nv = realloc(rb->severities, (n + 1) * sizeof(*nv));
	if (nv == NULL)
		return -1;
	rb->severities = nv;
	if (rb->nseverities == 0)
		nv[0] = NULL;	/* index 0: no severity */
	if ((nv[n] = strdup(name)) == NULL)
		return -1;
	rb->nseverities = n + 1;
	return (int)n;
}

void
severity_load_rule(struct rulebook *rb, struct rule *r,
    const config_setting_t *rs, const char *file, struct diag *d)
{
	const config_setting_t *s = config_setting_get_member(rs, "severity");
	const char *name;

	r->severity = 0;
	if (s == NULL)
		return;
	int line = (int)config_setting_source_line(s);
	if ((name = config_setting_get_string(s)) == NULL || !rulebook_name_ok(name, false)) {
		diag_error(d, file, line,
		    "rule '%s': severity must be a name of a-z 0-9 _ - (such as \"mild\")",
		    r->id);
		return;
	}
	int i = intern(rb, name);
	if (i <= 0) {
		diag_error(d, file, line, "rule '%s': out of memory", r->id);
		return;
	}
	r->severity = (uint32_t)i;
}

void
severity_names_free(struct rulebook *rb)
{
	for (size_t i = 1; i < rb->nseverities; i++)
		free(rb->severities[i]);
	free(rb->severities);
	rb->severities = NULL;
	rb->nseverities = 0;
}

static int
parse_outcome(const char *s, enum sev_outcome *o)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "reject") == 0)
		*o = SEV_REJECT;
	else if (strcmp(s, "review") == 0)
		*o = SEV_REVIEW;
	else if (strcmp(s, "accept") == 0)
		*o = SEV_ACCEPT;
	else
		return -1;
	return 0;
}

const char *
severity_outcome_name(enum sev_outcome o)
{
	return o == SEV_ACCEPT ? "accept" : o == SEV_REVIEW ? "review" :
	    "reject";
}

static void
def_add(struct policy_def *pd, const char *name, const char *category,
    const config_setting_t *v, const char *file, struct diag *d)
{
	int line = (int)config_setting_source_line(v);
	enum sev_outcome o;

	if (parse_outcome(config_setting_get_string(v), &o) == -1) {
		diag_error(d, file, line,
		    "policy '%s': severity.%s%s%s must be \"reject\", \"review\" or \"accept\"",
		    pd->name, name, category ? "." : "", category ? category : "");
		return;
	}
	struct severity_def *nv = realloc(pd->severity,
	    (pd->nseverity + 1) * sizeof(*nv));
	if (nv == NULL)
		return;
	pd->severity = nv;
	nv[pd->nseverity] = (struct severity_def){ .name = strdup(name),
	    .category = category ? strdup(category) : NULL, .outcome = o,
	    .line = line };
	pd->nseverity++;
}

void
severity_defs_load(struct policy_def *pd, const config_setting_t *s,
    const char *file, struct diag *d)
{
	if (!config_setting_is_group(s)) {
		diag_error(d, file, (int)config_setting_source_line(s),
		    "policy '%s': severity must be a group { mild = \"review\"; }",
		    pd->name);
		return;
	}
	for (int i = 0; i < config_setting_length(s); i++) {
		const config_setting_t *e = config_setting_get_elem(s,
		    (unsigned)i);
		const char *name = config_setting_name(e);

		if (!config_setting_is_group(e)) {
			def_add(pd, name, NULL, e, file, d);
			continue;
		}
		for (int k = 0; k < config_setting_length(e); k++) {
			const config_setting_t *c = config_setting_get_elem(e,
			    (unsigned)k);
			def_add(pd, name, config_setting_name(c), c, file, d);
		}
	}
}

void
severity_defs_free(struct policy_def *pd)
{
	for (size_t i = 0; i < pd->nseverity; i++) {
		free(pd->severity[i].name);
		free(pd->severity[i].category);
	}
	free(pd->severity);
	pd->severity = NULL;
	pd->nseverity = 0;
}

int
severity_policy_build(struct policy *p, const struct policy *parent,
    const struct policy_def *pd, const struct rulebook *rb, struct diag *d)
{
	size_t ns = rb->nseverities ? rb->nseverities : 1;
	size_t nc = rb->ncategories;

	free(p->sev);
	if ((p->sev = malloc(ns * nc + 1)) == NULL) {
		diag_error(d, pd != NULL ? pd->file : NULL,
		    pd != NULL ? pd->line : 0, "policy '%s': out of memory",
		    p->name);
		return -1;
	}
	if (parent != NULL && parent->sev != NULL)
		memcpy(p->sev, parent->sev, ns * nc);
	else
		memset(p->sev, SEV_REJECT, ns * nc);
	for (size_t i = 0; pd != NULL && i < pd->nseverity; i++) {
		const struct severity_def *sd = &pd->severity[i];
		size_t t;

		for (t = 1; t < rb->nseverities; t++)
			if (strcmp(rb->severities[t], sd->name) == 0)
				break;
		if (t >= rb->nseverities) {
			/* a warning, not an error: a site that replaces the
			 * only file using a tag must not break the shipped
			 * policies; -t still shows a misspelt tag */
			diag_warning(d, pd->file, sd->line,
			    "policy '%s': no rule has severity '%s'; the "
			    "mapping has no effect", pd->name, sd->name);
			continue;
		}
		if (sd->category == NULL) {
			memset(p->sev + t * nc, (int)sd->outcome, nc);
			continue;
		}
		int c = rules_find_category(rb, sd->category);
		if (c < 0) {
			diag_error(d, pd->file, sd->line,
			    "policy '%s': severity.%s names category '%s', which no rule set has",
			    pd->name, sd->name, sd->category);
			continue;
		}
		p->sev[t * nc + (size_t)c] = (uint8_t)sd->outcome;
	}
	return 0;
}

enum sev_outcome
severity_outcome(const struct policy *p, const struct rulebook *rb,
    const struct rule *r)
{
	if (r->severity == 0 || p->sev == NULL)
		return SEV_REJECT;
	return (enum sev_outcome)p->sev[r->severity * rb->ncategories +
	    r->category];
}

enum sev_outcome
severity_rule_outcome(const struct policy *p, const struct rulebook *rb,
    uint32_t rule)
{
	return severity_outcome(p, rb, &rb->rules[rule]);
}

json_t *
severity_policy_json(const struct policy *p, const struct rulebook *rb)
{
	json_t *o = json_object();

	for (size_t t = 1; o != NULL && p->sev != NULL && t < rb->nseverities;
	    t++) {
		json_t *cats = json_object();
		for (size_t c = 0; cats != NULL && c < rb->ncategories; c++) {
			enum sev_outcome out = (enum sev_outcome)
			    p->sev[t * rb->ncategories + c];
			if (out != SEV_REJECT)
				json_object_set_new(cats, rb->categories[c],
				    json_string(severity_outcome_name(out)));
		}
		json_object_set_new(o, rb->severities[t], cats);
	}
	return o;
}
