/* view: a text view and the buffer that holds one, with the map from each
 * view byte back to the original text. The types norm (which builds the
 * raw and normal views) and fold (which builds folded ones) share; this
 * header knows neither of them. */
#ifndef DECORUM_VIEW_H
#define DECORUM_VIEW_H

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

/* Grow b to hold need bytes (text and maps). Returns -1 when memory
 * runs out; b is then unchanged but for what it had already grown. */
int	view_buf_reserve(struct view_buf *b, size_t need);
void	view_buf_free(struct view_buf *b);
/* Map the view span [s, e) to the original text. */
void	view_span_orig(const struct view *v, size_t s, size_t e,
	    size_t *os, size_t *oe);

#endif
