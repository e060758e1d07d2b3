#!/usr/bin/env python3
"""--csv-style excel-no read back by LibreOffice in a Norwegian locale: every
field that is a number in the machine CSV must arrive as a number cell with
exactly that value (not as text), dates as dates, text as text; the file
itself has a UTF-8 BOM, ';' between fields, a decimal comma and CRLF.

Usage: excel_no.py NAME=PROGRAM ... (sl-plan=..., sl-rent-to-own=..., ...)
Exit 77 (skipped) when soffice is not installed, except under CI (CI=true),
which installs it (.ci/run)."""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from decimal import Decimal

# (program, arguments); each runs with --format csv (machine) and with
# --csv-style excel-no, and both are compared.
CASES = [
    ('sl-plan', ['--amount', '1500000', '--rate', '5.1', '--years', '2', '--term-fee', '30',
                 '--payout-date', '2026-01-31', '--rate-change', '2026-06-01:5.35']),
    ('sl-plan', ['--amount', '2000000', '--rate', '4.64', '--years', '25', '--view', 'year']),
    ('sl-rent-to-own', ['--price', '3200000', '--rent-months', '24', '--rent', '14500',
                        '--rate', '4.64', '--value-growth', '2']),
    ('sl-rent-to-own', ['--price', '3200000', '--rent-months', '24', '--rent', '14500',
                        '--rate', '4.64', '--view', 'year']),
    ('sl-finance', ['--price', '3800000', '--own-funds', '190000', '--bank-share', '85',
                    '--bank-rate', '5.5', '--start-rate', '4.64', '--margin', '0.25',
                    '--date', '2026-12-01', '--rate-shock', '3']),
    ('sl-capacity', ['--adults', '2', '--children-0-5', '1', '--income', '62000',
                     '--fixed-costs', '3000', '--maintenance', '1500', '--date', '2024-03-01',
                     '--policy-rate', '4.5', '--max-loan']),
    ('sl-portfolio', ['--loans', '{book}', '--as-of', '2025-12-31']),
    ('sl-portfolio', ['--loans', '{book}', '--as-of', '2025-12-31', '--loan', 'A1']),
    ('sl-audit', ['--plan', '{plan}']),
    ('sl-audit', ['--plan', '{plan}', '--amount', '1000', '--rate', '5', '--terms', '2',
                  '--payout-date', '2025-01-15']),
]
# sl-audit exits 1 when the plan differs: its CSV lists the differences.
DIFFERS_OK = {'sl-audit'}

NUMBER = re.compile(r'^-?[0-9]+(\.[0-9]+)?$')
DATE = re.compile(r'^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
NS = {
    'table': 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
    'office': 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
    'text': 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
}
failures = []


def fail(msg):
    failures.append(msg)
    print('FAIL:', msg)


def run(prog, args, ok=(0,)):
    env = dict(os.environ, LC_ALL='C.UTF-8')
    r = subprocess.run([prog] + args, capture_output=True, env=env, timeout=120)
    if r.returncode not in ok:
        fail(f'{prog} {args}: exit {r.returncode}: {r.stderr.decode(errors="replace")}')
    return r.stdout


def cells_of(fods):
    """The first sheet's rows as lists of (type, value, text)."""
    root = ET.parse(fods).getroot()
    table = root.find('.//table:table', NS)
    rows = []
    for row in table.iter('{%s}table-row' % NS['table']):
        cells = []
        for cell in row:
            if not cell.tag.endswith('}table-cell'):
                continue
            n = int(cell.get('{%s}number-columns-repeated' % NS['table'], '1'))
            vtype = cell.get('{%s}value-type' % NS['office'])
            value = cell.get('{%s}value' % NS['office']) or cell.get('{%s}date-value' % NS['office'])
            text = ''.join(p.text or '' for p in cell.iter('{%s}p' % NS['text']))
            cells += [(vtype, value, text)] * min(n, 64)
        while cells and cells[-1][0] is None:
            cells.pop()
        rep = int(row.get('{%s}number-rows-repeated' % NS['table'], '1'))
        if cells:
            rows += [cells] * rep
    return rows


def main():
    progs = dict(a.split('=', 1) for a in sys.argv[1:])
    soffice = shutil.which('soffice')
    if not soffice:
        if os.environ.get('CI') == 'true':
            print('soffice is missing on CI (.ci/run installs libreoffice-calc-nogui)')
            return 1
        print('soffice not installed: skipped')
        return 77
    work = tempfile.mkdtemp(prefix='sl-excel-no-')
    try:
        book = os.path.join(work, 'book.csv')
        with open(book, 'w') as f:  # docs/portfolio.md's loans, and an id that looks like a formula
            f.write('id,amount,rate,terms,terms_per_year,type,payout_date,term_fee,'
                    'establishment_fee,interest_only_terms\n'
                    'A1,100000,5,12,12,annuity,2025-01-15,30,600,0\n'
                    'A2,2000000,4.5,300,12,serial,2024-06-20,30,0,12\n'
                    '=A4,500000,4.64,240,12,annuity,2025-03-01,30,600,0\n')
        plan = os.path.join(work, 'plan.csv')
        with open(plan, 'w') as f:  # a plan to audit: term 2's payment is 0,10 too high
            f.write('term,due_date,opening_balance,interest,principal,fee,payment,'
                    'closing_balance\n'
                    '1,2025-02-15,1000.00,4.17,498.96,0.00,503.13,501.04\n'
                    '2,2025-03-15,501.04,2.09,501.04,0.00,503.23,0.00\n')
        expected = []
        for i, (name, args) in enumerate(CASES):
            if name not in progs:
                continue
            args = [a.replace('{book}', book).replace('{plan}', plan) for a in args]
            ok = (0, 1) if name in DIFFERS_OK else (0,)
            machine = run(progs[name], args + ['--format', 'csv'], ok).decode('utf-8')
            excel = run(progs[name], args + ['--csv-style', 'excel-no'], ok)
            label = f'{name} {" ".join(args)}'
            if not excel.startswith(b'\xef\xbb\xbf'):
                fail(f'{label}: no UTF-8 byte-order mark')
            if excel.replace(b'\r\n', b'').count(b'\n') or not excel.endswith(b'\r\n'):
                fail(f'{label}: lines not ended by CRLF')
            text = excel[3:].decode('utf-8')
            m_rows = list(csv.reader(io.StringIO(machine)))
            e_rows = list(csv.reader(io.StringIO(text), delimiter=';'))
            if len(m_rows) != len(e_rows) or len(m_rows) < 2:
                fail(f'{label}: {len(e_rows)} rows, machine CSV has {len(m_rows)}')
                continue
            for m, e in zip(m_rows, e_rows):
                want = [f.replace('.', ',') if NUMBER.match(f) else
                        "'" + f if f[:1] in ('=', '+', '-', '@') else f for f in m]
                if e != want:
                    fail(f'{label}: row {e} is not {want}')
                    break
            path = os.path.join(work, f'case{i}.csv')
            with open(path, 'wb') as f:
                f.write(excel)
            expected.append((label, path, m_rows))
        profile = os.path.join(work, 'profile')
        env = dict(os.environ, HOME=work, LANG='nb_NO.UTF-8', LC_ALL='nb_NO.UTF-8')
        env.pop('LANGUAGE', None)
        # CSV import: separator ';' (59), text in '"' (34), UTF-8 (76), from
        # line 1, standard columns, language Norwegian bokmål (1044), as a
        # Norwegian desktop opens it.
        cmd = [soffice, f'-env:UserInstallation=file://{profile}', '--headless', '--norestore',
               '--infilter=CSV:59,34,76,1,,1044', '--convert-to', 'fods', '--outdir', work]
        cmd += [p for _, p, _ in expected]
        r = subprocess.run(cmd, capture_output=True, env=env, timeout=600)
        if r.returncode != 0:
            fail(f'soffice: exit {r.returncode}: {r.stderr.decode(errors="replace")}')
        numbers = 0
        for label, path, m_rows in expected:
            fods = path[:-4] + '.fods'
            if not os.path.exists(fods):
                fail(f'{label}: LibreOffice wrote no {fods}')
                continue
            rows = cells_of(fods)
            if len(rows) != len(m_rows):
                fail(f'{label}: LibreOffice read {len(rows)} rows, not {len(m_rows)}')
                continue
            for r_i, (m, got) in enumerate(zip(m_rows, rows)):
                got += [(None, None, '')] * (len(m) - len(got))
                for c_i, field in enumerate(m):
                    vtype, value, shown = got[c_i]
                    where = f'{label}: row {r_i + 1} column {c_i + 1} ({field!r})'
                    if NUMBER.match(field):
                        numbers += 1
                        if vtype != 'float' or Decimal(value) != Decimal(field):
                            fail(f'{where}: read as {vtype} {value!r} ({shown!r})')
                    elif DATE.match(field):
                        if vtype != 'date' or value[:10] != field:
                            fail(f'{where}: read as {vtype} {value!r}')
                    elif field and (vtype != 'string' or shown.lstrip("'") != field.lstrip("'")):
                        fail(f'{where}: read as {vtype} {shown!r}')
        print(f'{len(expected)} files, {numbers} numbers read back as numbers')
        if not expected:
            fail('no case ran')
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
