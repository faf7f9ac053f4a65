/* kt-rules.c — loading, validating and resolving the legal rule set
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

#include "kt-problem.h"
#include "kt-rules.h"
#include "kt-validate.h"
#include "kt-xml.h"

#define KT_RULES_NAMESPACE "https://khathi.github.io/ns/rules/1"
#define DEFAULT_RULE_SET   "vn-2025-11"

G_DEFINE_QUARK (kt-rules-error-quark, kt_rules_error)

struct _KtRuleSet {
  char       *id;
  char       *valid_from;
  char       *title_vi;
  char       *title_en;
  GPtrArray  *params;     /* KtRuleParam*, file order */
  GHashTable *by_key;     /* key → KtRuleParam* */
};

/* Every key the engine reads, with the range a value must lie in. */
typedef struct {
  const char *key;
  double      min;
  double      max;
} RequiredKey;

static const RequiredKey required_keys[] = {
  { "cit.standard-rate", 0, 1 },
  { "cit.band1.revenue", 0, 1e18 }, { "cit.band1.rate", 0, 1 },
  { "cit.band2.revenue", 0, 1e18 }, { "cit.band2.rate", 0, 1 },
  { "cit.high-tech.rate", 0, 1 }, { "cit.high-tech.rate-years", 0, 99 },
  { "cit.high-tech.exempt-years", 0, 99 }, { "cit.high-tech.reduced-years", 0, 99 },
  { "cit.reduced-17.rate", 0, 1 }, { "cit.reduced-17.rate-years", 0, 99 },
  { "cit.reduced-17.exempt-years", 0, 99 }, { "cit.reduced-17.reduced-years", 0, 99 },
  { "cit.startup.exempt-years", 0, 99 }, { "cit.startup.reduced-years", 0, 99 },
  { "cit.holiday-latest-start", 1, 99 }, { "cit.loss-carry-years", 0, 99 },
  { "cit.rd-deduction-multiple", 1, 10 }, { "cit.st-income-max-exempt-years", 0, 99 },
  { "depreciation.db-coefficient-short", 1, 10 }, { "depreciation.db-coefficient-medium", 1, 10 },
  { "depreciation.db-coefficient-long", 1, 10 },
  { "depreciation.state-funded-assets-depreciable", 0, 1 },
  { "depreciation.transfer-writeoff-deductible", 0, 1 },
  { "depreciation.depreciate-over-term", 0, 1 },
  { "state-capital.cap", 0, 1 }, { "state-capital.cap-st", 0, 1 },
  { "equity.minimum-share", 0, 1 }, { "equity.base-excludes-state", 0, 1 },
  { "duration.max-years", 1, 200 },
  { "band.lower", 0, 2 }, { "band.upper", 0, 5 }, { "band.share-down", 0, 1 }, { "band.share-up", 0, 1 },
  { "band.lower-min", 0, 2 }, { "band.lower-max", 0, 2 }, { "band.upper-min", 0, 5 }, { "band.upper-max", 0, 5 },
  { "band.st-first-years", 0, 99 }, { "band.st-share-down", 0, 1 },
};

static void
param_free (KtRuleParam *p)
{
  g_free (p->key);
  g_free (p->unit);
  g_free (p->basis);
  g_free (p->status);
  g_free (p->valid_from);
  g_free (p->label_en);
  g_free (p->label_vi);
  g_free (p);
}

void
kt_rule_set_free (KtRuleSet *set)
{
  if (set == NULL)
    return;
  g_free (set->id);
  g_free (set->valid_from);
  g_free (set->title_vi);
  g_free (set->title_en);
  g_clear_pointer (&set->by_key, g_hash_table_unref);
  g_clear_pointer (&set->params, g_ptr_array_unref);
  g_free (set);
}

G_GNUC_PRINTF (4, 5) static void
rules_fail (GError    **error,
            const char *filename,
            int         line,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, KT_RULES_ERROR, KT_RULES_ERROR_INVALID, "%s:%d: %s", filename, line, message);
}

static gboolean
parse_param (xmlNode     *node,
             KtRuleSet   *set,
             const char  *filename,
             GError     **error)
{
  KtRuleParam *p = g_new0 (KtRuleParam, 1);
  g_autofree char *negotiable = NULL;
  gboolean have_value = FALSE;

  p->key = kt_xml_prop (node, "key");
  p->unit = kt_xml_prop (node, "unit");
  p->status = kt_xml_prop (node, "status");
  p->valid_from = kt_xml_prop (node, "valid-from");
  negotiable = kt_xml_prop (node, "negotiable");
  p->negotiable = g_strcmp0 (negotiable, "true") == 0;
  if (p->key == NULL || p->unit == NULL || p->status == NULL)
    {
      rules_fail (error, filename, xmlGetLineNo (node),
                  _("a parameter needs the attributes key, unit and status"));
      param_free (p);
      return FALSE;
    }
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      g_autofree char *text = kt_xml_content (c);
      if (strcmp ((const char *) c->name, "value") == 0)
        {
          char *end = NULL;
          p->value = g_ascii_strtod (text, &end);
          have_value = end != text && *end == '\0' && isfinite (p->value);
        }
      else if (strcmp ((const char *) c->name, "basis") == 0)
        g_free (p->basis), p->basis = g_steal_pointer (&text);
      else if (strcmp ((const char *) c->name, "label") == 0)
        {
          xmlChar *lang = xmlNodeGetLang (c);
          if (lang != NULL && strcmp ((const char *) lang, "vi") == 0)
            g_free (p->label_vi), p->label_vi = g_steal_pointer (&text);
          else
            g_free (p->label_en), p->label_en = g_steal_pointer (&text);
          xmlFree (lang);
        }
    }
  if (!have_value || p->basis == NULL)
    {
      rules_fail (error, filename, xmlGetLineNo (node),
                  _("parameter “%s” needs a numeric <value> and a legal <basis>"), p->key);
      param_free (p);
      return FALSE;
    }
  if (g_hash_table_contains (set->by_key, p->key))
    {
      rules_fail (error, filename, xmlGetLineNo (node), _("parameter “%s” appears twice"), p->key);
      param_free (p);
      return FALSE;
    }
  g_ptr_array_add (set->params, p);
  g_hash_table_insert (set->by_key, p->key, p);
  return TRUE;
}

KtRuleSet *
kt_rule_set_load_from_data (const char  *data,
                            gsize        length,
                            const char  *filename,
                            GError     **error)
{
  g_autoptr (KtRuleSet) set = g_new0 (KtRuleSet, 1);
  xmlDoc *doc;
  xmlNode *root;

  set->params = g_ptr_array_new_with_free_func ((GDestroyNotify) param_free);
  set->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  if (length == 0 || g_strstr_len (data, length, "<!DOCTYPE") != NULL
      || g_strstr_len (data, length, "<!ENTITY") != NULL)
    {
      rules_fail (error, filename, 1, _("the rule set is empty or has a forbidden DOCTYPE"));
      return NULL;
    }
  doc = xmlReadMemory (data, (int) length, NULL, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      xmlErrorPtr e = xmlGetLastError ();
      g_set_error (error, KT_RULES_ERROR, KT_RULES_ERROR_PARSE, "%s:%d: %s", filename,
                   e ? e->line : 0, _("the rule set is not well-formed XML"));
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (root == NULL || strcmp ((const char *) root->name, "rule-set") != 0 || root->ns == NULL
      || strcmp ((const char *) root->ns->href, KT_RULES_NAMESPACE) != 0)
    {
      rules_fail (error, filename, root ? xmlGetLineNo (root) : 1,
                  _("not a Khả Thi rule set (expected <rule-set> in namespace %s)"), KT_RULES_NAMESPACE);
      xmlFreeDoc (doc);
      return NULL;
    }
  set->id = kt_xml_prop (root, "id");
  set->valid_from = kt_xml_prop (root, "valid-from");
  if (set->id == NULL || set->valid_from == NULL)
    {
      rules_fail (error, filename, xmlGetLineNo (root), _("the rule set needs an id and a valid-from date"));
      xmlFreeDoc (doc);
      return NULL;
    }
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) c->name, "title") == 0)
        {
          for (xmlNode *t = c->children; t != NULL; t = t->next)
            if (t->type == XML_ELEMENT_NODE)
              {
                char *text = kt_xml_content (t);
                if (strcmp ((const char *) t->name, "vi") == 0)
                  g_free (set->title_vi), set->title_vi = text;
                else
                  g_free (set->title_en), set->title_en = text;
              }
        }
      else if (strcmp ((const char *) c->name, "param") == 0)
        {
          if (!parse_param (c, set, filename, error))
            {
              xmlFreeDoc (doc);
              return NULL;
            }
        }
      else
        {
          rules_fail (error, filename, xmlGetLineNo (c), _("unknown element <%s> in the rule set"),
                      (const char *) c->name);
          xmlFreeDoc (doc);
          return NULL;
        }
    }
  xmlFreeDoc (doc);

  for (gsize i = 0; i < G_N_ELEMENTS (required_keys); i++)
    {
      const KtRuleParam *p = g_hash_table_lookup (set->by_key, required_keys[i].key);
      if (p == NULL)
        {
          g_set_error (error, KT_RULES_ERROR, KT_RULES_ERROR_INVALID,
                       _("%s: the rule set lacks the parameter “%s”"), filename, required_keys[i].key);
          return NULL;
        }
      if (p->value < required_keys[i].min || p->value > required_keys[i].max)
        {
          g_autofree char *value = kt_validate_format_number (p->value);
          g_autofree char *lo = kt_validate_format_number (required_keys[i].min);
          g_autofree char *hi = kt_validate_format_number (required_keys[i].max);

          g_set_error (error, KT_RULES_ERROR, KT_RULES_ERROR_INVALID,
                       _("%s: parameter “%s” = %s is outside %s … %s"), filename, p->key, value, lo, hi);
          return NULL;
        }
    }
  return g_steal_pointer (&set);
}

KtRuleSet *
kt_rule_set_load (GFile   *file,
                  GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;
  return kt_rule_set_load_from_data (contents, length, name, error);
}

const char *
kt_data_dir (void)
{
  static gsize once = 0;
  static char *dir = NULL;

  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("KHATHI_DATA_DIR");
      char *found;
      g_autofree char *installed = g_build_filename (PKGDATADIR, "rules", NULL);

      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else if (g_file_test (installed, G_FILE_TEST_IS_DIR))
        found = g_strdup (PKGDATADIR);
      else
        found = g_strdup (SOURCE_DATADIR);  /* running from the build tree */
      dir = found;
      g_once_init_leave (&once, 1);
    }
  return dir;
}

const char *
kt_rule_set_default_id (void)
{
  return DEFAULT_RULE_SET;
}

KtRuleSet *
kt_rule_set_load_by_id (const char  *id,
                        GError     **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;

  if (id == NULL || *id == '\0' || strchr (id, '/') != NULL || strchr (id, '\\') != NULL || id[0] == '.')
    {
      g_set_error (error, KT_RULES_ERROR, KT_RULES_ERROR_NOT_FOUND,
                   _("“%s” is not a valid rule set name"), id ? id : "");
      return NULL;
    }
  basename = g_strconcat (id, ".xml", NULL);
  path = g_build_filename (kt_data_dir (), "rules", basename, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, KT_RULES_ERROR, KT_RULES_ERROR_NOT_FOUND,
                   _("The rule set “%s” is not installed (looked for %s)"), id, path);
      return NULL;
    }
  file = g_file_new_for_path (path);
  return kt_rule_set_load (file, error);
}

const char *
kt_rule_set_get_id (KtRuleSet *set)
{
  return set->id;
}

const char *
kt_rule_set_get_title (KtRuleSet  *set,
                       const char *lang)
{
  if (lang != NULL && g_str_has_prefix (lang, "vi") && set->title_vi != NULL)
    return set->title_vi;
  return set->title_en ? set->title_en : set->id;
}

const char *
kt_rule_set_get_valid_from (KtRuleSet *set)
{
  return set->valid_from;
}

const KtRuleParam *
kt_rule_set_lookup (KtRuleSet  *set,
                    const char *key)
{
  return g_hash_table_lookup (set->by_key, key);
}

guint
kt_rule_set_get_n_params (KtRuleSet *set)
{
  return set->params->len;
}

const KtRuleParam *
kt_rule_set_get_param (KtRuleSet *set,
                       guint      index)
{
  g_return_val_if_fail (index < set->params->len, NULL);
  return set->params->pdata[index];
}

/* ---- resolving ---- */

/* An override must lie where the rule set's own value may: the engine casts
 * year counts to int, and (int) 1e18 is undefined. */
static gboolean
override_in_range (const char *key,
                   double      value)
{
  if (!isfinite (value))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (required_keys); i++)
    if (strcmp (required_keys[i].key, key) == 0)
      return value >= required_keys[i].min && value <= required_keys[i].max;
  return TRUE;
}

typedef struct {
  KtRuleSet           *set;
  const KtProjectData *project;
} Resolver;

static double
value_of (Resolver   *r,
          const char *key)
{
  const KtRuleParam *p = g_hash_table_lookup (r->set->by_key, key);

  if (r->project != NULL)
    for (guint i = 0; i < r->project->rule_overrides->len; i++)
      {
        const KtRuleOverride *o = &g_array_index (r->project->rule_overrides, KtRuleOverride, i);
        if (p != NULL && p->negotiable && g_strcmp0 (o->key, key) == 0
            && override_in_range (key, o->value))
          return o->value;
      }
  return p != NULL ? p->value : 0;
}

static void
set_schedule (Resolver      *r,
              KtCitSchedule *s,
              const char    *prefix,
              gboolean       has_rate)
{
  g_autofree char *rate = g_strconcat (prefix, ".rate", NULL);
  g_autofree char *years = g_strconcat (prefix, ".rate-years", NULL);
  g_autofree char *exempt = g_strconcat (prefix, ".exempt-years", NULL);
  g_autofree char *reduced = g_strconcat (prefix, ".reduced-years", NULL);

  s->rate = has_rate ? value_of (r, rate) : -1;
  s->rate_years = has_rate ? (int) value_of (r, years) : 0;
  s->exempt_years = (int) value_of (r, exempt);
  s->reduced_years = (int) value_of (r, reduced);
  s->holiday_latest_start = (int) value_of (r, "cit.holiday-latest-start");
}

void
kt_rules_resolve (KtRuleSet           *set,
                  const KtProjectData *project,
                  KtRules             *rules,
                  GPtrArray           *problems)
{
  Resolver r = { set, project };

  g_return_if_fail (set != NULL && rules != NULL);
  memset (rules, 0, sizeof *rules);

  if (project != NULL && problems != NULL)
    for (guint i = 0; i < project->rule_overrides->len; i++)
      {
        const KtRuleOverride *o = &g_array_index (project->rule_overrides, KtRuleOverride, i);
        const KtRuleParam *p = o->key ? g_hash_table_lookup (set->by_key, o->key) : NULL;
        g_autofree char *where = g_strdup_printf ("legal/overrides/%u/key", i + 1);

        if (p == NULL)
          kt_problems_add (problems, KT_SEVERITY_ERROR, "override_unknown", where, 0,
                           _("The rule set “%s” has no parameter “%s” to override"),
                           set->id, o->key ? o->key : "");
        else if (!p->negotiable)
          kt_problems_add (problems, KT_SEVERITY_ERROR, "override_not_negotiable", where, 0,
                           _("“%s” is fixed by law (%s) and cannot be negotiated per project"),
                           o->key, p->basis);
        else if (!override_in_range (o->key, o->value))
          {
            g_autofree char *value_where = g_strdup_printf ("legal/overrides/%u/value", i + 1);
            g_autofree char *value = kt_validate_format_number (o->value);

            kt_problems_add (problems, KT_SEVERITY_ERROR, "override_out_of_range", value_where, 0,
                             _("The negotiated value %s of “%s” is outside what the rule set allows"),
                             value, o->key);
          }
      }

  rules->cit_standard_rate = value_of (&r, "cit.standard-rate");
  rules->n_cit_bands = 2;
  rules->cit_band_revenue[0] = value_of (&r, "cit.band1.revenue");
  rules->cit_band_rate[0] = value_of (&r, "cit.band1.rate");
  rules->cit_band_revenue[1] = value_of (&r, "cit.band2.revenue");
  rules->cit_band_rate[1] = value_of (&r, "cit.band2.rate");
  set_schedule (&r, &rules->cit[KT_INCENTIVE_NONE], "cit.none", FALSE);
  rules->cit[KT_INCENTIVE_NONE].exempt_years = 0;
  rules->cit[KT_INCENTIVE_NONE].reduced_years = 0;
  set_schedule (&r, &rules->cit[KT_INCENTIVE_HIGH_TECH], "cit.high-tech", TRUE);
  set_schedule (&r, &rules->cit[KT_INCENTIVE_REDUCED_17], "cit.reduced-17", TRUE);
  set_schedule (&r, &rules->cit[KT_INCENTIVE_STARTUP], "cit.startup", FALSE);
  rules->loss_carry_years = (int) value_of (&r, "cit.loss-carry-years");
  rules->rd_deduction_multiple = value_of (&r, "cit.rd-deduction-multiple");
  rules->st_income_max_exempt_years = (int) value_of (&r, "cit.st-income-max-exempt-years");

  rules->db_coefficient_short = value_of (&r, "depreciation.db-coefficient-short");
  rules->db_coefficient_medium = value_of (&r, "depreciation.db-coefficient-medium");
  rules->db_coefficient_long = value_of (&r, "depreciation.db-coefficient-long");
  rules->state_funded_assets_depreciable = value_of (&r, "depreciation.state-funded-assets-depreciable") != 0;
  rules->transfer_writeoff_deductible = value_of (&r, "depreciation.transfer-writeoff-deductible") != 0;
  rules->depreciate_over_term = value_of (&r, "depreciation.depreciate-over-term") != 0;

  rules->state_capital_cap = value_of (&r, "state-capital.cap");
  rules->state_capital_cap_st = value_of (&r, "state-capital.cap-st");
  rules->min_equity_share = value_of (&r, "equity.minimum-share");
  rules->min_equity_base_excludes_state = value_of (&r, "equity.base-excludes-state") != 0;
  rules->max_duration_years = (int) value_of (&r, "duration.max-years");

  rules->band_lower = value_of (&r, "band.lower");
  rules->band_upper = value_of (&r, "band.upper");
  rules->band_share_down = value_of (&r, "band.share-down");
  rules->band_share_up = value_of (&r, "band.share-up");
  rules->band_lower_min = value_of (&r, "band.lower-min");
  rules->band_lower_max = value_of (&r, "band.lower-max");
  rules->band_upper_min = value_of (&r, "band.upper-min");
  rules->band_upper_max = value_of (&r, "band.upper-max");
  rules->st_first_years = (int) value_of (&r, "band.st-first-years");
  rules->st_first_years_share_down = value_of (&r, "band.st-share-down");
  for (int f = 0; f < KT_N_FORMS; f++)
    {
      const char *key = kt_enum_key (&kt_form_info, f);
      g_autofree char *down = g_strconcat ("band.downside.", key, NULL);
      g_autofree char *up = g_strconcat ("band.upside.", key, NULL);
      rules->downside_allowed[f] = value_of (&r, down) != 0;
      rules->upside_allowed[f] = value_of (&r, up) != 0;
    }
}
