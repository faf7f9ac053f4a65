/* kt-report-i18n.h — report text in the report's language, not the UI's
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report chooses its language independently of the user interface: an
 * English UI can write a Vietnamese proposal.  gettext () answers in the
 * process's language (LANGUAGE / LC_MESSAGES), and switching LANGUAGE per call
 * is neither thread-safe (setenv) nor reliable (glibc caches catalogues), so
 * the report reads the app's own compiled catalogue, <localedir>/vi/LC_MESSAGES/
 * khathi.mo, directly: a read-only binary search over the .mo tables, no
 * locale state at all.
 *
 * msgids are English, so KT_LANG_EN returns the msgid.  Mark the strings with
 * N_() / NC_() so xgettext collects them into po/khathi.pot:
 *
 *   kt_report_gettext (lang, N_("Contents"))
 *   kt_report_pgettext (lang, "compact number", N_("bn"))   (msgctxt in the .po)
 *
 * The catalogue is looked up in $KHATHI_LOCALEDIR (uninstalled runs and tests:
 * <build>/po), else in LOCALEDIR from config.h.  A missing catalogue or
 * message falls back to the English msgid, as gettext does;
 * kt_report_lang_available () tells a caller that wants to refuse instead.
 */
#pragma once

#include <glib.h>

#include "kt-format.h"

G_BEGIN_DECLS

/* G_GNUC_FORMAT: a translated printf format is checked like its msgid. */
const char *kt_report_gettext          (KtLang      lang,
                                        const char *msgid) G_GNUC_FORMAT (2);
const char *kt_report_pgettext         (KtLang      lang,
                                        const char *context,
                                        const char *msgid) G_GNUC_FORMAT (3);
/* TRUE for English, and for Vietnamese when its catalogue was found. */
gboolean    kt_report_lang_available   (KtLang      lang);
/* Overrides $KHATHI_LOCALEDIR / LOCALEDIR (NULL: back to those) and drops
 * catalogues already read.  Call before rendering, not during. */
void        kt_report_set_locale_dir   (const char *dir);

G_END_DECLS
