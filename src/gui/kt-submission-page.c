/* kt-submission-page.c — one submission of the portfolio: figures, checks, scores, decision, history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything shown is read again from the portfolio on each show, so the page
 * never disagrees with the database (another window or the CLI may write).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kt-catalogue.h"
#include "kt-decision-dialog.h"
#include "kt-score-dialog.h"
#include "kt-submission-page.h"

struct _KtSubmissionPage
{
  GtkBox         parent_instance;

  KtPortfolioDb *db;         /* borrowed */
  gint64         id;
  KtMoneyUnit    unit;
  char          *title;
  gboolean       decided;

  GtkWidget     *score_button;
  GtkWidget     *decide_button;
  GtkWidget     *export_button;
  GtkWidget     *editor_button;
  AdwBin        *content;
};

G_DEFINE_FINAL_TYPE (KtSubmissionPage, kt_submission_page, GTK_TYPE_BOX)

enum {
  SIGNAL_SUBMISSION_ACTIVATED,
  SIGNAL_CHANGED,
  SIGNAL_EXPORT_REPORT,
  SIGNAL_OPEN_IN_EDITOR,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* ---- helpers ---- */


static char *
money (KtSubmissionPage *self,
       double            vnd)
{
  return kt_format_money (vnd, self->unit, TRUE, kt_lang_current ());
}

static char *
percent (double x)
{
  return kt_format_percent (x, 2, kt_lang_current ());
}

static char *
number (double x,
        int    decimals)
{
  return kt_format_number (x, decimals, kt_lang_current ());
}

static GtkWidget *
group_new (GtkWidget          *page,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  /* The group's labels take markup: names and messages may hold "&" or "<". */
  g_autofree char *t = g_markup_escape_text (title != NULL ? title : "", -1);
  g_autofree char *d = description != NULL ? g_markup_escape_text (description, -1) : NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), t);
  if (d != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), d);
  gtk_box_append (GTK_BOX (page), group);
  return group;
}

/* A read-only row: the value as a selectable label at the end. */
static GtkWidget *
value_row (GtkWidget  *group,
           const char *label,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *text = gtk_label_new (value != NULL && *value ? value : KT_FORMAT_NO_VALUE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 1.0);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_RIGHT);
  /* The value takes the width the title leaves, rather than wrapping early. */
  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 70);
  gtk_widget_add_css_class (text, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
value_row_take (GtkWidget  *group,
                const char *label,
                char       *value)
{
  value_row (group, label, value);
  g_free (value);
}

/* A row with a title and a subtitle (plain text, not markup) and an icon. */
static GtkWidget *
text_row (GtkWidget  *group,
          const char *icon,
          const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (icon != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
version_clicked_cb (GtkButton        *button,
                    KtSubmissionPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "kt-id");

  g_signal_emit (self, signals[SIGNAL_SUBMISSION_ACTIVATED], 0, *id);
}

static GtkWidget *
version_button (KtSubmissionPage *self,
                const char       *label,
                gint64            id)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  gint64 *p = g_new (gint64, 1);

  *p = id;
  g_object_set_data_full (G_OBJECT (button), "kt-id", p, g_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (version_clicked_cb), self);
  return button;
}

static const char *
criterion_label (const KtRubricCriterion *c)
{
  return kt_rubric_text (c->label_en, c->label_vi);
}

static char *
indicator_move (double   old_value,
                double   new_value,
                int      kind,          /* 0 number, 1 rate, 2 money */
                KtSubmissionPage *self)
{
  g_autofree char *a = kind == 1 ? percent (old_value) : kind == 2 ? money (self, old_value) : number (old_value, 2);
  g_autofree char *b = kind == 1 ? percent (new_value) : kind == 2 ? money (self, new_value) : number (new_value, 2);

  if (old_value == new_value || (isnan (old_value) && isnan (new_value)))
    return g_strdup_printf (_("%s (unchanged)"), b);
  if (isfinite (old_value) && isfinite (new_value))
    {
      g_autofree char *d = kind == 1 ? number ((new_value - old_value) * 100, 2)
                           : kind == 2 ? money (self, new_value - old_value)
                                       : number (new_value - old_value, 2);

      return g_strdup_printf (kind == 1 ? _("%s → %s (%s%s points)") : _("%s → %s (%s%s)"), a, b,
                              new_value > old_value ? "+" : "", d);
    }
  return g_strdup_printf ("%s → %s", a, b);
}

/* "2026-11-23T16:27:17.49Z" → local "23/11/2026 23:27" (vi) or "2026-11-23 23:27" (en). */
static char *
format_timestamp (const char *iso)
{
  g_autoptr (GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (utc);
  date = kt_format_date (local, kt_lang_current ());
  time = g_date_time_format (local, "%H:%M");
  return g_strdup_printf ("%s %s", date, time);
}

static const char *
audit_action_label (const char *action)
{
  if (g_strcmp0 (action, "import") == 0)
    return C_("audit action", "Imported");
  if (g_strcmp0 (action, "score") == 0)
    return C_("audit action", "Scored");
  if (g_strcmp0 (action, "decide") == 0)
    return C_("audit action", "Decided");
  if (g_strcmp0 (action, "export") == 0)
    return C_("audit action", "Exported");
  return action;
}

/* ---- sections ---- */

static void
add_identity (KtSubmissionPage   *self,
              GtkWidget          *page,
              const KtSubmission *s,
              const KtDecision   *decision)
{
  const char *other = kt_lang_current () == KT_LANG_EN ? s->name_vi : s->name_en;
  GtkWidget *group = group_new (page, kt_submission_name (s),
                                other != NULL && g_strcmp0 (other, kt_submission_name (s)) != 0 ? other : NULL);
  GtkWidget *row;

  value_row (group, _("Proposer"), s->proposer);
  value_row (group, _("Province or city"), s->province);
  value_row_take (group, _("PPP form"), g_ascii_strup (s->form ? s->form : "", -1));
  value_row (group, _("Project id"), s->project_id);
  /* The version with links to the previous and next ones. */
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Version"));
  {
    g_autofree char *v = s->previous_id > 0
                         ? g_strdup_printf (_("%d (resubmits #%lld)"), s->version, (long long) s->previous_id)
                         : g_strdup_printf ("%d", s->version);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), v);
  }
  if (s->previous_id > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), version_button (self, _("Previous Version"),
                                                                     s->previous_id));
  if (s->next_id > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), version_button (self, _("Next Version"),
                                                                     s->next_id));
  else
    {
      GtkWidget *latest = gtk_label_new (_("the latest version"));

      gtk_widget_add_css_class (latest, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), latest);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  value_row (group, _("File"), s->file_name);
  value_row (group, _("SHA-256"), s->sha256);
  {
    g_autofree char *at = format_timestamp (s->imported_at);

    value_row_take (group, _("Imported"), g_strdup_printf (_("%s by %s"), at, s->imported_by));
  }
  value_row (group, _("Decision"), kt_decision_label (s->decision));
  if (decision != NULL)
    {
      g_autofree char *total = number (decision->total, 1);
      g_autofree char *at = format_timestamp (decision->decided_at);

      value_row_take (group, _("Decided"), g_strdup_printf (_("%s by %s (aggregate then %s / 100)"),
                                                            at, decision->appraiser, total));
      value_row (group, _("Note"), decision->note);
    }
}

static void
add_claims (KtSubmissionPage   *self,
            GtkWidget          *page)
{
  g_autoptr (GPtrArray) claims = kt_portfolio_db_get_claims (self->db, self->id, NULL);
  GtkWidget *group = NULL;

  if (claims != NULL)
    g_ptr_array_set_free_func (claims, (GDestroyNotify) kt_claim_check_free);
  for (guint i = 0; claims != NULL && i < claims->len; i++)
    {
      const KtClaimCheck *c = claims->pdata[i];
      gboolean rate = strstr (c->key, "irr") != NULL;
      gboolean plain = strstr (c->key, "dscr") != NULL || strstr (c->key, "payback") != NULL;
      g_autofree char *claimed = rate ? percent (c->claimed) : plain ? number (c->claimed, 2) : money (self, c->claimed);
      g_autofree char *recomputed = rate ? percent (c->recomputed) : plain ? number (c->recomputed, 2)
                                         : money (self, c->recomputed);
      g_autofree char *line = NULL;
      GtkWidget *row;

      if (c->matches)
        continue;
      if (group == NULL)
        group = group_new (page, _("Claimed Figures"),
                           _("Figures the proposer wrote in the file that the appraiser’s recomputation "
                             "does not confirm. Only the recomputed figures are used."));
      line = g_strdup_printf (_("The proposer’s file claims %s; recomputed %s"), claimed,
                              recomputed);
      row = text_row (group, "dialog-warning-symbolic", c->label, line);
      gtk_widget_add_css_class (row, "warning");
    }
}

static void
add_figures (KtSubmissionPage   *self,
             GtkWidget          *page,
             const KtSubmission *s)
{
  GtkWidget *group = group_new (page, _("Recomputed Figures"),
                                _("The appraiser’s own figures, recomputed from the submitted inputs."));
  const KtIndicators *ind = &s->ind;

  value_row (group, _("Rule set"), s->rule_set);
  value_row_take (group, _("Total investment"), money (self, ind->total_investment));
  value_row_take (group, _("Project NPV"), money (self, ind->project_npv));
  {
    g_autofree char *irr = percent (ind->project_irr);
    g_autofree char *wacc = percent (ind->wacc);

    value_row_take (group, _("Project IRR"), g_strdup_printf (_("%s (WACC %s)"), irr, wacc));
  }
  {
    g_autofree char *irr = percent (ind->equity_irr);
    g_autofree char *hurdle = percent (ind->hurdle_rate);

    value_row_take (group, _("Equity IRR"), g_strdup_printf (_("%s (hurdle %s)"), irr, hurdle));
  }
  {
    g_autofree char *dscr = number (ind->dscr_min, 2);
    g_autofree char *covenant = number (ind->min_dscr, 2);

    value_row_take (group, _("Minimum DSCR"), g_strdup_printf (_("%s (lender's minimum %s)"), dscr,
                                                               covenant));
  }
  value_row_take (group, _("Payback"), kt_format_years (ind->payback, kt_lang_current ()));
  value_row_take (group, _("Fiscal NPV (state)"), money (self, ind->fiscal_npv));
  {
    g_autofree char *vfm = money (self, ind->vfm);
    g_autofree char *psc = money (self, ind->psc);

    value_row_take (group, _("Value for money"), g_strdup_printf (_("%s (PSC %s)"), vfm, psc));
  }
  value_row_take (group, _("EIRR"), percent (ind->eirr));
}

static void
add_checks (KtSubmissionPage   *self,
            GtkWidget          *page,
            const KtSubmission *s,
            GPtrArray          *legal,
            const char         *results)
{
  const KtRubric *rubric = kt_portfolio_db_get_rubric (self->db, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  GtkWidget *group = group_new (page, _("Checks and Legal Gate"),
                                s->n_legal_failed > 0
                                ? _("A legal check failed: the project is not eligible whatever its score.")
                                : _("Pass/fail checks with their legal basis."));

  for (guint i = 0; i < legal->len; i++)
    {
      const KtLegalResult *l = legal->pdata[i];
      const char *label = l->code;
      GtkWidget *row;

      for (guint k = 0; rubric != NULL && k < rubric->checks->len; k++)
        {
          const KtRubricCheck *c = rubric->checks->pdata[k];

          if (strcmp (c->code, l->code) == 0)
            label = kt_rubric_text (c->label_en, c->label_vi);
        }
      row = text_row (group, l->passed ? "emblem-ok-symbolic" : "dialog-error-symbolic", label, l->citation);
      {
        GtkWidget *result = gtk_label_new (l->passed ? _("passed") : _("failed"));

        gtk_widget_add_css_class (result, l->passed ? "success" : "error");
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), result);
      }
    }
  if (results != NULL && json_parser_load_from_data (parser, results, -1, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *o = json_node_get_object (json_parser_get_root (parser));
      JsonArray *problems = json_object_has_member (o, "problems")
                            ? json_object_get_array_member (o, "problems") : NULL;

      for (guint i = 0; problems != NULL && i < json_array_get_length (problems); i++)
        {
          JsonObject *p = json_array_get_object_element (problems, i);
          const char *sev = json_object_get_string_member_with_default (p, "severity", "");
          gboolean error = g_strcmp0 (sev, "error") == 0;

          if (g_strcmp0 (sev, "info") == 0)
            continue;
          text_row (group, error ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                    json_object_get_string_member_with_default (p, "message", ""),
                    json_object_get_string_member_with_default (p, "where", ""));
        }
    }
}

static void
add_scores (KtSubmissionPage   *self,
            GtkWidget          *page,
            const KtAggregate  *agg,
            GPtrArray          *scores)
{
  g_autofree char *total = number (agg->total, 1);
  g_autofree char *spread = number (agg->spread, 1);
  g_autofree char *summary = g_strdup_printf (ngettext ("%s / 100 from %d appraiser; spread %s; %d criteria unscored",
                                                        "%s / 100 from %d appraisers; spread %s; %d criteria unscored",
                                                        agg->n_appraisers),
                                              total, agg->n_appraisers, spread, agg->n_unscored);
  GtkWidget *group = group_new (page, _("Scores"), summary);

  (void) self;
  if (agg->disagreement)
    {
      GtkWidget *row = text_row (group, "dialog-warning-symbolic", _("Appraisers disagree"),
                                 _("The scores of at least one criterion are further apart than the rubric "
                                   "allows: discuss before deciding."));
      gtk_widget_add_css_class (row, "warning");
    }
  for (guint i = 0; i < agg->criteria->len; i++)
    {
      const KtCriterionResult *r = &g_array_index (agg->criteria, KtCriterionResult, i);
      const KtRubricCriterion *c = r->criterion;
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *mean = number (r->mean, 2);
      g_autofree char *max = number (c->scale_max, 0);
      g_autofree char *weight = number (c->weight, 0);
      GString *sub = g_string_new (NULL);
      guint n_children = 0;

      g_string_append_printf (sub, _("%s / %s, weight %s"), mean, max, weight);
      if (c->automatic)
        g_string_append_printf (sub, ", %s", _("automatic"));
      if (r->n > 1)
        {
          g_autofree char *lo = number (r->min, 2);
          g_autofree char *hi = number (r->max, 2);

          g_string_append_printf (sub, _(", range %s – %s"), lo, hi);
        }
      if (r->disagreement)
        g_string_append_printf (sub, ", %s", _("appraisers disagree"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), criterion_label (c));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), sub->str);
      g_string_free (sub, TRUE);
      if (r->disagreement)
        adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (row), "dialog-warning-symbolic");
      for (guint k = 0; k < scores->len; k++)
        {
          const KtScore *sc = scores->pdata[k];
          GtkWidget *child = adw_action_row_new ();
          g_autofree char *v = number (sc->score, 2);
          g_autofree char *title = NULL;

          if (strcmp (sc->criterion, c->key) != 0)
            continue;
          title = strcmp (sc->appraiser, "auto") == 0 ? g_strdup_printf (_("Automatic: %s"), v)
                                                      : g_strdup_printf ("%s: %s", sc->appraiser, v);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), title);
          if (sc->comment != NULL && *sc->comment)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (child), sc->comment);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (child), 0);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
          n_children++;
        }
      if (n_children == 0)
        {
          GtkWidget *child = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _("Not scored yet"));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_history (KtSubmissionPage   *self,
             GtkWidget          *page,
             const KtSubmission *s)
{
  GtkWidget *group = group_new (page, _("History"), NULL);
  g_autoptr (GPtrArray) versions = NULL;
  KtPortfolioQuery q;

  kt_portfolio_query_init (&q);
  q.project_id = s->project_id;
  versions = kt_portfolio_db_list (self->db, &q, NULL);
  if (versions != NULL)
    g_ptr_array_set_free_func (versions, (GDestroyNotify) kt_submission_free);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      const KtSubmission *v = versions->pdata[i];
      g_autofree char *title = g_strdup_printf (_("Version %d (#%lld)"), v->version,
                                                (long long) v->id);
      g_autofree char *at = format_timestamp (v->imported_at);
      g_autofree char *sub = g_strdup_printf (_("Imported %s; %s"), at,
                                              kt_decision_label (v->decision));
      GtkWidget *row = text_row (group, NULL, title, sub);

      if (v->id == s->id)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (_("shown")));
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), version_button (self, _("Open"), v->id));
    }

  if (s->previous_id > 0)
    {
      g_autoptr (KtProject) a = kt_portfolio_db_load_project (self->db, s->previous_id, NULL);
      g_autoptr (KtProject) b = a != NULL ? kt_portfolio_db_load_project (self->db, s->id, NULL) : NULL;
      g_autoptr (KtSubmission) prev = b != NULL ? kt_portfolio_db_get (self->db, s->previous_id, NULL) : NULL;
      g_autoptr (GPtrArray) changes = NULL;
      g_autofree char *intro = NULL;
      GtkWidget *changed;
      GtkWidget *inputs;

      if (prev == NULL)
        return;
      changes = kt_project_data_diff (kt_project_get_data (a), kt_project_get_data (b));
      intro = g_strdup_printf (ngettext ("Compared with version %d: %u input changed.",
                                         "Compared with version %d: %u inputs changed.", changes->len),
                               prev->version, changes->len);
      changed = group_new (page, _("What Changed"), intro);
      value_row_take (changed, _("Total investment"),
                      indicator_move (prev->ind.total_investment, s->ind.total_investment, 2, self));
      value_row_take (changed, _("Project NPV"), indicator_move (prev->ind.project_npv,
                                                                 s->ind.project_npv, 2, self));
      value_row_take (changed, _("Project IRR"), indicator_move (prev->ind.project_irr,
                                                                 s->ind.project_irr, 1, self));
      value_row_take (changed, _("Equity IRR"), indicator_move (prev->ind.equity_irr,
                                                                s->ind.equity_irr, 1, self));
      value_row_take (changed, _("Minimum DSCR"), indicator_move (prev->ind.dscr_min,
                                                                  s->ind.dscr_min, 0, self));
      value_row_take (changed, _("Fiscal NPV (state)"),
                      indicator_move (prev->ind.fiscal_npv, s->ind.fiscal_npv, 2, self));
      value_row_take (changed, _("Value for money"), indicator_move (prev->ind.vfm, s->ind.vfm, 2, self));
      inputs = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (inputs), _("Changed inputs"));
      /* A long diff would build thousands of rows: the report has the rest. */
      for (guint i = 0; i < changes->len && i < 200; i++)
        {
          const KtFieldChange *c = changes->pdata[i];
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *line = g_strdup_printf ("%s → %s", c->old_value ? c->old_value : _("(absent)"),
                                                   c->new_value ? c->new_value : _("(absent)"));

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->path);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (inputs), row);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (changed), inputs);
    }
}

static void
add_audit (KtSubmissionPage   *self,
           GtkWidget          *page)
{
  g_autoptr (GPtrArray) entries = kt_portfolio_db_get_audit (self->db, self->id, NULL);
  GtkWidget *group;

  if (entries == NULL || entries->len == 0)
    return;
  g_ptr_array_set_free_func (entries, (GDestroyNotify) kt_audit_entry_free);
  group = group_new (page, _("Audit Log"),
                     _("Every change to this submission, in order, chained by SHA-256."));
  for (guint i = 0; i < entries->len; i++)
    {
      const KtAuditEntry *e = entries->pdata[i];
      g_autofree char *title = g_strdup_printf ("%s — %s", audit_action_label (e->action),
                                                e->actor);
      g_autofree char *at = format_timestamp (e->at);
      g_autofree char *sub = g_strdup_printf ("%s · %s %s%s%s", at, e->subject ? e->subject : "",
                                              e->value ? e->value : "",
                                              e->detail && *e->detail ? " · " : "",
                                              e->detail ? e->detail : "");

      text_row (group, NULL, title, g_strstrip (sub));
    }
}

/* ---- callbacks ---- */

static void
button_clicked_cb (GtkButton        *button,
                   KtSubmissionPage *self)
{
  if (GTK_WIDGET (button) == self->score_button)
    kt_submission_page_open_score_dialog (self);
  else if (GTK_WIDGET (button) == self->decide_button)
    kt_submission_page_open_decide_dialog (self);
  else if (GTK_WIDGET (button) == self->export_button)
    g_signal_emit (self, signals[SIGNAL_EXPORT_REPORT], 0, self->id);
  else
    g_signal_emit (self, signals[SIGNAL_OPEN_IN_EDITOR], 0, self->id);
}

/* ---- construction ---- */

static void
kt_submission_page_finalize (GObject *object)
{
  KtSubmissionPage *self = KT_SUBMISSION_PAGE (object);

  g_free (self->title);
  G_OBJECT_CLASS (kt_submission_page_parent_class)->finalize (object);
}

static void
kt_submission_page_class_init (KtSubmissionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_submission_page_finalize;
  signals[SIGNAL_SUBMISSION_ACTIVATED] =
    g_signal_new ("submission-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_EXPORT_REPORT] =
    g_signal_new ("export-report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_OPEN_IN_EDITOR] =
    g_signal_new ("open-in-editor", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static GtkWidget *
page_button (KtSubmissionPage *self,
             const char       *label,
             const char       *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "clicked", G_CALLBACK (button_clicked_cb), self);
  return button;
}

static void
kt_submission_page_init (KtSubmissionPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->unit = KT_MONEY_BILLION;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_halign (bar, GTK_ALIGN_CENTER);
  self->score_button = page_button (self, _("_Score…"), _("Score a criterion of the rubric"));
  gtk_widget_add_css_class (self->score_button, "suggested-action");
  self->decide_button = page_button (self, _("_Decide…"),
                                     _("Approve, return for revision or reject: final, it locks the scores"));
  self->export_button = page_button (self, _("_Export Appraisal Report…"),
                                     _("Write the appraisal report as PDF"));
  self->editor_button = page_button (self, _("Open in _Editor"),
                                     _("Open the submitted study as a new unsaved study"));
  gtk_box_append (GTK_BOX (bar), self->score_button);
  gtk_box_append (GTK_BOX (bar), self->decide_button);
  gtk_box_append (GTK_BOX (bar), self->export_button);
  gtk_box_append (GTK_BOX (bar), self->editor_button);
  gtk_box_append (GTK_BOX (self), bar);
  gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->content = ADW_BIN (adw_bin_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->content), TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->content));
}

/* ---- public API ---- */

GtkWidget *
kt_submission_page_new (void)
{
  return g_object_new (KT_TYPE_SUBMISSION_PAGE, NULL);
}

void
kt_submission_page_set_money_unit (KtSubmissionPage *self,
                                   KtMoneyUnit       unit)
{
  g_return_if_fail (KT_IS_SUBMISSION_PAGE (self));
  if (self->unit == unit)
    return;
  self->unit = unit;
  if (self->db != NULL && self->id > 0)
    kt_submission_page_show (self, self->db, self->id, NULL);
}

gboolean
kt_submission_page_show (KtSubmissionPage  *self,
                         KtPortfolioDb     *db,
                         gint64             id,
                         GError           **error)
{
  g_autoptr (KtSubmission) s = NULL;
  g_autoptr (GPtrArray) legal = NULL;
  g_autoptr (GPtrArray) scores = NULL;
  g_autoptr (KtDecision) decision = NULL;
  g_autofree char *results = NULL;
  GError *local = NULL;
  KtAggregate agg = { 0 };
  GtkWidget *page, *clamp, *scrolled;
  gboolean read_only;

  g_return_val_if_fail (KT_IS_SUBMISSION_PAGE (self), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);
  s = kt_portfolio_db_get (db, id, error);
  if (s == NULL)
    return FALSE;
  legal = kt_portfolio_db_get_legal (db, id, error);
  scores = legal != NULL ? kt_portfolio_db_get_scores (db, id, error) : NULL;
  results = scores != NULL ? kt_portfolio_db_get_results (db, id, error) : NULL;
  if (results == NULL || !kt_portfolio_db_aggregate (db, id, &agg, error))
    return FALSE;
  decision = kt_portfolio_db_get_decision (db, id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      kt_aggregate_clear (&agg);
      return FALSE;
    }
  self->db = db;
  self->id = id;
  self->decided = decision != NULL;
  g_free (self->title);
  self->title = g_strdup (kt_submission_name (s));

  /* Wider than AdwPreferencesPage's clamp: names, hashes and figures side by side. */
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (page, 24);
  gtk_widget_set_margin_bottom (page, 24);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  add_identity (self, page, s, decision);
  add_claims (self, page);
  add_figures (self, page, s);
  add_checks (self, page, s, legal, results);
  add_scores (self, page, &agg, scores);
  add_history (self, page, s);
  add_audit (self, page);
  adw_bin_set_child (self->content, scrolled);
  kt_aggregate_clear (&agg);

  read_only = kt_portfolio_db_is_read_only (db);
  gtk_widget_set_sensitive (self->score_button, !read_only && !self->decided);
  gtk_widget_set_sensitive (self->decide_button, !read_only && !self->decided);
  gtk_widget_set_tooltip_text (self->score_button, self->decided ? _("A decision was made: the scores are final")
                                                   : read_only ? _("The portfolio is read-only")
                                                               : _("Score a criterion of the rubric"));
  return TRUE;
}

void
kt_submission_page_clear (KtSubmissionPage *self)
{
  g_return_if_fail (KT_IS_SUBMISSION_PAGE (self));
  self->db = NULL;
  self->id = 0;
  adw_bin_set_child (self->content, NULL);
}

gint64
kt_submission_page_get_id (KtSubmissionPage *self)
{
  g_return_val_if_fail (KT_IS_SUBMISSION_PAGE (self), 0);
  return self->id;
}

KtPortfolioDb *
kt_submission_page_get_db (KtSubmissionPage *self)
{
  g_return_val_if_fail (KT_IS_SUBMISSION_PAGE (self), NULL);
  return self->db;
}

const char *
kt_submission_page_get_title (KtSubmissionPage *self)
{
  g_return_val_if_fail (KT_IS_SUBMISSION_PAGE (self), NULL);
  return self->title;
}

gboolean
kt_submission_page_score (KtSubmissionPage  *self,
                          const char        *appraiser,
                          const char        *criterion,
                          double             score,
                          const char        *comment,
                          GError           **error)
{
  g_return_val_if_fail (KT_IS_SUBMISSION_PAGE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  if (!kt_portfolio_db_score (self->db, self->id, appraiser, criterion, score, comment, error))
    return FALSE;
  kt_submission_page_show (self, self->db, self->id, NULL);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

gboolean
kt_submission_page_decide (KtSubmissionPage  *self,
                           const char        *decision,
                           const char        *appraiser,
                           const char        *note,
                           GError           **error)
{
  g_return_val_if_fail (KT_IS_SUBMISSION_PAGE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  if (!kt_portfolio_db_decide (self->db, self->id, decision, appraiser, note, error))
    return FALSE;
  kt_submission_page_show (self, self->db, self->id, NULL);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

void
kt_submission_page_open_score_dialog (KtSubmissionPage *self)
{
  const KtRubric *rubric;
  GtkWidget *dialog;

  g_return_if_fail (KT_IS_SUBMISSION_PAGE (self));
  if (self->db == NULL)
    return;
  rubric = kt_portfolio_db_get_rubric (self->db, NULL);
  if (rubric == NULL)
    return;
  dialog = kt_score_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self, rubric);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
kt_submission_page_open_decide_dialog (KtSubmissionPage *self)
{
  GtkWidget *dialog;

  g_return_if_fail (KT_IS_SUBMISSION_PAGE (self));
  if (self->db == NULL)
    return;
  dialog = kt_decision_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
