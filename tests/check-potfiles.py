#!/usr/bin/env python3
# check-potfiles.py — po/POTFILES.in lists every source file with translatable strings
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a file under src/ or ui/ marks strings for translation (_(), N_(),
C_(), NC_() in C; translatable="yes" in .ui) but is missing from po/POTFILES.in,
when POTFILES.in lists a file that does not exist, or when the list is not sorted.

Usage: check-potfiles.py [SOURCE_ROOT]   (default: the folder above tests/)
"""

import re
import sys
from pathlib import Path

C_SUFFIXES = {".c", ".h"}
UI_SUFFIXES = {".ui"}
SCANNED_FOLDERS = ("src", "ui")

# A marker call, not the tail of an identifier such as foo_( or G_N_ELEMENTS(.
C_MARKER = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_)\s*\(")
UI_MARKER = re.compile(r"""translatable\s*=\s*["'](?:yes|true|1)["']""", re.IGNORECASE)


def strip_c_comments(text):
    """Blanks out comments, keeping string and character literals (the
    strings to translate live in them) and line breaks."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("\n" * text.count("\n", i, end))
            i = end
        elif c == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def has_translatable_strings(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in C_SUFFIXES:
        return C_MARKER.search(strip_c_comments(text)) is not None
    if path.suffix in UI_SUFFIXES:
        return UI_MARKER.search(text) is not None
    return False


def read_potfiles(potfiles):
    entries = []
    for line in potfiles.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append(line)
    return entries


def main(argv):
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent
    potfiles = root / "po" / "POTFILES.in"
    if not potfiles.is_file():
        print(f"{potfiles}: not found", file=sys.stderr)
        return 1

    listed = read_potfiles(potfiles)
    problems = []

    for entry in listed:
        if not (root / entry).is_file():
            problems.append(f"listed but missing: {entry}")

    if listed != sorted(listed):
        problems.append("po/POTFILES.in is not sorted (sort it with `LC_ALL=C sort`)")
    duplicates = sorted({e for e in listed if listed.count(e) > 1})
    for entry in duplicates:
        problems.append(f"listed more than once: {entry}")

    listed_set = set(listed)
    for folder in SCANNED_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if not path.is_file() or path.suffix not in C_SUFFIXES | UI_SUFFIXES:
                continue
            relative = path.relative_to(root).as_posix()
            if relative not in listed_set and has_translatable_strings(path):
                problems.append(f"has translatable strings but is not listed: {relative}")

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) with po/POTFILES.in", file=sys.stderr)
        return 1
    print(f"po/POTFILES.in: {len(listed)} files, all present and complete")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
