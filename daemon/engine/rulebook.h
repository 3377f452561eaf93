/* rulebook: the layout of a compiled rulebook, for the engine's own
 * modules only (rules, match, decide, policy, lint). The server and
 * decorumctl see a rulebook through the accessors of rules.h, so that its
 * layout can change without them. Immutable once rules_load_* returns it. */
#ifndef DECORUM_RULEBOOK_H
#define DECORUM_RULEBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "caps.h"
#include "norm.h"
#include "prefilter.h"
#include "rules.h"

struct lexicon;
struct model;
struct rule_context;

/* Entries as the admin wrote them, kept for `decorumd -t`. */
struct rule_entries {
	char		**v;
	size_t		 n;
	int		 line;
};

enum rule_kind {
	RULE_WORDS = 0,
	RULE_REGEX,
	RULE_CAPS,
	RULE_MODEL,	/* a learned model (model.h) */
};

struct rule {
	char		*id;
	char		*description;
	char		*file;		/* shared with its rule set */
	int		 line;
	uint32_t	 set;		/* index in rulebook.sets */
	uint32_t	 category;	/* index in rulebook.categories */
	uint32_t	 group;		/* index in rulebook.groups (its view) */
	enum rule_kind	 kind;
	enum view_kind	 view;
	double		 weight;
	bool		 shadow;
	bool		 has_except;
	struct rule_entries words;	/* RULE_WORDS */
	struct rule_entries except;
	pcre2_code	*re;		/* RULE_REGEX */
	bool		 jit_failed;
	char		*pattern;	/* RULE_REGEX, after list splicing */
	/* RULE_REGEX: literals one of which every match contains; the
	 * regex is skipped when its group's prefilter finds none */
	struct prefilter_atoms atoms;
	bool		 prefiltered;
	bool		 whole_search;	/* \G: one pcre2_match per search */
	struct caps_params caps;	/* RULE_CAPS */
	struct model	*model;		/* RULE_MODEL */
	/* severity.c, context.c */
	uint32_t	 severity;	/* index in rulebook.severities; 0: none */
	struct rule_context *ctx;	/* context conditions, or NULL */
};

struct ruleset {
	char		*name;
	char		*file;
	char		*description;
	uint32_t	 category;
	bool		 shadow;
	bool		 has_allow;
	struct rule_entries allow;
	unsigned	 folds;
	uint32_t	 first_rule, nrules;
};

/* A view as rules see it; word entries of every rule that reads the same
 * view are compiled into one lexicon, scanned once per comment. */
struct rule_group {
	enum view_kind	 view;
	unsigned	 folds;		/* 0 unless view is folded */
	struct lexicon	*lex;
	struct prefilter *pf;		/* literals of its regexes, or NULL */
};

/* What a lexicon entry stands for. */
enum owner_kind {
	OWNER_RULE = 0,		/* a word of a words rule */
	OWNER_ALLOW,		/* an allow entry of a rule set */
	OWNER_EXCEPT,		/* an except entry of a rule */
};

struct rule_owner {
	enum owner_kind	 kind;
	uint32_t	 index;		/* rule, or rule set for OWNER_ALLOW */
};

struct rulebook {
	struct ruleset	*sets;
	size_t		 nsets;
	struct rule	*rules;
	size_t		 nrules;
	char		**categories;
	size_t		 ncategories;
	struct rule_group *groups;
	size_t		 ngroups;
	struct rule_owner *owners;
	size_t		 nowners, owners_cap;
	char		**severities;	/* severity tags of rules; [0] unused */
	size_t		 nseverities;
};

/* Is s a name an admin may give a rule set or rule ("racism.slur-coon":
 * lower-case letters, digits, '_', '-', and with dots, '.'), or, without
 * dots, a severity tag? */
bool	rulebook_name_ok(const char *s, bool dots);

#endif
