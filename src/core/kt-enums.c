/* kt-enums.c — keyword and label tables of the document's enumerations
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kt-enums.h"

#define TABLE(var, cname, ...)                                           \
  static const KtEnumEntry var##_entries[] = { __VA_ARGS__ };           \
  const KtEnumInfo var = { cname, var##_entries, G_N_ELEMENTS (var##_entries) };

TABLE (kt_form_info, "form",
  { KT_FORM_BOT, "bot", N_("BOT (build–operate–transfer)") },
  { KT_FORM_BTO, "bto", N_("BTO (build–transfer–operate)") },
  { KT_FORM_BOO, "boo", N_("BOO (build–own–operate)") },
  { KT_FORM_BTL, "btl", N_("BTL (build–transfer–lease)") },
  { KT_FORM_BLT, "blt", N_("BLT (build–lease–transfer)") },
  { KT_FORM_BT, "bt", N_("BT (build–transfer)") },
  { KT_FORM_OM, "om", N_("O&M (operation and management)") },
  { KT_FORM_HYBRID, "hybrid", N_("Hybrid contract") },
  { KT_FORM_ORDERING, "ordering", N_("Ordering or sponsorship of S&T tasks") },
  { KT_FORM_THREE_PARTY, "three-party", N_("Three-party cooperation") },
  { KT_FORM_PUBLIC_ASSET_JV, "public-asset-jv", N_("Joint venture using public assets") })

TABLE (kt_field_info, "field",
  { KT_FIELD_HIGH_TECH, "high-tech", N_("High and strategic technology") },
  { KT_FIELD_DIGITAL_INFRASTRUCTURE, "digital-infrastructure", N_("Digital infrastructure") },
  { KT_FIELD_SHARED_PLATFORM, "shared-platform", N_("Shared digital platform") },
  { KT_FIELD_DIGITAL_WORKFORCE, "digital-workforce", N_("Digital-technology workforce training") },
  { KT_FIELD_OTHER, "other", N_("Other S&T, innovation and digital transformation") })

TABLE (kt_domain_info, "domain",
  { KT_DOMAIN_SMART_CITY, "smart-city", N_("Smart city") },
  { KT_DOMAIN_LOGISTICS, "logistics", N_("Logistics") },
  { KT_DOMAIN_AGRICULTURE, "agriculture", N_("High-tech agriculture") },
  { KT_DOMAIN_HEALTH, "health", N_("Health") },
  { KT_DOMAIN_EDUCATION, "education", N_("Education") },
  { KT_DOMAIN_ENVIRONMENT, "environment", N_("Environment") },
  { KT_DOMAIN_PUBLIC_ADMINISTRATION, "public-administration", N_("Public administration") },
  { KT_DOMAIN_OTHER, "other", N_("Other") })

TABLE (kt_status_info, "status",
  { KT_STATUS_DRAFT, "draft", N_("Draft") },
  { KT_STATUS_SUBMITTED, "submitted", N_("Submitted") },
  { KT_STATUS_UNDER_APPRAISAL, "under-appraisal", N_("Under appraisal") },
  { KT_STATUS_APPROVED, "approved", N_("Approved") },
  { KT_STATUS_RETURNED, "returned", N_("Returned for revision") },
  { KT_STATUS_REJECTED, "rejected", N_("Rejected") })

TABLE (kt_capex_category_info, "capex-category",
  { KT_CAPEX_EQUIPMENT, "equipment", N_("Equipment") },
  { KT_CAPEX_SOFTWARE, "software", N_("Software and licences") },
  { KT_CAPEX_CONSTRUCTION, "construction", N_("Construction") },
  { KT_CAPEX_LAND, "land", N_("Land") },
  { KT_CAPEX_SITE_WORKS, "site-works", N_("Site works") },
  { KT_CAPEX_IP, "ip", N_("IP and technology transfer") },
  { KT_CAPEX_PRE_OPERATING, "pre-operating", N_("Pre-operating costs") },
  { KT_CAPEX_OTHER, "other", N_("Other") })

TABLE (kt_depreciation_method_info, "depreciation-method",
  { KT_DEPRECIATION_STRAIGHT_LINE, "straight-line", N_("Straight line") },
  { KT_DEPRECIATION_DECLINING_BALANCE, "declining-balance", N_("Declining balance") })

TABLE (kt_repayment_info, "repayment",
  { KT_REPAYMENT_EQUAL_PRINCIPAL, "equal-principal", N_("Equal principal") },
  { KT_REPAYMENT_ANNUITY, "annuity", N_("Annuity") },
  { KT_REPAYMENT_SCULPTED, "sculpted", N_("Sculpted to DSCR") })

TABLE (kt_support_mode_info, "support-mode",
  { KT_SUPPORT_NONE, "none", N_("No state capital") },
  { KT_SUPPORT_SHARE, "share", N_("Share of each year's need") },
  { KT_SUPPORT_SCHEDULE, "schedule", N_("Fixed schedule") })

TABLE (kt_asset_kind_info, "asset-kind",
  { KT_ASSET_LAND, "land", N_("Land") },
  { KT_ASSET_DATA_CENTRE, "data-centre", N_("Data centre") },
  { KT_ASSET_EXISTING_SYSTEM, "existing-system", N_("Existing system") },
  { KT_ASSET_DATA, "data", N_("State data") },
  { KT_ASSET_OTHER, "other", N_("Other") })

TABLE (kt_incentive_info, "incentive",
  { KT_INCENTIVE_NONE, "none", N_("Standard rate, no holiday") },
  { KT_INCENTIVE_HIGH_TECH, "high-tech", N_("Preferential 10 % (high tech, software, digital)") },
  { KT_INCENTIVE_REDUCED_17, "reduced-17", N_("Preferential 17 %") },
  { KT_INCENTIVE_STARTUP, "startup", N_("Innovative start-up") })

TABLE (kt_risk_category_info, "risk-category",
  { KT_RISK_TECHNOLOGY, "technology", N_("Technology and R&D") },
  { KT_RISK_DEMAND, "demand", N_("Demand and market") },
  { KT_RISK_CONSTRUCTION_DELAY, "construction-delay", N_("Construction and delay") },
  { KT_RISK_COST_OVERRUN, "cost-overrun", N_("Cost overrun") },
  { KT_RISK_DATA_SECURITY, "data-security", N_("Data access and security") },
  { KT_RISK_REGULATORY, "regulatory", N_("Regulatory and change in law") },
  { KT_RISK_FINANCIAL_FX, "financial-fx", N_("Financial and foreign exchange") },
  { KT_RISK_FORCE_MAJEURE, "force-majeure", N_("Force majeure") },
  { KT_RISK_OPERATIONS, "operations", N_("Operations and service level") },
  { KT_RISK_OBSOLESCENCE, "obsolescence", N_("Technology obsolescence") },
  { KT_RISK_IP, "ip", N_("Intellectual property") },
  { KT_RISK_INTEROPERABILITY, "interoperability", N_("Interoperability and lock-in") },
  { KT_RISK_STATE_PAYMENT, "state-payment", N_("State payments") },
  { KT_RISK_LAND_SITE, "land-site", N_("Land and site") },
  { KT_RISK_EARLY_TERMINATION, "early-termination", N_("Early termination") },
  { KT_RISK_OTHER, "other", N_("Other") })

TABLE (kt_owner_info, "owner",
  { KT_OWNER_STATE, "state", N_("State") },
  { KT_OWNER_INVESTOR, "investor", N_("Investor") },
  { KT_OWNER_SHARED, "shared", N_("Shared") })

TABLE (kt_driver_info, "driver",
  { KT_DRIVER_NONE, "none", N_("None") },
  { KT_DRIVER_CAPEX, "capex", N_("Investment cost") },
  { KT_DRIVER_DEMAND, "demand", N_("Demand") },
  { KT_DRIVER_TARIFF, "tariff", N_("Tariff") },
  { KT_DRIVER_OPEX, "opex", N_("Operating cost") },
  { KT_DRIVER_INTEREST_RATE, "interest-rate", N_("Interest rate") },
  { KT_DRIVER_DELAY, "delay", N_("Construction delay") },
  { KT_DRIVER_STATE_PAYMENT, "state-payment", N_("State service payment") },
  { KT_DRIVER_INFLATION, "inflation", N_("Inflation") },
  { KT_DRIVER_FX_RATE, "fx-rate", N_("Exchange rate") },
  { KT_DRIVER_RD_SUCCESS, "rd-success", N_("R&D success") })

TABLE (kt_dist_info, "distribution",
  { KT_DIST_NORMAL, "normal", N_("Normal") },
  { KT_DIST_LOGNORMAL, "lognormal", N_("Lognormal") },
  { KT_DIST_UNIFORM, "uniform", N_("Uniform") },
  { KT_DIST_TRIANGULAR, "triangular", N_("Triangular") },
  { KT_DIST_PERT, "pert", N_("PERT") },
  { KT_DIST_DISCRETE, "discrete", N_("Discrete") },
  { KT_DIST_BERNOULLI, "bernoulli", N_("Bernoulli event") })

TABLE (kt_dist_mode_info, "distribution-mode",
  { KT_DIST_MODE_MULTIPLIER, "multiplier", N_("Multiplier") },
  { KT_DIST_MODE_ABSOLUTE, "absolute", N_("Absolute value") })

TABLE (kt_chapter_info, "chapter",
  { KT_CHAPTER_NECESSITY, "necessity", N_("Rationale and advantage of PPP") },
  { KT_CHAPTER_OBJECTIVES, "objectives", N_("Objectives, scale, location, schedule, term") },
  { KT_CHAPTER_SCOPE, "scope", N_("Scope and component projects") },
  { KT_CHAPTER_TECHNOLOGY, "technology", N_("Technical and technology solution") },
  { KT_CHAPTER_RD_COMMERCIALISATION, "rd-commercialisation", N_("R&D and commercialisation") },
  { KT_CHAPTER_DATA_IP, "data-ip", N_("Data access, security and intellectual property") },
  { KT_CHAPTER_FORM_RATIONALE, "form-rationale", N_("Contract form and why") },
  { KT_CHAPTER_BENEFIT_SHARING, "benefit-sharing", N_("Benefit sharing") },
  { KT_CHAPTER_SANDBOX, "sandbox", N_("Regulatory sandbox") },
  { KT_CHAPTER_OPERATION, "operation", N_("Operation and service plan") },
  { KT_CHAPTER_SOCIAL_ENVIRONMENTAL, "social-environmental", N_("Social and environmental impact") },
  { KT_CHAPTER_IMPLEMENTATION, "implementation", N_("Implementation plan") },
  { KT_CHAPTER_CONCLUSION, "conclusion", N_("Conclusions and recommendations") },
  { KT_CHAPTER_RISK_ANALYSIS, "risk-analysis", N_("Risk analysis and sharing") },
  { KT_CHAPTER_INCENTIVES_GUARANTEES, "incentives-guarantees", N_("Incentives and investment guarantees") })

const char *
kt_enum_key (const KtEnumInfo *info,
             int               value)
{
  for (int i = 0; i < info->n_entries; i++)
    if (info->entries[i].value == value)
      return info->entries[i].key;
  return NULL;
}

const char *
kt_enum_label (const KtEnumInfo *info,
               int               value)
{
  for (int i = 0; i < info->n_entries; i++)
    if (info->entries[i].value == value)
      return _(info->entries[i].label);
  return "";
}

gboolean
kt_enum_from_key (const KtEnumInfo *info,
                  const char       *key,
                  int              *value)
{
  for (int i = 0; i < info->n_entries; i++)
    if (strcmp (info->entries[i].key, key) == 0)
      {
        *value = info->entries[i].value;
        return TRUE;
      }
  return FALSE;
}
