/* kt-assistant.h — the new-study assistant: sector, form, template, name, place, years
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-project.h"

G_BEGIN_DECLS

#define KT_TYPE_ASSISTANT (kt_assistant_get_type ())
G_DECLARE_FINAL_TYPE (KtAssistant, kt_assistant, KT, ASSISTANT, AdwWindow)

/* ::created (KtProject *project, GStrv assumptions) when the user confirms:
 * the new study and the paths of the defaults it filled in. */
KtAssistant *kt_assistant_new           (GtkWindow   *parent,
                                         GSettings   *settings);
/* The study as the dialog is now filled in, and its assumptions (for tests). */
KtProject   *kt_assistant_build_project (KtAssistant *self,
                                         GStrv       *assumptions);
void         kt_assistant_set_names     (KtAssistant *self,
                                         const char  *name_vi,
                                         const char  *name_en,
                                         const char  *proposer);
/* 0 = an empty study with defaults, then the samples in name order. */
void         kt_assistant_set_template  (KtAssistant *self,
                                         guint        index);
guint        kt_assistant_get_n_templates (KtAssistant *self);
void         kt_assistant_create        (KtAssistant *self);

G_END_DECLS
