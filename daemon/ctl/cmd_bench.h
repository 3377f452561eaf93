/* cmd_bench: `decorumctl bench` — load decorumd over its socket, or
 * (--engine) measure the engine in-process. */
#ifndef DECORUM_CMD_BENCH_H
#define DECORUM_CMD_BENCH_H

#include <stdio.h>

void	cmd_bench_usage(FILE *out);
/* argv[0] is "bench"; returns an exit status (ctl_util.h). */
int	cmd_bench(const char *socket_path, int argc, char **argv);

#endif
