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
		    copy[i + 3] != '\0' && strchr("89abAB", copy[i + 3]) != NULL) {
			memcpy(copy + i + 2, "fffd", 4);
			i += 5;
		} else {
			i++;	/* an escaped character, maybe a backslash */
		}
	}
	r->root = json_loadb(copy, len, JSON_ALLOW_NUL, NULL);
	free(copy);
	json_t *id = json_object_get(r->root, "id");
	if (id != NULL && (json_is_string(id) || json_is_number(id)))
		r->id = id;
}

void
request_clear(struct request *r)
{
	json_decref(r->root);
	memset(r, 0, sizeof(*r));
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

	/* say "invalid UTF-8" rather than a parser's complaint about it */
	if ((bad = text_utf8_invalid_at(line, len)) >= 0) {
		request_salvage_id(r, line, len);
		return fail(err, ERR_INVALID_UTF8,
		    "request is not valid UTF-8 at byte %ld of the line", bad);
	}
	r->root = json_loadb(line, len, JSON_ALLOW_NUL, &je);
	if (r->root == NULL) {
		if (json_error_code(&je) == json_error_invalid_utf8 ||
		    strstr(je.text, "nicode") != NULL) {
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
		r->id = v;
	}
	v = json_object_get(r->root, "op");
	if (v != NULL) {
		const char *op = json_string_value(v);
		if (op == NULL)
			return fail(err, ERR_BAD_JSON, "op must be a string");
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
