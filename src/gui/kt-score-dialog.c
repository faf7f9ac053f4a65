/* kt-score-dialog.c — the Score… dialog: one appraiser's score of a manual criterion, with a comment
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwWindow rather than an AdwMessageDialog: the message dialog closes on
 * every response, and a refused score must stay on screen with its reason.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kt-score-dialog.h"

struct _KtScoreDialog
{
  AdwWindow         parent_instance;

  KtSubmissionPage *page;       /* weak: the page outlives a modal dialog */
  const KtRubric   *rubric;     /* owned by the portfolio */
  GPtrArray        *criteria;   /* const KtRubricCriterion*, the manual ones */

  GtkDropDown      *criterion_drop;
  GtkSpinButton    *score_spin;
  GtkLabel         *scale_label;
  GtkTextView      *comment_view;
  AdwEntryRow      *appraiser_row;
  GtkLabel         *error_label;
  GtkWidget        *save_button;
};

G_DEFINE_FINAL_TYPE (KtScoreDialog, kt_score_dialog, ADW_TYPE_WINDOW)

static const KtRubricCriterion *
selected_criterion (KtScoreDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->criterion_drop);

  return i < self->criteria->len ? self->criteria->pdata[i] : NULL;
}

static void
show_error (KtScoreDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* An appraiser who scored this criterion before sees that score and comment:
 * saving replaces them. */
static void
show_previous_score (KtScoreDialog           *self,
                     const KtRubricCriterion *c)
{
  KtPortfolioDb *db = self->page != NULL ? kt_submission_page_get_db (self->page) : NULL;
  g_autoptr (GPtrArray) scores = NULL;
  const char *appraiser = gtk_editable_get_text (GTK_EDITABLE (self->appraiser_row));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment_view);

  if (db != NULL)
    scores = kt_portfolio_db_get_scores (db, kt_submission_page_get_id (self->page), NULL);
  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      const KtScore *s = scores->pdata[i];

      if (g_strcmp0 (s->criterion, c->key) == 0 && g_strcmp0 (s->appraiser, appraiser) == 0)
        {
          gtk_spin_button_set_value (self->score_spin, s->score);
          gtk_text_buffer_set_text (buffer, s->comment ? s->comment : "", -1);
          return;
        }
    }
  gtk_spin_button_set_value (self->score_spin, c->scale_min);
}

static void
criterion_changed_cb (GObject       *object,
                      GParamSpec    *pspec,
                      KtScoreDialog *self)
{
  const KtRubricCriterion *c = selected_criterion (self);
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  g_autofree char *text = NULL;
  KtLang lang = kt_lang_current ();

  (void) object;
  (void) pspec;
  if (c == NULL)
    return;
  gtk_spin_button_set_range (self->score_spin, c->scale_min, c->scale_max);
  lo = kt_format_number (c->scale_min, 0, lang);
  hi = kt_format_number (c->scale_max, 0, lang);
  text = g_strdup_printf (_("From %s to %s. %s"), lo, hi,
                          kt_rubric_text (c->guidance_en, c->guidance_vi) ? kt_rubric_text (c->guidance_en, c->guidance_vi) : "");
  gtk_label_set_text (self->scale_label, g_strstrip (text));
  show_previous_score (self, c);
  show_error (self, NULL);
}

static void
cancel_clicked_cb (GtkButton     *button,
                   KtScoreDialog *self)
{
  (void) button;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (GtkButton     *button,
                 KtScoreDialog *self)
{
  const KtRubricCriterion *c = selected_criterion (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment_view);
  GtkTextIter start, end;
  g_autofree char *comment = NULL;
  g_autofree char *appraiser = NULL;
  g_autoptr (GError) error = NULL;

  (void) button;
  if (c == NULL || self->page == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  comment = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  appraiser = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->appraiser_row))));
  /* Said here, before the engine: the comment is the appraiser's reason. */
  if (*comment == '\0')
    {
      show_error (self, _("Write the reasons for this score: a comment is required."));
      gtk_widget_grab_focus (GTK_WIDGET (self->comment_view));
      return;
    }
  if (*appraiser == '\0')
    {
      show_error (self, _("Write the appraiser’s name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->appraiser_row));
      return;
    }
  gtk_spin_button_update (self->score_spin);
  if (!kt_submission_page_score (self->page, appraiser, c->key,
                                 gtk_spin_button_get_value (self->score_spin),
                                 comment, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
kt_score_dialog_dispose (GObject *object)
{
  KtScoreDialog *self = KT_SCORE_DIALOG (object);

  g_clear_weak_pointer (&self->page);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  G_OBJECT_CLASS (kt_score_dialog_parent_class)->dispose (object);
}

static void
kt_score_dialog_class_init (KtScoreDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kt_score_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kt_score_dialog_init (KtScoreDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;
  GtkWidget *comment_group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  self->criteria = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Score a Criterion"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save Score"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Criterion"));
  self->criterion_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (gtk_string_list_new (NULL)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->criterion_drop), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->criterion_drop));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Score"));
  self->score_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 5, 0.5));
  gtk_spin_button_set_digits (self->score_spin, 1);
  gtk_widget_set_valign (GTK_WIDGET (self->score_spin), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->score_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->score_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->appraiser_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->appraiser_row), _("Appraiser"));
  gtk_editable_set_text (GTK_EDITABLE (self->appraiser_row), kt_portfolio_default_appraiser ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->appraiser_row));
  gtk_box_append (GTK_BOX (content), group);

  self->scale_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->scale_label, TRUE);
  gtk_label_set_xalign (self->scale_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->scale_label), "dim-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->scale_label));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (comment_group), _("Comment (required)"));
  self->comment_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->comment_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->comment_view, 6);
  gtk_text_view_set_bottom_margin (self->comment_view, 6);
  gtk_text_view_set_left_margin (self->comment_view, 6);
  gtk_text_view_set_right_margin (self->comment_view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (self->comment_view), -1, 100);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->comment_view));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (comment_group), frame);
  gtk_box_append (GTK_BOX (content), comment_group);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  g_signal_connect (self->criterion_drop, "notify::selected", G_CALLBACK (criterion_changed_cb), self);
}

GtkWidget *
kt_score_dialog_new (GtkWindow        *parent,
                     KtSubmissionPage *page,
                     const KtRubric   *rubric)
{
  KtScoreDialog *self = g_object_new (KT_TYPE_SCORE_DIALOG, "transient-for", parent, NULL);
  GtkStringList *labels = GTK_STRING_LIST (gtk_drop_down_get_model (self->criterion_drop));

  g_return_val_if_fail (rubric != NULL, NULL);
  g_set_weak_pointer (&self->page, page);
  self->rubric = rubric;
  for (guint i = 0; i < rubric->criteria->len; i++)
    {
      const KtRubricCriterion *c = rubric->criteria->pdata[i];

      if (c->automatic)
        continue;
      g_ptr_array_add (self->criteria, (gpointer) c);
      gtk_string_list_append (labels, kt_rubric_text (c->label_en, c->label_vi));
    }
  gtk_drop_down_set_selected (self->criterion_drop, 0);
  criterion_changed_cb (NULL, NULL, self);
  gtk_widget_set_sensitive (self->save_button, self->criteria->len > 0);
  if (self->criteria->len == 0)
    show_error (self, _("The rubric has no criterion to score by hand."));
  return GTK_WIDGET (self);
}
