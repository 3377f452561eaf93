/* cmd_bench: `decorumctl bench` — the load generator over the socket:
 * prebuilt requests (jansson, once, before the clock starts) sent over
 * many pipelined connections, latencies in a histogram, decisions/s and
 * the daemon's peak memory. `bench --engine` goes to bench_engine.c.
 * Called by main_decorumctl.c. */
#include "cmd_bench.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "bench_engine.h"
#include "client.h"
#include "ctl_util.h"

void
cmd_bench_usage(FILE *out)
{
	fputs(
"usage: decorumctl [-s SOCKET] bench [-c CONNS] [-d DEPTH]\n"
"           [-n COUNT | -t SECONDS] [--policy NAME] FILE.jsonl...\n"
"       decorumctl bench --engine [-c CONFIG] [-R RULES_DIR] [-p PASSES]\n"
"           [--policy NAME] [--no-prefilter] [--check-prefilter]\n"
"           FILE.jsonl...\n"
"\n"
"Load generator: sends the corpus' texts over CONNS connections with DEPTH\n"
"requests in flight each, prints decisions/s, latency percentiles and the\n"
"daemon's peak memory. Without -n or -t, the corpus once.\n"
"\n"
"  -c, --connections N   connections (default 1)\n"
"  -d, --depth N         requests in flight on each connection (default 32)\n"
"  -n, --count N         send N requests in all\n"
"  -t, --time SECONDS    send for SECONDS\n"
"  -p, --policy NAME     use this configured policy instead of the default\n"
"  -s, --socket SOCKET   decorumd's socket (as before the command)\n"
"  -h, --help            this help\n"
"\n"
"--engine: in-process, one thread, no socket: comments/s and MB/s of the\n"
"whole pipeline and of building the views alone, the time of each stage,\n"
"what one comment costs (p50, p99, p99.9, the slowest) and the slowest\n"
"regexes.\n"
"  -c, --config FILE     configuration file (default: the built-in one)\n"
"  -R, --rules DIR       rules directory\n"
"  -p, --passes N        passes over the corpus (default 5)\n"
"      --policy NAME     use this configured policy instead of the default\n"
"      --no-prefilter    run every regex on every comment\n"
"      --check-prefilter compare every decision and its reasons (rules and\n"
"                        spans) with and without the prefilter\n",
	    out);
}

/* Latencies go into a log-linear histogram (64 steps per power of two,
 * under 2% error) so a long run needs no memory per request. */
#define HIST_SUB	64
#define HIST_BUCKETS	(HIST_SUB * 2 + 58 * HIST_SUB)

static size_t
hist_index(uint64_t ns)
{
	unsigned	shift;

	if (ns < 2 * HIST_SUB)
		return (size_t)ns;
	shift = (unsigned)(63 - __builtin_clzll(ns)) - 6;
	return (size_t)shift * HIST_SUB + (size_t)(ns >> shift);
}

/* The middle of bucket i, in ns. */
static double
hist_value(size_t i)
{
	size_t	shift;

	if (i < 2 * HIST_SUB)
		return (double)i;
	shift = i / HIST_SUB - 1;
	return ((double)(i % HIST_SUB + HIST_SUB) + 0.5) * (double)(1ull << shift);
}

struct bench;

struct bench_conn {
	struct client	*c;
	uint64_t	*sent_at;	/* ring of depth send times, ns */
	size_t		 head, len;
	struct bench	*b;
};

struct bench {
	char		**lines;	/* prebuilt requests */
	size_t		 *lens;
	size_t		  n_lines, next_line;
	size_t		  depth;
	long		  issued, answered, errors;
	uint64_t	 *hist;
	uint64_t	  max_ns;
};

static uint64_t
now_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Whether an answer line has an "error" key, without parsing it: inside
 * JSON strings a quote is escaped, so "error" followed by a colon can only
 * be a key. */
static bool
is_error_answer(const char *line, size_t len)
{
	const char	*p = line, *end = line + len;

	while ((p = memmem(p, (size_t)(end - p), "\"error\"", 7)) != NULL) {
		p += 7;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p < end && *p == ':')
			return true;
	}
	return false;
}

static int
bench_answer(void *arg, const char *line, size_t len)
{
	struct bench_conn	*bc = arg;
	struct bench		*b = bc->b;
	uint64_t		 lat = now_ns() - bc->sent_at[bc->head];
	size_t			 i = hist_index(lat);

	bc->head = (bc->head + 1) % b->depth;
	bc->len--;
	b->hist[i < HIST_BUCKETS ? i : HIST_BUCKETS - 1]++;
	if (lat > b->max_ns)
		b->max_ns = lat;
	b->answered++;
	if (is_error_answer(line, len))
		b->errors++;
	return 0;
}

static int
bench_queue(struct bench_conn *bc)
{
	struct bench	*b = bc->b;
	size_t		 i = b->next_line;

	b->next_line = (b->next_line + 1) % b->n_lines;
	if (client_queue(bc->c, b->lines[i], b->lens[i]) != 0)
		return -1;
	bc->sent_at[(bc->head + bc->len) % b->depth] = now_ns();
	bc->len++;
	b->issued++;
	return 0;
}

/* Prebuilds one request per corpus line with a "text". */
static int
bench_load(struct bench *b, char **files, int n_files, const char *policy)
{
	size_t	cap = 0;
	int	i;

	for (i = 0; i < n_files; i++) {
		FILE	*f = fopen(files[i], "r");
		char	*line = NULL;
		size_t	 lcap = 0;
		ssize_t	 n;
		int	 rc = 0;

		if (f == NULL) {
			ctl_warn("cannot open %s: %s", files[i], strerror(errno));
			return -1;
		}
		while (rc == 0 && (n = getline(&line, &lcap, f)) >= 0) {
			json_error_t	 jerr;
			json_t		*src, *req;
			char		*buf;

			src = json_loadb(line, (size_t)n, JSON_ALLOW_NUL, &jerr);
			if (!json_is_string(json_object_get(src, "text"))) {
				json_decref(src);
				continue;
			}
			req = json_pack("{s:I,s:O}", "id",
			    (json_int_t)b->n_lines,
			    "text", json_object_get(src, "text"));
			if (req != NULL && policy != NULL &&
			    json_object_set_new(req, "policy",
			    json_string(policy)) != 0) {
				json_decref(req);
				req = NULL;
			}
			buf = req ? json_dumps(req, JSON_COMPACT) : NULL;
			json_decref(req);
			json_decref(src);
			if (buf != NULL && b->n_lines == cap) {
				size_t	 ncap = cap ? cap * 2 : 1024;
				char	**nl = realloc(b->lines,
					    ncap * sizeof(*nl));
				size_t	*nn = nl ? realloc(b->lens,
					    ncap * sizeof(*nn)) : NULL;

				if (nl != NULL)
					b->lines = nl;
				if (nn != NULL) {
					b->lens = nn;
					cap = ncap;
				}
			}
			if (buf == NULL || b->n_lines == cap) {
				free(buf);
				ctl_warn("out of memory");
				rc = -1;
				break;
			}
			b->lines[b->n_lines] = buf;
			b->lens[b->n_lines++] = strlen(buf);
		}
		if (rc == 0 && ferror(f)) {
			ctl_warn("reading %s: %s", files[i], strerror(errno));
			rc = -1;
		}
		free(line);
		fclose(f);
		if (rc != 0)
			return -1;
	}
	if (b->n_lines == 0) {
		ctl_warn("no line with a \"text\" in the input");
		return -1;
	}
	return 0;
}

/* VmHWM of pid in KiB, -1 when unknown (another user's process, say). */
static long
peak_rss_kib(pid_t pid)
{
	char	 path[64], *line = NULL;
	size_t	 cap = 0;
	long	 kib = -1;
	FILE	*f;

	if (pid <= 0)
		return -1;
	snprintf(path, sizeof(path), "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (getline(&line, &cap, f) >= 0)
		if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
			break;
	free(line);
	fclose(f);
	return kib;
}

static void
bench_report(const struct bench *b, double secs, int conns, pid_t pid)
{
	static const double	 qs[] = { 0.50, 0.99, 0.999 };
	static const char *const names[] = { "p50", "p99", "p99.9" };
	uint64_t		 seen = 0;
	size_t			 i, q = 0;
	long			 kib = peak_rss_kib(pid);

	printf("%ld decisions in %.3f s over %d connection%s x depth %zu: "
	    "%.0f decisions/s", b->answered, secs, conns, conns == 1 ? "" :
	    "s", b->depth, secs > 0 ? (double)b->answered / secs : 0.0);
	if (b->errors > 0)
		printf(" (%ld error answers)", b->errors);
	printf("\nlatency:");
	for (i = 0; i < HIST_BUCKETS && q < 3 && b->answered > 0; i++) {
		seen += b->hist[i];
		while (q < 3 && (double)seen >= qs[q] * (double)b->answered) {
			printf(" %s %.3f ms,", names[q], hist_value(i) / 1e6);
			q++;
		}
	}
	printf(" max %.3f ms\n", (double)b->max_ns / 1e6);
	if (kib >= 0)
		printf("decorumd pid %ld: peak RSS %.1f MiB (VmHWM)\n",
		    (long)pid, (double)kib / 1024.0);
	else
		printf("decorumd peak RSS: unknown (pid %ld, /proc not "
		    "readable)\n", (long)pid);
}

static int
bench_socket(const char *socket_path, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "connections", required_argument,	NULL, 'c' },
		{ "depth",	required_argument,	NULL, 'd' },
		{ "count",	required_argument,	NULL, 'n' },
		{ "time",	required_argument,	NULL, 't' },
		{ "policy",	required_argument,	NULL, 'p' },
		{ "socket",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct bench		 b;
	struct bench_conn	*conns = NULL;
	struct pollfd		*pfds = NULL;
	const char		*policy = NULL;
	long			 n_conns = 1, depth = 32, count = -1;
	double			 seconds = 0, start, deadline = 0;
	pid_t			 pid = -1;
	int			 opt, rc = CTL_EXIT_USAGE;
	long			 i;

	memset(&b, 0, sizeof(b));
	optind = 0;
	while ((opt = getopt_long(argc, argv, "c:d:n:t:p:s:h", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'c':
			if (ctl_parse_long("-c", optarg, 1, 4096, &n_conns))
				return CTL_EXIT_USAGE;
			break;
		case 'd':
			if (ctl_parse_long("-d", optarg, 1, 65536, &depth))
				return CTL_EXIT_USAGE;
			break;
		case 'n':
			if (ctl_parse_long("-n", optarg, 1, LONG_MAX, &count))
				return CTL_EXIT_USAGE;
			break;
		case 't':
			if (ctl_parse_double("-t", optarg, 0.001, 86400,
			    &seconds))
				return CTL_EXIT_USAGE;
			break;
		case 'p': policy = optarg; break;
		case 's': socket_path = optarg; break;
		case 'h': cmd_bench_usage(stdout); return CTL_EXIT_OK;
		default: cmd_bench_usage(stderr); return CTL_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		ctl_warn("bench needs at least one FILE.jsonl");
		return CTL_EXIT_USAGE;
	}
	if (count > 0 && seconds > 0) {
		ctl_warn("-n and -t exclude each other");
		return CTL_EXIT_USAGE;
	}
	b.depth = (size_t)depth;
	b.hist = calloc(HIST_BUCKETS, sizeof(*b.hist));
	conns = calloc((size_t)n_conns, sizeof(*conns));
	pfds = calloc((size_t)n_conns, sizeof(*pfds));
	if (b.hist == NULL || conns == NULL || pfds == NULL) {
		ctl_warn("out of memory");
		goto out;
	}
	if (bench_load(&b, argv + optind, argc - optind, policy) != 0)
		goto out;
	/* Without -n or -t: the corpus once. */
	if (count < 0 && seconds <= 0)
		count = (long)b.n_lines;
	for (i = 0; i < n_conns; i++) {
		conns[i].b = &b;
		conns[i].sent_at = calloc(b.depth, sizeof(uint64_t));
		if (conns[i].sent_at == NULL) {
			ctl_warn("out of memory");
			goto out;
		}
		if ((conns[i].c = ctl_connect(socket_path)) == NULL)
			goto out;
	}
	pid = client_peer_pid(conns[0].c);
	start = ctl_now();
	if (seconds > 0)
		deadline = start + seconds;
	for (;;) {
		double	t = ctl_now();
		bool	issuing = count > 0 ? b.issued < count : t < deadline;
		long	busy = 0;
		int	n, timeout_ms;

		for (i = 0; i < n_conns; i++) {
			struct bench_conn *bc = &conns[i];

			while (issuing && bc->len < b.depth) {
				if (bench_queue(bc) != 0) {
					ctl_warn("out of memory");
					goto out;
				}
				if (count > 0 && b.issued >= count)
					issuing = false;
			}
			if (client_write(bc->c) != 0) {
				ctl_warn("%s", client_error(bc->c));
				goto out;
			}
			busy += bc->len > 0;
			pfds[i].fd = client_fd(bc->c);
			pfds[i].events = POLLIN |
			    (client_pending(bc->c) ? POLLOUT : 0);
			pfds[i].revents = 0;
		}
		if (!issuing && busy == 0)
			break;
		/* Wake up for the deadline; otherwise wait for progress. */
		timeout_ms = issuing && count < 0 ? 50 : CLIENT_DEFAULT_TIMEOUT_MS;
		n = poll(pfds, (nfds_t)n_conns, timeout_ms);
		if (n < 0 && errno != EINTR) {
			ctl_warn("poll: %s", strerror(errno));
			goto out;
		}
		if (n == 0 && timeout_ms == CLIENT_DEFAULT_TIMEOUT_MS) {
			ctl_warn("no answer from decorumd for %d s",
			    CLIENT_DEFAULT_TIMEOUT_MS / 1000);
			goto out;
		}
		for (i = 0; n > 0 && i < n_conns; i++) {
			struct bench_conn *bc = &conns[i];

			if ((pfds[i].revents & (POLLIN | POLLHUP | POLLERR)) &&
			    client_read(bc->c, bench_answer, bc) != 0) {
				ctl_warn("%s", client_error(bc->c));
				goto out;
			}
			if ((pfds[i].revents & POLLOUT) &&
			    client_write(bc->c) != 0) {
				ctl_warn("%s", client_error(bc->c));
				goto out;
			}
		}
	}
	bench_report(&b, ctl_now() - start, (int)n_conns, pid);
	rc = fflush(stdout) == 0 ? 0 : CTL_EXIT_USAGE;
out:
	for (i = 0; conns != NULL && i < n_conns; i++) {
		client_close(conns[i].c);
		free(conns[i].sent_at);
	}
	for (i = 0; (size_t)i < b.n_lines; i++)
		free(b.lines[i]);
	free(b.lines);
	free(b.lens);
	free(b.hist);
	free(conns);
	free(pfds);
	return rc;
}

/*
 * bench --engine's own parser (bench_engine.c) knows -c, -R and -p only
 * as short options; their long forms, the same as decorumd's, are
 * rewritten here into a copy of argv: --config, --rules, --passes, each
 * as "--opt VALUE" or "--opt=VALUE". NULL when out of memory; free the
 * array, not its strings (they are argv's, or the VALUE part of one).
 */
static char **
engine_argv(int argc, char **argv, int *nargc)
{
	/* not const: argv's strings are char * */
	static struct { const char *name; char flag[3]; } map[] = {
		{ "--config", "-c" },
		{ "--rules", "-R" },
		{ "--passes", "-p" },
	};
	char	**out = calloc((size_t)argc * 2 + 1, sizeof(*out));
	int	  i, n = 0;
	bool	  operands = false;
	size_t	  k;

	if (out == NULL)
		return NULL;
	for (i = 0; i < argc; i++) {
		char	*a = argv[i];

		if (!operands && strcmp(a, "--") == 0)
			operands = true;
		for (k = 0; !operands && k < sizeof(map) / sizeof(map[0]); k++) {
			size_t	l = strlen(map[k].name);

			if (strncmp(a, map[k].name, l) != 0)
				continue;
			if (a[l] == '\0') {
				a = map[k].flag;
			} else if (a[l] == '=') {
				out[n++] = map[k].flag;
				a += l + 1;
			}
			break;
		}
		out[n++] = a;
	}
	out[n] = NULL;
	*nargc = n;
	return out;
}

int
cmd_bench(const char *socket_path, int argc, char **argv)
{
	bool	 engine = false;
	char	**eargv;
	int	  i, eargc, rc;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--engine") == 0)
			engine = true;
		else if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			cmd_bench_usage(stdout);
			return CTL_EXIT_OK;
		}
	}
	if (!engine)
		return bench_socket(socket_path, argc, argv);
	if ((eargv = engine_argv(argc, argv, &eargc)) == NULL) {
		ctl_warn("out of memory");
		return CTL_EXIT_USAGE;
	}
	rc = bench_engine_main(eargc, eargv);
	free(eargv);
	return rc;
}
