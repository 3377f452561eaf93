/* config: decorumd.conf, read with libconfig into plain values. Every
 * setting has a default; no file at all means all defaults. */
#ifndef DECORUM_CONFIG_H
#define DECORUM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "diag.h"

#define CONFIG_DEFAULT_FILE	DECORUM_SYSCONFDIR "/decorumd/decorumd.conf"

/* allowed_uids / allowed_gids: numeric ids; n == 0 lets everyone in. */
struct id_list {
	unsigned	*v;
	size_t		 n;
};

/* http_allow: strings as written. */
struct str_list {
	char		**v;
	size_t		 n;
};

/* A category threshold as written: name, or NULL for "all categories". */
struct threshold {
	char		*category;
	double		 value;
};

struct severity_def;

struct policy_def {
	char		*name;
	char		*extend;
	char		**rulesets;	/* NULL: inherited, or all */
	size_t		 nrulesets;
	bool		 has_rulesets;
	struct threshold *reject_at, *review_at;
	size_t		 nreject, nreview;
	struct severity_def *severity;	/* severity.c */
	size_t		 nseverity;
	char		*file;
	int		 line;
};

struct config {
	char		*file;		/* NULL when running on defaults */
	char		*listen;
	unsigned	 socket_mode;
	char		*socket_group;
	struct id_list	 allowed_uids;	/* peers checked with SO_PEERCRED */
	struct id_list	 allowed_gids;
	char		*rules_dir;
	int		 workers;
	char		*log_level;
	char		*default_policy;
	char		*local_rules_dir;	/* "": rules_dir/local */
	char		*http_listen;	/* "": no HTTP listener */
	struct str_list	 http_allow;	/* TCP peers of the HTTP listener */
	char		*decision_log;	/* "", "stderr" or a path */
	unsigned	 decision_log_text;
	/* limits */
	size_t		 max_request_bytes;
	size_t		 max_text_bytes;
	unsigned	 max_connections;
	unsigned	 max_pipeline;
	unsigned	 idle_timeout;
	unsigned	 write_timeout;
	size_t		 max_unread_bytes;
	unsigned	 regex_match_limit;
	unsigned	 regex_depth_limit;
	unsigned	 regex_heap_limit_kb;
	unsigned	 regex_budget_ms;
	struct policy_def *policies;
	size_t		 npolicies;
};

/* Load path into cfg (defaults first). A missing file is an error unless
 * missing_ok. Returns 0, or -1 with the problems in d. */
int	config_load(struct config *cfg, const char *path, bool missing_ok,
	    struct diag *d);
void	config_defaults(struct config *cfg);
void	config_free(struct config *cfg);
/* A reload cannot apply listen, socket_mode, socket_group, workers and
 * http_listen. Copy those of src into dst (the rest zero; config_free
 * frees it), and warn in d of each one that differs between then and now,
 * leaving out the names in skip (NULL-terminated, may be NULL); returns
 * how many differ. */
int	config_copy_start_only(struct config *dst, const struct config *src);
size_t	config_start_only_changed(const struct config *then,
	    const struct config *now, const char *const *skip, struct diag *d);
/* Every setting with its default and meaning, for -h and the man page. */
void	config_describe(FILE *out);
/* The same as roff .TP paragraphs, for decorumd.conf(5). */
void	config_describe_man(FILE *out);

#endif
