/* kt-sensitivity.h — one driver at a time: tornado data and switching values (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drivers: capex, demand, tariff, opex; the interest rate when the project
 * has loans; the delay when it has construction years; state payments when
 * it has any (or is a BT).  Each is moved by −20 %, −10 %, +10 %, +20 %, the
 * others staying at the base case.  Construction cannot be shortened, so the
 * delay's steps are 0, 0, +1 and +2 years: its "−" columns equal the base.
 *
 * Switching values: the multiplier of one driver at which project NPV = 0,
 * and at which equity IRR = the hurdle rate.  NPV (or IRR) is evaluated on
 * the grid 0.01, 0.02 … 5.00; of the intervals where it changes sign, the one
 * nearest the base (1) is polished with GSL's Brent solver and the result is
 * re-evaluated, so `check` shows what the engine gives there.  For the delay
 * the switching value is the smallest whole number of years (up to 20) at
 * which the sign changes.
 */
#pragma once

#include "kt-outcomes.h"

G_BEGIN_DECLS

#define KT_SENSITIVITY_ERROR (kt_sensitivity_error_quark ())
GQuark kt_sensitivity_error_quark (void);

typedef enum {
  KT_SENSITIVITY_ERROR_NO_YEARS,   /* the timeline has no year */
} KtSensitivityError;

#define KT_SENSITIVITY_N_STEPS 4

#define KT_SWITCH_MIN          0.01
#define KT_SWITCH_MAX          5.0
#define KT_SWITCH_STEP         0.01
#define KT_SWITCH_MAX_DELAY    20

/* −0.20, −0.10, +0.10, +0.20 */
extern const double kt_sensitivity_steps[KT_SENSITIVITY_N_STEPS];

typedef enum {
  KT_SWITCH_FOUND,
  KT_SWITCH_NONE_IN_RANGE,   /* no sign change between 0.01 and 5 (delay: 20 years) */
  KT_SWITCH_NOT_APPLICABLE,  /* the driver moves nothing, or the indicator does not exist at base */
} KtSwitchStatus;

typedef struct {
  KtSwitchStatus status;
  double         value;      /* multiplier (delay: years) */
  double         check;      /* the indicator re-evaluated at `value` */
} KtSwitchingValue;

typedef struct {
  KtDriver         driver;
  gboolean         has_effect;
  double           values[KT_SENSITIVITY_N_STEPS];   /* multiplier (delay: years) of each step */
  double           outcomes[KT_SENSITIVITY_N_STEPS][KT_N_OUTCOMES];
  double           low[KT_N_OUTCOMES];    /* smallest of base and steps (finite ones) */
  double           high[KT_N_OUTCOMES];
  double           swing[KT_N_OUTCOMES];  /* high − low; 0 when nothing moves */
  KtSwitchingValue npv_zero;
  KtSwitchingValue irr_hurdle;
} KtSensitivityRow;

typedef struct {
  double           base[KT_N_OUTCOMES];
  double           hurdle;
  int              n_rows;
  KtSensitivityRow rows[KT_N_DRIVERS];
} KtSensitivity;

/* Which drivers the analysis moves for this project, in enum order. */
int            kt_sensitivity_drivers  (const KtProjectData *data,
                                        KtDriver            *drivers);
/* NULL with KT_SENSITIVITY_ERROR_NO_YEARS when the project has no year. */
KtSensitivity *kt_sensitivity_compute  (const KtProjectData *data,
                                        const KtRules       *rules,
                                        GError             **error);
void           kt_sensitivity_free     (KtSensitivity       *sensitivity);
/* Tornado order for one indicator: row indices by swing, largest first
 * (rows without a swing last); returns n_rows. */
int            kt_sensitivity_tornado  (const KtSensitivity *sensitivity,
                                        KtOutcome            outcome,
                                        int                 *order);
/* Evaluates one driver at `value` (others at base) and returns an outcome:
 * the function the switching values solve, public so callers can verify. */
double         kt_sensitivity_outcome_at (KtModel             *model,
                                          const KtProjectData *data,
                                          const KtRules       *rules,
                                          KtDriver             driver,
                                          double               value,
                                          KtOutcome            outcome);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtSensitivity, kt_sensitivity_free)

G_END_DECLS
