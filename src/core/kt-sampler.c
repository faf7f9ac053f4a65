/* kt-sampler.c — joint draws of the uncertain drivers: blocks, LHS, Gaussian copula (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "kt-correlation.h"
#include "kt-problem.h"
#include "kt-sampler.h"

/* An unbounded delay distribution is cut here: years of delay beyond this are
 * not a schedule risk but a different project. */
#define MAX_DELAY_YEARS 10

G_DEFINE_QUARK (kt-sampler-error-quark, kt_sampler_error)

struct _KtSamplerStream {
  const KtSampler *sampler;
  gsl_rng         *rng;
  double          *u;                         /* n_drivers × KT_SAMPLER_BLOCK strata */
  double          *values;                    /* KT_SAMPLER_BLOCK × n_drivers: the block's draws */
  int             *perm;
  int              copula_pos[KT_N_DRIVERS];  /* copula row → driver position */
  int              len;
  int              pos;
};

void
kt_sampler_free (KtSampler *sampler)
{
  if (sampler == NULL)
    return;
  for (int d = 0; d < sampler->n_drivers; d++)
    kt_distribution_clear (&sampler->drivers[d].dist);
  g_free (sampler->cholesky);
  g_free (sampler->correlation);
  g_free (sampler);
}

static int
delay_bound (const KtDistribution *dist)
{
  if (!isfinite (dist->hi))
    return MAX_DELAY_YEARS;
  return (int) CLAMP (ceil (dist->hi - 0.5), 0.0, (double) MAX_DELAY_YEARS);
}

static gboolean
add_driver (KtSampler           *sampler,
            const KtProjectData *data,
            const KtUncertainty *u,
            guint                row,
            GPtrArray           *problems)
{
  g_autofree char *where = row > 0 ? g_strdup_printf ("uncertainty/distributions/%u", row)
                                    : g_strdup ("sharing/rd-success-probability");
  g_autoptr (GError) error = NULL;
  KtSamplerDriver *sd;

  if (u->driver <= KT_DRIVER_NONE || u->driver >= KT_N_DRIVERS)
    {
      kt_problems_add (problems, KT_SEVERITY_WARNING, "distribution_no_driver", where, 0,
                       _("This distribution moves no driver and is ignored"));
      return TRUE;
    }
  for (int d = 0; d < sampler->n_drivers; d++)
    if (sampler->drivers[d].driver == u->driver)
      {
        kt_problems_add (problems, KT_SEVERITY_ERROR, "distribution_duplicate", where, 0,
                         _("“%s” already has a distribution"),
                         kt_enum_label (&kt_driver_info, u->driver));
        return FALSE;
      }

  sd = &sampler->drivers[sampler->n_drivers];
  memset (sd, 0, sizeof *sd);
  if (!kt_distribution_init (&sd->dist, u, &error))
    {
      kt_problems_add (problems, KT_SEVERITY_ERROR, "distribution", where, 0, "%s", error->message);
      return FALSE;
    }
  sd->driver = u->driver;
  sd->mode = u->mode;
  sd->row = (int) row;
  sd->copula = -1;
  sd->reference = 1.0;
  if (u->mode == KT_DIST_MODE_ABSOLUTE && u->driver != KT_DRIVER_DELAY
      && u->driver != KT_DRIVER_RD_SUCCESS)
    {
      sd->reference = kt_driver_reference (data, u->driver);
      if (isnan (sd->reference))
        {
          kt_problems_add (problems, KT_SEVERITY_ERROR, "uncertainty_absolute_no_base", where, 0,
                           _("“%s” is given as an absolute value, but the project has no base "
                             "value to compare it with; give it as a multiplier"),
                           kt_enum_label (&kt_driver_info, u->driver));
          kt_distribution_clear (&sd->dist);
          return FALSE;
        }
    }
  if (u->driver == KT_DRIVER_DELAY)
    sampler->max_delay = delay_bound (&sd->dist);
  sampler->n_drivers++;
  return TRUE;
}

static int
compare_drivers (const void *a,
                 const void *b)
{
  const KtSamplerDriver *x = a, *y = b;

  return (x->driver > y->driver) - (x->driver < y->driver);
}

KtSampler *
kt_sampler_new (const KtProjectData *data,
                guint64              seed,
                gboolean             lhs,
                gboolean             use_nearest,
                GPtrArray           *problems,
                GError             **error)
{
  g_autoptr (KtSampler) sampler = g_new0 (KtSampler, 1);
  g_autoptr (GPtrArray) own = NULL;
  gsl_matrix *corr, *chol;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL, NULL);

  if (problems == NULL)
    problems = own = kt_problems_new ();
  sampler->seed = seed;
  sampler->lhs = lhs;
  for (guint i = 0; i < data->uncertainties->len; i++)
    ok &= add_driver (sampler, data, &g_array_index (data->uncertainties, KtUncertainty, i),
                      i + 1, problems);
  /* MODEL.md §9: an R&D phase carries its own success probability; unless a
   * distribution says otherwise, each iteration draws success from it,
   * whatever the deterministic rd_failed switch says. */
  if (ok && data->sharing.rd_enabled && data->sharing.rd_phase_years > 0
      && data->sharing.rd_success_probability >= 0.0 && data->sharing.rd_success_probability < 1.0)
    {
      gboolean given = FALSE;

      for (int d = 0; d < sampler->n_drivers; d++)
        given |= sampler->drivers[d].driver == KT_DRIVER_RD_SUCCESS;
      if (!given)
        {
          KtUncertainty implicit = { KT_DRIVER_RD_SUCCESS, KT_DIST_BERNOULLI, KT_DIST_MODE_ABSOLUTE,
                                     data->sharing.rd_success_probability, 1.0, 0.0, NULL, NULL };

          ok &= add_driver (sampler, data, &implicit, 0, problems);
          kt_problems_add (problems, KT_SEVERITY_INFO, "rd_success_implicit",
                           "sharing/rd-success-probability", 0,
                           _("Each iteration draws the success of the R&D phase from its "
                             "probability"));
        }
    }
  /* Enum order, whatever the document's order: the draws of a driver do not
   * change when the list is reordered. */
  qsort (sampler->drivers, sampler->n_drivers, sizeof (KtSamplerDriver), compare_drivers);
  if (!ok)
    {
      g_set_error_literal (error, KT_SAMPLER_ERROR, KT_SAMPLER_ERROR_INVALID,
                           _("Some distributions cannot be used"));
      return NULL;
    }

  if (!kt_correlation_check (data, problems))
    {
      gboolean range_error = FALSE;

      for (guint i = 0; i < problems->len; i++)
        range_error |= g_strcmp0 (((KtProblem *) problems->pdata[i])->code,
                                  "correlation_range") == 0;
      if (range_error)
        {
          g_set_error_literal (error, KT_SAMPLER_ERROR, KT_SAMPLER_ERROR_INVALID,
                               _("A correlation lies outside −1 … 1"));
          return NULL;
        }
      if (!use_nearest)
        {
          g_set_error_literal (error, KT_SAMPLER_ERROR, KT_SAMPLER_ERROR_CORRELATION,
                               _("The correlations contradict each other (the matrix is not "
                                 "positive definite); correct them or accept the nearest "
                                 "consistent values"));
          return NULL;
        }
    }

  sampler->n_copula = kt_correlation_drivers (data, sampler->copula_drivers);
  if (sampler->n_copula == 0)
    return g_steal_pointer (&sampler);

  corr = kt_correlation_matrix_new (data, sampler->copula_drivers, sampler->n_copula);
  chol = kt_correlation_cholesky (corr);
  if (chol == NULL)
    {
      gsl_matrix *nearest = kt_correlation_nearest (corr, KT_CORRELATION_MIN_EIGEN);

      gsl_matrix_free (corr);
      corr = nearest;
      chol = kt_correlation_cholesky (corr);
      sampler->nearest_used = TRUE;
      kt_problems_add (problems, KT_SEVERITY_WARNING, "correlation_nearest_used",
                       "uncertainty/correlations", 0,
                       _("The simulation used the nearest consistent correlations, not the "
                         "project's own"));
      if (chol == NULL)
        {
          gsl_matrix_free (corr);
          g_set_error_literal (error, KT_SAMPLER_ERROR, KT_SAMPLER_ERROR_CORRELATION,
                               _("No consistent correlation matrix was found"));
          return NULL;
        }
    }
  sampler->cholesky = g_new0 (double, sampler->n_copula * sampler->n_copula);
  sampler->correlation = g_new0 (double, sampler->n_copula * sampler->n_copula);
  for (int i = 0; i < sampler->n_copula; i++)
    for (int j = 0; j < sampler->n_copula; j++)
      {
        sampler->cholesky[i * sampler->n_copula + j] = gsl_matrix_get (chol, i, j);
        sampler->correlation[i * sampler->n_copula + j] = gsl_matrix_get (corr, i, j);
      }
  gsl_matrix_free (chol);
  gsl_matrix_free (corr);

  for (int i = 0; i < sampler->n_copula; i++)
    for (int d = 0; d < sampler->n_drivers; d++)
      if (sampler->drivers[d].driver == sampler->copula_drivers[i])
        sampler->drivers[d].copula = i;
  return g_steal_pointer (&sampler);
}

KtSamplerStream *
kt_sampler_stream_new (const KtSampler *sampler)
{
  KtSamplerStream *stream;

  g_return_val_if_fail (sampler != NULL, NULL);

  stream = g_new0 (KtSamplerStream, 1);
  stream->sampler = sampler;
  stream->rng = gsl_rng_alloc (gsl_rng_mt19937);
  stream->u = g_new0 (double, (gsize) MAX (sampler->n_drivers, 1) * KT_SAMPLER_BLOCK);
  stream->values = g_new0 (double, (gsize) MAX (sampler->n_drivers, 1) * KT_SAMPLER_BLOCK);
  stream->perm = g_new0 (int, KT_SAMPLER_BLOCK);
  for (int d = 0; d < sampler->n_drivers; d++)
    if (sampler->drivers[d].copula >= 0)
      stream->copula_pos[sampler->drivers[d].copula] = d;
  return stream;
}

void
kt_sampler_stream_free (KtSamplerStream *stream)
{
  if (stream == NULL)
    return;
  gsl_rng_free (stream->rng);
  g_free (stream->u);
  g_free (stream->values);
  g_free (stream->perm);
  g_free (stream);
}

/* Whether a driver's value is the quantile of a probability drawn first
 * (all of them with LHS; with plain sampling, those of the copula). */
static inline gboolean
by_quantile (const KtSampler *s,
             int              d)
{
  return s->lhs || s->drivers[d].copula >= 0;
}

/* The draws of iteration `pos` of the block, except that a by_quantile
 * driver gets its probability: finish_draws takes the quantiles. */
static void
draw (KtSamplerStream *stream,
      int              pos,
      double          *values)
{
  const KtSampler *s = stream->sampler;
  double z[KT_N_DRIVERS];

  for (int d = 0; d < s->n_drivers; d++)
    {
      const KtSamplerDriver *sd = &s->drivers[d];

      if (s->lhs)
        {
          double u = stream->u[(gsize) d * KT_SAMPLER_BLOCK + pos];

          if (sd->copula >= 0)
            z[sd->copula] = gsl_cdf_ugaussian_Pinv (u);
          else
            values[d] = u;
        }
      else if (sd->copula >= 0)
        z[sd->copula] = gsl_ran_gaussian_ziggurat (stream->rng, 1.0);
      else
        values[d] = kt_distribution_sample (&sd->dist, stream->rng);
    }

  for (int i = 0; i < s->n_copula; i++)
    {
      const double *row = s->cholesky + (gsize) i * s->n_copula;
      double x = 0.0;
      int d = stream->copula_pos[i];

      for (int j = 0; j <= i; j++)
        x += row[j] * z[j];
      values[d] = gsl_cdf_ugaussian_P (x);
    }
}

/* The quantiles of n iterations' probabilities (`stride` values apart), a
 * driver at a time: the PERT tables (64 KiB) have left the cache during the
 * model's evaluations, and in a loop of lookups alone the processor overlaps
 * their misses, where one lookup per draw waited for each. */
static void
finish_draws (const KtSampler *s,
              double          *values,
              int              n,
              gsize            stride)
{
  for (int d = 0; d < s->n_drivers; d++)
    if (by_quantile (s, d))
      {
        const KtDistribution *dist = &s->drivers[d].dist;

        for (int i = 0; i < n; i++)
          values[i * stride + d] = kt_distribution_quantile (dist, values[i * stride + d]);
      }
}

void
kt_sampler_stream_start (KtSamplerStream *stream,
                         guint64          block,
                         int              len)
{
  const KtSampler *s = stream->sampler;

  g_return_if_fail (len >= 1 && len <= KT_SAMPLER_BLOCK);

  kt_rng_set_block (stream->rng, s->seed, block);
  stream->len = len;
  stream->pos = 0;
  if (s->lhs)
    for (int d = 0; d < s->n_drivers; d++)
      kt_lhs_strata (stream->rng, len, stream->u + (gsize) d * KT_SAMPLER_BLOCK, stream->perm);
  /* The whole block at once, in the order of kt_sampler_stream_next calls
   * (so the same generator draws), then the quantiles: the same doubles as
   * a draw at a time, at a fraction of the cache misses. */
  for (int i = 0; i < len; i++)
    draw (stream, i, stream->values + (gsize) i * s->n_drivers);
  finish_draws (s, stream->values, len, s->n_drivers);
}

void
kt_sampler_stream_next (KtSamplerStream *stream,
                        double          *values)
{
  const KtSampler *s = stream->sampler;

  if (stream->pos < stream->len)
    memcpy (values, stream->values + (gsize) stream->pos++ * s->n_drivers,
            sizeof (double) * s->n_drivers);
  else
    {
      /* Past the block, as before: its last strata again (LHS) or new draws. */
      draw (stream, stream->len - 1, values);
      finish_draws (s, values, 1, s->n_drivers);
    }
}

void
kt_sampler_apply (const KtSampler     *sampler,
                  const KtProjectData *data,
                  const double        *values,
                  KtDriverValues      *out)
{
  kt_driver_values_init (out);
  for (int d = 0; d < sampler->n_drivers; d++)
    {
      const KtSamplerDriver *sd = &sampler->drivers[d];
      double v = values[d];

      if (sd->driver == KT_DRIVER_DELAY)
        v = MIN (v, (double) sampler->max_delay);
      else if (sd->mode == KT_DIST_MODE_ABSOLUTE && sd->driver != KT_DRIVER_RD_SUCCESS)
        v /= sd->reference;
      kt_driver_values_set (out, data, sd->driver, v);
    }
}
