/* context: conditions on the words around a rule's hit, written in rule
 * files so that whom an insult is aimed at, quotation, reported speech
 * and negation are told apart by word lists, not by C that knows English.
 *
 *   unless_after  = { list = "@reporting"; within = 3; };  # drop the hit when
 *                   an entry ends within the 3 words before it
 *   only_after    = { list = "@second_person"; within = 4; };  # keep it only then
 *   unless_before = { list = ["wind", "chicken"]; within = 1; };  # entries
 *                   starting within the words after it
 *   unless_quoted = true;  # drop it inside "double" or 'single' quotation marks
 *
 * Words are runs of letters and digits (an apostrophe splits: "i'm" is
 * the words i m), compared in lower case, within the hit's sentence of
 * the rule's view. Each condition may also be a list of such groups. */
#ifndef DECORUM_CONTEXT_H
#define DECORUM_CONTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libconfig.h>

#include "diag.h"

#define CONTEXT_MAX_WITHIN	20
#define CONTEXT_DEFAULT_WITHIN	3

struct rule;
struct match_scratch;
struct rule_context;

/* Resolves a list name (without '@') of the rule file being loaded;
 * NULL when there is no such list. */
typedef const char *const *(*context_list_fn)(void *arg, const char *name,
    size_t *n);

/* The rule-file fields this module reads. */
extern const char *const context_fields[];

/* Read the context fields of rule group rs into r->ctx (NULL when it has
 * none); problems go to d as file:line. */
void	context_load_rule(struct rule *r, const config_setting_t *rs,
	    const char *file, struct diag *d, context_list_fn lists, void *arg);
void	context_free(struct rule_context *c);

/* Whether a hit at view bytes [start, end) of text keeps under c. */
bool	context_keeps(const struct rule_context *c, const char *text,
	    size_t len, size_t start, size_t end);

/* Mark as suppressed the hits of ms whose rule's context drops them. */
void	context_apply(struct match_scratch *ms);

#endif
