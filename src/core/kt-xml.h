/* kt-xml.h — small libxml2 helpers shared by the data-file loaders
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The attribute `name` (no namespace) as a g_malloc'd string, NULL if absent. */
char *kt_xml_prop    (xmlNode    *node,
                      const char *name);
/* The text content of `node`, stripped of surrounding white space; never NULL. */
char *kt_xml_content (xmlNode    *node);

G_END_DECLS
