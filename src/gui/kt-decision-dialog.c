/* kt-decision-dialog.c — the Decide… dialog: approve, return for revision or reject, with a note
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kt-decision-dialog.h"

struct _KtDecisionDialog
{
  AdwWindow         parent_instance;

  KtSubmissionPage *page;       /* weak */
  GtkDropDown      *decision_drop;
  GtkTextView      *note_view;
  AdwEntryRow      *appraiser_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (KtDecisionDialog, kt_decision_dialog, ADW_TYPE_WINDOW)

static const char *const decisions[] = { "approve", "return", "reject" };

static void
show_error (KtDecisionDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
note_text (KtDecisionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     KtDecisionDialog *self)
{
  g_autofree char *note = NULL;
  g_autofree char *appraiser = NULL;
  g_autoptr (GError) error = NULL;
  guint i = gtk_drop_down_get_selected (self->decision_drop);

  (void) dialog;
  if (g_strcmp0 (response, "decide") != 0 || self->page == NULL || i >= G_N_ELEMENTS (decisions))
    return;
  note = note_text (self);
  appraiser = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->appraiser_row))));
  if (!kt_submission_page_decide (self->page, decisions[i], appraiser, note, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
decide_clicked_cb (GtkButton        *button,
                   KtDecisionDialog *self)
{
  g_autofree char *note = note_text (self);
  const char *appraiser = gtk_editable_get_text (GTK_EDITABLE (self->appraiser_row));
  AdwMessageDialog *confirm;

  (void) button;
  if (*note == '\0')
    {
      show_error (self, _("Write the reasons for the decision: a note is required."));
      gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
      return;
    }
  if (appraiser == NULL || *appraiser == '\0')
    {
      show_error (self, _("Write the appraiser’s name."));
      return;
    }
  show_error (self, NULL);
  confirm = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Record the Final Decision?"),
                                                        _("The decision cannot be changed afterwards, and "
                                                          "no appraiser can score this submission any more.")));
  adw_message_dialog_add_responses (confirm, "cancel", _("_Cancel"), "decide",
                                    _("_Record Decision"), NULL);
  adw_message_dialog_set_response_appearance (confirm, "decide", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (confirm, "cancel");
  adw_message_dialog_set_close_response (confirm, "cancel");
  g_signal_connect_object (confirm, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
cancel_clicked_cb (GtkButton        *button,
                   KtDecisionDialog *self)
{
  (void) button;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
kt_decision_dialog_dispose (GObject *object)
{
  g_clear_weak_pointer (&KT_DECISION_DIALOG (object)->page);
  G_OBJECT_CLASS (kt_decision_dialog_parent_class)->dispose (object);
}

static void
kt_decision_dialog_class_init (KtDecisionDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kt_decision_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kt_decision_dialog_init (KtDecisionDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *decide = gtk_button_new_with_mnemonic (_("_Decide…"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *note_group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *row;
  const char *labels[] = { _("Approve"), _("Return for revision"), _("Reject"), NULL };

  gtk_window_set_title (GTK_WINDOW (self), _("Decide"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (decide, "destructive-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), decide);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The decision is final: it locks the scores of this submission."));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Decision"));
  self->decision_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
  gtk_widget_set_valign (GTK_WIDGET (self->decision_drop), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->decision_drop));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->appraiser_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->appraiser_row), _("Appraiser"));
  gtk_editable_set_text (GTK_EDITABLE (self->appraiser_row), kt_portfolio_default_appraiser ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->appraiser_row));
  gtk_box_append (GTK_BOX (content), group);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (note_group), _("Note (required)"));
  self->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->note_view, 6);
  gtk_text_view_set_bottom_margin (self->note_view, 6);
  gtk_text_view_set_left_margin (self->note_view, 6);
  gtk_text_view_set_right_margin (self->note_view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (self->note_view), -1, 100);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->note_view));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (note_group), frame);
  gtk_box_append (GTK_BOX (content), note_group);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect (decide, "clicked", G_CALLBACK (decide_clicked_cb), self);
}

GtkWidget *
kt_decision_dialog_new (GtkWindow        *parent,
                        KtSubmissionPage *page)
{
  KtDecisionDialog *self = g_object_new (KT_TYPE_DECISION_DIALOG, "transient-for", parent, NULL);

  g_set_weak_pointer (&self->page, page);
  return GTK_WIDGET (self);
}
