/* startlan: the text conventions of exported tables (plans and books as
 * Norwegian loan systems and spreadsheets export them), as functions over
 * single fields, so a linking system reads an export the way the programs
 * do. The CSV tokenising itself is the caller's.
 *
 * - Column headers are compared after folding (sl_table_header_fold), so
 *   "Restgjeld før", "restgjeld_for" and "RESTGJELD-FØR" are one header;
 *   sl_audit_field_parse (a plan's columns) and sl_book_field_parse (a
 *   book's columns) know the English names and the Norwegian aliases.
 * - Dates: sl_date_parse_norwegian reads "07.03.2021" and "2021-03-07";
 *   sl_date_format_norwegian writes "07.03.2021" (date.h).
 * - A totals row is recognised by its label (sl_table_totals_label).
 *
 * Locale-free (ASCII letters and the UTF-8 letters æ, ø, å only), no
 * allocation, no state. Thread-safety: pure functions, safe from any thread. */
#ifndef STARTLAN_TABLE_H
#define STARTLAN_TABLE_H

#include <stddef.h>

#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Longest folded header the field parsers compare, with its NUL. */
#define SL_TABLE_HEADER_MAX 256

/**
 * Fold a column header for comparison: ASCII letters to lower case, the
 * UTF-8 letters æ/ø/å (either case) to "ae"/"o"/"a", and spaces, tabs,
 * no-break spaces, '_', '-', '.' and '/' removed; every other byte is kept.
 * "Restgjeld før" becomes "restgjeldfor", "opening_balance" becomes
 * "openingbalance".
 *
 * @param out     buffer for the folded text, always NUL-terminated when
 *                size > 0 (cut at a whole character when it does not fit)
 * @param size    size of out in bytes
 * @param header  the header as UTF-8 text
 * @return the length of the folded text (without the NUL), SL_ENULL when
 *         out or header is NULL, SL_ERANGE when it did not fit (out holds
 *         the part that did).
 */
SL_API int sl_table_header_fold(char *out, size_t size, const char *header);

/**
 * Whether a cell is the label of a totals row (sum row) that Norwegian and
 * English exports put under a plan: "Sum", "Totalt", "Total", "Totals",
 * "I alt", "Sum total" (folded as sl_table_header_fold, so also "SUM" or
 * "i_alt"). A term number or an empty cell is not a label.
 *
 * @param cell  the cell's text (UTF-8; NULL is not a label)
 * @return 1 when cell is a totals label, else 0.
 */
SL_API int sl_table_totals_label(const char *cell);

#ifdef __cplusplus
}
#endif

#endif
