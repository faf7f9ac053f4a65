/* kt-cli-table.h — readable tables and JSON pieces shared by the risk and uncertainty commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "kt-format.h"
#include "kt-outcomes.h"

G_BEGIN_DECLS

/* The unit that keeps the largest of these amounts readable. */
KtMoneyUnit  kt_cli_money_unit      (double       magnitude);
/* "billion ₫", "million ₫" or "₫", translated. */
const char  *kt_cli_money_unit_name (KtMoneyUnit  unit);
/* An outcome's value for a table cell: money in `unit` without symbol, rates
 * as percentages, ratios with 2 decimals; KT_FORMAT_NO_VALUE when not finite. */
char        *kt_cli_format_outcome  (KtOutcome    outcome,
                                     double       value,
                                     KtMoneyUnit  unit,
                                     KtLang       lang);
/* "+2 years", translated. */
char        *kt_cli_format_delay    (int          years);
/* A label padded (by characters, not bytes) to `width`, then the cells right
 * aligned in `cell_width` columns. */
void         kt_cli_print_row       (const char  *label,
                                     int          width,
                                     char       **cells,
                                     int          n_cells,
                                     int          cell_width);
/* Text cut to `width` characters with a final "…". */
char        *kt_cli_ellipsize       (const char  *text,
                                     int          width);
void         kt_cli_print_problems  (GPtrArray   *problems);

/* JSON: non-finite numbers become null. */
void         kt_cli_json_number     (JsonBuilder *b,
                                     const char  *name,
                                     double       value);
void         kt_cli_json_problems   (JsonBuilder *b,
                                     const char  *name,
                                     GPtrArray   *problems);
/* Prints the builder's value, pretty, with a final newline. */
void         kt_cli_json_print      (JsonBuilder *b);

G_END_DECLS
