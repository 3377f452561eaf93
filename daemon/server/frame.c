#include "frame.h"

#include <event2/buffer.h>
#include <string.h>

void
frame_init(struct framer *f, size_t max)
{
	memset(f, 0, sizeof(*f));
	f->max = max;
}

enum frame_result
frame_next(struct framer *f, struct evbuffer *in, const char **line,
    size_t *len)
{
	for (;;) {
		if (f->consume > 0) {
			evbuffer_drain(in, f->consume);
			f->consume = 0;
		}
		size_t avail = evbuffer_get_length(in);
		if (avail == 0)
			return FRAME_NONE;

		struct evbuffer_ptr start, nl;
		/* resume the newline search where the last one stopped: a big
		 * line arriving in small pieces stays linear */
		if (evbuffer_ptr_set(in, &start, f->scanned, EVBUFFER_PTR_SET) == -1)
			start.pos = -1;
		nl = start.pos >= 0 ?
		    evbuffer_search(in, "\n", 1, &start) : start;
		if (nl.pos < 0) {
			f->scanned = avail;
			if (f->skipping) {
				evbuffer_drain(in, avail);
				f->scanned = 0;
				return FRAME_NONE;
			}
			if (avail > f->max) {
				/* never buffer more than the limit */
				evbuffer_drain(in, avail);
				f->scanned = 0;
				f->skipping = true;
				return FRAME_TOO_LARGE;
			}
			return FRAME_NONE;
		}
		size_t n = (size_t)nl.pos;
		f->scanned = 0;
		if (f->skipping) {
			/* the tail of a line already answered as too large */
			evbuffer_drain(in, n + 1);
			f->skipping = false;
			continue;
		}
		if (n > f->max) {
			evbuffer_drain(in, n + 1);
			return FRAME_TOO_LARGE;
		}
		unsigned char *p = evbuffer_pullup(in, (ev_ssize_t)n + 1);
		if (p == NULL)
			return FRAME_NONE;
		f->consume = n + 1;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		*line = (const char *)p;
		*len = n;
		return FRAME_LINE;
	}
}
