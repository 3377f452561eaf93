/* corpus_reader: labelled corpus files read row by row (see
 * corpus_reader.h). */
#include "corpus_reader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "ctl_util.h"

void
corpus_reader_init(struct corpus_reader *r, char *const *files, int n_files,
    void (*before_warn)(void *), void *arg)
{
	memset(r, 0, sizeof(*r));
	r->files = files;
	r->n_files = n_files;
	r->before_warn = before_warn;
	r->arg = arg;
}

static void
before_warn(struct corpus_reader *r)
{
	if (r->before_warn != NULL)
		r->before_warn(r->arg);
}

static void
skip_line(struct corpus_reader *r, const char *why)
{
	before_warn(r);
	ctl_warn("%s:%ld: skipped: %s", r->files[r->cur_file], r->lineno,
	    why);
	r->skipped++;
}

int
corpus_reader_next(struct corpus_reader *r, json_t **row)
{
	*row = NULL;
	for (;;) {
		json_error_t	 jerr;
		json_t		*src;
		ssize_t		 n;

		if (r->in == NULL) {
			if (r->cur_file >= r->n_files)
				return 0;
			if ((r->in = fopen(r->files[r->cur_file], "r")) ==
			    NULL) {
				before_warn(r);
				ctl_warn("cannot open %s: %s",
				    r->files[r->cur_file], strerror(errno));
				return -1;
			}
			r->lineno = 0;
		}
		if ((n = getline(&r->line, &r->line_cap, r->in)) < 0) {
			if (ferror(r->in)) {
				before_warn(r);
				ctl_warn("reading %s: %s",
				    r->files[r->cur_file], strerror(errno));
				return -1;
			}
			fclose(r->in);
			r->in = NULL;
			r->cur_file++;
			continue;
		}
		r->lineno++;
		if (strspn(r->line, " \t\r\n") == (size_t)n)
			continue;
		/* a \u0000 in a text is the daemon's to answer, not ours */
		src = json_loadb(r->line, (size_t)n, JSON_ALLOW_NUL, &jerr);
		if (src == NULL) {
			char why[256];

			snprintf(why, sizeof(why), "not JSON: %s", jerr.text);
			skip_line(r, why);
			continue;
		}
		if (!json_is_object(src) ||
		    !json_is_string(json_object_get(src, "text"))) {
			skip_line(r, "no \"text\" string");
			json_decref(src);
			continue;
		}
		if (!json_is_array(json_object_get(src, "labels"))) {
			skip_line(r, "no \"labels\" array");
			json_decref(src);
			continue;
		}
		*row = src;
		return 1;
	}
}

const char *
corpus_reader_file(const struct corpus_reader *r)
{
	return r->cur_file < r->n_files ? r->files[r->cur_file] : NULL;
}

long
corpus_reader_line(const struct corpus_reader *r)
{
	return r->lineno;
}

long
corpus_reader_skipped(const struct corpus_reader *r)
{
	return r->skipped;
}

void
corpus_reader_free(struct corpus_reader *r)
{
	if (r->in != NULL)
		fclose(r->in);
	r->in = NULL;
	free(r->line);
	r->line = NULL;
	r->line_cap = 0;
}
