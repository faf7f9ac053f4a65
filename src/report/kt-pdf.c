/* kt-pdf.c — A4 report documents after Decree 30/2020: cover, contents, chapters, tables, charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "kt-pdf.h"
#include "kt-pdf-private.h"
#include "kt-report-font.h"
#include "kt-report-i18n.h"
#include "kt-report-version.h"

G_DEFINE_QUARK (kt-pdf-error-quark, kt_pdf_error)

/* A4 in points (STYLE.md §7). */
#define A4_SHORT 595.276
#define A4_LONG  841.890

/* DOMAIN.md §9 / Decree 30: body 13–14 pt, lines single to 1.5, at least 6 pt
 * between paragraphs, first-line indent 1–1.27 cm. */
#define BODY_SIZE     13.0
#define LINE_SPACING  1.2
#define PARA_AFTER    6.0
#define INDENT        KT_PDF_MM (12.7)
#define NOTE_SIZE     11.0
#define FOOTER_SIZE   7.5
#define CAPTION_SIZE  12.0
#define CHART_FONT    9.0
#define CELL_PAD_X    3.5
#define CELL_PAD_Y    2.5
#define GRID_WIDTH    0.5
/* Table rows kept together at the head and the foot of a table. */
#define KEEP_ROWS 3
/* A heading needs room for itself and this much of what follows. */
#define KEEP_WITH_NEXT (3 * BODY_SIZE * LINE_SPACING * 1.15)

typedef enum {
  BLOCK_COVER,
  BLOCK_TOC,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_PAGE_BREAK,
  BLOCK_ORIENTATION,
  BLOCK_SPACER,
  BLOCK_SIGNATURE,
} BlockKind;

enum { COVER_ISSUER_PARENT, COVER_ISSUER, COVER_NUMBER, COVER_PLACE_DATE, COVER_DOC_TYPE,
       COVER_SUMMARY, COVER_TITLE, COVER_BOTTOM, N_COVER_STRINGS };
enum { SIGN_AUTHORITY, SIGN_POSITION, SIGN_NAME, N_SIGN_STRINGS };

typedef struct {
  BlockKind         kind;
  KtPdfParaStyle    para;
  char             *text;                 /* markup, caption */
  char            **items;                /* cover details, recipients */
  char             *strings[N_COVER_STRINGS];
  guint             heading;
  guint             number;               /* table or figure number, 0: none */
  KtPdfTable       *table;
  KtChart          *chart;
  double            height;
  KtPdfOrientation  orientation;
} Block;

typedef struct {
  guint     level;        /* 1–3; appendices are 1 */
  gboolean  appendix;
  char     *label;        /* "1.2." or "PHỤ LỤC 1", NULL when unnumbered */
  char     *title;
  char     *entry;        /* contents and outline text */
  guint     page;         /* 1-based, from the layout */
} Heading;

typedef enum {
  ITEM_LAYOUT,            /* a whole PangoLayout, top-left at x, y */
  ITEM_LINES,             /* lines [first, first + n) of a layout, first line's top at y */
  ITEM_STROKE,            /* rectangle outline */
  ITEM_FILL,              /* rectangle */
  ITEM_RULE,              /* line from (x, y) to (x + w, y + h) */
  ITEM_CHART,
  ITEM_DEST,              /* named destination of heading `heading` (G_MAXUINT: contents) */
  ITEM_LINK,              /* link area to heading `heading` */
  ITEM_TOC_NUMBER,        /* dot leaders from x to the page number right-aligned at x + w;
                           * baseline y; drawn once the page numbers are known */
} ItemKind;

typedef struct {
  ItemKind     kind;
  double       x, y, w, h;
  PangoLayout *layout;
  int          first;
  int          n;
  double       gray;
  double       line_width;
  KtChart     *chart;
  guint        heading;
  gboolean     bold;
} Item;

typedef struct {
  KtPdfOrientation orientation;
  GArray          *items;   /* Item */
} Page;

struct _KtPdf {
  char         *path;
  KtLang        lang;
  char         *family;
  PangoFontMap *font_map;
  PangoContext *ctx;

  char         *title;
  char         *author;
  char         *subject;
  char         *keywords;
  GDateTime    *date;
  char         *sha256;
  char         *reproducibility;
  gboolean      numbering;
  guint         toc_depth;

  GPtrArray    *blocks;     /* Block * */
  GArray       *headings;   /* Heading */
  guint         counters[3];
  guint         n_appendices;
  gboolean      in_appendix;
  guint         n_tables;
  guint         n_figures;

  gboolean      finished;   /* laid out: no more blocks */
  GPtrArray    *pages;      /* Page *, after layout */
};

/* Text attributes of a layout. */
typedef struct {
  double         size;
  gboolean       bold;
  gboolean       italic;
  PangoAlignment align;
  gboolean       justify;
  double         indent;
  double         spacing;   /* line spacing factor; 0: the font's */
} Font;

/* The layout pass: the page being filled and the cursor on it. */
typedef struct {
  KtPdf           *pdf;
  KtPdfOrientation orientation;
  Page            *page;
  double           x;        /* content box: left, width */
  double           w;
  double           top;
  double           bottom;
  double           y;        /* cursor */
  gboolean         empty;    /* nothing placed on this page yet */
} Flow;

/* --- Blocks and items ----------------------------------------------------- */

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_strfreev (block->items);
  for (guint i = 0; i < N_COVER_STRINGS; i++)
    g_free (block->strings[i]);
  g_clear_pointer (&block->table, kt_pdf_table_unref);
  g_clear_pointer (&block->chart, kt_chart_unref);
  g_free (block);
}

static void
heading_clear (gpointer data)
{
  Heading *heading = data;

  g_free (heading->label);
  g_free (heading->title);
  g_free (heading->entry);
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
  g_clear_pointer (&item->chart, kt_chart_unref);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->items);
  g_free (page);
}

static Block *
block_add (KtPdf     *pdf,
           BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (pdf->blocks, block);
  return block;
}

static void
page_size (KtPdfOrientation orientation,
           double          *width,
           double          *height)
{
  *width = orientation == KT_PDF_LANDSCAPE ? A4_LONG : A4_SHORT;
  *height = orientation == KT_PDF_LANDSCAPE ? A4_SHORT : A4_LONG;
}

/* Decree 30 margins: portrait top/bottom 20, left 30, right 15 mm; a landscape
 * page is read turned, so its top edge lies at the binding: 30 mm there. */
static void
page_margins (KtPdfOrientation orientation,
              double          *top,
              double          *bottom,
              double          *left,
              double          *right)
{
  if (orientation == KT_PDF_LANDSCAPE)
    {
      *top = KT_PDF_MM (30);
      *bottom = KT_PDF_MM (15);
      *left = KT_PDF_MM (20);
      *right = KT_PDF_MM (20);
    }
  else
    {
      *top = KT_PDF_MM (20);
      *bottom = KT_PDF_MM (20);
      *left = KT_PDF_MM (30);
      *right = KT_PDF_MM (15);
    }
}

/* --- Text ----------------------------------------------------------------- */

static PangoLayout *
make_layout (KtPdf      *pdf,
             const char *text,
             gboolean    markup,
             double      width,
             const Font *font)
{
  PangoLayout *layout = pango_layout_new (pdf->ctx);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, pdf->family);
  pango_font_description_set_absolute_size (desc, font->size * PANGO_SCALE);
  pango_font_description_set_weight (desc, font->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, font->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
    }
  pango_layout_set_alignment (layout, font->align);
  pango_layout_set_justify (layout, font->justify);
  pango_layout_set_indent (layout, (int) (font->indent * PANGO_SCALE));
  if (font->spacing > 0)
    pango_layout_set_line_spacing (layout, (float) font->spacing);

  if (text == NULL)
    text = "";
  if (markup)
    {
      g_autoptr(GError) error = NULL;

      if (pango_parse_markup (text, -1, 0, NULL, NULL, NULL, &error))
        pango_layout_set_markup (layout, text, -1);
      else
        {
          /* A caller's bug; print the text rather than lose it. */
          g_warning ("Invalid markup in a report paragraph: %s", error->message);
          pango_layout_set_text (layout, text, -1);
        }
    }
  else
    pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

/* Vertical extent of each line relative to the layout's top. */
typedef struct {
  double top;
  double bottom;
} LineBox;

static GArray *
line_boxes (PangoLayout *layout)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (LineBox));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      LineBox box;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      box.top = y0 / (double) PANGO_SCALE;
      box.bottom = y1 / (double) PANGO_SCALE;
      g_array_append_val (boxes, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return boxes;
}

static Font
font_of (double         size,
         gboolean       bold,
         gboolean       italic,
         PangoAlignment align)
{
  return (Font) { size, bold, italic, align, FALSE, 0.0, 0.0 };
}

/* --- Flow ------------------------------------------------------------------ */

static void
flow_new_page (Flow *F)
{
  Page *page = g_new0 (Page, 1);
  double pw, ph, top, bottom, left, right;

  page->orientation = F->orientation;
  page->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (page->items, item_clear);
  g_ptr_array_add (F->pdf->pages, page);

  page_size (F->orientation, &pw, &ph);
  page_margins (F->orientation, &top, &bottom, &left, &right);
  F->page = page;
  F->x = left;
  F->w = pw - left - right;
  F->top = top;
  F->bottom = ph - bottom;
  F->y = top;
  F->empty = TRUE;
}

/* Starts a new page unless the current one is still empty. */
static void
flow_break (Flow *F)
{
  if (!F->empty)
    flow_new_page (F);
}

static void
flow_set_orientation (Flow            *F,
                      KtPdfOrientation orientation)
{
  if (F->orientation == orientation)
    return;
  F->orientation = orientation;
  if (F->empty)
    {
      /* Nothing on the page yet: turn it instead of leaving it blank. */
      g_ptr_array_remove_index (F->pdf->pages, F->pdf->pages->len - 1);
    }
  flow_new_page (F);
}

/* A new page unless `height` more fits on this one. */
static void
flow_need (Flow  *F,
           double height)
{
  if (!F->empty && F->y + height > F->bottom + 0.01)
    flow_new_page (F);
}

static Item *
flow_add (Flow    *F,
          ItemKind kind)
{
  Item item = { 0 };

  item.kind = kind;
  g_array_append_val (F->page->items, item);
  if (kind != ITEM_DEST)
    F->empty = FALSE;
  return &g_array_index (F->page->items, Item, F->page->items->len - 1);
}

static void
add_layout (Flow        *F,
            PangoLayout *layout,
            double       x,
            double       y)
{
  Item *item = flow_add (F, ITEM_LAYOUT);

  item->layout = g_object_ref (layout);
  item->x = x;
  item->y = y;
}

/* Places a whole layout at the cursor and moves past it. */
static void
place_layout (Flow        *F,
              PangoLayout *layout,
              double       x,
              double       after)
{
  add_layout (F, layout, x, F->y);
  F->y += layout_height (layout) + after;
}

static void
add_rect (Flow    *F,
          ItemKind kind,
          double   x,
          double   y,
          double   w,
          double   h,
          double   gray,
          double   line_width)
{
  Item *item = flow_add (F, kind);

  item->x = x;
  item->y = y;
  item->w = w;
  item->h = h;
  item->gray = gray;
  item->line_width = line_width;
}

/* Places a layout line by line, across pages: at least two lines stay
 * together at the foot and at the head of a page (no orphans, no widows). */
static void
place_lines (Flow        *F,
             PangoLayout *layout,
             double       x,
             double       after)
{
  g_autoptr(GArray) boxes = line_boxes (layout);
  guint n = boxes->len, i = 0;

  while (i < n)
    {
      LineBox *first = &g_array_index (boxes, LineBox, i);
      double room = F->bottom - F->y;
      guint fit = 0;

      while (i + fit < n && g_array_index (boxes, LineBox, i + fit).bottom - first->top <= room + 0.01)
        fit++;
      if (i + fit < n)
        {
          guint left_over = n - i - fit;

          if (fit == 1 && n - i >= 2)
            fit = 0;                      /* orphan: start on the next page */
          else if (left_over == 1 && fit >= 3)
            fit--;                        /* widow: take a line along */
        }
      if (fit == 0)
        {
          if (!F->empty)
            {
              flow_new_page (F);
              continue;
            }
          fit = 1;                        /* a line taller than a page */
        }

      {
        Item *item = flow_add (F, ITEM_LINES);
        item->layout = g_object_ref (layout);
        item->x = x;
        item->y = F->y;
        item->first = i;
        item->n = fit;
      }
      F->y += g_array_index (boxes, LineBox, i + fit - 1).bottom - first->top;
      i += fit;
      if (i < n)
        flow_new_page (F);
    }
  F->y += after;
}

/* --- Blocks on pages ----------------------------------------------------- */

static char *
upper (const char *text)
{
  return text != NULL ? g_utf8_strup (text, -1) : NULL;
}

/* A centred rule of `length` under text centred in [x, x + w]. */
static void
centred_rule (Flow  *F,
              double x,
              double w,
              double y,
              double length)
{
  add_rect (F, ITEM_RULE, x + (w - length) / 2, y, length, 0, 0.0, 0.6);
}

/* Stacks centred lines in a column; returns the y under them. */
static double
column_text (Flow        *F,
             const char  *text,
             const Font  *font,
             double       x,
             double       w,
             double       y,
             double      *text_w)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    {
      if (text_w != NULL)
        *text_w = 0;
      return y;
    }
  layout = make_layout (F->pdf, text, FALSE, w, font);
  add_layout (F, layout, x, y);
  if (text_w != NULL)
    *text_w = MIN (layout_width (layout), w);
  return y + layout_height (layout);
}

/* Shrinks font->size (not below `smallest`) until `text` fits `width` on one line. */
static void
fit_size (KtPdf      *pdf,
          const char *text,
          Font       *font,
          double      width,
          double      smallest)
{
  g_autoptr(PangoLayout) probe = NULL;
  double natural;

  if (text == NULL)
    return;
  probe = make_layout (pdf, text, FALSE, -1, font);
  natural = layout_width (probe);
  if (natural > width)
    font->size = MAX (smallest, floor (font->size * width / natural * 4) / 4);
}

static void
place_cover (Flow  *F,
             Block *block)
{
  KtPdf *pdf = F->pdf;
  char **s = block->strings;
  double left_w, right_w, lx, rx;
  double ly = F->y, ry = F->y, width, y;
  Font issuer = font_of (12.5, FALSE, FALSE, PANGO_ALIGN_CENTER);
  Font issuer_bold = font_of (12.5, TRUE, FALSE, PANGO_ALIGN_CENTER);
  Font plain = font_of (BODY_SIZE, FALSE, FALSE, PANGO_ALIGN_CENTER);
  Font italic = font_of (BODY_SIZE, FALSE, TRUE, PANGO_ALIGN_CENTER);
  Font nation = font_of (12.5, TRUE, FALSE, PANGO_ALIGN_CENTER);
  Font motto = font_of (13.5, TRUE, FALSE, PANGO_ALIGN_CENTER);
  Font big = font_of (14, TRUE, FALSE, PANGO_ALIGN_CENTER);
  Font title = font_of (18, TRUE, FALSE, PANGO_ALIGN_CENTER);
  const char *nation_text = kt_report_gettext (pdf->lang, N_("SOCIALIST REPUBLIC OF VIET NAM"));
  g_autofree char *parent = upper (s[COVER_ISSUER_PARENT]);
  g_autofree char *body = upper (s[COVER_ISSUER]);
  g_autofree char *doc_type = upper (s[COVER_DOC_TYPE]);

  flow_break (F);
  F->empty = FALSE;

  /* The right column as wide as the national title needs (at most 62 %), the
   * issuing body gets the rest and shrinks to one line down to 11 pt. */
  {
    g_autoptr(PangoLayout) probe = make_layout (pdf, nation_text, FALSE, -1, &nation);
    double gutter = 14;

    right_w = MIN (layout_width (probe) + 4, F->w * 0.62);
    left_w = F->w - right_w - gutter;
    lx = F->x;
    rx = F->x + left_w + gutter;
    if (layout_width (probe) > right_w)
      nation.size = MAX (11.0, nation.size * right_w / layout_width (probe));
  }
  fit_size (pdf, parent, &issuer, left_w, 11.0);
  fit_size (pdf, body, &issuer_bold, left_w, 11.0);

  /* Left: the issuing body, capitals, a short rule under it (1/3–1/2 of the line). */
  ly = column_text (F, parent, &issuer, lx, left_w, ly, NULL);
  ly = column_text (F, body, &issuer_bold, lx, left_w, ly, &width);
  if (width > 0)
    {
      centred_rule (F, lx, left_w, ly + 2, width * 0.4);
      ly += 6;
    }

  /* Right: the national title, 12–13 pt bold capitals; the motto, 13–14 pt
   * bold, with a rule as long as itself. */
  ry = column_text (F, nation_text, &nation, rx, right_w, ry, NULL);
  ry = column_text (F, kt_report_gettext (pdf->lang, N_("Independence - Freedom - Happiness")),
                    &motto, rx, right_w, ry, &width);
  centred_rule (F, rx, right_w, ry + 1, width);
  ry += 6;

  /* "Số: …" and the place-and-date line share a line. */
  y = MAX (ly, ry) + 4;
  {
    double below_number = column_text (F, s[COVER_NUMBER], &plain, lx, left_w, y, NULL);
    double below_date = column_text (F, s[COVER_PLACE_DATE], &italic, rx, right_w, y, NULL);
    y = MAX (below_number, below_date);
  }
  y += 36;

  /* Document type and summary, centred, a short rule under the summary. */
  y = column_text (F, doc_type, &big, F->x, F->w, y, NULL) + 2;
  y = column_text (F, s[COVER_SUMMARY], &big, F->x + F->w * 0.1, F->w * 0.8, y, &width);
  if (width > 0)
    centred_rule (F, F->x, F->w, y + 3, MIN (width, F->w * 0.8) * 0.4);

  if (s[COVER_TITLE] != NULL)
    {
      y = MAX (y + 60, F->top + (F->bottom - F->top) * 0.35);
      y = column_text (F, s[COVER_TITLE], &title, F->x + F->w * 0.05, F->w * 0.9, y, NULL);
    }

  if (block->items != NULL)
    {
      Font label = font_of (BODY_SIZE, FALSE, FALSE, PANGO_ALIGN_LEFT);
      Font value = font_of (BODY_SIZE, TRUE, FALSE, PANGO_ALIGN_LEFT);
      double kx = F->x + F->w * 0.08, kw = F->w * 0.34, vx = kx + kw + 6, vw = F->w * 0.84 - kw - 6;

      y += 40;
      for (guint i = 0; block->items[i] != NULL && block->items[i + 1] != NULL; i += 2)
        {
          double bottom_label = column_text (F, block->items[i], &label, kx, kw, y, NULL);
          double bottom_value = column_text (F, block->items[i + 1], &value, vx, vw, y, NULL);
          y = MAX (bottom_label, bottom_value) + 4;
        }
    }

  if (s[COVER_BOTTOM] != NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (pdf, s[COVER_BOTTOM], FALSE, F->w, &plain);
      add_layout (F, layout, F->x, F->bottom - layout_height (layout));
    }

  F->y = F->bottom;
  flow_new_page (F);
}

static Font
heading_font (const Heading *heading)
{
  switch (heading->level)
    {
    case 1:
      return font_of (14, TRUE, FALSE, PANGO_ALIGN_CENTER);
    case 2:
      return font_of (BODY_SIZE, TRUE, FALSE, PANGO_ALIGN_LEFT);
    default:
      return font_of (BODY_SIZE, TRUE, TRUE, PANGO_ALIGN_LEFT);
    }
}

static void
add_dest (Flow  *F,
          guint  heading,
          double y)
{
  Item *item = flow_add (F, ITEM_DEST);

  item->heading = heading;
  item->x = F->x;
  item->y = y;
}

static void
place_heading (Flow  *F,
               Block *block)
{
  KtPdf *pdf = F->pdf;
  Heading *heading = &g_array_index (pdf->headings, Heading, block->heading);
  Font font = heading_font (heading);
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) title = NULL;
  double before = heading->level == 2 ? 10 : heading->level == 3 ? 6 : 0;
  double after = heading->level == 1 ? 14 : 6;
  double height;

  if (heading->appendix)
    {
      layout = make_layout (pdf, heading->label, FALSE, F->w, &font);
      title = make_layout (pdf, heading->title, FALSE, F->w * 0.9, &font);
    }
  else
    {
      g_autofree char *text = heading->label != NULL && pdf->numbering
                                ? g_strconcat (heading->label, " ", heading->title, NULL)
                                : g_strdup (heading->title);
      layout = make_layout (pdf, text, FALSE, heading->level == 1 ? F->w * 0.9 : F->w, &font);
    }
  height = layout_height (layout) + (title != NULL ? layout_height (title) + 4 : 0);

  if (heading->level == 1)
    flow_break (F);
  else if (!F->empty)
    F->y += before;
  flow_need (F, height + after + KEEP_WITH_NEXT);

  heading->page = pdf->pages->len;
  add_dest (F, block->heading, F->y);
  if (heading->level == 1)
    {
      place_layout (F, layout, F->x + F->w * 0.05, title != NULL ? 4 : after);
      if (title != NULL)
        place_layout (F, title, F->x + F->w * 0.05, after);
    }
  else
    place_layout (F, layout, F->x, after);
}

static void
place_paragraph (Flow  *F,
                 Block *block)
{
  Font font = { BODY_SIZE, FALSE, FALSE, PANGO_ALIGN_LEFT, TRUE, 0.0, LINE_SPACING };
  g_autoptr(PangoLayout) layout = NULL;

  switch (block->para)
    {
    case KT_PDF_PARA_BODY:
      font.indent = INDENT;
      break;
    case KT_PDF_PARA_PLAIN:
      break;
    case KT_PDF_PARA_CENTER:
      font.align = PANGO_ALIGN_CENTER;
      font.justify = FALSE;
      break;
    case KT_PDF_PARA_RIGHT:
      font.align = PANGO_ALIGN_RIGHT;
      font.justify = FALSE;
      break;
    case KT_PDF_PARA_NOTE:
      font.size = NOTE_SIZE;
      font.italic = TRUE;
      break;
    default:
      g_assert_not_reached ();
    }
  layout = make_layout (F->pdf, block->text, TRUE, F->w, &font);
  place_lines (F, layout, F->x, PARA_AFTER);
}

/* --- Tables ---------------------------------------------------------------- */

typedef struct {
  double *natural;   /* per column, padding included */
  double *minimum;
} ColumnWidths;

static Font
cell_font (KtPdfTable   *table,
           KtPdfRowStyle style,
           gboolean      header,
           KtPdfAlign    align)
{
  PangoAlignment alignment = align == KT_PDF_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                             : align == KT_PDF_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                             : PANGO_ALIGN_LEFT;

  if (header)
    return font_of (table->font_size, TRUE, FALSE, PANGO_ALIGN_CENTER);
  return font_of (table->font_size,
                  style == KT_PDF_ROW_BOLD || style == KT_PDF_ROW_SECTION,
                  style == KT_PDF_ROW_ITALIC || style == KT_PDF_ROW_SECTION,
                  alignment);
}

/* Natural (one line) and minimum (widest word) width of a cell's text. */
static void
measure_cell (KtPdf      *pdf,
              const char *text,
              const Font *font,
              double     *natural,
              double     *minimum)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, FALSE, -1, font);

  *natural = layout_width (layout);
  if (strchr (text, ' ') == NULL && strchr (text, '\n') == NULL)
    {
      *minimum = *natural;
      return;
    }
  pango_layout_set_width (layout, PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  *minimum = layout_width (layout);
}

static ColumnWidths
measure_columns (KtPdf      *pdf,
                 KtPdfTable *table)
{
  guint n = table->columns->len;
  ColumnWidths widths = { g_new0 (double, n), g_new0 (double, n) };

  for (guint c = 0; c < n; c++)
    {
      KtPdfColumn *column = &g_array_index (table->columns, KtPdfColumn, c);
      double natural = 0, minimum = 0;

      if (table->show_header)
        {
          Font font = cell_font (table, KT_PDF_ROW_NORMAL, TRUE, column->align);
          measure_cell (pdf, column->title, &font, &natural, &minimum);
        }
      for (guint r = 0; r < table->rows->len; r++)
        {
          KtPdfRow *row = g_ptr_array_index (table->rows, r);
          Font font = cell_font (table, row->style, FALSE, column->align);
          double cell_natural, cell_minimum;

          if (row->style == KT_PDF_ROW_SECTION)   /* spans the row; wraps as needed */
            continue;
          measure_cell (pdf, row->cells[c], &font, &cell_natural, &cell_minimum);
          natural = MAX (natural, cell_natural);
          minimum = MAX (minimum, cell_minimum);
        }
      widths.natural[c] = natural + 2 * CELL_PAD_X + 0.5;
      widths.minimum[c] = minimum + 2 * CELL_PAD_X + 0.5;
    }
  return widths;
}

static void
column_widths_clear (ColumnWidths *widths)
{
  g_free (widths->natural);
  g_free (widths->minimum);
}

/* Widths of the columns `cols` filling `avail`: natural widths plus the spare
 * room (given to the text columns), or text columns squeezed towards their
 * widest word when the natural widths are too wide. */
static void
fit_columns (KtPdfTable         *table,
             const ColumnWidths *widths,
             const guint        *cols,
             guint               n,
             double              avail,
             double             *out)
{
  double sum_natural = 0, sum_minimum = 0, sum_text = 0;

  for (guint i = 0; i < n; i++)
    {
      sum_natural += widths->natural[cols[i]];
      sum_minimum += widths->minimum[cols[i]];
      if (g_array_index (table->columns, KtPdfColumn, cols[i]).align == KT_PDF_ALIGN_LEFT)
        sum_text += widths->natural[cols[i]];
    }

  if (sum_natural <= avail)
    {
      double spare = avail - sum_natural;
      for (guint i = 0; i < n; i++)
        {
          double natural = widths->natural[cols[i]];
          gboolean text = g_array_index (table->columns, KtPdfColumn, cols[i]).align
                          == KT_PDF_ALIGN_LEFT;
          out[i] = natural + (sum_text > 0 ? (text ? spare * natural / sum_text : 0)
                                           : spare / n);
        }
    }
  else if (sum_minimum < avail)
    {
      double f = (avail - sum_minimum) / (sum_natural - sum_minimum);
      for (guint i = 0; i < n; i++)
        out[i] = widths->minimum[cols[i]] +
                 (widths->natural[cols[i]] - widths->minimum[cols[i]]) * f;
    }
  else
    for (guint i = 0; i < n; i++)
      out[i] = widths->minimum[cols[i]];
}

/* Cuts the columns after the repeated ones into parts that fit `avail`,
 * with about the same number of columns each. */
static GPtrArray *
split_columns (KtPdfTable         *table,
               const ColumnWidths *widths,
               double              avail)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint n = table->columns->len;
  guint repeat = MIN (table->repeat_columns, n > 0 ? n - 1 : 0);
  double base = 0, total = 0;
  guint n_parts = 0, per_part;

  for (guint c = 0; c < n; c++)
    total += widths->minimum[c];
  for (guint c = 0; c < repeat; c++)
    base += widths->minimum[c];

  if (total <= avail || repeat >= n)
    n_parts = 1;
  else
    {
      /* Greedy count first, then spread the columns evenly over that many parts. */
      double used = base;
      n_parts = 1;
      for (guint c = repeat, in_part = 0; c < n; c++, in_part++)
        {
          if (in_part > 0 && used + widths->natural[c] > avail)
            {
              n_parts++;
              used = base;
              in_part = 0;
            }
          used += widths->natural[c];
        }
    }

  per_part = (n - repeat + n_parts - 1) / n_parts;
  for (guint start = repeat; start < n || parts->len == 0; start += per_part)
    {
      GArray *cols = g_array_new (FALSE, FALSE, sizeof (guint));
      double used = base;

      for (guint c = 0; c < repeat; c++)
        g_array_append_val (cols, c);
      for (guint c = start; c < MIN (start + per_part, n); c++)
        {
          /* An even part that turns out too wide is cut again. */
          if (c > start && used + widths->natural[c] > avail && n_parts > 1)
            {
              per_part = c - start;
              break;
            }
          used += widths->natural[c];
          g_array_append_val (cols, c);
        }
      g_ptr_array_add (parts, cols);
      if (per_part == 0)
        break;
    }
  return parts;
}

typedef struct {
  PangoLayout **cells;     /* one per column of the part; a SECTION row has one */
  double        height;
  KtPdfRowStyle style;
} RowLayout;

static void
draw_row (Flow          *F,
          KtPdfTable    *table,
          RowLayout     *row,
          guint          n,
          const double  *widths,
          double         x0,
          gboolean       header)
{
  double x = x0, total = 0;

  for (guint i = 0; i < n; i++)
    total += widths[i];

  if (header && !table->plain)
    add_rect (F, ITEM_FILL, x0, F->y, total, row->height, 0.9, 0);
  if (row->style == KT_PDF_ROW_SECTION && !header)
    {
      add_rect (F, ITEM_FILL, x0, F->y, total, row->height, 0.95, 0);
      add_layout (F, row->cells[0], x0 + CELL_PAD_X, F->y + CELL_PAD_Y);
      if (!table->plain)
        add_rect (F, ITEM_STROKE, x0, F->y, total, row->height, 0.0, GRID_WIDTH);
      F->y += row->height;
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      /* Header text is centred vertically, cells sit at the top. */
      double dy = header ? (row->height - layout_height (row->cells[i])) / 2 : CELL_PAD_Y;

      add_layout (F, row->cells[i], x + CELL_PAD_X, F->y + dy);
      if (!table->plain)
        add_rect (F, ITEM_STROKE, x, F->y, widths[i], row->height, 0.0, GRID_WIDTH);
      x += widths[i];
    }
  if (table->plain)
    add_rect (F, ITEM_RULE, x0, F->y + row->height, total, 0, 0.6, 0.4);
  F->y += row->height;
}

static void
row_layout_clear (RowLayout *row,
                  guint      n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&row->cells[i]);
  g_free (row->cells);
}

static RowLayout
make_row (KtPdf        *pdf,
          KtPdfTable   *table,
          KtPdfRow     *source,
          const guint  *cols,
          guint         n,
          const double *widths)
{
  RowLayout row = { g_new0 (PangoLayout *, n), 0, source != NULL ? source->style
                                                                  : KT_PDF_ROW_NORMAL };
  double total = 0;

  for (guint i = 0; i < n; i++)
    total += widths[i];

  if (source != NULL && source->style == KT_PDF_ROW_SECTION)
    {
      Font font = cell_font (table, source->style, FALSE, KT_PDF_ALIGN_LEFT);
      row.cells[0] = make_layout (pdf, source->cells[0], FALSE, total - 2 * CELL_PAD_X, &font);
      row.height = layout_height (row.cells[0]) + 2 * CELL_PAD_Y;
      return row;
    }
  for (guint i = 0; i < n; i++)
    {
      KtPdfColumn *column = &g_array_index (table->columns, KtPdfColumn, cols[i]);
      Font font = cell_font (table, row.style, source == NULL, column->align);
      const char *text = source != NULL ? source->cells[cols[i]] : column->title;

      row.cells[i] = make_layout (pdf, text, FALSE, widths[i] - 2 * CELL_PAD_X, &font);
      row.height = fmax (row.height, layout_height (row.cells[i]) + 2 * CELL_PAD_Y);
    }
  return row;
}

static void
place_table_part (Flow        *F,
                  Block       *block,
                  const guint *cols,
                  guint        n,
                  const double*widths,
                  gboolean     continued)
{
  KtPdf *pdf = F->pdf;
  KtPdfTable *table = block->table;
  guint n_rows = table->rows->len;
  RowLayout header = { NULL, 0, KT_PDF_ROW_NORMAL };
  g_autofree RowLayout *rows = g_new0 (RowLayout, MAX (n_rows, 1));
  g_autoptr(PangoLayout) caption = NULL;
  g_autoptr(PangoLayout) unit = NULL;
  g_autoptr(PangoLayout) more = NULL;
  double total = 0, x0, need;
  Font caption_font = font_of (CAPTION_SIZE, TRUE, FALSE, PANGO_ALIGN_CENTER);
  Font unit_font = font_of (NOTE_SIZE, FALSE, TRUE, PANGO_ALIGN_RIGHT);

  for (guint i = 0; i < n; i++)
    total += widths[i];
  x0 = F->x + MAX (0, (F->w - total) / 2);

  if (table->caption != NULL)
    {
      g_autofree char *text = NULL;
      if (continued)
        text = g_strdup_printf (kt_report_gettext (pdf->lang, N_("Table %u. %s (continued)")),
                                block->number, table->caption);
      else
        text = g_strdup_printf (kt_report_gettext (pdf->lang, N_("Table %u. %s")),
                                block->number, table->caption);
      caption = make_layout (pdf, text, FALSE, F->w, &caption_font);
    }
  if (table->unit != NULL)
    unit = make_layout (pdf, table->unit, FALSE, total, &unit_font);
  if (table->caption != NULL)
    {
      g_autofree char *text = g_strdup_printf (kt_report_gettext (pdf->lang,
                                                                  N_("Table %u (continued)")),
                                               block->number);
      more = make_layout (pdf, text, FALSE, total, &unit_font);
    }

  if (table->show_header)
    header = make_row (pdf, table, NULL, cols, n, widths);
  for (guint r = 0; r < n_rows; r++)
    rows[r] = make_row (pdf, table, g_ptr_array_index (table->rows, r), cols, n, widths);

  /* Caption, unit, header and the first rows stay together (no orphans). */
  need = (caption != NULL ? layout_height (caption) + 4 : 0) +
         (unit != NULL ? layout_height (unit) + 2 : 0) + header.height;
  for (guint r = 0; r < MIN (n_rows, KEEP_ROWS); r++)
    need += rows[r].height;
  flow_need (F, need);

  if (caption != NULL)
    place_layout (F, caption, F->x, 4);
  if (unit != NULL)
    place_layout (F, unit, x0, 2);
  if (table->show_header)
    draw_row (F, table, &header, n, widths, x0, TRUE);

  for (guint r = 0, on_page = 0; r < n_rows; r++, on_page++)
    {
      double height = rows[r].height;

      /* The last rows do not go alone onto a new page (no widows). */
      if (n_rows >= 2 * KEEP_ROWS && r == n_rows - KEEP_ROWS && on_page >= KEEP_ROWS)
        for (guint k = r + 1; k < n_rows; k++)
          height += rows[k].height;
      if (F->y + height > F->bottom + 0.01 && !F->empty)
        {
          on_page = 0;
          flow_new_page (F);
          if (more != NULL)
            place_layout (F, more, x0, 2);
          if (table->show_header)
            draw_row (F, table, &header, n, widths, x0, TRUE);
        }
      draw_row (F, table, &rows[r], n, widths, x0, FALSE);
    }

  if (table->show_header)
    row_layout_clear (&header, n);
  for (guint r = 0; r < n_rows; r++)
    row_layout_clear (&rows[r], n);
}

static void
place_table (Flow  *F,
             Block *block)
{
  KtPdf *pdf = F->pdf;
  KtPdfTable *table = block->table;
  KtPdfOrientation before = F->orientation;
  ColumnWidths widths;
  g_autoptr(GPtrArray) parts = NULL;

  if (table->columns->len == 0)
    return;
  if (table->landscape)
    flow_set_orientation (F, KT_PDF_LANDSCAPE);

  widths = measure_columns (pdf, table);
  parts = split_columns (table, &widths, F->w);
  for (guint p = 0; p < parts->len; p++)
    {
      GArray *cols = g_ptr_array_index (parts, p);
      g_autofree double *fitted = g_new0 (double, cols->len);

      fit_columns (table, &widths, (guint *) cols->data, cols->len, F->w, fitted);
      if (p > 0)
        F->y += PARA_AFTER * 2;
      place_table_part (F, block, (guint *) cols->data, cols->len, fitted, p > 0);
    }
  column_widths_clear (&widths);

  if (table->note != NULL)
    {
      Font font = font_of (NOTE_SIZE, FALSE, TRUE, PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) note = NULL;

      font.justify = TRUE;
      note = make_layout (pdf, table->note, FALSE, F->w, &font);
      F->y += 3;
      place_lines (F, note, F->x, 0);
    }
  F->y += PARA_AFTER * 2;

  if (table->landscape)
    flow_set_orientation (F, before);
}

static void
place_chart (Flow  *F,
             Block *block)
{
  KtPdf *pdf = F->pdf;
  g_autoptr(PangoLayout) caption = NULL;
  double need = block->height;
  Item *item;

  if (block->text != NULL)
    {
      Font font = font_of (CAPTION_SIZE, FALSE, TRUE, PANGO_ALIGN_CENTER);
      g_autofree char *text = g_strdup_printf (kt_report_gettext (pdf->lang, N_("Figure %u. %s")),
                                               block->number, block->text);
      caption = make_layout (pdf, text, FALSE, F->w, &font);
      need += 4 + layout_height (caption);
    }
  flow_need (F, need);
  item = flow_add (F, ITEM_CHART);
  item->chart = kt_chart_ref (block->chart);
  item->x = F->x;
  item->y = F->y;
  item->w = F->w;
  item->h = block->height;
  F->y += block->height + 4;
  if (caption != NULL)
    place_layout (F, caption, F->x, 0);
  F->y += PARA_AFTER * 2;
}

static void
place_toc (Flow *F)
{
  KtPdf *pdf = F->pdf;
  Font title_font = font_of (14, TRUE, FALSE, PANGO_ALIGN_CENTER);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  double number_w;

  flow_set_orientation (F, KT_PDF_PORTRAIT);
  flow_break (F);
  add_dest (F, G_MAXUINT, F->y);
  title = make_layout (pdf, kt_report_gettext (pdf->lang, N_("CONTENTS")), FALSE, F->w,
                       &title_font);
  place_layout (F, title, F->x, 14);

  {
    Font font = font_of (BODY_SIZE, TRUE, FALSE, PANGO_ALIGN_LEFT);
    /* Room for the page number: the layout does not depend on the numbers. */
    probe = make_layout (pdf, "8888", FALSE, -1, &font);
    number_w = layout_width (probe);
  }

  for (guint h = 0; h < pdf->headings->len; h++)
    {
      Heading *heading = &g_array_index (pdf->headings, Heading, h);
      Font font = font_of (BODY_SIZE, heading->level == 1, FALSE, PANGO_ALIGN_LEFT);
      double indent = heading->level > 1 ? (heading->level - 1) * KT_PDF_MM (8) : 0;
      g_autoptr(PangoLayout) entry = NULL;
      PangoLayoutLine *last;
      PangoRectangle logical;
      double height, line_end, baseline;
      Item *item;

      if (heading->level > pdf->toc_depth)
        continue;
      entry = make_layout (pdf, heading->entry, FALSE, F->w - indent - number_w - 16, &font);
      height = layout_height (entry);
      flow_need (F, height);

      add_layout (F, entry, F->x + indent, F->y);
      /* The leaders start after the entry's last line. */
      last = pango_layout_get_line_readonly (entry, pango_layout_get_line_count (entry) - 1);
      pango_layout_line_get_extents (last, NULL, &logical);
      line_end = F->x + indent + (logical.x + logical.width) / (double) PANGO_SCALE;
      {
        PangoLayoutIter *iter = pango_layout_get_iter (entry);
        while (!pango_layout_iter_at_last_line (iter))
          pango_layout_iter_next_line (iter);
        baseline = F->y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
        pango_layout_iter_free (iter);
      }

      item = flow_add (F, ITEM_TOC_NUMBER);
      item->x = line_end + 4;
      item->y = baseline;
      item->w = F->x + F->w - item->x;
      item->heading = h;
      item->bold = heading->level == 1;

      item = flow_add (F, ITEM_LINK);
      item->x = F->x + indent;
      item->y = F->y;
      item->w = F->w - indent;
      item->h = height;
      item->heading = h;

      F->y += height + (heading->level == 1 ? 5 : 3);
    }
  flow_new_page (F);
}

static void
place_signature (Flow  *F,
                 Block *block)
{
  KtPdf *pdf = F->pdf;
  double left_w = F->w * 0.45, right_w = F->w - left_w;
  double rx = F->x + left_w;
  Font recipients_title = font_of (12, TRUE, TRUE, PANGO_ALIGN_LEFT);
  Font recipients = font_of (11, FALSE, FALSE, PANGO_ALIGN_LEFT);
  Font bold = font_of (BODY_SIZE, TRUE, FALSE, PANGO_ALIGN_CENTER);
  g_autofree char *authority = upper (block->strings[SIGN_AUTHORITY]);
  g_autofree char *position = upper (block->strings[SIGN_POSITION]);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(PangoLayout) left_title = NULL;
  g_autoptr(PangoLayout) left_list = NULL;
  g_autoptr(PangoLayout) right_top = NULL;
  g_autoptr(PangoLayout) right_name = NULL;
  double left_h = 0, right_h, gap = KT_PDF_MM (25);
  g_autoptr(GString) heads = g_string_new (NULL);

  if (block->items != NULL)
    {
      left_title = make_layout (pdf, kt_report_gettext (pdf->lang, N_("Recipients:")), FALSE,
                                left_w, &recipients_title);
      for (guint i = 0; block->items[i] != NULL; i++)
        g_string_append_printf (list, "%s- %s", i > 0 ? "\n" : "", block->items[i]);
      left_list = make_layout (pdf, list->str, FALSE, left_w - 8, &recipients);
      left_h = layout_height (left_title) + layout_height (left_list);
    }
  if (authority != NULL)
    g_string_append (heads, authority);
  if (position != NULL)
    g_string_append_printf (heads, "%s%s", heads->len > 0 ? "\n" : "", position);
  right_top = make_layout (pdf, heads->str, FALSE, right_w, &bold);
  right_name = make_layout (pdf, block->strings[SIGN_NAME], FALSE, right_w, &bold);
  right_h = layout_height (right_top) + gap + layout_height (right_name);

  F->y += 12;
  flow_need (F, MAX (left_h, right_h));
  if (left_title != NULL)
    {
      add_layout (F, left_title, F->x, F->y);
      add_layout (F, left_list, F->x, F->y + layout_height (left_title));
    }
  add_layout (F, right_top, rx, F->y);
  add_layout (F, right_name, rx, F->y + layout_height (right_top) + gap);
  F->y += MAX (left_h, right_h) + PARA_AFTER;
}

static void
layout_document (KtPdf *pdf)
{
  Flow F = { pdf, KT_PDF_PORTRAIT, NULL, 0, 0, 0, 0, 0, TRUE };

  g_clear_pointer (&pdf->pages, g_ptr_array_unref);
  pdf->pages = g_ptr_array_new_with_free_func (page_free);
  flow_new_page (&F);

  for (guint b = 0; b < pdf->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (pdf->blocks, b);

      switch (block->kind)
        {
        case BLOCK_COVER:
          place_cover (&F, block);
          break;
        case BLOCK_TOC:
          place_toc (&F);
          break;
        case BLOCK_HEADING:
          place_heading (&F, block);
          break;
        case BLOCK_PARAGRAPH:
          place_paragraph (&F, block);
          break;
        case BLOCK_TABLE:
          place_table (&F, block);
          break;
        case BLOCK_CHART:
          place_chart (&F, block);
          break;
        case BLOCK_PAGE_BREAK:
          flow_break (&F);
          break;
        case BLOCK_ORIENTATION:
          flow_set_orientation (&F, block->orientation);
          break;
        case BLOCK_SPACER:
          if (!F.empty)
            F.y = MIN (F.y + block->height, F.bottom);
          break;
        case BLOCK_SIGNATURE:
          place_signature (&F, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* Pages opened for content that never came (after a cover, the contents or a
   * landscape table at the end). */
  while (pdf->pages->len > 1)
    {
      Page *last = g_ptr_array_index (pdf->pages, pdf->pages->len - 1);
      if (last->items->len > 0)
        break;
      g_ptr_array_remove_index (pdf->pages, pdf->pages->len - 1);
    }
}

/* --- Rendering ------------------------------------------------------------ */

static char *
ascii_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Tag attributes are parsed in the C locale; never "%f" after setlocale (). */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static char *
dest_name (guint heading)
{
  return heading == G_MAXUINT ? g_strdup ("kt-contents") : g_strdup_printf ("kt-h%u", heading);
}

static void
draw_lines (cairo_t *cr,
            Item    *item)
{
  PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
  double origin = 0;
  int index = 0;

  do
    {
      if (index >= item->first && index < item->first + item->n)
        {
          PangoRectangle logical;
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if (index == item->first)
            origin = y0 / (double) PANGO_SCALE;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, item->x + logical.x / (double) PANGO_SCALE,
                         item->y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE
                           - origin);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      index++;
    }
  while (index < item->first + item->n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_toc_number (KtPdf   *pdf,
                 cairo_t *cr,
                 Item    *item)
{
  Heading *heading = &g_array_index (pdf->headings, Heading, item->heading);
  g_autofree char *number = g_strdup_printf ("%u", heading->page);
  Font font = font_of (BODY_SIZE, item->bold, FALSE, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) layout = make_layout (pdf, number, FALSE, -1, &font);
  double width = layout_width (layout);
  double right = item->x + item->w;
  double baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;

  /* Dot leaders as vector dots: they do not end up in the text layer. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* Showing text leaves a current point; an arc would join it with a line. */
  cairo_new_path (cr);
  for (double x = ceil (item->x / 4.0) * 4.0; x < right - width - 4; x += 4.0)
    {
      cairo_arc (cr, x, item->y - 0.6, 0.55, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_move_to (cr, right - width, item->y - baseline);
  pango_cairo_show_layout (cr, layout);
}

/* `surface` is the PDF surface, or NULL when drawing elsewhere (printing,
 * previews): destinations, the outline and links then make no sense, and
 * cairo_pdf_surface_add_outline () would put another surface in error. */
static void
draw_item (KtPdf           *pdf,
           cairo_surface_t *surface,
           cairo_t         *cr,
           Item            *item,
           int             *outline)
{
  if (surface == NULL && (item->kind == ITEM_DEST || item->kind == ITEM_LINK))
    return;
  switch (item->kind)
    {
    case ITEM_LAYOUT:
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      break;

    case ITEM_LINES:
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_lines (cr, item);
      break;

    case ITEM_STROKE:
      cairo_rectangle (cr, item->x, item->y, item->w, item->h);
      cairo_set_source_rgb (cr, item->gray, item->gray, item->gray);
      cairo_set_line_width (cr, item->line_width);
      cairo_stroke (cr);
      break;

    case ITEM_FILL:
      cairo_rectangle (cr, item->x, item->y, item->w, item->h);
      cairo_set_source_rgb (cr, item->gray, item->gray, item->gray);
      cairo_fill (cr);
      break;

    case ITEM_RULE:
      cairo_move_to (cr, item->x, item->y);
      cairo_line_to (cr, item->x + item->w, item->y + item->h);
      cairo_set_source_rgb (cr, item->gray, item->gray, item->gray);
      cairo_set_line_width (cr, item->line_width);
      cairo_stroke (cr);
      break;

    case ITEM_CHART:
      {
        KtChartStyle style;

        kt_chart_style_init (&style, KT_CHART_THEME_LIGHT);
        style.font_family = pdf->family;
        style.font_map = pdf->font_map;
        style.font_size = CHART_FONT;
        style.line_width = 1.2;
        style.fill_background = FALSE;
        kt_chart_draw (item->chart, cr, item->x, item->y, item->w, item->h, &style);
      }
      break;

    case ITEM_DEST:
      {
        g_autofree char *name = dest_name (item->heading);
        g_autofree char *x = ascii_number (item->x);
        g_autofree char *y = ascii_number (item->y);
        g_autofree char *attributes = g_strdup_printf ("name='%s' x=%s y=%s", name, x, y);
        g_autofree char *link = g_strdup_printf ("dest='%s'", name);
        const char *text;
        guint level;
        int parent;

        cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
        cairo_tag_end (cr, CAIRO_TAG_DEST);

        if (item->heading == G_MAXUINT)
          {
            text = kt_report_gettext (pdf->lang, N_("Contents"));
            level = 1;
          }
        else
          {
            Heading *heading = &g_array_index (pdf->headings, Heading, item->heading);
            text = heading->entry;
            level = heading->level;
          }
        /* Parent: the last entry one level up, or the root. */
        parent = level > 1 && outline[level - 2] != 0 ? outline[level - 2]
                                                       : CAIRO_PDF_OUTLINE_ROOT;
        outline[level - 1] = cairo_pdf_surface_add_outline (surface, parent, text, link,
                                                            level < pdf->toc_depth
                                                              ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        for (guint l = level; l < 3; l++)
          outline[l] = 0;
      }
      break;

    case ITEM_LINK:
      {
        g_autofree char *name = dest_name (item->heading);
        g_autofree char *x = ascii_number (item->x);
        g_autofree char *y = ascii_number (item->y);
        g_autofree char *w = ascii_number (item->w);
        g_autofree char *h = ascii_number (item->h);
        g_autofree char *attributes = g_strdup_printf ("dest='%s' rect=[%s %s %s %s]",
                                                       name, x, y, w, h);
        cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
        cairo_tag_end (cr, CAIRO_TAG_LINK);
      }
      break;

    case ITEM_TOC_NUMBER:
      draw_toc_number (pdf, cr, item);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Page number at the top centre (Decree 30; none on the first page) and the
 * integrity footer. */
static void
draw_furniture (KtPdf   *pdf,
                cairo_t *cr,
                Page    *page,
                guint    number,
                guint    total)
{
  double pw, ph, top, bottom, left, right;

  page_size (page->orientation, &pw, &ph);
  page_margins (page->orientation, &top, &bottom, &left, &right);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (number > 1)
    {
      Font font = font_of (BODY_SIZE, FALSE, FALSE, PANGO_ALIGN_CENTER);
      g_autofree char *text = g_strdup_printf (kt_report_gettext (pdf->lang, N_("Page %u of %u")),
                                               number, total);
      g_autoptr(PangoLayout) layout = make_layout (pdf, text, FALSE, pw - left - right, &font);

      cairo_move_to (cr, left, top / 2 - layout_height (layout) / 2);
      pango_cairo_show_layout (cr, layout);
    }

  if (pdf->sha256 != NULL || pdf->reproducibility != NULL)
    {
      Font font = font_of (FOOTER_SIZE, FALSE, FALSE, PANGO_ALIGN_LEFT);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PangoLayout) layout = NULL;
      double y = ph - bottom + KT_PDF_MM (4);

      if (pdf->sha256 != NULL)
        g_string_append_printf (text, kt_report_gettext (pdf->lang, N_("Project file SHA-256: %s")),
                                pdf->sha256);
      if (pdf->reproducibility != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", pdf->reproducibility);
      layout = make_layout (pdf, text->str, FALSE, pw - left - right, &font);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

      cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, left, y - KT_PDF_MM (1.5));
      cairo_line_to (cr, pw - right, y - KT_PDF_MM (1.5));
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, left, y);
      pango_cairo_show_layout (cr, layout);
    }
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (KtPdf           *pdf,
              cairo_surface_t *surface)
{
  g_autoptr(GDateTime) now = NULL;
  GDateTime *date = pdf->date;
  g_autofree char *stamp = NULL;
  g_autofree char *creator = g_strdup_printf ("Khả Thi %s", kt_report_engine_version ());
  g_autoptr(GString) subject = g_string_new (pdf->subject);
  g_autoptr(GString) keywords = g_string_new (pdf->keywords);

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  stamp = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");

  /* The integrity data travel with the file even when its pages are not read. */
  if (pdf->reproducibility != NULL)
    g_string_append_printf (subject, "%s%s", subject->len > 0 ? " — " : "",
                            pdf->reproducibility);
  if (pdf->sha256 != NULL)
    g_string_append_printf (keywords, "%sSHA-256 %s", keywords->len > 0 ? "; " : "",
                            pdf->sha256);

  if (pdf->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pdf->title);
  if (pdf->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, pdf->author);
  if (subject->len > 0)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject->str);
  if (keywords->len > 0)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  if (stamp != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
    }
}

static GBytes *
render (KtPdf   *pdf,
        GError **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int outline[3] = { 0, 0, 0 };

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_SHORT, A4_LONG);
  set_metadata (pdf, surface);
  cr = cairo_create (surface);

  for (guint p = 0; p < pdf->pages->len; p++)
    {
      Page *page = g_ptr_array_index (pdf->pages, p);
      double pw, ph;

      page_size (page->orientation, &pw, &ph);
      /* Before anything is drawn on the page (cairo-pdf applies it to the current page). */
      cairo_pdf_surface_set_size (surface, pw, ph);
      /* One structure element around everything: without a structure tree,
       * cairo 1.16 writes each page's /StructParents array pointing at the
       * link annotations' elements but never the elements themselves, and
       * the file is damaged (qpdf: "object … not found"). */
      if (p == 0)
        cairo_tag_begin (cr, "Document", NULL);
      for (guint i = 0; i < page->items->len; i++)
        draw_item (pdf, surface, cr, &g_array_index (page->items, Item, i), outline);
      draw_furniture (pdf, cr, page, p + 1, pdf->pages->len);
      if (p + 1 == pdf->pages->len)
        cairo_tag_end (cr, "Document");
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_RENDER,
                   _("The report could not be rendered: %s"), cairo_status_to_string (status));
      g_byte_array_unref (bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

/* --- Public API ------------------------------------------------------------ */

KtPdf *
kt_pdf_new (const char *path,
            KtLang      lang,
            GError    **error)
{
  return kt_pdf_new_with_font (path, lang, NULL, error);
}

KtPdf *
kt_pdf_new_with_font (const char *path,
                      KtLang      lang,
                      const char *family,
                      GError    **error)
{
  PangoFontMap *map;
  KtPdf *pdf;
  cairo_font_options_t *options;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (family == NULL)
    family = kt_report_font_family ();
  map = kt_report_font_map_new (family, error);
  if (map == NULL)
    return NULL;

  pdf = g_new0 (KtPdf, 1);
  pdf->path = g_strdup (path);
  pdf->lang = lang;
  pdf->family = g_strdup (family);
  pdf->font_map = map;
  pdf->ctx = pango_font_map_create_context (map);
  /* Vector output: no hinting, unrounded positions, so measuring and drawing agree. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pdf->ctx, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (pdf->ctx, FALSE);
  pango_context_set_language (pdf->ctx, pango_language_from_string (kt_lang_code (lang)));

  pdf->numbering = TRUE;
  pdf->toc_depth = 2;
  pdf->blocks = g_ptr_array_new_with_free_func (block_free);
  pdf->headings = g_array_new (FALSE, TRUE, sizeof (Heading));
  g_array_set_clear_func (pdf->headings, heading_clear);
  return pdf;
}

void
kt_pdf_free (KtPdf *pdf)
{
  if (pdf == NULL)
    return;
  g_clear_pointer (&pdf->pages, g_ptr_array_unref);
  g_ptr_array_unref (pdf->blocks);
  g_array_unref (pdf->headings);
  g_object_unref (pdf->ctx);
  g_object_unref (pdf->font_map);
  g_clear_pointer (&pdf->date, g_date_time_unref);
  g_free (pdf->path);
  g_free (pdf->family);
  g_free (pdf->title);
  g_free (pdf->author);
  g_free (pdf->subject);
  g_free (pdf->keywords);
  g_free (pdf->sha256);
  g_free (pdf->reproducibility);
  g_free (pdf);
}

KtLang
kt_pdf_get_lang (KtPdf *pdf)
{
  g_return_val_if_fail (pdf != NULL, KT_LANG_EN);
  return pdf->lang;
}

const char *
kt_pdf_gettext (KtPdf      *pdf,
                const char *msgid)
{
  g_return_val_if_fail (pdf != NULL, msgid);
  return kt_report_gettext (pdf->lang, msgid);
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
kt_pdf_set_metadata (KtPdf      *pdf,
                     const char *title,
                     const char *author,
                     const char *subject,
                     const char *keywords)
{
  g_return_if_fail (pdf != NULL);
  replace (&pdf->title, title);
  replace (&pdf->author, author);
  replace (&pdf->subject, subject);
  replace (&pdf->keywords, keywords);
}

void
kt_pdf_set_creation_date (KtPdf     *pdf,
                          GDateTime *date)
{
  g_return_if_fail (pdf != NULL);
  g_clear_pointer (&pdf->date, g_date_time_unref);
  if (date != NULL)
    pdf->date = g_date_time_ref (date);
}

void
kt_pdf_set_integrity (KtPdf      *pdf,
                      const char *project_sha256,
                      const char *reproducibility)
{
  g_return_if_fail (pdf != NULL);
  replace (&pdf->sha256, project_sha256);
  replace (&pdf->reproducibility, reproducibility);
}

void
kt_pdf_set_numbering (KtPdf    *pdf,
                      gboolean  numbering)
{
  g_return_if_fail (pdf != NULL);
  pdf->numbering = numbering;
}

void
kt_pdf_set_toc_depth (KtPdf *pdf,
                      guint  depth)
{
  g_return_if_fail (pdf != NULL);
  g_return_if_fail (depth >= 1 && depth <= 3);
  pdf->toc_depth = depth;
}

void
kt_pdf_add_cover (KtPdf            *pdf,
                  const KtPdfCover *cover)
{
  Block *block;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (cover != NULL);

  block = block_add (pdf, BLOCK_COVER);
  block->strings[COVER_ISSUER_PARENT] = g_strdup (cover->issuer_parent);
  block->strings[COVER_ISSUER] = g_strdup (cover->issuer);
  block->strings[COVER_NUMBER] = g_strdup (cover->number);
  block->strings[COVER_PLACE_DATE] = g_strdup (cover->place_date);
  block->strings[COVER_DOC_TYPE] = g_strdup (cover->doc_type);
  block->strings[COVER_SUMMARY] = g_strdup (cover->summary);
  block->strings[COVER_TITLE] = g_strdup (cover->title);
  block->strings[COVER_BOTTOM] = g_strdup (cover->bottom_line);
  block->items = g_strdupv ((char **) cover->details);
}

void
kt_pdf_add_toc (KtPdf *pdf)
{
  g_return_if_fail (pdf != NULL);
  block_add (pdf, BLOCK_TOC);
}

static void
add_heading_block (KtPdf   *pdf,
                   Heading *heading)
{
  Block *block = block_add (pdf, BLOCK_HEADING);

  if (heading->label != NULL && (pdf->numbering || heading->appendix))
    heading->entry = heading->appendix
                       ? g_strdup_printf ("%s. %s", heading->label, heading->title)
                       : g_strdup_printf ("%s %s", heading->label, heading->title);
  else
    heading->entry = g_strdup (heading->title);
  block->heading = pdf->headings->len;
  g_array_append_val (pdf->headings, *heading);
}

void
kt_pdf_add_heading (KtPdf      *pdf,
                    guint       level,
                    const char *text)
{
  Heading heading = { 0 };

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (level >= 1 && level <= 3);
  g_return_if_fail (text != NULL);

  heading.level = level;
  heading.title = g_strdup (text);
  if (level == 1)
    pdf->in_appendix = FALSE;
  if (!pdf->in_appendix)
    {
      g_autoptr(GString) label = g_string_new (NULL);

      pdf->counters[level - 1]++;
      for (guint l = level; l < 3; l++)
        pdf->counters[l] = 0;
      for (guint l = 0; l < level; l++)
        g_string_append_printf (label, "%u.", pdf->counters[l]);
      heading.label = g_strdup (label->str);
    }
  add_heading_block (pdf, &heading);
}

void
kt_pdf_add_appendix (KtPdf      *pdf,
                     const char *title)
{
  Heading heading = { 0 };
  g_autofree char *label = NULL;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (title != NULL);

  pdf->in_appendix = TRUE;
  pdf->n_appendices++;
  label = g_strdup_printf (kt_report_gettext (pdf->lang, N_("Appendix %u")), pdf->n_appendices);
  heading.level = 1;
  heading.appendix = TRUE;
  heading.label = g_utf8_strup (label, -1);
  heading.title = g_strdup (title);
  add_heading_block (pdf, &heading);
  /* Contents and outline read "Phụ lục 1. …", not in capitals. */
  {
    Heading *added = &g_array_index (pdf->headings, Heading, pdf->headings->len - 1);
    g_free (added->entry);
    added->entry = g_strdup_printf ("%s. %s", label, title);
  }
}

void
kt_pdf_add_paragraph (KtPdf      *pdf,
                      const char *markup)
{
  kt_pdf_add_styled_paragraph (pdf, KT_PDF_PARA_BODY, markup);
}

void
kt_pdf_add_styled_paragraph (KtPdf          *pdf,
                             KtPdfParaStyle  style,
                             const char     *markup)
{
  Block *block;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (markup != NULL);

  block = block_add (pdf, BLOCK_PARAGRAPH);
  block->para = style;
  block->text = g_strdup (markup);
}

void
kt_pdf_add_bullets (KtPdf              *pdf,
                    const char * const *items)
{
  g_return_if_fail (pdf != NULL);
  g_return_if_fail (items != NULL);

  /* Decree 30 style: each item a paragraph with the first-line indent, led by "- ". */
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *text = g_strconcat ("- ", items[i], NULL);
      kt_pdf_add_paragraph (pdf, text);
    }
}

void
kt_pdf_add_key_values (KtPdf              *pdf,
                       const char * const *pairs)
{
  g_autoptr(KtPdfTable) table = NULL;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (pairs != NULL);

  table = kt_pdf_table_new ();
  kt_pdf_table_add_column (table, NULL, KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, NULL, KT_PDF_ALIGN_LEFT);
  kt_pdf_table_set_show_header (table, FALSE);
  kt_pdf_table_set_plain (table, TRUE);
  kt_pdf_table_set_font_size (table, 12);
  kt_pdf_table_set_repeat_columns (table, 0);
  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, pairs[i], pairs[i + 1], NULL);
  kt_pdf_add_table (pdf, table);
}

void
kt_pdf_add_table (KtPdf      *pdf,
                  KtPdfTable *table)
{
  Block *block;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (table != NULL);

  block = block_add (pdf, BLOCK_TABLE);
  block->table = kt_pdf_table_ref (table);
  if (table->caption != NULL)
    block->number = ++pdf->n_tables;
}

void
kt_pdf_add_chart (KtPdf      *pdf,
                  KtChart    *chart,
                  double      height,
                  const char *caption)
{
  Block *block;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (chart != NULL);
  g_return_if_fail (height > 20 && height < A4_LONG);

  block = block_add (pdf, BLOCK_CHART);
  block->chart = kt_chart_ref (chart);
  block->height = height;
  block->text = g_strdup (caption);
  if (caption != NULL)
    block->number = ++pdf->n_figures;
}

void
kt_pdf_add_page_break (KtPdf *pdf)
{
  g_return_if_fail (pdf != NULL);
  block_add (pdf, BLOCK_PAGE_BREAK);
}

void
kt_pdf_set_orientation (KtPdf            *pdf,
                        KtPdfOrientation  orientation)
{
  g_return_if_fail (pdf != NULL);
  block_add (pdf, BLOCK_ORIENTATION)->orientation = orientation;
}

void
kt_pdf_add_spacer (KtPdf  *pdf,
                   double  height)
{
  g_return_if_fail (pdf != NULL);
  g_return_if_fail (height >= 0);
  block_add (pdf, BLOCK_SPACER)->height = height;
}

void
kt_pdf_add_signature (KtPdf                *pdf,
                      const KtPdfSignature *signature)
{
  Block *block;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (signature != NULL);

  block = block_add (pdf, BLOCK_SIGNATURE);
  block->strings[SIGN_AUTHORITY] = g_strdup (signature->authority);
  block->strings[SIGN_POSITION] = g_strdup (signature->position);
  block->strings[SIGN_NAME] = g_strdup (signature->name);
  block->items = g_strdupv ((char **) signature->recipients);
}

GBytes *
kt_pdf_finish_to_bytes (KtPdf   *pdf,
                        GError **error)
{
  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kt_pdf_layout (pdf);
  return render (pdf, error);
}

gboolean
kt_pdf_finish (KtPdf   *pdf,
               GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (pdf->path != NULL, FALSE);

  bytes = kt_pdf_finish_to_bytes (pdf, error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_set_contents (pdf->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &local_error))
    {
      g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_WRITE,
                   _("The report could not be saved: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

guint
kt_pdf_get_n_pages (KtPdf *pdf)
{
  g_return_val_if_fail (pdf != NULL, 0);
  return pdf->pages != NULL ? pdf->pages->len : 0;
}

guint
kt_pdf_get_heading_page (KtPdf *pdf,
                         guint  heading)
{
  g_return_val_if_fail (pdf != NULL, 0);
  if (heading >= pdf->headings->len)
    return 0;
  return g_array_index (pdf->headings, Heading, heading).page;
}

/* --- Laid-out documents ------------------------------------------------------ */

void
kt_pdf_layout (KtPdf *pdf)
{
  g_return_if_fail (pdf != NULL);

  if (pdf->finished)
    return;
  pdf->finished = TRUE;
  layout_document (pdf);
}

KtPdfOrientation
kt_pdf_get_page_orientation (KtPdf *pdf,
                             guint  page)
{
  g_return_val_if_fail (pdf != NULL && pdf->pages != NULL, KT_PDF_PORTRAIT);
  g_return_val_if_fail (page < pdf->pages->len, KT_PDF_PORTRAIT);
  return ((Page *) g_ptr_array_index (pdf->pages, page))->orientation;
}

void
kt_pdf_get_page_size (KtPdf  *pdf,
                      guint   page,
                      double *width,
                      double *height)
{
  double w, h;

  page_size (kt_pdf_get_page_orientation (pdf, page), &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

void
kt_pdf_draw_page (KtPdf   *pdf,
                  cairo_t *cr,
                  guint    page,
                  double   scale)
{
  Page *p;

  g_return_if_fail (pdf != NULL && pdf->pages != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < pdf->pages->len);
  g_return_if_fail (scale > 0);

  p = g_ptr_array_index (pdf->pages, page);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  for (guint i = 0; i < p->items->len; i++)
    draw_item (pdf, NULL, cr, &g_array_index (p->items, Item, i), NULL);
  draw_furniture (pdf, cr, p, page + 1, pdf->pages->len);
  cairo_restore (cr);
}

guint
kt_pdf_get_n_headings (KtPdf *pdf)
{
  g_return_val_if_fail (pdf != NULL, 0);
  return pdf->headings->len;
}

const char *
kt_pdf_get_heading_entry (KtPdf *pdf,
                          guint  heading,
                          guint *level)
{
  Heading *h;

  g_return_val_if_fail (pdf != NULL, NULL);
  if (heading >= pdf->headings->len)
    return NULL;
  h = &g_array_index (pdf->headings, Heading, heading);
  if (level != NULL)
    *level = h->level;
  return h->entry;
}
