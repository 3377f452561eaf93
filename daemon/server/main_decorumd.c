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
	    "usage: decorumd [-c FILE] [-l SOCKET] [-R RULES_DIR] [-t] [-v]\n"
	    "       decorumd -h | -V\n"
	    "  -c, --config FILE     configuration file (default\n"
	    "                        %s;\n"
	    "                        built-in defaults when it does not exist)\n"
	    "  -l, --listen SOCKET   listen on this Unix socket path instead of the\n"
	    "                        configured one\n"
	    "  -R, --rules RULES_DIR load rule files from this directory\n"
	    "  -t, --test            check the configuration and rules, print\n"
	    "                        problems, exit (1 on any error)\n"
	    "  -v, --verbose         debug logging (includes comment text)\n"
	    "  -h, --help            this help, and every configuration setting\n"
	    "  -V, --version         print the version and exit\n",
	    CONFIG_DEFAULT_FILE);
}

int
main(int argc, char **argv)
{
	enum { OPT_DUMP_SETTINGS_MAN = 256 };
	static const struct option longopts[] = {
		{ "config",	required_argument,	NULL, 'c' },
		{ "listen",	required_argument,	NULL, 'l' },
		{ "rules",	required_argument,	NULL, 'R' },
		{ "test",	no_argument,		NULL, 't' },
		{ "verbose",	no_argument,		NULL, 'v' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		/* hidden: the settings table as roff, for decorumd.conf(5) */
		{ "dump-settings-man", no_argument,	NULL, OPT_DUMP_SETTINGS_MAN },
		{ NULL, 0, NULL, 0 },
	};
	struct server_opts	 o;
	bool			 check = false;
	int			 ch;

	memset(&o, 0, sizeof(o));
	o.engine.config_path = CONFIG_DEFAULT_FILE;
	o.engine.config_missing_ok = true;
	while ((ch = getopt_long(argc, argv, "c:l:R:tvhV", longopts,
	    NULL)) != -1) {
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
		case 'V':
			printf("decorumd %s\n", DECORUM_VERSION);
			return 0;
		case OPT_DUMP_SETTINGS_MAN:
			config_describe_man(stdout);
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
