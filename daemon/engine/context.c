#include "context.h"

#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "rulebook.h"
#include "rules.h"

const char *const context_fields[] = { "unless_after", "only_after",
    "unless_before", "unless_quoted", NULL };

/* how far back or forward a sentence is looked at, in bytes */
#define SENTENCE_MAX	600
/* words remembered before a hit */
#define RING		64

enum cond_kind {
	COND_UNLESS_AFTER = 0,
	COND_ONLY_AFTER,
	COND_UNLESS_BEFORE,
};

struct phrase {
	char		**w;
	uint8_t		 n;
	bool		 stem;		/* "word*": the last word is a prefix */
};

struct cond {
	enum cond_kind	 kind;
	unsigned	 within;
	struct phrase	*p;
	size_t		 np;
};

struct rule_context {
	struct cond	*c;
	size_t		 n;
	bool		 unless_quoted;
};

struct span {
	uint32_t	 s, e;
};

static bool
is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

static bool
is_boundary(unsigned char c)
{
	return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n';
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Split an entry into lower-case words; -1 when it has none. */
static int
phrase_make(struct phrase *p, const char *entry)
{
	const char *s = entry;

	memset(p, 0, sizeof(*p));
	while (*s != '\0') {
		while (*s != '\0' && !is_word_byte((unsigned char)*s))
			s++;
		const char *b = s;
		while (*s != '\0' && is_word_byte((unsigned char)*s))
			s++;
		if (s == b)
			break;
		if (p->n == UINT8_MAX)
			return -1;
		char **nw = realloc(p->w, (p->n + 1u) * sizeof(*nw));
		if (nw == NULL)
			return -1;
		p->w = nw;
		if ((nw[p->n] = strndup(b, (size_t)(s - b))) == NULL)
			return -1;
		for (char *q = nw[p->n]; *q; q++)
			*q = lower(*q);
		p->n++;
	}
	size_t el = strlen(entry);
	p->stem = el > 0 && entry[el - 1] == '*';
	return p->n > 0 ? 0 : -1;
}

static void
phrase_free(struct phrase *p)
{
	for (unsigned i = 0; i < p->n; i++)
		free(p->w[i]);
	free(p->w);
}

static void
cond_free(struct cond *c)
{
	for (size_t i = 0; i < c->np; i++)
		phrase_free(&c->p[i]);
	free(c->p);
}

void
context_free(struct rule_context *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++)
		cond_free(&c->c[i]);
	free(c->c);
	free(c);
}

static int
cond_add_entry(struct cond *c, const char *entry)
{
	struct phrase	 p;
	struct phrase	*np;

	if (phrase_make(&p, entry) == -1) {
		phrase_free(&p);
		return -1;
	}
	if ((np = realloc(c->p, (c->np + 1) * sizeof(*np))) == NULL) {
		phrase_free(&p);
		return 0;
	}
	c->p = np;
	c->p[c->np++] = p;
	return 0;
}

/* One entry of `list`: "@name" (a list of the file) or a word entry. */
static void
cond_add(struct cond *c, const char *e, const struct rule *r,
    const char *field, const char *file, int line, struct diag *d,
    context_list_fn lists, void *arg)
{
	if (e[0] != '@') {
		if (cond_add_entry(c, e) == -1)
			diag_error(d, file, line,
			    "rule '%s': %s entry \"%s\" has no words", r->id,
			    field, e);
		return;
	}
	size_t n = 0;
	const char *const *v = lists(arg, e + 1, &n);
	if (v == NULL) {
		diag_error(d, file, line,
		    "rule '%s': %s refers to list '%s', which this file does not define",
		    r->id, field, e);
		return;
	}
	for (size_t i = 0; i < n; i++)
		(void)cond_add_entry(c, v[i]);	/* an entry of symbols: none */
}

static void
load_cond(struct rule_context *ctx, enum cond_kind kind, const char *field,
    const config_setting_t *g, const struct rule *r, const char *file,
    struct diag *d, context_list_fn lists, void *arg)
{
	int		 line = (int)config_setting_source_line(g);
	struct cond	 c = { .kind = kind, .within = CONTEXT_DEFAULT_WITHIN };
	const config_setting_t *l, *w;

	if (!config_setting_is_group(g)) {
		diag_error(d, file, line,
		    "rule '%s': %s must be a group { list = \"@name\"; within = N; } or a list of them",
		    r->id, field);
		return;
	}
	for (int i = 0; i < config_setting_length(g); i++) {
		const char *name = config_setting_name(
		    config_setting_get_elem(g, (unsigned)i));
		if (name != NULL && strcmp(name, "list") != 0 &&
		    strcmp(name, "within") != 0)
			diag_error(d, file, line,
			    "rule '%s': unknown field '%s' in %s (known: list, within)",
			    r->id, name, field);
	}
	if ((w = config_setting_get_member(g, "within")) != NULL) {
		if (config_setting_type(w) != CONFIG_TYPE_INT ||
		    config_setting_get_int(w) < 1 ||
		    config_setting_get_int(w) > CONTEXT_MAX_WITHIN) {
			diag_error(d, file, (int)config_setting_source_line(w),
			    "rule '%s': %s.within must be a whole number of words from 1 to %d",
			    r->id, field, CONTEXT_MAX_WITHIN);
			return;
		}
		c.within = (unsigned)config_setting_get_int(w);
	}
	if ((l = config_setting_get_member(g, "list")) == NULL) {
		diag_error(d, file, line, "rule '%s': %s needs a list", r->id,
		    field);
		return;
	}
	if (config_setting_type(l) == CONFIG_TYPE_STRING) {
		cond_add(&c, config_setting_get_string(l), r, field, file,
		    line, d, lists, arg);
	} else if (config_setting_is_array(l) || config_setting_is_list(l)) {
		for (int i = 0; i < config_setting_length(l); i++) {
			const char *e = config_setting_get_string_elem(l,
			    (unsigned)i);
			if (e == NULL)
				diag_error(d, file, line,
				    "rule '%s': %s.list must hold strings",
				    r->id, field);
			else
				cond_add(&c, e, r, field, file, line, d,
				    lists, arg);
		}
	} else {
		diag_error(d, file, line,
		    "rule '%s': %s.list must be \"@name\" or an array of entries",
		    r->id, field);
	}
	if (c.np == 0) {
		cond_free(&c);
		return;
	}
	struct cond *nc = realloc(ctx->c, (ctx->n + 1) * sizeof(*nc));
	if (nc == NULL) {
		cond_free(&c);
		return;
	}
	ctx->c = nc;
	ctx->c[ctx->n++] = c;
}

void
context_load_rule(struct rule *r, const config_setting_t *rs,
    const char *file, struct diag *d, context_list_fn lists, void *arg)
{
	static const char *const names[] = { "unless_after", "only_after",
	    "unless_before" };
	struct rule_context *ctx = calloc(1, sizeof(*ctx));
	const config_setting_t *s;

	r->ctx = NULL;
	if (ctx == NULL)
		return;
	for (int k = 0; k < 3; k++) {
		if ((s = config_setting_get_member(rs, names[k])) == NULL)
			continue;
		if (config_setting_is_list(s)) {
			for (int i = 0; i < config_setting_length(s); i++)
				load_cond(ctx, (enum cond_kind)k, names[k],
				    config_setting_get_elem(s, (unsigned)i), r,
				    file, d, lists, arg);
		} else {
			load_cond(ctx, (enum cond_kind)k, names[k], s, r, file,
			    d, lists, arg);
		}
	}
	if ((s = config_setting_get_member(rs, "unless_quoted")) != NULL) {
		if (config_setting_type(s) != CONFIG_TYPE_BOOL)
			diag_error(d, file, (int)config_setting_source_line(s),
			    "rule '%s': unless_quoted must be true or false",
			    r->id);
		else
			ctx->unless_quoted = config_setting_get_bool(s);
	}
	if (ctx->n == 0 && !ctx->unless_quoted) {
		context_free(ctx);
		return;
	}
	r->ctx = ctx;
}

static bool
word_eq(const char *text, struct span t, const char *w, bool prefix)
{
	size_t n = t.e - t.s;

	if (prefix && strlen(w) <= n)
		n = strlen(w);
	else if (strlen(w) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(text[t.s + i]) != w[i])
			return false;
	return true;
}

/* Do the words from w[0] on spell phrase p (its last word as a stem when
 * p is one)? */
static bool
phrase_at(const struct phrase *p, const char *text, const struct span *w)
{
	for (size_t k = 0; k < p->n; k++)
		if (!word_eq(text, w[k], p->w[k], p->stem && k + 1 == p->n))
			return false;
	return true;
}

/* Does a phrase of c end on one of the last `within` words of before[]
 * (oldest first, nb of them)? */
static bool
match_before(const struct cond *c, const char *text, const struct span *w,
    size_t nw)
{
	for (size_t i = 0; i < c->np; i++) {
		const struct phrase *p = &c->p[i];
		for (size_t back = 0; back < c->within && back < nw; back++) {
			size_t end = nw - 1 - back;	/* phrase's last word */
			if (end + 1 < p->n)
				break;
			if (phrase_at(p, text, w + end + 1 - p->n))
				return true;
		}
	}
	return false;
}

/* Does a phrase of c start on one of the first `within` words of after[]? */
static bool
match_after(const struct cond *c, const char *text, const struct span *w,
    size_t nw)
{
	for (size_t i = 0; i < c->np; i++) {
		const struct phrase *p = &c->p[i];
		for (size_t first = 0; first < c->within && first + p->n <= nw;
		    first++)
			if (phrase_at(p, text, w + first))
				return true;
	}
	return false;
}

/* The words of the hit's sentence before it (the last RING of them). */
static size_t
words_before(const char *text, size_t start, struct span *w)
{
	size_t	 ss = start, n = 0, total = 0;
	struct span ring[RING];

	while (ss > 0 && start - ss < SENTENCE_MAX &&
	    !is_boundary((unsigned char)text[ss - 1]))
		ss--;
	for (size_t i = ss; i < start;) {
		if (!is_word_byte((unsigned char)text[i])) {
			i++;
			continue;
		}
		size_t b = i;
		while (i < start && is_word_byte((unsigned char)text[i]))
			i++;
		ring[total % RING] = (struct span){ (uint32_t)b, (uint32_t)i };
		total++;
	}
	n = total < RING ? total : RING;
	for (size_t k = 0; k < n; k++)
		w[k] = ring[(total - n + k) % RING];
	return n;
}

static size_t
words_after(const char *text, size_t len, size_t end, struct span *w,
    size_t max)
{
	size_t n = 0;

	for (size_t i = end; i < len && i - end < SENTENCE_MAX && n < max;) {
		if (is_boundary((unsigned char)text[i]))
			break;
		if (!is_word_byte((unsigned char)text[i])) {
			i++;
			continue;
		}
		size_t b = i;
		while (i < len && is_word_byte((unsigned char)text[i]))
			i++;
		w[n++] = (struct span){ (uint32_t)b, (uint32_t)i };
	}
	return n;
}

static bool
opens_single(const char *text, size_t len, size_t i)
{
	return (i == 0 || !is_word_byte((unsigned char)text[i - 1])) &&
	    i + 1 < len && is_word_byte((unsigned char)text[i + 1]);
}

static bool
closes_single(const char *text, size_t len, size_t i)
{
	return i > 0 && is_word_byte((unsigned char)text[i - 1]) &&
	    (i + 1 >= len || !is_word_byte((unsigned char)text[i + 1]));
}

/* Inside "..." or '...' on its line? */
static bool
quoted(const char *text, size_t len, size_t start, size_t end)
{
	size_t	 ls = start, dq = 0;
	bool	 single_open = false;

	while (ls > 0 && text[ls - 1] != '\n' && start - ls < SENTENCE_MAX)
		ls--;
	for (size_t i = ls; i < start; i++) {
		if (text[i] == '"')
			dq++;
		else if (text[i] == '\'' && opens_single(text, len, i))
			single_open = true;
		else if (text[i] == '\'' && closes_single(text, len, i))
			single_open = false;
	}
	bool dq_open = dq % 2 == 1;
	if (!dq_open && !single_open)
		return false;
	for (size_t i = end; i < len && text[i] != '\n' &&
	    i - end < SENTENCE_MAX; i++) {
		if (dq_open && text[i] == '"')
			return true;
		if (single_open && text[i] == '\'' &&
		    closes_single(text, len, i))
			return true;
	}
	return false;
}

bool
context_keeps(const struct rule_context *c, const char *text, size_t len,
    size_t start, size_t end)
{
	struct span	 before[RING], after[CONTEXT_MAX_WITHIN + 8];
	size_t		 nb = 0, na = 0;
	bool		 have_b = false, have_a = false;

	if (c == NULL)
		return true;
	if (c->unless_quoted && quoted(text, len, start, end))
		return false;
	for (size_t i = 0; i < c->n; i++) {
		const struct cond *k = &c->c[i];
		bool hit;

		if (k->kind == COND_UNLESS_BEFORE) {
			if (!have_a) {
				na = words_after(text, len, end, after,
				    sizeof(after) / sizeof(after[0]));
				have_a = true;
			}
			hit = match_after(k, text, after, na);
		} else {
			if (!have_b) {
				nb = words_before(text, start, before);
				have_b = true;
			}
			hit = match_before(k, text, before, nb);
		}
		if (k->kind == COND_ONLY_AFTER ? !hit : hit)
			return false;
	}
	return true;
}

void
context_apply(struct match_scratch *ms)
{
	const struct rulebook *rb = ms->rb;

	for (size_t i = 0; i < ms->nhits; i++) {
		struct hit *h = &ms->hits[i];
		const struct rule *r = &rb->rules[h->rule];

		if (r->ctx == NULL || h->suppressed || h->limit)
			continue;
		const struct rule_group *g = &rb->groups[r->group];
		const struct view *v = views_get(&ms->views, g->view, g->folds);
		if (v == NULL)
			continue;
		if (!context_keeps(r->ctx, v->text, v->len, h->vstart, h->vend))
			h->suppressed = true;
	}
}
