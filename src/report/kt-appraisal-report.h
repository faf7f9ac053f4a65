/* kt-appraisal-report.h — the appraisal report of one submission of a portfolio (PDF)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What was submitted, the appraiser's own figures, the legal gate with its
 * citations, the scores with comments, the changes since the previous version
 * and the decision; in the language of kt_lang_current ().  Shared by
 * `khathi-cli portfolio report` and the appraiser's window.
 */
#pragma once

#include <glib.h>

#include "kt-portfolio-db.h"

G_BEGIN_DECLS

gboolean kt_appraisal_report_write (KtPortfolioDb  *db,
                                    gint64          id,
                                    const char     *path,
                                    GError        **error);

G_END_DECLS
