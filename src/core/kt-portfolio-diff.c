/* kt-portfolio-diff.c — what changed between two versions of a submission, field by field
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks the schema descriptors (kt-schema.h), so a field added there is
 * compared here without any change.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kt-portfolio-db.h"
#include "kt-schema.h"

void
kt_field_change_free (KtFieldChange *change)
{
  if (change == NULL)
    return;
  g_free (change->path);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static char *
format_double (double x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (x))
    return g_strdup ("NaN");
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", x));
}

static char *
format_array (const GArray *a,
              gboolean      doubles)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; a != NULL && i < a->len; i++)
    {
      g_autofree char *v = doubles ? format_double (g_array_index (a, double, i))
                                   : g_strdup_printf ("%d", g_array_index (a, int, i));

      g_string_append_printf (s, "%s%s", i ? ", " : "", v);
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static gboolean
double_same (double a,
             double b)
{
  return a == b || (isnan (a) && isnan (b));
}

static gboolean
arrays_same (const GArray *a,
             const GArray *b,
             gboolean      doubles)
{
  guint la = a ? a->len : 0, lb = b ? b->len : 0;

  if (la != lb)
    return FALSE;
  for (guint i = 0; i < la; i++)
    if (doubles ? !double_same (g_array_index (a, double, i), g_array_index (b, double, i))
                : g_array_index (a, int, i) != g_array_index (b, int, i))
      return FALSE;
  return TRUE;
}

static void
add (GPtrArray  *changes,
     const char *path,
     char       *old_value,
     char       *new_value)
{
  KtFieldChange *c = g_new0 (KtFieldChange, 1);

  c->path = g_strdup (path);
  c->old_value = old_value;
  c->new_value = new_value;
  g_ptr_array_add (changes, c);
}

/* A one-line name for a list row: its "name" or "id" field, else its number. */
static char *
row_label (const KtRecordDesc *desc,
           gconstpointer       row,
           guint               index)
{
  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];

      if (f->type == KT_FT_STRING && (strcmp (f->name, "name") == 0 || strcmp (f->name, "id") == 0))
        {
          const char *s = *(char * const *) ((const char *) row + f->offset);

          if (s != NULL && *s)
            return g_strdup_printf (_("row %u: %s"), index + 1, s);
        }
    }
  return g_strdup_printf (_("row %u"), index + 1);
}

static void diff_record (const KtRecordDesc *desc,
                         gconstpointer       a,
                         gconstpointer       b,
                         const char         *path,
                         GPtrArray          *changes);

static void
diff_field (const KtFieldDesc *f,
            gconstpointer      a,
            gconstpointer      b,
            const char        *where,
            GPtrArray         *changes)
{
  gconstpointer pa = (const char *) a + f->offset;
  gconstpointer pb = (const char *) b + f->offset;

  switch (f->type)
    {
    case KT_FT_STRING:
      {
        const char *sa = *(char * const *) pa, *sb = *(char * const *) pb;

        if (g_strcmp0 (sa ? sa : "", sb ? sb : "") != 0)
          add (changes, where, g_strdup (sa ? sa : ""), g_strdup (sb ? sb : ""));
      }
      break;
    case KT_FT_TEXT:
      {
        const KtText *ta = pa, *tb = pb;
        g_autofree char *vi = g_strconcat (where, "/vi", NULL);
        g_autofree char *en = g_strconcat (where, "/en", NULL);

        if (g_strcmp0 (ta->vi ? ta->vi : "", tb->vi ? tb->vi : "") != 0)
          add (changes, vi, g_strdup (ta->vi ? ta->vi : ""), g_strdup (tb->vi ? tb->vi : ""));
        if (g_strcmp0 (ta->en ? ta->en : "", tb->en ? tb->en : "") != 0)
          add (changes, en, g_strdup (ta->en ? ta->en : ""), g_strdup (tb->en ? tb->en : ""));
      }
      break;
    case KT_FT_DOUBLE:
      if (!double_same (*(const double *) pa, *(const double *) pb))
        add (changes, where, format_double (*(const double *) pa), format_double (*(const double *) pb));
      break;
    case KT_FT_INT:
      if (*(const int *) pa != *(const int *) pb)
        add (changes, where, g_strdup_printf ("%d", *(const int *) pa),
             g_strdup_printf ("%d", *(const int *) pb));
      break;
    case KT_FT_ENUM:
      if (*(const int *) pa != *(const int *) pb)
        add (changes, where, g_strdup (kt_enum_key (f->enum_info, *(const int *) pa)),
             g_strdup (kt_enum_key (f->enum_info, *(const int *) pb)));
      break;
    case KT_FT_UINT64:
      if (*(const guint64 *) pa != *(const guint64 *) pb)
        add (changes, where, g_strdup_printf ("%" G_GUINT64_FORMAT, *(const guint64 *) pa),
             g_strdup_printf ("%" G_GUINT64_FORMAT, *(const guint64 *) pb));
      break;
    case KT_FT_BOOL:
      if (!*(const gboolean *) pa != !*(const gboolean *) pb)
        add (changes, where, g_strdup (*(const gboolean *) pa ? "true" : "false"),
             g_strdup (*(const gboolean *) pb ? "true" : "false"));
      break;
    case KT_FT_DOUBLES:
    case KT_FT_INTS:
      {
        gboolean d = f->type == KT_FT_DOUBLES;
        const GArray *la = *(GArray * const *) pa, *lb = *(GArray * const *) pb;

        if (!arrays_same (la, lb, d))
          add (changes, where, format_array (la, d), format_array (lb, d));
      }
      break;
    case KT_FT_GROUP:
    case KT_FT_RECORD:
      diff_record (f->record, pa, pb, where, changes);
      break;
    case KT_FT_LIST:
      {
        const GArray *la = *(GArray * const *) pa, *lb = *(GArray * const *) pb;
        guint na = la ? la->len : 0, nb = lb ? lb->len : 0;
        gsize size = f->record->size;

        for (guint i = 0; i < MAX (na, nb); i++)
          {
            g_autofree char *row = g_strdup_printf ("%s/%u", where, i + 1);

            if (i < na && i < nb)
              diff_record (f->record, la->data + i * size, lb->data + i * size, row, changes);
            else if (i < nb)
              add (changes, row, NULL, row_label (f->record, lb->data + i * size, i));
            else
              add (changes, row, row_label (f->record, la->data + i * size, i), NULL);
          }
      }
      break;
    }
}

static void
diff_record (const KtRecordDesc *desc,
             gconstpointer       a,
             gconstpointer       b,
             const char         *path,
             GPtrArray          *changes)
{
  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];
      g_autofree char *where = *path ? g_strdup_printf ("%s/%s", path, f->name) : g_strdup (f->name);

      /* The proposer's claimed figures are not inputs (kt-claims.h). */
      if (*path == '\0' && strcmp (f->name, "claimed-figures") == 0)
        continue;
      diff_field (f, a, b, where, changes);
    }
}

GPtrArray *
kt_project_data_diff (const KtProjectData *old_data,
                      const KtProjectData *new_data)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_field_change_free);

  g_return_val_if_fail (old_data != NULL && new_data != NULL, changes);
  diff_record (kt_schema_project (), old_data, new_data, "", changes);
  return changes;
}
