/* decorumctl: ask decorumd about comments (check), score it against a
 * labeled corpus (replay), load it (bench), reload it and list its
 * policies. Exit status: 0 ok, 1 a replay threshold was missed or a
 * reload failed, 2 usage, input or connection errors. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "bench_engine.h"
#include "client.h"
#include "replay.h"

#define EXIT_THRESHOLD	1
#define EXIT_USAGE	2

static const char *progname = "decorumctl";

static void
usage(FILE *out)
{
	fprintf(out,
"usage: decorumctl [-s SOCKET] COMMAND [OPTIONS] [ARGS]\n"
"\n"
"  -s, --socket SOCKET   decorumd's socket (default $DECORUMD_SOCKET, else\n"
"                        " CLIENT_DEFAULT_SOCKET ")\n"
"  -h, --help            this help\n"
"\n"
"commands:\n"
"  check [--json] [--policy NAME] [TEXT...]\n"
"      Check each TEXT, or each line of standard input, and print the\n"
"      decision with the rules that fired; --json prints the raw answers.\n"
"  replay [--policy NAME] [--out FILE] [--diff OLD] [--examples N]\n"
"         [--min-f1 X] [--max-fpr Y] [--json] [--review-rejects] FILE.jsonl...\n"
"      Send a labeled corpus ({\"id\",\"text\",\"labels\":[...]} a line, [] =\n"
"      acceptable) and print precision, recall, F1 and false-positive rate\n"
"      of reject-vs-accept per file and overall, per-category precision and\n"
"      recall, and the rules ordered by precision, worst first.\n"
"        --out FILE        write every answer with its labels and text\n"
"        --diff OLD        list comments whose decision changed since the run\n"
"                          that wrote OLD with --out, and the rules why\n"
"        --examples N      show the N worst false positives and negatives\n"
"        --min-f1 X        exit 1 when the overall F1 is below X\n"
"        --max-fpr Y       exit 1 when the overall false-positive rate is\n"
"                          above Y\n"
"        --review-rejects  count review decisions as rejections\n"
"        --json            print the results as one JSON object\n"
"  reload [--timeout SECONDS] [--status]\n"
"      Send SIGHUP to decorumd (its pid from the socket's peer credentials),\n"
"      wait for the reload and print its errors; exit 1 when it failed and\n"
"      the previous rules keep serving. --status only prints the outcome of\n"
"      the last reload (after 'systemctl reload decorumd').\n"
"  policies [--json]\n"
"      List the running daemon's policies: rule sets and thresholds.\n"
"  bench [-c CONNS] [-d DEPTH] [-n COUNT | -t SECONDS] [--policy NAME]\n"
"        FILE.jsonl...\n"
"      Load generator: sends the corpus' texts over CONNS connections with\n"
"      DEPTH requests in flight each, prints decisions/s, latency\n"
"      percentiles and the daemon's peak memory.\n"
"  bench --engine [-c CONFIG] [-R RULES_DIR] [-p PASSES] [--policy NAME]\n"
"        FILE.jsonl...\n"
"      In-process, one thread, no socket: comments/s and MB/s of the whole\n"
"      pipeline and of building the views alone, and the slowest regexes.\n"
"\n"
"exit status: 0 ok, 1 a replay threshold was missed or a reload failed,\n"
"2 usage, input or connection errors (and a replay where no comment was\n"
"scored or every answer was an error)\n");
}

static void
ctl_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
ctl_warn(const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static double
now_seconds(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
parse_double(const char *opt, const char *s, double lo, double hi,
    double *out)
{
	char	*end;
	double	 v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end != '\0' || !(v >= lo && v <= hi)) {
		ctl_warn("%s wants a number from %g to %g, not '%s'", opt, lo, hi,
		    s);
		return -1;
	}
	*out = v;
	return 0;
}

static int
parse_long(const char *opt, const char *s, long lo, long hi, long *out)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < lo || v > hi) {
		ctl_warn("%s wants a whole number from %ld to %ld, not '%s'", opt,
		    lo, hi, s);
		return -1;
	}
	*out = v;
	return 0;
}

/* s as a JSON string literal (quotes, escapes) on out. */
static void
print_quoted(FILE *out, const char *s)
{
	json_t	*j = json_string(s);
	char	*q = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;

	if (q != NULL)
		fputs(q, out);
	else
		fprintf(out, "\"%s\"", s);
	free(q);
	json_decref(j);
}

static struct client *
connect_or_complain(const char *socket_path)
{
	char		 err[1024];
	struct client	*c = client_connect(socket_path, err, sizeof(err));

	if (c == NULL)
		ctl_warn("%s", err);
	return c;
}

/* ---- check ---- */

struct check_ctx {
	char	**texts;	/* from the command line, or NULL: stdin */
	int	  n_texts, next_text;
	long	  seq;
	bool	  json;
	const char *policy;
	char	 *line;		/* getline buffer */
	size_t	  line_cap;
	bool	  failed;
};

/* Appends s[0..len) as a JSON string literal to a growing buffer. Bytes
 * are passed through as they are, so text that is not UTF-8 reaches the
 * daemon, which answers invalid_utf8 with the offset. */
static int
append_json_string(char **buf, size_t *len, size_t *cap, const char *s,
    size_t n)
{
	size_t	i;

	for (i = 0; i <= n + 1; i++) {
		char		 esc[8];
		const char	*piece = esc;
		size_t		 plen;
		unsigned char	 ch = i == 0 || i == n + 1 ? '"' :
				    (unsigned char)s[i - 1];

		if (i == 0 || i == n + 1) {
			esc[0] = '"';
			plen = 1;
		} else if (ch == '"' || ch == '\\') {
			esc[0] = '\\';
			esc[1] = (char)ch;
			plen = 2;
		} else if (ch < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", ch);
			plen = 6;
		} else {
			esc[0] = (char)ch;
			plen = 1;
		}
		if (*len + plen + 1 > *cap) {
			size_t	 ncap = *cap ? *cap * 2 : 256;
			char	*p;

			while (ncap < *len + plen + 1)
				ncap *= 2;
			if ((p = realloc(*buf, ncap)) == NULL)
				return -1;
			*buf = p;
			*cap = ncap;
		}
		memcpy(*buf + *len, piece, plen);
		*len += plen;
		(*buf)[*len] = '\0';
	}
	return 0;
}

static int
append_raw(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t	n = strlen(s);

	if (*len + n + 1 > *cap) {
		size_t	 ncap = *cap ? *cap * 2 : 256;
		char	*p;

		while (ncap < *len + n + 1)
			ncap *= 2;
		if ((p = realloc(*buf, ncap)) == NULL)
			return -1;
		*buf = p;
		*cap = ncap;
	}
	memcpy(*buf + *len, s, n + 1);
	*len += n;
	return 0;
}

static int
check_next(void *arg, struct client *c)
{
	struct check_ctx	*ctx = arg;
	const char		*text;
	size_t			 tlen, len = 0, cap = 0;
	char			*req = NULL, idbuf[32];
	int			 rc = -1;

	if (ctx->texts != NULL) {
		if (ctx->next_text >= ctx->n_texts)
			return 0;
		text = ctx->texts[ctx->next_text++];
		tlen = strlen(text);
	} else {
		ssize_t n = getline(&ctx->line, &ctx->line_cap, stdin);

		if (n < 0) {
			if (ferror(stdin)) {
				ctl_warn("reading standard input: %s",
				    strerror(errno));
				ctx->failed = true;
				return -1;
			}
			return 0;
		}
		tlen = (size_t)n;
		if (tlen > 0 && ctx->line[tlen - 1] == '\n')
			tlen--;
		if (tlen > 0 && ctx->line[tlen - 1] == '\r')
			tlen--;
		text = ctx->line;
	}
	snprintf(idbuf, sizeof(idbuf), "%ld", ++ctx->seq);
	if (append_raw(&req, &len, &cap, "{\"id\":") ||
	    append_raw(&req, &len, &cap, idbuf) ||
	    append_raw(&req, &len, &cap, ",\"text\":") ||
	    append_json_string(&req, &len, &cap, text, tlen))
		goto oom;
	if (ctx->policy != NULL &&
	    (append_raw(&req, &len, &cap, ",\"policy\":") ||
	    append_json_string(&req, &len, &cap, ctx->policy,
	    strlen(ctx->policy))))
		goto oom;
	if (append_raw(&req, &len, &cap, "}") || client_queue(c, req, len))
		goto oom;
	rc = 1;
	goto out;
oom:
	ctl_warn("out of memory");
	ctx->failed = true;
out:
	free(req);
	return rc;
}

/* One reason as `rule [start,end) "match"`. */
static void
print_reason(const json_t *reason, bool shadow)
{
	const char	*rule = json_string_value(json_object_get(reason, "rule"));
	const char	*match = json_string_value(json_object_get(reason, "match"));

	printf("%s%s [%" JSON_INTEGER_FORMAT ",%" JSON_INTEGER_FORMAT ") ",
	    shadow ? "(shadow) " : "", rule ? rule : "?",
	    json_integer_value(json_object_get(reason, "start")),
	    json_integer_value(json_object_get(reason, "end")));
	print_quoted(stdout, match ? match : "");
	putchar('\n');
}

/* `reject  discourtesy  discourtesy.you-insult [0,16) "You are an idiot"`,
 * further reasons on lines of their own below the first. */
static void
print_answer(const json_t *a)
{
	const json_t	*err = json_object_get(a, "error");
	const json_t	*cats = json_object_get(a, "categories");
	const json_t	*item;
	const char	*decision = replay_decision(a);
	size_t		 i, indent, n = 0;
	int		 w;

	if (err != NULL) {
		const char *code = json_string_value(
		    json_object_get(err, "code"));
		const char *msg = json_string_value(
		    json_object_get(err, "message"));

		printf("%-7s %s: %s\n", "error", code ? code : "?",
		    msg ? msg : "");
		return;
	}
	if (json_array_size(cats) == 0 &&
	    json_array_size(json_object_get(a, "reasons")) == 0 &&
	    json_array_size(json_object_get(a, "shadow")) == 0) {
		printf("%s\n", decision);
		return;
	}
	w = printf("%-7s ", decision);
	indent = w > 0 ? (size_t)w : 0;
	json_array_foreach(cats, i, item) {
		w = printf("%s%s", i ? "," : "", json_string_value(item) ?
		    json_string_value(item) : "?");
		indent += w > 0 ? (size_t)w : 0;
	}
	if (json_array_size(cats) == 0) {
		fputs("-", stdout);
		indent++;
	}
	fputs("  ", stdout);
	indent += 2;
	json_array_foreach(json_object_get(a, "reasons"), i, item) {
		if (n++)
			printf("%*s", (int)indent, "");
		print_reason(item, false);
	}
	json_array_foreach(json_object_get(a, "shadow"), i, item) {
		if (n++)
			printf("%*s", (int)indent, "");
		print_reason(item, true);
	}
	if (n == 0)
		putchar('\n');
}

static int
check_answer(void *arg, const char *line, size_t len)
{
	struct check_ctx	*ctx = arg;
	json_error_t		 jerr;
	json_t			*a;

	if (ctx->json) {
		fwrite(line, 1, len, stdout);
		putchar('\n');
	} else {
		a = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
		if (a == NULL || !json_is_object(a)) {
			ctl_warn("decorumd sent an answer that is not a JSON "
			    "object: %.80s", line);
			json_decref(a);
			ctx->failed = true;
			return -1;
		}
		print_answer(a);
		json_decref(a);
	}
	/* Interactive use sees each answer as it comes. */
	fflush(stdout);
	return 0;
}

static int
cmd_check(const char *socket_path, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,		NULL, 'j' },
		{ "policy",	required_argument,	NULL, 'p' },
		{ "socket",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct check_ctx	 ctx;
	struct client		*c;
	size_t			 depth;
	int			 opt, rc;

	memset(&ctx, 0, sizeof(ctx));
	optind = 0;
	while ((opt = getopt_long(argc, argv, "jp:s:h", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'j': ctx.json = true; break;
		case 'p': ctx.policy = optarg; break;
		case 's': socket_path = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		ctx.texts = argv + optind;
		ctx.n_texts = argc - optind;
	}
	if ((c = connect_or_complain(socket_path)) == NULL)
		return EXIT_USAGE;
	/* A person typing wants each answer before the next line. */
	depth = ctx.texts == NULL && isatty(STDIN_FILENO) ? 1 :
	    CLIENT_DEFAULT_DEPTH;
	rc = client_run(c, depth, 0, check_next, check_answer, &ctx);
	if (rc != 0 && !ctx.failed)
		ctl_warn("%s", client_error(c));
	client_close(c);
	free(ctx.line);
	return rc == 0 ? 0 : EXIT_USAGE;
}

/* ---- replay ---- */

/* A request sent whose answer has not come back yet. */
struct pending {
	json_t		*src;	/* the corpus line */
	json_t		*id;	/* the id sent */
	const char	*file;
};

struct replay_ctx {
	/* input */
	char		**files;
	int		  n_files, cur_file;
	FILE		 *in;
	long		  lineno;
	char		 *line;
	size_t		  line_cap;
	const char	 *policy;
	/* in flight, a ring as large as the pipeline depth */
	struct pending	 *ring;
	size_t		  ring_cap, ring_head, ring_len;
	/* output */
	struct replay	 *score;
	struct replay_diff *diff;
	FILE		 *out;
	const char	 *out_path;
	/* progress */
	long		  sent, answered, skipped;
	bool		  progress;
	double		  last_progress;
	bool		  failed;	/* already reported */
};

static void
replay_progress(struct replay_ctx *ctx, bool force)
{
	double	t;

	if (!ctx->progress)
		return;
	t = now_seconds();
	if (!force && t - ctx->last_progress < 0.2)
		return;
	ctx->last_progress = t;
	fprintf(stderr, "\r\033[K%s: %ld answered, %ld in flight",
	    ctx->cur_file < ctx->n_files ? ctx->files[ctx->cur_file] : "done",
	    ctx->answered, ctx->sent - ctx->answered);
}

static void
replay_progress_clear(struct replay_ctx *ctx)
{
	if (ctx->progress)
		fputs("\r\033[K", stderr);
}

/* Opens the next corpus file; 0 when there is none left. */
static int
replay_open_next(struct replay_ctx *ctx)
{
	while (ctx->in == NULL) {
		if (ctx->cur_file >= ctx->n_files)
			return 0;
		ctx->in = fopen(ctx->files[ctx->cur_file], "r");
		if (ctx->in == NULL) {
			replay_progress_clear(ctx);
			ctl_warn("cannot open %s: %s", ctx->files[ctx->cur_file],
			    strerror(errno));
			ctx->failed = true;
			return -1;
		}
		ctx->lineno = 0;
	}
	return 1;
}

static void
skip_line(struct replay_ctx *ctx, const char *why)
{
	replay_progress_clear(ctx);
	ctl_warn("%s:%ld: skipped: %s", ctx->files[ctx->cur_file], ctx->lineno,
	    why);
	ctx->skipped++;
}

static int
replay_next(void *arg, struct client *c)
{
	struct replay_ctx	*ctx = arg;

	for (;;) {
		json_error_t	 jerr;
		json_t		*src, *id, *req;
		char		*buf;
		ssize_t		 n;
		int		 r;
		size_t		 slot;

		if ((r = replay_open_next(ctx)) <= 0)
			return r;
		n = getline(&ctx->line, &ctx->line_cap, ctx->in);
		if (n < 0) {
			if (ferror(ctx->in)) {
				replay_progress_clear(ctx);
				ctl_warn("reading %s: %s",
				    ctx->files[ctx->cur_file], strerror(errno));
				ctx->failed = true;
				return -1;
			}
			fclose(ctx->in);
			ctx->in = NULL;
			ctx->cur_file++;
			continue;
		}
		ctx->lineno++;
		if (strspn(ctx->line, " \t\r\n") == (size_t)n)
			continue;
		src = json_loadb(ctx->line, (size_t)n, JSON_ALLOW_NUL, &jerr);
		if (src == NULL) {
			char why[256];

			snprintf(why, sizeof(why), "not JSON: %s", jerr.text);
			skip_line(ctx, why);
			continue;
		}
		if (!json_is_object(src) ||
		    !json_is_string(json_object_get(src, "text"))) {
			skip_line(ctx, "no \"text\" string");
			json_decref(src);
			continue;
		}
		if (!json_is_array(json_object_get(src, "labels"))) {
			skip_line(ctx, "no \"labels\" array");
			json_decref(src);
			continue;
		}
		id = json_object_get(src, "id");
		if (json_is_string(id) || json_is_number(id)) {
			json_incref(id);
		} else {
			char *fl = NULL;

			if (asprintf(&fl, "%s:%ld", ctx->files[ctx->cur_file],
			    ctx->lineno) < 0)
				fl = NULL;
			id = fl ? json_string(fl) : NULL;
			free(fl);
		}
		req = json_object();
		if (id == NULL || req == NULL ||
		    json_object_set(req, "id", id) ||
		    json_object_set(req, "text",
		    json_object_get(src, "text")) ||
		    (ctx->policy && json_object_set_new(req, "policy",
		    json_string(ctx->policy))) ||
		    (buf = json_dumps(req, JSON_COMPACT)) == NULL) {
			json_decref(req);
			json_decref(id);
			json_decref(src);
			replay_progress_clear(ctx);
			ctl_warn("out of memory");
			ctx->failed = true;
			return -1;
		}
		json_decref(req);
		r = client_queue(c, buf, strlen(buf));
		free(buf);
		if (r != 0 || ctx->ring_len == ctx->ring_cap) {
			json_decref(id);
			json_decref(src);
			replay_progress_clear(ctx);
			ctl_warn("%s", r ? "out of memory" :
			    "internal error: pipeline overflow");
			ctx->failed = true;
			return -1;
		}
		slot = (ctx->ring_head + ctx->ring_len++) % ctx->ring_cap;
		ctx->ring[slot].src = src;
		ctx->ring[slot].id = id;
		ctx->ring[slot].file = ctx->files[ctx->cur_file];
		ctx->sent++;
		return 1;
	}
}

static char *
id_display(json_t *id)
{
	char *s = id ? json_dumps(id, JSON_ENCODE_ANY) : NULL;

	return s ? s : strdup("null");
}

static int
replay_answer(void *arg, const char *line, size_t len)
{
	struct replay_ctx	*ctx = arg;
	struct pending		 p;
	json_error_t		 jerr;
	json_t			*a, *aid;
	int			 rc = -1;

	if (ctx->ring_len == 0) {
		ctl_warn("internal error: answer without request");
		ctx->failed = true;
		return -1;
	}
	p = ctx->ring[ctx->ring_head];
	ctx->ring_head = (ctx->ring_head + 1) % ctx->ring_cap;
	ctx->ring_len--;
	ctx->answered++;

	a = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
	if (a == NULL || !json_is_object(a)) {
		replay_progress_clear(ctx);
		ctl_warn("decorumd sent an answer that is not a JSON object: "
		    "%.80s", line);
		goto out;
	}
	/* Answers come in request order; an error about a line the daemon
	 * could not parse has no id. */
	aid = json_object_get(a, "id");
	if (!json_equal(aid, p.id) &&
	    !(json_object_get(a, "error") && (aid == NULL || json_is_null(aid)))) {
		char *want = id_display(p.id), *got = id_display(aid);

		replay_progress_clear(ctx);
		ctl_warn("answer out of order: expected id %s, got %s",
		    want ? want : "?", got ? got : "?");
		free(want);
		free(got);
		goto out;
	}
	if (json_object_set(a, "id", p.id) ||
	    json_object_set(a, "labels", json_object_get(p.src, "labels")) ||
	    json_object_set(a, "text", json_object_get(p.src, "text")) ||
	    json_object_set_new(a, "file", json_string(p.file)) ||
	    replay_add(ctx->score, a) < 0 ||
	    (ctx->diff && replay_diff_add(ctx->diff, a) < 0)) {
		replay_progress_clear(ctx);
		ctl_warn("out of memory");
		goto out;
	}
	if (ctx->out != NULL &&
	    (json_dumpf(a, ctx->out, JSON_COMPACT) != 0 ||
	    fputc('\n', ctx->out) == EOF)) {
		replay_progress_clear(ctx);
		ctl_warn("writing %s: %s", ctx->out_path, strerror(errno));
		goto out;
	}
	replay_progress(ctx, false);
	rc = 0;
out:
	if (rc != 0)
		ctx->failed = true;
	json_decref(a);
	json_decref(p.src);
	json_decref(p.id);
	return rc;
}

/* Indexes an earlier --out file for --diff. */
static int
load_old_run(struct replay_diff *d, const char *path)
{
	FILE	*f = fopen(path, "r");
	char	*line = NULL;
	size_t	 cap = 0;
	long	 lineno = 0;
	ssize_t	 n;
	int	 rc = 0;

	if (f == NULL) {
		ctl_warn("cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
		json_error_t	 jerr;
		json_t		*o;

		lineno++;
		if (strspn(line, " \t\r\n") == (size_t)n)
			continue;
		o = json_loadb(line, (size_t)n, JSON_ALLOW_NUL, &jerr);
		if (o == NULL || !json_is_object(o)) {
			ctl_warn("%s:%ld: not a line of `replay --out`: %s", path,
			    lineno, o ? "not an object" : jerr.text);
			rc = -1;
		} else if (replay_diff_add_old(d, o) != 0) {
			ctl_warn("%s:%ld: no id", path, lineno);
			rc = -1;
		}
		json_decref(o);
	}
	if (rc == 0 && ferror(f)) {
		ctl_warn("reading %s: %s", path, strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(f);
	return rc;
}

static void
fmt_ratio(char *buf, size_t len, double v)
{
	if (isnan(v))
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%.3f", v);
}

static void
print_counts_row(const char *name, int width, const struct replay_counts *c)
{
	char	p[16], r[16], f[16], fpr[16];

	fmt_ratio(p, sizeof(p), replay_precision(c));
	fmt_ratio(r, sizeof(r), replay_recall(c));
	fmt_ratio(f, sizeof(f), replay_f1(c));
	fmt_ratio(fpr, sizeof(fpr), replay_fpr(c));
	printf("%-*s %8ld %7ld %7ld %7ld %7ld %7ld %7ld %6s %6s %6s %6s\n",
	    width, name, replay_total(c), c->tp, c->fp, c->fn, c->tn,
	    c->reviews, c->errors, p, r, f, fpr);
}

static void
print_examples(const char *title, const struct replay_example *ex,
    size_t n, size_t max)
{
	size_t	i;

	printf("\n%s: %zu", title, n);
	if (n > 0 && max > 0)
		printf(", worst %zu", n < max ? n : max);
	printf("\n");
	for (i = 0; i < n && i < max; i++) {
		printf("  %s  %s  [%s]  %s  ", ex[i].id, ex[i].decision,
		    ex[i].labels[0] ? ex[i].labels : "acceptable",
		    ex[i].rules[0] ? ex[i].rules : "-");
		print_quoted(stdout, ex[i].text);
		putchar('\n');
	}
}

static void
print_report(const struct replay_report *rep, size_t examples,
    bool review_rejects, long skipped)
{
	int	width = (int)strlen("overall"), rw = (int)strlen("rule");
	size_t	i;

	for (i = 0; i < rep->n_files; i++)
		if ((int)strlen(rep->files[i].name) > width)
			width = (int)strlen(rep->files[i].name);
	printf("reject vs accept (positive = unacceptable; review counts as "
	    "%s; errors as accept)\n",
	    review_rejects ? "reject" : "accept");
	printf("%-*s %8s %7s %7s %7s %7s %7s %7s %6s %6s %6s %6s\n", width,
	    "file", "comments", "tp", "fp", "fn", "tn", "review", "error",
	    "prec", "recall", "f1", "fpr");
	for (i = 0; i < rep->n_files; i++)
		print_counts_row(rep->files[i].name, width,
		    &rep->files[i].counts);
	print_counts_row("overall", width, &rep->overall);
	replay_print_threeway(stdout, rep);

	printf("\nper category (found = named in categories of a rejected "
	    "comment)\n");
	printf("%-16s %8s %7s %7s %7s %7s %6s %6s %6s\n", "category",
	    "labeled", "found", "tp", "fp", "fn", "prec", "recall", "f1");
	for (i = 0; i < rep->n_categories; i++) {
		const struct replay_category	*c = &rep->categories[i];
		struct replay_counts		 k = { .tp = c->tp,
						       .fp = c->fp,
						       .fn = c->fn };
		char				 p[16], r[16], f[16];

		fmt_ratio(p, sizeof(p), replay_precision(&k));
		fmt_ratio(r, sizeof(r), replay_recall(&k));
		fmt_ratio(f, sizeof(f), replay_f1(&k));
		printf("%-16s %8ld %7ld %7ld %7ld %7ld %6s %6s %6s\n",
		    c->name, c->tp + c->fn, c->tp + c->fp, c->tp, c->fp,
		    c->fn, p, r, f);
	}

	for (i = 0; i < rep->n_rules; i++) {
		int w = (int)strlen(rep->rules[i].id) +
		    (rep->rules[i].shadow ? 9 : 0);

		if (w > rw)
			rw = w;
	}
	printf("\nrules, worst precision first (a rule counts once per "
	    "comment)\n");
	printf("%-*s %7s %7s %7s %6s\n", rw, "rule", "hits", "unacc", "acc",
	    "prec");
	for (i = 0; i < rep->n_rules; i++) {
		const struct replay_rule	*u = &rep->rules[i];
		char				 p[16], name[512];

		fmt_ratio(p, sizeof(p), replay_rule_precision(u));
		snprintf(name, sizeof(name), "%s%s", u->id,
		    u->shadow ? " (shadow)" : "");
		printf("%-*s %7ld %7ld %7ld %6s\n", rw, name,
		    u->hits_bad + u->hits_ok, u->hits_bad, u->hits_ok, p);
	}
	if (rep->n_rules == 0)
		printf("(no rule fired)\n");

	if (rep->n_error_codes > 0) {
		printf("\nerror answers (counted as accept):");
		for (i = 0; i < rep->n_error_codes; i++)
			printf("%s %s %ld", i ? "," : "",
			    rep->error_codes[i].code,
			    rep->error_codes[i].count);
		putchar('\n');
	}
	if (skipped > 0)
		printf("\nskipped input lines: %ld (see the warnings)\n",
		    skipped);
	if (examples > 0) {
		print_examples("false positives (acceptable, rejected)",
		    rep->false_pos, rep->n_false_pos, examples);
		print_examples("false negatives (unacceptable, accepted)",
		    rep->false_neg, rep->n_false_neg, examples);
	}
}

static void
print_diff(const struct replay_diff_report *d, const char *old_path)
{
	size_t	i;

	printf("\ndiff against %s: %ld compared, %zu decisions changed "
	    "(%ld broke, %ld fixed, %ld neutral), %ld changed rules only, "
	    "%ld new, %ld missing\n", old_path, d->compared, d->n_changes,
	    d->broke, d->fixed, d->neutral, d->rules_changed, d->added,
	    d->missing);
	for (i = 0; i < d->n_changes; i++) {
		const struct replay_change *c = &d->changes[i];

		printf("  %-7s %s  %s -> %s  [%s]", c->effect ==
		    REPLAY_CHANGE_BROKE ? "broke" : c->effect ==
		    REPLAY_CHANGE_FIXED ? "fixed" : "neutral", c->id,
		    c->old_decision, c->new_decision,
		    c->labels[0] ? c->labels : "acceptable");
		if (c->added[0])
			printf("  +%s", c->added);
		if (c->removed[0])
			printf("  -%s", c->removed);
		fputs("  ", stdout);
		print_quoted(stdout, c->text);
		putchar('\n');
	}
}

/* 0 when the thresholds hold, EXIT_THRESHOLD with reasons on stderr. */
static int
check_thresholds(const struct replay_counts *c, double min_f1,
    double max_fpr)
{
	double	f1 = replay_f1(c), fpr = replay_fpr(c);
	int	rc = 0;

	if (!isnan(min_f1)) {
		if (isnan(f1)) {
			ctl_warn("F1 is undefined (no unacceptable comment and "
			    "no rejection), --min-f1 %g not met", min_f1);
			rc = EXIT_THRESHOLD;
		} else if (f1 < min_f1) {
			ctl_warn("overall F1 %.4f is below --min-f1 %g", f1,
			    min_f1);
			rc = EXIT_THRESHOLD;
		}
	}
	if (!isnan(max_fpr)) {
		if (isnan(fpr)) {
			ctl_warn("false-positive rate is undefined (no "
			    "acceptable comment), --max-fpr %g not met",
			    max_fpr);
			rc = EXIT_THRESHOLD;
		} else if (fpr > max_fpr) {
			ctl_warn("overall false-positive rate %.4f is above "
			    "--max-fpr %g", fpr, max_fpr);
			rc = EXIT_THRESHOLD;
		}
	}
	return rc;
}

static int
cmd_replay(const char *socket_path, int argc, char **argv)
{
	enum { OPT_MIN_F1 = 256, OPT_MAX_FPR, OPT_REVIEW_REJECTS, OPT_DIFF,
	    OPT_EXAMPLES };
	static const struct option longopts[] = {
		{ "policy",	required_argument,	NULL, 'p' },
		{ "out",	required_argument,	NULL, 'o' },
		{ "diff",	required_argument,	NULL, OPT_DIFF },
		{ "examples",	required_argument,	NULL, OPT_EXAMPLES },
		{ "min-f1",	required_argument,	NULL, OPT_MIN_F1 },
		{ "max-fpr",	required_argument,	NULL, OPT_MAX_FPR },
		{ "json",	no_argument,		NULL, 'j' },
		{ "review-rejects", no_argument,	NULL, OPT_REVIEW_REJECTS },
		{ "socket",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct replay_ctx		 ctx;
	struct client			*c = NULL;
	const struct replay_report	*rep;
	const struct replay_diff_report	*drep = NULL;
	const char			*diff_path = NULL;
	char				*tmp_path = NULL;
	double				 min_f1 = NAN, max_fpr = NAN;
	long				 examples = 0;
	bool				 json = false, review_rejects = false;
	int				 opt, rc = EXIT_USAGE;

	memset(&ctx, 0, sizeof(ctx));
	optind = 0;
	while ((opt = getopt_long(argc, argv, "p:o:js:h", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'p': ctx.policy = optarg; break;
		case 'o': ctx.out_path = optarg; break;
		case OPT_DIFF: diff_path = optarg; break;
		case OPT_EXAMPLES:
			if (parse_long("--examples", optarg, 0, 1000000,
			    &examples) != 0)
				return EXIT_USAGE;
			break;
		case OPT_MIN_F1:
			if (parse_double("--min-f1", optarg, 0, 1,
			    &min_f1) != 0)
				return EXIT_USAGE;
			break;
		case OPT_MAX_FPR:
			if (parse_double("--max-fpr", optarg, 0, 1,
			    &max_fpr) != 0)
				return EXIT_USAGE;
			break;
		case 'j': json = true; break;
		case OPT_REVIEW_REJECTS: review_rejects = true; break;
		case 's': socket_path = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		ctl_warn("replay needs at least one FILE.jsonl");
		usage(stderr);
		return EXIT_USAGE;
	}
	ctx.files = argv + optind;
	ctx.n_files = argc - optind;
	ctx.ring_cap = CLIENT_DEFAULT_DEPTH;
	ctx.progress = isatty(STDERR_FILENO);
	ctx.ring = calloc(ctx.ring_cap, sizeof(*ctx.ring));
	ctx.score = replay_new(review_rejects);
	if (ctx.ring == NULL || ctx.score == NULL) {
		ctl_warn("out of memory");
		goto out;
	}
	/* The old run is read before --out may replace the same file. */
	if (diff_path != NULL) {
		if ((ctx.diff = replay_diff_new(review_rejects)) == NULL) {
			ctl_warn("out of memory");
			goto out;
		}
		if (load_old_run(ctx.diff, diff_path) != 0)
			goto out;
	}
	if ((c = connect_or_complain(socket_path)) == NULL)
		goto out;
	/* A run that fails half-way leaves the last good --out in place. */
	if (ctx.out_path != NULL) {
		if (asprintf(&tmp_path, "%s.tmp", ctx.out_path) < 0) {
			tmp_path = NULL;
			ctl_warn("out of memory");
			goto out;
		}
		if ((ctx.out = fopen(tmp_path, "w")) == NULL) {
			ctl_warn("cannot create %s: %s", tmp_path,
			    strerror(errno));
			goto out;
		}
	}
	if (client_run(c, ctx.ring_cap, 0, replay_next, replay_answer,
	    &ctx) != 0) {
		replay_progress_clear(&ctx);
		if (!ctx.failed)
			ctl_warn("%s", client_error(c));
		goto out;
	}
	replay_progress_clear(&ctx);
	if (ctx.out != NULL) {
		FILE *f = ctx.out;

		ctx.out = NULL;
		if (fclose(f) != 0) {
			ctl_warn("writing %s: %s", tmp_path, strerror(errno));
			goto out;
		}
		if (rename(tmp_path, ctx.out_path) != 0) {
			ctl_warn("cannot rename %s to %s: %s", tmp_path,
			    ctx.out_path, strerror(errno));
			goto out;
		}
		free(tmp_path);
		tmp_path = NULL;
	}

	rep = replay_finish(ctx.score);
	if (ctx.diff != NULL)
		drep = replay_diff_finish(ctx.diff);
	if (json) {
		json_t	*o = replay_report_json(rep, (size_t)examples);

		if (o != NULL && drep != NULL)
			json_object_set_new(o, "diff",
			    replay_diff_report_json(drep));
		if (o != NULL)
			json_object_set_new(o, "skipped",
			    json_integer(ctx.skipped));
		if (o == NULL || json_dumpf(o, stdout, JSON_INDENT(2)) != 0) {
			ctl_warn("out of memory");
			json_decref(o);
			goto out;
		}
		putchar('\n');
		json_decref(o);
	} else {
		print_report(rep, (size_t)examples, review_rejects,
		    ctx.skipped);
		if (drep != NULL)
			print_diff(drep, diff_path);
	}
	if (fflush(stdout) != 0) {
		ctl_warn("writing standard output: %s", strerror(errno));
		goto out;
	}
	/* Figures from nothing, or only from errors (a misspelt --policy,
	 * say), must not pass a CI gate. */
	if (replay_total(&rep->overall) == 0) {
		ctl_warn("no comment was scored");
		goto out;
	}
	if (rep->overall.errors == replay_total(&rep->overall)) {
		ctl_warn("every answer was an error (%s: %ld)",
		    rep->error_codes[0].code, rep->error_codes[0].count);
		goto out;
	}
	rc = check_thresholds(&rep->overall, min_f1, max_fpr);
out:
	if (ctx.out != NULL)
		fclose(ctx.out);
	if (tmp_path != NULL) {
		unlink(tmp_path);
		free(tmp_path);
	}
	if (ctx.in != NULL)
		fclose(ctx.in);
	while (ctx.ring != NULL && ctx.ring_len > 0) {
		json_decref(ctx.ring[ctx.ring_head].src);
		json_decref(ctx.ring[ctx.ring_head].id);
		ctx.ring_head = (ctx.ring_head + 1) % ctx.ring_cap;
		ctx.ring_len--;
	}
	free(ctx.ring);
	free(ctx.line);
	replay_free(ctx.score);
	replay_diff_free(ctx.diff);
	client_close(c);
	return rc;
}

/* ---- bench ---- */

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
cmd_bench(const char *socket_path, int argc, char **argv)
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
	int			 opt, rc = EXIT_USAGE;
	long			 i;

	memset(&b, 0, sizeof(b));
	optind = 0;
	while ((opt = getopt_long(argc, argv, "c:d:n:t:p:s:h", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'c':
			if (parse_long("-c", optarg, 1, 4096, &n_conns))
				return EXIT_USAGE;
			break;
		case 'd':
			if (parse_long("-d", optarg, 1, 65536, &depth))
				return EXIT_USAGE;
			break;
		case 'n':
			if (parse_long("-n", optarg, 1, LONG_MAX, &count))
				return EXIT_USAGE;
			break;
		case 't':
			if (parse_double("-t", optarg, 0.001, 86400,
			    &seconds))
				return EXIT_USAGE;
			break;
		case 'p': policy = optarg; break;
		case 's': socket_path = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		ctl_warn("bench needs at least one FILE.jsonl");
		return EXIT_USAGE;
	}
	if (count > 0 && seconds > 0) {
		ctl_warn("-n and -t exclude each other");
		return EXIT_USAGE;
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
		if ((conns[i].c = connect_or_complain(socket_path)) == NULL)
			goto out;
	}
	pid = client_peer_pid(conns[0].c);
	start = now_seconds();
	if (seconds > 0)
		deadline = start + seconds;
	for (;;) {
		double	t = now_seconds();
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
	bench_report(&b, now_seconds() - start, (int)n_conns, pid);
	rc = fflush(stdout) == 0 ? 0 : EXIT_USAGE;
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

/* ---- reload and policies ---- */

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
reload_count(const json_t *stats)
{
	return json_integer_value(json_object_get(json_object_get(stats,
	    "reload"), "count"));
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
static int
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
	int		 opt, rc = EXIT_USAGE;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "St:s:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'S': status_only = true; break;
		case 't':
			if (parse_double("--timeout", optarg, 0.1, 3600,
			    &timeout) == -1)
				return EXIT_USAGE;
			break;
		case 's': socket_path = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((c = connect_or_complain(socket_path)) == NULL)
		return EXIT_USAGE;
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
	json_int_t before = reload_count(st);
	const char *v0 = json_string_value(json_object_get(st, "rules_version"));
	char old_version[64];
	snprintf(old_version, sizeof(old_version), "%s", v0 ? v0 : "");
	if (kill(pid, SIGHUP) == -1) {
		ctl_warn("cannot signal decorumd (pid %ld): %s", (long)pid,
		    strerror(errno));
		goto out;
	}
	/* wait until the daemon has tried: its reload count moves (a failed
	 * reload leaves rules_version as it was) */
	deadline = now_seconds() + timeout;
	for (;;) {
		json_decref(st);
		if ((st = ask(c, stats_req)) == NULL)
			goto out;
		if (reload_count(st) > before)
			break;
		if (now_seconds() > deadline) {
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
static int
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
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((c = connect_or_complain(socket_path)) == NULL)
		return EXIT_USAGE;
	a = ask(c, "{\"op\":\"policies\"}");
	client_close(c);
	if (a == NULL)
		return EXIT_USAGE;
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
	return fflush(stdout) == 0 ? 0 : EXIT_USAGE;
}

/* ---- main ---- */

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "socket",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char	*socket_path = getenv("DECORUMD_SOCKET");
	const char	*cmd;
	int		 opt;

	if (socket_path == NULL || *socket_path == '\0')
		socket_path = CLIENT_DEFAULT_SOCKET;
	/* '+': options after the command belong to the command. */
	while ((opt = getopt_long(argc, argv, "+s:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 's': socket_path = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	cmd = argv[optind];
	argc -= optind;
	argv += optind;
	if (strcmp(cmd, "check") == 0)
		return cmd_check(socket_path, argc, argv);
	if (strcmp(cmd, "replay") == 0)
		return cmd_replay(socket_path, argc, argv);
	if (strcmp(cmd, "bench") == 0) {
		for (int i = 1; i < argc; i++)
			if (strcmp(argv[i], "--engine") == 0)
				return bench_engine_main(argc, argv);
		return cmd_bench(socket_path, argc, argv);
	}
	if (strcmp(cmd, "reload") == 0)
		return cmd_reload(socket_path, argc, argv);
	if (strcmp(cmd, "policies") == 0)
		return cmd_policies(socket_path, argc, argv);
	if (strcmp(cmd, "help") == 0) {
		usage(stdout);
		return 0;
	}
	ctl_warn("unknown command '%s'", cmd);
	usage(stderr);
	return EXIT_USAGE;
}
