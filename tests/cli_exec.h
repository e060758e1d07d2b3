/* Running an example program from a test: stdin from a file, stdout and
 * stderr captured in memory, the exit status returned. */
#ifndef SL_CLI_EXEC_H
#define SL_CLI_EXEC_H

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <check.h>

typedef struct exec_result {
    int status; /* exit status, or -1 when killed by a signal */
    char *out;  /* NUL-terminated */
    size_t out_len;
    char *err;
} exec_result;

static inline char *exec_slurp(FILE *f, size_t *len)
{
    fflush(f);
    long n = ftell(f);
    ck_assert(n >= 0);
    char *buf = malloc((size_t)n + 1);
    ck_assert(buf != NULL);
    rewind(f);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    if (len)
        *len = got;
    return buf;
}

/* Run argv (argv[0] is the path); stdin from stdin_path (NULL: /dev/null). */
static inline exec_result exec_run(const char *stdin_path, char *const argv[])
{
    exec_result r;
    FILE *out = tmpfile(), *err = tmpfile();
    ck_assert(out && err);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, stdin_path ? stdin_path : "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fileno(out), 1);
    posix_spawn_file_actions_adddup2(&fa, fileno(err), 2);
    pid_t pid;
    extern char **environ;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
    ck_assert_msg(rc == 0, "cannot run %s", argv[0]);
    posix_spawn_file_actions_destroy(&fa);
    int st;
    ck_assert(waitpid(pid, &st, 0) == pid);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.out = exec_slurp(out, &r.out_len);
    r.err = exec_slurp(err, NULL);
    fclose(out);
    fclose(err);
    return r;
}

static inline void exec_free(exec_result *r)
{
    free(r->out);
    free(r->err);
}

/* Write text to a new temporary file; returns its path (static buffer per call site). */
static inline void exec_temp_file(char path[64], const char *text, size_t len)
{
    snprintf(path, 64, "/tmp/sl-test-XXXXXX");
    int fd = mkstemp(path);
    ck_assert(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    ck_assert(f != NULL);
    ck_assert(fwrite(text, 1, len, f) == len);
    ck_assert(fclose(f) == 0);
}

/* Run argv with `input` (NULL: nothing) as its standard input. */
static inline exec_result exec_run_text(const char *input, char *const argv[])
{
    if (!input)
        return exec_run(NULL, argv);
    char path[64];
    exec_temp_file(path, input, strlen(input));
    exec_result r = exec_run(path, argv);
    unlink(path);
    return r;
}

/* Copy text into a fixed buffer (tests that keep results in arrays). */
static inline void exec_copy(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* The usage-error contract every program keeps: exit status 2, nothing on
 * stdout, and stderr naming `named` (some message, when named is NULL). */
static inline void exec_expect_usage_error(int status, const char *out, const char *err,
                                           const char *named)
{
    const char *what = named ? named : "";
    ck_assert_msg(status == 2, "%s: status %d, stderr: %s", what, status, err);
    ck_assert_msg(out[0] == '\0', "%s: stdout not empty", what);
    if (named)
        ck_assert_msg(strstr(err, named) != NULL, "stderr does not name %s: %s", named, err);
    else
        ck_assert_msg(err[0] != '\0', "nothing on stderr");
}

/* Run prog with args (a NULL-terminated list of at most 62), stdin empty. */
static inline exec_result exec_run_args(const char *prog, const char *const *args)
{
    char *argv[64];
    int n = 0;
    argv[n++] = (char *)prog;
    for (; args[n - 1] && n < 63; n++)
        argv[n] = (char *)args[n - 1];
    argv[n] = NULL;
    return exec_run(NULL, argv);
}

/* Number of lines in text. */
static inline int count_lines(const char *text)
{
    int n = 0;
    for (; *text; text++)
        n += *text == '\n';
    return n;
}

#endif
