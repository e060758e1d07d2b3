/* Rates: exact rationals read from the percent the user typed. */
#include <ctype.h>
#include <string.h>

#include "arith_internal.h"
#include "startlan/rate.h"

/* Binary GCD (Stein): shifts and subtractions instead of a division per step. */
static int64_t gcd64(int64_t a, int64_t b)
{
    uint64_t x = a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
    uint64_t y = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
    if (x == 0 || y == 0)
        return (int64_t)(x | y);
    int shift = __builtin_ctzll(x | y);
    x >>= __builtin_ctzll(x);
    do { /* both odd here; min and difference without a branch to mispredict */
        y >>= __builtin_ctzll(y);
        uint64_t lo = x < y ? x : y, hi = x < y ? y : x;
        x = lo;
        y = hi - lo;
    } while (y);
    return (int64_t)(x << shift);
}

int sl_rate_from_fraction(sl_rate *out, int64_t num, int64_t den)
{
    if (!out)
        return SL_ENULL;
    if (den == 0)
        return SL_EINVAL;
    if (num == INT64_MIN || den == INT64_MIN)
        return SL_ERANGE;
    if (den < 0) {
        num = -num;
        den = -den;
    }
    int64_t g = gcd64(num, den);
    if (g == 0)
        g = 1;
    out->num = num / g;
    out->den = den / g;
    if (out->num == 0)
        out->den = 1;
    return SL_OK;
}

int sl_rate_parse_percent(sl_rate *out, const char *text, const char *field, sl_error *err)
{
    sl__error_reset(err);
    if (!field)
        field = "rate";
    if (!out)
        return sl__null(err, "out");
    if (!text)
        return sl__null(err, field);
#define BAD(code, why) sl__fail(err, code, field, text, "%s '%s': %s", field, text, why)
    const char *p = text;
    while (isspace((unsigned char)*p))
        p++;
    int negative = 0;
    if (*p == '-' || *p == '+')
        negative = *p++ == '-';
    if (!isdigit((unsigned char)*p))
        return BAD(SL_ESYNTAX, "not a percentage (expected e.g. 4.208 or 4,208 %)");
    int64_t whole = 0;
    while (isdigit((unsigned char)*p)) {
        whole = whole * 10 + (*p++ - '0');
        if (whole > 1000000)
            return BAD(SL_ERANGE, "too large (at most 1 000 000 %)");
    }
    int64_t frac = 0, scale = 1;
    int decimals = 0;
    if (*p == '.' || *p == ',') {
        p++;
        while (isdigit((unsigned char)*p)) {
            if (++decimals > SL_RATE_MAX_DECIMALS)
                return BAD(SL_ESYNTAX, "too many decimals (at most 12)");
            frac = frac * 10 + (*p++ - '0');
            scale *= 10;
        }
        if (decimals == 0)
            return BAD(SL_ESYNTAX, "digits expected after the decimal mark");
        if (*p == '.' || *p == ',')
            return BAD(SL_ESYNTAX, "two decimal marks");
    }
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '%') {
        p++;
        while (isspace((unsigned char)*p))
            p++;
    }
    if (*p != '\0')
        return BAD(SL_ESYNTAX, "unexpected characters (expected e.g. 4.208 or 4,208 %)");
#undef BAD
    /* whole <= 10^6 and scale <= 10^12: whole·scale + frac < 2^63. */
    int64_t num = whole * scale + frac;
    return sl_rate_from_fraction(out, negative ? -num : num, 100 * scale);
}

void sl_rate_to_mpq(mpq_t out, sl_rate rate)
{
    mpz_t t;
    mpz_init(t);
    sl__mpz_set_i64(t, rate.num);
    mpq_set_num(out, t);
    sl__mpz_set_i64(t, rate.den ? rate.den : 1);
    mpq_set_den(out, t);
    mpq_canonicalize(out);
    mpz_clear(t);
}

int sl_rate_from_mpq(sl_rate *out, const mpq_t value)
{
    int64_t num, den;
    if (sl__mpz_get_i64(&num, mpq_numref(value)) != SL_OK ||
        sl__mpz_get_i64(&den, mpq_denref(value)) != SL_OK)
        return SL_ERANGE;
    return sl_rate_from_fraction(out, num, den);
}

static int rate_combine(sl_rate *out, sl_rate a, sl_rate b, int subtract)
{
    mpq_t x, y;
    mpq_inits(x, y, NULL);
    sl_rate_to_mpq(x, a);
    sl_rate_to_mpq(y, b);
    if (subtract)
        mpq_sub(x, x, y);
    else
        mpq_add(x, x, y);
    int rc = sl_rate_from_mpq(out, x);
    mpq_clears(x, y, NULL);
    return rc;
}

int sl_rate_add(sl_rate *out, sl_rate a, sl_rate b)
{
    if (!out)
        return SL_ENULL;
    if (b.num == 0 && b.den > 0) /* adding nothing: a margin of 0 */
        return sl_rate_from_fraction(out, a.num, a.den);
    return rate_combine(out, a, b, 0);
}

int sl_rate_sub(sl_rate *out, sl_rate a, sl_rate b)
{
    if (!out)
        return SL_ENULL;
    return rate_combine(out, a, b, 1);
}

int sl_rate_compare(sl_rate a, sl_rate b)
{
    if (a.den == b.den)
        return (a.num > b.num) - (a.num < b.num);
#ifdef __SIZEOF_INT128__
    __extension__ typedef __int128 i128;
    if (a.den > 0 && b.den > 0) {
        i128 x = (i128)a.num * b.den, y = (i128)b.num * a.den;
        return (x > y) - (x < y);
    }
#endif
    mpq_t x, y;
    mpq_inits(x, y, NULL);
    sl_rate_to_mpq(x, a);
    sl_rate_to_mpq(y, b);
    int c = mpq_cmp(x, y);
    mpq_clears(x, y, NULL);
    return (c > 0) - (c < 0);
}

/* Write the integer |scaled| as a decimal with `decimals` digits after the mark. */
static int write_scaled(char *buf, size_t size, const mpz_t scaled, int decimals, char mark)
{
    char *digits = mpz_get_str(NULL, 10, scaled);
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    const char *d = digits;
    int negative = *d == '-';
    if (negative)
        d++;
    size_t nd = strlen(d);
    char tmp[SL_RATE_BUFSIZE + 80];
    size_t len = 0, need = nd + (size_t)decimals + 3;
    int rc = SL_OK;
    if (need >= sizeof tmp) {
        rc = SL_ERANGE;
        goto done;
    }
    if (negative)
        tmp[len++] = '-';
    size_t int_digits = nd > (size_t)decimals ? nd - (size_t)decimals : 0;
    if (int_digits == 0)
        tmp[len++] = '0';
    else {
        memcpy(tmp + len, d, int_digits);
        len += int_digits;
    }
    if (decimals > 0) {
        tmp[len++] = mark;
        for (size_t i = nd; i < (size_t)decimals; i++)
            tmp[len++] = '0';
        memcpy(tmp + len, d + int_digits, nd - int_digits);
        len += nd - int_digits;
    }
    tmp[len] = '\0';
    if (!buf || len + 1 > size) {
        rc = SL_ERANGE;
        if (buf && size)
            buf[0] = '\0';
    } else {
        memcpy(buf, tmp, len + 1);
        rc = (int)len;
    }
done:
    freefunc(digits, strlen(digits) + 1);
    return rc;
}

int sl_rate_format_percent(char *buf, size_t size, sl_rate rate, int decimals, sl_round_mode mode,
                           char decimal_mark)
{
    if (!buf)
        return SL_ENULL;
    if (rate.den <= 0 || decimals < SL_RATE_EXACT || decimals > 40)
        return SL_EINVAL;
    if (decimal_mark != ',')
        decimal_mark = '.';
    mpz_t num, den, scaled, p;
    mpz_inits(num, den, scaled, p, NULL);
    sl__mpz_set_i64(num, rate.num);
    mpz_mul_ui(num, num, 100); /* as a percent */
    sl__mpz_set_i64(den, rate.den);
    int rc = SL_OK;
    if (decimals == SL_RATE_EXACT) {
        /* The fewest decimals (at least 3) at which the value is exact. */
        decimals = 3;
        for (;; decimals++) {
            mpz_ui_pow_ui(p, 10, (unsigned long)decimals);
            mpz_mul(scaled, num, p);
            if (mpz_divisible_p(scaled, den))
                break;
            if (decimals > 64) {
                rc = SL_EINVAL; /* not a terminating decimal */
                goto out;
            }
        }
        mpz_divexact(scaled, scaled, den);
    } else {
        mpz_ui_pow_ui(p, 10, (unsigned long)decimals);
        mpz_mul(scaled, num, p);
        rc = sl__mpz_round_quotient(scaled, NULL, scaled, den, 1, mode);
        if (rc != SL_OK)
            goto out;
    }
    rc = write_scaled(buf, size, scaled, decimals, decimal_mark);
out:
    mpz_clears(num, den, scaled, p, NULL);
    return rc;
}
