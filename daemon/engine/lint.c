#include "lint.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "match.h"
#include "rulebook.h"

/*
 * Runaway regexes: every regex is run, at load, on inputs built to make a
 * backtracking matcher work hard, with a match limit well below the one
 * comments run with. A regex that hits it would, on a real comment of that
 * shape, burn CPU and then hold the comment for review.
 */
#define LINT_PROBE_MATCH_LIMIT	200000u
#define LINT_PROBE_DEPTH_LIMIT	5000u
#define LINT_PROBE_HEAP_KB	8192u

/* Ordinary sentences no rule should fire on. */
static const char *const lint_samples[] = {
	LINT_CANARY_ACCEPT,
	"Thanks for the article, it was an interesting read.",
	"I disagree with the author, but the argument is well made.",
	"The council meeting is on Tuesday at seven in the town hall.",
	"My grandmother grew tomatoes, beans and cucumbers in her garden.",
	"Could you share the source for the figures in the third paragraph?",
	"We visited Scunthorpe and Middlesex on our way to the coast.",
	"The recipe needs two cups of flour and a pinch of salt.",
	"I think you are wrong about the budget, and here is why.",
	"The team played well in the second half and deserved the win.",
	"Great photos! Which camera did you use for the night shots?",
	"The new bus route will make my commute twenty minutes shorter.",
	"Please check the spelling of the mayor's name in the caption.",
	"Our cat sleeps all afternoon and wakes up at dinner time.",
	"The museum opens an exhibition of old maps next month.",
	"I have been reading this blog for years and still enjoy it.",
};

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
			if (!probe(&ms, rb, sets, (uint32_t)s, -1, set->allow.v[i], &sup))
				diag_warning(d, set->file, set->allow.line,
				    "allow entry \"%s\" never applies: no rule of "
				    "set '%s' matches inside it", set->allow.v[i],
				    set->name);
	}
	for (size_t r = 0; r < rb->nrules; r++) {
		const struct rule *ru = &rb->rules[r];
		for (size_t i = 0; i < ru->except.n; i++)
			if (!probe(&ms, rb, sets, ru->set, (long)r, ru->except.v[i], &sup))
				diag_warning(d, ru->file, ru->except.line,
				    "rule '%s': except entry \"%s\" never applies: "
				    "the rule does not match inside it", ru->id,
				    ru->except.v[i]);
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

/* A growing probe text. */
struct pbuf {
	char	*v;
	size_t	 len, cap;
	bool	 oom;
};

static void
pb_add(struct pbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t ncap = b->cap ? b->cap : 256;
		while (ncap < b->len + n + 1)
			ncap *= 2;
		char *nv = realloc(b->v, ncap);
		if (nv == NULL) {
			b->oom = true;
			return;
		}
		b->v = nv;
		b->cap = ncap;
	}
	memcpy(b->v + b->len, s, n);
	b->len += n;
	b->v[b->len] = '\0';
}

/* unit repeated until size bytes, then tail. */
static void
pb_repeat(struct pbuf *b, const char *unit, size_t size, const char *tail)
{
	size_t n = strlen(unit);

	b->len = 0;
	if (n > 0)
		while (b->len + n <= size && !b->oom)
			pb_add(b, unit, n);
	pb_add(b, tail, strlen(tail));
}

/* The words a regex's probe repeats: runs of letters in its pattern
 * (after list splicing, so list entries and their trie fragments are
 * there) and the entries of the words rules of its set. */
static void
probe_words(const struct rulebook *rb, const struct rule *r, struct pbuf *b)
{
	const char *p = r->pattern;

	b->len = 0;
	while (p != NULL && *p != '\0') {
		/* skip escapes: \b, \s, \w are not words */
		if (*p == '\\') {
			p += p[1] != '\0' ? 2 : 1;
			continue;
		}
		size_t n = 0;
		while (isalpha((unsigned char)p[n]) || (unsigned char)p[n] >= 0x80)
			n++;
		if (n >= 2) {
			pb_add(b, p, n);
			pb_add(b, " ", 1);
		}
		p += n > 0 ? n : 1;
	}
	const struct ruleset *set = &rb->sets[r->set];
	for (uint32_t k = set->first_rule; k < set->first_rule + set->nrules &&
	    b->len < 4096; k++) {
		const struct rule *o = &rb->rules[k];
		for (size_t i = 0; o->kind == RULE_WORDS && i < o->words.n &&
		    b->len < 4096; i++) {
			const char *w = o->words.v[i];
			if (w[0] == '@')
				continue;
			size_t n = strlen(w);
			if (n > 0 && w[n - 1] == '*')
				n--;
			pb_add(b, w, n);
			pb_add(b, " ", 1);
		}
	}
}

/* Run regex rule ri over its view of text as match.c would (every match
 * up to the per-rule cap); the PCRE2 error when it hits a limit, else 0. */
static int
probe_regex(struct match_scratch *ms, pcre2_match_context *mctx,
    const struct rulebook *rb, uint32_t ri, const char *text, size_t len)
{
	const struct rule	*r = &rb->rules[ri];
	const struct rule_group	*g = &rb->groups[r->group];
	const struct view	*v;
	PCRE2_SIZE		*ov = pcre2_get_ovector_pointer(ms->md);
	PCRE2_SIZE		 off = 0;

	if (views_build(&ms->views, text, len) == -1 ||
	    (v = views_get(&ms->views, g->view, g->folds)) == NULL)
		return 0;
	for (int hits = 0; off <= v->len && hits < MATCH_MAX_HITS_PER_RULE;
	    hits++) {
		int rc = pcre2_match(r->re, (PCRE2_SPTR)v->text, v->len, off,
		    PCRE2_NO_UTF_CHECK, ms->md, mctx);
		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc < 0)
			return rc;
		off = ov[1] > off ? ov[1] : off + 1;
		while (off < v->len && ((unsigned char)v->text[off] & 0xC0) == 0x80)
			off++;
	}
	return 0;
}

static const char *
limit_name(int rc)
{
	switch (rc) {
	case PCRE2_ERROR_MATCHLIMIT:
		return "match";
	case PCRE2_ERROR_DEPTHLIMIT:
		return "depth";
	case PCRE2_ERROR_HEAPLIMIT:
		return "heap";
	case PCRE2_ERROR_JIT_STACKLIMIT:
		return "JIT stack";
	default:
		return NULL;
	}
}

/* Inputs built to make backtracking regexes work: long runs of one
 * letter, of spaces, of one-letter words, of dotted letters, and the
 * rule's own words over and over, each ending in a character that spoils
 * a match at the very end. */
static void
lint_runaway(const struct engine *e, struct diag *d)
{
	static const struct {
		const char	*unit, *tail, *name;
		size_t		 size;
	} probes[] = {
		{ "a", "!", "4 KiB 'aaa…a!'", 4096 },
		{ "a", "!", "32 KiB 'aaa…a!'", 32768 },
		{ " ", "a!", "16 KiB run of spaces", 16384 },
		{ "a ", "!", "16 KiB 'a a a … !'", 16384 },
		{ "a.", "!", "16 KiB 'a.a.a.…!'", 16384 },
		{ "ab", "1", "16 KiB 'abab…1'", 16384 },
		{ NULL, "!", "16 KiB repeated-words", 16384 },
	};
	const struct rulebook	*rb = e->rb;
	struct match_scratch	 ms;
	pcre2_match_context	*mctx;
	struct rules_limits	 lim = e->limits;
	struct pbuf		 text = { 0 }, words = { 0 };

	if (lim.match_limit > LINT_PROBE_MATCH_LIMIT)
		lim.match_limit = LINT_PROBE_MATCH_LIMIT;
	if (lim.depth_limit > LINT_PROBE_DEPTH_LIMIT)
		lim.depth_limit = LINT_PROBE_DEPTH_LIMIT;
	if (lim.heap_limit_kb > LINT_PROBE_HEAP_KB)
		lim.heap_limit_kb = LINT_PROBE_HEAP_KB;
	if (match_scratch_init(&ms, &lim) == -1)
		return;
	mctx = ms.mctx;
	for (size_t ri = 0; ri < rb->nrules; ri++) {
		const struct rule *r = &rb->rules[ri];
		if (r->kind != RULE_REGEX || r->re == NULL)
			continue;
		for (size_t k = 0; k < sizeof(probes) / sizeof(probes[0]); k++) {
			if (probes[k].unit == NULL) {
				probe_words(rb, r, &words);
				if (words.len == 0 || words.oom)
					continue;
				pb_repeat(&text, words.v, probes[k].size,
				    probes[k].tail);
			} else
				pb_repeat(&text, probes[k].unit, probes[k].size,
				    probes[k].tail);
			/* end on the literal the regex requires last, so that
			 * PCRE2's required-character check does not skip the
			 * work a real comment with that character would cause */
			uint32_t last = 0, lastset = 0;
			pcre2_pattern_info(r->re, PCRE2_INFO_LASTCODETYPE, &lastset);
			if (lastset != 0 && pcre2_pattern_info(r->re,
			    PCRE2_INFO_LASTCODEUNIT, &last) == 0 && last > 0 &&
			    last < 0x80) {
				char c = (char)last;
				pb_add(&text, &c, 1);
			}
			if (text.oom)
				break;
			int rc = probe_regex(&ms, mctx, rb, (uint32_t)ri, text.v,
			    text.len);
			const char *what = limit_name(rc);
			if (what != NULL) {
				diag_error(d, r->file, r->line,
				    "rule '%s': regex can run away (hit the %s "
				    "limit on a %s input)", r->id, what,
				    probes[k].name);
				break;
			}
		}
	}
	free(text.v);
	free(words.v);
	match_scratch_free(&ms);
}

/* Every rule over the ordinary sentences: one that fires there would
 * hold or reject ordinary comments. One warning per rule. */
static void
lint_samples_run(const struct engine *e, struct diag *d)
{
	const struct rulebook	*rb = e->rb;
	struct match_scratch	 ms;
	bool			*sets, *warned;

	sets = calloc(rb->nsets + 1, sizeof(bool));
	warned = calloc(rb->nrules + 1, sizeof(bool));
	if (sets == NULL || warned == NULL || match_scratch_init(&ms,
	    &e->limits) == -1) {
		free(sets);
		free(warned);
		return;
	}
	for (size_t i = 0; i < rb->nsets; i++)
		sets[i] = true;
	for (size_t k = 0; k < sizeof(lint_samples) / sizeof(lint_samples[0]);
	    k++) {
		const char *t = lint_samples[k];
		if (match_run(&ms, rb, sets, t, strlen(t)) == -1)
			break;
		for (size_t i = 0; i < ms.nhits; i++) {
			const struct hit *h = &ms.hits[i];
			const struct rule *r = &rb->rules[h->rule];
			if (h->suppressed || h->limit || warned[h->rule])
				continue;
			warned[h->rule] = true;
			diag_warning(d, r->file, r->line,
			    "rule '%s' fires on an ordinary sentence: \"%s\" "
			    "(on \"%.*s\")", r->id, t, (int)(h->end - h->start),
			    t + h->start);
		}
	}
	match_scratch_free(&ms);
	free(sets);
	free(warned);
}

/* Where a policy is defined, for its problems. */
static void
policy_where(const struct engine *e, const char *name, const char **file,
    int *line)
{
	*file = e->cfg.file != NULL ? e->cfg.file : e->cfg.rules_dir;
	*line = 0;
	for (size_t i = 0; i < e->cfg.npolicies; i++)
		if (strcmp(e->cfg.policies[i].name, name) == 0) {
			if (e->cfg.policies[i].file != NULL)
				*file = e->cfg.policies[i].file;
			*line = e->cfg.policies[i].line;
		}
}

/* The canary: every policy rejects LINT_CANARY_REJECT and accepts
 * LINT_CANARY_ACCEPT, so a rule set that rejects or accepts everything,
 * or a policy that runs nothing, never goes live. */
static void
lint_canary(const struct engine *e, struct diag *d)
{
	struct check_scratch	 cs;

	check_scratch_init(&cs);
	for (size_t i = 0; i < e->policies.n; i++) {
		const struct policy *p = &e->policies.v[i];
		const char *file;
		int line;

		policy_where(e, p->name, &file, &line);
		if (engine_check(e, p, &cs, LINT_CANARY_REJECT,
		    strlen(LINT_CANARY_REJECT)) == 0 &&
		    cs.v.decision != DECISION_REJECT)
			diag_error(d, file, line,
			    "policy '%s' does not reject the canary \"%s\" (it "
			    "answers %s): run a rule set that rejects it in every "
			    "policy, like the shipped canary.conf", p->name,
			    LINT_CANARY_REJECT, decision_name(cs.v.decision));
		if (engine_check(e, p, &cs, LINT_CANARY_ACCEPT,
		    strlen(LINT_CANARY_ACCEPT)) == 0 &&
		    cs.v.decision != DECISION_ACCEPT) {
			const char *rule = "a regex limit";
			if (cs.v.nreasons > 0) {
				/* the rule to fix, rather than the policy */
				const struct rule *r =
				    &e->rb->rules[cs.ms.hits[cs.v.reasons[0]].rule];
				rule = r->id;
				file = r->file;
				line = r->line;
			}
			diag_error(d, file, line,
			    "policy '%s' does not accept the plain sentence "
			    "\"%s\" (it answers %s, because of %s)", p->name,
			    LINT_CANARY_ACCEPT, decision_name(cs.v.decision), rule);
		}
	}
	check_scratch_free(&cs);
}

int
lint_run(const struct engine_opts *o, FILE *out)
{
	struct diag	 d;
	struct engine	*e;
	int		 errors;

	diag_init(&d);
	e = engine_load(o, &d);
	if (e != NULL) {
		lint_exceptions(e, &d);
		lint_runaway(e, &d);
		lint_samples_run(e, &d);
		lint_canary(e, &d);
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
