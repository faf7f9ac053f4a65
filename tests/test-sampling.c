/* test-sampling.c — distributions vs GSL's CDFs, LHS, copula, nearest PD matrix, statistics
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "kt-correlation.h"
#include "kt-problem.h"
#include "kt-sampler.h"
#include "kt-stats.h"
#include "model-fixture.h"

#define N_DRAWS 100000
/* Kolmogorov–Smirnov at α = 0.001: D < 1.949 / √n. */
#define KS_CRITICAL (1.949 / sqrt ((double) N_DRAWS))

typedef struct {
  const char *name;
  KtDist      dist;
  double      a, b, c;
} Case;

static const Case continuous[] = {
  { "normal", KT_DIST_NORMAL, 1.0, 0.1, 0.0 },
  { "lognormal", KT_DIST_LOGNORMAL, -0.02, 0.15, 0.0 },
  { "uniform", KT_DIST_UNIFORM, 0.9, 1.2, 0.0 },
  { "triangular", KT_DIST_TRIANGULAR, 0.95, 1.0, 1.3 },
  { "triangular-left", KT_DIST_TRIANGULAR, 0.5, 0.5, 1.0 },
  { "pert", KT_DIST_PERT, 0.7, 1.0, 1.15 },
  { "pert-skewed", KT_DIST_PERT, 0.0, 0.05, 1.0 },
};

static KtUncertainty *
add_dist (KtProjectData *data,
          KtDriver       driver,
          KtDist         dist,
          double         a,
          double         b,
          double         c)
{
  KtUncertainty *u = fixture_append_row (data->uncertainties, "uncertainty/distributions");

  u->driver = driver;
  u->dist = dist;
  u->mode = KT_DIST_MODE_MULTIPLIER;
  u->a = a;
  u->b = b;
  u->c = c;
  return u;
}

static void
add_correlation (KtProjectData *data,
                 KtDriver       a,
                 KtDriver       b,
                 double         rho)
{
  KtCorrelation *c = fixture_append_row (data->correlations, "uncertainty/correlations");

  c->a = a;
  c->b = b;
  c->rho = rho;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
ks_statistic (const KtDistribution *dist,
              double               *x,
              int                   n)
{
  double d = 0.0;

  qsort (x, n, sizeof (double), compare_doubles);
  for (int i = 0; i < n; i++)
    {
      double f = kt_distribution_cdf (dist, x[i]);

      d = MAX (d, MAX (f - (double) i / n, (double) (i + 1) / n - f));
    }
  return d;
}

/* Draws N_DRAWS values of a one-driver project through the sampler, block by
 * block as the simulation does. */
static double *
draw_project (const KtProjectData *data,
              gboolean             lhs,
              guint64              seed,
              int                  n_drivers,
              int                  n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KtSampler) sampler = kt_sampler_new (data, seed, lhs, FALSE, NULL, &error);
  g_autoptr (KtSamplerStream) stream = NULL;
  double *out = g_new (double, (gsize) n * n_drivers);

  g_assert_no_error (error);
  g_assert_cmpint (sampler->n_drivers, ==, n_drivers);
  stream = kt_sampler_stream_new (sampler);
  for (int b = 0; b * KT_SAMPLER_BLOCK < n; b++)
    {
      int len = MIN (KT_SAMPLER_BLOCK, n - b * KT_SAMPLER_BLOCK);

      kt_sampler_stream_start (stream, b, len);
      for (int i = 0; i < len; i++)
        kt_sampler_stream_next (stream, out + ((gsize) b * KT_SAMPLER_BLOCK + i) * n_drivers);
    }
  return out;
}

static void
test_ks (gconstpointer user_data)
{
  const Case *c = user_data;

  for (int lhs = 0; lhs <= 1; lhs++)
    {
      KtProjectData data;
      KtDistribution dist;
      KtUncertainty *u;
      g_autoptr (GError) error = NULL;
      g_autofree double *x = NULL;
      double d;

      fixture_project (&data);
      u = add_dist (&data, KT_DRIVER_DEMAND, c->dist, c->a, c->b, c->c);
      kt_distribution_init (&dist, u, &error);
      g_assert_no_error (error);
      x = draw_project (&data, lhs, 20251123, 1, N_DRAWS);
      d = ks_statistic (&dist, x, N_DRAWS);
      g_test_message ("%s %s: D = %g (critical %g)", c->name, lhs ? "LHS" : "plain", d,
                      KS_CRITICAL);
      g_assert_cmpfloat (d, <, KS_CRITICAL);
      /* LHS strata make the empirical CDF far closer than chance would. */
      if (lhs)
        g_assert_cmpfloat (d, <, 1.1e-3 + (c->dist == KT_DIST_PERT ? 2.0 / KT_PERT_TABLE_SIZE
                                                                   : 0.0));
      kt_distribution_clear (&dist);
      kt_project_data_clear (&data);
    }
}

/* Also the samplers used directly (gsl_ran_* for plain draws). */
static void
test_ks_direct (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autofree double *x = g_new (double, N_DRAWS);

  gsl_rng_set (rng, 42);
  for (guint k = 0; k < G_N_ELEMENTS (continuous); k++)
    {
      KtUncertainty u = { KT_DRIVER_DEMAND, continuous[k].dist, KT_DIST_MODE_MULTIPLIER,
                          continuous[k].a, continuous[k].b, continuous[k].c, NULL, NULL };
      KtDistribution dist;
      g_autoptr (GError) error = NULL;

      g_assert_true (kt_distribution_init (&dist, &u, &error));
      for (int i = 0; i < N_DRAWS; i++)
        x[i] = kt_distribution_sample (&dist, rng);
      g_assert_cmpfloat (ks_statistic (&dist, x, N_DRAWS), <, KS_CRITICAL);
      /* quantile ∘ CDF: the PERT table is exact to 1 / KT_PERT_TABLE_SIZE. */
      for (int i = 1; i < 1000; i++)
        {
          double p = i / 1000.0, q = kt_distribution_quantile (&dist, p);

          g_assert_cmpfloat (fabs (kt_distribution_cdf (&dist, q) - p), <=,
                             continuous[k].dist == KT_DIST_PERT ? 1.0 / KT_PERT_TABLE_SIZE : 1e-9);
        }
      kt_distribution_clear (&dist);
    }
  gsl_rng_free (rng);
}

static void
check_frequencies (const double *x,
                   int           n,
                   const double *values,
                   const double *p,
                   int           k,
                   gboolean      lhs)
{
  double chi2 = 0.0;

  for (int j = 0; j < k; j++)
    {
      int count = 0;

      for (int i = 0; i < n; i++)
        count += x[i] == values[j];
      chi2 += (count - n * p[j]) * (count - n * p[j]) / (n * p[j]);
      /* Each block of 1000 strata holds exactly ⌊1000 p⌋ or ⌈1000 p⌉ of them. */
      if (lhs)
        g_assert_cmpfloat (fabs ((double) count / n - p[j]), <=, 1.0 / KT_SAMPLER_BLOCK);
    }
  g_assert_cmpfloat (gsl_cdf_chisq_Q (chi2, k - 1), >, 1e-4);
}

static void
test_discrete (void)
{
  const double values[] = { 0.9, 1.0, 1.05 }, p[] = { 0.25, 0.6, 0.15 };

  for (int lhs = 0; lhs <= 1; lhs++)
    {
      KtProjectData data;
      KtUncertainty *u;
      g_autofree double *x = NULL;
      /* given out of order: the sampler sorts them */
      const double given_values[] = { 1.05, 0.9, 1.0 }, given_p[] = { 0.15, 0.25, 0.6 };

      fixture_project (&data);
      u = add_dist (&data, KT_DRIVER_TARIFF, KT_DIST_DISCRETE, 0, 0, 0);
      g_array_append_vals (u->values, given_values, 3);
      g_array_append_vals (u->probabilities, given_p, 3);
      x = draw_project (&data, lhs, 7, 1, N_DRAWS);
      check_frequencies (x, N_DRAWS, values, p, 3, lhs);
      kt_project_data_clear (&data);
    }
}

static void
test_bernoulli (void)
{
  const double values[] = { 0.0, 2.0 }, p[] = { 0.75, 0.25 };

  for (int lhs = 0; lhs <= 1; lhs++)
    {
      KtProjectData data;
      g_autofree double *x = NULL;

      fixture_project (&data);
      /* p = 0.25 of the event value 2, else 0: a delay of 2 years */
      add_dist (&data, KT_DRIVER_DELAY, KT_DIST_BERNOULLI, 0.25, 2.0, 0.0);
      x = draw_project (&data, lhs, 11, 1, N_DRAWS);
      check_frequencies (x, N_DRAWS, values, p, 2, lhs);
      kt_project_data_clear (&data);
    }
}

static void
test_invalid_parameters (void)
{
  const KtUncertainty bad[] = {
    { KT_DRIVER_CAPEX, KT_DIST_NORMAL, KT_DIST_MODE_MULTIPLIER, 1.0, 0.0, 0.0, NULL, NULL },
    { KT_DRIVER_CAPEX, KT_DIST_LOGNORMAL, KT_DIST_MODE_MULTIPLIER, 0.0, -1.0, 0.0, NULL, NULL },
    { KT_DRIVER_CAPEX, KT_DIST_UNIFORM, KT_DIST_MODE_MULTIPLIER, 2.0, 1.0, 0.0, NULL, NULL },
    { KT_DRIVER_CAPEX, KT_DIST_TRIANGULAR, KT_DIST_MODE_MULTIPLIER, 1.0, 0.5, 2.0, NULL, NULL },
    { KT_DRIVER_CAPEX, KT_DIST_PERT, KT_DIST_MODE_MULTIPLIER, 1.0, 1.0, 1.0, NULL, NULL },
    { KT_DRIVER_CAPEX, KT_DIST_BERNOULLI, KT_DIST_MODE_MULTIPLIER, 1.5, 1.0, 0.0, NULL, NULL },
    { KT_DRIVER_CAPEX, KT_DIST_NORMAL, KT_DIST_MODE_MULTIPLIER, NAN, 1.0, 0.0, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      KtDistribution dist;
      g_autoptr (GError) error = NULL;

      g_assert_false (kt_distribution_init (&dist, &bad[i], &error));
      g_assert_error (error, KT_SAMPLING_ERROR, KT_SAMPLING_ERROR_PARAMETERS);
      g_assert_null (dist.values);
      g_assert_null (dist.table);
    }
}

static void
test_means (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (continuous); k++)
    {
      KtProjectData data;
      KtDistribution dist;
      g_autofree double *x = NULL;
      double mean;

      fixture_project (&data);
      const Case *c = &continuous[k];

      kt_distribution_init (&dist, add_dist (&data, KT_DRIVER_DEMAND, c->dist, c->a, c->b, c->c),
                            NULL);
      x = draw_project (&data, TRUE, 99, 1, N_DRAWS);
      mean = gsl_stats_mean (x, 1, N_DRAWS);
      g_assert_cmpfloat (fabs (mean - kt_distribution_mean (&dist)), <,
                         1e-3 * MAX (1.0, fabs (kt_distribution_mean (&dist))));
      kt_distribution_clear (&dist);
      kt_project_data_clear (&data);
    }
}

static void
test_splitmix (void)
{
  guint64 state = 0;

  /* The reference implementation's first outputs from state 0. */
  g_assert_cmpuint (kt_splitmix64 (&state), ==, G_GUINT64_CONSTANT (0xe220a8397b1dcdaf));
  g_assert_cmpuint (kt_splitmix64 (&state), ==, G_GUINT64_CONSTANT (0x6e789e6aa1b965f4));
  g_assert_cmpuint (kt_block_seed (1, 0), !=, kt_block_seed (1, 1));
  g_assert_cmpuint (kt_block_seed (1, 0), !=, kt_block_seed (2, 0));
  g_assert_cmpuint (kt_block_seed (5, 3), ==, kt_block_seed (5, 3));
}

static void
test_lhs_strata (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  double u[KT_SAMPLER_BLOCK];
  int perm[KT_SAMPLER_BLOCK], seen[KT_SAMPLER_BLOCK] = { 0 };

  kt_lhs_strata (rng, KT_SAMPLER_BLOCK, u, perm);
  for (int i = 0; i < KT_SAMPLER_BLOCK; i++)
    {
      int stratum = (int) floor (u[i] * KT_SAMPLER_BLOCK);

      g_assert_cmpfloat (u[i], >, 0.0);
      g_assert_cmpfloat (u[i], <, 1.0);
      seen[stratum]++;
    }
  for (int i = 0; i < KT_SAMPLER_BLOCK; i++)
    g_assert_cmpint (seen[i], ==, 1);

  /* The strata are those of gsl_ran_shuffle and gsl_rng_uniform_pos, draw
   * for draw: a saved seed gives the numbers it gave before. */
  for (int n = 1; n <= KT_SAMPLER_BLOCK; n += 333)
    {
      gsl_rng *ref = gsl_rng_alloc (gsl_rng_mt19937);
      int ref_perm[KT_SAMPLER_BLOCK];

      gsl_rng_set (rng, 20251001 + n);
      gsl_rng_set (ref, 20251001 + n);
      kt_lhs_strata (rng, n, u, perm);
      for (int i = 0; i < n; i++)
        ref_perm[i] = i;
      gsl_ran_shuffle (ref, ref_perm, n, sizeof (int));
      for (int i = 0; i < n; i++)
        g_assert_cmpfloat (u[i], ==, (ref_perm[i] + gsl_rng_uniform_pos (ref)) / n);
      g_assert_cmpuint (gsl_rng_get (rng), ==, gsl_rng_get (ref));
      gsl_rng_free (ref);
    }
  gsl_rng_free (rng);
}

/* The Gaussian copula: the normal scores Φ⁻¹(F(x)) of the draws have the
 * target correlations, whatever the marginals. */
static void
test_copula (void)
{
  const KtDriver drivers[] = {
    KT_DRIVER_CAPEX, KT_DRIVER_DEMAND, KT_DRIVER_TARIFF, KT_DRIVER_OPEX
  };
  const double target[4][4] = {
    { 1.0, 0.0, 0.0, 0.4 },
    { 0.0, 1.0, -0.3, 0.0 },
    { 0.0, -0.3, 1.0, 0.6 },
    { 0.4, 0.0, 0.6, 1.0 },
  };

  for (int lhs = 0; lhs <= 1; lhs++)
    {
      KtProjectData data;
      KtDistribution dist[4];
      g_autofree double *x = NULL;
      g_autofree double *scores = g_new (double, 4 * (gsize) N_DRAWS);

      fixture_project (&data);
      add_dist (&data, drivers[0], KT_DIST_TRIANGULAR, 0.95, 1.0, 1.3);
      add_dist (&data, drivers[1], KT_DIST_PERT, 0.6, 1.0, 1.2);
      add_dist (&data, drivers[2], KT_DIST_LOGNORMAL, 0.0, 0.1, 0.0);
      add_dist (&data, drivers[3], KT_DIST_NORMAL, 1.0, 0.08, 0.0);
      /* (pointers into the list only once it stops growing) */
      for (int d = 0; d < 4; d++)
        kt_distribution_init (&dist[d], &g_array_index (data.uncertainties, KtUncertainty, d),
                              NULL);
      add_correlation (&data, KT_DRIVER_DEMAND, KT_DRIVER_TARIFF, -0.3);
      add_correlation (&data, KT_DRIVER_OPEX, KT_DRIVER_CAPEX, 0.4);
      add_correlation (&data, KT_DRIVER_TARIFF, KT_DRIVER_OPEX, 0.6);
      x = draw_project (&data, lhs, 2026, 4, N_DRAWS);
      for (int i = 0; i < N_DRAWS; i++)
        for (int d = 0; d < 4; d++)
          {
            double p = kt_distribution_cdf (&dist[d], x[(gsize) i * 4 + d]);

            scores[(gsize) d * N_DRAWS + i] = gsl_cdf_ugaussian_Pinv (CLAMP (p, 1e-12, 1 - 1e-12));
          }
      for (int a = 0; a < 4; a++)
        for (int b = a + 1; b < 4; b++)
          {
            double r = gsl_stats_correlation (scores + (gsize) a * N_DRAWS, 1,
                                              scores + (gsize) b * N_DRAWS, 1, N_DRAWS);

            g_test_message ("%s rho(%d,%d) = %.4f, target %.2f", lhs ? "LHS" : "plain", a, b, r,
                            target[a][b]);
            g_assert_cmpfloat (fabs (r - target[a][b]), <=, 0.02);
          }
      for (int d = 0; d < 4; d++)
        kt_distribution_clear (&dist[d]);
      kt_project_data_clear (&data);
    }
}

static gsl_matrix *
matrix_of (const double *v,
           int           n)
{
  gsl_matrix *m = gsl_matrix_alloc (n, n);

  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
      gsl_matrix_set (m, i, j, v[i * n + j]);
  return m;
}

static void
assert_valid_correlation (const gsl_matrix *m)
{
  gsl_matrix *l = kt_correlation_cholesky (m);

  g_assert_nonnull (l);
  gsl_matrix_free (l);
  for (size_t i = 0; i < m->size1; i++)
    {
      g_assert_cmpfloat (gsl_matrix_get (m, i, i), ==, 1.0);
      for (size_t j = 0; j < m->size2; j++)
        {
          g_assert_cmpfloat (gsl_matrix_get (m, i, j), ==, gsl_matrix_get (m, j, i));
          g_assert_cmpfloat (fabs (gsl_matrix_get (m, i, j)), <=, 1.0);
        }
    }
}

static void
test_nearest (void)
{
  /* Higham (2002), §4: the nearest correlation matrix to this one. */
  const double a[] = { 1, 1, 0, 1, 1, 1, 0, 1, 1 };
  const double expected[] = { 1, 0.7607, 0.1573, 0.7607, 1, 0.7607, 0.1573, 0.7607, 1 };
  const double contradictory[] = { 1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1 };
  const double valid[] = { 1, 0.3, -0.2, 0.3, 1, 0.1, -0.2, 0.1, 1 };
  gsl_matrix *m, *n;

  m = matrix_of (a, 3);
  g_assert_null (kt_correlation_cholesky (m));
  n = kt_correlation_nearest (m, KT_CORRELATION_MIN_EIGEN);
  assert_valid_correlation (n);
  for (int i = 0; i < 9; i++)
    g_assert_cmpfloat (fabs (n->data[i] - expected[i]), <, 1e-3);
  gsl_matrix_free (m);
  gsl_matrix_free (n);

  m = matrix_of (contradictory, 3);
  g_assert_null (kt_correlation_cholesky (m));
  n = kt_correlation_nearest (m, KT_CORRELATION_MIN_EIGEN);
  assert_valid_correlation (n);
  gsl_matrix_free (m);
  gsl_matrix_free (n);

  /* Already valid: (nearly) unchanged. */
  m = matrix_of (valid, 3);
  n = kt_correlation_nearest (m, KT_CORRELATION_MIN_EIGEN);
  for (int i = 0; i < 9; i++)
    g_assert_cmpfloat (fabs (n->data[i] - valid[i]), <, 1e-9);
  gsl_matrix_free (m);
  gsl_matrix_free (n);
}

static void
test_not_pd_project (void)
{
  KtProjectData data;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KtSampler) sampler = NULL;
  g_autoptr (GArray) pairs = NULL;
  const KtProblem *found = NULL;

  fixture_project (&data);
  add_dist (&data, KT_DRIVER_CAPEX, KT_DIST_NORMAL, 1.0, 0.1, 0.0);
  add_dist (&data, KT_DRIVER_DEMAND, KT_DIST_NORMAL, 1.0, 0.1, 0.0);
  add_dist (&data, KT_DRIVER_TARIFF, KT_DIST_NORMAL, 1.0, 0.1, 0.0);
  add_correlation (&data, KT_DRIVER_CAPEX, KT_DRIVER_DEMAND, 0.9);
  add_correlation (&data, KT_DRIVER_CAPEX, KT_DRIVER_TARIFF, 0.9);
  add_correlation (&data, KT_DRIVER_DEMAND, KT_DRIVER_TARIFF, -0.9);

  g_assert_false (kt_correlation_check (&data, problems));
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (((KtProblem *) problems->pdata[i])->code, "correlation_not_pd") == 0)
      found = problems->pdata[i];
  g_assert_nonnull (found);
  g_assert_cmpint (found->severity, ==, KT_SEVERITY_ERROR);
  g_assert_cmpstr (found->where, ==, "uncertainty/correlations");

  /* The offered fix is a valid matrix. */
  pairs = kt_correlation_nearest_pairs (&data);
  g_assert_nonnull (pairs);
  g_assert_cmpuint (pairs->len, ==, 3);
  {
    KtProjectData fixed;
    KtDriver drivers[KT_N_DRIVERS];
    gsl_matrix *m, *l;

    kt_project_data_copy (&fixed, &data);
    g_array_set_size (fixed.correlations, 0);
    g_array_append_vals (fixed.correlations, pairs->data, pairs->len);
    g_assert_cmpint (kt_correlation_drivers (&fixed, drivers), ==, 3);
    m = kt_correlation_matrix_new (&fixed, drivers, 3);
    l = kt_correlation_cholesky (m);
    g_assert_nonnull (l);
    gsl_matrix_free (l);
    gsl_matrix_free (m);
    g_assert_null (kt_correlation_nearest_pairs (&fixed));
    kt_project_data_clear (&fixed);
  }

  /* The sampler refuses it, or takes the nearest when asked to. */
  sampler = kt_sampler_new (&data, 1, FALSE, FALSE, NULL, &error);
  g_assert_null (sampler);
  g_assert_error (error, KT_SAMPLER_ERROR, KT_SAMPLER_ERROR_CORRELATION);
  g_clear_error (&error);
  g_ptr_array_set_size (problems, 0);
  sampler = kt_sampler_new (&data, 1, FALSE, TRUE, problems, &error);
  g_assert_no_error (error);
  g_assert_true (sampler->nearest_used);
  g_assert_cmpint (sampler->n_copula, ==, 3);
  kt_project_data_clear (&data);
}

static void
test_correlation_problems (void)
{
  KtProjectData data;
  g_autoptr (GPtrArray) problems = kt_problems_new ();

  fixture_project (&data);
  add_dist (&data, KT_DRIVER_CAPEX, KT_DIST_NORMAL, 1.0, 0.1, 0.0);
  add_correlation (&data, KT_DRIVER_CAPEX, KT_DRIVER_DEMAND, 0.5);   /* demand has none */
  add_correlation (&data, KT_DRIVER_CAPEX, KT_DRIVER_OPEX, 1.5);     /* out of range */
  g_assert_false (kt_correlation_check (&data, problems));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((KtProblem *) problems->pdata[0])->code, ==,
                   "correlation_without_distribution");
  g_assert_cmpstr (((KtProblem *) problems->pdata[0])->where, ==, "uncertainty/correlations/1");
  g_assert_cmpstr (((KtProblem *) problems->pdata[1])->code, ==, "correlation_range");
  kt_project_data_clear (&data);
}

/* ---- statistics ---- */

static void
test_sort (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsize n = 50000, m;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    x[i] = (gsl_rng_uniform (rng) - 0.5) * pow (10.0, gsl_rng_uniform_int (rng, 30) - 10.0);
  x[3] = NAN;
  x[7] = INFINITY;
  x[11] = -0.0;
  x[12] = 0.0;
  x[13] = -INFINITY;
  memcpy (y, x, n * sizeof (double));
  m = kt_stats_sort_finite (x, n, NULL);
  g_assert_cmpuint (m, ==, n - 3);
  {
    gsize k = 0;

    for (gsize i = 0; i < n; i++)
      if (isfinite (y[i]))
        y[k++] = y[i];
    qsort (y, k, sizeof (double), compare_doubles);
  }
  for (gsize i = 0; i < m; i++)
    g_assert_cmpfloat (x[i], ==, y[i]);
  gsl_rng_free (rng);
}

static int
compare_keys (const void *a,
              const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  /* −0 before +0, as the radix sort's keys order them. */
  if (x != y)
    return (x > y) - (x < y);
  return (signbit (y) != 0) - (signbit (x) != 0);
}

/* Values that agree in their top bits (the radix sort's first passes) and
 * differ below, in runs short and long; ties; both zeros; non-finite values. */
static void
test_sort_close (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsize n = 60000;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree double *ranks = g_new (double, n);
  g_autofree double *ranks_too = g_new (double, n);

  for (int round = 0; round < 4; round++)
    {
      gsize m, k = 0;

      for (gsize i = 0; i < n; i++)
        {
          double base = round == 3 ? -1.5e10 : 1.25 * (1 + (int) (i % 7));
          guint64 u;

          memcpy (&u, &base, sizeof u);
          /* round 0: runs of ≤ 40 per top-bit group; 1: a few thousand; 2, 3: mixed */
          u += round == 0 ? gsl_rng_uniform_int (rng, 40)
               : round == 1 ? gsl_rng_uniform_int (rng, 1u << 30)
               : gsl_rng_uniform_int (rng, 1u << (1 + i % 31));
          memcpy (&x[i], &u, sizeof u);
          if (i % 97 == 0)
            x[i] = i % 2 ? -0.0 : 0.0;
        }
      x[5] = NAN;
      x[6] = -INFINITY;
      memcpy (y, x, n * sizeof (double));
      for (gsize i = 0; i < n; i++)
        if (isfinite (y[i]))
          y[k++] = y[i];
      qsort (y, k, sizeof (double), compare_keys);

      kt_stats_ranks (x, n, ranks);
      m = kt_stats_ranks_sort (x, n, ranks_too, x);
      g_assert_cmpuint (m, ==, k);
      g_assert_cmpmem (x, m * sizeof (double), y, k * sizeof (double));
      g_assert_cmpmem (ranks, n * sizeof (double), ranks_too, n * sizeof (double));

      memcpy (x, y, k * sizeof (double));
      for (gsize i = 0; i < k; i++)
        {
          gsize j = gsl_rng_uniform_int (rng, k - i) + i;
          double t = x[i];

          x[i] = x[j];
          x[j] = t;
        }
      m = kt_stats_sort_finite (x, k, NULL);
      g_assert_cmpmem (x, m * sizeof (double), y, k * sizeof (double));
    }
  gsl_rng_free (rng);
}

/* A second table of the same PERT shape (the cache) is the first one. */
static void
test_pert_table (void)
{
  KtUncertainty u = { KT_DRIVER_DEMAND, KT_DIST_PERT, KT_DIST_MODE_MULTIPLIER, 0.5, 1.0, 2.0,
                      NULL, NULL };
  KtUncertainty v = u;
  KtDistribution a, b;

  /* The same shape exactly: (b − a) / (c − a) = 1 / 3 both times. */
  v.a = 10.5;
  v.b = 11.0;
  v.c = 12.0;
  g_assert_true (kt_distribution_init (&a, &u, NULL));
  g_assert_true (kt_distribution_init (&b, &v, NULL));
  for (int k = 1; k < KT_PERT_TABLE_SIZE; k += 97)
    {
      double q = gsl_cdf_beta_Pinv ((double) k / KT_PERT_TABLE_SIZE, a.alpha, a.beta);

      g_assert_cmpfloat (a.alpha, ==, b.alpha);
      g_assert_cmpfloat (a.table[k], ==, 0.5 + (2.0 - 0.5) * CLAMP (q, 0.0, 1.0));
      g_assert_cmpfloat (b.table[k], ==, 10.5 + (12.0 - 10.5) * CLAMP (q, 0.0, 1.0));
    }
  kt_distribution_clear (&b);
  g_assert_true (kt_distribution_init (&b, &u, NULL));
  g_assert_cmpmem (a.table, sizeof (double) * (KT_PERT_TABLE_SIZE + 1),
                   b.table, sizeof (double) * (KT_PERT_TABLE_SIZE + 1));
  kt_distribution_clear (&a);
  kt_distribution_clear (&b);
}

static void
test_summary_and_top_k (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsize n = 12345;
  g_autofree double *x = g_new (double, n);
  KtTopK top[3];
  KtMoments parts[3] = { { 0 } }, total = { 0 };
  KtSummary s;

  for (int w = 0; w < 3; w++)
    kt_top_k_init (&top[w], kt_top_k_size_for (n, 0.95));
  for (gsize i = 0; i < n; i++)
    {
      x[i] = gsl_rng_uniform (rng) < 0.7 ? 0.0 : gsl_ran_gaussian_ziggurat (rng, 5.0) + 10.0;
      kt_top_k_push (&top[i % 3], x[i]);
      kt_moments_add (&parts[i % 3], x[i]);
    }
  for (int w = 1; w < 3; w++)
    kt_top_k_merge (&top[0], &top[w]);
  for (int w = 0; w < 3; w++)
    kt_moments_merge (&total, &parts[w]);

  qsort (x, n, sizeof (double), compare_doubles);
  kt_summary_from_sorted (x, n, 0, &s);
  g_assert_cmpfloat (s.mean, ==, s.mean);
  g_assert_cmpfloat (fabs (s.mean - gsl_stats_mean (x, 1, n)), <, 1e-12);
  g_assert_cmpfloat (fabs (s.sd - gsl_stats_sd (x, 1, n)), <, 1e-12);
  g_assert_cmpfloat (s.p95, ==, gsl_stats_quantile_from_sorted_data (x, 1, n, 0.95));
  g_assert_cmpfloat (kt_top_k_quantile (&top[0], n, 0.95), ==, s.p95);
  g_assert_cmpfloat (fabs (total.mean - s.mean), <, 1e-12);
  g_assert_cmpfloat (fabs (sqrt (total.m2 / (total.n - 1)) - s.sd), <, 1e-12);
  {
    gsize below = 0, zero_or_below = 0;

    for (gsize i = 0; i < n; i++)
      {
        below += x[i] < 0.0;
        zero_or_below += x[i] <= 0.0;
      }
    g_assert_cmpfloat (kt_stats_share_below (x, n, 0.0), ==, (double) below / n);
    g_assert_cmpfloat (kt_stats_share_below (x, n, 1e-300), ==, (double) zero_or_below / n);
  }
  for (int w = 0; w < 3; w++)
    kt_top_k_clear (&top[w]);

  {
    gsl_histogram *h = kt_stats_histogram (x, n, 20);
    double x_cdf[11], p_cdf[11];

    g_assert_cmpfloat (gsl_histogram_sum (h), ==, (double) n);
    gsl_histogram_free (h);
    kt_stats_cdf (x, n, 11, x_cdf, p_cdf);
    g_assert_cmpfloat (x_cdf[0], ==, x[0]);
    g_assert_cmpfloat (x_cdf[10], ==, x[n - 1]);
    for (int k = 1; k < 11; k++)
      g_assert_cmpfloat (x_cdf[k], >=, x_cdf[k - 1]);
  }
  gsl_rng_free (rng);
}

static void
test_spearman (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsize n = 5000;
  g_autofree double *a = g_new (double, n);
  g_autofree double *b = g_new (double, n);
  g_autofree double *work = g_new (double, 2 * n);

  for (gsize i = 0; i < n; i++)
    {
      a[i] = floor (gsl_rng_uniform (rng) * 20.0);   /* many ties */
      b[i] = a[i] * 0.5 + gsl_ran_gaussian (rng, 3.0);
    }
  g_assert_cmpfloat (fabs (kt_stats_spearman (a, b, n, NULL)
                           - gsl_stats_spearman (a, 1, b, 1, n, work)), <, 1e-12);
  gsl_rng_free (rng);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gsl_set_error_handler_off ();

  for (guint i = 0; i < G_N_ELEMENTS (continuous); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/sampling/ks/%s", continuous[i].name);

      g_test_add_data_func (path, &continuous[i], test_ks);
    }
  g_test_add_func ("/core/sampling/ks-direct", test_ks_direct);
  g_test_add_func ("/core/sampling/discrete", test_discrete);
  g_test_add_func ("/core/sampling/bernoulli", test_bernoulli);
  g_test_add_func ("/core/sampling/invalid", test_invalid_parameters);
  g_test_add_func ("/core/sampling/means", test_means);
  g_test_add_func ("/core/sampling/splitmix", test_splitmix);
  g_test_add_func ("/core/sampling/lhs-strata", test_lhs_strata);
  g_test_add_func ("/core/sampling/copula", test_copula);
  g_test_add_func ("/core/sampling/nearest-pd", test_nearest);
  g_test_add_func ("/core/sampling/not-pd-project", test_not_pd_project);
  g_test_add_func ("/core/sampling/correlation-problems", test_correlation_problems);
  g_test_add_func ("/core/stats/sort", test_sort);
  g_test_add_func ("/core/stats/sort-close", test_sort_close);
  g_test_add_func ("/core/sampling/pert-table", test_pert_table);
  g_test_add_func ("/core/stats/summary-top-k", test_summary_and_top_k);
  g_test_add_func ("/core/stats/spearman", test_spearman);
  return g_test_run ();
}
