/* Reading published vectors from tab-separated files in tests/data. */
#ifndef SL_TEST_VECTORS_H
#define SL_TEST_VECTORS_H

#include <ctype.h>

#include <gmp.h>

#include "testutil.h"

/* Copy column `col` (0-based) of the row whose first column is `id` in the
 * data file `name` into out; fails the test when the row is missing. */
static inline void vector_field(char *out, size_t size, const char *name, const char *id, int col)
{
    char path[1024], line[2048];
    FILE *f = fopen(data_path(path, sizeof path, name), "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    int found = 0;
    while (!found && fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab || (size_t)(tab - line) != strlen(id) || strncmp(line, id, strlen(id)) != 0)
            continue;
        char *p = line;
        for (int c = 0; c < col && p; c++) {
            p = strchr(p, '\t');
            if (p)
                p++;
        }
        ck_assert_msg(p != NULL, "%s: row %s has no column %d", name, id, col);
        size_t n = strcspn(p, "\t\r\n");
        ck_assert(n < size);
        memcpy(out, p, n);
        out[n] = '\0';
        found = 1;
    }
    fclose(f);
    ck_assert_msg(found, "%s: no row %s", name, id);
}

/* The first decimal number in text ("i = 0.1306623 (13.07 %)" -> 1306623/10^7)
 * as an exact rational; *decimals gets its number of decimals. */
static inline void first_decimal(mpq_t out, int *decimals, const char *text)
{
    const char *p = text;
    while (*p && !(isdigit((unsigned char)*p) || (*p == '-' && isdigit((unsigned char)p[1]))))
        p++;
    ck_assert_msg(*p, "no number in '%s'", text);
    int neg = *p == '-';
    if (neg)
        p++;
    mpz_t num, den;
    mpz_inits(num, den, NULL);
    mpz_set_ui(den, 1);
    int d = 0, after = 0;
    for (; isdigit((unsigned char)*p) || (*p == '.' && !after); p++) {
        if (*p == '.') {
            after = 1;
            continue;
        }
        mpz_mul_ui(num, num, 10);
        mpz_add_ui(num, num, (unsigned long)(*p - '0'));
        if (after) {
            mpz_mul_ui(den, den, 10);
            d++;
        }
    }
    if (neg)
        mpz_neg(num, num);
    mpq_set_num(out, num);
    mpq_set_den(out, den);
    mpq_canonicalize(out);
    *decimals = d;
    mpz_clears(num, den, NULL);
}

/* An exact rational (fraction of one) as an sl_rate. */
static inline sl_rate rate_of(const mpq_t q)
{
    sl_rate r = SL_RATE_ZERO;
    ck_assert(sl_rate_from_mpq(&r, q) == SL_OK);
    return r;
}

/* A rate as a percent with `decimals` decimals rounded by mode. */
static inline const char *pct(char *buf, sl_rate r, int decimals, sl_round_mode mode)
{
    ck_assert(sl_rate_format_percent(buf, SL_RATE_BUFSIZE, r, decimals, mode, '.') > 0);
    return buf;
}

#endif
