/* rules_compile: written entries and regexes into what matching uses:
 * entries normalized (and folded) into the lexicon of their view, @lists
 * spliced into regexes as trie-factored alternations, regexes compiled
 * (JIT when it can) with the literals the prefilter looks for. */
#include "rules_load.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "lexicon.h"
#include "readfile.h"
#include "recache.h"
#include "text.h"

/* The rulebook takes over the entries of sv. */
void
entries_keep(struct rule_entries *re, struct strvec *sv, int line)
{
	re->v = sv->v;
	re->n = sv->n;
	re->line = line;
	memset(sv, 0, sizeof(*sv));
}

void
entries_free(struct rule_entries *re)
{
	for (size_t i = 0; i < re->n; i++)
		free(re->v[i]);
	free(re->v);
}

/*
 * Turn a written entry into the form a lexicon of `group` holds: the
 * words of its normal (and folded) form, one space apart, with the stem
 * mark kept, into *outp (malloc'd). Returns 1, 0 for an entry with no
 * word in it, -1 when memory runs out.
 */
int
prepare_entry(const char *entry, const struct rule_group *g, char **outp,
    size_t *outlen)
{
	size_t	 len = strlen(entry), nlen, pos = 0, ws, we;
	bool	 stem = len > 0 && entry[len - 1] == '*';
	char	*norm, *out;
	size_t	 o = 0;

	if (stem)
		len--;
	if (g->view == VIEW_RAW) {
		norm = strndup(entry, len);
		nlen = len;
	} else {
		norm = norm_string(entry, len, &nlen);
	}
	*outp = NULL;
	if (norm == NULL)
		return -1;
	if (g->view == VIEW_FOLDED && g->folds != 0) {
		char *f = fold_string(norm, nlen, g->folds, &nlen);
		free(norm);
		if ((norm = f) == NULL)
			return -1;
	}
	if ((out = malloc(nlen + 2)) == NULL) {
		free(norm);
		return -1;
	}
	while (text_next_word(norm, nlen, &pos, &ws, &we)) {
		if (o > 0)
			out[o++] = ' ';
		memcpy(out + o, norm + ws, we - ws);
		o += we - ws;
	}
	free(norm);
	if (o == 0) {
		free(out);
		return 0;
	}
	if (stem)
		out[o++] = '*';
	out[o] = '\0';
	*outlen = o;
	*outp = out;
	return 1;
}

/*
 * An entry is read as its words: a symbol in it is dropped, so "a$$" is
 * the word "a" and matches every "a". Say so where the admin wrote it.
 */
void
warn_entry_symbols(struct loader *ld, const char *file, int line,
    const char *entry)
{
	const struct rule_group	 normal = { .view = VIEW_NORMAL };
	size_t			 len = strlen(entry), olen;
	const char		*p;
	char			*e;

	if (len > 0 && entry[len - 1] == '*')
		len--;
	for (p = entry; p < entry + len; p++) {
		unsigned char c = (unsigned char)*p;
		/* the word splitter's own table says what a word holds */
		if (c < 0x80 && !text_ascii_word[c] && c != ' ' &&
		    c != '\t' && c != '-' && c != '\'')
			break;
	}
	if (p == entry + len)
		return;
	if (prepare_entry(entry, &normal, &e, &olen) == -1)
		e = NULL;	/* the warning says less, nothing more */
	int qn, qn2;
	const char *qe = readfile_quote(entry, READFILE_QUOTE, &qn);
	const char *qe2 = readfile_quote(e != NULL ? e : "", READFILE_QUOTE, &qn2);
	diag_warning(ld->d, file, line, "entry \"%.*s%s\": '%c' is not part of "
	    "a word, so it reads as \"%.*s%s\"; match symbols with a regex rule",
	    qn, entry, qe, isprint((unsigned char)*p) ? *p : '?', qn2,
	    e != NULL ? e : "", qe2);
	free(e);
}

long
owner_add(struct rulebook *rb, enum owner_kind kind, uint32_t index)
{
	if (rb->nowners == rb->owners_cap) {
		size_t ncap = rb->owners_cap ? rb->owners_cap * 2 : 64;
		struct rule_owner *no = realloc(rb->owners, ncap * sizeof(*no));
		if (no == NULL)
			return -1;
		rb->owners = no;
		rb->owners_cap = ncap;
	}
	rb->owners[rb->nowners].kind = kind;
	rb->owners[rb->nowners].index = index;
	return (long)rb->nowners++;
}

long
group_find_or_add(struct rulebook *rb, enum view_kind view, unsigned folds)
{
	if (view != VIEW_FOLDED)
		folds = 0;
	for (size_t i = 0; i < rb->ngroups; i++)
		if (rb->groups[i].view == view && rb->groups[i].folds == folds)
			return (long)i;
	struct rule_group *ng = realloc(rb->groups,
	    (rb->ngroups + 1) * sizeof(*ng));
	if (ng == NULL)
		return -1;
	rb->groups = ng;
	ng[rb->ngroups].view = view;
	ng[rb->ngroups].folds = folds;
	ng[rb->ngroups].pf = NULL;
	if ((ng[rb->ngroups].lex = lexicon_new()) == NULL)
		return -1;
	return (long)rb->ngroups++;
}

/*
 * Expand a words/allow/except value: a string ("@list" or one entry) or
 * an array of them, into the flat list of written entries.
 */
int
expand_entries(struct loader *ld, const config_setting_t *s, const char *file,
    const char *what, struct strvec *out)
{
	int	 line = setting_line(s);
	int	 n;

	if (config_setting_type(s) == CONFIG_TYPE_STRING) {
		n = 1;
	} else if (config_setting_is_array(s) || config_setting_is_list(s)) {
		n = config_setting_length(s);
	} else {
		diag_error(ld->d, file, line,
		    "%s must be a string or an array of strings", what);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const char *e = config_setting_type(s) == CONFIG_TYPE_STRING ?
		    config_setting_get_string(s) :
		    config_setting_get_string_elem(s, (unsigned)i);
		if (e == NULL) {
			diag_error(ld->d, file, line,
			    "%s: entries must be strings", what);
			return -1;
		}
		if (e[0] == '@') {
			const struct wlist *wl = list_find(ld, e + 1,
			    strlen(e + 1));
			if (wl == NULL) {
				diag_error(ld->d, file, line,
				    "%s: no list named '%s' in this file", what,
				    e + 1);
				return -1;
			}
			for (size_t k = 0; k < wl->n; k++)
				if (strvec_push(out, wl->entries[k]) == -1) {
					loader_oom(ld, file, line);
					return -1;
				}
		} else {
			warn_entry_symbols(ld, file, line, e);
			if (strvec_push(out, e) == -1) {
				loader_oom(ld, file, line);
				return -1;
			}
		}
	}
	return 0;
}

/* Add entries to a group's lexicon under one owner. */
int
add_entries(struct loader *ld, struct rule_group *g, const struct strvec *sv,
    uint32_t owner, const char *file, int line, const char *what)
{
	int	 added = 0;

	for (size_t i = 0; i < sv->n; i++) {
		size_t len;
		char *e;
		int prc = prepare_entry(sv->v[i], g, &e, &len);
		if (prc == -1) {
			loader_oom(ld, file, line);
			return -1;
		}
		if (prc == 0) {
			int qn;
			const char *qe = readfile_quote(sv->v[i], READFILE_QUOTE,
			    &qn);
			diag_warning(ld->d, file, line,
			    "%s: entry \"%.*s%s\" has no word in it, ignored",
			    what, qn, sv->v[i], qe);
			continue;
		}
		bool exception = ld->rb->owners[owner].kind != OWNER_RULE;
		if (!exception && len <= 2 && e[len - 1] == '*') {
			/* "a*": every word that starts with a */
			int qn;
			const char *qe = readfile_quote(sv->v[i], READFILE_QUOTE,
			    &qn);
			diag_error(ld->d, file, line, "%s: entry \"%.*s%s\" "
			    "matches nearly every comment", what, qn, sv->v[i],
			    qe);
			free(e);
			continue;
		}
		if (lexicon_add(g->lex, e, len, owner,
		    exception ? LEXICON_EXACT_ONLY : 0) == -1) {
			free(e);
			loader_oom(ld, file, line);
			return -1;
		}
		if (!exception && g->view == VIEW_FOLDED &&
		    (g->folds & FOLD_SQUEEZE)) {
			/* the same entry as a stretched word would be seen:
			 * its first word with every double letter single */
			char *sp = strchr(e, ' ');
			size_t fl = sp ? (size_t)(sp - e) : len;
			char *v = malloc(len + 1);
			if (v == NULL) {
				free(e);
				loader_oom(ld, file, line);
				return -1;
			}
			size_t vl = fold_squeeze_key(e, fl, v);
			memcpy(v + vl, e + fl, len - fl);
			vl += len - fl;
			if (vl != len && lexicon_add(g->lex, v, vl, owner,
			    LEXICON_SQUEEZED_ONLY) == -1) {
				free(v);
				free(e);
				loader_oom(ld, file, line);
				return -1;
			}
			free(v);
		}
		free(e);
		added++;
	}
	return added;
}

/* A growing pattern string. */
struct rebuf {
	char	*s;
	size_t	 len, cap;
};

static int
rb_put(struct rebuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t ncap = b->cap ? b->cap : 256;
		while (ncap < b->len + n + 1)
			ncap *= 2;
		char *ns = realloc(b->s, ncap);
		if (ns == NULL)
			return -1;
		b->s = ns;
		b->cap = ncap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

static int
rb_put_char(struct rebuf *b, const char *c, size_t n)
{
	/*
	 * Spaces between words and stems are the only non-literals. An entry
	 * is its words, so a hyphen written between them ("weak-minded") is
	 * a space here, and either matches in the text.
	 */
	if (n == 1 && c[0] == ' ')
		return rb_put(b, "[\\s\\-]+", 7);
	if (n == 1 && c[0] == '*')
		return rb_put(b, "\\w*", 3);
	if (n == 1 && strchr("\\^$.[]|()?+{}#-", c[0]) != NULL &&
	    rb_put(b, "\\", 1) == -1)
		return -1;
	return rb_put(b, c, n);
}

/* Length in bytes of the UTF-8 character at s. */
static size_t
char_len(const char *s)
{
	size_t adv;

	text_decode(s, strlen(s), &adv);
	return adv;
}

/*
 * Emit sorted entries[lo, hi), which share their first `depth` bytes, as
 * a trie-factored alternation: (?:a(?:pple|nt)|b...). PCRE2 then picks
 * the branch from one character instead of trying every word.
 */
static int
emit_trie(struct rebuf *b, char **e, size_t lo, size_t hi, size_t depth)
{
	bool	 optional = false;
	size_t	 nbranch = 0, i;

	while (lo < hi && e[lo][depth] == '\0') {
		optional = true;
		lo++;
	}
	if (lo == hi)
		return 0;
	for (i = lo; i < hi;) {
		size_t cl = char_len(e[i] + depth), j = i + 1;
		while (j < hi && strncmp(e[j] + depth, e[i] + depth, cl) == 0)
			j++;
		nbranch++;
		i = j;
	}
	bool group = optional || nbranch > 1;
	if (group && rb_put(b, "(?:", 3) == -1)
		return -1;
	for (i = lo; i < hi;) {
		size_t cl = char_len(e[i] + depth), j = i + 1;
		while (j < hi && strncmp(e[j] + depth, e[i] + depth, cl) == 0)
			j++;
		if (i > lo && rb_put(b, "|", 1) == -1)
			return -1;
		if (rb_put_char(b, e[i] + depth, cl) == -1 ||
		    emit_trie(b, e, i, j, depth + cl) == -1)
			return -1;
		i = j;
	}
	if (group && rb_put(b, optional ? ")?" : ")", optional ? 2 : 1) == -1)
		return -1;
	return 0;
}

/* Splice @name lists into a pattern as trie-factored alternations. */
static char *
splice_lists(struct loader *ld, const char *pat, const char *file, int line,
    const char *rule_id, bool *spliced)
{
	struct rebuf	 b = { 0 };
	const char	*p = pat;
	struct rule_group normal = { .view = VIEW_NORMAL };

	*spliced = false;
	if (rb_put(&b, "", 0) == -1)
		goto oom;
	while (*p != '\0') {
		if (p[0] == '\\' && p[1] != '\0') {
			if (rb_put(&b, p, 2) == -1)
				goto oom;
			p += 2;
			continue;
		}
		if (p[0] != '@' || !(p[1] == '_' || (p[1] >= 'a' && p[1] <= 'z') ||
		    (p[1] >= 'A' && p[1] <= 'Z'))) {
			if (rb_put(&b, p, 1) == -1)
				goto oom;
			p++;
			continue;
		}
		const char *name = p + 1, *end = name;
		while (*end == '_' || *end == '-' || (*end >= 'a' && *end <= 'z') ||
		    (*end >= 'A' && *end <= 'Z') || (*end >= '0' && *end <= '9'))
			end++;
		const struct wlist *wl = list_find(ld, name, (size_t)(end - name));
		if (wl == NULL) {
			diag_error(ld->d, file, line,
			    "rule '%s': regex refers to list '@%.*s', which this file does not define",
			    rule_id, (int)(end - name), name);
			goto fail;
		}
		char **ents = calloc(wl->n + 1, sizeof(char *));
		size_t ne = 0;
		int prc = 0;
		if (ents == NULL)
			goto oom;
		for (size_t k = 0; k < wl->n && prc != -1; k++) {
			size_t len;
			char *pe;
			if ((prc = prepare_entry(wl->entries[k], &normal, &pe,
			    &len)) == 1)
				ents[ne++] = pe;
		}
		if (prc == -1) {
			for (size_t k = 0; k < ne; k++)
				free(ents[k]);
			free(ents);
			goto oom;
		}
		qsort(ents, ne, sizeof(char *), cmp_str);
		/* drop duplicates so the trie has no empty branches */
		size_t u = 0;
		for (size_t k = 0; k < ne; k++) {
			if (u > 0 && strcmp(ents[u - 1], ents[k]) == 0) {
				free(ents[k]);
				continue;
			}
			ents[u++] = ents[k];
		}
		int rc = 0;
		if (u == 0)
			rc = rb_put(&b, "(*FAIL)", 7);
		else if ((rc = rb_put(&b, "(?:", 3)) == 0 &&
		    (rc = emit_trie(&b, ents, 0, u, 0)) == 0)
			rc = rb_put(&b, ")", 1);
		for (size_t k = 0; k < u; k++)
			free(ents[k]);
		free(ents);
		if (rc == -1)
			goto oom;
		*spliced = true;
		p = end;
	}
	return b.s;
oom:
	loader_oom(ld, file, line);
fail:
	free(b.s);
	return NULL;
}

/* An upper-case letter that is a literal, not part of an escape (\S, \W,
 * \p{Lu}, \N{...}). */
static bool
pattern_has_upper(const char *p)
{
	for (; *p != '\0'; p++) {
		if (*p == '\\') {
			if (p[1] == '\0')
				break;
			p++;
			if ((*p == 'p' || *p == 'P' || *p == 'N') && p[1] == '{') {
				const char *close = strchr(p, '}');
				if (close == NULL)
					break;
				p = close;
			}
			continue;
		}
		if (*p >= 'A' && *p <= 'Z')
			return true;
	}
	return false;
}

/* The prefilter's view of a list: its entries as the splice writes them
 * (normalized, words separated by one space, a stem mark kept). */
static int
list_entries(void *ctx, const char *name, size_t len, char *const **words,
    size_t *n)
{
	struct loader		*ld = ctx;
	struct wlist		*wl = (struct wlist *)list_find(ld, name, len);
	struct rule_group	 normal = { .view = VIEW_NORMAL };

	if (wl == NULL)
		return -1;
	if (!wl->prepared_done) {
		if (wl->prepared != NULL ||	/* an earlier try ran out */
		    (wl->prepared = calloc(wl->n + 1, sizeof(char *))) == NULL) {
			ld->oom = true;
			return -1;
		}
		for (size_t k = 0; k < wl->n; k++) {
			size_t elen;
			char *e;
			int rc = prepare_entry(wl->entries[k], &normal, &e, &elen);
			if (rc == -1) {
				/* the analysis gives up; load_regex says why */
				ld->oom = true;
				return -1;
			}
			if (rc == 1)
				wl->prepared[wl->nprepared++] = e;
		}
		wl->prepared_done = true;
	}
	*words = wl->prepared;
	*n = wl->nprepared;
	return 0;
}

void
load_regex(struct loader *ld, struct rule *r, const char *pat,
    const char *file, int line)
{
	bool		 spliced;
	int		 err;
	PCRE2_SIZE	 off;
	char		*full;

	if ((full = splice_lists(ld, pat, file, line, r->id, &spliced)) == NULL)
		return;
	r->pattern = full;
	/* the normal and folded views are case-folded already: caseless
	 * matching there would only cost time, unless the admin wrote an
	 * upper-case letter that would then never match */
	/* no PCRE2_NO_UTF_CHECK: a rule file may hold any bytes, and PCRE2
	 * reads past the end of a pattern that is not UTF-8 */
	uint32_t opts = PCRE2_UTF | PCRE2_UCP;
	if (r->view == VIEW_RAW || pattern_has_upper(pat))
		opts |= PCRE2_CASELESS;
	ld->oom = false;
	int arc = prefilter_analyze(pat, list_entries, ld, &r->atoms);
	if (arc == -1 || ld->oom) {
		loader_oom(ld, file, line);
		return;
	}
	if (arc == 1)
		r->prefiltered = true;
	/* matches start at or before the last literal the prefilter finds
	 * for them: the search can stop there; and match.c searches long
	 * texts a stretch of start places at a time, to look at the
	 * comment's regex budget in between */
	opts |= PCRE2_USE_OFFSET_LIMIT;
	/* \G holds where a search starts: such a regex is searched in one
	 * go, as its author meant */
	r->whole_search = strstr(pat, "\\G") != NULL;
	/* a reload of files that did not change finds its patterns
	 * compiled already (recache.h) */
	struct recache_info info;
	r->re = recache_get(full, opts, &info, &err, &off);
	if (r->re == NULL && err == 0) {
		loader_oom(ld, file, line);
		return;
	}
	if (r->re == NULL) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof(msg));
		diag_error(ld->d, file, line,
		    "rule '%s': regex error at offset %zu%s: %s", r->id,
		    (size_t)off, spliced ? " (after splicing lists)" : "",
		    (const char *)msg);
		return;
	}
	/* it could still need a non-empty match; recache tried "" */
	if (info.matches_empty)
		diag_error(ld->d, file, line,
		    "rule '%s': regex matches the empty string, so it would hit every comment",
		    r->id);
	/* JIT is an accelerator: without it the interpreter gives the same
	 * answers, so a failure is only worth a warning. */
	if (!info.jit)
		diag_warning(ld->d, file, line,
		    "rule '%s': PCRE2 JIT unavailable, using the interpreter",
		    r->id);
}

/* One automaton per view over the literals of the regexes reading it. */
int
prefilters_build(struct rulebook *rb)
{
	for (size_t i = 0; i < rb->nrules; i++) {
		struct rule *r = &rb->rules[i];
		struct rule_group *g = &rb->groups[r->group];
		if (!r->prefiltered)
			continue;
		if (g->pf == NULL && (g->pf = prefilter_new()) == NULL)
			return -1;
		for (size_t k = 0; k < r->atoms.n; k++)
			if (prefilter_add(g->pf, r->atoms.v[k], r->atoms.flags[k],
			    (uint32_t)i, r->atoms.set[k]) == -1)
				return -1;
	}
	for (size_t g = 0; g < rb->ngroups; g++)
		if (rb->groups[g].pf != NULL &&
		    prefilter_compile(rb->groups[g].pf) == -1)
			return -1;
	return 0;
}
