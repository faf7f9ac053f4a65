/* kt-help.c — which page of the help F1 opens for what a window shows
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * yelp reads "help:DOCUMENT/PAGE#SECTION" as a page of the installed Mallard
 * document and scrolls to the <section id> after '#', so each sidebar
 * section opens the part of the help that explains it.  tests/test-help.c
 * checks that every topic here names a page and section of help/C.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "kt-help.h"
#include "kt-window.h"

typedef struct {
  const char *section;
  const char *topic;
} SectionTopic;

/* The editor's sections are explained one by one on study-by-section.page,
 * under the same ids; that page links on to the fields and the methods. */
static const SectionTopic section_topics[] = {
  { "overview", "study-by-section#overview" },
  { "project", "study-by-section#project" },
  { "timeline", "study-by-section#timeline" },
  { "investment", "study-by-section#investment" },
  { "operations", "study-by-section#operations" },
  { "financing", "study-by-section#financing" },
  { "support", "study-by-section#support" },
  { "incentives", "study-by-section#incentives" },
  { "risks", "study-by-section#risks" },
  { "uncertainty", "study-by-section#uncertainty" },
  { "chapters", "study-by-section#chapters" },
  { "results", "results" },
  { "report", "reports#app" },
};

/* Pages whose sections follow the views of a window: a window showing one of
 * these views opens that section.  The names are those of the stack pages
 * (kt-results-page.ui, kt-portfolio-window.c), which are the section ids of
 * results.page and portfolio.page. */
static const struct {
  const char *page;
  const char *views[6];
} view_sections[] = {
  { "results", { "dashboard", "statements", "charts", "simulation", NULL } },
  { "portfolio", { "submissions", "ranking", "chart", "submission", "compare", NULL } },
};

const char *
kt_help_topic_for_section (const char *section,
                           const char *view)
{
  g_return_val_if_fail (section != NULL, NULL);
  if (view != NULL && g_str_equal (section, "results")
      && g_strv_contains (view_sections[0].views, view))
    {
      g_autofree char *topic = g_strconcat ("results#", view, NULL);

      return g_intern_string (topic);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (section_topics); i++)
    if (g_str_equal (section_topics[i].section, section))
      return section_topics[i].topic;
  return NULL;
}

const char * const *
kt_help_sections (void)
{
  static const char *ids[G_N_ELEMENTS (section_topics) + 1];

  if (ids[0] == NULL)
    for (gsize i = 0; i < G_N_ELEMENTS (section_topics); i++)
      ids[i] = section_topics[i].section;
  return ids;
}

/* The deepest visible page of a GtkStack or AdwViewStack under `widget`
 * whose name is one of `views`; hidden stack pages are skipped. */
static const char *
visible_view (GtkWidget          *widget,
              const char * const *views)
{
  const char *found = NULL;

  if (GTK_IS_STACK (widget))
    found = gtk_stack_get_visible_child_name (GTK_STACK (widget));
  else if (ADW_IS_VIEW_STACK (widget))
    found = adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (widget));
  if (found != NULL && !g_strv_contains (views, found))
    found = NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      const char *deeper;

      if (!gtk_widget_get_visible (c) || !gtk_widget_get_child_visible (c))
        continue;
      deeper = visible_view (c, views);
      if (deeper != NULL)
        return deeper;
    }
  return found;
}

/* "page" becomes "page#view" when the window shows one of the page's views. */
static const char *
refine (const char *topic,
        GtkWindow  *window)
{
  for (gsize i = 0; i < G_N_ELEMENTS (view_sections); i++)
    if (g_str_equal (view_sections[i].page, topic))
      {
        const char *view = visible_view (GTK_WIDGET (window), view_sections[i].views);
        g_autofree char *refined = NULL;

        if (view == NULL)
          return topic;
        refined = g_strconcat (topic, "#", view, NULL);
        /* A handful of fixed strings: interning them frees the caller. */
        return g_intern_string (refined);
      }
  return topic;
}

static const char *
study_window_topic (KtWindow *window)
{
  const char *section, *topic;

  if (kt_window_get_project (window) == NULL)
    return "getting-started";
  section = kt_window_get_section (window);
  if (section == NULL)
    return "study-by-section";
  topic = kt_help_topic_for_section (section, NULL);
  return topic != NULL ? refine (topic, GTK_WINDOW (window)) : "study-by-section";
}

const char *
kt_help_topic_for_window (GtkWindow *window)
{
  /* Dialogs without a topic of their own inherit their parent's. */
  for (GtkWindow *w = window; w != NULL; w = gtk_window_get_transient_for (w))
    {
      const char *topic = g_object_get_data (G_OBJECT (w), KT_HELP_TOPIC_KEY);

      if (topic != NULL && *topic != '\0')
        return strchr (topic, '#') != NULL ? topic : refine (topic, w);
      if (KT_IS_WINDOW (w))
        return study_window_topic (KT_WINDOW (w));
    }
  return "index";
}

char *
kt_help_uri (const char *topic)
{
  if (topic == NULL || *topic == '\0' || g_str_equal (topic, "index"))
    return g_strdup ("help:" KT_HELP_DOCUMENT);
  return g_strconcat ("help:" KT_HELP_DOCUMENT "/", topic, NULL);
}
