/* test-risk.c — risk register: benchmark allocation, justification, matrix, expected-cost split
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "kt-problem.h"
#include "kt-project-file.h"
#include "kt-risk.h"
#include "kt-rules.h"
#include "model-fixture.h"

static KtRiskBenchmarks *
load_benchmarks (void)
{
  g_autoptr (GError) error = NULL;
  KtRiskBenchmarks *b = kt_risk_benchmarks_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (b);
  return b;
}

static KtRisk *
add_risk (KtProjectData  *data,
          const char     *id,
          KtRiskCategory  category,
          KtOwner         owner,
          double          state_share,
          double          expected_cost,
          int             likelihood,
          int             impact)
{
  KtRisk *r = fixture_append_row (data->risks, "risks");

  r->id = g_strdup (id);
  r->category = category;
  r->owner = owner;
  r->state_share = state_share;
  r->expected_cost = expected_cost;
  r->likelihood = likelihood;
  r->impact = impact;
  return r;
}

static const KtProblem *
find_problem (GPtrArray  *problems,
              const char *code,
              const char *where)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const KtProblem *p = problems->pdata[i];

      if (g_strcmp0 (p->code, code) == 0 && (where == NULL || g_strcmp0 (p->where, where) == 0))
        return p;
    }
  return NULL;
}

static void
test_benchmarks (void)
{
  g_autoptr (KtRiskBenchmarks) b = load_benchmarks ();
  KtRiskBenchmark bm;

  g_assert_cmpstr (kt_risk_benchmarks_get_id (b), ==, "vn-practice-2025-11");
  g_assert_nonnull (strstr (kt_risk_benchmarks_get_title (b, "vi"), "Phân bổ rủi ro"));
  for (int c = 0; c < KT_N_RISK_CATEGORIES; c++)
    for (int f = 0; f < KT_N_FORMS; f++)
      {
        kt_risk_benchmark_lookup (b, c, f, &bm);
        g_assert_cmpuint (bm.owners, !=, 0);
        g_assert_true (bm.owners & KT_OWNER_BIT (bm.usual));
        g_assert_nonnull (bm.basis);
        g_assert_nonnull (bm.status);
      }
  /* DOMAIN.md §6, a few by name */
  kt_risk_benchmark_lookup (b, KT_RISK_DEMAND, KT_FORM_BOT, &bm);
  g_assert_cmpuint (bm.owners, ==, KT_OWNER_BIT (KT_OWNER_INVESTOR));
  kt_risk_benchmark_lookup (b, KT_RISK_DEMAND, KT_FORM_BTL, &bm);
  g_assert_cmpint (bm.usual, ==, KT_OWNER_STATE);
  kt_risk_benchmark_lookup (b, KT_RISK_REGULATORY, KT_FORM_BOT, &bm);
  g_assert_cmpuint (bm.owners, ==, KT_OWNER_BIT (KT_OWNER_STATE) | KT_OWNER_BIT (KT_OWNER_SHARED));
  kt_risk_benchmark_lookup (b, KT_RISK_LAND_SITE, KT_FORM_BOO, &bm);
  g_assert_cmpuint (bm.owners, ==, KT_OWNER_BIT (KT_OWNER_STATE));
  kt_risk_benchmark_lookup (b, KT_RISK_FORCE_MAJEURE, KT_FORM_BTO, &bm);
  g_assert_cmpuint (bm.owners, ==, KT_OWNER_BIT (KT_OWNER_SHARED));
  kt_risk_benchmark_lookup (b, KT_RISK_TECHNOLOGY, KT_FORM_BOT, &bm);
  g_assert_nonnull (strstr (bm.basis, "Art. 9"));
}

static void
test_hostile (void)
{
  static const char *const bad[] = {
    "",
    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"x\">]><risk-benchmarks "
      "xmlns=\"https://khathi.github.io/ns/risk-benchmarks/1\" id=\"x\">&e;</risk-benchmarks>",
    "<risk-benchmarks id=\"x\"/>",
    "<risk-benchmarks xmlns=\"https://khathi.github.io/ns/risk-benchmarks/1\" id=\"x\">",
    "<risk-benchmarks xmlns=\"https://khathi.github.io/ns/risk-benchmarks/1\" id=\"x\">"
      "<benchmark category=\"nonsense\" owners=\"state\" status=\"U\"><basis>b</basis></benchmark>"
      "</risk-benchmarks>",
    "<risk-benchmarks xmlns=\"https://khathi.github.io/ns/risk-benchmarks/1\" id=\"x\">"
      "<benchmark category=\"demand\" owners=\"everyone\" status=\"U\"><basis>b</basis></benchmark>"
      "</risk-benchmarks>",
    "<risk-benchmarks xmlns=\"https://khathi.github.io/ns/risk-benchmarks/1\" id=\"x\">"
      "<benchmark category=\"demand\" owners=\"state\" status=\"U\"><basis>b</basis></benchmark>"
      "<benchmark category=\"demand\" owners=\"state\" status=\"U\"><basis>b</basis></benchmark>"
      "</risk-benchmarks>",
    /* well-formed, but most categories missing */
    "<risk-benchmarks xmlns=\"https://khathi.github.io/ns/risk-benchmarks/1\" id=\"x\">"
      "<benchmark category=\"demand\" owners=\"state\" status=\"U\"><basis>b</basis></benchmark>"
      "</risk-benchmarks>",
    "<risk-benchmarks xmlns=\"https://khathi.github.io/ns/risk-benchmarks/1\" id=\"x\">"
      "<benchmark category=\"demand\" owners=\"state\" status=\"U\"><basis>b</basis>"
      "<form key=\"nonsense\" owners=\"state\"/></benchmark></risk-benchmarks>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      KtRiskBenchmarks *b = kt_risk_benchmarks_load_from_data (bad[i], strlen (bad[i]), "bad.xml",
                                                               &error);

      g_assert_null (b);
      g_assert_nonnull (error);
      g_assert_true (error->domain == KT_RISK_ERROR);
    }
}

static void
test_deviation (void)
{
  g_autoptr (KtRiskBenchmarks) b = load_benchmarks ();
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtRiskRegister) reg = NULL;
  const KtProblem *p;
  KtProjectData data;
  KtRisk *r;

  fixture_project (&data);
  data.form = KT_FORM_BOT;
  add_risk (&data, "R1", KT_RISK_DEMAND, KT_OWNER_STATE, 1.0, 0.0, 3, 3);        /* deviates */
  r = add_risk (&data, "R2", KT_RISK_COST_OVERRUN, KT_OWNER_SHARED, 0.5, 0.0, 2, 2);  /* deviates */
  r->justification.en = g_strdup ("The state changed the scope after approval.");
  add_risk (&data, "R3", KT_RISK_REGULATORY, KT_OWNER_SHARED, 0.7, 0.0, 3, 4);   /* follows */
  r = add_risk (&data, "R4", KT_RISK_LAND_SITE, KT_OWNER_INVESTOR, 0.0, 0.0, 1, 1);   /* deviates */
  r->justification.vi = g_strdup ("   ");   /* blank is not a justification */

  reg = kt_risk_register_analyse (&data, b, problems);
  g_assert_true (reg->rows[0].deviates);
  g_assert_false (reg->rows[0].justified);
  g_assert_true (reg->rows[1].deviates);
  g_assert_true (reg->rows[1].justified);
  g_assert_false (reg->rows[2].deviates);
  g_assert_true (reg->rows[3].deviates);
  g_assert_false (reg->rows[3].justified);
  g_assert_cmpint (reg->n_deviations, ==, 3);
  g_assert_cmpint (reg->n_unjustified, ==, 2);

  p = find_problem (problems, "risk_justification_missing", "risks/1/justification");
  g_assert_nonnull (p);
  g_assert_cmpint (p->severity, ==, KT_SEVERITY_ERROR);
  g_assert_nonnull (find_problem (problems, "risk_justification_missing", "risks/4/justification"));
  g_assert_null (find_problem (problems, "risk_justification_missing", "risks/2/justification"));
  p = find_problem (problems, "risk_allocation_deviates", "risks/2/justification");
  g_assert_nonnull (p);
  g_assert_cmpint (p->severity, ==, KT_SEVERITY_INFO);
  g_assert_null (find_problem (problems, NULL, "risks/3/justification"));
  g_assert_true (kt_problems_has_errors (problems));
  g_clear_pointer (&reg, kt_risk_register_free);

  /* The same demand risk is the state's by default under BTL. */
  data.form = KT_FORM_BTL;
  g_ptr_array_set_size (problems, 0);
  reg = kt_risk_register_analyse (&data, b, problems);
  g_assert_false (reg->rows[0].deviates);
  g_assert_null (find_problem (problems, "risk_justification_missing", "risks/1/justification"));
  kt_project_data_clear (&data);
}

static void
test_costs_and_matrix (void)
{
  g_autoptr (KtRiskBenchmarks) b = load_benchmarks ();
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtRiskRegister) reg = NULL;
  KtProjectData data;

  fixture_project (&data);
  /* a state risk costs the state all of it, an investor risk the investor,
   * whatever state_share says */
  add_risk (&data, "S", KT_RISK_LAND_SITE, KT_OWNER_STATE, 0.3, 6e9, 3, 3);
  add_risk (&data, "I", KT_RISK_COST_OVERRUN, KT_OWNER_INVESTOR, 0.4, 12e9, 3, 3);
  add_risk (&data, "H", KT_RISK_REGULATORY, KT_OWNER_SHARED, 0.7, 10e9, 5, 4);
  add_risk (&data, "Z", KT_RISK_FORCE_MAJEURE, KT_OWNER_SHARED, 0.5, NAN, 2, 6);  /* off scale */

  reg = kt_risk_register_analyse (&data, b, problems);
  assert_money (reg->rows[0].cost_state, 6e9);
  assert_money (reg->rows[0].cost_investor, 0.0);
  assert_money (reg->rows[1].cost_state, 0.0);
  assert_money (reg->rows[1].cost_investor, 12e9);
  assert_money (reg->rows[2].cost_state, 7e9);
  assert_money (reg->rows[2].cost_investor, 3e9);
  assert_money (reg->rows[3].cost_state, 0.0);
  assert_money (reg->total_expected, 28e9);
  assert_money (reg->total_retained, 13e9);
  assert_money (reg->total_transferred, 15e9);
  g_assert_nonnull (find_problem (problems, "risk_expected_cost", "risks/4/expected-cost"));
  g_assert_nonnull (find_problem (problems, "risk_scale", "risks/4/impact"));

  g_assert_cmpint (reg->counts[2][2], ==, 2);
  g_assert_cmpint (reg->counts[4][3], ==, 1);
  g_assert_cmpuint (reg->cells[2][2]->len, ==, 2);
  g_assert_cmpint (g_array_index (reg->cells[2][2], int, 0), ==, 0);
  g_assert_cmpint (g_array_index (reg->cells[2][2], int, 1), ==, 1);
  g_assert_cmpint (g_array_index (reg->cells[4][3], int, 0), ==, 2);
  {
    int total = 0;

    for (int l = 0; l < KT_RISK_SCALE; l++)
      for (int i = 0; i < KT_RISK_SCALE; i++)
        total += reg->counts[l][i];
    g_assert_cmpint (total, ==, 3);
  }
  g_assert_cmpint (reg->rows[2].score, ==, 20);
  g_assert_cmpint (reg->rows[2].level, ==, KT_RISK_LEVEL_VERY_HIGH);
  g_assert_cmpint (reg->rows[0].level, ==, KT_RISK_LEVEL_MEDIUM);
  g_assert_cmpint (reg->by_owner[KT_OWNER_SHARED], ==, 2);
  g_assert_cmpint (kt_risk_level_of (4), ==, KT_RISK_LEVEL_LOW);
  g_assert_cmpint (kt_risk_level_of (10), ==, KT_RISK_LEVEL_HIGH);
  g_assert_cmpstr (kt_risk_level_key (KT_RISK_LEVEL_VERY_HIGH), ==, "very-high");
  kt_project_data_clear (&data);
}

/* The sample studies follow the benchmark or justify where they do not. */
static void
test_samples (void)
{
  g_autoptr (KtRiskBenchmarks) b = load_benchmarks ();
  g_autofree char *dir_path = g_build_filename (kt_data_dir (), "samples", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  int n = 0;

  if (dir == NULL)
    {
      g_test_skip ("no samples");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr (GFile) file = NULL;
      g_autoptr (KtProject) project = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) problems = kt_problems_new ();
      g_autoptr (KtRiskRegister) reg = NULL;

      if (!g_str_has_suffix (name, ".khathi"))
        continue;
      file = g_file_new_for_path (path);
      project = kt_project_load (file, NULL, &error);
      g_assert_no_error (error);
      reg = kt_risk_register_analyse (kt_project_get_data (project), b, problems);
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("%s: %s %s", name, ((KtProblem *) problems->pdata[i])->code,
                        ((KtProblem *) problems->pdata[i])->where);
      g_assert_false (kt_problems_has_errors (problems));
      g_assert_cmpint (reg->n, >, 0);
      assert_money (reg->total_retained + reg->total_transferred, reg->total_expected);
      n++;
    }
  g_assert_cmpint (n, >, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/risk/benchmarks", test_benchmarks);
  g_test_add_func ("/core/risk/hostile", test_hostile);
  g_test_add_func ("/core/risk/deviation", test_deviation);
  g_test_add_func ("/core/risk/costs-matrix", test_costs_and_matrix);
  g_test_add_func ("/core/risk/samples", test_samples);
  return g_test_run ();
}
