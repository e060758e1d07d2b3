"""The Python binding against the built library (run by meson test with
STARTLAN_LIBRARY and STARTLAN_CDEF set; PYTHONPATH holds bindings/python)."""
import datetime
import unittest
from decimal import Decimal

import startlan

EXAMPLE = dict(amount="2000000", rate="4.64", years=25, term_fee="30", establishment_fee="600")


class PlanTest(unittest.TestCase):
    def test_builtin_example_to_the_ore(self):
        # sl-plan's built-in example (README): first payment 11 306,17 kr.
        p = startlan.plan(**EXAMPLE)
        self.assertEqual(len(p.rows), 300)
        first = p.rows[0]
        self.assertEqual(first.payment, Decimal("11306.17"))
        self.assertEqual(first.interest, Decimal("7733.33"))
        self.assertEqual(first.principal, Decimal("3542.84"))
        self.assertIsInstance(first.payment, Decimal)
        self.assertEqual(p.rows[-1].closing_balance, Decimal("0.00"))
        # Totals as sl-plan prints them: cost 1 392 453,48, payable 3 392 453,48.
        self.assertEqual(p.totals.interest, Decimal("1382853.48"))
        self.assertEqual(p.totals.principal, Decimal("2000000.00"))
        self.assertEqual(p.totals.fees, Decimal("9600.00"))
        self.assertEqual(p.totals.paid, Decimal("3392453.48"))
        self.assertEqual(p.total_cost, Decimal("1392453.48"))
        self.assertEqual(p.effective_rate, Decimal("4.77"))
        self.assertEqual(sum(r.principal for r in p.rows), Decimal("2000000.00"))

    def test_bad_amount_names_the_field(self):
        with self.assertRaises(startlan.Error) as cm:
            startlan.plan(**dict(EXAMPLE, amount="2 000 000,555"))
        self.assertEqual(cm.exception.field, "amount")
        self.assertIn("2 000 000,555", cm.exception.message)
        with self.assertRaises(startlan.Error) as cm:
            startlan.plan(**dict(EXAMPLE, term_fee="tretti"))
        self.assertEqual(cm.exception.field, "term_fee")
        with self.assertRaises(startlan.Error) as cm:
            startlan.plan(**dict(EXAMPLE, years=0))
        self.assertEqual(cm.exception.field, "terms")


class RateTest(unittest.TestCase):
    def test_husbanken_conversion(self):
        # husbanken.no, July 2024: effective 4.290 % is 4.208 % nominal monthly.
        self.assertEqual(startlan.rate_effective_to_nominal("4.290", 12, 3), Decimal("4.208"))
        self.assertEqual(startlan.rate_effective_to_nominal("4,290", 4, 3), Decimal("4.223"))

    def test_apr_eu_example(self):
        # EU directive example: 1 000 drawn, 1 200 repaid 18 months later: 12.96 %.
        flows = [("1994-01-01", "1000"), ("1995-07-01", "-1200")]
        self.assertEqual(startlan.apr(flows, time="days365"), Decimal("12.96"))

    def test_apr_without_root_raises(self):
        with self.assertRaises(startlan.Error) as cm:
            startlan.apr([("2025-01-01", "1000"), ("2026-01-01", "1000")])
        self.assertEqual(cm.exception.code, startlan.lib.SL_ENOROOT)


class AuditTest(unittest.TestCase):
    def rows(self, p):
        return [dict(term=r.term, opening_balance=r.opening_balance, interest=r.interest,
                     principal=r.principal, fee=r.fee, payment=r.payment,
                     closing_balance=r.closing_balance) for r in p.rows]

    def test_own_plan_matches(self):
        p = startlan.plan(**EXAMPLE)
        result = startlan.audit(self.rows(p), EXAMPLE)
        self.assertTrue(result.matches)
        self.assertEqual(result.rows, 300)
        self.assertEqual(result.differences, [])

    def test_one_ore_is_found(self):
        p = startlan.plan(**EXAMPLE)
        rows = self.rows(p)
        rows[99]["interest"] += Decimal("0.01")
        rows[99]["payment"] += Decimal("0.01")
        result = startlan.audit(rows, p)
        self.assertFalse(result.matches)
        interest = [d for d in result.differences if d.field == "interest"]
        self.assertEqual(len(interest), 1)
        self.assertEqual(interest[0].term, 100)
        self.assertEqual(interest[0].difference, Decimal("0.01"))

    def test_export_headers_audited(self):
        # A bank's export keyed by its own Norwegian headers, one øre off in row 100.
        p = startlan.plan(**EXAMPLE)
        rows = [{"Termin": r.term, "Restgjeld før": r.opening_balance, "Renter": r.interest,
                 "Avdrag": r.principal, "Gebyr": r.fee, "Terminbeløp": r.payment,
                 "Restgjeld": r.closing_balance, "Merknad": ""} for r in p.rows]
        self.assertTrue(startlan.audit(rows, p).matches)
        rows[99]["Renter"] += Decimal("0.01")
        rows[99]["Terminbeløp"] += Decimal("0.01")
        found = [d for d in startlan.audit(rows, p).differences if d.field == "interest"]
        self.assertEqual([(d.term, d.difference) for d in found], [(100, Decimal("0.01"))])
        # amounts as Norwegian Excel writes them: "kr 1 469,33", "1.469,33"
        nor = lambda v: f"{v:,.2f}".replace(",", " ").replace(".", ",")
        text_rows = [{k: (f"kr {nor(v)}" if i % 2 else nor(v).replace(" ", "."))
                      if isinstance(v, Decimal) else v for k, v in row.items()}
                     for i, row in enumerate(rows)]
        self.assertEqual(text_rows[1]["Restgjeld før"], "kr 1 996 457,16")
        found = [d for d in startlan.audit(text_rows, p).differences if d.field == "interest"]
        self.assertEqual([(d.term, d.difference) for d in found], [(100, Decimal("0.01"))])
        text_rows[5]["Renter"] = "7.700"  # 7 700 kr or 7,7 kr? refused, not guessed
        with self.assertRaises(startlan.Error) as cm:
            startlan.audit(text_rows, p)
        self.assertEqual(cm.exception.field, "interest")
        self.assertIn("ambiguous", cm.exception.message)


class ExportTextTest(unittest.TestCase):
    def test_words_into_enums(self):
        self.assertEqual(startlan.parse_enum("loan_type", "Serielån"), "serial")
        self.assertEqual(startlan.parse_enum("loan_type", "annuitet"), "annuity")
        self.assertEqual(startlan.parse_enum("day_count", "act/365"), "act365")
        self.assertEqual(startlan.parse_enum("borrower", "husstand"), "household")
        self.assertEqual(startlan.parse_enum("price_rule", "takst"), "appraisal")
        self.assertEqual(startlan.parse_enum("property_type", "Selveier"), "selveier")
        self.assertEqual(startlan.parse_enum("rto_model", "leie-før-eie"), "rent-before-own")
        self.assertEqual(startlan.parse_enum("tenure", "OBOS"), "borettslag")
        with self.assertRaises(startlan.Error) as cm:
            startlan.parse_enum("day_count", "30/360")
        self.assertEqual(cm.exception.field, "day_count")
        self.assertIn("30/360", cm.exception.message)
        with self.assertRaises(ValueError):
            startlan.parse_enum("colour", "red")

    def test_plan_and_book_headers(self):
        self.assertEqual(startlan.plan_column("Restgjeld før"), "opening_balance")
        self.assertEqual(startlan.plan_column("TERMINBELØP"), "payment")
        self.assertEqual(startlan.plan_column("Forfall"), "due_date")
        self.assertEqual(startlan.book_column("Lånebeløp"), "amount")
        self.assertEqual(startlan.book_column("Første forfall"), "first_due_date")
        with self.assertRaises(startlan.Error) as cm:
            startlan.plan_column("Rentesats")
        self.assertEqual(cm.exception.field, "header")
        self.assertIn("Rentesats", cm.exception.message)
        with self.assertRaises(startlan.Error):  # never cut short at a NUL
            startlan.plan_column("Renter\0x")
        self.assertEqual(startlan.header_fold("Restgjeld før"), "restgjeldfor")
        self.assertEqual(startlan.header_fold("ÆØÅ æøå"), "aeoaaeoa")

    def test_totals_labels_and_dates(self):
        self.assertTrue(startlan.is_totals_label("Sum"))
        self.assertTrue(startlan.is_totals_label("I alt"))
        self.assertFalse(startlan.is_totals_label("12"))
        self.assertEqual(startlan.parse_date("07.03.2021"), datetime.date(2021, 3, 7))
        self.assertEqual(startlan.parse_date("2021-03-07"), datetime.date(2021, 3, 7))
        self.assertEqual(startlan.format_date_norwegian(datetime.date(2021, 3, 7)),
                         "07.03.2021")
        with self.assertRaises(startlan.Error) as cm:
            startlan.parse_date("03/07/2021", "payout_date")
        self.assertEqual(cm.exception.field, "payout_date")


if __name__ == "__main__":
    unittest.main()
