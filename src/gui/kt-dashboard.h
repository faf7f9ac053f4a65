/* kt-dashboard.h — the key indicators of a study as large figures against their thresholds
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-model.h"
#include "kt-simulation.h"
#include "kt-vfm.h"

G_BEGIN_DECLS

#define KT_TYPE_DASHBOARD (kt_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (KtDashboard, kt_dashboard, KT, DASHBOARD, GtkWidget)

/* How a figure compares with its threshold; also its CSS class. */
typedef enum {
  KT_VERDICT_NEUTRAL,
  KT_VERDICT_GOOD,      /* "success" */
  KT_VERDICT_CAUTION,   /* "warning": multiple IRRs, close to the limit */
  KT_VERDICT_BAD,       /* "error" */
} KtVerdict;

GtkWidget  *kt_dashboard_new              (void);
/* Shows the figures of a model just evaluated on `data` with `rules`.
 * Sets label texts only where they changed: cheap enough for every keystroke. */
void        kt_dashboard_update           (KtDashboard              *self,
                                           const KtModel            *model,
                                           const KtProjectData      *data,
                                           const KtRules            *rules,
                                           const KtVfm              *vfm);
/* The Monte Carlo card: a finished run, or NULL with a status line
 * ("Simulating…", "No distributions"). */
void        kt_dashboard_set_simulation   (KtDashboard              *self,
                                           const KtSimulationResult *result,
                                           const char               *status);
/* The figure shown for a key: "project-npv", "project-irr", "equity-irr",
 * "payback", "dscr-min", "bcr", "fiscal-cost", "vfm", "prob-npv-negative";
 * its one-line explanation; and its verdict.  For tests. */
const char *kt_dashboard_get_figure       (KtDashboard              *self,
                                           const char               *key);
const char *kt_dashboard_get_explanation  (KtDashboard              *self,
                                           const char               *key);
KtVerdict   kt_dashboard_get_verdict      (KtDashboard              *self,
                                           const char               *key);

G_END_DECLS
