/* norm: the text views that rules match against, built once per comment.
 * Every byte of a view maps back to the span of the original text it came
 * from, so a hit found in any view reports offsets into what the user
 * wrote. The buffers are reused from comment to comment. */
#ifndef DECORUM_NORM_H
#define DECORUM_NORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum view_kind {
	VIEW_RAW = 0,	/* the text as sent */
	VIEW_NORMAL,	/* NFKC, case-folded, ignorables and marks removed */
	VIEW_FOLDED,	/* normal plus the evasion folds of a rule set */
	VIEW_KINDS
};

/* Evasion folds of the folded view; a rule set picks its own. */
enum fold_flag {
	FOLD_CONFUSABLES = 1 << 0,
	FOLD_LEET	 = 1 << 1,
	FOLD_SQUEEZE	 = 1 << 2,
	FOLD_JOIN	 = 1 << 3,
};
#define FOLD_ALL (FOLD_CONFUSABLES | FOLD_LEET | FOLD_SQUEEZE | FOLD_JOIN)
#define NORM_FOLD_VARIANTS 4

struct view {
	const char	*text;
	size_t		 len;
	/* ostart[i]/oend[i]: the original bytes view byte i came from;
	 * both NULL for the raw view, which is the original itself. */
	const uint32_t	*ostart, *oend;
	/* folded views: 1 where a stretched run ("uuuu") was squeezed */
	const uint8_t	*squeezed;
	unsigned	 hint;		/* normal view: fold_scan's, or 0 */
};

struct view_buf {
	char		*text;
	uint32_t	*ostart, *oend;
	uint8_t		*squeezed;
	size_t		 len, cap;
	bool		 identity;	/* byte i came from byte i: maps unused */
	unsigned	 hint;		/* fold_scan's, when identity */
};

/* Where view byte i came from; views whose bytes map one to one (the raw
 * view, the normal view of ASCII text) keep no map arrays at all. */
static inline uint32_t
view_ostart(const struct view *v, size_t i)
{
	return v->ostart != NULL ? v->ostart[i] : (uint32_t)i;
}

static inline uint32_t
view_oend(const struct view *v, size_t i)
{
	return v->oend != NULL ? v->oend[i] : (uint32_t)i + 1;
}

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

int	view_buf_reserve(struct view_buf *b, size_t need);
void	views_init(struct views *vs);
void	views_free(struct views *vs);
/* Build raw and normal for text (valid UTF-8 expected; invalid bytes
 * become U+FFFD). Returns -1 only when memory runs out. */
int	views_build(struct views *vs, const char *text, size_t len);
/* The folded view for a fold mask; NULL when memory runs out. */
const struct view *views_folded(struct views *vs, unsigned folds);
const struct view *views_get(struct views *vs, enum view_kind kind,
	    unsigned folds);
/* Map the view span [s, e) to the original text. */
void	view_span_orig(const struct view *v, size_t s, size_t e,
	    size_t *os, size_t *oe);

/* Normalize a standalone string (a word list entry, an allow entry) the
 * way the normal view does; returns a malloc'd NUL-terminated string. */
char	*norm_string(const char *s, size_t len, size_t *outlen);

#endif
