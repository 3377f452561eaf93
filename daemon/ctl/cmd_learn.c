/* cmd_learn: `decorumctl learn` (cmd_learn.h). */
#include "cmd_learn.h"

#include <errno.h>
#include <getopt.h>
#include <string.h>
#include <unistd.h>

#include "ctl_util.h"
#include "diag.h"
#include "engine.h"
#include "learn.h"
#include "policy.h"

/* The rules a model is learned beside, run in this process. */
struct beside {
	struct engine		*e;
	const struct policy	*p;
	struct check_scratch	 cs;
};

static int
beside_rejects(void *ctx, const char *text, size_t len)
{
	struct beside *b = ctx;

	if (engine_check(b->e, b->p, &b->cs, text, len) == -1)
		return -1;
	return b->cs.v.decision == DECISION_REJECT;
}

static int
beside_load(struct beside *b, const char *config, const char *rules,
    const char *policy)
{
	struct engine_opts	eo = { 0 };
	struct diag		d;

	eo.config_path = config;
	eo.rules_dir = rules;
	eo.generation = 1;
	diag_init(&d);
	b->e = engine_load(&eo, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	if (b->e == NULL)
		return -1;
	if ((b->p = policies_find(&b->e->policies, policy)) == NULL) {
		ctl_warn("no policy named %s", policy);
		engine_unref(b->e);
		return -1;
	}
	check_scratch_init(&b->cs);
	return 0;
}

void
cmd_learn_usage(FILE *out)
{
	fputs(
"usage: decorumctl learn [--out FILE] [--category NAME] [--target-fpr X]\n"
"                        [--review-fpr X] [-c CONFIG] [-R RULES_DIR]\n"
"                        [--policy NAME] FILE.jsonl...\n"
"\n"
"Train a model on labelled comments in the replay format, one object a\n"
"line: {\"id\": ..., \"text\": ..., \"labels\": [...]}, a non-empty labels\n"
"array meaning a comment to reject. The features are decorumd's own (its\n"
"normal and folded views); the regularisation and the thresholds are\n"
"chosen by 5-fold cross-validation on the files, and the model is the\n"
"mean of the five fold models. A rule set uses it with\n"
"{ id = \"learned.site\"; model = \"learned.model\"; }.\n"
"\n"
"  -o, --out FILE         where to write the model (default learned.model)\n"
"      --category NAME    only this label counts as one to reject\n"
"  -f, --target-fpr X     the model's cross-validated false-positive rate\n"
"                         on acceptable rows at its reject threshold is at\n"
"                         most X (default 0.01), less a standard deviation\n"
"                         of the count it allows\n"
"  -r, --review-fpr X     also a review threshold, at which that rate is at\n"
"                         most X (above --target-fpr; default: none)\n"
"  -c, --config FILE      learn beside the rules of this configuration\n"
"  -R, --rules DIR        ... and this rules directory (either one is\n"
"                         enough): the rates above then count only the\n"
"                         comments the model rejects and the rules do not,\n"
"                         and the figures are those of the two together\n"
"      --policy NAME      the policy whose rules count (default: the\n"
"                         configuration's default policy)\n"
"  -q, --quiet            no progress lines on stderr\n"
"  -h, --help             this help\n"
"\n"
"exit status: 0 the model was written, 2 usage or input errors\n",
	    out);
}

static int
report(const struct model *m, const struct learn_summary *s,
    const struct learn_opts *o, const char *out)
{
	if (model_write(m, out) == -1) {
		ctl_warn("%s: %s", out, strerror(errno));
		return CTL_EXIT_USAGE;
	}
	printf("rows            %zu\n", s->rows);
	printf("to reject       %zu%s%s\n", s->positives,
	    o->category ? " as " : "", o->category ? o->category : "");
	printf("chosen C        %g\n", s->C);
	if (o->rules_reject != NULL)
		printf("rules alone     recall %.3f, FPR %.4f\n",
		    s->rules_recall, s->rules_fpr);
	printf("reject at       %.4f (cross-validated precision %.3f, "
	    "recall %.3f, FPR %.4f%s)\n", (double)m->reject_at, s->precision,
	    s->recall, s->fpr, o->rules_reject != NULL ? ", with the rules" :
	    "");
	if (m->review_at < m->reject_at)
		printf("review at       %.4f (cross-validated recall %.3f, "
		    "FPR %.4f)\n", (double)m->review_at, s->review_recall,
		    s->review_fpr);
	printf("model           %s, %zu bytes (%u hash bits)\n", out,
	    (size_t)MODEL_HEADER_SIZE + ((size_t)4 << m->bits), m->bits);
	printf("time            %.1f s\n", s->seconds);
	return fflush(stdout) == 0 ? CTL_EXIT_OK : CTL_EXIT_USAGE;
}

int
cmd_learn(const char *socket_path, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "out",	required_argument,	NULL, 'o' },
		{ "category",	required_argument,	NULL, 'k' },
		{ "target-fpr",	required_argument,	NULL, 'f' },
		{ "review-fpr",	required_argument,	NULL, 'r' },
		{ "config",	required_argument,	NULL, 'c' },
		{ "rules",	required_argument,	NULL, 'R' },
		{ "policy",	required_argument,	NULL, 'p' },
		{ "quiet",	no_argument,		NULL, 'q' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct learn_opts	 o;
	struct learn_summary	 s;
	struct model		*m;
	const char		*out = "learned.model";
	const char		*config = NULL, *rules = NULL, *policy = NULL;
	struct beside		 b = { 0 };
	int			 opt, rc;

	(void)socket_path;	/* learning needs no daemon */
	learn_opts_default(&o);
	o.progress = stderr;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "o:f:r:c:R:qh", longopts,
	    NULL)) != -1) {
		switch (opt) {
		case 'o': out = optarg; break;
		case 'k': o.category = optarg; break;
		case 'f':
			if (ctl_parse_double("--target-fpr", optarg, 0, 1,
			    &o.target_fpr) == -1)
				return CTL_EXIT_USAGE;
			break;
		case 'r':
			if (ctl_parse_double("--review-fpr", optarg, 0, 1,
			    &o.review_fpr) == -1)
				return CTL_EXIT_USAGE;
			break;
		case 'c': config = optarg; break;
		case 'R': rules = optarg; break;
		case 'p': policy = optarg; break;
		case 'q': o.progress = NULL; break;
		case 'h': cmd_learn_usage(stdout); return CTL_EXIT_OK;
		default: cmd_learn_usage(stderr); return CTL_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		cmd_learn_usage(stderr);
		return CTL_EXIT_USAGE;
	}
	if (o.review_fpr > 0 && o.review_fpr <= o.target_fpr) {
		ctl_warn("--review-fpr %g must be above --target-fpr %g",
		    o.review_fpr, o.target_fpr);
		return CTL_EXIT_USAGE;
	}
	if (policy != NULL && config == NULL && rules == NULL) {
		ctl_warn("--policy needs --config or --rules");
		return CTL_EXIT_USAGE;
	}
	if (config != NULL || rules != NULL) {
		if (beside_load(&b, config, rules, policy) == -1)
			return CTL_EXIT_USAGE;
		o.rules_reject = beside_rejects;
		o.rules_ctx = &b;
	}
	m = learn_files(argv + optind, argc - optind, &o, &s);
	if (b.e != NULL) {
		check_scratch_free(&b.cs);
		engine_unref(b.e);
	}
	if (m == NULL)
		return CTL_EXIT_USAGE;
	rc = report(m, &s, &o, out);
	model_free(m);
	return rc;
}
