/* test-report-samples.c — synthetic charts for the report tests (no engine yet)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-report-samples.h"

const char *
sample_text (KtLang      lang,
             const char *vi,
             const char *en)
{
  return lang == KT_LANG_VI ? vi : en;
}

static GPtrArray *
year_labels (void)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < SAMPLE_N_YEARS; i++)
    g_ptr_array_add (labels, g_strdup_printf ("%u", SAMPLE_FIRST_YEAR + i));
  return labels;
}

double
sample_net_flow (guint year)
{
  static const double construction[] = { -4.2e11, -6.8e11, -3.1e11 };

  if (year < G_N_ELEMENTS (construction))
    return construction[year];
  /* Toll revenue ramping up, a major overhaul in year 15. */
  return 5.5e10 * (1.0 + 0.03 * (year - 3)) - (year == 15 ? 1.9e11 : 0.0);
}

KtChart *
sample_cash_flow_chart (KtLang lang)
{
  g_autoptr(GPtrArray) labels = year_labels ();
  double net[SAMPLE_N_YEARS], cumulative[SAMPLE_N_YEARS], sum = 0;
  KtChart *chart = kt_chart_new (KT_CHART_BAR_LINE, lang);

  for (guint i = 0; i < SAMPLE_N_YEARS; i++)
    {
      net[i] = sample_net_flow (i);
      sum += net[i];
      cumulative[i] = sum;
    }
  kt_chart_set_title (chart, sample_text (lang, "Dòng tiền ròng hằng năm và lũy kế",
                                          "Annual and cumulative net cash flow"));
  kt_chart_set_axis_titles (chart, sample_text (lang, "Năm", "Year"),
                            sample_text (lang, "đồng", "VND"));
  kt_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
  kt_chart_add_series (chart, KT_SERIES_BAR, sample_text (lang, "Dòng tiền ròng", "Net cash flow"),
                       net, SAMPLE_N_YEARS);
  kt_chart_add_series (chart, KT_SERIES_LINE, sample_text (lang, "Lũy kế", "Cumulative"),
                       cumulative, SAMPLE_N_YEARS);
  return chart;
}

KtChart *
sample_funding_chart (KtLang lang)
{
  static const char *const years[] = { "2026", "2027", "2028", "2029", "2030", "2031" };
  static const double equity[] = { 1.8e11, 2.2e11, 1.1e11, 0, 0, 0 };
  static const double loans[] = { 2.4e11, 4.6e11, 2.0e11, 0, 0, 0 };
  static const double state[] = { 0.0, 1.5e11, 1.2e11, 0.4e11, 0, 0 };
  static const double sharing[] = { 0, 0, 0, -0.2e11, -0.6e11, -0.7e11 };
  double net[G_N_ELEMENTS (years)];
  KtChart *chart = kt_chart_new (KT_CHART_STACKED_BAR, lang);

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    net[i] = equity[i] + loans[i] + state[i] + sharing[i];
  kt_chart_set_title (chart, sample_text (lang, "Nguồn vốn và dòng ngân sách nhà nước theo năm",
                                          "Funding sources and state budget flows by year"));
  kt_chart_set_categories (chart, years, G_N_ELEMENTS (years));
  kt_chart_add_series (chart, KT_SERIES_BAR, sample_text (lang, "Vốn chủ sở hữu", "Equity"),
                       equity, G_N_ELEMENTS (years));
  kt_chart_add_series (chart, KT_SERIES_BAR, sample_text (lang, "Vốn vay", "Loans"),
                       loans, G_N_ELEMENTS (years));
  kt_chart_add_series (chart, KT_SERIES_BAR,
                       sample_text (lang, "Vốn nhà nước hỗ trợ", "State capital support"),
                       state, G_N_ELEMENTS (years));
  kt_chart_add_series (chart, KT_SERIES_BAR,
                       sample_text (lang, "Chia sẻ doanh thu", "Revenue sharing"),
                       sharing, G_N_ELEMENTS (years));
  kt_chart_add_series (chart, KT_SERIES_LINE, sample_text (lang, "Ròng", "Net"),
                       net, G_N_ELEMENTS (years));
  return chart;
}

KtChart *
sample_dscr_chart (KtLang lang)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double dscr[15];
  KtChart *chart = kt_chart_new (KT_CHART_THRESHOLD_BAR, lang);

  for (guint i = 0; i < G_N_ELEMENTS (dscr); i++)
    {
      g_ptr_array_add (labels, g_strdup_printf ("%u", 2029 + i));
      dscr[i] = 1.12 + 0.06 * i - (i == 6 ? 0.35 : 0.0);
    }
  kt_chart_set_title (chart, sample_text (lang, "Hệ số khả năng trả nợ (DSCR)",
                                          "Debt service coverage ratio (DSCR)"));
  kt_chart_set_value_format (chart, KT_VALUE_NUMBER, -1);
  kt_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
  kt_chart_add_series (chart, KT_SERIES_BAR, "DSCR", dscr, G_N_ELEMENTS (dscr));
  kt_chart_add_threshold (chart, 1.3, sample_text (lang, "Cam kết vay: 1,30", "Covenant: 1.30"));
  kt_chart_set_threshold_rule (chart, KT_THRESHOLD_BELOW_IS_BAD);
  return chart;
}

KtChart *
sample_tornado_chart (KtLang lang)
{
  KtChart *chart = kt_chart_new (KT_CHART_TORNADO, lang);

  kt_chart_set_title (chart, sample_text (lang, "Độ nhạy của NPV (±20 %)",
                                          "Sensitivity of NPV (±20 %)"));
  kt_chart_set_base (chart, 1.25e11, sample_text (lang, "NPV cơ sở", "Base NPV"));
  kt_chart_set_tornado_names (chart, sample_text (lang, "Biến ở mức thấp", "Input low"),
                              sample_text (lang, "Biến ở mức cao", "Input high"));
  kt_chart_add_tornado_item (chart, sample_text (lang, "Chi phí vận hành", "Operating cost"),
                             1.6e11, 0.9e11);
  kt_chart_add_tornado_item (chart, sample_text (lang, "Lưu lượng xe", "Traffic volume"),
                             -0.9e11, 3.4e11);
  kt_chart_add_tornado_item (chart, sample_text (lang, "Tổng mức đầu tư", "Capital cost"),
                             2.9e11, -0.4e11);
  kt_chart_add_tornado_item (chart, sample_text (lang, "Lãi suất vay", "Loan interest rate"),
                             1.9e11, 0.6e11);
  kt_chart_add_tornado_item (chart, sample_text (lang, "Giá vé", "Toll tariff"),
                             -0.5e11, 3.0e11);
  kt_chart_add_tornado_item (chart, sample_text (lang, "Tỷ giá", "Exchange rate"),
                             1.4e11, 1.1e11);
  kt_chart_add_tornado_item (chart, sample_text (lang, "Thời gian xây dựng",
                                                 "Construction period"),
                             1.5e11, 0.8e11);
  return chart;
}

KtChart *
sample_histogram_chart (KtLang lang)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260105);
  g_autofree double *samples = g_new (double, 10000);
  KtChart *chart = kt_chart_new (KT_CHART_HISTOGRAM, lang);

  for (guint i = 0; i < 10000; i++)
    {
      /* Box–Muller; a little skew from the second uniform. */
      double u = g_rand_double_range (rand, 1e-12, 1.0), v = g_rand_double (rand);
      double z = sqrt (-2.0 * log (u)) * cos (2 * G_PI * v);
      samples[i] = 1.2e11 + 1.1e11 * z + (z > 0 ? 0.25e11 * z * z : 0);
    }
  kt_chart_set_title (chart, sample_text (lang, "Phân phối NPV (10 000 lần mô phỏng)",
                                          "NPV distribution (10,000 draws)"));
  kt_chart_set_axis_titles (chart, sample_text (lang, "NPV (đồng)", "NPV (VND)"),
                            sample_text (lang, "Số lần", "Draws"));
  kt_chart_set_samples (chart, samples, 10000, 0);
  kt_chart_add_percentile_marker (chart, 5);
  kt_chart_add_percentile_marker (chart, 50);
  kt_chart_add_percentile_marker (chart, 95);
  return chart;
}

KtChart *
sample_risk_chart (KtLang lang)
{
  static const char *const vi_levels[] = { "Rất thấp", "Thấp", "Trung bình", "Cao", "Rất cao" };
  static const char *const en_levels[] = { "Very low", "Low", "Medium", "High", "Very high" };
  double values[25];
  const char *texts[25] = { NULL };
  KtChart *chart = kt_chart_new (KT_CHART_HEATMAP, lang);
  const char *const *levels = lang == KT_LANG_VI ? vi_levels : en_levels;

  for (guint r = 0; r < 5; r++)
    for (guint c = 0; c < 5; c++)
      values[r * 5 + c] = (r + 1) * (c + 1);
  texts[4 * 5 + 3] = "R1, R4";      /* likelihood 5, impact 4 */
  texts[2 * 5 + 4] = "R2";
  texts[1 * 5 + 1] = "R3, R5, R7";
  texts[0 * 5 + 2] = "R6";
  kt_chart_set_title (chart, sample_text (lang, "Ma trận rủi ro 5×5", "5×5 risk matrix"));
  kt_chart_set_axis_titles (chart, sample_text (lang, "Mức độ ảnh hưởng", "Impact"),
                            sample_text (lang, "Khả năng xảy ra", "Likelihood"));
  kt_chart_set_matrix (chart, 5, 5, values, texts);
  kt_chart_set_row_labels (chart, levels, 5);
  kt_chart_set_column_labels (chart, levels, 5);
  kt_chart_set_value_format (chart, KT_VALUE_NUMBER, 0);
  kt_chart_add_heat_level (chart, 4, sample_text (lang, "Thấp (1–4)", "Low (1–4)"));
  kt_chart_add_heat_level (chart, 9, sample_text (lang, "Trung bình (5–9)", "Medium (5–9)"));
  kt_chart_add_heat_level (chart, 16, sample_text (lang, "Cao (10–16)", "High (10–16)"));
  kt_chart_add_heat_level (chart, 25, sample_text (lang, "Rất cao (20–25)", "Extreme (20–25)"));
  return chart;
}

KtChart *
sample_scenario_chart (KtLang lang)
{
  static const char *const forms[] = { "BOT", "BTO", "BOO", "O&M", "BLT" };
  static const double base[] = { 1.25e11, 0.98e11, 1.41e11, 0.22e11, 0.61e11 };
  static const double good[] = { 2.10e11, 1.72e11, 2.35e11, 0.31e11, 1.02e11 };
  static const double bad[] = { -0.35e11, -0.52e11, 0.12e11, 0.09e11, -0.21e11 };
  KtChart *chart = kt_chart_new (KT_CHART_GROUPED_BAR, lang);

  kt_chart_set_title (chart, sample_text (lang, "NPV theo loại hợp đồng và kịch bản",
                                          "NPV by contract type and scenario"));
  kt_chart_set_categories (chart, forms, G_N_ELEMENTS (forms));
  kt_chart_set_show_values (chart, TRUE);
  kt_chart_add_series (chart, KT_SERIES_BAR, sample_text (lang, "Cơ sở", "Base"), base, 5);
  kt_chart_add_series (chart, KT_SERIES_BAR, sample_text (lang, "Lạc quan", "Optimistic"),
                       good, 5);
  kt_chart_add_series (chart, KT_SERIES_BAR, sample_text (lang, "Bi quan", "Pessimistic"),
                       bad, 5);
  return chart;
}

GPtrArray *
sample_all_charts (KtLang lang)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_chart_unref);

  g_ptr_array_add (charts, sample_cash_flow_chart (lang));
  g_ptr_array_add (charts, sample_funding_chart (lang));
  g_ptr_array_add (charts, sample_dscr_chart (lang));
  g_ptr_array_add (charts, sample_tornado_chart (lang));
  g_ptr_array_add (charts, sample_histogram_chart (lang));
  g_ptr_array_add (charts, sample_risk_chart (lang));
  g_ptr_array_add (charts, sample_scenario_chart (lang));
  return charts;
}
