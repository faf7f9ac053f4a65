/* kt-risk.h — risk register: usual allocation, matrix, expected costs (DOMAIN.md §6, MODEL.md §11)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The usual owner of each risk category by contract form is data
 * (data/risks/risk-benchmarks.xml, DOMAIN.md §6 with its basis), loaded
 * like the rule set: no DTD, no entities, no network.  A risk whose owner is
 * not among the usual ones for the project's form deviates and needs a
 * written justification ("risk_justification_missing", an error).
 *
 * Expected cost split: a state risk costs the state all of it, an investor
 * risk the investor, a shared risk state_share to the state and the rest to
 * the investor.  From the state's side, what the investor bears is
 * transferred and what the state bears is retained (MODEL.md §11's PSC and
 * PPP cost).
 */
#pragma once

#include <gio/gio.h>

#include "kt-project.h"

G_BEGIN_DECLS

#define KT_RISK_ERROR (kt_risk_error_quark ())
GQuark kt_risk_error_quark (void);

typedef enum {
  KT_RISK_ERROR_PARSE,
  KT_RISK_ERROR_INVALID,
  KT_RISK_ERROR_NOT_FOUND,
} KtRiskError;

#define KT_RISK_BENCHMARKS_NAMESPACE "https://khathi.github.io/ns/risk-benchmarks/1"
#define KT_RISK_SCALE 5                 /* likelihood and impact run 1 … 5 */

/* A set of owners as bits: 1 << KT_OWNER_STATE … */
#define KT_OWNER_BIT(owner) (1u << (owner))

typedef struct _KtRiskBenchmarks KtRiskBenchmarks;

typedef struct {
  guint       owners;   /* KT_OWNER_BIT set of owners that follow the benchmark */
  KtOwner     usual;    /* the first of them */
  const char *basis;    /* English, with the legal basis or DOMAIN.md §6 */
  const char *status;   /* Y, S, D, U */
} KtRiskBenchmark;

KtRiskBenchmarks *kt_risk_benchmarks_load_from_data (const char  *data,
                                                     gsize        length,
                                                     const char  *filename,
                                                     GError     **error);
KtRiskBenchmarks *kt_risk_benchmarks_load           (GFile       *file,
                                                     GError     **error);
/* risks/risk-benchmarks.xml in kt_data_dir(). */
KtRiskBenchmarks *kt_risk_benchmarks_load_default   (GError     **error);
void              kt_risk_benchmarks_free           (KtRiskBenchmarks *benchmarks);
const char       *kt_risk_benchmarks_get_id         (const KtRiskBenchmarks *benchmarks);
const char       *kt_risk_benchmarks_get_title      (const KtRiskBenchmarks *benchmarks,
                                                     const char             *lang);
void              kt_risk_benchmark_lookup          (const KtRiskBenchmarks *benchmarks,
                                                     KtRiskCategory          category,
                                                     KtForm                  form,
                                                     KtRiskBenchmark        *benchmark);

typedef enum {
  KT_RISK_LEVEL_LOW,        /* score 1–4 */
  KT_RISK_LEVEL_MEDIUM,     /* 5–9 */
  KT_RISK_LEVEL_HIGH,       /* 10–16 */
  KT_RISK_LEVEL_VERY_HIGH,  /* 20–25 */
  KT_N_RISK_LEVELS
} KtRiskLevel;

KtRiskLevel  kt_risk_level_of    (int          score);
const char  *kt_risk_level_key   (KtRiskLevel  level);   /* "low" … "very-high" */
const char  *kt_risk_level_label (KtRiskLevel  level);   /* translated */

typedef struct {
  int             index;          /* 0-based row of the register */
  const KtRisk   *risk;
  int             score;          /* likelihood × impact; 0 when either is off the scale */
  KtRiskLevel     level;
  KtRiskBenchmark benchmark;
  gboolean        deviates;       /* owner not among the benchmark's */
  gboolean        justified;      /* a justification is written (either language) */
  double          state_share;    /* share of the cost the state bears */
  double          cost_state;     /* retained by the state */
  double          cost_investor;  /* transferred to the investor */
  gboolean        has_distribution;  /* its driver carries a Monte Carlo distribution */
} KtRiskRow;

typedef struct {
  int        n;
  KtRiskRow *rows;
  /* The 5 × 5 matrix, [likelihood − 1][impact − 1]: counts and the rows
   * (indices into `rows`) in each cell. */
  int        counts[KT_RISK_SCALE][KT_RISK_SCALE];
  GArray    *cells[KT_RISK_SCALE][KT_RISK_SCALE];   /* int */
  int        by_owner[KT_N_OWNERS];
  int        by_level[KT_N_RISK_LEVELS];
  int        n_deviations;
  int        n_unjustified;
  double     total_expected;
  double     total_retained;      /* by the state */
  double     total_transferred;   /* to the investor */
} KtRiskRegister;

/* Problems: "risk_justification_missing" (error, "risks/N/justification"),
 * "risk_allocation_deviates" (info, a justified deviation), "risk_scale"
 * (error, likelihood or impact outside 1 … 5), "risk_expected_cost" (warning,
 * negative or not finite: counted as 0). */
KtRiskRegister *kt_risk_register_analyse (const KtProjectData    *data,
                                          const KtRiskBenchmarks *benchmarks,
                                          GPtrArray              *problems);
void            kt_risk_register_free    (KtRiskRegister         *reg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtRiskBenchmarks, kt_risk_benchmarks_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtRiskRegister, kt_risk_register_free)

G_END_DECLS
