/* sl-web's answer time for a 30-year plan (POST /api/plan, 360 terms, JSON),
 * and where it goes. Built by meson compile, never run by meson test.
 *
 * Usage: sl-web-bench [REQUESTS]   (default 100)
 *
 * Starts the build tree's sl-web on a free port of 127.0.0.1 and sends
 * REQUESTS requests one after another on one connection; prints medians and
 * 90th percentiles of the server time (Server-Timing: the program's run from
 * fork to exit, as sl-web measures it) and of the round trip, and the CPU time
 * per request of sl-web and of the programs it ran (from /proc, which does not
 * depend on other load on the machine). Then the parts of a program's run,
 * each started the way sl-web starts it (fork + execve, output to a pipe):
 * /bin/true (the process start), sl-plan --version (a program with the
 * library, GMP, MPFR and jansson), the whole sl-plan run of the request, and
 * a document (SVG), which loads the drawing module (cairo, pango). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char BODY[] = "{\"amount\": \"2 000 000\", \"rate\": \"4,64\", \"years\": 30, "
                           "\"term_fee\": 30, \"establishment_fee\": 600}";

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The p-quantile of n values (sorts them). */
static double quantile(double *v, int n, double p)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[(int)(p * (n - 1))];
}

static void fail(const char *what)
{
    fprintf(stderr, "sl-web-bench: %s: %s\n", what, errno ? strerror(errno) : "failed");
    exit(1);
}

/* CPU time in ms of a process and of its waited-for children (/proc/PID/stat). */
static void proc_cpu(pid_t pid, double *own, double *kids)
{
    char path[64], text[4096];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        fail(path);
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    const char *p = strrchr(text, ')');
    unsigned long long ut, st;
    long long cut, cst;
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu %lld %lld",
                     &ut, &st, &cut, &cst) != 4)
        fail("reading /proc");
    double tick = (double)sysconf(_SC_CLK_TCK);
    *own = (double)(ut + st) * 1000 / tick;
    *kids = (double)(cut + cst) * 1000 / tick;
}

/* Starts sl-web on a free port; returns its pid, the port in *port. */
static pid_t start_server(int *port)
{
    int out[2];
    if (pipe(out) != 0)
        fail("pipe");
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        execl(SL_WEB_BENCH_SERVER, "sl-web", "--listen", "127.0.0.1:0", (char *)NULL);
        _exit(127);
    }
    close(out[1]);
    char line[512];
    size_t len = 0;
    while (len < sizeof line - 1) {
        ssize_t n = read(out[0], line + len, sizeof line - 1 - len);
        if (n <= 0)
            break;
        len += (size_t)n;
        line[len] = '\0';
        const char *at = strstr(line, "127.0.0.1:");
        if (at && strchr(at, '/') && sscanf(at, "127.0.0.1:%d/", port) == 1) {
            close(out[0]);
            return pid;
        }
    }
    errno = 0;
    fail("sl-web did not print its address");
    return -1;
}

/* One request on fd; returns the HTTP status, the Server-Timing in *server_ms. */
static int request(int fd, int port, double *server_ms)
{
    char head[512], buf[1 << 16];
    /* Headers and body in one write, as a browser sends a small request: two
     * writes would wait for the first one's delayed ACK (Nagle), 40 ms that
     * are the client's, not the server's. */
    int n = snprintf(head, sizeof head,
                     "POST /api/plan HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                     "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                     port, sizeof BODY - 1, BODY);
    if (n < 0 || (size_t)n >= sizeof head)
        fail("request too long");
    if (write(fd, head, (size_t)n) != n)
        fail("write");
    /* the headers, then Content-Length bytes of body */
    size_t have = 0;
    char *end = NULL;
    while (!end) {
        ssize_t r = read(fd, buf + have, sizeof buf - 1 - have);
        if (r <= 0)
            fail("read");
        have += (size_t)r;
        buf[have] = '\0';
        end = strstr(buf, "\r\n\r\n");
    }
    int status = 0;
    sscanf(buf, "HTTP/1.%*d %d", &status);
    const char *cl = strcasestr(buf, "\r\nContent-Length:");
    const char *st = strcasestr(buf, "\r\nServer-Timing: app;dur=");
    if (!cl || !st) {
        errno = 0;
        fail("an answer without Content-Length or Server-Timing");
    }
    *server_ms = strtod(st + strlen("\r\nServer-Timing: app;dur="), NULL);
    long long left = strtoll(cl + strlen("\r\nContent-Length:"), NULL, 10) -
                     (long long)(have - (size_t)(end + 4 - buf));
    while (left > 0) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r <= 0)
            fail("read");
        left -= r;
    }
    return status;
}

/* Runs argv n times as sl-web does (fork + execve, stdout and stderr to a
 * pipe, read to the end); prints median wall time and CPU per run. */
static void spawn_cost(const char *label, char *const argv[], int n)
{
    double *wall = malloc((size_t)n * sizeof *wall);
    struct rusage before, after;
    getrusage(RUSAGE_CHILDREN, &before);
    for (int i = 0; i < n; i++) {
        int out[2];
        if (pipe(out) != 0)
            fail("pipe");
        double t = now_ms();
        pid_t pid = fork();
        if (pid == 0) {
            dup2(out[1], 1);
            dup2(out[1], 2);
            close(out[0]);
            close(out[1]);
            execv(argv[0], argv);
            _exit(127);
        }
        close(out[1]);
        char buf[1 << 16];
        while (read(out[0], buf, sizeof buf) > 0)
            ;
        close(out[0]);
        int ws;
        waitpid(pid, &ws, 0);
        wall[i] = now_ms() - t;
        if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0) {
            errno = 0;
            fail(argv[0]);
        }
    }
    getrusage(RUSAGE_CHILDREN, &after);
    double cpu = (double)(after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec -
                          before.ru_stime.tv_sec) * 1e3 +
                 (double)(after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec -
                          before.ru_stime.tv_usec) / 1e3;
    printf("  %-44s median %7.2f ms   CPU %6.2f ms\n", label, quantile(wall, n, 0.5), cpu / n);
    free(wall);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100;
    if (n < 1 || n > 100000) {
        fprintf(stderr, "usage: sl-web-bench [REQUESTS]\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    int port = 0;
    pid_t server = start_server(&port);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0)
        fail("connect");
    double *server_ms = malloc((size_t)n * sizeof *server_ms);
    double *trip_ms = malloc((size_t)n * sizeof *trip_ms);
    double own0, kids0, own1, kids1;
    proc_cpu(server, &own0, &kids0);
    for (int i = 0; i < n; i++) {
        double t = now_ms();
        if (request(fd, port, &server_ms[i]) != 200) {
            errno = 0;
            fail("an answer other than 200");
        }
        trip_ms[i] = now_ms() - t;
    }
    proc_cpu(server, &own1, &kids1);
    close(fd);
    kill(server, SIGTERM);
    waitpid(server, NULL, 0);

    double load[1] = {0};
    getloadavg(load, 1);
    printf("sl-web: a 30-year plan (360 terms, JSON), %d requests, load average %.1f\n", n, load[0]);
    printf("  server time (Server-Timing)  median %7.2f ms   p90 %7.2f ms   (target < 20 ms)\n",
           quantile(server_ms, n, 0.5), quantile(server_ms, n, 0.9));
    printf("  round trip                   median %7.2f ms   p90 %7.2f ms\n",
           quantile(trip_ms, n, 0.5), quantile(trip_ms, n, 0.9));
    printf("  CPU per request: sl-web %.2f ms, the program %.2f ms\n", (own1 - own0) / n,
           (kids1 - kids0) / n);

    printf("where a program's run goes (fork + execve as sl-web does, %d runs each):\n", n);
    spawn_cost("/bin/true (the process start)", (char *[]){"/bin/true", NULL}, n);
    spawn_cost("sl-plan --version (GMP, MPFR, jansson)",
               (char *[]){SL_WEB_BENCH_PLAN, "--version", NULL}, n);
    spawn_cost("sl-plan, the request's whole run",
               (char *[]){SL_WEB_BENCH_PLAN, "--amount=2 000 000", "--rate=4,64", "--years=30",
                          "--term-fee=30", "--establishment-fee=600", "--format=json", "--lang=nb", NULL},
               n);
    /* a document loads the drawing module (cairo, pango: 30 more libraries) */
    char svg[64];
    snprintf(svg, sizeof svg, "/tmp/sl-web-bench-%ld.svg", (long)getpid());
    spawn_cost("sl-plan --format svg (and the document module)",
               (char *[]){SL_WEB_BENCH_PLAN, "--amount=2 000 000", "--rate=4,64", "--years=30",
                          "--format=svg", "--output", svg, NULL},
               n < 20 ? n : 20);
    unlink(svg);
    free(server_ms);
    free(trip_ms);
    return 0;
}
