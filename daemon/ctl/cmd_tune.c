/* cmd_tune: `decorumctl tune` — the I/O around the fit (tune.c). Reads
 * labelled corpus files, runs each comment through the rules loaded
 * locally (the daemon's answers list only the hits of categories that
 * decided, and carry no weights) and pipelines it to the running daemon
 * to check that both decide alike, then fits and prints the figures
 * before and after, the policy block and the changed weights. It writes
 * no file. Called by main_decorumctl.c. */
#include "cmd_tune.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "client.h"
#include "config.h"
#include "corpus_reader.h"
#include "ctl_util.h"
#include "engine.h"
#include "severity.h"
#include "tune.h"
#include "tune_report.h"

#define TUNE_DEFAULT_MIN_SUPPORT	5
#define TUNE_DEFAULT_FOLDS		3
#define TUNE_SWEEPS			4

void
cmd_tune_usage(FILE *out)
{
	fputs(
"usage: decorumctl [-s SOCKET] tune [--policy NAME] [-c CONFIG] [-R RULES_DIR]\n"
"           [--target-fpr X] [--max-review X] [--min-support N] [--folds K]\n"
"           FILE.jsonl...\n"
"\n"
"Refit rule weights and per-category reject_at/review_at on a labelled\n"
"corpus ({\"text\",\"labels\":[...]} a line, [] = acceptable) to catch the\n"
"most unacceptable comments without rejecting more acceptable ones than\n"
"--target-fpr allows nor holding more for review than today (or\n"
"--max-review). Prints the figures before and after, a policy block to\n"
"paste and the changed weights; edits no file. The hits come from the\n"
"rules loaded from CONFIG and RULES_DIR (the daemon's answers carry no\n"
"weights); every comment is also sent to the daemon, which must decide\n"
"as they do.\n"
"\n"
"  -p, --policy NAME     the policy to tune (default: the default one)\n"
"  -c, --config FILE     the daemon's configuration (default\n"
"                        " CONFIG_DEFAULT_FILE ")\n"
"  -R, --rules DIR       its rules directory (default: rules_dir of CONFIG)\n"
"      --target-fpr X    reject at most this share of the acceptable\n"
"                        comments (default: as many as today)\n"
"      --max-review X    hold at most this share of them for review\n"
"                        (default: as many as today)\n"
"      --min-support N   rules counting in fewer comments keep their\n"
"                        weight (default 5)\n"
"      --folds K         cross-validated figures over K folds (default 3;\n"
"                        0: none)\n"
"  -s, --socket SOCKET   decorumd's socket (as before the command)\n"
"  -h, --help            this help\n"
"\n"
"exit status: 0 ok, 2 usage, input or connection errors\n",
	    out);
}

struct tune_ctx {
	/* input */
	struct corpus_reader	  corpus;
	const char		 *policy_name;
	/* the local engine */
	struct engine		 *e;
	const struct policy	 *p;
	struct check_scratch	  cs;
	struct tune_hit		 *hits;
	size_t			  hits_cap;
	struct tune		 *t;
	/* per comment: the local and the daemon's decision (-1: error),
	 * and whether a hit counts in it */
	signed char		 *local, *remote;
	bool			 *has_hits;
	size_t			  dec_cap;
	/* answers that list none of the comment's counting hits */
	long			  unlisted;
	uint64_t		  labelled;	/* categories labels name */
	long			  sent, answered, n_bad;
	bool			  failed;
};

static int
oom(struct tune_ctx *ctx)
{
	ctl_warn("out of memory");
	ctx->failed = true;
	return -1;
}

/* The labels that name a category, as bits. */
static uint64_t
label_bits(const struct tune_ctx *ctx, const json_t *labels)
{
	uint64_t	 bits = 0;
	size_t		 i;
	json_t		*l;

	json_array_foreach(labels, i, l) {
		int c = json_string_value(l) ?
		    rules_find_category(ctx->e->rb, json_string_value(l)) : -1;

		if (c >= 0)
			bits |= (uint64_t)1 << c;
	}
	return bits;
}

/* Runs the comment through the local rules and adds it to the fit; its
 * index, or -1. */
static long
add_local(struct tune_ctx *ctx, const json_t *src)
{
	const json_t	*text = json_object_get(src, "text");
	const json_t	*labels = json_object_get(src, "labels");
	const struct match_scratch *ms = &ctx->cs.ms;
	size_t		 n = 0;
	uint64_t	 forced = 0, bits;
	long		 k;

	if (engine_check(ctx->e, ctx->p, &ctx->cs, json_string_value(text),
	    json_string_length(text)) != 0)
		return -1;
	if (ms->nhits > ctx->hits_cap) {
		struct tune_hit *h = realloc(ctx->hits,
		    ms->nhits * sizeof(*h));

		if (h == NULL)
			return -1;
		ctx->hits = h;
		ctx->hits_cap = ms->nhits;
	}
	/* what offence.c and decide.c count */
	for (size_t i = 0; i < ms->nhits; i++) {
		const struct hit *h = &ms->hits[i];

		if (h->suppressed || rules_is_shadow(ctx->e->rb, h->rule))
			continue;
		if (h->limit || h->review) {
			forced |= (uint64_t)1 <<
			    rules_category_of(ctx->e->rb, h->rule);
			continue;
		}
		if (severity_rule_outcome(ctx->p, ctx->e->rb, h->rule) ==
		    SEV_ACCEPT)
			continue;
		ctx->hits[n].rule = h->rule;
		ctx->hits[n].start = h->start;
		ctx->hits[n].end = h->end;
		n++;
	}
	bits = label_bits(ctx, labels);
	ctx->labelled |= bits;
	k = tune_add(ctx->t, json_array_size(labels) > 0, bits, ctx->hits, n,
	    forced);
	if (k < 0)
		return -1;
	if ((size_t)k >= ctx->dec_cap) {
		size_t		 cap = ctx->dec_cap ? ctx->dec_cap * 2 : 1024;
		signed char	*l = realloc(ctx->local, cap);
		bool		*h;

		if (l == NULL)
			return -1;
		ctx->local = l;
		if ((l = realloc(ctx->remote, cap)) == NULL)
			return -1;
		ctx->remote = l;
		if ((h = realloc(ctx->has_hits, cap)) == NULL)
			return -1;
		ctx->has_hits = h;
		ctx->dec_cap = cap;
	}
	ctx->local[k] = (signed char)ctx->cs.v.decision;
	ctx->remote[k] = -1;
	ctx->has_hits[k] = n > 0;
	ctx->n_bad += json_array_size(labels) > 0;
	return k;
}

static int
tune_next(void *arg, struct client *c)
{
	struct tune_ctx	*ctx = arg;
	json_t		*src, *req;
	char		*buf;
	long		 k;
	int		 r;

	if ((r = corpus_reader_next(&ctx->corpus, &src)) < 0)
		ctx->failed = true;	/* the reader said why */
	if (r <= 0)
		return r;
	if ((k = add_local(ctx, src)) < 0) {
		json_decref(src);
		return oom(ctx);
	}
	/* the comment's index is its id: answers come back in order */
	req = json_pack("{s:I,s:O}", "id", (json_int_t)k, "text",
	    json_object_get(src, "text"));
	json_decref(src);
	if (req == NULL || (ctx->policy_name != NULL &&
	    json_object_set_new(req, "policy",
	    json_string(ctx->policy_name)) != 0) ||
	    (buf = json_dumps(req, JSON_COMPACT)) == NULL) {
		json_decref(req);
		return oom(ctx);
	}
	json_decref(req);
	r = client_queue(c, buf, strlen(buf));
	free(buf);
	if (r != 0)
		return oom(ctx);
	ctx->sent++;
	return 1;
}

static int
tune_answer(void *arg, const char *line, size_t len)
{
	struct tune_ctx	*ctx = arg;
	json_error_t	 jerr;
	json_t		*a = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
	json_t		*id = json_object_get(a, "id");
	long		 k = ctx->answered++;
	const char	*d;
	int		 rc = -1;

	if (a == NULL || !json_is_object(a)) {
		ctl_warn("decorumd sent an answer that is not a JSON object: "
		    "%.80s", line);
		goto out;
	}
	if (json_is_integer(id) && json_integer_value(id) != k) {
		ctl_warn("answer out of order: expected id %ld, got %"
		    JSON_INTEGER_FORMAT, k, json_integer_value(id));
		goto out;
	}
	d = replay_decision(a);
	ctx->remote[k] = strcmp(d, "reject") == 0 ? TUNE_REJECT :
	    strcmp(d, "review") == 0 ? TUNE_REVIEW :
	    strcmp(d, "accept") == 0 ? TUNE_ACCEPT : -1;
	/* reasons list only the hits of categories that decided */
	if (ctx->remote[k] >= 0 && ctx->has_hits[k] &&
	    json_array_size(json_object_get(a, "reasons")) == 0)
		ctx->unlisted++;
	if (ctx->remote[k] < 0 && ctx->answered == 1 &&
	    json_object_get(a, "error") != NULL) {
		const char *m = json_string_value(json_object_get(
		    json_object_get(a, "error"), "message"));

		ctl_warn("decorumd: %s", m ? m : "error answer");
	}
	rc = 0;
out:
	if (rc != 0)
		ctx->failed = true;
	json_decref(a);
	return rc;
}

/* ---- the command ---- */

static void
print_tuned_categories(const struct tune_ctx *ctx)
{
	size_t	ncats = rules_category_count(ctx->e->rb);
	bool	first = true;

	printf("categories tuned (named by some label): ");
	for (size_t c = 0; c < ncats; c++) {
		if (ctx->labelled != 0 && !((ctx->labelled >> c) & 1))
			continue;
		printf("%s%s", first ? "" : ", ",
		    rules_category_name(ctx->e->rb, (uint32_t)c));
		first = false;
	}
	printf("%s\n", ctx->labelled == 0 ? " (no label names a category: "
	    "all)" : "");
}

static struct tune *
tune_for(const struct engine *e, const struct policy *p)
{
	const struct rulebook	*rb = e->rb;
	size_t			 nrules = rules_count(rb);
	size_t			 ncats = rules_category_count(rb);
	struct tune_rule	*rules;
	struct tune_thresholds	 th;
	struct tune		*t;

	if (ncats > TUNE_MAX_CATEGORIES) {
		ctl_warn("%zu categories: tune handles at most %d", ncats,
		    TUNE_MAX_CATEGORIES);
		return NULL;
	}
	if ((rules = calloc(nrules ? nrules : 1, sizeof(*rules))) == NULL) {
		ctl_warn("out of memory");
		return NULL;
	}
	for (size_t r = 0; r < nrules; r++) {
		rules[r].weight = rules_weight(rb, (uint32_t)r);
		rules[r].category = rules_category_of(rb, (uint32_t)r);
		rules[r].most = (enum tune_outcome)severity_rule_outcome(p, rb,
		    (uint32_t)r);
	}
	for (size_t c = 0; c < ncats; c++) {
		th.reject_at[c] = p->reject_at[c];
		th.review_at[c] = p->review_at[c];
	}
	if ((t = tune_new(rules, nrules, ncats, &th)) == NULL)
		ctl_warn("out of memory");
	free(rules);
	return t;
}

/* Warns about comments the daemon, the local rules and tune's own
 * scoring do not decide alike; 0 when they all agree. */
static long
check_agreement(const struct tune_ctx *ctx)
{
	size_t		 n = tune_count(ctx->t), nrules = rules_count(ctx->e->rb);
	double		*w = malloc((nrules ? nrules : 1) * sizeof(*w));
	struct tune_thresholds th;
	long		 errors = 0, differ = 0, unlike = 0;

	if (w == NULL) {
		ctl_warn("out of memory");
		return -1;
	}
	for (size_t r = 0; r < nrules; r++)
		w[r] = rules_weight(ctx->e->rb, (uint32_t)r);
	for (size_t c = 0; c < rules_category_count(ctx->e->rb); c++) {
		th.reject_at[c] = ctx->p->reject_at[c];
		th.review_at[c] = ctx->p->review_at[c];
	}
	for (size_t i = 0; i < n; i++) {
		if (ctx->remote[i] < 0)
			errors++;
		else if (ctx->remote[i] != ctx->local[i])
			differ++;
		if ((int)tune_decide(ctx->t, i, w, &th, NULL) != ctx->local[i])
			unlike++;
	}
	free(w);
	printf("daemon check: %zu comments, %ld decided otherwise by the "
	    "daemon, %ld error answers; %ld answers list none of their "
	    "comment's hits (below every threshold)\n", n, differ, errors,
	    ctx->unlisted);
	if (differ > 0)
		ctl_warn("the daemon decided %ld of %zu comments otherwise than "
		    "the rules loaded here: tune the files it runs (-c, -R)",
		    differ, n);
	if (errors > 0)
		ctl_warn("%ld error answers (counted as the rules decide here)",
		    errors);
	if (unlike > 0)
		ctl_warn("internal error: the scoring of %ld comments differs "
		    "from the engine's", unlike);
	return differ + errors + unlike;
}

static struct engine *
load_engine(const char *config_path, const char *rules_dir)
{
	struct engine_opts	 eo = { 0 };
	struct diag		 d;
	struct engine		*e;

	eo.config_path = config_path ? config_path : CONFIG_DEFAULT_FILE;
	eo.rules_dir = rules_dir;
	eo.generation = 1;
	diag_init(&d);
	e = engine_load(&eo, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	if (e == NULL)
		ctl_warn("cannot load %s%s%s", eo.config_path,
		    rules_dir ? " with the rules of " : "",
		    rules_dir ? rules_dir : "");
	return e;
}

int
cmd_tune(const char *socket_path, int argc, char **argv)
{
	enum { OPT_TARGET = 256, OPT_MAX_REVIEW, OPT_MIN_SUPPORT, OPT_FOLDS };
	static const struct option longopts[] = {
		{ "policy",	required_argument,	NULL, 'p' },
		{ "config",	required_argument,	NULL, 'c' },
		{ "rules",	required_argument,	NULL, 'R' },
		{ "target-fpr",	required_argument,	NULL, OPT_TARGET },
		{ "max-review",	required_argument,	NULL, OPT_MAX_REVIEW },
		{ "min-support", required_argument,	NULL, OPT_MIN_SUPPORT },
		{ "folds",	required_argument,	NULL, OPT_FOLDS },
		{ "socket",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct tune_ctx		 ctx;
	struct tune_params	 tp = { .target_frej = NAN, .max_review = NAN,
				    .min_support = TUNE_DEFAULT_MIN_SUPPORT,
				    .sweeps = TUNE_SWEEPS,
				    .folds = TUNE_DEFAULT_FOLDS };
	struct tune_result	 res;
	struct client		*c = NULL;
	const char		*config_path = NULL, *rules_dir = NULL;
	long			 folds = TUNE_DEFAULT_FOLDS;
	double			 t0 = ctl_now();
	int			 opt, rc = CTL_EXIT_USAGE;

	memset(&ctx, 0, sizeof(ctx));
	memset(&res, 0, sizeof(res));
	optind = 0;
	while ((opt = getopt_long(argc, argv, "p:c:R:s:h", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'p': ctx.policy_name = optarg; break;
		case 'c': config_path = optarg; break;
		case 'R': rules_dir = optarg; break;
		case OPT_TARGET:
			if (ctl_parse_double("--target-fpr", optarg, 0, 1,
			    &tp.target_frej) != 0)
				return CTL_EXIT_USAGE;
			break;
		case OPT_MAX_REVIEW:
			if (ctl_parse_double("--max-review", optarg, 0, 1,
			    &tp.max_review) != 0)
				return CTL_EXIT_USAGE;
			break;
		case OPT_MIN_SUPPORT:
			if (ctl_parse_long("--min-support", optarg, 1, 1000000000,
			    &tp.min_support) != 0)
				return CTL_EXIT_USAGE;
			break;
		case OPT_FOLDS:
			if (ctl_parse_long("--folds", optarg, 0, 20, &folds) != 0)
				return CTL_EXIT_USAGE;
			tp.folds = (int)folds;
			break;
		case 's': socket_path = optarg; break;
		case 'h': cmd_tune_usage(stdout); return CTL_EXIT_OK;
		default: cmd_tune_usage(stderr); return CTL_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		ctl_warn("tune needs at least one FILE.jsonl");
		cmd_tune_usage(stderr);
		return CTL_EXIT_USAGE;
	}
	corpus_reader_init(&ctx.corpus, argv + optind, argc - optind, NULL,
	    NULL);
	check_scratch_init(&ctx.cs);
	if ((ctx.e = load_engine(config_path, rules_dir)) == NULL)
		goto out;
	if ((ctx.p = policies_find(&ctx.e->policies, ctx.policy_name)) == NULL) {
		ctl_warn("%s has no policy named %s", config_path ? config_path :
		    CONFIG_DEFAULT_FILE, ctx.policy_name);
		goto out;
	}
	if ((ctx.t = tune_for(ctx.e, ctx.p)) == NULL)
		goto out;
	if ((c = ctl_connect(socket_path)) == NULL)
		goto out;
	if (client_run(c, CLIENT_DEFAULT_DEPTH, 0, tune_next, tune_answer,
	    &ctx) != 0) {
		if (!ctx.failed)
			ctl_warn("%s", client_error(c));
		goto out;
	}
	if (tune_count(ctx.t) == 0) {
		ctl_warn("no comment to tune on");
		goto out;
	}
	printf("tune: policy %s, %zu comments (%ld acceptable, %ld "
	    "unacceptable)", ctx.p->name, tune_count(ctx.t),
	    (long)tune_count(ctx.t) - ctx.n_bad, ctx.n_bad);
	if (corpus_reader_skipped(&ctx.corpus) > 0)
		printf(", %ld input lines skipped",
		    corpus_reader_skipped(&ctx.corpus));
	putchar('\n');
	if (check_agreement(&ctx) < 0)
		goto out;
	/* a category the corpus never labels would look like nothing but
	 * false positives: leave its rules and thresholds alone */
	tp.categories = ctx.labelled;
	print_tuned_categories(&ctx);
	if (tune_fit(ctx.t, &tp, &res) != 0) {
		ctl_warn("out of memory");
		goto out;
	}
	{
		long	 tunable = 0, counted = 0;
		size_t	 nrules = rules_count(ctx.e->rb);

		for (size_t r = 0; r < nrules; r++) {
			long		s = tune_support(ctx.t, (uint32_t)r);
			uint32_t	cat = rules_category_of(ctx.e->rb,
					    (uint32_t)r);

			counted += s > 0;
			tunable += s >= tp.min_support &&
			    (ctx.labelled == 0 || ((ctx.labelled >> cat) & 1));
		}
		printf("rules: %ld counted in some comment, %ld of them in at "
		    "least %ld and in a tuned category (the others keep their "
		    "weight)\n", counted, tunable, tp.min_support);
		printf("caps: at most %ld acceptable comments rejected, %ld "
		    "reviewed%s\n", res.max_ok_rejected, res.max_ok_reviewed,
		    res.feasible ? "" : " (not met: the best found is shown)");
	}
	tune_report_figures(ctx.e->rb, &res);
	tune_report_policy(ctx.e->rb, ctx.p, &res);
	if (tune_report_weights(ctx.e->rb, &res) != 0) {
		ctl_warn("out of memory");
		goto out;
	}
	if (fflush(stdout) != 0) {
		ctl_warn("writing standard output: %s", strerror(errno));
		goto out;
	}
	fprintf(stderr, "decorumctl: tune took %.1f s\n", ctl_now() - t0);
	rc = CTL_EXIT_OK;
out:
	corpus_reader_free(&ctx.corpus);
	free(ctx.hits);
	free(ctx.local);
	free(ctx.remote);
	free(ctx.has_hits);
	tune_result_free(&res);
	tune_free(ctx.t);
	check_scratch_free(&ctx.cs);
	if (ctx.e != NULL)
		engine_unref(ctx.e);
	client_close(c);
	return rc;
}
