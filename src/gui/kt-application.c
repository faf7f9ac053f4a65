/* kt-application.c — the Khả Thi application: actions, windows, opening files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kt-application.h"
#include "kt-assistant.h"
#include "kt-help.h"
#include "kt-portfolio-window.h"
#include "kt-preferences.h"
#include "kt-window.h"

#define KT_WEBSITE "https://github.com/khathi/khathi"

struct _KtApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (KtApplication, kt_application, ADW_TYPE_APPLICATION)

/* The schema is installed with the app; an uninstalled build finds the one
 * compiled into its build/data (data/meson.build) without GSETTINGS_SCHEMA_DIR. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_autoptr(GError) error = NULL;

      build_source = g_settings_schema_source_new_from_directory (BUILD_DATADIR, source,
                                                                  FALSE, &error);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, TRUE);
    }
  if (schema == NULL)
    g_error ("The settings schema %s is not installed; run the installed app or set "
             "GSETTINGS_SCHEMA_DIR to the build's data folder", APP_ID);
  return g_settings_new_full (schema, NULL, NULL);
}

static GtkWindow *
parent_window (KtApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
open_dialog_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         KtApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (i == 0)
            {
              g_autoptr(GFile) folder = g_file_get_parent (file);

              if (folder != NULL)
                {
                  g_autofree char *uri = g_file_get_uri (folder);
                  g_settings_set_string (self->settings, "last-folder", uri);
                }
            }
          kt_application_open_file (self, file);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KtApplication *self = KT_APPLICATION (user_data);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) studies = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *last_folder = g_settings_get_string (self->settings, "last-folder");

  dialog = gtk_file_chooser_native_new (_("Open a Feasibility Study"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);

  gtk_file_filter_set_name (studies, _("Khả Thi studies"));
  gtk_file_filter_add_mime_type (studies, "application/x-khathi");
  gtk_file_filter_add_suffix (studies, "khathi");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), studies);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), studies);

  if (last_folder[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (last_folder);

      if (g_file_query_exists (folder, NULL))
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (open_dialog_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  KtWindow *window = kt_window_new (KT_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

/* One appraiser's window: raise it if it is open, else open the default portfolio. */
static void
portfolio_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  KtApplication *self = KT_APPLICATION (user_data);
  KtPortfolioWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (KT_IS_PORTFOLIO_WINDOW (l->data))
      window = KT_PORTFOLIO_WINDOW (l->data);
  if (window == NULL)
    window = kt_portfolio_window_new (self, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/* The window that takes a new study: the active one if it shows nothing. */
static KtWindow *
target_window (KtApplication *self)
{
  GtkWindow *active = parent_window (self);

  if (KT_IS_WINDOW (active) && kt_window_is_empty (KT_WINDOW (active)))
    return KT_WINDOW (active);
  return kt_window_new (self);
}

static void
assistant_created_cb (KtAssistant   *assistant,
                      KtProject     *project,
                      char         **assumptions,
                      KtApplication *self)
{
  KtWindow *window = target_window (self);

  kt_window_set_new_project (window, project, (const char * const *) assumptions);
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_study_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  KtApplication *self = KT_APPLICATION (user_data);
  KtAssistant *assistant = kt_assistant_new (parent_window (self), self->settings);

  g_signal_connect_object (assistant, "created", G_CALLBACK (assistant_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (assistant));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  kt_application_open_file (KT_APPLICATION (user_data), file);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  KtApplication *self = KT_APPLICATION (user_data);

  gtk_window_present (GTK_WINDOW (kt_preferences_window_new (parent_window (self),
                                                             self->settings)));
}

static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Without yelp (or the help installed) say so rather than do nothing. */
  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) && KT_IS_WINDOW (source))
    kt_window_add_toast (KT_WINDOW (source),
                         adw_toast_new_format (_("Could not open the help: %s"), error->message));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KtApplication *self = KT_APPLICATION (user_data);
  GtkWindow *window = parent_window (self);
  /* The page of what the window shows: F1 on Financing opens financing. */
  g_autofree char *uri = kt_help_uri (window != NULL ? kt_help_topic_for_window (window)
                                                     : NULL);

  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, help_shown_cb, NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  KtApplication *self = KT_APPLICATION (user_data);
  g_autofree char *contributors = NULL;
  const char *developers[2] = { NULL, NULL };

  /* AdwAboutWindow turns "Name URL" into a link. */
  contributors = g_strdup_printf ("%s %s/graphs/contributors", _("Khả Thi contributors"),
                                  KT_WEBSITE);
  developers[0] = contributors;

  adw_show_about_window (parent_window (self),
                         "application-name", _("Khả Thi"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Khả Thi developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Prepare and appraise feasibility studies of "
                                       "public-private partnership projects in science, "
                                       "technology, innovation and digital transformation."),
                         "website", KT_WEBSITE,
                         "issue-url", KT_WEBSITE "/issues",
                         "copyright", _("© 2026 The Khả Thi developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: your names, one per line, e.g.
                          * "Nguyễn Văn A <a@example.com>" */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Closing each window (rather than g_application_quit) lets windows save
 * their size on the way out. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { .name = "open", .activate = open_action },
  { .name = "new-study", .activate = new_study_action },
  { .name = "open-recent", .activate = open_recent_action, .parameter_type = "s" },
  { .name = "preferences", .activate = preferences_action },
  { .name = "help", .activate = help_action },
  { .name = "new-window", .activate = new_window_action },
  { .name = "portfolio", .activate = portfolio_action },
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

static void
kt_application_startup (GApplication *application)
{
  KtApplication *self = KT_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.open", { "<Primary>o", NULL } },
    { "app.new-study", { "<Primary>n", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "win.show-help-overlay", { "<Primary>question", NULL } },
    { "app.new-window", { "<Primary><Shift>n", NULL } },
    { "app.portfolio", { "<Primary><Shift>o", NULL } },
    { "app.quit", { "<Primary>q", NULL } },
    { "window.close", { "<Primary>w", NULL } },
  };

  G_APPLICATION_CLASS (kt_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
kt_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      window = GTK_WINDOW (kt_window_new (KT_APPLICATION (application)));
      gtk_window_present (window);
      /* The first window of a run offers what a crash left unsaved. */
      kt_window_offer_recovery (KT_WINDOW (window));
      return;
    }
  gtk_window_present (window);
}

static void
kt_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    kt_application_open_file (KT_APPLICATION (application), files[i]);
}

static void
kt_application_dispose (GObject *object)
{
  KtApplication *self = KT_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (kt_application_parent_class)->dispose (object);
}

static void
kt_application_class_init (KtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kt_application_dispose;
  app_class->startup = kt_application_startup;
  app_class->activate = kt_application_activate;
  app_class->open = kt_application_open;
}

static void
kt_application_init (KtApplication *self)
{
  self->settings = create_settings ();
}

KtApplication *
kt_application_new (void)
{
  return g_object_new (KT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/khathi/Khathi",
                       NULL);
}

GSettings *
kt_application_get_settings (KtApplication *self)
{
  g_return_val_if_fail (KT_IS_APPLICATION (self), NULL);
  return self->settings;
}

void
kt_application_open_file (KtApplication *self,
                          GFile         *file)
{
  GtkWindow *active;
  KtWindow *window = NULL;

  g_return_if_fail (KT_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!KT_IS_WINDOW (l->data))
        continue;
      shown = kt_window_get_file (KT_WINDOW (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        {
          g_autofree char *parse_name = g_file_get_parse_name (file);
          g_autofree char *name = g_path_get_basename (parse_name);

          /* One window per file, so two windows never hold diverging copies. */
          kt_window_add_toast (KT_WINDOW (l->data),
                               adw_toast_new_format (_("“%s” is already open in this window"),
                                                     name));
          gtk_window_present (GTK_WINDOW (l->data));
          return;
        }
    }

  active = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (KT_IS_WINDOW (active) && kt_window_is_empty (KT_WINDOW (active)))
    window = KT_WINDOW (active);
  else
    window = kt_window_new (self);
  kt_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

KtMoneyUnit
kt_money_unit_from_settings (GSettings *settings)
{
  g_autofree char *unit = settings != NULL ? g_settings_get_string (settings, "money-unit")
                                           : NULL;

  if (g_strcmp0 (unit, "dong") == 0)
    return KT_MONEY_DONG;
  if (g_strcmp0 (unit, "million") == 0)
    return KT_MONEY_MILLION;
  return KT_MONEY_BILLION;
}
