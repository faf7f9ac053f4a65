#!/usr/bin/env python3
# check-cli-ppp.py — the state's side in `khathi-cli compute`, `viability` and `compare-forms` on the samples
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-cli-ppp.py KHATHI_CLI SAMPLES_DIR
# The viability gap is checked by re-evaluating the project at the reported
# support share: its equity IRR must equal the target to 1e-9.

import json
import math
import os
import re
import subprocess
import sys
import tempfile

cli, samples = sys.argv[1], sys.argv[2]
failures = []


def check(name, condition, detail=''):
    print(('ok   ' if condition else 'FAIL ') + name + (': ' + str(detail) if detail and not condition else ''))
    if not condition:
        failures.append(name)


def run(*args):
    env = dict(os.environ, LANGUAGE='en')
    result = subprocess.run([cli, *args], capture_output=True, text=True, timeout=300, env=env)
    return result.returncode, result.stdout, result.stderr


def close(a, b, tolerance=1e-9, floor=1.0):
    return a is not None and b is not None and abs(a - b) <= max(tolerance * abs(b), floor)


files = sorted(f for f in os.listdir(samples) if f.endswith('.khathi'))
check('samples found', len(files) >= 3)
for name in files:
    path = os.path.join(samples, name)
    status, out, err = run('compute', path, '--json')
    check(name + ': compute exits 0 or 1', status in (0, 1), err)
    data = json.loads(out)
    state, eco, vfm = data['state'], data['economic'], data['vfm']
    for key in ('fiscal_npv', 'peak_commitment', 'flows'):
        check(name + ': state.' + key, key in state)
    for key in ('enpv', 'eirr', 'bcr'):
        check(name + ': economic.' + key, key in eco)
    for key in ('psc', 'ppp_cost', 'vfm'):
        check(name + ': vfm.' + key, key in vfm and vfm[key] is not None)
    check(name + ': vfm = psc − ppp cost', close(vfm['vfm'], vfm['psc'] - vfm['ppp_cost']))
    check(name + ': ppp cost = net fiscal cost + retained risks',
          close(vfm['ppp_cost'], -state['fiscal_npv'] + vfm['ppp_retained_risks']))
    items = state['items']
    n = len(state['flows'])
    for t in range(n):
        total = sum(items[k][t] for k in items)
        if not close(total, state['flows'][t]):
            check(name + ': fiscal items sum to the flow in year %d' % t, False, (total, state['flows'][t]))
            break
    else:
        check(name + ': fiscal items sum to the flow every year', True)
    outlays = [-(items['support'][t] + items['service_payments'][t] + items['guarantees'][t]
                 + items['sharing_downside'][t]) for t in range(n)]
    check(name + ': peak commitment is the largest outlay', close(state['peak_commitment'], max(outlays)))
    sharing = data['sharing']
    check(name + ': guarantees = MRG + FX + R&D',
          all(close(-items['guarantees'][t], sharing['mrg'][t] + sharing['fx_payout'][t]
                    + sharing['rd_compensation'][t]) for t in range(n)))

    # viability: default hurdle and a demanding one, verified by re-evaluation
    for target in (None, 0.25):
        args = ['viability', path, '--json'] + (['--target-equity-irr', str(target)] if target else [])
        status, out, err = run(*args)
        check(name + ': viability exits 0 (%s)' % target, status == 0, err)
        v = json.loads(out)
        check(name + ': viability status (%s)' % target,
              v['status'] in ('viable', 'found', 'unreachable', 'not_applicable'), v['status'])
        if v['status'] == 'found' and v['lever'] == 'support_share':
            text = open(path, encoding='utf-8').read()
            text = re.sub(r'<support-mode>[^<]*</support-mode>', '<support-mode>share</support-mode>', text)
            text = re.sub(r'<support-share>[^<]*</support-share>',
                          '<support-share>%s</support-share>' % repr(v['required']), text)
            with tempfile.NamedTemporaryFile('w', suffix='.khathi', delete=False, encoding='utf-8') as f:
                f.write(text)
                tmp = f.name
            try:
                status, out, err = run('compute', tmp, '--json')
                again = json.loads(out)
                check(name + ': equity IRR at the reported share = target',
                      abs(again['equity']['irr'] - v['hurdle']) <= 1e-9,
                      (again['equity']['irr'], v['hurdle']))
            finally:
                os.unlink(tmp)
        if v['status'] == 'found':
            check(name + ': required within [current, limit]',
                  v['current'] <= v['required'] <= v['limit'] + 1e-12)
            check(name + ': IRR at required = target',
                  abs(v['equity_irr_required'] - v['hurdle']) <= 1e-9)
        if v['status'] == 'unreachable':
            check(name + ': unreachable means short at the limit',
                  v['equity_irr_limit'] is None or v['equity_irr_limit'] < v['hurdle'])

    status, out, err = run('viability', path, '--target-equity-irr', '5')
    check(name + ': a 500 % target is not reachable', status == 0 and 'Not reachable' in out, out)

    status, out, err = run('compare-forms', path, '--json')
    check(name + ': compare-forms exits 0', status == 0, err)
    rows = json.loads(out)['forms']
    check(name + ': the current form comes first', rows and rows[0]['current'])
    check(name + ': at least five forms', len(rows) >= 5, len(rows))
    for row in rows:
        if not row['modelled']:
            check(name + ': %s has a note' % row['form'], bool(row['note']))
            continue
        ok = all(row[k] is not None and math.isfinite(row[k])
                 for k in ('equity_irr', 'fiscal_npv', 'state_net_cost', 'vfm', 'risks_transferred'))
        check(name + ': %s has finite figures' % row['form'], ok, row)
        check(name + ': %s passes the legal checks' % row['form'], row['legal_ok'], row)
    bt = [r for r in rows if r['form'] == 'bt' and r['modelled']]
    if bt and data['construction_years'] > 0:
        status, out, err = run('compute', path, '--json')
    status, out, err = run('compare-forms', path)
    check(name + ': compare-forms table prints', status == 0 and 'VfM' in out, err)

status, out, err = run('viability')
check('viability without a file is a usage error', status == 2)
status, out, err = run('compare-forms', '/nonexistent.khathi')
check('compare-forms on a missing file exits 2', status == 2)

if failures:
    print('%d failure(s)' % len(failures))
    sys.exit(1)
