/* cmd_admin: `decorumctl reload` (SIGHUP and wait for the outcome) and
 * `decorumctl policies` (the running daemon's policies). */
#ifndef DECORUM_CMD_ADMIN_H
#define DECORUM_CMD_ADMIN_H

#include <stdio.h>

void	cmd_reload_usage(FILE *out);
void	cmd_policies_usage(FILE *out);
/* argv[0] is the command's name; each returns an exit status
 * (ctl_util.h). */
int	cmd_reload(const char *socket_path, int argc, char **argv);
int	cmd_policies(const char *socket_path, int argc, char **argv);

#endif
