/* kt-scenarios.c — the project's named scenarios evaluated side by side (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kt-problem.h"
#include "kt-scenarios.h"

G_DEFINE_QUARK (kt-scenarios-error-quark, kt_scenarios_error)

static gboolean
apply_overrides (const KtProjectData *data,
                 const KtScenario    *scenario,
                 int                  index,
                 KtDriverValues      *values,
                 gboolean            *needs_scratch,
                 GPtrArray           *problems)
{
  kt_driver_values_init (values);
  for (guint i = 0; scenario->overrides != NULL && i < scenario->overrides->len; i++)
    {
      const KtOverride *o = &g_array_index (scenario->overrides, KtOverride, i);
      double current = kt_driver_values_get (values, o->driver);

      if (o->driver <= KT_DRIVER_NONE || o->driver >= KT_N_DRIVERS || !isfinite (o->factor))
        {
          g_autofree char *where = g_strdup_printf ("scenarios/%d/overrides/%u", index, i + 1);

          if (problems != NULL)
            kt_problems_add (problems, KT_SEVERITY_WARNING, "scenario_override", where, 0,
                             _("This override moves no driver and is ignored"));
          continue;
        }
      if (o->driver == KT_DRIVER_DELAY)
        kt_driver_values_set (values, data, o->driver, current + o->factor);
      else if (o->driver == KT_DRIVER_RD_SUCCESS)
        kt_driver_values_set (values, data, o->driver, o->factor);
      else
        kt_driver_values_set (values, data, o->driver, current * o->factor);
      *needs_scratch |= kt_driver_needs_scratch (o->driver);
    }
  return TRUE;
}

static void
evaluate_row (KtModel             *model,
              const KtProjectData *data,
              KtProjectData       *scratch,
              const KtRules       *rules,
              KtScenarioResult    *row)
{
  if (!kt_driver_evaluate (model, data, scratch, rules, &row->drivers))
    {
      for (int k = 0; k < KT_N_OUTCOMES; k++)
        row->outcomes[k] = NAN;
      row->equity_npv = NAN;
      row->payback = NAN;
      return;
    }
  kt_outcomes_read (model, data, row->outcomes);
  row->equity_npv = model->r.equity_npv;
  row->payback = model->r.payback;
  row->dscr_breach = FALSE;
  if (data->min_dscr > 0.0)
    for (int t = 0; t < model->n_years; t++)
      row->dscr_breach |= isfinite (model->y.dscr[t]) && model->y.dscr[t] < data->min_dscr;
}

KtScenarioResults *
kt_scenarios_evaluate (const KtProjectData *data,
                       const KtRules       *rules,
                       GPtrArray           *problems,
                       GError             **error)
{
  g_autoptr (KtModel) model = NULL;
  KtScenarioResults *results;
  KtProjectData scratch;
  gboolean needs_scratch = FALSE, first_is_base;
  int n_scenarios, delay = 0, r = 0;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  if (MAX (data->construction_years, 0) + MAX (data->operation_years, 0) < 1)
    {
      g_set_error_literal (error, KT_SCENARIOS_ERROR, KT_SCENARIOS_ERROR_NO_YEARS,
                           _("The project has no year to compute"));
      return NULL;
    }
  n_scenarios = (int) data->scenarios->len;
  first_is_base = n_scenarios > 0
                  && (g_array_index (data->scenarios, KtScenario, 0).overrides == NULL
                      || g_array_index (data->scenarios, KtScenario, 0).overrides->len == 0);

  results = g_new0 (KtScenarioResults, 1);
  results->n = n_scenarios + (first_is_base ? 0 : 1);
  results->rows = g_new0 (KtScenarioResult, results->n);
  if (!first_is_base)
    {
      KtScenarioResult *row = &results->rows[r++];

      row->name = g_strdup (_("Base case"));
      kt_driver_values_init (&row->drivers);
    }
  for (int i = 0; i < n_scenarios; i++)
    {
      const KtScenario *s = &g_array_index (data->scenarios, KtScenario, i);
      KtScenarioResult *row = &results->rows[r++];

      row->scenario = s;
      row->index = i + 1;
      row->name = g_strdup (s->name != NULL && *s->name ? s->name : _("Unnamed scenario"));
      apply_overrides (data, s, i + 1, &row->drivers, &needs_scratch, problems);
      delay = MAX (delay, row->drivers.engine.delay);
    }

  model = kt_model_new (data, delay);
  if (needs_scratch)
    kt_project_data_copy (&scratch, data);
  for (int i = 0; i < results->n; i++)
    evaluate_row (model, data, needs_scratch ? &scratch : NULL, rules, &results->rows[i]);
  if (needs_scratch)
    kt_project_data_clear (&scratch);
  return results;
}

void
kt_scenario_results_free (KtScenarioResults *results)
{
  if (results == NULL)
    return;
  for (int i = 0; i < results->n; i++)
    g_free (results->rows[i].name);
  g_free (results->rows);
  g_free (results);
}
