#include "confusables.h"

#include <stddef.h>

#include "confusables_table.h" /* generated: daemon/gen/gen_confusables.c */

uint32_t confusable_fold(uint32_t cp)
{
    /* Most text is ASCII, and the table holds no ASCII by construction. */
    if (cp < 0x80)
        return cp;

    size_t lo = 0;
    size_t hi = sizeof confusables_table / sizeof confusables_table[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (confusables_table[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < sizeof confusables_table / sizeof confusables_table[0] &&
        confusables_table[lo].cp == cp)
        return (uint32_t)(unsigned char)confusables_table[lo].to;
    return cp;
}
