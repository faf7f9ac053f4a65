/* kt-chart-private.h — the chart model's fields, shared by kt-chart.c and kt-chart-draw.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-chart.h"

G_BEGIN_DECLS

typedef struct {
  KtSeriesType type;
  char        *name;
  double      *values;   /* n categories */
} KtChartSeries;

/* A labelled value: threshold, marker or heat level. */
typedef struct {
  double value;
  char  *label;
} KtChartMark;

typedef struct {
  char  *label;
  double low;
  double high;
} KtChartTornadoItem;

typedef struct {
  char  *label;
  char  *detail;
  guint  group;
  double x;
  double y;
  double size;     /* ≤ 0 or NAN: drawn hollow at the minimum */
} KtChartBubble;

typedef struct {
  char  *name;
  guint  color;
} KtChartBubbleGroup;

struct _KtChart {
  grefcount        ref_count;
  KtChartKind      kind;
  KtLang           lang;
  char            *title;
  char            *x_title;
  char            *y_title;
  KtValueFormat    format;
  int              decimals;
  gboolean         show_values;

  GPtrArray       *categories;     /* char * */
  GPtrArray       *series;         /* KtChartSeries * */
  GArray          *thresholds;     /* KtChartMark */
  KtThresholdRule  rule;

  gboolean         has_base;
  double           base;
  char            *base_label;
  GArray          *tornado;        /* KtChartTornadoItem */
  char            *low_name;
  char            *high_name;

  double          *samples;        /* sorted, finite */
  gsize            n_samples;
  guint           *counts;
  guint            n_bins;
  double           first_edge;
  double           bin_width;
  GArray          *markers;        /* KtChartMark */

  guint            n_rows;
  guint            n_cols;
  double          *matrix;
  char           **cell_texts;     /* n_rows × n_cols, entries may be NULL; or NULL */
  GPtrArray       *row_labels;
  GPtrArray       *col_labels;
  GArray          *heat_levels;    /* KtChartMark, ascending */

  GArray          *bubbles;        /* KtChartBubble */
  GArray          *bubble_groups;  /* KtChartBubbleGroup */
  char            *size_name;
  KtValueFormat    size_format;
  char            *minimal_note;
  double           x_range[2];     /* NAN: from the data */
  double           y_range[2];
};

/* Number of BAR series (they share the category band). */
guint   kt_chart_n_bar_series  (KtChart *chart);
/* The data range the value axis must cover (before nice rounding). */
gboolean kt_chart_value_range  (KtChart *chart,
                                double  *lo,
                                double  *hi);
/* The x data range of a bubble chart (before nice rounding). */
gboolean kt_chart_x_range      (KtChart *chart,
                                double  *lo,
                                double  *hi);
/* The largest positive finite bubble size; 0 when none. */
double  kt_chart_bubble_max_size (KtChart *chart);
/* kt_chart_format_value () in another format (bubble sizes); decimals < 0: automatic. */
char   *kt_chart_format_as     (KtChart      *chart,
                                KtValueFormat format,
                                int           decimals_or_auto,
                                double        value);
/* The next 1-2-5 step above `step`. */
double  kt_chart_nice_ceil     (double   x);

G_END_DECLS
