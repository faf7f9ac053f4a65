/* kt-appraisal-report.c — the appraisal report of one submission of a portfolio (PDF)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kt-appraisal-report.h"
#include "kt-catalogue.h"
#include "kt-claims.h"
#include "kt-format.h"
#include "kt-pdf.h"
#include "kt-pdf-table.h"
#include "kt-report-i18n.h"


/* Cuts to `width` characters (not bytes) with an ellipsis. */
static char *
fit (const char *text,
     glong       width)
{
  glong n = g_utf8_strlen (text ? text : "", -1);
  g_autofree char *cut = NULL;

  if (n <= width)
    return g_strdup_printf ("%s%*s", text ? text : "", (int) (width - n), "");
  cut = g_utf8_substring (text, 0, width - 1);
  return g_strconcat (cut, "…", NULL);
}

static void
add_pair (GPtrArray  *pairs,
          const char *label,
          char       *value)   /* owned */
{
  g_ptr_array_add (pairs, g_strdup (label));
  g_ptr_array_add (pairs, value != NULL ? value : g_strdup (""));
}

/* The appraisal report of one submission: what was submitted, the
 * appraiser's own figures, the legal gate with citations, the scores with
 * comments, the changes since the previous version and the decision. */
static gboolean
write_report (KtPortfolioDb  *db,
              gint64          id,
              const char     *path,
              GError        **error)
{
  KtLang lang = kt_lang_current ();
  g_autoptr (KtPdf) pdf = NULL;
  g_autoptr (KtSubmission) s = NULL;
  g_autoptr (KtSubmission) prev = NULL;
  g_autoptr (GPtrArray) legal = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) scores = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  g_autofree char *repro = NULL;
  const KtRubric *rubric = kt_portfolio_db_get_rubric (db, NULL);
  const char *name;
  KtAggregate agg = { 0 };
  KtPdfTable *table;
  KtPdfCover cover = { 0 };
  gboolean ok;

  s = kt_portfolio_db_get (db, id, error);
  if (s == NULL)
    return FALSE;
  legal = kt_portfolio_db_get_legal (db, id, error);
  scores = legal != NULL ? kt_portfolio_db_get_scores (db, id, error) : NULL;
  if (scores == NULL || !kt_portfolio_db_aggregate (db, id, &agg, error))
    return FALSE;
  if (s->previous_id > 0)
    {
      g_autoptr (KtProject) a = kt_portfolio_db_load_project (db, s->previous_id, error);
      g_autoptr (KtProject) b = a != NULL ? kt_portfolio_db_load_project (db, id, error) : NULL;

      prev = b != NULL ? kt_portfolio_db_get (db, s->previous_id, error) : NULL;
      if (prev == NULL)
        {
          kt_aggregate_clear (&agg);
          return FALSE;
        }
      changes = kt_project_data_diff (kt_project_get_data (a), kt_project_get_data (b));
    }
  pdf = kt_pdf_new (path, lang, error);
  if (pdf == NULL)
    {
      kt_aggregate_clear (&agg);
      return FALSE;
    }
#define T(x) kt_pdf_gettext (pdf, x)
  name = lang == KT_LANG_EN && s->name_en != NULL && *s->name_en ? s->name_en : s->name_vi;
  date = kt_format_date_long (now, lang);
  repro = g_strdup_printf (T (N_("Recomputed with rule set %s; rubric %s; submission #%lld, version %d")),
                           s->rule_set, s->rubric_id, (long long) s->id, s->version);
  kt_pdf_set_integrity (pdf, s->sha256, repro);
  kt_pdf_set_metadata (pdf, name, s->imported_by, T (N_("Appraisal report")), "PPP; appraisal");
  cover.doc_type = T (N_("APPRAISAL REPORT"));
  cover.summary = T (N_("on the feasibility study of a PPP project"));
  cover.title = name;
  cover.place_date = date;
  kt_pdf_add_cover (pdf, &cover);

  kt_pdf_add_heading (pdf, 1, T (N_("Appraisal")));
  kt_pdf_add_heading (pdf, 2, T (N_("The submission")));
  add_pair (pairs, T (N_("Project")), g_strdup (name));
  add_pair (pairs, T (N_("Proposer")), g_strdup (s->proposer));
  add_pair (pairs, T (N_("Province or city")), g_strdup (s->province));
  add_pair (pairs, T (N_("PPP form")), g_ascii_strup (s->form, -1));
  add_pair (pairs, T (N_("Project id")), g_strdup (s->project_id));
  add_pair (pairs, T (N_("Version")), s->previous_id > 0
            ? g_strdup_printf (T (N_("%d (resubmits #%lld)")), s->version, (long long) s->previous_id)
            : g_strdup_printf ("%d", s->version));
  add_pair (pairs, T (N_("File")), g_strdup (s->file_name));
  add_pair (pairs, T (N_("SHA-256")), g_strdup (s->sha256));
  {
    /* Stored in UTC (ISO 8601); shown as a local date and time in the report's language. */
    g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (s->imported_at, NULL);
    g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
    g_autofree char *day = local != NULL ? kt_format_date (local, lang) : NULL;
    g_autofree char *when = local != NULL ? g_strdup_printf ("%s %02d:%02d", day,
                                                             g_date_time_get_hour (local),
                                                             g_date_time_get_minute (local))
                                          : g_strdup (s->imported_at);

    add_pair (pairs, T (N_("Imported")), g_strdup_printf (T (N_("%s by %s")), when, s->imported_by));
  }
  g_ptr_array_add (pairs, NULL);
  kt_pdf_add_key_values (pdf, (const char * const *) pairs->pdata);

  kt_pdf_add_heading (pdf, 2, T (N_("Recomputed figures")));
  kt_pdf_add_paragraph (pdf, T (N_("The figures below are the appraiser’s own: the engine recomputed "
                                   "them from the submitted inputs with the rule set named in the "
                                   "footer. Figures the proposer may claim are not used.")));
  table = kt_pdf_table_new ();
  kt_pdf_table_add_column (table, T (N_("Indicator")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, T (N_("Value")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T (N_("Reference")), KT_PDF_ALIGN_RIGHT);
  {
    struct { const char *label; double value; int kind; double ref; } rows[] = {
      { N_("Total investment"), s->ind.total_investment, 2, NAN },
      { N_("Project NPV at WACC"), s->ind.project_npv, 2, NAN },
      { N_("Project IRR (reference: WACC)"), s->ind.project_irr, 3, s->ind.wacc },
      { N_("Equity IRR (reference: hurdle rate)"), s->ind.equity_irr, 3, s->ind.hurdle_rate },
      { N_("Minimum DSCR (reference: lender's minimum)"), s->ind.dscr_min, 1, s->ind.min_dscr },
      { N_("Payback (years)"), s->ind.payback, 1, NAN },
      { N_("Fiscal NPV (the state)"), s->ind.fiscal_npv, 2, NAN },
      { N_("Value for money (PSC − PPP cost)"), s->ind.vfm, 2, NAN },
      { N_("EIRR (reference: social rate)"), s->ind.eirr, 3, s->ind.social_rate },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_autofree char *v = rows[i].kind == 2 ? kt_format_money (rows[i].value, KT_MONEY_BILLION, TRUE, lang)
                             : rows[i].kind == 3 ? kt_format_percent (rows[i].value, 2, lang)
                                                 : kt_format_number (rows[i].value, 2, lang);
        g_autofree char *r = isnan (rows[i].ref) ? g_strdup ("")
                             : rows[i].kind == 3 ? kt_format_percent (rows[i].ref, 2, lang)
                                                 : kt_format_number (rows[i].ref, 2, lang);

        kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, T (rows[i].label), v, r, NULL);
      }
  }
  kt_pdf_table_set_caption (table, T (N_("Indicators recomputed by the appraiser")));
  kt_pdf_add_table (pdf, table);
  kt_pdf_table_unref (table);

  /* The proposer's claims, only set against the recomputation (issue #9). */
  claims = kt_portfolio_db_get_claims (db, id, error);
  if (claims == NULL)
    return FALSE;
  if (claims->len > 0)
    {
      guint mismatched = 0;

      table = kt_pdf_table_new ();
      kt_pdf_table_add_column (table, T (N_("Indicator")), KT_PDF_ALIGN_LEFT);
      kt_pdf_table_add_column (table, T (N_("Claimed")), KT_PDF_ALIGN_RIGHT);
      kt_pdf_table_add_column (table, T (N_("Recomputed")), KT_PDF_ALIGN_RIGHT);
      kt_pdf_table_add_column (table, T (N_("Result")), KT_PDF_ALIGN_CENTER);
      for (guint i = 0; i < claims->len; i++)
        {
          const KtClaimCheck *c = claims->pdata[i];
          const KtFieldDesc *f = kt_claims_find (c->key);
          KtUnit unit = f != NULL ? f->unit : KT_UNIT_NONE;
          g_autofree char *claimed = kt_claims_format (unit, c->claimed, lang);
          g_autofree char *recomputed = kt_claims_format (unit, c->recomputed, lang);

          mismatched += !c->matches;
          kt_pdf_table_add_cells (table, c->matches ? KT_PDF_ROW_NORMAL : KT_PDF_ROW_BOLD,
                                  f != NULL ? T (f->label) : c->key, claimed, recomputed,
                                  c->matches ? T (N_("agrees")) : T (N_("differs")), NULL);
        }
      kt_pdf_add_paragraph (pdf, mismatched == 0
                            ? T (N_("Every figure the proposer’s file claims agrees with the "
                                    "recomputation."))
                            : T (N_("<b>Some figures the proposer’s file claims differ from the "
                                    "recomputation</b>; the appraisal uses the recomputed ones.")));
      kt_pdf_table_set_caption (table, T (N_("Figures claimed in the proposer’s file")));
      kt_pdf_add_table (pdf, table);
      kt_pdf_table_unref (table);
    }

  kt_pdf_add_heading (pdf, 2, T (N_("Legal checks")));
  table = kt_pdf_table_new ();
  kt_pdf_table_add_column (table, T (N_("Check")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, T (N_("Legal basis")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, T (N_("Result")), KT_PDF_ALIGN_CENTER);
  for (guint i = 0; i < legal->len; i++)
    {
      const KtLegalResult *l = legal->pdata[i];
      const char *label = l->code;

      for (guint k = 0; rubric != NULL && k < rubric->checks->len; k++)
        {
          const KtRubricCheck *c = rubric->checks->pdata[k];

          if (strcmp (c->code, l->code) == 0)
            label = lang == KT_LANG_VI && c->label_vi ? c->label_vi : c->label_en ? c->label_en : l->code;
        }
      kt_pdf_table_add_cells (table, l->passed ? KT_PDF_ROW_NORMAL : KT_PDF_ROW_BOLD, label,
                              l->citation, l->passed ? T (N_("passed")) : T (N_("failed")), NULL);
    }
  kt_pdf_table_set_caption (table, T (N_("Pass/fail checks with their legal basis")));
  kt_pdf_add_table (pdf, table);
  kt_pdf_table_unref (table);

  kt_pdf_add_heading (pdf, 2, T (N_("Scores")));
  table = kt_pdf_table_new ();
  kt_pdf_table_add_column (table, T (N_("Criterion")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, T (N_("Weight")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T (N_("Mean")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T (N_("Min – max")), KT_PDF_ALIGN_CENTER);
  kt_pdf_table_add_column (table, T (N_("Number of scores")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T (N_("Remark")), KT_PDF_ALIGN_LEFT);
  for (guint i = 0; i < agg.criteria->len; i++)
    {
      const KtCriterionResult *r = &g_array_index (agg.criteria, KtCriterionResult, i);
      const KtRubricCriterion *c = r->criterion;
      g_autofree char *w = kt_format_number (c->weight, 0, lang);
      g_autofree char *mean = kt_format_number (r->mean, 2, lang);
      g_autofree char *lo = kt_format_number (r->min, 2, lang);
      g_autofree char *hi = kt_format_number (r->max, 2, lang);
      g_autofree char *range = r->n > 0 ? g_strdup_printf ("%s – %s", lo, hi) : g_strdup ("");
      g_autofree char *n = g_strdup_printf ("%d", r->n);
      const char *remark = c->automatic ? T (N_("automatic"))
                           : r->disagreement ? T (N_("appraisers disagree")) : "";

      kt_pdf_table_add_cells (table, r->disagreement ? KT_PDF_ROW_BOLD : KT_PDF_ROW_NORMAL,
                              lang == KT_LANG_VI && c->label_vi ? c->label_vi : c->label_en,
                              w, mean, range, n, remark, NULL);
    }
  {
    g_autofree char *total = kt_format_number (agg.total, 1, lang);
    g_autofree char *spread = kt_format_number (agg.spread, 1, lang);
    g_autofree char *line = g_strdup_printf (T (N_("%s / 100 (spread between appraisers %s)")), total, spread);

    kt_pdf_table_add_cells (table, KT_PDF_ROW_BOLD, T (N_("Aggregate")), "100", line, NULL, NULL, NULL, NULL);
  }
  kt_pdf_table_set_caption (table, T (N_("Scores by criterion (scale 0–5, aggregate 0–100)")));
  kt_pdf_add_table (pdf, table);
  kt_pdf_table_unref (table);
  {
    g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < scores->len; i++)
      {
        const KtScore *sc = scores->pdata[i];
        g_autofree char *v = kt_format_number (sc->score, 2, lang);
        g_autofree char *who = g_markup_escape_text (sc->appraiser, -1);
        g_autofree char *what = g_markup_escape_text (sc->criterion, -1);
        g_autofree char *why = g_markup_escape_text (sc->comment ? sc->comment : "", -1);

        if (strcmp (sc->appraiser, "auto") == 0)
          continue;
        g_ptr_array_add (items, g_strdup_printf ("<b>%s</b>, %s: %s — %s", who, what, v, why));
      }
    if (items->len > 0)
      {
        g_ptr_array_add (items, NULL);
        kt_pdf_add_heading (pdf, 3, T (N_("Appraisers’ comments")));
        kt_pdf_add_bullets (pdf, (const char * const *) items->pdata);
      }
  }

  if (changes != NULL)
    {
      g_autofree char *intro = g_strdup_printf (T (N_("Compared with version %d (#%lld): %u inputs changed.")),
                                                prev->version, (long long) prev->id, changes->len);

      kt_pdf_add_heading (pdf, 2, T (N_("Changes since the previous version")));
      kt_pdf_add_paragraph (pdf, intro);
      table = kt_pdf_table_new ();
      kt_pdf_table_add_column (table, kt_report_pgettext (lang, "changed input",
                                                          NC_("changed input", "Field")),
                               KT_PDF_ALIGN_LEFT);
      kt_pdf_table_add_column (table, T (N_("Previous")), KT_PDF_ALIGN_LEFT);
      kt_pdf_table_add_column (table, T (N_("Now")), KT_PDF_ALIGN_LEFT);
      kt_pdf_table_set_font_size (table, 9.5);
      for (guint i = 0; i < changes->len && i < 300; i++)
        {
          const KtFieldChange *c = changes->pdata[i];
          g_autofree char *a = fit (c->old_value ? c->old_value : T (N_("(absent)")), 120);
          g_autofree char *b = fit (c->new_value ? c->new_value : T (N_("(absent)")), 120);

          kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, c->path, g_strstrip (a), g_strstrip (b), NULL);
        }
      kt_pdf_add_table (pdf, table);
      kt_pdf_table_unref (table);
    }

  kt_pdf_add_heading (pdf, 2, T (N_("Conclusion")));
  if (s->decision != NULL)
    {
      g_autofree char *line = g_strdup_printf (T (N_("Decision: %s.")), kt_decision_label (s->decision));

      kt_pdf_add_paragraph (pdf, line);
    }
  else
    kt_pdf_add_paragraph (pdf, T (N_("No decision has been recorded yet; the scores may still change.")));
  if (agg.n_legal_failed > 0)
    kt_pdf_add_paragraph (pdf, T (N_("At least one legal check failed: the project cannot be approved "
                                     "as submitted.")));
  {
    /* Signed by hand: the name is written under the signature. */
    KtPdfSignature signature = { NULL, T (N_("THE APPRAISER")), NULL, NULL };

    kt_pdf_add_signature (pdf, &signature);
  }
#undef T
  ok = kt_pdf_finish (pdf, error);
  kt_aggregate_clear (&agg);
  return ok;
}


gboolean
kt_appraisal_report_write (KtPortfolioDb  *db,
                           gint64          id,
                           const char     *path,
                           GError        **error)
{
  g_return_val_if_fail (db != NULL && path != NULL, FALSE);
  return write_report (db, id, path, error);
}
