/* startlan: a rate history (rentehistorikk) as data: the dates on which a
 * floating rate changed and the rate from each date, with the stretches no
 * source covers declared as gaps.
 *
 * Text format, one entry per line:
 *   YYYY-MM-DD PCT    the rate from that date (PCT read exactly as --rate is:
 *                     "4.640", "4,640", "4.640 %"; 0 to 100)
 *   YYYY-MM-DD gap    no rate is known from that date until the next line's
 *                     date; a gap on the last line ends the history
 * '#' starts a comment (the source of a line goes there); blank lines are
 * skipped; dates strictly increase. A rate line after the last date holds
 * until the next line, or indefinitely on the last line. Lines end in LF,
 * CRLF or a CR alone (Excel for Mac), mixed as they come.
 *
 * Lookups never guess: a date before the first line or inside a gap is
 * refused (SL_EINVAL, naming the date and the gap).
 *
 * Thread-safety: a parsed history is immutable; it may be shared between
 * threads. */
#ifndef STARTLAN_RATE_HISTORY_H
#define STARTLAN_RATE_HISTORY_H

#include <stddef.h>

#include "date.h"
#include "error.h"
#include "export.h"
#include "plan.h"
#include "rate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One line of a history. */
typedef struct sl_rate_history_entry {
    sl_date from;  /* gjelder fra */
    int gap;       /* 1: no rate known from `from` until the next entry */
    sl_rate rate;  /* the nominal annual rate (when gap is 0) */
} sl_rate_history_entry;

/* A parsed rate history (opaque, immutable): parse, load or builtin; free with
 * sl_rate_history_free. */
typedef struct sl_rate_history sl_rate_history;

/* Read a history from text (the format above). name (may be NULL) is used in
 * messages ("husbanken-floating line 12: ..."); err->line and err->column are
 * set for a bad line. 0, SL_ESYNTAX, SL_EINVAL (dates out of order, a rate
 * out of range, no entry at all), SL_ENOMEM or SL_ENULL.
 * @param out receives the new history, owned by the caller (free with sl_rate_history_free)
 * @param text the history's text, NUL-terminated (not kept)
 * @param name the name in messages, may be NULL
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX, SL_EINVAL, SL_ENOMEM or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_rate_history_parse(sl_rate_history **out, const char *text,
                                                const char *name, sl_error *err);

/* Read a history from a file (at most 16 MiB of text). As parse, or SL_EIO.
 * @param out receives the new history, owned by the caller (free with sl_rate_history_free)
 * @param path the file to read
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return the codes of sl_rate_history_parse, or SL_EIO */
SL_API SL_WARN_UNUSED int sl_rate_history_load(sl_rate_history **out, const char *path,
                                               sl_error *err);

/* A history shipped with the library, by name:
 *   "husbanken-floating"            Husbanken's floating rate, monthly terms
 *   "husbanken-floating-quarterly"  the same for quarterly terms
 * (data/husbanken-floating*.txt, compiled in). SL_EINVAL for an unknown name.
 * @param out receives the new history, owned by the caller (free with sl_rate_history_free)
 * @param name the history's name
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_rate_history_builtin(sl_rate_history **out, const char *name,
                                                  sl_error *err);

/* The compiled-in text of a shipped history, or NULL for an unknown name.
 * @param name the history's name
 * @return the static text, or NULL */
SL_API const char *sl_rate_history_builtin_text(const char *name);

/* Free a history. NULL is allowed.
 * @param history the history to free; NULL is allowed */
SL_API void sl_rate_history_free(sl_rate_history *history);

/* Number of entries, and the i-th (0-based, oldest first; SL_ERANGE when
 * i >= the count, SL_ENULL for a NULL pointer).
 * @param history the history
 * @return the number of entries */
SL_API size_t sl_rate_history_count(const sl_rate_history *history);
/* The i-th entry (0-based, oldest first).
 * @param out receives the entry
 * @param history the history
 * @param i the index, 0-based
 * @return 0, SL_ERANGE or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_rate_history_get(sl_rate_history_entry *out,
                                              const sl_rate_history *history, size_t i);

/* The rate in force on date. SL_EINVAL (err names the date) when the date is
 * before the first entry or inside a gap.
 * @param out receives the rate
 * @param history the history
 * @param date the date
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_rate_history_at(sl_rate *out, const sl_rate_history *history,
                                             sl_date date, sl_error *err);

/* The date from which the history knows no more (the date of a gap on its
 * last line), or SL_DATE_NONE when its last rate holds indefinitely.
 * @param history the history
 * @return the date, or SL_DATE_NONE */
SL_API sl_date sl_rate_history_end(const sl_rate_history *history);

/* The rate changes of the history that fall in (from, to]: *out is an array
 * of *count changes (free() it; NULL when none), to be given to the plan
 * engine as sl_loan_terms.rate_changes, exactly as the same --rate-change
 * options would be. from must have a known rate (not before the first entry,
 * not in a gap) and (from, to] must not meet a gap other than the one that
 * ends the history: those are SL_EINVAL naming the gap. Changes stop at the
 * history's end (sl_rate_history_end); what happens after it is the
 * caller's to say.
 * @param out receives a malloc'd array owned by the caller (free() it), NULL when none
 * @param count receives the number of changes
 * @param history the history
 * @param from the start, excluded
 * @param to the end, included
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_rate_history_changes(sl_rate_change **out, size_t *count,
                                                  const sl_rate_history *history, sl_date from,
                                                  sl_date to, sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
