/* kt-assistant.c — the new-study assistant: sector, form, template, name, place, years
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kt-assistant.h"
#include "kt-edit.h"
#include "kt-form.h"
#include "kt-project-file.h"
#include "kt-rules.h"

struct _KtAssistant
{
  AdwWindow    parent_instance;

  GSettings   *settings;
  GPtrArray   *templates;    /* GFile*, [0] = NULL for the empty study */
  GtkWidget   *create_button;
  GtkWidget   *name_vi_row, *name_en_row, *proposer_row, *province_row;
  GtkWidget   *field_row, *domain_row, *form_row, *template_row;
  GtkWidget   *start_spin, *construction_spin, *operation_spin;
};

G_DEFINE_FINAL_TYPE (KtAssistant, kt_assistant, ADW_TYPE_WINDOW)

enum { CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_create (KtAssistant *self)
{
  const char *vi = gtk_editable_get_text (GTK_EDITABLE (self->name_vi_row));
  const char *en = gtk_editable_get_text (GTK_EDITABLE (self->name_en_row));
  const char *proposer = gtk_editable_get_text (GTK_EDITABLE (self->proposer_row));

  gtk_widget_set_sensitive (self->create_button, (*vi || *en) && *proposer);
}

static void
entry_changed_cb (GtkEditable *editable,
                  KtAssistant *self)
{
  update_create (self);
}

/* A template brings its own years and classification. */
static void
template_selected_cb (AdwComboRow *row,
                      GParamSpec  *pspec,
                      KtAssistant *self)
{
  guint i = adw_combo_row_get_selected (row);
  GFile *file;
  g_autoptr(KtProject) project = NULL;
  const KtProjectData *d;

  if (i == GTK_INVALID_LIST_POSITION || i >= self->templates->len
      || (file = g_ptr_array_index (self->templates, i)) == NULL)
    return;
  project = kt_project_load (file, NULL, NULL);
  if (project == NULL)
    return;
  d = kt_project_get_data (project);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->field_row), d->field);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->domain_row), d->domain);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->form_row), d->form);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->start_spin), d->start_year);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->construction_spin), d->construction_years);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->operation_spin), d->operation_years);
  if (d->province != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->province_row), d->province);
}

static void
add (GStrvBuilder *assumptions,
     const char   *path)
{
  g_strv_builder_add (assumptions, path);
}

static void
add_risk (KtProjectData  *d,
          const char     *id,
          KtRiskCategory  category,
          KtOwner         owner,
          double          state_share,
          const char     *vi,
          const char     *en)
{
  KtPathTarget t;
  KtRisk *r;

  kt_path_resolve (d, "risks", &t, NULL);
  r = kt_list_append (d->risks, t.field->record);
  r->id = g_strdup (id);
  r->category = category;
  r->owner = owner;
  r->state_share = state_share;
  r->description.vi = g_strdup (vi);
  r->description.en = g_strdup (en);
}

static gboolean
users_pay (KtForm form)
{
  return form == KT_FORM_BOT || form == KT_FORM_BTO || form == KT_FORM_BOO || form == KT_FORM_OM
         || form == KT_FORM_HYBRID || form == KT_FORM_PUBLIC_ASSET_JV;
}

/* Defaults of an empty study (DOMAIN.md §3, §6): each one is listed for review. */
static void
fill_defaults (KtAssistant   *self,
               KtProjectData *d,
               GStrvBuilder  *assumptions)
{
  KtPathTarget t;
  g_autoptr(GString) notes = g_string_new (NULL);

  d->wacc = g_settings_get_double (self->settings, "default-wacc");
  d->cost_of_equity = g_settings_get_double (self->settings, "default-cost-of-equity");
  d->social_rate = g_settings_get_double (self->settings, "default-social-rate");
  add (assumptions, "rates/wacc");
  add (assumptions, "rates/cost-of-equity");
  add (assumptions, "rates/social-rate");
  add (assumptions, "rates/hurdle-rate");
  add (assumptions, "timeline/inflation");
  add (assumptions, "investment/contingency-rate");
  add (assumptions, "financing/equity-share");
  add (assumptions, "identity/st-project");
  d->st_project = TRUE;

  /* Decree 320: 10 % for 15 years for high technology, software and digital platforms. */
  if (d->field != KT_FIELD_DIGITAL_WORKFORCE)
    {
      d->incentive = KT_INCENTIVE_HIGH_TECH;
      add (assumptions, "incentives/incentive");
    }
  /* PPP Law Art. 82: revenue sharing for user-pay forms, S&T rule for years 1–3. */
  if (d->form == KT_FORM_BOT || d->form == KT_FORM_BTO || d->form == KT_FORM_BOO)
    {
      d->sharing.band_enabled = TRUE;
      d->sharing.st_first_years = TRUE;
      add (assumptions, "sharing/band-enabled");
      add (assumptions, "sharing/st-first-years");
    }

  if (kt_path_resolve (d, "investment/capex", &t, NULL))
    {
      KtCapexLine *line = kt_list_append (d->capex, t.field->record);

      line->name = g_strdup (_("Equipment and software (to be detailed)"));
      line->category = KT_CAPEX_EQUIPMENT;
      line->useful_life = 5;
      for (int y = 0; y < d->construction_years; y++)
        {
          double amount = 10e9;
          g_array_append_val (line->amounts, amount);
        }
      add (assumptions, "investment/capex");
    }
  if (kt_path_resolve (d, "operations/opex", &t, NULL))
    {
      KtOpexLine *line = kt_list_append (d->opex, t.field->record);

      line->name = g_strdup (_("Operation and maintenance (to be detailed)"));
      line->amount = 1e9;
      add (assumptions, "operations/opex");
    }
  if (users_pay (d->form) && kt_path_resolve (d, "operations/revenues", &t, NULL))
    {
      KtRevenueStream *s = kt_list_append (d->revenues, t.field->record);
      double ramp[] = { 0.5, 0.8, 1.0 };

      s->name = g_strdup (_("Service fees (to be detailed)"));
      s->unit = g_strdup (_("subscription-year"));
      s->capacity = 20000;
      s->tariff = 600000;
      g_array_append_vals (s->ramp, ramp, G_N_ELEMENTS (ramp));
      add (assumptions, "operations/revenues");
    }
  else if (kt_path_resolve (d, "operations/state-payments", &t, NULL))
    {
      KtStatePayment *p = kt_list_append (d->state_payments, t.field->record);

      p->name = g_strdup (_("Availability payment (to be detailed)"));
      p->amount = 4e9;
      add (assumptions, "operations/state-payments");
    }
  if (kt_path_resolve (d, "financing/loans", &t, NULL))
    {
      KtLoan *loan = kt_list_append (d->loans, t.field->record);

      loan->name = g_strdup (_("Commercial bank loan"));
      loan->tenor_years = MIN (10, MAX (d->operation_years - 1, 2));
      loan->grace_years = 1;
      add (assumptions, "financing/loans");
    }
  /* DOMAIN.md §6: the usual allocation. */
  add_risk (d, "R01", KT_RISK_TECHNOLOGY, KT_OWNER_SHARED, 0.5,
            "Rủi ro nghiên cứu, phát triển công nghệ không thành công",
            "R&D or technology development fails");
  add_risk (d, "R02", KT_RISK_DEMAND, KT_OWNER_INVESTOR, 0,
            "Nhu cầu sử dụng dịch vụ thấp hơn dự kiến", "Demand lower than planned");
  add_risk (d, "R03", KT_RISK_REGULATORY, KT_OWNER_STATE, 0,
            "Thay đổi quy hoạch, chính sách, pháp luật", "Change of planning, policy or law");
  add_risk (d, "R04", KT_RISK_COST_OVERRUN, KT_OWNER_INVESTOR, 0,
            "Vượt chi phí đầu tư", "Capital cost overrun");
  add_risk (d, "R05", KT_RISK_DATA_SECURITY, KT_OWNER_INVESTOR, 0,
            "An toàn thông tin và bảo vệ dữ liệu cá nhân", "Cybersecurity and personal data protection");
  add (assumptions, "risks");

  g_string_append (notes, _("Defaults filled in by the new-study assistant, to be reviewed and "
                            "replaced with the project's own figures:"));
  g_string_append_c (notes, '\n');
  g_string_append (notes, _("– discount rates from the preferences; inflation 4 %; contingency 5 %; "
                            "equity 30 %;"));
  g_string_append_c (notes, '\n');
  g_string_append (notes, _("– one placeholder line each for investment (10 billion ₫ a "
                            "construction year), operating cost, revenue or state payment and a "
                            "bank loan; five usual risks with their usual allocation (DOMAIN §6);"));
  g_string_append_c (notes, '\n');
  g_string_append (notes, _("– CIT incentive and revenue sharing as the rule set suggests for the "
                            "field and form."));
  g_free (d->notes);
  d->notes = g_string_free (g_steal_pointer (&notes), FALSE);
}

KtProject *
kt_assistant_build_project (KtAssistant *self,
                            GStrv       *assumptions)
{
  guint template = adw_combo_row_get_selected (ADW_COMBO_ROW (self->template_row));
  GFile *file = template < self->templates->len ? g_ptr_array_index (self->templates, template) : NULL;
  g_autoptr(GStrvBuilder) marks = g_strv_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  KtProject *project = NULL;
  KtProjectData *d;

  if (file != NULL)
    project = kt_project_load (file, NULL, NULL);
  if (project == NULL)
    project = kt_project_new ();
  d = kt_project_edit_data (project);

  /* A study made from a template is a new study: its own id and dates. */
  g_free (d->id);
  d->id = g_uuid_string_random ();
  g_free (d->created);
  d->created = g_date_time_format_iso8601 (now);
  g_free (d->modified);
  d->modified = g_strdup (d->created);
  d->status = KT_STATUS_DRAFT;
  d->version = 1;

  g_free (d->name.vi);
  d->name.vi = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_vi_row)));
  g_free (d->name.en);
  d->name.en = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_en_row)));
  g_free (d->proposer.name);
  d->proposer.name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->proposer_row)));
  g_free (d->province);
  d->province = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->province_row)));
  d->field = adw_combo_row_get_selected (ADW_COMBO_ROW (self->field_row));
  d->domain = adw_combo_row_get_selected (ADW_COMBO_ROW (self->domain_row));
  d->form = adw_combo_row_get_selected (ADW_COMBO_ROW (self->form_row));
  d->start_year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->start_spin));
  d->price_base_year = d->start_year;
  d->construction_years = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->construction_spin));
  d->operation_years = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->operation_spin));

  if (file == NULL)
    fill_defaults (self, d, marks);
  if (assumptions != NULL)
    *assumptions = g_strv_builder_end (marks);
  return project;
}

static void
cancel_clicked_cb (GtkButton   *button,
                   KtAssistant *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

void
kt_assistant_create (KtAssistant *self)
{
  g_auto(GStrv) assumptions = NULL;
  g_autoptr(KtProject) project = kt_assistant_build_project (self, &assumptions);

  g_signal_emit (self, signals[CREATED], 0, project, assumptions);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_clicked_cb (GtkButton   *button,
                   KtAssistant *self)
{
  kt_assistant_create (self);
}

static GtkWidget *
entry_row (GtkWidget  *group,
           const char *title,
           KtAssistant *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
enum_row (GtkWidget        *group,
          const char       *title,
          const KtEnumInfo *info,
          int               selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = kt_form_enum_model (info);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
spin_row (GtkWidget  *group,
          const char *title,
          const char *subtitle,
          double      min,
          double      max,
          double      value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return spin;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  GFile *fa = *(GFile * const *) a, *fb = *(GFile * const *) b;
  g_autofree char *na = fa ? g_file_get_basename (fa) : g_strdup ("");
  g_autofree char *nb = fb ? g_file_get_basename (fb) : g_strdup ("");

  return g_strcmp0 (na, nb);
}

static GtkStringList *
load_templates (KtAssistant *self)
{
  g_autofree char *folder = g_build_filename (kt_data_dir (), "samples", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);
  const char *name;

  g_ptr_array_add (self->templates, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".khathi"))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        g_ptr_array_add (self->templates, g_file_new_for_path (path));
      }
  g_ptr_array_sort (self->templates, compare_files);
  gtk_string_list_append (names, _("Empty study with usual defaults"));
  for (guint i = 1; i < self->templates->len; i++)
    {
      g_autoptr(KtProject) project = kt_project_load (g_ptr_array_index (self->templates, i),
                                                      NULL, NULL);
      g_autofree char *basename = g_file_get_basename (g_ptr_array_index (self->templates, i));
      /* Translators: a sample study used as a template, e.g. "Sample: Smart traffic" */
      g_autofree char *label = g_strdup_printf (_("Sample: %s"),
                                                project ? kt_project_get_display_name (project)
                                                        : basename);

      gtk_string_list_append (names, label);
    }
  return names;
}

static void
unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
kt_assistant_dispose (GObject *object)
{
  KtAssistant *self = KT_ASSISTANT (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  G_OBJECT_CLASS (kt_assistant_parent_class)->dispose (object);
}

static void
kt_assistant_class_init (KtAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_assistant_dispose;
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, KT_TYPE_PROJECT, G_TYPE_STRV);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kt_assistant_init (KtAssistant *self)
{
  self->templates = g_ptr_array_new_with_free_func (unref0);
}

KtAssistant *
kt_assistant_new (GtkWindow *parent,
                  GSettings *settings)
{
  KtAssistant *self = g_object_new (KT_TYPE_ASSISTANT, "modal", TRUE, "transient-for", parent,
                                    "title", _("New Study"), "default-width", 680,
                                    "default-height", 760, NULL);
  g_autoptr(GtkStringList) templates = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *box, *header, *cancel, *page, *group;

  self->settings = g_object_ref (settings);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->create_button = gtk_button_new_with_mnemonic (_("C_reate"));
  gtk_widget_add_css_class (self->create_button, "suggested-action");
  g_signal_connect (self->create_button, "clicked", G_CALLBACK (create_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->create_button);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Start From"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("An empty study gets the usual defaults, each marked "
                                           "as an assumption to review; a sample is copied with "
                                           "its figures."));
  templates = load_templates (self);
  self->template_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->template_row), _("Template"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->template_row), G_LIST_MODEL (templates));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self->template_row), TRUE);
  g_signal_connect (self->template_row, "notify::selected", G_CALLBACK (template_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->template_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Study"));
  self->name_vi_row = entry_row (group, _("Name in Vietnamese"), self);
  self->name_en_row = entry_row (group, _("Name in English"), self);
  self->proposer_row = entry_row (group, _("Proposing enterprise"), self);
  self->province_row = entry_row (group, _("Province or city"), self);
  gtk_editable_set_text (GTK_EDITABLE (self->province_row), "Cần Thơ");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sector and Contract"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Eligible fields: Decree 180/2025 Art. 2; forms: Art. 3"));
  self->field_row = enum_row (group, _("Eligible field"), &kt_field_info, KT_FIELD_SHARED_PLATFORM);
  self->domain_row = enum_row (group, _("Application domain"), &kt_domain_info, KT_DOMAIN_SMART_CITY);
  self->form_row = enum_row (group, _("PPP form"), &kt_form_info, KT_FORM_BOT);
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self->form_row), TRUE);
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self->field_row), TRUE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Years"));
  self->start_spin = spin_row (group, _("First year"), NULL, 1990, 2200,
                               g_date_time_get_year (now) + 1);
  self->construction_spin = spin_row (group, _("Construction years"),
                                      _("Development or research phase included"), 0, 20, 2);
  self->operation_spin = spin_row (group, _("Operation years"), _("The contract term after completion"),
                                   1, 99, 15);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
  update_create (self);
  return self;
}

void
kt_assistant_set_names (KtAssistant *self,
                        const char  *name_vi,
                        const char  *name_en,
                        const char  *proposer)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_vi_row), name_vi ? name_vi : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_row), name_en ? name_en : "");
  gtk_editable_set_text (GTK_EDITABLE (self->proposer_row), proposer ? proposer : "");
}

void
kt_assistant_set_template (KtAssistant *self,
                           guint        index)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->template_row), index);
}

guint
kt_assistant_get_n_templates (KtAssistant *self)
{
  return self->templates->len;
}
