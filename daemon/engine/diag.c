#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

void
diag_init(struct diag *d)
{
	memset(d, 0, sizeof(*d));
}

void
diag_free(struct diag *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->items[i].text);
	free(d->items);
	memset(d, 0, sizeof(*d));
}

void
diag_add(struct diag *d, enum diag_severity sev, const char *file, int line,
    const char *fmt, ...)
{
	char		 msg[1024], *text;
	va_list		 ap;
	int		 n;

	if (sev == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);

	const char *tag = sev == DIAG_ERROR ? "" : "warning: ";
	if (file != NULL && line > 0)
		n = snprintf(NULL, 0, "%s:%d: %s%s", file, line, tag, msg);
	else if (file != NULL)
		n = snprintf(NULL, 0, "%s: %s%s", file, tag, msg);
	else
		n = snprintf(NULL, 0, "%s%s", tag, msg);
	if (n < 0 || (text = malloc((size_t)n + 1)) == NULL)
		return;		/* the counters above still tell */
	if (file != NULL && line > 0)
		snprintf(text, (size_t)n + 1, "%s:%d: %s%s", file, line, tag, msg);
	else if (file != NULL)
		snprintf(text, (size_t)n + 1, "%s: %s%s", file, tag, msg);
	else
		snprintf(text, (size_t)n + 1, "%s%s", tag, msg);

	if (d->count == d->cap) {
		size_t ncap = d->cap ? d->cap * 2 : 16;
		struct diag_item *ni = realloc(d->items, ncap * sizeof(*ni));
		if (ni == NULL) {
			free(text);
			return;
		}
		d->items = ni;
		d->cap = ncap;
	}
	d->items[d->count].severity = sev;
	d->items[d->count].text = text;
	d->count++;
}

void
diag_print(const struct diag *d, FILE *out)
{
	for (size_t i = 0; i < d->count; i++)
		fprintf(out, "%s\n", d->items[i].text);
}

void
diag_log(const struct diag *d)
{
	for (size_t i = 0; i < d->count; i++) {
		if (d->items[i].severity == DIAG_ERROR)
			log_error("%s", d->items[i].text);
		else
			log_warn("%s", d->items[i].text);
	}
}
