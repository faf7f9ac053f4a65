#!/usr/bin/env python3
# check-cli-validate.py — `khathi-cli validate`: exit status and FILE:LINE: messages
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-cli-validate.py KHATHI_CLI TESTS_SOURCE_DIR
# Exit status of the tool: 0 valid, 1 invalid, 2 usage or I/O error.

import os
import re
import subprocess
import sys
import tempfile

cli = sys.argv[1]
files = os.path.join(sys.argv[2], 'files')
valid = os.path.join(files, 'valid.khathi')
failures = []


def run(*args, env=None):
    result = subprocess.run([cli, 'validate', *args], capture_output=True, text=True, timeout=30,
                            env=env)
    return result.returncode, result.stderr


def check(name, condition, detail=''):
    print(('ok   ' if condition else 'FAIL ') + name + (': ' + detail if detail and not condition else ''))
    if not condition:
        failures.append(name)


def lines_of(stderr):
    return [line for line in stderr.splitlines() if line.strip()]


def line_number(path, needle):
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if needle in line:
                return number
    raise AssertionError(needle + ' not in ' + path)


def has_line(stderr, path, line, fragment):
    prefix = '%s:%d: ' % (path, line)
    return any(l.startswith(prefix) and fragment in l for l in lines_of(stderr))


def all_located(stderr, path):
    # Every message reads FILE:LINE: (the form editors jump to).
    pattern = re.compile('^' + re.escape(path) + r':\d+: ')
    return all(pattern.match(l) for l in lines_of(stderr))


with tempfile.TemporaryDirectory(prefix='khathi-cli-test-') as tmp:
    with open(valid, encoding='utf-8') as f:
        text = f.read()

    def variant(name, old, new):
        assert old in text, old
        path = os.path.join(tmp, name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text.replace(old, new, 1))
        return path

    # A valid study: nothing printed.
    status, err = run(valid)
    check('valid file exits 0', status == 0, 'status %d, stderr %r' % (status, err))
    check('valid file prints nothing', err == '', repr(err))

    # A hostile file: refused while loading, with the line of the problem.
    hostile = os.path.join(files, 'hostile', 'unknown-element.khathi')
    status, err = run(hostile)
    check('hostile file exits 1', status == 1, 'status %d, stderr %r' % (status, err))
    check('hostile file names FILE:LINE:', has_line(err, hostile, 31, 'unknown element <colour>'), err)
    check('hostile file: every line located', all_located(err, hostile), err)

    for name, line, fragment in [('external-entity', 2, 'DOCTYPE'),
                                 ('invalid-utf8', 10, 'UTF-8'),
                                 ('truncated', 60, 'not well-formed')]:
        path = os.path.join(files, 'hostile', name + '.khathi')
        status, err = run(path)
        check(name + ' exits 1', status == 1, 'status %d, stderr %r' % (status, err))
        check(name + ' names FILE:LINE:', has_line(err, path, line, fragment), err)

    # Loads, but the loan outlives the contract: a validation error at the tenor's line.
    tenor = variant('tenor.khathi', '<tenor-years>10</tenor-years>', '<tenor-years>25</tenor-years>')
    status, err = run(tenor)
    check('semantic error exits 1', status == 1, 'status %d, stderr %r' % (status, err))
    check('semantic error at the tenor line',
          has_line(err, tenor, line_number(tenor, '<tenor-years>'), '[financing/loans/1/tenor-years]'), err)
    check('semantic error: every line located', all_located(err, tenor), err)

    # A second semantic case: the capex line has one amount for two construction years.
    capex = variant('capex.khathi', '<amounts>8000000000 15000000000</amounts>', '<amounts>8000000000</amounts>')
    status, err = run(capex)
    check('capex years exits 1', status == 1, 'status %d, stderr %r' % (status, err))
    check('capex years at the amounts line',
          has_line(err, capex, line_number(capex, '<amounts>8000000000</amounts>'),
                   '[investment/capex/2/amounts]'), err)

    # Numbers in messages follow the UI language (DOMAIN.md §9), never "%g".
    shares = variant('shares.khathi', '<share-of-debt>1</share-of-debt>', '<share-of-debt>0.455</share-of-debt>')
    status, err = run(shares, env=dict(os.environ, LANGUAGE='en'))
    check('loan shares exits 1', status == 1, 'status %d, stderr %r' % (status, err))
    check('loan shares in English numbers', '45.5\u00a0%' in err, err)
    status, err = run(shares, env=dict(os.environ, LANGUAGE='vi'))
    check('loan shares in Vietnamese numbers', '45,5\u00a0%' in err and '45.5' not in err, err)
    rng = variant('range.khathi', '<iterations>20000<', '<iterations>50<')
    status, err = run(rng, env=dict(os.environ, LANGUAGE='vi'))
    check('range bounds grouped the Vietnamese way', '100.000.000' in err and 'e+' not in err, err)

    # Warnings alone keep the file valid; --quiet hides them.
    warning = variant('warning.khathi', '<method>straight-line</method>\n        <share-imported>0</share-imported>',
                      '<method>declining-balance</method>\n        <share-imported>0</share-imported>')
    status, err = run(warning)
    check('warning only exits 0', status == 0, 'status %d, stderr %r' % (status, err))
    check('warning is printed', 'warning: ' in err and all_located(err, warning), err)
    status, err = run('--quiet', warning)
    check('--quiet exits 0', status == 0, 'status %d' % status)
    check('--quiet prints nothing', err == '', repr(err))

    # Several files: any invalid one makes the result 1.
    status, err = run(valid, tenor, valid)
    check('valid + invalid exits 1', status == 1, 'status %d' % status)
    check('only the invalid file is named', all_located(err, tenor), err)

    # I/O and usage errors: 2.
    missing = os.path.join(tmp, 'missing.khathi')
    status, err = run(missing)
    check('missing file exits 2', status == 2, 'status %d, stderr %r' % (status, err))
    check('missing file is named', missing in err, err)
    status, err = run(missing, tenor)
    check('missing + invalid exits 2', status == 2, 'status %d' % status)
    status, err = run(tmp)
    check('a folder exits 2', status == 2, 'status %d, stderr %r' % (status, err))
    status, err = run()
    check('no argument exits 2', status == 2, 'status %d, stderr %r' % (status, err))
    check('no argument explains', 'no file given' in err, err)
    status, err = run('--no-such-option', valid)
    check('unknown option exits 2', status == 2, 'status %d' % status)

if failures:
    print('%d check(s) failed' % len(failures))
    sys.exit(1)
