/* test-format.c — kt-format: numbers, money, dates, words and parsing in vi and en
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "kt-format.h"

#define NBSP "\302\240"

/* Takes the formatter's result, so each line of a test reads as "call → text". */
static void
check (char       *got,
       const char *expected)
{
  g_assert_nonnull (got);
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

static void
check_number (double      value,
              int         decimals,
              const char *vi,
              const char *en)
{
  check (kt_format_number (value, decimals, KT_LANG_VI), vi);
  check (kt_format_number (value, decimals, KT_LANG_EN), en);
}

static void
test_lang (void)
{
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *saved_lc_all = g_strdup (g_getenv ("LC_ALL"));

  g_assert_cmpint (kt_lang_from_string ("vi"), ==, KT_LANG_VI);
  g_assert_cmpint (kt_lang_from_string ("VI"), ==, KT_LANG_VI);
  g_assert_cmpint (kt_lang_from_string ("vi_VN.UTF-8"), ==, KT_LANG_VI);
  g_assert_cmpint (kt_lang_from_string ("vi-VN"), ==, KT_LANG_VI);
  g_assert_cmpint (kt_lang_from_string ("vi@latin"), ==, KT_LANG_VI);
  g_assert_cmpint (kt_lang_from_string ("video"), ==, KT_LANG_EN);
  g_assert_cmpint (kt_lang_from_string ("v"), ==, KT_LANG_EN);
  g_assert_cmpint (kt_lang_from_string ("en_GB"), ==, KT_LANG_EN);
  g_assert_cmpint (kt_lang_from_string ("C"), ==, KT_LANG_EN);
  g_assert_cmpint (kt_lang_from_string (""), ==, KT_LANG_EN);
  g_assert_cmpint (kt_lang_from_string (NULL), ==, KT_LANG_EN);
  g_assert_cmpstr (kt_lang_code (KT_LANG_VI), ==, "vi");
  g_assert_cmpstr (kt_lang_code (KT_LANG_EN), ==, "en");

  /* g_get_language_names () rereads the environment when it changes. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "vi", TRUE);
  g_assert_cmpint (kt_lang_current (), ==, KT_LANG_VI);
  g_setenv ("LANGUAGE", "vi_VN:en", TRUE);
  g_assert_cmpint (kt_lang_current (), ==, KT_LANG_VI);
  g_setenv ("LANGUAGE", "en_GB:vi", TRUE);
  g_assert_cmpint (kt_lang_current (), ==, KT_LANG_EN);
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (kt_lang_current (), ==, KT_LANG_EN);
  g_setenv ("LC_ALL", "vi_VN.UTF-8", TRUE);
  g_assert_cmpint (kt_lang_current (), ==, KT_LANG_VI);

  kt_lang_set_override (KT_LANG_EN);
  g_assert_cmpint (kt_lang_current (), ==, KT_LANG_EN);
  kt_lang_clear_override ();
  g_assert_cmpint (kt_lang_current (), ==, KT_LANG_VI);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  kt_lang_set_override (KT_LANG_VI);
  g_assert_cmpint (kt_lang_current (), ==, KT_LANG_VI);
  kt_lang_clear_override ();
  g_assert_cmpint (kt_lang_current (), ==, KT_LANG_EN);

  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  if (saved_lc_all != NULL)
    g_setenv ("LC_ALL", saved_lc_all, TRUE);
  else
    g_unsetenv ("LC_ALL");
}

static void
test_number_basic (void)
{
  check_number (0.0, 0, "0", "0");
  check_number (0.0, 2, "0,00", "0.00");
  check_number (-0.0, 0, "0", "0");
  check_number (5.0, 0, "5", "5");
  check_number (999.0, 0, "999", "999");
  check_number (1000.0, 0, "1.000", "1,000");
  check_number (-1000.0, 0, "-1.000", "-1,000");
  check_number (1234567.891, 2, "1.234.567,89", "1,234,567.89");
  check_number (-1234567.891, 2, "-1.234.567,89", "-1,234,567.89");
  check_number (1234567890.0, 0, "1.234.567.890", "1,234,567,890");
  check_number (12.5, 1, "12,5", "12.5");
  check_number (12.5, 3, "12,500", "12.500");
  check_number (0.1, 15, "0,100000000000000", "0.100000000000000");
  check_number (0.1 + 0.2, 2, "0,30", "0.30");
  check_number (1e-7, 2, "0,00", "0.00");
  check_number (NAN, 2, KT_FORMAT_NO_VALUE, KT_FORMAT_NO_VALUE);
  check_number (INFINITY, 0, "—", "—");
  check_number (-INFINITY, 0, "—", "—");
}

static void
test_number_rounding (void)
{
  /* Half away from zero, on the 15-digit reading of the double. */
  check_number (0.005, 2, "0,01", "0.01");
  check_number (-0.005, 2, "-0,01", "-0.01");
  check_number (2.675, 2, "2,68", "2.68");     /* binary 2.67499999999999982… */
  check_number (-2.675, 2, "-2,68", "-2.68");
  check_number (1.005, 2, "1,01", "1.01");     /* binary 1.00499999999999989… */
  check_number (2.665, 2, "2,67", "2.67");     /* not half to even */
  check_number (0.125, 2, "0,13", "0.13");
  check_number (0.5, 0, "1", "1");
  check_number (1.5, 0, "2", "2");
  check_number (2.5, 0, "3", "3");
  check_number (-2.5, 0, "-3", "-3");
  check_number (2.4999, 0, "2", "2");
  check_number (999.5, 0, "1.000", "1,000");
  check_number (999999.995, 2, "1.000.000,00", "1,000,000.00");
  check_number (123456789012.345, 2, "123.456.789.012,35", "123,456,789,012.35");

  /* No "-0". */
  check_number (-0.004, 2, "0,00", "0.00");
  check_number (-0.4, 0, "0", "0");
  check_number (-1e-300, 3, "0,000", "0.000");
}

static void
test_number_large (void)
{
  check_number (1e15, 0, "1.000.000.000.000.000", "1,000,000,000,000,000");
  check_number (1e15, 2, "1.000.000.000.000.000,00", "1,000,000,000,000,000.00");
  check_number (-1e15, 0, "-1.000.000.000.000.000", "-1,000,000,000,000,000");
  /* Exactly representable halves above 10^15 still round away from zero. */
  check_number (1e15 + 0.5, 0, "1.000.000.000.000.001", "1,000,000,000,000,001");
  check_number (1e15 + 0.25, 1, "1.000.000.000.000.000,3", "1,000,000,000,000,000.3");
  check_number (999999999999999.9, 0, "1.000.000.000.000.000", "1,000,000,000,000,000");
  check_number (999999999999999.0, 0, "999.999.999.999.999", "999,999,999,999,999");
  /* Integers the double holds exactly keep every digit, past 2^53 too. */
  check_number (1234567890123456.0, 0, "1.234.567.890.123.456", "1,234,567,890,123,456");
  check_number (9007199254740993.0, 0, "9.007.199.254.740.992", "9,007,199,254,740,992");
  check_number (123456789012345678.0, 0,
                "123.456.789.012.345.680", "123,456,789,012,345,680");
  check_number (1e18, 0, "1.000.000.000.000.000.000", "1,000,000,000,000,000,000");
  check_number (-1e18, 2, "-1.000.000.000.000.000.000,00", "-1,000,000,000,000,000,000.00");
  check_number (1152921504606846976.0, 0,
                "1.152.921.504.606.846.976", "1,152,921,504,606,846,976");
}

static void
test_money (void)
{
  check (kt_format_money (1234567, KT_MONEY_DONG, TRUE, KT_LANG_VI), "1.234.567" NBSP "₫");
  check (kt_format_money (1234567, KT_MONEY_DONG, TRUE, KT_LANG_EN), "1,234,567" NBSP "₫");
  check (kt_format_money (1234567.5, KT_MONEY_DONG, TRUE, KT_LANG_VI), "1.234.568" NBSP "₫");
  check (kt_format_money (-1234567, KT_MONEY_DONG, TRUE, KT_LANG_VI), "-1.234.567" NBSP "₫");
  check (kt_format_money (-0.4, KT_MONEY_DONG, TRUE, KT_LANG_VI), "0" NBSP "₫");
  check (kt_format_money (1234567, KT_MONEY_DONG, FALSE, KT_LANG_VI), "1.234.567");
  check (kt_format_money (1e18, KT_MONEY_DONG, TRUE, KT_LANG_VI),
         "1.000.000.000.000.000.000" NBSP "₫");

  check (kt_format_money (1234567890, KT_MONEY_MILLION, TRUE, KT_LANG_VI),
         "1.234,57" NBSP "triệu" NBSP "₫");
  check (kt_format_money (1234567890, KT_MONEY_MILLION, TRUE, KT_LANG_EN),
         "1,234.57" NBSP "million" NBSP "₫");
  check (kt_format_money (1234567890, KT_MONEY_MILLION, FALSE, KT_LANG_VI), "1.234,57");
  check (kt_format_money (3e6, KT_MONEY_MILLION, FALSE, KT_LANG_VI), "3,00");
  /* 2 675 000 / 10^6 in binary is 2.67499999…; half away still gives 2.68. */
  check (kt_format_money (2675000, KT_MONEY_MILLION, FALSE, KT_LANG_EN), "2.68");
  check (kt_format_money (-4999, KT_MONEY_MILLION, FALSE, KT_LANG_VI), "0,00");   /* no "-0,00" */

  check (kt_format_money (18927630000000.0, KT_MONEY_BILLION, TRUE, KT_LANG_VI),
         "18.927,63" NBSP "tỷ" NBSP "₫");
  check (kt_format_money (18927630000000.0, KT_MONEY_BILLION, TRUE, KT_LANG_EN),
         "18,927.63" NBSP "billion" NBSP "₫");
  check (kt_format_money (18927634999999.0, KT_MONEY_BILLION, FALSE, KT_LANG_VI), "18.927,63");
  check (kt_format_money (18927635000000.0, KT_MONEY_BILLION, FALSE, KT_LANG_VI), "18.927,64");
  check (kt_format_money (0, KT_MONEY_BILLION, TRUE, KT_LANG_EN), "0.00" NBSP "billion" NBSP "₫");
  check (kt_format_money (-5e8, KT_MONEY_BILLION, FALSE, KT_LANG_EN), "-0.50");

  check (kt_format_money (NAN, KT_MONEY_DONG, TRUE, KT_LANG_VI), "—");
  check (kt_format_money (INFINITY, KT_MONEY_BILLION, TRUE, KT_LANG_EN), "—");
}

static void
test_percent (void)
{
  check (kt_format_percent (0.125, 1, KT_LANG_VI), "12,5" NBSP "%");
  check (kt_format_percent (0.125, 1, KT_LANG_EN), "12.5" NBSP "%");
  check (kt_format_percent (0.125, 2, KT_LANG_VI), "12,5" NBSP "%");
  check (kt_format_percent (0.125, 0, KT_LANG_VI), "13" NBSP "%");
  check (kt_format_percent (0.12, 2, KT_LANG_EN), "12" NBSP "%");
  check (kt_format_percent (0.1234567, 2, KT_LANG_VI), "12,35" NBSP "%");
  check (kt_format_percent (0.08, 1, KT_LANG_VI), "8" NBSP "%");
  check (kt_format_percent (-0.035, 1, KT_LANG_VI), "-3,5" NBSP "%");
  check (kt_format_percent (-0.00001, 1, KT_LANG_EN), "0" NBSP "%");
  check (kt_format_percent (0.0, 2, KT_LANG_VI), "0" NBSP "%");
  check (kt_format_percent (1.5, 2, KT_LANG_EN), "150" NBSP "%");
  check (kt_format_percent (12.3456, 2, KT_LANG_VI), "1.234,56" NBSP "%");
  /* 0.285 × 100 is 28.499999999999996 in binary; the shift is decimal. */
  check (kt_format_percent (0.285, 0, KT_LANG_VI), "29" NBSP "%");
  check (kt_format_percent (NAN, 1, KT_LANG_VI), "—");
  check (kt_format_percent (-INFINITY, 1, KT_LANG_EN), "—");
}

static void
test_date (void)
{
  g_autoptr(GDateTime) jan = g_date_time_new_utc (2026, 1, 5, 9, 0, 0);
  g_autoptr(GDateTime) feb = g_date_time_new_utc (2026, 2, 9, 0, 0, 0);
  g_autoptr(GDateTime) mar = g_date_time_new_utc (2026, 3, 15, 0, 0, 0);
  g_autoptr(GDateTime) dec = g_date_time_new_utc (2025, 12, 31, 23, 59, 59);
  g_autoptr(GTimeZone) ict = g_time_zone_new_offset (7 * 3600);
  /* 00:30 on 5 January in Vietnam is still 4 January in UTC. */
  g_autoptr(GDateTime) local = g_date_time_new (ict, 2026, 1, 5, 0, 30, 0);

  check (kt_format_date (jan, KT_LANG_VI), "05/01/2026");
  check (kt_format_date (jan, KT_LANG_EN), "2026-01-05");
  check (kt_format_date (dec, KT_LANG_VI), "31/12/2025");
  check (kt_format_date (dec, KT_LANG_EN), "2025-12-31");
  check (kt_format_date (local, KT_LANG_VI), "05/01/2026");

  check (kt_format_date_long (jan, KT_LANG_VI), "ngày 05 tháng 01 năm 2026");
  check (kt_format_date_long (jan, KT_LANG_EN), "5 January 2026");
  check (kt_format_date_long (feb, KT_LANG_VI), "ngày 09 tháng 02 năm 2026");
  check (kt_format_date_long (feb, KT_LANG_EN), "9 February 2026");
  /* Decree 30: no leading zero for months from March on. */
  check (kt_format_date_long (mar, KT_LANG_VI), "ngày 15 tháng 3 năm 2026");
  check (kt_format_date_long (mar, KT_LANG_EN), "15 March 2026");
  check (kt_format_date_long (dec, KT_LANG_VI), "ngày 31 tháng 12 năm 2025");
  check (kt_format_date_long (dec, KT_LANG_EN), "31 December 2025");
  check (kt_format_date_long (local, KT_LANG_EN), "5 January 2026");
}

static void
test_words_vi (void)
{
  static const struct { double vnd; const char *text; } cases[] = {
    { 0, "Không đồng" },
    { 1, "Một đồng" },
    { 4, "Bốn đồng" },
    { 5, "Năm đồng" },
    { 10, "Mười đồng" },
    { 11, "Mười một đồng" },
    { 14, "Mười bốn đồng" },
    { 15, "Mười lăm đồng" },
    { 20, "Hai mươi đồng" },
    { 21, "Hai mươi mốt đồng" },
    { 24, "Hai mươi tư đồng" },
    { 25, "Hai mươi lăm đồng" },
    { 44, "Bốn mươi tư đồng" },
    { 55, "Năm mươi lăm đồng" },
    { 99, "Chín mươi chín đồng" },
    { 100, "Một trăm đồng" },
    { 101, "Một trăm linh một đồng" },
    { 104, "Một trăm linh bốn đồng" },
    { 105, "Một trăm linh năm đồng" },
    { 110, "Một trăm mười đồng" },
    { 115, "Một trăm mười lăm đồng" },
    { 121, "Một trăm hai mươi mốt đồng" },
    { 1000, "Một nghìn đồng" },
    { 1005, "Một nghìn không trăm linh năm đồng" },
    { 1010, "Một nghìn không trăm mười đồng" },
    { 1021, "Một nghìn không trăm hai mươi mốt đồng" },
    { 15000, "Mười lăm nghìn đồng" },
    { 1000005, "Một triệu không trăm linh năm đồng" },
    { 1005000, "Một triệu không trăm linh năm nghìn đồng" },
    { 1000000000, "Một tỷ đồng" },
    { 1234567890, "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn "
                  "tám trăm chín mươi đồng" },
    { 18927630000000.0, "Mười tám nghìn chín trăm hai mươi bảy tỷ sáu trăm ba mươi triệu đồng" },
    { 1e12, "Một nghìn tỷ đồng" },
    { 1e15 + 5, "Một triệu tỷ không trăm linh năm đồng" },
    { 1e18, "Một tỷ tỷ đồng" },
    { -1500, "Âm một nghìn năm trăm đồng" },
    { 1234.5, "Một nghìn hai trăm ba mươi lăm đồng" },
    { 0.4, "Không đồng" },
    { -0.4, "Không đồng" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check (kt_format_amount_in_words (cases[i].vnd, KT_LANG_VI), cases[i].text);
  check (kt_format_amount_in_words (NAN, KT_LANG_VI), "—");
}

static void
test_words_en (void)
{
  static const struct { double vnd; const char *text; } cases[] = {
    { 0, "Zero dong" },
    { 1, "One dong" },
    { 10, "Ten dong" },
    { 11, "Eleven dong" },
    { 15, "Fifteen dong" },
    { 21, "Twenty-one dong" },
    { 24, "Twenty-four dong" },
    { 25, "Twenty-five dong" },
    { 40, "Forty dong" },
    { 101, "One hundred one dong" },
    { 105, "One hundred five dong" },
    { 110, "One hundred ten dong" },
    { 1005000, "One million five thousand dong" },
    { 1000000000, "One billion dong" },
    { 1234567890, "One billion two hundred thirty-four million five hundred sixty-seven "
                  "thousand eight hundred ninety dong" },
    { 18927630000000.0, "Eighteen trillion nine hundred twenty-seven billion six hundred "
                        "thirty million dong" },
    { 1e18, "One quintillion dong" },
    { 1e21, "One thousand quintillion dong" },
    { -1500, "Minus one thousand five hundred dong" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check (kt_format_amount_in_words (cases[i].vnd, KT_LANG_EN), cases[i].text);
  check (kt_format_amount_in_words (-INFINITY, KT_LANG_EN), "—");
}

static void
test_years (void)
{
  check (kt_format_years (4.25, KT_LANG_VI), "4,25" NBSP "năm");
  check (kt_format_years (4.25, KT_LANG_EN), "4.25" NBSP "years");
  check (kt_format_years (4.256, KT_LANG_VI), "4,26" NBSP "năm");
  check (kt_format_years (4.0, KT_LANG_VI), "4" NBSP "năm");
  check (kt_format_years (4.5, KT_LANG_EN), "4.5" NBSP "years");
  check (kt_format_years (1.0, KT_LANG_EN), "1" NBSP "year");
  check (kt_format_years (1.004, KT_LANG_EN), "1" NBSP "year");
  check (kt_format_years (1.01, KT_LANG_EN), "1.01" NBSP "years");
  check (kt_format_years (0.0, KT_LANG_EN), "0" NBSP "years");
  check (kt_format_years (NAN, KT_LANG_VI), "chưa hoàn vốn");
  check (kt_format_years (NAN, KT_LANG_EN), "not reached");
  check (kt_format_years (INFINITY, KT_LANG_VI), "chưa hoàn vốn");
}

static void
check_parse (const char *text,
             KtLang      lang,
             double      expected)
{
  double value = -12345.0;

  if (!kt_parse_number (text, lang, &value))
    g_error ("“%s” (%s) was rejected", text, kt_lang_code (lang));
  g_assert_cmpfloat (value, ==, expected);
}

static void
check_parse_both (const char *text,
                  double      expected)
{
  check_parse (text, KT_LANG_VI, expected);
  check_parse (text, KT_LANG_EN, expected);
}

static void
test_parse_accept (void)
{
  double zero = 1.0;

  check_parse_both ("0", 0.0);
  check_parse_both ("007", 7.0);
  check_parse_both ("1.234.567", 1234567.0);
  check_parse_both ("1,234,567", 1234567.0);
  check_parse_both ("1,234,567.5", 1234567.5);
  check_parse_both ("1.234.567,5", 1234567.5);
  check_parse_both ("1.234,56", 1234.56);
  check_parse_both ("1,234.56", 1234.56);
  check_parse_both ("12,5", 12.5);
  check_parse_both ("12.5", 12.5);
  check_parse_both ("12.34", 12.34);
  check_parse_both ("1234.567", 1234.567);
  check_parse_both ("1234,567", 1234.567);
  check_parse_both ("0,125", 0.125);
  check_parse_both ("0.125", 0.125);
  check_parse_both (",5", 0.5);
  check_parse_both (".5", 0.5);
  check_parse_both ("-,5", -0.5);
  check_parse_both ("-3", -3.0);
  check_parse_both ("−3", -3.0);              /* U+2212 */
  check_parse_both ("- 3", -3.0);
  check_parse_both ("+3", 3.0);
  check_parse_both ("  42  ", 42.0);
  check_parse_both ("42\n", 42.0);
  check_parse_both ("1 234 567", 1234567.0);
  check_parse_both ("1" NBSP "234" NBSP "567", 1234567.0);
  check_parse_both ("1\342\200\257234\342\200\257567", 1234567.0);   /* U+202F */
  check_parse_both ("1 234,5", 1234.5);
  check_parse_both ("1 234.567", 1234.567);
  check_parse_both ("999999999999999999999", 1e21);

  /* The lone separator before exactly three digits. */
  check_parse ("1.234", KT_LANG_VI, 1234.0);
  check_parse ("1.234", KT_LANG_EN, 1.234);
  check_parse ("1,234", KT_LANG_VI, 1.234);
  check_parse ("1,234", KT_LANG_EN, 1234.0);
  check_parse ("-123.456", KT_LANG_VI, -123456.0);
  check_parse ("-123.456", KT_LANG_EN, -123.456);

  /* Accounting negatives. */
  check_parse ("(1.234)", KT_LANG_VI, -1234.0);
  check_parse ("(1.234)", KT_LANG_EN, -1.234);
  check_parse_both ("(1.234,5)", -1234.5);
  check_parse ("(1.234 ₫)", KT_LANG_VI, -1234.0);
  check_parse ("(1.234) ₫", KT_LANG_VI, -1234.0);

  /* Percent and currency. */
  check_parse ("12,5 %", KT_LANG_VI, 0.125);
  check_parse ("12,5" NBSP "%", KT_LANG_VI, 0.125);
  check_parse ("12.5%", KT_LANG_EN, 0.125);
  check_parse_both ("12,3%", 0.123);
  check_parse_both ("-3,5 %", -0.035);
  check_parse_both ("(8 %)", -0.08);
  check_parse_both ("1.234.567 ₫", 1234567.0);
  check_parse_both ("1.234.567" NBSP "₫", 1234567.0);
  check_parse_both ("1.234.567đ", 1234567.0);
  check_parse_both ("1.234.567 Đ", 1234567.0);
  check_parse_both ("1.234.567 đồng", 1234567.0);
  check_parse_both ("1.234.567 \xc4\x91o\xcc\x82\xcc\x80ng", 1234567.0);   /* decomposed ồ */
  check_parse_both ("1,234,567 VND", 1234567.0);
  check_parse_both ("1.234.567 VNĐ", 1234567.0);
  check_parse_both ("1.234.567 vnd", 1234567.0);
  check_parse_both ("₫1,234,567", 1234567.0);
  check_parse_both ("VND 1,234,567", 1234567.0);
  check_parse_both ("-₫1,234,567", -1234567.0);

  /* -0 comes back as +0. */
  g_assert_true (kt_parse_number ("-0", KT_LANG_VI, &zero));
  g_assert_cmpfloat (zero, ==, 0.0);
  g_assert_false (signbit (zero));
}

static void
test_parse_reject (void)
{
  static const char *const bad[] = {
    "", "   ", "-", "+", "%", "₫", "()", ".", ",", "—",
    "abc", "12a", "a12", "1e5", "1E+15", "0x10", "NaN", "inf", "infinity",
    "--3", "-+3", "+-3", "-(3)", "(-3)", "(3", "3)", "3-",
    "1.2.3,4,5", "1,234.567.8", "1..2", "1,,2", "1.", "1,", "1 ,5", "1. 234",
    "12.34.567", "1.234.56", "1,2345,678", "1234.567.890", ".123.456",
    "1 234.567,5", "1.234 567", "1 234 5", "1 2345",
    "1,234.5 %%", "12%%", "12 % ₫", "₫ 12 ₫", "₫12 %", "VND 12đ",
    "2 triệu", "1,5 tỷ", "3 million",
    "1\t234",
    "\xff" "12",
  };
  g_autofree char *huge = g_strnfill (400, '9');
  double value = 42.0;

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (kt_parse_number (bad[i], KT_LANG_VI, &value)
          || kt_parse_number (bad[i], KT_LANG_EN, &value))
        g_error ("“%s” was accepted as %g", bad[i], value);
      g_assert_cmpfloat (value, ==, 42.0);
    }
  g_assert_false (kt_parse_number (NULL, KT_LANG_VI, &value));
  /* 10^400 is not a finite double. */
  g_assert_false (kt_parse_number (huge, KT_LANG_EN, &value));
  g_assert_cmpfloat (value, ==, 42.0);
}

/* What the formatters write, the parser reads back in the same language. */
static void
test_parse_round_trip (void)
{
  static const double values[] = {
    0.0, 1.0, -1.0, 12.5, 999.0, 1234.5678, -1234567.891, 0.001, 999999.999,
    0.125, 123456789012.34, 1e15, -1e18, 1234567890123456.0,
  };
  static const KtLang langs[] = { KT_LANG_VI, KT_LANG_EN };

  for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
    for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
      for (int decimals = 0; decimals <= 4; decimals++)
        {
          g_autofree char *text = kt_format_number (values[i], decimals, langs[l]);
          g_autofree char *again = NULL;
          double parsed = NAN;

          if (!kt_parse_number (text, langs[l], &parsed))
            g_error ("“%s” (%s) was rejected", text, kt_lang_code (langs[l]));
          if (fabs (values[i]) < 1e15)
            g_assert_cmpfloat_with_epsilon (parsed, values[i], 0.5 * pow (10, -decimals) + 1e-9);
          again = kt_format_number (parsed, decimals, langs[l]);
          g_assert_cmpstr (again, ==, text);
        }

  for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *percent = kt_format_percent (0.12345, 3, langs[l]);
      g_autofree char *dong = kt_format_money (-18927630000000.0, KT_MONEY_DONG, TRUE, langs[l]);
      g_autofree char *billion = kt_format_money (18927630000000.0, KT_MONEY_BILLION, FALSE,
                                                  langs[l]);
      double parsed = NAN;

      g_assert_true (kt_parse_number (percent, langs[l], &parsed));
      g_assert_cmpfloat (parsed, ==, 0.12345);
      g_assert_true (kt_parse_number (dong, langs[l], &parsed));
      g_assert_cmpfloat (parsed, ==, -18927630000000.0);
      g_assert_true (kt_parse_number (billion, langs[l], &parsed));
      g_assert_cmpfloat (parsed, ==, 18927.63);
    }
}

/* After setlocale () a locale with a decimal comma must not leak into the output. */
static void
test_c_locale_independent (void)
{
  static const char *const locales[] = { "vi_VN.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  const char *found = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    found = setlocale (LC_NUMERIC, locales[i]);
  if (found == NULL)
    {
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }

  check_number (1234567.891, 2, "1.234.567,89", "1,234,567.89");
  check_number (1e15 + 0.5, 0, "1.000.000.000.000.001", "1,000,000,000,000,001");
  check_parse ("1,234.5", KT_LANG_EN, 1234.5);
  setlocale (LC_NUMERIC, saved);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/format/lang", test_lang);
  g_test_add_func ("/core/format/number/basic", test_number_basic);
  g_test_add_func ("/core/format/number/rounding", test_number_rounding);
  g_test_add_func ("/core/format/number/large", test_number_large);
  g_test_add_func ("/core/format/number/c-locale", test_c_locale_independent);
  g_test_add_func ("/core/format/money", test_money);
  g_test_add_func ("/core/format/percent", test_percent);
  g_test_add_func ("/core/format/date", test_date);
  g_test_add_func ("/core/format/words/vi", test_words_vi);
  g_test_add_func ("/core/format/words/en", test_words_en);
  g_test_add_func ("/core/format/years", test_years);
  g_test_add_func ("/core/format/parse/accept", test_parse_accept);
  g_test_add_func ("/core/format/parse/reject", test_parse_reject);
  g_test_add_func ("/core/format/parse/round-trip", test_parse_round_trip);

  return g_test_run ();
}
