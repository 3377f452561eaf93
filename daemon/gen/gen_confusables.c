/*
 * gen_confusables.c - generates daemon/engine/confusables_table.h, the table behind
 * confusable_fold() (the "confusables" step of the folded text view).
 *
 * Regenerate (from the repository root; needs libicu-dev, which only this
 * generator uses, never the daemon):
 *
 *   cc -std=c17 -O2 -Wall -Wextra daemon/gen/gen_confusables.c \
 *      $(pkg-config --cflags --libs icu-uc icu-i18n) -o /tmp/gen_confusables \
 *   && /tmp/gen_confusables > daemon/engine/confusables_table.h
 *
 * The output depends only on the ICU version (its Unicode and UTS #39 data),
 * which the header records; rerun after an ICU upgrade and review the diff.
 *
 * What goes in the table: every assigned non-ASCII code point (all planes)
 * that looks like one ASCII letter, mapped to that letter in lower case.
 * For a code point cp, in this order:
 *
 *  1. nf = NFKC_Casefold(cp).  If nf is one ASCII letter, cp maps to it
 *     (full-width, mathematical alphanumerics, circled/superscript letters,
 *     letter-like symbols such as U+2113 SCRIPT SMALL L).  If nf is "(x)" for
 *     an ASCII letter x, cp maps to x (parenthesised letters U+249C..).  If nf
 *     is any other single ASCII character (a digit, punctuation) or nothing
 *     (a default-ignorable), cp is left out: the normal view already turns it
 *     into that ASCII character (or drops it), so folding it here as well
 *     could only disagree with that.
 *
 *  2. Digits are never mapped here.  ASCII digits are not in the table (no
 *     ASCII is) and digits whose NFKC form is an ASCII digit were dropped in
 *     step 1; the separate leet fold decides 0->o, 1->i/l, ... .  Other
 *     decimal digits (General_Category Nd, e.g. ARABIC-INDIC DIGIT FIVE,
 *     which looks like an o) are left out too: they are numbers in their own
 *     script, and digit-as-letter guessing belongs to the leet fold.  The same
 *     goes for a skeleton that only reaches a letter through a digit: UTS #39
 *     maps DIGIT ZERO to LATIN CAPITAL LETTER O, so step 3 compares skeletons
 *     with the skeletons of the letters themselves, never of digits.
 *
 *  3. Otherwise take x = nf if nf is a single code point, else cp (the folded
 *     view runs after NFKC + casefold, so judging the folded form keeps the
 *     table consistent with what the fold will actually be given), and its
 *     UTS #39 skeleton (uspoof_getSkeleton).  Two strings are confusable
 *     when their skeletons are equal, so x maps to the ASCII letter L when
 *     skeleton(x) == skeleton(L) for L in a..z (checked first, so something
 *     that looks like "l" and "I" alike becomes l), else for L in A..Z.
 *     This compares with the letters' own skeletons because UTS #39 picks
 *     odd prototypes: skeleton("m") is "rn", skeleton("I") is "l".
 *     Numbers (General_Category N*, e.g. IDEOGRAPHIC NUMBER ZERO) and
 *     non-spacing marks are skipped here: see 2, and the normal view strips
 *     non-spacing marks before this fold runs.
 *
 *  4. If skeleton(x) is one ASCII letter followed only by non-spacing marks
 *     and x has no canonical decomposition, x maps to that letter: these are
 *     letters with an overlaid stroke or hook (o with stroke, l with stroke,
 *     f with hook, Greek eta = n + vertical line below; also CENT SIGN,
 *     YEN SIGN) that the normal view's mark stripping cannot reach.
 *     Decomposable accented letters are left out on purpose; the normal view
 *     already reduces them.
 *
 *  5. LATIN LETTER SMALL CAPITAL <X> maps to x (by Unicode character name).
 *     UTS #39 has no entry tying most small capitals to their letter, yet
 *     "small caps" text generators are a common disguise.  Only the Latin
 *     small capitals themselves: Cyrillic letters whose skeleton is a small
 *     capital (ve, en, te, ka, em) are NOT chained through, because that
 *     would turn most ordinary Russian words into Latin letter strings
 *     ("нет" -> "het", "вот" -> "bot") and invite false positives.
 *
 * Letters of other scripts are kept even though folding them mangles text
 * in those scripts (Cyrillic "сор" becomes "cop"): the folded view is only
 * used to match English word lists.  ASCII itself is excluded: folding a
 * letter to itself is the identity and digits/punctuation are not letters.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

enum { buf_cap = 64 };

/* Which step (see the top comment) produced an entry. */
enum tier { tier_none, tier_nfkc, tier_skeleton, tier_overlay, tier_small_cap,
            tier_count };

static const char *const tier_names[tier_count] = {
    "none", "NFKC_Casefold", "skeleton", "skeleton+overlay mark", "small capital",
};

struct ctx {
    const UNormalizer2 *nfkc_cf;
    const UNormalizer2 *nfd;
    USpoofChecker *sc;
    UChar letter_sk[2][26][buf_cap]; /* skeletons of a..z, then A..Z */
    int32_t letter_sk_len[2][26];
};

static void die(const char *what, UErrorCode status)
{
    fprintf(stderr, "gen_confusables: %s: %s\n", what, u_errorName(status));
    exit(1);
}

static int32_t cp_to_u16(UChar32 cp, UChar *out)
{
    int32_t len = 0;
    UBool err = false;
    U16_APPEND(out, len, buf_cap, cp, err);
    (void)err; /* buf_cap always fits one code point */
    return len;
}

static int32_t skeleton(const struct ctx *c, const UChar *s, int32_t len,
                        UChar *out)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uspoof_getSkeleton(c->sc, 0, s, len, out, buf_cap, &status);
    if (U_FAILURE(status))
        die("uspoof_getSkeleton", status);
    return n;
}

/* The code point if s[0..len) is exactly one, else -1. */
static UChar32 single_cp(const UChar *s, int32_t len)
{
    if (len <= 0)
        return -1;
    int32_t i = 0;
    UChar32 cp;
    U16_NEXT(s, i, len, cp);
    return i == len ? cp : -1;
}

static bool is_nonspacing(UChar32 cp)
{
    int8_t gc = u_charType(cp);
    return gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK;
}

static bool is_number(UChar32 cp)
{
    int8_t gc = u_charType(cp);
    return gc == U_DECIMAL_DIGIT_NUMBER || gc == U_LETTER_NUMBER ||
           gc == U_OTHER_NUMBER;
}

static char ascii_lower(UChar32 cp)
{
    if (cp >= 'a' && cp <= 'z')
        return (char)cp;
    if (cp >= 'A' && cp <= 'Z')
        return (char)(cp - 'A' + 'a');
    return 0;
}

/* Step 3: the letter whose skeleton equals sk, lower-case letters first. */
static char letter_with_skeleton(const struct ctx *c, const UChar *sk,
                                 int32_t len)
{
    for (int row = 0; row < 2; row++) {
        for (int i = 0; i < 26; i++) {
            if (c->letter_sk_len[row][i] == len &&
                memcmp(c->letter_sk[row][i], sk, (size_t)len * sizeof *sk) == 0)
                return (char)('a' + i);
        }
    }
    return 0;
}

/* Step 4: one ASCII letter followed by at least one non-spacing mark. */
static char letter_with_overlay(const UChar *sk, int32_t len)
{
    if (len < 2)
        return 0;
    char to = ascii_lower(sk[0]);
    if (!to)
        return 0;
    for (int32_t i = 1; i < len;) {
        UChar32 cp;
        U16_NEXT(sk, i, len, cp);
        if (!is_nonspacing(cp))
            return 0;
    }
    return to;
}

static bool has_canonical_decomposition(const struct ctx *c, UChar32 cp)
{
    UChar buf[buf_cap];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = unorm2_getDecomposition(c->nfd, cp, buf, buf_cap, &status);
    return U_SUCCESS(status) && n >= 0;
}

/* Step 5: "LATIN LETTER SMALL CAPITAL X" exactly, X one letter. */
static char small_capital(UChar32 cp)
{
    static const char prefix[] = "LATIN LETTER SMALL CAPITAL ";
    char name[128];
    UErrorCode status = U_ZERO_ERROR;
    u_charName(cp, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    if (U_FAILURE(status) || strncmp(name, prefix, sizeof prefix - 1) != 0)
        return 0;
    const char *x = name + sizeof prefix - 1;
    return x[1] == '\0' ? ascii_lower((unsigned char)x[0]) : 0;
}

/* Steps 1-5 of the top comment for one non-ASCII code point. */
static enum tier classify(const struct ctx *c, UChar32 cp, char *to)
{
    UChar src[buf_cap], nf[buf_cap], sk[buf_cap];
    int32_t src_len = cp_to_u16(cp, src);
    UErrorCode status = U_ZERO_ERROR;
    int32_t nf_len =
        unorm2_normalize(c->nfkc_cf, src, src_len, nf, buf_cap, &status);
    if (U_FAILURE(status))
        die("unorm2_normalize", status);

    /* 1 */
    UChar32 nf_cp = single_cp(nf, nf_len);
    if (nf_len == 0)
        return tier_none; /* default-ignorable: the normal view drops it */
    if (nf_cp >= 0 && nf_cp < 0x80) {
        *to = (nf_cp >= 'a' && nf_cp <= 'z') ? (char)nf_cp : 0;
        return *to ? tier_nfkc : tier_none;
    }
    if (nf_len == 3 && nf[0] == '(' && nf[2] == ')' && nf[1] >= 'a' &&
        nf[1] <= 'z') {
        *to = (char)nf[1];
        return tier_nfkc;
    }

    /* 2, 3: judge the form the fold will be given. */
    UChar32 x = nf_cp >= 0 ? nf_cp : cp;
    if (is_number(cp) || is_number(x) || is_nonspacing(x))
        return tier_none;
    int32_t sk_len = nf_cp >= 0 ? skeleton(c, nf, nf_len, sk)
                                : skeleton(c, src, src_len, sk);
    if ((*to = letter_with_skeleton(c, sk, sk_len)))
        return tier_skeleton;

    /* 4 */
    if (!has_canonical_decomposition(c, x) &&
        (*to = letter_with_overlay(sk, sk_len)))
        return tier_overlay;

    /* 5 */
    if ((*to = small_capital(x)))
        return tier_small_cap;
    return tier_none;
}

int main(void)
{
    static struct ctx c;
    UErrorCode status = U_ZERO_ERROR;
    c.nfkc_cf = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status))
        die("unorm2_getNFKCCasefoldInstance", status);
    c.nfd = unorm2_getNFDInstance(&status);
    if (U_FAILURE(status))
        die("unorm2_getNFDInstance", status);
    c.sc = uspoof_open(&status);
    if (U_FAILURE(status))
        die("uspoof_open", status);
    for (int row = 0; row < 2; row++) {
        for (int i = 0; i < 26; i++) {
            UChar l = (UChar)((row == 0 ? 'a' : 'A') + i);
            c.letter_sk_len[row][i] = skeleton(&c, &l, 1, c.letter_sk[row][i]);
        }
    }

    UVersionInfo icu_v, uni_v;
    char icu_s[U_MAX_VERSION_STRING_LENGTH], uni_s[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(icu_v);
    u_getUnicodeVersion(uni_v);
    u_versionToString(icu_v, icu_s);
    u_versionToString(uni_v, uni_s);

    printf("/*\n"
           " * GENERATED FILE - do not edit; regenerate instead.\n"
           " * Generator: daemon/gen/gen_confusables.c (its top comment says what\n"
           " * is included and why), run from the repository root as\n"
           " *   cc -std=c17 -O2 -Wall -Wextra daemon/gen/gen_confusables.c \\\n"
           " *      $(pkg-config --cflags --libs icu-uc icu-i18n) -o /tmp/gen_confusables \\\n"
           " *   && /tmp/gen_confusables > daemon/engine/confusables_table.h\n"
           " * Source: ICU %s (Unicode %s): UTS #39 confusable skeletons\n"
           " * (uspoof_getSkeleton), NFKC_Casefold and character names.\n"
           " * Maps non-ASCII code points to the ASCII lower-case letter they look\n"
           " * like; sorted by code point, no duplicates (binary search).\n"
           " */\n"
           "#ifndef DECORUM_CONFUSABLES_TABLE_H\n"
           "#define DECORUM_CONFUSABLES_TABLE_H\n\n"
           "#include <stdint.h>\n\n"
           "static const struct {\n"
           "    uint32_t cp;\n"
           "    char to;\n"
           "} confusables_table[] = {\n",
           icu_s, uni_s);

    size_t per_tier[tier_count] = {0}, total = 0;
    for (UChar32 cp = 0x80; cp <= 0x10FFFF; cp++) {
        if (U_IS_SURROGATE(cp) || u_charType(cp) == U_UNASSIGNED)
            continue;
        char to = 0;
        enum tier t = classify(&c, cp, &to);
        if (t == tier_none)
            continue;

        char name[128];
        status = U_ZERO_ERROR;
        u_charName(cp, U_EXTENDED_CHAR_NAME, name, sizeof name, &status);
        if (U_FAILURE(status))
            strcpy(name, "?");
        printf("    {0x%04lX, '%c'}, /* %s (%s) */\n", (unsigned long)cp, to, name,
               tier_names[t]);
        per_tier[t]++;
        total++;
    }

    printf("};\n\n/* %zu entries:", total);
    for (int t = tier_nfkc; t < tier_count; t++)
        printf("%s %zu via %s", t == tier_nfkc ? "" : ",", per_tier[t],
               tier_names[t]);
    printf(". */\n\n#endif\n");
    uspoof_close(c.sc);
    return 0;
}
