/* kt-correlation.c — drivers' correlation matrix: Cholesky factor, nearest fix (MODEL.md §10, §12)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>

#include "kt-correlation.h"
#include "kt-format.h"
#include "kt-problem.h"

#define HIGHAM_MAX_ITER  200
#define HIGHAM_TOLERANCE 1e-10

static gboolean
has_distribution (const KtProjectData *data,
                  KtDriver             driver)
{
  for (guint i = 0; i < data->uncertainties->len; i++)
    if (g_array_index (data->uncertainties, KtUncertainty, i).driver == driver)
      return TRUE;
  return FALSE;
}

static int
index_of (const KtDriver *drivers,
          int             n,
          KtDriver        driver)
{
  for (int i = 0; i < n; i++)
    if (drivers[i] == driver)
      return i;
  return -1;
}

int
kt_correlation_drivers (const KtProjectData *data,
                        KtDriver            *drivers)
{
  gboolean used[KT_N_DRIVERS] = { FALSE };
  int n = 0;

  g_return_val_if_fail (data != NULL, 0);

  for (guint i = 0; i < data->correlations->len; i++)
    {
      const KtCorrelation *c = &g_array_index (data->correlations, KtCorrelation, i);

      if (c->a == c->b || c->rho == 0.0 || !isfinite (c->rho) || fabs (c->rho) > 1.0
          || c->a <= KT_DRIVER_NONE || c->a >= KT_N_DRIVERS
          || c->b <= KT_DRIVER_NONE || c->b >= KT_N_DRIVERS
          || !has_distribution (data, c->a) || !has_distribution (data, c->b))
        continue;
      used[c->a] = used[c->b] = TRUE;
    }
  for (int d = 0; d < KT_N_DRIVERS; d++)
    if (used[d])
      drivers[n++] = d;
  return n;
}

gsl_matrix *
kt_correlation_matrix_new (const KtProjectData *data,
                           const KtDriver      *drivers,
                           int                  n)
{
  gsl_matrix *m;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (n > 0, NULL);

  m = gsl_matrix_alloc (n, n);
  gsl_matrix_set_identity (m);
  for (guint i = 0; i < data->correlations->len; i++)
    {
      const KtCorrelation *c = &g_array_index (data->correlations, KtCorrelation, i);
      int a = index_of (drivers, n, c->a), b = index_of (drivers, n, c->b);

      if (a < 0 || b < 0 || a == b || !isfinite (c->rho) || fabs (c->rho) > 1.0)
        continue;
      gsl_matrix_set (m, a, b, c->rho);
      gsl_matrix_set (m, b, a, c->rho);
    }
  return m;
}

gsl_matrix *
kt_correlation_cholesky (const gsl_matrix *corr)
{
  gsl_matrix *l;
  int status;

  g_return_val_if_fail (corr != NULL && corr->size1 == corr->size2, NULL);

  l = gsl_matrix_alloc (corr->size1, corr->size2);
  gsl_matrix_memcpy (l, corr);
  /* The error handler is off (STYLE.md §4): a matrix that is not positive
   * definite is a status, not an abort. */
  status = gsl_linalg_cholesky_decomp1 (l);
  if (status != GSL_SUCCESS)
    {
      gsl_matrix_free (l);
      return NULL;
    }
  for (size_t i = 0; i < l->size1; i++)
    for (size_t j = i + 1; j < l->size2; j++)
      gsl_matrix_set (l, i, j, 0.0);
  for (size_t i = 0; i < l->size1; i++)
    if (!(gsl_matrix_get (l, i, i) > 0.0) || !isfinite (gsl_matrix_get (l, i, i)))
      {
        gsl_matrix_free (l);
        return NULL;
      }
  return l;
}

/* X ← V diag (max (λ, floor)) Vᵀ: the projection onto the matrices whose
 * eigenvalues are ≥ floor. */
static void
project_eigen (gsl_matrix              *x,
               double                   floor,
               gsl_eigen_symmv_workspace *work,
               gsl_matrix              *a,
               gsl_vector              *eval,
               gsl_matrix              *evec,
               gsl_matrix              *tmp)
{
  size_t n = x->size1;

  gsl_matrix_memcpy (a, x);   /* gsl_eigen_symmv destroys its input */
  gsl_eigen_symmv (a, eval, evec, work);
  gsl_matrix_memcpy (tmp, evec);
  for (size_t k = 0; k < n; k++)
    {
      double lambda = MAX (gsl_vector_get (eval, k), floor);
      gsl_vector_view column = gsl_matrix_column (tmp, k);

      gsl_vector_scale (&column.vector, lambda);
    }
  gsl_blas_dgemm (CblasNoTrans, CblasTrans, 1.0, tmp, evec, 0.0, x);
  /* Symmetric up to rounding; make it exactly so. */
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      {
        double v = (gsl_matrix_get (x, i, j) + gsl_matrix_get (x, j, i)) / 2.0;

        gsl_matrix_set (x, i, j, v);
        gsl_matrix_set (x, j, i, v);
      }
}

static double
frobenius_difference (const gsl_matrix *a,
                      const gsl_matrix *b)
{
  double sum = 0.0;

  for (size_t i = 0; i < a->size1; i++)
    for (size_t j = 0; j < a->size2; j++)
      {
        double d = gsl_matrix_get (a, i, j) - gsl_matrix_get (b, i, j);

        sum += d * d;
      }
  return sqrt (sum);
}

/* D^-1/2 X D^-1/2: unit diagonal, positive definiteness kept. */
static void
unit_diagonal (gsl_matrix *x)
{
  size_t n = x->size1;
  double s[64];
  g_autofree double *big = n > G_N_ELEMENTS (s) ? g_new (double, n) : NULL;
  double *scale = big ? big : s;

  for (size_t i = 0; i < n; i++)
    scale[i] = 1.0 / sqrt (gsl_matrix_get (x, i, i));
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      gsl_matrix_set (x, i, j, i == j ? 1.0 : gsl_matrix_get (x, i, j) * scale[i] * scale[j]);
}

gsl_matrix *
kt_correlation_nearest (const gsl_matrix *corr,
                        double            min_eigen)
{
  size_t n;
  gsl_matrix *y, *x, *r, *ds, *a, *evec, *tmp;
  gsl_vector *eval;
  gsl_eigen_symmv_workspace *work;
  double floor = MAX (min_eigen, 0.0);

  g_return_val_if_fail (corr != NULL && corr->size1 == corr->size2, NULL);

  n = corr->size1;
  y = gsl_matrix_alloc (n, n);
  x = gsl_matrix_alloc (n, n);
  r = gsl_matrix_alloc (n, n);
  ds = gsl_matrix_calloc (n, n);
  a = gsl_matrix_alloc (n, n);
  evec = gsl_matrix_alloc (n, n);
  tmp = gsl_matrix_alloc (n, n);
  eval = gsl_vector_alloc (n);
  work = gsl_eigen_symmv_alloc (n);

  /* Higham (2002), Algorithm 3.3: alternate the projection onto the positive
   * semidefinite cone (with Dykstra's correction ΔS) and onto the unit
   * diagonal, until they agree. */
  gsl_matrix_memcpy (y, corr);
  for (int k = 0; k < HIGHAM_MAX_ITER; k++)
    {
      gsl_matrix_memcpy (r, y);
      gsl_matrix_sub (r, ds);
      gsl_matrix_memcpy (x, r);
      project_eigen (x, floor, work, a, eval, evec, tmp);
      gsl_matrix_memcpy (ds, x);
      gsl_matrix_sub (ds, r);
      gsl_matrix_memcpy (y, x);
      for (size_t i = 0; i < n; i++)
        gsl_matrix_set (y, i, i, 1.0);
      if (frobenius_difference (y, x) <= HIGHAM_TOLERANCE * MAX (1.0, (double) n))
        break;
    }

  /* The last unit-diagonal step may leave an eigenvalue a hair below the
   * floor: clip once more and rescale, raising the floor until the Cholesky
   * factor exists. */
  for (int attempt = 0; attempt < 12; attempt++)
    {
      gsl_matrix *l;

      gsl_matrix_memcpy (x, y);
      project_eigen (x, MAX (floor, 1e-12) * pow (10.0, attempt), work, a, eval, evec, tmp);
      unit_diagonal (x);
      l = kt_correlation_cholesky (x);
      if (l != NULL)
        {
          gsl_matrix_free (l);
          break;
        }
    }

  gsl_eigen_symmv_free (work);
  gsl_vector_free (eval);
  gsl_matrix_free (tmp);
  gsl_matrix_free (evec);
  gsl_matrix_free (a);
  gsl_matrix_free (ds);
  gsl_matrix_free (r);
  gsl_matrix_free (y);
  return x;
}

GArray *
kt_correlation_nearest_pairs (const KtProjectData *data)
{
  KtDriver drivers[KT_N_DRIVERS];
  int n = kt_correlation_drivers (data, drivers);
  gsl_matrix *corr, *l, *nearest;
  GArray *pairs;

  if (n == 0)
    return NULL;
  corr = kt_correlation_matrix_new (data, drivers, n);
  l = kt_correlation_cholesky (corr);
  if (l != NULL)
    {
      gsl_matrix_free (l);
      gsl_matrix_free (corr);
      return NULL;
    }
  nearest = kt_correlation_nearest (corr, KT_CORRELATION_MIN_EIGEN);
  pairs = g_array_new (FALSE, FALSE, sizeof (KtCorrelation));
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      {
        KtCorrelation c = { drivers[i], drivers[j], gsl_matrix_get (nearest, i, j) };

        if (fabs (c.rho) >= 5e-5)
          g_array_append_val (pairs, c);
      }
  gsl_matrix_free (nearest);
  gsl_matrix_free (corr);
  return pairs;
}

gboolean
kt_correlation_check (const KtProjectData *data,
                      GPtrArray           *problems)
{
  g_autoptr (GArray) nearest = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  for (guint i = 0; i < data->correlations->len; i++)
    {
      const KtCorrelation *c = &g_array_index (data->correlations, KtCorrelation, i);
      g_autofree char *where = g_strdup_printf ("uncertainty/correlations/%u", i + 1);

      if (!isfinite (c->rho) || fabs (c->rho) > 1.0)
        {
          kt_problems_add (problems, KT_SEVERITY_ERROR, "correlation_range", where, 0,
                           _("A correlation must lie between −1 and 1"));
          ok = FALSE;
        }
      else if (c->a != c->b && c->rho != 0.0
               && (!has_distribution (data, c->a) || !has_distribution (data, c->b)))
        {
          KtDriver missing = has_distribution (data, c->a) ? c->b : c->a;

          kt_problems_add (problems, KT_SEVERITY_WARNING, "correlation_without_distribution",
                           where, 0, _("“%s” has no distribution, so this correlation is ignored"),
                           kt_enum_label (&kt_driver_info, missing));
        }
    }

  nearest = kt_correlation_nearest_pairs (data);
  if (nearest != NULL)
    {
      KtLang lang = kt_lang_current ();
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; i < nearest->len; i++)
        {
          const KtCorrelation *c = &g_array_index (nearest, KtCorrelation, i);
          g_autofree char *rho = kt_format_number (c->rho, 3, lang);

          g_string_append_printf (list, "%s%s–%s %s", i > 0 ? "; " : "",
                                  kt_enum_label (&kt_driver_info, c->a),
                                  kt_enum_label (&kt_driver_info, c->b), rho);
        }
      kt_problems_add (problems, KT_SEVERITY_ERROR, "correlation_not_pd",
                       "uncertainty/correlations", 0,
                       _("The correlations contradict each other (the matrix is not positive "
                         "definite). The nearest consistent values are: %s"), list->str);
      ok = FALSE;
    }
  return ok;
}
