/* kt-sampling.c — distributions, random streams and Latin hypercube strata (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <glib/gi18n-lib.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "kt-sampling.h"

G_DEFINE_QUARK (kt-sampling-error-quark, kt_sampling_error)

#define GOLDEN_GAMMA G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

/* Probabilities are kept inside (0, 1) so that unbounded quantiles stay finite. */
#define U_MIN 1e-300
#define U_MAX (1.0 - DBL_EPSILON / 2)

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, KT_SAMPLING_ERROR, KT_SAMPLING_ERROR_PARAMETERS, message);
  return FALSE;
}

static int
compare_pairs (const void *a,
               const void *b)
{
  const double *x = a, *y = b;

  return (x[0] > y[0]) - (x[0] < y[0]);
}

/* Values ascending, equal values merged, so the quantile is a step function
 * increasing in u. */
static gboolean
prepare_discrete (KtDistribution *dist,
                  const double   *values,
                  const double   *probabilities,
                  int             n,
                  GError        **error)
{
  g_autofree double *pairs = g_new (double, 2 * (gsize) n);
  double sum = 0.0, cumulative = 0.0;
  int m = 0;

  for (int i = 0; i < n; i++)
    {
      if (!isfinite (values[i]) || !isfinite (probabilities[i]) || probabilities[i] < 0.0)
        return fail (error,
                     _("Values and probabilities must be finite, probabilities not negative"));
      pairs[2 * i] = values[i];
      pairs[2 * i + 1] = probabilities[i];
      sum += probabilities[i];
    }
  if (fabs (sum - 1.0) > 1e-9)
    return fail (error, _("The probabilities must add up to 1"));
  qsort (pairs, n, 2 * sizeof (double), compare_pairs);

  dist->values = g_new (double, n);
  dist->probabilities = g_new (double, n);
  dist->cumulative = g_new (double, n);
  for (int i = 0; i < n; i++)
    {
      if (m > 0 && pairs[2 * i] == dist->values[m - 1])
        dist->probabilities[m - 1] += pairs[2 * i + 1] / sum;
      else
        {
          dist->values[m] = pairs[2 * i];
          dist->probabilities[m] = pairs[2 * i + 1] / sum;
          m++;
        }
    }
  for (int i = 0; i < m; i++)
    {
      cumulative += dist->probabilities[i];
      dist->cumulative[i] = cumulative;
    }
  dist->cumulative[m - 1] = 1.0;
  dist->n_values = m;
  dist->lo = dist->values[0];
  dist->hi = dist->values[m - 1];
  return TRUE;
}

/* The standard beta quantiles behind a PERT table cost ~140 M instructions
 * (8191 calls of gsl_cdf_beta_Pinv): the last few shapes are kept, so that a
 * second sampler of the same project (the checks, then the run; a run again
 * from the GUI; the tests) pays a copy.  They are GSL's doubles either way. */
#define PERT_CACHE_SIZE 8

typedef struct {
  double  alpha, beta;
  double *q;                 /* KT_PERT_TABLE_SIZE + 1: CLAMP (Pinv (k / size), 0, 1) */
} PertShape;

static GMutex    pert_lock;
static PertShape pert_cache[PERT_CACHE_SIZE];
static guint     pert_next;

/* table[k] = a + (c − a) Pinv (k / KT_PERT_TABLE_SIZE) for 0 < k < size. */
static void
pert_quantiles (double  alpha,
                double  beta,
                double *table,
                double  a,
                double  c)
{
  const double *q = NULL;

  g_mutex_lock (&pert_lock);
  for (int i = 0; i < PERT_CACHE_SIZE && q == NULL; i++)
    if (pert_cache[i].q != NULL && pert_cache[i].alpha == alpha && pert_cache[i].beta == beta)
      q = pert_cache[i].q;
  if (q == NULL)
    {
      PertShape *shape = &pert_cache[pert_next];
      double *fresh = shape->q != NULL ? shape->q : g_new (double, KT_PERT_TABLE_SIZE + 1);

      pert_next = (pert_next + 1) % PERT_CACHE_SIZE;
      fresh[0] = 0.0;
      fresh[KT_PERT_TABLE_SIZE] = 1.0;
      for (int k = 1; k < KT_PERT_TABLE_SIZE; k++)
        {
          double u_k = (double) k / KT_PERT_TABLE_SIZE;
          double x = gsl_cdf_beta_Pinv (u_k, alpha, beta);

          fresh[k] = CLAMP (x, 0.0, 1.0);
        }
      shape->alpha = alpha;
      shape->beta = beta;
      shape->q = fresh;
      q = fresh;
    }
  for (int k = 1; k < KT_PERT_TABLE_SIZE; k++)
    table[k] = a + (c - a) * q[k];
  g_mutex_unlock (&pert_lock);
}

static gboolean
prepare (KtDistribution      *dist,
         const KtUncertainty *u,
         GError             **error)
{
  double a = u->a, b = u->b, c = u->c;

  switch (u->dist)
    {
    case KT_DIST_NORMAL:
      if (!isfinite (a) || !isfinite (b) || b <= 0.0)
        return fail (error, _("The standard deviation (b) must be positive"));
      dist->lo = -INFINITY;
      dist->hi = INFINITY;
      return TRUE;

    case KT_DIST_LOGNORMAL:
      if (!isfinite (a) || !isfinite (b) || b <= 0.0)
        return fail (error, _("The standard deviation (b) must be positive"));
      dist->lo = 0.0;
      dist->hi = INFINITY;
      return TRUE;

    case KT_DIST_UNIFORM:
      if (!isfinite (a) || !isfinite (b) || a >= b)
        return fail (error, _("The minimum (a) must be below the maximum (b)"));
      dist->lo = a;
      dist->hi = b;
      return TRUE;

    case KT_DIST_TRIANGULAR:
    case KT_DIST_PERT:
      if (!isfinite (a) || !isfinite (b) || !isfinite (c) || !(a <= b && b <= c && a < c))
        return fail (error, _("Minimum, mode and maximum (a ≤ b ≤ c, a < c) are out of order"));
      dist->lo = a;
      dist->hi = c;
      dist->cut = (b - a) / (c - a);
      if (u->dist == KT_DIST_PERT)
        {
          dist->alpha = 1.0 + KT_PERT_LAMBDA * (b - a) / (c - a);
          dist->beta = 1.0 + KT_PERT_LAMBDA * (c - b) / (c - a);
          dist->table = g_new (double, KT_PERT_TABLE_SIZE + 1);
          dist->table[0] = a;
          dist->table[KT_PERT_TABLE_SIZE] = c;
          pert_quantiles (dist->alpha, dist->beta, dist->table, a, c);
          /* gsl_cdf_beta_Pinv may return NAN near the ends for extreme shapes;
           * the table must stay monotone. */
          for (int k = 1; k < KT_PERT_TABLE_SIZE; k++)
            if (!(dist->table[k] >= dist->table[k - 1]))
              dist->table[k] = dist->table[k - 1];
        }
      return TRUE;

    case KT_DIST_DISCRETE:
      if (u->values == NULL || u->probabilities == NULL || u->values->len == 0
          || u->values->len != u->probabilities->len)
        return fail (error, _("A discrete distribution needs as many probabilities as values"));
      return prepare_discrete (dist, (const double *) u->values->data,
                               (const double *) u->probabilities->data, (int) u->values->len,
                               error);

    case KT_DIST_BERNOULLI:
      {
        double values[2] = { b, c }, probabilities[2] = { a, 1.0 - a };

        if (!isfinite (a) || a < 0.0 || a > 1.0)
          return fail (error, _("The event probability (a) must be between 0 and 1"));
        return prepare_discrete (dist, values, probabilities, 2, error);
      }

    case KT_N_DISTS:
    default:
      return fail (error, _("Unknown distribution"));
    }
}

gboolean
kt_distribution_init (KtDistribution      *dist,
                      const KtUncertainty *uncertainty,
                      GError             **error)
{
  g_return_val_if_fail (dist != NULL, FALSE);
  g_return_val_if_fail (uncertainty != NULL, FALSE);

  memset (dist, 0, sizeof *dist);
  dist->dist = uncertainty->dist;
  dist->a = uncertainty->a;
  dist->b = uncertainty->b;
  dist->c = uncertainty->c;
  if (!prepare (dist, uncertainty, error))
    {
      kt_distribution_clear (dist);
      return FALSE;
    }
  return TRUE;
}

void
kt_distribution_clear (KtDistribution *dist)
{
  if (dist == NULL)
    return;
  g_clear_pointer (&dist->values, g_free);
  g_clear_pointer (&dist->cumulative, g_free);
  g_clear_pointer (&dist->probabilities, g_free);
  g_clear_pointer (&dist->table, g_free);
  dist->n_values = 0;
}

static inline double
discrete_quantile (const KtDistribution *dist,
                   double                u)
{
  int lo = 0, hi = dist->n_values - 1;

  /* The first value whose cumulative probability reaches u. */
  while (lo < hi)
    {
      int mid = (lo + hi) / 2;

      if (dist->cumulative[mid] >= u)
        hi = mid;
      else
        lo = mid + 1;
    }
  return dist->values[lo];
}

static inline double
triangular_quantile (const KtDistribution *dist,
                     double                u)
{
  double a = dist->a, b = dist->b, c = dist->c;

  if (u < dist->cut)
    return a + sqrt (u * (c - a) * (b - a));
  return c - sqrt ((1.0 - u) * (c - a) * (c - b));
}

double
kt_distribution_quantile (const KtDistribution *dist,
                          double                u)
{
  u = CLAMP (u, U_MIN, U_MAX);
  switch (dist->dist)
    {
    case KT_DIST_NORMAL:
      return dist->a + gsl_cdf_gaussian_Pinv (u, dist->b);
    case KT_DIST_LOGNORMAL:
      return gsl_cdf_lognormal_Pinv (u, dist->a, dist->b);
    case KT_DIST_UNIFORM:
      return dist->a + u * (dist->b - dist->a);
    case KT_DIST_TRIANGULAR:
      return triangular_quantile (dist, u);
    case KT_DIST_PERT:
      {
        double x = u * KT_PERT_TABLE_SIZE;
        int k = MIN ((int) x, KT_PERT_TABLE_SIZE - 1);
        double f = x - k;

        return dist->table[k] + f * (dist->table[k + 1] - dist->table[k]);
      }
    case KT_DIST_DISCRETE:
    case KT_DIST_BERNOULLI:
      return discrete_quantile (dist, u);
    case KT_N_DISTS:
    default:
      return NAN;
    }
}

double
kt_distribution_sample (const KtDistribution *dist,
                        gsl_rng              *rng)
{
  switch (dist->dist)
    {
    case KT_DIST_NORMAL:
      return dist->a + gsl_ran_gaussian_ziggurat (rng, dist->b);
    case KT_DIST_LOGNORMAL:
      return gsl_ran_lognormal (rng, dist->a, dist->b);
    case KT_DIST_UNIFORM:
      return gsl_ran_flat (rng, dist->a, dist->b);
    case KT_DIST_TRIANGULAR:
      /* GSL has no triangular sampler: the inverse CDF is exact. */
      return triangular_quantile (dist, gsl_rng_uniform_pos (rng));
    case KT_DIST_PERT:
      return dist->a + (dist->c - dist->a) * gsl_ran_beta (rng, dist->alpha, dist->beta);
    case KT_DIST_BERNOULLI:
      return gsl_ran_bernoulli (rng, dist->a) ? dist->b : dist->c;
    case KT_DIST_DISCRETE:
      return discrete_quantile (dist, gsl_rng_uniform_pos (rng));
    case KT_N_DISTS:
    default:
      return NAN;
    }
}

double
kt_distribution_cdf (const KtDistribution *dist,
                     double                x)
{
  double a = dist->a, b = dist->b, c = dist->c;

  switch (dist->dist)
    {
    case KT_DIST_NORMAL:
      return gsl_cdf_gaussian_P (x - a, b);
    case KT_DIST_LOGNORMAL:
      return x <= 0.0 ? 0.0 : gsl_cdf_lognormal_P (x, a, b);
    case KT_DIST_UNIFORM:
      return gsl_cdf_flat_P (x, a, b);
    case KT_DIST_TRIANGULAR:
      if (x <= a)
        return 0.0;
      if (x >= c)
        return 1.0;
      if (x <= b)
        return (x - a) * (x - a) / ((c - a) * (b - a));
      return 1.0 - (c - x) * (c - x) / ((c - a) * (c - b));
    case KT_DIST_PERT:
      if (x <= a)
        return 0.0;
      if (x >= c)
        return 1.0;
      return gsl_cdf_beta_P ((x - a) / (c - a), dist->alpha, dist->beta);
    case KT_DIST_DISCRETE:
    case KT_DIST_BERNOULLI:
      {
        double p = 0.0;

        for (int i = 0; i < dist->n_values && dist->values[i] <= x; i++)
          p = dist->cumulative[i];
        return p;
      }
    case KT_N_DISTS:
    default:
      return NAN;
    }
}

double
kt_distribution_mean (const KtDistribution *dist)
{
  double a = dist->a, b = dist->b, c = dist->c, mean = 0.0;

  switch (dist->dist)
    {
    case KT_DIST_NORMAL:
      return a;
    case KT_DIST_LOGNORMAL:
      return exp (a + b * b / 2.0);
    case KT_DIST_UNIFORM:
      return (a + b) / 2.0;
    case KT_DIST_TRIANGULAR:
      return (a + b + c) / 3.0;
    case KT_DIST_PERT:
      return (a + KT_PERT_LAMBDA * b + c) / (KT_PERT_LAMBDA + 2.0);
    case KT_DIST_DISCRETE:
    case KT_DIST_BERNOULLI:
      for (int i = 0; i < dist->n_values; i++)
        mean += dist->values[i] * dist->probabilities[i];
      return mean;
    case KT_N_DISTS:
    default:
      return NAN;
    }
}

guint64
kt_splitmix64 (guint64 *state)
{
  guint64 z = (*state += GOLDEN_GAMMA);

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

guint64
kt_block_seed (guint64 seed,
               guint64 block)
{
  guint64 state = seed;
  guint64 base = kt_splitmix64 (&state);

  /* Stream `block` of a generator keyed by the hashed seed: seeds s and
   * s + γ do not share blocks, as they would with splitmix64 of s alone. */
  state = base + block * GOLDEN_GAMMA;
  return kt_splitmix64 (&state);
}

void
kt_rng_set_block (gsl_rng *rng,
                  guint64  seed,
                  guint64  block)
{
  guint64 h = kt_block_seed (seed, block);

  gsl_rng_set (rng, (unsigned long) ((h ^ (h >> 32)) & 0xffffffffu));
}

void
kt_lhs_strata (gsl_rng *rng,
               int      n,
               double  *u,
               int     *perm)
{
  const gsl_rng_type *type = rng->type;
  unsigned long (*get) (void *) = type->get;
  double (*get_double) (void *) = type->get_double;
  unsigned long range = type->max - type->min;

  g_return_if_fail (n >= 1 && (unsigned long) n <= range);

  for (int i = 0; i < n; i++)
    perm[i] = i;
  /* gsl_ran_shuffle and gsl_rng_uniform_pos, draw for draw (the same
   * generator calls, so the same strata), without their per-call overhead:
   * the generic byte-wise swap and the type lookups were ~1 % of a run. */
  for (int i = n - 1; i > 0; i--)
    {
      unsigned long m = (unsigned long) i + 1, scale = range / m, j;
      int tmp;

      do
        j = (get (rng->state) - type->min) / scale;
      while (j >= m);
      tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
  for (int i = 0; i < n; i++)
    {
      double v;

      do
        v = get_double (rng->state);
      while (v == 0.0);
      u[i] = (perm[i] + v) / n;
    }
}
