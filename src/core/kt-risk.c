/* kt-risk.c — risk register: usual allocation, matrix, expected costs (DOMAIN.md §6, MODEL.md §11)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

#include "kt-problem.h"
#include "kt-risk.h"
#include "kt-rules.h"
#include "kt-xml.h"

#define BENCHMARKS_FILE "risk-benchmarks.xml"
#define MAX_FILE_SIZE   (1024 * 1024)

G_DEFINE_QUARK (kt-risk-error-quark, kt_risk_error)

typedef struct {
  gboolean present;
  guint    owners;
  KtOwner  usual;
  guint    form_owners[KT_N_FORMS];   /* 0: as the category */
  KtOwner  form_usual[KT_N_FORMS];
  char    *basis;
  char    *status;
} Entry;

struct _KtRiskBenchmarks {
  char  *id;
  char  *valid_from;
  char  *title_vi;
  char  *title_en;
  Entry  entries[KT_N_RISK_CATEGORIES];
};

void
kt_risk_benchmarks_free (KtRiskBenchmarks *b)
{
  if (b == NULL)
    return;
  for (int c = 0; c < KT_N_RISK_CATEGORIES; c++)
    {
      g_free (b->entries[c].basis);
      g_free (b->entries[c].status);
    }
  g_free (b->id);
  g_free (b->valid_from);
  g_free (b->title_vi);
  g_free (b->title_en);
  g_free (b);
}

G_GNUC_PRINTF (4, 5) static void
fail (GError    **error,
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
  g_set_error (error, KT_RISK_ERROR, KT_RISK_ERROR_INVALID, "%s:%d: %s", filename, line, message);
}

/* "state shared" → bits, the first as the usual owner. */
static gboolean
parse_owners (const char *text,
              guint      *owners,
              KtOwner    *usual)
{
  g_auto (GStrv) words = g_strsplit_set (text ? text : "", " \t\n", -1);
  gboolean first = TRUE;

  *owners = 0;
  for (int i = 0; words[i] != NULL; i++)
    {
      int owner;

      if (*words[i] == '\0')
        continue;
      if (!kt_enum_from_key (&kt_owner_info, words[i], &owner))
        return FALSE;
      if (first)
        *usual = owner;
      first = FALSE;
      *owners |= KT_OWNER_BIT (owner);
    }
  return *owners != 0;
}

static gboolean
parse_benchmark (KtRiskBenchmarks *b,
                 xmlNode          *node,
                 const char       *filename,
                 GError          **error)
{
  g_autofree char *category = kt_xml_prop (node, "category");
  g_autofree char *owners = kt_xml_prop (node, "owners");
  g_autofree char *status = kt_xml_prop (node, "status");
  int c;
  Entry *e;

  if (category == NULL || !kt_enum_from_key (&kt_risk_category_info, category, &c))
    {
      fail (error, filename, xmlGetLineNo (node), _("unknown risk category “%s”"),
            category ? category : "");
      return FALSE;
    }
  e = &b->entries[c];
  if (e->present)
    {
      fail (error, filename, xmlGetLineNo (node), _("risk category “%s” appears twice"), category);
      return FALSE;
    }
  if (!parse_owners (owners, &e->owners, &e->usual))
    {
      fail (error, filename, xmlGetLineNo (node), _("“%s” is not a list of owners"),
            owners ? owners : "");
      return FALSE;
    }
  e->present = TRUE;
  e->status = g_steal_pointer (&status);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) child->name, "basis") == 0)
        {
          g_free (e->basis);
          e->basis = kt_xml_content (child);
        }
      else if (strcmp ((const char *) child->name, "form") == 0)
        {
          g_autofree char *key = kt_xml_prop (child, "key");
          g_autofree char *form_owners = kt_xml_prop (child, "owners");
          int form;

          if (key == NULL || !kt_enum_from_key (&kt_form_info, key, &form))
            {
              fail (error, filename, xmlGetLineNo (child), _("unknown contract form “%s”"),
                    key ? key : "");
              return FALSE;
            }
          if (!parse_owners (form_owners, &e->form_owners[form], &e->form_usual[form]))
            {
              fail (error, filename, xmlGetLineNo (child), _("“%s” is not a list of owners"),
                    form_owners ? form_owners : "");
              return FALSE;
            }
        }
      else
        {
          fail (error, filename, xmlGetLineNo (child), _("unknown element <%s>"),
                (const char *) child->name);
          return FALSE;
        }
    }
  if (e->basis == NULL || *e->basis == '\0' || e->status == NULL)
    {
      fail (error, filename, xmlGetLineNo (node),
            _("risk category “%s” needs a status and a <basis>"), category);
      return FALSE;
    }
  return TRUE;
}

KtRiskBenchmarks *
kt_risk_benchmarks_load_from_data (const char  *data,
                                   gsize        length,
                                   const char  *filename,
                                   GError     **error)
{
  g_autoptr (KtRiskBenchmarks) b = g_new0 (KtRiskBenchmarks, 1);
  xmlDoc *doc;
  xmlNode *root;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* As the rule set (kt-rules.c): a DOCTYPE or entity is refused before
   * parsing, and the parser neither loads DTDs nor substitutes entities
   * nor touches the network. */
  if (length == 0 || length > MAX_FILE_SIZE || g_strstr_len (data, length, "<!DOCTYPE") != NULL
      || g_strstr_len (data, length, "<!ENTITY") != NULL)
    {
      fail (error, filename, 1,
            _("the risk benchmarks are empty, too large or have a forbidden DOCTYPE"));
      return NULL;
    }
  doc = xmlReadMemory (data, (int) length, NULL, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *e = xmlGetLastError ();

      g_set_error (error, KT_RISK_ERROR, KT_RISK_ERROR_PARSE, "%s:%d: %s", filename,
                   e ? e->line : 0, _("the risk benchmarks are not well-formed XML"));
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (root == NULL || strcmp ((const char *) root->name, "risk-benchmarks") != 0 || root->ns == NULL
      || strcmp ((const char *) root->ns->href, KT_RISK_BENCHMARKS_NAMESPACE) != 0)
    {
      fail (error, filename, root ? xmlGetLineNo (root) : 1,
            _("not a Khả Thi risk benchmark file (expected <risk-benchmarks> in namespace %s)"),
            KT_RISK_BENCHMARKS_NAMESPACE);
      xmlFreeDoc (doc);
      return NULL;
    }
  b->id = kt_xml_prop (root, "id");
  b->valid_from = kt_xml_prop (root, "valid-from");
  if (b->id == NULL)
    {
      fail (error, filename, xmlGetLineNo (root), _("the risk benchmarks need an id"));
      xmlFreeDoc (doc);
      return NULL;
    }
  for (xmlNode *c = root->children; c != NULL && ok; c = c->next)
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
                  g_free (b->title_vi), b->title_vi = text;
                else
                  g_free (b->title_en), b->title_en = text;
              }
        }
      else if (strcmp ((const char *) c->name, "benchmark") == 0)
        ok = parse_benchmark (b, c, filename, error);
      else
        {
          fail (error, filename, xmlGetLineNo (c), _("unknown element <%s>"),
                (const char *) c->name);
          ok = FALSE;
        }
    }
  xmlFreeDoc (doc);
  if (!ok)
    return NULL;
  for (int c = 0; c < KT_N_RISK_CATEGORIES; c++)
    if (!b->entries[c].present)
      {
        g_set_error (error, KT_RISK_ERROR, KT_RISK_ERROR_INVALID,
                     _("%s: no benchmark for the risk category “%s”"), filename,
                     kt_enum_key (&kt_risk_category_info, c));
        return NULL;
      }
  return g_steal_pointer (&b);
}

KtRiskBenchmarks *
kt_risk_benchmarks_load (GFile   *file,
                         GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;
  return kt_risk_benchmarks_load_from_data (contents, length, name, error);
}

KtRiskBenchmarks *
kt_risk_benchmarks_load_default (GError **error)
{
  g_autofree char *path = g_build_filename (kt_data_dir (), "risks", BENCHMARKS_FILE, NULL);
  g_autoptr (GFile) file = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, KT_RISK_ERROR, KT_RISK_ERROR_NOT_FOUND,
                   _("The risk benchmarks are not installed (looked for %s)"), path);
      return NULL;
    }
  file = g_file_new_for_path (path);
  return kt_risk_benchmarks_load (file, error);
}

const char *
kt_risk_benchmarks_get_id (const KtRiskBenchmarks *benchmarks)
{
  return benchmarks->id;
}

const char *
kt_risk_benchmarks_get_title (const KtRiskBenchmarks *benchmarks,
                              const char             *lang)
{
  if (lang != NULL && g_str_has_prefix (lang, "vi") && benchmarks->title_vi != NULL)
    return benchmarks->title_vi;
  return benchmarks->title_en ? benchmarks->title_en : benchmarks->id;
}

void
kt_risk_benchmark_lookup (const KtRiskBenchmarks *benchmarks,
                          KtRiskCategory          category,
                          KtForm                  form,
                          KtRiskBenchmark        *out)
{
  const Entry *e;

  g_return_if_fail (benchmarks != NULL && out != NULL);

  if (category >= KT_N_RISK_CATEGORIES)
    category = KT_RISK_OTHER;
  e = &benchmarks->entries[category];
  out->owners = e->owners;
  out->usual = e->usual;
  if (form < KT_N_FORMS && e->form_owners[form] != 0)
    {
      out->owners = e->form_owners[form];
      out->usual = e->form_usual[form];
    }
  out->basis = e->basis;
  out->status = e->status;
}

KtRiskLevel
kt_risk_level_of (int score)
{
  if (score >= 20)
    return KT_RISK_LEVEL_VERY_HIGH;
  if (score >= 10)
    return KT_RISK_LEVEL_HIGH;
  if (score >= 5)
    return KT_RISK_LEVEL_MEDIUM;
  return KT_RISK_LEVEL_LOW;
}

const char *
kt_risk_level_key (KtRiskLevel level)
{
  static const char *const keys[] = { "low", "medium", "high", "very-high" };

  g_return_val_if_fail (level < KT_N_RISK_LEVELS, NULL);
  return keys[level];
}

const char *
kt_risk_level_label (KtRiskLevel level)
{
  static const char *const labels[] = { N_("Low"), N_("Medium"), N_("High"), N_("Very high") };

  g_return_val_if_fail (level < KT_N_RISK_LEVELS, NULL);
  return _(labels[level]);
}

static gboolean
has_text (const KtText *text)
{
  for (const char *s = text->vi; s != NULL && *s; s++)
    if (!g_ascii_isspace (*s))
      return TRUE;
  for (const char *s = text->en; s != NULL && *s; s++)
    if (!g_ascii_isspace (*s))
      return TRUE;
  return FALSE;
}

static gboolean
has_distribution (const KtProjectData *data,
                  KtDriver             driver)
{
  for (guint i = 0; driver != KT_DRIVER_NONE && i < data->uncertainties->len; i++)
    if (g_array_index (data->uncertainties, KtUncertainty, i).driver == driver)
      return TRUE;
  return FALSE;
}

/* "state" or "state or shared", translated. */
static char *
owners_text (guint owners)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (int o = 0; o < KT_N_OWNERS; o++)
    if (owners & KT_OWNER_BIT (o))
      {
        if (s->len > 0)
          g_string_append (s, _(" or "));
        g_string_append (s, kt_enum_label (&kt_owner_info, o));
      }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

KtRiskRegister *
kt_risk_register_analyse (const KtProjectData    *data,
                          const KtRiskBenchmarks *benchmarks,
                          GPtrArray              *problems)
{
  KtRiskRegister *reg;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (benchmarks != NULL, NULL);

  reg = g_new0 (KtRiskRegister, 1);
  reg->n = (int) data->risks->len;
  reg->rows = g_new0 (KtRiskRow, MAX (reg->n, 1));
  for (int l = 0; l < KT_RISK_SCALE; l++)
    for (int i = 0; i < KT_RISK_SCALE; i++)
      reg->cells[l][i] = g_array_new (FALSE, FALSE, sizeof (int));

  for (int r = 0; r < reg->n; r++)
    {
      const KtRisk *risk = &g_array_index (data->risks, KtRisk, r);
      KtRiskRow *row = &reg->rows[r];
      const char *id = risk->id != NULL ? risk->id : "";
      double cost = risk->expected_cost;

      row->index = r;
      row->risk = risk;
      kt_risk_benchmark_lookup (benchmarks, risk->category, data->form, &row->benchmark);

      if (risk->likelihood >= 1 && risk->likelihood <= KT_RISK_SCALE
          && risk->impact >= 1 && risk->impact <= KT_RISK_SCALE)
        {
          row->score = risk->likelihood * risk->impact;
          row->level = kt_risk_level_of (row->score);
          reg->counts[risk->likelihood - 1][risk->impact - 1]++;
          g_array_append_val (reg->cells[risk->likelihood - 1][risk->impact - 1], r);
          reg->by_level[row->level]++;
        }
      else if (problems != NULL)
        {
          gboolean likelihood_ok = risk->likelihood >= 1 && risk->likelihood <= KT_RISK_SCALE;
          g_autofree char *where = g_strdup_printf ("risks/%d/%s", r + 1,
                                                    likelihood_ok ? "impact" : "likelihood");

          kt_problems_add (problems, KT_SEVERITY_ERROR, "risk_scale", where, 0,
                           _("Risk %s: likelihood and impact must be between 1 and 5"), id);
        }

      switch (risk->owner)
        {
        case KT_OWNER_STATE:
          row->state_share = 1.0;
          break;
        case KT_OWNER_SHARED:
          row->state_share = CLAMP (risk->state_share, 0.0, 1.0);
          break;
        case KT_OWNER_INVESTOR:
        case KT_N_OWNERS:
        default:
          row->state_share = 0.0;
          break;
        }
      if (risk->owner < KT_N_OWNERS)
        reg->by_owner[risk->owner]++;

      if (!isfinite (cost) || cost < 0.0)
        {
          g_autofree char *where = g_strdup_printf ("risks/%d/expected-cost", r + 1);

          if (problems != NULL)
            kt_problems_add (problems, KT_SEVERITY_WARNING, "risk_expected_cost", where, 0,
                             _("Risk %s: the expected cost must be a positive amount; "
                               "counted as 0"), id);
          cost = 0.0;
        }
      row->cost_state = cost * row->state_share;
      row->cost_investor = cost - row->cost_state;
      reg->total_expected += cost;
      reg->total_retained += row->cost_state;
      reg->total_transferred += row->cost_investor;

      row->deviates = risk->owner >= KT_N_OWNERS
                      || (row->benchmark.owners & KT_OWNER_BIT (risk->owner)) == 0;
      row->justified = has_text (&risk->justification);
      row->has_distribution = has_distribution (data, risk->driver);
      if (row->deviates)
        {
          g_autofree char *where = g_strdup_printf ("risks/%d/justification", r + 1);
          g_autofree char *usual = owners_text (row->benchmark.owners);
          const char *owner = risk->owner < KT_N_OWNERS
                              ? kt_enum_label (&kt_owner_info, risk->owner) : "?";

          reg->n_deviations++;
          if (!row->justified)
            reg->n_unjustified++;
          if (problems == NULL)
            continue;
          if (!row->justified)
            kt_problems_add (problems, KT_SEVERITY_ERROR, "risk_justification_missing", where, 0,
                             _("Risk %s is allocated to: %s, whereas the usual allocation for "
                               "this contract form is: %s. Write a justification."),
                             id, owner, usual);
          else
            kt_problems_add (problems, KT_SEVERITY_INFO, "risk_allocation_deviates", where, 0,
                             _("Risk %s is allocated to: %s, whereas the usual allocation for "
                               "this contract form is: %s (justified)."),
                             id, owner, usual);
        }
    }
  return reg;
}

void
kt_risk_register_free (KtRiskRegister *reg)
{
  if (reg == NULL)
    return;
  for (int l = 0; l < KT_RISK_SCALE; l++)
    for (int i = 0; i < KT_RISK_SCALE; i++)
      g_clear_pointer (&reg->cells[l][i], g_array_unref);
  g_free (reg->rows);
  g_free (reg);
}
