/* test-edit.c — undoable edits by schema path, CSV and pasted numbers (no GTK)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kt-csv.h"
#include "kt-edit.h"
#include "kt-project.h"

static KtProject *
project_with_capex (void)
{
  KtProject *project = kt_project_new ();
  KtProjectData *d = kt_project_edit_data (project);
  KtPathTarget target;
  KtCapexLine *line;
  double amounts[] = { 1e9, 2e9 };

  g_assert_true (kt_path_resolve (d, "investment/capex", &target, NULL));
  g_assert_cmpint (target.field->type, ==, KT_FT_LIST);
  line = kt_list_append (d->capex, target.field->record);

  line->name = g_strdup ("Servers");
  g_array_append_vals (line->amounts, amounts, 2);
  return project;
}

static void
test_path_get_set (void)
{
  g_autoptr(KtProject) project = project_with_capex ();
  KtProjectData *d = kt_project_edit_data (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) v = NULL;

  v = kt_path_get (d, "investment/capex/1/amounts/2", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (g_variant_get_double (v), ==, 2e9);
  g_assert_true (kt_path_set (d, "identity/name/vi", g_variant_new_string ("Dự án"), &error));
  g_assert_cmpstr (d->name.vi, ==, "Dự án");
  g_assert_true (kt_path_set (d, "timeline/construction-years", g_variant_new_int32 (3), &error));
  g_assert_cmpint (d->construction_years, ==, 3);
  g_assert_true (kt_path_set (d, "sharing/lower", g_variant_new_double (0.8), &error));
  g_assert_cmpfloat (d->sharing.lower, ==, 0.8);
  g_assert_true (kt_path_set (d, "chapters/necessity/en", g_variant_new_string ("Why"), &error));
  g_assert_cmpstr (d->chapters[KT_CHAPTER_NECESSITY].en, ==, "Why");
  /* Growing an array by writing past its end. */
  g_assert_true (kt_path_set (d, "investment/capex/1/amounts/4", g_variant_new_double (5), &error));
  g_assert_cmpuint (g_array_index (d->capex, KtCapexLine, 0).amounts->len, ==, 4);

  g_assert_false (kt_path_set (d, "timeline/construction-years", g_variant_new_int32 (99), &error));
  g_assert_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (kt_path_set (d, "investment/capex/7/name", g_variant_new_string ("x"), &error));
  g_assert_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_PATH);
  g_clear_error (&error);
  g_assert_false (kt_path_set (d, "identity/form", g_variant_new_string ("x"), &error));
  g_assert_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_TYPE);
  g_clear_error (&error);
  g_assert_null (kt_path_get (d, "investment", &error));
  g_clear_error (&error);
}

static void
test_undo_redo (void)
{
  g_autoptr(KtProject) project = project_with_capex ();
  g_autoptr(KtProject) original = kt_project_copy (project);
  g_autoptr(KtEditStack) stack = kt_edit_stack_new (project);
  const KtProjectData *d = kt_project_get_data (project);
  g_autoptr(GError) error = NULL;

  g_assert_false (kt_edit_stack_is_dirty (stack));
  /* Typing in one field coalesces into one step. */
  kt_edit_stack_set (stack, "identity/name/en", g_variant_new_string ("A"), TRUE, &error);
  kt_edit_stack_set (stack, "identity/name/en", g_variant_new_string ("AB"), TRUE, &error);
  kt_edit_stack_set (stack, "identity/name/en", g_variant_new_string ("ABC"), TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (kt_edit_stack_is_dirty (stack));
  kt_edit_stack_seal (stack);
  kt_edit_stack_set (stack, "identity/name/en", g_variant_new_string ("ABCD"), TRUE, &error);
  kt_edit_stack_set (stack, "investment/capex/1/amounts/1", g_variant_new_double (1.5e9), FALSE, &error);
  g_assert_true (kt_edit_stack_list_append (stack, "investment/capex", &error));
  g_assert_true (kt_edit_stack_list_move (stack, "investment/capex", 1, 0, &error));
  g_assert_cmpuint (d->capex->len, ==, 2);
  g_assert_null (g_array_index (d->capex, KtCapexLine, 0).name);

  g_assert_true (kt_edit_stack_undo (stack));   /* move */
  g_assert_cmpstr (g_array_index (d->capex, KtCapexLine, 0).name, ==, "Servers");
  g_assert_true (kt_edit_stack_undo (stack));   /* append */
  g_assert_cmpuint (d->capex->len, ==, 1);
  g_assert_true (kt_edit_stack_undo (stack));   /* amount */
  g_assert_cmpfloat (g_array_index (g_array_index (d->capex, KtCapexLine, 0).amounts, double, 0), ==, 1e9);
  g_assert_cmpstr (kt_edit_stack_get_last_path (stack), ==, "investment/capex/1/amounts/1");
  g_assert_true (kt_edit_stack_undo (stack));
  g_assert_cmpstr (d->name.en, ==, "ABC");
  g_assert_true (kt_edit_stack_undo (stack));
  g_assert_null (d->name.en);
  g_assert_false (kt_edit_stack_undo (stack));
  g_assert_true (kt_project_equal (project, original));
  g_assert_false (kt_edit_stack_is_dirty (stack));

  while (kt_edit_stack_redo (stack))
    ;
  g_assert_cmpstr (d->name.en, ==, "ABCD");
  g_assert_cmpuint (d->capex->len, ==, 2);
  g_assert_cmpstr (g_array_index (d->capex, KtCapexLine, 1).name, ==, "Servers");

  /* Saved point, then a group undone at once. */
  kt_edit_stack_mark_saved (stack);
  g_assert_false (kt_edit_stack_is_dirty (stack));
  kt_edit_stack_begin_group (stack, "paste");
  kt_edit_stack_set (stack, "investment/capex/2/amounts/1", g_variant_new_double (7), FALSE, &error);
  kt_edit_stack_set (stack, "investment/capex/2/amounts/2", g_variant_new_double (8), FALSE, &error);
  kt_edit_stack_end_group (stack);
  g_assert_true (kt_edit_stack_is_dirty (stack));
  kt_edit_stack_undo (stack);
  g_assert_false (kt_edit_stack_is_dirty (stack));
  g_assert_cmpfloat (g_array_index (g_array_index (d->capex, KtCapexLine, 1).amounts, double, 0), ==, 1.5e9);
  /* A refused value records nothing. */
  g_assert_false (kt_edit_stack_set (stack, "sharing/lower", g_variant_new_double (-3), FALSE, &error));
  g_clear_error (&error);
  g_assert_false (kt_edit_stack_is_dirty (stack));
  /* Undo past the saved point, then a new edit: the saved state is gone. */
  kt_edit_stack_undo (stack);
  kt_edit_stack_set (stack, "identity/province", g_variant_new_string ("Cần Thơ"), FALSE, &error);
  kt_edit_stack_undo (stack);
  g_assert_true (kt_edit_stack_is_dirty (stack));
}

static void
test_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = kt_csv_parse ("\xEF\xBB\xBFname;amount\r\n\"Máy chủ; \"\"A\"\"\";1.234,5\n\nB;2\n", 0, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((char **) rows->pdata[1])[0], ==, "Máy chủ; \"A\"");
  g_assert_cmpstr (((char **) rows->pdata[1])[1], ==, "1.234,5");
  out = kt_csv_format (rows, ',');
  g_assert_cmpstr (out, ==, "name,amount\r\n\"Máy chủ; \"\"A\"\"\",\"1.234,5\"\r\nB,2\r\n");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = kt_csv_parse (out, 0, &error);
  g_assert_cmpstr (((char **) rows->pdata[1])[1], ==, "1.234,5");
  g_assert_null (kt_csv_parse ("a,\"b", ',', &error));
  g_assert_error (error, KT_CSV_ERROR, KT_CSV_ERROR_SYNTAX);
}

static void
test_paste (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) vi = kt_paste_parse_numbers ("1.234.567\r\n12,5\n\n3 %\n", KT_LANG_VI, &error);
  g_autoptr(GArray) en = kt_paste_parse_numbers ("1,234,567\t12.5\t\t(4)", KT_LANG_EN, &error);
  g_autoptr(GPtrArray) grid = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (vi->len, ==, 3);
  g_assert_cmpfloat (g_array_index (vi, double, 0), ==, 1234567);
  g_assert_cmpfloat (g_array_index (vi, double, 1), ==, 12.5);
  g_assert_cmpfloat_with_epsilon (g_array_index (vi, double, 2), 0.03, 1e-12);
  g_assert_cmpuint (en->len, ==, 4);
  g_assert_cmpfloat (g_array_index (en, double, 0), ==, 1234567);
  g_assert_true (isnan (g_array_index (en, double, 2)));
  g_assert_cmpfloat (g_array_index (en, double, 3), ==, -4);
  grid = kt_paste_parse_grid ("1\t2\n3\t4\n", KT_LANG_EN, &error);
  g_assert_cmpuint (grid->len, ==, 2);
  g_assert_cmpfloat (g_array_index ((GArray *) grid->pdata[1], double, 1), ==, 4);
  g_assert_null (kt_paste_parse_numbers ("12\nabc\n", KT_LANG_VI, &error));
  g_assert_error (error, KT_CSV_ERROR, KT_CSV_ERROR_NUMBER);
  g_clear_error (&error);
  g_assert_null (kt_paste_parse_numbers (" \n", KT_LANG_VI, &error));
  g_assert_error (error, KT_CSV_ERROR, KT_CSV_ERROR_EMPTY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/edit/path-get-set", test_path_get_set);
  g_test_add_func ("/core/edit/undo-redo", test_undo_redo);
  g_test_add_func ("/core/edit/csv", test_csv);
  g_test_add_func ("/core/edit/paste", test_paste);
  return g_test_run ();
}
