#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails unless po/vi.po is 100 % translated, has no fuzzy entry, passes
`msgfmt -c`, and covers every string the sources in POTFILES.in mark."""
import os
import re
import subprocess
import sys
import tempfile

top = sys.argv[1]
po = os.path.join(top, "po", "vi.po")
failures = []

check = subprocess.run(["msgfmt", "-c", "--statistics", "-o", os.devnull, po],
                       capture_output=True, text=True)
if check.returncode != 0:
    failures.append("msgfmt -c failed:\n" + check.stderr)
stats = check.stderr.strip()
if re.search(r"fuzzy|untranslated", stats):
    failures.append("vi.po is not complete: " + stats)

with open(os.path.join(top, "po", "POTFILES.in"), encoding="utf-8") as f:
    sources = [l.strip() for l in f if l.strip() and not l.startswith("#")]

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "check.pot")
    # The keywords of meson's i18n 'glib' preset.
    args = ["xgettext", "--from-code=UTF-8", "--add-comments", "-o", pot,
            "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
            "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
            "--keyword=g_dpgettext2:2c,3", "--keyword=ngettext:1,2",
            "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
            "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
            "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
            "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
            "--flag=g_set_error:4:c-format"]
    run = subprocess.run(args + [os.path.join(top, s) for s in sources],
                         capture_output=True, text=True, cwd=top)
    if run.returncode != 0:
        failures.append("xgettext failed:\n" + run.stderr)
    else:
        def msgids(path):
            out = subprocess.run(["msgcat", "--no-wrap", "--sort-output", path],
                                 capture_output=True, text=True).stdout
            ids, ctx = set(), None
            for m in re.finditer(r'^(msgctxt "(.*)"\n)?msgid "(.*)"$', out, re.M):
                if m.group(3):
                    ids.add((m.group(2), m.group(3)))
            return ids
        missing = msgids(pot) - msgids(po)
        if missing:
            failures.append(f"{len(missing)} source strings are missing from vi.po "
                            "(run: meson compile -C build khathi-update-po), e.g.:\n  "
                            + "\n  ".join(sorted(m[1] for m in missing)[:15]))

for f in failures:
    print(f, file=sys.stderr)
print("vi.po:", stats)
sys.exit(1 if failures else 0)
