/* kt-editor.c — what the views of one study share: the edit stack, problems, units, fields
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kt-application.h"
#include "kt-editor.h"
#include "kt-format.h"
#include "kt-rules.h"
#include "kt-validate.h"

struct _KtEditor
{
  GObject      parent_instance;

  KtProject   *project;
  KtEditStack *stack;
  GSettings   *settings;
  KtRuleSet   *rules;          /* loaded once; NULL: validation reports why */
  char        *rules_id;
  GPtrArray   *problems;
  GHashTable  *problem_at;     /* path → KtProblem* (worst) */
  GHashTable  *fields;         /* path → GtkWidget* (not owned) */
  GHashTable  *assumptions;    /* set of paths */
};

G_DEFINE_FINAL_TYPE (KtEditor, kt_editor, G_TYPE_OBJECT)

enum { REFRESH, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
validate (KtEditor *self)
{
  const KtProjectData *d = kt_project_get_data (self->project);

  if (g_strcmp0 (self->rules_id, d->rule_set) != 0)
    {
      g_clear_pointer (&self->rules, kt_rule_set_free);
      g_free (self->rules_id);
      self->rules_id = g_strdup (d->rule_set);
      if (d->rule_set != NULL)
        self->rules = kt_rule_set_load_by_id (d->rule_set, NULL);
    }
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = kt_project_validate (self->project, self->rules);
  g_hash_table_remove_all (self->problem_at);
  for (guint i = 0; i < self->problems->len; i++)
    {
      KtProblem *p = g_ptr_array_index (self->problems, i);
      KtProblem *old = g_hash_table_lookup (self->problem_at, p->where);

      if (old == NULL || old->severity < p->severity)
        g_hash_table_insert (self->problem_at, p->where, p);
    }
}

static void
project_changed_cb (KtProject  *project,
                    const char *path,
                    KtEditor   *self)
{
  validate (self);
  g_signal_emit (self, signals[REFRESH], 0, path);
}

static void
settings_changed_cb (GSettings  *settings,
                     const char *key,
                     KtEditor   *self)
{
  g_signal_emit (self, signals[REFRESH], 0, "");
}

static void
kt_editor_dispose (GObject *object)
{
  KtEditor *self = KT_EDITOR (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->stack);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (kt_editor_parent_class)->dispose (object);
}

static void
kt_editor_finalize (GObject *object)
{
  KtEditor *self = KT_EDITOR (object);
  g_hash_table_unref (self->fields);
  g_hash_table_unref (self->problem_at);
  g_hash_table_unref (self->assumptions);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->rules, kt_rule_set_free);
  g_free (self->rules_id);
  G_OBJECT_CLASS (kt_editor_parent_class)->finalize (object);
}

static void
kt_editor_class_init (KtEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_editor_dispose;
  object_class->finalize = kt_editor_finalize;
  signals[REFRESH] = g_signal_new ("refresh", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
kt_editor_init (KtEditor *self)
{
  self->problem_at = g_hash_table_new (g_str_hash, g_str_equal);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->assumptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

KtEditor *
kt_editor_new (KtProject *project,
               GSettings *settings)
{
  KtEditor *self = g_object_new (KT_TYPE_EDITOR, NULL);

  self->project = g_object_ref (project);
  self->settings = g_object_ref (settings);
  self->stack = kt_edit_stack_new (project);
  g_signal_connect (project, "changed", G_CALLBACK (project_changed_cb), self);
  g_signal_connect (settings, "changed::money-unit", G_CALLBACK (settings_changed_cb), self);
  validate (self);
  return self;
}

KtProject *
kt_editor_get_project (KtEditor *self)
{
  return self->project;
}

KtEditStack *
kt_editor_get_stack (KtEditor *self)
{
  return self->stack;
}

GSettings *
kt_editor_get_settings (KtEditor *self)
{
  return self->settings;
}

gboolean
kt_editor_set (KtEditor    *self,
               const char  *path,
               GVariant    *value,
               gboolean     coalesce,
               GError     **error)
{
  g_return_val_if_fail (KT_IS_EDITOR (self), FALSE);
  g_hash_table_remove (self->assumptions, path);
  return kt_edit_stack_set (self->stack, path, value, coalesce, error);
}

GPtrArray *
kt_editor_get_problems (KtEditor *self)
{
  return self->problems;
}

const KtProblem *
kt_editor_problem_at (KtEditor   *self,
                      const char *path)
{
  return g_hash_table_lookup (self->problem_at, path);
}

static KtMoneyUnit
money_unit (KtEditor *self)
{
  return kt_money_unit_from_settings (self->settings);
}

static double
money_factor (KtEditor *self)
{
  switch (money_unit (self))
    {
    case KT_MONEY_DONG:
      return 1.0;
    case KT_MONEY_MILLION:
      return 1e6;
    default:
      return 1e9;
    }
}

/* Up to `decimals`, trailing zeros and a bare decimal mark cut. */
static char *
format_trimmed (double value,
                int    decimals,
                KtLang lang)
{
  char *text = kt_format_number (value, decimals, lang);
  char mark = lang == KT_LANG_VI ? ',' : '.';
  char *dot = strrchr (text, mark);

  if (dot != NULL && decimals > 0)
    {
      char *end = text + strlen (text) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  return text;
}

char *
kt_editor_format_number (KtEditor          *self,
                         const KtFieldDesc *field,
                         double             value)
{
  KtLang lang = kt_lang_current ();

  switch (field->unit)
    {
    case KT_UNIT_VND:
      if (money_unit (self) == KT_MONEY_DONG)
        return kt_format_money (value, KT_MONEY_DONG, FALSE, lang);
      /* More than the report's 2 decimals, so that what is shown reads back exactly
       * in most cases; whole đồng are the limit. */
      return format_trimmed (value / money_factor (self),
                             money_unit (self) == KT_MONEY_MILLION ? 6 : 9, lang);
    case KT_UNIT_RATE:
    case KT_UNIT_SHARE:
      return format_trimmed (value * 100.0, 6, lang);
    case KT_UNIT_YEAR:
      return g_strdup_printf ("%.0f", value);
    default:
      return format_trimmed (value, 6, lang);
    }
}

gboolean
kt_editor_parse_number (KtEditor          *self,
                        const KtFieldDesc *field,
                        const char        *text,
                        double            *value)
{
  double x;

  if (!kt_parse_number (text, kt_lang_current (), &x))
    return FALSE;
  switch (field->unit)
    {
    case KT_UNIT_VND:
      x = round (x * money_factor (self));
      break;
    case KT_UNIT_RATE:
    case KT_UNIT_SHARE:
      if (strchr (text, '%') == NULL)
        x /= 100.0;
      break;
    default:
      break;
    }
  *value = x == 0.0 ? 0.0 : x;
  return TRUE;
}

const char *
kt_editor_unit_label (KtEditor          *self,
                      const KtFieldDesc *field)
{
  switch (field->unit)
    {
    case KT_UNIT_VND:
      switch (money_unit (self))
        {
        case KT_MONEY_DONG:
          return "₫";
        case KT_MONEY_MILLION:
          return _("million ₫");
        default:
          return _("billion ₫");
        }
    case KT_UNIT_RATE:
      /* xgettext:no-c-format */
      return _("% a year");
    case KT_UNIT_SHARE:
      return "%";
    case KT_UNIT_YEARS:
      return _("years");
    case KT_UNIT_DAYS:
      return _("days");
    case KT_UNIT_FACTOR:
      return "×";
    default:
      return "";
    }
}

void
kt_editor_register_field (KtEditor   *self,
                          const char *path,
                          GtkWidget  *widget)
{
  /* Form rows live as long as the window, which owns the editor; tables,
   * which may go sooner, unregister. */
  g_hash_table_insert (self->fields, g_strdup (path), widget);
}

void
kt_editor_unregister_field (KtEditor   *self,
                            const char *path,
                            GtkWidget  *widget)
{
  if (g_hash_table_lookup (self->fields, path) == widget)
    g_hash_table_remove (self->fields, path);
}

GtkWidget *
kt_editor_lookup_field (KtEditor   *self,
                        const char *path)
{
  GtkWidget *widget = g_hash_table_lookup (self->fields, path);

  /* Forms live as long as the window; rows of tables are looked up there. */
  return widget != NULL && gtk_widget_get_root (widget) != NULL ? widget : NULL;
}

void
kt_editor_add_assumption (KtEditor   *self,
                          const char *path)
{
  g_hash_table_add (self->assumptions, g_strdup (path));
}

gboolean
kt_editor_is_assumption (KtEditor   *self,
                         const char *path)
{
  return g_hash_table_contains (self->assumptions, path);
}

guint
kt_editor_n_assumptions (KtEditor *self)
{
  return g_hash_table_size (self->assumptions);
}
