/* kt-portfolio-labels.c — how a submission and a decision are named to the user
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One place for the CLI, the reports and every view of the portfolio window,
 * so that they all call a submission and a decision the same.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kt-format.h"
#include "kt-portfolio-db.h"

const char *
kt_submission_name (const KtSubmission *submission)
{
  const char *vi = submission->name_vi, *en = submission->name_en;

  if (kt_lang_current () == KT_LANG_EN && en != NULL && *en != '\0')
    return en;
  return vi != NULL && *vi != '\0' ? vi : en;
}

const char *
kt_decision_label (const char *decision)
{
  if (decision == NULL)
    return _("pending");
  if (g_str_equal (decision, "approve"))
    return _("approved");
  if (g_str_equal (decision, "return"))
    return _("returned for revision");
  if (g_str_equal (decision, "reject"))
    return _("rejected");
  return decision;
}

const char *
kt_decision_title (const char *decision)
{
  if (decision == NULL)
    return _("Pending");
  if (g_str_equal (decision, "approve"))
    return _("Approved");
  if (g_str_equal (decision, "return"))
    return _("Returned for revision");
  if (g_str_equal (decision, "reject"))
    return _("Rejected");
  return decision;
}
