/* kt-project.h — the PPP feasibility-study document
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is a tree of plain structs owned by a KtProject GObject.  The
 * structs are public so that the engine reads them without copies or calls;
 * every change goes through kt_project_changed() (or the setters of
 * kt-schema.h) so that views are notified.  Amounts are VND at base prices of
 * year `price_base_year` (MODEL.md §2) unless a field says "nominal"; rates are
 * annual fractions.
 */
#pragma once

#include <glib-object.h>

#include "kt-enums.h"

G_BEGIN_DECLS

/* A text in both report languages. */
typedef struct {
  char *vi;
  char *en;
} KtText;

typedef struct {
  char  *name;
  char  *tax_code;
  char  *address;
  char  *representative;
  char  *email;
  char  *phone;
} KtProposer;

typedef struct {
  char                *name;
  KtCapexCategory      category;
  GArray              *amounts;          /* double, one per construction year, base prices */
  double               escalation;
  int                  useful_life;      /* years; 0 = not depreciated */
  KtDepreciationMethod method;
  double               share_imported;
  double               contingency_rate; /* < 0: use the project's rate */
  char                *note;
} KtCapexLine;

typedef struct {
  char                *name;
  KtCapexCategory      category;
  int                  operation_year;   /* k, 1-based */
  double               amount;           /* base prices */
  double               escalation;
  int                  useful_life;
  KtDepreciationMethod method;
  double               share_imported;
  char                *note;
} KtReplacement;

typedef struct {
  char    *name;
  char    *unit;                /* e.g. "lượt", "subscriber-year" */
  double   capacity;            /* volume units per year at full ramp */
  GArray  *ramp;                /* double, by operation year; last value repeats */
  double   growth;              /* per year from COD */
  double   tariff;              /* VND per unit, base prices */
  double   escalation;
  double   variable_cost_share; /* share of this stream's revenue */
  int      exempt_years;        /* exempt S&T income, first n ≤ 3 revenue years (MODEL.md §7) */
  double   commercialisation_share; /* share of this stream subject to benefit sharing */
  char    *note;
} KtRevenueStream;

typedef struct {
  char   *name;
  double  amount;               /* per year, base prices */
  double  escalation;
  double  performance_deduction;
  int     first_year;           /* operation year k_first */
  int     last_year;            /* operation year k_last; 0 = to the end */
  char   *note;
} KtStatePayment;

typedef struct {
  char     *name;
  double    amount;             /* per operation year, base prices */
  double    escalation;
  gboolean  rd;                 /* R&D cost: extra deduction (MODEL.md §7) */
  char     *note;
} KtOpexLine;

typedef struct {
  char   *name;
  double  amount;               /* per occurrence, base prices */
  double  escalation;
  GArray *years;                /* int, operation years k */
  char   *note;
} KtMaintenance;

typedef struct {
  char     *name;
  double    share_of_debt;      /* shares of all loans sum to 1 */
  double    rate;
  double    fee_rate;           /* upfront fee on total draws */
  int       grace_years;        /* after COD, interest only */
  int       tenor_years;        /* from COD to final maturity, grace included */
  KtRepayment repayment;
  double    target_dscr;        /* sculpted loans */
  gboolean  foreign_currency;   /* serviced in foreign currency (FX guarantee) */
  char     *lender;
} KtLoan;

typedef struct {
  char        *name;
  KtAssetKind  kind;
  double       value;           /* valuation, nominal VND */
  char        *valuation_basis;
} KtPublicAsset;

typedef struct {
  char  *key;                   /* rule-set parameter key */
  double value;
  char  *justification;
} KtRuleOverride;

typedef struct {
  char         *id;             /* e.g. "R01" */
  KtRiskCategory category;
  KtText        description;
  int           likelihood;     /* 1 … 5 */
  int           impact;         /* 1 … 5 */
  KtOwner       owner;
  double        state_share;    /* for shared risks, 0 … 1 */
  KtText        mitigation;
  double        expected_cost;  /* VND, PV at the social rate; for VfM (MODEL.md §11) */
  KtDriver      driver;         /* model driver the risk moves */
  KtText        justification;  /* required where the allocation deviates from the benchmark */
} KtRisk;

typedef struct {
  KtDriver   driver;
  KtDist     dist;
  KtDistMode mode;
  double     a, b, c;           /* normal: mean, sd; lognormal: mu, sigma (of log);
                                 * uniform: min, max; triangular/PERT: min, mode, max;
                                 * bernoulli: p, value if event, value otherwise (b, c) */
  GArray    *values;            /* discrete: values */
  GArray    *probabilities;     /* discrete: probabilities */
} KtUncertainty;

typedef struct {
  KtDriver a;
  KtDriver b;
  double   rho;
} KtCorrelation;

typedef struct {
  KtDriver driver;
  double   factor;              /* multiplier (delay: added years) */
} KtOverride;

typedef struct {
  char   *name;
  KtText  description;
  GArray *overrides;            /* KtOverride */
} KtScenario;

typedef struct {
  char     *name;
  double    amount;             /* per operation year, base prices */
  double    escalation;
  gboolean  cost;               /* external cost rather than benefit */
  char     *note;
} KtExternality;

/* MODEL.md §9: revenue band, guarantees and R&D risk. */
typedef struct {
  gboolean band_enabled;
  double   lower;               /* L, share of plan */
  double   upper;               /* U */
  double   share_down;          /* state's share of the shortfall */
  double   share_up;            /* investor's share of the excess paid to the state */
  double   annual_cap;          /* nominal VND, 0 = none */
  double   total_cap;           /* nominal VND, 0 = none */
  gboolean st_first_years;      /* S&T rule for operation years 1–3 */
  GArray  *plan_revenue;        /* double, P_t per year (approved base case); empty = this run's */
  GArray  *actual_to_plan;      /* double, by operation year; empty = 1 */

  gboolean mrg_enabled;         /* minimum revenue guarantee */
  double   mrg_share;

  gboolean fx_enabled;          /* foreign-currency conversion guarantee */
  double   fx_share;            /* share of debt service in foreign currency */
  double   fx_base_rate;        /* VND per unit at financial close */
  double   fx_depreciation;     /* VND depreciation per year */
  double   fx_band;             /* state bears the loss beyond this depreciation */

  gboolean rd_enabled;          /* technology (R&D) risk acceptance */
  int      rd_phase_years;      /* construction years that are the R&D phase */
  double   rd_success_probability;
  double   rd_state_share;      /* state's share of sunk cost on failure */
  gboolean rd_failed;           /* deterministic run: the R&D phase fails */

  double   benefit_share_state;       /* share of commercialisation income to the state */
  double   benefit_share_institute;   /* to the research institute (three-party) */
} KtRiskSharing;

typedef struct {
  double three_party_state;     /* shares of funding for three-party cooperation */
  double three_party_enterprise;
  double three_party_institute;
  double bt_settled_value;      /* BT: settled value, interest and profit paid in year C */
  double bt_interest;
  double bt_profit;
  double transfer_price;        /* nominal, cash to the investor in year N−1 */
  double salvage_value;         /* BOO: stated terminal value; < 0: NBV */
} KtFormTerms;

typedef struct {
  double conversion_revenue;    /* CF_rev */
  double conversion_capex;      /* CF_capex */
  double conversion_opex;       /* CF_opex */
  GArray *externalities;        /* KtExternality */
  double psc_capex_overrun;     /* optimism bias */
  double psc_opex_overrun;
  double state_borrowing_rate;
} KtEconomics;

typedef struct {
  int      iterations;
  guint64  seed;
  gboolean lhs;
} KtSimulationSettings;

/* What the proposer's application computed when it saved the file
 * (<claimed-figures>, kt-claims.h).  Never an input: the appraiser recomputes
 * every figure from the inputs and only compares.  NAN: not claimed; no
 * figure and no attribute: the element is absent. */
typedef struct {
  char   *engine;               /* version of Khả Thi that computed them */
  char   *computed_at;          /* ISO 8601 UTC */
  double  total_investment;
  double  project_npv;
  double  project_irr;
  double  equity_npv;
  double  equity_irr;
  double  dscr_min;
  double  llcr;
  double  fiscal_npv;           /* the state's flow at the social rate */
  double  enpv;
  double  eirr;
  double  vfm;
} KtClaimedFigures;

typedef struct {
  /* identity */
  char       *id;               /* UUID */
  KtText      name;
  KtProposer  proposer;
  char       *province;
  KtField     field;
  KtDomain    domain;
  KtForm      form;
  KtStatus    status;
  int         version;
  char       *currency;         /* ISO 4217, "VND" */
  char       *rule_set;         /* id of the rule set the study was built with */
  char       *created;          /* ISO 8601 */
  char       *modified;
  gboolean    st_project;       /* an S&T project (Decree 180) for the revenue band rule */

  /* timeline (MODEL.md §1–2) */
  int         start_year;
  int         construction_years;
  int         operation_years;
  int         price_base_year;  /* calendar year of base prices */
  double      inflation;
  gboolean    real_rates;       /* discount rates are real */

  /* rates (MODEL.md §8) */
  double      wacc;
  double      cost_of_equity;
  double      hurdle_rate;      /* investor's equity IRR target */
  double      finance_rate;     /* MIRR */
  double      reinvest_rate;
  double      social_rate;
  double      min_dscr;         /* lender covenant */

  /* investment (MODEL.md §3) */
  double      contingency_rate;
  double      duty_rate;
  gboolean    duty_exempt;
  GArray     *capex;            /* KtCapexLine */
  GArray     *replacements;     /* KtReplacement */

  /* operations (MODEL.md §5) */
  GArray     *revenues;         /* KtRevenueStream */
  GArray     *state_payments;   /* KtStatePayment */
  GArray     *opex;             /* KtOpexLine */
  GArray     *maintenance;      /* KtMaintenance */
  double      land_rent;        /* per operation year, base prices */
  double      land_rent_escalation;
  int         land_rent_exempt_years;
  double      concession_fee;   /* per operation year, base prices */
  double      concession_fee_escalation;
  gboolean    nwc_enabled;
  double      receivable_days;
  double      payable_days;

  /* financing (MODEL.md §6) */
  double      equity_share;     /* g */
  KtSupportMode support_mode;
  double      support_share;    /* s */
  GArray     *support_schedule; /* double, nominal, per construction year */
  GArray     *loans;            /* KtLoan */
  GArray     *public_assets;    /* KtPublicAsset */

  /* incentives (MODEL.md §7) */
  KtIncentive incentive;

  /* PPP mechanics */
  KtRiskSharing sharing;
  KtFormTerms   terms;
  GArray       *rule_overrides; /* KtRuleOverride */

  /* risk and uncertainty (MODEL.md §10) */
  GArray       *risks;          /* KtRisk */
  GArray       *uncertainties;  /* KtUncertainty */
  GArray       *correlations;   /* KtCorrelation */
  GArray       *scenarios;      /* KtScenario */
  KtSimulationSettings simulation;

  KtEconomics   economics;

  /* narrative chapters, indexed by KtChapter */
  KtText        chapters[KT_N_CHAPTERS];
  char         *notes;          /* assumptions and sources */

  KtClaimedFigures claimed;     /* the proposer's figures, for comparison only */
} KtProjectData;

#define KT_TYPE_PROJECT (kt_project_get_type ())
G_DECLARE_FINAL_TYPE (KtProject, kt_project, KT, PROJECT, GObject)

/* An empty study with the defaults of a new project (no lines). */
KtProject          *kt_project_new              (void);
const KtProjectData *kt_project_get_data        (KtProject   *self);
/* For editing: call kt_project_changed() after writing. */
KtProjectData      *kt_project_edit_data        (KtProject   *self);
/* Emits ::changed with the section name (a schema path such as "capex"). */
void                kt_project_changed          (KtProject   *self,
                                                 const char  *section);
/* A deep copy: scenarios and simulations work on copies. */
KtProject          *kt_project_copy             (KtProject   *self);
gboolean            kt_project_equal            (KtProject   *a,
                                                 KtProject   *b);
/* Name in the current UI language, falling back to the other. */
const char         *kt_project_get_display_name (KtProject   *self);
const char         *kt_text_get                 (const KtText *text,
                                                 const char   *lang);
int                 kt_project_n_years          (KtProject   *self);

void                kt_project_data_init        (KtProjectData       *data);
void                kt_project_data_clear       (KtProjectData       *data);
void                kt_project_data_copy        (KtProjectData       *dest,
                                                 const KtProjectData *src);

G_END_DECLS
