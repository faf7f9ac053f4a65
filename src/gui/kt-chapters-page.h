/* kt-chapters-page.h — the narrative chapters of a study, in Vietnamese and English
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-editor.h"

G_BEGIN_DECLS

#define KT_TYPE_CHAPTERS_PAGE (kt_chapters_page_get_type ())
G_DECLARE_FINAL_TYPE (KtChaptersPage, kt_chapters_page, KT, CHAPTERS_PAGE, GtkBox)

KtChaptersPage *kt_chapters_page_new  (KtEditor       *editor);
/* Shows the chapter and language of a path ("chapters/necessity/vi"). */
gboolean        kt_chapters_page_show (KtChaptersPage *self,
                                       const char     *path);
/* Words of a text: runs of letters or digits (Vietnamese syllables count one each). */
guint           kt_count_words        (const char     *text);

G_END_DECLS
