/* kt-sampler.h — joint draws of the uncertain drivers: blocks, LHS, Gaussian copula (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reproducibility whatever the number of threads: iterations are cut into
 * blocks of KT_SAMPLER_BLOCK; block b draws from its own mt19937 seeded with
 * kt_block_seed (seed, b), and with Latin hypercube sampling each block is a
 * Latin hypercube of its own.  Iteration i is therefore the same draw whoever
 * computes block i / KT_SAMPLER_BLOCK.
 *
 * Within a block, per iteration and driver in enum order:
 *   - plain, uncorrelated driver: gsl_ran_* of its distribution;
 *   - plain, correlated driver: a standard normal z (ziggurat);
 *   - LHS: u from the driver's strata; correlated drivers take z = Φ⁻¹(u).
 * Correlated drivers then get x = L z (L the Cholesky factor) and the value
 * F⁻¹(Φ(x)): a Gaussian copula.  With LHS the strata are those of the
 * independent normals, so correlated marginals are stratified only nearly.
 *
 * An R&D phase (MODEL.md §9) with a success probability below 1 and no
 * rd-success distribution of its own gets one: Bernoulli(p), 1 = success.
 * A delay is whole years (rounded), at most the distribution's upper bound
 * or 10 years when it has none.
 */
#pragma once

#include "kt-outcomes.h"
#include "kt-sampling.h"

G_BEGIN_DECLS

#define KT_SAMPLER_BLOCK 1000

#define KT_SAMPLER_ERROR (kt_sampler_error_quark ())
GQuark kt_sampler_error_quark (void);

typedef enum {
  KT_SAMPLER_ERROR_INVALID,      /* a distribution cannot be used (see the problems) */
  KT_SAMPLER_ERROR_CORRELATION,  /* the correlation matrix is not positive definite */
} KtSamplerError;

typedef struct {
  KtDriver       driver;
  KtDistMode     mode;
  double         reference;      /* absolute mode: the base quantity (kt_driver_reference) */
  int            copula;         /* row in the correlation matrix, −1 when independent */
  int            row;            /* 1-based row of uncertainty/distributions */
  KtDistribution dist;
} KtSamplerDriver;

typedef struct {
  guint64          seed;
  gboolean         lhs;
  int              n_drivers;
  KtSamplerDriver  drivers[KT_N_DRIVERS];   /* enum order */
  int              n_copula;
  KtDriver         copula_drivers[KT_N_DRIVERS];
  double          *cholesky;                /* n_copula², row-major lower triangle */
  double          *correlation;             /* n_copula², the matrix used */
  gboolean         nearest_used;            /* the nearest fix replaced the project's matrix */
  int              max_delay;               /* largest delay a draw can give, years */
} KtSampler;

/* Prepares the project's distributions.  Problems (kt-problem.h) are
 * appended for what cannot be used: "distribution" (bad parameters),
 * "uncertainty_absolute_no_base" (absolute mode without a base quantity),
 * "distribution_duplicate", and the correlation checks of kt-correlation.h.
 * A matrix that is not positive definite fails with
 * KT_SAMPLER_ERROR_CORRELATION unless `use_nearest` asks for the nearest
 * valid matrix explicitly (then nearest_used is set and a warning added). */
KtSampler *kt_sampler_new           (const KtProjectData *data,
                                     guint64              seed,
                                     gboolean             lhs,
                                     gboolean             use_nearest,
                                     GPtrArray           *problems,
                                     GError             **error);
void       kt_sampler_free          (KtSampler           *sampler);

/* One thread's stream: an RNG and the strata of the current block. */
typedef struct _KtSamplerStream KtSamplerStream;

KtSamplerStream *kt_sampler_stream_new   (const KtSampler *sampler);
void             kt_sampler_stream_free  (KtSamplerStream *stream);
/* Starts block `block` of `len` ≤ KT_SAMPLER_BLOCK iterations and draws all
 * of them (allocation-free). */
void             kt_sampler_stream_start (KtSamplerStream *stream,
                                          guint64          block,
                                          int              len);
/* The next iteration's values, one per driver in the sampler's order, in
 * the document's units (multiplier, or absolute value).  Allocation-free. */
void             kt_sampler_stream_next  (KtSamplerStream *stream,
                                          double          *values);
/* Turns drawn values into the drivers of one evaluation. */
void             kt_sampler_apply        (const KtSampler     *sampler,
                                          const KtProjectData *data,
                                          const double        *values,
                                          KtDriverValues      *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtSampler, kt_sampler_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtSamplerStream, kt_sampler_stream_free)

G_END_DECLS
