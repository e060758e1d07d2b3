/* startlan: the state's guideline rates for living costs (statens veiledende
 * retningslinjer for økonomisk stønad), used as the floor for a household's
 * living costs in debt-service capacity (betjeningsevne).
 *
 * The rates change every year, so they are data: a table of rates per month,
 * each with a valid-from date, read from a plain text file. The library
 * ships every table from 1.1.2018 to 1.1.2024 (eleven, with the mid-year
 * changes of 2020, 2021, 2022 and 2023), each line with its source: as the
 * file data/guidelines.txt, installed to `<datadir>`/startlan/, and the same
 * text compiled in at build time (sl_guideline_table_default), so a program
 * works without knowing where the file was installed. The 2025 and 2026
 * tables are not shipped (no citable source was found; see the file).
 *
 * File format (see data/guidelines.txt): '#' starts a comment; every other
 * non-blank line is
 *     valid-from  single  couple  sharing  child-0-5  child-6-10  child-11-17
 * separated by spaces or tabs, valid-from as YYYY-MM-DD, amounts as kroner
 * per month (sl_money_parse syntax without spaces: 7850, 7850.00, 7850,00).
 * Dates strictly increase from line to line; amounts are >= 0. Lines end
 * in LF, CRLF or a CR alone (Excel for Mac).
 *
 * Thread-safety: a table is read-only after loading and may be shared by
 * threads; the functions keep no global state. */
#ifndef STARTLAN_GUIDELINE_H
#define STARTLAN_GUIDELINE_H

#include <stddef.h>

#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One table of rates per month (satser per måned), in øre. */
typedef struct sl_guideline_rates {
    sl_date valid_from;       /* gjelder fra */
    sl_money single_adult;    /* enslig */
    sl_money couple;          /* ektepar / samboere */
    sl_money sharing_adult;   /* person i bofellesskap */
    sl_money child_0_5;       /* barn 0–5 år, per child */
    sl_money child_6_10;      /* barn 6–10 år, per child */
    sl_money child_11_17;     /* barn 11–17 år, per child */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_guideline_rates;

/* A list of tables in increasing valid-from order (opaque). */
typedef struct sl_guideline_table sl_guideline_table;

/* Read tables from text in the format above. The caller owns *out and frees
 * it with sl_guideline_table_free. On a bad line err (may be NULL) gets the
 * line number in err->line, the field ("valid_from", "single", …) and the
 * text. 0, SL_ESYNTAX (unreadable field, wrong number of fields), SL_EINVAL
 * (negative amount, dates not increasing, no table at all) or SL_ENOMEM.
 * @param out receives the new tables, owned by the caller (free with sl_guideline_table_free)
 * @param text the text to read, NUL-terminated (not kept)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX, SL_EINVAL or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_guideline_table_parse(sl_guideline_table **out, const char *text,
                                                   sl_error *err);

/* Read tables from the file at path (as sl_guideline_table_parse).
 * SL_EIO (field "path") when the file cannot be read.
 * @param out receives the new tables, owned by the caller (free with sl_guideline_table_free)
 * @param path the file to read
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return the codes of sl_guideline_table_parse, or SL_EIO */
SL_API SL_WARN_UNUSED int sl_guideline_table_load(sl_guideline_table **out, const char *path,
                                                  sl_error *err);

/* The tables shipped with the library (the text of data/guidelines.txt,
 * compiled in). The caller owns *out. 0 or SL_ENOMEM.
 * @param out receives the new tables, owned by the caller (free with sl_guideline_table_free)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_guideline_table_default(sl_guideline_table **out, sl_error *err);

/* The compiled-in text itself, byte for byte the shipped data/guidelines.txt.
 * Static storage; never NULL.
 * @return the text, static, never NULL */
SL_API const char *sl_guideline_default_text(void);

/* Free a table. NULL is allowed.
 * @param table the tables to free; NULL is allowed */
SL_API void sl_guideline_table_free(sl_guideline_table *table);

/* Number of tables, and the i-th (0-based, oldest first) into *out.
 * sl_guideline_table_get: 0 or SL_EINVAL (i out of range).
 * @param table the tables
 * @return the number of tables */
SL_API size_t sl_guideline_table_count(const sl_guideline_table *table);
/* The i-th table (0-based, oldest first) into *out.
 * @param out receives the i-th table
 * @param table the tables
 * @param i the index, 0-based
 * @return 0 or SL_EINVAL (i out of range) */
SL_API SL_WARN_UNUSED int sl_guideline_table_get(sl_guideline_rates *out,
                                                 const sl_guideline_table *table, size_t i);

/* The table in force on date: the one with the latest valid-from on or
 * before date. A date before the first table is an error naming the date
 * (field "date", SL_EINVAL); an invalid date is SL_EINVAL too.
 * @param out receives the table in force
 * @param table the tables
 * @param date the date
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or SL_EINVAL (field "date") */
SL_API SL_WARN_UNUSED int sl_guideline_table_select(sl_guideline_rates *out,
                                                    const sl_guideline_table *table, sl_date date,
                                                    sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
