/* kt-rubric.h — appraisal scoring rubric: criteria, weights, scales and automatic scoring (DOMAIN.md §7)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rubric is data (data/rubrics/NAME.xml), never law: provinces edit weights and
 * thresholds.  Legal checks are a pass/fail gate with their citation; scored
 * criteria are either automatic (from the appraiser's own recomputation) or
 * manual (appraisers score with a comment).
 */
#pragma once

#include <glib.h>

#include "kt-project.h"

G_BEGIN_DECLS

#define KT_RUBRIC_NAMESPACE "https://khathi.github.io/ns/rubric/1"

#define KT_RUBRIC_ERROR (kt_rubric_error_quark ())
GQuark kt_rubric_error_quark (void);

typedef enum {
  KT_RUBRIC_ERROR_IO,
  KT_RUBRIC_ERROR_FORMAT,     /* not XML, DOCTYPE, unknown element, bad number */
  KT_RUBRIC_ERROR_INVALID,    /* well-formed but inconsistent (weights, scales, bands) */
} KtRubricError;

/* The recomputed figures automatic criteria read.  NAN: not defined. */
typedef struct {
  double total_investment;
  double project_npv;
  double project_irr;
  double equity_irr;
  double dscr_min;
  double payback;
  double discounted_payback;
  double bcr;
  double fiscal_npv;        /* the state's flow at the social rate: < 0 a net cost */
  double peak_commitment;
  double enpv;
  double eirr;
  double ebcr;
  double psc;               /* public sector comparator, PV (MODEL.md §11) */
  double vfm;               /* PSC − the state's PPP cost: > 0 the PPP gives value for money */
  /* the project's own rates, which the margins are measured against */
  double wacc;
  double hurdle_rate;
  double social_rate;
  double min_dscr;
} KtIndicators;

/* [from, to) gives `score`; ±INFINITY when open. */
typedef struct {
  double from;
  double to;
  double score;
} KtRubricBand;

typedef struct {
  char   *metric;          /* "firr-margin", "dscr-min", … (kt_indicators_metric) */
  double  weight;
  double  missing_score;   /* score when the metric is undefined; NAN: skip the indicator */
  GArray *bands;           /* KtRubricBand */
  char   *label_en;
  char   *label_vi;
} KtRubricIndicator;

typedef struct {
  char      *key;          /* stable ASCII id, e.g. "financial" */
  char      *label_en;
  char      *label_vi;
  char      *guidance_en;
  char      *guidance_vi;
  double     weight;
  double     scale_min;
  double     scale_max;
  gboolean   automatic;
  GPtrArray *indicators;   /* KtRubricIndicator*, automatic criteria only */
} KtRubricCriterion;

typedef struct {
  char *code;              /* problem code (kt-problem.h) whose error fails the check */
  char *citation;
  char *label_en;
  char *label_vi;
} KtRubricCheck;

typedef struct {
  char      *id;
  char      *title_en;
  char      *title_vi;
  char      *sha256;       /* of the file's bytes */
  double     disagreement; /* spread, as a share of a criterion's scale, that is flagged */
  GPtrArray *checks;       /* KtRubricCheck* */
  GPtrArray *criteria;     /* KtRubricCriterion* */
} KtRubric;

KtRubric                *kt_rubric_load_from_data (const char  *data,
                                                   gsize        length,
                                                   const char  *filename,
                                                   GError     **error);
KtRubric                *kt_rubric_load           (const char  *path,
                                                   GError     **error);
/* data/rubrics/default.xml from kt_data_dir(). */
KtRubric                *kt_rubric_load_default   (GError     **error);
void                     kt_rubric_free           (KtRubric    *rubric);
const KtRubricCriterion *kt_rubric_find           (const KtRubric *rubric,
                                                   const char     *key);
const char              *kt_rubric_text           (const char  *en,
                                                   const char  *vi);

/* NAN when the metric is unknown or undefined for these figures. */
double                   kt_indicators_metric     (const KtIndicators *ind,
                                                   const char         *metric);
gboolean                 kt_indicators_metric_known (const char       *metric);
/* Score of an automatic criterion on its scale; NAN when no indicator applies.
 * `detail` (may be NULL) receives one line per indicator. */
double                   kt_rubric_score_auto     (const KtRubricCriterion *criterion,
                                                   const KtIndicators      *ind,
                                                   GString                 *detail);

/* Problems (kt-problem.h) for the items of Decree 180 Art. 14 missing from the
 * narrative chapters: code "fs_content_missing". */
void                     kt_rubric_check_content  (const KtProjectData *data,
                                                   GPtrArray           *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtRubric, kt_rubric_free)

G_END_DECLS
