/* kt-portfolio-appraise.c — listing, scoring, aggregating, deciding and ranking submissions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kt-claims.h"
#include "kt-portfolio-db.h"
#include "kt-portfolio-private.h"
#include "kt-project-file.h"

/* ---- listing ---- */

static const char * const sort_keys[KT_PORTFOLIO_N_SORTS] = {
  "id", "name", "imported", "investment", "npv", "irr", "equity-irr", "dscr", "fiscal", "proposer",
};

gboolean
kt_portfolio_sort_from_key (const char      *key,
                            KtPortfolioSort *sort)
{
  for (int i = 0; i < KT_PORTFOLIO_N_SORTS; i++)
    if (strcmp (key, sort_keys[i]) == 0)
      {
        *sort = i;
        return TRUE;
      }
  return FALSE;
}

const char *
kt_portfolio_sort_key (KtPortfolioSort sort)
{
  g_return_val_if_fail (sort < KT_PORTFOLIO_N_SORTS, "id");
  return sort_keys[sort];
}

void
kt_portfolio_query_init (KtPortfolioQuery *query)
{
  memset (query, 0, sizeof *query);
  query->sort = KT_PORTFOLIO_SORT_ID;
}

/* id, packed row (kt-portfolio-summary.c), decision, later version, claims
 * not confirmed (schema 3; outside the packed row, which older rows lack). */
#define SUBMISSION_COLUMNS \
  "s.id, s.summary, d.decision," \
  " (SELECT n.id FROM submission n WHERE n.previous_id = s.id ORDER BY n.id LIMIT 1)," \
  " s.claims_mismatched"

/* One constant statement: rows come in id order and are sorted in C, which
 * beats SQLite's index-then-lookup or temporary b-tree on 10 000 rows. */
static const char list_sql[] =
  "SELECT " SUBMISSION_COLUMNS " FROM submission s"
  " LEFT JOIN decision d ON d.submission_id = s.id"
  " WHERE (?1 IS NULL OR s.id IN (SELECT rowid FROM submission_fts WHERE submission_fts MATCH ?1))"
  " AND (?2 IS NULL OR s.form = ?2) AND (?3 IS NULL OR s.province = ?3)"
  " AND (?4 IS NULL OR s.field = ?4) AND (?5 IS NULL OR s.domain = ?5)"
  " AND (?6 IS NULL OR coalesce (d.decision, 'pending') = ?6)"
  " AND (?7 IS NULL OR s.project_id = ?7)"
  " ORDER BY s.id";

/* NULL for a malformed row (a damaged or hostile file). */
static KtSubmission *
read_submission (sqlite3_stmt *stmt)
{
  const void *blob = sqlite3_column_blob (stmt, 1);
  int len = sqlite3_column_bytes (stmt, 1);
  KtSubmission *s;

  s = kt_submission_unpack (sqlite3_column_int64 (stmt, 0), blob, (gsize) MAX (len, 0),
                            (const char *) sqlite3_column_text (stmt, 2),
                            sqlite3_column_int64 (stmt, 3));
  if (s != NULL)
    s->n_claims_mismatched = MAX (sqlite3_column_int (stmt, 4), 0);
  return s;
}

static gboolean
malformed (gint64   id,
           GError **error)
{
  g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_DAMAGED,
               _("The row of submission %lld is malformed: the portfolio was damaged or altered"),
               (long long) id);
  return FALSE;
}

static double
sort_value (const KtSubmission *s,
            KtPortfolioSort     sort)
{
  switch (sort)
    {
    case KT_PORTFOLIO_SORT_INVESTMENT: return s->ind.total_investment;
    case KT_PORTFOLIO_SORT_NPV: return s->ind.project_npv;
    case KT_PORTFOLIO_SORT_IRR: return s->ind.project_irr;
    case KT_PORTFOLIO_SORT_EQUITY_IRR: return s->ind.equity_irr;
    case KT_PORTFOLIO_SORT_DSCR: return s->ind.dscr_min;
    case KT_PORTFOLIO_SORT_FISCAL: return s->ind.fiscal_npv;
    default: return (double) s->id;
    }
}

/* Undefined figures last in either direction; ties by id. */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const KtPortfolioQuery *q = user_data;
  const KtSubmission *x = *(KtSubmission * const *) a, *y = *(KtSubmission * const *) b;
  int c = 0;

  switch (q->sort)
    {
    case KT_PORTFOLIO_SORT_ID:
      break;
    case KT_PORTFOLIO_SORT_NAME:
      c = g_strcmp0 (x->sort_key, y->sort_key);
      break;
    case KT_PORTFOLIO_SORT_PROPOSER:
      c = g_strcmp0 (x->proposer, y->proposer);
      break;
    case KT_PORTFOLIO_SORT_IMPORTED:
      c = g_strcmp0 (x->imported_at, y->imported_at);
      break;
    default:
      {
        double u = sort_value (x, q->sort), v = sort_value (y, q->sort);

        if (isnan (u) || isnan (v))
          return isnan (u) && isnan (v) ? (x->id > y->id) - (x->id < y->id) : isnan (u) ? 1 : -1;
        c = (u > v) - (u < v);
      }
      break;
    }
  if (c == 0)
    c = (x->id > y->id) - (x->id < y->id);
  return q->descending ? -c : c;
}

/* User words → an FTS5 query of quoted prefix terms, all required: no FTS
 * syntax from the user is ever interpreted. */
static char *
fts_query (const char *search)
{
  g_autofree char *folded = kt_portfolio_fold (search);
  g_auto (GStrv) words = g_strsplit_set (folded, " \t\n\r,;", -1);
  GString *q = g_string_new (NULL);

  for (int i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (q->len)
        g_string_append_c (q, ' ');
      g_string_append_c (q, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (q, '"');
          g_string_append_c (q, *p);
        }
      g_string_append (q, "\"*");
    }
  if (q->len == 0)
    {
      g_string_free (q, TRUE);
      return NULL;
    }
  return g_string_free (q, FALSE);
}

GPtrArray *
kt_portfolio_db_list (KtPortfolioDb          *self,
                      const KtPortfolioQuery *query,
                      GError                **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_submission_free);
  g_autofree char *match = NULL;
  KtPortfolioQuery def;
  sqlite3_stmt *stmt;
  int rc;

  if (query == NULL)
    {
      kt_portfolio_query_init (&def);
      query = &def;
    }
  g_return_val_if_fail (query->sort < KT_PORTFOLIO_N_SORTS, NULL);
  stmt = kt_portfolio_prepare (self, list_sql, error);
  if (stmt == NULL)
    return NULL;
  if (query->search != NULL)
    match = fts_query (query->search);
  kt_portfolio_bind_text (stmt, 1, match);
  kt_portfolio_bind_text (stmt, 2, query->form);
  kt_portfolio_bind_text (stmt, 3, query->province);
  kt_portfolio_bind_text (stmt, 4, query->field);
  kt_portfolio_bind_text (stmt, 5, query->domain);
  kt_portfolio_bind_text (stmt, 6, query->decision);
  kt_portfolio_bind_text (stmt, 7, query->project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KtSubmission *s = read_submission (stmt);

      if (s == NULL)
        {
          malformed (sqlite3_column_int64 (stmt, 0), error);
          sqlite3_reset (stmt);
          return NULL;
        }
      /* Latest versions: the next_id column already tells, no second lookup. */
      if (query->latest_only && s->next_id > 0)
        kt_submission_free (s);
      else
        g_ptr_array_add (rows, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      kt_portfolio_set_error (self, rc, _("listing submissions"), error);
      return NULL;
    }
  if (query->sort != KT_PORTFOLIO_SORT_ID || query->descending)
    g_ptr_array_sort_with_data (rows, compare_rows, (gpointer) query);
  if (query->limit > 0 && rows->len > (guint) query->limit)
    g_ptr_array_set_size (rows, query->limit);
  return g_steal_pointer (&rows);
}

static gboolean
not_found (gint64   id,
           GError **error)
{
  g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_NOT_FOUND,
               _("There is no submission %lld in the portfolio"), (long long) id);
  return FALSE;
}

KtSubmission *
kt_portfolio_db_get (KtPortfolioDb *self,
                     gint64         id,
                     GError       **error)
{
  sqlite3_stmt *stmt;
  KtSubmission *s = NULL;
  int rc;

  stmt = kt_portfolio_prepare (self, "SELECT " SUBMISSION_COLUMNS " FROM submission s"
                                     " LEFT JOIN decision d ON d.submission_id = s.id"
                                     " WHERE s.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && (s = read_submission (stmt)) == NULL)
    malformed (id, error);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    not_found (id, error);
  else if (rc != SQLITE_ROW)
    kt_portfolio_set_error (self, rc, _("reading a submission"), error);
  return s;
}

GBytes *
kt_portfolio_db_get_file (KtPortfolioDb *self,
                          gint64         id,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  stmt = kt_portfolio_prepare (self, "SELECT data FROM submission_file WHERE submission_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    not_found (id, error);
  else if (rc != SQLITE_ROW)
    kt_portfolio_set_error (self, rc, _("reading a submitted file"), error);
  return bytes;
}

char *
kt_portfolio_db_get_results (KtPortfolioDb *self,
                             gint64         id,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  char *json = NULL;
  int rc;

  stmt = kt_portfolio_prepare (self, "SELECT results FROM submission_result WHERE submission_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    json = kt_portfolio_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    not_found (id, error);
  else if (rc != SQLITE_ROW)
    kt_portfolio_set_error (self, rc, _("reading results"), error);
  return json;
}

KtProject *
kt_portfolio_db_load_project (KtPortfolioDb *self,
                              gint64         id,
                              GError       **error)
{
  g_autoptr (GBytes) bytes = kt_portfolio_db_get_file (self, id, error);
  g_autoptr (GError) local = NULL;
  g_autofree char *name = NULL;
  KtProject *project;
  gsize len;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  name = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  project = kt_project_load_from_data (data != NULL ? data : "", len, name, &local);
  if (project == NULL)
    g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID_FILE, "%s", local->message);
  return project;
}

static gpointer
read_claim (sqlite3_stmt *stmt)
{
  KtClaimCheck *c = g_new0 (KtClaimCheck, 1);
  const KtFieldDesc *f;

  c->key = kt_portfolio_column_text (stmt, 0);
  f = kt_claims_find (c->key);
  /* A key a later version added: shown as it is stored. */
  c->label = g_strdup (f != NULL ? _(f->label) : c->key);
  c->claimed = kt_portfolio_column_double (stmt, 1);
  c->recomputed = kt_portfolio_column_double (stmt, 2);
  c->matches = sqlite3_column_int (stmt, 3) != 0;
  return c;
}

GPtrArray *
kt_portfolio_db_get_claims (KtPortfolioDb *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr (KtSubmission) s = kt_portfolio_db_get (self, id, error);

  if (s == NULL)
    return NULL;
  return kt_portfolio_collect_rows (self, "SELECT key, claimed, recomputed, matches FROM claim_check"
                                          " WHERE submission_id = ?1 ORDER BY position",
                                    id, read_claim, (GDestroyNotify) kt_claim_check_free,
                                    _("reading the claimed figures"), error);
}

static void
legal_free (gpointer p)
{
  KtLegalResult *l = p;

  g_free (l->code);
  g_free (l->citation);
  g_free (l);
}

static gpointer
read_legal (sqlite3_stmt *stmt)
{
  KtLegalResult *l = g_new0 (KtLegalResult, 1);

  l->code = kt_portfolio_column_text (stmt, 0);
  l->citation = kt_portfolio_column_text (stmt, 1);
  l->passed = sqlite3_column_int (stmt, 2) != 0;
  return l;
}

GPtrArray *
kt_portfolio_db_get_legal (KtPortfolioDb *self,
                           gint64         id,
                           GError       **error)
{
  return kt_portfolio_collect_rows (self, "SELECT code, citation, passed FROM legal_check "
                                          "WHERE submission_id = ?1 ORDER BY position",
                                    id, read_legal, legal_free, _("reading legal checks"), error);
}

/* ---- scores ---- */

static void
score_free (gpointer p)
{
  KtScore *s = p;

  g_free (s->appraiser);
  g_free (s->criterion);
  g_free (s->comment);
  g_free (s->scored_at);
  g_free (s);
}

static gpointer
read_score (sqlite3_stmt *stmt)
{
  KtScore *s = g_new0 (KtScore, 1);

  s->appraiser = kt_portfolio_column_text (stmt, 0);
  s->criterion = kt_portfolio_column_text (stmt, 1);
  s->score = kt_portfolio_column_double (stmt, 2);
  s->comment = kt_portfolio_column_text (stmt, 3);
  s->scored_at = kt_portfolio_column_text (stmt, 4);
  return s;
}

GPtrArray *
kt_portfolio_db_get_scores (KtPortfolioDb *self,
                            gint64         id,
                            GError       **error)
{
  return kt_portfolio_collect_rows (self,
    "SELECT appraiser, criterion, score, comment, scored_at, 0 FROM score WHERE submission_id = ?1"
    " UNION ALL SELECT 'auto', criterion, score, detail, '', 1 FROM auto_score"
    " WHERE submission_id = ?1 ORDER BY 6, 1, 2",
    id, read_score, score_free, _("reading scores"), error);
}

static gboolean
blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* Inside a transaction: the submission exists and has no decision yet. */
static gboolean
check_open_for_change (KtPortfolioDb *self,
                       gint64         id,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *decision = NULL;
  int rc;

  stmt = kt_portfolio_prepare (self, "SELECT d.decision, s.id FROM submission s LEFT JOIN decision d"
                                     " ON d.submission_id = s.id WHERE s.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    decision = kt_portfolio_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return not_found (id, error);
  if (rc != SQLITE_ROW)
    return kt_portfolio_set_error (self, rc, _("reading a submission"), error);
  if (decision != NULL)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_LOCKED,
                   _("Submission %lld is decided (%s): its scores and decision "
                     "are final"), (long long) id, decision);
      return FALSE;
    }
  return TRUE;
}

gboolean
kt_portfolio_db_score (KtPortfolioDb *self,
                       gint64         id,
                       const char    *appraiser,
                       const char    *criterion,
                       double         score,
                       const char    *comment,
                       GError       **error)
{
  const KtRubric *rubric = kt_portfolio_db_get_rubric (self, error);
  const KtRubricCriterion *crit;
  const char *doing = _("recording a score");
  g_autofree char *now = NULL;
  g_autofree char *comment_nfc = NULL;
  char value[G_ASCII_DTOSTR_BUF_SIZE];
  sqlite3_stmt *stmt;
  int rc;

  if (rubric == NULL)
    return FALSE;
  if (blank (appraiser) || strcmp (appraiser, "auto") == 0)
    {
      /* "auto" marks the automatic scores (kt_portfolio_db_get_scores). */
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                   _("The appraiser's name is required (and cannot be “auto”)"));
      return FALSE;
    }
  crit = criterion != NULL ? kt_rubric_find (rubric, criterion) : NULL;
  if (crit == NULL)
    {
      GString *keys = g_string_new (NULL);

      for (guint i = 0; i < rubric->criteria->len; i++)
        {
          const KtRubricCriterion *c = rubric->criteria->pdata[i];

          if (!c->automatic)
            g_string_append_printf (keys, "%s%s", keys->len ? ", " : "", c->key);
        }
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                   _("Unknown criterion “%s”; the rubric’s scored criteria are: %s"),
                   criterion ? criterion : "", keys->str);
      g_string_free (keys, TRUE);
      return FALSE;
    }
  if (crit->automatic)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                   _("The criterion “%s” is scored automatically from the recomputed figures"),
                   criterion);
      return FALSE;
    }
  if (!isfinite (score) || score < crit->scale_min || score > crit->scale_max)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                   _("The score of “%s” must lie between %g and %g"), criterion,
                   crit->scale_min, crit->scale_max);
      return FALSE;
    }
  if (blank (comment))
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                   _("A comment is required with every score"));
      return FALSE;
    }
  comment_nfc = g_utf8_normalize (comment, -1, G_NORMALIZE_NFC);
  if (comment_nfc == NULL)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                   _("The comment is not valid UTF-8"));
      return FALSE;
    }
  now = kt_portfolio_now ();

  if (!kt_portfolio_begin (self, doing, error))
    return FALSE;
  if (!check_open_for_change (self, id, error))
    goto fail;
  stmt = kt_portfolio_prepare (self,
    "INSERT INTO score (submission_id, appraiser, criterion, score, comment, scored_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (submission_id, appraiser, criterion)"
    " DO UPDATE SET score = excluded.score, comment = excluded.comment,"
    " scored_at = excluded.scored_at", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  kt_portfolio_bind_text (stmt, 2, appraiser);
  kt_portfolio_bind_text (stmt, 3, criterion);
  sqlite3_bind_double (stmt, 4, score);
  kt_portfolio_bind_text (stmt, 5, comment_nfc);
  kt_portfolio_bind_text (stmt, 6, now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      kt_portfolio_set_error (self, rc, doing, error);
      goto fail;
    }
  g_ascii_dtostr (value, sizeof value, score);
  if (!kt_portfolio_audit_append (self, now, appraiser, "score", id, criterion, value,
                                  comment_nfc, error))
    goto fail;
  return kt_portfolio_commit (self, doing, error);

fail:
  kt_portfolio_rollback (self);
  return FALSE;
}

/* ---- aggregate ---- */

void
kt_aggregate_clear (KtAggregate *aggregate)
{
  g_clear_pointer (&aggregate->criteria, g_array_unref);
}

typedef struct {
  char   *appraiser;
  double *scores;   /* per criterion, NAN when not scored */
} AppraiserScores;

static double
normalised (const KtRubricCriterion *c,
            double                   score)
{
  return 100.0 * (score - c->scale_min) / (c->scale_max - c->scale_min);
}

/* Weighted mean (0–100) of per-criterion scores; NAN when none. */
static double
weighted_total (const KtRubric *rubric,
                const double   *scores)
{
  double sum = 0, weights = 0;

  for (guint i = 0; i < rubric->criteria->len; i++)
    {
      const KtRubricCriterion *c = rubric->criteria->pdata[i];

      if (isnan (scores[i]) || c->weight <= 0)
        continue;
      sum += c->weight * normalised (c, scores[i]);
      weights += c->weight;
    }
  return weights > 0 ? sum / weights : NAN;
}

/* `manual`: (appraiser, criterion index, score) triples; `autos`: per criterion. */
static void
compute_aggregate (const KtRubric *rubric,
                   const double   *autos,
                   GPtrArray      *appraisers,   /* AppraiserScores* */
                   int             n_legal_failed,
                   KtAggregate    *agg)
{
  guint n = rubric->criteria->len;
  g_autofree double *means = g_new (double, n);
  g_autofree double *own = g_new (double, n);
  double lo = INFINITY, hi = -INFINITY;

  agg->criteria = g_array_sized_new (FALSE, TRUE, sizeof (KtCriterionResult), n);
  agg->n_appraisers = appraisers->len;
  agg->n_legal_failed = n_legal_failed;
  agg->n_unscored = 0;
  agg->disagreement = FALSE;
  for (guint i = 0; i < n; i++)
    {
      const KtRubricCriterion *c = rubric->criteria->pdata[i];
      KtCriterionResult r = { c, NAN, NAN, NAN, 0, FALSE };

      if (c->automatic)
        {
          if (!isnan (autos[i]))
            {
              r.mean = r.min = r.max = autos[i];
              r.n = 1;
            }
        }
      else
        {
          double sum = 0;

          for (guint a = 0; a < appraisers->len; a++)
            {
              double x = ((AppraiserScores *) appraisers->pdata[a])->scores[i];

              if (isnan (x))
                continue;
              sum += x;
              r.min = r.n == 0 ? x : MIN (r.min, x);
              r.max = r.n == 0 ? x : MAX (r.max, x);
              r.n++;
            }
          if (r.n > 0)
            r.mean = sum / r.n;
          /* Flag spreads above the rubric's share of the scale (a small epsilon
           * keeps an exact threshold from flagging through rounding). */
          r.disagreement = r.n >= 2
                           && r.max - r.min
                              > rubric->disagreement * (c->scale_max - c->scale_min) + 1e-9;
        }
      means[i] = r.mean;
      agg->n_unscored += r.n == 0;
      agg->disagreement |= r.disagreement;
      g_array_append_val (agg->criteria, r);
    }
  agg->total = weighted_total (rubric, means);

  /* Each appraiser's own total, automatic criteria included, for the spread. */
  for (guint a = 0; a < appraisers->len; a++)
    {
      const AppraiserScores *as = appraisers->pdata[a];
      double t;

      for (guint i = 0; i < n; i++)
        {
          const KtRubricCriterion *c = rubric->criteria->pdata[i];

          own[i] = c->automatic ? autos[i] : as->scores[i];
        }
      t = weighted_total (rubric, own);
      if (isnan (t))
        continue;
      lo = MIN (lo, t);
      hi = MAX (hi, t);
    }
  agg->spread = appraisers->len >= 2 && isfinite (lo) ? hi - lo : NAN;
}

static void
appraiser_scores_free (gpointer p)
{
  AppraiserScores *a = p;

  g_free (a->appraiser);
  g_free (a->scores);
  g_free (a);
}

static int
criterion_index (const KtRubric *rubric,
                 const char     *key)
{
  for (guint i = 0; i < rubric->criteria->len; i++)
    if (strcmp (((const KtRubricCriterion *) rubric->criteria->pdata[i])->key, key) == 0)
      return (int) i;
  return -1;
}

static AppraiserScores *
appraiser_slot (GPtrArray      *appraisers,
                const char     *name,
                const KtRubric *rubric)
{
  AppraiserScores *a;

  for (guint i = 0; i < appraisers->len; i++)
    if (strcmp (((AppraiserScores *) appraisers->pdata[i])->appraiser, name) == 0)
      return appraisers->pdata[i];
  a = g_new0 (AppraiserScores, 1);
  a->appraiser = g_strdup (name);
  a->scores = g_new (double, rubric->criteria->len);
  for (guint i = 0; i < rubric->criteria->len; i++)
    a->scores[i] = NAN;
  g_ptr_array_add (appraisers, a);
  return a;
}

gboolean
kt_portfolio_db_aggregate (KtPortfolioDb *self,
                           gint64         id,
                           KtAggregate   *aggregate,
                           GError       **error)
{
  const KtRubric *rubric = kt_portfolio_db_get_rubric (self, error);
  g_autoptr (GPtrArray) scores = NULL;
  g_autoptr (GPtrArray) appraisers = NULL;
  g_autoptr (KtSubmission) s = NULL;
  g_autofree double *autos = NULL;

  memset (aggregate, 0, sizeof *aggregate);
  if (rubric == NULL)
    return FALSE;
  s = kt_portfolio_db_get (self, id, error);
  if (s == NULL)
    return FALSE;
  scores = kt_portfolio_db_get_scores (self, id, error);
  if (scores == NULL)
    return FALSE;
  appraisers = g_ptr_array_new_with_free_func (appraiser_scores_free);
  autos = g_new (double, rubric->criteria->len);
  for (guint i = 0; i < rubric->criteria->len; i++)
    autos[i] = NAN;
  for (guint i = 0; i < scores->len; i++)
    {
      const KtScore *sc = scores->pdata[i];
      int c = criterion_index (rubric, sc->criterion);

      if (c < 0)
        continue;
      if (sc->scored_at != NULL && *sc->scored_at == '\0' && strcmp (sc->appraiser, "auto") == 0)
        autos[c] = sc->score;
      else
        appraiser_slot (appraisers, sc->appraiser, rubric)->scores[c] = sc->score;
    }
  compute_aggregate (rubric, autos, appraisers, s->n_legal_failed, aggregate);
  return TRUE;
}

/* ---- decisions ---- */

gboolean
kt_portfolio_db_decide (KtPortfolioDb *self,
                        gint64         id,
                        const char    *decision,
                        const char    *appraiser,
                        const char    *note,
                        GError       **error)
{
  static const char * const decisions[] = { "approve", "return", "reject", NULL };
  const char *doing = _("recording a decision");
  g_autofree char *now = NULL;
  g_autofree char *note_nfc = NULL;
  char total_text[G_ASCII_DTOSTR_BUF_SIZE];
  KtAggregate agg = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (decision == NULL || !g_strv_contains (decisions, decision))
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                   _("The decision must be “approve”, “return” (for revision) or “reject”"));
      return FALSE;
    }
  if (blank (appraiser))
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                   _("The appraiser's name is required"));
      return FALSE;
    }
  if (blank (note))
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                   _("A note giving the reasons is required with every decision"));
      return FALSE;
    }
  note_nfc = g_utf8_normalize (note, -1, G_NORMALIZE_NFC);
  if (note_nfc == NULL)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                   _("The note is not valid UTF-8"));
      return FALSE;
    }
  now = kt_portfolio_now ();
  if (!kt_portfolio_begin (self, doing, error))
    return FALSE;
  if (!check_open_for_change (self, id, error))
    goto fail;
  /* The total at the time of the decision, inside the same transaction. */
  if (!kt_portfolio_db_aggregate (self, id, &agg, error))
    goto fail;
  stmt = kt_portfolio_prepare (self, "INSERT INTO decision (submission_id, decision, appraiser, note,"
                                     " decided_at, total) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  kt_portfolio_bind_text (stmt, 2, decision);
  kt_portfolio_bind_text (stmt, 3, appraiser);
  kt_portfolio_bind_text (stmt, 4, note_nfc);
  kt_portfolio_bind_text (stmt, 5, now);
  kt_portfolio_bind_double (stmt, 6, agg.total);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      kt_portfolio_set_error (self, rc, doing, error);
      goto fail;
    }
  if (isfinite (agg.total))
    g_ascii_dtostr (total_text, sizeof total_text, agg.total);
  else
    g_strlcpy (total_text, "", sizeof total_text);
  if (!kt_portfolio_audit_append (self, now, appraiser, "decide", id, decision, total_text,
                                  note_nfc, error))
    goto fail;
  kt_aggregate_clear (&agg);
  return kt_portfolio_commit (self, doing, error);

fail:
  kt_aggregate_clear (&agg);
  kt_portfolio_rollback (self);
  return FALSE;
}

void
kt_decision_free (KtDecision *d)
{
  if (d == NULL)
    return;
  g_free (d->decision);
  g_free (d->appraiser);
  g_free (d->note);
  g_free (d->decided_at);
  g_free (d);
}

KtDecision *
kt_portfolio_db_get_decision (KtPortfolioDb *self,
                              gint64         id,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  KtDecision *d = NULL;
  int rc;

  stmt = kt_portfolio_prepare (self, "SELECT decision, appraiser, note, decided_at, total FROM decision"
                                     " WHERE submission_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      d = g_new0 (KtDecision, 1);
      d->decision = kt_portfolio_column_text (stmt, 0);
      d->appraiser = kt_portfolio_column_text (stmt, 1);
      d->note = kt_portfolio_column_text (stmt, 2);
      d->decided_at = kt_portfolio_column_text (stmt, 3);
      d->total = kt_portfolio_column_double (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    kt_portfolio_set_error (self, rc, _("reading a decision"), error);
  return d;
}

/* ---- ranking ---- */

void
kt_rank_row_free (KtRankRow *row)
{
  if (row == NULL)
    return;
  kt_submission_free (row->submission);
  kt_aggregate_clear (&row->aggregate);
  g_free (row);
}

static int
rank_compare (gconstpointer a,
              gconstpointer b)
{
  const KtRankRow *x = *(KtRankRow * const *) a, *y = *(KtRankRow * const *) b;
  gboolean px = x->aggregate.n_legal_failed == 0, py = y->aggregate.n_legal_failed == 0;
  double tx = x->aggregate.total, ty = y->aggregate.total;

  if (px != py)
    return px ? -1 : 1;
  if (isnan (tx) != isnan (ty))
    return isnan (tx) ? 1 : -1;
  if (!isnan (tx) && tx != ty)
    return tx > ty ? -1 : 1;
  return x->submission->id < y->submission->id ? -1 : x->submission->id > y->submission->id;
}

GPtrArray *
kt_portfolio_db_rank (KtPortfolioDb *self,
                      GError       **error)
{
  const KtRubric *rubric = kt_portfolio_db_get_rubric (self, error);
  g_autoptr (GPtrArray) subs = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) index = NULL;
  KtPortfolioQuery q;
  sqlite3_stmt *stmt;
  guint n;
  int rc;
  /* Per row: automatic scores, then appraisers. */
  g_autoptr (GPtrArray) autos = NULL;
  g_autoptr (GPtrArray) people = NULL;

  if (rubric == NULL)
    return NULL;
  n = rubric->criteria->len;
  kt_portfolio_query_init (&q);
  q.latest_only = TRUE;
  subs = kt_portfolio_db_list (self, &q, error);
  if (subs == NULL)
    return NULL;
  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  autos = g_ptr_array_new_with_free_func (g_free);
  people = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < subs->len; i++)
    {
      KtSubmission *s = subs->pdata[i];
      double *a = g_new (double, n);

      for (guint c = 0; c < n; c++)
        a[c] = NAN;
      g_ptr_array_add (autos, a);
      g_ptr_array_add (people, g_ptr_array_new_with_free_func (appraiser_scores_free));
      g_hash_table_insert (index, &s->id, GUINT_TO_POINTER (i + 1));
    }

  /* Two passes over all scores instead of one query per submission. */
  stmt = kt_portfolio_prepare (self, "SELECT submission_id, criterion, score FROM auto_score", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
      int c = criterion_index (rubric, (const char *) sqlite3_column_text (stmt, 1));

      if (i > 0 && c >= 0)
        ((double *) autos->pdata[i - 1])[c] = kt_portfolio_column_double (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      kt_portfolio_set_error (self, rc, _("ranking submissions"), error);
      return NULL;
    }
  stmt = kt_portfolio_prepare (self, "SELECT submission_id, appraiser, criterion, score FROM score",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
      int c = criterion_index (rubric, (const char *) sqlite3_column_text (stmt, 2));

      if (i > 0 && c >= 0)
        appraiser_slot (people->pdata[i - 1], (const char *) sqlite3_column_text (stmt, 1),
                        rubric)->scores[c] = sqlite3_column_double (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      kt_portfolio_set_error (self, rc, _("ranking submissions"), error);
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_rank_row_free);
  for (guint i = 0; i < subs->len; i++)
    {
      KtRankRow *row = g_new0 (KtRankRow, 1);

      row->submission = g_steal_pointer (&subs->pdata[i]);
      compute_aggregate (rubric, autos->pdata[i], people->pdata[i],
                         row->submission->n_legal_failed, &row->aggregate);
      g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, rank_compare);
  return g_steal_pointer (&rows);
}
