/* kt-proposal.c — the proposal report: cover, integrity, shared helpers, chapter order
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kt-proposal-private.h"
#include "kt-report-i18n.h"
#include "kt-report-version.h"

#define NBSP "\u00a0"

static const char * const english_months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

/* ---- helpers shared by the chapter files ---- */

static KtMoneyUnit
unit_for (double magnitude)
{
  magnitude = fabs (magnitude);
  if (magnitude >= 1e10)
    return KT_MONEY_BILLION;
  if (magnitude >= 1e7)
    return KT_MONEY_MILLION;
  return KT_MONEY_DONG;
}

const char *
kt_proposal_unit_name (KtProposal *p)
{
  switch (p->unit)
    {
    case KT_MONEY_BILLION:
      return PT (p, N_("billion VND"));
    case KT_MONEY_MILLION:
      return PT (p, N_("million VND"));
    case KT_MONEY_DONG:
    default:
      return PT (p, N_("VND"));
    }
}

char *
kt_proposal_unit_line (KtProposal *p)
{
  return g_strdup_printf (PT (p, N_("Unit: %s")), kt_proposal_unit_name (p));
}

char *
kt_proposal_money_cell (KtProposal *p,
                        double      vnd)
{
  return kt_format_money (vnd, p->unit, FALSE, p->lang);
}

char *
kt_proposal_money (KtProposal *p,
                   double      vnd)
{
  g_autofree char *number = kt_proposal_money_cell (p, vnd);

  if (!isfinite (vnd))
    return g_steal_pointer (&number);
  return g_strconcat (number, NBSP, kt_proposal_unit_name (p), NULL);
}

char *
kt_proposal_percent (KtProposal *p,
                     double      fraction)
{
  return kt_format_percent (fraction, 2, p->lang);
}

char *
kt_proposal_ratio (KtProposal *p,
                   double      value)
{
  return kt_format_number (value, 2, p->lang);
}

char *
kt_proposal_irr (KtProposal        *p,
                 const KtIrrResult *irr)
{
  g_autofree char *value = NULL;

  if (irr->status == KT_IRR_NONE || !isfinite (irr->irr))
    return g_strdup (PT (p, N_("no IRR")));
  value = kt_proposal_percent (p, irr->irr);
  if (irr->status == KT_IRR_MULTIPLE)
    return g_strdup_printf ("%s (%s)", value, PT (p, N_("multiple IRRs")));
  return g_steal_pointer (&value);
}

const char *
kt_proposal_enum (KtProposal       *p,
                  const KtEnumInfo *info,
                  int               value)
{
  for (int i = 0; i < info->n_entries; i++)
    if (info->entries[i].value == value)
      return PT (p, info->entries[i].label);
  return "";
}

const char *
kt_proposal_text (KtProposal   *p,
                  const KtText *text)
{
  return kt_text_get (text, p->lc);
}

gboolean
kt_proposal_add_text (KtProposal   *p,
                      const KtText *text)
{
  const char *body = kt_proposal_text (p, text);
  g_auto (GStrv) paragraphs = NULL;
  gboolean any = FALSE;

  if (body == NULL || *body == '\0')
    return FALSE;
  /* Paragraphs are separated by a blank line in the document. */
  paragraphs = g_strsplit (body, "\n\n", -1);
  for (char **para = paragraphs; *para != NULL; para++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (*para));
      g_autofree char *escaped = NULL;

      if (*stripped == '\0')
        continue;
      escaped = g_markup_escape_text (stripped, -1);
      kt_pdf_add_paragraph (p->pdf, escaped);
      any = TRUE;
    }
  return any;
}

void
kt_proposal_pair (GPtrArray  *pairs,
                  const char *label,
                  char       *value)
{
  g_ptr_array_add (pairs, g_strdup (label));
  g_ptr_array_add (pairs, value != NULL ? value : g_strdup (KT_FORMAT_NO_VALUE));
}

void
kt_proposal_add_pairs (KtProposal *p,
                       GPtrArray  *pairs)
{
  g_ptr_array_add (pairs, NULL);
  kt_pdf_add_key_values (p->pdf, (const char * const *) pairs->pdata);
  g_ptr_array_unref (pairs);
}

char **
kt_proposal_year_labels (KtProposal *p,
                         int         first,
                         int         n)
{
  char **labels = g_new0 (char *, MAX (n, 0) + 1);

  for (int i = 0; i < n; i++)
    labels[i] = g_strdup_printf ("%d", p->model->start_year + first + i);
  return labels;
}

/* The engine labels its rows with _(), i.e. in the UI's language.  The
 * report asks for them under the C locale in this thread only (uselocale:
 * no process state changes, other threads keep the UI's language), so they
 * come back as msgids and are translated into the report's language.  A loan
 * row's label is rebuilt from its key. */
static locale_t
c_locale (void)
{
  static gsize once = 0;
  static locale_t c;

  if (g_once_init_enter (&once))
    {
      c = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
      g_once_init_leave (&once, 1);
    }
  return c;
}

KtModelTable *
kt_proposal_table_new (const KtModel       *model,
                       const KtProjectData *data,
                       const char          *name)
{
  locale_t c = c_locale ();
  locale_t old = c != (locale_t) 0 ? uselocale (c) : (locale_t) 0;
  KtModelTable *table = kt_model_table_new (model, data, name);

  if (c != (locale_t) 0)
    uselocale (old);
  return table;
}

const char *
kt_proposal_check_description (KtLang  lang,
                               KtCheck check)
{
  locale_t c = c_locale ();
  locale_t old = c != (locale_t) 0 ? uselocale (c) : (locale_t) 0;
  const char *msgid = kt_check_description (check);

  if (c != (locale_t) 0)
    uselocale (old);
  return kt_report_gettext (lang, msgid);
}

static const char *
loan_part_msgid (const char *part)
{
  static const struct { const char *key; const char *msgid; } parts[] = {
    { "draws", N_("draws") },
    { "fees", N_("fees") },
    { "idc", N_("interest during construction") },
    { "interest", N_("interest") },
    { "principal", N_("principal") },
    { "balance", N_("balance") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strcmp (parts[i].key, part) == 0)
      return parts[i].msgid;
  return NULL;
}

char *
kt_proposal_row_label (KtLang               lang,
                       const KtProjectData *data,
                       const KtModelRow    *row)
{
  int loan = 0;
  char part[32];

  if (sscanf (row->key, "loan-%d-%31s", &loan, part) == 2 && loan >= 1 &&
      (guint) loan <= data->loans->len && loan_part_msgid (part) != NULL)
    {
      const char *name = g_array_index (data->loans, KtLoan, loan - 1).name;

      if (name == NULL || *name == '\0')
        name = kt_report_gettext (lang, N_("Loan"));
      return g_strdup_printf ("%s: %s", name, kt_report_gettext (lang, loan_part_msgid (part)));
    }
  return g_strdup (kt_report_gettext (lang, row->label));
}

const char *
kt_proposal_table_title (KtLang              lang,
                         const KtModelTable *table)
{
  return kt_report_gettext (lang, table->title);
}

KtPdfTable *
kt_proposal_year_table (KtProposal *p,
                        const char *name,
                        gboolean    landscape)
{
  g_autoptr (KtModelTable) table = kt_proposal_table_new (p->model, p->data, name);
  g_autofree char *unit = kt_proposal_unit_line (p);
  KtPdfTable *pdf_table;

  if (table == NULL)
    return NULL;
  pdf_table = kt_pdf_table_new ();
  kt_pdf_table_add_column (pdf_table, PT (p, N_("Item")), KT_PDF_ALIGN_LEFT);
  for (int t = 0; t < table->n_years; t++)
    {
      char year[16];

      g_snprintf (year, sizeof year, "%d", table->start_year + t);
      kt_pdf_table_add_column (pdf_table, year, KT_PDF_ALIGN_RIGHT);
    }
  kt_pdf_table_set_caption (pdf_table, kt_proposal_table_title (p->lang, table));
  kt_pdf_table_set_unit (pdf_table, unit);
  kt_pdf_table_set_font_size (pdf_table, 9);
  kt_pdf_table_set_landscape (pdf_table, landscape);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const KtModelRow *row = table->rows->pdata[i];
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, kt_proposal_row_label (p->lang, p->data, row));
      for (int t = 0; t < table->n_years; t++)
        {
          double v = row->values[t];

          switch (row->kind)
            {
            case KT_MODEL_ROW_RATE:
              g_ptr_array_add (cells, kt_format_percent (v, 2, p->lang));
              break;
            case KT_MODEL_ROW_RATIO:
              g_ptr_array_add (cells, kt_format_number (v, 2, p->lang));
              break;
            case KT_MODEL_ROW_MONEY:
            default:
              g_ptr_array_add (cells, kt_proposal_money_cell (p, v));
              break;
            }
        }
      g_ptr_array_add (cells, NULL);
      kt_pdf_table_add_row (pdf_table, row->total ? KT_PDF_ROW_BOLD : KT_PDF_ROW_NORMAL,
                            (const char * const *) cells->pdata);
    }
  return pdf_table;
}

/* ---- cover, signature, integrity ---- */

/* "Thành phố Cần Thơ" → "Cần Thơ": the place of the dating line. */
static char *
place_name (const char *province)
{
  static const char * const prefixes[] = {
    "Thành phố ", "thành phố ", "Tỉnh ", "tỉnh ", "TP. ", "TP ",
  };

  if (province == NULL || *province == '\0')
    return g_strdup ("………");
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (province, prefixes[i]))
      return g_strdup (province + strlen (prefixes[i]));
  return g_strdup (province);
}

static char *
month_year (GDateTime *date,
            KtLang     lang)
{
  int month = g_date_time_get_month (date);

  if (lang == KT_LANG_EN)
    return g_strdup_printf ("%s %d", english_months[month - 1], g_date_time_get_year (date));
  /* Decree 30: a 0 before months 1 and 2 only. */
  return g_strdup_printf ("tháng %s%d năm %d", month <= 2 ? "0" : "", month,
                          g_date_time_get_year (date));
}

static char *
representative_part (const char *representative,
                     gboolean    position)
{
  g_auto (GStrv) parts = NULL;
  const char *name;

  if (representative == NULL || *representative == '\0')
    return NULL;
  /* "Ông Trần Minh Khoa – Tổng Giám đốc" */
  parts = g_strsplit (representative, " – ", 2);
  if (position)
    return parts[1] != NULL ? g_utf8_strup (g_strstrip (parts[1]), -1) : NULL;
  name = g_strstrip (parts[0]);
  for (const char * const *title = (const char * const[]) { "Ông ", "Bà ", "Mr ", "Ms ", "Mr. ",
                                                            "Ms. ", NULL };
       *title != NULL; title++)
    if (g_str_has_prefix (name, *title))
      name += strlen (*title);
  return g_strdup (name);
}

static void
add_cover (KtProposal *p,
           GDateTime  *date)
{
  const KtProjectData *d = p->data;
  g_autofree char *place = place_name (d->province);
  g_autofree char *long_date = kt_format_date_long (date, p->lang);
  g_autofree char *place_date = g_strdup_printf ("%s, %s", place, long_date);
  g_autofree char *my = month_year (date, p->lang);
  g_autofree char *bottom = g_strdup_printf ("%s, %s", place, my);
  g_autofree char *total = kt_proposal_money (p, p->model->r.total_investment);
  g_autofree char *doc_type = g_utf8_strup (PT (p, N_("Feasibility study")), -1);
  g_autofree char *title = g_utf8_strup (kt_proposal_text (p, &d->name), -1);
  g_autofree char *number = g_strdup_printf (PT (p, N_("No.: %s")), "……/BC");
  const char *details[] = {
    PT (p, N_("Proposer")), d->proposer.name != NULL ? d->proposer.name : "",
    PT (p, N_("Tax code")), d->proposer.tax_code != NULL ? d->proposer.tax_code : "",
    PT (p, N_("Address")), d->proposer.address != NULL ? d->proposer.address : "",
    PT (p, N_("Legal representative")),
    d->proposer.representative != NULL ? d->proposer.representative : "",
    PT (p, N_("PPP form")), kt_proposal_enum (p, &kt_form_info, d->form),
    PT (p, N_("Eligible field")), kt_proposal_enum (p, &kt_field_info, d->field),
    PT (p, N_("Total investment")), total,
    NULL,
  };
  KtPdfCover cover = {
    .issuer = d->proposer.name,
    .number = number,
    .place_date = place_date,
    .doc_type = doc_type,
    .summary = PT (p, N_("Proposal of a project under the public–private partnership method")),
    .title = title,
    .details = details,
    .bottom_line = bottom,
  };

  kt_pdf_add_cover (p->pdf, &cover);
}

static void
add_signature (KtProposal *p)
{
  g_autofree char *place = place_name (p->data->province);
  g_autofree char *province = NULL;
  g_autofree char *committee = NULL;
  g_autofree char *position = representative_part (p->data->proposer.representative, TRUE);
  g_autofree char *name = representative_part (p->data->proposer.representative, FALSE);
  g_autofree char *authority = NULL;
  const char *recipients[4 + 1];
  KtPdfSignature signature = { 0 };

  /* "Ủy ban nhân dân thành phố Cần Thơ"; in English the place name alone. */
  if (p->lang == KT_LANG_VI && p->data->province != NULL && *p->data->province != '\0')
    {
      gunichar first = g_utf8_get_char (p->data->province);
      char buffer[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_tolower (first), buffer);
      province = g_strconcat (buffer, g_utf8_next_char (p->data->province), NULL);
    }
  else
    province = g_strdup (place);
  committee = g_strdup_printf (PT (p, N_("People's Committee of %s")), province);
  recipients[0] = committee;
  recipients[1] = PT (p, N_("Department of Science and Technology"));
  recipients[2] = PT (p, N_("Department of Finance"));
  recipients[3] = PT (p, N_("Archive"));
  recipients[4] = NULL;
  authority = g_utf8_strup (PT (p, N_("On behalf of the proposer")), -1);
  signature.recipients = recipients;
  signature.authority = authority;
  signature.position = position;
  signature.name = name;
  kt_pdf_add_signature (p->pdf, &signature);
}

char *
kt_proposal_reproducibility (const KtProjectData      *data,
                             KtRuleSet                *rule_set,
                             const KtSimulationResult *simulation,
                             KtLang                    lang)
{
  g_autofree char *mc = NULL;
  const char *set_id = rule_set != NULL ? kt_rule_set_get_id (rule_set)
                                        : (data->rule_set != NULL ? data->rule_set : "—");

  if (simulation != NULL)
    {
      char seed[32];

      g_snprintf (seed, sizeof seed, "%" G_GUINT64_FORMAT, simulation->seed);
      mc = g_strdup_printf (kt_report_gettext (lang, N_("Monte Carlo seed %s, %d iterations%s")),
                            seed, simulation->iterations,
                            simulation->lhs ? kt_report_gettext (lang, N_(", Latin hypercube"))
                                            : "");
    }
  else
    mc = g_strdup (kt_report_gettext (lang, N_("deterministic base case, no Monte Carlo")));
  return g_strdup_printf (kt_report_gettext (lang,
                                             N_("Khả Thi engine %s; rule set %s; %s; "
                                                "MODEL.md conventions")),
                          kt_report_engine_version (), set_id, mc);
}

/* ---- entry points ---- */

void
kt_proposal_options_init (KtProposalOptions *options,
                          KtLang             lang)
{
  memset (options, 0, sizeof *options);
  options->lang = lang;
}

char *
kt_proposal_file_sha256 (GFile   *file,
                         GError **error)
{
  g_autoptr (GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

  if (bytes == NULL)
    return NULL;
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static KtPdf *
build (const KtProjectData     *data,
       KtRuleSet               *rule_set,
       const KtRules           *rules,
       const KtProposalOptions *options,
       const char              *path,
       KtModel                **model_out,
       GError                 **error)
{
  g_autoptr (KtPdf) pdf = NULL;
  g_autoptr (KtModel) model = NULL;
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autofree char *repro = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *keywords = NULL;
  KtProposal p = { 0 };

  model = kt_model_new (data, 0);
  if (!kt_model_evaluate (model, data, rules, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                   kt_report_gettext (options->lang, N_("the project has no year to compute")));
      return NULL;
    }
  kt_model_append_problems (model, data, problems);

  pdf = kt_pdf_new (path, options->lang, error);
  if (pdf == NULL)
    return NULL;
  date = options->date != NULL ? g_date_time_ref (options->date) : g_date_time_new_now_local ();

  p.pdf = pdf;
  p.lang = options->lang;
  p.lc = kt_lang_code (options->lang);
  p.data = data;
  p.set = rule_set;
  p.rules = rules;
  p.options = options;
  p.model = model;
  p.unit = unit_for (model->r.total_investment > 0 ? model->r.total_investment
                                                   : model->y.revenue[model->n_years - 1]);
  p.problems = problems;

  repro = kt_proposal_reproducibility (data, rule_set, options->simulation, options->lang);
  kt_pdf_set_integrity (pdf, options->project_sha256 != NULL ? options->project_sha256
                                                             : PT (&p, N_("not saved")),
                        repro);
  subject = g_strdup_printf ("%s — %s", PT (&p, N_("Feasibility study")),
                             kt_proposal_enum (&p, &kt_form_info, data->form));
  keywords = g_strdup_printf ("PPP; %s; %s; %s; %s", PT (&p, N_("Feasibility study")),
                              kt_enum_key (&kt_form_info, data->form),
                              data->province != NULL ? data->province : "",
                              kt_proposal_enum (&p, &kt_field_info, data->field));
  kt_pdf_set_metadata (pdf, kt_proposal_text (&p, &data->name), data->proposer.name, subject,
                       keywords);
  kt_pdf_set_creation_date (pdf, date);

  add_cover (&p, date);
  kt_pdf_add_toc (pdf);
  kt_proposal_add_introduction (&p);
  kt_proposal_add_investment (&p);
  kt_proposal_add_operations (&p);
  kt_proposal_add_financial (&p);
  kt_proposal_add_state (&p);
  kt_proposal_add_risks (&p);
  kt_proposal_add_uncertainty (&p);
  kt_proposal_add_economic (&p);
  kt_proposal_add_closing (&p);
  add_signature (&p);
  kt_proposal_add_appendices (&p);

  if (model_out != NULL)
    *model_out = g_steal_pointer (&model);
  return g_steal_pointer (&pdf);
}

gboolean
kt_proposal_write (const KtProjectData     *data,
                   KtRuleSet               *rule_set,
                   const KtRules           *rules,
                   const KtProposalOptions *options,
                   const char              *path,
                   GError                 **error)
{
  g_autoptr (KtPdf) pdf = NULL;

  g_return_val_if_fail (data != NULL && rules != NULL && options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pdf = build (data, rule_set, rules, options, path, NULL, error);
  return pdf != NULL && kt_pdf_finish (pdf, error);
}

GBytes *
kt_proposal_render (const KtProjectData     *data,
                    KtRuleSet               *rule_set,
                    const KtRules           *rules,
                    const KtProposalOptions *options,
                    GError                 **error)
{
  g_autoptr (KtPdf) pdf = NULL;

  g_return_val_if_fail (data != NULL && rules != NULL && options != NULL, NULL);

  pdf = build (data, rule_set, rules, options, NULL, NULL, error);
  return pdf != NULL ? kt_pdf_finish_to_bytes (pdf, error) : NULL;
}

KtPdf *
kt_proposal_layout (const KtProjectData     *data,
                    KtRuleSet               *rule_set,
                    const KtRules           *rules,
                    const KtProposalOptions *options,
                    GError                 **error)
{
  KtPdf *pdf;

  g_return_val_if_fail (data != NULL && rules != NULL && options != NULL, NULL);

  pdf = build (data, rule_set, rules, options, NULL, NULL, error);
  if (pdf != NULL)
    kt_pdf_layout (pdf);
  return pdf;
}
