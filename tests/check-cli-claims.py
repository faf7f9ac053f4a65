#!/usr/bin/env python3
# check-cli-claims.py — claimed figures (issue #9): `khathi-cli claims`, `new`, and the
# claims in `portfolio show` and `portfolio list` (JSON keys, exit status)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-cli-claims.py KHATHI_CLI TESTS_SOURCE_DIR SAMPLES_DIR

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

cli, tests, samples = sys.argv[1], sys.argv[2], sys.argv[3]
wrong = os.path.join(tests, 'files', 'wrong-claim.khathi')
failures = []
KEYS = ['total-investment', 'project-npv', 'project-irr', 'equity-npv', 'equity-irr',
        'dscr-min', 'llcr', 'fiscal-npv', 'enpv', 'eirr', 'vfm']


def run(*args):
    result = subprocess.run([cli, *args], capture_output=True, text=True, timeout=120)
    return result.returncode, result.stdout, result.stderr


def check(name, condition, detail=''):
    print(('ok   ' if condition else 'FAIL ') + name + (': ' + str(detail) if detail and not condition else ''))
    if not condition:
        failures.append(name)


# The samples were stamped by this engine: every figure agrees.
sample_files = sorted(glob.glob(os.path.join(samples, '*.khathi')))
check('three samples', len(sample_files) == 3, sample_files)
own = {}
for path in sample_files:
    status, out, err = run('claims', '--json', path)
    name = os.path.basename(path)
    check(name + ' exits 0', status == 0, err)
    doc = json.loads(out)
    check(name + ' JSON keys', set(doc) == {'file', 'stamped', 'engine', 'computed_at', 'claims',
                                            'claims_mismatched'}, sorted(doc))
    check(name + ' claims every figure', [c['key'] for c in doc['claims']] == KEYS, doc['claims'])
    check(name + ' claim keys', all(set(c) == {'key', 'label', 'claimed', 'recomputed', 'matches'}
                                    for c in doc['claims']), doc['claims'])
    check(name + ' nothing differs', doc['claims_mismatched'] == 0
          and all(c['matches'] for c in doc['claims']), doc)
    own[name] = {c['key']: c['recomputed'] for c in doc['claims']}

# The copy with a wrong NPV: exit 1, that figure alone.
status, out, err = run('claims', '--json', wrong)
doc = json.loads(out)
check('wrong claim exits 1', status == 1, (status, err))
check('wrong claim: one mismatch', doc['claims_mismatched'] == 1, doc)
bad = [c for c in doc['claims'] if not c['matches']]
check('wrong claim: project-npv', [c['key'] for c in bad] == ['project-npv'], bad)
# It is a copy of the smart-traffic sample: the same inputs, the same recomputation.
check('wrong claim: figures', bad and bad[0]['claimed'] == 35283353162.65333
      and bad[0]['recomputed'] == own['can-tho-smart-traffic.khathi']['project-npv'], bad)
check('wrong claim: other figures recomputed as the sample',
      {c['key']: c['recomputed'] for c in doc['claims']} == own['can-tho-smart-traffic.khathi'])
status, out, err = run('claims', wrong)
check('text names the figure', 'Project NPV' in out and 'DIFFERS' in out, out)
check('text counts it', '1 claimed figure differs' in out, out)

with tempfile.TemporaryDirectory(prefix='khathi-claims-') as tmp:
    # --stamp rewrites the file with this version's figures.
    copy = os.path.join(tmp, 'copy.khathi')
    shutil.copy(wrong, copy)
    status, out, err = run('claims', '--stamp', '--json', copy)
    doc = json.loads(out)
    check('--stamp exits 0', status == 0, (status, err))
    check('--stamp reports it', doc['stamped'] is True and doc['claims_mismatched'] == 0, doc)
    status, out, err = run('claims', copy)
    check('stamped copy agrees', status == 0 and 'Every claimed figure agrees' in out, out + err)
    with open(copy, encoding='utf-8') as f:
        text = f.read()
    check('stamped copy keeps its inputs', text.count('<claimed-figures') == 1
          and '<id>9d1e4b7a-2c3f-4e8a-b5d6-7f0a1b2c3d4e</id>' in text)

    # A new study claims what it computes.
    new = os.path.join(tmp, 'new.khathi')
    status, out, err = run('new', '-o', new)
    check('new exits 0', status == 0, err)
    with open(new, encoding='utf-8') as f:
        text = f.read()
    check('new study is stamped', '<claimed-figures engine="' in text, text[-600:])
    status, out, err = run('claims', new)
    check('new study agrees', status == 0, out + err)

    # A file without claims: nothing to compare, exit 0.
    plain = os.path.join(tests, 'files', 'valid.khathi')
    status, out, err = run('claims', '--json', plain)
    doc = json.loads(out)
    check('no claims exits 0', status == 0 and doc['claims'] == [] and doc['engine'] is None, doc)

    # Usage.
    status, out, err = run('claims')
    check('no file exits 2', status == 2, status)
    status, out, err = run('claims', '--help')
    check('help explains the exit status', 'Exit status' in out and '0.05 %' in out, out)

    # The portfolio: show and list carry the checks, additively.
    db = os.path.join(tmp, 'portfolio.sqlite')
    status, out, err = run('portfolio', '--db', db, 'import', sample_files[0], wrong)
    check('import exits 0', status == 0, err)
    status, out, err = run('portfolio', '--db', db, 'list', '--json')
    rows = json.loads(out)
    check('list has claims_mismatched', [r.get('claims_mismatched') for r in rows] == [0, 1], rows)
    for ident, n in [(1, 0), (2, 1)]:
        status, out, err = run('portfolio', '--db', db, 'show', '--json', str(ident))
        doc = json.loads(out)
        check('show %d exits 0' % ident, status == 0, err)
        check('show %d claims_mismatched' % ident, doc.get('claims_mismatched') == n, doc.get('claims_mismatched'))
        check('show %d claims keys' % ident, [c['key'] for c in doc.get('claims', [])] == KEYS
              and all(set(c) == {'key', 'claimed', 'recomputed', 'matches'} for c in doc['claims']),
              doc.get('claims'))
        check('show %d: mismatches' % ident,
              [c['key'] for c in doc['claims'] if not c['matches']] == ([] if n == 0 else ['project-npv']))
        warnings = [p for p in doc['results']['problems'] if p['code'] == 'claim_mismatch']
        check('show %d: warning check' % ident, [p['where'] for p in warnings]
              == ([] if n == 0 else ['claimed-figures/project-npv'])
              and all(p['severity'] == 'warning' for p in warnings), warnings)
    status, out, err = run('portfolio', '--db', db, 'show', '2')
    check('show text lists the claim', 'DIFFERS: recomputed' in out, out)
    status, out, err = run('portfolio', '--db', db, 'list')
    check('list text flags the claims', 'claims differ' in out, out)

    # The appraisal report sets the claims against the recomputation.
    if shutil.which('pdftotext'):
        for ident, differs in [(1, 0), (2, 1)]:
            pdf = os.path.join(tmp, 'appraisal-%d.pdf' % ident)
            result = subprocess.run([cli, 'portfolio', '--db', db, 'report', str(ident), '-o', pdf],
                                    capture_output=True, text=True, timeout=120,
                                    env=dict(os.environ, LANGUAGE='en', LANG='C.UTF-8', LC_ALL='C.UTF-8'))
            status, err = result.returncode, result.stderr
            check('report %d exits 0' % ident, status == 0, err)
            text = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True,
                                  text=True).stdout
            lines = [l for l in text.splitlines() if l.rstrip().endswith(('agrees', 'differs'))]
            check('report %d: one row per claim' % ident, len(lines) == len(KEYS), lines)
            check('report %d: rows that differ' % ident,
                  [l.split()[0:2] for l in lines if l.rstrip().endswith('differs')]
                  == ([] if differs == 0 else [['Project', 'NPV']]), lines)

if failures:
    print('%d check(s) failed' % len(failures))
    sys.exit(1)
