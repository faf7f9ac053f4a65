# SPDX-License-Identifier: GPL-3.0-or-later
"""The translatable messages of the reader, validation, rule sets and checks."""
import os
import re
ROOT = os.environ.get('KHATHI_HELP_ROOT') or os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
FILES = ['kt-project-file.c', 'kt-validate.c', 'kt-rules.c', 'kt-model-checks.c']
def messages(files=None):
    """(file, message) of src/core/FILE, or of src/FILE when FILE names a folder (gui/kt-table.c)."""
    out = []
    for f in files or FILES:
        path = os.path.join(ROOT, 'src', f) if '/' in f else os.path.join(ROOT, 'src', 'core', f)
        if not os.path.exists(path):
            continue
        s = open(path, encoding='utf-8').read()
        for m in re.finditer(r'\b(N_|_)\(\s*((?:"(?:[^"\\]|\\.)*"\s*(?:G_\w+\s*)?)+)\)', s):
            lits = re.findall(r'"((?:[^"\\]|\\.)*)"|(G_\w+)', m.group(2))
            lit = ''.join(a if a else '%lu' for a, b in lits).replace('\\"', '"')
            if (f, lit) not in out:
                out.append((f, lit))
    return out
