/* A plan's rows as sl-plan writes them (CSV line, JSON object), shared by
 * every program that prints rows (sl-plan, sl-portfolio --loan). */
#include "cli.h"

#include <string.h>

void cli_row_csv_header(void)
{
    puts("term,due_date,opening_balance,interest,principal,fee,payment,closing_balance,"
         "days,rate,event");
}

void cli_row_csv(const sl_plan_row *r)
{
    char d[SL_DATE_BUFSIZE], a[6][SL_MONEY_BUFSIZE], rate[SL_RATE_BUFSIZE], ev[256], days[16];
    snprintf(days, sizeof days, "%d", r->days);
    printf("%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", r->term, cli_date_text(d, r->due_date),
           cli_plain(a[0], r->opening_balance), cli_plain(a[1], r->interest),
           cli_plain(a[2], r->principal), cli_plain(a[3], r->fee), cli_plain(a[4], r->payment),
           cli_plain(a[5], r->closing_balance), r->due_date.year ? days : "",
           cli_rate_text(rate, r->rate, '.'), cli_events_text(ev, sizeof ev, r->events, ";"));
}

json_t *cli_row_json(const sl_plan_row *r)
{
    char d[SL_DATE_BUFSIZE];
    json_t *row = json_object();
    json_object_set_new(row, "term", json_integer(r->term));
    json_object_set_new(row, "due_date",
                        r->due_date.year ? json_string(cli_date_text(d, r->due_date)) : json_null());
    json_object_set_new(row, "opening_balance", cli_json_money(r->opening_balance));
    json_object_set_new(row, "interest", cli_json_money(r->interest));
    json_object_set_new(row, "principal", cli_json_money(r->principal));
    json_object_set_new(row, "fee", cli_json_money(r->fee));
    json_object_set_new(row, "payment", cli_json_money(r->payment));
    json_object_set_new(row, "closing_balance", cli_json_money(r->closing_balance));
    json_object_set_new(row, "days", r->due_date.year ? json_integer(r->days) : json_null());
    json_object_set_new(row, "rate", cli_json_rate(r->rate));
    json_object_set_new(row, "event", cli_json_events(r->events));
    return row;
}

json_t *cli_settlement_json(const sl_settlement *s)
{
    char d[SL_DATE_BUFSIZE];
    json_t *o = json_object();
    json_object_set_new(o, "date", json_string(cli_date_text(d, s->date)));
    json_object_set_new(o, "balance", cli_json_money(s->balance));
    json_object_set_new(o, "interest", cli_json_money(s->interest));
    json_object_set_new(o, "fee", cli_json_money(s->fee));
    json_object_set_new(o, "break_cost", cli_json_money(s->break_cost));
    json_object_set_new(o, "break_months", json_integer(s->break_months));
    json_object_set_new(o, "total", cli_json_money(s->total));
    return o;
}

void cli_year_start(cli_year *y)
{
    memset(y, 0, sizeof *y);
}

int cli_year_add(cli_year *y, const sl_plan_row *r, int terms_per_year)
{
    int year = r->due_date.year ? r->due_date.year : (r->term - 1) / terms_per_year + 1;
    if (y->terms && year != y->year)
        return 1;
    y->year = year;
    y->terms++;
    y->paid += r->payment;
    y->interest += r->interest;
    y->principal += r->principal;
    y->fees += r->fee;
    y->balance = r->closing_balance;
    return 0;
}

/* Short enough for the table's last column; the machine names stay in CSV and JSON. */
static const struct {
    unsigned bit;
    const char *text;
} event_texts[] = {
    {SL_EVENT_INTEREST_ONLY, N_("int. only")}, {SL_EVENT_AMORTISED, N_("amortised")},
    {SL_EVENT_LAST, N_("last")},               {SL_EVENT_RATE_CHANGE, N_("new rate")},
    {SL_EVENT_EXTRA_PAYMENT, N_("extra")},     {SL_EVENT_REPAID, N_("repaid")},
    {SL_EVENT_BROKEN_PERIOD, N_("broken")},    {SL_EVENT_FIXED_START, N_("fixed")},
    {SL_EVENT_FIXED_END, N_("floating")},
};

const char *cli_events_human(char *buf, size_t size, unsigned events)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof event_texts / sizeof event_texts[0]; i++) {
        if (!(events & event_texts[i].bit))
            continue;
        int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", _(event_texts[i].text));
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
    return buf;
}
