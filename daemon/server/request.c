#include "request.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

const char *
err_code_name(enum err_code code)
{
	switch (code) {
	case ERR_BAD_JSON:		return "bad_json";
	case ERR_MISSING_TEXT:		return "missing_text";
	case ERR_INVALID_UTF8:		return "invalid_utf8";
	case ERR_TOO_LARGE:		return "too_large";
	case ERR_UNKNOWN_POLICY:	return "unknown_policy";
	case ERR_OVERLOADED:		return "overloaded";
	case ERR_INTERNAL:		return "internal";
	default:			return "none";
	}
}

static int
fail(struct request_error *err, enum err_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct request_error *err, enum err_code code, const char *fmt, ...)
{
	va_list ap;

	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return -1;
}

/* Find the id of a request that is not valid UTF-8, so that its error
 * answer can still be matched to it: parse a copy with the bad bytes
 * replaced. */
static void
request_salvage_id(struct request *r, const char *line, size_t len)
{
	char	*copy = malloc(len);
	size_t	 i = 0;
	long	 bad;

	if (copy == NULL)
		return;
	memcpy(copy, line, len);
	while (i < len && (bad = text_utf8_invalid_at(copy + i, len - i)) >= 0) {
		copy[i + (size_t)bad] = '?';
		i += (size_t)bad + 1;
	}
	/* escapes of lone surrogates ("\ud800") become U+FFFD, same length */
	for (i = 0; i + 6 <= len; i++) {
		if (copy[i] != '\\')
			continue;
		if (copy[i + 1] == 'u' && (copy[i + 2] == 'd' || copy[i + 2] == 'D') &&
		    copy[i + 3] != '\0' &&
		    strchr("89abcdefABCDEF", copy[i + 3]) != NULL) {
			memcpy(copy + i + 2, "fffd", 4);
			i += 5;
		} else {
			i++;	/* an escaped character, maybe a backslash */
		}
	}
	r->root = json_loadb(copy, len, JSON_ALLOW_NUL, NULL);
	free(copy);
	json_t *id = json_object_get(r->root, "id");
	if (id != NULL && (json_is_number(id) || (json_is_string(id) &&
	    json_string_length(id) <= REQUEST_ID_MAX)))
		request_id_from_json(&r->id, id);
}

void
request_clear(struct request *r)
{
	json_decref(r->id_json);
	json_decref(r->root);
	memset(r, 0, sizeof(*r));
}

void
request_buf_free(struct request_buf *rb)
{
	free(rb->p);
	rb->p = NULL;
	rb->cap = 0;
}

void
request_id_from_json(struct request_id *id, json_t *v)
{
	memset(id, 0, sizeof(*id));
	if (json_is_string(v)) {
		id->kind = REQUEST_ID_STRING;
		id->str = json_string_value(v);
		id->len = json_string_length(v);
	} else if (json_is_integer(v)) {
		id->kind = REQUEST_ID_INTEGER;
		id->num = json_integer_value(v);
	} else if (json_is_real(v)) {
		id->kind = REQUEST_ID_REAL;
		id->real = json_real_value(v);
	}
}

json_t *
request_id_json(struct request *r)
{
	if (r->id_json != NULL)
		return r->id_json;
	switch (r->id.kind) {
	case REQUEST_ID_STRING:
		r->id_json = json_stringn(r->id.str, r->id.len);
		break;
	case REQUEST_ID_INTEGER:
		r->id_json = json_integer(r->id.num);
		break;
	case REQUEST_ID_REAL:
		r->id_json = json_real(r->id.real);
		break;
	default:
		break;
	}
	return r->id_json;
}

/* text_utf8_invalid_at, with the ASCII run most lines are skipped eight
 * bytes at a time first. */
static long
utf8_invalid_at(const char *s, size_t len)
{
	size_t i = 0;
	uint64_t w;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	long bad = text_utf8_invalid_at(s + i, len - i);
	return bad < 0 ? bad : bad + (long)i;
}

/* The offset of the first \u escape that decodes to no character (a
 * lone or reversed surrogate), or -1. jansson reports those as syntax
 * errors, indistinguishable by code from other bad JSON, so they are found
 * here first. Backslashes only ever appear inside strings in valid JSON;
 * in invalid JSON this may point at a bad escape that jansson would also
 * refuse, which still makes the line an error. */
static long
bad_escape_at(const char *s, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (s[i] != '\\')
			continue;
		if (s[i + 1] != 'u' || i + 6 > len) {
			i++;		/* an escaped character, maybe a backslash */
			continue;
		}
		unsigned v = 0;
		for (size_t k = i + 2; k < i + 6; k++) {
			int c = (unsigned char)s[k], d;
			if (c >= '0' && c <= '9')
				d = c - '0';
			else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
				d = (c | 0x20) - 'a' + 10;
			else
				return -1;	/* not hex: jansson says bad_json */
			v = v * 16 + (unsigned)d;
		}
		if (v >= 0xdc00 && v <= 0xdfff)
			return (long)i;
		if (v >= 0xd800 && v <= 0xdbff) {
			unsigned lo = 0;
			if (i + 12 > len || s[i + 6] != '\\' || s[i + 7] != 'u')
				return (long)i;
			for (size_t k = i + 8; k < i + 12; k++) {
				int c = (unsigned char)s[k];
				if (c >= '0' && c <= '9')
					lo = lo * 16 + (unsigned)(c - '0');
				else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
					lo = lo * 16 + (unsigned)((c | 0x20) - 'a' + 10);
				else
					return (long)i;
			}
			if (lo < 0xdc00 || lo > 0xdfff)
				return (long)i;
			i += 11;
			continue;
		}
		i += 5;
	}
	return -1;
}

/*
 * The fast path: the common request, an object of known keys with
 * string, integer, boolean or null values, read straight from the line.
 * It only ever accepts: anything it does not fully understand (another
 * key, a duplicate, a nested value, a real, an op, any error) is left to
 * jansson, which then gives the answer it always gave. Callers have
 * checked the line's UTF-8 and its \u escapes (request_parse does).
 */
struct fast {
	const char	*p, *end;
	char		*out;		/* decoded strings go here */
};

static void
fast_ws(struct fast *f)
{
	while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' ||
	    *f->p == '\n' || *f->p == '\r'))
		f->p++;
}

static bool
fast_lit(struct fast *f, const char *lit, size_t n)
{
	if ((size_t)(f->end - f->p) < n || memcmp(f->p, lit, n) != 0)
		return false;
	f->p += n;
	return true;
}

static int
fast_hex4(const char *s)
{
	int v = 0;

	for (int k = 0; k < 4; k++) {
		int c = (unsigned char)s[k];
		if (c >= '0' && c <= '9')
			v = v * 16 + (c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			v = v * 16 + ((c | 0x20) - 'a' + 10);
		else
			return -1;
	}
	return v;
}

/* One escape after its backslash, appended to f->out as UTF-8. */
static bool
fast_escape(struct fast *f)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *m;
	long cp;

	if (f->p >= f->end)
		return false;
	if (*f->p != 'u') {
		if (*f->p == '\0' || (m = strchr(from, *f->p)) == NULL)
			return false;
		*f->out++ = to[m - from];
		f->p++;
		return true;
	}
	if (f->end - f->p < 5 || (cp = fast_hex4(f->p + 1)) < 0)
		return false;
	f->p += 5;
	if (cp >= 0xdc00 && cp <= 0xdfff)
		return false;
	if (cp >= 0xd800 && cp <= 0xdbff) {
		long lo;
		if (f->end - f->p < 6 || f->p[0] != '\\' || f->p[1] != 'u' ||
		    (lo = fast_hex4(f->p + 2)) < 0xdc00 || lo > 0xdfff)
			return false;
		f->p += 6;
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	}
	if (cp < 0x80) {
		*f->out++ = (char)cp;
	} else if (cp < 0x800) {
		*f->out++ = (char)(0xc0 | (cp >> 6));
		*f->out++ = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*f->out++ = (char)(0xe0 | (cp >> 12));
		*f->out++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*f->out++ = (char)(0x80 | (cp & 0x3f));
	} else {
		*f->out++ = (char)(0xf0 | (cp >> 18));
		*f->out++ = (char)(0x80 | ((cp >> 12) & 0x3f));
		*f->out++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*f->out++ = (char)(0x80 | (cp & 0x3f));
	}
	return true;
}

/* A string value after its opening quote. Without escapes it stays in
 * the line; with them it is decoded into f->out, NUL-terminated. */
/* Whether one of the 8 bytes of w is a quote, a backslash or a control
 * character (the bit tricks of "Bit Twiddling Hacks": a byte is zero, a
 * byte is less than n). */
static bool
fast_special8(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
	uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');

	return (((q - ones) & ~q) | ((b - ones) & ~b) |
	    ((w - ones * 0x20) & ~w)) & highs;
}

/* Past the plain bytes at f->p: to a quote, a backslash, a control
 * character or the end. The text is most of a line: eight bytes at a
 * time first. */
static void
fast_plain(struct fast *f)
{
	uint64_t w;

	while (f->end - f->p >= 8) {
		memcpy(&w, f->p, 8);
		if (fast_special8(w))
			break;
		f->p += 8;
	}
	while (f->p < f->end && *f->p != '"' && *f->p != '\\' &&
	    (unsigned char)*f->p >= 0x20)
		f->p++;
}

static bool
fast_string(struct fast *f, const char **s, size_t *n)
{
	const char *run = f->p;
	char *o = f->out;

	fast_plain(f);
	if (f->p < f->end && *f->p == '"') {
		*s = run;	/* no escapes: it stays in the line */
		*n = (size_t)(f->p++ - run);
		return true;
	}
	for (;;) {
		memcpy(f->out, run, (size_t)(f->p - run));
		f->out += f->p - run;
		if (f->p >= f->end || (unsigned char)*f->p < 0x20)
			return false;
		if (*f->p == '"')
			break;
		f->p++;		/* a backslash */
		if (!fast_escape(f))
			return false;
		run = f->p;
		fast_plain(f);
	}
	f->p++;
	*s = o;
	*n = (size_t)(f->out - o);
	*f->out++ = '\0';
	return true;
}

/* An integer id as jansson reads one: -?(0|[1-9][0-9]*), no fraction or
 * exponent (a real), at most 18 digits (never past json_int_t). */
static bool
fast_integer(struct fast *f, json_int_t *v)
{
	bool neg = f->p < f->end && *f->p == '-';
	const char *d = f->p + neg, *q = d;
	json_int_t n = 0;

	while (q < f->end && *q >= '0' && *q <= '9')
		q++;
	if (q == d || q - d > 18 || (*d == '0' && q - d > 1))
		return false;
	if (q < f->end && (*q == '.' || *q == 'e' || *q == 'E'))
		return false;
	for (const char *c = d; c < q; c++)
		n = n * 10 + (*c - '0');
	*v = neg ? -n : n;
	f->p = q;
	return true;
}

enum fast_key { KEY_ID, KEY_TEXT, KEY_POLICY, KEY_DRY_RUN, KEY_OTHER };

static enum fast_key
fast_key(const char *k, size_t n)
{
	if (n == 2 && memcmp(k, "id", 2) == 0)
		return KEY_ID;
	if (n == 4 && memcmp(k, "text", 4) == 0)
		return KEY_TEXT;
	if (n == 6 && memcmp(k, "policy", 6) == 0)
		return KEY_POLICY;
	if (n == 7 && memcmp(k, "dry_run", 7) == 0)
		return KEY_DRY_RUN;
	return KEY_OTHER;
}

static bool
fast_value(struct fast *f, enum fast_key key, struct request *r)
{
	const char *s;
	size_t n;

	switch (key) {
	case KEY_ID:
		if (fast_lit(f, "null", 4))
			return true;
		if (f->p < f->end && *f->p == '"') {
			f->p++;
			if (!fast_string(f, &s, &n) || n > REQUEST_ID_MAX)
				return false;
			r->id.kind = REQUEST_ID_STRING;
			r->id.str = s;
			r->id.len = n;
			return true;
		}
		r->id.kind = REQUEST_ID_INTEGER;
		return fast_integer(f, &r->id.num);
	case KEY_TEXT:
		if (!fast_lit(f, "\"", 1))
			return false;
		return fast_string(f, &r->text, &r->text_len);
	case KEY_POLICY:
		if (fast_lit(f, "null", 4))
			return true;
		if (!fast_lit(f, "\"", 1) || !fast_string(f, &s, &n))
			return false;
		/* policies_find wants a C string: copy one without escapes */
		if (s != f->out - n - 1) {
			memcpy(f->out, s, n);
			s = f->out;
			f->out += n;
			*f->out++ = '\0';
		}
		r->policy = s;
		return strlen(s) == n;	/* a NUL inside: jansson's error */
	case KEY_DRY_RUN:
		if (fast_lit(f, "true", 4))
			r->dry_run = true;
		else if (!fast_lit(f, "false", 5))
			return false;
		return true;
	default:
		return false;
	}
}

static bool
fast_parse(struct request *r, struct request_buf *rb, const char *line,
    size_t len, size_t max_text)
{
	struct fast	 f = { line, line + len, NULL };
	unsigned	 seen = 0;

	if (rb == NULL || len > REQUEST_FAST_MAX)
		return false;
	/* decoded strings, each with a NUL, are never longer than the line
	 * (their quotes pay for the NULs), plus the policy's copy */
	if (rb->cap < 2 * len + 1) {
		size_t cap = 2 * len + 1 < 4096 ? 4096 : 2 * len + 1;
		char *p = realloc(rb->p, cap);
		if (p == NULL)
			return false;
		rb->p = p;
		rb->cap = cap;
	}
	f.out = rb->p;
	fast_ws(&f);
	if (!fast_lit(&f, "{", 1))
		return false;
	for (;;) {
		const char *k;
		size_t kn;

		fast_ws(&f);
		if (!fast_lit(&f, "\"", 1))
			return false;	/* an empty object has no text */
		k = f.p;
		while (f.p < f.end && *f.p != '"' && *f.p != '\\')
			f.p++;
		if (f.p >= f.end || *f.p != '"')
			return false;
		kn = (size_t)(f.p++ - k);
		enum fast_key key = fast_key(k, kn);
		if (key == KEY_OTHER || (seen & (1u << key)))
			return false;
		seen |= 1u << key;
		fast_ws(&f);
		if (!fast_lit(&f, ":", 1))
			return false;
		fast_ws(&f);
		if (!fast_value(&f, key, r))
			return false;
		fast_ws(&f);
		if (fast_lit(&f, "}", 1))
			break;
		if (!fast_lit(&f, ",", 1))
			return false;
	}
	fast_ws(&f);
	return f.p == f.end && (seen & (1u << KEY_TEXT)) &&
	    r->text_len <= max_text;
}

bool
request_parse_fast(struct request *r, struct request_buf *rb,
    const char *line, size_t len, size_t max_text)
{
	memset(r, 0, sizeof(*r));
	if (utf8_invalid_at(line, len) >= 0 ||
	    !fast_parse(r, rb, line, len, max_text)) {
		memset(r, 0, sizeof(*r));
		return false;
	}
	return true;
}

int
request_parse(struct request *r, struct request_buf *rb, const char *line,
    size_t len, size_t max_text, struct request_error *err)
{
	json_error_t	 je;
	json_t		*v;
	long		 bad;

	memset(r, 0, sizeof(*r));
	err->code = ERR_NONE;
	err->message[0] = '\0';

	/* say "invalid UTF-8" rather than a parser's complaint about it:
	 * raw bytes checked by utf8proc, \u escapes by bad_escape_at */
	if ((bad = utf8_invalid_at(line, len)) >= 0) {
		request_salvage_id(r, line, len);
		return fail(err, ERR_INVALID_UTF8,
		    "request is not valid UTF-8 at byte %ld of the line", bad);
	}
	/* the fast path refuses lone surrogates itself */
	if (fast_parse(r, rb, line, len, max_text))
		return 0;
	memset(r, 0, sizeof(*r));
	if ((bad = bad_escape_at(line, len)) >= 0) {
		request_salvage_id(r, line, len);
		return fail(err, ERR_INVALID_UTF8,
		    "the \\u escape at byte %ld of the line is a lone surrogate, "
		    "not a character", bad);
	}
	r->root = json_loadb(line, len, JSON_ALLOW_NUL, &je);
	if (r->root == NULL) {
		if (json_error_code(&je) == json_error_invalid_utf8) {
			request_salvage_id(r, line, len);
			return fail(err, ERR_INVALID_UTF8, "%s at byte %d",
			    je.text, je.position);
		}
		return fail(err, ERR_BAD_JSON, "%s at byte %d", je.text,
		    je.position);
	}
	if (!json_is_object(r->root))
		return fail(err, ERR_BAD_JSON, "a request must be a JSON object");

	v = json_object_get(r->root, "id");
	if (v != NULL && !json_is_null(v)) {
		if (!json_is_string(v) && !json_is_number(v))
			return fail(err, ERR_BAD_JSON,
			    "id must be a string or a number");
		/* every answer echoes the id: keep what one answer costs small */
		if (json_is_string(v) && json_string_length(v) > REQUEST_ID_MAX)
			return fail(err, ERR_TOO_LARGE,
			    "id is %zu bytes, the limit is %d",
			    json_string_length(v), REQUEST_ID_MAX);
		request_id_from_json(&r->id, v);
	}
	v = json_object_get(r->root, "op");
	if (v != NULL) {
		const char *op = json_string_value(v);
		if (op == NULL)
			return fail(err, ERR_BAD_JSON, "op must be a string");
		/* a NUL inside would cut the name short: "stats\u0000x" */
		if (strlen(op) != json_string_length(v))
			return fail(err, ERR_BAD_JSON,
			    "unknown op (it holds a NUL character)");
		if (strcmp(op, "check") == 0)
			r->op = OP_CHECK;
		else if (strcmp(op, "stats") == 0)
			r->op = OP_STATS;
		else if (strcmp(op, "policies") == 0)
			r->op = OP_POLICIES;
		else
			return fail(err, ERR_BAD_JSON,
			    "unknown op \"%.40s\" (check, stats, policies)", op);
		if (r->op != OP_CHECK)
			return 0;
	}
	v = json_object_get(r->root, "policy");
	if (v != NULL && !json_is_null(v)) {
		if ((r->policy = json_string_value(v)) == NULL)
			return fail(err, ERR_BAD_JSON, "policy must be a string");
		/* no policy name holds a NUL: "default\u0000x" is not default */
		if (strlen(r->policy) != json_string_length(v))
			return fail(err, ERR_UNKNOWN_POLICY,
			    "no policy named \"%.64s\\u0000...\"", r->policy);
	}
	v = json_object_get(r->root, "dry_run");
	if (v != NULL) {
		if (!json_is_boolean(v))
			return fail(err, ERR_BAD_JSON, "dry_run must be true or false");
		r->dry_run = json_is_true(v);
	}
	v = json_object_get(r->root, "text");
	if (v == NULL || json_is_null(v))
		return fail(err, ERR_MISSING_TEXT, "the request has no text");
	if (!json_is_string(v))
		return fail(err, ERR_MISSING_TEXT, "text must be a string");
	r->text = json_string_value(v);
	r->text_len = json_string_length(v);
	if (r->text_len > max_text)
		return fail(err, ERR_TOO_LARGE,
		    "text is %zu bytes, the limit is %zu", r->text_len, max_text);
	return 0;
}
