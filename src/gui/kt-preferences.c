/* kt-preferences.c — the preferences window: report language, money unit, default rates
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kt-preferences.h"

/* A combo row over a string key with <choices>: `keys` and `labels` in the same order. */
static GtkWidget *
choice_row (GSettings          *settings,
            const char         *key,
            const char         *title,
            const char         *subtitle,
            const char * const *keys,
            const char * const *labels);

static void
choice_selected_cb (AdwComboRow *row,
                    GParamSpec  *pspec,
                    GSettings   *settings)
{
  const char * const *keys = g_object_get_data (G_OBJECT (row), "kt-keys");
  const char *key = g_object_get_data (G_OBJECT (row), "kt-key");
  guint selected = adw_combo_row_get_selected (row);

  if (selected != GTK_INVALID_LIST_POSITION && keys[selected] != NULL)
    g_settings_set_string (settings, key, keys[selected]);
}

static GtkWidget *
choice_row (GSettings          *settings,
            const char         *key,
            const char         *title,
            const char         *subtitle,
            const char * const *keys,
            const char * const *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  g_autofree char *current = g_settings_get_string (settings, key);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_equal (keys[i], current))
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_object_set_data (G_OBJECT (row), "kt-keys", (gpointer) keys);
  g_object_set_data (G_OBJECT (row), "kt-key", (gpointer) key);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (choice_selected_cb), settings, 0);
  return row;
}

/* Settings hold fractions; people type percentages. */
static gboolean
percent_get (GValue   *value,
             GVariant *variant,
             gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_set (const GValue       *value,
             const GVariantType *type,
             gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

static GtkWidget *
rate_row (GSettings  *settings,
          const char *key,
          const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 0.5);
  GtkWidget *unit = gtk_label_new ("%");

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (unit, "dim-label");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_settings_bind_with_mapping (settings, key, gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)),
                                "value", G_SETTINGS_BIND_DEFAULT, percent_get, percent_set,
                                NULL, NULL);
  return row;
}

GtkWidget *
kt_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  static const char *language_keys[] = { "vi", "en", NULL };
  static const char *unit_keys[] = { "dong", "million", "billion", NULL };
  const char *language_labels[] = { _("Vietnamese"), _("English"), NULL };
  const char *unit_labels[] = { _("Đồng (₫)"), _("Million đồng (triệu ₫)"),
                                _("Billion đồng (tỷ ₫)"), NULL };
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "emblem-system-symbolic");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Figures"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             choice_row (settings, "money-unit", _("Money unit"),
                                         _("How amounts are shown and typed; files keep whole đồng"),
                                         unit_keys, unit_labels));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Reports"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             choice_row (settings, "report-language", _("Language of reports"),
                                         _("Independent of the language of the application"),
                                         language_keys, language_labels));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("New Studies"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Default discount rates given to new studies, marked "
                                           "there as assumptions to review"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             rate_row (settings, "default-wacc", _("Financial discount rate (WACC)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             rate_row (settings, "default-cost-of-equity", _("Cost of equity")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             rate_row (settings, "default-social-rate", _("Social discount rate")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  return window;
}
