/* Unit tests of rules: rule files written to a temporary directory,
 * loaded and compiled; every kind of rule, and every error with the
 * file:line an admin needs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexicon.h"
#include "rulebook.h"
#include "rules.h"

/* A temporary directory that remembers what was put in it. */
struct tmp {
	char	 dir[64];
	char	*paths[32];
	size_t	 n;
	struct diag d;
};

static int
setup(void **state)
{
	struct tmp *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return -1;
	snprintf(t->dir, sizeof(t->dir), "/tmp/decorum-rules-XXXXXX");
	if (mkdtemp(t->dir) == NULL)
		return -1;
	diag_init(&t->d);
	*state = t;
	return 0;
}

static int
teardown(void **state)
{
	struct tmp *t = *state;

	/* newest first: files before the directories holding them */
	while (t->n > 0) {
		char *p = t->paths[--t->n];
		if (remove(p) != 0)
			fprintf(stderr, "cannot remove %s\n", p);
		free(p);
	}
	rmdir(t->dir);
	diag_free(&t->d);
	free(t);
	return 0;
}

static char *
tpath(struct tmp *t, const char *name)
{
	char *p;

	assert_true(asprintf(&p, "%s/%s", t->dir, name) > 0);
	return p;
}

static void
mkdir_in(struct tmp *t, const char *name)
{
	char *p = tpath(t, name);

	assert_int_equal(mkdir(p, 0700), 0);
	assert_true(t->n < 32);
	t->paths[t->n++] = p;
}

/* Write a file into the directory; returns its path (owned by t). */
static const char *
put(struct tmp *t, const char *name, const char *content)
{
	char	*p = tpath(t, name);
	FILE	*f = fopen(p, "w");

	assert_non_null(f);
	assert_int_equal(fputs(content, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	assert_true(t->n < 32);
	t->paths[t->n++] = p;
	return p;
}

static void
dump_diag(const struct diag *d)
{
	for (size_t i = 0; i < d->count; i++)
		fprintf(stderr, "  diag: %s\n", d->items[i].text);
}

/* d must hold an error reading exactly "<file>:<line>: <msg>" (line 0:
 * "<file>: <msg>"). */
static void
expect_diag(const struct diag *d, const char *file, int line, const char *msg)
{
	char	 want[1024];

	if (line > 0)
		snprintf(want, sizeof(want), "%s:%d: %s", file, line, msg);
	else
		snprintf(want, sizeof(want), "%s: %s", file, msg);
	for (size_t i = 0; i < d->count; i++)
		if (strcmp(d->items[i].text, want) == 0)
			return;
	dump_diag(d);
	fail_msg("no diagnostic \"%s\"", want);
}

/* d must hold a diagnostic starting with "<file>:<line>: " that contains
 * `part` (for messages that quote a library, e.g. PCRE2). */
static void
expect_diag_part(const struct diag *d, const char *file, int line,
    const char *part)
{
	char	 prefix[512];

	snprintf(prefix, sizeof(prefix), "%s:%d: ", file, line);
	for (size_t i = 0; i < d->count; i++)
		if (strncmp(d->items[i].text, prefix, strlen(prefix)) == 0 &&
		    strstr(d->items[i].text, part) != NULL)
			return;
	dump_diag(d);
	fail_msg("no diagnostic \"%s...%s...\"", prefix, part);
}

/* Load one file that must fail; the diagnostics stay in t->d. */
static void
load_bad(struct tmp *t, const char *path)
{
	struct rulebook *rb = rules_load_files(&path, 1, &t->d);

	if (rb != NULL) {
		rules_free(rb);
		dump_diag(&t->d);
		fail_msg("%s loaded, but it has an error", path);
	}
	assert_true(t->d.errors > 0);
}

static struct rulebook *
load_good(struct tmp *t, const char *path)
{
	struct rulebook *rb = rules_load_files(&path, 1, &t->d);

	if (rb == NULL) {
		dump_diag(&t->d);
		fail_msg("%s did not load", path);
	}
	assert_int_equal(t->d.errors, 0);
	return rb;
}

static int
rule_index(const struct rulebook *rb, const char *id)
{
	for (size_t i = 0; i < rb->nrules; i++)
		if (strcmp(rb->rules[i].id, id) == 0)
			return (int)i;
	fail_msg("no rule %s", id);
	return -1;
}

struct owner_hits {
	const struct rulebook *rb;
	uint32_t	 rule_hits[16];
	uint32_t	 allow_hits, except_hits;
};

static void
count_owner(void *ctx, uint32_t owner, size_t s, size_t e)
{
	struct owner_hits *oh = ctx;
	const struct rule_owner *o = &oh->rb->owners[owner];

	(void)s;
	(void)e;
	if (o->kind == OWNER_RULE && o->index < 16)
		oh->rule_hits[o->index]++;
	else if (o->kind == OWNER_ALLOW)
		oh->allow_hits++;
	else if (o->kind == OWNER_EXCEPT)
		oh->except_hits++;
}

/* Scan text (already normal) with the lexicon of rule ri's group. */
static struct owner_hits
scan_group(const struct rulebook *rb, int ri, const char *text)
{
	struct owner_hits oh;

	memset(&oh, 0, sizeof(oh));
	oh.rb = rb;
	lexicon_scan(rb->groups[rb->rules[ri].group].lex, text, strlen(text),
	    NULL, count_owner, &oh);
	return oh;
}

static bool
regex_matches(const struct rule *r, const char *text)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	int rc = pcre2_match(r->re, (PCRE2_SPTR)text, strlen(text), 0, 0, md,
	    NULL);

	pcre2_match_data_free(md);
	return rc >= 0;
}

static void
test_every_kind_loads(void **state)
{
	struct tmp *t = *state;

	put(t, "swears.words",
	    "# common swears\n"
	    "darn\n"
	    "\n"
	    "  heck   # with a comment\n"
	    "frick*\n"
	    "son of a gun\n");
	const char *f = put(t, "mild.conf",
	    "name = \"mildset\";\n"
	    "category = \"profanity\";\n"
	    "description = \"Mild swearing.\";\n"
	    "lists = {\n"
	    "  swears = \"swears.words\";\n"
	    "  insults = [\"idiot\", \"moron*\", \"dim wit\"];\n"
	    "};\n"
	    "rules = (\n"
	    "  { id = \"mild.swear\"; words = \"@swears\"; },\n"
	    "  { id = \"mild.inline\"; words = [\"gosh\", \"@insults\", \"Dang*\"];\n"
	    "    weight = 0.5; description = \"Inline words.\"; },\n"
	    "  { id = \"mild.you\"; regex = \"\\\\byou(?: are|'re) (?:an? )?@insults\\\\b\";\n"
	    "    except = [\"you are a dim wit for love\"]; weight = 2; },\n"
	    "  { id = \"mild.raw\"; regex = \"f[*#@]{2,}k\"; view = \"raw\"; mode = \"shadow\"; },\n"
	    "  { id = \"caps.shout\"; caps = { min_letters = 16; min_ratio = 0.8; min_word = 3; }; },\n"
	    "  { id = \"caps.default\"; caps = true; }\n"
	    ");\n"
	    "allow = [\"heckle*\", \"gosh darn it\"];\n");
	struct rulebook *rb = load_good(t, f);

	assert_int_equal(rb->nsets, 1);
	assert_string_equal(rb->sets[0].name, "mildset");
	assert_string_equal(rb->sets[0].description, "Mild swearing.");
	assert_string_equal(rb->sets[0].file, f);
	assert_int_equal(rb->sets[0].nrules, 6);
	assert_true(rb->sets[0].has_allow);
	assert_int_equal(rb->sets[0].folds, FOLD_ALL);
	assert_int_equal(rb->ncategories, 1);
	assert_string_equal(rb->categories[rb->sets[0].category], "profanity");
	assert_int_equal(rules_find_set(rb, "mildset"), 0);
	assert_int_equal(rules_find_set(rb, "mild"), -1);
	assert_int_equal(rules_find_category(rb, "profanity"), 0);

	int sw = rule_index(rb, "mild.swear"), in = rule_index(rb, "mild.inline");
	int you = rule_index(rb, "mild.you"), raw = rule_index(rb, "mild.raw");
	int caps = rule_index(rb, "caps.shout");
	int capd = rule_index(rb, "caps.default");

	/* words: from the list file and inline, on the folded view */
	assert_int_equal(rb->rules[sw].kind, RULE_WORDS);
	assert_int_equal(rb->rules[sw].view, VIEW_FOLDED);
	assert_int_equal(rb->rules[sw].line, 9);
	assert_string_equal(rb->rules[sw].file, f);
	assert_true(rb->rules[sw].weight == 1.0);
	assert_false(rb->rules[sw].shadow);
	assert_int_equal(rb->rules[in].kind, RULE_WORDS);
	assert_true(rb->rules[in].weight == 0.5);
	assert_string_equal(rb->rules[in].description, "Inline words.");
	assert_int_equal(rb->rules[in].group, rb->rules[sw].group);

	struct owner_hits oh = scan_group(rb, sw,
	    "darn heck fricking son of a gun gosh idiot morons dim wit dangit");
	assert_int_equal(oh.rule_hits[sw], 4);
	assert_int_equal(oh.rule_hits[in], 5);
	oh = scan_group(rb, sw, "the comment was heckled");
	assert_int_equal(oh.allow_hits, 1);
	assert_int_equal(oh.rule_hits[sw], 0);
	/* a commented-out or blank line is no entry */
	oh = scan_group(rb, sw, "common swears with a comment");
	assert_int_equal(oh.rule_hits[sw], 0);

	/* regex: @list spliced, on the normal view, caseless */
	assert_int_equal(rb->rules[you].kind, RULE_REGEX);
	assert_int_equal(rb->rules[you].view, VIEW_NORMAL);
	assert_true(rb->rules[you].weight == 2.0);
	assert_true(rb->rules[you].has_except);
	assert_non_null(rb->rules[you].re);
	assert_null(strstr(rb->rules[you].pattern, "@insults"));
	assert_true(regex_matches(&rb->rules[you], "you are an idiot"));
	/* normal-view regexes see lower-case text and match it as written */
	assert_true(regex_matches(&rb->rules[you], "you're a moronic one"));
	assert_false(regex_matches(&rb->rules[you], "YOU'RE A MORONIC one"));
	assert_true(regex_matches(&rb->rules[you], "you are a dim   wit"));
	assert_false(regex_matches(&rb->rules[you], "you are an idiotic"));
	assert_false(regex_matches(&rb->rules[you], "you are a genius"));
	/* the raw regex keeps its view and its shadow mode */
	assert_int_equal(rb->rules[raw].view, VIEW_RAW);
	assert_true(rb->rules[raw].shadow);
	assert_true(regex_matches(&rb->rules[raw], "f**k"));
	assert_false(regex_matches(&rb->rules[raw], "f*k"));

	/* caps: parameters given, or the defaults */
	assert_int_equal(rb->rules[caps].kind, RULE_CAPS);
	assert_int_equal(rb->rules[caps].view, VIEW_RAW);
	assert_int_equal(rb->rules[caps].caps.min_letters, 16);
	assert_true(rb->rules[caps].caps.min_ratio == 0.8);
	assert_int_equal(rb->rules[caps].caps.min_word, 3);
	assert_int_equal(rb->rules[capd].caps.min_letters,
	    CAPS_DEFAULT_MIN_LETTERS);
	assert_true(rb->rules[capd].caps.min_ratio == CAPS_DEFAULT_MIN_RATIO);
	rules_free(rb);
}

static void
test_defaults_and_sets(void **state)
{
	struct tmp *t = *state;

	/* no name: the file name without .conf; a shadow set */
	const char *a = put(t, "beta.conf",
	    "category = \"violence\";\n"
	    "mode = \"shadow\";\n"
	    "folds = [\"leet\", \"squeeze\"];\n"
	    "rules = ( { id = \"v.kill\"; words = [\"slay\"]; mode = \"enforce\"; } );\n");
	const char *b = put(t, "alpha.conf",
	    "category = \"violence\";\n"
	    "rules = ( { id = \"v.hurt\"; words = \"maim\"; view = \"normal\"; } );\n");
	const char *files[] = { a, b };
	struct rulebook *rb = rules_load_files(files, 2, &t->d);

	assert_non_null(rb);
	assert_int_equal(rb->nsets, 2);
	assert_string_equal(rb->sets[0].name, "beta");
	assert_string_equal(rb->sets[1].name, "alpha");
	assert_true(rb->sets[0].shadow);
	assert_int_equal(rb->sets[0].folds, FOLD_LEET | FOLD_SQUEEZE);
	/* a rule in a shadow set stays shadow whatever it says */
	assert_true(rb->rules[rule_index(rb, "v.kill")].shadow);
	assert_false(rb->rules[rule_index(rb, "v.hurt")].shadow);
	/* one category shared by both sets */
	assert_int_equal(rb->ncategories, 1);
	/* different views, different groups */
	assert_int_not_equal(rb->rules[0].group, rb->rules[1].group);
	assert_int_equal(rb->rules[rule_index(rb, "v.hurt")].view, VIEW_NORMAL);
	rules_free(rb);
}

static void
test_error_broken_regex(void **state)
{
	struct tmp *t = *state;
	const char *f = put(t, "re.conf",
	    "category = \"x\";\n"
	    "rules = (\n"
	    "  { id = \"x.ok\"; regex = \"fine\"; },\n"
	    "  { id = \"x.bad\";\n"
	    "    regex = \"ab(cd\"; }\n"
	    ");\n");

	load_bad(t, f);
	expect_diag_part(&t->d, f, 5, "rule 'x.bad': regex error at offset 5: ");
	expect_diag_part(&t->d, f, 5, "parenthesis");
	assert_int_equal(t->d.errors, 1);
}

static void
test_error_broken_regex_after_splice(void **state)
{
	struct tmp *t = *state;
	const char *f = put(t, "re.conf",
	    "category = \"x\";\n"
	    "lists = { l = [\"a\", \"b\"]; };\n"
	    "rules = ( { id = \"x.bad\"; regex = \"@l[\"; } );\n");

	load_bad(t, f);
	expect_diag_part(&t->d, f, 3,
	    "rule 'x.bad': regex error at offset ");
	expect_diag_part(&t->d, f, 3, "(after splicing lists)");
}

static void
test_error_missing_list(void **state)
{
	struct tmp *t = *state;
	const char *f = put(t, "ml.conf",
	    "category = \"x\";\n"
	    "lists = { have = [\"a\"]; file = \"nowhere.words\"; };\n"
	    "rules = (\n"
	    "  { id = \"x.words\"; words = [\"b\", \"@nope\"]; },\n"
	    "  { id = \"x.re\"; regex = \"\\\\b@gone\\\\b\"; }\n"
	    ");\n");
	char msg[512];

	load_bad(t, f);
	expect_diag(&t->d, f, 4, "words: no list named 'nope' in this file");
	expect_diag(&t->d, f, 5,
	    "rule 'x.re': regex refers to list '@gone', which this file does not define");
	snprintf(msg, sizeof(msg),
	    "cannot open word list %s/nowhere.words: No such file or directory",
	    t->dir);
	expect_diag(&t->d, f, 2, msg);
}

static void
test_error_unknown_field(void **state)
{
	struct tmp *t = *state;
	const char *f = put(t, "uf.conf",
	    "category = \"x\";\n"
	    "colour = \"red\";\n"
	    "rules = (\n"
	    "  { id = \"x.a\"; words = \"a\";\n"
	    "    wieght = 2.0; },\n"
	    "  { id = \"x.c\"; caps = { min_leters = 3; }; }\n"
	    ");\n");

	load_bad(t, f);
	expect_diag(&t->d, f, 2, "unknown field 'colour' in rule file");
	expect_diag(&t->d, f, 5, "unknown field 'wieght' in rule");
	expect_diag(&t->d, f, 6, "unknown field 'min_leters' in caps");
	assert_int_equal(t->d.errors, 3);
}

static void
test_error_duplicate_id(void **state)
{
	struct tmp *t = *state;
	const char *a = put(t, "a.conf",
	    "category = \"x\";\n"
	    "rules = (\n"
	    "  { id = \"x.same\"; words = \"a\"; }\n"
	    ");\n");
	const char *b = put(t, "b.conf",
	    "category = \"y\";\n"
	    "rules = (\n"
	    "  { id = \"y.one\"; words = \"b\"; },\n"
	    "  { id = \"x.same\"; words = \"c\"; }\n"
	    ");\n");
	const char *files[] = { a, b };
	char msg[512];

	assert_null(rules_load_files(files, 2, &t->d));
	snprintf(msg, sizeof(msg), "duplicate rule id 'x.same' (first at %s:3)", a);
	expect_diag(&t->d, b, 4, msg);
	assert_int_equal(t->d.errors, 1);
}

static void
test_error_two_kinds(void **state)
{
	struct tmp *t = *state;
	const char *f = put(t, "tk.conf",
	    "category = \"x\";\n"
	    "rules = (\n"
	    "  { id = \"x.ok\"; words = \"a\"; },\n"
	    "  { id = \"x.two\"; words = \"a\"; regex = \"a\"; },\n"
	    "  { id = \"x.none\"; description = \"nothing\"; }\n"
	    ");\n");

	load_bad(t, f);
	expect_diag(&t->d, f, 4,
	    "rule 'x.two' needs exactly one of words, regex, caps or model");
	expect_diag(&t->d, f, 5,
	    "rule 'x.none' needs exactly one of words, regex, caps or model");
}

static void
test_error_bad_view_and_weight(void **state)
{
	struct tmp *t = *state;
	const char *f = put(t, "vw.conf",
	    "category = \"x\";\n"
	    "rules = (\n"
	    "  { id = \"x.view\"; words = \"a\"; view = \"fancy\"; },\n"
	    "  { id = \"x.weight\"; words = \"b\";\n"
	    "    weight = \"heavy\"; },\n"
	    "  { id = \"x.neg\"; words = \"c\"; weight = -1.0; }\n"
	    ");\n");

	load_bad(t, f);
	expect_diag(&t->d, f, 3,
	    "rule 'x.view': view must be raw, normal or folded, not \"fancy\"");
	expect_diag(&t->d, f, 5, "rule 'x.weight': weight must be a number");
	expect_diag(&t->d, f, 6, "rule 'x.neg': weight must not be negative");
}

static void
test_error_regex_empty_match(void **state)
{
	struct tmp *t = *state;
	const char *f = put(t, "em.conf",
	    "category = \"x\";\n"
	    "rules = (\n"
	    "  { id = \"x.star\"; regex = \"a*\"; },\n"
	    "  { id = \"x.opt\"; regex = \"(?:idiot)?\"; },\n"
	    "  { id = \"x.fine\"; regex = \"\\\\bidiots?\\\\b\"; }\n"
	    ");\n");

	load_bad(t, f);
	expect_diag(&t->d, f, 3,
	    "rule 'x.star': regex matches the empty string, so it would hit every comment");
	expect_diag(&t->d, f, 4,
	    "rule 'x.opt': regex matches the empty string, so it would hit every comment");
	assert_int_equal(t->d.errors, 2);
}

static void
test_error_missing_category(void **state)
{
	struct tmp *t = *state;
	const char *f = put(t, "nc.conf",
	    "name = \"nocat\";\n"
	    "rules = ( { id = \"n.a\"; words = \"a\"; } );\n");

	load_bad(t, f);
	expect_diag(&t->d, f, 0, "rule file has no category");
	assert_int_equal(t->d.errors, 1);
}

static void
test_error_syntax(void **state)
{
	struct tmp *t = *state;
	const char *f = put(t, "sx.conf",
	    "category = \"x\";\n"
	    "rules = (\n"
	    "  { id = \"x.a\"; words = \"a\" }\n"	/* no ; is fine in libconfig */
	    "  { id = \"x.b\"; words = \"b\"; }\n"	/* but a missing , is not */
	    ");\n");

	load_bad(t, f);
	/* libconfig stops at line 4; the ',' belongs at the end of line 3 */
	expect_diag(&t->d, f, 3, "missing ',' after this element? (parser "
	    "stopped at line 4 near '{')");
	assert_int_equal(t->d.errors, 1);
}

static void
test_error_other(void **state)
{
	struct tmp *t = *state;
	const char *f = put(t, "ot.conf",
	    "category = \"Bad Category\";\n"
	    "mode = \"loud\";\n"
	    "folds = [\"leet\", \"rot13\"];\n"
	    "rules = (\n"
	    "  { id = \"Upper.Case\"; words = \"a\"; },\n"
	    "  { words = \"a\"; },\n"
	    "  { id = \"x.empty\"; words = [\"!!!\"]; },\n"
	    "  { id = \"x.ratio\"; caps = { min_ratio = 1.5; }; }\n"
	    ");\n");

	load_bad(t, f);
	expect_diag(&t->d, f, 1,
	    "category 'Bad Category' may only use a-z 0-9 _ -");
	expect_diag(&t->d, f, 2,
	    "mode must be \"enforce\" or \"shadow\", not \"loud\"");
	expect_diag(&t->d, f, 3,
	    "unknown fold \"rot13\" (known: confusables, leet, squeeze, join)");
	expect_diag(&t->d, f, 5, "rule id 'Upper.Case' may only use a-z 0-9 . _ -");
	expect_diag(&t->d, f, 6, "rule without an id");
	expect_diag(&t->d, f, 7, "rule 'x.empty' has no words");
	expect_diag(&t->d, f, 8, "rule 'x.ratio': min_ratio must be in (0, 1]");
}

static void
test_errors_all_reported(void **state)
{
	struct tmp *t = *state;
	/* one broken file does not hide the problems of the next one */
	const char *a = put(t, "a.conf", "category = \"x\";\nrules = (\n");
	const char *b = put(t, "b.conf",
	    "category = \"y\";\n"
	    "rules = ( { id = \"y.a\"; regex = \"(\"; } );\n");
	const char *files[] = { a, b };

	assert_null(rules_load_files(files, 2, &t->d));
	assert_int_equal(t->d.errors, 2);
	expect_diag_part(&t->d, b, 2, "rule 'y.a': regex error at offset 1");
}

static void
test_load_dir_and_local_overlay(void **state)
{
	struct tmp *t = *state;

	put(t, "profanity.words", "darn\n");
	put(t, "profanity.conf",
	    "category = \"profanity\";\n"
	    "lists = { w = \"profanity.words\"; };\n"
	    "rules = ( { id = \"p.shipped\"; words = \"@w\"; } );\n");
	put(t, "caps.conf",
	    "category = \"caps\";\n"
	    "rules = ( { id = \"c.shout\"; caps = true; } );\n");
	put(t, "README", "not a rule file\n");
	put(t, "notes.conf.bak", "category = 1;\n");

	struct rulebook *rb = rules_load_dir(t->dir, &t->d);
	if (rb == NULL)
		dump_diag(&t->d);
	assert_non_null(rb);
	assert_int_equal(rb->nsets, 2);
	/* sorted by file name */
	assert_string_equal(rb->sets[0].name, "caps");
	assert_string_equal(rb->sets[1].name, "profanity");
	rules_free(rb);

	/* local/profanity.conf replaces the shipped one; its list is read
	 * next to it, and a new local file adds a set */
	mkdir_in(t, "local");
	put(t, "local/mine.words", "heck\n");
	const char *lp = put(t, "local/profanity.conf",
	    "category = \"profanity\";\n"
	    "lists = { w = \"mine.words\"; };\n"
	    "rules = ( { id = \"p.local\"; words = \"@w\"; } );\n");
	put(t, "local/extra.conf",
	    "category = \"discourtesy\";\n"
	    "rules = ( { id = \"d.extra\"; words = \"twit\"; } );\n");
	rb = rules_load_dir(t->dir, &t->d);
	if (rb == NULL)
		dump_diag(&t->d);
	assert_non_null(rb);
	assert_int_equal(rb->nsets, 3);
	int ps = rules_find_set(rb, "profanity");
	assert_true(ps >= 0);
	assert_string_equal(rb->sets[ps].file, lp);
	assert_true(rules_find_set(rb, "extra") >= 0);
	bool shipped = false, local = false;
	for (size_t i = 0; i < rb->nrules; i++) {
		if (strcmp(rb->rules[i].id, "p.shipped") == 0)
			shipped = true;
		if (strcmp(rb->rules[i].id, "p.local") == 0)
			local = true;
	}
	assert_false(shipped);
	assert_true(local);
	int pl = rule_index(rb, "p.local");
	struct owner_hits oh = scan_group(rb, pl, "darn heck");
	assert_int_equal(oh.rule_hits[pl], 1);
	rules_free(rb);
	assert_int_equal(t->d.errors, 0);
}

static void
test_load_dir_errors(void **state)
{
	struct tmp *t = *state;
	char *missing = tpath(t, "missing");

	assert_null(rules_load_dir(t->dir, &t->d));
	expect_diag(&t->d, t->dir, 0,
	    "no rule files (*.conf) in the rules directory");
	assert_null(rules_load_dir(missing, &t->d));
	expect_diag(&t->d, missing, 0,
	    "cannot open rules directory: No such file or directory");
	free(missing);

	/* two files defining one set name */
	put(t, "a.conf", "name = \"same\"; category = \"x\";\n"
	    "rules = ( { id = \"a.a\"; words = \"a\"; } );\n");
	const char *b = put(t, "b.conf", "name = \"same\"; category = \"x\";\n"
	    "rules = ( { id = \"b.b\"; words = \"b\"; } );\n");
	char msg[512];
	assert_null(rules_load_dir(t->dir, &t->d));
	snprintf(msg, sizeof(msg), "rule set 'same' is already defined by %s/a.conf",
	    t->dir);
	expect_diag(&t->d, b, 0, msg);
}

/* An entry is its words: written with a hyphen or with a space, it matches
 * either in the text; a symbol in it is dropped, and the loader says so
 * where the entry was written. */
static void
test_list_entries_words_and_symbols(void **state)
{
	struct tmp *t = *state;
	const char *w = put(t, "names.words", "weak-minded\npea brained\na$$\n");
	const char *f = put(t, "ls.conf",
	    "category = \"x\";\n"
	    "lists = { names = \"names.words\"; inline = [\"c++ fan\"]; };\n"
	    "rules = (\n"
	    "  { id = \"x.re\"; regex = \"\\\\byou\\\\s+@names\\\\b\"; },\n"
	    "  { id = \"x.words\"; words = [\"fool!\"]; }\n"
	    ");\n");
	struct rulebook *rb = load_good(t, f);
	const struct rule *r = &rb->rules[rule_index(rb, "x.re")];

	assert_true(regex_matches(r, "you weak-minded fool"));
	assert_true(regex_matches(r, "you weak minded fool"));
	assert_true(regex_matches(r, "you pea-brained fool"));
	assert_true(regex_matches(r, "you pea \t brained fool"));
	assert_false(regex_matches(r, "you weakminded fool"));
	assert_false(regex_matches(r, "you weak_minded fool"));
	expect_diag(&t->d, w, 3, "warning: entry \"a$$\": '$' is not part of a "
	    "word, so it reads as \"a\"; match symbols with a regex rule");
	expect_diag(&t->d, f, 2, "warning: entry \"c++ fan\": '+' is not part "
	    "of a word, so it reads as \"c fan\"; match symbols with a regex rule");
	expect_diag(&t->d, f, 5, "warning: entry \"fool!\": '!' is not part "
	    "of a word, so it reads as \"fool\"; match symbols with a regex rule");
	assert_int_equal(t->d.warnings, 3);
	rules_free(rb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_kind_loads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_defaults_and_sets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_broken_regex, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_broken_regex_after_splice, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_missing_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_unknown_field, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_duplicate_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_two_kinds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_bad_view_and_weight, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_regex_empty_match, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_missing_category, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_syntax, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_other, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors_all_reported, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_dir_and_local_overlay, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_dir_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_entries_words_and_symbols, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
