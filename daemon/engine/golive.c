/* golive: what a configuration must pass before it serves (golive.h).
 * Runaway regexes are found by running each regex on inputs built to
 * make a backtracking matcher work hard; the canary and the ordinary
 * sentences are checked under every policy. Called by engine_load (errors
 * only) and by lint (with warnings). */
#include "golive.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "recache.h"
#include "rulebook.h"
#include "text.h"

/*
 * Runaway regexes: every regex is run, at load, on inputs built to make a
 * backtracking matcher work hard, with a match limit well below the one
 * comments run with. A regex that hits it would, on a real comment of that
 * shape, burn CPU and then hold the comment for review.
 */
#define GOLIVE_PROBE_MATCH_LIMIT	200000u
#define GOLIVE_PROBE_DEPTH_LIMIT	5000u
#define GOLIVE_PROBE_HEAP_KB		8192u
/* A pattern's own literals probed: at most this many runs of them. */
#define GOLIVE_PROBE_LITERALS		8

/* Ordinary sentences every policy must accept and no rule should fire
 * on. */
static const char *const golive_samples[] = {
	GOLIVE_CANARY_ACCEPT,
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
#define NSAMPLES (sizeof(golive_samples) / sizeof(golive_samples[0]))

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

/* Run regex rule ri over its view of the text in ms->views as match.c
 * would (every match up to the per-rule cap); the PCRE2 error when it
 * hits a limit, else 0. */
static int
probe_regex(struct match_scratch *ms, const struct rulebook *rb, uint32_t ri)
{
	const struct rule	*r = &rb->rules[ri];
	const struct rule_group	*g = &rb->groups[r->group];
	const struct view	*v;
	PCRE2_SIZE		*ov = pcre2_get_ovector_pointer(ms->md);
	PCRE2_SIZE		 off = 0;

	if ((v = views_get(&ms->views, g->view, g->folds)) == NULL)
		return PCRE2_ERROR_NOMEMORY;
	for (int hits = 0; off <= v->len && hits < MATCH_MAX_HITS_PER_RULE;
	    hits++) {
		int rc = pcre2_match(r->re, (PCRE2_SPTR)v->text, v->len, off,
		    PCRE2_NO_UTF_CHECK, ms->md, ms->mctx);
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

/*
 * The runs of literal characters in a pattern, in order, separated by
 * '\n' in out: what stands outside classes, groups' syntax, quantifiers
 * and escapes ("#" and ";" in #(\w+\s?)+;). A comment that holds them,
 * with a run of word characters between, makes such a regex work as
 * hard as it can.
 */
static size_t
pattern_literals(const char *p, struct pbuf *out)
{
	size_t	 nruns = 0;
	bool	 open = false;

	out->len = 0;
	while (p != NULL && *p != '\0' && nruns < GOLIVE_PROBE_LITERALS) {
		const char *lit = NULL;
		char c = *p;

		if (c == '\\') {
			/* an escaped symbol is itself; \w, \s, \b are not */
			if (p[1] != '\0' && ispunct((unsigned char)p[1]))
				lit = p + 1;
			p += p[1] != '\0' ? 2 : 1;
		} else if (c == '[') {
			/* a class: skip it, ']' first in it included */
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p != '\0' && *p != ']')
				p += *p == '\\' && p[1] != '\0' ? 2 : 1;
			if (*p == ']')
				p++;
		} else if (c == '(' && p[1] == '?') {
			/* (?: (?i) (?= (?<name> …: the syntax, not literals */
			p += 2;
			while (*p != '\0' && *p != ':' && *p != ')' &&
			    *p != '(' && *p != '>' && *p != '=' && *p != '!')
				p++;
			if (*p != '\0' && *p != '(')
				p++;
		} else if (c == '{' && isdigit((unsigned char)p[1])) {
			while (*p != '\0' && *p != '}')
				p++;
			if (*p == '}')
				p++;
		} else if (strchr("()|?*+.^$", c) != NULL) {
			p++;
		} else {
			lit = p++;
		}
		if (lit == NULL) {
			if (open) {
				pb_add(out, "\n", 1);
				open = false;
			}
			continue;
		}
		if (!open)
			nruns++;
		open = true;
		pb_add(out, lit, 1);
	}
	if (open)
		pb_add(out, "\n", 1);
	return nruns;
}

/* The pattern's literal runs with a run of unit (size bytes in all)
 * between them and after the last but one, the last after "!": the
 * regex gets as far as it can, then fails on the last stretch. */
static void
pb_literals(struct pbuf *b, const struct pbuf *lits, size_t nruns,
    const char *unit, size_t size)
{
	size_t	 ulen = strlen(unit), gap = size / (nruns > 0 ? nruns : 1);
	const char *p = lits->v, *end = lits->v + lits->len;

	b->len = 0;
	for (size_t k = 0; p < end; k++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (k + 1 == nruns && nruns > 1)
			pb_add(b, "!", 1);
		pb_add(b, p, (size_t)(nl - p));
		if (k + 1 < nruns || nruns == 1)
			for (size_t n = 0; n + ulen <= gap && !b->oom; n += ulen)
				pb_add(b, unit, ulen);
		p = nl + 1;
	}
	if (nruns == 1)
		pb_add(b, "!", 1);
}

/* The literal a regex needs last (PCRE2's own "last code unit"), 0 when
 * there is none or it is not ASCII. */
static char
last_literal(const struct rule *r)
{
	uint32_t last = 0, lastset = 0;

	pcre2_pattern_info(r->re, PCRE2_INFO_LASTCODETYPE, &lastset);
	if (lastset != 0 && pcre2_pattern_info(r->re,
	    PCRE2_INFO_LASTCODEUNIT, &last) == 0 && last > 0 && last < 0x80)
		return (char)last;
	return 0;
}

static int
cmp_last(const void *a, const void *b, void *ctx)
{
	const char *last = ctx;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	if (last[x] != last[y])
		return last[x] < last[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* The probes every regex runs: long runs of one letter, of spaces, of
 * one-letter words, of dotted letters, of two letters; then those built
 * from each regex: its own words (and its set's) over and over, and its
 * own literals with runs of word characters between. Each ends in a
 * character that spoils a match at the very end. */
static const struct probe {
	const char	*unit, *tail, *name;
	size_t		 size;
	enum { P_FIXED, P_WORDS, P_LITERALS } kind;
} probes[] = {
	{ "a", "!", "4 KiB 'aaa…a!'", 4096, P_FIXED },
	{ "a", "!", "32 KiB 'aaa…a!'", 32768, P_FIXED },
	{ " ", "a!", "16 KiB run of spaces", 16384, P_FIXED },
	{ "a ", "!", "16 KiB 'a a a … !'", 16384, P_FIXED },
	{ "a.", "!", "16 KiB 'a.a.a.…!'", 16384, P_FIXED },
	{ "ab", "1", "4 KiB 'abab…1'", 4096, P_FIXED },
	{ NULL, "!", "8 KiB repeated-words", 8192, P_WORDS },
	{ "ab", NULL, "4 KiB own-literals 'abab…'", 4096, P_LITERALS },
	{ "a ", NULL, "4 KiB own-literals 'a a …'", 4096, P_LITERALS },
};
#define NPROBES (sizeof(probes) / sizeof(probes[0]))

struct runaway {
	const struct rulebook	*rb;
	struct match_scratch	 ms;
	struct pbuf		 text, words, lits;
	uint8_t			*failed;	/* per rule: probe + 1, 0 none */
	int			*rc;		/* per rule: its limit */
	uint64_t		*probes;	/* per rule: probes_hash */
	bool			 oom;
};

/* What the probes of regex rule r depend on besides its compiled pattern:
 * the view it reads, the limits, and the words of its rule set that one
 * probe repeats (the other probes are built from the pattern itself, and
 * the probes from this code). 0 when memory ran out. */
static uint64_t
probes_hash(struct runaway *rw, const struct rule *r,
    const struct rules_limits *lim)
{
	const struct rule_group *g = &rw->rb->groups[r->group];
	const uint64_t v[5] = { (uint64_t)g->view, g->folds,
	    lim->match_limit, lim->depth_limit, lim->heap_limit_kb };
	uint64_t h;

	probe_words(rw->rb, r, &rw->words);
	if (rw->words.oom) {
		rw->oom = true;
		return 0;
	}
	h = text_fnv1a(TEXT_FNV_OFFSET, v, sizeof(v));
	h = text_fnv1a(h, rw->words.v, rw->words.len);
	return h != 0 ? h : 1;
}

/* Probe k on rule ri over the text in rw->text (its views are built
 * when build is set); a limit marks the rule failed. */
static void
runaway_try(struct runaway *rw, size_t k, uint32_t ri, bool build)
{
	int rc;

	if (rw->text.oom) {
		rw->oom = true;
		return;
	}
	if (build && views_build(&rw->ms.views, rw->text.v, rw->text.len) == -1) {
		rw->oom = true;
		return;
	}
	rc = probe_regex(&rw->ms, rw->rb, ri);
	if (rc == PCRE2_ERROR_NOMEMORY)
		rw->oom = true;
	else if (limit_name(rc) != NULL) {
		rw->failed[ri] = (uint8_t)(k + 1);
		rw->rc[ri] = rc;
	}
}

static void
golive_runaway(const struct engine *e, struct diag *d)
{
	const struct rulebook	*rb = e->rb;
	struct runaway		 rw = { .rb = rb };
	struct rules_limits	 lim = e->limits;
	uint32_t		*order = NULL;
	char			*last = NULL;
	size_t			 nre = 0;

	if (lim.match_limit > GOLIVE_PROBE_MATCH_LIMIT)
		lim.match_limit = GOLIVE_PROBE_MATCH_LIMIT;
	if (lim.depth_limit > GOLIVE_PROBE_DEPTH_LIMIT)
		lim.depth_limit = GOLIVE_PROBE_DEPTH_LIMIT;
	if (lim.heap_limit_kb > GOLIVE_PROBE_HEAP_KB)
		lim.heap_limit_kb = GOLIVE_PROBE_HEAP_KB;
	rw.failed = calloc(rb->nrules + 1, 1);
	rw.rc = calloc(rb->nrules + 1, sizeof(int));
	rw.probes = calloc(rb->nrules + 1, sizeof(uint64_t));
	order = calloc(rb->nrules + 1, sizeof(*order));
	last = calloc(rb->nrules + 1, 1);
	if (rw.failed == NULL || rw.rc == NULL || rw.probes == NULL ||
	    order == NULL || last == NULL ||
	    match_scratch_init(&rw.ms, &lim) == -1) {
		free(rw.failed);
		free(rw.rc);
		free(rw.probes);
		free(order);
		free(last);
		diag_error(d, NULL, 0, "out of memory checking regexes");
		return;
	}
	for (uint32_t ri = 0; ri < rb->nrules && !rw.oom; ri++) {
		const struct rule *r = &rb->rules[ri];
		if (r->kind != RULE_REGEX || r->re == NULL)
			continue;
		/* a reload of an unchanged pattern: passed before */
		if ((rw.probes[ri] = probes_hash(&rw, r, &lim)) != 0 &&
		    recache_probed(r->re, rw.probes[ri]))
			continue;
		last[ri] = last_literal(r);
		order[nre++] = ri;
	}
	/* regexes that need the same last character share a probe text,
	 * and the views built from it */
	qsort_r(order, nre, sizeof(*order), cmp_last, last);
	for (size_t k = 0; k < NPROBES && !rw.oom; k++) {
		const struct probe *pr = &probes[k];
		int built = -1;		/* the last character the views end in */

		for (size_t i = 0; i < nre && !rw.oom; i++) {
			uint32_t ri = order[i];
			const struct rule *r = &rb->rules[ri];
			bool build = true;

			if (rw.failed[ri] != 0)
				continue;
			if (pr->kind == P_FIXED) {
				if (built == last[ri])
					build = false;
				else {
					pb_repeat(&rw.text, pr->unit, pr->size,
					    pr->tail);
					built = last[ri];
				}
			} else if (pr->kind == P_WORDS) {
				probe_words(rb, r, &rw.words);
				if (rw.words.oom) {
					rw.oom = true;
					break;
				}
				if (rw.words.len == 0)
					continue;
				pb_repeat(&rw.text, rw.words.v, pr->size,
				    pr->tail);
			} else {
				size_t n = pattern_literals(r->pattern, &rw.lits);
				if (rw.lits.oom) {
					rw.oom = true;
					break;
				}
				if (n == 0)
					continue;
				pb_literals(&rw.text, &rw.lits, n, pr->unit,
				    pr->size);
			}
			/* end on the literal the regex requires last, so that
			 * PCRE2's required-character check does not skip the
			 * work a real comment with that character would cause */
			if (build && last[ri] != 0)
				pb_add(&rw.text, &last[ri], 1);
			runaway_try(&rw, k, ri, build);
		}
	}
	if (rw.oom)
		diag_error(d, NULL, 0, "out of memory checking regexes");
	for (size_t i = 0; i < nre && !rw.oom; i++)
		if (rw.failed[order[i]] == 0 && rw.probes[order[i]] != 0)
			recache_set_probed(rb->rules[order[i]].re,
			    rw.probes[order[i]]);
	for (uint32_t ri = 0; ri < rb->nrules; ri++) {
		const struct rule *r = &rb->rules[ri];
		if (rw.failed[ri] == 0)
			continue;
		diag_error(d, r->file, r->line, "rule '%s': regex can run away "
		    "(hit the %s limit on a %s input)", r->id,
		    limit_name(rw.rc[ri]), probes[rw.failed[ri] - 1].name);
	}
	free(rw.text.v);
	free(rw.words.v);
	free(rw.lits.v);
	free(rw.failed);
	free(rw.rc);
	free(rw.probes);
	free(order);
	free(last);
	match_scratch_free(&rw.ms);
}

/* Every rule over the ordinary sentences: one that fires there would
 * hold or reject ordinary comments. One warning per rule. */
static void
golive_samples_warn(const struct engine *e, struct diag *d)
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
		diag_error(d, NULL, 0, "out of memory checking rules");
		return;
	}
	for (size_t i = 0; i < rb->nsets; i++)
		sets[i] = true;
	for (size_t k = 0; k < NSAMPLES; k++) {
		const char *t = golive_samples[k];
		if (match_run(&ms, rb, sets, t, strlen(t)) == -1) {
			diag_error(d, NULL, 0, "out of memory checking rules");
			break;
		}
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

/* The canary: every policy rejects GOLIVE_CANARY_REJECT and accepts
 * every ordinary sentence, so a rule set that rejects or accepts
 * everything, a policy that runs nothing, or a word list that holds
 * "the" never goes live. One error per policy and kind. */
static void
golive_canary(const struct engine *e, struct diag *d)
{
	struct check_scratch	 cs;

	check_scratch_init(&cs);
	for (size_t i = 0; i < e->policies.n; i++) {
		const struct policy *p = &e->policies.v[i];
		const char *file;
		int line;

		policy_where(e, p->name, &file, &line);
		if (engine_check(e, p, &cs, GOLIVE_CANARY_REJECT,
		    strlen(GOLIVE_CANARY_REJECT)) == -1)
			goto oom;
		if (cs.v.decision != DECISION_REJECT)
			diag_error(d, file, line,
			    "policy '%s' does not reject the canary \"%s\" (it "
			    "answers %s): run a rule set that rejects it in every "
			    "policy, like the shipped canary.conf", p->name,
			    GOLIVE_CANARY_REJECT, decision_name(cs.v.decision));
		for (size_t k = 0; k < NSAMPLES; k++) {
			const char *t = golive_samples[k];
			if (engine_check(e, p, &cs, t, strlen(t)) == -1)
				goto oom;
			if (cs.v.decision == DECISION_ACCEPT)
				continue;
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
			    "\"%s\" (it answers %s, because of %s)", p->name, t,
			    decision_name(cs.v.decision), rule);
			break;
		}
	}
	check_scratch_free(&cs);
	return;
oom:
	diag_error(d, NULL, 0, "out of memory checking policies");
	check_scratch_free(&cs);
}

size_t
golive_check(const struct engine *e, struct diag *d, bool warnings)
{
	size_t errors = d->errors;

	golive_runaway(e, d);
	if (warnings)
		golive_samples_warn(e, d);
	golive_canary(e, d);
	return d->errors - errors;
}
