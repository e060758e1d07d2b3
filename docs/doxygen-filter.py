#!/usr/bin/env python3
"""Doxygen input filter for the public headers.

The headers document every declaration with a plain C comment: the comment
above a declaration describes it, a comment after a field or enumerator on
the same line describes that member, and the first comment of a file
describes the file. This filter hands Doxygen the same text with those
comments marked as documentation (/** … */, /**< … */, @file), so the headers
stay plain C17 for every reader and the reference is built from exactly what
they say. Line numbers are kept."""
import re
import sys


def convert(text):
    out = []
    first = True      # before the file's first comment
    in_file_doc = False
    for line in text.split('\n'):
        if in_file_doc:
            if '*/' in line:
                line = line.replace('*/', '@file */', 1)
                in_file_doc = False
            out.append(line)
            continue
        if first and line.startswith('/*'):
            first = False
            line = '/** ' + line[2:].lstrip()
            if '*/' in line:
                line = line.replace('*/', '@file */', 1)
            else:
                in_file_doc = True
            out.append(line)
            continue
        if first and line.strip() and not line.startswith('//'):
            first = False
        m = re.match(r'^(\s*)/\* (.*)$', line)
        if m and not m.group(2).startswith('----'):
            out.append(f'{m.group(1)}/** {m.group(2)}')
            continue
        m = re.match(r'^(\s*[^\s/*#].*?)(\s+)/\* (.*)$', line)
        if m:
            out.append(f'{m.group(1)}{m.group(2)}/**< {m.group(3)}')
            continue
        out.append(line)
    return '\n'.join(out)


with open(sys.argv[1], encoding='utf-8') as f:
    sys.stdout.write(convert(f.read()))
