/* fold: the evasion folds that turn the normal view into the folded one
 * (look-alike characters, leetspeak, stretched letters, spaced letters),
 * keeping the map back to the original text. */
#ifndef DECORUM_FOLD_H
#define DECORUM_FOLD_H

#include <stddef.h>

#include "view.h"

/* Build the folded view of `normal` with the folds in `folds` into out;
 * tmp is scratch. Returns 0, 1 when no fold changes anything (out is then
 * untouched and normal serves as it is), or -1 when memory runs out. */
int	fold_view(struct view_buf *out, struct view_buf *tmp,
	    const struct view *normal, unsigned folds);
/* Fold an already normalized word-list entry the same way, so entries and
 * text meet in the middle (squeezed "ass" stays apart from "as").
 * Returns a malloc'd string. */
char	*fold_string(const char *s, size_t len, unsigned folds,
	    size_t *outlen);
/* Squeeze every run of one ASCII character to one, into out (len bytes
 * of room): the key under which stretched words are looked up. */
size_t	fold_squeeze_key(const char *s, size_t len, char *out);
/* Bits of a hint about a text (FOLD_* that could change it), computed by
 * fold_scan; FOLD_HINT_KNOWN marks a hint as computed. */
#define FOLD_HINT_KNOWN	(1u << 8)
/* Scan src once for the folds worth running; with dst, also copy it there
 * in lower case (the normal view of ASCII text). */
unsigned fold_scan(const char *src, char *dst, size_t n);
/* Parse a fold name ("confusables", "leet", "squeeze", "join"); 0 if
 * unknown. */
unsigned fold_parse(const char *name);

#endif
