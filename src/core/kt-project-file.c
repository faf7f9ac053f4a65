/* kt-project-file.c — the .khathi XML format: safe loading, exact and atomic saving
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files come from other organisations, so loading treats them as hostile:
 * no DTD, no entities, no network, no XInclude, bounded sizes, and every
 * error names the line.  The field tables of kt-schema.c drive both
 * directions; the generated RELAX NG schema is checked as a second line.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "kt-project-file.h"
#include "kt-project-file-private.h"
#include "kt-project-private.h"
#include "kt-schema.h"
#include "kt-validate.h"

#define MAX_TEXT_BYTES   (1024 * 1024)   /* one narrative chapter */
#define MAX_SERIES       500             /* values in one series */
#define MAX_LIST_ROWS    10000           /* rows in one list */

G_DEFINE_QUARK (kt-file-error-quark, kt_file_error)

static GPrivate last_error_line;
static gssize write_limit = -1;   /* tests: fail writes after this many bytes */

typedef struct {
  const char *filename;
  GHashTable *lines;
  GError     *error;
} LoadContext;

static void
set_line (int line)
{
  g_private_set (&last_error_line, GINT_TO_POINTER (line));
}

int
kt_file_error_get_line (void)
{
  return GPOINTER_TO_INT (g_private_get (&last_error_line));
}

void
kt_project_file_set_write_limit (gssize max_bytes)
{
  write_limit = max_bytes;
}

static int
line_of_offset (const char *data,
                gsize       offset)
{
  int line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* "FILE:LINE: message": the form of compilers, so editors can jump to it. */
G_GNUC_PRINTF (5, 6) static void
fail (GError     **error,
      const char  *filename,
      int          code,
      int          line,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  set_line (line);
  if (line > 0)
    g_set_error (error, KT_FILE_ERROR, code, "%s:%d: %s", filename, line, message);
  else
    g_set_error (error, KT_FILE_ERROR, code, "%s: %s", filename, message);
}

#define CTX_FAIL(ctx, code, node, ...) \
  G_STMT_START { \
    if ((ctx)->error == NULL) \
      fail (&(ctx)->error, (ctx)->filename, code, (node) ? xmlGetLineNo (node) : 0, __VA_ARGS__); \
  } G_STMT_END

/* ---- checks before parsing ---- */

static gboolean
precheck (const char  *data,
          gsize        length,
          const char  *filename,
          GError     **error)
{
  const char *end = NULL;
  const char *p;

  if (length == 0)
    {
      fail (error, filename, KT_FILE_ERROR_NOT_XML, 0, _("the file is empty"));
      return FALSE;
    }
  if (length > KT_PROJECT_FILE_MAX_SIZE)
    {
      fail (error, filename, KT_FILE_ERROR_TOO_LARGE, 0,
            _("the file is too large (%lu MB; a project file has at most %d MB)"),
            (unsigned long) (length / (1024 * 1024)), KT_PROJECT_FILE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  p = memchr (data, '\0', length);
  if (p != NULL)
    {
      fail (error, filename, KT_FILE_ERROR_NOT_XML, line_of_offset (data, p - data),
            _("the file contains binary data; it is not a Khả Thi project"));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &end))
    {
      fail (error, filename, KT_FILE_ERROR_NOT_XML, line_of_offset (data, end - data),
            _("the text is not valid UTF-8"));
      return FALSE;
    }
  /* A DTD is the door to external entities and entity expansion attacks;
   * project files never need one. */
  p = g_strstr_len (data, length, "<!DOCTYPE");
  if (p == NULL)
    p = g_strstr_len (data, length, "<!ENTITY");
  if (p != NULL)
    {
      fail (error, filename, KT_FILE_ERROR_FORBIDDEN, line_of_offset (data, p - data),
            _("document type declarations (DOCTYPE, ENTITY) are not allowed in project files"));
      return FALSE;
    }
  return TRUE;
}

/* ---- values ---- */

static gboolean
only_text_children (LoadContext *ctx,
                    xmlNode     *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      {
        CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, child,
                  _("element <%s> is not allowed inside <%s>, which holds a value"),
                  (const char *) child->name, (const char *) node->name);
        return FALSE;
      }
  return TRUE;
}

static char *
node_text (LoadContext *ctx,
           xmlNode     *node)
{
  xmlChar *content;
  char *text;

  if (!only_text_children (ctx, node))
    return NULL;
  content = xmlNodeGetContent (node);
  if (content == NULL)
    return g_strdup ("");
  if (strlen ((const char *) content) > MAX_TEXT_BYTES)
    {
      CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node,
                _("the text of <%s> is too long (%zu bytes; at most %d)"),
                (const char *) node->name, strlen ((const char *) content), MAX_TEXT_BYTES);
      xmlFree (content);
      return NULL;
    }
  text = g_utf8_normalize ((const char *) content, -1, G_NORMALIZE_NFC);
  xmlFree (content);
  return text;
}

/* The token as the file has it; the bounds in the UI's number convention. */
static void
out_of_range (LoadContext       *ctx,
              xmlNode           *node,
              const char        *field,
              const char        *token,
              const KtFieldDesc *desc)
{
  g_autofree char *lo = kt_validate_format_number (desc->min);
  g_autofree char *hi = kt_validate_format_number (desc->max);

  CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node,
            _("%s in <%s> is out of range (allowed %s … %s)"), token, field, lo, hi);
}

static gboolean
parse_double (LoadContext       *ctx,
              xmlNode           *node,
              const char        *field,
              const char        *token,
              const KtFieldDesc *desc,
              double            *out)
{
  char *end = NULL;
  double value;

  if (*token == '\0')
    {
      CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node, _("<%s> is empty; a number is expected"), field);
      return FALSE;
    }
  errno = 0;
  value = g_ascii_strtod (token, &end);
  if (end == token || *end != '\0')
    {
      CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node, _("“%s” in <%s> is not a number"), token, field);
      return FALSE;
    }
  /* Overflow gives ±inf.  ERANGE alone is underflow, which glibc also reports
   * for subnormals the writer saves (5e-324): those read back exactly. */
  if (!isfinite (value))
    {
      CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node,
                _("“%s” in <%s> is not a finite number"), token, field);
      return FALSE;
    }
  if (value < desc->min || value > desc->max)
    {
      out_of_range (ctx, node, field, token, desc);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
parse_int (LoadContext       *ctx,
           xmlNode           *node,
           const char        *field,
           const char        *token,
           const KtFieldDesc *desc,
           gint64            *out)
{
  gint64 value;
  g_autoptr (GError) error = NULL;

  if (!g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, &value, &error))
    {
      CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node, _("“%s” in <%s> is not a whole number"), token, field);
      return FALSE;
    }
  if (desc->type != KT_FT_UINT64 && (value < desc->min || value > desc->max))
    {
      out_of_range (ctx, node, field, token, desc);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
load_series (LoadContext       *ctx,
             xmlNode           *node,
             const KtFieldDesc *f,
             GArray            *array)
{
  g_autofree char *text = node_text (ctx, node);
  g_auto (GStrv) tokens = NULL;
  guint n = 0;

  if (text == NULL)
    return FALSE;
  tokens = g_strsplit_set (g_strstrip (text), " \t\n\r", -1);
  for (int i = 0; tokens[i] != NULL; i++)
    {
      if (*tokens[i] == '\0')
        continue;
      if (++n > MAX_SERIES)
        {
          CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node,
                    _("<%s> has too many values (at most %d)"), f->name, MAX_SERIES);
          return FALSE;
        }
      if (f->type == KT_FT_DOUBLES)
        {
          double v;
          if (!parse_double (ctx, node, f->name, tokens[i], f, &v))
            return FALSE;
          g_array_append_val (array, v);
        }
      else
        {
          gint64 v;
          int iv;
          if (!parse_int (ctx, node, f->name, tokens[i], f, &v))
            return FALSE;
          iv = (int) v;
          g_array_append_val (array, iv);
        }
    }
  return TRUE;
}

/* ---- the walk ---- */

static gboolean load_record (LoadContext        *ctx,
                             xmlNode            *node,
                             const KtRecordDesc *desc,
                             gpointer            base,
                             const char         *path);

static gboolean
is_ours (xmlNode *node)
{
  return node->ns != NULL
         && g_strcmp0 ((const char *) node->ns->href, KT_PROJECT_FILE_NAMESPACE) == 0;
}

static gboolean
check_element (LoadContext *ctx,
               xmlNode     *child,
               xmlNode     *parent)
{
  if (child->ns != NULL && g_str_has_prefix ((const char *) child->ns->href, "http://www.w3.org/2001/XInclude"))
    {
      CTX_FAIL (ctx, KT_FILE_ERROR_FORBIDDEN, child, _("XInclude is not allowed in project files"));
      return FALSE;
    }
  if (!is_ours (child))
    {
      CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, child,
                _("unknown element <%s> in <%s> (wrong namespace)"),
                (const char *) child->name, (const char *) parent->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
no_stray_text (LoadContext *ctx,
               xmlNode     *child,
               xmlNode     *parent)
{
  if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
    {
      for (const xmlChar *c = child->content; c && *c; c++)
        if (!g_ascii_isspace (*c))
          {
            CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, child,
                      _("unexpected text inside <%s>"), (const char *) parent->name);
            return FALSE;
          }
    }
  else if (child->type == XML_ENTITY_REF_NODE)
    {
      CTX_FAIL (ctx, KT_FILE_ERROR_FORBIDDEN, parent, _("entity references are not allowed in project files"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_text (LoadContext *ctx,
           xmlNode     *node,
           KtText      *text,
           const char  *path)
{
  gboolean seen_vi = FALSE, seen_en = FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        {
          if (!no_stray_text (ctx, child, node))
            return FALSE;
          continue;
        }
      if (!check_element (ctx, child, node))
        return FALSE;
      gboolean is_vi = strcmp ((const char *) child->name, "vi") == 0;
      if (!is_vi && strcmp ((const char *) child->name, "en") != 0)
        {
          CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, child,
                    _("unknown element <%s> in <%s>; expected <vi> or <en>"),
                    (const char *) child->name, (const char *) node->name);
          return FALSE;
        }
      if ((is_vi && seen_vi) || (!is_vi && seen_en))
        {
          CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, child, _("<%s> appears twice in <%s>"),
                    (const char *) child->name, (const char *) node->name);
          return FALSE;
        }
      char *value = node_text (ctx, child);
      if (value == NULL)
        return FALSE;
      if (is_vi)
        seen_vi = TRUE, g_free (text->vi), text->vi = value;
      else
        seen_en = TRUE, g_free (text->en), text->en = value;
    }
  return TRUE;
}

static gboolean
load_field (LoadContext       *ctx,
            xmlNode           *node,
            const KtFieldDesc *f,
            gpointer           base,
            const char        *path)
{
  gpointer p = kt_field_ptr (f, base);

  switch (f->type)
    {
    case KT_FT_STRING:
      {
        char *value = node_text (ctx, node);
        if (value == NULL)
          return FALSE;
        g_free (*(char **) p);
        *(char **) p = value;
        return TRUE;
      }
    case KT_FT_TEXT:
      return load_text (ctx, node, p, path);
    case KT_FT_DOUBLE:
    case KT_FT_INT:
    case KT_FT_UINT64:
    case KT_FT_BOOL:
    case KT_FT_ENUM:
      {
        g_autofree char *value = node_text (ctx, node);
        if (value == NULL)
          return FALSE;
        g_strstrip (value);
        if (f->type == KT_FT_DOUBLE)
          return parse_double (ctx, node, f->name, value, f, p);
        if (f->type == KT_FT_BOOL)
          {
            if (strcmp (value, "true") != 0 && strcmp (value, "false") != 0)
              {
                CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node,
                          _("<%s> must be “true” or “false”, not “%s”"), f->name, value);
                return FALSE;
              }
            *(gboolean *) p = strcmp (value, "true") == 0;
            return TRUE;
          }
        if (f->type == KT_FT_ENUM)
          {
            if (!kt_enum_from_key (f->enum_info, value, p))
              {
                g_autoptr (GString) allowed = g_string_new (NULL);
                for (int i = 0; i < f->enum_info->n_entries; i++)
                  g_string_append_printf (allowed, "%s%s", i ? ", " : "", f->enum_info->entries[i].key);
                CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node,
                          _("“%s” is not a valid <%s> (allowed: %s)"), value, f->name, allowed->str);
                return FALSE;
              }
            return TRUE;
          }
        if (f->type == KT_FT_UINT64)
          {
            guint64 u;
            /* The whole guint64 range: the writer saves seeds above G_MAXINT64 too. */
            if (value[0] == '-')
              {
                CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node, _("<%s> must not be negative"), f->name);
                return FALSE;
              }
            if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &u, NULL))
              {
                CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node, _("“%s” in <%s> is not a whole number"),
                          value, f->name);
                return FALSE;
              }
            *(guint64 *) p = u;
            return TRUE;
          }
        gint64 v;
        if (!parse_int (ctx, node, f->name, value, f, &v))
          return FALSE;
        *(int *) p = (int) v;
        return TRUE;
      }
    case KT_FT_DOUBLES:
    case KT_FT_INTS:
      g_array_set_size (*(GArray **) p, 0);
      return load_series (ctx, node, f, *(GArray **) p);
    case KT_FT_GROUP:
      return load_record (ctx, node, f->record, base, path);
    case KT_FT_RECORD:
      return load_record (ctx, node, f->record, p, path);
    case KT_FT_LIST:
      {
        GArray *list = *(GArray **) p;
        for (xmlNode *child = node->children; child != NULL; child = child->next)
          {
            if (child->type != XML_ELEMENT_NODE)
              {
                if (!no_stray_text (ctx, child, node))
                  return FALSE;
                continue;
              }
            if (!check_element (ctx, child, node))
              return FALSE;
            if (strcmp ((const char *) child->name, f->record->name) != 0)
              {
                CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, child,
                          _("unknown element <%s> in <%s>; expected <%s>"),
                          (const char *) child->name, f->name, f->record->name);
                return FALSE;
              }
            if (list->len >= MAX_LIST_ROWS)
              {
                CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, child,
                          _("<%s> has too many rows (at most %d)"), f->name, MAX_LIST_ROWS);
                return FALSE;
              }
            gpointer row = kt_list_append (list, f->record);
            g_autofree char *row_path = g_strdup_printf ("%s/%u", path, list->len);
            g_hash_table_insert (ctx->lines, g_strdup (row_path), GINT_TO_POINTER (xmlGetLineNo (child)));
            if (!load_record (ctx, child, f->record, row, row_path))
              return FALSE;
          }
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
field_required (const KtFieldDesc *f)
{
  switch (f->type)
    {
    case KT_FT_STRING:
    case KT_FT_TEXT:
    case KT_FT_DOUBLES:
    case KT_FT_INTS:
    case KT_FT_LIST:
      return FALSE;
    default:
      return (f->flags & KT_FIELD_OPTIONAL) == 0;
    }
}

static gboolean
load_attributes (LoadContext        *ctx,
                 xmlNode            *node,
                 const KtRecordDesc *desc,
                 gpointer            base)
{
  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];
      xmlChar *value;

      if ((f->flags & KT_FIELD_ATTRIBUTE) == 0)
        continue;
      value = xmlGetNoNsProp (node, (const xmlChar *) f->name);
      if (value == NULL)
        continue;
      if (strlen ((const char *) value) > MAX_TEXT_BYTES)
        {
          CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node,
                    _("the attribute %s of <%s> is too long (at most %d bytes)"),
                    f->name, (const char *) node->name, MAX_TEXT_BYTES);
          xmlFree (value);
          return FALSE;
        }
      g_free (*(char **) kt_field_ptr (f, base));
      *(char **) kt_field_ptr (f, base) = g_utf8_normalize ((const char *) value, -1, G_NORMALIZE_NFC);
      xmlFree (value);
    }
  return TRUE;
}

static gboolean
load_record (LoadContext        *ctx,
             xmlNode            *node,
             const KtRecordDesc *desc,
             gpointer            base,
             const char         *path)
{
  g_autofree gboolean *seen = g_new0 (gboolean, desc->n_fields);

  if (!load_attributes (ctx, node, desc, base))
    return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const KtFieldDesc *f;
      int index;

      if (child->type != XML_ELEMENT_NODE)
        {
          if (!no_stray_text (ctx, child, node))
            return FALSE;
          continue;
        }
      if (!check_element (ctx, child, node))
        return FALSE;
      f = kt_record_find_field (desc, (const char *) child->name);
      if (f == NULL || (f->flags & KT_FIELD_ATTRIBUTE))
        {
          CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, child, _("unknown element <%s> in <%s>"),
                    (const char *) child->name, (const char *) node->name);
          return FALSE;
        }
      index = f - desc->fields;
      if (seen[index])
        {
          CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, child, _("<%s> appears twice in <%s>"),
                    f->name, (const char *) node->name);
          return FALSE;
        }
      seen[index] = TRUE;
      g_autofree char *field_path = *path ? g_strdup_printf ("%s/%s", path, f->name) : g_strdup (f->name);
      g_hash_table_insert (ctx->lines, g_strdup (field_path), GINT_TO_POINTER (xmlGetLineNo (child)));
      if (!load_field (ctx, child, f, base, field_path))
        return FALSE;
    }
  for (int i = 0; i < desc->n_fields; i++)
    if (!seen[i] && field_required (&desc->fields[i]))
      {
        CTX_FAIL (ctx, KT_FILE_ERROR_FORMAT, node, _("<%s> is missing from <%s>"),
                  desc->fields[i].name, (const char *) node->name);
        return FALSE;
      }
  return TRUE;
}

/* ---- RELAX NG backstop ---- */

static xmlRelaxNGPtr
compiled_schema (void)
{
  static gsize once = 0;
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&once))
    {
      g_autofree char *rng = kt_schema_to_relaxng ();
      xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewMemParserCtxt (rng, strlen (rng));
      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_once_init_leave (&once, 1);
    }
  return schema;
}

static void
collect_rng_error (void        *user_data,
                   xmlErrorPtr  error)
{
  LoadContext *ctx = user_data;

  if (ctx->error == NULL && error != NULL)
    {
      g_autofree char *message = g_strstrip (g_strdup (error->message ? error->message : ""));
      fail (&ctx->error, ctx->filename, KT_FILE_ERROR_FORMAT, error->line,
            _("the file does not follow the project schema: %s"), message);
    }
}

static gboolean
check_schema (LoadContext *ctx,
              xmlDoc      *doc)
{
  xmlRelaxNGPtr schema = compiled_schema ();
  xmlRelaxNGValidCtxtPtr valid;
  int status;

  g_return_val_if_fail (schema != NULL, FALSE);
  valid = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (valid, collect_rng_error, ctx);
  status = xmlRelaxNGValidateDoc (valid, doc);
  xmlRelaxNGFreeValidCtxt (valid);
  if (status != 0 && ctx->error == NULL)
    fail (&ctx->error, ctx->filename, KT_FILE_ERROR_FORMAT, 0,
          _("the file does not follow the project schema"));
  return status == 0;
}

/* ---- loading ---- */

KtProject *
kt_project_load_from_data (const char  *data,
                           gsize        length,
                           const char  *filename,
                           GError     **error)
{
  LoadContext ctx = { filename ? filename : "<memory>", NULL, NULL };
  g_autoptr (KtProject) project = NULL;
  g_autoptr (GHashTable) lines = NULL;
  xmlParserCtxtPtr parser;
  xmlDoc *doc;
  xmlNode *root;
  xmlChar *version;

  set_line (0);
  if (!precheck (data, length, ctx.filename, error))
    return NULL;

  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      fail (error, ctx.filename, KT_FILE_ERROR_IO, 0, _("out of memory"));
      return NULL;
    }
  /* No NOENT (no entity substitution), no DTDLOAD, no XINCLUDE, no HUGE:
   * libxml2's default depth and size limits stay on.  BIG_LINES: without it
   * every line after 65535 is reported as 65535. */
  doc = xmlCtxtReadMemory (parser, data, (int) length, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                           | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  if (doc == NULL || !parser->wellFormed)
    {
      xmlErrorPtr e = xmlCtxtGetLastError (parser);
      g_autofree char *message = g_strstrip (g_strdup (e && e->message ? e->message : "?"));
      fail (error, ctx.filename, KT_FILE_ERROR_NOT_XML, e ? e->line : 0,
            _("the file is not well-formed XML: %s"), message);
      if (doc != NULL)
        xmlFreeDoc (doc);
      xmlFreeParserCtxt (parser);
      return NULL;
    }
  xmlFreeParserCtxt (parser);

  root = xmlDocGetRootElement (doc);
  if (root == NULL || strcmp ((const char *) root->name, "project") != 0)
    {
      fail (error, ctx.filename, KT_FILE_ERROR_FORMAT, root ? xmlGetLineNo (root) : 0,
            _("this is not a Khả Thi project: the root element is <%s>, not <project>"),
            root ? (const char *) root->name : "");
      xmlFreeDoc (doc);
      return NULL;
    }
  if (!is_ours (root))
    {
      fail (error, ctx.filename, KT_FILE_ERROR_FORMAT, xmlGetLineNo (root),
            _("the <project> element is not in the Khả Thi namespace “%s”"),
            KT_PROJECT_FILE_NAMESPACE);
      xmlFreeDoc (doc);
      return NULL;
    }
  version = xmlGetNoNsProp (root, (const xmlChar *) "format-version");
  if (version == NULL || strcmp ((const char *) version, "1") != 0)
    {
      gint64 v = 0;
      if (version != NULL && g_ascii_string_to_signed ((const char *) version, 10, 2, G_MAXINT, &v, NULL))
        fail (error, ctx.filename, KT_FILE_ERROR_FORMAT, xmlGetLineNo (root),
              _("the file has format version %s, newer than this version of Khả Thi reads (%d); please update the application"),
              (const char *) version, KT_PROJECT_FILE_VERSION);
      else
        fail (error, ctx.filename, KT_FILE_ERROR_FORMAT, xmlGetLineNo (root),
              _("the format-version attribute of <project> is missing or invalid"));
      xmlFree (version);
      xmlFreeDoc (doc);
      return NULL;
    }
  xmlFree (version);

  project = kt_project_new_blank ();
  lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (lines, g_strdup (""), GINT_TO_POINTER (xmlGetLineNo (root)));
  ctx.lines = lines;
  if (!load_record (&ctx, root, kt_schema_project (), kt_project_edit_data (project), "")
      || !check_schema (&ctx, doc))
    {
      g_propagate_error (error, ctx.error);
      xmlFreeDoc (doc);
      return NULL;
    }
  xmlFreeDoc (doc);
  kt_project_set_source_lines (project, lines);
  return g_steal_pointer (&project);
}

KtProject *
kt_project_load (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  set_line (0);
  /* Check the size before reading, so a huge file is not read into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      fail (error, name, KT_FILE_ERROR_IO, 0, "%s", local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      fail (error, name, KT_FILE_ERROR_IO, 0, _("this is a folder, not a project file"));
      return NULL;
    }
  /* A device or FIFO has no size to check: /dev/zero would be read until
   * memory runs out, a FIFO would block. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      fail (error, name, KT_FILE_ERROR_IO, 0, _("this is a device or pipe, not a project file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > KT_PROJECT_FILE_MAX_SIZE)
    {
      fail (error, name, KT_FILE_ERROR_TOO_LARGE, 0,
            _("the file is too large (%lu MB; a project file has at most %d MB)"),
            (unsigned long) (g_file_info_get_size (info) / (1024 * 1024)), KT_PROJECT_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      fail (error, name, KT_FILE_ERROR_IO, 0, "%s", local_error->message);
      return NULL;
    }
  return kt_project_load_from_data (contents, length, name, error);
}

/* ---- saving ---- */

/* Shortest decimal text that reads back to the same double. */
static void
format_double (char   *buf,
               gsize   size,
               double  value)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };

  if (value == 0)
    value = 0;  /* no "-0" */
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, size, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

static void write_record (xmlTextWriterPtr    w,
                          const KtRecordDesc *desc,
                          gconstpointer       base);

static void
write_string_element (xmlTextWriterPtr  w,
                      const char       *name,
                      const char       *value)
{
  xmlTextWriterWriteElement (w, (const xmlChar *) name, (const xmlChar *) value);
}

/* Right after the element's start tag, before any child. */
static void
write_attributes (xmlTextWriterPtr    w,
                  const KtRecordDesc *desc,
                  gconstpointer       base)
{
  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];
      const char *s;

      /* Only attribute fields hold a string at their offset. */
      if (!(f->flags & KT_FIELD_ATTRIBUTE))
        continue;
      s = *(char * const *) ((const char *) base + f->offset);
      if (s != NULL && *s != '\0')
        xmlTextWriterWriteAttribute (w, (const xmlChar *) f->name, (const xmlChar *) s);
    }
}

static void
write_field (xmlTextWriterPtr   w,
             const KtFieldDesc *f,
             gconstpointer      base)
{
  gconstpointer p = (const char *) base + f->offset;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Attributes went with the start tag; absent optional values are not written. */
  if ((f->flags & KT_FIELD_ATTRIBUTE) || !kt_field_present (f, base))
    return;
  switch (f->type)
    {
    case KT_FT_STRING:
      {
        const char *s = *(char * const *) p;
        if (s != NULL && *s != '\0')
          write_string_element (w, f->name, s);
      }
      break;
    case KT_FT_TEXT:
      {
        const KtText *t = p;
        if ((t->vi && *t->vi) || (t->en && *t->en))
          {
            xmlTextWriterStartElement (w, (const xmlChar *) f->name);
            if (t->vi && *t->vi)
              write_string_element (w, "vi", t->vi);
            if (t->en && *t->en)
              write_string_element (w, "en", t->en);
            xmlTextWriterEndElement (w);
          }
      }
      break;
    case KT_FT_DOUBLE:
      format_double (buf, sizeof buf, *(const double *) p);
      write_string_element (w, f->name, buf);
      break;
    case KT_FT_INT:
      g_snprintf (buf, sizeof buf, "%d", *(const int *) p);
      write_string_element (w, f->name, buf);
      break;
    case KT_FT_UINT64:
      g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, *(const guint64 *) p);
      write_string_element (w, f->name, buf);
      break;
    case KT_FT_BOOL:
      write_string_element (w, f->name, *(const gboolean *) p ? "true" : "false");
      break;
    case KT_FT_ENUM:
      write_string_element (w, f->name, kt_enum_key (f->enum_info, *(const int *) p));
      break;
    case KT_FT_DOUBLES:
    case KT_FT_INTS:
      {
        GArray *a = *(GArray * const *) p;
        if (a == NULL || a->len == 0)
          break;
        g_autoptr (GString) s = g_string_new (NULL);
        for (guint i = 0; i < a->len; i++)
          {
            if (f->type == KT_FT_DOUBLES)
              format_double (buf, sizeof buf, g_array_index (a, double, i));
            else
              g_snprintf (buf, sizeof buf, "%d", g_array_index (a, int, i));
            g_string_append_printf (s, "%s%s", i ? " " : "", buf);
          }
        write_string_element (w, f->name, s->str);
      }
      break;
    case KT_FT_GROUP:
      xmlTextWriterStartElement (w, (const xmlChar *) f->name);
      write_attributes (w, f->record, base);
      write_record (w, f->record, base);
      xmlTextWriterEndElement (w);
      break;
    case KT_FT_RECORD:
      xmlTextWriterStartElement (w, (const xmlChar *) f->name);
      write_attributes (w, f->record, p);
      write_record (w, f->record, p);
      xmlTextWriterEndElement (w);
      break;
    case KT_FT_LIST:
      {
        GArray *list = *(GArray * const *) p;
        if (list == NULL || list->len == 0)
          break;
        xmlTextWriterStartElement (w, (const xmlChar *) f->name);
        for (guint i = 0; i < list->len; i++)
          {
            xmlTextWriterStartElement (w, (const xmlChar *) f->record->name);
            write_attributes (w, f->record, list->data + (gsize) i * f->record->size);
            write_record (w, f->record, list->data + (gsize) i * f->record->size);
            xmlTextWriterEndElement (w);
          }
        xmlTextWriterEndElement (w);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
write_record (xmlTextWriterPtr    w,
              const KtRecordDesc *desc,
              gconstpointer       base)
{
  for (int i = 0; i < desc->n_fields; i++)
    write_field (w, &desc->fields[i], base);
}

char *
kt_project_to_data (KtProject *project,
                    gsize     *length)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buffer, 0);
  char *result;

  g_return_val_if_fail (KT_IS_PROJECT (project), NULL);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, (const xmlChar *) "  ");
  xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElementNS (w, NULL, (const xmlChar *) "project",
                               (const xmlChar *) KT_PROJECT_FILE_NAMESPACE);
  xmlTextWriterWriteAttribute (w, (const xmlChar *) "format-version", (const xmlChar *) "1");
  write_record (w, kt_schema_project (), kt_project_get_data (project));
  xmlTextWriterEndElement (w);
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);

  result = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  if (length != NULL)
    *length = xmlBufferLength (buffer);
  xmlBufferFree (buffer);
  return result;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           GError     **error)
{
  gsize done = 0;

  while (done < length)
    {
      gsize chunk = length - done;
      gssize n;

      if (write_limit >= 0 && done + chunk > (gsize) write_limit)
        chunk = (gsize) write_limit > done ? (gsize) write_limit - done : 0;
      if (chunk == 0)
        {
          errno = ENOSPC;
          n = -1;
        }
      else
        n = write (fd, data + done, chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
          return FALSE;
        }
      done += n;
    }
  if (fsync (fd) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
kt_project_save (KtProject     *project,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *dir = NULL, *base = NULL, *tmp_path = NULL, *data = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length;
  int fd;

  g_return_val_if_fail (KT_IS_PROJECT (project), FALSE);
  data = kt_project_to_data (project, &length);

  if (path == NULL)
    {
      /* Not a local file (e.g. a portal or network location): GIO's replace
       * writes a temporary file and renames it there. */
      if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, &local_error))
        {
          g_set_error (error, KT_FILE_ERROR, KT_FILE_ERROR_IO,
                       _("Could not save “%s”: %s"), name, local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  /* Save through a symbolic link to its target, keeping the link. */
  {
    g_autofree char *target = realpath (path, NULL);
    if (target != NULL)
      g_free (path), path = g_steal_pointer (&target);
  }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, KT_FILE_ERROR, KT_FILE_ERROR_IO,
                   _("Could not save “%s”: cannot create a file in %s: %s"), name, dir, g_strerror (saved));
      return FALSE;
    }
  /* Keep the permissions of the file being replaced (a private study stays private). */
  {
    GStatBuf st;
    if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
      fchmod (fd, st.st_mode & 07777);
  }
  if (!write_all (fd, data, length, &local_error))
    {
      close (fd);
      g_unlink (tmp_path);
      g_set_error (error, KT_FILE_ERROR, KT_FILE_ERROR_IO,
                   _("Could not save “%s”: %s. The previous version of the file is unchanged."),
                   name, local_error->message);
      return FALSE;
    }
  if (close (fd) != 0 || g_rename (tmp_path, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp_path);
      g_set_error (error, KT_FILE_ERROR, KT_FILE_ERROR_IO,
                   _("Could not save “%s”: %s. The previous version of the file is unchanged."),
                   name, g_strerror (saved));
      return FALSE;
    }
  /* Make the rename itself durable. */
  int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}
