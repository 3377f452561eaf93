#include "config.h"

#include "severity.h"

#include <errno.h>
#include <grp.h>
#include <libconfig.h>
#include <pwd.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "readfile.h"
#include "syntax.h"

enum setting_type {
	SET_STRING,
	SET_UINT,
	SET_SIZE,
	SET_MODE,
	SET_INT,
	SET_IDS,	/* array of numeric ids or user/group names */
	SET_STRS,	/* array of strings */
};

/* The one table of settings: loader, defaults and documentation. */
struct setting {
	const char		*path;		/* libconfig path */
	enum setting_type	 type;
	size_t			 offset;
	const char		*def;		/* default, as written in the file */
	long long		 min, max;
	const char		*doc;
};

#define OFF(f) offsetof(struct config, f)
static const struct setting settings[] = {
	{ "listen", SET_STRING, OFF(listen), "/run/decorumd/decorumd.sock", 0, 0,
	  "Path of the Unix stream socket clients connect to. Set at start only." },
	{ "socket_mode", SET_MODE, OFF(socket_mode), "0660", 0, 0777,
	  "File mode of the socket; it is the access control, so keep others out. "
	  "Set at start only." },
	{ "socket_group", SET_STRING, OFF(socket_group), "", 0, 0,
	  "Group that owns the socket (empty: the daemon's group). Set at start only." },
	{ "allowed_uids", SET_IDS, OFF(allowed_uids), "[]", 0, 0,
	  "Users (names or uids) whose connections are answered, checked with "
	  "SO_PEERCRED; empty: everyone who may open the socket. Others are closed unanswered." },
	{ "allowed_gids", SET_IDS, OFF(allowed_gids), "[]", 0, 0,
	  "Groups (names or gids) whose members' connections are answered "
	  "(primary group of the peer); a peer in either list is let in." },
	{ "rules_dir", SET_STRING, OFF(rules_dir), DECORUM_DATADIR "/decorumd/rules", 0, 0,
	  "Directory of rule files; its local/ subdirectory overrides files of the same name." },
	{ "workers", SET_INT, OFF(workers), "0", 0, 256,
	  "Worker threads; 0 means one per CPU core. Set at start only." },
	{ "log_level", SET_STRING, OFF(log_level), "info", 0, 0,
	  "error, warn, info or debug. Comment text is only logged at debug." },
	{ "default_policy", SET_STRING, OFF(default_policy), "default", 0, 0,
	  "Policy used by requests that name none." },
	{ "local_rules_dir", SET_STRING, OFF(local_rules_dir), "", 0, 0,
	  "The site's rule files, overriding shipped files of the same name and adding new ones "
	  "(empty: rules_dir/local). The packaged config sets /etc/decorumd/rules.d." },
	{ "http_listen", SET_STRING, OFF(http_listen), "", 0, 0,
	  "HTTP listener for GET /metrics, GET /healthz and POST /v1/check: HOST:PORT "
	  "(e.g. 127.0.0.1:9311) or an absolute Unix socket path; empty: off. Set at start only." },
	{ "http_allow", SET_STRS, OFF(http_allow), "[\"127.0.0.0/8\", \"::1\"]", 0, 0,
	  "Addresses (ADDRESS or ADDRESS/PREFIX, IPv4 or IPv6) whose TCP connections the HTTP "
	  "listener answers; others are closed unanswered. Default: loopback only. A Unix "
	  "socket http_listen is checked with allowed_uids/allowed_gids instead. Set at start only." },
	{ "decision_log", SET_STRING, OFF(decision_log), "", 0, 0,
	  "Decision log, one JSON line per decision: \"stderr\", a file path (reopened on "
	  "SIGUSR1, for logrotate), or empty: off." },
	{ "decision_log_text", SET_UINT, OFF(decision_log_text), "0", 0, 1,
	  "1: the decision log includes each comment's text. 0: never." },
	{ "limits.max_request_bytes", SET_SIZE, OFF(max_request_bytes), "1048576", 64, 1LL << 30,
	  "Longest request line; longer ones are answered too_large and skipped." },
	{ "limits.max_text_bytes", SET_SIZE, OFF(max_text_bytes), "65536", 1, 1LL << 30,
	  "Longest comment text; longer ones are answered too_large." },
	{ "limits.max_connections", SET_UINT, OFF(max_connections), "1024", 1, 1000000,
	  "Open client connections; past it new ones get overloaded and are closed." },
	{ "limits.max_pipeline", SET_UINT, OFF(max_pipeline), "256", 1, 1000000,
	  "Answers a connection may have waiting to be sent before reading pauses." },
	{ "limits.idle_timeout", SET_UINT, OFF(idle_timeout), "300", 0, 86400,
	  "Seconds an idle connection stays open (0: forever)." },
	{ "limits.write_timeout", SET_UINT, OFF(write_timeout), "30", 1, 86400,
	  "Seconds within which a client with answers waiting must take everything that "
	  "was waiting when the wait began; one that does not is dropped." },
	{ "limits.max_unread_bytes", SET_SIZE, OFF(max_unread_bytes), "1048576", 4096, 1LL << 30,
	  "Bytes of answers a connection may have waiting for its client to read; past it "
	  "decorumd stops reading that connection until the client has read them." },
	{ "limits.regex_match_limit", SET_UINT, OFF(regex_match_limit), "1000000", 1000, 100000000,
	  "PCRE2 match limit per regex and start place in a comment; hitting it holds the comment for review." },
	{ "limits.regex_depth_limit", SET_UINT, OFF(regex_depth_limit), "10000", 100, 10000000,
	  "PCRE2 backtracking depth limit." },
	{ "limits.regex_heap_limit_kb", SET_UINT, OFF(regex_heap_limit_kb), "20480", 64, 4194304,
	  "PCRE2 heap limit in KiB." },
	{ "limits.regex_budget_ms", SET_UINT, OFF(regex_budget_ms), "50", 0, 60000,
	  "CPU time in milliseconds that the regexes may spend on one comment, over all "
	  "rules and start places; past it the remaining regexes are skipped and the comment "
	  "is held for review with an error reason (0: no budget)." },
};
#undef OFF

static const char *const top_level[] = { "listen", "socket_mode",
	"socket_group", "allowed_uids", "allowed_gids", "rules_dir", "workers", "log_level", "default_policy",
	"local_rules_dir", "http_listen", "http_allow", "decision_log", "decision_log_text",
	"limits", "policies", NULL };

/* A list default as written in the table: ["a", "b"]. */
static int
strs_default(struct config *cfg, const struct setting *s, const char *def)
{
	struct str_list *l = (struct str_list *)((char *)cfg + s->offset);
	size_t n = 0;

	for (const char *p = def; (p = strchr(p, '"')) != NULL; p++)
		n++;
	if ((l->v = calloc(n / 2 + 1, sizeof(*l->v))) == NULL)
		return -1;
	l->n = 0;
	for (const char *p = def; (p = strchr(p, '"')) != NULL; ) {
		const char *e = strchr(p + 1, '"');
		if (e == NULL || (l->v[l->n] = strndup(p + 1,
		    (size_t)(e - p - 1))) == NULL)
			break;
		l->n++;
		p = e + 1;
	}
	return 0;
}

static void
strs_free(struct str_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* http_allow = ["127.0.0.0/8", "::1"]: an array of strings. */
static void
load_strs(struct config *cfg, const struct setting *st, config_setting_t *s,
    struct diag *d, const char *file)
{
	struct str_list *l = (struct str_list *)((char *)cfg + st->offset);
	int line = config_setting_source_line(s);

	if (!config_setting_is_array(s) && !config_setting_is_list(s)) {
		diag_error(d, file, line, "%s must be an array of strings such "
		    "as [\"127.0.0.1\", \"::1\"]", st->path);
		return;
	}
	int m = config_setting_length(s);
	strs_free(l);
	if ((l->v = calloc((size_t)m + 1, sizeof(*l->v))) == NULL)
		return;
	for (int i = 0; i < m; i++) {
		const char *v = config_setting_get_string_elem(s, (unsigned)i);
		if (v == NULL) {
			diag_error(d, file, line, "%s: entries must be strings",
			    st->path);
			continue;
		}
		if ((l->v[l->n] = strdup(v)) != NULL)
			l->n++;
	}
}

static int
setting_set(struct config *cfg, const struct setting *s, const char *sval,
    long long ival, struct diag *d, const char *file, int line)
{
	char *base = (char *)cfg + s->offset;

	switch (s->type) {
	case SET_STRING: {
		char *dup = strdup(sval);
		if (dup == NULL) {
			diag_error(d, file, line, "%s: out of memory", s->path);
			return -1;
		}
		free(*(char **)base);
		*(char **)base = dup;
		return 0;
	}
	case SET_IDS:
		return 0;	/* the default is always the empty list */
	case SET_STRS:
		return strs_default(cfg, s, sval);
	default:
		break;
	}
	if (sval != NULL) {
		char *end;
		errno = 0;
		ival = strtoll(sval, &end, s->type == SET_MODE ? 8 : 10);
		if (errno != 0 || *end != '\0' || end == sval) {
			diag_error(d, file, line, "%s: \"%s\" is not a%s number",
			    s->path, sval, s->type == SET_MODE ? "n octal" : "");
			return -1;
		}
	}
	if (ival < s->min || ival > s->max) {
		diag_error(d, file, line, "%s: %lld is out of range [%lld, %lld]",
		    s->path, ival, s->min, s->max);
		return -1;
	}
	switch (s->type) {
	case SET_UINT:
	case SET_MODE:
		*(unsigned *)base = (unsigned)ival;
		break;
	case SET_SIZE:
		*(size_t *)base = (size_t)ival;
		break;
	case SET_INT:
		*(int *)base = (int)ival;
		break;
	default:
		break;
	}
	return 0;
}

void
config_defaults(struct config *cfg)
{
	struct diag d;

	memset(cfg, 0, sizeof(*cfg));
	diag_init(&d);
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
		setting_set(cfg, &settings[i], settings[i].def, 0, &d, NULL, 0);
	diag_free(&d);
}

static void
policy_def_free(struct policy_def *p)
{
	free(p->name);
	free(p->extend);
	for (size_t i = 0; i < p->nrulesets; i++)
		free(p->rulesets[i]);
	free(p->rulesets);
	for (size_t i = 0; i < p->nreject; i++)
		free(p->reject_at[i].category);
	for (size_t i = 0; i < p->nreview; i++)
		free(p->review_at[i].category);
	free(p->reject_at);
	free(p->review_at);
	severity_defs_free(p);
	free(p->file);
}

void
config_free(struct config *cfg)
{
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
		if (settings[i].type == SET_STRING)
			free(*(char **)((char *)cfg + settings[i].offset));
		else if (settings[i].type == SET_IDS)
			free(((struct id_list *)((char *)cfg +
			    settings[i].offset))->v);
		else if (settings[i].type == SET_STRS)
			strs_free((struct str_list *)((char *)cfg +
			    settings[i].offset));
	for (size_t i = 0; i < cfg->npolicies; i++)
		policy_def_free(&cfg->policies[i]);
	free(cfg->policies);
	free(cfg->file);
	memset(cfg, 0, sizeof(*cfg));
}

/* allowed_uids = [33, "www-data"]: numbers, or names looked up now. */
static void
load_ids(struct config *cfg, const struct setting *st, config_setting_t *s,
    struct diag *d, const char *file)
{
	struct id_list *l = (struct id_list *)((char *)cfg + st->offset);
	bool users = strcmp(st->path, "allowed_uids") == 0;
	int line = config_setting_source_line(s);

	if (!config_setting_is_array(s) && !config_setting_is_list(s)) {
		diag_error(d, file, line,
		    "%s must be an array such as [33, 1000] or [\"www-data\"]", st->path);
		return;
	}
	int m = config_setting_length(s);
	free(l->v);
	l->n = 0;
	if ((l->v = calloc((size_t)m + 1, sizeof(*l->v))) == NULL) {
		diag_error(d, file, line, "%s: out of memory", st->path);
		return;
	}
	for (int i = 0; i < m; i++) {
		config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		const char *name;
		long long id;

		if (config_setting_type(e) == CONFIG_TYPE_INT ||
		    config_setting_type(e) == CONFIG_TYPE_INT64) {
			id = config_setting_get_int64(e);
			if (id < 0 || id >= (long long)UINT_MAX) {
				diag_error(d, file, line, "%s: %lld is not a valid id",
				    st->path, id);
				continue;
			}
		} else if ((name = config_setting_get_string(e)) != NULL) {
			if (users) {
				struct passwd *pw = getpwnam(name);
				if (pw == NULL) {
					diag_error(d, file, line,
					    "%s: no user named '%s'", st->path, name);
					continue;
				}
				id = pw->pw_uid;
			} else {
				struct group *gr = getgrnam(name);
				if (gr == NULL) {
					diag_error(d, file, line,
					    "%s: no group named '%s'", st->path, name);
					continue;
				}
				id = gr->gr_gid;
			}
		} else {
			diag_error(d, file, line,
			    "%s: entries must be numbers or names", st->path);
			continue;
		}
		l->v[l->n++] = (unsigned)id;
	}
}

static bool
is_number(const config_setting_t *s, double *v)
{
	switch (config_setting_type(s)) {
	case CONFIG_TYPE_INT:
		*v = config_setting_get_int(s);
		return true;
	case CONFIG_TYPE_INT64:
		*v = (double)config_setting_get_int64(s);
		return true;
	case CONFIG_TYPE_FLOAT:
		*v = config_setting_get_float(s);
		return true;
	default:
		return false;
	}
}

static int
load_thresholds(const config_setting_t *s, struct threshold **out, size_t *n,
    struct diag *d, const char *file, const char *what)
{
	double v;

	if (is_number(s, &v)) {
		if ((*out = calloc(1, sizeof(**out))) == NULL) {
			diag_error(d, file, config_setting_source_line(s),
			    "%s: out of memory", what);
			return -1;
		}
		(*out)[0].value = v;
		*n = 1;
		return 0;
	}
	if (!config_setting_is_group(s)) {
		diag_error(d, file, config_setting_source_line(s),
		    "%s must be a number or a group { category = number; }", what);
		return -1;
	}
	int m = config_setting_length(s);
	if ((*out = calloc((size_t)m + 1, sizeof(**out))) == NULL) {
		diag_error(d, file, config_setting_source_line(s),
		    "%s: out of memory", what);
		return -1;
	}
	for (int i = 0; i < m; i++) {
		config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (!is_number(e, &v)) {
			diag_error(d, file, config_setting_source_line(e),
			    "%s.%s must be a number", what, config_setting_name(e));
			continue;
		}
		if (((*out)[*n].category = strdup(config_setting_name(e))) == NULL) {
			diag_error(d, file, config_setting_source_line(e),
			    "%s: out of memory", what);
			return -1;
		}
		(*out)[*n].value = v;
		(*n)++;
	}
	return 0;
}

static void
load_policies(struct config *cfg, const config_setting_t *ps, struct diag *d,
    const char *file)
{
	static const char *const known[] = { "rulesets", "reject_at",
		"review_at", "extend", "description", "severity", NULL };
	int n;

	if (!config_setting_is_group(ps)) {
		diag_error(d, file, config_setting_source_line(ps),
		    "policies must be a group: policies = { default = { ... }; }");
		return;
	}
	n = config_setting_length(ps);
	if ((cfg->policies = calloc((size_t)n + 1, sizeof(*cfg->policies))) == NULL) {
		diag_error(d, file, config_setting_source_line(ps),
		    "policies: out of memory");
		return;
	}
	for (int i = 0; i < n; i++) {
		config_setting_t *p = config_setting_get_elem(ps, (unsigned)i);
		struct policy_def *pd = &cfg->policies[cfg->npolicies++];
		int line = config_setting_source_line(p);
		const char *s;

		pd->name = strdup(config_setting_name(p));
		pd->file = strdup(file);
		pd->line = line;
		if (pd->name == NULL || pd->file == NULL) {
			diag_error(d, file, line, "policies: out of memory");
			return;
		}
		if (!config_setting_is_group(p)) {
			diag_error(d, file, line, "policy '%s' must be a group",
			    pd->name);
			continue;
		}
		for (int k = 0; k < config_setting_length(p); k++) {
			config_setting_t *f = config_setting_get_elem(p, (unsigned)k);
			bool ok = false;
			for (size_t j = 0; known[j] != NULL; j++)
				if (strcmp(config_setting_name(f), known[j]) == 0)
					ok = true;
			if (!ok)
				diag_error(d, file, config_setting_source_line(f),
				    "unknown field '%s' in policy '%s'",
				    config_setting_name(f), pd->name);
		}
		if (config_setting_lookup_string(p, "extend", &s) &&
		    (pd->extend = strdup(s)) == NULL) {
			diag_error(d, file, line, "policies: out of memory");
			return;
		}
		config_setting_t *rs = config_setting_get_member(p, "rulesets");
		if (rs != NULL) {
			if (!config_setting_is_array(rs) && !config_setting_is_list(rs)) {
				diag_error(d, file, config_setting_source_line(rs),
				    "policy '%s': rulesets must be an array of names",
				    pd->name);
			} else {
				int m = config_setting_length(rs);
				pd->has_rulesets = true;
				pd->rulesets = calloc((size_t)m + 1, sizeof(char *));
				if (pd->rulesets == NULL) {
					diag_error(d, file, line,
					    "policies: out of memory");
					return;
				}
				for (int k = 0; k < m; k++) {
					const char *e = config_setting_get_string_elem(rs,
					    (unsigned)k);
					if (e == NULL) {
						diag_error(d, file,
						    config_setting_source_line(rs),
						    "policy '%s': rulesets must be strings",
						    pd->name);
						continue;
					}
					if ((pd->rulesets[pd->nrulesets] =
					    strdup(e)) == NULL) {
						diag_error(d, file, line,
						    "policies: out of memory");
						return;
					}
					pd->nrulesets++;
				}
			}
		}
		config_setting_t *t;
		if ((t = config_setting_get_member(p, "reject_at")) != NULL)
			load_thresholds(t, &pd->reject_at, &pd->nreject, d, file,
			    "reject_at");
		if ((t = config_setting_get_member(p, "review_at")) != NULL)
			load_thresholds(t, &pd->review_at, &pd->nreview, d, file,
			    "review_at");
		if ((t = config_setting_get_member(p, "severity")) != NULL)
			severity_defs_load(pd, t, file, d);
	}
}

int
config_load(struct config *cfg, const char *path, bool missing_ok,
    struct diag *d)
{
	config_t	 lc;
	size_t		 errors = d->errors;

	config_defaults(cfg);
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
		if (settings[i].type == SET_STRING &&
		    *(char **)((char *)cfg + settings[i].offset) == NULL) {
			diag_error(d, path, 0, "out of memory");
			return -1;
		}
	if (path == NULL)
		return 0;
	/* a regular file, opened without blocking: a FIFO or a device in
	 * its place must not hang a start or a reload */
	const char *why;
	size_t len;
	char *text = readfile(path, READFILE_MAX_RULES, &len, &why);
	if (text == NULL) {
		if (errno == ENOENT && missing_ok)
			return 0;
		diag_error(d, path, 0, "cannot %s: %s", errno != 0 ? "open" :
		    "read", why);
		return -1;
	}
	if ((cfg->file = strdup(path)) == NULL) {
		free(text);
		diag_error(d, path, 0, "out of memory");
		return -1;
	}
	if (memchr(text, '\0', len) != NULL) {
		free(text);
		diag_error(d, path, 0, "cannot read: it holds a NUL byte");
		return -1;
	}

	config_init(&lc);
	if (config_read_string(&lc, text) != CONFIG_TRUE) {
		syntax_report(d, path, text, config_error_line(&lc),
		    config_error_text(&lc));
		free(text);
		config_destroy(&lc);
		return -1;
	}
	free(text);
	config_setting_t *root = config_root_setting(&lc);
	for (int i = 0; i < config_setting_length(root); i++) {
		config_setting_t *s = config_setting_get_elem(root, (unsigned)i);
		bool ok = false;
		for (size_t k = 0; top_level[k] != NULL; k++)
			if (strcmp(config_setting_name(s), top_level[k]) == 0)
				ok = true;
		if (!ok)
			diag_error(d, path, config_setting_source_line(s),
			    "unknown setting '%s'", config_setting_name(s));
	}
	config_setting_t *limits = config_lookup(&lc, "limits");
	if (limits != NULL) {
		for (int i = 0; i < config_setting_length(limits); i++) {
			config_setting_t *s = config_setting_get_elem(limits,
			    (unsigned)i);
			char full[128];
			bool ok = false;
			snprintf(full, sizeof(full), "limits.%s",
			    config_setting_name(s));
			for (size_t k = 0; k < sizeof(settings) / sizeof(settings[0]); k++)
				if (strcmp(settings[k].path, full) == 0)
					ok = true;
			if (!ok)
				diag_error(d, path, config_setting_source_line(s),
				    "unknown setting '%s'", full);
		}
	}
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		const struct setting *st = &settings[i];
		config_setting_t *s = config_lookup(&lc, st->path);
		if (s == NULL)
			continue;
		int line = config_setting_source_line(s);
		int type = config_setting_type(s);
		if (st->type == SET_IDS) {
			load_ids(cfg, st, s, d, path);
		} else if (st->type == SET_STRS) {
			load_strs(cfg, st, s, d, path);
		} else if (type == CONFIG_TYPE_STRING) {
			if (st->type != SET_STRING && st->type != SET_MODE) {
				diag_error(d, path, line, "%s must be a number",
				    st->path);
				continue;
			}
			setting_set(cfg, st, config_setting_get_string(s), 0, d,
			    path, line);
		} else if (type == CONFIG_TYPE_INT || type == CONFIG_TYPE_INT64) {
			if (st->type == SET_STRING) {
				diag_error(d, path, line, "%s must be a string",
				    st->path);
				continue;
			}
			if (st->type == SET_MODE) {
				diag_error(d, path, line,
				    "%s must be an octal string such as \"0660\"",
				    st->path);
				continue;
			}
			setting_set(cfg, st, NULL, config_setting_get_int64(s), d,
			    path, line);
		} else {
			diag_error(d, path, line, "%s has the wrong type", st->path);
		}
	}
	/* relative paths in the file are relative to the file, not the cwd */
	if (cfg->rules_dir[0] != '/' && strchr(path, '/') != NULL) {
		const char *slash = strrchr(path, '/');
		size_t n = (size_t)(slash - path) + 1 + strlen(cfg->rules_dir) + 1;
		char *p = malloc(n);
		if (p != NULL) {
			snprintf(p, n, "%.*s/%s", (int)(slash - path), path,
			    cfg->rules_dir);
			free(cfg->rules_dir);
			cfg->rules_dir = p;
		} else
			diag_error(d, path, 0, "out of memory");
	}
	config_setting_t *ps = config_lookup(&lc, "policies");
	if (ps != NULL)
		load_policies(cfg, ps, d, path);
	config_destroy(&lc);
	return d->errors > errors ? -1 : 0;
}

/* The settings a reload cannot apply: the socket (and its mode and group)
 * and the worker threads exist once, made at start. */
static const char *const start_only[] = { "listen", "socket_mode",
	"socket_group", "workers", "http_listen", NULL };

static const struct setting *
setting_find(const char *path)
{
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
		if (strcmp(settings[i].path, path) == 0)
			return &settings[i];
	return NULL;
}

/* The value of setting st in cfg as it would be written in the file. */
static void
setting_text(const struct config *cfg, const struct setting *st, char *buf,
    size_t len)
{
	const char *base = (const char *)cfg + st->offset;

	switch (st->type) {
	case SET_STRING:
		snprintf(buf, len, "\"%s\"", *(char *const *)base ?
		    *(char *const *)base : "");
		break;
	case SET_MODE:
		snprintf(buf, len, "\"%04o\"", *(const unsigned *)base);
		break;
	case SET_UINT:
		snprintf(buf, len, "%u", *(const unsigned *)base);
		break;
	case SET_INT:
		snprintf(buf, len, "%d", *(const int *)base);
		break;
	case SET_SIZE:
		snprintf(buf, len, "%zu", *(const size_t *)base);
		break;
	default:
		snprintf(buf, len, "?");
		break;
	}
}

int
config_copy_start_only(struct config *dst, const struct config *src)
{
	memset(dst, 0, sizeof(*dst));
	for (size_t i = 0; start_only[i] != NULL; i++) {
		const struct setting *st = setting_find(start_only[i]);
		const char *from = (const char *)src + st->offset;
		char *to = (char *)dst + st->offset;
		if (st->type == SET_STRING) {
			const char *v = *(char *const *)from;
			if (v != NULL && (*(char **)to = strdup(v)) == NULL)
				return -1;
		} else if (st->type == SET_INT) {
			*(int *)to = *(const int *)from;
		} else {
			*(unsigned *)to = *(const unsigned *)from;
		}
	}
	return 0;
}

size_t
config_start_only_changed(const struct config *then, const struct config *now,
    const char *const *skip, struct diag *d)
{
	size_t n = 0;

	for (size_t i = 0; start_only[i] != NULL; i++) {
		const struct setting *st = setting_find(start_only[i]);
		char a[512], b[512];
		bool skipped = false;
		for (size_t k = 0; skip != NULL && skip[k] != NULL; k++)
			skipped = skipped || strcmp(skip[k], st->path) == 0;
		if (skipped)
			continue;
		setting_text(then, st, a, sizeof(a));
		setting_text(now, st, b, sizeof(b));
		if (strcmp(a, b) == 0)
			continue;
		diag_warning(d, now->file, 0, "%s changed from %s to %s: it takes "
		    "effect at the next start, not on reload", st->path, a, b);
		n++;
	}
	return n;
}

void
config_describe(FILE *out)
{
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
		fprintf(out, "%s = %s%s%s\n    %s\n", settings[i].path,
		    settings[i].type == SET_STRING || settings[i].type == SET_MODE ?
		    "\"" : "", settings[i].def,
		    settings[i].type == SET_STRING || settings[i].type == SET_MODE ?
		    "\"" : "", settings[i].doc);
}

/* Text for roff: backslashes escaped, no line starting with a control
 * character. */
static void
roff_text(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

void
config_describe_man(FILE *out)
{
	static const char *const tname[] = { "string", "number", "bytes",
		"octal string", "number", "array", "array of strings" };

	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		const struct setting *st = &settings[i];
		bool quoted = st->type == SET_STRING || st->type == SET_MODE;
		size_t t = (size_t)st->type;

		fprintf(out, ".TP\n.B ");
		roff_text(out, st->path);
		fprintf(out, "\n(%s, default \\fB", t < sizeof(tname) /
		    sizeof(tname[0]) ? tname[t] : "value");
		fputs(quoted ? "\"" : "", out);
		roff_text(out, st->def);
		fputs(quoted ? "\"" : "", out);
		fputs("\\fR", out);
		if (st->type == SET_MODE)
			fprintf(out, ", from %llo to %llo", st->min, st->max);
		else if (st->type != SET_STRING && st->type != SET_IDS &&
		    st->type != SET_STRS && st->max > st->min)
			fprintf(out, ", from %lld to %lld", st->min, st->max);
		fputs(")\n", out);
		roff_text(out, st->doc);
		fputc('\n', out);
	}
}
