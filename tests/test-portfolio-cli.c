/* test-portfolio-cli.c — khathi-cli portfolio: the command-line contract and exit statuses
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

static char *cli;
static char *dir;
static char *db;

/* Runs `khathi-cli portfolio --db DB ARGS…`; returns the exit status. */
static int
run (char      **out,
     char      **err,
     const char *first,
     ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *o = NULL;
  g_autofree char *e = NULL;
  g_autoptr (GError) error = NULL;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, "portfolio");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &o, &e, &status, &error);
  g_assert_no_error (error);
  if (e != NULL && *e)
    g_test_message ("stderr: %s", e);
  if (out != NULL)
    *out = g_steal_pointer (&o);
  if (err != NULL)
    *err = g_steal_pointer (&e);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
sample (const char *name)
{
  return g_build_filename (g_getenv ("KHATHI_DATA_DIR"), "samples", name, NULL);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GError *error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_workflow (void)
{
  g_autofree char *traffic = sample ("can-tho-smart-traffic.khathi");
  g_autofree char *health = sample ("can-tho-health-records.khathi");
  g_autofree char *uav = sample ("can-tho-agri-uav.khathi");
  g_autofree char *bad = g_build_filename (dir, "bad.khathi", NULL);
  g_autofree char *v2 = g_build_filename (dir, "v2.khathi", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *changed = NULL;
  char *out = NULL, *err = NULL;
  JsonNode *root;
  JsonArray *array;

  g_assert_true (g_file_set_contents (bad, "<project/>", -1, NULL));
  g_assert_cmpint (run (&out, NULL, "import", traffic, bad, health, uav, "--appraiser", "An", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "imported as #3"));
  g_free (out);

  g_assert_true (g_file_get_contents (traffic, &xml, NULL, NULL));
  {
    char *p = strstr (xml, "<inflation>");
    GString *s = g_string_new_len (xml, p - xml);

    g_string_append (s, "<inflation>0.05");
    g_string_append (s, strstr (p, "</inflation>"));
    changed = g_string_free (s, FALSE);
  }
  g_assert_true (g_file_set_contents (v2, changed, -1, NULL));
  g_assert_cmpint (run (&out, NULL, "import", v2, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "version 2 of #1"));
  g_free (out);

  g_assert_cmpint (run (&out, NULL, "list", "--json", NULL), ==, 0);
  root = parse (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 4);
  json_node_unref (root);
  g_free (out);

  g_assert_cmpint (run (&out, NULL, "list", "--json", "--latest", "--filter", "form=bto", NULL), ==, 0);
  root = parse (out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "version"), ==, 2);
  json_node_unref (root);
  g_free (out);

  g_assert_cmpint (run (&out, NULL, "list", "--json", "--search", "y tế", "--sort", "investment:desc", NULL), ==, 0);
  root = parse (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), >=, 1);
  json_node_unref (root);
  g_free (out);

  g_assert_cmpint (run (NULL, &err, "list", "--sort", "colour", NULL), ==, 2);
  g_free (err);
  g_assert_cmpint (run (NULL, &err, "list", "--filter", "colour=red", NULL), ==, 2);
  g_free (err);

  /* Scoring: comment required, manual criteria only. */
  g_assert_cmpint (run (NULL, &err, "score", "4", "--appraiser", "An", "--criterion", "risk",
                        "--score", "4", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "comment"));
  g_free (err);
  g_assert_cmpint (run (NULL, &err, "score", "4", "--appraiser", "An", "--criterion", "financial",
                        "--score", "4", "--comment", "x", NULL), ==, 2);
  g_free (err);
  g_assert_cmpint (run (NULL, NULL, "score", "4", "--appraiser", "An", "--criterion", "risk",
                        "--score", "4", "--comment", "Phân bổ hợp lý", NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "score", "4", "--appraiser", "Bình", "--criterion", "risk",
                        "--score", "1", "--comment", "Thiếu giải trình", NULL), ==, 0);

  g_assert_cmpint (run (&out, NULL, "show", "4", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "timeline/inflation"));
  g_assert_nonnull (strstr (out, "DISAGREEMENT"));
  g_assert_nonnull (strstr (out, "Art. 77"));
  g_free (out);
  g_assert_cmpint (run (&out, NULL, "show", "4", "--json", NULL), ==, 0);
  root = parse (out);
  g_assert_true (json_object_get_boolean_member (
    json_object_get_object_member (json_node_get_object (root), "score"), "disagreement"));
  json_node_unref (root);
  g_free (out);
  g_assert_cmpint (run (NULL, &err, "show", "99", NULL), ==, 2);
  g_free (err);

  g_assert_cmpint (run (NULL, &err, "decide", "4", "--decision", "approve", "--appraiser", "Chair", NULL), ==, 2);
  g_free (err);
  g_assert_cmpint (run (NULL, NULL, "decide", "4", "--decision", "return", "--appraiser", "Chair",
                        "--note", "Bổ sung giải trình rủi ro", NULL), ==, 0);
  g_assert_cmpint (run (NULL, &err, "score", "4", "--appraiser", "An", "--criterion", "risk",
                        "--score", "5", "--comment", "again", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "final"));
  g_free (err);

  g_assert_cmpint (run (&out, NULL, "rank", "--json", NULL), ==, 0);
  root = parse (out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "rank"), ==, 1);
  json_node_unref (root);
  g_free (out);

  {
    g_autofree char *csv = NULL;
    gsize len;

    g_assert_cmpint (run (NULL, NULL, "catalogue", "-o", "cat.csv", NULL), ==, 0);
    g_autofree char *csv_path = g_build_filename (dir, "cat.csv", NULL);
    g_autofree char *pdf_path = g_build_filename (dir, "r4.pdf", NULL);

    g_assert_true (g_file_get_contents (csv_path, &csv, &len, NULL));
    g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFRank,ID,"));
    g_assert_nonnull (strstr (csv, "\r\n"));
    g_assert_nonnull (strstr (csv, "Công ty Cổ phần"));
    g_assert_nonnull (strstr (csv, ",returned for revision,"));
    g_assert_cmpint (run (NULL, NULL, "catalogue", "-o", "cat.pdf", NULL), ==, 0);
    g_assert_cmpint (run (NULL, &err, "catalogue", "-o", "cat.txt", NULL), ==, 2);
    g_free (err);
    g_assert_cmpint (run (NULL, NULL, "report", "4", "-o", "r4.pdf", NULL), ==, 0);
    g_free (csv);
    g_assert_true (g_file_get_contents (pdf_path, &csv, &len, NULL));
    g_assert_true (g_str_has_prefix (csv, "%PDF-"));
  }

  g_assert_cmpint (run (&out, NULL, "verify", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "intact"));
  g_free (out);
  {
    sqlite3 *raw = NULL;

    g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "DROP TRIGGER decision_no_update;"
                                        "UPDATE decision SET decision = 'approve'", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (raw);
  }
  g_assert_cmpint (run (&out, NULL, "verify", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "decision"));
  g_free (out);
}

static void
test_bad_database (void)
{
  g_autofree char *garbage = g_build_filename (dir, "garbage.sqlite", NULL);
  char *err = NULL;
  g_autofree char *saved = db;

  g_assert_true (g_file_set_contents (garbage, "this is not a database, not at all; just text",
                                      -1, NULL));
  db = garbage;
  g_assert_cmpint (run (NULL, &err, "list", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "not a portfolio"));
  g_free (err);
  db = g_steal_pointer (&saved);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  cli = g_strdup (g_getenv ("KHATHI_CLI"));
  if (cli == NULL)
    {
      g_test_skip ("KHATHI_CLI is not set");
      return 77;
    }
  dir = g_dir_make_tmp ("kt-portfolio-cli-XXXXXX", NULL);
  db = g_build_filename (dir, "p.sqlite", NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  g_test_add_func ("/portfolio/cli/workflow", test_workflow);
  g_test_add_func ("/portfolio/cli/bad-database", test_bad_database);
  status = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

    if (status == 0)
      (void) system (cmd);
  }
  return status;
}
