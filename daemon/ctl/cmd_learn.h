/* cmd_learn: `decorumctl learn`, a model from the site's own moderation
 * history (learn.h does the work). */
#ifndef DECORUM_CMD_LEARN_H
#define DECORUM_CMD_LEARN_H

#include <stdio.h>

void	cmd_learn_usage(FILE *out);
/* argv[0] is the command's name; returns an exit status (ctl_util.h). */
int	cmd_learn(const char *socket_path, int argc, char **argv);

#endif
