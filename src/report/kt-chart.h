/* kt-chart.h — chart model and vector drawing shared by the app and the reports
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout is split from drawing (STYLE.md §7): a KtChart holds the data (series,
 * categories, thresholds, markers, tornado items, samples, a matrix) and the
 * pure helpers below turn it into axes with "nice" 1-2-5 ticks, bins and
 * orders; kt_chart_draw () paints it on any cairo_t — a PDF page, an image or
 * SVG surface, or the GTK widget's gtk_snapshot_append_cairo ().  The same
 * layout answers kt_chart_hit_test () for tooltips.
 *
 * All coordinates and sizes are cairo user units: points in a PDF, pixels in
 * the widget.  Text comes from the caller already in the chart's language;
 * the chart formats numbers (axes, tooltips) itself in that language with
 * kt-format.  Values are plain doubles; NAN leaves a gap.
 *
 * In a widget (GTK 4.8), the same call as the PDF:
 *
 *   cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
 *   KtChartStyle style;
 *   kt_chart_style_init (&style, dark ? KT_CHART_THEME_DARK : KT_CHART_THEME_LIGHT);
 *   style.font_map = pango_context_get_font_map (gtk_widget_get_pango_context (widget));
 *   style.font_size = 12;
 *   kt_chart_draw (chart, cr, 0, 0, w, h, &style);
 *   cairo_destroy (cr);
 *
 * and kt_chart_hit_test (chart, &style, w, h, x, y, &hit) from "query-tooltip"
 * or a motion controller.  A chart is not changed by drawing; do not modify it
 * while another thread draws it.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "kt-format.h"

G_BEGIN_DECLS

typedef enum {
  KT_CHART_BAR_LINE,        /* BAR series side by side per category, LINE series over them
                             * (annual net cash flow + cumulative) */
  KT_CHART_GROUPED_BAR,     /* same drawing, usually without lines (scenarios, PPP forms) */
  KT_CHART_STACKED_BAR,     /* BAR series stacked: positives up from 0, negatives down
                             * (funding sources, state fiscal flows); LINE series over them */
  KT_CHART_THRESHOLD_BAR,   /* bars with threshold lines (DSCR vs covenant); bars on the
                             * wrong side of the first threshold take the warning colour */
  KT_CHART_TORNADO,         /* horizontal bars from a base value to the low/high outcome,
                             * widest swing on top */
  KT_CHART_HISTOGRAM,       /* samples in nice bins, cumulative share on a right 0–100 % axis,
                             * vertical markers (P5/P50/P95) */
  KT_CHART_HEATMAP,         /* n_rows × n_cols matrix (5×5 risk matrix), row 0 at the bottom */
  KT_CHART_BUBBLE,          /* points on two value axes, area ∝ a size, coloured by group
                             * (the portfolio: financial × socio-economic score, fiscal cost) */
} KtChartKind;

typedef enum {
  KT_SERIES_BAR,
  KT_SERIES_LINE,
} KtSeriesType;

typedef enum {
  KT_VALUE_COMPACT,   /* 1,2 tỷ / 1.2 bn; 350 triệu / 350 m; 1.500 tỷ / 1,500 bn (money) */
  KT_VALUE_NUMBER,    /* 1,35 / 1.35: decimals from the tick step (ratios such as DSCR) */
  KT_VALUE_PERCENT,   /* fractions: 0.125 → 12,5 % / 12.5 % */
} KtValueFormat;

/* Which side of the first threshold is bad in KT_CHART_THRESHOLD_BAR. */
typedef enum {
  KT_THRESHOLD_BELOW_IS_BAD,   /* DSCR < covenant */
  KT_THRESHOLD_ABOVE_IS_BAD,   /* debt / EBITDA > limit */
} KtThresholdRule;

typedef enum {
  KT_CHART_THEME_LIGHT,
  KT_CHART_THEME_DARK,
} KtChartTheme;

typedef struct {
  double r, g, b, a;
} KtChartColor;

#define KT_CHART_N_SERIES_COLORS 8
#define KT_CHART_N_HEAT_COLORS 4

/* Colours and fonts.  kt_chart_style_init () fills every field; callers may then
 * change any of them (the widget follows the accent colour, the PDF sets its
 * private font map).  Strings and the font map are borrowed, not copied. */
typedef struct {
  KtChartTheme  theme;
  KtChartColor  background;
  KtChartColor  foreground;                     /* title, legend, axis titles */
  KtChartColor  muted;                          /* tick labels */
  KtChartColor  grid;
  KtChartColor  axis;                           /* zero line, frame */
  KtChartColor  series[KT_CHART_N_SERIES_COLORS];
  KtChartColor  warning;                        /* bars breaking the threshold */
  KtChartColor  threshold;                      /* threshold lines */
  KtChartColor  marker;                         /* histogram markers, tornado base */
  KtChartColor  heat[KT_CHART_N_HEAT_COLORS];   /* low → extreme */
  gboolean      fill_background;                /* FALSE: draw on what is there */
  const char   *font_family;                    /* NULL: "Sans" */
  double        font_size;                      /* tick labels, user units; title ×1.2 */
  double        line_width;                     /* lines; grid is half of it */
  PangoFontMap *font_map;                       /* NULL: pango_cairo_font_map_get_default () */
} KtChartStyle;

void          kt_chart_style_init          (KtChartStyle *style,
                                            KtChartTheme  theme);

/* --- Model ------------------------------------------------------------- */

typedef struct _KtChart KtChart;

#define KT_TYPE_CHART (kt_chart_get_type ())
GType         kt_chart_get_type            (void) G_GNUC_CONST;

KtChart      *kt_chart_new                 (KtChartKind   kind,
                                            KtLang        lang);
KtChart      *kt_chart_ref                 (KtChart      *chart);
void          kt_chart_unref               (KtChart      *chart);
KtChartKind   kt_chart_get_kind            (KtChart      *chart);
KtLang        kt_chart_get_lang            (KtChart      *chart);

void          kt_chart_set_title           (KtChart      *chart,
                                            const char   *title);
/* x: under the category/value axis; y: rotated beside the value axis. */
void          kt_chart_set_axis_titles     (KtChart      *chart,
                                            const char   *x_title,
                                            const char   *y_title);
/* How the value axis and tooltips write numbers; decimals < 0: from the tick step
 * (tooltips then use two more). */
void          kt_chart_set_value_format    (KtChart      *chart,
                                            KtValueFormat format,
                                            int           decimals);
/* Print each bar's value on or above it when it fits (few bars: scenarios). */
void          kt_chart_set_show_values     (KtChart      *chart,
                                            gboolean      show);

/* Category charts (BAR_LINE, GROUPED_BAR, STACKED_BAR, THRESHOLD_BAR). */
void          kt_chart_set_categories      (KtChart            *chart,
                                            const char * const *labels,
                                            guint               n_labels);
/* `values` has one value per category (the count must match); returns the
 * series index, which also picks its colour. */
guint         kt_chart_add_series          (KtChart      *chart,
                                            KtSeriesType  type,
                                            const char   *name,
                                            const double *values,
                                            guint         n_values);
/* A dashed horizontal line across the plot, labelled at its right end. */
void          kt_chart_add_threshold       (KtChart      *chart,
                                            double        value,
                                            const char   *label);
void          kt_chart_set_threshold_rule  (KtChart        *chart,
                                            KtThresholdRule rule);

/* Tornado: one item per input; low/high are the outcome with the input at its
 * low and high value (either may be above the base). */
void          kt_chart_set_base            (KtChart      *chart,
                                            double        base,
                                            const char   *label);
void          kt_chart_add_tornado_item    (KtChart      *chart,
                                            const char   *label,
                                            double        low,
                                            double        high);
/* Legend names of the two bar colours ("input at low" / "input at high"). */
void          kt_chart_set_tornado_names   (KtChart      *chart,
                                            const char   *low_name,
                                            const char   *high_name);

/* Histogram: copies and sorts the samples (NAN and ±inf dropped); n_bins 0 picks
 * √n, clamped to 8–40.  Bin edges are multiples of a 1-2-5 width. */
void          kt_chart_set_samples         (KtChart      *chart,
                                            const double *samples,
                                            gsize         n_samples,
                                            guint         n_bins);
/* A vertical marker at the p-th percentile (0–100) of the samples, labelled
 * "P5", "P50" …; call after kt_chart_set_samples (). */
void          kt_chart_add_percentile_marker (KtChart    *chart,
                                              double      p);
/* A vertical marker at any value of the x axis (histogram) — a target, a base. */
void          kt_chart_add_marker          (KtChart      *chart,
                                            double        value,
                                            const char   *label);

/* Heat map: values row-major, row 0 drawn at the bottom (likelihood 1);
 * cell_texts (optional, n_rows × n_cols, NULL entries allowed) replace the
 * printed value.  Rows and columns are labelled with the next two calls. */
void          kt_chart_set_matrix          (KtChart            *chart,
                                            guint               n_rows,
                                            guint               n_cols,
                                            const double       *values,
                                            const char * const *cell_texts);
void          kt_chart_set_row_labels      (KtChart            *chart,
                                            const char * const *labels,
                                            guint               n_labels);
void          kt_chart_set_column_labels   (KtChart            *chart,
                                            const char * const *labels,
                                            guint               n_labels);
/* Colour bands: a value ≤ upper takes the first level whose upper it does
 * not exceed; levels in ascending order, at most KT_CHART_N_HEAT_COLORS used
 * as given (more are interpolated).  Without levels the colour runs
 * continuously from the smallest to the largest value. */
void          kt_chart_add_heat_level      (KtChart      *chart,
                                            double        upper,
                                            const char   *label);

/* Bubble chart: x and y on value axes formatted by kt_chart_set_value_format ();
 * thresholds (kt_chart_add_threshold) are drawn as horizontal reference lines
 * and markers (kt_chart_add_marker) as vertical ones.  Groups give the colour
 * (an index into the style's series colours) and the legend; add them first. */
guint         kt_chart_add_bubble_group    (KtChart      *chart,
                                            const char   *name,
                                            guint         color_index);
/* `size` sets the area (area ∝ size); a size ≤ 0 or NAN is drawn as the
 * smallest bubble, hollow and dashed, and listed in the legend with the text
 * of kt_chart_set_bubble_sizes ().  `detail` (may be NULL) is appended to the
 * tooltip.  Returns the bubble's index (hit tests answer it).  Bubbles with
 * NAN x or y are not added (returns G_MAXUINT). */
guint         kt_chart_add_bubble          (KtChart      *chart,
                                            guint         group,
                                            const char   *label,
                                            double        x,
                                            double        y,
                                            double        size,
                                            const char   *detail);
/* What the size means ("State fiscal cost"), how it is written (tooltip and
 * legend) and the legend text of the hollow minimal bubbles. */
void          kt_chart_set_bubble_sizes    (KtChart      *chart,
                                            const char   *size_name,
                                            KtValueFormat size_format,
                                            const char   *minimal_note);
/* Axis ranges the bubble chart always covers (a criterion's scale, 0–5);
 * the data can widen them.  NAN leaves a bound to the data. */
void          kt_chart_set_bubble_range    (KtChart      *chart,
                                            double        x_min,
                                            double        x_max,
                                            double        y_min,
                                            double        y_max);
guint         kt_chart_get_n_bubbles       (KtChart      *chart);
/* Any output may be NULL.  `label` is owned by the chart. */
gboolean      kt_chart_get_bubble          (KtChart      *chart,
                                            guint         index,
                                            double       *x,
                                            double       *y,
                                            double       *size,
                                            const char  **label);
/* The radius bubble `index` is drawn with when the largest may have
 * `max_radius`: max_radius × √(size / largest size), never below
 * kt_chart_bubble_min_radius (); hollow bubbles take that minimum. */
double        kt_chart_get_bubble_radius   (KtChart      *chart,
                                            guint         index,
                                            double        max_radius);
double        kt_chart_bubble_min_radius   (double        max_radius);

/* --- Layout helpers (pure; also what the tests check) -------------------- */

typedef struct {
  double min;       /* first tick */
  double max;       /* last tick */
  double step;      /* 1, 2 or 5 × 10^k */
  guint  n_ticks;   /* (max - min) / step + 1 */
} KtChartScale;

/* Ticks covering [lo, hi] with at most max_ticks (≥ 2) ticks at 1-2-5 steps.
 * lo == hi widens the range around the value (0 → 0…1). */
void          kt_chart_nice_scale          (double        lo,
                                            double        hi,
                                            guint         max_ticks,
                                            KtChartScale *scale);
double        kt_chart_scale_tick          (const KtChartScale *scale,
                                            guint               i);
/* The value axis the chart will draw (bars always include 0; thresholds,
 * markers and the base are inside).  FALSE when there is nothing to draw. */
gboolean      kt_chart_get_value_scale     (KtChart      *chart,
                                            KtChartScale *scale);
/* The x axis of a bubble chart (FALSE without bubbles or a range); the
 * y axis is kt_chart_get_value_scale (). */
gboolean      kt_chart_get_x_scale         (KtChart      *chart,
                                            KtChartScale *scale);
/* A tick label: KT_VALUE_COMPACT picks one unit for the whole axis from its
 * largest tick (nghìn/triệu/tỷ; k/m/bn — nothing above tỷ, as DOMAIN.md §9
 * writes "18.927,63 tỷ đồng") and enough decimals to tell the ticks apart,
 * trailing zeros cut; 0 is "0". */
char         *kt_chart_format_tick         (KtValueFormat       format,
                                            double              value,
                                            const KtChartScale *scale,
                                            KtLang              lang);
/* A value for a tooltip or a bar label, in the chart's format. */
char         *kt_chart_format_value        (KtChart      *chart,
                                            double        value);

/* Tornado items by decreasing swing |high - low| (ties keep insertion order):
 * rank 0 is drawn on top.  Returns a new array of n item indices. */
guint        *kt_chart_get_tornado_order   (KtChart      *chart,
                                            guint        *n_items);
/* The histogram's bins: edges first_edge + i × bin_width, i = 0…n_bins; a
 * sample on an inner edge goes to the upper bin, the largest into the last.
 * Returns the counts (owned by the chart) or NULL without samples. */
const guint  *kt_chart_get_histogram       (KtChart      *chart,
                                            double       *first_edge,
                                            double       *bin_width,
                                            guint        *n_bins);
/* Percentile p (0–100) of the samples, linear between order statistics
 * (R type 7, Excel PERCENTILE.INC); NAN without samples. */
double        kt_chart_get_percentile      (KtChart      *chart,
                                            double        p);

/* --- Drawing ---------------------------------------------------------- */

/* Draws the chart in the rectangle; leaves the cairo state as it found it. */
void          kt_chart_draw                (KtChart            *chart,
                                            cairo_t            *cr,
                                            double              x,
                                            double              y,
                                            double              width,
                                            double              height,
                                            const KtChartStyle *style);

typedef enum {
  KT_CHART_HIT_NONE,
  KT_CHART_HIT_BAR,        /* series, index = category */
  KT_CHART_HIT_POINT,      /* LINE series, index = category */
  KT_CHART_HIT_TORNADO,    /* index = item, series 0 = low side, 1 = high side */
  KT_CHART_HIT_BIN,        /* index = bin, value = count */
  KT_CHART_HIT_CELL,       /* index = row × n_cols + col */
  KT_CHART_HIT_BUBBLE,     /* index = bubble, series = group, value = size */
} KtChartHitKind;

typedef struct {
  KtChartHitKind kind;
  int            series;
  int            index;
  double         value;
  char          *text;     /* ready for a tooltip, in the chart's language; g_free */
} KtChartHit;

/* What lies under (px, py) when the chart is drawn at (0, 0, width, height)
 * with `style` (the same layout as kt_chart_draw ()).  Points of a line are
 * hit within 6 units, bubbles within their radius (at least 6; the smallest
 * on top wins).  FALSE and kind NONE when nothing is there. */
gboolean      kt_chart_hit_test            (KtChart            *chart,
                                            const KtChartStyle *style,
                                            double              width,
                                            double              height,
                                            double              px,
                                            double              py,
                                            KtChartHit         *hit);
void          kt_chart_hit_clear           (KtChartHit         *hit);

#define KT_CHART_ERROR (kt_chart_error_quark ())
typedef enum {
  KT_CHART_ERROR_EXPORT,
} KtChartError;
GQuark        kt_chart_error_quark         (void);

/* width × height user units, scale device pixels per unit (2 for HiDPI). */
gboolean      kt_chart_export_png          (KtChart            *chart,
                                            const KtChartStyle *style,
                                            const char         *path,
                                            double              width,
                                            double              height,
                                            double              scale,
                                            GError            **error);
/* width × height in points. */
gboolean      kt_chart_export_svg          (KtChart            *chart,
                                            const KtChartStyle *style,
                                            const char         *path,
                                            double              width,
                                            double              height,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtChart, kt_chart_unref)

G_END_DECLS
