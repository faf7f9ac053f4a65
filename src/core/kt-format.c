/* kt-format.c — numbers, money, dates and amounts in words, in vi and en (DOMAIN.md §9)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kt-format.h"

#define NBSP "\302\240"           /* U+00A0 */
#define MAX_DECIMALS 15

/* Below this the double is read to DBL_DIG digits; from here up its exact
 * value is used (the ulp is at least 0.125, so "%.3f" prints it exactly). */
#define EXACT_FROM 1e15

/* -1: no override; otherwise a KtLang. */
static int lang_override = -1;

static const char *const vi_digits[] = {
  "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
};

static const char *const en_small[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
  "seventeen", "eighteen", "nineteen",
};

static const char *const en_tens[] = {
  "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
};

/* Short scale; 10^18 and up go on in quintillions (en_read). */
static const char *const en_scales[] = {
  "", "thousand", "million", "billion", "trillion", "quadrillion",
};

static const char *const en_months[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

static char
decimal_mark (KtLang lang)
{
  return lang == KT_LANG_VI ? ',' : '.';
}

static char
group_mark (KtLang lang)
{
  return lang == KT_LANG_VI ? '.' : ',';
}

/* The significant digits of |value| (no leading zeros) into `digits`, and the
 * position of the decimal point: |value| = 0.digits × 10^point.
 * g_ascii_formatd, not snprintf: after setlocale () a vi_VN LC_NUMERIC would
 * print a decimal comma and break the layout read here. */
static void
decimal_digits (double   value,
                GString *digits,
                int     *point)
{
  char buf[400];
  double magnitude = fabs (value);

  g_string_truncate (digits, 0);
  if (magnitude == 0.0)
    {
      *point = 1;
      return;
    }

  if (magnitude >= EXACT_FROM)
    {
      /* At most 309 integer digits for DBL_MAX; buf holds them. */
      char *dot;

      g_ascii_formatd (buf, sizeof buf, "%.3f", magnitude);
      dot = strchr (buf, '.');
      *point = (int) (dot - buf);
      g_string_append_len (digits, buf, dot - buf);
      g_string_append (digits, dot + 1);
    }
  else
    {
      /* 17 significant digits tell every double apart; rounding them half away
       * to 15 turns 2.67499999999999982 back into the 2.675 that was typed. */
      int exponent;
      int i;

      g_ascii_formatd (buf, sizeof buf, "%.16e", magnitude);
      exponent = atoi (buf + 19);   /* "d.dddddddddddddddde±XX" */
      g_string_append_c (digits, buf[0]);
      g_string_append_len (digits, buf + 2, 14);
      *point = exponent + 1;
      if (buf[16] >= '5')
        {
          for (i = 14; i >= 0 && digits->str[i] == '9'; i--)
            digits->str[i] = '0';
          if (i >= 0)
            digits->str[i]++;
          else
            {
              g_string_prepend_c (digits, '1');
              (*point)++;
            }
        }
    }

  /* Trailing zeros carry no information and would only lengthen the loops. */
  while (digits->len > 0 && digits->str[digits->len - 1] == '0')
    g_string_truncate (digits, digits->len - 1);
}

/* |value| × 10^shift rounded half away from zero at `decimals` places, as the
 * digits before the decimal point (at least "0") and exactly `decimals` after
 * it.  *negative is set only when the rounded result is not zero, so there is
 * no "-0".  The shift is decimal so that percent and million/billion amounts
 * round on the digits people see, not on a product in binary. */
static gboolean
round_decimal (double    value,
               int       shift,
               int       decimals,
               gboolean *negative,
               GString  *int_part,
               GString  *frac_part)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) scaled = g_string_new (NULL);
  gboolean nonzero = FALSE;
  int point;
  int keep;

  g_string_truncate (int_part, 0);
  g_string_truncate (frac_part, 0);
  *negative = FALSE;
  if (!isfinite (value))
    return FALSE;

  decimal_digits (value, digits, &point);
  point += shift;

  /* scaled = round (0.digits × 10^keep): the answer × 10^decimals. */
  keep = point + decimals;
  if (keep > 0)
    {
      int i;

      for (i = 0; i < keep; i++)
        g_string_append_c (scaled, (gsize) i < digits->len ? digits->str[i] : '0');
      if ((gsize) keep < digits->len && digits->str[keep] >= '5')
        {
          for (i = keep - 1; i >= 0 && scaled->str[i] == '9'; i--)
            scaled->str[i] = '0';
          if (i >= 0)
            scaled->str[i]++;
          else
            g_string_prepend_c (scaled, '1');
        }
    }
  else if (keep == 0 && digits->len > 0 && digits->str[0] >= '5')
    g_string_append_c (scaled, '1');

  for (gsize i = 0; i < scaled->len; i++)
    nonzero |= scaled->str[i] != '0';

  /* Pad to one digit before the point, then split. */
  while (scaled->len < (gsize) decimals + 1)
    g_string_prepend_c (scaled, '0');
  g_string_append_len (int_part, scaled->str, scaled->len - decimals);
  g_string_append (frac_part, scaled->str + scaled->len - decimals);
  while (int_part->len > 1 && int_part->str[0] == '0')
    g_string_erase (int_part, 0, 1);

  *negative = nonzero && value < 0.0;
  return TRUE;
}

static char *
format_decimal (double   value,
                int      shift,
                int      decimals,
                gboolean trim,
                KtLang   lang)
{
  g_autoptr(GString) int_part = g_string_new (NULL);
  g_autoptr(GString) frac_part = g_string_new (NULL);
  GString *out;
  gboolean negative;

  if (!round_decimal (value, shift, decimals, &negative, int_part, frac_part))
    return g_strdup (KT_FORMAT_NO_VALUE);

  if (trim)
    while (frac_part->len > 0 && frac_part->str[frac_part->len - 1] == '0')
      g_string_truncate (frac_part, frac_part->len - 1);

  out = g_string_new (negative ? "-" : "");
  for (gsize i = 0; i < int_part->len; i++)
    {
      if (i > 0 && (int_part->len - i) % 3 == 0)
        g_string_append_c (out, group_mark (lang));
      g_string_append_c (out, int_part->str[i]);
    }
  if (frac_part->len > 0)
    {
      g_string_append_c (out, decimal_mark (lang));
      g_string_append_len (out, frac_part->str, frac_part->len);
    }
  return g_string_free (out, FALSE);
}

static void
append_word (GString    *out,
             const char *word)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, word);
}

/* One group of three digits.  `inner` when a higher group was read before: then
 * "không trăm" and "linh" keep the place value audible (1.005 → "một nghìn
 * không trăm linh năm"); a leading group starts at its first digit. */
static void
vi_read_group (GString *out,
               int      h,
               int      t,
               int      u,
               gboolean inner)
{
  gboolean hundreds = inner || h > 0;

  if (hundreds)
    {
      append_word (out, vi_digits[h]);
      append_word (out, "trăm");
    }

  if (t == 0)
    {
      if (u == 0)
        return;
      if (hundreds)
        append_word (out, "linh");
      append_word (out, vi_digits[u]);
      return;
    }

  if (t == 1)
    append_word (out, "mười");
  else
    {
      append_word (out, vi_digits[t]);
      append_word (out, "mươi");
    }

  /* After "mươi" 1 is "mốt" and 4 is "tư"; after "mười" and "mươi" 5 is "lăm". */
  switch (u)
    {
    case 0:
      break;
    case 1:
      append_word (out, t == 1 ? "một" : "mốt");
      break;
    case 4:
      append_word (out, t == 1 ? "bốn" : "tư");
      break;
    case 5:
      append_word (out, "lăm");
      break;
    default:
      append_word (out, vi_digits[u]);
      break;
    }
}

/* Splits a group of up to three digits ending at digits[end]. */
static void
group_at (const char *digits,
          int         end,
          int        *h,
          int        *t,
          int        *u)
{
  *u = digits[end] - '0';
  *t = end >= 1 ? digits[end - 1] - '0' : 0;
  *h = end >= 2 ? digits[end - 2] - '0' : 0;
}

/* `digits` (len > 0, no leading zero at the top call) in Vietnamese.  Above
 * 9 digits the high part is read recursively and followed by "tỷ", as people
 * say "nghìn tỷ" and "triệu tỷ" rather than a larger unit. */
static void
vi_read (GString    *out,
         const char *digits,
         int         len,
         gboolean   *started)
{
  static const char *const scales[] = { NULL, "nghìn", "triệu" };
  int n_groups;

  if (len > 9)
    {
      vi_read (out, digits, len - 9, started);
      append_word (out, "tỷ");
      digits += len - 9;
      len = 9;
    }

  n_groups = (len + 2) / 3;
  for (int g = n_groups - 1; g >= 0; g--)
    {
      int h, t, u;

      group_at (digits, len - 1 - 3 * g, &h, &t, &u);
      if (h == 0 && t == 0 && u == 0)
        continue;
      vi_read_group (out, h, t, u, *started);
      *started = TRUE;
      if (scales[g] != NULL)
        append_word (out, scales[g]);
    }
}

static void
en_read_group (GString *out,
               int      h,
               int      t,
               int      u)
{
  int rest = 10 * t + u;

  if (h > 0)
    {
      append_word (out, en_small[h]);
      append_word (out, "hundred");
    }
  if (rest == 0)
    return;
  if (rest < 20)
    append_word (out, en_small[rest]);
  else
    {
      append_word (out, en_tens[t]);
      if (u > 0)
        g_string_append_printf (out, "-%s", en_small[u]);
    }
}

static void
en_read (GString    *out,
         const char *digits,
         int         len)
{
  const int max_len = 3 * (int) G_N_ELEMENTS (en_scales);
  int n_groups;

  if (len > max_len)
    {
      en_read (out, digits, len - max_len);
      append_word (out, "quintillion");
      digits += len - max_len;
      len = max_len;
    }

  n_groups = (len + 2) / 3;
  for (int g = n_groups - 1; g >= 0; g--)
    {
      int h, t, u;

      group_at (digits, len - 1 - 3 * g, &h, &t, &u);
      if (h == 0 && t == 0 && u == 0)
        continue;
      en_read_group (out, h, t, u);
      if (g > 0)
        append_word (out, en_scales[g]);
    }
}

/* Upper-cases the first character in place; "một" → "Một", "âm" → "Âm". */
static char *
capitalise (GString *text)
{
  gunichar first = g_utf8_get_char (text->str);
  const char *next = g_utf8_next_char (text->str);
  char buf[8];
  int n = g_unichar_to_utf8 (g_unichar_toupper (first), buf);

  g_string_erase (text, 0, next - text->str);
  g_string_prepend_len (text, buf, n);
  return g_string_free (text, FALSE);
}

KtLang
kt_lang_current (void)
{
  const char *const *names;
  int forced = g_atomic_int_get (&lang_override);

  if (forced >= 0)
    return (KtLang) forced;

  /* The same list gettext walks, so figures follow the language of the
   * strings.  (gettext also ignores LANGUAGE under the plain C locale; GLib
   * does not, and neither do we — C.UTF-8 with LANGUAGE=vi, as in the tests,
   * is Vietnamese for both.) */
  names = g_get_language_names ();
  return kt_lang_from_string (names != NULL ? names[0] : NULL);
}

void
kt_lang_set_override (KtLang lang)
{
  g_return_if_fail (lang == KT_LANG_VI || lang == KT_LANG_EN);
  g_atomic_int_set (&lang_override, (int) lang);
}

void
kt_lang_clear_override (void)
{
  g_atomic_int_set (&lang_override, -1);
}

KtLang
kt_lang_from_string (const char *code)
{
  /* "vi" must be the whole language subtag: "video" is not Vietnamese. */
  if (code != NULL
      && g_ascii_tolower (code[0]) == 'v' && g_ascii_tolower (code[1]) == 'i'
      && (code[2] == '\0' || strchr ("_-.@", code[2]) != NULL))
    return KT_LANG_VI;
  return KT_LANG_EN;
}

const char *
kt_lang_code (KtLang lang)
{
  return lang == KT_LANG_VI ? "vi" : "en";
}

char *
kt_format_number (double value,
                  int    decimals,
                  KtLang lang)
{
  g_return_val_if_fail (decimals >= 0 && decimals <= MAX_DECIMALS, NULL);

  return format_decimal (value, 0, decimals, FALSE, lang);
}

char *
kt_format_money (double      vnd,
                 KtMoneyUnit unit,
                 gboolean    with_symbol,
                 KtLang      lang)
{
  g_autofree char *number = NULL;
  const char *word = NULL;

  switch (unit)
    {
    case KT_MONEY_DONG:
      number = format_decimal (vnd, 0, 0, FALSE, lang);
      break;
    case KT_MONEY_MILLION:
      number = format_decimal (vnd, -6, 2, FALSE, lang);
      word = lang == KT_LANG_VI ? "triệu" : "million";
      break;
    case KT_MONEY_BILLION:
      number = format_decimal (vnd, -9, 2, FALSE, lang);
      word = lang == KT_LANG_VI ? "tỷ" : "billion";
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (!with_symbol || !isfinite (vnd))
    return g_steal_pointer (&number);
  if (word != NULL)
    return g_strconcat (number, NBSP, word, NBSP "₫", NULL);
  return g_strconcat (number, NBSP "₫", NULL);
}

char *
kt_format_percent (double fraction,
                   int    decimals,
                   KtLang lang)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (decimals >= 0 && decimals <= MAX_DECIMALS, NULL);

  if (!isfinite (fraction))
    return g_strdup (KT_FORMAT_NO_VALUE);
  number = format_decimal (fraction, 2, decimals, TRUE, lang);
  return g_strconcat (number, NBSP "%", NULL);
}

char *
kt_format_date (GDateTime *date,
                KtLang     lang)
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, NULL);

  g_date_time_get_ymd (date, &year, &month, &day);
  if (lang == KT_LANG_VI)
    return g_strdup_printf ("%02d/%02d/%04d", day, month, year);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

char *
kt_format_date_long (GDateTime *date,
                     KtLang     lang)
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, NULL);

  g_date_time_get_ymd (date, &year, &month, &day);
  if (lang == KT_LANG_VI)
    return g_strdup_printf ("ngày %02d tháng %0*d năm %d", day, month <= 2 ? 2 : 1, month, year);
  return g_strdup_printf ("%d %s %d", day, en_months[month - 1], year);
}

char *
kt_format_amount_in_words (double vnd,
                           KtLang lang)
{
  g_autoptr(GString) int_part = g_string_new (NULL);
  g_autoptr(GString) frac_part = g_string_new (NULL);
  GString *out;
  gboolean negative;

  if (!round_decimal (vnd, 0, 0, &negative, int_part, frac_part))
    return g_strdup (KT_FORMAT_NO_VALUE);

  if (strcmp (int_part->str, "0") == 0)
    return g_strdup (lang == KT_LANG_VI ? "Không đồng" : "Zero dong");

  out = g_string_new (NULL);
  if (lang == KT_LANG_VI)
    {
      gboolean started = FALSE;

      if (negative)
        append_word (out, "âm");
      vi_read (out, int_part->str, (int) int_part->len, &started);
      append_word (out, "đồng");
    }
  else
    {
      if (negative)
        append_word (out, "minus");
      en_read (out, int_part->str, (int) int_part->len);
      append_word (out, "dong");
    }
  return capitalise (out);
}

char *
kt_format_years (double years,
                 KtLang lang)
{
  g_autofree char *number = NULL;

  if (!isfinite (years))
    return g_strdup (lang == KT_LANG_VI ? "chưa hoàn vốn" : "not reached");

  number = format_decimal (years, 0, 2, TRUE, lang);
  if (lang == KT_LANG_VI)
    return g_strconcat (number, NBSP "năm", NULL);
  return g_strconcat (number, strcmp (number, "1") == 0 ? NBSP "year" : NBSP "years", NULL);
}

/* Parsing */

typedef enum {
  SEP_DOT,
  SEP_COMMA,
  SEP_SPACE,
} SepKind;

static void
free_run (gpointer run)
{
  g_string_free (run, TRUE);
}

static void
skip_space (const char **p,
            const char **end)
{
  while (*p < *end && g_unichar_isspace (g_utf8_get_char (*p)))
    *p = g_utf8_next_char (*p);
  while (*end > *p)
    {
      const char *prev = g_utf8_find_prev_char (*p, *end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      *end = prev;
    }
}

static gboolean
strip_prefix (const char **p,
              const char  *end,
              const char  *prefix)
{
  gsize n = strlen (prefix);

  if ((gsize) (end - *p) < n || strncmp (*p, prefix, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

static gboolean
strip_suffix (const char  *p,
              const char **end,
              const char  *suffix)
{
  gsize n = strlen (suffix);

  if ((gsize) (*end - p) < n || strncmp (*end - n, suffix, n) != 0)
    return FALSE;
  *end -= n;
  return TRUE;
}

/* Strips one unit after the digits; returns FALSE if there is none.  Longer
 * ones first so that "vnđ" is not read as "vn" + "đ".  The text is lower case. */
static gboolean
strip_unit (const char  *p,
            const char **end,
            gboolean    *percent)
{
  static const char *const units[] = { "đồng", "vnđ", "vnd", "₫", "đ" };

  if (strip_suffix (p, end, "%"))
    {
      *percent = TRUE;
      return TRUE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    if (strip_suffix (p, end, units[i]))
      return TRUE;
  return FALSE;
}

gboolean
kt_parse_number (const char *text,
                 KtLang      lang,
                 double     *value)
{
  g_autofree char *nfc = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GPtrArray) runs = NULL;     /* digit runs, as GString */
  g_autoptr(GArray) seps = NULL;        /* SepKind between runs */
  g_autoptr(GString) number = NULL;
  const char *p, *end;
  gboolean negative = FALSE, percent = FALSE, unit = FALSE, prefixed = FALSE;
  guint n_dot = 0, n_comma = 0, n_space = 0;
  int decimal_at = -1;                  /* index in seps of the decimal mark */
  guint n_int_runs;
  char *parse_end;
  double result;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  /* NFC first, so a decomposed "đồng" from a PDF still matches. */
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  lower = g_utf8_strdown (nfc, -1);
  p = lower;
  end = lower + strlen (lower);

  skip_space (&p, &end);
  unit = strip_unit (p, &end, &percent);
  skip_space (&p, &end);
  if (end - p >= 2 && *p == '(' && end[-1] == ')')
    {
      negative = TRUE;
      p++;
      end--;
      skip_space (&p, &end);
    }
  if (!negative)
    {
      if (strip_prefix (&p, end, "-") || strip_prefix (&p, end, "−"))
        negative = TRUE;
      else
        strip_prefix (&p, end, "+");
      skip_space (&p, &end);
    }
  if (strip_prefix (&p, end, "₫") || strip_prefix (&p, end, "vnd")
      || strip_prefix (&p, end, "vnđ"))
    {
      prefixed = TRUE;
      skip_space (&p, &end);
    }
  if (!unit)
    {
      /* "(1.234 ₫)": the unit was inside the parentheses. */
      unit = strip_unit (p, &end, &percent);
      skip_space (&p, &end);
    }
  /* One currency mark: "₫ 12 ₫" and "₫12 %" are not numbers. */
  if (prefixed && unit)
    return FALSE;

  /* Split into digit runs and the separators between them. */
  runs = g_ptr_array_new_with_free_func (free_run);
  seps = g_array_new (FALSE, FALSE, sizeof (SepKind));
  g_ptr_array_add (runs, g_string_new (NULL));
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      GString *run = runs->pdata[runs->len - 1];
      SepKind kind;

      p = g_utf8_next_char (p);
      if (c >= '0' && c <= '9')
        {
          g_string_append_c (run, (char) c);
          continue;
        }
      if (c == '.')
        {
          kind = SEP_DOT;
          n_dot++;
        }
      else if (c == ',')
        {
          kind = SEP_COMMA;
          n_comma++;
        }
      else if (g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        {
          kind = SEP_SPACE;
          n_space++;
        }
      else
        return FALSE;
      g_array_append_val (seps, kind);
      g_ptr_array_add (runs, g_string_new (NULL));
    }

  /* Every run but the first needs digits: no "1..2", "1.", "1 ,5". */
  for (guint i = 1; i < runs->len; i++)
    if (((GString *) runs->pdata[i])->len == 0)
      return FALSE;
  if (runs->len == 1 && ((GString *) runs->pdata[0])->len == 0)
    return FALSE;

  /* Find the decimal mark (rules 1–5 in kt-format.h). */
  if (n_dot > 0 && n_comma > 0)
    {
      SepKind last = SEP_SPACE;

      if (n_space > 0)
        return FALSE;
      for (guint i = 0; i < seps->len; i++)
        last = g_array_index (seps, SepKind, i);
      if ((last == SEP_DOT ? n_dot : n_comma) != 1)
        return FALSE;
      decimal_at = (int) seps->len - 1;
    }
  else if (n_dot + n_comma > 1)
    {
      if (n_space > 0)
        return FALSE;
    }
  else if (n_dot + n_comma == 1)
    {
      SepKind kind = n_dot == 1 ? SEP_DOT : SEP_COMMA;
      guint at = 0;

      while (g_array_index (seps, SepKind, at) != kind)
        at++;
      if (n_space > 0)
        decimal_at = (int) at;
      else
        {
          GString *before = runs->pdata[0];
          GString *after = runs->pdata[1];
          gboolean ambiguous = after->len == 3 && before->len >= 1 && before->len <= 3
                               && before->str[0] != '0';

          if (!ambiguous || (kind == SEP_DOT) == (lang == KT_LANG_EN))
            decimal_at = (int) at;
        }
      /* Grouping spaces may not follow the decimal mark. */
      if (decimal_at >= 0 && (guint) decimal_at != seps->len - 1)
        return FALSE;
    }

  /* Group sizes: 1–3 digits, then 3 each; one grouping kind only. */
  n_int_runs = decimal_at >= 0 ? (guint) decimal_at + 1 : runs->len;
  if (n_int_runs > 1)
    {
      SepKind group_kind = g_array_index (seps, SepKind, 0);
      GString *first = runs->pdata[0];

      if (first->len < 1 || first->len > 3)
        return FALSE;
      for (guint i = 1; i < n_int_runs; i++)
        if (g_array_index (seps, SepKind, i - 1) != group_kind
            || ((GString *) runs->pdata[i])->len != 3)
          return FALSE;
    }

  number = g_string_new (negative ? "-" : "");
  for (guint i = 0; i < n_int_runs; i++)
    g_string_append (number, ((GString *) runs->pdata[i])->str);
  if (number->len == (negative ? 1u : 0u))
    g_string_append_c (number, '0');
  if (decimal_at >= 0)
    g_string_append_printf (number, ".%s", ((GString *) runs->pdata[runs->len - 1])->str);
  /* An exponent rather than ÷ 100 keeps "12.3 %" the double nearest 0.123. */
  if (percent)
    g_string_append (number, "e-2");

  result = g_ascii_strtod (number->str, &parse_end);
  if (*parse_end != '\0' || !isfinite (result))
    return FALSE;
  *value = result == 0.0 ? 0.0 : result;
  return TRUE;
}
