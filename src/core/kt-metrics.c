/* kt-metrics.c — indicators of a bare cash-flow series (MODEL.md §1, §8)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "kt-metrics.h"

/* MODEL.md §1's IRR grid, by index: g = 0 … 39800 is r = −0.99 + g · 5·10⁻⁵ (up to
 * 1), g = 39801 … 48800 continues in steps of 10⁻³ up to 10.  Each rate is the
 * correctly rounded quotient of two integers (grid_rate), so r = 0, 1 and 10 are
 * exact and the grid does not depend on how a sum of steps happens to round. */
#define GRID_ZERO      19800   /* r = 0 */
#define GRID_FINE_LAST 39800   /* r = 1 */
#define GRID_LAST      48800   /* r = 10 */

#define POLISH_TOLERANCE 1e-12
#define POLISH_MAX_ITER  100

/* The fast scan (scan_side) is used only where its rounding analysis holds: no
 * overflow of Σ|CF_t|·100^t (x ≤ 100 on the grid) and no underflow inside
 * Horner's scheme at x ≥ 1/11.  Anything else takes the literal scan. */
#define FAST_MAX_FLOWS 120
#define FAST_MAX_ABS   1e100
#define FAST_MIN_ABS   1e-100
#define FAST_MAX_SUM   1e300

/* An absolute floor for the error bounds of the Taylor data, which may underflow
 * (z^j at z = 0.01 and j ≈ 120); far above any such error, far below any flow
 * the fast scan accepts. */
#define TINY 1e-290

static inline double
grid_rate (int g)
{
  if (g <= GRID_FINE_LAST)
    return (double) (g - GRID_ZERO) / 20000.0;
  return (double) (g - GRID_FINE_LAST + 1000) / 1000.0;
}

/* Horner's scheme in w = x², x = 1/(1 + r), on the even and the odd years at
 * once: NPV = E(w) + x·O(w).  Two independent chains take half the time of one
 * (kt_npv runs millions of times in Monte Carlo and inside every IRR polish),
 * and the rounding error stays within the bound the fast scan relies on.
 * kt_npv and every grid evaluation of kt_irr go through this function, so the
 * scan sees exactly the values kt_npv returns.  Its inlined copies round alike
 * because meson builds in ISO C mode (c_std=c11), where GCC contracts no a·b + c
 * into a fused multiply-add (-ffp-contract=off); tests/test-metrics.c would
 * notice if a build did. */
static inline double
npv_horner (const double *flows,
            gsize         n,
            double        x)
{
  double w = x * x, even = 0.0, odd = 0.0;
  gsize t = n;

  /* 0 · w + CF is CF exactly. */
  if (t % 2 == 1)
    even = flows[--t];
  for (; t > 0; t -= 2)
    {
      odd = odd * w + flows[t - 1];
      even = even * w + flows[t - 2];
    }
  return even + x * odd;
}

static inline double
grid_npv (const double *flows,
          gsize         n,
          int           g)
{
  return npv_horner (flows, n, 1.0 / (1.0 + grid_rate (g)));
}

double
kt_npv (const double *flows,
        gsize         n,
        double        rate)
{
  g_return_val_if_fail (flows != NULL || n == 0, NAN);

  if (n == 0)
    return 0.0;
  if (n == 1)
    return flows[0];
  if (!(rate > -1.0))
    return NAN;
  return npv_horner (flows, n, 1.0 / (1.0 + rate));
}

/* IRR (MODEL.md §1) */

typedef struct {
  const double *flows;
  gsize         n;
} NpvParams;

static double
npv_function (double  rate,
              void   *data)
{
  const NpvParams *params = data;

  return kt_npv (params->flows, params->n, rate);
}

/* One Brent solver per thread, allocated on first use and freed when the thread
 * ends: kt_irr runs millions of times in Monte Carlo workers and must not
 * allocate. */
static GPrivate solver_key = G_PRIVATE_INIT ((GDestroyNotify) gsl_root_fsolver_free);

static gsl_root_fsolver *
thread_solver (void)
{
  gsl_root_fsolver *solver = g_private_get (&solver_key);

  if (G_UNLIKELY (solver == NULL))
    {
      solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
      if (solver == NULL)
        g_error ("kt_irr: cannot allocate a GSL root solver");
      g_private_set (&solver_key, solver);
    }
  return solver;
}

/* NPV has opposite signs (never 0) at lower and upper. */
static double
polish_root (const NpvParams *params,
             double           lower,
             double           upper)
{
  gsl_root_fsolver *solver = thread_solver ();
  gsl_function function = { npv_function, (void *) params };
  double root = 0.5 * (lower + upper);

  if (gsl_root_fsolver_set (solver, &function, lower, upper) != GSL_SUCCESS)
    return root;
  for (int i = 0; i < POLISH_MAX_ITER; i++)
    {
      if (gsl_root_fsolver_iterate (solver) != GSL_SUCCESS)
        break;
      root = gsl_root_fsolver_root (solver);
      if (gsl_root_test_interval (gsl_root_fsolver_x_lower (solver),
                                  gsl_root_fsolver_x_upper (solver),
                                  POLISH_TOLERANCE, 0.0) == GSL_SUCCESS)
        break;
    }
  return root;
}

typedef struct {
  KtIrrResult *result;
  double       reference;
  int          n_found;     /* may exceed KT_IRR_MAX_ROOTS */
  double       nearest;
  double       nearest_distance;
} RootSet;

/* Roots arrive in any order (one side of the scan runs downwards).  The result
 * keeps the lowest KT_IRR_MAX_ROOTS in ascending order; the nearest root is
 * chosen among all of them. */
static void
root_set_add (RootSet *set,
              double   root)
{
  KtIrrResult *result = set->result;
  double distance = fabs (root - set->reference);
  int i;

  if (set->n_found == 0 || distance < set->nearest_distance
      || (distance == set->nearest_distance && root < set->nearest))
    {
      set->nearest = root;
      set->nearest_distance = distance;
    }
  set->n_found++;

  if (result->n_roots == KT_IRR_MAX_ROOTS)
    {
      if (root >= result->roots[KT_IRR_MAX_ROOTS - 1])
        return;
      result->n_roots--;
    }
  for (i = result->n_roots; i > 0 && result->roots[i - 1] > root; i--)
    result->roots[i] = result->roots[i - 1];
  result->roots[i] = root;
  result->n_roots++;
}

/* The previous grid point in scan order had value `before`, point g has `value`,
 * and g_low = min of the two indices.  A grid point with NPV exactly 0 is a
 * root; a strict sign change brackets one. */
static void
visit (RootSet         *set,
       const NpvParams *params,
       double           before,
       double           value,
       int              g,
       int              g_low)
{
  if (value == 0.0)
    root_set_add (set, grid_rate (g));
  else if ((before < 0.0 && value > 0.0) || (before > 0.0 && value < 0.0))
    root_set_add (set, polish_root (params, grid_rate (g_low), grid_rate (g_low + 1)));
}

static void
scan_literal (RootSet         *set,
              const NpvParams *params)
{
  double before = grid_npv (params->flows, params->n, 0);

  if (before == 0.0)
    root_set_add (set, grid_rate (0));
  for (int g = 1; g <= GRID_LAST; g++)
    {
      double value = grid_npv (params->flows, params->n, g);

      visit (set, params, before, value, g, g - 1);
      before = value;
    }
}

/* The fast scan.
 *
 * What must be reproduced: the literal scan computes v_g = npv_horner (x̂_g) at
 * every grid point, x̂_g = fl(1 / fl(1 + r_g)), and reports each v_g = 0 and
 * each strict sign change between neighbours.  So it is enough to compute v_g
 * exactly where the literal scan would, and to skip only runs of grid points
 * whose computed v_g provably have the sign of the computed value at the run's
 * ends: such a run holds no zero and no sign change, and the points around it
 * form the same neighbour pairs as in the literal scan.  Roots are then polished
 * on the same brackets with the same function, so the results are identical,
 * bit for bit, not merely close (tests/test-metrics.c checks it against a
 * literal scan on thousands of series).
 *
 * When is the sign of a computed v_g certain?  Horner's scheme on
 * P(x) = Σ a_t x^t errs by at most γ_{2(n−1)} · Σ |a_t| x^t (Higham, Accuracy and
 * Stability of Numerical Algorithms, §5.1); the even/odd split with w = fl(x²)
 * by at most γ_{3n/2+3} times the same sum (the argument applied to both halves,
 * plus the relative error of w^k, the product by x and the final sum).  With no
 * overflow or underflow, which the FAST_ limits rule out, v_g has the sign of
 * P(x̂_g) whenever |P(x̂_g)| > ε_n Σ |a_t| x̂_g^t, ε_n = 8 (n + 2) u (u = 2⁻⁵³).
 *
 * P's sign is studied on two sides of r = 0, each through a polynomial in a
 * variable z ∈ (0, 1] that runs down from 1, so that high powers shrink:
 *   r ≥ 0: z = x and F(z) = P(z)                      (g = 19800 up to 48800);
 *   r ≤ 0: z = 1 + r = 1/x and F(z) = z^(n−1) P(1/z)  (g = 19800 down to 0),
 * both with the leading zero coefficients of F divided out (z^j > 0).  On either
 * side F is P times a positive factor, and so is S(z) = Σ |c_j| z^j times
 * Σ |a_t| x^t: the condition reads |F(z)| > ε_n S(z).  Every S^(k) grows with z.
 *
 * At an evaluated point z = c with s the sign of F(c), Taylor's theorem gives
 *   s·F(c − h) ≥ s·F(c) − s·F'(c)·h − A·h²/2   for 0 ≤ h ≤ c, A = S''(c),
 * as |F''| ≤ S'' ≤ S''(c) on (0, c].  Fold in the rounding errors of the
 * computed F(c), F'(c), S''(c) (at most ε_n times S(c), S'(c), S''(c), plus TINY
 * for underflow) and the threshold ε_n S(z) ≤ ε_n S(c): the concave quadratic
 * q(h) = p − g·h − A·h²/2 with p = s·F̂(c) − 2 ε_n S(c) − TINY > 0 bounds
 * s·F − ε_n S from below on [c − h, c] up to its positive root H (shrunk by
 * 1e-9 for the rounding of H).  Every grid point whose z lies in [c − H, c]
 * (judged on its own computed z, with a margin of 8 u c for the rounding of z,
 * of 1/x̂ against fl(1 + r) and of c − H) then has v_g of sign s, provided the
 * computed v at c has sign s too; otherwise nothing is skipped.
 *
 * The scan steps by these runs, evaluating the first grid point after each.
 * Towards a simple root the runs shrink like Newton's steps, past it they grow
 * again geometrically, and far from roots a side takes a few steps: about 16
 * evaluations for a 25-year project instead of 48 801.
 */
#define EPS_N(n) (8.0 * ((double) (n) + 2.0) * (DBL_EPSILON / 2.0))
#define U (DBL_EPSILON / 2.0)

typedef struct {
  const double *flows;
  gsize         n;
  int           degree;    /* of F: n − 1 − (zero flows at either end) */
  double        eps;       /* EPS_N (n) */
  int           dir;       /* +1: r ≥ 0, z = x;  −1: r ≤ 0, z = 1 + r */
  int           end;       /* the last grid point of the side */
  const double *c0;        /* F(z) = Σ_j c0[j · stride] z^j, c_0 ≠ 0 ≠ c_degree */
  ptrdiff_t     stride;
} Side;

static inline double
x_of (int g)
{
  return 1.0 / (1.0 + grid_rate (g));
}

static inline double
y_of (int g)
{
  return 1.0 + grid_rate (g);
}

/* Where p − slope·h − a·h²/2 (p > 0) reaches 0, without cancellation. */
static double
quadratic_reach (double p,
                 double slope,
                 double a)
{
  double h;

  if (a == 0.0)
    h = slope > 0.0 ? p / slope : INFINITY;
  else
    {
      double disc = sqrt (slope * slope + 2.0 * a * p);

      h = slope > 0.0 ? 2.0 * p / (slope + disc) : (disc - slope) / a;
    }
  return h > 0.0 ? h * (1.0 - 1e-9) : 0.0;
}

/* Computes the grid value v_g into *value and the side's z at g into *z, and
 * returns the length of the run [z − h, z] on which the grid values provably
 * keep the sign of v_g (0 when nothing is certain). */
static double
eval_point (const Side *side,
            int         g,
            double     *value,
            double     *z)
{
  const double *c0 = side->c0;
  double r = grid_rate (g);
  double x = 1.0 / (1.0 + r);
  double c = side->dir > 0 ? x : 1.0 + r;
  double f = 0.0, df = 0.0, s = 0.0, s1 = 0.0, s2 = 0.0;
  double v, sign, p;

  /* F, F', S, S' and S''/2 at c (0 · c + c_j is c_j exactly). */
  for (int i = 0; i <= side->degree; i++)
    {
      double cj = c0[(ptrdiff_t) (side->degree - i) * side->stride];

      s2 = s2 * c + s1;
      s1 = s1 * c + s;
      df = df * c + f;
      s = s * c + fabs (cj);
      f = f * c + cj;
    }
  v = npv_horner (side->flows, side->n, x);
  *value = v;
  *z = c;

  if (f == 0.0 || v == 0.0 || (f > 0.0) != (v > 0.0))
    return 0.0;
  sign = f > 0.0 ? 1.0 : -1.0;
  p = sign * f - 2.0 * side->eps * s - TINY;
  if (!(p > 0.0))
    return 0.0;
  return quadratic_reach (p, sign * df + side->eps * s1 + TINY, 2.0 * s2 * (1.0 + side->eps));
}

/* The grid point of rate r, rounded down or up (the callers correct it). */
static int
grid_index_near (double   r,
                 gboolean up)
{
  double k;

  if (!(r > -1.0))
    return 0;
  if (!(r < 11.0))
    return GRID_LAST;
  k = r <= 1.0 ? r * 20000.0 + GRID_ZERO : (r - 1.0) * 1000.0 + GRID_FINE_LAST;
  return CLAMP ((int) (up ? ceil (k) : floor (k)), 0, GRID_LAST);
}

/* The farthest grid point from g, in the side's direction, whose z is at least
 * c − run, less a margin of 8 u c for the rounding of c − run and, for
 * z = 1 + r, of the computed z against the exact 1/x̂.  The index estimate errs
 * by one at most, mostly towards g, which only shortens the run; one test of z
 * usually confirms it. */
static int
run_end (const Side *side,
         int         g,
         double      c,
         double      run)
{
  double lo = (c - run) + 8.0 * U * c;
  int far;

  if (side->dir > 0)
    {
      far = lo > 0.0 ? grid_index_near (1.0 / lo - 1.0, FALSE) : GRID_LAST;
      far = CLAMP (far, g, GRID_LAST);
      while (far > g && x_of (far) < lo)
        far--;
    }
  else
    {
      far = CLAMP (grid_index_near (lo - 1.0, TRUE), 0, g);
      while (far < g && y_of (far) < lo)
        far++;
    }
  return far;
}

static void
scan_side (RootSet         *set,
           const NpvParams *params,
           const Side      *side)
{
  int g = GRID_ZERO;
  double value, next, c;
  double run = eval_point (side, g, &value, &c);

  /* Both sides start at r = 0; only one reports a zero there. */
  if (side->dir > 0 && value == 0.0)
    root_set_add (set, 0.0);

  while (g != side->end)
    {
      /* Grid points from g to far share the sign of value. */
      int far = run > 0.0 ? run_end (side, g, c, run) : g;

      if (far == side->end)
        break;
      g = far + side->dir;
      run = eval_point (side, g, &next, &c);
      visit (set, params, value, next, g, MIN (far, g));
      value = next;
    }
}

static gboolean
fast_scan_applies (const double *flows,
                   gsize         n)
{
  double sum = 0.0;

  if (n > FAST_MAX_FLOWS)
    return FALSE;
  for (gsize t = n; t-- > 0;)
    {
      double a = fabs (flows[t]);

      if (a != 0.0 && !(a >= FAST_MIN_ABS && a <= FAST_MAX_ABS))
        return FALSE;
      sum = sum * 100.0 + a;
    }
  return sum <= FAST_MAX_SUM;
}

void
kt_irr (const double *flows,
        gsize         n,
        double        reference_rate,
        KtIrrResult  *result)
{
  NpvParams params = { flows, n };
  RootSet set = { result, 0.0, 0, NAN, INFINITY };
  gsize lead = 0, trail = 0;

  g_return_if_fail (result != NULL);
  g_return_if_fail (flows != NULL || n == 0);

  result->status = KT_IRR_NONE;
  result->n_roots = 0;
  result->irr = NAN;

  /* A reference that is not a number cannot rank roots; 0 ranks them by size. */
  set.reference = isnan (reference_rate) ? 0.0 : reference_rate;

  /* An identically zero NPV would make every grid point a root: no IRR. */
  while (lead < n && flows[lead] == 0.0)
    lead++;
  if (lead == n)
    return;
  while (flows[n - 1 - trail] == 0.0)
    trail++;

  if (fast_scan_applies (flows, n))
    {
      int degree = (int) (n - 1 - lead - trail);
      /* r ≥ 0: F(x) = Σ a_{lead+j} x^j;  r ≤ 0: F(y) = Σ a_{n−1−trail−j} y^j. */
      Side up = { flows, n, degree, EPS_N (n), 1, GRID_LAST, flows + lead, 1 };
      Side down = { flows, n, degree, EPS_N (n), -1, 0, flows + (n - 1 - trail), -1 };

      scan_side (&set, &params, &down);
      scan_side (&set, &params, &up);
    }
  else
    scan_literal (&set, &params);

  if (set.n_found > 0)
    {
      result->status = set.n_found == 1 ? KT_IRR_UNIQUE : KT_IRR_MULTIPLE;
      result->irr = set.nearest;
    }
}

/* MODEL.md §8: FV of the positive flows at the reinvestment rate at the end of
 * year N−1, PV of the negative ones at the finance rate at the end of year 0. */
double
kt_mirr (const double *flows,
         gsize         n,
         double        finance_rate,
         double        reinvest_rate)
{
  double grow, shrink, fv = 0.0, pv = 0.0;

  g_return_val_if_fail (flows != NULL || n == 0, NAN);

  if (n < 2 || !(finance_rate > -1.0) || !(reinvest_rate > -1.0))
    return NAN;
  grow = 1.0 + reinvest_rate;
  shrink = 1.0 / (1.0 + finance_rate);
  for (gsize t = 0; t < n; t++)
    fv = fv * grow + (flows[t] > 0.0 ? flows[t] : 0.0);
  for (gsize t = n; t-- > 0;)
    pv = pv * shrink + (flows[t] < 0.0 ? flows[t] : 0.0);
  if (!(fv > 0.0) || !(pv < 0.0))
    return NAN;
  return pow (fv / -pv, 1.0 / (double) (n - 1)) - 1.0;
}

/* MODEL.md §8: the first t ≥ 1 with S_{t−1} < 0 ≤ S_t, interpolated within
 * year t; later dips below zero do not undo it.  `discount` is 1/(1 + r), or 1. */
static double
payback (const double *flows,
         gsize         n,
         double        discount)
{
  double factor = 1.0, before, cumulative;

  if (n == 0)
    return NAN;
  before = flows[0];
  for (gsize t = 1; t < n; t++)
    {
      double flow;

      factor *= discount;
      flow = flows[t] * factor;
      cumulative = before + flow;
      if (before < 0.0 && cumulative >= 0.0)
        return (double) (t - 1) + -before / flow;
      before = cumulative;
    }
  return NAN;
}

double
kt_payback (const double *flows,
            gsize         n)
{
  g_return_val_if_fail (flows != NULL || n == 0, NAN);

  return payback (flows, n, 1.0);
}

double
kt_discounted_payback (const double *flows,
                       gsize         n,
                       double        rate)
{
  g_return_val_if_fail (flows != NULL || n == 0, NAN);

  if (!(rate > -1.0))
    return NAN;
  return payback (flows, n, 1.0 / (1.0 + rate));
}

const char *
kt_irr_status_key (KtIrrStatus status)
{
  switch (status)
    {
    case KT_IRR_NONE:
      return "none";
    case KT_IRR_UNIQUE:
      return "unique";
    case KT_IRR_MULTIPLE:
      return "multiple";
    default:
      g_return_val_if_fail (status <= KT_IRR_MULTIPLE, NULL);
      return NULL;
    }
}
