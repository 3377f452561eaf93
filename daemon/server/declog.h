/* declog: the optional decision log, one JSON line per decided comment
 * (time, id, decision, categories, rule ids, latency, rules version; the
 * text only when decision_log_text is set), to stderr or a file that is
 * reopened on SIGUSR1 so logrotate can move it away. Worker threads write
 * it; each line is one write(2) on an O_APPEND descriptor. */
#ifndef DECORUM_DECLOG_H
#define DECORUM_DECLOG_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine.h"

/* target: "" (off), "stderr", or a regular file's path. Called at start
 * and on every reload (main thread); never blocks (a FIFO or device is
 * refused). Returns -1 with the reason in why when the file cannot be
 * opened; the log then stays as it was. */
int	declog_configure(const char *target, bool with_text, char *why,
	    size_t whylen);
/* SIGUSR1: open the file again under its name. */
void	declog_reopen(void);
bool	declog_enabled(void);
void	declog_decision(const struct engine *e, const struct policy *p,
	    const struct check_scratch *cs, json_t *id, const char *text,
	    size_t len, bool dry_run, uint64_t latency_ns, const char *via);
void	declog_close(void);

#endif
