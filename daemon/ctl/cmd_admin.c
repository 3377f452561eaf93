/* cmd_admin: `decorumctl reload` and `decorumctl policies` — the
 * control requests ({"op":"stats"}, {"op":"policies"}) on the daemon's
 * socket, and SIGHUP to the process that answers on it. Called by
 * main_decorumctl.c. */
#include "cmd_admin.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "client.h"
#include "ctl_util.h"

void
cmd_reload_usage(FILE *out)
{
	fputs(
"usage: decorumctl [-s SOCKET] reload [--timeout SECONDS] [--status]\n"
"\n"
"Send SIGHUP to decorumd (its pid from the socket's peer credentials), wait\n"
"for the reload and print its errors as file:line: message.\n"
"\n"
"  -t, --timeout SECONDS  how long to wait for the reload (default 30)\n"
"  -S, --status           only print the outcome of the last reload (after\n"
"                         'systemctl reload decorumd')\n"
"  -s, --socket SOCKET    decorumd's socket (as before the command)\n"
"  -h, --help             this help\n"
"\n"
"exit status: 0 reloaded, 1 the reload failed and the previous rules keep\n"
"serving, 2 usage or connection errors, or no reload within the timeout\n",
	    out);
}

void
cmd_policies_usage(FILE *out)
{
	fputs(
"usage: decorumctl [-s SOCKET] policies [--json]\n"
"\n"
"List the running daemon's policies: which is the default, what each\n"
"extends, its rule sets and its thresholds.\n"
"\n"
"  -j, --json            print decorumd's raw answer\n"
"  -s, --socket SOCKET   decorumd's socket (as before the command)\n"
"  -h, --help            this help\n",
	    out);
}

/* One control request and its answer. */
struct ask_ctx {
	const char	*line;
	bool		 sent;
	json_t		*answer;
};

static int
ask_next(void *arg, struct client *c)
{
	struct ask_ctx *a = arg;

	if (a->sent)
		return 0;
	a->sent = true;
	return client_queue(c, a->line, strlen(a->line)) == -1 ? -1 : 1;
}

static int
ask_answer(void *arg, const char *line, size_t len)
{
	struct ask_ctx *a = arg;

	json_decref(a->answer);
	a->answer = json_loadb(line, len, 0, NULL);
	return 0;
}

/* Send line on c and return the answer object, NULL (with a message) on
 * failure or an error answer. */
static json_t *
ask(struct client *c, const char *line)
{
	struct ask_ctx a = { .line = line };

	if (client_run(c, 1, 0, ask_next, ask_answer, &a) != 0) {
		ctl_warn("%s", client_error(c));
		json_decref(a.answer);
		return NULL;
	}
	if (!json_is_object(a.answer)) {
		ctl_warn("decorumd's answer is not a JSON object");
		json_decref(a.answer);
		return NULL;
	}
	json_t *err = json_object_get(a.answer, "error");
	if (err != NULL) {
		ctl_warn("decorumd: %s", json_string_value(json_object_get(err,
		    "message")) ? json_string_value(json_object_get(err,
		    "message")) : "error");
		json_decref(a.answer);
		return NULL;
	}
	return a.answer;
}

static json_int_t
reload_field(const json_t *stats, const char *name)
{
	return json_integer_value(json_object_get(json_object_get(stats,
	    "reload"), name));
}

static json_int_t
reload_count(const json_t *stats)
{
	return reload_field(stats, "count");
}

/* Print the last reload's outcome from a stats answer; 0 when it
 * succeeded (or there was none), 1 when it failed. */
static int
print_reload(const json_t *st, bool quiet_ok)
{
	const json_t	*rl = json_object_get(st, "reload");
	const char	*version = json_string_value(json_object_get(st,
			    "rules_version"));
	const json_t	*line;
	size_t		 i;

	if (reload_count(st) == 0) {
		printf("no reload since start; rules version %s\n",
		    version ? version : "?");
		return 0;
	}
	json_array_foreach(json_object_get(rl, "errors"), i, line)
		printf("%s\n", json_string_value(line));
	json_array_foreach(json_object_get(rl, "warnings"), i, line)
		printf("%s\n", json_string_value(line));
	if (json_is_true(json_object_get(rl, "ok"))) {
		if (!quiet_ok)
			printf("reloaded: rules version %s\n", version ? version : "?");
		return 0;
	}
	printf("reload failed with %zu error%s; rules version %s keeps serving\n",
	    json_array_size(json_object_get(rl, "errors")),
	    json_array_size(json_object_get(rl, "errors")) == 1 ? "" : "s",
	    version ? version : "?");
	return 1;
}

/*
 * decorumctl reload: SIGHUP to the daemon, then wait for the outcome.
 * The pid is the peer's credentials on the socket (SO_PEERCRED). Under
 * systemd socket activation those name the process that created the
 * listening socket — systemd itself — so when they disagree with the pid
 * the daemon reports in its stats, nothing is signalled: use
 * `systemctl reload decorumd` and `decorumctl reload --status`.
 */
int
cmd_reload(const char *socket_path, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "status",	no_argument,		NULL, 'S' },
		{ "timeout",	required_argument,	NULL, 't' },
		{ "socket",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char stats_req[] = "{\"op\":\"stats\"}";
	struct client	*c;
	json_t		*st;
	double		 timeout = 30, deadline;
	bool		 status_only = false;
	int		 opt, rc = CTL_EXIT_USAGE;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "St:s:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'S': status_only = true; break;
		case 't':
			if (ctl_parse_double("--timeout", optarg, 0.1, 3600,
			    &timeout) == -1)
				return CTL_EXIT_USAGE;
			break;
		case 's': socket_path = optarg; break;
		case 'h': cmd_reload_usage(stdout); return CTL_EXIT_OK;
		default: cmd_reload_usage(stderr); return CTL_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cmd_reload_usage(stderr);
		return CTL_EXIT_USAGE;
	}
	if ((c = ctl_connect(socket_path)) == NULL)
		return CTL_EXIT_USAGE;
	if ((st = ask(c, stats_req)) == NULL)
		goto out;
	if (status_only) {
		rc = print_reload(st, false);
		goto out;
	}
	pid_t pid = client_peer_pid(c);
	json_int_t said = json_integer_value(json_object_get(st, "pid"));
	if (pid <= 1 || (said > 0 && (json_int_t)pid != said)) {
		ctl_warn("the socket's peer credentials name pid %ld, not "
		    "decorumd (%lld): is the socket passed by systemd? Use "
		    "'systemctl reload decorumd', then 'decorumctl reload "
		    "--status'", (long)pid, (long long)said);
		goto out;
	}
	/* SIGHUPs that come while a reload compiles are merged into one
	 * more reload: ours is answered once the daemon says a finished
	 * reload began after it (reload.covered), not when any reload ends */
	json_int_t ours = reload_field(st, "requests") + 1;
	const char *v0 = json_string_value(json_object_get(st, "rules_version"));
	char old_version[64];
	snprintf(old_version, sizeof(old_version), "%s", v0 ? v0 : "");
	if (kill(pid, SIGHUP) == -1) {
		ctl_warn("cannot signal decorumd (pid %ld): %s", (long)pid,
		    strerror(errno));
		goto out;
	}
	/* wait until the daemon has tried (a failed reload leaves
	 * rules_version as it was) */
	deadline = ctl_now() + timeout;
	for (;;) {
		json_decref(st);
		if ((st = ask(c, stats_req)) == NULL)
			goto out;
		if (reload_field(st, "covered") >= ours)
			break;
		if (ctl_now() > deadline) {
			ctl_warn("no reload within %gs (rules version %s)", timeout,
			    old_version);
			goto out;
		}
		usleep(20000);
	}
	rc = print_reload(st, true);
	if (rc == 0)
		printf("reloaded: rules version %s (was %s)\n",
		    json_string_value(json_object_get(st, "rules_version")),
		    old_version);
out:
	json_decref(st);
	client_close(c);
	return rc;
}

static void
print_thresholds(const char *what, const json_t *t)
{
	const char	*cat;
	const json_t	*v;

	printf("  %-10s", what);
	if (json_object_size(t) == 0)
		printf(" never");
	json_object_foreach((json_t *)t, cat, v)
		printf(" %s=%g", cat, json_number_value(v));
	printf("\n");
}

/* decorumctl policies: the policies of the running daemon. */
int
cmd_policies(const char *socket_path, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,		NULL, 'j' },
		{ "socket",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct client	*c;
	json_t		*a, *p;
	bool		 as_json = false;
	size_t		 i, k;
	int		 opt;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "js:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'j': as_json = true; break;
		case 's': socket_path = optarg; break;
		case 'h': cmd_policies_usage(stdout); return CTL_EXIT_OK;
		default: cmd_policies_usage(stderr); return CTL_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cmd_policies_usage(stderr);
		return CTL_EXIT_USAGE;
	}
	if ((c = ctl_connect(socket_path)) == NULL)
		return CTL_EXIT_USAGE;
	a = ask(c, "{\"op\":\"policies\"}");
	client_close(c);
	if (a == NULL)
		return CTL_EXIT_USAGE;
	if (as_json) {
		char *d = json_dumps(a, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		if (d != NULL)
			printf("%s\n", d);
		free(d);
		json_decref(a);
		return 0;
	}
	printf("rules version %s\n",
	    json_string_value(json_object_get(a, "rules_version")));
	json_array_foreach(json_object_get(a, "policies"), i, p) {
		const json_t *set;
		printf("\n%s%s", json_string_value(json_object_get(p, "name")),
		    json_is_true(json_object_get(p, "default")) ? " (default)" : "");
		if (json_string_value(json_object_get(p, "extend")) != NULL)
			printf(", extends %s",
			    json_string_value(json_object_get(p, "extend")));
		printf("\n  %-10s", "rulesets");
		json_array_foreach(json_object_get(p, "rulesets"), k, set)
			printf(" %s", json_string_value(set));
		printf("\n");
		print_thresholds("reject_at", json_object_get(p, "reject_at"));
		print_thresholds("review_at", json_object_get(p, "review_at"));
	}
	json_decref(a);
	return fflush(stdout) == 0 ? 0 : CTL_EXIT_USAGE;
}

