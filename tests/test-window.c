/* test-window.c — the study window: samples load and show, bad files report
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gsl/gsl_errno.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "kt-application.h"
#include "kt-project-file.h"
#include "kt-window.h"

static KtApplication *app;

static char *
samples_folder (void)
{
  const char *data_dir = g_getenv ("KHATHI_DATA_DIR");

  if (data_dir != NULL && *data_dir != '\0')
    return g_build_filename (data_dir, "samples", NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", NULL);
}

static GPtrArray *
list_samples (void)
{
  g_autofree char *folder = samples_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".khathi"))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  return paths;
}

/* What the file says, read with libxml2 rather than the loader under test. */
static char *
xml_text (const char  *path,
          const char  *xpath)
{
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlXPathContextPtr context;
  xmlXPathObjectPtr result;
  char *text = NULL;

  g_assert_nonnull (doc);
  context = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (context, (const xmlChar *) "k",
                      (const xmlChar *) KT_PROJECT_FILE_NAMESPACE);
  result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);
  if (result != NULL && result->nodesetval != NULL && result->nodesetval->nodeNr > 0)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);
      text = g_strstrip (g_strdup ((const char *) content));
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);
  return text;
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
wait_for_load (KtWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (kt_window_is_loading (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* Let the dialog or the overview map. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gpointer
child (KtWindow   *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), KT_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static KtWindow *
new_window (void)
{
  KtWindow *window = kt_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
test_window_empty (void)
{
  g_autoptr(GPtrArray) samples = list_samples ();
  KtWindow *window = new_window ();
  GtkListBox *list = child (window, "samples_list");
  guint n_rows = 0;

  g_assert_true (kt_window_is_empty (window));
  g_assert_null (kt_window_get_project (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, "stack")), ==, "empty");
  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, samples->len);
  g_assert_true (gtk_widget_get_visible (child (window, "samples_group")) == (samples->len > 0));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_samples (void)
{
  g_autoptr(GPtrArray) samples = list_samples ();

  if (samples->len == 0)
    {
      g_autofree char *folder = samples_folder ();
      g_autofree char *message = g_strdup_printf ("no samples in %s", folder);

      g_test_skip (message);
      return;
    }

  for (guint i = 0; i < samples->len; i++)
    {
      const char *path = g_ptr_array_index (samples, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *name_en = xml_text (path, "/k:project/k:identity/k:name/k:en");
      g_autofree char *name_vi = xml_text (path, "/k:project/k:identity/k:name/k:vi");
      g_autofree char *proposer = xml_text (path,
                                            "/k:project/k:identity/k:proposer/k:name");
      g_autofree char *basename = g_path_get_basename (path);
      const char *expected_name = name_en != NULL && *name_en != '\0' ? name_en : name_vi;
      g_autofree char *n_chapters = g_strdup_printf ("%d", KT_N_CHAPTERS);
      KtWindow *window = new_window ();

      g_test_message ("sample %s", path);
      kt_window_open_file (window, file);
      g_assert_true (kt_window_is_loading (window));
      wait_for_load (window);

      g_assert_null (find_message_dialog (GTK_WINDOW (window)));
      g_assert_nonnull (kt_window_get_project (window));
      g_assert_true (g_file_equal (kt_window_get_file (window), file));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

      g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, "stack")), ==,
                       "editor");
      g_assert_nonnull (expected_name);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, expected_name);
      g_assert_cmpstr (adw_window_title_get_title (child (window, "window_title")), ==,
                       expected_name);
      g_assert_cmpstr (adw_window_title_get_subtitle (child (window, "window_title")), ==,
                       basename);
      g_assert_nonnull (proposer);
      g_assert_cmpstr (adw_action_row_get_subtitle (child (window, "proposer_row")), ==,
                       proposer);
      /* The section summaries are filled, chapters counted out of all of them. */
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (child (window, "chapters_row")),
                                n_chapters));
      g_assert_cmpstr (adw_action_row_get_subtitle (child (window, "investment_row")), !=, "");

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_window_broken_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("test-window-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *dialog;
  KtWindow *window;

  g_assert_no_error (error);
  path = g_build_filename (folder, "broken.khathi", NULL);
  g_file_set_contents (path,
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<project format-version=\"1\" "
                       "xmlns=\"" KT_PROJECT_FILE_NAMESPACE "\">\n"
                       "  <identity>\n"
                       "    <name>\n",
                       -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  window = new_window ();
  kt_window_open_file (window, file);
  wait_for_load (window);

  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken.khathi"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  /* The window stays empty, ready for another file. */
  g_assert_null (kt_window_get_project (window));
  g_assert_true (kt_window_is_empty (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, "stack")), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (folder);
}

/* A file opens in one window only: opening it again presents that window. */
static void
test_application_open_twice (void)
{
  g_autoptr(GPtrArray) samples = list_samples ();
  g_autoptr(GFile) file = NULL;
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  KtWindow *window = NULL;
  guint n_windows;

  if (samples->len == 0)
    {
      g_test_skip ("no samples");
      return;
    }
  file = g_file_new_for_path (g_ptr_array_index (samples, 0));

  kt_application_open_file (app, file);
  n_windows = g_list_length (gtk_application_get_windows (gtk_app));
  for (GList *l = gtk_application_get_windows (gtk_app); l != NULL; l = l->next)
    if (KT_IS_WINDOW (l->data) && kt_window_get_file (l->data) != NULL
        && g_file_equal (kt_window_get_file (l->data), file))
      window = l->data;
  g_assert_nonnull (window);
  wait_for_load (window);
  g_assert_nonnull (kt_window_get_project (window));

  kt_application_open_file (app, file);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (gtk_app)), ==, n_windows);
  g_assert_false (kt_window_is_loading (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  gsl_set_error_handler_off ();

  app = kt_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/window/empty", test_window_empty);
  g_test_add_func ("/gui/window/samples", test_window_samples);
  g_test_add_func ("/gui/window/broken-file", test_window_broken_file);
  g_test_add_func ("/gui/application/open-twice", test_application_open_twice);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
