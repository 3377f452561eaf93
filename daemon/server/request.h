/* request: one protocol v1 request line parsed and validated. */
#ifndef DECORUM_REQUEST_H
#define DECORUM_REQUEST_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* The stable error codes of the protocol. */
enum err_code {
	ERR_NONE = 0,
	ERR_BAD_JSON,
	ERR_MISSING_TEXT,
	ERR_INVALID_UTF8,
	ERR_TOO_LARGE,
	ERR_UNKNOWN_POLICY,
	ERR_OVERLOADED,
	ERR_INTERNAL,
};

enum request_op {
	OP_CHECK = 0,
	OP_STATS,
	OP_POLICIES,
};

/* Longest string id accepted: every answer echoes the id, so it bounds
 * what one answer costs (longer ids are answered too_large, id null). */
#define REQUEST_ID_MAX	1024

struct request {
	json_t		*root;		/* owns everything below */
	json_t		*id;		/* borrowed; NULL when absent */
	enum request_op	 op;
	const char	*text;
	size_t		 text_len;
	const char	*policy;	/* NULL: the default policy */
	bool		 dry_run;
};

struct request_error {
	enum err_code	 code;
	char		 message[160];
};

/* Parse one line. On error, err says why and r->id is still set when the
 * id could be read, so the answer can carry it. */
int	request_parse(struct request *r, const char *line, size_t len,
	    size_t max_text, struct request_error *err);
void	request_clear(struct request *r);
const char *err_code_name(enum err_code code);

#endif
