/* kt-chart-draw.c — chart layout, cairo drawing, hit testing and PNG/SVG export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "kt-chart-private.h"
#include "kt-report-i18n.h"

G_DEFINE_QUARK (kt-chart-error-quark, kt_chart_error)

/* Share of a category band the bars fill, and of a tornado band. */
#define BAR_FILL 0.72
#define TORNADO_FILL 0.62
/* Points of a line count as hit within this distance. */
#define HIT_RADIUS 6.0

typedef struct {
  double x, y, w, h;
} Box;

typedef enum {
  SWATCH_BAR,
  SWATCH_LINE,
  SWATCH_DASH,
  SWATCH_BUBBLE,   /* a filled circle: a bubble group */
  SWATCH_HOLLOW,   /* a dashed empty circle: bubbles of no size */
  SWATCH_RING,     /* an outline circle: what the bubble area means */
} Swatch;

typedef struct {
  Swatch        swatch;
  KtChartColor  color;
  PangoLayout  *layout;
  double        x, y, text_w;
} LegendEntry;

/* Everything kt_chart_draw () and kt_chart_hit_test () share: where the plot
 * is, the scales, the category band. */
typedef struct {
  KtChart            *chart;
  const KtChartStyle *style;
  PangoContext       *ctx;
  double              fs;          /* tick label size */
  double              pad;
  double              line_h;      /* height of one line of tick labels */
  Box                 area;
  Box                 plot;
  gboolean            ok;          /* FALSE: nothing to draw (no data, no room) */
  PangoLayout        *title;
  double              title_y;
  PangoLayout        *x_title;
  double              x_title_y;
  PangoLayout        *y_title;
  double              y_title_x;
  GArray             *legend;      /* LegendEntry */
  KtChartScale        v;           /* value axis: vertical, or horizontal for tornado */
  KtChartScale        h;           /* histogram: the horizontal value axis */
  guint               n_cat;       /* categories, tornado items, heat-map columns */
  double              band;
  guint               label_every;
  guint               n_bar;
  guint              *order;       /* tornado ranks */
  double              label_w;     /* tornado / heat-map row label column */
  guint               marker_rows;
  Box                 frame;       /* bubble chart: the framed plot; `plot` is inset by
                                    * the largest radius so no bubble leaves the frame */
  double              bubble_r;    /* largest bubble radius */
} Layout;

/* --- Style ------------------------------------------------------------------ */

static KtChartColor
hex (guint32 rgb)
{
  return (KtChartColor) { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                          (rgb & 0xff) / 255.0, 1.0 };
}

void
kt_chart_style_init (KtChartStyle *style,
                     KtChartTheme  theme)
{
  /* GNOME palette (blue 3, orange 3, green 4, purple 3, yellow 4, brown 3,
   * teal, red 3); the dark theme takes the lighter shades. */
  static const guint32 light[KT_CHART_N_SERIES_COLORS] = {
    0x1c71d8, 0xe66100, 0x26a269, 0x813d9c, 0xc6a00b, 0x865e3c, 0x0b8e8e, 0xc01c28,
  };
  static const guint32 dark[KT_CHART_N_SERIES_COLORS] = {
    0x62a0ea, 0xffa348, 0x57e389, 0xc061cb, 0xf8e45c, 0xcdab8f, 0x5bc8c8, 0xf66151,
  };
  static const guint32 heat_light[KT_CHART_N_HEAT_COLORS] = { 0x8ff0a4, 0xf9f06b, 0xffbe6f, 0xf66151 };
  static const guint32 heat_dark[KT_CHART_N_HEAT_COLORS] = { 0x26a269, 0xc6a00b, 0xc64600, 0xa51d2d };
  gboolean is_dark = theme == KT_CHART_THEME_DARK;

  g_return_if_fail (style != NULL);

  style->theme = theme;
  style->background = is_dark ? hex (0x242424) : hex (0xffffff);
  style->foreground = is_dark ? hex (0xffffff) : hex (0x000000);
  style->muted = is_dark ? hex (0xc0bfbc) : hex (0x3d3846);
  style->grid = is_dark ? hex (0x484848) : hex (0xdeddda);
  style->axis = is_dark ? hex (0x9a9996) : hex (0x5e5c64);
  for (guint i = 0; i < KT_CHART_N_SERIES_COLORS; i++)
    style->series[i] = hex (is_dark ? dark[i] : light[i]);
  style->warning = is_dark ? hex (0xf66151) : hex (0xc01c28);
  style->threshold = is_dark ? hex (0xf66151) : hex (0xa51d2d);
  style->marker = is_dark ? hex (0xdeddda) : hex (0x241f31);
  for (guint i = 0; i < KT_CHART_N_HEAT_COLORS; i++)
    style->heat[i] = hex (is_dark ? heat_dark[i] : heat_light[i]);
  style->fill_background = TRUE;
  style->font_family = NULL;
  style->font_size = 10.0;
  style->line_width = 1.5;
  style->font_map = NULL;
}

static void
set_color (cairo_t            *cr,
           const KtChartColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

static KtChartColor
mix (KtChartColor a,
     KtChartColor b,
     double       t)
{
  return (KtChartColor) { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t,
                          a.b + (b.b - a.b) * t, a.a + (b.a - a.a) * t };
}

static KtChartColor
series_color (const KtChartStyle *style,
              guint               i)
{
  return style->series[i % KT_CHART_N_SERIES_COLORS];
}

/* Position t (0–1) on the ramp through the heat colours. */
static KtChartColor
heat_ramp (const KtChartStyle *style,
           double              t)
{
  double position = CLAMP (t, 0.0, 1.0) * (KT_CHART_N_HEAT_COLORS - 1);
  guint i = MIN ((guint) position, KT_CHART_N_HEAT_COLORS - 2);

  return mix (style->heat[i], style->heat[i + 1], position - i);
}

/* Text on a filled cell: black or white by the fill's luminance. */
static KtChartColor
text_on (KtChartColor fill)
{
  double luminance = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b;

  return luminance > 0.5 ? hex (0x000000) : hex (0xffffff);
}

/* --- Text ------------------------------------------------------------------ */

static PangoLayout *
text_layout (Layout     *L,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_layout_new (L->ctx);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, L->style->font_family != NULL
                                             ? L->style->font_family : "Sans");
  /* Absolute: user units whatever the resolution (points in a PDF, pixels on screen). */
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

static double
text_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

static double
measure (Layout     *L,
         const char *text,
         gboolean    bold)
{
  g_autoptr(PangoLayout) layout = text_layout (L, text, L->fs, bold);

  return text_width (layout);
}

/* Draws `layout` with its (ax, ay) anchor — 0 left/top, 0.5 centre, 1 right/bottom — at (x, y). */
static void
show (cairo_t            *cr,
      PangoLayout        *layout,
      double              x,
      double              y,
      double              ax,
      double              ay,
      const KtChartColor *color)
{
  PangoRectangle logical;
  int layout_w = pango_layout_get_width (layout);
  double box_w, offset;

  pango_layout_get_extents (layout, NULL, &logical);
  /* A layout with a width is anchored by its box (its own alignment places the
   * text inside); one without by its text. */
  box_w = (layout_w >= 0 ? layout_w : logical.width) / (double) PANGO_SCALE;
  offset = layout_w >= 0 ? 0.0 : logical.x / (double) PANGO_SCALE;
  set_color (cr, color);
  cairo_move_to (cr, x - ax * box_w - offset, y - ay * logical.height / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

static void
show_text (Layout             *L,
           cairo_t            *cr,
           const char         *text,
           double              x,
           double              y,
           double              ax,
           double              ay,
           const KtChartColor *color)
{
  g_autoptr(PangoLayout) layout = text_layout (L, text, L->fs, FALSE);

  show (cr, layout, x, y, ax, ay, color);
}

/* A tick label centred under a horizontal axis, kept inside the chart. */
static void
show_under_axis (Layout     *L,
                 cairo_t    *cr,
                 const char *text,
                 double      x)
{
  g_autoptr(PangoLayout) layout = text_layout (L, text, L->fs, FALSE);
  double w = text_width (layout);
  double left = CLAMP (x - w / 2, L->area.x, L->area.x + L->area.w - w);

  show (cr, layout, left, L->plot.y + L->plot.h + L->pad * 0.5, 0.0, 0.0, &L->style->muted);
}

/* Text on a patch of the background, for labels that may cross bars. */
static void
show_on_patch (Layout             *L,
               cairo_t            *cr,
               const char         *text,
               double              x,
               double              y,
               double              ax,
               double              ay,
               const KtChartColor *color)
{
  g_autoptr(PangoLayout) layout = text_layout (L, text, L->fs, FALSE);
  double w = text_width (layout), h = text_height (layout);
  KtChartColor patch = L->style->background;

  patch.a = 0.85;
  cairo_rectangle (cr, x - ax * w - 2, y - ay * h, w + 4, h);
  set_color (cr, &patch);
  cairo_fill (cr);
  show (cr, layout, x, y, ax, ay, color);
}

/* --- Scales on screen ---------------------------------------------------- */

static double
map_v (const Layout *L,
       double        value)
{
  /* Vertical value axis: max at the top of the plot. */
  return L->plot.y + L->plot.h * (L->v.max - value) / (L->v.max - L->v.min);
}

static double
map_x (const Layout       *L,
       const KtChartScale *scale,
       double              value)
{
  return L->plot.x + L->plot.w * (value - scale->min) / (scale->max - scale->min);
}

/* A scale along a horizontal axis whose labels must not overlap. */
static void
horizontal_scale (Layout       *L,
                  KtValueFormat format,
                  double        lo,
                  double        hi,
                  double        width,
                  KtChartScale *scale)
{
  for (guint max_ticks = 10; ; max_ticks--)
    {
      double widest = 0.0;

      kt_chart_nice_scale (lo, hi, max_ticks, scale);
      for (guint i = 0; i < scale->n_ticks; i++)
        {
          g_autofree char *label = kt_chart_format_tick (format, kt_chart_scale_tick (scale, i),
                                                         scale, L->chart->lang);
          widest = fmax (widest, measure (L, label, FALSE));
        }
      if (max_ticks <= 3 || (widest + L->fs) * scale->n_ticks <= width)
        return;
    }
}

/* The widest tick label of a vertical scale. */
static double
widest_tick (Layout             *L,
             KtValueFormat       format,
             const KtChartScale *scale)
{
  double widest = 0.0;

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      g_autofree char *label = kt_chart_format_tick (format, kt_chart_scale_tick (scale, i),
                                                     scale, L->chart->lang);
      widest = fmax (widest, measure (L, label, FALSE));
    }
  return widest;
}

/* --- Layout --------------------------------------------------------------- */

static void
legend_add (Layout       *L,
            Swatch        swatch,
            KtChartColor  color,
            const char   *text)
{
  LegendEntry entry = { swatch, color, NULL, 0, 0, 0 };

  if (text == NULL || *text == '\0')
    return;
  entry.layout = text_layout (L, text, L->fs, FALSE);
  entry.text_w = text_width (entry.layout);
  g_array_append_val (L->legend, entry);
}

static gboolean
is_category_kind (KtChartKind kind)
{
  return kind == KT_CHART_BAR_LINE || kind == KT_CHART_GROUPED_BAR ||
         kind == KT_CHART_STACKED_BAR || kind == KT_CHART_THRESHOLD_BAR;
}

static gboolean
bubble_is_hollow (const KtChartBubble *bubble)
{
  return !isfinite (bubble->size) || bubble->size <= 0.0;
}

static void
collect_bubble_legend (Layout *L)
{
  KtChart *chart = L->chart;
  gboolean any_hollow = FALSE;
  double most = kt_chart_bubble_max_size (chart);

  /* Only the groups that have a bubble: an empty "rejected" says nothing. */
  for (guint g = 0; g < chart->bubble_groups->len; g++)
    {
      KtChartBubbleGroup *group = &g_array_index (chart->bubble_groups, KtChartBubbleGroup, g);
      gboolean used = FALSE;

      for (guint i = 0; i < chart->bubbles->len && !used; i++)
        used = g_array_index (chart->bubbles, KtChartBubble, i).group == g;
      if (used)
        legend_add (L, SWATCH_BUBBLE, series_color (L->style, group->color), group->name);
    }
  for (guint i = 0; i < chart->bubbles->len; i++)
    any_hollow = any_hollow || bubble_is_hollow (&g_array_index (chart->bubbles, KtChartBubble, i));
  if (chart->size_name != NULL && most > 0.0)
    {
      g_autofree char *largest = kt_chart_format_as (chart, chart->size_format, -1, most);
      /* Translators: the key of a bubble chart: "Area: State fiscal cost (largest 1,2 tỷ)". */
      g_autofree char *text = g_strdup_printf (kt_report_gettext (chart->lang,
                                                                  N_("Area: %s (largest %s)")),
                                               chart->size_name, largest);
      legend_add (L, SWATCH_RING, L->style->axis, text);
    }
  if (any_hollow)
    legend_add (L, SWATCH_HOLLOW, L->style->axis, chart->minimal_note);
}

static void
collect_legend (Layout *L)
{
  KtChart *chart = L->chart;
  const KtChartStyle *style = L->style;

  switch (chart->kind)
    {
    case KT_CHART_BAR_LINE:
    case KT_CHART_GROUPED_BAR:
    case KT_CHART_STACKED_BAR:
    case KT_CHART_THRESHOLD_BAR:
      for (guint s = 0; s < chart->series->len; s++)
        {
          KtChartSeries *series = g_ptr_array_index (chart->series, s);
          legend_add (L, series->type == KT_SERIES_BAR ? SWATCH_BAR : SWATCH_LINE,
                      series_color (style, s), series->name);
        }
      if (chart->kind == KT_CHART_THRESHOLD_BAR && chart->thresholds->len > 0)
        legend_add (L, SWATCH_BAR, style->warning,
                    chart->rule == KT_THRESHOLD_BELOW_IS_BAD
                      ? kt_report_gettext (chart->lang, N_("Below threshold"))
                      : kt_report_gettext (chart->lang, N_("Above threshold")));
      for (guint i = 0; i < chart->thresholds->len; i++)
        legend_add (L, SWATCH_DASH, style->threshold,
                    g_array_index (chart->thresholds, KtChartMark, i).label);
      break;

    case KT_CHART_TORNADO:
      legend_add (L, SWATCH_BAR, series_color (style, 0), chart->low_name);
      legend_add (L, SWATCH_BAR, series_color (style, 1), chart->high_name);
      break;

    case KT_CHART_HISTOGRAM:
      legend_add (L, SWATCH_BAR, series_color (style, 0),
                  kt_report_gettext (chart->lang, N_("Frequency")));
      legend_add (L, SWATCH_LINE, series_color (style, 1),
                  kt_report_gettext (chart->lang, N_("Cumulative share")));
      break;

    case KT_CHART_HEATMAP:
      for (guint i = 0; i < chart->heat_levels->len; i++)
        {
          guint n = chart->heat_levels->len;
          legend_add (L, SWATCH_BAR, heat_ramp (style, n > 1 ? (double) i / (n - 1) : 0.0),
                      g_array_index (chart->heat_levels, KtChartMark, i).label);
        }
      break;

    case KT_CHART_BUBBLE:
      collect_bubble_legend (L);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Lays the legend entries out in centred rows; returns its height. */
static double
place_legend (Layout *L,
              double  bottom)
{
  double swatch = L->fs * 1.6, gap = L->fs * 0.4, spacing = L->fs * 1.2;
  double width = L->area.w - 2 * L->pad;
  guint row_start = 0, rows = 0;
  double row_w = 0.0;
  double height;

  if (L->legend->len == 0)
    return 0.0;

  /* First pass: row breaks and widths; entries keep their x within the row. */
  for (guint i = 0; i <= L->legend->len; i++)
    {
      LegendEntry *entry = i < L->legend->len ? &g_array_index (L->legend, LegendEntry, i) : NULL;
      double entry_w = entry != NULL ? swatch + gap + entry->text_w : 0.0;

      if (entry == NULL || (i > row_start && row_w + spacing + entry_w > width))
        {
          /* Close the row [row_start, i): centre it. */
          double x = L->area.x + L->pad + (width - row_w) / 2;
          for (guint j = row_start; j < i; j++)
            {
              LegendEntry *e = &g_array_index (L->legend, LegendEntry, j);
              e->x = x;
              e->y = rows;   /* row index for now */
              x += swatch + gap + e->text_w + spacing;
            }
          rows++;
          row_start = i;
          row_w = 0.0;
        }
      if (entry != NULL)
        row_w += (row_w > 0.0 ? spacing : 0.0) + entry_w;
    }

  height = rows * L->line_h;
  for (guint i = 0; i < L->legend->len; i++)
    {
      LegendEntry *e = &g_array_index (L->legend, LegendEntry, i);
      e->y = bottom - height + e->y * L->line_h;
    }
  return height;
}

static void
layout_clear (Layout *L)
{
  if (L->legend != NULL)
    {
      for (guint i = 0; i < L->legend->len; i++)
        g_object_unref (g_array_index (L->legend, LegendEntry, i).layout);
      g_array_unref (L->legend);
    }
  g_clear_object (&L->title);
  g_clear_object (&L->x_title);
  g_clear_object (&L->y_title);
  g_clear_pointer (&L->order, g_free);
  g_clear_object (&L->ctx);
}

static guint
histogram_max_count (KtChart *chart)
{
  guint most = 0;

  for (guint i = 0; i < chart->n_bins; i++)
    most = MAX (most, chart->counts[i]);
  return most;
}

/* Computes the whole layout; takes ownership of ctx. */
static void
layout_compute (Layout             *L,
                KtChart            *chart,
                const KtChartStyle *style,
                PangoContext       *ctx,
                double              x,
                double              y,
                double              width,
                double              height)
{
  double top, bottom, left, right, lo, hi;
  g_autoptr(PangoLayout) probe = NULL;

  memset (L, 0, sizeof *L);
  L->chart = chart;
  L->style = style;
  L->ctx = ctx;
  L->fs = style->font_size > 0 ? style->font_size : 10.0;
  L->pad = L->fs * 0.6;
  L->area = (Box) { x, y, width, height };
  L->legend = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  probe = text_layout (L, "0Ág", L->fs, FALSE);
  L->line_h = text_height (probe);

  top = y + L->pad;
  bottom = y + height - L->pad;
  left = x + L->pad;
  right = x + width - L->pad;

  if (chart->title != NULL && *chart->title != '\0')
    {
      L->title = text_layout (L, chart->title, L->fs * 1.2, TRUE);
      pango_layout_set_width (L->title, (int) ((width - 2 * L->pad) * PANGO_SCALE));
      pango_layout_set_alignment (L->title, PANGO_ALIGN_CENTER);
      L->title_y = top;
      top += text_height (L->title) + L->pad;
    }

  collect_legend (L);
  if (L->legend->len > 0)
    bottom -= place_legend (L, bottom) + L->pad;

  if (chart->x_title != NULL && *chart->x_title != '\0')
    {
      L->x_title = text_layout (L, chart->x_title, L->fs, FALSE);
      bottom -= text_height (L->x_title);
      L->x_title_y = bottom;
      bottom -= L->pad * 0.5;
    }
  if (chart->y_title != NULL && *chart->y_title != '\0')
    {
      L->y_title = text_layout (L, chart->y_title, L->fs, FALSE);
      L->y_title_x = left;
      left += text_height (L->y_title) + L->pad * 0.5;
    }

  L->ok = kt_chart_value_range (chart, &lo, &hi);

  if (is_category_kind (chart->kind))
    {
      double plot_h, widest_cat = 0.0;
      guint max_ticks;

      L->n_cat = chart->categories->len;
      L->n_bar = kt_chart_n_bar_series (chart);
      L->ok = L->ok && L->n_cat > 0;
      bottom -= L->line_h + L->pad * 0.5;     /* category labels */
      plot_h = bottom - top;
      max_ticks = CLAMP ((int) (plot_h / (L->line_h * 2.2)), 3, 8);
      kt_chart_nice_scale (L->ok ? lo : 0.0, L->ok ? hi : 1.0, max_ticks, &L->v);
      left += widest_tick (L, chart->format, &L->v) + L->pad;

      L->plot = (Box) { left, top, right - left, bottom - top };
      L->band = L->n_cat > 0 ? L->plot.w / L->n_cat : L->plot.w;
      for (guint c = 0; c < L->n_cat; c++)
        widest_cat = fmax (widest_cat, measure (L, g_ptr_array_index (chart->categories, c), FALSE));
      L->label_every = MAX (1, (guint) ceil ((widest_cat + L->fs * 0.8) / L->band));
    }
  else if (chart->kind == KT_CHART_TORNADO)
    {
      double widest = 0.0;

      L->order = kt_chart_get_tornado_order (chart, &L->n_cat);
      L->ok = L->ok && L->n_cat > 0;
      for (guint i = 0; i < L->n_cat; i++)
        widest = fmax (widest, measure (L, g_array_index (chart->tornado, KtChartTornadoItem,
                                                         i).label, FALSE));
      L->label_w = MIN (widest, width * 0.35);
      left += L->label_w + L->pad;
      if (chart->has_base)
        top += L->line_h + L->pad * 0.3;      /* base label over the plot */
      bottom -= L->line_h + L->pad * 0.5;     /* tick labels */
      horizontal_scale (L, chart->format, L->ok ? lo : 0.0, L->ok ? hi : 1.0,
                        right - left, &L->v);
      L->plot = (Box) { left, top, right - left, bottom - top };
      L->band = L->n_cat > 0 ? L->plot.h / L->n_cat : L->plot.h;
    }
  else if (chart->kind == KT_CHART_HISTOGRAM)
    {
      g_autofree char *hundred = kt_format_percent (1.0, 0, chart->lang);
      guint most = histogram_max_count (chart);
      double plot_h;

      L->ok = L->ok && chart->n_bins > 0;
      L->marker_rows = MIN (chart->markers->len, 2);
      top += L->marker_rows * L->line_h + (L->marker_rows > 0 ? L->pad * 0.3 : 0.0);
      bottom -= L->line_h + L->pad * 0.5;
      plot_h = bottom - top;
      kt_chart_nice_scale (0.0, MAX (most, 1), CLAMP ((int) (plot_h / (L->line_h * 2.2)), 3, 8),
                           &L->v);
      if (L->v.step < 1.0)   /* counts are whole */
        kt_chart_nice_scale (0.0, MAX (most, 1), (guint) MAX (most, 1) + 1, &L->v);
      {
        KtChartScale counts = L->v;
        left += widest_tick (L, KT_VALUE_NUMBER, &counts) + L->pad;
      }
      right -= measure (L, hundred, FALSE) + L->pad;
      horizontal_scale (L, chart->format, L->ok ? lo : 0.0, L->ok ? hi : 1.0, right - left,
                        &L->h);
      L->plot = (Box) { left, top, right - left, bottom - top };
    }
  else if (chart->kind == KT_CHART_HEATMAP)
    {
      double widest = 0.0;

      L->n_cat = chart->n_cols;
      L->ok = chart->n_rows > 0 && chart->n_cols > 0;
      for (guint r = 0; r < chart->row_labels->len; r++)
        widest = fmax (widest, measure (L, g_ptr_array_index (chart->row_labels, r), FALSE));
      L->label_w = MIN (widest, width * 0.3);
      left += L->label_w + (L->label_w > 0 ? L->pad : 0.0);
      if (chart->col_labels->len > 0)
        bottom -= L->line_h + L->pad * 0.5;
      L->plot = (Box) { left, top, right - left, bottom - top };
    }

  else if (chart->kind == KT_CHART_BUBBLE)
    {
      double xlo, xhi, plot_h;

      L->ok = L->ok && kt_chart_x_range (chart, &xlo, &xhi);
      bottom -= L->line_h + L->pad * 0.5;     /* x tick labels */
      plot_h = bottom - top;
      kt_chart_nice_scale (L->ok ? lo : 0.0, L->ok ? hi : 1.0,
                           CLAMP ((int) (plot_h / (L->line_h * 2.2)), 3, 8), &L->v);
      left += widest_tick (L, chart->format, &L->v) + L->pad;
      L->frame = (Box) { left, top, right - left, bottom - top };
      /* The largest bubble: a tenth of the shorter side, so a few overlap little. */
      L->bubble_r = CLAMP (MIN (L->frame.w, L->frame.h) * 0.1, 4.0, L->fs * 4);
      L->plot = (Box) { left + L->bubble_r, top + L->bubble_r,
                        L->frame.w - 2 * L->bubble_r, L->frame.h - 2 * L->bubble_r };
      horizontal_scale (L, chart->format, L->ok ? xlo : 0.0, L->ok ? xhi : 1.0, L->plot.w,
                        &L->h);
    }

  if (L->plot.w < L->fs * 2 || L->plot.h < L->fs * 2)
    L->ok = FALSE;
}

/* --- Drawing ------------------------------------------------------------- */

static void
stroke_line (cairo_t            *cr,
             double              x0,
             double              y0,
             double              x1,
             double              y1,
             double              width,
             const KtChartColor *color)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_set_line_width (cr, width);
  set_color (cr, color);
  cairo_stroke (cr);
}

static void
dashed (cairo_t *cr,
        Layout  *L,
        gboolean on)
{
  double dash[] = { L->style->line_width * 3, L->style->line_width * 2 };

  cairo_set_dash (cr, dash, on ? 2 : 0, 0);
}

static void
fill_box (cairo_t            *cr,
          double              x,
          double              y,
          double              w,
          double              h,
          const KtChartColor *color)
{
  /* Rectangles with negative sizes come from bars below zero; cairo takes them. */
  cairo_rectangle (cr, x, y, w, h);
  set_color (cr, color);
  cairo_fill (cr);
}

static void
draw_value_grid (cairo_t *cr,
                 Layout  *L)
{
  const KtChartStyle *style = L->style;

  for (guint i = 0; i < L->v.n_ticks; i++)
    {
      double value = kt_chart_scale_tick (&L->v, i);
      double py = map_v (L, value);
      g_autofree char *label = kt_chart_format_tick (L->chart->kind == KT_CHART_HISTOGRAM
                                                       ? KT_VALUE_NUMBER : L->chart->format,
                                                     value, &L->v, L->chart->lang);

      stroke_line (cr, L->plot.x, py, L->plot.x + L->plot.w, py, style->line_width * 0.5,
                   value == 0.0 ? &style->axis : &style->grid);
      show_text (L, cr, label, L->plot.x - L->pad, py, 1.0, 0.5, &style->muted);
    }
}

static void
draw_horizontal_grid (cairo_t            *cr,
                      Layout             *L,
                      const KtChartScale *scale)
{
  const KtChartStyle *style = L->style;

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      double value = kt_chart_scale_tick (scale, i);
      double px = map_x (L, scale, value);
      g_autofree char *label = kt_chart_format_tick (L->chart->format, value, scale,
                                                     L->chart->lang);

      stroke_line (cr, px, L->plot.y, px, L->plot.y + L->plot.h, style->line_width * 0.5,
                   value == 0.0 ? &style->axis : &style->grid);
      show_under_axis (L, cr, label, px);
    }
}

/* Geometry of bar `s` (the s-th BAR series) in category c, before stacking. */
static void
bar_slot (const Layout *L,
          guint         c,
          guint         bar_index,
          double       *x,
          double       *w)
{
  double group = L->band * BAR_FILL;
  double start = L->plot.x + c * L->band + (L->band - group) / 2;

  if (L->chart->kind == KT_CHART_STACKED_BAR || L->n_bar == 0)
    {
      *x = start;
      *w = group;
      return;
    }
  *w = group / L->n_bar;
  *x = start + bar_index * *w;
}

static gboolean
breaks_threshold (KtChart *chart,
                  double   value)
{
  double limit;

  if (chart->kind != KT_CHART_THRESHOLD_BAR || chart->thresholds->len == 0)
    return FALSE;
  limit = g_array_index (chart->thresholds, KtChartMark, 0).value;
  return chart->rule == KT_THRESHOLD_BELOW_IS_BAD ? value < limit : value > limit;
}

/* Visits every bar: callback gets the series, category and its rectangle (top-left, size > 0). */
typedef gboolean (*BarVisitor) (Layout *L, guint series, guint category, double value,
                                double x, double y, double w, double h, gpointer data);

static gboolean
visit_bars (Layout     *L,
            BarVisitor  visit,
            gpointer    data)
{
  KtChart *chart = L->chart;

  for (guint c = 0; c < L->n_cat; c++)
    {
      double up = 0.0, down = 0.0;
      guint bar_index = 0;

      for (guint s = 0; s < chart->series->len; s++)
        {
          KtChartSeries *series = g_ptr_array_index (chart->series, s);
          double value = series->values[c];
          double bx, bw, from, to;

          if (series->type != KT_SERIES_BAR)
            continue;
          bar_slot (L, c, bar_index++, &bx, &bw);
          if (!isfinite (value))
            continue;
          if (chart->kind == KT_CHART_STACKED_BAR)
            {
              double *base = value >= 0.0 ? &up : &down;
              from = *base;
              to = *base + value;
              *base = to;
            }
          else
            {
              from = 0.0;
              to = value;
            }
          {
            double y0 = map_v (L, MAX (from, to)), y1 = map_v (L, MIN (from, to));
            if (visit (L, s, c, value, bx, y0, bw, y1 - y0, data))
              return TRUE;
          }
        }
    }
  return FALSE;
}

typedef struct {
  cairo_t *cr;
} DrawBars;

static gboolean
draw_bar_cb (Layout  *L,
             guint    s,
             guint    c,
             double   value,
             double   x,
             double   y,
             double   w,
             double   h,
             gpointer data)
{
  cairo_t *cr = ((DrawBars *) data)->cr;
  KtChartColor color = breaks_threshold (L->chart, value) ? L->style->warning
                                                          : series_color (L->style, s);
  /* A hairline gap between neighbours, so stacked and grouped bars read apart. */
  double inset = MIN (w * 0.08, L->style->line_width * 0.35);

  fill_box (cr, x + inset, y, w - 2 * inset, MAX (h, 0.0), &color);

  if (L->chart->show_values)
    {
      g_autofree char *text = kt_chart_format_value (L->chart, value);
      g_autoptr(PangoLayout) layout = text_layout (L, text, L->fs * 0.9, FALSE);

      if (text_width (layout) <= w * 1.6)
        {
          if (L->chart->kind == KT_CHART_STACKED_BAR)
            {
              KtChartColor ink = text_on (color);
              if (text_height (layout) < h)
                show (cr, layout, x + w / 2, y + h / 2, 0.5, 0.5, &ink);
            }
          else if (value >= 0.0)
            show (cr, layout, x + w / 2, y - 2, 0.5, 1.0, &L->style->foreground);
          else
            show (cr, layout, x + w / 2, y + h + 2, 0.5, 0.0, &L->style->foreground);
        }
    }
  return FALSE;
}

static void
draw_lines (cairo_t *cr,
            Layout  *L)
{
  KtChart *chart = L->chart;
  double radius = L->style->line_width * 1.6;

  for (guint s = 0; s < chart->series->len; s++)
    {
      KtChartSeries *series = g_ptr_array_index (chart->series, s);
      KtChartColor color = series_color (L->style, s);
      gboolean pen_down = FALSE;

      if (series->type != KT_SERIES_LINE)
        continue;
      cairo_new_path (cr);
      for (guint c = 0; c < L->n_cat; c++)
        {
          double value = series->values[c];
          double px = L->plot.x + (c + 0.5) * L->band;

          if (!isfinite (value))
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, px, map_v (L, value));
          else
            cairo_move_to (cr, px, map_v (L, value));
          pen_down = TRUE;
        }
      cairo_set_line_width (cr, L->style->line_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      set_color (cr, &color);
      cairo_stroke (cr);

      /* Dots where they do not crowd each other. */
      cairo_new_path (cr);
      if (L->band >= radius * 4)
        for (guint c = 0; c < L->n_cat; c++)
          if (isfinite (series->values[c]))
            {
              cairo_arc (cr, L->plot.x + (c + 0.5) * L->band, map_v (L, series->values[c]),
                         radius, 0, 2 * G_PI);
              cairo_fill (cr);
            }
    }
}

static void
draw_thresholds (cairo_t *cr,
                 Layout  *L)
{
  for (guint i = 0; i < L->chart->thresholds->len; i++)
    {
      KtChartMark *mark = &g_array_index (L->chart->thresholds, KtChartMark, i);
      double py = map_v (L, mark->value);

      dashed (cr, L, TRUE);
      stroke_line (cr, L->plot.x, py, L->plot.x + L->plot.w, py, L->style->line_width,
                   &L->style->threshold);
      dashed (cr, L, FALSE);
      if (mark->label != NULL)
        show_on_patch (L, cr, mark->label, L->plot.x + L->plot.w - 2, py - 2, 1.0, 1.0,
                       &L->style->threshold);
    }
}

static void
draw_categories (cairo_t *cr,
                 Layout  *L)
{
  DrawBars data = { cr };

  draw_value_grid (cr, L);
  visit_bars (L, draw_bar_cb, &data);
  draw_lines (cr, L);
  draw_thresholds (cr, L);

  for (guint c = 0; c < L->n_cat; c += L->label_every)
    show_under_axis (L, cr, g_ptr_array_index (L->chart->categories, c),
                     L->plot.x + (c + 0.5) * L->band);
}

static void
tornado_bar (const Layout *L,
             guint         rank,
             double        value,
             double       *x,
             double       *y,
             double       *w,
             double       *h)
{
  double base = L->chart->has_base ? L->chart->base : 0.0;
  double x0 = map_x (L, &L->v, base), x1 = map_x (L, &L->v, value);

  *h = L->band * TORNADO_FILL;
  *y = L->plot.y + rank * L->band + (L->band - *h) / 2;
  *x = MIN (x0, x1);
  *w = fabs (x1 - x0);
}

static void
draw_tornado (cairo_t *cr,
              Layout  *L)
{
  KtChart *chart = L->chart;
  double base = chart->has_base ? chart->base : 0.0;
  double base_x = map_x (L, &L->v, base);

  draw_horizontal_grid (cr, L, &L->v);

  for (guint rank = 0; rank < L->n_cat; rank++)
    {
      KtChartTornadoItem *item = &g_array_index (chart->tornado, KtChartTornadoItem,
                                                 L->order[rank]);
      double values[2] = { item->low, item->high };
      g_autoptr(PangoLayout) label = text_layout (L, item->label, L->fs, FALSE);

      for (guint side = 0; side < 2; side++)
        {
          double bx, by, bw, bh;
          KtChartColor color = series_color (L->style, side);

          if (!isfinite (values[side]))
            continue;
          tornado_bar (L, rank, values[side], &bx, &by, &bw, &bh);
          fill_box (cr, bx, by, bw, bh, &color);
        }

      pango_layout_set_width (label, (int) (L->label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      show (cr, label, L->plot.x - L->pad - L->label_w, L->plot.y + (rank + 0.5) * L->band,
            0.0, 0.5, &L->style->foreground);
    }

  stroke_line (cr, base_x, L->plot.y, base_x, L->plot.y + L->plot.h, L->style->line_width,
               &L->style->marker);
  if (chart->has_base)
    {
      g_autofree char *value = kt_chart_format_value (chart, base);
      g_autofree char *text = chart->base_label != NULL
                                ? g_strdup_printf ("%s: %s", chart->base_label, value)
                                : g_strdup (value);
      g_autoptr(PangoLayout) layout = text_layout (L, text, L->fs, TRUE);
      double w = text_width (layout);
      /* Centred on the line, kept inside the chart. */
      double left = CLAMP (base_x - w / 2, L->area.x + L->pad, L->area.x + L->area.w - L->pad - w);

      show (cr, layout, left, L->plot.y - L->pad * 0.3, 0.0, 1.0, &L->style->marker);
    }
}

static void
draw_histogram (cairo_t *cr,
                Layout  *L)
{
  KtChart *chart = L->chart;
  const KtChartStyle *style = L->style;
  KtChartColor bar = series_color (style, 0), line = series_color (style, 1);
  guint cumulative = 0;
  double row_right[2] = { -G_MAXDOUBLE, -G_MAXDOUBLE };

  draw_value_grid (cr, L);
  /* The x axis: its tick labels only; the count grid is enough. */
  for (guint i = 0; i < L->h.n_ticks; i++)
    {
      double value = kt_chart_scale_tick (&L->h, i);
      g_autofree char *label = kt_chart_format_tick (chart->format, value, &L->h, chart->lang);
      double px = map_x (L, &L->h, value);

      stroke_line (cr, px, L->plot.y + L->plot.h, px, L->plot.y + L->plot.h + L->pad * 0.3,
                   style->line_width * 0.5, &style->axis);
      show_under_axis (L, cr, label, px);
    }

  for (guint b = 0; b < chart->n_bins; b++)
    {
      double x0 = map_x (L, &L->h, chart->first_edge + b * chart->bin_width);
      double x1 = map_x (L, &L->h, chart->first_edge + (b + 1) * chart->bin_width);
      double top = map_v (L, chart->counts[b]);
      double inset = MIN ((x1 - x0) * 0.1, style->line_width * 0.3);

      fill_box (cr, x0 + inset, top, x1 - x0 - 2 * inset, map_v (L, 0) - top, &bar);
    }

  /* Cumulative share on the right axis, 0 at the bottom of the plot, 100 % at the top. */
  cairo_new_path (cr);
  cairo_move_to (cr, map_x (L, &L->h, chart->first_edge), L->plot.y + L->plot.h);
  for (guint b = 0; b < chart->n_bins; b++)
    {
      cumulative += chart->counts[b];
      cairo_line_to (cr, map_x (L, &L->h, chart->first_edge + (b + 1) * chart->bin_width),
                     L->plot.y + L->plot.h * (1.0 - (double) cumulative / chart->n_samples));
    }
  cairo_set_line_width (cr, style->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_color (cr, &line);
  cairo_stroke (cr);
  for (guint i = 0; i <= 4; i++)
    {
      g_autofree char *label = kt_format_percent (i * 0.25, 0, chart->lang);
      show_text (L, cr, label, L->plot.x + L->plot.w + L->pad,
                 L->plot.y + L->plot.h * (1.0 - i * 0.25), 0.0, 0.5, &line);
    }

  for (guint i = 0; i < chart->markers->len; i++)
    {
      KtChartMark *mark = &g_array_index (chart->markers, KtChartMark, i);
      double px = map_x (L, &L->h, mark->value);
      g_autofree char *value = kt_chart_format_value (chart, mark->value);
      g_autofree char *text = mark->label != NULL ? g_strdup_printf ("%s: %s", mark->label, value)
                                                  : g_strdup (value);
      g_autoptr(PangoLayout) layout = text_layout (L, text, L->fs, TRUE);
      double w = text_width (layout);
      double left = CLAMP (px - w / 2, L->area.x + L->pad, L->area.x + L->area.w - L->pad - w);
      guint row = 0;

      dashed (cr, L, TRUE);
      stroke_line (cr, px, L->plot.y, px, L->plot.y + L->plot.h, style->line_width,
                   &style->marker);
      dashed (cr, L, FALSE);
      /* Labels over the plot; a label that would overlap its neighbour takes the upper row. */
      if (L->marker_rows > 1 && left < row_right[0] + L->pad)
        row = 1;
      row_right[row] = left + w;
      show (cr, layout, left, L->plot.y - L->pad * 0.3 - row * L->line_h, 0.0, 1.0,
            &style->marker);
    }
}

static KtChartColor
heat_color (const Layout *L,
            double        value)
{
  KtChart *chart = L->chart;
  guint n = chart->heat_levels->len;
  double lo, hi;

  if (n > 0)
    {
      for (guint i = 0; i < n; i++)
        if (value <= g_array_index (chart->heat_levels, KtChartMark, i).value || i == n - 1)
          return heat_ramp (L->style, n > 1 ? (double) i / (n - 1) : 0.0);
    }
  kt_chart_value_range (chart, &lo, &hi);
  return heat_ramp (L->style, hi > lo ? (value - lo) / (hi - lo) : 0.0);
}

static void
heat_cell (const Layout *L,
           guint         row,
           guint         col,
           double       *x,
           double       *y,
           double       *w,
           double       *h)
{
  *w = L->plot.w / L->chart->n_cols;
  *h = L->plot.h / L->chart->n_rows;
  *x = L->plot.x + col * *w;
  *y = L->plot.y + (L->chart->n_rows - 1 - row) * *h;   /* row 0 at the bottom */
}

static void
draw_heatmap (cairo_t *cr,
              Layout  *L)
{
  KtChart *chart = L->chart;
  double gap = MAX (L->style->line_width, 1.0);

  for (guint r = 0; r < chart->n_rows; r++)
    for (guint c = 0; c < chart->n_cols; c++)
      {
        guint i = r * chart->n_cols + c;
        double value = chart->matrix[i];
        double cx, cy, cw, ch;
        KtChartColor fill = heat_color (L, value);
        KtChartColor ink = text_on (fill);
        g_autofree char *number = NULL;
        const char *text;
        g_autoptr(PangoLayout) layout = NULL;

        heat_cell (L, r, c, &cx, &cy, &cw, &ch);
        fill_box (cr, cx + gap / 2, cy + gap / 2, cw - gap, ch - gap, &fill);
        if (chart->cell_texts != NULL && chart->cell_texts[i] != NULL)
          text = chart->cell_texts[i];
        else
          text = number = kt_chart_format_value (chart, value);
        layout = text_layout (L, text, L->fs, FALSE);
        pango_layout_set_width (layout, (int) ((cw - 2 * gap) * PANGO_SCALE));
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        if (text_height (layout) <= ch - gap)
          show (cr, layout, cx + gap, cy + ch / 2, 0.0, 0.5, &ink);
      }

  for (guint r = 0; r < MIN (chart->n_rows, chart->row_labels->len); r++)
    {
      double cx, cy, cw, ch;
      g_autoptr(PangoLayout) label = text_layout (L, g_ptr_array_index (chart->row_labels, r),
                                                  L->fs, FALSE);

      heat_cell (L, r, 0, &cx, &cy, &cw, &ch);
      pango_layout_set_width (label, (int) (L->label_w * PANGO_SCALE));
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      pango_layout_set_wrap (label, PANGO_WRAP_WORD);
      show (cr, label, L->plot.x - L->pad - L->label_w, cy + ch / 2, 0.0, 0.5, &L->style->muted);
    }
  for (guint c = 0; c < MIN (chart->n_cols, chart->col_labels->len); c++)
    {
      double cx, cy, cw, ch;
      g_autoptr(PangoLayout) label = text_layout (L, g_ptr_array_index (chart->col_labels, c),
                                                  L->fs, FALSE);

      heat_cell (L, 0, c, &cx, &cy, &cw, &ch);
      pango_layout_set_width (label, (int) (cw * PANGO_SCALE));
      pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      show (cr, label, cx, L->plot.y + L->plot.h + L->pad * 0.5, 0.0, 0.0, &L->style->muted);
    }
}

/* Bubble positions and radii; the order draws the largest first, so small
 * ones stay visible on top (hit tests walk it backwards). */
typedef struct {
  double x, y, r;
} BubbleSpot;

static BubbleSpot *
bubble_spots (Layout *L,
              guint **order)
{
  KtChart *chart = L->chart;
  guint n = chart->bubbles->len;
  BubbleSpot *spots = g_new (BubbleSpot, MAX (n, 1));

  *order = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      KtChartBubble *bubble = &g_array_index (chart->bubbles, KtChartBubble, i);

      spots[i].x = map_x (L, &L->h, bubble->x);
      spots[i].y = map_v (L, bubble->y);
      spots[i].r = kt_chart_get_bubble_radius (chart, i, L->bubble_r);
      (*order)[i] = i;
    }
  /* Insertion sort by decreasing radius: stable, and a portfolio is tens of bubbles. */
  for (guint i = 1; i < n; i++)
    {
      guint key = (*order)[i], j = i;

      while (j > 0 && spots[(*order)[j - 1]].r < spots[key].r)
        {
          (*order)[j] = (*order)[j - 1];
          j--;
        }
      (*order)[j] = key;
    }
  return spots;
}

static void
circle_path (cairo_t *cr,
             double   x,
             double   y,
             double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
}

/* One bubble: translucent fill and a solid rim; a hollow one is a dashed rim
 * round a dot, so "no size" never reads as "small". */
static void
draw_one_bubble (cairo_t            *cr,
                 Layout             *L,
                 double              x,
                 double              y,
                 double              r,
                 const KtChartColor *color,
                 gboolean            hollow)
{
  KtChartColor fill = *color;

  cairo_new_path (cr);
  if (hollow)
    {
      dashed (cr, L, TRUE);
      circle_path (cr, x, y, r);
      cairo_set_line_width (cr, L->style->line_width);
      set_color (cr, color);
      cairo_stroke (cr);
      dashed (cr, L, FALSE);
      circle_path (cr, x, y, MAX (r * 0.25, 1.2));
      cairo_fill (cr);
      return;
    }
  fill.a = 0.55;
  circle_path (cr, x, y, r);
  set_color (cr, &fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, L->style->line_width);
  set_color (cr, color);
  cairo_stroke (cr);
}

static gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static void
draw_bubbles (cairo_t *cr,
              Layout  *L)
{
  KtChart *chart = L->chart;
  const KtChartStyle *style = L->style;
  g_autofree guint *order = NULL;
  g_autofree BubbleSpot *spots = bubble_spots (L, &order);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Box));
  Box *frame = &L->frame;

  cairo_rectangle (cr, frame->x, frame->y, frame->w, frame->h);
  cairo_set_line_width (cr, style->line_width * 0.5);
  set_color (cr, &style->axis);
  cairo_stroke (cr);
  for (guint i = 0; i < L->v.n_ticks; i++)
    {
      double value = kt_chart_scale_tick (&L->v, i);
      double py = map_v (L, value);
      g_autofree char *label = kt_chart_format_tick (chart->format, value, &L->v, chart->lang);

      stroke_line (cr, frame->x, py, frame->x + frame->w, py, style->line_width * 0.5, &style->grid);
      show_text (L, cr, label, frame->x - L->pad, py, 1.0, 0.5, &style->muted);
    }
  for (guint i = 0; i < L->h.n_ticks; i++)
    {
      double value = kt_chart_scale_tick (&L->h, i);
      double px = map_x (L, &L->h, value);
      g_autofree char *label = kt_chart_format_tick (chart->format, value, &L->h, chart->lang);
      g_autoptr(PangoLayout) layout = text_layout (L, label, L->fs, FALSE);
      double w = text_width (layout);
      double left = CLAMP (px - w / 2, L->area.x, L->area.x + L->area.w - w);

      stroke_line (cr, px, frame->y, px, frame->y + frame->h, style->line_width * 0.5, &style->grid);
      show (cr, layout, left, frame->y + frame->h + L->pad * 0.5, 0.0, 0.0, &style->muted);
    }

  /* Reference lines (quadrants): horizontal thresholds, vertical markers. */
  dashed (cr, L, TRUE);
  for (guint i = 0; i < chart->thresholds->len; i++)
    {
      double py = map_v (L, g_array_index (chart->thresholds, KtChartMark, i).value);
      stroke_line (cr, frame->x, py, frame->x + frame->w, py, style->line_width * 0.7, &style->axis);
    }
  for (guint i = 0; i < chart->markers->len; i++)
    {
      double px = map_x (L, &L->h, g_array_index (chart->markers, KtChartMark, i).value);
      stroke_line (cr, px, frame->y, px, frame->y + frame->h, style->line_width * 0.7, &style->axis);
    }
  dashed (cr, L, FALSE);
  for (guint i = 0; i < chart->thresholds->len; i++)
    {
      KtChartMark *mark = &g_array_index (chart->thresholds, KtChartMark, i);
      if (mark->label != NULL && *mark->label != '\0')
        show_on_patch (L, cr, mark->label, frame->x + frame->w - 2, map_v (L, mark->value) - 2,
                       1.0, 1.0, &style->muted);
    }
  for (guint i = 0; i < chart->markers->len; i++)
    {
      KtChartMark *mark = &g_array_index (chart->markers, KtChartMark, i);
      if (mark->label != NULL && *mark->label != '\0')
        show_on_patch (L, cr, mark->label, map_x (L, &L->h, mark->value) + 2, frame->y + 2,
                       0.0, 0.0, &style->muted);
    }

  for (guint k = 0; k < chart->bubbles->len; k++)
    {
      guint i = order[k];
      KtChartBubble *bubble = &g_array_index (chart->bubbles, KtChartBubble, i);
      KtChartBubbleGroup *group = &g_array_index (chart->bubble_groups, KtChartBubbleGroup,
                                                  bubble->group);
      KtChartColor color = series_color (style, group->color);

      draw_one_bubble (cr, L, spots[i].x, spots[i].y, spots[i].r, &color,
                       bubble_is_hollow (bubble));
    }

  /* Labels beside their bubble: right, left, above, below — the first place
   * that stays in the frame and clears the labels already placed; else none
   * (the tooltip still names it). */
  for (guint i = 0; i < chart->bubbles->len; i++)
    {
      KtChartBubble *bubble = &g_array_index (chart->bubbles, KtChartBubble, i);
      g_autoptr(PangoLayout) layout = text_layout (L, bubble->label, L->fs * 0.95, FALSE);
      double w, h, gap = 3.0;
      BubbleSpot *b = &spots[i];

      pango_layout_set_width (layout, (int) (MIN (frame->w * 0.4, L->fs * 16) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      w = text_width (layout);
      h = text_height (layout);
      {
        Box candidates[4] = {
          { b->x + b->r + gap, b->y - h / 2, w + 4, h },
          { b->x - b->r - gap - w - 4, b->y - h / 2, w + 4, h },
          { b->x - w / 2 - 2, b->y - b->r - gap - h, w + 4, h },
          { b->x - w / 2 - 2, b->y + b->r + gap, w + 4, h },
        };

        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          {
            Box *box = &candidates[c];
            gboolean clear = box->x >= frame->x && box->x + box->w <= frame->x + frame->w &&
                             box->y >= frame->y && box->y + box->h <= frame->y + frame->h;
            KtChartColor patch = style->background;

            for (guint p = 0; p < placed->len && clear; p++)
              clear = !boxes_overlap (box, &g_array_index (placed, Box, p));
            if (!clear)
              continue;
            patch.a = 0.8;
            cairo_rectangle (cr, box->x, box->y, box->w, box->h);
            set_color (cr, &patch);
            cairo_fill (cr);
            show (cr, layout, box->x + 2, box->y, 0.0, 0.0, &style->foreground);
            g_array_append_val (placed, *box);
            break;
          }
      }
    }
}

static void
draw_legend (cairo_t *cr,
             Layout  *L)
{
  double swatch = L->fs * 1.6, gap = L->fs * 0.4;

  for (guint i = 0; i < L->legend->len; i++)
    {
      LegendEntry *e = &g_array_index (L->legend, LegendEntry, i);
      double mid = e->y + L->line_h / 2;

      switch (e->swatch)
        {
        case SWATCH_BAR:
          fill_box (cr, e->x + swatch * 0.2, mid - swatch * 0.3, swatch * 0.6, swatch * 0.6,
                    &e->color);
          break;
        case SWATCH_LINE:
          stroke_line (cr, e->x, mid, e->x + swatch, mid, L->style->line_width, &e->color);
          cairo_new_path (cr);
          cairo_arc (cr, e->x + swatch / 2, mid, L->style->line_width * 1.6, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case SWATCH_DASH:
          dashed (cr, L, TRUE);
          stroke_line (cr, e->x, mid, e->x + swatch, mid, L->style->line_width, &e->color);
          dashed (cr, L, FALSE);
          break;
        case SWATCH_BUBBLE:
        case SWATCH_HOLLOW:
          draw_one_bubble (cr, L, e->x + swatch / 2, mid, swatch * 0.32, &e->color,
                           e->swatch == SWATCH_HOLLOW);
          break;
        case SWATCH_RING:
          cairo_new_path (cr);
          circle_path (cr, e->x + swatch / 2, mid, swatch * 0.4);
          circle_path (cr, e->x + swatch / 2, mid + swatch * 0.2, swatch * 0.2);
          cairo_set_line_width (cr, L->style->line_width * 0.7);
          set_color (cr, &e->color);
          cairo_stroke (cr);
          break;
        default:
          g_assert_not_reached ();
        }
      show (cr, e->layout, e->x + swatch + gap, mid, 0.0, 0.5, &L->style->foreground);
    }
}

static PangoContext *
create_context (const KtChartStyle *style,
                cairo_t            *cr)
{
  PangoFontMap *map = style->font_map != NULL ? style->font_map
                                              : pango_cairo_font_map_get_default ();
  PangoContext *ctx = pango_font_map_create_context (map);

  if (cr != NULL)
    pango_cairo_update_context (cr, ctx);
  else
    {
      /* Hit tests have no surface: measure as a vector surface would. */
      cairo_font_options_t *options = cairo_font_options_create ();
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      pango_cairo_context_set_font_options (ctx, options);
      cairo_font_options_destroy (options);
    }
  return ctx;
}

void
kt_chart_draw (KtChart            *chart,
               cairo_t            *cr,
               double              x,
               double              y,
               double              width,
               double              height,
               const KtChartStyle *style)
{
  Layout L;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  if (style->fill_background)
    {
      set_color (cr, &style->background);
      cairo_paint (cr);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  layout_compute (&L, chart, style, create_context (style, cr), x, y, width, height);

  if (L.title != NULL)
    show (cr, L.title, x + L.pad, L.title_y, 0.0, 0.0, &style->foreground);
  if (L.ok)
    {
      switch (chart->kind)
        {
        case KT_CHART_BAR_LINE:
        case KT_CHART_GROUPED_BAR:
        case KT_CHART_STACKED_BAR:
        case KT_CHART_THRESHOLD_BAR:
          draw_categories (cr, &L);
          break;
        case KT_CHART_TORNADO:
          draw_tornado (cr, &L);
          break;
        case KT_CHART_HISTOGRAM:
          draw_histogram (cr, &L);
          break;
        case KT_CHART_HEATMAP:
          draw_heatmap (cr, &L);
          break;
        case KT_CHART_BUBBLE:
          draw_bubbles (cr, &L);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (L.x_title != NULL)
    show (cr, L.x_title, L.plot.x + L.plot.w / 2, L.x_title_y, 0.5, 0.0, &style->foreground);
  if (L.y_title != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, L.y_title_x, L.plot.y + L.plot.h / 2);
      cairo_rotate (cr, -G_PI / 2);
      show (cr, L.y_title, 0, 0, 0.5, 0.0, &style->foreground);
      cairo_restore (cr);
    }
  draw_legend (cr, &L);

  layout_clear (&L);
  cairo_restore (cr);
}

/* --- Hit testing --------------------------------------------------------- */

typedef struct {
  double      px, py;
  KtChartHit *hit;
} HitBars;

static gboolean
hit_bar_cb (Layout  *L,
            guint    s,
            guint    c,
            double   value,
            double   x,
            double   y,
            double   w,
            double   h,
            gpointer data)
{
  HitBars *probe = data;

  /* Very short bars still get a 3-unit target. */
  if (probe->px < x || probe->px > x + w ||
      probe->py < MIN (y, y + h - 3) || probe->py > MAX (y + h, y + 3))
    return FALSE;
  probe->hit->kind = KT_CHART_HIT_BAR;
  probe->hit->series = s;
  probe->hit->index = c;
  probe->hit->value = value;
  return TRUE;
}

static char *
series_text (KtChart *chart,
             guint    s,
             guint    c,
             double   value)
{
  KtChartSeries *series = g_ptr_array_index (chart->series, s);
  g_autofree char *number = kt_chart_format_value (chart, value);

  return g_strdup_printf ("%s — %s: %s", (char *) g_ptr_array_index (chart->categories, c),
                          series->name, number);
}

static gboolean
hit_categories (Layout     *L,
                double      px,
                double      py,
                KtChartHit *hit)
{
  KtChart *chart = L->chart;
  HitBars probe = { px, py, hit };
  double best = HIT_RADIUS * HIT_RADIUS;

  /* Points first: a line is drawn over the bars. */
  for (guint s = 0; s < chart->series->len; s++)
    {
      KtChartSeries *series = g_ptr_array_index (chart->series, s);

      if (series->type != KT_SERIES_LINE)
        continue;
      for (guint c = 0; c < L->n_cat; c++)
        {
          double dx, dy;

          if (!isfinite (series->values[c]))
            continue;
          dx = px - (L->plot.x + (c + 0.5) * L->band);
          dy = py - map_v (L, series->values[c]);
          if (dx * dx + dy * dy <= best)
            {
              best = dx * dx + dy * dy;
              hit->kind = KT_CHART_HIT_POINT;
              hit->series = s;
              hit->index = c;
              hit->value = series->values[c];
            }
        }
    }
  if (hit->kind == KT_CHART_HIT_NONE)
    visit_bars (L, hit_bar_cb, &probe);
  if (hit->kind == KT_CHART_HIT_NONE)
    return FALSE;
  hit->text = series_text (chart, hit->series, hit->index, hit->value);
  return TRUE;
}

static gboolean
hit_tornado (Layout     *L,
             double      px,
             double      py,
             KtChartHit *hit)
{
  KtChart *chart = L->chart;

  for (guint rank = 0; rank < L->n_cat; rank++)
    {
      guint item_index = L->order[rank];
      KtChartTornadoItem *item = &g_array_index (chart->tornado, KtChartTornadoItem, item_index);
      double values[2] = { item->low, item->high };

      for (guint side = 0; side < 2; side++)
        {
          double bx, by, bw, bh;
          const char *name = side == 0 ? chart->low_name : chart->high_name;
          g_autofree char *number = NULL;

          if (!isfinite (values[side]))
            continue;
          tornado_bar (L, rank, values[side], &bx, &by, &bw, &bh);
          if (px < bx || px > bx + MAX (bw, 3) || py < by || py > by + bh)
            continue;
          hit->kind = KT_CHART_HIT_TORNADO;
          hit->series = side;
          hit->index = item_index;
          hit->value = values[side];
          number = kt_chart_format_value (chart, values[side]);
          hit->text = name != NULL ? g_strdup_printf ("%s — %s: %s", item->label, name, number)
                                   : g_strdup_printf ("%s: %s", item->label, number);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
hit_histogram (Layout     *L,
               double      px,
               double      py,
               KtChartHit *hit)
{
  KtChart *chart = L->chart;

  if (py < L->plot.y || py > L->plot.y + L->plot.h)
    return FALSE;
  /* The whole column of a bin answers, so thin bins are easy to point at. */
  for (guint b = 0; b < chart->n_bins; b++)
    {
      double from = chart->first_edge + b * chart->bin_width;
      double x0 = map_x (L, &L->h, from), x1 = map_x (L, &L->h, from + chart->bin_width);
      g_autofree char *lo = NULL, *hi = NULL, *count = NULL, *share = NULL;

      if (px < x0 || px >= x1)
        continue;
      hit->kind = KT_CHART_HIT_BIN;
      hit->series = 0;
      hit->index = b;
      hit->value = chart->counts[b];
      lo = kt_chart_format_value (chart, from);
      hi = kt_chart_format_value (chart, from + chart->bin_width);
      count = kt_format_number (chart->counts[b], 0, chart->lang);
      share = kt_format_percent ((double) chart->counts[b] / chart->n_samples, 1, chart->lang);
      hit->text = g_strdup_printf ("%s – %s: %s (%s)", lo, hi, count, share);
      return TRUE;
    }
  return FALSE;
}

static gboolean
hit_heatmap (Layout     *L,
             double      px,
             double      py,
             KtChartHit *hit)
{
  KtChart *chart = L->chart;
  guint col, row, i;
  const char *row_label, *col_label;
  g_autofree char *number = NULL;

  if (px < L->plot.x || px >= L->plot.x + L->plot.w || py < L->plot.y ||
      py >= L->plot.y + L->plot.h)
    return FALSE;
  col = MIN ((guint) ((px - L->plot.x) / (L->plot.w / chart->n_cols)), chart->n_cols - 1);
  row = chart->n_rows - 1 -
        MIN ((guint) ((py - L->plot.y) / (L->plot.h / chart->n_rows)), chart->n_rows - 1);
  i = row * chart->n_cols + col;
  hit->kind = KT_CHART_HIT_CELL;
  hit->series = 0;
  hit->index = i;
  hit->value = chart->matrix[i];
  row_label = row < chart->row_labels->len ? g_ptr_array_index (chart->row_labels, row) : "";
  col_label = col < chart->col_labels->len ? g_ptr_array_index (chart->col_labels, col) : "";
  number = kt_chart_format_value (chart, chart->matrix[i]);
  if (chart->cell_texts != NULL && chart->cell_texts[i] != NULL)
    hit->text = g_strdup_printf ("%s × %s: %s (%s)", row_label, col_label, number,
                                 chart->cell_texts[i]);
  else
    hit->text = g_strdup_printf ("%s × %s: %s", row_label, col_label, number);
  return TRUE;
}

static gboolean
hit_bubbles (Layout     *L,
             double      px,
             double      py,
             KtChartHit *hit)
{
  KtChart *chart = L->chart;
  g_autofree guint *order = NULL;
  g_autofree BubbleSpot *spots = bubble_spots (L, &order);

  /* Topmost first: the reverse of the drawing order. */
  for (guint k = chart->bubbles->len; k-- > 0;)
    {
      guint i = order[k];
      KtChartBubble *bubble = &g_array_index (chart->bubbles, KtChartBubble, i);
      double reach = MAX (spots[i].r, HIT_RADIUS);
      double dx = px - spots[i].x, dy = py - spots[i].y;
      g_autofree char *x = NULL, *y = NULL, *size = NULL;
      GString *text;

      if (dx * dx + dy * dy > reach * reach)
        continue;
      hit->kind = KT_CHART_HIT_BUBBLE;
      hit->series = bubble->group;
      hit->index = i;
      hit->value = bubble->size;
      x = kt_chart_format_value (chart, bubble->x);
      y = kt_chart_format_value (chart, bubble->y);
      text = g_string_new (bubble->label);
      g_string_append_printf (text, "\n%s: %s\n%s: %s",
                              chart->x_title != NULL ? chart->x_title : "x", x,
                              chart->y_title != NULL ? chart->y_title : "y", y);
      if (chart->size_name != NULL)
        {
          size = kt_chart_format_as (chart, chart->size_format, -1, bubble->size);
          g_string_append_printf (text, "\n%s: %s", chart->size_name, size);
        }
      if (bubble->detail != NULL && *bubble->detail != '\0')
        g_string_append_printf (text, "\n%s", bubble->detail);
      hit->text = g_string_free (text, FALSE);
      return TRUE;
    }
  return FALSE;
}

gboolean
kt_chart_hit_test (KtChart            *chart,
                   const KtChartStyle *style,
                   double              width,
                   double              height,
                   double              px,
                   double              py,
                   KtChartHit         *hit)
{
  Layout L;
  gboolean found = FALSE;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (KtChartHit) { KT_CHART_HIT_NONE, -1, -1, NAN, NULL };
  if (width <= 0 || height <= 0)
    return FALSE;

  layout_compute (&L, chart, style, create_context (style, NULL), 0, 0, width, height);
  if (L.ok)
    {
      if (is_category_kind (chart->kind))
        found = hit_categories (&L, px, py, hit);
      else if (chart->kind == KT_CHART_TORNADO)
        found = hit_tornado (&L, px, py, hit);
      else if (chart->kind == KT_CHART_HISTOGRAM)
        found = hit_histogram (&L, px, py, hit);
      else if (chart->kind == KT_CHART_HEATMAP)
        found = hit_heatmap (&L, px, py, hit);
      else if (chart->kind == KT_CHART_BUBBLE)
        found = hit_bubbles (&L, px, py, hit);
    }
  layout_clear (&L);
  if (!found)
    *hit = (KtChartHit) { KT_CHART_HIT_NONE, -1, -1, NAN, NULL };
  return found;
}

void
kt_chart_hit_clear (KtChartHit *hit)
{
  g_return_if_fail (hit != NULL);
  g_clear_pointer (&hit->text, g_free);
  hit->kind = KT_CHART_HIT_NONE;
}

/* --- Export --------------------------------------------------------------- */

static gboolean
check_surface (cairo_surface_t *surface,
               const char      *path,
               GError         **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, KT_CHART_ERROR, KT_CHART_ERROR_EXPORT,
               _("Could not write the chart to “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
kt_chart_export_png (KtChart            *chart,
                     const KtChartStyle *style,
                     const char         *path,
                     double              width,
                     double              height,
                     double              scale,
                     GError            **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  kt_chart_draw (chart, cr, 0, 0, width, height, style);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png (surface, path);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KT_CHART_ERROR, KT_CHART_ERROR_EXPORT,
                   _("Could not write the chart to “%s”: %s"), path,
                   cairo_status_to_string (status));
      ok = FALSE;
    }
  else
    ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
kt_chart_export_svg (KtChart            *chart,
                     const KtChartStyle *style,
                     const char         *path,
                     double              width,
                     double              height,
                     GError            **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  surface = cairo_svg_surface_create (path, width, height);
  cr = cairo_create (surface);
  kt_chart_draw (chart, cr, 0, 0, width, height, style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}
