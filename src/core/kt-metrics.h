/* kt-metrics.h — indicators of a bare cash-flow series (MODEL.md §1, §8)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KT_IRR_NONE,
  KT_IRR_UNIQUE,
  KT_IRR_MULTIPLE,
} KtIrrStatus;

#define KT_IRR_MAX_ROOTS 16

typedef struct {
  KtIrrStatus status;
  int         n_roots;
  double      roots[KT_IRR_MAX_ROOTS];  /* ascending */
  double      irr;                      /* root nearest the reference rate; NAN when none */
} KtIrrResult;

/* NPV(r) = Σ CF_t (1+r)^-t, year 0 undiscounted (MODEL.md §1). */
double      kt_npv                (const double *flows,
                                   gsize         n,
                                   double        rate);
/* All roots in (-0.99, 10] by the grid scan of MODEL.md §1, polished with a GSL
 * bracketing solver; `irr` is the root nearest `reference_rate` (ties: lower).
 * Allocation-free. */
void        kt_irr                (const double *flows,
                                   gsize         n,
                                   double        reference_rate,
                                   KtIrrResult  *result);
/* NAN when undefined (no positive or no negative flow, or n < 2). */
double      kt_mirr               (const double *flows,
                                   gsize         n,
                                   double        finance_rate,
                                   double        reinvest_rate);
/* Years after the end of year 0; NAN when not reached (MODEL.md §8). */
double      kt_payback            (const double *flows,
                                   gsize         n);
double      kt_discounted_payback (const double *flows,
                                   gsize         n,
                                   double        rate);
const char *kt_irr_status_key     (KtIrrStatus   status);   /* "none", "unique", "multiple" */

G_END_DECLS
