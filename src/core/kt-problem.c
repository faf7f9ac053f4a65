/* kt-problem.c — validation problems and engine checks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kt-problem.h"

void
kt_problem_free (KtProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->code);
  g_free (problem->where);
  g_free (problem->message);
  g_free (problem);
}

GPtrArray *
kt_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kt_problem_free);
}

void
kt_problems_add (GPtrArray  *problems,
                 KtSeverity  severity,
                 const char *code,
                 const char *where,
                 int         year,
                 const char *format,
                 ...)
{
  KtProblem *problem = g_new0 (KtProblem, 1);
  va_list args;

  problem->severity = severity;
  problem->code = g_strdup (code);
  problem->where = g_strdup (where ? where : "");
  problem->year = year;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

gboolean
kt_problems_has_errors (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    if (((KtProblem *) problems->pdata[i])->severity == KT_SEVERITY_ERROR)
      return TRUE;
  return FALSE;
}

const char *
kt_severity_key (KtSeverity severity)
{
  switch (severity)
    {
    case KT_SEVERITY_INFO:
      return "info";
    case KT_SEVERITY_WARNING:
      return "warning";
    case KT_SEVERITY_ERROR:
    default:
      return "error";
    }
}
