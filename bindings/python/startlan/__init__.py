"""startlan: exact Norwegian start loans (startlån) from Python.

A thin binding over the C library libstartlan with cffi (Debian's
python3-cffi) in ABI mode. The declarations cffi reads are the library's own
public headers, preprocessed at build time (_cdef.h), so no struct layout is
copied by hand. Amounts and rates go in as text (as a person types them:
"2 000 000", "4,64") or decimal.Decimal, and come out as decimal.Decimal,
never float. Every library error raises startlan.Error with the field and
the library's message.

    >>> import startlan
    >>> p = startlan.plan(amount="2000000", rate="4.64", years=25,
    ...                   term_fee="30", establishment_fee="600")
    >>> p.rows[0].payment
    Decimal('11306.17')
"""
import ctypes.util
import datetime
import os
from dataclasses import dataclass
from decimal import Decimal

import cffi

__all__ = ["Error", "Row", "Totals", "Plan", "Difference", "AuditResult", "plan",
           "rate_effective_to_nominal", "rate_nominal_to_effective", "apr", "audit",
           "parse_enum", "plan_column", "book_column", "header_fold", "is_totals_label",
           "parse_date", "format_date_norwegian", "version"]

_here = os.path.dirname(os.path.abspath(__file__))
ffi = cffi.FFI()
with open(os.environ.get("STARTLAN_CDEF", os.path.join(_here, "_cdef.h")), encoding="utf-8") as _f:
    ffi.cdef(_f.read())


def _installed_library():
    """The library installed beside this package by meson install, if any."""
    try:
        from . import _paths
    except ImportError:  # running from the source tree
        return None
    for candidate in (os.path.join(_here, _paths.LIBRARY_RELATIVE), _paths.LIBRARY_ABSOLUTE):
        if os.path.exists(candidate):
            return os.path.normpath(candidate)
    return None


def _open_library():
    """STARTLAN_LIBRARY, else the installed library, else the loader's search."""
    path = (os.environ.get("STARTLAN_LIBRARY") or _installed_library()
            or ctypes.util.find_library("startlan"))
    if not path:
        raise ImportError("libstartlan not found: install it (and run ldconfig) or set "
                          "STARTLAN_LIBRARY to the path of libstartlan.so")
    return ffi.dlopen(path)


lib = _open_library()


class Error(Exception):
    """A library error: code (negative SL_E… value), field and message."""

    def __init__(self, code, field, message):
        super().__init__(f"{field}: {message}" if field and not message.startswith(field)
                         else message)
        self.code = code
        self.field = field
        self.message = message


def _raise(rc, err=None, field=""):
    if err is not None and ffi.string(err.message):
        raise Error(rc, ffi.string(err.field).decode(), ffi.string(err.message).decode())
    raise Error(rc, field, ffi.string(lib.sl_strerror(rc)).decode())


def _check(rc, err=None, field=""):
    if rc < 0:
        _raise(rc, err, field)
    return rc


def _text(value, field=""):
    raw = str(value).encode()
    if b"\0" in raw:  # C would read it cut short at the NUL: refused, not cut
        raise Error(lib.SL_ESYNTAX, field, f"{field or 'text'}: holds a NUL byte")
    return raw


def _money_in(value, field):
    """Text or Decimal → øre, by the library's parser (the same rules as the programs)."""
    out = ffi.new("sl_money *")
    err = ffi.new("sl_error *")
    _check(lib.sl_money_parse(out, _text(value, field), field.encode(), err), err)
    return out[0]


def _export_money_in(value, field):
    """An amount as exports write it ("kr 1 469,33", "1.469,33", "(1 469,33)")."""
    out = ffi.new("sl_money *")
    err = ffi.new("sl_error *")
    _check(lib.sl_money_parse_export(out, _text(value, field), field.encode(), err), err)
    return out[0]


def _rate_in(value, field):
    out = ffi.new("sl_rate *")
    err = ffi.new("sl_error *")
    _check(lib.sl_rate_parse_percent(out, _text(value, field), field.encode(), err), err)
    return out[0]


def _date_in(value, field):
    out = ffi.new("sl_date *")
    err = ffi.new("sl_error *")
    _check(lib.sl_date_parse(out, _text(value, field), field.encode(), err), err)
    return out[0]


def _money_out(ore):
    return Decimal(int(ore)).scaleb(-2)


def _date_out(d):
    return datetime.date(d.year, d.month, d.day) if d.year else None


def _percent_out(rate):
    """An exact rate (num/den of one) as a Decimal percent; exact when terminating."""
    buf = ffi.new("char[]", 64)
    if lib.sl_rate_format_percent(buf, 64, rate, -1, lib.SL_ROUND_HALF_UP, b".") < 0:
        _check(lib.sl_rate_format_percent(buf, 64, rate, 12, lib.SL_ROUND_HALF_UP, b"."))
    return Decimal(ffi.string(buf).decode())


@dataclass(frozen=True)
class Row:
    """One term (termin) of a plan; amounts in kroner as Decimal."""
    term: int
    due_date: datetime.date
    opening_balance: Decimal
    interest: Decimal
    principal: Decimal
    fee: Decimal
    payment: Decimal
    closing_balance: Decimal


@dataclass(frozen=True)
class Totals:
    """Sums over the plan (and the establishment fee)."""
    terms: int
    interest: Decimal
    principal: Decimal
    term_fees: Decimal
    establishment_fee: Decimal
    fees: Decimal
    paid: Decimal


@dataclass(frozen=True)
class Plan:
    """A payment plan: rows, totals and the certified effective rate (percent,
    2 decimals, None when the plan has none), total cost and total payable."""
    rows: list
    totals: Totals
    effective_rate: Decimal
    total_cost: Decimal
    total_payable: Decimal
    terms: dict


_TYPES = {"annuity": 0, "annuitet": 0, "serial": 1, "serie": 1}


def _terms(amount, rate, years=None, terms=None, terms_per_year=12, type="annuity",
           term_fee="0", establishment_fee="0", interest_only_terms=0, payout_date=None):
    """An sl_loan_terms from plain values (each named in errors by its argument)."""
    t = ffi.new("sl_loan_terms *")
    lib.sl_loan_terms_init(t)
    t.principal = _money_in(amount, "amount")
    t.nominal_rate = _rate_in(rate, "rate")
    t.terms_per_year = int(terms_per_year)
    if terms is None:
        if years is None:
            raise Error(lib.SL_EINVAL, "years", "years: give years or terms")
        terms = int(years) * int(terms_per_year)
    t.terms = int(terms)
    kind = ffi.new("sl_loan_type *")
    if lib.sl_loan_type_parse(kind, _text(type, "type")) != 0:
        raise Error(lib.SL_ESYNTAX, "type", f"type '{type}': annuity or serial")
    t.type = kind[0]
    t.term_fee = _money_in(term_fee, "term_fee")
    t.establishment_fee = _money_in(establishment_fee, "establishment_fee")
    t.interest_only_terms = int(interest_only_terms)
    if payout_date is not None:
        t.payout_date = _date_in(payout_date, "payout_date")
    err = ffi.new("sl_error *")
    _check(lib.sl_loan_terms_check(t, err), err)
    return t


def _row_out(r):
    return Row(r.term, _date_out(r.due_date), _money_out(r.opening_balance),
               _money_out(r.interest), _money_out(r.principal), _money_out(r.fee),
               _money_out(r.payment), _money_out(r.closing_balance))


def plan(amount, rate, years=None, terms=None, terms_per_year=12, type="annuity",
         term_fee="0", establishment_fee="0", interest_only_terms=0, payout_date=None):
    """The payment plan of a loan, exactly as sl-plan computes it.

    amount, rate (percent), term_fee and establishment_fee are text or
    Decimal ("2 000 000", "4,64"); years or terms; type "annuity"/"serial".
    Raises Error naming the argument for a bad value."""
    args = dict(amount=amount, rate=rate, years=years, terms=terms,
                terms_per_year=terms_per_year, type=type, term_fee=term_fee,
                establishment_fee=establishment_fee,
                interest_only_terms=interest_only_terms, payout_date=payout_date)
    t = _terms(**args)
    err = ffi.new("sl_error *")
    handle = ffi.new("sl_plan **")
    _check(lib.sl_plan_new(handle, t, err), err)
    p = ffi.gc(handle[0], lib.sl_plan_free)
    row = ffi.new("sl_plan_row *")
    rows = []
    while _check(lib.sl_plan_next(p, row)) == 1:
        rows.append(_row_out(row))
    tot = ffi.new("sl_plan_totals *")
    lib.sl_plan_totals_so_far(p, tot)
    totals = Totals(tot.terms, _money_out(tot.interest), _money_out(tot.principal),
                    _money_out(tot.term_fees), _money_out(tot.establishment_fee),
                    _money_out(tot.fees), _money_out(tot.paid))
    cost = ffi.new("sl_plan_cost *")
    rc = lib.sl_plan_cost_compute(cost, t, ffi.NULL, err)
    if rc == 0:
        eff, total_cost, payable = (_percent_out(cost.apr.rate).quantize(Decimal("0.01")),
                                    _money_out(cost.total_cost),
                                    _money_out(cost.total_payable))
    elif rc in (lib.SL_ENOROOT, lib.SL_EAMBIGUOUS):
        eff, total_cost, payable = None, totals.interest + totals.fees, totals.paid
    else:
        _raise(rc, err)
    return Plan(rows, totals, eff, total_cost, payable, args)


def rate_effective_to_nominal(effective, terms_per_year=12, decimals=3):
    """Husbanken's conversion: the nominal rate (percent, Decimal) for an
    effective rate (percent), correctly rounded half up to `decimals`."""
    out = ffi.new("sl_rate *")
    err = ffi.new("sl_error *")
    _check(lib.sl_effective_to_nominal(out, ffi.NULL, _rate_in(effective, "effective"),
                                       int(terms_per_year), int(decimals),
                                       lib.SL_ROUND_HALF_UP, err), err)
    return _percent_out(out[0]).quantize(Decimal(1).scaleb(-int(decimals)))


def rate_nominal_to_effective(nominal, terms_per_year=12, decimals=3):
    """The effective rate (percent, Decimal) of a nominal rate (percent)."""
    out = ffi.new("sl_rate *")
    err = ffi.new("sl_error *")
    _check(lib.sl_nominal_to_effective(out, ffi.NULL, _rate_in(nominal, "nominal"),
                                       int(terms_per_year), int(decimals),
                                       lib.SL_ROUND_HALF_UP, err), err)
    return _percent_out(out[0]).quantize(Decimal(1).scaleb(-int(decimals)))


_APR_TIMES = {"equal-months": 0, "days365": 1, "days-actual": 2}


def apr(flows, decimals=2, time="equal-months"):
    """The certified effective rate (percent, Decimal) of dated cash flows:
    [(date, amount), …], date as "YYYY-MM-DD" or datetime.date, amount > 0
    received by the borrower, < 0 paid. Raises Error (no root, ambiguous)."""
    flows = list(flows)
    arr = ffi.new("sl_dated_flow[]", len(flows))
    for i, (d, a) in enumerate(flows):
        arr[i].date = _date_in(d.isoformat() if hasattr(d, "isoformat") else d, "flows")
        arr[i].amount = _money_in(a, "flows")
    opt = ffi.new("sl_apr_options *")
    lib.sl_apr_options_init(opt)
    opt.decimals = int(decimals)
    if time not in _APR_TIMES:
        raise Error(lib.SL_ESYNTAX, "time", f"time '{time}': equal-months, days365 or days-actual")
    opt.time = _APR_TIMES[time]
    out = ffi.new("sl_apr_result *")
    err = ffi.new("sl_error *")
    _check(lib.sl_apr_dated(out, arr, len(flows), opt, err), err)
    return _percent_out(out.rate).quantize(Decimal(1).scaleb(-int(decimals)))


@dataclass(frozen=True)
class Difference:
    """One difference an audit found (amounts in kroner; difference = found − expected)."""
    check: str
    field: str
    row: int
    term: int
    expected: Decimal
    found: Decimal
    difference: Decimal
    within_tolerance: bool


@dataclass(frozen=True)
class AuditResult:
    """matches: no difference beyond the tolerance."""
    matches: bool
    differences: list
    rows: int


_ROW_FIELDS = ("opening_balance", "interest", "principal", "fee", "payment", "closing_balance")


def _field(row, name):
    return row[name] if isinstance(row, dict) else getattr(row, name)


def _plan_row(row):
    """A dict row keyed by field names: its keys read as plan headers
    ("Renter", "Restgjeld før", "interest"); keys that name no field are left
    out, as sl-audit ignores columns it does not know."""
    if not isinstance(row, dict):
        return row
    out = {}
    for key, value in row.items():
        try:
            out[plan_column(key)] = value
        except Error:
            pass
    return out


def audit(rows, terms=None, tolerance="0"):
    """Check another system's plan to the øre, as sl-audit does.

    rows: Row objects or dicts with term (optional), opening_balance, interest,
    principal, fee, payment, closing_balance (Decimal, or text as exports
    write it: "kr 1 469,33", "1.469,33", "(1 469,33)"); a dict's keys
    may be an export's own headers ("Termin", "Restgjeld før", "Renter",
    "Avdrag", "Gebyr", "Terminbeløp", "Restgjeld": plan_column). terms: the
    contract as a dict of plan() arguments or a Plan (None: consistency checks
    only). Returns AuditResult with every difference."""
    found = []

    @ffi.callback("int(void *, const sl_audit_difference *)")
    def report(_ctx, d):
        amount = d.field not in (lib.SL_AUDIT_FIELD_TERM, lib.SL_AUDIT_FIELD_DUE_DATE)
        conv = _money_out if amount else int
        found.append(Difference(ffi.string(lib.sl_audit_check_name(d.check)).decode(),
                                ffi.string(lib.sl_audit_field_name(d.field)).decode(),
                                int(d.row), int(d.term), conv(d.expected), conv(d.found),
                                conv(d.difference), bool(d.within_tolerance)))
        return 0

    t = ffi.NULL
    if terms is not None:
        t = _terms(**(terms.terms if isinstance(terms, Plan) else terms))
    opt = ffi.new("sl_audit_options *")
    lib.sl_audit_options_init(opt)
    opt.tolerance = _money_in(tolerance, "tolerance")
    opt.report = report
    err = ffi.new("sl_error *")
    handle = ffi.new("sl_audit **")
    _check(lib.sl_audit_new(handle, t, opt, err), err)
    a = ffi.gc(handle[0], lib.sl_audit_free)
    r = ffi.new("sl_plan_row *")
    n = 0
    for n, row in enumerate(rows, 1):
        row = _plan_row(row)
        term = row.get("term", 0) if isinstance(row, dict) else getattr(row, "term", 0)
        r.term = int(term or 0)
        for name in _ROW_FIELDS:
            setattr(r, name, _export_money_in(_field(row, name), name))
        _check(lib.sl_audit_add_row(a, r))
    summary = ffi.new("sl_audit_summary *")
    _check(lib.sl_audit_finish(a, summary))
    return AuditResult(summary.differences == 0, found, n)


# Text → the contract's enums: the library's parsers and their English names.
_ENUMS = {
    "loan_type": ("sl_loan_type", lib.sl_loan_type_parse, lib.sl_loan_type_name),
    "day_count": ("sl_day_count", lib.sl_day_count_parse, lib.sl_day_count_name),
    "borrower": ("sl_borrower", lib.sl_borrower_parse, lib.sl_borrower_name),
    "price_rule": ("sl_price_rule", lib.sl_price_rule_parse, lib.sl_price_rule_name),
    "property_type": ("sl_property_type", lib.sl_property_type_parse,
                      lib.sl_property_type_name),
    "rto_model": ("sl_rto_model", lib.sl_rto_model_parse, lib.sl_rto_model_name),
    "round_mode": ("sl_round_mode", lib.sl_round_mode_parse, lib.sl_round_mode_name),
    "round_unit": ("sl_round_unit", lib.sl_round_unit_parse, lib.sl_round_unit_name),
    "apr_time": ("sl_apr_time", lib.sl_apr_time_parse, lib.sl_apr_time_name),
    "tenure": ("sl_tenure", lib.sl_tenure_parse, lib.sl_tenure_name),
}


def parse_enum(kind, text):
    """A word as the library reads it, as its English name:
    parse_enum("loan_type", "Serielån") == "serial",
    parse_enum("day_count", "act/365") == "act365". kind is one of loan_type,
    day_count, borrower, price_rule, property_type, rto_model, round_mode,
    round_unit, apr_time, tenure. An unknown word raises Error with field = kind."""
    if kind not in _ENUMS:
        raise ValueError(f"kind '{kind}': one of {', '.join(sorted(_ENUMS))}")
    ctype, parse, name = _ENUMS[kind]
    out = ffi.new(ctype + " *")
    rc = parse(out, _text(text, kind))
    if rc < 0:
        raise Error(rc, kind, f"{kind} '{text}': not a word the library knows")
    return ffi.string(name(out[0])).decode()


def _column(parse, name, ctype, header):
    out = ffi.new(ctype + " *")
    err = ffi.new("sl_error *")
    _check(parse(out, _text(header, "header"), err), err)
    return ffi.string(name(out[0])).decode()


def plan_column(header):
    """The field a plan's column header names, as sl-audit reads exports:
    plan_column("Restgjeld før") == "opening_balance" (also "Termin",
    "Forfall", "Renter", "Avdrag", "Gebyr", "Terminbeløp", "Restgjeld" and the
    English names). Error (field "header") for any other header."""
    return _column(lib.sl_audit_field_parse, lib.sl_audit_field_name, "sl_audit_field",
                   header)


def book_column(header):
    """The contract field a book's column header names, as sl-portfolio reads
    loan-system exports: book_column("Lånebeløp") == "amount",
    book_column("Utbetalingsdato") == "payout_date". Error for any other."""
    return _column(lib.sl_book_field_parse, lib.sl_book_field_name, "sl_book_field", header)


def header_fold(header):
    """A header as the library compares it: lower case, æ/ø/å as ae/o/a,
    spaces and _-./ removed ("Restgjeld før" -> "restgjeldfor")."""
    raw = _text(header, "header")
    size = 2 * len(raw) + 1  # æ/Æ (2 bytes) fold to 2; nothing grows more
    buf = ffi.new("char[]", size)
    _check(lib.sl_table_header_fold(buf, size, raw), field="header")
    return ffi.string(buf).decode("utf-8", errors="surrogateescape")


def is_totals_label(cell):
    """Whether a cell labels a plan's totals row: "Sum", "Totalt", "I alt", …"""
    return bool(lib.sl_table_totals_label(_text(cell, "cell")))


def parse_date(text, field="date"):
    """A date as Norwegian exports write it, "07.03.2021" or "2021-03-07",
    as datetime.date. Error naming field for anything else."""
    out = ffi.new("sl_date *")
    err = ffi.new("sl_error *")
    _check(lib.sl_date_parse_norwegian(out, _text(text, field), field.encode(), err), err)
    return _date_out(out[0])


def format_date_norwegian(date):
    """A datetime.date as "DD.MM.YYYY" (the library's sl_date_format_norwegian)."""
    buf = ffi.new("char[]", 16)
    d = ffi.new("sl_date *", (date.year, date.month, date.day))
    _check(lib.sl_date_format_norwegian(buf, 16, d[0]), field="date")
    return ffi.string(buf).decode()


def version():
    """The library's version, e.g. "0.2.0"."""
    return ffi.string(lib.sl_version()).decode()
