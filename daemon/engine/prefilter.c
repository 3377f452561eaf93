#include "prefilter.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading a pattern for its required literals ----
 *
 * A pattern is read as a formula: a sequence needs all of its mandatory
 * items, an alternation one of its branches. Kept as clauses (any one
 * clause suffices) of sets (each set needs one of its literals), so that
 * every branch of a long alternation keeps its own rare words. */

/* Sizes while reading: past them a formula is made coarser, never wrong. */
#define RUN_MAX_ALTS	64	/* spellings of one literal run */
#define RUN_MAX_LEN	255
#define CLASS_MAX	16	/* characters of a class spelled out */
#define CLAUSE_SETS	8	/* sets kept per clause while reading */
#define BUILD_CLAUSES	64	/* clauses kept while reading */
#define KEEP_SETS	4	/* sets kept per clause at the end */

/* What holds at a position, as far as the pattern says: a \b, or a
 * neighbour (on the side looked at) that is no word character or the
 * subject's edge. */
enum ctx {
	CTX_NONE = 0,
	CTX_BOUND,
	CTX_NONWORD,
};

struct lit {
	char	*s;
	uint8_t	 f;		/* PREFILTER_WORD_* */
};

/* One literal of these; sorted, so equal sets compare equal. Shared by
 * the clauses that need it. */
struct aset {
	unsigned	 refs;
	struct lit	*v;
	size_t		 n, cap;
	double		 p;	/* chance it occurs; < 0 until computed */
};

struct clause {
	struct aset	*v[CLAUSE_SETS];
	size_t		 n;
};

/* any: nothing is known to be required. */
struct dnf {
	bool		 any;
	struct clause	*v;
	size_t		 n;
};

/* A list read once per pattern and context (lists recur in a pattern):
 * for its words, or for its heads. */
struct list_seen {
	char *const	*words;
	enum ctx	 before, after;
	bool		 heads;
	struct aset	*set;
};

struct pctx {
	const char		*p;
	prefilter_list_fn	*fn;
	void			*ctx;
	bool			 oom;
	bool			 bail;		/* a construct not understood */
	bool			 unanchored;	/* verbs, \\G, \\K: keep the start */
	struct list_seen	 seen[32];
	size_t			 nseen;
};

static enum ctx
meet(enum ctx a, enum ctx b)
{
	return a == b ? a : CTX_NONE;
}

static bool
ascii_word(unsigned char ch)
{
	return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9');
}

/* Where a literal between contexts before and after needs a \b. Beside
 * a non-word neighbour only a literal with a word character at that end
 * has one; non-ASCII characters are not judged. */
static uint8_t
lit_flags(const char *s, size_t len, enum ctx before, enum ctx after)
{
	uint8_t f = 0;

	if (len == 0)
		return 0;
	if (before == CTX_BOUND || (before == CTX_NONWORD &&
	    ascii_word((unsigned char)s[0])))
		f |= PREFILTER_WORD_START;
	if (after == CTX_BOUND || (after == CTX_NONWORD &&
	    ascii_word((unsigned char)s[len - 1])))
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
static double
chance(const struct lit *l)
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
	if (len > 1 && (unsigned char)s[0] < 0x80 && !ascii_word((unsigned char)s[0]))
		start = true;
	if (len > 1 && (unsigned char)s[len - 1] < 0x80 &&
	    !ascii_word((unsigned char)s[len - 1]))
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

static struct aset *
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

static struct aset *
aset_ref(struct aset *a)
{
	a->refs++;
	return a;
}

static void
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
static void
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
			none *= 1 - chance(&a->v[i]);
		a->p = 1 - none;
	}
	return a->p;
}

static bool
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

static void
dnf_any(struct dnf *d)
{
	d->any = true;
	d->v = NULL;
	d->n = 0;
}

static void
dnf_free(struct dnf *d)
{
	for (size_t i = 0; i < d->n; i++)
		clause_free(&d->v[i]);
	free(d->v);
	dnf_any(d);
}

/* d needs set a (the reference is taken over). */
static void
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
static void
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
static void
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

/* ---- the pattern's syntax ---- */

/* Past the ']' of the class at p, or NULL. */
static const char *
class_end(const char *p)
{
	p++;
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
	return *p == ']' ? p + 1 : NULL;
}

/* Past the ')' that closes the group at p, or NULL. */
static const char *
group_end(const char *p)
{
	int depth = 0;

	while (*p != '\0') {
		if (p[0] == '\\' && p[1] == 'Q') {
			const char *q = strstr(p + 2, "\\E");
			if (q == NULL)
				return NULL;
			p = q + 2;
		} else if (p[0] == '\\') {
			if (p[1] == '\0')
				return NULL;
			p += 2;
		} else if (p[0] == '[') {
			if ((p = class_end(p)) == NULL)
				return NULL;
		} else {
			if (*p == '(')
				depth++;
			else if (*p == ')' && --depth == 0)
				return p + 1;
			p++;
		}
	}
	return NULL;
}

/* The quantifier at p, if there is one: its bounds and its end. Without
 * one the bounds are 1 and end is p. */
static bool
quantifier(const char *p, unsigned *min, unsigned *max, const char **end)
{
	*min = *max = 1;
	*end = p;
	if (*p == '?') {
		*min = 0;
		p++;
	} else if (*p == '*') {
		*min = 0;
		*max = UINT_MAX;
		p++;
	} else if (*p == '+') {
		*max = UINT_MAX;
		p++;
	} else if (*p == '{') {
		const char *q = p + 1;
		unsigned n = 0, m;
		bool digits = false;
		while (*q >= '0' && *q <= '9') {
			n = n < 100000 ? n * 10 + (unsigned)(*q - '0') : n;
			q++;
			digits = true;
		}
		m = n;
		if (*q == ',') {
			q++;
			/* {,n}: a literal in older PCRE2, {0,n} in newer;
			 * taking it as optional is right for both */
			if (!digits && *q >= '0' && *q <= '9')
				digits = true;
			if (*q >= '0' && *q <= '9') {
				m = 0;
				while (*q >= '0' && *q <= '9') {
					m = m < 100000 ? m * 10 + (unsigned)(*q - '0') : m;
					q++;
				}
			} else
				m = UINT_MAX;
		}
		if (!digits || *q != '}')
			return false;	/* a literal '{' */
		*min = n;
		*max = m;
		p = q + 1;
	} else
		return false;
	if (*p == '?' || *p == '+')	/* lazy or possessive */
		p++;
	*end = p;
	return true;
}

static bool
lookaround(const char *p)
{
	return p[0] == '(' && p[1] == '?' && (p[2] == '=' || p[2] == '!' ||
	    (p[2] == '<' && (p[3] == '=' || p[3] == '!')));
}

/* What holds just before the pattern text at p, judged from that text:
 * a \b, a mandatory \s, the end of the subject; at the end of a branch,
 * what holds after the group (after). Assertions in between take no
 * room and are looked past. */
static enum ctx
ctx_at(const char *p, enum ctx after)
{
	unsigned min, max;
	const char *e;

	while (p != NULL && p[0] == '(' && (p[1] == '*' || lookaround(p)))
		p = group_end(p);
	if (p == NULL)
		return CTX_NONE;
	if (*p == '\0' || *p == '|' || *p == ')')
		return after;
	if (p[0] == '\\' && p[1] == 'b')
		return CTX_BOUND;
	if (p[0] == '\\' && p[1] == 's') {
		quantifier(p + 2, &min, &max, &e);
		return min > 0 ? CTX_NONWORD : CTX_NONE;
	}
	if (p[0] == '$')
		return CTX_NONWORD;
	return CTX_NONE;
}

static bool
name_char(char ch)
{
	return ch == '_' || ch == '-' || (ch >= 'a' && ch <= 'z') ||
	    (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

static size_t
utf8_len(unsigned char u)
{
	return u < 0x80 ? 1 : u >= 0xf0 ? 4 : u >= 0xe0 ? 3 : 2;
}

/* The characters of a class that is a short list of single characters
 * (['’], [*#@%$!]): each one a literal. 0 for anything else (ranges,
 * negation, escapes like \w). */
static size_t
class_chars(const char *p, char alt[][5], const char **end)
{
	size_t n = 0;

	p++;
	if (*p == '^' || *p == ']')
		return 0;
	while (*p != ']') {
		char ch = *p;
		size_t len = 1;
		if (ch == '\0' || ch == '[' || n == CLASS_MAX)
			return 0;
		if (ch == '-' && n > 0 && p[1] != ']')
			return 0;	/* a range */
		if (ch == '\\') {
			unsigned char e = (unsigned char)p[1];
			if (e == '\0' || e >= 0x80 || ascii_word(e))
				return 0;
			p++;
			ch = (char)e;
		} else
			len = utf8_len((unsigned char)ch);
		for (size_t i = 0; i < len; i++) {
			if (p[i] == '\0')
				return 0;
			alt[n][i] = p[i];
		}
		alt[n][len] = '\0';
		n++;
		p += len;
	}
	*end = p + 1;
	return n;
}

/* A run of literal text, each spelling of it (a class makes several). */
struct run {
	char	*s[RUN_MAX_ALTS];
	size_t	 n;
	enum ctx before;
	bool	 head;		/* it starts the sequence */
};

static void
run_clear(struct run *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->s[i]);
	r->n = 0;
}

/* Append one of alt[0..nalt) to every spelling; false when the run would
 * grow too large (it is left as it was). */
static bool
run_extend(struct pctx *c, struct run *r, char alt[][5], size_t nalt)
{
	size_t n = r->n == 0 ? 1 : r->n;

	if (n * nalt > RUN_MAX_ALTS)
		return false;
	for (size_t i = 0; i < r->n; i++)
		if (strlen(r->s[i]) + 4 > RUN_MAX_LEN)
			return false;
	char *ns[RUN_MAX_ALTS];
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < nalt; j++) {
			const char *base = r->n == 0 ? "" : r->s[i];
			size_t bl = strlen(base), al = strlen(alt[j]);
			if ((ns[k] = malloc(bl + al + 1)) == NULL) {
				c->oom = true;
				for (size_t x = 0; x < k; x++)
					free(ns[x]);
				return true;	/* nothing more will be used */
			}
			memcpy(ns[k], base, bl);
			memcpy(ns[k] + bl, alt[j], al + 1);
			k++;
		}
	run_clear(r);
	memcpy(r->s, ns, k * sizeof(*ns));
	r->n = k;
	return true;
}

/* A list's set as read before in this pattern, or NULL. */
static struct aset *
list_seen(struct pctx *c, char *const *words, enum ctx before, enum ctx after,
    bool heads)
{
	for (size_t i = 0; i < c->nseen; i++)
		if (c->seen[i].words == words && c->seen[i].before == before &&
		    c->seen[i].after == after && c->seen[i].heads == heads)
			return aset_ref(c->seen[i].set);
	return NULL;
}

static void
list_remember(struct pctx *c, char *const *words, enum ctx before,
    enum ctx after, bool heads, struct aset *a)
{
	if (a != NULL && c->nseen < sizeof(c->seen) / sizeof(c->seen[0])) {
		struct list_seen *ls = &c->seen[c->nseen++];
		ls->words = words;
		ls->before = before;
		ls->after = after;
		ls->heads = heads;
		ls->set = aset_ref(a);
	}
}

/* The run becomes a requirement of the sequence, and its head when it
 * starts it. */
static void
run_flush(struct pctx *c, struct run *r, enum ctx after, struct dnf *seq,
    struct aset **head)
{
	if (r->n == 0)
		return;
	struct aset *a = aset_new(c);
	if (a != NULL)
		for (size_t i = 0; i < r->n; i++) {
			size_t len = strlen(r->s[i]);
			aset_add(c, a, r->s[i], len,
			    lit_flags(r->s[i], len, r->before, after));
		}
	run_clear(r);
	if (r->head && a != NULL) {
		aset_unref(*head);
		*head = aset_ref(a);
	}
	r->head = false;
	struct dnf d;
	dnf_set(c, &d, a);
	dnf_and(c, seq, &d);
}

/* The first word of each entry of a list: where a match of it starts. */
static struct aset *
list_heads(struct pctx *c, char *const *words, size_t n, enum ctx before)
{
	struct aset *a = list_seen(c, words, before, CTX_NONE, true);

	if (a != NULL)
		return a;
	a = aset_new(c);

	for (size_t i = 0; a != NULL && i < n; i++) {
		const char *w = words[i];
		size_t len = strcspn(w, " *");
		if (len == 0 || len > RUN_MAX_LEN) {
			aset_unref(a);
			return NULL;
		}
		aset_add(c, a, w, len, lit_flags(w, len, before,
		    w[len] == ' ' ? CTX_NONWORD : CTX_NONE));
	}
	list_remember(c, words, before, CTX_NONE, true, a);
	return a;
}

/* Add every literal of src to dst. */
static void
aset_add_all(struct pctx *c, struct aset *dst, const struct aset *src)
{
	for (size_t i = 0; i < src->n; i++)
		aset_add(c, dst, src->v[i].s, strlen(src->v[i].s), src->v[i].f);
}

/* Both sets in one; NULL (unknown) when either is. */
static struct aset *
aset_union(struct pctx *c, struct aset *a, struct aset *b)
{
	struct aset *u = NULL;

	if (a != NULL && b != NULL && aset_equal(a, b)) {
		aset_unref(b);
		return a;
	}
	if (a != NULL && b != NULL && a->refs == 1) {
		/* a is ours alone: grow it rather than copy it */
		aset_add_all(c, a, b);
		aset_unref(b);
		return a;
	}

	if (a != NULL && b != NULL && (u = aset_new(c)) != NULL) {
		aset_add_all(c, u, a);
		aset_add_all(c, u, b);
	}
	aset_unref(a);
	aset_unref(b);
	return u;
}

/* A word of each entry of a list, the rarest, with the word boundaries
 * the context and the entry give it ("the jews": "jews"). */
static struct aset *
list_set(struct pctx *c, char *const *words, size_t n, enum ctx before,
    enum ctx after)
{
	struct aset *a = list_seen(c, words, before, after, false);

	if (a != NULL)
		return a;
	a = aset_new(c);

	for (size_t i = 0; a != NULL && i < n; i++) {
		const char *w = words[i];
		struct lit best = { NULL, 0 };
		size_t bestlen = 0;
		double bestp = 2;
		char buf[RUN_MAX_LEN + 1];
		for (enum ctx b = before; *w != '\0'; b = CTX_NONWORD) {
			size_t len = strcspn(w, " *");
			if (len > 0 && len <= RUN_MAX_LEN) {
				enum ctx e = w[len] == ' ' ? CTX_NONWORD :
				    w[len] == '*' ? CTX_NONE : after;
				struct lit l = { buf, lit_flags(w, len, b, e) };
				memcpy(buf, w, len);
				buf[len] = '\0';
				double p = chance(&l);
				if (p < bestp) {
					best.s = (char *)w;
					best.f = l.f;
					bestlen = len;
					bestp = p;
				}
			}
			w += len;
			if (*w == '*')
				break;		/* a stem ends the entry */
			w += *w == ' ';
		}
		if (best.s == NULL) {
			aset_unref(a);
			return NULL;	/* nothing literal to require */
		}
		aset_add(c, a, best.s, bestlen, best.f);
	}
	list_remember(c, words, before, after, false, a);
	return a;
}

static void parse_alt(struct pctx *c, enum ctx before, enum ctx after,
    struct dnf *out, enum ctx *exit, struct aset **head);

/*
 * A sequence of items up to '|', ')' or the end, between contexts before
 * and after: out gets what it requires, exit what holds at its end, head
 * the literals a match of it starts with (NULL: not known).
 */
static void
parse_seq(struct pctx *c, enum ctx before, enum ctx after, struct dnf *out,
    enum ctx *exit, struct aset **head)
{
	struct run	 r = { .n = 0 };
	enum ctx	 ctx = before, here = CTX_NONE;
	bool		 at_head = true;	/* nothing mandatory consumed yet */
	struct aset	*h = NULL;
	struct aset	*optional = NULL;	/* heads of what may come first */

	dnf_any(out);
	for (;;) {
		const char	*at = c->p, *qe;
		char		 ch = *at, alt[CLASS_MAX][5];
		size_t		 nalt = 0;
		unsigned	 min = 1, max = 1;
		bool		 present = false, zero = false, consumes = true;
		enum ctx	 next = CTX_NONE;
		struct dnf	 item;
		struct aset	*ih = NULL;	/* the item's head */

		here = ctx_at(at, after);
		if (ch == '\0' || ch == '|' || ch == ')')
			break;
		dnf_any(&item);
		if (ch == '(') {
			const char *end = group_end(at);
			bool skip = false, look = lookaround(at);
			if (end == NULL) {
				c->bail = true;
				break;
			}
			present = quantifier(end, &min, &max, &qe);
			c->p = at + 1;
			if (at[1] == '*') {
				zero = true;		/* (*VERB) */
				consumes = false;
				c->unanchored = true;
				c->p = end;
				goto item_done;
			}
			if (at[1] == '?') {
				const char *q = at + 2;
				if (*q == ':' || *q == '>' || *q == '|')
					c->p = q + 1;
				else if (look)
					c->p = q + (*q == '<' ? 2 : 1);
				else if (*q == '<' || *q == '\'' ||
				    (*q == 'P' && q[1] == '<')) {
					while (*q != '\0' && *q != '>' && *q != '\'')
						q++;
					c->p = *q != '\0' ? q + 1 : q;
				} else if (*q == '#') {
					zero = true;	/* a comment */
					consumes = false;
					c->p = end;
					goto item_done;
				} else {
					/* flags, (?i) or (?i:...); anything
					 * else (conditions, recursion) is not
					 * understood */
					while ((*q >= 'a' && *q <= 'z') ||
					    (*q >= 'A' && *q <= 'Z') || *q == '-' ||
					    *q == '^') {
						/* (?x): spaces stop counting;
						 * (?R): recursion */
						if (*q == 'x' || *q == 'R')
							c->bail = true;
						q++;
					}
					if (*q == ')') {
						zero = true;
						consumes = false;
						c->p = q + 1;
						goto item_done;
					}
					if (*q != ':') {
						c->bail = true;
						break;
					}
					c->p = q + 1;
					skip = true;	/* parsed, not used */
				}
			}
			/* repeated, a group meets its own end: judge nothing */
			enum ctx ib = max <= 1 && !skip && !look ? ctx : CTX_NONE;
			enum ctx ia = max <= 1 && !skip && !look ?
			    ctx_at(qe, after) : CTX_NONE;
			enum ctx gexit;
			parse_alt(c, ib, ia, &item, &gexit, &ih);
			if (c->p + 1 != end || *c->p != ')') {
				dnf_free(&item);
				aset_unref(ih);
				c->bail = true;
				break;
			}
			c->p = qe;
			if (look) {
				zero = true;
				consumes = false;
				present = false;
				min = 1;
			} else
				next = gexit;
			if (skip || look || min == 0) {
				dnf_free(&item);
				dnf_any(&item);
			}
			if (skip || look) {
				aset_unref(ih);
				ih = NULL;
			}
		} else if (ch == '[') {
			const char *end;
			if ((nalt = class_chars(at, alt, &end)) == 0 &&
			    (end = class_end(at)) == NULL) {
				c->bail = true;
				break;
			}
			present = quantifier(end, &min, &max, &qe);
			c->p = qe;
		} else if (ch == '\\') {
			char e = at[1];
			if (e == '\0') {
				c->bail = true;
				break;
			}
			c->p = at + 2;
			if ((e == 'p' || e == 'P' || e == 'x' || e == 'N' ||
			    e == 'g' || e == 'k' || e == 'o') && *c->p == '{') {
				while (*c->p != '\0' && *c->p != '}')
					c->p++;
				if (*c->p == '}')
					c->p++;
			} else if (e == 'Q') {
				const char *q = strstr(c->p, "\\E");
				c->p = q != NULL ? q + 2 : c->p + strlen(c->p);
			} else if (e == 'b') {
				next = CTX_BOUND;
				consumes = false;
			} else if (e == 'B' || e == 'A' || e == 'z' || e == 'Z') {
				consumes = false;
			} else if (e == 'G' || e == 'K') {
				consumes = false;
				c->unanchored = true;
			} else if (e == 's') {
				next = CTX_NONWORD;
			} else if ((unsigned char)e < 0x80 && !ascii_word((unsigned char)e)) {
				alt[0][0] = e;
				alt[0][1] = '\0';
				nalt = 1;
			}
			present = quantifier(c->p, &min, &max, &qe);
			c->p = qe;
		} else if (ch == '@' && name_char(at[1]) && at[1] != '-') {
			const char *name = at + 1, *end = name;
			char *const *words;
			size_t n;
			while (name_char(*end))
				end++;
			present = quantifier(end, &min, &max, &qe);
			c->p = qe;
			if (min > 0 && c->fn(c->ctx, name, (size_t)(end - name),
			    &words, &n) == 0 && n > 0) {
				dnf_set(c, &item, list_set(c, words, n,
				    max <= 1 ? ctx : CTX_NONE,
				    max <= 1 ? ctx_at(qe, after) : CTX_NONE));
				if (at_head)
					ih = list_heads(c, words, n, ctx);
			}
		} else if (ch == '.' || ch == '^' || ch == '$') {
			next = ch == '^' ? CTX_NONWORD : CTX_NONE;
			consumes = ch == '.';
			present = quantifier(at + 1, &min, &max, &qe);
			c->p = qe;
		} else {
			/* one character, all of its UTF-8 bytes: a quantifier
			 * applies to the whole of it */
			size_t len = utf8_len((unsigned char)ch);
			for (size_t i = 0; i < len; i++) {
				if (at[i] == '\0') {
					c->bail = true;
					break;
				}
				alt[0][i] = at[i];
			}
			if (c->bail)
				break;
			alt[0][len] = '\0';
			nalt = 1;
			present = quantifier(at + len, &min, &max, &qe);
			c->p = qe;
		}
		if (nalt > 0) {
			/* after literal characters: a non-word one, if all are */
			next = CTX_NONWORD;
			for (size_t i = 0; i < nalt; i++)
				if ((unsigned char)alt[i][0] >= 0x80 ||
				    ascii_word((unsigned char)alt[i][0]))
					next = CTX_NONE;
			if (min == 0 && at_head && (ih = aset_new(c)) != NULL)
				for (size_t i = 0; i < nalt; i++)
					aset_add(c, ih, alt[i], strlen(alt[i]),
					    lit_flags(alt[i], strlen(alt[i]), ctx,
					    CTX_NONE));
		}
		if (nalt > 0 && min > 0) {
			/* literal text extends the run */
			if (r.n > 0 && !run_extend(c, &r, alt, nalt))
				run_flush(c, &r, CTX_NONE, out, &h);
			if (r.n == 0) {
				r.before = ctx;
				r.head = at_head;
				at_head = false;
				run_extend(c, &r, alt, nalt);
			}
			if (present)	/* repeated: what follows is unknown */
				run_flush(c, &r, CTX_NONE, out, &h);
			ctx = next;
			continue;
		}
item_done:
		/* anything else ends the run */
		run_flush(c, &r, here, out, &h);
		if (!zero)
			ctx = min == 0 ? meet(ctx, next) : next;
		dnf_and(c, out, &item);
		if (consumes && at_head) {
			/* the first thing a match takes is a head; what it
			 * may skip adds its own heads */
			if (min > 0) {
				at_head = false;
				h = ih;
				ih = NULL;
			} else if (ih != NULL) {
				optional = optional != NULL ?
				    aset_union(c, optional, ih) : ih;
				ih = NULL;
			} else {
				at_head = false;	/* not known */
				aset_unref(optional);
				optional = NULL;
				h = NULL;
				r.head = false;
			}
		}
		aset_unref(ih);
	}
	run_flush(c, &r, c->bail ? CTX_NONE : here, out, &h);
	*exit = ctx;
	if (at_head) {
		/* nothing is sure to come first */
		aset_unref(h);
		h = NULL;
	} else if (optional != NULL) {
		h = aset_union(c, optional, h);
		optional = NULL;
	}
	aset_unref(optional);
	*head = h;
}

/* Branches separated by '|': one of them is needed, and a match starts
 * with a head of one. */
static void
parse_alt(struct pctx *c, enum ctx before, enum ctx after, struct dnf *out,
    enum ctx *exit, struct aset **head)
{
	struct dnf	 s;
	enum ctx	 e;
	struct aset	*h;

	parse_seq(c, before, after, out, exit, head);
	while (*c->p == '|' && !c->bail) {
		c->p++;
		parse_seq(c, before, after, &s, &e, &h);
		dnf_or(c, out, &s);
		*exit = meet(*exit, e);
		*head = aset_union(c, *head, h);
	}
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
	enum ctx	 e;
	struct aset	*head = NULL;
	int		 rc = 0;

	memset(out, 0, sizeof(*out));
	parse_alt(&c, CTX_NONE, CTX_NONE, &d, &e, &head);
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
