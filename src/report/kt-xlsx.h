/* kt-xlsx.h — the statements, inputs and simulation summary of a project as an XLSX workbook
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One sheet per statement of kt_model_table_names () with the engine's
 * numbers as numeric cells (whole-đồng format #,##0, percentages 0.00%,
 * ratios 0.00), calendar years as column headers, the header row and label
 * column frozen; an "Indicators" sheet with the base case's results; an
 * "Inputs" sheet with the key inputs; and a "Simulation" sheet when Monte
 * Carlo results are given.  Sheet names and labels are in `lang`.  Written
 * with libxlsxwriter (HAVE_XLSXWRITER); without it every call fails with
 * G_IO_ERROR_NOT_SUPPORTED.
 */
#pragma once

#include <gio/gio.h>

#include "kt-format.h"
#include "kt-project.h"
#include "kt-rules.h"
#include "kt-simulation.h"

G_BEGIN_DECLS

gboolean kt_xlsx_available (void);
/* Evaluates the base case and writes the workbook to `path` (replaced
 * atomically).  `simulation` may be NULL. */
gboolean kt_xlsx_export    (const KtProjectData      *data,
                            const KtRules            *rules,
                            const KtSimulationResult *simulation,
                            KtLang                    lang,
                            const char               *path,
                            GError                  **error);

G_END_DECLS
