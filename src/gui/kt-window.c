/* kt-window.c — a study window: the empty state, then the study's overview
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-project-file.h"
#include "kt-rules.h"
#include "kt-window.h"

#define MAX_RECENT_FILES 10

struct _KtWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwWindowTitle       *window_title;
  GtkSpinner           *loading_spinner;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwPreferencesGroup  *samples_group;
  GtkListBox           *samples_list;
  AdwActionRow         *name_vi_row;
  AdwActionRow         *name_en_row;
  AdwActionRow         *id_row;
  AdwActionRow         *proposer_row;
  AdwActionRow         *tax_code_row;
  AdwActionRow         *address_row;
  AdwActionRow         *representative_row;
  AdwActionRow         *province_row;
  AdwActionRow         *field_row;
  AdwActionRow         *domain_row;
  AdwActionRow         *form_row;
  AdwActionRow         *status_row;
  AdwActionRow         *version_row;
  AdwActionRow         *rule_set_row;
  AdwActionRow         *start_year_row;
  AdwActionRow         *construction_row;
  AdwActionRow         *operation_row;
  AdwActionRow         *price_base_year_row;
  AdwActionRow         *investment_row;
  AdwActionRow         *operations_row;
  AdwActionRow         *financing_row;
  AdwActionRow         *risks_row;
  AdwActionRow         *uncertainty_row;
  AdwActionRow         *scenarios_row;
  AdwActionRow         *chapters_row;

  GSettings            *settings;
  KtProject            *project;
  GFile                *file;          /* of `project` */
  GFile                *loading_file;  /* being loaded, NULL when idle */
  GCancellable         *cancellable;   /* of the load in progress */
  gulong                project_changed_id;
};

G_DEFINE_FINAL_TYPE (KtWindow, kt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The name people know the file by: the last part of its path or URI, in UTF-8. */
static char *
file_display_name (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  return g_path_get_basename (parse_name);
}

static gboolean
text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static guint
array_len (const GArray *array)
{
  return array != NULL ? array->len : 0;
}

/* Values come from the file, so "&" or "<" must show as they are, not as markup. */
static void
set_value (AdwActionRow *row,
           const char   *value)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (row, text_is_blank (value) ? _("Not set") : value);
}

static void
set_value_take (AdwActionRow *row,
                char         *value)
{
  set_value (row, value);
  g_free (value);
}

static KtMoneyUnit
money_unit (KtWindow *self)
{
  g_autofree char *unit = g_settings_get_string (self->settings, "money-unit");

  if (g_strcmp0 (unit, "dong") == 0)
    return KT_MONEY_DONG;
  if (g_strcmp0 (unit, "billion") == 0)
    return KT_MONEY_BILLION;
  return KT_MONEY_MILLION;
}

/* "2 years (2027–2028)"; construction may be empty (MODEL.md §1: C ≥ 0). */
static char *
format_period (int first_year,
               int n_years)
{
  if (n_years <= 0)
    return g_strdup (_("None"));
  return g_strdup_printf (ngettext ("%d year (%d–%d)", "%d years (%d–%d)", n_years),
                          n_years, first_year, first_year + n_years - 1);
}

/* Base-price capex before contingency and duty (MODEL.md §3). */
static double
base_capex (const KtProjectData *data)
{
  double total = 0.0;

  for (guint i = 0; i < array_len (data->capex); i++)
    {
      const KtCapexLine *line = &g_array_index (data->capex, KtCapexLine, i);

      for (guint y = 0; y < array_len (line->amounts); y++)
        total += g_array_index (line->amounts, double, y);
    }
  return total;
}

static int
count_written_chapters (const KtProjectData *data)
{
  int n = 0;

  for (int i = 0; i < KT_N_CHAPTERS; i++)
    if (!text_is_blank (data->chapters[i].vi) || !text_is_blank (data->chapters[i].en))
      n++;
  return n;
}

static void
update_identity (KtWindow            *self,
                 const KtProjectData *data)
{
  set_value (self->name_vi_row, data->name.vi);
  set_value (self->name_en_row, data->name.en);
  set_value (self->id_row, data->id);
  set_value (self->proposer_row, data->proposer.name);
  set_value (self->tax_code_row, data->proposer.tax_code);
  set_value (self->address_row, data->proposer.address);
  set_value (self->representative_row, data->proposer.representative);
  set_value (self->province_row, data->province);
  set_value (self->field_row, kt_enum_label (&kt_field_info, data->field));
  set_value (self->domain_row, kt_enum_label (&kt_domain_info, data->domain));
  set_value (self->form_row, kt_enum_label (&kt_form_info, data->form));
  set_value (self->status_row, kt_enum_label (&kt_status_info, data->status));
  set_value_take (self->version_row, g_strdup_printf ("%d", data->version));
  set_value (self->rule_set_row, data->rule_set);
}

static void
update_timeline (KtWindow            *self,
                 const KtProjectData *data)
{
  set_value_take (self->start_year_row, g_strdup_printf ("%d", data->start_year));
  set_value_take (self->construction_row,
                  format_period (data->start_year, data->construction_years));
  set_value_take (self->operation_row,
                  format_period (data->start_year + data->construction_years,
                                 data->operation_years));
  set_value_take (self->price_base_year_row, g_strdup_printf ("%d", data->price_base_year));
}

static void
update_sections (KtWindow            *self,
                 const KtProjectData *data)
{
  KtLang lang = kt_lang_current ();
  g_autofree char *capex = kt_format_money (base_capex (data), money_unit (self), TRUE, lang);
  g_autofree char *equity = kt_format_percent (data->equity_share, 1, lang);
  g_autofree char *revenues = NULL;
  g_autofree char *opex = NULL;
  guint n;

  n = array_len (data->capex);
  set_value_take (self->investment_row,
                  g_strdup_printf (ngettext ("%u capital cost line, %s at base prices",
                                             "%u capital cost lines, %s at base prices", n),
                                   n, capex));

  n = array_len (data->revenues);
  revenues = g_strdup_printf (ngettext ("%u revenue stream", "%u revenue streams", n), n);
  n = array_len (data->opex);
  opex = g_strdup_printf (ngettext ("%u operating cost line", "%u operating cost lines", n), n);
  /* Translators: two counts, e.g. "2 revenue streams, 5 operating cost lines" */
  set_value_take (self->operations_row, g_strdup_printf (_("%s, %s"), revenues, opex));

  n = array_len (data->loans);
  if (data->support_mode == KT_SUPPORT_NONE)
    {
      set_value_take (self->financing_row,
                      g_strdup_printf (ngettext ("Equity %s, %u loan, no state capital",
                                                 "Equity %s, %u loans, no state capital", n),
                                       equity, n));
    }
  else
    {
      const char *mode = kt_enum_label (&kt_support_mode_info, data->support_mode);
      g_autofree char *support = NULL;

      if (data->support_mode == KT_SUPPORT_SHARE)
        {
          g_autofree char *share = kt_format_percent (data->support_share, 1, lang);
          /* Translators: how state capital is given, and its share, e.g.
           * "Share of each year's need (40 %)" */
          support = g_strdup_printf (_("%s (%s)"), mode, share);
        }
      else
        support = g_strdup (mode);
      set_value_take (self->financing_row,
                      g_strdup_printf (ngettext ("Equity %s, %u loan; state capital: %s",
                                                 "Equity %s, %u loans; state capital: %s", n),
                                       equity, n, support));
    }

  n = array_len (data->risks);
  set_value_take (self->risks_row, g_strdup_printf (ngettext ("%u risk", "%u risks", n), n));

  n = array_len (data->uncertainties);
  set_value_take (self->uncertainty_row,
                  g_strdup_printf (ngettext ("%u distribution", "%u distributions", n), n));

  n = array_len (data->scenarios);
  set_value_take (self->scenarios_row,
                  g_strdup_printf (ngettext ("%u scenario", "%u scenarios", n), n));

  /* Translators: narrative chapters of the study, e.g. "4 of 13 written" */
  set_value_take (self->chapters_row,
                  g_strdup_printf (_("%d of %d written"), count_written_chapters (data),
                                   KT_N_CHAPTERS));
}

static void
update_overview (KtWindow *self)
{
  const KtProjectData *data;

  if (self->project == NULL)
    return;
  data = kt_project_get_data (self->project);
  update_identity (self, data);
  update_timeline (self, data);
  update_sections (self, data);
}

static void
update_title (KtWindow *self)
{
  const char *title = _("Khả Thi");
  g_autofree char *file_name = NULL;

  if (self->project != NULL)
    {
      title = kt_project_get_display_name (self->project);
      file_name = file_display_name (self->file);
    }
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, file_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
remember_recent (KtWindow *self,
                 GFile    *file)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
    if (g_strcmp0 (old[i], uri) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

static void
project_changed_cb (KtProject  *project,
                    const char *section,
                    KtWindow   *self)
{
  update_title (self);
  update_overview (self);
}

static void
set_project (KtWindow  *self,
             KtProject *project,
             GFile     *file)
{
  if (self->project != NULL)
    g_clear_signal_handler (&self->project_changed_id, self->project);
  g_set_object (&self->project, project);
  g_set_object (&self->file, file);
  if (self->project != NULL)
    self->project_changed_id = g_signal_connect (self->project, "changed",
                                                 G_CALLBACK (project_changed_cb), self);

  update_title (self);
  update_overview (self);
  gtk_stack_set_visible_child_name (self->stack, project != NULL ? "overview" : "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
set_loading_file (KtWindow *self,
                  GFile    *file)
{
  gboolean was_loading = self->loading_file != NULL;

  g_set_object (&self->loading_file, file);
  if (was_loading != (file != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_load_error (KtWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = file_display_name (file);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message));
  adw_message_dialog_format_heading (dialog, _("Could Not Open “%s”"), name);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  KtProject *project = kt_project_load (G_FILE (task_data), cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

static void
load_ready_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  KtWindow *self = KT_WINDOW (source_object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(KtProject) project = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled: the window closed or another file replaced this one. */
  project = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_loading_file (self, NULL);
  if (project == NULL)
    {
      show_load_error (self, file, error);
      return;
    }
  set_project (self, project, file);
  remember_recent (self, file);
}

/* Samples are listed by their study name; a sample that does not load is
 * listed by its file name and reports its error when chosen. */
static GtkWidget *
create_sample_row (GFile *file)
{
  g_autofree char *file_name = file_display_name (file);
  g_autoptr(KtProject) project = kt_project_load (file, NULL, NULL);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 project != NULL ? kt_project_get_display_name (project)
                                                 : file_name);
  if (project != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), file_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "kt-file", g_object_ref (file), g_object_unref);
  return row;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
populate_samples (KtWindow *self)
{
  g_autofree char *folder = g_build_filename (kt_data_dir (), "samples", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".khathi"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      gtk_list_box_append (self->samples_list, create_sample_row (file));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->samples_group), names->len > 0);
}

static void
samples_list_row_activated_cb (GtkListBox    *list,
                               GtkListBoxRow *row,
                               KtWindow      *self)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "kt-file");

  if (file != NULL)
    kt_window_open_file (self, file);
}

/* The first dropped study replaces this window's; others get windows of their own. */
static gboolean
drop_target_drop_cb (GtkDropTarget *target,
                     const GValue  *value,
                     double         x,
                     double         y,
                     KtWindow      *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  kt_window_open_file (self, G_FILE (files->data));
  for (GSList *l = files->next; l != NULL && KT_IS_APPLICATION (app); l = l->next)
    kt_application_open_file (KT_APPLICATION (app), G_FILE (l->data));
  g_slist_free (files);
  return TRUE;
}

static void
money_unit_changed_cb (GSettings  *settings,
                       const char *key,
                       KtWindow   *self)
{
  update_overview (self);
}

static gboolean
kt_window_close_request (GtkWindow *window)
{
  KtWindow *self = KT_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);
  int width, height;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  return GTK_WINDOW_CLASS (kt_window_parent_class)->close_request (window);
}

static void
kt_window_constructed (GObject *object)
{
  KtWindow *self = KT_WINDOW (object);
  GApplication *app = g_application_get_default ();

  G_OBJECT_CLASS (kt_window_parent_class)->constructed (object);

  /* Windows share the application's settings (g_settings_new() would abort
   * where the schema is only in the build folder).  GtkWindow:application is
   * not a construct property, so it is still unset here: ask GApplication. */
  g_return_if_fail (KT_IS_APPLICATION (app));
  self->settings = g_object_ref (kt_application_get_settings (KT_APPLICATION (app)));
  g_signal_connect_object (self->settings, "changed::money-unit",
                           G_CALLBACK (money_unit_changed_cb), self, 0);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
kt_window_dispose (GObject *object)
{
  KtWindow *self = KT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project != NULL)
    g_clear_signal_handler (&self->project_changed_id, self->project);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->loading_file);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_WINDOW);

  G_OBJECT_CLASS (kt_window_parent_class)->dispose (object);
}

static void
kt_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KtWindow *self = KT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading_file != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_window_class_init (KtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kt_window_constructed;
  object_class->dispose = kt_window_dispose;
  object_class->get_property = kt_window_get_property;
  window_class->close_request = kt_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, KT_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/khathi/Khathi/ui/kt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KtWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, samples_group);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, samples_list);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, name_vi_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, id_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, proposer_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, tax_code_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, representative_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, province_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, field_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, domain_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, form_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, version_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, rule_set_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, start_year_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, construction_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, operation_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, price_base_year_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, investment_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, operations_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, financing_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, risks_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, uncertainty_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, scenarios_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, chapters_row);
  gtk_widget_class_bind_template_callback (widget_class, samples_list_row_activated_cb);
}

static void
kt_window_init (KtWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "kt-window");
  update_title (self);
  populate_samples (self);
  g_object_bind_property (self, "loading", self->loading_spinner, "spinning",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "loading", self->loading_spinner, "visible",
                          G_BINDING_SYNC_CREATE);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_target_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

KtWindow *
kt_window_new (KtApplication *application)
{
  g_return_val_if_fail (KT_IS_APPLICATION (application), NULL);
  return g_object_new (KT_TYPE_WINDOW, "application", application, NULL);
}

void
kt_window_open_file (KtWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading_file (self, file);

  task = g_task_new (self, self->cancellable, load_ready_cb, NULL);
  g_task_set_source_tag (task, kt_window_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

KtProject *
kt_window_get_project (KtWindow *self)
{
  g_return_val_if_fail (KT_IS_WINDOW (self), NULL);
  return self->project;
}

GFile *
kt_window_get_file (KtWindow *self)
{
  g_return_val_if_fail (KT_IS_WINDOW (self), NULL);
  return self->loading_file != NULL ? self->loading_file : self->file;
}

void
kt_window_add_toast (KtWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (KT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
kt_window_is_loading (KtWindow *self)
{
  g_return_val_if_fail (KT_IS_WINDOW (self), FALSE);
  return self->loading_file != NULL;
}

gboolean
kt_window_is_empty (KtWindow *self)
{
  g_return_val_if_fail (KT_IS_WINDOW (self), FALSE);
  return self->project == NULL && self->loading_file == NULL;
}
