/* kt-statement-view.c — the engine's statements year by year, copyable as TSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView (GTK 4.8: GtkSignalListItemFactory, no GtkColumnViewCell)
 * over a GtkStringList of row indices into the current KtModelTable; the
 * year columns are rebuilt only when the timeline changes.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kt-application.h"
#include "kt-format.h"
#include "kt-statement-view.h"

/* In screen order; titles as the engine names them (kt-model-tables.c). */
static const struct {
  const char *name;
  const char *title;
} statements[] = {
  { "income", N_("Income statement") },
  { "cashflow", N_("Cash-flow statement") },
  { "balance", N_("Balance sheet") },
  { "sources-uses", N_("Sources and uses of funds") },
  { "debt", N_("Debt") },
  { "tax", N_("Corporate income tax") },
  { "state", N_("The state's fiscal flow") },
  { "equity", N_("Equity cash flow") },
  { "depreciation", N_("Depreciation") },
  { "flows", N_("Project, equity, state and economic flows") },
};

struct _KtStatementView
{
  GtkWidget            parent_instance;

  GtkWidget           *box;
  GtkDropDown         *selector;
  GtkColumnView       *columns;
  GtkLabel            *unit;
  GtkStringList       *rows;
  GSettings           *settings;     /* the application's, while rooted in one of its windows */
  KtMoneyUnit          money_unit;

  const KtModel       *model;
  const KtProjectData *data;
  KtModelTable        *table;
  int                  n_year_columns;
  int                  first_year;
  gboolean             dirty;
};

G_DEFINE_FINAL_TYPE (KtStatementView, kt_statement_view, GTK_TYPE_WIDGET)

static const KtModelRow *
item_row (KtStatementView *self,
          GtkListItem     *item)
{
  GtkStringObject *obj = gtk_list_item_get_item (item);
  guint i;

  if (obj == NULL || self->table == NULL)
    return NULL;
  i = (guint) atoi (gtk_string_object_get_string (obj));
  return i < self->table->rows->len ? g_ptr_array_index (self->table->rows, i) : NULL;
}

static char *
format_cell (const KtModelRow *row,
             double            value,
             KtMoneyUnit       unit)
{
  KtLang lang = kt_lang_current ();

  if (!isfinite (value))
    return g_strdup (row->kind == KT_MODEL_ROW_MONEY ? "" : KT_FORMAT_NO_VALUE);
  switch (row->kind)
    {
    case KT_MODEL_ROW_RATIO:
      return kt_format_number (value, 2, lang);
    case KT_MODEL_ROW_RATE:
      return kt_format_percent (value, 2, lang);
    case KT_MODEL_ROW_MONEY:
    default:
      return kt_format_money (value, unit, FALSE, lang);
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = GPOINTER_TO_INT (user_data) >= 0;

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  int year = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  KtStatementView *self = g_object_get_data (G_OBJECT (factory), "view");
  const KtModelRow *row = item_row (self, item);
  g_autofree char *text = NULL;

  if (row == NULL)
    text = g_strdup ("");
  else if (year < 0)
    text = g_strdup (row->label);
  else if (year < self->table->n_years)
    text = format_cell (row, row->values[year], self->money_unit);
  else
    text = g_strdup ("");
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, year < 0 && row != NULL ? row->label : NULL);
  if (row != NULL && row->total)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static GtkColumnViewColumn *
column_new (KtStatementView *self,
            const char      *title,
            int              year)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "view", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (year));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (year));
  column = gtk_column_view_column_new (title, factory);
  if (year < 0)
    {
      gtk_column_view_column_set_fixed_width (column, 300);
      gtk_column_view_column_set_resizable (column, TRUE);
    }
  else
    gtk_column_view_column_set_fixed_width (column, 110);
  return column;
}

static void
rebuild_columns (KtStatementView *self,
                 int              n_years,
                 int              first_year)
{
  GListModel *cols = gtk_column_view_get_columns (self->columns);

  if (self->n_year_columns == n_years && self->first_year == first_year
      && g_list_model_get_n_items (cols) > 0)
    return;
  while (g_list_model_get_n_items (cols) > 0)
    {
      g_autoptr (GtkColumnViewColumn) c = g_list_model_get_item (cols, 0);
      gtk_column_view_remove_column (self->columns, c);
    }
  {
    g_autoptr (GtkColumnViewColumn) c = column_new (self, _("Item"), -1);
    gtk_column_view_append_column (self->columns, c);
  }
  for (int t = 0; t < n_years; t++)
    {
      char year[16];
      g_autoptr (GtkColumnViewColumn) c = NULL;

      g_snprintf (year, sizeof year, "%d", first_year + t);
      c = column_new (self, year, t);
      gtk_column_view_append_column (self->columns, c);
    }
  self->n_year_columns = n_years;
  self->first_year = first_year;
}

static void
rebuild (KtStatementView *self)
{
  guint sel = gtk_drop_down_get_selected (self->selector);
  g_autoptr (GPtrArray) indices = g_ptr_array_new_with_free_func (g_free);

  self->dirty = FALSE;
  g_clear_pointer (&self->table, kt_model_table_free);
  if (self->model != NULL && self->data != NULL && sel < G_N_ELEMENTS (statements))
    self->table = kt_model_table_new (self->model, self->data, statements[sel].name);
  if (self->table != NULL)
    {
      rebuild_columns (self, self->table->n_years, self->table->start_year);
      for (guint i = 0; i < self->table->rows->len; i++)
        g_ptr_array_add (indices, g_strdup_printf ("%u", i));
    }
  g_ptr_array_add (indices, NULL);
  /* Replacing every item rebinds the visible cells with the new figures. */
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          (const char * const *) indices->pdata);
}

static void
selector_changed_cb (GtkDropDown     *dropdown,
                     GParamSpec      *pspec,
                     KtStatementView *self)
{
  rebuild (self);
}

static void
map_cb (GtkWidget       *widget,
        KtStatementView *self)
{
  if (self->dirty)
    rebuild (self);
}

static void
copy_clicked_cb (GtkButton       *button,
                 KtStatementView *self)
{
  g_autofree char *tsv = kt_statement_view_to_tsv (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), tsv);
}

static void
show_unit (KtStatementView *self)
{
  const char *text;

  switch (self->money_unit)
    {
    case KT_MONEY_DONG:
      text = _("Đồng; costs and cash going out are negative");
      break;
    case KT_MONEY_MILLION:
      text = _("Million ₫; costs and cash going out are negative");
      break;
    case KT_MONEY_BILLION:
    default:
      text = _("Billion ₫; costs and cash going out are negative");
      break;
    }
  gtk_label_set_label (self->unit, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->unit), text);
}

static void
money_unit_changed_cb (GSettings       *settings,
                       const char      *key,
                       KtStatementView *self)
{
  KtMoneyUnit unit = kt_money_unit_from_settings (settings);

  if (unit == self->money_unit)
    return;
  self->money_unit = unit;
  show_unit (self);
  if (self->table != NULL)
    rebuild (self);
}

/* The preference lives in the application's settings, found through the
 * window the view is put in. */
static void
kt_statement_view_root (GtkWidget *widget)
{
  KtStatementView *self = KT_STATEMENT_VIEW (widget);
  GtkRoot *root;
  GtkApplication *app = NULL;

  GTK_WIDGET_CLASS (kt_statement_view_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    app = gtk_window_get_application (GTK_WINDOW (root));
  if (KT_IS_APPLICATION (app))
    {
      self->settings = g_object_ref (kt_application_get_settings (KT_APPLICATION (app)));
      g_signal_connect (self->settings, "changed::money-unit",
                        G_CALLBACK (money_unit_changed_cb), self);
      money_unit_changed_cb (self->settings, "money-unit", self);
    }
}

static void
forget_settings (KtStatementView *self)
{
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
}

static void
kt_statement_view_unroot (GtkWidget *widget)
{
  forget_settings (KT_STATEMENT_VIEW (widget));
  GTK_WIDGET_CLASS (kt_statement_view_parent_class)->unroot (widget);
}

static void
kt_statement_view_dispose (GObject *object)
{
  KtStatementView *self = KT_STATEMENT_VIEW (object);

  forget_settings (self);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->table, kt_model_table_free);
  G_OBJECT_CLASS (kt_statement_view_parent_class)->dispose (object);
}

static void
kt_statement_view_class_init (KtStatementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_statement_view_dispose;
  widget_class->root = kt_statement_view_root;
  widget_class->unroot = kt_statement_view_unroot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ktstatementview");
}

static void
kt_statement_view_init (KtStatementView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *copy = gtk_button_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);
  GtkNoSelection *selection;

  for (gsize i = 0; i < G_N_ELEMENTS (statements); i++)
    gtk_string_list_append (titles, _(statements[i].title));
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->selector = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (titles)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->selector), _("Statement"));
  self->money_unit = KT_MONEY_BILLION;
  self->unit = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->unit), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->unit), "caption");
  gtk_widget_set_hexpand (GTK_WIDGET (self->unit), TRUE);
  gtk_label_set_ellipsize (self->unit, PANGO_ELLIPSIZE_END);
  show_unit (self);
  gtk_label_set_xalign (self->unit, 0);
  {
    GtkWidget *content = adw_button_content_new ();

    adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "edit-copy-symbolic");
    adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Copy"));
    adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
    gtk_button_set_child (GTK_BUTTON (copy), content);
  }
  gtk_widget_set_tooltip_text (copy, _("Copy the table as tab-separated values, for a spreadsheet"));
  gtk_widget_set_name (copy, "copy");
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->selector));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->unit));
  gtk_box_append (GTK_BOX (bar), copy);

  self->rows = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (self->rows));
  self->columns = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_row_separators (self->columns, TRUE);
  gtk_column_view_set_show_column_separators (self->columns, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->columns), "data-table");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->columns));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");

  gtk_box_append (GTK_BOX (self->box), bar);
  gtk_box_append (GTK_BOX (self->box), scrolled);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  g_signal_connect (self->selector, "notify::selected", G_CALLBACK (selector_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), self);
}

GtkWidget *
kt_statement_view_new (void)
{
  return g_object_new (KT_TYPE_STATEMENT_VIEW, NULL);
}

void
kt_statement_view_update (KtStatementView     *self,
                          const KtModel       *model,
                          const KtProjectData *data)
{
  g_return_if_fail (KT_IS_STATEMENT_VIEW (self));
  self->model = model;
  self->data = data;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || model == NULL)
    rebuild (self);
  else
    self->dirty = TRUE;
}

void
kt_statement_view_set_table (KtStatementView *self,
                             const char      *name)
{
  g_return_if_fail (KT_IS_STATEMENT_VIEW (self));
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if (g_str_equal (statements[i].name, name))
      gtk_drop_down_set_selected (self->selector, i);
  if (self->dirty)
    rebuild (self);
}

char *
kt_statement_view_to_tsv (KtStatementView *self)
{
  GString *out = g_string_new (NULL);
  KtLang lang = kt_lang_current ();

  g_return_val_if_fail (KT_IS_STATEMENT_VIEW (self), NULL);
  if (self->dirty)
    rebuild (self);
  if (self->table == NULL)
    return g_string_free (out, FALSE);
  g_string_append (out, self->table->title);
  for (int t = 0; t < self->table->n_years; t++)
    g_string_append_printf (out, "\t%d", self->table->start_year + t);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < self->table->rows->len; i++)
    {
      const KtModelRow *row = g_ptr_array_index (self->table->rows, i);

      g_string_append (out, row->label);
      for (int t = 0; t < self->table->n_years; t++)
        {
          double v = row->values[t];

          g_string_append_c (out, '\t');
          if (!isfinite (v))
            continue;
          if (row->kind == KT_MODEL_ROW_MONEY)
            g_string_append_printf (out, "%.0f", fabs (v) < 0.5 ? 0.0 : v);   /* no "-0" */
          else
            {
              /* Plain digits in the UI language's decimal mark, no grouping,
               * so a spreadsheet in that locale reads a number. */
              char buf[G_ASCII_DTOSTR_BUF_SIZE];
              char *p;

              g_ascii_formatd (buf, sizeof buf, "%.6f", v);
              if (lang == KT_LANG_VI && (p = strchr (buf, '.')) != NULL)
                *p = ',';
              g_string_append (out, buf);
            }
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
kt_statement_view_get_cell_text (KtStatementView *self,
                                 guint            row,
                                 int              year)
{
  const KtModelRow *r;

  g_return_val_if_fail (KT_IS_STATEMENT_VIEW (self), NULL);
  if (self->dirty)
    rebuild (self);
  if (self->table == NULL || row >= self->table->rows->len || year < 0
      || year >= self->table->n_years)
    return NULL;
  r = g_ptr_array_index (self->table->rows, row);
  return format_cell (r, r->values[year], self->money_unit);
}

const char *
kt_statement_view_get_unit_text (KtStatementView *self)
{
  g_return_val_if_fail (KT_IS_STATEMENT_VIEW (self), NULL);
  return gtk_label_get_label (self->unit);
}
