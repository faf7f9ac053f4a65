/* kt-simulation.h — Monte Carlo simulation of a project on all cores (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws come from kt-sampler.h (blocks of KT_SAMPLER_BLOCK iterations with
 * their own seeded streams), each thread evaluates its blocks with its own
 * KtModel, and every value lands in the slot of its iteration, so the same
 * seed gives bit-identical results with 1 or N threads.  Nothing is allocated
 * per iteration.  The result exists only once the run is complete: a
 * cancelled or failed run leaves nothing behind.
 */
#pragma once

#include <gio/gio.h>
#include <gsl/gsl_histogram.h>

#include "kt-outcomes.h"
#include "kt-project.h"
#include "kt-rules.h"
#include "kt-stats.h"

G_BEGIN_DECLS

#define KT_SIMULATION_ERROR (kt_simulation_error_quark ())
GQuark kt_simulation_error_quark (void);

typedef enum {
  KT_SIMULATION_ERROR_INVALID,      /* options or distributions unusable (see the problems) */
  KT_SIMULATION_ERROR_CORRELATION,  /* correlation matrix not positive definite */
  KT_SIMULATION_ERROR_NO_DRIVERS,   /* no distribution to simulate */
  KT_SIMULATION_ERROR_NO_YEARS,     /* the timeline has no year */
} KtSimulationError;

#define KT_SIMULATION_MAX_ITERATIONS 10000000
/* Rank correlations use the first iterations only: with 10⁵ their standard
 * error is ~0.003, and ranking 10⁶ values per driver would double the run. */
#define KT_SIMULATION_RANK_SAMPLE    100000

/* Called from the thread that runs the simulation (the GTask's worker thread
 * with the async API, never the main loop), after each block it finished and
 * once at the end.  It may cancel the run through the GCancellable. */
typedef void (*KtSimulationProgressFunc) (guint64  done,
                                          guint64  total,
                                          gpointer user_data);

typedef struct {
  int                      iterations;
  guint64                  seed;
  gboolean                 lhs;
  int                      threads;          /* 0: one per processor; results do not depend on it */
  gboolean                 use_nearest_correlation;  /* run with the nearest valid matrix */
  KtSimulationProgressFunc progress;
  gpointer                 progress_data;
} KtSimulationOptions;

typedef struct {
  KtDriver   driver;
  KtDist     dist;
  KtDistMode mode;
  double     reference;     /* absolute mode: the base quantity replaced */
  gboolean   correlated;    /* drawn through the copula */
  KtSummary  draws;         /* of the drawn values, first rank_sample iterations */
  double     spearman_npv;  /* rank correlation of the draws with project NPV */
} KtSimulationDriver;

typedef struct {
  KtSummary  summary;
  gsize      n_multiple;    /* IRRs: iterations with several roots (the nearest is used) */
  double    *sorted;        /* summary.n finite values, ascending */
} KtSimulationOutcome;

typedef struct {
  int                 iterations;
  guint64             seed;
  gboolean            lhs;
  int                 threads;             /* as run; no influence on the numbers */
  double              seconds;             /* wall time of the whole run */
  gboolean            nearest_correlation; /* the nearest fix was used */
  gsize               rank_sample;
  /* The correlation matrix the copula used (row-major, n_correlated²; the
   * nearest fix when nearest_correlation), over these drivers. */
  int                 n_correlated;
  KtDriver            correlated[KT_N_DRIVERS];
  double             *correlation;

  int                 n_drivers;
  KtSimulationDriver  drivers[KT_N_DRIVERS];   /* enum order */
  KtSimulationOutcome outcomes[KT_N_OUTCOMES];

  double              prob_npv_negative;   /* P(project NPV < 0) */
  double              prob_dscr_below_1;   /* P(min DSCR < 1); NAN without debt service */
  double              prob_equity_irr_below_hurdle;  /* no equity IRR counts as below */
  double              state_payout_expected;  /* mean PV of the state's §9 payouts */
  double              state_payout_p95;

  /* State payouts by year (nominal), t = 0 … n_years − 1 = calendar year
   * start_year + t; a delayed iteration's later years count. */
  int                 n_years;
  int                 start_year;
  double             *payout_mean;
  double             *payout_sd;
  double             *payout_p95;
  double             *payout_probability; /* P(payout > 0) */

  GPtrArray          *problems;            /* warnings and notes of the run (KtProblem) */
} KtSimulationResult;

void                kt_simulation_options_init  (KtSimulationOptions *options,
                                                 const KtProjectData *data);
/* Appends everything that would stop a simulation, or weaken it, without
 * running one: distributions, absolute bases, correlations (with the nearest
 * fix), drivers that move nothing. */
void                kt_simulation_check         (const KtProjectData *data,
                                                 const KtRules       *rules,
                                                 GPtrArray           *problems);
/* Runs synchronously on options->threads threads (the calling one
 * included).  Returns NULL with G_IO_ERROR_CANCELLED when cancelled. */
KtSimulationResult *kt_simulation_run           (const KtProjectData       *data,
                                                 const KtRules             *rules,
                                                 const KtSimulationOptions *options,
                                                 GCancellable              *cancellable,
                                                 GError                   **error);
/* The same in a GTask thread, on a copy of the project taken now, so the
 * document may change meanwhile. */
void                kt_simulation_run_async     (KtProject                 *project,
                                                 const KtRules             *rules,
                                                 const KtSimulationOptions *options,
                                                 GCancellable              *cancellable,
                                                 GAsyncReadyCallback        callback,
                                                 gpointer                   user_data);
KtSimulationResult *kt_simulation_run_finish    (GAsyncResult              *result,
                                                 GError                   **error);
void                kt_simulation_result_free   (KtSimulationResult        *result);

/* For charts: a histogram of an outcome (NULL when it has no value) and
 * n_points of its CDF. */
gsl_histogram      *kt_simulation_result_histogram (const KtSimulationResult *result,
                                                    KtOutcome                 outcome,
                                                    int                       n_bins);
void                kt_simulation_result_cdf       (const KtSimulationResult *result,
                                                    KtOutcome                 outcome,
                                                    int                       n_points,
                                                    double                   *x,
                                                    double                   *p);
/* The drivers by |Spearman| with project NPV, largest first: fills `order`
 * with indices into result->drivers, returns n_drivers. */
int                 kt_simulation_result_rank_drivers (const KtSimulationResult *result,
                                                       int                      *order);

/* khathi-cli bench --simulate: a full run (all outputs) with the project's
 * seed and sampling, timed. */
typedef struct {
  int    iterations;
  int    threads;
  int    drivers;
  int    years;
  double seconds;
  double iterations_per_s;
} KtSimulationBench;

gboolean            kt_simulation_bench         (const KtProjectData *data,
                                                 const KtRules       *rules,
                                                 int                  iterations,
                                                 int                  threads,
                                                 KtSimulationBench   *bench,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtSimulationResult, kt_simulation_result_free)

G_END_DECLS
