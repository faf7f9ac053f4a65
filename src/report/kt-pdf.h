/* kt-pdf.h — A4 report documents after Decree 30/2020: cover, contents, chapters, tables, charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build the document block by block, then kt_pdf_finish () lays it out and
 * writes it.  Layout is one pass that records every page's drawing; numbers
 * that depend on the layout (the contents' page numbers, "Trang x/y") are
 * drawn while rendering, when the page count is known.  The contents' own
 * length depends only on its entries, so its page count is fixed up front.
 *
 * Page (DOMAIN.md §9): A4 portrait, margins top 20, bottom 20, left 30, right
 * 15 mm; landscape pages (wide tables) top 30 (the binding edge when turned),
 * bottom 15, left and right 20 mm.  Liberation Serif from a private font map
 * (kt-report-font.h), body 13 pt justified with a 1.27 cm first-line indent.
 * "Trang x/y" / "Page x of y" centred at the top of every page but the first.
 * With kt_pdf_set_integrity () every page carries a footer with the project
 * file's SHA-256 and the reproducibility line.
 *
 * Text: headings, captions, cover and table cells are plain text; paragraphs
 * and bullets take Pango markup (<b>, <i>, <sup>; escape data with
 * g_markup_escape_text ()).  Strings are used as given, so the caller writes
 * them in the document's language — kt_pdf_gettext () looks up the
 * document's language, not the UI's.  Units: points; KT_PDF_MM converts.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kt-chart.h"
#include "kt-format.h"
#include "kt-pdf-table.h"

G_BEGIN_DECLS

#define KT_PDF_MM(mm) ((mm) * 72.0 / 25.4)

#define KT_PDF_ERROR (kt_pdf_error_quark ())
typedef enum {
  KT_PDF_ERROR_RENDER,    /* cairo failed while drawing */
  KT_PDF_ERROR_WRITE,     /* the file could not be written */
} KtPdfError;
GQuark       kt_pdf_error_quark          (void);

typedef enum {
  KT_PDF_PORTRAIT,
  KT_PDF_LANDSCAPE,
} KtPdfOrientation;

typedef enum {
  KT_PDF_PARA_BODY,       /* justified, first-line indent 1.27 cm */
  KT_PDF_PARA_PLAIN,      /* justified, no indent */
  KT_PDF_PARA_CENTER,
  KT_PDF_PARA_RIGHT,
  KT_PDF_PARA_NOTE,       /* 11 pt italic, no indent (sources, remarks) */
} KtPdfParaStyle;

/* The first page (Decree 30 header blocks).  All strings optional except
 * doc_type; issuer lines are printed in capitals whatever case they come in. */
typedef struct {
  const char         *issuer_parent;   /* "ỦY BAN NHÂN DÂN TỈNH CẦN THƠ" (regular) */
  const char         *issuer;          /* "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" (bold), short rule under */
  const char         *number;          /* "Số: 12/BC-SKHĐT" under the issuer */
  const char         *place_date;      /* "Cần Thơ, ngày 05 tháng 01 năm 2026" (italics) */
  const char         *doc_type;        /* "BÁO CÁO", "TỜ TRÌNH" (bold capitals) */
  const char         *summary;         /* bold line(s) under it, short rule under */
  const char         *title;           /* project name, large, mid-page */
  const char * const *details;         /* NULL-terminated label, value pairs under the title */
  const char         *bottom_line;     /* "Cần Thơ, tháng 01 năm 2026" at the foot */
} KtPdfCover;

/* Signature block and "Nơi nhận:" (recipients) at the end of a document. */
typedef struct {
  const char * const *recipients;      /* NULL-terminated; NULL: no "Nơi nhận:" */
  const char         *authority;       /* "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC" … */
  const char         *position;        /* "CHỦ TỊCH" */
  const char         *name;            /* the signer */
} KtPdfSignature;

typedef struct _KtPdf KtPdf;

/* Loads the report font; fails with KT_REPORT_FONT_ERROR when it is missing.
 * `path` is written only by kt_pdf_finish (), atomically; NULL when only
 * kt_pdf_finish_to_bytes () will be used.  Not thread-safe, but documents in
 * different threads are independent. */
KtPdf       *kt_pdf_new                  (const char     *path,
                                          KtLang          lang,
                                          GError        **error);
/* The same with another font family (NULL: kt_report_font_family ()). */
KtPdf       *kt_pdf_new_with_font        (const char     *path,
                                          KtLang          lang,
                                          const char     *family,
                                          GError        **error);
void         kt_pdf_free                 (KtPdf          *pdf);

KtLang       kt_pdf_get_lang             (KtPdf          *pdf);
/* A string of the app's catalogue in the document's language (kt-report-i18n.h). */
const char  *kt_pdf_gettext              (KtPdf          *pdf,
                                          const char     *msgid) G_GNUC_FORMAT (2);

/* Document information; the integrity data are added to subject and keywords. */
void         kt_pdf_set_metadata         (KtPdf          *pdf,
                                          const char     *title,
                                          const char     *author,
                                          const char     *subject,
                                          const char     *keywords);
/* NULL (default): now.  Fixed dates make reproducible files. */
void         kt_pdf_set_creation_date    (KtPdf          *pdf,
                                          GDateTime      *date);
/* Footer of every page: the project file's SHA-256 (hex) and a line telling
 * how to reproduce the figures (engine version, seed, iterations, conventions). */
void         kt_pdf_set_integrity        (KtPdf          *pdf,
                                          const char     *project_sha256,
                                          const char     *reproducibility);
/* Hierarchical numbers "1.", "1.2.", "1.2.3." before headings (default TRUE);
 * set before adding headings. */
void         kt_pdf_set_numbering        (KtPdf          *pdf,
                                          gboolean        numbering);
/* Deepest heading level in the contents and the outline's open levels (default 2). */
void         kt_pdf_set_toc_depth        (KtPdf          *pdf,
                                          guint           depth);

/* --- Blocks, in reading order ------------------------------------------ */

/* The first page; the next block starts on a new page. */
void         kt_pdf_add_cover            (KtPdf            *pdf,
                                          const KtPdfCover *cover);
/* "MỤC LỤC" / "CONTENTS" with every heading down to the TOC depth, dot
 * leaders, page numbers and links; starts a page and ends it. */
void         kt_pdf_add_toc              (KtPdf          *pdf);
/* Level 1 (chapter) starts a new page; 2 and 3 keep with the next lines.
 * Adds an outline entry and, to the TOC depth, a contents entry. */
void         kt_pdf_add_heading          (KtPdf          *pdf,
                                          guint           level,
                                          const char     *text);
/* "PHỤ LỤC n" / "APPENDIX n" and the title on a new page; later headings of
 * level 2 and 3 belong to it and are not numbered. */
void         kt_pdf_add_appendix         (KtPdf          *pdf,
                                          const char     *title);
void         kt_pdf_add_paragraph        (KtPdf          *pdf,
                                          const char     *markup);
void         kt_pdf_add_styled_paragraph (KtPdf          *pdf,
                                          KtPdfParaStyle  style,
                                          const char     *markup);
/* "–" bullets, one item per markup string, NULL-terminated. */
void         kt_pdf_add_bullets          (KtPdf              *pdf,
                                          const char * const *items);
/* Label, value pairs, NULL-terminated, as a quiet two-column list. */
void         kt_pdf_add_key_values       (KtPdf              *pdf,
                                          const char * const *pairs);
/* Takes a reference.  Numbered "Bảng n." / "Table n." when it has a caption. */
void         kt_pdf_add_table            (KtPdf          *pdf,
                                          KtPdfTable     *table);
/* Full text width, `height` points tall, drawn with the report font in the
 * light style; numbered "Hình n." / "Figure n." under it when captioned.
 * Takes a reference. */
void         kt_pdf_add_chart            (KtPdf          *pdf,
                                          KtChart        *chart,
                                          double          height,
                                          const char     *caption);
void         kt_pdf_add_page_break       (KtPdf          *pdf);
/* Later blocks go on pages of this orientation (a new page if it changes).
 * An appendix that is one wide table reads best with LANDSCAPE set before
 * kt_pdf_add_appendix (): heading and table then share the landscape page. */
void         kt_pdf_set_orientation      (KtPdf            *pdf,
                                          KtPdfOrientation  orientation);
void         kt_pdf_add_spacer           (KtPdf          *pdf,
                                          double          height);
/* Kept on one page. */
void         kt_pdf_add_signature        (KtPdf                *pdf,
                                          const KtPdfSignature *signature);

/* Lays out (unless kt_pdf_layout () did) and writes the file (atomically). */
gboolean     kt_pdf_finish               (KtPdf          *pdf,
                                          GError        **error);
/* The same into memory (path is ignored). */
GBytes      *kt_pdf_finish_to_bytes      (KtPdf          *pdf,
                                          GError        **error);

/* --- The laid-out document: printing and previews ------------------------- */

/* Lays the document out once; no block may be added afterwards.  The pages
 * below and kt_pdf_finish*() then share this one layout, so a print and the
 * PDF show the same pages. */
void         kt_pdf_layout               (KtPdf          *pdf);
/* Of a laid-out document; `page` counts from 0 up to kt_pdf_get_n_pages (). */
KtPdfOrientation kt_pdf_get_page_orientation (KtPdf      *pdf,
                                              guint       page);
/* In points: 595.276 × 841.89 portrait, the other way round landscape. */
void         kt_pdf_get_page_size        (KtPdf          *pdf,
                                          guint           page,
                                          double         *width,
                                          double         *height);
/* Headings in the order added (appendices count, as level 1): the contents'
 * text ("1. Title", "PHỤ LỤC 1. Title") and level; NULL if out of range. */
guint        kt_pdf_get_n_headings       (KtPdf          *pdf);
const char  *kt_pdf_get_heading_entry    (KtPdf          *pdf,
                                          guint           heading,
                                          guint          *level);
/* Draws a whole page as in the PDF (content, page number, integrity footer;
 * no links or outline) onto any cairo context, its top-left corner at the
 * origin, 1 point = `scale` user units.  Draw from one thread at a time. */
void         kt_pdf_draw_page            (KtPdf          *pdf,
                                          cairo_t        *cr,
                                          guint           page,
                                          double          scale);
/* After finishing: pages written, and the page (1-based) of heading i in the
 * order added (appendices count as headings); 0 if out of range. */
guint        kt_pdf_get_n_pages          (KtPdf          *pdf);
guint        kt_pdf_get_heading_page     (KtPdf          *pdf,
                                          guint           heading);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtPdf, kt_pdf_free)

G_END_DECLS
