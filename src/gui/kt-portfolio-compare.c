/* kt-portfolio-compare.c — 2 to 4 portfolio submissions side by side, the best of each row marked
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkGrid: the first column names the rows, then one column per
 * submission.  Rows that can be compared know which way is better (higher
 * NPV, lower fiscal cost …); the best cell is bold with a star icon, so the
 * mark does not rest on colour alone.  Ties share the mark; a row where all
 * are equal marks none.  Figures are the appraiser's own recomputation: the
 * indicators of KtSubmission and, for those it does not carry (equity NPV,
 * average DSCR, LLCR), the stored results JSON.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kt-csv.h"
#include "kt-enums.h"
#include "kt-format.h"
#include "kt-portfolio-compare.h"

#define MIN_COLUMNS 2
#define MAX_COLUMNS 4

typedef enum {
  BETTER_NONE,     /* not comparable: names, dates, text */
  BETTER_HIGHER,
  BETTER_LOWER,
} Better;

/* What one compared submission shows, copied out of the database. */
typedef struct {
  KtSubmission *s;
  KtAggregate   agg;
  double        equity_npv;
  double        dscr_avg;
  double        llcr;
} Column;

struct _KtPortfolioCompare
{
  AdwBin      parent_instance;

  GtkStack   *stack;
  GtkGrid    *grid;
  GtkWidget  *copy_button;
  GtkWidget  *export_button;
  AdwToastOverlay *toasts;

  int         n_rows;            /* grid rows used */
  guint       n_columns;
  GPtrArray  *csv;               /* GStrv per row: what is on screen, for CSV */
};

G_DEFINE_FINAL_TYPE (KtPortfolioCompare, kt_portfolio_compare, ADW_TYPE_BIN)

static void
column_clear (Column *c)
{
  g_clear_pointer (&c->s, kt_submission_free);
  kt_aggregate_clear (&c->agg);
}



static const char *
enum_label (const KtEnumInfo *info,
            const char       *key)
{
  int value;

  if (key == NULL || !kt_enum_from_key (info, key, &value))
    return key != NULL ? key : "";
  return kt_enum_label (info, value);
}

/* A number of the stored results' "indicators"; NAN when absent or null. */
static double
results_number (JsonObject *indicators,
                const char *name)
{
  JsonNode *node;

  if (indicators == NULL || !json_object_has_member (indicators, name))
    return NAN;
  node = json_object_get_member (indicators, name);
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_double (node);
  return NAN;
}

static gboolean
load_column (KtPortfolioDb *db,
             gint64         id,
             Column        *c,
             GError       **error)
{
  g_autofree char *results = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *indicators = NULL;

  c->equity_npv = c->dscr_avg = c->llcr = NAN;
  c->s = kt_portfolio_db_get (db, id, error);
  if (c->s == NULL)
    return FALSE;
  if (!kt_portfolio_db_aggregate (db, id, &c->agg, error))
    return FALSE;
  results = kt_portfolio_db_get_results (db, id, error);
  if (results == NULL)
    return FALSE;
  /* Results a later version cannot read leave the three figures blank, not the comparison. */
  if (json_parser_load_from_data (parser, results, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));

      if (json_object_has_member (root, "indicators") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "indicators")))
        indicators = json_object_get_object_member (root, "indicators");
    }
  c->equity_npv = results_number (indicators, "equity_npv");
  c->dscr_avg = results_number (indicators, "dscr_avg");
  c->llcr = results_number (indicators, "llcr");
  return TRUE;
}

/* ---- building the grid ---- */

static void
clear_grid (KtPortfolioCompare *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->n_rows = 0;
  g_ptr_array_set_size (self->csv, 0);
}

static void
add_heading (KtPortfolioCompare *self,
             const char         *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, self->n_rows > 0 ? 18 : 0);
  gtk_grid_attach (self->grid, label, 0, self->n_rows++, self->n_columns + 1, 1);
}

/* Which cells of a row hold the best value (ties share it); none when fewer
 * than two values are defined or all are equal. */
static void
find_best (const double *values,
           guint         n,
           Better        better,
           gboolean     *best)
{
  double top = NAN;
  guint n_defined = 0, n_top = 0;

  for (guint i = 0; i < n; i++)
    best[i] = FALSE;
  if (better == BETTER_NONE)
    return;
  for (guint i = 0; i < n; i++)
    {
      if (!isfinite (values[i]))
        continue;
      n_defined++;
      if (isnan (top) || (better == BETTER_HIGHER ? values[i] > top : values[i] < top))
        top = values[i];
    }
  if (n_defined < 2)
    return;
  for (guint i = 0; i < n; i++)
    n_top += isfinite (values[i]) && values[i] == top;
  if (n_top == n_defined)
    return;
  for (guint i = 0; i < n; i++)
    best[i] = isfinite (values[i]) && values[i] == top;
}

static GtkWidget *
make_cell (const char *text,
           gboolean    numeric,
           gboolean    best,
           const char *flag_icon,
           const char *flag_meaning)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (box, numeric ? GTK_ALIGN_END : GTK_ALIGN_START);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  if (best)
    {
      GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

      gtk_widget_set_tooltip_text (star, _("Best of the compared submissions"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Best of the compared submissions"), -1);
      gtk_widget_add_css_class (star, "success");
      gtk_box_append (GTK_BOX (box), star);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_widget_add_css_class (label, "success");
      /* A marker the tests and themes can find; the look comes from the markup. */
      gtk_widget_add_css_class (box, "kt-best");
    }
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), !numeric);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  if (flag_icon != NULL)
    {
      GtkWidget *flag = gtk_image_new_from_icon_name (flag_icon);

      gtk_widget_set_tooltip_text (flag, flag_meaning);
      gtk_accessible_update_property (GTK_ACCESSIBLE (flag), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      flag_meaning, -1);
      gtk_widget_add_css_class (flag, "warning");
      gtk_box_append (GTK_BOX (box), flag);
    }
  return box;
}

/* One row: `texts` and `values` (NAN where not a number) per column; figures
 * are right-aligned, text left; `flags` (may be NULL) marks cells with a
 * warning icon meaning `flag_meaning`.  Each cell is named
 * "compare-KEY-COLUMN" (0-based) for tests. */
static GtkWidget *
add_row (KtPortfolioCompare *self,
         const char         *key,
         const char         *title,
         char              **texts,
         const double       *values,
         gboolean            figures,
         Better              better,
         const gboolean     *flags,
         const char         *flag_meaning)
{
  GtkWidget *head = gtk_label_new (title);
  gboolean best[MAX_COLUMNS];
  char **csv_row = g_new0 (char *, self->n_columns + 2);

  gtk_label_set_xalign (GTK_LABEL (head), 0.0f);
  gtk_widget_set_valign (head, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (head), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (head), 26);
  gtk_widget_add_css_class (head, "dim-label");
  gtk_grid_attach (self->grid, head, 0, self->n_rows, 1, 1);
  csv_row[0] = g_strdup (title);

  find_best (values, self->n_columns, better, best);
  for (guint i = 0; i < self->n_columns; i++)
    {
      gboolean flagged = flags != NULL && flags[i];
      GtkWidget *cell = make_cell (texts[i], figures, best[i],
                                   flagged ? "dialog-warning-symbolic" : NULL, flag_meaning);
      g_autofree char *name = g_strdup_printf ("compare-%s-%u", key, i);

      gtk_widget_set_name (cell, name);
      gtk_grid_attach (self->grid, cell, i + 1, self->n_rows, 1, 1);
      csv_row[i + 1] = flagged ? g_strdup_printf ("%s (%s)", texts[i], flag_meaning)
                               : g_strdup (texts[i]);
    }
  g_ptr_array_add (self->csv, csv_row);
  self->n_rows++;
  return head;
}

typedef enum {
  FMT_MONEY,
  FMT_RATE,
  FMT_RATIO,
  FMT_COUNT,
} Fmt;

static char *
format_value (double v,
              Fmt    fmt)
{
  KtLang lang = kt_lang_current ();

  switch (fmt)
    {
    case FMT_MONEY:
      return kt_format_money (v, KT_MONEY_BILLION, TRUE, lang);
    case FMT_RATE:
      return kt_format_percent (v, 2, lang);
    case FMT_RATIO:
      return kt_format_number (v, 2, lang);
    case FMT_COUNT:
    default:
      return kt_format_number (v, 0, lang);
    }
}

/* A row of figures read from each column by `get`. */
static GtkWidget *
add_figure_row (KtPortfolioCompare *self,
                const Column       *cols,
                const char         *key,
                const char         *title,
                double            (*get) (const Column *c),
                Fmt                 fmt,
                Better              better)
{
  double values[MAX_COLUMNS];
  char *texts[MAX_COLUMNS];
  GtkWidget *head;

  for (guint i = 0; i < self->n_columns; i++)
    {
      values[i] = get (&cols[i]);
      texts[i] = format_value (values[i], fmt);
    }
  head = add_row (self, key, title, texts, values, TRUE, better, NULL, NULL);
  for (guint i = 0; i < self->n_columns; i++)
    g_free (texts[i]);
  return head;
}

static double get_investment (const Column *c) { return c->s->ind.total_investment; }
static double get_npv (const Column *c) { return c->s->ind.project_npv; }
static double get_irr (const Column *c) { return c->s->ind.project_irr; }
static double get_equity_npv (const Column *c) { return c->equity_npv; }
static double get_equity_irr (const Column *c) { return c->s->ind.equity_irr; }
static double get_dscr_min (const Column *c) { return c->s->ind.dscr_min; }
static double get_dscr_avg (const Column *c) { return c->dscr_avg; }
static double get_llcr (const Column *c) { return c->llcr; }
/* The state's net cost is the negated fiscal NPV (< 0 is a net cost, kt-rubric.h). */
static double get_fiscal_cost (const Column *c) { return -c->s->ind.fiscal_npv; }
static double get_vfm (const Column *c) { return c->s->ind.vfm; }
static double get_errors (const Column *c) { return c->s->n_errors; }

static void
add_text_row (KtPortfolioCompare *self,
              const char         *key,
              const char         *title,
              char              **texts)
{
  double values[MAX_COLUMNS] = { NAN, NAN, NAN, NAN };

  add_row (self, key, title, texts, values, FALSE, BETTER_NONE, NULL, NULL);
}

static void
add_names_header (KtPortfolioCompare *self,
                  const Column       *cols)
{
  char **csv_row = g_new0 (char *, self->n_columns + 2);

  csv_row[0] = g_strdup (_("Submission"));
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_autofree char *text = g_strdup_printf ("#%" G_GINT64_FORMAT "  %s", cols[i].s->id,
                                               kt_submission_name (cols[i].s));
      GtkWidget *label = gtk_label_new (text);
      g_autofree char *name = g_strdup_printf ("compare-name-%u", i);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "title-4");
      gtk_widget_set_name (label, name);
      gtk_grid_attach (self->grid, label, i + 1, self->n_rows, 1, 1);
      csv_row[i + 1] = g_strdup (text);
    }
  g_ptr_array_add (self->csv, csv_row);
  self->n_rows++;
}

static void
add_criteria_rows (KtPortfolioCompare *self,
                   const Column       *cols)
{
  KtLang lang = kt_lang_current ();
  guint n_criteria = cols[0].agg.criteria != NULL ? cols[0].agg.criteria->len : 0;

  for (guint k = 0; k < n_criteria; k++)
    {
      const KtCriterionResult *first = &g_array_index (cols[0].agg.criteria, KtCriterionResult, k);
      const KtRubricCriterion *criterion = first->criterion;
      double values[MAX_COLUMNS];
      char *texts[MAX_COLUMNS];
      gboolean flags[MAX_COLUMNS];
      g_autofree char *key = g_strconcat ("criterion-", criterion->key, NULL);
      g_autofree char *max = kt_format_number (criterion->scale_max, 0, lang);

      for (guint i = 0; i < self->n_columns; i++)
        {
          const KtCriterionResult *r = NULL;

          /* The same rubric aggregates every column; match by key all the same. */
          for (guint j = 0; cols[i].agg.criteria != NULL && j < cols[i].agg.criteria->len; j++)
            {
              const KtCriterionResult *candidate = &g_array_index (cols[i].agg.criteria,
                                                                   KtCriterionResult, j);
              if (g_str_equal (candidate->criterion->key, criterion->key))
                r = candidate;
            }
          values[i] = r != NULL ? r->mean : NAN;
          flags[i] = r != NULL && r->disagreement;
          if (r == NULL || !isfinite (r->mean))
            texts[i] = g_strdup (_("Not scored"));
          else
            {
              g_autofree char *mean = kt_format_number (r->mean, 2, lang);

              if (r->n > 1)
                {
                  g_autofree char *lo = kt_format_number (r->min, 1, lang);
                  g_autofree char *hi = kt_format_number (r->max, 1, lang);

                  /* Translators: a criterion's mean score, its scale and the appraisers' range:
                   * "3,50 / 5 (3,0–4,0)". */
                  texts[i] = g_strdup_printf (_("%s / %s (%s–%s)"), mean, max, lo, hi);
                }
              else
                texts[i] = g_strdup_printf ("%s / %s", mean, max);
            }
        }
      add_row (self, key, kt_rubric_text (criterion->label_en, criterion->label_vi), texts, values,
               TRUE, BETTER_HIGHER, flags, _("Appraisers disagree"));
      for (guint i = 0; i < self->n_columns; i++)
        g_free (texts[i]);
    }
}

static void
build (KtPortfolioCompare *self,
       const Column       *cols)
{
  KtLang lang = kt_lang_current ();
  char *texts[MAX_COLUMNS];
  double values[MAX_COLUMNS];
  gboolean any_vfm = FALSE;
  GtkWidget *head;

#define TEXT_ROW(key, title, expr)                                  \
  G_STMT_START {                                                    \
    for (guint i = 0; i < self->n_columns; i++)                     \
      {                                                             \
        const Column *c = &cols[i];                                 \
        texts[i] = (expr);                                          \
      }                                                             \
    add_text_row (self, key, title, texts);                         \
    for (guint i = 0; i < self->n_columns; i++)                     \
      g_free (texts[i]);                                            \
  } G_STMT_END

  clear_grid (self);
  add_names_header (self, cols);

  add_heading (self, _("Submission"));
  TEXT_ROW ("proposer", _("Proposer"), g_strdup (c->s->proposer));
  TEXT_ROW ("version", _("Version"), g_strdup_printf ("%d", c->s->version));
  TEXT_ROW ("form", _("PPP form"), g_strdup (enum_label (&kt_form_info, c->s->form)));
  TEXT_ROW ("field", C_("field of science and technology", "Field"), g_strdup (enum_label (&kt_field_info, c->s->field)));

  add_heading (self, _("Recomputed figures"));
  add_figure_row (self, cols, "investment", _("Total investment"), get_investment, FMT_MONEY,
                  BETTER_NONE);
  add_figure_row (self, cols, "npv", _("Project NPV"), get_npv, FMT_MONEY, BETTER_HIGHER);
  add_figure_row (self, cols, "irr", _("Project IRR (FIRR)"), get_irr, FMT_RATE, BETTER_HIGHER);
  add_figure_row (self, cols, "equity-npv", _("Equity NPV"), get_equity_npv, FMT_MONEY,
                  BETTER_HIGHER);
  add_figure_row (self, cols, "equity-irr", _("Equity IRR"), get_equity_irr, FMT_RATE,
                  BETTER_HIGHER);
  add_figure_row (self, cols, "dscr-min", _("Minimum DSCR"), get_dscr_min, FMT_RATIO,
                  BETTER_HIGHER);
  add_figure_row (self, cols, "dscr-avg", _("Average DSCR"), get_dscr_avg, FMT_RATIO,
                  BETTER_HIGHER);
  add_figure_row (self, cols, "llcr", _("LLCR"), get_llcr, FMT_RATIO, BETTER_HIGHER);

  add_heading (self, _("The state"));
  head = add_figure_row (self, cols, "fiscal-cost", _("Net cost to the state (present value)"),
                         get_fiscal_cost, FMT_MONEY, BETTER_LOWER);
  gtk_widget_set_tooltip_text (head, _("The state’s outlays less its receipts, discounted at the "
                                       "social rate; below zero the state gains"));
  for (guint i = 0; i < self->n_columns; i++)
    any_vfm = any_vfm || isfinite (cols[i].s->ind.vfm);
  if (any_vfm)
    add_figure_row (self, cols, "vfm", _("Value for money"), get_vfm, FMT_MONEY, BETTER_HIGHER);

  add_heading (self, _("Checks"));
  add_figure_row (self, cols, "errors", _("Errors found"), get_errors, FMT_COUNT, BETTER_LOWER);
  for (guint i = 0; i < self->n_columns; i++)
    {
      int failed = cols[i].s->n_legal_failed;

      values[i] = failed;
      texts[i] = failed > 0 ? g_strdup_printf (ngettext ("Failed (%d check)", "Failed (%d checks)",
                                                         failed), failed)
                            : g_strdup (_("Passed"));
    }
  add_row (self, "legal", _("Legal checks"), texts, values, FALSE, BETTER_LOWER, NULL, NULL);
  for (guint i = 0; i < self->n_columns; i++)
    g_free (texts[i]);

  add_heading (self, _("Appraisal"));
  add_criteria_rows (self, cols);
  {
    gboolean flags[MAX_COLUMNS];

    for (guint i = 0; i < self->n_columns; i++)
      {
        g_autofree char *number = kt_format_number (cols[i].agg.total, 1, lang);

        values[i] = cols[i].agg.total;
        flags[i] = cols[i].agg.disagreement;
        texts[i] = isfinite (values[i]) ? g_strdup_printf ("%s / 100", number)
                                        : g_strdup (_("Not scored"));
      }
    add_row (self, "total", _("Total score"), texts, values, TRUE, BETTER_HIGHER, flags,
             _("Appraisers disagree on a criterion"));
    for (guint i = 0; i < self->n_columns; i++)
      g_free (texts[i]);
  }
  TEXT_ROW ("decision", _("Decision"), g_strdup (kt_decision_title (c->s->decision)));
#undef TEXT_ROW
}

/* ---- CSV ---- */

static char *
csv_text (KtPortfolioCompare *self)
{
  /* Where the decimal mark is a comma, spreadsheets expect ';' between cells. */
  return kt_csv_format (self->csv, kt_lang_current () == KT_LANG_VI ? ';' : ',');
}

static void
copy_clicked_cb (GtkButton          *button,
                 KtPortfolioCompare *self)
{
  g_autofree char *text = csv_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Comparison copied as CSV")));
}

static void
export_response_cb (GtkNativeDialog    *dialog,
                    int                 response,
                    KtPortfolioCompare *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *text = csv_text (self);
      g_autoptr (GError) error = NULL;

      /* A byte-order mark, so spreadsheets read the Vietnamese as UTF-8. */
      g_autofree char *data = g_strconcat ("\xEF\xBB\xBF", text, NULL);

      if (file != NULL && !g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                                    G_FILE_CREATE_NONE, NULL, NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not save the comparison: %s"),
                                                      error->message);

          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
        }
      else if (file != NULL)
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Comparison exported")));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_clicked_cb (GtkButton          *button,
                   KtPortfolioCompare *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export the Comparison"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV table"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* Translators: a file name: short, ASCII, ending in .csv. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("comparison.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- the widget ---- */

static void
kt_portfolio_compare_finalize (GObject *object)
{
  KtPortfolioCompare *self = KT_PORTFOLIO_COMPARE (object);

  g_ptr_array_unref (self->csv);
  G_OBJECT_CLASS (kt_portfolio_compare_parent_class)->finalize (object);
}

static void
kt_portfolio_compare_class_init (KtPortfolioCompareClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kt_portfolio_compare_finalize;
}

static void
kt_portfolio_compare_init (KtPortfolioCompare *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  AdwStatusPage *empty = ADW_STATUS_PAGE (adw_status_page_new ());

  self->csv = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  self->copy_button = gtk_button_new_with_mnemonic (_("_Copy as CSV"));
  self->export_button = gtk_button_new_with_mnemonic (_("E_xport CSV…"));
  g_signal_connect (self->copy_button, "clicked", G_CALLBACK (copy_clicked_cb), self);
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_widget_set_halign (bar, GTK_ALIGN_END);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), self->copy_button);
  gtk_box_append (GTK_BOX (bar), self->export_button);

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_grid_set_column_spacing (self->grid, 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comparison of submissions"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->grid));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_status_page_set_icon_name (empty, "view-dual-symbolic");
  adw_status_page_set_title (empty, _("Nothing to Compare Yet"));
  adw_status_page_set_description (empty, _("Select two to four submissions to compare them."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (empty), "empty");
  gtk_stack_add_named (self->stack, box, "compare");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
}

GtkWidget *
kt_portfolio_compare_new (void)
{
  return g_object_new (KT_TYPE_PORTFOLIO_COMPARE, NULL);
}

gboolean
kt_portfolio_compare_show (KtPortfolioCompare  *self,
                           KtPortfolioDb       *db,
                           const gint64        *ids,
                           guint                n_ids,
                           GError             **error)
{
  Column cols[MAX_COLUMNS] = { { 0 } };
  gboolean ok = TRUE;

  g_return_val_if_fail (KT_IS_PORTFOLIO_COMPARE (self), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (n_ids < MIN_COLUMNS || n_ids > MAX_COLUMNS)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                   ngettext ("Select two to four submissions to compare (%u is selected)",
                             "Select two to four submissions to compare (%u are selected)", n_ids),
                   n_ids);
      return FALSE;
    }
  for (guint i = 0; i < n_ids && ok; i++)
    ok = load_column (db, ids[i], &cols[i], error);
  if (ok)
    {
      self->n_columns = n_ids;
      build (self, cols);
      gtk_stack_set_visible_child_name (self->stack, "compare");
    }
  for (guint i = 0; i < n_ids; i++)
    column_clear (&cols[i]);
  return ok;
}
