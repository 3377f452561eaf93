/* resyntax: a reader of PCRE2 pattern syntax for the prefilter. It walks
 * a pattern (groups, classes, quantifiers, escapes, spliced @lists) and
 * builds the formula of the literals every match needs and those a match
 * starts with; whatever it does not understand makes it give up, so the
 * regex then always runs. It compiles nothing: PCRE2 does that. */
#include "prefilter_int.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

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
			if (e == '\0' || e >= 0x80 || pf_ascii_word(e))
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
			    pf_lit_flags(r->s[i], len, r->before, after));
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
		aset_add(c, a, w, len, pf_lit_flags(w, len, before,
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
				struct lit l = { buf, pf_lit_flags(w, len, b, e) };
				memcpy(buf, w, len);
				buf[len] = '\0';
				double p = pf_chance(&l);
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
			} else if ((unsigned char)e < 0x80 && !pf_ascii_word((unsigned char)e)) {
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
				    pf_ascii_word((unsigned char)alt[i][0]))
					next = CTX_NONE;
			if (min == 0 && at_head && (ih = aset_new(c)) != NULL)
				for (size_t i = 0; i < nalt; i++)
					aset_add(c, ih, alt[i], strlen(alt[i]),
					    pf_lit_flags(alt[i], strlen(alt[i]), ctx,
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
			ctx = min == 0 ? ctx_meet(ctx, next) : next;
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
		*exit = ctx_meet(*exit, e);
		*head = aset_union(c, *head, h);
	}
}

void
resyntax_read(struct pctx *c, struct dnf *out, struct aset **head)
{
	enum ctx e;

	parse_alt(c, CTX_NONE, CTX_NONE, out, &e, head);
}
