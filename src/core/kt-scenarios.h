/* kt-scenarios.h — the project's named scenarios evaluated side by side (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base case always comes first: the project's first scenario when it has
 * no override (its name kept, e.g. "Cơ sở"), otherwise an added "Base case".
 * An override multiplies its driver (several overrides of one driver
 * multiply); for the delay its factor is whole years added.
 */
#pragma once

#include "kt-outcomes.h"

G_BEGIN_DECLS

#define KT_SCENARIOS_ERROR (kt_scenarios_error_quark ())
GQuark kt_scenarios_error_quark (void);

typedef enum {
  KT_SCENARIOS_ERROR_NO_YEARS,
} KtScenariosError;

typedef struct {
  char             *name;
  const KtScenario *scenario;          /* NULL for an added base case */
  int               index;             /* 1-based row of scenarios/, 0 for an added base */
  KtDriverValues    drivers;
  double            outcomes[KT_N_OUTCOMES];
  double            equity_npv;
  double            payback;           /* years; NAN: not reached */
  gboolean          dscr_breach;       /* some year's DSCR below the lender's minimum */
} KtScenarioResult;

typedef struct {
  int               n;
  KtScenarioResult *rows;              /* rows[0] is the base case */
} KtScenarioResults;

/* Problems: "scenario_override" (a driver the project cannot move, such as
 * "none"). */
KtScenarioResults *kt_scenarios_evaluate (const KtProjectData *data,
                                          const KtRules       *rules,
                                          GPtrArray           *problems,
                                          GError             **error);
void               kt_scenario_results_free (KtScenarioResults *results);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtScenarioResults, kt_scenario_results_free)

G_END_DECLS
