/* kt-rules.h — the legal rule set (DOMAIN.md §3): versioned data, never constants
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kt-enums.h"
#include "kt-project.h"

G_BEGIN_DECLS

#define KT_RULES_ERROR (kt_rules_error_quark ())
GQuark kt_rules_error_quark (void);

typedef enum {
  KT_RULES_ERROR_PARSE,
  KT_RULES_ERROR_INVALID,
  KT_RULES_ERROR_NOT_FOUND,
} KtRulesError;

/* One parameter of a rule set file, with its citation. */
typedef struct {
  char    *key;          /* e.g. "cit.standard-rate" */
  double   value;
  char    *unit;         /* "share", "years", "VND", "switch", "coefficient" */
  char    *basis;        /* legal basis, e.g. "PPP Law 64/2020 Art. 82(1)" */
  char    *status;       /* Y, S, D or U (DOMAIN.md) */
  char    *valid_from;   /* ISO date */
  gboolean negotiable;   /* a project may override it */
  char    *label_en;
  char    *label_vi;
} KtRuleParam;

typedef struct _KtRuleSet KtRuleSet;

/* CIT incentive schedule of one class (MODEL.md §7). */
typedef struct {
  double rate;           /* preferential rate; < 0: the standard rate */
  int    rate_years;     /* counted from the first revenue year */
  int    exempt_years;   /* X */
  int    reduced_years;  /* Y, at 50 % */
  int    holiday_latest_start; /* holiday starts no later than this revenue year (4) */
} KtCitSchedule;

#define KT_MAX_CIT_BANDS 4

/* The resolved figures the engine reads: the rule set with the project's
 * overrides applied.  Plain data, so an evaluation allocates nothing. */
typedef struct {
  double        cit_standard_rate;
  int           n_cit_bands;                        /* small-company bands */
  double        cit_band_revenue[KT_MAX_CIT_BANDS]; /* revenue up to (VND) … */
  double        cit_band_rate[KT_MAX_CIT_BANDS];    /* … pays this rate */
  KtCitSchedule cit[KT_N_INCENTIVES];
  int           loss_carry_years;
  double        rd_deduction_multiple;              /* 2.0 = 200 % */
  int           st_income_max_exempt_years;

  double        db_coefficient_short;               /* life ≤ 4 */
  double        db_coefficient_medium;              /* life ≤ 6 */
  double        db_coefficient_long;                /* life > 6 */
  gboolean      state_funded_assets_depreciable;
  gboolean      transfer_writeoff_deductible;
  gboolean      depreciate_over_term;

  double        state_capital_cap;                  /* share of total investment */
  double        state_capital_cap_st;               /* for S&T projects */
  double        min_equity_share;
  gboolean      min_equity_base_excludes_state;     /* base = TI less state capital */
  int           max_duration_years;

  double        band_lower;                         /* L */
  double        band_upper;                         /* U */
  double        band_share_down;
  double        band_share_up;
  double        band_lower_min, band_lower_max;     /* negotiable ranges (Law 90/2025) */
  double        band_upper_min, band_upper_max;
  double        st_first_years_share_down;
  int           st_first_years;
  gboolean      downside_allowed[KT_N_FORMS];
  gboolean      upside_allowed[KT_N_FORMS];
} KtRules;

/* Loads and validates a rule-set file; every required key must be present. */
KtRuleSet         *kt_rule_set_load          (GFile            *file,
                                              GError          **error);
KtRuleSet         *kt_rule_set_load_from_data (const char      *data,
                                               gsize            length,
                                               const char      *filename,
                                               GError         **error);
/* The rule set named `id` from the installed data folder (or KHATHI_DATA_DIR). */
KtRuleSet         *kt_rule_set_load_by_id    (const char       *id,
                                              GError          **error);
/* The default rule set shipped with this version. */
const char        *kt_rule_set_default_id    (void);
void               kt_rule_set_free          (KtRuleSet        *set);
const char        *kt_rule_set_get_id        (KtRuleSet        *set);
const char        *kt_rule_set_get_title     (KtRuleSet        *set,
                                              const char       *lang);
const char        *kt_rule_set_get_valid_from (KtRuleSet       *set);
/* NULL-terminated, in file order; owned by the set. */
const KtRuleParam *kt_rule_set_lookup        (KtRuleSet        *set,
                                              const char       *key);
guint              kt_rule_set_get_n_params  (KtRuleSet        *set);
const KtRuleParam *kt_rule_set_get_param     (KtRuleSet        *set,
                                              guint             index);
/* Fills `rules` from the set and the project's overrides.  Appends a problem
 * (kt-problem.h) for an override of an unknown or non-negotiable key. */
void               kt_rules_resolve          (KtRuleSet           *set,
                                              const KtProjectData *project,
                                              KtRules             *rules,
                                              GPtrArray           *problems);
/* Folder holding rules/, samples/, rubrics/ (KHATHI_DATA_DIR overrides). */
const char        *kt_data_dir               (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtRuleSet, kt_rule_set_free)

G_END_DECLS
