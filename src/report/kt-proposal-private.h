/* kt-proposal-private.h — shared state of the proposal report's chapter files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-model.h"
#include "kt-pdf.h"
#include "kt-proposal.h"

G_BEGIN_DECLS

typedef struct {
  KtPdf                   *pdf;
  KtLang                   lang;
  const char              *lc;        /* "vi" / "en" for kt_text_get () */
  const KtProjectData     *data;
  KtRuleSet               *set;
  const KtRules           *rules;
  const KtProposalOptions *options;
  KtModel                 *model;
  KtMoneyUnit              unit;      /* of money in tables and text */
  GPtrArray               *problems;  /* the engine's findings (KtProblem) */
} KtProposal;

/* A report string in the report's language. */
#define PT(p, msgid) kt_pdf_gettext ((p)->pdf, (msgid))

/* Figures as the report prints them (the tests format the engine's values the
 * same way and look for the text). */
char       *kt_proposal_money        (KtProposal   *p,
                                      double        vnd);      /* "413,65 tỷ đồng" */
char       *kt_proposal_money_cell   (KtProposal   *p,
                                      double        vnd);      /* "413,65" */
char       *kt_proposal_percent      (KtProposal   *p,
                                      double        fraction); /* 2 decimals */
char       *kt_proposal_ratio        (KtProposal   *p,
                                      double        value);    /* 2 decimals */
char       *kt_proposal_irr          (KtProposal        *p,
                                      const KtIrrResult *irr);
const char *kt_proposal_unit_name    (KtProposal   *p);        /* "tỷ đồng" */
char       *kt_proposal_unit_line    (KtProposal   *p);        /* "Đơn vị: tỷ đồng" */
const char *kt_proposal_enum         (KtProposal       *p,
                                      const KtEnumInfo *info,
                                      int               value);
/* The project's text in the report's language, else the other one; "" if none. */
const char *kt_proposal_text         (KtProposal   *p,
                                      const KtText *text);
/* Paragraphs separated by blank lines, escaped; FALSE when the text is empty. */
gboolean    kt_proposal_add_text     (KtProposal   *p,
                                      const KtText *text);
/* A quiet two-column list from label, value pairs (values are owned and freed). */
void        kt_proposal_add_pairs    (KtProposal   *p,
                                      GPtrArray    *pairs);
void        kt_proposal_pair         (GPtrArray    *pairs,
                                      const char   *label,
                                      char         *value);
/* A statement of the engine (kt_model_table_new) as a year table. */
KtPdfTable *kt_proposal_year_table   (KtProposal   *p,
                                      const char   *name,
                                      gboolean      landscape);
/* The engine's tables and check descriptions with untranslated labels (the
 * C locale in this thread while they are made), and their labels and titles
 * in `lang` (see kt-proposal.c). */
KtModelTable *kt_proposal_table_new  (const KtModel       *model,
                                      const KtProjectData *data,
                                      const char          *name);
const char *kt_proposal_check_description (KtLang      lang,
                                           KtCheck     check);
char       *kt_proposal_row_label    (KtLang               lang,
                                      const KtProjectData *data,
                                      const KtModelRow    *row);
const char *kt_proposal_table_title  (KtLang               lang,
                                      const KtModelTable  *table);
/* Calendar-year labels "2027" … for charts; free with g_strfreev. */
char      **kt_proposal_year_labels  (KtProposal   *p,
                                      int           first,
                                      int           n);

/* Chapters, in report order. */
void        kt_proposal_add_introduction (KtProposal *p);  /* rationale … data and IP, form */
void        kt_proposal_add_investment   (KtProposal *p);
void        kt_proposal_add_operations   (KtProposal *p);
void        kt_proposal_add_financial    (KtProposal *p);
void        kt_proposal_add_state        (KtProposal *p);
void        kt_proposal_add_risks        (KtProposal *p);
void        kt_proposal_add_uncertainty  (KtProposal *p);
void        kt_proposal_add_economic     (KtProposal *p);
void        kt_proposal_add_closing      (KtProposal *p);  /* implementation, conclusion */
void        kt_proposal_add_appendices   (KtProposal *p);

G_END_DECLS
