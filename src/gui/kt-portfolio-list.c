/* kt-portfolio-list.c — the portfolio's submissions: search, filters, sort and a column view
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Searching, filtering and sorting run in SQLite (kt_portfolio_db_list):
 * the widget only shows what the query returns, so 10 000 rows stay fast
 * and the order is the engine's own.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kt-catalogue.h"
#include "kt-enums.h"
#include "kt-portfolio-list.h"

/* ---- one row of the model ---- */

#define KT_TYPE_SUBMISSION_ITEM (kt_submission_item_get_type ())
G_DECLARE_FINAL_TYPE (KtSubmissionItem, kt_submission_item, KT, SUBMISSION_ITEM, GObject)

struct _KtSubmissionItem
{
  GObject       parent_instance;
  KtSubmission *submission;
};

G_DEFINE_FINAL_TYPE (KtSubmissionItem, kt_submission_item, G_TYPE_OBJECT)

static void
kt_submission_item_finalize (GObject *object)
{
  g_clear_pointer (&KT_SUBMISSION_ITEM (object)->submission, kt_submission_free);
  G_OBJECT_CLASS (kt_submission_item_parent_class)->finalize (object);
}

static void
kt_submission_item_class_init (KtSubmissionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kt_submission_item_finalize;
}

static void
kt_submission_item_init (KtSubmissionItem *self)
{
  (void) self;
}

/* ---- the list ---- */

typedef enum {
  COL_NAME,
  COL_PROPOSER,
  COL_FORM,
  COL_INVESTMENT,
  COL_NPV,
  COL_FIRR,
  COL_EQUITY_IRR,
  COL_DSCR,
  COL_FISCAL,
  COL_CHECKS,
  COL_DECISION,
  N_COLS
} Column;

struct _KtPortfolioList
{
  GtkBox             parent_instance;

  KtPortfolioDb     *db;              /* borrowed */
  KtMoneyUnit        unit;
  GListStore        *store;
  GtkMultiSelection *selection;

  GtkSearchEntry    *search_entry;
  GtkDropDown       *form_drop;
  GtkDropDown       *field_drop;
  GtkDropDown       *domain_drop;
  GtkDropDown       *decision_drop;
  GtkDropDown       *sort_drop;
  GtkToggleButton   *descending_button;
  GtkCheckButton    *latest_check;
  GtkButton         *compare_button;
  GtkLabel          *count_label;
  GtkStack          *stack;
  GtkColumnView     *view;
  GtkColumnViewColumn *columns[N_COLS];
  AdwStatusPage     *error_page;

  gboolean           updating;        /* setting controls from code: no reload per change */
};

G_DEFINE_FINAL_TYPE (KtPortfolioList, kt_portfolio_list, GTK_TYPE_BOX)

enum { SIGNAL_SUBMISSION_ACTIVATED, SIGNAL_COMPARE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *const decision_keys[] = { NULL, "pending", "approve", "return", "reject" };

/* The sort keys in the order the drop-down lists them. */
static const struct { KtPortfolioSort sort; const char *label; } sorts[] = {
  { KT_PORTFOLIO_SORT_ID, N_("Import order") },
  { KT_PORTFOLIO_SORT_NAME, N_("Name") },
  { KT_PORTFOLIO_SORT_IMPORTED, N_("Date imported") },
  { KT_PORTFOLIO_SORT_PROPOSER, N_("Proposer") },
  { KT_PORTFOLIO_SORT_INVESTMENT, N_("Total investment") },
  { KT_PORTFOLIO_SORT_NPV, N_("Project NPV") },
  { KT_PORTFOLIO_SORT_IRR, N_("Project IRR") },
  { KT_PORTFOLIO_SORT_EQUITY_IRR, N_("Equity IRR") },
  { KT_PORTFOLIO_SORT_DSCR, N_("Minimum DSCR") },
  { KT_PORTFOLIO_SORT_FISCAL, N_("Fiscal NPV (state)") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (sorts) == KT_PORTFOLIO_N_SORTS);


static const char *
unit_title (KtMoneyUnit unit)
{
  switch (unit)
    {
    case KT_MONEY_DONG:
      return _("₫");
    case KT_MONEY_MILLION:
      return C_("money unit in a column title", "mn ₫");
    case KT_MONEY_BILLION:
    default:
      return C_("money unit in a column title", "bn ₫");
    }
}

static char *
column_title (KtPortfolioList *self,
              Column           col)
{
  switch (col)
    {
    case COL_NAME:
      return g_strdup (_("Name"));
    case COL_PROPOSER:
      return g_strdup (_("Proposer"));
    case COL_FORM:
      return g_strdup (_("Form"));
    case COL_INVESTMENT:
      return g_strdup_printf (C_("short column title", "Investment (%s)"), unit_title (self->unit));
    case COL_NPV:
      return g_strdup_printf (_("NPV (%s)"), unit_title (self->unit));
    case COL_FIRR:
      return g_strdup (_("FIRR"));
    case COL_EQUITY_IRR:
      return g_strdup (C_("short column title", "Equity IRR"));
    case COL_DSCR:
      return g_strdup (C_("short column title", "Min. DSCR"));
    case COL_FISCAL:
      return g_strdup_printf (C_("short column title", "Cost to the state (%s)"),
                              unit_title (self->unit));
    case COL_CHECKS:
      return g_strdup (C_("short column title", "Checks"));
    case COL_DECISION:
    default:
      return g_strdup (_("Decision"));
    }
}

static char *
cell_text (KtPortfolioList    *self,
           const KtSubmission *s,
           Column              col)
{
  KtLang lang = kt_lang_current ();

  switch (col)
    {
    case COL_NAME:
      return s->version > 1 ? g_strdup_printf (_("%s (version %d)"), kt_submission_name (s), s->version)
                            : g_strdup (kt_submission_name (s));
    case COL_PROPOSER:
      return g_strdup (s->proposer);
    case COL_FORM:
      return g_ascii_strup (s->form ? s->form : "", -1);
    case COL_INVESTMENT:
      return kt_format_money (s->ind.total_investment, self->unit, FALSE, lang);
    case COL_NPV:
      return kt_format_money (s->ind.project_npv, self->unit, FALSE, lang);
    case COL_FIRR:
      return kt_format_percent (s->ind.project_irr, 2, lang);
    case COL_EQUITY_IRR:
      return kt_format_percent (s->ind.equity_irr, 2, lang);
    case COL_DSCR:
      return kt_format_number (s->ind.dscr_min, 2, lang);
    case COL_FISCAL:
      /* The state's flow is negative when it is a net cost: show the cost. */
      return kt_format_money (isfinite (s->ind.fiscal_npv) ? -s->ind.fiscal_npv : NAN,
                              self->unit, FALSE, lang);
    case COL_CHECKS:
      {
        GString *text = g_string_new (NULL);

        if (s->n_errors > 0)
          g_string_append_printf (text, ngettext ("%d error", "%d errors", s->n_errors),
                                  s->n_errors);
        if (s->n_legal_failed > 0)
          g_string_append_printf (text, "%s%s", text->len ? ", " : "", _("legal check failed"));
        if (s->n_claims_mismatched > 0)
          g_string_append_printf (text, "%s%s", text->len ? ", " : "", _("claims differ"));
        if (text->len == 0)
          g_string_append (text, _("passed"));
        return g_string_free (text, FALSE);
      }
    case COL_DECISION:
    default:
      if (s->next_id > 0)
        return g_strdup_printf (_("%s, superseded"), kt_decision_label (s->decision));
      return g_strdup (kt_decision_label (s->decision));
    }
}

/* A cut name shows in full as a tooltip.  Computed on hover: setting a
 * tooltip while binding asks the X server for the pointer, row after row. */
static gboolean
label_query_tooltip_cb (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  GtkLabel *label = GTK_LABEL (widget);

  (void) x;
  (void) y;
  (void) keyboard;
  (void) user_data;
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column col = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  (void) factory;
  /* Only text columns cut their text: a figure is never shown in part. */
  if (col == COL_NAME || col == COL_PROPOSER || col == COL_CHECKS || col == COL_DECISION)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), col == COL_FORM ? 0.5 : 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column col = GPOINTER_TO_INT (user_data);
  KtSubmissionItem *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  KtPortfolioList *self = g_object_get_data (G_OBJECT (factory), "kt-list");
  g_autofree char *text = cell_text (self, row->submission, col);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (col == COL_CHECKS)
    {
      gboolean bad = row->submission->n_errors > 0 || row->submission->n_legal_failed > 0;

      if (bad)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
    }
}

static void
update_titles (KtPortfolioList *self)
{
  for (int c = 0; c < N_COLS; c++)
    {
      g_autofree char *title = column_title (self, c);

      gtk_column_view_column_set_title (self->columns[c], title);
    }
}

static void
update_compare (KtPortfolioList *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (set);

  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button), n >= 2 && n <= 4);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compare_button),
                               n >= 2 && n <= 4 ? NULL : _("Select 2 to 4 submissions to compare"));
}

static const char *
drop_key (GtkDropDown      *drop,
          const KtEnumInfo *info)
{
  guint i = gtk_drop_down_get_selected (drop);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || (int) i > info->n_entries)
    return NULL;
  return info->entries[i - 1].key;
}

/* ---- callbacks ---- */

static void
filters_changed_cb (GObject         *object,
                    GParamSpec      *pspec,
                    KtPortfolioList *self)
{
  g_autoptr (GError) error = NULL;

  (void) object;
  (void) pspec;
  if (self->updating)
    return;
  /* A failure shows on the error page. */
  if (!kt_portfolio_list_reload (self, &error))
    g_debug ("portfolio list: %s", error->message);
}

static void
search_changed_cb (GtkSearchEntry  *entry,
                   KtPortfolioList *self)
{
  filters_changed_cb (G_OBJECT (entry), NULL, self);
}

static void
descending_toggled_cb (GtkToggleButton *button,
                       KtPortfolioList *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (button), gtk_toggle_button_get_active (button)
                            ? "view-sort-descending-symbolic" : "view-sort-ascending-symbolic");
  filters_changed_cb (G_OBJECT (button), NULL, self);
}

static void
view_activate_cb (GtkColumnView   *view,
                  guint            position,
                  KtPortfolioList *self)
{
  g_autoptr (KtSubmissionItem) row = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  (void) view;
  if (row != NULL)
    g_signal_emit (self, signals[SIGNAL_SUBMISSION_ACTIVATED], 0, row->submission->id);
}

static void
selection_changed_cb (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      KtPortfolioList   *self)
{
  (void) model;
  (void) position;
  (void) n_items;
  update_compare (self);
}

static void
compare_clicked_cb (GtkButton       *button,
                    KtPortfolioList *self)
{
  (void) button;
  g_signal_emit (self, signals[SIGNAL_COMPARE], 0);
}

/* ---- construction ---- */

static GtkDropDown *
enum_drop (const char       *any,
           const KtEnumInfo *info,
           const char       *tooltip)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *drop;

  gtk_string_list_append (labels, any);
  for (int i = 0; i < info->n_entries; i++)
    gtk_string_list_append (labels, _(info->entries[i].label));
  drop = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
  gtk_widget_set_tooltip_text (drop, tooltip);
  return GTK_DROP_DOWN (drop);
}

static void
kt_portfolio_list_dispose (GObject *object)
{
  KtPortfolioList *self = KT_PORTFOLIO_LIST (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  self->db = NULL;
  G_OBJECT_CLASS (kt_portfolio_list_parent_class)->dispose (object);
}

static void
kt_portfolio_list_class_init (KtPortfolioListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_portfolio_list_dispose;
  signals[SIGNAL_SUBMISSION_ACTIVATED] =
    g_signal_new ("submission-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_COMPARE] =
    g_signal_new ("compare", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kt_portfolio_list_init (KtPortfolioList *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty, *no_match;
  GtkStringList *decisions, *sort_labels;
  GtkWidget *import_button;

  self->unit = KT_MONEY_BILLION;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  /* Search, sort and Compare on one row; the filters on the next. */
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (self->search_entry, 250);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text",
                _("Search names, proposers and narratives"), NULL);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));

  sort_labels = gtk_string_list_new (NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (sorts); i++)
    gtk_string_list_append (sort_labels, _(sorts[i].label));
  self->sort_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (sort_labels), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sort_drop), _("Sort by"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->sort_drop));
  self->descending_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->descending_button), "view-sort-ascending-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->descending_button), _("Descending order"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->descending_button));
  self->compare_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Compare")));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->compare_button));
  gtk_box_append (GTK_BOX (self), bar);

  gtk_widget_set_margin_start (filters, 12);
  gtk_widget_set_margin_end (filters, 12);
  gtk_widget_set_margin_top (filters, 6);
  gtk_widget_set_margin_bottom (filters, 6);
  self->form_drop = enum_drop (_("Any form"), &kt_form_info, _("PPP form"));
  self->field_drop = enum_drop (_("Any field"), &kt_field_info,
                              C_("field of science and technology", "Field"));
  self->domain_drop = enum_drop (_("Any domain"), &kt_domain_info, _("Domain"));
  decisions = gtk_string_list_new (NULL);
  gtk_string_list_append (decisions, _("Any decision"));
  gtk_string_list_append (decisions, _("Pending"));
  gtk_string_list_append (decisions, _("Approved"));
  gtk_string_list_append (decisions, _("Returned for revision"));
  gtk_string_list_append (decisions, _("Rejected"));
  self->decision_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (decisions), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->decision_drop), _("Decision"));
  self->latest_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Latest versions only")));
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_label_set_xalign (self->count_label, 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->form_drop));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->field_drop));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->domain_drop));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->decision_drop));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->latest_check));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (self), filters);

  self->store = g_list_store_new (KT_TYPE_SUBMISSION_ITEM);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  for (int c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "kt-list", self);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (c));
      self->columns[c] = gtk_column_view_column_new (NULL, factory);
      gtk_column_view_column_set_resizable (self->columns[c], TRUE);
      if (c == COL_NAME)
        {
          gtk_column_view_column_set_expand (self->columns[c], TRUE);
          gtk_column_view_column_set_fixed_width (self->columns[c], 200);
        }
      else if (c == COL_PROPOSER)
        gtk_column_view_column_set_fixed_width (self->columns[c], 150);
      else if (c == COL_CHECKS)
        gtk_column_view_column_set_fixed_width (self->columns[c], 90);
      else if (c == COL_DECISION)
        gtk_column_view_column_set_fixed_width (self->columns[c], 130);
      gtk_column_view_append_column (self->view, self->columns[c]);
      g_object_unref (self->columns[c]);
    }
  update_titles (self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "folder-documents-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Submissions Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Import the feasibility studies (.khathi files) that enterprises "
                                     "submitted. Each is recomputed with the rule set it names, checked "
                                     "against the legal gate and scored automatically where the rubric "
                                     "allows; then you score the rest, compare and decide."));
  import_button = gtk_button_new_with_mnemonic (_("_Import Submissions…"));
  gtk_widget_set_halign (import_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (import_button, "pill");
  gtk_widget_add_css_class (import_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import_button), "win.import");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), import_button);
  no_match = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (no_match), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (no_match), _("No Submission Matches"));
  adw_status_page_set_description (ADW_STATUS_PAGE (no_match),
                                   _("Try other words or clear the filters."));
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("The Portfolio Cannot Be Read"));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, no_match, "no-match");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->sort_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect (self->form_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect (self->field_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect (self->domain_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect (self->decision_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect (self->latest_check, "notify::active", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect (self->descending_button, "toggled", G_CALLBACK (descending_toggled_cb), self);
  g_signal_connect (self->view, "activate", G_CALLBACK (view_activate_cb), self);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (self->compare_button, "clicked", G_CALLBACK (compare_clicked_cb), self);
  update_compare (self);
}

/* ---- public API ---- */

GtkWidget *
kt_portfolio_list_new (void)
{
  return g_object_new (KT_TYPE_PORTFOLIO_LIST, NULL);
}

void
kt_portfolio_list_set_db (KtPortfolioList *self,
                          KtPortfolioDb   *db)
{
  g_return_if_fail (KT_IS_PORTFOLIO_LIST (self));
  self->db = db;
  g_list_store_remove_all (self->store);
}

void
kt_portfolio_list_set_money_unit (KtPortfolioList *self,
                                  KtMoneyUnit      unit)
{
  g_return_if_fail (KT_IS_PORTFOLIO_LIST (self));
  if (self->unit == unit)
    return;
  self->unit = unit;
  update_titles (self);
  /* New rows bind with the new unit. */
  if (self->db != NULL)
    kt_portfolio_list_reload (self, NULL);
}

gboolean
kt_portfolio_list_reload (KtPortfolioList  *self,
                          GError          **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) selected = NULL;
  g_autoptr (GPtrArray) items = NULL;
  KtPortfolioQuery q;
  GError *local = NULL;
  const char *search;
  guint sort;
  gint64 total = 0;

  g_return_val_if_fail (KT_IS_PORTFOLIO_LIST (self), FALSE);
  if (self->db == NULL)
    {
      g_list_store_remove_all (self->store);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return TRUE;
    }
  kt_portfolio_query_init (&q);
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  q.search = search != NULL && *search ? search : NULL;
  q.form = drop_key (self->form_drop, &kt_form_info);
  q.field = drop_key (self->field_drop, &kt_field_info);
  q.domain = drop_key (self->domain_drop, &kt_domain_info);
  {
    guint d = gtk_drop_down_get_selected (self->decision_drop);

    q.decision = d < G_N_ELEMENTS (decision_keys) ? decision_keys[d] : NULL;
  }
  q.latest_only = gtk_check_button_get_active (self->latest_check);
  sort = gtk_drop_down_get_selected (self->sort_drop);
  q.sort = sort < G_N_ELEMENTS (sorts) ? sorts[sort].sort : KT_PORTFOLIO_SORT_ID;
  q.descending = gtk_toggle_button_get_active (self->descending_button);
  rows = kt_portfolio_db_list (self->db, &q, &local);
  if (rows == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (local->message, -1);

      g_list_store_remove_all (self->store);
      adw_status_page_set_description (self->error_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_propagate_error (error, local);
      return FALSE;
    }

  /* Keep the selection across a reload (a score changes a row's figures). */
  selected = kt_portfolio_list_get_selected_ids (self);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      KtSubmissionItem *item = g_object_new (KT_TYPE_SUBMISSION_ITEM, NULL);

      item->submission = g_steal_pointer (&rows->pdata[i]);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  if (selected->len > 0)
    kt_portfolio_list_select (self, (const gint64 *) selected->data, selected->len);

  if (items->len == 0)
    {
      KtPortfolioQuery all;
      g_autoptr (GPtrArray) any = NULL;

      kt_portfolio_query_init (&all);
      all.limit = 1;
      any = kt_portfolio_db_list (self->db, &all, NULL);
      total = any != NULL ? any->len : 0;
      gtk_stack_set_visible_child_name (self->stack, total > 0 ? "no-match" : "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  {
    g_autofree char *count = g_strdup_printf (ngettext ("%u submission", "%u submissions",
                                                        items->len),
                                              items->len);

    gtk_label_set_text (self->count_label, count);
  }
  update_compare (self);
  return TRUE;
}

void
kt_portfolio_list_set_search (KtPortfolioList *self,
                              const char      *text)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (KT_IS_PORTFOLIO_LIST (self));
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  self->updating = FALSE;
  if (!kt_portfolio_list_reload (self, &error))
    g_debug ("portfolio list: %s", error->message);
}

void
kt_portfolio_list_set_sort (KtPortfolioList *self,
                            KtPortfolioSort  sort,
                            gboolean         descending)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (KT_IS_PORTFOLIO_LIST (self));
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    if (sorts[i].sort == sort)
      gtk_drop_down_set_selected (self->sort_drop, i);
  gtk_toggle_button_set_active (self->descending_button, descending);
  self->updating = FALSE;
  if (!kt_portfolio_list_reload (self, &error))
    g_debug ("portfolio list: %s", error->message);
}

void
kt_portfolio_list_set_latest_only (KtPortfolioList *self,
                                   gboolean         latest_only)
{
  g_return_if_fail (KT_IS_PORTFOLIO_LIST (self));
  gtk_check_button_set_active (self->latest_check, latest_only);
}

guint
kt_portfolio_list_get_n_rows (KtPortfolioList *self)
{
  g_return_val_if_fail (KT_IS_PORTFOLIO_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

const KtSubmission *
kt_portfolio_list_get_row (KtPortfolioList *self,
                           guint            position)
{
  g_autoptr (KtSubmissionItem) item = NULL;

  g_return_val_if_fail (KT_IS_PORTFOLIO_LIST (self), NULL);
  item = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  /* The store keeps its own reference: the row outlives this one. */
  return item != NULL ? item->submission : NULL;
}

GArray *
kt_portfolio_list_get_selected_ids (KtPortfolioList *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        const KtSubmission *s = kt_portfolio_list_get_row (self, position);

        if (s != NULL)
          g_array_append_val (ids, s->id);
      }
    while (gtk_bitset_iter_next (&iter, &position));
  return ids;
}

void
kt_portfolio_list_select (KtPortfolioList *self,
                          const gint64    *ids,
                          guint            n_ids)
{
  g_autoptr (GtkBitset) set = gtk_bitset_new_empty ();
  g_autoptr (GtkBitset) mask = NULL;
  guint n = kt_portfolio_list_get_n_rows (self);

  for (guint i = 0; i < n; i++)
    {
      const KtSubmission *s = kt_portfolio_list_get_row (self, i);

      for (guint k = 0; k < n_ids; k++)
        if (s->id == ids[k])
          gtk_bitset_add (set, i);
    }
  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), set, mask);
  update_compare (self);
}
