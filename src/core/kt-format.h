/* kt-format.h — numbers, money, dates and amounts in words, in vi and en (DOMAIN.md §9)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where figures become text for people.  Files and the database
 * never use these (g_ascii_dtostr / g_ascii_strtod there).
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
  KT_MONEY_MILLION,   /* triệu đồng, up to 2 decimals */
  KT_MONEY_BILLION,   /* tỷ đồng, up to 2 decimals */
} KtMoneyUnit;

/* The language of the user interface, from the gettext environment. */
KtLang      kt_lang_current          (void);
KtLang      kt_lang_from_string      (const char *code);   /* "vi…" → VI, else EN */
const char *kt_lang_code             (KtLang      lang);   /* "vi", "en" */

/* 1234567.891 with 2 decimals → "1.234.567,89" (vi) or "1,234,567.89" (en).
 * Negative numbers use U+2212? No: an ASCII "-" so spreadsheets read them.
 * NAN → "—". */
char       *kt_format_number         (double      value,
                                      int         decimals,
                                      KtLang      lang);
/* Money in a unit: "1.234.567 ₫" (DONG), "1.234,57 triệu ₫", "18.927,63 tỷ ₫";
 * en: "1,234,567 ₫", "1,234.57 million ₫", "18,927.63 billion ₫".  with_symbol
 * FALSE leaves the unit word and symbol out (for table cells). U+00A0 before ₫. */
char       *kt_format_money          (double      vnd,
                                      KtMoneyUnit unit,
                                      gboolean    with_symbol,
                                      KtLang      lang);
/* 0.125 → "12,5 %" (vi) / "12.5 %" (en), `decimals` at most, trailing zeros cut. */
char       *kt_format_percent        (double      fraction,
                                      int         decimals,
                                      KtLang      lang);
/* dd/mm/yyyy (vi) or yyyy-mm-dd (en). */
char       *kt_format_date           (GDateTime  *date,
                                      KtLang      lang);
/* "ngày 05 tháng 01 năm 2026" / "5 January 2026". */
char       *kt_format_date_long      (GDateTime  *date,
                                      KtLang      lang);
/* Whole đồng in words: "Một tỷ hai trăm ba mươi tư triệu … đồng" /
 * "One billion two hundred thirty-four million … dong".  Rounds to whole đồng. */
char       *kt_format_amount_in_words (double     vnd,
                                       KtLang     lang);
/* Years, e.g. 4.25 → "4,25 năm" / "4.25 years"; NAN → "không hoàn vốn" / "not reached". */
char       *kt_format_years          (double      years,
                                      KtLang      lang);
/* Parses a number typed or pasted in either convention: "1.234.567", "1,234,567.5",
 * "12,5", "12.5", "-3", "1 234 567", with an optional trailing % (÷100), ₫ or "đ".
 * A lone separator followed by exactly 3 digits is read as grouping ("1.234" →
 * 1234) unless `lang` says it is the decimal mark of that language and no
 * other separator is present … see kt-format.c for the exact rules.  Returns
 * FALSE (value untouched) if the text is not a number. */
gboolean    kt_parse_number          (const char *text,
                                      KtLang      lang,
                                      double     *value);

G_END_DECLS
