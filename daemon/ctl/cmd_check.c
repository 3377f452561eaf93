/* cmd_check: `decorumctl check`. Texts come from the command line or, one
 * per line, from standard input; requests are built with jansson and
 * pipelined through client.c; each answer is printed as it arrives, in
 * order, either raw (--json) or as one line per reason. Any error answer
 * makes the exit status CTL_EXIT_FAIL. Called by main_decorumctl.c. */
#include "cmd_check.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "client.h"
#include "ctl_util.h"
#include "replay.h"
#include "text.h"

/* A text that was not sent (it is not UTF-8), reported in its place among
 * the answers: after the answer to the `after`-th request sent. */
struct check_local {
	struct check_local	*next;
	long			 id;
	long			 after;
	long			 bad_at;	/* byte offset of the bad sequence */
};

struct check_ctx {
	char		 **texts;	/* from the command line, or NULL: stdin */
	int		   n_texts, next_text;
	long		   seq;		/* ids given so far */
	long		   sent, answered;
	long		   errors;	/* error answers, local ones included */
	bool		   json;
	const char	  *policy;
	char		  *line;	/* getline buffer */
	size_t		   line_cap;
	struct check_local *local_head, *local_tail;
	bool		   failed;	/* already reported */
};

void
cmd_check_usage(FILE *out)
{
	fputs(
"usage: decorumctl [-s SOCKET] check [--json] [--policy NAME] [TEXT...]\n"
"\n"
"Check each TEXT, or each line of standard input, and print the decision\n"
"with the rules that fired and the offending spans.\n"
"\n"
"  -j, --json            print decorumd's raw answers, one JSON line each\n"
"  -p, --policy NAME     use this configured policy instead of the default\n"
"  -s, --socket SOCKET   decorumd's socket (as before the command)\n"
"  -h, --help            this help\n"
"\n"
"exit status: 0 when every text got a decision, 1 when any answer was an\n"
"error (unknown_policy, invalid_utf8, too_large...; the other texts are\n"
"still checked and printed), 2 on usage, input or connection errors\n",
	    out);
}

/* The error answer for a text decorumctl did not send; printed like the
 * daemon's own error answers. */
static void
print_local(const struct check_ctx *ctx, const struct check_local *l)
{
	char	msg[128];

	snprintf(msg, sizeof(msg), "text is not valid UTF-8 at byte %ld; "
	    "decorumctl did not send it", l->bad_at);
	if (ctx->json) {
		json_t	*o = json_pack("{s:I,s:{s:s,s:s}}", "id",
			    (json_int_t)l->id, "error", "code", "invalid_utf8",
			    "message", msg);
		char	*s = o ? json_dumps(o, JSON_COMPACT) : NULL;

		if (s != NULL)
			printf("%s\n", s);
		free(s);
		json_decref(o);
	} else {
		printf("%-7s %s: %s\n", "error", "invalid_utf8", msg);
	}
	fflush(stdout);
}

/* Prints the local errors whose turn has come. */
static void
flush_local(struct check_ctx *ctx)
{
	struct check_local	*l;

	while ((l = ctx->local_head) != NULL && l->after <= ctx->answered) {
		print_local(ctx, l);
		ctx->local_head = l->next;
		if (ctx->local_head == NULL)
			ctx->local_tail = NULL;
		free(l);
	}
}

/* The request line for one text, NULL when text is not UTF-8 (*bad_at
 * then says where) or memory ran out (*bad_at = -1). */
static char *
check_request(const struct check_ctx *ctx, long id, const char *text,
    size_t len, long *bad_at)
{
	json_t	*t, *req;
	char	*line;

	*bad_at = -1;
	/* jansson refuses to build a string that is not UTF-8; decorumd
	 * would refuse it too (invalid_utf8). */
	if ((t = json_stringn(text, len)) == NULL) {
		*bad_at = text_utf8_invalid_at(text, len);
		return NULL;
	}
	req = json_pack("{s:I,s:o}", "id", (json_int_t)id, "text", t);
	if (req != NULL && ctx->policy != NULL &&
	    json_object_set_new(req, "policy", json_string(ctx->policy)) != 0) {
		json_decref(req);
		req = NULL;
	}
	line = req ? json_dumps(req, JSON_COMPACT) : NULL;
	json_decref(req);
	return line;
}

/* The next text, NULL at the end (or on a read error: ctx->failed). */
static const char *
next_text(struct check_ctx *ctx, size_t *len)
{
	ssize_t	n;

	if (ctx->texts != NULL) {
		if (ctx->next_text >= ctx->n_texts)
			return NULL;
		*len = strlen(ctx->texts[ctx->next_text]);
		return ctx->texts[ctx->next_text++];
	}
	if ((n = getline(&ctx->line, &ctx->line_cap, stdin)) < 0) {
		if (ferror(stdin)) {
			ctl_warn("reading standard input: %s", strerror(errno));
			ctx->failed = true;
		}
		return NULL;
	}
	*len = (size_t)n;
	if (*len > 0 && ctx->line[*len - 1] == '\n')
		(*len)--;
	if (*len > 0 && ctx->line[*len - 1] == '\r')
		(*len)--;
	return ctx->line;
}

static int
check_next(void *arg, struct client *c)
{
	struct check_ctx	*ctx = arg;

	for (;;) {
		const char	*text;
		char		*req;
		size_t		 tlen;
		long		 bad_at;
		int		 r;

		if ((text = next_text(ctx, &tlen)) == NULL)
			return ctx->failed ? -1 : 0;
		req = check_request(ctx, ++ctx->seq, text, tlen, &bad_at);
		if (req != NULL) {
			r = client_queue(c, req, strlen(req));
			free(req);
			if (r != 0)
				break;
			ctx->sent++;
			return 1;
		}
		if (bad_at < 0)
			break;
		struct check_local *l = calloc(1, sizeof(*l));
		if (l == NULL)
			break;
		l->id = ctx->seq;
		l->after = ctx->sent;
		l->bad_at = bad_at;
		if (ctx->local_tail != NULL)
			ctx->local_tail->next = l;
		else
			ctx->local_head = l;
		ctx->local_tail = l;
		ctx->errors++;
		flush_local(ctx);
	}
	ctl_warn("out of memory");
	ctx->failed = true;
	return -1;
}

/* What a reason says about a PCRE2 limit: NULL when it is an ordinary hit,
 * else the daemon's detail ("" when it gives none). decorumd marks such a
 * reason with an "error" (a message, or an object with one) or a "limit"
 * field. */
static const char *
reason_limit(const json_t *reason)
{
	const json_t	*e = json_object_get(reason, "error");
	const json_t	*l = json_object_get(reason, "limit");
	const char	*s;

	if (e == NULL && (l == NULL || json_is_false(l) || json_is_null(l)))
		return NULL;
	if ((s = json_string_value(e)) != NULL)
		return s;
	if (json_is_object(e) &&
	    ((s = json_string_value(json_object_get(e, "message"))) != NULL ||
	    (s = json_string_value(json_object_get(e, "code"))) != NULL))
		return s;
	if ((s = json_string_value(l)) != NULL)
		return s;
	return "";
}

/* One reason as `rule [start,end) "match"` (a model's as `rule score P
 * [start,end) "match"`); a limit hit as
 * `rule  regex limit hit: held for review`. The span and the match are
 * left out when the reason has none. */
static void
print_reason(const json_t *reason, bool shadow, const char *decision)
{
	const char	*rule = json_string_value(json_object_get(reason, "rule"));
	const char	*match = json_string_value(json_object_get(reason, "match"));
	const json_t	*start = json_object_get(reason, "start");
	const json_t	*end = json_object_get(reason, "end");
	const char	*limit = reason_limit(reason);

	const json_t	*score = json_object_get(reason, "score");

	printf("%s%s", shadow ? "(shadow) " : "", rule ? rule : "?");
	/* a learned model's hit: how sure it is */
	if (json_is_number(score))
		printf(" score %.4f", json_number_value(score));
	if (limit != NULL) {
		/* Its span is the whole comment or nothing: not worth a line
		 * of text. */
		/* A shadow rule never holds a comment, nor does a limit hit
		 * beside a rule that rejects it. */
		printf("  regex limit hit%s", !shadow &&
		    strcmp(decision, "review") == 0 ? ": held for review" : "");
		if (*limit != '\0' && strstr(limit, "limit") == NULL)
			printf(" (%s)", limit);
		putchar('\n');
		return;
	}
	if (json_is_integer(start) && json_is_integer(end))
		printf(" [%" JSON_INTEGER_FORMAT ",%" JSON_INTEGER_FORMAT ")",
		    json_integer_value(start), json_integer_value(end));
	if (match != NULL) {
		putchar(' ');
		ctl_print_quoted(stdout, match);
	}
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
		print_reason(item, false, decision);
	}
	json_array_foreach(json_object_get(a, "shadow"), i, item) {
		if (n++)
			printf("%*s", (int)indent, "");
		print_reason(item, true, decision);
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

	a = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
	if (a == NULL || !json_is_object(a)) {
		ctl_warn("decorumd sent an answer that is not a JSON object: "
		    "%.80s", line);
		json_decref(a);
		ctx->failed = true;
		return -1;
	}
	if (json_object_get(a, "error") != NULL)
		ctx->errors++;
	if (ctx->json) {
		fwrite(line, 1, len, stdout);
		putchar('\n');
	} else {
		print_answer(a);
	}
	json_decref(a);
	ctx->answered++;
	flush_local(ctx);
	/* Interactive use sees each answer as it comes. */
	fflush(stdout);
	return 0;
}

int
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
		case 'h': cmd_check_usage(stdout); return CTL_EXIT_OK;
		default: cmd_check_usage(stderr); return CTL_EXIT_USAGE;
		}
	}
	if (ctx.policy != NULL &&
	    text_utf8_invalid_at(ctx.policy, strlen(ctx.policy)) >= 0) {
		ctl_warn("--policy is not valid UTF-8");
		return CTL_EXIT_USAGE;
	}
	if (optind < argc) {
		ctx.texts = argv + optind;
		ctx.n_texts = argc - optind;
	}
	if ((c = ctl_connect(socket_path)) == NULL)
		return CTL_EXIT_USAGE;
	/* A person typing wants each answer before the next line. */
	depth = ctx.texts == NULL && isatty(STDIN_FILENO) ? 1 :
	    CLIENT_DEFAULT_DEPTH;
	rc = client_run(c, depth, 0, check_next, check_answer, &ctx);
	if (rc != 0 && !ctx.failed)
		ctl_warn("%s", client_error(c));
	client_close(c);
	if (rc == 0)
		flush_local(&ctx);	/* after the last answer */
	while (ctx.local_head != NULL) {
		struct check_local *l = ctx.local_head;

		ctx.local_head = l->next;
		free(l);
	}
	free(ctx.line);
	if (rc != 0)
		return CTL_EXIT_USAGE;
	if (ctx.errors > 0)
		return CTL_EXIT_FAIL;
	return fflush(stdout) == 0 ? CTL_EXIT_OK : CTL_EXIT_USAGE;
}
