/* rules: rule files (libconfig) loaded and compiled into a rulebook.
 * A rulebook is immutable once built: every worker reads it, a reload
 * builds a new one beside it. Outside the engine it is opaque: its
 * layout is in rulebook.h, which only the engine's own .c files
 * include. */
#ifndef DECORUM_RULES_H
#define DECORUM_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct rulebook;
struct model;

struct rules_limits {
	uint32_t	 match_limit;
	uint32_t	 depth_limit;
	uint32_t	 heap_limit_kb;
	uint32_t	 budget_ms;	/* regex CPU time per comment; 0: none */
};

/* Load every *.conf of dir (sorted by name; files of dir/local/ override
 * shipped ones of the same name). Problems go to d with file:line; the
 * rulebook is returned only when there was no error. */
struct rulebook *rules_load_dir(const char *dir, struct diag *d);
/* The same with the site's files in overlay instead of dir/local/
 * (NULL or "": dir/local/). */
struct rulebook *rules_load_dir_overlay(const char *dir, const char *overlay,
	    struct diag *d);
/* Load the given files (for tests). */
struct rulebook *rules_load_files(const char *const *files, size_t n,
	    struct diag *d);
void	rules_free(struct rulebook *rb);
int	rules_find_set(const struct rulebook *rb, const char *name);
int	rules_find_category(const struct rulebook *rb, const char *name);

/* What the server and decorumctl may know of a rulebook: rules,
 * categories and rule sets by index, with their names. */
size_t	rules_count(const struct rulebook *rb);
const char *rules_id(const struct rulebook *rb, uint32_t rule);
uint32_t rules_category_of(const struct rulebook *rb, uint32_t rule);
bool	rules_is_shadow(const struct rulebook *rb, uint32_t rule);
/* The rule's weight and the file that defines it (decorumctl tune). */
double	rules_weight(const struct rulebook *rb, uint32_t rule);
const char *rules_file(const struct rulebook *rb, uint32_t rule);
size_t	rules_category_count(const struct rulebook *rb);
const char *rules_category_name(const struct rulebook *rb, uint32_t category);
size_t	rules_set_count(const struct rulebook *rb);
const char *rules_set_name(const struct rulebook *rb, uint32_t set);
/* Is rule a regex rule, and does the literal prefilter decide where it
 * runs (benchmarks report how many do)? */
bool	rules_is_regex(const struct rulebook *rb, uint32_t rule);
/* A model rule's model (NULL for another kind), for benchmarks. */
const struct model *rules_model(const struct rulebook *rb, uint32_t rule);
bool	rules_is_prefiltered(const struct rulebook *rb, uint32_t rule);

#endif
