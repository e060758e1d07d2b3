/* startlan: rounding policy (avrundingsregel).
 *
 * Every rounding in the library is explicit: a unit (øre or whole kroner) and
 * a mode. Modes act on the magnitude, so they are symmetric around zero:
 *
 *   SL_ROUND_HALF_UP    nearest; a tie goes away from zero (2.5 -> 3, -2.5 -> -3).
 *                       The default, and what Norwegian lenders call "avrunding".
 *   SL_ROUND_HALF_EVEN  nearest; a tie goes to the even neighbour (2.5 -> 2, 3.5 -> 4).
 *   SL_ROUND_DOWN       toward zero (truncation).
 *   SL_ROUND_UP         away from zero.
 *
 * Thread-safety: pure functions, safe from any thread. */
#ifndef STARTLAN_ROUNDING_H
#define STARTLAN_ROUNDING_H

#include <stdint.h>

#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Which way a value between two units goes. */
typedef enum sl_round_mode {
    SL_ROUND_HALF_UP = 0,
    SL_ROUND_HALF_EVEN = 1,
    SL_ROUND_DOWN = 2,
    SL_ROUND_UP = 3
} sl_round_mode;

/* The unit a result is rounded to, in øre. */
typedef enum sl_round_unit {
    SL_ROUND_UNIT_ORE = 1,     /* øre (1/100 krone) */
    SL_ROUND_UNIT_KRONE = 100  /* whole kroner */
} sl_round_unit;

/* A rounding policy: a unit and a mode. */
typedef struct sl_rounding {
    sl_round_unit unit; /* round to a multiple of this */
    sl_round_mode mode; /* which way */
} sl_rounding;

/* Øre, half up: the library's default policy. */
#define SL_ROUNDING_DEFAULT {SL_ROUND_UNIT_ORE, SL_ROUND_HALF_UP}

/* Round the exact quotient numerator/denominator (in øre) to a multiple of
 * rounding.unit by rounding.mode. The denominator must be non-zero.
 * direction (may be NULL) receives -1, 0 or +1: the result is below, equal
 * to or above the exact quotient.
 * Returns 0, SL_EINVAL (zero denominator, bad unit or mode) or SL_ERANGE
 * (the result does not fit in int64).
 * @param out receives the rounded quotient
 * @param direction receives -1, 0 or +1 (the result below, equal to or above the exact value),
 *                  may be NULL
 * @param numerator the numerator
 * @param denominator the denominator (not 0)
 * @param rounding the unit and mode
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_round_quotient(int64_t *out, int *direction, int64_t numerator,
                                            int64_t denominator, sl_rounding rounding);

/* Parse "half-up", "half-even", "down", "up" / "ore", "krone" (also "øre").
 * Return 0 or SL_ESYNTAX.
 * @param out receives the mode
 * @param text the text to read, NUL-terminated
 * @return 0 or SL_ESYNTAX */
SL_API SL_WARN_UNUSED int sl_round_mode_parse(sl_round_mode *out, const char *text);
/* Parse a rounding unit: "ore" ("øre"), "krone".
 * @param out receives the unit
 * @param text the text to read, NUL-terminated
 * @return 0 or SL_ESYNTAX */
SL_API SL_WARN_UNUSED int sl_round_unit_parse(sl_round_unit *out, const char *text);
/* The names parsed above; NULL for an unknown value.
 * @param mode the mode
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_round_mode_name(sl_round_mode mode);
/* The name sl_round_unit_parse reads for a unit.
 * @param unit the unit
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_round_unit_name(sl_round_unit unit);

#ifdef __cplusplus
}
#endif

#endif
