/* aho: the prefilter's automaton. Aho-Corasick over the literals of the
 * regexes reading one view, ASCII case folded, compiled to a dense table
 * over byte classes; one pass over a view records, per regex, which of
 * its literal sets occur and where its heads start (prefilter.h). */
#include "prefilter.h"

#include <stdlib.h>
#include <string.h>

/* ---- the automaton ---- */

struct pf_node {
	uint32_t	 child, sibling;	/* first child, next sibling (0 none) */
	uint32_t	 out;			/* index + 1 into outs, 0 none */
	uint8_t		 byte;
};

struct pf_out {
	uint32_t	 rule;
	uint32_t	 next;			/* index + 1, 0 ends */
	uint32_t	 bit;			/* 0: a head */
	uint16_t	 len;			/* of the literal */
	uint8_t		 flags;			/* PREFILTER_WORD_* */
};

#define DELTA_REPORTS	0x80000000u

struct prefilter {
	/* construction */
	struct pf_node	*nodes;
	size_t		 nnodes, nodes_cap;
	struct pf_out	*outs;
	size_t		 nouts, outs_cap;
	/* compiled: dense transitions over byte classes */
	uint8_t		 cls[256];
	unsigned	 nclasses;
	/* [state * nclasses + class]: the next state times nclasses (its
	 * row), with DELTA_REPORTS set when it reports anything */
	uint32_t	*delta;
	/* what state s reports: its literals and those along its fail
	 * chain, side by side in flat[first[s] .. first[s + 1]) */
	uint32_t	*first;
	struct pf_out	*flat;
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
	free(pf->first);
	free(pf->flat);
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
prefilter_add(struct prefilter *pf, const char *atom, uint8_t flags,
    uint32_t rule, unsigned set)
{
	uint32_t n = 0;
	size_t len = strlen(atom);

	if (len == 0 || len > UINT16_MAX ||
	    (set >= PREFILTER_MAX_SETS && set != PREFILTER_HEAD))
		return -1;
	for (const char *p = atom; *p != '\0'; p++)
		if ((n = pf_child(pf, n, fold_byte((uint8_t)*p), true)) == 0)
			return -1;
	uint32_t bit = set == PREFILTER_HEAD ? 0 : (uint32_t)1 << set;
	/* one output per rule, set, flags and state is enough */
	for (uint32_t o = pf->nodes[n].out; o != 0; o = pf->outs[o - 1].next)
		if (pf->outs[o - 1].rule == rule && pf->outs[o - 1].bit == bit &&
		    pf->outs[o - 1].flags == flags)
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
	pf->outs[pf->nouts].len = (uint16_t)len;
	pf->outs[pf->nouts].flags = flags;
	pf->outs[pf->nouts].next = pf->nodes[n].out;
	pf->nodes[n].out = (uint32_t)++pf->nouts;
	return 0;
}

/* Reports of one literal (same length and flags) next to each other. */
static int
out_order(const void *a, const void *b)
{
	const struct pf_out *x = a, *y = b;

	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (x->flags != y->flags)
		return x->flags < y->flags ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

int
prefilter_compile(struct prefilter *pf)
{
	size_t		 n = pf->nnodes;
	uint32_t	*fail = NULL, *queue = NULL, *report = NULL, *dict = NULL;
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
	pf->first = calloc(n + 1, sizeof(uint32_t));
	report = calloc(n, sizeof(uint32_t));
	dict = calloc(n, sizeof(uint32_t));
	fail = calloc(n, sizeof(uint32_t));
	queue = calloc(n, sizeof(uint32_t));
	if (pf->delta == NULL || pf->first == NULL || report == NULL ||
	    dict == NULL || fail == NULL || queue == NULL)
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
		dict[s] = pf->nodes[f].out != 0 ? f + 1 : dict[f];
		report[s] = pf->nodes[s].out != 0 ? s + 1 : dict[s];
	}
	/* laid out flat, the scan reads them without following links */
	size_t nflat = 0;
	for (int pass = 0; pass < 2; pass++) {
		nflat = 0;
		for (size_t s = 0; s < n; s++) {
			if (pass == 1)
				pf->first[s] = (uint32_t)nflat;
			for (uint32_t r = report[s]; r != 0; r = dict[r - 1])
				for (uint32_t o = pf->nodes[r - 1].out; o != 0;
				    o = pf->outs[o - 1].next) {
					if (pass == 1)
						pf->flat[nflat] = pf->outs[o - 1];
					nflat++;
				}
		}
		if (pass == 0 && nflat > UINT32_MAX)
			goto out;
		if (pass == 0 && (pf->flat = calloc(nflat + 1,
		    sizeof(*pf->flat))) == NULL)
			goto out;
	}
	pf->first[n] = (uint32_t)nflat;
	/* a state's reports of one literal (several regexes need it) side
	 * by side: the scan judges its word boundaries once */
	for (size_t s = 0; s < n; s++)
		qsort(pf->flat + pf->first[s], pf->first[s + 1] - pf->first[s],
		    sizeof(*pf->flat), out_order);
	/* the scan then takes one load per byte, and looks at the reports
	 * only where there are some */
	if ((uint64_t)n * k > DELTA_REPORTS)
		goto out;
	for (size_t i = 0; i < n * k; i++) {
		uint32_t to = pf->delta[i];
		pf->delta[i] = to * k |
		    (pf->first[to] != pf->first[to + 1] ? DELTA_REPORTS : 0);
	}
	rc = 0;
out:
	free(fail);
	free(queue);
	free(report);
	free(dict);
	return rc;
}

/* Word characters for \b, ASCII only: 1 word, 0 not, 2 not judged (a
 * byte of a multibyte character: PCRE2 would look at the whole of it). */
static const uint8_t word_class[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['_'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
	[0x80] = 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/* Could a \b hold at pos of t? Yes unless both neighbours are ASCII
 * (or the edge of the text) of the same kind. */
static inline bool
boundary(const uint8_t *t, size_t len, size_t pos)
{
	int a = pos == 0 ? 0 : word_class[t[pos - 1]];
	int b = pos == len ? 0 : word_class[t[pos]];

	return a == 2 || b == 2 || a != b;
}

void
prefilter_scan(const struct prefilter *pf, const char *text, size_t len,
    struct prefilter_found *found)
{
	const uint8_t	*t = (const uint8_t *)text;
	const uint32_t	*delta = pf->delta;
	unsigned	 k = pf->nclasses;
	uint32_t	 row = 0;

	for (size_t i = 0; i < len; i++) {
		uint32_t x = delta[row + pf->cls[t[i]]];
		row = x & ~DELTA_REPORTS;
		if (!(x & DELTA_REPORTS))
			continue;
		uint32_t s = row / k;
		uint16_t plen = 0;
		uint8_t pflags = 0;
		bool ok = true;
		for (uint32_t o = pf->first[s]; o < pf->first[s + 1]; o++) {
			const struct pf_out *po = &pf->flat[o];
			if (po->len != plen || po->flags != pflags) {
				plen = po->len;
				pflags = po->flags;
				ok = (!(pflags & PREFILTER_WORD_START) ||
				    boundary(t, len, i + 1 - plen)) &&
				    (!(pflags & PREFILTER_WORD_END) ||
				    boundary(t, len, i + 1));
			}
			if (!ok)
				continue;
			struct prefilter_found *f = &found[po->rule];
			uint32_t at = (uint32_t)(i + 2 - po->len);
			if (po->bit != 0) {
				f->may |= po->bit;
				if (at > f->lastlit)
					f->lastlit = at;
				continue;
			}
			if (f->first == 0 || at < f->first)
				f->first = at;
			if (at > f->last)
				f->last = at;
			if (f->nat < PREFILTER_HEADS_MAX)
				f->at[f->nat] = at;
			if (f->nat <= PREFILTER_HEADS_MAX)
				f->nat++;
		}
	}
}
