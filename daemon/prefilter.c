#include "prefilter.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading a pattern for its required literals ---- */

/* A set of literals (one of which a match contains), or "unknown". */
struct aset {
	bool	 ok;
	char	**v;
	size_t	 n, cap;
};

/* The requirements of the top-level sequence, when the caller wants them
 * all (a match must satisfy every one of them). */
struct collect {
	struct aset	 v[16];
	size_t		 n;
};

struct pctx {
	const char		*p;
	prefilter_list_fn	*fn;
	void			*ctx;
	bool			 oom;
	bool			 bail;		/* a construct not understood */
};

static void
aset_free(struct aset *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

static void
aset_add(struct pctx *c, struct aset *a, const char *s, size_t len)
{
	if (a->n == a->cap) {
		size_t ncap = a->cap ? a->cap * 2 : 8;
		char **nv = realloc(a->v, ncap * sizeof(*nv));
		if (nv == NULL) {
			c->oom = true;
			return;
		}
		a->v = nv;
		a->cap = ncap;
	}
	char *d = malloc(len + 1);
	if (d == NULL) {
		c->oom = true;
		return;
	}
	for (size_t i = 0; i < len; i++)
		d[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	d[len] = '\0';
	a->v[a->n++] = d;
}

/* Move all of src into dst. */
static void
aset_merge(struct pctx *c, struct aset *dst, struct aset *src)
{
	for (size_t i = 0; i < src->n; i++)
		aset_add(c, dst, src->v[i], strlen(src->v[i]));
	aset_free(src);
}

/* How rare a literal is likely to be in comments: its length, except
 * that the commonest English words are found nearly everywhere. */
static size_t
rarity(const char *s)
{
	static const char *const common[] = { "a", "i", "u", "an", "and",
	    "are", "as", "at", "be", "but", "by", "do", "for", "from", "have",
	    "he", "her", "him", "his", "if", "in", "is", "it", "me", "my",
	    "no", "not", "of", "on", "or", "our", "she", "so", "that", "the",
	    "their", "them", "they", "this", "to", "was", "we", "were", "what",
	    "will", "with", "you", "your", NULL };

	char	 core[16];
	size_t	 n = 0;

	/* judge the letters: " are" and "'re" are as common as "are" */
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (n + 1 >= sizeof(core))
				return 16;
			core[n++] = (char)c;
		}
	}
	core[n] = '\0';
	for (size_t i = 0; common[i] != NULL; i++)
		if (strcmp(core, common[i]) == 0)
			return 1;
	return n;
}

/* A rough chance that a literal occurs somewhere in a comment: short
 * substrings are everywhere, common words nearly so. */
static double
chance(const char *s)
{
	size_t r = rarity(s);

	if (r <= 1)
		return r == 1 && strlen(s) > 1 ? 0.7 : 1.0;
	return r == 2 ? 0.3 : r == 3 ? 0.05 : r == 4 ? 0.01 : r == 5 ? 0.003 :
	    0.001;
}

/* The chance that any literal of the set occurs. */
static double
aset_chance(const struct aset *a)
{
	double p = 0;

	for (size_t i = 0; i < a->n && p < 1.0; i++)
		p += chance(a->v[i]);
	return p < 1.0 ? p : 1.0;
}

/* Better candidates are less likely to occur, then have fewer literals. */
static bool
aset_better(const struct aset *a, const struct aset *b)
{
	if (!b->ok)
		return a->ok;
	if (!a->ok)
		return false;
	double pa = aset_chance(a), pb = aset_chance(b);
	if (pa != pb)
		return pa < pb;
	return a->n < b->n;
}

/* Take cand as the sequence's requirement if it beats best; a collector
 * keeps a copy of every requirement. */
static void
consider(struct pctx *c, struct collect *all, struct aset *best,
    struct aset *cand)
{
	if (all != NULL && cand->ok && cand->n > 0 &&
	    all->n < sizeof(all->v) / sizeof(all->v[0])) {
		struct aset *k = &all->v[all->n++];
		memset(k, 0, sizeof(*k));
		k->ok = true;
		for (size_t i = 0; i < cand->n; i++)
			aset_add(c, k, cand->v[i], strlen(cand->v[i]));
	}
	if (cand->ok && cand->n > 0 && aset_better(cand, best)) {
		aset_free(best);
		*best = *cand;
		memset(cand, 0, sizeof(*cand));
	} else {
		aset_free(cand);
	}
}

/* Parse a quantifier at c->p; returns the minimum repeat count (1 when
 * there is none) and whether there was one. */
static unsigned
quantifier(struct pctx *c, bool *present)
{
	const char *p = c->p;
	unsigned min = 1;

	*present = true;
	if (*p == '?' || *p == '*') {
		min = 0;
		p++;
	} else if (*p == '+') {
		p++;
	} else if (*p == '{') {
		const char *q = p + 1;
		unsigned n = 0;
		bool digits = false;
		while (*q >= '0' && *q <= '9') {
			n = n * 10 + (unsigned)(*q - '0');
			if (n > 100000)
				n = 100000;
			q++;
			digits = true;
		}
		if (*q == ',') {
			q++;
			while (*q >= '0' && *q <= '9')
				q++;
		}
		if (!digits || *q != '}') {
			*present = false;	/* a literal '{' */
			return 1;
		}
		min = n;
		p = q + 1;
	} else {
		*present = false;
		return 1;
	}
	if (*p == '?' || *p == '+')	/* lazy or possessive */
		p++;
	c->p = p;
	return min;
}

static void parse_alt(struct pctx *c, struct aset *out);


static void
skip_class(struct pctx *c)
{
	const char *p = c->p + 1;	/* past '[' */

	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	while (*p != '\0' && *p != ']') {
		if (*p == '\\' && p[1] != '\0')
			p += 2;
		else if (*p == '[' && p[1] == ':') {
			const char *e = strstr(p + 2, ":]");
			p = e != NULL ? e + 2 : p + 1;
		} else
			p++;
	}
	c->p = *p == ']' ? p + 1 : p;
}

static bool
name_char(char ch)
{
	return ch == '_' || ch == '-' || (ch >= 'a' && ch <= 'z') ||
	    (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

/*
 * A sequence of items up to '|', ')' or the end. Returns in best the most
 * selective requirement of one of its mandatory items: a run of literal
 * characters, a group whose every branch has a requirement, or a list.
 */
static void
parse_seq(struct pctx *c, struct aset *best, struct collect *all)
{
	char	 run[256];
	size_t	 rn = 0;

	memset(best, 0, sizeof(*best));
	for (;;) {
		char ch = *c->p;
		struct aset item = { 0 };
		bool literal = false, present;
		char lit[4];
		size_t litlen = 0;

		if (ch == '\0' || ch == '|' || ch == ')')
			break;
		if (ch == '(') {
			c->p++;
			bool skip = false;
			if (c->p[0] == '*') {
				/* (*VERB) */
				while (*c->p != '\0' && *c->p != ')')
					c->p++;
				if (*c->p == ')')
					c->p++;
				continue;
			}
			if (c->p[0] == '?') {
				if (c->p[1] == ':') {
					c->p += 2;
				} else if (c->p[1] == '=' || c->p[1] == '!') {
					c->p += 2;
					skip = true;
				} else if (c->p[1] == '<' && (c->p[2] == '=' ||
				    c->p[2] == '!')) {
					c->p += 3;
					skip = true;
				} else if (c->p[1] == '<' || c->p[1] == 'P' ||
				    c->p[1] == '\'') {
					/* named group */
					while (*c->p != '\0' && *c->p != '>' &&
					    *c->p != '\'')
						c->p++;
					if (*c->p != '\0')
						c->p++;
				} else {
					/* flags, (?i) or (?i:...): flags alone
					 * are no item; a flagged group is
					 * parsed but not used */
					const char *q = c->p + 1;
					while (*q != '\0' && *q != ')' && *q != ':') {
						if (*q == 'x')
							c->bail = true;	/* spaces stop counting */
						q++;
					}
					if (*q == ')') {
						c->p = q + 1;
						continue;
					}
					c->p = *q == ':' ? q + 1 : q;
					skip = true;
				}
			}
			parse_alt(c, &item);
			if (*c->p == ')')
				c->p++;
			if (skip)
				aset_free(&item);
		} else if (ch == '[') {
			skip_class(c);
		} else if (ch == '\\') {
			char e = c->p[1];
			if (e == '\0') {
				c->p++;
				break;
			}
			c->p += 2;
			if ((e == 'p' || e == 'P' || e == 'x' || e == 'N' ||
			    e == 'g' || e == 'k' || e == 'o') && *c->p == '{') {
				while (*c->p != '\0' && *c->p != '}')
					c->p++;
				if (*c->p == '}')
					c->p++;
			} else if (e == 'Q') {
				const char *q = strstr(c->p, "\\E");
				c->p = q != NULL ? q + 2 : c->p + strlen(c->p);
			} else if (!((e >= 'a' && e <= 'z') ||
			    (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) &&
			    (unsigned char)e < 0x80) {
				literal = true;
				lit[0] = e;
				litlen = 1;
			}
		} else if (ch == '@' && name_char(c->p[1]) && c->p[1] != '-') {
			const char *name = c->p + 1, *end = name;
			while (name_char(*end))
				end++;
			char *const *words;
			size_t n;
			c->p = end;
			if (c->fn(c->ctx, name, (size_t)(end - name), &words,
			    &n) == 0 && n > 0) {
				item.ok = true;
				for (size_t i = 0; i < n; i++)
					aset_add(c, &item, words[i],
					    strlen(words[i]));
			}
		} else if (ch == '.' || ch == '^' || ch == '$') {
			c->p++;
		} else {
			/* one character, all of its UTF-8 bytes: a quantifier
			 * applies to the whole of it */
			unsigned char u = (unsigned char)ch;
			litlen = u < 0x80 ? 1 : u >= 0xf0 ? 4 : u >= 0xe0 ? 3 : 2;
			for (size_t i = 0; i < litlen; i++) {
				if (c->p[i] == '\0') {
					c->bail = true;
					litlen = i;
					break;
				}
				lit[i] = c->p[i];
			}
			c->p += litlen;
			literal = litlen > 0;
		}

		unsigned min = quantifier(c, &present);
		if (literal && min > 0 && rn + litlen <= sizeof(run)) {
			memcpy(run + rn, lit, litlen);
			rn += litlen;
			if (!present)
				continue;
		}
		/* anything else ends the literal run */
		if (rn > 0) {
			struct aset r = { .ok = true };
			aset_add(c, &r, run, rn);
			consider(c, all, best, &r);
			rn = 0;
		}
		if (!literal && min > 0)
			consider(c, all, best, &item);
		else
			aset_free(&item);
	}
	if (rn > 0) {
		struct aset r = { .ok = true };
		aset_add(c, &r, run, rn);
		consider(c, all, best, &r);
	}
}

/* Branches separated by '|': a requirement only if every branch has one. */
static void
parse_alt(struct pctx *c, struct aset *out)
{
	bool	 all = true;

	memset(out, 0, sizeof(*out));
	out->ok = true;
	for (;;) {
		struct aset s;
		parse_seq(c, &s, NULL);
		if (!s.ok || s.n == 0) {
			all = false;
			aset_free(&s);
		} else {
			aset_merge(c, out, &s);
		}
		if (*c->p != '|')
			break;
		c->p++;
	}
	if (!all || out->n == 0) {
		aset_free(out);
		out->ok = false;
	}
}

static int
atoms_add(struct prefilter_atoms *out, const char *s, unsigned set)
{
	char **nv = realloc(out->v, (out->n + 1) * sizeof(*nv));
	if (nv == NULL)
		return -1;
	out->v = nv;
	uint8_t *ns = realloc(out->set, out->n + 1);
	if (ns == NULL)
		return -1;
	out->set = ns;
	if ((out->v[out->n] = strdup(s)) == NULL)
		return -1;
	out->set[out->n++] = (uint8_t)set;
	return 0;
}

int
prefilter_analyze(const char *pattern, prefilter_list_fn *fn, void *ctx,
    struct prefilter_atoms *out)
{
	struct pctx	 c = { pattern, fn, ctx, false, false };
	struct collect	 all;
	struct aset	 a;
	int		 rc = 0;

	memset(out, 0, sizeof(*out));
	memset(&all, 0, sizeof(all));
	/* a plain sequence: every mandatory item is a requirement of its
	 * own, and a match needs them all */
	parse_seq(&c, &a, &all);
	if (*c.p == '\0' && !c.bail && !c.oom && a.ok && a.n > 0) {
		unsigned nsets = 0;
		bool used[16] = { false };
		/* the best first, then the other rare ones */
		for (unsigned k = 0; k < PREFILTER_MAX_SETS; k++) {
			size_t bi = all.n;
			for (size_t i = 0; i < all.n; i++) {
				/* a set found in most comments rules out little */
				if (used[i] || (k > 0 && aset_chance(&all.v[i]) > 0.5))
					continue;
				if (bi == all.n || aset_better(&all.v[i], &all.v[bi]))
					bi = i;
			}
			if (bi == all.n)
				break;
			used[bi] = true;
			for (size_t i = 0; i < all.v[bi].n; i++)
				if (atoms_add(out, all.v[bi].v[i], nsets) == -1)
					c.oom = true;
			nsets++;
		}
		out->nsets = nsets;
		rc = c.oom ? -1 : 1;
		goto done;
	}
	/* branches: a match needs one literal of some branch */
	aset_free(&a);
	for (size_t i = 0; i < all.n; i++)
		aset_free(&all.v[i]);
	memset(&all, 0, sizeof(all));
	c.p = pattern;
	c.bail = false;
	parse_alt(&c, &a);
	if (c.oom) {
		rc = -1;
		goto done;
	}
	/* trailing ')' without '(' and the like: trust nothing */
	if (*c.p != '\0' || !a.ok || c.bail)
		goto done;
	for (size_t i = 0; i < a.n; i++)
		if (a.v[i][0] == '\0')
			goto done;
	for (size_t i = 0; i < a.n; i++)
		if (atoms_add(out, a.v[i], 0) == -1)
			c.oom = true;
	out->nsets = 1;
	rc = c.oom ? -1 : 1;
done:
	aset_free(&a);
	for (size_t i = 0; i < all.n; i++)
		aset_free(&all.v[i]);
	if (rc != 1)
		prefilter_atoms_free(out);
	return rc;
}

void
prefilter_atoms_free(struct prefilter_atoms *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	free(a->set);
	memset(a, 0, sizeof(*a));
}

/* ---- the automaton ---- */

struct pf_node {
	uint32_t	 child, sibling;	/* first child, next sibling (0 none) */
	uint32_t	 out;			/* index + 1 into outs, 0 none */
	uint8_t		 byte;
};

struct pf_out {
	uint32_t	 rule;
	uint32_t	 next;			/* index + 1, 0 ends */
	uint8_t		 bit;
};

struct prefilter {
	/* construction */
	struct pf_node	*nodes;
	size_t		 nnodes, nodes_cap;
	struct pf_out	*outs;
	size_t		 nouts, outs_cap;
	/* compiled: dense transitions over byte classes */
	uint8_t		 cls[256];
	unsigned	 nclasses;
	uint32_t	*delta;		/* [state * nclasses + class] */
	uint32_t	*report;	/* per state: first state of its output chain + 1 */
	uint32_t	*dict;		/* per state: next state with outputs + 1 */
};

static uint8_t
fold_byte(uint8_t b)
{
	return b >= 'A' && b <= 'Z' ? (uint8_t)(b + 32) : b;
}

struct prefilter *
prefilter_new(void)
{
	struct prefilter *pf = calloc(1, sizeof(*pf));

	if (pf == NULL)
		return NULL;
	if ((pf->nodes = calloc(64, sizeof(*pf->nodes))) == NULL) {
		free(pf);
		return NULL;
	}
	pf->nodes_cap = 64;
	pf->nnodes = 1;		/* the root */
	return pf;
}

void
prefilter_free(struct prefilter *pf)
{
	if (pf == NULL)
		return;
	free(pf->nodes);
	free(pf->outs);
	free(pf->delta);
	free(pf->report);
	free(pf->dict);
	free(pf);
}

static uint32_t
pf_child(struct prefilter *pf, uint32_t n, uint8_t b, bool create)
{
	for (uint32_t c = pf->nodes[n].child; c != 0; c = pf->nodes[c].sibling)
		if (pf->nodes[c].byte == b)
			return c;
	if (!create)
		return 0;
	if (pf->nnodes == pf->nodes_cap) {
		struct pf_node *nn = realloc(pf->nodes,
		    pf->nodes_cap * 2 * sizeof(*nn));
		if (nn == NULL)
			return 0;
		pf->nodes = nn;
		pf->nodes_cap *= 2;
	}
	uint32_t c = (uint32_t)pf->nnodes++;
	memset(&pf->nodes[c], 0, sizeof(pf->nodes[c]));
	pf->nodes[c].byte = b;
	pf->nodes[c].sibling = pf->nodes[n].child;
	pf->nodes[n].child = c;
	return c;
}

int
prefilter_add(struct prefilter *pf, const char *atom, uint32_t rule,
    unsigned set)
{
	uint32_t n = 0;

	if (atom[0] == '\0')
		return -1;
	for (const char *p = atom; *p != '\0'; p++)
		if ((n = pf_child(pf, n, fold_byte((uint8_t)*p), true)) == 0)
			return -1;
	uint8_t bit = (uint8_t)(1u << set);
	/* one output per rule, set and state is enough */
	for (uint32_t o = pf->nodes[n].out; o != 0; o = pf->outs[o - 1].next)
		if (pf->outs[o - 1].rule == rule && pf->outs[o - 1].bit == bit)
			return 0;
	if (pf->nouts == pf->outs_cap) {
		size_t ncap = pf->outs_cap ? pf->outs_cap * 2 : 64;
		struct pf_out *no = realloc(pf->outs, ncap * sizeof(*no));
		if (no == NULL)
			return -1;
		pf->outs = no;
		pf->outs_cap = ncap;
	}
	pf->outs[pf->nouts].rule = rule;
	pf->outs[pf->nouts].bit = bit;
	pf->outs[pf->nouts].next = pf->nodes[n].out;
	pf->nodes[n].out = (uint32_t)++pf->nouts;
	return 0;
}

int
prefilter_compile(struct prefilter *pf)
{
	size_t		 n = pf->nnodes;
	uint32_t	*fail = NULL, *queue = NULL;
	int		 rc = -1;

	/* every byte used by a literal gets a class; the rest share 0 */
	memset(pf->cls, 0, sizeof(pf->cls));
	pf->nclasses = 1;
	for (size_t i = 1; i < n; i++) {
		uint8_t b = pf->nodes[i].byte;
		if (pf->cls[b] == 0)
			pf->cls[b] = (uint8_t)pf->nclasses++;
		if (pf->nclasses > 255)
			return -1;
	}
	for (int b = 'A'; b <= 'Z'; b++)
		pf->cls[b] = pf->cls[b + 32];
	unsigned k = pf->nclasses;
	pf->delta = calloc(n * k, sizeof(uint32_t));
	pf->report = calloc(n, sizeof(uint32_t));
	pf->dict = calloc(n, sizeof(uint32_t));
	fail = calloc(n, sizeof(uint32_t));
	queue = calloc(n, sizeof(uint32_t));
	if (pf->delta == NULL || pf->report == NULL || pf->dict == NULL ||
	    fail == NULL || queue == NULL)
		goto out;

	/* breadth first: a node's fail state is known before its children */
	size_t head = 0, tail = 0;
	for (uint32_t c = pf->nodes[0].child; c != 0; c = pf->nodes[c].sibling) {
		pf->delta[pf->cls[pf->nodes[c].byte]] = c;
		fail[c] = 0;
		queue[tail++] = c;
	}
	while (head < tail) {
		uint32_t s = queue[head++];
		/* transitions: own children, else those of the fail state */
		for (unsigned cl = 0; cl < k; cl++)
			pf->delta[s * k + cl] = pf->delta[fail[s] * k + cl];
		for (uint32_t c = pf->nodes[s].child; c != 0;
		    c = pf->nodes[c].sibling) {
			unsigned cl = pf->cls[pf->nodes[c].byte];
			fail[c] = pf->delta[fail[s] * k + cl];
			pf->delta[s * k + cl] = c;
			queue[tail++] = c;
		}
	}
	/* output chains: a state reports its own literals, then those of
	 * the nearest state along its fail chain that has any */
	for (size_t i = 0; i < tail; i++) {
		uint32_t s = queue[i], f = fail[s];
		pf->dict[s] = pf->nodes[f].out != 0 ? f + 1 : pf->dict[f];
		pf->report[s] = pf->nodes[s].out != 0 ? s + 1 : pf->dict[s];
	}
	rc = 0;
out:
	free(fail);
	free(queue);
	return rc;
}

void
prefilter_scan(const struct prefilter *pf, const char *text, size_t len,
    uint8_t *may)
{
	const uint8_t	*t = (const uint8_t *)text;
	const uint32_t	*delta = pf->delta;
	unsigned	 k = pf->nclasses;
	uint32_t	 s = 0;

	for (size_t i = 0; i < len; i++) {
		s = delta[s * k + pf->cls[t[i]]];
		for (uint32_t r = pf->report[s]; r != 0; r = pf->dict[r - 1]) {
			for (uint32_t o = pf->nodes[r - 1].out; o != 0;
			    o = pf->outs[o - 1].next)
				may[pf->outs[o - 1].rule] |= pf->outs[o - 1].bit;
		}
	}
}
