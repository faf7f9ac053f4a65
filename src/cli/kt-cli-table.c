/* kt-cli-table.c — readable tables and JSON pieces shared by the risk and uncertainty commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "kt-cli-table.h"
#include "kt-problem.h"

KtMoneyUnit
kt_cli_money_unit (double magnitude)
{
  magnitude = fabs (magnitude);
  if (magnitude >= 1e10)
    return KT_MONEY_BILLION;
  if (magnitude >= 1e7)
    return KT_MONEY_MILLION;
  return KT_MONEY_DONG;
}

const char *
kt_cli_money_unit_name (KtMoneyUnit unit)
{
  switch (unit)
    {
    case KT_MONEY_BILLION:
      return _("billion ₫");
    case KT_MONEY_MILLION:
      return _("million ₫");
    case KT_MONEY_DONG:
    default:
      return _("₫");
    }
}

char *
kt_cli_format_outcome (KtOutcome   outcome,
                       double      value,
                       KtMoneyUnit unit,
                       KtLang      lang)
{
  if (!isfinite (value))
    return g_strdup (KT_FORMAT_NO_VALUE);
  switch (kt_outcome_kind (outcome))
    {
    case KT_OUTCOME_KIND_RATE:
      return kt_format_percent (value, 2, lang);
    case KT_OUTCOME_KIND_RATIO:
      return kt_format_number (value, 2, lang);
    case KT_OUTCOME_KIND_MONEY:
    default:
      return kt_format_money (value, unit, FALSE, lang);
    }
}

char *
kt_cli_format_delay (int years)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%d year", "+%d years",
                                       (gulong) ABS (years)),
                          years);
}

void
kt_cli_print_row (const char  *label,
                  int          width,
                  char       **cells,
                  int          n_cells,
                  int          cell_width)
{
  long pad = width - (long) g_utf8_strlen (label, -1);

  printf ("%s%*s", label, (int) MAX (pad, 0), "");
  for (int i = 0; i < n_cells; i++)
    {
      long cell_pad = cell_width - (long) g_utf8_strlen (cells[i], -1);

      printf (" %*s%s", (int) MAX (cell_pad, 0), "", cells[i]);
    }
  putchar ('\n');
}

char *
kt_cli_ellipsize (const char *text,
                  int         width)
{
  g_autoptr (GString) s = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= width)
    return g_strdup (text);
  s = g_string_new_len (text, g_utf8_offset_to_pointer (text, MAX (width - 1, 0)) - text);
  g_string_append (s, "…");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

void
kt_cli_print_problems (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const KtProblem *p = problems->pdata[i];

      printf ("  [%s] %s: %s%s%s%s\n", kt_severity_key (p->severity), p->code, p->message,
              *p->where ? " (" : "", p->where, *p->where ? ")" : "");
    }
}

void
kt_cli_json_number (JsonBuilder *b,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
kt_cli_json_problems (JsonBuilder *b,
                      const char  *name,
                      GPtrArray   *problems)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const KtProblem *p = problems->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "severity");
      json_builder_add_string_value (b, kt_severity_key (p->severity));
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, p->code);
      json_builder_set_member_name (b, "where");
      json_builder_add_string_value (b, p->where);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, p->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

void
kt_cli_json_print (JsonBuilder *b)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}
