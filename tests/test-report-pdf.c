/* test-report-pdf.c — the report framework: a 30-page synthetic proposal in vi and en,
 * checked with poppler-utils and qpdf
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kt-pdf.h"
#include "kt-report-font.h"
#include "kt-report-i18n.h"
#include "test-report-samples.h"

#define SHA256 "9f2c4e1b7a3d5f60c8e2b4a6d1f3e5c7a9b0d2f4e6c8a1b3d5f7e9c0a2b4d6f8"

static char *output_dir;
static gboolean keep_output;

/* --- The synthetic document ---------------------------------------------- */

static const char *const vi_sentences[] = {
  "Dự án đường cao tốc Cần Thơ – Cà Mau kết nối vùng Đồng bằng sông Cửu Long với Thành phố Hồ Chí Minh.",
  "Lưu lượng xe dự báo tăng bình quân 6,5 % mỗi năm trong giai đoạn khai thác.",
  "Phương án tài chính giả định vốn chủ sở hữu chiếm 20 % tổng mức đầu tư, phần còn lại là vốn vay thương mại.",
  "Nhà nước tham gia bằng vốn hỗ trợ xây dựng công trình, không vượt quá 50 % tổng mức đầu tư theo Luật PPP.",
  "Các chỉ tiêu hiệu quả được tính theo giá cố định, dòng tiền chiết khấu vào cuối mỗi kỳ.",
  "Rủi ro doanh thu được chia sẻ khi doanh thu thực tế thấp hơn 75 % mức trong phương án tài chính.",
  "Giá vé dự kiến điều chỉnh ba năm một lần theo chỉ số giá tiêu dùng được công bố chính thức.",
  "Chi phí vận hành và bảo trì thường xuyên ước tính bằng 1,2 % chi phí xây dựng mỗi năm.",
  "Kết quả mô phỏng Monte Carlo cho thấy xác suất NPV âm ở mức chấp nhận được đối với nhà đầu tư.",
  "Đề nghị Ủy ban nhân dân tỉnh xem xét, quyết định chủ trương đầu tư theo phương thức đối tác công tư.",
  "Việc giải phóng mặt bằng do địa phương thực hiện, bảo đảm tiến độ bàn giao trước khi khởi công.",
  "Hệ số khả năng trả nợ thấp nhất xuất hiện vào năm đại tu mặt đường, song vẫn đáp ứng cam kết vay nhờ quỹ dự phòng.",
};

static const char *const en_sentences[] = {
  "The Can Tho – Ca Mau expressway links the Mekong Delta with Ho Chi Minh City.",
  "Traffic is forecast to grow by 6.5 % a year on average over the operation period.",
  "The financial plan assumes equity of 20 % of the total investment, the rest being commercial loans.",
  "The State contributes capital support for construction, at most 50 % of the total investment under the PPP Law.",
  "Indicators are computed at constant prices, with cash flows discounted at the end of each period.",
  "Revenue risk is shared when actual revenue falls below 75 % of the financial plan.",
  "Tolls are expected to be adjusted every three years in line with the official consumer price index.",
  "Routine operation and maintenance cost is estimated at 1.2 % of the construction cost a year.",
  "The Monte Carlo simulation shows an acceptable probability of a negative NPV for the investor.",
  "The Provincial People's Committee is asked to approve the investment policy under the PPP method.",
  "Site clearance is carried out by the province, so that the land is handed over before construction starts.",
  "The lowest debt service coverage falls in the resurfacing year but still meets the covenant thanks to the reserve.",
};

static char *
paragraph (GRand  *rand,
           KtLang  lang,
           guint   n_sentences)
{
  const char *const *pool = lang == KT_LANG_VI ? vi_sentences : en_sentences;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_sentences; i++)
    {
      const char *sentence = pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (vi_sentences))];
      if (i > 0)
        g_string_append_c (text, ' ');
      /* A little markup, as chapters will use it. */
      if (i == 1 && n_sentences > 3)
        g_string_append_printf (text, "<b>%s</b>", sentence);
      else
        g_string_append (text, sentence);
    }
  return g_string_free (text, FALSE);
}

static void
add_paragraphs (KtPdf  *pdf,
                GRand  *rand,
                guint   n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = paragraph (rand, kt_pdf_get_lang (pdf), 4 + i % 4);
      kt_pdf_add_paragraph (pdf, text);
    }
}

#define T(vi, en) sample_text (lang, vi, en)

/* Chapter titles, checked on their pages and in the contents. */
static const char *
chapter_title (KtLang lang,
               guint  i)
{
  static const char *const vi[] = {
    "Sự cần thiết đầu tư", "Tổng mức đầu tư", "Phân tích tài chính",
    "Rủi ro và độ nhạy", "Kết luận và kiến nghị",
  };
  static const char *const en[] = {
    "Need for the investment", "Total investment", "Financial analysis",
    "Risk and sensitivity", "Conclusions and recommendations",
  };
  return lang == KT_LANG_VI ? vi[i] : en[i];
}

static KtPdfTable *
investment_table (KtLang lang)
{
  KtPdfTable *table = kt_pdf_table_new ();
  static const char *const vi_items[] = { "Xây dựng nền đường", "Cầu vượt sông", "Nút giao",
                                          "Trạm thu phí", "Hệ thống giao thông thông minh",
                                          "Chiếu sáng và an toàn" };
  static const char *const en_items[] = { "Road embankment", "River bridge", "Interchange",
                                          "Toll plaza", "Intelligent transport system",
                                          "Lighting and safety" };
  const char *const *items = lang == KT_LANG_VI ? vi_items : en_items;
  double total = 0;

  kt_pdf_table_add_column (table, "TT", KT_PDF_ALIGN_CENTER);
  kt_pdf_table_add_column (table, T ("Hạng mục đầu tư", "Investment item"), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, T ("Khối lượng", "Quantity"), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T ("Đơn giá (triệu đồng)", "Unit cost (VND million)"),
                           KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T ("Thành tiền (triệu đồng)", "Amount (VND million)"),
                           KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_set_caption (table, T ("Chi tiết tổng mức đầu tư theo gói thầu",
                                      "Total investment by work package"));
  kt_pdf_table_set_unit (table, T ("Đơn vị: triệu đồng", "Unit: VND million"));
  kt_pdf_table_set_repeat_columns (table, 2);
  kt_pdf_table_set_note (table, T ("Nguồn: dự toán sơ bộ của tư vấn lập báo cáo, giá quý IV/2025.",
                                   "Source: the consultant's preliminary estimate, Q4 2025 prices."));

  for (guint package = 0; package < 6; package++)
    {
      g_autofree char *section = g_strdup_printf ("%s %u", T ("Gói thầu", "Package"), package + 1);
      kt_pdf_table_add_cells (table, KT_PDF_ROW_SECTION, section, NULL);
      for (guint i = 0; i < 9; i++)
        {
          guint n = package * 9 + i + 1;
          double quantity = 3 + (n * 37) % 120, price = 850.5 + (n * 211) % 4000;
          g_autofree char *number = g_strdup_printf ("%u", n);
          g_autofree char *name = g_strdup_printf ("%s — %s %u", items[(package + i) % 6],
                                                   T ("đoạn", "section"), i + 1);
          g_autofree char *q = kt_format_number (quantity, 0, lang);
          g_autofree char *p = kt_format_number (price, 2, lang);
          g_autofree char *a = kt_format_number (quantity * price, 2, lang);

          total += quantity * price;
          kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, number, name, q, p, a, NULL);
        }
    }
  {
    g_autofree char *sum = kt_format_number (total, 2, lang);
    kt_pdf_table_add_cells (table, KT_PDF_ROW_BOLD, "", T ("Tổng cộng", "Total"), "", "", sum,
                            NULL);
  }
  return table;
}

/* Thirty year columns: more than a landscape page holds, so it is cut by columns. */
static KtPdfTable *
year_table (KtLang lang)
{
  KtPdfTable *table = kt_pdf_table_new ();
  const char *rows[][2] = {
    { "Doanh thu thu phí", "Toll revenue" },
    { "Doanh thu khác", "Other revenue" },
    { "Chi phí vận hành", "Operating cost" },
    { "Chi phí bảo trì", "Maintenance cost" },
    { "Chi phí đầu tư", "Capital expenditure" },
    { "Thuế thu nhập doanh nghiệp", "Corporate income tax" },
    { "Trả nợ gốc", "Loan principal" },
    { "Trả lãi vay", "Loan interest" },
  };

  kt_pdf_table_add_column (table, T ("Khoản mục", "Item"), KT_PDF_ALIGN_LEFT);
  for (guint y = 0; y < SAMPLE_N_YEARS; y++)
    {
      g_autofree char *year = g_strdup_printf ("%u", SAMPLE_FIRST_YEAR + y);
      kt_pdf_table_add_column (table, year, KT_PDF_ALIGN_RIGHT);
    }
  kt_pdf_table_set_caption (table, T ("Dòng tiền dự án theo năm", "Project cash flow by year"));
  kt_pdf_table_set_unit (table, T ("Đơn vị: triệu đồng", "Unit: VND million"));
  kt_pdf_table_set_font_size (table, 9);
  kt_pdf_table_set_landscape (table, TRUE);

  kt_pdf_table_add_cells (table, KT_PDF_ROW_SECTION, T ("Dòng tiền vào", "Cash inflows"), NULL);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      double values[SAMPLE_N_YEARS];
      const char *label = lang == KT_LANG_VI ? rows[r][0] : rows[r][1];

      if (r == 2)
        kt_pdf_table_add_cells (table, KT_PDF_ROW_SECTION, T ("Dòng tiền ra", "Cash outflows"),
                                NULL);
      for (guint y = 0; y < SAMPLE_N_YEARS; y++)
        values[y] = y < 3 && r != 4 ? 0 : fabs (sample_net_flow (y)) / 1e6 * (0.1 + 0.11 * r);
      kt_pdf_table_add_number_row (table, KT_PDF_ROW_NORMAL, label, values, SAMPLE_N_YEARS, 0,
                                   lang);
    }
  {
    double net[SAMPLE_N_YEARS];
    for (guint y = 0; y < SAMPLE_N_YEARS; y++)
      net[y] = sample_net_flow (y) / 1e6;
    kt_pdf_table_add_number_row (table, KT_PDF_ROW_BOLD, T ("Dòng tiền ròng", "Net cash flow"),
                                 net, SAMPLE_N_YEARS, 0, lang);
  }
  return table;
}

static KtPdfTable *
assumptions_table (KtLang lang)
{
  KtPdfTable *table = kt_pdf_table_new ();

  kt_pdf_table_add_column (table, T ("Thông số", "Parameter"), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, T ("Giá trị", "Value"), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, T ("Căn cứ", "Basis"), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_set_caption (table, T ("Giả định đầu vào", "Input assumptions"));
  for (guint i = 0; i < 36; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", T ("Thông số giả định", "Assumption"), i + 1);
      g_autofree char *value = kt_format_percent (0.005 * (i + 1), 2, lang);
      kt_pdf_table_add_cells (table, i % 7 == 6 ? KT_PDF_ROW_ITALIC : KT_PDF_ROW_NORMAL, name,
                              value,
                              T ("Theo số liệu thống kê của tỉnh và kinh nghiệm các dự án tương tự",
                                 "Provincial statistics and comparable projects"),
                              NULL);
    }
  return table;
}

static KtPdfTable *
results_table (KtLang lang)
{
  KtPdfTable *table = kt_pdf_table_new ();
  g_autofree char *npv = kt_format_money (1.25e11, KT_MONEY_BILLION, TRUE, lang);
  g_autofree char *irr = kt_format_percent (0.1172, 2, lang);
  g_autofree char *payback = kt_format_years (14.5, lang);
  g_autofree char *dscr = kt_format_number (1.21, 2, lang);

  kt_pdf_table_add_column (table, T ("Chỉ tiêu", "Indicator"), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, T ("Giá trị", "Value"), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_set_caption (table, T ("Các chỉ tiêu hiệu quả tài chính",
                                      "Financial indicators"));
  kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, T ("Giá trị hiện tại ròng (NPV)", "Net present value (NPV)"), npv, NULL);
  kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, T ("Tỷ suất hoàn vốn nội bộ (IRR)", "Internal rate of return (IRR)"), irr, NULL);
  kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, T ("Thời gian hoàn vốn", "Payback period"), payback, NULL);
  kt_pdf_table_add_cells (table, KT_PDF_ROW_BOLD, T ("DSCR thấp nhất", "Minimum DSCR"), dscr, NULL);
  return table;
}

/* Builds and writes the document; returns it finished (for page queries). */
static KtPdf *
build_document (KtLang      lang,
                const char *path,
                double     *seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) date = g_date_time_new (zone, 2026, 1, 5, 9, 0, 0);
  g_autofree char *place_date = NULL;
  g_autoptr(GPtrArray) charts = sample_all_charts (lang);
  g_autoptr(KtPdfTable) investment = investment_table (lang);
  g_autoptr(KtPdfTable) years = year_table (lang);
  g_autoptr(KtPdfTable) assumptions = assumptions_table (lang);
  g_autoptr(KtPdfTable) results = results_table (lang);
  KtPdf *pdf;

  g_timer_start (timer);
  pdf = kt_pdf_new (path, lang, &error);
  g_assert_no_error (error);

  {
    g_autofree char *long_date = kt_format_date_long (date, lang);
    place_date = g_strdup_printf ("%s, %s", T ("Cần Thơ", "Can Tho"), long_date);
  }
  kt_pdf_set_metadata (pdf,
                       T ("Báo cáo nghiên cứu tiền khả thi dự án đường cao tốc Cần Thơ – Cà Mau",
                          "Pre-feasibility study: Can Tho – Ca Mau expressway"),
                       T ("Sở Kế hoạch và Đầu tư tỉnh Cần Thơ",
                          "Can Tho Department of Planning and Investment"),
                       T ("Đề xuất dự án PPP", "PPP project proposal"),
                       "PPP; BOT; NPV; IRR");
  kt_pdf_set_creation_date (pdf, date);
  kt_pdf_set_integrity (pdf, SHA256,
                        T ("Khả Thi 0.1.0 · hạt giống 20260105 · 10 000 lần lặp · giá cố định, "
                           "chiết khấu cuối kỳ",
                           "Khả Thi 0.1.0 · seed 20260105 · 10,000 draws · constant prices, "
                           "end-of-period discounting"));

  {
    const char *details[] = {
      T ("Nhóm dự án:", "Project group:"), T ("Nhóm A", "Group A"),
      T ("Loại hợp đồng:", "Contract type:"), "BOT",
      T ("Tổng mức đầu tư:", "Total investment:"), T ("18.927,63 tỷ đồng", "VND 18,927.63 billion"),
      T ("Cơ quan có thẩm quyền:", "Competent authority:"),
      T ("Ủy ban nhân dân tỉnh Cần Thơ", "Can Tho Provincial People's Committee"),
      NULL,
    };
    KtPdfCover cover = {
      .issuer_parent = T ("Ủy ban nhân dân tỉnh Cần Thơ", "Can Tho Provincial People's Committee"),
      .issuer = T ("Sở Kế hoạch và Đầu tư", "Department of Planning and Investment"),
      .number = T ("Số: 12/BC-SKHĐT", "No. 12/BC-SKHDT"),
      .place_date = place_date,
      .doc_type = T ("Báo cáo", "Report"),
      .summary = T ("Nghiên cứu tiền khả thi dự án đầu tư theo phương thức đối tác công tư",
                    "Pre-feasibility study of a public–private partnership project"),
      .title = T ("DỰ ÁN ĐƯỜNG CAO TỐC CẦN THƠ – CÀ MAU", "CAN THO – CA MAU EXPRESSWAY PROJECT"),
      .details = details,
      .bottom_line = T ("Cần Thơ, tháng 01 năm 2026", "Can Tho, January 2026"),
    };
    kt_pdf_add_cover (pdf, &cover);
  }
  kt_pdf_add_toc (pdf);

  kt_pdf_add_heading (pdf, 1, chapter_title (lang, 0));
  kt_pdf_add_heading (pdf, 2, T ("Bối cảnh và mục tiêu", "Background and objectives"));
  add_paragraphs (pdf, rand, 6);
  {
    const char *bullets[] = {
      T ("Giảm thời gian di chuyển từ 4 giờ xuống còn 2 giờ 30 phút;",
         "Cut the travel time from 4 hours to 2 hours 30 minutes;"),
      T ("Thúc đẩy phát triển kinh tế – xã hội vùng Đồng bằng sông Cửu Long;",
         "Support the economic and social development of the Mekong Delta;"),
      T ("Huy động nguồn lực tư nhân, giảm áp lực lên ngân sách nhà nước.",
         "Mobilise private resources and ease the pressure on the state budget."),
      NULL,
    };
    kt_pdf_add_bullets (pdf, bullets);
  }
  kt_pdf_add_heading (pdf, 2, T ("Thông tin chung của dự án", "General information"));
  {
    const char *pairs[] = {
      T ("Tên dự án", "Project"), T ("Đường cao tốc Cần Thơ – Cà Mau", "Can Tho – Ca Mau expressway"),
      T ("Địa điểm", "Location"), T ("Thành phố Cần Thơ, tỉnh Hậu Giang, tỉnh Cà Mau",
                                     "Can Tho City, Hau Giang and Ca Mau provinces"),
      T ("Chiều dài tuyến", "Length"), T ("110,85 km", "110.85 km"),
      T ("Thời gian hợp đồng", "Contract term"), T ("25 năm vận hành", "25 years of operation"),
      NULL,
    };
    kt_pdf_add_key_values (pdf, pairs);
  }
  add_paragraphs (pdf, rand, 8);
  kt_pdf_add_heading (pdf, 3, T ("Quy hoạch liên quan", "Related plans"));
  add_paragraphs (pdf, rand, 5);

  kt_pdf_add_heading (pdf, 1, chapter_title (lang, 1));
  add_paragraphs (pdf, rand, 3);
  kt_pdf_add_table (pdf, investment);
  kt_pdf_add_heading (pdf, 2, T ("Tiến độ thực hiện", "Schedule"));
  add_paragraphs (pdf, rand, 8);
  kt_pdf_add_chart (pdf, g_ptr_array_index (charts, 1), 260,
                    T ("Nguồn vốn theo năm", "Funding sources by year"));

  kt_pdf_add_heading (pdf, 1, chapter_title (lang, 2));
  add_paragraphs (pdf, rand, 4);
  kt_pdf_add_chart (pdf, g_ptr_array_index (charts, 0), 280,
                    T ("Dòng tiền ròng của dự án", "Net cash flow of the project"));
  kt_pdf_add_table (pdf, results);
  add_paragraphs (pdf, rand, 6);
  kt_pdf_add_heading (pdf, 2, T ("Khả năng trả nợ", "Debt service"));
  add_paragraphs (pdf, rand, 3);
  kt_pdf_add_chart (pdf, g_ptr_array_index (charts, 2), 240,
                    T ("DSCR theo năm và cam kết vay", "DSCR by year and loan covenant"));
  add_paragraphs (pdf, rand, 6);

  kt_pdf_add_heading (pdf, 1, chapter_title (lang, 3));
  add_paragraphs (pdf, rand, 3);
  kt_pdf_add_chart (pdf, g_ptr_array_index (charts, 3), 280,
                    T ("Biểu đồ độ nhạy", "Tornado diagram"));
  add_paragraphs (pdf, rand, 4);
  kt_pdf_add_chart (pdf, g_ptr_array_index (charts, 4), 280,
                    T ("Phân phối xác suất của NPV", "Probability distribution of NPV"));
  add_paragraphs (pdf, rand, 4);
  kt_pdf_add_heading (pdf, 2, T ("Ma trận rủi ro", "Risk matrix"));
  kt_pdf_add_chart (pdf, g_ptr_array_index (charts, 5), 300,
                    T ("Ma trận rủi ro của dự án", "Project risk matrix"));
  add_paragraphs (pdf, rand, 4);
  kt_pdf_add_heading (pdf, 2, T ("So sánh phương án", "Comparison of options"));
  kt_pdf_add_chart (pdf, g_ptr_array_index (charts, 6), 260,
                    T ("NPV theo loại hợp đồng và kịch bản", "NPV by contract type and scenario"));
  add_paragraphs (pdf, rand, 6);

  kt_pdf_add_heading (pdf, 2, T ("Đánh giá tổng hợp", "Overall assessment"));
  add_paragraphs (pdf, rand, 10);

  kt_pdf_add_heading (pdf, 1, chapter_title (lang, 4));
  add_paragraphs (pdf, rand, 12);
  {
    const char *recipients[] = {
      T ("Ủy ban nhân dân tỉnh", "Provincial People's Committee"),
      T ("Sở Tài chính", "Department of Finance"),
      T ("Lưu: VT, KTĐN", "Archive"),
      NULL,
    };
    KtPdfSignature signature = {
      .recipients = recipients,
      .authority = T ("KT. Giám đốc", "pp. Director"),
      .position = T ("Phó Giám đốc", "Deputy Director"),
      .name = "Nguyễn Văn An",
    };
    kt_pdf_add_signature (pdf, &signature);
  }

  kt_pdf_add_appendix (pdf, T ("Dòng tiền dự án theo năm", "Project cash flow by year"));
  kt_pdf_add_paragraph (pdf, T ("Bảng dưới đây trình bày dòng tiền của dự án trong 30 năm.",
                                "The table below shows the project's cash flow over 30 years."));
  kt_pdf_add_table (pdf, years);
  kt_pdf_add_appendix (pdf, T ("Giả định đầu vào", "Input assumptions"));
  kt_pdf_add_table (pdf, assumptions);

  g_assert_true (kt_pdf_finish (pdf, &error));
  g_assert_no_error (error);
  *seconds = g_timer_elapsed (timer, NULL);
  return pdf;
}

#undef T

/* --- Tools ------------------------------------------------------------------ */

static gboolean
have_tool (const char *tool)
{
  g_autofree char *path = g_find_program_in_path (tool);
  return path != NULL;
}

/* Runs argv; returns stdout (NULL if the tool failed with an unexpected status). */
static char *
run (const char *const *argv,
     int               *exit_status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  if (exit_status != NULL)
    *exit_status = g_spawn_check_wait_status (status, NULL) ? 0 : status;
  return out;
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-",
                         NULL };
  return run (argv, NULL);
}

/* The value of a "Key:   value" line of pdfinfo, or "" (g_free). */
static char *
info_field (const char *info,
            const char *key)
{
  g_autofree char *prefix = g_strconcat ("\n", key, ":", NULL);
  g_autofree char *text = g_strconcat ("\n", info, NULL);
  const char *at = strstr (text, prefix);
  const char *end;

  if (at == NULL)
    return g_strdup ("");
  at += strlen (prefix);
  end = strchr (at, '\n');
  return g_strstrip (g_strndup (at, end != NULL ? (gsize) (end - at) : strlen (at)));
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (haystack, needle); at != NULL;
       at = strstr (at + strlen (needle), needle))
    n++;
  return n;
}

/* --- Checks --------------------------------------------------------------------- */

typedef struct {
  KtLang      lang;
  const char *page_two;         /* "Trang 2/" */
  const char *nation;
  const char *motto;
  const char *investment_head;  /* a column title of the long table */
  const char *continued;
  const char *contents;
  const char *appendix_entry;
} Expect;

static void
check_document (const Expect *expect)
{
  g_autofree char *path = g_build_filename (output_dir, expect->lang == KT_LANG_VI
                                                          ? "report-vi.pdf" : "report-en.pdf",
                                            NULL);
  g_autoptr(KtPdf) pdf = NULL;
  double seconds;
  GStatBuf st;
  guint n_pages, n_headings, header_pages = 0, landscape = 0, last_header_page = 0;
  gboolean consecutive = FALSE;

  pdf = build_document (expect->lang, path, &seconds);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  n_pages = kt_pdf_get_n_pages (pdf);
  g_test_message ("%s: %u pages, %.3f s, %ld bytes", path, n_pages, seconds, (long) st.st_size);
  if (g_getenv ("KT_TEST_TIMING") != NULL)
    g_printerr ("%s: %u pages, %.3f s, %ld bytes\n", path, n_pages, seconds, (long) st.st_size);
  g_assert_cmpuint (n_pages, >=, 25);
  g_assert_cmpuint (n_pages, <=, 40);
  g_assert_cmpint (st.st_size, <, 2 * 1024 * 1024);
  /* The target is < 1 s; a loaded CI machine gets slack. */
  g_assert_cmpfloat (seconds, <, 10.0);

  /* Headings: pages in order, after the cover and the contents. */
  g_assert_cmpuint (kt_pdf_get_heading_page (pdf, 0), >=, 3);
  for (n_headings = 1; kt_pdf_get_heading_page (pdf, n_headings) != 0; n_headings++)
    g_assert_cmpuint (kt_pdf_get_heading_page (pdf, n_headings), >=,
                      kt_pdf_get_heading_page (pdf, n_headings - 1));
  g_assert_cmpuint (n_headings, ==, 15);

  if (!have_tool ("pdftotext") || !have_tool ("pdfinfo") || !have_tool ("pdffonts"))
    {
      g_test_skip ("poppler-utils not installed");
      return;
    }

  /* pdfinfo: page count, metadata, landscape pages. */
  {
    g_autofree char *last = g_strdup_printf ("%u", n_pages);
    const char *argv[] = { "pdfinfo", "-enc", "UTF-8", "-f", "1", "-l", last, path, NULL };
    g_autofree char *info = run (argv, NULL);
    const char *pages_line = strstr (info, "Pages:");

    g_assert_nonnull (pages_line);
    g_assert_cmpuint (g_ascii_strtoull (pages_line + strlen ("Pages:"), NULL, 10), ==, n_pages);
    g_autofree char *title = info_field (info, "Title");
    g_autofree char *author = info_field (info, "Author");
    g_autofree char *creator = info_field (info, "Creator");
    g_autofree char *keywords = info_field (info, "Keywords");
    g_autofree char *subject = info_field (info, "Subject");
    g_autofree char *created = info_field (info, "CreationDate");

    g_assert_true (g_str_has_prefix (title, expect->lang == KT_LANG_VI
                                              ? "Báo cáo nghiên cứu tiền khả thi"
                                              : "Pre-feasibility study"));
    g_assert_cmpstr (author, ==, expect->lang == KT_LANG_VI
                                   ? "Sở Kế hoạch và Đầu tư tỉnh Cần Thơ"
                                   : "Can Tho Department of Planning and Investment");
    g_assert_true (g_str_has_prefix (creator, "Khả Thi "));
    g_assert_nonnull (strstr (keywords, "SHA-256 " SHA256));
    g_assert_nonnull (strstr (subject, "20260105"));             /* the reproducibility line */
    g_assert_nonnull (strstr (created, "2026"));
    g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
    landscape = count (info, "841.89 x 595.276 pts");
    g_assert_cmpuint (landscape, >=, 1);
  }

  /* Text: the cover, page numbers from page 2 on, the footer on every page. */
  {
    g_autofree char *first = page_text (path, 1);
    g_autofree char *second = page_text (path, 2);
    g_autofree char *final = page_text (path, n_pages);
    g_autofree char *page_two = g_strdup_printf ("%s%u", expect->page_two, n_pages);

    g_assert_nonnull (strstr (first, expect->nation));
    g_assert_nonnull (strstr (first, expect->motto));
    g_assert_null (strstr (first, expect->lang == KT_LANG_VI ? "Trang 1" : "Page 1"));
    g_assert_nonnull (strstr (first, "SHA-256"));
    g_assert_nonnull (strstr (second, page_two));
    g_assert_nonnull (strstr (second, expect->contents));
    g_assert_nonnull (strstr (second, expect->appendix_entry));
    g_assert_nonnull (strstr (final, SHA256));
    if (expect->lang == KT_LANG_VI)
      {
        g_assert_nonnull (strstr (first, "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"));
        g_assert_nonnull (strstr (first, "ngày 05 tháng 01 năm 2026"));
        g_assert_nonnull (strstr (first, "BÁO CÁO"));
      }
  }

  /* The contents give each chapter's page, and the chapter is on that page. */
  {
    g_autofree char *contents = page_text (path, 2);
    for (guint c = 0; c < 5; c++)
      {
        static const guint chapters[] = { 0, 4, 6, 8, 12 };   /* heading indices */
        guint page = kt_pdf_get_heading_page (pdf, chapters[c]);
        g_autofree char *text = page_text (path, page);
        const char *title = chapter_title (expect->lang, c);
        g_autofree char *entry = g_strdup_printf ("%u. %s", c + 1, title);

        g_assert_nonnull (strstr (text, entry));
        g_assert_nonnull (strstr (contents, entry));
      }
  }

  /* The long table: its header on several consecutive pages, "(continued)" captions. */
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = page_text (path, p);
      if (strstr (text, expect->investment_head) != NULL)
        {
          if (last_header_page == p - 1)
            consecutive = TRUE;
          last_header_page = p;
          header_pages++;
          if (header_pages > 1)
            g_assert_nonnull (strstr (text, expect->continued));
        }
    }
  g_assert_cmpuint (header_pages, >=, 2);
  g_assert_true (consecutive);

  /* The year table: every year is printed, the label column repeated in each part. */
  {
    g_autoptr(GString) all = g_string_new (NULL);
    for (guint p = 1; p <= n_pages; p++)
      {
        g_autofree char *text = page_text (path, p);
        g_string_append (all, text);
      }
    for (guint y = 0; y < SAMPLE_N_YEARS; y++)
      {
        g_autofree char *year = g_strdup_printf ("%u", SAMPLE_FIRST_YEAR + y);
        g_assert_nonnull (strstr (all->str, year));
      }
    g_assert_cmpuint (count (all->str, expect->lang == KT_LANG_VI ? "Trả lãi vay" : "Loan interest"),
                      >=, 2);
  }

  /* Fonts: only Liberation Serif, four faces, every one embedded. */
  {
    const char *argv[] = { "pdffonts", path, NULL };
    g_autofree char *fonts = run (argv, NULL);
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
    guint n_fonts = 0;

    g_assert_nonnull (strstr (fonts, "+LiberationSerif "));
    g_assert_nonnull (strstr (fonts, "LiberationSerif-Bold "));
    g_assert_nonnull (strstr (fonts, "LiberationSerif-Italic "));
    g_assert_nonnull (strstr (fonts, "LiberationSerif-BoldItalic "));
    for (guint i = 2; lines[i] != NULL; i++)
      {
        g_auto(GStrv) fields = NULL;
        guint n;

        if (*lines[i] == '\0')
          continue;
        fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
        /* Drop empty fields from runs of spaces; emb is fifth from the end. */
        {
          g_autoptr(GPtrArray) kept = g_ptr_array_new ();
          for (guint f = 0; fields[f] != NULL; f++)
            if (*fields[f] != '\0')
              g_ptr_array_add (kept, fields[f]);
          n = kept->len;
          g_assert_cmpuint (n, >=, 7);
          g_assert_nonnull (strstr (g_ptr_array_index (kept, 0), "LiberationSerif"));
          g_assert_cmpstr (g_ptr_array_index (kept, n - 5), ==, "yes");
        }
        n_fonts++;
      }
    g_assert_cmpuint (n_fonts, >=, 4);
  }

  /* qpdf: a valid file with an outline. */
  if (have_tool ("qpdf"))
    {
      const char *check_argv[] = { "qpdf", "--check", path, NULL };
      const char *json_argv[] = { "qpdf", "--json", "--json-key=outlines", path, NULL };
      int status;
      g_autofree char *check = run (check_argv, &status);
      g_autofree char *json = run (json_argv, NULL);

      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (check, "No syntax or stream encoding errors found"));
      g_assert_nonnull (strstr (json, "\"outlines\""));
      /* Every heading and the contents. */
      g_assert_cmpuint (count (json, "\"title\""), ==, n_headings + 1);
      g_assert_nonnull (strstr (json, expect->lang == KT_LANG_VI ? "\"Mục lục\"" : "\"Contents\""));
      g_assert_nonnull (strstr (json, expect->lang == KT_LANG_VI ? "\"1. Sự cần thiết đầu tư\""
                                                                 : "\"1. Need for the investment\""));
      g_assert_nonnull (strstr (json, expect->appendix_entry));
    }
  else
    g_test_message ("qpdf not installed: no structure check");

  if (!keep_output)
    g_unlink (path);
}

static void
test_document_vi (void)
{
  Expect expect = {
    KT_LANG_VI, "Trang 2/", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Hạng mục đầu tư", "(tiếp theo)", "MỤC LỤC", "Phụ lục 1. Dòng tiền dự án theo năm",
  };

  if (!kt_report_lang_available (KT_LANG_VI))
    {
      g_test_skip ("Vietnamese catalogue not found (set KHATHI_LOCALEDIR to <build>/po)");
      return;
    }
  check_document (&expect);
}

static void
test_document_en (void)
{
  Expect expect = {
    KT_LANG_EN, "Page 2 of ", "SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness",
    "Investment item", "(continued)", "CONTENTS", "Appendix 1. Project cash flow by year",
  };

  check_document (&expect);
}

static void
test_missing_font (void)
{
  g_autoptr(GError) error = NULL;
  KtPdf *pdf;

  pdf = kt_pdf_new_with_font ("/tmp/never-written.pdf", KT_LANG_VI, "Khả Thi No Such Font", &error);
  g_assert_null (pdf);
  g_assert_error (error, KT_REPORT_FONT_ERROR, KT_REPORT_FONT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Khả Thi No Such Font"));
  g_assert_nonnull (strstr (error->message, "fonts-liberation2"));
  g_clear_error (&error);

  /* The same through the environment, as a packaging test would. */
  g_setenv ("KHATHI_REPORT_FONT", "Khả Thi No Such Font", TRUE);
  pdf = kt_pdf_new ("/tmp/never-written.pdf", KT_LANG_EN, &error);
  g_unsetenv ("KHATHI_REPORT_FONT");
  g_assert_null (pdf);
  g_assert_error (error, KT_REPORT_FONT_ERROR, KT_REPORT_FONT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test ("/tmp/never-written.pdf", G_FILE_TEST_EXISTS));
}

static void
test_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtPdf) pdf = kt_pdf_new (NULL, KT_LANG_EN, &error);
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_assert_no_error (error);
  kt_pdf_add_paragraph (pdf, "One <i>short</i> paragraph &amp; nothing else.");
  bytes = kt_pdf_finish_to_bytes (pdf, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpint (memcmp (data, "%PDF-", 5), ==, 0);
  g_assert_cmpuint (kt_pdf_get_n_pages (pdf), ==, 1);

  if (have_tool ("pdftotext"))
    {
      g_autofree char *path = g_build_filename (output_dir, "minimal.pdf", NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_set_contents (path, data, size, NULL));
      text = page_text (path, 1);
      g_assert_nonnull (strstr (text, "One short paragraph & nothing else."));
      g_assert_null (strstr (text, "Page 1"));      /* no number on the first page */
      g_assert_null (strstr (text, "SHA-256"));     /* no integrity set, no footer */
      g_unlink (path);
    }
}

static void
test_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtPdf) pdf = kt_pdf_new ("/nonexistent-dir/report.pdf", KT_LANG_EN, &error);

  g_assert_no_error (error);
  kt_pdf_add_heading (pdf, 1, "Title");
  g_assert_false (kt_pdf_finish (pdf, &error));
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_WRITE);
}

/* The appendix heading shares the landscape page with its wide table, and
 * portrait pages resume after it. */
static void
test_landscape_appendix (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (output_dir, "landscape.pdf", NULL);
  g_autoptr(KtPdf) pdf = kt_pdf_new (path, KT_LANG_EN, &error);
  g_autoptr(KtPdfTable) table = year_table (KT_LANG_EN);

  g_assert_no_error (error);
  kt_pdf_add_paragraph (pdf, "Body text.");
  kt_pdf_set_orientation (pdf, KT_PDF_LANDSCAPE);
  kt_pdf_add_appendix (pdf, "Cash flow");
  kt_pdf_add_table (pdf, table);
  kt_pdf_set_orientation (pdf, KT_PDF_PORTRAIT);
  kt_pdf_add_appendix (pdf, "Notes");
  kt_pdf_add_paragraph (pdf, "More text.");
  g_assert_true (kt_pdf_finish (pdf, &error));
  g_assert_no_error (error);
  /* Body; appendix 1 and the first part of the table; the second part; appendix 2. */
  g_assert_cmpuint (kt_pdf_get_n_pages (pdf), ==, 4);
  g_assert_cmpuint (kt_pdf_get_heading_page (pdf, 0), ==, 2);
  g_assert_cmpuint (kt_pdf_get_heading_page (pdf, 1), ==, 4);

  if (have_tool ("pdfinfo") && have_tool ("pdftotext"))
    {
      const char *argv[] = { "pdfinfo", "-f", "1", "-l", "4", path, NULL };
      g_autofree char *info = run (argv, NULL);
      g_autofree char *second = page_text (path, 2);

      g_assert_cmpuint (count (info, "841.89 x 595.276 pts"), ==, 2);
      g_assert_nonnull (strstr (info, "Page    2 size:  841.89 x 595.276"));
      g_assert_nonnull (strstr (info, "Page    3 size:  841.89 x 595.276"));
      g_assert_nonnull (strstr (info, "Page    4 size:  595.276 x 841.89"));
      g_assert_nonnull (strstr (second, "APPENDIX 1"));
      g_assert_nonnull (strstr (second, "Page 2 of 4"));
      g_assert_nonnull (strstr (second, "2040"));
    }
  if (!keep_output)
    g_unlink (path);
}

static void
test_catalogue (void)
{
  g_assert_cmpstr (kt_report_gettext (KT_LANG_EN, "Page %u of %u"), ==, "Page %u of %u");
  g_assert_cmpstr (kt_report_pgettext (KT_LANG_EN, "compact number", "bn"), ==, "bn");
  g_assert_cmpstr (kt_report_gettext (KT_LANG_VI, "no such message"), ==, "no such message");
  g_assert_cmpstr (kt_report_gettext (KT_LANG_VI, ""), ==, "");
  if (!kt_report_lang_available (KT_LANG_VI))
    {
      g_test_skip ("Vietnamese catalogue not found (set KHATHI_LOCALEDIR to <build>/po)");
      return;
    }
  g_assert_cmpstr (kt_report_gettext (KT_LANG_VI, "Page %u of %u"), ==, "Trang %u/%u");
  g_assert_cmpstr (kt_report_pgettext (KT_LANG_VI, "compact number", "bn"), ==, "tỷ");
  /* The lookup ignores the process language. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (kt_report_gettext (KT_LANG_VI, "CONTENTS"), ==, "MỤC LỤC");
  g_unsetenv ("LANGUAGE");

  /* A folder without catalogues: English text, and says so. */
  kt_report_set_locale_dir ("/nonexistent-dir");
  g_assert_false (kt_report_lang_available (KT_LANG_VI));
  g_assert_cmpstr (kt_report_gettext (KT_LANG_VI, "CONTENTS"), ==, "CONTENTS");
  kt_report_set_locale_dir (NULL);
  g_assert_true (kt_report_lang_available (KT_LANG_VI));
}

int
main (int    argc,
      char **argv)
{
  const char *keep = g_getenv ("KT_TEST_OUTPUT_DIR");
  int status;

  g_test_init (&argc, &argv, NULL);

  if (keep != NULL && *keep != '\0')
    {
      output_dir = g_strdup (keep);
      keep_output = TRUE;
      g_mkdir_with_parents (output_dir, 0755);
    }
  else
    output_dir = g_dir_make_tmp ("kt-pdf-XXXXXX", NULL);
  g_assert_nonnull (output_dir);

  g_test_add_func ("/report/pdf/catalogue", test_catalogue);
  g_test_add_func ("/report/pdf/missing-font", test_missing_font);
  g_test_add_func ("/report/pdf/minimal", test_minimal);
  g_test_add_func ("/report/pdf/unwritable", test_unwritable);
  g_test_add_func ("/report/pdf/landscape-appendix", test_landscape_appendix);
  g_test_add_func ("/report/pdf/document-vi", test_document_vi);
  g_test_add_func ("/report/pdf/document-en", test_document_en);
  status = g_test_run ();

  if (!keep_output)
    g_rmdir (output_dir);
  g_free (output_dir);
  return status;
}
