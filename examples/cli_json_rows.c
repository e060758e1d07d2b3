/* A plan's rows as JSON, written directly: byte for byte the text jansson
 * writes for cli_row_json's objects (JSON_INDENT(2), keys in order), without
 * building the tree. For a 30-year plan the tree and its dump were two
 * thirds of sl-plan's JSON run, the answer sl-web gives (BENCHMARK.md). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void put(cli_text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (t->len + n + 1 > cap)
            cap *= 2;
        char *s2 = realloc(t->s, cap);
        if (!s2)
            cli_die(1, "out of memory");
        t->s = s2;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void puts_text(cli_text *t, const char *s)
{
    put(t, s, strlen(s));
}

/* A JSON string as jansson writes it (no JSON_ENSURE_ASCII, no
 * JSON_ESCAPE_SLASH): '"' and '\\' escaped, control characters as \b \f \n
 * \r \t or \u00XX, everything else as it is. */
static void put_string(cli_text *t, const char *s)
{
    put(t, "\"", 1);
    for (const char *p = s;;) {
        const char *run = p; /* the characters written as they are, at once */
        while (*p && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
            p++;
        put(t, run, (size_t)(p - run));
        if (!*p)
            break;
        unsigned char c = (unsigned char)*p++;
        char esc[8];
        switch (c) {
        case '"': puts_text(t, "\\\""); break;
        case '\\': puts_text(t, "\\\\"); break;
        case '\b': puts_text(t, "\\b"); break;
        case '\f': puts_text(t, "\\f"); break;
        case '\n': puts_text(t, "\\n"); break;
        case '\r': puts_text(t, "\\r"); break;
        case '\t': puts_text(t, "\\t"); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04X", c);
            puts_text(t, esc);
        }
    }
    put(t, "\"", 1);
}

static void put_int(cli_text *t, long long v)
{
    char buf[24], *p = buf + sizeof buf;
    unsigned long long m = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + m % 10);
    while (m /= 10);
    if (v < 0)
        *--p = '-';
    put(t, p, (size_t)(buf + sizeof buf - p));
}

static void put_money(cli_text *t, sl_money amount)
{
    char buf[SL_MONEY_BUFSIZE];
    put_string(t, cli_plain(buf, amount));
}

void cli_text_free(cli_text *t)
{
    free(t->s);
    memset(t, 0, sizeof *t);
}

void cli_rows_json_begin(cli_rows_json *w)
{
    memset(w, 0, sizeof *w);
    puts_text(&w->text, "[");
}

void cli_rows_json_add(cli_rows_json *w, const sl_plan_row *r)
{
    cli_text *t = &w->text;
    /* a plan's rate changes seldom: its text is made once a rate */
    if (!w->have_rate || r->rate.num != w->rate.num || r->rate.den != w->rate.den) {
        cli_rate_text(w->rate_text, r->rate, '.');
        w->rate = r->rate;
        w->have_rate = 1;
    }
    puts_text(t, w->rows++ ? ",\n    {\n      \"term\": " : "\n    {\n      \"term\": ");
    put_int(t, r->term);
    puts_text(t, ",\n      \"due_date\": ");
    if (r->due_date.year) {
        char d[SL_DATE_BUFSIZE];
        put_string(t, cli_date_text(d, r->due_date));
    } else {
        puts_text(t, "null");
    }
    const struct {
        const char *key;
        sl_money amount;
    } amounts[] = {
        {",\n      \"opening_balance\": ", r->opening_balance},
        {",\n      \"interest\": ", r->interest},
        {",\n      \"principal\": ", r->principal},
        {",\n      \"fee\": ", r->fee},
        {",\n      \"payment\": ", r->payment},
        {",\n      \"closing_balance\": ", r->closing_balance},
    };
    for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
        puts_text(t, amounts[i].key);
        put_money(t, amounts[i].amount);
    }
    puts_text(t, ",\n      \"days\": ");
    if (r->due_date.year)
        put_int(t, r->days);
    else
        puts_text(t, "null");
    puts_text(t, ",\n      \"rate\": ");
    put_string(t, w->rate_text);
    puts_text(t, ",\n      \"event\": [");
    int names = 0;
    for (unsigned bit = 1; bit; bit <<= 1) {
        const char *name = (r->events & bit) ? sl_event_name(bit) : NULL;
        if (!name)
            continue;
        puts_text(t, names++ ? ",\n        " : "\n        ");
        put_string(t, name);
    }
    puts_text(t, names ? "\n      ]\n    }" : "]\n    }");
}

void cli_rows_json_end(cli_rows_json *w)
{
    puts_text(&w->text, w->rows ? "\n  ]" : "]");
}

char *cli_json_dumps_with(json_t *root, const char *key, const char *raw)
{
    cli_text t = {0};
    size_t n = 0;
    puts_text(&t, "{");
    for (void *it = json_object_iter(root); it; it = json_object_iter_next(root, it), n++) {
        const char *name = json_object_iter_key(it);
        puts_text(&t, n ? ",\n  " : "\n  ");
        put_string(&t, name);
        puts_text(&t, ": ");
        if (strcmp(name, key) == 0) {
            puts_text(&t, raw);
            continue;
        }
        /* the member at depth 0, moved one level in: its lines get two more
         * spaces (JSON text has no line break inside a string) */
        char *text = json_dumps(json_object_iter_value(it),
                                JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
        if (!text)
            cli_die(1, "out of memory");
        for (const char *p = text, *nl; *p; p = nl + 1) {
            nl = strchr(p, '\n');
            if (!nl) {
                puts_text(&t, p);
                break;
            }
            put(&t, p, (size_t)(nl - p));
            puts_text(&t, "\n  ");
        }
        free(text);
    }
    puts_text(&t, n ? "\n}" : "}");
    return t.s;
}

void cli_json_print_with(json_t *root, const char *key, const char *raw)
{
    char *text = cli_json_dumps_with(root, key, raw);
    if (fputs(text, stdout) == EOF || fputc('\n', stdout) == EOF)
        cli_die(1, _("could not write the output"));
    free(text);
    json_decref(root);
}
