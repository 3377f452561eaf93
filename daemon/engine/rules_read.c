/* rules_read: the files of a rule directory. Lists the *.conf files of
 * a directory and reads word lists (one entry a line, '#' comments) into
 * the lists of the rule file being loaded. What the entries mean is
 * rules_compile.c's business. */
#include "rules_load.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "readfile.h"
#include "text.h"

int
strvec_push(struct strvec *sv, const char *s)
{
	if (sv->n == sv->cap) {
		size_t ncap = sv->cap ? sv->cap * 2 : 16;
		char **nv = realloc(sv->v, ncap * sizeof(*nv));
		if (nv == NULL)
			return -1;
		sv->v = nv;
		sv->cap = ncap;
	}
	if ((sv->v[sv->n] = strdup(s)) == NULL)
		return -1;
	sv->n++;
	return 0;
}

void
strvec_free(struct strvec *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	memset(sv, 0, sizeof(*sv));
}

const char *
setting_file(const config_setting_t *s, const char *fallback)
{
	const char *f = config_setting_source_file(s);

	return f != NULL ? f : fallback;
}

int
setting_line(const config_setting_t *s)
{
	return (int)config_setting_source_line(s);
}

/* Report fields libconfig accepted but decorumd does not know: a typo in a
 * rule file must not silently do nothing. */
void
check_fields(struct loader *ld, const config_setting_t *group,
    const char *file, const char *what, const char *const *known)
{
	int	 n = config_setting_length(group);

	for (int i = 0; i < n; i++) {
		const config_setting_t *s = config_setting_get_elem(group,
		    (unsigned)i);
		const char *name = config_setting_name(s);
		bool ok = false;

		if (name == NULL)
			continue;
		for (size_t k = 0; known[k] != NULL; k++)
			if (strcmp(name, known[k]) == 0)
				ok = true;
		if (!ok)
			diag_error(ld->d, setting_file(s, file), setting_line(s),
			    "unknown field '%s' in %s", name, what);
	}
}

char *
path_join(const char *dir, const char *name)
{
	char	*p;
	size_t	 n;

	if (name[0] == '/' || dir == NULL || dir[0] == '\0')
		return strdup(name);
	n = strlen(dir) + strlen(name) + 2;
	if ((p = malloc(n)) == NULL)
		return NULL;
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/* path made absolute (from the working directory), with ".", ".." and
 * repeated slashes resolved in its text; symbolic links are the admin's
 * own and are left alone. */
static char *
path_lexical(const char *path)
{
	char	*cwd = NULL, *full, *out, *p, *save = NULL;
	size_t	 o = 0;

	if (path[0] != '/') {
		if ((cwd = getcwd(NULL, 0)) == NULL)
			return NULL;
		full = path_join(cwd, path);
		free(cwd);
	} else
		full = strdup(path);
	if (full == NULL || (out = malloc(strlen(full) + 2)) == NULL) {
		free(full);
		return NULL;
	}
	for (p = strtok_r(full, "/", &save); p != NULL;
	    p = strtok_r(NULL, "/", &save)) {
		if (strcmp(p, ".") == 0)
			continue;
		if (strcmp(p, "..") == 0) {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;	/* the slash before it */
			continue;
		}
		out[o++] = '/';
		memcpy(out + o, p, strlen(p));
		o += strlen(p);
	}
	if (o == 0)
		out[o++] = '/';
	out[o] = '\0';
	free(full);
	return out;
}

int
loader_add_root(struct loader *ld, const char *dir)
{
	char *p = path_lexical(dir);
	int rc;

	if (p == NULL)
		return -1;
	rc = strvec_push(&ld->roots, p);
	free(p);
	return rc;
}

bool
loader_path_allowed(const struct loader *ld, const char *path)
{
	char	*p = path_lexical(path);
	bool	 ok = false;

	for (size_t i = 0; p != NULL && i < ld->roots.n && !ok; i++) {
		size_t n = strlen(ld->roots.v[i]);
		ok = strncmp(p, ld->roots.v[i], n) == 0 &&
		    (p[n] == '/' || (n == 1 && p[0] == '/'));
	}
	free(p);
	return ok;
}

char *
load_text(struct loader *ld, const char *path)
{
	const char	*why;
	char		*text;
	size_t		 len;

	if ((text = readfile(path, READFILE_MAX_RULES, &len, &why)) == NULL) {
		diag_error(ld->d, path, 0, "cannot %s: %s", errno != 0 ?
		    "open" : "read", why);
		return NULL;
	}
	if (memchr(text, '\0', len) != NULL) {
		diag_error(ld->d, path, 0, "cannot read: it holds a NUL byte");
		free(text);
		return NULL;
	}
	/* @include would open any file, wherever it is */
	int lineno = 1;
	for (const char *p = text; *p != '\0'; p++) {
		if (p == text || p[-1] == '\n') {
			const char *q = p;
			while (*q == ' ' || *q == '\t')
				q++;
			if (strncmp(q, "@include", 8) == 0) {
				diag_error(ld->d, path, lineno, "@include is not "
				    "allowed in rule files; put the rules in the "
				    "rules directory instead");
				free(text);
				return NULL;
			}
		}
		if (*p == '\n')
			lineno++;
	}
	return text;
}

char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	return strndup(path, (size_t)(slash - path));
}

/* Read a word list file: one entry a line, '#' starts a comment. */
static int
read_list_file(struct loader *ld, const char *path, const char *ref_file,
    int ref_line, struct strvec *out)
{
	const char	*why;
	char		*text, *line, *next;
	size_t		 len;
	int		 lineno = 0, rc = 0;
	int		 qn;
	const char	*qe = readfile_quote(path, 256, &qn);

	if (!loader_path_allowed(ld, path)) {
		diag_error(ld->d, ref_file, ref_line, "word list %.*s%s lies "
		    "outside the rules directories; lists are read from them "
		    "only", qn, path, qe);
		return -1;
	}
	if ((text = readfile(path, READFILE_MAX_RULES, &len, &why)) == NULL) {
		diag_error(ld->d, ref_file, ref_line,
		    "cannot %s word list %.*s%s: %s", errno != 0 ? "open" :
		    "read", qn, path, qe, why);
		return -1;
	}
	for (line = text; line < text + len && rc == 0; line = next) {
		char *nl = memchr(line, '\n', (size_t)(text + len - line));
		next = nl != NULL ? nl + 1 : text + len;
		lineno++;
		if (memchr(line, '\0', (size_t)(next - line)) != NULL) {
			diag_error(ld->d, path, lineno, "entry holds a NUL byte");
			continue;
		}
		if (nl != NULL)
			*nl = '\0';
		char *hash = strchr(line, '#');
		if (hash != NULL)
			*hash = '\0';
		char *s = line, *e = line + strlen(line);
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' ||
		    e[-1] == '\n' || e[-1] == '\r'))
			e--;
		*e = '\0';
		if (*s == '\0')
			continue;
		if (text_utf8_invalid_at(s, (size_t)(e - s)) >= 0) {
			diag_error(ld->d, path, lineno, "entry is not valid UTF-8");
			continue;
		}
		warn_entry_symbols(ld, path, lineno, s);
		if (strvec_push(out, s) == -1) {
			diag_error(ld->d, path, lineno, "out of memory");
			rc = -1;
		}
	}
	free(text);
	if (rc == 0 && out->n == 0)
		diag_warning(ld->d, ref_file, ref_line, "word list %.*s%s is empty",
		    qn, path, qe);
	return rc;
}

void
lists_free(struct loader *ld)
{
	for (size_t i = 0; i < ld->nlists; i++) {
		free(ld->lists[i].name);
		for (size_t k = 0; k < ld->lists[i].n; k++)
			free(ld->lists[i].entries[k]);
		free(ld->lists[i].entries);
		for (size_t k = 0; k < ld->lists[i].nprepared; k++)
			free(ld->lists[i].prepared[k]);
		free(ld->lists[i].prepared);
	}
	free(ld->lists);
	ld->lists = NULL;
	ld->nlists = 0;
}

const struct wlist *
list_find(const struct loader *ld, const char *name, size_t len)
{
	for (size_t i = 0; i < ld->nlists; i++)
		if (strlen(ld->lists[i].name) == len &&
		    memcmp(ld->lists[i].name, name, len) == 0)
			return &ld->lists[i];
	return NULL;
}

void
load_lists(struct loader *ld, const config_setting_t *lists, const char *file,
    const char *dir)
{
	int	 n = config_setting_length(lists);

	if (!config_setting_is_group(lists)) {
		diag_error(ld->d, file, setting_line(lists),
		    "'lists' must be a group: lists = { name = \"file\"; }");
		return;
	}
	ld->lists = calloc((size_t)n + 1, sizeof(*ld->lists));
	if (ld->lists == NULL) {
		loader_oom(ld, file, setting_line(lists));
		return;
	}
	for (int i = 0; i < n; i++) {
		config_setting_t *s = config_setting_get_elem(lists, (unsigned)i);
		struct strvec sv = { 0 };
		int line = setting_line(s);

		if (config_setting_type(s) == CONFIG_TYPE_STRING) {
			char *path = path_join(dir, config_setting_get_string(s));
			if (path == NULL) {
				loader_oom(ld, file, line);
				continue;
			}
			read_list_file(ld, path, file, line, &sv);
			free(path);
		} else if (config_setting_is_array(s) ||
		    config_setting_is_list(s)) {
			int m = config_setting_length(s);
			for (int k = 0; k < m; k++) {
				const char *e = config_setting_get_string_elem(s,
				    (unsigned)k);
				if (e == NULL) {
					diag_error(ld->d, file, line,
					    "list '%s': entries must be strings",
					    config_setting_name(s));
					continue;
				}
				warn_entry_symbols(ld, file, line, e);
				if (strvec_push(&sv, e) == -1)
					loader_oom(ld, file, line);
			}
			if (m == 0)
				diag_warning(ld->d, file, line,
				    "list '%s' is empty", config_setting_name(s));
		} else {
			diag_error(ld->d, file, line,
			    "list '%s' must be a file name or an array of strings",
			    config_setting_name(s));
			continue;
		}
		char *name = strdup(config_setting_name(s));
		if (name == NULL) {
			loader_oom(ld, file, line);
			strvec_free(&sv);
			continue;
		}
		struct wlist *wl = &ld->lists[ld->nlists++];
		wl->name = name;
		wl->entries = sv.v;
		wl->n = sv.n;
		wl->file = (char *)file;
		wl->line = line;
	}
}

int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
list_conf_files(const char *dir, struct strvec *names, bool must_exist,
    struct diag *d)
{
	DIR		*dp;
	struct dirent	*de;

	if ((dp = opendir(dir)) == NULL) {
		if (!must_exist && errno == ENOENT)
			return 0;
		diag_error(d, dir, 0, "cannot open rules directory: %s",
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 6 ||
		    strcmp(de->d_name + len - 5, ".conf") != 0)
			continue;
		if (strvec_push(names, de->d_name) == -1) {
			closedir(dp);
			diag_error(d, dir, 0, "out of memory");
			return -1;
		}
	}
	closedir(dp);
	if (names->n > 1)	/* an empty directory has no array to sort */
		qsort(names->v, names->n, sizeof(char *), cmp_str);
	return 0;
}
