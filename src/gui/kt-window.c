/* kt-window.c — a study window: the empty state, then the editor of a study
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kt-chapters-page.h"
#include "kt-claims.h"
#include "kt-editor.h"
#include "kt-form.h"
#include "kt-format.h"
#include "kt-project-file.h"
#include "kt-report-page.h"
#include "kt-results-page.h"
#include "kt-rules.h"
#include "kt-table.h"
#include "kt-window.h"

#define MAX_RECENT_FILES 10
#define AUTOSAVE_SECONDS 30

struct _KtWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwWindowTitle       *window_title;
  GtkSpinner           *loading_spinner;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkWidget            *content_box;
  GtkWidget            *save_button;
  GtkStack             *pages;
  AdwPreferencesPage   *overview_page;
  AdwPreferencesGroup  *samples_group;
  GtkListBox           *samples_list;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  GMenu                *recent_section;
  AdwActionRow         *name_vi_row;
  AdwActionRow         *name_en_row;
  AdwActionRow         *id_row;
  AdwActionRow         *proposer_row;
  AdwActionRow         *tax_code_row;
  AdwActionRow         *address_row;
  AdwActionRow         *representative_row;
  AdwActionRow         *province_row;
  AdwActionRow         *field_row;
  AdwActionRow         *domain_row;
  AdwActionRow         *form_row;
  AdwActionRow         *status_row;
  AdwActionRow         *version_row;
  AdwActionRow         *rule_set_row;
  AdwActionRow         *start_year_row;
  AdwActionRow         *construction_row;
  AdwActionRow         *operation_row;
  AdwActionRow         *price_base_year_row;
  AdwActionRow         *investment_row;
  AdwActionRow         *operations_row;
  AdwActionRow         *financing_row;
  AdwActionRow         *risks_row;
  AdwActionRow         *uncertainty_row;
  AdwActionRow         *scenarios_row;
  AdwActionRow         *chapters_row;

  GSettings            *settings;
  KtProject            *project;
  KtEditor             *editor;
  GFile                *file;          /* of `project`; NULL for a new study */
  GFile                *loading_file;  /* being loaded, NULL when idle */
  GCancellable         *cancellable;   /* of the load in progress */
  gulong                project_changed_id;
  gboolean              unsaved_new;   /* a new or recovered study: unsaved though no edits */
  gboolean              close_confirmed;
  guint                 autosave_id;
  GPtrArray            *section_rows;  /* GtkListBoxRow* by section */
  GPtrArray            *problem_groups; /* AdwPreferencesGroup* by section, NULL for none */
  char                **problem_signatures;
  AdwPreferencesGroup  *overview_problems;
  KtReportPage         *report_page;   /* in `pages`, NULL while empty */
};

G_DEFINE_FINAL_TYPE (KtWindow, kt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sidebar: each section edits the schema paths it lists, and collects the
 * problems whose path starts with one of them. */
typedef struct {
  const char *id;
  const char *title;
  const char *icon;
  const char *paths[4];
} Section;

static const Section sections[] = {
  { "overview", N_("Overview"), "view-grid-symbolic", { NULL } },
  { "project", N_("Project"), "document-properties-symbolic", { "identity", "notes", NULL } },
  { "timeline", N_("Timeline"), "x-office-calendar-symbolic", { "timeline", "rates", NULL } },
  { "investment", N_("Investment"), "system-run-symbolic", { "investment", NULL } },
  { "operations", N_("Operations & Revenue"), "x-office-spreadsheet-symbolic", { "operations", NULL } },
  { "financing", N_("Financing"), "power-profile-balanced-symbolic", { "financing", NULL } },
  { "support", N_("State Support & Guarantees"), "security-high-symbolic", { "sharing", "terms", "legal", NULL } },
  { "incentives", N_("Incentives"), "starred-symbolic", { "incentives", "economics", NULL } },
  { "risks", N_("Risks"), "dialog-warning-symbolic", { "risks", NULL } },
  { "uncertainty", N_("Uncertainty"), "media-playlist-shuffle-symbolic", { "uncertainty", "scenarios", NULL } },
  { "chapters", N_("Narrative Chapters"), "format-justify-left-symbolic", { "chapters", NULL } },
  { "results", N_("Results"), "applications-science-symbolic", { NULL } },
  { "report", N_("Report"), "x-office-document-symbolic", { NULL } },
};

#define SECTION_OVERVIEW 0
#define SECTION_CHAPTERS 10

static char *
file_display_name (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  return g_path_get_basename (parse_name);
}

static gboolean
text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static guint
array_len (const GArray *array)
{
  return array != NULL ? array->len : 0;
}

/* Values come from the file, so "&" or "<" must show as they are, not as markup. */
static void
set_value (AdwActionRow *row,
           const char   *value)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (row, text_is_blank (value) ? _("Not set") : value);
}

static void
set_value_take (AdwActionRow *row,
                char         *value)
{
  set_value (row, value);
  g_free (value);
}

static KtMoneyUnit
money_unit (KtWindow *self)
{
  return kt_money_unit_from_settings (self->settings);
}

/* "2 years (2027–2028)"; construction may be empty (MODEL.md §1: C ≥ 0). */
static char *
format_period (int first_year,
               int n_years)
{
  if (n_years <= 0)
    return g_strdup (_("None"));
  return g_strdup_printf (ngettext ("%d year (%d–%d)", "%d years (%d–%d)", n_years),
                          n_years, first_year, first_year + n_years - 1);
}

/* Base-price capex before contingency and duty (MODEL.md §3). */
static double
base_capex (const KtProjectData *data)
{
  double total = 0.0;

  for (guint i = 0; i < array_len (data->capex); i++)
    {
      const KtCapexLine *line = &g_array_index (data->capex, KtCapexLine, i);

      for (guint y = 0; y < array_len (line->amounts); y++)
        total += g_array_index (line->amounts, double, y);
    }
  return total;
}

static int
count_written_chapters (const KtProjectData *data)
{
  int n = 0;

  for (int i = 0; i < KT_N_CHAPTERS; i++)
    if (!text_is_blank (data->chapters[i].vi) || !text_is_blank (data->chapters[i].en))
      n++;
  return n;
}

static void
update_identity (KtWindow            *self,
                 const KtProjectData *data)
{
  set_value (self->name_vi_row, data->name.vi);
  set_value (self->name_en_row, data->name.en);
  set_value (self->id_row, data->id);
  set_value (self->proposer_row, data->proposer.name);
  set_value (self->tax_code_row, data->proposer.tax_code);
  set_value (self->address_row, data->proposer.address);
  set_value (self->representative_row, data->proposer.representative);
  set_value (self->province_row, data->province);
  set_value (self->field_row, kt_enum_label (&kt_field_info, data->field));
  set_value (self->domain_row, kt_enum_label (&kt_domain_info, data->domain));
  set_value (self->form_row, kt_enum_label (&kt_form_info, data->form));
  set_value (self->status_row, kt_enum_label (&kt_status_info, data->status));
  set_value_take (self->version_row, g_strdup_printf ("%d", data->version));
  set_value (self->rule_set_row, data->rule_set);
}

static void
update_timeline (KtWindow            *self,
                 const KtProjectData *data)
{
  set_value_take (self->start_year_row, g_strdup_printf ("%d", data->start_year));
  set_value_take (self->construction_row,
                  format_period (data->start_year, data->construction_years));
  set_value_take (self->operation_row,
                  format_period (data->start_year + data->construction_years,
                                 data->operation_years));
  set_value_take (self->price_base_year_row, g_strdup_printf ("%d", data->price_base_year));
}

static void
update_sections (KtWindow            *self,
                 const KtProjectData *data)
{
  KtLang lang = kt_lang_current ();
  g_autofree char *capex = kt_format_money (base_capex (data), money_unit (self), TRUE, lang);
  g_autofree char *equity = kt_format_percent (data->equity_share, 1, lang);
  g_autofree char *revenues = NULL;
  g_autofree char *opex = NULL;
  guint n;

  n = array_len (data->capex);
  set_value_take (self->investment_row,
                  g_strdup_printf (ngettext ("%u capital cost line, %s at base prices",
                                             "%u capital cost lines, %s at base prices", n),
                                   n, capex));

  n = array_len (data->revenues);
  revenues = g_strdup_printf (ngettext ("%u revenue stream", "%u revenue streams", n), n);
  n = array_len (data->opex);
  opex = g_strdup_printf (ngettext ("%u operating cost line", "%u operating cost lines", n), n);
  /* Translators: two counts, e.g. "2 revenue streams, 5 operating cost lines" */
  set_value_take (self->operations_row, g_strdup_printf (_("%s, %s"), revenues, opex));

  n = array_len (data->loans);
  if (data->support_mode == KT_SUPPORT_NONE)
    {
      set_value_take (self->financing_row,
                      g_strdup_printf (ngettext ("Equity %s, %u loan, no state capital",
                                                 "Equity %s, %u loans, no state capital", n),
                                       equity, n));
    }
  else
    {
      const char *mode = kt_enum_label (&kt_support_mode_info, data->support_mode);
      g_autofree char *support = NULL;

      if (data->support_mode == KT_SUPPORT_SHARE)
        {
          g_autofree char *share = kt_format_percent (data->support_share, 1, lang);
          /* Translators: how state capital is given, and its share, e.g.
           * "Share of each year's need (40 %)" */
          support = g_strdup_printf (_("%s (%s)"), mode, share);
        }
      else
        support = g_strdup (mode);
      set_value_take (self->financing_row,
                      g_strdup_printf (ngettext ("Equity %s, %u loan; state capital: %s",
                                                 "Equity %s, %u loans; state capital: %s", n),
                                       equity, n, support));
    }

  n = array_len (data->risks);
  set_value_take (self->risks_row, g_strdup_printf (ngettext ("%u risk", "%u risks", n), n));

  n = array_len (data->uncertainties);
  set_value_take (self->uncertainty_row,
                  g_strdup_printf (ngettext ("%u distribution", "%u distributions", n), n));

  n = array_len (data->scenarios);
  set_value_take (self->scenarios_row,
                  g_strdup_printf (ngettext ("%u scenario", "%u scenarios", n), n));

  /* Translators: narrative chapters of the study, e.g. "4 of 13 written" */
  set_value_take (self->chapters_row,
                  g_strdup_printf (_("%d of %d written"), count_written_chapters (data),
                                   KT_N_CHAPTERS));
}

static void
update_overview (KtWindow *self)
{
  const KtProjectData *data;

  if (self->project == NULL)
    return;
  data = kt_project_get_data (self->project);
  update_identity (self, data);
  update_timeline (self, data);
  update_sections (self, data);
}


static gboolean
is_dirty (KtWindow *self)
{
  return self->editor != NULL
         && (self->unsaved_new || kt_edit_stack_is_dirty (kt_editor_get_stack (self->editor)));
}

static void
update_title (KtWindow *self)
{
  const char *name = _("Khả Thi");
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;

  if (self->project != NULL)
    {
      name = kt_project_get_display_name (self->project);
      if (name == NULL || *name == '\0')
        name = _("Untitled Study");
      file_name = self->file != NULL ? file_display_name (self->file) : g_strdup (_("Not saved"));
    }
  /* The bullet is the usual mark of unsaved changes (gnome-text-editor). */
  title = is_dirty (self) ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, file_name);
  if (is_dirty (self))
    gtk_widget_add_css_class (self->save_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->save_button, "suggested-action");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (KtWindow *self)
{
  KtEditStack *stack = self->editor ? kt_editor_get_stack (self->editor) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", stack && kt_edit_stack_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", stack && kt_edit_stack_can_redo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.revert",
                                 self->file != NULL && is_dirty (self));
}

/* ---- recent files ---- */

static void
update_recent (KtWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  GtkWidget *child;
  guint shown = 0;

  g_menu_remove_all (self->recent_section);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = file_display_name (file);
      g_autofree char *detailed = NULL;
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("");
      GtkWidget *row;

      if (g_file_is_native (file) && !g_file_query_exists (file, NULL))
        continue;
      detailed = g_action_print_detailed_name ("app.open-recent", g_variant_new_string (recent[i]));
      g_menu_append (self->recent_section, name, detailed);
      if (shown++ >= 5)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "kt-file", g_object_ref (file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
remember_recent (KtWindow *self,
                 GFile    *file)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
    if (g_strcmp0 (old[i], uri) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

/* ---- autosave (g_get_user_state_dir ()/khathi/autosave/<id>.khathi + .info) ---- */

char *
kt_window_autosave_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "khathi", "autosave", NULL);
}

static char *
autosave_path (KtWindow   *self,
               const char *suffix)
{
  const KtProjectData *d = kt_project_get_data (self->project);
  g_autofree char *dir = kt_window_autosave_dir ();
  g_autofree char *name = g_strdup_printf ("%s%s", d->id ? d->id : "untitled", suffix);

  /* The id is a UUID; anything else is not trusted as a file name. */
  g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.", '_');
  return g_build_filename (dir, name, NULL);
}

static void
remove_autosave (KtWindow *self)
{
  g_autofree char *data = NULL;
  g_autofree char *info = NULL;

  if (self->project == NULL)
    return;
  data = autosave_path (self, ".khathi");
  info = autosave_path (self, ".info");
  g_unlink (data);
  g_unlink (info);
}

gboolean
kt_window_autosave (KtWindow *self)
{
  g_autofree char *dir = kt_window_autosave_dir ();
  g_autofree char *data_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *info_data = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autoptr(GError) error = NULL;
  gsize length;

  g_return_val_if_fail (KT_IS_WINDOW (self), FALSE);
  /* Closing after "Discard": the window going inactive must not save it again. */
  if (!is_dirty (self) || self->close_confirmed)
    return FALSE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return FALSE;
  data_path = autosave_path (self, ".khathi");
  info_path = autosave_path (self, ".info");
  data = kt_project_to_data (self->project, &length);
  g_key_file_set_string (info, "autosave", "name", kt_project_get_display_name (self->project) ?: "");
  g_key_file_set_string (info, "autosave", "time", when);
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_key_file_set_string (info, "autosave", "file", uri);
    }
  info_data = g_key_file_to_data (info, NULL, NULL);
  if (!g_file_set_contents_full (data_path, data, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &error)
      || !g_file_set_contents_full (info_path, info_data, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                    0600, &error))
    {
      g_debug ("Autosave failed: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  kt_window_autosave (KT_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
is_active_changed_cb (KtWindow   *self,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    kt_window_autosave (self);
}

/* ---- sections, completeness and problems ---- */

static int
section_of_path (const char *path)
{
  g_autofree char *first = g_strdup (path ? path : "");
  char *slash = strchr (first, '/');

  if (slash != NULL)
    *slash = '\0';
  for (guint s = 1; s < G_N_ELEMENTS (sections); s++)
    for (guint p = 0; sections[s].paths[p] != NULL; p++)
      if (g_str_equal (first, sections[s].paths[p]))
        return s;
  return SECTION_OVERVIEW;
}

/* What a section asks to be written: required and bilingual texts, lists. */
static void
count_filled (const KtRecordDesc *desc,
              gconstpointer       base,
              guint              *filled,
              guint              *total)
{
  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];
      gconstpointer p = (const char *) base + f->offset;

      switch (f->type)
        {
        case KT_FT_STRING:
          if (f->flags & KT_FIELD_REQUIRED)
            {
              const char *s = *(char * const *) p;

              (*total)++;
              *filled += s != NULL && *s != '\0';
            }
          break;
        case KT_FT_TEXT:
          {
            const KtText *t = p;

            (*total)++;
            *filled += (t->vi && *t->vi) || (t->en && *t->en);
          }
          break;
        case KT_FT_LIST:
          (*total)++;
          *filled += (*(GArray * const *) p)->len > 0;
          break;
        case KT_FT_GROUP:
          count_filled (f->record, base, filled, total);
          break;
        case KT_FT_RECORD:
          count_filled (f->record, p, filled, total);
          break;
        default:
          break;
        }
    }
}

static void
section_completeness (KtWindow *self,
                      guint     s,
                      guint    *filled,
                      guint    *total)
{
  KtProjectData *data = kt_project_edit_data (self->project);

  *filled = *total = 0;
  for (guint p = 0; sections[s].paths[p] != NULL; p++)
    {
      KtPathTarget t;

      if (!kt_path_resolve (data, sections[s].paths[p], &t, NULL))
        continue;
      if (t.field->type == KT_FT_GROUP)
        count_filled (t.field->record, t.base, filled, total);
      else if (t.field->type == KT_FT_RECORD)
        count_filled (t.field->record, kt_field_ptr (t.field, t.base), filled, total);
      else if (t.field->type == KT_FT_LIST)
        {
          (*total)++;
          *filled += (*(GArray **) kt_field_ptr (t.field, t.base))->len > 0;
        }
    }
}

static void problem_row_activated_cb (AdwActionRow *row, KtWindow *self);

static GtkWidget *
create_problem_row (KtWindow        *self,
                    const KtProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (problem->severity == KT_SEVERITY_ERROR
                                                  ? "dialog-error-symbolic"
                                                  : problem->severity == KT_SEVERITY_WARNING
                                                  ? "dialog-warning-symbolic"
                                                  : "dialog-information-symbolic");

  gtk_widget_add_css_class (icon, problem->severity == KT_SEVERITY_ERROR ? "error" : "warning");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->where);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (problem->where != NULL && *problem->where != '\0')
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "kt-path", g_strdup (problem->where), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (problem_row_activated_cb), self);
    }
  return row;
}

/* Rebuilds a problems group only when its problems changed: typing elsewhere
 * must not recreate the rows. */
static void
fill_problem_group (KtWindow            *self,
                    AdwPreferencesGroup *group,
                    int                  section,
                    char               **signature)
{
  GPtrArray *problems = kt_editor_get_problems (self->editor);
  g_autoptr(GString) s = g_string_new (NULL);
  GPtrArray *rows;

  for (guint i = 0; i < problems->len; i++)
    {
      KtProblem *p = g_ptr_array_index (problems, i);

      if (section < 0 || section_of_path (p->where) == section)
        g_string_append_printf (s, "%d|%s|%s\n", p->severity, p->where, p->message);
    }
  if (*signature != NULL && g_str_equal (*signature, s->str))
    return;
  g_free (*signature);
  *signature = g_strdup (s->str);

  rows = g_object_get_data (G_OBJECT (group), "kt-rows");
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (group), "kt-rows", rows, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < problems->len; i++)
    {
      KtProblem *p = g_ptr_array_index (problems, i);

      if (section < 0 || section_of_path (p->where) == section)
        {
          GtkWidget *row = create_problem_row (self, p);

          adw_preferences_group_add (group, row);
          g_ptr_array_add (rows, row);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (group), rows->len > 0);
}

static void
update_sidebar (KtWindow *self)
{
  GPtrArray *problems;
  guint errors[G_N_ELEMENTS (sections)] = { 0 };
  guint warnings[G_N_ELEMENTS (sections)] = { 0 };

  if (self->editor == NULL || self->section_rows == NULL)
    return;
  problems = kt_editor_get_problems (self->editor);
  for (guint i = 0; i < problems->len; i++)
    {
      KtProblem *p = g_ptr_array_index (problems, i);
      int s = section_of_path (p->where);

      if (p->severity == KT_SEVERITY_ERROR)
        errors[s]++;
      else if (p->severity == KT_SEVERITY_WARNING)
        warnings[s]++;
    }
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GtkWidget *row = g_ptr_array_index (self->section_rows, s);
      GtkLabel *status = g_object_get_data (G_OBJECT (row), "kt-status");
      GtkLabel *badge = g_object_get_data (G_OBJECT (row), "kt-badge");
      guint filled, total, n = errors[s] + warnings[s];
      g_autofree char *text = NULL;
      g_autofree char *count = g_strdup_printf ("%u", n);

      section_completeness (self, s, &filled, &total);
      if (s == SECTION_OVERVIEW)
        text = problems->len == 0 ? g_strdup (_("No problems found"))
               : g_strdup_printf (ngettext ("%u problem in all", "%u problems in all",
                                            problems->len), problems->len);
      else if (total > 0 && filled == total)
        text = g_strdup (_("Complete"));
      else if (total > 0)
        /* Translators: how much of a section is filled in, e.g. "3 of 5 filled in" */
        text = g_strdup_printf (_("%u of %u filled in"), filled, total);
      else if (sections[s].paths[0] != NULL)
        text = g_strdup (_("Defaults set"));
      else if (g_str_equal (sections[s].id, "results"))
        text = g_strdup (_("Updated as you type"));
      else   /* the report */
        text = g_strdup (_("PDF, print and spreadsheet"));
      gtk_label_set_text (status, text);
      gtk_label_set_text (badge, count);
      gtk_widget_set_visible (GTK_WIDGET (badge), n > 0 && s != SECTION_OVERVIEW);
      if (errors[s] > 0)
        gtk_widget_add_css_class (GTK_WIDGET (badge), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (badge), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (badge),
                                   errors[s] > 0 ? _("Errors to correct") : _("Warnings to review"));
    }
  for (guint s = 0; s < self->problem_groups->len; s++)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (self->problem_groups, s);

      if (group != NULL)
        fill_problem_group (self, group, s, &self->problem_signatures[s]);
    }
  fill_problem_group (self, self->overview_problems, -1,
                      &self->problem_signatures[G_N_ELEMENTS (sections)]);
}

static GtkWidget *
create_section_row (guint s)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (_(sections[s].title));
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (sections[s].icon));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_ellipsize (GTK_LABEL (status), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "dim-label");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), status);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_add_css_class (badge, "kt-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (badge, FALSE);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "kt-status", status);
  g_object_set_data (G_OBJECT (row), "kt-badge", badge);
  g_object_set_data (G_OBJECT (row), "kt-section", GUINT_TO_POINTER (s));
  return row;
}

/* A page: its problems, then the forms and tables of its schema paths. */
static GtkWidget *
create_section_page (KtWindow             *self,
                     guint                 s,
                     AdwPreferencesGroup **problems)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group = adw_preferences_group_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 800);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Problems"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Select a problem to go to its field"));
  gtk_widget_set_visible (group, FALSE);
  gtk_box_append (GTK_BOX (box), group);
  *problems = ADW_PREFERENCES_GROUP (group);

  if (s == SECTION_CHAPTERS)
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (kt_chapters_page_new (self->editor)));
  else
    for (guint p = 0; sections[s].paths[p] != NULL; p++)
      gtk_box_append (GTK_BOX (box), kt_form_new (self->editor, sections[s].paths[p], NULL));
  return scrolled;
}

static void
clear_editor_pages (KtWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, child);
  for (guint s = 1; s < G_N_ELEMENTS (sections); s++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->pages, sections[s].id);

      if (page != NULL)
        gtk_stack_remove (self->pages, page);
    }
  g_clear_pointer (&self->section_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem_groups, g_ptr_array_unref);
  g_clear_pointer (&self->problem_signatures, g_strfreev);
  self->report_page = NULL;
}

static void
build_editor_pages (KtWindow *self)
{
  clear_editor_pages (self);
  self->section_rows = g_ptr_array_new ();
  self->problem_groups = g_ptr_array_new ();
  self->problem_signatures = g_new0 (char *, G_N_ELEMENTS (sections) + 2);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GtkWidget *row = create_section_row (s);
      AdwPreferencesGroup *problems = NULL;

      gtk_list_box_append (self->sidebar_list, row);
      g_ptr_array_add (self->section_rows, row);
      if (s == SECTION_OVERVIEW)
        ;
      else if (g_str_equal (sections[s].id, "results"))
        gtk_stack_add_named (self->pages, kt_results_page_new (self->project), sections[s].id);
      else if (g_str_equal (sections[s].id, "report"))
        {
          GtkWidget *results = gtk_stack_get_child_by_name (self->pages, "results");

          self->report_page = KT_REPORT_PAGE (kt_report_page_new (self, results != NULL
                                                                          ? KT_RESULTS_PAGE (results)
                                                                          : NULL));
          gtk_stack_add_named (self->pages, GTK_WIDGET (self->report_page), sections[s].id);
        }
      else
        gtk_stack_add_named (self->pages, create_section_page (self, s, &problems), sections[s].id);
      g_ptr_array_add (self->problem_groups, problems);
    }
  gtk_list_box_select_row (self->sidebar_list, g_ptr_array_index (self->section_rows, 0));
  update_sidebar (self);
}

void
kt_window_show_section (KtWindow   *self,
                        const char *id)
{
  g_return_if_fail (KT_IS_WINDOW (self));
  for (guint s = 0; self->section_rows != NULL && s < G_N_ELEMENTS (sections); s++)
    if (g_str_equal (sections[s].id, id))
      {
        gtk_list_box_select_row (self->sidebar_list, g_ptr_array_index (self->section_rows, s));
        adw_leaflet_set_visible_child (self->leaflet, self->content_box);
        return;
      }
}

const char *
kt_window_get_section (KtWindow *self)
{
  return gtk_stack_get_visible_child_name (self->pages);
}

static gboolean
scroll_idle_cb (gpointer user_data)
{
  GtkWidget *widget = user_data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  graphene_point_t point;

  /* A table's own scrolled window is not the page's. */
  while (scrolled != NULL && gtk_widget_get_ancestor (gtk_widget_get_parent (scrolled),
                                                      GTK_TYPE_SCROLLED_WINDOW) != NULL)
    scrolled = gtk_widget_get_ancestor (gtk_widget_get_parent (scrolled), GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL || gtk_widget_get_root (widget) == NULL)
    return G_SOURCE_REMOVE;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (content != NULL
      && gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double page = gtk_adjustment_get_page_size (adjustment);
      double value = gtk_adjustment_get_value (adjustment);

      /* Only when the field is out of sight; then a third of the way down. */
      if (point.y < 0 || point.y + 40 > page)
        gtk_adjustment_set_value (adjustment, value + point.y - page / 3);
    }
  return G_SOURCE_REMOVE;
}

static void
scroll_to (GtkWidget *widget)
{
  g_idle_add_full (G_PRIORITY_LOW, scroll_idle_cb, g_object_ref (widget), g_object_unref);
}

/* Finds the widget editing `path` or the nearest table holding it. */
gboolean
kt_window_jump_to (KtWindow   *self,
                   const char *path)
{
  g_autofree char *prefix = g_strdup (path);
  g_autofree char *with_lang = g_strdup_printf ("%s/vi", path);
  int s = section_of_path (path);
  GtkWidget *widget;

  g_return_val_if_fail (KT_IS_WINDOW (self), FALSE);
  if (self->editor == NULL)
    return FALSE;
  kt_window_show_section (self, sections[s].id);
  if (s == SECTION_CHAPTERS)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->pages, sections[s].id);
      GtkWidget *chapters = kt_editor_lookup_field (self->editor, "chapters");

      if (chapters != NULL)
        return kt_chapters_page_show (KT_CHAPTERS_PAGE (chapters), path);
      return page != NULL;
    }
  if ((widget = kt_editor_lookup_field (self->editor, path)) != NULL
      || (widget = kt_editor_lookup_field (self->editor, with_lang)) != NULL)
    {
      if (!KT_IS_TABLE (widget))
        {
          scroll_to (widget);
          return gtk_widget_grab_focus (widget);
        }
    }
  /* "investment/capex/2/amounts" → the table "investment/capex", row 2. */
  while (TRUE)
    {
      char *slash = strrchr (prefix, '/');
      const char *rest;

      if (slash == NULL)
        break;
      *slash = '\0';
      widget = kt_editor_lookup_field (self->editor, prefix);
      if (widget == NULL || !KT_IS_TABLE (widget))
        continue;
      rest = path + strlen (prefix) + 1;
      kt_table_select_row (KT_TABLE (widget), (guint) MAX (g_ascii_strtoull (rest, NULL, 10), 1) - 1);
      scroll_to (widget);
      gtk_widget_grab_focus (widget);
      return TRUE;
    }
  return FALSE;
}

static void
problem_row_activated_cb (AdwActionRow *row,
                          KtWindow     *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "kt-path");

  if (path != NULL)
    kt_window_jump_to (self, path);
}

static void
sidebar_list_row_selected_cb (GtkListBox    *list,
                              GtkListBoxRow *row,
                              KtWindow      *self)
{
  guint s;

  if (row == NULL)
    return;
  s = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kt-section"));
  gtk_stack_set_visible_child_name (self->pages, sections[s].id);
}

static void
sidebar_list_row_activated_cb (GtkListBox    *list,
                               GtkListBoxRow *row,
                               KtWindow      *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
back_button_clicked_cb (GtkButton *button,
                        KtWindow  *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- the document ---- */

static void
editor_refresh_cb (KtEditor   *editor,
                   const char *path,
                   KtWindow   *self)
{
  update_title (self);
  update_overview (self);
  update_sidebar (self);
}

static void
stack_state_cb (KtEditStack *stack,
                GParamSpec  *pspec,
                KtWindow    *self)
{
  update_title (self);
  update_actions (self);
}

static void
set_project (KtWindow  *self,
             KtProject *project,
             GFile     *file)
{
  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editor, self);
      g_signal_handlers_disconnect_by_data (kt_editor_get_stack (self->editor), self);
    }
  clear_editor_pages (self);
  g_clear_object (&self->editor);
  g_set_object (&self->project, project);
  g_set_object (&self->file, file);
  self->unsaved_new = FALSE;
  if (self->project != NULL)
    {
      self->editor = kt_editor_new (project, self->settings);
      g_signal_connect (self->editor, "refresh", G_CALLBACK (editor_refresh_cb), self);
      g_signal_connect (kt_editor_get_stack (self->editor), "notify",
                        G_CALLBACK (stack_state_cb), self);
      build_editor_pages (self);
    }

  update_title (self);
  update_overview (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, project != NULL ? "editor" : "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
set_loading_file (KtWindow *self,
                  GFile    *file)
{
  gboolean was_loading = self->loading_file != NULL;

  g_set_object (&self->loading_file, file);
  if (was_loading != (file != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static AdwMessageDialog *
error_dialog (KtWindow   *self,
              const char *heading,
              const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
show_load_error (KtWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = file_display_name (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  error_dialog (self, heading, error->message);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  KtProject *project = kt_project_load (G_FILE (task_data), cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

static void
load_ready_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  KtWindow *self = KT_WINDOW (source_object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(KtProject) project = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled: the window closed or another file replaced this one. */
  project = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_loading_file (self, NULL);
  if (project == NULL)
    {
      show_load_error (self, file, error);
      return;
    }
  set_project (self, project, file);
  remember_recent (self, file);
}

static GtkWidget *
create_sample_row (GFile *file)
{
  g_autofree char *file_name = file_display_name (file);
  g_autoptr(KtProject) project = kt_project_load (file, NULL, NULL);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 project != NULL ? kt_project_get_display_name (project)
                                                 : file_name);
  if (project != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), file_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "kt-file", g_object_ref (file), g_object_unref);
  return row;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
populate_samples (KtWindow *self)
{
  g_autofree char *folder = g_build_filename (kt_data_dir (), "samples", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".khathi"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      gtk_list_box_append (self->samples_list, create_sample_row (file));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->samples_group), names->len > 0);
}


static void
samples_list_row_activated_cb (GtkListBox    *list,
                               GtkListBoxRow *row,
                               KtWindow      *self)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "kt-file");
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (file == NULL)
    return;
  if (KT_IS_APPLICATION (app))
    kt_application_open_file (KT_APPLICATION (app), file);
  else
    kt_window_open_file (self, file);
}

/* The first dropped study replaces this window's; others get windows of their own. */
static gboolean
drop_target_drop_cb (GtkDropTarget *target,
                     const GValue  *value,
                     double         x,
                     double         y,
                     KtWindow      *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      /* Unsaved work is never replaced by a drop. */
      if (l == files && !is_dirty (self) && self->loading_file == NULL)
        kt_window_open_file (self, G_FILE (l->data));
      else if (KT_IS_APPLICATION (app))
        kt_application_open_file (KT_APPLICATION (app), G_FILE (l->data));
    }
  g_slist_free (files);
  return TRUE;
}

static void
money_unit_changed_cb (GSettings  *settings,
                       const char *key,
                       KtWindow   *self)
{
  update_overview (self);
}

static void
recent_files_changed_cb (GSettings  *settings,
                         const char *key,
                         KtWindow   *self)
{
  update_recent (self);
}

/* ---- saving ---- */

gboolean
kt_window_save_to (KtWindow *self,
                   GFile    *file,
                   GError  **error)
{
  KtProjectData *d;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (KT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->project != NULL, FALSE);
  d = kt_project_edit_data (self->project);
  g_free (d->modified);
  d->modified = g_date_time_format_iso8601 (now);
  /* The figures this version computes go with the file for the appraiser to
   * compare (kt-claims.h); a study that cannot be computed goes without. */
  kt_project_stamp_claims (self->project, NULL, NULL);
  /* kt_project_save writes a temporary file and renames it: on failure the
   * old file and everything in memory stay as they were. */
  if (!kt_project_save (self->project, file, NULL, error))
    return FALSE;
  remove_autosave (self);
  g_set_object (&self->file, file);
  self->unsaved_new = FALSE;
  kt_edit_stack_mark_saved (kt_editor_get_stack (self->editor));
  remember_recent (self, file);
  update_title (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  return TRUE;
}

static void
show_save_error (KtWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = file_display_name (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  g_autofree char *body = g_strdup_printf (_("%s\n\nYour changes are still here: save them "
                                             "to another place with “Save As…”."),
                                           error->message);

  error_dialog (self, heading, body);
}

static void save_as (KtWindow *self, gboolean close_after);

static gboolean
close_idle_cb (gpointer user_data)
{
  KtWindow *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* After the question's dialog is gone: it must not outlive its parent. */
static void
close_later (KtWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
save (KtWindow *self,
      gboolean  close_after)
{
  g_autoptr(GError) error = NULL;

  if (self->file == NULL)
    {
      save_as (self, close_after);
      return FALSE;
    }
  if (!kt_window_save_to (self, self->file, &error))
    {
      show_save_error (self, self->file, error);
      return FALSE;
    }
  if (close_after)
    close_later (self);
  return TRUE;
}

static void
save_dialog_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         KtWindow        *self)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kt-close"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autoptr(GError) error = NULL;

      if (folder != NULL)
        {
          g_autofree char *uri = g_file_get_uri (folder);
          g_settings_set_string (self->settings, "last-folder", uri);
        }
      if (!kt_window_save_to (self, file, &error))
        show_save_error (self, file, error);
      else if (close_after)
        close_later (self);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_as (KtWindow *self,
         gboolean  close_after)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *last_folder = g_settings_get_string (self->settings, "last-folder");
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Save the Study"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Khả Thi studies"));
  gtk_file_filter_add_suffix (filter, "khathi");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (self->file != NULL)
    name = file_display_name (self->file);
  else
    {
      const char *title = kt_project_get_display_name (self->project);
      name = g_strdup_printf ("%s.khathi", title && *title ? title : _("Untitled Study"));
      g_strdelimit (name, "/\\:", '-');
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  if (last_folder[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (last_folder);

      if (g_file_query_exists (folder, NULL))
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  g_object_set_data (G_OBJECT (dialog), "kt-close", GINT_TO_POINTER (close_after));
  g_signal_connect (dialog, "response", G_CALLBACK (save_dialog_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (KT_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (KT_WINDOW (widget), FALSE);
}

/* Both go through the Report section, whose options (language, Monte Carlo) apply. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KtWindow *self = KT_WINDOW (widget);

  if (self->report_page == NULL)
    return;
  kt_window_show_section (self, "report");
  kt_report_page_print (self->report_page);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KtWindow *self = KT_WINDOW (widget);

  if (self->report_page == NULL)
    return;
  kt_window_show_section (self, "report");
  kt_report_page_export_pdf (self->report_page);
}

static void
revert_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KtWindow         *self)
{
  g_autoptr(KtProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (!g_str_equal (response, "revert") || self->file == NULL)
    return;
  file = g_object_ref (self->file);
  project = kt_project_load (file, NULL, &error);
  if (project == NULL)
    {
      show_load_error (self, file, error);
      return;
    }
  remove_autosave (self);
  set_project (self, project, file);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KtWindow *self = KT_WINDOW (widget);
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (self->file == NULL)
    return;
  name = file_display_name (self->file);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Revert to the Saved “%s”?"), name);
  adw_message_dialog_set_body (dialog, _("The changes made since it was last saved will be lost."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "revert", _("_Revert"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "revert", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (revert_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtWindow *self = KT_WINDOW (widget);

  if (self->editor != NULL)
    kt_edit_stack_undo (kt_editor_get_stack (self->editor));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtWindow *self = KT_WINDOW (widget);

  if (self->editor != NULL)
    kt_edit_stack_redo (kt_editor_get_stack (self->editor));
}

/* ---- closing and recovery ---- */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   KtWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      remove_autosave (self);
      close_later (self);
    }
  else if (g_str_equal (response, "save"))
    save (self, TRUE);
}

static gboolean
kt_window_close_request (GtkWindow *window)
{
  KtWindow *self = KT_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);
  int width, height;

  if (is_dirty (self) && !self->close_confirmed)
    {
      const char *name = kt_project_get_display_name (self->project);
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, NULL, NULL));
      adw_message_dialog_format_heading (dialog, _("Save Changes to “%s”?"),
                                         name && *name ? name : _("Untitled Study"));
      adw_message_dialog_set_body (dialog, _("Changes that are not saved will be lost."));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "save");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  return GTK_WINDOW_CLASS (kt_window_parent_class)->close_request (window);
}

static gboolean
project_is_open (KtWindow   *self,
                 const char *id)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (KT_IS_WINDOW (l->data) && KT_WINDOW (l->data)->project != NULL
        && g_strcmp0 (kt_project_get_data (KT_WINDOW (l->data)->project)->id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      KtWindow         *self)
{
  const char *data_path = g_object_get_data (G_OBJECT (dialog), "kt-data");
  const char *info_path = g_object_get_data (G_OBJECT (dialog), "kt-info");
  const char *uri = g_object_get_data (G_OBJECT (dialog), "kt-uri");

  if (g_str_equal (response, "recover"))
    {
      g_autoptr(GFile) autosave = g_file_new_for_path (data_path);
      g_autoptr(GError) error = NULL;
      g_autoptr(KtProject) project = kt_project_load (autosave, NULL, &error);
      g_autoptr(GFile) file = uri != NULL ? g_file_new_for_uri (uri) : NULL;

      if (project == NULL)
        {
          show_load_error (self, autosave, error);
          return;
        }
      set_project (self, project, file);
      /* Unsaved until the user saves it; the autosave stays until then. */
      self->unsaved_new = TRUE;
      update_title (self);
      update_actions (self);
      kt_window_add_toast (self, adw_toast_new (_("Unsaved work recovered")));
    }
  else if (g_str_equal (response, "discard"))
    {
      g_unlink (data_path);
      g_unlink (info_path);
    }
}

AdwMessageDialog *
kt_window_offer_recovery (KtWindow *self)
{
  g_autofree char *dir_path = kt_window_autosave_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_return_val_if_fail (KT_IS_WINDOW (self), NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *data_path = NULL;
      g_autofree char *info_path = NULL;
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *title = NULL;
      g_autofree char *time = NULL;
      AdwMessageDialog *dialog;

      if (!g_str_has_suffix (name, ".khathi"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".khathi"));
      if (project_is_open (self, id))
        continue;
      data_path = g_build_filename (dir_path, name, NULL);
      info_path = g_strdup_printf ("%s/%s.info", dir_path, id);
      g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL);
      title = g_key_file_get_string (info, "autosave", "name", NULL);
      time = g_key_file_get_string (info, "autosave", "time", NULL);
      if (time != NULL)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (time, NULL);

          if (when != NULL)
            {
              g_autofree char *date = kt_format_date (when, kt_lang_current ());
              g_autofree char *hour = g_date_time_format (when, "%H:%M");

              g_free (time);
              time = g_strdup_printf ("%s %s", date, hour);
            }
        }

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Recover Unsaved Work?"), NULL));
      adw_message_dialog_format_body (dialog,
                                      _("Khả Thi closed before “%s” was saved. The copy kept "
                                        "automatically (%s) can be recovered."),
                                      title && *title ? title : _("Untitled Study"),
                                      time ? time : "?");
      adw_message_dialog_add_responses (dialog, "later", _("_Later"), "discard", _("_Discard"),
                                        "recover", _("_Recover"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "recover");
      adw_message_dialog_set_close_response (dialog, "later");
      g_object_set_data_full (G_OBJECT (dialog), "kt-data", g_steal_pointer (&data_path), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "kt-info", g_steal_pointer (&info_path), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "kt-uri",
                              g_key_file_get_string (info, "autosave", "file", NULL), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return dialog;
    }
  return NULL;
}

/* ---- GObject ---- */

static void
kt_window_constructed (GObject *object)
{
  KtWindow *self = KT_WINDOW (object);
  GApplication *app = g_application_get_default ();

  G_OBJECT_CLASS (kt_window_parent_class)->constructed (object);

  /* Windows share the application's settings (g_settings_new() would abort
   * where the schema is only in the build folder).  GtkWindow:application is
   * not a construct property, so it is still unset here: ask GApplication. */
  g_return_if_fail (KT_IS_APPLICATION (app));
  self->settings = g_object_ref (kt_application_get_settings (KT_APPLICATION (app)));
  g_signal_connect_object (self->settings, "changed::money-unit",
                           G_CALLBACK (money_unit_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (recent_files_changed_cb), self, 0);
  update_recent (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
kt_window_dispose (GObject *object)
{
  KtWindow *self = KT_WINDOW (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editor, self);
      g_signal_handlers_disconnect_by_data (kt_editor_get_stack (self->editor), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_WINDOW);
  g_clear_pointer (&self->section_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem_groups, g_ptr_array_unref);
  g_clear_pointer (&self->problem_signatures, g_strfreev);
  g_clear_object (&self->editor);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->loading_file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kt_window_parent_class)->dispose (object);
}

static void
kt_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KtWindow *self = KT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading_file != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_window_class_init (KtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kt_window_constructed;
  object_class->dispose = kt_window_dispose;
  object_class->get_property = kt_window_get_property;
  window_class->close_request = kt_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, KT_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/khathi/Khathi/ui/kt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KtWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, samples_group);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, samples_list);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, name_vi_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, id_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, proposer_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, tax_code_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, representative_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, province_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, field_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, domain_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, form_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, version_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, rule_set_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, start_year_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, construction_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, operation_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, price_base_year_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, investment_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, operations_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, financing_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, risks_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, uncertainty_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, scenarios_row);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, chapters_row);
  gtk_widget_class_bind_template_callback (widget_class, samples_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_button_clicked_cb);
}

static void
kt_window_init (KtWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "kt-window");

  self->overview_problems = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->overview_problems, _("Problems"));
  adw_preferences_group_set_description (self->overview_problems,
                                         _("Select a problem to go to its field"));
  gtk_widget_set_visible (GTK_WIDGET (self->overview_problems), FALSE);
  adw_preferences_page_add (self->overview_page, self->overview_problems);

  update_title (self);
  update_actions (self);
  populate_samples (self);
  g_object_bind_property (self, "loading", self->loading_spinner, "spinning",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "loading", self->loading_spinner, "visible",
                          G_BINDING_SYNC_CREATE);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_target_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  self->autosave_id = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave_timeout_cb, self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
}

KtWindow *
kt_window_new (KtApplication *application)
{
  g_return_val_if_fail (KT_IS_APPLICATION (application), NULL);
  return g_object_new (KT_TYPE_WINDOW, "application", application, NULL);
}

void
kt_window_open_file (KtWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading_file (self, file);

  task = g_task_new (self, self->cancellable, load_ready_cb, NULL);
  g_task_set_source_tag (task, kt_window_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

void
kt_window_set_new_project (KtWindow           *self,
                           KtProject          *project,
                           const char * const *assumptions)
{
  g_return_if_fail (KT_IS_WINDOW (self));
  g_return_if_fail (KT_IS_PROJECT (project));

  set_project (self, project, NULL);
  for (guint i = 0; assumptions != NULL && assumptions[i] != NULL; i++)
    kt_editor_add_assumption (self->editor, assumptions[i]);
  self->unsaved_new = TRUE;
  /* Show the tags now that the set is filled. */
  g_signal_emit_by_name (self->editor, "refresh", "");
  update_title (self);
  update_actions (self);
  if (assumptions != NULL && assumptions[0] != NULL)
    kt_window_add_toast (self, adw_toast_new (_("Defaults marked “Assumption” are to be reviewed")));
}

KtProject *
kt_window_get_project (KtWindow *self)
{
  g_return_val_if_fail (KT_IS_WINDOW (self), NULL);
  return self->project;
}

KtEditor *
kt_window_get_editor (KtWindow *self)
{
  g_return_val_if_fail (KT_IS_WINDOW (self), NULL);
  return self->editor;
}

GFile *
kt_window_get_file (KtWindow *self)
{
  g_return_val_if_fail (KT_IS_WINDOW (self), NULL);
  return self->loading_file != NULL ? self->loading_file : self->file;
}

gboolean
kt_window_is_dirty (KtWindow *self)
{
  g_return_val_if_fail (KT_IS_WINDOW (self), FALSE);
  return is_dirty (self);
}

void
kt_window_add_toast (KtWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (KT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
kt_window_is_loading (KtWindow *self)
{
  g_return_val_if_fail (KT_IS_WINDOW (self), FALSE);
  return self->loading_file != NULL;
}

gboolean
kt_window_is_empty (KtWindow *self)
{
  g_return_val_if_fail (KT_IS_WINDOW (self), FALSE);
  return self->project == NULL && self->loading_file == NULL;
}
