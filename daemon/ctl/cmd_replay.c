/* cmd_replay: `decorumctl replay` — the I/O around the replay scorer
 * (replay.c): reads labeled corpus files (corpus_reader.c), pipelines
 * their texts to decorumd, hands each answer with its labels to the
 * scorer, and prints the report, the --diff against an earlier --out
 * run, and the exit status for CI thresholds. Called by
 * main_decorumctl.c. */
#include "cmd_replay.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "client.h"
#include "corpus_reader.h"
#include "ctl_util.h"
#include "replay.h"

void
cmd_replay_usage(FILE *out)
{
	fputs(
"usage: decorumctl [-s SOCKET] replay [--policy NAME] [--out FILE]\n"
"           [--diff OLD] [--examples N] [--min-f1 X] [--max-fpr Y] [--json]\n"
"           [--review-rejects] FILE.jsonl...\n"
"\n"
"Send a labeled corpus ({\"id\",\"text\",\"labels\":[...]} a line, [] =\n"
"acceptable) and print precision, recall, F1 and false-positive rate of\n"
"reject-vs-accept per file and overall, per-category precision and recall,\n"
"and the rules ordered by precision, worst first.\n"
"\n"
"  -p, --policy NAME     use this configured policy instead of the default\n"
"  -o, --out FILE        write every answer with its labels and text\n"
"      --diff OLD        list comments whose decision changed since the run\n"
"                        that wrote OLD with --out, and the rules why\n"
"      --examples N      show the N worst false positives and negatives\n"
"      --min-f1 X        exit 1 when the overall F1 is below X\n"
"      --max-fpr Y       exit 1 when the overall false-positive rate is\n"
"                        above Y\n"
"      --review-rejects  count review decisions as rejections\n"
"  -j, --json            print the results as one JSON object\n"
"  -s, --socket SOCKET   decorumd's socket (as before the command)\n"
"  -h, --help            this help\n"
"\n"
"exit status: 0 ok, 1 a threshold was missed, 2 usage, input or connection\n"
"errors, or a run where no comment was scored or every answer was an error\n",
	    out);
}

/* A request sent whose answer has not come back yet. */
struct pending {
	json_t		*src;	/* the corpus line */
	json_t		*id;	/* the id sent */
	const char	*file;
};

struct replay_ctx {
	/* input */
	struct corpus_reader corpus;
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
	long		  sent, answered;
	bool		  progress;
	double		  last_progress;
	bool		  failed;	/* already reported */
};

static void
replay_progress(struct replay_ctx *ctx, bool force)
{
	const char	*file;
	double		 t;

	if (!ctx->progress)
		return;
	t = ctl_now();
	if (!force && t - ctx->last_progress < 0.2)
		return;
	ctx->last_progress = t;
	file = corpus_reader_file(&ctx->corpus);
	fprintf(stderr, "\r\033[K%s: %ld answered, %ld in flight",
	    file ? file : "done", ctx->answered, ctx->sent - ctx->answered);
}

static void
replay_progress_clear(struct replay_ctx *ctx)
{
	if (ctx->progress)
		fputs("\r\033[K", stderr);
}

/* The corpus reader's hook: its warnings go on a line of their own. */
static void
progress_clear_hook(void *arg)
{
	replay_progress_clear(arg);
}

static int
replay_next(void *arg, struct client *c)
{
	struct replay_ctx	*ctx = arg;
	const char		*file;
	json_t			*src, *id, *req;
	char			*buf;
	int			 r;
	size_t			 slot;

	if ((r = corpus_reader_next(&ctx->corpus, &src)) <= 0) {
		if (r < 0)
			ctx->failed = true;
		return r;
	}
	file = corpus_reader_file(&ctx->corpus);
	id = json_object_get(src, "id");
	if (json_is_string(id) || json_is_number(id)) {
		json_incref(id);
	} else {
		char *fl = NULL;

		if (asprintf(&fl, "%s:%ld", file,
		    corpus_reader_line(&ctx->corpus)) < 0)
			fl = NULL;
		id = fl ? json_string(fl) : NULL;
		free(fl);
	}
	req = json_object();
	if (id == NULL || req == NULL ||
	    json_object_set(req, "id", id) ||
	    json_object_set(req, "text", json_object_get(src, "text")) ||
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
	ctx->ring[slot].file = file;
	ctx->sent++;
	return 1;
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
		ctl_print_quoted(stdout, ex[i].text);
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
		ctl_print_quoted(stdout, c->text);
		putchar('\n');
	}
}

/* 0 when the thresholds hold, CTL_EXIT_FAIL with reasons on stderr. */
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
			rc = CTL_EXIT_FAIL;
		} else if (f1 < min_f1) {
			ctl_warn("overall F1 %.4f is below --min-f1 %g", f1,
			    min_f1);
			rc = CTL_EXIT_FAIL;
		}
	}
	if (!isnan(max_fpr)) {
		if (isnan(fpr)) {
			ctl_warn("false-positive rate is undefined (no "
			    "acceptable comment), --max-fpr %g not met",
			    max_fpr);
			rc = CTL_EXIT_FAIL;
		} else if (fpr > max_fpr) {
			ctl_warn("overall false-positive rate %.4f is above "
			    "--max-fpr %g", fpr, max_fpr);
			rc = CTL_EXIT_FAIL;
		}
	}
	return rc;
}

int
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
	int				 opt, rc = CTL_EXIT_USAGE;

	memset(&ctx, 0, sizeof(ctx));
	optind = 0;
	while ((opt = getopt_long(argc, argv, "p:o:js:h", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'p': ctx.policy = optarg; break;
		case 'o': ctx.out_path = optarg; break;
		case OPT_DIFF: diff_path = optarg; break;
		case OPT_EXAMPLES:
			if (ctl_parse_long("--examples", optarg, 0, 1000000,
			    &examples) != 0)
				return CTL_EXIT_USAGE;
			break;
		case OPT_MIN_F1:
			if (ctl_parse_double("--min-f1", optarg, 0, 1,
			    &min_f1) != 0)
				return CTL_EXIT_USAGE;
			break;
		case OPT_MAX_FPR:
			if (ctl_parse_double("--max-fpr", optarg, 0, 1,
			    &max_fpr) != 0)
				return CTL_EXIT_USAGE;
			break;
		case 'j': json = true; break;
		case OPT_REVIEW_REJECTS: review_rejects = true; break;
		case 's': socket_path = optarg; break;
		case 'h': cmd_replay_usage(stdout); return CTL_EXIT_OK;
		default: cmd_replay_usage(stderr); return CTL_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		ctl_warn("replay needs at least one FILE.jsonl");
		cmd_replay_usage(stderr);
		return CTL_EXIT_USAGE;
	}
	corpus_reader_init(&ctx.corpus, argv + optind, argc - optind,
	    progress_clear_hook, &ctx);
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
	if ((c = ctl_connect(socket_path)) == NULL)
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
			    json_integer(corpus_reader_skipped(&ctx.corpus)));
		if (o == NULL || json_dumpf(o, stdout, JSON_INDENT(2)) != 0) {
			ctl_warn("out of memory");
			json_decref(o);
			goto out;
		}
		putchar('\n');
		json_decref(o);
	} else {
		print_report(rep, (size_t)examples, review_rejects,
		    corpus_reader_skipped(&ctx.corpus));
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
	corpus_reader_free(&ctx.corpus);
	while (ctx.ring != NULL && ctx.ring_len > 0) {
		json_decref(ctx.ring[ctx.ring_head].src);
		json_decref(ctx.ring[ctx.ring_head].id);
		ctx.ring_head = (ctx.ring_head + 1) % ctx.ring_cap;
		ctx.ring_len--;
	}
	free(ctx.ring);
	replay_free(ctx.score);
	replay_diff_free(ctx.diff);
	client_close(c);
	return rc;
}

