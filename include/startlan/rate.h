/* startlan: interest rates (rente) as exact rationals.
 *
 * A rate is the fraction num/den of one (4.208 % is 4208/100000 = 263/6250),
 * kept in lowest terms with den > 0. Rates are read from the decimal percent
 * the user typed, so they are exact: no binary floating point is involved.
 *
 * Parsing accepts "4.208", "4,208", "4.208 %", "4.208%", "-0.5", with at most
 * SL_RATE_MAX_DECIMALS decimals of a percent and an integer part of at most
 * 1 000 000 percent. Range checks (e.g. 0..100 % for a loan) belong to the
 * contract that uses the rate, not to the parser.
 *
 * Thread-safety: pure functions, safe from any thread. */
#ifndef STARTLAN_RATE_H
#define STARTLAN_RATE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "export.h"
#include "rounding.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most decimals of a percent a rate is read with. */
#define SL_RATE_MAX_DECIMALS 12
/* A buffer of this size holds any formatted rate with its NUL. */
#define SL_RATE_BUFSIZE 48
/* Decimals argument of sl_rate_format_percent: print the exact value, with
 * as many decimals as it needs (at least the given minimum, see below). */
#define SL_RATE_EXACT (-1)

/* An exact rate: num/den of one. */
typedef struct sl_rate {
    int64_t num; /* numerator, any sign */
    int64_t den; /* denominator, > 0; gcd(num, den) == 1 */
} sl_rate;

/* The rate 0. */
#define SL_RATE_ZERO {0, 1}
/* A rate not given (denominator 0): where a field allows it, the library's
 * documented default applies. Never a value to compute with. */
#define SL_RATE_NONE {0, 0}

/* Parse a percent. err names field (NULL: "rate"). 0, SL_ESYNTAX or SL_ERANGE.
 * @param out receives the rate, a fraction of one
 * @param text the text to read, NUL-terminated
 * @param field the field named in err, may be NULL for the default above
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_rate_parse_percent(sl_rate *out, const char *text, const char *field,
                                                sl_error *err);

/* The rate num/den (not percent), reduced. 0, SL_EINVAL (den == 0) or SL_ERANGE.
 * @param out receives the rate
 * @param num the numerator
 * @param den the denominator (not 0)
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_rate_from_fraction(sl_rate *out, int64_t num, int64_t den);

/* Format as a percent with '.' (decimal_mark may be ',' for Norwegian text).
 * decimals >= 0: rounded by mode to that many decimals (trailing zeros kept).
 * decimals == SL_RATE_EXACT: the exact terminating decimal with at least three
 * decimals ("4.640"); SL_EINVAL if the rate has no terminating decimal.
 * Returns the length written or a negative code (SL_ERANGE: buffer too small).
 * @param buf receives the text and a NUL
 * @param size the size of buf in bytes
 * @param rate the rate
 * @param decimals decimals, or SL_RATE_EXACT
 * @param mode the rounding mode
 * @param decimal_mark '.' or ','
 * @return the length written, or a negative code */
SL_API int sl_rate_format_percent(char *buf, size_t size, sl_rate rate, int decimals,
                                  sl_round_mode mode, char decimal_mark);

/* a + b and a - b exactly. 0 or SL_ERANGE.
 * @param out receives a + b
 * @param a the first rate
 * @param b the second rate
 * @return 0 or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_rate_add(sl_rate *out, sl_rate a, sl_rate b);
/* a − b exactly.
 * @param out receives a − b
 * @param a the first rate
 * @param b the rate subtracted
 * @return 0 or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_rate_sub(sl_rate *out, sl_rate a, sl_rate b);

/* -1, 0 or +1 as a <, ==, > b.
 * @param a the first rate
 * @param b the second rate
 * @return -1, 0 or +1 */
SL_API int sl_rate_compare(sl_rate a, sl_rate b);

#ifdef __cplusplus
}
#endif

#endif
