/* startlan: money (beløp) as an exact integer count of øre.
 *
 * One amount is an int64_t of øre: 1 krone = 100 øre. Nothing is ever
 * wrapped: arithmetic that would leave int64 returns SL_ERANGE.
 *
 * Parsing accepts amounts as people type them:
 *   "2000000", "2000000.50", "2000000,5", "2 000 000,50", "-12.30", "1 500 kr"
 * - grouping by space, no-break space (U+00A0) or narrow no-break space
 *   (U+202F) between groups of exactly three digits;
 * - '.' or ',' as the decimal mark, at most once, followed by one or two digits;
 * - an optional leading sign and an optional trailing "kr".
 * Anything else (three decimals, two marks, letters, "1,000,000") is an error,
 * never a silent rounding.
 *
 * Thread-safety: pure functions, safe from any thread. */
#ifndef STARTLAN_MONEY_H
#define STARTLAN_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "export.h"
#include "rounding.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An amount in øre. */
typedef int64_t sl_money;

/* The smallest amount an sl_money holds. */
#define SL_MONEY_MIN INT64_MIN
/* The largest amount an sl_money holds. */
#define SL_MONEY_MAX INT64_MAX
/* Øre in a krone. */
#define SL_ORE_PER_KRONE 100

/* A buffer of this size holds any formatted amount with its NUL. */
#define SL_MONEY_BUFSIZE 40

/* How sl_money_format writes an amount. */
typedef enum sl_money_style {
    SL_MONEY_PLAIN = 0,    /* "2000000.50": '.' mark, no grouping (CSV, JSON) */
    SL_MONEY_NORWEGIAN = 1 /* "2 000 000,50": space grouping, ',' mark */
} sl_money_style;

/* Parse text into øre. On failure *out is untouched and err (may be NULL) names
 * field (may be NULL: "amount") and the text. Returns 0, SL_ESYNTAX or SL_ERANGE.
 * @param out receives the amount in øre
 * @param text the text to read, NUL-terminated
 * @param field the field named in err, may be NULL for the default above
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_money_parse(sl_money *out, const char *text, const char *field,
                                         sl_error *err);

/* Write amount with exactly two decimals into buf. Returns the length written
 * (without NUL), or SL_ERANGE when size is too small (buf then holds "").
 * @param buf receives the text and a NUL
 * @param size the size of buf in bytes
 * @param amount the amount in øre
 * @param style the decimal mark and grouping
 * @return the length written, or SL_ERANGE */
SL_API int sl_money_format(char *buf, size_t size, sl_money amount, sl_money_style style);

/* Round an amount to a unit by a mode (e.g. to whole kroner).
 * direction as for sl_round_quotient. Returns 0 or SL_ERANGE/SL_EINVAL.
 * @param out receives the rounded amount
 * @param direction receives -1, 0 or +1 (the result below, equal to or above the exact value),
 *                  may be NULL
 * @param amount the amount in øre
 * @param rounding the unit and mode
 * @return 0, SL_ERANGE or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_money_round(sl_money *out, int *direction, sl_money amount,
                                         sl_rounding rounding);

/* Checked arithmetic: 0 or SL_ERANGE (out untouched on overflow).
 * @param out receives a + b
 * @param a the first amount
 * @param b the second amount
 * @return 0 or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_money_add(sl_money *out, sl_money a, sl_money b);
/* a − b, checked: 0 or SL_ERANGE (out untouched on overflow).
 * @param out receives a − b
 * @param a the first amount
 * @param b the amount subtracted
 * @return 0 or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_money_sub(sl_money *out, sl_money a, sl_money b);
/* a × factor, checked: 0 or SL_ERANGE (out untouched on overflow).
 * @param out receives a × factor
 * @param a the amount
 * @param factor the factor
 * @return 0 or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_money_mul(sl_money *out, sl_money a, int64_t factor);

/**
 * Parse an amount as exported tables write it (Norwegian Excel, loan
 * systems): "1469.33", "1 469,33", "kr 1 469,33", "1 469,33 kr", "Kr. 1469,33",
 * "NOK 1469.33", "1.469,33", "380.000,00", "1,469.33", "-1 469,33",
 * "−1 469,33" (U+2212), "(1 469,33)" (negative), with spaces, no-break or
 * narrow no-break spaces between groups of three; whole kroner as prices are
 * written: "3 800 000,-", "kr 1 469,-", "1.469,-" (or ",–" with an en dash).
 * Read exactly, never rounded: text that could mean two amounts ("1.469":
 * 1 469 kr or 1,469 kr?; "1,469,-"), more than two decimals, or groups that
 * are not three digits are refused.
 *
 * @param out    the amount in øre; untouched unless 0 is returned
 * @param text   the cell's text (UTF-8)
 * @param field  the name used in err (NULL: "amount")
 * @param err    optional; on failure names field and text, and the message
 *               is "FIELD 'TEXT': reason" ("amount '1.469': ambiguous: …")
 * @return 0, SL_ESYNTAX, SL_ERANGE (beyond the int64 range) or SL_ENULL.
 */
SL_API SL_WARN_UNUSED int sl_money_parse_export(sl_money *out, const char *text,
                                                const char *field, sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
