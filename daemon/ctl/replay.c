/* replay: scoring of decorumd answers against labels (see replay.h). */
#include "replay.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXAMPLE_TEXT_BYTES	160

struct replay {
	bool			 review_rejects;
	struct replay_report	 rep;
	size_t			 cap_files, cap_categories, cap_rules;
	size_t			 cap_false_pos, cap_false_neg, cap_error_codes;
	/* name -> index into the matching rep array (json_integer). */
	json_t			*file_index, *category_index, *rule_index;
	json_t			*code_index;
	long			 seq;
};

struct replay_diff {
	bool				 review_rejects;
	struct replay_diff_report	 rep;
	size_t				 cap_changes;
	json_t				*old;	/* id text -> old line */
	json_t				*seen;	/* id text -> true */
	long				 seq;
};

/* ---- small helpers ---- */

/* Room for one more element after count ones: returns the (possibly
 * moved) array, or NULL with ptr left as it was. */
static void *
grow(void *ptr, size_t *cap, size_t count, size_t elem)
{
	size_t	 ncap;
	void	*n;

	if (count < *cap)
		return ptr;
	ncap = *cap ? *cap * 2 : 16;
	if (ncap > SIZE_MAX / elem)
		return NULL;
	if ((n = realloc(ptr, ncap * elem)) == NULL)
		return NULL;
	*cap = ncap;
	return n;
}

#define GROW(arr, cap, count) \
	((tmp = grow((arr), (cap), (count), sizeof(*(arr)))) != NULL ? \
	    ((arr) = tmp, 0) : -1)

static double
ratio(long num, long den)
{
	return den > 0 ? (double)num / (double)den : NAN;
}

/* 2PR/(P+R) written with counts, so that it is 0 rather than undefined
 * when nothing was found (P undefined, R = 0). */
static double
f1_of(long tp, long fp, long fn)
{
	return ratio(2 * tp, 2 * tp + fp + fn);
}

/* The index stored for name in index, or -1. */
static long
index_get(const json_t *index, const char *name)
{
	json_t	*v = json_object_get(index, name);

	return v ? (long)json_integer_value(v) : -1;
}

static int
index_set(json_t *index, const char *name, size_t i)
{
	return json_object_set_new(index, name, json_integer((json_int_t)i));
}

/* Unique string values of field[*].key, in order of appearance, as a new
 * array; (with key NULL, the strings of the field array itself). */
static json_t *
unique_strings(const json_t *line, const char *field, const char *key)
{
	json_t	*arr = json_object_get(line, field);
	json_t	*out = json_array(), *set = json_object(), *item;
	size_t	 i;

	if (out == NULL || set == NULL)
		goto fail;
	json_array_foreach(arr, i, item) {
		const char *s = json_string_value(key ?
		    json_object_get(item, key) : item);

		if (s == NULL || json_object_get(set, s))
			continue;
		if (json_object_set_new(set, s, json_true()) != 0 ||
		    json_array_append_new(out, json_string(s)) != 0)
			goto fail;
	}
	json_decref(set);
	return out;
fail:
	json_decref(out);
	json_decref(set);
	return NULL;
}

static bool
array_has_string(const json_t *arr, const char *s)
{
	size_t	 i;
	json_t	*item;

	json_array_foreach(arr, i, item) {
		const char *v = json_string_value(item);

		if (v && strcmp(v, s) == 0)
			return true;
	}
	return false;
}

/* The strings of arr joined with ",", a new string. */
static char *
join_strings(const json_t *arr)
{
	size_t	 i, len = 0, off = 0;
	json_t	*item;
	char	*out;

	json_array_foreach(arr, i, item)
		len += strlen(json_string_value(item) ?
		    json_string_value(item) : "") + 1;
	out = malloc(len + 1);
	if (out == NULL)
		return NULL;
	json_array_foreach(arr, i, item) {
		const char	*s = json_string_value(item);
		size_t		 n;

		if (s == NULL)
			continue;
		if (off > 0)
			out[off++] = ',';
		n = strlen(s);
		memcpy(out + off, s, n);
		off += n;
	}
	out[off] = '\0';
	return out;
}

/* "a,b" -> ["a","b"]; "" -> []. */
static json_t *
split_strings(const char *s)
{
	json_t		*arr = json_array();
	const char	*p = s;

	if (arr == NULL)
		return NULL;
	while (*p != '\0') {
		const char	*comma = strchr(p, ',');
		size_t		 n = comma ? (size_t)(comma - p) : strlen(p);

		if (json_array_append_new(arr, json_stringn(p, n)) != 0) {
			json_decref(arr);
			return NULL;
		}
		p += n;
		if (*p == ',')
			p++;
	}
	return arr;
}

/* qsort that accepts an empty (NULL) array. */
static void
sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

static json_t *
number_or_null(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

/* ---- public helpers ---- */

long
replay_total(const struct replay_counts *c)
{
	return c->tp + c->fp + c->fn + c->tn;
}

double
replay_precision(const struct replay_counts *c)
{
	return ratio(c->tp, c->tp + c->fp);
}

double
replay_recall(const struct replay_counts *c)
{
	return ratio(c->tp, c->tp + c->fn);
}

double
replay_f1(const struct replay_counts *c)
{
	return f1_of(c->tp, c->fp, c->fn);
}

double
replay_fpr(const struct replay_counts *c)
{
	return ratio(c->fp, c->fp + c->tn);
}

double
replay_false_reject_rate(const struct replay_counts *c)
{
	return ratio(c->ok_rejected, c->fp + c->tn);
}

double
replay_review_load(const struct replay_counts *c)
{
	return ratio(c->ok_reviewed, c->fp + c->tn);
}

double
replay_caught(const struct replay_counts *c)
{
	return ratio(c->bad_rejected + c->bad_reviewed, c->tp + c->fn);
}

double
replay_caught_f1(const struct replay_counts *c)
{
	long held = c->bad_rejected + c->bad_reviewed;

	return f1_of(held, c->ok_rejected + c->ok_reviewed,
	    c->tp + c->fn - held);
}

double
replay_caught_fpr(const struct replay_counts *c)
{
	return ratio(c->ok_rejected + c->ok_reviewed, c->fp + c->tn);
}

static void
threeway_row(FILE *out, const char *name, int width,
    const struct replay_counts *c)
{
	double	v[] = { replay_false_reject_rate(c), replay_review_load(c),
		    replay_caught(c), replay_f1(c), replay_caught_f1(c),
		    replay_caught_fpr(c) };

	fprintf(out, "%-*s %7ld %7ld", width, name, c->fp + c->tn,
	    c->tp + c->fn);
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		if (isnan(v[i]))
			fprintf(out, " %8s", "-");
		else
			fprintf(out, " %8.4f", v[i]);
	}
	fputc('\n', out);
}

void
replay_print_threeway(FILE *out, const struct replay_report *rep)
{
	int	width = (int)strlen("overall");

	for (size_t i = 0; i < rep->n_files; i++)
		if ((int)strlen(rep->files[i].name) > width)
			width = (int)strlen(rep->files[i].name);
	fprintf(out, "\nthree-way (frej = rejected acceptable, revload = "
	    "reviewed acceptable, caught = rejected or reviewed unacceptable; "
	    "held = reject or review)\n");
	fprintf(out, "%-*s %7s %7s %8s %8s %8s %8s %8s %8s\n", width, "file",
	    "ok", "bad", "frej", "revload", "caught", "f1", "held-f1",
	    "held-fpr");
	for (size_t i = 0; i < rep->n_files; i++)
		threeway_row(out, rep->files[i].name, width,
		    &rep->files[i].counts);
	threeway_row(out, "overall", width, &rep->overall);
}

double
replay_rule_precision(const struct replay_rule *r)
{
	return ratio(r->hits_bad, r->hits_bad + r->hits_ok);
}

const char *
replay_decision(const json_t *line)
{
	const char	*d;

	if (json_object_get(line, "error"))
		return "error";
	d = json_string_value(json_object_get(line, "decision"));
	if (d == NULL)
		return "?";
	if (strcmp(d, "accept") == 0)
		return "accept";
	if (strcmp(d, "review") == 0)
		return "review";
	if (strcmp(d, "reject") == 0)
		return "reject";
	return "?";
}

bool
replay_is_rejected(const json_t *line, bool review_rejects)
{
	const char	*d = replay_decision(line);

	return strcmp(d, "reject") == 0 ||
	    (review_rejects && strcmp(d, "review") == 0);
}

char *
replay_id_text(const json_t *line)
{
	json_t	*id = json_object_get(line, "id");
	char	*out = NULL;

	if (json_is_string(id))
		return strdup(json_string_value(id));
	if (json_is_integer(id)) {
		if (asprintf(&out, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(id)) < 0)
			return NULL;
		return out;
	}
	if (json_is_real(id)) {
		if (asprintf(&out, "%.17g", json_real_value(id)) < 0)
			return NULL;
		return out;
	}
	return NULL;
}

char *
replay_truncate(const char *s, size_t max_bytes)
{
	size_t	 len = strlen(s), cut = len, i;
	char	*out;

	if (len > max_bytes) {
		cut = max_bytes;
		/* Back up over UTF-8 continuation bytes. */
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	out = malloc(cut + 4);
	if (out == NULL)
		return NULL;
	for (i = 0; i < cut; i++)
		out[i] = (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') ?
		    ' ' : s[i];
	if (cut < len) {
		memcpy(out + cut, "...", 3);
		cut += 3;
	}
	out[cut] = '\0';
	return out;
}

/* ---- scoring ---- */

struct replay *
replay_new(bool review_rejects)
{
	struct replay	*r = calloc(1, sizeof(*r));

	if (r == NULL)
		return NULL;
	r->review_rejects = review_rejects;
	r->file_index = json_object();
	r->category_index = json_object();
	r->rule_index = json_object();
	r->code_index = json_object();
	if (!r->file_index || !r->category_index || !r->rule_index ||
	    !r->code_index) {
		replay_free(r);
		return NULL;
	}
	return r;
}

static void
example_clear(struct replay_example *e)
{
	free(e->id);
	free(e->file);
	free(e->text);
	free(e->labels);
	free(e->decision);
	free(e->rules);
}

void
replay_free(struct replay *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->rep.n_files; i++)
		free(r->rep.files[i].name);
	for (i = 0; i < r->rep.n_categories; i++)
		free(r->rep.categories[i].name);
	for (i = 0; i < r->rep.n_rules; i++) {
		free(r->rep.rules[i].id);
		free(r->rep.rules[i].category);
	}
	for (i = 0; i < r->rep.n_false_pos; i++)
		example_clear(&r->rep.false_pos[i]);
	for (i = 0; i < r->rep.n_false_neg; i++)
		example_clear(&r->rep.false_neg[i]);
	for (i = 0; i < r->rep.n_error_codes; i++)
		free(r->rep.error_codes[i].code);
	free(r->rep.files);
	free(r->rep.categories);
	free(r->rep.rules);
	free(r->rep.false_pos);
	free(r->rep.false_neg);
	free(r->rep.error_codes);
	json_decref(r->file_index);
	json_decref(r->category_index);
	json_decref(r->rule_index);
	json_decref(r->code_index);
	free(r);
}

static void
count_verdict(struct replay_counts *c, int verdict, const char *decision,
    bool is_error)
{
	bool bad = verdict == REPLAY_TP || verdict == REPLAY_FN;

	if (strcmp(decision, "reject") == 0)
		(*(bad ? &c->bad_rejected : &c->ok_rejected))++;
	else if (strcmp(decision, "review") == 0)
		(*(bad ? &c->bad_reviewed : &c->ok_reviewed))++;
	switch (verdict) {
	case REPLAY_TP: c->tp++; break;
	case REPLAY_FP: c->fp++; break;
	case REPLAY_FN: c->fn++; break;
	default:        c->tn++; break;
	}
	if (strcmp(decision, "review") == 0)
		c->reviews++;
	if (is_error)
		c->errors++;
}

static struct replay_file *
file_get(struct replay *r, const char *name)
{
	long			 i = index_get(r->file_index, name);
	struct replay_file	*f;
	void			*tmp;

	if (i >= 0)
		return &r->rep.files[i];
	if (GROW(r->rep.files, &r->cap_files, r->rep.n_files) != 0)
		return NULL;
	f = &r->rep.files[r->rep.n_files];
	memset(f, 0, sizeof(*f));
	if ((f->name = strdup(name)) == NULL)
		return NULL;
	if (index_set(r->file_index, name, r->rep.n_files) != 0) {
		free(f->name);
		return NULL;
	}
	r->rep.n_files++;
	return f;
}

static struct replay_category *
category_get(struct replay *r, const char *name)
{
	long			 i = index_get(r->category_index, name);
	struct replay_category	*c;
	void			*tmp;

	if (i >= 0)
		return &r->rep.categories[i];
	if (GROW(r->rep.categories, &r->cap_categories,
	    r->rep.n_categories) != 0)
		return NULL;
	c = &r->rep.categories[r->rep.n_categories];
	memset(c, 0, sizeof(*c));
	if ((c->name = strdup(name)) == NULL)
		return NULL;
	if (index_set(r->category_index, name, r->rep.n_categories) != 0) {
		free(c->name);
		return NULL;
	}
	r->rep.n_categories++;
	return c;
}

static struct replay_rule *
rule_get(struct replay *r, const char *id, const char *category, bool shadow)
{
	long			 i = index_get(r->rule_index, id);
	struct replay_rule	*u;
	void			*tmp;

	if (i >= 0)
		return &r->rep.rules[i];
	if (GROW(r->rep.rules, &r->cap_rules, r->rep.n_rules) != 0)
		return NULL;
	u = &r->rep.rules[r->rep.n_rules];
	memset(u, 0, sizeof(*u));
	u->shadow = shadow;
	u->id = strdup(id);
	u->category = strdup(category ? category : "");
	if (u->id == NULL || u->category == NULL ||
	    index_set(r->rule_index, id, r->rep.n_rules) != 0) {
		free(u->id);
		free(u->category);
		return NULL;
	}
	r->rep.n_rules++;
	return u;
}

static int
count_error_code(struct replay *r, const char *code)
{
	long			 i = index_get(r->code_index, code);
	struct replay_error_code	*e;
	void			*tmp;

	if (i >= 0) {
		r->rep.error_codes[i].count++;
		return 0;
	}
	if (GROW(r->rep.error_codes, &r->cap_error_codes,
	    r->rep.n_error_codes) != 0)
		return -1;
	e = &r->rep.error_codes[r->rep.n_error_codes];
	e->count = 1;
	if ((e->code = strdup(code)) == NULL)
		return -1;
	if (index_set(r->code_index, code, r->rep.n_error_codes) != 0) {
		free(e->code);
		return -1;
	}
	r->rep.n_error_codes++;
	return 0;
}

/* Per-category tp/fp/fn for one comment. */
static int
count_categories(struct replay *r, const json_t *line, bool rejected)
{
	json_t	*truth = unique_strings(line, "labels", NULL);
	json_t	*found = rejected ? unique_strings(line, "categories", NULL) :
		    json_array();
	json_t	*item;
	size_t	 i;
	int	 rc = -1;

	if (truth == NULL || found == NULL)
		goto out;
	json_array_foreach(truth, i, item) {
		struct replay_category *c = category_get(r,
		    json_string_value(item));

		if (c == NULL)
			goto out;
		if (array_has_string(found, json_string_value(item)))
			c->tp++;
		else
			c->fn++;
	}
	json_array_foreach(found, i, item) {
		struct replay_category *c;

		if (array_has_string(truth, json_string_value(item)))
			continue;
		if ((c = category_get(r, json_string_value(item))) == NULL)
			goto out;
		c->fp++;
	}
	rc = 0;
out:
	json_decref(truth);
	json_decref(found);
	return rc;
}

/* The QA table: each rule once per comment, counted and shadow apart. */
static int
count_rules(struct replay *r, const json_t *line, bool bad)
{
	static const char *const fields[] = { "reasons", "shadow" };
	json_t	*seen = json_object();
	size_t	 f, i;
	json_t	*item;
	int	 rc = -1;

	if (seen == NULL)
		return -1;
	for (f = 0; f < 2; f++) {
		json_array_foreach(json_object_get(line, fields[f]), i, item) {
			const char *id = json_string_value(
			    json_object_get(item, "rule"));
			const char *cat = json_string_value(
			    json_object_get(item, "category"));
			struct replay_rule *u;

			if (id == NULL || json_object_get(seen, id))
				continue;
			if (json_object_set_new(seen, id, json_true()) != 0)
				goto out;
			if ((u = rule_get(r, id, cat, f == 1)) == NULL)
				goto out;
			if (bad)
				u->hits_bad++;
			else
				u->hits_ok++;
		}
	}
	rc = 0;
out:
	json_decref(seen);
	return rc;
}

static int
add_example(struct replay *r, const json_t *line, int verdict,
    const char *decision)
{
	struct replay_example	*e, **arr;
	size_t			*n, *cap;
	json_t			*labels = NULL, *rules = NULL;
	const char		*text, *file;
	void			*tmp;
	int			 rc = -1;

	if (verdict == REPLAY_FP) {
		arr = &r->rep.false_pos;
		n = &r->rep.n_false_pos;
		cap = &r->cap_false_pos;
	} else {
		arr = &r->rep.false_neg;
		n = &r->rep.n_false_neg;
		cap = &r->cap_false_neg;
	}
	if ((tmp = grow(*arr, cap, *n, sizeof(**arr))) == NULL)
		return -1;
	*arr = tmp;
	e = &(*arr)[*n];
	memset(e, 0, sizeof(*e));
	labels = unique_strings(line, "labels", NULL);
	rules = unique_strings(line, "reasons", "rule");
	if (labels == NULL || rules == NULL)
		goto out;
	text = json_string_value(json_object_get(line, "text"));
	file = json_string_value(json_object_get(line, "file"));
	e->id = replay_id_text(line);
	if (e->id == NULL)
		e->id = strdup("?");
	e->file = strdup(file ? file : "");
	e->text = replay_truncate(text ? text : "", EXAMPLE_TEXT_BYTES);
	e->labels = join_strings(labels);
	e->decision = strdup(decision);
	e->rules = join_strings(rules);
	e->seq = r->seq;
	if (verdict == REPLAY_FP) {
		/* An outright reject by many rules is the most wrong. */
		e->rank = (strcmp(decision, "reject") == 0 ? 1000000 : 0) +
		    (long)json_array_size(rules);
	} else {
		/* Accepted outright beats held for review; errors are
		 * reported apart, so they rank last. */
		long base = strcmp(decision, "accept") == 0 ? 2 :
		    strcmp(decision, "review") == 0 ? 1 : 0;

		e->rank = base * 1000000 + (long)json_array_size(labels);
	}
	if (!e->id || !e->file || !e->text || !e->labels || !e->decision ||
	    !e->rules) {
		example_clear(e);
		goto out;
	}
	(*n)++;
	rc = 0;
out:
	json_decref(labels);
	json_decref(rules);
	return rc;
}

int
replay_add(struct replay *r, const json_t *line)
{
	const json_t	*labels = json_object_get(line, "labels");
	const char	*file = json_string_value(json_object_get(line, "file"));
	const char	*decision = replay_decision(line);
	json_t		*err = json_object_get(line, "error");
	bool		 bad, rejected;
	int		 verdict;

	if (!json_is_array(labels))
		return -1;
	r->seq++;
	bad = json_array_size(labels) > 0;
	rejected = replay_is_rejected(line, r->review_rejects);
	verdict = bad ? (rejected ? REPLAY_TP : REPLAY_FN) :
	    (rejected ? REPLAY_FP : REPLAY_TN);

	count_verdict(&r->rep.overall, verdict, decision, err != NULL);
	if (file != NULL) {
		struct replay_file *f = file_get(r, file);

		if (f == NULL)
			return -1;
		count_verdict(&f->counts, verdict, decision, err != NULL);
	}
	if (err != NULL) {
		const char *code = json_string_value(
		    json_object_get(err, "code"));

		if (count_error_code(r, code ? code : "?") != 0)
			return -1;
	}
	if (count_categories(r, line, rejected) != 0 ||
	    count_rules(r, line, bad) != 0)
		return -1;
	if ((verdict == REPLAY_FP || verdict == REPLAY_FN) &&
	    add_example(r, line, verdict, decision) != 0)
		return -1;
	return verdict;
}

static int
cmp_category(const void *a, const void *b)
{
	const struct replay_category *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* Worst first: lowest precision, then most hits on acceptable comments. */
static int
cmp_rule(const void *a, const void *b)
{
	const struct replay_rule	*x = a, *y = b;
	double				 px = replay_rule_precision(x);
	double				 py = replay_rule_precision(y);

	if (px != py)
		return px < py ? -1 : 1;
	if (x->hits_ok != y->hits_ok)
		return x->hits_ok > y->hits_ok ? -1 : 1;
	if (x->hits_bad != y->hits_bad)
		return x->hits_bad > y->hits_bad ? -1 : 1;
	return strcmp(x->id, y->id);
}

static int
cmp_example(const void *a, const void *b)
{
	const struct replay_example *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank > y->rank ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
cmp_error_code(const void *a, const void *b)
{
	const struct replay_error_code *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->code, y->code);
}

const struct replay_report *
replay_finish(struct replay *r)
{
	size_t	i;

	sort(r->rep.categories, r->rep.n_categories,
	    sizeof(*r->rep.categories), cmp_category);
	sort(r->rep.rules, r->rep.n_rules, sizeof(*r->rep.rules), cmp_rule);
	sort(r->rep.false_pos, r->rep.n_false_pos,
	    sizeof(*r->rep.false_pos), cmp_example);
	sort(r->rep.false_neg, r->rep.n_false_neg,
	    sizeof(*r->rep.false_neg), cmp_example);
	sort(r->rep.error_codes, r->rep.n_error_codes,
	    sizeof(*r->rep.error_codes), cmp_error_code);
	/* Sorting moved the entries: point the indexes at their new places
	 * so replay_add may go on. Updating in place cannot fail. */
	for (i = 0; i < r->rep.n_categories; i++)
		json_integer_set(json_object_get(r->category_index,
		    r->rep.categories[i].name), (json_int_t)i);
	for (i = 0; i < r->rep.n_rules; i++)
		json_integer_set(json_object_get(r->rule_index,
		    r->rep.rules[i].id), (json_int_t)i);
	for (i = 0; i < r->rep.n_error_codes; i++)
		json_integer_set(json_object_get(r->code_index,
		    r->rep.error_codes[i].code), (json_int_t)i);
	return &r->rep;
}

static json_t *
counts_json(const struct replay_counts *c)
{
	json_t *o = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:o,s:o,s:o,s:o}",
	    "comments", (json_int_t)replay_total(c),
	    "tp", (json_int_t)c->tp, "fp", (json_int_t)c->fp,
	    "fn", (json_int_t)c->fn, "tn", (json_int_t)c->tn,
	    "reviews", (json_int_t)c->reviews,
	    "errors", (json_int_t)c->errors,
	    "precision", number_or_null(replay_precision(c)),
	    "recall", number_or_null(replay_recall(c)),
	    "f1", number_or_null(replay_f1(c)),
	    "fpr", number_or_null(replay_fpr(c)));
	json_t *t = json_pack("{s:o,s:o,s:o,s:o,s:o}",
	    "false_reject_rate", number_or_null(replay_false_reject_rate(c)),
	    "review_load", number_or_null(replay_review_load(c)),
	    "caught", number_or_null(replay_caught(c)),
	    "held_f1", number_or_null(replay_caught_f1(c)),
	    "held_fpr", number_or_null(replay_caught_fpr(c)));

	if (o == NULL || t == NULL || json_object_update(o, t) != 0) {
		json_decref(o);
		o = NULL;
	}
	json_decref(t);
	return o;
}

static json_t *
examples_json(const struct replay_example *ex, size_t n, size_t max)
{
	json_t	*arr = json_array();
	size_t	 i;

	if (arr == NULL)
		return NULL;
	for (i = 0; i < n && i < max; i++) {
		json_t *o = json_pack("{s:s,s:s,s:s,s:o*,s:o*,s:s}",
		    "id", ex[i].id, "file", ex[i].file,
		    "decision", ex[i].decision,
		    "labels", split_strings(ex[i].labels),
		    "rules", split_strings(ex[i].rules),
		    "text", ex[i].text);

		if (o == NULL || json_array_append_new(arr, o) != 0) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

json_t *
replay_report_json(const struct replay_report *rep, size_t max_examples)
{
	json_t	*root, *files, *cats, *rules, *errors;
	size_t	 i;

	root = json_object();
	files = json_array();
	cats = json_array();
	rules = json_array();
	errors = json_object();
	if (!root || !files || !cats || !rules || !errors)
		goto fail_parts;
	if (json_object_set_new(root, "overall", counts_json(&rep->overall)) ||
	    json_object_set_new(root, "files", files) ||
	    json_object_set_new(root, "categories", cats) ||
	    json_object_set_new(root, "rules", rules) ||
	    json_object_set_new(root, "errors", errors)) {
		json_decref(root);
		return NULL;
	}
	for (i = 0; i < rep->n_files; i++) {
		json_t *o = counts_json(&rep->files[i].counts);

		if (o == NULL || json_object_set_new(o, "file",
		    json_string(rep->files[i].name)) != 0 ||
		    json_array_append_new(files, o) != 0)
			goto fail;
	}
	for (i = 0; i < rep->n_categories; i++) {
		const struct replay_category	*c = &rep->categories[i];
		double				 p = ratio(c->tp, c->tp + c->fp);
		double				 rc = ratio(c->tp, c->tp + c->fn);

		if (json_array_append_new(cats, json_pack(
		    "{s:s,s:I,s:I,s:I,s:I,s:I,s:o,s:o,s:o}",
		    "category", c->name,
		    "labeled", (json_int_t)(c->tp + c->fn),
		    "found", (json_int_t)(c->tp + c->fp),
		    "tp", (json_int_t)c->tp, "fp", (json_int_t)c->fp,
		    "fn", (json_int_t)c->fn,
		    "precision", number_or_null(p),
		    "recall", number_or_null(rc),
		    "f1", number_or_null(f1_of(c->tp, c->fp, c->fn)))) != 0)
			goto fail;
	}
	for (i = 0; i < rep->n_rules; i++) {
		const struct replay_rule *u = &rep->rules[i];

		if (json_array_append_new(rules, json_pack(
		    "{s:s,s:s,s:b,s:I,s:I,s:I,s:o}",
		    "rule", u->id, "category", u->category,
		    "shadow", u->shadow,
		    "hits", (json_int_t)(u->hits_bad + u->hits_ok),
		    "unacceptable", (json_int_t)u->hits_bad,
		    "acceptable", (json_int_t)u->hits_ok,
		    "precision", number_or_null(replay_rule_precision(u)))) != 0)
			goto fail;
	}
	for (i = 0; i < rep->n_error_codes; i++)
		if (json_object_set_new(errors, rep->error_codes[i].code,
		    json_integer(rep->error_codes[i].count)) != 0)
			goto fail;
	if (max_examples > 0 &&
	    (json_object_set_new(root, "false_positives", examples_json(
	    rep->false_pos, rep->n_false_pos, max_examples)) != 0 ||
	    json_object_set_new(root, "false_negatives", examples_json(
	    rep->false_neg, rep->n_false_neg, max_examples)) != 0))
		goto fail;
	return root;
fail:
	json_decref(root);
	return NULL;
fail_parts:
	json_decref(root);
	json_decref(files);
	json_decref(cats);
	json_decref(rules);
	json_decref(errors);
	return NULL;
}

/* ---- diff ---- */

struct replay_diff *
replay_diff_new(bool review_rejects)
{
	struct replay_diff	*d = calloc(1, sizeof(*d));

	if (d == NULL)
		return NULL;
	d->review_rejects = review_rejects;
	d->old = json_object();
	d->seen = json_object();
	if (d->old == NULL || d->seen == NULL) {
		replay_diff_free(d);
		return NULL;
	}
	return d;
}

void
replay_diff_free(struct replay_diff *d)
{
	size_t	i;

	if (d == NULL)
		return;
	for (i = 0; i < d->rep.n_changes; i++) {
		free(d->rep.changes[i].id);
		free(d->rep.changes[i].text);
		free(d->rep.changes[i].labels);
		free(d->rep.changes[i].added);
		free(d->rep.changes[i].removed);
	}
	free(d->rep.changes);
	json_decref(d->old);
	json_decref(d->seen);
	free(d);
}

int
replay_diff_add_old(struct replay_diff *d, const json_t *old_line)
{
	char	*id = replay_id_text(old_line);
	int	 rc;

	if (id == NULL)
		return -1;
	/* The index keeps its own reference; the line is not modified. */
	rc = json_object_set(d->old, id, (json_t *)old_line);
	free(id);
	return rc == 0 ? 0 : -1;
}

/* Strings of a that are not in b, as a new array. */
static json_t *
set_minus(const json_t *a, const json_t *b)
{
	json_t	*out = json_array(), *item;
	size_t	 i;

	if (out == NULL)
		return NULL;
	json_array_foreach(a, i, item) {
		if (array_has_string(b, json_string_value(item)))
			continue;
		if (json_array_append(out, item) != 0) {
			json_decref(out);
			return NULL;
		}
	}
	return out;
}

int
replay_diff_add(struct replay_diff *d, const json_t *new_line)
{
	struct replay_change	*ch;
	void			*tmp;
	json_t			*old, *old_rules = NULL, *new_rules = NULL;
	json_t			*plus = NULL, *minus = NULL, *labels = NULL;
	const char		*od, *nd, *text;
	char			*id = replay_id_text(new_line);
	bool			 bad, old_right, new_right;
	int			 rc = -1;

	if (id == NULL)
		return -1;
	d->seq++;
	if (json_object_set_new(d->seen, id, json_true()) != 0)
		goto out;
	old = json_object_get(d->old, id);
	if (old == NULL) {
		d->rep.added++;
		rc = 0;
		goto out;
	}
	d->rep.compared++;
	old_rules = unique_strings(old, "reasons", "rule");
	new_rules = unique_strings(new_line, "reasons", "rule");
	if (old_rules == NULL || new_rules == NULL)
		goto out;
	plus = set_minus(new_rules, old_rules);
	minus = set_minus(old_rules, new_rules);
	if (plus == NULL || minus == NULL)
		goto out;
	od = replay_decision(old);
	nd = replay_decision(new_line);
	if (strcmp(od, nd) == 0) {
		if (json_array_size(plus) || json_array_size(minus))
			d->rep.rules_changed++;
		rc = 0;
		goto out;
	}
	/* Truth from this run, from the old one when this one lacks it. */
	labels = unique_strings(json_object_get(new_line, "labels") ?
	    new_line : old, "labels", NULL);
	if (labels == NULL)
		goto out;
	bad = json_array_size(labels) > 0;
	old_right = replay_is_rejected(old, d->review_rejects) == bad;
	new_right = replay_is_rejected(new_line, d->review_rejects) == bad;
	if (GROW(d->rep.changes, &d->cap_changes, d->rep.n_changes) != 0)
		goto out;
	ch = &d->rep.changes[d->rep.n_changes];
	memset(ch, 0, sizeof(*ch));
	text = json_string_value(json_object_get(new_line, "text"));
	if (text == NULL)
		text = json_string_value(json_object_get(old, "text"));
	ch->id = id;
	ch->text = replay_truncate(text ? text : "", EXAMPLE_TEXT_BYTES);
	ch->labels = join_strings(labels);
	ch->added = join_strings(plus);
	ch->removed = join_strings(minus);
	ch->old_decision = od;
	ch->new_decision = nd;
	ch->seq = d->seq;
	ch->effect = old_right == new_right ? REPLAY_CHANGE_NEUTRAL :
	    new_right ? REPLAY_CHANGE_FIXED : REPLAY_CHANGE_BROKE;
	id = NULL;	/* owned by the change now */
	if (!ch->text || !ch->labels || !ch->added || !ch->removed) {
		free(ch->id);
		free(ch->text);
		free(ch->labels);
		free(ch->added);
		free(ch->removed);
		goto out;
	}
	d->rep.n_changes++;
	if (ch->effect == REPLAY_CHANGE_FIXED)
		d->rep.fixed++;
	else if (ch->effect == REPLAY_CHANGE_BROKE)
		d->rep.broke++;
	else
		d->rep.neutral++;
	rc = 1;
out:
	free(id);
	json_decref(old_rules);
	json_decref(new_rules);
	json_decref(plus);
	json_decref(minus);
	json_decref(labels);
	return rc;
}

static int
cmp_change(const void *a, const void *b)
{
	const struct replay_change *x = a, *y = b;
	/* broke (-1) first, then fixed (1), then neutral (0). */
	int	rx = x->effect == REPLAY_CHANGE_BROKE ? 0 :
		    x->effect == REPLAY_CHANGE_FIXED ? 1 : 2;
	int	ry = y->effect == REPLAY_CHANGE_BROKE ? 0 :
		    y->effect == REPLAY_CHANGE_FIXED ? 1 : 2;

	if (rx != ry)
		return rx - ry;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

const struct replay_diff_report *
replay_diff_finish(struct replay_diff *d)
{
	const char	*key;
	json_t		*v;

	sort(d->rep.changes, d->rep.n_changes, sizeof(*d->rep.changes),
	    cmp_change);
	d->rep.missing = 0;
	json_object_foreach(d->old, key, v)
		if (json_object_get(d->seen, key) == NULL)
			d->rep.missing++;
	return &d->rep;
}

static const char *
effect_name(enum replay_change_effect e)
{
	return e == REPLAY_CHANGE_BROKE ? "broke" :
	    e == REPLAY_CHANGE_FIXED ? "fixed" : "neutral";
}

json_t *
replay_diff_report_json(const struct replay_diff_report *rep)
{
	json_t	*root, *changes = json_array();
	size_t	 i;

	if (changes == NULL)
		return NULL;
	root = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:o}",
	    "compared", (json_int_t)rep->compared,
	    "changed", (json_int_t)rep->n_changes,
	    "fixed", (json_int_t)rep->fixed,
	    "broke", (json_int_t)rep->broke,
	    "neutral", (json_int_t)rep->neutral,
	    "rules_changed", (json_int_t)rep->rules_changed,
	    "new", (json_int_t)rep->added,
	    "missing", (json_int_t)rep->missing,
	    "changes", changes);
	if (root == NULL)
		return NULL;
	for (i = 0; i < rep->n_changes; i++) {
		const struct replay_change *c = &rep->changes[i];

		if (json_array_append_new(changes, json_pack(
		    "{s:s,s:s,s:s,s:s,s:o*,s:o*,s:o*,s:s}",
		    "id", c->id, "effect", effect_name(c->effect),
		    "old", c->old_decision, "new", c->new_decision,
		    "labels", split_strings(c->labels),
		    "added", split_strings(c->added),
		    "removed", split_strings(c->removed),
		    "text", c->text)) != 0) {
			json_decref(root);
			return NULL;
		}
	}
	return root;
}
