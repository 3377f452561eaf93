/* vscache: Vectorscan databases kept on disk between runs.
 *
 * Compiling the shipped regexes for Vectorscan takes about a minute;
 * loading a serialised database takes milliseconds. So each compiled
 * database is written to a cache directory, one file per pattern, and a
 * start or reload looks there first. A cache file is never trusted: it
 * names the library version, the flags and the whole expression it was
 * compiled from, carries a hash of its payload, and is used only when
 * all of them are exactly what is asked for and Vectorscan accepts the
 * payload. Anything else (a truncated, corrupt or foreign file, another
 * library version) is ignored, and the caller compiles and stores anew.
 *
 * Only built with Vectorscan (DECORUM_VECTORSCAN). */
#ifndef DECORUM_VSCACHE_H
#define DECORUM_VSCACHE_H

#ifdef DECORUM_VECTORSCAN

#include <hs.h>
#include <stddef.h>

/* Cache files are this size at most: the largest shipped database is
 * about 3 MiB. */
#define VSCACHE_MAX_BYTES	(64u << 20)

/* A cache file's bytes for db, compiled from expr with flags: a header,
 * then hs_serialize_database's output. malloc'd, its length in *len;
 * NULL when memory runs out or the library cannot serialise. */
char	*vscache_encode(const char *expr, unsigned flags,
	    const hs_database_t *db, size_t *len);
/* The database in buf[0, len), when it was encoded from exactly expr
 * and flags by this library version and is intact; NULL otherwise, with
 * *why saying which check failed (a static string). */
hs_database_t *vscache_decode(const char *buf, size_t len, const char *expr,
	    unsigned flags, const char **why);

/* The cache file of (expr, flags) under dir: dir/<16 hex digits>.hsdb,
 * the digits a hash of the library version, flags and expr. -1 when it
 * does not fit in size bytes. */
int	vscache_path(char *out, size_t size, const char *dir, const char *expr,
	    unsigned flags);
/* The cached database of (expr, flags) in dir, or NULL: *why is
 * "absent" when there is no such file, else why it was not used. */
hs_database_t *vscache_load(const char *dir, const char *expr, unsigned flags,
	    const char **why);
/* Write db's cache file in dir: a temporary file renamed into place, so
 * a reader sees a whole file or none. -1 on failure, errno set. */
int	vscache_store(const char *dir, const char *expr, unsigned flags,
	    const hs_database_t *db);

#endif
#endif
