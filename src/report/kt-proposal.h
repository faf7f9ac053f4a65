/* kt-proposal.h — the proposal report (báo cáo nghiên cứu khả thi) of a project as a Decree 30 PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One call turns a project, its resolved rules and an evaluated base case
 * into the full feasibility-study document of DOMAIN.md §5: cover, contents,
 * the narrative chapters (the project's KtText chapters in the report's
 * language, falling back to the other), the engine's figures, tables and
 * charts, the sensitivity and (when given) Monte Carlo results, a signature
 * block, and appendices with the statements year by year, every input, and
 * the methodology of MODEL.md written out so that an appraiser can recompute.
 *
 * The report's language is independent of the UI's: every string comes from
 * kt_pdf_gettext () and every figure from kt-format in `lang`.  Every page
 * carries the SHA-256 of the project file as saved on disk and the
 * reproducibility line (engine version, rule set, seed, iterations, "MODEL.md
 * conventions"); the PDF metadata repeat them.
 */
#pragma once

#include <gio/gio.h>

#include "kt-format.h"
#include "kt-pdf.h"
#include "kt-project.h"
#include "kt-rules.h"
#include "kt-simulation.h"

G_BEGIN_DECLS

typedef struct {
  KtLang                    lang;
  /* Hex SHA-256 of the project file's bytes (kt_proposal_file_sha256 ());
   * NULL prints "not saved". */
  const char               *project_sha256;
  /* Issue date of the cover and metadata; NULL: now.  A fixed date gives a
   * byte-identical file. */
  GDateTime                *date;
  /* A finished Monte Carlo run of this project, or NULL: the uncertainty
   * chapter then says that no simulation was run (never invents figures). */
  const KtSimulationResult *simulation;
} KtProposalOptions;

void      kt_proposal_options_init (KtProposalOptions   *options,
                                    KtLang               lang);

/* The SHA-256 (lower-case hex) of a file's bytes as stored. */
char     *kt_proposal_file_sha256  (GFile               *file,
                                    GError             **error);

/* Evaluates the base case and writes the report to `path` (atomically).
 * Fails with KT_REPORT_FONT_ERROR when the report font is missing,
 * KT_PDF_ERROR when the file cannot be written, or G_IO_ERROR_INVALID_DATA
 * when the timeline has no year. */
gboolean  kt_proposal_write        (const KtProjectData     *data,
                                    KtRuleSet               *rule_set,
                                    const KtRules           *rules,
                                    const KtProposalOptions *options,
                                    const char              *path,
                                    GError                 **error);
/* The same into memory. */
GBytes   *kt_proposal_render       (const KtProjectData     *data,
                                    KtRuleSet               *rule_set,
                                    const KtRules           *rules,
                                    const KtProposalOptions *options,
                                    GError                 **error);

/* The same, laid out but not rendered: the pages for printing and previews
 * (kt_pdf_draw_page ()), and kt_pdf_finish_to_bytes () gives the very bytes
 * kt_proposal_render () would.  Free with kt_pdf_free (). */
KtPdf    *kt_proposal_layout       (const KtProjectData     *data,
                                    KtRuleSet               *rule_set,
                                    const KtRules           *rules,
                                    const KtProposalOptions *options,
                                    GError                 **error);

/* The reproducibility line of the footer and metadata, in `lang`. */
char     *kt_proposal_reproducibility (const KtProjectData      *data,
                                       KtRuleSet                *rule_set,
                                       const KtSimulationResult *simulation,
                                       KtLang                    lang);

G_END_DECLS
