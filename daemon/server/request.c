#include "request.h"

#include <stdarg.h>
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
		r->id = id;
}

void
request_clear(struct request *r)
{
	json_decref(r->root);
	memset(r, 0, sizeof(*r));
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

int
request_parse(struct request *r, const char *line, size_t len,
    size_t max_text, struct request_error *err)
{
	json_error_t	 je;
	json_t		*v;
	long		 bad;

	memset(r, 0, sizeof(*r));
	err->code = ERR_NONE;
	err->message[0] = '\0';

	/* say "invalid UTF-8" rather than a parser's complaint about it:
	 * raw bytes checked by utf8proc, \u escapes by bad_escape_at */
	if ((bad = text_utf8_invalid_at(line, len)) >= 0) {
		request_salvage_id(r, line, len);
		return fail(err, ERR_INVALID_UTF8,
		    "request is not valid UTF-8 at byte %ld of the line", bad);
	}
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
		r->id = v;
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
