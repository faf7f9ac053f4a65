#!/usr/bin/env python3
# check-cli-compute.py — `khathi-cli compute` and `bench`: JSON contract, tables, checks, exit status
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-cli-compute.py KHATHI_CLI TESTS_SOURCE_DIR
# Expected values are recomputed here from the printed flows and from a small
# project worked out by hand, independently of the engine.

import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile

cli, srcdir = sys.argv[1], sys.argv[2]
valid = os.path.join(srcdir, 'files', 'valid.khathi')
big = os.path.join(srcdir, 'files', 'model-25y.khathi')
failures = []


def check(name, condition, detail=''):
    print(('ok   ' if condition else 'FAIL ') + name + (': ' + str(detail) if detail and not condition else ''))
    if not condition:
        failures.append(name)


def close(got, expected, tolerance=1e-9, floor=1.0):
    return got is not None and abs(got - expected) <= max(tolerance * abs(expected), floor)


def run(*args, language='en'):
    env = dict(os.environ, LANGUAGE=language)
    result = subprocess.run([cli, *args], capture_output=True, text=True, timeout=120, env=env)
    return result.returncode, result.stdout, result.stderr


def npv(rate, flows):
    return sum(cf / (1 + rate) ** t for t, cf in enumerate(flows))


def compute_json(path):
    status, out, err = run('compute', path, '--json')
    check('compute --json exits 0 or 1 for ' + os.path.basename(path), status in (0, 1), err)
    check('no NaN or Infinity in the JSON of ' + os.path.basename(path),
          'NaN' not in out and 'Infinity' not in out)
    return json.loads(out)


def table(path, name):
    status, out, err = run('compute', path, '--table', name, '--csv')
    check('--table %s --csv exits 0' % name, status == 0, err)
    rows = list(csv.reader(io.StringIO(out)))
    years = [int(y) for y in rows[0][2:]]
    values = {r[0]: [float(v) if v else None for v in r[2:]] for r in rows[1:]}
    return years, values


# ---- the JSON contract on the sample studies ----

for path, wacc, coe, social in ((valid, 0.1, 0.14, 0.1), (big, 0.1, 0.14, 0.1)):
    name = os.path.basename(path)
    data = compute_json(path)
    for key in ('total_investment', 'project', 'equity', 'debt', 'checks', 'state', 'economic'):
        check('%s: key %s' % (name, key), key in data)
    for key in ('npv', 'irr', 'irrs', 'irr_status', 'mirr', 'payback', 'discounted_payback', 'bcr'):
        check('%s: project.%s' % (name, key), key in data['project'])
    for key in ('npv', 'irr', 'irrs', 'irr_status'):
        check('%s: equity.%s' % (name, key), key in data['equity'])
    for key in ('dscr_min', 'dscr_avg', 'llcr'):
        check('%s: debt.%s' % (name, key), key in data['debt'])
    for key in ('fiscal_npv', 'peak_commitment', 'flows'):
        check('%s: state.%s' % (name, key), key in data['state'])
    for key in ('enpv', 'eirr', 'bcr'):
        check('%s: economic.%s' % (name, key), key in data['economic'])

    codes = {(c['code'], c['severity']) for c in data['checks']}
    check('%s: balance_sheet listed as a passed check' % name, ('balance_sheet', 'pass') in codes)
    check('%s: sources_uses listed as a passed check' % name, ('sources_uses', 'pass') in codes)
    for c in data['checks']:
        check('%s: check %s has its fields' % (name, c.get('code')),
              set(c) >= {'severity', 'code', 'where', 'message'}
              and c['severity'] in ('pass', 'info', 'warning', 'error'))

    inv = data['investment']
    check('%s: total investment = its parts' % name,
          close(data['total_investment'],
                inv['capex'] + inv['contingency'] + inv['duty'] + inv['idc'] + inv['fees']))
    check('%s: total investment = its sources' % name,
          close(data['total_investment'], inv['state_support'] + inv['equity'] + inv['debt']))
    flows = data['project']['flows']
    check('%s: project NPV at WACC of the printed flows' % name,
          close(data['project']['npv'], npv(wacc, flows)))
    check('%s: project IRR zeroes the printed flows' % name,
          data['project']['irr_status'] != 'unique'
          or abs(npv(data['project']['irr'], flows)) <= 1e-6 * sum(abs(f) for f in flows))
    check('%s: equity NPV at the cost of equity' % name,
          close(data['equity']['npv'], npv(coe, data['equity']['flows'])))
    check('%s: fiscal NPV at the social rate' % name,
          close(data['state']['fiscal_npv'], npv(social, data['state']['flows'])))
    check('%s: economic NPV at the social rate' % name,
          close(data['economic']['enpv'], npv(social, data['economic']['flows'])))

    years, bs = table(path, 'balance')
    check('%s: balance sheet balances every year' % name,
          all(close(a, l) for a, l in zip(bs['total-assets'], bs['total-liabilities'])))
    years, su = table(path, 'sources-uses')
    check('%s: sources = uses every year (uses printed negative)' % name,
          all(close(s, -u) for s, u in zip(su['sources'], su['uses'])))
    years, inc = table(path, 'income')
    parts = ['revenue', 'state-payments', 'sharing-receipts', 'sharing-payments', 'guarantees',
             'opex-fixed', 'opex-variable', 'maintenance', 'land-rent', 'concession-fees',
             'depreciation', 'loss-on-transfer', 'interest', 'tax']
    check('%s: net income = the sum of the income statement lines' % name,
          all(close(sum(inc[p][t] for p in parts), inc['net-income'][t]) for t in range(len(years))))
    years, debt = table(path, 'debt')
    check('%s: DSCR = CFADS / debt service' % name,
          all(d is None or close(d, c / s) for d, c, s in
              zip(debt['dscr'], debt['cfads'], debt['debt-service'])))
    check('%s: loans repaid by the end' % name, abs(debt['balance'][-1]) <= 1.0)

# ---- a project worked out by hand ----
# C = 1: capex 1 000 in 2026, equipment over 5 years (200 a year); O = 5:
# revenue 300 a year, no opex, all equity.  The rule set's small-company band
# (≤ 3 billion) taxes 300 − 200 = 100 at 15 %: tax 15, flows [−1 000, 285 × 5].
# Payback 3 + (1 000 − 3·285) / 285; NPV at 10 %; no state, duty or IDC.

with open(valid, encoding='utf-8') as f:
    text = f.read()


def replace_block(text, tag, body):
    return re.sub(r'<%s>.*?</%s>' % (tag, tag), '<%s>%s</%s>' % (tag, body, tag), text, count=1,
                  flags=re.S)


hand = text
hand = replace_block(hand, 'capex', '''<line><name>Thiết bị</name><category>equipment</category>
  <amounts>1000</amounts><escalation>0</escalation><useful-life>5</useful-life>
  <method>straight-line</method><share-imported>0</share-imported>
  <contingency-rate>0</contingency-rate></line>''')
hand = replace_block(hand, 'revenues', '''<stream><name>Dịch vụ</name><unit>năm</unit>
  <capacity>1</capacity><ramp>1</ramp><growth>0</growth><tariff>300</tariff><escalation>0</escalation>
  <variable-cost-share>0</variable-cost-share><exempt-years>0</exempt-years>
  <commercialisation-share>0</commercialisation-share></stream>''')
hand = replace_block(hand, 'opex', '')
hand = replace_block(hand, 'loans', '')
for tag, value in (('construction-years', '1'), ('operation-years', '5'), ('inflation', '0'),
                   ('equity-share', '1'), ('contingency-rate', '0')):
    hand = re.sub(r'<%s>[^<]*</%s>' % (tag, tag), '<%s>%s</%s>' % (tag, value, tag), hand, count=1)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'hand.khathi')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(hand)
    data = compute_json(path)
    expected = [-1000] + [285] * 5
    check('hand: total investment 1 000', close(data['total_investment'], 1000, floor=1e-6))
    check('hand: project flows', all(close(g, e, floor=1e-6)
                                     for g, e in zip(data['project']['flows'], expected)),
          data['project']['flows'])
    check('hand: NPV at 10 %', close(data['project']['npv'], npv(0.1, expected), floor=1e-6),
          data['project']['npv'])
    check('hand: payback', close(data['project']['payback'], 3 + (1000 - 3 * 285) / 285, floor=1e-9),
          data['project']['payback'])
    check('hand: IRR unique and zeroing', data['project']['irr_status'] == 'unique'
          and abs(npv(data['project']['irr'], expected)) < 1e-6)
    check('hand: no debt: DSCR and LLCR null',
          data['debt']['dscr_min'] is None and data['debt']['llcr'] is None)
    check('hand: fiscal flows are the CIT', all(close(g, e, floor=1e-6) for g, e in
                                                zip(data['state']['flows'], [0] + [15] * 5)))
    check('hand: equity IRR = project IRR (all equity, no debt)',
          close(data['equity']['irr'], data['project']['irr'], floor=1e-9))


# ---- the readable table follows the language (kt-format) ----

status, out, err = run('compute', big, '--table', 'income', language='vi')
check('readable table in Vietnamese: decimal comma', status == 0
      and re.search(r'\d,\d\d\b', out) is not None and re.search(r'\d\.\d\d\b', out) is None, out)
status, out, err = run('compute', big, '--table', 'income', language='en')
check('readable table in English: decimal point', status == 0
      and re.search(r'\d\.\d\d\b', out) is not None, out)

# ---- usage errors ----

status, out, err = run('compute', valid, '--table', 'nonsense')
check('unknown table: exit 2', status == 2, status)
status, out, err = run('compute', valid, '--csv')
check('--csv without --table: exit 2', status == 2, status)
status, out, err = run('compute', os.path.join(srcdir, 'files', 'does-not-exist.khathi'))
check('missing file: exit 2', status == 2, status)
status, out, err = run('compute')
check('no file: exit 2', status == 2, status)

# ---- bench ----

status, out, err = run('bench', big, '--json', '--runs', '50')
check('bench --json exits 0', status == 0, err)
if status == 0:
    bench = json.loads(out)
    check('bench: eval_us_median > 0', bench.get('eval_us_median', 0) > 0, bench)
    check('bench: 25 years', bench.get('years') == 25, bench)

if failures:
    print('%d failed' % len(failures))
    sys.exit(1)
