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

/* The fast scan (scan_sides) and its monotone shortcut (mono_side) are used only
 * where their rounding analysis holds: no overflow of Σ|CF_t|·100^t (x ≤ 100 on
 * the grid) and no underflow inside Horner's scheme at x ≥ 1/11.  Anything
 * else takes the literal scan. */
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

/* npv_horner at two points at once (the two sides of the fast scan): the
 * same operations on each, so each value is bit for bit npv_horner's (with
 * no contraction, as above; tests/test-metrics.c compares the fast scan with
 * the literal one), and four independent chains instead of two. */
static inline void
npv_horner2 (const double *flows,
             gsize         n,
             double        xa,
             double        xb,
             double       *va,
             double       *vb)
{
  double wa = xa * xa, wb = xb * xb, even_a = 0.0, odd_a = 0.0, even_b = 0.0, odd_b = 0.0;
  gsize t = n;

  if (t % 2 == 1)
    even_a = even_b = flows[--t];
  for (; t > 0; t -= 2)
    {
      odd_a = odd_a * wa + flows[t - 1];
      even_a = even_a * wa + flows[t - 2];
      odd_b = odd_b * wb + flows[t - 1];
      even_b = even_b * wb + flows[t - 2];
    }
  *va = even_a + xa * odd_a;
  *vb = even_b + xb * odd_b;
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

/* kt_npv for the n ≥ 2 flows and rates > −1 of a polish, without its checks. */
static double
npv_function (double  rate,
              void   *data)
{
  const NpvParams *params = data;

  return npv_horner (params->flows, params->n, 1.0 / (1.0 + rate));
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
  double root = 0.5 * (lower + upper), lo, hi;

  if (gsl_root_fsolver_set (solver, &function, lower, upper) != GSL_SUCCESS)
    return root;
  for (int i = 0; i < POLISH_MAX_ITER; i++)
    {
      if (gsl_root_fsolver_iterate (solver) != GSL_SUCCESS)
        break;
      root = gsl_root_fsolver_root (solver);
      lo = gsl_root_fsolver_x_lower (solver);
      hi = gsl_root_fsolver_x_upper (solver);
      /* gsl_root_test_interval (lo, hi, POLISH_TOLERANCE, 0) == GSL_SUCCESS,
       * written out: with no relative tolerance it is this test exactly. */
      if (lo <= hi && fabs (hi - lo) < POLISH_TOLERANCE)
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
 * evaluations for a 25-year project instead of 48 801.  kt_irr first tries
 * the monotone shortcut below on each side (two to four grid values for a
 * project); the scan takes the sides it does not settle.
 */
#define EPS_N(n) (8.0 * ((double) (n) + 2.0) * (DBL_EPSILON / 2.0))
#define U (DBL_EPSILON / 2.0)

/* F, F', S, S' and S''/2 at one point (eval_point). */
typedef struct {
  double f, df, s, s1, s2;
} Taylor;

typedef struct _Side Side;

struct _Side {
  const double *flows;
  gsize         n;
  int           degree;    /* of F: n − 1 − (zero flows at either end) */
  double        eps;       /* EPS_N (n) */
  int           dir;       /* +1: r ≥ 0, z = x;  −1: r ≤ 0, z = 1 + r */
  int           end;       /* the last grid point of the side */
  const double *c0;        /* F(z) = Σ_j c0[j · stride] z^j, c_0 ≠ 0 ≠ c_degree */
  ptrdiff_t     stride;
  void        (*taylor) (const Side *side, double c, Taylor *out);  /* taylor_func () */
  /* Both sides at once, the other side's point second (taylor2_func ()). */
  void        (*taylor2) (const Side *side, double c, Taylor *out,
                          const Side *other, double c_other, Taylor *out_other);
};

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

/* F, F', S, S' and S''/2 at c by Horner's scheme (0 · c + c_j is c_j
 * exactly).  Five chains of `degree` steps each: the scan's hot spot, bound
 * by the latency of a multiply followed by an add.  These values only feed
 * the error bounds above, never a grid value, so a fused multiply-add may
 * compute them: it rounds once per step instead of twice, which keeps every
 * error within the bounds the proof uses (Higham §5.1 with γ_n instead of
 * γ_2n), and halves the latency.  `fused` is a constant in each caller. */
static inline __attribute__ ((always_inline)) void
taylor_body (const Side *side,
             double      c,
             Taylor     *out,
             const int   fused)
{
  const double *c0 = side->c0;
  double f = 0.0, df = 0.0, s = 0.0, s1 = 0.0, s2 = 0.0;

  for (int i = 0; i <= side->degree; i++)
    {
      double cj = c0[(ptrdiff_t) (side->degree - i) * side->stride];

      if (fused)
        {
          s2 = fma (s2, c, s1);
          s1 = fma (s1, c, s);
          df = fma (df, c, f);
          s = fma (s, c, fabs (cj));
          f = fma (f, c, cj);
        }
      else
        {
          s2 = s2 * c + s1;
          s1 = s1 * c + s;
          df = df * c + f;
          s = s * c + fabs (cj);
          f = f * c + cj;
        }
    }
  out->f = f, out->df = df, out->s = s, out->s1 = s1, out->s2 = s2;
}

static void
taylor_plain (const Side *side,
              double      c,
              Taylor     *out)
{
  taylor_body (side, c, out, 0);
}

/* x86-64 without FMA in its baseline: a clone for the processors that have
 * it, chosen at run time (the generic one would call libm's software fma). */
#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_TAYLOR_FMA 1
__attribute__ ((target ("fma"))) static void
taylor_fma (const Side *side,
            double      c,
            Taylor     *out)
{
  taylor_body (side, c, out, 1);
}
#endif

static void (*taylor_func (void)) (const Side *, double, Taylor *)
{
#ifdef HAVE_TAYLOR_FMA
  if (__builtin_cpu_supports ("fma"))
    return taylor_fma;
#endif
  return taylor_plain;
}

/* taylor_body on both sides of the scan at once: the two sides' F have the
 * same degree, and ten independent chains in one loop hide each other's
 * latency.  Each side's values are exactly taylor_body's. */
static inline __attribute__ ((always_inline)) void
taylor2_body (const Side *a,
              double      ca,
              Taylor     *out_a,
              const Side *b,
              double      cb,
              Taylor     *out_b,
              const int   fused)
{
  double fa = 0.0, dfa = 0.0, sa = 0.0, s1a = 0.0, s2a = 0.0;
  double fb = 0.0, dfb = 0.0, sb = 0.0, s1b = 0.0, s2b = 0.0;

  for (int i = 0; i <= a->degree; i++)
    {
      double ja = a->c0[(ptrdiff_t) (a->degree - i) * a->stride];
      double jb = b->c0[(ptrdiff_t) (b->degree - i) * b->stride];

      if (fused)
        {
          s2a = fma (s2a, ca, s1a);
          s2b = fma (s2b, cb, s1b);
          s1a = fma (s1a, ca, sa);
          s1b = fma (s1b, cb, sb);
          dfa = fma (dfa, ca, fa);
          dfb = fma (dfb, cb, fb);
          sa = fma (sa, ca, fabs (ja));
          sb = fma (sb, cb, fabs (jb));
          fa = fma (fa, ca, ja);
          fb = fma (fb, cb, jb);
        }
      else
        {
          s2a = s2a * ca + s1a;
          s2b = s2b * cb + s1b;
          s1a = s1a * ca + sa;
          s1b = s1b * cb + sb;
          dfa = dfa * ca + fa;
          dfb = dfb * cb + fb;
          sa = sa * ca + fabs (ja);
          sb = sb * cb + fabs (jb);
          fa = fa * ca + ja;
          fb = fb * cb + jb;
        }
    }
  out_a->f = fa, out_a->df = dfa, out_a->s = sa, out_a->s1 = s1a, out_a->s2 = s2a;
  out_b->f = fb, out_b->df = dfb, out_b->s = sb, out_b->s1 = s1b, out_b->s2 = s2b;
}

static void
taylor2_plain (const Side *a,
               double      ca,
               Taylor     *out_a,
               const Side *b,
               double      cb,
               Taylor     *out_b)
{
  taylor2_body (a, ca, out_a, b, cb, out_b, 0);
}

#ifdef HAVE_TAYLOR_FMA
__attribute__ ((target ("fma"))) static void
taylor2_fma (const Side *a,
             double      ca,
             Taylor     *out_a,
             const Side *b,
             double      cb,
             Taylor     *out_b)
{
  taylor2_body (a, ca, out_a, b, cb, out_b, 1);
}
#endif

static void (*taylor2_func (void)) (const Side *, double, Taylor *,
                                    const Side *, double, Taylor *)
{
#ifdef HAVE_TAYLOR_FMA
  if (__builtin_cpu_supports ("fma"))
    return taylor2_fma;
#endif
  return taylor2_plain;
}

/* The side's rate, x and z of grid point g. */
static inline void
point_of (const Side *side,
          int         g,
          double     *x,
          double     *z)
{
  double r = grid_rate (g);

  *x = 1.0 / (1.0 + r);
  *z = side->dir > 0 ? *x : 1.0 + r;
}

/* The length of the run [z − h, z] below an evaluated point on which the grid
 * values provably keep the sign of v (0 when nothing is certain). */
static double
point_reach (const Side   *side,
             const Taylor *t,
             double        v)
{
  double sign, p;

  if (t->f == 0.0 || v == 0.0 || (t->f > 0.0) != (v > 0.0))
    return 0.0;
  sign = t->f > 0.0 ? 1.0 : -1.0;
  p = sign * t->f - 2.0 * side->eps * t->s - TINY;
  if (!(p > 0.0))
    return 0.0;
  return quadratic_reach (p, sign * t->df + side->eps * t->s1 + TINY,
                          2.0 * t->s2 * (1.0 + side->eps));
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
  double x;
  Taylor t;

  point_of (side, g, &x, z);
  side->taylor (side, *z, &t);
  /* The grid value itself as the literal scan computes it, never fused. */
  *value = npv_horner (side->flows, side->n, x);
  return point_reach (side, &t, *value);
}

/* eval_point on both sides at once (same flows, same degree). */
static void
eval_points (const Side *a,
             int         ga,
             double     *value_a,
             double     *z_a,
             double     *run_a,
             const Side *b,
             int         gb,
             double     *value_b,
             double     *z_b,
             double     *run_b)
{
  double xa, xb;
  Taylor ta, tb;

  point_of (a, ga, &xa, z_a);
  point_of (b, gb, &xb, z_b);
  a->taylor2 (a, *z_a, &ta, b, *z_b, &tb);
  npv_horner2 (a->flows, a->n, xa, xb, value_a, value_b);
  *run_a = point_reach (a, &ta, *value_a);
  *run_b = point_reach (b, &tb, *value_b);
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

/* Where one side of the scan stands: grid point g evaluated, with its
 * value, z and run (eval_point). */
typedef struct {
  const Side *side;
  int         g;
  int         far;       /* the run's last grid point, once stepped */
  double      value;
  double      z;
  double      run;
  gboolean    done;
} Cursor;

/* Moves past the run of grid points sharing the sign of the current value;
 * FALSE when that run reaches the side's end. */
static gboolean
cursor_advance (Cursor *k)
{
  const Side *side = k->side;

  if (k->g == side->end)
    return FALSE;
  /* Grid points from g to far share the sign of value. */
  k->far = k->run > 0.0 ? run_end (side, k->g, k->z, k->run) : k->g;
  if (k->far == side->end)
    return FALSE;
  k->g = k->far + side->dir;
  return TRUE;
}

/* After the evaluation of the cursor's new point: the neighbour pair of the
 * literal scan, then the new point becomes the current one. */
static void
cursor_visit (Cursor          *k,
              RootSet         *set,
              const NpvParams *params,
              double           next)
{
  visit (set, params, k->value, next, k->g, MIN (k->far, k->g));
  k->value = next;
}

/* Both sides step from r = 0 outwards, each exactly as alone (the same
 * points, the same brackets), but side by side, so that the two sides'
 * evaluations overlap: each step is a chain of dependent divisions and
 * Horner steps that leaves most of the processor idle.  The roots may
 * arrive in another order, which root_set_add ignores.  A NULL side was
 * settled by the monotone shortcut. */
static void
scan_sides (RootSet         *set,
            const NpvParams *params,
            const Side      *down,
            const Side      *up)
{
  Cursor k[2] = { { down, GRID_ZERO, GRID_ZERO, 0, 0, 0, down == NULL },
                  { up, GRID_ZERO, GRID_ZERO, 0, 0, 0, up == NULL } };

  if (down != NULL && up != NULL)
    eval_points (down, GRID_ZERO, &k[0].value, &k[0].z, &k[0].run,
                 up, GRID_ZERO, &k[1].value, &k[1].z, &k[1].run);
  else
    {
      Cursor *one = down != NULL ? &k[0] : &k[1];

      one->run = eval_point (one->side, GRID_ZERO, &one->value, &one->z);
      k[0].value = k[1].value = one->value;
    }
  /* Both sides start at r = 0; only one reports a zero there (never zero when
   * the monotone shortcut settled a side). */
  if (k[1].value == 0.0)
    root_set_add (set, 0.0);

  for (;;)
    {
      double next_down, next_up;

      for (int i = 0; i < 2; i++)
        if (!k[i].done && !cursor_advance (&k[i]))
          k[i].done = TRUE;
      if (k[0].done && k[1].done)
        break;
      if (k[0].done || k[1].done)
        {
          Cursor *one = k[0].done ? &k[1] : &k[0];
          double next;

          one->run = eval_point (one->side, one->g, &next, &one->z);
          cursor_visit (one, set, params, next);
          continue;
        }
      eval_points (down, k[0].g, &next_down, &k[0].z, &k[0].run,
                   up, k[1].g, &next_up, &k[1].z, &k[1].run);
      cursor_visit (&k[0], set, params, next_down);
      cursor_visit (&k[1], set, params, next_up);
    }
}

/* The monotone shortcut, tried on each side before the fast scan.
 *
 * The fast scan's certificate s·P(x̂) > ε_n S(x̂) reads T_s(x̂) > 0 with
 * T_s = s·P − ε_n S, whose coefficients are s·a_t − ε_n |a_t|.  On a side, in its
 * variable z ∈ (0, 1] (F and S as in the fast scan, the same positive factor),
 * let D_j be the partial sums of T_s's coefficients, j = 0 … K.  For z < 1,
 *   T_s(z) = (1 − z) Σ_{j≥0} D_min(j,K) z^j,   and T_s(1) = D_K.
 * If the D_j are ≤ 0 up to some m and ≥ 0 from m on, every term of
 * z^−m Σ D_j z^j is nondecreasing on (0, 1), so T_s > 0 at some z0 holds on all
 * of [z0, 1] ("up"); if they are ≥ 0 and then ≤ 0, T_s > 0 at z0 holds on
 * (0, z0] ("down"); if all are > 0, on the whole side.  A project's flows have
 * such partial sums on both sides, even with dips after the payback year
 * (mono_shapes checks them, with rounding margins).
 *
 * The grid's z is monotone in g (fl is monotone), so on a side where T_s is up
 * for the sign s of the points near r = 0 and T_−s is down, two adjacent grid
 * points whose certificates hold, the nearer one for s and the farther for −s,
 * settle every grid value of the side: no zero, one sign change, between
 * them.  Where to look is a guess (mono_guess, then secant steps on the grid
 * values); only the certificates at the two points, on the computed grid
 * values themselves, are part of the proof.  Likewise one certificate at the
 * side's end (or at r = 0) settles a side without a sign change.  Whatever
 * does not fit, or fails a certificate, is left to the fast scan.
 *
 * The certificate at a grid point from its computed v and Ŝ = fl(S(x̂)), whose
 * relative error is below 1 %: |v − P(x̂)| ≤ γ_(3n/2+3) S ≤ ε_n S / 4 (npv_horner's
 * bound above, underflow below TINY), so s·v > 2 ε_n Ŝ + TINY gives
 * T_s(x̂) > 0. */

typedef enum {
  MONO_FAIL,      /* no shortcut: the scan decides */
  MONO_ALL,       /* the whole side has sign s_near */
  MONO_CROSS,     /* s_near near r = 0, −s_near towards the side's end */
} MonoShape;

/* The sequence of partial sums on one side (mono_shapes). */
typedef struct {
  double c_sum, a_sum;
  double least;          /* min over j of |C_j| */
  int    changes;        /* sign changes of C_j */
  int    last_neg;       /* C_j < 0 at the last j */
} SumRun;

static inline void
sum_run_start (SumRun *run,
               double  c)
{
  run->c_sum = c;
  run->a_sum = run->least = fabs (c);
  run->changes = 0;
  run->last_neg = c < 0.0;
}

static inline void
sum_run_add (SumRun *run,
             double  c)
{
  double m;
  int neg;

  run->c_sum += c;
  run->a_sum += fabs (c);
  m = fabs (run->c_sum);
  run->least = m < run->least ? m : run->least;
  neg = run->c_sum < 0.0;
  run->changes += neg ^ run->last_neg;
  run->last_neg = neg;
}

static MonoShape
sum_run_shape (const SumRun *run,
               double        hi,
               int          *s_near)
{
  if (!(run->least > hi * run->a_sum) || run->changes > 1)
    return MONO_FAIL;
  /* C_K's sign is T_s's at z = 1: the sign near r = 0. */
  *s_near = run->last_neg ? -1 : 1;
  return run->changes == 0 ? MONO_ALL : MONO_CROSS;
}

/* Which shape the partial sums of T_+ and T_− give each side (both at once:
 * independent chains of sums).  With C_j and A_j the partial sums of c_j and
 * |c_j|, T_±'s D_j is ±C_j − ε_n A_j.  Where |C_j| > hi · A_K ≥ hi · A_j, hi =
 * ε_n + 4 (K + 2) u, the computed sums tell D_j's signs: T_s's D_j > 0 and
 * T_−s's D_j < 0 for s the sign of C_j (the sums err by less than γ_K A_j ≤
 * 1.01 K u A_j each, the margin covers that and the rounding of hi · A_K; a
 * computed running sum of |c_j| never decreases).  So when every j passes
 * that test, the signs of the C_j changing once from −s to s make T_s up and
 * T_−s down (with some D_j > 0 each), and constant signs make one sign
 * throughout.  Anything else (a partial sum within the margin of 0, more
 * sign changes) is left to the scan.
 *
 * The up side's moments Σ j^k c_j and Σ j^k |c_j| (k = 1, 2) for mono_guess come
 * along: that side is where a project's flows cross. */
static void
mono_shapes (const Side *down,
             const Side *up,
             MonoShape   shape[2],
             int         s_near[2],
             double      moments[6])
{
  /* An integer times u: exact. */
  double hi = up->eps + 4.0 * (up->degree + 2) * U;
  double f1 = 0.0, f2 = 0.0, s1 = 0.0, s2 = 0.0, jd = 0.0;
  SumRun rd, ru;

  s_near[0] = s_near[1] = 1;
  sum_run_start (&rd, down->c0[0]);
  sum_run_start (&ru, up->c0[0]);
  for (int j = 1; j <= up->degree; j++)
    {
      double xd = down->c0[(ptrdiff_t) j * down->stride], xu = up->c0[(ptrdiff_t) j * up->stride];
      double jc, ja;

      jd += 1.0;
      jc = jd * xu;
      ja = jd * fabs (xu);
      sum_run_add (&rd, xd);
      sum_run_add (&ru, xu);
      f1 += jc;
      f2 += jd * jc;
      s1 += ja;
      s2 += jd * ja;
    }
  shape[0] = sum_run_shape (&rd, hi, &s_near[0]);
  shape[1] = sum_run_shape (&ru, hi, &s_near[1]);
  moments[0] = f1, moments[1] = f2, moments[2] = s1, moments[3] = s2;
  moments[4] = ru.c_sum, moments[5] = ru.a_sum;
}

/* Σ j^k c_j and Σ j^k |c_j| (k = 1, 2; mono_shapes computes the up side's). */
static void
side_moments (const Side *side,
              double      moments[6])
{
  double f0 = 0.0, f1 = 0.0, f2 = 0.0, s0 = 0.0, s1 = 0.0, s2 = 0.0;

  for (int j = 0; j <= side->degree; j++)
    {
      double c = side->c0[(ptrdiff_t) j * side->stride], jd = j, jc = jd * c, ja = jd * fabs (c);

      f0 += c;
      f1 += jc;
      f2 += jd * jc;
      s0 += fabs (c);
      s1 += ja;
      s2 += jd * ja;
    }
  moments[0] = f1, moments[1] = f2, moments[2] = s1, moments[3] = s2;
  moments[4] = f0, moments[5] = s0;
}

/* Where the side's F changes sign, a guess in u = ln z (≤ 0).  With A and B
 * the parts of F with positive and negative coefficients, h(u) =
 * s_near · ln (A/B) at z = e^u is nearly linear in u for a project's flows; its
 * value and first two derivatives at u = 0 are the logarithm of the ratio, the
 * difference of the mean years and of their variances under A's and B's
 * weights (from the moments of F and S = A + B).  One quadratic step from
 * there; +INFINITY when F(1) has the far sign, NAN when the guess makes no
 * sense (the scan then decides). */
static double
mono_guess (const double moments[6],
            int          s_near)
{
  double a0 = 0.5 * (moments[5] + moments[4]), b0 = 0.5 * (moments[5] - moments[4]);
  double a1 = 0.5 * (moments[2] + moments[0]), b1 = 0.5 * (moments[2] - moments[0]);
  double a2 = 0.5 * (moments[3] + moments[1]), b2 = 0.5 * (moments[3] - moments[1]);
  double h, dh, ddh, ma, mb, disc;

  h = s_near * log (a0 / b0);
  if (!(h > 0.0))
    return INFINITY;
  ma = a1 / a0;
  mb = b1 / b0;
  dh = s_near * (ma - mb);
  ddh = s_near * ((a2 / a0 - ma * ma) - (b2 / b0 - mb * mb));
  if (!(dh > 0.0) || !isfinite (h) || !isfinite (ddh))
    return NAN;
  disc = dh * dh - 2.0 * h * ddh;
  /* The root of h + dh·δ + ddh·δ²/2 nearest 0, else Newton's step. */
  return disc >= 0.0 ? -2.0 * h / (dh + sqrt (disc)) : -h / dh;
}

/* The grid values at g and h as the literal scan computes them (npv_horner2),
 * and fl(S(x̂)) at both, split like npv_horner: positive terms, so a relative
 * error of at most γ_(n+3) < 1 %. */
static inline void
grid_values_and_sums (const double *flows,
                      gsize         n,
                      int           g,
                      int           h,
                      double        v[2],
                      double        sum[2])
{
  double xg = x_of (g), xh = x_of (h), wg = xg * xg, wh = xh * xh;
  double eg = 0.0, og = 0.0, eh = 0.0, oh = 0.0;
  gsize t = n;

  npv_horner2 (flows, n, xg, xh, &v[0], &v[1]);
  if (t % 2 == 1)
    eg = eh = fabs (flows[--t]);
  for (; t > 0; t -= 2)
    {
      double odd = fabs (flows[t - 1]), even = fabs (flows[t - 2]);

      og = og * wg + odd;
      eg = eg * wg + even;
      oh = oh * wh + odd;
      eh = eh * wh + even;
    }
  sum[0] = eg + xg * og;
  sum[1] = eh + xh * oh;
}

/* The certificate of sign `sign` at a grid point with value v and sum Ŝ. */
static inline gboolean
mono_certified (const Side *side,
                double      v,
                double      sum,
                int         sign)
{
  return sign * v > 2.0 * side->eps * sum + TINY;
}

/* One side by the monotone shortcut: TRUE when it settled every grid value of
 * the side (and reported its root, if any), FALSE to leave it to the scan. */
static gboolean
mono_side (RootSet         *set,
           const NpvParams *params,
           const Side      *side,
           MonoShape        shape,
           int              s_near,
           const double    *moments)
{
  int dir = side->dir, g_near, g_far, g_first, g_last;
  double own[6], u, r, k;

  if (shape != MONO_CROSS)
    return shape == MONO_ALL;

  if (moments == NULL)
    {
      side_moments (side, own);
      moments = own;
    }
  u = mono_guess (moments, s_near);
  r = dir > 0 ? exp (-u) - 1.0 : exp (u) - 1.0;
  if (isnan (r))
    return FALSE;
  r = CLAMP (r, -1.0, 11.0);
  k = r <= 1.0 ? r * 20000.0 + GRID_ZERO : (r - 1.0) * 1000.0 + GRID_FINE_LAST;
  /* g_near runs over the side but its end, so that g_far = g_near + dir is
   * on it too. */
  g_first = dir > 0 ? GRID_ZERO : 1;
  g_last = dir > 0 ? GRID_LAST - 1 : GRID_ZERO;
  g_near = dir > 0 ? (int) floor (k) : (int) ceil (k);

  for (int tries = 0; tries < 6; tries++)
    {
      double v[2], sum[2], step;
      gboolean near_ok, far_ok;
      int move;

      g_near = CLAMP (g_near, g_first, g_last);
      g_far = g_near + dir;
      grid_values_and_sums (side->flows, side->n, g_near, g_far, v, sum);
      near_ok = s_near * v[0] > 0.0;
      far_ok = -s_near * v[1] > 0.0;
      if (near_ok && far_ok)
        {
          if (!mono_certified (side, v[0], sum[0], s_near)
              || !mono_certified (side, v[1], sum[1], -s_near))
            return FALSE;
          root_set_add (set, polish_root (params, grid_rate (MIN (g_near, g_far)),
                                          grid_rate (MIN (g_near, g_far) + 1)));
          return TRUE;
        }
      /* The near sign up to the side's end, or the far sign from r = 0 on. */
      if (near_ok && g_far == side->end)
        return mono_certified (side, v[1], sum[1], s_near);
      if (!near_ok && g_near == GRID_ZERO)
        return mono_certified (side, v[0], sum[0], -s_near);
      if (!(v[0] != v[1]))
        return FALSE;
      /* Not the pair yet: the secant through the two values says how many grid
       * steps from g_near the sign changes; move at least one step. */
      step = v[0] / (v[0] - v[1]);
      step = floor (CLAMP (step, -1e6, 1e6));
      move = near_ok ? MAX ((int) step, 1) : MIN ((int) step, -1);
      g_near += dir * move;
    }
  return FALSE;
}

static inline gboolean
fast_flow (double a)
{
  return a == 0.0 || (a >= FAST_MIN_ABS && a <= FAST_MAX_ABS);
}

/* The FAST_ limits; Σ |CF_t| 100^t in w = 10⁴ on the even and odd years (two
 * chains, like npv_horner). */
static gboolean
fast_scan_applies (const double *flows,
                   gsize         n)
{
  double even = 0.0, odd = 0.0;
  gboolean ok = TRUE;
  gsize t = n;

  if (n > FAST_MAX_FLOWS)
    return FALSE;
  if (t % 2 == 1)
    {
      even = fabs (flows[--t]);
      ok = fast_flow (even);
    }
  for (; t > 0; t -= 2)
    {
      double a = fabs (flows[t - 1]), b = fabs (flows[t - 2]);

      ok &= fast_flow (a) & fast_flow (b);
      odd = odd * 1e4 + a;
      even = even * 1e4 + b;
    }
  return ok && even + 100.0 * odd <= FAST_MAX_SUM;
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
      Side up = { flows, n, degree, EPS_N (n), 1, GRID_LAST, flows + lead, 1, NULL, NULL };
      Side down = { flows, n, degree, EPS_N (n), -1, 0, flows + (n - 1 - trail), -1, NULL, NULL };
      MonoShape shape[2];
      int s_near[2];
      double moments[6];
      gboolean down_done, up_done;

      /* The monotone shortcut first, side by side; the scan for the rest. */
      mono_shapes (&down, &up, shape, s_near, moments);
      down_done = mono_side (&set, &params, &down, shape[0], s_near[0], NULL);
      up_done = mono_side (&set, &params, &up, shape[1], s_near[1], moments);
      if (!down_done || !up_done)
        {
          down.taylor = up.taylor = taylor_func ();
          down.taylor2 = up.taylor2 = taylor2_func ();
          scan_sides (&set, &params, down_done ? NULL : &down, up_done ? NULL : &up);
        }
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
