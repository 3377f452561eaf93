/* reply: answer lines written directly, with jansson's output format. */
#include "reply.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A buffer grown past this by one answer is given back after it. */
#define REPLY_KEEP_BYTES	(64 * 1024)

static bool
reserve(struct reply_buf *b, size_t n)
{
	if (b->oom)
		return false;
	if (n <= b->cap - b->len)
		return true;
	size_t cap = b->cap ? b->cap : 1024;
	while (cap - b->len < n)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (p == NULL) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

static void
put(struct reply_buf *b, const char *s, size_t n)
{
	if (reserve(b, n)) {
		memcpy(b->p + b->len, s, n);
		b->len += n;
	}
}

#define PUT_LIT(b, lit)	put((b), (lit), sizeof(lit) - 1)

/* The length of the UTF-8 character at s, 0 when jansson would refuse it
 * (utf8_check_first/utf8_check_full in jansson's utf.c). */
static size_t
utf8_char_len(const unsigned char *s, size_t n)
{
	size_t	 len;
	uint32_t cp;

	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
	    (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
		return 0;
	return len;
}

/*
 * s as a JSON string the way jansson dumps it: '"', '\\' and control
 * characters escaped (\b \f \n \r \t, else \u00XX), everything else as
 * is. false, with nothing written, when s is not valid UTF-8: jansson
 * would have refused to make a string of it.
 */
static bool
put_string(struct reply_buf *b, const char *str, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *s = (const unsigned char *)str;

	if (!reserve(b, 6 * n + 2))
		return false;
	char *o = b->p + b->len;
	*o++ = '"';
	for (size_t i = 0; i < n; ) {
		unsigned char c = s[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			*o++ = (char)c;
			i++;
			continue;
		}
		if (c >= 0x80) {
			size_t k = utf8_char_len(s + i, n - i);
			if (k == 0)
				return false;
			memcpy(o, s + i, k);
			o += k;
			i += k;
			continue;
		}
		*o++ = '\\';
		switch (c) {
		case '"':	*o++ = '"'; break;
		case '\\':	*o++ = '\\'; break;
		case '\b':	*o++ = 'b'; break;
		case '\f':	*o++ = 'f'; break;
		case '\n':	*o++ = 'n'; break;
		case '\r':	*o++ = 'r'; break;
		case '\t':	*o++ = 't'; break;
		default:
			memcpy(o, "u00", 3);
			o[3] = hex[c >> 4];
			o[4] = hex[c & 15];
			o += 5;
		}
		i++;
	}
	*o++ = '"';
	b->len = (size_t)(o - b->p);
	return true;
}

/* A comma unless this is the first member of an object or array. */
static void
comma(struct reply_buf *b)
{
	if (b->len > 0 && b->p[b->len - 1] != '{' && b->p[b->len - 1] != '[')
		PUT_LIT(b, ",");
}

/* "key": (keys are constants that need no escaping) */
#define put_key(b, key)	put_key_n((b), "\"" key "\":", sizeof(key) + 2)

static void
put_key_n(struct reply_buf *b, const char *quoted, size_t n)
{
	comma(b);
	put(b, quoted, n);
}

/* "key":"s", or nothing when jansson would have had no string for s. */
#define put_kv_string(b, key, s) \
	put_kv_string_n((b), "\"" key "\":", sizeof(key) + 2, (s))

static void
put_kv_string_n(struct reply_buf *b, const char *quoted, size_t n,
    const char *s)
{
	size_t mark = b->len;

	put_key_n(b, quoted, n);
	if (!put_string(b, s, strlen(s)) && !b->oom)
		b->len = mark;
}

static void
put_integer(struct reply_buf *b, json_int_t v)
{
	char	 tmp[24], *o = tmp + sizeof(tmp);
	/* through unsigned: the most negative value has no positive twin */
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	do
		*--o = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--o = '-';
	put(b, o, (size_t)(tmp + sizeof(tmp) - o));
}

/* A real as jansson formats it (its digits depend on its version, so
 * it does it); false when it would make no value (inf, NaN). */
static bool
put_real(struct reply_buf *b, double v)
{
	char	 tmp[64];
	json_t	*j = json_real(v);
	size_t	 n;

	if (j == NULL) {
		if (isfinite(v))
			b->oom = true;
		return false;
	}
	n = json_dumpb(j, tmp, sizeof(tmp), JSON_ENCODE_ANY | JSON_COMPACT);
	json_decref(j);
	if (n == 0 || n > sizeof(tmp))
		return false;
	put(b, tmp, n);
	return true;
}

/* The value of "id"; false when jansson would have had none. */
static bool
put_id(struct reply_buf *b, const struct request_id *id)
{
	switch (id->kind) {
	case REQUEST_ID_STRING:
		return put_string(b, id->str, id->len);
	case REQUEST_ID_INTEGER:
		put_integer(b, id->num);
		return true;
	case REQUEST_ID_REAL:
		return put_real(b, id->real);
	default:
		PUT_LIT(b, "null");
		return true;
	}
}

static void
put_hit(struct reply_buf *b, const struct engine *e, const struct hit *h,
    const char *text)
{
	comma(b);
	PUT_LIT(b, "{");
	put_kv_string(b, "rule", rules_id(e->rb, h->rule));
	put_kv_string(b, "category", rules_category_name(e->rb,
	    rules_category_of(e->rb, h->rule)));
	put_key(b, "start");
	put_integer(b, h->start);
	put_key(b, "end");
	put_integer(b, h->end);
	/* the span can be the whole comment: echo at most REPLY_MATCH_MAX
	 * bytes of it, cut before a character (start/end give all of it) */
	size_t n = h->end - h->start;
	bool cut = n > REPLY_MATCH_MAX;
	if (cut) {
		n = REPLY_MATCH_MAX;
		while (n > 0 && ((unsigned char)text[h->start + n] & 0xc0) == 0x80)
			n--;
	}
	put_key(b, "match");
	if (!put_string(b, text + h->start, n))
		PUT_LIT(b, "\"\"");
	if (cut) {
		put_key(b, "match_truncated");
		PUT_LIT(b, "true");
	}
	if (h->score >= 0) {	/* a model's: its probability */
		size_t mark = b->len;
		put_key(b, "score");
		if (!put_real(b, round(h->score * 1e4) / 1e4) && !b->oom)
			b->len = mark;
	}
	if (h->budget)
		put_kv_string(b, "error", "the comment's regex time budget ran "
		    "out; the remaining regexes were skipped");
	else if (h->limit)
		put_kv_string(b, "error",
		    "regex hit its match limit; held for review");
	PUT_LIT(b, "}");
}

static int
finish(struct reply_buf *b)
{
	PUT_LIT(b, "}\n");
	return b->oom ? -1 : 0;
}

int
reply_verdict(struct reply_buf *b, const struct engine *e,
    const struct policy *p, const struct check_scratch *cs,
    const struct request_id *id, const char *text, bool dry_run)
{
	const struct verdict *v = &cs->v;

	b->len = 0;
	b->oom = false;
	PUT_LIT(b, "{");
	if (id != NULL && id->kind != REQUEST_ID_NONE) {
		size_t mark = b->len;
		put_key(b, "id");
		if (!put_id(b, id) && !b->oom)
			b->len = mark;
	}
	put_kv_string(b, "decision", decision_name(v->decision));
	put_key(b, "categories");
	PUT_LIT(b, "[");
	for (size_t c = 0; c < rules_category_count(e->rb); c++) {
		if (v->cat_state[c] == 0)
			continue;
		const char *name = rules_category_name(e->rb, (uint32_t)c);
		size_t mark = b->len;
		comma(b);
		if (!put_string(b, name, strlen(name)) && !b->oom)
			b->len = mark;
	}
	PUT_LIT(b, "]");
	put_key(b, "reasons");
	PUT_LIT(b, "[");
	for (size_t i = 0; i < v->nreasons; i++)
		put_hit(b, e, &cs->ms.hits[v->reasons[i]], text);
	PUT_LIT(b, "]");
	if (v->nshadow > 0) {
		put_key(b, "shadow");
		PUT_LIT(b, "[");
		for (size_t i = 0; i < v->nshadow; i++)
			put_hit(b, e, &cs->ms.hits[v->shadow[i]], text);
		PUT_LIT(b, "]");
	}
	put_kv_string(b, "policy", p->name);
	put_kv_string(b, "rules_version", e->version);
	if (dry_run) {
		put_key(b, "dry_run");
		PUT_LIT(b, "true");
	}
	return finish(b);
}

int
reply_error(struct reply_buf *b, const struct request_id *id,
    enum err_code code, const char *message)
{
	static const struct request_id none = { .kind = REQUEST_ID_NONE };

	b->len = 0;
	b->oom = false;
	PUT_LIT(b, "{\"id\":");
	/* an id jansson could not hold (never from a parsed request) would
	 * have left the key out */
	if (!put_id(b, id != NULL ? id : &none) && !b->oom)
		b->len = 1;
	put_key(b, "error");
	PUT_LIT(b, "{");
	put_kv_string(b, "code", err_code_name(code));
	/* messages may quote request bytes; never let them break the JSON */
	put_key(b, "message");
	if (!put_string(b, message, strlen(message)))
		PUT_LIT(b, "\"invalid request\"");
	PUT_LIT(b, "}");
	return finish(b);
}

static int
dump_to_reply(const char *s, size_t n, void *ctx)
{
	struct reply_buf *b = ctx;

	put(b, s, n);
	return b->oom ? -1 : 0;
}

int
reply_json(struct reply_buf *b, json_t *obj)
{
	int rc;

	b->len = 0;
	b->oom = false;
	if (obj == NULL)
		return -1;
	rc = json_dump_callback(obj, dump_to_reply, b, JSON_COMPACT);
	json_decref(obj);
	PUT_LIT(b, "\n");
	return rc == 0 && !b->oom ? 0 : -1;
}

void
reply_buf_shrink(struct reply_buf *b)
{
	if (b->cap > REPLY_KEEP_BYTES)
		reply_buf_free(b);
}

void
reply_buf_free(struct reply_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

json_t *
reply_categories(const struct engine *e, const struct verdict *v)
{
	json_t *cats = json_array();

	for (size_t c = 0; cats != NULL && c < rules_category_count(e->rb); c++)
		if (v->cat_state[c] != 0)
			json_array_append_new(cats,
			    json_string(rules_category_name(e->rb, (uint32_t)c)));
	return cats;
}
