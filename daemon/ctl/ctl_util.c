/* ctl_util: helpers shared by decorumctl's commands (see ctl_util.h). */
#include "ctl_util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <time.h>

#include <jansson.h>

void
ctl_warn(const char *fmt, ...)
{
	va_list	ap;

	fputs("decorumctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

double
ctl_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
ctl_parse_double(const char *opt, const char *s, double lo, double hi,
    double *out)
{
	char	*end;
	double	 v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end != '\0' || !(v >= lo && v <= hi)) {
		ctl_warn("%s wants a number from %g to %g, not '%s'", opt, lo, hi,
		    s);
		return -1;
	}
	*out = v;
	return 0;
}

int
ctl_parse_long(const char *opt, const char *s, long lo, long hi, long *out)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < lo || v > hi) {
		ctl_warn("%s wants a whole number from %ld to %ld, not '%s'", opt,
		    lo, hi, s);
		return -1;
	}
	*out = v;
	return 0;
}

void
ctl_print_quoted(FILE *out, const char *s)
{
	json_t	*j = json_string(s);
	char	*q = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;

	if (q != NULL)
		fputs(q, out);
	else
		fprintf(out, "\"%s\"", s);
	free(q);
	json_decref(j);
}

struct client *
ctl_connect(const char *socket_path)
{
	char		 err[1024];
	struct client	*c = client_connect(socket_path, err, sizeof(err));

	if (c == NULL)
		ctl_warn("%s", err);
	return c;
}
