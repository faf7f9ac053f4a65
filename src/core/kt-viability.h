/* kt-viability.h — viability gap: the least state support that lifts equity IRR to the hurdle
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-model.h"

G_BEGIN_DECLS

typedef enum {
  KT_VIABILITY_VIABLE,          /* the hurdle is met as the project stands */
  KT_VIABILITY_FOUND,           /* met at `required` within the limit */
  KT_VIABILITY_UNREACHABLE,     /* not met even at the limit */
  KT_VIABILITY_NOT_APPLICABLE,  /* no lever (C = 0 without state payments, BT, …) */
} KtViabilityStatus;

typedef enum {
  KT_LEVER_SUPPORT_SHARE,       /* s of §6: share of every construction year's need */
  KT_LEVER_STATE_PAYMENT,       /* multiplier of the state service payments (BTL, BLT) */
} KtLever;

typedef struct {
  KtViabilityStatus status;
  KtLever   lever;
  double    hurdle;
  double    current;            /* lever as the project stands */
  double    limit;              /* the legal cap (share) or the search limit (multiplier) */
  double    required;           /* least lever value meeting the hurdle; NAN unless FOUND/VIABLE */
  double    equity_irr_current; /* NAN: no IRR */
  double    equity_irr_limit;
  double    equity_irr_required;
  double    support_total;      /* at `required`, nominal */
  double    state_payments_pv;  /* at `required`, PV at the social rate */
  double    fiscal_npv;         /* at `required` */
  double    fiscal_npv_current;
  double    extra_state_cost;   /* fiscal_npv_current − fiscal_npv: PV of what the gap costs */
  gboolean  checks_ok;          /* no error-level engine check at `required` */
} KtViability;

/* A lever: writes x into the copy of the document or the drivers. */
typedef void (*KtLeverSetter) (KtProjectData *data,
                               KtDrivers     *drivers,
                               double         x,
                               gpointer       user_data);

/* Equity NPV at `hurdle` (in the model's basis) with the lever at x. */
double   kt_viability_probe (KtModel             *model,
                             KtProjectData       *data,
                             const KtRules       *rules,
                             KtLeverSetter        set,
                             gpointer             user_data,
                             double               x,
                             double               hurdle);
/* The x in [lo, hi] with equity NPV at the hurdle = 0 (GSL brent);
 * FALSE when [lo, hi] brackets no root.  The model is left evaluated at x. */
gboolean kt_viability_solve_lever (KtModel           *model,
                                   KtProjectData     *data,
                                   const KtRules     *rules,
                                   KtLeverSetter      set,
                                   gpointer           user_data,
                                   double             lo,
                                   double             hi,
                                   double             hurdle,
                                   double            *x);

/* `target` < −0.99 (e.g. NAN): the project's hurdle rate. */
void     kt_viability_compute (const KtProjectData *data,
                               const KtRules       *rules,
                               double               target,
                               KtViability         *out);

/* Whether any error-level engine check failed. */
gboolean kt_model_has_errors (const KtModel *model);

G_END_DECLS
