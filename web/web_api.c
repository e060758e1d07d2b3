/* The JSON API (web_api.h). A request {"amount": "2 000 000", "rate": 4.64,
 * "years": 25, "strict": true, "rate_change": ["2025-01-01:5", …]} becomes
 * sl-plan --format=json --amount=2 000 000 --rate=4.64 --years=25 --strict
 * --rate-change=2025-01-01:5 …: every value is attached with '=', so a value
 * can never be read as another option, and no shell sees it. The answer is
 * the program's stdout unchanged; its error line (exit 2) becomes
 * {"error": {"field", "value", "message"}}. */
#define _GNU_SOURCE
#include "web_api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include <jansson.h>

enum { MAX_FIELDS = 64, MAX_ARGS = 256, MAX_VALUE = 4096 };

typedef struct endpoint {
    const char *path;
    const char *program;
    int has_format;          /* the program takes --format (json by default here) */
    const char *stdin_field; /* a field sent on standard input, or NULL */
    const char *stdin_option;
} endpoint;

static const endpoint endpoints[] = {
    {"/api/plan", "sl-plan", 1, NULL, NULL},
    {"/api/finance", "sl-finance", 1, NULL, NULL},
    {"/api/capacity", "sl-capacity", 1, NULL, NULL},
    {"/api/rent-to-own", "sl-rent-to-own", 1, NULL, NULL},
    {"/api/rate", "sl-rate", 0, NULL, NULL},
    {"/api/apr", "sl-apr", 0, "flows", "-"},
    {"/api/audit", "sl-audit", 1, "plan", "--plan=-"},
};

/* Options that name a file on the server: never from a request. A rate
 * history may only be the shipped one. tests/web/test_api.py checks that
 * every FILE option in the programs' --help is listed here. */
static const char *const file_options[] = {
    "guidelines", "housing-allowance-rules", "plan", "rate-history", "loans", "events",
    "ledger", "output", "help", "version",
};

static const endpoint *find_endpoint(const char *path)
{
    for (size_t i = 0; i < sizeof endpoints / sizeof endpoints[0]; i++)
        if (strcmp(endpoints[i].path, path) == 0)
            return &endpoints[i];
    return NULL;
}

int web_api_is_endpoint(const char *path)
{
    return find_endpoint(path) != NULL;
}

void web_api_error(web_answer *ans, unsigned http_status, const char *field, const char *value,
                   const char *message)
{
    web_buf_free(&ans->body);
    ans->http_status = http_status;
    ans->content_type = "application/json; charset=utf-8";
    json_t *err = json_pack("{s:{s:s?,s:s?,s:s}}", "error", "field", field, "value", value,
                            "message", message);
    char *text = err ? json_dumps(err, JSON_INDENT(2) | JSON_ENSURE_ASCII) : NULL;
    if (text) {
        web_buf_append(&ans->body, text, strlen(text));
        web_buf_append(&ans->body, "\n", 1);
    } else {
        static const char fallback[] =
            "{\"error\": {\"field\": null, \"value\": null, \"message\": \"out of memory\"}}\n";
        web_buf_append(&ans->body, fallback, sizeof fallback - 1);
    }
    free(text);
    json_decref(err);
}

/* A field name as an option name: lower-case letters, digits, '_' or '-';
 * '_' becomes '-'. */
static int option_name(char *out, size_t size, const char *field)
{
    size_t n = strlen(field);
    if (n == 0 || n >= size || !((field[0] >= 'a' && field[0] <= 'z')))
        return -1;
    for (size_t i = 0; i <= n; i++) {
        char c = field[i];
        if (c && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return -1;
        out[i] = c == '_' ? '-' : c;
    }
    return 0;
}

static int is_file_option(const char *name)
{
    for (size_t i = 0; i < sizeof file_options / sizeof file_options[0]; i++)
        if (strcmp(file_options[i], name) == 0)
            return 1;
    return 0;
}

/* A JSON number as the decimal the sender wrote: the shortest fixed-point
 * text that reads back as the same double, with at most 15 decimals. Returns
 * -1 when none does (the sender should send a string). */
static int number_text(char *out, size_t size, const json_t *v)
{
    if (json_is_integer(v)) {
        snprintf(out, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return 0;
    }
    double x = json_real_value(v);
    for (int d = 0; d <= 15; d++) {
        int n = snprintf(out, size, "%.*f", d, x);
        if (n < 0 || (size_t)n >= size)
            return -1;
        if (strtod(out, NULL) == x)
            return 0;
    }
    return -1;
}

typedef struct argv_builder {
    char *args[MAX_ARGS + 1];
    int n;
} argv_builder;

static int add_arg(argv_builder *a, const char *fmt, const char *name, const char *value)
{
    if (a->n >= MAX_ARGS)
        return -1;
    char *s = NULL;
    if ((value ? asprintf(&s, fmt, name, value) : asprintf(&s, fmt, name)) < 0)
        return -1;
    a->args[a->n++] = s;
    a->args[a->n] = NULL;
    return 0;
}

static void free_args(argv_builder *a)
{
    for (int i = 0; i < a->n; i++)
        free(a->args[i]);
    a->n = 0;
}

/* One value of a field: fills ans with a 400 and returns -1 when refused. */
static int add_value(argv_builder *a, web_answer *ans, const char *field, const char *name,
                     const json_t *v)
{
    char num[64];
    const char *text;
    if (json_is_string(v)) {
        text = json_string_value(v);
        if (json_string_length(v) > MAX_VALUE) {
            web_api_error(ans, 400, field, NULL, "the value is too long");
            return -1;
        }
    } else if (json_is_number(v)) {
        if (number_text(num, sizeof num, v) != 0) {
            web_api_error(ans, 400, field, NULL,
                          "this number has more digits than a JSON number keeps exactly: "
                          "send it as a string");
            return -1;
        }
        text = num;
    } else if (json_is_true(v)) {
        return add_arg(a, "--%s", name, NULL) == 0 ? 0 : (web_api_error(ans, 400, field, NULL, "too many values"), -1);
    } else {
        web_api_error(ans, 400, field, NULL,
                      "expected a string, a number, true or false (or an array of them)");
        return -1;
    }
    if (strcmp(name, "rate-history") == 0 && strcmp(text, "husbanken-floating") != 0) {
        web_api_error(ans, 400, field, text,
                      "only the shipped history, husbanken-floating, can be named here");
        return -1;
    }
    if (add_arg(a, "--%s=%s", name, text) != 0) {
        web_api_error(ans, 400, field, NULL, "too many values");
        return -1;
    }
    return 0;
}

/* The request's fields as options after argv[0]; the stdin field's text in
 * *input. Returns -1 with ans filled when refused. */
static int build_args(argv_builder *a, const char **input, const char **format,
                      web_answer *ans, const endpoint *ep, json_t *req)
{
    if (json_object_size(req) > MAX_FIELDS) {
        web_api_error(ans, 400, NULL, NULL, "too many fields");
        return -1;
    }
    const char *field;
    json_t *v;
    char names[MAX_FIELDS][65];
    size_t n_names = 0;
    json_object_foreach(req, field, v) {
        char *name = names[n_names];
        if (option_name(name, sizeof names[0], field) != 0) {
            web_api_error(ans, 400, field, NULL, "not an option name");
            return -1;
        }
        /* "term_fee" and "term-fee" are one option: the program would take
         * the later value without a word, which JSON's order does not fix */
        for (size_t i = 0; i < n_names; i++)
            if (strcmp(names[i], name) == 0) {
                web_api_error(ans, 400, field, NULL,
                              "the same option as another field of the request (write it once)");
                return -1;
            }
        n_names++;
        if (ep->stdin_field && strcmp(field, ep->stdin_field) == 0) {
            if (!json_is_string(v)) {
                web_api_error(ans, 400, field, NULL, "expected the text as a string");
                return -1;
            }
            *input = json_string_value(v);
            continue;
        }
        if (strcmp(name, "format") == 0 && ep->has_format) {
            if (!json_is_string(v)) {
                web_api_error(ans, 400, field, NULL, "expected a string");
                return -1;
            }
            *format = json_string_value(v);
            continue;
        }
        if (strcmp(name, "rate-history") != 0 && is_file_option(name)) {
            web_api_error(ans, 400, field, NULL, "not available over the web");
            return -1;
        }
        if (json_is_false(v) || json_is_null(v))
            continue;
        if (json_is_array(v)) {
            size_t i;
            json_t *item;
            json_array_foreach(v, i, item) {
                if (json_is_array(item) || json_is_boolean(item) ||
                    add_value(a, ans, field, name, item) != 0) {
                    if (json_is_array(item) || json_is_boolean(item))
                        web_api_error(ans, 400, field, NULL, "expected strings or numbers");
                    return -1;
                }
            }
            continue;
        }
        if (add_value(a, ans, field, name, v) != 0)
            return -1;
    }
    return 0;
}

/* An opening quote as the programs write it: ' in English, « in Norwegian. */
static size_t open_quote(const char *s)
{
    return s[0] == '\'' ? 1 : strncmp(s, "\xc2\xab", 2) == 0 ? 2 : 0;
}

/* "sl-plan: --amount '2x': unexpected characters" (or «2x» in Norwegian) as
 * field, value, message (in place). The field is the request's spelling
 * (term_fee); "unknown option '--bogus'" / "ukjent valg «--bogus»" names
 * the option inside the message. */
static void split_error(char *line, const char **field, const char **value, const char **message)
{
    *field = *value = NULL;
    char *colon = strstr(line, ": ");
    char *msg = colon ? colon + 2 : line;
    for (const char *see_words[] = {"; see ", "; se "}, **w = see_words; w < see_words + 2; w++) {
        char *see = strstr(msg, *w);
        if (see)
            *see = '\0';
    }
    *message = msg;
    char *opt = NULL;
    if (strncmp(msg, "--", 2) == 0) {
        opt = msg + 2;
    } else {
        for (char *p = msg; *p && !opt; p++) {
            size_t q = open_quote(p);
            if (q && strncmp(p + q, "--", 2) == 0)
                opt = p + q + 2;
        }
    }
    if (!opt)
        return;
    size_t n = strspn(opt, "abcdefghijklmnopqrstuvwxyz0123456789-");
    if (n == 0)
        return;
    static _Thread_local char name[80];
    if (n >= sizeof name)
        n = sizeof name - 1;
    for (size_t i = 0; i < n; i++)
        name[i] = opt[i] == '-' ? '_' : opt[i];
    name[n] = '\0';
    *field = name;
    if (opt != msg + 2)
        return;
    size_t q = opt[n] == ' ' ? open_quote(opt + n + 1) : 0;
    if (q) {
        char *start = opt + n + 1 + q;
        char *end = strstr(start, q == 1 ? "': " : "\xc2\xbb: ");
        if (end) {
            *end = '\0';
            *value = start;
            *message = end + (q == 1 ? 3 : 4);
        }
    } else if (strncmp(opt + n, ": ", 2) == 0) {
        *message = opt + n + 2;
    }
}

/* The last line of the program's stderr (its error), in place. */
static char *last_line(web_buf *err)
{
    char *s = err->data;
    size_t n = err->len;
    while (n > 0 && s[n - 1] == '\n')
        s[--n] = '\0';
    char *nl = strrchr(s, '\n');
    return nl ? nl + 1 : s;
}

/* Warning lines, percent-encoded (for a header), ", " between them. */
static void encode_warnings(char out[static 2048], const char *text)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p && o < 2040; p++) {
        if (*p == '\n') {
            if (p[1]) {
                out[o++] = ',';
                out[o++] = ' ';
            }
        } else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                   (*p >= '0' && *p <= '9') || strchr(" .-_:'()/;", *p)) {
            out[o++] = (char)*p;
        } else {
            out[o++] = '%';
            out[o++] = hex[*p >> 4];
            out[o++] = hex[*p & 15];
        }
    }
    out[o] = '\0';
}

/* A document format (--format pdf|svg|png): the program writes a file. */
static int is_document(const char *format)
{
    return format && (strcmp(format, "pdf") == 0 || strcmp(format, "svg") == 0 ||
                      strcmp(format, "png") == 0);
}

/* A document's --output: a file in a directory of its own under temp_dir
 * that only this request uses (the request never names a path). Returns 0
 * with dir and path filled. */
static int document_path(char dir[WEB_PATH_MAX], char path[WEB_PATH_MAX], const char *temp_dir,
                         const char *format)
{
    int n = snprintf(dir, WEB_PATH_MAX, "%s/sl-web-XXXXXX", temp_dir);
    if (n < 0 || n >= WEB_PATH_MAX || !mkdtemp(dir))
        return -1;
    n = snprintf(path, WEB_PATH_MAX, "%s/document.%s", dir, format);
    if (n < 0 || n >= WEB_PATH_MAX) {
        rmdir(dir);
        return -1;
    }
    return 0;
}

/* Remove the request's document directory and whatever is in it (the
 * program's temporary file too, when it was stopped at its time limit). */
static void remove_document(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char path[WEB_PATH_MAX + 256];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* The document the program wrote, into body. Returns 0, or -1 when it is
 * missing or over max. */
static int take_document(web_buf *body, const char *path, size_t max)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char chunk[65536];
    size_t n;
    int ok = 0;
    web_buf_free(body);
    while (ok == 0 && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (body->len + n > max || web_buf_append(body, chunk, n) != 0)
            ok = -1;
    fclose(f);
    return ok;
}

static const char *content_type_of(const char *format)
{
    if (!format || strcmp(format, "json") == 0)
        return "application/json; charset=utf-8";
    if (strstr(format, "csv"))
        return "text/csv; charset=utf-8";
    if (strcmp(format, "pdf") == 0)
        return "application/pdf";
    if (strcmp(format, "svg") == 0)
        return "image/svg+xml";
    if (strcmp(format, "png") == 0)
        return "image/png";
    return "text/plain; charset=utf-8";
}

/* sl-rate and sl-apr print one number: the answer names it. */
static void wrap_number(web_answer *ans, const endpoint *ep, json_t *req)
{
    const char *key = "effective_rate";
    if (strcmp(ep->program, "sl-rate") == 0)
        key = json_object_get(req, "effective") ? "nominal" : "effective";
    char *text = last_line(&ans->body);
    json_t *obj = json_pack("{s:s}", key, text);
    char *dump = obj ? json_dumps(obj, JSON_INDENT(2)) : NULL;
    web_buf_free(&ans->body);
    if (dump) {
        web_buf_append(&ans->body, dump, strlen(dump));
        web_buf_append(&ans->body, "\n", 1);
    }
    free(dump);
    json_decref(obj);
}

void web_api_answer(web_answer *ans, const web_api_config *cfg, const char *path,
                    const char *body, size_t body_len)
{
    memset(ans, 0, sizeof *ans);
    ans->exit_status = -1;
    const endpoint *ep = find_endpoint(path);
    if (!ep) {
        web_api_error(ans, 404, NULL, NULL, "no such endpoint");
        return;
    }
    json_error_t jerr;
    json_t *req = json_loadb(body ? body : "", body_len, JSON_REJECT_DUPLICATES, &jerr);
    if (!req || !json_is_object(req)) {
        char msg[256];
        if (req)
            snprintf(msg, sizeof msg, "the body must be a JSON object of options");
        else
            snprintf(msg, sizeof msg, "not JSON: %s (line %d, column %d)", jerr.text, jerr.line,
                     jerr.column);
        web_api_error(ans, 400, NULL, NULL, msg);
        json_decref(req);
        return;
    }
    argv_builder a = {.n = 0};
    const char *input = NULL, *format = NULL;
    char *program = NULL;
    if (asprintf(&program, "%s/%s", cfg->program_dir, ep->program) < 0) {
        json_decref(req);
        web_api_error(ans, 500, NULL, NULL, "out of memory");
        return;
    }
    add_arg(&a, "%s", ep->program, NULL);
    if (build_args(&a, &input, &format, ans, ep, req) == 0) {
        if (ep->has_format)
            add_arg(&a, "--format=%s", format ? format : "json", NULL);
        if (cfg->lang && !json_object_get(req, "lang"))
            add_arg(&a, "--lang=%s", cfg->lang, NULL);
        if (input && ep->stdin_option)
            add_arg(&a, "%s", ep->stdin_option, NULL);
        char doc_dir[WEB_PATH_MAX] = "", doc_path[WEB_PATH_MAX] = "";
        if (ep->has_format && is_document(format)) {
            if (document_path(doc_dir, doc_path, cfg->temp_dir, format) != 0)
                doc_dir[0] = '\0';
            else
                add_arg(&a, "--output=%s", doc_path, NULL);
        }
        web_result res;
        if (ep->has_format && is_document(format) && !doc_dir[0]) {
            memset(&res, 0, sizeof res);
            web_api_error(ans, 503, NULL, NULL, "the document could not be started; try again");
        } else if (web_run(&res, program, a.args, cfg->env, input, input ? strlen(input) : 0,
                    &cfg->limits) != 0) {
            web_api_error(ans, 503, NULL, NULL, "the calculation could not be started; try again");
        } else if (res.timed_out) {
            web_api_error(ans, 503, NULL, NULL, "the calculation took too long");
        } else if (res.too_large) {
            web_api_error(ans, 413, NULL, NULL, "the answer is too large");
        } else if (res.status == 0 && doc_dir[0]) {
            if (take_document(&ans->body, doc_path, cfg->limits.max_output) != 0) {
                web_api_error(ans, 500, NULL, NULL, "the document could not be read");
            } else {
                ans->http_status = 200;
                ans->content_type = content_type_of(format);
                encode_warnings(ans->warnings, res.err.data);
            }
        } else if (res.status == 0) {
            ans->http_status = 200;
            ans->content_type = content_type_of(ep->has_format ? format : NULL);
            ans->body = res.out;
            res.out = (web_buf){0};
            encode_warnings(ans->warnings, res.err.data);
            if (!ep->has_format)
                wrap_number(ans, ep, req);
        } else if (res.status == 1 || res.status == 2) {
            /* 2: bad input; 1: no answer for this input (sl-apr: no unique root;
             * sl-audit: the plan differs, with its report on stdout). */
            if (res.status == 1 && res.out.len > 0) {
                ans->http_status = 200;
                ans->content_type = content_type_of(format);
                ans->body = res.out;
                res.out = (web_buf){0};
            } else {
                const char *field, *value, *message;
                split_error(last_line(&res.err), &field, &value, &message);
                if (!field && ep->stdin_field && input)
                    field = ep->stdin_field; /* "-: line 3: …" is about the text sent */
                if (field && strcmp(field, "output") == 0) {
                    /* the server's own file: its path is nobody's business */
                    field = "format";
                    value = format;
                    message = "the document could not be written";
                }
                web_api_error(ans, res.status == 2 ? 400 : 422, field, value, message);
            }
        } else {
            web_api_error(ans, 500, NULL, NULL, "the calculation failed");
        }
        if (doc_dir[0])
            remove_document(doc_dir);
        ans->program_ms = res.ms;
        ans->exit_status = res.status;
        web_result_free(&res);
    }
    free_args(&a);
    free(program);
    json_decref(req);
}
