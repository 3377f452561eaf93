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

/* A request's id as the answer echoes it. */
enum request_id_kind {
	REQUEST_ID_NONE = 0,	/* absent or null */
	REQUEST_ID_STRING,
	REQUEST_ID_INTEGER,
	REQUEST_ID_REAL,
};

struct request_id {
	enum request_id_kind kind;
	const char	*str;		/* STRING: len bytes, may hold NULs */
	size_t		 len;
	json_int_t	 num;		/* INTEGER */
	double		 real;		/* REAL */
};

/* Decoded strings of the fast path, reused from request to request so
 * that the common request costs no allocation. */
struct request_buf {
	char		*p;
	size_t		 cap;
};

/* Lines longer than this go to the jansson path: the reused buffer
 * stays small. */
#define REQUEST_FAST_MAX	(64 * 1024)

struct request {
	json_t		*root;		/* the jansson path's tree, or NULL */
	json_t		*id_json;	/* request_id_json()'s, owned */
	struct request_id id;
	enum request_op	 op;
	const char	*text;		/* text_len bytes, not NUL-terminated */
	size_t		 text_len;
	const char	*policy;	/* NULL: the default policy */
	bool		 dry_run;
};

struct request_error {
	enum err_code	 code;
	char		 message[160];
};

/* Parse one line. On error, err says why and r->id is still set when the
 * id could be read, so the answer can carry it. The strings of r point
 * into line or rb, valid until either changes (rb NULL: jansson path
 * only). The common request shape is read without building a JSON
 * tree; everything else goes through jansson, with the same results. */
int	request_parse(struct request *r, struct request_buf *rb,
	    const char *line, size_t len, size_t max_text,
	    struct request_error *err);
/* The fast path alone: true when it read a good request into r; false
 * when it left the line to jansson (r is then cleared). */
bool	request_parse_fast(struct request *r, struct request_buf *rb,
	    const char *line, size_t len, size_t max_text);
void	request_buf_free(struct request_buf *rb);
/* The id as a JSON value owned by r (NULL: no id, or out of memory). */
json_t	*request_id_json(struct request *r);
/* id from a JSON value v (borrowed: v must outlive id). */
void	request_id_from_json(struct request_id *id, json_t *v);
void	request_clear(struct request *r);
const char *err_code_name(enum err_code code);

#endif
