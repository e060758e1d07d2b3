#!/usr/bin/env python3
"""Write a program's manual page (section 1) from its own --help, so the page
never drifts from the program. Usage: mkman.py PROGRAM NAME SUMMARY VERSION OUT"""
import os
import subprocess
import sys
import textwrap

prog, name, summary, version, out = sys.argv[1:6]


def esc(line):
    line = line.replace('\\', '\\e')
    if line.startswith(('.', "'")):
        line = '\\&' + line
    return line


# The page is English: the program's help in the C locale, whatever the builder's.
env = {k: v for k, v in os.environ.items() if k not in ('LANGUAGE', 'LC_MESSAGES', 'LANG')}
env['LC_ALL'] = 'C'
help_text = subprocess.run([prog, '--help'], check=True, capture_output=True, env=env,
                           text=True).stdout.rstrip('\n')
page = [
    f'.TH {name.upper()} 1 2026-12-01 "startlan {version}" "startlan manual"',
    '.SH NAME',
    *textwrap.wrap(f'{name} \\- {summary}', 70),
    '.SH SYNOPSIS',
    f'.B {name}',
    '.RI [ options ]',
    '.SH DESCRIPTION',
    f'.B {name}',
    *textwrap.wrap(f'{summary}. Every amount is exact to the øre and every rounding '
                   'is stated; details and worked examples are in the documentation of '
                   'startlan (docs/*.md in its source).', 70),
    '.PP',
    'The program\'s own help, which lists every option:',
    '.PP',
    '.nf',
    *[esc(l) for l in help_text.split('\n')],
    '.fi',
    '.SH EXIT STATUS',
    '.TP',
    '.B 0',
    'success (sl-audit: the plan matches)',
    '.TP',
    '.B 1',
    'a result that is not a number (no effective rate; in sl-audit, a plan',
    'that differs), or a write error',
    '.TP',
    '.B 2',
    'bad input: one line on standard error names the option or field and',
    'the value, and nothing is written to standard output',
    '.SH SEE ALSO',
    '.BR startlan (7)',
]
with open(out, 'w', encoding='utf-8') as f:
    f.write('\n'.join(page) + '\n')
