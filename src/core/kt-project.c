/* kt-project.c — the PPP feasibility-study document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kt-project-file.h"
#include "kt-project-private.h"
#include "kt-rules.h"
#include "kt-schema.h"

struct _KtProject
{
  GObject        parent_instance;
  KtProjectData  data;
  GHashTable    *source_lines;   /* schema path → line in the file it was loaded from */
};

G_DEFINE_FINAL_TYPE (KtProject, kt_project, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
kt_project_finalize (GObject *object)
{
  KtProject *self = KT_PROJECT (object);

  kt_project_data_clear (&self->data);
  g_clear_pointer (&self->source_lines, g_hash_table_unref);
  G_OBJECT_CLASS (kt_project_parent_class)->finalize (object);
}

static void
kt_project_class_init (KtProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_project_finalize;

  /**
   * KtProject::changed:
   * @section: the schema path of what changed ("" for everything)
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
kt_project_init (KtProject *self)
{
  kt_project_data_init (&self->data);
}

void
kt_project_data_init (KtProjectData *data)
{
  memset (data, 0, sizeof *data);
  kt_record_init (kt_schema_project (), data);
  data->currency = g_strdup ("VND");
}

void
kt_project_data_clear (KtProjectData *data)
{
  kt_record_clear (kt_schema_project (), data);
}

void
kt_project_data_copy (KtProjectData       *dest,
                      const KtProjectData *src)
{
  memset (dest, 0, sizeof *dest);
  kt_record_copy (kt_schema_project (), dest, src);
}

KtProject *
kt_project_new (void)
{
  KtProject *self = g_object_new (KT_TYPE_PROJECT, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  self->data.id = g_uuid_string_random ();
  self->data.created = g_date_time_format_iso8601 (now);
  self->data.modified = g_strdup (self->data.created);
  self->data.start_year = g_date_time_get_year (now);
  self->data.price_base_year = self->data.start_year;
  self->data.rule_set = g_strdup (kt_rule_set_default_id ());
  return self;
}

/* Used by the loader: a project with nothing set but allocated lists. */
KtProject *
kt_project_new_blank (void)
{
  KtProject *self = g_object_new (KT_TYPE_PROJECT, NULL);
  g_clear_pointer (&self->data.currency, g_free);
  return self;
}

const KtProjectData *
kt_project_get_data (KtProject *self)
{
  g_return_val_if_fail (KT_IS_PROJECT (self), NULL);
  return &self->data;
}

KtProjectData *
kt_project_edit_data (KtProject *self)
{
  g_return_val_if_fail (KT_IS_PROJECT (self), NULL);
  return &self->data;
}

void
kt_project_changed (KtProject  *self,
                    const char *section)
{
  g_return_if_fail (KT_IS_PROJECT (self));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, section ? section : "");
}

KtProject *
kt_project_copy (KtProject *self)
{
  KtProject *copy;

  g_return_val_if_fail (KT_IS_PROJECT (self), NULL);
  copy = g_object_new (KT_TYPE_PROJECT, NULL);
  kt_project_data_clear (&copy->data);
  kt_project_data_copy (&copy->data, &self->data);
  return copy;
}

gboolean
kt_project_equal (KtProject *a,
                  KtProject *b)
{
  g_return_val_if_fail (KT_IS_PROJECT (a) && KT_IS_PROJECT (b), FALSE);
  return kt_record_equal (kt_schema_project (), &a->data, &b->data);
}

const char *
kt_text_get (const KtText *text,
             const char   *lang)
{
  const char *first = text->en, *second = text->vi;

  if (lang != NULL && g_str_has_prefix (lang, "vi"))
    first = text->vi, second = text->en;
  if (first != NULL && *first != '\0')
    return first;
  return second != NULL ? second : "";
}

const char *
kt_project_get_display_name (KtProject *self)
{
  const char * const *langs = g_get_language_names ();
  const char *lang = "en";

  g_return_val_if_fail (KT_IS_PROJECT (self), NULL);
  for (int i = 0; langs[i] != NULL; i++)
    {
      if (g_str_has_prefix (langs[i], "vi"))
        {
          lang = "vi";
          break;
        }
      if (g_str_has_prefix (langs[i], "en") || strcmp (langs[i], "C") == 0)
        break;
    }
  const char *name = kt_text_get (&self->data.name, lang);
  return *name != '\0' ? name : _("Untitled study");
}

int
kt_project_n_years (KtProject *self)
{
  g_return_val_if_fail (KT_IS_PROJECT (self), 0);
  return self->data.construction_years + self->data.operation_years;
}

void
kt_project_set_source_lines (KtProject  *self,
                             GHashTable *lines)
{
  g_clear_pointer (&self->source_lines, g_hash_table_unref);
  self->source_lines = lines ? g_hash_table_ref (lines) : NULL;
}

int
kt_project_get_source_line (KtProject  *self,
                            const char *where)
{
  g_return_val_if_fail (KT_IS_PROJECT (self), 0);
  if (self->source_lines == NULL || where == NULL)
    return 0;
  /* Fall back to the nearest enclosing element: a missing field is reported
   * where its parent starts. */
  g_autofree char *path = g_strdup (where);
  for (;;)
    {
      gpointer line = g_hash_table_lookup (self->source_lines, path);
      if (line != NULL)
        return GPOINTER_TO_INT (line);
      char *slash = strrchr (path, '/');
      if (slash == NULL)
        return GPOINTER_TO_INT (g_hash_table_lookup (self->source_lines, ""));
      *slash = '\0';
    }
}
