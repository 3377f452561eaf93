/* server: the listening socket, worker threads and client connections.
 * Each worker runs its own libevent loop; connections stay on the worker
 * that accepted them. The rules in use are swapped on reload without
 * stopping anything. */
#ifndef DECORUM_SERVER_H
#define DECORUM_SERVER_H

#include <stdbool.h>

#include "engine.h"

struct server;

struct server_opts {
	const char	*listen;	/* socket path (overrides the config) */
	struct engine_opts engine;	/* how to (re)load the engine */
};

/* Load the engine, create or inherit the socket, start the workers.
 * Returns NULL after logging why. */
struct server *server_start(const struct server_opts *o);
/* Run until SIGTERM/SIGINT; returns the exit status. */
int	server_run(struct server *s);
void	server_free(struct server *s);

#endif
