/* diag: problems found while loading configuration and rules, each with
 * the file:line an admin needs to fix it. Loaders keep going after an
 * error so that one run reports them all. */
#ifndef DECORUM_DIAG_H
#define DECORUM_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING,
};

struct diag_item {
	enum diag_severity	 severity;
	char			*text;		/* "file:line: message" */
};

struct diag {
	struct diag_item	*items;
	size_t			 count, cap;
	size_t			 errors, warnings;
};

void	diag_init(struct diag *d);
void	diag_free(struct diag *d);
/* file may be NULL (no location); line <= 0 prints the file alone. */
void	diag_add(struct diag *d, enum diag_severity sev, const char *file,
	    int line, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
#define diag_error(d, f, l, ...)	diag_add(d, DIAG_ERROR, f, l, __VA_ARGS__)
#define diag_warning(d, f, l, ...)	diag_add(d, DIAG_WARNING, f, l, __VA_ARGS__)
void	diag_print(const struct diag *d, FILE *out);
void	diag_log(const struct diag *d);

#endif
