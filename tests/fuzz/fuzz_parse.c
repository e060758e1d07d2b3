/* Amount, rate and date parsing: whatever the text, a value or an error
 * (never a crash or UB), and a value read back from its own formatting is
 * the same value. */
#include "fuzz_input.h"

static void money(const char *text)
{
    sl_money v;
    sl_error err;
    if (sl_money_parse(&v, text, "amount", &err) != SL_OK) {
        FUZZ_REQUIRE(err.code < 0 && err.message[0] != '\0');
        return;
    }
    static const sl_money_style styles[] = {SL_MONEY_PLAIN, SL_MONEY_NORWEGIAN};
    for (size_t i = 0; i < 2; i++) {
        char buf[SL_MONEY_BUFSIZE];
        FUZZ_REQUIRE(sl_money_format(buf, sizeof buf, v, styles[i]) >= 0);
        sl_money back;
        FUZZ_REQUIRE(sl_money_parse(&back, buf, "amount", &err) == SL_OK);
        FUZZ_REQUIRE(back == v);
    }
}

static void rate(const char *text)
{
    sl_rate r;
    sl_error err;
    if (sl_rate_parse_percent(&r, text, "rate", &err) != SL_OK) {
        FUZZ_REQUIRE(err.code < 0 && err.message[0] != '\0');
        return;
    }
    FUZZ_REQUIRE(r.den > 0);
    char buf[SL_RATE_BUFSIZE];
    if (sl_rate_format_percent(buf, sizeof buf, r, SL_RATE_EXACT, SL_ROUND_HALF_UP, '.') < 0)
        return; /* not a finite decimal in the buffer: nothing to read back */
    sl_rate back;
    FUZZ_REQUIRE(sl_rate_parse_percent(&back, buf, "rate", &err) == SL_OK);
    FUZZ_REQUIRE(sl_rate_compare(back, r) == 0);
}

static void date(const char *text)
{
    sl_date d;
    sl_error err;
    if (sl_date_parse(&d, text, "date", &err) != SL_OK) {
        FUZZ_REQUIRE(err.code < 0);
        return;
    }
    FUZZ_REQUIRE(sl_date_is_valid(d));
    char buf[SL_DATE_BUFSIZE];
    FUZZ_REQUIRE(sl_date_format(buf, sizeof buf, d) >= 0);
    sl_date back;
    FUZZ_REQUIRE(sl_date_parse(&back, buf, "date", &err) == SL_OK);
    FUZZ_REQUIRE(sl_date_compare(back, d) == 0);
    /* arithmetic near it stays defined */
    sl_date moved;
    if (sl_date_add_months(&moved, d, (int)(text[0] * 97), 0) == SL_OK)
        FUZZ_REQUIRE(sl_date_is_valid(moved));
    if (sl_date_add_days(&moved, d, (int64_t)text[0] * 1000003) == SL_OK)
        FUZZ_REQUIRE(sl_date_is_valid(moved));
}

/* A KPI file (rent_index.h): a series or an error; a series drives a rent
 * path from its first month, which gives rents or an error, never a crash. */
static void index_file(const char *text)
{
    sl_index_series *s = NULL;
    sl_error err;
    if (sl_index_series_parse(&s, text, "fuzz", &err) != SL_OK) {
        FUZZ_REQUIRE(s == NULL && err.code < 0 && err.message[0] != '\0');
        return;
    }
    static sl_money rents[SL_RENT_PATH_MAX_MONTHS];
    sl_rent_path_options o = SL_RENT_PATH_OPTIONS_INIT;
    o.rent = 1234567;
    o.months = SL_RENT_PATH_MAX_MONTHS;
    o.start = (sl_date){1900 + (int)(strlen(text) % 200), 1, 1};
    o.index = s;
    o.lag_months = (int)(strlen(text) % 13);
    int rc = sl_rent_path(rents, SL_RENT_PATH_MAX_MONTHS, &o, &err);
    FUZZ_REQUIRE(rc == SL_OK || (rc < 0 && err.message[0] != '\0'));
    for (int m = 0; rc == SL_OK && m < o.months; m++)
        FUZZ_REQUIRE(rents[m] >= 0);
    sl_index_series_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The whole input as each kind of text, then split at the first '\n'. */
    char *all = malloc(size + 1);
    if (!all)
        return 0;
    memcpy(all, data, size);
    all[size] = '\0';
    money(all);
    rate(all);
    date(all);
    index_file(all);
    char *nl = strchr(all, '\n');
    if (nl) {
        *nl = '\0';
        money(nl + 1);
        rate(all);
        date(nl + 1);
    }
    free(all);
    return 0;
}
