/* kt-edit.c — undoable edits of a project document, addressed by schema paths
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kt-edit.h"

G_DEFINE_QUARK (kt-edit-error-quark, kt_edit_error)

/* ---- paths ---- */

static const KtFieldDesc *
find_direct (const KtRecordDesc *desc,
             const char         *name)
{
  for (int i = 0; i < desc->n_fields; i++)
    if (strcmp (desc->fields[i].name, name) == 0)
      return &desc->fields[i];
  return NULL;
}

/* "3" → 2; anything else → -1. */
static int
parse_row (const char *segment)
{
  char *end = NULL;
  guint64 n;

  if (segment == NULL || !g_ascii_isdigit (segment[0]))
    return -1;
  n = g_ascii_strtoull (segment, &end, 10);
  if (*end != '\0' || n == 0 || n > G_MAXINT)
    return -1;
  return (int) n - 1;
}

gboolean
kt_path_resolve (KtProjectData *data,
                 const char    *path,
                 KtPathTarget  *target,
                 GError       **error)
{
  g_auto(GStrv) parts = NULL;
  const KtRecordDesc *desc = kt_schema_project ();
  gpointer base = data;
  guint n;

  g_return_val_if_fail (data != NULL && path != NULL && target != NULL, FALSE);

  parts = g_strsplit (path, "/", -1);
  n = g_strv_length (parts);
  for (guint i = 0; i < n; i++)
    {
      const KtFieldDesc *f = find_direct (desc, parts[i]);
      gboolean last = i + 1 == n;

      if (f == NULL)
        break;
      switch (f->type)
        {
        case KT_FT_GROUP:
          if (last)
            goto found_whole;
          desc = f->record;
          continue;
        case KT_FT_RECORD:
          if (last)
            goto found_whole;
          base = kt_field_ptr (f, base);
          desc = f->record;
          continue;
        case KT_FT_LIST:
          if (last)
            goto found_whole;
          {
            GArray *list = *(GArray **) kt_field_ptr (f, base);
            int row = parse_row (parts[i + 1]);

            if (row < 0 || list == NULL || (guint) row >= list->len)
              goto not_found;
            base = list->data + (gsize) row * f->record->size;
            desc = f->record;
            i++;
            if (i + 1 == n)
              goto not_found;  /* a row is not a value */
          }
          continue;
        case KT_FT_TEXT:
          if (last)
            goto found_whole;
          if (i + 2 != n || (strcmp (parts[i + 1], "vi") != 0 && strcmp (parts[i + 1], "en") != 0))
            goto not_found;
          target->field = f;
          target->base = base;
          target->index = -1;
          target->lang = strcmp (parts[i + 1], "vi") == 0 ? "vi" : "en";
          return TRUE;
        case KT_FT_DOUBLES:
        case KT_FT_INTS:
          if (last)
            goto found_whole;
          {
            int index = parse_row (parts[i + 1]);

            if (index < 0 || i + 2 != n || index > 10000)
              goto not_found;
            target->field = f;
            target->base = base;
            target->index = index;
            target->lang = NULL;
            return TRUE;
          }
        default:
          if (!last)
            goto not_found;
        found_whole:
          target->field = f;
          target->base = base;
          target->index = -1;
          target->lang = NULL;
          return TRUE;
        }
    }

not_found:
  g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_PATH, _("There is no field “%s”"), path);
  return FALSE;
}

char *
kt_path_section (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", 3);

  if (parts[0] == NULL)
    return g_strdup ("");
  if (parts[1] == NULL)
    return g_strdup (parts[0]);
  return g_strdup_printf ("%s/%s", parts[0], parts[1]);
}

GVariant *
kt_path_get (KtProjectData *data,
             const char    *path,
             GError       **error)
{
  KtPathTarget t;
  gpointer p;

  if (!kt_path_resolve (data, path, &t, error))
    return NULL;
  p = kt_field_ptr (t.field, t.base);
  switch (t.field->type)
    {
    case KT_FT_STRING:
      return g_variant_new_string (*(char **) p ? *(char **) p : "");
    case KT_FT_TEXT:
      {
        KtText *text = p;

        if (t.lang == NULL)
          return g_variant_new ("(ss)", text->vi ? text->vi : "", text->en ? text->en : "");
        if (strcmp (t.lang, "vi") == 0)
          return g_variant_new_string (text->vi ? text->vi : "");
        return g_variant_new_string (text->en ? text->en : "");
      }
    case KT_FT_DOUBLE:
      return g_variant_new_double (*(double *) p);
    case KT_FT_INT:
    case KT_FT_ENUM:
      return g_variant_new_int32 (*(int *) p);
    case KT_FT_UINT64:
      return g_variant_new_uint64 (*(guint64 *) p);
    case KT_FT_BOOL:
      return g_variant_new_boolean (*(gboolean *) p);
    case KT_FT_DOUBLES:
      {
        GArray *a = *(GArray **) p;

        if (t.index >= 0)
          return g_variant_new_double (a != NULL && (guint) t.index < a->len
                                       ? g_array_index (a, double, t.index) : 0.0);
        return g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, a ? a->data : NULL,
                                          a ? a->len : 0, sizeof (double));
      }
    case KT_FT_INTS:
      {
        GArray *a = *(GArray **) p;

        if (t.index >= 0)
          return g_variant_new_int32 (a != NULL && (guint) t.index < a->len
                                      ? g_array_index (a, int, t.index) : 0);
        return g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, a ? a->data : NULL,
                                          a ? a->len : 0, sizeof (int));
      }
    default:
      g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_TYPE,
                   _("“%s” is a section, not a value"), path);
      return NULL;
    }
}

static gboolean
check_type (GVariant           *value,
            const GVariantType *type,
            const char         *path,
            GError            **error)
{
  if (g_variant_is_of_type (value, type))
    return TRUE;
  g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_TYPE, _("Wrong kind of value for “%s”"), path);
  return FALSE;
}

static gboolean
check_range (const KtFieldDesc *f,
             double             x,
             GError           **error)
{
  if (isfinite (x) && x >= f->min && x <= f->max)
    return TRUE;
  if (!isfinite (x))
    g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_RANGE, _("Enter a number"));
  else
    g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_RANGE, _("Allowed: %g … %g"), f->min, f->max);
  return FALSE;
}

static void
set_string (char       **slot,
            const char  *text)
{
  g_free (*slot);
  *slot = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

gboolean
kt_path_set (KtProjectData *data,
             const char    *path,
             GVariant      *value,
             GError       **error)
{
  KtPathTarget t;
  const KtFieldDesc *f;
  gpointer p;

  g_return_val_if_fail (value != NULL, FALSE);
  if (!kt_path_resolve (data, path, &t, error))
    return FALSE;
  f = t.field;
  p = kt_field_ptr (f, t.base);
  switch (f->type)
    {
    case KT_FT_STRING:
      if (!check_type (value, G_VARIANT_TYPE_STRING, path, error))
        return FALSE;
      set_string (p, g_variant_get_string (value, NULL));
      return TRUE;
    case KT_FT_TEXT:
      {
        KtText *text = p;

        if (t.lang == NULL)
          {
            const char *vi, *en;

            if (!check_type (value, G_VARIANT_TYPE ("(ss)"), path, error))
              return FALSE;
            g_variant_get (value, "(&s&s)", &vi, &en);
            set_string (&text->vi, vi);
            set_string (&text->en, en);
            return TRUE;
          }
        if (!check_type (value, G_VARIANT_TYPE_STRING, path, error))
          return FALSE;
        set_string (strcmp (t.lang, "vi") == 0 ? &text->vi : &text->en,
                    g_variant_get_string (value, NULL));
        return TRUE;
      }
    case KT_FT_DOUBLE:
      if (!check_type (value, G_VARIANT_TYPE_DOUBLE, path, error)
          || !check_range (f, g_variant_get_double (value), error))
        return FALSE;
      *(double *) p = g_variant_get_double (value);
      return TRUE;
    case KT_FT_INT:
      if (!check_type (value, G_VARIANT_TYPE_INT32, path, error)
          || !check_range (f, g_variant_get_int32 (value), error))
        return FALSE;
      *(int *) p = g_variant_get_int32 (value);
      return TRUE;
    case KT_FT_ENUM:
      if (!check_type (value, G_VARIANT_TYPE_INT32, path, error))
        return FALSE;
      if (g_variant_get_int32 (value) < 0 || g_variant_get_int32 (value) >= f->enum_info->n_entries)
        {
          g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_RANGE, _("Not a choice of “%s”"), path);
          return FALSE;
        }
      *(int *) p = g_variant_get_int32 (value);
      return TRUE;
    case KT_FT_UINT64:
      if (!check_type (value, G_VARIANT_TYPE_UINT64, path, error))
        return FALSE;
      *(guint64 *) p = g_variant_get_uint64 (value);
      return TRUE;
    case KT_FT_BOOL:
      if (!check_type (value, G_VARIANT_TYPE_BOOLEAN, path, error))
        return FALSE;
      *(gboolean *) p = g_variant_get_boolean (value);
      return TRUE;
    case KT_FT_DOUBLES:
    case KT_FT_INTS:
      {
        gboolean dbl = f->type == KT_FT_DOUBLES;
        gsize size = dbl ? sizeof (double) : sizeof (int);
        GArray **slot = p;

        if (*slot == NULL)
          *slot = g_array_new (FALSE, TRUE, size);
        if (t.index >= 0)
          {
            double x;

            if (!check_type (value, dbl ? G_VARIANT_TYPE_DOUBLE : G_VARIANT_TYPE_INT32, path, error))
              return FALSE;
            x = dbl ? g_variant_get_double (value) : g_variant_get_int32 (value);
            if (!check_range (f, x, error))
              return FALSE;
            if ((guint) t.index >= (*slot)->len)
              g_array_set_size (*slot, t.index + 1);
            if (dbl)
              g_array_index (*slot, double, t.index) = x;
            else
              g_array_index (*slot, int, t.index) = (int) x;
            return TRUE;
          }
        else
          {
            gsize n = 0;
            gconstpointer elements;

            if (!check_type (value, dbl ? G_VARIANT_TYPE ("ad") : G_VARIANT_TYPE ("ai"), path, error))
              return FALSE;
            elements = g_variant_get_fixed_array (value, &n, size);
            for (gsize i = 0; i < n; i++)
              if (!check_range (f, dbl ? ((const double *) elements)[i]
                                       : ((const int *) elements)[i], error))
                return FALSE;
            g_array_set_size (*slot, 0);
            if (n > 0)
              g_array_append_vals (*slot, elements, n);
            return TRUE;
          }
      }
    default:
      g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_TYPE,
                   _("“%s” is a section, not a value"), path);
      return FALSE;
    }
}

/* ---- commands ---- */

typedef enum { CMD_VALUE, CMD_LIST, CMD_GROUP } CmdKind;

typedef struct {
  CmdKind             kind;
  char               *path;
  GVariant           *old_value;
  GVariant           *new_value;
  const KtRecordDesc *desc;       /* CMD_LIST */
  GArray             *old_list;
  GArray             *new_list;
  GPtrArray          *children;   /* CMD_GROUP */
  gboolean            sealed;
  guint64             serial;
} Cmd;

static GArray *
list_dup (const KtRecordDesc *desc,
          GArray             *src)
{
  GArray *dest = kt_list_new (desc);

  g_array_set_size (dest, src->len);
  for (guint j = 0; j < src->len; j++)
    kt_record_copy (desc, dest->data + (gsize) j * desc->size, src->data + (gsize) j * desc->size);
  return dest;
}

static void
list_free (const KtRecordDesc *desc,
           GArray             *list)
{
  if (list == NULL)
    return;
  for (guint j = 0; j < list->len; j++)
    kt_record_clear (desc, list->data + (gsize) j * desc->size);
  g_array_unref (list);
}

static void
cmd_free (Cmd *cmd)
{
  g_free (cmd->path);
  g_clear_pointer (&cmd->old_value, g_variant_unref);
  g_clear_pointer (&cmd->new_value, g_variant_unref);
  list_free (cmd->desc, cmd->old_list);
  list_free (cmd->desc, cmd->new_list);
  g_clear_pointer (&cmd->children, g_ptr_array_unref);
  g_free (cmd);
}

struct _KtEditStack
{
  GObject     parent_instance;

  KtProject  *project;
  GPtrArray  *undo;        /* Cmd*, oldest first */
  GPtrArray  *redo;        /* Cmd*, next to redo last */
  Cmd        *group;       /* being collected */
  int         group_depth;
  guint64     next_serial;
  guint64     saved_serial; /* serial of the top undo command when saved; 0 = empty */
  gboolean    saved_lost;   /* the saved state can no longer be reached */
  char       *last_path;
  int         quiet;        /* inside a group: one ::changed at its end */
  char       *pending;      /* the first path changed while quiet */
  gboolean    can_undo, can_redo, dirty;
};

G_DEFINE_FINAL_TYPE (KtEditStack, kt_edit_stack, G_TYPE_OBJECT)

enum { PROP_0, PROP_CAN_UNDO, PROP_CAN_REDO, PROP_DIRTY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static guint64
top_serial (KtEditStack *self)
{
  return self->undo->len > 0 ? ((Cmd *) g_ptr_array_index (self->undo, self->undo->len - 1))->serial : 0;
}

static void
update_state (KtEditStack *self)
{
  gboolean can_undo = self->undo->len > 0;
  gboolean can_redo = self->redo->len > 0;
  gboolean dirty = self->saved_lost || top_serial (self) != self->saved_serial;

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static void
clear_redo (KtEditStack *self)
{
  for (guint i = 0; i < self->redo->len; i++)
    if (((Cmd *) g_ptr_array_index (self->redo, i))->serial == self->saved_serial
        && self->saved_serial != 0)
      self->saved_lost = TRUE;
  g_ptr_array_set_size (self->redo, 0);
}

static void
push (KtEditStack *self,
      Cmd         *cmd)
{
  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->children, cmd);
      return;
    }
  /* The saved state lay in the redo history: it is gone now. */
  clear_redo (self);
  cmd->serial = ++self->next_serial;
  g_ptr_array_add (self->undo, cmd);
  update_state (self);
}

static void
notify_path (KtEditStack *self,
             const char  *path)
{
  g_free (self->last_path);
  self->last_path = g_strdup (path);
  /* A paste of a hundred cells is one change for the views, not a hundred. */
  if (self->quiet > 0)
    {
      if (self->pending == NULL)
        self->pending = g_strdup (path);
      return;
    }
  kt_project_changed (self->project, path);
}

static void
begin_quiet (KtEditStack *self)
{
  self->quiet++;
}

static void
end_quiet (KtEditStack *self)
{
  g_autofree char *path = NULL;

  if (--self->quiet > 0 || self->pending == NULL)
    return;
  path = g_steal_pointer (&self->pending);
  kt_project_changed (self->project, path);
}

static GArray **
list_slot (KtEditStack         *self,
           const char          *list_path,
           const KtRecordDesc **desc,
           GError             **error)
{
  KtPathTarget t;

  if (!kt_path_resolve (kt_project_edit_data (self->project), list_path, &t, error))
    return NULL;
  if (t.field->type != KT_FT_LIST)
    {
      g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_TYPE, _("“%s” is not a list"), list_path);
      return NULL;
    }
  *desc = t.field->record;
  return kt_field_ptr (t.field, t.base);
}

static void
list_replace (const KtRecordDesc *desc,
              GArray             *list,
              GArray             *from)
{
  for (guint j = 0; j < list->len; j++)
    kt_record_clear (desc, list->data + (gsize) j * desc->size);
  g_array_set_size (list, from->len);
  for (guint j = 0; j < from->len; j++)
    kt_record_copy (desc, list->data + (gsize) j * desc->size, from->data + (gsize) j * desc->size);
}

static void
apply (KtEditStack *self,
       Cmd         *cmd,
       gboolean     forward)
{
  switch (cmd->kind)
    {
    case CMD_VALUE:
      if (!kt_path_set (kt_project_edit_data (self->project), cmd->path,
                        forward ? cmd->new_value : cmd->old_value, NULL))
        g_warning ("Cannot replay the edit of %s", cmd->path);
      notify_path (self, cmd->path);
      break;
    case CMD_LIST:
      {
        const KtRecordDesc *desc;
        GArray **slot = list_slot (self, cmd->path, &desc, NULL);

        if (slot != NULL)
          list_replace (desc, *slot, forward ? cmd->new_list : cmd->old_list);
        notify_path (self, cmd->path);
      }
      break;
    case CMD_GROUP:
      begin_quiet (self);
      if (forward)
        for (guint i = 0; i < cmd->children->len; i++)
          apply (self, g_ptr_array_index (cmd->children, i), TRUE);
      else
        for (guint i = cmd->children->len; i > 0; i--)
          apply (self, g_ptr_array_index (cmd->children, i - 1), FALSE);
      end_quiet (self);
      break;
    }
}

gboolean
kt_edit_stack_set (KtEditStack *self,
                   const char  *path,
                   GVariant    *value,
                   gboolean     coalesce,
                   GError     **error)
{
  g_autoptr(GVariant) sunk = g_variant_ref_sink (value);
  g_autoptr(GVariant) old = NULL;
  KtProjectData *data;
  Cmd *top = NULL;

  g_return_val_if_fail (KT_IS_EDIT_STACK (self), FALSE);
  data = kt_project_edit_data (self->project);
  old = kt_path_get (data, path, error);
  if (old == NULL)
    return FALSE;
  if (g_variant_equal (old, sunk))
    return TRUE;
  if (!kt_path_set (data, path, sunk, error))
    return FALSE;

  if (self->group != NULL && self->group->children->len > 0)
    top = g_ptr_array_index (self->group->children, self->group->children->len - 1);
  else if (self->group == NULL && self->undo->len > 0 && self->redo->len == 0)
    top = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (coalesce && top != NULL && top->kind == CMD_VALUE && !top->sealed
      && strcmp (top->path, path) == 0)
    {
      g_variant_unref (top->new_value);
      top->new_value = g_variant_ref (sunk);
      /* Typing back to the saved value is not a change. */
      if (g_variant_equal (top->old_value, top->new_value) && self->group == NULL)
        {
          g_ptr_array_remove_index (self->undo, self->undo->len - 1);
        }
      update_state (self);
    }
  else
    {
      Cmd *cmd = g_new0 (Cmd, 1);

      cmd->kind = CMD_VALUE;
      cmd->path = g_strdup (path);
      cmd->old_value = g_steal_pointer (&old);
      cmd->new_value = g_variant_ref (sunk);
      cmd->sealed = !coalesce;
      push (self, cmd);
    }
  notify_path (self, path);
  return TRUE;
}

typedef enum { LIST_APPEND, LIST_REMOVE, LIST_MOVE } ListOp;

static gboolean
list_edit (KtEditStack *self,
           const char  *list_path,
           ListOp       op,
           guint        a,
           guint        b,
           GError     **error)
{
  const KtRecordDesc *desc;
  GArray **slot = list_slot (self, list_path, &desc, error);
  Cmd *cmd;

  if (slot == NULL)
    return FALSE;
  if ((op == LIST_REMOVE && a >= (*slot)->len)
      || (op == LIST_MOVE && (a >= (*slot)->len || b >= (*slot)->len)))
    {
      g_set_error (error, KT_EDIT_ERROR, KT_EDIT_ERROR_PATH, _("There is no row %u in “%s”"),
                   MAX (a, b) + 1, list_path);
      return FALSE;
    }
  if (op == LIST_MOVE && a == b)
    return TRUE;

  cmd = g_new0 (Cmd, 1);
  cmd->kind = CMD_LIST;
  cmd->path = g_strdup (list_path);
  cmd->desc = desc;
  cmd->old_list = list_dup (desc, *slot);
  switch (op)
    {
    case LIST_APPEND:
      kt_list_append (*slot, desc);
      break;
    case LIST_REMOVE:
      kt_list_remove (*slot, desc, a);
      break;
    case LIST_MOVE:
      {
        g_autofree guint8 *row = g_memdup2 ((*slot)->data + (gsize) a * desc->size, desc->size);

        /* Rows move as raw bytes: ownership of their strings and arrays goes with them. */
        g_array_remove_index (*slot, a);
        g_array_insert_vals (*slot, b, row, 1);
      }
      break;
    }
  cmd->new_list = list_dup (desc, *slot);
  cmd->sealed = TRUE;
  push (self, cmd);
  notify_path (self, list_path);
  return TRUE;
}

gboolean
kt_edit_stack_list_append (KtEditStack *self,
                           const char  *list_path,
                           GError     **error)
{
  g_return_val_if_fail (KT_IS_EDIT_STACK (self), FALSE);
  return list_edit (self, list_path, LIST_APPEND, 0, 0, error);
}

gboolean
kt_edit_stack_list_remove (KtEditStack *self,
                           const char  *list_path,
                           guint        index,
                           GError     **error)
{
  g_return_val_if_fail (KT_IS_EDIT_STACK (self), FALSE);
  return list_edit (self, list_path, LIST_REMOVE, index, index, error);
}

gboolean
kt_edit_stack_list_move (KtEditStack *self,
                         const char  *list_path,
                         guint        from,
                         guint        to,
                         GError     **error)
{
  g_return_val_if_fail (KT_IS_EDIT_STACK (self), FALSE);
  return list_edit (self, list_path, LIST_MOVE, from, to, error);
}

void
kt_edit_stack_begin_group (KtEditStack *self,
                           const char  *label)
{
  g_return_if_fail (KT_IS_EDIT_STACK (self));
  if (self->group_depth++ > 0)
    return;
  kt_edit_stack_seal (self);
  begin_quiet (self);
  self->group = g_new0 (Cmd, 1);
  self->group->kind = CMD_GROUP;
  self->group->path = g_strdup (label ? label : "");
  self->group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) cmd_free);
  self->group->sealed = TRUE;
}

void
kt_edit_stack_end_group (KtEditStack *self)
{
  Cmd *group;

  g_return_if_fail (KT_IS_EDIT_STACK (self));
  g_return_if_fail (self->group_depth > 0);
  if (--self->group_depth > 0)
    return;
  group = g_steal_pointer (&self->group);
  end_quiet (self);
  if (group->children->len == 0)
    {
      cmd_free (group);
      return;
    }
  for (guint i = 0; i < group->children->len; i++)
    ((Cmd *) g_ptr_array_index (group->children, i))->sealed = TRUE;
  push (self, group);
}

void
kt_edit_stack_seal (KtEditStack *self)
{
  g_return_if_fail (KT_IS_EDIT_STACK (self));
  if (self->undo->len > 0)
    ((Cmd *) g_ptr_array_index (self->undo, self->undo->len - 1))->sealed = TRUE;
}

gboolean
kt_edit_stack_can_undo (KtEditStack *self)
{
  g_return_val_if_fail (KT_IS_EDIT_STACK (self), FALSE);
  return self->undo->len > 0;
}

gboolean
kt_edit_stack_can_redo (KtEditStack *self)
{
  g_return_val_if_fail (KT_IS_EDIT_STACK (self), FALSE);
  return self->redo->len > 0;
}

gboolean
kt_edit_stack_undo (KtEditStack *self)
{
  Cmd *cmd;

  g_return_val_if_fail (KT_IS_EDIT_STACK (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);
  if (self->undo->len == 0)
    return FALSE;
  cmd = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  cmd->sealed = TRUE;
  g_ptr_array_add (self->redo, cmd);
  apply (self, cmd, FALSE);
  update_state (self);
  return TRUE;
}

gboolean
kt_edit_stack_redo (KtEditStack *self)
{
  Cmd *cmd;

  g_return_val_if_fail (KT_IS_EDIT_STACK (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);
  if (self->redo->len == 0)
    return FALSE;
  cmd = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, cmd);
  apply (self, cmd, TRUE);
  update_state (self);
  return TRUE;
}

const char *
kt_edit_stack_get_last_path (KtEditStack *self)
{
  g_return_val_if_fail (KT_IS_EDIT_STACK (self), NULL);
  return self->last_path;
}

void
kt_edit_stack_mark_saved (KtEditStack *self)
{
  g_return_if_fail (KT_IS_EDIT_STACK (self));
  kt_edit_stack_seal (self);
  self->saved_serial = top_serial (self);
  self->saved_lost = FALSE;
  update_state (self);
}

gboolean
kt_edit_stack_is_dirty (KtEditStack *self)
{
  g_return_val_if_fail (KT_IS_EDIT_STACK (self), FALSE);
  return self->dirty;
}

void
kt_edit_stack_clear (KtEditStack *self)
{
  g_return_if_fail (KT_IS_EDIT_STACK (self));
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_serial = 0;
  self->saved_lost = FALSE;
  update_state (self);
}

KtProject *
kt_edit_stack_get_project (KtEditStack *self)
{
  g_return_val_if_fail (KT_IS_EDIT_STACK (self), NULL);
  return self->project;
}

static void
kt_edit_stack_finalize (GObject *object)
{
  KtEditStack *self = KT_EDIT_STACK (object);

  g_clear_pointer (&self->group, cmd_free);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_object (&self->project);
  g_free (self->last_path);
  g_free (self->pending);
  G_OBJECT_CLASS (kt_edit_stack_parent_class)->finalize (object);
}

static void
kt_edit_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KtEditStack *self = KT_EDIT_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_edit_stack_class_init (KtEditStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_edit_stack_finalize;
  object_class->get_property = kt_edit_stack_get_property;
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kt_edit_stack_init (KtEditStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) cmd_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) cmd_free);
}

KtEditStack *
kt_edit_stack_new (KtProject *project)
{
  KtEditStack *self;

  g_return_val_if_fail (KT_IS_PROJECT (project), NULL);
  self = g_object_new (KT_TYPE_EDIT_STACK, NULL);
  self->project = g_object_ref (project);
  return self;
}
