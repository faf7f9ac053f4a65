/* test-project-file.c — the .khathi format: round trips, hostile files, atomic saving, schema
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Project files come from other organisations, so every hostile file below
 * must be refused with the right error code, line and message, quickly and
 * without reading more than it must.  Big inputs are made at run time in a
 * temporary folder; nothing large is committed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kt-project-file.h"
#include "kt-problem.h"
#include "kt-project-file-private.h"
#include "kt-schema.h"
#include "kt-validate.h"

#define VALID_UUID "0b6f3c1e-5d2a-4c8e-9f1b-2a7d4e6c8b90"

/* ---- helpers ---- */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", name, NULL);
}

static char *
data_path (const char *name)
{
  const char *dir = g_getenv ("KHATHI_DATA_DIR");

  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", name, NULL);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static KtProject *
load_path (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  KtProject *project = kt_project_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpint (kt_file_error_get_line (), ==, 0);
  return project;
}

static KtProject *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  return load_path (path);
}

static char *
make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("khathi-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The folder's entries, sorted and joined by spaces: shows leftover temporary files. */
static char *
list_dir (const char *path)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_file_equals (const char *path,
                    const char *expected,
                    gsize       expected_length)
{
  gsize length = 0;
  g_autofree char *contents = read_file (path, &length);

  g_assert_cmpmem (contents, length, expected, expected_length);
}

/* The schema path of the first field where `a` and `b` differ, for messages. */
static char *
first_difference (const KtRecordDesc *desc,
                  gconstpointer       a,
                  gconstpointer       b,
                  const char         *path)
{
  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];
      gconstpointer pa = (const char *) a + f->offset, pb = (const char *) b + f->offset;
      g_autofree char *where = *path ? g_strdup_printf ("%s/%s", path, f->name)
                                     : g_strdup (f->name);
      char *inner = NULL;

      switch (f->type)
        {
        case KT_FT_GROUP:
          inner = first_difference (f->record, a, b, where);
          break;
        case KT_FT_RECORD:
          inner = first_difference (f->record, pa, pb, where);
          break;
        case KT_FT_LIST:
          {
            GArray *la = *(GArray * const *) pa, *lb = *(GArray * const *) pb;
            if (la->len != lb->len)
              return g_strdup_printf ("%s (%u rows, %u rows)", where, la->len, lb->len);
            for (guint j = 0; j < la->len && inner == NULL; j++)
              {
                g_autofree char *row = g_strdup_printf ("%s/%u", where, j + 1);
                inner = first_difference (f->record, la->data + (gsize) j * f->record->size,
                                          lb->data + (gsize) j * f->record->size, row);
              }
          }
          break;
        default:
          {
            KtRecordDesc one = { "field", 0, f, 1, NULL };
            if (!kt_record_equal (&one, a, b))
              return g_steal_pointer (&where);
          }
          break;
        }
      if (inner != NULL)
        return inner;
    }
  return NULL;
}

static void
assert_projects_equal (KtProject *a,
                       KtProject *b)
{
  g_autofree char *where = first_difference (kt_schema_project (), kt_project_get_data (a),
                                             kt_project_get_data (b), "");
  if (where != NULL)
    g_error ("the projects differ at %s", where);
  g_assert_true (kt_project_equal (a, b));
}

/* ---- a fully populated project ---- */

/* Every field gets a value, every list three rows and every text both
 * languages, walking the schema so that a field added later is covered too. */
typedef struct {
  guint n;
} Filler;

static const char * const vi_strings[] = {
  "Nền tảng dữ liệu đô thị thông minh Cần Thơ – Đắk Lắk",
  "Trợ lý ảo, camera AI & robot tự hành <thế hệ 2> \"trích dẫn\" 'đơn'",
  "Dòng một\nDòng hai\n\n  thụt lề\tvà tab  ",
  "Ưu đãi “10 %” theo Nghị định 180/2025/NĐ-CP; lãi suất 9,5 %",
  "Kết thúc bằng ]]> và --> và ?> và &amp; nguyên văn",
  "Xuống dòng kiểu Windows\r\nvà ký hiệu ₫ € 可行 🚀",
};

static const char * const en_strings[] = {
  "Smart-city data platform, Cần Thơ – Đắk Lắk",
  "Tom & Jerry <b>not bold</b> \"double\" 'single' a<b && c>d",
  "Line one\nLine two\n\n  indented\tand tab  ",
  "CIT 10 % for 15 years (Decree 320/2025/NĐ-CP)",
  "Ends with ]]> and --> and ?> and &lt; verbatim",
  "Windows line end\r\nand symbols ₫ € 可行 🚀",
};

static const double fill_doubles[] = {
  0.1, 1e-300, 123456789012345.67, -0.0, 0.3333333333333333, 4.9406564584124654e-324,
  0.07, 1e18, -0.5, 2.5e-7, 0.99999999999999989, 25000.000000000004,
};

static double
fill_double (Filler            *fl,
             const KtFieldDesc *f)
{
  for (gsize k = 0; k < G_N_ELEMENTS (fill_doubles); k++)
    {
      double x = fill_doubles[(fl->n + k) % G_N_ELEMENTS (fill_doubles)];
      if (x >= f->min && x <= f->max)
        {
          fl->n++;
          return x;
        }
    }
  g_assert_not_reached ();
}

static int
fill_int (Filler            *fl,
          const KtFieldDesc *f)
{
  int lo = (int) f->min, hi = (int) f->max;
  guint k = fl->n++;

  switch (k % 3)
    {
    case 0:
      return hi;
    case 1:
      return lo;
    default:
      return lo + (int) (k % (guint) (hi - lo + 1));
    }
}

static void fill_record (Filler *fl, const KtRecordDesc *desc, gpointer base);

static void
fill_field (Filler            *fl,
            const KtFieldDesc *f,
            gpointer           base)
{
  gpointer p = kt_field_ptr (f, base);

  switch (f->type)
    {
    case KT_FT_STRING:
      g_free (*(char **) p);
      *(char **) p = g_strdup (vi_strings[fl->n++ % G_N_ELEMENTS (vi_strings)]);
      break;
    case KT_FT_TEXT:
      {
        KtText *t = p;
        g_free (t->vi);
        g_free (t->en);
        t->vi = g_strdup (vi_strings[fl->n % G_N_ELEMENTS (vi_strings)]);
        t->en = g_strdup (en_strings[fl->n % G_N_ELEMENTS (en_strings)]);
        fl->n++;
      }
      break;
    case KT_FT_DOUBLE:
      *(double *) p = fill_double (fl, f);
      break;
    case KT_FT_INT:
      *(int *) p = fill_int (fl, f);
      break;
    case KT_FT_UINT64:
      *(guint64 *) p = G_MAXUINT64;
      break;
    case KT_FT_BOOL:
      *(gboolean *) p = fl->n++ % 2 == 0;
      break;
    case KT_FT_ENUM:
      *(int *) p = f->enum_info->entries[fl->n++ % f->enum_info->n_entries].value;
      break;
    case KT_FT_DOUBLES:
      for (int i = 0; i < 4; i++)
        {
          double x = fill_double (fl, f);
          g_array_append_val (*(GArray **) p, x);
        }
      break;
    case KT_FT_INTS:
      for (int i = 0; i < 3; i++)
        {
          int x = fill_int (fl, f);
          g_array_append_val (*(GArray **) p, x);
        }
      break;
    case KT_FT_GROUP:
      fill_record (fl, f->record, base);
      break;
    case KT_FT_RECORD:
      fill_record (fl, f->record, p);
      break;
    case KT_FT_LIST:
      for (int i = 0; i < 3; i++)
        fill_record (fl, f->record, kt_list_append (*(GArray **) p, f->record));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
fill_record (Filler             *fl,
             const KtRecordDesc *desc,
             gpointer            base)
{
  for (int i = 0; i < desc->n_fields; i++)
    fill_field (fl, &desc->fields[i], base);
}

static KtProject *
make_full_project (void)
{
  KtProject *project = kt_project_new ();
  KtProjectData *d = kt_project_edit_data (project);
  Filler fl = { 0 };
  KtCapexLine *line;
  static const double amounts[] = { 0.1, 1e-300, 123456789012345.67, 0, 1e18 };

  fill_record (&fl, kt_schema_project (), d);

  /* Values the assertions below look for. */
  g_free (d->id);
  d->id = g_strdup (VALID_UUID);
  g_free (d->name.vi);
  d->name.vi = g_strdup ("Nền tảng dữ liệu đô thị thông minh Cần Thơ & Đắk Lắk <v2>");
  d->inflation = -0.0;
  d->simulation.seed = G_MAXUINT64;
  line = &g_array_index (d->capex, KtCapexLine, 0);
  g_array_set_size (line->amounts, 0);
  g_array_append_vals (line->amounts, amounts, G_N_ELEMENTS (amounts));
  kt_project_changed (project, "");
  return project;
}

static void
test_round_trip_full (void)
{
  g_autoptr (KtProject) project = make_full_project ();
  g_autoptr (KtProject) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL, *again = NULL;
  gsize length = 0, length_again = 0;
  const KtProjectData *d;
  const KtCapexLine *line;

  data = kt_project_to_data (project, &length);
  g_assert_cmpuint (length, ==, strlen (data));
  g_assert_true (g_utf8_validate (data, length, NULL));
  /* Everything is populated: no list, text or record is written empty. */
  g_assert_null (strstr (data, "/>"));
  g_assert_nonnull (strstr (data, "<seed>18446744073709551615</seed>"));
  g_assert_nonnull (strstr (data, "&amp; Đắk Lắk &lt;v2&gt;"));

  loaded = kt_project_load_from_data (data, length, "full.khathi", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_projects_equal (project, loaded);
  g_assert_true (kt_project_equal (loaded, project));

  again = kt_project_to_data (loaded, &length_again);
  g_assert_cmpmem (again, length_again, data, length);

  d = kt_project_get_data (loaded);
  g_assert_cmpstr (d->name.vi, ==, "Nền tảng dữ liệu đô thị thông minh Cần Thơ & Đắk Lắk <v2>");
  g_assert_cmpstr (d->name.en, ==, kt_project_get_data (project)->name.en);
  g_assert_cmpuint (d->simulation.seed, ==, G_MAXUINT64);
  g_assert_true (d->inflation == 0);
  line = &g_array_index (d->capex, KtCapexLine, 0);
  g_assert_cmpuint (line->amounts->len, ==, 5);
  g_assert_true (g_array_index (line->amounts, double, 0) == 0.1);
  g_assert_true (g_array_index (line->amounts, double, 1) == 1e-300);
  g_assert_true (g_array_index (line->amounts, double, 2) == 123456789012345.67);
  g_assert_true (g_array_index (line->amounts, double, 4) == 1e18);
  for (guint i = 0; i < d->capex->len; i++)
    g_assert_nonnull (g_array_index (d->capex, KtCapexLine, i).name);

  /* Every list has rows and every text both languages in the source project. */
  d = kt_project_get_data (project);
  g_assert_cmpuint (d->capex->len, >=, 2);
  g_assert_cmpuint (d->risks->len, >=, 2);
  g_assert_cmpuint (d->economics.externalities->len, >=, 2);
  for (int c = 0; c < KT_N_CHAPTERS; c++)
    g_assert_true (d->chapters[c].vi != NULL && d->chapters[c].en != NULL);
}

/* Text with special characters survives exactly, field by field. */
static void
test_round_trip_strings (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (vi_strings); i++)
    {
      g_autoptr (KtProject) project = kt_project_new ();
      g_autoptr (KtProject) loaded = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *data = NULL;
      KtProjectData *d = kt_project_edit_data (project);
      gsize length;

      d->notes = g_strdup (vi_strings[i]);
      d->name.en = g_strdup (en_strings[i]);
      d->proposer.name = g_strdup (vi_strings[(i + 1) % G_N_ELEMENTS (vi_strings)]);
      data = kt_project_to_data (project, &length);
      loaded = kt_project_load_from_data (data, length, "strings.khathi", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (kt_project_get_data (loaded)->notes, ==, vi_strings[i]);
      g_assert_cmpstr (kt_project_get_data (loaded)->name.en, ==, en_strings[i]);
      g_assert_cmpstr (kt_project_get_data (loaded)->proposer.name, ==,
                       vi_strings[(i + 1) % G_N_ELEMENTS (vi_strings)]);
    }
}

/* Any finite double in range reads back bit for bit (shortest round-trip text). */
static void
test_round_trip_doubles (void)
{
  g_autoptr (KtProject) project = kt_project_new ();
  g_autoptr (KtProject) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  KtProjectData *d = kt_project_edit_data (project);
  KtUncertainty *u;
  gsize length;

  u = kt_list_append (d->uncertainties, kt_record_find_field (
                        kt_record_find_field (kt_schema_project (), "uncertainty")->record,
                        "distributions")->record);
  for (int i = 0; i < 500; i++)
    {
      double x;
      do
        {
          guint64 bits = ((guint64) g_test_rand_int () << 32) ^ (guint32) g_test_rand_int ();
          memcpy (&x, &bits, sizeof x);
        }
      while (!isfinite (x) || fabs (x) > 1e18);
      g_array_append_val (u->values, x);
    }
  data = kt_project_to_data (project, &length);
  loaded = kt_project_load_from_data (data, length, "doubles.khathi", &error);
  g_assert_no_error (error);
  u = &g_array_index (kt_project_get_data (loaded)->uncertainties, KtUncertainty, 0);
  g_assert_cmpuint (u->values->len, ==, 500);
  for (guint i = 0; i < 500; i++)
    {
      GArray *written = g_array_index (d->uncertainties, KtUncertainty, 0).values;
      double a = g_array_index (written, double, i);
      double b = g_array_index (u->values, double, i);
      /* -0 is written as 0, the one canonical zero. */
      if (a == 0)
        g_assert_true (b == 0);
      else
        g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
    }
}

/* The committed fixture is canonical: load → to_data gives its bytes back. */
static void
test_round_trip_fixture (void)
{
  g_autofree char *path = fixture_path ("valid.khathi");
  g_autoptr (KtProject) project = load_path (path);
  g_autofree char *expected = NULL, *data = NULL;
  gsize expected_length, length;

  expected = read_file (path, &expected_length);
  data = kt_project_to_data (project, &length);
  g_assert_cmpmem (data, length, expected, expected_length);
  g_assert_cmpstr (kt_project_get_data (project)->id, ==, VALID_UUID);
}

static void
show_first_difference (const char *name,
                       const char *a,
                       const char *b)
{
  int line = 1;
  gsize start = 0;

  for (gsize i = 0; a[i] != '\0' || b[i] != '\0'; i++)
    {
      if (a[i] != b[i])
        {
          const char *ea = strchr (a + start, '\n'), *eb = strchr (b + start, '\n');
          g_test_message ("%s is not canonical: line %d differs (file “%.*s”, saved “%.*s”)",
                          name, line, (int) MIN (80, ea ? ea - (a + start) : 80), a + start,
                          (int) MIN (80, eb ? eb - (b + start) : 80), b + start);
          return;
        }
      if (a[i] == '\n')
        line++, start = i + 1;
    }
}

/* Samples are written canonically: load → save gives the same bytes. */
static void
test_round_trip_samples (void)
{
  g_autofree char *dir_path = data_path ("samples");
  g_autofree char *tmp = make_temp_dir ();
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL, *out_path = NULL, *original = NULL, *saved = NULL;
      g_autofree char *saved_again = NULL;
      g_autoptr (KtProject) project = NULL, reloaded = NULL;
      g_autoptr (GFile) out = NULL;
      g_autoptr (GError) error = NULL;
      gsize original_length, saved_length, again_length;

      if (!g_str_has_suffix (name, ".khathi"))
        continue;
      n++;
      path = g_build_filename (dir_path, name, NULL);
      out_path = g_build_filename (tmp, name, NULL);
      out = g_file_new_for_path (out_path);
      g_test_message ("sample %s", name);

      project = load_path (path);
      g_assert_true (kt_project_save (project, out, NULL, &error));
      g_assert_no_error (error);
      original = read_file (path, &original_length);
      saved = read_file (out_path, &saved_length);

      /* At least a fixed point: load → save → load → save changes nothing more. */
      reloaded = load_path (out_path);
      g_assert_true (kt_project_equal (project, reloaded));
      saved_again = kt_project_to_data (reloaded, &again_length);
      g_assert_cmpmem (saved_again, again_length, saved, saved_length);

      if (saved_length != original_length || memcmp (saved, original, saved_length) != 0)
        show_first_difference (name, original, saved);
      g_assert_cmpmem (saved, saved_length, original, original_length);
    }
  if (dir != NULL)
    g_dir_close (dir);
  remove_tree (tmp);
  if (n == 0)
    g_test_skip ("no sample in data/samples yet");
}

/* ---- valid files written by hand or by other tools ---- */

/* CDATA, comments, processing instructions, a BOM, CRLF line ends, NFD text
 * and blanks around values are all plain XML: accepted, same document. */
static void
test_tolerated (void)
{
  g_autoptr (KtProject) valid = load_fixture ("valid.khathi");
  g_autofree char *valid_path = fixture_path ("valid.khathi");
  g_autofree char *text = NULL;
  gsize length;

  {
    g_autoptr (KtProject) project = load_fixture ("comments-pi.khathi");
    g_assert_true (kt_project_equal (project, valid));
  }
  {
    g_autoptr (KtProject) project = load_fixture ("cdata.khathi");
    const KtProjectData *d = kt_project_get_data (project);
    g_assert_cmpstr (d->province, ==, "Cần Thơ <trung tâm> & \"vùng\" ]]");
    g_assert_cmpstr (d->name.vi, ==, "Nền tảng <dữ liệu> & AI");
    g_assert_cmpfloat (d->wacc, ==, 0.1);
  }

  text = read_file (valid_path, &length);
  {
    /* UTF-8 byte order mark. */
    g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", text, NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (KtProject) project = NULL;

    project = kt_project_load_from_data (bom, strlen (bom), "bom.khathi", &error);
    g_assert_no_error (error);
    g_assert_true (kt_project_equal (project, valid));
  }
  {
    /* Windows line ends: same document, same line numbers. */
    g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
    g_autofree char *crlf = g_strjoinv ("\r\n", lines);
    g_autoptr (GError) error = NULL;
    g_autoptr (KtProject) project = NULL;

    project = kt_project_load_from_data (crlf, strlen (crlf), "crlf.khathi", &error);
    g_assert_no_error (error);
    g_assert_true (kt_project_equal (project, valid));
    g_assert_cmpint (kt_project_get_source_line (project, "investment/capex/2/amounts"), ==, 60);
  }
  {
    /* Decomposed Vietnamese (as some macOS tools write it) is stored composed. */
    g_autofree char *nfc = g_strdup ("Cần Thơ");
    g_autofree char *nfd = g_utf8_normalize (nfc, -1, G_NORMALIZE_NFD);
    g_autofree char *needle = g_strdup_printf ("<province>%s</province>", nfc);
    g_autofree char *replacement = g_strdup_printf ("<province>%s</province>", nfd);
    g_autoptr (GString) s = g_string_new (text);
    g_autoptr (GError) error = NULL;
    g_autoptr (KtProject) project = NULL;

    g_assert_cmpstr (nfc, !=, nfd);
    g_assert_cmpuint (g_string_replace (s, needle, replacement, 1), ==, 1);
    project = kt_project_load_from_data (s->str, s->len, "nfd.khathi", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kt_project_get_data (project)->province, ==, nfc);
    g_assert_true (kt_project_equal (project, valid));
  }
  {
    /* Blanks around numbers, enums and booleans. */
    g_autoptr (GString) s = g_string_new (text);
    g_autoptr (GError) error = NULL;
    g_autoptr (KtProject) project = NULL;

    g_string_replace (s, "<wacc>0.1</wacc>", "<wacc>\n      0.1\n    </wacc>", 1);
    g_string_replace (s, "<form>bot</form>", "<form> bot </form>", 1);
    g_string_replace (s, "<st-project>true</st-project>", "<st-project>\ttrue\t</st-project>", 1);
    project = kt_project_load_from_data (s->str, s->len, "blanks.khathi", &error);
    g_assert_no_error (error);
    g_assert_true (kt_project_equal (project, valid));
  }
}

/* ---- hostile files ---- */

typedef struct {
  const char  *file;      /* tests/files/hostile/FILE.khathi */
  KtFileError  code;
  int          line;      /* 0: no line */
  const char  *fragment;  /* English, LC_ALL=C.UTF-8 */
} HostileFile;

static const HostileFile hostile_files[] = {
  /* not XML at all */
  { "empty", KT_FILE_ERROR_NOT_XML, 0, "the file is empty" },
  { "whitespace-only", KT_FILE_ERROR_NOT_XML, 4, "not well-formed XML" },
  { "png", KT_FILE_ERROR_NOT_XML, 3, "binary data" },
  { "utf16", KT_FILE_ERROR_NOT_XML, 1, "binary data" },
  { "invalid-utf8", KT_FILE_ERROR_NOT_XML, 10, "not valid UTF-8" },
  { "overlong-utf8", KT_FILE_ERROR_NOT_XML, 10, "not valid UTF-8" },
  { "control-char", KT_FILE_ERROR_NOT_XML, 13, "not well-formed XML" },
  { "truncated", KT_FILE_ERROR_NOT_XML, 60, "not well-formed XML" },
  { "extra-root", KT_FILE_ERROR_NOT_XML, 201, "not well-formed XML" },
  { "undefined-entity", KT_FILE_ERROR_NOT_XML, 13, "Entity 'xxe' not defined" },
  /* DTDs, entities, inclusion */
  { "external-entity", KT_FILE_ERROR_FORBIDDEN, 2, "DOCTYPE, ENTITY" },
  { "external-dtd", KT_FILE_ERROR_FORBIDDEN, 2, "DOCTYPE, ENTITY" },
  { "billion-laughs", KT_FILE_ERROR_FORBIDDEN, 2, "DOCTYPE, ENTITY" },
  { "parameter-entities", KT_FILE_ERROR_FORBIDDEN, 2, "DOCTYPE, ENTITY" },
  { "xinclude", KT_FILE_ERROR_FORBIDDEN, 14, "XInclude is not allowed" },
  { "xinclude-in-text", KT_FILE_ERROR_FORMAT, 13,
    "element <include> is not allowed inside <province>" },
  /* root, namespace, version */
  { "wrong-root", KT_FILE_ERROR_FORMAT, 2, "the root element is <html>, not <project>" },
  { "wrong-namespace", KT_FILE_ERROR_FORMAT, 2, "not in the Khả Thi namespace" },
  { "no-namespace", KT_FILE_ERROR_FORMAT, 2, "not in the Khả Thi namespace" },
  { "no-format-version", KT_FILE_ERROR_FORMAT, 2,
    "format-version attribute of <project> is missing or invalid" },
  { "format-version-decimal", KT_FILE_ERROR_FORMAT, 2,
    "format-version attribute of <project> is missing or invalid" },
  { "format-version-2", KT_FILE_ERROR_FORMAT, 2, "format version 2, newer than this version" },
  /* structure */
  { "unknown-element", KT_FILE_ERROR_FORMAT, 31, "unknown element <colour> in <timeline>" },
  { "foreign-namespace", KT_FILE_ERROR_FORMAT, 31,
    "unknown element <colour> in <timeline> (wrong namespace)" },
  { "missing-wacc", KT_FILE_ERROR_FORMAT, 33, "<wacc> is missing from <rates>" },
  { "missing-timeline", KT_FILE_ERROR_FORMAT, 2, "<timeline> is missing from <project>" },
  { "duplicate-element", KT_FILE_ERROR_FORMAT, 31, "<inflation> appears twice in <timeline>" },
  { "duplicate-text-language", KT_FILE_ERROR_FORMAT, 8, "<vi> appears twice in <name>" },
  { "text-in-list", KT_FILE_ERROR_FORMAT, 48, "unexpected text inside <capex>" },
  { "string-with-children", KT_FILE_ERROR_FORMAT, 13,
    "element <b> is not allowed inside <province>" },
  { "wrong-list-item", KT_FILE_ERROR_FORMAT, 57,
    "unknown element <row> in <capex>; expected <line>" },
  { "unknown-attribute", KT_FILE_ERROR_FORMAT, 34, "does not follow the project schema" },
  /* values */
  { "non-numeric", KT_FILE_ERROR_FORMAT, 34, "“ten percent” in <wacc> is not a number" },
  { "non-numeric-series", KT_FILE_ERROR_FORMAT, 75, "“abc” in <ramp> is not a number" },
  { "hex-number", KT_FILE_ERROR_FORMAT, 74, "does not follow the project schema" },
  { "nan", KT_FILE_ERROR_FORMAT, 30, "“NaN” in <inflation> is not a finite number" },
  { "inf", KT_FILE_ERROR_FORMAT, 34, "“inf” in <wacc> is not a finite number" },
  { "overflow-1e999", KT_FILE_ERROR_FORMAT, 50, "“1e999” in <amounts> is not a finite number" },
  { "negative-construction-years", KT_FILE_ERROR_FORMAT, 27,
    "-1 in <construction-years> is out of range (allowed 0 … 20)" },
  { "absurd-operation-years", KT_FILE_ERROR_FORMAT, 28,
    "100000 in <operation-years> is out of range (allowed 1 … 99)" },
  { "fractional-int", KT_FILE_ERROR_FORMAT, 28,
    "“20.5” in <operation-years> is not a whole number" },
  { "int-overflow", KT_FILE_ERROR_FORMAT, 19, "in <version> is not a whole number" },
  { "negative-seed", KT_FILE_ERROR_FORMAT, 187, "<seed> must not be negative" },
  { "too-many-values", KT_FILE_ERROR_FORMAT, 75, "<ramp> has too many values (at most 500)" },
  { "bad-enum", KT_FILE_ERROR_FORMAT, 16,
    "“build-operate” is not a valid <form> (allowed: bot, bto," },
  { "bad-boolean", KT_FILE_ERROR_FORMAT, 17, "<st-project> must be “true” or “false”, not “yes”" },
};

/* Files made at run time: too big to commit, or not files at all. */
typedef struct {
  const char  *name;
  KtFileError  code;
  const char  *fragment;
  /* Creates the input in `dir`, returns its path and sets the expected line;
   * NULL to skip on this system. */
  char      *(*make) (const char *dir,
                      const char *valid,
                      int        *line);
} HostileMade;

static int
count_lines (const char *text,
             const char *end)
{
  int line = 1;
  for (const char *p = text; p < end; p++)
    if (*p == '\n')
      line++;
  return line;
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents,
            gsize       length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* `valid` with `insert` put just before the closing </project>. */
static char *
valid_with_notes (const char *dir,
                  const char *name,
                  const char *valid,
                  const char *notes,
                  int        *line)
{
  const char *end = strstr (valid, "</project>");
  g_autoptr (GString) s = g_string_new_len (valid, end - valid);

  *line = count_lines (valid, end);
  g_string_append_printf (s, "  <notes>%s</notes>\n</project>\n", notes);
  return write_temp (dir, name, s->str, s->len);
}

/* valid.khathi with `n_rows` more capex rows, one per line, after a comment
 * that pushes them past line 65 535 (libxml2 stores lines in 16 bits unless
 * asked); `first_row` is the line of the first added row. */
static GString *
valid_with_rows (const char *valid,
                 int         n_rows,
                 int        *first_row)
{
  const char *capex_end = strstr (valid, "    </capex>");
  GString *s = g_string_new_len (valid, capex_end - valid);

  g_string_append (s, "      <!--");
  for (int i = 0; i < 70000; i++)
    g_string_append_c (s, '\n');
  g_string_append (s, "-->\n");
  *first_row = count_lines (s->str, s->str + s->len);
  for (int i = 0; i < n_rows; i++)
    g_string_append (s, "      <line><name>Dòng</name><category>equipment</category>"
                        "<amounts>1 2</amounts><escalation>0</escalation>"
                        "<useful-life>5</useful-life><method>straight-line</method>"
                        "<share-imported>0</share-imported>"
                        "<contingency-rate>-1</contingency-rate></line>\n");
  g_string_append (s, capex_end);
  return s;
}

/* 10 001 capex rows: one too many. */
static char *
make_too_many_rows (const char *dir,
                    const char *valid,
                    int        *line)
{
  int first_row;
  g_autoptr (GString) s = valid_with_rows (valid, 9999, &first_row);

  /* valid.khathi has two rows already: row 10 001 is the 9 999th added. */
  *line = first_row + 9998;
  g_assert_cmpint (*line, >, 65535);
  return write_temp (dir, "too-many-rows.khathi", s->str, s->len);
}

static char *
make_deep (const char *dir,
           const char *valid,
           int        *line)
{
  g_autoptr (GString) notes = g_string_new (NULL);

  for (int i = 0; i < 10000; i++)
    g_string_append (notes, "<a>");
  g_string_append (notes, "deep");
  for (int i = 0; i < 10000; i++)
    g_string_append (notes, "</a>");
  return valid_with_notes (dir, "deep.khathi", valid, notes->str, line);
}

static char *
make_text (const char *dir,
           const char *name,
           const char *valid,
           gsize       size,
           int        *line)
{
  g_autofree char *text = g_malloc (size + 1);

  memset (text, 'A', size);
  text[size] = '\0';
  return valid_with_notes (dir, name, valid, text, line);
}

/* libxml2 refuses a text node over 10 000 000 bytes itself. */
static char *
make_text_10mb (const char *dir,
                const char *valid,
                int        *line)
{
  return make_text (dir, "text-10mb.khathi", valid, 10 * 1024 * 1024, line);
}

/* Below libxml2's limit, above the loader's 1 MB for one text. */
static char *
make_text_2mb (const char *dir,
               const char *valid,
               int        *line)
{
  return make_text (dir, "text-2mb.khathi", valid, 2 * 1024 * 1024, line);
}

/* 65 MB but sparse: takes no disk, and must be refused before it is read. */
static char *
make_sparse (const char *dir,
             const char *valid,
             int        *line)
{
  char *path = g_build_filename (dir, "sparse-65mb.khathi", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, valid, strlen (valid)), ==, (gssize) strlen (valid));
  g_assert_cmpint (ftruncate (fd, (off_t) 65 * 1024 * 1024), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  *line = 0;
  return path;
}

static char *
make_fifo (const char *dir,
           const char *valid,
           int        *line)
{
  char *path = g_build_filename (dir, "fifo.khathi", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  *line = 0;
  return path;
}

static char *
make_dev_zero (const char *dir,
               const char *valid,
               int        *line)
{
  *line = 0;
  return g_file_test ("/dev/zero", G_FILE_TEST_EXISTS) ? g_strdup ("/dev/zero") : NULL;
}

static char *
make_directory (const char *dir,
                const char *valid,
                int        *line)
{
  char *path = g_build_filename (dir, "folder.khathi", NULL);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  *line = 0;
  return path;
}

static char *
make_missing (const char *dir,
              const char *valid,
              int        *line)
{
  *line = 0;
  return g_build_filename (dir, "does-not-exist.khathi", NULL);
}

static const HostileMade hostile_made[] = {
  { "too-many-rows", KT_FILE_ERROR_FORMAT,
    "<capex> has too many rows (at most 10000)", make_too_many_rows },
  { "deep", KT_FILE_ERROR_NOT_XML, "not well-formed XML", make_deep },
  { "text-10mb", KT_FILE_ERROR_NOT_XML, "not well-formed XML", make_text_10mb },
  { "text-2mb", KT_FILE_ERROR_FORMAT, "the text of <notes> is too long", make_text_2mb },
  { "sparse-65mb", KT_FILE_ERROR_TOO_LARGE,
    "the file is too large (65 MB; a project file has at most 64 MB)", make_sparse },
  { "fifo", KT_FILE_ERROR_IO, "device or pipe", make_fifo },
  { "dev-zero", KT_FILE_ERROR_IO, "device or pipe", make_dev_zero },
  { "directory", KT_FILE_ERROR_IO, "this is a folder", make_directory },
  { "missing", KT_FILE_ERROR_IO, "No such file", make_missing },
};

static gboolean
english_messages (void)
{
  const char *language = g_getenv ("LANGUAGE");
  return language == NULL || *language == '\0' || g_str_has_prefix (language, "en");
}

/* Loads `path` through the GFile path; returns the microseconds it took. */
static gint64
check_rejected (const char  *path,
                KtFileError  code,
                int          line,
                const char  *fragment)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *prefix = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KtProject) project = NULL;
  gint64 start, elapsed;

  start = g_get_monotonic_time ();
  project = kt_project_load (file, NULL, &error);
  elapsed = g_get_monotonic_time () - start;

  g_test_message ("%s → %s", path, error ? error->message : "(loaded)");
  g_assert_null (project);
  g_assert_error (error, KT_FILE_ERROR, (int) code);
  g_assert_cmpint (kt_file_error_get_line (), ==, line);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  prefix = line > 0 ? g_strdup_printf ("%s:%d: ", name, line) : g_strdup_printf ("%s: ", name);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  if (english_messages ())
    g_assert_nonnull (strstr (error->message, fragment));
  return elapsed;
}

static void
check_hostile_table (void)
{
  g_autofree char *valid_path = fixture_path ("valid.khathi");
  g_autofree char *valid = read_file (valid_path, NULL);
  g_autofree char *tmp = make_temp_dir ();
  const char *factor_env = g_getenv ("KHATHI_TEST_TIME_FACTOR");
  double factor = factor_env ? g_ascii_strtod (factor_env, NULL) : 1;
  gint64 total = 0;
  guint n = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      const HostileFile *h = &hostile_files[i];
      g_autofree char *base = g_strconcat (h->file, ".khathi", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "hostile", base, NULL);
      g_autofree char *contents = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (KtProject) project = NULL;
      g_autofree char *prefix = NULL;
      gsize length;
      gint64 start;

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      total += check_rejected (path, h->code, h->line, h->fragment);
      n++;

      /* The same through kt_project_load_from_data (the name is only for messages). */
      contents = read_file (path, &length);
      start = g_get_monotonic_time ();
      project = kt_project_load_from_data (contents, length, "mem.khathi", &error);
      total += g_get_monotonic_time () - start;
      g_assert_null (project);
      g_assert_error (error, KT_FILE_ERROR, (int) h->code);
      g_assert_cmpint (kt_file_error_get_line (), ==, h->line);
      prefix = h->line > 0 ? g_strdup_printf ("mem.khathi:%d: ", h->line)
                           : g_strdup ("mem.khathi: ");
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (hostile_made); i++)
    {
      const HostileMade *h = &hostile_made[i];
      int line = -1;
      g_autofree char *path = h->make (tmp, valid, &line);

      if (path == NULL)
        {
          g_test_message ("%s: not available here, skipped", h->name);
          continue;
        }
      total += check_rejected (path, h->code, line, h->fragment);
      n++;
    }

  /* Every committed hostile file is in the table above. */
  {
    g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "files", "hostile", NULL);
    GDir *dir = g_dir_open (dir_path, 0, NULL);
    const char *name;
    guint n_files = 0;

    g_assert_nonnull (dir);
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        gboolean listed = FALSE;
        for (gsize i = 0; i < G_N_ELEMENTS (hostile_files) && !listed; i++)
          listed = g_str_has_prefix (name, hostile_files[i].file)
                   && strcmp (name + strlen (hostile_files[i].file), ".khathi") == 0;
        if (!listed)
          g_error ("tests/files/hostile/%s is not in the table of hostile files", name);
        n_files++;
      }
    g_dir_close (dir);
    g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (hostile_files));
  }

  g_test_message ("%u hostile inputs rejected in %.3f s", n, total / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (n, >=, 30);
  /* A sanity bound, not a benchmark: nothing is read or expanded beyond need. */
  g_assert_cmpint (total, <, (gint64) (2 * G_USEC_PER_SEC * factor));

  /* A good load afterwards clears the thread's error line. */
  {
    g_autoptr (KtProject) project = load_path (valid_path);
    g_assert_cmpint (kt_file_error_get_line (), ==, 0);
  }
  remove_tree (tmp);
}

static void
test_hostile (void)
{
  check_hostile_table ();
}

/* Same codes and lines with the Vietnamese interface (the messages may be
 * translated, so only their form is checked). */
static void
test_hostile_vi (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      g_setenv ("LANGUAGE", "vi", TRUE);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      check_hostile_table ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The most rows a list may have, past line 65 535: loads, and lines stay exact. */
static void
test_big_file (void)
{
  g_autofree char *valid_path = fixture_path ("valid.khathi");
  g_autofree char *valid = read_file (valid_path, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KtProject) project = NULL;
  g_autoptr (GString) s = NULL;
  int first_row;

  s = valid_with_rows (valid, 9998, &first_row);
  project = kt_project_load_from_data (s->str, s->len, "big.khathi", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kt_project_get_data (project)->capex->len, ==, 10000);
  g_assert_cmpint (kt_project_get_source_line (project, "investment/capex/3"), ==, first_row);
  g_assert_cmpint (kt_project_get_source_line (project, "investment/capex/10000"), ==,
                   first_row + 9997);
  g_assert_cmpint (kt_project_get_source_line (project, "investment/capex/10000/amounts"), ==,
                   first_row + 9997);
  g_assert_cmpint (kt_project_get_source_line (project, "operations/revenues/1/ramp"), >,
                   first_row + 9997);

  /* One error near the end is reported at its own line, not at 65 535. */
  g_clear_object (&project);
  g_assert_cmpuint (g_string_replace (s, "<tariff>6000000</tariff>", "<tariff>-1</tariff>", 1),
                    ==, 1);
  project = kt_project_load_from_data (s->str, s->len, "big.khathi", &error);
  g_assert_null (project);
  g_assert_error (error, KT_FILE_ERROR, KT_FILE_ERROR_FORMAT);
  g_assert_cmpint (kt_file_error_get_line (), ==,
                   count_lines (s->str, strstr (s->str, "<tariff>-1</tariff>")));
}

/* Line numbers name the element the problem is in. */
static void
test_source_lines (void)
{
  g_autoptr (KtProject) project = load_fixture ("valid.khathi");
  g_autoptr (KtProject) fresh = kt_project_new ();

  g_assert_cmpint (kt_project_get_source_line (project, ""), ==, 2);
  g_assert_cmpint (kt_project_get_source_line (project, "identity/name"), ==, 5);
  g_assert_cmpint (kt_project_get_source_line (project, "identity/proposer/name"), ==, 10);
  g_assert_cmpint (kt_project_get_source_line (project, "rates/wacc"), ==, 34);
  g_assert_cmpint (kt_project_get_source_line (project, "investment/capex"), ==, 46);
  g_assert_cmpint (kt_project_get_source_line (project, "investment/capex/1"), ==, 47);
  g_assert_cmpint (kt_project_get_source_line (project, "investment/capex/2"), ==, 57);
  g_assert_cmpint (kt_project_get_source_line (project, "investment/capex/2/amounts"), ==, 60);
  g_assert_cmpint (kt_project_get_source_line (project, "investment/capex/1/amounts"), ==, 50);
  /* A field absent from the file: where its parent starts. */
  g_assert_cmpint (kt_project_get_source_line (project, "investment/capex/2/note"), ==, 57);
  g_assert_cmpint (kt_project_get_source_line (project, "investment/replacements/1/name"), ==, 42);
  g_assert_cmpint (kt_project_get_source_line (project, "nothing/here"), ==, 2);
  g_assert_cmpint (kt_project_get_source_line (project, NULL), ==, 0);
  /* Not loaded from a file. */
  g_assert_cmpint (kt_project_get_source_line (fresh, "investment/capex/2/amounts"), ==, 0);
}

/* ---- saving ---- */

static void
test_save_atomic (void)
{
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "study.khathi", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (KtProject) project = load_fixture ("valid.khathi");
  g_autofree char *v1 = NULL, *v2 = NULL, *listing = NULL;
  gsize v1_length, v2_length;
  g_autoptr (GError) error = NULL;
  KtProjectData *d;

  g_assert_true (kt_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  v1 = kt_project_to_data (project, &v1_length);
  assert_file_equals (path, v1, v1_length);

  d = kt_project_edit_data (project);
  g_free (d->notes);
  d->notes = g_strnfill (4096, 'x');
  d->wacc = 0.11;
  kt_project_changed (project, "");
  v2 = kt_project_to_data (project, &v2_length);

  /* The disk fills up half way: the old file stays, no temporary file is left. */
  for (int attempt = 0; attempt < 2; attempt++)
    {
      kt_project_file_set_write_limit (attempt == 0 ? (gssize) v2_length / 2 : 0);
      g_assert_false (kt_project_save (project, file, NULL, &error));
      kt_project_file_set_write_limit (-1);
      g_assert_error (error, KT_FILE_ERROR, KT_FILE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "study.khathi"));
      g_assert_nonnull (strstr (error->message, "The previous version of the file is unchanged"));
      g_clear_error (&error);
      assert_file_equals (path, v1, v1_length);
      listing = list_dir (tmp);
      g_assert_cmpstr (listing, ==, "study.khathi");
      g_clear_pointer (&listing, g_free);
    }

  g_assert_true (kt_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  assert_file_equals (path, v2, v2_length);
  listing = list_dir (tmp);
  g_assert_cmpstr (listing, ==, "study.khathi");
  g_clear_pointer (&listing, g_free);

  /* A folder that does not exist. */
  {
    g_autofree char *missing = g_build_filename (tmp, "missing", "study.khathi", NULL);
    g_autoptr (GFile) missing_file = g_file_new_for_path (missing);
    g_autofree char *missing_dir = g_build_filename (tmp, "missing", NULL);

    g_assert_false (kt_project_save (project, missing_file, NULL, &error));
    g_assert_error (error, KT_FILE_ERROR, KT_FILE_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "Could not save"));
    g_assert_nonnull (strstr (error->message, missing_dir));
    g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
    g_clear_error (&error);
    g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  }

  /* A folder where the file should be: refused, the folder and its content stay. */
  {
    g_autofree char *folder = g_build_filename (tmp, "folder.khathi", NULL);
    g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);
    g_autoptr (GFile) folder_file = g_file_new_for_path (folder);

    g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
    g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));
    g_assert_false (kt_project_save (project, folder_file, NULL, &error));
    g_assert_error (error, KT_FILE_ERROR, KT_FILE_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "folder.khathi"));
    g_assert_nonnull (strstr (error->message, "The previous version of the file is unchanged"));
    g_clear_error (&error);
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    assert_file_equals (inside, "keep", 4);
    listing = list_dir (tmp);
    g_assert_cmpstr (listing, ==, "folder.khathi study.khathi");
    g_clear_pointer (&listing, g_free);
  }

  /* What was saved loads back as the same document. */
  {
    g_autoptr (KtProject) loaded = load_path (path);
    g_assert_true (kt_project_equal (loaded, project));
  }
  remove_tree (tmp);
}

/* ---- schema ---- */

static void
test_schema (void)
{
  g_autofree char *rng_path = data_path ("khathi-project.rng");
  g_autofree char *committed = read_file (rng_path, NULL);
  g_autofree char *generated = kt_schema_to_relaxng ();
  g_autofree char *valid_path = fixture_path ("valid.khathi");
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;

  /* data/khathi-project.rng is `khathi-cli schema`: regenerate it when the tables change. */
  g_assert_cmpstr (committed, ==, generated);

  parser = xmlRelaxNGNewMemParserCtxt (generated, (int) strlen (generated));
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  g_assert_nonnull (schema);

  /* The writer's output follows it: the fixture and a fully populated project. */
  {
    g_autoptr (KtProject) full = make_full_project ();
    g_autofree char *full_data = NULL;
    gsize full_length;
    const char *paths[] = { valid_path, NULL };
    xmlDocPtr doc;
    xmlRelaxNGValidCtxtPtr valid;

    full_data = kt_project_to_data (full, &full_length);
    for (int i = 0; i < 2; i++)
      {
        if (i == 0)
          doc = xmlReadFile (paths[0], NULL, XML_PARSE_NONET);
        else
          doc = xmlReadMemory (full_data, (int) full_length, NULL, NULL, XML_PARSE_NONET);
        g_assert_nonnull (doc);
        valid = xmlRelaxNGNewValidCtxt (schema);
        g_assert_cmpint (xmlRelaxNGValidateDoc (valid, doc), ==, 0);
        xmlRelaxNGFreeValidCtxt (valid);
        xmlFreeDoc (doc);
      }
  }
  xmlRelaxNGFree (schema);
}

/* ---- claimed figures (issue #9) ---- */

/* The file `valid.khathi` with `extra` inserted before </project>. */
static char *
fixture_with (const char *extra)
{
  g_autofree char *path = fixture_path ("valid.khathi");
  g_autofree char *text = read_file (path, NULL);
  char *end = strstr (text, "</project>");

  g_assert_nonnull (end);
  *end = '\0';
  return g_strdup_printf ("%s%s</project>\n", text, extra);
}

static void
test_claims (void)
{
  g_autofree char *path = fixture_path ("valid.khathi");
  g_autoptr (KtProject) plain = load_path (path);
  const KtProjectData *d = kt_project_get_data (plain);
  g_autofree char *plain_data = kt_project_to_data (plain, NULL);
  static const char claims[] =
    "  <claimed-figures engine=\"0.1.0\" computed-at=\"2026-11-23T10:00:00Z\">\n"
    "    <project-npv>30283353162.65333</project-npv>\n"
    "    <equity-irr>0.16870329658185812</equity-irr>\n"
    "  </claimed-figures>\n";

  /* No element, no claims: an older file stays as it was. */
  g_assert_null (d->claimed.engine);
  g_assert_true (isnan (d->claimed.project_npv) && isnan (d->claimed.vfm));
  g_assert_null (strstr (plain_data, "claimed-figures"));

  /* Some figures: those come back exactly, the others stay absent. */
  {
    g_autofree char *text = fixture_with (claims);
    g_autoptr (GError) error = NULL;
    g_autoptr (KtProject) p = kt_project_load_from_data (text, strlen (text), "claims.khathi", &error);
    g_autofree char *saved = NULL;
    gsize length;

    g_assert_no_error (error);
    d = kt_project_get_data (p);
    g_assert_cmpstr (d->claimed.engine, ==, "0.1.0");
    g_assert_cmpstr (d->claimed.computed_at, ==, "2026-11-23T10:00:00Z");
    g_assert_true (d->claimed.project_npv == 30283353162.65333);
    g_assert_true (d->claimed.equity_irr == 0.16870329658185812);
    g_assert_true (isnan (d->claimed.project_irr) && isnan (d->claimed.llcr));
    g_assert_false (kt_project_equal (p, plain));
    saved = kt_project_to_data (p, &length);
    g_assert_cmpmem (saved, length, text, strlen (text));
    /* Absent figures are no validation problem. */
    {
      g_autoptr (GPtrArray) problems = kt_project_validate (p, NULL);

      for (guint i = 0; i < problems->len; i++)
        g_assert_null (strstr (((KtProblem *) problems->pdata[i])->where, "claimed-figures"));
    }
  }

  /* An empty element claims nothing: it is dropped on saving. */
  {
    g_autofree char *text = fixture_with ("  <claimed-figures/>\n");
    g_autoptr (GError) error = NULL;
    g_autoptr (KtProject) p = kt_project_load_from_data (text, strlen (text), "empty.khathi", &error);

    g_assert_no_error (error);
    g_assert_true (kt_project_equal (p, plain));
  }

  /* Refused: an attribute written as an element, an unknown figure, an
   * impossible rate, text for a number. */
  {
    static const char * const bad[] = {
      "  <claimed-figures><engine>0.1.0</engine></claimed-figures>\n",
      "  <claimed-figures><npv>1</npv></claimed-figures>\n",
      "  <claimed-figures><project-irr>-5</project-irr></claimed-figures>\n",
      "  <claimed-figures><vfm>nhiều</vfm></claimed-figures>\n",
      "  <claimed-figures version=\"2\"/>\n",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *text = fixture_with (bad[i]);
        g_autoptr (GError) error = NULL;
        g_autoptr (KtProject) p = kt_project_load_from_data (text, strlen (text), "bad.khathi", &error);

        g_test_message ("%s", error != NULL ? error->message : "(accepted)");
        g_assert_null (p);
        g_assert_error (error, KT_FILE_ERROR, KT_FILE_ERROR_FORMAT);
      }
  }
}

/* ---- copy and equal ---- */

static void
test_copy_equal (void)
{
  g_autoptr (KtProject) project = make_full_project ();
  g_autoptr (KtProject) copy = kt_project_copy (project);
  KtProjectData *c = kt_project_edit_data (copy);
  const KtProjectData *d = kt_project_get_data (project);
  KtCapexLine *line;
  double saved;

  g_assert_true (kt_project_equal (project, copy));
  g_assert_true (kt_project_equal (copy, project));
  g_assert_true (kt_project_equal (project, project));

  /* A deep copy: nothing is shared. */
  g_assert_true (c->notes != d->notes);
  g_assert_true (c->capex != d->capex);
  g_assert_true (g_array_index (c->capex, KtCapexLine, 0).amounts
                 != g_array_index (d->capex, KtCapexLine, 0).amounts);

  saved = c->wacc;
  c->wacc = nextafter (saved, 1);
  g_assert_false (kt_project_equal (project, copy));
  c->wacc = saved;
  g_assert_true (kt_project_equal (project, copy));

  c->simulation.seed--;
  g_assert_false (kt_project_equal (project, copy));
  c->simulation.seed++;

  line = &g_array_index (c->capex, KtCapexLine, 1);
  g_free (line->name);
  line->name = g_strdup ("đổi tên");
  g_assert_false (kt_project_equal (project, copy));
  g_free (line->name);
  line->name = g_strdup (g_array_index (d->capex, KtCapexLine, 1).name);
  g_assert_true (kt_project_equal (project, copy));

  saved = g_array_index (line->amounts, double, 0);
  g_array_index (line->amounts, double, 0) = saved + 1;
  g_assert_false (kt_project_equal (project, copy));
  g_array_index (line->amounts, double, 0) = saved;
  g_assert_true (kt_project_equal (project, copy));

  g_free (c->chapters[KT_CHAPTER_CONCLUSION].en);
  c->chapters[KT_CHAPTER_CONCLUSION].en = NULL;
  g_assert_false (kt_project_equal (project, copy));
  c->chapters[KT_CHAPTER_CONCLUSION].en = g_strdup (d->chapters[KT_CHAPTER_CONCLUSION].en);
  g_assert_true (kt_project_equal (project, copy));

  kt_list_remove (c->risks, kt_record_find_field (kt_schema_project (), "risks")->record, 2);
  g_assert_false (kt_project_equal (project, copy));

  /* Changing the copy left the original alone. */
  {
    g_autoptr (KtProject) again = make_full_project ();
    g_assert_true (kt_project_equal (project, again));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/project-file/round-trip/full", test_round_trip_full);
  g_test_add_func ("/core/project-file/round-trip/strings", test_round_trip_strings);
  g_test_add_func ("/core/project-file/round-trip/doubles", test_round_trip_doubles);
  g_test_add_func ("/core/project-file/round-trip/fixture", test_round_trip_fixture);
  g_test_add_func ("/core/project-file/round-trip/samples", test_round_trip_samples);
  g_test_add_func ("/core/project-file/tolerated", test_tolerated);
  g_test_add_func ("/core/project-file/hostile", test_hostile);
  g_test_add_func ("/core/project-file/hostile-vi", test_hostile_vi);
  g_test_add_func ("/core/project-file/source-lines", test_source_lines);
  g_test_add_func ("/core/project-file/big-file", test_big_file);
  g_test_add_func ("/core/project-file/save-atomic", test_save_atomic);
  g_test_add_func ("/core/project-file/schema", test_schema);
  g_test_add_func ("/core/project-file/copy-equal", test_copy_equal);
  g_test_add_func ("/core/project-file/claims", test_claims);
  return g_test_run ();
}
