/* kt-chart.c — chart model: data, nice scales, bins, percentiles, tick labels
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kt-chart-private.h"
#include "kt-report-i18n.h"

#define NBSP "\302\240"

/* Relative slack when a value sits on a tick or a bin edge: 0.6 / 0.2 is
 * 2.9999999999999996 in binary and must still count as 3. */
#define EDGE_EPS 1e-9

G_DEFINE_BOXED_TYPE (KtChart, kt_chart, kt_chart_ref, kt_chart_unref)

static void
series_free (gpointer data)
{
  KtChartSeries *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

static void
mark_clear (gpointer data)
{
  KtChartMark *mark = data;

  g_free (mark->label);
}

static void
tornado_item_clear (gpointer data)
{
  KtChartTornadoItem *item = data;

  g_free (item->label);
}

static void
bubble_clear (gpointer data)
{
  KtChartBubble *bubble = data;

  g_free (bubble->label);
  g_free (bubble->detail);
}

static void
bubble_group_clear (gpointer data)
{
  KtChartBubbleGroup *group = data;

  g_free (group->name);
}

static GPtrArray *
strv_array (const char * const *labels,
            guint               n_labels)
{
  GPtrArray *array = g_ptr_array_new_full (n_labels, g_free);

  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (array, g_strdup (labels[i] != NULL ? labels[i] : ""));
  return array;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* --- Model --------------------------------------------------------------- */

KtChart *
kt_chart_new (KtChartKind kind,
              KtLang      lang)
{
  KtChart *chart = g_new0 (KtChart, 1);

  g_ref_count_init (&chart->ref_count);
  chart->kind = kind;
  chart->lang = lang;
  chart->format = KT_VALUE_COMPACT;
  chart->decimals = -1;
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->thresholds = g_array_new (FALSE, TRUE, sizeof (KtChartMark));
  g_array_set_clear_func (chart->thresholds, mark_clear);
  chart->markers = g_array_new (FALSE, TRUE, sizeof (KtChartMark));
  g_array_set_clear_func (chart->markers, mark_clear);
  chart->heat_levels = g_array_new (FALSE, TRUE, sizeof (KtChartMark));
  g_array_set_clear_func (chart->heat_levels, mark_clear);
  chart->tornado = g_array_new (FALSE, TRUE, sizeof (KtChartTornadoItem));
  g_array_set_clear_func (chart->tornado, tornado_item_clear);
  chart->row_labels = g_ptr_array_new_with_free_func (g_free);
  chart->col_labels = g_ptr_array_new_with_free_func (g_free);
  chart->bubbles = g_array_new (FALSE, TRUE, sizeof (KtChartBubble));
  g_array_set_clear_func (chart->bubbles, bubble_clear);
  chart->bubble_groups = g_array_new (FALSE, TRUE, sizeof (KtChartBubbleGroup));
  g_array_set_clear_func (chart->bubble_groups, bubble_group_clear);
  chart->size_format = KT_VALUE_COMPACT;
  chart->x_range[0] = chart->x_range[1] = NAN;
  chart->y_range[0] = chart->y_range[1] = NAN;
  return chart;
}

KtChart *
kt_chart_ref (KtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_ref_count_inc (&chart->ref_count);
  return chart;
}

void
kt_chart_unref (KtChart *chart)
{
  g_return_if_fail (chart != NULL);
  if (!g_ref_count_dec (&chart->ref_count))
    return;

  g_free (chart->title);
  g_free (chart->x_title);
  g_free (chart->y_title);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_array_unref (chart->thresholds);
  g_free (chart->base_label);
  g_array_unref (chart->tornado);
  g_free (chart->low_name);
  g_free (chart->high_name);
  g_free (chart->samples);
  g_free (chart->counts);
  g_array_unref (chart->markers);
  g_free (chart->matrix);
  if (chart->cell_texts != NULL)
    for (guint i = 0; i < chart->n_rows * chart->n_cols; i++)
      g_free (chart->cell_texts[i]);
  g_free (chart->cell_texts);
  g_ptr_array_unref (chart->row_labels);
  g_ptr_array_unref (chart->col_labels);
  g_array_unref (chart->heat_levels);
  g_array_unref (chart->bubbles);
  g_array_unref (chart->bubble_groups);
  g_free (chart->size_name);
  g_free (chart->minimal_note);
  g_free (chart);
}

KtChartKind
kt_chart_get_kind (KtChart *chart)
{
  g_return_val_if_fail (chart != NULL, KT_CHART_BAR_LINE);
  return chart->kind;
}

KtLang
kt_chart_get_lang (KtChart *chart)
{
  g_return_val_if_fail (chart != NULL, KT_LANG_EN);
  return chart->lang;
}

void
kt_chart_set_title (KtChart    *chart,
                    const char *title)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->title);
  chart->title = g_strdup (title);
}

void
kt_chart_set_axis_titles (KtChart    *chart,
                          const char *x_title,
                          const char *y_title)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->x_title);
  g_free (chart->y_title);
  chart->x_title = g_strdup (x_title);
  chart->y_title = g_strdup (y_title);
}

void
kt_chart_set_value_format (KtChart      *chart,
                           KtValueFormat format,
                           int           decimals)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (decimals <= 15);
  chart->format = format;
  chart->decimals = decimals;
}

void
kt_chart_set_show_values (KtChart  *chart,
                          gboolean  show)
{
  g_return_if_fail (chart != NULL);
  chart->show_values = show;
}

void
kt_chart_set_categories (KtChart            *chart,
                         const char * const *labels,
                         guint               n_labels)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (labels != NULL || n_labels == 0);
  /* Series are sized by the categories; set these first. */
  g_return_if_fail (chart->series->len == 0);

  g_ptr_array_unref (chart->categories);
  chart->categories = strv_array (labels, n_labels);
}

guint
kt_chart_add_series (KtChart      *chart,
                     KtSeriesType  type,
                     const char   *name,
                     const double *values,
                     guint         n_values)
{
  KtChartSeries *series;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (n_values == chart->categories->len, 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  series = g_new0 (KtChartSeries, 1);
  series->type = type;
  series->name = g_strdup (name != NULL ? name : "");
  series->values = g_memdup2 (values, sizeof (double) * n_values);
  g_ptr_array_add (chart->series, series);
  return chart->series->len - 1;
}

void
kt_chart_add_threshold (KtChart    *chart,
                        double      value,
                        const char *label)
{
  KtChartMark mark = { value, g_strdup (label) };

  g_return_if_fail (chart != NULL);
  g_return_if_fail (isfinite (value));
  g_array_append_val (chart->thresholds, mark);
}

void
kt_chart_set_threshold_rule (KtChart        *chart,
                             KtThresholdRule rule)
{
  g_return_if_fail (chart != NULL);
  chart->rule = rule;
}

void
kt_chart_set_base (KtChart    *chart,
                   double      base,
                   const char *label)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (isfinite (base));
  chart->has_base = TRUE;
  chart->base = base;
  g_free (chart->base_label);
  chart->base_label = g_strdup (label);
}

void
kt_chart_add_tornado_item (KtChart    *chart,
                           const char *label,
                           double      low,
                           double      high)
{
  KtChartTornadoItem item = { g_strdup (label != NULL ? label : ""), low, high };

  g_return_if_fail (chart != NULL);
  g_array_append_val (chart->tornado, item);
}

void
kt_chart_set_tornado_names (KtChart    *chart,
                            const char *low_name,
                            const char *high_name)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->low_name);
  g_free (chart->high_name);
  chart->low_name = g_strdup (low_name);
  chart->high_name = g_strdup (high_name);
}

double
kt_chart_nice_ceil (double x)
{
  double power, fraction;

  if (!(x > 0.0) || !isfinite (x))
    return 1.0;
  power = pow (10.0, floor (log10 (x)));
  fraction = x / power;
  if (fraction <= 1.0 + EDGE_EPS)
    return power;
  if (fraction <= 2.0 + EDGE_EPS)
    return 2.0 * power;
  if (fraction <= 5.0 + EDGE_EPS)
    return 5.0 * power;
  return 10.0 * power;
}

/* The step after `step` in 1, 2, 5, 10, 20, … */
static double
nice_next (double step)
{
  return kt_chart_nice_ceil (step * 1.5);
}

static void
bin_samples (KtChart *chart,
             guint    target)
{
  double lo, hi, width, first;
  guint n_bins;

  g_clear_pointer (&chart->counts, g_free);
  chart->n_bins = 0;
  if (chart->n_samples == 0)
    return;

  lo = chart->samples[0];
  hi = chart->samples[chart->n_samples - 1];
  if (target == 0)
    target = CLAMP ((guint) ceil (sqrt ((double) chart->n_samples)), 8, 40);

  if (hi == lo)
    {
      width = lo == 0.0 ? 1.0 : kt_chart_nice_ceil (fabs (lo) * 0.1);
      first = floor (lo / width + EDGE_EPS) * width;
      n_bins = 1;
    }
  else
    {
      width = kt_chart_nice_ceil ((hi - lo) / target);
      first = floor (lo / width + EDGE_EPS) * width;
      n_bins = (guint) MAX (1.0, ceil ((hi - first) / width - EDGE_EPS));
    }

  chart->first_edge = first;
  chart->bin_width = width;
  chart->n_bins = n_bins;
  chart->counts = g_new0 (guint, n_bins);
  for (gsize i = 0; i < chart->n_samples; i++)
    {
      double position = (chart->samples[i] - first) / width + EDGE_EPS;
      guint bin = position <= 0.0 ? 0 : (guint) MIN (floor (position), (double) (n_bins - 1));
      chart->counts[bin]++;
    }
}

void
kt_chart_set_samples (KtChart      *chart,
                      const double *samples,
                      gsize         n_samples,
                      guint         n_bins)
{
  gsize kept = 0;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (samples != NULL || n_samples == 0);

  g_free (chart->samples);
  chart->samples = g_new (double, MAX (n_samples, 1));
  for (gsize i = 0; i < n_samples; i++)
    if (isfinite (samples[i]))
      chart->samples[kept++] = samples[i];
  chart->n_samples = kept;
  qsort (chart->samples, kept, sizeof (double), compare_doubles);
  bin_samples (chart, n_bins);
}

double
kt_chart_get_percentile (KtChart *chart,
                         double   p)
{
  double h;
  gsize below;

  g_return_val_if_fail (chart != NULL, NAN);
  if (chart->n_samples == 0 || !isfinite (p))
    return NAN;
  p = CLAMP (p, 0.0, 100.0);
  h = (chart->n_samples - 1) * p / 100.0;
  below = (gsize) floor (h);
  if (below + 1 >= chart->n_samples)
    return chart->samples[chart->n_samples - 1];
  return chart->samples[below] + (h - below) * (chart->samples[below + 1] - chart->samples[below]);
}

void
kt_chart_add_percentile_marker (KtChart *chart,
                                double   p)
{
  g_autofree char *label = NULL;
  g_autofree char *number = NULL;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (chart->n_samples > 0);

  /* "P5", "P50", "P97,5": the percentile's own number in the chart's language. */
  number = kt_format_number (p, p == floor (p) ? 0 : 1, chart->lang);
  label = g_strconcat ("P", number, NULL);
  kt_chart_add_marker (chart, kt_chart_get_percentile (chart, p), label);
}

void
kt_chart_add_marker (KtChart    *chart,
                     double      value,
                     const char *label)
{
  KtChartMark mark = { value, g_strdup (label) };

  g_return_if_fail (chart != NULL);
  g_return_if_fail (isfinite (value));
  g_array_append_val (chart->markers, mark);
}

void
kt_chart_set_matrix (KtChart            *chart,
                     guint               n_rows,
                     guint               n_cols,
                     const double       *values,
                     const char * const *cell_texts)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (values != NULL || n_rows * n_cols == 0);

  if (chart->cell_texts != NULL)
    for (guint i = 0; i < chart->n_rows * chart->n_cols; i++)
      g_free (chart->cell_texts[i]);
  g_clear_pointer (&chart->cell_texts, g_free);
  g_free (chart->matrix);

  chart->n_rows = n_rows;
  chart->n_cols = n_cols;
  chart->matrix = g_memdup2 (values, sizeof (double) * n_rows * n_cols);
  if (cell_texts != NULL)
    {
      chart->cell_texts = g_new0 (char *, MAX (n_rows * n_cols, 1));
      for (guint i = 0; i < n_rows * n_cols; i++)
        chart->cell_texts[i] = g_strdup (cell_texts[i]);
    }
}

void
kt_chart_set_row_labels (KtChart            *chart,
                         const char * const *labels,
                         guint               n_labels)
{
  g_return_if_fail (chart != NULL);
  g_ptr_array_unref (chart->row_labels);
  chart->row_labels = strv_array (labels, n_labels);
}

void
kt_chart_set_column_labels (KtChart            *chart,
                            const char * const *labels,
                            guint               n_labels)
{
  g_return_if_fail (chart != NULL);
  g_ptr_array_unref (chart->col_labels);
  chart->col_labels = strv_array (labels, n_labels);
}

void
kt_chart_add_heat_level (KtChart    *chart,
                         double      upper,
                         const char *label)
{
  KtChartMark mark = { upper, g_strdup (label) };

  g_return_if_fail (chart != NULL);
  g_return_if_fail (chart->heat_levels->len == 0 ||
                    upper > g_array_index (chart->heat_levels, KtChartMark,
                                           chart->heat_levels->len - 1).value);
  g_array_append_val (chart->heat_levels, mark);
}

guint
kt_chart_add_bubble_group (KtChart    *chart,
                           const char *name,
                           guint       color_index)
{
  KtChartBubbleGroup group = { g_strdup (name != NULL ? name : ""), color_index };

  g_return_val_if_fail (chart != NULL, 0);
  g_array_append_val (chart->bubble_groups, group);
  return chart->bubble_groups->len - 1;
}

guint
kt_chart_add_bubble (KtChart    *chart,
                     guint       group,
                     const char *label,
                     double      x,
                     double      y,
                     double      size,
                     const char *detail)
{
  KtChartBubble bubble;

  g_return_val_if_fail (chart != NULL, G_MAXUINT);
  g_return_val_if_fail (group < chart->bubble_groups->len, G_MAXUINT);
  if (!isfinite (x) || !isfinite (y))
    return G_MAXUINT;

  bubble.label = g_strdup (label != NULL ? label : "");
  bubble.detail = g_strdup (detail);
  bubble.group = group;
  bubble.x = x;
  bubble.y = y;
  bubble.size = size;
  g_array_append_val (chart->bubbles, bubble);
  return chart->bubbles->len - 1;
}

void
kt_chart_set_bubble_sizes (KtChart      *chart,
                           const char   *size_name,
                           KtValueFormat size_format,
                           const char   *minimal_note)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->size_name);
  g_free (chart->minimal_note);
  chart->size_name = g_strdup (size_name);
  chart->size_format = size_format;
  chart->minimal_note = g_strdup (minimal_note);
}

void
kt_chart_set_bubble_range (KtChart *chart,
                           double   x_min,
                           double   x_max,
                           double   y_min,
                           double   y_max)
{
  g_return_if_fail (chart != NULL);
  chart->x_range[0] = x_min;
  chart->x_range[1] = x_max;
  chart->y_range[0] = y_min;
  chart->y_range[1] = y_max;
}

guint
kt_chart_get_n_bubbles (KtChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->bubbles->len;
}

gboolean
kt_chart_get_bubble (KtChart     *chart,
                     guint        index,
                     double      *x,
                     double      *y,
                     double      *size,
                     const char **label)
{
  const KtChartBubble *bubble;

  g_return_val_if_fail (chart != NULL, FALSE);
  if (index >= chart->bubbles->len)
    return FALSE;
  bubble = &g_array_index (chart->bubbles, KtChartBubble, index);
  if (x != NULL)
    *x = bubble->x;
  if (y != NULL)
    *y = bubble->y;
  if (size != NULL)
    *size = bubble->size;
  if (label != NULL)
    *label = bubble->label;
  return TRUE;
}

double
kt_chart_bubble_max_size (KtChart *chart)
{
  double most = 0.0;

  for (guint i = 0; i < chart->bubbles->len; i++)
    {
      double size = g_array_index (chart->bubbles, KtChartBubble, i).size;

      if (isfinite (size) && size > most)
        most = size;
    }
  return most;
}

double
kt_chart_bubble_min_radius (double max_radius)
{
  /* Small enough that area still reads as a quantity, large enough to see and point at. */
  return MIN (max_radius, MAX (max_radius * 0.12, 3.0));
}

double
kt_chart_get_bubble_radius (KtChart *chart,
                            guint    index,
                            double   max_radius)
{
  double size, most, floor_r;

  g_return_val_if_fail (chart != NULL, 0.0);
  g_return_val_if_fail (index < chart->bubbles->len, 0.0);

  size = g_array_index (chart->bubbles, KtChartBubble, index).size;
  most = kt_chart_bubble_max_size (chart);
  floor_r = kt_chart_bubble_min_radius (max_radius);
  if (!isfinite (size) || size <= 0.0 || most <= 0.0)
    return floor_r;
  /* Area, not radius, is proportional to the size: readers compare areas. */
  return MAX (max_radius * sqrt (size / most), floor_r);
}

/* --- Scales --------------------------------------------------------------- */

void
kt_chart_nice_scale (double        lo,
                     double        hi,
                     guint         max_ticks,
                     KtChartScale *scale)
{
  double step, first, last;

  g_return_if_fail (scale != NULL);

  if (!isfinite (lo) || !isfinite (hi))
    {
      lo = 0.0;
      hi = 1.0;
    }
  if (lo > hi)
    {
      double swap = lo;
      lo = hi;
      hi = swap;
    }
  max_ticks = MAX (max_ticks, 2);
  if (hi == lo)
    {
      /* One value: a range around it, so it is neither the first nor last tick. */
      double pad = fabs (lo) * 0.1;

      if (lo == 0.0)
        hi = 1.0;
      else
        {
          lo -= pad;
          hi += pad;
        }
    }

  step = kt_chart_nice_ceil ((hi - lo) / (max_ticks - 1));
  for (;;)
    {
      first = floor (lo / step + EDGE_EPS);
      last = ceil (hi / step - EDGE_EPS);
      if (last - first + 1 <= max_ticks)
        break;
      step = nice_next (step);
    }

  scale->step = step;
  scale->min = first * step;
  scale->max = last * step;
  scale->n_ticks = (guint) (last - first) + 1;
  if (scale->n_ticks < 2)
    {
      scale->max = scale->min + step;
      scale->n_ticks = 2;
    }
}

double
kt_chart_scale_tick (const KtChartScale *scale,
                     guint               i)
{
  double tick;

  g_return_val_if_fail (scale != NULL, 0.0);
  /* From the integer multiple, so ticks do not drift by adding steps; and -0 → 0. */
  tick = (round (scale->min / scale->step) + i) * scale->step;
  return fabs (tick) < scale->step * EDGE_EPS ? 0.0 : tick;
}

guint
kt_chart_n_bar_series (KtChart *chart)
{
  guint n = 0;

  for (guint i = 0; i < chart->series->len; i++)
    if (((KtChartSeries *) g_ptr_array_index (chart->series, i))->type == KT_SERIES_BAR)
      n++;
  return n;
}

static void
widen (double *lo,
       double *hi,
       double  value)
{
  if (!isfinite (value))
    return;
  *lo = MIN (*lo, value);
  *hi = MAX (*hi, value);
}

gboolean
kt_chart_value_range (KtChart *chart,
                      double  *lo,
                      double  *hi)
{
  *lo = INFINITY;
  *hi = -INFINITY;

  switch (chart->kind)
    {
    case KT_CHART_BAR_LINE:
    case KT_CHART_GROUPED_BAR:
    case KT_CHART_STACKED_BAR:
    case KT_CHART_THRESHOLD_BAR:
      for (guint c = 0; c < chart->categories->len; c++)
        {
          double up = 0.0, down = 0.0;

          for (guint s = 0; s < chart->series->len; s++)
            {
              KtChartSeries *series = g_ptr_array_index (chart->series, s);
              double v = series->values[c];

              if (!isfinite (v))
                continue;
              if (series->type == KT_SERIES_LINE || chart->kind != KT_CHART_STACKED_BAR)
                widen (lo, hi, v);
              else if (v >= 0.0)
                up += v;
              else
                down += v;
            }
          if (chart->kind == KT_CHART_STACKED_BAR)
            {
              widen (lo, hi, up);
              widen (lo, hi, down);
            }
        }
      if (kt_chart_n_bar_series (chart) > 0 && isfinite (*lo))
        widen (lo, hi, 0.0);   /* bars grow from zero */
      for (guint i = 0; i < chart->thresholds->len; i++)
        widen (lo, hi, g_array_index (chart->thresholds, KtChartMark, i).value);
      break;

    case KT_CHART_TORNADO:
      for (guint i = 0; i < chart->tornado->len; i++)
        {
          KtChartTornadoItem *item = &g_array_index (chart->tornado, KtChartTornadoItem, i);
          widen (lo, hi, item->low);
          widen (lo, hi, item->high);
        }
      if (chart->has_base)
        widen (lo, hi, chart->base);
      break;

    case KT_CHART_HISTOGRAM:
      if (chart->n_bins > 0)
        {
          widen (lo, hi, chart->first_edge);
          widen (lo, hi, chart->first_edge + chart->n_bins * chart->bin_width);
        }
      for (guint i = 0; i < chart->markers->len; i++)
        widen (lo, hi, g_array_index (chart->markers, KtChartMark, i).value);
      break;

    case KT_CHART_HEATMAP:
      for (guint i = 0; i < chart->n_rows * chart->n_cols; i++)
        widen (lo, hi, chart->matrix[i]);
      break;

    case KT_CHART_BUBBLE:
      /* The vertical axis: y values, the fixed range and horizontal reference lines. */
      if (chart->bubbles->len == 0)
        break;
      for (guint i = 0; i < chart->bubbles->len; i++)
        widen (lo, hi, g_array_index (chart->bubbles, KtChartBubble, i).y);
      widen (lo, hi, chart->y_range[0]);
      widen (lo, hi, chart->y_range[1]);
      for (guint i = 0; i < chart->thresholds->len; i++)
        widen (lo, hi, g_array_index (chart->thresholds, KtChartMark, i).value);
      break;

    default:
      g_assert_not_reached ();
    }

  return isfinite (*lo) && isfinite (*hi);
}

gboolean
kt_chart_x_range (KtChart *chart,
                  double  *lo,
                  double  *hi)
{
  *lo = INFINITY;
  *hi = -INFINITY;
  if (chart->kind != KT_CHART_BUBBLE || chart->bubbles->len == 0)
    return FALSE;
  for (guint i = 0; i < chart->bubbles->len; i++)
    widen (lo, hi, g_array_index (chart->bubbles, KtChartBubble, i).x);
  widen (lo, hi, chart->x_range[0]);
  widen (lo, hi, chart->x_range[1]);
  for (guint i = 0; i < chart->markers->len; i++)
    widen (lo, hi, g_array_index (chart->markers, KtChartMark, i).value);
  return isfinite (*lo) && isfinite (*hi);
}

gboolean
kt_chart_get_x_scale (KtChart      *chart,
                      KtChartScale *scale)
{
  double lo, hi;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (scale != NULL, FALSE);
  if (!kt_chart_x_range (chart, &lo, &hi))
    return FALSE;
  kt_chart_nice_scale (lo, hi, 6, scale);
  return TRUE;
}

gboolean
kt_chart_get_value_scale (KtChart      *chart,
                          KtChartScale *scale)
{
  double lo, hi;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (scale != NULL, FALSE);
  if (!kt_chart_value_range (chart, &lo, &hi))
    return FALSE;
  kt_chart_nice_scale (lo, hi, 6, scale);
  return TRUE;
}

guint *
kt_chart_get_tornado_order (KtChart *chart,
                            guint   *n_items)
{
  guint n, *order;

  g_return_val_if_fail (chart != NULL, NULL);
  n = chart->tornado->len;
  order = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    order[i] = i;
  /* Insertion sort: stable, and a tornado has tens of items, not thousands. */
  for (guint i = 1; i < n; i++)
    {
      guint key = order[i];
      KtChartTornadoItem *item = &g_array_index (chart->tornado, KtChartTornadoItem, key);
      double swing = fabs (item->high - item->low);
      guint j = i;

      while (j > 0)
        {
          KtChartTornadoItem *prev = &g_array_index (chart->tornado, KtChartTornadoItem,
                                                     order[j - 1]);
          if (fabs (prev->high - prev->low) >= swing || isnan (swing))
            break;
          order[j] = order[j - 1];
          j--;
        }
      order[j] = key;
    }
  if (n_items != NULL)
    *n_items = n;
  return order;
}

const guint *
kt_chart_get_histogram (KtChart *chart,
                        double  *first_edge,
                        double  *bin_width,
                        guint   *n_bins)
{
  g_return_val_if_fail (chart != NULL, NULL);
  if (first_edge != NULL)
    *first_edge = chart->first_edge;
  if (bin_width != NULL)
    *bin_width = chart->bin_width;
  if (n_bins != NULL)
    *n_bins = chart->n_bins;
  return chart->counts;
}

/* --- Number text -------------------------------------------------------- */

/* Decimals that show a multiple of `step` exactly (step is 1, 2 or 5 × 10^k). */
static int
step_decimals (double step)
{
  if (!(step > 0.0))
    return 0;
  return CLAMP ((int) -floor (log10 (step) + EDGE_EPS), 0, 6);
}

/* Cuts "1,50" → "1,5" and "2,00" → "2"; only when there is a decimal part. */
static char *
cut_zeros (char   *text,
           int     decimals,
           KtLang  lang)
{
  char mark = lang == KT_LANG_VI ? ',' : '.';
  char *end;

  if (decimals <= 0 || strchr (text, mark) == NULL)
    return text;
  end = text + strlen (text);
  while (end > text && end[-1] == '0')
    *--end = '\0';
  if (end > text && end[-1] == mark)
    *--end = '\0';
  return text;
}

/* The compact unit for magnitude `size`: divisor and the word after the number. */
static double
compact_unit (double       size,
              KtLang       lang,
              const char **word)
{
  /* Translators: the words after compact amounts on chart axes and in
   * tooltips: "1.2 bn" is "1,2 tỷ", "350 m" is "350 triệu".  Nothing above
   * tỷ: large amounts are written in tỷ (DOMAIN.md §9, "18.927,63 tỷ đồng"). */
  static const struct { double unit; const char *word; } units[] = {
    { 1e9,  NC_("compact number", "bn") },
    { 1e6,  NC_("compact number", "m") },
    { 1e3,  NC_("compact number", "k") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (size >= units[i].unit)
      {
        *word = kt_report_pgettext (lang, "compact number", units[i].word);
        return units[i].unit;
      }
  *word = NULL;
  return 1.0;
}

static char *
format_compact (double  value,
                double  size,
                int     decimals_of_unit,
                double  step,
                KtLang  lang)
{
  const char *word;
  double unit = compact_unit (size, lang, &word);
  int decimals = decimals_of_unit >= 0 ? decimals_of_unit : step_decimals (step / unit);
  g_autofree char *number = NULL;

  if (value == 0.0)
    return g_strdup ("0");
  number = cut_zeros (kt_format_number (value / unit, decimals, lang), decimals, lang);
  if (word == NULL)
    return g_steal_pointer (&number);
  return g_strconcat (number, NBSP, word, NULL);
}

char *
kt_chart_format_tick (KtValueFormat       format,
                      double              value,
                      const KtChartScale *scale,
                      KtLang              lang)
{
  g_return_val_if_fail (scale != NULL, NULL);

  switch (format)
    {
    case KT_VALUE_COMPACT:
      return format_compact (value, MAX (fabs (scale->min), fabs (scale->max)), -1,
                             scale->step, lang);
    case KT_VALUE_PERCENT:
      return kt_format_percent (value, step_decimals (scale->step * 100.0), lang);
    case KT_VALUE_NUMBER:
    default:
      return kt_format_number (value, step_decimals (scale->step), lang);
    }
}

char *
kt_chart_format_as (KtChart      *chart,
                    KtValueFormat format,
                    int           decimals_or_auto,
                    double        value)
{
  if (!isfinite (value))
    return g_strdup (KT_FORMAT_NO_VALUE);
  switch (format)
    {
    case KT_VALUE_COMPACT:
      {
        /* Two decimals of the value's own unit: "1,23 tỷ", "456,7 triệu". */
        int decimals = decimals_or_auto >= 0 ? decimals_or_auto : 2;
        char *text = format_compact (value, fabs (value), decimals, 1.0, chart->lang);
        return text;
      }
    case KT_VALUE_PERCENT:
      return kt_format_percent (value, decimals_or_auto >= 0 ? decimals_or_auto : 1, chart->lang);
    case KT_VALUE_NUMBER:
    default:
      return cut_zeros (kt_format_number (value, decimals_or_auto >= 0 ? decimals_or_auto : 2,
                                          chart->lang),
                        decimals_or_auto >= 0 ? 0 : 2, chart->lang);
    }
}

char *
kt_chart_format_value (KtChart *chart,
                       double   value)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return kt_chart_format_as (chart, chart->format, chart->decimals, value);
}
