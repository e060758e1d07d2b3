#!/usr/bin/env python3
"""Write a C file defining `const char NAME[]` with the bytes of a text file,
so data shipped in data/ is compiled into the library byte for byte."""
import sys

out_path, name, in_path = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(in_path, 'rb').read()
with open(out_path, 'w', encoding='ascii') as out:
    out.write('/* Generated from %s by src/embed_text.py; do not edit. */\n' % in_path.split('/')[-1])
    out.write('extern const char %s[];\n' % name)
    out.write('const char %s[] =\n' % name)
    if not data:
        out.write('    ""')
    parts = data.splitlines(keepends=True)
    for i, part in enumerate(parts):
        esc = ''.join(c if 32 <= ord(c) < 127 and c not in '"\\?' else '\\%03o' % ord(c)
                      for c in part.decode('latin-1'))
        out.write('    "%s"%s' % (esc, '\n' if i + 1 < len(parts) else ''))
    out.write(';\n')
