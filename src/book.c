/* A book's row (utlånsregister) and its events → a contract for the engine. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_internal.h"
#include "arith_internal.h"
#include "plan_internal.h"
#include "rate_history_internal.h"
#include "startlan/book.h"
#include "terms_internal.h"

static const char *const field_names[SL_BOOK_FIELD_COUNT] = {
    "amount",          "rate",        "terms",          "terms_per_year",
    "type",            "payout_date", "term_fee",       "establishment_fee",
    "interest_only_terms", "margin",  "due_day",        "first_due_date",
    "day_count",       "fixed_years", "fixed_rate",     "fixed_from",
    "interest_only",   "rate_change_keeps_payment",         "borrower",
    "round_to",        "rounding",    "interest_only_moves_end", "market_rate",
    "special_case",    "years",
};

/* The contract's field names (sl_loan_terms_check) as book columns. */
static const struct {
    const char *contract;
    sl_book_field field;
} contract_fields[] = {
    {"principal", SL_BOOK_AMOUNT},           {"nominal_rate", SL_BOOK_RATE},
    {"terms", SL_BOOK_TERMS},                {"terms_per_year", SL_BOOK_TERMS_PER_YEAR},
    {"type", SL_BOOK_TYPE},                  {"interest_only_terms", SL_BOOK_INTEREST_ONLY_TERMS},
    {"term_fee", SL_BOOK_TERM_FEE},          {"establishment_fee", SL_BOOK_ESTABLISHMENT_FEE},
    {"payout_date", SL_BOOK_PAYOUT_DATE},    {"margin", SL_BOOK_MARGIN},
    {"due_day", SL_BOOK_DUE_DAY},            {"first_due_date", SL_BOOK_FIRST_DUE_DATE},
    {"day_count", SL_BOOK_DAY_COUNT},        {"fixed", SL_BOOK_FIXED_YEARS},
    {"borrower", SL_BOOK_BORROWER},
    {"rate_change_keeps_payment", SL_BOOK_RATE_CHANGE_KEEPS_PAYMENT},
    {"interest_only_windows", SL_BOOK_INTEREST_ONLY}, /* unless an event added windows */
    {"payment_rounding", SL_BOOK_ROUNDING},
    {"interest_only_moves_end", SL_BOOK_INTEREST_ONLY_MOVES_END},
    {"market_rate", SL_BOOK_MARKET_RATE},
    {"special_case", SL_BOOK_SPECIAL_CASE},
};

struct sl_book_loan {
    sl_loan_terms terms;
    int have_rate;
    int years; /* the years column; 0: not given (the terms column counts) */
    const char *history_name;
    const sl_rate_history *history;
    sl_book_event *events;
    size_t event_count, event_cap;
    sl_interest_only_window *io; /* the interest_only column's windows */
    size_t io_count, io_cap;
    /* the contract's arrays, rebuilt by sl_book_loan_terms */
    sl_rate_change *changes;
    size_t change_cap;
    sl_extra_payment *extras;
    size_t extra_cap;
    sl_interest_only_window *windows;
    size_t window_cap;
    sl_loan_terms built;
    /* built's rate changes are the history's own (no events of the loan's
     * among them): their date keys there, and whether the contract check
     * may take them as checked (the margin keeps every rate a loan rate) */
    const int *change_keys;
    int changes_known;
};

const char *sl_book_field_name(sl_book_field field)
{
    return (int)field >= 0 && field < SL_BOOK_FIELD_COUNT ? field_names[field] : NULL;
}

int sl_book_field_lookup(sl_book_field *out, const char *name)
{
    if (!out || !name)
        return SL_ENULL;
    for (int i = 0; i < SL_BOOK_FIELD_COUNT; i++)
        if (strcmp(name, field_names[i]) == 0)
            return *out = (sl_book_field)i, SL_OK;
    return SL_EINVAL;
}

int sl_book_loan_new(sl_book_loan **out)
{
    if (!out)
        return SL_ENULL;
    sl_book_loan *l = calloc(1, sizeof *l);
    if (!l)
        return SL_ENOMEM;
    sl_book_loan_clear(l);
    *out = l;
    return SL_OK;
}

void sl_book_loan_free(sl_book_loan *l)
{
    if (!l)
        return;
    free(l->events);
    free(l->changes);
    free(l->extras);
    free(l->windows);
    free(l->io);
    free(l);
}

void sl_book_loan_clear(sl_book_loan *l)
{
    if (!l)
        return;
    sl_loan_terms_init(&l->terms);
    l->have_rate = 0;
    l->years = 0;
    l->history_name = NULL;
    l->history = NULL;
    l->event_count = 0;
    l->io_count = 0;
}

/* A whole number min..max. */
static int whole(long *out, const char *text, const char *field, long min, long max,
                 sl_error *err)
{
    char *end;
    long n = strtol(text, &end, 10);
    if (end == text || *end || text[0] == ' ' || text[0] == '+')
        return sl__fail(err, SL_ESYNTAX, field, text, "%s '%s': not a whole number", field, text);
    if (n < min || n > max)
        return sl__fail(err, SL_EINVAL, field, text, "%s '%s': must be from %ld to %ld", field,
                        text, min, max);
    *out = n;
    return SL_OK;
}

/* An amount as a kommune's export writes it ("kr 1 800 000", "1.800.000,00",
 * "1 800 000,-"), by sl-audit's rules; the plain form first, as most cells are. */
static int amount(sl_money *out, const char *text, const char *field, sl_error *err)
{
    if (sl_money_parse(out, text, field, NULL) == SL_OK)
        return SL_OK;
    return sl_money_parse_export(out, text, field, err);
}

static int percent(sl_rate *out, const char *text, const char *field, sl_error *err)
{
    return sl_rate_parse_percent(out, text, field, err);
}

static int reserve(void **array, size_t *cap, size_t n, size_t size);

static int yes_no(int *out, const char *text, const char *field, sl_error *err)
{
    if (sl__yes_no_parse(out, text) != SL_OK)
        return sl__fail(err, SL_ESYNTAX, field, text, "%s '%s': must be yes or no (ja, nei, 1, 0)",
                        field, text);
    return SL_OK;
}

/* The rounding unit and mode as loan systems write them: sl-plan's names in
 * any letter case, øre/kr, and the Norwegian words for the modes. */
static const struct {
    const char *text; /* folded as fold_kind folds */
    int unit, mode;   /* -1: not this one */
} roundings[] = {
    {"ore", SL_ROUND_UNIT_ORE, -1},        {"krone", SL_ROUND_UNIT_KRONE, -1},
    {"kr", SL_ROUND_UNIT_KRONE, -1},       {"kroner", SL_ROUND_UNIT_KRONE, -1},
    {"heilekroner", SL_ROUND_UNIT_KRONE, -1}, {"helekroner", SL_ROUND_UNIT_KRONE, -1},
    {"halfup", -1, SL_ROUND_HALF_UP},      {"halvopp", -1, SL_ROUND_HALF_UP},
    {"halfeven", -1, SL_ROUND_HALF_EVEN},  {"halvtilpartall", -1, SL_ROUND_HALF_EVEN},
    {"down", -1, SL_ROUND_DOWN},           {"ned", -1, SL_ROUND_DOWN},
    {"up", -1, SL_ROUND_UP},               {"opp", -1, SL_ROUND_UP},
};

static int fold_kind(char *buf, size_t size, const char *text);

static int rounding(sl_rounding *r, int unit, const char *text, const char *field, sl_error *err)
{
    char f[40];
    if (fold_kind(f, sizeof f, text))
        for (size_t i = 0; i < sizeof roundings / sizeof roundings[0]; i++)
            if (strcmp(f, roundings[i].text) == 0 && (unit ? roundings[i].unit : roundings[i].mode) >= 0) {
                if (unit)
                    r->unit = (sl_round_unit)roundings[i].unit;
                else
                    r->mode = (sl_round_mode)roundings[i].mode;
                return SL_OK;
            }
    return sl__fail(err, SL_ESYNTAX, field, text,
                    unit ? "%s '%s': must be ore or krone (øre, kr)"
                         : "%s '%s': must be half-up, half-even, down or up (halv-opp, ned, opp)",
                    field, text);
}

/* At most this many windows in one loan's interest_only column: the
 * contract check compares every pair, and a 1 MiB cell could hold 250 000. */
#define SL_BOOK_MAX_WINDOWS 100

/* Interest-only windows by term number: FROM:TERMS, several separated by
 * spaces or commas ("13:12 61:6"). */
static int windows(sl_book_loan *l, const char *text, const char *name, sl_error *err)
{
    const long max = SL_PLAN_MAX_YEARS * 12;
    const char *p = text;
    l->io_count = 0;
    for (;;) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        char *end = (char *)p;
        long from = 0, n = 0;
        if (l->io_count == SL_BOOK_MAX_WINDOWS)
            return sl__fail(err, SL_EINVAL, name, text, "%s: more than %d windows", name,
                            SL_BOOK_MAX_WINDOWS);
        if (*p >= '0' && *p <= '9')
            from = strtol(p, &end, 10);
        if (from < 1 || from > max || *end != ':' || end[1] < '0' || end[1] > '9')
            return sl__fail(err, SL_ESYNTAX, name, text,
                            "%s '%s': expected FROM_TERM:TERMS (13:12), several separated by "
                            "spaces, terms 1 to %ld",
                            name, text, max);
        n = strtol(end + 1, &end, 10);
        if (n < 1 || n > max || (*end && *end != ' ' && *end != ','))
            return sl__fail(err, SL_ESYNTAX, name, text,
                            "%s '%s': expected FROM_TERM:TERMS (13:12), several separated by "
                            "spaces, terms 1 to %ld",
                            name, text, max);
        void *a = l->io;
        if (reserve(&a, &l->io_cap, l->io_count, sizeof *l->io) != SL_OK)
            return sl__fail(err, SL_ENOMEM, name, "", "out of memory");
        l->io = a;
        l->io[l->io_count++] = (sl_interest_only_window){(int)from, (int)n};
        p = end;
    }
    if (l->io_count == 0)
        return sl__fail(err, SL_ESYNTAX, name, text, "%s '%s': expected FROM_TERM:TERMS (13:12)",
                        name, text);
    l->terms.interest_only_windows = l->io;
    l->terms.interest_only_window_count = l->io_count;
    return SL_OK;
}

int sl_book_loan_set(sl_book_loan *l, sl_book_field field, const char *text, sl_error *err)
{
    sl__error_reset(err);
    if (!l)
        return sl__null(err, "loan");
    const char *name = sl_book_field_name(field);
    if (!name)
        return sl__fail_int(err, SL_EINVAL, "field", (long)field, "no such book column");
    if (!text || !*text)
        return SL_OK;
    sl_loan_terms *t = &l->terms;
    long n;
    int rc;
    switch (field) {
    case SL_BOOK_AMOUNT:
        return amount(&t->principal, text, name, err);
    case SL_BOOK_RATE:
        rc = percent(&t->nominal_rate, text, name, err);
        l->have_rate = rc == SL_OK;
        return rc;
    case SL_BOOK_TERMS:
        rc = whole(&n, text, name, 1, SL_PLAN_MAX_YEARS * 12, err);
        return rc == SL_OK ? (t->terms = (int)n, SL_OK) : rc;
    case SL_BOOK_TERMS_PER_YEAR:
        rc = whole(&n, text, name, 1, 12, err);
        return rc == SL_OK ? (t->terms_per_year = (int)n, SL_OK) : rc;
    case SL_BOOK_TYPE:
        if (sl_loan_type_parse(&t->type, text) != SL_OK)
            return sl__fail(err, SL_ESYNTAX, name, text,
                            "%s '%s': must be annuity or serial (annuitet, serie, serielån)",
                            name, text);
        return SL_OK;
    case SL_BOOK_PAYOUT_DATE:
        return sl_date_parse_norwegian(&t->payout_date, text, name, err);
    case SL_BOOK_TERM_FEE:
        return amount(&t->term_fee, text, name, err);
    case SL_BOOK_ESTABLISHMENT_FEE:
        return amount(&t->establishment_fee, text, name, err);
    case SL_BOOK_INTEREST_ONLY_TERMS:
        rc = whole(&n, text, name, 0, SL_PLAN_MAX_YEARS * 12, err);
        return rc == SL_OK ? (t->interest_only_terms = (int)n, SL_OK) : rc;
    case SL_BOOK_MARGIN:
        return percent(&t->margin, text, name, err);
    case SL_BOOK_DUE_DAY:
        rc = whole(&n, text, name, 1, 28, err);
        return rc == SL_OK ? (t->due_day = (int)n, SL_OK) : rc;
    case SL_BOOK_FIRST_DUE_DATE:
        return sl_date_parse_norwegian(&t->first_due_date, text, name, err);
    case SL_BOOK_DAY_COUNT:
        if (strcmp(text, "equal") == 0)
            t->day_count = SL_DAY_COUNT_EQUAL;
        else if (strcmp(text, "act365") == 0)
            t->day_count = SL_DAY_COUNT_ACT365;
        else
            return sl__fail(err, SL_ESYNTAX, name, text, "%s '%s': must be equal or act365",
                            name, text);
        return SL_OK;
    case SL_BOOK_FIXED_YEARS:
        rc = whole(&n, text, name, 3, 20, err);
        if (rc == SL_OK && n != 3 && n != 5 && n != 10 && n != 20)
            return sl__fail(err, SL_EINVAL, name, text, "%s '%s': must be 3, 5, 10 or 20", name,
                            text);
        return rc == SL_OK ? (t->fixed.years = (int)n, SL_OK) : rc;
    case SL_BOOK_FIXED_RATE:
        return percent(&t->fixed.rate, text, name, err);
    case SL_BOOK_FIXED_FROM:
        return sl_date_parse_norwegian(&t->fixed.from, text, name, err);
    case SL_BOOK_INTEREST_ONLY:
        return windows(l, text, name, err);
    case SL_BOOK_RATE_CHANGE_KEEPS_PAYMENT:
        return yes_no(&t->rate_change_keeps_payment, text, name, err);
    case SL_BOOK_BORROWER:
        if (sl_borrower_parse(&t->borrower, text) != SL_OK)
            return sl__fail(err, SL_ESYNTAX, name, text,
                            "%s '%s': must be household, kommune or borettslag", name, text);
        return SL_OK;
    case SL_BOOK_ROUND_TO:
        return rounding(&t->payment_rounding, 1, text, name, err);
    case SL_BOOK_ROUNDING:
        return rounding(&t->payment_rounding, 0, text, name, err);
    case SL_BOOK_INTEREST_ONLY_MOVES_END:
        return yes_no(&t->interest_only_moves_end, text, name, err);
    case SL_BOOK_MARKET_RATE:
        return percent(&t->market_rate, text, name, err); /* its range: the contract's check */
    case SL_BOOK_SPECIAL_CASE:
        return yes_no(&t->special_case, text, name, err);
    case SL_BOOK_YEARS:
        rc = whole(&n, text, name, 1, SL_PLAN_MAX_YEARS, err);
        return rc == SL_OK ? (l->years = (int)n, SL_OK) : rc;
    case SL_BOOK_FIELD_COUNT:
        break;
    }
    return SL_EINVAL;
}

int sl_book_loan_set_rate_history(sl_book_loan *l, const sl_rate_history *history,
                                  const char *name)
{
    if (!l || !history)
        return SL_ENULL;
    l->history_name = name ? name : "rate history";
    l->history = history;
    return SL_OK;
}

/* Make room for n + 1 elements of size in *array (capacity *cap). */
static int reserve(void **array, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return SL_OK;
    size_t c = *cap ? *cap : 16;
    while (c <= n) /* index n must fit */
        if ((c *= 2) > SIZE_MAX / size)
            return SL_ENOMEM;
    if (c > SIZE_MAX / size)
        return SL_ENOMEM;
    void *p = realloc(*array, c * size);
    if (!p)
        return SL_ENOMEM;
    *array = p;
    *cap = c;
    return SL_OK;
}

int sl_book_loan_add_event(sl_book_loan *l, const sl_book_event *ev)
{
    if (!l || !ev)
        return SL_ENULL;
    void *p = l->events;
    int rc = reserve(&p, &l->event_cap, l->event_count, sizeof *ev);
    l->events = p;
    if (rc != SL_OK)
        return rc;
    l->events[l->event_count++] = *ev;
    return SL_OK;
}

/* ---- events ---- */

/* Lower case ASCII, æ/ø/å as ae/o/a, without ' ', '-', '_', ':'; 0 if too long. */
static int fold_kind(char *buf, size_t size, const char *text)
{
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        const char *rep = NULL;
        char one[2] = {0, 0};
        if (*p == ' ' || *p == '-' || *p == '_' || *p == ':')
            continue;
        if (p[0] == 0xC3 && p[1]) {
            unsigned c = p[1] | 0x20; /* å/Å, æ/Æ, ø/Ø */
            rep = c == 0xA5 ? "a" : c == 0xA6 ? "ae" : c == 0xB8 ? "o" : NULL;
            if (rep)
                p++;
        }
        if (!rep) {
            one[0] = (char)(*p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p);
            rep = one;
        }
        size_t n = strlen(rep);
        if (k + n >= size)
            return 0;
        memcpy(buf + k, rep, n);
        k += n;
    }
    buf[k] = '\0';
    return 1;
}

static const struct {
    const char *name; /* folded */
    sl_book_event_kind kind;
} kinds[] = {
    {"extra", SL_BOOK_EVENT_EXTRA},
    {"ekstra", SL_BOOK_EVENT_EXTRA},
    {"ekstrainnbetaling", SL_BOOK_EVENT_EXTRA},
    {"ekstraordinaerinnbetaling", SL_BOOK_EVENT_EXTRA},
    {"extrashorten", SL_BOOK_EVENT_EXTRA_SHORTEN},
    {"ekstraforkort", SL_BOOK_EVENT_EXTRA_SHORTEN},
    {"ratechange", SL_BOOK_EVENT_RATE_CHANGE},
    {"renteendring", SL_BOOK_EVENT_RATE_CHANGE},
    {"interestonly", SL_BOOK_EVENT_INTEREST_ONLY},
    {"avdragsfrihet", SL_BOOK_EVENT_INTEREST_ONLY},
    {"repayall", SL_BOOK_EVENT_REPAY_ALL},
    {"innfrielse", SL_BOOK_EVENT_REPAY_ALL},
};

int sl_book_event_parse(sl_book_event *out, const char *date, const char *kind, const char *value,
                        sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    sl_book_event e;
    memset(&e, 0, sizeof e);
    e.rate = (sl_rate)SL_RATE_ZERO;
    if (!date || !*date)
        return sl__fail(err, SL_ESYNTAX, "date", "", "date: empty");
    int rc = sl_date_parse_norwegian(&e.date, date, "date", err);
    if (rc != SL_OK)
        return rc;
    char f[40];
    size_t i = 0, nkinds = sizeof kinds / sizeof kinds[0];
    if (kind && fold_kind(f, sizeof f, kind))
        for (; i < nkinds; i++)
            if (strcmp(f, kinds[i].name) == 0)
                break;
    if (!kind || i == nkinds)
        return sl__fail(err, SL_ESYNTAX, "kind", kind ? kind : "",
                        "kind '%s': must be extra, extra-shorten, rate-change, interest-only "
                        "or repay-all",
                        kind ? kind : "");
    e.kind = kinds[i].kind;
    const char *v = value ? value : "";
    long n;
    switch (e.kind) {
    case SL_BOOK_EVENT_EXTRA:
    case SL_BOOK_EVENT_EXTRA_SHORTEN:
        if (!*v)
            return sl__fail(err, SL_ESYNTAX, "amount", "", "amount: empty (an extra payment)");
        rc = amount(&e.amount, v, "amount", err);
        if (rc != SL_OK)
            return rc;
        if (e.amount <= 0)
            return sl__fail(err, SL_EINVAL, "amount", v, "amount '%s': must be positive", v);
        break;
    case SL_BOOK_EVENT_RATE_CHANGE:
        if (!*v)
            return sl__fail(err, SL_ESYNTAX, "amount", "", "amount: empty (the new rate)");
        rc = sl_rate_parse_percent(&e.rate, v, "amount", err);
        if (rc != SL_OK)
            return rc;
        while (*v == ' ')
            v++;
        if (*v == '+' || *v == '-') { /* points from the rate in force, as sl-plan's D:+PTS */
            if (e.rate.num > e.rate.den || -e.rate.num > e.rate.den)
                return sl__fail(err, SL_EINVAL, "amount", v,
                                "amount '%s': a change must be within 100 points", v);
            e.kind = SL_BOOK_EVENT_RATE_MOVE;
        }
        break;
    case SL_BOOK_EVENT_RATE_MOVE: /* not a kind name: the sign of a rate change's value */
        break;
    case SL_BOOK_EVENT_INTEREST_ONLY:
        rc = whole(&n, v, "amount", 1, SL_PLAN_MAX_YEARS * 12, err);
        if (rc != SL_OK)
            return rc;
        e.terms = (int)n;
        break;
    case SL_BOOK_EVENT_REPAY_ALL:
        if (*v)
            return sl__fail(err, SL_EINVAL, "amount", v,
                            "amount '%s': a full repayment has no amount (it is the balance)", v);
        break;
    }
    *out = e;
    return SL_OK;
}

/* ---- the contract ---- */

static int field_error(sl_error *err, const sl_loan_terms *t, const sl_book_loan *l)
{
    if (!err)
        return SL_OK;
    int event_windows = t->interest_only_window_count > l->io_count;
    for (size_t i = 0; i < sizeof contract_fields / sizeof contract_fields[0]; i++)
        if (strcmp(err->field, contract_fields[i].contract) == 0 &&
            !(event_windows && contract_fields[i].field == SL_BOOK_INTEREST_ONLY)) {
            snprintf(err->field, sizeof err->field, "%s", field_names[contract_fields[i].field]);
            return SL_OK;
        }
    snprintf(err->field, sizeof err->field, "events");
    return SL_OK;
}

static int event_error(sl_error *err, int code, const sl_book_event *e, const char *why)
{
    char d[SL_DATE_BUFSIZE];
    sl_date_format(d, sizeof d, e->date);
    sl__fail(err, code, "events", d, "event on %s: %s", d, why);
    if (err)
        err->line = e->line;
    return code;
}

/* The first term due on or after d (1 when d is before the first due date). */
static int term_on_or_after(int *out, const sl_loan_terms *t, sl_date first, sl_date d)
{
    int step = 12 / t->terms_per_year;
    long months = ((long)d.year * 12 + d.month) - ((long)first.year * 12 + first.month);
    long k = months <= 0 ? 1 : months / step + 1;
    for (int guard = 0; guard < 3; guard++) {
        sl_date due;
        if (k > INT_MAX || sl__due_date(&due, t, first, (int)k) != SL_OK)
            return SL_ERANGE;
        if (sl_date_compare(due, d) >= 0)
            break;
        k++;
    }
    *out = (int)k;
    return SL_OK;
}

/* The rate history from the payout on: the rate in force at payout and the
 * changes after it, up to `last`. Changes on a date of one of the loan's own
 * rate-change events are left to the event. */
static int apply_history(sl_book_loan *l, sl_loan_terms *t, sl_date last, sl_error *err)
{
    char d[SL_DATE_BUFSIZE]; /* the payout date, formatted only for a message */
    sl_rate at_payout;
    sl_error e;
    if (sl_rate_history_at(&at_payout, l->history, t->payout_date, &e) != SL_OK) {
        sl_date_format(d, sizeof d, t->payout_date);
        return sl__fail(err, SL_EINVAL, "rate_history", l->history_name,
                        "rate_history %s: no rate at the payout date %s (%s)", l->history_name, d,
                        e.message);
    }
    if (l->have_rate && sl_rate_compare(t->nominal_rate, at_payout) != 0) {
        char a[SL_RATE_BUFSIZE], b[SL_RATE_BUFSIZE];
        sl_date_format(d, sizeof d, t->payout_date);
        sl_rate_format_percent(a, sizeof a, t->nominal_rate, SL_RATE_EXACT, SL_ROUND_HALF_UP, '.');
        sl_rate_format_percent(b, sizeof b, at_payout, SL_RATE_EXACT, SL_ROUND_HALF_UP, '.');
        return sl__fail(err, SL_EINVAL, "rate", a,
                        "rate %s: the loan follows %s, whose rate at payout %s is %s (leave "
                        "the rate empty)",
                        a, l->history_name, d, b);
    }
    const sl_rate_change *changes = NULL; /* in the history, checked when it was read */
    const int *keys = NULL;
    size_t count = 0, n = 0;
    sl__error_reset(&e);
    if (sl_date_compare(last, t->payout_date) > 0 &&
        sl__rate_history_slice(&changes, &keys, &count, l->history, t->payout_date, last, &e) !=
            SL_OK)
        return sl__fail(err, SL_EINVAL, "rate_history", l->history_name,
                        "rate_history %s: %s", l->history_name, e.message);
    t->nominal_rate = at_payout;
    int own = 0; /* rate changes of the loan's own */
    for (size_t j = 0; j < l->event_count && !own; j++)
        own = l->events[j].kind == SL_BOOK_EVENT_RATE_CHANGE ||
              l->events[j].kind == SL_BOOK_EVENT_RATE_MOVE;
    if (!own) { /* the history's changes where they lie, not copied */
        t->rate_changes = count ? changes : NULL;
        t->rate_change_count = count;
        l->change_keys = count ? keys : NULL;
        l->changes_known =
            t->margin.num == 0 || sl__rate_history_margin_ok(l->history, t->margin);
        return SL_OK;
    }
    void *p = l->changes; /* room for them all at once */
    if (count && reserve(&p, &l->change_cap, count - 1, sizeof *l->changes) != SL_OK)
        return sl__fail(err, SL_ENOMEM, "rate_history", "", "out of memory");
    l->changes = p;
    for (size_t i = 0; i < count; i++) {
        int mine = 0;
        for (size_t j = 0; j < l->event_count && !mine; j++)
            mine = (l->events[j].kind == SL_BOOK_EVENT_RATE_CHANGE ||
                    l->events[j].kind == SL_BOOK_EVENT_RATE_MOVE) &&
                   sl_date_compare(l->events[j].date, changes[i].date) == 0;
        if (!mine)
            l->changes[n++] = changes[i];
    }
    t->rate_changes = l->changes;
    t->rate_change_count = n;
    return SL_OK;
}

static int by_date(const void *a, const void *b)
{
    return sl_date_compare(((const sl_rate_change *)a)->date, ((const sl_rate_change *)b)->date);
}

static int event_by_date(const void *a, const void *b)
{
    return sl_date_compare((*(const sl_book_event *const *)a)->date,
                           (*(const sl_book_event *const *)b)->date);
}

/* The loan's `count` rate moves (changes by points), in date order, each
 * from the rate in force the day before: the latest of changes[0..n) (the
 * history's and the loan's own, sorted here; the engine takes them in any
 * order) or of the moves before it, else the rate at payout; as
 * sl_rate_changes_resolve resolves sl-plan's --rate-change D:+PTS. A
 * history change on a move's date was left out (apply_history), so any
 * change on it is the loan's own: a second change that day. The moves are
 * appended to changes (room reserved by the caller). One sort each, then
 * one walk: a long history or many moves stay n log n. */
static int add_rate_moves(sl_book_loan *l, sl_loan_terms *t, size_t count, size_t *n,
                          sl_error *err)
{
    const sl_book_event **moves = malloc(count * sizeof *moves);
    if (!moves)
        return sl__fail(err, SL_ENOMEM, "events", "", "out of memory");
    size_t m = 0;
    for (size_t i = 0; i < l->event_count; i++)
        if (l->events[i].kind == SL_BOOK_EVENT_RATE_MOVE)
            moves[m++] = &l->events[i];
    qsort(moves, m, sizeof *moves, event_by_date);
    qsort(l->changes, *n, sizeof *l->changes, by_date);
    size_t k = 0, fixed = *n;
    sl_rate base = t->nominal_rate;
    int rc = SL_OK;
    for (size_t i = 0; i < m && rc == SL_OK; i++) {
        const sl_book_event *e = moves[i];
        for (; k < fixed && sl_date_compare(l->changes[k].date, e->date) < 0; k++)
            base = l->changes[k].rate;
        sl_rate r;
        if ((k < fixed && sl_date_compare(l->changes[k].date, e->date) == 0) ||
            (i && sl_date_compare(moves[i - 1]->date, e->date) == 0))
            rc = event_error(err, SL_EINVAL, e, "a second rate change on that date");
        else if (sl_rate_add(&r, base, e->rate) != SL_OK || r.num < 0 || r.num > r.den)
            rc = event_error(err, SL_EINVAL, e,
                             "the rate after this change would be outside 0 to 100 %");
        else
            l->changes[(*n)++] = (sl_rate_change){e->date, base = r};
    }
    free(moves);
    return rc;
}

/* latest: the last date a rate change may fall on (a kept payment runs on). */
static int add_events(sl_book_loan *l, sl_loan_terms *t, sl_date first, sl_date last,
                      sl_date latest, sl_error *err)
{
    size_t moves = 0;
    size_t nc = t->rate_change_count, nx = 0, nw = 0;
    for (size_t i = 0; i < l->io_count; i++) { /* the interest_only column's first */
        void *p = l->windows;
        if (reserve(&p, &l->window_cap, nw, sizeof *l->windows) != SL_OK)
            return sl__fail(err, SL_ENOMEM, "events", "", "out of memory");
        l->windows = p;
        l->windows[nw++] = l->io[i];
    }
    for (size_t i = 0; i < l->event_count; i++) {
        const sl_book_event *e = &l->events[i];
        int c = sl_date_compare(e->date, t->payout_date);
        if (c < 0 || (c == 0 && e->kind != SL_BOOK_EVENT_RATE_CHANGE &&
                      e->kind != SL_BOOK_EVENT_RATE_MOVE))
            return event_error(err, SL_EINVAL, e, "not after the payout date");
        int rate = e->kind == SL_BOOK_EVENT_RATE_CHANGE || e->kind == SL_BOOK_EVENT_RATE_MOVE;
        if (sl_date_compare(e->date, rate ? latest : last) > 0)
            return event_error(err, SL_EINVAL, e, "after the loan's last due date");
        void *p;
        int rc = SL_OK;
        switch (e->kind) {
        case SL_BOOK_EVENT_EXTRA:
        case SL_BOOK_EVENT_EXTRA_SHORTEN:
            p = l->extras;
            rc = reserve(&p, &l->extra_cap, nx, sizeof *l->extras);
            l->extras = p;
            if (rc == SL_OK)
                l->extras[nx++] = (sl_extra_payment){e->date, e->amount,
                                                     e->kind == SL_BOOK_EVENT_EXTRA_SHORTEN};
            break;
        case SL_BOOK_EVENT_RATE_CHANGE:
            for (size_t j = t->rate_change_count; j < nc; j++)
                if (sl_date_compare(l->changes[j].date, e->date) == 0)
                    return event_error(err, SL_EINVAL, e, "a second rate change on that date");
            p = l->changes;
            rc = reserve(&p, &l->change_cap, nc, sizeof *l->changes);
            l->changes = p;
            if (rc == SL_OK)
                l->changes[nc++] = (sl_rate_change){e->date, e->rate};
            break;
        case SL_BOOK_EVENT_INTEREST_ONLY: {
            int k;
            if (term_on_or_after(&k, t, first, e->date) != SL_OK)
                return event_error(err, SL_ERANGE, e, "no term on or after that date");
            p = l->windows;
            rc = reserve(&p, &l->window_cap, nw, sizeof *l->windows);
            l->windows = p;
            if (rc == SL_OK)
                l->windows[nw++] = (sl_interest_only_window){k, e->terms};
            break;
        }
        case SL_BOOK_EVENT_REPAY_ALL:
            if (t->repay_date.year)
                return event_error(err, SL_EINVAL, e, "a second full repayment");
            t->repay_date = e->date;
            break;
        case SL_BOOK_EVENT_RATE_MOVE:
            moves++; /* resolved below, when every absolute rate is known */
            break;
        }
        if (rc != SL_OK)
            return sl__fail(err, rc, "events", "", "out of memory");
    }
    if (moves) {
        void *p = l->changes;
        if (reserve(&p, &l->change_cap, nc + moves - 1, sizeof *l->changes) != SL_OK)
            return sl__fail(err, SL_ENOMEM, "events", "", "out of memory");
        l->changes = p;
        int rc = add_rate_moves(l, t, moves, &nc, err);
        if (rc != SL_OK)
            return rc;
    }
    if (nc != t->rate_change_count) /* else they stay where apply_history left them */
        t->rate_changes = l->changes;
    t->rate_change_count = nc;
    t->extra_payments = l->extras;
    t->extra_payment_count = nx;
    t->interest_only_windows = l->windows;
    t->interest_only_window_count = nw;
    return SL_OK;
}

int sl_book_loan_terms(const sl_loan_terms **out, sl_book_loan *l, sl_date until, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!l)
        return sl__null(err, "loan");
    sl_loan_terms *t = &l->built;
    *t = l->terms;
    l->change_keys = NULL;
    l->changes_known = 0;
    if (l->years) { /* the years column gives the terms, at the loan's terms per year */
        int n = l->years * t->terms_per_year;
        if (t->terms && t->terms != n) {
            char v[16];
            snprintf(v, sizeof v, "%d", l->years);
            return sl__fail(err, SL_EINVAL, "years", v,
                            "years %d: %d terms at %d a year, but terms is %d", l->years, n,
                            t->terms_per_year, t->terms);
        }
        t->terms = n;
    }
    if (!l->history && !l->have_rate)
        return sl__fail(err, SL_EINVAL, "rate", "", "rate: empty (and no rate history)");
    if (l->history || l->event_count) {
        if (!t->payout_date.year)
            return sl__fail(err, SL_EINVAL, "payout_date", "",
                            "payout_date: empty; a rate history and events need it");
        /* The contract without history or events first: it gives the
         * schedule. Without a rate column the rate is the history's, not yet
         * known: the margin is tested against it in the check at the end
         * (against the empty rate, 0, a negative margin was refused). */
        sl_loan_terms schedule = *t;
        if (!l->have_rate)
            schedule.margin = (sl_rate)SL_RATE_ZERO;
        int rc = sl_loan_terms_check(&schedule, err);
        if (rc != SL_OK)
            return field_error(err, t, l), rc;
        sl_date first, last;
        if (sl__first_due(&first, t) != SL_OK ||
            sl__due_date(&last, t, first, sl__terms_count(t)) != SL_OK)
            return sl__fail(err, SL_ERANGE, "payout_date", "", "the schedule ends after 9999");
        /* a kept payment may run past the last term: its rates up to 50 years */
        sl_date latest = last;
        if (t->rate_change_keeps_payment &&
            sl__due_date(&latest, t, first, sl__terms_limit(t)) != SL_OK)
            return sl__fail(err, SL_ERANGE, "payout_date", "", "the schedule ends after 9999");
        sl_date upto = until.year && sl_date_compare(until, latest) < 0 ? until : latest;
        if (l->history && (rc = apply_history(l, t, upto, err)) != SL_OK)
            return rc;
        if ((rc = add_events(l, t, first, last, latest, err)) != SL_OK)
            return rc;
    }
    int rc = l->changes_known ? sl__loan_terms_check_known_changes(t, err)
                              : sl_loan_terms_check(t, err);
    if (rc != SL_OK)
        return field_error(err, t, l), rc;
    *out = t;
    return SL_OK;
}

int sl_book_loan_plan(sl_plan **out, sl_book_loan *l, sl_date until, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    *out = NULL;
    const sl_loan_terms *t;
    int rc = sl_book_loan_terms(&t, l, until, err);
    /* checked: the plan takes it as it is, the history's changes by reference */
    return rc == SL_OK ? sl__plan_new_checked(out, t, l->change_keys, err) : rc;
}
