/* kt-proposal-narrative.c — the narrative chapters (DOMAIN.md §5), plan and conclusion
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kt-proposal-private.h"

static void
text_or_note (KtProposal *p,
              KtChapter   chapter)
{
  if (!kt_proposal_add_text (p, &p->data->chapters[chapter]))
    kt_pdf_add_styled_paragraph (p->pdf, KT_PDF_PARA_NOTE,
                                 PT (p, N_("The study gives no text for this section.")));
}

/* A level-2 section from a chapter text, left out when the study has none. */
static void
optional_section (KtProposal *p,
                  KtChapter   chapter)
{
  const char *body = kt_proposal_text (p, &p->data->chapters[chapter]);

  if (body == NULL || *body == '\0')
    return;
  kt_pdf_add_heading (p->pdf, 2, kt_proposal_enum (p, &kt_chapter_info, chapter));
  kt_proposal_add_text (p, &p->data->chapters[chapter]);
}

static void
chapter_heading (KtProposal *p,
                 KtChapter   chapter)
{
  kt_pdf_add_heading (p->pdf, 1, kt_proposal_enum (p, &kt_chapter_info, chapter));
}

void
kt_proposal_add_introduction (KtProposal *p)
{
  const KtProjectData *d = p->data;
  const KtModel *m = p->model;
  GPtrArray *pairs;

  chapter_heading (p, KT_CHAPTER_NECESSITY);
  text_or_note (p, KT_CHAPTER_NECESSITY);
  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Field and form of cooperation")));
  pairs = g_ptr_array_new_with_free_func (g_free);
  kt_proposal_pair (pairs, PT (p, N_("Eligible field")),
                    g_strdup (kt_proposal_enum (p, &kt_field_info, d->field)));
  kt_proposal_pair (pairs, PT (p, N_("Application domain")),
                    g_strdup (kt_proposal_enum (p, &kt_domain_info, d->domain)));
  kt_proposal_pair (pairs, PT (p, N_("PPP form")),
                    g_strdup (kt_proposal_enum (p, &kt_form_info, d->form)));
  kt_proposal_pair (pairs, PT (p, N_("S&T project under Decree 180")),
                    g_strdup (d->st_project ? PT (p, N_("Yes")) : PT (p, N_("No"))));
  kt_proposal_add_pairs (p, pairs);

  chapter_heading (p, KT_CHAPTER_OBJECTIVES);
  text_or_note (p, KT_CHAPTER_OBJECTIVES);
  pairs = g_ptr_array_new_with_free_func (g_free);
  kt_proposal_pair (pairs, PT (p, N_("Province or city")),
                    g_strdup (d->province != NULL ? d->province : ""));
  kt_proposal_pair (pairs, PT (p, N_("Construction")),
                    m->construction_years > 0
                    ? g_strdup_printf (PT (p, N_("%d years from %d")), m->construction_years,
                                       m->start_year)
                    : g_strdup (PT (p, N_("none"))));
  kt_proposal_pair (pairs, PT (p, N_("Operation")),
                    g_strdup_printf (PT (p, N_("%d years, %d–%d")), m->operation_years,
                                     m->start_year + m->construction_years,
                                     m->start_year + m->n_years - 1));
  kt_proposal_pair (pairs, PT (p, N_("Contract term")),
                    g_strdup_printf (PT (p, N_("%d years, %d–%d")), m->n_years, m->start_year,
                                     m->start_year + m->n_years - 1));
  kt_proposal_add_pairs (p, pairs);
  optional_section (p, KT_CHAPTER_SCOPE);

  chapter_heading (p, KT_CHAPTER_TECHNOLOGY);
  text_or_note (p, KT_CHAPTER_TECHNOLOGY);
  optional_section (p, KT_CHAPTER_RD_COMMERCIALISATION);

  chapter_heading (p, KT_CHAPTER_DATA_IP);
  text_or_note (p, KT_CHAPTER_DATA_IP);
  optional_section (p, KT_CHAPTER_SANDBOX);
  if (d->public_assets->len > 0)
    {
      g_autoptr (KtPdfTable) table = kt_pdf_table_new ();
      g_autofree char *unit = kt_proposal_unit_line (p);

      kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Public assets contributed")));
      /* Text under the heading: a heading does not keep with a table. */
      kt_pdf_add_paragraph (p->pdf, PT (p, N_("The state contributes the following public assets "
                                              "to the project, at their valuation.")));
      kt_pdf_table_add_column (table, PT (p, N_("Name")), KT_PDF_ALIGN_LEFT);
      kt_pdf_table_add_column (table, PT (p, N_("Kind")), KT_PDF_ALIGN_LEFT);
      kt_pdf_table_add_column (table, PT (p, N_("Valuation")), KT_PDF_ALIGN_RIGHT);
      kt_pdf_table_add_column (table, PT (p, N_("Valuation basis")), KT_PDF_ALIGN_LEFT);
      kt_pdf_table_set_caption (table, PT (p, N_("Public assets contributed")));
      kt_pdf_table_set_unit (table, unit);
      for (guint i = 0; i < d->public_assets->len; i++)
        {
          const KtPublicAsset *a = &g_array_index (d->public_assets, KtPublicAsset, i);
          g_autofree char *value = kt_proposal_money_cell (p, a->value);

          kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, a->name != NULL ? a->name : "",
                                  kt_proposal_enum (p, &kt_asset_kind_info, a->kind), value,
                                  a->valuation_basis != NULL ? a->valuation_basis : "", NULL);
        }
      kt_pdf_add_table (p->pdf, table);
    }

  chapter_heading (p, KT_CHAPTER_FORM_RATIONALE);
  text_or_note (p, KT_CHAPTER_FORM_RATIONALE);
  optional_section (p, KT_CHAPTER_BENEFIT_SHARING);
}

void
kt_proposal_add_closing (KtProposal *p)
{
  const KtModelResults *r = &p->model->r;
  g_autoptr (KtPdfTable) table = kt_pdf_table_new ();
  struct { const char *label; char *value; } rows[] = {
    { N_("Total investment"), kt_proposal_money (p, r->total_investment) },
    { N_("NPV at WACC"), kt_proposal_money (p, r->project_npv) },
    { N_("FIRR"), kt_proposal_irr (p, &r->project_irr) },
    { N_("Equity IRR"), kt_proposal_irr (p, &r->equity_irr) },
    { N_("Minimum DSCR"), kt_proposal_ratio (p, r->dscr_min) },
    { N_("Payback"), kt_format_years (r->payback, p->lang) },
    { N_("Fiscal NPV at the social rate"), kt_proposal_money (p, r->fiscal_npv) },
    { N_("EIRR"), kt_proposal_irr (p, &r->eirr) },
  };

  chapter_heading (p, KT_CHAPTER_IMPLEMENTATION);
  text_or_note (p, KT_CHAPTER_IMPLEMENTATION);

  chapter_heading (p, KT_CHAPTER_CONCLUSION);
  text_or_note (p, KT_CHAPTER_CONCLUSION);
  kt_pdf_table_add_column (table, PT (p, N_("Indicator")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, PT (p, N_("Value")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_set_caption (table, PT (p, N_("Key results of the base case")));
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, PT (p, rows[i].label), rows[i].value,
                              NULL);
      g_free (rows[i].value);
    }
  kt_pdf_add_table (p->pdf, table);
}
