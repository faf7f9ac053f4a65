/* test-report-samples.h — synthetic charts for the report tests (no engine yet)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-chart.h"

G_BEGIN_DECLS

#define SAMPLE_FIRST_YEAR 2026
#define SAMPLE_N_YEARS 30

/* vi or en text: the tests write both documents from the same code. */
const char *sample_text            (KtLang      lang,
                                    const char *vi,
                                    const char *en);
/* The net cash flow of year i (VND): three construction years, then growing. */
double      sample_net_flow        (guint       year);
/* A new chart of each kind, filled with plausible PPP figures. */
KtChart    *sample_cash_flow_chart (KtLang lang);
KtChart    *sample_funding_chart   (KtLang lang);
KtChart    *sample_dscr_chart      (KtLang lang);
KtChart    *sample_tornado_chart   (KtLang lang);
KtChart    *sample_histogram_chart (KtLang lang);
KtChart    *sample_risk_chart      (KtLang lang);
KtChart    *sample_scenario_chart  (KtLang lang);
/* All seven, in the order above; free with g_ptr_array_unref. */
GPtrArray  *sample_all_charts      (KtLang lang);

G_END_DECLS
