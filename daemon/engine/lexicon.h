/* lexicon: word lists compiled to token lookups. Each entry is a word,
 * a stem ("kill*") or a phrase of words; a scan walks the words of a view
 * once and looks each up in a hash table, so its cost does not grow with
 * the size of the lists. */
#ifndef DECORUM_LEXICON_H
#define DECORUM_LEXICON_H

#include <stddef.h>
#include <stdint.h>

struct lexicon;

/* Called for every entry that matches: [start, end) in the scanned text. */
typedef void lexicon_hit_fn(void *ctx, uint32_t owner, size_t start,
	    size_t end);

struct lexicon *lexicon_new(void);
void	lexicon_free(struct lexicon *lx);
/* entry: normalized words separated by single spaces, the last one may end
 * in '*' (a stem). Returns 0, or -1 on an empty entry or out of memory. */
/* Entry flag: match only words that were stretched ("asssss" finds the
 * squeezed form "as" of "ass"; the plain word "as" does not). */
#define LEXICON_SQUEEZED_ONLY	0x1
/* Entry flag: never match a stretched word ("niiiiger" is no allowed
 * "niger"): exceptions must not open a way around the rules. */
#define LEXICON_EXACT_ONLY	0x2

int	lexicon_add(struct lexicon *lx, const char *entry, size_t len,
	    uint32_t owner, unsigned flags);
size_t	lexicon_size(const struct lexicon *lx);
/* squeezed: per byte of text, 1 where a stretched run was squeezed (may
 * be NULL); a word with such a byte is looked up by its squeezed form. */
void	lexicon_scan(const struct lexicon *lx, const char *text, size_t len,
	    const uint8_t *squeezed, lexicon_hit_fn *fn, void *ctx);

#endif
