/* kt-simulation-page.h — Monte Carlo settings, run with progress and Cancel, and its results
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-project.h"
#include "kt-rules.h"
#include "kt-simulation.h"

G_BEGIN_DECLS

#define KT_TYPE_SIMULATION_PAGE (kt_simulation_page_get_type ())
G_DECLARE_FINAL_TYPE (KtSimulationPage, kt_simulation_page, KT, SIMULATION_PAGE, GtkWidget)

/* ::result-changed () when a run finished or its result was withdrawn;
 * ::state-changed () when a run starts or stops. */
GtkWidget                *kt_simulation_page_new           (KtProject        *project);
/* The resolved rules the next run uses (copied). */
void                      kt_simulation_page_set_rules     (KtSimulationPage *self,
                                                            const KtRules    *rules);
/* Starts a run with the settings shown, cancelling any other. */
void                      kt_simulation_page_run           (KtSimulationPage *self);
void                      kt_simulation_page_cancel        (KtSimulationPage *self);
/* The document changed: cancels the run and withdraws the result, so that
 * figures of another document are never shown. */
void                      kt_simulation_page_invalidate    (KtSimulationPage *self);
gboolean                  kt_simulation_page_is_running    (KtSimulationPage *self);
/* NULL while none is valid for the current document. */
const KtSimulationResult *kt_simulation_page_get_result    (KtSimulationPage *self);
/* Why there is no result, translated ("Simulating… 40 %", "No distributions"). */
const char               *kt_simulation_page_get_status    (KtSimulationPage *self);
/* Runs started and runs completed and shown, for tests. */
guint                     kt_simulation_page_get_n_started (KtSimulationPage *self);
guint                     kt_simulation_page_get_n_shown   (KtSimulationPage *self);

G_END_DECLS
