/* kt-sampling.h — distributions, random streams and Latin hypercube strata (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KtDistribution is a KtUncertainty checked and prepared once, so that
 * drawing from it allocates nothing.  Two ways to draw:
 *   - kt_distribution_sample (): GSL's gsl_ran_* samplers, for plain Monte
 *     Carlo of an uncorrelated driver;
 *   - kt_distribution_quantile (): the inverse CDF at a probability u, for
 *     Latin hypercube strata and the Gaussian copula.  It is monotone in u,
 *     so a rank correlation of the u survives into the values.
 * Both give the same distribution; the CDF is GSL's (gsl_cdf_*_P).
 */
#pragma once

#include <gsl/gsl_rng.h>

#include "kt-project.h"

G_BEGIN_DECLS

#define KT_SAMPLING_ERROR (kt_sampling_error_quark ())
GQuark kt_sampling_error_quark (void);

typedef enum {
  KT_SAMPLING_ERROR_PARAMETERS,   /* a distribution's parameters are invalid */
} KtSamplingError;

/* PERT is a beta on [min, max] with α = 1 + λ (mode − min) / (max − min),
 * β = 1 + λ (max − mode) / (max − min), λ = 4. */
#define KT_PERT_LAMBDA 4.0

/* The PERT inverse CDF is read from a table of gsl_cdf_beta_Pinv built once
 * (gsl_cdf_beta_Pinv costs ~2 µs, a draw must cost ~0.05): linear between
 * KT_PERT_TABLE_SIZE equal steps of u, so the CDF of a tabulated draw is off
 * by less than 1 / KT_PERT_TABLE_SIZE. */
#define KT_PERT_TABLE_SIZE 8192

typedef struct {
  KtDist  dist;
  double  a, b, c;         /* as in KtUncertainty */
  /* prepared */
  double  lo, hi;          /* support (±INFINITY when unbounded) */
  double  alpha, beta;     /* PERT */
  double  cut;             /* triangular: F(mode) */
  int     n_values;        /* discrete and Bernoulli: values ascending */
  double *values;
  double *cumulative;      /* P(X ≤ values[i]) */
  double *probabilities;   /* P(X = values[i]) */
  double *table;           /* PERT: KT_PERT_TABLE_SIZE + 1 quantiles */
} KtDistribution;

/* Checks the parameters (as kt-validate.c does) and prepares the tables.
 * Bernoulli: a = p (event probability), b = value on the event, c = value
 * otherwise.  Lognormal: a, b are μ and σ of the log.  On failure `dist` is
 * left cleared. */
gboolean kt_distribution_init     (KtDistribution      *dist,
                                   const KtUncertainty *uncertainty,
                                   GError             **error);
void     kt_distribution_clear    (KtDistribution      *dist);
/* The smallest x with F(x) ≥ u, u in (0, 1); u is clamped into the open
 * interval, so 0 and 1 give finite values. */
double   kt_distribution_quantile (const KtDistribution *dist,
                                   double                u);
double   kt_distribution_sample   (const KtDistribution *dist,
                                   gsl_rng              *rng);
/* P(X ≤ x) from GSL's CDFs. */
double   kt_distribution_cdf      (const KtDistribution *dist,
                                   double                x);
double   kt_distribution_mean     (const KtDistribution *dist);

/* splitmix64 (Steele, Lea, Flood 2014): one step of the generator. */
guint64  kt_splitmix64            (guint64             *state);
/* The seed of block `block` of a run seeded with `seed`: a splitmix64 hash
 * of both, so that every block has its own stream whoever computes it. */
guint64  kt_block_seed            (guint64              seed,
                                   guint64              block);
/* Seeds an mt19937 (STYLE.md §4) for a block.  gsl_rng_set takes 32 bits. */
void     kt_rng_set_block         (gsl_rng             *rng,
                                   guint64              seed,
                                   guint64              block);

/* Latin hypercube strata for one dimension of a block of n draws:
 * u[i] = (π(i) + v_i) / n with π a random permutation and v_i uniform in
 * (0, 1), so each of the n equal strata of (0, 1) holds exactly one u.
 * `perm` is scratch of n entries.  Allocation-free. */
void     kt_lhs_strata            (gsl_rng             *rng,
                                   int                  n,
                                   double              *u,
                                   int                 *perm);

G_END_DECLS
