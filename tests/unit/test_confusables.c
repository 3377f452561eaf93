/* Unit tests for the confusables fold (daemon/confusables.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "confusables.h"
#include "confusables_table.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    uint32_t cp;
    uint32_t want;
    const char *what;
} cases[] = {
    /* Cyrillic look-alikes: the classic homograph disguise. */
    {0x0430, 'a', "CYRILLIC SMALL LETTER A"},
    {0x0435, 'e', "CYRILLIC SMALL LETTER IE"},
    {0x043E, 'o', "CYRILLIC SMALL LETTER O"},
    {0x0440, 'p', "CYRILLIC SMALL LETTER ER"},
    {0x0441, 'c', "CYRILLIC SMALL LETTER ES"},
    {0x0445, 'x', "CYRILLIC SMALL LETTER HA"},
    {0x0443, 'y', "CYRILLIC SMALL LETTER U"},
    {0x0456, 'i', "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I"},
    {0x0455, 's', "CYRILLIC SMALL LETTER DZE"},
    {0x0458, 'j', "CYRILLIC SMALL LETTER JE"},
    {0x0410, 'a', "CYRILLIC CAPITAL LETTER A"},
    /* Greek. */
    {0x03BF, 'o', "GREEK SMALL LETTER OMICRON"},
    {0x03BD, 'v', "GREEK SMALL LETTER NU"},
    {0x03B1, 'a', "GREEK SMALL LETTER ALPHA"},
    /* Compatibility forms that NFKC folds too. */
    {0xFF46, 'f', "FULLWIDTH LATIN SMALL LETTER F"},
    {0xFF26, 'f', "FULLWIDTH LATIN CAPITAL LETTER F"},
    {0x1D41F, 'f', "MATHEMATICAL BOLD SMALL F"},
    {0x1D4D2, 'c', "MATHEMATICAL BOLD SCRIPT CAPITAL C"},
    {0x2113, 'l', "SCRIPT SMALL L"},
    {0x24D5, 'f', "CIRCLED LATIN SMALL LETTER F"},
    {0x24A1, 'f', "PARENTHESIZED LATIN SMALL LETTER F"},
    /* Small capitals, letters with an overlaid stroke or hook. */
    {0x1D0B, 'k', "LATIN LETTER SMALL CAPITAL K"},
    {0x0192, 'f', "LATIN SMALL LETTER F WITH HOOK"},
    {0x00F8, 'o', "LATIN SMALL LETTER O WITH STROKE"},
    {0x0131, 'i', "LATIN SMALL LETTER DOTLESS I"},
    /* Unchanged: ASCII, digits (leet fold's job), CJK, non-look-alikes. */
    {'f', 'f', "ASCII f"},
    {'0', '0', "ASCII DIGIT ZERO"},
    {'@', '@', "ASCII COMMERCIAL AT"},
    {0xFF10, 0xFF10, "FULLWIDTH DIGIT ZERO"},
    {0x0665, 0x0665, "ARABIC-INDIC DIGIT FIVE"},
    {0x732B, 0x732B, "CJK UNIFIED IDEOGRAPH-732B"},
    {0x00E9, 0x00E9, "LATIN SMALL LETTER E WITH ACUTE (normal view strips)"},
    {0x0436, 0x0436, "CYRILLIC SMALL LETTER ZHE"},
    {0x10FFFF, 0x10FFFF, "last code point"},
};

static void test_known_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        uint32_t got = confusable_fold(cases[i].cp);
        if (got != cases[i].want)
            fail_msg("U+%04X %s: got U+%04X, want U+%04X",
                     (unsigned)cases[i].cp, cases[i].what, (unsigned)got,
                     (unsigned)cases[i].want);
    }
}

static void test_ascii_is_identity(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp < 0x80; cp++)
        assert_int_equal(confusable_fold(cp), cp);
}

/* Binary search needs strict order; the generator promises no ASCII and
 * only a-z targets. */
static void test_table_sorted_unique_letters(void **state)
{
    (void)state;
    assert_true(COUNT_OF(confusables_table) > 0);
    for (size_t i = 0; i < COUNT_OF(confusables_table); i++) {
        assert_true(confusables_table[i].cp >= 0x80);
        assert_true(confusables_table[i].cp <= 0x10FFFF);
        assert_true(confusables_table[i].to >= 'a' &&
                    confusables_table[i].to <= 'z');
        if (i > 0)
            assert_true(confusables_table[i - 1].cp < confusables_table[i].cp);
    }
}

/* Every entry must be reachable through the search, first and last too. */
static void test_every_entry_found(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT_OF(confusables_table); i++)
        assert_int_equal(confusable_fold(confusables_table[i].cp),
                         (uint32_t)confusables_table[i].to);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_cases),
        cmocka_unit_test(test_ascii_is_identity),
        cmocka_unit_test(test_table_sorted_unique_letters),
        cmocka_unit_test(test_every_entry_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
