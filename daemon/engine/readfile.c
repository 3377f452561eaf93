/* readfile: whole regular files, opened without blocking, up to a size
 * (readfile.h). Used by config.c for the configuration file and by the
 * rule loader for rule files and word lists. */
#include "readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *
kind_of(mode_t m)
{
	if (S_ISDIR(m))
		return "not a regular file (a directory)";
	if (S_ISFIFO(m))
		return "not a regular file (a FIFO)";
	if (S_ISCHR(m))
		return "not a regular file (a character device)";
	if (S_ISBLK(m))
		return "not a regular file (a block device)";
	if (S_ISSOCK(m))
		return "not a regular file (a socket)";
	return "not a regular file";
}

char *
readfile(const char *path, size_t max, size_t *len, const char **why)
{
	struct stat	 st;
	char		*buf = NULL;
	size_t		 have = 0;
	int		 fd, saved;

	*len = 0;
	/* O_NONBLOCK: opening a FIFO for reading must not wait for a
	 * writer; fstat then tells what it is before anything is read */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)) == -1) {
		*why = strerror(errno);
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		*why = strerror(errno);
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = kind_of(st.st_mode);
		errno = 0;
		goto fail;
	}
	if ((unsigned long long)st.st_size > max) {
		*why = max == READFILE_MAX_RULES ? "larger than 16 MiB" :
		    "larger than the size allowed";
		errno = 0;
		goto fail;
	}
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL) {
		*why = "out of memory";
		goto fail;
	}
	/* read to the end: the file may have grown since fstat, up to max */
	for (;;) {
		if (have == (size_t)st.st_size) {
			char probe;
			ssize_t n = read(fd, &probe, 1);
			if (n == 0)
				break;
			if (n == -1 && errno == EINTR)
				continue;
			if (n == -1) {
				*why = strerror(errno);
				goto fail;
			}
			*why = "changed while it was read";
			errno = 0;
			goto fail;
		}
		ssize_t n = read(fd, buf + have, (size_t)st.st_size - have);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*why = strerror(errno);
			goto fail;
		}
		if (n == 0)
			break;		/* shrank: what is there is the file */
		have += (size_t)n;
	}
	close(fd);
	buf[have] = '\0';
	*len = have;
	return buf;
fail:
	saved = errno;
	free(buf);
	close(fd);
	errno = saved;
	return NULL;
}

const char *
readfile_quote(const char *s, size_t max, int *n)
{
	size_t len = strlen(s);

	if (len <= max) {
		*n = (int)len;
		return "";
	}
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	*n = (int)max;
	return "…";
}
