/* The JSON API: a request's fields become a program's options, the
 * program's output becomes the answer. One table (web_api.c) says which
 * program serves which path and which options are never taken from a
 * request (those that read or write files on the server). */
#ifndef SL_WEB_API_H
#define SL_WEB_API_H

#include <stddef.h>

#include "web_run.h"

/* The longest path of a document a request writes; --temp-dir leaves room
 * for "/sl-web-XXXXXX/document.pdf" under it (sl-web.c checks). */
enum { WEB_PATH_MAX = 1024, WEB_TEMP_DIR_MAX = WEB_PATH_MAX - 64 };

typedef struct web_answer {
    unsigned http_status;
    const char *content_type; /* static string */
    web_buf body;             /* owned */
    char warnings[2048];      /* the program's warnings, one line each, percent-encoded */
    double program_ms;        /* time the program ran */
    int exit_status;          /* the program's exit status (-1: not run) */
} web_answer;

typedef struct web_api_config {
    const char *program_dir;  /* where sl-plan, … are */
    char *const *env;         /* the programs' environment */
    const char *lang;         /* --lang for the programs' messages, unless the request sets lang */
    const char *temp_dir;     /* where a document's request directory is made (--temp-dir) */
    web_run_limits limits;
} web_api_config;

/* 1 when path is an API endpoint (POST /api/…). */
int web_api_is_endpoint(const char *path);

/* Answer POST path with the JSON body; always fills ans (free its body). */
void web_api_answer(web_answer *ans, const web_api_config *cfg, const char *path,
                    const char *body, size_t body_len);

/* ans as {"error": {"field": field, "value": value, "message": message}}
 * (field and value may be NULL: JSON null). */
void web_api_error(web_answer *ans, unsigned http_status, const char *field,
                   const char *value, const char *message);

#endif
