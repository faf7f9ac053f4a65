/* kt-results-page.h — results of a study that update as it is edited
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-dashboard.h"
#include "kt-project.h"
#include "kt-simulation-page.h"
#include "kt-statement-view.h"

G_BEGIN_DECLS

#define KT_TYPE_RESULTS_PAGE (kt_results_page_get_type ())
G_DECLARE_FINAL_TYPE (KtResultsPage, kt_results_page, KT, RESULTS_PAGE, AdwBin)

/* Re-evaluates on every KtProject::changed, on the main loop before the next
 * frame; with KHATHI_TIMING=1 prints "recalc: X.XXX ms" to stderr, from the
 * signal to the end of the frame that shows the figures (only while the page
 * is on screen).  The sensitivity, scenarios, form comparison and a
 * background Monte Carlo run in threads once the edits settle (half a
 * second without one); an edit cancels them, and a cancelled run is never
 * shown. */
GtkWidget        *kt_results_page_new                (KtProject     *project);
KtProject        *kt_results_page_get_project        (KtResultsPage *self);
KtDashboard      *kt_results_page_get_dashboard      (KtResultsPage *self);
KtStatementView  *kt_results_page_get_statements     (KtResultsPage *self);
KtSimulationPage *kt_results_page_get_simulation     (KtResultsPage *self);
/* "dashboard", "statements", "charts", "simulation". */
void              kt_results_page_show_view          (KtResultsPage *self,
                                                      const char    *name);
/* FALSE while a validation error blocks the results; then the problem. */
gboolean          kt_results_page_can_compute        (KtResultsPage *self);
const char       *kt_results_page_get_blocking_problem (KtResultsPage *self);
/* The chart views by key, NULL-terminated list of keys: "cashflow",
 * "funding", "debt-service", "dscr", "band", "fiscal", "tornado",
 * "scenarios", "mc-histogram", "mc-cdf", "risk-matrix", "forms". */
const char * const *kt_results_page_chart_keys       (void);
GtkWidget        *kt_results_page_get_chart_view     (KtResultsPage *self,
                                                      const char    *key);
/* Edit-to-frame time of the last recalculation that reached the screen, in
 * ms; negative before the first.  Counted also without KHATHI_TIMING. */
double            kt_results_page_get_last_timing    (KtResultsPage *self);
guint             kt_results_page_get_n_recalcs      (KtResultsPage *self);
/* TRUE while a recalculation, the settle timer or the analyses after it
 * (sensitivity, scenarios, forms: in a thread) are pending. */
gboolean          kt_results_page_is_settling        (KtResultsPage *self);

G_END_DECLS
