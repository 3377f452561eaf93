/* frame: newline-delimited requests out of a connection's input buffer.
 * An oversized line is reported once and skipped up to its newline, so
 * the connection goes on with the next request. */
#ifndef DECORUM_FRAME_H
#define DECORUM_FRAME_H

#include <stdbool.h>
#include <stddef.h>

struct evbuffer;

enum frame_result {
	FRAME_NONE = 0,		/* no complete line yet */
	FRAME_LINE,		/* line and len hold one request */
	FRAME_TOO_LARGE,	/* a line over the limit began; it is skipped */
};

struct framer {
	size_t		 max;		/* longest line accepted */
	size_t		 scanned;	/* bytes known to hold no newline */
	size_t		 consume;	/* bytes to drop before the next call */
	bool		 skipping;	/* inside an oversized line */
};

void	frame_init(struct framer *f, size_t max);
/* The line stays valid until the next call. A trailing CR is dropped. */
enum frame_result frame_next(struct framer *f, struct evbuffer *in,
	    const char **line, size_t *len);

#endif
