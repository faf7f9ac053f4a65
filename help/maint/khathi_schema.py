# SPDX-License-Identifier: GPL-3.0-or-later
"""The field tables of src/core/kt-schema.c and the enum keys of kt-enums.c."""
import os
import re
ROOT = os.environ.get('KHATHI_HELP_ROOT') or os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
SRC = os.path.join(ROOT, 'src', 'core') + '/'
def enums():
    s=open(SRC+'kt-enums.c').read()
    out={}
    for m in re.finditer(r'TABLE \((\w+), "[^"]*",(.*?)\)\n', s, re.S):
        out[m.group(1)]=[(k,l) for k,l in re.findall(r'\{ \w+, "([^"]+)", N_\("([^"]+)"\) \}', m.group(2))]
    return out
def records():
    s=open(SRC+'kt-schema.c').read()
    recs={}
    for m in re.finditer(r'static const KtFieldDesc (\w+)_fields\[\] = \{(.*?)\n\};', s, re.S):
        fields=[]
        for line in m.group(2).split('\n'):
            line=line.strip()
            mm=re.match(r'(STR|TXT|DBL|OPT_DBL|ATTR|INT|U64|BOOL|ENUM|DBLS|INTS|GROUP|REC|LIST|CH) \((.*)\),?$', line)
            if not mm: continue
            kind=mm.group(1); args=mm.group(2)
            label=re.search(r'N_\("([^"]*)"\)', args).group(1)
            parts=[a.strip() for a in args.split(',')]
            f={'kind':kind,'label':label}
            if kind=='GROUP': f['name']=parts[0].strip('"'); f['rec']=parts[1]
            elif kind=='CH': f['name']=parts[1].strip('"')
            else:
                f['name']=parts[2].strip('"')
                if kind in ('REC','LIST'): f['rec']=parts[3]
                if kind in ('DBL','INT'): f['unit']=parts[3]; f['lo']=parts[4]; f['hi']=parts[5]; f['def']=parts[6]
                if kind=='OPT_DBL': f['unit']=parts[3]; f['lo']=parts[4]; f['hi']=parts[5]
                if kind in ('DBLS','INTS'): f['unit']=parts[3]; f['lo']=parts[4]; f['hi']=parts[5]
                if kind=='ENUM': f['enum']=parts[3]; f['def']=parts[4]
                if kind=='BOOL': f['def']=parts[3]
                if kind in ('STR','TXT'): f['flags']=parts[3]
                if kind=='U64': f['def']=parts[3]
            fields.append(f)
        recs[m.group(1)]=fields
    # DESC item names
    descs={}
    for m in re.finditer(r'DESC \((\w+), "([^"]+)", (\w+), N_\("([^"]+)"\)\);', s):
        descs[m.group(1)]=(m.group(2),m.group(4))
    return recs, descs
if __name__=='__main__':
    r,d=records(); e=enums()
    for k,v in r.items(): print(k, d.get(k), [(f['name'],f['kind']) for f in v])
    print(list(e))
