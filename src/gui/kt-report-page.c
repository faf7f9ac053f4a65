/* kt-report-page.c — the editor's Report section: the proposal as PDF or print, the statements as XLSX
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kt-pdf.h"
#include "kt-print.h"
#include "kt-project-file.h"
#include "kt-proposal.h"
#include "kt-report-font.h"
#include "kt-report-page.h"
#include "kt-rules.h"
#include "kt-simulation.h"
#include "kt-xlsx.h"

/* Width of the cover thumbnail, in logical pixels. */
#define THUMB_WIDTH 150
/* The preview waits for the edits to settle. */
#define PREVIEW_DELAY_MS 800

typedef enum {
  JOB_PDF,
  JOB_XLSX,
  JOB_PRINT,
  JOB_PREVIEW,
} JobKind;

typedef enum {
  STAGE_PREPARING,
  STAGE_SIMULATING,
  STAGE_LAYOUT,
  STAGE_WRITING,
} Stage;

/* What a worker thread needs, taken on the main thread so the study may
 * change meanwhile. */
typedef struct {
  JobKind             kind;
  KtProject          *project;     /* a copy */
  GFile              *source;      /* the study's file, for the fingerprint; NULL if none */
  GFile              *target;      /* PDF or XLSX; NULL for print and preview */
  KtLang              lang;
  gboolean            simulate;    /* run a simulation unless `simulation` is set */
  KtSimulationResult *simulation;  /* a copy of the Results page's run, or NULL */
  int                 stage;       /* Stage, atomic */
  int                 permille;    /* simulation progress, atomic */
  KtPdf              *pdf;         /* out: the laid-out report (print, preview) */
  guint               generation;  /* the page's when the job started */
} Job;

struct _KtReportPage
{
  AdwBin          parent_instance;

  KtWindow       *window;          /* weak: the window owns the page */
  KtResultsPage  *results;         /* weak, may be NULL */
  KtProject      *project;

  AdwComboRow    *lang_row;
  AdwActionRow   *simulation_row;
  GtkSwitch      *simulation_switch;
  AdwPreferencesGroup *contents_group;
  AdwExpanderRow *chapters_row;
  GPtrArray      *chapter_rows;
  AdwActionRow   *fingerprint_row;
  AdwActionRow   *unsaved_row;
  GtkPicture     *thumbnail;
  GtkSpinner     *preview_spinner;
  GtkWidget      *pdf_button;
  GtkWidget      *print_button;
  GtkWidget      *xlsx_button;
  GtkRevealer    *progress_revealer;
  GtkProgressBar *progress_bar;

  GCancellable   *cancellable;     /* of the export or print being prepared */
  Job            *job;             /* owned by its task while it runs */
  guint           progress_id;
  GCancellable   *preview_cancellable;
  guint           preview_id;
  guint           preview_pages;
  guint           generation;      /* bumped by every change of what the report shows */
  guint           shown_generation; /* of the preview shown */
  GtkPrintSettings *print_settings;
  GtkPrintOperation *print_operation;  /* while its dialog is open */
};

G_DEFINE_FINAL_TYPE (KtReportPage, kt_report_page, ADW_TYPE_BIN)

/* ---- jobs ---- */

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->project);
  g_clear_object (&job->source);
  g_clear_object (&job->target);
  g_clear_pointer (&job->simulation, kt_simulation_result_free);
  g_clear_pointer (&job->pdf, kt_pdf_free);
  g_free (job);
}

/* A deep copy of the fields a report reads and frees: the Results page may
 * withdraw its run while the thread works. */
static KtSimulationResult *
copy_simulation (const KtSimulationResult *result)
{
  KtSimulationResult *copy = g_memdup2 (result, sizeof *result);

  for (int k = 0; k < KT_N_OUTCOMES; k++)
    copy->outcomes[k].sorted = result->outcomes[k].sorted != NULL
                               ? g_memdup2 (result->outcomes[k].sorted,
                                            result->outcomes[k].summary.n * sizeof (double))
                               : NULL;
  copy->correlation = result->correlation != NULL
                      ? g_memdup2 (result->correlation, (gsize) result->n_correlated
                                                          * result->n_correlated * sizeof (double))
                      : NULL;
#define COPY_YEARS(field) \
  copy->field = result->field != NULL \
                ? g_memdup2 (result->field, (gsize) MAX (result->n_years, 0) * sizeof (double)) \
                : NULL
  COPY_YEARS (payout_mean);
  COPY_YEARS (payout_sd);
  COPY_YEARS (payout_p95);
  COPY_YEARS (payout_probability);
#undef COPY_YEARS
  copy->problems = result->problems != NULL ? g_ptr_array_ref (result->problems) : NULL;
  return copy;
}

static void
simulation_progress_cb (guint64  done,
                        guint64  total,
                        gpointer user_data)
{
  Job *job = user_data;

  if (total > 0)
    g_atomic_int_set (&job->permille, (int) (1000 * done / total));
}

static gboolean
load_rules (const KtProjectData *data,
            KtRuleSet          **set_out,
            KtRules             *rules,
            GError             **error)
{
  const char *id = data->rule_set != NULL && *data->rule_set ? data->rule_set
                                                               : kt_rule_set_default_id ();
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (KtRuleSet) set = kt_rule_set_load_by_id (id, &local_error);

  if (set == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The rule set “%s” cannot be loaded: %s"), id, local_error->message);
      return FALSE;
    }
  kt_rules_resolve (set, data, rules, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      const KtProblem *p = g_ptr_array_index (problems, i);

      if (p->severity == KT_SEVERITY_ERROR)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, p->message);
          return FALSE;
        }
    }
  *set_out = g_steal_pointer (&set);
  return TRUE;
}

static gboolean
write_bytes (GFile         *target,
             GBytes        *bytes,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!g_file_replace_contents (target, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_WRITE, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  const KtProjectData *data = kt_project_get_data (job->project);
  g_autoptr (KtRuleSet) set = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sha = NULL;
  const KtSimulationResult *simulation = job->simulation;
  g_autoptr (KtSimulationResult) run = NULL;
  KtRules rules;

  if (!load_rules (data, &set, &rules, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->simulate && simulation == NULL && data->uncertainties->len > 0)
    {
      KtSimulationOptions options;

      g_atomic_int_set (&job->stage, STAGE_SIMULATING);
      kt_simulation_options_init (&options, data);
      options.progress = simulation_progress_cb;
      options.progress_data = job;
      run = kt_simulation_run (data, &rules, &options, cancellable, &error);
      if (run == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      simulation = run;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  g_atomic_int_set (&job->stage, STAGE_LAYOUT);
  if (job->kind == JOB_XLSX)
    {
      g_autofree char *path = g_file_get_path (job->target);

      if (path == NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                                   _("Spreadsheets can only be written to a local folder"));
          return;
        }
      if (!kt_xlsx_export (data, &rules, simulation, job->lang, path, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  /* A file that cannot be read (moved since) prints "not saved", as a new study. */
  if (job->source != NULL)
    sha = kt_proposal_file_sha256 (job->source, NULL);
  {
    KtProposalOptions options;

    kt_proposal_options_init (&options, job->lang);
    options.project_sha256 = sha;
    options.simulation = simulation;
    job->pdf = kt_proposal_layout (data, set, &rules, &options, &error);
  }
  if (job->pdf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  if (job->kind == JOB_PDF)
    {
      g_autoptr (GBytes) bytes = NULL;

      g_atomic_int_set (&job->stage, STAGE_WRITING);
      bytes = kt_pdf_finish_to_bytes (job->pdf, &error);
      if (bytes == NULL || !write_bytes (job->target, bytes, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static Job *
job_new (KtReportPage *self,
         JobKind       kind,
         GFile        *target)
{
  Job *job = g_new0 (Job, 1);
  GFile *source = kt_window_get_file (self->window);

  job->kind = kind;
  job->generation = self->generation;
  job->project = kt_project_copy (self->project);
  job->source = source != NULL ? g_object_ref (source) : NULL;
  job->target = target != NULL ? g_object_ref (target) : NULL;
  job->lang = kt_report_page_get_lang (self);
  job->simulate = kt_report_page_get_include_simulation (self);
  if (job->simulate && self->results != NULL)
    {
      const KtSimulationResult *result =
        kt_simulation_page_get_result (kt_results_page_get_simulation (self->results));

      if (result != NULL)
        job->simulation = copy_simulation (result);
    }
  /* The preview never runs a simulation: its chapters and pages barely change. */
  if (kind == JOB_PREVIEW && job->simulation == NULL)
    job->simulate = FALSE;
  return job;
}

/* ---- helpers ---- */

static char *
file_name_of (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  return g_path_get_basename (parse_name);
}

/* "can-tho-smart-traffic.pdf" from the study's file, else from its name;
 * without `extension`, the bare name. */
static char *
suggested_name (KtReportPage *self,
                const char   *extension)
{
  GFile *file = kt_window_get_file (self->window);
  g_autofree char *base = NULL;

  if (file != NULL)
    {
      char *dot;

      base = file_name_of (file);
      dot = strrchr (base, '.');
      if (dot != NULL && dot != base)
        *dot = '\0';
    }
  else
    {
      const char *name = kt_project_get_display_name (self->project);

      base = g_strdup (name != NULL && *name != '\0' ? name : _("Untitled Study"));
      /* Characters that no file system takes. */
      g_strdelimit (base, "/\\:*?\"<>|", '-');
    }
  return extension != NULL ? g_strdup_printf ("%s.%s", base, extension) : g_steal_pointer (&base);
}

static const char *
stage_text (Stage stage)
{
  switch (stage)
    {
    case STAGE_SIMULATING:
      return _("Running the Monte Carlo simulation…");
    case STAGE_LAYOUT:
      return _("Laying out the report…");
    case STAGE_WRITING:
      return _("Writing the file…");
    case STAGE_PREPARING:
    default:
      return _("Preparing…");
    }
}

static gboolean
progress_timeout_cb (gpointer user_data)
{
  KtReportPage *self = user_data;
  Stage stage;

  if (self->job == NULL)
    return G_SOURCE_CONTINUE;
  stage = g_atomic_int_get (&self->job->stage);
  gtk_progress_bar_set_text (self->progress_bar, stage_text (stage));
  if (stage == STAGE_SIMULATING)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   g_atomic_int_get (&self->job->permille) / 1000.0);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
update_buttons (KtReportPage *self)
{
  gboolean busy = self->job != NULL;

  gtk_widget_set_sensitive (self->pdf_button, !busy);
  gtk_widget_set_sensitive (self->print_button, !busy);
  gtk_widget_set_sensitive (self->xlsx_button, !busy && kt_xlsx_available ());
  gtk_widget_set_sensitive (GTK_WIDGET (self->lang_row), !busy);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
}

static void
set_busy (KtReportPage *self,
          Job          *job)
{
  self->job = job;
  if (job != NULL && self->progress_id == 0)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, stage_text (STAGE_PREPARING));
      self->progress_id = g_timeout_add (100, progress_timeout_cb, self);
    }
  else if (job == NULL)
    g_clear_handle_id (&self->progress_id, g_source_remove);
  update_buttons (self);
}

static void
show_error (KtReportPage *self,
            const char   *heading,
            GFile        *file,
            const GError *error)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  g_autofree char *name = file != NULL ? file_name_of (file) : NULL;

  if (error->domain == KT_REPORT_FONT_ERROR)
    /* Translators: %s is the font family, then the technical message */
    body = g_strdup_printf (_("The report font %s is not installed. Install the package "
                              "“fonts-liberation2” and try again.\n\n%s"),
                            kt_report_font_family (), error->message);
  else if (name != NULL && g_error_matches (error, KT_PDF_ERROR, KT_PDF_ERROR_WRITE))
    /* Translators: the file name, then the system's reason */
    body = g_strdup_printf (_("“%s” could not be written: %s"), name, error->message);
  else if (name != NULL)
    body = g_strdup_printf ("“%s”: %s", name, error->message);
  else
    body = g_strdup (error->message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast_open_clicked_cb (AdwToast *toast,
                       GFile    *file)
{
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "kt-window");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (window != NULL ? GTK_WINDOW (window) : NULL, uri, GDK_CURRENT_TIME);
}

static void
show_done_toast (KtReportPage *self,
                 GFile        *file)
{
  g_autofree char *name = file_name_of (file);
  /* Toast titles take markup in libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  /* Translators: a file was written, e.g. "Exported “study.pdf”" */
  AdwToast *toast = adw_toast_new_format (_("Exported “%s”"), escaped);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_timeout (toast, 8);
  g_object_set_data (G_OBJECT (toast), "kt-window", self->window);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (toast_open_clicked_cb),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  kt_window_add_toast (self->window, toast);
}

/* ---- summary and preview ---- */

static void
update_simulation_row (KtReportPage *self)
{
  const KtProjectData *data = kt_project_get_data (self->project);
  const KtSimulationResult *result = NULL;
  KtLang ui = kt_lang_current ();
  g_autofree char *subtitle = NULL;

  if (self->results != NULL)
    result = kt_simulation_page_get_result (kt_results_page_get_simulation (self->results));

  gtk_widget_set_sensitive (GTK_WIDGET (self->simulation_switch), data->uncertainties->len > 0);
  if (data->uncertainties->len == 0)
    subtitle = g_strdup (_("The study has no distribution (Uncertainty section): the report "
                           "says that no simulation was run"));
  else if (!gtk_switch_get_active (self->simulation_switch))
    subtitle = g_strdup (_("Left out: the report says that no simulation was run"));
  else
    {
      KtSimulationOptions options;
      char seed[32];
      g_autofree char *iterations = NULL;

      kt_simulation_options_init (&options, data);
      if (result != NULL)
        {
          options.iterations = result->iterations;
          options.seed = result->seed;
        }
      g_snprintf (seed, sizeof seed, "%" G_GUINT64_FORMAT, options.seed);
      iterations = kt_format_number (options.iterations, 0, ui);
      if (result != NULL)
        /* Translators: iterations, then the seed */
        subtitle = g_strdup_printf (_("The finished run of the Results page: %s iterations, "
                                      "seed %s"), iterations, seed);
      else
        /* Translators: iterations, then the seed */
        subtitle = g_strdup_printf (_("Runs %s iterations with seed %s (the Uncertainty "
                                      "settings) when exporting"), iterations, seed);
    }
  adw_action_row_set_subtitle (self->simulation_row, subtitle);
}

static void
update_fingerprint (KtReportPage *self)
{
  GFile *file = kt_window_get_file (self->window);
  gboolean dirty = kt_window_is_dirty (self->window);
  g_autofree char *sha = NULL;

  if (file != NULL)
    sha = kt_proposal_file_sha256 (file, NULL);
  if (sha != NULL)
    {
      g_autofree char *name = file_name_of (file);
      /* Two lines of 32 hex digits fit a narrow window; the subtitle takes markup. */
      g_autofree char *shown = g_strdup_printf ("<tt>%.32s\n%s</tt>", sha, sha + 32);

      adw_action_row_set_subtitle (self->fingerprint_row, shown);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->fingerprint_row), name);
    }
  else
    {
      adw_action_row_set_subtitle (self->fingerprint_row,
                                   _("The study is not saved yet: the pages say “not saved”"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->fingerprint_row), NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unsaved_row), dirty);
  adw_action_row_set_subtitle (self->unsaved_row,
                               file != NULL
                               ? _("The report shows the study as edited, but its fingerprint "
                                   "is that of the file on disk. Save first so that they match.")
                               : _("Save the study first so that the report carries its "
                                   "fingerprint."));
}

static void
clear_chapter_rows (KtReportPage *self)
{
  for (guint i = 0; i < self->chapter_rows->len; i++)
    adw_expander_row_remove (self->chapters_row, g_ptr_array_index (self->chapter_rows, i));
  g_ptr_array_set_size (self->chapter_rows, 0);
}

static GdkTexture *
render_thumbnail (KtPdf *pdf,
                  int    scale_factor)
{
  double width, height, scale;
  int w, h;
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *bytes;
  GdkTexture *texture;

  kt_pdf_get_page_size (pdf, 0, &width, &height);
  scale = THUMB_WIDTH * scale_factor / width;
  w = (int) (width * scale + 0.5);
  h = (int) (height * scale + 0.5);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  kt_pdf_draw_page (pdf, cr, 0, scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * h,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  /* cairo's ARGB32 is GDK_MEMORY_DEFAULT in memory order. */
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);
  return texture;
}

static void
show_preview (KtReportPage *self,
              KtPdf        *pdf)
{
  guint n_pages = kt_pdf_get_n_pages (pdf);
  guint chapters = 0, appendices = 0;
  g_autofree char *description = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *chapters_text = NULL;
  g_autofree char *appendices_text = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  self->preview_pages = n_pages;
  clear_chapter_rows (self);
  for (guint i = 0; i < kt_pdf_get_n_headings (pdf); i++)
    {
      guint level = 0;
      const char *entry = kt_pdf_get_heading_entry (pdf, i, &level);
      g_autofree char *page = NULL;
      GtkWidget *row;
      GtkWidget *label;

      if (level != 1)
        continue;
      /* Numbered chapters start with a digit; appendices with their label. */
      if (g_ascii_isdigit (entry[0]))
        chapters++;
      else
        appendices++;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry);
      /* Translators: where a chapter starts, e.g. "p. 5" */
      page = g_strdup_printf (_("p. %u"), kt_pdf_get_heading_page (pdf, i));
      label = gtk_label_new (page);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_expander_row_add_row (self->chapters_row, row);
      g_ptr_array_add (self->chapter_rows, row);
    }
  chapters_text = g_strdup_printf (ngettext ("%u chapter", "%u chapters", chapters), chapters);
  appendices_text = g_strdup_printf (ngettext ("%u appendix", "%u appendices", appendices),
                                     appendices);
  /* Translators: joins "9 chapters" and "3 appendices" */
  subtitle = g_strdup_printf (_("%s, %s"), chapters_text, appendices_text);
  adw_expander_row_set_subtitle (self->chapters_row, subtitle);
  description = g_strdup_printf (ngettext ("%u A4 page: cover, contents, chapters, signature "
                                           "and appendices",
                                           "%u A4 pages: cover, contents, chapters, signature "
                                           "and appendices", n_pages), n_pages);
  adw_preferences_group_set_description (self->contents_group, description);

  texture = render_thumbnail (pdf, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  gtk_picture_set_paintable (self->thumbnail, GDK_PAINTABLE (texture));
}

static void
preview_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KtReportPage *self = KT_REPORT_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  /* Only the latest preview stops the spinner; a cancelled one says nothing. */
  if (g_task_get_cancellable (G_TASK (result)) == self->preview_cancellable)
    gtk_spinner_stop (self->preview_spinner);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* The description takes markup. */
          g_autofree char *message = g_markup_escape_text (error->message, -1);

          adw_preferences_group_set_description (self->contents_group, message);
        }
      return;
    }
  if (job->generation == self->generation)
    {
      show_preview (self, job->pdf);
      self->shown_generation = job->generation;
    }
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  KtReportPage *self = user_data;
  g_autoptr (GTask) task = NULL;

  self->preview_id = 0;
  if (self->job != NULL || !gtk_widget_get_mapped (GTK_WIDGET (self))
      || self->shown_generation == self->generation)
    return G_SOURCE_REMOVE;
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->preview_spinner);
  task = g_task_new (self, self->preview_cancellable, preview_ready_cb, NULL);
  g_task_set_source_tag (task, preview_timeout_cb);
  g_task_set_task_data (task, job_new (self, JOB_PREVIEW, NULL), job_free);
  g_task_run_in_thread (task, job_thread);
  return G_SOURCE_REMOVE;
}

/* Lays the preview out again, if it is out of date, once the page shows and
 * the edits settle. */
static void
queue_preview (KtReportPage *self)
{
  g_clear_handle_id (&self->preview_id, g_source_remove);
  if (self->shown_generation != self->generation && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

/* What the report shows changed. */
static void
invalidate (KtReportPage *self)
{
  self->generation++;
  queue_preview (self);
}

/* ---- running jobs ---- */

static void
start_job (KtReportPage        *self,
           JobKind              kind,
           GFile               *target,
           GAsyncReadyCallback  callback,
           gpointer             user_data,
           gpointer             source_tag)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  /* The preview would only compete for the processor; it runs again after. */
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  gtk_spinner_stop (self->preview_spinner);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  job = job_new (self, kind, target);
  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);
  set_busy (self, job);
  g_task_run_in_thread (task, job_thread);
}

static void
export_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KtReportPage *self = KT_REPORT_PAGE (source);
  g_autoptr (GTask) outer = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  set_busy (self, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      queue_preview (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, job->kind == JOB_XLSX ? _("The spreadsheet could not be exported")
                                                : _("The report could not be exported"),
                    job->target, error);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  /* The exported report is as good a preview as any. */
  if (job->kind == JOB_PDF && job->pdf != NULL && job->generation == self->generation)
    {
      g_clear_handle_id (&self->preview_id, g_source_remove);
      show_preview (self, job->pdf);
      self->shown_generation = job->generation;
    }
  queue_preview (self);
  show_done_toast (self, job->target);
  g_task_return_boolean (outer, TRUE);
}

static void
export_to (KtReportPage        *self,
           JobKind              kind,
           GFile               *file,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *outer = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (outer, kt_report_page_export_finish);
  if (self->job != NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("Another export is in progress"));
      g_object_unref (outer);
      return;
    }
  start_job (self, kind, file, export_ready_cb, outer, export_to);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     KtReportPage    *self)
{
  JobKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kt-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        export_to (self, kind, file, NULL, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (KtReportPage *self,
             JobKind       kind)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, kind == JOB_XLSX ? "xlsx" : "pdf");
  GFile *study = kt_window_get_file (self->window);

  if (self->job != NULL || self->project == NULL)
    return;
  chooser = gtk_file_chooser_native_new (kind == JOB_XLSX ? _("Export Spreadsheet")
                                                          : _("Export Report as PDF"),
                                         GTK_WINDOW (self->window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (kind == JOB_XLSX)
    {
      gtk_file_filter_set_name (filter, _("Spreadsheets (XLSX)"));
      gtk_file_filter_add_mime_type (filter,
                                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      gtk_file_filter_add_suffix (filter, "xlsx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (study != NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (study);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "kt-kind", GINT_TO_POINTER (kind));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               KtReportPage            *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr (GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (self, _("The report could not be printed"), NULL, error);
    }
  g_clear_object (&self->print_operation);
}

static void
print_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  KtReportPage *self = KT_REPORT_PAGE (source);
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;

  operation = kt_report_page_prepare_print_finish (self, result, &error);
  if (operation == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("The report could not be printed"), NULL, error);
      return;
    }
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  else
    {
      /* "Print to File" then suggests the study's name rather than "output". */
      g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
      g_autofree char *base = suggested_name (self, NULL);

      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, base);
      gtk_print_operation_set_print_settings (operation, settings);
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_set_object (&self->print_operation, operation);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  /* Errors arrive through ::done, with the asynchronous dialog. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self->window), NULL)
      != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_clear_object (&self->print_operation);
}

static void
prepare_print_ready_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  KtReportPage *self = KT_REPORT_PAGE (source);
  g_autoptr (GTask) outer = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *job_name = NULL;

  set_busy (self, NULL);
  queue_preview (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  job_name = suggested_name (self, NULL);
  g_task_return_pointer (outer, kt_print_operation_new (g_steal_pointer (&job->pdf), job_name),
                         g_object_unref);
}

/* ---- signal callbacks ---- */

static void
lang_row_selected_cb (KtReportPage *self)
{
  invalidate (self);
}

static void
simulation_switch_active_cb (KtReportPage *self)
{
  update_simulation_row (self);
  invalidate (self);
}

static void
project_changed_cb (KtReportPage *self)
{
  update_simulation_row (self);
  invalidate (self);
}

/* The title marks unsaved changes; reading the file waits until the page shows. */
static void
window_title_changed_cb (KtReportPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_fingerprint (self);
}

static void
simulation_result_changed_cb (KtReportPage *self)
{
  update_simulation_row (self);
}

static void
save_button_clicked_cb (KtReportPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
}

static void
cancel_button_clicked_cb (KtReportPage *self)
{
  kt_report_page_cancel (self);
}

static void
pdf_button_clicked_cb (KtReportPage *self)
{
  kt_report_page_export_pdf (self);
}

static void
print_button_clicked_cb (KtReportPage *self)
{
  kt_report_page_print (self);
}

static void
xlsx_button_clicked_cb (KtReportPage *self)
{
  kt_report_page_export_xlsx (self);
}

static void
page_mapped_cb (KtReportPage *self)
{
  update_fingerprint (self);
  update_simulation_row (self);
  if (self->job == NULL)
    queue_preview (self);
}

/* ---- construction ---- */

static GtkWidget *
pill_button (const char *label,
             const char *icon)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "pill");
  return button;
}

static void
build (KtReportPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *options = adw_preferences_group_new ();
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *frame;
  GtkWidget *buttons = gtk_flow_box_new ();
  GtkWidget *progress = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cancel;
  GtkWidget *save;
  g_autoptr (GtkStringList) langs = gtk_string_list_new (NULL);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);

  /* Options */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (options), _("Feasibility Study Report"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (options),
                                         _("The proposal as an A4 PDF after Decree 30/2020, with "
                                           "the figures of the engine; the statements as a "
                                           "spreadsheet"));
  /* Language names in their own language, as language choosers show them. */
  gtk_string_list_append (langs, "Tiếng Việt");
  gtk_string_list_append (langs, "English");
  self->lang_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lang_row), _("Report _language"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->lang_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->lang_row),
                               _("Independent of the language of the application"));
  adw_combo_row_set_model (self->lang_row, G_LIST_MODEL (langs));
  adw_combo_row_set_selected (self->lang_row, kt_lang_current () == KT_LANG_VI ? 0 : 1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options), GTK_WIDGET (self->lang_row));

  self->simulation_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->simulation_row),
                                 _("Include _Monte Carlo results"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->simulation_row), TRUE);
  self->simulation_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->simulation_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->simulation_row, GTK_WIDGET (self->simulation_switch));
  adw_action_row_set_activatable_widget (self->simulation_row,
                                         GTK_WIDGET (self->simulation_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (options), GTK_WIDGET (self->simulation_row));
  gtk_box_append (GTK_BOX (box), options);

  /* Contents, beside the cover */
  self->thumbnail = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->thumbnail, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self->thumbnail), THUMB_WIDTH,
                               (int) (THUMB_WIDTH * 841.89 / 595.276));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->thumbnail),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("First page of the report"),
                                  -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->thumbnail));
  gtk_widget_set_valign (frame, GTK_ALIGN_START);
  gtk_widget_set_halign (frame, GTK_ALIGN_START);
  gtk_widget_set_hexpand (frame, FALSE);
  gtk_widget_add_css_class (frame, "kt-report-thumbnail");
  gtk_box_append (GTK_BOX (top), frame);

  self->contents_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->contents_group), TRUE);
  adw_preferences_group_set_title (self->contents_group, _("Contents"));
  adw_preferences_group_set_description (self->contents_group, _("Laying out the report…"));
  self->preview_spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_preferences_group_set_header_suffix (self->contents_group,
                                           GTK_WIDGET (self->preview_spinner));

  self->chapters_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chapters_row), _("Chapters"));
  adw_preferences_group_add (self->contents_group, GTK_WIDGET (self->chapters_row));

  self->fingerprint_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fingerprint_row),
                                 _("Integrity fingerprint (SHA-256 of the saved file)"));
  adw_action_row_set_subtitle_lines (self->fingerprint_row, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->fingerprint_row), "kt-fingerprint");
  adw_preferences_group_add (self->contents_group, GTK_WIDGET (self->fingerprint_row));

  self->unsaved_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unsaved_row), _("Unsaved changes"));
  adw_action_row_set_subtitle_lines (self->unsaved_row, 0);
  adw_action_row_add_prefix (self->unsaved_row,
                             gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_button_clicked_cb), self);
  adw_action_row_add_suffix (self->unsaved_row, save);
  gtk_widget_add_css_class (GTK_WIDGET (self->unsaved_row), "warning");
  adw_preferences_group_add (self->contents_group, GTK_WIDGET (self->unsaved_row));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->contents_group));
  gtk_box_append (GTK_BOX (box), top);

  /* Actions */
  self->pdf_button = pill_button (_("Export _PDF…"), "x-office-document-symbolic");
  gtk_widget_add_css_class (self->pdf_button, "suggested-action");
  self->print_button = pill_button (_("P_rint…"), "printer-symbolic");
  self->xlsx_button = pill_button (_("Export _Spreadsheet…"), "x-office-spreadsheet-symbolic");
  if (!kt_xlsx_available ())
    gtk_widget_set_tooltip_text (self->xlsx_button,
                                 _("This build has no spreadsheet support (libxlsxwriter)"));
  g_signal_connect_swapped (self->pdf_button, "clicked", G_CALLBACK (pdf_button_clicked_cb), self);
  g_signal_connect_swapped (self->print_button, "clicked",
                            G_CALLBACK (print_button_clicked_cb), self);
  g_signal_connect_swapped (self->xlsx_button, "clicked",
                            G_CALLBACK (xlsx_button_clicked_cb), self);
  /* A flow box: the three buttons wrap in a narrow window. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 12);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), self->pdf_button);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), self->print_button);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), self->xlsx_button);
  for (GtkWidget *child = gtk_widget_get_first_child (buttons); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_focusable (child, FALSE);
      gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
    }
  gtk_box_append (GTK_BOX (box), buttons);

  /* Progress */
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress_bar), GTK_ALIGN_CENTER);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_button_clicked_cb), self);
  gtk_box_append (GTK_BOX (progress), GTK_WIDGET (self->progress_bar));
  gtk_box_append (GTK_BOX (progress), cancel);
  self->progress_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->progress_revealer, progress);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_revealer));
}

/* ---- overrides ---- */

static void
kt_report_page_dispose (GObject *object)
{
  KtReportPage *self = KT_REPORT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->print_operation);
  g_clear_pointer (&self->chapter_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (kt_report_page_parent_class)->dispose (object);
}

static void
kt_report_page_finalize (GObject *object)
{
  KtReportPage *self = KT_REPORT_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_cancellable);
  G_OBJECT_CLASS (kt_report_page_parent_class)->finalize (object);
}

static void
kt_report_page_class_init (KtReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_report_page_dispose;
  object_class->finalize = kt_report_page_finalize;
}

static void
kt_report_page_init (KtReportPage *self)
{
  self->chapter_rows = g_ptr_array_new ();
  /* Nothing shown yet. */
  self->shown_generation = G_MAXUINT;
  build (self);
}

/* ---- public API ---- */

GtkWidget *
kt_report_page_new (KtWindow      *window,
                    KtResultsPage *results)
{
  KtReportPage *self;
  KtProject *project;

  g_return_val_if_fail (KT_IS_WINDOW (window), NULL);
  g_return_val_if_fail (results == NULL || KT_IS_RESULTS_PAGE (results), NULL);
  project = kt_window_get_project (window);
  g_return_val_if_fail (KT_IS_PROJECT (project), NULL);

  self = g_object_new (KT_TYPE_REPORT_PAGE, NULL);
  self->window = window;
  self->results = results;
  self->project = g_object_ref (project);

  gtk_switch_set_active (self->simulation_switch,
                         kt_project_get_data (project)->uncertainties->len > 0);
  g_signal_connect_swapped (self->lang_row, "notify::selected",
                            G_CALLBACK (lang_row_selected_cb), self);
  g_signal_connect_swapped (self->simulation_switch, "notify::active",
                            G_CALLBACK (simulation_switch_active_cb), self);
  g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed_cb), self);
  g_signal_connect_object (window, "notify::title", G_CALLBACK (window_title_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::file", G_CALLBACK (window_title_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (results != NULL)
    g_signal_connect_object (kt_results_page_get_simulation (results), "result-changed",
                             G_CALLBACK (simulation_result_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (page_mapped_cb), NULL);
  update_simulation_row (self);
  update_fingerprint (self);
  update_buttons (self);
  return GTK_WIDGET (self);
}

KtLang
kt_report_page_get_lang (KtReportPage *self)
{
  g_return_val_if_fail (KT_IS_REPORT_PAGE (self), KT_LANG_EN);
  return adw_combo_row_get_selected (self->lang_row) == 0 ? KT_LANG_VI : KT_LANG_EN;
}

void
kt_report_page_set_lang (KtReportPage *self,
                         KtLang        lang)
{
  g_return_if_fail (KT_IS_REPORT_PAGE (self));
  adw_combo_row_set_selected (self->lang_row, lang == KT_LANG_VI ? 0 : 1);
}

gboolean
kt_report_page_get_include_simulation (KtReportPage *self)
{
  g_return_val_if_fail (KT_IS_REPORT_PAGE (self), FALSE);
  return gtk_switch_get_active (self->simulation_switch)
         && kt_project_get_data (self->project)->uncertainties->len > 0;
}

void
kt_report_page_set_include_simulation (KtReportPage *self,
                                       gboolean      include)
{
  g_return_if_fail (KT_IS_REPORT_PAGE (self));
  gtk_switch_set_active (self->simulation_switch, include);
}

gboolean
kt_report_page_is_busy (KtReportPage *self)
{
  g_return_val_if_fail (KT_IS_REPORT_PAGE (self), FALSE);
  return self->job != NULL;
}

void
kt_report_page_cancel (KtReportPage *self)
{
  g_return_if_fail (KT_IS_REPORT_PAGE (self));
  g_cancellable_cancel (self->cancellable);
}

void
kt_report_page_export_pdf (KtReportPage *self)
{
  g_return_if_fail (KT_IS_REPORT_PAGE (self));
  choose_file (self, JOB_PDF);
}

void
kt_report_page_export_xlsx (KtReportPage *self)
{
  g_return_if_fail (KT_IS_REPORT_PAGE (self));
  if (kt_xlsx_available ())
    choose_file (self, JOB_XLSX);
}

void
kt_report_page_print (KtReportPage *self)
{
  g_return_if_fail (KT_IS_REPORT_PAGE (self));
  /* One print dialog at a time. */
  if (self->job == NULL && self->print_operation == NULL)
    kt_report_page_prepare_print (self, print_ready_cb, NULL);
}

void
kt_report_page_export_pdf_to (KtReportPage        *self,
                              GFile               *file,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (KT_IS_REPORT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  export_to (self, JOB_PDF, file, callback, user_data);
}

void
kt_report_page_export_xlsx_to (KtReportPage        *self,
                               GFile               *file,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (KT_IS_REPORT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  export_to (self, JOB_XLSX, file, callback, user_data);
}

gboolean
kt_report_page_export_finish (KtReportPage  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
kt_report_page_prepare_print (KtReportPage        *self,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *outer;

  g_return_if_fail (KT_IS_REPORT_PAGE (self));
  outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (outer, kt_report_page_prepare_print);
  if (self->job != NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("Another export is in progress"));
      g_object_unref (outer);
      return;
    }
  start_job (self, JOB_PRINT, NULL, prepare_print_ready_cb, outer, kt_report_page_prepare_print);
}

GtkPrintOperation *
kt_report_page_prepare_print_finish (KtReportPage  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
kt_report_page_get_preview_pages (KtReportPage *self)
{
  g_return_val_if_fail (KT_IS_REPORT_PAGE (self), 0);
  return self->preview_pages;
}

gboolean
kt_report_page_warns_unsaved (KtReportPage *self)
{
  g_return_val_if_fail (KT_IS_REPORT_PAGE (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->unsaved_row));
}
