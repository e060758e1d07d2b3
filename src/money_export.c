/* Amounts as exported tables write them (money.h: sl_money_parse_export): the
 * text is brought to the plain form "-1469.33" and read by sl_money_parse, so
 * the library's exact rules (at most two decimals, the supported range)
 * apply unchanged. */
#include <string.h>

#include "api_internal.h"
#include "arith_internal.h"
#include "startlan/money.h"

/* What a refusal names: the field and the text as given. */
typedef struct refusal {
    const char *field, *text;
    sl_error *err;
} refusal;

/* The text is shortened in the message (whole UTF-8 characters), so the
 * reason is never cut off by a long cell; err->value has its own limit. */
static int fail(const refusal *r, const char *reason)
{
    size_t n = strlen(r->text), keep = n;
    if (n > 48) {
        keep = 45;
        while (keep && ((unsigned char)r->text[keep] & 0xC0) == 0x80)
            keep--;
    }
    return sl__fail(r->err, SL_ESYNTAX, r->field, r->text, "%s '%.*s%s': %s", r->field,
                    (int)keep, r->text, keep < n ? "..." : "", reason);
}

/* Length of a space at s (ASCII space, no-break space, narrow no-break space). */
static size_t space_at(const char *s)
{
    if (*s == ' ' || *s == '\t')
        return 1;
    if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xAF)
        return 3;
    return 0;
}

/* Trim spaces at both ends of [*b, *e). */
static void trim(const char **b, const char **e)
{
    size_t n;
    while (*b < *e && (n = space_at(*b)) > 0)
        *b += n;
    while (*e > *b) {
        if ((*e)[-1] == ' ' || (*e)[-1] == '\t')
            (*e)--;
        else if (*e - *b >= 2 && (unsigned char)(*e)[-2] == 0xC2 && (unsigned char)(*e)[-1] == 0xA0)
            *e -= 2;
        else if (*e - *b >= 3 && (unsigned char)(*e)[-3] == 0xE2 &&
                 (unsigned char)(*e)[-2] == 0x80 && (unsigned char)(*e)[-1] == 0xAF)
            *e -= 3;
        else
            break;
    }
}

/* 1 when the n bytes at s are word's (lower case) with ASCII letters folded. */
static int same_letters(const char *s, const char *word, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != word[i])
            return 0;
    }
    return 1;
}

/* Strip a currency word ("kr", "kr.", "NOK") at the start or end. */
static void strip_currency(const char **b, const char **e)
{
    /* most cells are bare numbers: look for a letter at either end first */
    if (*b == *e || (!((**b | 0x20) >= 'a' && (**b | 0x20) <= 'z') &&
                     !(((*e)[-1] | 0x20) >= 'a' && ((*e)[-1] | 0x20) <= 'z') && (*e)[-1] != '.'))
        return;
    static const char *const words[] = {"kr.", "kr", "nok"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(*e - *b) > n && same_letters(*b, words[i], n)) {
            *b += n;
            break;
        }
        if ((size_t)(*e - *b) > n && same_letters(*e - n, words[i], n)) {
            *e -= n;
            break;
        }
    }
    trim(b, e);
}

int sl_money_parse_export(sl_money *out, const char *text, const char *field, sl_error *err)
{
    sl__error_reset(err);
    if (!field)
        field = "amount";
    if (!out)
        return sl__null(err, "out");
    if (!text)
        return sl__null(err, field);
    const refusal why = {field, text, err};
    const char *b = text, *e = text + strlen(text);
    trim(&b, &e);
    strip_currency(&b, &e);
    int negative = 0;
    if (e - b >= 2 && *b == '(' && e[-1] == ')') {
        negative = 1;
        b++, e--;
        trim(&b, &e);
        strip_currency(&b, &e);
    }
    if (b < e && (*b == '-' || *b == '+')) {
        if (negative)
            return fail(&why, "a sign inside parentheses");
        negative = *b == '-';
        b++;
    } else if (e - b >= 3 && (unsigned char)b[0] == 0xE2 && (unsigned char)b[1] == 0x88 &&
               (unsigned char)b[2] == 0x92) { /* U+2212 minus sign */
        if (negative)
            return fail(&why, "a sign inside parentheses");
        negative = 1;
        b += 3;
    }
    trim(&b, &e);
    strip_currency(&b, &e);
    /* ",-" (or ",–" with an en dash) ends a price in whole kroner: 3 800 000,- */
    int whole_kroner = 0;
    if (e - b >= 2 && e[-2] == ',' && e[-1] == '-')
        whole_kroner = 1, e -= 2;
    else if (e - b >= 4 && e[-4] == ',' && (unsigned char)e[-3] == 0xE2 &&
             (unsigned char)e[-2] == 0x80 && (unsigned char)e[-1] == 0x93)
        whole_kroner = 1, e -= 4;
    /* digits, and marks: '.', ',' or a space between digits */
    char digits[64];
    size_t nd = 0;
    char marks[64]; /* the mark before digit group k */
    size_t group_len[64], ng = 0;
    group_len[0] = 0;
    if (b == e)
        return fail(&why, "no amount");
    for (const char *p = b; p < e;) {
        size_t sp;
        if (*p >= '0' && *p <= '9') {
            if (nd + 1 >= sizeof digits)
                return fail(&why, "too many digits");
            digits[nd++] = *p++;
            group_len[ng]++;
            continue;
        }
        char mark;
        if (*p == '.' || *p == ',') {
            mark = *p;
            p++;
        } else if ((sp = space_at(p)) > 0) {
            mark = ' ';
            p += sp;
        } else {
            return fail(&why, "unexpected characters (expected e.g. 1 469,33 or kr 1 469,33)");
        }
        if (mark == ' ' && p < e && !(*p >= '0' && *p <= '9'))
            return fail(&why, "unexpected characters (expected e.g. 1 469,33 or kr 1 469,33)");
        if (group_len[ng] == 0 || p == e || !(*p >= '0' && *p <= '9'))
            return fail(&why, "a mark not between digits");
        if (ng + 1 >= sizeof marks)
            return fail(&why, "too many groups");
        marks[++ng] = mark;
        group_len[ng] = 0;
    }
    /* the decimal mark: the last '.' or ',' if it differs from every other
     * mark, or if it is the only one and is not followed by exactly three
     * digits (then it could be grouping) */
    size_t dec = 0; /* group index after the decimal mark, 0 = none */
    if (whole_kroner) { /* every mark groups thousands; ',' would be a decimal mark */
        for (size_t k = 1; k <= ng; k++)
            if (marks[k] == ',')
                return fail(&why, "ambiguous: a ',' before ',-' may group thousands or mark "
                                  "decimals (write 1 469,-)");
    } else if (ng > 0 && marks[ng] != ' ') {
        char m = marks[ng];
        int others_same = 0, others_other = 0;
        for (size_t k = 1; k < ng; k++) {
            if (marks[k] == m)
                others_same = 1;
            else if (marks[k] != ' ')
                others_other = 1;
        }
        if (others_other && others_same)
            return fail(&why, "both '.' and ',' used for grouping");
        if (others_other)
            dec = ng; /* 1.469,33 / 1,469.33 */
        else if (!others_same && (group_len[ng] != 3 || (group_len[0] == 1 && digits[0] == '0')))
            dec = ng; /* 1469,33 / 1 469.5 */
        else if (!others_same) {
            int spaces = 0;
            for (size_t k = 1; k < ng; k++)
                spaces |= marks[k] == ' ';
            if (spaces || group_len[0] > 3)
                return fail(&why, "more than two decimals");
            return fail(&why, "ambiguous: one '.' or ',' before three digits may group "
                              "thousands or mark decimals (write 1 469,00 or 1469)");
        }
        /* else: the same mark more than once groups thousands (1.000.000) */
    }
    if (dec && group_len[dec] > 2)
        return fail(&why, "more than two decimals");
    /* grouping: the first group 1-3 digits, every later one exactly three */
    size_t int_groups = dec ? dec : ng + 1;
    if (int_groups > 1) {
        char gm = 0;
        for (size_t k = 1; k < int_groups; k++) {
            if (gm && marks[k] != gm)
                return fail(&why, "mixed grouping marks");
            gm = marks[k];
            if (group_len[k] != 3)
                return fail(&why, "digit groups of three expected between marks");
        }
        if (group_len[0] > 3)
            return fail(&why, "digit groups of three expected between marks");
    }
    char plain[80]; /* "-1469.33" (no printf: this runs for every cell) */
    size_t int_digits = 0, n = 0;
    for (size_t k = 0; k < int_groups; k++)
        int_digits += group_len[k];
    if (negative)
        plain[n++] = '-';
    memcpy(plain + n, digits, int_digits);
    n += int_digits;
    if (dec) {
        plain[n++] = '.';
        memcpy(plain + n, digits + int_digits, nd - int_digits);
        n += nd - int_digits;
    }
    plain[n] = '\0';
    sl_error plain_err;
    int rc = sl_money_parse(out, plain, field, &plain_err);
    if (rc != SL_OK) { /* the range: said of the text as given */
        const char *reason = strstr(plain_err.message, ": ");
        return sl__fail(err, rc, field, text, "%s '%s': %s", field, text,
                        reason ? reason + 2 : plain_err.message);
    }
    return SL_OK;
}
