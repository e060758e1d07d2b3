/* The income tax estimate for wage income and the interest deduction
 * (tax.h): exact in øre, each tax rounded once, half up. */
#include <gmp.h>
#include <string.h>

#include "api_internal.h"
#include "arith_internal.h"
#include "startlan/tax.h"

/* 1 000 000 000 kr: far above any household, far below overflow. */
#define MAX_GROSS ((sl_money)100000000000LL)

static int rate_ok(sl_rate r)
{
    return r.den > 0 && r.num >= 0 && r.num <= r.den;
}

static int amount_ok(sl_money m)
{
    return m >= 0 && m <= MAX_GROSS;
}

int sl_tax_rules_check(const sl_tax_rules *t, sl_error *err)
{
    sl__error_reset(err);
    if (!t)
        return sl__null(err, "rules");
    int rc = sl__check_version(err, "sl_tax_rules", t->version, 1, SL_TAX_RULES_VERSION);
    if (rc != SL_OK)
        return rc;
    if (!rate_ok(t->ordinary_rate))
        return sl__fail_rate(err, SL_EINVAL, "ordinary_rate", t->ordinary_rate, "must be 0 to 100 %");
    if (!rate_ok(t->minimum_deduction_rate))
        return sl__fail_rate(err, SL_EINVAL, "minimum_deduction_rate", t->minimum_deduction_rate,
                             "must be 0 to 100 %");
    if (!rate_ok(t->social_security_rate))
        return sl__fail_rate(err, SL_EINVAL, "social_security_rate", t->social_security_rate,
                             "must be 0 to 100 %");
    if (!rate_ok(t->social_security_phase_in))
        return sl__fail_rate(err, SL_EINVAL, "social_security_phase_in",
                             t->social_security_phase_in, "must be 0 to 100 %");
    if (!amount_ok(t->personal_allowance))
        return sl__fail_money(err, SL_EINVAL, "personal_allowance", t->personal_allowance,
                              "must be 0 to 1 000 000 000 kr");
    if (!amount_ok(t->minimum_deduction_max))
        return sl__fail_money(err, SL_EINVAL, "minimum_deduction_max", t->minimum_deduction_max,
                              "must be 0 to 1 000 000 000 kr");
    if (!amount_ok(t->social_security_floor))
        return sl__fail_money(err, SL_EINVAL, "social_security_floor", t->social_security_floor,
                              "must be 0 to 1 000 000 000 kr");
    if (t->steps < 0 || t->steps > SL_TAX_MAX_STEPS)
        return sl__fail_int(err, SL_EINVAL, "steps", t->steps, "must be 0 to 8");
    for (int k = 0; k < t->steps; k++) {
        if (!amount_ok(t->step_from[k]) || (k && t->step_from[k] <= t->step_from[k - 1]))
            return sl__fail_money(err, SL_EINVAL, "step_from", t->step_from[k],
                                  "the steps must start at increasing amounts from 0");
        if (!rate_ok(t->step_rate[k]))
            return sl__fail_rate(err, SL_EINVAL, "step_rate", t->step_rate[k], "must be 0 to 100 %");
    }
    return SL_OK;
}

/* rate × amount, rounded half up to the øre. */
static int pct_of(sl_money *out, sl_rate r, sl_money amount)
{
    return sl__muldiv_round(out, NULL, amount, r.num, r.den, 1, 1, SL_ROUND_HALF_UP);
}

/* Trinnskatt: the exact sum of every step's rate × base, rounded once. */
static int bracket_tax(sl_tax_estimate *e, const sl_tax_rules *t)
{
    mpq_t sum, piece;
    mpz_t z;
    mpq_inits(sum, piece, NULL);
    mpz_init(z);
    for (int k = 0; k < t->steps; k++) {
        sl_money top = k + 1 < t->steps ? t->step_from[k + 1] : e->gross;
        if (top > e->gross)
            top = e->gross;
        sl_money base = top > t->step_from[k] ? top - t->step_from[k] : 0;
        e->step_base[k] = base;
        sl__mpz_set_i64(mpq_numref(piece), base);
        sl__mpz_set_i64(z, t->step_rate[k].num);
        mpz_mul(mpq_numref(piece), mpq_numref(piece), z);
        sl__mpz_set_i64(mpq_denref(piece), t->step_rate[k].den);
        mpq_canonicalize(piece);
        mpq_add(sum, sum, piece);
    }
    int rc = sl__mpz_round_quotient(z, NULL, mpq_numref(sum), mpq_denref(sum), 1,
                                    SL_ROUND_HALF_UP);
    if (rc == SL_OK)
        rc = sl__mpz_get_i64(&e->bracket_tax, z);
    mpq_clears(sum, piece, NULL);
    mpz_clear(z);
    return rc;
}

int sl_tax_estimate_wage(sl_tax_estimate *out, sl_money gross, const sl_tax_rules *t,
                         sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    int rc = sl_tax_rules_check(t, err);
    if (rc != SL_OK)
        return rc;
    if (!amount_ok(gross))
        return sl__fail_money(err, gross < 0 ? SL_EINVAL : SL_ERANGE, "gross", gross,
                              "yearly gross income must be from 0 to 1 000 000 000 kr");
    sl_tax_estimate e;
    memset(&e, 0, sizeof e);
    e.year = t->year;
    e.gross = gross;
    e.steps = t->steps;
    if ((rc = pct_of(&e.minimum_deduction, t->minimum_deduction_rate, gross)) != SL_OK)
        return sl__fail_money(err, rc, "gross", gross, "minstefradrag out of range");
    if (e.minimum_deduction > t->minimum_deduction_max)
        e.minimum_deduction = t->minimum_deduction_max;
    e.personal_allowance = t->personal_allowance;
    e.ordinary_income = gross - e.minimum_deduction - e.personal_allowance;
    if (e.ordinary_income < 0)
        e.ordinary_income = 0;
    if ((rc = pct_of(&e.ordinary_tax, t->ordinary_rate, e.ordinary_income)) != SL_OK)
        return sl__fail_money(err, rc, "gross", gross, "tax out of range");
    if (gross > t->social_security_floor) {
        sl_money full, capped;
        if ((rc = pct_of(&full, t->social_security_rate, gross)) != SL_OK ||
            (rc = pct_of(&capped, t->social_security_phase_in, gross - t->social_security_floor)) !=
                SL_OK)
            return sl__fail_money(err, rc, "gross", gross, "trygdeavgift out of range");
        e.social_security = full < capped ? full : capped;
    }
    if ((rc = bracket_tax(&e, t)) != SL_OK)
        return sl__fail_money(err, rc, "gross", gross, "trinnskatt out of range");
    e.total_tax = e.ordinary_tax + e.social_security + e.bracket_tax;
    e.net_yearly = gross - e.total_tax;
    e.net_monthly = e.net_yearly >= 0 ? e.net_yearly / 12 : -((-e.net_yearly + 11) / 12);
    *out = e;
    return SL_OK;
}

int sl_tax_interest_deduction(sl_money *out, sl_money interest, const sl_tax_rules *t,
                              sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    int rc = sl_tax_rules_check(t, err);
    if (rc != SL_OK)
        return rc;
    if (interest < 0 || interest > SL_MONEY_MAX / 2)
        return sl__fail_money(err, interest < 0 ? SL_EINVAL : SL_ERANGE, "interest", interest,
                              "interest must be from 0 upwards");
    rc = pct_of(out, t->ordinary_rate, interest);
    return rc == SL_OK ? SL_OK : sl__fail_money(err, rc, "interest", interest, "out of range");
}
