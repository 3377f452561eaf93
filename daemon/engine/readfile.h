/* readfile: reading a configuration, rule or word list file whole.
 * The file is opened without blocking and must be a regular file: a FIFO
 * would hang the loader (and the daemon with it on a reload), a device
 * could be read forever. Files larger than a cap are refused, so a
 * mistaken path cannot take the daemon's memory. */
#ifndef DECORUM_READFILE_H
#define DECORUM_READFILE_H

#include <stddef.h>

/* Rule files and word lists are this size at most (16 MiB): the shipped
 * lists are a few KiB, the largest site list imaginable far below. */
#define READFILE_MAX_RULES	(16u << 20)

/* Read path (at most max bytes) into a malloc'd buffer, NUL-terminated,
 * its length in *len. NULL when it cannot: *why then says why, as a
 * message for "file: <why>" (errno's text, "not a regular file (a
 * directory)", "larger than 16 MiB", ...) and errno is kept (ENOENT for a
 * missing file; 0 for what the file is, not the system, wrong). */
char	*readfile(const char *path, size_t max, size_t *len, const char **why);

/* Messages quote at most this much of what a file holds: warnings reach
 * any client through stats, and a mistaken file may hold secrets. */
#define READFILE_QUOTE		64

/* At most the first max bytes of s, cut at a character's start, for
 * quoting what a file holds in a message: *n is how many to print and
 * the result "…" when s was cut, "" otherwise. */
const char *readfile_quote(const char *s, size_t max, int *n);

#endif
