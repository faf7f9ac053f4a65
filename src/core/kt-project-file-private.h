/* kt-project-file-private.h — test hooks of the file format
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes saves fail with ENOSPC after `max_bytes` bytes (-1: never), to test
 * that an interrupted save leaves the previous file intact. */
void kt_project_file_set_write_limit (gssize max_bytes);

G_END_DECLS
