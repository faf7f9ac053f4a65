/* kt-project-private.h — friends of KtProject (the file loader)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-project.h"

G_BEGIN_DECLS

KtProject  *kt_project_new_blank         (void);
void        kt_project_set_source_lines  (KtProject  *self,
                                          GHashTable *lines);

G_END_DECLS
