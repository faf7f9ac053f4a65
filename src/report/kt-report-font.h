/* kt-report-font.h — the report font: Liberation Serif in a private Pango font map
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports render with the same four faces on every machine (STYLE.md §7): the
 * files of the family are found through the system's fontconfig, then handed
 * to a private FcConfig holding only them, and that config is given to a
 * cairo-FT Pango font map.  No system alias or fallback can slip in, and cairo
 * embeds a subset of exactly these files in the PDF.
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Decree 30's Times New Roman, metric-compatible, Debian fonts-liberation2. */
#define KT_REPORT_FONT_FAMILY "Liberation Serif"

#define KT_REPORT_FONT_ERROR (kt_report_font_error_quark ())
typedef enum {
  KT_REPORT_FONT_ERROR_NOT_FOUND,   /* the family, or one of its four faces, is not installed */
  KT_REPORT_FONT_ERROR_FAILED,      /* found but fontconfig would not load the file */
} KtReportFontError;

GQuark        kt_report_font_error_quark   (void);

/* The family reports use: $KHATHI_REPORT_FONT if set (tests point it at a
 * family that does not exist), else KT_REPORT_FONT_FAMILY. */
const char   *kt_report_font_family        (void);

/* A new PangoCairoFontMap (cairo FT backend) whose private fontconfig holds the
 * regular, bold, italic and bold-italic faces of `family` (NULL:
 * kt_report_font_family ()).  Fails with KT_REPORT_FONT_ERROR_NOT_FOUND naming
 * the family and the missing faces.  Not thread-safe: one map per document. */
PangoFontMap *kt_report_font_map_new       (const char *family,
                                            GError    **error);

G_END_DECLS
