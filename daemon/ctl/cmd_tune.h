/* cmd_tune: `decorumctl tune`, proposed rule weights and thresholds from
 * a labelled corpus (tune.h does the fitting). */
#ifndef DECORUM_CMD_TUNE_H
#define DECORUM_CMD_TUNE_H

#include <stdio.h>

void	cmd_tune_usage(FILE *out);
/* argv[0] is the command's name; returns an exit status (ctl_util.h). */
int	cmd_tune(const char *socket_path, int argc, char **argv);

#endif
