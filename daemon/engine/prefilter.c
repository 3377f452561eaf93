/* prefilter: which literals a regex needs. A pattern (read by
 * resyntax.c) is a formula of literal sets; this module keeps the
 * formula's algebra, and chooses from it the few rare literals the
 * automaton (aho.c) looks for. */
#include "prefilter.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "prefilter_int.h"

enum ctx
ctx_meet(enum ctx a, enum ctx b)
{
	return a == b ? a : CTX_NONE;
}

bool
pf_ascii_word(unsigned char ch)
{
	return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9');
}

/* Where a literal between contexts before and after needs a \b. Beside
 * a non-word neighbour only a literal with a word character at that end
 * has one; non-ASCII characters are not judged. */
uint8_t
pf_lit_flags(const char *s, size_t len, enum ctx before, enum ctx after)
{
	uint8_t f = 0;

	if (len == 0)
		return 0;
	if (before == CTX_BOUND || (before == CTX_NONWORD &&
	    pf_ascii_word((unsigned char)s[0])))
		f |= PREFILTER_WORD_START;
	if (after == CTX_BOUND || (after == CTX_NONWORD &&
	    pf_ascii_word((unsigned char)s[len - 1])))
		f |= PREFILTER_WORD_END;
	return f;
}

static int
cmp_word(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Is core one of the commonest English words? */
static bool
common_word(const char *core)
{
	static const char *const common[] = { "a", "about", "all", "also",
	    "an", "and", "any", "are", "as", "at", "back", "be", "been", "but",
	    "by", "can", "come", "could", "did", "do", "does", "even", "every",
	    "for", "from", "get", "go", "going", "good", "had", "has", "have",
	    "he", "her", "here", "him", "his", "how", "i", "if", "in", "is",
	    "it", "just", "know", "like", "look", "make", "many", "may", "me",
	    "more", "most", "much", "must", "my", "need", "never", "no", "not",
	    "now", "of", "on", "one", "only", "or", "other", "our", "out",
	    "over", "people", "really", "right", "s", "said", "say", "see",
	    "she", "should", "so", "some", "take", "than", "that", "the",
	    "their", "them", "then", "there", "these", "they", "think", "this",
	    "those", "time", "to", "too", "u", "up", "us", "very", "want",
	    "was", "way", "we", "well", "were", "what", "when", "where", "who",
	    "why", "will", "with", "would", "you", "your" };

	return bsearch(&core, common, sizeof(common) / sizeof(common[0]),
	    sizeof(common[0]), cmp_word) != NULL;
}

/* A rough chance that a literal occurs somewhere in a comment, judged by
 * its letters: short ones are everywhere, common words nearly so; a word
 * boundary makes a short one rarer ("ass" is in "class", not "\\bass\\b"),
 * and so does a symbol comments seldom use ("f*"). */
double
pf_chance(const struct lit *l)
{
	const char	*s = l->s;
	size_t		 len = strlen(s), n = 0;
	char		 core[8];
	bool		 start = (l->f & PREFILTER_WORD_START) != 0,
			 end = (l->f & PREFILTER_WORD_END) != 0;
	double		 p;

	/* " are" and "'re" are as common as "are" */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (n + 1 < sizeof(core))
				core[n] = (char)c;
			n++;
		}
	}
	core[n < sizeof(core) ? n : sizeof(core) - 1] = '\0';
	/* a non-word character inside the literal bounds its letters too */
	if (len > 1 && (unsigned char)s[0] < 0x80 && !pf_ascii_word((unsigned char)s[0]))
		start = true;
	if (len > 1 && (unsigned char)s[len - 1] < 0x80 &&
	    !pf_ascii_word((unsigned char)s[len - 1]))
		end = true;
	int ends = start + end;
	if (n == 0)
		p = 1.0;
	else if (n == 1) {
		/* a letter on its own is rare, but for a, i, u and what
		 * follows an apostrophe (it's, don't, i'm, i'd) */
		if (ends == 0)
			p = 1.0;
		else if (strchr("aiustdm", core[0]) != NULL)
			p = 0.7;
		else
			p = ends == 2 ? 0.02 : 0.2;
	} else if (n < sizeof(core) && common_word(core))
		p = 0.7;
	else if (n == 2)
		p = ends == 2 ? 0.1 : ends == 1 ? 0.2 : 0.3;
	else if (n == 3)
		p = ends == 2 ? 0.02 : ends == 1 ? 0.03 : 0.05;
	else if (n == 4)
		p = ends > 0 ? 0.005 : 0.01;
	else
		p = n == 5 ? 0.003 : 0.001;
	if (strpbrk(s, "*#@%$^~=+<>[]{}|\\") != NULL)
		p *= 0.05;
	return p;
}

struct aset *
aset_new(struct pctx *c)
{
	struct aset *a = calloc(1, sizeof(*a));

	if (a == NULL)
		c->oom = true;
	else {
		a->refs = 1;
		a->p = -1;
	}
	return a;
}

struct aset *
aset_ref(struct aset *a)
{
	a->refs++;
	return a;
}

void
aset_unref(struct aset *a)
{
	if (a == NULL || --a->refs > 0)
		return;
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i].s);
	free(a->v);
	free(a);
}

static int
lit_cmp(const char *s, uint8_t f, const struct lit *l)
{
	int d = strcmp(s, l->s);

	return d != 0 ? d : (int)f - (int)l->f;
}

/* Add a literal (lower-cased for ASCII) in its sorted place. */
void
aset_add(struct pctx *c, struct aset *a, const char *s, size_t len, uint8_t f)
{
	char *d = malloc(len + 1);

	if (d == NULL) {
		c->oom = true;
		return;
	}
	for (size_t i = 0; i < len; i++)
		d[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	d[len] = '\0';
	size_t lo = 0, hi = a->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = lit_cmp(d, f, &a->v[mid]);
		if (cmp == 0) {
			free(d);
			return;
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (a->n == a->cap) {
		size_t ncap = a->cap ? a->cap * 2 : 8;
		struct lit *nv = realloc(a->v, ncap * sizeof(*nv));
		if (nv == NULL) {
			free(d);
			c->oom = true;
			return;
		}
		a->v = nv;
		a->cap = ncap;
	}
	memmove(&a->v[lo + 1], &a->v[lo], (a->n - lo) * sizeof(*a->v));
	a->v[lo].s = d;
	a->v[lo].f = f;
	a->n++;
	a->p = -1;
}

/* The chance that any literal of the set occurs. */
static double
aset_chance(struct aset *a)
{
	if (a->p < 0) {
		double none = 1;
		for (size_t i = 0; i < a->n; i++)
			none *= 1 - pf_chance(&a->v[i]);
		a->p = 1 - none;
	}
	return a->p;
}

bool
aset_equal(const struct aset *a, const struct aset *b)
{
	if (a == b)
		return true;
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (lit_cmp(a->v[i].s, a->v[i].f, &b->v[i]) != 0)
			return false;
	return true;
}

/* Add set a (a reference) to clause k; when it is full, the likeliest
 * set goes: fewer requirements are still right, only less selective. */
static void
clause_add(struct clause *k, struct aset *a)
{
	for (size_t i = 0; i < k->n; i++)
		if (aset_equal(k->v[i], a))
			return;
	if (k->n < CLAUSE_SETS) {
		k->v[k->n++] = aset_ref(a);
		return;
	}
	size_t worst = 0;
	for (size_t i = 1; i < k->n; i++)
		if (aset_chance(k->v[i]) > aset_chance(k->v[worst]))
			worst = i;
	if (aset_chance(a) < aset_chance(k->v[worst])) {
		aset_unref(k->v[worst]);
		k->v[worst] = aset_ref(a);
	}
}

static void
clause_free(struct clause *k)
{
	for (size_t i = 0; i < k->n; i++)
		aset_unref(k->v[i]);
	k->n = 0;
}

/* The clause's rarest set. */
static struct aset *
clause_best(struct clause *k)
{
	struct aset *b = k->v[0];

	for (size_t i = 1; i < k->n; i++)
		if (aset_chance(k->v[i]) < aset_chance(b) ||
		    (aset_chance(k->v[i]) == aset_chance(b) && k->v[i]->n < b->n))
			b = k->v[i];
	return b;
}

void
dnf_any(struct dnf *d)
{
	d->any = true;
	d->v = NULL;
	d->n = 0;
}

void
dnf_free(struct dnf *d)
{
	for (size_t i = 0; i < d->n; i++)
		clause_free(&d->v[i]);
	free(d->v);
	dnf_any(d);
}

/* d needs set a (the reference is taken over). */
void
dnf_set(struct pctx *c, struct dnf *d, struct aset *a)
{
	dnf_any(d);
	if (a == NULL)
		return;
	if (a->n == 0 || (d->v = calloc(1, sizeof(*d->v))) == NULL) {
		if (a->n > 0)
			c->oom = true;
		aset_unref(a);
		return;
	}
	d->any = false;
	d->n = 1;
	d->v[0].v[0] = a;
	d->v[0].n = 1;
}

/* The chance that some clause is met, its sets taken as independent. */
static double
dnf_chance(struct dnf *d)
{
	double p = 0;

	if (d->any)
		return 1;
	for (size_t i = 0; i < d->n && p < 1; i++) {
		double q = 1;
		for (size_t j = 0; j < d->v[i].n; j++)
			q *= aset_chance(d->v[i].v[j]);
		p += q;
	}
	return p < 1 ? p : 1;
}

/* One clause, one set: a literal of the rarest set of each clause. */
static void
dnf_collapse(struct pctx *c, struct dnf *d)
{
	if (d->any || d->n <= 1)
		return;
	struct aset *u = aset_new(c);
	if (u == NULL) {
		dnf_free(d);
		return;
	}
	for (size_t i = 0; i < d->n; i++) {
		struct aset *b = clause_best(&d->v[i]);
		for (size_t j = 0; j < b->n; j++)
			aset_add(c, u, b->v[j].s, strlen(b->v[j].s), b->v[j].f);
	}
	dnf_free(d);
	dnf_set(c, d, u);
}

/* a = a and b; b is used up. A b met in nearly every comment is not
 * worth the clauses it would multiply. */
void
dnf_and(struct pctx *c, struct dnf *a, struct dnf *b)
{
	if (!b->any && dnf_chance(b) >= 0.9)
		dnf_free(b);
	if (b->any) {
		dnf_free(b);
		return;
	}
	if (a->any) {
		*a = *b;
		dnf_any(b);
		return;
	}
	if (a->n * b->n > BUILD_CLAUSES) {
		dnf_collapse(c, a->n >= b->n ? a : b);
		if (a->any || b->any) {
			dnf_free(a);
			dnf_free(b);
			return;
		}
	}
	struct clause *v = calloc(a->n * b->n, sizeof(*v));
	if (v == NULL) {
		c->oom = true;
		dnf_free(b);
		return;
	}
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < b->n; j++) {
			struct clause *k = &v[i * b->n + j];
			for (size_t s = 0; s < a->v[i].n; s++)
				clause_add(k, a->v[i].v[s]);
			for (size_t s = 0; s < b->v[j].n; s++)
				clause_add(k, b->v[j].v[s]);
		}
	size_t n = a->n * b->n;
	dnf_free(a);
	dnf_free(b);
	a->any = false;
	a->v = v;
	a->n = n;
}

/* Clauses of one set each are one set: (a) or (b) is (a|b). */
static void
dnf_merge_single(struct pctx *c, struct dnf *d)
{
	size_t	 nsingle = 0, o = 0;

	for (size_t i = 0; i < d->n; i++)
		nsingle += d->v[i].n == 1;
	if (nsingle < 2)
		return;
	/* a set no other clause holds grows in place (alternations merge
	 * one branch at a time) */
	struct aset *u = NULL;
	for (size_t i = 0; i < d->n && u == NULL; i++)
		if (d->v[i].n == 1 && d->v[i].v[0]->refs == 1)
			u = aset_ref(d->v[i].v[0]);
	if (u == NULL && (u = aset_new(c)) == NULL)
		return;
	for (size_t i = 0; i < d->n; i++) {
		struct clause *k = &d->v[i];
		if (k->n != 1) {
			d->v[o++] = *k;
			continue;
		}
		if (k->v[0] == u) {
			clause_free(k);
			continue;
		}
		for (size_t j = 0; j < k->v[0]->n; j++)
			aset_add(c, u, k->v[0]->v[j].s, strlen(k->v[0]->v[j].s),
			    k->v[0]->v[j].f);
		clause_free(k);
	}
	d->n = o + 1;
	d->v[o].n = 1;
	d->v[o].v[0] = u;
}

/* a = a or b; b is used up. */
void
dnf_or(struct pctx *c, struct dnf *a, struct dnf *b)
{
	if (a->any || b->any) {
		dnf_free(a);
		dnf_free(b);
		return;
	}
	struct clause *v = realloc(a->v, (a->n + b->n) * sizeof(*v));
	if (v == NULL) {
		c->oom = true;
		dnf_free(a);
		dnf_free(b);
		return;
	}
	memcpy(v + a->n, b->v, b->n * sizeof(*v));
	a->v = v;
	a->n += b->n;
	free(b->v);
	dnf_any(b);
	dnf_merge_single(c, a);
	if (a->n > BUILD_CLAUSES)
		dnf_collapse(c, a);
}

/* ---- choosing what the automaton looks for ---- */

static int
atoms_add(struct prefilter_atoms *out, const struct lit *l, unsigned set)
{
	char **nv = realloc(out->v, (out->n + 1) * sizeof(*nv));
	if (nv == NULL)
		return -1;
	out->v = nv;
	uint8_t *ns = realloc(out->set, out->n + 1);
	if (ns == NULL)
		return -1;
	out->set = ns;
	uint8_t *nf = realloc(out->flags, out->n + 1);
	if (nf == NULL)
		return -1;
	out->flags = nf;
	if ((out->v[out->n] = strdup(l->s)) == NULL)
		return -1;
	out->set[out->n] = (uint8_t)set;
	out->flags[out->n++] = l->f;
	return 0;
}

static int
set_order(const void *a, const void *b)
{
	struct aset *x = *(struct aset *const *)a, *y = *(struct aset *const *)b;
	double px = aset_chance(x), py = aset_chance(y);

	if (px != py)
		return px < py ? -1 : 1;
	return x->n < y->n ? -1 : x->n > y->n;
}

/* Number the sets of d for the automaton; 0 when there are too many
 * sets or clauses. */
static int
emit(struct dnf *d, struct prefilter_atoms *out)
{
	struct aset	*ids[PREFILTER_MAX_SETS];
	unsigned	 nids = 0;

	if (d->n > PREFILTER_MAX_CLAUSES)
		return 0;
	for (size_t i = 0; i < d->n; i++) {
		uint32_t mask = 0;
		for (size_t s = 0; s < d->v[i].n; s++) {
			unsigned id = 0;
			while (id < nids && !aset_equal(ids[id], d->v[i].v[s]))
				id++;
			if (id == nids) {
				if (nids == PREFILTER_MAX_SETS)
					return 0;
				ids[nids++] = d->v[i].v[s];
			}
			mask |= (uint32_t)1 << id;
		}
		out->clause[out->nclauses++] = mask;
	}
	/* a clause that needs more than another one adds nothing */
	unsigned o = 0;
	for (unsigned i = 0; i < out->nclauses; i++) {
		bool redundant = false;
		for (unsigned j = 0; j < out->nclauses && !redundant; j++)
			redundant = j != i &&
			    (out->clause[i] & out->clause[j]) == out->clause[j] &&
			    (out->clause[i] != out->clause[j] || j < i);
		if (!redundant)
			out->clause[o++] = out->clause[i];
	}
	out->nclauses = o;
	/* number the sets the clauses left use */
	uint32_t used = 0;
	unsigned renum[PREFILTER_MAX_SETS], nsets = 0;
	for (unsigned i = 0; i < out->nclauses; i++)
		used |= out->clause[i];
	for (unsigned id = 0; id < nids; id++) {
		if (!(used & ((uint32_t)1 << id)))
			continue;
		renum[id] = nsets;
		for (size_t j = 0; j < ids[id]->n; j++)
			if (atoms_add(out, &ids[id]->v[j], nsets) == -1)
				return -1;
		nsets++;
	}
	for (unsigned i = 0; i < out->nclauses; i++) {
		uint32_t m = 0;
		for (unsigned id = 0; id < nids; id++)
			if (out->clause[i] & ((uint32_t)1 << id))
				m |= (uint32_t)1 << renum[id];
		out->clause[i] = m;
	}
	out->nsets = nsets;
	return 1;
}

/* Each clause keeps its rarest sets, as many as fit: a set found in
 * nearly every comment rules out little, and costs the scan a report at
 * each of its places. */
static int
choose(struct pctx *c, struct dnf *d, struct prefilter_atoms *out)
{
	int rc = 0;

	for (size_t i = 0; i < d->n; i++)
		qsort(d->v[i].v, d->v[i].n, sizeof(d->v[i].v[0]), set_order);
	for (size_t keep = KEEP_SETS; keep > 0 && rc == 0; keep--) {
		for (size_t i = 0; i < d->n; i++) {
			struct clause *k = &d->v[i];
			while (k->n > keep || (k->n > 1 &&
			    aset_chance(k->v[k->n - 1]) >= 0.6))
				aset_unref(k->v[--k->n]);
		}
		dnf_merge_single(c, d);
		if (c->oom)
			return -1;
		prefilter_atoms_free(out);
		rc = emit(d, out);
	}
	if (rc == 0) {
		/* still too many: one set, the rarest of each clause */
		dnf_collapse(c, d);
		prefilter_atoms_free(out);
		if (!d->any && !c->oom)
			rc = emit(d, out);
	}
	return c->oom ? -1 : rc;
}

int
prefilter_analyze(const char *pattern, prefilter_list_fn *fn, void *ctx,
    struct prefilter_atoms *out)
{
	struct pctx	 c = { .p = pattern, .fn = fn, .ctx = ctx };
	struct dnf	 d;
	struct aset	*head = NULL;
	int		 rc = 0;

	memset(out, 0, sizeof(*out));
	resyntax_read(&c, &d, &head);
	/* trailing ')' without '(' and the like: trust nothing */
	if (!c.oom && !c.bail && *c.p == '\0' && !d.any) {
		rc = choose(&c, &d, out);
		if (rc == 1 && head != NULL && !c.unanchored)
			for (size_t i = 0; i < head->n && rc == 1; i++) {
				if (atoms_add(out, &head->v[i], PREFILTER_HEAD) == -1)
					rc = -1;
				out->nheads++;
			}
	}
	aset_unref(head);
	if (c.oom)
		rc = -1;
	dnf_free(&d);
	for (size_t i = 0; i < c.nseen; i++)
		aset_unref(c.seen[i].set);
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
	free(a->flags);
	memset(a, 0, sizeof(*a));
}
