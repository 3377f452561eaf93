/* reply: answers as JSON objects, ready to be written as one line. */
#ifndef DECORUM_REPLY_H
#define DECORUM_REPLY_H

#include <jansson.h>

#include "engine.h"
#include "request.h"

/* Bytes of a reason's span echoed as its "match"; a longer span is cut
 * before a character and marked "match_truncated": true. */
#define REPLY_MATCH_MAX	256

/* The answer to a checked comment; id may be NULL. */
json_t	*reply_verdict(const struct engine *e, const struct policy *p,
	    const struct check_scratch *cs, json_t *id, const char *text,
	    bool dry_run);
/* The categories that reached a threshold, as a JSON array. */
json_t	*reply_categories(const struct engine *e, const struct verdict *v);
json_t	*reply_error(json_t *id, enum err_code code, const char *message);
/* Write obj as one compact line to fn; takes ownership of obj. */
int	reply_dump(json_t *obj, json_dump_callback_t fn, void *ctx);

#endif
