#include "declog.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "reply.h"

/*
 * The descriptor number never changes while the log is on: a reopen
 * dup2()s the new file onto it, so a worker writing at that moment writes
 * to the old file or the new one, never to a closed or reused descriptor.
 */
static atomic_int	 log_fd = -1;
static atomic_bool	 log_text;
static char		*log_path;	/* NULL: stderr or off; main thread only */
static int		 own_fd = -1;	/* the descriptor we opened */

/*
 * Open the log file without ever blocking: the main thread opens it, and a
 * FIFO without a reader would stop it for good (signals, reloads, /healthz
 * and the watchdog with it). Only a regular file is taken; a FIFO, socket
 * or device is refused with a message saying so. -1 with why filled in.
 */
static int
open_file(const char *path, char *why, size_t whylen)
{
	struct stat st;
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC |
	    O_NONBLOCK | O_NOCTTY, 0640);

	if (fd == -1) {
		int err = errno;
		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
			snprintf(why, whylen, "decision_log: %s is not a regular "
			    "file; give a file path or \"stderr\"", path);
		else
			snprintf(why, whylen, "decision_log: cannot open %s: %s",
			    path, strerror(err));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		snprintf(why, whylen, "decision_log: %s is not a regular file; "
		    "give a file path or \"stderr\"", path);
		close(fd);
		return -1;
	}
	return fd;
}

int
declog_configure(const char *target, bool with_text, char *why, size_t whylen)
{
	atomic_store(&log_text, with_text);
	if (target == NULL || target[0] == '\0') {
		/* off; the descriptor stays open (on /dev/null) so that a
		 * writer racing with this never hits a reused number */
		if (own_fd != -1) {
			int nul = open("/dev/null", O_WRONLY | O_CLOEXEC);
			if (nul != -1) {
				dup2(nul, own_fd);
				close(nul);
			}
		}
		atomic_store(&log_fd, -1);
		free(log_path);
		log_path = NULL;
		return 0;
	}
	if (strcmp(target, "stderr") == 0) {
		atomic_store(&log_fd, STDERR_FILENO);
		free(log_path);
		log_path = NULL;
		return 0;
	}
	if (log_path != NULL && strcmp(log_path, target) == 0 &&
	    atomic_load(&log_fd) == own_fd)
		return 0;
	int fd = open_file(target, why, whylen);
	if (fd == -1)
		return -1;
	if (own_fd == -1) {
		own_fd = fd;
	} else {
		dup2(fd, own_fd);
		close(fd);
	}
	char *dup = strdup(target);
	free(log_path);
	log_path = dup;
	atomic_store(&log_fd, own_fd);
	return 0;
}

void
declog_reopen(void)
{
	char why[PATH_MAX + 128];

	if (log_path == NULL || atomic_load(&log_fd) != own_fd)
		return;
	int fd = open_file(log_path, why, sizeof(why));
	if (fd == -1) {
		log_error("%s; the decision log stays on the file it had", why);
		return;
	}
	dup2(fd, own_fd);
	close(fd);
	log_info("decision log reopened: %s", log_path);
}

bool
declog_enabled(void)
{
	return atomic_load_explicit(&log_fd, memory_order_relaxed) != -1;
}

void
declog_decision(const struct engine *e, const struct policy *p,
    const struct check_scratch *cs, json_t *id, const char *text, size_t len,
    bool dry_run, uint64_t latency_ns, const char *via)
{
	int fd = atomic_load_explicit(&log_fd, memory_order_relaxed);
	const struct verdict *v = &cs->v;
	struct timeval tv;
	struct tm tm;
	char ts[40];

	if (fd == -1)
		return;
	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	size_t n = strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(ts + n, sizeof(ts) - n, ".%03ldZ", (long)(tv.tv_usec / 1000));

	json_t *o = json_object(), *cats = reply_categories(e, v);
	json_t *rules = json_array();
	if (o == NULL || cats == NULL || rules == NULL) {
		json_decref(o);
		json_decref(cats);
		json_decref(rules);
		return;
	}
	json_object_set_new(o, "time", json_string(ts));
	json_object_set(o, "id", id != NULL ? id : json_null());
	json_object_set_new(o, "decision", json_string(decision_name(v->decision)));
	json_object_set_new(o, "categories", cats);
	for (size_t i = 0; i < v->nreasons; i++) {
		const char *rid = rules_id(e->rb, cs->ms.hits[v->reasons[i]].rule);
		bool dup = false;
		for (size_t k = 0; k < json_array_size(rules) && !dup; k++)
			dup = strcmp(json_string_value(json_array_get(rules, k)),
			    rid) == 0;
		if (!dup)
			json_array_append_new(rules, json_string(rid));
	}
	json_object_set_new(o, "rules", rules);
	if (v->nshadow > 0) {
		json_t *sh = json_array();
		for (size_t i = 0; sh != NULL && i < v->nshadow; i++)
			json_array_append_new(sh, json_string(
			    rules_id(e->rb, cs->ms.hits[v->shadow[i]].rule)));
		json_object_set_new(o, "shadow", sh);
	}
	json_object_set_new(o, "policy", json_string(p->name));
	json_object_set_new(o, "latency_us",
	    json_integer((json_int_t)((latency_ns + 500) / 1000)));
	json_object_set_new(o, "rules_version", json_string(e->version));
	if (dry_run)
		json_object_set_new(o, "dry_run", json_true());
	if (via != NULL)
		json_object_set_new(o, "via", json_string(via));
	if (atomic_load_explicit(&log_text, memory_order_relaxed)) {
		json_t *t = json_stringn(text, len);
		json_object_set_new(o, "text", t != NULL ? t : json_null());
	}

	size_t need = json_dumpb(o, NULL, 0, JSON_COMPACT);
	char *buf = need > 0 ? malloc(need + 1) : NULL;
	if (buf != NULL && json_dumpb(o, buf, need, JSON_COMPACT) == need) {
		buf[need] = '\n';
		/* one write: lines of different threads never interleave */
		(void)!write(fd, buf, need + 1);
	}
	free(buf);
	json_decref(o);
}

void
declog_close(void)
{
	atomic_store(&log_fd, -1);
	if (own_fd != -1)
		close(own_fd);
	own_fd = -1;
	free(log_path);
	log_path = NULL;
}
