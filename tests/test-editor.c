/* test-editor.c — the preparer's workspace: forms, tables, undo, saving, recovery, assistant
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <string.h>

#include "kt-application.h"
#include "kt-assistant.h"
#include "kt-chapters-page.h"
#include "kt-edit.h"
#include "kt-editor.h"
#include "kt-preferences.h"
#include "kt-project-file.h"
#include "kt-table.h"
#include "kt-validate.h"
#include "kt-window.h"

static KtApplication *app;
static char *state_dir;

static char *
sample_path (const char *name)
{
  const char *data_dir = g_getenv ("KHATHI_DATA_DIR");

  if (data_dir != NULL && *data_dir != '\0')
    return g_build_filename (data_dir, "samples", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
}

static void
iterate (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static KtWindow *
open_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KtWindow *window = kt_window_new (app);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  kt_window_open_file (window, file);
  while (kt_window_is_loading (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (kt_window_get_project (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate ();
  return window;
}

/* Closes without asking: the tests that need the question ask for it. */
static void
destroy_window (KtWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
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

static gboolean
has_problem_at (KtEditor   *editor,
                const char *path)
{
  return kt_editor_problem_at (editor, path) != NULL;
}

static void save_png (GtkWidget *widget, const char *path);

static const char *section_ids[] = {
  "overview", "project", "timeline", "investment", "operations", "financing", "support",
  "incentives", "risks", "uncertainty", "chapters", "results", "report",
};

static void
test_pages (void)
{
  KtWindow *window = open_sample ("can-tho-agri-uav.khathi");

  /* Each page builds and draws without a GTK warning (warnings are fatal). */
  for (guint i = 0; i < G_N_ELEMENTS (section_ids); i++)
    {
      kt_window_show_section (window, section_ids[i]);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      iterate ();
      g_assert_cmpstr (kt_window_get_section (window), ==, section_ids[i]);
    }
  /* Narrow: the sidebar folds away. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  for (int k = 0; k < 5; k++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      iterate ();
    }
  if (g_getenv ("KT_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("KT_SCREENSHOT_DIR"), "narrow.png", NULL);
      save_png (GTK_WIDGET (window), path);
    }
  destroy_window (window);
}

static void
test_form_edit_undo (void)
{
  KtWindow *window = open_sample ("can-tho-smart-traffic.khathi");
  KtEditor *editor = kt_window_get_editor (window);
  KtEditStack *stack = kt_editor_get_stack (editor);
  const KtProjectData *d = kt_project_get_data (kt_window_get_project (window));
  g_autofree char *province = g_strdup (d->province);
  double wacc = d->wacc;
  GtkWidget *row;

  g_assert_false (kt_window_is_dirty (window));
  g_assert_false (has_problem_at (editor, "identity/province"));

  /* Typing in a form row edits the document, one undo step for the whole word. */
  row = kt_editor_lookup_field (editor, "identity/province");
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_assert_true (has_problem_at (editor, "identity/province"));
  gtk_editable_set_text (GTK_EDITABLE (row), "Đắk");
  gtk_editable_set_text (GTK_EDITABLE (row), "Đắk Lắk");
  g_assert_cmpstr (d->province, ==, "Đắk Lắk");
  g_assert_false (has_problem_at (editor, "identity/province"));
  g_assert_true (kt_window_is_dirty (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  kt_edit_stack_seal (stack);

  /* A rate typed in %, in the UI's convention (English under C.UTF-8). */
  row = kt_editor_lookup_field (editor, "rates/wacc");
  gtk_editable_set_text (GTK_EDITABLE (row), "12.5");
  g_assert_cmpfloat (d->wacc, ==, 0.125);
  /* Not a number: refused and shown, the document keeps its value. */
  gtk_editable_set_text (GTK_EDITABLE (row), "12.5x");
  g_assert_cmpfloat (d->wacc, ==, 0.125);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "12.5");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  g_assert_true (kt_edit_stack_undo (stack));
  g_assert_cmpfloat (d->wacc, ==, wacc);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), !=, "12.5");
  g_assert_true (kt_edit_stack_undo (stack));
  g_assert_cmpstr (d->province, ==, province);
  g_assert_false (kt_window_is_dirty (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kt_editor_lookup_field (editor, "identity/province"))),
                   ==, province);
  /* Redo through the window's action, as Shift+Ctrl+Z does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (d->province, ==, "Đắk Lắk");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (d->province, ==, province);

  /* Long notes are a text view, newlines kept. */
  row = kt_editor_lookup_field (editor, "notes");
  g_assert_true (GTK_IS_TEXT_VIEW (row));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row)), "Line 1\nLine 2", -1);
  g_assert_cmpstr (d->notes, ==, "Line 1\nLine 2");
  kt_edit_stack_undo (stack);
  g_assert_false (kt_window_is_dirty (window));

  /* A spin button row (int) and a switch row (bool). */
  row = kt_editor_lookup_field (editor, "timeline/operation-years");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  row = kt_editor_lookup_field (editor, "operations/nwc-enabled");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  destroy_window (window);
}

static GtkWidget *
find_cell (GtkWidget  *widget,
           const char *path)
{
  if (GTK_IS_ENTRY (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "kt-path"), path) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, path);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_table_edit (void)
{
  KtWindow *window = open_sample ("can-tho-smart-traffic.khathi");
  KtEditor *editor = kt_window_get_editor (window);
  KtEditStack *stack = kt_editor_get_stack (editor);
  KtProject *project = kt_window_get_project (window);
  const KtProjectData *d = kt_project_get_data (project);
  g_autoptr(KtProject) before = kt_project_copy (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  KtTable *table;
  guint n_lines = d->capex->len;
  const KtCapexLine *line;

  kt_window_show_section (window, "investment");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  table = KT_TABLE (kt_editor_lookup_field (editor, "investment/capex"));
  g_assert_nonnull (table);

  /* Paste two years of the first line (name, category, then the years). */
  kt_table_set_cursor (table, 0, 2);
  g_assert_true (kt_table_paste_text (table, "1.5\t2,000.25\n", &error));
  g_assert_no_error (error);
  line = &g_array_index (d->capex, KtCapexLine, 0);
  /* The money unit is billion đồng: exact whole đồng stored. */
  g_assert_cmpfloat (g_array_index (line->amounts, double, 0), ==, 1.5e9);
  g_assert_cmpfloat (g_array_index (line->amounts, double, 1), ==, 2000.25e9);
  /* A column pasted past the last row adds rows; a bad cell cancels it all. */
  kt_table_set_cursor (table, n_lines - 1, 0);
  g_assert_true (kt_table_paste_text (table, "Last line\nNew line A\nNew line B\n", &error));
  g_assert_cmpuint (d->capex->len, ==, n_lines + 2);
  g_assert_true (kt_edit_stack_undo (stack));
  g_assert_cmpuint (d->capex->len, ==, n_lines);
  kt_table_set_cursor (table, 0, 2);
  g_assert_false (kt_table_paste_text (table, "7\tabc", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpfloat (g_array_index (line->amounts, double, 0), ==, 1.5e9);

  /* Ctrl+V of a column copied from a spreadsheet, in a cell: rows below fill in. */
  {
    GtkWidget *cell = find_cell (GTK_WIDGET (table), "investment/capex/1/amounts/1");
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    g_assert_nonnull (cell);
    gdk_clipboard_set_text (gtk_widget_get_clipboard (cell), "3\n4\n");
    g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (cell)), "paste-clipboard");
    while (g_array_index (g_array_index (d->capex, KtCapexLine, 1).amounts, double, 0) != 4e9)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
    g_assert_cmpfloat (g_array_index (g_array_index (d->capex, KtCapexLine, 0).amounts, double, 0), ==, 3e9);
    g_assert_true (kt_edit_stack_undo (stack));
    line = &g_array_index (d->capex, KtCapexLine, 0);
    g_assert_cmpfloat (g_array_index (line->amounts, double, 0), ==, 1.5e9);
  }

  /* Fill right. */
  kt_table_set_cursor (table, 0, 2);
  g_assert_true (kt_table_fill_right (table, &error));
  line = &g_array_index (d->capex, KtCapexLine, 0);
  for (guint y = 0; y < (guint) d->construction_years; y++)
    g_assert_cmpfloat (g_array_index (line->amounts, double, y), ==, 1.5e9);
  g_assert_true (kt_edit_stack_undo (stack));
  g_assert_true (kt_edit_stack_undo (stack));
  g_assert_true (kt_project_equal (project, before));

  /* Rows: add, move, remove, all undoable. */
  g_assert_true (kt_edit_stack_list_append (stack, "investment/capex", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (has_problem_at (editor, "investment/capex/" G_STRINGIFY (0) "/name")
                 || kt_editor_get_problems (editor)->len > 0);
  kt_table_select_row (table, d->capex->len - 1);
  g_assert_cmpuint (kt_table_get_selected (table), ==, d->capex->len - 1);
  while (kt_edit_stack_can_undo (stack))
    kt_edit_stack_undo (stack);
  g_assert_true (kt_project_equal (project, before));

  /* CSV: export, clear, import gives the same rows. */
  csv = kt_table_export_csv (table);
  g_assert_true (g_str_has_prefix (csv, "name,category,amounts/1"));
  g_assert_true (kt_table_import_csv (table, "name,category\r\nOnly,software\r\n", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (d->capex->len, ==, 1);
  g_assert_cmpint (g_array_index (d->capex, KtCapexLine, 0).category, ==, KT_CAPEX_SOFTWARE);
  g_assert_true (kt_table_import_csv (table, csv, &error));
  g_assert_no_error (error);
  g_assert_true (kt_project_equal (project, before));
  g_assert_false (kt_table_import_csv (table, "name,colour\r\nA,red\r\n", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (kt_project_equal (project, before));
  destroy_window (window);
}

static void
test_save_reload (void)
{
  KtWindow *window = open_sample ("can-tho-health-records.khathi");
  KtEditor *editor = kt_window_get_editor (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("test-editor-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "saved.khathi", NULL);
  g_autofree char *bad = g_build_filename (folder, "missing", "dir", "x.khathi", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(KtProject) reloaded = NULL;

  kt_editor_set (editor, "identity/name/en", g_variant_new_string ("Edited & saved"), FALSE, NULL);
  g_assert_true (kt_window_is_dirty (window));
  /* A failed save keeps everything in memory and stays unsaved. */
  g_assert_false (kt_window_save_to (window, bad_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (kt_window_is_dirty (window));
  g_assert_cmpstr (kt_project_get_data (kt_window_get_project (window))->name.en, ==, "Edited & saved");

  g_assert_true (kt_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (kt_window_is_dirty (window));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_true (g_file_equal (kt_window_get_file (window), file));
  reloaded = kt_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kt_project_equal (reloaded, kt_window_get_project (window)));
  destroy_window (window);
  g_unlink (path);
  g_rmdir (folder);
}

static void
test_unsaved_dialog (void)
{
  KtWindow *window = open_sample ("can-tho-health-records.khathi");
  KtEditor *editor = kt_window_get_editor (window);
  AdwMessageDialog *dialog;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  kt_editor_set (editor, "identity/province", g_variant_new_string ("Hậu Giang"), FALSE, NULL);
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_nonnull (weak);
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  /* Cancel keeps the window and the change. */
  adw_message_dialog_response (dialog, "cancel");
  iterate ();
  g_assert_nonnull (weak);
  g_assert_true (kt_window_is_dirty (window));
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  iterate ();
  g_assert_null (weak);
}

static void
test_autosave_recovery (void)
{
  KtWindow *window = open_sample ("can-tho-agri-uav.khathi");
  KtEditor *editor = kt_window_get_editor (window);
  g_autoptr(KtProject) edited = NULL;
  g_autofree char *dir = kt_window_autosave_dir ();
  AdwMessageDialog *dialog;
  KtWindow *second;

  g_assert_true (g_str_has_prefix (dir, state_dir));
  g_assert_false (kt_window_autosave (window));   /* nothing unsaved */
  kt_editor_set (editor, "identity/name/vi", g_variant_new_string ("Bản nháp chưa lưu"), FALSE, NULL);
  g_assert_true (kt_window_autosave (window));
  edited = kt_project_copy (kt_window_get_project (window));
  /* A crash: the window goes without saving or asking. */
  destroy_window (window);

  second = kt_window_new (app);
  gtk_window_present (GTK_WINDOW (second));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (second));
  dialog = kt_window_offer_recovery (second);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "recover"));
  adw_message_dialog_response (dialog, "recover");
  iterate ();
  g_assert_nonnull (kt_window_get_project (second));
  g_assert_true (kt_project_equal (kt_window_get_project (second), edited));
  g_assert_true (kt_window_is_dirty (second));
  g_assert_nonnull (kt_window_get_file (second));

  /* Discarding on close removes the autosave: nothing to offer next time. */
  {
    g_autofree char *name = g_strdup_printf ("%s.khathi", kt_project_get_data (edited)->id);
    g_autofree char *autosave = g_build_filename (dir, name, NULL);

    g_assert_true (g_file_test (autosave, G_FILE_TEST_EXISTS));
    gtk_window_close (GTK_WINDOW (second));
    iterate ();
    dialog = find_message_dialog (GTK_WINDOW (second));
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "discard");
    for (int k = 0; k < 5; k++)
      iterate ();
    g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));
  }
}

static void
assistant_created_cb (KtAssistant *assistant,
                      KtProject   *project,
                      char       **assumptions,
                      KtProject  **out)
{
  *out = g_object_ref (project);
}

static void
test_assistant (void)
{
  KtWindow *window = kt_window_new (app);
  GSettings *settings = kt_application_get_settings (app);
  KtAssistant *assistant;
  KtProject *created = NULL;
  guint n;

  gtk_window_present (GTK_WINDOW (window));
  assistant = kt_assistant_new (GTK_WINDOW (window), settings);
  gtk_window_present (GTK_WINDOW (assistant));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (assistant));
  kt_assistant_set_names (assistant, "Nền tảng dữ liệu nông nghiệp", "Agricultural data platform",
                          "Công ty Cổ phần Thử Nghiệm");
  n = kt_assistant_get_n_templates (assistant);
  g_assert_cmpuint (n, >=, 1);
  /* Every template gives a study without errors. */
  for (guint t = 0; t < n; t++)
    {
      g_auto(GStrv) assumptions = NULL;
      g_autoptr(KtProject) project = NULL;
      g_autoptr(GPtrArray) problems = NULL;

      kt_assistant_set_template (assistant, t);
      project = kt_assistant_build_project (assistant, &assumptions);
      problems = kt_project_validate (project, NULL);
      for (guint i = 0; i < problems->len; i++)
        {
          KtProblem *p = g_ptr_array_index (problems, i);
          if (p->severity == KT_SEVERITY_ERROR)
            g_test_message ("template %u: %s: %s", t, p->where, p->message);
        }
      g_assert_false (kt_problems_has_errors (problems));
      g_assert_cmpstr (kt_project_get_data (project)->name.en, ==, "Agricultural data platform");
      if (t == 0)
        g_assert_true (g_strv_contains ((const char * const *) assumptions, "rates/wacc"));
    }

  kt_assistant_set_template (assistant, 0);
  g_signal_connect (assistant, "created", G_CALLBACK (assistant_created_cb), &created);
  kt_assistant_create (assistant);
  g_assert_nonnull (created);
  kt_window_set_new_project (window, created, (const char * const[]) { "rates/wacc", NULL });
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (kt_window_is_dirty (window));
  g_assert_null (kt_window_get_file (window));
  g_assert_true (kt_editor_is_assumption (kt_window_get_editor (window), "rates/wacc"));
  /* Editing the value clears its mark. */
  kt_editor_set (kt_window_get_editor (window), "rates/wacc", g_variant_new_double (0.11), FALSE, NULL);
  g_assert_false (kt_editor_is_assumption (kt_window_get_editor (window), "rates/wacc"));
  g_object_unref (created);
  destroy_window (window);
}

static void
test_jump_and_chapters (void)
{
  KtWindow *window = open_sample ("can-tho-smart-traffic.khathi");
  KtEditor *editor = kt_window_get_editor (window);
  const KtProjectData *d = kt_project_get_data (kt_window_get_project (window));
  GtkWidget *row;

  g_assert_true (kt_window_jump_to (window, "investment/capex/1/amounts"));
  g_assert_cmpstr (kt_window_get_section (window), ==, "investment");
  g_assert_cmpuint (kt_table_get_selected (KT_TABLE (kt_editor_lookup_field (editor, "investment/capex"))),
                    ==, 0);
  g_assert_true (kt_window_jump_to (window, "identity/province"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (kt_window_get_section (window), ==, "project");
  row = kt_editor_lookup_field (editor, "identity/province");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), row)
                 || gtk_root_get_focus (GTK_ROOT (window)) == row);
  /* A list inside a row (a scenario's overrides) gets its table when the row is chosen. */
  if (d->scenarios->len > 0)
    {
      KtTable *scenarios;

      g_assert_true (kt_window_jump_to (window, "scenarios/1/name"));
      g_assert_cmpstr (kt_window_get_section (window), ==, "uncertainty");
      scenarios = KT_TABLE (kt_editor_lookup_field (editor, "scenarios"));
      kt_table_select_row (scenarios, 0);
      g_assert_nonnull (kt_editor_lookup_field (editor, "scenarios/1/overrides"));
      if (d->scenarios->len > 1)
        {
          kt_table_select_row (scenarios, 1);
          g_assert_null (kt_editor_lookup_field (editor, "scenarios/1/overrides"));
          g_assert_nonnull (kt_editor_lookup_field (editor, "scenarios/2/overrides"));
        }
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    }
  g_assert_true (kt_window_jump_to (window, "chapters/necessity/en"));
  g_assert_cmpstr (kt_window_get_section (window), ==, "chapters");
  kt_editor_set (editor, "chapters/necessity/en", g_variant_new_string ("Why a PPP: three words"), TRUE, NULL);
  g_assert_cmpstr (d->chapters[KT_CHAPTER_NECESSITY].en, ==, "Why a PPP: three words");
  g_assert_cmpuint (kt_count_words ("Sự cần thiết đầu tư, 2026"), ==, 6);
  g_assert_cmpuint (kt_count_words (""), ==, 0);
  destroy_window (window);
}

static void
test_preferences (void)
{
  KtWindow *window = kt_window_new (app);
  GtkWidget *preferences;
  GSettings *settings = kt_application_get_settings (app);

  gtk_window_present (GTK_WINDOW (window));
  preferences = kt_preferences_window_new (GTK_WINDOW (window), settings);
  gtk_window_present (GTK_WINDOW (preferences));
  gtk_test_widget_wait_for_draw (preferences);
  gtk_window_destroy (GTK_WINDOW (preferences));
  /* Changing the unit redraws amounts everywhere. */
  {
    KtWindow *study = open_sample ("can-tho-smart-traffic.khathi");
    KtEditor *editor = kt_window_get_editor (study);
    GtkWidget *row = kt_editor_lookup_field (editor, "operations/land-rent");
    g_autofree char *billion = NULL;

    kt_editor_set (editor, "operations/land-rent", g_variant_new_double (1.5e9), FALSE, NULL);
    billion = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
    g_assert_cmpstr (billion, ==, "1.5");

    g_settings_set_string (settings, "money-unit", "million");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "1,500");
    g_settings_set_string (settings, "money-unit", "billion");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, billion);
    destroy_window (study);
  }
  destroy_window (window);
}

/* KT_SCREENSHOT_DIR=…: every page rendered to PNG (not a test; for looking). */
static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_screenshots (void)
{
  const char *dir = g_getenv ("KT_SCREENSHOT_DIR");
  const char *suffix = g_getenv ("KT_SCREENSHOT_SUFFIX");
  KtWindow *window;

  if (dir == NULL)
    {
      g_test_skip ("KT_SCREENSHOT_DIR not set");
      return;
    }
  window = open_sample ("can-tho-smart-traffic.khathi");
  if (g_getenv ("KT_SCREENSHOT_PROBLEMS") != NULL)
    {
      /* Two problems, to show the badges and the problem list. */
      kt_editor_set (kt_window_get_editor (window), "identity/province", g_variant_new_string (""),
                     FALSE, NULL);
      kt_editor_set (kt_window_get_editor (window), "financing/loans/1/grace-years",
                     g_variant_new_int32 (20), FALSE, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (section_ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%s.png", section_ids[i], suffix ? suffix : "");
      g_autofree char *path = g_build_filename (dir, name, NULL);

      kt_window_show_section (window, section_ids[i]);
      if (g_str_equal (section_ids[i], "investment"))
        kt_window_jump_to (window, "investment/capex/1/name");
      for (int k = 0; k < 5; k++)
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
          iterate ();
        }
      save_png (GTK_WIDGET (window), path);
    }
  {
    KtAssistant *assistant = kt_assistant_new (GTK_WINDOW (window), kt_application_get_settings (app));
    g_autofree char *name = g_strdup_printf ("assistant%s.png", suffix ? suffix : "");
    g_autofree char *path = g_build_filename (dir, name, NULL);

    kt_assistant_set_names (assistant, "Nền tảng dữ liệu nông nghiệp Cần Thơ",
                            "Cần Thơ agricultural data platform", "Công ty Cổ phần Nông nghiệp số");
    gtk_window_present (GTK_WINDOW (assistant));
    for (int k = 0; k < 5; k++)
      {
        gtk_test_widget_wait_for_draw (GTK_WIDGET (assistant));
        iterate ();
      }
    save_png (GTK_WIDGET (assistant), path);
    {
      g_auto(GStrv) assumptions = NULL;
      g_autoptr(KtProject) project = kt_assistant_build_project (assistant, &assumptions);
      g_autofree char *new_name = g_strdup_printf ("new-study%s.png", suffix ? suffix : "");
      g_autofree char *new_path = g_build_filename (dir, new_name, NULL);

      gtk_window_destroy (GTK_WINDOW (assistant));
      kt_window_set_new_project (window, project, (const char * const *) assumptions);
      kt_window_show_section (window, "timeline");
      for (int k = 0; k < 5; k++)
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
          iterate ();
        }
      save_png (GTK_WIDGET (window), new_path);
      g_free (new_name);
      g_free (new_path);
      new_name = g_strdup_printf ("new-study-notes%s.png", suffix ? suffix : "");
      new_path = g_build_filename (dir, new_name, NULL);
      kt_window_jump_to (window, "notes");
      for (int k = 0; k < 5; k++)
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
          iterate ();
        }
      save_png (GTK_WIDGET (window), new_path);
    }
  }
  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Autosaves go to a folder of this run, before GLib caches the state dir. */
  state_dir = g_dir_make_tmp ("test-editor-state-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_test_init (&argc, &argv, NULL);
  /* Screenshots in Vietnamese read the catalogue of the build. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KHATHI_LOCALEDIR") ? g_getenv ("KHATHI_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  gsl_set_error_handler_off ();

  app = kt_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/editor/pages", test_pages);
  g_test_add_func ("/gui/editor/form-edit-undo", test_form_edit_undo);
  g_test_add_func ("/gui/editor/table-edit", test_table_edit);
  g_test_add_func ("/gui/editor/save-reload", test_save_reload);
  g_test_add_func ("/gui/editor/unsaved-dialog", test_unsaved_dialog);
  g_test_add_func ("/gui/editor/autosave-recovery", test_autosave_recovery);
  g_test_add_func ("/gui/editor/assistant", test_assistant);
  g_test_add_func ("/gui/editor/jump-and-chapters", test_jump_and_chapters);
  g_test_add_func ("/gui/editor/preferences", test_preferences);
  g_test_add_func ("/gui/editor/screenshots", test_screenshots);

  status = g_test_run ();
  g_object_unref (app);
  {
    g_autofree char *autosave = kt_window_autosave_dir ();
    g_autofree char *khathi = g_path_get_dirname (autosave);
    g_autoptr(GDir) dir = g_dir_open (autosave, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (autosave, name, NULL);
        g_unlink (path);
      }
    g_rmdir (autosave);
    g_rmdir (khathi);
    g_rmdir (state_dir);
  }
  return status;
}
