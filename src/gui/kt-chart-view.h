/* kt-chart-view.h — a widget drawing a KtChart (kt-chart.h) with hover values and export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-chart.h"

G_BEGIN_DECLS

#define KT_TYPE_CHART_VIEW (kt_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (KtChartView, kt_chart_view, KT, CHART_VIEW, GtkWidget)

/* Signal "hit-activated" (int kind, int series, int index): a click on what
 * kt_chart_hit_test () finds (a KtChartHitKind and its series and index).
 * Over a bubble the pointer becomes a hand, since bubbles are meant to be clicked. */
GtkWidget *kt_chart_view_new        (void);
/* Takes a reference; NULL shows nothing (a chart with no data yet). */
void       kt_chart_view_set_chart  (KtChartView        *self,
                                     KtChart            *chart);
KtChart   *kt_chart_view_get_chart  (KtChartView        *self);
/* The style the widget draws with (theme of the style manager, widget font). */
void       kt_chart_view_get_style  (KtChartView        *self,
                                     KtChartStyle       *style);
/* Asks for a file with GtkFileChooserNative and writes PNG or SVG by its extension. */
void       kt_chart_view_export     (KtChartView        *self);
/* Writes the chart at the widget's size (or 800 × 450 when unallocated). */
gboolean   kt_chart_view_save       (KtChartView        *self,
                                     const char         *path,
                                     GError            **error);

G_END_DECLS
