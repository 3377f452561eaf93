/* reply: answers written as one JSON line each, byte for byte what
 * jansson's json_dumps(JSON_COMPACT) makes of them (same key order, number
 * formatting and string escaping), straight into a reused buffer. */
#ifndef DECORUM_REPLY_H
#define DECORUM_REPLY_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "engine.h"
#include "request.h"

/* Bytes of a reason's span echoed as its "match"; a longer span is cut
 * before a character and marked "match_truncated": true. */
#define REPLY_MATCH_MAX	256

/* One answer line; reused from answer to answer (a worker keeps one). */
struct reply_buf {
	char		*p;
	size_t		 len, cap;
	bool		 oom;		/* memory ran out: the line is not whole */
};

/* Each of these puts one whole line, '\n' included, in b in place of what
 * it held; -1 when memory ran out. id may be NULL (no id). */
int	reply_verdict(struct reply_buf *b, const struct engine *e,
	    const struct policy *p, const struct check_scratch *cs,
	    const struct request_id *id, const char *text, bool dry_run);
int	reply_error(struct reply_buf *b, const struct request_id *id,
	    enum err_code code, const char *message);
/* A control answer built with jansson; takes ownership of obj. */
int	reply_json(struct reply_buf *b, json_t *obj);
/* Give back a buffer that one big answer grew. */
void	reply_buf_shrink(struct reply_buf *b);
void	reply_buf_free(struct reply_buf *b);
/* The categories that reached a threshold, as a JSON array. */
json_t	*reply_categories(const struct engine *e, const struct verdict *v);

#endif
