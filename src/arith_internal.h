/* Private exact-arithmetic helpers shared by the library's source files.
 *
 * Per-term arithmetic multiplies two int64 values and divides by a product
 * of two more; with 128-bit integers that is exact and cheap. Where the
 * compiler has no 128-bit type the same functions use GMP. */
#ifndef SL_ARITH_INTERNAL_H
#define SL_ARITH_INTERNAL_H

#include <stdint.h>

#include <gmp.h>

#include "api_internal.h"
#include "startlan/date.h"
#include "startlan/error.h"
#include "startlan/money.h"
#include "startlan/rate.h"
#include "startlan/rounding.h"

/* round(a·b / (c·d)) to a multiple of unit by mode, exactly; c·d != 0.
 * direction (may be NULL): -1/0/+1 result below/equal/above the exact value.
 * 0, SL_EINVAL (zero divisor, bad unit/mode) or SL_ERANGE (result overflow). */
int sl__muldiv_round(int64_t *out, int *direction, int64_t a, int64_t b, int64_t c, int64_t d,
                     int64_t unit, sl_round_mode mode);

/* round(num / den) to a multiple of unit (in the same units as num/den) by
 * mode; den != 0. out receives the rounded value (a multiple of unit). */
int sl__mpz_round_quotient(mpz_t out, int *direction, const mpz_t num, const mpz_t den,
                           int64_t unit, sl_round_mode mode);

/* 1 if mode and unit are ones the library knows. */
int sl__rounding_valid(sl_rounding rounding);

/* Fill err (may be NULL) with code, field, value and a printf-style message. */
int sl__fail(sl_error *err, int code, const char *field, const char *value, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* sl__fail for one offending value, shown as people read it: money as plain
 * kroner (1234.50), a whole number, a date (YYYY-MM-DD) or a rate as a percent
 * (up to 6 decimals). The message is "field value: why" ("… %: why" for a rate). */
int sl__fail_money(sl_error *err, int code, const char *field, sl_money v, const char *why);
int sl__fail_int(sl_error *err, int code, const char *field, long v, const char *why);
int sl__fail_date(sl_error *err, int code, const char *field, sl_date d, const char *why);
int sl__fail_rate(sl_error *err, int code, const char *field, sl_rate r, const char *why);

/* Exact conversions of a rate to and from GMP rationals (private: the public
 * headers carry no GMP type). out must be initialised. sl_rate_from_mpq
 * returns SL_ERANGE when the value needs more than int64. */
void sl_rate_to_mpq(mpq_t out, sl_rate rate);
int sl_rate_from_mpq(sl_rate *out, const mpq_t value);

/* The exact annuity P·r / (1 − (1 + r)^−n), r = annual_rate / terms_per_year,
 * as a rational number of øre (annuity.h). out must be initialised.
 * 0 or SL_EINVAL (n < 1, terms_per_year < 1, rate < 0). */
int sl_annuity_exact(mpq_t out, sl_money balance, sl_rate annual_rate, int terms_per_year, int n);

/* mpz from / to int64 without relying on the width of long. */
void sl__mpz_set_i64(mpz_t out, int64_t v);
/* 0, or SL_ERANGE when v does not fit. */
int sl__mpz_get_i64(int64_t *out, const mpz_t v);

#endif
