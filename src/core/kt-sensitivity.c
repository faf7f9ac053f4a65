/* kt-sensitivity.c — one driver at a time: tornado data and switching values (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>

#include "kt-sensitivity.h"

G_DEFINE_QUARK (kt-sensitivity-error-quark, kt_sensitivity_error)

#define N_GRID          500      /* 0.01 … 5.00 */
#define BRENT_MAX_ITER  100
#define BRENT_EPS_ABS   1e-12
#define BRENT_EPS_REL   1e-12

const double kt_sensitivity_steps[KT_SENSITIVITY_N_STEPS] = { -0.20, -0.10, 0.10, 0.20 };

typedef struct {
  KtModel             *model;
  const KtProjectData *data;
  const KtRules       *rules;
  KtDriver             driver;
  KtOutcome            outcome;
  double               target;
} Probe;

int
kt_sensitivity_drivers (const KtProjectData *data,
                        KtDriver            *drivers)
{
  int n = 0;

  g_return_val_if_fail (data != NULL, 0);

  drivers[n++] = KT_DRIVER_CAPEX;
  drivers[n++] = KT_DRIVER_DEMAND;
  drivers[n++] = KT_DRIVER_TARIFF;
  drivers[n++] = KT_DRIVER_OPEX;
  if (data->loans->len > 0)
    drivers[n++] = KT_DRIVER_INTEREST_RATE;
  if (data->construction_years > 0)
    drivers[n++] = KT_DRIVER_DELAY;
  if (data->state_payments->len > 0 || data->form == KT_FORM_BT)
    drivers[n++] = KT_DRIVER_STATE_PAYMENT;
  return n;
}

static void
evaluate_at (KtModel             *model,
             const KtProjectData *data,
             const KtRules       *rules,
             KtDriver             driver,
             double               value,
             double              *outcomes)
{
  KtDriverValues values;

  kt_driver_values_init (&values);
  kt_driver_values_set (&values, data, driver, value);
  if (kt_driver_evaluate (model, data, NULL, rules, &values))
    kt_outcomes_read (model, data, outcomes);
  else
    for (int k = 0; k < KT_N_OUTCOMES; k++)
      outcomes[k] = NAN;
}

double
kt_sensitivity_outcome_at (KtModel             *model,
                           const KtProjectData *data,
                           const KtRules       *rules,
                           KtDriver             driver,
                           double               value,
                           KtOutcome            outcome)
{
  double outcomes[KT_N_OUTCOMES];

  g_return_val_if_fail (outcome < KT_N_OUTCOMES, NAN);

  evaluate_at (model, data, rules, driver, value, outcomes);
  return outcomes[outcome];
}

static double
probe_function (double  x,
                void   *params)
{
  Probe *p = params;

  return kt_sensitivity_outcome_at (p->model, p->data, p->rules, p->driver, x, p->outcome)
         - p->target;
}

static double
sign_of (double x)
{
  return (x > 0.0) - (x < 0.0);
}

/* A multiplier: the bracket nearest 1 on the grid, polished by Brent. */
static void
switch_multiplier (Probe            *p,
                   const double     *f,
                   gsl_root_fsolver *solver,
                   KtSwitchingValue *out)
{
  int best = -1;
  double best_distance = INFINITY, lo, hi, root;
  gsl_function function = { probe_function, p };
  int status = GSL_CONTINUE;

  out->status = KT_SWITCH_NONE_IN_RANGE;
  out->value = NAN;
  out->check = NAN;
  for (int i = 0; i < N_GRID; i++)
    {
      double m = (i + 1) / 100.0;

      if (f[i] == 0.0 && fabs (m - 1.0) < best_distance)
        {
          best = i;
          best_distance = fabs (m - 1.0);
        }
      if (i + 1 < N_GRID && isfinite (f[i]) && isfinite (f[i + 1]) && f[i] != 0.0 && f[i + 1] != 0.0
          && sign_of (f[i]) != sign_of (f[i + 1]) && fabs (m + 0.005 - 1.0) < best_distance)
        {
          best = i;
          best_distance = fabs (m + 0.005 - 1.0);
        }
    }
  if (best < 0)
    return;

  lo = (best + 1) / 100.0;
  hi = (best + 2) / 100.0;
  root = lo;
  if (f[best] != 0.0)
    {
      gsl_root_fsolver_set (solver, &function, lo, hi);
      for (int k = 0; k < BRENT_MAX_ITER && status == GSL_CONTINUE; k++)
        {
          status = gsl_root_fsolver_iterate (solver);
          if (status != GSL_SUCCESS)
            break;
          root = gsl_root_fsolver_root (solver);
          status = gsl_root_test_interval (gsl_root_fsolver_x_lower (solver),
                                           gsl_root_fsolver_x_upper (solver),
                                           BRENT_EPS_ABS, BRENT_EPS_REL);
        }
      /* The indicator vanished inside the bracket (no IRR): keep the best
       * point the solver reached. */
      if (status != GSL_SUCCESS)
        root = gsl_root_fsolver_root (solver);
    }
  out->status = KT_SWITCH_FOUND;
  out->value = root;
  out->check = kt_sensitivity_outcome_at (p->model, p->data, p->rules, p->driver, root, p->outcome);
}

/* Whole years of delay: the first at which the sign differs from no delay. */
static void
switch_delay (Probe            *p,
              KtSwitchingValue *out)
{
  double f0 = probe_function (0.0, p);

  out->status = KT_SWITCH_NONE_IN_RANGE;
  out->value = NAN;
  out->check = NAN;
  if (f0 == 0.0)
    {
      out->status = KT_SWITCH_FOUND;
      out->value = 0.0;
      out->check = f0 + p->target;
      return;
    }
  for (int d = 1; d <= KT_SWITCH_MAX_DELAY; d++)
    {
      double f = probe_function (d, p);

      if (isfinite (f) && (f == 0.0 || (isfinite (f0) && sign_of (f) != sign_of (f0))))
        {
          out->status = KT_SWITCH_FOUND;
          out->value = d;
          out->check = f + p->target;
          return;
        }
    }
}

static void
compute_row (KtModel             *model,
             const KtProjectData *data,
             const KtRules       *rules,
             const double        *base,
             double               hurdle,
             gsl_root_fsolver    *solver,
             KtSensitivityRow    *row)
{
  Probe npv = { model, data, rules, row->driver, KT_OUTCOME_PROJECT_NPV, 0.0 };
  Probe irr = { model, data, rules, row->driver, KT_OUTCOME_EQUITY_IRR, hurdle };

  for (int s = 0; s < KT_SENSITIVITY_N_STEPS; s++)
    {
      double step = kt_sensitivity_steps[s];

      if (row->driver == KT_DRIVER_DELAY)
        row->values[s] = step < 0.0 ? 0.0 : round (step * 10.0);
      else
        row->values[s] = 1.0 + step;
      evaluate_at (model, data, rules, row->driver, row->values[s], row->outcomes[s]);
    }
  for (int k = 0; k < KT_N_OUTCOMES; k++)
    {
      double lo = isfinite (base[k]) ? base[k] : INFINITY;
      double hi = isfinite (base[k]) ? base[k] : -INFINITY;

      for (int s = 0; s < KT_SENSITIVITY_N_STEPS; s++)
        if (isfinite (row->outcomes[s][k]))
          {
            lo = MIN (lo, row->outcomes[s][k]);
            hi = MAX (hi, row->outcomes[s][k]);
          }
      row->low[k] = isfinite (lo) ? lo : NAN;
      row->high[k] = isfinite (hi) ? hi : NAN;
      row->swing[k] = isfinite (lo) && isfinite (hi) ? hi - lo : NAN;
    }

  row->has_effect = kt_driver_has_effect (model, data, rules, row->driver);
  if (!row->has_effect)
    {
      row->npv_zero = (KtSwitchingValue) { KT_SWITCH_NOT_APPLICABLE, NAN, NAN };
      row->irr_hurdle = (KtSwitchingValue) { KT_SWITCH_NOT_APPLICABLE, NAN, NAN };
      return;
    }
  if (row->driver == KT_DRIVER_DELAY)
    {
      switch_delay (&npv, &row->npv_zero);
      switch_delay (&irr, &row->irr_hurdle);
      return;
    }

  {
    double f_npv[N_GRID], f_irr[N_GRID];

    for (int i = 0; i < N_GRID; i++)
      {
        double outcomes[KT_N_OUTCOMES];

        evaluate_at (model, data, rules, row->driver, (i + 1) / 100.0, outcomes);
        f_npv[i] = outcomes[KT_OUTCOME_PROJECT_NPV];
        f_irr[i] = outcomes[KT_OUTCOME_EQUITY_IRR] - hurdle;
      }
    switch_multiplier (&npv, f_npv, solver, &row->npv_zero);
    switch_multiplier (&irr, f_irr, solver, &row->irr_hurdle);
  }
}

KtSensitivity *
kt_sensitivity_compute (const KtProjectData *data,
                        const KtRules       *rules,
                        GError             **error)
{
  g_autoptr (KtModel) model = NULL;
  KtSensitivity *sensitivity;
  KtDriver drivers[KT_N_DRIVERS];
  gsl_root_fsolver *solver;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  model = kt_model_new (data, KT_SWITCH_MAX_DELAY);
  if (!kt_model_evaluate (model, data, rules, NULL))
    {
      g_set_error_literal (error, KT_SENSITIVITY_ERROR, KT_SENSITIVITY_ERROR_NO_YEARS,
                           _("The project has no year to compute"));
      return NULL;
    }
  sensitivity = g_new0 (KtSensitivity, 1);
  kt_outcomes_read (model, data, sensitivity->base);
  sensitivity->hurdle = data->hurdle_rate;
  sensitivity->n_rows = kt_sensitivity_drivers (data, drivers);
  solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  for (int r = 0; r < sensitivity->n_rows; r++)
    {
      sensitivity->rows[r].driver = drivers[r];
      compute_row (model, data, rules, sensitivity->base, sensitivity->hurdle, solver,
                   &sensitivity->rows[r]);
    }
  gsl_root_fsolver_free (solver);
  return sensitivity;
}

void
kt_sensitivity_free (KtSensitivity *sensitivity)
{
  g_free (sensitivity);
}

typedef struct {
  const KtSensitivity *sensitivity;
  KtOutcome            outcome;
} TornadoSort;

static int
compare_swing (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const TornadoSort *ts = user_data;
  int i = *(const int *) a, j = *(const int *) b;
  double x = ts->sensitivity->rows[i].swing[ts->outcome];
  double y = ts->sensitivity->rows[j].swing[ts->outcome];

  if (isnan (x))
    x = -1.0;
  if (isnan (y))
    y = -1.0;
  if (x != y)
    return (x < y) - (x > y);
  return i - j;
}

int
kt_sensitivity_tornado (const KtSensitivity *sensitivity,
                        KtOutcome            outcome,
                        int                 *order)
{
  TornadoSort ts = { sensitivity, outcome };

  g_return_val_if_fail (sensitivity != NULL && order != NULL, 0);
  g_return_val_if_fail (outcome < KT_N_OUTCOMES, 0);

  for (int r = 0; r < sensitivity->n_rows; r++)
    order[r] = r;
  g_qsort_with_data (order, sensitivity->n_rows, sizeof (int), compare_swing, &ts);
  return sensitivity->n_rows;
}
