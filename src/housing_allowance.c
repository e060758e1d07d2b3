/* Housing allowance (bostøtte): the estimate from a caller's rule set, and
 * the parser of a rule file. Exact: GMP rationals, one rounding per reported
 * step. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_internal.h"
#include "arith_internal.h"
#include "startlan/housing_allowance.h"
#include "textfile_internal.h"
#include "startlan/plan.h"

void sl_housing_allowance_rules_init(sl_housing_allowance_rules *rules)
{
    if (rules) {
        sl_housing_allowance_rules init = SL_HOUSING_ALLOWANCE_RULES_INIT;
        *rules = init;
    }
}

void sl_housing_allowance_input_init(sl_housing_allowance_input *input)
{
    if (input) {
        sl_housing_allowance_input init = SL_HOUSING_ALLOWANCE_INPUT_INIT;
        *input = init;
    }
}

/* ---- the rule file ---- */

typedef enum { K_DATE, K_DATE_OPT, K_RATE, K_MONEY } key_type;

/* One key: its name, its type and where it goes. */
typedef struct key {
    const char *name;
    key_type type;
    size_t offset;
} key;

#define R_(field) offsetof(sl_housing_allowance_rules, field)
static const key keys[] = {
    {"valid-from", K_DATE, R_(valid_from)},
    {"valid-until", K_DATE_OPT, R_(valid_until)},
    {"payout-rate", K_RATE, R_(payout_rate)},
    {"weight-other", K_RATE, R_(weight_other)},
    {"min-own-share", K_MONEY, R_(min_own_share)},
    {"own-share-threshold", K_MONEY, R_(own_share_threshold)},
    {"own-share-rate", K_RATE, R_(own_share_rate)},
    {"progressive-threshold", K_MONEY, R_(progressive_threshold)},
    {"progressive-rate", K_RATE, R_(progressive_rate)},
    {"progressive-step", K_MONEY, R_(progressive_step)},
    {"ceiling-1", K_MONEY, R_(ceiling[0])},
    {"ceiling-2", K_MONEY, R_(ceiling[1])},
    {"ceiling-3", K_MONEY, R_(ceiling[2])},
    {"ceiling-4", K_MONEY, R_(ceiling[3])},
    {"ceiling-5", K_MONEY, R_(ceiling[4])},
    {"group-1-addition", K_MONEY, R_(group_addition[0])},
    {"group-2-addition", K_MONEY, R_(group_addition[1])},
    {"group-3-addition", K_MONEY, R_(group_addition[2])},
    {"group-4-addition", K_MONEY, R_(group_addition[3])},
    {"owner-operating-costs", K_MONEY, R_(owner_operating_costs)},
    {"minimum-payout", K_MONEY, R_(minimum_payout)},
};
#define KEYS (sizeof keys / sizeof keys[0])

static int fail_line(sl_error *err, int code, long line, const char *field, const char *value,
                     const char *why)
{
    int rc = sl__fail(err, code, field, value, "line %ld: %s '%s': %s", line, field, value, why);
    if (err)
        err->line = line;
    return rc;
}

/* One "key value" line (already without comment and surrounding blanks). */
static int parse_line(sl_housing_allowance_rules *r, int seen[KEYS], char *text, long line,
                      sl_error *err)
{
    char *value = text + strcspn(text, " \t");
    if (*value)
        *value++ = 0;
    value += strspn(value, " \t");
    size_t k = 0;
    while (k < KEYS && strcmp(keys[k].name, text) != 0)
        k++;
    if (k == KEYS)
        return fail_line(err, SL_ESYNTAX, line, "key", text, "unknown key");
    if (seen[k])
        return fail_line(err, SL_ESYNTAX, line, keys[k].name, value, "given twice");
    if (!*value)
        return fail_line(err, SL_ESYNTAX, line, keys[k].name, value, "no value");
    char *p = (char *)r + keys[k].offset;
    int rc = SL_OK;
    sl_error inner;
    switch (keys[k].type) {
    case K_DATE:
    case K_DATE_OPT:
        rc = sl_date_parse((sl_date *)p, value, keys[k].name, &inner);
        break;
    case K_RATE:
        rc = sl_rate_parse_percent((sl_rate *)p, value, keys[k].name, &inner);
        break;
    case K_MONEY:
        rc = sl_money_parse((sl_money *)p, value, keys[k].name, &inner);
        if (rc == SL_OK && *(sl_money *)p < 0)
            rc = SL_EINVAL;
        break;
    }
    if (rc != SL_OK)
        return fail_line(err, SL_EINVAL, line, keys[k].name, value,
                         keys[k].type == K_MONEY ? "must be an amount of kroner, 0 or more"
                         : keys[k].type == K_RATE ? "must be a percent"
                                                  : "must be a date YYYY-MM-DD");
    seen[k] = 1;
    return SL_OK;
}

int sl_housing_allowance_rules_parse(sl_housing_allowance_rules *out, const char *text,
                                     sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!text)
        return sl__null(err, "text");
    sl_housing_allowance_rules r = SL_HOUSING_ALLOWANCE_RULES_INIT;
    int seen[KEYS] = {0};
    long line = 0;
    const char *p = text;
    if (strncmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3; /* Notepad's UTF-8 byte-order mark, as the other data files skip it */
    while (*p) {
        line++;
        const char *next;
        size_t n = sl__text_line(p, &next);
        char buf[512];
        if (n >= sizeof buf)
            return fail_line(err, SL_ESYNTAX, line, "line", "", "longer than 511 bytes");
        memcpy(buf, p, n);
        buf[n] = 0;
        p = next;
        buf[strcspn(buf, "#")] = 0;
        char *s = buf + strspn(buf, " \t");
        size_t len = strlen(s);
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
            s[--len] = 0;
        if (!*s)
            continue;
        int rc = parse_line(&r, seen, s, line, err);
        if (rc != SL_OK)
            return rc;
    }
    for (size_t k = 0; k < KEYS; k++)
        if (!seen[k] && keys[k].type != K_DATE_OPT)
            return sl__fail(err, SL_EINVAL, keys[k].name, "", "the rules lack '%s'",
                            keys[k].name);
    *out = r;
    return SL_OK;
}

/* ---- the estimate ---- */

static int check_rules(const sl_housing_allowance_rules *r, sl_error *err)
{
    if (!r)
        return sl__null(err, "rules");
    int vrc = sl__check_version(err, "sl_housing_allowance_rules", r->version, 1,
                                SL_HOUSING_ALLOWANCE_RULES_VERSION);
    if (vrc != SL_OK)
        return vrc;
    if (!sl_date_is_valid(r->valid_from))
        return sl__fail_date(err, SL_EINVAL, "valid_from", r->valid_from, "required");
    const struct {
        const char *field;
        sl_rate v;
    } rates[] = {{"payout_rate", r->payout_rate},
                 {"weight_other", r->weight_other},
                 {"own_share_rate", r->own_share_rate},
                 {"progressive_rate", r->progressive_rate}};
    sl_rate zero = SL_RATE_ZERO, one = {1, 1};
    for (size_t i = 0; i < 4; i++)
        if (rates[i].v.den <= 0 || sl_rate_compare(rates[i].v, zero) < 0 ||
            sl_rate_compare(rates[i].v, one) > 0)
            return sl__fail_rate(err, SL_EINVAL, rates[i].field, rates[i].v,
                                 "must be from 0 to 100 %");
    if (r->progressive_step <= 0)
        return sl__fail_money(err, SL_EINVAL, "progressive_step", r->progressive_step,
                              "must be positive");
    const sl_money *amounts[] = {&r->min_own_share,         &r->own_share_threshold,
                                 &r->progressive_threshold, &r->owner_operating_costs,
                                 &r->minimum_payout,        &r->ceiling[0],
                                 &r->ceiling[1],            &r->ceiling[2],
                                 &r->ceiling[3],            &r->ceiling[4],
                                 &r->group_addition[0],     &r->group_addition[1],
                                 &r->group_addition[2],     &r->group_addition[3]};
    for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++)
        if (*amounts[i] < 0 || *amounts[i] > SL_PLAN_MAX_PRINCIPAL)
            return sl__fail_money(err, SL_EINVAL, "rules", *amounts[i],
                                  "a rule amount must be from 0 to 1 000 000 000 000 kr");
    return SL_OK;
}

static int check_input(const sl_housing_allowance_input *in, const sl_housing_allowance_rules *r,
                       sl_error *err)
{
    if (!in)
        return sl__null(err, "input");
    int vrc = sl__check_version(err, "sl_housing_allowance_input", in->version, 1,
                                SL_HOUSING_ALLOWANCE_INPUT_VERSION);
    if (vrc != SL_OK)
        return vrc;
    if (!sl_date_is_valid(in->date))
        return sl__fail_date(err, SL_EINVAL, "date", in->date, "no such date");
    if (sl_date_compare(in->date, r->valid_from) < 0 ||
        (r->valid_until.year && sl_date_compare(in->date, r->valid_until) >= 0))
        return sl__fail_date(err, SL_EINVAL, "date", in->date,
                             "outside the period of the housing-allowance rules given");
    if (in->persons < 1 || in->persons > 100)
        return sl__fail_int(err, SL_EINVAL, "persons", in->persons, "must be from 1 to 100");
    if (in->kommune_group < 1 || in->kommune_group > SL_KOMMUNE_GROUPS)
        return sl__fail_int(err, SL_EINVAL, "kommune_group", in->kommune_group,
                            "must be 1 (Oslo), 2, 3 or 4 (the rest of the country)");
    if (in->gross_income_yearly < 0 || in->gross_income_yearly > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, SL_EINVAL, "gross_income_yearly", in->gross_income_yearly,
                              "must be from 0 to 1 000 000 000 000 kr");
    if (in->housing_costs_yearly < 0 || in->housing_costs_yearly > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, SL_EINVAL, "housing_costs_yearly", in->housing_costs_yearly,
                              "must be from 0 to 1 000 000 000 000 kr");
    return SL_OK;
}

/* round(q) half up to an integer (q >= 0 here). */
static void round_half_up(mpz_t out, const mpq_t q)
{
    mpz_t num;
    mpz_init(num);
    mpz_mul_2exp(num, mpq_numref(q), 1);
    mpz_add(num, num, mpq_denref(q));
    mpz_mul_2exp(out, mpq_denref(q), 1);
    mpz_fdiv_q(out, num, out);
    mpz_clear(num);
}

static void mpq_set_money(mpq_t q, sl_money v)
{
    mpz_t z;
    mpz_init(z);
    sl__mpz_set_i64(z, v);
    mpq_set_z(q, z);
    mpz_clear(z);
}

int sl_housing_allowance_estimate(sl_housing_allowance *out,
                                  const sl_housing_allowance_input *in,
                                  const sl_housing_allowance_rules *r, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    int rc = check_rules(r, err);
    if (rc == SL_OK)
        rc = check_input(in, r, err);
    if (rc != SL_OK)
        return rc;
    sl_housing_allowance a;
    memset(&a, 0, sizeof a);
    mpq_t q, t, w, own;
    mpz_t z, kr;
    mpq_inits(q, t, w, own, NULL);
    mpz_inits(z, kr, NULL);

    /* Weighted income in whole kroner: G / 100 / (1 + w·(n−1)), half up. */
    sl_rate_to_mpq(w, r->weight_other);
    mpq_set_ui(t, (unsigned long)(in->persons - 1), 1);
    mpq_mul(w, w, t);
    mpq_set_ui(t, 1, 1);
    mpq_add(w, w, t);
    mpq_set_money(q, in->gross_income_yearly);
    mpq_set_ui(t, 100, 1);
    mpq_div(q, q, t);
    mpq_div(q, q, w);
    round_half_up(kr, q);
    mpz_mul_ui(z, kr, 100);
    rc = sl__mpz_get_i64(&a.weighted_income, z);

    /* Own share (in øre, exact): minimum + p1·(W − T1)+ + progressive. */
    mpq_set_money(own, r->min_own_share);
    if (rc == SL_OK && a.weighted_income > r->own_share_threshold) {
        mpq_set_money(q, a.weighted_income - r->own_share_threshold);
        sl_rate_to_mpq(t, r->own_share_rate);
        mpq_mul(q, q, t);
        mpq_add(own, own, q);
    }
    if (rc == SL_OK && a.weighted_income > r->progressive_threshold) {
        /* The rate is p2 at threshold + 1 kr and rises by p2 for each full
         * step above it: p2·(1 + ⌊(W − threshold − 1 kr) / step⌋), of all of W. */
        sl_money above = a.weighted_income - r->progressive_threshold - 100;
        unsigned long steps = (unsigned long)(above / r->progressive_step) + 1;
        sl_rate_to_mpq(t, r->progressive_rate);
        mpq_set_ui(q, steps, 1);
        mpq_mul(t, t, q);
        mpq_set_money(q, a.weighted_income);
        mpq_mul(q, q, t);
        mpq_add(own, own, q);
    }
    round_half_up(z, own);
    if (rc == SL_OK)
        rc = sl__mpz_get_i64(&a.own_share, z);

    if (rc == SL_OK) {
        a.costs = in->housing_costs_yearly +
                  (in->owner_without_common_costs ? r->owner_operating_costs : 0);
        int size = in->persons < SL_ALLOWANCE_SIZES ? in->persons : SL_ALLOWANCE_SIZES;
        a.ceiling = r->ceiling[size - 1] + r->group_addition[in->kommune_group - 1];
        a.approved = a.costs < a.ceiling ? a.costs : a.ceiling;
        /* Basis and allowance from the exact own share. */
        mpq_set_money(q, a.approved);
        mpq_sub(q, q, own);
        if (mpq_sgn(q) < 0)
            mpq_set_ui(q, 0, 1);
        round_half_up(z, q);
        rc = sl__mpz_get_i64(&a.basis, z);
        /* monthly = rate · basis / 12, down to whole kroner (100 øre). */
        sl_rate_to_mpq(t, r->payout_rate);
        mpq_mul(q, q, t);
        mpq_set_ui(t, 1200, 1);
        mpq_div(q, q, t);
        mpz_fdiv_q(z, mpq_numref(q), mpq_denref(q));
        mpz_mul_ui(z, z, 100);
        if (rc == SL_OK)
            rc = sl__mpz_get_i64(&a.monthly, z);
        if (rc == SL_OK && a.monthly > 0 && a.monthly < r->minimum_payout) {
            a.monthly = 0;
            a.below_minimum = 1;
        }
    }
    mpq_clears(q, t, w, own, NULL);
    mpz_clears(z, kr, NULL);
    if (rc != SL_OK)
        return sl__fail(err, rc, "gross_income_yearly", "", "the estimate is out of range");
    *out = a;
    return SL_OK;
}
