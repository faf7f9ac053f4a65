/* kt-portfolio-ranking.c — the portfolio ranked: legal gate first, then total score
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order is the engine's (kt_portfolio_db_rank): the widget never sorts,
 * so the screen, the CLI's `rank` and the catalogue agree.  Each row keeps a
 * copy of what it shows; the database is only read during reload.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kt-format.h"
#include "kt-portfolio-ranking.h"

/* ---- one ranked row ---- */

#define KT_TYPE_RANK_ITEM (kt_rank_item_get_type ())
G_DECLARE_FINAL_TYPE (KtRankItem, kt_rank_item, KT, RANK_ITEM, GObject)

struct _KtRankItem
{
  GObject   parent_instance;

  gint64    id;
  guint     rank;
  char     *name;
  char     *proposer;
  char     *decision;        /* NULL: pending */
  int       n_legal_failed;
  double    total;
  double    spread;
  gboolean  disagreement;
  int       n_appraisers;
  int       n_unscored;
};

G_DEFINE_FINAL_TYPE (KtRankItem, kt_rank_item, G_TYPE_OBJECT)

/* Read-only properties, so tests and accessibility tools can read a row. */
enum { ITEM_PROP_0, ITEM_PROP_ID, ITEM_PROP_RANK, ITEM_PROP_NAME, ITEM_N_PROPS };
static GParamSpec *item_properties[ITEM_N_PROPS];

static void
kt_rank_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KtRankItem *self = KT_RANK_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ITEM_PROP_RANK:
      g_value_set_uint (value, self->rank);
      break;
    case ITEM_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_rank_item_finalize (GObject *object)
{
  KtRankItem *self = KT_RANK_ITEM (object);

  g_free (self->name);
  g_free (self->proposer);
  g_free (self->decision);
  G_OBJECT_CLASS (kt_rank_item_parent_class)->finalize (object);
}

static void
kt_rank_item_class_init (KtRankItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = kt_rank_item_get_property;
  object_class->finalize = kt_rank_item_finalize;
  item_properties[ITEM_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_RANK] =
    g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
kt_rank_item_init (KtRankItem *self)
{
  self->total = NAN;
  self->spread = NAN;
}

/* ---- the ranking ---- */

typedef enum {
  COL_RANK,
  COL_NAME,
  COL_PROPOSER,
  COL_LEGAL,
  COL_SCORE,
  COL_SPREAD,
  COL_APPRAISERS,
  COL_UNSCORED,
  COL_DECISION,
  N_COLS
} Column;

static const struct {
  const char *title;
  gboolean    numeric;
  gboolean    expand;
} columns[N_COLS] = {
  [COL_RANK] = { N_("Rank"), TRUE, FALSE },
  [COL_NAME] = { N_("Name"), FALSE, TRUE },
  [COL_PROPOSER] = { N_("Proposer"), FALSE, FALSE },
  [COL_LEGAL] = { N_("Legal checks"), FALSE, FALSE },
  [COL_SCORE] = { N_("Score (0–100)"), TRUE, FALSE },
  [COL_SPREAD] = { N_("Spread"), TRUE, FALSE },
  [COL_APPRAISERS] = { N_("Number of appraisers"), TRUE, FALSE },
  [COL_UNSCORED] = { N_("Unscored criteria"), TRUE, FALSE },
  [COL_DECISION] = { N_("Decision"), FALSE, FALSE },
};

struct _KtPortfolioRanking
{
  AdwBin         parent_instance;

  GListStore    *store;
  GtkStack      *stack;
  GtkColumnView *view;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (KtPortfolioRanking, kt_portfolio_ranking, ADW_TYPE_BIN)

enum { SIGNAL_SUBMISSION_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];



/* A cell: an icon (shown for flags, so they do not rest on colour alone) and a label. */
static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  data)
{
  Column col = GPOINTER_TO_INT (data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_visible (icon, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), columns[col].numeric ? 1.0f : 0.0f);
  gtk_widget_set_hexpand (label, TRUE);
  if (col == COL_NAME || col == COL_PROPOSER)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), col == COL_NAME ? 18 : 10);
    }
  if (columns[col].numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
set_flag (GtkWidget  *icon,
          const char *icon_name,
          const char *meaning)
{
  gtk_widget_set_visible (icon, icon_name != NULL);
  if (icon_name == NULL)
    return;
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_set_tooltip_text (icon, meaning);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, meaning, -1);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  data)
{
  Column col = GPOINTER_TO_INT (data);
  KtRankItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkLabel *label = GTK_LABEL (gtk_widget_get_last_child (box));
  KtLang lang = kt_lang_current ();
  g_autofree char *text = NULL;
  const char *flag = NULL, *meaning = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  switch (col)
    {
    case COL_RANK:
      text = g_strdup_printf ("%u", item->rank);
      break;
    case COL_NAME:
      text = g_strdup (item->name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), item->name);
      break;
    case COL_PROPOSER:
      text = g_strdup (item->proposer);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), item->proposer);
      break;
    case COL_LEGAL:
      if (item->n_legal_failed > 0)
        {
          text = g_strdup_printf (ngettext ("Failed (%d check)", "Failed (%d checks)",
                                            item->n_legal_failed), item->n_legal_failed);
          flag = "dialog-warning-symbolic";
          meaning = _("A legal check failed: not eligible whatever the score");
          gtk_widget_add_css_class (GTK_WIDGET (label), "error");
        }
      else
        text = g_strdup (_("Passed"));
      break;
    case COL_SCORE:
      text = kt_format_number (item->total, 1, lang);
      break;
    case COL_SPREAD:
      text = kt_format_number (item->spread, 1, lang);
      if (item->disagreement)
        {
          flag = "dialog-warning-symbolic";
          meaning = _("Appraisers disagree on a criterion");
        }
      break;
    case COL_APPRAISERS:
      text = g_strdup_printf ("%d", item->n_appraisers);
      break;
    case COL_UNSCORED:
      text = g_strdup_printf ("%d", item->n_unscored);
      if (item->n_unscored == 0)
        gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      break;
    case COL_DECISION:
      text = g_strdup (kt_decision_title (item->decision));
      break;
    case N_COLS:
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (label, text);
  set_flag (icon, flag, meaning);
}

static void
view_activate_cb (GtkColumnView      *view,
                  guint               position,
                  KtPortfolioRanking *self)
{
  g_autoptr (KtRankItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_SUBMISSION_ACTIVATED], 0, item->id);
}

static void
kt_portfolio_ranking_dispose (GObject *object)
{
  KtPortfolioRanking *self = KT_PORTFOLIO_RANKING (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (kt_portfolio_ranking_parent_class)->dispose (object);
}

static void
kt_portfolio_ranking_class_init (KtPortfolioRankingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_portfolio_ranking_dispose;
  signals[SIGNAL_SUBMISSION_ACTIVATED] =
    g_signal_new ("submission-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
kt_portfolio_ranking_init (KtPortfolioRanking *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr (GtkSingleSelection) selection = NULL;

  self->store = g_list_store_new (KT_TYPE_RANK_ITEM);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Ranking of the latest submissions"), -1);
  for (int c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->view, column);
    }
  g_signal_connect (self->view, "activate", G_CALLBACK (view_activate_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "view-list-ordered-symbolic");
  adw_status_page_set_title (self->empty_page, _("Nothing to Rank Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Import submissions into the portfolio to rank them."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_add_named (self->stack, scrolled, "ranking");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
kt_portfolio_ranking_new (void)
{
  return g_object_new (KT_TYPE_PORTFOLIO_RANKING, NULL);
}

gboolean
kt_portfolio_ranking_reload (KtPortfolioRanking  *self,
                             KtPortfolioDb       *db,
                             GError             **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (KT_IS_PORTFOLIO_RANKING (self), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);

  rows = kt_portfolio_db_rank (db, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const KtRankRow *row = rows->pdata[i];
      const KtSubmission *s = row->submission;
      KtRankItem *item = g_object_new (KT_TYPE_RANK_ITEM, NULL);

      item->id = s->id;
      item->rank = i + 1;
      item->name = g_strdup (kt_submission_name (s));
      item->proposer = g_strdup (s->proposer);
      item->decision = g_strdup (s->decision);
      item->n_legal_failed = row->aggregate.n_legal_failed;
      item->total = row->aggregate.total;
      item->spread = row->aggregate.spread;
      item->disagreement = row->aggregate.disagreement;
      item->n_appraisers = row->aggregate.n_appraisers;
      item->n_unscored = row->aggregate.n_unscored;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "ranking" : "empty");
  return TRUE;
}
