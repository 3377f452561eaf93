/* norm: the text views that rules match against, built once per comment.
 * Every byte of a view maps back to the span of the original text it came
 * from, so a hit found in any view reports offsets into what the user
 * wrote. The buffers are reused from comment to comment. */
#ifndef DECORUM_NORM_H
#define DECORUM_NORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "view.h"

struct views {
	const char	*orig;
	size_t		 orig_len;
	struct view	 raw, normal;
	struct view_buf	 nbuf;
	/* folded variants, built on first use for each fold mask */
	struct view_buf	 fbuf[NORM_FOLD_VARIANTS];
	unsigned	 fmask[NORM_FOLD_VARIANTS];
	struct view	 folded[NORM_FOLD_VARIANTS];
	int		 nfolded;
	struct view_buf	 tmp;	/* scratch for multi-pass folds */
};

void	views_init(struct views *vs);
void	views_free(struct views *vs);
/* Build raw and normal for text (valid UTF-8 expected; invalid bytes
 * become U+FFFD). Returns -1 only when memory runs out. */
int	views_build(struct views *vs, const char *text, size_t len);
/* The folded view for a fold mask; NULL when memory runs out. */
const struct view *views_folded(struct views *vs, unsigned folds);
const struct view *views_get(struct views *vs, enum view_kind kind,
	    unsigned folds);

/* Normalize a standalone string (a word list entry, an allow entry) the
 * way the normal view does; returns a malloc'd NUL-terminated string. */
char	*norm_string(const char *s, size_t len, size_t *outlen);

#endif
