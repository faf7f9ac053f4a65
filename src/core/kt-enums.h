/* kt-enums.h — enumerations of the project document and their file/label names
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each enum has a table (kt-enums.c) giving its stable file keyword and its
 * translatable label.  Keywords are a file-format contract: never rename one. */

typedef enum {
  KT_FORM_BOT, KT_FORM_BTO, KT_FORM_BOO, KT_FORM_BTL, KT_FORM_BLT, KT_FORM_BT,
  KT_FORM_OM, KT_FORM_HYBRID, KT_FORM_ORDERING, KT_FORM_THREE_PARTY, KT_FORM_PUBLIC_ASSET_JV,
  KT_N_FORMS
} KtForm;

typedef enum {
  KT_FIELD_HIGH_TECH, KT_FIELD_DIGITAL_INFRASTRUCTURE, KT_FIELD_SHARED_PLATFORM,
  KT_FIELD_DIGITAL_WORKFORCE, KT_FIELD_OTHER,
  KT_N_FIELDS
} KtField;

typedef enum {
  KT_DOMAIN_SMART_CITY, KT_DOMAIN_LOGISTICS, KT_DOMAIN_AGRICULTURE, KT_DOMAIN_HEALTH,
  KT_DOMAIN_EDUCATION, KT_DOMAIN_ENVIRONMENT, KT_DOMAIN_PUBLIC_ADMINISTRATION, KT_DOMAIN_OTHER,
  KT_N_DOMAINS
} KtDomain;

typedef enum {
  KT_STATUS_DRAFT, KT_STATUS_SUBMITTED, KT_STATUS_UNDER_APPRAISAL, KT_STATUS_APPROVED,
  KT_STATUS_RETURNED, KT_STATUS_REJECTED,
  KT_N_STATUSES
} KtStatus;

typedef enum {
  KT_CAPEX_EQUIPMENT, KT_CAPEX_SOFTWARE, KT_CAPEX_CONSTRUCTION, KT_CAPEX_LAND,
  KT_CAPEX_SITE_WORKS, KT_CAPEX_IP, KT_CAPEX_PRE_OPERATING, KT_CAPEX_OTHER,
  KT_N_CAPEX_CATEGORIES
} KtCapexCategory;

typedef enum {
  KT_DEPRECIATION_STRAIGHT_LINE, KT_DEPRECIATION_DECLINING_BALANCE,
  KT_N_DEPRECIATION_METHODS
} KtDepreciationMethod;

typedef enum {
  KT_REPAYMENT_EQUAL_PRINCIPAL, KT_REPAYMENT_ANNUITY, KT_REPAYMENT_SCULPTED,
  KT_N_REPAYMENTS
} KtRepayment;

typedef enum {
  KT_SUPPORT_NONE, KT_SUPPORT_SHARE, KT_SUPPORT_SCHEDULE,
  KT_N_SUPPORT_MODES
} KtSupportMode;

typedef enum {
  KT_ASSET_LAND, KT_ASSET_DATA_CENTRE, KT_ASSET_EXISTING_SYSTEM, KT_ASSET_DATA, KT_ASSET_OTHER,
  KT_N_ASSET_KINDS
} KtAssetKind;

/* Incentive classes name entries of the rule set's CIT schedules. */
typedef enum {
  KT_INCENTIVE_NONE, KT_INCENTIVE_HIGH_TECH, KT_INCENTIVE_REDUCED_17, KT_INCENTIVE_STARTUP,
  KT_N_INCENTIVES
} KtIncentive;

typedef enum {
  KT_RISK_TECHNOLOGY, KT_RISK_DEMAND, KT_RISK_CONSTRUCTION_DELAY, KT_RISK_COST_OVERRUN,
  KT_RISK_DATA_SECURITY, KT_RISK_REGULATORY, KT_RISK_FINANCIAL_FX, KT_RISK_FORCE_MAJEURE,
  KT_RISK_OPERATIONS, KT_RISK_OBSOLESCENCE, KT_RISK_IP, KT_RISK_INTEROPERABILITY,
  KT_RISK_STATE_PAYMENT, KT_RISK_LAND_SITE, KT_RISK_EARLY_TERMINATION, KT_RISK_OTHER,
  KT_N_RISK_CATEGORIES
} KtRiskCategory;

typedef enum {
  KT_OWNER_STATE, KT_OWNER_INVESTOR, KT_OWNER_SHARED,
  KT_N_OWNERS
} KtOwner;

/* Model drivers that sensitivity, scenarios, risks and Monte Carlo can move. */
typedef enum {
  KT_DRIVER_NONE, KT_DRIVER_CAPEX, KT_DRIVER_DEMAND, KT_DRIVER_TARIFF, KT_DRIVER_OPEX,
  KT_DRIVER_INTEREST_RATE, KT_DRIVER_DELAY, KT_DRIVER_STATE_PAYMENT, KT_DRIVER_INFLATION,
  KT_DRIVER_FX_RATE, KT_DRIVER_RD_SUCCESS,
  KT_N_DRIVERS
} KtDriver;

typedef enum {
  KT_DIST_NORMAL, KT_DIST_LOGNORMAL, KT_DIST_UNIFORM, KT_DIST_TRIANGULAR, KT_DIST_PERT,
  KT_DIST_DISCRETE, KT_DIST_BERNOULLI,
  KT_N_DISTS
} KtDist;

typedef enum {
  KT_DIST_MODE_MULTIPLIER, KT_DIST_MODE_ABSOLUTE,
  KT_N_DIST_MODES
} KtDistMode;

typedef enum {
  KT_CHAPTER_NECESSITY, KT_CHAPTER_OBJECTIVES, KT_CHAPTER_SCOPE, KT_CHAPTER_TECHNOLOGY,
  KT_CHAPTER_RD_COMMERCIALISATION, KT_CHAPTER_DATA_IP, KT_CHAPTER_FORM_RATIONALE,
  KT_CHAPTER_BENEFIT_SHARING, KT_CHAPTER_SANDBOX, KT_CHAPTER_OPERATION,
  KT_CHAPTER_SOCIAL_ENVIRONMENTAL, KT_CHAPTER_IMPLEMENTATION, KT_CHAPTER_CONCLUSION,
  KT_CHAPTER_RISK_ANALYSIS, KT_CHAPTER_INCENTIVES_GUARANTEES,
  KT_N_CHAPTERS
} KtChapter;

typedef struct {
  int         value;
  const char *key;     /* file keyword, ASCII, stable */
  const char *label;   /* N_() marked; translate with _() at use */
} KtEnumEntry;

typedef struct {
  const char        *name;   /* enum name, used in schema and messages */
  const KtEnumEntry *entries;
  int                n_entries;
} KtEnumInfo;

extern const KtEnumInfo kt_form_info;
extern const KtEnumInfo kt_field_info;
extern const KtEnumInfo kt_domain_info;
extern const KtEnumInfo kt_status_info;
extern const KtEnumInfo kt_capex_category_info;
extern const KtEnumInfo kt_depreciation_method_info;
extern const KtEnumInfo kt_repayment_info;
extern const KtEnumInfo kt_support_mode_info;
extern const KtEnumInfo kt_asset_kind_info;
extern const KtEnumInfo kt_incentive_info;
extern const KtEnumInfo kt_risk_category_info;
extern const KtEnumInfo kt_owner_info;
extern const KtEnumInfo kt_driver_info;
extern const KtEnumInfo kt_dist_info;
extern const KtEnumInfo kt_dist_mode_info;
extern const KtEnumInfo kt_chapter_info;

const char *kt_enum_key         (const KtEnumInfo *info,
                                 int               value);
/* Translated label (calls gettext). */
const char *kt_enum_label       (const KtEnumInfo *info,
                                 int               value);
gboolean    kt_enum_from_key    (const KtEnumInfo *info,
                                 const char       *key,
                                 int              *value);

G_END_DECLS
