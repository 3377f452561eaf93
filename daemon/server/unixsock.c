/* unixsock: the listening Unix socket, created with the configured mode
 * and group, never stealing one a live daemon listens on. */
#include <errno.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "log.h"
#include "server_impl.h"

/* Create the listening socket, refusing to steal a live one. */
int
socket_create(struct server *s, const char *path, unsigned mode,
    const char *group)
{
	struct sockaddr_un	 sun;
	int			 fd;
	mode_t			 old;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path)) {
		log_error("socket path too long (%zu bytes, at most %zu): %s",
		    strlen(path), sizeof(sun.sun_path) - 1, path);
		return -1;
	}
	strcpy(sun.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1) {
		log_error("socket: %s", strerror(errno));
		return -1;
	}
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
		log_error("%s: another decorumd is already listening there", path);
		close(fd);
		return -1;
	}
	if (errno == ECONNREFUSED) {
		/* a stale socket from a run that did not clean up */
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode))
			unlink(path);
	}
	close(fd);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
	    0)) == -1) {
		log_error("socket: %s", strerror(errno));
		return -1;
	}
	/* the socket must never exist with looser permissions than asked */
	old = umask(0777 & ~(mode_t)mode);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1) {
		umask(old);
		log_error("bind %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	umask(old);
	if (chmod(path, (mode_t)mode) == -1) {
		log_error("chmod %s: %s", path, strerror(errno));
		goto fail;
	}
	if (group != NULL && group[0] != '\0') {
		struct group *gr = getgrnam(group);
		if (gr == NULL) {
			log_error("socket_group: no group named '%s'", group);
			goto fail;
		}
		if (chown(path, (uid_t)-1, gr->gr_gid) == -1) {
			log_error("chown %s to group %s: %s", path, group,
			    strerror(errno));
			goto fail;
		}
	}
	if (listen(fd, 1024) == -1) {
		log_error("listen %s: %s", path, strerror(errno));
		goto fail;
	}
	if ((s->path = strdup(path)) == NULL)
		goto fail;
	return fd;
fail:
	unlink(path);
	close(fd);
	return -1;
}
