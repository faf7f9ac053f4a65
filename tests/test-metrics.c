/* test-metrics.c — kt-metrics: NPV, IRR, MIRR and payback of bare series (MODEL.md §1, §8)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "kt-metrics.h"

#define N_OF(a) G_N_ELEMENTS (a)

/* Roots are polished to a bracket of 1e-12 (MODEL.md §1). */
#define ROOT_TOL 1e-10

static void
assert_close (double got,
              double expected,
              double tolerance)
{
  if (!(fabs (got - expected) <= tolerance))
    g_error ("got %.17g, expected %.17g (tolerance %g)", got, expected, tolerance);
}

static void
assert_rel (double got,
            double expected)
{
  assert_close (got, expected, 1e-9 * MAX (1.0, fabs (expected)));
}

static void
assert_irr (const double *flows,
            gsize         n,
            double        reference,
            KtIrrStatus   status,
            const double *roots,
            int           n_roots,
            double        irr)
{
  KtIrrResult result;

  kt_irr (flows, n, reference, &result);
  g_assert_cmpint (result.status, ==, status);
  g_assert_cmpint (result.n_roots, ==, n_roots);
  for (int i = 0; i < n_roots; i++)
    assert_close (result.roots[i], roots[i], ROOT_TOL);
  if (isnan (irr))
    g_assert_true (isnan (result.irr));
  else
    assert_close (result.irr, irr, ROOT_TOL);
}

/* NPV */

static void
test_npv_hand (void)
{
  /* −1000 + 500/1.1 + 600/1.21 = (−1210 + 550 + 600)/1.21 = −60/1.21 */
  const double a[] = { -1000, 500, 600 };
  /* At 0 % the sum of the flows; year 0 is never discounted. */
  const double b[] = { 250 };

  assert_rel (kt_npv (a, N_OF (a), 0.10), -60.0 / 1.21);
  assert_rel (kt_npv (a, N_OF (a), 0.0), 100.0);
  /* At −50 % every year doubles: −1000 + 1000 + 2400. */
  assert_rel (kt_npv (a, N_OF (a), -0.5), 2400.0);
  g_assert_cmpfloat (kt_npv (b, 1, 0.3), ==, 250.0);
  g_assert_cmpfloat (kt_npv (NULL, 0, 0.1), ==, 0.0);
  g_assert_true (isnan (kt_npv (a, N_OF (a), -1.0)));
  g_assert_true (isnan (kt_npv (a, N_OF (a), -2.0)));
  g_assert_true (isnan (kt_npv (a, N_OF (a), NAN)));
}

static void
test_npv_reference (void)
{
  /* Microsoft Excel, NPV function, example 1: NPV(10%, −10000, 3000, 4200,
   * 6800) = 1 188.44, the first value one year away, so a 0 in year 0 here. */
  const double excel1[] = { 0, -10000, 3000, 4200, 6800 };
  /* Example 2: NPV(8%, 8000 … 14500) + (−40000) = 1 922.06, and with a
   * further −9000 in year 6, −3 749.47. */
  const double excel2[] = { -40000, 8000, 9200, 10000, 12000, 14500, -9000 };
  /* numpy-financial test_npv: npv(0.05, …) = 122.894854950942692161628715. */
  const double numpy1[] = { -15000, 1500, 2500, 3500, 4500, 6000 };

  /* Exact values to 1e-9 relative: computed with 60-digit decimals. */
  assert_rel (kt_npv (excel1, N_OF (excel1), 0.10), 1188.4434123352230038931767);
  assert_rel (kt_npv (excel2, 6, 0.08), 1922.0615549323722008930715);
  assert_rel (kt_npv (excel2, 7, 0.08), -3749.4650870155708259404938);
  assert_rel (kt_npv (numpy1, N_OF (numpy1), 0.05), 122.894854950942692161628715);
}

/* Horner's scheme against the textbook sum of CF_t (1 + r)^−t. */
static void
test_npv_against_powers (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);

  for (int k = 0; k < 2000; k++)
    {
      double flows[40], sum = 0.0, magnitude = 0.0;
      gsize n = (gsize) g_rand_int_range (rand, 1, 41);
      double rate = g_rand_double_range (rand, -0.9, 3.0);

      for (gsize t = 0; t < n; t++)
        {
          flows[t] = g_rand_double_range (rand, -1e9, 1e9);
          sum += flows[t] * pow (1.0 + rate, -(double) t);
          magnitude += fabs (flows[t]) * pow (1.0 + rate, -(double) t);
        }
      assert_close (kt_npv (flows, n, rate), sum, 1e-13 * magnitude);
    }
}

/* IRR: hand-checked and published examples */

static void
test_irr_hand (void)
{
  /* −100 + 110/(1 + r) = 0 ⇔ r = 10 %. */
  const double a[] = { -100, 110 };
  /* 121/(1 + r)² = 100 ⇔ 1 + r = 1.1. */
  const double b[] = { -100, 0, 121 };
  /* With x = 1/(1 + r): 600x² + 500x − 1000 = 0, x = (√2 650 000 − 500)/1200,
   * r = 1200/(√2 650 000 − 500) − 1 = 6.394 …%. */
  const double c[] = { -1000, 500, 600 };
  double rb[] = { 0.10 }, rc[] = { 1200.0 / (sqrt (2650000.0) - 500.0) - 1.0 };

  assert_irr (a, N_OF (a), 0.1, KT_IRR_UNIQUE, rb, 1, 0.10);
  assert_irr (b, N_OF (b), 0.1, KT_IRR_UNIQUE, rb, 1, 0.10);
  assert_irr (c, N_OF (c), 0.1, KT_IRR_UNIQUE, rc, 1, rc[0]);
}

static void
test_irr_excel (void)
{
  /* Microsoft Excel, IRR function: five years of income give 8.66 %, four
   * give −2.1 %, two give −44.4 % (Excel needs a guess there; the scan does
   * not).  Exact roots from 60-digit bisection. */
  const double flows[] = { -70000, 12000, 15000, 18000, 21000, 26000 };
  double r6[] = { 0.086630948036531614 };
  double r5[] = { -0.021244848273410991 };
  double r3[] = { -0.44350694133474054 };

  assert_irr (flows, 6, 0.10, KT_IRR_UNIQUE, r6, 1, r6[0]);
  assert_irr (flows, 5, 0.10, KT_IRR_UNIQUE, r5, 1, r5[0]);
  assert_irr (flows, 3, 0.10, KT_IRR_UNIQUE, r3, 1, r3[0]);
}

static void
test_irr_numpy_financial (void)
{
  /* numpy-financial tests/test_financial.py, TestIrr (their expected values to
   * 2–5 decimals; here every real root in (−0.99, 10], to 1e-10). */
  const double v1[] = { -150000, 15000, 25000, 35000, 45000, 60000 };   /* 0.0524 */
  const double v2[] = { -100, 0, 0, 74 };                               /* −0.0955 */
  const double v3[] = { -100, 39, 59, 55, 20 };                         /* 0.28095 */
  const double v4[] = { -100, 100, 0, -7 };                             /* −0.0833 */
  const double v5[] = { -100, 100, 0, 7 };                              /* 0.06206 */
  const double v6[] = { -5, 10.5, 1, -8, 1 };                           /* 0.0886 */
  const double v6z[] = { -5, 10.5, 1, -8, 1, 0, 0, 0 };                 /* trailing zeros */
  const double v7[] = { -40000, 5000, 8000, 12000, 30000 };             /* NPV(IRR) = 0 */
  const double gh44[] = { -1678.87, 771.96, 1814.05, 3520.30, 3552.95, 3584.99,
                          4789.91, -1 };                                /* 1.00426 */
  const double gh39[] = {
    -217500.0, -217500.0, 108466.80462450592, 101129.96439328062,
    93793.12416205535, 86456.28393083003, 79119.44369960476,
    71782.60346837944, 64445.76323715414, 57108.92300592884,
    49772.08277470355, 42435.24254347826, 35098.40231225296,
    27761.56208102766, 20424.721849802358, 13087.88161857707,
    5751.041387351768, -1585.7988438735192, -8922.639075098821,
    -16259.479306324123, -23596.31953754941, -30933.159768774713,
    -38270.0, -45606.8402312253, -52943.680462450604,
    -60280.520693675906, -67617.36092490121,
  };                                                                    /* 0.12 */
  const double up[] = { 1, 2, 3 }, down[] = { -1, -2, -3 };
  double r1[] = { 0.052432888859414103 };
  double r2[] = { -0.095495830348972520 };
  double r3[] = { 0.28094842115996110 };
  /* Two roots: numpy reports the one near 0, and so does a reference of 0. */
  double r4[] = { -0.67889437363238652, -0.083299666184932686 };
  double r5[] = { 0.062058485629929460 };
  double r6[] = { -0.87020124748474118, 0.088598338527755346, 0.70955952768618357 };
  double r7[] = { 0.10582259840890166 };
  double r44[] = { 1.0042698487205579 };
  double r39[] = { -0.018096786473963784, 0.12000000000000101 };

  assert_irr (v1, N_OF (v1), 0.0, KT_IRR_UNIQUE, r1, 1, r1[0]);
  assert_irr (v2, N_OF (v2), 0.0, KT_IRR_UNIQUE, r2, 1, r2[0]);
  assert_irr (v3, N_OF (v3), 0.0, KT_IRR_UNIQUE, r3, 1, r3[0]);
  assert_irr (v4, N_OF (v4), 0.0, KT_IRR_MULTIPLE, r4, 2, r4[1]);
  assert_irr (v5, N_OF (v5), 0.0, KT_IRR_UNIQUE, r5, 1, r5[0]);
  assert_irr (v6, N_OF (v6), 0.0, KT_IRR_MULTIPLE, r6, 3, r6[1]);
  assert_irr (v6z, N_OF (v6z), 0.0, KT_IRR_MULTIPLE, r6, 3, r6[1]);
  assert_irr (v7, N_OF (v7), 0.0, KT_IRR_UNIQUE, r7, 1, r7[0]);
  assert_close (kt_npv (v7, N_OF (v7), r7[0]), 0.0, 1e-6);
  assert_irr (gh44, N_OF (gh44), 0.0, KT_IRR_UNIQUE, r44, 1, r44[0]);
  /* numpy reports 0.12; the WACC-like reference 10 % picks it here too. */
  assert_irr (gh39, N_OF (gh39), 0.10, KT_IRR_MULTIPLE, r39, 2, r39[1]);
  assert_irr (up, N_OF (up), 0.0, KT_IRR_NONE, NULL, 0, NAN);
  assert_irr (down, N_OF (down), 0.0, KT_IRR_NONE, NULL, 0, NAN);
}

static void
test_irr_multiple (void)
{
  /* 6x³ − 11x² + 6x − 1 = (x − 1)(2x − 1)(3x − 1), x = 1/(1 + r): r = 0, 1, 2.
   * r = 0 and r = 1 are grid points where Horner's scheme gives exactly 0. */
  const double cubic[] = { -1, 6, -11, 6 };
  /* −100 + 230x − 132x² = 0 ⇔ x = (230 ± 10)/264: r = 10 % and 20 %. */
  const double quad[] = { -100, 230, -132 };
  double rc[] = { 0.0, 1.0, 2.0 };
  double rq[] = { 0.10, 0.20 };
  KtIrrResult result;

  assert_irr (cubic, N_OF (cubic), 0.9, KT_IRR_MULTIPLE, rc, 3, 1.0);
  assert_irr (cubic, N_OF (cubic), 5.0, KT_IRR_MULTIPLE, rc, 3, 2.0);
  kt_irr (cubic, N_OF (cubic), 0.0, &result);
  g_assert_cmpfloat (result.roots[0], ==, 0.0);
  g_assert_cmpfloat (result.roots[1], ==, 1.0);

  assert_irr (quad, N_OF (quad), 0.14, KT_IRR_MULTIPLE, rq, 2, 0.10);
  assert_irr (quad, N_OF (quad), 0.16, KT_IRR_MULTIPLE, rq, 2, 0.20);
  assert_irr (quad, N_OF (quad), -5.0, KT_IRR_MULTIPLE, rq, 2, 0.10);
  assert_irr (quad, N_OF (quad), 9.0, KT_IRR_MULTIPLE, rq, 2, 0.20);
}

static void
test_irr_nearest_tie (void)
{
  /* Roots exactly 0 and 1 (above): 0.5 is as far from both; the lower wins. */
  const double cubic[] = { -1, 6, -11, 6 };
  KtIrrResult result;

  kt_irr (cubic, N_OF (cubic), 0.5, &result);
  g_assert_cmpfloat (result.irr, ==, 0.0);
  /* No reference (NAN) ranks from 0. */
  kt_irr (cubic, N_OF (cubic), NAN, &result);
  g_assert_cmpfloat (result.irr, ==, 0.0);
}

static void
test_irr_none (void)
{
  /* 1 − 3x + 3x² has discriminant 9 − 12 < 0: no real root at all. */
  const double no_real[] = { 1, -3, 3 };
  const double positive[] = { 5, 7, 1 };
  const double negative[] = { -5, -7, -1 };
  const double zeros[] = { 0, 0, 0 };
  const double single[] = { -100 };
  /* Root at r = −0.999999999…: outside (−0.99, 10] (numpy-financial gh-15 finds it). */
  const double below[] = { -3000.0, 2.3926932267015667e-07, 4.1672087103345505e-16 };
  /* −1 + 12/(1 + r): r = 11, beyond 10. */
  const double above[] = { -1, 12 };

  assert_irr (no_real, N_OF (no_real), 0.1, KT_IRR_NONE, NULL, 0, NAN);
  assert_irr (positive, N_OF (positive), 0.1, KT_IRR_NONE, NULL, 0, NAN);
  assert_irr (negative, N_OF (negative), 0.1, KT_IRR_NONE, NULL, 0, NAN);
  assert_irr (zeros, N_OF (zeros), 0.1, KT_IRR_NONE, NULL, 0, NAN);
  assert_irr (single, N_OF (single), 0.1, KT_IRR_NONE, NULL, 0, NAN);
  assert_irr (NULL, 0, 0.1, KT_IRR_NONE, NULL, 0, NAN);
  assert_irr (below, N_OF (below), 0.1, KT_IRR_NONE, NULL, 0, NAN);
  assert_irr (above, N_OF (above), 0.1, KT_IRR_NONE, NULL, 0, NAN);
}

/* A grid point where NPV is exactly 0 is a root, and the intervals on either
 * side are not bracketed again (MODEL.md §1). */
static void
test_irr_grid_zero (void)
{
  /* −1 + x: exactly 0 at r = 0, positive below, negative above. */
  const double a[] = { -1, 1 };
  /* The same with leading and trailing zero years. */
  const double b[] = { 0, 0, -1, 1, 0 };
  double r0[] = { 0.0 };
  KtIrrResult result;

  assert_irr (a, N_OF (a), 0.5, KT_IRR_UNIQUE, r0, 1, 0.0);
  kt_irr (a, N_OF (a), 0.5, &result);
  g_assert_cmpfloat (result.roots[0], ==, 0.0);
  assert_irr (b, N_OF (b), 0.5, KT_IRR_UNIQUE, r0, 1, 0.0);
}

/* The end points −0.99 and 10 of the grid count when NPV is exactly 0 there:
 * CF_0 = −x̂ and CF_1 = 1, with x̂ the double the scan computes for the end
 * point, give Horner's 1 · x̂ − x̂ = 0 exactly. */
static void
test_irr_grid_ends (void)
{
  volatile double r_low = -0.99, r_high = 10.0;
  double low[] = { -1.0 / (1.0 + r_low), 1 };
  double high[] = { -1.0 / (1.0 + r_high), 1 };
  KtIrrResult result;

  g_assert_cmpfloat (kt_npv (low, 2, -0.99), ==, 0.0);
  kt_irr (low, 2, 0.1, &result);
  g_assert_cmpint (result.status, ==, KT_IRR_UNIQUE);
  g_assert_cmpfloat (result.roots[0], ==, -0.99);

  g_assert_cmpfloat (kt_npv (high, 2, 10.0), ==, 0.0);
  kt_irr (high, 2, 0.1, &result);
  g_assert_cmpint (result.status, ==, KT_IRR_UNIQUE);
  g_assert_cmpfloat (result.roots[0], ==, 10.0);
}

/* A root where NPV touches 0 without a sign change between grid points is not
 * reported.  With y = 1 + r, (y − y₀)² = y² − 2y₀y + y₀² is NPV · y² for the
 * flows 1, −2y₀, y₀²; y₀ = 1.100025 is half-way between the grid points
 * 10 % and 10.005 %, where NPV is about (2.5e-5)²/y² > 0. */
static void
test_irr_touch (void)
{
  const double between[] = { 1, -2.20005, 1.210055000625 };
  /* The same double root on a grid point, r = 0: (1 − x)² is exactly 0 there,
   * so by MODEL.md's rule for grid points it is reported, once. */
  const double on_grid[] = { 1, -2, 1 };
  double r0[] = { 0.0 };

  g_assert_cmpfloat (kt_npv (between, 3, 0.10), >, 0.0);
  g_assert_cmpfloat (kt_npv (between, 3, 0.10005), >, 0.0);
  assert_irr (between, N_OF (between), 0.1, KT_IRR_NONE, NULL, 0, NAN);
  assert_irr (on_grid, N_OF (on_grid), 0.1, KT_IRR_UNIQUE, r0, 1, 0.0);
}

/* poly[0 … *degree] times (y − root). */
static void
multiply_root (double *poly,
               int    *degree,
               double  root)
{
  poly[*degree + 1] = 0.0;
  for (int j = *degree + 1; j > 0; j--)
    poly[j] = poly[j - 1] - root * poly[j];
  poly[0] *= -root;
  (*degree)++;
}

/* Scaling the flows by k scales NPV by k and leaves the IRRs alone. */
static void
test_irr_scaling (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  const double factors[] = { 3.0, 1e-3, 12345.678, 1e6, -2.5 };

  for (int k = 0; k < 200; k++)
    {
      double flows[30], scaled[30];
      gsize n = (gsize) g_rand_int_range (rand, 4, 31);
      double rate = g_rand_double_range (rand, 0.0, 0.2);
      KtIrrResult base, other;

      /* A project: two years of building, then growing income. */
      flows[0] = -g_rand_double_range (rand, 100, 1000);
      flows[1] = -g_rand_double_range (rand, 100, 1000);
      for (gsize t = 2; t < n; t++)
        flows[t] = g_rand_double_range (rand, 50, 400);
      kt_irr (flows, n, rate, &base);
      g_assert_cmpint (base.status, ==, KT_IRR_UNIQUE);

      for (gsize f = 0; f < N_OF (factors); f++)
        {
          for (gsize t = 0; t < n; t++)
            scaled[t] = factors[f] * flows[t];
          assert_close (kt_npv (scaled, n, rate), factors[f] * kt_npv (flows, n, rate),
                        1e-12 * fabs (factors[f]) * 1000.0 * (double) n);
          kt_irr (scaled, n, rate, &other);
          g_assert_cmpint (other.status, ==, base.status);
          g_assert_cmpint (other.n_roots, ==, base.n_roots);
          assert_close (other.irr, base.irr, 1e-9);
        }
    }
}

/* IRR: the fast scan against the literal one
 *
 * The literal scan of MODEL.md §1, written out here on its own: kt_npv at every
 * grid point, in order, a root at each exact zero, a Brent polish of each
 * strict sign change.  The grid rates are the correctly rounded quotients
 * (k − 19800)/20000 for k ≤ 39800 (−0.99 … 1 by 5e-5) and (k − 38800)/1000
 * above (up to 10 by 1e-3), so 0, 1 and 10 are exact.  kt_irr must give the
 * same roots, bit for bit. */

/* Every grid point could be a root. */
#define REF_MAX_ROOTS 48801

static double
ref_grid_rate (int k)
{
  if (k <= 39800)
    return (double) (k - 19800) / 20000.0;
  return (double) (k - 38800) / 1000.0;
}

typedef struct {
  const double *flows;
  gsize         n;
} RefSeries;

static double
ref_npv (double  rate,
         void   *data)
{
  const RefSeries *series = data;

  return kt_npv (series->flows, series->n, rate);
}

static double
ref_polish (gsl_root_fsolver *solver,
            RefSeries        *series,
            double            lower,
            double            upper)
{
  gsl_function function = { ref_npv, series };
  double root = 0.5 * (lower + upper);

  g_assert_cmpint (gsl_root_fsolver_set (solver, &function, lower, upper), ==, GSL_SUCCESS);
  for (int i = 0; i < 100; i++)
    {
      if (gsl_root_fsolver_iterate (solver) != GSL_SUCCESS)
        break;
      root = gsl_root_fsolver_root (solver);
      if (gsl_root_test_interval (gsl_root_fsolver_x_lower (solver),
                                  gsl_root_fsolver_x_upper (solver),
                                  1e-12, 0.0) == GSL_SUCCESS)
        break;
    }
  return root;
}

/* All roots, ascending; returns how many (an identically zero series has none). */
static int
ref_irr (gsl_root_fsolver *solver,
         const double     *flows,
         gsize             n,
         double           *roots)
{
  RefSeries series = { flows, n };
  gboolean all_zero = TRUE;
  double before;
  int count = 0;

  for (gsize t = 0; t < n; t++)
    all_zero = all_zero && flows[t] == 0.0;
  if (all_zero)
    return 0;

  before = kt_npv (flows, n, ref_grid_rate (0));
  if (before == 0.0)
    roots[count++] = ref_grid_rate (0);
  for (int k = 1; k <= 48800; k++)
    {
      double value = kt_npv (flows, n, ref_grid_rate (k));

      if (value == 0.0)
        roots[count++] = ref_grid_rate (k);
      else if ((before < 0.0 && value > 0.0) || (before > 0.0 && value < 0.0))
        roots[count++] = ref_polish (solver, &series, ref_grid_rate (k - 1), ref_grid_rate (k));
      before = value;
    }
  return count;
}

/* Random series of the kinds the engine meets, and of the kinds that stress a
 * root finder: many sign changes, clustered, double and grid-point roots. */
static gsize
random_series (GRand  *rand,
               double *flows)
{
  int kind = g_rand_int_range (rand, 0, 7);
  double scale = pow (10.0, g_rand_double_range (rand, -2.0, 13.0));
  gsize n = 0;

  switch (kind)
    {
    case 0:   /* a project: building years, then income with the odd overhaul */
      {
        int build = g_rand_int_range (rand, 0, 5);
        int run = g_rand_int_range (rand, 1, 40);
        double income = g_rand_double_range (rand, 0.02, 0.4);

        for (int t = 0; t < build; t++)
          flows[n++] = -g_rand_double_range (rand, 0.1, 1.0);
        if (build == 0)
          flows[n++] = -1.0;
        for (int t = 0; t < run; t++)
          flows[n++] = income * g_rand_double_range (rand, 0.5, 1.5)
                       - (g_rand_int_range (rand, 0, 8) == 0 ? g_rand_double_range (rand, 0, 1) : 0);
        if (g_rand_boolean (rand))
          flows[n - 1] -= g_rand_double_range (rand, 0, 3);
      }
      break;

    case 1:   /* any signs, some zeros */
      n = (gsize) g_rand_int_range (rand, 2, 31);
      for (gsize t = 0; t < n; t++)
        flows[t] = g_rand_int_range (rand, 0, 5) == 0 ? 0.0 : g_rand_double_range (rand, -1, 1);
      break;

    case 2:   /* small integers: exact zeros on grid points happen */
      n = (gsize) g_rand_int_range (rand, 2, 8);
      scale = 1.0;
      for (gsize t = 0; t < n; t++)
        flows[t] = g_rand_int_range (rand, -6, 7);
      break;

    case 3:   /* a cluster of roots: ill-conditioned, NPV near 0 is rounding noise */
      {
        double poly[64] = { 1 };
        int degree = 0;
        int n_roots = g_rand_int_range (rand, 6, 15);
        double low = g_rand_double_range (rand, -0.5, 2.0);
        double width = g_rand_double_range (rand, 0.05, 0.5);

        for (int i = 0; i < n_roots; i++)
          multiply_root (poly, &degree, 1.0 + low + width * g_rand_double (rand));
        n = (gsize) degree + 1;
        for (gsize t = 0; t < n; t++)
          flows[t] = poly[n - 1 - t];
      }
      break;

    default:  /* NPV · y^m = c · Π (y − y_i) · (complex pairs), y = 1 + r */
      {
        double poly[64] = { 1 };
        int degree = 0;
        int n_real = g_rand_int_range (rand, 1, 7);
        int n_pairs = g_rand_int_range (rand, 0, 3);

        for (int i = 0; i < n_real; i++)
          {
            double r;
            int copies = 1;

            switch (g_rand_int_range (rand, 0, 5))
              {
              case 0:   /* on the grid */
                r = ref_grid_rate (g_rand_int_range (rand, 0, 48801));
                break;
              case 1:   /* a double root */
                r = g_rand_double_range (rand, -0.95, 3.0);
                copies = 2;
                break;
              case 2:   /* two roots closer than a grid step, or nearly so */
                r = g_rand_double_range (rand, -0.95, 3.0);
                multiply_root (poly, &degree, 1.0 + r);
                r += pow (10.0, g_rand_double_range (rand, -8.0, -3.0));
                break;
              default:
                r = g_rand_double_range (rand, -0.99, 10.5);
                break;
              }
            for (int c = 0; c < copies; c++)
              multiply_root (poly, &degree, 1.0 + r);
          }
        for (int i = 0; i < n_pairs; i++)
          {
            /* y² − 2ay + (a² + b²) has the roots a ± ib */
            double a = g_rand_double_range (rand, -1, 4), b = g_rand_double_range (rand, 0.01, 2);
            double q1 = -2.0 * a, q0 = a * a + b * b;

            poly[degree + 1] = 0.0;
            poly[degree + 2] = 0.0;
            for (int j = degree + 2; j >= 0; j--)
              poly[j] = (j >= 2 ? poly[j - 2] : 0.0) + q1 * (j >= 1 ? poly[j - 1] : 0.0)
                        + q0 * poly[j];
            degree += 2;
          }
        n = (gsize) degree + 1;
        for (gsize t = 0; t < n; t++)
          flows[t] = poly[n - 1 - t];
      }
      break;
    }

  /* Zero years at either end, now and then. */
  if (g_rand_int_range (rand, 0, 6) == 0)
    {
      int lead = g_rand_int_range (rand, 1, 3);

      memmove (flows + lead, flows, n * sizeof *flows);
      for (int t = 0; t < lead; t++)
        flows[t] = 0.0;
      n += (gsize) lead;
    }
  if (g_rand_int_range (rand, 0, 6) == 0)
    for (int t = g_rand_int_range (rand, 1, 3); t > 0; t--)
      flows[n++] = 0.0;

  for (gsize t = 0; t < n; t++)
    flows[t] *= scale;
  return n;
}

/* More roots than the result holds: the lowest KT_IRR_MAX_ROOTS are kept, the
 * nearest is chosen among all.  NPV · y^20 = Π (y − 1 − 0.1k), k = 0 … 19, has
 * roots r = 0, 0.1, …, 1.9, but its coefficients in double precision are
 * ill-conditioned (like Wilkinson's polynomial): rounding noise crosses zero
 * several times near some roots, and the literal scan, hence kt_irr, reports
 * every crossing.  Compare with the literal scan, not with 0.1k. */
static void
test_irr_many_roots (void)
{
  gsl_root_fsolver *solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  double poly[22] = { 1 };   /* coefficients of y^0 … y^20 */
  double flows[21];
  g_autofree double *roots = g_new (double, REF_MAX_ROOTS);
  int degree = 0, count;
  KtIrrResult result;

  for (int k = 0; k < 20; k++)
    multiply_root (poly, &degree, 1.0 + 0.1 * k);
  /* NPV · y^m = Σ CF_t y^(m−t): CF_t is the coefficient of y^(m−t). */
  for (int t = 0; t <= 20; t++)
    flows[t] = poly[20 - t];

  count = ref_irr (solver, flows, 21, roots);
  g_assert_cmpint (count, >, KT_IRR_MAX_ROOTS);
  g_assert_cmpfloat (roots[0], >, -0.1);
  g_assert_cmpfloat (roots[count - 1], <, 2.1);

  kt_irr (flows, 21, 9.0, &result);
  g_assert_cmpint (result.status, ==, KT_IRR_MULTIPLE);
  g_assert_cmpint (result.n_roots, ==, KT_IRR_MAX_ROOTS);
  for (int k = 0; k < KT_IRR_MAX_ROOTS; k++)
    g_assert_cmpfloat (result.roots[k], ==, roots[k]);
  /* The nearest to 9 is the highest root, which is not among the 16 kept. */
  g_assert_cmpfloat (result.irr, ==, roots[count - 1]);
  g_assert_cmpfloat (result.irr, >, result.roots[KT_IRR_MAX_ROOTS - 1]);
  gsl_root_fsolver_free (solver);
}

/* kt_irr on one series against the literal scan's `count` roots: the same
 * roots bit for bit, the same status and the nearest root to `reference`. */
static void
assert_irr_is_literal (int           k,
                       const double *flows,
                       gsize         n,
                       double        reference,
                       const double *roots,
                       int           count)
{
  KtIrrResult result;
  double nearest = NAN;

  kt_irr (flows, n, reference, &result);
  for (int i = 0; i < count; i++)
    if (i == 0 || fabs (roots[i] - reference) < fabs (nearest - reference))
      nearest = roots[i];
  if (result.n_roots != MIN (count, KT_IRR_MAX_ROOTS)
      || result.status != (count == 0 ? KT_IRR_NONE
                           : count == 1 ? KT_IRR_UNIQUE : KT_IRR_MULTIPLE))
    {
      g_test_message ("series %d: %d roots by the literal scan, %d by kt_irr",
                      k, count, result.n_roots);
      for (gsize t = 0; t < n; t++)
        g_test_message ("  CF_%" G_GSIZE_FORMAT " = %a", t, flows[t]);
      g_test_fail ();
      return;
    }
  for (int i = 0; i < result.n_roots; i++)
    g_assert_cmpfloat (result.roots[i], ==, roots[i]);
  if (count == 0)
    g_assert_true (isnan (result.irr));
  else
    g_assert_cmpfloat (result.irr, ==, nearest);
}

static void
test_irr_fast_equals_literal (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20250101);
  gsl_root_fsolver *solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  int n_series = g_test_thorough () ? 20000 : 2000;
  g_autofree double *roots = g_new (double, REF_MAX_ROOTS);
  int n_multiple = 0, n_grid_zero = 0, n_none = 0;

  for (int k = 0; k < n_series; k++)
    {
      double flows[80];
      gsize n = random_series (rand, flows);
      double reference = g_rand_double_range (rand, -0.5, 2.0);
      int count = ref_irr (solver, flows, n, roots);

      if (count == 0)
        n_none++;
      if (count > 1)
        n_multiple++;
      for (int i = 0; i < count; i++)
        if (roots[i] == ref_grid_rate ((int) lround (roots[i] <= 1.0
                                                     ? roots[i] * 20000.0 + 19800.0
                                                     : roots[i] * 1000.0 + 38800.0)))
          n_grid_zero++;
      assert_irr_is_literal (k, flows, n, reference, roots, count);
    }
  gsl_root_fsolver_free (solver);

  /* The sample must reach the cases that matter. */
  g_test_message ("%d series: %d without a root, %d with several, %d grid-point roots",
                  n_series, n_none, n_multiple, n_grid_zero);
  g_assert_cmpint (n_multiple, >, n_series / 10);
  g_assert_cmpint (n_none, >, n_series / 20);
  g_assert_cmpint (n_grid_zero, >, 10);
}

/* IRR: series for the monotone shortcut of kt_irr (the partial sums of the
 * flows change sign once on a side), against the literal scan: projects with
 * dips and a final outlay, both sign orders, roots on and next to grid points,
 * roots beyond either end of the range, in (−0.99, 0), tiny and huge
 * magnitudes (some beyond the fast scan's limits), zero years at either end. */

/* `build` years of −1, then `run` years of the income whose NPV at rate r
 * balances them: a root at r, up to rounding. */
static gsize
annuity_series (double  *flows,
                int      build,
                int      run,
                double   r)
{
  double d = 1.0 / (1.0 + r), factor = 1.0, out = 0.0, in = 0.0;
  gsize n = 0;

  for (int t = 0; t < build + run; t++, factor *= d)
    {
      if (t < build)
        out += factor;
      else
        in += factor;
    }
  for (int t = 0; t < build; t++)
    flows[n++] = -1.0;
  for (int t = 0; t < run; t++)
    flows[n++] = out / in;
  return n;
}

static gsize
random_monotone_series (GRand  *rand,
                        double *flows)
{
  int kind = g_rand_int_range (rand, 0, 6);
  double scale = pow (10.0, g_rand_double_range (rand, -12.0, 13.0));
  gsize n = 0;

  switch (kind)
    {
    case 0:   /* a project: small dips keep one sign change of the partial sums */
    case 1:
      {
        int build = g_rand_int_range (rand, 1, 5);
        int run = g_rand_int_range (rand, 1, 60);
        double income = g_rand_double_range (rand, 0.02, 0.6);
        double growth = g_rand_double_range (rand, -0.03, 0.08);

        for (int t = 0; t < build; t++)
          flows[n++] = -g_rand_double_range (rand, 0.2, 1.0);
        for (int t = 0; t < run; t++, income *= 1.0 + growth)
          {
            double flow = income * g_rand_double_range (rand, 0.8, 1.2);

            if (kind == 1 && g_rand_int_range (rand, 0, 6) == 0)
              flow = -g_rand_double_range (rand, 0.0, 0.8) * income;
            flows[n++] = flow;
          }
        if (g_rand_int_range (rand, 0, 4) == 0)
          flows[n - 1] -= g_rand_double_range (rand, 0.0, 1.0) * income * run;
      }
      break;

    case 2:   /* the root on a grid point or next to one */
      {
        const double offsets[] = { 0.0, 1e-14, -1e-14, 1e-11, -1e-11, 1e-8, -1e-8, 2.5e-5, -2.5e-5 };
        int g = g_rand_int_range (rand, 0, 48801);
        double r = ref_grid_rate (g) + offsets[g_rand_int_range (rand, 0, (int) N_OF (offsets))];

        n = annuity_series (flows, g_rand_int_range (rand, 1, 4), g_rand_int_range (rand, 1, 40),
                            MAX (r, -0.9899));
      }
      break;

    case 3:   /* the root beyond the range, or below r = 0 */
      {
        double r;

        switch (g_rand_int_range (rand, 0, 3))
          {
          case 0:
            r = g_rand_double_range (rand, 10.0, 200.0);
            break;
          case 1:
            r = g_rand_double_range (rand, -0.9999, -0.99);
            break;
          default:
            r = g_rand_double_range (rand, -0.99, 0.0);
            break;
          }
        n = annuity_series (flows, g_rand_int_range (rand, 1, 4), g_rand_int_range (rand, 1, 30), r);
      }
      break;

    case 4:   /* one flow, or all of one sign: no root */
      n = (gsize) g_rand_int_range (rand, 1, 30);
      for (gsize t = 0; t < n; t++)
        flows[t] = g_rand_int_range (rand, 0, 4) == 0 ? 0.0 : g_rand_double_range (rand, 0.1, 1.0);
      flows[0] = 1.0;
      break;

    default:  /* magnitudes at and beyond the fast scan's limits */
      n = annuity_series (flows, g_rand_int_range (rand, 1, 4), g_rand_int_range (rand, 1, 40),
                          g_rand_double_range (rand, -0.5, 3.0));
      scale = pow (10.0, g_rand_double_range (rand, -130.0, 130.0));
      break;
    }

  /* Both sign orders. */
  if (g_rand_boolean (rand))
    scale = -scale;
  if (g_rand_int_range (rand, 0, 6) == 0)
    {
      int lead = g_rand_int_range (rand, 1, 3);

      memmove (flows + lead, flows, n * sizeof *flows);
      for (int t = 0; t < lead; t++)
        flows[t] = 0.0;
      n += (gsize) lead;
    }
  if (g_rand_int_range (rand, 0, 6) == 0)
    for (int t = g_rand_int_range (rand, 1, 3); t > 0; t--)
      flows[n++] = 0.0;
  for (gsize t = 0; t < n; t++)
    flows[t] *= scale;
  return n;
}

static void
test_irr_monotone_equals_literal (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20251123);
  gsl_root_fsolver *solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  int n_series = g_test_thorough () ? 30000 : 3000;
  g_autofree double *roots = g_new (double, REF_MAX_ROOTS);
  int n_none = 0, n_one = 0, n_negative = 0;

  for (int k = 0; k < n_series; k++)
    {
      double flows[80];
      gsize n = random_monotone_series (rand, flows);
      double reference = g_rand_double_range (rand, -0.5, 2.0);
      int count = ref_irr (solver, flows, n, roots);

      n_none += count == 0;
      n_one += count == 1;
      n_negative += count > 0 && roots[0] < 0.0;
      assert_irr_is_literal (k, flows, n, reference, roots, count);
    }
  gsl_root_fsolver_free (solver);

  g_test_message ("%d series: %d without a root, %d with one, %d with a root below 0",
                  n_series, n_none, n_one, n_negative);
  g_assert_cmpint (n_none, >, n_series / 20);
  g_assert_cmpint (n_one, >, n_series / 2);
  g_assert_cmpint (n_negative, >, n_series / 50);
}

/* MIRR */

static void
test_mirr (void)
{
  /* By hand: FV of 50 and 60 at 12 % to year 2 = 50 × 1.12 + 60 = 116; PV of
   * −100 = −100; (116/100)^(1/2) − 1 = 7.7033 %. */
  const double hand[] = { -100, 50, 60 };
  /* Microsoft Excel, MIRR function: finance 10 %, reinvestment 12 % → 12.61 %;
   * the first three years → −4.80 %; reinvestment 14 % → 13.48 %.  Exact
   * values from 60-digit decimals. */
  const double excel[] = { -120000, 39000, 30000, 21000, 37000, 46000 };
  /* numpy-financial TestMirr. */
  const double numpy1[] = { -4500, -800, 800, 800, 600, 600, 800, 800, 700, 3000 };
  const double numpy2[] = { 100, 200, -50, 300, -200 };
  const double numpy3[] = { 39000, 30000, 21000, 37000, 46000 };
  const double negative[] = { -1, -2 };

  assert_rel (kt_mirr (hand, N_OF (hand), 0.10, 0.12), sqrt (1.16) - 1.0);
  assert_rel (kt_mirr (excel, 6, 0.10, 0.12), 0.12609413036590514583);
  assert_rel (kt_mirr (excel, 4, 0.10, 0.12), -0.048044655249980820041);
  assert_rel (kt_mirr (excel, 6, 0.10, 0.14), 0.13475911082831484628);
  assert_rel (kt_mirr (numpy1, N_OF (numpy1), 0.08, 0.055), 0.066597175031553548874);
  assert_rel (kt_mirr (numpy2, N_OF (numpy2), 0.05, 0.06), 0.34282338784217666365);

  g_assert_true (isnan (kt_mirr (numpy3, N_OF (numpy3), 0.10, 0.12)));
  g_assert_true (isnan (kt_mirr (negative, N_OF (negative), 0.10, 0.12)));
  g_assert_true (isnan (kt_mirr (hand, 1, 0.10, 0.12)));
  g_assert_true (isnan (kt_mirr (NULL, 0, 0.10, 0.12)));
  g_assert_true (isnan (kt_mirr (hand, N_OF (hand), -1.0, 0.12)));
  g_assert_true (isnan (kt_mirr (hand, N_OF (hand), 0.10, NAN)));
}

/* Payback (MODEL.md §8) */

static void
test_payback (void)
{
  /* S = −100, −70, −30, 20: year 3 closes the gap of 30 with 50 → 2 + 30/50. */
  const double a[] = { -100, 30, 40, 50 };
  /* S = 10, −40, −20, 20: the first crossing from below is in year 3 → 2 + 20/40. */
  const double b[] = { 10, -50, 20, 40 };
  /* S_2 = 0 counts as reached (S_{t−1} < 0 ≤ S_t) → 1 + 50/50. */
  const double c[] = { -100, 50, 50 };
  /* S = −100, 50, −150, 150: reached in year 1 (100/150); the later dip does
   * not undo it. */
  const double d[] = { -100, 150, -200, 300 };
  /* Excel's IRR example: S = …, −4000, 22000 → 4 + 4000/26000. */
  const double e[] = { -70000, 12000, 15000, 18000, 21000, 26000 };
  const double never_back[] = { -100, 30, 40 };
  const double never_negative[] = { 10, 20 };

  assert_rel (kt_payback (a, N_OF (a)), 2.6);
  assert_rel (kt_payback (b, N_OF (b)), 2.5);
  assert_rel (kt_payback (c, N_OF (c)), 2.0);
  assert_rel (kt_payback (d, N_OF (d)), 100.0 / 150.0);
  assert_rel (kt_payback (e, N_OF (e)), 4.0 + 4000.0 / 26000.0);
  g_assert_true (isnan (kt_payback (never_back, N_OF (never_back))));
  g_assert_true (isnan (kt_payback (never_negative, N_OF (never_negative))));
  g_assert_true (isnan (kt_payback (a, 1)));
  g_assert_true (isnan (kt_payback (NULL, 0)));
}

static void
test_discounted_payback (void)
{
  /* At 10 %: −100, 54.545…, 49.586…; S_1 = −45.45… = −50/1.1, and the year-2
   * flow is 60/1.21, so 1 + (50/1.1)/(60/1.21) = 1 + 60.5/66 = 1 + 11/12. */
  const double a[] = { -100, 60, 60 };
  /* Simple payback 1 + 40/50 = 1.8, but 60/1.1 + 50/1.21 = 95.87 < 100. */
  const double b[] = { -100, 60, 50 };
  const double e[] = { -70000, 12000, 15000, 18000, 21000, 26000 };

  assert_rel (kt_discounted_payback (a, N_OF (a), 0.10), 1.0 + 11.0 / 12.0);
  assert_rel (kt_payback (b, N_OF (b)), 1.8);
  g_assert_true (isnan (kt_discounted_payback (b, N_OF (b), 0.10)));
  /* At 0 % it is the simple payback. */
  assert_rel (kt_discounted_payback (a, N_OF (a), 0.0), kt_payback (a, N_OF (a)));
  /* Excel's IRR example has IRR 8.66 %: at 10 % it never pays back. */
  g_assert_true (isnan (kt_discounted_payback (e, N_OF (e), 0.10)));
  g_assert_false (isnan (kt_discounted_payback (e, N_OF (e), 0.08)));
  g_assert_true (isnan (kt_discounted_payback (a, N_OF (a), -1.0)));
}

static void
test_status_key (void)
{
  g_assert_cmpstr (kt_irr_status_key (KT_IRR_NONE), ==, "none");
  g_assert_cmpstr (kt_irr_status_key (KT_IRR_UNIQUE), ==, "unique");
  g_assert_cmpstr (kt_irr_status_key (KT_IRR_MULTIPLE), ==, "multiple");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gsl_set_error_handler_off ();

  g_test_add_func ("/core/metrics/npv-hand", test_npv_hand);
  g_test_add_func ("/core/metrics/npv-reference", test_npv_reference);
  g_test_add_func ("/core/metrics/npv-against-powers", test_npv_against_powers);
  g_test_add_func ("/core/metrics/irr-hand", test_irr_hand);
  g_test_add_func ("/core/metrics/irr-excel", test_irr_excel);
  g_test_add_func ("/core/metrics/irr-numpy-financial", test_irr_numpy_financial);
  g_test_add_func ("/core/metrics/irr-multiple", test_irr_multiple);
  g_test_add_func ("/core/metrics/irr-nearest-tie", test_irr_nearest_tie);
  g_test_add_func ("/core/metrics/irr-none", test_irr_none);
  g_test_add_func ("/core/metrics/irr-grid-zero", test_irr_grid_zero);
  g_test_add_func ("/core/metrics/irr-grid-ends", test_irr_grid_ends);
  g_test_add_func ("/core/metrics/irr-touch", test_irr_touch);
  g_test_add_func ("/core/metrics/irr-many-roots", test_irr_many_roots);
  g_test_add_func ("/core/metrics/irr-scaling", test_irr_scaling);
  g_test_add_func ("/core/metrics/irr-fast-equals-literal", test_irr_fast_equals_literal);
  g_test_add_func ("/core/metrics/irr-monotone-equals-literal", test_irr_monotone_equals_literal);
  g_test_add_func ("/core/metrics/mirr", test_mirr);
  g_test_add_func ("/core/metrics/payback", test_payback);
  g_test_add_func ("/core/metrics/discounted-payback", test_discounted_payback);
  g_test_add_func ("/core/metrics/status-key", test_status_key);

  return g_test_run ();
}
