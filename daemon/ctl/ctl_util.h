/* ctl_util: what every decorumctl command shares — its exit statuses,
 * warnings on stderr, option values parsed with their bounds checked,
 * JSON-quoted printing and connecting with a message for the user. No
 * command logic lives here. */
#ifndef DECORUM_CTL_UTIL_H
#define DECORUM_CTL_UTIL_H

#include <stdio.h>

#include "client.h"

/* decorumctl's exit statuses, the same for every command. */
#define CTL_EXIT_OK		0
/* A replay threshold was missed, a reload failed, or check got an error
 * answer for at least one text: the daemon answered, the answer is bad. */
#define CTL_EXIT_FAIL		1
/* Usage, input or connection errors: nothing could be asked. */
#define CTL_EXIT_USAGE		2

void	ctl_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Monotonic clock in seconds. */
double	ctl_now(void);

/* Option values: on a value out of [lo, hi] or not a number, warn naming
 * opt and return -1; otherwise store it in *out and return 0. */
int	ctl_parse_double(const char *opt, const char *s, double lo, double hi,
	    double *out);
int	ctl_parse_long(const char *opt, const char *s, long lo, long hi,
	    long *out);

/* s as a JSON string literal (quotes, escapes) on out. */
void	ctl_print_quoted(FILE *out, const char *s);

/* Connects to decorumd's socket; NULL after telling the user why. */
struct client	*ctl_connect(const char *socket_path);

#endif
