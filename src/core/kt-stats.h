/* kt-stats.h — summaries of simulated values: moments, percentiles, histogram, CDF, ranks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Percentiles are GSL's (gsl_stats_quantile_from_sorted_data): with sorted
 * values x_0 … x_{n−1}, P_q = x_i + f (x_{i+1} − x_i), i + f = q (n − 1)
 * ("type 7", as spreadsheets' PERCENTILE.INC).  Everything here is a
 * function of the multiset of values, so it does not depend on the order in
 * which threads produced them.
 */
#pragma once

#include <glib.h>
#include <gsl/gsl_histogram.h>

G_BEGIN_DECLS

typedef struct {
  gsize  n;            /* finite values summarised */
  gsize  n_undefined;  /* values left out: NAN (no IRR, no debt service) or infinite */
  double mean;
  double sd;           /* sample standard deviation (n − 1) */
  double se;           /* standard error of the mean: sd / √n */
  double min, max;
  double p5, p10, p50, p90, p95;
} KtSummary;

/* Moves the finite values to the front, sorts them ascending (a radix sort:
 * a million values take ~15 ms) and returns how many there are.  `scratch`
 * holds n values or is NULL (then allocated). */
gsize   kt_stats_sort_finite  (double       *values,
                               gsize         n,
                               double       *scratch);
/* Summary of sorted finite values; NANs when n = 0 (sd, se when n < 2). */
void    kt_summary_from_sorted (const double *sorted,
                                gsize         n,
                                gsize         n_undefined,
                                KtSummary    *summary);
double  kt_stats_quantile     (const double *sorted,
                               gsize         n,
                               double        q);
/* Share of the sorted values strictly below x (binary search). */
double  kt_stats_share_below  (const double *sorted,
                               gsize         n,
                               double        x);
/* A histogram of n_bins equal bins from the smallest to the largest value
 * (a single value gets a bin of width 1 around it); NULL when n = 0. */
gsl_histogram *kt_stats_histogram (const double *sorted,
                                   gsize         n,
                                   int           n_bins);
/* Points of the empirical CDF for a chart: p[k] = k / (n_points − 1),
 * x[k] = its percentile. */
void    kt_stats_cdf          (const double *sorted,
                               gsize         n,
                               int           n_points,
                               double       *x,
                               double       *p);
/* Spearman's rank correlation of two series (ties get their mean rank);
 * `work` holds 2n values or is NULL.  NAN when either is constant. */
double  kt_stats_spearman     (const double *a,
                               const double *b,
                               gsize         n,
                               double       *work);
/* The same in two steps, to rank one series once against many: ranks 1 … n
 * (ties: mean rank) of finite values, then Pearson's r of two rank series. */
void    kt_stats_ranks        (const double *x,
                               gsize         n,
                               double       *ranks);
/* kt_stats_ranks, and in `sorted` (n values; may be x) the finite values of
 * x ascending, as kt_stats_sort_finite gives them: one sort for both.
 * Returns the number of finite values. */
gsize   kt_stats_ranks_sort   (const double *x,
                               gsize         n,
                               double       *ranks,
                               double       *sorted);
double  kt_stats_pearson      (const double *a,
                               const double *b,
                               gsize         n);

/* Mean and sum of squared deviations, merged exactly the same way whatever
 * thread computed the parts, as long as parts are merged in a fixed order
 * (Chan, Golub, LeVeque 1979). */
typedef struct {
  double n;
  double mean;
  double m2;
} KtMoments;

static inline void
kt_moments_add (KtMoments *m,
                double     x)
{
  double delta = x - m->mean;

  m->n += 1.0;
  m->mean += delta / m->n;
  m->m2 += delta * (x - m->mean);
}

void    kt_moments_merge      (KtMoments       *into,
                               const KtMoments *part);

/* The k largest values of a stream: enough to give the upper percentiles of
 * n values exactly when k ≥ ⌈(1 − q) (n − 1)⌉ + 2.  As a multiset it does not
 * depend on the order of the pushes or merges.  Candidates collect in a
 * buffer of 2k that is cut back to the k largest when full (a linear-time
 * selection), so a push costs O(1) amortized and touches memory in order —
 * a heap's sifting over k ≈ 5 % of the iterations missed the cache. */
typedef struct {
  gsize    k;
  gsize    len;
  gsize    capacity;   /* 2k */
  gboolean floored;    /* `floor` holds: k values ≥ it are kept */
  double   floor;
  double  *values;
} KtTopK;

void    kt_top_k_init         (KtTopK       *top,
                               gsize         k);
void    kt_top_k_clear        (KtTopK       *top);
/* Cuts the buffer back to the k largest values. */
void    kt_top_k_compact      (KtTopK       *top);

/* The common case, a value at or below the k-th largest seen at the last
 * cut, costs one comparison. */
static inline void
kt_top_k_push (KtTopK *top,
               double  x)
{
  if (top->floored && x <= top->floor)
    return;
  if (top->len == top->capacity)
    {
      kt_top_k_compact (top);
      if (x <= top->floor)
        return;
    }
  top->values[top->len++] = x;
}

void    kt_top_k_merge        (KtTopK       *into,
                               const KtTopK *part);
/* k needed for the percentile q of n values. */
gsize   kt_top_k_size_for     (gsize         n,
                               double        q);
/* Percentile q (type 7) of all n values pushed; NAN if k was too small.
 * Cuts the kept values and reorders them. */
double  kt_top_k_quantile     (KtTopK       *top,
                               gsize         n,
                               double        q);

G_END_DECLS
