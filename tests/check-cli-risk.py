#!/usr/bin/env python3
# check-cli-risk.py — `khathi-cli simulate | sensitivity | scenarios | risks | bench --simulate`:
# JSON contract, nulls, thread independence, exit status
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-cli-risk.py KHATHI_CLI TESTS_SOURCE_DIR

import json
import os
import re
import subprocess
import sys
import tempfile

cli, tests = sys.argv[1], sys.argv[2]
bench = os.path.join(tests, 'files', 'simulate-25y.khathi')
failures = []

INDICATORS = ['project_npv', 'project_irr', 'equity_irr', 'dscr_min', 'fiscal_cost', 'state_payouts']
STATS = ['mean', 'sd', 'se', 'p5', 'p10', 'p50', 'p90', 'p95']
TOP = ['prob_npv_negative', 'prob_dscr_below_1', 'state_payout_expected', 'state_payout_p95',
       'seed', 'iterations']


def check(name, condition, detail=''):
    suffix = ': ' + str(detail)[:400] if detail and not condition else ''
    print(('ok   ' if condition else 'FAIL ') + name + suffix)
    if not condition:
        failures.append(name)


def run(*args, language='en'):
    env = dict(os.environ, LANGUAGE=language)
    r = subprocess.run([cli, *args], capture_output=True, text=True, timeout=300, env=env)
    return r.returncode, r.stdout, r.stderr


def run_json(*args):
    status, out, err = run(*args, '--json')
    check('exit 0: ' + ' '.join(args), status == 0, err)
    check('no NaN or Infinity: ' + ' '.join(args), 'NaN' not in out and 'Infinity' not in out, out)
    return json.loads(out) if status == 0 else {}


def edited(text, pattern, replacement, count=1):
    new, n = re.subn(pattern, replacement, text, count=count, flags=re.S)
    assert n > 0, pattern
    f = tempfile.NamedTemporaryFile('w', suffix='.khathi', delete=False, encoding='utf-8')
    f.write(new)
    f.close()
    return f.name


with open(bench, encoding='utf-8') as f:
    bench_text = f.read()

# ---- simulate ----
one = run_json('simulate', bench, '--iterations', '3000', '--seed', '42', '--threads', '1')
two = run_json('simulate', bench, '--iterations', '3000', '--seed', '42', '--threads', '2')
for key in INDICATORS:
    check('simulate has ' + key, isinstance(one.get(key), dict), one.keys())
    for stat in STATS:
        check(f'simulate {key}.{stat}', stat in one.get(key, {}))
    check(f'simulate {key}.n_undefined', isinstance(one.get(key, {}).get('n_undefined'), int))
for key in TOP:
    check('simulate has ' + key, key in one)
check('seed echoed', one.get('seed') == 42)
check('iterations echoed', one.get('iterations') == 3000)
check('threads as asked', one.get('threads') == 1 and two.get('threads') == 2)
for d in (one, two):
    d.pop('threads', None)
    d.pop('seconds', None)
check('1 and 2 threads give identical results', one == two)
check('IRRs without a value are counted, not averaged',
      one['equity_irr']['n'] + one['equity_irr']['n_undefined'] == 3000)
check('P(NPV < 0) is a probability', 0 <= one['prob_npv_negative'] <= 1)
check('drivers ranked by |Spearman|',
      [abs(d['spearman_npv']) for d in one['drivers']]
      == sorted((abs(d['spearman_npv']) for d in one['drivers']), reverse=True))
check('ten drivers', len(one['drivers']) == 10)
check('payouts by year', len(one['state_payouts_by_year']) >= 25)
check('P95 of payouts ≥ expected', one['state_payout_p95'] >= one['state_payout_expected'] or
      one['state_payout_p95'] >= one['state_payouts']['p50'])

other = run_json('simulate', bench, '--iterations', '3000', '--seed', '43', '--threads', '1')
check('another seed, other numbers', other['project_npv']['mean'] != one['project_npv']['mean'])
plain = run_json('simulate', bench, '--iterations', '2000', '--plain')
check('--plain', plain.get('lhs') is False)
lhs = run_json('simulate', bench, '--iterations', '2000', '--lhs')
check('--lhs', lhs.get('lhs') is True)

# a project without debt: DSCR statistics are null, not NaN
no_debt = edited(bench_text, r'<loans>.*</loans>', '<loans/>')
no_debt = edited(open(no_debt, encoding='utf-8').read(), r'<equity-share>0.3</equity-share>',
                 '<equity-share>1</equity-share>')
d = run_json('simulate', no_debt, '--iterations', '1000')
check('no debt: dscr mean null', d.get('dscr_min', {}).get('mean', 0) is None)
check('no debt: prob_dscr_below_1 null', d.get('prob_dscr_below_1', 0) is None)
check('no debt: every DSCR undefined', d.get('dscr_min', {}).get('n_undefined') == 1000)

# contradictory correlations: exit 1 with the problem; accepted on request
bad = edited(bench_text, r'<correlations>.*</correlations>',
             '<correlations><correlation><a>capex</a><b>demand</b><rho>0.9</rho></correlation>'
             '<correlation><a>capex</a><b>tariff</b><rho>0.9</rho></correlation>'
             '<correlation><a>demand</a><b>tariff</b><rho>-0.9</rho></correlation></correlations>')
status, out, err = run('simulate', bad, '--iterations', '1000')
check('not positive definite: exit 1', status == 1, err)
check('not positive definite: explained', 'positive definite' in err, err)
d = run_json('simulate', bad, '--iterations', '1000', '--nearest-correlation')
check('nearest correlation on request', d.get('nearest_correlation') is True)
check('nearest correlation noted', any(p['code'] == 'correlation_nearest_used' for p in d.get('problems', [])))

for args in (['simulate'], ['simulate', bench, '--iterations', '0'], ['simulate', bench, '--seed', '-1'],
             ['simulate', bench, '--lhs', '--plain'], ['simulate', '/nonexistent.khathi']):
    status, out, err = run(*args)
    check('usage error: ' + ' '.join(args[1:]), status == 2, (status, err))

status, out, err = run('simulate', bench, '--iterations', '2000', language='vi')
check('readable table in Vietnamese number format', status == 0 and re.search(r'\d,\d+\s%', out), out)

# ---- sensitivity ----
s = run_json('sensitivity', bench)
check('sensitivity base', all(k in s.get('base', {}) for k in INDICATORS))
check('sensitivity steps', s.get('steps') == [-0.2, -0.1, 0.1, 0.2])
drivers = [d['driver'] for d in s.get('drivers', [])]
check('sensitivity drivers', drivers == ['capex', 'demand', 'tariff', 'opex', 'interest-rate', 'delay',
                                         'state-payment'], drivers)
for d in s.get('drivers', []):
    for target in ('npv_zero', 'equity_irr_hurdle'):
        sv = d['switching'][target]
        check(f"{d['driver']} {target} status", sv['status'] in ('found', 'none_in_range', 'not_applicable'))
        if sv['status'] == 'found' and target == 'npv_zero' and d['driver'] != 'delay':
            scale = 1e-6 * abs(s['base']['project_npv']) + 1
            check(f"{d['driver']} NPV = 0 verified", abs(sv['check']) <= scale, sv)
        if sv['status'] == 'found' and target == 'equity_irr_hurdle' and d['driver'] != 'delay':
            check(f"{d['driver']} IRR = hurdle verified", abs(sv['check'] - s['hurdle']) <= 1e-9, sv)
swings = {d['driver']: d['swing']['project_npv'] for d in s.get('drivers', [])}
order = s.get('tornado', {}).get('project_npv', [])
check('tornado by swing', [swings[k] for k in order] == sorted(swings.values(), reverse=True))
status, out, err = run('sensitivity', bench)
check('sensitivity readable', status == 0 and 'Switching values' in out, err)

# ---- scenarios ----
sc = run_json('scenarios', bench)
check('scenarios: base first', sc.get('scenarios', [{}])[0].get('base') is True)
check('scenarios: base has neutral drivers', sc['scenarios'][0]['drivers']['capex'] == 1)
check('scenarios: base NPV equals sensitivity base',
      abs(sc['scenarios'][0]['project_npv'] - s['base']['project_npv']) <= 1e-9 * abs(s['base']['project_npv']))
status, out, err = run('scenarios', bench)
check('scenarios readable', status == 0, err)

# ---- risks ----
r = run_json('risks', bench)
totals = r['totals']
check('risks: totals add up', abs(totals['retained'] + totals['transferred'] - totals['expected']) < 1)
check('risks: matrix 5 × 5', len(r['matrix']) == 5 and all(len(row) == 5 for row in r['matrix']))
unjustified = edited(bench_text, r'(<driver>capex</driver>)\s*<justification>.*?</justification>', r'\1')
status, out, err = run('risks', unjustified, '--json')
d = json.loads(out) if out else {}
check('risks: deviation without justification exits 1', status == 1, err)
check('risks: risk_justification_missing at risks/2/justification',
      any(p['code'] == 'risk_justification_missing' and p['where'] == 'risks/2/justification'
          for p in d.get('problems', [])), d.get('problems'))

# ---- bench --simulate ----
b = run_json('bench', bench, '--simulate', '--runs', '2000')
check('bench --simulate: iterations_per_s', (b.get('iterations_per_s') or 0) > 0, b)
check('bench --simulate: iterations', b.get('iterations') == 2000, b)

sys.exit(1 if failures else 0)
