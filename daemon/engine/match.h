/* match: run the rules of the enabled rule sets over a comment's views
 * and collect the hits, with allow-list and except suppression applied.
 * No I/O; all memory lives in the caller's match_scratch and is reused. */
#ifndef DECORUM_MATCH_H
#define DECORUM_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "model.h"
#include "norm.h"
#include "prefilter.h"
#include "rules.h"

/* Views scanned by the prefilter side by side; past this many, one by
 * one. */
#define MATCH_MAX_SCANS	8

/* At most this many hits of one rule are reported for one comment. */
#define MATCH_MAX_HITS_PER_RULE 8

struct hit {
	uint32_t	 rule;
	uint32_t	 group;
	uint32_t	 vstart, vend;	/* in the view of the rule's group */
	uint32_t	 start, end;	/* in the original text */
	bool		 limit;		/* the regex hit a PCRE2 limit, or budget */
	bool		 budget;	/* the comment's regex budget ran out here */
	bool		 suppressed;	/* inside an allow/except entry */
	/* a model's hit: its probability (else -1), and whether it lies
	 * between the model's review and reject thresholds (review only) */
	float		 score;
	bool		 review;
};

/* A model's hit names at most this many spans, the words that pushed
 * its score up most. */
#define MATCH_MODEL_SPANS	3

struct allow_span {
	uint32_t	 owner;		/* index in rulebook.owners */
	uint32_t	 group;
	uint32_t	 start, end;	/* view offsets */
};

struct match_scratch {
	struct views	 views;
	struct model_feats feats;	/* model rules' features */
	struct hit	*hits;
	size_t		 nhits, hits_cap;
	struct allow_span *allows;
	size_t		 nallows, allows_cap;
	uint8_t		*per_rule;	/* hits recorded per rule */
	struct prefilter_found *found;	/* prefilter: per regex */
	struct prefilter_scratch pfs[PREFILTER_MAX_JOBS];
	size_t		 per_rule_cap;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack	*jit;
	/* the comment's regex budget (rules_limits.budget_ms), in ns */
	uint64_t	 budget_ns;
	uint64_t	 wall0;		/* coarse clock at the first regex */
	uint64_t	 wall_seen;	/* coarse clock at the last look */
	uint64_t	 cpu0;		/* thread CPU time when first read */
	uint64_t	 before_cpu0;	/* what counts as spent before cpu0 */
	bool		 cpu_clock;	/* cpu0 is set */
	bool		 slow;		/* spent MATCH_SLOW_NS already */
	bool		 over_budget;
	/* set during a run */
	const struct rulebook *rb;
	const bool	*sets;
	uint32_t	 group;
	bool		 oom;
};

/* How one run goes, for benchmarks and comparisons; the default (NULL
 * or all zero) is how the daemon runs. The rulebook itself never
 * changes: these belong to the call. */
struct match_opts {
	bool		 no_prefilter;	/* run every regex everywhere */
	/* when set, time spent in each regex rule (indexed by rule) and
	 * how often it ran are added here */
	uint64_t	*prof_ns;
	uint32_t	*prof_runs;
	/* when set, time spent in each stage (MATCH_STAGE_*) is added here */
	uint64_t	*stage_ns;
};

/* The stages of a run, for match_opts.stage_ns. */
enum {
	MATCH_STAGE_VIEWS,		/* normalizing and folding */
	MATCH_STAGE_WORDS,		/* the word lists */
	MATCH_STAGE_PREFILTER,		/* the regexes' literal prefilter */
	MATCH_STAGE_RULES,		/* regexes, caps, models, context */
	MATCH_STAGES
};

int	match_scratch_init(struct match_scratch *ms, const struct rules_limits *lim);
void	match_scratch_free(struct match_scratch *ms);
/* Build the views of text and run every rule of the sets marked in
 * sets[] (indexed like rb->sets). Returns -1 when memory runs out. */
int	match_run(struct match_scratch *ms, const struct rulebook *rb,
	    const bool *sets, const char *text, size_t len);
/* The same, run as opts says (NULL: as match_run). */
int	match_run_opts(struct match_scratch *ms, const struct rulebook *rb,
	    const bool *sets, const char *text, size_t len,
	    const struct match_opts *opts);
/* Build only the views of text that the rules of rb read (benchmarks:
 * the cost of normalizing and folding alone). -1: out of memory. */
int	match_views(struct match_scratch *ms, const struct rulebook *rb,
	    const char *text, size_t len);

#endif
