/* A plan's rows as sl-plan writes them (CSV line, JSON object), shared by
 * every program that prints rows (sl-plan, sl-portfolio --loan). */
#include "cli.h"

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
