/* Unit tests of match, decide and policy through the engine: a small
 * rules directory and configuration written to a temporary directory,
 * loaded with engine_load and checked with engine_check. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "engine.h"
#include "golive.h"
#include "rulebook.h"

struct fx {
	char		 dir[64];
	char		*paths[16];
	size_t		 n;
	struct engine	*e;
	struct check_scratch cs;
	struct match_opts mo;	/* all zero: as the daemon runs */
	struct diag	 d;
};

static const char *const profanity_conf =
    "category = \"profanity\";\n"
    "rules = (\n"
    "  { id = \"p.cock\"; words = [\"cock*\"]; },\n"
    "  { id = \"p.dick\"; words = [\"dick\"]; },\n"
    "  { id = \"p.darn\"; words = [\"darn\"]; weight = 0.5; },\n"
    "  { id = \"p.heck\"; words = [\"heck\"]; weight = 0.5; },\n"
    "  { id = \"p.blimey\"; words = [\"blimey\"]; mode = \"shadow\"; },\n"
    "  { id = \"p.masked\"; regex = \"\\\\bf[*#@]{2,}k\"; view = \"raw\"; }\n"
    ");\n"
    "allow = [\"cocktail*\", \"dick van dyke\"];\n";

static const char *const discourtesy_conf =
    "category = \"discourtesy\";\n"
    "lists = { insults = [\"idiot\", \"moron*\"]; };\n"
    "rules = (\n"
    "  { id = \"d.you\"; regex = \"\\\\byou(?: are|'re) (?:an? )?@insults\\\\b\";\n"
    "    except = [\"you are an idiot savant\"]; },\n"
    "  { id = \"d.twit\"; words = \"twit\"; view = \"normal\"; weight = 0.5; }\n"
    ");\n";

static const char *const caps_conf =
    "category = \"caps\";\n"
    "rules = ( { id = \"c.shout\"; caps = { min_letters = 12; min_ratio = 0.8; }; } );\n";

static const char *const spam_conf =
    "category = \"spam\";\n"
    "rules = ( { id = \"s.runaway\"; regex = \"(a+)+$\"; } );\n";

static const char *const trial_conf =
    "category = \"profanity\";\n"
    "mode = \"shadow\";\n"
    "rules = ( { id = \"t.bloody\"; words = \"bloody\"; } );\n";

static const char *const config_text =
    "rules_dir = \"rules\";\n"
    "limits = { regex_match_limit = 1000; regex_depth_limit = 100; };\n"
    "policies = {\n"
    "  default = { reject_at = 1.0; review_at = 0.5; };\n"
    "  kids = { extend = \"default\"; reject_at = { profanity = 0.5; }; };\n"
    "  noprof = { extend = \"kids\";\n"
    "    rulesets = [\"discourtesy\", \"caps\", \"spam\", \"trial\"]; };\n"
    "  lenient = { extend = \"default\"; reject_at = 0;\n"
    "    review_at = { profanity = 2.0; }; };\n"
    "};\n";

static char *
put(struct fx *x, const char *name, const char *content)
{
	char	*p;

	assert_true(asprintf(&p, "%s/%s", x->dir, name) > 0);
	if (content == NULL) {
		assert_int_equal(mkdir(p, 0700), 0);
	} else {
		FILE *f = fopen(p, "w");
		assert_non_null(f);
		assert_true(fputs(content, f) >= 0);
		assert_int_equal(fclose(f), 0);
	}
	assert_true(x->n < 16);
	x->paths[x->n++] = p;
	return p;
}

static struct engine *
load(struct fx *x, const char *config)
{
	struct engine_opts o;
	struct engine *e;
	char *conf = put(x, "decorumd.conf", config);

	memset(&o, 0, sizeof(o));
	o.config_path = conf;
	o.generation = 7;
	/* the matcher on purpose: a runaway regex, no canary */
	e = engine_load_unchecked(&o, &x->d);
	/* the file goes at once, so that a test may write another */
	unlink(conf);
	free(conf);
	x->n--;
	return e;
}

static int
setup(void **state)
{
	struct fx *x = calloc(1, sizeof(*x));

	if (x == NULL)
		return -1;
	snprintf(x->dir, sizeof(x->dir), "/tmp/decorum-engine-XXXXXX");
	if (mkdtemp(x->dir) == NULL)
		return -1;
	diag_init(&x->d);
	check_scratch_init(&x->cs);
	put(x, "rules", NULL);
	put(x, "rules/profanity.conf", profanity_conf);
	put(x, "rules/discourtesy.conf", discourtesy_conf);
	put(x, "rules/caps.conf", caps_conf);
	put(x, "rules/spam.conf", spam_conf);
	put(x, "rules/trial.conf", trial_conf);
	x->e = load(x, config_text);
	if (x->e == NULL) {
		for (size_t i = 0; i < x->d.count; i++)
			fprintf(stderr, "  diag: %s\n", x->d.items[i].text);
		return -1;
	}
	*state = x;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *x = *state;

	check_scratch_free(&x->cs);
	engine_unref(x->e);
	while (x->n > 0) {
		char *p = x->paths[--x->n];
		remove(p);
		free(p);
	}
	rmdir(x->dir);
	diag_free(&x->d);
	free(x);
	return 0;
}

static const struct policy *
policy(struct fx *x, const char *name)
{
	const struct policy *p = policies_find(&x->e->policies, name);

	assert_non_null(p);
	return p;
}

/* Check text under policy (NULL: default) and return the decision. */
static enum decision
check(struct fx *x, const char *pol, const char *text)
{
	assert_int_equal(engine_check_opts(x->e, policy(x, pol), &x->cs, text,
	    strlen(text), &x->mo), 0);
	return x->cs.v.decision;
}

static const char *
rule_of(struct fx *x, uint32_t hit)
{
	return x->e->rb->rules[x->cs.ms.hits[hit].rule].id;
}

/* The counted reasons must be exactly these rule ids at these original
 * spans, in order: "rule:start:end" strings. */
static void
expect_reasons(struct fx *x, const char *const *want, size_t n)
{
	char got[64];

	if (x->cs.v.nreasons != n) {
		for (size_t i = 0; i < x->cs.v.nreasons; i++) {
			const struct hit *h = &x->cs.ms.hits[x->cs.v.reasons[i]];
			fprintf(stderr, "  reason %s:%u:%u\n", rule_of(x,
			    x->cs.v.reasons[i]), h->start, h->end);
		}
		fail_msg("%zu reasons, want %zu", x->cs.v.nreasons, n);
	}
	for (size_t i = 0; i < n; i++) {
		const struct hit *h = &x->cs.ms.hits[x->cs.v.reasons[i]];
		snprintf(got, sizeof(got), "%s:%u:%u",
		    rule_of(x, x->cs.v.reasons[i]), h->start, h->end);
		assert_string_equal(got, want[i]);
	}
}

#define REASONS(x, ...) do { \
	static const char *const w_[] = { __VA_ARGS__ }; \
	expect_reasons(x, w_, sizeof(w_) / sizeof(w_[0])); \
} while (0)

static uint8_t
cat_state(struct fx *x, const char *cat)
{
	int c = rules_find_category(x->e->rb, cat);

	assert_true(c >= 0);
	return x->cs.v.cat_state[c];
}

static double
score(struct fx *x, const char *cat)
{
	return x->cs.v.scores[rules_find_category(x->e->rb, cat)];
}

static void
test_accept(void **state)
{
	struct fx *x = *state;

	assert_int_equal(check(x, NULL, "What a lovely day."), DECISION_ACCEPT);
	assert_int_equal(x->cs.v.nreasons, 0);
	assert_int_equal(x->cs.v.nshadow, 0);
	assert_int_equal(check(x, NULL, ""), DECISION_ACCEPT);
	assert_string_equal(x->e->version, "7");
	assert_string_equal(decision_name(DECISION_ACCEPT), "accept");
	assert_string_equal(decision_name(DECISION_REVIEW), "review");
	assert_string_equal(decision_name(DECISION_REJECT), "reject");
}

static void
test_spans_in_original(void **state)
{
	struct fx *x = *state;

	assert_int_equal(check(x, NULL, "You are an idiot"), DECISION_REJECT);
	REASONS(x, "d.you:0:16");
	assert_int_equal(cat_state(x, "discourtesy"), DECISION_REJECT);
	assert_int_equal(cat_state(x, "profanity"), 0);

	/* multi-byte text before and inside: offsets are original bytes */
	const char *t = "H\xc3\xa9llo! YOU ARE AN ID\xe2\x80\x8bIOT.";
	assert_int_equal(check(x, NULL, t), DECISION_REJECT);
	REASONS(x, "d.you:8:27");
	assert_memory_equal(t + 8, "YOU ARE AN ID\xe2\x80\x8bIOT", 19);

	/* a word rule on the folded view; full-width letters */
	t = "\xef\xbd\x84\xef\xbd\x89\xef\xbd\x83\xef\xbd\x8b!";
	assert_int_equal(check(x, NULL, t), DECISION_REJECT);
	REASONS(x, "p.dick:0:12");

	/* a raw regex */
	assert_int_equal(check(x, NULL, "oh f**k it"), DECISION_REJECT);
	REASONS(x, "p.masked:3:7");
}

static void
test_allow_suppresses(void **state)
{
	struct fx *x = *state;

	assert_int_equal(check(x, NULL, "Cocktails at eight"), DECISION_ACCEPT);
	/* the hit was found, then suppressed by the allow entry */
	assert_int_equal(x->cs.ms.nhits, 1);
	assert_true(x->cs.ms.hits[0].suppressed);
	assert_int_equal(check(x, NULL, "a cocktail"), DECISION_ACCEPT);
	assert_int_equal(check(x, NULL, "cocky"), DECISION_REJECT);
	REASONS(x, "p.cock:0:5");
	/* only the hit inside the allow entry goes */
	assert_int_equal(check(x, NULL, "cocktail or cock"), DECISION_REJECT);
	REASONS(x, "p.cock:12:16");

	assert_int_equal(check(x, NULL, "Dick Van Dyke was great"),
	    DECISION_ACCEPT);
	assert_int_equal(check(x, NULL, "DICK  van\tDYKE!"), DECISION_ACCEPT);
	assert_int_equal(check(x, NULL, "dick van"), DECISION_REJECT);
	assert_int_equal(check(x, NULL, "Dick Van Dyke is a dick"),
	    DECISION_REJECT);
	REASONS(x, "p.dick:19:23");
}

static void
test_except(void **state)
{
	struct fx *x = *state;

	assert_int_equal(check(x, NULL, "you are an idiot savant"),
	    DECISION_ACCEPT);
	assert_int_equal(check(x, NULL, "You are an idiot, savant"),
	    DECISION_ACCEPT);
	assert_int_equal(check(x, NULL, "you are an idiot"), DECISION_REJECT);
	assert_int_equal(check(x, NULL, "you're a moron"), DECISION_REJECT);
	REASONS(x, "d.you:0:14");
	/* an except entry is per rule: it does not hide other rules */
	assert_int_equal(check(x, NULL, "you are an idiot savant, twit"),
	    DECISION_REVIEW);
	REASONS(x, "d.twit:25:29");
}

static void
test_weights(void **state)
{
	struct fx *x = *state;

	/* one 0.5 rule: review */
	assert_int_equal(check(x, NULL, "darn it"), DECISION_REVIEW);
	assert_int_equal(cat_state(x, "profanity"), DECISION_REVIEW);
	assert_true(score(x, "profanity") == 0.5);
	REASONS(x, "p.darn:0:4");
	/* two 0.5 rules: 1.0 rejects */
	assert_int_equal(check(x, NULL, "darn and heck"), DECISION_REJECT);
	assert_true(score(x, "profanity") == 1.0);
	REASONS(x, "p.darn:0:4", "p.heck:9:13");
	/* one rule three times still counts once, but every hit is shown */
	assert_int_equal(check(x, NULL, "darn darn, darn!"), DECISION_REVIEW);
	assert_true(score(x, "profanity") == 0.5);
	REASONS(x, "p.darn:0:4", "p.darn:5:9", "p.darn:11:15");
	/* categories score apart: 0.5 + 0.5 in two categories */
	assert_int_equal(check(x, NULL, "darn twit"), DECISION_REVIEW);
	assert_int_equal(cat_state(x, "profanity"), DECISION_REVIEW);
	assert_int_equal(cat_state(x, "discourtesy"), DECISION_REVIEW);
}

static void
test_hits_per_rule_capped(void **state)
{
	struct fx *x = *state;
	char text[400] = "";

	for (int i = 0; i < 40; i++)
		strcat(text, "cock ");
	assert_int_equal(check(x, NULL, text), DECISION_REJECT);
	assert_int_equal(x->cs.ms.nhits, MATCH_MAX_HITS_PER_RULE);
	assert_int_equal(x->cs.v.nreasons, MATCH_MAX_HITS_PER_RULE);
	assert_true(score(x, "profanity") == 1.0);
}

static void
test_shadow(void **state)
{
	struct fx *x = *state;

	/* a shadow rule: listed, never counted */
	assert_int_equal(check(x, NULL, "blimey"), DECISION_ACCEPT);
	assert_int_equal(x->cs.v.nreasons, 0);
	assert_int_equal(x->cs.v.nshadow, 1);
	assert_string_equal(rule_of(x, x->cs.v.shadow[0]), "p.blimey");
	assert_true(score(x, "profanity") == 0);
	/* a rule of a shadow set likewise */
	assert_int_equal(check(x, NULL, "bloody blimey darn"), DECISION_REVIEW);
	assert_int_equal(x->cs.v.nshadow, 2);
	REASONS(x, "p.darn:14:18");
	assert_true(score(x, "profanity") == 0.5);
}

static void
test_policy_extend_and_thresholds(void **state)
{
	struct fx *x = *state;

	/* kids: profanity rejects at 0.5, others as in default */
	assert_int_equal(check(x, "kids", "darn it"), DECISION_REJECT);
	assert_int_equal(check(x, "kids", "you twit"), DECISION_REVIEW);
	const struct policy *k = policy(x, "kids");
	assert_string_equal(k->extend, "default");
	int prof = rules_find_category(x->e->rb, "profanity");
	int disc = rules_find_category(x->e->rb, "discourtesy");
	assert_true(k->reject_at[prof] == 0.5);
	assert_true(k->reject_at[disc] == 1.0);
	assert_true(k->review_at[prof] == 0.5);

	/* lenient: reject switched off, profanity reviewed from 2.0 */
	assert_int_equal(check(x, "lenient", "cock"), DECISION_ACCEPT);
	assert_int_equal(check(x, "lenient", "cock and dick"), DECISION_REVIEW);
	assert_int_equal(check(x, "lenient", "you are an idiot"),
	    DECISION_REVIEW);
	assert_true(isinf(policy(x, "lenient")->reject_at[disc]));

	/* the default policy is the one named default */
	assert_ptr_equal(policies_find(&x->e->policies, NULL),
	    policies_find(&x->e->policies, "default"));
	assert_null(policies_find(&x->e->policies, "nope"));
}

static void
test_policy_excludes_set(void **state)
{
	struct fx *x = *state;
	int ps = rules_find_set(x->e->rb, "profanity");

	/* noprof runs no profanity rules, but keeps kids' thresholds */
	assert_false(policy(x, "noprof")->sets[ps]);
	assert_int_equal(check(x, "noprof", "cock dick darn f**k"),
	    DECISION_ACCEPT);
	assert_int_equal(x->cs.v.nreasons, 0);
	assert_int_equal(x->cs.v.nshadow, 0);
	assert_int_equal(check(x, "noprof", "you are an idiot"),
	    DECISION_REJECT);
	/* the shadow set is in: its hits are listed */
	assert_int_equal(check(x, "noprof", "bloody"), DECISION_ACCEPT);
	assert_int_equal(x->cs.v.nshadow, 1);
	assert_true(policy(x, "noprof")->reject_at[
	    rules_find_category(x->e->rb, "profanity")] == 0.5);
	/* and the same scratch goes back to a policy with every set */
	assert_int_equal(check(x, NULL, "cock"), DECISION_REJECT);
}

static void
test_caps_rule(void **state)
{
	struct fx *x = *state;

	assert_int_equal(check(x, NULL, "well WHY WOULD ANYONE DO THAT"),
	    DECISION_REJECT);
	REASONS(x, "c.shout:5:29");
	assert_int_equal(check(x, NULL, "Why would anyone do that"),
	    DECISION_ACCEPT);
}

static void
test_catastrophic_regex(void **state)
{
	struct fx *x = *state;
	size_t n = 30000;
	char *text = malloc(n + 2);
	struct timespec t0, t1;

	assert_non_null(text);
	memset(text, 'a', n);
	text[n] = 'b';
	text[n + 1] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(check(x, NULL, text), DECISION_REVIEW);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	free(text);
	/* the limit hit: held for review in the rule's category */
	assert_int_equal(cat_state(x, "spam"), DECISION_REVIEW);
	assert_int_equal(x->cs.ms.nhits, 1);
	assert_true(x->cs.ms.hits[0].limit);
	assert_string_equal(rule_of(x, 0), "s.runaway");
	double secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_true(secs < 5.0);
	/* a text the regex matches quickly is a plain hit */
	assert_int_equal(check(x, NULL, "aaaa"), DECISION_REJECT);
	assert_false(x->cs.ms.hits[0].limit);
}

static const char *const tag_conf =
    "category = \"spam\";\n"
    "rules = ( { id = \"s.tag\"; regex = \"#(\\\\w+\\\\s?)+;\"; } );\n";

/* text: unit repeated to n bytes, then tail. */
static char *
repeat(const char *unit, size_t n, const char *tail)
{
	size_t	 ul = strlen(unit), tl = strlen(tail), len = 0;
	char	*t = malloc(n + tl + 1);

	assert_non_null(t);
	while (len + ul <= n) {
		memcpy(t + len, unit, ul);
		len += ul;
	}
	memcpy(t + len, tail, tl + 1);
	return t;
}

static double
thread_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* PCRE2's match limit holds per start place: 64 KiB of '#' and words
 * under #(\w+\s?)+; stay below it at each '#' and took seconds. The
 * comment's budget stops that and holds it for review, on an error. */
static void
test_regex_budget(void **state)
{
	struct fx *x = *state;
	struct engine *e;
	char *text = repeat("#ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab !",
	    65000, "!;");
	double t0, secs;
	bool budget = false;

	put(x, "rules/tag.conf", tag_conf);
	e = load(x, "rules_dir = \"rules\";\n"
	    "limits = { regex_budget_ms = 20; };\n");
	assert_non_null(e);
	const struct policy *p = policies_find(&e->policies, NULL);
	t0 = thread_cpu();
	assert_int_equal(engine_check(e, p, &x->cs, text, strlen(text)), 0);
	secs = thread_cpu() - t0;
	assert_int_equal(x->cs.v.decision, DECISION_REVIEW);
	for (size_t i = 0; i < x->cs.ms.nhits; i++)
		if (x->cs.ms.hits[i].budget) {
			budget = true;
			assert_true(x->cs.ms.hits[i].limit);
			assert_string_equal(rules_id(e->rb,
			    x->cs.ms.hits[i].rule), "s.tag");
		}
	assert_true(budget);
	/* 20 ms, and what one stretch of start places may add */
	assert_true(secs < 0.5);
	/* a comment the regex matches at once is a plain hit */
	assert_int_equal(engine_check(e, p, &x->cs, "see #ab ab;", 11), 0);
	assert_int_equal(x->cs.v.decision, DECISION_REJECT);
	assert_false(x->cs.ms.hits[0].limit);
	free(text);
	engine_unref(e);
}

/* Searching a long text a stretch of start places at a time finds the
 * same hits as one search: matches past the first stretches, across
 * their edges, with multi-byte characters on them. */
static void
test_stretched_search_finds_the_same(void **state)
{
	struct fx *x = *state;
	struct engine *one, *stretched;
	static const char *const units[] = { "#a ", "\xc3\xa9#b;", "# x ",
	    "z\xe2\x82\xac#", "#ab ab; " };

	put(x, "rules/tag.conf", tag_conf);
	one = load(x, "rules_dir = \"rules\";\n"
	    "limits = { regex_budget_ms = 0; };\n");
	stretched = load(x, "rules_dir = \"rules\";\n"
	    "limits = { regex_budget_ms = 1000; };\n");
	assert_non_null(one);
	assert_non_null(stretched);
	for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++)
		for (size_t n = 200; n < 3000; n += 397) {
			char *text = repeat(units[u], n, "#end;");
			char want[512] = "", got[512] = "";
			struct engine *e[2] = { one, stretched };
			char *out[2] = { want, got };
			for (int k = 0; k < 2; k++) {
				const struct policy *p =
				    policies_find(&e[k]->policies, NULL);
				assert_int_equal(engine_check(e[k], p, &x->cs,
				    text, strlen(text)), 0);
				for (size_t i = 0; i < x->cs.ms.nhits; i++) {
					const struct hit *h = &x->cs.ms.hits[i];
					size_t l = strlen(out[k]);
					snprintf(out[k] + l, 512 - l, "%s:%u:%u ",
					    rules_id(e[k]->rb, h->rule), h->start,
					    h->end);
				}
			}
			assert_string_equal(got, want);
			free(text);
		}
	engine_unref(one);
	engine_unref(stretched);
}

/* \b sees non-ASCII letters, with the prefilter and without it. */
static void
test_unicode_word_boundary(void **state)
{
	struct fx *x = *state;
	const struct rule *r = NULL;

	for (size_t i = 0; i < x->e->rb->nrules; i++)
		if (strcmp(x->e->rb->rules[i].id, "d.you") == 0)
			r = &x->e->rb->rules[i];
	assert_non_null(r);
	for (int pass = 0; pass < 2; pass++) {
		/* the second time as the reference: no prefilter */
		x->mo.no_prefilter = pass != 0;
		assert_int_equal(check(x, NULL, "you are an idiot"), DECISION_REJECT);
		REASONS(x, "d.you:0:16");
		assert_int_equal(check(x, NULL, "you are an idiots"), DECISION_ACCEPT);
		/* U+0250, a letter: no word boundary after "idiot" */
		assert_int_equal(check(x, NULL, "you are an idiot\xc9\x90"),
		    DECISION_ACCEPT);
		/* U+00BF, not a letter: a boundary */
		assert_int_equal(check(x, NULL, "you are an idiot\xc2\xbf"),
		    DECISION_REJECT);
		REASONS(x, "d.you:0:16");
		assert_int_equal(check(x, NULL, "\xc9\x90you are an idiot"),
		    DECISION_ACCEPT);
	}
	x->mo.no_prefilter = false;
}

/* A regex whose matches start at its heads (here "you") is tried at
 * those places only, or, past PREFILTER_HEADS_MAX of them, over their
 * range: the same hits either way, and the same as without prefilter. */
static void
test_regex_starts(void **state)
{
	struct fx *x = *state;
	char many[8 * (PREFILTER_HEADS_MAX + 8)] = "";

	for (int pass = 0; pass < 2; pass++) {
		x->mo.no_prefilter = pass != 0;
		assert_int_equal(check(x, NULL, "you know, you are an idiot"),
		    DECISION_REJECT);
		REASONS(x, "d.you:10:26");
		assert_int_equal(check(x, NULL, "you are an idiot, you're a moron"),
		    DECISION_REJECT);
		assert_int_equal(x->cs.ms.nhits, 2);
		assert_int_equal(x->cs.ms.hits[1].start, 18);
		assert_int_equal(check(x, NULL, "youyou are an idiot"),
		    DECISION_ACCEPT);
		many[0] = '\0';
		for (int i = 0; i < PREFILTER_HEADS_MAX + 4; i++)
			strcat(many, "you ");
		strcat(many, "you are an idiot");
		assert_int_equal(check(x, NULL, many), DECISION_REJECT);
		assert_int_equal(x->cs.ms.hits[0].start,
		    4 * (PREFILTER_HEADS_MAX + 4));
	}
	x->mo.no_prefilter = false;
}

static void
test_policy_errors(void **state)
{
	struct fx *x = *state;

	assert_null(load(x,
	    "rules_dir = \"rules\";\n"
	    "policies = {\n"
	    "  a = { rulesets = [\"profanity\", \"nosuchset\"]; };\n"
	    "  b = { extend = \"ghost\"; };\n"
	    "  c = { reject_at = { nosuchcat = 1.0; }; };\n"
	    "  d = { extend = \"e\"; };\n"
	    "  e = { extend = \"d\"; };\n"
	    "};\n"
	    "default_policy = \"a\";\n"));
	const char *want[] = {
	    "policy 'a': no rule set named 'nosuchset'",
	    "policy 'b' extends 'ghost', which is not defined",
	    "policy 'c': reject_at names category 'nosuchcat', which no rule set has",
	    "extends itself through a loop",
	};
	for (size_t i = 0; i < 4; i++) {
		bool found = false;
		for (size_t k = 0; k < x->d.count; k++)
			if (strstr(x->d.items[k].text, want[i]) != NULL)
				found = true;
		if (!found) {
			for (size_t k = 0; k < x->d.count; k++)
				fprintf(stderr, "  diag: %s\n", x->d.items[k].text);
			fail_msg("no diagnostic with \"%s\"", want[i]);
		}
	}
	/* each once: the loop too, though both its policies are resolved */
	assert_int_equal(x->d.errors, 4);
	diag_free(&x->d);
	diag_init(&x->d);
	assert_null(load(x, "rules_dir = \"rules\";\n"
	    "default_policy = \"strict\";\n"
	    "policies = { default = { }; };\n"));
	assert_int_equal(x->d.errors, 1);
	assert_non_null(strstr(x->d.items[0].text,
	    "default_policy 'strict' is not one of the policies"));
}

/* folds = [...] switches folds per rule set: a set without join or
 * squeeze does not see spelled-out or stretched words, one with them does. */
static void
test_folds_per_set(void **state)
{
	struct fx *x = *state;

	put(x, "rules/leetonly.conf",
	    "category = \"leetonly\";\n"
	    "folds = [\"leet\"];\n"
	    "rules = ( { id = \"l.shit\"; words = [\"shit\"]; } );\n");
	put(x, "rules/allfolds.conf",
	    "category = \"allfolds\";\n"
	    "rules = ( { id = \"a.shit\"; words = [\"shit\"]; } );\n");
	struct engine *e = load(x, config_text);
	assert_non_null(e);
	engine_unref(x->e);
	x->e = e;

	static const struct { const char *text; bool leet, all; } cases[] = {
		{ "what sh1t", true, true },
		{ "what s h i t", false, true },
		{ "what shiiiit", false, true },
		{ "what \xd1\x95h\xd1\x96t", false, true },	/* Cyrillic s, i */
		{ "what a ship", false, false },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		check(x, NULL, cases[i].text);
		bool leet = false, all = false;
		for (size_t h = 0; h < x->cs.ms.nhits; h++) {
			leet |= strcmp(rule_of(x, (uint32_t)h), "l.shit") == 0;
			all |= strcmp(rule_of(x, (uint32_t)h), "a.shit") == 0;
		}
		if (leet != cases[i].leet || all != cases[i].all)
			fail_msg("%s: leet-only set %s, all-folds set %s",
			    cases[i].text, leet ? "hit" : "missed",
			    all ? "hit" : "missed");
	}
}

static void
test_no_policies_configured(void **state)
{
	struct fx *x = *state;
	struct engine *e = load(x, "rules_dir = \"rules\";\n");

	assert_non_null(e);
	assert_int_equal(e->policies.n, 1);
	const struct policy *p = policies_find(&e->policies, NULL);
	assert_string_equal(p->name, "default");
	for (size_t s = 0; s < e->rb->nsets; s++)
		assert_true(p->sets[s]);
	/* the built-in thresholds */
	assert_int_equal(engine_check(e, p, &x->cs, "darn", 4), 0);
	assert_int_equal(x->cs.v.decision, DECISION_REVIEW);
	/* the default regex limits, and a scratch that follows them */
	assert_int_equal(e->limits.match_limit, 1000000);
	assert_int_equal(x->cs.limits.match_limit, 1000000);
	engine_unref(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_accept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_folds_per_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_spans_in_original, setup, teardown),
		cmocka_unit_test_setup_teardown(test_allow_suppresses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_except, setup, teardown),
		cmocka_unit_test_setup_teardown(test_weights, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hits_per_rule_capped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shadow, setup, teardown),
		cmocka_unit_test_setup_teardown(test_policy_extend_and_thresholds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_policy_excludes_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_caps_rule, setup, teardown),
		cmocka_unit_test_setup_teardown(test_catastrophic_regex, setup, teardown),
		cmocka_unit_test_setup_teardown(test_regex_budget, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stretched_search_finds_the_same, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unicode_word_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_regex_starts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_policy_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_policies_configured, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
