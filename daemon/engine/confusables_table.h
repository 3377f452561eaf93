/*
 * GENERATED FILE - do not edit; regenerate instead.
 * Generator: daemon/gen/gen_confusables.c (its top comment says what
 * is included and why), run from the repository root as
 *   cc -std=c17 -O2 -Wall -Wextra daemon/gen/gen_confusables.c \
 *      $(pkg-config --cflags --libs icu-uc icu-i18n) -o /tmp/gen_confusables \
 *   && /tmp/gen_confusables > daemon/engine/confusables_table.h
 * Source: ICU 72.1 (Unicode 15.0): UTS #39 confusable skeletons
 * (uspoof_getSkeleton), NFKC_Casefold and character names.
 * Maps non-ASCII code points to the ASCII lower-case letter they look
 * like; sorted by code point, no duplicates (binary search).
 */
#ifndef DECORUM_CONFUSABLES_TABLE_H
#define DECORUM_CONFUSABLES_TABLE_H

#include <stdint.h>

static const struct {
    uint32_t cp;
    char to;
} confusables_table[] = {
    {0x00A2, 'c'}, /* CENT SIGN (skeleton+overlay mark) */
    {0x00A5, 'y'}, /* YEN SIGN (skeleton+overlay mark) */
    {0x00AA, 'a'}, /* FEMININE ORDINAL INDICATOR (NFKC_Casefold) */
    {0x00BA, 'o'}, /* MASCULINE ORDINAL INDICATOR (NFKC_Casefold) */
    {0x00D7, 'x'}, /* MULTIPLICATION SIGN (skeleton) */
    {0x00D8, 'o'}, /* LATIN CAPITAL LETTER O WITH STROKE (skeleton+overlay mark) */
    {0x00F8, 'o'}, /* LATIN SMALL LETTER O WITH STROKE (skeleton+overlay mark) */
    {0x0110, 'd'}, /* LATIN CAPITAL LETTER D WITH STROKE (skeleton+overlay mark) */
    {0x0111, 'd'}, /* LATIN SMALL LETTER D WITH STROKE (skeleton+overlay mark) */
    {0x0126, 'h'}, /* LATIN CAPITAL LETTER H WITH STROKE (skeleton+overlay mark) */
    {0x0127, 'h'}, /* LATIN SMALL LETTER H WITH STROKE (skeleton+overlay mark) */
    {0x0131, 'i'}, /* LATIN SMALL LETTER DOTLESS I (skeleton) */
    {0x0141, 'l'}, /* LATIN CAPITAL LETTER L WITH STROKE (skeleton+overlay mark) */
    {0x0142, 'l'}, /* LATIN SMALL LETTER L WITH STROKE (skeleton+overlay mark) */
    {0x0166, 't'}, /* LATIN CAPITAL LETTER T WITH STROKE (skeleton+overlay mark) */
    {0x0167, 't'}, /* LATIN SMALL LETTER T WITH STROKE (skeleton+overlay mark) */
    {0x017F, 's'}, /* LATIN SMALL LETTER LONG S (NFKC_Casefold) */
    {0x0180, 'b'}, /* LATIN SMALL LETTER B WITH STROKE (skeleton+overlay mark) */
    {0x0181, 'b'}, /* LATIN CAPITAL LETTER B WITH HOOK (skeleton+overlay mark) */
    {0x0182, 'b'}, /* LATIN CAPITAL LETTER B WITH TOPBAR (skeleton+overlay mark) */
    {0x0183, 'b'}, /* LATIN SMALL LETTER B WITH TOPBAR (skeleton+overlay mark) */
    {0x0189, 'd'}, /* LATIN CAPITAL LETTER AFRICAN D (skeleton+overlay mark) */
    {0x018A, 'd'}, /* LATIN CAPITAL LETTER D WITH HOOK (skeleton+overlay mark) */
    {0x018B, 'd'}, /* LATIN CAPITAL LETTER D WITH TOPBAR (skeleton+overlay mark) */
    {0x018C, 'd'}, /* LATIN SMALL LETTER D WITH TOPBAR (skeleton+overlay mark) */
    {0x018D, 'g'}, /* LATIN SMALL LETTER TURNED DELTA (skeleton) */
    {0x0191, 'f'}, /* LATIN CAPITAL LETTER F WITH HOOK (skeleton+overlay mark) */
    {0x0192, 'f'}, /* LATIN SMALL LETTER F WITH HOOK (skeleton+overlay mark) */
    {0x0193, 'g'}, /* LATIN CAPITAL LETTER G WITH HOOK (skeleton+overlay mark) */
    {0x0194, 'y'}, /* LATIN CAPITAL LETTER GAMMA (skeleton) */
    {0x0196, 'i'}, /* LATIN CAPITAL LETTER IOTA (skeleton) */
    {0x0197, 'i'}, /* LATIN CAPITAL LETTER I WITH STROKE (skeleton+overlay mark) */
    {0x0198, 'k'}, /* LATIN CAPITAL LETTER K WITH HOOK (skeleton+overlay mark) */
    {0x0199, 'k'}, /* LATIN SMALL LETTER K WITH HOOK (skeleton+overlay mark) */
    {0x019A, 'l'}, /* LATIN SMALL LETTER L WITH BAR (skeleton+overlay mark) */
    {0x019C, 'w'}, /* LATIN CAPITAL LETTER TURNED M (skeleton) */
    {0x019E, 'n'}, /* LATIN SMALL LETTER N WITH LONG RIGHT LEG (skeleton+overlay mark) */
    {0x019F, 'o'}, /* LATIN CAPITAL LETTER O WITH MIDDLE TILDE (skeleton+overlay mark) */
    {0x01A4, 'p'}, /* LATIN CAPITAL LETTER P WITH HOOK (skeleton+overlay mark) */
    {0x01A5, 'p'}, /* LATIN SMALL LETTER P WITH HOOK (skeleton+overlay mark) */
    {0x01A6, 'r'}, /* LATIN LETTER YR (small capital) */
    {0x01AC, 't'}, /* LATIN CAPITAL LETTER T WITH HOOK (skeleton+overlay mark) */
    {0x01AD, 't'}, /* LATIN SMALL LETTER T WITH HOOK (skeleton+overlay mark) */
    {0x01B2, 'u'}, /* LATIN CAPITAL LETTER V WITH HOOK (skeleton) */
    {0x01B3, 'y'}, /* LATIN CAPITAL LETTER Y WITH HOOK (skeleton+overlay mark) */
    {0x01B4, 'y'}, /* LATIN SMALL LETTER Y WITH HOOK (skeleton+overlay mark) */
    {0x01B5, 'z'}, /* LATIN CAPITAL LETTER Z WITH STROKE (skeleton+overlay mark) */
    {0x01B6, 'z'}, /* LATIN SMALL LETTER Z WITH STROKE (skeleton+overlay mark) */
    {0x01BC, 's'}, /* LATIN CAPITAL LETTER TONE FIVE (skeleton) */
    {0x01BD, 's'}, /* LATIN SMALL LETTER TONE FIVE (skeleton) */
    {0x01C0, 'l'}, /* LATIN LETTER DENTAL CLICK (skeleton) */
    {0x01E4, 'g'}, /* LATIN CAPITAL LETTER G WITH STROKE (skeleton+overlay mark) */
    {0x01E5, 'g'}, /* LATIN SMALL LETTER G WITH STROKE (skeleton+overlay mark) */
    {0x0220, 'n'}, /* LATIN CAPITAL LETTER N WITH LONG RIGHT LEG (skeleton+overlay mark) */
    {0x0224, 'z'}, /* LATIN CAPITAL LETTER Z WITH HOOK (skeleton+overlay mark) */
    {0x0225, 'z'}, /* LATIN SMALL LETTER Z WITH HOOK (skeleton+overlay mark) */
    {0x023B, 'c'}, /* LATIN CAPITAL LETTER C WITH STROKE (skeleton+overlay mark) */
    {0x023C, 'c'}, /* LATIN SMALL LETTER C WITH STROKE (skeleton+overlay mark) */
    {0x023D, 'l'}, /* LATIN CAPITAL LETTER L WITH BAR (skeleton+overlay mark) */
    {0x0243, 'b'}, /* LATIN CAPITAL LETTER B WITH STROKE (skeleton+overlay mark) */
    {0x0246, 'e'}, /* LATIN CAPITAL LETTER E WITH STROKE (skeleton+overlay mark) */
    {0x0247, 'e'}, /* LATIN SMALL LETTER E WITH STROKE (skeleton+overlay mark) */
    {0x0248, 'j'}, /* LATIN CAPITAL LETTER J WITH STROKE (skeleton+overlay mark) */
    {0x0249, 'j'}, /* LATIN SMALL LETTER J WITH STROKE (skeleton+overlay mark) */
    {0x024C, 'r'}, /* LATIN CAPITAL LETTER R WITH STROKE (skeleton+overlay mark) */
    {0x024D, 'r'}, /* LATIN SMALL LETTER R WITH STROKE (skeleton+overlay mark) */
    {0x024E, 'y'}, /* LATIN CAPITAL LETTER Y WITH STROKE (skeleton+overlay mark) */
    {0x024F, 'y'}, /* LATIN SMALL LETTER Y WITH STROKE (skeleton+overlay mark) */
    {0x0251, 'a'}, /* LATIN SMALL LETTER ALPHA (skeleton) */
    {0x0253, 'b'}, /* LATIN SMALL LETTER B WITH HOOK (skeleton+overlay mark) */
    {0x0256, 'd'}, /* LATIN SMALL LETTER D WITH TAIL (skeleton+overlay mark) */
    {0x0257, 'd'}, /* LATIN SMALL LETTER D WITH HOOK (skeleton+overlay mark) */
    {0x0260, 'g'}, /* LATIN SMALL LETTER G WITH HOOK (skeleton+overlay mark) */
    {0x0261, 'g'}, /* LATIN SMALL LETTER SCRIPT G (skeleton) */
    {0x0262, 'g'}, /* LATIN LETTER SMALL CAPITAL G (small capital) */
    {0x0263, 'y'}, /* LATIN SMALL LETTER GAMMA (skeleton) */
    {0x0266, 'h'}, /* LATIN SMALL LETTER H WITH HOOK (skeleton+overlay mark) */
    {0x0268, 'i'}, /* LATIN SMALL LETTER I WITH STROKE (skeleton+overlay mark) */
    {0x0269, 'i'}, /* LATIN SMALL LETTER IOTA (skeleton) */
    {0x026A, 'i'}, /* LATIN LETTER SMALL CAPITAL I (skeleton) */
    {0x026B, 'l'}, /* LATIN SMALL LETTER L WITH MIDDLE TILDE (skeleton+overlay mark) */
    {0x026D, 'l'}, /* LATIN SMALL LETTER L WITH RETROFLEX HOOK (skeleton+overlay mark) */
    {0x026F, 'w'}, /* LATIN SMALL LETTER TURNED M (skeleton) */
    {0x0273, 'n'}, /* LATIN SMALL LETTER N WITH RETROFLEX HOOK (skeleton+overlay mark) */
    {0x0274, 'n'}, /* LATIN LETTER SMALL CAPITAL N (small capital) */
    {0x0275, 'o'}, /* LATIN SMALL LETTER BARRED O (skeleton+overlay mark) */
    {0x027C, 'r'}, /* LATIN SMALL LETTER R WITH LONG LEG (skeleton+overlay mark) */
    {0x027D, 'r'}, /* LATIN SMALL LETTER R WITH TAIL (skeleton+overlay mark) */
    {0x0280, 'r'}, /* LATIN LETTER SMALL CAPITAL R (small capital) */
    {0x0282, 's'}, /* LATIN SMALL LETTER S WITH HOOK (skeleton+overlay mark) */
    {0x028B, 'u'}, /* LATIN SMALL LETTER V WITH HOOK (skeleton) */
    {0x028F, 'y'}, /* LATIN LETTER SMALL CAPITAL Y (skeleton) */
    {0x0290, 'z'}, /* LATIN SMALL LETTER Z WITH RETROFLEX HOOK (skeleton+overlay mark) */
    {0x0299, 'b'}, /* LATIN LETTER SMALL CAPITAL B (small capital) */
    {0x029C, 'h'}, /* LATIN LETTER SMALL CAPITAL H (small capital) */
    {0x029F, 'l'}, /* LATIN LETTER SMALL CAPITAL L (small capital) */
    {0x02A0, 'q'}, /* LATIN SMALL LETTER Q WITH HOOK (skeleton+overlay mark) */
    {0x02B0, 'h'}, /* MODIFIER LETTER SMALL H (NFKC_Casefold) */
    {0x02B1, 'h'}, /* MODIFIER LETTER SMALL H WITH HOOK (skeleton+overlay mark) */
    {0x02B2, 'j'}, /* MODIFIER LETTER SMALL J (NFKC_Casefold) */
    {0x02B3, 'r'}, /* MODIFIER LETTER SMALL R (NFKC_Casefold) */
    {0x02B7, 'w'}, /* MODIFIER LETTER SMALL W (NFKC_Casefold) */
    {0x02B8, 'y'}, /* MODIFIER LETTER SMALL Y (NFKC_Casefold) */
    {0x02DB, 'i'}, /* OGONEK (skeleton) */
    {0x02E0, 'y'}, /* MODIFIER LETTER SMALL GAMMA (skeleton) */
    {0x02E1, 'l'}, /* MODIFIER LETTER SMALL L (NFKC_Casefold) */
    {0x02E2, 's'}, /* MODIFIER LETTER SMALL S (NFKC_Casefold) */
    {0x02E3, 'x'}, /* MODIFIER LETTER SMALL X (NFKC_Casefold) */
    {0x0345, 'i'}, /* COMBINING GREEK YPOGEGRAMMENI (skeleton) */
    {0x037A, 'i'}, /* GREEK YPOGEGRAMMENI (skeleton) */
    {0x037F, 'j'}, /* GREEK CAPITAL LETTER YOT (skeleton) */
    {0x0391, 'a'}, /* GREEK CAPITAL LETTER ALPHA (skeleton) */
    {0x0393, 'y'}, /* GREEK CAPITAL LETTER GAMMA (skeleton) */
    {0x0397, 'n'}, /* GREEK CAPITAL LETTER ETA (skeleton+overlay mark) */
    {0x0398, 'o'}, /* GREEK CAPITAL LETTER THETA (skeleton+overlay mark) */
    {0x0399, 'i'}, /* GREEK CAPITAL LETTER IOTA (skeleton) */
    {0x039D, 'v'}, /* GREEK CAPITAL LETTER NU (skeleton) */
    {0x039F, 'o'}, /* GREEK CAPITAL LETTER OMICRON (skeleton) */
    {0x03A1, 'p'}, /* GREEK CAPITAL LETTER RHO (skeleton) */
    {0x03A3, 'o'}, /* GREEK CAPITAL LETTER SIGMA (skeleton) */
    {0x03A5, 'u'}, /* GREEK CAPITAL LETTER UPSILON (skeleton) */
    {0x03B1, 'a'}, /* GREEK SMALL LETTER ALPHA (skeleton) */
    {0x03B3, 'y'}, /* GREEK SMALL LETTER GAMMA (skeleton) */
    {0x03B7, 'n'}, /* GREEK SMALL LETTER ETA (skeleton+overlay mark) */
    {0x03B8, 'o'}, /* GREEK SMALL LETTER THETA (skeleton+overlay mark) */
    {0x03B9, 'i'}, /* GREEK SMALL LETTER IOTA (skeleton) */
    {0x03BD, 'v'}, /* GREEK SMALL LETTER NU (skeleton) */
    {0x03BF, 'o'}, /* GREEK SMALL LETTER OMICRON (skeleton) */
    {0x03C1, 'p'}, /* GREEK SMALL LETTER RHO (skeleton) */
    {0x03C2, 'o'}, /* GREEK SMALL LETTER FINAL SIGMA (skeleton) */
    {0x03C3, 'o'}, /* GREEK SMALL LETTER SIGMA (skeleton) */
    {0x03C5, 'u'}, /* GREEK SMALL LETTER UPSILON (skeleton) */
    {0x03D1, 'o'}, /* GREEK THETA SYMBOL (skeleton+overlay mark) */
    {0x03D2, 'u'}, /* GREEK UPSILON WITH HOOK SYMBOL (skeleton) */
    {0x03F1, 'p'}, /* GREEK RHO SYMBOL (skeleton) */
    {0x03F2, 'o'}, /* GREEK LUNATE SIGMA SYMBOL (skeleton) */
    {0x03F3, 'j'}, /* GREEK LETTER YOT (skeleton) */
    {0x03F4, 'o'}, /* GREEK CAPITAL THETA SYMBOL (skeleton+overlay mark) */
    {0x03F9, 'o'}, /* GREEK CAPITAL LUNATE SIGMA SYMBOL (skeleton) */
    {0x0405, 's'}, /* CYRILLIC CAPITAL LETTER DZE (skeleton) */
    {0x0406, 'i'}, /* CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I (skeleton) */
    {0x0408, 'j'}, /* CYRILLIC CAPITAL LETTER JE (skeleton) */
    {0x040B, 'h'}, /* CYRILLIC CAPITAL LETTER TSHE (skeleton+overlay mark) */
    {0x0410, 'a'}, /* CYRILLIC CAPITAL LETTER A (skeleton) */
    {0x0413, 'r'}, /* CYRILLIC CAPITAL LETTER GHE (skeleton) */
    {0x0415, 'e'}, /* CYRILLIC CAPITAL LETTER IE (skeleton) */
    {0x041E, 'o'}, /* CYRILLIC CAPITAL LETTER O (skeleton) */
    {0x0420, 'p'}, /* CYRILLIC CAPITAL LETTER ER (skeleton) */
    {0x0421, 'c'}, /* CYRILLIC CAPITAL LETTER ES (skeleton) */
    {0x0423, 'y'}, /* CYRILLIC CAPITAL LETTER U (skeleton) */
    {0x0425, 'x'}, /* CYRILLIC CAPITAL LETTER HA (skeleton) */
    {0x0430, 'a'}, /* CYRILLIC SMALL LETTER A (skeleton) */
    {0x0433, 'r'}, /* CYRILLIC SMALL LETTER GHE (skeleton) */
    {0x0435, 'e'}, /* CYRILLIC SMALL LETTER IE (skeleton) */
    {0x043E, 'o'}, /* CYRILLIC SMALL LETTER O (skeleton) */
    {0x0440, 'p'}, /* CYRILLIC SMALL LETTER ER (skeleton) */
    {0x0441, 'c'}, /* CYRILLIC SMALL LETTER ES (skeleton) */
    {0x0443, 'y'}, /* CYRILLIC SMALL LETTER U (skeleton) */
    {0x0445, 'x'}, /* CYRILLIC SMALL LETTER HA (skeleton) */
    {0x0455, 's'}, /* CYRILLIC SMALL LETTER DZE (skeleton) */
    {0x0456, 'i'}, /* CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I (skeleton) */
    {0x0458, 'j'}, /* CYRILLIC SMALL LETTER JE (skeleton) */
    {0x045B, 'h'}, /* CYRILLIC SMALL LETTER TSHE (skeleton+overlay mark) */
    {0x0460, 'w'}, /* CYRILLIC CAPITAL LETTER OMEGA (skeleton) */
    {0x0461, 'w'}, /* CYRILLIC SMALL LETTER OMEGA (skeleton) */
    {0x0462, 'b'}, /* CYRILLIC CAPITAL LETTER YAT (skeleton+overlay mark) */
    {0x0463, 'b'}, /* CYRILLIC SMALL LETTER YAT (skeleton+overlay mark) */
    {0x0472, 'o'}, /* CYRILLIC CAPITAL LETTER FITA (skeleton+overlay mark) */
    {0x0473, 'o'}, /* CYRILLIC SMALL LETTER FITA (skeleton+overlay mark) */
    {0x0474, 'v'}, /* CYRILLIC CAPITAL LETTER IZHITSA (skeleton) */
    {0x0475, 'v'}, /* CYRILLIC SMALL LETTER IZHITSA (skeleton) */
    {0x047C, 'w'}, /* CYRILLIC CAPITAL LETTER OMEGA WITH TITLO (skeleton+overlay mark) */
    {0x047D, 'w'}, /* CYRILLIC SMALL LETTER OMEGA WITH TITLO (skeleton+overlay mark) */
    {0x048C, 'b'}, /* CYRILLIC CAPITAL LETTER SEMISOFT SIGN (skeleton+overlay mark) */
    {0x048D, 'b'}, /* CYRILLIC SMALL LETTER SEMISOFT SIGN (skeleton+overlay mark) */
    {0x0492, 'r'}, /* CYRILLIC CAPITAL LETTER GHE WITH STROKE (skeleton+overlay mark) */
    {0x0493, 'r'}, /* CYRILLIC SMALL LETTER GHE WITH STROKE (skeleton+overlay mark) */
    {0x04AA, 'c'}, /* CYRILLIC CAPITAL LETTER ES WITH DESCENDER (skeleton+overlay mark) */
    {0x04AB, 'c'}, /* CYRILLIC SMALL LETTER ES WITH DESCENDER (skeleton+overlay mark) */
    {0x04AE, 'y'}, /* CYRILLIC CAPITAL LETTER STRAIGHT U (skeleton) */
    {0x04AF, 'y'}, /* CYRILLIC SMALL LETTER STRAIGHT U (skeleton) */
    {0x04B0, 'y'}, /* CYRILLIC CAPITAL LETTER STRAIGHT U WITH STROKE (skeleton+overlay mark) */
    {0x04B1, 'y'}, /* CYRILLIC SMALL LETTER STRAIGHT U WITH STROKE (skeleton+overlay mark) */
    {0x04BA, 'h'}, /* CYRILLIC CAPITAL LETTER SHHA (skeleton) */
    {0x04BB, 'h'}, /* CYRILLIC SMALL LETTER SHHA (skeleton) */
    {0x04BC, 'e'}, /* CYRILLIC CAPITAL LETTER ABKHASIAN CHE (skeleton) */
    {0x04BD, 'e'}, /* CYRILLIC SMALL LETTER ABKHASIAN CHE (skeleton) */
    {0x04BE, 'e'}, /* CYRILLIC CAPITAL LETTER ABKHASIAN CHE WITH DESCENDER (skeleton+overlay mark) */
    {0x04BF, 'e'}, /* CYRILLIC SMALL LETTER ABKHASIAN CHE WITH DESCENDER (skeleton+overlay mark) */
    {0x04C0, 'i'}, /* CYRILLIC LETTER PALOCHKA (skeleton) */
    {0x04CF, 'i'}, /* CYRILLIC SMALL LETTER PALOCHKA (skeleton) */
    {0x04E8, 'o'}, /* CYRILLIC CAPITAL LETTER BARRED O (skeleton+overlay mark) */
    {0x04E9, 'o'}, /* CYRILLIC SMALL LETTER BARRED O (skeleton+overlay mark) */
    {0x0500, 'd'}, /* CYRILLIC CAPITAL LETTER KOMI DE (skeleton) */
    {0x0501, 'd'}, /* CYRILLIC SMALL LETTER KOMI DE (skeleton) */
    {0x051A, 'q'}, /* CYRILLIC CAPITAL LETTER QA (skeleton) */
    {0x051B, 'q'}, /* CYRILLIC SMALL LETTER QA (skeleton) */
    {0x051C, 'w'}, /* CYRILLIC CAPITAL LETTER WE (skeleton) */
    {0x051D, 'w'}, /* CYRILLIC SMALL LETTER WE (skeleton) */
    {0x0531, 'w'}, /* ARMENIAN CAPITAL LETTER AYB (skeleton) */
    {0x0533, 'q'}, /* ARMENIAN CAPITAL LETTER GIM (skeleton) */
    {0x0536, 'q'}, /* ARMENIAN CAPITAL LETTER ZA (skeleton) */
    {0x0540, 'h'}, /* ARMENIAN CAPITAL LETTER HO (skeleton) */
    {0x0548, 'n'}, /* ARMENIAN CAPITAL LETTER VO (skeleton) */
    {0x054C, 'n'}, /* ARMENIAN CAPITAL LETTER RA (skeleton) */
    {0x054D, 'u'}, /* ARMENIAN CAPITAL LETTER SEH (skeleton) */
    {0x0551, 'g'}, /* ARMENIAN CAPITAL LETTER CO (skeleton) */
    {0x0554, 'f'}, /* ARMENIAN CAPITAL LETTER KEH (skeleton) */
    {0x0555, 'o'}, /* ARMENIAN CAPITAL LETTER OH (skeleton) */
    {0x0561, 'w'}, /* ARMENIAN SMALL LETTER AYB (skeleton) */
    {0x0563, 'q'}, /* ARMENIAN SMALL LETTER GIM (skeleton) */
    {0x0566, 'q'}, /* ARMENIAN SMALL LETTER ZA (skeleton) */
    {0x0570, 'h'}, /* ARMENIAN SMALL LETTER HO (skeleton) */
    {0x0578, 'n'}, /* ARMENIAN SMALL LETTER VO (skeleton) */
    {0x057C, 'n'}, /* ARMENIAN SMALL LETTER RA (skeleton) */
    {0x057D, 'u'}, /* ARMENIAN SMALL LETTER SEH (skeleton) */
    {0x0581, 'g'}, /* ARMENIAN SMALL LETTER CO (skeleton) */
    {0x0584, 'f'}, /* ARMENIAN SMALL LETTER KEH (skeleton) */
    {0x0585, 'o'}, /* ARMENIAN SMALL LETTER OH (skeleton) */
    {0x05C0, 'l'}, /* HEBREW PUNCTUATION PASEQ (skeleton) */
    {0x05D5, 'l'}, /* HEBREW LETTER VAV (skeleton) */
    {0x05D8, 'v'}, /* HEBREW LETTER TET (skeleton) */
    {0x05DF, 'l'}, /* HEBREW LETTER FINAL NUN (skeleton) */
    {0x05E1, 'o'}, /* HEBREW LETTER SAMEKH (skeleton) */
    {0x0627, 'l'}, /* ARABIC LETTER ALEF (skeleton) */
    {0x0647, 'o'}, /* ARABIC LETTER HEH (skeleton) */
    {0x0673, 'l'}, /* ARABIC LETTER ALEF WITH WAVY HAMZA BELOW (skeleton+overlay mark) */
    {0x06BE, 'o'}, /* ARABIC LETTER HEH DOACHASHMEE (skeleton) */
    {0x06C1, 'o'}, /* ARABIC LETTER HEH GOAL (skeleton) */
    {0x06D5, 'o'}, /* ARABIC LETTER AE (skeleton) */
    {0x06FF, 'o'}, /* ARABIC LETTER HEH WITH INVERTED V (skeleton+overlay mark) */
    {0x07CA, 'l'}, /* NKO LETTER A (skeleton) */
    {0x0B20, 'o'}, /* ORIYA LETTER TTHA (skeleton) */
    {0x0C02, 'o'}, /* TELUGU SIGN ANUSVARA (skeleton) */
    {0x0C82, 'o'}, /* KANNADA SIGN ANUSVARA (skeleton) */
    {0x0D02, 'o'}, /* MALAYALAM SIGN ANUSVARA (skeleton) */
    {0x0D20, 'o'}, /* MALAYALAM LETTER TTHA (skeleton) */
    {0x0D82, 'o'}, /* SINHALA SIGN ANUSVARAYA (skeleton) */
    {0x101D, 'o'}, /* MYANMAR LETTER WA (skeleton) */
    {0x10E7, 'y'}, /* GEORGIAN LETTER QAR (skeleton) */
    {0x10FF, 'o'}, /* GEORGIAN LETTER LABIAL SIGN (skeleton) */
    {0x1200, 'u'}, /* ETHIOPIC SYLLABLE HA (skeleton) */
    {0x12D0, 'o'}, /* ETHIOPIC SYLLABLE PHARYNGEAL A (skeleton) */
    {0x13A0, 'd'}, /* CHEROKEE LETTER A (skeleton) */
    {0x13A1, 'r'}, /* CHEROKEE LETTER E (skeleton) */
    {0x13A2, 't'}, /* CHEROKEE LETTER I (skeleton) */
    {0x13A5, 'i'}, /* CHEROKEE LETTER V (skeleton) */
    {0x13A9, 'y'}, /* CHEROKEE LETTER GI (skeleton) */
    {0x13AA, 'a'}, /* CHEROKEE LETTER GO (skeleton) */
    {0x13AB, 'j'}, /* CHEROKEE LETTER GU (skeleton) */
    {0x13AC, 'e'}, /* CHEROKEE LETTER GV (skeleton) */
    {0x13B3, 'w'}, /* CHEROKEE LETTER LA (skeleton) */
    {0x13B7, 'm'}, /* CHEROKEE LETTER LU (skeleton) */
    {0x13BB, 'h'}, /* CHEROKEE LETTER MI (skeleton) */
    {0x13BD, 'y'}, /* CHEROKEE LETTER MU (skeleton) */
    {0x13BE, 'o'}, /* CHEROKEE LETTER NA (skeleton+overlay mark) */
    {0x13C0, 'g'}, /* CHEROKEE LETTER NAH (skeleton) */
    {0x13C2, 'h'}, /* CHEROKEE LETTER NI (skeleton) */
    {0x13C3, 'z'}, /* CHEROKEE LETTER NO (skeleton) */
    {0x13CC, 'u'}, /* CHEROKEE LETTER SA (skeleton+overlay mark) */
    {0x13CF, 'b'}, /* CHEROKEE LETTER SI (skeleton) */
    {0x13D2, 'r'}, /* CHEROKEE LETTER SV (skeleton) */
    {0x13D4, 'w'}, /* CHEROKEE LETTER TA (skeleton) */
    {0x13D5, 's'}, /* CHEROKEE LETTER DE (skeleton) */
    {0x13D9, 'v'}, /* CHEROKEE LETTER DO (skeleton) */
    {0x13DA, 's'}, /* CHEROKEE LETTER DU (skeleton) */
    {0x13DE, 'l'}, /* CHEROKEE LETTER TLE (skeleton) */
    {0x13DF, 'c'}, /* CHEROKEE LETTER TLI (skeleton) */
    {0x13E2, 'p'}, /* CHEROKEE LETTER TLV (skeleton) */
    {0x13E6, 'k'}, /* CHEROKEE LETTER TSO (skeleton) */
    {0x13E7, 'd'}, /* CHEROKEE LETTER TSU (skeleton) */
    {0x13EB, 'o'}, /* CHEROKEE LETTER WI (skeleton+overlay mark) */
    {0x13F2, 'h'}, /* CHEROKEE LETTER YO (skeleton+overlay mark) */
    {0x13F3, 'g'}, /* CHEROKEE LETTER YU (skeleton) */
    {0x13F4, 'b'}, /* CHEROKEE LETTER YV (skeleton) */
    {0x13FA, 'h'}, /* CHEROKEE SMALL LETTER YO (skeleton+overlay mark) */
    {0x13FB, 'g'}, /* CHEROKEE SMALL LETTER YU (skeleton) */
    {0x13FC, 'b'}, /* CHEROKEE SMALL LETTER YV (skeleton) */
    {0x142F, 'v'}, /* CANADIAN SYLLABICS PE (skeleton) */
    {0x144C, 'u'}, /* CANADIAN SYLLABICS TE (skeleton) */
    {0x146D, 'p'}, /* CANADIAN SYLLABICS KI (skeleton) */
    {0x146F, 'd'}, /* CANADIAN SYLLABICS KO (skeleton) */
    {0x1472, 'b'}, /* CANADIAN SYLLABICS KA (skeleton) */
    {0x1473, 'b'}, /* CANADIAN SYLLABICS KAA (skeleton+overlay mark) */
    {0x148D, 'j'}, /* CANADIAN SYLLABICS CO (skeleton) */
    {0x14AA, 'l'}, /* CANADIAN SYLLABICS MA (skeleton) */
    {0x1541, 'x'}, /* CANADIAN SYLLABICS SAYISI YI (skeleton) */
    {0x157C, 'h'}, /* CANADIAN SYLLABICS NUNAVUT H (skeleton) */
    {0x157D, 'x'}, /* CANADIAN SYLLABICS HK (skeleton) */
    {0x1587, 'r'}, /* CANADIAN SYLLABICS TLHI (skeleton) */
    {0x15AF, 'b'}, /* CANADIAN SYLLABICS AIVILIK B (skeleton) */
    {0x15B4, 'f'}, /* CANADIAN SYLLABICS BLACKFOOT WE (skeleton) */
    {0x15C5, 'a'}, /* CANADIAN SYLLABICS CARRIER GHO (skeleton) */
    {0x15DE, 'd'}, /* CANADIAN SYLLABICS CARRIER THE (skeleton) */
    {0x15EA, 'd'}, /* CANADIAN SYLLABICS CARRIER PE (skeleton) */
    {0x15F0, 'm'}, /* CANADIAN SYLLABICS CARRIER GO (skeleton) */
    {0x15F7, 'b'}, /* CANADIAN SYLLABICS CARRIER KHE (skeleton) */
    {0x166D, 'x'}, /* CANADIAN SYLLABICS CHI SIGN (skeleton) */
    {0x166E, 'x'}, /* CANADIAN SYLLABICS FULL STOP (skeleton) */
    {0x16B7, 'x'}, /* RUNIC LETTER GEBO GYFU G (skeleton) */
    {0x16C1, 'l'}, /* RUNIC LETTER ISAZ IS ISS I (skeleton) */
    {0x16D5, 'k'}, /* RUNIC LETTER OPEN-P (skeleton) */
    {0x16D6, 'm'}, /* RUNIC LETTER EHWAZ EH E (skeleton) */
    {0x1C82, 'o'}, /* CYRILLIC SMALL LETTER NARROW O (skeleton) */
    {0x1C83, 'c'}, /* CYRILLIC SMALL LETTER WIDE ES (skeleton) */
    {0x1C87, 'b'}, /* CYRILLIC SMALL LETTER TALL YAT (skeleton+overlay mark) */
    {0x1CA7, 'y'}, /* GEORGIAN MTAVRULI CAPITAL LETTER QAR (skeleton) */
    {0x1CBF, 'o'}, /* GEORGIAN MTAVRULI CAPITAL LETTER LABIAL SIGN (skeleton) */
    {0x1D00, 'a'}, /* LATIN LETTER SMALL CAPITAL A (small capital) */
    {0x1D04, 'c'}, /* LATIN LETTER SMALL CAPITAL C (skeleton) */
    {0x1D05, 'd'}, /* LATIN LETTER SMALL CAPITAL D (small capital) */
    {0x1D07, 'e'}, /* LATIN LETTER SMALL CAPITAL E (small capital) */
    {0x1D0A, 'j'}, /* LATIN LETTER SMALL CAPITAL J (small capital) */
    {0x1D0B, 'k'}, /* LATIN LETTER SMALL CAPITAL K (small capital) */
    {0x1D0D, 'm'}, /* LATIN LETTER SMALL CAPITAL M (small capital) */
    {0x1D0F, 'o'}, /* LATIN LETTER SMALL CAPITAL O (skeleton) */
    {0x1D11, 'o'}, /* LATIN SMALL LETTER SIDEWAYS O (skeleton) */
    {0x1D18, 'p'}, /* LATIN LETTER SMALL CAPITAL P (small capital) */
    {0x1D1B, 't'}, /* LATIN LETTER SMALL CAPITAL T (small capital) */
    {0x1D1C, 'u'}, /* LATIN LETTER SMALL CAPITAL U (skeleton) */
    {0x1D20, 'v'}, /* LATIN LETTER SMALL CAPITAL V (skeleton) */
    {0x1D21, 'w'}, /* LATIN LETTER SMALL CAPITAL W (skeleton) */
    {0x1D22, 'z'}, /* LATIN LETTER SMALL CAPITAL Z (skeleton) */
    {0x1D26, 'r'}, /* GREEK LETTER SMALL CAPITAL GAMMA (skeleton) */
    {0x1D2C, 'a'}, /* MODIFIER LETTER CAPITAL A (NFKC_Casefold) */
    {0x1D2E, 'b'}, /* MODIFIER LETTER CAPITAL B (NFKC_Casefold) */
    {0x1D30, 'd'}, /* MODIFIER LETTER CAPITAL D (NFKC_Casefold) */
    {0x1D31, 'e'}, /* MODIFIER LETTER CAPITAL E (NFKC_Casefold) */
    {0x1D33, 'g'}, /* MODIFIER LETTER CAPITAL G (NFKC_Casefold) */
    {0x1D34, 'h'}, /* MODIFIER LETTER CAPITAL H (NFKC_Casefold) */
    {0x1D35, 'i'}, /* MODIFIER LETTER CAPITAL I (NFKC_Casefold) */
    {0x1D36, 'j'}, /* MODIFIER LETTER CAPITAL J (NFKC_Casefold) */
    {0x1D37, 'k'}, /* MODIFIER LETTER CAPITAL K (NFKC_Casefold) */
    {0x1D38, 'l'}, /* MODIFIER LETTER CAPITAL L (NFKC_Casefold) */
    {0x1D39, 'm'}, /* MODIFIER LETTER CAPITAL M (NFKC_Casefold) */
    {0x1D3A, 'n'}, /* MODIFIER LETTER CAPITAL N (NFKC_Casefold) */
    {0x1D3C, 'o'}, /* MODIFIER LETTER CAPITAL O (NFKC_Casefold) */
    {0x1D3E, 'p'}, /* MODIFIER LETTER CAPITAL P (NFKC_Casefold) */
    {0x1D3F, 'r'}, /* MODIFIER LETTER CAPITAL R (NFKC_Casefold) */
    {0x1D40, 't'}, /* MODIFIER LETTER CAPITAL T (NFKC_Casefold) */
    {0x1D41, 'u'}, /* MODIFIER LETTER CAPITAL U (NFKC_Casefold) */
    {0x1D42, 'w'}, /* MODIFIER LETTER CAPITAL W (NFKC_Casefold) */
    {0x1D43, 'a'}, /* MODIFIER LETTER SMALL A (NFKC_Casefold) */
    {0x1D45, 'a'}, /* MODIFIER LETTER SMALL ALPHA (skeleton) */
    {0x1D47, 'b'}, /* MODIFIER LETTER SMALL B (NFKC_Casefold) */
    {0x1D48, 'd'}, /* MODIFIER LETTER SMALL D (NFKC_Casefold) */
    {0x1D49, 'e'}, /* MODIFIER LETTER SMALL E (NFKC_Casefold) */
    {0x1D4D, 'g'}, /* MODIFIER LETTER SMALL G (NFKC_Casefold) */
    {0x1D4F, 'k'}, /* MODIFIER LETTER SMALL K (NFKC_Casefold) */
    {0x1D50, 'm'}, /* MODIFIER LETTER SMALL M (NFKC_Casefold) */
    {0x1D52, 'o'}, /* MODIFIER LETTER SMALL O (NFKC_Casefold) */
    {0x1D56, 'p'}, /* MODIFIER LETTER SMALL P (NFKC_Casefold) */
    {0x1D57, 't'}, /* MODIFIER LETTER SMALL T (NFKC_Casefold) */
    {0x1D58, 'u'}, /* MODIFIER LETTER SMALL U (NFKC_Casefold) */
    {0x1D5A, 'w'}, /* MODIFIER LETTER SMALL TURNED M (skeleton) */
    {0x1D5B, 'v'}, /* MODIFIER LETTER SMALL V (NFKC_Casefold) */
    {0x1D5E, 'y'}, /* MODIFIER LETTER SMALL GREEK GAMMA (skeleton) */
    {0x1D62, 'i'}, /* LATIN SUBSCRIPT SMALL LETTER I (NFKC_Casefold) */
    {0x1D63, 'r'}, /* LATIN SUBSCRIPT SMALL LETTER R (NFKC_Casefold) */
    {0x1D64, 'u'}, /* LATIN SUBSCRIPT SMALL LETTER U (NFKC_Casefold) */
    {0x1D65, 'v'}, /* LATIN SUBSCRIPT SMALL LETTER V (NFKC_Casefold) */
    {0x1D67, 'y'}, /* GREEK SUBSCRIPT SMALL LETTER GAMMA (skeleton) */
    {0x1D68, 'p'}, /* GREEK SUBSCRIPT SMALL LETTER RHO (skeleton) */
    {0x1D6E, 'f'}, /* LATIN SMALL LETTER F WITH MIDDLE TILDE (skeleton+overlay mark) */
    {0x1D70, 'n'}, /* LATIN SMALL LETTER N WITH MIDDLE TILDE (skeleton+overlay mark) */
    {0x1D72, 'r'}, /* LATIN SMALL LETTER R WITH MIDDLE TILDE (skeleton+overlay mark) */
    {0x1D74, 's'}, /* LATIN SMALL LETTER S WITH MIDDLE TILDE (skeleton+overlay mark) */
    {0x1D75, 't'}, /* LATIN SMALL LETTER T WITH MIDDLE TILDE (skeleton+overlay mark) */
    {0x1D76, 'z'}, /* LATIN SMALL LETTER Z WITH MIDDLE TILDE (skeleton+overlay mark) */
    {0x1D7B, 'i'}, /* LATIN SMALL CAPITAL LETTER I WITH STROKE (skeleton+overlay mark) */
    {0x1D7C, 'i'}, /* LATIN SMALL LETTER IOTA WITH STROKE (skeleton+overlay mark) */
    {0x1D7D, 'p'}, /* LATIN SMALL LETTER P WITH STROKE (skeleton+overlay mark) */
    {0x1D7E, 'u'}, /* LATIN SMALL CAPITAL LETTER U WITH STROKE (skeleton+overlay mark) */
    {0x1D83, 'g'}, /* LATIN SMALL LETTER G WITH PALATAL HOOK (skeleton) */
    {0x1D8C, 'y'}, /* LATIN SMALL LETTER V WITH PALATAL HOOK (skeleton) */
    {0x1D9C, 'c'}, /* MODIFIER LETTER SMALL C (NFKC_Casefold) */
    {0x1DA0, 'f'}, /* MODIFIER LETTER SMALL F (NFKC_Casefold) */
    {0x1DA2, 'g'}, /* MODIFIER LETTER SMALL SCRIPT G (skeleton) */
    {0x1DA4, 'i'}, /* MODIFIER LETTER SMALL I WITH STROKE (skeleton+overlay mark) */
    {0x1DA5, 'i'}, /* MODIFIER LETTER SMALL IOTA (skeleton) */
    {0x1DA6, 'i'}, /* MODIFIER LETTER SMALL CAPITAL I (skeleton) */
    {0x1DA7, 'i'}, /* MODIFIER LETTER SMALL CAPITAL I WITH STROKE (skeleton+overlay mark) */
    {0x1DA9, 'l'}, /* MODIFIER LETTER SMALL L WITH RETROFLEX HOOK (skeleton+overlay mark) */
    {0x1DAB, 'l'}, /* MODIFIER LETTER SMALL CAPITAL L (small capital) */
    {0x1DAF, 'n'}, /* MODIFIER LETTER SMALL N WITH RETROFLEX HOOK (skeleton+overlay mark) */
    {0x1DB0, 'n'}, /* MODIFIER LETTER SMALL CAPITAL N (small capital) */
    {0x1DB1, 'o'}, /* MODIFIER LETTER SMALL BARRED O (skeleton+overlay mark) */
    {0x1DB3, 's'}, /* MODIFIER LETTER SMALL S WITH HOOK (skeleton+overlay mark) */
    {0x1DB8, 'u'}, /* MODIFIER LETTER SMALL CAPITAL U (skeleton) */
    {0x1DB9, 'u'}, /* MODIFIER LETTER SMALL V WITH HOOK (skeleton) */
    {0x1DBB, 'z'}, /* MODIFIER LETTER SMALL Z (NFKC_Casefold) */
    {0x1DBC, 'z'}, /* MODIFIER LETTER SMALL Z WITH RETROFLEX HOOK (skeleton+overlay mark) */
    {0x1DBF, 'o'}, /* MODIFIER LETTER SMALL THETA (skeleton+overlay mark) */
    {0x1E9A, 'a'}, /* LATIN SMALL LETTER A WITH RIGHT HALF RING (skeleton+overlay mark) */
    {0x1E9D, 'f'}, /* LATIN SMALL LETTER LONG S WITH HIGH STROKE (skeleton) */
    {0x1EFE, 'y'}, /* LATIN CAPITAL LETTER Y WITH LOOP (skeleton) */
    {0x1EFF, 'y'}, /* LATIN SMALL LETTER Y WITH LOOP (skeleton) */
    {0x1FBE, 'i'}, /* GREEK PROSGEGRAMMENI (skeleton) */
    {0x2071, 'i'}, /* SUPERSCRIPT LATIN SMALL LETTER I (NFKC_Casefold) */
    {0x207F, 'n'}, /* SUPERSCRIPT LATIN SMALL LETTER N (NFKC_Casefold) */
    {0x2090, 'a'}, /* LATIN SUBSCRIPT SMALL LETTER A (NFKC_Casefold) */
    {0x2091, 'e'}, /* LATIN SUBSCRIPT SMALL LETTER E (NFKC_Casefold) */
    {0x2092, 'o'}, /* LATIN SUBSCRIPT SMALL LETTER O (NFKC_Casefold) */
    {0x2093, 'x'}, /* LATIN SUBSCRIPT SMALL LETTER X (NFKC_Casefold) */
    {0x2095, 'h'}, /* LATIN SUBSCRIPT SMALL LETTER H (NFKC_Casefold) */
    {0x2096, 'k'}, /* LATIN SUBSCRIPT SMALL LETTER K (NFKC_Casefold) */
    {0x2097, 'l'}, /* LATIN SUBSCRIPT SMALL LETTER L (NFKC_Casefold) */
    {0x2098, 'm'}, /* LATIN SUBSCRIPT SMALL LETTER M (NFKC_Casefold) */
    {0x2099, 'n'}, /* LATIN SUBSCRIPT SMALL LETTER N (NFKC_Casefold) */
    {0x209A, 'p'}, /* LATIN SUBSCRIPT SMALL LETTER P (NFKC_Casefold) */
    {0x209B, 's'}, /* LATIN SUBSCRIPT SMALL LETTER S (NFKC_Casefold) */
    {0x209C, 't'}, /* LATIN SUBSCRIPT SMALL LETTER T (NFKC_Casefold) */
    {0x20A1, 'c'}, /* COLON SIGN (skeleton+overlay mark) */
    {0x20A9, 'w'}, /* WON SIGN (skeleton+overlay mark) */
    {0x20AB, 'd'}, /* DONG SIGN (skeleton+overlay mark) */
    {0x20AD, 'k'}, /* KIP SIGN (skeleton+overlay mark) */
    {0x20AE, 't'}, /* TUGRIK SIGN (skeleton+overlay mark) */
    {0x2102, 'c'}, /* DOUBLE-STRUCK CAPITAL C (NFKC_Casefold) */
    {0x210A, 'g'}, /* SCRIPT SMALL G (NFKC_Casefold) */
    {0x210B, 'h'}, /* SCRIPT CAPITAL H (NFKC_Casefold) */
    {0x210C, 'h'}, /* BLACK-LETTER CAPITAL H (NFKC_Casefold) */
    {0x210D, 'h'}, /* DOUBLE-STRUCK CAPITAL H (NFKC_Casefold) */
    {0x210E, 'h'}, /* PLANCK CONSTANT (NFKC_Casefold) */
    {0x210F, 'h'}, /* PLANCK CONSTANT OVER TWO PI (skeleton+overlay mark) */
    {0x2110, 'i'}, /* SCRIPT CAPITAL I (NFKC_Casefold) */
    {0x2111, 'i'}, /* BLACK-LETTER CAPITAL I (NFKC_Casefold) */
    {0x2112, 'l'}, /* SCRIPT CAPITAL L (NFKC_Casefold) */
    {0x2113, 'l'}, /* SCRIPT SMALL L (NFKC_Casefold) */
    {0x2115, 'n'}, /* DOUBLE-STRUCK CAPITAL N (NFKC_Casefold) */
    {0x2119, 'p'}, /* DOUBLE-STRUCK CAPITAL P (NFKC_Casefold) */
    {0x211A, 'q'}, /* DOUBLE-STRUCK CAPITAL Q (NFKC_Casefold) */
    {0x211B, 'r'}, /* SCRIPT CAPITAL R (NFKC_Casefold) */
    {0x211C, 'r'}, /* BLACK-LETTER CAPITAL R (NFKC_Casefold) */
    {0x211D, 'r'}, /* DOUBLE-STRUCK CAPITAL R (NFKC_Casefold) */
    {0x2124, 'z'}, /* DOUBLE-STRUCK CAPITAL Z (NFKC_Casefold) */
    {0x2128, 'z'}, /* BLACK-LETTER CAPITAL Z (NFKC_Casefold) */
    {0x212A, 'k'}, /* KELVIN SIGN (NFKC_Casefold) */
    {0x212C, 'b'}, /* SCRIPT CAPITAL B (NFKC_Casefold) */
    {0x212D, 'c'}, /* BLACK-LETTER CAPITAL C (NFKC_Casefold) */
    {0x212E, 'e'}, /* ESTIMATED SYMBOL (skeleton) */
    {0x212F, 'e'}, /* SCRIPT SMALL E (NFKC_Casefold) */
    {0x2130, 'e'}, /* SCRIPT CAPITAL E (NFKC_Casefold) */
    {0x2131, 'f'}, /* SCRIPT CAPITAL F (NFKC_Casefold) */
    {0x2133, 'm'}, /* SCRIPT CAPITAL M (NFKC_Casefold) */
    {0x2134, 'o'}, /* SCRIPT SMALL O (NFKC_Casefold) */
    {0x2139, 'i'}, /* INFORMATION SOURCE (NFKC_Casefold) */
    {0x213D, 'y'}, /* DOUBLE-STRUCK SMALL GAMMA (skeleton) */
    {0x213E, 'y'}, /* DOUBLE-STRUCK CAPITAL GAMMA (skeleton) */
    {0x2145, 'd'}, /* DOUBLE-STRUCK ITALIC CAPITAL D (NFKC_Casefold) */
    {0x2146, 'd'}, /* DOUBLE-STRUCK ITALIC SMALL D (NFKC_Casefold) */
    {0x2147, 'e'}, /* DOUBLE-STRUCK ITALIC SMALL E (NFKC_Casefold) */
    {0x2148, 'i'}, /* DOUBLE-STRUCK ITALIC SMALL I (NFKC_Casefold) */
    {0x2149, 'j'}, /* DOUBLE-STRUCK ITALIC SMALL J (NFKC_Casefold) */
    {0x2160, 'i'}, /* ROMAN NUMERAL ONE (NFKC_Casefold) */
    {0x2164, 'v'}, /* ROMAN NUMERAL FIVE (NFKC_Casefold) */
    {0x2169, 'x'}, /* ROMAN NUMERAL TEN (NFKC_Casefold) */
    {0x216C, 'l'}, /* ROMAN NUMERAL FIFTY (NFKC_Casefold) */
    {0x216D, 'c'}, /* ROMAN NUMERAL ONE HUNDRED (NFKC_Casefold) */
    {0x216E, 'd'}, /* ROMAN NUMERAL FIVE HUNDRED (NFKC_Casefold) */
    {0x216F, 'm'}, /* ROMAN NUMERAL ONE THOUSAND (NFKC_Casefold) */
    {0x2170, 'i'}, /* SMALL ROMAN NUMERAL ONE (NFKC_Casefold) */
    {0x2174, 'v'}, /* SMALL ROMAN NUMERAL FIVE (NFKC_Casefold) */
    {0x2179, 'x'}, /* SMALL ROMAN NUMERAL TEN (NFKC_Casefold) */
    {0x217C, 'l'}, /* SMALL ROMAN NUMERAL FIFTY (NFKC_Casefold) */
    {0x217D, 'c'}, /* SMALL ROMAN NUMERAL ONE HUNDRED (NFKC_Casefold) */
    {0x217E, 'd'}, /* SMALL ROMAN NUMERAL FIVE HUNDRED (NFKC_Casefold) */
    {0x217F, 'm'}, /* SMALL ROMAN NUMERAL ONE THOUSAND (NFKC_Casefold) */
    {0x2223, 'l'}, /* DIVIDES (skeleton) */
    {0x2228, 'v'}, /* LOGICAL OR (skeleton) */
    {0x222A, 'u'}, /* UNION (skeleton) */
    {0x2296, 'o'}, /* CIRCLED MINUS (skeleton+overlay mark) */
    {0x229D, 'o'}, /* CIRCLED DASH (skeleton+overlay mark) */
    {0x22A4, 't'}, /* DOWN TACK (skeleton) */
    {0x22C1, 'v'}, /* N-ARY LOGICAL OR (skeleton) */
    {0x22C3, 'u'}, /* N-ARY UNION (skeleton) */
    {0x22FF, 'e'}, /* Z NOTATION BAG MEMBERSHIP (skeleton) */
    {0x2361, 't'}, /* APL FUNCTIONAL SYMBOL UP TACK DIAERESIS (skeleton+overlay mark) */
    {0x236C, 'o'}, /* APL FUNCTIONAL SYMBOL ZILDE (skeleton+overlay mark) */
    {0x2373, 'i'}, /* APL FUNCTIONAL SYMBOL IOTA (skeleton) */
    {0x2374, 'p'}, /* APL FUNCTIONAL SYMBOL RHO (skeleton) */
    {0x2376, 'a'}, /* APL FUNCTIONAL SYMBOL ALPHA UNDERBAR (skeleton+overlay mark) */
    {0x2378, 'i'}, /* APL FUNCTIONAL SYMBOL IOTA UNDERBAR (skeleton+overlay mark) */
    {0x237A, 'a'}, /* APL FUNCTIONAL SYMBOL ALPHA (skeleton) */
    {0x23FD, 'l'}, /* POWER ON SYMBOL (skeleton) */
    {0x249C, 'a'}, /* PARENTHESIZED LATIN SMALL LETTER A (NFKC_Casefold) */
    {0x249D, 'b'}, /* PARENTHESIZED LATIN SMALL LETTER B (NFKC_Casefold) */
    {0x249E, 'c'}, /* PARENTHESIZED LATIN SMALL LETTER C (NFKC_Casefold) */
    {0x249F, 'd'}, /* PARENTHESIZED LATIN SMALL LETTER D (NFKC_Casefold) */
    {0x24A0, 'e'}, /* PARENTHESIZED LATIN SMALL LETTER E (NFKC_Casefold) */
    {0x24A1, 'f'}, /* PARENTHESIZED LATIN SMALL LETTER F (NFKC_Casefold) */
    {0x24A2, 'g'}, /* PARENTHESIZED LATIN SMALL LETTER G (NFKC_Casefold) */
    {0x24A3, 'h'}, /* PARENTHESIZED LATIN SMALL LETTER H (NFKC_Casefold) */
    {0x24A4, 'i'}, /* PARENTHESIZED LATIN SMALL LETTER I (NFKC_Casefold) */
    {0x24A5, 'j'}, /* PARENTHESIZED LATIN SMALL LETTER J (NFKC_Casefold) */
    {0x24A6, 'k'}, /* PARENTHESIZED LATIN SMALL LETTER K (NFKC_Casefold) */
    {0x24A7, 'l'}, /* PARENTHESIZED LATIN SMALL LETTER L (NFKC_Casefold) */
    {0x24A8, 'm'}, /* PARENTHESIZED LATIN SMALL LETTER M (NFKC_Casefold) */
    {0x24A9, 'n'}, /* PARENTHESIZED LATIN SMALL LETTER N (NFKC_Casefold) */
    {0x24AA, 'o'}, /* PARENTHESIZED LATIN SMALL LETTER O (NFKC_Casefold) */
    {0x24AB, 'p'}, /* PARENTHESIZED LATIN SMALL LETTER P (NFKC_Casefold) */
    {0x24AC, 'q'}, /* PARENTHESIZED LATIN SMALL LETTER Q (NFKC_Casefold) */
    {0x24AD, 'r'}, /* PARENTHESIZED LATIN SMALL LETTER R (NFKC_Casefold) */
    {0x24AE, 's'}, /* PARENTHESIZED LATIN SMALL LETTER S (NFKC_Casefold) */
    {0x24AF, 't'}, /* PARENTHESIZED LATIN SMALL LETTER T (NFKC_Casefold) */
    {0x24B0, 'u'}, /* PARENTHESIZED LATIN SMALL LETTER U (NFKC_Casefold) */
    {0x24B1, 'v'}, /* PARENTHESIZED LATIN SMALL LETTER V (NFKC_Casefold) */
    {0x24B2, 'w'}, /* PARENTHESIZED LATIN SMALL LETTER W (NFKC_Casefold) */
    {0x24B3, 'x'}, /* PARENTHESIZED LATIN SMALL LETTER X (NFKC_Casefold) */
    {0x24B4, 'y'}, /* PARENTHESIZED LATIN SMALL LETTER Y (NFKC_Casefold) */
    {0x24B5, 'z'}, /* PARENTHESIZED LATIN SMALL LETTER Z (NFKC_Casefold) */
    {0x24B6, 'a'}, /* CIRCLED LATIN CAPITAL LETTER A (NFKC_Casefold) */
    {0x24B7, 'b'}, /* CIRCLED LATIN CAPITAL LETTER B (NFKC_Casefold) */
    {0x24B8, 'c'}, /* CIRCLED LATIN CAPITAL LETTER C (NFKC_Casefold) */
    {0x24B9, 'd'}, /* CIRCLED LATIN CAPITAL LETTER D (NFKC_Casefold) */
    {0x24BA, 'e'}, /* CIRCLED LATIN CAPITAL LETTER E (NFKC_Casefold) */
    {0x24BB, 'f'}, /* CIRCLED LATIN CAPITAL LETTER F (NFKC_Casefold) */
    {0x24BC, 'g'}, /* CIRCLED LATIN CAPITAL LETTER G (NFKC_Casefold) */
    {0x24BD, 'h'}, /* CIRCLED LATIN CAPITAL LETTER H (NFKC_Casefold) */
    {0x24BE, 'i'}, /* CIRCLED LATIN CAPITAL LETTER I (NFKC_Casefold) */
    {0x24BF, 'j'}, /* CIRCLED LATIN CAPITAL LETTER J (NFKC_Casefold) */
    {0x24C0, 'k'}, /* CIRCLED LATIN CAPITAL LETTER K (NFKC_Casefold) */
    {0x24C1, 'l'}, /* CIRCLED LATIN CAPITAL LETTER L (NFKC_Casefold) */
    {0x24C2, 'm'}, /* CIRCLED LATIN CAPITAL LETTER M (NFKC_Casefold) */
    {0x24C3, 'n'}, /* CIRCLED LATIN CAPITAL LETTER N (NFKC_Casefold) */
    {0x24C4, 'o'}, /* CIRCLED LATIN CAPITAL LETTER O (NFKC_Casefold) */
    {0x24C5, 'p'}, /* CIRCLED LATIN CAPITAL LETTER P (NFKC_Casefold) */
    {0x24C6, 'q'}, /* CIRCLED LATIN CAPITAL LETTER Q (NFKC_Casefold) */
    {0x24C7, 'r'}, /* CIRCLED LATIN CAPITAL LETTER R (NFKC_Casefold) */
    {0x24C8, 's'}, /* CIRCLED LATIN CAPITAL LETTER S (NFKC_Casefold) */
    {0x24C9, 't'}, /* CIRCLED LATIN CAPITAL LETTER T (NFKC_Casefold) */
    {0x24CA, 'u'}, /* CIRCLED LATIN CAPITAL LETTER U (NFKC_Casefold) */
    {0x24CB, 'v'}, /* CIRCLED LATIN CAPITAL LETTER V (NFKC_Casefold) */
    {0x24CC, 'w'}, /* CIRCLED LATIN CAPITAL LETTER W (NFKC_Casefold) */
    {0x24CD, 'x'}, /* CIRCLED LATIN CAPITAL LETTER X (NFKC_Casefold) */
    {0x24CE, 'y'}, /* CIRCLED LATIN CAPITAL LETTER Y (NFKC_Casefold) */
    {0x24CF, 'z'}, /* CIRCLED LATIN CAPITAL LETTER Z (NFKC_Casefold) */
    {0x24D0, 'a'}, /* CIRCLED LATIN SMALL LETTER A (NFKC_Casefold) */
    {0x24D1, 'b'}, /* CIRCLED LATIN SMALL LETTER B (NFKC_Casefold) */
    {0x24D2, 'c'}, /* CIRCLED LATIN SMALL LETTER C (NFKC_Casefold) */
    {0x24D3, 'd'}, /* CIRCLED LATIN SMALL LETTER D (NFKC_Casefold) */
    {0x24D4, 'e'}, /* CIRCLED LATIN SMALL LETTER E (NFKC_Casefold) */
    {0x24D5, 'f'}, /* CIRCLED LATIN SMALL LETTER F (NFKC_Casefold) */
    {0x24D6, 'g'}, /* CIRCLED LATIN SMALL LETTER G (NFKC_Casefold) */
    {0x24D7, 'h'}, /* CIRCLED LATIN SMALL LETTER H (NFKC_Casefold) */
    {0x24D8, 'i'}, /* CIRCLED LATIN SMALL LETTER I (NFKC_Casefold) */
    {0x24D9, 'j'}, /* CIRCLED LATIN SMALL LETTER J (NFKC_Casefold) */
    {0x24DA, 'k'}, /* CIRCLED LATIN SMALL LETTER K (NFKC_Casefold) */
    {0x24DB, 'l'}, /* CIRCLED LATIN SMALL LETTER L (NFKC_Casefold) */
    {0x24DC, 'm'}, /* CIRCLED LATIN SMALL LETTER M (NFKC_Casefold) */
    {0x24DD, 'n'}, /* CIRCLED LATIN SMALL LETTER N (NFKC_Casefold) */
    {0x24DE, 'o'}, /* CIRCLED LATIN SMALL LETTER O (NFKC_Casefold) */
    {0x24DF, 'p'}, /* CIRCLED LATIN SMALL LETTER P (NFKC_Casefold) */
    {0x24E0, 'q'}, /* CIRCLED LATIN SMALL LETTER Q (NFKC_Casefold) */
    {0x24E1, 'r'}, /* CIRCLED LATIN SMALL LETTER R (NFKC_Casefold) */
    {0x24E2, 's'}, /* CIRCLED LATIN SMALL LETTER S (NFKC_Casefold) */
    {0x24E3, 't'}, /* CIRCLED LATIN SMALL LETTER T (NFKC_Casefold) */
    {0x24E4, 'u'}, /* CIRCLED LATIN SMALL LETTER U (NFKC_Casefold) */
    {0x24E5, 'v'}, /* CIRCLED LATIN SMALL LETTER V (NFKC_Casefold) */
    {0x24E6, 'w'}, /* CIRCLED LATIN SMALL LETTER W (NFKC_Casefold) */
    {0x24E7, 'x'}, /* CIRCLED LATIN SMALL LETTER X (NFKC_Casefold) */
    {0x24E8, 'y'}, /* CIRCLED LATIN SMALL LETTER Y (NFKC_Casefold) */
    {0x24E9, 'z'}, /* CIRCLED LATIN SMALL LETTER Z (NFKC_Casefold) */
    {0x2573, 'x'}, /* BOX DRAWINGS LIGHT DIAGONAL CROSS (skeleton) */
    {0x27D9, 't'}, /* LARGE DOWN TACK (skeleton) */
    {0x292B, 'x'}, /* RISING DIAGONAL CROSSING FALLING DIAGONAL (skeleton) */
    {0x292C, 'x'}, /* FALLING DIAGONAL CROSSING RISING DIAGONAL (skeleton) */
    {0x2A2F, 'x'}, /* VECTOR OR CROSS PRODUCT (skeleton) */
    {0x2A30, 'x'}, /* MULTIPLICATION SIGN WITH DOT ABOVE (skeleton+overlay mark) */
    {0x2C62, 'l'}, /* LATIN CAPITAL LETTER L WITH MIDDLE TILDE (skeleton+overlay mark) */
    {0x2C63, 'p'}, /* LATIN CAPITAL LETTER P WITH STROKE (skeleton+overlay mark) */
    {0x2C64, 'r'}, /* LATIN CAPITAL LETTER R WITH TAIL (skeleton+overlay mark) */
    {0x2C6D, 'a'}, /* LATIN CAPITAL LETTER ALPHA (skeleton) */
    {0x2C7C, 'j'}, /* LATIN SUBSCRIPT SMALL LETTER J (NFKC_Casefold) */
    {0x2C7D, 'v'}, /* MODIFIER LETTER CAPITAL V (NFKC_Casefold) */
    {0x2C84, 'r'}, /* COPTIC CAPITAL LETTER GAMMA (skeleton) */
    {0x2C85, 'r'}, /* COPTIC SMALL LETTER GAMMA (skeleton) */
    {0x2C9E, 'o'}, /* COPTIC CAPITAL LETTER O (skeleton) */
    {0x2C9F, 'o'}, /* COPTIC SMALL LETTER O (skeleton) */
    {0x2CA2, 'p'}, /* COPTIC CAPITAL LETTER RO (skeleton) */
    {0x2CA3, 'p'}, /* COPTIC SMALL LETTER RO (skeleton) */
    {0x2CA4, 'c'}, /* COPTIC CAPITAL LETTER SIMA (skeleton) */
    {0x2CA5, 'c'}, /* COPTIC SMALL LETTER SIMA (skeleton) */
    {0x2D31, 'o'}, /* TIFINAGH LETTER YAB (skeleton+overlay mark) */
    {0x2D38, 'v'}, /* TIFINAGH LETTER YADH (skeleton) */
    {0x2D39, 'e'}, /* TIFINAGH LETTER YADD (skeleton) */
    {0x2D41, 'o'}, /* TIFINAGH LETTER BERBER ACADEMY YAH (skeleton+overlay mark) */
    {0x2D4F, 'l'}, /* TIFINAGH LETTER YAN (skeleton) */
    {0x2D54, 'o'}, /* TIFINAGH LETTER YAR (skeleton) */
    {0x2D55, 'q'}, /* TIFINAGH LETTER YARR (skeleton) */
    {0x2D5D, 'x'}, /* TIFINAGH LETTER YATH (skeleton) */
    {0xA4D0, 'b'}, /* LISU LETTER BA (skeleton) */
    {0xA4D1, 'p'}, /* LISU LETTER PA (skeleton) */
    {0xA4D2, 'd'}, /* LISU LETTER PHA (skeleton) */
    {0xA4D3, 'd'}, /* LISU LETTER DA (skeleton) */
    {0xA4D4, 't'}, /* LISU LETTER TA (skeleton) */
    {0xA4D6, 'g'}, /* LISU LETTER GA (skeleton) */
    {0xA4D7, 'k'}, /* LISU LETTER KA (skeleton) */
    {0xA4D9, 'j'}, /* LISU LETTER JA (skeleton) */
    {0xA4DA, 'c'}, /* LISU LETTER CA (skeleton) */
    {0xA4DC, 'z'}, /* LISU LETTER DZA (skeleton) */
    {0xA4DD, 'f'}, /* LISU LETTER TSA (skeleton) */
    {0xA4DF, 'm'}, /* LISU LETTER MA (skeleton) */
    {0xA4E0, 'n'}, /* LISU LETTER NA (skeleton) */
    {0xA4E1, 'l'}, /* LISU LETTER LA (skeleton) */
    {0xA4E2, 's'}, /* LISU LETTER SA (skeleton) */
    {0xA4E3, 'r'}, /* LISU LETTER ZHA (skeleton) */
    {0xA4E6, 'v'}, /* LISU LETTER HA (skeleton) */
    {0xA4E7, 'h'}, /* LISU LETTER XA (skeleton) */
    {0xA4EA, 'w'}, /* LISU LETTER WA (skeleton) */
    {0xA4EB, 'x'}, /* LISU LETTER SHA (skeleton) */
    {0xA4EC, 'y'}, /* LISU LETTER YA (skeleton) */
    {0xA4EE, 'a'}, /* LISU LETTER A (skeleton) */
    {0xA4F0, 'e'}, /* LISU LETTER E (skeleton) */
    {0xA4F2, 'l'}, /* LISU LETTER I (skeleton) */
    {0xA4F3, 'o'}, /* LISU LETTER O (skeleton) */
    {0xA4F4, 'u'}, /* LISU LETTER U (skeleton) */
    {0xA646, 'i'}, /* CYRILLIC CAPITAL LETTER IOTA (skeleton) */
    {0xA647, 'i'}, /* CYRILLIC SMALL LETTER IOTA (skeleton) */
    {0xA694, 'h'}, /* CYRILLIC CAPITAL LETTER HWE (skeleton+overlay mark) */
    {0xA695, 'h'}, /* CYRILLIC SMALL LETTER HWE (skeleton+overlay mark) */
    {0xA6DF, 'v'}, /* BAMUM LETTER KO (skeleton) */
    {0xA730, 'f'}, /* LATIN LETTER SMALL CAPITAL F (small capital) */
    {0xA731, 's'}, /* LATIN LETTER SMALL CAPITAL S (skeleton) */
    {0xA74A, 'o'}, /* LATIN CAPITAL LETTER O WITH LONG STROKE OVERLAY (skeleton+overlay mark) */
    {0xA74B, 'o'}, /* LATIN SMALL LETTER O WITH LONG STROKE OVERLAY (skeleton+overlay mark) */
    {0xA760, 'w'}, /* LATIN CAPITAL LETTER VY (skeleton+overlay mark) */
    {0xA761, 'w'}, /* LATIN SMALL LETTER VY (skeleton+overlay mark) */
    {0xA798, 'f'}, /* LATIN CAPITAL LETTER F WITH STROKE (skeleton) */
    {0xA799, 'f'}, /* LATIN SMALL LETTER F WITH STROKE (skeleton) */
    {0xA79E, 'u'}, /* LATIN CAPITAL LETTER VOLAPUK UE (skeleton) */
    {0xA79F, 'u'}, /* LATIN SMALL LETTER VOLAPUK UE (skeleton) */
    {0xA7AA, 'h'}, /* LATIN CAPITAL LETTER H WITH HOOK (skeleton+overlay mark) */
    {0xA7AC, 'g'}, /* LATIN CAPITAL LETTER SCRIPT G (skeleton) */
    {0xA7AE, 'i'}, /* LATIN CAPITAL LETTER SMALL CAPITAL I (skeleton) */
    {0xA7AF, 'q'}, /* LATIN LETTER SMALL CAPITAL Q (small capital) */
    {0xA7C5, 's'}, /* LATIN CAPITAL LETTER S WITH HOOK (skeleton+overlay mark) */
    {0xA7F2, 'c'}, /* MODIFIER LETTER CAPITAL C (NFKC_Casefold) */
    {0xA7F3, 'f'}, /* MODIFIER LETTER CAPITAL F (NFKC_Casefold) */
    {0xA7F4, 'q'}, /* MODIFIER LETTER CAPITAL Q (NFKC_Casefold) */
    {0xA7F8, 'h'}, /* MODIFIER LETTER CAPITAL H WITH STROKE (skeleton+overlay mark) */
    {0xAB32, 'e'}, /* LATIN SMALL LETTER BLACKLETTER E (skeleton) */
    {0xAB35, 'f'}, /* LATIN SMALL LETTER LENIS F (skeleton) */
    {0xAB3D, 'o'}, /* LATIN SMALL LETTER BLACKLETTER O (skeleton) */
    {0xAB3E, 'o'}, /* LATIN SMALL LETTER BLACKLETTER O WITH STROKE (skeleton+overlay mark) */
    {0xAB47, 'r'}, /* LATIN SMALL LETTER R WITHOUT HANDLE (skeleton) */
    {0xAB48, 'r'}, /* LATIN SMALL LETTER DOUBLE R (skeleton) */
    {0xAB4E, 'u'}, /* LATIN SMALL LETTER U WITH SHORT RIGHT LEG (skeleton) */
    {0xAB52, 'u'}, /* LATIN SMALL LETTER U WITH LEFT HOOK (skeleton) */
    {0xAB5A, 'y'}, /* LATIN SMALL LETTER Y WITH SHORT RIGHT LEG (skeleton) */
    {0xAB5E, 'l'}, /* MODIFIER LETTER SMALL L WITH MIDDLE TILDE (skeleton+overlay mark) */
    {0xAB5F, 'u'}, /* MODIFIER LETTER SMALL U WITH LEFT HOOK (skeleton) */
    {0xAB70, 'd'}, /* CHEROKEE SMALL LETTER A (skeleton) */
    {0xAB71, 'r'}, /* CHEROKEE SMALL LETTER E (skeleton) */
    {0xAB72, 't'}, /* CHEROKEE SMALL LETTER I (skeleton) */
    {0xAB75, 'i'}, /* CHEROKEE SMALL LETTER V (skeleton) */
    {0xAB79, 'y'}, /* CHEROKEE SMALL LETTER GI (skeleton) */
    {0xAB7A, 'a'}, /* CHEROKEE SMALL LETTER GO (skeleton) */
    {0xAB7B, 'j'}, /* CHEROKEE SMALL LETTER GU (skeleton) */
    {0xAB7C, 'e'}, /* CHEROKEE SMALL LETTER GV (skeleton) */
    {0xAB83, 'w'}, /* CHEROKEE SMALL LETTER LA (skeleton) */
    {0xAB87, 'm'}, /* CHEROKEE SMALL LETTER LU (skeleton) */
    {0xAB8B, 'h'}, /* CHEROKEE SMALL LETTER MI (skeleton) */
    {0xAB8D, 'y'}, /* CHEROKEE SMALL LETTER MU (skeleton) */
    {0xAB8E, 'o'}, /* CHEROKEE SMALL LETTER NA (skeleton+overlay mark) */
    {0xAB90, 'g'}, /* CHEROKEE SMALL LETTER NAH (skeleton) */
    {0xAB92, 'h'}, /* CHEROKEE SMALL LETTER NI (skeleton) */
    {0xAB93, 'z'}, /* CHEROKEE SMALL LETTER NO (skeleton) */
    {0xAB9C, 'u'}, /* CHEROKEE SMALL LETTER SA (skeleton+overlay mark) */
    {0xAB9F, 'b'}, /* CHEROKEE SMALL LETTER SI (skeleton) */
    {0xABA2, 'r'}, /* CHEROKEE SMALL LETTER SV (skeleton) */
    {0xABA4, 'w'}, /* CHEROKEE SMALL LETTER TA (skeleton) */
    {0xABA5, 's'}, /* CHEROKEE SMALL LETTER DE (skeleton) */
    {0xABA9, 'v'}, /* CHEROKEE SMALL LETTER DO (skeleton) */
    {0xABAA, 's'}, /* CHEROKEE SMALL LETTER DU (skeleton) */
    {0xABAE, 'l'}, /* CHEROKEE SMALL LETTER TLE (skeleton) */
    {0xABAF, 'c'}, /* CHEROKEE SMALL LETTER TLI (skeleton) */
    {0xABB2, 'p'}, /* CHEROKEE SMALL LETTER TLV (skeleton) */
    {0xABB6, 'k'}, /* CHEROKEE SMALL LETTER TSO (skeleton) */
    {0xABB7, 'd'}, /* CHEROKEE SMALL LETTER TSU (skeleton) */
    {0xABBB, 'o'}, /* CHEROKEE SMALL LETTER WI (skeleton+overlay mark) */
    {0xFBA6, 'o'}, /* ARABIC LETTER HEH GOAL ISOLATED FORM (skeleton) */
    {0xFBA7, 'o'}, /* ARABIC LETTER HEH GOAL FINAL FORM (skeleton) */
    {0xFBA8, 'o'}, /* ARABIC LETTER HEH GOAL INITIAL FORM (skeleton) */
    {0xFBA9, 'o'}, /* ARABIC LETTER HEH GOAL MEDIAL FORM (skeleton) */
    {0xFBAA, 'o'}, /* ARABIC LETTER HEH DOACHASHMEE ISOLATED FORM (skeleton) */
    {0xFBAB, 'o'}, /* ARABIC LETTER HEH DOACHASHMEE FINAL FORM (skeleton) */
    {0xFBAC, 'o'}, /* ARABIC LETTER HEH DOACHASHMEE INITIAL FORM (skeleton) */
    {0xFBAD, 'o'}, /* ARABIC LETTER HEH DOACHASHMEE MEDIAL FORM (skeleton) */
    {0xFCD9, 'o'}, /* ARABIC LIGATURE HEH WITH SUPERSCRIPT ALEF INITIAL FORM (skeleton+overlay mark) */
    {0xFD3C, 'l'}, /* ARABIC LIGATURE ALEF WITH FATHATAN FINAL FORM (skeleton+overlay mark) */
    {0xFD3D, 'l'}, /* ARABIC LIGATURE ALEF WITH FATHATAN ISOLATED FORM (skeleton+overlay mark) */
    {0xFE8D, 'l'}, /* ARABIC LETTER ALEF ISOLATED FORM (skeleton) */
    {0xFE8E, 'l'}, /* ARABIC LETTER ALEF FINAL FORM (skeleton) */
    {0xFEE9, 'o'}, /* ARABIC LETTER HEH ISOLATED FORM (skeleton) */
    {0xFEEA, 'o'}, /* ARABIC LETTER HEH FINAL FORM (skeleton) */
    {0xFEEB, 'o'}, /* ARABIC LETTER HEH INITIAL FORM (skeleton) */
    {0xFEEC, 'o'}, /* ARABIC LETTER HEH MEDIAL FORM (skeleton) */
    {0xFF21, 'a'}, /* FULLWIDTH LATIN CAPITAL LETTER A (NFKC_Casefold) */
    {0xFF22, 'b'}, /* FULLWIDTH LATIN CAPITAL LETTER B (NFKC_Casefold) */
    {0xFF23, 'c'}, /* FULLWIDTH LATIN CAPITAL LETTER C (NFKC_Casefold) */
    {0xFF24, 'd'}, /* FULLWIDTH LATIN CAPITAL LETTER D (NFKC_Casefold) */
    {0xFF25, 'e'}, /* FULLWIDTH LATIN CAPITAL LETTER E (NFKC_Casefold) */
    {0xFF26, 'f'}, /* FULLWIDTH LATIN CAPITAL LETTER F (NFKC_Casefold) */
    {0xFF27, 'g'}, /* FULLWIDTH LATIN CAPITAL LETTER G (NFKC_Casefold) */
    {0xFF28, 'h'}, /* FULLWIDTH LATIN CAPITAL LETTER H (NFKC_Casefold) */
    {0xFF29, 'i'}, /* FULLWIDTH LATIN CAPITAL LETTER I (NFKC_Casefold) */
    {0xFF2A, 'j'}, /* FULLWIDTH LATIN CAPITAL LETTER J (NFKC_Casefold) */
    {0xFF2B, 'k'}, /* FULLWIDTH LATIN CAPITAL LETTER K (NFKC_Casefold) */
    {0xFF2C, 'l'}, /* FULLWIDTH LATIN CAPITAL LETTER L (NFKC_Casefold) */
    {0xFF2D, 'm'}, /* FULLWIDTH LATIN CAPITAL LETTER M (NFKC_Casefold) */
    {0xFF2E, 'n'}, /* FULLWIDTH LATIN CAPITAL LETTER N (NFKC_Casefold) */
    {0xFF2F, 'o'}, /* FULLWIDTH LATIN CAPITAL LETTER O (NFKC_Casefold) */
    {0xFF30, 'p'}, /* FULLWIDTH LATIN CAPITAL LETTER P (NFKC_Casefold) */
    {0xFF31, 'q'}, /* FULLWIDTH LATIN CAPITAL LETTER Q (NFKC_Casefold) */
    {0xFF32, 'r'}, /* FULLWIDTH LATIN CAPITAL LETTER R (NFKC_Casefold) */
    {0xFF33, 's'}, /* FULLWIDTH LATIN CAPITAL LETTER S (NFKC_Casefold) */
    {0xFF34, 't'}, /* FULLWIDTH LATIN CAPITAL LETTER T (NFKC_Casefold) */
    {0xFF35, 'u'}, /* FULLWIDTH LATIN CAPITAL LETTER U (NFKC_Casefold) */
    {0xFF36, 'v'}, /* FULLWIDTH LATIN CAPITAL LETTER V (NFKC_Casefold) */
    {0xFF37, 'w'}, /* FULLWIDTH LATIN CAPITAL LETTER W (NFKC_Casefold) */
    {0xFF38, 'x'}, /* FULLWIDTH LATIN CAPITAL LETTER X (NFKC_Casefold) */
    {0xFF39, 'y'}, /* FULLWIDTH LATIN CAPITAL LETTER Y (NFKC_Casefold) */
    {0xFF3A, 'z'}, /* FULLWIDTH LATIN CAPITAL LETTER Z (NFKC_Casefold) */
    {0xFF41, 'a'}, /* FULLWIDTH LATIN SMALL LETTER A (NFKC_Casefold) */
    {0xFF42, 'b'}, /* FULLWIDTH LATIN SMALL LETTER B (NFKC_Casefold) */
    {0xFF43, 'c'}, /* FULLWIDTH LATIN SMALL LETTER C (NFKC_Casefold) */
    {0xFF44, 'd'}, /* FULLWIDTH LATIN SMALL LETTER D (NFKC_Casefold) */
    {0xFF45, 'e'}, /* FULLWIDTH LATIN SMALL LETTER E (NFKC_Casefold) */
    {0xFF46, 'f'}, /* FULLWIDTH LATIN SMALL LETTER F (NFKC_Casefold) */
    {0xFF47, 'g'}, /* FULLWIDTH LATIN SMALL LETTER G (NFKC_Casefold) */
    {0xFF48, 'h'}, /* FULLWIDTH LATIN SMALL LETTER H (NFKC_Casefold) */
    {0xFF49, 'i'}, /* FULLWIDTH LATIN SMALL LETTER I (NFKC_Casefold) */
    {0xFF4A, 'j'}, /* FULLWIDTH LATIN SMALL LETTER J (NFKC_Casefold) */
    {0xFF4B, 'k'}, /* FULLWIDTH LATIN SMALL LETTER K (NFKC_Casefold) */
    {0xFF4C, 'l'}, /* FULLWIDTH LATIN SMALL LETTER L (NFKC_Casefold) */
    {0xFF4D, 'm'}, /* FULLWIDTH LATIN SMALL LETTER M (NFKC_Casefold) */
    {0xFF4E, 'n'}, /* FULLWIDTH LATIN SMALL LETTER N (NFKC_Casefold) */
    {0xFF4F, 'o'}, /* FULLWIDTH LATIN SMALL LETTER O (NFKC_Casefold) */
    {0xFF50, 'p'}, /* FULLWIDTH LATIN SMALL LETTER P (NFKC_Casefold) */
    {0xFF51, 'q'}, /* FULLWIDTH LATIN SMALL LETTER Q (NFKC_Casefold) */
    {0xFF52, 'r'}, /* FULLWIDTH LATIN SMALL LETTER R (NFKC_Casefold) */
    {0xFF53, 's'}, /* FULLWIDTH LATIN SMALL LETTER S (NFKC_Casefold) */
    {0xFF54, 't'}, /* FULLWIDTH LATIN SMALL LETTER T (NFKC_Casefold) */
    {0xFF55, 'u'}, /* FULLWIDTH LATIN SMALL LETTER U (NFKC_Casefold) */
    {0xFF56, 'v'}, /* FULLWIDTH LATIN SMALL LETTER V (NFKC_Casefold) */
    {0xFF57, 'w'}, /* FULLWIDTH LATIN SMALL LETTER W (NFKC_Casefold) */
    {0xFF58, 'x'}, /* FULLWIDTH LATIN SMALL LETTER X (NFKC_Casefold) */
    {0xFF59, 'y'}, /* FULLWIDTH LATIN SMALL LETTER Y (NFKC_Casefold) */
    {0xFF5A, 'z'}, /* FULLWIDTH LATIN SMALL LETTER Z (NFKC_Casefold) */
    {0xFFE0, 'c'}, /* FULLWIDTH CENT SIGN (skeleton+overlay mark) */
    {0xFFE5, 'y'}, /* FULLWIDTH YEN SIGN (skeleton+overlay mark) */
    {0xFFE6, 'w'}, /* FULLWIDTH WON SIGN (skeleton+overlay mark) */
    {0x1018E, 'n'}, /* NOMISMA SIGN (skeleton+overlay mark) */
    {0x10196, 'x'}, /* ROMAN DENARIUS SIGN (skeleton+overlay mark) */
    {0x10197, 'v'}, /* ROMAN QUINARIUS SIGN (skeleton+overlay mark) */
    {0x10282, 'b'}, /* LYCIAN LETTER B (skeleton) */
    {0x10286, 'e'}, /* LYCIAN LETTER I (skeleton) */
    {0x10287, 'f'}, /* LYCIAN LETTER W (skeleton) */
    {0x1028A, 'l'}, /* LYCIAN LETTER J (skeleton) */
    {0x10290, 'x'}, /* LYCIAN LETTER MM (skeleton) */
    {0x10292, 'o'}, /* LYCIAN LETTER U (skeleton) */
    {0x10295, 'p'}, /* LYCIAN LETTER R (skeleton) */
    {0x10296, 's'}, /* LYCIAN LETTER S (skeleton) */
    {0x10297, 't'}, /* LYCIAN LETTER T (skeleton) */
    {0x102A0, 'a'}, /* CARIAN LETTER A (skeleton) */
    {0x102A1, 'b'}, /* CARIAN LETTER P2 (skeleton) */
    {0x102A2, 'c'}, /* CARIAN LETTER D (skeleton) */
    {0x102A5, 'f'}, /* CARIAN LETTER R (skeleton) */
    {0x102AB, 'o'}, /* CARIAN LETTER O (skeleton) */
    {0x102B0, 'm'}, /* CARIAN LETTER S (skeleton) */
    {0x102B1, 't'}, /* CARIAN LETTER C-18 (skeleton) */
    {0x102B2, 'y'}, /* CARIAN LETTER U (skeleton) */
    {0x102B4, 'x'}, /* CARIAN LETTER X (skeleton) */
    {0x102CF, 'h'}, /* CARIAN LETTER E2 (skeleton) */
    {0x10301, 'b'}, /* OLD ITALIC LETTER BE (skeleton) */
    {0x10302, 'c'}, /* OLD ITALIC LETTER KE (skeleton) */
    {0x10309, 'l'}, /* OLD ITALIC LETTER I (skeleton) */
    {0x10311, 'm'}, /* OLD ITALIC LETTER SHE (skeleton) */
    {0x10315, 't'}, /* OLD ITALIC LETTER TE (skeleton) */
    {0x10317, 'x'}, /* OLD ITALIC LETTER EKS (skeleton) */
    {0x10404, 'o'}, /* DESERET CAPITAL LETTER LONG O (skeleton) */
    {0x10415, 'c'}, /* DESERET CAPITAL LETTER CHEE (skeleton) */
    {0x10420, 's'}, /* DESERET CAPITAL LETTER ZHEE (skeleton) */
    {0x1042C, 'o'}, /* DESERET SMALL LETTER LONG O (skeleton) */
    {0x1043D, 'c'}, /* DESERET SMALL LETTER CHEE (skeleton) */
    {0x10448, 's'}, /* DESERET SMALL LETTER ZHEE (skeleton) */
    {0x104C2, 'o'}, /* OSAGE CAPITAL LETTER O (skeleton) */
    {0x104CE, 'u'}, /* OSAGE CAPITAL LETTER U (skeleton) */
    {0x104EA, 'o'}, /* OSAGE SMALL LETTER O (skeleton) */
    {0x104F6, 'u'}, /* OSAGE SMALL LETTER U (skeleton) */
    {0x10513, 'n'}, /* ELBASAN LETTER NE (skeleton) */
    {0x10516, 'o'}, /* ELBASAN LETTER O (skeleton) */
    {0x10518, 'k'}, /* ELBASAN LETTER QE (skeleton) */
    {0x1051C, 'c'}, /* ELBASAN LETTER SHE (skeleton) */
    {0x1051D, 'v'}, /* ELBASAN LETTER TE (skeleton) */
    {0x10525, 'f'}, /* ELBASAN LETTER GHE (skeleton) */
    {0x10526, 'l'}, /* ELBASAN LETTER GHAMMA (skeleton) */
    {0x10527, 'x'}, /* ELBASAN LETTER KHE (skeleton) */
    {0x10784, 'b'}, /* MODIFIER LETTER SMALL CAPITAL B (small capital) */
    {0x10785, 'b'}, /* MODIFIER LETTER SMALL B WITH HOOK (skeleton+overlay mark) */
    {0x1078B, 'd'}, /* MODIFIER LETTER SMALL D WITH TAIL (skeleton+overlay mark) */
    {0x1078C, 'd'}, /* MODIFIER LETTER SMALL D WITH HOOK (skeleton+overlay mark) */
    {0x10792, 'g'}, /* MODIFIER LETTER SMALL CAPITAL G (small capital) */
    {0x10793, 'g'}, /* MODIFIER LETTER SMALL G WITH HOOK (skeleton+overlay mark) */
    {0x10795, 'h'}, /* MODIFIER LETTER SMALL H WITH STROKE (skeleton+overlay mark) */
    {0x10796, 'h'}, /* MODIFIER LETTER SMALL CAPITAL H (small capital) */
    {0x107A2, 'o'}, /* MODIFIER LETTER SMALL O WITH STROKE (skeleton+overlay mark) */
    {0x107A5, 'q'}, /* MODIFIER LETTER SMALL Q (NFKC_Casefold) */
    {0x107A8, 'r'}, /* MODIFIER LETTER SMALL R WITH TAIL (skeleton+overlay mark) */
    {0x107AA, 'r'}, /* MODIFIER LETTER SMALL CAPITAL R (small capital) */
    {0x107B2, 'y'}, /* MODIFIER LETTER SMALL CAPITAL Y (skeleton) */
    {0x107B6, 'l'}, /* MODIFIER LETTER DENTAL CLICK (skeleton) */
    {0x114C5, 'w'}, /* TIRHUTA GVANG (skeleton+overlay mark) */
    {0x11700, 'm'}, /* AHOM LETTER KA (skeleton) */
    {0x11706, 'v'}, /* AHOM LETTER PA (skeleton) */
    {0x1170A, 'w'}, /* AHOM LETTER JA (skeleton) */
    {0x1170E, 'w'}, /* AHOM LETTER LA (skeleton) */
    {0x1170F, 'w'}, /* AHOM LETTER SA (skeleton) */
    {0x118A0, 'v'}, /* WARANG CITI CAPITAL LETTER NGAA (skeleton) */
    {0x118A1, 's'}, /* WARANG CITI CAPITAL LETTER A (skeleton) */
    {0x118A2, 'f'}, /* WARANG CITI CAPITAL LETTER WI (skeleton) */
    {0x118A3, 'i'}, /* WARANG CITI CAPITAL LETTER YU (skeleton) */
    {0x118A4, 'z'}, /* WARANG CITI CAPITAL LETTER YA (skeleton) */
    {0x118A8, 'o'}, /* WARANG CITI CAPITAL LETTER E (skeleton) */
    {0x118B7, 'o'}, /* WARANG CITI CAPITAL LETTER BU (skeleton) */
    {0x118B8, 'u'}, /* WARANG CITI CAPITAL LETTER PU (skeleton) */
    {0x118BC, 'y'}, /* WARANG CITI CAPITAL LETTER HAR (skeleton) */
    {0x118C0, 'v'}, /* WARANG CITI SMALL LETTER NGAA (skeleton) */
    {0x118C1, 's'}, /* WARANG CITI SMALL LETTER A (skeleton) */
    {0x118C2, 'f'}, /* WARANG CITI SMALL LETTER WI (skeleton) */
    {0x118C3, 'i'}, /* WARANG CITI SMALL LETTER YU (skeleton) */
    {0x118C4, 'z'}, /* WARANG CITI SMALL LETTER YA (skeleton) */
    {0x118C8, 'o'}, /* WARANG CITI SMALL LETTER E (skeleton) */
    {0x118D7, 'o'}, /* WARANG CITI SMALL LETTER BU (skeleton) */
    {0x118D8, 'u'}, /* WARANG CITI SMALL LETTER PU (skeleton) */
    {0x118DC, 'y'}, /* WARANG CITI SMALL LETTER HAR (skeleton) */
    {0x16F08, 'v'}, /* MIAO LETTER VA (skeleton) */
    {0x16F0A, 't'}, /* MIAO LETTER TA (skeleton) */
    {0x16F16, 'l'}, /* MIAO LETTER LA (skeleton) */
    {0x16F28, 'l'}, /* MIAO LETTER GHA (skeleton) */
    {0x16F35, 'r'}, /* MIAO LETTER ZHA (skeleton) */
    {0x16F3A, 's'}, /* MIAO LETTER SA (skeleton) */
    {0x16F40, 'a'}, /* MIAO LETTER ZZYA (skeleton) */
    {0x16F42, 'u'}, /* MIAO LETTER WA (skeleton) */
    {0x16F43, 'y'}, /* MIAO LETTER AH (skeleton) */
    {0x1D20D, 'v'}, /* GREEK VOCAL NOTATION SYMBOL-14 (skeleton) */
    {0x1D213, 'f'}, /* GREEK VOCAL NOTATION SYMBOL-20 (skeleton) */
    {0x1D216, 'r'}, /* GREEK VOCAL NOTATION SYMBOL-23 (skeleton) */
    {0x1D21A, 'o'}, /* GREEK VOCAL NOTATION SYMBOL-52 (skeleton+overlay mark) */
    {0x1D22A, 'l'}, /* GREEK INSTRUMENTAL NOTATION SYMBOL-23 (skeleton) */
    {0x1D400, 'a'}, /* MATHEMATICAL BOLD CAPITAL A (NFKC_Casefold) */
    {0x1D401, 'b'}, /* MATHEMATICAL BOLD CAPITAL B (NFKC_Casefold) */
    {0x1D402, 'c'}, /* MATHEMATICAL BOLD CAPITAL C (NFKC_Casefold) */
    {0x1D403, 'd'}, /* MATHEMATICAL BOLD CAPITAL D (NFKC_Casefold) */
    {0x1D404, 'e'}, /* MATHEMATICAL BOLD CAPITAL E (NFKC_Casefold) */
    {0x1D405, 'f'}, /* MATHEMATICAL BOLD CAPITAL F (NFKC_Casefold) */
    {0x1D406, 'g'}, /* MATHEMATICAL BOLD CAPITAL G (NFKC_Casefold) */
    {0x1D407, 'h'}, /* MATHEMATICAL BOLD CAPITAL H (NFKC_Casefold) */
    {0x1D408, 'i'}, /* MATHEMATICAL BOLD CAPITAL I (NFKC_Casefold) */
    {0x1D409, 'j'}, /* MATHEMATICAL BOLD CAPITAL J (NFKC_Casefold) */
    {0x1D40A, 'k'}, /* MATHEMATICAL BOLD CAPITAL K (NFKC_Casefold) */
    {0x1D40B, 'l'}, /* MATHEMATICAL BOLD CAPITAL L (NFKC_Casefold) */
    {0x1D40C, 'm'}, /* MATHEMATICAL BOLD CAPITAL M (NFKC_Casefold) */
    {0x1D40D, 'n'}, /* MATHEMATICAL BOLD CAPITAL N (NFKC_Casefold) */
    {0x1D40E, 'o'}, /* MATHEMATICAL BOLD CAPITAL O (NFKC_Casefold) */
    {0x1D40F, 'p'}, /* MATHEMATICAL BOLD CAPITAL P (NFKC_Casefold) */
    {0x1D410, 'q'}, /* MATHEMATICAL BOLD CAPITAL Q (NFKC_Casefold) */
    {0x1D411, 'r'}, /* MATHEMATICAL BOLD CAPITAL R (NFKC_Casefold) */
    {0x1D412, 's'}, /* MATHEMATICAL BOLD CAPITAL S (NFKC_Casefold) */
    {0x1D413, 't'}, /* MATHEMATICAL BOLD CAPITAL T (NFKC_Casefold) */
    {0x1D414, 'u'}, /* MATHEMATICAL BOLD CAPITAL U (NFKC_Casefold) */
    {0x1D415, 'v'}, /* MATHEMATICAL BOLD CAPITAL V (NFKC_Casefold) */
    {0x1D416, 'w'}, /* MATHEMATICAL BOLD CAPITAL W (NFKC_Casefold) */
    {0x1D417, 'x'}, /* MATHEMATICAL BOLD CAPITAL X (NFKC_Casefold) */
    {0x1D418, 'y'}, /* MATHEMATICAL BOLD CAPITAL Y (NFKC_Casefold) */
    {0x1D419, 'z'}, /* MATHEMATICAL BOLD CAPITAL Z (NFKC_Casefold) */
    {0x1D41A, 'a'}, /* MATHEMATICAL BOLD SMALL A (NFKC_Casefold) */
    {0x1D41B, 'b'}, /* MATHEMATICAL BOLD SMALL B (NFKC_Casefold) */
    {0x1D41C, 'c'}, /* MATHEMATICAL BOLD SMALL C (NFKC_Casefold) */
    {0x1D41D, 'd'}, /* MATHEMATICAL BOLD SMALL D (NFKC_Casefold) */
    {0x1D41E, 'e'}, /* MATHEMATICAL BOLD SMALL E (NFKC_Casefold) */
    {0x1D41F, 'f'}, /* MATHEMATICAL BOLD SMALL F (NFKC_Casefold) */
    {0x1D420, 'g'}, /* MATHEMATICAL BOLD SMALL G (NFKC_Casefold) */
    {0x1D421, 'h'}, /* MATHEMATICAL BOLD SMALL H (NFKC_Casefold) */
    {0x1D422, 'i'}, /* MATHEMATICAL BOLD SMALL I (NFKC_Casefold) */
    {0x1D423, 'j'}, /* MATHEMATICAL BOLD SMALL J (NFKC_Casefold) */
    {0x1D424, 'k'}, /* MATHEMATICAL BOLD SMALL K (NFKC_Casefold) */
    {0x1D425, 'l'}, /* MATHEMATICAL BOLD SMALL L (NFKC_Casefold) */
    {0x1D426, 'm'}, /* MATHEMATICAL BOLD SMALL M (NFKC_Casefold) */
    {0x1D427, 'n'}, /* MATHEMATICAL BOLD SMALL N (NFKC_Casefold) */
    {0x1D428, 'o'}, /* MATHEMATICAL BOLD SMALL O (NFKC_Casefold) */
    {0x1D429, 'p'}, /* MATHEMATICAL BOLD SMALL P (NFKC_Casefold) */
    {0x1D42A, 'q'}, /* MATHEMATICAL BOLD SMALL Q (NFKC_Casefold) */
    {0x1D42B, 'r'}, /* MATHEMATICAL BOLD SMALL R (NFKC_Casefold) */
    {0x1D42C, 's'}, /* MATHEMATICAL BOLD SMALL S (NFKC_Casefold) */
    {0x1D42D, 't'}, /* MATHEMATICAL BOLD SMALL T (NFKC_Casefold) */
    {0x1D42E, 'u'}, /* MATHEMATICAL BOLD SMALL U (NFKC_Casefold) */
    {0x1D42F, 'v'}, /* MATHEMATICAL BOLD SMALL V (NFKC_Casefold) */
    {0x1D430, 'w'}, /* MATHEMATICAL BOLD SMALL W (NFKC_Casefold) */
    {0x1D431, 'x'}, /* MATHEMATICAL BOLD SMALL X (NFKC_Casefold) */
    {0x1D432, 'y'}, /* MATHEMATICAL BOLD SMALL Y (NFKC_Casefold) */
    {0x1D433, 'z'}, /* MATHEMATICAL BOLD SMALL Z (NFKC_Casefold) */
    {0x1D434, 'a'}, /* MATHEMATICAL ITALIC CAPITAL A (NFKC_Casefold) */
    {0x1D435, 'b'}, /* MATHEMATICAL ITALIC CAPITAL B (NFKC_Casefold) */
    {0x1D436, 'c'}, /* MATHEMATICAL ITALIC CAPITAL C (NFKC_Casefold) */
    {0x1D437, 'd'}, /* MATHEMATICAL ITALIC CAPITAL D (NFKC_Casefold) */
    {0x1D438, 'e'}, /* MATHEMATICAL ITALIC CAPITAL E (NFKC_Casefold) */
    {0x1D439, 'f'}, /* MATHEMATICAL ITALIC CAPITAL F (NFKC_Casefold) */
    {0x1D43A, 'g'}, /* MATHEMATICAL ITALIC CAPITAL G (NFKC_Casefold) */
    {0x1D43B, 'h'}, /* MATHEMATICAL ITALIC CAPITAL H (NFKC_Casefold) */
    {0x1D43C, 'i'}, /* MATHEMATICAL ITALIC CAPITAL I (NFKC_Casefold) */
    {0x1D43D, 'j'}, /* MATHEMATICAL ITALIC CAPITAL J (NFKC_Casefold) */
    {0x1D43E, 'k'}, /* MATHEMATICAL ITALIC CAPITAL K (NFKC_Casefold) */
    {0x1D43F, 'l'}, /* MATHEMATICAL ITALIC CAPITAL L (NFKC_Casefold) */
    {0x1D440, 'm'}, /* MATHEMATICAL ITALIC CAPITAL M (NFKC_Casefold) */
    {0x1D441, 'n'}, /* MATHEMATICAL ITALIC CAPITAL N (NFKC_Casefold) */
    {0x1D442, 'o'}, /* MATHEMATICAL ITALIC CAPITAL O (NFKC_Casefold) */
    {0x1D443, 'p'}, /* MATHEMATICAL ITALIC CAPITAL P (NFKC_Casefold) */
    {0x1D444, 'q'}, /* MATHEMATICAL ITALIC CAPITAL Q (NFKC_Casefold) */
    {0x1D445, 'r'}, /* MATHEMATICAL ITALIC CAPITAL R (NFKC_Casefold) */
    {0x1D446, 's'}, /* MATHEMATICAL ITALIC CAPITAL S (NFKC_Casefold) */
    {0x1D447, 't'}, /* MATHEMATICAL ITALIC CAPITAL T (NFKC_Casefold) */
    {0x1D448, 'u'}, /* MATHEMATICAL ITALIC CAPITAL U (NFKC_Casefold) */
    {0x1D449, 'v'}, /* MATHEMATICAL ITALIC CAPITAL V (NFKC_Casefold) */
    {0x1D44A, 'w'}, /* MATHEMATICAL ITALIC CAPITAL W (NFKC_Casefold) */
    {0x1D44B, 'x'}, /* MATHEMATICAL ITALIC CAPITAL X (NFKC_Casefold) */
    {0x1D44C, 'y'}, /* MATHEMATICAL ITALIC CAPITAL Y (NFKC_Casefold) */
    {0x1D44D, 'z'}, /* MATHEMATICAL ITALIC CAPITAL Z (NFKC_Casefold) */
    {0x1D44E, 'a'}, /* MATHEMATICAL ITALIC SMALL A (NFKC_Casefold) */
    {0x1D44F, 'b'}, /* MATHEMATICAL ITALIC SMALL B (NFKC_Casefold) */
    {0x1D450, 'c'}, /* MATHEMATICAL ITALIC SMALL C (NFKC_Casefold) */
    {0x1D451, 'd'}, /* MATHEMATICAL ITALIC SMALL D (NFKC_Casefold) */
    {0x1D452, 'e'}, /* MATHEMATICAL ITALIC SMALL E (NFKC_Casefold) */
    {0x1D453, 'f'}, /* MATHEMATICAL ITALIC SMALL F (NFKC_Casefold) */
    {0x1D454, 'g'}, /* MATHEMATICAL ITALIC SMALL G (NFKC_Casefold) */
    {0x1D456, 'i'}, /* MATHEMATICAL ITALIC SMALL I (NFKC_Casefold) */
    {0x1D457, 'j'}, /* MATHEMATICAL ITALIC SMALL J (NFKC_Casefold) */
    {0x1D458, 'k'}, /* MATHEMATICAL ITALIC SMALL K (NFKC_Casefold) */
    {0x1D459, 'l'}, /* MATHEMATICAL ITALIC SMALL L (NFKC_Casefold) */
    {0x1D45A, 'm'}, /* MATHEMATICAL ITALIC SMALL M (NFKC_Casefold) */
    {0x1D45B, 'n'}, /* MATHEMATICAL ITALIC SMALL N (NFKC_Casefold) */
    {0x1D45C, 'o'}, /* MATHEMATICAL ITALIC SMALL O (NFKC_Casefold) */
    {0x1D45D, 'p'}, /* MATHEMATICAL ITALIC SMALL P (NFKC_Casefold) */
    {0x1D45E, 'q'}, /* MATHEMATICAL ITALIC SMALL Q (NFKC_Casefold) */
    {0x1D45F, 'r'}, /* MATHEMATICAL ITALIC SMALL R (NFKC_Casefold) */
    {0x1D460, 's'}, /* MATHEMATICAL ITALIC SMALL S (NFKC_Casefold) */
    {0x1D461, 't'}, /* MATHEMATICAL ITALIC SMALL T (NFKC_Casefold) */
    {0x1D462, 'u'}, /* MATHEMATICAL ITALIC SMALL U (NFKC_Casefold) */
    {0x1D463, 'v'}, /* MATHEMATICAL ITALIC SMALL V (NFKC_Casefold) */
    {0x1D464, 'w'}, /* MATHEMATICAL ITALIC SMALL W (NFKC_Casefold) */
    {0x1D465, 'x'}, /* MATHEMATICAL ITALIC SMALL X (NFKC_Casefold) */
    {0x1D466, 'y'}, /* MATHEMATICAL ITALIC SMALL Y (NFKC_Casefold) */
    {0x1D467, 'z'}, /* MATHEMATICAL ITALIC SMALL Z (NFKC_Casefold) */
    {0x1D468, 'a'}, /* MATHEMATICAL BOLD ITALIC CAPITAL A (NFKC_Casefold) */
    {0x1D469, 'b'}, /* MATHEMATICAL BOLD ITALIC CAPITAL B (NFKC_Casefold) */
    {0x1D46A, 'c'}, /* MATHEMATICAL BOLD ITALIC CAPITAL C (NFKC_Casefold) */
    {0x1D46B, 'd'}, /* MATHEMATICAL BOLD ITALIC CAPITAL D (NFKC_Casefold) */
    {0x1D46C, 'e'}, /* MATHEMATICAL BOLD ITALIC CAPITAL E (NFKC_Casefold) */
    {0x1D46D, 'f'}, /* MATHEMATICAL BOLD ITALIC CAPITAL F (NFKC_Casefold) */
    {0x1D46E, 'g'}, /* MATHEMATICAL BOLD ITALIC CAPITAL G (NFKC_Casefold) */
    {0x1D46F, 'h'}, /* MATHEMATICAL BOLD ITALIC CAPITAL H (NFKC_Casefold) */
    {0x1D470, 'i'}, /* MATHEMATICAL BOLD ITALIC CAPITAL I (NFKC_Casefold) */
    {0x1D471, 'j'}, /* MATHEMATICAL BOLD ITALIC CAPITAL J (NFKC_Casefold) */
    {0x1D472, 'k'}, /* MATHEMATICAL BOLD ITALIC CAPITAL K (NFKC_Casefold) */
    {0x1D473, 'l'}, /* MATHEMATICAL BOLD ITALIC CAPITAL L (NFKC_Casefold) */
    {0x1D474, 'm'}, /* MATHEMATICAL BOLD ITALIC CAPITAL M (NFKC_Casefold) */
    {0x1D475, 'n'}, /* MATHEMATICAL BOLD ITALIC CAPITAL N (NFKC_Casefold) */
    {0x1D476, 'o'}, /* MATHEMATICAL BOLD ITALIC CAPITAL O (NFKC_Casefold) */
    {0x1D477, 'p'}, /* MATHEMATICAL BOLD ITALIC CAPITAL P (NFKC_Casefold) */
    {0x1D478, 'q'}, /* MATHEMATICAL BOLD ITALIC CAPITAL Q (NFKC_Casefold) */
    {0x1D479, 'r'}, /* MATHEMATICAL BOLD ITALIC CAPITAL R (NFKC_Casefold) */
    {0x1D47A, 's'}, /* MATHEMATICAL BOLD ITALIC CAPITAL S (NFKC_Casefold) */
    {0x1D47B, 't'}, /* MATHEMATICAL BOLD ITALIC CAPITAL T (NFKC_Casefold) */
    {0x1D47C, 'u'}, /* MATHEMATICAL BOLD ITALIC CAPITAL U (NFKC_Casefold) */
    {0x1D47D, 'v'}, /* MATHEMATICAL BOLD ITALIC CAPITAL V (NFKC_Casefold) */
    {0x1D47E, 'w'}, /* MATHEMATICAL BOLD ITALIC CAPITAL W (NFKC_Casefold) */
    {0x1D47F, 'x'}, /* MATHEMATICAL BOLD ITALIC CAPITAL X (NFKC_Casefold) */
    {0x1D480, 'y'}, /* MATHEMATICAL BOLD ITALIC CAPITAL Y (NFKC_Casefold) */
    {0x1D481, 'z'}, /* MATHEMATICAL BOLD ITALIC CAPITAL Z (NFKC_Casefold) */
    {0x1D482, 'a'}, /* MATHEMATICAL BOLD ITALIC SMALL A (NFKC_Casefold) */
    {0x1D483, 'b'}, /* MATHEMATICAL BOLD ITALIC SMALL B (NFKC_Casefold) */
    {0x1D484, 'c'}, /* MATHEMATICAL BOLD ITALIC SMALL C (NFKC_Casefold) */
    {0x1D485, 'd'}, /* MATHEMATICAL BOLD ITALIC SMALL D (NFKC_Casefold) */
    {0x1D486, 'e'}, /* MATHEMATICAL BOLD ITALIC SMALL E (NFKC_Casefold) */
    {0x1D487, 'f'}, /* MATHEMATICAL BOLD ITALIC SMALL F (NFKC_Casefold) */
    {0x1D488, 'g'}, /* MATHEMATICAL BOLD ITALIC SMALL G (NFKC_Casefold) */
    {0x1D489, 'h'}, /* MATHEMATICAL BOLD ITALIC SMALL H (NFKC_Casefold) */
    {0x1D48A, 'i'}, /* MATHEMATICAL BOLD ITALIC SMALL I (NFKC_Casefold) */
    {0x1D48B, 'j'}, /* MATHEMATICAL BOLD ITALIC SMALL J (NFKC_Casefold) */
    {0x1D48C, 'k'}, /* MATHEMATICAL BOLD ITALIC SMALL K (NFKC_Casefold) */
    {0x1D48D, 'l'}, /* MATHEMATICAL BOLD ITALIC SMALL L (NFKC_Casefold) */
    {0x1D48E, 'm'}, /* MATHEMATICAL BOLD ITALIC SMALL M (NFKC_Casefold) */
    {0x1D48F, 'n'}, /* MATHEMATICAL BOLD ITALIC SMALL N (NFKC_Casefold) */
    {0x1D490, 'o'}, /* MATHEMATICAL BOLD ITALIC SMALL O (NFKC_Casefold) */
    {0x1D491, 'p'}, /* MATHEMATICAL BOLD ITALIC SMALL P (NFKC_Casefold) */
    {0x1D492, 'q'}, /* MATHEMATICAL BOLD ITALIC SMALL Q (NFKC_Casefold) */
    {0x1D493, 'r'}, /* MATHEMATICAL BOLD ITALIC SMALL R (NFKC_Casefold) */
    {0x1D494, 's'}, /* MATHEMATICAL BOLD ITALIC SMALL S (NFKC_Casefold) */
    {0x1D495, 't'}, /* MATHEMATICAL BOLD ITALIC SMALL T (NFKC_Casefold) */
    {0x1D496, 'u'}, /* MATHEMATICAL BOLD ITALIC SMALL U (NFKC_Casefold) */
    {0x1D497, 'v'}, /* MATHEMATICAL BOLD ITALIC SMALL V (NFKC_Casefold) */
    {0x1D498, 'w'}, /* MATHEMATICAL BOLD ITALIC SMALL W (NFKC_Casefold) */
    {0x1D499, 'x'}, /* MATHEMATICAL BOLD ITALIC SMALL X (NFKC_Casefold) */
    {0x1D49A, 'y'}, /* MATHEMATICAL BOLD ITALIC SMALL Y (NFKC_Casefold) */
    {0x1D49B, 'z'}, /* MATHEMATICAL BOLD ITALIC SMALL Z (NFKC_Casefold) */
    {0x1D49C, 'a'}, /* MATHEMATICAL SCRIPT CAPITAL A (NFKC_Casefold) */
    {0x1D49E, 'c'}, /* MATHEMATICAL SCRIPT CAPITAL C (NFKC_Casefold) */
    {0x1D49F, 'd'}, /* MATHEMATICAL SCRIPT CAPITAL D (NFKC_Casefold) */
    {0x1D4A2, 'g'}, /* MATHEMATICAL SCRIPT CAPITAL G (NFKC_Casefold) */
    {0x1D4A5, 'j'}, /* MATHEMATICAL SCRIPT CAPITAL J (NFKC_Casefold) */
    {0x1D4A6, 'k'}, /* MATHEMATICAL SCRIPT CAPITAL K (NFKC_Casefold) */
    {0x1D4A9, 'n'}, /* MATHEMATICAL SCRIPT CAPITAL N (NFKC_Casefold) */
    {0x1D4AA, 'o'}, /* MATHEMATICAL SCRIPT CAPITAL O (NFKC_Casefold) */
    {0x1D4AB, 'p'}, /* MATHEMATICAL SCRIPT CAPITAL P (NFKC_Casefold) */
    {0x1D4AC, 'q'}, /* MATHEMATICAL SCRIPT CAPITAL Q (NFKC_Casefold) */
    {0x1D4AE, 's'}, /* MATHEMATICAL SCRIPT CAPITAL S (NFKC_Casefold) */
    {0x1D4AF, 't'}, /* MATHEMATICAL SCRIPT CAPITAL T (NFKC_Casefold) */
    {0x1D4B0, 'u'}, /* MATHEMATICAL SCRIPT CAPITAL U (NFKC_Casefold) */
    {0x1D4B1, 'v'}, /* MATHEMATICAL SCRIPT CAPITAL V (NFKC_Casefold) */
    {0x1D4B2, 'w'}, /* MATHEMATICAL SCRIPT CAPITAL W (NFKC_Casefold) */
    {0x1D4B3, 'x'}, /* MATHEMATICAL SCRIPT CAPITAL X (NFKC_Casefold) */
    {0x1D4B4, 'y'}, /* MATHEMATICAL SCRIPT CAPITAL Y (NFKC_Casefold) */
    {0x1D4B5, 'z'}, /* MATHEMATICAL SCRIPT CAPITAL Z (NFKC_Casefold) */
    {0x1D4B6, 'a'}, /* MATHEMATICAL SCRIPT SMALL A (NFKC_Casefold) */
    {0x1D4B7, 'b'}, /* MATHEMATICAL SCRIPT SMALL B (NFKC_Casefold) */
    {0x1D4B8, 'c'}, /* MATHEMATICAL SCRIPT SMALL C (NFKC_Casefold) */
    {0x1D4B9, 'd'}, /* MATHEMATICAL SCRIPT SMALL D (NFKC_Casefold) */
    {0x1D4BB, 'f'}, /* MATHEMATICAL SCRIPT SMALL F (NFKC_Casefold) */
    {0x1D4BD, 'h'}, /* MATHEMATICAL SCRIPT SMALL H (NFKC_Casefold) */
    {0x1D4BE, 'i'}, /* MATHEMATICAL SCRIPT SMALL I (NFKC_Casefold) */
    {0x1D4BF, 'j'}, /* MATHEMATICAL SCRIPT SMALL J (NFKC_Casefold) */
    {0x1D4C0, 'k'}, /* MATHEMATICAL SCRIPT SMALL K (NFKC_Casefold) */
    {0x1D4C1, 'l'}, /* MATHEMATICAL SCRIPT SMALL L (NFKC_Casefold) */
    {0x1D4C2, 'm'}, /* MATHEMATICAL SCRIPT SMALL M (NFKC_Casefold) */
    {0x1D4C3, 'n'}, /* MATHEMATICAL SCRIPT SMALL N (NFKC_Casefold) */
    {0x1D4C5, 'p'}, /* MATHEMATICAL SCRIPT SMALL P (NFKC_Casefold) */
    {0x1D4C6, 'q'}, /* MATHEMATICAL SCRIPT SMALL Q (NFKC_Casefold) */
    {0x1D4C7, 'r'}, /* MATHEMATICAL SCRIPT SMALL R (NFKC_Casefold) */
    {0x1D4C8, 's'}, /* MATHEMATICAL SCRIPT SMALL S (NFKC_Casefold) */
    {0x1D4C9, 't'}, /* MATHEMATICAL SCRIPT SMALL T (NFKC_Casefold) */
    {0x1D4CA, 'u'}, /* MATHEMATICAL SCRIPT SMALL U (NFKC_Casefold) */
    {0x1D4CB, 'v'}, /* MATHEMATICAL SCRIPT SMALL V (NFKC_Casefold) */
    {0x1D4CC, 'w'}, /* MATHEMATICAL SCRIPT SMALL W (NFKC_Casefold) */
    {0x1D4CD, 'x'}, /* MATHEMATICAL SCRIPT SMALL X (NFKC_Casefold) */
    {0x1D4CE, 'y'}, /* MATHEMATICAL SCRIPT SMALL Y (NFKC_Casefold) */
    {0x1D4CF, 'z'}, /* MATHEMATICAL SCRIPT SMALL Z (NFKC_Casefold) */
    {0x1D4D0, 'a'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL A (NFKC_Casefold) */
    {0x1D4D1, 'b'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL B (NFKC_Casefold) */
    {0x1D4D2, 'c'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL C (NFKC_Casefold) */
    {0x1D4D3, 'd'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL D (NFKC_Casefold) */
    {0x1D4D4, 'e'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL E (NFKC_Casefold) */
    {0x1D4D5, 'f'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL F (NFKC_Casefold) */
    {0x1D4D6, 'g'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL G (NFKC_Casefold) */
    {0x1D4D7, 'h'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL H (NFKC_Casefold) */
    {0x1D4D8, 'i'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL I (NFKC_Casefold) */
    {0x1D4D9, 'j'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL J (NFKC_Casefold) */
    {0x1D4DA, 'k'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL K (NFKC_Casefold) */
    {0x1D4DB, 'l'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL L (NFKC_Casefold) */
    {0x1D4DC, 'm'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL M (NFKC_Casefold) */
    {0x1D4DD, 'n'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL N (NFKC_Casefold) */
    {0x1D4DE, 'o'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL O (NFKC_Casefold) */
    {0x1D4DF, 'p'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL P (NFKC_Casefold) */
    {0x1D4E0, 'q'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL Q (NFKC_Casefold) */
    {0x1D4E1, 'r'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL R (NFKC_Casefold) */
    {0x1D4E2, 's'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL S (NFKC_Casefold) */
    {0x1D4E3, 't'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL T (NFKC_Casefold) */
    {0x1D4E4, 'u'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL U (NFKC_Casefold) */
    {0x1D4E5, 'v'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL V (NFKC_Casefold) */
    {0x1D4E6, 'w'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL W (NFKC_Casefold) */
    {0x1D4E7, 'x'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL X (NFKC_Casefold) */
    {0x1D4E8, 'y'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL Y (NFKC_Casefold) */
    {0x1D4E9, 'z'}, /* MATHEMATICAL BOLD SCRIPT CAPITAL Z (NFKC_Casefold) */
    {0x1D4EA, 'a'}, /* MATHEMATICAL BOLD SCRIPT SMALL A (NFKC_Casefold) */
    {0x1D4EB, 'b'}, /* MATHEMATICAL BOLD SCRIPT SMALL B (NFKC_Casefold) */
    {0x1D4EC, 'c'}, /* MATHEMATICAL BOLD SCRIPT SMALL C (NFKC_Casefold) */
    {0x1D4ED, 'd'}, /* MATHEMATICAL BOLD SCRIPT SMALL D (NFKC_Casefold) */
    {0x1D4EE, 'e'}, /* MATHEMATICAL BOLD SCRIPT SMALL E (NFKC_Casefold) */
    {0x1D4EF, 'f'}, /* MATHEMATICAL BOLD SCRIPT SMALL F (NFKC_Casefold) */
    {0x1D4F0, 'g'}, /* MATHEMATICAL BOLD SCRIPT SMALL G (NFKC_Casefold) */
    {0x1D4F1, 'h'}, /* MATHEMATICAL BOLD SCRIPT SMALL H (NFKC_Casefold) */
    {0x1D4F2, 'i'}, /* MATHEMATICAL BOLD SCRIPT SMALL I (NFKC_Casefold) */
    {0x1D4F3, 'j'}, /* MATHEMATICAL BOLD SCRIPT SMALL J (NFKC_Casefold) */
    {0x1D4F4, 'k'}, /* MATHEMATICAL BOLD SCRIPT SMALL K (NFKC_Casefold) */
    {0x1D4F5, 'l'}, /* MATHEMATICAL BOLD SCRIPT SMALL L (NFKC_Casefold) */
    {0x1D4F6, 'm'}, /* MATHEMATICAL BOLD SCRIPT SMALL M (NFKC_Casefold) */
    {0x1D4F7, 'n'}, /* MATHEMATICAL BOLD SCRIPT SMALL N (NFKC_Casefold) */
    {0x1D4F8, 'o'}, /* MATHEMATICAL BOLD SCRIPT SMALL O (NFKC_Casefold) */
    {0x1D4F9, 'p'}, /* MATHEMATICAL BOLD SCRIPT SMALL P (NFKC_Casefold) */
    {0x1D4FA, 'q'}, /* MATHEMATICAL BOLD SCRIPT SMALL Q (NFKC_Casefold) */
    {0x1D4FB, 'r'}, /* MATHEMATICAL BOLD SCRIPT SMALL R (NFKC_Casefold) */
    {0x1D4FC, 's'}, /* MATHEMATICAL BOLD SCRIPT SMALL S (NFKC_Casefold) */
    {0x1D4FD, 't'}, /* MATHEMATICAL BOLD SCRIPT SMALL T (NFKC_Casefold) */
    {0x1D4FE, 'u'}, /* MATHEMATICAL BOLD SCRIPT SMALL U (NFKC_Casefold) */
    {0x1D4FF, 'v'}, /* MATHEMATICAL BOLD SCRIPT SMALL V (NFKC_Casefold) */
    {0x1D500, 'w'}, /* MATHEMATICAL BOLD SCRIPT SMALL W (NFKC_Casefold) */
    {0x1D501, 'x'}, /* MATHEMATICAL BOLD SCRIPT SMALL X (NFKC_Casefold) */
    {0x1D502, 'y'}, /* MATHEMATICAL BOLD SCRIPT SMALL Y (NFKC_Casefold) */
    {0x1D503, 'z'}, /* MATHEMATICAL BOLD SCRIPT SMALL Z (NFKC_Casefold) */
    {0x1D504, 'a'}, /* MATHEMATICAL FRAKTUR CAPITAL A (NFKC_Casefold) */
    {0x1D505, 'b'}, /* MATHEMATICAL FRAKTUR CAPITAL B (NFKC_Casefold) */
    {0x1D507, 'd'}, /* MATHEMATICAL FRAKTUR CAPITAL D (NFKC_Casefold) */
    {0x1D508, 'e'}, /* MATHEMATICAL FRAKTUR CAPITAL E (NFKC_Casefold) */
    {0x1D509, 'f'}, /* MATHEMATICAL FRAKTUR CAPITAL F (NFKC_Casefold) */
    {0x1D50A, 'g'}, /* MATHEMATICAL FRAKTUR CAPITAL G (NFKC_Casefold) */
    {0x1D50D, 'j'}, /* MATHEMATICAL FRAKTUR CAPITAL J (NFKC_Casefold) */
    {0x1D50E, 'k'}, /* MATHEMATICAL FRAKTUR CAPITAL K (NFKC_Casefold) */
    {0x1D50F, 'l'}, /* MATHEMATICAL FRAKTUR CAPITAL L (NFKC_Casefold) */
    {0x1D510, 'm'}, /* MATHEMATICAL FRAKTUR CAPITAL M (NFKC_Casefold) */
    {0x1D511, 'n'}, /* MATHEMATICAL FRAKTUR CAPITAL N (NFKC_Casefold) */
    {0x1D512, 'o'}, /* MATHEMATICAL FRAKTUR CAPITAL O (NFKC_Casefold) */
    {0x1D513, 'p'}, /* MATHEMATICAL FRAKTUR CAPITAL P (NFKC_Casefold) */
    {0x1D514, 'q'}, /* MATHEMATICAL FRAKTUR CAPITAL Q (NFKC_Casefold) */
    {0x1D516, 's'}, /* MATHEMATICAL FRAKTUR CAPITAL S (NFKC_Casefold) */
    {0x1D517, 't'}, /* MATHEMATICAL FRAKTUR CAPITAL T (NFKC_Casefold) */
    {0x1D518, 'u'}, /* MATHEMATICAL FRAKTUR CAPITAL U (NFKC_Casefold) */
    {0x1D519, 'v'}, /* MATHEMATICAL FRAKTUR CAPITAL V (NFKC_Casefold) */
    {0x1D51A, 'w'}, /* MATHEMATICAL FRAKTUR CAPITAL W (NFKC_Casefold) */
    {0x1D51B, 'x'}, /* MATHEMATICAL FRAKTUR CAPITAL X (NFKC_Casefold) */
    {0x1D51C, 'y'}, /* MATHEMATICAL FRAKTUR CAPITAL Y (NFKC_Casefold) */
    {0x1D51E, 'a'}, /* MATHEMATICAL FRAKTUR SMALL A (NFKC_Casefold) */
    {0x1D51F, 'b'}, /* MATHEMATICAL FRAKTUR SMALL B (NFKC_Casefold) */
    {0x1D520, 'c'}, /* MATHEMATICAL FRAKTUR SMALL C (NFKC_Casefold) */
    {0x1D521, 'd'}, /* MATHEMATICAL FRAKTUR SMALL D (NFKC_Casefold) */
    {0x1D522, 'e'}, /* MATHEMATICAL FRAKTUR SMALL E (NFKC_Casefold) */
    {0x1D523, 'f'}, /* MATHEMATICAL FRAKTUR SMALL F (NFKC_Casefold) */
    {0x1D524, 'g'}, /* MATHEMATICAL FRAKTUR SMALL G (NFKC_Casefold) */
    {0x1D525, 'h'}, /* MATHEMATICAL FRAKTUR SMALL H (NFKC_Casefold) */
    {0x1D526, 'i'}, /* MATHEMATICAL FRAKTUR SMALL I (NFKC_Casefold) */
    {0x1D527, 'j'}, /* MATHEMATICAL FRAKTUR SMALL J (NFKC_Casefold) */
    {0x1D528, 'k'}, /* MATHEMATICAL FRAKTUR SMALL K (NFKC_Casefold) */
    {0x1D529, 'l'}, /* MATHEMATICAL FRAKTUR SMALL L (NFKC_Casefold) */
    {0x1D52A, 'm'}, /* MATHEMATICAL FRAKTUR SMALL M (NFKC_Casefold) */
    {0x1D52B, 'n'}, /* MATHEMATICAL FRAKTUR SMALL N (NFKC_Casefold) */
    {0x1D52C, 'o'}, /* MATHEMATICAL FRAKTUR SMALL O (NFKC_Casefold) */
    {0x1D52D, 'p'}, /* MATHEMATICAL FRAKTUR SMALL P (NFKC_Casefold) */
    {0x1D52E, 'q'}, /* MATHEMATICAL FRAKTUR SMALL Q (NFKC_Casefold) */
    {0x1D52F, 'r'}, /* MATHEMATICAL FRAKTUR SMALL R (NFKC_Casefold) */
    {0x1D530, 's'}, /* MATHEMATICAL FRAKTUR SMALL S (NFKC_Casefold) */
    {0x1D531, 't'}, /* MATHEMATICAL FRAKTUR SMALL T (NFKC_Casefold) */
    {0x1D532, 'u'}, /* MATHEMATICAL FRAKTUR SMALL U (NFKC_Casefold) */
    {0x1D533, 'v'}, /* MATHEMATICAL FRAKTUR SMALL V (NFKC_Casefold) */
    {0x1D534, 'w'}, /* MATHEMATICAL FRAKTUR SMALL W (NFKC_Casefold) */
    {0x1D535, 'x'}, /* MATHEMATICAL FRAKTUR SMALL X (NFKC_Casefold) */
    {0x1D536, 'y'}, /* MATHEMATICAL FRAKTUR SMALL Y (NFKC_Casefold) */
    {0x1D537, 'z'}, /* MATHEMATICAL FRAKTUR SMALL Z (NFKC_Casefold) */
    {0x1D538, 'a'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL A (NFKC_Casefold) */
    {0x1D539, 'b'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL B (NFKC_Casefold) */
    {0x1D53B, 'd'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL D (NFKC_Casefold) */
    {0x1D53C, 'e'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL E (NFKC_Casefold) */
    {0x1D53D, 'f'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL F (NFKC_Casefold) */
    {0x1D53E, 'g'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL G (NFKC_Casefold) */
    {0x1D540, 'i'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL I (NFKC_Casefold) */
    {0x1D541, 'j'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL J (NFKC_Casefold) */
    {0x1D542, 'k'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL K (NFKC_Casefold) */
    {0x1D543, 'l'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL L (NFKC_Casefold) */
    {0x1D544, 'm'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL M (NFKC_Casefold) */
    {0x1D546, 'o'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL O (NFKC_Casefold) */
    {0x1D54A, 's'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL S (NFKC_Casefold) */
    {0x1D54B, 't'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL T (NFKC_Casefold) */
    {0x1D54C, 'u'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL U (NFKC_Casefold) */
    {0x1D54D, 'v'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL V (NFKC_Casefold) */
    {0x1D54E, 'w'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL W (NFKC_Casefold) */
    {0x1D54F, 'x'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL X (NFKC_Casefold) */
    {0x1D550, 'y'}, /* MATHEMATICAL DOUBLE-STRUCK CAPITAL Y (NFKC_Casefold) */
    {0x1D552, 'a'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL A (NFKC_Casefold) */
    {0x1D553, 'b'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL B (NFKC_Casefold) */
    {0x1D554, 'c'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL C (NFKC_Casefold) */
    {0x1D555, 'd'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL D (NFKC_Casefold) */
    {0x1D556, 'e'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL E (NFKC_Casefold) */
    {0x1D557, 'f'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL F (NFKC_Casefold) */
    {0x1D558, 'g'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL G (NFKC_Casefold) */
    {0x1D559, 'h'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL H (NFKC_Casefold) */
    {0x1D55A, 'i'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL I (NFKC_Casefold) */
    {0x1D55B, 'j'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL J (NFKC_Casefold) */
    {0x1D55C, 'k'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL K (NFKC_Casefold) */
    {0x1D55D, 'l'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL L (NFKC_Casefold) */
    {0x1D55E, 'm'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL M (NFKC_Casefold) */
    {0x1D55F, 'n'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL N (NFKC_Casefold) */
    {0x1D560, 'o'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL O (NFKC_Casefold) */
    {0x1D561, 'p'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL P (NFKC_Casefold) */
    {0x1D562, 'q'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL Q (NFKC_Casefold) */
    {0x1D563, 'r'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL R (NFKC_Casefold) */
    {0x1D564, 's'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL S (NFKC_Casefold) */
    {0x1D565, 't'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL T (NFKC_Casefold) */
    {0x1D566, 'u'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL U (NFKC_Casefold) */
    {0x1D567, 'v'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL V (NFKC_Casefold) */
    {0x1D568, 'w'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL W (NFKC_Casefold) */
    {0x1D569, 'x'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL X (NFKC_Casefold) */
    {0x1D56A, 'y'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL Y (NFKC_Casefold) */
    {0x1D56B, 'z'}, /* MATHEMATICAL DOUBLE-STRUCK SMALL Z (NFKC_Casefold) */
    {0x1D56C, 'a'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL A (NFKC_Casefold) */
    {0x1D56D, 'b'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL B (NFKC_Casefold) */
    {0x1D56E, 'c'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL C (NFKC_Casefold) */
    {0x1D56F, 'd'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL D (NFKC_Casefold) */
    {0x1D570, 'e'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL E (NFKC_Casefold) */
    {0x1D571, 'f'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL F (NFKC_Casefold) */
    {0x1D572, 'g'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL G (NFKC_Casefold) */
    {0x1D573, 'h'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL H (NFKC_Casefold) */
    {0x1D574, 'i'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL I (NFKC_Casefold) */
    {0x1D575, 'j'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL J (NFKC_Casefold) */
    {0x1D576, 'k'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL K (NFKC_Casefold) */
    {0x1D577, 'l'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL L (NFKC_Casefold) */
    {0x1D578, 'm'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL M (NFKC_Casefold) */
    {0x1D579, 'n'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL N (NFKC_Casefold) */
    {0x1D57A, 'o'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL O (NFKC_Casefold) */
    {0x1D57B, 'p'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL P (NFKC_Casefold) */
    {0x1D57C, 'q'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL Q (NFKC_Casefold) */
    {0x1D57D, 'r'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL R (NFKC_Casefold) */
    {0x1D57E, 's'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL S (NFKC_Casefold) */
    {0x1D57F, 't'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL T (NFKC_Casefold) */
    {0x1D580, 'u'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL U (NFKC_Casefold) */
    {0x1D581, 'v'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL V (NFKC_Casefold) */
    {0x1D582, 'w'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL W (NFKC_Casefold) */
    {0x1D583, 'x'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL X (NFKC_Casefold) */
    {0x1D584, 'y'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL Y (NFKC_Casefold) */
    {0x1D585, 'z'}, /* MATHEMATICAL BOLD FRAKTUR CAPITAL Z (NFKC_Casefold) */
    {0x1D586, 'a'}, /* MATHEMATICAL BOLD FRAKTUR SMALL A (NFKC_Casefold) */
    {0x1D587, 'b'}, /* MATHEMATICAL BOLD FRAKTUR SMALL B (NFKC_Casefold) */
    {0x1D588, 'c'}, /* MATHEMATICAL BOLD FRAKTUR SMALL C (NFKC_Casefold) */
    {0x1D589, 'd'}, /* MATHEMATICAL BOLD FRAKTUR SMALL D (NFKC_Casefold) */
    {0x1D58A, 'e'}, /* MATHEMATICAL BOLD FRAKTUR SMALL E (NFKC_Casefold) */
    {0x1D58B, 'f'}, /* MATHEMATICAL BOLD FRAKTUR SMALL F (NFKC_Casefold) */
    {0x1D58C, 'g'}, /* MATHEMATICAL BOLD FRAKTUR SMALL G (NFKC_Casefold) */
    {0x1D58D, 'h'}, /* MATHEMATICAL BOLD FRAKTUR SMALL H (NFKC_Casefold) */
    {0x1D58E, 'i'}, /* MATHEMATICAL BOLD FRAKTUR SMALL I (NFKC_Casefold) */
    {0x1D58F, 'j'}, /* MATHEMATICAL BOLD FRAKTUR SMALL J (NFKC_Casefold) */
    {0x1D590, 'k'}, /* MATHEMATICAL BOLD FRAKTUR SMALL K (NFKC_Casefold) */
    {0x1D591, 'l'}, /* MATHEMATICAL BOLD FRAKTUR SMALL L (NFKC_Casefold) */
    {0x1D592, 'm'}, /* MATHEMATICAL BOLD FRAKTUR SMALL M (NFKC_Casefold) */
    {0x1D593, 'n'}, /* MATHEMATICAL BOLD FRAKTUR SMALL N (NFKC_Casefold) */
    {0x1D594, 'o'}, /* MATHEMATICAL BOLD FRAKTUR SMALL O (NFKC_Casefold) */
    {0x1D595, 'p'}, /* MATHEMATICAL BOLD FRAKTUR SMALL P (NFKC_Casefold) */
    {0x1D596, 'q'}, /* MATHEMATICAL BOLD FRAKTUR SMALL Q (NFKC_Casefold) */
    {0x1D597, 'r'}, /* MATHEMATICAL BOLD FRAKTUR SMALL R (NFKC_Casefold) */
    {0x1D598, 's'}, /* MATHEMATICAL BOLD FRAKTUR SMALL S (NFKC_Casefold) */
    {0x1D599, 't'}, /* MATHEMATICAL BOLD FRAKTUR SMALL T (NFKC_Casefold) */
    {0x1D59A, 'u'}, /* MATHEMATICAL BOLD FRAKTUR SMALL U (NFKC_Casefold) */
    {0x1D59B, 'v'}, /* MATHEMATICAL BOLD FRAKTUR SMALL V (NFKC_Casefold) */
    {0x1D59C, 'w'}, /* MATHEMATICAL BOLD FRAKTUR SMALL W (NFKC_Casefold) */
    {0x1D59D, 'x'}, /* MATHEMATICAL BOLD FRAKTUR SMALL X (NFKC_Casefold) */
    {0x1D59E, 'y'}, /* MATHEMATICAL BOLD FRAKTUR SMALL Y (NFKC_Casefold) */
    {0x1D59F, 'z'}, /* MATHEMATICAL BOLD FRAKTUR SMALL Z (NFKC_Casefold) */
    {0x1D5A0, 'a'}, /* MATHEMATICAL SANS-SERIF CAPITAL A (NFKC_Casefold) */
    {0x1D5A1, 'b'}, /* MATHEMATICAL SANS-SERIF CAPITAL B (NFKC_Casefold) */
    {0x1D5A2, 'c'}, /* MATHEMATICAL SANS-SERIF CAPITAL C (NFKC_Casefold) */
    {0x1D5A3, 'd'}, /* MATHEMATICAL SANS-SERIF CAPITAL D (NFKC_Casefold) */
    {0x1D5A4, 'e'}, /* MATHEMATICAL SANS-SERIF CAPITAL E (NFKC_Casefold) */
    {0x1D5A5, 'f'}, /* MATHEMATICAL SANS-SERIF CAPITAL F (NFKC_Casefold) */
    {0x1D5A6, 'g'}, /* MATHEMATICAL SANS-SERIF CAPITAL G (NFKC_Casefold) */
    {0x1D5A7, 'h'}, /* MATHEMATICAL SANS-SERIF CAPITAL H (NFKC_Casefold) */
    {0x1D5A8, 'i'}, /* MATHEMATICAL SANS-SERIF CAPITAL I (NFKC_Casefold) */
    {0x1D5A9, 'j'}, /* MATHEMATICAL SANS-SERIF CAPITAL J (NFKC_Casefold) */
    {0x1D5AA, 'k'}, /* MATHEMATICAL SANS-SERIF CAPITAL K (NFKC_Casefold) */
    {0x1D5AB, 'l'}, /* MATHEMATICAL SANS-SERIF CAPITAL L (NFKC_Casefold) */
    {0x1D5AC, 'm'}, /* MATHEMATICAL SANS-SERIF CAPITAL M (NFKC_Casefold) */
    {0x1D5AD, 'n'}, /* MATHEMATICAL SANS-SERIF CAPITAL N (NFKC_Casefold) */
    {0x1D5AE, 'o'}, /* MATHEMATICAL SANS-SERIF CAPITAL O (NFKC_Casefold) */
    {0x1D5AF, 'p'}, /* MATHEMATICAL SANS-SERIF CAPITAL P (NFKC_Casefold) */
    {0x1D5B0, 'q'}, /* MATHEMATICAL SANS-SERIF CAPITAL Q (NFKC_Casefold) */
    {0x1D5B1, 'r'}, /* MATHEMATICAL SANS-SERIF CAPITAL R (NFKC_Casefold) */
    {0x1D5B2, 's'}, /* MATHEMATICAL SANS-SERIF CAPITAL S (NFKC_Casefold) */
    {0x1D5B3, 't'}, /* MATHEMATICAL SANS-SERIF CAPITAL T (NFKC_Casefold) */
    {0x1D5B4, 'u'}, /* MATHEMATICAL SANS-SERIF CAPITAL U (NFKC_Casefold) */
    {0x1D5B5, 'v'}, /* MATHEMATICAL SANS-SERIF CAPITAL V (NFKC_Casefold) */
    {0x1D5B6, 'w'}, /* MATHEMATICAL SANS-SERIF CAPITAL W (NFKC_Casefold) */
    {0x1D5B7, 'x'}, /* MATHEMATICAL SANS-SERIF CAPITAL X (NFKC_Casefold) */
    {0x1D5B8, 'y'}, /* MATHEMATICAL SANS-SERIF CAPITAL Y (NFKC_Casefold) */
    {0x1D5B9, 'z'}, /* MATHEMATICAL SANS-SERIF CAPITAL Z (NFKC_Casefold) */
    {0x1D5BA, 'a'}, /* MATHEMATICAL SANS-SERIF SMALL A (NFKC_Casefold) */
    {0x1D5BB, 'b'}, /* MATHEMATICAL SANS-SERIF SMALL B (NFKC_Casefold) */
    {0x1D5BC, 'c'}, /* MATHEMATICAL SANS-SERIF SMALL C (NFKC_Casefold) */
    {0x1D5BD, 'd'}, /* MATHEMATICAL SANS-SERIF SMALL D (NFKC_Casefold) */
    {0x1D5BE, 'e'}, /* MATHEMATICAL SANS-SERIF SMALL E (NFKC_Casefold) */
    {0x1D5BF, 'f'}, /* MATHEMATICAL SANS-SERIF SMALL F (NFKC_Casefold) */
    {0x1D5C0, 'g'}, /* MATHEMATICAL SANS-SERIF SMALL G (NFKC_Casefold) */
    {0x1D5C1, 'h'}, /* MATHEMATICAL SANS-SERIF SMALL H (NFKC_Casefold) */
    {0x1D5C2, 'i'}, /* MATHEMATICAL SANS-SERIF SMALL I (NFKC_Casefold) */
    {0x1D5C3, 'j'}, /* MATHEMATICAL SANS-SERIF SMALL J (NFKC_Casefold) */
    {0x1D5C4, 'k'}, /* MATHEMATICAL SANS-SERIF SMALL K (NFKC_Casefold) */
    {0x1D5C5, 'l'}, /* MATHEMATICAL SANS-SERIF SMALL L (NFKC_Casefold) */
    {0x1D5C6, 'm'}, /* MATHEMATICAL SANS-SERIF SMALL M (NFKC_Casefold) */
    {0x1D5C7, 'n'}, /* MATHEMATICAL SANS-SERIF SMALL N (NFKC_Casefold) */
    {0x1D5C8, 'o'}, /* MATHEMATICAL SANS-SERIF SMALL O (NFKC_Casefold) */
    {0x1D5C9, 'p'}, /* MATHEMATICAL SANS-SERIF SMALL P (NFKC_Casefold) */
    {0x1D5CA, 'q'}, /* MATHEMATICAL SANS-SERIF SMALL Q (NFKC_Casefold) */
    {0x1D5CB, 'r'}, /* MATHEMATICAL SANS-SERIF SMALL R (NFKC_Casefold) */
    {0x1D5CC, 's'}, /* MATHEMATICAL SANS-SERIF SMALL S (NFKC_Casefold) */
    {0x1D5CD, 't'}, /* MATHEMATICAL SANS-SERIF SMALL T (NFKC_Casefold) */
    {0x1D5CE, 'u'}, /* MATHEMATICAL SANS-SERIF SMALL U (NFKC_Casefold) */
    {0x1D5CF, 'v'}, /* MATHEMATICAL SANS-SERIF SMALL V (NFKC_Casefold) */
    {0x1D5D0, 'w'}, /* MATHEMATICAL SANS-SERIF SMALL W (NFKC_Casefold) */
    {0x1D5D1, 'x'}, /* MATHEMATICAL SANS-SERIF SMALL X (NFKC_Casefold) */
    {0x1D5D2, 'y'}, /* MATHEMATICAL SANS-SERIF SMALL Y (NFKC_Casefold) */
    {0x1D5D3, 'z'}, /* MATHEMATICAL SANS-SERIF SMALL Z (NFKC_Casefold) */
    {0x1D5D4, 'a'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL A (NFKC_Casefold) */
    {0x1D5D5, 'b'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL B (NFKC_Casefold) */
    {0x1D5D6, 'c'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL C (NFKC_Casefold) */
    {0x1D5D7, 'd'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL D (NFKC_Casefold) */
    {0x1D5D8, 'e'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL E (NFKC_Casefold) */
    {0x1D5D9, 'f'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL F (NFKC_Casefold) */
    {0x1D5DA, 'g'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL G (NFKC_Casefold) */
    {0x1D5DB, 'h'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL H (NFKC_Casefold) */
    {0x1D5DC, 'i'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL I (NFKC_Casefold) */
    {0x1D5DD, 'j'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL J (NFKC_Casefold) */
    {0x1D5DE, 'k'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL K (NFKC_Casefold) */
    {0x1D5DF, 'l'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL L (NFKC_Casefold) */
    {0x1D5E0, 'm'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL M (NFKC_Casefold) */
    {0x1D5E1, 'n'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL N (NFKC_Casefold) */
    {0x1D5E2, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL O (NFKC_Casefold) */
    {0x1D5E3, 'p'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL P (NFKC_Casefold) */
    {0x1D5E4, 'q'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL Q (NFKC_Casefold) */
    {0x1D5E5, 'r'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL R (NFKC_Casefold) */
    {0x1D5E6, 's'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL S (NFKC_Casefold) */
    {0x1D5E7, 't'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL T (NFKC_Casefold) */
    {0x1D5E8, 'u'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL U (NFKC_Casefold) */
    {0x1D5E9, 'v'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL V (NFKC_Casefold) */
    {0x1D5EA, 'w'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL W (NFKC_Casefold) */
    {0x1D5EB, 'x'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL X (NFKC_Casefold) */
    {0x1D5EC, 'y'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL Y (NFKC_Casefold) */
    {0x1D5ED, 'z'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL Z (NFKC_Casefold) */
    {0x1D5EE, 'a'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL A (NFKC_Casefold) */
    {0x1D5EF, 'b'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL B (NFKC_Casefold) */
    {0x1D5F0, 'c'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL C (NFKC_Casefold) */
    {0x1D5F1, 'd'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL D (NFKC_Casefold) */
    {0x1D5F2, 'e'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL E (NFKC_Casefold) */
    {0x1D5F3, 'f'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL F (NFKC_Casefold) */
    {0x1D5F4, 'g'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL G (NFKC_Casefold) */
    {0x1D5F5, 'h'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL H (NFKC_Casefold) */
    {0x1D5F6, 'i'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL I (NFKC_Casefold) */
    {0x1D5F7, 'j'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL J (NFKC_Casefold) */
    {0x1D5F8, 'k'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL K (NFKC_Casefold) */
    {0x1D5F9, 'l'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL L (NFKC_Casefold) */
    {0x1D5FA, 'm'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL M (NFKC_Casefold) */
    {0x1D5FB, 'n'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL N (NFKC_Casefold) */
    {0x1D5FC, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL O (NFKC_Casefold) */
    {0x1D5FD, 'p'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL P (NFKC_Casefold) */
    {0x1D5FE, 'q'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL Q (NFKC_Casefold) */
    {0x1D5FF, 'r'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL R (NFKC_Casefold) */
    {0x1D600, 's'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL S (NFKC_Casefold) */
    {0x1D601, 't'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL T (NFKC_Casefold) */
    {0x1D602, 'u'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL U (NFKC_Casefold) */
    {0x1D603, 'v'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL V (NFKC_Casefold) */
    {0x1D604, 'w'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL W (NFKC_Casefold) */
    {0x1D605, 'x'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL X (NFKC_Casefold) */
    {0x1D606, 'y'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL Y (NFKC_Casefold) */
    {0x1D607, 'z'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL Z (NFKC_Casefold) */
    {0x1D608, 'a'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL A (NFKC_Casefold) */
    {0x1D609, 'b'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL B (NFKC_Casefold) */
    {0x1D60A, 'c'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL C (NFKC_Casefold) */
    {0x1D60B, 'd'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL D (NFKC_Casefold) */
    {0x1D60C, 'e'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL E (NFKC_Casefold) */
    {0x1D60D, 'f'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL F (NFKC_Casefold) */
    {0x1D60E, 'g'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL G (NFKC_Casefold) */
    {0x1D60F, 'h'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL H (NFKC_Casefold) */
    {0x1D610, 'i'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL I (NFKC_Casefold) */
    {0x1D611, 'j'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL J (NFKC_Casefold) */
    {0x1D612, 'k'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL K (NFKC_Casefold) */
    {0x1D613, 'l'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL L (NFKC_Casefold) */
    {0x1D614, 'm'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL M (NFKC_Casefold) */
    {0x1D615, 'n'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL N (NFKC_Casefold) */
    {0x1D616, 'o'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL O (NFKC_Casefold) */
    {0x1D617, 'p'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL P (NFKC_Casefold) */
    {0x1D618, 'q'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL Q (NFKC_Casefold) */
    {0x1D619, 'r'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL R (NFKC_Casefold) */
    {0x1D61A, 's'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL S (NFKC_Casefold) */
    {0x1D61B, 't'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL T (NFKC_Casefold) */
    {0x1D61C, 'u'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL U (NFKC_Casefold) */
    {0x1D61D, 'v'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL V (NFKC_Casefold) */
    {0x1D61E, 'w'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL W (NFKC_Casefold) */
    {0x1D61F, 'x'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL X (NFKC_Casefold) */
    {0x1D620, 'y'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL Y (NFKC_Casefold) */
    {0x1D621, 'z'}, /* MATHEMATICAL SANS-SERIF ITALIC CAPITAL Z (NFKC_Casefold) */
    {0x1D622, 'a'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL A (NFKC_Casefold) */
    {0x1D623, 'b'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL B (NFKC_Casefold) */
    {0x1D624, 'c'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL C (NFKC_Casefold) */
    {0x1D625, 'd'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL D (NFKC_Casefold) */
    {0x1D626, 'e'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL E (NFKC_Casefold) */
    {0x1D627, 'f'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL F (NFKC_Casefold) */
    {0x1D628, 'g'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL G (NFKC_Casefold) */
    {0x1D629, 'h'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL H (NFKC_Casefold) */
    {0x1D62A, 'i'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL I (NFKC_Casefold) */
    {0x1D62B, 'j'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL J (NFKC_Casefold) */
    {0x1D62C, 'k'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL K (NFKC_Casefold) */
    {0x1D62D, 'l'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL L (NFKC_Casefold) */
    {0x1D62E, 'm'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL M (NFKC_Casefold) */
    {0x1D62F, 'n'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL N (NFKC_Casefold) */
    {0x1D630, 'o'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL O (NFKC_Casefold) */
    {0x1D631, 'p'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL P (NFKC_Casefold) */
    {0x1D632, 'q'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL Q (NFKC_Casefold) */
    {0x1D633, 'r'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL R (NFKC_Casefold) */
    {0x1D634, 's'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL S (NFKC_Casefold) */
    {0x1D635, 't'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL T (NFKC_Casefold) */
    {0x1D636, 'u'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL U (NFKC_Casefold) */
    {0x1D637, 'v'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL V (NFKC_Casefold) */
    {0x1D638, 'w'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL W (NFKC_Casefold) */
    {0x1D639, 'x'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL X (NFKC_Casefold) */
    {0x1D63A, 'y'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL Y (NFKC_Casefold) */
    {0x1D63B, 'z'}, /* MATHEMATICAL SANS-SERIF ITALIC SMALL Z (NFKC_Casefold) */
    {0x1D63C, 'a'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL A (NFKC_Casefold) */
    {0x1D63D, 'b'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL B (NFKC_Casefold) */
    {0x1D63E, 'c'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL C (NFKC_Casefold) */
    {0x1D63F, 'd'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL D (NFKC_Casefold) */
    {0x1D640, 'e'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL E (NFKC_Casefold) */
    {0x1D641, 'f'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL F (NFKC_Casefold) */
    {0x1D642, 'g'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL G (NFKC_Casefold) */
    {0x1D643, 'h'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL H (NFKC_Casefold) */
    {0x1D644, 'i'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL I (NFKC_Casefold) */
    {0x1D645, 'j'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL J (NFKC_Casefold) */
    {0x1D646, 'k'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL K (NFKC_Casefold) */
    {0x1D647, 'l'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL L (NFKC_Casefold) */
    {0x1D648, 'm'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL M (NFKC_Casefold) */
    {0x1D649, 'n'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL N (NFKC_Casefold) */
    {0x1D64A, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL O (NFKC_Casefold) */
    {0x1D64B, 'p'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL P (NFKC_Casefold) */
    {0x1D64C, 'q'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL Q (NFKC_Casefold) */
    {0x1D64D, 'r'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL R (NFKC_Casefold) */
    {0x1D64E, 's'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL S (NFKC_Casefold) */
    {0x1D64F, 't'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL T (NFKC_Casefold) */
    {0x1D650, 'u'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL U (NFKC_Casefold) */
    {0x1D651, 'v'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL V (NFKC_Casefold) */
    {0x1D652, 'w'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL W (NFKC_Casefold) */
    {0x1D653, 'x'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL X (NFKC_Casefold) */
    {0x1D654, 'y'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL Y (NFKC_Casefold) */
    {0x1D655, 'z'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL Z (NFKC_Casefold) */
    {0x1D656, 'a'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL A (NFKC_Casefold) */
    {0x1D657, 'b'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL B (NFKC_Casefold) */
    {0x1D658, 'c'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL C (NFKC_Casefold) */
    {0x1D659, 'd'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL D (NFKC_Casefold) */
    {0x1D65A, 'e'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL E (NFKC_Casefold) */
    {0x1D65B, 'f'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL F (NFKC_Casefold) */
    {0x1D65C, 'g'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL G (NFKC_Casefold) */
    {0x1D65D, 'h'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL H (NFKC_Casefold) */
    {0x1D65E, 'i'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL I (NFKC_Casefold) */
    {0x1D65F, 'j'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL J (NFKC_Casefold) */
    {0x1D660, 'k'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL K (NFKC_Casefold) */
    {0x1D661, 'l'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL L (NFKC_Casefold) */
    {0x1D662, 'm'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL M (NFKC_Casefold) */
    {0x1D663, 'n'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL N (NFKC_Casefold) */
    {0x1D664, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL O (NFKC_Casefold) */
    {0x1D665, 'p'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL P (NFKC_Casefold) */
    {0x1D666, 'q'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL Q (NFKC_Casefold) */
    {0x1D667, 'r'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL R (NFKC_Casefold) */
    {0x1D668, 's'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL S (NFKC_Casefold) */
    {0x1D669, 't'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL T (NFKC_Casefold) */
    {0x1D66A, 'u'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL U (NFKC_Casefold) */
    {0x1D66B, 'v'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL V (NFKC_Casefold) */
    {0x1D66C, 'w'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL W (NFKC_Casefold) */
    {0x1D66D, 'x'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL X (NFKC_Casefold) */
    {0x1D66E, 'y'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL Y (NFKC_Casefold) */
    {0x1D66F, 'z'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL Z (NFKC_Casefold) */
    {0x1D670, 'a'}, /* MATHEMATICAL MONOSPACE CAPITAL A (NFKC_Casefold) */
    {0x1D671, 'b'}, /* MATHEMATICAL MONOSPACE CAPITAL B (NFKC_Casefold) */
    {0x1D672, 'c'}, /* MATHEMATICAL MONOSPACE CAPITAL C (NFKC_Casefold) */
    {0x1D673, 'd'}, /* MATHEMATICAL MONOSPACE CAPITAL D (NFKC_Casefold) */
    {0x1D674, 'e'}, /* MATHEMATICAL MONOSPACE CAPITAL E (NFKC_Casefold) */
    {0x1D675, 'f'}, /* MATHEMATICAL MONOSPACE CAPITAL F (NFKC_Casefold) */
    {0x1D676, 'g'}, /* MATHEMATICAL MONOSPACE CAPITAL G (NFKC_Casefold) */
    {0x1D677, 'h'}, /* MATHEMATICAL MONOSPACE CAPITAL H (NFKC_Casefold) */
    {0x1D678, 'i'}, /* MATHEMATICAL MONOSPACE CAPITAL I (NFKC_Casefold) */
    {0x1D679, 'j'}, /* MATHEMATICAL MONOSPACE CAPITAL J (NFKC_Casefold) */
    {0x1D67A, 'k'}, /* MATHEMATICAL MONOSPACE CAPITAL K (NFKC_Casefold) */
    {0x1D67B, 'l'}, /* MATHEMATICAL MONOSPACE CAPITAL L (NFKC_Casefold) */
    {0x1D67C, 'm'}, /* MATHEMATICAL MONOSPACE CAPITAL M (NFKC_Casefold) */
    {0x1D67D, 'n'}, /* MATHEMATICAL MONOSPACE CAPITAL N (NFKC_Casefold) */
    {0x1D67E, 'o'}, /* MATHEMATICAL MONOSPACE CAPITAL O (NFKC_Casefold) */
    {0x1D67F, 'p'}, /* MATHEMATICAL MONOSPACE CAPITAL P (NFKC_Casefold) */
    {0x1D680, 'q'}, /* MATHEMATICAL MONOSPACE CAPITAL Q (NFKC_Casefold) */
    {0x1D681, 'r'}, /* MATHEMATICAL MONOSPACE CAPITAL R (NFKC_Casefold) */
    {0x1D682, 's'}, /* MATHEMATICAL MONOSPACE CAPITAL S (NFKC_Casefold) */
    {0x1D683, 't'}, /* MATHEMATICAL MONOSPACE CAPITAL T (NFKC_Casefold) */
    {0x1D684, 'u'}, /* MATHEMATICAL MONOSPACE CAPITAL U (NFKC_Casefold) */
    {0x1D685, 'v'}, /* MATHEMATICAL MONOSPACE CAPITAL V (NFKC_Casefold) */
    {0x1D686, 'w'}, /* MATHEMATICAL MONOSPACE CAPITAL W (NFKC_Casefold) */
    {0x1D687, 'x'}, /* MATHEMATICAL MONOSPACE CAPITAL X (NFKC_Casefold) */
    {0x1D688, 'y'}, /* MATHEMATICAL MONOSPACE CAPITAL Y (NFKC_Casefold) */
    {0x1D689, 'z'}, /* MATHEMATICAL MONOSPACE CAPITAL Z (NFKC_Casefold) */
    {0x1D68A, 'a'}, /* MATHEMATICAL MONOSPACE SMALL A (NFKC_Casefold) */
    {0x1D68B, 'b'}, /* MATHEMATICAL MONOSPACE SMALL B (NFKC_Casefold) */
    {0x1D68C, 'c'}, /* MATHEMATICAL MONOSPACE SMALL C (NFKC_Casefold) */
    {0x1D68D, 'd'}, /* MATHEMATICAL MONOSPACE SMALL D (NFKC_Casefold) */
    {0x1D68E, 'e'}, /* MATHEMATICAL MONOSPACE SMALL E (NFKC_Casefold) */
    {0x1D68F, 'f'}, /* MATHEMATICAL MONOSPACE SMALL F (NFKC_Casefold) */
    {0x1D690, 'g'}, /* MATHEMATICAL MONOSPACE SMALL G (NFKC_Casefold) */
    {0x1D691, 'h'}, /* MATHEMATICAL MONOSPACE SMALL H (NFKC_Casefold) */
    {0x1D692, 'i'}, /* MATHEMATICAL MONOSPACE SMALL I (NFKC_Casefold) */
    {0x1D693, 'j'}, /* MATHEMATICAL MONOSPACE SMALL J (NFKC_Casefold) */
    {0x1D694, 'k'}, /* MATHEMATICAL MONOSPACE SMALL K (NFKC_Casefold) */
    {0x1D695, 'l'}, /* MATHEMATICAL MONOSPACE SMALL L (NFKC_Casefold) */
    {0x1D696, 'm'}, /* MATHEMATICAL MONOSPACE SMALL M (NFKC_Casefold) */
    {0x1D697, 'n'}, /* MATHEMATICAL MONOSPACE SMALL N (NFKC_Casefold) */
    {0x1D698, 'o'}, /* MATHEMATICAL MONOSPACE SMALL O (NFKC_Casefold) */
    {0x1D699, 'p'}, /* MATHEMATICAL MONOSPACE SMALL P (NFKC_Casefold) */
    {0x1D69A, 'q'}, /* MATHEMATICAL MONOSPACE SMALL Q (NFKC_Casefold) */
    {0x1D69B, 'r'}, /* MATHEMATICAL MONOSPACE SMALL R (NFKC_Casefold) */
    {0x1D69C, 's'}, /* MATHEMATICAL MONOSPACE SMALL S (NFKC_Casefold) */
    {0x1D69D, 't'}, /* MATHEMATICAL MONOSPACE SMALL T (NFKC_Casefold) */
    {0x1D69E, 'u'}, /* MATHEMATICAL MONOSPACE SMALL U (NFKC_Casefold) */
    {0x1D69F, 'v'}, /* MATHEMATICAL MONOSPACE SMALL V (NFKC_Casefold) */
    {0x1D6A0, 'w'}, /* MATHEMATICAL MONOSPACE SMALL W (NFKC_Casefold) */
    {0x1D6A1, 'x'}, /* MATHEMATICAL MONOSPACE SMALL X (NFKC_Casefold) */
    {0x1D6A2, 'y'}, /* MATHEMATICAL MONOSPACE SMALL Y (NFKC_Casefold) */
    {0x1D6A3, 'z'}, /* MATHEMATICAL MONOSPACE SMALL Z (NFKC_Casefold) */
    {0x1D6A4, 'i'}, /* MATHEMATICAL ITALIC SMALL DOTLESS I (skeleton) */
    {0x1D6A8, 'a'}, /* MATHEMATICAL BOLD CAPITAL ALPHA (skeleton) */
    {0x1D6AA, 'y'}, /* MATHEMATICAL BOLD CAPITAL GAMMA (skeleton) */
    {0x1D6AE, 'n'}, /* MATHEMATICAL BOLD CAPITAL ETA (skeleton+overlay mark) */
    {0x1D6AF, 'o'}, /* MATHEMATICAL BOLD CAPITAL THETA (skeleton+overlay mark) */
    {0x1D6B0, 'i'}, /* MATHEMATICAL BOLD CAPITAL IOTA (skeleton) */
    {0x1D6B4, 'v'}, /* MATHEMATICAL BOLD CAPITAL NU (skeleton) */
    {0x1D6B6, 'o'}, /* MATHEMATICAL BOLD CAPITAL OMICRON (skeleton) */
    {0x1D6B8, 'p'}, /* MATHEMATICAL BOLD CAPITAL RHO (skeleton) */
    {0x1D6B9, 'o'}, /* MATHEMATICAL BOLD CAPITAL THETA SYMBOL (skeleton+overlay mark) */
    {0x1D6BA, 'o'}, /* MATHEMATICAL BOLD CAPITAL SIGMA (skeleton) */
    {0x1D6BC, 'u'}, /* MATHEMATICAL BOLD CAPITAL UPSILON (skeleton) */
    {0x1D6C2, 'a'}, /* MATHEMATICAL BOLD SMALL ALPHA (skeleton) */
    {0x1D6C4, 'y'}, /* MATHEMATICAL BOLD SMALL GAMMA (skeleton) */
    {0x1D6C8, 'n'}, /* MATHEMATICAL BOLD SMALL ETA (skeleton+overlay mark) */
    {0x1D6C9, 'o'}, /* MATHEMATICAL BOLD SMALL THETA (skeleton+overlay mark) */
    {0x1D6CA, 'i'}, /* MATHEMATICAL BOLD SMALL IOTA (skeleton) */
    {0x1D6CE, 'v'}, /* MATHEMATICAL BOLD SMALL NU (skeleton) */
    {0x1D6D0, 'o'}, /* MATHEMATICAL BOLD SMALL OMICRON (skeleton) */
    {0x1D6D2, 'p'}, /* MATHEMATICAL BOLD SMALL RHO (skeleton) */
    {0x1D6D3, 'o'}, /* MATHEMATICAL BOLD SMALL FINAL SIGMA (skeleton) */
    {0x1D6D4, 'o'}, /* MATHEMATICAL BOLD SMALL SIGMA (skeleton) */
    {0x1D6D6, 'u'}, /* MATHEMATICAL BOLD SMALL UPSILON (skeleton) */
    {0x1D6DD, 'o'}, /* MATHEMATICAL BOLD THETA SYMBOL (skeleton+overlay mark) */
    {0x1D6E0, 'p'}, /* MATHEMATICAL BOLD RHO SYMBOL (skeleton) */
    {0x1D6E2, 'a'}, /* MATHEMATICAL ITALIC CAPITAL ALPHA (skeleton) */
    {0x1D6E4, 'y'}, /* MATHEMATICAL ITALIC CAPITAL GAMMA (skeleton) */
    {0x1D6E8, 'n'}, /* MATHEMATICAL ITALIC CAPITAL ETA (skeleton+overlay mark) */
    {0x1D6E9, 'o'}, /* MATHEMATICAL ITALIC CAPITAL THETA (skeleton+overlay mark) */
    {0x1D6EA, 'i'}, /* MATHEMATICAL ITALIC CAPITAL IOTA (skeleton) */
    {0x1D6EE, 'v'}, /* MATHEMATICAL ITALIC CAPITAL NU (skeleton) */
    {0x1D6F0, 'o'}, /* MATHEMATICAL ITALIC CAPITAL OMICRON (skeleton) */
    {0x1D6F2, 'p'}, /* MATHEMATICAL ITALIC CAPITAL RHO (skeleton) */
    {0x1D6F3, 'o'}, /* MATHEMATICAL ITALIC CAPITAL THETA SYMBOL (skeleton+overlay mark) */
    {0x1D6F4, 'o'}, /* MATHEMATICAL ITALIC CAPITAL SIGMA (skeleton) */
    {0x1D6F6, 'u'}, /* MATHEMATICAL ITALIC CAPITAL UPSILON (skeleton) */
    {0x1D6FC, 'a'}, /* MATHEMATICAL ITALIC SMALL ALPHA (skeleton) */
    {0x1D6FE, 'y'}, /* MATHEMATICAL ITALIC SMALL GAMMA (skeleton) */
    {0x1D702, 'n'}, /* MATHEMATICAL ITALIC SMALL ETA (skeleton+overlay mark) */
    {0x1D703, 'o'}, /* MATHEMATICAL ITALIC SMALL THETA (skeleton+overlay mark) */
    {0x1D704, 'i'}, /* MATHEMATICAL ITALIC SMALL IOTA (skeleton) */
    {0x1D708, 'v'}, /* MATHEMATICAL ITALIC SMALL NU (skeleton) */
    {0x1D70A, 'o'}, /* MATHEMATICAL ITALIC SMALL OMICRON (skeleton) */
    {0x1D70C, 'p'}, /* MATHEMATICAL ITALIC SMALL RHO (skeleton) */
    {0x1D70D, 'o'}, /* MATHEMATICAL ITALIC SMALL FINAL SIGMA (skeleton) */
    {0x1D70E, 'o'}, /* MATHEMATICAL ITALIC SMALL SIGMA (skeleton) */
    {0x1D710, 'u'}, /* MATHEMATICAL ITALIC SMALL UPSILON (skeleton) */
    {0x1D717, 'o'}, /* MATHEMATICAL ITALIC THETA SYMBOL (skeleton+overlay mark) */
    {0x1D71A, 'p'}, /* MATHEMATICAL ITALIC RHO SYMBOL (skeleton) */
    {0x1D71C, 'a'}, /* MATHEMATICAL BOLD ITALIC CAPITAL ALPHA (skeleton) */
    {0x1D71E, 'y'}, /* MATHEMATICAL BOLD ITALIC CAPITAL GAMMA (skeleton) */
    {0x1D722, 'n'}, /* MATHEMATICAL BOLD ITALIC CAPITAL ETA (skeleton+overlay mark) */
    {0x1D723, 'o'}, /* MATHEMATICAL BOLD ITALIC CAPITAL THETA (skeleton+overlay mark) */
    {0x1D724, 'i'}, /* MATHEMATICAL BOLD ITALIC CAPITAL IOTA (skeleton) */
    {0x1D728, 'v'}, /* MATHEMATICAL BOLD ITALIC CAPITAL NU (skeleton) */
    {0x1D72A, 'o'}, /* MATHEMATICAL BOLD ITALIC CAPITAL OMICRON (skeleton) */
    {0x1D72C, 'p'}, /* MATHEMATICAL BOLD ITALIC CAPITAL RHO (skeleton) */
    {0x1D72D, 'o'}, /* MATHEMATICAL BOLD ITALIC CAPITAL THETA SYMBOL (skeleton+overlay mark) */
    {0x1D72E, 'o'}, /* MATHEMATICAL BOLD ITALIC CAPITAL SIGMA (skeleton) */
    {0x1D730, 'u'}, /* MATHEMATICAL BOLD ITALIC CAPITAL UPSILON (skeleton) */
    {0x1D736, 'a'}, /* MATHEMATICAL BOLD ITALIC SMALL ALPHA (skeleton) */
    {0x1D738, 'y'}, /* MATHEMATICAL BOLD ITALIC SMALL GAMMA (skeleton) */
    {0x1D73C, 'n'}, /* MATHEMATICAL BOLD ITALIC SMALL ETA (skeleton+overlay mark) */
    {0x1D73D, 'o'}, /* MATHEMATICAL BOLD ITALIC SMALL THETA (skeleton+overlay mark) */
    {0x1D73E, 'i'}, /* MATHEMATICAL BOLD ITALIC SMALL IOTA (skeleton) */
    {0x1D742, 'v'}, /* MATHEMATICAL BOLD ITALIC SMALL NU (skeleton) */
    {0x1D744, 'o'}, /* MATHEMATICAL BOLD ITALIC SMALL OMICRON (skeleton) */
    {0x1D746, 'p'}, /* MATHEMATICAL BOLD ITALIC SMALL RHO (skeleton) */
    {0x1D747, 'o'}, /* MATHEMATICAL BOLD ITALIC SMALL FINAL SIGMA (skeleton) */
    {0x1D748, 'o'}, /* MATHEMATICAL BOLD ITALIC SMALL SIGMA (skeleton) */
    {0x1D74A, 'u'}, /* MATHEMATICAL BOLD ITALIC SMALL UPSILON (skeleton) */
    {0x1D751, 'o'}, /* MATHEMATICAL BOLD ITALIC THETA SYMBOL (skeleton+overlay mark) */
    {0x1D754, 'p'}, /* MATHEMATICAL BOLD ITALIC RHO SYMBOL (skeleton) */
    {0x1D756, 'a'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL ALPHA (skeleton) */
    {0x1D758, 'y'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL GAMMA (skeleton) */
    {0x1D75C, 'n'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL ETA (skeleton+overlay mark) */
    {0x1D75D, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL THETA (skeleton+overlay mark) */
    {0x1D75E, 'i'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL IOTA (skeleton) */
    {0x1D762, 'v'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL NU (skeleton) */
    {0x1D764, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL OMICRON (skeleton) */
    {0x1D766, 'p'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL RHO (skeleton) */
    {0x1D767, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL THETA SYMBOL (skeleton+overlay mark) */
    {0x1D768, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL SIGMA (skeleton) */
    {0x1D76A, 'u'}, /* MATHEMATICAL SANS-SERIF BOLD CAPITAL UPSILON (skeleton) */
    {0x1D770, 'a'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL ALPHA (skeleton) */
    {0x1D772, 'y'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL GAMMA (skeleton) */
    {0x1D776, 'n'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL ETA (skeleton+overlay mark) */
    {0x1D777, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL THETA (skeleton+overlay mark) */
    {0x1D778, 'i'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL IOTA (skeleton) */
    {0x1D77C, 'v'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL NU (skeleton) */
    {0x1D77E, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL OMICRON (skeleton) */
    {0x1D780, 'p'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL RHO (skeleton) */
    {0x1D781, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL FINAL SIGMA (skeleton) */
    {0x1D782, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL SIGMA (skeleton) */
    {0x1D784, 'u'}, /* MATHEMATICAL SANS-SERIF BOLD SMALL UPSILON (skeleton) */
    {0x1D78B, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD THETA SYMBOL (skeleton+overlay mark) */
    {0x1D78E, 'p'}, /* MATHEMATICAL SANS-SERIF BOLD RHO SYMBOL (skeleton) */
    {0x1D790, 'a'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL ALPHA (skeleton) */
    {0x1D792, 'y'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL GAMMA (skeleton) */
    {0x1D796, 'n'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL ETA (skeleton+overlay mark) */
    {0x1D797, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL THETA (skeleton+overlay mark) */
    {0x1D798, 'i'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL IOTA (skeleton) */
    {0x1D79C, 'v'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL NU (skeleton) */
    {0x1D79E, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL OMICRON (skeleton) */
    {0x1D7A0, 'p'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL RHO (skeleton) */
    {0x1D7A1, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL THETA SYMBOL (skeleton+overlay mark) */
    {0x1D7A2, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL SIGMA (skeleton) */
    {0x1D7A4, 'u'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC CAPITAL UPSILON (skeleton) */
    {0x1D7AA, 'a'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL ALPHA (skeleton) */
    {0x1D7AC, 'y'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL GAMMA (skeleton) */
    {0x1D7B0, 'n'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL ETA (skeleton+overlay mark) */
    {0x1D7B1, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL THETA (skeleton+overlay mark) */
    {0x1D7B2, 'i'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL IOTA (skeleton) */
    {0x1D7B6, 'v'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL NU (skeleton) */
    {0x1D7B8, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL OMICRON (skeleton) */
    {0x1D7BA, 'p'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL RHO (skeleton) */
    {0x1D7BB, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL FINAL SIGMA (skeleton) */
    {0x1D7BC, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL SIGMA (skeleton) */
    {0x1D7BE, 'u'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC SMALL UPSILON (skeleton) */
    {0x1D7C5, 'o'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC THETA SYMBOL (skeleton+overlay mark) */
    {0x1D7C8, 'p'}, /* MATHEMATICAL SANS-SERIF BOLD ITALIC RHO SYMBOL (skeleton) */
    {0x1E030, 'a'}, /* MODIFIER LETTER CYRILLIC SMALL A (skeleton) */
    {0x1E033, 'r'}, /* MODIFIER LETTER CYRILLIC SMALL GHE (skeleton) */
    {0x1E035, 'e'}, /* MODIFIER LETTER CYRILLIC SMALL IE (skeleton) */
    {0x1E03C, 'o'}, /* MODIFIER LETTER CYRILLIC SMALL O (skeleton) */
    {0x1E03E, 'p'}, /* MODIFIER LETTER CYRILLIC SMALL ER (skeleton) */
    {0x1E03F, 'c'}, /* MODIFIER LETTER CYRILLIC SMALL ES (skeleton) */
    {0x1E041, 'y'}, /* MODIFIER LETTER CYRILLIC SMALL U (skeleton) */
    {0x1E043, 'x'}, /* MODIFIER LETTER CYRILLIC SMALL HA (skeleton) */
    {0x1E04C, 'i'}, /* MODIFIER LETTER CYRILLIC SMALL BYELORUSSIAN-UKRAINIAN I (skeleton) */
    {0x1E04D, 'j'}, /* MODIFIER LETTER CYRILLIC SMALL JE (skeleton) */
    {0x1E04E, 'o'}, /* MODIFIER LETTER CYRILLIC SMALL BARRED O (skeleton+overlay mark) */
    {0x1E04F, 'y'}, /* MODIFIER LETTER CYRILLIC SMALL STRAIGHT U (skeleton) */
    {0x1E050, 'i'}, /* MODIFIER LETTER CYRILLIC SMALL PALOCHKA (skeleton) */
    {0x1E051, 'a'}, /* CYRILLIC SUBSCRIPT SMALL LETTER A (skeleton) */
    {0x1E054, 'r'}, /* CYRILLIC SUBSCRIPT SMALL LETTER GHE (skeleton) */
    {0x1E056, 'e'}, /* CYRILLIC SUBSCRIPT SMALL LETTER IE (skeleton) */
    {0x1E05C, 'o'}, /* CYRILLIC SUBSCRIPT SMALL LETTER O (skeleton) */
    {0x1E05E, 'c'}, /* CYRILLIC SUBSCRIPT SMALL LETTER ES (skeleton) */
    {0x1E05F, 'y'}, /* CYRILLIC SUBSCRIPT SMALL LETTER U (skeleton) */
    {0x1E061, 'x'}, /* CYRILLIC SUBSCRIPT SMALL LETTER HA (skeleton) */
    {0x1E068, 'i'}, /* CYRILLIC SUBSCRIPT SMALL LETTER BYELORUSSIAN-UKRAINIAN I (skeleton) */
    {0x1E069, 's'}, /* CYRILLIC SUBSCRIPT SMALL LETTER DZE (skeleton) */
    {0x1E06B, 'c'}, /* MODIFIER LETTER CYRILLIC SMALL ES WITH DESCENDER (skeleton+overlay mark) */
    {0x1E06D, 'y'}, /* MODIFIER LETTER CYRILLIC SMALL STRAIGHT U WITH STROKE (skeleton+overlay mark) */
    {0x1EE00, 'l'}, /* ARABIC MATHEMATICAL ALEF (skeleton) */
    {0x1EE24, 'o'}, /* ARABIC MATHEMATICAL INITIAL HEH (skeleton) */
    {0x1EE64, 'o'}, /* ARABIC MATHEMATICAL STRETCHED HEH (skeleton) */
    {0x1EE80, 'l'}, /* ARABIC MATHEMATICAL LOOPED ALEF (skeleton) */
    {0x1EE84, 'o'}, /* ARABIC MATHEMATICAL LOOPED HEH (skeleton) */
    {0x1F110, 'a'}, /* PARENTHESIZED LATIN CAPITAL LETTER A (NFKC_Casefold) */
    {0x1F111, 'b'}, /* PARENTHESIZED LATIN CAPITAL LETTER B (NFKC_Casefold) */
    {0x1F112, 'c'}, /* PARENTHESIZED LATIN CAPITAL LETTER C (NFKC_Casefold) */
    {0x1F113, 'd'}, /* PARENTHESIZED LATIN CAPITAL LETTER D (NFKC_Casefold) */
    {0x1F114, 'e'}, /* PARENTHESIZED LATIN CAPITAL LETTER E (NFKC_Casefold) */
    {0x1F115, 'f'}, /* PARENTHESIZED LATIN CAPITAL LETTER F (NFKC_Casefold) */
    {0x1F116, 'g'}, /* PARENTHESIZED LATIN CAPITAL LETTER G (NFKC_Casefold) */
    {0x1F117, 'h'}, /* PARENTHESIZED LATIN CAPITAL LETTER H (NFKC_Casefold) */
    {0x1F118, 'i'}, /* PARENTHESIZED LATIN CAPITAL LETTER I (NFKC_Casefold) */
    {0x1F119, 'j'}, /* PARENTHESIZED LATIN CAPITAL LETTER J (NFKC_Casefold) */
    {0x1F11A, 'k'}, /* PARENTHESIZED LATIN CAPITAL LETTER K (NFKC_Casefold) */
    {0x1F11B, 'l'}, /* PARENTHESIZED LATIN CAPITAL LETTER L (NFKC_Casefold) */
    {0x1F11C, 'm'}, /* PARENTHESIZED LATIN CAPITAL LETTER M (NFKC_Casefold) */
    {0x1F11D, 'n'}, /* PARENTHESIZED LATIN CAPITAL LETTER N (NFKC_Casefold) */
    {0x1F11E, 'o'}, /* PARENTHESIZED LATIN CAPITAL LETTER O (NFKC_Casefold) */
    {0x1F11F, 'p'}, /* PARENTHESIZED LATIN CAPITAL LETTER P (NFKC_Casefold) */
    {0x1F120, 'q'}, /* PARENTHESIZED LATIN CAPITAL LETTER Q (NFKC_Casefold) */
    {0x1F121, 'r'}, /* PARENTHESIZED LATIN CAPITAL LETTER R (NFKC_Casefold) */
    {0x1F122, 's'}, /* PARENTHESIZED LATIN CAPITAL LETTER S (NFKC_Casefold) */
    {0x1F123, 't'}, /* PARENTHESIZED LATIN CAPITAL LETTER T (NFKC_Casefold) */
    {0x1F124, 'u'}, /* PARENTHESIZED LATIN CAPITAL LETTER U (NFKC_Casefold) */
    {0x1F125, 'v'}, /* PARENTHESIZED LATIN CAPITAL LETTER V (NFKC_Casefold) */
    {0x1F126, 'w'}, /* PARENTHESIZED LATIN CAPITAL LETTER W (NFKC_Casefold) */
    {0x1F127, 'x'}, /* PARENTHESIZED LATIN CAPITAL LETTER X (NFKC_Casefold) */
    {0x1F128, 'y'}, /* PARENTHESIZED LATIN CAPITAL LETTER Y (NFKC_Casefold) */
    {0x1F129, 'z'}, /* PARENTHESIZED LATIN CAPITAL LETTER Z (NFKC_Casefold) */
    {0x1F12B, 'c'}, /* CIRCLED ITALIC LATIN CAPITAL LETTER C (NFKC_Casefold) */
    {0x1F12C, 'r'}, /* CIRCLED ITALIC LATIN CAPITAL LETTER R (NFKC_Casefold) */
    {0x1F130, 'a'}, /* SQUARED LATIN CAPITAL LETTER A (NFKC_Casefold) */
    {0x1F131, 'b'}, /* SQUARED LATIN CAPITAL LETTER B (NFKC_Casefold) */
    {0x1F132, 'c'}, /* SQUARED LATIN CAPITAL LETTER C (NFKC_Casefold) */
    {0x1F133, 'd'}, /* SQUARED LATIN CAPITAL LETTER D (NFKC_Casefold) */
    {0x1F134, 'e'}, /* SQUARED LATIN CAPITAL LETTER E (NFKC_Casefold) */
    {0x1F135, 'f'}, /* SQUARED LATIN CAPITAL LETTER F (NFKC_Casefold) */
    {0x1F136, 'g'}, /* SQUARED LATIN CAPITAL LETTER G (NFKC_Casefold) */
    {0x1F137, 'h'}, /* SQUARED LATIN CAPITAL LETTER H (NFKC_Casefold) */
    {0x1F138, 'i'}, /* SQUARED LATIN CAPITAL LETTER I (NFKC_Casefold) */
    {0x1F139, 'j'}, /* SQUARED LATIN CAPITAL LETTER J (NFKC_Casefold) */
    {0x1F13A, 'k'}, /* SQUARED LATIN CAPITAL LETTER K (NFKC_Casefold) */
    {0x1F13B, 'l'}, /* SQUARED LATIN CAPITAL LETTER L (NFKC_Casefold) */
    {0x1F13C, 'm'}, /* SQUARED LATIN CAPITAL LETTER M (NFKC_Casefold) */
    {0x1F13D, 'n'}, /* SQUARED LATIN CAPITAL LETTER N (NFKC_Casefold) */
    {0x1F13E, 'o'}, /* SQUARED LATIN CAPITAL LETTER O (NFKC_Casefold) */
    {0x1F13F, 'p'}, /* SQUARED LATIN CAPITAL LETTER P (NFKC_Casefold) */
    {0x1F140, 'q'}, /* SQUARED LATIN CAPITAL LETTER Q (NFKC_Casefold) */
    {0x1F141, 'r'}, /* SQUARED LATIN CAPITAL LETTER R (NFKC_Casefold) */
    {0x1F142, 's'}, /* SQUARED LATIN CAPITAL LETTER S (NFKC_Casefold) */
    {0x1F143, 't'}, /* SQUARED LATIN CAPITAL LETTER T (NFKC_Casefold) */
    {0x1F144, 'u'}, /* SQUARED LATIN CAPITAL LETTER U (NFKC_Casefold) */
    {0x1F145, 'v'}, /* SQUARED LATIN CAPITAL LETTER V (NFKC_Casefold) */
    {0x1F146, 'w'}, /* SQUARED LATIN CAPITAL LETTER W (NFKC_Casefold) */
    {0x1F147, 'x'}, /* SQUARED LATIN CAPITAL LETTER X (NFKC_Casefold) */
    {0x1F148, 'y'}, /* SQUARED LATIN CAPITAL LETTER Y (NFKC_Casefold) */
    {0x1F149, 'z'}, /* SQUARED LATIN CAPITAL LETTER Z (NFKC_Casefold) */
    {0x1F16E, 'c'}, /* CIRCLED C WITH OVERLAID BACKSLASH (skeleton+overlay mark) */
    {0x1F708, 'v'}, /* ALCHEMICAL SYMBOL FOR AQUA VITAE (skeleton+overlay mark) */
    {0x1F714, 'o'}, /* ALCHEMICAL SYMBOL FOR SALT (skeleton+overlay mark) */
    {0x1F74C, 'c'}, /* ALCHEMICAL SYMBOL FOR CALX (skeleton) */
    {0x1F768, 't'}, /* ALCHEMICAL SYMBOL FOR CRUCIBLE-4 (skeleton) */
};

/* 1711 entries: 950 via NFKC_Casefold, 528 via skeleton, 210 via skeleton+overlay mark, 23 via small capital. */

#endif
