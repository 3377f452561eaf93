/* cmd_check: `decorumctl check` — ask decorumd about each text given on
 * the command line or read from standard input, one per line, and print
 * each decision with the rules behind it. */
#ifndef DECORUM_CMD_CHECK_H
#define DECORUM_CMD_CHECK_H

#include <stdio.h>

void	cmd_check_usage(FILE *out);
/* argv[0] is "check"; returns an exit status (ctl_util.h). */
int	cmd_check(const char *socket_path, int argc, char **argv);

#endif
