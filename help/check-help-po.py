#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails unless every help/<lang>/<lang>.po is 100 % translated (no untranslated
or fuzzy entry, `msgfmt -c --statistics`) and translates every message that
itstool extracts from the current help/C/*.page (so an edited English page
cannot silently fall back to English)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

helpdir = sys.argv[1]
failures = []

with open(os.path.join(helpdir, "LINGUAS"), encoding="utf-8") as f:
    langs = [w for line in f for w in line.split("#")[0].split()]

pages = sorted(os.path.join("C", p) for p in os.listdir(os.path.join(helpdir, "C"))
               if p.endswith(".page"))


def msgids(po_text):
    """The msgctxt+msgid of every entry with a non-empty msgid."""
    ids = set()
    for block in re.split(r"\n\s*\n", po_text):
        ctx = re.search(r'^msgctxt ((?:".*"\n?)+)', block, re.M)
        mid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if not mid:
            continue
        join = lambda m: "".join(re.findall(r'"(.*)"', m.group(1))) if m else ""
        if join(mid):
            ids.add((join(ctx), join(mid)))
    return ids


itstool = shutil.which("itstool")
expected = None
if itstool:
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "help.pot")
        run = subprocess.run([itstool, "-o", pot] + pages, cwd=helpdir,
                             capture_output=True, text=True)
        if run.returncode != 0:
            failures.append("itstool failed:\n" + run.stderr)
        else:
            with open(pot, encoding="utf-8") as f:
                expected = msgids(f.read())

for lang in langs:
    po = os.path.join(helpdir, lang, lang + ".po")
    if not os.path.exists(po):
        failures.append(f"{po} is missing")
        continue
    check = subprocess.run(["msgfmt", "-c", "--statistics", "-o", os.devnull, po],
                           capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
    stats = check.stderr.strip()
    if check.returncode != 0:
        failures.append(f"msgfmt -c failed on {po}:\n{stats}")
    elif re.search(r"fuzzy|untranslated", stats):
        failures.append(f"{po} is not complete: {stats}")
    else:
        print(f"{lang}: {stats}")
    if expected is not None:
        with open(po, encoding="utf-8") as f:
            have = msgids(f.read())
        missing = sorted(expected - have)
        if missing:
            failures.append(f"{po} lacks {len(missing)} message(s) of C/*.page "
                            "(run help-khathi-update-po and translate), first: "
                            + repr(missing[0][1][:200]))

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
