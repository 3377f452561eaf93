#include "log.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static _Atomic int log_current = LOG_LEVEL_INFO;
static int log_journal = -1;	/* -1: not yet known */

static const char *const log_names[] = { "error", "warn", "info", "debug" };
/* syslog priorities understood by journald on stderr (sd-daemon(3)) */
static const int log_prio[] = { 3, 4, 6, 7 };

void
log_set_level(enum log_level level)
{
	atomic_store(&log_current, (int)level);
}

bool
log_enabled(enum log_level level)
{
	return (int)level <= atomic_load(&log_current);
}

int
log_level_parse(const char *name, enum log_level *out)
{
	for (size_t i = 0; i < sizeof(log_names) / sizeof(log_names[0]); i++) {
		if (strcmp(name, log_names[i]) == 0) {
			*out = (enum log_level)i;
			return 0;
		}
	}
	return -1;
}

void
log_msg(enum log_level level, const char *fmt, ...)
{
	char		 line[2048];
	va_list		 ap;

	if (!log_enabled(level))
		return;
	if (log_journal < 0)
		log_journal = getenv("JOURNAL_STREAM") != NULL;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);

	if (log_journal) {
		fprintf(stderr, "<%d>%s\n", log_prio[level], line);
	} else {
		char		 stamp[32];
		struct tm	 tm;
		time_t		 now = time(NULL);

		strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S",
		    gmtime_r(&now, &tm));
		fprintf(stderr, "%sZ decorumd[%s]: %s\n", stamp,
		    log_names[level], line);
	}
}
