/* corpus_reader: reads labelled corpora, JSON Lines of
 * {"text":"...","labels":[...]} (more members as the caller wishes), file
 * after file, row by row. Blank lines are passed over; a line that is no
 * such row is warned about as "FILE:LINE: skipped: WHY" and counted. Used
 * by `decorumctl replay` and `decorumctl tune`. */
#ifndef DECORUM_CORPUS_READER_H
#define DECORUM_CORPUS_READER_H

#include <stdio.h>

#include <jansson.h>

/* The fields are the reader's own: read them through the functions. A
 * reader zeroed with memset may be freed without being initialised. */
struct corpus_reader {
	char *const	 *files;
	int		  n_files, cur_file;
	FILE		 *in;
	char		 *line;
	size_t		  line_cap;
	long		  lineno;
	long		  skipped;
	void		(*before_warn)(void *);
	void		 *arg;
};

/* files are not copied and must outlive the reader. before_warn, if not
 * NULL, is called with arg before every warning, so that a progress line
 * on the terminal can be cleared first. */
void		 corpus_reader_init(struct corpus_reader *r, char *const *files,
		    int n_files, void (*before_warn)(void *), void *arg);
/* 1 and the next row in *row, whose reference the caller owns; 0 at the
 * end of the last file; -1 when a file cannot be opened or read, after
 * the warning. */
int		 corpus_reader_next(struct corpus_reader *r, json_t **row);
/* The file and line of the row last returned ("FILE:LINE" names a row
 * without an id); the file is NULL once every file is read. */
const char	*corpus_reader_file(const struct corpus_reader *r);
long		 corpus_reader_line(const struct corpus_reader *r);
/* Lines skipped so far. */
long		 corpus_reader_skipped(const struct corpus_reader *r);
void		 corpus_reader_free(struct corpus_reader *r);

#endif
