#!/usr/bin/env python3
# check-cli-flows.py — `khathi-cli flows`: JSON keys and values, nulls, localized table, exit status
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-cli-flows.py KHATHI_CLI
# The expected values are computed here, independently of kt-metrics.c.

import json
import math
import os
import subprocess
import sys

cli = sys.argv[1]
failures = []

KEYS = {'npv', 'irr', 'irrs', 'irr_status', 'mirr', 'payback', 'discounted_payback'}

# Microsoft Excel's IRR help example: IRR 8.66 %, so NPV at 10 % is negative.
EXCEL = [-70000, 12000, 15000, 18000, 21000, 26000]


def run(*args, language='en'):
    env = dict(os.environ, LANGUAGE=language)
    result = subprocess.run([cli, 'flows', *args], capture_output=True, text=True,
                            timeout=30, env=env)
    return result.returncode, result.stdout, result.stderr


def run_json(*args):
    status, out, err = run('--json', *args)
    check('exit 0 for ' + ' '.join(args), status == 0, err)
    # JSON has no NaN: json.loads would accept it, so look for it in the text.
    check('no NaN or Infinity in ' + ' '.join(args),
          'NaN' not in out and 'Infinity' not in out, out)
    return json.loads(out) if status == 0 else {}


def check(name, condition, detail=''):
    print(('ok   ' if condition else 'FAIL ') + name + (': ' + str(detail) if detail and not condition else ''))
    if not condition:
        failures.append(name)


def close(got, expected, tolerance=1e-9):
    return got is not None and abs(got - expected) <= tolerance * max(1.0, abs(expected))


def npv(rate, flows):
    return sum(cf / (1 + rate) ** t for t, cf in enumerate(flows))


def root(flows, low, high):
    # Plain bisection; NPV changes sign once on [low, high].
    f_low = npv(low, flows)
    for _ in range(200):
        mid = (low + high) / 2
        f_mid = npv(mid, flows)
        if (f_mid < 0) == (f_low < 0):
            low, f_low = mid, f_mid
        else:
            high = mid
    return (low + high) / 2


def mirr(flows, finance, reinvest):
    n = len(flows)
    fv = sum(cf * (1 + reinvest) ** (n - 1 - t) for t, cf in enumerate(flows) if cf > 0)
    pv = sum(cf / (1 + finance) ** t for t, cf in enumerate(flows) if cf < 0)
    return (fv / -pv) ** (1 / (n - 1)) - 1


def payback(flows):
    before = flows[0]
    for t in range(1, len(flows)):
        after = before + flows[t]
        if before < 0 <= after:
            return (t - 1) + -before / flows[t]
        before = after
    return None


args = [str(cf) for cf in EXCEL]
irr = root(EXCEL, 0.0, 0.5)

# Every indicator, with every rate.
data = run_json('--rate', '0.1', '--finance-rate', '0.1', '--reinvest-rate', '0.12', '--', *args)
check('keys', set(data) == KEYS, sorted(data))
check('irr', close(data.get('irr'), irr), data.get('irr'))
check('irr is near 8.66 %', close(data.get('irr'), 0.0866, 1e-4 / 0.0866), data.get('irr'))
check('irrs', isinstance(data.get('irrs'), list) and len(data['irrs']) == 1
      and close(data['irrs'][0], irr), data.get('irrs'))
check('irr_status', data.get('irr_status') == 'unique', data.get('irr_status'))
check('npv', close(data.get('npv'), npv(0.1, EXCEL)), data.get('npv'))
check('npv is negative above the IRR', (data.get('npv') or 0) < 0, data.get('npv'))
check('mirr', close(data.get('mirr'), mirr(EXCEL, 0.1, 0.12)), data.get('mirr'))
check('payback', close(data.get('payback'), 4 + 4000 / 26000), data.get('payback'))
check('payback by the formula', close(data.get('payback'), payback(EXCEL)), data.get('payback'))
check('discounted payback never reached at 10 %: null',
      'discounted_payback' in data and data['discounted_payback'] is None)

# Rates as percentages; discounted payback reached below the IRR.
data = run_json('--rate', '8%', '--finance-rate', '10%', '--reinvest-rate', '12%', '--', *args)
check('8% is 0.08', close(data.get('npv'), npv(0.08, EXCEL)), data.get('npv'))
check('percent MIRR rates', close(data.get('mirr'), mirr(EXCEL, 0.1, 0.12)), data.get('mirr'))
discounted = [cf / 1.08 ** t for t, cf in enumerate(EXCEL)]
check('discounted payback at 8 %', close(data.get('discounted_payback'), payback(discounted)),
      data.get('discounted_payback'))

# No rates: nothing is assumed.
data = run_json('--', *args)
check('keys without rates', set(data) == KEYS, sorted(data))
for key in ('npv', 'mirr', 'discounted_payback'):
    check(key + ' is null without rates', key in data and data[key] is None, data.get(key))
check('irr without a rate', close(data.get('irr'), irr), data.get('irr'))

# Negative flows without "--".
data = run_json('--rate', '0.1', *args)
check('flows without --', close(data.get('npv'), npv(0.1, EXCEL)), data.get('npv'))

# Two IRRs: -100 + 230/(1+r) - 132/(1+r)^2 = 0 at 10 % and 20 %.
data = run_json('--rate', '0.16', '--', '-100', '230', '-132')
check('multiple: status', data.get('irr_status') == 'multiple', data.get('irr_status'))
check('multiple: irrs', len(data.get('irrs', [])) == 2 and close(data['irrs'][0], 0.1)
      and close(data['irrs'][1], 0.2), data.get('irrs'))
check('multiple: the one nearest the rate', close(data.get('irr'), 0.2), data.get('irr'))
data = run_json('--', '-100', '230', '-132')
check('multiple: nearest 0 without a rate', close(data.get('irr'), 0.1), data.get('irr'))

# No IRR, no payback: null, never 0.
data = run_json('--rate', '0.1', '--finance-rate', '0.1', '--reinvest-rate', '0.1', '--',
                '1', '2', '3')
check('none: status', data.get('irr_status') == 'none', data.get('irr_status'))
check('none: irr null', 'irr' in data and data['irr'] is None, data.get('irr'))
check('none: irrs empty', data.get('irrs') == [], data.get('irrs'))
check('none: mirr null', 'mirr' in data and data['mirr'] is None, data.get('mirr'))
check('none: payback null', 'payback' in data and data['payback'] is None, data.get('payback'))

# The table follows the language of the user interface.
status, out, err = run('--rate', '0.1', '--', *args, language='en')
check('table en: exit 0', status == 0, err)
check('table en: NPV', '-2,683.31' in out, out)
check('table en: IRR', '8.66' in out, out)
status, out, err = run('--rate', '0.1', '--', *args, language='vi')
check('table vi: exit 0', status == 0, err)
check('table vi: NPV', '-2.683,31' in out, out)
check('table vi: IRR', '8,66' in out, out)

# Usage errors: exit 2 and a message naming the argument.
for name, bad, culprit in [
        ('garbage flow', ['--', '-100', 'abc'], 'abc'),
        ('rate not a number', ['--rate', 'ten', '--', '-1', '2'], 'ten'),
        ('rate at -100 %', ['--rate', '-1', '--', '-1', '2'], '--rate'),
        ('finance rate alone', ['--finance-rate', '0.1', '--', '-1', '2'], '--reinvest-rate'),
        ('unknown option', ['--bogus', '--', '-1', '2'], '--bogus'),
        ('no flows', ['--rate', '0.1'], 'flows'),
        ('not finite', ['--', '-1', '1e999'], '1e999')]:
    status, out, err = run(*bad)
    check(name + ': exit 2', status == 2, (status, err))
    check(name + ': names ' + culprit, culprit in err, err)

if failures:
    print('%d failed: %s' % (len(failures), ', '.join(failures)))
    sys.exit(1)
