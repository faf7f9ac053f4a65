/* kt-validate.h — the validation pass over a project document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-project.h"
#include "kt-rules.h"

G_BEGIN_DECLS

/* Every problem of the document with its location (kt-problem.h).  `rules`
 * may be NULL: then the rule set the project names is loaded, and its absence
 * is itself a problem.  The engine adds the checks of MODEL.md §12 that need
 * the computed figures. */
GPtrArray *kt_project_validate (KtProject *project,
                                KtRuleSet *rules);

/* A number for a message as %g would print it, but in the UI language's
 * convention (DOMAIN.md §9): "0,25" and "1.000.000" in Vietnamese, never
 * "1e+06".  Also used by the file and rule-set loaders. */
char      *kt_validate_format_number (double     x);

G_END_DECLS
