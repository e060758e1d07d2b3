/* The text conventions of exported tables: header folding, the column names
 * (English and Norwegian) of plans and books, totals-row labels. The alias
 * lists are in folded form (sl_table_header_fold); the first of each field
 * is its English name folded, so sl_*_field_name's text reads back. */
#include <string.h>

#include "api_internal.h"
#include "arith_internal.h"
#include "startlan/audit.h"
#include "startlan/book.h"
#include "startlan/table.h"

int sl_table_header_fold(char *out, size_t size, const char *header)
{
    if (!out || !header)
        return SL_ENULL;
    if (size == 0)
        return SL_ERANGE;
    size_t n = 0;
    const unsigned char *s = (const unsigned char *)header;
    while (*s) {
        unsigned char c = *s++;
        const char *put = NULL;
        char one[3] = {0};
        size_t len = 1;
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '/' || c == '\t')
            continue;
        if (c == 0xC2 && *s == 0xA0) { /* no-break space */
            s++;
            continue;
        }
        if (c >= 'A' && c <= 'Z') {
            one[0] = (char)(c - 'A' + 'a');
        } else if (c == 0xC3 && (*s == 0xB8 || *s == 0x98)) { /* ø Ø */
            one[0] = 'o';
            s++;
        } else if (c == 0xC3 && (*s == 0xA5 || *s == 0x85)) { /* å Å */
            one[0] = 'a';
            s++;
        } else if (c == 0xC3 && (*s == 0xA6 || *s == 0x86)) { /* æ Æ */
            put = "ae";
            len = 2;
            s++;
        } else {
            one[0] = (char)c;
        }
        if (!put)
            put = one;
        if (n + len >= size) {
            out[n] = '\0';
            return SL_ERANGE;
        }
        memcpy(out + n, put, len);
        n += len;
    }
    out[n] = '\0';
    return (int)(n > (size_t)0x7fffffff ? 0x7fffffff : n);
}

int sl_table_totals_label(const char *cell)
{
    static const char *const labels[] = {"sum", "total", "totalt", "totals", "ialt", "sumtotal",
                                         NULL};
    if (!cell || !((*cell | 0x20) >= 'a' && (*cell | 0x20) <= 'z'))
        return 0; /* a term number or nothing: no folding for every row */
    char f[16];
    if (sl_table_header_fold(f, sizeof f, cell) < 0)
        return 0;
    for (const char *const *l = labels; *l; l++)
        if (strcmp(f, *l) == 0)
            return 1;
    return 0;
}

/* A field and its folded names, NULL-terminated. */
typedef struct column_names {
    int field;
    const char *names[8];
} column_names;

/* A plan's columns (sl-audit's input; the sl-plan CSV's names first). */
static const column_names plan_columns[] = {
    {SL_AUDIT_FIELD_TERM, {"term", "termin", "terminnr", "terminnummer", "nr"}},
    {SL_AUDIT_FIELD_DUE_DATE,
     {"duedate", "forfall", "forfallsdato", "forfallsdag", "dato", "betalingsdato"}},
    {SL_AUDIT_FIELD_OPENING_BALANCE,
     {"openingbalance", "restgjeldfor", "inngaenderestgjeld", "inngaendesaldo", "saldofor"}},
    {SL_AUDIT_FIELD_INTEREST, {"interest", "renter", "rente", "rentebelop"}},
    {SL_AUDIT_FIELD_PRINCIPAL, {"principal", "avdrag", "avdragsbelop"}},
    {SL_AUDIT_FIELD_FEE, {"fee", "gebyr", "termingebyr", "gebyrer"}},
    {SL_AUDIT_FIELD_PAYMENT, {"payment", "terminbelop", "abetale", "innbetaling", "belop"}},
    {SL_AUDIT_FIELD_CLOSING_BALANCE,
     {"closingbalance", "restgjeldetter", "utgaenderestgjeld", "restgjeld", "utgaendesaldo",
      "saldo"}},
};

/* A book's loan columns (sl-portfolio's input; sl_book_field_name first). */
static const column_names book_columns[] = {
    {SL_BOOK_AMOUNT, {"amount", "lanebelop", "belop", "principal"}},
    {SL_BOOK_RATE, {"rate", "rente", "nominellrente", "rentesats"}},
    {SL_BOOK_TERMS, {"terms", "terminer", "antallterminer"}},
    {SL_BOOK_TERMS_PER_YEAR, {"termsperyear", "terminerperar"}},
    {SL_BOOK_TYPE, {"type", "lanetype"}},
    {SL_BOOK_PAYOUT_DATE, {"payoutdate", "utbetalingsdato", "utbetalt"}},
    {SL_BOOK_TERM_FEE, {"termfee", "termingebyr"}},
    {SL_BOOK_ESTABLISHMENT_FEE, {"establishmentfee", "etableringsgebyr"}},
    {SL_BOOK_INTEREST_ONLY_TERMS, {"interestonlyterms", "avdragsfrieterminer"}},
    {SL_BOOK_MARGIN, {"margin", "paslag", "rentepaslag"}},
    {SL_BOOK_DUE_DAY, {"dueday", "forfallsdag"}},
    {SL_BOOK_FIRST_DUE_DATE, {"firstduedate", "forsteforfall", "forsteforfallsdato"}},
    {SL_BOOK_DAY_COUNT, {"daycount", "dagberegning"}},
    {SL_BOOK_FIXED_YEARS, {"fixedyears", "fastrentear", "fastrenteperiode"}},
    {SL_BOOK_FIXED_RATE, {"fixedrate", "fastrente"}},
    {SL_BOOK_FIXED_FROM, {"fixedfrom", "fastrentefra"}},
    {SL_BOOK_INTEREST_ONLY, {"interestonly", "avdragsfrihet", "avdragsfriterminer"}},
    {SL_BOOK_RATE_CHANGE_KEEPS_PAYMENT,
     {"ratechangekeepspayment", "beholderterminbelop", "fastterminbelop"}},
    {SL_BOOK_BORROWER, {"borrower", "lantaker", "lantakertype", "laner"}},
    {SL_BOOK_ROUND_TO, {"roundto", "avrundingtil", "avrundingsenhet", "avrundtil"}},
    {SL_BOOK_ROUNDING, {"rounding", "avrunding", "avrundingsmate", "avrundingsregel"}},
    {SL_BOOK_INTEREST_ONLY_MOVES_END,
     {"interestonlymovesend", "avdragsfrihetforlenger", "forlengerlopetid", "forlengelopetid"}},
    {SL_BOOK_MARKET_RATE, {"marketrate", "markedsrente"}},
    {SL_BOOK_SPECIAL_CASE,
     {"specialcase", "saerligetilfeller", "saerligtilfelle", "spesialtilfelle"}},
    {SL_BOOK_YEARS, {"years", "lopetid", "lopetid(ar)", "lopetidar", "antallar"}},
    {SL_BOOK_ESTABLISHMENT_FEE_FINANCED,
     {"establishmentfeefinanced", "gebyrfinansiert", "etableringsgebyrfinansiert",
      "gebyrilanet"}},
};

/* The field whose folded names include header's folding; SL_ESYNTAX if none. */
static int find_column(int *out, const char *header, const column_names *table, size_t n,
                       const char *what, sl_error *err)
{
    if (!out)
        return sl__null(err, "out");
    if (!header)
        return sl__null(err, "header");
    char folded[SL_TABLE_HEADER_MAX];
    if (sl_table_header_fold(folded, sizeof folded, header) >= 0)
        for (size_t i = 0; i < n; i++)
            for (const char *const *a = table[i].names; *a; a++)
                if (strcmp(folded, *a) == 0) {
                    *out = table[i].field;
                    return SL_OK;
                }
    return sl__fail(err, SL_ESYNTAX, "header", header, "column '%s': not a column of %s",
                    header, what);
}

int sl_audit_field_parse(sl_audit_field *out, const char *header, sl_error *err)
{
    sl__error_reset(err);
    int f = 0;
    int rc = find_column(out ? &f : NULL, header, plan_columns,
                         sizeof plan_columns / sizeof plan_columns[0],
                         "a plan (term, due_date, opening_balance, interest, principal, fee, "
                         "payment, closing_balance or a Norwegian name such as Renter)",
                         err);
    if (rc == SL_OK)
        *out = (sl_audit_field)f;
    return rc;
}

int sl_book_field_parse(sl_book_field *out, const char *header, sl_error *err)
{
    sl__error_reset(err);
    int f = 0;
    int rc = find_column(out ? &f : NULL, header, book_columns,
                         sizeof book_columns / sizeof book_columns[0],
                         "a book (amount, rate, terms, type, payout_date, … or a Norwegian "
                         "name such as Lånebeløp)",
                         err);
    if (rc == SL_OK)
        *out = (sl_book_field)f;
    return rc;
}
