/* decorumd: the comment moderation filter daemon. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "diag.h"
#include "engine.h"
#include "lint.h"
#include "log.h"
#include "server.h"

static void
usage(FILE *out)
{
	fprintf(out,
	    "usage: decorumd [-c FILE] [-l SOCKET] [-R RULES_DIR] [-t] [-v] [-h]\n"
	    "  -c FILE       configuration file (default %s;\n"
	    "                built-in defaults when it does not exist)\n"
	    "  -l SOCKET     listen on this Unix socket path instead of the configured one\n"
	    "  -R RULES_DIR  load rule files from this directory\n"
	    "  -t            check the configuration and rules, print problems, exit\n"
	    "  -v            debug logging (includes comment text)\n"
	    "  -h            this help, and every configuration setting\n",
	    CONFIG_DEFAULT_FILE);
}

int
main(int argc, char **argv)
{
	struct server_opts	 o;
	bool			 check = false;
	int			 ch;

	memset(&o, 0, sizeof(o));
	o.engine.config_path = CONFIG_DEFAULT_FILE;
	o.engine.config_missing_ok = true;
	if (argc == 2 && strcmp(argv[1], "--dump-settings-man") == 0) {
		/* hidden: the settings table as roff, for decorumd.conf(5) */
		config_describe_man(stdout);
		return 0;
	}
	while ((ch = getopt(argc, argv, "c:l:R:tvh")) != -1) {
		switch (ch) {
		case 'c':
			o.engine.config_path = optarg;
			o.engine.config_missing_ok = false;
			break;
		case 'l':
			o.listen = optarg;
			break;
		case 'R':
			o.engine.rules_dir = optarg;
			break;
		case 't':
			check = true;
			break;
		case 'v':
			log_set_level(LOG_LEVEL_DEBUG);
			break;
		case 'h':
			usage(stdout);
			printf("\nconfiguration settings (decorumd.conf) and defaults:\n");
			config_describe(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	if (check)
		return lint_run(&o.engine, stdout) == 0 ? 0 : 1;

	struct server *s = server_start(&o);
	if (s == NULL)
		return 1;
	int rc = server_run(s);
	server_free(s);
	return rc;
}
