/* kt-format.h — numbers, money, dates and amounts in words, in vi and en (DOMAIN.md §9)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where figures become text for people.  Files and the database
 * never use these (g_ascii_dtostr / g_ascii_strtod there).
 *
 * Every formatter takes the language explicitly and ignores the C locale, so a
 * report can be written in a language other than the UI's and the output does
 * not change with LC_NUMERIC.  Returned strings are newly allocated (g_free).
 *
 * Rounding: half away from zero at the requested decimals, on the number as a
 * spreadsheet shows it: below 10^15 the double is first read to 15 significant
 * digits (DBL_DIG), so 2.675 → "2,68" and 1.005 → "1,01" as in Excel's and
 * LibreOffice's ROUND, not "2,67" from the binary 2.67499999…  From 10^15 up the
 * exact value of the double is used, so whole đồng up to 10^18 keep every digit
 * the double holds.  A result that rounds to zero never shows a sign.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KT_LANG_VI,
  KT_LANG_EN,
} KtLang;

typedef enum {
  KT_MONEY_DONG,      /* whole đồng */
  KT_MONEY_MILLION,   /* triệu đồng, always 2 decimals */
  KT_MONEY_BILLION,   /* tỷ đồng, always 2 decimals */
} KtMoneyUnit;

/* What formatters return for NAN and ±infinity: U+2014 EM DASH. */
#define KT_FORMAT_NO_VALUE "—"

/* The language of the user interface: Vietnamese if the first entry of
 * g_get_language_names () (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG) is "vi…",
 * else English — unless an override is set. */
KtLang      kt_lang_current          (void);
/* Process-wide override of kt_lang_current () for the CLI's --lang and for tests.
 * A report in another language than the UI should pass its KtLang to the
 * formatters instead; the override would switch the UI's figures too. */
void        kt_lang_set_override     (KtLang      lang);
void        kt_lang_clear_override   (void);
/* "vi", "VI", "vi_VN.UTF-8", "vi-VN" → VI; anything else, NULL included, → EN. */
KtLang      kt_lang_from_string      (const char *code);
const char *kt_lang_code             (KtLang      lang);   /* "vi", "en" */

/* 1234567.891 with 2 decimals → "1.234.567,89" (vi) or "1,234,567.89" (en).
 * Exactly `decimals` (0–15) decimals.  Negative numbers use an ASCII "-", not
 * U+2212, so spreadsheets read them.  NAN and ±inf → KT_FORMAT_NO_VALUE. */
char       *kt_format_number         (double      value,
                                      int         decimals,
                                      KtLang      lang);
/* Money in a unit: "1.234.567 ₫" (DONG), "1.234,57 triệu ₫", "18.927,63 tỷ ₫";
 * en: "1,234,567 ₫", "1,234.57 million ₫", "18,927.63 billion ₫".  with_symbol
 * FALSE leaves the unit word and symbol out (for table cells).  U+00A0 before ₫
 * and between the number and the unit word, so the figure never wraps apart.
 * MILLION and BILLION always show 2 decimals (DOMAIN.md §9 allows up to 2):
 * columns of a table then line up on the decimal mark.  2 675 000 đồng is
 * "2,68 triệu" (the unit is a decimal shift of the digits, not a division). */
char       *kt_format_money          (double      vnd,
                                      KtMoneyUnit unit,
                                      gboolean    with_symbol,
                                      KtLang      lang);
/* 0.125 → "12,5 %" (vi) / "12.5 %" (en): at most `decimals` (0–15) decimals,
 * trailing zeros and a bare decimal mark cut; U+00A0 before "%". */
char       *kt_format_percent        (double      fraction,
                                      int         decimals,
                                      KtLang      lang);
/* dd/mm/yyyy (vi) or yyyy-mm-dd (en), both zero-padded, in the date's own time zone. */
char       *kt_format_date           (GDateTime  *date,
                                      KtLang      lang);
/* "ngày 05 tháng 01 năm 2026" / "5 January 2026".  vi follows Decree 30/2020
 * Appendix I: a 0 before days 1–9 and months 1–2 only ("ngày 15 tháng 3 năm
 * 2026"), so nobody can turn 1 into 11 or 12 by adding a digit.  Not translated:
 * the language is the argument, not the UI's. */
char       *kt_format_date_long      (GDateTime  *date,
                                      KtLang      lang);
/* Whole đồng in words, rounded like KT_MONEY_DONG: "Một tỷ hai trăm ba mươi tư
 * triệu … đồng" / "One billion two hundred thirty-four million … dong".
 * vi reads with "mốt", "tư", "lăm", "linh" and "không trăm" inside a number
 * (1.005.000 → "một triệu không trăm linh năm nghìn"); zero groups are skipped;
 * above 999 tỷ it goes on in tỷ ("một nghìn tỷ", "một tỷ tỷ").  en is American
 * style without "and", hyphens in 21–99, short scale up to quintillion.  First
 * letter capitalised, no final full stop (the caller writes "Bằng chữ: …").
 * Zero → "Không đồng" / "Zero dong"; negative → "Âm …" / "Minus …";
 * NAN and ±inf → KT_FORMAT_NO_VALUE. */
char       *kt_format_amount_in_words (double     vnd,
                                       KtLang     lang);
/* Years with at most 2 decimals, trailing zeros cut: 4.25 → "4,25 năm" /
 * "4.25 years", 1 → "1 year"; U+00A0 before the unit.  NAN or ±inf (payback
 * never reached) → "chưa hoàn vốn" / "not reached". */
char       *kt_format_years          (double      years,
                                      KtLang      lang);
/* Parses a number typed or pasted (from a spreadsheet, a PDF) in either
 * convention.  Accepted, around the digits:
 *   - surrounding white space; a leading "-", "+" or "−" (U+2212), or
 *     parentheses around the whole as an accounting negative, "(1.234)", not both;
 *   - before the digits: "₫", "VND" or "VNĐ"; after them one of "%" (value ÷ 100),
 *     "₫", "đ", "đồng", "VND", "VNĐ" — any case, with or without a space.
 * Digits are grouped by "." or "," or by spaces (U+0020, U+00A0, U+202F, …),
 * one kind per number, 1–3 digits in the first group and 3 in the others.
 * Which of "." and "," is the decimal mark:
 *   1. both occur: the last one, which must occur once ("1.234.567,5", "1,234.5");
 *   2. only one kind, more than once: grouping ("1.234.567" → 1234567);
 *   3. only one, once, with space grouping: decimal mark ("1 234,5");
 *   4. only one, once, between 1–3 digits not starting with 0 and exactly 3
 *      digits: ambiguous, read as `lang` writes it — vi: "1.234" → 1234 and
 *      "1,234" → 1.234; en: "1,234" → 1234 and "1.234" → 1.234;
 *   5. otherwise a single separator is the decimal mark ("12,5", "0,125",
 *      "1234.567", ",5").
 * Rejected (FALSE, *value untouched): empty text, letters or other marks,
 * exponents ("1e5"), two signs, adjacent or trailing separators, badly sized
 * groups ("1.2.3,4,5", "12.34.567"), unit words ("2 triệu"), results that are
 * not finite.  -0 is returned as 0. */
gboolean    kt_parse_number          (const char *text,
                                      KtLang      lang,
                                      double     *value);

G_END_DECLS
