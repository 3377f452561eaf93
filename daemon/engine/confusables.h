/*
 * Confusables fold for the "folded" text view: look-alike characters
 * (Cyrillic/Greek letters, full-width and mathematical letters, letter-like
 * symbols, small capitals, ...) become the ASCII letter they imitate, so
 * disguised words still match the English word lists.
 */
#ifndef DECORUM_CONFUSABLES_H
#define DECORUM_CONFUSABLES_H

#include <stdint.h>

/*
 * The ASCII lower-case letter (as a code point) that cp looks like, or cp
 * itself.  ASCII, digits and anything without a Latin look-alike pass
 * through unchanged; digits are the leet fold's business.
 */
uint32_t confusable_fold(uint32_t cp);

#endif
