/* kt-help.h — which page of the help F1 opens for what a window shows
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The help document of the application: help/C, installed for yelp. */
#define KT_HELP_DOCUMENT "khathi"

/* A window other than the study window names its topic ("portfolio", or
 * "page#section") with
 *   g_object_set_data_full (G_OBJECT (window), KT_HELP_TOPIC_KEY,
 *                           g_strdup ("portfolio"), g_free);
 * and may change it as its content changes. */
#define KT_HELP_TOPIC_KEY "kt-help-topic"

/* The topic ("page" or "page#section") of a sidebar section of the study
 * window ("financing", "results", …); with `view` the visible view of the
 * Results section ("dashboard", "statements", "charts", "simulation") or
 * NULL.  NULL for an unknown section. */
const char *kt_help_topic_for_section (const char *section,
                                       const char *view);
/* The sidebar sections that have a topic, NULL-terminated (for tests). */
const char * const *kt_help_sections  (void);
/* The topic of what `window` shows: its KT_HELP_TOPIC_KEY, else for a study
 * window the topic of its section (or "getting-started" with no study),
 * else that of the window it is transient for; "index" at the end.  A bare
 * "results" or "portfolio" gains the section of the view the window shows
 * (the visible GtkStack or AdwViewStack page named "ranking", "charts" …). */
const char *kt_help_topic_for_window  (GtkWindow  *window);
/* "help:khathi/TOPIC" for gtk_show_uri(): yelp opens the page and scrolls
 * to the section after '#'. */
char       *kt_help_uri               (const char *topic);

G_END_DECLS
