/* kt-chapters-page.c — the narrative chapters of a study, in Vietnamese and English
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kt-chapters-page.h"

struct _KtChaptersPage
{
  GtkBox              parent_instance;

  KtEditor           *editor;
  const KtRecordDesc *desc;       /* the chapters record */
  guint               chapter;
  const char         *lang;       /* "vi" or "en" */
  GtkWidget          *heading;
  GtkWidget          *vi_button;
  GtkWidget          *en_button;
  GtkTextView        *text_view;
  GtkWidget          *count_label;
  GPtrArray          *rows;       /* AdwActionRow* by chapter */
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (KtChaptersPage, kt_chapters_page, GTK_TYPE_BOX)

guint
kt_count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = g_unichar_isalnum (c) || g_unichar_ismark (c);

      if (word && !in_word)
        n++;
      in_word = word;
    }
  return n;
}

static const KtText *
chapter_text (KtChaptersPage *self,
              guint           chapter)
{
  const KtProjectData *d = kt_project_get_data (kt_editor_get_project (self->editor));

  return &d->chapters[chapter];
}

static char *
chapter_path (KtChaptersPage *self)
{
  return g_strdup_printf ("chapters/%s/%s", self->desc->fields[self->chapter].name, self->lang);
}

static void
refresh (KtChaptersPage *self)
{
  const KtText *text = chapter_text (self, self->chapter);
  const char *value = g_str_equal (self->lang, "vi") ? text->vi : text->en;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  g_autofree char *count = NULL;
  guint words = kt_count_words (value);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (shown, value ? value : "") != 0)
    {
      self->updating = TRUE;
      gtk_text_buffer_set_text (buffer, value ? value : "", -1);
      self->updating = FALSE;
    }
  gtk_label_set_text (GTK_LABEL (self->heading), _(self->desc->fields[self->chapter].label));
  count = g_strdup_printf (ngettext ("%u word", "%u words", words), words);
  gtk_label_set_text (GTK_LABEL (self->count_label), count);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const KtText *t = chapter_text (self, i);
      guint vi = kt_count_words (t->vi), en = kt_count_words (t->en);
      g_autofree char *subtitle = NULL;

      if (vi == 0 && en == 0)
        subtitle = g_strdup (_("Not written yet"));
      else
        /* Translators: word counts of a chapter in Vietnamese and English */
        subtitle = g_strdup_printf (_("Vietnamese: %u words · English: %u words"), vi, en);
      adw_action_row_set_subtitle (g_ptr_array_index (self->rows, i), subtitle);
      if (i == self->chapter)
        gtk_widget_add_css_class (g_ptr_array_index (self->rows, i), "kt-current");
      else
        gtk_widget_remove_css_class (g_ptr_array_index (self->rows, i), "kt-current");
    }
}

static void
buffer_changed_cb (GtkTextBuffer  *buffer,
                   KtChaptersPage *self)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  path = chapter_path (self);
  kt_editor_set (self->editor, path, g_variant_new_string (text), TRUE, NULL);
}

static void
editor_refresh_cb (KtEditor       *editor,
                   const char     *path,
                   KtChaptersPage *self)
{
  refresh (self);
}

static void
select_chapter (KtChaptersPage *self,
                guint           chapter,
                const char     *lang)
{
  kt_edit_stack_seal (kt_editor_get_stack (self->editor));
  self->chapter = chapter;
  self->lang = g_str_equal (lang, "en") ? "en" : "vi";
  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->vi_button), g_str_equal (self->lang, "vi"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->en_button), g_str_equal (self->lang, "en"));
  self->updating = FALSE;
  refresh (self);
}

static void
lang_toggled_cb (GtkToggleButton *button,
                 KtChaptersPage  *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  select_chapter (self, self->chapter, GTK_WIDGET (button) == self->en_button ? "en" : "vi");
}

static void
row_activated_cb (AdwActionRow   *row,
                  KtChaptersPage *self)
{
  select_chapter (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kt-chapter")),
                  self->lang);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                KtChaptersPage          *self)
{
  kt_edit_stack_seal (kt_editor_get_stack (self->editor));
}

static void
kt_chapters_page_dispose (GObject *object)
{
  KtChaptersPage *self = KT_CHAPTERS_PAGE (object);

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (kt_chapters_page_parent_class)->dispose (object);
}

static void
kt_chapters_page_class_init (KtChaptersPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kt_chapters_page_dispose;
}

static void
kt_chapters_page_init (KtChaptersPage *self)
{
  self->lang = "vi";
  self->rows = g_ptr_array_new ();
}

KtChaptersPage *
kt_chapters_page_new (KtEditor *editor)
{
  KtChaptersPage *self = g_object_new (KT_TYPE_CHAPTERS_PAGE, "orientation", GTK_ORIENTATION_VERTICAL,
                                       "spacing", 24, NULL);
  KtPathTarget t;
  GtkWidget *card, *top, *toggles, *scrolled, *group;
  GtkEventController *focus;
  GtkTextBuffer *buffer;

  self->editor = g_object_ref (editor);
  if (!kt_path_resolve (kt_project_edit_data (kt_editor_get_project (editor)), "chapters", &t, NULL))
    g_return_val_if_reached (self);
  self->desc = t.field->record;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_widget_set_hexpand (self->heading, TRUE);
  gtk_widget_add_css_class (self->heading, "title-4");
  gtk_box_append (GTK_BOX (top), self->heading);
  toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (toggles, "linked");
  gtk_widget_set_valign (toggles, GTK_ALIGN_CENTER);
  self->vi_button = gtk_toggle_button_new_with_label (_("Tiếng Việt"));
  self->en_button = gtk_toggle_button_new_with_label (_("English"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->en_button), GTK_TOGGLE_BUTTON (self->vi_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->vi_button), TRUE);
  gtk_widget_set_tooltip_text (self->vi_button, _("Write the Vietnamese text"));
  gtk_widget_set_tooltip_text (self->en_button, _("Write the English text"));
  g_signal_connect (self->vi_button, "toggled", G_CALLBACK (lang_toggled_cb), self);
  g_signal_connect (self->en_button, "toggled", G_CALLBACK (lang_toggled_cb), self);
  gtk_box_append (GTK_BOX (toggles), self->vi_button);
  gtk_box_append (GTK_BOX (toggles), self->en_button);
  gtk_box_append (GTK_BOX (top), toggles);
  gtk_box_append (GTK_BOX (card), top);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_text_view_set_bottom_margin (self->text_view, 12);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "kt-chapter-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chapter text"), -1);
  buffer = gtk_text_view_get_buffer (self->text_view);
  /* Undo is the document's (Ctrl+Z in the window), not the buffer's. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (card), scrolled);
  self->count_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->count_label), 1);
  gtk_widget_add_css_class (self->count_label, "dim-label");
  gtk_widget_add_css_class (self->count_label, "caption");
  gtk_box_append (GTK_BOX (card), self->count_label);
  gtk_box_append (GTK_BOX (self), card);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Chapters"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The chapters of the feasibility study report"));
  for (int i = 0; i < self->desc->n_fields; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(self->desc->fields[i].label));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("document-edit-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "kt-chapter", GUINT_TO_POINTER (i));
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_box_append (GTK_BOX (self), group);

  g_signal_connect (editor, "refresh", G_CALLBACK (editor_refresh_cb), self);
  kt_editor_register_field (editor, "chapters", GTK_WIDGET (self));
  refresh (self);
  return self;
}

gboolean
kt_chapters_page_show (KtChaptersPage *self,
                       const char     *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  g_return_val_if_fail (KT_IS_CHAPTERS_PAGE (self), FALSE);
  if (parts[0] == NULL || parts[1] == NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  for (int i = 0; i < self->desc->n_fields; i++)
    if (g_str_equal (self->desc->fields[i].name, parts[1]))
      {
        select_chapter (self, i, parts[2] != NULL ? parts[2] : self->lang);
        return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      }
  return FALSE;
}
