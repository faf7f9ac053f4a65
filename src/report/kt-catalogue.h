/* kt-catalogue.h — the published catalogue of a portfolio: ranked projects as CSV, XLSX or PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by `khathi-cli portfolio catalogue` and the appraiser's window.  The
 * rows are kt_portfolio_db_rank ()'s: latest versions, legal gate passed first,
 * then by aggregate score.  Text is in the UI language (gettext); the PDF's
 * own words follow kt_lang_current ().
 */
#pragma once

#include <glib.h>

#include "kt-portfolio-db.h"

G_BEGIN_DECLS

typedef enum {
  KT_CATALOGUE_CSV,
  KT_CATALOGUE_XLSX,
  KT_CATALOGUE_PDF,
} KtCatalogueFormat;

/* From the file name's extension (.csv, .xlsx, .pdf, any case); FALSE otherwise. */
gboolean    kt_catalogue_format_from_path (const char        *path,
                                           KtCatalogueFormat *format);
/* "csv", "xlsx", "pdf": the format recorded in the audit log. */
const char *kt_catalogue_format_key       (KtCatalogueFormat  format);
/* FALSE when this build has no libxlsxwriter. */
gboolean    kt_catalogue_has_xlsx         (void);
/* Writes `rows` (KtRankRow*; NULL: ranks the portfolio now) to `path`. */
gboolean    kt_catalogue_write            (KtPortfolioDb     *db,
                                           GPtrArray         *rows,
                                           KtCatalogueFormat  format,
                                           const char        *path,
                                           GError           **error);

G_END_DECLS
