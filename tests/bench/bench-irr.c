/* bench-irr.c — timing kt_irr on the flows the model produces
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-irr [--repeat N] [--rounds N] [--dump PATH] [FILE.khathi …]
 *
 * Evaluates each project (default: tests/files/model-25y.khathi,
 * tests/files/simulate-25y.khathi and the samples in data/samples) at the
 * base case and at demand × 0.7 … 1.3 and capex × 0.8 … 1.2, as Monte Carlo
 * would move them, and collects the project, equity and economic flows.
 * Then times kt_irr on the whole collection, `rounds` times over `repeat`
 * passes, and prints ns per call (minimum and median of the rounds) and a
 * checksum of every root, to compare two builds (--dump writes the series:
 * the reference rate, then the flows in C99 hex, one series a line).
 * Instructions per call under callgrind (divide by the series count; the
 * models' own kt_irr calls are not counted):
 *   valgrind --tool=callgrind --toggle-collect=irr_pass bench-irr --rounds 1 --repeat 1
 * Not a test.
 */
#include "config.h"

#include <glib.h>
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kt-metrics.h"
#include "kt-model.h"
#include "kt-problem.h"
#include "kt-project-file.h"
#include "kt-rules.h"

typedef struct {
  double *flows;
  gsize   n;
  double  reference;
  char    pattern[64];
} Series;

static double
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static int
compare_path (const void *a,
              const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
add_series (GArray       *all,
            const double *flows,
            int           n,
            double        reference)
{
  Series s = { g_memdup2 (flows, (gsize) n * sizeof *flows), (gsize) n, reference, "" };
  int k = 0;

  for (int t = 0; t < n && k < (int) sizeof s.pattern - 1; t++)
    s.pattern[k++] = flows[t] > 0 ? '+' : flows[t] < 0 ? '-' : '0';
  g_array_append_val (all, s);
}

static gboolean
load (const char *path,
      GArray     *all)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KtProject) project = kt_project_load (file, NULL, &error);
  g_autoptr (KtRuleSet) set = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtModel) model = NULL;
  const KtProjectData *data;
  const char *id;
  KtRules rules;

  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  data = kt_project_get_data (project);
  id = data->rule_set != NULL && *data->rule_set ? data->rule_set : kt_rule_set_default_id ();
  set = kt_rule_set_load_by_id (id, &error);
  if (set == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  kt_rules_resolve (set, data, &rules, problems);
  model = kt_model_new (data, 0);

  for (int v = 0; v < 21; v++)
    {
      KtDrivers drivers;

      kt_drivers_init (&drivers);
      if (v <= 12)
        drivers.demand = 0.7 + 0.05 * v;
      else
        drivers.capex = 0.8 + 0.05 * (v - 13);
      if (!kt_model_evaluate (model, data, &rules, &drivers))
        continue;
      add_series (all, model->y.project_flow, model->n_years, 0.08);
      add_series (all, model->y.equity_flow, model->n_years, 0.12);
      add_series (all, model->y.economic_flow, model->n_years, 0.10);
      if (v == 6)
        for (guint i = all->len - 3; i < all->len; i++)
          g_print ("%s: %s\n", path, g_array_index (all, Series, i).pattern);
    }
  return TRUE;
}

/* One kt_irr per series; its own function so that callgrind can count it alone. */
static void __attribute__ ((noinline))
irr_pass (GArray *all)
{
  for (guint i = 0; i < all->len; i++)
    {
      const Series *s = &g_array_index (all, Series, i);
      KtIrrResult result;

      kt_irr (s->flows, s->n, s->reference, &result);
    }
}

int
main (int    argc,
      char **argv)
{
  int repeat = 20, rounds = 15;
  g_autofree char *dump = NULL;
  GOptionEntry entries[] = {
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Passes over all series per round (default 20)", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Timed rounds (default 15)", "N" },
    { "dump", 0, 0, G_OPTION_ARG_FILENAME, &dump, "Write the series, one a line", "PATH" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[FILE.khathi …] — kt_irr benchmark");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (Series));
  g_autofree double *times = NULL;
  guint64 checksum = 0;
  int n_roots = 0;

  gsl_set_error_handler_off ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (repeat < 1 || rounds < 1)
    {
      g_printerr ("--repeat and --rounds must be at least 1\n");
      return 2;
    }
  if (g_getenv ("KHATHI_DATA_DIR") == NULL)
    g_setenv ("KHATHI_DATA_DIR", SOURCE_DATADIR, TRUE);
  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        if (!load (argv[i], all))
          return 2;
    }
  else
    {
      const char *data_dir = g_getenv ("KHATHI_DATA_DIR");
      g_autofree char *tests = g_build_filename (SOURCE_DATADIR, "..", "tests", "files", NULL);
      g_autofree char *samples = g_build_filename (data_dir, "samples", NULL);
      const char *names[] = { "model-25y.khathi", "simulate-25y.khathi" };
      g_autoptr (GDir) dir = g_dir_open (samples, 0, &error);
      g_autoptr (GPtrArray) sample_files = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (tests, names[i], NULL);

          if (!load (path, all))
            return 2;
        }
      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".khathi"))
          g_ptr_array_add (sample_files, g_build_filename (samples, name, NULL));
      g_ptr_array_sort (sample_files, compare_path);
      for (guint i = 0; i < sample_files->len; i++)
        if (!load (g_ptr_array_index (sample_files, i), all))
          return 2;
    }

  if (dump != NULL)
    {
      FILE *out = fopen (dump, "w");

      if (out == NULL)
        return 2;
      for (guint i = 0; i < all->len; i++)
        {
          const Series *s = &g_array_index (all, Series, i);

          fprintf (out, "%.17g", s->reference);
          for (gsize t = 0; t < s->n; t++)
            fprintf (out, " %a", s->flows[t]);
          fputc ('\n', out);
        }
      fclose (out);
    }

  /* The roots, once: a checksum to compare builds. */
  for (guint i = 0; i < all->len; i++)
    {
      const Series *s = &g_array_index (all, Series, i);
      KtIrrResult result;

      kt_irr (s->flows, s->n, s->reference, &result);
      n_roots += result.n_roots;
      for (int k = 0; k < result.n_roots; k++)
        {
          guint64 bits;

          memcpy (&bits, &result.roots[k], sizeof bits);
          checksum = checksum * 1099511628211u + bits;
        }
    }

  times = g_new (double, rounds);
  for (int r = 0; r < rounds; r++)
    {
      double start = now_ns ();

      for (int p = 0; p < repeat; p++)
        irr_pass (all);
      times[r] = (now_ns () - start) / ((double) repeat * all->len);
    }
  qsort (times, rounds, sizeof (double), compare_double);
  printf ("%u series, %d roots, checksum %016" G_GINT64_MODIFIER "x\n",
          all->len, n_roots, checksum);
  printf ("kt_irr: min %.0f ns, median %.0f ns per call\n", times[0], times[rounds / 2]);

  for (guint i = 0; i < all->len; i++)
    g_free (g_array_index (all, Series, i).flows);
  return 0;
}
