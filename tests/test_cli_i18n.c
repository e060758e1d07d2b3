/* The programs' language: --lang nb|nn|en, the locale (LANG, LC_ALL …) when
 * no --lang is given, English without either, and --lang working whether or
 * not the machine has the nb_NO/nn_NO locales generated (the catalogues come
 * from the build tree, SL_LOCALEDIR). argv: every program. */
#include "cli_run.h"

static char **progs;
static int n_progs;

/* Run prog with an environment: env ... prog args (NULL-terminated). */
static void run_env(cli_result *r, const char *const *env, char *const *args)
{
    char *argv[64];
    int n = 0;
    argv[n++] = "/usr/bin/env";
    argv[n++] = "-u";
    argv[n++] = "LC_ALL";
    argv[n++] = "-u";
    argv[n++] = "LC_MESSAGES";
    argv[n++] = "-u";
    argv[n++] = "LANGUAGE";
    argv[n++] = "-u";
    argv[n++] = "LANG";
    for (; env && *env; env++)
        argv[n++] = (char *)*env;
    for (; *args; args++)
        argv[n++] = *args;
    argv[n] = NULL;
    ck_assert(n < 64);
    cli_run(r, argv, NULL);
}

START_TEST(lang_option_chooses_the_language_of_errors)
{
    static cli_result r;
    char *p = progs[_i];
    run_env(&r, NULL, (char *[]){p, "--lang", "nb", "--no-such-option", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--no-such-option");
    ck_assert_msg(strstr(r.err, "ukjent valg «--no-such-option»"), "%s: %s", p, r.err);
    run_env(&r, NULL, (char *[]){p, "--no-such-option", "--lang=nn", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--no-such-option");
    ck_assert_msg(strstr(r.err, "ukjent val «--no-such-option»"), "%s: %s", p, r.err);
    ck_assert_msg(strstr(r.err, "sjå «"), "%s: %s", p, r.err);
    run_env(&r, NULL, (char *[]){p, "--lang", "en", "--no-such-option", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--no-such-option");
    ck_assert_msg(strstr(r.err, "unknown option '--no-such-option'"), "%s: %s", p, r.err);
}
END_TEST

START_TEST(locale_chooses_without_lang)
{
    static cli_result r;
    char *p = progs[_i];
    run_env(&r, (const char *[]){"LANG=nb_NO.UTF-8", NULL}, (char *[]){p, "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "ukjent valg"), "%s: %s", p, r.err);
    run_env(&r, (const char *[]){"LC_ALL=nn_NO.UTF-8", "LANG=en_GB.UTF-8", NULL},
            (char *[]){p, "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "ukjent val "), "%s: %s", p, r.err);
    /* --lang wins over the locale */
    run_env(&r, (const char *[]){"LANG=nb_NO.UTF-8", NULL},
            (char *[]){p, "--lang", "en", "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "unknown option"), "%s: %s", p, r.err);
    /* the C locale, or none: English, whatever LANGUAGE says (as gettext) */
    run_env(&r, (const char *[]){"LANG=C", "LANGUAGE=nb", NULL}, (char *[]){p, "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "unknown option"), "%s: %s", p, r.err);
    run_env(&r, NULL, (char *[]){p, "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "unknown option"), "%s: %s", p, r.err);
    run_env(&r, (const char *[]){"LC_ALL=C", "LANG=nb_NO.UTF-8", NULL},
            (char *[]){p, "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "unknown option"), "%s: %s", p, r.err);
}
END_TEST

START_TEST(unknown_language_is_a_usage_error)
{
    static cli_result r;
    char *p = progs[_i];
    run_env(&r, NULL, (char *[]){p, "--lang", "de", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--lang 'de'");
    run_env(&r, NULL, (char *[]){p, "--lang=", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--lang");
    run_env(&r, NULL, (char *[]){p, "--lang", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--lang");
    run_env(&r, NULL, (char *[]){p, "--lang", "nb\x1b[2J", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--lang");
    ck_assert_msg(strchr(r.err, '\x1b') == NULL, "escape sequence copied to stderr");
}
END_TEST

START_TEST(missing_catalogues_fall_back_to_english)
{
    static cli_result r;
    char *p = progs[_i];
    run_env(&r, (const char *[]){"SL_LOCALEDIR=/nonexistent", NULL},
            (char *[]){p, "--lang", "nb", "--no-such", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--no-such");
    ck_assert_msg(strstr(r.err, "unknown option"), "%s: %s", p, r.err);
}
END_TEST

/* Lines at most `width` characters (UTF-8 code points) wide. */
static void expect_width(const char *text, int width)
{
    int w = 0, line = 1;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '\n') {
            w = 0;
            line++;
        } else if ((*p & 0xC0) != 0x80) {
            ck_assert_msg(++w <= width, "line %d wider than %d:\n%s", line, width, text);
        }
    }
}

#define NBSP "\xC2\xA0"

START_TEST(plan_in_norwegian)
{
    static cli_result r;
    char *plan = progs[0]; /* sl-plan */
    char *args[] = {plan, "--lang", "nb", "--amount", "1500000", "--rate", "5.1", "--years", "20",
                    "--term-fee", "30", "--payout-date", "2026-01-15", NULL};
    run_env(&r, NULL, args);
    ck_assert_int_eq(r.status, 0);
    ck_assert(strstr(r.out, "Nedbetalingsplan for startlån"));
    ck_assert(strstr(r.out, "Lånebeløp"));
    ck_assert(strstr(r.out, "1" NBSP "500" NBSP "000,00 kr"));
    ck_assert(strstr(r.out, "Terminbeløp"));
    ck_assert(strstr(r.out, "Restgjeld"));
    ck_assert(strstr(r.out, " 15.02.2026 ")); /* dd.mm.yyyy */
    ck_assert(strstr(r.out, "Effektiv rente"));
    ck_assert(strstr(r.out, "5,26 %"));
    ck_assert(!strstr(r.out, "2026-02-15"));
    ck_assert(!strstr(r.out, "Interest"));
    expect_width(r.out, 100);
    args[2] = "nn";
    run_env(&r, NULL, args);
    ck_assert_int_eq(r.status, 0);
    ck_assert(strstr(r.out, "Terminar"));
    ck_assert(strstr(r.out, "240 månadlege (20 år)"));
    expect_width(r.out, 100);
    args[2] = "en";
    run_env(&r, NULL, args);
    ck_assert(strstr(r.out, "Amount (lånebeløp)") && strstr(r.out, "2026-02-15"));
    ck_assert(strstr(r.out, "1 500 000,00 kr"));
    expect_width(r.out, 100);
}
END_TEST

START_TEST(plan_views)
{
    static cli_result r;
    char *plan = progs[0];
    /* the built-in example: 25 years, one line a year */
    run_env(&r, NULL, (char *[]){plan, "--view", "year", NULL});
    ck_assert_int_eq(r.status, 0);
    ck_assert(strstr(r.out, "Year"));
    ck_assert(strstr(r.out, "\n25 "));
    ck_assert(!strstr(r.out, "\n26 "));
    /* year 1 of the example: 12 payments of 11 306,17 (fee included) */
    ck_assert_msg(strstr(r.out, "\n1         135 674,04      91 884,12      43 429,92     360,00"),
                  "%s", r.out);
    expect_width(r.out, 100);
    run_env(&r, NULL, (char *[]){plan, "--view", "summary", "--lang", "nb", NULL});
    ck_assert_int_eq(r.status, 0);
    ck_assert(strstr(r.out, "Første terminbeløp"));
    ck_assert(strstr(r.out, "Totalt å betale"));
    ck_assert(!strstr(r.out, "Forfall"));
    ck_assert_int_lt(count_lines(r.out), 30);
    run_env(&r, NULL, (char *[]){plan, "--view", "year", "--format", "csv", NULL});
    ck_assert_int_eq(r.status, 0);
    static const char head[] = "year,paid,interest,principal,fees,balance\n1,135674.04,91884.12,";
    ck_assert(strncmp(r.out, head, sizeof head - 1) == 0);
    ck_assert_int_eq(count_lines(r.out), 26);
    run_env(&r, NULL, (char *[]){plan, "--view", "month", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--view 'month'");
    run_env(&r, NULL, (char *[]){plan, "--view", "year", "--format", "json", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--view");
}
END_TEST

/* Machine output is the same in every language. */
START_TEST(machine_output_stays_english)
{
    static cli_result en, nb;
    char *plan = progs[0];
    const char *formats[] = {"json", "csv"};
    for (int i = 0; i < 2; i++) {
        run_env(&en, NULL, (char *[]){plan, "--format", (char *)formats[i], "--lang", "en", NULL});
        run_env(&nb, NULL, (char *[]){plan, "--format", (char *)formats[i], "--lang", "nb", NULL});
        ck_assert_int_eq(en.status, 0);
        ck_assert_str_eq(en.out, nb.out);
    }
    ck_assert(strstr(en.out, "term,due_date,opening_balance"));
}
END_TEST

START_TEST(excel_no_csv)
{
    static cli_result r, m;
    char *plan = progs[0];
    run_env(&r, NULL, (char *[]){plan, "--amount", "100000", "--rate", "3", "--years", "1",
                                 "--csv-style", "excel-no", NULL});
    run_env(&m, NULL, (char *[]){plan, "--amount", "100000", "--rate", "3", "--years", "1",
                                 "--format", "csv", NULL});
    ck_assert_int_eq(r.status, 0);
    static const char head[] = "\xEF\xBB\xBFterm;due_date;opening_balance;";
    ck_assert(strncmp(r.out, head, sizeof head - 1) == 0);
    ck_assert_msg(strstr(r.out, "\r\n1;;100000,00;250,00;8219,37;0,00;8469,37;91780,63;;3,000;"
                                "amortised\r\n"), "%s", r.out);
    ck_assert_int_eq(count_lines(r.out), count_lines(m.out));
    for (const char *p = strchr(r.out, '\n'); p; p = strchr(p + 1, '\n'))
        ck_assert(p[-1] == '\r');
    run_env(&r, NULL, (char *[]){plan, "--csv-style", "excel", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--csv-style 'excel'");
    run_env(&r, NULL, (char *[]){plan, "--csv-style", "excel-no", "--format", "json", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--csv-style");
    /* bad input after the style: nothing on stdout */
    run_env(&r, NULL, (char *[]){plan, "--csv-style", "excel-no", "--rate", "x", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--rate");
}
END_TEST

START_TEST(rent_to_own_views)
{
    static cli_result r;
    char *rto = progs[6]; /* sl-rent-to-own */
    run_env(&r, NULL, (char *[]){rto, "--price", "3200000", "--rent-months", "24", "--rent",
                                 "14500", "--rate", "4.64", "--value-growth", "2", NULL});
    ck_assert_int_eq(r.status, 0);
    expect_width(r.out, 100);
    run_env(&r, NULL, (char *[]){rto, "--view", "year", NULL});
    ck_assert_int_eq(r.status, 0);
    expect_width(r.out, 100);
    /* the built-in example from 2025: 36 rent months, then the loan to 2058 */
    ck_assert_msg(strstr(r.out, "\n2025    144 000,00         0,00"), "%s", r.out);
    ck_assert(strstr(r.out, "\n2058 "));
    ck_assert(!strstr(r.out, "\n2059 "));
    ck_assert(!strstr(r.out, "Housing cost"));
    run_env(&r, NULL, (char *[]){rto, "--view", "year", "--format", "csv", NULL});
    ck_assert_int_eq(r.status, 0);
    ck_assert(strncmp(r.out, "year,rent,loan_paid,interest,principal,fees,loan_balance,", 57) == 0);
    ck_assert_int_eq(count_lines(r.out), 1 + 2058 - 2025 + 1);
    run_env(&r, NULL, (char *[]){rto, "--view", "summary", NULL});
    ck_assert_int_eq(r.status, 0);
    ck_assert(strstr(r.out, "Start loan needed"));
    ck_assert(!strstr(r.out, "Housing cost"));
    ck_assert_int_lt(count_lines(r.out), 40);
    run_env(&r, NULL, (char *[]){rto, "--view", "year", "--format", "json", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--view");
}
END_TEST

/* The budget and the timeline in Norwegian. */
START_TEST(capacity_and_rent_to_own_in_norwegian)
{
    static cli_result r;
    char *capacity = progs[3], *rto = progs[6];
    char *args[] = {capacity, "--lang", "nb", "--adults", "2", "--children-0-5", "1",
                    "--income", "62000", "--date", "2024-03-01", "--policy-rate", "4.5",
                    "--max-loan", NULL};
    run_env(&r, NULL, args);
    ck_assert_int_eq(r.status, 0);
    ck_assert(strstr(r.out, "Betjeningsevne"));
    ck_assert(strstr(r.out, "Til disposisjon"));
    ck_assert(strstr(r.out, "Stresset rente"));
    ck_assert(!strstr(r.out, "Surplus") && !strstr(r.out, "Shortfall"));
    args[2] = "nn";
    run_env(&r, NULL, args);
    ck_assert(strstr(r.out, "Hushald: eit par"));
    run_env(&r, NULL, (char *[]){rto, "--lang", "nb", NULL});
    ck_assert_int_eq(r.status, 0);
    ck_assert(strstr(r.out, "Måned Dato"));
    ck_assert(strstr(r.out, " 01.01.2025 leie "));
    ck_assert(strstr(r.out, "Før: "));
}
END_TEST

/* The programs whose --help is translated (indices into progs: sl-plan
 * sl-rate sl-apr sl-capacity sl-audit sl-portfolio sl-rent-to-own sl-finance). */
static const int help_translated[] = {0, 1, 2, 3, 4, 5, 6, 7};

/* --help in bokmål and nynorsk: no English line left ("Usage:", "(default"),
 * and nynorsk is its own text, not bokmål. */
START_TEST(help_in_norwegian)
{
    static cli_result nb, nn, en;
    char *p = progs[help_translated[_i]];
    run_env(&en, NULL, (char *[]){p, "--help", NULL});
    run_env(&nb, NULL, (char *[]){p, "--lang", "nb", "--help", NULL});
    run_env(&nn, NULL, (char *[]){p, "--lang", "nn", "--help", NULL});
    ck_assert_int_eq(en.status, 0);
    ck_assert_int_eq(nb.status, 0);
    ck_assert_int_eq(nn.status, 0);
    ck_assert_msg(strstr(en.out, "Usage:"), "%s: %s", p, en.out);
    ck_assert_msg(strncmp(nb.out, "Bruk:", 5) == 0, "%s: %s", p, nb.out);
    ck_assert_msg(strncmp(nn.out, "Bruk:", 5) == 0, "%s: %s", p, nn.out);
    const char *english[] = {"Usage:", "(default", " the ", " of the "};
    for (size_t i = 0; i < sizeof english / sizeof *english; i++) {
        ck_assert_msg(!strstr(nb.out, english[i]), "%s nb: '%s' in\n%s", p, english[i], nb.out);
        ck_assert_msg(!strstr(nn.out, english[i]), "%s nn: '%s' in\n%s", p, english[i], nn.out);
    }
    ck_assert_msg(strcmp(nb.out, nn.out) != 0, "%s: nynorsk help is bokmål", p);
    ck_assert_msg(strstr(nb.out, "standard") && strstr(nn.out, "standard"), "%s", p);
    ck_assert_msg(strstr(nb.out, " ikke ") || strstr(nb.out, "utdataene"), "%s", p);
    ck_assert_msg(!strstr(nn.out, " ikke ") && !strstr(nn.out, "utdataene"), "%s", p);
}
END_TEST

/* sl-rate and sl-apr print one number for scripts and sl-web, the same in
 * every language; their errors and sl-apr's --verbose are translated, the
 * bracket with a decimal comma. */
START_TEST(rate_and_apr_in_norwegian)
{
    static cli_result en, nb;
    char *rate = progs[1], *apr = progs[2];
    char *rargs[] = {rate, "--lang", "en", "--effective", "4.290", NULL};
    run_env(&en, NULL, rargs);
    rargs[2] = "nb";
    run_env(&nb, NULL, rargs);
    ck_assert_int_eq(nb.status, 0);
    ck_assert_str_eq(nb.out, "4.208\n");
    ck_assert_str_eq(en.out, nb.out);
    run_env(&nb, NULL, (char *[]){rate, "--lang", "nb", NULL});
    exec_expect_usage_error(nb.status, nb.out, nb.err, "--effective eller --nominal må oppgis");
    run_env(&nb, NULL,
            (char *[]){rate, "--lang", "nn", "--nominal", "4", "--effective", "4", NULL});
    exec_expect_usage_error(nb.status, nb.out, nb.err, "éin gong");
    char *aargs[] = {apr, "--lang", "nb", "--verbose", "--flow", "2025-01-01:1000",
                     "--flow", "2026-01-01:-1050", NULL};
    run_env(&nb, NULL, aargs);
    ck_assert_int_eq(nb.status, 0);
    ck_assert_str_eq(nb.out, "5.00\n");
    ck_assert_msg(strstr(nb.err, "roten er nøyaktig 5,000" NBSP "%"), "%s", nb.err);
    aargs[2] = "en";
    run_env(&en, NULL, aargs);
    ck_assert_str_eq(en.out, nb.out);
    ck_assert_msg(strstr(en.err, "the root is exactly 5.000 %"), "%s", en.err);
    run_env(&nb, NULL, (char *[]){apr, "--lang", "nn", "--flow", "2025-1x-01:1", NULL});
    exec_expect_usage_error(nb.status, nb.out, nb.err, "ikkje ein gyldig ÅÅÅÅ-MM-DD");
    run_env(&nb, NULL, (char *[]){apr, "--lang", "nn", "--flow", "2025-13-01:1", NULL});
    exec_expect_usage_error(nb.status, nb.out, nb.err, "datoen finst ikkje (åra 1900 til 9999");
}
END_TEST

/* sl-audit's report in Norwegian; its CSV and JSON in English whatever the
 * language; excel-no with ';' and a decimal comma. */
START_TEST(audit_in_norwegian)
{
    static cli_result r, en;
    char *audit = progs[4];
    char path[] = "/tmp/sl-i18n-auditXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    /* term 2's payment is 0,10 too high; 1 234 567,00 borrowed */
    fputs("term,due_date,opening_balance,interest,principal,fee,payment,closing_balance\n"
          "1,2025-02-15,1234567.00,5144.03,616000.17,0.00,621144.20,618566.83\n"
          "2,2025-03-15,618566.83,2577.36,618566.83,0.00,621144.29,0.00\n",
          f);
    fclose(f);
    char *args[] = {audit, "--lang", "nb", "--plan", path, "--amount", "1234567", "--rate", "5",
                    "--terms", "2", "--payout-date", "2025-01-15", NULL};
    run_env(&r, NULL, args);
    ck_assert_int_eq(r.status, 1);
    ck_assert_msg(strstr(r.out, "Kontroll av "), "%s", r.out);
    ck_assert_msg(strstr(r.out, "Første avvik, linje 3 (termin 2)"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "etter kontrakten 621" NBSP "144,19 (+0,10)"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "1" NBSP "234" NBSP "567,00"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "Resultat: planen avviker fra kontrakten: 1 avvik, 2 forskjeller"),
                  "%s", r.out);
    ck_assert(!strstr(r.out, "Result:") && !strstr(r.out, "divergence"));
    expect_width(strchr(r.out, '\n') + 1, 100); /* the first line names the file */
    args[2] = "nn";
    run_env(&r, NULL, args);
    ck_assert_msg(strstr(r.out, "Resultat: planen avvik frå kontrakten: 1 avvik, 2 skilnader"),
                  "%s", r.out);
    /* machine output: the same in every language */
    char *cargs[] = {audit, "--lang", "nb", "--plan", path, "--amount", "1234567", "--rate", "5",
                     "--terms", "2", "--payout-date", "2025-01-15", "--format", "csv", NULL};
    run_env(&r, NULL, cargs);
    cargs[2] = "en";
    run_env(&en, NULL, cargs);
    ck_assert_int_eq(r.status, 1);
    ck_assert_str_eq(r.out, en.out);
    ck_assert_str_eq(r.out, "row,line,term,field,column,check,expected,found,difference,"
                            "within_tolerance,follows_from_row\n"
                            "2,3,2,payment,payment,sum,621144.19,621144.29,0.10,false,\n"
                            "2,3,2,payment,payment,mismatch,621144.19,621144.29,0.10,false,\n");
    cargs[13] = "--csv-style";
    cargs[14] = "excel-no";
    run_env(&r, NULL, cargs);
    ck_assert_int_eq(r.status, 1);
    ck_assert_msg(strstr(r.out, "\xEF\xBB\xBFrow;line;term;") == r.out, "%s", r.out);
    ck_assert_msg(
        strstr(r.out, "\r\n2;3;2;payment;payment;sum;621144,19;621144,29;0,10;false;\r\n"), "%s",
        r.out);
    cargs[13] = "--format";
    cargs[14] = "json";
    run_env(&r, NULL, cargs);
    cargs[2] = "nb";
    run_env(&en, NULL, cargs);
    ck_assert_str_eq(r.out, en.out);
    ck_assert(strstr(r.out, "the plan departs from the contract"));
    unlink(path);
}
END_TEST

/* sl-portfolio writes CSV or JSON (English, the same in every language);
 * its help, errors and warnings are translated. */
START_TEST(portfolio_messages_in_norwegian)
{
    static cli_result r, en;
    char *portfolio = progs[5];
    char path[] = "/tmp/sl-i18n-bookXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs("id,amount,rate,terms,terms_per_year,type,payout_date\n"
          "A1,100000,5,12,12,annuity,2025-01-15\n"
          "A2,x,5,12,12,annuity,2025-01-15\n",
          f);
    fclose(f);
    char *args[] = {portfolio, "--lang", "nb", "--loans", path, "--as-of", "2025-06-30",
                    "--on-error", "skip", NULL};
    run_env(&r, NULL, args);
    args[2] = "en";
    run_env(&en, NULL, args);
    ck_assert_int_eq(r.status, 1);
    ck_assert_str_eq(r.out, en.out);
    ck_assert_msg(strstr(r.err, "linje 3, ") && strstr(r.err, "raden er hoppet over"), "%s", r.err);
    args[2] = "nn";
    run_env(&r, NULL, args);
    ck_assert_msg(strstr(r.err, "rada er hoppa over"), "%s", r.err);
    args[8] = "go-on";
    run_env(&r, NULL, args);
    exec_expect_usage_error(r.status, r.out, r.err,
                            "--on-error «go-on»: må vere stop eller skip");
    unlink(path);
}
END_TEST

/* sl-finance's table: kilder og bruk, the payments, the budget, the rate
 * shock, in Norwegian words and figures. */
START_TEST(finance_in_norwegian)
{
    static cli_result r;
    char *finance = progs[7];
    char *args[] = {finance, "--lang", "nb", "--price", "3800000", "--own-funds", "190000",
                    "--bank-share", "85", "--bank-rate", "5.5", "--start-rate", "4.64",
                    "--margin", "0.25", "--date", "2026-12-01", "--adults", "2",
                    "--children-0-5", "1", "--income", "62000", "--policy-rate", "4",
                    "--rate-shock", "3", "--gross-income-yearly", "650000", NULL};
    run_env(&r, NULL, args);
    ck_assert_int_eq(r.status, 0);
    const char *want[] = {
        "Boligkjøp: selveier, dato 01.12.2026",
        "\nBruk\n",
        "Kjøpesum                                             3" NBSP "800" NBSP "000,00 kr",
        "Tinglysing (3 dokumenter × 545,00)",
        "\nKilder\n",
        "Egenkapital",
        "Terminbeløp per måned (kr)",
        "Startlån (4,640 % + 0,250, 30 år)",
        "Etter rentefradrag (22 % av rentene, skatteregler for 2026)",
        "Betjeningsevne med stresset rente, per måned",
        "Veiledende satser gyldige fra 01.01.2024",
        "Til disposisjon for bolig",
        "Inntektstaker 1: brutto lønn per år",
        "trinnskatt",
        "Rentesjokk: alle renter +3,000 prosentpoeng",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        ck_assert_msg(strstr(r.out, want[i]), "'%s' not in\n%s", want[i], r.out);
    ck_assert(!strstr(r.out, "Sources") && !strstr(r.out, "Surplus") && !strstr(r.out, "Payments"));
    expect_width(r.out, 100);
    args[2] = "nn";
    run_env(&r, NULL, args);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "\nKjelder\n") && strstr(r.out, "Bustadkjøp:") &&
                      strstr(r.out, "Inntektstakar 1: brutto løn per år"),
                  "%s", r.out);
    expect_width(r.out, 100);
    /* machine output: the same in every language */
    static cli_result en;
    char *cargs[] = {finance, "--lang", "nb", "--price", "3800000", "--own-funds", "190000",
                     "--bank-share", "85", "--bank-rate", "5.5", "--start-rate", "4.64",
                     "--date", "2026-12-01", "--format", "csv", NULL};
    run_env(&r, NULL, cargs);
    cargs[2] = "en";
    run_env(&en, NULL, cargs);
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, en.out);
}
END_TEST

/* The sum of CSV column col (0-based) over the data lines, in øre
 * ("1234.56" or "1234,56"; sep ',' or ';'). */
static long long csv_column_sum(const char *csv, int col, char sep)
{
    long long sum = 0;
    const char *line = strchr(csv, '\n'); /* after the header */
    while (line && line[1]) {
        line++;
        const char *f = line;
        for (int i = 0; i < col && f; i++) {
            f = strchr(f, sep);
            if (f)
                f++;
        }
        ck_assert_ptr_nonnull(f);
        long long whole = 0, cents = 0;
        int neg = *f == '-';
        if (neg)
            f++;
        while (*f >= '0' && *f <= '9')
            whole = whole * 10 + (*f++ - '0');
        if (*f == '.' || *f == ',') {
            cents = (f[1] - '0') * 10 + (f[2] - '0');
        }
        sum += (neg ? -1 : 1) * (whole * 100 + cents);
        line = strchr(line, '\n');
    }
    return sum;
}

/* Rent-to-own and deleie in Norwegian; deleie's --view year|summary. */
START_TEST(rent_to_own_and_part_own_in_norwegian)
{
    static cli_result r, m;
    char *rto = progs[6];
    run_env(&r, NULL, (char *[]){rto, "--lang", "nb", NULL});
    ck_assert_int_eq(r.status, 0);
    const char *want[] = {"Leie til eie\n",
                          "Fase 1, leie: måned 1-36, husleie 12" NBSP "000,00 kr",
                          "kjøp 01.01.2028",
                          "= Startlån som trengs",
                          "Effektiv rente 5,15" NBSP "%",
                          "Om kjøpsretten faller bort"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        ck_assert_msg(strstr(r.out, want[i]), "'%s' not in\n%.3000s", want[i], r.out);
    ck_assert(!strstr(r.out, "The purchase") && !strstr(r.out, "Phase"));
    expect_width(r.out, 100);
    char *part[] = {rto, "--lang", "nb", "--model", "part-own", "--price", "3000000",
                    "--own-funds", "300000", "--market-rent", "20000", "--buy", "12:10",
                    "--buy", "24:10", "--rate", "5", "--start", "2025-01-01", NULL, NULL,
                    NULL, NULL, NULL};
    run_env(&r, NULL, part);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "Deleie\n") &&
                      strstr(r.out, "Første andel: 50,00" NBSP "% av 3" NBSP "000" NBSP
                                    "000,00 kr = 1" NBSP "500" NBSP "000,00 kr") &&
                      strstr(r.out, "\n    1 01.01.2025   50,00  10" NBSP "000,00"),
                  "%.3000s", r.out);
    expect_width(r.out, 100);
    int months = count_lines(r.out);
    /* one line a year: 2025 to the loan's last year, sums equal to the months' */
    part[19] = "--view";
    part[20] = "year";
    run_env(&r, NULL, part);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "År ") && strstr(r.out, "\n2025    50,00 ") &&
                      strstr(r.out, "\n2026    60,00 ") && strstr(r.out, "\n2027    70,00 "),
                  "%.3000s", r.out);
    ck_assert_int_lt(count_lines(r.out), months / 5);
    expect_width(r.out, 100);
    part[21] = "--format";
    part[22] = "csv";
    run_env(&r, NULL, part);
    part[19] = "--format";
    part[20] = "csv";
    part[21] = NULL;
    run_env(&m, NULL, part);
    ck_assert_int_eq(r.status, 0);
    ck_assert_int_eq(m.status, 0);
    static const char head[] = "year,owned_percent,rent,loan_paid,housing_cost,bought,"
                               "loan_balance,equity\n2025,50.00,120000.00,";
    ck_assert_msg(strncmp(r.out, head, sizeof head - 1) == 0, "%.3000s", r.out);
    /* rent, loan payments, housing cost, bought: the years sum to the months */
    const int year_col[] = {2, 3, 4, 5}, month_col[] = {3, 4, 5, 7};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(csv_column_sum(r.out, year_col[i], ','),
                         csv_column_sum(m.out, month_col[i], ','));
    /* the key figures only, in nynorsk */
    part[2] = "nn";
    part[19] = "--view";
    part[20] = "summary";
    part[21] = "--rate-shock";
    part[22] = "2";
    run_env(&r, NULL, part);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "Deleige") && strstr(r.out, "Høgaste buutgift i ein månad") &&
                      !strstr(r.out, "01.02.2025"),
                  "%.3000s", r.out);
    ck_assert_int_lt(count_lines(r.out), 15);
    part[21] = "--format";
    part[22] = "json";
    run_env(&r, NULL, part);
    exec_expect_usage_error(r.status, r.out, r.err, "--view");
}
END_TEST

/* A temporary file holding text; path receives its name. */
static void temp_file(char path[64], const char *text)
{
    snprintf(path, 64, "/tmp/sl-i18n-tableXXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
}

/* One line on stderr, nothing on stdout, exit 2, naming what. */
static void one_line_refusal(const cli_result *r, const char *what)
{
    exec_expect_usage_error(r->status, r->out, r->err, what);
    ck_assert_msg(strchr(r->err, '\n') == r->err + strlen(r->err) - 1, "more than a line: %s",
                  r->err);
}

/* The plan, book, events and ledger reader's refusals (table_reader.c,
 * book_files.c) in the output's language; the file's header names and
 * values as they are; a skipped row's JSON "error" the same in every
 * language. */
START_TEST(table_reader_refusals_in_norwegian)
{
    static cli_result r, en;
    char *audit = progs[4], *portfolio = progs[5];
    char plan[64], book[64], events[64], ledger[64];
    temp_file(plan, "Termin;Forfall;Avdrag;Restgjeld\n1;2025-02-15;100;900\n");
    char *args[] = {audit, "--lang", "nb", "--plan", plan, NULL, NULL, NULL};
    run_env(&r, NULL, args);
    one_line_refusal(&r, "linje 1: overskriften har ingen kolonne «interest» (oppgi den med "
                         "--columns)");
    args[2] = "nn";
    run_env(&r, NULL, args);
    one_line_refusal(&r, "linje 1: overskrifta har ingen kolonne «interest» (oppgje ho med "
                         "--columns)");
    args[2] = "en";
    run_env(&r, NULL, args);
    one_line_refusal(&r, "line 1: the header has no column 'interest' (name it with --columns)");
    /* an option's value: a usage error, in the language too */
    args[2] = "nn";
    args[5] = "--encoding";
    args[6] = "ebcdic";
    run_env(&r, NULL, args);
    one_line_refusal(&r, "--encoding «ebcdic»: må vere auto, utf-8");
    args[5] = "--columns";
    args[6] = "renter=Renter";
    run_env(&r, NULL, args);
    one_line_refusal(&r, "--columns «renter=Renter»: venta NAMN=OVERSKRIFT med eit kjent NAMN");
    unlink(plan);

    temp_file(book, "id,amount,rate,terms,terms_per_year,type,payout_date\n"
                    "A1,100000,5,12,12,annuity,2025-01-15\n"
                    "A2,100000,5,12,12\n");
    char *bargs[] = {portfolio, "--lang", "nb", "--loans", book, "--as-of", "2025-06-30",
                     "--on-error", "skip", "--format", "json", NULL};
    run_env(&r, NULL, bargs);
    bargs[2] = "en";
    run_env(&en, NULL, bargs);
    ck_assert_int_eq(r.status, 1);
    ck_assert_str_eq(r.out, en.out);
    ck_assert_msg(strstr(r.out, "\"error\":\"column 6: 5 fields where the header has 7\""), "%s",
                  r.out);
    ck_assert_msg(strstr(en.err, "line 3, column 6: 5 fields where the header has 7; row skipped"),
                  "%s", en.err);
    bargs[2] = "nb";
    run_env(&r, NULL, bargs);
    ck_assert_msg(strstr(r.err, "linje 3, kolonne 6: 5 felt der overskriften har 7; raden er "
                                "hoppet over"),
                  "%s", r.err);
    bargs[2] = "nn";
    bargs[7] = NULL;
    run_env(&r, NULL, bargs);
    one_line_refusal(&r, "linje 3, kolonne 6: 5 felt der overskrifta har 7");

    temp_file(events, "Lånenr;Dato;Beløp\nA1;01.03.2025;1000\n");
    char *eargs[] = {portfolio, "--lang", "nb", "--loans", book, "--as-of", "2025-06-30",
                     "--events", events, NULL};
    run_env(&r, NULL, eargs);
    one_line_refusal(&r, "linje 1: overskriften har ingen kolonne «kind» (oppgi den med --columns)");
    temp_file(ledger, "id;balance\nA1;1000\n;2000\n");
    eargs[2] = "nn";
    eargs[7] = "--reconcile";
    eargs[8] = ledger;
    run_env(&r, NULL, eargs);
    one_line_refusal(&r, "linje 3, kolonne 1: lånenummer manglar");
    unlink(book);
    unlink(events);
    unlink(ledger);
}
END_TEST

/* The shared option code's errors: one line in the output's language. */
START_TEST(shared_errors_in_norwegian)
{
    static cli_result r;
    run_env(&r, NULL, (char *[]){progs[3], "--lang", "nb", "--income-item", "lønn", NULL});
    exec_expect_usage_error(r.status, r.out, r.err,
                            "--income-item «lønn»: må være TYPE:BELØP[:TIL]");
    run_env(&r, NULL, (char *[]){progs[0], "--lang", "nn", "--day-count", "x", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--day-count «x»: må vere equal eller act365");
    run_env(&r, NULL, (char *[]){progs[6], "--lang", "nb", "--model", "own", NULL});
    exec_expect_usage_error(r.status, r.out, r.err,
                            "--model «own»: må være rent-to-own, rent-before-own eller part-own");
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PROGRAM...\n", argv[0]);
        return 2;
    }
    progs = argv + 1;
    n_progs = argc - 1;
    Suite *s = suite_create("cli_i18n");
    TCase *tc = tcase_create("language");
    tcase_add_loop_test(tc, lang_option_chooses_the_language_of_errors, 0, n_progs);
    tcase_add_loop_test(tc, locale_chooses_without_lang, 0, n_progs);
    tcase_add_loop_test(tc, unknown_language_is_a_usage_error, 0, n_progs);
    tcase_add_loop_test(tc, missing_catalogues_fall_back_to_english, 0, n_progs);
    suite_add_tcase(s, tc);
    TCase *plan = tcase_create("sl-plan");
    tcase_add_test(plan, plan_in_norwegian);
    tcase_add_test(plan, plan_views);
    tcase_add_test(plan, machine_output_stays_english);
    tcase_add_test(plan, excel_no_csv);
    tcase_add_test(plan, rent_to_own_views);
    tcase_add_test(plan, capacity_and_rent_to_own_in_norwegian);
    suite_add_tcase(s, plan);
    TCase *people = tcase_create("programs");
    tcase_add_loop_test(people, help_in_norwegian, 0,
                        (int)(sizeof help_translated / sizeof *help_translated));
    tcase_add_test(people, rate_and_apr_in_norwegian);
    tcase_add_test(people, audit_in_norwegian);
    tcase_add_test(people, portfolio_messages_in_norwegian);
    tcase_add_test(people, finance_in_norwegian);
    tcase_add_test(people, rent_to_own_and_part_own_in_norwegian);
    tcase_add_test(people, shared_errors_in_norwegian);
    tcase_add_test(people, table_reader_refusals_in_norwegian);
    suite_add_tcase(s, people);
    return run_suite(s);
}
