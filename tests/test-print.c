/* test-print.c — the laid-out report drawn page by page (printing, previews) matches its PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display.  The proposal of a sample is laid out once (kt_proposal_layout),
 * every page drawn with kt_pdf_draw_page () onto an image surface must carry
 * ink in its text area and none outside the sheet, the page count and
 * orientations must be the PDF's (pdfinfo, skipped when missing), and the PDF
 * rendered from the same layout must be byte-identical to kt_proposal_render ().
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "kt-pdf.h"
#include "kt-project-file.h"
#include "kt-proposal.h"
#include "kt-rules.h"

typedef struct {
  const char *sample;
  KtLang      lang;
} Case;

typedef struct {
  KtProject *project;
  KtRuleSet *set;
  KtRules    rules;
  char      *sha;
} Study;

static void
study_load (Study      *study,
            const char *sample)
{
  g_autofree char *path = g_build_filename (kt_data_dir (), "samples", sample, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (GError) error = NULL;

  study->project = kt_project_load (file, NULL, &error);
  g_assert_no_error (error);
  study->set = kt_rule_set_load_by_id (kt_project_get_data (study->project)->rule_set, &error);
  g_assert_no_error (error);
  kt_rules_resolve (study->set, kt_project_get_data (study->project), &study->rules, problems);
  study->sha = kt_proposal_file_sha256 (file, &error);
  g_assert_no_error (error);
}

static void
study_clear (Study *study)
{
  g_clear_object (&study->project);
  g_clear_pointer (&study->set, kt_rule_set_free);
  g_clear_pointer (&study->sha, g_free);
}

/* Dark pixels (any channel under 160) in a rectangle of an RGB24 surface. */
static guint
count_ink (cairo_surface_t *surface,
           int              x0,
           int              y0,
           int              x1,
           int              y1)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (surface)); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

        if (((pixel >> 16) & 0xff) < 160 || ((pixel >> 8) & 0xff) < 160 || (pixel & 0xff) < 160)
          n++;
      }
  return n;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* "Page    3 size: 841.89 x 595.276 pts (A4)" lines of pdfinfo -l 9999. */
static void
pdfinfo_pages (const char *pdf,
               guint      *n_pages,
               guint      *n_landscape)
{
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "9999", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  *n_pages = *n_landscape = 0;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double w, h;
      unsigned page;

      if (sscanf (lines[i], "Page %u size: %lf x %lf", &page, &w, &h) == 3)
        {
          (*n_pages)++;
          if (w > h)
            (*n_landscape)++;
          g_assert_cmpfloat_with_epsilon (MIN (w, h), 595.276, 0.01);
          g_assert_cmpfloat_with_epsilon (MAX (w, h), 841.89, 0.01);
        }
    }
}

static void
test_pages (gconstpointer user_data)
{
  const Case *c = user_data;
  Study study = { 0 };
  g_autoptr (GDateTime) date = g_date_time_new_utc (2026, 11, 20, 9, 0, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) direct = NULL;
  g_autoptr (GBytes) from_layout = NULL;
  KtProposalOptions options;
  KtPdf *pdf;
  guint n_pages, n_landscape = 0;
  /* 1 pt = 0.5 px: enough to see text as ink. */
  const double scale = 0.5;

  study_load (&study, c->sample);
  kt_proposal_options_init (&options, c->lang);
  options.project_sha256 = study.sha;
  options.date = date;

  pdf = kt_proposal_layout (kt_project_get_data (study.project), study.set, &study.rules,
                            &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  n_pages = kt_pdf_get_n_pages (pdf);
  /* A full proposal: cover, contents, nine chapters, three appendices. */
  g_assert_cmpuint (n_pages, >=, 15);
  g_assert_cmpuint (kt_pdf_get_n_headings (pdf), >=, 12);

  for (guint p = 0; p < n_pages; p++)
    {
      double w, h;
      int iw, ih;
      cairo_surface_t *surface;
      cairo_t *cr;
      guint inside, all;

      kt_pdf_get_page_size (pdf, p, &w, &h);
      if (kt_pdf_get_page_orientation (pdf, p) == KT_PDF_LANDSCAPE)
        {
          n_landscape++;
          g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);
          g_assert_cmpfloat_with_epsilon (h, 595.276, 0.01);
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (w, 595.276, 0.01);
          g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
        }
      /* A surface larger than the page: nothing may be drawn past the sheet. */
      iw = (int) (w * scale) + 40;
      ih = (int) (h * scale) + 40;
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, iw, ih);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      kt_pdf_draw_page (pdf, cr, p, scale);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      all = count_ink (surface, 0, 0, iw, ih);
      inside = count_ink (surface, 0, 0, (int) (w * scale) + 1, (int) (h * scale) + 1);
      g_assert_cmpuint (inside, ==, all);
      /* Every page has text: at least a few hundred dark pixels at 36 dpi. */
      if (all < 300)
        g_error ("page %u of %s (%s) is blank: %u dark pixels", p + 1, c->sample,
                 kt_lang_code (c->lang), all);
      cairo_surface_destroy (surface);
    }
  /* The year-by-year statements are wide tables on landscape pages. */
  g_assert_cmpuint (n_landscape, >, 0);
  g_assert_cmpuint (n_landscape, <, n_pages);

  /* The same layout rendered to PDF gives kt_proposal_render ()'s bytes. */
  from_layout = kt_pdf_finish_to_bytes (pdf, &error);
  g_assert_no_error (error);
  direct = kt_proposal_render (kt_project_get_data (study.project), study.set, &study.rules,
                               &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (from_layout, direct));
  g_assert_cmpuint (kt_pdf_get_n_pages (pdf), ==, n_pages);

  if (have_program ("pdfinfo"))
    {
      g_autofree char *tmp = g_dir_make_tmp ("khathi-print-XXXXXX", &error);
      g_autofree char *path = g_build_filename (tmp, "report.pdf", NULL);
      guint pdf_pages, pdf_landscape;

      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (direct, NULL),
                                          g_bytes_get_size (direct), &error));
      pdfinfo_pages (path, &pdf_pages, &pdf_landscape);
      g_assert_cmpuint (pdf_pages, ==, n_pages);
      g_assert_cmpuint (pdf_landscape, ==, n_landscape);
      g_remove (path);
      g_rmdir (tmp);
    }
  g_test_message ("%s (%s): %u pages, %u landscape", c->sample, kt_lang_code (c->lang),
                  n_pages, n_landscape);
  kt_pdf_free (pdf);
  study_clear (&study);
}

/* Headings as the contents lists them, each on the page the PDF links to. */
static void
test_headings (void)
{
  Study study = { 0 };
  g_autoptr (GError) error = NULL;
  KtProposalOptions options;
  KtPdf *pdf;
  guint level = 0, last_page = 0, n_level1 = 0;

  study_load (&study, "can-tho-smart-traffic.khathi");
  kt_proposal_options_init (&options, KT_LANG_EN);
  pdf = kt_proposal_layout (kt_project_get_data (study.project), study.set, &study.rules,
                            &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kt_pdf_get_n_headings (pdf); i++)
    {
      const char *entry = kt_pdf_get_heading_entry (pdf, i, &level);
      guint page = kt_pdf_get_heading_page (pdf, i);

      g_assert_nonnull (entry);
      g_assert_cmpuint (level, >=, 1);
      g_assert_cmpuint (level, <=, 3);
      /* In reading order, after the cover and the contents. */
      g_assert_cmpuint (page, >=, MAX (last_page, 3));
      g_assert_cmpuint (page, <=, kt_pdf_get_n_pages (pdf));
      last_page = page;
      if (level == 1)
        n_level1++;
    }
  g_assert_cmpstr (kt_pdf_get_heading_entry (pdf, 0, NULL), ==, "1. Rationale and advantage of PPP");
  g_assert_null (kt_pdf_get_heading_entry (pdf, kt_pdf_get_n_headings (pdf), NULL));
  g_assert_cmpuint (n_level1, >=, 10);
  kt_pdf_free (pdf);
  study_clear (&study);
}

int
main (int    argc,
      char **argv)
{
  static const Case cases[] = {
    { "can-tho-smart-traffic.khathi", KT_LANG_VI },
    { "can-tho-smart-traffic.khathi", KT_LANG_EN },
    { "can-tho-agri-uav.khathi", KT_LANG_VI },
  };

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gsl_set_error_handler_off ();
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/report/print/pages/%s/%s", cases[i].sample,
                                               kt_lang_code (cases[i].lang));

      g_test_add_data_func (name, &cases[i], test_pages);
    }
  g_test_add_func ("/report/print/headings", test_headings);
  return g_test_run ();
}
