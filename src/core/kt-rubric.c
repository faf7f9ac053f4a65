/* kt-rubric.c — loading a scoring rubric safely and scoring automatic criteria (DOMAIN.md §7)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "kt-format.h"
#include "kt-problem.h"
#include "kt-rubric.h"
#include "kt-rules.h"
#include "kt-xml.h"

#define MAX_RUBRIC_SIZE (1024 * 1024)

G_DEFINE_QUARK (kt-rubric-error-quark, kt_rubric_error)

static void
indicator_free (gpointer p)
{
  KtRubricIndicator *ind = p;

  g_free (ind->metric);
  g_clear_pointer (&ind->bands, g_array_unref);
  g_free (ind->label_en);
  g_free (ind->label_vi);
  g_free (ind);
}

static void
criterion_free (gpointer p)
{
  KtRubricCriterion *c = p;

  g_free (c->key);
  g_free (c->label_en);
  g_free (c->label_vi);
  g_free (c->guidance_en);
  g_free (c->guidance_vi);
  g_clear_pointer (&c->indicators, g_ptr_array_unref);
  g_free (c);
}

static void
check_free (gpointer p)
{
  KtRubricCheck *c = p;

  g_free (c->code);
  g_free (c->citation);
  g_free (c->label_en);
  g_free (c->label_vi);
  g_free (c);
}

void
kt_rubric_free (KtRubric *rubric)
{
  if (rubric == NULL)
    return;
  g_free (rubric->id);
  g_free (rubric->title_en);
  g_free (rubric->title_vi);
  g_free (rubric->sha256);
  g_clear_pointer (&rubric->checks, g_ptr_array_unref);
  g_clear_pointer (&rubric->criteria, g_ptr_array_unref);
  g_free (rubric);
}

/* ---- parsing ---- */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
         && strcmp ((const char *) node->ns->href, KT_RUBRIC_NAMESPACE) == 0
         && strcmp ((const char *) node->name, name) == 0;
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  char *s = v != NULL ? g_strdup ((const char *) v) : NULL;

  xmlFree (v);
  return s;
}

/* A number attribute; `def` when absent; FALSE (error set) when malformed.
 * "-inf"/"inf" are accepted for open band ends. */
static gboolean
num_prop (xmlNode     *node,
          const char  *name,
          double       def,
          double      *out,
          const char  *filename,
          GError     **error)
{
  g_autofree char *s = prop (node, name);
  char *end = NULL;

  if (s == NULL)
    {
      *out = def;
      return TRUE;
    }
  g_strstrip (s);
  if (strcmp (s, "inf") == 0 || strcmp (s, "-inf") == 0)
    {
      *out = s[0] == '-' ? -INFINITY : INFINITY;
      return TRUE;
    }
  *out = g_ascii_strtod (s, &end);
  if (*s == '\0' || end == NULL || *end != '\0' || !isfinite (*out))
    {
      g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_FORMAT,
                   _("%s: line %ld: “%s” is not a number (attribute %s)"),
                   filename, (long) xmlGetLineNo (node), s, name);
      return FALSE;
    }
  return TRUE;
}

/* <label lang="en">…</label> and friends. */
static void
read_text (xmlNode    *node,
           const char *element,
           char      **en,
           char      **vi)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, element))
      {
        g_autofree char *lang = prop (c, "lang");
        char **slot = lang != NULL && strcmp (lang, "vi") == 0 ? vi : en;

        g_free (*slot);
        *slot = kt_xml_content (c);
      }
}

static KtRubricIndicator *
parse_indicator (xmlNode     *node,
                 const char  *filename,
                 GError     **error)
{
  KtRubricIndicator *ind = g_new0 (KtRubricIndicator, 1);

  ind->metric = prop (node, "metric");
  ind->bands = g_array_new (FALSE, FALSE, sizeof (KtRubricBand));
  read_text (node, "label", &ind->label_en, &ind->label_vi);
  if (ind->metric == NULL || !kt_indicators_metric_known (ind->metric))
    {
      g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_INVALID,
                   _("%s: line %ld: unknown indicator metric “%s”"), filename,
                   (long) xmlGetLineNo (node), ind->metric ? ind->metric : "");
      indicator_free (ind);
      return NULL;
    }
  if (!num_prop (node, "weight", 1.0, &ind->weight, filename, error)
      || !num_prop (node, "missing-score", NAN, &ind->missing_score, filename, error))
    {
      indicator_free (ind);
      return NULL;
    }
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, "band"))
      {
        KtRubricBand band;

        if (!num_prop (c, "from", -INFINITY, &band.from, filename, error)
            || !num_prop (c, "to", INFINITY, &band.to, filename, error)
            || !num_prop (c, "score", NAN, &band.score, filename, error))
          {
            indicator_free (ind);
            return NULL;
          }
        if (isnan (band.score) || !(band.from < band.to))
          {
            g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_INVALID,
                         _("%s: line %ld: a band needs a score and from < to"),
                         filename, (long) xmlGetLineNo (c));
            indicator_free (ind);
            return NULL;
          }
        g_array_append_val (ind->bands, band);
      }
  if (ind->bands->len == 0 || !(ind->weight > 0))
    {
      g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_INVALID,
                   _("%s: line %ld: indicator “%s” needs a positive weight and at least one band"),
                   filename, (long) xmlGetLineNo (node), ind->metric);
      indicator_free (ind);
      return NULL;
    }
  return ind;
}

static KtRubricCriterion *
parse_criterion (xmlNode     *node,
                 const char  *filename,
                 GError     **error)
{
  g_autofree char *mode = prop (node, "mode");
  KtRubricCriterion *c = g_new0 (KtRubricCriterion, 1);

  c->key = prop (node, "key");
  c->indicators = g_ptr_array_new_with_free_func (indicator_free);
  c->automatic = g_strcmp0 (mode, "auto") == 0;
  read_text (node, "label", &c->label_en, &c->label_vi);
  read_text (node, "guidance", &c->guidance_en, &c->guidance_vi);
  if (!num_prop (node, "weight", NAN, &c->weight, filename, error)
      || !num_prop (node, "scale-min", 0, &c->scale_min, filename, error)
      || !num_prop (node, "scale-max", 5, &c->scale_max, filename, error))
    {
      criterion_free (c);
      return NULL;
    }
  if (c->key == NULL || *c->key == '\0' || !(c->weight >= 0) || !(c->scale_min < c->scale_max)
      || (mode != NULL && !c->automatic && strcmp (mode, "manual") != 0))
    {
      g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_INVALID,
                   _("%s: line %ld: a criterion needs a key, a weight ≥ 0, scale-min < scale-max "
                     "and mode “auto” or “manual”"), filename, (long) xmlGetLineNo (node));
      criterion_free (c);
      return NULL;
    }
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    if (is_element (n, "indicator"))
      {
        KtRubricIndicator *ind = parse_indicator (n, filename, error);

        if (ind == NULL)
          {
            criterion_free (c);
            return NULL;
          }
        g_ptr_array_add (c->indicators, ind);
      }
  if (c->automatic && c->indicators->len == 0)
    {
      g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_INVALID,
                   _("%s: automatic criterion “%s” has no indicator"), filename, c->key);
      criterion_free (c);
      return NULL;
    }
  return c;
}

KtRubric *
kt_rubric_load_from_data (const char  *data,
                          gsize        length,
                          const char  *filename,
                          GError     **error)
{
  g_autoptr (KtRubric) rubric = NULL;
  xmlDoc *doc;
  xmlNode *root;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* No DTD, no entities, no network: a rubric can come from another province. */
  if (length == 0 || length > MAX_RUBRIC_SIZE || length > G_MAXINT
      || g_strstr_len (data, length, "<!DOCTYPE") != NULL
      || g_strstr_len (data, length, "<!ENTITY") != NULL)
    {
      g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_FORMAT,
                   _("%s: the rubric is empty, too large or has a forbidden DOCTYPE"), filename);
      return NULL;
    }
  doc = xmlReadMemory (data, (int) length, NULL, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_FORMAT,
                   _("%s: the rubric is not well-formed XML"), filename);
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "rubric"))
    {
      g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_FORMAT,
                   _("%s: the root element is not <rubric> in namespace %s"),
                   filename, KT_RUBRIC_NAMESPACE);
      xmlFreeDoc (doc);
      return NULL;
    }

  rubric = g_new0 (KtRubric, 1);
  rubric->id = prop (root, "id");
  rubric->checks = g_ptr_array_new_with_free_func (check_free);
  rubric->criteria = g_ptr_array_new_with_free_func (criterion_free);
  rubric->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  rubric->disagreement = 0.3;
  read_text (root, "title", &rubric->title_en, &rubric->title_vi);

  for (xmlNode *n = root->children; n != NULL && ok; n = n->next)
    {
      if (is_element (n, "disagreement"))
        ok = num_prop (n, "threshold", 0.3, &rubric->disagreement, filename, error);
      else if (is_element (n, "legal"))
        {
          for (xmlNode *c = n->children; c != NULL; c = c->next)
            if (is_element (c, "check"))
              {
                KtRubricCheck *check = g_new0 (KtRubricCheck, 1);

                check->code = prop (c, "code");
                check->citation = prop (c, "citation");
                read_text (c, "label", &check->label_en, &check->label_vi);
                g_ptr_array_add (rubric->checks, check);
                if (check->code == NULL || check->citation == NULL)
                  {
                    g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_INVALID,
                                 _("%s: line %ld: a legal check needs a code and a citation"),
                                 filename, (long) xmlGetLineNo (c));
                    ok = FALSE;
                    break;
                  }
              }
        }
      else if (is_element (n, "criterion"))
        {
          KtRubricCriterion *c = parse_criterion (n, filename, error);

          if (c == NULL)
            ok = FALSE;
          else if (kt_rubric_find (rubric, c->key) != NULL)
            {
              g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_INVALID,
                           _("%s: the criterion “%s” appears twice"), filename, c->key);
              criterion_free (c);
              ok = FALSE;
            }
          else
            g_ptr_array_add (rubric->criteria, c);
        }
    }
  xmlFreeDoc (doc);
  if (!ok)
    return NULL;
  if (rubric->id == NULL || rubric->criteria->len == 0 || !(rubric->disagreement > 0))
    {
      g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_INVALID,
                   _("%s: a rubric needs an id, at least one criterion and a positive "
                     "disagreement threshold"), filename);
      return NULL;
    }
  return g_steal_pointer (&rubric);
}

KtRubric *
kt_rubric_load (const char  *path,
                GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GError) local = NULL;

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_IO, "%s", local->message);
      return NULL;
    }
  return kt_rubric_load_from_data (data, length, path, error);
}

KtRubric *
kt_rubric_load_default (GError **error)
{
  g_autofree char *path = g_build_filename (kt_data_dir (), "rubrics", "default.xml", NULL);

  return kt_rubric_load (path, error);
}

const KtRubricCriterion *
kt_rubric_find (const KtRubric *rubric,
                const char     *key)
{
  for (guint i = 0; i < rubric->criteria->len; i++)
    {
      const KtRubricCriterion *c = rubric->criteria->pdata[i];

      if (strcmp (c->key, key) == 0)
        return c;
    }
  return NULL;
}

/* The Vietnamese text when the interface is in Vietnamese (kt-format.h), else the English one. */
const char *
kt_rubric_text (const char *en,
                const char *vi)
{
  if (vi != NULL && *vi && kt_lang_current () == KT_LANG_VI)
    return vi;
  return en != NULL ? en : (vi != NULL ? vi : "");
}

/* ---- automatic scoring ---- */

static const char * const metrics[] = {
  "firr-margin",          /* project IRR − WACC */
  "equity-irr-margin",    /* equity IRR − hurdle rate */
  "dscr-min",
  "dscr-margin",          /* min DSCR − the covenant */
  "payback",              /* years */
  "discounted-payback",
  "npv-ratio",            /* project NPV / total investment */
  "bcr",
  "fiscal-cost-ratio",    /* − fiscal NPV / total investment: the state's net cost */
  "peak-commitment-ratio",/* largest annual state outlay / total investment */
  "vfm-ratio",            /* VfM / PSC: share of the comparator's cost the PPP saves */
  "eirr-margin",          /* EIRR − social rate */
  "ebcr",
  NULL
};

gboolean
kt_indicators_metric_known (const char *metric)
{
  return g_strv_contains (metrics, metric);
}

double
kt_indicators_metric (const KtIndicators *ind,
                      const char         *metric)
{
  double ti = ind->total_investment;

  if (strcmp (metric, "firr-margin") == 0)
    return ind->project_irr - ind->wacc;
  if (strcmp (metric, "equity-irr-margin") == 0)
    return ind->equity_irr - ind->hurdle_rate;
  if (strcmp (metric, "dscr-min") == 0)
    return ind->dscr_min;
  if (strcmp (metric, "dscr-margin") == 0)
    return ind->dscr_min - ind->min_dscr;
  if (strcmp (metric, "payback") == 0)
    return ind->payback;
  if (strcmp (metric, "discounted-payback") == 0)
    return ind->discounted_payback;
  if (strcmp (metric, "npv-ratio") == 0)
    return ti > 0 ? ind->project_npv / ti : NAN;
  if (strcmp (metric, "bcr") == 0)
    return ind->bcr;
  if (strcmp (metric, "fiscal-cost-ratio") == 0)
    return ti > 0 ? -ind->fiscal_npv / ti : NAN;
  if (strcmp (metric, "peak-commitment-ratio") == 0)
    return ti > 0 ? ind->peak_commitment / ti : NAN;
  if (strcmp (metric, "vfm-ratio") == 0)
    return ind->psc > 0 ? ind->vfm / ind->psc : NAN;
  if (strcmp (metric, "eirr-margin") == 0)
    return ind->eirr - ind->social_rate;
  if (strcmp (metric, "ebcr") == 0)
    return ind->ebcr;
  return NAN;
}

double
kt_rubric_score_auto (const KtRubricCriterion *criterion,
                      const KtIndicators      *ind,
                      GString                 *detail)
{
  double sum = 0, weights = 0;

  for (guint i = 0; i < criterion->indicators->len; i++)
    {
      const KtRubricIndicator *r = criterion->indicators->pdata[i];
      double value = kt_indicators_metric (ind, r->metric);
      double score = NAN;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (isfinite (value))
        {
          for (guint b = 0; b < r->bands->len; b++)
            {
              const KtRubricBand *band = &g_array_index (r->bands, KtRubricBand, b);

              if (value >= band->from && value < band->to)
                {
                  score = band->score;
                  break;
                }
            }
        }
      else
        score = r->missing_score;
      if (detail != NULL)
        {
          g_string_append_printf (detail, "%s=%s", r->metric,
                                  isfinite (value) ? g_ascii_formatd (buf, sizeof buf, "%.6g", value)
                                                   : "none");
          g_string_append_printf (detail, " → %s\n",
                                  isnan (score) ? "-" : g_ascii_formatd (buf, sizeof buf, "%g", score));
        }
      if (isnan (score))
        continue;
      score = CLAMP (score, criterion->scale_min, criterion->scale_max);
      sum += r->weight * score;
      weights += r->weight;
    }
  return weights > 0 ? sum / weights : NAN;
}

/* ---- Decree 180 Art. 14: content of the feasibility study ---- */

static gboolean
blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

void
kt_rubric_check_content (const KtProjectData *data,
                         GPtrArray           *problems)
{
  static const KtChapter required[] = {
    KT_CHAPTER_NECESSITY, KT_CHAPTER_OBJECTIVES, KT_CHAPTER_SCOPE, KT_CHAPTER_TECHNOLOGY,
    KT_CHAPTER_FORM_RATIONALE, KT_CHAPTER_RISK_ANALYSIS, KT_CHAPTER_OPERATION,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (required) + 1; i++)
    {
      KtChapter ch;
      const KtText *text;
      g_autofree char *where = NULL;

      if (i == G_N_ELEMENTS (required))
        {
          /* The R&D chapter only for projects with an R&D phase (Art. 14(2)). */
          if (!data->sharing.rd_enabled)
            break;
          ch = KT_CHAPTER_RD_COMMERCIALISATION;
        }
      else
        ch = required[i];
      text = &data->chapters[ch];
      if (!blank (text->vi) || !blank (text->en))
        continue;
      where = g_strdup_printf ("chapters/%s", kt_enum_key (&kt_chapter_info, ch));
      kt_problems_add (problems, KT_SEVERITY_ERROR, "fs_content_missing", where, 0,
                       _("The feasibility study lacks the chapter “%s” (Decree 180 Art. 14)"),
                       kt_enum_label (&kt_chapter_info, ch));
    }
}
