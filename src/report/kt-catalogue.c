/* kt-catalogue.c — the published catalogue of a portfolio: ranked projects as CSV, XLSX or PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#if HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include "kt-catalogue.h"
#include "kt-format.h"
#include "kt-pdf.h"



typedef struct {
  const char *header;     /* N_() */
  int         kind;       /* 0 text, 1 number, 2 money, 3 rate */
  const char *context;    /* msgctxt of a header that has several senses, else NULL */
} Column;

static const Column catalogue_columns[] = {
  { N_("Rank"), 1 }, { N_("ID"), 1 }, { N_("Project id"), 0 }, { N_("Version"), 1 },
  { N_("Name (vi)"), 0 }, { N_("Name (en)"), 0 }, { N_("Proposer"), 0 }, { N_("Province"), 0 },
  { NC_("field of science and technology", "Field"), 0, "field of science and technology" },
  { N_("Domain"), 0 }, { N_("Form"), 0 },
  { N_("Total investment (VND)"), 2 }, { N_("Project NPV (VND)"), 2 }, { N_("Project IRR"), 3 },
  { N_("Equity IRR"), 3 }, { N_("Minimum DSCR"), 1 }, { N_("Fiscal NPV (VND)"), 2 },
  { N_("Legal checks"), 0 }, { N_("Score (0–100)"), 1 }, { N_("Spread"), 1 },
  { N_("Number of appraisers"), 1 }, { N_("Disagreement"), 0 }, { N_("Decision"), 0 },
  { N_("Imported"), 0 }, { N_("SHA-256"), 0 },
};

static const char *
column_header (gsize i)
{
  const Column *c = &catalogue_columns[i];

  return c->context != NULL ? g_dpgettext2 (NULL, c->context, c->header) : _(c->header);
}

/* One catalogue row as text cells and numbers (NAN where text). */
static void
catalogue_cells (const KtRankRow *r,
                 guint            rank,
                 char           **text,
                 double          *num)
{
  const KtSubmission *s = r->submission;
  int c = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (catalogue_columns); i++)
    {
      text[i] = NULL;
      num[i] = NAN;
    }
  num[c++] = rank;
  num[c++] = s->id;
  text[c++] = g_strdup (s->project_id);
  num[c++] = s->version;
  text[c++] = g_strdup (s->name_vi);
  text[c++] = g_strdup (s->name_en);
  text[c++] = g_strdup (s->proposer);
  text[c++] = g_strdup (s->province);
  text[c++] = g_strdup (s->field);
  text[c++] = g_strdup (s->domain);
  text[c++] = g_strdup (s->form);
  num[c++] = s->ind.total_investment;
  num[c++] = s->ind.project_npv;
  num[c++] = s->ind.project_irr;
  num[c++] = s->ind.equity_irr;
  num[c++] = s->ind.dscr_min;
  num[c++] = s->ind.fiscal_npv;
  text[c++] = g_strdup (r->aggregate.n_legal_failed == 0 ? _("passed") : _("failed"));
  num[c++] = r->aggregate.total;
  num[c++] = r->aggregate.spread;
  num[c++] = r->aggregate.n_appraisers;
  text[c++] = g_strdup (r->aggregate.disagreement ? _("yes") : _("no"));
  text[c++] = g_strdup (kt_decision_label (s->decision));
  text[c++] = g_strdup (s->imported_at);
  text[c++] = g_strdup (s->sha256);
  g_assert (c == G_N_ELEMENTS (catalogue_columns));
}

static void
csv_field (GString    *out,
           const char *value)
{
  /* RFC 4180: quote fields holding a comma, quote, CR or LF; double quotes. */
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static gboolean
write_csv (GPtrArray   *rows,
           const char  *path,
           GError     **error)
{
  /* UTF-8 with a BOM (spreadsheets on Windows guess the encoding otherwise
   * and break the Vietnamese), CRLF line ends, numbers in ASCII with "." as
   * the decimal mark, money in whole đồng. */
  GString *out = g_string_new ("\xEF\xBB\xBF");
  gsize n = G_N_ELEMENTS (catalogue_columns);
  gboolean ok;

  for (gsize i = 0; i < n; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      csv_field (out, column_header (i));
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < rows->len; r++)
    {
      char *text[G_N_ELEMENTS (catalogue_columns)];
      double num[G_N_ELEMENTS (catalogue_columns)];

      catalogue_cells (rows->pdata[r], r + 1, text, num);
      for (gsize i = 0; i < n; i++)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          if (i)
            g_string_append_c (out, ',');
          if (text[i] != NULL)
            csv_field (out, text[i]);
          else if (isfinite (num[i]))
            {
              if (catalogue_columns[i].kind == 2)
                g_string_append_printf (out, "%.0f", round (num[i]));
              else
                g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.10g", num[i]));
            }
          g_free (text[i]);
        }
      g_string_append (out, "\r\n");
    }
  ok = g_file_set_contents (path, out->str, (gssize) out->len, error);
  g_string_free (out, TRUE);
  return ok;
}


/* The catalogue as an A4 document (Decree 30 layout through KtPdf): a cover,
 * then the ranked table on landscape pages, then how it was made. */
static gboolean
write_pdf (KtPortfolioDb  *db,
           GPtrArray      *rows,
           const char     *path,
           GError        **error)
{
  KtLang lang = kt_lang_current ();
  g_autoptr (KtPdf) pdf = kt_pdf_new (path, lang, error);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  g_autofree char *method = NULL;
  const KtRubric *rubric = kt_portfolio_db_get_rubric (db, NULL);
  KtPdfTable *table;
  KtPdfCover cover = { 0 };

  if (pdf == NULL)
    return FALSE;
#define T(s) kt_pdf_gettext (pdf, s)
  date = kt_format_date_long (now, lang);
  count = g_strdup_printf (T (N_("%u projects, ranked by aggregate score")), rows->len);
  kt_pdf_set_metadata (pdf, T (N_("Catalogue of S&T and digital PPP projects")), NULL,
                       count, "PPP, catalogue");
  cover.doc_type = T (N_("CATALOGUE"));
  cover.summary = T (N_("S&T, innovation and digital transformation PPP projects under appraisal"));
  cover.title = count;
  cover.place_date = date;
  kt_pdf_add_cover (pdf, &cover);
  kt_pdf_set_numbering (pdf, FALSE);

  kt_pdf_set_orientation (pdf, KT_PDF_LANDSCAPE);
  kt_pdf_add_heading (pdf, 1, T (N_("Projects")));
  table = kt_pdf_table_new ();
  kt_pdf_table_add_column (table, T (N_("No.")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T (N_("Project")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, T (N_("Proposer")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, T (N_("Form")), KT_PDF_ALIGN_CENTER);
  kt_pdf_table_add_column (table, T (N_("Total investment")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T (N_("FIRR")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T (N_("Min. DSCR")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T (N_("Legal checks")), KT_PDF_ALIGN_CENTER);
  kt_pdf_table_add_column (table, T (N_("Score")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T (N_("Spread")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T (N_("Decision")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_set_unit (table, T (N_("Money: billion đồng")));
  kt_pdf_table_set_font_size (table, 9.5);
  for (guint i = 0; i < rows->len; i++)
    {
      const KtRankRow *r = rows->pdata[i];
      const KtSubmission *s = r->submission;
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_strdup_printf ("%s (#%" G_GINT64_FORMAT ")",
                                               lang == KT_LANG_EN && s->name_en && *s->name_en
                                               ? s->name_en : s->name_vi, s->id);
      g_autofree char *form = g_ascii_strup (s->form, -1);
      g_autofree char *ti = kt_format_money (s->ind.total_investment, KT_MONEY_BILLION, FALSE, lang);
      g_autofree char *irr = kt_format_percent (s->ind.project_irr, 2, lang);
      g_autofree char *dscr = kt_format_number (s->ind.dscr_min, 2, lang);
      g_autofree char *total = kt_format_number (r->aggregate.total, 1, lang);
      g_autofree char *spread = kt_format_number (r->aggregate.spread, 1, lang);
      const char *cells[12] = {
        no, name, s->proposer, form, ti, irr, dscr,
        r->aggregate.n_legal_failed == 0 ? T (N_("passed")) : T (N_("failed")),
        total, spread, kt_decision_label (s->decision), NULL
      };

      kt_pdf_table_add_row (table, KT_PDF_ROW_NORMAL, cells);
    }
  kt_pdf_add_table (pdf, table);
  kt_pdf_table_unref (table);

  method = g_strdup_printf (T (N_("Figures are the appraiser’s own recomputation from the submitted "
                                  "inputs, not the proposers’ claims. Scores follow the rubric “%s”: "
                                  "weights are a province’s choice, not law. A project that fails a "
                                  "legal check is listed after the others whatever its score. The "
                                  "spread is the difference between the highest and lowest "
                                  "appraiser’s total.")),
                            rubric != NULL ? rubric->id : "");
  kt_pdf_add_styled_paragraph (pdf, KT_PDF_PARA_NOTE, method);
#undef T
  return kt_pdf_finish (pdf, error);
}

#if HAVE_XLSXWRITER
static gboolean
write_xlsx (GPtrArray   *rows,
            const char  *path,
            GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  lxw_workbook *wb = workbook_new (tmp);
  lxw_worksheet *ws;
  lxw_format *bold, *money_fmt, *rate_fmt, *num_fmt;
  gsize n = G_N_ELEMENTS (catalogue_columns);
  lxw_error rc;

  if (wb == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot create %s"), tmp);
      return FALSE;
    }
  ws = workbook_add_worksheet (wb, _("Catalogue"));
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  format_set_text_wrap (bold);
  money_fmt = workbook_add_format (wb);
  format_set_num_format (money_fmt, "#,##0");
  rate_fmt = workbook_add_format (wb);
  format_set_num_format (rate_fmt, "0.00%");
  num_fmt = workbook_add_format (wb);
  format_set_num_format (num_fmt, "0.0#");
  for (gsize i = 0; i < n; i++)
    worksheet_write_string (ws, 0, (lxw_col_t) i, column_header (i), bold);
  worksheet_freeze_panes (ws, 1, 0);
  worksheet_set_column (ws, 4, 5, 48, NULL);
  worksheet_set_column (ws, 6, 6, 36, NULL);
  worksheet_set_column (ws, 11, 16, 18, NULL);
  for (guint r = 0; r < rows->len; r++)
    {
      char *text[G_N_ELEMENTS (catalogue_columns)];
      double num[G_N_ELEMENTS (catalogue_columns)];

      catalogue_cells (rows->pdata[r], r + 1, text, num);
      for (gsize i = 0; i < n; i++)
        {
          int kind = catalogue_columns[i].kind;

          if (text[i] != NULL)
            worksheet_write_string (ws, r + 1, (lxw_col_t) i, text[i], NULL);
          else if (isfinite (num[i]))
            worksheet_write_number (ws, r + 1, (lxw_col_t) i, num[i],
                                    kind == 2 ? money_fmt : kind == 3 ? rate_fmt : num_fmt);
          g_free (text[i]);
        }
    }
  worksheet_autofilter (ws, 0, 0, rows->len, (lxw_col_t) (n - 1));
  rc = workbook_close (wb);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s: %s"), path,
                   lxw_strerror (rc));
      g_remove (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write %s: %s"), path,
                   g_strerror (saved));
      g_remove (tmp);
      return FALSE;
    }
  return TRUE;
}
#endif

gboolean
kt_catalogue_format_from_path (const char        *path,
                               KtCatalogueFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL && format != NULL, FALSE);
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    *format = KT_CATALOGUE_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *format = KT_CATALOGUE_XLSX;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = KT_CATALOGUE_PDF;
  else
    return FALSE;
  return TRUE;
}

const char *
kt_catalogue_format_key (KtCatalogueFormat format)
{
  switch (format)
    {
    case KT_CATALOGUE_XLSX:
      return "xlsx";
    case KT_CATALOGUE_PDF:
      return "pdf";
    case KT_CATALOGUE_CSV:
    default:
      return "csv";
    }
}

gboolean
kt_catalogue_has_xlsx (void)
{
  return HAVE_XLSXWRITER;
}

gboolean
kt_catalogue_write (KtPortfolioDb      *db,
                    GPtrArray          *rows,
                    KtCatalogueFormat   format,
                    const char         *path,
                    GError            **error)
{
  g_autoptr (GPtrArray) ranked = NULL;

  g_return_val_if_fail (db != NULL && path != NULL, FALSE);
  if (rows == NULL)
    {
      rows = ranked = kt_portfolio_db_rank (db, error);
      if (rows == NULL)
        return FALSE;
    }
  switch (format)
    {
    case KT_CATALOGUE_PDF:
      return write_pdf (db, rows, path, error);
    case KT_CATALOGUE_XLSX:
#if HAVE_XLSXWRITER
      return write_xlsx (rows, path, error);
#else
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This build has no XLSX support (libxlsxwriter)"));
      return FALSE;
#endif
    case KT_CATALOGUE_CSV:
    default:
      return write_csv (rows, path, error);
    }
}
