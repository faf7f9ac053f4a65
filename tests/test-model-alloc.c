/* test-model-alloc.c — an evaluation allocates no memory (Monte Carlo, keystrokes)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The executable defines malloc and friends, which take precedence over
 * libc's for every library in the process (ELF interposition); they count
 * calls while `counting` is set and forward to glibc's __libc_* entry points.
 * Under valgrind, which replaces the allocator itself, the tests skip.
 */
#include "config.h"

#include <errno.h>
#include <gsl/gsl_errno.h>
#include <malloc.h>
#include <math.h>
#include <stdlib.h>

#include "model-fixture.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND() RUNNING_ON_VALGRIND
#endif
#endif
#ifndef UNDER_VALGRIND
#define UNDER_VALGRIND() 0
#endif

extern void *__libc_malloc (size_t size);
extern void *__libc_calloc (size_t n, size_t size);
extern void *__libc_realloc (void *p, size_t size);
extern void  __libc_free (void *p);
extern void *__libc_memalign (size_t alignment, size_t size);

static volatile int counting;
static volatile long n_allocations;

void *
malloc (size_t size)
{
  if (counting)
    n_allocations++;
  return __libc_malloc (size);
}

void *
calloc (size_t n,
        size_t size)
{
  if (counting)
    n_allocations++;
  return __libc_calloc (n, size);
}

void *
realloc (void   *p,
         size_t  size)
{
  if (counting)
    n_allocations++;
  return __libc_realloc (p, size);
}

void
free (void *p)
{
  __libc_free (p);
}

void *
memalign (size_t alignment,
          size_t size)
{
  if (counting)
    n_allocations++;
  return __libc_memalign (alignment, size);
}

void *
aligned_alloc (size_t alignment,
               size_t size)
{
  if (counting)
    n_allocations++;
  return __libc_memalign (alignment, size);
}

int
posix_memalign (void   **p,
                size_t   alignment,
                size_t   size)
{
  if (counting)
    n_allocations++;
  *p = __libc_memalign (alignment, size);
  return *p != NULL ? 0 : ENOMEM;
}

/* Everything the engine does: 2 + 25 years, capex with duty and contingency,
 * replacement, NWC, an incentive class, state support, all three repayment
 * types (sculpting iterates), an externality, BOO terminal values. */
static void
big_project (KtProjectData *d)
{
  const double a[] = { 4e11, 6e11 }, b[] = { 1e11, 2e11 };
  double ramp[] = { 0.3, 0.6, 0.9 };
  KtRevenueStream *rs;
  KtCapexLine *line;
  KtExternality *x;

  fixture_project (d);
  d->form = KT_FORM_BOO;
  d->construction_years = 2;
  d->operation_years = 25;
  d->inflation = 0.035;
  d->contingency_rate = 0.05;
  d->duty_rate = 0.1;
  d->nwc_enabled = TRUE;
  d->receivable_days = 45;
  d->payable_days = 30;
  d->equity_share = 0.3;
  d->support_mode = KT_SUPPORT_SHARE;
  d->support_share = 0.2;
  d->incentive = KT_INCENTIVE_HIGH_TECH;
  d->min_dscr = 1.2;
  d->land_rent = 2e9;
  d->concession_fee = 1e9;
  line = fixture_add_capex (d, KT_CAPEX_EQUIPMENT, 8, a, 2);
  line->method = KT_DEPRECIATION_DECLINING_BALANCE;
  line->share_imported = 0.6;
  fixture_add_capex (d, KT_CAPEX_CONSTRUCTION, 25, b, 2);
  fixture_add_replacement (d, 9, 2e11, 8);
  rs = fixture_add_revenue (d, 5e5);
  rs->capacity = 6e5;
  rs->escalation = 0.04;
  rs->variable_cost_share = 0.15;
  rs->exempt_years = 2;
  g_array_append_vals (rs->ramp, ramp, 3);
  fixture_add_payment (d, 2e10);
  fixture_add_opex (d, 4e10)->escalation = 0.04;
  fixture_add_opex (d, 5e9)->rd = TRUE;
  fixture_add_loan (d, 0.5, 0.09, 2, 12, KT_REPAYMENT_SCULPTED)->target_dscr = 1.3;
  fixture_add_loan (d, 0.3, 0.08, 1, 10, KT_REPAYMENT_ANNUITY)->fee_rate = 0.01;
  fixture_add_loan (d, 0.2, 0.07, 0, 8, KT_REPAYMENT_EQUAL_PRINCIPAL);
  x = fixture_append_row (d->economics.externalities, "economics/externalities");
  x->amount = 3e10;
}

/* Whether our malloc is the one the process uses: valgrind, for one,
 * replaces it with its own. */
static gboolean
hook_live (void)
{
  gpointer p;

  n_allocations = 0;
  counting = 1;
  p = g_malloc (64);
  counting = 0;
  g_free (p);
  return n_allocations == 1;
}

static void
test_hook_counts (void)
{
  if (UNDER_VALGRIND ())
    {
      g_test_skip ("valgrind replaces the allocator");
      return;
    }
  g_assert_true (hook_live ());
}

static void
test_evaluate_allocates_nothing (void)
{
  KtProjectData d;
  KtRules rules;
  KtDrivers drivers;
  g_autoptr (KtModel) model = NULL;
  long during;

  if (UNDER_VALGRIND ())
    {
      g_test_skip ("valgrind replaces the allocator");
      return;
    }
  g_assert_true (hook_live ());
  big_project (&d);
  fixture_rules (&rules);
  rules.n_cit_bands = 2;
  rules.cit_band_revenue[0] = 3e9;
  rules.cit_band_rate[0] = 0.15;
  rules.cit_band_revenue[1] = 50e9;
  rules.cit_band_rate[1] = 0.17;
  model = kt_model_new (&d, 2);
  kt_drivers_init (&drivers);
  g_assert_true (kt_model_evaluate (model, &d, &rules, NULL));
  g_assert_true (model->r.balance_ok);
  g_assert_cmpint (model->r.sculpt_iterations, >=, 2);

  n_allocations = 0;
  counting = 1;
  for (int i = 0; i < 50; i++)
    {
      drivers.demand = 0.8 + 0.01 * i;
      drivers.capex = 1.2 - 0.005 * i;
      drivers.interest_rate = 1.0 + 0.01 * i;
      drivers.delay = i % 3;
      kt_model_evaluate (model, &d, &rules, &drivers);
    }
  counting = 0;
  during = n_allocations;
  g_assert_cmpint (during, ==, 0);
  g_assert_true (model->r.balance_ok);
  g_assert_true (isfinite (model->r.break_even_volume));

  /* A delay beyond the reserved years does grow the workspace: the hook sees it. */
  n_allocations = 0;
  counting = 1;
  drivers.delay = 5;
  kt_model_evaluate (model, &d, &rules, &drivers);
  counting = 0;
  g_assert_cmpint (n_allocations, >, 0);
  kt_project_data_clear (&d);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gsl_set_error_handler_off ();

  g_test_add_func ("/core/model-alloc/hook-counts", test_hook_counts);
  g_test_add_func ("/core/model-alloc/evaluate-allocates-nothing", test_evaluate_allocates_nothing);
  return g_test_run ();
}
