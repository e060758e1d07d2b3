#!/usr/bin/env python3
"""Write a C file defining `const char NAME[]` with the bytes of a text file,
so data shipped in data/ is compiled into the library byte for byte.

The bytes are written as an initializer list, not a string literal: a file's
sources make it longer than the 4095 characters C guarantees for a literal."""
import sys

out_path, name, in_path = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(in_path, 'rb').read() + b'\0'
with open(out_path, 'w', encoding='ascii') as out:
    out.write('/* Generated from %s by src/embed_text.py; do not edit. */\n' % in_path.split('/')[-1])
    out.write('extern const char %s[];\n' % name)
    out.write('const char %s[] = {\n' % name)
    for i in range(0, len(data), 16):
        out.write('    %s,\n' % ', '.join("'\\x%02x'" % b for b in data[i:i + 16]))
    out.write('};\n')
