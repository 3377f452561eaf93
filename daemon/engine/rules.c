/* rules: a rule directory into a rulebook. Reads each rule file's
 * settings (name, category, folds, rules, allow) with their file:line,
 * checks them, and hands entries and regexes to rules_compile.c; frees a
 * rulebook, and answers the accessors of rules.h. */
#include "rules.h"

#include <errno.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "fold.h"
#include "lexicon.h"
#include "model.h"
#include "recache.h"
#include "readfile.h"
#include "rules_load.h"
#include "severity.h"
#include "syntax.h"

/* A named word list of one rule file. */
static int
parse_view(const char *name, enum view_kind *out)
{
	if (strcmp(name, "raw") == 0)
		*out = VIEW_RAW;
	else if (strcmp(name, "normal") == 0)
		*out = VIEW_NORMAL;
	else if (strcmp(name, "folded") == 0)
		*out = VIEW_FOLDED;
	else
		return -1;
	return 0;
}

static int
parse_mode(struct loader *ld, const config_setting_t *parent, const char *file,
    bool *shadow)
{
	const char *mode;

	if (!config_setting_lookup_string(parent, "mode", &mode)) {
		if (config_setting_get_member(parent, "mode") != NULL) {
			diag_error(ld->d, file, setting_line(
			    config_setting_get_member(parent, "mode")),
			    "mode must be \"enforce\" or \"shadow\"");
			return -1;
		}
		return 0;
	}
	if (strcmp(mode, "shadow") == 0)
		*shadow = true;
	else if (strcmp(mode, "enforce") == 0)
		*shadow = false;
	else {
		diag_error(ld->d, file, setting_line(
		    config_setting_get_member(parent, "mode")),
		    "mode must be \"enforce\" or \"shadow\", not \"%s\"", mode);
		return -1;
	}
	return 0;
}

static long
category_index(struct rulebook *rb, const char *name)
{
	for (size_t i = 0; i < rb->ncategories; i++)
		if (strcmp(rb->categories[i], name) == 0)
			return (long)i;
	char **nc = realloc(rb->categories, (rb->ncategories + 1) * sizeof(*nc));
	if (nc == NULL)
		return -1;
	rb->categories = nc;
	if ((nc[rb->ncategories] = strdup(name)) == NULL)
		return -1;
	return (long)rb->ncategories++;
}

bool
rulebook_name_ok(const char *s, bool dots)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_' || *s == '-' || (dots && *s == '.')))
			return false;
	return true;
}

static struct rule *
rule_new(struct loader *ld)
{
	struct rulebook *rb = ld->rb;

	if (rb->nrules == ld->rules_cap) {
		size_t ncap = ld->rules_cap ? ld->rules_cap * 2 : 64;
		struct rule *nr = realloc(rb->rules, ncap * sizeof(*nr));
		if (nr == NULL)
			return NULL;
		rb->rules = nr;
		ld->rules_cap = ncap;
	}
	struct rule *r = &rb->rules[rb->nrules];
	memset(r, 0, sizeof(*r));
	return r;
}

static void
load_caps(struct loader *ld, struct rule *r, const config_setting_t *caps,
    const char *file)
{
	static const char *const known[] = { "min_letters", "min_ratio",
	    "min_word", NULL };
	int		 iv;
	double		 dv;

	r->caps.min_letters = CAPS_DEFAULT_MIN_LETTERS;
	r->caps.min_ratio = CAPS_DEFAULT_MIN_RATIO;
	r->caps.min_word = CAPS_DEFAULT_MIN_WORD;
	if (config_setting_type(caps) == CONFIG_TYPE_BOOL)
		return;
	if (!config_setting_is_group(caps)) {
		diag_error(ld->d, file, setting_line(caps),
		    "rule '%s': caps must be true or a group { min_letters; min_ratio; min_word; }",
		    r->id);
		return;
	}
	check_fields(ld, caps, file, "caps", known);
	if (config_setting_lookup_int(caps, "min_letters", &iv)) {
		if (iv < 1)
			diag_error(ld->d, file, setting_line(caps),
			    "rule '%s': min_letters must be at least 1", r->id);
		else
			r->caps.min_letters = (unsigned)iv;
	}
	if (config_setting_lookup_int(caps, "min_word", &iv) && iv >= 0)
		r->caps.min_word = (unsigned)iv;
	if (config_setting_lookup_float(caps, "min_ratio", &dv)) {
		if (dv <= 0 || dv > 1)
			diag_error(ld->d, file, setting_line(caps),
			    "rule '%s': min_ratio must be in (0, 1]", r->id);
		else
			r->caps.min_ratio = dv;
	}
}

/* context.c resolves a rule's "@name" through this */
static const char *const *
context_list(void *arg, const char *name, size_t *n)
{
	const struct wlist *wl = list_find(arg, name, strlen(name));

	if (wl == NULL)
		return NULL;
	*n = wl->n;
	return (const char *const *)wl->entries;
}

/* model = "file": a learned model, its path relative to the rule file
 * and, like a word list, inside the rules directories. */
static void
load_model(struct loader *ld, struct rule *r, const config_setting_t *ms,
    const char *file)
{
	const char	*name = config_setting_get_string(ms), *qe;
	char		*dir, *path, err[256];
	int		 line = setting_line(ms), qn;

	if (name == NULL || *name == '\0') {
		diag_error(ld->d, file, line, "rule '%s': model must be a "
		    "file name", r->id);
		return;
	}
	if ((dir = dir_of(file)) == NULL) {
		loader_oom(ld, file, line);
		return;
	}
	path = path_join(dir, name);
	free(dir);
	if (path == NULL) {
		loader_oom(ld, file, line);
		return;
	}
	qe = readfile_quote(path, 256, &qn);
	if (!loader_path_allowed(ld, path))
		diag_error(ld->d, file, line, "rule '%s': model %.*s%s lies "
		    "outside the rules directories; models are read from "
		    "them only", r->id, qn, path, qe);
	else if ((r->model = model_load(path, err, sizeof(err))) == NULL)
		diag_error(ld->d, file, line, "rule '%s': cannot load model "
		    "%.*s%s: %s", r->id, qn, path, qe, err);
	free(path);
}

static void
load_rule(struct loader *ld, struct ruleset *set, uint32_t set_index,
    config_setting_t *rs, const char *file)
{
	static const char *const known[] = { "id", "description", "words",
	    "regex", "caps", "model", "view", "weight", "mode", "except", "severity",
	    "unless_after", "only_after", "unless_before", "unless_quoted",
	    NULL };
	struct rulebook	*rb = ld->rb;
	int		 line = setting_line(rs);
	const char	*id, *s;
	struct rule	*r;
	config_setting_t *words, *regex, *caps, *model, *except;

	if (!config_setting_is_group(rs)) {
		diag_error(ld->d, file, line, "each rule must be a group { id = ...; }");
		return;
	}
	check_fields(ld, rs, file, "rule", known);
	if (!config_setting_lookup_string(rs, "id", &id)) {
		diag_error(ld->d, file, line, "rule without an id");
		return;
	}
	if (!rulebook_name_ok(id, true)) {
		int qn;
		const char *qe = readfile_quote(id, READFILE_QUOTE, &qn);
		diag_error(ld->d, file, line,
		    "rule id '%.*s%s' may only use a-z 0-9 . _ -", qn, id, qe);
		return;
	}
	for (size_t i = 0; i < rb->nrules; i++) {
		if (strcmp(rb->rules[i].id, id) == 0) {
			diag_error(ld->d, file, line,
			    "duplicate rule id '%s' (first at %s:%d)", id,
			    rb->rules[i].file, rb->rules[i].line);
			return;
		}
	}
	if ((r = rule_new(ld)) == NULL) {
		loader_oom(ld, file, line);
		return;
	}
	if ((r->id = strdup(id)) == NULL) {
		loader_oom(ld, file, line);
		return;
	}
	r->file = set->file;
	r->line = line;
	r->set = set_index;
	r->category = set->category;
	r->weight = 1.0;
	r->shadow = set->shadow;
	rb->nrules++;		/* from here the rulebook owns it */
	if (config_setting_lookup_string(rs, "description", &s) &&
	    (r->description = strdup(s)) == NULL)
		loader_oom(ld, file, line);

	words = config_setting_get_member(rs, "words");
	regex = config_setting_get_member(rs, "regex");
	caps = config_setting_get_member(rs, "caps");
	model = config_setting_get_member(rs, "model");
	if ((words != NULL) + (regex != NULL) + (caps != NULL) +
	    (model != NULL) != 1) {
		diag_error(ld->d, file, line, "rule '%s' needs exactly one of "
		    "words, regex, caps or model", id);
		return;
	}
	r->kind = words ? RULE_WORDS : regex ? RULE_REGEX : caps ? RULE_CAPS :
	    RULE_MODEL;
	r->view = r->kind == RULE_WORDS ? VIEW_FOLDED :
	    r->kind == RULE_REGEX ? VIEW_NORMAL : VIEW_RAW;
	if (config_setting_lookup_string(rs, "view", &s) &&
	    parse_view(s, &r->view) == -1)
		diag_error(ld->d, file, line,
		    "rule '%s': view must be raw, normal or folded, not \"%s\"",
		    id, s);
	if (r->kind == RULE_CAPS)
		r->view = VIEW_RAW;	/* case is what it looks at */
	if (r->kind == RULE_MODEL)
		r->view = VIEW_NORMAL;	/* it reads normal and folded itself */

	config_setting_t *w = config_setting_get_member(rs, "weight");
	if (w != NULL) {
		if (config_setting_type(w) == CONFIG_TYPE_FLOAT)
			r->weight = config_setting_get_float(w);
		else if (config_setting_type(w) == CONFIG_TYPE_INT)
			r->weight = config_setting_get_int(w);
		else
			diag_error(ld->d, file, setting_line(w),
			    "rule '%s': weight must be a number", id);
		if (r->weight < 0)
			diag_error(ld->d, file, setting_line(w),
			    "rule '%s': weight must not be negative", id);
	}
	parse_mode(ld, rs, file, &r->shadow);
	if (set->shadow)
		r->shadow = true;

	long g = group_find_or_add(rb, r->view, set->folds);
	if (g < 0) {
		loader_oom(ld, file, line);
		return;
	}
	r->group = (uint32_t)g;

	if (r->kind == RULE_WORDS) {
		struct strvec sv = { 0 };
		long owner = owner_add(rb, OWNER_RULE, (uint32_t)(r - rb->rules));
		if (owner < 0)
			loader_oom(ld, file, line);
		else if (expand_entries(ld, words, file, "words", &sv) == 0) {
			int n = add_entries(ld, &rb->groups[g], &sv,
			    (uint32_t)owner, file, line, r->id);
			if (n == 0)
				diag_error(ld->d, file, line,
				    "rule '%s' has no words", id);
		}
		entries_keep(&r->words, &sv, line);
	} else if (r->kind == RULE_REGEX) {
		if (config_setting_type(regex) != CONFIG_TYPE_STRING)
			diag_error(ld->d, file, line,
			    "rule '%s': regex must be a string", id);
		else
			load_regex(ld, r, config_setting_get_string(regex),
			    file, setting_line(regex));
	} else if (r->kind == RULE_CAPS) {
		load_caps(ld, r, caps, file);
	} else {
		load_model(ld, r, model, file);
	}

	if ((except = config_setting_get_member(rs, "except")) != NULL &&
	    r->kind == RULE_MODEL) {
		diag_error(ld->d, file, setting_line(except), "rule '%s': a "
		    "model has no except entries (teach it with more rows)", id);
	} else if (except != NULL) {
		struct strvec sv = { 0 };
		long owner = owner_add(rb, OWNER_EXCEPT, (uint32_t)(r - rb->rules));
		if (owner < 0)
			loader_oom(ld, file, setting_line(except));
		else if (expand_entries(ld, except, file, "except", &sv) == 0 &&
		    add_entries(ld, &rb->groups[g], &sv, (uint32_t)owner, file,
		    setting_line(except), r->id) > 0)
			r->has_except = true;
		entries_keep(&r->except, &sv, setting_line(except));
	}
	/* severity (severity.c) and context conditions (context.c) */
	severity_load_rule(rb, r, rs, file, ld->d);
	context_load_rule(r, rs, file, ld->d, context_list, ld);
}

static void
load_file(struct loader *ld, const char *path)
{
	static const char *const known[] = { "name", "category", "description",
	    "mode", "folds", "lists", "rules", "allow", NULL };
	struct rulebook	*rb = ld->rb;
	config_t	 cfg;
	config_setting_t *root, *s;
	const char	*str;
	char		*dir = NULL, *file = NULL, *text;
	struct ruleset	*set;

	if ((text = load_text(ld, path)) == NULL)
		return;
	config_init(&cfg);
	if (config_read_string(&cfg, text) != CONFIG_TRUE) {
		/* libconfig stops at the first; the other files go on */
		syntax_report(ld->d, path, text, config_error_line(&cfg),
		    config_error_text(&cfg));
		config_destroy(&cfg);
		free(text);
		return;
	}
	free(text);
	root = config_root_setting(&cfg);
	check_fields(ld, root, path, "rule file", known);

	if (rb->nsets == ld->sets_cap) {
		size_t ncap = ld->sets_cap ? ld->sets_cap * 2 : 16;
		struct ruleset *ns = realloc(rb->sets, ncap * sizeof(*ns));
		if (ns == NULL) {
			loader_oom(ld, path, 0);
			goto out;
		}
		rb->sets = ns;
		ld->sets_cap = ncap;
	}
	set = &rb->sets[rb->nsets];
	memset(set, 0, sizeof(*set));
	if ((file = strdup(path)) == NULL || (dir = dir_of(path)) == NULL) {
		loader_oom(ld, path, 0);
		goto out;
	}
	set->file = file;
	file = NULL;
	if (config_lookup_string(&cfg, "name", &str)) {
		set->name = strdup(str);
	} else {
		const char *base = strrchr(path, '/');
		base = base ? base + 1 : path;
		const char *dot = strrchr(base, '.');
		set->name = strndup(base, dot ? (size_t)(dot - base) : strlen(base));
	}
	if (set->name == NULL) {
		loader_oom(ld, path, 0);
		goto out_set;
	}
	for (size_t i = 0; i < rb->nsets; i++)
		if (strcmp(rb->sets[i].name, set->name) == 0)
			diag_error(ld->d, path, 0,
			    "rule set '%s' is already defined by %s", set->name,
			    rb->sets[i].file);
	if (!config_lookup_string(&cfg, "category", &str)) {
		diag_error(ld->d, path, 0, "rule file has no category");
		str = "uncategorized";
	} else if (!rulebook_name_ok(str, true)) {
		diag_error(ld->d, path, setting_line(config_lookup(&cfg,
		    "category")), "category '%s' may only use a-z 0-9 _ -", str);
	}
	long cat = category_index(rb, str);
	if (cat < 0) {
		loader_oom(ld, path, 0);
		goto out_set;
	}
	set->category = (uint32_t)cat;
	if (config_lookup_string(&cfg, "description", &str) &&
	    (set->description = strdup(str)) == NULL) {
		loader_oom(ld, path, 0);
		goto out_set;
	}
	parse_mode(ld, root, path, &set->shadow);
	set->folds = FOLD_ALL;
	if ((s = config_lookup(&cfg, "folds")) != NULL) {
		set->folds = 0;
		if (!config_setting_is_array(s)) {
			diag_error(ld->d, path, setting_line(s),
			    "folds must be an array of names");
		} else {
			for (int i = 0; i < config_setting_length(s); i++) {
				const char *fn = config_setting_get_string_elem(s,
				    (unsigned)i);
				unsigned f = fn ? fold_parse(fn) : 0;
				if (f == 0)
					diag_error(ld->d, path, setting_line(s),
					    "unknown fold \"%s\" (known: confusables, leet, squeeze, join)",
					    fn ? fn : "?");
				set->folds |= f;
			}
		}
	}
	uint32_t set_index = (uint32_t)rb->nsets++;

	if ((s = config_lookup(&cfg, "lists")) != NULL)
		load_lists(ld, s, set->file, dir);

	set->first_rule = (uint32_t)rb->nrules;
	if ((s = config_lookup(&cfg, "rules")) == NULL) {
		diag_warning(ld->d, path, 0, "rule file has no rules");
	} else if (!config_setting_is_list(s)) {
		diag_error(ld->d, path, setting_line(s),
		    "rules must be a list: rules = ( { ... }, { ... } );");
	} else {
		for (int i = 0; i < config_setting_length(s); i++)
			load_rule(ld, &rb->sets[set_index], set_index,
			    config_setting_get_elem(s, (unsigned)i), set->file);
	}
	set = &rb->sets[set_index];
	set->nrules = (uint32_t)rb->nrules - set->first_rule;

	if ((s = config_lookup(&cfg, "allow")) != NULL) {
		struct strvec sv = { 0 };
		long owner = owner_add(rb, OWNER_ALLOW, set_index);
		if (owner < 0)
			loader_oom(ld, set->file, setting_line(s));
		else if (expand_entries(ld, s, set->file, "allow", &sv) == 0) {
			/* allow entries apply in every view this set's rules read */
			for (size_t gi = 0; gi < rb->ngroups; gi++) {
				bool used = false;
				for (uint32_t k = 0; k < set->nrules; k++)
					if (rb->rules[set->first_rule + k].group == gi)
						used = true;
				if (used && add_entries(ld, &rb->groups[gi], &sv,
				    (uint32_t)owner, set->file, setting_line(s),
				    "allow") > 0)
					set->has_allow = true;
			}
		}
		entries_keep(&set->allow, &sv, setting_line(s));
	}
	goto out;
out_set:
	/* the set was never counted: what it holds is ours to free */
	free(set->file);
	free(set->name);
	free(set->description);
out:
	free(file);
	free(dir);
	lists_free(ld);
	config_destroy(&cfg);
}

void
rules_free(struct rulebook *rb)
{
	if (rb == NULL)
		return;
	for (size_t i = 0; i < rb->nrules; i++) {
		free(rb->rules[i].id);
		free(rb->rules[i].description);
		free(rb->rules[i].pattern);
		recache_put(rb->rules[i].re);
		entries_free(&rb->rules[i].words);
		entries_free(&rb->rules[i].except);
		prefilter_atoms_free(&rb->rules[i].atoms);
		context_free(rb->rules[i].ctx);
		model_free(rb->rules[i].model);
	}
	for (size_t i = 0; i < rb->nsets; i++) {
		free(rb->sets[i].name);
		free(rb->sets[i].file);
		free(rb->sets[i].description);
		entries_free(&rb->sets[i].allow);
	}
	for (size_t i = 0; i < rb->ngroups; i++) {
		lexicon_free(rb->groups[i].lex);
		prefilter_free(rb->groups[i].pf);
	}
	for (size_t i = 0; i < rb->ncategories; i++)
		free(rb->categories[i]);
	free(rb->rules);
	free(rb->sets);
	free(rb->groups);
	free(rb->categories);
	free(rb->owners);
	severity_names_free(rb);
	free(rb);
}

/* Load files; they and their word lists are read from the directories
 * in roots only (NULL: each file's own directory). */
static struct rulebook *
load_files(const char *const *files, size_t n, const char *const *roots,
    size_t nroots, struct diag *d)
{
	struct loader	 ld;
	size_t		 errors = d->errors;
	int		 rc = 0;

	memset(&ld, 0, sizeof(ld));
	ld.d = d;
	for (size_t i = 0; i < (roots != NULL ? nroots : n) && rc == 0; i++) {
		if (roots != NULL) {
			rc = loader_add_root(&ld, roots[i]);
			continue;
		}
		char *dir = dir_of(files[i]);
		rc = dir != NULL ? loader_add_root(&ld, dir) : -1;
		free(dir);
	}
	if (rc == -1 || (ld.rb = calloc(1, sizeof(*ld.rb))) == NULL) {
		diag_error(d, NULL, 0, "out of memory loading rules");
		strvec_free(&ld.roots);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		load_file(&ld, files[i]);
	if (d->errors == errors && prefilters_build(ld.rb) == -1)
		diag_error(d, NULL, 0, "out of memory building regex prefilters");
	strvec_free(&ld.roots);
	if (d->errors > errors) {
		rules_free(ld.rb);
		return NULL;
	}
	return ld.rb;
}

struct rulebook *
rules_load_files(const char *const *files, size_t n, struct diag *d)
{
	return load_files(files, n, NULL, 0, d);
}

struct rulebook *
rules_load_dir(const char *dir, struct diag *d)
{
	return rules_load_dir_overlay(dir, NULL, d);
}

struct rulebook *
rules_load_dir_overlay(const char *dir, const char *overlay, struct diag *d)
{
	struct strvec	 shipped = { 0 }, local = { 0 }, paths = { 0 };
	struct rulebook	*rb = NULL;
	char		*localdir = overlay != NULL && overlay[0] != '\0' ?
			    strdup(overlay) : path_join(dir, "local");

	/*
	 * A site's own files live in local/ so that upgrades never touch
	 * them; a local file replaces the shipped one of the same name.
	 */
	if (localdir == NULL) {
		diag_error(d, dir, 0, "out of memory");
		goto out;
	}
	if (list_conf_files(dir, &shipped, true, d) == -1 ||
	    list_conf_files(localdir, &local, false, d) == -1)
		goto out;
	for (size_t i = 0; i < shipped.n; i++) {
		bool overridden = false;
		for (size_t k = 0; k < local.n; k++)
			if (strcmp(shipped.v[i], local.v[k]) == 0)
				overridden = true;
		if (overridden)
			continue;
		char *p = path_join(dir, shipped.v[i]);
		if (p == NULL || strvec_push(&paths, p) == -1) {
			free(p);
			diag_error(d, dir, 0, "out of memory");
			goto out;
		}
		free(p);
	}
	for (size_t k = 0; k < local.n; k++) {
		char *p = path_join(localdir, local.v[k]);
		if (p == NULL || strvec_push(&paths, p) == -1) {
			free(p);
			diag_error(d, localdir, 0, "out of memory");
			goto out;
		}
		free(p);
	}
	if (paths.n == 0) {
		diag_error(d, dir, 0, "no rule files (*.conf) in the rules directory");
		goto out;
	}
	const char *roots[] = { dir, localdir };
	rb = load_files((const char *const *)paths.v, paths.n, roots, 2, d);
out:
	free(localdir);
	strvec_free(&shipped);
	strvec_free(&local);
	strvec_free(&paths);
	return rb;
}

int
rules_find_set(const struct rulebook *rb, const char *name)
{
	for (size_t i = 0; i < rb->nsets; i++)
		if (strcmp(rb->sets[i].name, name) == 0)
			return (int)i;
	return -1;
}

int
rules_find_category(const struct rulebook *rb, const char *name)
{
	for (size_t i = 0; i < rb->ncategories; i++)
		if (strcmp(rb->categories[i], name) == 0)
			return (int)i;
	return -1;
}

/* Read-only views of a rulebook for the server and decorumctl, which
 * never see its layout. */
size_t
rules_count(const struct rulebook *rb)
{
	return rb->nrules;
}

const char *
rules_id(const struct rulebook *rb, uint32_t rule)
{
	return rb->rules[rule].id;
}

uint32_t
rules_category_of(const struct rulebook *rb, uint32_t rule)
{
	return rb->rules[rule].category;
}

bool
rules_is_shadow(const struct rulebook *rb, uint32_t rule)
{
	return rb->rules[rule].shadow;
}

double
rules_weight(const struct rulebook *rb, uint32_t rule)
{
	return rb->rules[rule].weight;
}

const char *
rules_file(const struct rulebook *rb, uint32_t rule)
{
	return rb->rules[rule].file;
}

size_t
rules_category_count(const struct rulebook *rb)
{
	return rb->ncategories;
}

const char *
rules_category_name(const struct rulebook *rb, uint32_t category)
{
	return rb->categories[category];
}

size_t
rules_set_count(const struct rulebook *rb)
{
	return rb->nsets;
}

const char *
rules_set_name(const struct rulebook *rb, uint32_t set)
{
	return rb->sets[set].name;
}

bool
rules_is_regex(const struct rulebook *rb, uint32_t rule)
{
	return rb->rules[rule].kind == RULE_REGEX;
}

const struct model *
rules_model(const struct rulebook *rb, uint32_t rule)
{
	return rb->rules[rule].kind == RULE_MODEL ? rb->rules[rule].model :
	    NULL;
}

bool
rules_is_prefiltered(const struct rulebook *rb, uint32_t rule)
{
	return rb->rules[rule].prefiltered;
}
