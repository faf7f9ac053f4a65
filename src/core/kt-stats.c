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

static inline double
value_of (guint64 k)
{
  guint64 u = (k >> 63) ? k ^ G_GUINT64_CONSTANT (0x8000000000000000) : ~k;
  double x;

  memcpy (&x, &u, sizeof x);
  return x;
}

/* LSD radix sort in four 16-bit passes; a pass whose digit is the same for
 * every key is skipped. */
static void
radix_sort (guint64 *keys,
            guint64 *tmp,
            gsize    n)
{
  g_autofree gsize *count = g_new (gsize, 65536);
  guint64 *src = keys, *dst = tmp;

  for (int shift = 0; shift < 64; shift += 16)
    {
      gsize sum = 0;
      gboolean trivial = FALSE;

      memset (count, 0, 65536 * sizeof (gsize));
      for (gsize i = 0; i < n; i++)
        count[(src[i] >> shift) & 0xffff]++;
      for (int d = 0; d < 65536; d++)
        {
          gsize c = count[d];

          if (c == n)
            trivial = TRUE;
          count[d] = sum;
          sum += c;
        }
      if (trivial)
        continue;
      for (gsize i = 0; i < n; i++)
        dst[count[(src[i] >> shift) & 0xffff]++] = src[i];
      {
        guint64 *swap = src;

        src = dst;
        dst = swap;
      }
    }
  if (src != keys)
    memcpy (keys, src, n * sizeof (guint64));
}

gsize
kt_stats_sort_finite (double *values,
                      gsize   n,
                      double *scratch)
{
  g_autofree double *own = NULL;
  gsize m = 0;

  for (gsize i = 0; i < n; i++)
    if (isfinite (values[i]))
      values[m++] = values[i];
  if (m < 2)
    return m;
  if (scratch == NULL)
    scratch = own = g_new (double, m);

  /* Keys live in the same storage as the doubles they replace. */
  G_STATIC_ASSERT (sizeof (double) == sizeof (guint64));
  for (gsize i = 0; i < m; i++)
    {
      guint64 k = key_of (values[i]);

      memcpy (&values[i], &k, sizeof k);
    }
  radix_sort ((guint64 *) values, (guint64 *) scratch, m);
  for (gsize i = 0; i < m; i++)
    {
      guint64 k;

      memcpy (&k, &values[i], sizeof k);
      values[i] = value_of (k);
    }
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

/* Ranks 1 … n, ties getting their mean rank: a radix sort of (key, index)
 * pairs, where gsl_stats_spearman's heapsort would take most of a run. */
static void
ranks_of (const double *x,
          gsize         n,
          double       *ranks,
          guint64      *keys,
          guint32      *index,
          guint64      *keys_tmp,
          guint32      *index_tmp)
{
  g_autofree gsize *count = g_new (gsize, 65536);
  guint64 *src_k = keys, *dst_k = keys_tmp;
  guint32 *src_i = index, *dst_i = index_tmp;

  for (gsize i = 0; i < n; i++)
    {
      keys[i] = key_of (x[i]);
      index[i] = (guint32) i;
    }
  for (int shift = 0; shift < 64; shift += 16)
    {
      gsize sum = 0;
      gboolean trivial = FALSE;

      memset (count, 0, 65536 * sizeof (gsize));
      for (gsize i = 0; i < n; i++)
        count[(src_k[i] >> shift) & 0xffff]++;
      for (int d = 0; d < 65536; d++)
        {
          gsize c = count[d];

          trivial |= c == n;
          count[d] = sum;
          sum += c;
        }
      if (trivial)
        continue;
      for (gsize i = 0; i < n; i++)
        {
          gsize to = count[(src_k[i] >> shift) & 0xffff]++;

          dst_k[to] = src_k[i];
          dst_i[to] = src_i[i];
        }
      {
        guint64 *sk = src_k;
        guint32 *si = src_i;

        src_k = dst_k, dst_k = sk;
        src_i = dst_i, dst_i = si;
      }
    }
  for (gsize i = 0; i < n;)
    {
      gsize j = i + 1;
      double rank;

      while (j < n && src_k[j] == src_k[i])
        j++;
      rank = (i + 1 + j) / 2.0;   /* mean of ranks i + 1 … j */
      for (gsize k = i; k < j; k++)
        ranks[src_i[k]] = rank;
      i = j;
    }
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
  g_autofree guint64 *keys = NULL;
  g_autofree guint32 *index = NULL;

  if (n < 2 || n > G_MAXUINT32)
    return NAN;
  if (work == NULL)
    work = own = g_new (double, 2 * n);
  keys = g_new (guint64, 2 * n);
  index = g_new (guint32, 2 * n);
  ranks_of (a, n, work, keys, index, keys + n, index + n);
  ranks_of (b, n, work + n, keys, index, keys + n, index + n);
  return kt_stats_pearson (work, work + n, n);
}

void
kt_stats_ranks (const double *x,
                gsize         n,
                double       *ranks)
{
  g_autofree guint64 *keys = NULL;
  g_autofree guint32 *index = NULL;

  g_return_if_fail (n <= G_MAXUINT32);
  if (n == 0)
    return;
  keys = g_new (guint64, 2 * n);
  index = g_new (guint32, 2 * n);
  ranks_of (x, n, ranks, keys, index, keys + n, index + n);
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

static int
compare_descending (const void *a,
                    const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x < y) - (x > y);
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
  qsort (top->values, top->len, sizeof (double), compare_descending);
  h = (n - 1) * q;
  i = (gsize) floor (h);
  f = h - i;
  /* Ascending rank j is descending position n − 1 − j. */
  r = n - 1 - i;
  if (r >= top->len)
    return NAN;
  lo = top->values[r];
  if (f == 0.0 || r == 0)
    return lo;
  hi = top->values[r - 1];
  /* GSL's arithmetic, so that both ways give the same double. */
  return (1.0 - f) * lo + f * hi;
}
