#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes help/C/*.page and brings help/vi/vi.po up to date, from one bilingual
source (this file): every paragraph is written here in English with its
Vietnamese translation (terminology of DOMAIN.md §10).  Tables of fields, legal
parameters, checks and error messages are read from the sources
(src/core/kt-schema.c, data/rules/, kt-validate.c …), and every figure of the
worked example from running khathi-cli on the smart-traffic sample, so the help
cannot drift from the program.

  help/maint/gen-help.py BUILD/src/cli/khathi-cli           regenerate
  help/maint/gen-help.py --check BUILD/src/cli/khathi-cli   fail if C/*.page is stale

Translations already in help/vi/vi.po win over the ones here, so translators can
keep editing vi.po with their usual tools.  A new message in the sources without
an explanation here is listed under "Other messages" (with its Vietnamese from
po/vi.po) and reported; write its explanation in MSGS() below."""
import os, re, sys, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
ROOT = os.environ.get('KHATHI_HELP_ROOT') or os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))

TR = {}
WARNINGS = []

def norm(s):
    return re.sub(r'\s+', ' ', s).strip()

def fix_markup(s):
    s = re.sub(r'<var>([^<]+)</var><sub>([^<]+)</sub>', r'<var>\1_\2</var>', s)
    s = re.sub(r'(\w+)<sub>([^<]+)</sub>', r'\1_\2', s)
    return s

def reg(en, vi):
    en = fix_markup(norm(en)); vi = fix_markup(norm(vi))
    if en in TR and TR[en] != vi:
        raise SystemExit('conflicting translation for: ' + en)
    TR[en] = vi
    return en

def P(en, vi, style=None):
    en = reg(en, vi)
    st = f' style="{style}"' if style else ''
    return f'<p{st}>{en}</p>'

def PSOFT(en, vi):
    """Like P, but an existing translation of the same text wins."""
    if norm(en) in TR:
        return f'<p>{norm(en)}</p>'
    return P(en, vi)

def T(en, vi):
    return f'<title>{reg(en, vi)}</title>'

def NOTE(en, vi, style='tip'):
    return f'<note style="{style}">{P(en, vi)}</note>'

def MEDIA(src, width, en, vi):
    """A screenshot from help/C/figures, with a text fallback."""
    return f'<media type="image" mime="image/png" src="{src}" width="{width}">{P(en, vi)}</media>'

TR_RAW = {}

def SCREENT(en, vi):
    """A formula with words: translated as a whole, line breaks kept."""
    TR_RAW[en] = vi
    return f'<screen>{en}</screen>'

def SCREEN(text):
    return f'<screen its:translate="no">{text}</screen>'

def LIST(*items, kind='list'):
    if kind == 'steps':
        return '<steps>' + ''.join(f'<item>{i}</item>' for i in items) + '</steps>'
    return '<list>' + ''.join(f'<item>{i}</item>' for i in items) + '</list>'

def ITEMS(*pairs):
    """A bullet list of one-paragraph items from (en, vi) pairs."""
    return LIST(*[P(en, vi) for en, vi in pairs])

def STEPS(*pairs):
    return LIST(*[P(en, vi) for en, vi in pairs], kind='steps')

def TERMS(*entries):
    """entries: (title_en, title_vi, [blocks])"""
    out = '<terms>'
    for ten, tvi, blocks in entries:
        out += f'<item>{T(ten, tvi)}{"".join(blocks)}</item>'
    return out + '</terms>'

def TABLE(header, rows):
    """header: list of (en, vi); rows: list of list of cells, each a block string."""
    out = '<table frame="all" rules="rows">'
    if header:
        out += '<thead><tr>' + ''.join(f'<td>{P(en, vi)}</td>' for en, vi in header) + '</tr></thead>'
    out += '<tbody>'
    for r in rows:
        out += '<tr>' + ''.join(f'<td>{c}</td>' for c in r) + '</tr>'
    return out + '</tbody></table>'

def NUMP(en):
    """A number: decimal point in English, decimal comma in Vietnamese."""
    return P(en, en.replace('.', ','))

def CODEP(text):
    """A paragraph holding only code: the same in every language."""
    return P(f'<code>{text}</code>', f'<code>{text}</code>')

def SECTION(sid, ten, tvi, *blocks):
    return f'<section id="{sid}">{T(ten, tvi)}{"".join(blocks)}</section>'

PAGES = {}

def page(pid, ptype, title, desc, guides, body, extra_info=''):
    (ten, tvi), (den, dvi) = title, desc
    links = ''.join(f'<link type="guide" xref="{g}"/>' for g in guides)
    info = (f'<info>{links}{extra_info}'
            '<revision pkgversion="0.1" date="2026-11-23" status="candidate"/>'
            '<credit type="author"><name>Khả Thi developers</name></credit>'
            '<license><p>Creative Commons Share Alike 3.0</p></license>'
            f'<desc>{reg(den, dvi)}</desc></info>')
    xml = ('<?xml version="1.0" encoding="utf-8"?>\n'
           f'<page xmlns="http://projectmallard.org/1.0/" xmlns:its="http://www.w3.org/2005/11/its" '
           f'type="{ptype}" id="{pid}">\n'
           f'{info}\n{T(ten, tvi)}\n' + '\n'.join(body) + '\n</page>\n')
    PAGES[pid] = xml

reg('Creative Commons Share Alike 3.0', 'Creative Commons Chia sẻ tương tự 3.0')
reg('Khả Thi developers', 'Các nhà phát triển Khả Thi')

# ------------------------------------------------------------------ index
page('index', 'guide', ('Khả Thi Help', 'Trợ giúp Khả Thi'),
     ('Prepare and appraise feasibility studies of PPP projects in science, technology, innovation and digital transformation.',
      'Lập và thẩm định báo cáo nghiên cứu khả thi dự án PPP trong lĩnh vực khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.'),
     [], [
  P('<app>Khả Thi</app> helps enterprises prepare, and the Department of Science and Technology or the Department of Finance appraise, the feasibility study (báo cáo nghiên cứu khả thi) of a public-private partnership (PPP) project under Decree 180/2025/NĐ-CP. A study lives in one <file>.khathi</file> file that both sides open and compute with the same engine and the same legal rule set.',
    '<app>Khả Thi</app> giúp doanh nghiệp lập, và giúp Sở Khoa học và Công nghệ hoặc Sở Tài chính thẩm định, báo cáo nghiên cứu khả thi của dự án đầu tư theo phương thức đối tác công tư (PPP) theo Nghị định 180/2025/NĐ-CP. Mỗi báo cáo nằm trong một tệp <file>.khathi</file>; cả hai bên cùng mở tệp và tính toán bằng cùng một bộ máy tính toán, cùng một bộ quy định pháp lý.'),
  '<section id="start" style="2column">' + T('Getting started', 'Bắt đầu') + '</section>',
  '<section id="study" style="2column">' + T('Preparing a study', 'Lập báo cáo nghiên cứu khả thi') + '</section>',
  '<section id="figures" style="2column">' + T('Understanding the figures', 'Hiểu các chỉ tiêu') + '</section>',
  '<section id="law" style="2column">' + T('PPP forms and the law', 'Hình thức PPP và quy định pháp luật') + '</section>',
  '<section id="appraise" style="2column">' + T('Appraising submissions', 'Thẩm định hồ sơ') + '</section>',
  '<section id="tools" style="2column">' + T('Command line and problems', 'Dòng lệnh và xử lý sự cố') + '</section>',
])

# ------------------------------------------------------------------ study sections
import khathi_po as _po, khathi_schema as _schema
VI = {}
for _e in _po.parse(os.path.join(ROOT, 'po', 'vi.po')):
    # Labels and messages have no context; "short column title" and the like do.
    if _e.get('msgstr') and not _e.get('msgctxt'):
        VI[_e['msgid']] = _e['msgstr']
RECS, DESCS = _schema.records()
DESCS['chapters_desc'] = ('chapters', 'Narrative chapters')
ENUMS = _schema.enums()

UNIT = {
    'KT_UNIT_RATE': ('rate', 'tỷ lệ'), 'KT_UNIT_SHARE': ('share', 'tỷ trọng'),
    'KT_UNIT_VND': ('₫', '₫'), 'KT_UNIT_YEARS': ('years', 'năm'), 'KT_UNIT_YEAR': ('calendar year', 'năm dương lịch'),
    'KT_UNIT_COUNT': ('number', 'số'), 'KT_UNIT_FACTOR': ('factor', 'hệ số'), 'KT_UNIT_DAYS': ('days', 'ngày'),
    'KT_UNIT_SCALE': ('scale 1–5', 'thang 1–5'), 'KT_UNIT_NONE': ('number', 'số'),
}
def _num(s):
    s = s.strip()
    if s in ('M', 'INF'): return None
    if s == '-M': return None
    s = s.replace('G_MAXDOUBLE', '')
    return s.replace('-', '−') if s.startswith('-') else s

# Labels of fields newer than po/vi.po (its translation wins once merged).
LABEL_VI_EXTRA = {
  'Figures claimed by the proposer': 'Chỉ tiêu do nhà đầu tư đề xuất tự tính',
  'Computed by': 'Tính bằng phiên bản',
  'Computed at': 'Thời điểm tính',
  'Probability distributions': 'Các phân phối xác suất',
}
def _vi_label(lbl):
    v = VI.get(lbl) or LABEL_VI_EXTRA.get(lbl)
    if v is None:
        WARNINGS.append('no Vietnamese in po/vi.po for the label: ' + lbl)
        v = lbl
    return v

def _values(f):
    k = f['kind']
    if k in ('DBL', 'INT'):
        uen, uvi = UNIT[f['unit']]
        lo, hi, d = _num(f['lo']), _num(f['hi']), f['def'].replace('TRUE', '1').replace('FALSE', '0')
        d = d.replace('-', '−')
        if f['name'] in ('start-year', 'price-base-year'):
            d = '2026'
        if lo is None and hi is None:
            rng_en, rng_vi = 'any value', 'giá trị bất kỳ'
        elif hi is None:
            rng_en, rng_vi = f'≥ {lo}', f'≥ {lo}'
        else:
            rng_en = rng_vi = f'{lo} … {hi}'
        return (f'{uen}; <code>{d}</code>; {rng_en}', f'{uvi}; <code>{d}</code>; {rng_vi}')
    if k == 'OPT_DBL':
        uen, uvi = UNIT[f['unit']]
        return (f'{uen}; optional', f'{uvi}; không bắt buộc')
    if k == 'ATTR':
        return ('attribute, text', 'thuộc tính, văn bản')
    if k == 'U64':
        return (f'whole number ≥ 0; <code>{f["def"]}</code>', f'số nguyên ≥ 0; <code>{f["def"]}</code>')
    if k == 'BOOL':
        d = 'true' if f['def'] == 'TRUE' else 'false'
        return (f'<code>true</code> or <code>false</code>; <code>{d}</code>',
                f'<code>true</code> hoặc <code>false</code>; <code>{d}</code>')
    if k == 'ENUM':
        keys = [x[0] for x in ENUMS[f['enum']]]
        codes = ', '.join(f'<code>{x}</code>' for x in keys)
        return (f'one of {codes}', f'một trong {codes}')
    if k in ('DBLS', 'INTS'):
        uen, uvi = UNIT[f['unit']]
        return (f'{uen}, values separated by spaces', f'{uvi}, các giá trị cách nhau bằng dấu cách')
    if k == 'STR':
        if 'REQUIRED' in f.get('flags', ''):
            return ('text, required', 'văn bản, bắt buộc')
        return ('text', 'văn bản')
    if k in ('TXT', 'CH'):
        return ('text in <code>&lt;vi&gt;</code> and <code>&lt;en&gt;</code>',
                'văn bản trong <code>&lt;vi&gt;</code> và <code>&lt;en&gt;</code>')
    if k == 'LIST':
        item = DESCS[f['rec']][0]
        return (f'list of <code>&lt;{item}&gt;</code> rows', f'danh sách các dòng <code>&lt;{item}&gt;</code>')
    if k in ('REC', 'GROUP'):
        return ('group of fields', 'nhóm trường')
    raise SystemExit(k)

def field_table(rec):
    rows = []
    for f in RECS[rec]:
        ven, vvi = _values(f)
        elem = f'{f["name"]}="…"' if f['kind'] == 'ATTR' else f'&lt;{f["name"]}&gt;'
        rows.append([CODEP(elem), P(f['label'].replace('&', '&amp;'), _vi_label(f['label']).replace('&', '&amp;')), P(ven, vvi)])
    return TABLE([('Element', 'Phần tử'), ('Meaning', 'Ý nghĩa'), ('Unit; default; allowed', 'Đơn vị; mặc định; cho phép')], rows)

def sec(sid, rec_or_recs, intro):
    recs = rec_or_recs if isinstance(rec_or_recs, list) else [rec_or_recs]
    first = recs[0]
    name, label = DESCS[first] if first in DESCS else (sid, sid)
    blocks = [P(en, vi) for en, vi in intro]
    for r in recs:
        if r != first:
            nm, lb = DESCS[r]
            blocks.append(P(f'Each <code>&lt;{nm}&gt;</code> row ({lb.lower()}):',
                            f'Mỗi dòng <code>&lt;{nm}&gt;</code> ({_vi_label(lb)[0].lower() + _vi_label(lb)[1:]}):'))
        blocks.append(field_table(r))
    return SECTION(sid, f'{label}: <code>&lt;{name}&gt;</code>', f'{_vi_label(label)}: <code>&lt;{name}&gt;</code>', *blocks)

page('study-sections', 'topic', ('The sections of a study', 'Các phần của báo cáo nghiên cứu khả thi'),
     ('Every section and field of a feasibility study, what it means and which values it takes.',
      'Từng phần, từng trường của báo cáo nghiên cứu khả thi, ý nghĩa và giá trị được phép.'),
     ['index#study'], [
  P('A study follows the content of a feasibility study under Decree 180/2025/NĐ-CP Art. 14: the project and its proposer, the timeline, the investment, operations and revenue, the financing structure, incentives, risk sharing and guarantees, uncertainty, scenarios, the economic analysis and the narrative chapters. This page lists each section in the order of the file, with the name of its element in the <link xref="file-format">file</link>.',
    'Báo cáo được tổ chức theo nội dung báo cáo nghiên cứu khả thi quy định tại Điều 14 Nghị định 180/2025/NĐ-CP: thông tin dự án và nhà đầu tư đề xuất, tiến độ, tổng mức đầu tư, vận hành và doanh thu, cơ cấu nguồn vốn, ưu đãi, chia sẻ rủi ro và bảo đảm đầu tư, phân tích rủi ro, kịch bản, hiệu quả kinh tế – xã hội và các chương thuyết minh. Trang này liệt kê từng phần theo thứ tự trong <link xref="file-format">tệp</link>, kèm tên phần tử tương ứng.'),
  NOTE('Rates and shares are fractions: <code>0.105</code> means 10.5 %. Money is in đồng at prices of the price base year and escalates from there at the line\'s own escalation rate. Years of a line are counted in operation years (1 is the first operation year) unless said otherwise.',
       'Tỷ lệ và tỷ trọng được ghi dưới dạng số thập phân: <code>0.105</code> nghĩa là 10,5 %. Số tiền tính bằng đồng theo giá của năm gốc tính giá và trượt giá từ năm đó theo tỷ lệ trượt giá riêng của từng hạng mục. Năm của một hạng mục được tính theo năm vận hành (1 là năm vận hành đầu tiên), trừ khi có ghi chú khác.'),
  sec('identity', ['identity_desc', 'proposer_desc'], [
    ('The identity of the project: its unique id (a UUID), its name in Vietnamese and English, the proposing investor, the eligible field under Decree 180 Art. 2, the application domain and the PPP form (see <link xref="ppp-forms"/>). <code>&lt;rule-set&gt;</code> names the <link xref="legal-rules">legal rule set</link> the study is computed with.',
     'Thông tin định danh dự án: mã dự án duy nhất (UUID), tên bằng tiếng Việt và tiếng Anh, nhà đầu tư đề xuất, lĩnh vực theo Điều 2 Nghị định 180, lĩnh vực ứng dụng và hình thức PPP (xem <link xref="ppp-forms"/>). <code>&lt;rule-set&gt;</code> ghi tên <link xref="legal-rules">bộ quy định pháp lý</link> dùng để tính toán báo cáo.')]),
  sec('timeline', 'timeline_desc', [
    ('Construction years come first, then operation years; the commercial operation date (COD) is the start of the first operation year. Amounts are given at prices of the price base year. With <code>&lt;real-rates&gt;</code> true, the discount rates are real and discount flows deflated by the general inflation.',
     'Các năm xây dựng đi trước, sau đó là các năm vận hành; ngày vận hành thương mại (COD) là đầu năm vận hành đầu tiên. Số tiền được nhập theo giá của năm gốc tính giá. Khi <code>&lt;real-rates&gt;</code> là true, tỷ lệ chiết khấu là tỷ lệ thực và được áp dụng cho dòng tiền đã loại trừ lạm phát chung.')]),
  sec('rates', 'rates_desc', [
    ('The discount rates of the study: WACC for the project cash flow, the cost of equity for the equity cash flow, the social discount rate for the fiscal and economic flows, the two MIRR rates, the investor\'s hurdle rate and the lender\'s minimum DSCR.',
     'Các tỷ lệ chiết khấu của báo cáo: WACC cho dòng tiền dự án, chi phí vốn chủ sở hữu cho dòng tiền vốn chủ sở hữu, tỷ lệ chiết khấu xã hội cho dòng tiền ngân sách và dòng tiền kinh tế, hai tỷ lệ dùng để tính MIRR, tỷ suất sinh lời tối thiểu của nhà đầu tư và DSCR tối thiểu của bên cho vay.')]),
  sec('investment', ['investment_desc', 'capex_desc', 'replacement_desc'], [
    ('The total investment (tổng mức đầu tư): capex lines spent in the construction years, with contingency and import duty, and replacement capex paid later from the operating cash flow. A capex line gives one amount per construction year. A contingency rate of −1 uses the project rate. Land has a useful life of 0 (not depreciated); declining balance is for equipment only.',
     'Tổng mức đầu tư: các hạng mục chi phí đầu tư thực hiện trong các năm xây dựng, cùng chi phí dự phòng và thuế nhập khẩu, và chi phí thay thế tài sản được chi sau đó từ dòng tiền vận hành. Mỗi hạng mục ghi một số tiền cho mỗi năm xây dựng. Tỷ lệ dự phòng −1 nghĩa là dùng tỷ lệ chung của dự án. Đất có thời gian sử dụng bằng 0 (không trích khấu hao); phương pháp số dư giảm dần chỉ dành cho thiết bị.')]),
  sec('operations', ['operations_desc', 'revenue_desc', 'payment_desc', 'opex_desc', 'maintenance_desc'], [
    ('Revenue (doanh thu) of each stream is volume × tariff: the volume at full ramp, times the ramp-up share of the operation year (the last value repeats), grown each year; the tariff escalates. State service payments are availability payments (BTL, BLT) or payments for ordered services, less the performance deduction. Operating costs (chi phí vận hành) are fixed lines, variable costs as a share of user revenue, major maintenance, land rent and concession fees. Lines flagged R&amp;D get the extra R&amp;D deduction.',
     'Doanh thu của mỗi nguồn thu bằng sản lượng × giá: sản lượng khi đạt công suất, nhân với tỷ lệ huy động công suất của năm vận hành (giá trị cuối được lặp lại), tăng trưởng hằng năm; giá dịch vụ được trượt giá. Khoản thanh toán dịch vụ của Nhà nước là khoản thanh toán theo mức độ sẵn sàng (BTL, BLT) hoặc thanh toán cho sản phẩm, dịch vụ đặt hàng, sau khi trừ khoản giảm trừ theo chất lượng dịch vụ. Chi phí vận hành gồm các khoản cố định, chi phí biến đổi theo tỷ lệ doanh thu từ người sử dụng, chi phí bảo trì lớn, tiền thuê đất và phí nhượng quyền. Các khoản đánh dấu R&amp;D được trừ thêm khi tính thuế.')]),
  sec('financing', ['financing_desc', 'loan_desc', 'asset_desc'], [
    ('The financing structure (cơ cấu nguồn vốn). Each construction year\'s need is met pro rata by state capital support (a share of the need or a fixed schedule), investor equity (the equity share of what the state does not fund) and debt, split among loans by their shares of debt, which must add up to 1. The tenor of a loan counts from COD and includes the grace years.',
     'Cơ cấu nguồn vốn. Nhu cầu vốn của mỗi năm xây dựng được đáp ứng theo tỷ lệ bởi vốn nhà nước hỗ trợ xây dựng (một tỷ lệ của nhu cầu hoặc một lịch cố định), vốn chủ sở hữu của nhà đầu tư (tỷ lệ vốn chủ sở hữu trên phần Nhà nước không tài trợ) và vốn vay, phân chia giữa các khoản vay theo tỷ trọng của từng khoản; tổng các tỷ trọng phải bằng 1. Thời hạn vay tính từ COD và bao gồm thời gian ân hạn.')]),
  sec('incentives', 'incentives_desc', [
    ('The corporate income tax incentive class claimed by the project; its rates and years come from the rule set (see <link xref="financing-tax#tax"/>).',
     'Loại ưu đãi thuế thu nhập doanh nghiệp mà dự án đề nghị áp dụng; thuế suất và số năm lấy từ bộ quy định (xem <link xref="financing-tax#tax"/>).')]),
  sec('sharing', 'sharing_desc', [
    ('The revenue sharing band, the minimum revenue guarantee, the foreign-currency guarantee, R&amp;D risk acceptance and the sharing of commercialisation income. See <link xref="risk-sharing"/>.',
     'Cơ chế chia sẻ phần tăng, giảm doanh thu, bảo đảm doanh thu tối thiểu, bảo đảm cân đối ngoại tệ, chấp nhận rủi ro nghiên cứu và phát triển, và chia sẻ thu nhập từ thương mại hóa. Xem <link xref="risk-sharing"/>.')]),
  sec('terms', 'terms_desc', [
    ('Terms that depend on the form: shares of a three-party cooperation, the BT settlement, a transfer price, and the salvage value of a BOO project (−1 uses the book value).',
     'Các điều khoản tùy theo hình thức hợp đồng: tỷ lệ đóng góp của hợp tác ba bên, giá trị thanh toán BT, giá chuyển giao và giá trị thu hồi của dự án BOO (−1 nghĩa là dùng giá trị còn lại theo sổ sách).')]),
  sec('legal', ['legal_desc', 'override_rule_desc'], [
    ('Values negotiated for this project in place of the rule set\'s defaults, each with its justification. Only parameters the rule set marks as negotiable can be overridden, and only within the allowed range.',
     'Các giá trị được thỏa thuận riêng cho dự án thay cho giá trị mặc định của bộ quy định, kèm lý do. Chỉ những tham số được bộ quy định đánh dấu là có thể thỏa thuận mới được điều chỉnh, và chỉ trong phạm vi cho phép.')]),
  sec('risks', 'risk_desc', [
    ('The risk register (ma trận phân bổ rủi ro): one row per risk with its category, likelihood and impact on a scale of 1 to 5, who bears it, the state\'s share when it is shared, its mitigation, expected cost and the model driver it moves. The justification explains any allocation that differs from usual practice.',
     'Ma trận phân bổ rủi ro: mỗi rủi ro một dòng, gồm nhóm rủi ro, khả năng xảy ra và mức độ ảnh hưởng theo thang 1 đến 5, bên chịu rủi ro, tỷ lệ Nhà nước chịu khi hai bên cùng chịu, biện pháp giảm thiểu, chi phí dự kiến và biến số của mô hình mà rủi ro tác động. Phần lý do giải thích các cách phân bổ khác với thông lệ.')]),
  sec('uncertainty', ['uncertainty_group_desc', 'uncertainty_desc', 'correlation_desc', 'simulation_desc'], [
    ('Probability distributions on the model drivers, their correlations and the settings of the Monte Carlo simulation. Parameters a, b, c depend on the distribution: mean and standard deviation (normal, lognormal), minimum and maximum (uniform), minimum, mode and maximum (triangular, PERT), the event probability (Bernoulli). The seed makes every run reproducible.',
     'Phân phối xác suất của các biến số trong mô hình, hệ số tương quan giữa chúng và các thiết lập của mô phỏng Monte Carlo. Ý nghĩa của tham số a, b, c tùy theo phân phối: giá trị trung bình và độ lệch chuẩn (chuẩn, loga chuẩn), giá trị nhỏ nhất và lớn nhất (đều), giá trị nhỏ nhất, có khả năng nhất và lớn nhất (tam giác, PERT), xác suất xảy ra sự kiện (Bernoulli). Hạt giống (seed) bảo đảm mỗi lần chạy cho cùng một kết quả.')]),
  sec('scenarios', ['scenario_desc', 'scenario_override_desc'], [
    ('Named scenarios (base, pessimistic, optimistic or your own), each a set of factors applied to drivers: a factor of 1.1 on demand means demand 10 % above the base case.',
     'Các kịch bản được đặt tên (cơ sở, bi quan, lạc quan hoặc do người dùng tự đặt), mỗi kịch bản là một tập hệ số áp dụng cho các biến số: hệ số 1.1 cho nhu cầu nghĩa là nhu cầu cao hơn phương án cơ sở 10 %.')]),
  sec('economics', ['economics_desc', 'externality_desc'], [
    ('The economic analysis (hiệu quả kinh tế – xã hội): conversion factors from financial to economic prices, external benefits and costs, and the assumptions of the public sector comparator (PSC).',
     'Phân tích hiệu quả kinh tế – xã hội: hệ số chuyển đổi từ giá tài chính sang giá kinh tế, các lợi ích và chi phí ngoại ứng, và các giả định của phương án so sánh khu vực công (PSC).')]),
  sec('chapters', 'chapters_desc', [
    ('The narrative chapters of the report, each in Vietnamese and English.',
     'Các chương thuyết minh của báo cáo, mỗi chương bằng tiếng Việt và tiếng Anh.')]),
  SECTION('notes', 'Assumptions and sources: <code>&lt;notes&gt;</code>', 'Giả định và nguồn số liệu: <code>&lt;notes&gt;</code>',
    P('Then <code>&lt;notes&gt;</code> holds the assumptions and sources of the study as free text.',
      'Tiếp theo, <code>&lt;notes&gt;</code> ghi các giả định và nguồn số liệu của báo cáo dưới dạng văn bản tự do.')),
  sec('claimed', 'claimed_desc', [
    ('Last, the headline figures as the proposer\'s Khả Thi computed them. The application writes them every time it saves the study (and <cmd>khathi-cli new</cmd> and <cmd>khathi-cli claims --stamp</cmd> do too), with its version and the time; nobody types them. The element is optional: a study without it is valid. An appraiser never uses these figures: Khả Thi recomputes every figure from the inputs and only compares, to show at once whether the proposer\'s numbers can be trusted (see <link xref="command-line#claims"/> and <link xref="portfolio"/>).',
     'Cuối cùng là các chỉ tiêu chính do ứng dụng Khả Thi của nhà đầu tư đề xuất tính ra. Ứng dụng ghi các chỉ tiêu này mỗi khi lưu báo cáo (lệnh <cmd>khathi-cli new</cmd> và <cmd>khathi-cli claims --stamp</cmd> cũng vậy), kèm phiên bản và thời điểm tính; không ai phải nhập tay. Phần tử này không bắt buộc: báo cáo không có phần tử này vẫn hợp lệ. Người thẩm định không bao giờ dùng các số liệu này: Khả Thi tính lại mọi chỉ tiêu từ dữ liệu đầu vào và chỉ đối chiếu, để thấy ngay số liệu của nhà đầu tư có đáng tin cậy hay không (xem <link xref="command-line#claims"/> và <link xref="portfolio"/>).')]),
])

# ------------------------------------------------------------------ indicators
page('indicators', 'topic', ('How the indicators are defined', 'Định nghĩa các chỉ tiêu'),
     ('NPV, IRR, MIRR, payback, B/C, equity IRR, DSCR, LLCR and break-even volume, as the engine computes them.',
      'NPV, IRR, MIRR, thời gian hoàn vốn, B/C, IRR vốn chủ sở hữu, DSCR, LLCR và sản lượng hòa vốn, đúng như bộ máy tính toán thực hiện.'),
     ['index#figures'], [
  P('Khả Thi states every convention so that an appraiser can recompute each figure by hand. Nothing is rounded inside the engine; printed totals are sums of unrounded values, so printed rows may differ from a printed total by one unit in the last digit.',
    'Khả Thi nêu rõ mọi quy ước để người thẩm định có thể tự tính lại từng chỉ tiêu. Bộ máy tính toán không làm tròn ở bất kỳ bước nào; các tổng được in ra là tổng của các giá trị chưa làm tròn, nên các dòng được in có thể lệch với tổng được in một đơn vị ở chữ số cuối.'),
  P('See <link xref="worked-example"/> for these indicators on a real sample, and <link xref="financing-tax"/> for how the flows themselves are built.',
    'Xem <link xref="worked-example"/> để thấy các chỉ tiêu này trên một báo cáo mẫu thực tế, và <link xref="financing-tax"/> để biết các dòng tiền được lập như thế nào.'),
  SECTION('timeline', 'Years and discounting', 'Các năm và cách chiết khấu',
    P('Periods are whole years <var>t</var> = 0 … <var>N</var>−1, calendar year = first year + <var>t</var>: first the construction years, then the operation years. Every flow of a year sits at the end of that year, and values are measured at the end of year 0, so the flow of year 0 is not discounted. The net present value is:',
      'Các kỳ tính toán là các năm trọn vẹn <var>t</var> = 0 … <var>N</var>−1, năm dương lịch = năm đầu tiên + <var>t</var>: trước hết là các năm xây dựng, sau đó là các năm vận hành. Mọi dòng tiền của một năm được coi là phát sinh vào cuối năm đó, và giá trị được quy về cuối năm 0, nên dòng tiền của năm 0 không bị chiết khấu. Giá trị hiện tại ròng (NPV) được tính như sau:'),
    SCREEN('NPV(r) = Σ CF_t · (1 + r)^−t        t = 0 … N−1'),
    P('This equals a spreadsheet\'s <code>CF0 + NPV(r; CF1 … CFN−1)</code>. The project cash flow is discounted at WACC (the weighted average cost of capital), the equity cash flow at the cost of equity, the fiscal and economic flows at the social discount rate. If the study says its rates are real, the flows are first deflated by the general inflation: real = nominal / (1 + <var>i</var>)^<var>t</var>.',
      'Cách tính này bằng <code>CF0 + NPV(r; CF1 … CFN−1)</code> trong bảng tính. Dòng tiền dự án được chiết khấu theo WACC (chi phí vốn bình quân gia quyền), dòng tiền vốn chủ sở hữu theo chi phí vốn chủ sở hữu, dòng tiền ngân sách và dòng tiền kinh tế theo tỷ lệ chiết khấu xã hội. Nếu báo cáo khai báo tỷ lệ chiết khấu là tỷ lệ thực, dòng tiền được loại trừ lạm phát chung trước: giá thực = giá danh nghĩa / (1 + <var>i</var>)^<var>t</var>.'),
    P('Amounts are entered at prices of the price base year and escalate at their own rate: value<sub>t</sub> = base · (1 + <var>e</var>)^(<var>t</var> − <var>t</var><sub>base</sub>). A fixed state-support schedule, caps, a salvage value and a transfer price are nominal and never escalated.',
      'Số tiền được nhập theo giá của năm gốc và trượt giá theo tỷ lệ riêng: giá trị<sub>t</sub> = giá gốc · (1 + <var>e</var>)^(<var>t</var> − <var>t</var><sub>gốc</sub>). Lịch vốn nhà nước hỗ trợ cố định, các mức trần, giá trị thu hồi và giá chuyển giao là giá danh nghĩa, không trượt giá.'),
  ),
  SECTION('irr', 'Internal rate of return (IRR)', 'Tỷ suất hoàn vốn nội bộ (IRR)',
    P('The IRR is a rate <var>r</var> between −99 % and 1000 % at which NPV(<var>r</var>) = 0. Khả Thi does not start a solver from a guess: it scans NPV on a fine grid (steps of 0.005 % up to 100 %, then 0.1 % up to 1000 %), brackets every sign change and polishes each root to 10⁻¹² with a bracketing solver. So it finds all the IRRs, not just one:',
      'IRR là tỷ suất <var>r</var> trong khoảng từ −99 % đến 1000 % làm cho NPV(<var>r</var>) = 0. Khả Thi không giải từ một giá trị đoán trước: chương trình quét NPV trên một lưới dày (bước 0,005 % đến 100 %, sau đó bước 0,1 % đến 1000 %), khoanh vùng mọi lần đổi dấu rồi tính chính xác từng nghiệm tới 10⁻¹² bằng phương pháp chia khoảng. Vì vậy chương trình tìm được mọi IRR chứ không chỉ một:'),
    TERMS(
      ('No IRR', 'Không có IRR', [P('NPV never changes sign (for example all flows are positive, or the project never pays back). The report says “no IRR”; it never shows 0 %.',
        'NPV không bao giờ đổi dấu (ví dụ mọi dòng tiền đều dương, hoặc dự án không bao giờ hoàn vốn). Báo cáo ghi “không có IRR”, không bao giờ ghi 0 %.')]),
      ('Unique IRR', 'Một IRR duy nhất', [P('One root: the usual case of a project that invests first and earns later.',
        'Có một nghiệm: trường hợp thông thường của dự án bỏ vốn trước, thu tiền sau.')]),
      ('Multiple IRRs', 'Nhiều IRR', [P('The flows change sign more than once (a large replacement or a negative final year) and NPV crosses zero several times. All roots are listed and the result is flagged; the one reported is the root nearest the rate that discounts those flows (WACC for the project, cost of equity for equity), the lower one on a tie. Judge such a project by its NPV and MIRR rather than its IRR.',
        'Dòng tiền đổi dấu nhiều lần (do chi phí thay thế lớn hoặc năm cuối âm) và NPV cắt trục hoành nhiều lần. Mọi nghiệm đều được liệt kê và kết quả được đánh dấu; giá trị được báo cáo là nghiệm gần nhất với tỷ lệ chiết khấu của dòng tiền đó (WACC với dự án, chi phí vốn chủ sở hữu với vốn chủ sở hữu), nếu cách đều thì lấy nghiệm nhỏ hơn. Với dự án như vậy nên đánh giá bằng NPV và MIRR thay vì IRR.')]),
    ),
    P('FIRR is the IRR of the project cash flow; EIRR that of the economic flow.',
      'FIRR là IRR của dòng tiền dự án; EIRR là IRR của dòng tiền kinh tế.'),
  ),
  SECTION('mirr', 'Modified IRR (MIRR)', 'IRR điều chỉnh (MIRR)',
    P('MIRR avoids multiple roots: positive flows are compounded to the last year at the reinvestment rate, negative flows discounted to year 0 at the finance rate:',
      'MIRR tránh được tình trạng nhiều nghiệm: các dòng tiền dương được tích lũy đến năm cuối theo tỷ lệ tái đầu tư, các dòng tiền âm được chiết khấu về năm 0 theo tỷ lệ tài trợ:'),
    SCREENT('MIRR = ( FV(positive flows, reinvestment rate) / −PV(negative flows, finance rate) )^(1/(N−1)) − 1',
            'MIRR = ( FV(dòng tiền dương, tỷ lệ tái đầu tư) / −PV(dòng tiền âm, tỷ lệ tài trợ) )^(1/(N−1)) − 1'),
    P('It is undefined unless the flows have both signs. It is computed for the project and the equity flows.',
      'MIRR không xác định nếu dòng tiền không có cả giá trị âm và dương. MIRR được tính cho dòng tiền dự án và dòng tiền vốn chủ sở hữu.'),
  ),
  SECTION('payback', 'Payback period', 'Thời gian hoàn vốn',
    P('With <var>S</var><sub>t</sub> the cumulative flow, payback is reached in the first year <var>t</var> ≥ 1 where <var>S</var><sub>t−1</sub> &lt; 0 ≤ <var>S</var><sub>t</sub>, interpolated within that year:',
      'Gọi <var>S</var><sub>t</sub> là dòng tiền lũy kế, dự án hoàn vốn trong năm <var>t</var> ≥ 1 đầu tiên có <var>S</var><sub>t−1</sub> &lt; 0 ≤ <var>S</var><sub>t</sub>, nội suy trong năm đó:'),
    SCREENT('payback = (t − 1) + (−S_{t−1}) / CF_t      years after the end of year 0',
            'thời gian hoàn vốn = (t − 1) + (−S_{t−1}) / CF_t      năm, tính từ cuối năm 0'),
    P('If there is no such year (including when the flows are never negative) the payback is “not reached”. A later dip below zero does not undo it. The discounted payback (thời gian hoàn vốn có chiết khấu) is the same on the flows discounted at WACC.',
      'Nếu không có năm nào như vậy (kể cả khi dòng tiền không bao giờ âm) thì ghi “chưa hoàn vốn”. Việc dòng tiền lũy kế âm trở lại ở những năm sau không làm thay đổi kết quả. Thời gian hoàn vốn có chiết khấu được tính tương tự trên dòng tiền đã chiết khấu theo WACC.'),
  ),
  SECTION('bcr', 'Benefit–cost ratio (B/C)', 'Tỷ số lợi ích/chi phí (B/C)',
    P('B/C = present value at WACC of the inflows (revenue, state service payments, revenue-sharing receipts, guarantee payouts except the foreign-currency guarantee, terminal value or transfer price, release of working capital) divided by the present value of the outflows (operating costs, capex, tax as if there were no debt, revenue-sharing payments, benefit sharing, increases of working capital). The economic B/C does the same on the economic flow at the social rate.',
      'B/C = giá trị hiện tại theo WACC của các khoản thu (doanh thu, thanh toán dịch vụ của Nhà nước, khoản nhận được từ chia sẻ doanh thu, khoản chi trả bảo đảm trừ bảo đảm cân đối ngoại tệ, giá trị còn lại hoặc giá chuyển giao, vốn lưu động được thu hồi) chia cho giá trị hiện tại của các khoản chi (chi phí vận hành, chi phí đầu tư, thuế tính như khi không vay nợ, khoản chi chia sẻ doanh thu, chia sẻ lợi ích, vốn lưu động tăng thêm). B/C kinh tế được tính tương tự trên dòng tiền kinh tế theo tỷ lệ chiết khấu xã hội.'),
  ),
  SECTION('equity', 'Equity cash flow and equity IRR', 'Dòng tiền vốn chủ sở hữu và IRR vốn chủ sở hữu',
    P('The equity cash flow is − equity contributions + (cash flow available for debt service − debt service), plus the transfer price or the BOO terminal value net of outstanding debt in the last year. Everything is distributed each year (no reserve accounts); a negative year is an equity injection and is reported by a check. The equity IRR is compared with the investor\'s hurdle rate; the equity NPV uses the cost of equity.',
      'Dòng tiền vốn chủ sở hữu = − vốn chủ sở hữu góp + (dòng tiền dành trả nợ − nghĩa vụ trả nợ), cộng giá chuyển giao hoặc giá trị còn lại của dự án BOO sau khi trừ dư nợ ở năm cuối. Toàn bộ được phân phối hằng năm (không có tài khoản dự trữ); năm có giá trị âm là năm nhà đầu tư phải góp thêm vốn và được một phép kiểm tra báo cáo. IRR vốn chủ sở hữu được so sánh với tỷ suất sinh lời tối thiểu của nhà đầu tư; NPV vốn chủ sở hữu dùng chi phí vốn chủ sở hữu.'),
  ),
  SECTION('dscr', 'Debt service coverage (DSCR) and LLCR', 'Hệ số khả năng trả nợ (DSCR) và LLCR',
    P('Cash flow available for debt service (CFADS) = revenue + state service payments + revenue-sharing net + guarantee payouts − benefit sharing − foreign-exchange loss on debt service − operating costs − tax actually paid − increase of working capital − replacement capex, in operation years.',
      'Dòng tiền dành trả nợ (CFADS) = doanh thu + thanh toán dịch vụ của Nhà nước + chia sẻ doanh thu (ròng) + khoản chi trả bảo đảm − chia sẻ lợi ích − lỗ tỷ giá khi trả nợ − chi phí vận hành − thuế thực nộp − vốn lưu động tăng thêm − chi phí thay thế tài sản, trong các năm vận hành.'),
    SCREENT('DSCR_t = CFADS_t / (interest_t + principal_t)\n'
            'LLCR   = Σ_{t=C}^{M} CFADS_t · (1 + r)^−(t−C+1) / debt outstanding at COD',
            'DSCR_t = CFADS_t / (lãi vay_t + nợ gốc_t)\n'
            'LLCR   = Σ_{t=C}^{M} CFADS_t · (1 + r)^−(t−C+1) / dư nợ tại COD'),
    P('DSCR is computed in every year with debt service, interest-only years included and negative values kept; the minimum and the arithmetic average are reported, and a year below the lender\'s minimum raises a warning. For LLCR, <var>C</var> is the first operation year, <var>M</var> the last maturity of all loans and <var>r</var> the loans\' rates weighted by their balances at COD.',
      'DSCR được tính cho mọi năm có trả nợ, kể cả những năm chỉ trả lãi, và giữ nguyên giá trị âm; chương trình báo cáo giá trị nhỏ nhất và giá trị bình quân số học, và cảnh báo khi có năm thấp hơn mức tối thiểu của bên cho vay. Với LLCR, <var>C</var> là năm vận hành đầu tiên, <var>M</var> là năm đáo hạn cuối cùng của các khoản vay và <var>r</var> là lãi suất bình quân các khoản vay theo dư nợ tại COD.'),
  ),
  SECTION('break-even', 'Break-even volume', 'Sản lượng hòa vốn',
    P('The break-even volume is the share of the planned volumes of all revenue streams at which the project NPV at WACC is exactly zero, found by a bracketing solver. 94 % means that the project still breaks even if every stream sells 6 % less than planned. It is not given when no such share exists between 0 and 1024 times the plan.',
      'Sản lượng hòa vốn là tỷ lệ so với sản lượng kế hoạch của mọi nguồn thu mà tại đó NPV của dự án theo WACC bằng đúng 0, tìm bằng phương pháp chia khoảng. 94 % nghĩa là dự án vẫn hòa vốn nếu mọi nguồn thu đều đạt sản lượng thấp hơn kế hoạch 6 %. Chỉ tiêu này không có nếu không tồn tại tỷ lệ như vậy trong khoảng từ 0 đến 1024 lần kế hoạch.'),
  ),
])

# ------------------------------------------------------------------ financing, depreciation, tax, flows
page('financing-tax', 'topic', ('Investment, depreciation, tax and cash flows', 'Đầu tư, khấu hao, thuế và các dòng tiền'),
     ('Total investment and interest during construction, depreciation under Circular 45, CIT holidays and loss carry-forward, the project, fiscal and economic flows.',
      'Tổng mức đầu tư và lãi vay trong thời gian xây dựng, khấu hao theo Thông tư 45, miễn giảm thuế TNDN và chuyển lỗ, dòng tiền dự án, dòng tiền ngân sách và dòng tiền kinh tế.'),
     ['index#figures'], [
  SECTION('investment', 'Total investment', 'Tổng mức đầu tư',
    P('Total investment (tổng mức đầu tư) = escalated capex + contingency + import duty of the construction years + interest during construction (IDC) + financing fees.',
      'Tổng mức đầu tư = chi phí đầu tư đã trượt giá + chi phí dự phòng + thuế nhập khẩu của các năm xây dựng + lãi vay trong thời gian xây dựng + phí thu xếp vốn.'),
    ITEMS(
      ('Contingency (chi phí dự phòng) covers physical quantities only: the rate times the line\'s escalated capex, year by year. Price escalation is already in the amounts.',
       'Chi phí dự phòng chỉ tính cho yếu tố khối lượng: tỷ lệ dự phòng nhân với chi phí đã trượt giá của hạng mục, theo từng năm. Yếu tố trượt giá đã nằm trong số tiền của hạng mục.'),
      ('Import duty (thuế nhập khẩu) = duty rate × share imported × escalated capex, contingency excluded; it is capitalised into its line. With the duty exemption switched on the rate is 0.',
       'Thuế nhập khẩu = thuế suất × tỷ trọng nhập khẩu × chi phí đã trượt giá, không tính trên chi phí dự phòng; thuế được vốn hóa vào hạng mục. Khi chọn miễn thuế nhập khẩu, thuế suất bằng 0.'),
      ('Replacement capex is paid from that year\'s cash flow, never from debt or state support, and has no contingency.',
       'Chi phí thay thế tài sản được chi từ dòng tiền của năm đó, không bao giờ từ vốn vay hay vốn nhà nước, và không có dự phòng.'),
    ),
  ),
  SECTION('idc', 'Financing and interest during construction (IDC)', 'Nguồn vốn và lãi vay trong thời gian xây dựng',
    P('Each construction year\'s need = capex + contingency + duty + IDC + fees of that year. The state funds its share <var>s</var> of the need (or its fixed schedule), the investor the equity share <var>g</var> of the rest, and loans the remainder. Draws are made in the middle of the year, so:',
      'Nhu cầu vốn của mỗi năm xây dựng = chi phí đầu tư + dự phòng + thuế nhập khẩu + lãi vay trong thời gian xây dựng + phí của năm đó. Nhà nước tài trợ tỷ lệ <var>s</var> của nhu cầu (hoặc theo lịch cố định), nhà đầu tư góp tỷ lệ vốn chủ sở hữu <var>g</var> của phần còn lại, phần còn lại nữa là vốn vay. Vốn được giải ngân vào giữa năm, do đó:'),
    SCREENT('IDC_t = Σ_loans rate × (opening balance_t + draw_t / 2)\n'
            'fees  = fee rate × the loan\'s total draws, paid in the year of the first draw',
            'IDC_t = Σ_khoản vay lãi suất × (dư nợ đầu năm_t + giải ngân_t / 2)\n'
            'phí   = tỷ lệ phí × tổng số giải ngân của khoản vay, trả trong năm giải ngân đầu tiên'),
    P('IDC and fees are paid in cash from the year\'s sources, not added to the loan. Because they are part of the need they finance, the draws of all construction years are solved exactly as one system of linear equations, without iteration.',
      'Lãi vay và phí trong thời gian xây dựng được trả bằng tiền từ nguồn vốn của năm đó, không cộng vào dư nợ. Vì chúng là một phần của nhu cầu vốn mà chính chúng được tài trợ, số giải ngân của mọi năm xây dựng được giải chính xác như một hệ phương trình tuyến tính, không cần lặp.'),
    P('Loans: equal principal repays the balance at COD in equal parts over the years after the grace period; an annuity pays a constant sum of interest and principal; a sculpted loan sets each year\'s debt service to CFADS / τ, where τ makes the balance repaid exactly. If τ is below the target DSCR the engine reports it and does not resize the loan.',
      'Các khoản vay: trả gốc đều chia dư nợ tại COD thành các phần bằng nhau trong các năm sau thời gian ân hạn; trả đều (niên kim) trả một số tiền gốc và lãi không đổi; trả nợ theo DSCR mục tiêu đặt nghĩa vụ trả nợ mỗi năm bằng CFADS / τ, trong đó τ được chọn để trả hết đúng dư nợ. Nếu τ thấp hơn DSCR mục tiêu, chương trình báo cáo chứ không tự điều chỉnh quy mô khoản vay.'),
  ),
  SECTION('depreciation', 'Depreciation (khấu hao)', 'Khấu hao',
    P('A line is depreciated if its useful life is above 0, in whole years from COD (replacements from the year after they are paid). Straight-line is the default. IDC and financing fees are allocated to the depreciable initial lines in proportion to their cost and depreciated with them. Assets are depreciated on their full cost whoever funded them, unless the rule set says otherwise.',
      'Một hạng mục được trích khấu hao nếu thời gian sử dụng lớn hơn 0, theo năm tròn kể từ COD (tài sản thay thế từ năm sau năm chi). Mặc định là phương pháp đường thẳng. Lãi vay trong thời gian xây dựng và phí thu xếp vốn được phân bổ vào các hạng mục ban đầu có trích khấu hao theo tỷ lệ nguyên giá và khấu hao cùng các hạng mục đó. Tài sản được khấu hao trên toàn bộ nguyên giá bất kể nguồn vốn, trừ khi bộ quy định quy định khác.'),
    P('Declining balance (Circular 45/2013/TT-BTC) is allowed for equipment with a life of at least 2 years. The rate is the straight-line rate times a coefficient from the rule set: 1.5 for a life up to 4 years, 2.0 for over 4 to 6 years, 2.5 above 6 years. Each year the amount is opening book value × coefficient / life, until the first year in which that amount is at or below the book value divided by the remaining years (that year included); from then on the remaining value is spread evenly, and the last year takes what is left.',
      'Phương pháp số dư giảm dần có điều chỉnh (Thông tư 45/2013/TT-BTC) được áp dụng cho thiết bị có thời gian sử dụng từ 2 năm trở lên. Tỷ lệ khấu hao bằng tỷ lệ khấu hao đường thẳng nhân với hệ số điều chỉnh lấy từ bộ quy định: 1,5 nếu thời gian sử dụng đến 4 năm, 2,0 nếu trên 4 đến 6 năm, 2,5 nếu trên 6 năm. Mỗi năm, mức khấu hao bằng giá trị còn lại đầu năm × hệ số / thời gian sử dụng, cho đến năm đầu tiên mà mức này nhỏ hơn hoặc bằng giá trị còn lại chia cho số năm sử dụng còn lại (kể cả năm đó); từ năm đó, giá trị còn lại được chia đều cho các năm còn lại và năm cuối khấu hao hết phần còn lại.'),
    P('Example: equipment costing 50,000,000 ₫ with a life of 5 years, coefficient 2.0, so 40 % a year:',
      'Ví dụ: thiết bị nguyên giá 50.000.000 đồng, thời gian sử dụng 5 năm, hệ số 2,0, tức tỷ lệ 40 % một năm:'),
    TABLE([('Year', 'Năm'), ('Opening value', 'Giá trị còn lại đầu năm'), ('40 % of it', '40 % giá trị đó'), ('Value / years left', 'Giá trị / số năm còn lại'), ('Depreciation', 'Mức khấu hao')], [
      [NUMP('1'), NUMP('50.0'), NUMP('20.0'), NUMP('10.0'), NUMP('20.0')],
      [NUMP('2'), NUMP('30.0'), NUMP('12.0'), NUMP('7.5'), NUMP('12.0')],
      [NUMP('3'), NUMP('18.0'), NUMP('7.2'), NUMP('6.0'), NUMP('7.2')],
      [NUMP('4'), NUMP('10.8'), NUMP('4.32'), NUMP('5.4'), NUMP('5.4')],
      [NUMP('5'), NUMP('5.4'), NUMP('—'), NUMP('5.4'), NUMP('5.4')],
    ]),
    P('Amounts in million ₫. In year 4, 40 % of the value (4.32) falls below the value spread over the 2 remaining years (5.4), so depreciation switches to 5.4 a year.',
      'Đơn vị: triệu đồng. Ở năm thứ 4, 40 % giá trị còn lại (4,32) thấp hơn giá trị còn lại chia đều cho 2 năm còn lại (5,4), nên mức khấu hao chuyển sang 5,4 mỗi năm.'),
    P('At the end of the contract, in every form except BOO, the assets leave the investor at the end of the last year: the book value left is written off as a loss on transfer (less any transfer price), deductible unless the rule set says otherwise. A BOO investor keeps a terminal value instead (the book value, or the stated salvage value), which is not taxed.',
      'Khi kết thúc hợp đồng, với mọi hình thức trừ BOO, tài sản được chuyển giao khỏi nhà đầu tư vào cuối năm cuối cùng: giá trị còn lại trên sổ sách được ghi giảm thành khoản lỗ do chuyển giao (sau khi trừ giá chuyển giao nếu có), được tính vào chi phí được trừ trừ khi bộ quy định quy định khác. Nhà đầu tư BOO giữ lại giá trị còn lại của tài sản (giá trị sổ sách hoặc giá trị thu hồi đã khai báo), khoản này không chịu thuế.'),
  ),
  SECTION('tax', 'Corporate income tax (thuế TNDN), holidays and loss carry-forward', 'Thuế thu nhập doanh nghiệp, miễn giảm thuế và chuyển lỗ',
    P('Assessable income = revenue + state service payments + revenue-sharing net + guarantee payouts − benefit sharing − operating costs − depreciation − loss on transfer − interest (and the foreign-exchange loss on debt service) − extra R&amp;D deduction. R&amp;D cost lines are deducted at the rule set\'s multiple (2.0 = 200 %, Resolution 198/2025/QH15 Art. 12). A revenue stream may be exempt S&amp;T income for up to 3 revenue years.',
      'Thu nhập chịu thuế trước chuyển lỗ = doanh thu + thanh toán dịch vụ của Nhà nước + chia sẻ doanh thu (ròng) + khoản chi trả bảo đảm − chia sẻ lợi ích − chi phí vận hành − khấu hao − lỗ do chuyển giao − lãi vay (và lỗ tỷ giá khi trả nợ) − khoản trừ thêm cho R&amp;D. Chi phí nghiên cứu và phát triển được trừ theo bội số trong bộ quy định (2,0 = 200 %, Điều 12 Nghị quyết 198/2025/QH15). Một nguồn thu có thể là thu nhập KH&amp;CN được miễn thuế trong tối đa 3 năm có doanh thu.'),
    ITEMS(
      ('Loss carry-forward (chuyển lỗ): a loss of year <var>y</var> offsets taxable income of years <var>y</var>+1 … <var>y</var>+5, oldest first; what is left after 5 years expires.',
       'Chuyển lỗ: khoản lỗ của năm <var>y</var> được trừ vào thu nhập chịu thuế của các năm <var>y</var>+1 … <var>y</var>+5, lỗ phát sinh trước được trừ trước; phần chưa trừ hết sau 5 năm không được chuyển tiếp.'),
      ('Preferential rate (thuế suất ưu đãi): 10 % for 15 years from the first revenue year for high tech, software and digital technology (Decree 320/2025/NĐ-CP Arts 18–19), or 17 %; the standard rate (20 %, or 15 % / 17 % for small companies by revenue) applies otherwise.',
       'Thuế suất ưu đãi: 10 % trong 15 năm kể từ năm đầu tiên có doanh thu đối với công nghệ cao, phần mềm, công nghệ số (Điều 18–19 Nghị định 320/2025/NĐ-CP), hoặc 17 %; các trường hợp còn lại áp dụng thuế suất phổ thông (20 %, hoặc 15 % / 17 % đối với doanh nghiệp nhỏ theo doanh thu).'),
      ('Tax holiday (miễn thuế, giảm thuế): with the 10 % rate, 4 years exempt then 9 years at 50 %; with 17 %, 2 + 4; an innovative start-up, 2 + 4 at the standard rate. The holiday starts in the first year with positive assessable income (before losses), but no later than the fourth revenue year; loss years inside the holiday still count.',
       'Miễn thuế, giảm thuế: với thuế suất 10 %, miễn thuế 4 năm rồi giảm 50 % trong 9 năm; với thuế suất 17 %, miễn 2 năm và giảm 4 năm; doanh nghiệp khởi nghiệp sáng tạo được miễn 2 năm và giảm 4 năm theo thuế suất phổ thông. Thời gian miễn, giảm bắt đầu từ năm đầu tiên có thu nhập chịu thuế dương (trước khi chuyển lỗ), nhưng muộn nhất là năm thứ tư có doanh thu; các năm lỗ trong thời gian miễn, giảm vẫn được tính.'),
    ),
    SCREENT('tax_t = taxable income_t × rate_t × (0 exempt | 0.5 reduced | 1 otherwise)',
            'thuế_t = thu nhập tính thuế_t × thuế suất_t × (0 nếu miễn | 0,5 nếu giảm | 1 nếu không)'),
    P('Tax is paid in the year it arises. VAT is a pass-through and is not modelled.',
      'Thuế được nộp ngay trong năm phát sinh. Thuế giá trị gia tăng là khoản thu hộ nên không được mô hình hóa.'),
  ),
  SECTION('flows', 'Project, fiscal and economic cash flows', 'Dòng tiền dự án, dòng tiền ngân sách và dòng tiền kinh tế',
    TERMS(
      ('Project cash flow', 'Dòng tiền dự án', [P('Revenue + state service payments + revenue-sharing net + guarantee payouts (the foreign-currency guarantee excepted: it is financing) − benefit sharing − operating costs − capex, contingency and duty (from all sources, replacements included; IDC and fees excluded) − increase of working capital − tax as if there were no debt, + terminal value (BOO) or transfer price in the last year. “Tax as if there were no debt” recomputes the tax without interest and without the depreciation of capitalised IDC and fees, with its own losses and holiday. It gives the NPV at WACC, FIRR, MIRR, payback and B/C.',
        'Doanh thu + thanh toán dịch vụ của Nhà nước + chia sẻ doanh thu (ròng) + khoản chi trả bảo đảm (trừ bảo đảm cân đối ngoại tệ, là khoản thuộc về tài chính) − chia sẻ lợi ích − chi phí vận hành − chi phí đầu tư, dự phòng và thuế nhập khẩu (từ mọi nguồn vốn, kể cả chi phí thay thế; không gồm lãi vay và phí trong thời gian xây dựng) − vốn lưu động tăng thêm − thuế tính như khi không vay nợ, + giá trị còn lại (BOO) hoặc giá chuyển giao ở năm cuối. “Thuế tính như khi không vay nợ” được tính lại không có lãi vay và không có khấu hao phần lãi vay, phí đã vốn hóa, với khoản chuyển lỗ và thời gian miễn giảm riêng. Dòng tiền này cho NPV theo WACC, FIRR, MIRR, thời gian hoàn vốn và B/C.')]),
      ('State fiscal cash flow', 'Dòng tiền ngân sách nhà nước', [P('From the state\'s side: − capital support − service payments − guarantee and risk-sharing payouts + revenue-sharing receipts + benefit sharing + CIT + import duty + land rent + concession fees + the assets received at transfer (the book value written off, less any transfer price paid). Its NPV at the social rate is the state\'s net fiscal cost; the peak annual commitment is the largest outlay of one year.',
        'Nhìn từ phía Nhà nước: − vốn nhà nước hỗ trợ xây dựng − thanh toán dịch vụ − chi trả bảo đảm và chia sẻ rủi ro + khoản thu từ chia sẻ doanh thu + chia sẻ lợi ích + thuế TNDN + thuế nhập khẩu + tiền thuê đất + phí nhượng quyền + tài sản nhận khi chuyển giao (giá trị còn lại được ghi giảm, trừ giá chuyển giao nếu có). NPV theo tỷ lệ chiết khấu xã hội là chi phí ròng của ngân sách; nghĩa vụ chi cao nhất một năm là khoản chi lớn nhất của Nhà nước trong một năm.')]),
      ('Economic flow', 'Dòng tiền kinh tế', [P('User revenue × conversion factor + external benefits − (capex, contingency and replacements, duty excluded) × conversion factor − (operating costs without land rent) × conversion factor − external costs + residual value in the last year. Transfers (state payments and support, CIT, duty, land rent, revenue sharing) and working capital are left out. It gives ENPV, EIRR and the economic B/C at the social rate. For BTL and O&amp;M projects the result means little without quantified external benefits.',
        'Doanh thu từ người sử dụng × hệ số chuyển đổi + lợi ích ngoại ứng − (chi phí đầu tư, dự phòng và thay thế, không gồm thuế nhập khẩu) × hệ số chuyển đổi − (chi phí vận hành không gồm tiền thuê đất) × hệ số chuyển đổi − chi phí ngoại ứng + giá trị còn lại ở năm cuối. Các khoản chuyển giao (thanh toán và hỗ trợ của Nhà nước, thuế TNDN, thuế nhập khẩu, tiền thuê đất, chia sẻ doanh thu) và vốn lưu động không được tính. Dòng tiền này cho ENPV, EIRR và B/C kinh tế theo tỷ lệ chiết khấu xã hội. Với dự án BTL và O&amp;M, kết quả ít có ý nghĩa nếu chưa lượng hóa được lợi ích ngoại ứng.')]),
    ),
    P('The income statement, cash-flow statement and balance sheet are built from the same figures; the balance sheet must balance and sources must equal uses in every year, or a check fails.',
      'Báo cáo kết quả kinh doanh, báo cáo lưu chuyển tiền tệ và bảng cân đối kế toán được lập từ cùng các số liệu đó; bảng cân đối kế toán phải cân bằng và tổng nguồn phải bằng tổng sử dụng trong mọi năm, nếu không một phép kiểm tra sẽ báo lỗi.'),
  ),
])

# ------------------------------------------------------------------ worked example
# Every figure comes from running khathi-cli on the sample, so the page cannot
# drift from the engine (help/check-help-figures.py re-checks the installed text).
import subprocess, csv, io
import xml.etree.ElementTree as _ET2
CLI = os.environ.get('KHATHI_CLI') or (sys.argv[-1] if len(sys.argv) > 1 else 'khathi-cli')
SAMPLE = os.path.join(ROOT, 'data', 'samples', 'can-tho-smart-traffic.khathi')
_env = dict(os.environ, LC_ALL='C.UTF-8', KHATHI_DATA_DIR=os.path.join(ROOT, 'data'))
_env.pop('LANGUAGE', None)
def _cli(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=_env, check=False).stdout
RAWJ = _cli('compute', '--json', SAMPLE)
# `claims` on the sample, run from its folder so that the page shows a bare file name.
_claims_lines = subprocess.run([os.path.abspath(CLI) if os.sep in CLI else CLI, 'claims', os.path.basename(SAMPLE)], capture_output=True, text=True,
                               env=_env, check=False, cwd=os.path.dirname(SAMPLE)).stdout.rstrip('\n').split('\n')
J = json.loads(RAWJ)
def _table(name):
    rows = list(csv.reader(io.StringIO(_cli('compute', SAMPLE, '--table', name, '--csv'))))
    years = [int(y) for y in rows[0][2:]]
    return years, {r[0]: [float(x) if x != '' else float('nan') for x in r[2:]] for r in rows[1:]}
YEARS, FLOWS = _table('flows')
_, DEBT = _table('debt')
_, TAX = _table('tax')
_, DEP = _table('depreciation')
_NSP = {'p': 'https://khathi.github.io/ns/project/1'}
SX = _ET2.parse(SAMPLE).getroot()
def sx(path):
    return SX.find(path, _NSP).text

def _num(x, nd=2):
    s = f'{abs(x):,.{nd}f}'
    en = ('−' if x < 0 else '') + s
    vi = ('−' if x < 0 else '') + s.replace(',', ' ').replace('.', ',').replace(' ', '.')
    return en, vi
def BN(x):       # billion đồng
    en, vi = _num(x / 1e9)
    return en + ' billion ₫', vi + ' tỷ đồng'
def BNN(x):      # bare number of billions
    return _num(x / 1e9)
def PCT(x, nd=2):
    en, vi = _num(x * 100, nd)
    if '.' in en:
        en = en.rstrip('0').rstrip('.'); vi = vi.rstrip('0').rstrip(',')
    return en + ' %', vi + ' %'
def R(x, nd=2):
    return _num(x, nd)
def Y(x, nd=2):
    en, vi = _num(x, nd)
    return en + ' years', vi + ' năm'
def f2(en_tpl, vi_tpl, **kw):
    """Fill a template with (en, vi) pairs."""
    return (en_tpl.format(**{k: v[0] if isinstance(v, tuple) else v for k, v in kw.items()}),
            vi_tpl.format(**{k: v[1] if isinstance(v, tuple) else v for k, v in kw.items()}))
def PP(pair):
    return P(*pair)

inv, prj, eqt, dbt, st, eco = J['investment'], J['project'], J['equity'], J['debt'], J['state'], J['economic']
Y0 = J['start_year']
C = J['construction_years']
N = C + J['operation_years']
wacc, coe, hurdle = float(sx('p:rates/p:wacc')), float(sx('p:rates/p:cost-of-equity')), float(sx('p:rates/p:hurdle-rate'))
fin, rein, soc, mindscr = float(sx('p:rates/p:finance-rate')), float(sx('p:rates/p:reinvest-rate')), float(sx('p:rates/p:social-rate')), float(sx('p:rates/p:min-dscr'))
eqs, sups = float(sx('p:financing/p:equity-share')), float(sx('p:financing/p:support-share'))
loan_shares = [float(l.find('p:share-of-debt', _NSP).text) for l in SX.findall('p:financing/p:loans/p:loan', _NSP)]
band_lo, band_hi = float(sx('p:sharing/p:lower')), float(sx('p:sharing/p:upper'))
ben_state = float(sx('p:sharing/p:benefit-share-state'))

# payback
pf = prj['flows']; cum = FLOWS['project-cumulative']
pb_t = next(t for t in range(1, N) if cum[t - 1] < 0 <= cum[t])
assert abs((pb_t - 1) + (-cum[pb_t - 1]) / pf[pb_t] - prj['payback']) < 1e-9
# DSCR minimum
ym = dbt['dscr_min_year']; tm = ym - Y0
cf_m, ds_m = DEBT['cfads'][tm], DEBT['debt-service'][tm]
assert abs(cf_m / ds_m - dbt['dscr_min']) < 1e-9
debt_years = [YEARS[t] for t in range(N) if DEBT['debt-service'][t] > 0]
# declining balance: the first declining-balance capex line
_lines = SX.findall('p:investment/p:capex/p:line', _NSP)
_k = next(i for i, l in enumerate(_lines) if l.find('p:method', _NSP).text == 'declining-balance')
_life = int(_lines[_k].find('p:useful-life', _NSP).text)
_coef = 1.5 if _life <= 4 else 2.0 if _life <= 6 else 2.5
_row = DEP[f'capex-{_k + 1}'][C:C + _life]
_cost = _row[0] / (_coef / _life)
_nbv = _cost; _switch = None; _sim = []
for i in range(_life):
    db, sl = _nbv * _coef / _life, _nbv / (_life - i)
    if _switch is None and db <= sl:
        _switch = i
    amt = sl if _switch is not None else db
    if _switch is not None:
        amt = (_cost - sum(_sim)) / (_life - i) if i == _switch else _sim[-1]
    _sim.append(amt); _nbv -= amt
assert all(abs(a - b) <= 1e-6 * _cost for a, b in zip(_sim, _row)), (_sim, _row)
_sw_open = _cost - sum(_row[:_switch])
# tax
fr, hs = J['tax']['first_revenue_year'], J['tax']['holiday_start']
neg = [(YEARS[t], TAX['assessable'][t]) for t in range(N) if TAX['assessable'][t] < 0]
first_pos = next(YEARS[t] for t in range(N) if TAX['assessable'][t] > 0)
exp_t = next((t for t in range(N) if TAX['loss-expired'][t] > 0), None)
tax_t = next((t for t in range(N) if TAX['tax'][t] > 0), None)
# state
writeoff = DEP['writeoff'][N - 1]
checks_bad = [c for c in J['checks'] if c['severity'] != 'pass']

def _sign_npv(x, rate):
    if x >= 0:
        return f2('Positive at {r}: the project earns more than its cost of capital.', 'Dương khi chiết khấu {r}: dự án sinh lời cao hơn chi phí vốn.', r=PCT(rate))
    return f2('Negative at {r}: the project earns less than its cost of capital.', 'Âm khi chiết khấu {r}: dự án sinh lời thấp hơn chi phí vốn.', r=PCT(rate))

WX = {'ti': BN(J['total_investment']), 'npv': BN(prj['npv']), 'firr': PCT(prj['irr'])}

_intro = f2('The sample <file>can-tho-smart-traffic.khathi</file> is an AI-camera traffic platform under a BTO contract: construction in {c0}–{c1}, operation in {o0}–{o1}. Its rates: WACC {wacc}, cost of equity {coe} and hurdle rate {hur}, MIRR finance rate {fin} and reinvestment rate {rein}, social discount rate {soc}, lender\'s minimum DSCR {md}. The state funds {sup} of each construction year\'s need; the investor funds {eqs} of the rest; {nl} loans ({ls} of the debt) fund the remainder. It claims the preferential 10 % CIT rate; the contract shares revenue outside {blo}–{bhi} of plan and pays the state {ben} of commercialisation income. All figures below come from:',
            'Báo cáo mẫu <file>can-tho-smart-traffic.khathi</file> là nền tảng giao thông sử dụng camera AI theo hợp đồng BTO: xây dựng năm {c0}–{c1}, vận hành năm {o0}–{o1}. Các tỷ lệ: WACC {wacc}, chi phí vốn chủ sở hữu {coe} và tỷ suất sinh lời tối thiểu {hur}, tỷ lệ tài trợ của MIRR {fin} và tỷ lệ tái đầu tư {rein}, tỷ lệ chiết khấu xã hội {soc}, DSCR tối thiểu của bên cho vay {md}. Nhà nước tài trợ {sup} nhu cầu vốn của mỗi năm xây dựng; nhà đầu tư góp {eqs} phần còn lại; {nl} khoản vay ({ls} tổng vốn vay) tài trợ phần còn lại nữa. Dự án đề nghị áp dụng thuế suất ưu đãi 10 %; hợp đồng chia sẻ doanh thu nằm ngoài khoảng {blo}–{bhi} so với phương án và chia cho Nhà nước {ben} thu nhập từ thương mại hóa. Mọi số liệu dưới đây lấy từ:',
            c0=str(Y0), c1=str(Y0 + C - 1), o0=str(Y0 + C), o1=str(Y0 + N - 1), wacc=PCT(wacc), coe=PCT(coe), hur=PCT(hurdle), fin=PCT(fin), rein=PCT(rein), soc=PCT(soc), md=R(mindscr, 1),
            sup=PCT(sups), eqs=PCT(eqs), nl=str(len(loan_shares)), ls=(' and '.join(PCT(x)[0] for x in loan_shares), ' và '.join(PCT(x)[1] for x in loan_shares)),
            blo=PCT(band_lo), bhi=PCT(band_hi), ben=PCT(ben_state))

_inv_rows = [
  [P('Capex', 'Chi phí đầu tư'), PP(BNN(inv['capex']))],
  [P('Contingency', 'Chi phí dự phòng'), PP(BNN(inv['contingency']))],
  [P('Import duty', 'Thuế nhập khẩu'), PP(BNN(inv['duty']))],
  [P('Interest during construction', 'Lãi vay trong thời gian xây dựng'), PP(BNN(inv['idc']))],
  [P('Financing fees', 'Phí thu xếp vốn'), PP(BNN(inv['fees']))],
  [P('<em>Total investment</em>', '<em>Tổng mức đầu tư</em>'), PP(BNN(J['total_investment']))],
  [PP(f2('State capital support ({s})', 'Vốn nhà nước hỗ trợ xây dựng ({s})', s=PCT(sups))), PP(BNN(inv['state_support']))],
  [PP(f2('Investor equity: {e} × ({ti} − {ss})', 'Vốn chủ sở hữu của nhà đầu tư: {e} × ({ti} − {ss})', e=PCT(eqs), ti=BNN(J['total_investment']), ss=BNN(inv['state_support']))), PP(BNN(inv['equity']))],
  [P('Loans', 'Vốn vay'), PP(BNN(inv['debt']))],
]

def _flows_list(vals):
    en = ', '.join(BNN(v)[0] for v in vals); vi = '; '.join(BNN(v)[1] for v in vals)
    return en, vi
_dips = [YEARS[t] for t in range(C + 1, N) if pf[t] < pf[t - 1] * 0.85]
_flow_text = f2('The project cash flow (billion ₫) starts with {a} in {y0} and {b} in {y1}, then {mid} in {y2}–{y3}, and ends with {last} in {yl}. {dips}',
                'Dòng tiền dự án (tỷ đồng) bắt đầu bằng {a} năm {y0} và {b} năm {y1}, tiếp theo là {mid} trong các năm {y2}–{y3}, và kết thúc bằng {last} năm {yl}. {dips}',
                a=BNN(pf[0]), b=BNN(pf[1]), y0=str(YEARS[0]), y1=str(YEARS[1]), mid=_flows_list(pf[C:pb_t + 1]), y2=str(YEARS[C]), y3=str(YEARS[pb_t]),
                last=BNN(pf[-1]), yl=str(YEARS[-1]),
                dips=(('The dips in ' + ' and '.join(map(str, _dips)) + ' are replacements of servers and cameras.',
                       'Các năm ' + ' và '.join(map(str, _dips)) + ' giảm do thay thế máy chủ và camera.') if _dips else ('', '')))

_prj_rows = [
  [P('NPV at WACC', 'NPV theo WACC'), PP(BN(prj['npv'])), PP(_sign_npv(prj['npv'], wacc))],
  [P('FIRR', 'FIRR'), PP(f2('{r}, {s}', '{r}, {s}', r=PCT(prj['irr']), s=('unique', 'duy nhất') if prj['irr_status'] == 'unique' else ('one of several', 'một trong nhiều giá trị'))),
   PP(('Above WACC, consistent with the positive NPV.', 'Cao hơn WACC, phù hợp với NPV dương.') if prj['irr'] > wacc else ('Below WACC, consistent with the negative NPV.', 'Thấp hơn WACC, phù hợp với NPV âm.'))],
  [P('MIRR', 'MIRR'), PP(PCT(prj['mirr'])), PP(f2('Lower than FIRR because positive flows are reinvested at {r} only.', 'Thấp hơn FIRR vì dòng tiền dương chỉ được tái đầu tư với tỷ lệ {r}.', r=PCT(rein)) if prj['mirr'] < prj['irr'] else f2('Positive flows reinvested at {r}.', 'Dòng tiền dương được tái đầu tư với tỷ lệ {r}.', r=PCT(rein)))],
  [P('Payback', 'Thời gian hoàn vốn'), PP(Y(prj['payback'])),
   PP(f2('The cumulative flow is {c} at the end of {y1} and the {y2} flow is {f}: {k} + {cc} / {f} = {pb} after the end of {y0}.',
         'Dòng tiền lũy kế là {c} vào cuối năm {y1} và dòng tiền năm {y2} là {f}: {k} + {cc} / {f} = {pb} tính từ cuối năm {y0}.',
         c=BNN(cum[pb_t - 1]), cc=BNN(-cum[pb_t - 1]), y1=str(YEARS[pb_t - 1]), y2=str(YEARS[pb_t]), f=BNN(pf[pb_t]), k=str(pb_t - 1), pb=Y(prj['payback']), y0=str(Y0)))],
  [P('Discounted payback', 'Thời gian hoàn vốn có chiết khấu'), PP(Y(prj['discounted_payback'])), P('The same on flows discounted at WACC.', 'Tính tương tự trên dòng tiền đã chiết khấu theo WACC.')],
  [P('B/C', 'B/C'), PP(R(prj['bcr'])), PP(f2('Present inflows exceed present outflows by {p}.', 'Giá trị hiện tại của các khoản thu lớn hơn của các khoản chi {p}.', p=PCT(prj['bcr'] - 1, 0)) if prj['bcr'] >= 1 else f2('Present inflows fall short of present outflows by {p}.', 'Giá trị hiện tại của các khoản thu nhỏ hơn của các khoản chi {p}.', p=PCT(1 - prj['bcr'], 0)))],
  [P('Break-even volume', 'Sản lượng hòa vốn'), PP(PCT(prj['break_even_volume'])),
   PP(f2('If every revenue stream sold {p} less than planned, NPV would be zero: a thin margin.', 'Nếu mọi nguồn thu đều đạt sản lượng thấp hơn kế hoạch {p} thì NPV bằng 0: biên an toàn mỏng.', p=PCT(1 - prj['break_even_volume'])) if prj['break_even_volume'] < 1 else f2('Volumes could not fall at all before NPV turns negative.', 'Sản lượng không thể giảm mà NPV vẫn không âm.'))],
]
_eq_rows = [
  [P('Equity NPV at the cost of equity', 'NPV vốn chủ sở hữu theo chi phí vốn chủ sở hữu'), PP(BN(eqt['npv'])), PP(f2('Positive at {r}.', 'Dương khi chiết khấu {r}.', r=PCT(coe)) if eqt['npv'] >= 0 else f2('Negative at {r}.', 'Âm khi chiết khấu {r}.', r=PCT(coe)))],
  [P('Equity IRR', 'IRR vốn chủ sở hữu'), PP(PCT(eqt['irr'])),
   PP(f2('Above the {h} hurdle rate: leverage raises the investor\'s return above the FIRR.', 'Cao hơn tỷ suất sinh lời tối thiểu {h}: đòn bẩy tài chính làm lợi suất của nhà đầu tư cao hơn FIRR.', h=PCT(hurdle)) if eqt['irr'] > hurdle else f2('Below the {h} hurdle rate.', 'Thấp hơn tỷ suất sinh lời tối thiểu {h}.', h=PCT(hurdle)))],
  [P('Equity MIRR', 'MIRR vốn chủ sở hữu'), PP(PCT(eqt['mirr'])), PP(f2('At finance {f} and reinvestment {r}.', 'Với tỷ lệ tài trợ {f} và tỷ lệ tái đầu tư {r}.', f=PCT(fin), r=PCT(rein)))],
  [P('Minimum DSCR', 'DSCR tối thiểu'), PP(f2('{d} in {y}', '{d} năm {y}', d=R(dbt['dscr_min']), y=str(ym))),
   PP(f2('In {y} CFADS is {a} and debt service {b}: {a} / {b} = {d}, {cmp} the lender\'s {m}.', 'Năm {y} CFADS là {a} và nghĩa vụ trả nợ là {b}: {a} / {b} = {d}, {cmp} mức {m} của bên cho vay.',
         y=str(ym), a=BNN(cf_m), b=BNN(ds_m), d=R(dbt['dscr_min']), m=R(mindscr, 1), cmp=('above', 'cao hơn') if dbt['dscr_min'] >= mindscr else ('below', 'thấp hơn')))],
  [P('Average DSCR', 'DSCR bình quân'), PP(R(dbt['dscr_avg'])), PP(f2('Arithmetic mean over {a}–{b}, the years with debt service.', 'Bình quân số học của các năm {a}–{b}, các năm có trả nợ.', a=str(debt_years[0]), b=str(debt_years[-1])))],
  [P('LLCR', 'LLCR'), PP(R(dbt['llcr'])), PP(f2('CFADS until the last maturity is worth {l} times the debt at COD.', 'Giá trị hiện tại của CFADS đến năm đáo hạn cuối cùng bằng {l} lần dư nợ tại COD.', l=R(dbt['llcr'])))],
]
_dep_text = f2('The GPU servers ({life}-year life, declining balance, coefficient {coef}) cost {cost} once contingency, import duty and their share of capitalised IDC and fees are added. Depreciation in {y0}–{y1} is {amts} billion ₫: {rate} of the opening value for {n} years, then in {ys} {rate} of {open} ({db}) falls below {open} / {left} = {sl}, so the rest is spread evenly.',
               'Máy chủ GPU (thời gian sử dụng {life} năm, khấu hao theo số dư giảm dần, hệ số {coef}) có nguyên giá {cost} sau khi cộng dự phòng, thuế nhập khẩu và phần lãi vay, phí thu xếp vốn được vốn hóa phân bổ cho hạng mục. Mức khấu hao các năm {y0}–{y1} là {amts} tỷ đồng: {rate} giá trị còn lại đầu năm trong {n} năm đầu, sau đó năm {ys}, {rate} của {open} (tức {db}) thấp hơn {open} / {left} = {sl}, nên phần còn lại được chia đều.',
               life=str(_life), coef=R(_coef, 1), cost=BN(_cost), y0=str(YEARS[C]), y1=str(YEARS[C + _life - 1]), amts=_flows_list(_row), rate=PCT(_coef / _life),
               n=str(_switch), ys=str(YEARS[C + _switch]), open=BNN(_sw_open), db=BNN(_sw_open * _coef / _life), left=str(_life - _switch), sl=BNN(_sw_open / (_life - _switch)))
_X, _Yr = 4, 9
_hs_reason = (('which is also the fourth revenue year', 'cũng là năm thứ tư có doanh thu') if first_pos == hs == fr + 3 else
              ('the first year with positive assessable income', 'năm đầu tiên có thu nhập chịu thuế dương') if first_pos == hs else
              ('but the holiday starts no later than the fourth revenue year', 'nhưng thời gian miễn, giảm bắt đầu muộn nhất từ năm thứ tư có doanh thu'))
_tax_text = f2('Revenue starts in {fr}. Assessable income is negative in {negy} ({negv} billion ₫) and first positive in {fp}, {why}, so the holiday starts in {hs}: exempt in {hs}–{he}, 50 % off (5 % instead of 10 %) from {rs}. {exp}{first}',
               'Doanh thu bắt đầu từ năm {fr}. Thu nhập chịu thuế trước chuyển lỗ âm trong các năm {negy} ({negv} tỷ đồng) và lần đầu dương vào năm {fp}, {why}, nên thời gian miễn, giảm thuế bắt đầu từ năm {hs}: miễn thuế các năm {hs}–{he}, giảm 50 % (5 % thay vì 10 %) từ năm {rs}. {exp}{first}',
               fr=str(fr), negy=(', '.join(str(y) for y, _ in neg), ', '.join(str(y) for y, _ in neg)), negv=_flows_list([v for _, v in neg]), fp=str(first_pos), why=_hs_reason,
               hs=str(hs), he=str(hs + _X - 1), rs=str(hs + _X),
               exp=(f2('The losses are offset against later income; the {a} billion ₫ of the {y} loss still left after five years expires in {ye}. ', 'Các khoản lỗ được trừ vào thu nhập các năm sau; {a} tỷ đồng của khoản lỗ năm {y} chưa trừ hết sau năm năm không được chuyển tiếp từ năm {ye}. ',
                        a=BNN(TAX['loss-expired'][exp_t]), y=str(YEARS[exp_t] - 5), ye=str(YEARS[exp_t])) if exp_t is not None else ('', '')),
               first=(f2('Tax is first paid in {y}: {a}.', 'Thuế được nộp lần đầu vào năm {y}: {a}.', y=str(YEARS[tax_t]), a=BN(TAX['tax'][tax_t])) if tax_t is not None else ('No tax is paid.', 'Dự án không phải nộp thuế.')))
_state_text = f2('The state pays {sup} of capital support in {c0}–{c1} (the peak commitment, {peak}, falls in {py}) and receives import duty, CIT, {ben} of benefit sharing and, in {yl}, the assets transferred (book value {wo}). Its fiscal NPV at {soc} is {fnpv}: {meaning}. The economic flow gives an ENPV of {enpv}, an EIRR of {eirr} and an economic B/C of {ebcr}, driven by the external benefits the study quantifies.',
                 'Nhà nước chi {sup} vốn hỗ trợ xây dựng trong các năm {c0}–{c1} (nghĩa vụ chi cao nhất một năm là {peak} vào năm {py}) và thu thuế nhập khẩu, thuế TNDN, {ben} từ chia sẻ lợi ích và, vào năm {yl}, nhận tài sản chuyển giao (giá trị còn lại {wo}). NPV ngân sách theo tỷ lệ chiết khấu {soc} là {fnpv}: {meaning}. Dòng tiền kinh tế cho ENPV {enpv}, EIRR {eirr} và B/C kinh tế {ebcr}, chủ yếu nhờ các lợi ích ngoại ứng được báo cáo lượng hóa.',
                 sup=BN(inv['state_support']), c0=str(Y0), c1=str(Y0 + C - 1), peak=BN(st['peak_commitment']), py=str(st['peak_commitment_year']), ben=BN(J['sharing']['benefit_total']),
                 yl=str(YEARS[-1]), wo=BN(writeoff), soc=PCT(soc), fnpv=BN(st['fiscal_npv']),
                 meaning=('what the budget gains net of what it spends', 'ngân sách thu về nhiều hơn số đã chi') if st['fiscal_npv'] >= 0 else ('the net cost to the budget', 'chi phí ròng của ngân sách'),
                 enpv=BN(eco['enpv']), eirr=PCT(eco['eirr']), ebcr=R(eco['bcr']))
if not checks_bad:
    _checks_text = f2('All the checks pass: sources equal uses, the balance sheet balances, equity reaches the legal minimum, state capital is within the cap, no equity injection is needed, DSCR stays above {m} and the loans are repaid by {y}.',
                      'Mọi phép kiểm tra đều đạt: tổng nguồn bằng tổng sử dụng, bảng cân đối kế toán cân bằng, vốn chủ sở hữu đạt mức tối thiểu, vốn nhà nước không vượt mức trần, nhà đầu tư không phải góp thêm vốn, DSCR luôn cao hơn {m} và các khoản vay được trả hết trước năm {y}.',
                      m=R(mindscr, 1), y=str(debt_years[-1] + 1))
else:
    _codes = ', '.join(f'<code>{c["code"]}</code>' for c in checks_bad)
    _checks_text = f2('Some checks do not pass: {c}; see <link xref="troubleshooting#checks"/>.', 'Một số phép kiểm tra không đạt: {c}; xem <link xref="troubleshooting#checks"/>.', c=_codes)

page('worked-example', 'topic', ('Worked example: the smart-traffic sample', 'Ví dụ tính toán: báo cáo mẫu giao thông thông minh'),
     ('The figures of can-tho-smart-traffic.khathi, and how to check them by hand.',
      'Các chỉ tiêu của can-tho-smart-traffic.khathi và cách tự kiểm tra lại.'),
     ['index#figures'], extra_info='<link type="seealso" xref="indicators"/><link type="seealso" xref="financing-tax"/>', body=[
  PP(_intro),
  SCREEN('$ khathi-cli compute can-tho-smart-traffic.khathi\n'
         '$ khathi-cli compute can-tho-smart-traffic.khathi --table flows\n'
         '$ khathi-cli compute can-tho-smart-traffic.khathi --table depreciation\n'
         '$ khathi-cli compute can-tho-smart-traffic.khathi --table tax'),
  SECTION('investment', 'Total investment and its sources', 'Tổng mức đầu tư và cơ cấu nguồn vốn',
    TABLE([('Item', 'Khoản mục'), ('billion ₫', 'tỷ đồng')], _inv_rows)),
  SECTION('project', 'Project indicators', 'Các chỉ tiêu của dự án',
    PP(_flow_text),
    TABLE([('Indicator', 'Chỉ tiêu'), ('Value', 'Giá trị'), ('How to read it', 'Cách hiểu')], _prj_rows)),
  SECTION('equity-debt', 'Equity and debt', 'Vốn chủ sở hữu và vốn vay',
    TABLE([('Indicator', 'Chỉ tiêu'), ('Value', 'Giá trị'), ('How to read it', 'Cách hiểu')], _eq_rows)),
  SECTION('depreciation', 'Declining balance in the sample', 'Khấu hao theo số dư giảm dần trong báo cáo mẫu', PP(_dep_text)),
  SECTION('tax', 'Tax holiday and losses in the sample', 'Miễn giảm thuế và chuyển lỗ trong báo cáo mẫu', PP(_tax_text)),
  SECTION('state', 'The state and the economy', 'Nhà nước và nền kinh tế', PP(_state_text), PP(_checks_text)),
])

# ------------------------------------------------------------------ getting started
page('getting-started', 'topic', ('Get started with a sample study', 'Bắt đầu với một báo cáo mẫu'),
     ('Open one of the three Cần Thơ samples and read its overview and figures.',
      'Mở một trong ba báo cáo mẫu của Cần Thơ, xem phần tổng quan và các chỉ tiêu.'),
     ['index#start'], [
  P('Khả Thi comes with three complete sample studies for Cần Thơ city. They are the quickest way to see what a study holds and how the figures are computed:',
    'Khả Thi có sẵn ba báo cáo mẫu hoàn chỉnh của thành phố Cần Thơ. Đây là cách nhanh nhất để biết một báo cáo gồm những gì và các chỉ tiêu được tính ra sao:'),
  TERMS(
    ('<file>can-tho-smart-traffic.khathi</file>', '<file>can-tho-smart-traffic.khathi</file>',
     [P('An AI-camera smart traffic management platform, BTO form, 2 construction and 15 operation years. The <link xref="worked-example">worked example</link> uses its figures.',
        'Nền tảng điều hành giao thông thông minh sử dụng camera AI, hình thức BTO, 2 năm xây dựng và 15 năm vận hành. <link xref="worked-example">Ví dụ tính toán</link> dùng số liệu của báo cáo này.')]),
    ('<file>can-tho-health-records.khathi</file>', '<file>can-tho-health-records.khathi</file>',
     [P('Shared electronic health records, BTL form: the state pays availability payments.',
        'Hồ sơ sức khỏe điện tử dùng chung, hình thức BTL: Nhà nước thanh toán theo mức độ sẵn sàng của dịch vụ.')]),
    ('<file>can-tho-agri-uav.khathi</file>', '<file>can-tho-agri-uav.khathi</file>',
     [P('An agricultural UAV data service with a research and development phase, BOO form.',
        'Dịch vụ dữ liệu UAV (thiết bị bay không người lái) phục vụ nông nghiệp có giai đoạn nghiên cứu và phát triển, hình thức BOO.')]),
  ),
  SECTION('app', 'Open a sample in the application', 'Mở báo cáo mẫu trong ứng dụng',
    MEDIA('figures/start.png', 450, 'The start page: a new study, a study file, the appraiser\'s portfolio, and the samples.',
          'Trang bắt đầu: tạo báo cáo mới, mở tệp báo cáo, danh mục hồ sơ thẩm định và các báo cáo mẫu.'),
    STEPS(
      ('Start <app>Khả Thi</app>. The start page lists the sample studies.',
       'Khởi động <app>Khả Thi</app>. Trang bắt đầu liệt kê các báo cáo mẫu.'),
      ('Click a sample to open it, or press <keyseq><key>Ctrl</key><key>O</key></keyseq> to open any <file>.khathi</file> file. You can also drag a file onto the window.',
       'Nhấn vào một báo cáo mẫu để mở, hoặc nhấn <keyseq><key>Ctrl</key><key>O</key></keyseq> để mở một tệp <file>.khathi</file> bất kỳ. Bạn cũng có thể kéo tệp thả vào cửa sổ.'),
      ('The overview shows the project and its proposer, the timeline and a summary of each section of the study.',
       'Trang tổng quan hiển thị thông tin dự án và nhà đầu tư đề xuất, tiến độ và tóm tắt từng phần của báo cáo.'),
      ('Select <gui>Results</gui> at the bottom of the sidebar: the key indicators against their thresholds, the statements, the charts and the simulation (<link xref="results"/>). Change an input in another section, the investment for example, and watch the figures follow.',
       'Chọn <gui>Kết quả</gui> ở cuối thanh bên: các chỉ tiêu chính so với ngưỡng đánh giá, các báo cáo tài chính, các biểu đồ và mô phỏng (<link xref="results"/>). Hãy thử sửa một dữ liệu đầu vào ở phần khác, chẳng hạn tổng mức đầu tư, và theo dõi các chỉ tiêu thay đổi theo.'),
      ('Select <gui>Report</gui> to export the feasibility study as a PDF (<link xref="reports#app"/>). Close the sample without saving to keep it as it was.',
       'Chọn <gui>Báo cáo</gui> để xuất báo cáo nghiên cứu khả thi ra tệp PDF (<link xref="reports#app"/>). Đóng báo cáo mẫu mà không lưu để giữ nguyên báo cáo mẫu.'),
    ),
    P('An appraising department starts instead with <gui>Appraise Submissions…</gui>, which opens the portfolio of the studies it received: see <link xref="portfolio"/>.',
      'Cơ quan thẩm định bắt đầu bằng <gui>Thẩm định hồ sơ…</gui> để mở danh mục các báo cáo đã nhận: xem <link xref="portfolio"/>.'),
    P('If a file cannot be read, a dialog names the file and the line of the problem. See <link xref="troubleshooting"/>.',
      'Nếu không đọc được tệp, hộp thoại sẽ nêu tên tệp và dòng có lỗi. Xem <link xref="troubleshooting"/>.'),
    P('To prepare a study of your own, see <link xref="edit-study"/>.',
      'Để lập báo cáo của riêng bạn, xem <link xref="edit-study"/>.'),
    P('Other shortcuts: <keyseq><key>Ctrl</key><key>N</key></keyseq> starts a new study, <keyseq><key>Ctrl</key><key>Shift</key><key>N</key></keyseq> opens a new window, <keyseq><key>Ctrl</key><key>W</key></keyseq> closes it, <keyseq><key>Ctrl</key><key>Q</key></keyseq> quits, <key>F1</key> opens the help of what the window shows, <keyseq><key>Ctrl</key><key>?</key></keyseq> lists all shortcuts.',
      'Các phím tắt khác: <keyseq><key>Ctrl</key><key>N</key></keyseq> tạo báo cáo mới, <keyseq><key>Ctrl</key><key>Shift</key><key>N</key></keyseq> mở cửa sổ mới, <keyseq><key>Ctrl</key><key>W</key></keyseq> đóng cửa sổ, <keyseq><key>Ctrl</key><key>Q</key></keyseq> thoát, <key>F1</key> mở phần trợ giúp của nội dung đang hiển thị, <keyseq><key>Ctrl</key><key>?</key></keyseq> liệt kê mọi phím tắt.'),
  ),
  SECTION('cli', 'Compute a sample from the command line', 'Tính toán báo cáo mẫu bằng dòng lệnh',
    P('The samples are installed in <file>/usr/share/khathi/samples/</file> (or under the prefix you installed to). Check a sample, then compute it:',
      'Các báo cáo mẫu được cài vào <file>/usr/share/khathi/samples/</file> (hoặc trong thư mục cài đặt bạn đã chọn). Kiểm tra một báo cáo mẫu rồi tính toán:'),
    SCREEN('$ khathi-cli validate /usr/share/khathi/samples/can-tho-smart-traffic.khathi\n'
           '$ khathi-cli show /usr/share/khathi/samples/can-tho-smart-traffic.khathi\n'
           '$ khathi-cli compute /usr/share/khathi/samples/can-tho-smart-traffic.khathi'),
    PP(f2('<cmd>compute</cmd> prints the total investment and its sources, the project, equity, debt, state and economic indicators, and the result of every check. For example, the smart-traffic study has a total investment of {ti}, a project NPV at WACC of {npv} and a FIRR of {firr}.',
      '<cmd>compute</cmd> in ra tổng mức đầu tư và cơ cấu nguồn vốn, các chỉ tiêu của dự án, của vốn chủ sở hữu, của khoản vay, của ngân sách nhà nước và hiệu quả kinh tế, cùng kết quả của từng phép kiểm tra. Ví dụ, báo cáo giao thông thông minh có tổng mức đầu tư {ti}, NPV của dự án theo WACC là {npv} và FIRR là {firr}.', **WX)),
    P('To start a study of your own, create an empty one with <cmd>khathi-cli new</cmd>; see <link xref="command-line"/> and <link xref="study-sections"/>.',
      'Để lập báo cáo của riêng bạn, tạo một báo cáo trống bằng <cmd>khathi-cli new</cmd>; xem <link xref="command-line"/> và <link xref="study-sections"/>.'),
  ),
])

# ------------------------------------------------------------------ PPP forms
def FORM(code, en_name, vi_name, en, vi):
    return (f'{code}: {en_name}', f'{code}: {vi_name}', [P(en, vi)])

page('ppp-forms', 'topic', ('PPP forms and when each fits', 'Các hình thức PPP và trường hợp áp dụng'),
     ('The contract forms of the PPP Law and Decree 180, who pays the project company, and how each form is modelled.',
      'Các loại hợp đồng theo Luật PPP và Nghị định 180, bên thanh toán cho doanh nghiệp dự án và cách mô hình hóa từng hình thức.'),
     ['index#law'], [
  P('Decree 180/2025/NĐ-CP Art. 3(4) guides the choice of form for science, technology, innovation and digital transformation projects:',
    'Khoản 4 Điều 3 Nghị định 180/2025/NĐ-CP hướng dẫn lựa chọn hình thức đối với dự án khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số:'),
  ITEMS(
    ('Basic research, or applied research not yet finished, with a high risk that it cannot be commercialised: prefer ordering or sponsorship of S&amp;T tasks.',
     'Nghiên cứu cơ bản, hoặc nghiên cứu ứng dụng chưa hoàn thiện, có rủi ro cao không thương mại hóa được: ưu tiên đặt hàng, tài trợ nhiệm vụ KH&amp;CN.'),
    ('New or upgraded assets, with or without research and development: a PPP contract (BOT, BTO, BOO, BTL, BLT, O&amp;M, hybrid) or three-party cooperation.',
     'Đầu tư tài sản mới hoặc nâng cấp tài sản, có hoặc không có nghiên cứu và phát triển: hợp đồng PPP (BOT, BTO, BOO, BTL, BLT, O&amp;M, hợp đồng hỗn hợp) hoặc hợp tác ba bên.'),
    ('Existing public assets used for research or commercialisation: a joint venture using public assets, or three-party cooperation.',
     'Sử dụng tài sản công hiện có cho nghiên cứu hoặc thương mại hóa: liên doanh, liên kết sử dụng tài sản công, hoặc hợp tác ba bên.'),
  ),
  P('The eligible fields (Art. 2) are high and strategic technology and their infrastructure, digital infrastructure, shared digital platforms, training of the digital-technology workforce, and other technologies, products and services for S&amp;T, innovation and digital transformation.',
    'Các lĩnh vực được đầu tư (Điều 2) gồm công nghệ cao, công nghệ chiến lược và hạ tầng KH&amp;CN của chúng, hạ tầng số, nền tảng số dùng chung, đào tạo nhân lực công nghệ số, và các công nghệ, sản phẩm, dịch vụ khác phục vụ KH&amp;CN, đổi mới sáng tạo và chuyển đổi số.'),
  TERMS(
    FORM('BOT', 'build–operate–transfer', 'xây dựng – kinh doanh – chuyển giao',
         'The investor builds, is paid by users for the term, then transfers the assets free of charge. Revenue upside and downside sharing both apply.',
         'Nhà đầu tư xây dựng, thu tiền của người sử dụng trong thời hạn hợp đồng, sau đó chuyển giao tài sản không bồi hoàn. Áp dụng cả chia sẻ phần tăng và phần giảm doanh thu.'),
    FORM('BTO', 'build–transfer–operate', 'xây dựng – chuyển giao – kinh doanh',
         'The investor builds and transfers the assets on completion, then operates them for the term and is paid by users. Upside and downside sharing apply. The smart-traffic sample is a BTO.',
         'Nhà đầu tư xây dựng và chuyển giao tài sản khi hoàn thành, sau đó kinh doanh trong thời hạn hợp đồng và thu tiền của người sử dụng. Áp dụng chia sẻ phần tăng và phần giảm doanh thu. Báo cáo mẫu giao thông thông minh là dự án BTO.'),
    FORM('BOO', 'build–own–operate', 'xây dựng – sở hữu – kinh doanh',
         'The investor owns the assets; the model keeps a terminal value (book value or salvage value) for the investor at the end. Upside and downside sharing apply.',
         'Nhà đầu tư sở hữu tài sản; mô hình giữ lại giá trị còn lại (giá trị sổ sách hoặc giá trị thu hồi) cho nhà đầu tư khi kết thúc. Áp dụng chia sẻ phần tăng và phần giảm doanh thu.'),
    FORM('BTL', 'build–transfer–lease', 'xây dựng – chuyển giao – thuê dịch vụ',
         'The state pays the project company availability payments, less deductions for poor performance. Only upside sharing applies. Fits services the state buys, such as shared health records.',
         'Nhà nước thanh toán cho doanh nghiệp dự án theo mức độ sẵn sàng của dịch vụ, có giảm trừ khi chất lượng không đạt. Chỉ áp dụng chia sẻ phần tăng doanh thu. Phù hợp với dịch vụ do Nhà nước mua, chẳng hạn hồ sơ sức khỏe dùng chung.'),
    FORM('BLT', 'build–lease–transfer', 'xây dựng – thuê dịch vụ – chuyển giao',
         'Like BTL, but the assets are leased during the term and transferred at its end.',
         'Tương tự BTL, nhưng tài sản được cho thuê trong thời hạn hợp đồng và chuyển giao khi kết thúc.'),
    FORM('BT', 'build–transfer', 'xây dựng – chuyển giao',
         'The state pays once on completion: the settled value plus interest and a reasonable profit. Modelled with one operation year and one state payment.',
         'Nhà nước thanh toán một lần khi hoàn thành: giá trị quyết toán cộng lãi vay và lợi nhuận hợp lý. Được mô hình hóa với một năm vận hành và một khoản thanh toán của Nhà nước.'),
    FORM('O&amp;M', 'operation and management', 'kinh doanh – quản lý',
         'The investor operates existing state assets with little capex; paid by users or the state. Only upside sharing applies.',
         'Nhà đầu tư kinh doanh, quản lý tài sản hiện có của Nhà nước với ít chi phí đầu tư; được người sử dụng hoặc Nhà nước thanh toán. Chỉ áp dụng chia sẻ phần tăng doanh thu.'),
    FORM('Ordering', 'ordering or sponsorship of S&amp;T tasks', 'đặt hàng, tài trợ nhiệm vụ KH&amp;CN',
         'Decree 180 Art. 22: the state pays grants by milestone for research tasks. Results belong as agreed.',
         'Điều 22 Nghị định 180: Nhà nước cấp kinh phí theo từng mốc cho nhiệm vụ nghiên cứu. Kết quả thuộc về các bên theo thỏa thuận.'),
    FORM('Three-party', 'three-party cooperation', 'hợp tác ba bên',
         'The state, an S&amp;T organisation and an enterprise each contribute (their shares are in the contract terms) and share the benefits of commercialised results.',
         'Nhà nước, tổ chức KH&amp;CN và doanh nghiệp cùng đóng góp (tỷ lệ ghi trong điều khoản hợp đồng) và chia sẻ lợi ích từ kết quả được thương mại hóa.'),
    FORM('Public-asset JV', 'joint venture using public assets', 'liên doanh, liên kết sử dụng tài sản công',
         'Decree 180 Ch. III: the enterprise brings capital, technology and operation; public assets are contributed at their valuation.',
         'Chương III Nghị định 180: doanh nghiệp góp vốn, công nghệ và vận hành; tài sản công được góp theo giá trị định giá.'),
  ),
  P('Two-phase projects (Art. 14(2)–(3)) have a research and technology development phase, then application and commercialisation. Model the first phase with R&amp;D risk acceptance (see <link xref="risk-sharing"/>).',
    'Dự án hai giai đoạn (khoản 2, 3 Điều 14) gồm giai đoạn nghiên cứu, phát triển công nghệ, sau đó là giai đoạn ứng dụng và thương mại hóa. Mô hình hóa giai đoạn đầu bằng cơ chế chấp nhận rủi ro nghiên cứu và phát triển (xem <link xref="risk-sharing"/>).'),
  P('The lifecycle: proposal, feasibility study, appraisal, approval, investor selection (open bidding, or direct appointment in the cases of Decree 180 Art. 13), contract, construction, operation, transfer or termination and final settlement.',
    'Trình tự thực hiện: đề xuất dự án, lập báo cáo nghiên cứu khả thi, thẩm định, phê duyệt, lựa chọn nhà đầu tư (đấu thầu rộng rãi, hoặc chỉ định nhà đầu tư trong các trường hợp của Điều 13 Nghị định 180), ký hợp đồng, xây dựng, vận hành, chuyển giao hoặc chấm dứt hợp đồng và quyết toán.'),
])

# ------------------------------------------------------------------ risk sharing
page('risk-sharing', 'topic', ('Risk sharing, guarantees and incentives', 'Chia sẻ rủi ro, bảo đảm đầu tư và ưu đãi đầu tư'),
     ('The revenue sharing band, the minimum revenue and foreign-currency guarantees, R&amp;D risk acceptance, the risk register and tax incentives.',
      'Cơ chế chia sẻ phần tăng, giảm doanh thu, bảo đảm doanh thu tối thiểu và bảo đảm cân đối ngoại tệ, chấp nhận rủi ro nghiên cứu và phát triển, ma trận phân bổ rủi ro và ưu đãi thuế.'),
     ['index#law'], [
  SECTION('band', 'Revenue upside and downside sharing', 'Cơ chế chia sẻ phần tăng, giảm doanh thu',
    P('PPP Law Art. 82 shares a gap between actual and planned user revenue. <var>P</var><sub>t</sub> is the user revenue of the approved base case (stored with the study, never recomputed by a scenario), <var>A</var><sub>t</sub> the actual user revenue. With thresholds <var>L</var> and <var>U</var> and shares <var>s</var><sub>down</sub>, <var>s</var><sub>up</sub>:',
      'Điều 82 Luật PPP quy định chia sẻ phần chênh lệch giữa doanh thu thực tế và doanh thu trong phương án tài chính. <var>P</var><sub>t</sub> là doanh thu từ người sử dụng trong phương án được phê duyệt (lưu cùng báo cáo, không bao giờ được tính lại theo kịch bản), <var>A</var><sub>t</sub> là doanh thu thực tế. Với các ngưỡng <var>L</var>, <var>U</var> và tỷ lệ chia sẻ <var>s</var><sub>giảm</sub>, <var>s</var><sub>tăng</sub>:'),
    SCREENT('state pays    = s_down × max(0, L·P_t − A_t)\ninvestor pays = s_up   × max(0, A_t − U·P_t)',
            'Nhà nước trả    = s_giảm × max(0, L·P_t − A_t)\nnhà đầu tư trả  = s_tăng × max(0, A_t − U·P_t)'),
    ITEMS(
      ('Defaults: <var>L</var> = 75 %, <var>U</var> = 125 %, both shares 50 % (Art. 82, 2020 text). After Law 90/2025/QH15 the bands are negotiable: downside trigger 75–90 %, upside trigger 110–125 %.',
       'Mặc định: <var>L</var> = 75 %, <var>U</var> = 125 %, cả hai tỷ lệ chia sẻ 50 % (Điều 82, văn bản năm 2020). Sau Luật 90/2025/QH15, các ngưỡng được thỏa thuận: ngưỡng giảm 75–90 %, ngưỡng tăng 110–125 %.'),
      ('Downside sharing applies only to BOT, BTO and BOO, and only when the shortfall is caused by changes of planning, policy or law, after tariff and term adjustments. Upside sharing applies to BOT, BTO, BOO, BTL, BLT and O&amp;M.',
       'Chia sẻ phần giảm doanh thu chỉ áp dụng cho BOT, BTO và BOO, và chỉ khi doanh thu giảm do thay đổi quy hoạch, chính sách, pháp luật, sau khi đã điều chỉnh giá, phí và thời hạn hợp đồng. Chia sẻ phần tăng doanh thu áp dụng cho BOT, BTO, BOO, BTL, BLT và O&amp;M.'),
      ('S&amp;T projects in operation years 1–3: no upside sharing, and the state may share up to 100 % of any shortfall below plan (draft rule, status D).',
       'Dự án KH&amp;CN trong 3 năm vận hành đầu: không chia sẻ phần tăng doanh thu, Nhà nước có thể chia sẻ đến 100 % phần hụt so với phương án (theo dự thảo, trạng thái D).'),
      ('Annual and total caps limit the state\'s payments. The model applies the mechanism as if its legal conditions were met; the appraisal must check that they are.',
       'Mức trần hằng năm và mức trần tổng giới hạn các khoản chi của Nhà nước. Mô hình áp dụng cơ chế như thể các điều kiện pháp lý đã được đáp ứng; khi thẩm định cần kiểm tra các điều kiện đó.'),
    ),
  ),
  SECTION('guarantees', 'Guarantees and R&amp;D risk', 'Bảo đảm đầu tư và rủi ro nghiên cứu',
    TERMS(
      ('Minimum revenue guarantee', 'Bảo đảm doanh thu tối thiểu', [P('The state tops actual user revenue up to a stated share of plan revenue.',
        'Nhà nước bù phần doanh thu thực tế từ người sử dụng còn thiếu so với một tỷ lệ nhất định của doanh thu trong phương án.')]),
      ('Foreign-currency guarantee (bảo đảm cân đối ngoại tệ)', 'Bảo đảm cân đối ngoại tệ', [P('For the share of debt service in foreign currency: a base exchange rate, a yearly depreciation of the đồng, and the band of depreciation the investor bears; the state bears the conversion loss beyond it (PPP Law Art. 81).',
        'Áp dụng cho phần nghĩa vụ trả nợ bằng ngoại tệ: tỷ giá cơ sở, tốc độ mất giá hằng năm của đồng Việt Nam và biên độ mất giá do nhà đầu tư chịu; phần tổn thất chuyển đổi vượt biên độ do Nhà nước chịu (Điều 81 Luật PPP).')]),
      ('R&amp;D risk acceptance (chấp nhận rủi ro)', 'Chấp nhận rủi ro nghiên cứu và phát triển', [P('A research phase with a probability of success; on failure the project stops after that phase and the sunk cost is shared in the agreed proportion. State R&amp;D money used correctly is not refunded (S&amp;T and Innovation Law 93/2025/QH15 Art. 9(3)).',
        'Giai đoạn nghiên cứu có xác suất thành công; nếu thất bại, dự án dừng sau giai đoạn đó và chi phí đã bỏ ra được chia sẻ theo tỷ lệ thỏa thuận. Kinh phí nhà nước cho nghiên cứu được sử dụng đúng quy định thì không phải hoàn trả (khoản 3 Điều 9 Luật Khoa học, công nghệ và đổi mới sáng tạo 93/2025/QH15).')]),
    ),
    P('Every payout is a state outflow in the fiscal cash flow and an inflow of the investor.',
      'Mọi khoản chi trả là khoản chi của Nhà nước trong dòng tiền ngân sách và là khoản thu của nhà đầu tư.'),
  ),
  SECTION('register', 'The risk register', 'Ma trận phân bổ rủi ro',
    P('Each risk is borne by the state, the investor or shared. The usual allocation, against which an appraiser compares the register: R&amp;D failure shared; market and demand on the investor (with the Art. 82 bands); change of planning, policy or law on the state or shared; foreign exchange shared; capex overrun, delay, operations and service levels, obsolescence, cybersecurity and personal data protection on the investor; access to state data, land and site and state payments on the state; force majeure and early termination shared. Explain any deviation in the justification of the risk.',
      'Mỗi rủi ro do Nhà nước, nhà đầu tư hoặc hai bên cùng chịu. Cách phân bổ thông thường để người thẩm định đối chiếu: rủi ro nghiên cứu thất bại do hai bên cùng chịu; rủi ro thị trường và nhu cầu do nhà đầu tư chịu (kèm cơ chế của Điều 82); thay đổi quy hoạch, chính sách, pháp luật do Nhà nước chịu hoặc hai bên cùng chịu; rủi ro tỷ giá do hai bên cùng chịu; vượt chi phí đầu tư, chậm tiến độ, vận hành và chất lượng dịch vụ, lạc hậu công nghệ, an ninh mạng và bảo vệ dữ liệu cá nhân do nhà đầu tư chịu; tiếp cận dữ liệu nhà nước, đất đai và mặt bằng, thanh toán của Nhà nước do Nhà nước chịu; bất khả kháng và chấm dứt hợp đồng trước hạn do hai bên cùng chịu. Hãy giải thích mọi khác biệt trong phần lý do của rủi ro.'),
  ),
  SECTION('incentives', 'Investment incentives (ưu đãi đầu tư)', 'Ưu đãi đầu tư',
    ITEMS(
      ('CIT: preferential 10 % with 4 years exempt and 9 years at 50 %; 17 % with 2 + 4; innovative start-up 2 + 4 (see <link xref="financing-tax#tax"/>).',
       'Thuế TNDN: thuế suất ưu đãi 10 %, miễn 4 năm và giảm 50 % trong 9 năm; thuế suất 17 %, miễn 2 năm và giảm 4 năm; doanh nghiệp khởi nghiệp sáng tạo, miễn 2 năm và giảm 4 năm (xem <link xref="financing-tax#tax"/>).'),
      ('R&amp;D costs deducted at 200 % (Resolution 198/2025/QH15 Art. 12); exempt S&amp;T income for up to 3 years (CIT Law Art. 4).',
       'Chi phí nghiên cứu và phát triển được trừ 200 % (Điều 12 Nghị quyết 198/2025/QH15); thu nhập từ hoạt động KH&amp;CN được miễn thuế tối đa 3 năm (Điều 4 Luật Thuế TNDN).'),
      ('Import duty exemption for equipment used directly for S&amp;T, innovation and digital transformation (draft law): the project\'s duty exemption switch.',
       'Miễn thuế nhập khẩu đối với thiết bị dùng trực tiếp cho KH&amp;CN, đổi mới sáng tạo và chuyển đổi số (theo dự thảo luật): tùy chọn miễn thuế nhập khẩu của dự án.'),
      ('Land rent exemption: no legal basis was found for S&amp;T PPP; enter the exempt years as a project parameter.',
       'Miễn tiền thuê đất: chưa tìm thấy căn cứ pháp lý riêng cho PPP KH&amp;CN; nhập số năm được miễn như một tham số của dự án.'),
    ),
  ),
])

# ------------------------------------------------------------------ legal rules
import xml.etree.ElementTree as _ET
_NS = {'r': 'https://khathi.github.io/ns/rules/1'}
_XL = '{http://www.w3.org/XML/1998/namespace}lang'
BASIS_VI = {
  'CIT Law 67/2025/QH15': 'Luật Thuế TNDN 67/2025/QH15',
  'CIT Law 67/2025/QH15 Art. 10': 'Điều 10 Luật Thuế TNDN 67/2025/QH15',
  'CIT Law 67/2025/QH15 Art. 10(2)': 'Khoản 2 Điều 10 Luật Thuế TNDN 67/2025/QH15',
  'CIT Law 67/2025/QH15 Art. 4': 'Điều 4 Luật Thuế TNDN 67/2025/QH15',
  'CIT Law 67/2025; Decree 320/2025/NĐ-CP': 'Luật Thuế TNDN 67/2025; Nghị định 320/2025/NĐ-CP',
  'CIT Law 67/2025; Decree 320/2025/NĐ-CP Art. 20': 'Luật Thuế TNDN 67/2025; Điều 20 Nghị định 320/2025/NĐ-CP',
  'Circular 45/2013/TT-BTC': 'Thông tư 45/2013/TT-BTC',
  'Decree 320/2025/NĐ-CP Arts 18–19': 'Điều 18–19 Nghị định 320/2025/NĐ-CP',
  'Investment Law Art. 44': 'Điều 44 Luật Đầu tư',
  'PPP Law 64/2020/QH14 Art. 69': 'Điều 69 Luật PPP 64/2020/QH14',
  'PPP Law 64/2020/QH14 Art. 77': 'Điều 77 Luật PPP 64/2020/QH14',
  'PPP Law 64/2020/QH14 Art. 77 (base unclear)': 'Điều 77 Luật PPP 64/2020/QH14 (chưa rõ cơ sở tính)',
  'PPP Law 64/2020/QH14 Art. 82(1)': 'Khoản 1 Điều 82 Luật PPP 64/2020/QH14',
  'PPP Law 64/2020/QH14 Art. 82(2)': 'Khoản 2 Điều 82 Luật PPP 64/2020/QH14',
  'PPP Law Art. 69(2a) as amended (press reports: S&T projects)': 'Điểm a khoản 2 Điều 69 Luật PPP sửa đổi (theo báo chí: dự án KH&CN)',
  'PPP Law Art. 82 as amended (S&T PPP)': 'Điều 82 Luật PPP sửa đổi (PPP KH&CN)',
  'PPP Law Art. 82 as amended by Law 90/2025/QH15': 'Điều 82 Luật PPP sửa đổi bởi Luật 90/2025/QH15',
  'Resolution 198/2025/QH15 Art. 10': 'Điều 10 Nghị quyết 198/2025/QH15',
  'Resolution 198/2025/QH15 Art. 12': 'Điều 12 Nghị quyết 198/2025/QH15',
  'not found (practice)': 'chưa tìm thấy (thông lệ)',
}
def _warn_same(msg, value):
    WARNINGS.append(msg)
    return value

def _esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
def _fmt_value(v, unit):
    x = float(v)
    if unit == 'share':
        pct = f'{x*100:g} %'
        return pct, pct.replace('.', ',')
    if unit == 'switch':
        return ('yes', 'có') if x else ('no', 'không')
    if unit == 'years':
        return f'{x:g} years', f'{x:g} năm'
    if unit == 'VND':
        en = f'{x:,.0f} ₫'
        return en, en.replace(',', '.')
    return f'{x:g}', f'{x:g}'.replace('.', ',')

def rules_table():
    root = _ET.parse(os.path.join(ROOT, 'data', 'rules', 'vn-2025-11.xml')).getroot()
    rows = []; switches = []
    for p in root.findall('r:param', _NS):
        key = p.get('key')
        if key.startswith(('band.downside.', 'band.upside.')):
            switches.append(p); continue
        lab = {l.get(_XL): l.text for l in p.findall('r:label', _NS)}
        basis = p.find('r:basis', _NS).text
        ven, vvi = _fmt_value(p.find('r:value', _NS).text, p.get('unit'))
        neg = p.get('negotiable') == 'true'
        rows.append([CODEP(key), PSOFT(_esc(lab['en']), _esc(lab['vi'])), P(ven, vvi),
                     P(p.get('status') + (', negotiable' if neg else ''), p.get('status') + (', được thỏa thuận' if neg else '')),
                     P(_esc(basis), _esc(BASIS_VI.get(basis) or _warn_same('legal basis without Vietnamese (add it to BASIS_VI): ' + basis, basis)))])
    tbl = TABLE([('Key', 'Khóa'), ('Parameter', 'Tham số'), ('Value', 'Giá trị'), ('Status', 'Trạng thái'), ('Legal basis', 'Căn cứ pháp lý')], rows)
    down = [p.get('key').split('.')[-1].upper() for p in switches if p.get('key').startswith('band.downside.') and float(p.find('r:value', _NS).text)]
    up = [p.get('key').split('.')[-1].upper() for p in switches if p.get('key').startswith('band.upside.') and float(p.find('r:value', _NS).text)]
    down = ', '.join(down); up = ', '.join(up).replace('OM', 'O&amp;M')
    note = P(f'The switches <code>band.downside.FORM</code> and <code>band.upside.FORM</code> (PPP Law 64/2020/QH14 Art. 82, status Y) say which forms share revenue: downside sharing for {down}; upside sharing for {up}.',
             f'Các khóa <code>band.downside.FORM</code> và <code>band.upside.FORM</code> (Điều 82 Luật PPP 64/2020/QH14, trạng thái Y) xác định hình thức nào được chia sẻ doanh thu: chia sẻ phần giảm doanh thu với {down}; chia sẻ phần tăng doanh thu với {up}.')
    return tbl, note

_rt, _rn = rules_table()
page('legal-rules', 'topic', ('The legal rule set', 'Bộ quy định pháp lý'),
     ('Legal parameters are data with their citation: the rule set vn-2025-11, its status letters and negotiated values.',
      'Các tham số pháp lý là dữ liệu kèm căn cứ: bộ quy định vn-2025-11, ý nghĩa các mức trạng thái và giá trị được thỏa thuận.'),
     ['index#law'], [
  P('Laws change and several texts were not available in full, so no legal figure is written into the program. Every rate, number of years, threshold, cap and switch comes from a versioned rule set installed in <file>rules/</file> of the data folder. A study records the rule set it was built with in <code>&lt;rule-set&gt;</code>; an appraiser can switch rule sets to see the effect of a newer law.',
    'Pháp luật thay đổi và một số văn bản chưa có toàn văn, nên không có số liệu pháp lý nào được viết cố định trong chương trình. Mọi thuế suất, số năm, ngưỡng, mức trần và tùy chọn đều lấy từ một bộ quy định có đánh số phiên bản, được cài trong thư mục <file>rules/</file> của thư mục dữ liệu. Mỗi báo cáo ghi bộ quy định được dùng trong <code>&lt;rule-set&gt;</code>; người thẩm định có thể đổi bộ quy định để xem tác động của văn bản pháp luật mới hơn.'),
  P('Each value has a status: <em>Y</em> the legal text was read; <em>S</em> a secondary source (official summary, legal Q&amp;A) cites it; <em>D</em> only in a draft of the law; <em>U</em> unverified practice. Treat D and U values as assumptions to confirm.',
    'Mỗi giá trị có một mức trạng thái: <em>Y</em> đã đọc văn bản pháp luật; <em>S</em> được nguồn thứ cấp (bản tóm tắt chính thức, giải đáp pháp luật) trích dẫn; <em>D</em> mới có trong dự thảo; <em>U</em> thông lệ chưa được kiểm chứng. Các giá trị D và U cần được coi là giả định và phải xác nhận lại.'),
  SECTION('vn-2025-11', 'Rule set vn-2025-11 (valid from 1 November 2025)', 'Bộ quy định vn-2025-11 (hiệu lực từ ngày 01/11/2025)',
    P('PPP in science, technology and digital transformation: Decree 180/2025/NĐ-CP, the PPP Law as amended in 2025, CIT Law 67/2025.',
      'PPP trong khoa học, công nghệ và chuyển đổi số: Nghị định 180/2025/NĐ-CP, Luật PPP sửa đổi năm 2025, Luật Thuế TNDN 67/2025.'),
    _rt, _rn),
  SECTION('overrides', 'Negotiated values', 'Giá trị thỏa thuận',
    P('Where the law leaves a value to negotiation (marked negotiable above), a study may override it in <code>&lt;legal&gt;&lt;overrides&gt;</code> with a justification, for example a revenue band of 80 % – 115 % agreed in the contract. The validation rejects an override of a value fixed by law, an unknown key, and a value outside the range the rule set allows.',
      'Khi pháp luật cho phép thỏa thuận một giá trị (được đánh dấu “được thỏa thuận” ở trên), báo cáo có thể điều chỉnh giá trị đó trong <code>&lt;legal&gt;&lt;overrides&gt;</code> kèm lý do, ví dụ ngưỡng chia sẻ doanh thu 80 % – 115 % theo hợp đồng. Bước kiểm tra sẽ từ chối việc điều chỉnh giá trị do pháp luật quy định cố định, khóa không tồn tại và giá trị nằm ngoài phạm vi bộ quy định cho phép.'),
  ),
])

# The JSON keys documented on the command-line page; a key the engine adds is reported.
DOC_JSON = {
  'investment': {'capex', 'contingency', 'duty', 'idc', 'fees', 'state_support', 'equity', 'debt'},
  'project': {'npv', 'irr', 'irrs', 'irr_status', 'mirr', 'payback', 'discounted_payback', 'bcr', 'break_even_volume', 'flows'},
  'equity': {'npv', 'irr', 'irrs', 'irr_status', 'mirr', 'flows'},
  'debt': {'dscr_min', 'dscr_min_year', 'dscr_avg', 'llcr', 'dscr'},
  'tax': {'first_revenue_year', 'holiday_start', 'holiday_start_no_debt'},
  'state': {'fiscal_npv', 'peak_commitment', 'peak_commitment_year', 'flows', 'outlays_pv', 'receipts_pv', 'public_assets', 'institute_contribution', 'items'},
  'economic': {'enpv', 'eirr', 'eirrs', 'eirr_status', 'bcr', 'flows'},
}
_top = {'start_year', 'construction_years', 'operation_years', 'total_investment', 'sharing', 'rd_risk', 'vfm', 'checks'} | set(DOC_JSON)
for _k in sorted(set(J) - _top):
    WARNINGS.append('compute --json has an undocumented key: ' + _k)
for _k, _sub in DOC_JSON.items():
    for _x in sorted(set(J.get(_k) or {}) - _sub):
        WARNINGS.append(f'compute --json has an undocumented key: {_k}.{_x}')

# ------------------------------------------------------------------ command line
def JKEY(key, en, vi):
    return (f'<code>{key}</code>', f'<code>{key}</code>', [P(en, vi)])

page('command-line', 'topic', ('The command-line tool', 'Công cụ dòng lệnh'),
     ('khathi-cli: every command, with examples, exit status and the JSON keys.',
      'khathi-cli: mọi lệnh, kèm ví dụ, mã thoát và các khóa JSON.'),
     ['index#tools'], [
  P('<cmd>khathi-cli</cmd> uses the same engine and rule sets as the application, for batch work, scripts and checks. Run <cmd>khathi-cli <var>COMMAND</var> --help</cmd> for the options of a command. Messages follow the language of your session (<cmd>LANGUAGE=vi</cmd> for Vietnamese).',
    '<cmd>khathi-cli</cmd> dùng cùng bộ máy tính toán và bộ quy định như ứng dụng, phục vụ xử lý hàng loạt, viết kịch bản và kiểm tra. Chạy <cmd>khathi-cli <var>LỆNH</var> --help</cmd> để xem các tùy chọn của một lệnh. Thông báo hiển thị theo ngôn ngữ của phiên làm việc (<cmd>LANGUAGE=vi</cmd> để dùng tiếng Việt).'),
  SECTION('validate', 'validate: check study files', 'validate: kiểm tra tệp báo cáo',
    SCREEN('$ khathi-cli validate [-q] FILE…'),
    P('Reads each file and checks it against the format and the rules of <link xref="troubleshooting"/>. Problems go to standard error as <code>FILE:LINE: message [where]</code>, warnings with the word “warning”; <cmd>-q</cmd> prints errors only. Exit status 0 if every file is valid, 1 if any is invalid, 2 for usage or input/output errors.',
      'Đọc từng tệp và kiểm tra theo định dạng và các quy tắc nêu trong <link xref="troubleshooting"/>. Các vấn đề được in ra luồng lỗi chuẩn dưới dạng <code>TỆP:DÒNG: thông báo [vị trí]</code>, cảnh báo có chữ “warning” (cảnh báo); <cmd>-q</cmd> chỉ in lỗi. Mã thoát 0 nếu mọi tệp hợp lệ, 1 nếu có tệp không hợp lệ, 2 khi dùng sai lệnh hoặc lỗi vào/ra.'),
    SCREEN('$ khathi-cli validate study.khathi\n'
           'study.khathi:8: Enterprise must not be empty [identity/proposer/name]\n'
           'study.khathi:3: warning: The province or city is not given [identity/province]'),
  ),
  SECTION('show', 'show: summarise a study', 'show: tóm tắt báo cáo',
    SCREEN('$ khathi-cli show FILE'),
    P('Prints the names, the project\'s identity, the timeline, a one-line summary of each section and the number of validation problems.',
      'In tên dự án, thông tin định danh, thời gian thực hiện, tóm tắt mỗi phần trong một dòng và số vấn đề phát hiện khi kiểm tra.'),
  ),
  SECTION('new', 'new: create an empty study', 'new: tạo báo cáo trống',
    SCREEN('$ khathi-cli new -o FILE [--name-vi=NAME] [--name-en=NAME]'),
    P('Writes a new study with a fresh project id, today\'s date, the default rule set and default values. It is not yet valid: fill in the proposer, the capex lines and the loans (see <link xref="study-sections"/>), then run <cmd>validate</cmd>.',
      'Tạo báo cáo mới với mã dự án mới, ngày hiện tại, bộ quy định mặc định và các giá trị mặc định. Báo cáo này chưa hợp lệ: hãy nhập nhà đầu tư đề xuất, các hạng mục chi phí đầu tư và các khoản vay (xem <link xref="study-sections"/>), sau đó chạy <cmd>validate</cmd>.'),
  ),
  SECTION('schema', 'schema: print the file schema', 'schema: in lược đồ tệp',
    SCREEN('$ khathi-cli schema > khathi-project.rng\n$ xmllint --noout --relaxng khathi-project.rng study.khathi'),
    P('Prints the RELAX NG schema of the file format, generated from the same field tables as the program.',
      'In lược đồ RELAX NG của định dạng tệp, được sinh ra từ chính các bảng trường mà chương trình sử dụng.'),
  ),
  SECTION('flows', 'flows: indicators of a bare cash-flow series', 'flows: chỉ tiêu của một chuỗi dòng tiền',
    SCREEN('$ khathi-cli flows [--rate=R] [--finance-rate=F --reinvest-rate=G] [--json] [--] CF0 CF1 …'),
    P('Computes NPV, every IRR, MIRR, payback and discounted payback of the flows you type, with the conventions of <link xref="indicators"/>. CF0 is year 0 and is not discounted. Rates are written <code>0.1</code> or <code>10%</code>. Put <code>--</code> before the flows when the first one is negative. Without <cmd>--rate</cmd> there is no NPV and no discounted payback.',
      'Tính NPV, mọi IRR, MIRR, thời gian hoàn vốn và thời gian hoàn vốn có chiết khấu của chuỗi dòng tiền bạn nhập, theo các quy ước trong <link xref="indicators"/>. CF0 là năm 0 và không bị chiết khấu. Tỷ lệ được viết <code>0.1</code> hoặc <code>10%</code>. Đặt <code>--</code> trước chuỗi dòng tiền khi dòng tiền đầu tiên âm. Nếu không có <cmd>--rate</cmd> thì không tính NPV và thời gian hoàn vốn có chiết khấu.'),
    SCREEN('$ khathi-cli flows --rate 10% -- -1000 300 400 500 200\n'
           + _esc(_cli('flows', '--rate', '10%', '--', '-1000', '300', '400', '500', '200').rstrip('\n'))),
    P('The flows −100, 230, −132 have two IRRs, 10 % and 20 %: <cmd>flows</cmd> lists both and reports the one nearest to <cmd>--rate</cmd>. With <cmd>--json</cmd> the keys are <code>npv</code>, <code>irr</code>, <code>irrs</code>, <code>irr_status</code> (<code>none</code>, <code>unique</code> or <code>multiple</code>), <code>mirr</code>, <code>payback</code> and <code>discounted_payback</code>; an indicator that does not exist is <code>null</code>. Exit status 0, or 2 for a usage error.',
      'Chuỗi dòng tiền −100, 230, −132 có hai IRR là 10 % và 20 %: <cmd>flows</cmd> liệt kê cả hai và báo cáo giá trị gần <cmd>--rate</cmd> nhất. Với <cmd>--json</cmd>, các khóa là <code>npv</code>, <code>irr</code>, <code>irrs</code>, <code>irr_status</code> (<code>none</code>, <code>unique</code> hoặc <code>multiple</code>), <code>mirr</code>, <code>payback</code> và <code>discounted_payback</code>; chỉ tiêu không tồn tại có giá trị <code>null</code>. Mã thoát 0, hoặc 2 khi dùng sai lệnh.'),
  ),
  SECTION('compute', 'compute: statements, indicators and checks', 'compute: báo cáo tài chính, chỉ tiêu và kết quả kiểm tra',
    SCREEN('$ khathi-cli compute FILE [--json | --table=NAME [--csv]]'),
    P('Without options, prints the total investment and its sources and the indicators of the project, equity, debt, state and economy, then every check as <code>[pass]</code>, <code>[warning]</code> or <code>[error]</code>. Exit status 0 when every check passed or only warned, 1 when a check found an error, 2 for usage or input/output errors.',
      'Khi không có tùy chọn, lệnh in tổng mức đầu tư và cơ cấu nguồn vốn, các chỉ tiêu của dự án, vốn chủ sở hữu, vốn vay, ngân sách nhà nước và nền kinh tế, sau đó là từng phép kiểm tra với nhãn <code>[pass]</code> (đạt), <code>[warning]</code> (cảnh báo) hoặc <code>[error]</code> (lỗi). Mã thoát 0 khi mọi phép kiểm tra đạt hoặc chỉ có cảnh báo, 1 khi có phép kiểm tra phát hiện lỗi, 2 khi dùng sai lệnh hoặc lỗi vào/ra.'),
    P('<cmd>--table=NAME</cmd> prints one statement year by year: <code>income</code>, <code>cashflow</code>, <code>balance</code>, <code>equity</code>, <code>debt</code>, <code>sources-uses</code>, <code>tax</code>, <code>depreciation</code> or <code>flows</code>. Amounts are shown in billion or million ₫; add <cmd>--csv</cmd> for comma-separated values in đồng at full precision, one row per line item with a stable key in the first column.',
      '<cmd>--table=TÊN</cmd> in một bảng theo từng năm: <code>income</code> (kết quả kinh doanh), <code>cashflow</code> (lưu chuyển tiền tệ), <code>balance</code> (cân đối kế toán), <code>equity</code> (vốn chủ sở hữu), <code>debt</code> (vốn vay), <code>sources-uses</code> (nguồn và sử dụng vốn), <code>tax</code> (thuế), <code>depreciation</code> (khấu hao) hoặc <code>flows</code> (các dòng tiền). Số tiền được hiển thị theo tỷ hoặc triệu đồng; thêm <cmd>--csv</cmd> để có giá trị phân tách bằng dấu phẩy, tính bằng đồng với độ chính xác đầy đủ, mỗi khoản mục một dòng với khóa cố định ở cột đầu.'),
    P('<cmd>--json</cmd> prints one object. Amounts are in đồng, unrounded; rates and shares are fractions; years are calendar years; an indicator that does not exist (no IRR, payback not reached, no debt) is <code>null</code>. The keys:',
      '<cmd>--json</cmd> in một đối tượng JSON. Số tiền tính bằng đồng, không làm tròn; tỷ lệ và tỷ trọng là số thập phân; năm là năm dương lịch; chỉ tiêu không tồn tại (không có IRR, chưa hoàn vốn, không có khoản vay) có giá trị <code>null</code>. Các khóa:'),
    TERMS(
      JKEY('start_year, construction_years, operation_years, total_investment',
           'The timeline and the total investment.', 'Thời gian thực hiện và tổng mức đầu tư.'),
      JKEY('investment', 'capex, contingency, duty, idc, fees, state_support, equity, debt: totals over the construction years.',
           'capex, contingency, duty, idc, fees, state_support, equity, debt: tổng của các năm xây dựng.'),
      JKEY('project', 'npv, irr, irrs, irr_status, mirr, payback, discounted_payback, bcr, break_even_volume and flows (the project cash flow, one value per year).',
           'npv, irr, irrs, irr_status, mirr, payback, discounted_payback, bcr, break_even_volume và flows (dòng tiền dự án, mỗi năm một giá trị).'),
      JKEY('equity', 'npv, irr, irrs, irr_status, mirr and flows of the equity cash flow.',
           'npv, irr, irrs, irr_status, mirr và flows của dòng tiền vốn chủ sở hữu.'),
      JKEY('debt', 'dscr_min, dscr_min_year, dscr_avg, llcr and dscr (one value per year, null in years without debt service).',
           'dscr_min, dscr_min_year, dscr_avg, llcr và dscr (mỗi năm một giá trị, null trong các năm không trả nợ).'),
      JKEY('tax', 'first_revenue_year, holiday_start, holiday_start_no_debt (the holiday of the tax as if there were no debt).',
           'first_revenue_year, holiday_start, holiday_start_no_debt (năm bắt đầu miễn, giảm của thuế tính như khi không vay nợ).'),
      JKEY('state', 'fiscal_npv, peak_commitment, peak_commitment_year, flows (the fiscal cash flow), outlays_pv, receipts_pv, public_assets, institute_contribution and items (the fiscal flow by kind, year by year).',
           'fiscal_npv, peak_commitment, peak_commitment_year, flows (dòng tiền ngân sách), outlays_pv, receipts_pv, public_assets, institute_contribution và items (dòng tiền ngân sách theo từng loại, từng năm).'),
      JKEY('economic', 'enpv, eirr, eirrs, eirr_status, bcr and flows.', 'enpv, eirr, eirrs, eirr_status, bcr và flows.'),
      JKEY('sharing', 'downside_total, upside_total, guarantees_total, benefit_total, rd_sunk_cost, rd_stopped, and year by year plan_revenue, downside, upside and the guarantee payouts (see <link xref="conventions#sharing"/>).',
           'downside_total, upside_total, guarantees_total, benefit_total, rd_sunk_cost, rd_stopped, và theo từng năm plan_revenue, downside, upside cùng các khoản chi trả bảo đảm (xem <link xref="conventions#sharing"/>).'),
      JKEY('rd_risk', 'The R&amp;D phase and the failure case when the study accepts R&amp;D risk, otherwise null.',
           'Giai đoạn nghiên cứu và phát triển và trường hợp thất bại khi báo cáo có cơ chế chấp nhận rủi ro nghiên cứu, nếu không thì null.'),
      JKEY('vfm', 'psc, ppp_cost and vfm, with the parts of each (see <link xref="conventions#vfm"/>).',
           'psc, ppp_cost và vfm, cùng các thành phần của từng giá trị (xem <link xref="conventions#vfm"/>).'),
      JKEY('checks', 'A list of objects with severity (pass, warning or error), code, where (the field concerned), year and message.',
           'Danh sách các đối tượng gồm severity (pass, warning hoặc error), code, where (trường liên quan), year và message.'),
    ),
    SCREEN('$ khathi-cli compute can-tho-smart-traffic.khathi --json | jq \'.project.irr, .debt.dscr_min\'\n'
           + re.search(r'"project" : \{\s*"npv" : [^,]+,\s*"irr" : ([^,\s]+)', RAWJ).group(1) + '\n'
           + re.search(r'"dscr_min" : ([^,\s]+)', RAWJ).group(1)),
  ),
  SECTION('claims', 'claims: the proposer\'s figures against a recomputation', 'claims: đối chiếu chỉ tiêu do nhà đầu tư kê khai với kết quả tính lại',
    SCREEN('$ khathi-cli claims [--json] [--stamp] FILE'),
    P('A study saved by Khả Thi carries the headline figures its proposer\'s copy computed (<link xref="study-sections#claimed"/>). <cmd>claims</cmd> recomputes the study from its inputs with the rule set it names and compares each claimed figure with the result: money agrees within the larger of 0.05 % and 1 000 000 ₫, rates (IRR) within 0.01 percentage point, ratios (DSCR, LLCR) within 0.005. A figure that differs means the inputs were changed after the figures were computed, the file was edited by hand, or another version or rule set computed them: ask the proposer before relying on anything in the file.',
      'Báo cáo được lưu bằng Khả Thi mang theo các chỉ tiêu chính do bản Khả Thi của nhà đầu tư đề xuất tính ra (<link xref="study-sections#claimed"/>). <cmd>claims</cmd> tính lại báo cáo từ dữ liệu đầu vào theo bộ quy định mà báo cáo ghi, rồi so sánh từng chỉ tiêu kê khai với kết quả: số tiền được coi là khớp khi chênh lệch không quá 0,05 % hoặc 1 000 000 ₫ (lấy mức lớn hơn), tỷ lệ (IRR) khi chênh lệch không quá 0,01 điểm phần trăm, hệ số (DSCR, LLCR) khi chênh lệch không quá 0,005. Chỉ tiêu không khớp nghĩa là dữ liệu đầu vào đã bị sửa sau khi tính, tệp bị sửa thủ công, hoặc chỉ tiêu được tính bằng phiên bản hay bộ quy định khác: hãy hỏi lại nhà đầu tư trước khi dựa vào bất kỳ số liệu nào trong tệp.'),
    SCREEN('$ khathi-cli claims can-tho-smart-traffic.khathi\n'
           + _esc('\n'.join(_claims_lines[1:5] + ['…'] + _claims_lines[-1:]))),
    P('<cmd>--stamp</cmd> replaces the claims in the file with this version\'s figures (the file is saved atomically), for a study written by another program or by hand. With <cmd>--json</cmd> the keys are <code>file</code>, <code>stamped</code>, <code>engine</code>, <code>computed_at</code>, <code>claims</code> (a list of <code>key</code>, <code>label</code>, <code>claimed</code>, <code>recomputed</code>, <code>matches</code>) and <code>claims_mismatched</code>. Exit status 0 when every claimed figure agrees or nothing is claimed, 1 when one differs, 2 for usage or file errors.',
      '<cmd>--stamp</cmd> thay các chỉ tiêu kê khai trong tệp bằng chỉ tiêu do phiên bản này tính (tệp được lưu an toàn, không bị hỏng giữa chừng), dùng cho báo cáo được lập bằng chương trình khác hoặc viết tay. Với <cmd>--json</cmd>, các khóa là <code>file</code>, <code>stamped</code>, <code>engine</code>, <code>computed_at</code>, <code>claims</code> (danh sách gồm <code>key</code>, <code>label</code>, <code>claimed</code>, <code>recomputed</code>, <code>matches</code>) và <code>claims_mismatched</code>. Mã thoát 0 khi mọi chỉ tiêu kê khai đều khớp hoặc không có chỉ tiêu nào được kê khai, 1 khi có chỉ tiêu không khớp, 2 khi dùng sai lệnh hoặc lỗi tệp.'),
  ),
  SECTION('bench', 'bench: time an evaluation', 'bench: đo thời gian tính toán',
    SCREEN('$ khathi-cli bench [-n N] [--simulate] [--json] FILE'),
    P('Evaluates the study <var>N</var> times (20 000 by default) and prints the median, minimum and mean time of one evaluation. With <cmd>--json</cmd> the keys are <code>eval_us_median</code>, <code>eval_us_min</code>, <code>eval_us_mean</code>, <code>runs</code>, <code>years</code> and <code>loans</code>.',
      'Tính toán báo cáo <var>N</var> lần (mặc định 20 000 lần) và in thời gian trung vị, nhỏ nhất và trung bình của một lần tính. Với <cmd>--json</cmd>, các khóa là <code>eval_us_median</code>, <code>eval_us_min</code>, <code>eval_us_mean</code>, <code>runs</code>, <code>years</code> và <code>loans</code>.'),
    P('With <cmd>--simulate</cmd> it times a whole Monte Carlo run of <var>N</var> iterations instead (1 000 000 by default) and prints the iterations per second; the JSON keys are then <code>iterations_per_s</code>, <code>seconds</code>, <code>iterations</code>, <code>threads</code>, <code>drivers</code> and <code>years</code>.',
      'Với <cmd>--simulate</cmd>, lệnh đo thời gian của cả một lượt mô phỏng Monte Carlo gồm <var>N</var> lần lặp (mặc định 1 000 000) và in số lần lặp mỗi giây; khi đó các khóa JSON là <code>iterations_per_s</code>, <code>seconds</code>, <code>iterations</code>, <code>threads</code>, <code>drivers</code> và <code>years</code>.'),
  ),
  SECTION('analysis', 'Analysis, reports and the portfolio', 'Phân tích, báo cáo và danh mục hồ sơ',
    P('These commands have their own pages. Each takes a study file; <cmd>--json</cmd> prints the same results for scripts.',
      'Các lệnh sau được giới thiệu ở trang riêng. Mỗi lệnh nhận một tệp báo cáo; <cmd>--json</cmd> in cùng kết quả đó cho các kịch bản tự động.'),
    TERMS(
      ('<cmd>sensitivity</cmd>, <cmd>scenarios</cmd>, <cmd>simulate</cmd>', '<cmd>sensitivity</cmd>, <cmd>scenarios</cmd>, <cmd>simulate</cmd>',
       [P('Sensitivity and switching values, the study\'s scenarios side by side, Monte Carlo simulation: <link xref="uncertainty"/>.',
          'Phân tích độ nhạy và giá trị chuyển đổi, so sánh các kịch bản của báo cáo, mô phỏng Monte Carlo: <link xref="uncertainty"/>.')]),
      ('<cmd>risks</cmd>, <cmd>viability</cmd>, <cmd>compare-forms</cmd>', '<cmd>risks</cmd>, <cmd>viability</cmd>, <cmd>compare-forms</cmd>',
       [P('The risk register against the usual allocation, the least state support that makes the project viable, the project under other contract forms: <link xref="appraisal-tools"/>.',
          'Đối chiếu ma trận phân bổ rủi ro với thông lệ, mức hỗ trợ tối thiểu của Nhà nước để dự án khả thi, dự án theo các hình thức hợp đồng khác: <link xref="appraisal-tools"/>.')]),
      ('<cmd>report</cmd>, <cmd>export</cmd>', '<cmd>report</cmd>, <cmd>export</cmd>',
       [P('The feasibility-study report as PDF and the workbook as XLSX: <link xref="reports"/>.',
          'Báo cáo nghiên cứu khả thi dạng PDF và bảng tính dạng XLSX: <link xref="reports"/>.')]),
      ('<cmd>portfolio</cmd>', '<cmd>portfolio</cmd>',
       [P('The appraiser\'s portfolio: import, list, show, score, decide, rank, catalogue, verify and audit: <link xref="portfolio"/>.',
          'Danh mục hồ sơ của cơ quan thẩm định: nhập, liệt kê, xem, chấm điểm, quyết định, xếp hạng, xuất danh mục, kiểm tra và xem nhật ký: <link xref="portfolio"/>.')]),
    ),
  ),
  SECTION('data', 'Where the data files are', 'Vị trí các tệp dữ liệu',
    P('Rule sets, samples, scoring rubrics and the usual risk allocation are read from <file>share/khathi/</file> under the installation prefix. Set the environment variable <sys>KHATHI_DATA_DIR</sys> to use another folder holding <file>rules/</file>, <file>samples/</file>, <file>rubrics/</file> and <file>risks/</file>.',
      'Các bộ quy định, báo cáo mẫu, bộ tiêu chí chấm điểm và cách phân bổ rủi ro thông thường được đọc từ <file>share/khathi/</file> trong thư mục cài đặt. Đặt biến môi trường <sys>KHATHI_DATA_DIR</sys> để dùng một thư mục khác chứa <file>rules/</file>, <file>samples/</file>, <file>rubrics/</file> và <file>risks/</file>.'),
  ),
])

# ------------------------------------------------------------------ troubleshooting
import khathi_srcmsgs as _srcmsgs
VI_MSG_EXTRA = {
  'the file is too large (%lu MB; a project file has at most %d MB)': 'tệp quá lớn (%lu MB; tệp dự án tối đa %d MB)',
  'A project under the form “%s” is paid by the state, but no state service payment is given': 'Dự án theo hình thức “%s” do Nhà nước thanh toán, nhưng chưa có khoản thanh toán dịch vụ nào của Nhà nước',
  'The downside threshold %s is outside the negotiable range (nearest limit %s).': 'Ngưỡng giảm doanh thu %s nằm ngoài phạm vi được thỏa thuận (giới hạn gần nhất %s).',
  'The upside threshold %s is outside the negotiable range (nearest limit %s).': 'Ngưỡng tăng doanh thu %s nằm ngoài phạm vi được thỏa thuận (giới hạn gần nhất %s).',
  "The contract form does not allow downside revenue sharing; the state's share is ignored.": 'Hình thức hợp đồng không cho phép chia sẻ phần giảm doanh thu; tỷ lệ chia sẻ của Nhà nước bị bỏ qua.',
  "The contract form does not allow upside revenue sharing; the investor's share is ignored.": 'Hình thức hợp đồng không cho phép chia sẻ phần tăng doanh thu; tỷ lệ chia sẻ của nhà đầu tư bị bỏ qua.',
  'An O&M contract has no construction; %d construction years are given.': 'Hợp đồng O&M không có giai đoạn xây dựng; nhưng có %d năm xây dựng được khai báo.',
  "The three parties' funding shares sum to %s, not 1.": 'Tổng tỷ lệ đóng góp của ba bên bằng %s, không phải 1.',
  '“%s” has %u amount but the construction period has %d year': '“%s” có số liệu của %u năm nhưng thời gian xây dựng là %d năm',
  'the attribute %s of <%s> is too long (at most %d bytes)': 'thuộc tính %s của <%s> quá dài (tối đa %d byte)',
  'State capital of %s exceeds the legal cap of %s of total investment': 'Vốn nhà nước chiếm %s tổng mức đầu tư, vượt mức trần theo quy định là %s',
  "The loans' shares of debt add up to %s, not 100 %%": 'Tổng tỷ trọng các khoản vay là %s, không phải 100 %%',
  'Equity covers %s of the need, but no loan finances the rest': 'Vốn chủ sở hữu đáp ứng %s nhu cầu vốn nhưng không có khoản vay nào tài trợ phần còn lại',
  '%s is %s; allowed %s … %s': '%s là %s; cho phép %s … %s',
  '%s: value %u is %s; allowed %s … %s': '%s: giá trị thứ %u là %s; cho phép %s … %s',
  '%s in <%s> is out of range (allowed %s … %s)': '%s trong <%s> nằm ngoài phạm vi cho phép (%s … %s)',
}
def _disp(s):
    s = s.replace('\\n\\n', ' ').replace('\\n', ' ')   # C escapes of messages shown in dialogs
    s = s.replace('%%', '\x00')
    s = re.sub(r'%(?:l|z|ll)?[sdgu] … %(?:l|z|ll)?[sdgu]', '…–…', s)
    s = re.sub(r'%(?:l|z|ll)?[sdgu]', '…', s)
    s = s.replace('\x00', '%')
    return _esc(s)
# Messages are matched whatever their conversions: a source that now formats
# a number itself (%g becoming %s) keeps its explanation and its Vietnamese.
def _nspec(s):
    return re.sub(r'%(?:l|z|ll)?[sdgu]', '%s', s)
VI_N = {_nspec(k): v for k, v in VI.items() if '%' in k}
def _vi_msg(src):
    v = VI_MSG_EXTRA.get(src) or VI.get(src) or VI_N.get(_nspec(src))
    if v is None:
        WARNINGS.append('no Vietnamese in po/vi.po for the message: ' + src)
        v = src
    return v
_COVERED = set()
def MSGS(srcs, en, vi):
    titles = ''
    for s in srcs:
        _COVERED.add(_nspec(s))
        titles += T(_disp(s), _disp(_vi_msg(s)))
    return f'<item>{titles}{P(en, vi)}</item>'
def MTERMS(*items):
    return '<terms>' + ''.join(items) + '</terms>'

_file_section = SECTION('open', 'When a file cannot be opened', 'Khi không mở được tệp',
  P('These messages come with the file name and, when known, the line: <code>study.khathi:31: …</code>. The application shows them in a dialog; <cmd>khathi-cli validate</cmd> prints them. Nothing is changed in the file.',
    'Các thông báo này kèm tên tệp và, nếu xác định được, số dòng: <code>study.khathi:31: …</code>. Ứng dụng hiển thị thông báo trong hộp thoại; <cmd>khathi-cli validate</cmd> in thông báo ra màn hình. Tệp không bị thay đổi.'),
  MTERMS(
    MSGS(['the file is empty', 'this is a folder, not a project file', 'this is a device or pipe, not a project file'],
         'You opened something that is not a study file. Choose the <file>.khathi</file> file itself; if it is empty, restore it from a backup or from the version you sent.',
         'Bạn đã mở một đối tượng không phải tệp báo cáo. Hãy chọn đúng tệp <file>.khathi</file>; nếu tệp trống, hãy khôi phục từ bản sao lưu hoặc từ bản đã gửi đi.'),
    MSGS(['the file is too large (%lu MB; a project file has at most %d MB)', 'the text of <%s> is too long (%zu bytes; at most %d)', 'the attribute %s of <%s> is too long (at most %d bytes)', '<%s> has too many values (at most %d)', '<%s> has too many rows (at most %d)'],
         'A study is small; these limits protect the program from damaged or hostile files. Check that you opened the right file, and shorten the text or list that is named.',
         'Một báo cáo có dung lượng nhỏ; các giới hạn này bảo vệ chương trình khỏi tệp bị hỏng hoặc tệp độc hại. Hãy kiểm tra bạn đã mở đúng tệp, và rút ngắn văn bản hoặc danh sách được nêu tên.'),
    MSGS(['the file contains binary data; it is not a Khả Thi project', 'the text is not valid UTF-8'],
         'The file is not UTF-8 text (for example a spreadsheet, a PDF, or a file saved as UTF-16 by an editor). Save it again as UTF-8, or open the original <file>.khathi</file> file.',
         'Tệp không phải văn bản UTF-8 (ví dụ là bảng tính, tệp PDF, hoặc tệp được trình soạn thảo lưu dưới dạng UTF-16). Hãy lưu lại dưới dạng UTF-8, hoặc mở tệp <file>.khathi</file> gốc.'),
    MSGS(['the file is not well-formed XML: %s'],
         'The XML is broken at that line: a missing closing tag, a stray <code>&lt;</code> or <code>&amp;</code> (write <code>&amp;lt;</code> and <code>&amp;amp;</code>), a control character or a truncated file. Fix the line in a text editor, or go back to a saved copy.',
         'Cấu trúc XML bị hỏng tại dòng đó: thiếu thẻ đóng, có ký tự <code>&lt;</code> hoặc <code>&amp;</code> đứng riêng (hãy viết <code>&amp;lt;</code> và <code>&amp;amp;</code>), có ký tự điều khiển hoặc tệp bị cắt cụt. Sửa dòng đó bằng trình soạn thảo văn bản, hoặc quay lại bản đã lưu.'),
    MSGS(['document type declarations (DOCTYPE, ENTITY) are not allowed in project files', 'entity references are not allowed in project files', 'XInclude is not allowed in project files'],
         'For safety a study may not declare or include anything from outside itself. Remove the <code>&lt;!DOCTYPE …&gt;</code> line, the entity references or the XInclude; a file written by Khả Thi never has them.',
         'Vì lý do an toàn, báo cáo không được khai báo hoặc nhúng nội dung từ bên ngoài. Hãy xóa dòng <code>&lt;!DOCTYPE …&gt;</code>, các tham chiếu thực thể hoặc XInclude; tệp do Khả Thi ghi không bao giờ chứa các thành phần này.'),
    MSGS(['this is not a Khả Thi project: the root element is <%s>, not <project>', 'the <project> element is not in the Khả Thi namespace “%s”', 'the format-version attribute of <project> is missing or invalid'],
         'The file is XML but not a study: the first element must be <code>&lt;project format-version="1" xmlns="https://khathi.github.io/ns/project/1"&gt;</code>. See <link xref="file-format"/>.',
         'Tệp là XML nhưng không phải báo cáo: phần tử đầu tiên phải là <code>&lt;project format-version="1" xmlns="https://khathi.github.io/ns/project/1"&gt;</code>. Xem <link xref="file-format"/>.'),
    MSGS(['the file has format version %s, newer than this version of Khả Thi reads (%d); please update the application'],
         'The study was saved by a newer Khả Thi. Update the application; do not edit the version number, because the newer format may hold data this version would lose.',
         'Báo cáo được lưu bằng phiên bản Khả Thi mới hơn. Hãy cập nhật ứng dụng; không sửa số phiên bản định dạng, vì định dạng mới có thể chứa dữ liệu mà phiên bản này sẽ làm mất.'),
    MSGS(['unknown element <%s> in <%s>', 'unknown element <%s> in <%s> (wrong namespace)', 'unknown element <%s> in <%s>; expected <%s>', 'unknown element <%s> in <%s>; expected <vi> or <en>', 'element <%s> is not allowed inside <%s>, which holds a value', 'unexpected text inside <%s>'],
         'An element is misspelt, in the wrong place, or from another format. Compare with <link xref="study-sections"/> or the schema printed by <cmd>khathi-cli schema</cmd>; a list holds only its row elements, and a value element holds only text.',
         'Một phần tử bị viết sai tên, đặt sai vị trí hoặc thuộc định dạng khác. Hãy đối chiếu với <link xref="study-sections"/> hoặc lược đồ do <cmd>khathi-cli schema</cmd> in ra; một danh sách chỉ chứa các phần tử dòng, và một phần tử giá trị chỉ chứa văn bản.'),
    MSGS(['<%s> appears twice in <%s>', '<%s> is missing from <%s>'],
         'Each field appears exactly once in its section. Delete the duplicate, or add the missing element with a value (the defaults are listed in <link xref="study-sections"/>).',
         'Mỗi trường xuất hiện đúng một lần trong phần của nó. Hãy xóa phần tử trùng, hoặc bổ sung phần tử còn thiếu kèm giá trị (giá trị mặc định được liệt kê trong <link xref="study-sections"/>).'),
    MSGS(['<%s> is empty; a number is expected', '“%s” in <%s> is not a number', '“%s” in <%s> is not a finite number', '“%s” in <%s> is not a whole number', '%s in <%s> is out of range (allowed %s … %s)', '<%s> must not be negative'],
         'Numbers in a file are written with a decimal point and no thousands separator: <code>0.105</code>, not <code>10,5%</code> or <code>10.5 %</code>; <code>354000000000</code>, not <code>354.000.000.000</code>. Years and counts are whole numbers. The allowed range of every field is in <link xref="study-sections"/>.',
         'Số trong tệp được viết bằng dấu chấm thập phân và không có dấu phân cách hàng nghìn: <code>0.105</code>, không phải <code>10,5%</code> hay <code>10.5 %</code>; <code>354000000000</code>, không phải <code>354.000.000.000</code>. Năm và số lượng là số nguyên. Phạm vi cho phép của từng trường có trong <link xref="study-sections"/>.'),
    MSGS(['<%s> must be “true” or “false”, not “%s”', '“%s” is not a valid <%s> (allowed: %s)'],
         'Switches take <code>true</code> or <code>false</code>; choices take one of the listed keys, in lower case, in English (for example <code>bto</code>, not <code>BTO</code>).',
         'Các tùy chọn bật/tắt nhận <code>true</code> hoặc <code>false</code>; các lựa chọn nhận một trong các khóa được liệt kê, viết thường, bằng tiếng Anh (ví dụ <code>bto</code>, không phải <code>BTO</code>).'),
    MSGS(['the file does not follow the project schema: %s', 'the file does not follow the project schema'],
         'A last check against the RELAX NG schema failed, for example an attribute the format does not have. Remove it, or validate the file with <cmd>xmllint --relaxng</cmd> and the output of <cmd>khathi-cli schema</cmd> for details.',
         'Bước kiểm tra cuối theo lược đồ RELAX NG không đạt, ví dụ có một thuộc tính mà định dạng không có. Hãy xóa thuộc tính đó, hoặc kiểm tra tệp bằng <cmd>xmllint --relaxng</cmd> với lược đồ do <cmd>khathi-cli schema</cmd> in ra để biết chi tiết.'),
    MSGS(['out of memory'],
         'The computer ran out of memory. Close other programs and try again.',
         'Máy tính đã hết bộ nhớ. Hãy đóng các chương trình khác rồi thử lại.'),
  ),
)
_save_section = SECTION('save', 'When a study cannot be saved', 'Khi không lưu được báo cáo',
  MTERMS(
    MSGS(['Could not save “%s”: %s', 'Could not save “%s”: cannot create a file in %s: %s', 'Could not save “%s”: %s. The previous version of the file is unchanged.'],
         'The folder is read-only, the disk is full, or the file is on a removed drive. Khả Thi writes a temporary file and replaces the study only when it is complete, so the previous version is kept. Save to another folder.',
         'Thư mục chỉ cho phép đọc, ổ đĩa đã đầy hoặc tệp nằm trên ổ đĩa đã bị tháo ra. Khả Thi ghi ra một tệp tạm và chỉ thay thế báo cáo khi đã ghi xong, nên phiên bản trước vẫn được giữ. Hãy lưu vào thư mục khác.'),
  ),
)
_validate_section = SECTION('validate', 'Validation errors and warnings', 'Lỗi và cảnh báo khi kiểm tra',
  P('After reading, the study is checked field by field. An error makes the study invalid (<cmd>validate</cmd> exits with 1); a warning is shown but does not. The part in brackets says where: <code>[financing/loans/2/tenor-years]</code> is the tenor of the second loan.',
    'Sau khi đọc, báo cáo được kiểm tra từng trường. Lỗi làm báo cáo không hợp lệ (<cmd>validate</cmd> trả mã thoát 1); cảnh báo được hiển thị nhưng không làm báo cáo mất hiệu lực. Phần trong ngoặc vuông cho biết vị trí: <code>[financing/loans/2/tenor-years]</code> là thời hạn vay của khoản vay thứ hai.'),
  MTERMS(
    MSGS(['%s must not be empty', 'The project needs a name in Vietnamese or English', 'The project id “%s” is not a UUID'],
         'Fill in the field. The project id is created by Khả Thi (<cmd>khathi-cli new</cmd>); keep it when you copy a study so that versions can be matched.',
         'Hãy nhập trường đó. Mã dự án do Khả Thi tạo ra (<cmd>khathi-cli new</cmd>); hãy giữ nguyên khi sao chép báo cáo để có thể đối chiếu các phiên bản.'),
    MSGS(['%s is %s; allowed %s … %s', '%s: value %u is %s; allowed %s … %s'],
         'A value is outside its allowed range; the range is given in the message and in <link xref="study-sections"/>. Remember that rates are fractions: 0.1 is 10 %.',
         'Một giá trị nằm ngoài phạm vi cho phép; phạm vi được nêu trong thông báo và trong <link xref="study-sections"/>. Lưu ý tỷ lệ được ghi dưới dạng số thập phân: 0.1 là 10 %.'),
    MSGS(['The province or city is not given', 'Amounts are in %s; the legal thresholds of the rule set are in VND', 'The price base year %d is far outside the project period %d–%d'],
         'Warnings about the identity and timeline: give the province, keep amounts in VND so that legal thresholds apply, and use a price base year close to the start of the project.',
         'Các cảnh báo về thông tin định danh và thời gian: hãy nhập tỉnh, thành phố; giữ số tiền bằng VND để áp dụng được các ngưỡng pháp lý; và chọn năm gốc tính giá gần năm bắt đầu dự án.'),
    MSGS(['“%s” has %u amount but the construction period has %d year', 'There is a construction period but no capex line', 'The state support schedule has %u amounts but the construction period has %d years'],
         'Capex lines and a fixed state-support schedule give one amount per construction year. Add or remove amounts, or change the number of construction years.',
         'Các hạng mục chi phí đầu tư và lịch vốn nhà nước hỗ trợ cố định cần một số tiền cho mỗi năm xây dựng. Hãy thêm hoặc bớt số liệu, hoặc sửa số năm xây dựng.'),
    MSGS(['Declining balance is for equipment only (Circular 45/2013); “%s” is %s', 'Declining balance needs a useful life of at least 2 years', 'Land is not depreciated; set its useful life to 0'],
         'Depreciation rules of Circular 45/2013/TT-BTC: use straight-line for anything but equipment, give declining-balance equipment a life of 2 years or more, and set land\'s useful life to 0. See <link xref="financing-tax#depreciation"/>.',
         'Quy định khấu hao của Thông tư 45/2013/TT-BTC: dùng phương pháp đường thẳng cho mọi tài sản không phải thiết bị, thiết bị khấu hao theo số dư giảm dần phải có thời gian sử dụng từ 2 năm, và đặt thời gian sử dụng của đất bằng 0. Xem <link xref="financing-tax#depreciation"/>.'),
    MSGS(['“%s” falls in operation year %d, after the last one (%d)', '“%s” is paid in operation years %d–%d, outside 1–%d'],
         'A replacement, maintenance item or state payment is placed after the end of operation. Years are operation years: 1 is the first year after construction.',
         'Một khoản thay thế, bảo trì hoặc thanh toán của Nhà nước được đặt sau khi kết thúc vận hành. Năm ở đây là năm vận hành: 1 là năm đầu tiên sau giai đoạn xây dựng.'),
    MSGS(['S&T income is exempt for at most %d years (rule set)'],
         'Exempt S&amp;T income lasts at most 3 years under CIT Law Art. 4; lower the exempt years of the revenue stream.',
         'Thu nhập từ hoạt động KH&amp;CN được miễn thuế tối đa 3 năm theo Điều 4 Luật Thuế TNDN; hãy giảm số năm miễn thuế của nguồn thu.'),
    MSGS(['A project under the form “%s” is paid by the state, but no state service payment is given'],
         'BTL and BLT projects are paid by the state: add the availability payment under <code>&lt;state-payments&gt;</code>.',
         'Dự án BTL và BLT do Nhà nước thanh toán: hãy thêm khoản thanh toán theo mức độ sẵn sàng vào <code>&lt;state-payments&gt;</code>.'),
    MSGS(['“%s”: the grace period (%d years) must be shorter than the tenor (%d)', '“%s” is repaid after the contract term (tenor %d years, operation %d years)'],
         'The tenor counts from COD and includes the grace years, and it must end within the operation period. Shorten the grace period or the tenor.',
         'Thời hạn vay tính từ COD, bao gồm thời gian ân hạn, và phải kết thúc trong thời gian vận hành. Hãy rút ngắn thời gian ân hạn hoặc thời hạn vay.'),
    MSGS(["The loans' shares of debt add up to %s, not 100 %%", 'Equity covers %s of the need, but no loan finances the rest', 'Loans are only modelled for projects with a construction period'],
         'Debt is split among the loans by their shares, which must add up to 100 %. If the equity share is below 100 %, at least one loan must finance the rest; with no construction years, remove the loans.',
         'Vốn vay được phân chia giữa các khoản vay theo tỷ trọng, tổng phải bằng 100 %. Nếu tỷ lệ vốn chủ sở hữu dưới 100 % thì phải có ít nhất một khoản vay tài trợ phần còn lại; nếu không có năm xây dựng, hãy xóa các khoản vay.'),
    MSGS(['State capital of %s exceeds the legal cap of %s of total investment', 'The project lasts %d years, beyond the legal limit of %d'],
         'The study breaks a legal limit of the rule set (state capital cap, PPP Law Art. 69; duration, Investment Law Art. 44). Reduce the state share or the term; see <link xref="legal-rules"/>.',
         'Báo cáo vượt một giới hạn pháp lý trong bộ quy định (mức trần vốn nhà nước, Điều 69 Luật PPP; thời hạn dự án, Điều 44 Luật Đầu tư). Hãy giảm tỷ lệ vốn nhà nước hoặc thời hạn; xem <link xref="legal-rules"/>.'),
    MSGS(['The standard deviation (b) must be positive', 'The minimum (a) must be below the maximum (b)', 'Minimum, mode and maximum (a ≤ b ≤ c, a < c) are out of order', 'A discrete distribution needs as many probabilities as values', 'The probabilities add up to %g, not 1', 'The event probability (a) must be between 0 and 1', '“%s” already has a distribution', 'A driver cannot be correlated with itself'],
         'A probability distribution is inconsistent. Check the meaning of a, b and c for its type (<link xref="study-sections#uncertainty"/>), give each driver one distribution, and correlate two different drivers.',
         'Một phân phối xác suất không nhất quán. Hãy kiểm tra ý nghĩa của a, b và c theo loại phân phối (<link xref="study-sections#uncertainty"/>), mỗi biến số chỉ có một phân phối, và chỉ tương quan hai biến số khác nhau.'),
    MSGS(["Risk %s is shared, so the state's share must be between 0 and 100 %%", 'The risk code %s is used twice'],
         'In the risk register, give a shared risk a state share strictly between 0 and 1, and give every risk its own code.',
         'Trong ma trận phân bổ rủi ro, rủi ro do hai bên cùng chịu phải có tỷ lệ Nhà nước chịu lớn hơn 0 và nhỏ hơn 1, và mỗi rủi ro có một mã riêng.'),
  ),
)
_rules_section = SECTION('rules', 'Rule set problems', 'Lỗi về bộ quy định',
  MTERMS(
    MSGS(['The rule set “%s” is not installed (looked for %s)', '“%s” is not a valid rule set name'],
         'The study names a rule set this installation does not have. Install a newer Khả Thi, copy the rule set file into the <file>rules/</file> folder (or point <sys>KHATHI_DATA_DIR</sys> to a folder that has it), or change <code>&lt;rule-set&gt;</code> to an installed one such as <code>vn-2025-11</code>.',
         'Báo cáo ghi tên một bộ quy định mà bản cài đặt này không có. Hãy cài phiên bản Khả Thi mới hơn, sao chép tệp bộ quy định vào thư mục <file>rules/</file> (hoặc trỏ <sys>KHATHI_DATA_DIR</sys> tới thư mục có tệp đó), hoặc sửa <code>&lt;rule-set&gt;</code> thành một bộ đã cài, ví dụ <code>vn-2025-11</code>.'),
    MSGS(['The rule set “%s” has no parameter “%s” to override', '“%s” is fixed by law (%s) and cannot be negotiated per project', 'The negotiated value %g of “%s” is outside what the rule set allows'],
         'A negotiated value in <code>&lt;legal&gt;</code> is not allowed: the key is misspelt, the law fixes the value, or it lies outside the legal range. See <link xref="legal-rules#overrides"/>.',
         'Một giá trị thỏa thuận trong <code>&lt;legal&gt;</code> không được chấp nhận: khóa bị viết sai, giá trị do pháp luật quy định cố định, hoặc nằm ngoài phạm vi pháp luật cho phép. Xem <link xref="legal-rules#overrides"/>.'),
    MSGS(['a parameter needs the attributes key, unit and status', 'parameter “%s” needs a numeric <value> and a legal <basis>', 'parameter “%s” appears twice', 'the rule set is empty or has a forbidden DOCTYPE', 'the rule set is not well-formed XML', 'not a Khả Thi rule set (expected <rule-set> in namespace %s)', 'the rule set needs an id and a valid-from date', 'unknown element <%s> in the rule set', '%s: the rule set lacks the parameter “%s”', '%s: parameter “%s” = %g is outside %g … %g'],
         'An installed rule set file is damaged or was edited by hand. Every parameter needs a key, unit, status, numeric value and legal basis, and every parameter the engine uses must be present. Reinstall Khả Thi, or correct the file at the line given.',
         'Một tệp bộ quy định đã cài bị hỏng hoặc bị sửa thủ công. Mỗi tham số cần có khóa, đơn vị, trạng thái, giá trị dạng số và căn cứ pháp lý, và mọi tham số mà bộ máy tính toán sử dụng đều phải có. Hãy cài lại Khả Thi, hoặc sửa tệp tại dòng được nêu.'),
  ),
)
_checks_section = SECTION('checks', 'Checks after computing', 'Kết quả kiểm tra sau khi tính toán',
  P('Computing a study ends with checks (MODEL.md §12). The engine never “fixes” a study silently: it reports. An error check makes <cmd>khathi-cli compute</cmd> exit with 1.',
    'Việc tính toán báo cáo kết thúc bằng các phép kiểm tra. Bộ máy tính toán không bao giờ tự ý “sửa” báo cáo mà chỉ báo cáo lại. Phép kiểm tra ở mức lỗi làm <cmd>khathi-cli compute</cmd> trả mã thoát 1.'),
  MTERMS(
    MSGS(['Sources of funds (%s) differ from uses (%s) in %d.', 'The balance sheet does not balance in %d: difference %s.', 'Sculpted schedules did not settle after %d iterations.'],
         'The engine could not reconcile its own statements. This should not happen with valid inputs: keep the file and report the problem to the developers.',
         'Bộ máy tính toán không cân đối được các báo cáo của chính nó. Điều này không nên xảy ra với dữ liệu hợp lệ: hãy giữ lại tệp và báo lỗi cho nhóm phát triển.'),
    MSGS(['Investor equity of %s is below the legal minimum of %s.'],
         'Equity must reach 15 % of the base (PPP Law Art. 77; total investment less state capital by default). Raise the equity share.',
         'Vốn chủ sở hữu phải đạt tối thiểu 15 % của cơ sở tính (Điều 77 Luật PPP; mặc định là tổng mức đầu tư trừ vốn nhà nước). Hãy tăng tỷ lệ vốn chủ sở hữu.'),
    MSGS(['State capital support of %s is above the legal cap of %s.', "State support of %s in %d exceeds that year's need of %s."],
         'State capital support exceeds the cap of PPP Law Art. 69 (50 %, or 70 % for S&amp;T projects) or the year\'s need. Lower the support share or the schedule.',
         'Vốn nhà nước hỗ trợ xây dựng vượt mức trần của Điều 69 Luật PPP (50 %, hoặc 70 % với dự án KH&amp;CN) hoặc vượt nhu cầu vốn của năm. Hãy giảm tỷ lệ hoặc lịch vốn nhà nước hỗ trợ.'),
    MSGS(['Cash available for distribution is negative in %d: the investor must inject %s.'],
         'In that year the cash flow does not cover debt service and replacements; the model treats the gap as an equity injection. Check the replacement timing, the ramp-up, or lengthen the grace period.',
         'Trong năm đó dòng tiền không đủ trả nợ và chi phí thay thế; mô hình coi phần thiếu là vốn nhà đầu tư góp thêm. Hãy kiểm tra thời điểm thay thế tài sản, tiến độ huy động công suất, hoặc kéo dài thời gian ân hạn.'),
    MSGS(["DSCR of %s in %d is below the lender's minimum of %s.", 'Loan “%s”: the sculpting ratio τ = %s is below the target DSCR of %s.'],
         'Debt service is too heavy for that year\'s CFADS. Reduce the debt share, lengthen the tenor, add grace years or use sculpted repayment.',
         'Nghĩa vụ trả nợ quá lớn so với CFADS của năm đó. Hãy giảm tỷ trọng vốn vay, kéo dài thời hạn vay, tăng thời gian ân hạn hoặc dùng phương thức trả nợ theo DSCR mục tiêu.'),
    MSGS(['The contract runs %d years, beyond the legal limit of %d years.', 'Loan “%s” is not repaid within the contract term (%s outstanding at the end).'],
         'Shorten the construction and operation years, or the loan\'s tenor, so that everything ends within the contract term and the legal limit.',
         'Hãy rút ngắn số năm xây dựng và vận hành, hoặc thời hạn vay, để mọi nghĩa vụ kết thúc trong thời hạn hợp đồng và giới hạn pháp lý.'),
    MSGS(['Declining-balance depreciation is meant for equipment only.', "The loans' shares of debt sum to %s instead of 1."],
         'The same problems as the validation messages above: see the depreciation and loan items.',
         'Giống các thông báo kiểm tra ở trên: xem mục về khấu hao và khoản vay.'),
    MSGS(['Loans of a project without construction years are not modelled and are ignored.', 'A BT project is modelled with one operation year, not %d.', 'An O&M contract has no construction; %d construction years are given.'],
         'The form and the timeline do not match: a BT project has one operation year; an O&amp;M contract has no construction years; debt needs construction years.',
         'Hình thức hợp đồng và thời gian thực hiện không khớp: dự án BT có một năm vận hành; hợp đồng O&amp;M không có năm xây dựng; vốn vay cần có năm xây dựng.'),
    MSGS(['The downside threshold %s is outside the negotiable range (nearest limit %s).', 'The upside threshold %s is outside the negotiable range (nearest limit %s).', "The contract form does not allow downside revenue sharing; the state's share is ignored.", "The contract form does not allow upside revenue sharing; the investor's share is ignored."],
         'The revenue sharing band breaks PPP Law Art. 82: thresholds must lie in the negotiable ranges (75–90 % and 110–125 %), and only the forms listed in <link xref="risk-sharing#band"/> share revenue.',
         'Cơ chế chia sẻ doanh thu vi phạm Điều 82 Luật PPP: các ngưỡng phải nằm trong phạm vi được thỏa thuận (75–90 % và 110–125 %), và chỉ các hình thức nêu trong <link xref="risk-sharing#band"/> được chia sẻ doanh thu.'),
    MSGS(["The three parties' funding shares sum to %s, not 1."],
         'In a three-party cooperation the shares of the state, the enterprise and the institute must add up to 1.',
         'Trong hợp tác ba bên, tổng tỷ lệ đóng góp của Nhà nước, doanh nghiệp và tổ chức KH&amp;CN phải bằng 1.'),
    MSGS(['%d more findings were not recorded.'],
         'Too many findings: fix the first ones and compute again.',
         'Có quá nhiều phát hiện: hãy sửa các lỗi đầu tiên rồi tính toán lại.'),
  ),
)
_cli_section = SECTION('command-line', 'Command-line messages', 'Thông báo của dòng lệnh',
  ITEMS(
    ('“give exactly one project file”, “--csv goes with --table”, “unknown table …”: check the command with <cmd>khathi-cli <var>COMMAND</var> --help</cmd>. These usage errors exit with 2.',
     '“cần chỉ định đúng một tệp dự án”, “--csv chỉ dùng kèm --table”, “không có bảng …”: hãy kiểm tra lại lệnh bằng <cmd>khathi-cli <var>LỆNH</var> --help</cmd>. Các lỗi dùng sai lệnh này trả mã thoát 2.'),
    ('“… is not a rate (write 0.1 or 10%)”: rates are written <code>0.1</code> or <code>10%</code>, with a decimal point.',
     '“… không phải là tỷ lệ (viết 0.1 hoặc 10%)”: tỷ lệ được viết <code>0.1</code> hoặc <code>10%</code>, với dấu chấm thập phân.'),
    ('“the project has no year to compute”: give the study at least one operation year.',
     '“dự án không có năm nào để tính toán”: báo cáo cần có ít nhất một năm vận hành.'),
  ),
)
EXTRA_FILES = ['kt-correlation.c', 'kt-sampler.c', 'kt-sampling.c', 'kt-simulation.c', 'kt-risk.c',
               'kt-portfolio-appraise.c', 'kt-audit.c']
_EXTRA_SRC = {_nspec(m) for f, m in _srcmsgs.messages(EXTRA_FILES)}
VI_MSG_EXTRA.update({
  'There is no submission %lld in the portfolio': 'Không có hồ sơ số %lld trong danh mục',
  'Submission %lld is decided (%s): its scores and decision are final': 'Hồ sơ số %lld đã có quyết định (%s): điểm và quyết định là cuối cùng',
  "The appraiser's name is required (and cannot be “auto”)": 'Cần có tên người thẩm định (và không được là “auto”)',
  'Unknown criterion “%s”; the rubric’s scored criteria are: %s': 'Không có tiêu chí “%s”; các tiêu chí được chấm điểm của bộ tiêu chí là: %s',
  'The criterion “%s” is scored automatically from the recomputed figures': 'Tiêu chí “%s” được chấm tự động từ các chỉ tiêu được tính lại',
  'The score of “%s” must lie between %g and %g': 'Điểm của “%s” phải nằm trong khoảng từ %g đến %g',
  'A comment is required with every score': 'Mỗi điểm phải kèm nhận xét',
  'The comment is not valid UTF-8': 'Nhận xét không phải văn bản UTF-8 hợp lệ',
  'The decision must be “approve”, “return” (for revision) or “reject”': 'Quyết định phải là “approve” (chấp thuận), “return” (trả lại để chỉnh sửa) hoặc “reject” (không chấp thuận)',
  "The appraiser's name is required": 'Cần có tên người thẩm định',
  'A note giving the reasons is required with every decision': 'Mỗi quyết định phải kèm ghi chú nêu lý do',
  'The note is not valid UTF-8': 'Ghi chú không phải văn bản UTF-8 hợp lệ',
  'The database integrity check failed: %s': 'Kiểm tra tính toàn vẹn của cơ sở dữ liệu không đạt: %s',
  'The protecting trigger “%s” was removed': 'Trigger bảo vệ “%s” đã bị xóa',
  'Audit entry %lld is out of sequence (expected %u): entries were removed or inserted': 'Mục nhật ký %lld sai thứ tự (cần %u): đã có mục bị xóa hoặc bị chèn thêm',
  "Audit entry %lld does not follow the previous entry's hash: the chain is broken": 'Mục nhật ký %lld không khớp giá trị băm của mục trước: chuỗi đã bị đứt',
  'Audit entry %lld (%s) was altered: its hash does not match its content': 'Mục nhật ký %lld (%s) đã bị sửa: giá trị băm không khớp với nội dung',
  'Submission %lld has lost its file': 'Hồ sơ số %lld đã mất tệp',
  'Submission %lld has no import entry in the audit log': 'Hồ sơ số %lld không có mục nhập hồ sơ trong nhật ký',
  "Submission %lld's recorded SHA-256 or project id differs from its import entry": 'Giá trị SHA-256 hoặc mã dự án đã ghi của hồ sơ số %lld khác với mục nhập hồ sơ',
  'The list row of submission %lld disagrees with its columns: the portfolio was altered': 'Dòng danh sách của hồ sơ số %lld không khớp với các cột dữ liệu: danh mục đã bị sửa',
  'The file of submission %lld was altered: its SHA-256 does not match': 'Tệp của hồ sơ số %lld đã bị sửa: giá trị SHA-256 không khớp',
  'Submission %lld was removed (audit entry %lld)': 'Hồ sơ số %lld đã bị xóa (mục nhật ký %lld)',
  'The score of “%s” by %s on submission %lld differs from the audit log': 'Điểm “%s” do %s chấm cho hồ sơ số %lld khác với nhật ký',
  'The decision on submission %lld differs from the audit log': 'Quyết định về hồ sơ số %lld khác với nhật ký',
})
def XMSGS(srcs, en, vi):
    """MSGS for messages of EXTRA_FILES that still exist in the sources."""
    present = [m for m in srcs if _nspec(m) in _EXTRA_SRC]
    gone = [m for m in srcs if _nspec(m) not in _EXTRA_SRC]
    WARNINGS.extend('documented message no longer in the sources: ' + m for m in gone)
    return MSGS(present, en, vi) if present else ''

_sim_section = SECTION('simulation', 'Simulation and correlations', 'Mô phỏng và hệ số tương quan',
  MTERMS(
    XMSGS(['The correlations contradict each other (the matrix is not positive definite). The nearest consistent values are: %s',
           'The correlations contradict each other (the matrix is not positive definite); correct them or accept the nearest consistent values',
           'The simulation used the nearest consistent correlations, not the project\'s own', 'No consistent correlation matrix was found'],
          'Three or more correlations cannot hold together (for example demand strongly tied to tariff and to opex, but tariff and opex strongly opposed). Correct them with the nearest consistent values the message gives, or run with <cmd>--nearest-correlation</cmd>; the results then say they used other correlations than the study\'s.',
          'Ba hệ số tương quan trở lên không thể đồng thời đúng (ví dụ nhu cầu tương quan chặt với giá và với chi phí vận hành, nhưng giá và chi phí vận hành lại tương quan nghịch mạnh). Hãy sửa theo bộ giá trị nhất quán gần nhất mà thông báo đưa ra, hoặc chạy với <cmd>--nearest-correlation</cmd>; khi đó kết quả sẽ ghi rõ đã dùng hệ số tương quan khác với báo cáo.'),
    XMSGS(['A correlation must lie between −1 and 1', 'A correlation lies outside −1 … 1', '“%s” has no distribution, so this correlation is ignored'],
          'A correlation is a number from −1 to 1 between two drivers that both have a distribution.',
          'Hệ số tương quan là một số từ −1 đến 1 giữa hai biến số cùng có phân phối xác suất.'),
    XMSGS(['This distribution moves no driver and is ignored', '“%s” already has a distribution', '“%s” is given as an absolute value, but the project has no base value to compare it with; give it as a multiplier', 'Some distributions cannot be used',
           'Values and probabilities must be finite, probabilities not negative', 'The probabilities must add up to 1', 'Unknown distribution',
           '“%s” does not change any indicator of this project, so its distribution has no effect'],
          'A distribution is unusable or has no effect: give it a driver, one distribution per driver, consistent parameters (see <link xref="study-sections#uncertainty"/>), and a multiplier rather than an absolute value when the study has no base value for that driver.',
          'Một phân phối xác suất không dùng được hoặc không có tác dụng: hãy gắn phân phối với một biến số, mỗi biến số chỉ một phân phối, các tham số nhất quán (xem <link xref="study-sections#uncertainty"/>), và dùng hệ số nhân thay vì giá trị tuyệt đối khi báo cáo không có giá trị gốc cho biến số đó.'),
    XMSGS(['The number of iterations must be between 1 and %d', 'The project has no distribution to simulate', 'The project has no year to compute', 'The engine could not evaluate a draw of the project', 'Each iteration draws the success of the R&D phase from its probability'],
          'Give a reasonable number of iterations and at least one distribution. A draw the engine cannot evaluate usually comes from an extreme value of a distribution (for example a negative cost): narrow its range.',
          'Hãy chọn số lần lặp hợp lý và có ít nhất một phân phối xác suất. Lần rút mẫu mà bộ máy tính toán không tính được thường do giá trị cực đoan của một phân phối (ví dụ chi phí âm): hãy thu hẹp khoảng giá trị.'),
  ),
)
_risk_section = SECTION('risk-register', 'Risk register messages', 'Thông báo về ma trận phân bổ rủi ro',
  MTERMS(
    XMSGS(['Risk %s is allocated to: %s, whereas the usual allocation for this contract form is: %s. Write a justification.',
           'Risk %s is allocated to: %s, whereas the usual allocation for this contract form is: %s (justified).'],
          'The allocation differs from usual practice for the form (<link xref="risk-sharing#register"/>). This is allowed, but the appraiser will expect a reason: write it in the risk\'s justification.',
          'Cách phân bổ khác với thông lệ đối với hình thức hợp đồng (<link xref="risk-sharing#register"/>). Điều này được phép, nhưng người thẩm định sẽ cần lý do: hãy ghi vào phần giải trình của rủi ro.'),
    XMSGS(['Risk %s: likelihood and impact must be between 1 and 5', 'Risk %s: the expected cost must be a positive amount; counted as 0'],
          'Likelihood and impact are scores from 1 to 5; the expected cost is a positive amount in đồng.',
          'Khả năng xảy ra và mức độ ảnh hưởng được chấm từ 1 đến 5; chi phí dự kiến là số tiền dương tính bằng đồng.'),
    XMSGS(['The risk benchmarks are not installed (looked for %s)', 'the risk benchmarks are empty, too large or have a forbidden DOCTYPE', 'the risk benchmarks are not well-formed XML',
           'not a Khả Thi risk benchmark file (expected <risk-benchmarks> in namespace %s)', 'the risk benchmarks need an id', 'unknown risk category “%s”', 'risk category “%s” appears twice',
           '“%s” is not a list of owners', 'unknown contract form “%s”', 'unknown element <%s>', 'risk category “%s” needs a status and a <basis>', '%s: no benchmark for the risk category “%s”'],
          'The file of usual allocations (<file>risks/risk-benchmarks.xml</file> in the data folder) is missing or damaged. Reinstall Khả Thi, or check <sys>KHATHI_DATA_DIR</sys>.',
          'Tệp phân bổ rủi ro thông thường (<file>risks/risk-benchmarks.xml</file> trong thư mục dữ liệu) bị thiếu hoặc bị hỏng. Hãy cài lại Khả Thi, hoặc kiểm tra biến <sys>KHATHI_DATA_DIR</sys>.'),
  ),
)
_portfolio_section = SECTION('portfolio', 'Portfolio messages', 'Thông báo của danh mục hồ sơ',
  MTERMS(
    XMSGS(['There is no submission %lld in the portfolio', 'Submission %lld is decided (%s): its scores and decision are final'],
          'Use the number shown by <cmd>portfolio list</cmd>. Once decided, a submission is closed; a revised study is imported as a new version.',
          'Hãy dùng số hiệu do <cmd>portfolio list</cmd> hiển thị. Hồ sơ đã có quyết định thì không thay đổi được nữa; báo cáo sửa đổi được nhập như một phiên bản mới.'),
    XMSGS(["The appraiser's name is required (and cannot be “auto”)", "The appraiser's name is required", 'Unknown criterion “%s”; the rubric’s scored criteria are: %s',
           'The criterion “%s” is scored automatically from the recomputed figures', 'The score of “%s” must lie between %g and %g', 'A comment is required with every score',
           'The comment is not valid UTF-8', 'The decision must be “approve”, “return” (for revision) or “reject”', 'A note giving the reasons is required with every decision', 'The note is not valid UTF-8'],
          'Every score and decision is signed by an appraiser and carries its reasons. Give <cmd>--appraiser</cmd>, a criterion the rubric lets you score, a score on its scale and a comment (or note).',
          'Mỗi điểm và quyết định đều ghi tên người thẩm định và kèm lý do. Hãy nhập <cmd>--appraiser</cmd>, một tiêu chí mà bộ tiêu chí cho phép chấm, điểm theo thang điểm của tiêu chí và nhận xét (hoặc ghi chú).'),
    XMSGS(['The database integrity check failed: %s', 'The protecting trigger “%s” was removed', 'Audit entry %lld is out of sequence (expected %u): entries were removed or inserted',
           "Audit entry %lld does not follow the previous entry's hash: the chain is broken", 'Audit entry %lld (%s) was altered: its hash does not match its content',
           'Submission %lld has lost its file', 'Submission %lld has no import entry in the audit log',
           "Submission %lld's recorded SHA-256 or project id differs from its import entry", 'The list row of submission %lld disagrees with its columns: the portfolio was altered',
           'The file of submission %lld was altered: its SHA-256 does not match', 'Submission %lld was removed (audit entry %lld)',
           'The score of “%s” by %s on submission %lld differs from the audit log', 'The decision on submission %lld differs from the audit log'],
          '<cmd>portfolio verify</cmd> found that the portfolio was changed outside Khả Thi: entries, files, scores or decisions no longer match the audit chain. Do not continue with this copy: restore the portfolio from a backup and compare the last hash with the one you kept.',
          '<cmd>portfolio verify</cmd> phát hiện danh mục đã bị thay đổi bên ngoài Khả Thi: các mục nhật ký, tệp, điểm hoặc quyết định không còn khớp với chuỗi nhật ký. Không tiếp tục dùng bản này: hãy khôi phục danh mục từ bản sao lưu và so sánh giá trị băm cuối cùng với giá trị bạn đã lưu.'),
  ),
)

# Messages of the windows and of the portfolio database, explained by hand:
# each is looked up in its source file so that a message that goes away is
# reported rather than documented forever.
GUI_VI = {
  'Spreadsheets can only be written to a local folder': 'Chỉ có thể ghi bảng tính vào một thư mục trên máy',
  'The report font %s is not installed. Install the package “fonts-liberation2” and try again.\\n\\n%s': 'Máy chưa cài phông chữ báo cáo %s. Hãy cài gói “fonts-liberation2” rồi thử lại.\\n\\n%s',
  '“%s” could not be written: %s': 'Không thể ghi “%s”: %s',
  'Another export is in progress': 'Đang có một lần xuất khác chưa xong',
  'The report could not be printed': 'Không thể in báo cáo',
  'This build has no spreadsheet support (libxlsxwriter)': 'Bản dựng này không hỗ trợ bảng tính (thiếu libxlsxwriter)',
  'The spreadsheet could not be exported': 'Không thể xuất bảng tính',
  'The report could not be exported': 'Không thể xuất báo cáo',
  'This portfolio is open read-only: %s': 'Danh mục hồ sơ này chỉ mở để xem: %s',
  'This portfolio is read-only: nothing can be imported': 'Danh mục hồ sơ chỉ mở để xem: không thể nhập thêm',
  'The Portfolio Cannot Be Opened': 'Không mở được danh mục hồ sơ',
  'The Portfolio Cannot Be Read': 'Không đọc được danh mục hồ sơ',
  'Import Failed': 'Nhập hồ sơ không thành công',
  'Some Submissions Were Not Imported': 'Một số hồ sơ không nhập được',
  'No Submissions in This Folder': 'Thư mục không có hồ sơ',
  'The Folder Cannot Be Read': 'Không đọc được thư mục',
  'The catalogue’s file name must end in .pdf, .xlsx or .csv': 'Tên tệp danh mục phải có đuôi .pdf, .xlsx hoặc .csv',
  'The Export Failed': 'Xuất tệp không thành công',
  'The Audit Log Cannot Be Checked': 'Không kiểm tra được nhật ký',
  'The Submission Cannot Be Opened': 'Không mở được hồ sơ',
  'The proposer claims %s of %s, but the inputs give %s': 'Nhà đầu tư đề xuất nêu %s là %s, nhưng tính lại từ dữ liệu đầu vào được %s',
}
def GMSGS(path, srcs, en, vi):
    """MSGS for messages of src/PATH (gui/…, or a core file) that are still there."""
    have = {_nspec(m) for f, m in _srcmsgs.messages([path])}
    present = [m for m in srcs if _nspec(m) in have]
    WARNINGS.extend(f'documented message no longer in {path}: {m}' for m in srcs if _nspec(m) not in have)
    for m in present:
        if m not in VI and m not in VI_MSG_EXTRA and _nspec(m) not in VI_N:
            VI_MSG_EXTRA[m] = GUI_VI.get(m) or m
    return MSGS(present, en, vi) if present else ''

_edit_section = SECTION('editing', 'When the editor refuses a value', 'Khi trình soạn thảo từ chối một giá trị',
  P('These messages appear beside the field or table while you type, paste or import; nothing is changed until the value is right.',
    'Các thông báo này xuất hiện cạnh trường hoặc bảng khi bạn nhập, dán hoặc nhập từ tệp; chưa có gì thay đổi cho đến khi giá trị hợp lệ.'),
  MTERMS(
    GMSGS('core/kt-edit.c', ['Enter a number', 'Allowed: %g … %g', 'Not a choice of “%s”', 'Wrong kind of value for “%s”'],
          'Type a number in the unit shown after the field, with the decimal mark of your language (a comma in Vietnamese), within the range given; choose one of the listed values.',
          'Hãy nhập một số theo đơn vị ghi sau ô nhập, dùng dấu thập phân theo ngôn ngữ của bạn (dấu phẩy trong tiếng Việt), trong phạm vi được nêu; hoặc chọn một trong các giá trị được liệt kê.'),
    GMSGS('gui/kt-table.c', ['There is nothing to paste', 'Row %u: “%s” is not a number', '“%s” is not a choice of “%s”', 'Click a year of a series first, then fill to the right'],
          'Copy the cells again in the spreadsheet; numbers only in number columns (remove units and text such as “tỷ”); click the first year to fill from before using fill right.',
          'Hãy sao chép lại các ô trong bảng tính; cột số chỉ chứa số (bỏ đơn vị và chữ như “tỷ”); nhấn vào năm đầu tiên cần điền trước khi dùng chức năng điền sang phải.'),
    GMSGS('gui/kt-table.c', ['The file is not UTF-8 text', 'The column “%s” is not a field of this table'],
          'A CSV file to import must be UTF-8 text whose first line names the columns as an exported file does. Export the table once to see the expected columns; in a spreadsheet, save as “CSV UTF-8”.',
          'Tệp CSV cần nhập phải là văn bản UTF-8, dòng đầu tiên ghi tên các cột giống tệp xuất ra. Hãy xuất bảng một lần để xem các cột cần có; trong bảng tính, hãy lưu dưới dạng “CSV UTF-8”.'),
    GMSGS('core/kt-csv.c', ['A quoted cell is not closed', '“%s” (line %u) is not a number', 'There are no numbers to paste'],
          'The pasted or imported text is damaged or holds text where numbers are expected. Check the cells named, then paste again.',
          'Văn bản được dán hoặc nhập bị lỗi hoặc chứa chữ ở chỗ cần số. Hãy kiểm tra các ô được nêu rồi dán lại.'),
  ),
)
_window_section = SECTION('windows', 'Results, report and help', 'Kết quả, báo cáo và trợ giúp',
  MTERMS(
    GMSGS('gui/kt-results-page.c', ['The timeline has no year: set construction or operation years', 'The rule set “%s” cannot be loaded: %s'],
          'The results cannot be computed. Give the study construction or operation years under <gui>Timeline</gui>, or a rule set that is installed (see <link xref="troubleshooting#rules"/>).',
          'Không tính được kết quả. Hãy nhập số năm xây dựng hoặc số năm vận hành ở phần <gui>Thời gian thực hiện</gui>, hoặc chọn một bộ quy định đã được cài (xem <link xref="troubleshooting#rules"/>).'),
    GMSGS('gui/kt-simulation-page.c', ['No input carries a distribution: add some under Uncertainty', 'The simulation cannot run: %s'],
          'The Monte Carlo simulation needs at least one distribution, and consistent ones: see <link xref="study-by-section#uncertainty"/> and the simulation messages above.',
          'Mô phỏng Monte Carlo cần ít nhất một phân phối xác suất, và các phân phối phải nhất quán: xem <link xref="study-by-section#uncertainty"/> và các thông báo về mô phỏng ở trên.'),
    GMSGS('gui/kt-report-page.c', ['The report font %s is not installed. Install the package “fonts-liberation2” and try again.\\n\\n%s'],
          'The PDF report embeds the Liberation fonts. Install the package named (on Debian and Ubuntu: <cmd>sudo apt install fonts-liberation2</cmd>) and export again.',
          'Báo cáo PDF nhúng phông chữ Liberation. Hãy cài gói được nêu (trên Debian và Ubuntu: <cmd>sudo apt install fonts-liberation2</cmd>) rồi xuất lại.'),
    GMSGS('gui/kt-report-page.c', ['“%s” could not be written: %s', 'Spreadsheets can only be written to a local folder', 'Another export is in progress', 'The report could not be printed'],
          'Choose a folder on this computer where you may write, and wait until the export under way is finished (or cancel it). For printing, check that a printer is set up.',
          'Hãy chọn một thư mục trên máy mà bạn có quyền ghi, và chờ lần xuất đang chạy kết thúc (hoặc hủy lần đó). Khi in, hãy kiểm tra máy in đã được cài đặt.'),
    GMSGS('gui/kt-report-page.c', ['This build has no spreadsheet support (libxlsxwriter)'],
          'This copy of Khả Thi was built without the XLSX library: install the package of your distribution or the Flatpak, which have it.',
          'Bản Khả Thi này được biên dịch không kèm thư viện XLSX: hãy cài gói của bản phân phối hoặc bản Flatpak, vốn có thư viện này.'),
    GMSGS('gui/kt-application.c', ['Could not open the help: %s'],
          'The help is read by the GNOME help browser. Install it (on Debian and Ubuntu: <cmd>sudo apt install yelp</cmd>).',
          'Trang trợ giúp được hiển thị bằng trình xem trợ giúp của GNOME. Hãy cài trình này (trên Debian và Ubuntu: <cmd>sudo apt install yelp</cmd>).'),
  ),
)
_portfolio_db_section = SECTION('portfolio-file', 'The portfolio file', 'Tệp danh mục hồ sơ',
  MTERMS(
    GMSGS('core/kt-portfolio-db.c', ['The portfolio %s does not exist', 'Cannot create the folder %s: %s', 'Cannot open the portfolio %s: %s', '%s is not a portfolio database (%s)', '%s is an SQLite database of another program, not a Khả Thi portfolio'],
          'Check the path: a portfolio is the <file>.sqlite</file> file that <gui>New Portfolio…</gui> or the first import created, by default <file>~/.local/share/khathi/portfolio.sqlite</file>.',
          'Hãy kiểm tra đường dẫn: danh mục hồ sơ là tệp <file>.sqlite</file> được tạo bằng <gui>Tạo danh mục hồ sơ mới…</gui> hoặc khi nhập hồ sơ lần đầu, mặc định là <file>~/.local/share/khathi/portfolio.sqlite</file>.'),
    GMSGS('core/kt-portfolio-db.c', ['The portfolio %s is open read-only (%s); nothing was changed', 'The portfolio %s is empty and cannot be created read-only', 'The portfolio %s needs a schema update but is read-only', 'Another program kept the portfolio %s locked for too long while %s; try again'],
          'The file is write-protected, on a read-only disk or held by another program (another Khả Thi, a backup tool). You can still read it; to import, score or decide, close the other program or copy the portfolio to a folder where you may write.',
          'Tệp được bảo vệ chống ghi, nằm trên ổ đĩa chỉ đọc hoặc đang bị chương trình khác giữ (một Khả Thi khác, phần mềm sao lưu). Bạn vẫn xem được; để nhập, chấm điểm hoặc quyết định, hãy đóng chương trình kia hoặc sao chép danh mục vào thư mục mà bạn có quyền ghi.'),
    GMSGS('gui/kt-portfolio-window.c', ['This portfolio is open read-only: %s', 'This portfolio is read-only: nothing can be imported'],
          'The same in the portfolio window: the warning bar gives the reason.',
          'Tương tự trong cửa sổ danh mục hồ sơ: thanh cảnh báo nêu lý do.'),
    GMSGS('core/kt-portfolio-db.c', ['The disk is full (or the portfolio reached its size limit) while %s; the change was rolled back and nothing already stored was lost', 'The portfolio %s cannot be written (%s) while %s; nothing was changed', 'Input/output error on the portfolio %s while %s: %s', 'Refused while %s: %s', 'Database error while %s: %s'],
          'The change was not made and the portfolio is as it was. Free disk space or fix the disk, then do it again.',
          'Thao tác chưa được thực hiện và danh mục hồ sơ vẫn như trước. Hãy giải phóng dung lượng ổ đĩa hoặc khắc phục lỗi ổ đĩa, rồi thực hiện lại.'),
    GMSGS('core/kt-portfolio-db.c', ['The portfolio %s is damaged (%s) while %s', 'The portfolio %s is damaged and cannot be read (%s)', 'The portfolio %s is damaged (%s) and cannot be opened', 'the integrity check failed: %s; restore a backup or export what can be read', 'it was written by a newer version of Khả Thi (schema %d, this one knows %d)'],
          'Restore the portfolio from a backup, and verify its audit log against the last hash you recorded. A portfolio written by a newer Khả Thi needs that version.',
          'Hãy khôi phục danh mục hồ sơ từ bản sao lưu, và kiểm tra nhật ký với giá trị băm cuối cùng bạn đã ghi lại. Danh mục được ghi bằng phiên bản Khả Thi mới hơn cần dùng phiên bản đó.'),
    GMSGS('core/kt-portfolio-db.c', ['%s is larger than %d MiB', '%s: the study has no project id, so versions cannot be linked', 'The project has no year to compute (check its timeline)'],
          'The file cannot be imported as a submission: it is not a study, it lacks the project id that links its versions (save it again with Khả Thi, which gives one), or its timeline has no year.',
          'Không nhập được tệp thành hồ sơ: tệp không phải là báo cáo, thiếu mã dự án để liên kết các phiên bản (hãy lưu lại bằng Khả Thi để có mã), hoặc thời gian thực hiện không có năm nào.'),
    GMSGS('gui/kt-portfolio-window.c', ['Import Failed', 'Some Submissions Were Not Imported', 'No Submissions in This Folder', 'The Folder Cannot Be Read'],
          'The message lists each file that was not imported with its reason; the files imported before it stay in the portfolio. A folder import takes only <file>.khathi</file> files.',
          'Thông báo liệt kê từng tệp không nhập được kèm lý do; các tệp đã nhập trước đó vẫn được giữ trong danh mục. Khi nhập cả thư mục, chỉ các tệp <file>.khathi</file> được nhập.'),
    GMSGS('core/kt-portfolio-db.c', ['The proposer claims %s of %s, but the inputs give %s'],
          'A figure written in the submitted file is not what its inputs give (see <link xref="command-line#claims"/>). The appraisal uses the recomputed figure; ask the proposer why they differ.',
          'Một chỉ tiêu ghi trong tệp được nộp không khớp với kết quả tính từ dữ liệu đầu vào của chính tệp đó (xem <link xref="command-line#claims"/>). Việc thẩm định dùng chỉ tiêu tính lại; hãy hỏi nhà đầu tư đề xuất lý do sai lệch.'),
    GMSGS('core/kt-rubric.c', ['The feasibility study lacks the chapter “%s” (Decree 180 Art. 14)'],
          'A legal check of the rubric: the narrative chapter named is empty. The proposer must write it (<link xref="study-by-section#chapters"/>).',
          'Một điều kiện pháp lý của bộ tiêu chí: chương thuyết minh được nêu còn trống. Nhà đầu tư đề xuất cần viết chương này (<link xref="study-by-section#chapters"/>).'),
    GMSGS('core/kt-rubric.c', ['%s: the rubric is not well-formed XML', '%s: the rubric is empty, too large or has a forbidden DOCTYPE', '%s: a rubric needs an id, at least one criterion and a positive disagreement threshold', '%s: the criterion “%s” appears twice'],
          'The scoring rubric (<file>rubrics/default.xml</file>, or the file given with <cmd>--rubric</cmd>) is damaged or was edited by hand: correct it at the line given or reinstall Khả Thi.',
          'Bộ tiêu chí chấm điểm (<file>rubrics/default.xml</file>, hoặc tệp chỉ định bằng <cmd>--rubric</cmd>) bị hỏng hoặc bị sửa thủ công: hãy sửa tại dòng được nêu hoặc cài lại Khả Thi.'),
    GMSGS('gui/kt-portfolio-window.c', ['The catalogue’s file name must end in .pdf, .xlsx or .csv'],
          'The type of the catalogue is chosen by the extension of its file name: end it with <file>.pdf</file>, <file>.xlsx</file> or <file>.csv</file>.',
          'Định dạng của danh mục được chọn theo phần mở rộng của tên tệp: hãy đặt tên tệp kết thúc bằng <file>.pdf</file>, <file>.xlsx</file> hoặc <file>.csv</file>.'),
  ),
)

_uncovered = [m for f, m in _srcmsgs.messages() if _nspec(m) not in _COVERED and not (f == 'kt-model-checks.c' and '%' not in m)]
_other_section = ''
if _uncovered:
    WARNINGS.extend('message without an explanation (add it to MSGS in gen-help.py): ' + m for m in _uncovered)
    _other_section = SECTION('other', 'Other messages', 'Các thông báo khác',
      P('These messages name the field or value concerned; correct it as the message says, then check the study again.',
        'Các thông báo này nêu rõ trường hoặc giá trị liên quan; hãy sửa theo nội dung thông báo rồi kiểm tra lại báo cáo.'),
      MTERMS(*[f'<item>{T(_disp(m), _disp(_vi_msg(m)))}{P("Correct what the message names.", "Hãy sửa nội dung mà thông báo nêu.")}</item>' for m in _uncovered]))

# The pass descriptions of the checks, one table.
def _checks_table():
    s = open(os.path.join(ROOT, 'src', 'core', 'kt-model-checks.c'), encoding='utf-8').read()
    rows = []
    for m in re.finditer(r'\{\s*"([a-z_]+)",\s*KT_SEVERITY_(\w+),\s*N_\(((?:\s*"(?:[^"\\]|\\.)*")+)\s*\)', s):
        code, sev = m.group(1), m.group(2)
        desc = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(3)))
        vi = VI.get(desc) or CHECK_VI.get(desc) or _warn_same('check without Vietnamese (add it to CHECK_VI): ' + desc, desc)
        rows.append([CODEP(code), P(_esc(desc), _esc(vi)), P({'ERROR': 'error', 'WARNING': 'warning'}[sev], {'ERROR': 'lỗi', 'WARNING': 'cảnh báo'}[sev])])
    return TABLE([('Code', 'Mã'), ('Passes when', 'Đạt khi'), ('Severity', 'Mức độ')], rows)

CHECK_VI = {
          'The revenue-sharing thresholds are within the negotiable ranges of the rule set': 'Các ngưỡng chia sẻ doanh thu nằm trong phạm vi được thỏa thuận của bộ quy định',
          'Revenue sharing is only used on the sides the contract form allows': 'Chỉ chia sẻ doanh thu ở những chiều mà hình thức hợp đồng cho phép',
          'An O&M project has no construction years': 'Dự án O&M không có năm xây dựng',
          "The three parties' funding shares sum to 1": 'Tổng tỷ lệ đóng góp của ba bên bằng 1',
        }

page('troubleshooting', 'topic', ('Problems and error messages', 'Sự cố và thông báo lỗi'),
     ('Every message Khả Thi can show when it reads, checks or computes a study: what it means and what to do.',
      'Mọi thông báo Khả Thi có thể hiển thị khi đọc, kiểm tra hoặc tính toán báo cáo: ý nghĩa và cách xử lý.'),
     ['index#tools'], [
  P('Messages are shown in the language of the application. In the list below, “…” stands for the name, number or text the message fills in.',
    'Thông báo được hiển thị theo ngôn ngữ của ứng dụng. Trong danh sách dưới đây, “…” thay cho tên, số hoặc nội dung cụ thể được điền vào thông báo.'),
  _file_section, _save_section, _validate_section, _rules_section,
  SECTION('check-list', 'The checks', 'Các phép kiểm tra',
    P('<cmd>khathi-cli compute</cmd> lists every check with its code. Errors make the study fail the appraisal; warnings ask for a look.',
      '<cmd>khathi-cli compute</cmd> liệt kê mọi phép kiểm tra kèm mã. Lỗi làm báo cáo không đạt khi thẩm định; cảnh báo cần được xem xét.'),
    _checks_table()),
  _edit_section, _checks_section, _sim_section, _risk_section, _window_section, _portfolio_section, _portfolio_db_section, _cli_section, _other_section,
])

# ------------------------------------------------------------------ editing in the application
page('edit-study', 'topic', ('Prepare a study in the application', 'Lập báo cáo trong ứng dụng'),
     ('Start a new study with the assistant, fill in its sections, correct the problems it lists, and save.',
      'Tạo báo cáo mới bằng trình hướng dẫn, nhập từng phần, sửa các vấn đề được liệt kê và lưu báo cáo.'),
     ['index#study'], [
  SECTION('new', 'Start a new study', 'Tạo báo cáo mới',
    MEDIA('figures/assistant.png', 335, 'The New Study assistant.', 'Trình hướng dẫn tạo báo cáo mới.'),
    STEPS(
      ('Press <keyseq><key>Ctrl</key><key>N</key></keyseq>, or click <gui style="button">New Study…</gui> on the start page.',
       'Nhấn <keyseq><key>Ctrl</key><key>N</key></keyseq>, hoặc nhấn <gui style="button">Báo cáo mới…</gui> trên trang bắt đầu.'),
      ('Under <gui>Start From</gui>, choose an empty study with the usual defaults, or one of the samples as a template.',
       'Tại <gui>Bắt đầu từ</gui>, chọn một báo cáo trống với các giá trị mặc định thông thường, hoặc dùng một báo cáo mẫu làm khuôn mẫu.'),
      ('Give the names in Vietnamese and English, the proposing enterprise and the province; choose the eligible field (Decree 180 Art. 2), the application domain and the PPP form (Art. 3); set the first year and the numbers of construction and operation years.',
       'Nhập tên bằng tiếng Việt và tiếng Anh, doanh nghiệp đề xuất và tỉnh, thành phố; chọn lĩnh vực (Điều 2 Nghị định 180), lĩnh vực ứng dụng và hình thức PPP (Điều 3); đặt năm đầu tiên, số năm xây dựng và số năm vận hành.'),
      ('Click <gui style="button">Create</gui>. An empty study gets placeholder lines for investment, revenue and a loan, the discount rates from the preferences and the incentive and revenue sharing the rule set suggests for the form. Each default is marked as an assumption to review.',
       'Nhấn <gui style="button">Tạo</gui>. Báo cáo trống có sẵn các dòng tạm cho đầu tư, doanh thu và một khoản vay, các tỷ lệ chiết khấu lấy từ phần tùy chỉnh, ưu đãi thuế và cơ chế chia sẻ doanh thu mà bộ quy định gợi ý cho hình thức đã chọn. Mỗi giá trị mặc định được đánh dấu là giả định cần xem lại.'),
    ),
  ),
  SECTION('sections', 'Fill in the sections', 'Nhập các phần của báo cáo',
    MEDIA('figures/editor.png', 595, 'The investment section of the smart-traffic sample: a form above, the table of capex lines below.', 'Phần đầu tư của báo cáo mẫu giao thông thông minh: biểu mẫu ở trên, bảng các hạng mục chi phí đầu tư ở dưới.'),
    P('The sidebar lists the views of the study: <gui>Overview</gui>, <gui>Project</gui>, <gui>Timeline</gui>, <gui>Investment</gui>, <gui>Operations &amp; Revenue</gui>, <gui>Financing</gui>, <gui>State Support &amp; Guarantees</gui>, <gui>Incentives</gui>, <gui>Risks</gui>, <gui>Uncertainty</gui> and <gui>Narrative Chapters</gui>, then <gui>Results</gui> and <gui>Report</gui>. Single values are edited in forms, lists (capex lines, loans, risks …) in tables, with money in the unit chosen in the preferences. <link xref="study-by-section"/> goes through the sections one by one; every field is described in <link xref="study-sections"/>, and the figures in <link xref="results"/>.',
      'Thanh bên liệt kê các trang của báo cáo: <gui>Tổng quan</gui>, <gui>Dự án</gui>, <gui>Thời gian thực hiện</gui>, <gui>Đầu tư</gui>, <gui>Vận hành và doanh thu</gui>, <gui>Cơ cấu nguồn vốn</gui>, <gui>Hỗ trợ và bảo đảm của Nhà nước</gui>, <gui>Ưu đãi đầu tư</gui>, <gui>Rủi ro</gui>, <gui>Yếu tố bất định</gui> và <gui>Các chương thuyết minh</gui>, sau đó là <gui>Kết quả</gui> và <gui>Báo cáo</gui>. Các giá trị đơn lẻ được nhập trong biểu mẫu, các danh sách (hạng mục đầu tư, khoản vay, rủi ro …) trong bảng, số tiền theo đơn vị chọn trong phần tùy chỉnh. <link xref="study-by-section"/> hướng dẫn lần lượt từng phần; ý nghĩa của từng trường có trong <link xref="study-sections"/>, và các chỉ tiêu trong <link xref="results"/>.'),
    P('The <gui>Overview</gui> shows how complete each section is and lists the <gui>Problems</gui> found by the validation; select a problem to go to its field. The messages are explained in <link xref="troubleshooting"/>.',
      'Trang <gui>Tổng quan</gui> cho biết mức độ hoàn thành của từng phần và liệt kê các <gui>Vấn đề</gui> phát hiện khi kiểm tra; chọn một vấn đề để chuyển tới trường liên quan. Ý nghĩa các thông báo được giải thích trong <link xref="troubleshooting"/>.'),
  ),
  SECTION('save', 'Save, undo and recover', 'Lưu, hoàn tác và khôi phục',
    ITEMS(
      ('<keyseq><key>Ctrl</key><key>S</key></keyseq> saves, <keyseq><key>Ctrl</key><key>Shift</key><key>S</key></keyseq> saves under another name, <gui>Revert</gui> in the main menu goes back to the saved file.',
       '<keyseq><key>Ctrl</key><key>S</key></keyseq> để lưu, <keyseq><key>Ctrl</key><key>Shift</key><key>S</key></keyseq> để lưu với tên khác, <gui>Hoàn nguyên</gui> trong trình đơn chính để quay lại tệp đã lưu.'),
      ('<keyseq><key>Ctrl</key><key>Z</key></keyseq> undoes the last change, <keyseq><key>Ctrl</key><key>Shift</key><key>Z</key></keyseq> redoes it.',
       '<keyseq><key>Ctrl</key><key>Z</key></keyseq> để hoàn tác thay đổi cuối cùng, <keyseq><key>Ctrl</key><key>Shift</key><key>Z</key></keyseq> để làm lại.'),
      ('Khả Thi keeps a copy of unsaved work. If it closed before you saved, it offers to recover the copy the next time.',
       'Khả Thi lưu giữ một bản sao của phần việc chưa lưu. Nếu ứng dụng bị đóng trước khi bạn lưu, lần mở sau ứng dụng sẽ đề nghị khôi phục bản sao đó.'),
    ),
  ),
  SECTION('preferences', 'Preferences', 'Tùy chỉnh',
    P('<keyseq><key>Ctrl</key><key>,</key></keyseq> opens the preferences: the money unit for showing and typing amounts (đồng, million or billion đồng; files always keep whole đồng), the language of reports, independent of the language of the application, and the default discount rates given to new studies.',
      '<keyseq><key>Ctrl</key><key>,</key></keyseq> mở phần tùy chỉnh: đơn vị tiền để hiển thị và nhập số tiền (đồng, triệu đồng hoặc tỷ đồng; tệp luôn lưu số đồng nguyên), ngôn ngữ của báo cáo, độc lập với ngôn ngữ của ứng dụng, và các tỷ lệ chiết khấu mặc định cho báo cáo mới.'),
    P('<key>F1</key>, or <gui>Help</gui> in the main menu, opens the help of what the window shows: the part of <link xref="study-by-section"/> for the section you are in, <link xref="results"/> in the results, <link xref="getting-started"/> when no study is open.',
      '<key>F1</key>, hoặc <gui>Trợ giúp</gui> trong trình đơn chính, mở phần trợ giúp của nội dung đang hiển thị trong cửa sổ: mục tương ứng của <link xref="study-by-section"/> với phần bạn đang làm việc, <link xref="results"/> khi ở phần kết quả, <link xref="getting-started"/> khi chưa mở báo cáo nào.'),
  ),
])

# ------------------------------------------------------------------ the study window, section by section
# One <section> per sidebar section of the study window, under the same id:
# F1 opens help:khathi/study-by-section#ID (src/gui/kt-help.c).
def SEE(*links):
    """A closing “See …” paragraph: (xref, en, vi) triples."""
    en = ', '.join(f'<link xref="{x}">{e}</link>' for x, e, v in links)
    vi = ', '.join(f'<link xref="{x}">{v}</link>' for x, e, v in links)
    return P(f'More: {en}.', f'Xem thêm: {vi}.')

page('study-by-section', 'topic', ('Build a study section by section', 'Lập báo cáo theo từng phần'),
     ('What each section of the study window holds, in which order to fill it in, and where its figures are explained.',
      'Nội dung từng phần trong cửa sổ báo cáo, thứ tự nên nhập và nơi giải thích các số liệu của phần đó.'),
     ['index#study'], extra_info='<link type="seealso" xref="edit-study"/><link type="seealso" xref="study-sections"/>', body=[
  P('The sidebar of the study window lists the sections of the study from top to bottom in a good order of work: identity and timeline first, then money going in (investment), coming out (operations and revenue) and how it is financed, then what the state contributes, incentives, risks and uncertainty, and finally the narrative. Under each name the sidebar says how far the section is filled in (<gui>Complete</gui>, <gui>3 of 4 filled in</gui>, <gui>Defaults set</gui>), and a badge counts its problems: red for errors, yellow for warnings. Press <key>F1</key> in any section to open its part of this page.',
    'Thanh bên của cửa sổ báo cáo liệt kê các phần của báo cáo từ trên xuống theo thứ tự làm việc hợp lý: thông tin định danh và thời gian trước, tiếp theo là dòng tiền đầu tư, dòng tiền vận hành và doanh thu và cách huy động vốn, sau đó là phần đóng góp của Nhà nước, ưu đãi, rủi ro và yếu tố bất định, cuối cùng là phần thuyết minh. Dưới tên mỗi phần, thanh bên cho biết mức độ đã nhập (<gui>Đã hoàn thành</gui>, <gui>Đã nhập 3/4</gui>, <gui>Đã có giá trị mặc định</gui>), và một nhãn đếm số vấn đề của phần đó: màu đỏ là lỗi, màu vàng là cảnh báo. Nhấn <key>F1</key> ở bất kỳ phần nào để mở đúng mục tương ứng của trang này.'),
  SECTION('typing', 'Typing values', 'Cách nhập giá trị',
    ITEMS(
      ('Amounts are typed and shown in the money unit of the <gui>Preferences</gui> (billion ₫ by default; the unit is written after the field). The file always keeps whole đồng, so changing the unit changes nothing in the study.',
       'Số tiền được nhập và hiển thị theo đơn vị tiền trong <gui>Tùy chỉnh</gui> (mặc định là tỷ đồng; đơn vị được ghi sau ô nhập). Tệp luôn lưu số đồng nguyên, nên việc đổi đơn vị không làm thay đổi báo cáo.'),
      ('Rates and shares are typed as percentages: type <input>10.5</input> for 10.5 % (in Vietnamese <input>10,5</input>). The file stores the fraction 0.105.',
       'Tỷ lệ và tỷ trọng được nhập dưới dạng phần trăm: nhập <input>10,5</input> cho 10,5 % (giao diện tiếng Anh dùng <input>10.5</input>). Tệp lưu giá trị thập phân 0.105.'),
      ('A value by year (amounts by construction year, ramp-up) is typed as numbers separated by <input>;</input>, or in the year columns of a table.',
       'Giá trị theo năm (số tiền theo năm xây dựng, mức huy động công suất) được nhập thành các số cách nhau bằng dấu <input>;</input>, hoặc trong các cột năm của bảng.'),
      ('A value the New Study assistant filled in carries the tag <gui>Assumption</gui> until you change it: review each one before sending the study.',
       'Giá trị do trình hướng dẫn tạo báo cáo mới điền sẵn có nhãn <gui>Giả định</gui> cho đến khi bạn sửa: hãy xem lại từng giá trị trước khi gửi báo cáo.'),
      ('A value that is not a number, or outside its allowed range, is refused at once with the reason; the problems that join several fields are listed at the top of the section under <gui>Problems</gui>.',
       'Giá trị không phải là số, hoặc nằm ngoài phạm vi cho phép, bị từ chối ngay kèm lý do; các vấn đề liên quan đến nhiều trường được liệt kê ở đầu mỗi phần, mục <gui>Vấn đề</gui>.'),
    ),
  ),
  SECTION('tables', 'Working with tables', 'Làm việc với bảng',
    P('Lists (capex lines, revenue streams, loans, risks …) are tables with one row per item and, for values by year, one column per year. The buttons above a table:',
      'Các danh sách (hạng mục đầu tư, nguồn doanh thu, khoản vay, rủi ro …) là các bảng, mỗi mục một dòng, và với giá trị theo năm thì mỗi năm một cột. Các nút phía trên bảng:'),
    ITEMS(
      ('<gui>Add a row</gui>, <gui>Remove the selected row</gui>, <gui>Move the row up</gui> and <gui>Move the row down</gui>.',
       '<gui>Thêm dòng</gui>, <gui>Xóa dòng đang chọn</gui>, <gui>Chuyển dòng lên trên</gui> và <gui>Chuyển dòng xuống dưới</gui>.'),
      ('<gui>Paste cells from a spreadsheet at the current cell</gui>: copy a block of cells in LibreOffice Calc or Excel, click the first cell and paste; new rows are added as needed. If one cell is refused, nothing is pasted.',
       '<gui>Dán các ô từ bảng tính, bắt đầu tại ô hiện tại</gui>: sao chép một vùng ô trong LibreOffice Calc hoặc Excel, nhấn vào ô đầu tiên rồi dán; chương trình tự thêm dòng khi cần. Nếu có một ô bị từ chối thì không ô nào được dán.'),
      ('<gui>Fill the following years with the current cell</gui>: click a year and copy its value to the later years of the row.',
       '<gui>Điền giá trị của ô hiện tại cho các năm tiếp theo</gui>: nhấn vào một năm để chép giá trị đó sang các năm sau của dòng.'),
      ('<gui>Import rows from a CSV file</gui> and <gui>Export the rows as CSV</gui>: the first line of the file names the columns, as in the export.',
       '<gui>Nhập các dòng từ tệp CSV</gui> và <gui>Xuất các dòng ra tệp CSV</gui>: dòng đầu tiên của tệp ghi tên các cột, giống tệp xuất ra.'),
    ),
    P('Every change, a paste or an import included, can be undone with <keyseq><key>Ctrl</key><key>Z</key></keyseq>.',
      'Mọi thay đổi, kể cả việc dán hay nhập từ tệp, đều có thể hoàn tác bằng <keyseq><key>Ctrl</key><key>Z</key></keyseq>.'),
  ),
  SECTION('overview', 'Overview', 'Tổng quan',
    P('The <gui>Overview</gui> shows the project and its proposer, the timeline and a one-line summary of each section, and lists every <gui>Problem</gui> of the study. Select a problem to go to its field; fix the errors first (the figures are computed only when there is none), then read the warnings. The messages are explained in <link xref="troubleshooting#validate"/>.',
      'Trang <gui>Tổng quan</gui> hiển thị dự án và nhà đầu tư đề xuất, thời gian thực hiện, tóm tắt mỗi phần trong một dòng và liệt kê mọi <gui>Vấn đề</gui> của báo cáo. Chọn một vấn đề để chuyển tới trường liên quan; hãy sửa các lỗi trước (chỉ tiêu chỉ được tính khi không còn lỗi), sau đó xem các cảnh báo. Ý nghĩa các thông báo được giải thích trong <link xref="troubleshooting#validate"/>.'),
  ),
  SECTION('project', 'Project', 'Dự án',
    P('The identity of the project: its names in Vietnamese and English, the proposing enterprise and its representative, the province or city, the eligible field (Decree 180 Art. 2), the application domain, the PPP form and whether it is an S&amp;T project under Decree 180 (which raises the state capital cap to 70 %). The <gui>Rule set</gui> names the legal parameters the study is computed with. At the bottom, <gui>Assumptions and sources</gui> takes free text that goes into the report.',
      'Thông tin định danh dự án: tên tiếng Việt và tiếng Anh, doanh nghiệp đề xuất và người đại diện, tỉnh, thành phố, lĩnh vực đầu tư (Điều 2 Nghị định 180), lĩnh vực ứng dụng, hình thức PPP và dự án có phải là dự án KH&amp;CN theo Nghị định 180 hay không (khi đó mức trần vốn nhà nước tăng lên 70 %). <gui>Bộ quy định</gui> cho biết bộ tham số pháp lý dùng để tính toán báo cáo. Phía dưới, <gui>Giả định và nguồn số liệu</gui> nhận văn bản tự do, được đưa vào báo cáo.'),
    P('The form decides a lot: who pays the project company, which revenue sharing applies, whether the assets are transferred. Choose it with <link xref="ppp-forms"/>; <link xref="appraisal-tools#compare-forms">compare-forms</link> shows the project under the other forms.',
      'Hình thức hợp đồng quyết định nhiều yếu tố: ai thanh toán cho doanh nghiệp dự án, cơ chế chia sẻ doanh thu nào được áp dụng, tài sản có được chuyển giao hay không. Hãy lựa chọn theo <link xref="ppp-forms"/>; lệnh <link xref="appraisal-tools#compare-forms">compare-forms</link> cho thấy dự án theo các hình thức khác.'),
    SEE(('study-sections#identity', 'the fields of the identity', 'các trường của phần định danh'), ('legal-rules', 'the legal rule set', 'bộ quy định pháp lý')),
  ),
  SECTION('timeline', 'Timeline', 'Thời gian thực hiện',
    P('The first year, the numbers of construction and operation years, the price base year of the amounts you type, general inflation and whether the discount rates are real. Below are the rates the indicators are measured against: WACC for the project, the cost of equity and the investor\'s hurdle rate for the equity, the social discount rate for the state and the economy, the two MIRR rates and the lender\'s minimum DSCR.',
      'Năm bắt đầu, số năm xây dựng và số năm vận hành, năm gốc tính giá của các số tiền được nhập, lạm phát chung và tỷ lệ chiết khấu là tỷ lệ thực hay danh nghĩa. Phía dưới là các tỷ lệ dùng để đánh giá chỉ tiêu: WACC cho dự án, chi phí vốn chủ sở hữu và tỷ suất sinh lời tối thiểu của nhà đầu tư cho vốn chủ sở hữu, tỷ lệ chiết khấu xã hội cho Nhà nước và nền kinh tế, hai tỷ lệ dùng tính MIRR và DSCR tối thiểu của bên cho vay.'),
    P('Changing the number of construction years changes the number of amounts each capex line needs: the lines that no longer match are listed as problems.',
      'Khi thay đổi số năm xây dựng, số lượng số tiền mà mỗi hạng mục đầu tư cần cũng thay đổi: các hạng mục không còn khớp sẽ được liệt kê thành vấn đề.'),
    SEE(('study-sections#timeline', 'the timeline fields', 'các trường thời gian'), ('study-sections#rates', 'the rates', 'các tỷ lệ'), ('indicators#timeline', 'how years are discounted', 'cách chiết khấu theo năm')),
  ),
  SECTION('investment', 'Investment', 'Đầu tư',
    P('The total investment (tổng mức đầu tư): the project\'s contingency rate, the import duty rate and exemption, then the table of <gui>Capex lines</gui> with one amount per construction year, its category, escalation, useful life, depreciation method and imported share, and the table of <gui>Replacement capex</gui> paid later (servers, cameras) by operation year. Interest during construction, fees, contingency and duty are added by the engine; do not type them as lines.',
      'Tổng mức đầu tư: tỷ lệ dự phòng chung của dự án, thuế suất và miễn thuế nhập khẩu, sau đó là bảng <gui>Các hạng mục chi phí đầu tư</gui> với một số tiền cho mỗi năm xây dựng, nhóm chi phí, tỷ lệ trượt giá, thời gian sử dụng hữu ích, phương pháp khấu hao và tỷ lệ nhập khẩu, và bảng <gui>Chi phí đầu tư thay thế</gui> chi sau này (máy chủ, camera) theo năm vận hành. Lãi vay trong thời gian xây dựng, phí thu xếp vốn, chi phí dự phòng và thuế nhập khẩu do bộ máy tính toán tự cộng thêm; không nhập các khoản này thành hạng mục.'),
    SEE(('study-sections#investment', 'the investment fields', 'các trường của phần đầu tư'), ('financing-tax#investment', 'how the total is built', 'cách lập tổng mức đầu tư'), ('financing-tax#depreciation', 'depreciation', 'khấu hao')),
  ),
  SECTION('operations', 'Operations &amp; Revenue', 'Vận hành và doanh thu',
    P('What the project earns and spends once it runs. Each row of <gui>Revenue streams</gui> gives a volume per year at full ramp, the ramp-up share of each operation year, volume growth, the tariff per unit and its escalation; a stream can be exempt S&amp;T income or come from commercialised results. <gui>State service payments</gui> are the availability payments of BTL and BLT projects or payments for ordered services. <gui>Operating costs</gui> and <gui>Major maintenance</gui> are the costs; land rent, the concession fee and working capital close the section.',
      'Các khoản thu và chi khi dự án vận hành. Mỗi dòng của <gui>Các nguồn doanh thu</gui> ghi sản lượng mỗi năm khi đạt công suất thiết kế, mức huy động công suất của từng năm vận hành, tốc độ tăng sản lượng, đơn giá và tỷ lệ trượt giá; một nguồn thu có thể là thu nhập KH&amp;CN được miễn thuế hoặc đến từ kết quả được thương mại hóa. <gui>Thanh toán dịch vụ của Nhà nước</gui> là khoản thanh toán theo mức độ sẵn sàng của dự án BTL, BLT hoặc khoản thanh toán cho dịch vụ đặt hàng. <gui>Chi phí vận hành</gui> và <gui>Sửa chữa lớn</gui> là các khoản chi; tiền thuê đất, phí nhượng quyền và vốn lưu động ở cuối phần này.'),
    SEE(('study-sections#operations', 'the operations fields', 'các trường của phần vận hành'), ('financing-tax#flows', 'the project cash flow', 'dòng tiền dự án')),
  ),
  SECTION('financing', 'Financing', 'Cơ cấu nguồn vốn',
    P('How the investment is paid for. Set the <gui>Equity share</gui> and the <gui>State capital support</gui>: either a share of each construction year\'s need, or a schedule of amounts by construction year. The rest is borrowed: each row of the <gui>Loans</gui> table has its lender, its share of debt (the shares add up to 100 %), interest rate, upfront fee, grace years and tenor counted from COD, and the repayment: equal principal, annuity, or sculpted to a target DSCR. <gui>Public assets contributed</gui> lists state assets brought into the project at their valuation.',
      'Cách huy động vốn cho tổng mức đầu tư. Nhập <gui>Tỷ lệ vốn chủ sở hữu</gui> và <gui>Vốn nhà nước hỗ trợ xây dựng</gui>: hoặc là tỷ lệ trên nhu cầu vốn của mỗi năm xây dựng, hoặc là lịch số tiền theo năm xây dựng. Phần còn lại là vốn vay: mỗi dòng của bảng <gui>Vốn vay</gui> ghi bên cho vay, tỷ trọng trong tổng vốn vay (tổng các tỷ trọng bằng 100 %), lãi suất, phí thu xếp vốn, số năm ân hạn và thời hạn vay tính từ COD, và phương thức trả nợ: trả gốc đều, trả đều gốc và lãi (niên kim), hoặc trả theo DSCR mục tiêu. <gui>Tài sản công được góp</gui> liệt kê tài sản của Nhà nước được đưa vào dự án theo giá trị định giá.'),
    P('Watch the <gui>Minimum DSCR</gui> on the results dashboard while you set the tenor and grace years: it must stay at or above the lender\'s minimum.',
      'Hãy theo dõi <gui>DSCR tối thiểu</gui> trên trang chỉ tiêu chính của phần kết quả khi nhập thời hạn vay và số năm ân hạn: chỉ tiêu này phải luôn lớn hơn hoặc bằng mức tối thiểu của bên cho vay.'),
    SEE(('study-sections#financing', 'the financing fields', 'các trường của phần nguồn vốn'), ('financing-tax#idc', 'interest during construction', 'lãi vay trong thời gian xây dựng'), ('indicators#dscr', 'DSCR and LLCR', 'DSCR và LLCR'), ('appraisal-tools#viability', 'the least state support', 'mức hỗ trợ tối thiểu của Nhà nước')),
  ),
  SECTION('support', 'State Support &amp; Guarantees', 'Hỗ trợ và bảo đảm của Nhà nước',
    P('What the state shares with the investor beyond capital: the <gui>Revenue sharing band</gui> (thresholds, shares and caps, with the plan revenue of the approved base case), the <gui>Minimum revenue guarantee</gui>, the <gui>Foreign-currency guarantee</gui>, <gui>R&amp;D risk acceptance</gui> for a research phase, and the state\'s and institute\'s shares of commercialisation income. <gui>Contract terms</gui> holds what depends on the form (three-party shares, BT settlement, transfer price, BOO salvage value) and <gui>Negotiated values</gui> the legal parameters agreed for this project, each with its justification.',
      'Những gì Nhà nước chia sẻ với nhà đầu tư ngoài vốn hỗ trợ: <gui>Cơ chế chia sẻ phần tăng, giảm doanh thu</gui> (các ngưỡng, tỷ lệ chia sẻ và mức trần, cùng doanh thu theo phương án được phê duyệt), <gui>Bảo đảm doanh thu tối thiểu</gui>, <gui>Bảo đảm cân đối ngoại tệ</gui>, <gui>Chấp nhận rủi ro R&amp;D</gui> cho giai đoạn nghiên cứu, và tỷ lệ thu nhập từ thương mại hóa chia cho Nhà nước và tổ chức KH&amp;CN. <gui>Điều khoản hợp đồng</gui> gồm các điều khoản tùy theo hình thức (tỷ lệ đóng góp ba bên, giá trị thanh toán BT, giá chuyển giao, giá trị thu hồi của BOO) và <gui>Giá trị thỏa thuận</gui> gồm các tham số pháp lý được thỏa thuận riêng cho dự án, mỗi giá trị kèm lý do.'),
    SEE(('risk-sharing', 'risk sharing and guarantees', 'chia sẻ rủi ro và bảo đảm đầu tư'), ('conventions#sharing', 'how payouts are computed', 'cách tính các khoản chi trả'), ('legal-rules#overrides', 'negotiated values', 'giá trị thỏa thuận')),
  ),
  SECTION('incentives', 'Incentives', 'Ưu đãi đầu tư',
    P('The <gui>CIT incentive</gui> the project claims (preferential 10 % or 17 %, innovative start-up, or none); its rates and years come from the rule set. The same section holds the <gui>Economic analysis</gui>: conversion factors from financial to economic prices, the <gui>External benefits and costs</gui> the project brings to society, and the assumptions of the public sector comparator used for value for money.',
      'Loại <gui>Ưu đãi thuế TNDN</gui> mà dự án đề nghị (thuế suất ưu đãi 10 % hoặc 17 %, doanh nghiệp khởi nghiệp sáng tạo, hoặc không ưu đãi); thuế suất và số năm lấy từ bộ quy định. Phần này cũng gồm <gui>Phân tích kinh tế</gui>: hệ số chuyển đổi từ giá tài chính sang giá kinh tế, <gui>Lợi ích và chi phí ngoại ứng</gui> mà dự án mang lại cho xã hội, và các giả định của phương án so sánh khu vực công dùng để tính giá trị đồng tiền.'),
    SEE(('financing-tax#tax', 'tax, holidays and losses', 'thuế, miễn giảm thuế và chuyển lỗ'), ('risk-sharing#incentives', 'investment incentives', 'ưu đãi đầu tư'), ('conventions#vfm', 'value for money', 'giá trị đồng tiền')),
  ),
  SECTION('risks', 'Risks', 'Rủi ro',
    P('The risk register (ma trận phân bổ rủi ro): one row per risk with its code, category, description, likelihood and impact from 1 to 5, who bears it (the state, the investor or shared, with the state\'s share), the mitigation, the expected cost and the model driver it moves. When the owner differs from the usual allocation for the form, the Overview shows a warning until you write the <gui>Justification of the allocation</gui>.',
      'Ma trận phân bổ rủi ro: mỗi rủi ro một dòng gồm mã, nhóm rủi ro, mô tả, khả năng xảy ra và mức độ tác động từ 1 đến 5, bên chịu rủi ro (Nhà nước, nhà đầu tư hoặc hai bên cùng chịu, kèm tỷ lệ Nhà nước chịu), biện pháp giảm thiểu, chi phí dự kiến và biến số của mô hình mà rủi ro tác động. Khi bên chịu rủi ro khác với cách phân bổ thông thường của hình thức hợp đồng, trang Tổng quan hiển thị cảnh báo cho đến khi bạn nhập <gui>Lý do phân bổ</gui>.'),
    SEE(('risk-sharing#register', 'the usual allocation', 'cách phân bổ thông thường'), ('appraisal-tools#risks', 'the register against it', 'đối chiếu ma trận với thông lệ')),
  ),
  SECTION('uncertainty', 'Uncertainty', 'Yếu tố bất định',
    P('The inputs the forecasts are unsure about. Give a driver (demand, tariff, capex, opex, interest rate, delay …) a probability distribution, applied as a multiplier of the base case or as an absolute value; correlate drivers that move together; set the iterations, the seed and Latin hypercube sampling of the simulation. Below, the <gui>Scenarios</gui> table holds named scenarios, each a set of factors on drivers. Under <gui>Results</gui>, the <gui>Simulation</gui> view runs the distributions and a chart compares the scenarios.',
      'Các dữ liệu đầu vào mà dự báo chưa chắc chắn. Gán cho một biến số (nhu cầu, giá dịch vụ, chi phí đầu tư, chi phí vận hành, lãi suất, chậm tiến độ …) một phân phối xác suất, áp dụng dưới dạng hệ số nhân của phương án cơ sở hoặc giá trị tuyệt đối; khai báo hệ số tương quan giữa các biến số cùng biến động; đặt số lần lặp, giá trị khởi tạo ngẫu nhiên (seed) và tùy chọn lấy mẫu siêu khối Latin của mô phỏng. Phía dưới, bảng <gui>Kịch bản</gui> chứa các kịch bản được đặt tên, mỗi kịch bản là một tập hệ số áp dụng cho các biến số. Trong phần <gui>Kết quả</gui>, trang <gui>Mô phỏng</gui> chạy mô phỏng theo các phân phối và một biểu đồ so sánh các kịch bản.'),
    SEE(('uncertainty', 'sensitivity, scenarios and Monte Carlo', 'phân tích độ nhạy, kịch bản và Monte Carlo'), ('study-sections#uncertainty', 'the distributions and their parameters', 'các phân phối và tham số')),
  ),
  SECTION('chapters', 'Narrative Chapters', 'Các chương thuyết minh',
    P('The text of the feasibility study report, chapter by chapter, as the PDF report prints it. Select a chapter in the list, choose <gui>Tiếng Việt</gui> or <gui>English</gui> above the text and write; the list counts the words written in each language, and <gui>Not written yet</gui> marks a chapter still empty. The figures and tables of the report come from the other sections: do not copy them into the text, which would go stale when the inputs change.',
      'Nội dung thuyết minh của báo cáo nghiên cứu khả thi, theo từng chương, đúng như báo cáo PDF sẽ in. Chọn một chương trong danh sách, chọn <gui>Tiếng Việt</gui> hoặc <gui>Tiếng Anh</gui> phía trên ô văn bản rồi viết; danh sách đếm số từ đã viết của mỗi ngôn ngữ, và <gui>Chưa viết</gui> đánh dấu chương còn trống. Số liệu và bảng biểu của báo cáo lấy từ các phần khác: không chép chúng vào phần thuyết minh, vì sẽ bị lỗi thời khi dữ liệu đầu vào thay đổi.'),
    SEE(('reports#pdf', 'the PDF report', 'báo cáo PDF')),
  ),
  SECTION('after', 'Results and report', 'Kết quả và báo cáo',
    P('<gui>Results</gui> shows the figures of the study, recomputed as you type: see <link xref="results"/>. <gui>Report</gui> produces the documents: see <link xref="reports"/>.',
      '<gui>Kết quả</gui> hiển thị các chỉ tiêu của báo cáo, được tính lại ngay khi bạn nhập: xem <link xref="results"/>. <gui>Báo cáo</gui> xuất các văn bản: xem <link xref="reports"/>.'),
  ),
])

# ------------------------------------------------------------------ results
def CHART(en_title, vi_title, en, vi):
    return (en_title, vi_title, [P(en, vi)])

page('results', 'topic', ('Read the results', 'Đọc kết quả tính toán'),
     ('The Results section: key indicators against their thresholds, the statements year by year, the charts and the Monte Carlo simulation, recomputed as you type.',
      'Phần Kết quả: các chỉ tiêu chính so với ngưỡng đánh giá, các báo cáo tài chính theo năm, các biểu đồ và mô phỏng Monte Carlo, được tính lại ngay khi bạn nhập.'),
     ['index#figures'], extra_info='<link type="seealso" xref="indicators"/><link type="seealso" xref="worked-example"/>', body=[
  P('Select <gui>Results</gui> in the sidebar of a study. The figures are recomputed after every change, before the next frame is drawn, so you can watch an indicator while you edit an input in another section. The line above the figures repeats the form, the total investment and the years of the project. The four views are chosen at the top: <gui>Dashboard</gui>, <gui>Statements</gui>, <gui>Charts</gui> and <gui>Simulation</gui>.',
    'Chọn <gui>Kết quả</gui> trên thanh bên của báo cáo. Các chỉ tiêu được tính lại sau mỗi thay đổi, trước khi màn hình được vẽ lại, nên bạn có thể theo dõi một chỉ tiêu trong khi sửa dữ liệu đầu vào ở phần khác. Dòng phía trên các chỉ tiêu nhắc lại hình thức hợp đồng, tổng mức đầu tư và các năm của dự án. Bốn trang được chọn ở phía trên: <gui>Chỉ tiêu chính</gui>, <gui>Báo cáo tài chính</gui>, <gui>Biểu đồ</gui> và <gui>Mô phỏng</gui>.'),
  NOTE('While the study has an error, the results show <gui>Cannot Compute</gui> with the first error: select <gui>Overview</gui>, correct the problems listed there, and the figures come back.',
       'Khi báo cáo còn lỗi, phần kết quả hiển thị <gui>Không thể tính toán</gui> kèm lỗi đầu tiên: chọn <gui>Tổng quan</gui>, sửa các vấn đề được liệt kê ở đó, các chỉ tiêu sẽ hiển thị trở lại.', style='important'),
  SECTION('dashboard', 'The dashboard', 'Trang chỉ tiêu chính',
    MEDIA('figures/results-dashboard.png', 600, 'The dashboard of the smart-traffic sample: nine indicators, each with its threshold, and the appraisal checks below.',
          'Trang chỉ tiêu chính của báo cáo mẫu giao thông thông minh: chín chỉ tiêu, mỗi chỉ tiêu kèm ngưỡng đánh giá, và kết quả kiểm tra thẩm định ở phía dưới.'),
    P('Nine cards show the key indicators in large figures. The line under each figure names the threshold it is judged against, and the colour gives the verdict: green when the figure meets its threshold, red when it does not, yellow when it needs a closer look (several IRRs, a risk of loss between 10 % and 30 %). Hold the pointer over a card for the definition of the indicator. Amounts follow the money unit of the <gui>Preferences</gui> and change as soon as you change it.',
      'Chín thẻ hiển thị các chỉ tiêu chính bằng chữ số lớn. Dòng dưới mỗi chỉ tiêu nêu ngưỡng dùng để đánh giá, và màu sắc cho biết kết luận: màu xanh khi chỉ tiêu đạt ngưỡng, màu đỏ khi không đạt, màu vàng khi cần xem xét kỹ hơn (có nhiều IRR, rủi ro thua lỗ từ 10 % đến 30 %). Đặt con trỏ lên một thẻ để xem định nghĩa của chỉ tiêu. Số tiền hiển thị theo đơn vị tiền trong <gui>Tùy chỉnh</gui> và thay đổi ngay khi bạn đổi đơn vị.'),
    TERMS(
      ('<gui>Project NPV</gui>, <gui>Project IRR (FIRR)</gui>', '<gui>NPV dự án</gui>, <gui>IRR dự án (FIRR)</gui>',
       [P('The project is viable when its NPV at the WACC is at least zero, which is the same as an FIRR at or above the WACC. When the cash flow has several IRRs, the one nearest the WACC is shown with “(multiple)” and the card lists all of them.',
          'Dự án khả thi khi NPV theo WACC lớn hơn hoặc bằng 0, tương đương với FIRR lớn hơn hoặc bằng WACC. Khi dòng tiền có nhiều IRR, giá trị gần WACC nhất được hiển thị kèm chữ “(nhiều nghiệm)” và thẻ liệt kê tất cả các giá trị.')]),
      ('<gui>Equity IRR</gui>', '<gui>IRR vốn chủ sở hữu</gui>',
       [P('The investor\'s return, against the investor\'s hurdle rate given under <gui>Timeline</gui>.',
          'Tỷ suất sinh lời của nhà đầu tư, so với tỷ suất sinh lời tối thiểu của nhà đầu tư nhập ở phần <gui>Thời gian thực hiện</gui>.')]),
      ('<gui>Payback</gui>, <gui>Benefit–cost ratio</gui>', '<gui>Thời gian hoàn vốn</gui>, <gui>Tỷ số lợi ích/chi phí</gui>',
       [P('Payback must fall within the contract term; the benefit–cost ratio must be at least 1.',
          'Thời gian hoàn vốn phải nằm trong thời hạn hợp đồng; tỷ số lợi ích/chi phí phải lớn hơn hoặc bằng 1.')]),
      ('<gui>Minimum DSCR</gui>', '<gui>DSCR tối thiểu</gui>',
       [P('The lowest debt service cover ratio of the years with debt service, with the year it falls in, against the lender\'s minimum DSCR.',
          'Hệ số khả năng trả nợ thấp nhất trong các năm có trả nợ, kèm năm xảy ra, so với DSCR tối thiểu của bên cho vay.')]),
      ('<gui>State fiscal cost</gui>, <gui>Value for money</gui>', '<gui>Chi phí ngân sách nhà nước</gui>, <gui>Giá trị đồng tiền (VfM)</gui>',
       [P('The net cost to the budget at the social discount rate (a negative cost is a net gain), judged by the state capital share against its legal limit; and the value for money, positive when the public sector comparator costs more than the PPP.',
          'Chi phí ròng của ngân sách theo tỷ lệ chiết khấu xã hội (chi phí âm nghĩa là ngân sách thu ròng), được đánh giá theo tỷ lệ vốn nhà nước so với giới hạn pháp lý; và giá trị đồng tiền, dương khi phương án so sánh khu vực công tốn kém hơn phương án PPP.')]),
      ('<gui>Risk of a loss</gui>', '<gui>Rủi ro thua lỗ</gui>',
       [P('From the Monte Carlo simulation: the probability that the project NPV is negative, with its 5th, 50th and 95th percentiles. Green up to 10 %, yellow up to 30 %, red above. It shows a dash while the simulation waits or runs.',
          'Từ mô phỏng Monte Carlo: xác suất NPV dự án âm, kèm các phân vị P5, P50 và P95 của NPV. Màu xanh khi đến 10 %, màu vàng khi đến 30 %, màu đỏ khi cao hơn. Thẻ hiển thị dấu gạch ngang khi mô phỏng đang chờ hoặc đang chạy.')]),
    ),
    P('Under the cards, <gui>Appraisal checks</gui> lists every check of the engine that does not pass (sources and uses, balance sheet, legal minimum of equity, state capital cap, DSCR, loans repaid within the term …), or <gui>Every appraisal check passes</gui>. The checks are explained in <link xref="troubleshooting#checks"/>.',
      'Phía dưới các thẻ, <gui>Kiểm tra thẩm định</gui> liệt kê mọi phép kiểm tra của bộ máy tính toán không đạt (nguồn và sử dụng vốn, cân đối kế toán, vốn chủ sở hữu tối thiểu, mức trần vốn nhà nước, DSCR, trả hết nợ trong thời hạn hợp đồng …), hoặc hiển thị <gui>Mọi phép kiểm tra thẩm định đều đạt</gui>. Các phép kiểm tra được giải thích trong <link xref="troubleshooting#checks"/>.'),
  ),
  SECTION('statements', 'The statements', 'Các báo cáo tài chính',
    P('<gui>Statements</gui> shows one table at a time, chosen in the list at the top left: the income statement, the cash-flow statement, the balance sheet, sources and uses of funds, debt, corporate income tax, the state\'s fiscal flow, the equity cash flow, depreciation, and the project, equity, state and economic flows side by side. Each row is an item, each column a calendar year; amounts are in billion ₫, and costs and cash going out are negative. Totals are in bold.',
      '<gui>Báo cáo tài chính</gui> hiển thị từng bảng một, chọn trong danh sách ở góc trên bên trái: báo cáo kết quả hoạt động kinh doanh, báo cáo lưu chuyển tiền tệ, bảng cân đối kế toán, nguồn vốn và sử dụng vốn, nợ vay, thuế thu nhập doanh nghiệp, dòng tiền ngân sách của Nhà nước, dòng tiền vốn chủ sở hữu, khấu hao, và dòng tiền dự án, vốn chủ sở hữu, nhà nước và kinh tế đặt cạnh nhau. Mỗi dòng là một khoản mục, mỗi cột là một năm dương lịch; số tiền tính bằng tỷ đồng, chi phí và tiền chi ra mang dấu âm. Các dòng tổng được in đậm.'),
    P('<gui>Copy</gui> copies the whole table as tab-separated values: paste it into a spreadsheet to check a figure by hand. The same tables come out of <cmd>khathi-cli compute --table</cmd> and the XLSX export (<link xref="reports#xlsx"/>).',
      '<gui>Sao chép</gui> sao chép toàn bộ bảng dưới dạng giá trị phân tách bằng tab: dán vào bảng tính để tự kiểm tra một số liệu. Các bảng này cũng được xuất bởi <cmd>khathi-cli compute --table</cmd> và khi xuất tệp XLSX (<link xref="reports#xlsx"/>).'),
  ),
  SECTION('charts', 'The charts and how to read them', 'Các biểu đồ và cách đọc',
    P('<gui>Charts</gui> draws the study in twelve charts. The button at the right of each title saves the chart as a PNG image or an SVG drawing, for a presentation or the appraisal file. Charts of the sensitivity, the scenarios, the contract forms and the simulation appear a moment after you stop typing, once their many evaluations are done.',
      '<gui>Biểu đồ</gui> thể hiện báo cáo bằng mười hai biểu đồ. Nút ở bên phải tiêu đề của mỗi biểu đồ lưu biểu đồ thành ảnh PNG hoặc bản vẽ SVG, để dùng trong bài trình bày hoặc hồ sơ thẩm định. Các biểu đồ độ nhạy, kịch bản, hình thức hợp đồng và mô phỏng xuất hiện một lúc sau khi bạn ngừng nhập, khi đã tính xong nhiều lần đánh giá.'),
    TERMS(
      CHART('Annual project cash flow and cumulative', 'Dòng tiền dự án hằng năm và lũy kế',
            'Bars: the project cash flow of each year, negative during construction and in replacement years. Line: the cumulative flow; the year it crosses zero is the payback.',
            'Cột: dòng tiền dự án của mỗi năm, âm trong thời gian xây dựng và trong các năm thay thế tài sản. Đường: dòng tiền lũy kế; năm đường này vượt qua 0 là thời điểm hoàn vốn.'),
      CHART('Funding sources during construction', 'Nguồn vốn trong thời gian xây dựng',
            'State capital support, investor equity and loans drawn in each construction year.',
            'Vốn nhà nước hỗ trợ xây dựng, vốn chủ sở hữu của nhà đầu tư và vốn vay giải ngân trong mỗi năm xây dựng.'),
      CHART('Debt service', 'Nghĩa vụ trả nợ',
            'Interest and principal paid each year, with the cash flow available for debt service (CFADS) as a line: where the bars rise above the line, the year cannot pay its debt from its own cash.',
            'Lãi và gốc phải trả mỗi năm, cùng đường dòng tiền sẵn có để trả nợ (CFADS): năm nào cột cao hơn đường thì năm đó không đủ tiền để tự trả nợ.'),
      CHART('Debt service cover ratio against the lender\'s minimum', 'Hệ số khả năng trả nợ so với mức tối thiểu của bên cho vay',
            'The DSCR of each year with debt service and the lender\'s minimum as a horizontal line; a bar below the line breaks the lender\'s condition.',
            'DSCR của mỗi năm có trả nợ, và mức tối thiểu của bên cho vay là đường nằm ngang; cột nào thấp hơn đường là năm không đáp ứng điều kiện của bên cho vay.'),
      CHART('Revenue sharing band', 'Cơ chế chia sẻ phần tăng, giảm doanh thu',
            'User revenue against the lower and upper thresholds of the band, with what the state pays under the downside and what the investor pays under the upside. It is drawn only when the study has a band.',
            'Doanh thu từ người sử dụng so với ngưỡng dưới và ngưỡng trên, cùng khoản Nhà nước trả khi doanh thu giảm và khoản nhà đầu tư trả khi doanh thu tăng. Biểu đồ chỉ được vẽ khi báo cáo có cơ chế chia sẻ doanh thu.'),
      CHART('State fiscal flows by year', 'Dòng tiền ngân sách theo năm',
            'The state\'s outlays (negative) and receipts each year, and the net fiscal flow as a line.',
            'Các khoản chi (mang dấu âm) và khoản thu của Nhà nước mỗi năm, và dòng tiền ngân sách ròng là đường.'),
      CHART('Sensitivity of project NPV (±20 %)', 'Độ nhạy của NPV dự án (±20 %)',
            'The tornado chart: each driver moved alone to −20 % (blue) and +20 % (orange), the vertical line being the base case. The longest bars, at the top, are the drivers the project depends on most; a bar crossing zero means that change alone makes the NPV negative.',
            'Biểu đồ hình lốc xoáy: mỗi biến số được thay đổi riêng lẻ tới −20 % (màu xanh) và +20 % (màu cam), đường thẳng đứng là phương án cơ sở. Các thanh dài nhất, ở trên cùng, là các biến số mà dự án phụ thuộc nhiều nhất; thanh nào vượt qua 0 nghĩa là chỉ riêng thay đổi đó đã làm NPV âm.'),
      CHART('Scenarios: project NPV', 'Kịch bản: NPV dự án',
            'The project NPV and the equity NPV of each scenario of the study.',
            'NPV dự án và NPV vốn chủ sở hữu của từng kịch bản trong báo cáo.'),
      CHART('Monte Carlo: project NPV histogram', 'Monte Carlo: phân bố tần suất NPV dự án',
            'How often each NPV came out of the draws, with the 5th, 50th and 95th percentiles and break-even (zero) marked. The area left of zero is the risk of a loss.',
            'Tần suất xuất hiện của mỗi mức NPV qua các lần lấy mẫu, có đánh dấu các phân vị P5, P50, P95 và điểm hòa vốn (0). Phần diện tích bên trái điểm 0 là rủi ro thua lỗ.'),
      CHART('Monte Carlo: cumulative distribution of project NPV', 'Monte Carlo: phân phối tích lũy của NPV dự án',
            'For each NPV on the horizontal axis, the probability that the NPV is at most that value. Read the probability of a loss where the curve meets zero, and a percentile where it meets 5 %, 50 % or 95 %.',
            'Với mỗi mức NPV trên trục hoành, xác suất NPV không vượt quá mức đó. Xác suất thua lỗ đọc tại điểm đường cong gặp mức 0; các phân vị đọc tại điểm đường cong gặp 5 %, 50 % hoặc 95 %.'),
      CHART('Risk matrix: number of risks by likelihood and impact', 'Ma trận rủi ro: số rủi ro theo khả năng xảy ra và mức độ tác động',
            'The risks of the register counted in a 5 × 5 grid; the upper right cells, likely and severe, deserve the mitigation and the sharing the contract gives them.',
            'Số rủi ro của ma trận phân bổ được đếm trong lưới 5 × 5; các ô phía trên bên phải, khả năng cao và tác động lớn, cần có biện pháp giảm thiểu và cơ chế chia sẻ phù hợp trong hợp đồng.'),
      CHART('Contract forms compared: IRRs', 'So sánh các hình thức hợp đồng: IRR',
            'The project IRR and the equity IRR of the project under each form that fits it, against the hurdle rate (see <link xref="appraisal-tools#compare-forms"/>).',
            'IRR dự án và IRR vốn chủ sở hữu của dự án theo từng hình thức phù hợp, so với tỷ suất sinh lời tối thiểu (xem <link xref="appraisal-tools#compare-forms"/>).'),
    ),
    MEDIA('figures/results-tornado.png', 560, 'The sensitivity chart of the smart-traffic sample: demand and tariff move the NPV most.',
          'Biểu đồ độ nhạy của báo cáo mẫu giao thông thông minh: nhu cầu và giá dịch vụ tác động mạnh nhất tới NPV.'),
  ),
  SECTION('simulation', 'The Monte Carlo simulation', 'Mô phỏng Monte Carlo',
    P('<gui>Simulation</gui> draws every input that has a distribution under <gui>Uncertainty</gui> and recomputes the project for each draw. It starts by itself half a second after your last edit, with the iterations, seed and sampling of the study; change <gui>Iterations</gui>, <gui>Seed</gui> or <gui>Latin hypercube sampling</gui> and press <gui>Run</gui> to run again, or <gui>Cancel</gui> to stop. Any edit of the study discards the last run, so a figure from older inputs is never shown.',
      '<gui>Mô phỏng</gui> lấy mẫu mọi dữ liệu đầu vào có phân phối xác suất trong phần <gui>Yếu tố bất định</gui> và tính lại dự án cho mỗi lần lấy mẫu. Mô phỏng tự chạy nửa giây sau lần sửa cuối cùng, với số lần lặp, giá trị khởi tạo và cách lấy mẫu của báo cáo; thay đổi <gui>Số lần lặp</gui>, <gui>Giá trị khởi tạo ngẫu nhiên (seed)</gui> hoặc <gui>Lấy mẫu siêu khối Latin (LHS)</gui> rồi nhấn <gui>Chạy</gui> để chạy lại, hoặc <gui>Hủy</gui> để dừng. Mỗi lần sửa báo cáo, kết quả lần chạy trước bị hủy, nên không bao giờ hiển thị số liệu tính từ dữ liệu cũ.'),
    P('The line above the table records how the figures were made (iterations, seed, sampling, time) so that anyone can reproduce them. For each indicator the table gives the mean, the standard error of the mean, the standard deviation and the percentiles P5, P50 and P95. The standard error tells whether there were enough iterations: it shrinks with the square root of their number, so four times as many halve it. The chart below combines the histogram of project NPV with its cumulative share.',
      'Dòng phía trên bảng ghi lại cách tạo ra số liệu (số lần lặp, giá trị khởi tạo, cách lấy mẫu, thời gian) để bất kỳ ai cũng có thể tính lại. Với mỗi chỉ tiêu, bảng cho giá trị trung bình, sai số chuẩn của giá trị trung bình, độ lệch chuẩn và các phân vị P5, P50, P95. Sai số chuẩn cho biết số lần lặp đã đủ hay chưa: sai số giảm theo căn bậc hai của số lần lặp, nên tăng số lần lặp lên bốn lần thì sai số giảm một nửa. Biểu đồ phía dưới kết hợp phân bố tần suất của NPV dự án với tỷ lệ tích lũy.'),
    P('If no input has a distribution, the view says so: add distributions under <gui>Uncertainty</gui> (see <link xref="study-by-section#uncertainty"/>). How the draws are made is explained in <link xref="uncertainty#monte-carlo"/>.',
      'Nếu không có dữ liệu đầu vào nào có phân phối xác suất, trang này sẽ thông báo: hãy thêm phân phối trong phần <gui>Yếu tố bất định</gui> (xem <link xref="study-by-section#uncertainty"/>). Cách lấy mẫu được giải thích trong <link xref="uncertainty#monte-carlo"/>.'),
  ),
])

# ------------------------------------------------------------------ uncertainty
page('uncertainty', 'topic', ('Sensitivity, scenarios and Monte Carlo simulation', 'Phân tích độ nhạy, kịch bản và mô phỏng Monte Carlo'),
     ('How robust the figures are: one driver at a time, named scenarios, and thousands of random draws.',
      'Mức độ vững của các chỉ tiêu: thay đổi từng biến số, các kịch bản được đặt tên, và hàng nghìn lần lấy mẫu ngẫu nhiên.'),
     ['index#figures'], [
  P('A feasibility study rests on forecasts. Khả Thi moves the key drivers — investment cost, demand, tariff, operating cost, interest rate and construction delay — and shows what happens to the project NPV and FIRR, the equity IRR, the minimum DSCR, the state\'s net fiscal cost and the state\'s payouts under the guarantees.',
    'Báo cáo nghiên cứu khả thi dựa trên các dự báo. Khả Thi thay đổi các biến số chính — chi phí đầu tư, nhu cầu, giá dịch vụ, chi phí vận hành, lãi suất và thời gian chậm trễ xây dựng — và cho thấy tác động tới NPV và FIRR của dự án, IRR vốn chủ sở hữu, DSCR tối thiểu, chi phí ròng của ngân sách và các khoản Nhà nước chi trả theo bảo đảm đầu tư.'),
  P('In the application these analyses follow the study as you edit it: the sensitivity, scenario and Monte Carlo charts are under <gui>Results</gui> › <gui>Charts</gui>, and the simulation under <gui>Results</gui> › <gui>Simulation</gui> (<link xref="results"/>). The commands below give the same figures for scripts and reports.',
    'Trong ứng dụng, các phân tích này được cập nhật theo báo cáo khi bạn nhập: các biểu đồ độ nhạy, kịch bản và Monte Carlo nằm ở <gui>Kết quả</gui> › <gui>Biểu đồ</gui>, còn mô phỏng ở <gui>Kết quả</gui> › <gui>Mô phỏng</gui> (<link xref="results"/>). Các lệnh dưới đây cho cùng kết quả, phục vụ viết kịch bản và lập báo cáo.'),
  SECTION('sensitivity', 'Sensitivity analysis (phân tích độ nhạy)', 'Phân tích độ nhạy',
    SCREEN('$ khathi-cli sensitivity [--json] FILE'),
    P('Each driver is moved alone by −20 %, −10 %, +10 % and +20 %, the others staying at the base case; the swing is the spread between the extremes, and drivers are sorted by it, as in a tornado chart. Construction delay is counted in whole years: its minus columns are the base case (construction cannot be shortened), its plus columns one and two years of delay.',
      'Mỗi biến số được thay đổi riêng lẻ −20 %, −10 %, +10 % và +20 %, các biến số khác giữ nguyên như phương án cơ sở; biên độ là khoảng cách giữa hai giá trị cực trị, và các biến số được sắp xếp theo biên độ, như trong biểu đồ hình lốc xoáy. Thời gian chậm trễ xây dựng được tính theo năm tròn: các cột âm là phương án cơ sở (không thể rút ngắn thời gian xây dựng), các cột dương là chậm một và hai năm.'),
    P('The switching value of a driver is the change at which project NPV falls to zero, or the equity IRR to the hurdle rate, the other drivers at base. A switching value of −4 % for demand means the project stops being viable if demand is 4 % below forecast. Small switching values point to the risks the contract must share.',
      'Giá trị chuyển đổi của một biến số là mức thay đổi làm NPV của dự án giảm về 0, hoặc IRR vốn chủ sở hữu giảm về tỷ suất sinh lời tối thiểu, khi các biến số khác giữ nguyên. Giá trị chuyển đổi −4 % đối với nhu cầu nghĩa là dự án không còn khả thi nếu nhu cầu thấp hơn dự báo 4 %. Giá trị chuyển đổi nhỏ chỉ ra những rủi ro mà hợp đồng cần chia sẻ.'),
  ),
  SECTION('scenarios', 'Scenarios (kịch bản)', 'Phân tích kịch bản',
    SCREEN('$ khathi-cli scenarios [--json] FILE'),
    P('Evaluates every scenario of the study side by side: the indicators of each, and the factor each applies to every driver. The samples have a base, a pessimistic and an optimistic scenario, and a scenario of their own.',
      'Tính toán mọi kịch bản của báo cáo và đặt cạnh nhau: các chỉ tiêu của từng kịch bản và hệ số mà mỗi kịch bản áp dụng cho từng biến số. Các báo cáo mẫu có kịch bản cơ sở, bi quan, lạc quan và một kịch bản riêng.'),
  ),
  SECTION('monte-carlo', 'Monte Carlo simulation (mô phỏng Monte Carlo)', 'Mô phỏng Monte Carlo',
    SCREEN('$ khathi-cli simulate [-n N] [-s SEED] [-t THREADS] [--lhs | --plain] [--nearest-correlation] [--json] FILE'),
    P('Draws every driver that has a distribution in the study (normal, lognormal, uniform, triangular, PERT, discrete or a Bernoulli event, as a multiplier or an absolute value), correlated through a Gaussian copula, and recomputes the whole model for each draw. It reports for each indicator the mean, standard deviation and the percentiles P5, P10, P50, P90 and P95; the probability that NPV is negative, that the minimum DSCR falls below 1 and that equity IRR misses the hurdle; the expected and P95 payouts of the state under the guarantees, year by year; and the drivers that matter most (rank correlation with NPV).',
      'Lấy mẫu mọi biến số có phân phối xác suất trong báo cáo (chuẩn, loga chuẩn, đều, tam giác, PERT, rời rạc hoặc sự kiện Bernoulli, dưới dạng hệ số nhân hoặc giá trị tuyệt đối), có tương quan thông qua copula Gauss, và tính lại toàn bộ mô hình cho mỗi lần lấy mẫu. Kết quả gồm, với mỗi chỉ tiêu, giá trị trung bình, độ lệch chuẩn và các phân vị P5, P10, P50, P90, P95; xác suất NPV âm, xác suất DSCR tối thiểu dưới 1 và xác suất IRR vốn chủ sở hữu không đạt tỷ suất sinh lời tối thiểu; khoản chi trả kỳ vọng và P95 của Nhà nước theo bảo đảm đầu tư, theo từng năm; và các biến số có ảnh hưởng lớn nhất (tương quan hạng với NPV).'),
    ITEMS(
      ('The seed and the number of iterations are saved in the study, so the same file gives the same numbers on every computer, whatever the number of threads. Change them with <cmd>--seed</cmd> and <cmd>--iterations</cmd>.',
       'Hạt giống và số lần lặp được lưu trong báo cáo, nên cùng một tệp cho cùng kết quả trên mọi máy tính, bất kể số luồng xử lý. Có thể thay đổi bằng <cmd>--seed</cmd> và <cmd>--iterations</cmd>.'),
      ('Latin hypercube sampling (the default of new studies) reaches stable results with fewer iterations than plain sampling.',
       'Lấy mẫu siêu khối Latin (mặc định của báo cáo mới) đạt kết quả ổn định với ít lần lặp hơn so với lấy mẫu thông thường.'),
      ('The correlations must be consistent (the matrix positive definite). If they are not, the simulation stops and says so; <cmd>--nearest-correlation</cmd> uses the nearest consistent matrix instead.',
       'Các hệ số tương quan phải nhất quán (ma trận xác định dương). Nếu không, mô phỏng dừng lại và thông báo; <cmd>--nearest-correlation</cmd> sẽ dùng ma trận nhất quán gần nhất.'),
      ('A driver that does not change any indicator of the project (for example inflation when no amount is escalated by it) is reported in the notes.',
       'Biến số không làm thay đổi chỉ tiêu nào của dự án (ví dụ lạm phát khi không có khoản nào trượt giá theo lạm phát) được nêu trong phần ghi chú.'),
    ),
  ),
])

# ------------------------------------------------------------------ appraisal tools
page('appraisal-tools', 'topic', ('Risk register, viability gap and other forms', 'Ma trận rủi ro, mức hỗ trợ khả thi và so sánh hình thức'),
     ('Check the allocation of risks, find the least state support that makes the project bankable, and compare contract forms.',
      'Kiểm tra cách phân bổ rủi ro, tìm mức hỗ trợ tối thiểu của Nhà nước để dự án khả thi về tài chính, và so sánh các hình thức hợp đồng.'),
     ['index#law', 'index#appraise'], [
  P('In the application, a risk allocated against usual practice without a justification is listed among the problems of the study, the <gui>Results</gui> charts draw the risk matrix and the contract forms compared, and the dashboard shows the value for money (<link xref="results#charts"/>). The commands below print the full tables.',
    'Trong ứng dụng, rủi ro được phân bổ khác thông lệ mà chưa có lý do được liệt kê trong các vấn đề của báo cáo, phần <gui>Kết quả</gui> vẽ ma trận rủi ro và biểu đồ so sánh các hình thức hợp đồng, và trang chỉ tiêu chính hiển thị giá trị đồng tiền (<link xref="results#charts"/>). Các lệnh dưới đây in đầy đủ các bảng.'),
  SECTION('risks', 'The risk register against the usual allocation', 'Đối chiếu ma trận phân bổ rủi ro với thông lệ',
    SCREEN('$ khathi-cli risks [--json] FILE'),
    P('Lists every risk with its likelihood × impact, its owner, the usual owner for that category (see <link xref="risk-sharing#register"/>) and whether it deviates, with the expected cost borne by the state and by the investor. It sums the expected cost of all risks, the part the state retains and the part transferred to the investor (the latter two enter the value for money), and draws the 5 × 5 risk matrix. A deviation is not an error, but the study must justify it.',
      'Liệt kê từng rủi ro với khả năng xảy ra × mức độ ảnh hưởng, bên chịu rủi ro, bên thường chịu rủi ro thuộc nhóm đó (xem <link xref="risk-sharing#register"/>) và có khác thông lệ hay không, cùng chi phí dự kiến do Nhà nước và nhà đầu tư chịu. Lệnh tính tổng chi phí dự kiến của mọi rủi ro, phần Nhà nước giữ lại và phần chuyển cho nhà đầu tư (hai phần này được dùng khi tính giá trị đồng tiền), và vẽ ma trận rủi ro 5 × 5. Khác thông lệ không phải là lỗi, nhưng báo cáo phải giải thích lý do.'),
  ),
  SECTION('viability', 'Viability gap: the least state support', 'Mức hỗ trợ tối thiểu của Nhà nước để dự án khả thi',
    SCREEN('$ khathi-cli viability [--target-equity-irr=X] [--json] FILE'),
    P('Finds the least state capital support share that lifts the equity IRR to the hurdle rate (or to <cmd>--target-equity-irr</cmd>), between the current share and the legal cap (50 %, or 70 % for S&amp;T projects). It solves for the support at which the equity NPV at the hurdle rate is zero, which always exists where the IRR may not. For BTL and BLT, whose revenue is the state\'s payment, the lever is instead a multiplier of the state service payments, up to 4 times. The extra cost to the state is the fall of the fiscal NPV at the social rate. It does not apply to BT, or to projects without construction years or state payments.',
      'Tìm tỷ lệ vốn nhà nước hỗ trợ xây dựng nhỏ nhất để IRR vốn chủ sở hữu đạt tỷ suất sinh lời tối thiểu (hoặc mức <cmd>--target-equity-irr</cmd>), trong khoảng từ tỷ lệ hiện tại đến mức trần pháp lý (50 %, hoặc 70 % với dự án KH&amp;CN). Chương trình tìm mức hỗ trợ làm NPV vốn chủ sở hữu theo tỷ suất sinh lời tối thiểu bằng 0, giá trị này luôn tồn tại ngay cả khi IRR không tồn tại. Với BTL và BLT, do doanh thu là khoản thanh toán của Nhà nước, đòn bẩy được dùng là hệ số nhân các khoản thanh toán dịch vụ của Nhà nước, tối đa 4 lần. Chi phí tăng thêm của Nhà nước là mức giảm NPV ngân sách theo tỷ lệ chiết khấu xã hội. Lệnh không áp dụng cho BT, hoặc dự án không có năm xây dựng hay không có thanh toán của Nhà nước.'),
  ),
  SECTION('compare-forms', 'The project under other contract forms', 'Dự án theo các hình thức hợp đồng khác',
    SCREEN('$ khathi-cli compare-forms [--json] FILE'),
    P('Recomputes the project under every form that fits it (Decree 180 Art. 3(4)): BOT, BTO, BOO, BTL, BLT and BT for a project that builds, O&amp;M for one that does not, three-party cooperation when the three shares are given, a public-asset joint venture when public assets are contributed. For each it shows the equity IRR, the minimum DSCR, the state\'s net cost, the value for money, the risk moved to the investor and whether the form is legal; the project\'s own form comes first, marked with *.',
      'Tính lại dự án theo mọi hình thức phù hợp (khoản 4 Điều 3 Nghị định 180): BOT, BTO, BOO, BTL, BLT và BT với dự án có xây dựng, O&amp;M với dự án không xây dựng, hợp tác ba bên khi có đủ tỷ lệ đóng góp của ba bên, liên doanh sử dụng tài sản công khi có góp tài sản công. Với mỗi hình thức, lệnh hiển thị IRR vốn chủ sở hữu, DSCR tối thiểu, chi phí ròng của Nhà nước, giá trị đồng tiền, rủi ro chuyển cho nhà đầu tư và tính hợp pháp; hình thức hiện tại của dự án được đặt đầu tiên, đánh dấu *.'),
    ITEMS(
      ('User-pay to BTL or BLT: each year\'s base-case user revenue becomes an availability payment of the same amount; the state collects the user revenue and bears the demand risk. Benefit sharing, the revenue band and the minimum revenue guarantee lapse.',
       'Từ người sử dụng trả tiền sang BTL hoặc BLT: doanh thu từ người sử dụng của mỗi năm trong phương án cơ sở trở thành khoản thanh toán theo mức độ sẵn sàng có cùng giá trị; Nhà nước thu doanh thu từ người sử dụng và chịu rủi ro nhu cầu. Cơ chế chia sẻ lợi ích, chia sẻ doanh thu và bảo đảm doanh thu tối thiểu không còn áp dụng.'),
      ('State-pay (BTL, BLT) to BOT, BTO or BOO: the state payments stay, as payments for ordered services.',
       'Từ Nhà nước thanh toán (BTL, BLT) sang BOT, BTO hoặc BOO: các khoản thanh toán của Nhà nước được giữ lại như khoản thanh toán cho dịch vụ đặt hàng.'),
      ('To BT: one payment on completion (settled value, interest and a reasonable profit sized so that equity IRR equals the hurdle); the state then operates the assets itself for the original term and keeps the demand, operation and obsolescence risks.',
       'Sang BT: một lần thanh toán khi hoàn thành (giá trị quyết toán, lãi vay và lợi nhuận hợp lý được xác định để IRR vốn chủ sở hữu bằng tỷ suất sinh lời tối thiểu); sau đó Nhà nước tự vận hành tài sản trong thời hạn ban đầu và giữ các rủi ro về nhu cầu, vận hành và lạc hậu công nghệ.'),
      ('Ordering is listed but not modelled for projects with an R&amp;D phase: its results belong to the state.',
       'Hình thức đặt hàng được liệt kê nhưng không được mô hình hóa với dự án có giai đoạn nghiên cứu và phát triển: kết quả thuộc về Nhà nước.'),
    ),
  ),
])

# ------------------------------------------------------------------ reports
page('reports', 'topic', ('Produce, print and check the report', 'Xuất, in và kiểm tra báo cáo'),
     ('Write the feasibility study as a Decree 30 PDF document or print it, check that a PDF matches its study file, or export the statements and inputs as an XLSX workbook.',
      'Xuất báo cáo nghiên cứu khả thi thành văn bản PDF theo Nghị định 30 hoặc in ra, kiểm tra một tệp PDF có khớp với tệp báo cáo hay không, hoặc xuất các báo cáo tài chính và dữ liệu đầu vào thành bảng tính XLSX.'),
     ['index#study', 'index#appraise'], [
  SECTION('app', 'Export, print and check the report in the application', 'Xuất, in và kiểm tra báo cáo trong ứng dụng',
    MEDIA('figures/report-page.png', 500, 'The Report section of the smart-traffic sample, with unsaved changes.',
          'Phần Báo cáo của báo cáo mẫu giao thông thông minh, khi còn thay đổi chưa lưu.'),
    P('Select <gui>Report</gui> at the bottom of the sidebar of a study. The options come first: the <gui>Report language</gui>, Vietnamese or English whatever the language of the application, and <gui>Include Monte Carlo results</gui>. With the switch on, the report uses the finished run of the <gui>Simulation</gui> view if there is one, or runs the iterations and seed of the <gui>Uncertainty</gui> section while exporting; with it off, or when the study has no distribution, the report says that no simulation was run.',
      'Chọn <gui>Báo cáo</gui> ở cuối thanh bên của báo cáo. Phía trên là các tùy chọn: <gui>Ngôn ngữ của báo cáo</gui>, tiếng Việt hoặc tiếng Anh, không phụ thuộc ngôn ngữ của ứng dụng, và <gui>Đưa kết quả mô phỏng Monte Carlo vào</gui>. Khi bật, báo cáo dùng lượt mô phỏng đã chạy xong ở trang <gui>Mô phỏng</gui> nếu có, nếu không thì chạy số lần lặp và giá trị khởi tạo (seed) của phần <gui>Yếu tố bất định</gui> trong khi xuất; khi tắt, hoặc khi báo cáo không có phân phối xác suất nào, báo cáo ghi rõ là không chạy mô phỏng.'),
    P('Beside a picture of the first page, <gui>Contents</gui> lists the chapters with the page each starts on and the number of A4 pages, and shows the <gui>Integrity fingerprint (SHA-256 of the saved file)</gui>. The preview follows your edits a moment after you stop typing.',
      'Bên cạnh hình trang đầu, <gui>Mục lục</gui> liệt kê các chương kèm số trang bắt đầu của mỗi chương và tổng số trang A4, và hiển thị <gui>Mã kiểm tra toàn vẹn (SHA-256 của tệp dự án đã lưu)</gui>. Bản xem trước được cập nhật một lúc sau khi bạn ngừng nhập.'),
    STEPS(
      ('Save the study. While it has <gui>Unsaved changes</gui>, the report shows the study as edited but the fingerprint of the file on disk, so the two would not match; the <gui>Save</gui> button in that row saves it.',
       'Lưu báo cáo. Khi còn <gui>Có thay đổi chưa lưu</gui>, văn bản thể hiện nội dung đang sửa nhưng mã SHA-256 lại là của tệp đã lưu trên đĩa, nên hai bên sẽ không khớp; nút <gui>Lưu</gui> trên dòng đó sẽ lưu báo cáo.'),
      ('Click <gui style="button">Export PDF…</gui> and choose a file name, <gui style="button">Print…</gui> to send the same pages to a printer (A4 unless you choose another paper in the print dialog), or <gui style="button">Export Spreadsheet…</gui> for the XLSX workbook. The main menu has <gui>Export Report as PDF…</gui> and <gui>Print Report…</gui> (<keyseq><key>Ctrl</key><key>P</key></keyseq>) too.',
       'Nhấn <gui style="button">Xuất PDF…</gui> rồi chọn tên tệp, <gui style="button">In…</gui> để gửi đúng các trang đó tới máy in (khổ A4 trừ khi bạn chọn khổ giấy khác trong hộp thoại in), hoặc <gui style="button">Xuất bảng tính…</gui> để xuất bảng tính XLSX. Trình đơn chính cũng có <gui>Xuất báo cáo ra PDF…</gui> và <gui>In báo cáo…</gui> (<keyseq><key>Ctrl</key><key>P</key></keyseq>).'),
      ('A bar shows the progress (simulation, layout, writing) with <gui>Cancel</gui>. When the file is written, a message offers to <gui>Open</gui> it.',
       'Một thanh tiến trình hiển thị các bước (mô phỏng, dàn trang, ghi tệp) kèm nút <gui>Hủy</gui>. Khi đã ghi xong, một thông báo đề nghị <gui>Mở</gui> tệp.'),
    ),
    P('If the report font is missing, the message names the package to install (<sys>fonts-liberation2</sys>).',
      'Nếu máy thiếu phông chữ của báo cáo, thông báo sẽ nêu tên gói cần cài (<sys>fonts-liberation2</sys>).'),
  ),
  SECTION('check', 'Check that a PDF matches its study', 'Kiểm tra báo cáo PDF có khớp với tệp báo cáo hay không',
    P('Every page of the report ends with a footer that holds the SHA-256 fingerprint of the saved <file>.khathi</file> file it was made from, and a line saying how to reproduce its figures: the version of the engine, the rule set, and the seed and iterations of the simulation. The fingerprint is also in the document properties of the PDF. An unsaved study prints “not saved” instead.',
      'Cuối mỗi trang của báo cáo có phần chân trang ghi mã SHA-256 của tệp <file>.khathi</file> đã lưu dùng để tạo ra báo cáo, và một dòng cho biết cách tính lại các số liệu: phiên bản bộ máy tính toán, bộ quy định, giá trị khởi tạo (seed) và số lần lặp của mô phỏng. Mã này cũng được ghi trong thuộc tính tài liệu của tệp PDF. Với báo cáo chưa lưu, chân trang ghi “chưa lưu”.'),
    P('The appraiser who receives a PDF and a study file checks that they belong together by comparing the footer with the fingerprint of the file:',
      'Người thẩm định nhận được tệp PDF và tệp báo cáo kiểm tra hai tệp có cùng một bộ hay không bằng cách so sánh chân trang với mã SHA-256 của tệp:'),
    ITEMS(
      ('open the study in Khả Thi and read <gui>Integrity fingerprint</gui> in its <gui>Report</gui> section;',
       'mở báo cáo bằng Khả Thi và đọc <gui>Mã kiểm tra toàn vẹn</gui> trong phần <gui>Báo cáo</gui>;'),
      ('or compute it: <cmd>sha256sum study.khathi</cmd> on Linux, <cmd>certutil -hashfile study.khathi SHA256</cmd> on Windows;',
       'hoặc tự tính: <cmd>sha256sum study.khathi</cmd> trên Linux, <cmd>certutil -hashfile study.khathi SHA256</cmd> trên Windows;'),
      ('or import it into the portfolio, which records the fingerprint of every submission (<link xref="portfolio"/>).',
       'hoặc nhập tệp vào danh mục hồ sơ, nơi ghi lại mã SHA-256 của mọi hồ sơ (<link xref="portfolio"/>).'),
    ),
    P('If the two differ by even one character, the PDF was not made from this file: the study was changed after the report was written, or another version was sent. Ask for the matching pair; with the same file, rule set and seed, Khả Thi reproduces every figure of the report.',
      'Nếu hai mã khác nhau dù chỉ một ký tự, tệp PDF không được tạo ra từ tệp này: báo cáo đã bị sửa sau khi xuất, hoặc một phiên bản khác đã được gửi. Hãy yêu cầu gửi đúng cặp tệp; với cùng tệp, cùng bộ quy định và cùng giá trị khởi tạo, Khả Thi tính lại được mọi số liệu của báo cáo.'),
  ),
  SECTION('pdf', 'The feasibility-study report', 'Báo cáo nghiên cứu khả thi',
    SCREEN('$ khathi-cli report -o study.pdf [--lang=vi|en] [--date=YYYY-MM-DD] [--iterations=N] [--seed=S] FILE'),
    P('Writes the whole study as an A4 document laid out after Decree 30/2020/NĐ-CP: the national heading, the chapters of the study (rationale, field and form, objectives and schedule, technology, R&amp;D and commercialisation, total investment, financing structure, financial plan, risk analysis and sharing, incentives and guarantees, operation, socio-economic efficiency, conclusions) with its narrative, the tables of the financial plan, charts, the appendices with the methodology and the citations of the rule set. Text uses Liberation Serif, embedded in the file, so Vietnamese prints the same everywhere.',
      'Xuất toàn bộ báo cáo thành văn bản khổ A4 trình bày theo Nghị định 30/2020/NĐ-CP: quốc hiệu, tiêu ngữ, các chương của báo cáo (sự cần thiết đầu tư, lĩnh vực và hình thức, mục tiêu và tiến độ, giải pháp công nghệ, nghiên cứu và thương mại hóa, tổng mức đầu tư, cơ cấu nguồn vốn, phương án tài chính, phân tích và chia sẻ rủi ro, ưu đãi và bảo đảm đầu tư, tổ chức vận hành, hiệu quả kinh tế – xã hội, kết luận) cùng phần thuyết minh, các bảng của phương án tài chính, biểu đồ, phụ lục về phương pháp tính và căn cứ pháp lý của bộ quy định. Văn bản dùng phông Liberation Serif được nhúng trong tệp, nên tiếng Việt hiển thị giống nhau trên mọi máy.'),
    ITEMS(
      ('<cmd>--lang</cmd> chooses Vietnamese or English; by default the language of the interface.',
       '<cmd>--lang</cmd> chọn tiếng Việt hoặc tiếng Anh; mặc định theo ngôn ngữ giao diện.'),
      ('<cmd>--date</cmd> sets the issue date; with a fixed date the same study gives an identical file, which makes versions easy to compare.',
       '<cmd>--date</cmd> đặt ngày ban hành; với ngày cố định, cùng một báo cáo luôn cho ra tệp giống hệt nhau, thuận tiện khi so sánh các phiên bản.'),
      ('The Monte Carlo chapter uses the study\'s settings; <cmd>--iterations=0</cmd> leaves it out. It is skipped when the study has no distribution.',
       'Chương mô phỏng Monte Carlo dùng thiết lập của báo cáo; <cmd>--iterations=0</cmd> sẽ bỏ chương này. Chương này cũng được bỏ qua khi báo cáo không có phân phối xác suất nào.'),
    ),
  ),
  SECTION('xlsx', 'The spreadsheet export', 'Xuất bảng tính',
    SCREEN('$ khathi-cli export -o study.xlsx [--lang=vi|en] [--iterations=N] [--seed=S] FILE'),
    P('Writes a workbook with the inputs, the statements year by year and the indicators, for appraisers who want to check figures in a spreadsheet. <cmd>--iterations</cmd> adds a sheet with a Monte Carlo summary (−1 uses the study\'s setting).',
      'Xuất một bảng tính gồm dữ liệu đầu vào, các báo cáo tài chính theo từng năm và các chỉ tiêu, dành cho người thẩm định muốn kiểm tra số liệu trên bảng tính. <cmd>--iterations</cmd> thêm một trang tóm tắt kết quả mô phỏng Monte Carlo (−1 dùng thiết lập của báo cáo).'),
    P('Both commands exit with 0 when the file was written and 2 for usage or input/output errors.',
      'Cả hai lệnh trả mã thoát 0 khi đã ghi tệp và 2 khi dùng sai lệnh hoặc lỗi vào/ra.'),
  ),
])

# ------------------------------------------------------------------ portfolio
page('portfolio', 'topic', ('The appraiser\'s portfolio', 'Danh mục hồ sơ của cơ quan thẩm định'),
     ('Import the submitted studies, recompute, score, compare and rank them, record decisions and publish the catalogue, in the portfolio window or from the command line, with a tamper-evident audit log.',
      'Nhập các báo cáo được gửi đến, tính lại, chấm điểm, so sánh và xếp hạng, ghi nhận quyết định và công bố danh mục dự án, trong cửa sổ danh mục hồ sơ hoặc bằng dòng lệnh, với nhật ký kiểm tra phát hiện được chỉnh sửa.'),
     ['index#appraise'], [
  P('The Department of Science and Technology or the Department of Finance keeps the studies it receives in a portfolio: a database, by default <file>~/.local/share/khathi/portfolio.sqlite</file> (another with <cmd>--db</cmd>). Each import recomputes the figures from the submitted inputs with the department\'s own rule set, so the appraisal never relies on figures typed by the proposer.',
    'Sở Khoa học và Công nghệ hoặc Sở Tài chính lưu các báo cáo nhận được trong một danh mục hồ sơ: một cơ sở dữ liệu, mặc định là <file>~/.local/share/khathi/portfolio.sqlite</file> (chọn tệp khác bằng <cmd>--db</cmd>). Mỗi lần nhập, chương trình tính lại các chỉ tiêu từ dữ liệu đầu vào được gửi đến theo bộ quy định của chính cơ quan thẩm định, nên việc thẩm định không phụ thuộc vào số liệu do nhà đầu tư tự ghi.'),
  SECTION('window', 'The portfolio window', 'Cửa sổ danh mục hồ sơ',
    P('Open the window <gui>Appraiser’s Portfolio</gui> with <gui>Appraise Submissions…</gui> on the start page or in the main menu of a study window (<keyseq><key>Ctrl</key><key>Shift</key><key>O</key></keyseq>). It opens the default portfolio; its main menu can <gui>Open Portfolio…</gui> another file or create a <gui>New Portfolio…</gui>. Three views are chosen at the top: <gui>Submissions</gui>, <gui>Ranking</gui> and <gui>Chart</gui>; a submission, or a comparison, opens over them, and the back button returns. A portfolio that another program holds, or that is on a read-only disk, opens read-only with a warning bar: you can read it but not import, score or decide.',
      'Mở cửa sổ <gui>Danh mục hồ sơ thẩm định</gui> bằng <gui>Thẩm định hồ sơ…</gui> trên trang bắt đầu hoặc trong trình đơn chính của cửa sổ báo cáo (<keyseq><key>Ctrl</key><key>Shift</key><key>O</key></keyseq>). Cửa sổ mở danh mục mặc định; trình đơn chính có <gui>Mở danh mục hồ sơ…</gui> để mở tệp khác hoặc <gui>Tạo danh mục hồ sơ mới…</gui>. Ba trang được chọn ở phía trên: <gui>Hồ sơ</gui>, <gui>Xếp hạng</gui> và <gui>Biểu đồ</gui>; trang của một hồ sơ, hoặc trang so sánh, mở chồng lên trên, và nút quay lại đưa bạn trở về. Danh mục đang bị chương trình khác giữ, hoặc nằm trên ổ đĩa chỉ đọc, được mở ở chế độ chỉ đọc kèm thanh cảnh báo: bạn xem được nhưng không nhập, chấm điểm hay quyết định được.'),
  ),
  SECTION('import', 'Import the submissions', 'Nhập hồ sơ',
    P('Click the import button in the header bar, or <gui>Import Submissions…</gui> in the main menu, and choose one or more <file>.khathi</file> files; <gui>Import a Folder…</gui> takes every study in a folder. Each file is read, validated and recomputed with the portfolio\'s rule set; a bar shows the progress and can cancel. At the end a message counts the files imported, those already present (the same file imported twice is kept once) and those that failed, with the reason for each. A new version of a study already in the portfolio (the same project id) is kept as a resubmission of it.',
      'Nhấn nút nhập hồ sơ trên thanh tiêu đề, hoặc <gui>Nhập hồ sơ…</gui> trong trình đơn chính, rồi chọn một hoặc nhiều tệp <file>.khathi</file>; <gui>Nhập cả thư mục…</gui> nhập mọi báo cáo trong một thư mục. Mỗi tệp được đọc, kiểm tra và tính lại theo bộ quy định của danh mục; một thanh tiến trình hiển thị quá trình và cho phép hủy. Khi kết thúc, thông báo cho biết số tệp đã nhập, số tệp đã có sẵn (cùng một tệp nhập hai lần chỉ được giữ một lần) và số tệp không nhập được, kèm lý do của từng tệp. Phiên bản mới của một báo cáo đã có trong danh mục (cùng mã dự án) được lưu là hồ sơ nộp lại của báo cáo đó.'),
  ),
  SECTION('submissions', 'Find and sort submissions', 'Tìm kiếm và sắp xếp hồ sơ',
    MEDIA('figures/portfolio-list.png', 600, 'The Submissions view with the three samples imported: search, filters, sorting and the recomputed figures.',
          'Trang Hồ sơ với ba báo cáo mẫu đã được nhập: ô tìm kiếm, bộ lọc, sắp xếp và các chỉ tiêu được tính lại.'),
    P('<gui>Submissions</gui> lists every submission with its proposer, form, total investment, NPV, FIRR, equity IRR, minimum DSCR, cost to the state, the result of its checks and its decision; amounts follow the money unit of the preferences. Type in the search box to find words in the names, proposers and narrative chapters, with or without Vietnamese accents. Narrow the list by form, field, domain and decision, or to the latest versions only, and sort it by any figure in either direction. A submission whose legal check failed, or whose claimed figures differ from the recomputation, says so in its checks column.',
      '<gui>Hồ sơ</gui> liệt kê mọi hồ sơ cùng nhà đầu tư đề xuất, hình thức, tổng mức đầu tư, NPV, FIRR, IRR vốn chủ sở hữu, DSCR tối thiểu, chi phí của Nhà nước, kết quả kiểm tra và quyết định; số tiền hiển thị theo đơn vị tiền trong phần tùy chỉnh. Nhập từ khóa vào ô tìm kiếm để tìm trong tên dự án, tên nhà đầu tư và các chương thuyết minh, có dấu hoặc không dấu. Lọc danh sách theo hình thức, lĩnh vực, lĩnh vực ứng dụng và quyết định, hoặc chỉ hiển thị phiên bản mới nhất, và sắp xếp theo bất kỳ chỉ tiêu nào, tăng dần hoặc giảm dần. Hồ sơ có nội dung kiểm tra pháp lý không đạt, hoặc có chỉ tiêu kê khai không khớp với kết quả tính lại, được ghi rõ ở cột kiểm tra.'),
    P('Select a submission to open it. To compare, select two to four submissions and click <gui>Compare</gui>.',
      'Chọn một hồ sơ để mở. Để so sánh, chọn từ hai đến bốn hồ sơ rồi nhấn <gui>So sánh</gui>.'),
  ),
  SECTION('submission', 'One submission', 'Trang của một hồ sơ',
    P('The page of a submission gathers everything the appraisal needs, top to bottom:',
      'Trang của một hồ sơ tập hợp mọi thông tin cần cho việc thẩm định, từ trên xuống dưới:'),
    ITEMS(
      ('the proposer, province, form, project id and version, with the file\'s SHA-256 and the date of import, and the previous and next versions;',
       'nhà đầu tư đề xuất, tỉnh, thành phố, hình thức, mã dự án và phiên bản, cùng mã SHA-256 của tệp và ngày nhập, và phiên bản trước, phiên bản sau;'),
      ('<gui>Claimed Figures</gui>: each figure the proposer\'s file claims, against the recomputation (see <link xref="command-line#claims"/>);',
       '<gui>Số liệu nhà đầu tư kê khai</gui>: từng chỉ tiêu mà tệp của nhà đầu tư kê khai, đối chiếu với kết quả tính lại (xem <link xref="command-line#claims"/>);'),
      ('<gui>Recomputed Figures</gui>: the appraiser\'s own figures, each beside its threshold (WACC, hurdle rate, lender\'s minimum DSCR, comparator);',
       '<gui>Số liệu tính lại</gui>: các chỉ tiêu do cơ quan thẩm định tự tính, mỗi chỉ tiêu đặt cạnh ngưỡng đánh giá (WACC, tỷ suất sinh lời tối thiểu, DSCR tối thiểu của bên cho vay, phương án so sánh);'),
      ('<gui>Checks and Legal Gate</gui>: the pass/fail checks with their legal basis; if one fails, the project is not eligible whatever its score;',
       '<gui>Kiểm tra và điều kiện pháp lý</gui>: các nội dung kiểm tra đạt/không đạt kèm căn cứ pháp lý; nếu có nội dung không đạt, dự án không đủ điều kiện dù điểm cao hay thấp;'),
      ('<gui>Scores</gui>: each criterion of the rubric with its weight, the mean, the range between appraisers (flagged when they disagree) and every score with its comment;',
       '<gui>Điểm</gui>: từng tiêu chí của bộ tiêu chí kèm trọng số, điểm trung bình, khoảng chênh lệch giữa các người thẩm định (được đánh dấu khi chấm lệch nhau) và từng điểm kèm nhận xét;'),
      ('<gui>History</gui> and <gui>What Changed</gui>: the versions of the study and, for a resubmission, how its figures moved and which inputs changed;',
       '<gui>Lịch sử</gui> và <gui>Những gì thay đổi</gui>: các phiên bản của báo cáo và, với hồ sơ nộp lại, các chỉ tiêu đã thay đổi thế nào và dữ liệu đầu vào nào đã được sửa;'),
      ('<gui>Audit Log</gui>: every import, score, decision and export of this submission, in order.',
       '<gui>Nhật ký</gui>: mọi lần nhập, chấm điểm, quyết định và xuất báo cáo của hồ sơ, theo thứ tự thời gian.'),
    ),
    P('The buttons of the page: <gui>Score…</gui>, <gui>Decide…</gui>, <gui>Export Appraisal Report…</gui> (the appraisal of this submission as a PDF) and <gui>Open in Editor</gui>, which opens the submitted study in a study window, as a new unsaved study, to read its inputs and chapters without touching the submitted file.',
      'Các nút của trang: <gui>Chấm điểm…</gui>, <gui>Quyết định…</gui>, <gui>Xuất báo cáo thẩm định…</gui> (kết quả thẩm định hồ sơ dưới dạng PDF) và <gui>Mở trong trình soạn thảo</gui>, để mở báo cáo đã nộp trong cửa sổ báo cáo dưới dạng một báo cáo mới chưa lưu, đọc dữ liệu đầu vào và các chương thuyết minh mà không làm thay đổi tệp đã nộp.'),
  ),
  SECTION('score', 'Score and decide', 'Chấm điểm và quyết định',
    STEPS(
      ('Click <gui>Score…</gui>, choose the <gui>Criterion</gui>, give the <gui>Score</gui> on its scale (0 to 5 in the default rubric), your name as <gui>Appraiser</gui> and a <gui>Comment</gui> giving the reasons, which is required. Financial viability and fiscal cost are scored automatically from the recomputed figures and are not in the list. Each appraiser scores separately; a later score by the same appraiser on the same criterion replaces the earlier one.',
       'Nhấn <gui>Chấm điểm…</gui>, chọn <gui>Tiêu chí</gui>, nhập <gui>Điểm</gui> theo thang điểm của tiêu chí (từ 0 đến 5 trong bộ tiêu chí mặc định), tên của bạn ở ô <gui>Người thẩm định</gui> và <gui>Nhận xét</gui> nêu lý do, là nội dung bắt buộc. Hiệu quả tài chính và chi phí ngân sách được chấm tự động từ các chỉ tiêu tính lại nên không có trong danh sách. Mỗi người thẩm định chấm riêng; điểm chấm sau của cùng một người cho cùng một tiêu chí thay thế điểm trước.'),
      ('When the scores are in, click <gui>Decide…</gui>: <gui>Approve</gui>, <gui>Return for revision</gui> or <gui>Reject</gui>, with your name and a note giving the reasons. Khả Thi asks for confirmation, because the decision is final: it locks the scores of the submission. A revised study is imported as a new version and appraised again.',
       'Khi đã chấm đủ điểm, nhấn <gui>Quyết định…</gui>: <gui>Phê duyệt</gui>, <gui>Trả lại để chỉnh sửa</gui> hoặc <gui>Không chấp thuận</gui>, kèm tên của bạn và ghi chú nêu lý do. Khả Thi yêu cầu xác nhận, vì quyết định là cuối cùng: quyết định khóa điểm của hồ sơ. Báo cáo sửa đổi được nhập như một phiên bản mới và được thẩm định lại.'),
    ),
  ),
  SECTION('compare', 'Compare submissions', 'So sánh hồ sơ',
    P('The comparison puts two to four submissions side by side, one column each: identity, investment and financing, the project, equity and state indicators, checks, errors found and scores, with the best value of each row marked. <gui>Copy as CSV</gui> and <gui>Export CSV…</gui> take the table to a spreadsheet.',
      'Trang so sánh đặt từ hai đến bốn hồ sơ cạnh nhau, mỗi hồ sơ một cột: thông tin định danh, đầu tư và nguồn vốn, các chỉ tiêu của dự án, của vốn chủ sở hữu và của Nhà nước, kết quả kiểm tra, số lỗi phát hiện và điểm, trong đó giá trị tốt nhất của mỗi dòng được đánh dấu. <gui>Sao chép dạng CSV</gui> và <gui>Xuất CSV…</gui> đưa bảng sang bảng tính.'),
  ),
  SECTION('ranking', 'Rank the projects', 'Xếp hạng dự án',
    P('<gui>Ranking</gui> orders the latest version of every project by its total score out of 100 (the weighted mean of the criteria). Beside the score it shows the legal checks, the spread between appraisers, the number of appraisers, the criteria not yet scored and the decision. A project whose legal check failed is ranked after all eligible ones, whatever its score. A large spread means the appraisers disagree: discuss before deciding. The weights of the rubric are suggestions a province may change, not law.',
      '<gui>Xếp hạng</gui> sắp xếp phiên bản mới nhất của mọi dự án theo tổng điểm trên thang 100 (bình quân có trọng số của các tiêu chí). Bên cạnh điểm là kết quả kiểm tra pháp lý, độ chênh lệch giữa các người thẩm định, số người thẩm định, số tiêu chí chưa chấm và quyết định. Dự án có nội dung kiểm tra pháp lý không đạt được xếp sau mọi dự án đủ điều kiện, dù điểm cao hay thấp. Độ chênh lệch lớn nghĩa là các người thẩm định đánh giá khác nhau: hãy trao đổi trước khi quyết định. Trọng số của bộ tiêu chí chỉ là gợi ý, mỗi tỉnh có thể điều chỉnh, không phải quy định pháp luật.'),
  ),
  SECTION('chart', 'The portfolio chart', 'Biểu đồ danh mục',
    MEDIA('figures/portfolio-chart.png', 500, 'The portfolio chart: financial viability across, socio-economic benefit up, bubble area the net cost to the state.',
          'Biểu đồ danh mục: hiệu quả tài chính theo chiều ngang, hiệu quả kinh tế – xã hội theo chiều dọc, diện tích vòng tròn là chi phí ròng của Nhà nước.'),
    P('<gui>Chart</gui> places each scored submission by two scores of the appraisers: financial viability across, socio-economic benefit up; the dashed lines mark the middle of each scale. The area of its bubble is the net cost to the state, and a hollow smallest bubble means no net cost; the colour gives the decision. The best candidates sit in the upper right with small bubbles; the submissions not yet scored are named below the chart. Hold the pointer over a bubble for its total score and decision. A submission appears once both of its criteria are scored.',
      '<gui>Biểu đồ</gui> đặt mỗi hồ sơ đã chấm điểm theo hai điểm của người thẩm định: hiệu quả tài chính theo chiều ngang, hiệu quả kinh tế – xã hội theo chiều dọc; các đường nét đứt đánh dấu điểm giữa của mỗi thang điểm. Diện tích của vòng tròn là chi phí ròng của Nhà nước, và vòng rỗng cỡ nhỏ nhất nghĩa là Nhà nước không chịu chi phí ròng; màu sắc cho biết quyết định. Các dự án tốt nhất nằm ở góc trên bên phải với vòng tròn nhỏ; các hồ sơ chưa được chấm điểm được nêu tên phía dưới biểu đồ. Đặt con trỏ lên một vòng tròn để xem tổng điểm và quyết định. Hồ sơ chỉ xuất hiện khi đã được chấm cả hai tiêu chí này.'),
  ),
  SECTION('catalogue', 'Publish the catalogue and verify the log', 'Công bố danh mục dự án và kiểm tra nhật ký',
    P('<gui>Export Catalogue…</gui> in the main menu writes the catalogue of projects (danh mục dự án) as a PDF, an XLSX spreadsheet or a CSV file, chosen by the file name\'s extension. <gui>Verify Audit Log</gui> checks the chain of the audit log: every import, score, decision and export carries the hash of the entry before it, so a change made outside Khả Thi breaks the chain. When the log is intact, the message gives the number of entries and the last hash: write that hash down outside the portfolio (in the minutes of the appraisal council, for example), so that a rewritten log can be detected later. A broken chain is explained in <link xref="troubleshooting#portfolio"/>.',
      '<gui>Xuất danh mục dự án…</gui> trong trình đơn chính xuất danh mục dự án dưới dạng PDF, bảng tính XLSX hoặc tệp CSV, tùy theo phần mở rộng của tên tệp. <gui>Kiểm tra nhật ký</gui> kiểm tra chuỗi nhật ký: mỗi lần nhập, chấm điểm, quyết định và xuất báo cáo mang giá trị băm của mục trước đó, nên mọi thay đổi ngoài Khả Thi đều làm đứt chuỗi. Khi nhật ký còn nguyên vẹn, thông báo cho biết số mục và giá trị băm cuối cùng: hãy ghi lại giá trị băm này ở ngoài danh mục (ví dụ trong biên bản của hội đồng thẩm định) để sau này phát hiện được nhật ký bị viết lại. Ý nghĩa khi chuỗi bị đứt được giải thích trong <link xref="troubleshooting#portfolio"/>.'),
  ),
  SECTION('cli', 'From the command line', 'Bằng dòng lệnh',
    P('<cmd>khathi-cli portfolio</cmd> does the same on the same database, for scripts and batch work; <cmd>show</cmd> also prints the claimed figures against the recomputation.',
      '<cmd>khathi-cli portfolio</cmd> thực hiện các thao tác tương tự trên cùng cơ sở dữ liệu, phục vụ viết kịch bản và xử lý hàng loạt; <cmd>show</cmd> còn in các chỉ tiêu kê khai đối chiếu với kết quả tính lại.'),
    SCREEN('$ khathi-cli portfolio import --appraiser "Nguyễn Văn A" *.khathi\n'
           '$ khathi-cli portfolio list --sort irr:desc\n'
           '$ khathi-cli portfolio show 3\n'
           '$ khathi-cli portfolio score 3 --appraiser "Nguyễn Văn A" --criterion technology --score 4 --comment "…"\n'
           '$ khathi-cli portfolio decide 3 --decision approve --appraiser "Trần Thị B" --note "…"\n'
           '$ khathi-cli portfolio rank\n'
           '$ khathi-cli portfolio report 3 -o appraisal-3.pdf\n'
           '$ khathi-cli portfolio catalogue -o catalogue.pdf\n'
           '$ khathi-cli portfolio verify'),
    TERMS(
      ('<cmd>import</cmd>', '<cmd>import</cmd>', [P('Imports study files. A new version of a study already in the portfolio (same project id) is kept as a resubmission, and <cmd>show</cmd> lists what changed. <cmd>--rule-set</cmd> recomputes with another rule set.',
        'Nhập các tệp báo cáo. Phiên bản mới của một báo cáo đã có trong danh mục (cùng mã dự án) được lưu như hồ sơ nộp lại, và <cmd>show</cmd> liệt kê các thay đổi. <cmd>--rule-set</cmd> tính lại theo bộ quy định khác.')]),
      ('<cmd>list</cmd>, <cmd>show</cmd>', '<cmd>list</cmd>, <cmd>show</cmd>', [P('List the submissions, filtered (form, province, field, domain, decision), sorted or searched in names, proposers and chapters with or without Vietnamese accents; show one with its recomputed figures, legal checks, scores and changes.',
        'Liệt kê các hồ sơ, có thể lọc (hình thức, tỉnh, lĩnh vực, lĩnh vực ứng dụng, quyết định), sắp xếp hoặc tìm kiếm trong tên, nhà đầu tư và các chương, có hoặc không có dấu tiếng Việt; hiển thị một hồ sơ cùng các chỉ tiêu được tính lại, kết quả kiểm tra pháp lý, điểm và các thay đổi.')]),
      ('<cmd>score</cmd>, <cmd>rank</cmd>', '<cmd>score</cmd>, <cmd>rank</cmd>', [P('The scoring rubric (<file>rubrics/default.xml</file>) has pass/fail legal checks and weighted criteria: financial viability, fiscal cost and value for money, risk allocation, technology and innovation, socio-economic benefit, investor capacity and data arrangements. Financial viability and fiscal cost are scored automatically from the recomputed figures; appraisers score the others on a scale of 0 to 5, each with a written reason. <cmd>rank</cmd> orders the latest versions by aggregate score and flags appraisers who disagree. The weights are suggestions a province may change, not law.',
        'Bộ tiêu chí chấm điểm (<file>rubrics/default.xml</file>) gồm các điều kiện pháp lý đạt/không đạt và các tiêu chí có trọng số: hiệu quả tài chính, chi phí ngân sách và giá trị đồng tiền, phân bổ rủi ro, công nghệ và đổi mới sáng tạo, hiệu quả kinh tế – xã hội, năng lực nhà đầu tư và phương án dữ liệu. Hiệu quả tài chính và chi phí ngân sách được chấm tự động từ các chỉ tiêu được tính lại; người thẩm định chấm các tiêu chí còn lại theo thang điểm từ 0 đến 5, mỗi điểm kèm lý do bằng văn bản. <cmd>rank</cmd> xếp hạng các phiên bản mới nhất theo tổng điểm và đánh dấu khi các người thẩm định chấm chênh lệch nhiều. Trọng số chỉ là gợi ý, mỗi tỉnh có thể điều chỉnh, không phải quy định pháp luật.')]),
      ('<cmd>decide</cmd>, <cmd>report</cmd>, <cmd>catalogue</cmd>', '<cmd>decide</cmd>, <cmd>report</cmd>, <cmd>catalogue</cmd>', [P('Record the decision (approve, return for revision or reject) with its reasons; write the appraisal report of one submission as PDF; write the catalogue (danh mục dự án) as CSV, XLSX or PDF.',
        'Ghi nhận quyết định (chấp thuận, trả lại để chỉnh sửa hoặc không chấp thuận) kèm lý do; xuất báo cáo thẩm định của một hồ sơ dưới dạng PDF; xuất danh mục dự án dưới dạng CSV, XLSX hoặc PDF.')]),
      ('<cmd>verify</cmd>, <cmd>audit</cmd>', '<cmd>verify</cmd>, <cmd>audit</cmd>', [P('Every import, score and decision is written to an audit log in which each entry carries the hash of the one before. <cmd>verify</cmd> checks the chain and exits with 1 if it is broken; keep the last hash it prints outside the portfolio to detect a rewritten log. <cmd>audit</cmd> prints the log.',
        'Mọi thao tác nhập, chấm điểm và quyết định được ghi vào nhật ký kiểm tra, trong đó mỗi mục mang giá trị băm của mục trước. <cmd>verify</cmd> kiểm tra chuỗi này và trả mã thoát 1 nếu chuỗi bị đứt; hãy lưu giá trị băm cuối cùng mà lệnh in ra ở ngoài danh mục để phát hiện nhật ký bị viết lại. <cmd>audit</cmd> in nhật ký.')]),
    ),
  ),
])

# ------------------------------------------------------------------ conventions
page('conventions', 'topic', ('Conventions of the engine', 'Các quy ước của bộ máy tính toán'),
     ('Choices the methodology leaves open, stated so that every figure can be recomputed: revenue sharing, guarantees, R&amp;D failure, value for money.',
      'Những lựa chọn mà phương pháp luận chưa quy định, được nêu rõ để có thể tính lại mọi chỉ tiêu: chia sẻ doanh thu, bảo đảm đầu tư, nghiên cứu thất bại, giá trị đồng tiền.'),
     ['index#figures'], [
  SECTION('sharing', 'Revenue sharing and guarantees', 'Chia sẻ doanh thu và bảo đảm đầu tư',
    ITEMS(
      ('The plan revenue <var>P_t</var> is the plan stored in the study; without one, it is the user revenue of the study without scenario, sensitivity, simulation, actual-to-plan path or delay: the approved base case, which none of them moves. A year with no plan has no band and no guarantee.',
       'Doanh thu theo phương án <var>P_t</var> là phương án được lưu trong báo cáo; nếu không có, đó là doanh thu từ người sử dụng của báo cáo khi không áp dụng kịch bản, phân tích độ nhạy, mô phỏng, tỷ lệ thực tế so với phương án hay chậm trễ: phương án cơ sở được phê duyệt, không bị các yếu tố đó làm thay đổi. Năm không có phương án thì không áp dụng cơ chế chia sẻ và bảo đảm.'),
      ('The actual revenue <var>A_t</var> includes the actual-to-plan path, which moves the volumes, so variable costs follow.',
       'Doanh thu thực tế <var>A_t</var> bao gồm tỷ lệ thực tế so với phương án; tỷ lệ này làm thay đổi sản lượng nên chi phí biến đổi thay đổi theo.'),
      ('The state\'s downside payment is capped first by the annual cap, then by what is left of the total cap; the minimum revenue guarantee tops up after the band and is not capped.',
       'Khoản Nhà nước chia sẻ phần giảm doanh thu bị giới hạn trước bởi mức trần hằng năm, sau đó bởi phần còn lại của mức trần tổng; bảo đảm doanh thu tối thiểu bù phần còn thiếu sau cơ chế chia sẻ và không bị giới hạn.'),
      ('Foreign-currency guarantee: with the exchange rate moving as (1 + depreciation)^<var>t</var> from the base rate of year 0, and <var>F_t</var> the foreign-currency share of the debt service of the loans flagged as foreign currency (all loans when none is), the investor\'s conversion loss is <var>F_t</var> · ((1 + dep)^<var>t</var> − 1), a financing cost; the state pays <var>F_t</var> · max(0, (1 + dep)^<var>t</var> − (1 + band)). Interest during construction is not covered.',
       'Bảo đảm cân đối ngoại tệ: với tỷ giá thay đổi theo (1 + tốc độ mất giá)^<var>t</var> so với tỷ giá cơ sở của năm 0, và <var>F_t</var> là phần nghĩa vụ trả nợ bằng ngoại tệ của các khoản vay được đánh dấu là vay ngoại tệ (mọi khoản vay nếu không khoản nào được đánh dấu), tổn thất chuyển đổi của nhà đầu tư là <var>F_t</var> · ((1 + dep)^<var>t</var> − 1), được tính là chi phí tài chính; Nhà nước chi trả <var>F_t</var> · max(0, (1 + dep)^<var>t</var> − (1 + biên độ)). Lãi vay trong thời gian xây dựng không được bảo đảm.'),
      ('R&amp;D failure: the project stops after the R&amp;D phase; one settlement year follows in which the loans are repaid from equity and the state pays its share of the sunk cost beyond the support it already gave. State support is never refunded (S&amp;T and Innovation Law Art. 9(3)); the assets are worthless.',
       'Nghiên cứu thất bại: dự án dừng sau giai đoạn nghiên cứu và phát triển; tiếp theo là một năm quyết toán, trong đó các khoản vay được trả bằng vốn chủ sở hữu và Nhà nước chi trả phần chi phí đã bỏ ra thuộc trách nhiệm của mình sau khi trừ phần vốn đã hỗ trợ. Vốn nhà nước đã hỗ trợ không phải hoàn trả (khoản 3 Điều 9 Luật Khoa học, công nghệ và đổi mới sáng tạo); tài sản được coi là không còn giá trị.'),
      ('Benefit sharing: each stream\'s revenue × its share from commercialised results × the state\'s (or the institute\'s) share, a deductible cost of the investor in the year of the revenue and a receipt of the state.',
       'Chia sẻ lợi ích: doanh thu của mỗi nguồn thu × tỷ trọng từ kết quả thương mại hóa × tỷ lệ của Nhà nước (hoặc của tổ chức KH&amp;CN), là chi phí được trừ của nhà đầu tư trong năm có doanh thu và là khoản thu của Nhà nước.'),
    ),
  ),
  SECTION('vfm', 'Value for money (giá trị đồng tiền)', 'Giá trị đồng tiền',
    P('VfM = PV(public sector comparator) − PV(PPP cost to the state), both at the social discount rate; a positive VfM means the PPP offers value for money.',
      'VfM = PV(phương án so sánh khu vực công) − PV(chi phí PPP đối với Nhà nước), cả hai theo tỷ lệ chiết khấu xã hội; VfM dương nghĩa là phương thức PPP mang lại giá trị đồng tiền.'),
    ITEMS(
      ('PSC investment = (capex + contingency) × (1 + optimism bias), without import duty, borrowed at the state borrowing rate and repaid as an annuity over the operation years; replacements (with the same bias) are paid in cash.',
       'Chi phí đầu tư của PSC = (chi phí đầu tư + dự phòng) × (1 + hệ số lạc quan), không gồm thuế nhập khẩu, được vay theo lãi suất vay của Nhà nước và trả đều trong các năm vận hành; chi phí thay thế (với cùng hệ số) được chi bằng tiền.'),
      ('PSC operating cost = (operating cost − land rent − concession fees) × (1 + opex bias); the state would pay rent and fees to itself.',
       'Chi phí vận hành của PSC = (chi phí vận hành − tiền thuê đất − phí nhượng quyền) × (1 + hệ số vượt chi phí vận hành); Nhà nước không tự trả tiền thuê đất và phí cho chính mình.'),
      ('The expected costs of the risk register are present values: the transferred ones (investor\'s, and the investor\'s part of shared ones) go into the PSC, the retained ones into the PPP cost.',
       'Chi phí dự kiến trong ma trận rủi ro là giá trị hiện tại: phần chuyển giao (do nhà đầu tư chịu, và phần nhà đầu tư chịu của rủi ro chia sẻ) được cộng vào PSC, phần Nhà nước giữ lại được cộng vào chi phí PPP.'),
      ('The PSC subtracts the revenue the state would collect and the book value of the assets it keeps at the end. Public assets contributed are used by either delivery, so they are reported apart and left out of VfM. There is no competitive-neutrality adjustment.',
       'PSC được trừ doanh thu Nhà nước sẽ thu và giá trị còn lại của tài sản Nhà nước giữ khi kết thúc. Tài sản công được góp vào được sử dụng trong cả hai phương thức nên được báo cáo riêng và không tính vào VfM. Không điều chỉnh trung lập cạnh tranh.'),
    ),
  ),
  SECTION('viability', 'Viability gap and other forms', 'Mức hỗ trợ khả thi và các hình thức khác',
    P('The viability gap and the comparison of forms are explained with their commands in <link xref="appraisal-tools"/>.',
      'Mức hỗ trợ khả thi và việc so sánh các hình thức được giải thích cùng các lệnh tương ứng trong <link xref="appraisal-tools"/>.'),
  ),
])

# ------------------------------------------------------------------ file format
page('file-format', 'topic', ('The study file format', 'Định dạng tệp báo cáo'),
     ('What a .khathi file looks like, how numbers and text are written, and how files are checked.',
      'Cấu trúc của tệp .khathi, cách viết số và văn bản, và cách tệp được kiểm tra.'),
     ['index#study'], [
  P('A study is one UTF-8 XML file with the extension <file>.khathi</file> and the MIME type <sys>application/x-khathi</sys>. It is plain text, so it can be compared, versioned and sent by e-mail; the proposing enterprise and the department open the same file.',
    'Mỗi báo cáo là một tệp XML mã hóa UTF-8, phần mở rộng <file>.khathi</file>, kiểu MIME <sys>application/x-khathi</sys>. Đây là tệp văn bản thuần nên có thể so sánh, quản lý phiên bản và gửi qua thư điện tử; doanh nghiệp đề xuất và cơ quan nhà nước cùng mở một tệp.'),
  SCREEN('&lt;?xml version="1.0" encoding="UTF-8"?&gt;\n'
         '&lt;project format-version="1" xmlns="https://khathi.github.io/ns/project/1"&gt;\n'
         '  &lt;identity&gt;\n'
         '    &lt;id&gt;3f6c2a9e-8b41-4d2f-9a37-5e0b7c1d4a82&lt;/id&gt;\n'
         '    &lt;name&gt;\n'
         '      &lt;vi&gt;Nền tảng điều hành giao thông thông minh …&lt;/vi&gt;\n'
         '      &lt;en&gt;AI-camera smart traffic management platform …&lt;/en&gt;\n'
         '    &lt;/name&gt;\n'
         '    …\n'
         '    &lt;form&gt;bto&lt;/form&gt;\n'
         '    &lt;rule-set&gt;vn-2025-11&lt;/rule-set&gt;\n'
         '  &lt;/identity&gt;\n'
         '  &lt;timeline&gt;\n'
         '    &lt;start-year&gt;2027&lt;/start-year&gt;\n'
         '    &lt;construction-years&gt;2&lt;/construction-years&gt;\n'
         '    &lt;operation-years&gt;15&lt;/operation-years&gt;\n'
         '    …\n'
         '  &lt;/timeline&gt;\n'
         '  &lt;rates&gt;&lt;wacc&gt;0.105&lt;/wacc&gt; …&lt;/rates&gt;\n'
         '  …\n'
         '&lt;/project&gt;'),
  SECTION('rules', 'How values are written', 'Cách ghi giá trị',
    ITEMS(
      ('Numbers use a decimal point and no grouping, whatever the language of the computer: <code>0.105</code>, <code>354000000000</code>. The screen and the reports format them (<code>354.000.000.000 ₫</code>).',
       'Số dùng dấu chấm thập phân và không có dấu phân cách nhóm, bất kể ngôn ngữ của máy tính: <code>0.105</code>, <code>354000000000</code>. Màn hình và báo cáo sẽ định dạng lại (<code>354.000.000.000 ₫</code>).'),
      ('Series (amounts by construction year, ramp-up, plan revenue) are numbers separated by spaces: <code>&lt;amounts&gt;52000000000 58000000000&lt;/amounts&gt;</code>.',
       'Chuỗi số (số tiền theo năm xây dựng, tỷ lệ huy động công suất, doanh thu theo phương án) là các số cách nhau bằng dấu cách: <code>&lt;amounts&gt;52000000000 58000000000&lt;/amounts&gt;</code>.'),
      ('Switches are <code>true</code> or <code>false</code>; choices are English keys such as <code>bto</code> or <code>declining-balance</code>.',
       'Tùy chọn bật/tắt là <code>true</code> hoặc <code>false</code>; các lựa chọn là khóa tiếng Anh như <code>bto</code> hoặc <code>declining-balance</code>.'),
      ('Bilingual text (the name, descriptions, chapters) has a <code>&lt;vi&gt;</code> and an <code>&lt;en&gt;</code> child; either may be empty. Text is stored in Unicode NFC.',
       'Văn bản song ngữ (tên, mô tả, các chương) có phần tử con <code>&lt;vi&gt;</code> và <code>&lt;en&gt;</code>; có thể để trống một trong hai. Văn bản được lưu ở dạng Unicode NFC.'),
      ('Lists hold rows: <code>&lt;capex&gt;&lt;line&gt;…&lt;/line&gt;&lt;/capex&gt;</code>. Every field of a section must be present exactly once, in any order.',
       'Danh sách chứa các dòng: <code>&lt;capex&gt;&lt;line&gt;…&lt;/line&gt;&lt;/capex&gt;</code>. Mỗi trường của một phần phải có mặt đúng một lần, theo thứ tự bất kỳ.'),
    ),
    P('The sections and fields are described in <link xref="study-sections"/>. <cmd>khathi-cli schema</cmd> prints the complete RELAX NG schema.',
      'Các phần và trường được mô tả trong <link xref="study-sections"/>. <cmd>khathi-cli schema</cmd> in ra toàn bộ lược đồ RELAX NG.'),
  ),
  SECTION('checks', 'How a file is checked', 'Cách tệp được kiểm tra',
    STEPS(
      ('Reading: the file must be UTF-8 XML of reasonable size, without DOCTYPE, entities or XInclude, with the right root element, namespace and a format version this Khả Thi reads.',
       'Đọc tệp: tệp phải là XML mã hóa UTF-8 với dung lượng hợp lý, không có DOCTYPE, thực thể hay XInclude, đúng phần tử gốc, đúng không gian tên và có phiên bản định dạng mà Khả Thi hiện tại đọc được.'),
      ('Structure: every element is known and in its place, every field present once, every value of the right type and within its range.',
       'Cấu trúc: mọi phần tử đều hợp lệ và đúng vị trí, mỗi trường xuất hiện một lần, mỗi giá trị đúng kiểu và trong phạm vi cho phép.'),
      ('Validation: the rules that join fields (amounts per construction year, loan tenors, legal caps of the rule set, distributions, the risk register). Errors and warnings name the field, such as <code>[financing/loans/1/tenor-years]</code>.',
       'Kiểm tra logic: các quy tắc liên quan giữa các trường (số tiền theo năm xây dựng, thời hạn vay, mức trần pháp lý của bộ quy định, phân phối xác suất, ma trận phân bổ rủi ro). Lỗi và cảnh báo nêu rõ trường liên quan, ví dụ <code>[financing/loans/1/tenor-years]</code>.'),
      ('Computing: the checks of the results (sources and uses, balance sheet, equity minimum, DSCR and others).',
       'Tính toán: các phép kiểm tra kết quả (nguồn và sử dụng vốn, bảng cân đối kế toán, vốn chủ sở hữu tối thiểu, DSCR và các phép khác).'),
    ),
    P('The first two steps stop at the first problem, with its line number; the last two list every problem. Each message is explained in <link xref="troubleshooting"/>.',
      'Hai bước đầu dừng lại ở lỗi đầu tiên, kèm số dòng; hai bước sau liệt kê mọi vấn đề. Ý nghĩa của từng thông báo được giải thích trong <link xref="troubleshooting"/>.'),
    NOTE('Khả Thi saves through a temporary file that replaces the study only when it is completely written, so a failed save never damages the previous version.',
         'Khả Thi lưu qua một tệp tạm và chỉ thay thế báo cáo khi đã ghi xong hoàn toàn, nên việc lưu thất bại không bao giờ làm hỏng phiên bản trước.'),
  ),
])

# ------------------------------------------------------------------ write
def translate(pot_path, po_path):
    """Writes po_path for the messages of pot_path: a translation already in
    po_path wins, then this file's table; code, numbers and screens stay as they are."""
    old = {}
    if os.path.exists(po_path):
        for e in _po.parse(po_path):
            if e.get('msgstr') and 'fuzzy' not in e['flags']:
                old[(e.get('msgctxt', ''), e['msgid'])] = e['msgstr']
    def neutral(s):
        text = re.sub(r'<code>.*?</code>|<[^>]+>', '', s)
        return not re.search(r'[A-Za-zÀ-ỹ]', text)
    with open(pot_path, encoding='utf-8') as f:
        date = re.search(r'POT-Creation-Date: ([0-9: +-]*)', f.read()).group(1)
    out = [PO_HEADER.format(date=date)]
    missing = []
    for e in _po.parse(pot_path):
        mid, ctx = e['msgid'], e.get('msgctxt', '')
        if mid == '':
            continue
        if (ctx, mid) in old:
            mstr = old[(ctx, mid)]
        elif mid in TR_RAW:
            mstr = TR_RAW[mid]
        elif mid == 'translator-credits':
            mstr = 'Nhóm dịch tiếng Việt của Khả Thi, 2026'
        elif norm(mid) in TR and '\n' not in mid:
            mstr = TR[norm(mid)]
        elif neutral(mid) or '\n' in mid or mid.startswith('external ref='):
            mstr = mid
        else:
            missing.append(mid)
            mstr = ''
        block = ''.join(c + '\n' for c in e['comments'])
        block += ''.join('#: ' + r + '\n' for r in e['refs'])
        if 'msgctxt' in e:
            block += 'msgctxt ' + _po.quote(ctx) + '\n'
        block += 'msgid ' + _po.quote(mid) + '\nmsgstr ' + _po.quote(mstr) + '\n'
        out.append(block)
    with open(po_path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out))
    return missing

PO_HEADER = '''# Vietnamese translation of the Khả Thi help.
# Copyright (C) 2026 Khả Thi developers
# This file is distributed under the same license as the Khả Thi help (CC BY-SA 3.0).
# Written with help/maint/gen-help.py; edit it here or there.
msgid ""
msgstr ""
"Project-Id-Version: khathi-help\\n"
"POT-Creation-Date: {date}\\n"
"PO-Revision-Date: 2026-11-23 15:00+0000\\n"
"Last-Translator: Nhóm dịch tiếng Việt của Khả Thi\\n"
"Language-Team: Vietnamese\\n"
"Language: vi\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
'''

def write(outdir):
    os.makedirs(outdir, exist_ok=True)
    for pid, xml in PAGES.items():
        with open(os.path.join(outdir, pid + '.page'), 'w', encoding='utf-8') as f:
            f.write(xml)

if __name__ == '__main__':
    import subprocess, tempfile, filecmp
    helpdir = os.path.join(ROOT, 'help')
    for w in WARNINGS:
        print('warning: ' + w, file=sys.stderr)
    if '--check' in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            write(tmp)
            stale = sorted(p for p in PAGES if not os.path.exists(os.path.join(helpdir, 'C', p + '.page'))
                           or not filecmp.cmp(os.path.join(tmp, p + '.page'), os.path.join(helpdir, 'C', p + '.page'), shallow=False))
        if stale:
            print('help/C is out of date with the program (' + ', '.join(stale) + '): run\n'
                  '  help/maint/gen-help.py BUILD/src/cli/khathi-cli\n'
                  'and commit help/C/*.page and help/vi/vi.po', file=sys.stderr)
            sys.exit(1)
        print('help/C/*.page is up to date (%d pages)' % len(PAGES))
        sys.exit(0)
    write(os.path.join(helpdir, 'C'))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'khathi.pot')
        subprocess.run(['itstool', '-o', pot] + ['C/%s.page' % p for p in sorted(PAGES)], cwd=helpdir, check=True)
        with open(os.path.join(helpdir, 'LINGUAS'), encoding='utf-8') as f:
            langs = [w for line in f for w in line.split('#')[0].split()]
        for lang in langs:
            missing = translate(pot, os.path.join(helpdir, lang, lang + '.po'))
            if missing and lang == 'vi':
                print('%d message(s) without Vietnamese: translate them in help/vi/vi.po' % len(missing), file=sys.stderr)
    print(len(PAGES), 'pages,', len(TR), 'strings')
