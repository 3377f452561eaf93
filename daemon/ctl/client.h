/* client: a decorumd connection for decorumctl. Requests are lines queued
 * into an output buffer; answers are lines read back in order. Writing and
 * reading are interleaved with poll() on a non-blocking socket, so any
 * number of requests can be pipelined without deadlock: the daemon never
 * blocks on us while we block writing to it. */
#ifndef DECORUM_CLIENT_H
#define DECORUM_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define CLIENT_DEFAULT_SOCKET	"/run/decorumd/decorumd.sock"
#define CLIENT_DEFAULT_DEPTH	256
#define CLIENT_DEFAULT_TIMEOUT_MS	30000

struct client;

/* Connects to the Unix socket at path. On failure returns NULL and puts a
 * message for the user into err. */
struct client	*client_connect(const char *path, char *err, size_t errlen);
void		 client_close(struct client *c);
/* The last error, e.g. "decorumd closed the connection with 3 requests
 * unanswered". */
const char	*client_error(const struct client *c);
int		 client_fd(const struct client *c);
/* Requests sent or queued whose answer has not been read yet. */
size_t		 client_in_flight(const struct client *c);
/* Bytes queued but not yet written. */
size_t		 client_pending(const struct client *c);
/* pid of the daemon (SO_PEERCRED), -1 when unknown. */
pid_t		 client_peer_pid(const struct client *c);

/* Queues one request line; len excludes the newline, which is added. The
 * line must not contain a newline. -1 when out of memory. */
int		 client_queue(struct client *c, const char *line, size_t len);
/* Writes what the socket takes now without blocking. -1 on error. */
int		 client_write(struct client *c);

/* Called with each answer line (without its newline, NUL-terminated at
 * line[len]). Returns 0 to go on, -1 to stop (client_run then returns -1
 * and the caller knows why). */
typedef int	(*client_answer_fn)(void *ctx, const char *line, size_t len);
/* Reads what the socket has now without blocking and hands each complete
 * line to fn. Returns 0, or -1 on error (including the daemon closing the
 * connection while answers are outstanding). */
int		 client_read(struct client *c, client_answer_fn fn, void *ctx);

/* Called to queue the next request with client_queue. Returns 1 when it
 * queued one, 0 when there are no more, -1 to stop with an error. */
typedef int	(*client_next_fn)(void *ctx, struct client *c);
/* Sends everything next produces, at most depth requests in flight, and
 * hands every answer to on_answer; returns when all are answered (0) or on
 * an error (-1). timeout_ms bounds the wait for any progress (<= 0: the
 * default). */
int		 client_run(struct client *c, size_t depth, int timeout_ms,
		    client_next_fn next, client_answer_fn on_answer, void *ctx);

#endif
