#include "rules.h"

#include <dirent.h>
#include <errno.h>
#include <libconfig.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "context.h"
#include "fold.h"
#include "lexicon.h"
#include "severity.h"
#include "text.h"

/* A named word list of one rule file. */
struct wlist {
	char		*name;
	char		**entries;
	size_t		 n;
	char		**prepared;	/* each entry normalized, for the prefilter */
	size_t		 nprepared;
	bool		 prepared_done;
	char		*file;		/* where it is defined, for messages */
	int		 line;
};

struct loader {
	struct rulebook	*rb;
	struct diag	*d;
	/* lists of the file being loaded */
	struct wlist	*lists;
	size_t		 nlists;
	size_t		 rules_cap, sets_cap;
};

struct strvec {
	char		**v;
	size_t		 n, cap;
};

static int
strvec_push(struct strvec *sv, const char *s)
{
	if (sv->n == sv->cap) {
		size_t ncap = sv->cap ? sv->cap * 2 : 16;
		char **nv = realloc(sv->v, ncap * sizeof(*nv));
		if (nv == NULL)
			return -1;
		sv->v = nv;
		sv->cap = ncap;
	}
	if ((sv->v[sv->n] = strdup(s)) == NULL)
		return -1;
	sv->n++;
	return 0;
}

static void
strvec_free(struct strvec *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	memset(sv, 0, sizeof(*sv));
}

/* The rulebook takes over the entries of sv. */
static void
entries_keep(struct rule_entries *re, struct strvec *sv, int line)
{
	re->v = sv->v;
	re->n = sv->n;
	re->line = line;
	memset(sv, 0, sizeof(*sv));
}

static void
entries_free(struct rule_entries *re)
{
	for (size_t i = 0; i < re->n; i++)
		free(re->v[i]);
	free(re->v);
}

static const char *
setting_file(const config_setting_t *s, const char *fallback)
{
	const char *f = config_setting_source_file(s);

	return f != NULL ? f : fallback;
}

static int
setting_line(const config_setting_t *s)
{
	return (int)config_setting_source_line(s);
}

/* Report fields libconfig accepted but decorumd does not know: a typo in a
 * rule file must not silently do nothing. */
static void
check_fields(struct loader *ld, const config_setting_t *group,
    const char *file, const char *what, const char *const *known)
{
	int	 n = config_setting_length(group);

	for (int i = 0; i < n; i++) {
		const config_setting_t *s = config_setting_get_elem(group,
		    (unsigned)i);
		const char *name = config_setting_name(s);
		bool ok = false;

		if (name == NULL)
			continue;
		for (size_t k = 0; known[k] != NULL; k++)
			if (strcmp(name, known[k]) == 0)
				ok = true;
		if (!ok)
			diag_error(ld->d, setting_file(s, file), setting_line(s),
			    "unknown field '%s' in %s", name, what);
	}
}

static char *
path_join(const char *dir, const char *name)
{
	char	*p;
	size_t	 n;

	if (name[0] == '/' || dir == NULL || dir[0] == '\0')
		return strdup(name);
	n = strlen(dir) + strlen(name) + 2;
	if ((p = malloc(n)) == NULL)
		return NULL;
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	return strndup(path, (size_t)(slash - path));
}

static void warn_entry_symbols(struct loader *, const char *, int,
    const char *);

/* Read a word list file: one entry a line, '#' starts a comment. */
static int
read_list_file(struct loader *ld, const char *path, const char *ref_file,
    int ref_line, struct strvec *out)
{
	FILE	*f;
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 n;
	int	 lineno = 0;

	if ((f = fopen(path, "r")) == NULL) {
		diag_error(ld->d, ref_file, ref_line,
		    "cannot open word list %s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, f)) != -1) {
		lineno++;
		char *hash = memchr(line, '#', (size_t)n);
		if (hash != NULL)
			*hash = '\0';
		char *s = line, *e = line + strlen(line);
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' ||
		    e[-1] == '\n' || e[-1] == '\r'))
			e--;
		*e = '\0';
		if (*s == '\0')
			continue;
		if (text_utf8_invalid_at(s, (size_t)(e - s)) >= 0) {
			diag_error(ld->d, path, lineno, "entry is not valid UTF-8");
			continue;
		}
		warn_entry_symbols(ld, path, lineno, s);
		if (strvec_push(out, s) == -1) {
			fclose(f);
			free(line);
			return -1;
		}
	}
	free(line);
	fclose(f);
	if (out->n == 0)
		diag_warning(ld->d, ref_file, ref_line, "word list %s is empty",
		    path);
	return 0;
}

static void
lists_free(struct loader *ld)
{
	for (size_t i = 0; i < ld->nlists; i++) {
		free(ld->lists[i].name);
		for (size_t k = 0; k < ld->lists[i].n; k++)
			free(ld->lists[i].entries[k]);
		free(ld->lists[i].entries);
		for (size_t k = 0; k < ld->lists[i].nprepared; k++)
			free(ld->lists[i].prepared[k]);
		free(ld->lists[i].prepared);
	}
	free(ld->lists);
	ld->lists = NULL;
	ld->nlists = 0;
}

static const struct wlist *
list_find(const struct loader *ld, const char *name, size_t len)
{
	for (size_t i = 0; i < ld->nlists; i++)
		if (strlen(ld->lists[i].name) == len &&
		    memcmp(ld->lists[i].name, name, len) == 0)
			return &ld->lists[i];
	return NULL;
}

static void
load_lists(struct loader *ld, const config_setting_t *lists, const char *file,
    const char *dir)
{
	int	 n = config_setting_length(lists);

	if (!config_setting_is_group(lists)) {
		diag_error(ld->d, file, setting_line(lists),
		    "'lists' must be a group: lists = { name = \"file\"; }");
		return;
	}
	ld->lists = calloc((size_t)n + 1, sizeof(*ld->lists));
	if (ld->lists == NULL)
		return;
	for (int i = 0; i < n; i++) {
		config_setting_t *s = config_setting_get_elem(lists, (unsigned)i);
		struct strvec sv = { 0 };
		int line = setting_line(s);

		if (config_setting_type(s) == CONFIG_TYPE_STRING) {
			char *path = path_join(dir, config_setting_get_string(s));
			if (path == NULL)
				continue;
			read_list_file(ld, path, file, line, &sv);
			free(path);
		} else if (config_setting_is_array(s) ||
		    config_setting_is_list(s)) {
			int m = config_setting_length(s);
			for (int k = 0; k < m; k++) {
				const char *e = config_setting_get_string_elem(s,
				    (unsigned)k);
				if (e == NULL) {
					diag_error(ld->d, file, line,
					    "list '%s': entries must be strings",
					    config_setting_name(s));
					continue;
				}
				warn_entry_symbols(ld, file, line, e);
				strvec_push(&sv, e);
			}
			if (m == 0)
				diag_warning(ld->d, file, line,
				    "list '%s' is empty", config_setting_name(s));
		} else {
			diag_error(ld->d, file, line,
			    "list '%s' must be a file name or an array of strings",
			    config_setting_name(s));
			continue;
		}
		struct wlist *wl = &ld->lists[ld->nlists++];
		wl->name = strdup(config_setting_name(s));
		wl->entries = sv.v;
		wl->n = sv.n;
		wl->file = (char *)file;
		wl->line = line;
	}
}

/*
 * Turn a written entry into the form a lexicon of `group` holds: the
 * words of its normal (and folded) form, one space apart, with the stem
 * mark kept. Returns NULL for an entry with no word in it.
 */
static char *
prepare_entry(const char *entry, const struct rule_group *g, size_t *outlen)
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
	if (norm == NULL)
		return NULL;
	if (g->view == VIEW_FOLDED && g->folds != 0) {
		char *f = fold_string(norm, nlen, g->folds, &nlen);
		free(norm);
		if ((norm = f) == NULL)
			return NULL;
	}
	if ((out = malloc(nlen + 2)) == NULL) {
		free(norm);
		return NULL;
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
		return NULL;
	}
	if (stem)
		out[o++] = '*';
	out[o] = '\0';
	*outlen = o;
	return out;
}

/*
 * An entry is read as its words: a symbol in it is dropped, so "a$$" is
 * the word "a" and matches every "a". Say so where the admin wrote it.
 */
static void
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
	e = prepare_entry(entry, &normal, &olen);
	diag_warning(ld->d, file, line, "entry \"%s\": '%c' is not part of a "
	    "word, so it reads as \"%s\"; match symbols with a regex rule",
	    entry, *p, e != NULL ? e : "");
	free(e);
}

static long
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

static long
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
static int
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
				if (strvec_push(out, wl->entries[k]) == -1)
					return -1;
		} else {
			warn_entry_symbols(ld, file, line, e);
			if (strvec_push(out, e) == -1)
				return -1;
		}
	}
	return 0;
}

/* Add entries to a group's lexicon under one owner. */
static int
add_entries(struct loader *ld, struct rule_group *g, const struct strvec *sv,
    uint32_t owner, const char *file, int line, const char *what)
{
	int	 added = 0;

	for (size_t i = 0; i < sv->n; i++) {
		size_t len;
		char *e = prepare_entry(sv->v[i], g, &len);
		if (e == NULL) {
			diag_warning(ld->d, file, line,
			    "%s: entry \"%s\" has no word in it, ignored", what,
			    sv->v[i]);
			continue;
		}
		bool exception = ld->rb->owners[owner].kind != OWNER_RULE;
		if (lexicon_add(g->lex, e, len, owner,
		    exception ? LEXICON_EXACT_ONLY : 0) == -1) {
			free(e);
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
				return -1;
			}
			size_t vl = fold_squeeze_key(e, fl, v);
			memcpy(v + vl, e + fl, len - fl);
			vl += len - fl;
			if (vl != len && lexicon_add(g->lex, v, vl, owner,
			    LEXICON_SQUEEZED_ONLY) == -1) {
				free(v);
				free(e);
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

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
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
		return NULL;
	while (*p != '\0') {
		if (p[0] == '\\' && p[1] != '\0') {
			if (rb_put(&b, p, 2) == -1)
				goto fail;
			p += 2;
			continue;
		}
		if (p[0] != '@' || !(p[1] == '_' || (p[1] >= 'a' && p[1] <= 'z') ||
		    (p[1] >= 'A' && p[1] <= 'Z'))) {
			if (rb_put(&b, p, 1) == -1)
				goto fail;
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
		if (ents == NULL)
			goto fail;
		for (size_t k = 0; k < wl->n; k++) {
			size_t len;
			char *pe = prepare_entry(wl->entries[k], &normal, &len);
			if (pe != NULL)
				ents[ne++] = pe;
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
			goto fail;
		*spliced = true;
		p = end;
	}
	return b.s;
fail:
	free(b.s);
	return NULL;
}

static int
parse_view(const char *name, enum view_kind *out)
{
	if (strcmp(name, "raw") == 0)
		*out = VIEW_RAW;
	else if (strcmp(name, "normal") == 0)
		*out = VIEW_NORMAL;
	else if (strcmp(name, "folded") == 0)
		*out = VIEW_FOLDED;
	else
		return -1;
	return 0;
}

static int
parse_mode(struct loader *ld, const config_setting_t *parent, const char *file,
    bool *shadow)
{
	const char *mode;

	if (!config_setting_lookup_string(parent, "mode", &mode)) {
		if (config_setting_get_member(parent, "mode") != NULL) {
			diag_error(ld->d, file, setting_line(
			    config_setting_get_member(parent, "mode")),
			    "mode must be \"enforce\" or \"shadow\"");
			return -1;
		}
		return 0;
	}
	if (strcmp(mode, "shadow") == 0)
		*shadow = true;
	else if (strcmp(mode, "enforce") == 0)
		*shadow = false;
	else {
		diag_error(ld->d, file, setting_line(
		    config_setting_get_member(parent, "mode")),
		    "mode must be \"enforce\" or \"shadow\", not \"%s\"", mode);
		return -1;
	}
	return 0;
}

static long
category_index(struct rulebook *rb, const char *name)
{
	for (size_t i = 0; i < rb->ncategories; i++)
		if (strcmp(rb->categories[i], name) == 0)
			return (long)i;
	char **nc = realloc(rb->categories, (rb->ncategories + 1) * sizeof(*nc));
	if (nc == NULL)
		return -1;
	rb->categories = nc;
	if ((nc[rb->ncategories] = strdup(name)) == NULL)
		return -1;
	return (long)rb->ncategories++;
}

static bool
valid_name(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_' || *s == '-' || *s == '.'))
			return false;
	return true;
}

static struct rule *
rule_new(struct loader *ld)
{
	struct rulebook *rb = ld->rb;

	if (rb->nrules == ld->rules_cap) {
		size_t ncap = ld->rules_cap ? ld->rules_cap * 2 : 64;
		struct rule *nr = realloc(rb->rules, ncap * sizeof(*nr));
		if (nr == NULL)
			return NULL;
		rb->rules = nr;
		ld->rules_cap = ncap;
	}
	struct rule *r = &rb->rules[rb->nrules];
	memset(r, 0, sizeof(*r));
	return r;
}

static void
load_caps(struct loader *ld, struct rule *r, const config_setting_t *caps,
    const char *file)
{
	static const char *const known[] = { "min_letters", "min_ratio",
	    "min_word", NULL };
	int		 iv;
	double		 dv;

	r->caps.min_letters = CAPS_DEFAULT_MIN_LETTERS;
	r->caps.min_ratio = CAPS_DEFAULT_MIN_RATIO;
	r->caps.min_word = CAPS_DEFAULT_MIN_WORD;
	if (config_setting_type(caps) == CONFIG_TYPE_BOOL)
		return;
	if (!config_setting_is_group(caps)) {
		diag_error(ld->d, file, setting_line(caps),
		    "rule '%s': caps must be true or a group { min_letters; min_ratio; min_word; }",
		    r->id);
		return;
	}
	check_fields(ld, caps, file, "caps", known);
	if (config_setting_lookup_int(caps, "min_letters", &iv)) {
		if (iv < 1)
			diag_error(ld->d, file, setting_line(caps),
			    "rule '%s': min_letters must be at least 1", r->id);
		else
			r->caps.min_letters = (unsigned)iv;
	}
	if (config_setting_lookup_int(caps, "min_word", &iv) && iv >= 0)
		r->caps.min_word = (unsigned)iv;
	if (config_setting_lookup_float(caps, "min_ratio", &dv)) {
		if (dv <= 0 || dv > 1)
			diag_error(ld->d, file, setting_line(caps),
			    "rule '%s': min_ratio must be in (0, 1]", r->id);
		else
			r->caps.min_ratio = dv;
	}
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
		wl->prepared_done = true;
		if ((wl->prepared = calloc(wl->n + 1, sizeof(char *))) == NULL)
			return -1;
		for (size_t k = 0; k < wl->n; k++) {
			size_t elen;
			char *e = prepare_entry(wl->entries[k], &normal, &elen);
			if (e != NULL)
				wl->prepared[wl->nprepared++] = e;
		}
	}
	*words = wl->prepared;
	*n = wl->nprepared;
	return 0;
}

static void
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
	if (prefilter_analyze(pat, list_entries, ld, &r->atoms) == 1)
		r->prefiltered = true;
	/* matches start at or before the last literal the prefilter finds
	 * for them: the search can stop there */
	if (r->prefiltered)
		opts |= PCRE2_USE_OFFSET_LIMIT;
	r->re = pcre2_compile((PCRE2_SPTR)full, PCRE2_ZERO_TERMINATED, opts,
	    &err, &off, NULL);
	if (r->re == NULL) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof(msg));
		diag_error(ld->d, file, line,
		    "rule '%s': regex error at offset %zu%s: %s", r->id,
		    (size_t)off, spliced ? " (after splicing lists)" : "",
		    (const char *)msg);
		return;
	}
	uint32_t minlen = 1;
	pcre2_pattern_info(r->re, PCRE2_INFO_MINLENGTH, &minlen);
	if (minlen == 0) {
		/* could still need a non-empty match; test the empty string */
		pcre2_match_data *md = pcre2_match_data_create(1, NULL);
		if (md != NULL && pcre2_match(r->re, (PCRE2_SPTR)"", 0, 0, 0, md,
		    NULL) >= 0)
			diag_error(ld->d, file, line,
			    "rule '%s': regex matches the empty string, so it would hit every comment",
			    r->id);
		pcre2_match_data_free(md);
	}
	/* JIT is an accelerator: without it the interpreter gives the same
	 * answers, so a failure is only worth a warning. */
	if (pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE) != 0)
		diag_warning(ld->d, file, line,
		    "rule '%s': PCRE2 JIT unavailable, using the interpreter",
		    r->id);
}

/* context.c resolves a rule's "@name" through this */
static const char *const *
context_list(void *arg, const char *name, size_t *n)
{
	const struct wlist *wl = list_find(arg, name, strlen(name));

	if (wl == NULL)
		return NULL;
	*n = wl->n;
	return (const char *const *)wl->entries;
}

static void
load_rule(struct loader *ld, struct ruleset *set, uint32_t set_index,
    config_setting_t *rs, const char *file)
{
	static const char *const known[] = { "id", "description", "words",
	    "regex", "caps", "view", "weight", "mode", "except", "severity",
	    "unless_after", "only_after", "unless_before", "unless_quoted",
	    NULL };
	struct rulebook	*rb = ld->rb;
	int		 line = setting_line(rs);
	const char	*id, *s;
	struct rule	*r;
	config_setting_t *words, *regex, *caps, *except;

	if (!config_setting_is_group(rs)) {
		diag_error(ld->d, file, line, "each rule must be a group { id = ...; }");
		return;
	}
	check_fields(ld, rs, file, "rule", known);
	if (!config_setting_lookup_string(rs, "id", &id)) {
		diag_error(ld->d, file, line, "rule without an id");
		return;
	}
	if (!valid_name(id)) {
		diag_error(ld->d, file, line,
		    "rule id '%s' may only use a-z 0-9 . _ -", id);
		return;
	}
	for (size_t i = 0; i < rb->nrules; i++) {
		if (strcmp(rb->rules[i].id, id) == 0) {
			diag_error(ld->d, file, line,
			    "duplicate rule id '%s' (first at %s:%d)", id,
			    rb->rules[i].file, rb->rules[i].line);
			return;
		}
	}
	if ((r = rule_new(ld)) == NULL)
		return;
	r->id = strdup(id);
	r->file = set->file;
	r->line = line;
	r->set = set_index;
	r->category = set->category;
	r->weight = 1.0;
	r->shadow = set->shadow;
	if (config_setting_lookup_string(rs, "description", &s))
		r->description = strdup(s);
	rb->nrules++;		/* from here the rulebook owns it */

	words = config_setting_get_member(rs, "words");
	regex = config_setting_get_member(rs, "regex");
	caps = config_setting_get_member(rs, "caps");
	if ((words != NULL) + (regex != NULL) + (caps != NULL) != 1) {
		diag_error(ld->d, file, line,
		    "rule '%s' needs exactly one of words, regex or caps", id);
		return;
	}
	r->kind = words ? RULE_WORDS : regex ? RULE_REGEX : RULE_CAPS;
	r->view = r->kind == RULE_WORDS ? VIEW_FOLDED :
	    r->kind == RULE_REGEX ? VIEW_NORMAL : VIEW_RAW;
	if (config_setting_lookup_string(rs, "view", &s) &&
	    parse_view(s, &r->view) == -1)
		diag_error(ld->d, file, line,
		    "rule '%s': view must be raw, normal or folded, not \"%s\"",
		    id, s);
	if (r->kind == RULE_CAPS)
		r->view = VIEW_RAW;	/* case is what it looks at */

	config_setting_t *w = config_setting_get_member(rs, "weight");
	if (w != NULL) {
		if (config_setting_type(w) == CONFIG_TYPE_FLOAT)
			r->weight = config_setting_get_float(w);
		else if (config_setting_type(w) == CONFIG_TYPE_INT)
			r->weight = config_setting_get_int(w);
		else
			diag_error(ld->d, file, setting_line(w),
			    "rule '%s': weight must be a number", id);
		if (r->weight < 0)
			diag_error(ld->d, file, setting_line(w),
			    "rule '%s': weight must not be negative", id);
	}
	parse_mode(ld, rs, file, &r->shadow);
	if (set->shadow)
		r->shadow = true;

	long g = group_find_or_add(rb, r->view, set->folds);
	if (g < 0)
		return;
	r->group = (uint32_t)g;

	if (r->kind == RULE_WORDS) {
		struct strvec sv = { 0 };
		long owner = owner_add(rb, OWNER_RULE, (uint32_t)(r - rb->rules));
		if (owner >= 0 && expand_entries(ld, words, file, "words", &sv) == 0) {
			int n = add_entries(ld, &rb->groups[g], &sv,
			    (uint32_t)owner, file, line, r->id);
			if (n == 0)
				diag_error(ld->d, file, line,
				    "rule '%s' has no words", id);
		}
		entries_keep(&r->words, &sv, line);
	} else if (r->kind == RULE_REGEX) {
		if (config_setting_type(regex) != CONFIG_TYPE_STRING)
			diag_error(ld->d, file, line,
			    "rule '%s': regex must be a string", id);
		else
			load_regex(ld, r, config_setting_get_string(regex),
			    file, setting_line(regex));
	} else {
		load_caps(ld, r, caps, file);
	}

	if ((except = config_setting_get_member(rs, "except")) != NULL) {
		struct strvec sv = { 0 };
		long owner = owner_add(rb, OWNER_EXCEPT, (uint32_t)(r - rb->rules));
		if (owner >= 0 && expand_entries(ld, except, file, "except", &sv) == 0 &&
		    add_entries(ld, &rb->groups[g], &sv, (uint32_t)owner, file,
		    setting_line(except), r->id) > 0)
			r->has_except = true;
		entries_keep(&r->except, &sv, setting_line(except));
	}
	/* severity (severity.c) and context conditions (context.c) */
	severity_load_rule(rb, r, rs, file, ld->d);
	context_load_rule(r, rs, file, ld->d, context_list, ld);
}

static void
load_file(struct loader *ld, const char *path)
{
	static const char *const known[] = { "name", "category", "description",
	    "mode", "folds", "lists", "rules", "allow", NULL };
	struct rulebook	*rb = ld->rb;
	config_t	 cfg;
	config_setting_t *root, *s;
	const char	*str;
	char		*dir = NULL, *file = NULL;
	struct ruleset	*set;

	config_init(&cfg);
	if (config_read_file(&cfg, path) != CONFIG_TRUE) {
		if (config_error_type(&cfg) == CONFIG_ERR_FILE_IO)
			diag_error(ld->d, path, 0, "cannot read: %s",
			    strerror(errno));
		else
			diag_error(ld->d, config_error_file(&cfg) ?
			    config_error_file(&cfg) : path,
			    config_error_line(&cfg), "%s",
			    config_error_text(&cfg));
		config_destroy(&cfg);
		return;
	}
	root = config_root_setting(&cfg);
	check_fields(ld, root, path, "rule file", known);

	if (rb->nsets == ld->sets_cap) {
		size_t ncap = ld->sets_cap ? ld->sets_cap * 2 : 16;
		struct ruleset *ns = realloc(rb->sets, ncap * sizeof(*ns));
		if (ns == NULL)
			goto out;
		rb->sets = ns;
		ld->sets_cap = ncap;
	}
	set = &rb->sets[rb->nsets];
	memset(set, 0, sizeof(*set));
	if ((file = strdup(path)) == NULL || (dir = dir_of(path)) == NULL)
		goto out;
	set->file = file;
	file = NULL;
	if (config_lookup_string(&cfg, "name", &str)) {
		set->name = strdup(str);
	} else {
		const char *base = strrchr(path, '/');
		base = base ? base + 1 : path;
		const char *dot = strrchr(base, '.');
		set->name = strndup(base, dot ? (size_t)(dot - base) : strlen(base));
	}
	for (size_t i = 0; i < rb->nsets; i++)
		if (strcmp(rb->sets[i].name, set->name) == 0)
			diag_error(ld->d, path, 0,
			    "rule set '%s' is already defined by %s", set->name,
			    rb->sets[i].file);
	if (!config_lookup_string(&cfg, "category", &str)) {
		diag_error(ld->d, path, 0, "rule file has no category");
		str = "uncategorized";
	} else if (!valid_name(str)) {
		diag_error(ld->d, path, setting_line(config_lookup(&cfg,
		    "category")), "category '%s' may only use a-z 0-9 _ -", str);
	}
	long cat = category_index(rb, str);
	if (cat < 0)
		goto out;
	set->category = (uint32_t)cat;
	if (config_lookup_string(&cfg, "description", &str))
		set->description = strdup(str);
	parse_mode(ld, root, path, &set->shadow);
	set->folds = FOLD_ALL;
	if ((s = config_lookup(&cfg, "folds")) != NULL) {
		set->folds = 0;
		if (!config_setting_is_array(s)) {
			diag_error(ld->d, path, setting_line(s),
			    "folds must be an array of names");
		} else {
			for (int i = 0; i < config_setting_length(s); i++) {
				const char *fn = config_setting_get_string_elem(s,
				    (unsigned)i);
				unsigned f = fn ? fold_parse(fn) : 0;
				if (f == 0)
					diag_error(ld->d, path, setting_line(s),
					    "unknown fold \"%s\" (known: confusables, leet, squeeze, join)",
					    fn ? fn : "?");
				set->folds |= f;
			}
		}
	}
	uint32_t set_index = (uint32_t)rb->nsets++;

	if ((s = config_lookup(&cfg, "lists")) != NULL)
		load_lists(ld, s, set->file, dir);

	set->first_rule = (uint32_t)rb->nrules;
	if ((s = config_lookup(&cfg, "rules")) == NULL) {
		diag_warning(ld->d, path, 0, "rule file has no rules");
	} else if (!config_setting_is_list(s)) {
		diag_error(ld->d, path, setting_line(s),
		    "rules must be a list: rules = ( { ... }, { ... } );");
	} else {
		for (int i = 0; i < config_setting_length(s); i++)
			load_rule(ld, &rb->sets[set_index], set_index,
			    config_setting_get_elem(s, (unsigned)i), set->file);
	}
	set = &rb->sets[set_index];
	set->nrules = (uint32_t)rb->nrules - set->first_rule;

	if ((s = config_lookup(&cfg, "allow")) != NULL) {
		struct strvec sv = { 0 };
		long owner = owner_add(rb, OWNER_ALLOW, set_index);
		if (owner >= 0 && expand_entries(ld, s, set->file, "allow", &sv) == 0) {
			/* allow entries apply in every view this set's rules read */
			for (size_t gi = 0; gi < rb->ngroups; gi++) {
				bool used = false;
				for (uint32_t k = 0; k < set->nrules; k++)
					if (rb->rules[set->first_rule + k].group == gi)
						used = true;
				if (used && add_entries(ld, &rb->groups[gi], &sv,
				    (uint32_t)owner, set->file, setting_line(s),
				    "allow") > 0)
					set->has_allow = true;
			}
		}
		entries_keep(&set->allow, &sv, setting_line(s));
	}
out:
	free(file);
	free(dir);
	lists_free(ld);
	config_destroy(&cfg);
}

void
rules_free(struct rulebook *rb)
{
	if (rb == NULL)
		return;
	for (size_t i = 0; i < rb->nrules; i++) {
		free(rb->rules[i].id);
		free(rb->rules[i].description);
		free(rb->rules[i].pattern);
		pcre2_code_free(rb->rules[i].re);
		entries_free(&rb->rules[i].words);
		entries_free(&rb->rules[i].except);
		prefilter_atoms_free(&rb->rules[i].atoms);
		context_free(rb->rules[i].ctx);
	}
	for (size_t i = 0; i < rb->nsets; i++) {
		free(rb->sets[i].name);
		free(rb->sets[i].file);
		free(rb->sets[i].description);
		entries_free(&rb->sets[i].allow);
	}
	for (size_t i = 0; i < rb->ngroups; i++) {
		lexicon_free(rb->groups[i].lex);
		prefilter_free(rb->groups[i].pf);
	}
	for (size_t i = 0; i < rb->ncategories; i++)
		free(rb->categories[i]);
	free(rb->rules);
	free(rb->sets);
	free(rb->groups);
	free(rb->categories);
	free(rb->owners);
	severity_names_free(rb);
	free(rb);
}

/* One automaton per view over the literals of the regexes reading it. */
static int
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

struct rulebook *
rules_load_files(const char *const *files, size_t n, struct diag *d)
{
	struct loader	 ld;
	size_t		 errors = d->errors;

	memset(&ld, 0, sizeof(ld));
	ld.d = d;
	if ((ld.rb = calloc(1, sizeof(*ld.rb))) == NULL) {
		diag_error(d, NULL, 0, "out of memory loading rules");
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		load_file(&ld, files[i]);
	if (d->errors == errors && prefilters_build(ld.rb) == -1)
		diag_error(d, NULL, 0, "out of memory building regex prefilters");
	if (d->errors > errors) {
		rules_free(ld.rb);
		return NULL;
	}
	ld.rb->use_prefilter = true;
	return ld.rb;
}

static int
list_conf_files(const char *dir, struct strvec *names, bool must_exist,
    struct diag *d)
{
	DIR		*dp;
	struct dirent	*de;

	if ((dp = opendir(dir)) == NULL) {
		if (!must_exist && errno == ENOENT)
			return 0;
		diag_error(d, dir, 0, "cannot open rules directory: %s",
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 6 ||
		    strcmp(de->d_name + len - 5, ".conf") != 0)
			continue;
		if (strvec_push(names, de->d_name) == -1) {
			closedir(dp);
			return -1;
		}
	}
	closedir(dp);
	if (names->n > 1)	/* an empty directory has no array to sort */
		qsort(names->v, names->n, sizeof(char *), cmp_str);
	return 0;
}

struct rulebook *
rules_load_dir(const char *dir, struct diag *d)
{
	return rules_load_dir_overlay(dir, NULL, d);
}

struct rulebook *
rules_load_dir_overlay(const char *dir, const char *overlay, struct diag *d)
{
	struct strvec	 shipped = { 0 }, local = { 0 }, paths = { 0 };
	struct rulebook	*rb = NULL;
	char		*localdir = overlay != NULL && overlay[0] != '\0' ?
			    strdup(overlay) : path_join(dir, "local");

	/*
	 * A site's own files live in local/ so that upgrades never touch
	 * them; a local file replaces the shipped one of the same name.
	 */
	if (localdir == NULL ||
	    list_conf_files(dir, &shipped, true, d) == -1 ||
	    list_conf_files(localdir, &local, false, d) == -1)
		goto out;
	for (size_t i = 0; i < shipped.n; i++) {
		bool overridden = false;
		for (size_t k = 0; k < local.n; k++)
			if (strcmp(shipped.v[i], local.v[k]) == 0)
				overridden = true;
		if (overridden)
			continue;
		char *p = path_join(dir, shipped.v[i]);
		if (p == NULL || strvec_push(&paths, p) == -1) {
			free(p);
			goto out;
		}
		free(p);
	}
	for (size_t k = 0; k < local.n; k++) {
		char *p = path_join(localdir, local.v[k]);
		if (p == NULL || strvec_push(&paths, p) == -1) {
			free(p);
			goto out;
		}
		free(p);
	}
	if (paths.n == 0) {
		diag_error(d, dir, 0, "no rule files (*.conf) in the rules directory");
		goto out;
	}
	rb = rules_load_files((const char *const *)paths.v, paths.n, d);
out:
	free(localdir);
	strvec_free(&shipped);
	strvec_free(&local);
	strvec_free(&paths);
	return rb;
}

int
rules_find_set(const struct rulebook *rb, const char *name)
{
	for (size_t i = 0; i < rb->nsets; i++)
		if (strcmp(rb->sets[i].name, name) == 0)
			return (int)i;
	return -1;
}

int
rules_find_category(const struct rulebook *rb, const char *name)
{
	for (size_t i = 0; i < rb->ncategories; i++)
		if (strcmp(rb->categories[i], name) == 0)
			return (int)i;
	return -1;
}

/* Read-only views of a rulebook for the server and decorumctl, which
 * never see its layout. */
size_t
rules_count(const struct rulebook *rb)
{
	return rb->nrules;
}

const char *
rules_id(const struct rulebook *rb, uint32_t rule)
{
	return rb->rules[rule].id;
}

uint32_t
rules_category_of(const struct rulebook *rb, uint32_t rule)
{
	return rb->rules[rule].category;
}

bool
rules_is_shadow(const struct rulebook *rb, uint32_t rule)
{
	return rb->rules[rule].shadow;
}

size_t
rules_category_count(const struct rulebook *rb)
{
	return rb->ncategories;
}

const char *
rules_category_name(const struct rulebook *rb, uint32_t category)
{
	return rb->categories[category];
}

size_t
rules_set_count(const struct rulebook *rb)
{
	return rb->nsets;
}

const char *
rules_set_name(const struct rulebook *rb, uint32_t set)
{
	return rb->sets[set].name;
}
