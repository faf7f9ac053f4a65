/* kt-claims.h — the figures a proposer claims in the file, and checking them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The proposer's application stamps <claimed-figures> when it saves (issue
 * #9); the appraiser recomputes every figure from the submitted inputs and
 * only compares.  A claim is never used as a figure.
 */
#pragma once

#include <glib.h>

#include "kt-format.h"
#include "kt-model.h"
#include "kt-project.h"
#include "kt-schema.h"

G_BEGIN_DECLS

/* Tolerances of kt_claims_match(): money agrees within the larger of 0.05 %
 * and 1 000 000 ₫, rates (IRR) within 0.0001 (0.01 percentage point),
 * ratios (DSCR, LLCR) within 0.005 (half the last of two decimals shown). */
#define KT_CLAIM_MONEY_RELATIVE 5e-4
#define KT_CLAIM_MONEY_ABSOLUTE 1e6
#define KT_CLAIM_RATE_ABSOLUTE  1e-4
#define KT_CLAIM_RATIO_ABSOLUTE 5e-3

/* The claimable figures: the numeric fields of <claimed-figures>, file order.
 * name is the key ("project-npv"), label is N_(), unit picks the tolerance. */
guint              kt_claims_n_figures  (void);
const KtFieldDesc *kt_claims_figure     (guint                   index);
/* The figure named `key`, or NULL. */
const KtFieldDesc *kt_claims_find       (const char             *key);
double             kt_claims_get        (const KtClaimedFigures *claims,
                                         guint                   index);
/* Whether the file claims anything. */
gboolean           kt_claims_present    (const KtClaimedFigures *claims);

/* A claimed value against the recomputed one, by the unit's tolerance.  An
 * undefined recomputation (NAN) matches nothing. */
gboolean           kt_claims_match      (KtUnit                  unit,
                                         double                  claimed,
                                         double                  recomputed);

/* The engine's figures for `model` evaluated on `data` (NAN where undefined);
 * engine and computed_at of `out` are left alone. */
void               kt_claims_from_model (const KtModel          *model,
                                         const KtProjectData    *data,
                                         KtClaimedFigures       *out);
/* Replaces data->claimed with the figures of `model` (evaluated on `data`),
 * this version as engine and `computed_at` (ISO 8601; NULL: now). */
void               kt_project_data_stamp_claims (KtProjectData    *data,
                                                 const KtModel    *model,
                                                 const char       *computed_at);
/* Evaluates the study with the rule set it names and stamps its claims.
 * When it cannot be computed the claims are removed and FALSE returned. */
gboolean           kt_project_stamp_claims (KtProject           *project,
                                            const char          *computed_at,
                                            GError             **error);

/* A figure for people, by unit: money in whole đồng, rates as a percentage
 * with 2 decimals, ratios with 3 decimals; NAN → KT_FORMAT_NO_VALUE. */
char              *kt_claims_format     (KtUnit                  unit,
                                         double                  value,
                                         KtLang                  lang);

/* KtClaimCheck* (kt-portfolio-db.h), one per claimed figure, file order. */
GPtrArray         *kt_claims_check      (const KtClaimedFigures *claimed,
                                         const KtClaimedFigures *recomputed);

G_END_DECLS
