/* kt-form.c — forms generated from the schema: one row per field of a record or group
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kt-form.h"
#include "kt-format.h"
#include "kt-table.h"

/* One row of a form and the path it edits. */
typedef struct {
  KtEditor          *editor;
  const KtFieldDesc *field;
  char              *path;
  GtkWidget         *row;
  GtkWidget         *editor_widget;  /* entry row, spin button, switch or combo row */
  GtkWidget         *problem_icon;
  GtkWidget         *assumption_tag;
  GtkWidget         *unit_label;
  char              *local_error;
  gboolean           updating;
} FormRow;

static void
form_row_free (FormRow *r)
{
  g_free (r->path);
  g_free (r->local_error);
  g_free (r);
}

/* ---- values as text ---- */

static GVariant *
text_to_variant (KtEditor          *editor,
                 const KtFieldDesc *field,
                 gboolean           element,
                 const char        *text,
                 GError           **error)
{
  switch (field->type)
    {
    case KT_FT_STRING:
    case KT_FT_TEXT:
      return g_variant_new_string (text);
    case KT_FT_UINT64:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        guint64 n;

        if (!g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXUINT64, &n, NULL))
          break;
        return g_variant_new_uint64 (n);
      }
    case KT_FT_DOUBLE:
    case KT_FT_INT:
      {
        double x;

        if (!kt_editor_parse_number (editor, field, text, &x))
          break;
        if (field->type == KT_FT_INT)
          {
            if (x != floor (x) || fabs (x) > G_MAXINT)
              break;
            return g_variant_new_int32 ((int) x);
          }
        return g_variant_new_double (x);
      }
    case KT_FT_DOUBLES:
    case KT_FT_INTS:
      {
        gboolean dbl = field->type == KT_FT_DOUBLES;
        g_auto(GStrv) parts = NULL;
        g_autoptr(GArray) values = NULL;
        double x;

        if (element)
          {
            if (!kt_editor_parse_number (editor, field, text, &x) || (!dbl && x != floor (x)))
              break;
            return dbl ? g_variant_new_double (x) : g_variant_new_int32 ((int) x);
          }
        parts = g_strsplit (text, ";", -1);
        values = g_array_new (FALSE, FALSE, dbl ? sizeof (double) : sizeof (int));
        for (guint i = 0; parts[i] != NULL; i++)
          {
            g_strstrip (parts[i]);
            if (parts[i][0] == '\0' && parts[i + 1] == NULL)
              continue;
            if (!kt_editor_parse_number (editor, field, parts[i], &x) || (!dbl && x != floor (x)))
              {
                g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_TYPE,
                             _("“%s” is not a number"), parts[i]);
                return NULL;
              }
            if (dbl)
              g_array_append_val (values, x);
            else
              {
                int n = (int) x;
                g_array_append_val (values, n);
              }
          }
        return g_variant_new_fixed_array (dbl ? G_VARIANT_TYPE_DOUBLE : G_VARIANT_TYPE_INT32,
                                          values->data, values->len,
                                          dbl ? sizeof (double) : sizeof (int));
      }
    default:
      break;
    }
  g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_TYPE,
               field->type == KT_FT_INT || field->type == KT_FT_INTS || field->type == KT_FT_UINT64
               ? _("Enter a whole number") : _("Enter a number"));
  return NULL;
}

char *
kt_form_value_text (KtEditor          *editor,
                    const KtFieldDesc *field,
                    GVariant          *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return kt_editor_format_number (editor, field, g_variant_get_double (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    {
      if (field->type == KT_FT_ENUM)
        return g_strdup (kt_enum_label (field->enum_info, g_variant_get_int32 (value)));
      if (field->unit == KT_UNIT_YEAR || field->type == KT_FT_INTS)
        return g_strdup_printf ("%d", g_variant_get_int32 (value));
      return kt_editor_format_number (editor, field, g_variant_get_int32 (value));
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT64))
    return g_strdup_printf ("%" G_GUINT64_FORMAT, g_variant_get_uint64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("ad")))
    {
      gsize n;
      const double *x = g_variant_get_fixed_array (value, &n, sizeof (double));
      GString *s = g_string_new (NULL);

      for (gsize i = 0; i < n; i++)
        {
          g_autofree char *one = kt_editor_format_number (editor, field, x[i]);

          g_string_append_printf (s, "%s%s", i > 0 ? "; " : "", one);
        }
      return g_string_free (s, FALSE);
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("ai")))
    {
      gsize n;
      const gint32 *x = g_variant_get_fixed_array (value, &n, sizeof (gint32));
      GString *s = g_string_new (NULL);

      for (gsize i = 0; i < n; i++)
        g_string_append_printf (s, "%s%d", i > 0 ? "; " : "", x[i]);
      return g_string_free (s, FALSE);
    }
  return g_strdup ("");
}

gboolean
kt_form_commit_text (KtEditor          *editor,
                     const KtFieldDesc *field,
                     const char        *path,
                     gboolean           element,
                     const char        *text,
                     GError           **error)
{
  GVariant *value = text_to_variant (editor, field, element, text, error);

  if (value == NULL)
    return FALSE;
  return kt_editor_set (editor, path, value, TRUE, error);
}

void
kt_form_sync_editable (KtEditor          *editor,
                       const KtFieldDesc *field,
                       const char        *path,
                       gboolean           element,
                       GtkEditable       *editable)
{
  KtProjectData *data = kt_project_edit_data (kt_editor_get_project (editor));
  g_autoptr(GVariant) value = kt_path_get (data, path, NULL);
  g_autoptr(GVariant) shown = NULL;
  g_autofree char *text = NULL;
  const char *current = gtk_editable_get_text (editable);

  if (value == NULL)
    return;
  /* An element past the end of its array is empty, not 0. */
  if (element && g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      KtPathTarget t;

      if (kt_path_resolve (data, path, &t, NULL))
        {
          GArray *a = *(GArray **) kt_field_ptr (t.field, t.base);

          if (a == NULL || (guint) t.index >= a->len)
            {
              if (*current != '\0')
                {
                  g_object_set_data (G_OBJECT (editable), "kt-updating", GINT_TO_POINTER (1));
                  gtk_editable_set_text (editable, "");
                  g_object_set_data (G_OBJECT (editable), "kt-updating", NULL);
                }
              return;
            }
        }
    }
  shown = text_to_variant (editor, field, element, current, NULL);
  if (shown != NULL && g_variant_equal (g_variant_ref_sink (shown), value))
    return;
  text = kt_form_value_text (editor, field, value);
  if (g_strcmp0 (text, current) == 0)
    return;
  g_object_set_data (G_OBJECT (editable), "kt-updating", GINT_TO_POINTER (1));
  gtk_editable_set_text (editable, text);
  g_object_set_data (G_OBJECT (editable), "kt-updating", NULL);
}

void
kt_form_show_problem (KtEditor   *editor,
                      GtkWidget  *widget,
                      const char *path,
                      const char *local_error)
{
  const KtProblem *problem = kt_editor_problem_at (editor, path);
  gboolean error = local_error != NULL || (problem && problem->severity == KT_SEVERITY_ERROR);
  gboolean warning = !error && problem && problem->severity == KT_SEVERITY_WARNING;

  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  if (warning)
    gtk_widget_add_css_class (widget, "warning");
  else
    gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_set_tooltip_text (widget, local_error ? local_error
                                       : problem ? problem->message : NULL);
}

/* ---- rows ---- */

static void
form_row_refresh (FormRow *r)
{
  KtProjectData *data = kt_project_edit_data (kt_editor_get_project (r->editor));
  const KtProblem *problem = kt_editor_problem_at (r->editor, r->path);
  const char *message = r->local_error ? r->local_error : problem ? problem->message : NULL;
  g_autoptr(GVariant) value = kt_path_get (data, r->path, NULL);

  if (value == NULL)
    return;
  r->updating = TRUE;
  switch (r->field->type)
    {
    case KT_FT_BOOL:
      gtk_switch_set_active (GTK_SWITCH (r->editor_widget), g_variant_get_boolean (value));
      break;
    case KT_FT_ENUM:
      adw_combo_row_set_selected (ADW_COMBO_ROW (r->row), g_variant_get_int32 (value));
      break;
    case KT_FT_INT:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (r->editor_widget), g_variant_get_int32 (value));
      break;
    default:
      if (r->local_error == NULL)
        kt_form_sync_editable (r->editor, r->field, r->path, FALSE, GTK_EDITABLE (r->row));
      break;
    }
  r->updating = FALSE;

  if (ADW_IS_ACTION_ROW (r->row) && !ADW_IS_COMBO_ROW (r->row))
    {
      /* Action and combo rows show the message under the title. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (r->row), message ? message : "");
    }
  kt_form_show_problem (r->editor, r->row, r->path, r->local_error);
  gtk_widget_set_visible (r->problem_icon, message != NULL);
  gtk_image_set_from_icon_name (GTK_IMAGE (r->problem_icon),
                                r->local_error || (problem && problem->severity == KT_SEVERITY_ERROR)
                                ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_tooltip_text (r->problem_icon, message);
  gtk_widget_set_visible (r->assumption_tag, kt_editor_is_assumption (r->editor, r->path));
  if (r->unit_label != NULL)
    gtk_label_set_text (GTK_LABEL (r->unit_label), kt_editor_unit_label (r->editor, r->field));
  if (r->field->unit == KT_UNIT_VND && GTK_IS_EDITABLE (r->row))
    {
      g_autoptr(GVariant) v = kt_path_get (data, r->path, NULL);

      if (v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE) && r->local_error == NULL)
        {
          g_autofree char *exact = kt_format_money (g_variant_get_double (v), KT_MONEY_DONG,
                                                    TRUE, kt_lang_current ());
          gtk_widget_set_tooltip_text (r->row, message ? message : exact);
        }
    }
}

static void
set_local_error (FormRow      *r,
                 const GError *error)
{
  g_free (r->local_error);
  r->local_error = error ? g_strdup (error->message) : NULL;
}

gboolean
kt_form_text_is_incomplete (const char *text)
{
  gsize n = strlen (text);

  /* "1." or "-" while typing "1.234" or "-5": not an error yet. */
  return n > 0 && strchr (".,-+(;", text[n - 1]) != NULL;
}

static void
entry_row_changed_cb (GtkEditable *editable,
                      FormRow     *r)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (editable);

  if (r->updating || g_object_get_data (G_OBJECT (editable), "kt-updating"))
    return;
  if (!kt_form_commit_text (r->editor, r->field, r->path, FALSE, text, &error)
      && r->field->type != KT_FT_STRING && kt_form_text_is_incomplete (text))
    g_clear_error (&error);
  set_local_error (r, error);
  form_row_refresh (r);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                FormRow                 *r)
{
  kt_edit_stack_seal (kt_editor_get_stack (r->editor));
  /* Show the figure as the document now holds it, grouped. */
  if (r->local_error == NULL && GTK_IS_EDITABLE (r->row) && r->field->type != KT_FT_STRING
      && r->field->type != KT_FT_TEXT)
    {
      KtProjectData *data = kt_project_edit_data (kt_editor_get_project (r->editor));
      g_autoptr(GVariant) value = kt_path_get (data, r->path, NULL);
      g_autofree char *text = value ? kt_form_value_text (r->editor, r->field, value) : NULL;

      if (text != NULL && g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (r->row))) != 0)
        {
          r->updating = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (r->row), text);
          r->updating = FALSE;
        }
    }
}

static void
spin_value_changed_cb (GtkSpinButton *spin,
                       FormRow       *r)
{
  g_autoptr(GError) error = NULL;

  if (r->updating)
    return;
  kt_editor_set (r->editor, r->path,
                 g_variant_new_int32 (gtk_spin_button_get_value_as_int (spin)), TRUE, &error);
  set_local_error (r, error);
  form_row_refresh (r);
}

static void
switch_active_cb (GtkSwitch  *sw,
                  GParamSpec *pspec,
                  FormRow    *r)
{
  if (r->updating)
    return;
  kt_editor_set (r->editor, r->path, g_variant_new_boolean (gtk_switch_get_active (sw)),
                 FALSE, NULL);
}

static void
combo_selected_cb (AdwComboRow *combo,
                   GParamSpec  *pspec,
                   FormRow     *r)
{
  guint selected = adw_combo_row_get_selected (combo);

  if (r->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  kt_editor_set (r->editor, r->path, g_variant_new_int32 ((int) selected), FALSE, NULL);
}

GtkStringList *
kt_form_enum_model (const KtEnumInfo *info)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = 0; i < info->n_entries; i++)
    gtk_string_list_append (list, kt_enum_label (info, i));
  return list;
}

static GtkWidget *
create_row (KtEditor          *editor,
            const KtFieldDesc *field,
            const char        *path,
            const char        *title,
            GPtrArray         *rows)
{
  FormRow *r = g_new0 (FormRow, 1);
  const char *unit = kt_editor_unit_label (editor, field);
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *focus;

  r->editor = editor;
  r->field = field;
  r->path = g_strdup (path);
  r->problem_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (r->problem_icon, "kt-problem-icon");
  r->assumption_tag = gtk_label_new (_("Assumption"));
  gtk_widget_add_css_class (r->assumption_tag, "kt-assumption-tag");
  gtk_widget_set_valign (r->assumption_tag, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (r->assumption_tag,
                               _("A default filled in by the assistant: review it"));
  gtk_box_append (GTK_BOX (suffix), r->assumption_tag);
  gtk_box_append (GTK_BOX (suffix), r->problem_icon);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);

  switch (field->type)
    {
    case KT_FT_BOOL:
      r->row = adw_action_row_new ();
      r->editor_widget = gtk_switch_new ();
      gtk_widget_set_valign (r->editor_widget, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), suffix);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), r->editor_widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (r->row), r->editor_widget);
      g_signal_connect (r->editor_widget, "notify::active", G_CALLBACK (switch_active_cb), r);
      break;
    case KT_FT_ENUM:
      {
        g_autoptr(GtkStringList) model = kt_form_enum_model (field->enum_info);

        r->row = adw_combo_row_new ();
        r->editor_widget = r->row;
        adw_combo_row_set_model (ADW_COMBO_ROW (r->row), G_LIST_MODEL (model));
        /* Long choices ("BOT (build–operate–transfer)") read in full under the title;
         * a problem shows as the icon. */
        adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (r->row), TRUE);
        adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), suffix);
        g_signal_connect (r->row, "notify::selected", G_CALLBACK (combo_selected_cb), r);
      }
      break;
    case KT_FT_INT:
      {
        GtkAdjustment *adjustment = gtk_adjustment_new (field->def, field->min, field->max,
                                                        1, 5, 0);

        r->row = adw_action_row_new ();
        r->editor_widget = gtk_spin_button_new (adjustment, 1, 0);
        gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (r->editor_widget), TRUE);
        gtk_widget_set_valign (r->editor_widget, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), suffix);
        adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), r->editor_widget);
        if (*unit != '\0')
          {
            GtkWidget *label = gtk_label_new (unit);

            gtk_widget_add_css_class (label, "dim-label");
            adw_action_row_add_suffix (ADW_ACTION_ROW (r->row), label);
          }
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (r->row), r->editor_widget);
        g_signal_connect (r->editor_widget, "value-changed", G_CALLBACK (spin_value_changed_cb), r);
      }
      break;
    default:
      r->row = adw_entry_row_new ();
      r->editor_widget = r->row;
      /* Ctrl+Z is the document's undo, not the entry's. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (r->row), FALSE);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (r->row), suffix);
      if (*unit != '\0')
        {
          r->unit_label = gtk_label_new (unit);
          gtk_widget_add_css_class (r->unit_label, "dim-label");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (r->row), r->unit_label);
        }
      if (field->type == KT_FT_DOUBLES || field->type == KT_FT_INTS)
        gtk_widget_set_tooltip_text (r->row, _("Values by year, separated by “;”"));
      g_signal_connect (r->row, "changed", G_CALLBACK (entry_row_changed_cb), r);
      break;
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (r->row), FALSE);
  g_object_set_data (G_OBJECT (r->row), "kt-path", r->path);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), r);
  gtk_widget_add_controller (r->row, focus);
  kt_editor_register_field (editor, path, r->row);
  g_ptr_array_add (rows, r);
  form_row_refresh (r);
  return r->row;
}

static void
editor_refresh_cb (KtEditor   *editor,
                   const char *path,
                   GtkWidget  *box)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (box), "kt-form-rows");

  for (guint i = 0; i < rows->len; i++)
    form_row_refresh (g_ptr_array_index (rows, i));
}

/* ---- long texts (notes): a text view, as the chapters ---- */

typedef struct {
  KtEditor    *editor;
  char        *path;
  GtkTextView *view;
  gboolean     updating;
} LongText;

static void
long_text_free (LongText *t)
{
  g_free (t->path);
  g_free (t);
}

static void
long_text_refresh (LongText *t)
{
  KtProjectData *data = kt_project_edit_data (kt_editor_get_project (t->editor));
  g_autoptr(GVariant) value = kt_path_get (data, t->path, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (t->view);
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  if (value == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (shown, g_variant_get_string (value, NULL)) != 0)
    {
      t->updating = TRUE;
      gtk_text_buffer_set_text (buffer, g_variant_get_string (value, NULL), -1);
      t->updating = FALSE;
    }
}

static void
long_text_changed_cb (GtkTextBuffer *buffer,
                      LongText      *t)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (t->updating)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  kt_editor_set (t->editor, t->path, g_variant_new_string (text), TRUE, NULL);
}

static void
long_text_refresh_cb (KtEditor   *editor,
                      const char *path,
                      GtkWidget  *view)
{
  long_text_refresh (g_object_get_data (G_OBJECT (view), "kt-long-text"));
}

static void
long_text_leave_cb (GtkEventControllerFocus *controller,
                    LongText                *t)
{
  kt_edit_stack_seal (kt_editor_get_stack (t->editor));
}

static GtkWidget *
create_long_text (KtEditor          *editor,
                  const KtFieldDesc *field,
                  const char        *path)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  LongText *t = g_new0 (LongText, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkTextBuffer *buffer;

  t->editor = editor;
  t->path = g_strdup (path);
  t->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (t->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (t->view, 12);
  gtk_text_view_set_bottom_margin (t->view, 12);
  gtk_text_view_set_left_margin (t->view, 12);
  gtk_text_view_set_right_margin (t->view, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (t->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(field->label), -1);
  buffer = gtk_text_view_get_buffer (t->view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_object_set_data_full (G_OBJECT (t->view), "kt-long-text", t, (GDestroyNotify) long_text_free);
  long_text_refresh (t);
  g_signal_connect (buffer, "changed", G_CALLBACK (long_text_changed_cb), t);
  g_signal_connect (focus, "leave", G_CALLBACK (long_text_leave_cb), t);
  gtk_widget_add_controller (GTK_WIDGET (t->view), focus);
  g_signal_connect_object (editor, "refresh", G_CALLBACK (long_text_refresh_cb), t->view, 0);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (t->view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 140);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(field->label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scrolled);
  kt_editor_register_field (editor, path, GTK_WIDGET (t->view));
  return group;
}

static gboolean
is_long_text (const KtFieldDesc *f)
{
  return f->type == KT_FT_STRING && (f->flags & KT_FIELD_MULTILINE);
}

static gboolean
is_scalar (const KtFieldDesc *f)
{
  return f->type != KT_FT_GROUP && f->type != KT_FT_RECORD && f->type != KT_FT_LIST;
}

/* Book-keeping fields the program writes itself. */
static gboolean
is_read_only (const KtFieldDesc *f)
{
  return g_str_equal (f->name, "id") || g_str_equal (f->name, "created")
         || g_str_equal (f->name, "modified") || g_str_equal (f->name, "currency");
}

/* Scalars first, in one group, then nested records and lists: a record reads
 * as one card followed by its details. */
static void
add_groups (KtEditor           *editor,
            GtkBox             *box,
            const KtRecordDesc *desc,
            const char         *path,
            const char         *title,
            GPtrArray          *rows)
{
  GtkWidget *group = NULL;

  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];
      g_autofree char *child = *path ? g_strdup_printf ("%s/%s", path, f->name) : g_strdup (f->name);

      if (!is_scalar (f) || is_read_only (f) || is_long_text (f))
        continue;
      if (group == NULL)
        {
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          gtk_box_append (box, group);
        }
      if (f->type == KT_FT_TEXT)
        {
          g_autofree char *vi = g_strdup_printf ("%s/vi", child);
          g_autofree char *en = g_strdup_printf ("%s/en", child);
          /* Translators: a field in one language, e.g. "Project name (Vietnamese)" */
          g_autofree char *vi_title = g_strdup_printf (_("%s (Vietnamese)"), _(f->label));
          g_autofree char *en_title = g_strdup_printf (_("%s (English)"), _(f->label));

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     create_row (editor, f, vi, vi_title, rows));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     create_row (editor, f, en, en_title, rows));
        }
      else
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   create_row (editor, f, child, _(f->label), rows));
    }
  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];
      g_autofree char *child = *path ? g_strdup_printf ("%s/%s", path, f->name) : g_strdup (f->name);

      if (is_long_text (f))
        gtk_box_append (box, create_long_text (editor, f, child));
      else if (f->type == KT_FT_GROUP || f->type == KT_FT_RECORD)
        add_groups (editor, box, f->record, child, _(f->label), rows);
      else if (f->type == KT_FT_LIST)
        {
          GtkWidget *list_group = adw_preferences_group_new ();

          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (list_group), _(f->label));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (list_group),
                                     GTK_WIDGET (kt_table_new (editor, child)));
          gtk_box_append (box, list_group);
        }
    }
}

GtkWidget *
kt_form_new (KtEditor   *editor,
             const char *path,
             const char *title)
{
  KtProjectData *data = kt_project_edit_data (kt_editor_get_project (editor));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) form_row_free);
  KtPathTarget target;

  if (!kt_path_resolve (data, path, &target, NULL))
    g_return_val_if_reached (box);
  if (target.field->type == KT_FT_LIST)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       title ? title : _(target.field->label));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 GTK_WIDGET (kt_table_new (editor, path)));
      gtk_box_append (GTK_BOX (box), group);
    }
  else if (target.field->type == KT_FT_GROUP || target.field->type == KT_FT_RECORD)
    add_groups (editor, GTK_BOX (box), target.field->record, path,
                title ? title : _(target.field->label), rows);
  else if (is_long_text (target.field))
    gtk_box_append (GTK_BOX (box), create_long_text (editor, target.field, path));
  else
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_row (editor, target.field, path,
                                             _(target.field->label), rows));
      gtk_box_append (GTK_BOX (box), group);
    }
  g_object_set_data_full (G_OBJECT (box), "kt-form-rows", rows, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (editor, "refresh", G_CALLBACK (editor_refresh_cb), box, 0);
  return box;
}
