/* kt-edit.h — undoable edits of a project document, addressed by schema paths
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change the editor makes goes through a KtEditStack: a value set at a
 * path ("investment/capex/2/amounts/1", "identity/name/vi") or a list replaced
 * as a whole (rows added, removed, moved).  Each command keeps the old and new
 * values, so undo and redo are exact and need no GTK.  Paths are the ones
 * kt_project_validate() reports: group names included, 1-based rows.
 */
#pragma once

#include <glib-object.h>

#include "kt-project.h"
#include "kt-schema.h"

G_BEGIN_DECLS

#define KT_EDIT_ERROR (kt_edit_error_quark ())
GQuark kt_edit_error_quark (void);

typedef enum {
  KT_EDIT_ERROR_PATH,    /* no such field or row */
  KT_EDIT_ERROR_TYPE,    /* the value does not fit the field */
  KT_EDIT_ERROR_RANGE,   /* outside the schema's bounds */
} KtEditError;

/* Where a path leads: the field, the struct holding it, and for an element of
 * a DOUBLES/INTS array or a language of a TEXT, which one. */
typedef struct {
  const KtFieldDesc *field;
  gpointer           base;     /* the struct `field` is a member of */
  int                index;    /* 0-based array element, -1 for the whole field */
  const char        *lang;     /* "vi"/"en" for TEXT, else NULL */
} KtPathTarget;

gboolean  kt_path_resolve      (KtProjectData *data,
                                const char    *path,
                                KtPathTarget  *target,
                                GError       **error);
/* The value at a path as a GVariant: "s" for STRING and a TEXT language,
 * "(ss)" for a whole TEXT, "d", "i" (INT, ENUM), "t", "b", "ad", "ai", "d"/"i"
 * for an array element.  NULL (with error) if the path leads nowhere or to a
 * GROUP/RECORD/LIST. */
GVariant *kt_path_get          (KtProjectData *data,
                                const char    *path,
                                GError       **error);
/* Writes without recording; an element past the end of an array grows it
 * with zeros.  Checks the type and the schema's min/max. */
gboolean  kt_path_set          (KtProjectData *data,
                                const char    *path,
                                GVariant      *value,
                                GError       **error);
/* The first two segments, the section a view listens to ("investment/capex"). */
char     *kt_path_section      (const char    *path);

#define KT_TYPE_EDIT_STACK (kt_edit_stack_get_type ())
G_DECLARE_FINAL_TYPE (KtEditStack, kt_edit_stack, KT, EDIT_STACK, GObject)

/* Properties "can-undo", "can-redo", "dirty" (changed since the last
 * kt_edit_stack_mark_saved()); notified on change. */
KtEditStack *kt_edit_stack_new        (KtProject    *project);
KtProject   *kt_edit_stack_get_project (KtEditStack *self);
/* Sets a value and records it.  With `coalesce`, a set of the same path as the
 * last command, before kt_edit_stack_seal(), merges into it (typing in one
 * field is one undo step).  Setting the value already there records nothing. */
gboolean     kt_edit_stack_set        (KtEditStack  *self,
                                       const char   *path,
                                       GVariant     *value,
                                       gboolean      coalesce,
                                       GError      **error);
/* List edits: the row operations record the whole list before and after. */
gboolean     kt_edit_stack_list_append (KtEditStack *self,
                                        const char  *list_path,
                                        GError     **error);
gboolean     kt_edit_stack_list_remove (KtEditStack *self,
                                        const char  *list_path,
                                        guint        index,
                                        GError     **error);
gboolean     kt_edit_stack_list_move   (KtEditStack *self,
                                        const char  *list_path,
                                        guint        from,
                                        guint        to,
                                        GError     **error);
/* Several edits as one undo step (a paste, a CSV import, an assistant). */
void         kt_edit_stack_begin_group (KtEditStack *self,
                                        const char  *label);
void         kt_edit_stack_end_group   (KtEditStack *self);
/* Ends coalescing: the next set is a new step. */
void         kt_edit_stack_seal        (KtEditStack *self);
gboolean     kt_edit_stack_can_undo    (KtEditStack *self);
gboolean     kt_edit_stack_can_redo    (KtEditStack *self);
gboolean     kt_edit_stack_undo        (KtEditStack *self);
gboolean     kt_edit_stack_redo        (KtEditStack *self);
/* The path the last undo or redo touched (to show the field), or NULL. */
const char  *kt_edit_stack_get_last_path (KtEditStack *self);
void         kt_edit_stack_mark_saved  (KtEditStack *self);
gboolean     kt_edit_stack_is_dirty    (KtEditStack *self);
/* Forgets the history (after Revert). */
void         kt_edit_stack_clear       (KtEditStack *self);

G_END_DECLS
