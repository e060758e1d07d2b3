/* The loan contract: defaults and validation, done once before the engine runs. */
#include <stdio.h>
#include <string.h>

#include "arith_internal.h"
#include "startlan/plan.h"

void sl_loan_terms_init(sl_loan_terms *terms)
{
    if (terms) {
        sl_loan_terms init = SL_LOAN_TERMS_INIT;
        *terms = init;
    }
}

static int money_field(sl_error *err, int code, const char *field, sl_money v, const char *why)
{
    char text[SL_MONEY_BUFSIZE];
    sl_money_format(text, sizeof text, v, SL_MONEY_PLAIN);
    return sl__fail(err, code, field, text, "%s %s: %s", field, text, why);
}

static int int_field(sl_error *err, int code, const char *field, long v, const char *why)
{
    char text[24];
    snprintf(text, sizeof text, "%ld", v);
    return sl__fail(err, code, field, text, "%s %s: %s", field, text, why);
}

int sl_loan_terms_check(const sl_loan_terms *t, sl_error *err)
{
    if (!t)
        return sl__fail(err, SL_ESTATE, "terms", "", "no loan terms given");
    if (t->version < 1 || t->version > SL_LOAN_TERMS_VERSION)
        return int_field(err, SL_EVERSION, "version", (long)t->version,
                         "unknown version of sl_loan_terms (initialise with SL_LOAN_TERMS_INIT)");
    if (t->principal <= 0)
        return money_field(err, SL_EINVAL, "principal", t->principal, "the loan must be positive");
    if (t->principal > SL_PLAN_MAX_PRINCIPAL)
        return money_field(err, SL_ERANGE, "principal", t->principal,
                           "larger than the supported maximum of 1 000 000 000 000 kr");
    sl_rate r = t->nominal_rate;
    if (r.den <= 0 || r.den > SL_PLAN_MAX_RATE_DENOMINATOR || r.num < 0 || r.num > r.den) {
        char text[SL_RATE_BUFSIZE];
        if (r.den <= 0 || sl_rate_format_percent(text, sizeof text, r, 6, SL_ROUND_HALF_UP, '.') < 0)
            strcpy(text, "?");
        return sl__fail(err, r.den > SL_PLAN_MAX_RATE_DENOMINATOR ? SL_ERANGE : SL_EINVAL,
                        "nominal_rate", text, "nominal_rate %s %%: must be from 0 to 100 %%%s",
                        text, r.den > SL_PLAN_MAX_RATE_DENOMINATOR ? " with at most 13 decimals" : "");
    }
    int k = t->terms_per_year;
    if (k != 12 && k != 4 && k != 2 && k != 1)
        return int_field(err, SL_EINVAL, "terms_per_year", k, "must be 12, 4, 2 or 1");
    if (t->terms < 1)
        return int_field(err, SL_EINVAL, "terms", t->terms, "must be at least 1");
    if (t->terms > SL_PLAN_MAX_YEARS * k)
        return int_field(err, SL_EINVAL, "terms", t->terms, "longer than 50 years");
    if (t->type != SL_LOAN_ANNUITY && t->type != SL_LOAN_SERIAL)
        return int_field(err, SL_EINVAL, "type", (long)t->type, "must be annuity or serial");
    if (t->interest_only_terms < 0 || t->interest_only_terms >= t->terms)
        return int_field(err, SL_EINVAL, "interest_only_terms", t->interest_only_terms,
                         "must be from 0 to one less than the number of terms");
    if (t->term_fee < 0 || t->term_fee > SL_PLAN_MAX_PRINCIPAL)
        return money_field(err, t->term_fee < 0 ? SL_EINVAL : SL_ERANGE, "term_fee", t->term_fee,
                           "must be from 0 to 1 000 000 000 000 kr");
    if (t->establishment_fee < 0 || t->establishment_fee > SL_PLAN_MAX_PRINCIPAL)
        return money_field(err, t->establishment_fee < 0 ? SL_EINVAL : SL_ERANGE,
                           "establishment_fee", t->establishment_fee,
                           "must be from 0 to 1 000 000 000 000 kr");
    if (!sl__rounding_valid(t->payment_rounding))
        return int_field(err, SL_EINVAL, "payment_rounding", (long)t->payment_rounding.mode,
                         "unknown rounding unit or mode");
    sl_date d = t->payout_date;
    if (d.year != 0 || d.month != 0 || d.day != 0) {
        char text[24];
        snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
        if (!sl_date_is_valid(d))
            return sl__fail(err, SL_EINVAL, "payout_date", text, "payout_date %s: no such date",
                            text);
        sl_date last;
        if (sl_date_add_months(&last, d, t->terms * (12 / k), d.day) != SL_OK)
            return sl__fail(err, SL_ERANGE, "payout_date", text,
                            "payout_date %s: the last due date would be after year 9999", text);
    }
    return SL_OK;
}

int sl_loan_type_parse(sl_loan_type *out, const char *text)
{
    if (!out || !text)
        return SL_ESTATE;
    if (strcmp(text, "annuity") == 0 || strcmp(text, "annuitet") == 0) {
        *out = SL_LOAN_ANNUITY;
        return SL_OK;
    }
    if (strcmp(text, "serial") == 0 || strcmp(text, "serie") == 0) {
        *out = SL_LOAN_SERIAL;
        return SL_OK;
    }
    return SL_ESYNTAX;
}

const char *sl_loan_type_name(sl_loan_type type)
{
    switch (type) {
    case SL_LOAN_ANNUITY:
        return "annuity";
    case SL_LOAN_SERIAL:
        return "serial";
    }
    return NULL;
}
