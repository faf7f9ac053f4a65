/* kt-simulation.c — Monte Carlo simulation of a project on all cores (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kt-problem.h"
#include "kt-sampler.h"
#include "kt-simulation.h"

G_DEFINE_QUARK (kt-simulation-error-quark, kt_simulation_error)

/* How often a thread looks at the GCancellable inside a block. */
#define CANCEL_CHECK_MASK 63

typedef struct {
  const KtProjectData      *data;
  const KtRules            *rules;
  const KtSampler          *sampler;
  const KtSimulationOptions *options;
  GCancellable             *cancellable;
  int                       iterations;
  int                       n_blocks;
  int                       max_years;
  gsize                     rank_n;
  gboolean                  needs_scratch;

  double                   *values[KT_N_OUTCOMES];  /* by iteration */
  double                   *draws;                  /* rank_n × n_drivers */
  KtMoments                *year_moments;           /* n_blocks × max_years, non-zero payouts */
  guint32                  *year_nonzero;           /* n_blocks × max_years */
  guint32                  *year_positive;          /* n_blocks × max_years */
  guint32                  *block_multiple;         /* n_blocks × 2: project, equity IRR */
  gsize                     top_k;
  double                   *discounts;              /* max_years: kt_outcomes_discounts */

  /* Written by every thread at each block: on a cache line of their own,
   * not on the one holding the fields every iteration reads. */
  _Alignas (64) gint        next_block;
  gint                      done;
  gint                      aborted;                /* an evaluation failed */
  char                      pad[64 - 3 * sizeof (gint)];
} Run;

typedef struct {
  Run             *run;
  KtModel         *model;
  KtSamplerStream *stream;
  KtProjectData    scratch;
  gboolean         has_scratch;
  KtTopK          *top;                             /* max_years */
  /* The current block's per-year figures, copied to the Run when it ends:
   * neighbouring blocks' slots share cache lines, and two threads writing
   * them on every iteration would fight over those lines. */
  KtMoments       *moments;                         /* max_years */
  guint32         *nonzero;
  guint32         *positive;
  double          *payouts;                         /* max_years: this iteration's */
  gboolean         report;                          /* the calling thread reports progress */
} Worker;

static gboolean
process_block (Worker *w,
               int     b)
{
  Run *run = w->run;
  const KtSampler *s = run->sampler;
  int start = b * KT_SAMPLER_BLOCK;
  int len = MIN (KT_SAMPLER_BLOCK, run->iterations - start);
  KtMoments *moments = w->moments;
  guint32 *nonzero = w->nonzero;
  guint32 *positive = w->positive;
  guint32 multiple_project = 0, multiple_equity = 0;
  KtProjectData *scratch = w->has_scratch ? &w->scratch : NULL;
  double vals[KT_N_DRIVERS], out[KT_N_OUTCOMES];
  KtDriverValues dv;
  gsize ny = (gsize) run->max_years;

  memset (moments, 0, sizeof (KtMoments) * ny);
  memset (nonzero, 0, sizeof (guint32) * ny);
  memset (positive, 0, sizeof (guint32) * ny);
  kt_sampler_stream_start (w->stream, b, len);
  for (int i = 0; i < len; i++)
    {
      gsize idx = (gsize) start + i;
      const KtModel *m = w->model;

      if ((i & CANCEL_CHECK_MASK) == 0
          && (g_cancellable_is_cancelled (run->cancellable) || g_atomic_int_get (&run->aborted)))
        return FALSE;
      kt_sampler_stream_next (w->stream, vals);
      kt_sampler_apply (s, run->data, vals, &dv);
      if (!kt_driver_evaluate (w->model, run->data, scratch, run->rules, &dv))
        {
          g_atomic_int_set (&run->aborted, 1);
          return FALSE;
        }
      kt_outcomes_read_with (m, run->discounts, w->payouts, out);
      for (int k = 0; k < KT_N_OUTCOMES; k++)
        run->values[k][idx] = out[k];
      if (idx < run->rank_n)
        memcpy (run->draws + idx * s->n_drivers, vals, sizeof (double) * s->n_drivers);
      multiple_project += m->r.project_irr.status == KT_IRR_MULTIPLE;
      multiple_equity += m->r.equity_irr.status == KT_IRR_MULTIPLE;

      /* Payouts are mostly 0: only the non-zero ones enter the moments,
       * the zeros are added back per block when merging. */
      for (int t = 0; t < run->max_years; t++)
        {
          double p = t < m->n_years ? w->payouts[t] : 0.0;

          if (p != 0.0)
            {
              kt_moments_add (&moments[t], p);
              nonzero[t]++;
              positive[t] += p > 0.0;
            }
          kt_top_k_push (&w->top[t], p);
        }
    }
  memcpy (run->year_moments + b * ny, moments, sizeof (KtMoments) * ny);
  memcpy (run->year_nonzero + b * ny, nonzero, sizeof (guint32) * ny);
  memcpy (run->year_positive + b * ny, positive, sizeof (guint32) * ny);
  run->block_multiple[2 * b] = multiple_project;
  run->block_multiple[2 * b + 1] = multiple_equity;
  return TRUE;
}

static void
work (Worker *w)
{
  Run *run = w->run;

  for (;;)
    {
      int b = g_atomic_int_add (&run->next_block, 1);
      int len;

      if (b >= run->n_blocks)
        break;
      if (!process_block (w, b))
        break;
      len = MIN (KT_SAMPLER_BLOCK, run->iterations - b * KT_SAMPLER_BLOCK);
      g_atomic_int_add (&run->done, len);
      if (w->report && run->options->progress != NULL)
        run->options->progress ((guint64) g_atomic_int_get (&run->done),
                                (guint64) run->iterations, run->options->progress_data);
    }
}

/* A worker is built by its own thread: its model, stream and buffers then
 * come from that thread's malloc arena, and no cache line holds both one
 * thread's per-iteration data and another's (the shells are whole lines). */
#define WORKER_SIZE ((sizeof (Worker) + 63) / 64 * 64)

static Worker *
worker_new (Run *run)
{
  Worker *w = g_aligned_alloc0 (1, WORKER_SIZE, 64);

  w->run = run;
  return w;
}

static void
worker_setup (Worker *w)
{
  Run *run = w->run;

  w->model = kt_model_new (run->data, run->sampler->max_delay);
  /* Only the summarised outcomes: skips economic IRR, break-even, checks. */
  kt_model_set_outcomes_only (w->model, TRUE);
  w->stream = kt_sampler_stream_new (run->sampler);
  if (run->needs_scratch)
    {
      kt_project_data_copy (&w->scratch, run->data);
      w->has_scratch = TRUE;
    }
  w->moments = g_new0 (KtMoments, run->max_years);
  w->nonzero = g_new0 (guint32, run->max_years);
  w->positive = g_new0 (guint32, run->max_years);
  w->payouts = g_new0 (double, run->max_years);
  w->top = g_new0 (KtTopK, run->max_years);
  for (int t = 0; t < run->max_years; t++)
    kt_top_k_init (&w->top[t], run->top_k);
}

static gpointer
worker_thread (gpointer user_data)
{
  worker_setup (user_data);
  work (user_data);
  return NULL;
}

static void
worker_free (Worker *w)
{
  kt_model_free (w->model);
  kt_sampler_stream_free (w->stream);
  if (w->has_scratch)
    kt_project_data_clear (&w->scratch);
  for (int t = 0; t < w->run->max_years; t++)
    kt_top_k_clear (&w->top[t]);
  g_free (w->top);
  g_free (w->moments);
  g_free (w->nonzero);
  g_free (w->positive);
  g_free (w->payouts);
  g_aligned_free (w);
}

static void
run_clear (Run *run)
{
  for (int k = 0; k < KT_N_OUTCOMES; k++)
    g_free (run->values[k]);
  g_free (run->draws);
  g_free (run->year_moments);
  g_free (run->year_nonzero);
  g_free (run->year_positive);
  g_free (run->block_multiple);
  g_free (run->discounts);
}

void
kt_simulation_result_free (KtSimulationResult *result)
{
  if (result == NULL)
    return;
  for (int k = 0; k < KT_N_OUTCOMES; k++)
    g_free (result->outcomes[k].sorted);
  g_free (result->payout_mean);
  g_free (result->payout_sd);
  g_free (result->payout_p95);
  g_free (result->payout_probability);
  g_free (result->correlation);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

void
kt_simulation_options_init (KtSimulationOptions *options,
                            const KtProjectData *data)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->iterations = data != NULL && data->simulation.iterations > 0
                        ? data->simulation.iterations : 10000;
  options->seed = data != NULL ? data->simulation.seed : 0;
  options->lhs = data != NULL && data->simulation.lhs;
}

static void
check_effects (const KtProjectData *data,
               const KtRules       *rules,
               const KtSampler     *sampler,
               GPtrArray           *problems)
{
  g_autoptr (KtModel) model = kt_model_new (data, sampler->max_delay);

  for (int d = 0; d < sampler->n_drivers; d++)
    {
      const KtSamplerDriver *sd = &sampler->drivers[d];
      g_autofree char *where = sd->row > 0
                               ? g_strdup_printf ("uncertainty/distributions/%d", sd->row)
                               : g_strdup ("sharing/rd-success-probability");

      if (!kt_driver_has_effect (model, data, rules, sd->driver))
        kt_problems_add (problems, KT_SEVERITY_INFO, "driver_no_effect", where, 0,
                         _("“%s” does not change any indicator of this project, so its "
                           "distribution has no effect"),
                         kt_enum_label (&kt_driver_info, sd->driver));
    }
}

void
kt_simulation_check (const KtProjectData *data,
                     const KtRules       *rules,
                     GPtrArray           *problems)
{
  g_autoptr (KtSampler) sampler = NULL;

  g_return_if_fail (data != NULL && rules != NULL && problems != NULL);

  sampler = kt_sampler_new (data, 0, FALSE, TRUE, problems, NULL);
  if (sampler != NULL && data->construction_years + data->operation_years > 0)
    check_effects (data, rules, sampler, problems);
}

/* Merges the per-block figures of years first … last − 1 in block order
 * (fixed, so the same doubles come out whatever thread did which block) and
 * the threads' top values. */
static void
summarise_years (Run                *run,
                 Worker            **workers,
                 int                 n_workers,
                 KtSimulationResult *result,
                 int                 first,
                 int                 last)
{
  int ny = run->max_years;

  for (int t = first; t < last; t++)
    {
      KtMoments total = { 0 };
      guint64 positive = 0;
      KtTopK *top = &workers[0]->top[t];

      for (int b = 0; b < run->n_blocks; b++)
        {
          gsize i = (gsize) b * ny + t;
          int len = MIN (KT_SAMPLER_BLOCK, run->iterations - b * KT_SAMPLER_BLOCK);
          KtMoments part = run->year_moments[i];
          KtMoments zeros = { len - (double) run->year_nonzero[i], 0.0, 0.0 };

          kt_moments_merge (&part, &zeros);
          kt_moments_merge (&total, &part);
          positive += run->year_positive[i];
        }
      for (int w = 1; w < n_workers; w++)
        kt_top_k_merge (top, &workers[w]->top[t]);
      result->payout_mean[t] = total.mean;
      result->payout_sd[t] = total.n > 1 ? sqrt (total.m2 / (total.n - 1)) : NAN;
      result->payout_p95[t] = kt_top_k_quantile (top, (gsize) run->iterations, 0.95);
      result->payout_probability[t] = (double) positive / run->iterations;
    }
}

/* One thread's share of the summary: the drivers' ranks and summaries
 * (drivers drv_first … drv_last − 1) and the outcomes' sorts and summaries
 * (out_first … out_last − 1).  Each column is worked on alone, so the result
 * does not depend on how the shares are cut. */
typedef struct {
  Run                *run;
  KtSimulationResult *result;
  Worker            **workers;
  int                 n_workers;
  const double       *npv_ranks;
  int                 drv_first, drv_last;
  int                 out_first, out_last;
  int                 year_first, year_last;
  double             *scratch;   /* iterations values */
  double             *column;    /* rank_n values */
  double             *work;      /* 2 rank_n values */
} SummaryJob;

static gpointer
summary_job (gpointer user_data)
{
  SummaryJob *job = user_data;
  Run *run = job->run;
  const KtSampler *s = run->sampler;
  gsize n = (gsize) run->iterations;

  for (int d = job->drv_first; d < job->drv_last; d++)
    {
      KtSimulationDriver *rd = &job->result->drivers[d];
      const KtSamplerDriver *sd = &s->drivers[d];
      gsize m;

      rd->driver = sd->driver;
      rd->dist = sd->dist.dist;
      rd->mode = sd->mode;
      rd->reference = sd->reference;
      rd->correlated = sd->copula >= 0;
      for (gsize i = 0; i < run->rank_n; i++)
        job->column[i] = run->draws[i * s->n_drivers + d];
      /* One sort gives the ranks and the sorted draws. */
      m = kt_stats_ranks_sort (job->column, run->rank_n, job->work, job->column);
      rd->spearman_npv = run->rank_n > 1
                         ? kt_stats_pearson (job->work, job->npv_ranks, run->rank_n) : NAN;
      kt_summary_from_sorted (job->column, m, run->rank_n - m, &rd->draws);
    }
  for (int k = job->out_first; k < job->out_last; k++)
    {
      KtSimulationOutcome *o = &job->result->outcomes[k];
      gsize m = kt_stats_sort_finite (run->values[k], n, job->scratch);

      kt_summary_from_sorted (run->values[k], m, n - m, &o->summary);
    }
  summarise_years (run, job->workers, job->n_workers, job->result, job->year_first,
                   job->year_last);
  return NULL;
}

static void
summary_job_init (SummaryJob         *job,
                  Run                *run,
                  Worker            **workers,
                  int                 n_workers,
                  KtSimulationResult *result,
                  const double       *npv_ranks,
                  int                 share,
                  int                 n_shares)
{
  int nd = run->sampler->n_drivers;

  job->run = run;
  job->result = result;
  job->workers = workers;
  job->n_workers = n_workers;
  job->npv_ranks = npv_ranks;
  job->year_first = run->max_years * share / n_shares;
  job->year_last = run->max_years * (share + 1) / n_shares;
  job->drv_first = nd * share / n_shares;
  job->drv_last = nd * (share + 1) / n_shares;
  job->out_first = KT_N_OUTCOMES * share / n_shares;
  job->out_last = KT_N_OUTCOMES * (share + 1) / n_shares;
  job->scratch = g_new (double, MAX (run->iterations, 1));
  job->column = g_new (double, MAX (run->rank_n, 1));
  job->work = g_new (double, 2 * MAX (run->rank_n, 1));
}

static void
summary_job_clear (SummaryJob *job)
{
  g_free (job->scratch);
  g_free (job->column);
  g_free (job->work);
}

static void
summarise (Run                *run,
           Worker            **workers,
           KtSimulationResult *result,
           int                 n_threads)
{
  const KtSampler *s = run->sampler;
  gsize n = (gsize) run->iterations;
  g_autofree double *npv_ranks = g_new (double, MAX (run->rank_n, 1));
  int ny = run->max_years;
  gsize below = 0, dscr_below = 0, dscr_defined = 0, irr_below = 0;
  /* Sorting is most of the summary: with several threads, a helper takes
   * half of the drivers, outcomes and years. */
  int n_shares = n_threads > 1 && n >= 2 * KT_SAMPLER_BLOCK ? 2 : 1;
  SummaryJob jobs[2];
  GThread *helper = NULL;

  result->n_years = ny;
  result->start_year = run->data->start_year;
  result->payout_mean = g_new0 (double, ny);
  result->payout_sd = g_new0 (double, ny);
  result->payout_p95 = g_new0 (double, ny);
  result->payout_probability = g_new0 (double, ny);

  /* Ranks first: they pair each draw with its own NPV, which sorting undoes. */
  kt_stats_ranks (run->values[KT_OUTCOME_PROJECT_NPV], run->rank_n, npv_ranks);
  result->rank_sample = run->rank_n;
  result->n_drivers = s->n_drivers;

  for (gsize i = 0; i < n; i++)
    {
      double dscr = run->values[KT_OUTCOME_DSCR_MIN][i];
      double irr = run->values[KT_OUTCOME_EQUITY_IRR][i];

      below += run->values[KT_OUTCOME_PROJECT_NPV][i] < 0.0;
      if (isfinite (dscr))
        {
          dscr_defined++;
          dscr_below += dscr < 1.0;
        }
      irr_below += !(irr >= run->data->hurdle_rate);
    }
  result->prob_npv_negative = (double) below / n;
  result->prob_dscr_below_1 = dscr_defined > 0 ? (double) dscr_below / n : NAN;
  result->prob_equity_irr_below_hurdle = (double) irr_below / n;

  for (int b = 0; b < run->n_blocks; b++)
    {
      result->outcomes[KT_OUTCOME_PROJECT_IRR].n_multiple += run->block_multiple[2 * b];
      result->outcomes[KT_OUTCOME_EQUITY_IRR].n_multiple += run->block_multiple[2 * b + 1];
    }
  /* The columns are sorted in place: after the counts above. */
  for (int i = 0; i < n_shares; i++)
    summary_job_init (&jobs[i], run, workers, n_threads, result, npv_ranks, i, n_shares);
  if (n_shares > 1)
    helper = g_thread_new ("kt-summary", summary_job, &jobs[1]);
  summary_job (&jobs[0]);
  if (helper != NULL)
    g_thread_join (helper);
  for (int i = 0; i < n_shares; i++)
    summary_job_clear (&jobs[i]);
  for (int k = 0; k < KT_N_OUTCOMES; k++)
    result->outcomes[k].sorted = g_steal_pointer (&run->values[k]);
  result->state_payout_expected = result->outcomes[KT_OUTCOME_STATE_PAYOUTS].summary.mean;
  result->state_payout_p95 = result->outcomes[KT_OUTCOME_STATE_PAYOUTS].summary.p95;
}

KtSimulationResult *
kt_simulation_run (const KtProjectData       *data,
                   const KtRules             *rules,
                   const KtSimulationOptions *options,
                   GCancellable              *cancellable,
                   GError                   **error)
{
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtSampler) sampler = NULL;
  g_autoptr (GError) local = NULL;
  KtSimulationResult *result;
  Worker **workers;
  GThread **threads;
  Run run = { 0 };
  int n_threads;
  gint64 started = g_get_monotonic_time ();
  gboolean complete;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->iterations < 1 || options->iterations > KT_SIMULATION_MAX_ITERATIONS)
    {
      g_set_error (error, KT_SIMULATION_ERROR, KT_SIMULATION_ERROR_INVALID,
                   _("The number of iterations must be between 1 and %d"),
                   KT_SIMULATION_MAX_ITERATIONS);
      return NULL;
    }
  if (MAX (data->construction_years, 0) + MAX (data->operation_years, 0) < 1)
    {
      g_set_error_literal (error, KT_SIMULATION_ERROR, KT_SIMULATION_ERROR_NO_YEARS,
                           _("The project has no year to compute"));
      return NULL;
    }
  sampler = kt_sampler_new (data, options->seed, options->lhs, options->use_nearest_correlation,
                            problems, &local);
  if (sampler == NULL)
    {
      const char *detail = "";

      for (guint i = 0; i < problems->len; i++)
        if (((KtProblem *) problems->pdata[i])->severity == KT_SEVERITY_ERROR)
          {
            detail = ((KtProblem *) problems->pdata[i])->message;
            break;
          }
      g_set_error (error, KT_SIMULATION_ERROR,
                   g_error_matches (local, KT_SAMPLER_ERROR, KT_SAMPLER_ERROR_CORRELATION)
                   ? KT_SIMULATION_ERROR_CORRELATION : KT_SIMULATION_ERROR_INVALID,
                   "%s%s%s", local->message, *detail ? ": " : "", detail);
      return NULL;
    }
  if (sampler->n_drivers == 0)
    {
      g_set_error_literal (error, KT_SIMULATION_ERROR, KT_SIMULATION_ERROR_NO_DRIVERS,
                           _("The project has no distribution to simulate"));
      return NULL;
    }
  check_effects (data, rules, sampler, problems);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  run.data = data;
  run.rules = rules;
  run.sampler = sampler;
  run.options = options;
  run.cancellable = cancellable;
  run.iterations = options->iterations;
  run.n_blocks = (options->iterations + KT_SAMPLER_BLOCK - 1) / KT_SAMPLER_BLOCK;
  run.max_years = MAX (data->construction_years, 0) + MAX (data->operation_years, 0)
                  + (data->construction_years > 0 ? sampler->max_delay : 0);
  run.rank_n = MIN ((gsize) options->iterations, KT_SIMULATION_RANK_SAMPLE);
  for (int d = 0; d < sampler->n_drivers; d++)
    run.needs_scratch |= kt_driver_needs_scratch (sampler->drivers[d].driver);
  for (int k = 0; k < KT_N_OUTCOMES; k++)
    run.values[k] = g_new (double, options->iterations);
  run.draws = g_new (double, MAX (run.rank_n * sampler->n_drivers, 1));
  run.year_moments = g_new0 (KtMoments, (gsize) run.n_blocks * run.max_years);
  run.year_nonzero = g_new0 (guint32, (gsize) run.n_blocks * run.max_years);
  run.year_positive = g_new0 (guint32, (gsize) run.n_blocks * run.max_years);
  run.block_multiple = g_new0 (guint32, 2 * (gsize) run.n_blocks);
  run.top_k = kt_top_k_size_for ((gsize) options->iterations, 0.95);
  run.discounts = g_new (double, MAX (run.max_years, 1));
  kt_outcomes_discounts (data, run.max_years, run.discounts);

  n_threads = options->threads > 0 ? options->threads : (int) g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, MIN (run.n_blocks, 256));
  workers = g_new0 (Worker *, n_threads);
  threads = g_new0 (GThread *, n_threads);
  for (int i = 0; i < n_threads; i++)
    workers[i] = worker_new (&run);
  workers[0]->report = TRUE;
  for (int i = 1; i < n_threads; i++)
    threads[i] = g_thread_new ("kt-simulation", worker_thread, workers[i]);
  worker_setup (workers[0]);
  work (workers[0]);
  for (int i = 1; i < n_threads; i++)
    g_thread_join (threads[i]);

  complete = g_atomic_int_get (&run.done) == run.iterations;
  result = NULL;
  if (complete)
    {
      result = g_new0 (KtSimulationResult, 1);
      result->iterations = options->iterations;
      result->seed = options->seed;
      result->lhs = options->lhs;
      result->threads = n_threads;
      result->nearest_correlation = sampler->nearest_used;
      result->n_correlated = sampler->n_copula;
      memcpy (result->correlated, sampler->copula_drivers, sizeof result->correlated);
      result->correlation = g_memdup2 (sampler->correlation,
                                       sizeof (double) * sampler->n_copula * sampler->n_copula);
      summarise (&run, workers, result, n_threads);
      result->problems = g_steal_pointer (&problems);
      result->seconds = (g_get_monotonic_time () - started) / 1e6;
      if (options->progress != NULL)
        options->progress ((guint64) run.iterations, (guint64) run.iterations,
                           options->progress_data);
    }
  else if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    g_set_error_literal (error, KT_SIMULATION_ERROR, KT_SIMULATION_ERROR_NO_YEARS,
                         _("The engine could not evaluate a draw of the project"));

  for (int i = 0; i < n_threads; i++)
    worker_free (workers[i]);
  g_free (workers);
  g_free (threads);
  run_clear (&run);
  return result;
}

/* ---- async ---- */

typedef struct {
  KtProject           *project;
  KtRules              rules;
  KtSimulationOptions  options;
} TaskData;

static void
task_data_free (TaskData *td)
{
  g_clear_object (&td->project);
  g_free (td);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;
  KtSimulationResult *result;

  result = kt_simulation_run (kt_project_get_data (td->project), &td->rules, &td->options,
                              cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) kt_simulation_result_free);
}

void
kt_simulation_run_async (KtProject                 *project,
                         const KtRules             *rules,
                         const KtSimulationOptions *options,
                         GCancellable              *cancellable,
                         GAsyncReadyCallback        callback,
                         gpointer                   user_data)
{
  g_autoptr (GTask) task = NULL;
  TaskData *td;

  g_return_if_fail (KT_IS_PROJECT (project));
  g_return_if_fail (rules != NULL && options != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kt_simulation_run_async);
  td = g_new0 (TaskData, 1);
  td->project = kt_project_copy (project);
  td->rules = *rules;
  td->options = *options;
  g_task_set_task_data (task, td, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, run_in_thread);
}

KtSimulationResult *
kt_simulation_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kt_simulation_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- charts ---- */

gsl_histogram *
kt_simulation_result_histogram (const KtSimulationResult *result,
                                KtOutcome                 outcome,
                                int                       n_bins)
{
  g_return_val_if_fail (result != NULL && outcome < KT_N_OUTCOMES, NULL);

  return kt_stats_histogram (result->outcomes[outcome].sorted,
                             result->outcomes[outcome].summary.n, n_bins);
}

void
kt_simulation_result_cdf (const KtSimulationResult *result,
                          KtOutcome                 outcome,
                          int                       n_points,
                          double                   *x,
                          double                   *p)
{
  g_return_if_fail (result != NULL && outcome < KT_N_OUTCOMES);

  kt_stats_cdf (result->outcomes[outcome].sorted, result->outcomes[outcome].summary.n,
                n_points, x, p);
}

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const KtSimulationResult *result = user_data;
  double x = fabs (result->drivers[*(const int *) a].spearman_npv);
  double y = fabs (result->drivers[*(const int *) b].spearman_npv);

  if (isnan (x))
    x = -1.0;
  if (isnan (y))
    y = -1.0;
  if (x != y)
    return (x < y) - (x > y);
  return *(const int *) a - *(const int *) b;
}

int
kt_simulation_result_rank_drivers (const KtSimulationResult *result,
                                   int                      *order)
{
  g_return_val_if_fail (result != NULL && order != NULL, 0);

  for (int d = 0; d < result->n_drivers; d++)
    order[d] = d;
  g_qsort_with_data (order, result->n_drivers, sizeof (int), compare_rank, (gpointer) result);
  return result->n_drivers;
}

/* ---- benchmark ---- */

gboolean
kt_simulation_bench (const KtProjectData *data,
                     const KtRules       *rules,
                     int                  iterations,
                     int                  threads,
                     KtSimulationBench   *bench,
                     GError             **error)
{
  g_autoptr (KtSimulationResult) result = NULL;
  KtSimulationOptions options;

  g_return_val_if_fail (data != NULL && rules != NULL && bench != NULL, FALSE);

  kt_simulation_options_init (&options, data);
  options.iterations = iterations;
  options.threads = threads;
  result = kt_simulation_run (data, rules, &options, NULL, error);
  if (result == NULL)
    return FALSE;
  bench->iterations = result->iterations;
  bench->threads = result->threads;
  bench->drivers = result->n_drivers;
  bench->years = MAX (data->construction_years, 0) + MAX (data->operation_years, 0);
  bench->seconds = result->seconds;
  bench->iterations_per_s = result->iterations / MAX (result->seconds, 1e-9);
  return TRUE;
}
