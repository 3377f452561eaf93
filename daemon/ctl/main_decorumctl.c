/* decorumctl: the command-line client of decorumd. This file only reads
 * the options that come before the command (the socket, --help,
 * --version) and hands the rest to the command's module: check
 * (cmd_check.c), replay (cmd_replay.c), bench (cmd_bench.c), learn
 * (cmd_learn.c), tune (cmd_tune.c), reload and policies (cmd_admin.c).
 * Exit statuses are in ctl_util.h. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "cmd_admin.h"
#include "cmd_bench.h"
#include "cmd_check.h"
#include "cmd_learn.h"
#include "cmd_replay.h"
#include "cmd_tune.h"
#include "ctl_util.h"

struct command {
	const char	*name;
	int		(*run)(const char *socket_path, int argc, char **argv);
	void		(*usage)(FILE *out);
	const char	*summary;
};

static const struct command commands[] = {
	{ "check", cmd_check, cmd_check_usage,
	  "print the decision for each text or line of standard input" },
	{ "replay", cmd_replay, cmd_replay_usage,
	  "score a labeled corpus: precision, recall, F1, --diff, CI gates" },
	{ "bench", cmd_bench, cmd_bench_usage,
	  "load generator (over the socket, or --engine in-process)" },
	{ "learn", cmd_learn, cmd_learn_usage,
	  "train a model from labelled comments (a rule of kind model)" },
	{ "tune", cmd_tune, cmd_tune_usage,
	  "propose rule weights and thresholds from a labelled corpus" },
	{ "reload", cmd_reload, cmd_reload_usage,
	  "reload the rules and print the outcome" },
	{ "policies", cmd_policies, cmd_policies_usage,
	  "list the running daemon's policies" },
};

#define N_COMMANDS	(sizeof(commands) / sizeof(commands[0]))

static void
usage(FILE *out)
{
	size_t	i;

	fprintf(out,
"usage: decorumctl [-s SOCKET] COMMAND [OPTIONS] [ARGS]\n"
"       decorumctl COMMAND --help\n"
"\n"
"  -s, --socket SOCKET   decorumd's socket (default $DECORUMD_SOCKET, else\n"
"                        " CLIENT_DEFAULT_SOCKET ")\n"
"  -h, --help            this help\n"
"  -V, --version         print the version\n"
"\n"
"commands:\n");
	for (i = 0; i < N_COMMANDS; i++)
		fprintf(out, "  %-10s%s\n", commands[i].name, commands[i].summary);
	fprintf(out,
"\n"
"exit status: 0 ok; 1 check got an error answer, a replay threshold was\n"
"missed or a reload failed; 2 usage, input or connection errors\n");
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "socket",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char	*socket_path = getenv("DECORUMD_SOCKET");
	const char	*name;
	size_t		 i;
	int		 opt;

	if (socket_path == NULL || *socket_path == '\0')
		socket_path = CLIENT_DEFAULT_SOCKET;
	/* '+': options after the command belong to the command. */
	while ((opt = getopt_long(argc, argv, "+s:hV", longopts, NULL)) != -1) {
		switch (opt) {
		case 's': socket_path = optarg; break;
		case 'h': usage(stdout); return CTL_EXIT_OK;
		case 'V': printf("decorumctl %s\n", DECORUM_VERSION);
			return CTL_EXIT_OK;
		default: usage(stderr); return CTL_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return CTL_EXIT_USAGE;
	}
	name = argv[optind];
	argc -= optind;
	argv += optind;
	for (i = 0; i < N_COMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0)
			return commands[i].run(socket_path, argc, argv);
	if (strcmp(name, "help") == 0) {
		/* decorumctl help [COMMAND] */
		if (argc < 2) {
			usage(stdout);
			return CTL_EXIT_OK;
		}
		for (i = 0; i < N_COMMANDS; i++)
			if (strcmp(argv[1], commands[i].name) == 0) {
				commands[i].usage(stdout);
				return CTL_EXIT_OK;
			}
		name = argv[1];
	}
	ctl_warn("unknown command '%s'", name);
	usage(stderr);
	return CTL_EXIT_USAGE;
}
