/* Running one of the programs (sl-plan, …) for a request: argv without a
 * shell, stdin from a buffer, stdout and stderr captured, a wall-clock limit
 * and a size limit on what it prints. A program runs in its own process, so
 * a request can be stopped when it takes too long and never shares memory
 * with another request. */
#ifndef SL_WEB_RUN_H
#define SL_WEB_RUN_H

#include <stddef.h>

typedef struct web_buf {
    char *data; /* NUL-terminated; owned */
    size_t len;
} web_buf;

typedef struct web_result {
    int status;       /* exit status, or -1 when killed (time, size) or not run */
    int timed_out;    /* 1 when stopped at the time limit */
    int too_large;    /* 1 when the output passed the size limit */
    web_buf out, err; /* what it printed */
    double ms;        /* wall-clock time of the run */
} web_result;

typedef struct web_run_limits {
    int timeout_ms;     /* wall clock, then SIGKILL */
    size_t max_output;  /* bytes on stdout (and on stderr) */
    int cpu_seconds;    /* RLIMIT_CPU of the child */
} web_run_limits;

/* Run path with argv (argv[0] first, NULL-terminated) and env; feed input
 * (may be NULL) on stdin. Fills res (free it with web_result_free). Returns 0,
 * or -1 when the program could not be started. */
int web_run(web_result *res, const char *path, char *const argv[], char *const env[],
            const char *input, size_t input_len, const web_run_limits *limits);
void web_result_free(web_result *res);

int web_buf_append(web_buf *b, const char *data, size_t len);
void web_buf_free(web_buf *b);

#endif
