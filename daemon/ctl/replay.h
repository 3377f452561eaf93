/* replay: scores decorumd's answers against human labels. Pure functions,
 * no I/O, so the figures decorumctl prints can be unit-tested.
 *
 * Everything is fed "result lines": a decorumd answer object with the
 * corpus line's truth added, exactly what `decorumctl replay --out` writes:
 *   {"id":..,"decision":..,"categories":[..],"reasons":[..],"shadow":[..],
 *    "labels":[..],"text":"..","file":".."}
 * or, for an error answer, {"id":..,"error":{"code":..,..},"labels":..}.
 * "labels": [] means the comment is acceptable. "text" and "file" are
 * optional. Positive = unacceptable = rejected: a review decision counts
 * as accepted unless review_rejects is set; an error answer counts as
 * accepted (and is counted apart). */
#ifndef DECORUM_REPLAY_H
#define DECORUM_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

/* Reject-vs-accept confusion matrix. */
struct replay_counts {
	long	tp, fp, fn, tn;
	long	reviews;	/* answers whose decision was review */
	long	errors;		/* error answers (counted as accepted) */
	/* three-way, whatever review_rejects says: acceptable comments
	 * rejected and held for review, unacceptable ones rejected or held */
	long	ok_rejected, ok_reviewed;
	long	bad_rejected, bad_reviewed;
};

/* A figure is NAN when undefined (a zero denominator). */
long	replay_total(const struct replay_counts *c);
double	replay_precision(const struct replay_counts *c);
double	replay_recall(const struct replay_counts *c);
double	replay_f1(const struct replay_counts *c);
double	replay_fpr(const struct replay_counts *c);
/* Three-way figures: rejected share of the acceptable comments (the
 * costliest error), reviewed share of the acceptable ones (a moderator's
 * load), and held share (rejected or reviewed) of the unacceptable ones;
 * then F1 and false-positive rate with a review counted as caught. */
double	replay_false_reject_rate(const struct replay_counts *c);
double	replay_review_load(const struct replay_counts *c);
double	replay_caught(const struct replay_counts *c);
double	replay_caught_f1(const struct replay_counts *c);
double	replay_caught_fpr(const struct replay_counts *c);

struct replay_file {
	char			*name;
	struct replay_counts	 counts;
};

/* A category is found in a comment when the answer's categories name it
 * and the comment counts as rejected (so per-category recall agrees with
 * the overall one when reviews count as accepted). */
struct replay_category {
	char	*name;
	long	 tp, fp, fn;	/* tp+fn = labeled with it; tp+fp = found */
};

/* One rule of the QA table; a rule counts once per comment. */
struct replay_rule {
	char	*id;
	char	*category;
	bool	 shadow;	/* seen in "shadow": reported, never counted */
	long	 hits_bad;	/* on unacceptable comments */
	long	 hits_ok;	/* on acceptable comments */
};
double	replay_rule_precision(const struct replay_rule *r);

/* A false positive or false negative, for --examples. */
struct replay_example {
	char	*id;		/* id as text */
	char	*file;		/* "" when unknown */
	char	*text;		/* truncated, "" when unknown */
	char	*labels;	/* comma-joined truth labels */
	char	*decision;	/* accept | review | reject | error */
	char	*rules;		/* comma-joined counted rule ids */
	long	 rank;		/* larger = worse */
	long	 seq;		/* input order, breaks ties */
};

struct replay_error_code {
	char	*code;
	long	 count;
};

struct replay_report {
	struct replay_counts		 overall;
	struct replay_file		*files;		/* in order of appearance */
	size_t				 n_files;
	struct replay_category		*categories;	/* by name */
	size_t				 n_categories;
	struct replay_rule		*rules;		/* worst precision first */
	size_t				 n_rules;
	struct replay_example		*false_pos;	/* worst first */
	size_t				 n_false_pos;
	struct replay_example		*false_neg;	/* worst first */
	size_t				 n_false_neg;
	struct replay_error_code		*error_codes;	/* most frequent first */
	size_t				 n_error_codes;
};

enum replay_verdict {
	REPLAY_TN,
	REPLAY_FP,
	REPLAY_FN,
	REPLAY_TP,
};

struct replay;

struct replay	*replay_new(bool review_rejects);
void		 replay_free(struct replay *r);
/* Scores one result line. Returns its verdict, or -1 when the line has no
 * "labels" array (nothing counted) or memory ran out (the figures may then
 * be incomplete: stop). */
int		 replay_add(struct replay *r, const json_t *line);
/* Sorts and returns the figures; valid until the next replay_add or
 * replay_free. */
const struct replay_report *replay_finish(struct replay *r);
/* The whole report as one JSON object (NAN figures become null), with at
 * most max_examples false positives and negatives. NULL when out of memory. */
json_t		*replay_report_json(const struct replay_report *rep,
		    size_t max_examples);

/* The three-way table (false reject, review load, caught, and F1/FPR with
 * review as caught) per file and overall, as decorumctl replay prints it. */
void		 replay_print_threeway(FILE *out, const struct replay_report *rep);

/* Whether a result line counts as rejected. */
bool		 replay_is_rejected(const json_t *line, bool review_rejects);
/* "accept", "review", "reject" or "error" ("?" for anything else). */
const char	*replay_decision(const json_t *line);
/* The id of a line as text (a string as is, a number in decimal); NULL when
 * absent or out of memory. Free with free(). */
char		*replay_id_text(const json_t *line);
/* A copy of s cut to at most max_bytes bytes on a UTF-8 boundary, with
 * "..." appended when cut; line breaks and tabs become spaces. */
char		*replay_truncate(const char *s, size_t max_bytes);

/* --diff: the comments whose decision changed between an old run (its
 * --out file) and this one, with the counted rules added and removed. */
enum replay_change_effect {
	REPLAY_CHANGE_BROKE = -1,	/* was right, now wrong */
	REPLAY_CHANGE_NEUTRAL = 0,	/* same verdict, e.g. review -> reject */
	REPLAY_CHANGE_FIXED = 1,	/* was wrong, now right */
};

struct replay_change {
	char				*id;
	char				*text;		/* truncated, "" when unknown */
	char				*labels;	/* comma-joined, "" = acceptable */
	const char			*old_decision;	/* static strings */
	const char			*new_decision;
	char				*added;		/* comma-joined rule ids */
	char				*removed;
	enum replay_change_effect	 effect;
	long				 seq;
};

struct replay_diff_report {
	struct replay_change	*changes;	/* broke, then fixed, then neutral */
	size_t			 n_changes;
	long			 compared;	/* ids found in both runs */
	long			 fixed, broke, neutral;
	long			 rules_changed;	/* same decision, other rules */
	long			 added;		/* ids only in this run */
	long			 missing;	/* ids only in the old run */
};

struct replay_diff;

struct replay_diff	*replay_diff_new(bool review_rejects);
void			 replay_diff_free(struct replay_diff *d);
/* Indexes one line of the old run by id (a later duplicate wins).
 * Returns -1 when the line has no id or memory ran out. */
int			 replay_diff_add_old(struct replay_diff *d,
			    const json_t *old_line);
/* Compares one line of this run with the old line of the same id.
 * Returns 1 when its decision changed, 0 when not (or the id is new),
 * -1 when the line has no id or memory ran out. */
int			 replay_diff_add(struct replay_diff *d,
			    const json_t *new_line);
/* Valid until the next replay_diff_add or replay_diff_free. */
const struct replay_diff_report *replay_diff_finish(struct replay_diff *d);
json_t			*replay_diff_report_json(
			    const struct replay_diff_report *rep);

#endif
