/* cmd_replay: `decorumctl replay` — score decorumd against a labeled
 * corpus; the figures themselves come from replay.c. */
#ifndef DECORUM_CMD_REPLAY_H
#define DECORUM_CMD_REPLAY_H

#include <stdio.h>

void	cmd_replay_usage(FILE *out);
/* argv[0] is "replay"; returns an exit status (ctl_util.h). */
int	cmd_replay(const char *socket_path, int argc, char **argv);

#endif
