/* kt-forms-compare.h — the same project under every contract form that fits it (DOMAIN.md §2, §4)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-model.h"

G_BEGIN_DECLS

typedef struct {
  KtForm      form;
  gboolean    current;          /* the project's own form */
  gboolean    modelled;         /* FALSE: listed with a note, no figures */
  const char *note;             /* untranslated msgid (N_()); NULL when none */
  double      equity_irr;       /* NAN: no IRR */
  double      project_irr;
  double      dscr_min;
  double      fiscal_npv;       /* §8, at the social rate */
  double      state_net_cost;   /* −fiscal NPV + what the state then does itself */
  double      vfm;              /* §11 against the project's PSC */
  double      risks_transferred;/* expected cost the investor bears */
  double      support_total;
  double      state_payment_total; /* nominal, BT payment included */
  int         checks_run;
  int         checks_failed;    /* error-level */
  gboolean    legal_ok;
} KtFormVariant;

/* Fills `variant` with the document under `form` (kt_forms_compare's
 * transformation); the caller clears it with kt_project_data_clear(). */
void    kt_forms_transform (const KtProjectData *data,
                            const KtRules       *rules,
                            KtForm               form,
                            KtProjectData       *variant);

/* KtFormVariant rows: the current form first, then the others that fit. */
GArray *kt_forms_compare   (const KtProjectData *data,
                            const KtRules       *rules);

G_END_DECLS
