/* kt-problem.h — validation problems and engine checks, with their location
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KT_SEVERITY_INFO,
  KT_SEVERITY_WARNING,
  KT_SEVERITY_ERROR,
} KtSeverity;

/* `where` is a schema path with 1-based rows: "capex/2/useful-life",
 * "financing/equity-share", "" for the whole project.  `code` is a stable
 * ASCII identifier ("balance_sheet", "equity_below_minimum", …) that scripts
 * match; `message` is translated. */
typedef struct {
  KtSeverity severity;
  char      *code;
  char      *where;
  char      *message;
  int        year;       /* calendar year concerned, 0 when none */
} KtProblem;

/* A GPtrArray of KtProblem*, freeing its elements. */
GPtrArray  *kt_problems_new        (void);
void        kt_problems_add        (GPtrArray  *problems,
                                    KtSeverity  severity,
                                    const char *code,
                                    const char *where,
                                    int         year,
                                    const char *format,
                                    ...) G_GNUC_PRINTF (6, 7);
void        kt_problem_free        (KtProblem  *problem);
gboolean    kt_problems_has_errors (GPtrArray  *problems);
const char *kt_severity_key        (KtSeverity  severity);  /* "info", "warning", "error" */

G_END_DECLS
