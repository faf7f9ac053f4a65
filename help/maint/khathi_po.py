# SPDX-License-Identifier: GPL-3.0-or-later
"""A minimal reader and quoter of gettext .po files."""
import re
def _unq(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    s = s[1:-1]
    return re.sub(r'\\(.)', lambda m: {'n':'\n','t':'\t','"':'"','\\':'\\'}.get(m.group(1), '\\'+m.group(1)), s)
def parse(path):
    """Return list of dicts: refs, flags, msgctxt, msgid, msgstr"""
    entries=[]; cur=None; field=None
    def flush():
        if cur is not None and 'msgid' in cur: entries.append(cur)
    for line in open(path, encoding='utf-8'):
        line=line.rstrip('\n')
        if not line.strip():
            flush(); cur=None; field=None; continue
        if cur is None: cur={'refs':[], 'flags':[], 'comments':[]}
        if line.startswith('#:'): cur['refs']+=line[2:].split()
        elif line.startswith('#,'): cur['flags']+=[f.strip() for f in line[2:].split(',')]
        elif line.startswith('#'): cur['comments'].append(line)
        elif line.startswith('msgctxt '): field='msgctxt'; cur[field]=_unq(line[8:])
        elif line.startswith('msgid '): field='msgid'; cur[field]=_unq(line[6:])
        elif line.startswith('msgstr '): field='msgstr'; cur[field]=_unq(line[7:])
        elif line.startswith('msgid_plural '): field='msgid_plural'; cur[field]=_unq(line[13:])
        elif line.startswith('msgstr['): field='msgstr'; cur.setdefault('msgstr',''); cur['msgstr']+=_unq(line.split(']',1)[1])
        elif line.startswith('"'): cur[field]+=_unq(line)
    flush()
    return entries
def quote(s):
    s = s.replace('\\','\\\\').replace('"','\\"').replace('\t','\\t')
    if '\n' in s[:-1] or len(s) > 70:
        parts = s.split('\n')
        out=['""']
        for i,p in enumerate(parts):
            if i < len(parts)-1: p += '\\n'
            if p: out.append('"%s"' % p)
        return '\n'.join(out)
    return '"%s"' % s.replace('\n','\\n')
