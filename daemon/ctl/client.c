/* client: pipelined line protocol over a Unix socket (see client.h). */
#include "client.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* Stop producing while this much is still unwritten. */
#define OUT_HIGH_WATER	(1u << 20)
/* Read in chunks of at least this much free space. */
#define IN_CHUNK	(64u * 1024)
/* An answer echoes at most one request's text plus reasons; anything far
 * beyond that is a broken peer, not an answer. */
#define IN_MAX_LINE	(64u * 1024 * 1024)

struct client {
	int	 fd;
	pid_t	 peer_pid;
	char	*out;
	size_t	 out_len, out_off, out_cap;
	char	*in;
	size_t	 in_len, in_cap;
	size_t	 in_flight;
	char	 err[512];
};

static void
set_error(struct client *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
set_error(struct client *c, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(c->err, sizeof(c->err), fmt, ap);
	va_end(ap);
}

static const char *
connect_hint(int err)
{
	switch (err) {
	case ENOENT:
	case ECONNREFUSED:
		return " — is decorumd running?";
	case EACCES:
	case EPERM:
		return " — is your user in the socket's group?";
	default:
		return "";
	}
}

struct client *
client_connect(const char *path, char *err, size_t errlen)
{
	struct sockaddr_un	 sun;
	struct ucred		 cred;
	socklen_t		 credlen = sizeof(cred);
	struct client		*c;
	int			 fd, flags, e;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path)) {
		snprintf(err, errlen, "cannot connect to %s: socket path "
		    "longer than %zu bytes", path, sizeof(sun.sun_path) - 1);
		return NULL;
	}
	memcpy(sun.sun_path, path, strlen(path) + 1);
	if ((c = calloc(1, sizeof(*c))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	c->peer_pid = -1;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create a socket: %s",
		    strerror(errno));
		free(c);
		return NULL;
	}
	while (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) != 0) {
		if (errno == EINTR)
			continue;
		e = errno;
		snprintf(err, errlen, "cannot connect to %s: %s%s", path,
		    strerror(e), connect_hint(e));
		close(fd);
		free(c);
		return NULL;
	}
	/* Non-blocking from here on: client_run never blocks in write(). */
	if ((flags = fcntl(fd, F_GETFL)) < 0 ||
	    fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
		snprintf(err, errlen, "cannot make the socket non-blocking: %s",
		    strerror(errno));
		close(fd);
		free(c);
		return NULL;
	}
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &credlen) == 0)
		c->peer_pid = cred.pid;
	c->fd = fd;
	return c;
}

void
client_close(struct client *c)
{
	if (c == NULL)
		return;
	if (c->fd >= 0)
		close(c->fd);
	free(c->out);
	free(c->in);
	free(c);
}

const char *
client_error(const struct client *c)
{
	return c->err[0] ? c->err : "unknown error";
}

int
client_fd(const struct client *c)
{
	return c->fd;
}

size_t
client_in_flight(const struct client *c)
{
	return c->in_flight;
}

size_t
client_pending(const struct client *c)
{
	return c->out_len - c->out_off;
}

pid_t
client_peer_pid(const struct client *c)
{
	return c->peer_pid;
}

int
client_queue(struct client *c, const char *line, size_t len)
{
	size_t	 need;

	/* Drop what was written already before growing. */
	if (c->out_off > 0) {
		memmove(c->out, c->out + c->out_off, c->out_len - c->out_off);
		c->out_len -= c->out_off;
		c->out_off = 0;
	}
	if (len > SIZE_MAX - c->out_len - 1) {
		set_error(c, "out of memory");
		return -1;
	}
	need = c->out_len + len + 1;
	if (need > c->out_cap) {
		size_t	 ncap = c->out_cap ? c->out_cap : 4096;
		char	*n;

		while (ncap < need)
			ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
		if ((n = realloc(c->out, ncap)) == NULL) {
			set_error(c, "out of memory");
			return -1;
		}
		c->out = n;
		c->out_cap = ncap;
	}
	memcpy(c->out + c->out_len, line, len);
	c->out[c->out_len + len] = '\n';
	c->out_len = need;
	c->in_flight++;
	return 0;
}

static void
set_closed_error(struct client *c)
{
	set_error(c, "decorumd closed the connection with %zu request%s "
	    "unanswered", c->in_flight, c->in_flight == 1 ? "" : "s");
}

int
client_write(struct client *c)
{
	while (c->out_off < c->out_len) {
		ssize_t n = send(c->fd, c->out + c->out_off,
		    c->out_len - c->out_off, MSG_NOSIGNAL);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				break;
			if (errno == EPIPE || errno == ECONNRESET)
				set_closed_error(c);
			else
				set_error(c, "cannot write to decorumd: %s",
				    strerror(errno));
			return -1;
		}
		c->out_off += (size_t)n;
	}
	if (c->out_off == c->out_len)
		c->out_off = c->out_len = 0;
	return 0;
}

/* Hands the complete lines in the input buffer to fn. */
static int
deliver_lines(struct client *c, client_answer_fn fn, void *ctx)
{
	size_t	 start = 0;
	char	*nl;

	while ((nl = memchr(c->in + start, '\n', c->in_len - start)) != NULL) {
		size_t len = (size_t)(nl - (c->in + start));

		if (c->in_flight == 0) {
			set_error(c, "decorumd sent an answer nobody asked for");
			return -1;
		}
		c->in_flight--;
		*nl = '\0';
		if (fn(ctx, c->in + start, len) != 0) {
			set_error(c, "stopped while handling an answer");
			return -1;
		}
		start += len + 1;
	}
	if (start > 0) {
		memmove(c->in, c->in + start, c->in_len - start);
		c->in_len -= start;
	}
	if (c->in_len > IN_MAX_LINE) {
		set_error(c, "decorumd sent an answer line longer than %u "
		    "bytes", IN_MAX_LINE);
		return -1;
	}
	return 0;
}

int
client_read(struct client *c, client_answer_fn fn, void *ctx)
{
	for (;;) {
		ssize_t	n;

		/* +1 keeps room for the NUL after a line without newline. */
		if (c->in_cap - c->in_len < IN_CHUNK + 1) {
			size_t	 ncap = c->in_cap ? c->in_cap * 2 : 2 * IN_CHUNK;
			char	*p;

			if ((p = realloc(c->in, ncap)) == NULL) {
				set_error(c, "out of memory");
				return -1;
			}
			c->in = p;
			c->in_cap = ncap;
		}
		n = read(c->fd, c->in + c->in_len, c->in_cap - c->in_len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return 0;
			if (errno == ECONNRESET)
				set_closed_error(c);
			else
				set_error(c, "cannot read from decorumd: %s",
				    strerror(errno));
			return -1;
		}
		if (n == 0) {
			set_closed_error(c);
			return -1;
		}
		c->in_len += (size_t)n;
		if (deliver_lines(c, fn, ctx) != 0)
			return -1;
	}
}

int
client_run(struct client *c, size_t depth, int timeout_ms,
    client_next_fn next, client_answer_fn on_answer, void *ctx)
{
	bool	producing = true;

	if (depth == 0)
		depth = 1;
	if (timeout_ms <= 0)
		timeout_ms = CLIENT_DEFAULT_TIMEOUT_MS;
	for (;;) {
		struct pollfd	pfd;
		int		n;

		while (producing && c->in_flight < depth &&
		    client_pending(c) < OUT_HIGH_WATER) {
			int r = next(ctx, c);

			if (r < 0) {
				set_error(c, "stopped while making a request");
				return -1;
			}
			if (r == 0)
				producing = false;
		}
		if (!producing && c->in_flight == 0)
			return 0;
		if (client_pending(c) > 0 && client_write(c) != 0)
			return -1;
		pfd.fd = c->fd;
		pfd.events = POLLIN | (client_pending(c) > 0 ? POLLOUT : 0);
		pfd.revents = 0;
		n = poll(&pfd, 1, timeout_ms);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			set_error(c, "poll: %s", strerror(errno));
			return -1;
		}
		if (n == 0) {
			set_error(c, "no answer from decorumd for %d s (%zu "
			    "request%s unanswered)", timeout_ms / 1000,
			    c->in_flight, c->in_flight == 1 ? "" : "s");
			return -1;
		}
		/* Read first: a peer that hung up may still have answers. */
		if ((pfd.revents & (POLLIN | POLLHUP | POLLERR)) &&
		    client_read(c, on_answer, ctx) != 0)
			return -1;
		if ((pfd.revents & POLLOUT) && client_write(c) != 0)
			return -1;
	}
}
