/* kt-claims.c — the proposer's claimed figures: stamping and checking
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kt-claims.h"
#include "kt-portfolio-db.h"
#include "kt-problem.h"
#include "kt-rules.h"
#include "kt-vfm.h"

/* The <claimed-figures> record, from the schema: one table for all.  Looked
 * up each time (a dozen comparisons): imports run on worker threads. */
static const KtRecordDesc *
claims_desc (void)
{
  return kt_record_find_field (kt_schema_project (), "claimed-figures")->record;
}

/* Numeric fields follow the two attributes. */
static guint
first_figure (void)
{
  const KtRecordDesc *desc = claims_desc ();
  guint i = 0;

  while (i < (guint) desc->n_fields && desc->fields[i].type != KT_FT_DOUBLE)
    i++;
  return i;
}

guint
kt_claims_n_figures (void)
{
  return (guint) claims_desc ()->n_fields - first_figure ();
}

const KtFieldDesc *
kt_claims_figure (guint index)
{
  g_return_val_if_fail (index < kt_claims_n_figures (), NULL);
  return &claims_desc ()->fields[first_figure () + index];
}

const KtFieldDesc *
kt_claims_find (const char *key)
{
  const KtFieldDesc *f = kt_record_find_field (claims_desc (), key);

  return f != NULL && f->type == KT_FT_DOUBLE ? f : NULL;
}

double
kt_claims_get (const KtClaimedFigures *claims,
               guint                   index)
{
  return *(const double *) ((const char *) claims + kt_claims_figure (index)->offset);
}

gboolean
kt_claims_present (const KtClaimedFigures *claims)
{
  if ((claims->engine != NULL && *claims->engine) || (claims->computed_at != NULL && *claims->computed_at))
    return TRUE;
  for (guint i = 0; i < kt_claims_n_figures (); i++)
    if (!isnan (kt_claims_get (claims, i)))
      return TRUE;
  return FALSE;
}

gboolean
kt_claims_match (KtUnit unit,
                 double claimed,
                 double recomputed)
{
  double diff, tolerance;

  if (!isfinite (claimed) || !isfinite (recomputed))
    return FALSE;
  diff = fabs (claimed - recomputed);
  switch (unit)
    {
    case KT_UNIT_VND:
      tolerance = MAX (KT_CLAIM_MONEY_RELATIVE * fabs (recomputed), KT_CLAIM_MONEY_ABSOLUTE);
      break;
    case KT_UNIT_RATE:
      tolerance = KT_CLAIM_RATE_ABSOLUTE;
      break;
    default:
      tolerance = KT_CLAIM_RATIO_ABSOLUTE;
      break;
    }
  /* Bounds are inclusive: 0.1235 against 0.1234 is 0.0001 on paper, a hair
   * more in binary. */
  return diff <= tolerance * (1 + 1e-9);
}

char *
kt_claims_format (KtUnit unit,
                  double value,
                  KtLang lang)
{
  switch (unit)
    {
    case KT_UNIT_VND:
      return kt_format_money (value, KT_MONEY_DONG, TRUE, lang);
    case KT_UNIT_RATE:
      return kt_format_percent (value, 2, lang);
    default:
      return kt_format_number (value, 3, lang);
    }
}

static double
irr_or_nan (const KtIrrResult *r)
{
  return r->status == KT_IRR_NONE ? NAN : r->irr;
}

static double
finite_or_nan (double x)
{
  return isfinite (x) ? x : NAN;
}

void
kt_claims_from_model (const KtModel       *model,
                      const KtProjectData *data,
                      KtClaimedFigures    *out)
{
  const KtModelResults *r = &model->r;
  KtVfm vfm;

  kt_vfm_compute (model, data, &vfm);
  /* Infinite ratios (no debt service) are undefined, as in the reports. */
  out->total_investment = finite_or_nan (r->total_investment);
  out->project_npv = finite_or_nan (r->project_npv);
  out->project_irr = finite_or_nan (irr_or_nan (&r->project_irr));
  out->equity_npv = finite_or_nan (r->equity_npv);
  out->equity_irr = finite_or_nan (irr_or_nan (&r->equity_irr));
  out->dscr_min = finite_or_nan (r->dscr_min);
  out->llcr = finite_or_nan (r->llcr);
  out->fiscal_npv = finite_or_nan (r->fiscal_npv);
  out->enpv = finite_or_nan (r->enpv);
  out->eirr = finite_or_nan (irr_or_nan (&r->eirr));
  out->vfm = finite_or_nan (vfm.vfm);
}

static char *
now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
kt_project_data_stamp_claims (KtProjectData *data,
                              const KtModel *model,
                              const char    *computed_at)
{
  KtClaimedFigures *c = &data->claimed;

  g_return_if_fail (data != NULL && model != NULL);
  kt_claims_from_model (model, data, c);
  g_free (c->engine);
  c->engine = g_strdup (PACKAGE_VERSION);
  g_free (c->computed_at);
  c->computed_at = computed_at != NULL ? g_strdup (computed_at) : now_iso8601 ();
}

static void
clear_claims (KtClaimedFigures *c)
{
  g_clear_pointer (&c->engine, g_free);
  g_clear_pointer (&c->computed_at, g_free);
  for (guint i = 0; i < kt_claims_n_figures (); i++)
    *(double *) ((char *) c + kt_claims_figure (i)->offset) = NAN;
}

gboolean
kt_project_stamp_claims (KtProject   *project,
                         const char  *computed_at,
                         GError     **error)
{
  KtProjectData *data = kt_project_edit_data (project);
  g_autoptr (KtRuleSet) set = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtModel) model = NULL;
  KtRules rules;
  const char *id;

  /* Stale claims would be worse than none. */
  clear_claims (&data->claimed);
  id = data->rule_set != NULL && *data->rule_set ? data->rule_set : kt_rule_set_default_id ();
  set = kt_rule_set_load_by_id (id, error);
  if (set == NULL)
    return FALSE;
  memset (&rules, 0, sizeof rules);
  kt_rules_resolve (set, data, &rules, problems);
  model = kt_model_new (data, 0);
  if (model == NULL || !kt_model_evaluate (model, data, &rules, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The project has no year to compute (check its timeline)"));
      return FALSE;
    }
  kt_project_data_stamp_claims (data, model, computed_at);
  return TRUE;
}

GPtrArray *
kt_claims_check (const KtClaimedFigures *claimed,
                 const KtClaimedFigures *recomputed)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_claim_check_free);

  for (guint i = 0; i < kt_claims_n_figures (); i++)
    {
      const KtFieldDesc *f = kt_claims_figure (i);
      double c = kt_claims_get (claimed, i);
      KtClaimCheck *check;

      if (isnan (c))
        continue;
      check = g_new0 (KtClaimCheck, 1);
      check->key = g_strdup (f->name);
      check->label = g_strdup (_(f->label));
      check->claimed = c;
      check->recomputed = kt_claims_get (recomputed, i);
      check->matches = kt_claims_match (f->unit, c, check->recomputed);
      g_ptr_array_add (checks, check);
    }
  return checks;
}

void
kt_claim_check_free (KtClaimCheck *c)
{
  if (c == NULL)
    return;
  g_free (c->key);
  g_free (c->label);
  g_free (c);
}
