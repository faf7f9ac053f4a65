/* kt-xml.c — small libxml2 helpers shared by the data-file loaders
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kt-xml.h"

char *
kt_xml_prop (xmlNode    *node,
             const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

char *
kt_xml_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strstrip (g_strdup (value ? (const char *) value : ""));

  xmlFree (value);
  return copy;
}
