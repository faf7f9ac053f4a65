/* test-report-chart.c — chart model: nice ticks, tick labels, tornado order, bins, hits, export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kt-chart.h"
#include "kt-report-font.h"
#include "kt-report-i18n.h"
#include "test-report-samples.h"

#define NBSP "\302\240"

/* Where exported images go: $KT_TEST_OUTPUT_DIR to keep and look at them,
 * else a temporary folder removed at the end. */
static char *output_dir;
static gboolean keep_output;

static void
check_scale (double lo,
             double hi,
             guint  max_ticks,
             double min,
             double max,
             double step,
             guint  n_ticks)
{
  KtChartScale scale;

  kt_chart_nice_scale (lo, hi, max_ticks, &scale);
  g_assert_cmpfloat_with_epsilon (scale.min, min, fabs (step) * 1e-9);
  g_assert_cmpfloat_with_epsilon (scale.max, max, fabs (step) * 1e-9);
  g_assert_cmpfloat_with_epsilon (scale.step, step, fabs (step) * 1e-9);
  g_assert_cmpuint (scale.n_ticks, ==, n_ticks);
}

static void
test_nice_scale (void)
{
  KtChartScale scale;

  check_scale (0, 1, 6, 0, 1, 0.2, 6);
  check_scale (0, 1, 11, 0, 1, 0.1, 11);
  check_scale (-3.7e9, 1.2e10, 6, -5e9, 1.5e10, 5e9, 5);
  check_scale (-3.7e9, 1.2e10, 10, -4e9, 1.2e10, 2e9, 9);
  /* 0.6 / 0.2 is 2.9999999999999996: still exactly three steps. */
  check_scale (0, 0.6, 4, 0, 0.6, 0.2, 4);
  check_scale (0.6, 1.8, 7, 0.6, 1.8, 0.2, 7);
  check_scale (1.12, 2.06, 6, 1.0, 2.5, 0.5, 4);
  check_scale (-250, -10, 6, -250, 0, 50, 6);
  /* Reversed bounds are swapped. */
  check_scale (1, 0, 6, 0, 1, 0.2, 6);

  /* All values equal: a range around the value, never a zero step. */
  kt_chart_nice_scale (7, 7, 6, &scale);
  g_assert_cmpfloat (scale.step, >, 0);
  g_assert_cmpfloat (scale.min, <, 7);
  g_assert_cmpfloat (scale.max, >, 7);
  g_assert_cmpuint (scale.n_ticks, <=, 6);
  kt_chart_nice_scale (-2.5e9, -2.5e9, 6, &scale);
  g_assert_cmpfloat (scale.min, <, -2.5e9);
  g_assert_cmpfloat (scale.max, >, -2.5e9);
  check_scale (0, 0, 6, 0, 1, 0.2, 6);
  /* Not finite: the unit range. */
  check_scale (NAN, 5, 6, 0, 1, 0.2, 6);

  /* Ticks are exact multiples and -0 is 0. */
  kt_chart_nice_scale (-3.7e9, 1.2e10, 6, &scale);
  g_assert_cmpfloat (kt_chart_scale_tick (&scale, 1), ==, 0.0);
  g_assert_false (signbit (kt_chart_scale_tick (&scale, 1)));
  kt_chart_nice_scale (0, 0.6, 4, &scale);
  g_assert_cmpfloat_with_epsilon (kt_chart_scale_tick (&scale, 3), 0.6, 1e-15);
}

static void
check_tick (double      value,
            double      lo,
            double      hi,
            KtValueFormat format,
            KtLang      lang,
            const char *expected)
{
  KtChartScale scale;
  g_autofree char *text = NULL;

  kt_chart_nice_scale (lo, hi, 6, &scale);
  text = kt_chart_format_tick (format, value, &scale, lang);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_tick_labels (void)
{
  /* English needs no catalogue. */
  check_tick (1.2e9, 0, 1.2e9, KT_VALUE_COMPACT, KT_LANG_EN, "1.2" NBSP "bn");
  check_tick (1e9, 0, 1.2e9, KT_VALUE_COMPACT, KT_LANG_EN, "1" NBSP "bn");
  check_tick (0, 0, 1.2e9, KT_VALUE_COMPACT, KT_LANG_EN, "0");
  check_tick (-5e9, -3.7e9, 1.2e10, KT_VALUE_COMPACT, KT_LANG_EN, "-5" NBSP "bn");
  check_tick (1.5e10, -3.7e9, 1.2e10, KT_VALUE_COMPACT, KT_LANG_EN, "15" NBSP "bn");
  check_tick (3.5e8, 0, 4e8, KT_VALUE_COMPACT, KT_LANG_EN, "350" NBSP "m");
  check_tick (2.5e12, 0, 2.5e12, KT_VALUE_COMPACT, KT_LANG_EN, "2,500" NBSP "bn");
  check_tick (40, 0, 50, KT_VALUE_COMPACT, KT_LANG_EN, "40");
  check_tick (0.4, 0, 1, KT_VALUE_PERCENT, KT_LANG_EN, "40" NBSP "%");
  check_tick (1.4, 1.0, 2.2, KT_VALUE_NUMBER, KT_LANG_EN, "1.4");
  check_tick (1.4, 1.0, 2.2, KT_VALUE_NUMBER, KT_LANG_VI, "1,4");
  check_tick (0.04, 0, 0.12, KT_VALUE_PERCENT, KT_LANG_VI, "4" NBSP "%");

  if (!kt_report_lang_available (KT_LANG_VI))
    {
      g_test_skip ("Vietnamese catalogue not found (set KHATHI_LOCALEDIR to <build>/po)");
      return;
    }
  check_tick (1.2e9, 0, 1.2e9, KT_VALUE_COMPACT, KT_LANG_VI, "1,2" NBSP "tỷ");
  check_tick (-5e9, -3.7e9, 1.2e10, KT_VALUE_COMPACT, KT_LANG_VI, "-5" NBSP "tỷ");
  check_tick (3.5e8, 0, 4e8, KT_VALUE_COMPACT, KT_LANG_VI, "350" NBSP "triệu");
  check_tick (2.5e12, 0, 2.5e12, KT_VALUE_COMPACT, KT_LANG_VI, "2.500" NBSP "tỷ");
  check_tick (12000, 0, 15000, KT_VALUE_COMPACT, KT_LANG_VI, "12" NBSP "nghìn");
}

static void
test_value_text (void)
{
  g_autoptr(KtChart) chart = kt_chart_new (KT_CHART_BAR_LINE, KT_LANG_EN);
  g_autofree char *a = kt_chart_format_value (chart, 1.2345e9);
  g_autofree char *b = kt_chart_format_value (chart, -4.5e8);
  g_autofree char *c = kt_chart_format_value (chart, NAN);
  g_autofree char *d = NULL;

  g_assert_cmpstr (a, ==, "1.23" NBSP "bn");
  g_assert_cmpstr (b, ==, "-450" NBSP "m");
  g_assert_cmpstr (c, ==, KT_FORMAT_NO_VALUE);
  kt_chart_set_value_format (chart, KT_VALUE_PERCENT, 1);
  d = kt_chart_format_value (chart, 0.1234);
  g_assert_cmpstr (d, ==, "12.3" NBSP "%");
}

static void
test_value_scale (void)
{
  static const char *const cats[] = { "A", "B", "C" };
  static const double up[] = { 5, 7, 3 };
  static const double down[] = { -2, -1, -4 };
  g_autoptr(KtChart) grouped = kt_chart_new (KT_CHART_GROUPED_BAR, KT_LANG_EN);
  g_autoptr(KtChart) stacked = kt_chart_new (KT_CHART_STACKED_BAR, KT_LANG_EN);
  g_autoptr(KtChart) dscr = kt_chart_new (KT_CHART_THRESHOLD_BAR, KT_LANG_EN);
  g_autoptr(KtChart) empty = kt_chart_new (KT_CHART_BAR_LINE, KT_LANG_EN);
  static const double ratios[] = { 1.4, 1.6, 1.5 };
  KtChartScale scale;

  kt_chart_set_categories (grouped, cats, 3);
  kt_chart_add_series (grouped, KT_SERIES_BAR, "up", up, 3);
  kt_chart_add_series (grouped, KT_SERIES_BAR, "down", down, 3);
  g_assert_true (kt_chart_get_value_scale (grouped, &scale));
  g_assert_cmpfloat (scale.min, <=, -4);
  g_assert_cmpfloat (scale.max, >=, 7);

  /* Stacked: the sums per category set the range. */
  kt_chart_set_categories (stacked, cats, 3);
  kt_chart_add_series (stacked, KT_SERIES_BAR, "a", up, 3);
  kt_chart_add_series (stacked, KT_SERIES_BAR, "b", up, 3);
  kt_chart_add_series (stacked, KT_SERIES_BAR, "c", down, 3);
  g_assert_true (kt_chart_get_value_scale (stacked, &scale));
  g_assert_cmpfloat (scale.max, >=, 14);
  g_assert_cmpfloat (scale.min, <=, -4);

  /* Bars start at zero, and the covenant line is inside. */
  kt_chart_set_categories (dscr, cats, 3);
  kt_chart_add_series (dscr, KT_SERIES_BAR, "DSCR", ratios, 3);
  kt_chart_add_threshold (dscr, 1.3, "covenant");
  kt_chart_add_threshold (dscr, 2.0, "target");
  g_assert_true (kt_chart_get_value_scale (dscr, &scale));
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, >=, 2.0);

  g_assert_false (kt_chart_get_value_scale (empty, &scale));
}

static void
test_tornado_order (void)
{
  g_autoptr(KtChart) chart = kt_chart_new (KT_CHART_TORNADO, KT_LANG_EN);
  g_autofree guint *order = NULL;
  g_autofree guint *samples_order = NULL;
  g_autoptr(KtChart) sample = sample_tornado_chart (KT_LANG_EN);
  guint n;

  kt_chart_set_base (chart, 10, "base");
  kt_chart_add_tornado_item (chart, "swing 1", 9.5, 10.5);
  kt_chart_add_tornado_item (chart, "swing 5", 7, 12);
  kt_chart_add_tornado_item (chart, "swing 3 reversed", 11, 8);
  kt_chart_add_tornado_item (chart, "swing 5 again", 12, 7);
  kt_chart_add_tornado_item (chart, "swing 0", 10, 10);
  order = kt_chart_get_tornado_order (chart, &n);
  g_assert_cmpuint (n, ==, 5);
  /* Widest first; the two swings of 5 keep their insertion order. */
  g_assert_cmpuint (order[0], ==, 1);
  g_assert_cmpuint (order[1], ==, 3);
  g_assert_cmpuint (order[2], ==, 2);
  g_assert_cmpuint (order[3], ==, 0);
  g_assert_cmpuint (order[4], ==, 4);

  /* The sample: traffic (4.3e11) above capital cost (3.3e11) above tariff (3.5e11)? */
  samples_order = kt_chart_get_tornado_order (sample, &n);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpuint (samples_order[0], ==, 1);   /* traffic: 4.3e11 */
  g_assert_cmpuint (samples_order[1], ==, 4);   /* tariff: 3.5e11 */
  g_assert_cmpuint (samples_order[2], ==, 2);   /* capital cost: 3.3e11 */
  g_assert_cmpuint (samples_order[6], ==, 5);   /* exchange rate: 0.3e11 */
}

static void
test_histogram_bins (void)
{
  g_autoptr(KtChart) chart = kt_chart_new (KT_CHART_HISTOGRAM, KT_LANG_EN);
  double samples[101];
  const guint *counts;
  double first, width;
  guint n_bins, total = 0;

  for (guint i = 0; i < 100; i++)
    samples[i] = i;
  kt_chart_set_samples (chart, samples, 100, 10);
  counts = kt_chart_get_histogram (chart, &first, &width, &n_bins);
  g_assert_cmpfloat (first, ==, 0);
  g_assert_cmpfloat (width, ==, 10);
  g_assert_cmpuint (n_bins, ==, 10);
  for (guint b = 0; b < n_bins; b++)
    g_assert_cmpuint (counts[b], ==, 10);

  /* The maximum on the top edge goes into the last bin. */
  samples[100] = 100;
  kt_chart_set_samples (chart, samples, 101, 10);
  counts = kt_chart_get_histogram (chart, &first, &width, &n_bins);
  g_assert_cmpuint (n_bins, ==, 10);
  g_assert_cmpuint (counts[9], ==, 11);

  /* Edges are multiples of a 1-2-5 width; 0.3 sits on an edge and goes up. */
  {
    static const double tenths[] = { 0.1, 0.2, 0.3, 0.3, 0.45, 0.9 };
    kt_chart_set_samples (chart, tenths, G_N_ELEMENTS (tenths), 8);
    counts = kt_chart_get_histogram (chart, &first, &width, &n_bins);
    g_assert_cmpfloat_with_epsilon (width, 0.1, 1e-12);
    g_assert_cmpfloat_with_epsilon (first, 0.1, 1e-12);
    g_assert_cmpuint (n_bins, ==, 8);
    g_assert_cmpuint (counts[0], ==, 1);   /* [0.1, 0.2) */
    g_assert_cmpuint (counts[1], ==, 1);   /* [0.2, 0.3) */
    g_assert_cmpuint (counts[2], ==, 2);   /* [0.3, 0.4) */
    g_assert_cmpuint (counts[3], ==, 1);
    g_assert_cmpuint (counts[7], ==, 1);   /* 0.9, the top edge */
  }

  /* All equal: one bin holding everything; NAN and infinities dropped. */
  {
    static const double same[] = { 5, 5, NAN, 5, INFINITY };
    kt_chart_set_samples (chart, same, G_N_ELEMENTS (same), 0);
    counts = kt_chart_get_histogram (chart, &first, &width, &n_bins);
    g_assert_cmpuint (n_bins, ==, 1);
    g_assert_cmpuint (counts[0], ==, 3);
    g_assert_cmpfloat (first, <=, 5);
    g_assert_cmpfloat (first + width, >, 5);
  }

  /* Automatic bin count on the sample: every draw counted once, 8–40 bins. */
  {
    g_autoptr(KtChart) sample = sample_histogram_chart (KT_LANG_EN);
    counts = kt_chart_get_histogram (sample, &first, &width, &n_bins);
    g_assert_cmpuint (n_bins, >=, 8);
    g_assert_cmpuint (n_bins, <=, 80);
    for (guint b = 0; b < n_bins; b++)
      total += counts[b];
    g_assert_cmpuint (total, ==, 10000);
  }
}

static void
test_percentiles (void)
{
  g_autoptr(KtChart) chart = kt_chart_new (KT_CHART_HISTOGRAM, KT_LANG_EN);
  double samples[100];

  g_assert_true (isnan (kt_chart_get_percentile (chart, 50)));
  /* Given in reverse: the chart sorts. */
  for (guint i = 0; i < 100; i++)
    samples[i] = 100 - i;
  kt_chart_set_samples (chart, samples, 100, 0);
  /* Excel PERCENTILE.INC of 1…100. */
  g_assert_cmpfloat_with_epsilon (kt_chart_get_percentile (chart, 50), 50.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (kt_chart_get_percentile (chart, 5), 5.95, 1e-12);
  g_assert_cmpfloat_with_epsilon (kt_chart_get_percentile (chart, 95), 95.05, 1e-12);
  g_assert_cmpfloat (kt_chart_get_percentile (chart, 0), ==, 1);
  g_assert_cmpfloat (kt_chart_get_percentile (chart, 100), ==, 100);
}

static KtChartStyle
test_style (KtChartTheme theme)
{
  KtChartStyle style;

  kt_chart_style_init (&style, theme);
  style.font_size = 12;
  return style;
}

/* Scans a line across the chart and records which indices answer. */
static void
test_hit_bars (void)
{
  static const char *const cats[] = { "2026", "2027", "2028" };
  static const double values[] = { 3e9, 5e9, 4e9 };
  static const double line[] = { 1e9, 2e9, 9e9 };
  g_autoptr(KtChart) chart = kt_chart_new (KT_CHART_BAR_LINE, KT_LANG_EN);
  KtChartStyle style = test_style (KT_CHART_THEME_LIGHT);
  gboolean seen[3] = { FALSE, FALSE, FALSE };
  gboolean point = FALSE;
  KtChartHit hit;

  kt_chart_set_categories (chart, cats, 3);
  kt_chart_add_series (chart, KT_SERIES_BAR, "Flow", values, 3);
  kt_chart_add_series (chart, KT_SERIES_LINE, "Other", line, 3);

  /* Just above the zero line every bar is hit (the plot ends above the labels). */
  for (double y = 300; y < 380 && !(seen[0] && seen[1] && seen[2]); y += 2)
    for (double x = 0; x < 600; x += 2)
      if (kt_chart_hit_test (chart, &style, 600, 400, x, y, &hit))
        {
          if (hit.kind == KT_CHART_HIT_BAR)
            {
              g_assert_cmpint (hit.series, ==, 0);
              g_assert_cmpfloat (hit.value, ==, values[hit.index]);
              g_assert_nonnull (strstr (hit.text, cats[hit.index]));
              g_assert_nonnull (strstr (hit.text, "bn"));
              seen[hit.index] = TRUE;
            }
          kt_chart_hit_clear (&hit);
        }
  g_assert_true (seen[0] && seen[1] && seen[2]);

  /* The line's points are hit somewhere in the plot. */
  for (double y = 0; y < 400 && !point; y += 2)
    for (double x = 0; x < 600 && !point; x += 2)
      if (kt_chart_hit_test (chart, &style, 600, 400, x, y, &hit))
        {
          if (hit.kind == KT_CHART_HIT_POINT && hit.index == 2)
            {
              g_assert_cmpint (hit.series, ==, 1);
              g_assert_cmpstr (hit.text, ==, "2028 — Other: 9" NBSP "bn");
              point = TRUE;
            }
          kt_chart_hit_clear (&hit);
        }
  g_assert_true (point);

  /* Outside: nothing. */
  g_assert_false (kt_chart_hit_test (chart, &style, 600, 400, 2, 2, &hit));
  g_assert_cmpint (hit.kind, ==, KT_CHART_HIT_NONE);
  g_assert_null (hit.text);
}

static void
test_hit_other_kinds (void)
{
  GPtrArray *charts = sample_all_charts (KT_LANG_EN);
  KtChartStyle style = test_style (KT_CHART_THEME_DARK);
  KtChartHitKind expected[] = { KT_CHART_HIT_BAR, KT_CHART_HIT_BAR, KT_CHART_HIT_BAR,
                                KT_CHART_HIT_TORNADO, KT_CHART_HIT_BIN, KT_CHART_HIT_CELL,
                                KT_CHART_HIT_BAR };

  for (guint i = 0; i < charts->len; i++)
    {
      KtChart *chart = g_ptr_array_index (charts, i);
      gboolean found = FALSE;

      for (double y = 0; y < 450 && !found; y += 5)
        for (double x = 0; x < 800 && !found; x += 5)
          {
            KtChartHit hit;
            if (kt_chart_hit_test (chart, &style, 800, 450, x, y, &hit))
              {
                if (hit.kind == expected[i])
                  {
                    g_assert_nonnull (hit.text);
                    g_assert_cmpint (hit.index, >=, 0);
                    found = TRUE;
                  }
                kt_chart_hit_clear (&hit);
              }
          }
      g_assert_true (found);
    }
  g_ptr_array_unref (charts);
}

static const char *const chart_names[] = {
  "cash-flow", "funding", "dscr", "tornado", "histogram", "risk-matrix", "scenarios",
};

/* Share of pixels that differ from the top-left (background) pixel. */
static double
ink_share (const char *png)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  int w, h, stride, inked = 0;
  const guint32 *row0;
  guint32 background;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (image);
  h = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);
  row0 = (const guint32 *) cairo_image_surface_get_data (image);
  background = row0[0];
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (image) + y * stride);
      for (int x = 0; x < w; x++)
        inked += row[x] != background;
    }
  cairo_surface_destroy (image);
  return (double) inked / (w * h);
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PangoFontMap) map = kt_report_font_map_new (NULL, &error);

  if (map == NULL)
    {
      g_test_skip (error->message);
      return;
    }

  for (KtLang lang = KT_LANG_VI; lang <= KT_LANG_EN; lang++)
    {
      GPtrArray *charts = sample_all_charts (lang);

      for (guint i = 0; i < charts->len; i++)
        for (KtChartTheme theme = KT_CHART_THEME_LIGHT; theme <= KT_CHART_THEME_DARK; theme++)
          {
            KtChart *chart = g_ptr_array_index (charts, i);
            KtChartStyle style = test_style (theme);
            g_autofree char *base = g_strdup_printf ("%s-%s-%s", chart_names[i],
                                                     kt_lang_code (lang),
                                                     theme == KT_CHART_THEME_DARK ? "dark" : "light");
            g_autofree char *png = g_strconcat (output_dir, G_DIR_SEPARATOR_S, base, ".png", NULL);
            g_autofree char *svg = g_strconcat (output_dir, G_DIR_SEPARATOR_S, base, ".svg", NULL);
            g_autofree char *contents = NULL;
            double ink;

            /* The report font, so the pictures match the PDF on every machine. */
            style.font_family = KT_REPORT_FONT_FAMILY;
            style.font_map = map;
            g_assert_true (kt_chart_export_png (chart, &style, png, 800, 450, 1, &error));
            g_assert_no_error (error);
            g_assert_true (kt_chart_export_svg (chart, &style, svg, 800, 450, &error));
            g_assert_no_error (error);

            ink = ink_share (png);
            g_assert_cmpfloat (ink, >, 0.03);    /* something was drawn … */
            g_assert_cmpfloat (ink, <, 0.9);     /* … on a background */
            g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
            g_assert_nonnull (strstr (contents, "<svg"));
            if (!keep_output)
              {
                g_unlink (png);
                g_unlink (svg);
              }
          }
      g_ptr_array_unref (charts);
    }

  /* A path that cannot be written: a clear error. */
  {
    g_autoptr(KtChart) chart = sample_dscr_chart (KT_LANG_EN);
    KtChartStyle style = test_style (KT_CHART_THEME_LIGHT);
    g_assert_false (kt_chart_export_png (chart, &style, "/nonexistent-dir/x.png", 100, 100, 1,
                                         &error));
    g_assert_error (error, KT_CHART_ERROR, KT_CHART_ERROR_EXPORT);
    g_assert_nonnull (strstr (error->message, "/nonexistent-dir/x.png"));
  }
}

/* Bubble charts: area ∝ size, a floor for no size, two value axes, hits and pictures. */
static KtChart *
bubble_chart (KtLang lang)
{
  KtChart *chart = kt_chart_new (KT_CHART_BUBBLE, lang);
  guint pending = kt_chart_add_bubble_group (chart, "Pending", 0);
  guint approved = kt_chart_add_bubble_group (chart, "Approved", 2);

  kt_chart_set_axis_titles (chart, "Financial (0–5)", "Socio-economic (0–5)");
  kt_chart_set_value_format (chart, KT_VALUE_NUMBER, -1);
  kt_chart_set_bubble_range (chart, 0, 5, 0, 5);
  kt_chart_set_bubble_sizes (chart, "State fiscal cost", KT_VALUE_COMPACT, "No net cost");
  kt_chart_add_marker (chart, 2.5, NULL);
  kt_chart_add_threshold (chart, 2.5, NULL);
  g_assert_cmpuint (kt_chart_add_bubble (chart, pending, "Traffic", 3.5, 4, 100e9, "Total 70"), ==, 0);
  g_assert_cmpuint (kt_chart_add_bubble (chart, approved, "Health", 1.5, 2.5, 25e9, NULL), ==, 1);
  g_assert_cmpuint (kt_chart_add_bubble (chart, pending, "Farm UAV", 4.5, 1, -3e9, NULL), ==, 2);
  g_assert_cmpuint (kt_chart_add_bubble (chart, approved, "No figures", 2, 3.5, NAN, NULL), ==, 3);
  g_assert_cmpuint (kt_chart_add_bubble (chart, approved, "Tiny", 0.5, 0.5, 1e6, NULL), ==, 4);
  return chart;
}

static void
test_bubble (void)
{
  g_autoptr(KtChart) chart = bubble_chart (KT_LANG_EN);
  KtChartStyle style = test_style (KT_CHART_THEME_LIGHT);
  double floor_r = kt_chart_bubble_min_radius (40);
  KtChartScale scale;
  double x, y, size;
  const char *label;
  gboolean seen[5] = { FALSE };

  /* No x or y: not a bubble. */
  g_assert_cmpuint (kt_chart_add_bubble (chart, 0, "Unscored", NAN, 2, 1e9, NULL), ==, G_MAXUINT);
  g_assert_cmpuint (kt_chart_get_n_bubbles (chart), ==, 5);
  g_assert_true (kt_chart_get_bubble (chart, 1, &x, &y, &size, &label));
  g_assert_cmpfloat (x, ==, 1.5);
  g_assert_cmpfloat (y, ==, 2.5);
  g_assert_cmpfloat (size, ==, 25e9);
  g_assert_cmpstr (label, ==, "Health");
  g_assert_false (kt_chart_get_bubble (chart, 5, NULL, NULL, NULL, NULL));

  /* Area ∝ size: a quarter of the largest has half its radius. */
  g_assert_cmpfloat_with_epsilon (kt_chart_get_bubble_radius (chart, 0, 40), 40, 1e-12);
  g_assert_cmpfloat_with_epsilon (kt_chart_get_bubble_radius (chart, 1, 40), 20, 1e-12);
  /* No net cost (≤ 0), no figure and a vanishing one: the floor, 12 % of the largest. */
  g_assert_cmpfloat_with_epsilon (floor_r, 4.8, 1e-12);
  g_assert_cmpfloat (kt_chart_get_bubble_radius (chart, 2, 40), ==, floor_r);
  g_assert_cmpfloat (kt_chart_get_bubble_radius (chart, 3, 40), ==, floor_r);
  g_assert_cmpfloat (kt_chart_get_bubble_radius (chart, 4, 40), ==, floor_r);
  /* At least 3 units, never above the largest. */
  g_assert_cmpfloat (kt_chart_bubble_min_radius (10), ==, 3.0);
  g_assert_cmpfloat (kt_chart_bubble_min_radius (2), ==, 2.0);

  /* Both axes cover the criterion's scale 0–5 in whole steps. */
  g_assert_true (kt_chart_get_x_scale (chart, &scale));
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 5);
  g_assert_cmpfloat (scale.step, ==, 1);
  g_assert_true (kt_chart_get_value_scale (chart, &scale));
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 5);
  /* A score beyond the range widens the axis. */
  kt_chart_add_bubble (chart, 0, "Wide", 6.2, 3, 1e9, NULL);
  g_assert_true (kt_chart_get_x_scale (chart, &scale));
  g_assert_cmpfloat (scale.max, >=, 6.2);

  /* Every bubble, the hollow ones too, answers a hit with its figures. */
  for (double px = 0; px < 800; px += 3)
    for (double py = 0; py < 450; py += 3)
      {
        KtChartHit hit;

        if (!kt_chart_hit_test (chart, &style, 800, 450, px, py, &hit))
          continue;
        g_assert_cmpint (hit.kind, ==, KT_CHART_HIT_BUBBLE);
        if (hit.index < 5)
          seen[hit.index] = TRUE;
        if (hit.index == 0)
          {
            g_assert_nonnull (strstr (hit.text, "Traffic"));
            g_assert_nonnull (strstr (hit.text, "100" NBSP "bn"));
            g_assert_nonnull (strstr (hit.text, "Total 70"));
            g_assert_cmpint (hit.series, ==, 0);
          }
        kt_chart_hit_clear (&hit);
      }
  for (guint i = 0; i < 5; i++)
    g_assert_true (seen[i]);
}

static void
test_bubble_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PangoFontMap) map = kt_report_font_map_new (NULL, &error);

  if (map == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  for (KtChartTheme theme = KT_CHART_THEME_LIGHT; theme <= KT_CHART_THEME_DARK; theme++)
    {
      g_autoptr(KtChart) chart = bubble_chart (KT_LANG_EN);
      KtChartStyle style = test_style (theme);
      g_autofree char *png = g_strdup_printf ("%s/bubble-%s.png", output_dir,
                                              theme == KT_CHART_THEME_DARK ? "dark" : "light");
      double ink;

      style.font_family = KT_REPORT_FONT_FAMILY;
      style.font_map = map;
      g_assert_true (kt_chart_export_png (chart, &style, png, 800, 450, 1, &error));
      g_assert_no_error (error);
      ink = ink_share (png);
      g_assert_cmpfloat (ink, >, 0.03);
      g_assert_cmpfloat (ink, <, 0.9);
      if (!keep_output)
        g_unlink (png);
    }
}

/* Degenerate input draws something sane and does not crash. */
static void
test_degenerate (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_t *cr = cairo_create (surface);
  KtChartStyle style = test_style (KT_CHART_THEME_LIGHT);
  KtChartKind kinds[] = { KT_CHART_BAR_LINE, KT_CHART_GROUPED_BAR, KT_CHART_STACKED_BAR,
                          KT_CHART_THRESHOLD_BAR, KT_CHART_TORNADO, KT_CHART_HISTOGRAM,
                          KT_CHART_HEATMAP, KT_CHART_BUBBLE };
  static const char *const one[] = { "only" };
  static const double nan_value[] = { NAN };
  static const double zero[] = { 0 };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(KtChart) chart = kt_chart_new (kinds[k], KT_LANG_VI);
      KtChartHit hit;

      kt_chart_set_title (chart, "Trống");
      kt_chart_draw (chart, cr, 0, 0, 200, 100, &style);
      kt_chart_draw (chart, cr, 0, 0, 5, 5, &style);     /* too small for a plot */
      kt_chart_draw (chart, cr, 0, 0, 0, 0, &style);
      g_assert_false (kt_chart_hit_test (chart, &style, 200, 100, 100, 50, &hit));
    }
  {
    g_autoptr(KtChart) chart = kt_chart_new (KT_CHART_BAR_LINE, KT_LANG_EN);
    kt_chart_set_categories (chart, one, 1);
    kt_chart_add_series (chart, KT_SERIES_BAR, "nan", nan_value, 1);
    kt_chart_add_series (chart, KT_SERIES_LINE, "zero", zero, 1);
    kt_chart_draw (chart, cr, 0, 0, 200, 100, &style);
  }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  const char *keep = g_getenv ("KT_TEST_OUTPUT_DIR");
  int status;

  g_test_init (&argc, &argv, NULL);

  if (keep != NULL && *keep != '\0')
    {
      output_dir = g_strdup (keep);
      keep_output = TRUE;
      g_mkdir_with_parents (output_dir, 0755);
    }
  else
    output_dir = g_dir_make_tmp ("kt-chart-XXXXXX", NULL);
  g_assert_nonnull (output_dir);

  g_test_add_func ("/report/chart/nice-scale", test_nice_scale);
  g_test_add_func ("/report/chart/tick-labels", test_tick_labels);
  g_test_add_func ("/report/chart/value-text", test_value_text);
  g_test_add_func ("/report/chart/value-scale", test_value_scale);
  g_test_add_func ("/report/chart/tornado-order", test_tornado_order);
  g_test_add_func ("/report/chart/histogram-bins", test_histogram_bins);
  g_test_add_func ("/report/chart/percentiles", test_percentiles);
  g_test_add_func ("/report/chart/hit-bars", test_hit_bars);
  g_test_add_func ("/report/chart/hit-other-kinds", test_hit_other_kinds);
  g_test_add_func ("/report/chart/export", test_export);
  g_test_add_func ("/report/chart/degenerate", test_degenerate);
  g_test_add_func ("/report/chart/bubble", test_bubble);
  g_test_add_func ("/report/chart/bubble-export", test_bubble_export);
  status = g_test_run ();

  if (!keep_output)
    g_rmdir (output_dir);
  g_free (output_dir);
  return status;
}
