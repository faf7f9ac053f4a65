/* kt-correlation.h — drivers' correlation matrix: Cholesky factor, nearest fix (MODEL.md §10, §12)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Gaussian copula needs the Cholesky factor of the drivers' correlation
 * matrix, which exists only for a positive definite matrix.  A set of pairs
 * that is not (say demand–tariff 0.9, tariff–opex 0.9, demand–opex −0.9) is
 * reported as "correlation_not_pd" with the nearest valid matrix (Higham 2002,
 * alternating projections with Dykstra's correction) offered to the user; it
 * is never used silently (MODEL.md §12).
 */
#pragma once

#include <gsl/gsl_matrix.h>

#include "kt-project.h"

G_BEGIN_DECLS

/* Smallest eigenvalue the nearest fix leaves, so that its Cholesky factor is
 * well conditioned. */
#define KT_CORRELATION_MIN_EIGEN 1e-6

/* The drivers, in enum order, that carry a distribution and appear in a
 * correlation pair with rho ≠ 0; returns how many (≤ KT_N_DRIVERS). */
int         kt_correlation_drivers     (const KtProjectData *data,
                                        KtDriver            *drivers);
/* The n × n matrix of `drivers`: 1 on the diagonal, each pair's rho at (i, j)
 * and (j, i) (a later pair for the same drivers wins), 0 elsewhere. */
gsl_matrix *kt_correlation_matrix_new  (const KtProjectData *data,
                                        const KtDriver      *drivers,
                                        int                  n);
/* The lower Cholesky factor L (L Lᵀ = corr, upper triangle zero), or NULL
 * when corr is not positive definite.  Uses gsl_linalg_cholesky_decomp1. */
gsl_matrix *kt_correlation_cholesky    (const gsl_matrix    *corr);
/* The nearest correlation matrix (Frobenius norm, unit diagonal) whose
 * eigenvalues are ≥ min_eigen, so its Cholesky factor exists.  Eigenvalues
 * come from gsl_eigen_symmv.  A positive definite input comes back (nearly)
 * unchanged. */
gsl_matrix *kt_correlation_nearest     (const gsl_matrix    *corr,
                                        double               min_eigen);
/* The project's pairs as they would be with the nearest matrix: every pair
 * i < j of kt_correlation_drivers() whose nearest value is not 0 (KtCorrelation
 * array); NULL when the project's matrix is already positive definite. */
GArray     *kt_correlation_nearest_pairs (const KtProjectData *data);
/* Appends the problems of the project's correlations: "correlation_range"
 * (|rho| > 1), "correlation_without_distribution" (a driver that has no
 * distribution), "correlation_not_pd" with the nearest valid values in the
 * message.  Returns FALSE if any of them is an error. */
gboolean    kt_correlation_check       (const KtProjectData *data,
                                        GPtrArray           *problems);

G_END_DECLS
