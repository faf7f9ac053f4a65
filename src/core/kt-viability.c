/* kt-viability.c — viability gap: the least state support that lifts equity IRR to the hurdle
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choices (help's methodology page):
 * - The objective is the equity NPV at the hurdle rate, which is 0 exactly
 *   where equity IRR = hurdle and, unlike the IRR, always exists.  It rises
 *   with the lever; GSL's brent solver finds the root in [current, limit] to
 *   1e-13 of the lever.
 * - Lever: the state capital support share s of §6 (every construction
 *   year's need, IDC and fees included) between the current share and the
 *   legal cap (state_capital_cap, or its S&T value for S&T projects).  A
 *   fixed support schedule is replaced by the equivalent share: its total
 *   over total investment is the current share.  For BTL and BLT, whose
 *   revenue is the state's availability payment, the lever is a multiplier
 *   of every state service payment between 1 and 4 (no legal cap exists;
 *   4× is the search limit).
 * - "Not applicable" without construction (C = 0) and without state
 *   payments, and for BT (its payment is settled, not negotiated on IRR).
 * - The state cost of the gap is the fall of the fiscal NPV at the social
 *   rate between the project as it stands and the required lever.
 */
#include "config.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <string.h>

#include "kt-viability.h"

#define PAYMENT_LIMIT 4.0
#define MAX_ITERATIONS 200

gboolean
kt_model_has_errors (const KtModel *model)
{
  for (int i = 0; i < model->n_findings; i++)
    if (kt_check_severity (model->findings[i].check) == KT_SEVERITY_ERROR)
      return TRUE;
  return FALSE;
}

static double
equity_npv_at (const KtModel *model,
               double         rate)
{
  double npv = 0.0, d = 1.0;

  for (int t = 0; t < model->n_years; t++)
    {
      npv += model->y.equity_flow[t] * d * (model->real ? model->y.deflator[t] : 1.0);
      d /= 1.0 + rate;
    }
  return npv;
}

double
kt_viability_probe (KtModel       *model,
                    KtProjectData *data,
                    const KtRules *rules,
                    KtLeverSetter  set,
                    gpointer       user_data,
                    double         x,
                    double         hurdle)
{
  KtDrivers drivers;

  kt_drivers_init (&drivers);
  set (data, &drivers, x, user_data);
  if (!kt_model_evaluate (model, data, rules, &drivers))
    return NAN;
  return equity_npv_at (model, hurdle);
}

typedef struct {
  KtModel       *model;
  KtProjectData *data;
  const KtRules *rules;
  KtLeverSetter  set;
  gpointer       user_data;
  double         hurdle;
} Probe;

static double
probe_cb (double x,
          void  *p)
{
  Probe *probe = p;

  return kt_viability_probe (probe->model, probe->data, probe->rules, probe->set,
                             probe->user_data, x, probe->hurdle);
}

gboolean
kt_viability_solve_lever (KtModel       *model,
                          KtProjectData *data,
                          const KtRules *rules,
                          KtLeverSetter  set,
                          gpointer       user_data,
                          double         lo,
                          double         hi,
                          double         hurdle,
                          double        *x)
{
  Probe probe = { model, data, rules, set, user_data, hurdle };
  gsl_function f = { probe_cb, &probe };
  gsl_root_fsolver *solver;
  double f_lo = probe_cb (lo, &probe), f_hi = probe_cb (hi, &probe), root = NAN;
  gboolean ok = FALSE;

  if (!isfinite (f_lo) || !isfinite (f_hi))
    return FALSE;
  if (f_lo == 0.0 || f_hi == 0.0)
    {
      *x = f_lo == 0.0 ? lo : hi;
      probe_cb (*x, &probe);
      return TRUE;
    }
  if ((f_lo > 0.0) == (f_hi > 0.0))
    return FALSE;
  solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  if (gsl_root_fsolver_set (solver, &f, lo, hi) == GSL_SUCCESS)
    for (int i = 0; i < MAX_ITERATIONS; i++)
      {
        double a, b;

        if (gsl_root_fsolver_iterate (solver) != GSL_SUCCESS)
          break;
        root = gsl_root_fsolver_root (solver);
        a = gsl_root_fsolver_x_lower (solver);
        b = gsl_root_fsolver_x_upper (solver);
        if (gsl_root_test_interval (a, b, 1e-15, 1e-13) == GSL_SUCCESS)
          {
            ok = TRUE;
            break;
          }
      }
  gsl_root_fsolver_free (solver);
  if (!ok)
    return FALSE;
  *x = root;
  probe_cb (root, &probe);
  return TRUE;
}

static void
set_share (KtProjectData *data,
           KtDrivers     *drivers,
           double         x,
           gpointer       user_data)
{
  data->support_mode = KT_SUPPORT_SHARE;
  data->support_share = x;
}

static void
set_payment (KtProjectData *data,
             KtDrivers     *drivers,
             double         x,
             gpointer       user_data)
{
  drivers->state_payment = x;
}

static double
irr_of (KtModel *model,
        double   guess)
{
  return model->r.equity_irr.status == KT_IRR_NONE ? NAN : model->r.equity_irr.irr;
}

static double
payments_pv (const KtModel *model,
             double         rate)
{
  double pv = 0.0, d = 1.0;

  for (int t = 0; t < model->n_years; t++)
    {
      pv += model->y.state_payments[t] * d * (model->real ? model->y.deflator[t] : 1.0);
      d /= 1.0 + rate;
    }
  return pv;
}

void
kt_viability_compute (const KtProjectData *data,
                      const KtRules       *rules,
                      double               target,
                      KtViability         *out)
{
  g_autoptr (KtModel) model = NULL;
  KtProjectData copy;
  KtLeverSetter set;
  gboolean has_payments;
  double f_current, f_limit, x;

  g_return_if_fail (data != NULL && rules != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  out->hurdle = isfinite (target) && target > -0.99 ? target : data->hurdle_rate;
  out->required = out->equity_irr_current = out->equity_irr_limit = NAN;
  out->equity_irr_required = out->fiscal_npv = out->fiscal_npv_current = NAN;
  out->extra_state_cost = out->support_total = out->state_payments_pv = NAN;

  model = kt_model_new (data, 0);
  if (!kt_model_evaluate (model, data, rules, NULL))
    {
      out->status = KT_VIABILITY_NOT_APPLICABLE;
      return;
    }
  out->fiscal_npv_current = model->r.fiscal_npv;
  out->equity_irr_current = irr_of (model, out->hurdle);
  has_payments = FALSE;
  for (int t = 0; t < model->n_years; t++)
    has_payments |= model->y.state_payments[t] > 0.0;

  if ((data->form == KT_FORM_BTL || data->form == KT_FORM_BLT) && has_payments)
    {
      out->lever = KT_LEVER_STATE_PAYMENT;
      out->current = 1.0;
      out->limit = PAYMENT_LIMIT;
      set = set_payment;
    }
  else if (model->construction_years > 0 && data->form != KT_FORM_BT
           && data->form != KT_FORM_THREE_PARTY && model->r.total_investment > 0.0)
    {
      out->lever = KT_LEVER_SUPPORT_SHARE;
      out->current = data->support_mode == KT_SUPPORT_SHARE ? data->support_share
                     : model->r.support_total / model->r.total_investment;
      out->limit = data->st_project ? rules->state_capital_cap_st : rules->state_capital_cap;
      set = set_share;
    }
  else
    {
      out->status = KT_VIABILITY_NOT_APPLICABLE;
      return;
    }

  /* Viable as it stands: the project's own figures, support schedule kept. */
  if (isfinite (out->equity_irr_current) && out->equity_irr_current >= out->hurdle)
    {
      out->status = KT_VIABILITY_VIABLE;
      out->required = out->current;
      out->equity_irr_required = out->equity_irr_current;
      out->support_total = model->r.support_total;
      out->state_payments_pv = payments_pv (model, data->social_rate);
      out->fiscal_npv = model->r.fiscal_npv;
      out->extra_state_cost = 0.0;
      out->checks_ok = !kt_model_has_errors (model);
      return;
    }
  kt_project_data_copy (&copy, data);
  f_current = kt_viability_probe (model, &copy, rules, set, NULL, out->current, out->hurdle);
  if (f_current >= 0.0)
    {
      out->status = KT_VIABILITY_VIABLE;
      out->required = out->current;
    }
  else
    {
      f_limit = kt_viability_probe (model, &copy, rules, set, NULL, out->limit, out->hurdle);
      out->equity_irr_limit = irr_of (model, out->hurdle);
      if (!(f_limit >= 0.0) || out->limit <= out->current)
        out->status = KT_VIABILITY_UNREACHABLE;
      else if (kt_viability_solve_lever (model, &copy, rules, set, NULL, out->current,
                                         out->limit, out->hurdle, &x))
        {
          out->status = KT_VIABILITY_FOUND;
          out->required = x;
        }
      else
        out->status = KT_VIABILITY_UNREACHABLE;
    }
  if (isfinite (out->required))
    {
      kt_viability_probe (model, &copy, rules, set, NULL, out->required, out->hurdle);
      out->equity_irr_required = irr_of (model, out->hurdle);
      out->support_total = model->r.support_total;
      out->state_payments_pv = payments_pv (model, data->social_rate);
      out->fiscal_npv = model->r.fiscal_npv;
      out->extra_state_cost = out->fiscal_npv_current - out->fiscal_npv;
      out->checks_ok = !kt_model_has_errors (model);
    }
  kt_project_data_clear (&copy);
}
