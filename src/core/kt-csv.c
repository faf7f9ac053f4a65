/* kt-csv.c — CSV import/export of tables and numbers pasted from spreadsheets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kt-csv.h"

G_DEFINE_QUARK (kt-csv-error-quark, kt_csv_error)

static char
detect_separator (const char *text)
{
  gboolean quoted = FALSE;
  gboolean semicolon = FALSE;

  for (const char *p = text; *p != '\0' && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '\t')
        return '\t';
      else if (!quoted && *p == ';')
        semicolon = TRUE;
    }
  return semicolon ? ';' : ',';
}

static void
end_row (GPtrArray *rows,
         GPtrArray *cells)
{
  /* A line with a single empty cell is a blank line. */
  if (cells->len == 1 && *(char *) g_ptr_array_index (cells, 0) == '\0')
    {
      g_ptr_array_set_size (cells, 0);
      return;
    }
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
}

GPtrArray *
kt_csv_parse (const char *text,
              char        separator,
              GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))   /* a BOM from spreadsheets */
    text += 3;
  if (separator == 0)
    separator = detect_separator (text);

  for (p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
        }
      else if (*p == '"' && cell->len == 0)
        quoted = TRUE;
      else if (*p == separator)
        {
          g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (*p == '\r' || *p == '\n')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          end_row (rows, cells);
        }
      else
        g_string_append_c (cell, *p);
    }
  if (quoted)
    {
      g_set_error (error, KT_CSV_ERROR, KT_CSV_ERROR_SYNTAX, _("A quoted cell is not closed"));
      return NULL;
    }
  if (cell->len > 0 || cells->len > 0)
    {
      g_ptr_array_add (cells, g_strdup (cell->str));
      end_row (rows, cells);
    }
  return g_steal_pointer (&rows);
}

char *
kt_csv_format (GPtrArray *rows,
               char       separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint j = 0; row[j] != NULL; j++)
        {
          const char *c = row[j];

          if (j > 0)
            g_string_append_c (out, separator);
          if (strchr (c, separator) || strchr (c, '"') || strchr (c, '\n') || strchr (c, '\r'))
            {
              g_string_append_c (out, '"');
              for (; *c != '\0'; c++)
                {
                  if (*c == '"')
                    g_string_append_c (out, '"');
                  g_string_append_c (out, *c);
                }
              g_string_append_c (out, '"');
            }
          else
            g_string_append (out, c);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
kt_paste_parse_grid (const char *text,
                     KtLang      lang,
                     GError    **error)
{
  g_autoptr(GPtrArray) grid = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  lines = g_strsplit_set (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup (lines[i]);
      g_auto(GStrv) cells = NULL;
      GArray *row;

      g_strchomp (line);   /* \r and trailing spaces; tabs between empty cells stay */
      if (line[strspn (line, " \t")] == '\0')
        continue;
      cells = g_strsplit (line, strchr (line, '\t') ? "\t" : ";", -1);
      row = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (grid, row);
      for (guint j = 0; cells[j] != NULL; j++)
        {
          double x = NAN;
          g_autofree char *cell = g_strstrip (g_strdup (cells[j]));

          if (*cell != '\0' && !kt_parse_number (cell, lang, &x))
            {
              g_set_error (error, KT_CSV_ERROR, KT_CSV_ERROR_NUMBER,
                           _("“%s” (line %u) is not a number"), cell, i + 1);
              return NULL;
            }
          g_array_append_val (row, x);
        }
    }
  if (grid->len == 0)
    {
      g_set_error (error, KT_CSV_ERROR, KT_CSV_ERROR_EMPTY, _("There are no numbers to paste"));
      return NULL;
    }
  return g_steal_pointer (&grid);
}

GArray *
kt_paste_parse_numbers (const char *text,
                        KtLang      lang,
                        GError    **error)
{
  g_autoptr(GPtrArray) grid = kt_paste_parse_grid (text, lang, error);
  GArray *values;

  if (grid == NULL)
    return NULL;
  values = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < grid->len; i++)
    {
      GArray *row = g_ptr_array_index (grid, i);

      g_array_append_vals (values, row->data, row->len);
    }
  return values;
}
