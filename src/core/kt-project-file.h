/* kt-project-file.h — the .khathi XML format: safe loading, exact and atomic saving
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kt-project.h"

G_BEGIN_DECLS

#define KT_PROJECT_FILE_NAMESPACE "https://khathi.github.io/ns/project/1"
#define KT_PROJECT_FILE_VERSION   1
#define KT_PROJECT_FILE_MAX_SIZE  (64 * 1024 * 1024)

#define KT_FILE_ERROR (kt_file_error_quark ())
GQuark kt_file_error_quark (void);

typedef enum {
  KT_FILE_ERROR_IO,          /* cannot read or write */
  KT_FILE_ERROR_TOO_LARGE,
  KT_FILE_ERROR_NOT_XML,     /* empty, binary, not well-formed, bad encoding */
  KT_FILE_ERROR_FORBIDDEN,   /* DOCTYPE, entities, XInclude */
  KT_FILE_ERROR_FORMAT,      /* wrong root, namespace, version, unknown/missing element, bad value */
} KtFileError;

/* Errors carry the line in the message ("line 12: …") and, for callers that
 * format their own, through kt_file_error_get_line(). */
KtProject *kt_project_load          (GFile       *file,
                                     GCancellable *cancellable,
                                     GError     **error);
/* `filename` is only used in messages. */
KtProject *kt_project_load_from_data (const char  *data,
                                      gsize        length,
                                      const char  *filename,
                                      GError     **error);
/* Line of the last load error in this thread, 0 when unknown. */
int        kt_file_error_get_line   (void);
/* Canonical serialisation: the same document always gives the same bytes. */
char      *kt_project_to_data       (KtProject   *project,
                                     gsize       *length);
/* Writes a temporary file in the same folder, syncs it and renames it over
 * `file`, so the previous file survives any failure. */
gboolean   kt_project_save          (KtProject   *project,
                                     GFile       *file,
                                     GCancellable *cancellable,
                                     GError     **error);
/* Line where the element at a schema path ("capex/2/amounts") started in the
 * file the project was loaded from; 0 when unknown. */
int        kt_project_get_source_line (KtProject  *project,
                                       const char *where);

G_END_DECLS
