/* rules_load: what the parts of the rule loader share. rules.c reads a
 * rule file's settings into a rulebook, rules_read.c opens rule files and
 * word lists and reads the lists, rules_compile.c turns entries and
 * regexes into lexicons, patterns and prefilters. Only those three
 * include this header. */
#ifndef DECORUM_RULES_LOAD_H
#define DECORUM_RULES_LOAD_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "rulebook.h"

struct strvec {
	char		**v;
	size_t		 n, cap;
};

/* A named word list of one rule file. */
struct wlist {
	char		*name;
	char		**entries;
	size_t		 n;
	char		**prepared;	/* each entry normalized, for the prefilter */
	size_t		 nprepared;
	bool		 prepared_done;
	char		*file;		/* where it is defined, for messages */
	int		 line;
};

struct loader {
	struct rulebook	*rb;
	struct diag	*d;
	/* the directories word lists may be read from (absolute) */
	struct strvec	 roots;
	/* lists of the file being loaded */
	struct wlist	*lists;
	size_t		 nlists;
	size_t		 rules_cap, sets_cap;
	bool		 oom;		/* set by callbacks that cannot say so */
};

/* An allocation failed at file:line: an error, never a smaller rulebook. */
#define loader_oom(ld, file, line) \
	diag_error((ld)->d, (file), (line), "out of memory")

/* rules_read.c */
int	strvec_push(struct strvec *sv, const char *s);
void	strvec_free(struct strvec *sv);
int	cmp_str(const void *a, const void *b);
const char *setting_file(const config_setting_t *s, const char *fallback);
int	setting_line(const config_setting_t *s);
void	check_fields(struct loader *ld, const config_setting_t *group,
	    const char *file, const char *what, const char *const *known);
char	*path_join(const char *dir, const char *name);
char	*dir_of(const char *path);
/* Word lists are read from dir (and the loader's other roots) only.
 * -1: no memory. */
int	loader_add_root(struct loader *ld, const char *dir);
/* Is path inside a root, once '..' and '.' are resolved in its text? An
 * absolute path or one with '..' may lead anywhere; symbolic links
 * inside the roots are the admin's own doing and are followed. */
bool	loader_path_allowed(const struct loader *ld, const char *path);
/* A rule file's text, read as readfile.h says, with file:0 errors;
 * NULL when it cannot be used. */
char	*load_text(struct loader *ld, const char *path);
void	load_lists(struct loader *ld, const config_setting_t *lists,
	    const char *file, const char *dir);
const struct wlist *list_find(const struct loader *ld, const char *name,
	    size_t len);
void	lists_free(struct loader *ld);
/* The *.conf files of dir, sorted, into names; a missing directory is
 * an error only when must_exist. */
int	list_conf_files(const char *dir, struct strvec *names, bool must_exist,
	    struct diag *d);

/* rules_compile.c */
void	entries_keep(struct rule_entries *re, struct strvec *sv, int line);
void	entries_free(struct rule_entries *re);
/* An entry as a lexicon of g holds it, into *out: 1, 0 when it has no
 * word in it, -1 when memory runs out. */
int	prepare_entry(const char *entry, const struct rule_group *g,
	    char **out, size_t *outlen);
void	warn_entry_symbols(struct loader *ld, const char *file, int line,
	    const char *entry);
long	owner_add(struct rulebook *rb, enum owner_kind kind, uint32_t index);
long	group_find_or_add(struct rulebook *rb, enum view_kind view,
	    unsigned folds);
int	expand_entries(struct loader *ld, const config_setting_t *s,
	    const char *file, const char *what, struct strvec *out);
int	add_entries(struct loader *ld, struct rule_group *g,
	    const struct strvec *sv, uint32_t owner, const char *file, int line,
	    const char *what);
void	load_regex(struct loader *ld, struct rule *r, const char *pat,
	    const char *file, int line);
int	prefilters_build(struct rulebook *rb);

#endif
