#!/usr/bin/env python3
# check-cli-report.py — `khathi-cli report` and `export`: files written, exit status, XLSX contents
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-cli-report.py KHATHI_CLI SAMPLES_DIR
# The PDF's contents are checked in test-proposal.c; here the command line:
# exit 0 with a PDF/XLSX, exit 2 with a clear message for usage and I/O errors,
# and the workbook read back with zipfile: sheet names, numbers stored as
# numbers equal to what `compute --json` / `compute --table --csv` print.

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

cli, samples = sys.argv[1], sys.argv[2]
failures = []
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}


def check(name, condition, detail=''):
    print(('ok   ' if condition else 'FAIL ') + name + (': ' + str(detail) if detail and not condition else ''))
    if not condition:
        failures.append(name)


def close(got, expected, tolerance=1e-9, floor=1.0):
    return got is not None and abs(got - expected) <= max(tolerance * abs(expected), floor)


def run(*args, env_extra=None):
    env = dict(os.environ, LANGUAGE='en')
    env.update(env_extra or {})
    result = subprocess.run([cli, *args], capture_output=True, text=True, timeout=240, env=env)
    return result.returncode, result.stdout, result.stderr


def sheets(path):
    """{sheet name: {cell ref: (type attribute, value text)}} of an XLSX file."""
    with zipfile.ZipFile(path) as z:
        book = ET.fromstring(z.read('xl/workbook.xml'))
        rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
        targets = {r.get('Id'): r.get('Target') for r in rels}
        shared = []
        if 'xl/sharedStrings.xml' in z.namelist():
            for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
                shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
        result = {}
        for s in book.find('m:sheets', NS):
            rid = s.get('{%s}id' % NS['r'])
            xml = ET.fromstring(z.read('xl/' + targets[rid].lstrip('/').replace('xl/', '')))
            cells = {}
            for c in xml.iter('{%s}c' % NS['m']):
                v = c.find('m:v', NS)
                t = c.get('t')
                text = v.text if v is not None else None
                if t == 's' and text is not None:
                    text = shared[int(text)]
                cells[c.get('r')] = (t, text)
            pane = xml.find('.//m:pane', NS)
            result[s.get('name')] = (cells, pane)
        return result


tmp = tempfile.mkdtemp(prefix='khathi-cli-report-')
try:
    sample = os.path.join(samples, 'can-tho-smart-traffic.khathi')
    sha = hashlib.sha256(open(sample, 'rb').read()).hexdigest()

    # --- report ---
    for lang in ('vi', 'en'):
        out = os.path.join(tmp, 'r-%s.pdf' % lang)
        status, _, err = run('report', sample, '-o', out, '--lang', lang, '--iterations', '0',
                             '--date', '2026-11-20')
        check('report --lang %s exits 0' % lang, status == 0, err)
        data = open(out, 'rb').read() if os.path.exists(out) else b''
        check('report --lang %s writes a PDF' % lang, data.startswith(b'%PDF-'))
        check('report --lang %s is under 2 MB' % lang, 0 < len(data) < 2 * 1024 * 1024, len(data))
        if shutil.which('pdftotext') and data:
            text = subprocess.run(['pdftotext', out, '-'], capture_output=True, text=True).stdout
            check('report --lang %s prints the file SHA-256' % lang, sha in text)
            check('report --lang %s says no Monte Carlo with --iterations 0' % lang,
                  'Monte Carlo' in text)

    out = os.path.join(tmp, 'mc.pdf')
    status, _, err = run('report', sample, '-o', out, '--lang', 'en', '--iterations', '500',
                         '--seed', '42')
    check('report with --iterations 500 --seed 42 exits 0', status == 0, err)
    if shutil.which('pdftotext') and os.path.exists(out):
        text = ' '.join(subprocess.run(['pdftotext', out, '-'], capture_output=True,
                                       text=True).stdout.split())
        check('the footer names seed 42 and 500 iterations', 'seed 42, 500 iterations' in text)

    # Fixed date: identical bytes.
    a, b = os.path.join(tmp, 'a.pdf'), os.path.join(tmp, 'b.pdf')
    run('report', sample, '-o', a, '--lang', 'vi', '--iterations', '0', '--date', '2026-01-05')
    run('report', sample, '-o', b, '--lang', 'vi', '--iterations', '0', '--date', '2026-01-05')
    check('a fixed --date gives identical files',
          os.path.exists(a) and open(a, 'rb').read() == open(b, 'rb').read())

    # Usage and I/O errors: exit 2 with a message naming the command.
    for name, args, extra in [
        ('no -o', ['report', sample], None),
        ('no file', ['report', '-o', os.path.join(tmp, 'x.pdf')], None),
        ('bad --lang', ['report', sample, '-o', os.path.join(tmp, 'x.pdf'), '--lang', 'fr'], None),
        ('bad --seed', ['report', sample, '-o', os.path.join(tmp, 'x.pdf'), '--seed', 'abc'], None),
        ('bad --date', ['report', sample, '-o', os.path.join(tmp, 'x.pdf'), '--date', '5/1/2026'],
         None),
        ('missing project', ['report', os.path.join(tmp, 'none.khathi'), '-o',
                             os.path.join(tmp, 'x.pdf')], None),
        ('unwritable output', ['report', sample, '-o', os.path.join(tmp, 'no', 'such', 'x.pdf'),
                               '--iterations', '0'], None),
        ('font missing', ['report', sample, '-o', os.path.join(tmp, 'x.pdf'), '--iterations', '0'],
         {'KHATHI_REPORT_FONT': 'No Such Font Family'}),
        ('export without -o', ['export', sample], None),
        ('export unwritable', ['export', sample, '-o', os.path.join(tmp, 'no', 'x.xlsx')], None),
    ]:
        status, _, err = run(*args, env_extra=extra)
        check('%s: exit 2' % name, status == 2, (status, err))
        check('%s: message names the command' % name, re.search(r'khathi-cli (report|export)', err),
              err)
    check('no PDF left behind by failed runs', not os.path.exists(os.path.join(tmp, 'x.pdf')))

    # --- export ---
    for path in sorted(os.listdir(samples)):
        if not path.endswith('.khathi'):
            continue
        project = os.path.join(samples, path)
        xlsx = os.path.join(tmp, path + '.xlsx')
        status, _, err = run('export', project, '-o', xlsx, '--lang', 'en')
        check('export %s exits 0' % path, status == 0, err)
        if status != 0:
            continue
        book = sheets(xlsx)
        names = list(book)
        for want in ('Indicators', 'Income', 'Cash flow', 'Balance sheet', 'Equity flow', 'Debt',
                     'Sources and uses', 'Tax', 'Depreciation', 'Flows', 'Inputs'):
            check('%s has the sheet %s' % (path, want), want in names, names)
        status, out, err = run('compute', project, '--json')
        result = json.loads(out)
        cells, pane = book['Indicators']
        t, v = cells.get('B2', (None, None))
        check('%s: Indicators!B2 is a number' % path, t in (None, 'n') and v is not None, (t, v))
        check('%s: Indicators!B2 is the total investment' % path,
              v is not None and close(float(v), result['total_investment']),
              (v, result['total_investment']))
        # A statement cell: net income of the first operation year.
        status, out, err = run('compute', project, '--table', 'income', '--csv')
        rows = list(csv.reader(io.StringIO(out)))
        header, body = rows[0], rows[1:]
        keys = [r[0] for r in body]
        cells, pane = book['Income']
        check('%s: Income has frozen panes' % path, pane is not None and pane.get('state') == 'frozen')
        check('%s: Income!B1 is the first calendar year' % path,
              cells.get('B1', (None, None))[1] == header[2], (cells.get('B1'), header[2]))
        if 'net-income' in keys:
            r = keys.index('net-income') + 2          # sheet row (1-based, after the header)
            col = 1 + (len(header) - 2) - 1            # last year
            ref = ''
            n = col
            while True:
                ref = chr(ord('A') + n % 26) + ref
                n = n // 26 - 1
                if n < 0:
                    break
            ref += str(r)
            t, v = cells.get(ref, (None, None))
            check('%s: Income!%s is numeric' % (path, ref), t in (None, 'n') and v is not None,
                  (t, v))
            check('%s: Income!%s is the engine\'s net income' % (path, ref),
                  v is not None and close(float(v), float(body[r - 2][-1])), (v, body[r - 2][-1]))

    xlsx = os.path.join(tmp, 'vi.xlsx')
    status, _, err = run('export', sample, '-o', xlsx, '--lang', 'vi', '--iterations', '300')
    check('export --lang vi --iterations 300 exits 0', status == 0, err)
    if status == 0:
        names = list(sheets(xlsx))
        check('export with iterations has a simulation sheet', len(names) == 12, names)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

if failures:
    print('%d check(s) failed' % len(failures), file=sys.stderr)
    sys.exit(1)
