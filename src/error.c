/* Error codes, the error record, and small GMP/int64 bridges. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arith_internal.h"
#include "startlan/error.h"
#include "startlan/money.h"
#include "startlan/rate.h"

const char *sl_strerror(int code)
{
    switch (code) {
    case SL_OK:
        return "no error";
    case SL_EINVAL:
        return "value not allowed";
    case SL_ESYNTAX:
        return "text could not be read";
    case SL_ERANGE:
        return "value out of the supported range";
    case SL_ENOMEM:
        return "out of memory";
    case SL_ESTATE:
        return "call not allowed in this state";
    case SL_ENOROOT:
        return "no root";
    case SL_EAMBIGUOUS:
        return "more than one root possible";
    case SL_EIO:
        return "input/output error";
    case SL_EVERSION:
        return "unknown struct version";
    case SL_ENULL:
        return "a required argument is NULL";
    }
    return "unknown error";
}

void sl_error_clear(sl_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

void sl__error_reset(sl_error *err)
{
    if (err) {
        err->code = SL_OK;
        err->field[0] = err->value[0] = err->message[0] = '\0';
        err->line = err->column = 0;
    }
}

int sl__null(sl_error *err, const char *name)
{
    return sl__fail(err, SL_ENULL, name, "", "%s: not given (NULL)", name);
}

int sl__check_version(sl_error *err, const char *type, unsigned version, unsigned oldest,
                      unsigned newest)
{
    if (version >= oldest && version <= newest)
        return SL_OK;
    char text[16];
    snprintf(text, sizeof text, "%u", version);
    return sl__fail(err, SL_EVERSION, "version", text,
                    "version %s: %s of version %u .. %u expected (initialise it with its "
                    "_INIT macro or _init function)",
                    text, type, oldest, newest);
}

/* Copy src into a fixed buffer, marking a cut with "...". */
static void copy_field(char *dst, size_t size, const char *src)
{
    if (!src) {
        dst[0] = '\0';
        return;
    }
    size_t n = strlen(src);
    if (n < size) {
        memcpy(dst, src, n + 1);
        return;
    }
    memcpy(dst, src, size - 4);
    memcpy(dst + size - 4, "...", 4);
}

int sl__fail(sl_error *err, int code, const char *field, const char *value, const char *fmt, ...)
{
    if (!err)
        return code;
    /* Kept: a file reader sets them just before failing (the record was
     * reset on entry to the public function, so they are never stale). */
    int64_t line = err->line, column = err->column;
    memset(err, 0, sizeof *err);
    err->code = code;
    err->line = line;
    err->column = column;
    copy_field(err->field, sizeof err->field, field);
    copy_field(err->value, sizeof err->value, value);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

void sl__mpz_set_i64(mpz_t out, int64_t v)
{
#if LONG_MAX >= INT64_MAX
    mpz_set_si(out, (long)v);
    return;
#endif
    /* Through two 32-bit halves: long may be 32 bits. */
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    mpz_set_ui(out, (unsigned long)(mag >> 32));
    mpz_mul_2exp(out, out, 32);
    mpz_add_ui(out, out, (unsigned long)(mag & 0xffffffffu));
    if (v < 0)
        mpz_neg(out, out);
}

int sl__mpz_get_i64(int64_t *out, const mpz_t v)
{
#if LONG_MAX >= INT64_MAX
    if (mpz_fits_slong_p(v)) {
        *out = (int64_t)mpz_get_si(v);
        return SL_OK;
    }
    if (LONG_MIN == INT64_MIN)
        return SL_ERANGE;
#endif
    if (mpz_sizeinbase(v, 2) > 63) {
        /* Only INT64_MIN has 64 bits and fits. */
        mpz_t m;
        mpz_init(m);
        mpz_set_si(m, -1);
        mpz_mul_2exp(m, m, 63);
        int is_min = mpz_cmp(v, m) == 0;
        mpz_clear(m);
        if (!is_min)
            return SL_ERANGE;
        *out = INT64_MIN;
        return SL_OK;
    }
    mpz_t t;
    mpz_init(t);
    mpz_abs(t, v);
    uint64_t lo = (uint64_t)mpz_get_ui(t) & 0xffffffffu;
    mpz_tdiv_q_2exp(t, t, 32);
    uint64_t hi = (uint64_t)mpz_get_ui(t) & 0xffffffffu;
    mpz_clear(t);
    uint64_t mag = (hi << 32) | lo;
    *out = mpz_sgn(v) < 0 ? -(int64_t)mag : (int64_t)mag;
    return SL_OK;
}

int sl__fail_money(sl_error *err, int code, const char *field, sl_money v, const char *why)
{
    char text[SL_MONEY_BUFSIZE];
    sl_money_format(text, sizeof text, v, SL_MONEY_PLAIN);
    return sl__fail(err, code, field, text, "%s %s: %s", field, text, why);
}

int sl__fail_int(sl_error *err, int code, const char *field, long v, const char *why)
{
    char text[24];
    snprintf(text, sizeof text, "%ld", v);
    return sl__fail(err, code, field, text, "%s %s: %s", field, text, why);
}

int sl__fail_date(sl_error *err, int code, const char *field, sl_date d, const char *why)
{
    char text[24];
    snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return sl__fail(err, code, field, text, "%s %s: %s", field, text, why);
}

int sl__fail_rate(sl_error *err, int code, const char *field, sl_rate r, const char *why)
{
    char text[SL_RATE_BUFSIZE];
    if (r.den <= 0 || sl_rate_format_percent(text, sizeof text, r, 6, SL_ROUND_HALF_UP, '.') < 0)
        strcpy(text, "?");
    return sl__fail(err, code, field, text, "%s %s %%: %s", field, text, why);
}
