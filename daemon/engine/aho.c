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

/* A literal as the scan sees it: its spelling ends at a state, and the
 * regexes that need it (set bits, kept per literal so that a literal
 * many regexes share costs one write each time it is seen) and those
 * it is a head of (whose places the scan keeps). */
struct pf_lit {
	uint32_t	 id;
	uint32_t	 set0, set1;		/* [set0, set1) of sets */
	uint32_t	 head0, head1;		/* [head0, head1) of heads */
	uint16_t	 len;
	uint8_t		 flags;			/* PREFILTER_WORD_* */
};

struct pf_set {
	uint32_t	 rule, bit;
};

/* A transition's flags: the state it enters reports literals that end
 * there (DELTA_ARRIVE), and the state it leaves had literals needing a
 * \b after them that the byte read gives (DELTA_LEAVE). */
#define DELTA_ARRIVE	0x80000000u
#define DELTA_LEAVE	0x40000000u
#define DELTA_ROW	0x3fffffffu

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
	 * row), with DELTA_ARRIVE and DELTA_LEAVE */
	uint32_t	*delta;
	/* row / nclasses, as a multiply: a row is a state times nclasses,
	 * and for such a row (row * kinv) >> 32 is exact (nclasses < 256,
	 * states < 2^24) where a divide would stall the scan */
	uint64_t	 kinv;
	/* the bytes that leave the root; when they are few (the canary's
	 * one literal), the scan skips from the root to the next of them
	 * without walking the table */
	bool		 leaves_root[256];
	bool		 sparse;
	/* what state s reports: its literals and those along its fail
	 * chain, side by side in flat[first[2s] .. first[2s + 2]); those
	 * from first[2s + 1] on need a \b after them, which the next byte
	 * (or the end of the text) decides */
	uint32_t	*first;
	struct pf_lit	*flat;
	/* each literal once, by id, and what it sets */
	struct pf_lit	*lits;
	size_t		 nlits;
	struct pf_set	*sets;
	uint32_t	*heads;			/* rules */
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
	free(pf->lits);
	free(pf->sets);
	free(pf->heads);
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

/* A literal l that state s reports, when s spells more than l: the byte
 * before l is then known, and so is its \b at the start. false: it never
 * holds here, and s need not report l; else l goes on, with the start
 * judged already when it could be. */
static bool
start_known(const struct prefilter *pf, const uint32_t *parent,
    const uint16_t *depth, uint32_t s, struct pf_lit *l)
{
	if (!(l->flags & PREFILTER_WORD_START) || depth[s] <= l->len)
		return true;
	uint32_t first = s;
	for (unsigned k = 1; k < l->len; k++)
		first = parent[first];
	int a = word_class[pf->nodes[parent[first]].byte];
	int b = word_class[pf->nodes[first].byte];
	if (a != 2 && b != 2 && a == b)
		return false;
	l->flags &= (uint8_t)~PREFILTER_WORD_START;
	return true;
}

/* Number the literals (a state's outputs of one flags) and lay out
 * what each state reports: the literals of the states along its output
 * chain, side by side, so the scan reads them without following links.
 * Along one chain every state has its own depth, so a state's literals
 * differ in length or flags: each one's word boundaries are judged once. */
static int
pf_literals(struct prefilter *pf, const uint32_t *report, const uint32_t *dict)
{
	size_t		 n = pf->nnodes, nsets = 0, nheads = 0;
	uint32_t	*lit0 = calloc(n + 1, sizeof(uint32_t));
	uint32_t	*parent = calloc(n + 1, sizeof(uint32_t));
	uint16_t	*depth = calloc(n + 1, sizeof(uint16_t));
	int		 rc = -1;

	pf->lits = calloc(pf->nouts + 1, sizeof(*pf->lits));
	pf->sets = calloc(pf->nouts + 1, sizeof(*pf->sets));
	pf->heads = calloc(pf->nouts + 1, sizeof(*pf->heads));
	if (lit0 == NULL || parent == NULL || depth == NULL ||
	    pf->lits == NULL || pf->sets == NULL || pf->heads == NULL)
		goto out;
	/* children are made after their parents */
	for (uint32_t s = 0; s < n; s++)
		for (uint32_t c = pf->nodes[s].child; c != 0;
		    c = pf->nodes[c].sibling) {
			parent[c] = s;
			depth[c] = (uint16_t)(depth[s] + 1);
		}
	pf->nlits = 0;
	for (size_t s = 0; s < n; s++) {
		lit0[s] = (uint32_t)pf->nlits;
		for (unsigned fl = 0; fl <= (PREFILTER_WORD_START |
		    PREFILTER_WORD_END); fl++) {
			struct pf_lit l = { .id = (uint32_t)pf->nlits,
			    .flags = (uint8_t)fl };
			bool any = false;
			l.set0 = l.set1 = (uint32_t)nsets;
			l.head0 = l.head1 = (uint32_t)nheads;
			for (uint32_t o = pf->nodes[s].out; o != 0;
			    o = pf->outs[o - 1].next) {
				const struct pf_out *po = &pf->outs[o - 1];
				if (po->flags != fl)
					continue;
				any = true;
				l.len = po->len;
				if (po->bit != 0)
					pf->sets[nsets++] = (struct pf_set){
					    po->rule, po->bit };
				else
					pf->heads[nheads++] = po->rule;
			}
			l.set1 = (uint32_t)nsets;
			l.head1 = (uint32_t)nheads;
			if (any)
				pf->lits[pf->nlits++] = l;
		}
	}
	lit0[n] = (uint32_t)pf->nlits;
	size_t nflat = 0;
	for (int pass = 0; pass < 2; pass++) {
		nflat = 0;
		for (size_t s = 0; s < 2 * n; s++) {
			bool end = s % 2 == 1;
			if (pass == 1)
				pf->first[s] = (uint32_t)nflat;
			for (uint32_t r = report[s / 2]; r != 0; r = dict[r - 1])
				for (uint32_t id = lit0[r - 1]; id < lit0[r];
				    id++) {
					struct pf_lit l = pf->lits[id];
					if (!(l.flags & PREFILTER_WORD_END) != !end ||
					    !start_known(pf, parent, depth,
					    (uint32_t)(s / 2), &l))
						continue;
					if (pass == 1)
						pf->flat[nflat] = l;
					nflat++;
				}
		}
		if (pass == 0 && nflat > UINT32_MAX)
			goto out;
		if (pass == 0 && (pf->flat = calloc(nflat + 1,
		    sizeof(*pf->flat))) == NULL)
			goto out;
	}
	pf->first[2 * n] = (uint32_t)nflat;
	rc = 0;
out:
	free(lit0);
	free(parent);
	free(depth);
	return rc;
}

int
prefilter_compile(struct prefilter *pf)
{
	size_t		 n = pf->nnodes;
	uint32_t	*fail = NULL, *queue = NULL, *report = NULL, *dict = NULL;
	int		 rc = -1;

	/* every byte used by a literal gets a class; the rest share three,
	 * by what a \b makes of them (word_class), so that every class says
	 * whether a word ends before it: 0 for the ASCII non-word ones */
	uint8_t wc[256];
	memset(pf->cls, 0, sizeof(pf->cls));
	pf->nclasses = 3;
	for (size_t i = 1; i < n; i++) {
		uint8_t b = pf->nodes[i].byte;
		if (pf->cls[b] == 0)
			pf->cls[b] = (uint8_t)pf->nclasses++;
		if (pf->nclasses > 255)
			return -1;
	}
	for (unsigned b = 0; b < 256; b++)
		if (pf->cls[b] == 0 && !(b >= 'A' && b <= 'Z'))
			pf->cls[b] = word_class[b];
	for (int b = 'A'; b <= 'Z'; b++)
		pf->cls[b] = pf->cls[b + 32];
	for (unsigned b = 0; b < 256; b++)
		wc[pf->cls[b]] = word_class[b];
	unsigned k = pf->nclasses;
	pf->delta = calloc(n * k, sizeof(uint32_t));
	pf->first = calloc(2 * n + 1, sizeof(uint32_t));
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
	if (pf_literals(pf, report, dict) == -1)
		goto out;
	/* the scan then takes one load per byte, and looks at the reports
	 * only where there are some */
	if ((uint64_t)n * k > DELTA_ROW || n >= (1u << 24))
		goto out;
	pf->kinv = ((UINT64_C(1) << 32) + k - 1) / k;
	unsigned nleave = 0;
	for (unsigned b = 0; b < 256; b++) {
		pf->leaves_root[b] = pf->delta[pf->cls[b]] != 0;
		nleave += pf->leaves_root[b];
	}
	pf->sparse = nleave <= 8;
	for (size_t s = 0; s < n; s++) {
		/* the \b after s's literals, by the class read next: they
		 * all end in s's own byte */
		bool ends = pf->first[2 * s + 1] != pf->first[2 * s + 2];
		int last = word_class[pf->nodes[s].byte];
		for (unsigned cl = 0; cl < k; cl++) {
			uint32_t to = pf->delta[s * k + cl];
			bool bound = last == 2 || wc[cl] == 2 || last != wc[cl];
			pf->delta[s * k + cl] = to * k |
			    (pf->first[2 * to] != pf->first[2 * to + 1] ?
			    DELTA_ARRIVE : 0) | (ends && bound ? DELTA_LEAVE : 0);
		}
	}
	rc = 0;
out:
	free(fail);
	free(queue);
	free(report);
	free(dict);
	return rc;
}

bool
prefilter_sparse(const struct prefilter *pf)
{
	return pf->sparse;
}

int
prefilter_scratch_reserve(struct prefilter_scratch *sc,
    const struct prefilter *pf)
{
	if (pf->nlits <= sc->cap)
		return 0;
	uint32_t *last = calloc(pf->nlits, sizeof(*last));
	uint32_t *seen = calloc(pf->nlits, sizeof(*seen));
	if (last == NULL || seen == NULL) {
		free(last);
		free(seen);
		return -1;
	}
	prefilter_scratch_free(sc);
	sc->last = last;
	sc->seen = seen;
	sc->cap = pf->nlits;
	return 0;
}

void
prefilter_scratch_free(struct prefilter_scratch *sc)
{
	free(sc->last);
	free(sc->seen);
	memset(sc, 0, sizeof(*sc));
}

/* A scan under way: where in the automaton it is, and the literals it
 * has seen (their places in sc). */
struct chain {
	const struct prefilter	*pf;
	const uint8_t		*t;
	size_t			 len;
	uint32_t		 row;
	size_t			 nseen;
	struct prefilter_scratch *sc;
};

/* Record the literals of flat[from, to) that end at i, where the \b
 * before them holds (the one after them does, when they need it). */
static inline void
chain_report(struct chain *c, uint32_t from, uint32_t to, size_t i,
    struct prefilter_found *found)
{
	const struct prefilter *pf = c->pf;

	for (uint32_t o = from; o < to; o++) {
		const struct pf_lit *l = &pf->flat[o];
		if ((l->flags & PREFILTER_WORD_START) &&
		    !boundary(c->t, c->len, i + 1 - l->len))
			continue;
		uint32_t at = (uint32_t)(i + 2 - l->len);
		if (l->set1 != l->set0) {
			if (c->sc->last[l->id] == 0)
				c->sc->seen[c->nseen++] = l->id;
			c->sc->last[l->id] = at;
		}
		for (uint32_t h = l->head0; h < l->head1; h++) {
			struct prefilter_found *f = &found[pf->heads[h]];
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

static inline uint32_t
chain_state(const struct chain *c)
{
	return (uint32_t)((c->row * c->pf->kinv) >> 32);
}

/* One step: the byte at i moves the scan on. It tells whether a word
 * ended before it, for the literals of the state left that ended at
 * i - 1, and the state entered reports those ending at i. */
static inline void
chain_step(struct chain *c, size_t i, struct prefilter_found *found)
{
	const struct prefilter *pf = c->pf;
	uint32_t x = pf->delta[c->row + pf->cls[c->t[i]]];

	if (x & DELTA_LEAVE) {
		uint32_t s = chain_state(c);
		chain_report(c, pf->first[2 * s + 1], pf->first[2 * s + 2],
		    i - 1, found);
	}
	c->row = x & DELTA_ROW;
	if (x & DELTA_ARRIVE) {
		uint32_t s = chain_state(c);
		chain_report(c, pf->first[2 * s], pf->first[2 * s + 1], i,
		    found);
	}
}

/* The end of the text ends a word: the literals of the last state that
 * needed a \b after them have it. Then each literal seen, once, for
 * every regex that needs it. */
static void
chain_finish(struct chain *c, struct prefilter_found *found)
{
	const struct prefilter *pf = c->pf;
	uint32_t s = chain_state(c);

	if (c->len > 0)
		chain_report(c, pf->first[2 * s + 1], pf->first[2 * s + 2],
		    c->len - 1, found);

	for (size_t j = 0; j < c->nseen; j++) {
		const struct pf_lit *l = &pf->lits[c->sc->seen[j]];
		uint32_t at = c->sc->last[l->id];
		c->sc->last[l->id] = 0;
		for (uint32_t o = l->set0; o < l->set1; o++) {
			struct prefilter_found *f = &found[pf->sets[o].rule];
			f->may |= pf->sets[o].bit;
			if (at > f->lastlit)
				f->lastlit = at;
		}
	}
}

void
prefilter_scan(const struct prefilter *pf, const char *text, size_t len,
    struct prefilter_found *found, struct prefilter_scratch *sc)
{
	struct chain c = { pf, (const uint8_t *)text, len, 0, 0, sc };

	for (size_t i = 0; i < len; i++) {
		if (c.row == 0 && pf->sparse) {
			while (i < len && !pf->leaves_root[c.t[i]])
				i++;
			if (i == len)
				break;
		}
		chain_step(&c, i, found);
	}
	chain_finish(&c, found);
}

/* The scan is a chain of loads, each waiting for the one before: texts
 * scanned side by side keep as many loads in flight. */
void
prefilter_scan_many(const struct prefilter_job *jobs, size_t n,
    struct prefilter_found *found)
{
	for (size_t b = 0; b < n; b += PREFILTER_MAX_JOBS) {
		struct chain	c[PREFILTER_MAX_JOBS];
		size_t		m = n - b < PREFILTER_MAX_JOBS ? n - b :
				    PREFILTER_MAX_JOBS, longest = 0;

		for (size_t k = 0; k < m; k++) {
			const struct prefilter_job *j = &jobs[b + k];
			c[k] = (struct chain){ j->pf, (const uint8_t *)j->text,
			    j->len, 0, 0, j->sc };
			if (j->len > longest)
				longest = j->len;
		}
		for (size_t i = 0; i < longest; i++)
			for (size_t k = 0; k < m; k++)
				if (i < c[k].len)
					chain_step(&c[k], i, found);
		for (size_t k = 0; k < m; k++)
			chain_finish(&c[k], found);
	}
}
