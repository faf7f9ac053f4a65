/* kt-chart-view.c — a widget drawing a KtChart (kt-chart.h) with hover values and export
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart is drawn by the same kt_chart_draw () as the PDF, through
 * gtk_snapshot_append_cairo () (GTK 4.8 has no path API, STYLE.md §10); the
 * tooltip asks kt_chart_hit_test () with the same style and size.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kt-chart-view.h"

struct _KtChartView
{
  GtkWidget  parent_instance;

  KtChart   *chart;
};

G_DEFINE_FINAL_TYPE (KtChartView, kt_chart_view, GTK_TYPE_WIDGET)

enum { HIT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

#define FALLBACK_WIDTH  800.0
#define FALLBACK_HEIGHT 450.0

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 KtChartView     *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  KtChartView *self)
{
  KtChartStyle style;
  KtChartHit hit = { 0 };
  gboolean found;

  if (self->chart == NULL || keyboard)
    return FALSE;
  kt_chart_view_get_style (self, &style);
  found = kt_chart_hit_test (self->chart, &style, gtk_widget_get_width (widget),
                             gtk_widget_get_height (widget), x, y, &hit);
  if (found && hit.text != NULL)
    gtk_tooltip_set_text (tooltip, hit.text);
  else
    found = FALSE;
  kt_chart_hit_clear (&hit);
  return found;
}

/* What lies under (x, y); FALSE (and nothing to clear) when nothing. */
static gboolean
hit_at (KtChartView *self,
        double       x,
        double       y,
        KtChartHit  *hit)
{
  KtChartStyle style;

  if (self->chart == NULL)
    return FALSE;
  kt_chart_view_get_style (self, &style);
  return kt_chart_hit_test (self->chart, &style, gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)), x, y, hit);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   KtChartView     *self)
{
  KtChartHit hit = { 0 };

  if (n_press != 1 || !hit_at (self, x, y, &hit))
    return;
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, (int) hit.kind, hit.series, hit.index);
  kt_chart_hit_clear (&hit);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           KtChartView              *self)
{
  KtChartHit hit = { 0 };
  gboolean bubble = FALSE;

  if (self->chart != NULL && kt_chart_get_kind (self->chart) == KT_CHART_BUBBLE &&
      hit_at (self, x, y, &hit))
    {
      bubble = hit.kind == KT_CHART_HIT_BUBBLE;
      kt_chart_hit_clear (&hit);
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), bubble ? "pointer" : NULL);
}

static void
kt_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  KtChartView *self = KT_CHART_VIEW (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  KtChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || w <= 0 || h <= 0)
    return;
  kt_chart_view_get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  kt_chart_draw (self->chart, cr, 0, 0, w, h, &style);
  cairo_destroy (cr);
}

static void
kt_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 640;
    }
  else
    {
      *minimum = 240;
      *natural = for_size > 0 ? MAX (280, for_size * 9 / 16) : 340;
    }
}

static void
kt_chart_view_dispose (GObject *object)
{
  KtChartView *self = KT_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->chart, kt_chart_unref);
  G_OBJECT_CLASS (kt_chart_view_parent_class)->dispose (object);
}

static void
kt_chart_view_class_init (KtChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_chart_view_dispose;
  widget_class->snapshot = kt_chart_view_snapshot;
  widget_class->measure = kt_chart_view_measure;
  gtk_widget_class_set_css_name (widget_class, "ktchartview");

  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT);
}

static void
kt_chart_view_init (KtChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
}

GtkWidget *
kt_chart_view_new (void)
{
  return g_object_new (KT_TYPE_CHART_VIEW, NULL);
}

void
kt_chart_view_set_chart (KtChartView *self,
                         KtChart     *chart)
{
  g_return_if_fail (KT_IS_CHART_VIEW (self));
  if (chart != NULL)
    kt_chart_ref (chart);
  g_clear_pointer (&self->chart, kt_chart_unref);
  self->chart = chart;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

KtChart *
kt_chart_view_get_chart (KtChartView *self)
{
  g_return_val_if_fail (KT_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
kt_chart_view_get_style (KtChartView  *self,
                         KtChartStyle *style)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);

  kt_chart_style_init (style, dark ? KT_CHART_THEME_DARK : KT_CHART_THEME_LIGHT);
  style->font_map = pango_context_get_font_map (context);
  /* The page's own background shows through; exports fill it (below). */
  style->fill_background = FALSE;
  style->font_size = 12;
  if (font != NULL && pango_font_description_get_family (font) != NULL)
    style->font_family = pango_font_description_get_family (font);
}

gboolean
kt_chart_view_save (KtChartView  *self,
                    const char   *path,
                    GError      **error)
{
  KtChartStyle style;
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_val_if_fail (KT_IS_CHART_VIEW (self), FALSE);
  if (self->chart == NULL)
    {
      g_set_error_literal (error, KT_CHART_ERROR, KT_CHART_ERROR_EXPORT,
                           _("There is no chart to export yet"));
      return FALSE;
    }
  if (w < 100 || h < 100)
    {
      w = FALLBACK_WIDTH;
      h = FALLBACK_HEIGHT;
    }
  kt_chart_view_get_style (self, &style);
  style.fill_background = TRUE;
  if (g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG"))
    return kt_chart_export_svg (self->chart, &style, path, w, h, error);
  return kt_chart_export_png (self->chart, &style, path, w, h, 2, error);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    KtChartView     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr (GError) error = NULL;

      if (path != NULL && !g_str_has_suffix (path, ".png") && !g_str_has_suffix (path, ".svg"))
        {
          char *with_ext = g_strconcat (path, ".png", NULL);
          g_free (path);
          path = with_ext;
        }
      if (path != NULL && !kt_chart_view_save (self, path, &error))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("The chart could not be exported"),
                                                       error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

void
kt_chart_view_export (KtChartView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) svg = gtk_file_filter_new ();

  g_return_if_fail (KT_IS_CHART_VIEW (self));
  dialog = gtk_file_chooser_native_new (_("Export the Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (png, _("PNG image"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG drawing"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), svg);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("chart.png"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
