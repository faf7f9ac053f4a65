/* kt-model-private.h — what the engine's files share: workspace, context, stages
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gsl/gsl_roots.h>
#include <math.h>

#include "kt-model.h"

G_BEGIN_DECLS

/* The inputs of one evaluation, with the drivers applied to the timeline. */
typedef struct {
  const KtProjectData *data;
  const KtRules       *rules;
  KtDrivers            drv;
  int                  c0;      /* construction years of the document */
  int                  c;       /* with the delay */
  int                  o;
  int                  n;
  int                  t_base;  /* year index of base prices (§2), may be < 0 */
  gboolean             rd_stopped; /* §9: the R&D phase failed (rd_failed): C = phase, O = 1 */
} KtModelCtx;

struct _KtModelPrivate {
  KtModelCtx  ctx;
  gboolean    outcomes_only;     /* kt_model_set_outcomes_only() */

  int         cap_years;
  int         cap_loans;
  int         cap_assets;
  int         cap_findings;
  double     *block;            /* every per-year array lives here */

  /* per asset: spend by construction year (initial lines), for §4's state share */
  double    **asset_spend;

  /* scratch, cap_years each */
  double     *band;             /* revenue + state payments: CIT bands, first revenue year (§7) */
  double     *standard_rate;    /* the bands' rate of each year (§7) */
  double     *be_standard;      /* the same at the break-even volume */
  double     *pool;             /* loss of each year still unused (§7) */
  double     *sigma;            /* state's share of each construction year's need */
  double     *flow_a;           /* deflated copies for the metrics */
  double     *flow_b;
  double     *be_band;          /* break-even: revenue for the CIT bands */
  double     *be_assess;
  double     *be_tax;
  double     *be_nwc;
  double     *be_used;
  double     *be_taxable;
  double     *be_rate;
  double     *fx_move;          /* (1 + FX depreciation)^t, once per evaluation (§9) */
  double     *sculpt_discount;  /* a sculpted loan's discount factors (§6) */
  double     *assess_pre;       /* assessable income less what sculpting moves (§7) */
  double     *cfads_pre;        /* CFADS less what sculpting moves (§8) */
  double     *fx_service;       /* debt service of the loans in foreign currency (§9) */
  gboolean   *fx_loan;          /* cap_loans: the loan's debt service is in foreign currency */
  double     *lu;               /* C × C system of §6, GSL band storage C × (3C − 2) */
  double     *rhs;
  guint      *pivots;

  gsl_root_fsolver *solver;     /* break-even (§8) */

  double      nbv_end;          /* NBV after year N−1's depreciation, before any write-off */
  double      nbv_end_idc;
  double      debt_need;        /* total debt the construction years need (§6) */
  gboolean    sculpt_converged;

  /* Break-even: the last probes, so the solver's repeats cost nothing. */
  double      memo_volume[4];
  double      memo_npv[4];
  int         memo_count;
};

/* value · (1 + e)^(t − t_base), for the first year t of a series; later years
 * multiply by (1 + e) so that a 25-year project costs one pow() per line. */
static inline double
kt_model_escalation_factor (double e,
                            int    t,
                            int    t_base)
{
  return pow (1.0 + e, t - t_base);
}

/* §7 assessable income common to both views, before depreciation, the
 * write-off and interest. */
static inline double
kt_model_operating_income (const KtModelYears *y,
                           int                 t)
{
  return y->revenue[t] + y->state_payments[t] + y->sharing_receipts[t] - y->sharing_payments[t]
         + y->guarantees[t] - y->benefit_state[t] - y->benefit_institute[t] - y->opex[t]
         - y->rd_extra[t] - y->st_exempt[t];
}

/* Relative tolerance of MODEL.md (1e-9 or 1 đồng, whichever is larger). */
static inline double
kt_model_tolerance (double magnitude)
{
  return MAX (1.0, 1e-9 * fabs (magnitude));
}

/* Stages of kt_model_evaluate(), in order. */
void   kt_model_operations    (KtModel *model);                  /* §5 */
void   kt_model_investment    (KtModel *model);                  /* §3, §6 construction */
void   kt_model_depreciation  (KtModel *model);                  /* §4 */
void   kt_model_financing     (KtModel *model);                  /* §6, §7 actual tax, CFADS */
/* §7 actual tax on y.assessable (kt-model-financing.c fills it, with interest). */
void   kt_model_cit_actual    (KtModel *model);
void   kt_model_tax_no_debt   (KtModel *model);                  /* §8 */
void   kt_model_statements    (KtModel *model);                  /* §8 */
void   kt_model_indicators    (KtModel *model);                  /* §8 */
/* §9 (kt-model-sharing.c): band, MRG and benefit sharing after the
 * operations; R&D compensation after the investment; the FX guarantee
 * whenever the debt service moves (inside the sculpting loop). */
void   kt_model_sharing       (KtModel *model);
void   kt_model_rd_compensation (KtModel *model);
void   kt_model_fx_prepare    (KtModel *model);   /* the FX path, before the sculpting loop */
/* The state's side of §8 and §9: fiscal flow, outlays, receipts, PVs. */
void   kt_model_state         (KtModel *model);

/* CIT of MODEL.md §7 on a series of assessable income.  `standard_rate` is
 * each year's standard rate (kt_model_standard_rates()).  `loss_expired`,
 * `loss_pool` may be NULL.  Returns the holiday start (year index) or −1.
 * Allocation-free: `pool` is scratch of n values. */
int    kt_model_cit           (const KtRules *rules,
                               KtIncentive    incentive,
                               int            n,
                               int            first_revenue_year,
                               const double  *assessable,
                               const double  *standard_rate,
                               double        *pool,
                               double        *loss_used,
                               double        *loss_expired,
                               double        *loss_pool,
                               double        *taxable,
                               double        *rate,
                               double        *tax);
/* The standard rate for a year's revenue (small-company bands, §7). */
double kt_model_standard_rate (const KtRules *rules,
                               double         revenue);
/* The same for each year of revenue + state service payments. */
void   kt_model_standard_rates (const KtRules *rules,
                                const double  *band_base,
                                int            n,
                                double        *rates);
/* First year with revenue + state payments > 0, or −1 (§7). */
int    kt_model_first_revenue_year (const double *revenue,
                                    const double *state_payments,
                                    int           n);
/* Depreciation of `cost` over `life` years by `method` (§4): out[j] for the
 * j-th year of life, j = 0 … MIN (life, n_out) − 1; the full life sums to cost. */
void   kt_model_depreciation_profile (KtDepreciationMethod method,
                                      int                  life,
                                      double               coefficient,
                                      double               cost,
                                      double              *out,
                                      int                  n_out);
double kt_model_db_coefficient (const KtRules *rules,
                                int            life);

void   kt_model_add_finding   (KtModel *model,
                               KtCheck  check,
                               int      index,
                               int      year,
                               double   value,
                               double   limit);

G_END_DECLS
