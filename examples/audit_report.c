/* sl-audit's streaming report (see audit_report.h). */
#include "audit_report.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    sl_audit_difference d;
    long line;
} entry;

struct report {
    report_setup s;
    FILE *out;
    entry row[32]; /* the differences of the row being read */
    int nrow;
    long divergences;   /* rows (or end checks) that began a divergence */
    long cur_row;       /* the divergence in force: its row, 0 none */
    int cur_listed;     /* whether it was listed */
    long cur_follow[SL_AUDIT_FIELD_ROW + 1];
    long cur_follow_total;
    long consequences;  /* differences that follow from a divergence */
    entry notes[REPORT_MAX_NOTES];
    long nnotes;
    int json_items;     /* JSON: differences written so far */
    long after_history;
};

static const char *field(const report *r, sl_audit_field f)
{
    return r->s.field_names[f] ? r->s.field_names[f] : sl_audit_field_name(f);
}

static const char *money(char buf[SL_MONEY_BUFSIZE], sl_money v)
{
    return cli_nor(buf, v);
}

static const char *signed_money(char buf[SL_MONEY_BUFSIZE + 1], sl_money v)
{
    char m[SL_MONEY_BUFSIZE];
    snprintf(buf, SL_MONEY_BUFSIZE + 1, "%s%s", v > 0 ? "+" : "", cli_nor(m, v));
    return buf;
}

static void annual_rate_text(char buf[SL_RATE_BUFSIZE], sl_rate per_term, int k)
{
    sl_rate y;
    if (per_term.num > INT64_MAX / k || per_term.num < INT64_MIN / k ||
        sl_rate_from_fraction(&y, per_term.num * k, per_term.den) != SL_OK ||
        sl_rate_format_percent(buf, SL_RATE_BUFSIZE, y, 3, SL_ROUND_HALF_UP, '.') < 0)
        snprintf(buf, SL_RATE_BUFSIZE, "?");
}

/* Where: "line 121 (term 120)", "term 7", or "the whole plan". */
static void where_text(char *buf, size_t size, const entry *e)
{
    if (e->line && e->d.term)
        snprintf(buf, size, "line %ld (term %d)", e->line, e->d.term);
    else if (e->line)
        snprintf(buf, size, "line %ld", e->line);
    else if (e->d.term)
        snprintf(buf, size, "term %d", e->d.term);
    else
        snprintf(buf, size, "the whole plan");
}

/* The difference in words, fields named by the file's headers. */
static void describe(char *buf, size_t size, const report *r, const sl_audit_difference *d)
{
    char x[SL_MONEY_BUFSIZE], y[SL_MONEY_BUFSIZE], z[SL_MONEY_BUFSIZE + 1];
    const char *f = field(r, d->field);
    money(x, d->found);
    money(y, d->expected);
    signed_money(z, d->difference);
    switch (d->check) {
    case SL_AUDIT_MISMATCH:
        if (d->field == SL_AUDIT_FIELD_DUE_DATE) {
            char a[SL_DATE_BUFSIZE], b[SL_DATE_BUFSIZE];
            snprintf(buf, size, "%s %s, by the contract %s (%+lld days)", f,
                     cli_date_text(a, d->found_date), cli_date_text(b, d->expected_date),
                     (long long)d->difference);
        } else {
            snprintf(buf, size, "%s %s, by the contract %s (%s)", f, x, y, z);
        }
        break;
    case SL_AUDIT_SUM:
        snprintf(buf, size, "%s %s, but %s + %s + %s = %s (%s)", f, x,
                 field(r, SL_AUDIT_FIELD_INTEREST), field(r, SL_AUDIT_FIELD_PRINCIPAL),
                 field(r, SL_AUDIT_FIELD_FEE), y, z);
        break;
    case SL_AUDIT_BALANCE:
        snprintf(buf, size, "%s %s, but %s − %s = %s (%s)", f, x,
                 field(r, SL_AUDIT_FIELD_OPENING_BALANCE), field(r, SL_AUDIT_FIELD_PRINCIPAL), y,
                 z);
        break;
    case SL_AUDIT_CHAIN:
        snprintf(buf, size, "%s %s, but the previous row's %s is %s (%s)", f, x,
                 field(r, SL_AUDIT_FIELD_CLOSING_BALANCE), y, z);
        break;
    case SL_AUDIT_SEQUENCE:
        snprintf(buf, size, "%s %lld, expected %lld", f, (long long)d->found,
                 (long long)d->expected);
        break;
    case SL_AUDIT_END:
        snprintf(buf, size, "the last %s is %s, not 0", f, x);
        break;
    case SL_AUDIT_PRINCIPAL_SUM:
        snprintf(buf, size, "%s sums to %s, the loan (first %s) is %s (%s)", f, x,
                 field(r, SL_AUDIT_FIELD_OPENING_BALANCE), y, z);
        break;
    case SL_AUDIT_STATED_TOTAL:
        snprintf(buf, size, "the totals row's %s is %s, the rows sum to %s (%s)", f, x, y, z);
        break;
    case SL_AUDIT_MISSING_ROW:
        snprintf(buf, size, "term %d is missing (by the contract its payment is %s)", d->term, y);
        break;
    case SL_AUDIT_EXTRA_ROW:
        snprintf(buf, size, "term %d is not in the contract's plan (payment %s)", d->term, x);
        break;
    case SL_AUDIT_DUPLICATE_ROW:
        snprintf(buf, size, "term %d given twice", d->term);
        break;
    case SL_AUDIT_RATE_JUMP: {
        char rb[SL_RATE_BUFSIZE], ra[SL_RATE_BUFSIZE];
        annual_rate_text(rb, d->rate_before, r->s.terms_per_year);
        annual_rate_text(ra, d->rate_after, r->s.terms_per_year);
        snprintf(buf, size, "the implied rate changes from %s %% to %s %% (nominal, %d terms a year)",
                 rb, ra, r->s.terms_per_year);
        break;
    }
    }
    if (d->within_tolerance) {
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, ", within tolerance");
    }
}

/* ---- JSON pieces, written as they come ---- */

static void json_put(report *r, const char *key, json_t *value)
{
    char *text = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
    json_decref(value);
    if (!text)
        cli_die(1, "out of memory");
    fprintf(r->out, ",\n  \"%s\": %s", key, text);
    free(text);
}

static json_t *difference_json(const report *r, const entry *e)
{
    const sl_audit_difference *d = &e->d;
    json_t *o = json_object();
    char b[48];
    json_object_set_new(o, "row", d->row ? json_integer(d->row) : json_null());
    json_object_set_new(o, "line", e->line ? json_integer(e->line) : json_null());
    json_object_set_new(o, "term", d->term ? json_integer(d->term) : json_null());
    json_object_set_new(o, "field", json_string(sl_audit_field_name(d->field)));
    json_object_set_new(o, "column", json_string(field(r, d->field)));
    json_object_set_new(o, "check", json_string(sl_audit_check_name(d->check)));
    if (d->field == SL_AUDIT_FIELD_TERM) {
        json_object_set_new(o, "expected", json_integer(d->expected));
        json_object_set_new(o, "found", json_integer(d->found));
        json_object_set_new(o, "difference", json_integer(d->difference));
    } else if (d->field == SL_AUDIT_FIELD_DUE_DATE) {
        json_object_set_new(o, "expected", json_string(cli_date_text(b, d->expected_date)));
        json_object_set_new(o, "found", json_string(cli_date_text(b, d->found_date)));
        json_object_set_new(o, "difference_days", json_integer(d->difference));
    } else {
        json_object_set_new(o, "expected", cli_json_money(d->expected));
        json_object_set_new(o, "found", d->check == SL_AUDIT_MISSING_ROW
                                            ? json_null()
                                            : cli_json_money(d->found));
        json_object_set_new(o, "difference", cli_json_money(d->difference));
        json_object_set_new(o, "difference_ore", json_integer(d->difference));
    }
    if (d->check == SL_AUDIT_RATE_JUMP) {
        char rb[SL_RATE_BUFSIZE], ra[SL_RATE_BUFSIZE];
        annual_rate_text(rb, d->rate_before, r->s.terms_per_year);
        annual_rate_text(ra, d->rate_after, r->s.terms_per_year);
        json_object_set_new(o, "implied_rate_before", json_string(rb));
        json_object_set_new(o, "implied_rate_after", json_string(ra));
    } else {
        json_object_set_new(o, "within_tolerance", json_boolean(d->within_tolerance));
        json_object_set_new(o, "follows_from_row",
                            d->follows_from_row ? json_integer(d->follows_from_row) : json_null());
    }
    return o;
}

static void json_item(report *r, const entry *e)
{
    json_t *o = difference_json(r, e);
    char *text = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    if (!text)
        cli_die(1, "out of memory");
    fprintf(r->out, "%s\n    %s", r->json_items++ ? "," : "", text);
    free(text);
}

/* ---- the table ---- */

report *report_start(FILE *out, const report_setup *setup)
{
    report *r = calloc(1, sizeof *r);
    if (!r)
        cli_die(1, "out of memory");
    r->s = *setup;
    r->out = out;
    if (r->s.json) {
        json_t *p = json_string(r->s.path);
        char *path = json_dumps(p, JSON_ENCODE_ANY);
        json_decref(p);
        fprintf(out, "{\n  \"plan\": %s", path ? path : "null");
        free(path);
        json_put(r, "encoding", json_string(r->s.encoding));
        json_put(r, "terms_given", json_boolean(r->s.terms_given));
        json_put(r, "tolerance", cli_json_money(r->s.tolerance));
        fprintf(out, ",\n  \"differences\": [");
        return r;
    }
    fprintf(out, "Audit of %s (%s, '%s'-separated): %s\n", r->s.path, r->s.encoding,
            r->s.delimiter == '\t' ? "tab" : (char[]){r->s.delimiter, 0},
            r->s.terms_given ? "compared with the plan recomputed from the contract's terms"
                             : "consistency checks only, no contract given");
    return r;
}

/* The count line of the divergence in force, when it ends. */
static void close_divergence(report *r)
{
    if (!r->cur_row && !r->cur_follow_total)
        return;
    if (!r->s.json && r->cur_listed && r->cur_follow_total && !r->s.all) {
        fprintf(r->out, "  %ld later difference%s follow%s from it (", r->cur_follow_total,
                r->cur_follow_total == 1 ? "" : "s", r->cur_follow_total == 1 ? "s" : "");
        int first = 1;
        for (int f = 0; f <= SL_AUDIT_FIELD_ROW; f++)
            if (r->cur_follow[f]) {
                fprintf(r->out, "%s%ld %s", first ? "" : ", ", r->cur_follow[f], field(r, f));
                first = 0;
            }
        fprintf(r->out, "); --all lists them\n");
    }
    memset(r->cur_follow, 0, sizeof r->cur_follow);
    r->cur_follow_total = 0;
}

void report_add(report *r, const sl_audit_difference *d, long line)
{
    if (d->check == SL_AUDIT_RATE_JUMP) {
        if (r->nnotes < REPORT_MAX_NOTES)
            r->notes[r->nnotes] = (entry){*d, line};
        r->nnotes++;
        return;
    }
    if (r->nrow == (int)(sizeof r->row / sizeof r->row[0]))
        report_row_done(r);
    r->row[r->nrow++] = (entry){*d, line};
}

void report_row_after_history(report *r)
{
    r->after_history++;
}

/* A row's differences: a new divergence (causes, then what follows in the
 * same row), or consequences of the one in force. */
void report_row_done(report *r)
{
    if (!r->nrow)
        return;
    int causes = 0;
    for (int i = 0; i < r->nrow; i++)
        causes += r->row[i].d.follows_from_row == 0;
    char where[64], text[512];
    if (causes) {
        close_divergence(r);
        r->divergences++;
        r->cur_row = r->row[0].d.row ? r->row[0].d.row : -1;
        r->cur_listed = r->s.all || r->divergences <= REPORT_MAX_DIVERGENCES;
    }
    if (r->s.json) {
        for (int i = 0; i < r->nrow; i++) {
            const sl_audit_difference *d = &r->row[i].d;
            int same_row = d->follows_from_row == d->row && d->row != 0 && causes;
            if (d->follows_from_row == 0 || r->s.all || (same_row && r->cur_listed))
                json_item(r, &r->row[i]);
            if (d->follows_from_row)
                r->consequences++;
        }
        r->nrow = 0;
        return;
    }
    if (causes && r->cur_listed) {
        int shown = 0;
        /* the fields that depart from the contract first, then the rules
         * the row breaks (a wrong interest makes the row not add up) */
        for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < r->nrow; i++) {
            if (r->row[i].d.follows_from_row != 0 ||
                (r->row[i].d.check == SL_AUDIT_MISMATCH) != (pass == 0))
                continue;
            describe(text, sizeof text, r, &r->row[i].d);
            where_text(where, sizeof where, &r->row[i]);
            if (shown++)
                fprintf(r->out, "  and %s\n", text);
            else if (r->divergences == 1)
                fprintf(r->out, "\nFirst divergence, %s: %s\n", where, text);
            else
                fprintf(r->out, "\nDivergence %ld, %s: %s\n", r->divergences, where, text);
        }
        int same = 0;
        for (int i = 0; i < r->nrow; i++)
            if (r->row[i].d.follows_from_row != 0) {
                char x[SL_MONEY_BUFSIZE + 1];
                fprintf(r->out, "%s%s %s", same++ ? ", " : "  following from it in the same row: ",
                        field(r, r->row[i].d.field), signed_money(x, r->row[i].d.difference));
            }
        if (same)
            fprintf(r->out, "\n");
    }
    for (int i = 0; i < r->nrow; i++) {
        const sl_audit_difference *d = &r->row[i].d;
        if (d->follows_from_row == 0)
            continue;
        r->consequences++;
        if (causes)
            continue; /* shown above */
        r->cur_follow[d->field]++;
        r->cur_follow_total++;
        if (r->s.all) {
            describe(text, sizeof text, r, d);
            where_text(where, sizeof where, &r->row[i]);
            fprintf(r->out, "    %s: %s (follows from row %ld)\n", where, text,
                    d->follows_from_row);
        }
    }
    r->nrow = 0;
}

static void print_totals_line(FILE *out, const char *label, int have_e, int have_s, sl_money f,
                              sl_money e, sl_money s)
{
    char a[3][SL_MONEY_BUFSIZE];
    fputs("  ", out);
    cli_pad(out, label, 22);
    fprintf(out, " %20s", cli_nor(a[0], f));
    if (have_e)
        fprintf(out, " %20s", cli_nor(a[1], e));
    if (have_s)
        fprintf(out, " %20s", cli_nor(a[2], s));
    fprintf(out, "\n");
}

static json_t *totals_json(const sl_plan_totals *t, int minus_establishment)
{
    json_t *o = json_object();
    json_object_set_new(o, "terms", json_integer(t->terms));
    json_object_set_new(o, "interest", cli_json_money(t->interest));
    json_object_set_new(o, "principal", cli_json_money(t->principal));
    json_object_set_new(o, "fees", cli_json_money(t->term_fees));
    json_object_set_new(o, "payments",
                        cli_json_money(t->paid - (minus_establishment ? t->establishment_fee : 0)));
    return o;
}

/* The verdict in one sentence (without the final period). */
static void verdict(char *buf, size_t size, const report *r, const sl_audit_summary *s)
{
    size_t n;
    if (!r->s.terms_given) {
        if (s->differences == 0)
            snprintf(buf, size, "consistent in itself; not checked against a contract (give "
                                "the loan terms to compare)");
        else
            snprintf(buf, size,
                     "not consistent in itself: %ld divergence%s, %ld difference%s in all; not "
                     "checked against a contract",
                     r->divergences, r->divergences == 1 ? "" : "s", s->differences,
                     s->differences == 1 ? "" : "s");
    } else if (s->differences == 0) {
        snprintf(buf, size, "the plan matches the contract");
    } else {
        snprintf(buf, size, "the plan departs from the contract: %ld divergence%s, %ld difference%s in all",
                 r->divergences, r->divergences == 1 ? "" : "s", s->differences,
                 s->differences == 1 ? "" : "s");
    }
    if (r->s.terms_given && r->s.history_end.year) {
        char d[SL_DATE_BUFSIZE], rt[SL_RATE_BUFSIZE];
        n = strlen(buf);
        snprintf(buf + n, size - n,
                 "; but the rate history %s ends on %s: %ld row%s due from then on %s compared "
                 "assuming %s %% (before the margin) stayed, which no source confirms",
                 r->s.history_name, cli_date_text(d, r->s.history_end), r->after_history,
                 r->after_history == 1 ? "" : "s", r->after_history == 1 ? "was" : "were",
                 cli_rate_text(rt, r->s.history_rate, '.'));
    }
    if (s->within_tolerance) {
        char t[SL_MONEY_BUFSIZE];
        n = strlen(buf);
        snprintf(buf + n, size - n, " (%ld more within the tolerance of %s kr)",
                 s->within_tolerance, cli_nor(t, r->s.tolerance));
    }
}

void report_finish(report *r, const sl_audit_summary *s)
{
    report_row_done(r);
    close_divergence(r);
    char v[1024];
    verdict(v, sizeof v, r, s);
    if (r->s.json) {
        fprintf(r->out, "\n  ]");
        json_put(r, "rows", json_integer(s->rows));
        json_put(r, "derived", json_string(r->s.derived));
        json_put(r, "divergence_count", json_integer(r->divergences));
        json_put(r, "consequence_count", json_integer(r->consequences));
        json_put(r, "consequences_listed", json_boolean(r->s.all));
        json_t *notes = json_array();
        for (long i = 0; i < r->nnotes && i < REPORT_MAX_NOTES; i++)
            json_array_append_new(notes, difference_json(r, &r->notes[i]));
        json_put(r, "notes", notes);
        json_t *tot = json_object();
        json_object_set_new(tot, "found", totals_json(&s->found, 0));
        json_object_set_new(tot, "expected",
                            s->have_expected ? totals_json(&s->expected, 1) : json_null());
        json_object_set_new(tot, "stated", s->have_stated ? totals_json(&s->stated, 0) : json_null());
        json_put(r, "totals", tot);
        json_put(r, "difference_count", json_integer(s->differences));
        json_put(r, "within_tolerance_count", json_integer(s->within_tolerance));
        json_put(r, "rate_changes", json_integer(s->rate_jumps));
        json_put(r, "result", json_string(s->differences ? "differs" : "matches"));
        json_put(r, "checked_against_contract", json_boolean(r->s.terms_given));
        json_put(r, "verdict", json_string(v));
        fprintf(r->out, "\n}\n");
        free(r);
        return;
    }
    FILE *out = r->out;
    if (r->divergences > REPORT_MAX_DIVERGENCES && !r->s.all)
        fprintf(out, "\n... and %ld more divergences (--all lists them)\n",
                r->divergences - REPORT_MAX_DIVERGENCES);
    if (*r->s.derived)
        fprintf(out, "\nDerived, not in the file: %s\n", r->s.derived);
    if (r->nnotes) {
        fprintf(out, "\nNotes: the interest rate implied by the rows changes %ld time%s%s\n",
                r->nnotes, r->nnotes == 1 ? "" : "s",
                r->s.terms_given ? "" : " (a floating rate may change; the rate itself is checked only against a contract)");
        char where[64], text[512];
        for (long i = 0; i < r->nnotes && i < REPORT_MAX_NOTES; i++) {
            describe(text, sizeof text, r, &r->notes[i].d);
            where_text(where, sizeof where, &r->notes[i]);
            fprintf(out, "  %s: %s\n", where, text);
        }
        if (r->nnotes > REPORT_MAX_NOTES)
            fprintf(out, "  ... and %ld more\n", r->nnotes - REPORT_MAX_NOTES);
    }
    fprintf(out, "\nTotals%*s%21s", 19, "", "this plan");
    if (s->have_expected)
        fprintf(out, " %20s", "recomputed");
    if (s->have_stated)
        fprintf(out, " %20s", "stated");
    fputs("\n  ", out);
    cli_pad(out, "Terms", 22);
    fprintf(out, " %20d", s->found.terms);
    if (s->have_expected)
        fprintf(out, " %20d", s->expected.terms);
    fprintf(out, "\n");
    print_totals_line(out, "Interest (renter)", s->have_expected, s->have_stated, s->found.interest,
                      s->expected.interest, s->stated.interest);
    print_totals_line(out, "Principal (avdrag)", s->have_expected, s->have_stated,
                      s->found.principal, s->expected.principal, s->stated.principal);
    print_totals_line(out, "Term fees", s->have_expected, s->have_stated, s->found.term_fees,
                      s->expected.term_fees, s->stated.term_fees);
    print_totals_line(out, "Payments", s->have_expected, s->have_stated, s->found.paid,
                      s->expected.paid - s->expected.establishment_fee, s->stated.paid);
    fprintf(out, "\nResult: %s.\n", v);
    free(r);
}
