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

/* Texts for people in the output's language; JSON and CSV stay English
 * (their values, like their keys, are for programs). */
static const char *tr(const report *r, const char *text)
{
    return r->s.json || r->s.csv ? text : gettext(text);
}

static const char *field(const report *r, sl_audit_field f)
{
    return r->s.field_names[f] ? r->s.field_names[f] : sl_audit_field_name(f);
}

/* "1 469,33" (no-break spaces in Norwegian). */
static const char *money(char buf[CLI_HUMAN_BUFSIZE], sl_money v)
{
    return cli_amount(buf, v);
}

static const char *signed_money(char buf[CLI_HUMAN_BUFSIZE], sl_money v)
{
    char m[CLI_HUMAN_BUFSIZE];
    snprintf(buf, CLI_HUMAN_BUFSIZE, "%s%s", v > 0 ? "+" : "", cli_amount(m, v));
    return buf;
}

/* The nominal yearly rate of a per-term rate, 3 decimals: "4.640" for
 * programs (JSON, CSV), "4,640" for a Norwegian reader. */
static void annual_rate_text(char buf[SL_RATE_BUFSIZE], sl_rate per_term, int k, char mark)
{
    sl_rate y;
    if (per_term.num > INT64_MAX / k || per_term.num < INT64_MIN / k ||
        sl_rate_from_fraction(&y, per_term.num * k, per_term.den) != SL_OK ||
        sl_rate_format_percent(buf, SL_RATE_BUFSIZE, y, 3, SL_ROUND_HALF_UP, mark) < 0)
        snprintf(buf, SL_RATE_BUFSIZE, "?");
}

/* The decimal mark and the space before % in the report for people. */
static char human_mark(void)
{
    return cli_norwegian() ? ',' : '.';
}

static const char *percent_space(void)
{
    return cli_norwegian() ? "\xC2\xA0" : " ";
}

/* Where: "line 121 (term 120)", "term 7", or "the whole plan". */
static void where_text(char *buf, size_t size, const entry *e)
{
    if (e->line && e->d.term)
        snprintf(buf, size, _("line %ld (term %d)"), e->line, e->d.term);
    else if (e->line)
        snprintf(buf, size, _("line %ld"), e->line);
    else if (e->d.term)
        snprintf(buf, size, _("term %d"), e->d.term);
    else
        snprintf(buf, size, "%s", _("the whole plan"));
}

/* The difference in words, fields named by the file's headers. */
static void describe(char *buf, size_t size, const report *r, const sl_audit_difference *d)
{
    char x[CLI_HUMAN_BUFSIZE], y[CLI_HUMAN_BUFSIZE], z[CLI_HUMAN_BUFSIZE];
    const char *f = field(r, d->field);
    money(x, d->found);
    money(y, d->expected);
    signed_money(z, d->difference);
    switch (d->check) {
    case SL_AUDIT_MISMATCH:
        if (d->field == SL_AUDIT_FIELD_DUE_DATE) {
            char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE];
            snprintf(buf, size, _("%s %s, by the contract %s (%+lld days)"), f,
                     cli_date_human(a, d->found_date), cli_date_human(b, d->expected_date),
                     (long long)d->difference);
        } else {
            snprintf(buf, size, _("%s %s, by the contract %s (%s)"), f, x, y, z);
        }
        break;
    case SL_AUDIT_SUM:
        snprintf(buf, size, _("%s %s, but %s + %s + %s = %s (%s)"), f, x,
                 field(r, SL_AUDIT_FIELD_INTEREST), field(r, SL_AUDIT_FIELD_PRINCIPAL),
                 field(r, SL_AUDIT_FIELD_FEE), y, z);
        break;
    case SL_AUDIT_BALANCE:
        snprintf(buf, size, _("%s %s, but %s − %s = %s (%s)"), f, x,
                 field(r, SL_AUDIT_FIELD_OPENING_BALANCE), field(r, SL_AUDIT_FIELD_PRINCIPAL), y,
                 z);
        break;
    case SL_AUDIT_CHAIN:
        snprintf(buf, size, _("%s %s, but the previous row's %s is %s (%s)"), f, x,
                 field(r, SL_AUDIT_FIELD_CLOSING_BALANCE), y, z);
        break;
    case SL_AUDIT_SEQUENCE:
        snprintf(buf, size, _("%s %lld, expected %lld"), f, (long long)d->found,
                 (long long)d->expected);
        break;
    case SL_AUDIT_END:
        snprintf(buf, size, _("the last %s is %s, not 0"), f, x);
        break;
    case SL_AUDIT_PRINCIPAL_SUM:
        snprintf(buf, size, _("%s sums to %s, the loan (first %s) is %s (%s)"), f, x,
                 field(r, SL_AUDIT_FIELD_OPENING_BALANCE), y, z);
        break;
    case SL_AUDIT_STATED_TOTAL:
        snprintf(buf, size, _("the totals row's %s is %s, the rows sum to %s (%s)"), f, x, y, z);
        break;
    case SL_AUDIT_MISSING_ROW:
        snprintf(buf, size, _("term %d is missing (by the contract its payment is %s)"), d->term,
                 y);
        break;
    case SL_AUDIT_EXTRA_ROW:
        snprintf(buf, size, _("term %d is not in the contract's plan (payment %s)"), d->term, x);
        break;
    case SL_AUDIT_DUPLICATE_ROW:
        snprintf(buf, size, _("term %d given twice"), d->term);
        break;
    case SL_AUDIT_RATE_JUMP: {
        char rb[SL_RATE_BUFSIZE], ra[SL_RATE_BUFSIZE];
        annual_rate_text(rb, d->rate_before, r->s.terms_per_year, human_mark());
        annual_rate_text(ra, d->rate_after, r->s.terms_per_year, human_mark());
        snprintf(buf, size,
                 _("the implied rate changes from %s%s%% to %s%s%% (nominal, %d terms a year)"),
                 rb, percent_space(), ra, percent_space(), r->s.terms_per_year);
        break;
    }
    }
    if (d->within_tolerance) {
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, "%s", _(", within tolerance"));
    }
}

/* ---- JSON pieces, written as they come ---- */

static void json_put(report *r, const char *key, json_t *value)
{
    char *text = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
    json_decref(value);
    if (!text)
        cli_die(1, _("out of memory"));
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
        annual_rate_text(rb, d->rate_before, r->s.terms_per_year, '.');
        annual_rate_text(ra, d->rate_after, r->s.terms_per_year, '.');
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
        cli_die(1, _("out of memory"));
    fprintf(r->out, "%s\n    %s", r->json_items++ ? "," : "", text);
    free(text);
}

/* ---- CSV: one line per difference listed, as JSON's "differences", then
 * the notes (check rate_jump: expected and found are the implied nominal
 * rates before and after, in percent) ---- */

static const char *const csv_columns[] = {
    "row", "line", "term", "field", "column", "check", "expected", "found", "difference",
    "within_tolerance", "follows_from_row",
};
#define CSV_NCOLUMNS (sizeof csv_columns / sizeof *csv_columns)

static void csv_value(FILE *out, const json_t *v)
{
    if (json_is_integer(v)) {
        fprintf(out, "%lld", (long long)json_integer_value(v));
    } else if (json_is_boolean(v)) {
        fputs(json_is_true(v) ? "true" : "false", out);
    } else if (json_is_string(v)) {
        const char *t = json_string_value(v);
        if (!strpbrk(t, ",\"\r\n")) {
            fputs(t, out);
            return;
        }
        fputc('"', out);
        for (; *t; t++) {
            if (*t == '"')
                fputc('"', out);
            fputc(*t, out);
        }
        fputc('"', out);
    } /* null: an empty field */
}

static void csv_item(report *r, const entry *e)
{
    json_t *o = difference_json(r, e);
    if (e->d.check == SL_AUDIT_RATE_JUMP) {
        json_object_set(o, "expected", json_object_get(o, "implied_rate_before"));
        json_object_set(o, "found", json_object_get(o, "implied_rate_after"));
    }
    for (size_t i = 0; i < CSV_NCOLUMNS; i++) {
        const char *key = csv_columns[i];
        if (e->d.field == SL_AUDIT_FIELD_DUE_DATE && strcmp(key, "difference") == 0)
            key = "difference_days";
        if (i)
            fputc(',', r->out);
        csv_value(r->out, json_object_get(o, key));
    }
    fputc('\n', r->out);
    json_decref(o);
}

/* A difference listed in JSON or CSV. */
static void machine_item(report *r, const entry *e)
{
    if (r->s.csv)
        csv_item(r, e);
    else
        json_item(r, e);
}

/* ---- the table ---- */

report *report_start(FILE *out, const report_setup *setup)
{
    report *r = calloc(1, sizeof *r);
    if (!r)
        cli_die(1, _("out of memory"));
    r->s = *setup;
    r->out = out;
    if (r->s.csv) {
        for (size_t i = 0; i < CSV_NCOLUMNS; i++)
            fprintf(out, "%s%s", i ? "," : "", csv_columns[i]);
        fputc('\n', out);
        return r;
    }
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
    fprintf(out, _("Audit of %s (%s, '%s'-separated):\n  %s\n"), r->s.path, r->s.encoding,
            r->s.delimiter == '\t' ? _("tab") : (char[]){r->s.delimiter, 0},
            r->s.terms_given ? _("compared with the plan recomputed from the contract's terms")
                             : _("consistency checks only, no contract given"));
    return r;
}

/* The count line of the divergence in force, when it ends. */
static void close_divergence(report *r)
{
    if (!r->cur_row && !r->cur_follow_total)
        return;
    if (!r->s.json && r->cur_listed && r->cur_follow_total && !r->s.all) {
        if (r->cur_follow_total == 1)
            fputs(_("  1 later difference follows from it ("), r->out);
        else
            fprintf(r->out, _("  %ld later differences follow from it ("), r->cur_follow_total);
        int first = 1;
        for (int f = 0; f <= SL_AUDIT_FIELD_ROW; f++)
            if (r->cur_follow[f]) {
                fprintf(r->out, "%s%ld %s", first ? "" : ", ", r->cur_follow[f], field(r, f));
                first = 0;
            }
        fputs(_("); --all lists them\n"), r->out);
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
    char where[96], text[768];
    if (causes) {
        close_divergence(r);
        r->divergences++;
        r->cur_row = r->row[0].d.row ? r->row[0].d.row : -1;
        r->cur_listed = r->s.all || r->divergences <= REPORT_MAX_DIVERGENCES;
    }
    if (r->s.json || r->s.csv) {
        for (int i = 0; i < r->nrow; i++) {
            const sl_audit_difference *d = &r->row[i].d;
            int same_row = d->follows_from_row == d->row && d->row != 0 && causes;
            if (d->follows_from_row == 0 || r->s.all || (same_row && r->cur_listed))
                machine_item(r, &r->row[i]);
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
                fprintf(r->out, _("  and %s\n"), text);
            else if (r->divergences == 1)
                fprintf(r->out, _("\nFirst divergence, %s: %s\n"), where, text);
            else
                fprintf(r->out, _("\nDivergence %ld, %s: %s\n"), r->divergences, where, text);
        }
        int same = 0;
        for (int i = 0; i < r->nrow; i++)
            if (r->row[i].d.follows_from_row != 0) {
                char x[CLI_HUMAN_BUFSIZE];
                fprintf(r->out, "%s%s %s",
                        same++ ? ", " : _("  following from it in the same row: "),
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
            fprintf(r->out, _("    %s: %s (follows from row %ld)\n"), where, text,
                    d->follows_from_row);
        }
    }
    r->nrow = 0;
}

static void print_totals_line(FILE *out, const char *label, int have_e, int have_s, sl_money f,
                              sl_money e, sl_money s)
{
    char a[CLI_HUMAN_BUFSIZE];
    fputs("  ", out);
    cli_pad(out, label, 22);
    fputc(' ', out);
    cli_pad(out, cli_amount(a, f), -20);
    if (have_e) {
        fputc(' ', out);
        cli_pad(out, cli_amount(a, e), -20);
    }
    if (have_s) {
        fputc(' ', out);
        cli_pad(out, cli_amount(a, s), -20);
    }
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
    /* "1 divergence, 3 differences in all" */
    char counts[160];
    snprintf(counts, sizeof counts,
             tr(r, r->divergences == 1 ? N_("%ld divergence, ") : N_("%ld divergences, ")),
             r->divergences);
    n = strlen(counts);
    snprintf(counts + n, sizeof counts - n,
             tr(r, s->differences == 1 ? N_("%ld difference in all")
                                       : N_("%ld differences in all")),
             s->differences);
    if (!r->s.terms_given) {
        if (s->differences == 0)
            snprintf(buf, size, "%s",
                     tr(r, N_("consistent in itself; not checked against a contract (give "
                              "the loan terms to compare)")));
        else
            snprintf(buf, size, tr(r, N_("not consistent in itself: %s; not checked against a "
                                         "contract")),
                     counts);
    } else if (s->differences == 0) {
        snprintf(buf, size, "%s", tr(r, N_("the plan matches the contract")));
    } else {
        snprintf(buf, size, tr(r, N_("the plan departs from the contract: %s")), counts);
    }
    int human = !r->s.json && !r->s.csv;
    if (r->s.terms_given && r->s.history_end.year) {
        char d[CLI_HUMAN_BUFSIZE], rt[SL_RATE_BUFSIZE];
        n = strlen(buf);
        if (human)
            cli_date_human(d, r->s.history_end);
        else
            cli_date_text(d, r->s.history_end);
        snprintf(buf + n, size - n,
                 tr(r, r->after_history == 1
                           ? N_("; but the rate history %s ends on %s: %ld row due from then on "
                                "was compared assuming %s%s%% (before the margin) stayed, which "
                                "no source confirms")
                           : N_("; but the rate history %s ends on %s: %ld rows due from then on "
                                "were compared assuming %s%s%% (before the margin) stayed, which "
                                "no source confirms")),
                 r->s.history_name, d, r->after_history,
                 cli_rate_text(rt, r->s.history_rate, human ? human_mark() : '.'),
                 human ? percent_space() : " ");
    }
    if (s->within_tolerance) {
        char t[CLI_HUMAN_BUFSIZE];
        n = strlen(buf);
        if (human)
            cli_amount(t, r->s.tolerance);
        else
            cli_nor(t, r->s.tolerance);
        snprintf(buf + n, size - n, tr(r, N_(" (%ld more within the tolerance of %s kr)")),
                 s->within_tolerance, t);
    }
}

void report_finish(report *r, const sl_audit_summary *s)
{
    report_row_done(r);
    close_divergence(r);
    char v[1024];
    verdict(v, sizeof v, r, s);
    if (r->s.csv) {
        for (long i = 0; i < r->nnotes && i < REPORT_MAX_NOTES; i++)
            csv_item(r, &r->notes[i]);
        free(r);
        return;
    }
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
        fprintf(out, _("\n... and %ld more divergences (--all lists them)\n"),
                r->divergences - REPORT_MAX_DIVERGENCES);
    if (*r->s.derived)
        fprintf(out, _("\nDerived, not in the file: %s\n"), r->s.derived);
    if (r->nnotes) {
        fprintf(out,
                r->nnotes == 1 ? _("\nNotes: the interest rate implied by the rows changes %ld "
                                   "time%s\n")
                               : _("\nNotes: the interest rate implied by the rows changes %ld "
                                   "times%s\n"),
                r->nnotes,
                r->s.terms_given ? "" : _(" (a floating rate may change; the rate itself is "
                                          "checked only against a contract)"));
        char where[96], text[768];
        for (long i = 0; i < r->nnotes && i < REPORT_MAX_NOTES; i++) {
            describe(text, sizeof text, r, &r->notes[i].d);
            where_text(where, sizeof where, &r->notes[i]);
            fprintf(out, "  %s: %s\n", where, text);
        }
        if (r->nnotes > REPORT_MAX_NOTES)
            fprintf(out, _("  ... and %ld more\n"), r->nnotes - REPORT_MAX_NOTES);
    }
    fputc('\n', out);
    cli_pad(out, _("Totals"), 25);
    fputc(' ', out);
    cli_pad(out, _("this plan"), -20);
    if (s->have_expected) {
        fputc(' ', out);
        cli_pad(out, _("recomputed"), -20);
    }
    if (s->have_stated) {
        fputc(' ', out);
        cli_pad(out, _("stated"), -20);
    }
    fputs("\n  ", out);
    cli_pad(out, _("Terms"), 22);
    fprintf(out, " %20d", s->found.terms);
    if (s->have_expected)
        fprintf(out, " %20d", s->expected.terms);
    fprintf(out, "\n");
    print_totals_line(out, _("Interest (renter)"), s->have_expected, s->have_stated, s->found.interest,
                      s->expected.interest, s->stated.interest);
    print_totals_line(out, _("Principal (avdrag)"), s->have_expected, s->have_stated,
                      s->found.principal, s->expected.principal, s->stated.principal);
    print_totals_line(out, _("Term fees"), s->have_expected, s->have_stated, s->found.term_fees,
                      s->expected.term_fees, s->stated.term_fees);
    print_totals_line(out, _("Payments"), s->have_expected, s->have_stated, s->found.paid,
                      s->expected.paid - s->expected.establishment_fee, s->stated.paid);
    fprintf(out, _("\nResult: %s.\n"), v);
    free(r);
}
