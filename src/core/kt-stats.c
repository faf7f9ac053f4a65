/* kt-stats.c — summaries of simulated values: moments, percentiles, histogram, CDF, ranks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <string.h>

#include "kt-stats.h"

/* IEEE 754 doubles as unsigned keys in the same order: flip every bit of a
 * negative number, only the sign bit of a positive one. */
static inline guint64
key_of (double x)
{
  guint64 u;

  memcpy (&u, &x, sizeof u);
  return (u >> 63) ? ~u : u ^ G_GUINT64_CONSTANT (0x8000000000000000);
}

/* LSD radix sort on key_of, in digits of 11 bits: 2048 buckets keep the
 * counts in L1 and a pass's 2048 write streams in L2, where 65536 buckets
 * missed the cache on nearly every move.  The histograms of all the digits
 * are counted in one read, and a pass whose digit is the same for every key
 * is skipped.  The doubles themselves are moved, their keys recomputed on
 * the fly: key_of is a bijection, so the sorted array is the one a sort of
 * the keys gives. */
#define RADIX_BITS   11
#define RADIX_SIZE   (1 << RADIX_BITS)
#define RADIX_MASK   (RADIX_SIZE - 1)
#define RADIX_PASSES 6

/* Every bit: bits 0 … 63 (the last digit has 9). */
static const int all_digits[RADIX_PASSES] = { 0, 11, 22, 33, 44, 55 };
/* The top 33 bits (sign, exponent, 21 bits of mantissa): values this close
 * are rare, and finish_groups sorts them. */
#define TOP_SHIFT 31
static const int top_digits[3] = { TOP_SHIFT, TOP_SHIFT + 11, TOP_SHIFT + 22 };
/* Below them, within a group equal in the top 33 bits. */
static const int low_digits[3] = { 0, 11, 22 };

typedef guint32 RadixCount[RADIX_PASSES][RADIX_SIZE];

static inline gsize
digit_of (guint64 k,
          int     shift)
{
  return (gsize) (k >> shift) & RADIX_MASK;
}

static inline void
count_key (RadixCount *count,
           const int  *shifts,
           int         n_shifts,
           guint64     k)
{
  for (int p = 0; p < n_shifts; p++)
    (*count)[p][digit_of (k, shifts[p])]++;
}

/* Turns a pass's counts into starting offsets; FALSE if every key has the
 * same digit (the pass would not move anything). */
static gboolean
radix_offsets (guint32 *count,
               gsize    n)
{
  guint32 sum = 0;

  for (int d = 0; d < RADIX_SIZE; d++)
    {
      guint32 c = count[d];

      if (c == n)
        return FALSE;
      count[d] = sum;
      sum += c;
    }
  return TRUE;
}

/* Sorts values[0 … n − 1] (n ≤ G_MAXUINT32) on the digits at `shifts`, low
 * to high, with tmp of n values and optionally an index array moved along
 * (index_tmp of n); `count` holds the keys' histograms of those digits.
 * Returns where the sorted values are (values or tmp) and sets *index_out
 * likewise. */
static double *
radix_sort (double      *values,
            double      *tmp,
            guint32     *index,
            guint32     *index_tmp,
            gsize        n,
            RadixCount  *count,
            const int   *shifts,
            int          n_shifts,
            guint32    **index_out)
{
  double *src = values, *dst = tmp;
  guint32 *src_i = index, *dst_i = index_tmp;

  for (int p = 0; p < n_shifts; p++)
    {
      guint32 *offset = (*count)[p];
      int shift = shifts[p];

      if (!radix_offsets (offset, n))
        continue;
      if (src_i != NULL)
        for (gsize i = 0; i < n; i++)
          {
            guint32 to = offset[digit_of (key_of (src[i]), shift)]++;

            dst[to] = src[i];
            dst_i[to] = src_i[i];
          }
      else
        for (gsize i = 0; i < n; i++)
          dst[offset[digit_of (key_of (src[i]), shift)]++] = src[i];
      {
        double *swap = src;
        guint32 *swap_i = src_i;

        src = dst, dst = swap;
        src_i = dst_i, dst_i = swap_i;
      }
    }
  if (index_out != NULL)
    *index_out = src_i;
  return src;
}

/* Sorts values already in order of their keys' top 33 bits: each run of
 * equal top bits in place, by insertion when short, else by the low bits. */
static void
finish_groups (double     *values,
               gsize       n,
               double     *tmp,
               RadixCount *count)
{
  for (gsize i = 0; i < n;)
    {
      guint64 top = key_of (values[i]) >> TOP_SHIFT;
      gsize j = i + 1, g;

      while (j < n && key_of (values[j]) >> TOP_SHIFT == top)
        j++;
      g = j - i;
      if (g > 1 && g <= 48)
        for (gsize a = i + 1; a < j; a++)
          {
            double x = values[a];
            guint64 k = key_of (x);
            gsize b = a;

            for (; b > i && key_of (values[b - 1]) > k; b--)
              values[b] = values[b - 1];
            values[b] = x;
          }
      else if (g > 48)
        {
          double *sorted;

          memset (count, 0, sizeof (guint32) * 3 * RADIX_SIZE);
          for (gsize a = i; a < j; a++)
            count_key (count, low_digits, 3, key_of (values[a]));
          sorted = radix_sort (values + i, tmp, NULL, NULL, g, count, low_digits, 3, NULL);
          if (sorted != values + i)
            memcpy (values + i, sorted, g * sizeof (double));
        }
      i = j;
    }
}

gsize
kt_stats_sort_finite (double *values,
                      gsize   n,
                      double *scratch)
{
  g_autofree double *own = NULL;
  g_autofree RadixCount *count = NULL;
  double *sorted;
  gsize m = 0;

  G_STATIC_ASSERT (sizeof (double) == sizeof (guint64));

  for (gsize i = 0; i < n; i++)
    if (isfinite (values[i]))
      values[m++] = values[i];
  if (m < 2)
    return m;
  g_return_val_if_fail (m <= G_MAXUINT32, m);
  if (scratch == NULL)
    scratch = own = g_new (double, m);
  count = g_new0 (RadixCount, 1);
  /* Three passes on the top bits and a cheap finish, not six passes. */
  for (gsize i = 0; i < m; i++)
    count_key (count, top_digits, 3, key_of (values[i]));
  sorted = radix_sort (values, scratch, NULL, NULL, m, count, top_digits, 3, NULL);
  if (sorted != values)
    memcpy (values, sorted, m * sizeof (double));
  finish_groups (values, m, scratch, count);
  return m;
}

double
kt_stats_quantile (const double *sorted,
                   gsize         n,
                   double        q)
{
  if (n == 0)
    return NAN;
  return gsl_stats_quantile_from_sorted_data (sorted, 1, n, q);
}

void
kt_summary_from_sorted (const double *sorted,
                        gsize         n,
                        gsize         n_undefined,
                        KtSummary    *s)
{
  double sum = 0.0, c = 0.0, ss = 0.0;

  s->n = n;
  s->n_undefined = n_undefined;
  if (n == 0)
    {
      s->mean = s->sd = s->se = s->min = s->max = NAN;
      s->p5 = s->p10 = s->p50 = s->p90 = s->p95 = NAN;
      return;
    }
  /* Neumaier's compensated sum, then the two-pass variance: a million
   * NPVs of 10¹¹ đồng keep their last digits. */
  for (gsize i = 0; i < n; i++)
    {
      double t = sum + sorted[i];

      if (fabs (sum) >= fabs (sorted[i]))
        c += (sum - t) + sorted[i];
      else
        c += (sorted[i] - t) + sum;
      sum = t;
    }
  s->mean = (sum + c) / n;
  for (gsize i = 0; i < n; i++)
    {
      double d = sorted[i] - s->mean;

      ss += d * d;
    }
  s->sd = n > 1 ? sqrt (ss / (n - 1)) : NAN;
  s->se = n > 1 ? s->sd / sqrt ((double) n) : NAN;
  s->min = sorted[0];
  s->max = sorted[n - 1];
  s->p5 = kt_stats_quantile (sorted, n, 0.05);
  s->p10 = kt_stats_quantile (sorted, n, 0.10);
  s->p50 = kt_stats_quantile (sorted, n, 0.50);
  s->p90 = kt_stats_quantile (sorted, n, 0.90);
  s->p95 = kt_stats_quantile (sorted, n, 0.95);
}

double
kt_stats_share_below (const double *sorted,
                      gsize         n,
                      double        x)
{
  gsize lo = 0, hi = n;

  if (n == 0)
    return NAN;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (sorted[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (double) lo / n;
}

gsl_histogram *
kt_stats_histogram (const double *sorted,
                    gsize         n,
                    int           n_bins)
{
  gsl_histogram *h;
  double lo, hi;

  if (n == 0 || n_bins < 1)
    return NULL;
  lo = sorted[0];
  hi = sorted[n - 1];
  if (hi <= lo)
    {
      lo -= 0.5;
      hi += 0.5;
    }
  h = gsl_histogram_alloc (n_bins);
  gsl_histogram_set_ranges_uniform (h, lo, hi);
  for (gsize i = 0; i < n; i++)
    {
      /* GSL's last bin excludes its upper edge; the largest value belongs in it. */
      if (sorted[i] >= hi)
        h->bin[n_bins - 1] += 1.0;
      else
        gsl_histogram_increment (h, sorted[i]);
    }
  return h;
}

void
kt_stats_cdf (const double *sorted,
              gsize         n,
              int           n_points,
              double       *x,
              double       *p)
{
  for (int k = 0; k < n_points; k++)
    {
      p[k] = n_points > 1 ? (double) k / (n_points - 1) : 1.0;
      x[k] = kt_stats_quantile (sorted, n, p[k]);
    }
}

/* Ranks 1 … n, ties getting their mean rank: a radix sort of (value,
 * index) pairs, where gsl_stats_spearman's heapsort would take most of a
 * run.  If `sorted` is not NULL it receives the finite values ascending (as
 * kt_stats_sort_finite gives them) and the function returns their count.
 * tmp holds n values, index and index_tmp n each. */
static gsize
ranks_of (const double *x,
          gsize         n,
          double       *ranks,
          double       *sorted,
          double       *values,
          double       *tmp,
          guint32      *index,
          guint32      *index_tmp)
{
  g_autofree RadixCount *count = g_new0 (RadixCount, 1);
  double *src;
  guint32 *src_i;
  gsize m = 0;

  for (gsize i = 0; i < n; i++)
    {
      values[i] = x[i];
      index[i] = (guint32) i;
      count_key (count, all_digits, RADIX_PASSES, key_of (x[i]));
    }
  src = radix_sort (values, tmp, index, index_tmp, n, count, all_digits, RADIX_PASSES, &src_i);
  for (gsize i = 0; i < n;)
    {
      guint64 k = key_of (src[i]);
      gsize j = i + 1;
      double rank;

      while (j < n && key_of (src[j]) == k)
        j++;
      rank = (i + 1 + j) / 2.0;   /* mean of ranks i + 1 … j */
      for (gsize l = i; l < j; l++)
        ranks[src_i[l]] = rank;
      i = j;
    }
  if (sorted != NULL)
    for (gsize i = 0; i < n; i++)
      if (isfinite (src[i]))
        sorted[m++] = src[i];
  return m;
}

double
kt_stats_pearson (const double *a,
                  const double *b,
                  gsize         n)
{
  double ma = 0.0, mb = 0.0, sab = 0.0, saa = 0.0, sbb = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      ma += a[i];
      mb += b[i];
    }
  ma /= n;
  mb /= n;
  for (gsize i = 0; i < n; i++)
    {
      double da = a[i] - ma, db = b[i] - mb;

      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
  if (saa <= 0.0 || sbb <= 0.0)
    return NAN;
  return sab / sqrt (saa * sbb);
}

double
kt_stats_spearman (const double *a,
                   const double *b,
                   gsize         n,
                   double       *work)
{
  g_autofree double *own = NULL;
  g_autofree double *values = NULL;
  g_autofree guint32 *index = NULL;

  if (n < 2 || n > G_MAXUINT32)
    return NAN;
  if (work == NULL)
    work = own = g_new (double, 2 * n);
  values = g_new (double, 2 * n);
  index = g_new (guint32, 2 * n);
  ranks_of (a, n, work, NULL, values, values + n, index, index + n);
  ranks_of (b, n, work + n, NULL, values, values + n, index, index + n);
  return kt_stats_pearson (work, work + n, n);
}

gsize
kt_stats_ranks_sort (const double *x,
                     gsize         n,
                     double       *ranks,
                     double       *sorted)
{
  g_autofree double *values = NULL;
  g_autofree guint32 *index = NULL;

  g_return_val_if_fail (n <= G_MAXUINT32, 0);
  if (n == 0)
    return 0;
  values = g_new (double, 2 * n);
  index = g_new (guint32, 2 * n);
  return ranks_of (x, n, ranks, sorted, values, values + n, index, index + n);
}

void
kt_stats_ranks (const double *x,
                gsize         n,
                double       *ranks)
{
  kt_stats_ranks_sort (x, n, ranks, NULL);
}

void
kt_moments_merge (KtMoments       *into,
                  const KtMoments *part)
{
  double n, delta;

  if (part->n == 0.0)
    return;
  if (into->n == 0.0)
    {
      *into = *part;
      return;
    }
  n = into->n + part->n;
  delta = part->mean - into->mean;
  into->mean += delta * part->n / n;
  into->m2 += part->m2 + delta * delta * into->n * part->n / n;
  into->n = n;
}

void
kt_top_k_init (KtTopK *top,
               gsize   k)
{
  top->k = MAX (k, 1);
  top->len = 0;
  top->capacity = 2 * top->k;
  top->floored = FALSE;
  top->floor = -INFINITY;
  top->values = g_new (double, top->capacity);
}

void
kt_top_k_clear (KtTopK *top)
{
  g_clear_pointer (&top->values, g_free);
  top->len = 0;
}

void
kt_top_k_compact (KtTopK *top)
{
  double pivot;
  gsize kept = 0;

  if (top->len <= top->k)
    return;
  /* The k-th largest; then the larger values, topped up with copies of it:
   * the same multiset as the k largest, whatever the order of equal ones. */
  pivot = gsl_stats_select (top->values, 1, top->len, top->len - top->k);
  for (gsize i = 0; i < top->len; i++)
    if (top->values[i] > pivot)
      top->values[kept++] = top->values[i];
  while (kept < top->k)
    top->values[kept++] = pivot;
  top->len = top->k;
  top->floor = pivot;
  top->floored = TRUE;
}

void
kt_top_k_merge (KtTopK       *into,
                const KtTopK *part)
{
  for (gsize i = 0; i < part->len; i++)
    kt_top_k_push (into, part->values[i]);
}

gsize
kt_top_k_size_for (gsize  n,
                   double q)
{
  return (gsize) ceil ((1.0 - q) * (n > 0 ? n - 1 : 0)) + 2;
}

double
kt_top_k_quantile (KtTopK *top,
                   gsize   n,
                   double  q)
{
  double h, f, lo, hi;
  gsize i, r;

  if (n == 0)
    return NAN;
  kt_top_k_compact (top);
  h = (n - 1) * q;
  i = (gsize) floor (h);
  f = h - i;
  /* Ascending rank j is descending position n − 1 − j, ascending position
   * len − 1 − (n − 1 − j) of the kept values.  Two selections, not a sort of
   * the k values: they give the same order statistics. */
  r = n - 1 - i;
  if (r >= top->len)
    return NAN;
  lo = gsl_stats_select (top->values, 1, top->len, top->len - 1 - r);
  if (f == 0.0 || r == 0)
    return lo;
  hi = gsl_stats_select (top->values, 1, top->len, top->len - r);
  /* GSL's arithmetic, so that both ways give the same double. */
  return (1.0 - f) * lo + f * hi;
}
