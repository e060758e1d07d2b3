/* Money: parsing amounts as people type them, formatting, checked arithmetic. */
#include <ctype.h>
#include <string.h>

#include "arith_internal.h"
#include "startlan/money.h"

/* Length of a grouping separator at s (space, U+00A0, U+202F), else 0. */
static size_t group_separator(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == ' ')
        return 1;
    if (u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
        return 3;
    return 0;
}

static int accumulate(uint64_t *acc, int digit)
{
    if (*acc > (UINT64_MAX - (uint64_t)digit) / 10)
        return SL_ERANGE;
    *acc = *acc * 10 + (uint64_t)digit;
    return SL_OK;
}

int sl_money_parse(sl_money *out, const char *text, const char *field, sl_error *err)
{
    sl__error_reset(err);
    if (!field)
        field = "amount";
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
        return BAD(SL_ESYNTAX, "not an amount (expected digits, e.g. 2 000 000,50)");

    uint64_t whole = 0;
    int group_len = 0, groups = 0, grouped = 0;
    for (;;) {
        if (isdigit((unsigned char)*p)) {
            if (accumulate(&whole, *p - '0') != SL_OK)
                return BAD(SL_ERANGE, "too large");
            group_len++;
            p++;
            continue;
        }
        size_t sep = group_separator(p);
        if (sep && isdigit((unsigned char)p[sep])) {
            if ((groups == 0 && group_len > 3) || (groups > 0 && group_len != 3))
                return BAD(SL_ESYNTAX, "digit groups must have three digits (e.g. 2 000 000)");
            grouped = 1;
            groups++;
            group_len = 0;
            p += sep;
            continue;
        }
        break;
    }
    if (grouped && group_len != 3)
        return BAD(SL_ESYNTAX, "digit groups must have three digits (e.g. 2 000 000)");

    uint64_t ore = 0;
    if (*p == '.' || *p == ',') {
        p++;
        int decimals = 0;
        while (isdigit((unsigned char)*p)) {
            if (++decimals > 2)
                return BAD(SL_ESYNTAX, "more than two decimals (amounts are in whole øre)");
            ore = ore * 10 + (uint64_t)(*p++ - '0');
        }
        if (decimals == 0)
            return BAD(SL_ESYNTAX, "digits expected after the decimal mark");
        if (decimals == 1)
            ore *= 10;
        if (*p == '.' || *p == ',')
            return BAD(SL_ESYNTAX, "two decimal marks");
    }
    while (isspace((unsigned char)*p) || group_separator(p))
        p += group_separator(p) ? group_separator(p) : 1;
    if ((p[0] == 'k' || p[0] == 'K') && (p[1] == 'r' || p[1] == 'R')) {
        p += 2;
        while (isspace((unsigned char)*p))
            p++;
    }
    if (*p != '\0')
        return BAD(SL_ESYNTAX, "unexpected characters (expected e.g. 2 000 000,50)");

    /* Magnitude in øre must fit int64 (the negative side gets no extra øre). */
    if (whole > (uint64_t)INT64_MAX / 100 || whole * 100 > (uint64_t)INT64_MAX - ore)
        return BAD(SL_ERANGE, "too large");
#undef BAD
    int64_t value = (int64_t)(whole * 100 + ore);
    *out = negative ? -value : value;
    return SL_OK;
}

int sl_money_format(char *buf, size_t size, sl_money amount, sl_money_style style)
{
    if (!buf)
        return SL_ENULL;
    char digits[24];
    uint64_t mag = amount < 0 ? (uint64_t)0 - (uint64_t)amount : (uint64_t)amount;
    uint64_t whole = mag / 100;
    unsigned cents = (unsigned)(mag % 100);
    int n = 0;
    do {
        digits[n++] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole);

    char tmp[SL_MONEY_BUFSIZE];
    size_t len = 0;
    if (amount < 0)
        tmp[len++] = '-';
    for (int i = n - 1; i >= 0; i--) {
        tmp[len++] = digits[i];
        if (style == SL_MONEY_NORWEGIAN && i > 0 && i % 3 == 0)
            tmp[len++] = ' ';
    }
    tmp[len++] = style == SL_MONEY_NORWEGIAN ? ',' : '.';
    tmp[len++] = (char)('0' + cents / 10);
    tmp[len++] = (char)('0' + cents % 10);
    tmp[len] = '\0';
    if (!buf || len + 1 > size) {
        if (buf && size)
            buf[0] = '\0';
        return SL_ERANGE;
    }
    memcpy(buf, tmp, len + 1);
    return (int)len;
}

int sl_money_round(sl_money *out, int *direction, sl_money amount, sl_rounding rounding)
{
    return sl_round_quotient(out, direction, amount, 1, rounding);
}

int sl_money_add(sl_money *out, sl_money a, sl_money b)
{
    if (!out)
        return SL_ENULL;
    sl_money r;
    if (__builtin_add_overflow(a, b, &r))
        return SL_ERANGE;
    *out = r;
    return SL_OK;
}

int sl_money_sub(sl_money *out, sl_money a, sl_money b)
{
    if (!out)
        return SL_ENULL;
    sl_money r;
    if (__builtin_sub_overflow(a, b, &r))
        return SL_ERANGE;
    *out = r;
    return SL_OK;
}

int sl_money_mul(sl_money *out, sl_money a, int64_t factor)
{
    if (!out)
        return SL_ENULL;
    sl_money r;
    if (__builtin_mul_overflow(a, factor, &r))
        return SL_ERANGE;
    *out = r;
    return SL_OK;
}
