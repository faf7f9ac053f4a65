/* kt-table.c — an editable table generated from the schema for a list of records
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kt-csv.h"
#include <string.h>
#include "kt-form.h"
#include "kt-table.h"
#include "kt-window.h"

/* One column: a field, an element of a series, or a language of a text. */
typedef struct {
  KtTable           *table;
  const KtFieldDesc *field;
  int                index;    /* element of a DOUBLES series, else -1 */
  const char        *lang;     /* "vi"/"en" for TEXT */
  char              *key;      /* CSV header: "amounts/1", "description/vi" */
  guint              position;
} Column;

struct _KtTable
{
  GtkBox              parent_instance;

  KtEditor           *editor;
  char               *path;
  const KtRecordDesc *desc;
  GtkStringList      *model;
  GtkSingleSelection *selection;
  GtkColumnView      *view;
  GPtrArray          *columns;     /* Column* */
  GPtrArray          *retired;     /* Column* of removed columns: factories may outlive them */
  GHashTable         *live;        /* bound cell widgets */
  GtkWidget          *nested_box;
  GtkWidget          *scrolled;
  GtkWidget          *remove_button, *up_button, *down_button, *fill_button;
  char               *shape;       /* the series columns built, to notice changes */
  guint               cursor_row, cursor_column;
};

G_DEFINE_FINAL_TYPE (KtTable, kt_table, GTK_TYPE_BOX)

static void column_free (Column *c)
{
  g_free (c->key);
  g_free (c);
}

static GArray *
get_list (KtTable *self)
{
  KtPathTarget t;

  if (!kt_path_resolve (kt_project_edit_data (kt_editor_get_project (self->editor)), self->path,
                        &t, NULL) || t.field->type != KT_FT_LIST)
    return NULL;
  return *(GArray **) kt_field_ptr (t.field, t.base);
}

static guint
list_len (KtTable *self)
{
  GArray *list = get_list (self);

  return list != NULL ? list->len : 0;
}

/* Series spread over columns: capex by construction year, ramp-up by operation year. */
static gboolean
is_year_series (const KtFieldDesc *f)
{
  return f->type == KT_FT_DOUBLES && (g_str_equal (f->name, "amounts") || g_str_equal (f->name, "ramp"));
}

static guint
series_columns (KtTable           *self,
                const KtFieldDesc *f)
{
  const KtProjectData *d = kt_project_get_data (kt_editor_get_project (self->editor));
  GArray *list = get_list (self);
  guint n = 0;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      GArray *a = *(GArray **) kt_field_ptr (f, list->data + (gsize) i * self->desc->size);

      n = MAX (n, a ? a->len : 0);
    }
  if (g_str_equal (f->name, "amounts"))
    return MAX (n, (guint) MAX (d->construction_years, 1));
  /* The last ramp value repeats: one spare column to extend it. */
  return MAX (n + 1, 3);
}

static char *
compute_shape (KtTable *self)
{
  const KtProjectData *d = kt_project_get_data (kt_editor_get_project (self->editor));
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%d", d->start_year);
  for (int i = 0; i < self->desc->n_fields; i++)
    if (is_year_series (&self->desc->fields[i]))
      g_string_append_printf (s, ",%u", series_columns (self, &self->desc->fields[i]));
  return g_string_free (s, FALSE);
}

static char *
cell_path (KtTable *self,
           Column  *c,
           guint    row)
{
  if (c->index >= 0)
    return g_strdup_printf ("%s/%u/%s/%d", self->path, row + 1, c->field->name, c->index + 1);
  if (c->lang != NULL)
    return g_strdup_printf ("%s/%u/%s/%s", self->path, row + 1, c->field->name, c->lang);
  return g_strdup_printf ("%s/%u/%s", self->path, row + 1, c->field->name);
}

static void show_error (KtTable *self, const GError *error);

/* ---- cells ---- */

static void
refresh_cell (KtTable   *self,
              GtkWidget *widget)
{
  Column *c = g_object_get_data (G_OBJECT (widget), "kt-column");
  const char *path = g_object_get_data (G_OBJECT (widget), "kt-path");
  const char *local_error = g_object_get_data (G_OBJECT (widget), "kt-local-error");
  KtProjectData *data = kt_project_edit_data (kt_editor_get_project (self->editor));
  g_autoptr(GVariant) value = NULL;
  g_autofree char *parent = NULL;

  if (path == NULL)
    return;
  value = kt_path_get (data, path, NULL);
  if (value == NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "kt-updating", GINT_TO_POINTER (1));
  if (GTK_IS_DROP_DOWN (widget))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), g_variant_get_int32 (value));
  else if (GTK_IS_CHECK_BUTTON (widget))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), g_variant_get_boolean (value));
  else if (local_error == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "kt-updating", NULL);
      kt_form_sync_editable (self->editor, c->field, path, c->index >= 0, GTK_EDITABLE (widget));
    }
  g_object_set_data (G_OBJECT (widget), "kt-updating", NULL);

  /* A problem of a whole series marks each of its cells. */
  parent = c->index >= 0 || c->lang != NULL ? g_path_get_dirname (path) : NULL;
  if (local_error == NULL && kt_editor_problem_at (self->editor, path) == NULL && parent != NULL)
    kt_form_show_problem (self->editor, widget, parent, NULL);
  else
    kt_form_show_problem (self->editor, widget, path, local_error);
}

static void
entry_changed_cb (GtkEditable *editable,
                  KtTable     *self)
{
  Column *c = g_object_get_data (G_OBJECT (editable), "kt-column");
  const char *path = g_object_get_data (G_OBJECT (editable), "kt-path");
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;

  if (path == NULL || g_object_get_data (G_OBJECT (editable), "kt-updating"))
    return;
  /* Emptying a year of a series is not an error: the value stays until typed. */
  if (!(c->index >= 0 && *text == '\0')
      && !kt_form_commit_text (self->editor, c->field, path, c->index >= 0, text, &error)
      && c->field->type != KT_FT_STRING && kt_form_text_is_incomplete (text))
    g_clear_error (&error);
  g_object_set_data_full (G_OBJECT (editable), "kt-local-error",
                          error ? g_strdup (error->message) : NULL, g_free);
  refresh_cell (self, GTK_WIDGET (editable));
}

static void
dropdown_selected_cb (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      KtTable     *self)
{
  const char *path = g_object_get_data (G_OBJECT (dropdown), "kt-path");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (path == NULL || selected == GTK_INVALID_LIST_POSITION
      || g_object_get_data (G_OBJECT (dropdown), "kt-updating"))
    return;
  kt_editor_set (self->editor, path, g_variant_new_int32 ((int) selected), FALSE, NULL);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  KtTable        *self)
{
  const char *path = g_object_get_data (G_OBJECT (check), "kt-path");

  if (path == NULL || g_object_get_data (G_OBJECT (check), "kt-updating"))
    return;
  kt_editor_set (self->editor, path, g_variant_new_boolean (gtk_check_button_get_active (check)),
                 FALSE, NULL);
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller,
                     KtTable                 *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Column *c = g_object_get_data (G_OBJECT (widget), "kt-column");
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "kt-row"));

  kt_table_set_cursor (self, row, c->position);
  gtk_single_selection_set_selected (self->selection, row);
}

static void
cell_focus_leave_cb (GtkEventControllerFocus *controller,
                     KtTable                 *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  kt_edit_stack_seal (kt_editor_get_stack (self->editor));
  g_object_set_data (G_OBJECT (widget), "kt-local-error", NULL);
  if (GTK_IS_EDITABLE (widget))
    {
      /* Show the figure as stored, grouped. */
      Column *c = g_object_get_data (G_OBJECT (widget), "kt-column");
      const char *path = g_object_get_data (G_OBJECT (widget), "kt-path");
      KtProjectData *data = kt_project_edit_data (kt_editor_get_project (self->editor));
      g_autoptr(GVariant) value = path ? kt_path_get (data, path, NULL) : NULL;

      if (value != NULL && c->field->type != KT_FT_STRING && c->field->type != KT_FT_TEXT)
        {
          g_autofree char *text = kt_form_value_text (self->editor, c->field, value);

          g_object_set_data (G_OBJECT (widget), "kt-updating", GINT_TO_POINTER (1));
          gtk_editable_set_text (GTK_EDITABLE (widget), text);
          g_object_set_data (G_OBJECT (widget), "kt-updating", NULL);
        }
      refresh_cell (self, widget);
    }
}

static void
cell_clipboard_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWidget) entry = user_data;
  KtTable *self = KT_TABLE (gtk_widget_get_ancestor (entry, KT_TYPE_TABLE));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autofree char *trimmed = NULL;

  if (text == NULL || self == NULL)
    return;
  trimmed = g_strdup (text);
  g_strchomp (trimmed);
  /* Several cells (a column or a block from a spreadsheet): the table takes them. */
  if (strpbrk (trimmed, "\t\n") != NULL)
    {
      if (!kt_table_paste_text (self, text, &error))
        show_error (self, error);
      return;
    }
  {
    GtkEditable *editable = GTK_EDITABLE (entry);
    int start, end, position;

    if (gtk_editable_get_selection_bounds (editable, &start, &end))
      gtk_editable_delete_text (editable, start, end);
    position = gtk_editable_get_position (editable);
    gtk_editable_insert_text (editable, trimmed, -1, &position);
    gtk_editable_set_position (editable, position);
  }
}

static void
cell_paste_clipboard_cb (GtkText   *text,
                         GtkWidget *entry)
{
  KtTable *self = KT_TABLE (gtk_widget_get_ancestor (entry, KT_TYPE_TABLE));
  Column *c = g_object_get_data (G_OBJECT (entry), "kt-column");
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "kt-row"));

  g_signal_stop_emission_by_name (text, "paste-clipboard");
  if (self == NULL)
    return;
  kt_table_set_cursor (self, row, c->position);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (entry), NULL, cell_clipboard_cb,
                                 g_object_ref (entry));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Column                   *c)
{
  KtTable *self = c->table;
  GtkWidget *widget;
  GtkEventController *focus;

  switch (c->field->type)
    {
    case KT_FT_ENUM:
      {
        g_autoptr(GtkStringList) model = kt_form_enum_model (c->field->enum_info);

        widget = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);
        gtk_widget_add_css_class (widget, "flat");
        g_signal_connect (widget, "notify::selected", G_CALLBACK (dropdown_selected_cb), self);
      }
      break;
    case KT_FT_BOOL:
      widget = gtk_check_button_new ();
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      g_signal_connect (widget, "toggled", G_CALLBACK (check_toggled_cb), self);
      break;
    default:
      widget = gtk_entry_new ();
      gtk_entry_set_has_frame (GTK_ENTRY (widget), FALSE);
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
      if (c->field->type == KT_FT_STRING || c->field->type == KT_FT_TEXT)
        gtk_editable_set_width_chars (GTK_EDITABLE (widget),
                                      c->field->flags & KT_FIELD_MULTILINE ? 24
                                      : g_str_equal (c->field->name, "name") ? 22
                                      : g_str_equal (c->field->name, "id") ? 5 : 12);
      else
        {
          gtk_editable_set_width_chars (GTK_EDITABLE (widget),
                                        c->field->type == KT_FT_DOUBLES && c->index < 0 ? 14 : 9);
          if (c->field->type != KT_FT_DOUBLES || c->index >= 0)
            gtk_editable_set_alignment (GTK_EDITABLE (widget), 1.0);
        }
      g_signal_connect (widget, "changed", G_CALLBACK (entry_changed_cb), self);
      /* Ctrl+V of a spreadsheet block fills the cells from here on. */
      g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (widget)), "paste-clipboard",
                        G_CALLBACK (cell_paste_clipboard_cb), widget);
      break;
    }
  gtk_widget_add_css_class (widget, "kt-cell");
  g_object_set_data (G_OBJECT (widget), "kt-column", c);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_focus_leave_cb), self);
  gtk_widget_add_controller (widget, focus);
  gtk_list_item_set_child (item, widget);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         Column                   *c)
{
  KtTable *self = c->table;
  GtkWidget *widget = gtk_list_item_get_child (item);
  guint row = gtk_list_item_get_position (item);
  g_autofree char *path = cell_path (self, c, row);
  g_autofree char *label = NULL;

  g_object_set_data_full (G_OBJECT (widget), "kt-path", g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (widget), "kt-row", GUINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (widget), "kt-local-error", NULL);
  /* Cells have no visible label of their own: name them for screen readers. */
  label = g_strdup_printf ("%s, %u", c->key, row + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_hash_table_add (self->live, widget);
  refresh_cell (self, widget);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Column                   *c)
{
  GtkWidget *widget = gtk_list_item_get_child (item);

  if (c->table->live != NULL)
    g_hash_table_remove (c->table->live, widget);
  g_object_set_data (G_OBJECT (widget), "kt-path", NULL);
}

static void
add_column (KtTable           *self,
            const KtFieldDesc *f,
            int                index,
            const char        *lang,
            const char        *title)
{
  Column *c = g_new0 (Column, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  c->table = self;
  c->field = f;
  c->index = index;
  c->lang = lang;
  c->position = self->columns->len;
  if (index >= 0)
    c->key = g_strdup_printf ("%s/%d", f->name, index + 1);
  else if (lang != NULL)
    c->key = g_strdup_printf ("%s/%s", f->name, lang);
  else
    c->key = g_strdup (f->name);
  g_ptr_array_add (self->columns, c);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), c);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), c);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), c);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, g_str_equal (f->name, "name"));
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

static void
rebuild_columns (KtTable *self)
{
  const KtProjectData *d = kt_project_get_data (kt_editor_get_project (self->editor));
  GListModel *existing = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (existing) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (existing, 0);

      gtk_column_view_remove_column (self->view, column);
    }
  g_hash_table_remove_all (self->live);
  while (self->columns->len > 0)
    g_ptr_array_add (self->retired, g_ptr_array_steal_index (self->columns, self->columns->len - 1));

  for (int i = 0; i < self->desc->n_fields; i++)
    {
      const KtFieldDesc *f = &self->desc->fields[i];
      const char *unit = kt_editor_unit_label (self->editor, f);

      if (f->type == KT_FT_LIST || f->type == KT_FT_GROUP || f->type == KT_FT_RECORD)
        continue;
      if (f->type == KT_FT_TEXT)
        {
          g_autofree char *vi = g_strdup_printf (_("%s (vi)"), _(f->label));
          g_autofree char *en = g_strdup_printf (_("%s (en)"), _(f->label));

          add_column (self, f, -1, "vi", vi);
          add_column (self, f, -1, "en", en);
        }
      else if (is_year_series (f))
        {
          guint n = series_columns (self, f);

          for (guint y = 0; y < n; y++)
            {
              g_autofree char *title = NULL;

              if (g_str_equal (f->name, "amounts"))
                /* Translators: a capex column: the calendar year and the money unit */
                title = g_strdup_printf (_("%d (%s)"), d->start_year + (int) y, unit);
              else
                /* Translators: a ramp-up column, by operation year */
                title = g_strdup_printf (_("Ramp y%u (%%)"), y + 1);
              add_column (self, f, y, NULL, title);
            }
        }
      else if (*unit != '\0')
        {
          g_autofree char *title = g_strdup_printf ("%s (%s)", _(f->label), unit);

          add_column (self, f, -1, NULL, title);
        }
      else
        add_column (self, f, -1, NULL, _(f->label));
    }
  g_free (self->shape);
  self->shape = compute_shape (self);
}

/* ---- rows and nested lists ---- */

static void
update_buttons (KtTable *self)
{
  guint n = list_len (self);
  guint selected = gtk_single_selection_get_selected (self->selection);
  gboolean has = selected != GTK_INVALID_LIST_POSITION && selected < n;

  gtk_widget_set_sensitive (self->remove_button, has);
  gtk_widget_set_sensitive (self->up_button, has && selected > 0);
  gtk_widget_set_sensitive (self->down_button, has && selected + 1 < n);
}

static void
rebuild_nested (KtTable *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->nested_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->nested_box), child);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= list_len (self))
    return;
  for (int i = 0; i < self->desc->n_fields; i++)
    {
      const KtFieldDesc *f = &self->desc->fields[i];

      if (f->type == KT_FT_LIST)
        {
          g_autofree char *path = g_strdup_printf ("%s/%u/%s", self->path, selected + 1, f->name);
          /* Translators: a list inside a row, e.g. "Overrides of row 2" */
          g_autofree char *title = g_strdup_printf (_("%s of row %u"), _(f->label), selected + 1);
          GtkWidget *label = gtk_label_new (title);

          gtk_widget_set_halign (label, GTK_ALIGN_START);
          gtk_widget_add_css_class (label, "heading");
          gtk_box_append (GTK_BOX (self->nested_box), label);
          gtk_box_append (GTK_BOX (self->nested_box), GTK_WIDGET (kt_table_new (self->editor, path)));
        }
    }
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      KtTable            *self)
{
  update_buttons (self);
  rebuild_nested (self);
}

static void
sync_rows (KtTable *self)
{
  guint n = list_len (self);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *shape = compute_shape (self);

  if (g_strcmp0 (shape, self->shape) != 0)
    rebuild_columns (self);
  /* GTK 4.8 list views report little natural height before their rows map:
   * ask for the room the rows need, up to a screenful. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scrolled),
                                              CLAMP (40 + 51 * (int) n, 90, 480));
  if (n != shown)
    {
      guint selected = gtk_single_selection_get_selected (self->selection);
      g_autofree const char **items = g_new0 (const char *, n + 1);

      for (guint i = 0; i < n; i++)
        items[i] = "";
      gtk_string_list_splice (self->model, 0, shown, items);
      if (selected != GTK_INVALID_LIST_POSITION && selected < n)
        gtk_single_selection_set_selected (self->selection, selected);
      rebuild_nested (self);
    }
}

static void
editor_refresh_cb (KtEditor   *editor,
                   const char *path,
                   KtTable    *self)
{
  GHashTableIter iter;
  gpointer widget;

  if (get_list (self) == NULL)
    return;   /* a nested table whose row went away; its parent rebuilds it */
  if (*path == '\0')
    rebuild_columns (self);
  sync_rows (self);
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    refresh_cell (self, widget);
  update_buttons (self);
}

/* ---- toolbar ---- */

static void
show_error (KtTable      *self,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (KT_IS_WINDOW (root))
    kt_window_add_toast (KT_WINDOW (root), adw_toast_new (error->message));
}

static void
add_clicked_cb (GtkButton *button,
                KtTable   *self)
{
  if (kt_edit_stack_list_append (kt_editor_get_stack (self->editor), self->path, NULL))
    kt_table_select_row (self, list_len (self) - 1);
}

static void
remove_clicked_cb (GtkButton *button,
                   KtTable   *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    kt_edit_stack_list_remove (kt_editor_get_stack (self->editor), self->path, selected, NULL);
}

static void
move (KtTable *self,
      int      delta)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected == GTK_INVALID_LIST_POSITION || (delta < 0 && selected == 0))
    return;
  if (kt_edit_stack_list_move (kt_editor_get_stack (self->editor), self->path, selected,
                               selected + delta, NULL))
    kt_table_select_row (self, selected + delta);
}

static void
up_clicked_cb (GtkButton *button,
               KtTable   *self)
{
  move (self, -1);
}

static void
down_clicked_cb (GtkButton *button,
                 KtTable   *self)
{
  move (self, 1);
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KtTable) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || !kt_table_paste_text (self, text, &error))
    if (error != NULL)
      show_error (self, error);
}

static void
paste_clicked_cb (GtkButton *button,
                  KtTable   *self)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 clipboard_read_cb, g_object_ref (self));
}

static void
fill_clicked_cb (GtkButton *button,
                 KtTable   *self)
{
  g_autoptr(GError) error = NULL;

  if (!kt_table_fill_right (self, &error))
    show_error (self, error);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    KtTable         *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_load_contents (file, NULL, &text, NULL, NULL, &error)
          || !g_utf8_validate (text, -1, NULL)
          || !kt_table_import_csv (self, text, &error))
        {
          if (error == NULL)
            g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("The file is not UTF-8 text"));
          show_error (self, error);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static GtkFileChooserNative *
csv_chooser (KtTable              *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (root), action,
                                                              accept, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV tables"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  return dialog;
}

static void
import_clicked_cb (GtkButton *button,
                   KtTable   *self)
{
  GtkFileChooserNative *dialog = csv_chooser (self, _("Import a Table"),
                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));

  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    KtTable         *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *text = kt_table_export_csv (self);
      g_autoptr(GError) error = NULL;

      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        show_error (self, error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_clicked_cb (GtkButton *button,
                   KtTable   *self)
{
  GtkFileChooserNative *dialog = csv_chooser (self, _("Export the Table"),
                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  g_autofree char *base = g_strdelimit (g_strdup (self->path), "/", '-');
  g_autofree char *name = g_strdup_printf ("%s.csv", base);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static GtkWidget *
tool_button (KtTable    *self,
             GtkBox     *box,
             const char *icon,
             const char *tooltip,
             GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  g_signal_connect (button, "clicked", callback, self);
  gtk_box_append (box, button);
  return button;
}

/* ---- GObject ---- */

static void
kt_table_dispose (GObject *object)
{
  KtTable *self = KT_TABLE (object);

  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editor, self);
      kt_editor_unregister_field (self->editor, self->path, GTK_WIDGET (self));
    }
  g_clear_object (&self->editor);
  g_clear_pointer (&self->live, g_hash_table_unref);
  G_OBJECT_CLASS (kt_table_parent_class)->dispose (object);
}

static void
kt_table_finalize (GObject *object)
{
  KtTable *self = KT_TABLE (object);

  g_free (self->path);
  g_free (self->shape);
  g_ptr_array_unref (self->columns);
  g_ptr_array_unref (self->retired);
  G_OBJECT_CLASS (kt_table_parent_class)->finalize (object);
}

static void
kt_table_class_init (KtTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_table_dispose;
  object_class->finalize = kt_table_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "kt-table");
}

static void
kt_table_init (KtTable *self)
{
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  self->live = g_hash_table_new (NULL, NULL);
}

KtTable *
kt_table_new (KtEditor   *editor,
              const char *path)
{
  KtTable *self = g_object_new (KT_TYPE_TABLE, "orientation", GTK_ORIENTATION_VERTICAL,
                                "spacing", 6, NULL);
  KtPathTarget t;
  GtkWidget *toolbar, *scrolled, *frame, *separator;

  self->editor = g_object_ref (editor);
  self->path = g_strdup (path);
  if (kt_path_resolve (kt_project_edit_data (kt_editor_get_project (editor)), path, &t, NULL)
      && t.field->type == KT_FT_LIST)
    self->desc = t.field->record;
  g_return_val_if_fail (self->desc != NULL, self);

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  tool_button (self, GTK_BOX (toolbar), "list-add-symbolic", _("Add a row"),
               G_CALLBACK (add_clicked_cb));
  self->remove_button = tool_button (self, GTK_BOX (toolbar), "list-remove-symbolic",
                                     _("Remove the selected row"), G_CALLBACK (remove_clicked_cb));
  self->up_button = tool_button (self, GTK_BOX (toolbar), "go-up-symbolic", _("Move the row up"),
                                 G_CALLBACK (up_clicked_cb));
  self->down_button = tool_button (self, GTK_BOX (toolbar), "go-down-symbolic",
                                   _("Move the row down"), G_CALLBACK (down_clicked_cb));
  separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_margin_start (separator, 6);
  gtk_widget_set_margin_end (separator, 6);
  gtk_box_append (GTK_BOX (toolbar), separator);
  tool_button (self, GTK_BOX (toolbar), "edit-paste-symbolic",
               _("Paste cells from a spreadsheet at the current cell"), G_CALLBACK (paste_clicked_cb));
  self->fill_button = tool_button (self, GTK_BOX (toolbar), "go-next-symbolic",
                                   _("Fill the following years with the current cell"),
                                   G_CALLBACK (fill_clicked_cb));
  tool_button (self, GTK_BOX (toolbar), "document-open-symbolic", _("Import rows from a CSV file"),
               G_CALLBACK (import_clicked_cb));
  tool_button (self, GTK_BOX (toolbar), "document-save-as-symbolic", _("Export the rows as CSV"),
               G_CALLBACK (export_clicked_cb));
  gtk_box_append (GTK_BOX (self), toolbar);

  self->model = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (self->selection)));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "kt-table-view");
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);

  scrolled = self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 90);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 480);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (self), frame);

  self->nested_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->nested_box, 6);
  gtk_box_append (GTK_BOX (self), self->nested_box);

  rebuild_columns (self);
  sync_rows (self);
  update_buttons (self);
  g_signal_connect (editor, "refresh", G_CALLBACK (editor_refresh_cb), self);
  kt_editor_register_field (editor, path, GTK_WIDGET (self));
  return self;
}

const char *
kt_table_get_path (KtTable *self)
{
  return self->path;
}

/* GTK 4.8 has no gtk_column_view_scroll_to (4.12): its list view's action does it. */
static GtkWidget *
inner_list_view (KtTable *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

void
kt_table_select_row (KtTable *self,
                     guint    row)
{
  GtkWidget *list_view;

  g_return_if_fail (KT_IS_TABLE (self));
  sync_rows (self);
  if (row >= list_len (self))
    return;
  gtk_single_selection_set_selected (self->selection, row);
  self->cursor_row = row;
  list_view = inner_list_view (self);
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", row);
}

guint
kt_table_get_selected (KtTable *self)
{
  return gtk_single_selection_get_selected (self->selection);
}

void
kt_table_set_cursor (KtTable *self,
                     guint    row,
                     guint    column)
{
  self->cursor_row = row;
  self->cursor_column = column;
  if (self->fill_button != NULL && column < self->columns->len)
    gtk_widget_set_sensitive (self->fill_button,
                              ((Column *) g_ptr_array_index (self->columns, column))->index >= 0);
}

guint
kt_table_get_n_columns (KtTable *self)
{
  return self->columns->len;
}

/* Stores a typed cell: text, a number in the display unit, an enum label or keyword. */
static gboolean
commit_cell (KtTable    *self,
             Column     *c,
             guint       row,
             const char *text,
             gboolean    raw,
             KtLang      lang,
             GError    **error)
{
  g_autofree char *path = cell_path (self, c, row);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  switch (c->field->type)
    {
    case KT_FT_ENUM:
      {
        int value;

        if (!kt_enum_from_key (c->field->enum_info, stripped, &value))
          {
            for (value = 0; value < c->field->enum_info->n_entries; value++)
              if (g_utf8_collate (kt_enum_label (c->field->enum_info, value), stripped) == 0)
                break;
            if (value == c->field->enum_info->n_entries)
              {
                g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_TYPE,
                             _("“%s” is not a choice of “%s”"), stripped, _(c->field->label));
                return FALSE;
              }
          }
        return kt_editor_set (self->editor, path, g_variant_new_int32 (value), FALSE, error);
      }
    case KT_FT_BOOL:
      {
        gboolean value = g_ascii_strcasecmp (stripped, "true") == 0 || g_str_equal (stripped, "1")
                         || g_utf8_collate (stripped, _("Yes")) == 0;

        return kt_editor_set (self->editor, path, g_variant_new_boolean (value), FALSE, error);
      }
    case KT_FT_STRING:
    case KT_FT_TEXT:
      return kt_editor_set (self->editor, path, g_variant_new_string (text), FALSE, error);
    default:
      if (c->index >= 0 && *stripped == '\0')
        return TRUE;
      if (raw)
        {
          double x;

          if (c->field->type == KT_FT_DOUBLES && c->index < 0)
            {
              g_auto(GStrv) parts = g_strsplit (stripped, ";", -1);
              g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

              for (guint i = 0; parts[i] != NULL; i++)
                if (*g_strstrip (parts[i]) != '\0')
                  {
                    if (!kt_parse_number (parts[i], lang, &x))
                      goto not_number;
                    g_array_append_val (values, x);
                  }
              return kt_editor_set (self->editor, path,
                                    g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, values->data,
                                                               values->len, sizeof (double)),
                                    FALSE, error);
            }
          if (c->field->type == KT_FT_INTS)
            {
              g_auto(GStrv) parts = g_strsplit (stripped, ";", -1);
              g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (int));

              for (guint i = 0; parts[i] != NULL; i++)
                if (*g_strstrip (parts[i]) != '\0')
                  {
                    int n;

                    if (!kt_parse_number (parts[i], lang, &x) || x != floor (x))
                      goto not_number;
                    n = (int) x;
                    g_array_append_val (values, n);
                  }
              return kt_editor_set (self->editor, path,
                                    g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, values->data,
                                                               values->len, sizeof (int)),
                                    FALSE, error);
            }
          if (c->field->type == KT_FT_UINT64)
            {
              guint64 n;

              if (!g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXUINT64, &n, NULL))
                goto not_number;
              return kt_editor_set (self->editor, path, g_variant_new_uint64 (n), FALSE, error);
            }
          if (!kt_parse_number (stripped, lang, &x))
            goto not_number;
          if (c->field->type == KT_FT_INT)
            {
              if (x != floor (x))
                goto not_number;
              return kt_editor_set (self->editor, path, g_variant_new_int32 ((int) x), FALSE, error);
            }
          return kt_editor_set (self->editor, path, g_variant_new_double (x), FALSE, error);
        }
      if (!kt_form_commit_text (self->editor, c->field, path, c->index >= 0, stripped, error))
        {
          if (error != NULL && *error != NULL)
            g_prefix_error (error, _("Row %u, “%s”: "), row + 1, stripped);
          return FALSE;
        }
      kt_edit_stack_seal (kt_editor_get_stack (self->editor));
      return TRUE;
    }

not_number:
  g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_TYPE, _("Row %u: “%s” is not a number"),
               row + 1, stripped);
  return FALSE;
}

gboolean
kt_table_paste_text (KtTable    *self,
                     const char *text,
                     GError    **error)
{
  KtEditStack *stack = kt_editor_get_stack (self->editor);
  g_autoptr(GPtrArray) rows = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (KT_IS_TABLE (self), FALSE);
  rows = kt_csv_parse (text, '\t', error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_TYPE, _("There is nothing to paste"));
      return FALSE;
    }
  kt_edit_stack_begin_group (stack, "paste");
  for (guint i = 0; ok && i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      guint row = self->cursor_row + i;

      while (ok && row >= list_len (self))
        ok = kt_edit_stack_list_append (stack, self->path, error);
      for (guint j = 0; ok && cells[j] != NULL; j++)
        {
          guint column = self->cursor_column + j;

          if (column >= self->columns->len)
            break;
          ok = commit_cell (self, g_ptr_array_index (self->columns, column), row, cells[j],
                            FALSE, kt_lang_current (), error);
        }
    }
  kt_edit_stack_end_group (stack);
  /* A paste is all or nothing. */
  if (!ok)
    kt_edit_stack_undo (stack);
  return ok;
}

gboolean
kt_table_fill_right (KtTable *self,
                     GError **error)
{
  KtEditStack *stack = kt_editor_get_stack (self->editor);
  KtProjectData *data = kt_project_edit_data (kt_editor_get_project (self->editor));
  Column *c;
  g_autofree char *path = NULL;
  g_autoptr(GVariant) value = NULL;

  if (self->cursor_column >= self->columns->len || self->cursor_row >= list_len (self)
      || (c = g_ptr_array_index (self->columns, self->cursor_column))->index < 0)
    {
      g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_PATH,
                   _("Click a year of a series first, then fill to the right"));
      return FALSE;
    }
  path = cell_path (self, c, self->cursor_row);
  value = kt_path_get (data, path, error);
  if (value == NULL)
    return FALSE;
  kt_edit_stack_begin_group (stack, "fill");
  for (guint j = self->cursor_column + 1; j < self->columns->len; j++)
    {
      Column *next = g_ptr_array_index (self->columns, j);
      g_autofree char *next_path = NULL;

      if (next->field != c->field)
        break;
      next_path = cell_path (self, next, self->cursor_row);
      kt_editor_set (self->editor, next_path, g_variant_ref (value), FALSE, NULL);
    }
  kt_edit_stack_end_group (stack);
  return TRUE;
}

static char *
raw_text (GVariant          *value,
          const KtFieldDesc *field)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_variant_get_double (value)));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return field->type == KT_FT_ENUM
           ? g_strdup (kt_enum_key (field->enum_info, g_variant_get_int32 (value)))
           : g_strdup_printf ("%d", g_variant_get_int32 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT64))
    return g_strdup_printf ("%" G_GUINT64_FORMAT, g_variant_get_uint64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "true" : "false");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("ad")) || g_variant_is_of_type (value, G_VARIANT_TYPE ("ai")))
    {
      GString *s = g_string_new (NULL);

      for (gsize i = 0; i < g_variant_n_children (value); i++)
        {
          g_autoptr(GVariant) one = g_variant_get_child_value (value, i);
          g_autofree char *text = raw_text (one, field);

          g_string_append_printf (s, "%s%s", i > 0 ? ";" : "", text);
        }
      return g_string_free (s, FALSE);
    }
  return g_strdup ("");
}

char *
kt_table_export_csv (KtTable *self)
{
  KtProjectData *data = kt_project_edit_data (kt_editor_get_project (self->editor));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  GArray *list = get_list (self);

  for (guint j = 0; j < self->columns->len; j++)
    g_strv_builder_add (header, ((Column *) g_ptr_array_index (self->columns, j))->key);
  g_ptr_array_add (rows, g_strv_builder_end (header));
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

      for (guint j = 0; j < self->columns->len; j++)
        {
          Column *c = g_ptr_array_index (self->columns, j);
          g_autofree char *path = cell_path (self, c, i);
          g_autoptr(GVariant) value = kt_path_get (data, path, NULL);
          g_autofree char *text = NULL;

          /* A year past the end of the series is empty, not 0. */
          if (c->index >= 0)
            {
              GArray *a = *(GArray **) kt_field_ptr (c->field, list->data + (gsize) i * self->desc->size);

              if (a == NULL || (guint) c->index >= a->len)
                g_clear_pointer (&value, g_variant_unref);
            }
          text = value ? raw_text (value, c->field) : g_strdup ("");
          g_strv_builder_add (row, text);
        }
      g_ptr_array_add (rows, g_strv_builder_end (row));
    }
  return kt_csv_format (rows, ',');
}

gboolean
kt_table_import_csv (KtTable    *self,
                     const char *text,
                     GError    **error)
{
  KtEditStack *stack = kt_editor_get_stack (self->editor);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree Column **map = NULL;
  const char *line_end = strpbrk (text, "\r\n");
  g_autofree char *first = g_strndup (text, line_end ? (gsize) (line_end - text) : strlen (text));
  KtLang lang = strchr (first, ';') != NULL && strchr (first, '\t') == NULL ? KT_LANG_VI : KT_LANG_EN;
  char **header;
  gboolean ok = TRUE;
  guint n_header;

  rows = kt_csv_parse (text, 0, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, KT_CSV_ERROR, KT_CSV_ERROR_EMPTY, _("The file is empty"));
      return FALSE;
    }
  header = g_ptr_array_index (rows, 0);
  n_header = g_strv_length (header);
  map = g_new0 (Column *, n_header);
  for (guint j = 0; j < n_header; j++)
    for (guint k = 0; k < self->columns->len; k++)
      {
        Column *c = g_ptr_array_index (self->columns, k);

        if (g_str_equal (g_strstrip (header[j]), c->key))
          map[j] = c;
      }
  /* Series columns past those shown: "amounts/5" when 4 years are shown. */
  for (guint j = 0; j < n_header; j++)
    if (map[j] == NULL && strchr (header[j], '/') == NULL
        && kt_record_find_field (self->desc, header[j]) == NULL)
      {
        g_set_error (error, KT_CSV_ERROR, KT_CSV_ERROR_SYNTAX,
                     _("The column “%s” is not a field of this table"), header[j]);
        return FALSE;
      }

  kt_edit_stack_begin_group (stack, "import");
  while (ok && list_len (self) > 0)
    ok = kt_edit_stack_list_remove (stack, self->path, list_len (self) - 1, error);
  for (guint i = 1; ok && i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      ok = kt_edit_stack_list_append (stack, self->path, error);
      for (guint j = 0; ok && j < n_header && cells[j] != NULL; j++)
        {
          if (map[j] != NULL)
            ok = commit_cell (self, map[j], i - 1, cells[j], TRUE, lang, error);
          else
            {
              /* A year beyond the columns shown. */
              g_autofree char *path = g_strdup_printf ("%s/%u/%s", self->path, i, header[j]);
              KtPathTarget t;
              double x;

              if (*g_strstrip (cells[j]) == '\0')
                continue;
              if (!kt_path_resolve (kt_project_edit_data (kt_editor_get_project (self->editor)),
                                    path, &t, error)
                  || !kt_parse_number (cells[j], lang, &x))
                {
                  if (error != NULL && *error == NULL)
                    g_set_error (error, KT_CSV_ERROR, KT_CSV_ERROR_NUMBER,
                                 _("Row %u: “%s” is not a number"), i, cells[j]);
                  ok = FALSE;
                  break;
                }
              ok = kt_editor_set (self->editor, path, g_variant_new_double (x), FALSE, error);
            }
        }
    }
  kt_edit_stack_end_group (stack);
  if (!ok)
    kt_edit_stack_undo (stack);
  return ok;
}
