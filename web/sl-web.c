/* sl-web: the calculator in a browser. A small HTTP server (libmicrohttpd)
 * that serves the page (compiled in) and the JSON API over the programs
 * (web_api.c). Binds to 127.0.0.1:8080 unless told otherwise; a network
 * address gets a warning, since there is no login and no TLS. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <microhttpd.h>
#include <pthread.h>
#include <semaphore.h>

#include "web_api.h"
#include "web_assets.h"

enum { BODY_LIMIT = 1 << 20 };

static const char usage[] =
    "Usage: sl-web [--listen HOST:PORT] [--lang nb|en] [--threads N] [--programs DIR]\n"
    "              [--temp-dir DIR] [--time-limit SECONDS]\n"
    "\n"
    "Serves the start-loan calculator and its JSON API (POST /api/plan, /api/finance,\n"
    "/api/capacity, /api/rent-to-own, /api/rate, /api/apr, /api/audit; described at\n"
    "/api/openapi.json) and prints its address. Stop it with Ctrl-C.\n"
    "\n"
    "  --listen HOST:PORT  address to serve on (default 127.0.0.1:8080; port 0 picks a\n"
    "                      free port). Anything but a loopback address serves the\n"
    "                      network, without login or TLS: a warning says so.\n"
    "  --lang nb|en        the page's language (default: the browser's, else nb)\n"
    "  --threads N         requests computed at once, 1-64 (default 4)\n"
    "  --programs DIR      where sl-plan and the other programs are (default: beside\n"
    "                      sl-web, or the build tree's examples/)\n"
    "  --temp-dir DIR      where a PDF, SVG or PNG answer is written before it is sent,\n"
    "                      in a folder of its own removed after (default: $TMPDIR,\n"
    "                      else /tmp)\n"
    "  --time-limit SECONDS  wall-clock and CPU time a calculation may take before it is\n"
    "                      stopped and answered 503, 1-600 (default 10)\n"
    "  --help, --version\n";

typedef struct server {
    web_api_config api;
    sem_t calculations; /* --threads: programs running at once */
    const char *lang; /* NULL: from Accept-Language */
    unsigned short port;
    int loopback;
    char host_port[80]; /* for the Host check: the port as text */
} server;

typedef struct request {
    web_buf body;
    int too_large;
} request;

static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; "
                          "img-src 'self' blob:; connect-src 'self'; form-action 'none'; "
                          "frame-ancestors 'none'; base-uri 'none'";

/* One line on stderr, exit 2. arg (a value as typed) has its control
 * characters shown as \n, \xHH, so that the message stays one line. */
static void die(const char *fmt, const char *arg)
{
    char shown[1024];
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)arg; *p && o < sizeof shown - 8; p++) {
        if (*p == '\n')
            o += (size_t)snprintf(shown + o, sizeof shown - o, "\\n");
        else if (*p < 0x20 || *p == 0x7f)
            o += (size_t)snprintf(shown + o, sizeof shown - o, "\\x%02X", *p);
        else
            shown[o++] = (char)*p;
    }
    shown[o] = '\0';
    fprintf(stderr, "sl-web: ");
    fprintf(stderr, fmt, shown);
    fprintf(stderr, "\n");
    exit(2);
}

static enum MHD_Result respond(struct MHD_Connection *c, unsigned status, const char *type,
                            const void *data, size_t len, int copy, const char *warnings,
                            int exit_status, double ms)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(
        len, (void *)data, copy ? MHD_RESPMEM_MUST_COPY : MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (warnings && *warnings)
        MHD_add_response_header(r, "X-Startlan-Warnings", warnings);
    if (exit_status >= 0) {
        char text[64];
        snprintf(text, sizeof text, "%d", exit_status);
        MHD_add_response_header(r, "X-Startlan-Exit-Status", text);
        snprintf(text, sizeof text, "app;dur=%.2f", ms);
        MHD_add_response_header(r, "Server-Timing", text);
    }
    if (status == 405)
        MHD_add_response_header(r, "Allow", "GET, HEAD, POST");
    enum MHD_Result ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *message)
{
    web_answer ans = {0};
    web_api_error(&ans, status, NULL, NULL, message);
    enum MHD_Result r = respond(c, status, ans.content_type, ans.body.data, ans.body.len, 1,
                             NULL, -1, 0);
    web_buf_free(&ans.body);
    return r;
}

/* nb or en: the server's --lang, else ?lang=, else the first Norwegian or
 * English tag in Accept-Language, else nb. */
static int lang_index(const server *s, struct MHD_Connection *c)
{
    if (s->lang)
        return strcmp(s->lang, "en") == 0;
    const char *q = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
    if (q && (strcmp(q, "en") == 0 || strcmp(q, "nb") == 0))
        return strcmp(q, "en") == 0;
    const char *al = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language");
    for (const char *p = al; p && *p;) {
        p += strspn(p, " ,");
        if (strncasecmp(p, "nb", 2) == 0 || strncasecmp(p, "nn", 2) == 0 ||
            strncasecmp(p, "no", 2) == 0)
            return 0;
        if (strncasecmp(p, "en", 2) == 0)
            return 1;
        p = strchr(p, ',');
    }
    return 0;
}

/* On a loopback address only loopback host names are answered, so that a
 * web site cannot reach the calculator through a name of its own that
 * resolves to 127.0.0.1 (DNS rebinding). */
static int host_ok(const server *s, struct MHD_Connection *c)
{
    if (!s->loopback)
        return 1;
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
    if (!host)
        return 0;
    static const char *const names[] = {"127.0.0.1", "localhost", "[::1]"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(names[i]);
        if (strncasecmp(host, names[i], n) == 0 &&
            (host[n] == '\0' || (host[n] == ':' && strcmp(host + n + 1, s->host_port) == 0)))
            return 1;
    }
    return strncmp(host, "127.", 4) == 0 && strspn(host, "0123456789.:") == strlen(host);
}

/* A listening socket on addr (backlog 512); the port bound in *port. */
static int listen_on(const struct sockaddr_storage *addr, socklen_t len, unsigned short *port)
{
    int fd = socket(addr->ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    int on = 1;
    struct sockaddr_storage bound;
    socklen_t bound_len = sizeof bound;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
        (addr->ss_family == AF_INET6 &&
         setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on) != 0) ||
        bind(fd, (const struct sockaddr *)addr, len) != 0 || listen(fd, 512) != 0 ||
        getsockname(fd, (struct sockaddr *)&bound, &bound_len) != 0) {
        close(fd);
        return -1;
    }
    *port = ntohs(bound.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&bound)->sin6_port
                                              : ((struct sockaddr_in *)&bound)->sin_port);
    return fd;
}

static const web_asset *find_asset(const char *url)
{
    for (size_t i = 0; i < web_assets_count; i++)
        if (strcmp(web_assets[i].path, url) == 0)
            return &web_assets[i];
    return NULL;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    (void)version;
    server *s = cls;
    int is_post = strcmp(method, "POST") == 0;
    if (!*con_cls) {
        request *req = calloc(1, sizeof *req);
        if (!req)
            return MHD_NO;
        *con_cls = req;
        if (is_post) {
            const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
            if (len && strtoull(len, NULL, 10) > BODY_LIMIT)
                return send_error(c, 413, "the body is larger than 1 MiB");
        }
        return MHD_YES;
    }
    request *req = *con_cls;
    if (*upload_size > 0) {
        if (!req->too_large && req->body.len + *upload_size <= BODY_LIMIT)
            req->too_large = web_buf_append(&req->body, upload, *upload_size) != 0;
        else
            req->too_large = 1;
        *upload_size = 0;
        return MHD_YES;
    }
    if (!host_ok(s, c))
        return send_error(c, 403, "unknown Host: use 127.0.0.1 or localhost");
    int lang = lang_index(s, c);
    if (is_post) {
        if (req->too_large)
            return send_error(c, 413, "the body is larger than 1 MiB");
        if (!web_api_is_endpoint(url))
            return send_error(c, 404, "no such endpoint");
        const char *type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
        if (!type || strncasecmp(type, "application/json", 16) != 0 ||
            (type[16] != '\0' && type[16] != ';'))
            return send_error(c, 415, "send the options as application/json");
        web_api_config cfg = s->api;
        cfg.lang = lang ? "en" : "nb";
        web_answer ans;
        while (sem_wait(&s->calculations) != 0 && errno == EINTR)
            ;
        web_api_answer(&ans, &cfg, url, req->body.data, req->body.len);
        sem_post(&s->calculations);
        enum MHD_Result r = respond(c, ans.http_status, ans.content_type, ans.body.data,
                                 ans.body.len, 1, ans.warnings, ans.exit_status,
                                 ans.program_ms);
        web_buf_free(&ans.body);
        return r;
    }
    if ((strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) || web_api_is_endpoint(url))
        return send_error(c, 405, "use GET for the page, POST for the API");
    const char *path = url;
    if (strcmp(url, "/") == 0)
        path = lang ? "/index.en.html" : "/index.html";
    else if (strcmp(url, "/api/openapi.json") == 0)
        path = "/openapi.json";
    else if (strncmp(url, "/index", 6) == 0)
        path = "/missing";
    const web_asset *a = find_asset(path);
    if (!a)
        return send_error(c, 404, "not found");
    return respond(c, 200, a->content_type, a->data, a->len, 0, NULL, -1, 0);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Percent-decoding of the path, except %00: a NUL would cut the path short
 * ("/app.js%00.html" is not "/app.js"). */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls, (void)c;
    char *w = s;
    for (const char *r = s; *r; r++) {
        int hi, lo;
        if (r[0] == '%' && (hi = hexval(r[1])) >= 0 && (lo = hexval(r[2])) >= 0 &&
            (hi | lo) != 0) {
            *w++ = (char)(hi * 16 + lo);
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return (size_t)(w - s);
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode code)
{
    (void)cls, (void)c, (void)code;
    request *req = *con_cls;
    if (req) {
        web_buf_free(&req->body);
        free(req);
    }
    *con_cls = NULL;
}

/* The documents' directory is checked once, here, so that a wrong one is
 * said at startup rather than as a 503 on the first PDF. name: the option,
 * or TMPDIR when it came from there. */
static void check_temp_dir(const char *name, const char *dir)
{
    _Static_assert(WEB_TEMP_DIR_MAX == 960, "the message below says 960");
    struct stat st;
    char fmt[128];
    if (!*dir || strlen(dir) > WEB_TEMP_DIR_MAX) {
        snprintf(fmt, sizeof fmt, "%s '%%s': give a directory's path of at most 960 bytes", name);
        die(fmt, dir);
    }
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || access(dir, W_OK | X_OK) != 0) {
        snprintf(fmt, sizeof fmt, "%s '%%s': not a directory sl-web can write in", name);
        die(fmt, dir);
    }
}

/* The directory of this executable; the programs are beside it (installed)
 * or in ../examples (build tree). */
static char *find_programs(const char *given)
{
    char self[PATH_MAX], path[PATH_MAX + 32];
    if (given)
        return strdup(given);
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return NULL;
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    *slash = '\0';
    snprintf(path, sizeof path, "%s/sl-plan", self);
    if (access(path, X_OK) == 0)
        return strdup(self);
    snprintf(path, sizeof path, "%s/../examples/sl-plan", self);
    if (access(path, X_OK) == 0) {
        snprintf(path, sizeof path, "%s/../examples", self);
        return strdup(path);
    }
    return NULL;
}

static int parse_listen(struct sockaddr_storage *addr, socklen_t *len, const char *text)
{
    char host[256];
    const char *colon = strrchr(text, ':');
    if (!colon || (size_t)(colon - text) >= sizeof host || colon == text)
        return -1;
    memcpy(host, text, (size_t)(colon - text));
    host[colon - text] = '\0';
    char *h = host;
    if (h[0] == '[') {
        size_t hl = strlen(h);
        if (h[hl - 1] != ']')
            return -1;
        h[hl - 1] = '\0';
        h++;
    }
    const char *port = colon + 1;
    if (!*port || strspn(port, "0123456789") != strlen(port) || atol(port) > 65535)
        return -1;
    struct addrinfo hints = {.ai_flags = AI_NUMERICSERV | AI_PASSIVE, .ai_socktype = SOCK_STREAM};
    struct addrinfo *res = NULL;
    if (getaddrinfo(h, port, &hints, &res) != 0 || !res)
        return -1;
    memcpy(addr, res->ai_addr, res->ai_addrlen);
    *len = res->ai_addrlen;
    freeaddrinfo(res);
    return 0;
}

static int is_loopback(const struct sockaddr_storage *addr)
{
    if (addr->ss_family == AF_INET)
        return (ntohl(((const struct sockaddr_in *)addr)->sin_addr.s_addr) >> 24) == 127;
    if (addr->ss_family == AF_INET6)
        return IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)addr)->sin6_addr);
    return 0;
}

int main(int argc, char **argv)
{
    const char *listen_at = "127.0.0.1:8080", *programs = NULL, *temp_dir = NULL;
    server s = {.lang = NULL};
    long threads = 4, time_limit = 10;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        size_t n = strcspn(a, "=");
        if (a[n] == '=')
            v = a + n + 1;
#define OPT(name) (strncmp(a, name, n) == 0 && strlen(name) == n)
#define VALUE() (v ? v : (i + 1 < argc ? argv[++i] : (die("%s needs a value", a), "")))
        if (OPT("--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (OPT("--version")) {
            puts("sl-web (startlan) " SL_WEB_VERSION);
            return 0;
        } else if (OPT("--listen")) {
            listen_at = VALUE();
        } else if (OPT("--lang")) {
            s.lang = VALUE();
            if (strcmp(s.lang, "nb") != 0 && strcmp(s.lang, "en") != 0)
                die("--lang '%s': must be nb or en", s.lang);
        } else if (OPT("--threads")) {
            const char *t = VALUE();
            char *end;
            threads = strtol(t, &end, 10);
            if (*end || threads < 1 || threads > 64)
                die("--threads '%s': must be from 1 to 64", t);
        } else if (OPT("--programs")) {
            programs = VALUE();
        } else if (OPT("--temp-dir")) {
            temp_dir = VALUE();
        } else if (OPT("--time-limit")) {
            const char *t = VALUE();
            char *end;
            errno = 0;
            time_limit = strtol(t, &end, 10);
            if (end == t || *end || errno || time_limit < 1 || time_limit > 600)
                die("--time-limit '%s': must be whole seconds from 1 to 600", t);
        } else {
            die("unknown option '%s'; see 'sl-web --help'", a);
        }
    }
    struct sockaddr_storage addr = {0};
    socklen_t addr_len = 0;
    if (parse_listen(&addr, &addr_len, listen_at) != 0)
        die("--listen '%s': expected HOST:PORT, e.g. 127.0.0.1:8080", listen_at);
    char *dir = find_programs(programs);
    char probe[PATH_MAX + 16];
    snprintf(probe, sizeof probe, "%s/sl-plan", dir ? dir : "");
    if (!dir || access(probe, X_OK) != 0)
        die("the programs (sl-plan, …) are not in '%s': give --programs DIR",
            dir ? dir : "the directory of sl-web");
    if (temp_dir) {
        check_temp_dir("--temp-dir", temp_dir);
    } else {
        const char *env = getenv("TMPDIR");
        temp_dir = env && *env ? env : "/tmp";
        check_temp_dir(env && *env ? "TMPDIR" : "--temp-dir", temp_dir);
    }
    signal(SIGPIPE, SIG_IGN);
    s.api.program_dir = dir;
    s.api.temp_dir = temp_dir;
    s.api.limits = (web_run_limits){.timeout_ms = (int)time_limit * 1000,
                                    .max_output = 16u << 20,
                                    .cpu_seconds = (int)time_limit};
    extern char **environ;
    s.api.env = environ;
    s.loopback = is_loopback(&addr);
    /* Ctrl-C and SIGTERM wait for sigwait below, in every thread (the
     * programs get them unblocked again: web_run.c). */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    /* The socket is bound here, before the server's threads start, so that
     * the port they check Host headers against (port 0: the one the system
     * chose) is known before the first request. */
    int listen_fd = listen_on(&addr, addr_len, &s.port);
    if (listen_fd < 0)
        die("cannot listen on %s (in use, or not an address of this machine)", listen_at);
    snprintf(s.host_port, sizeof s.host_port, "%u", s.port);
    /* A thread for each connection, and at most --threads of them computing
     * (the semaphore): a connection waiting its turn is its own thread's
     * business, so it never looks idle to the 15 s timeout, as it did when a
     * pool thread ran other connections' programs for longer than that. */
    if (sem_init(&s.calculations, 0, (unsigned)threads) != 0)
        die("cannot start: %s", strerror(errno));
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
                     MHD_USE_POLL | MHD_USE_ERROR_LOG;
    if (addr.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, 0, NULL, NULL, handle, &s, MHD_OPTION_LISTEN_SOCKET, listen_fd,
        MHD_OPTION_CONNECTION_LIMIT, 1000u,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, 0u, MHD_OPTION_CONNECTION_TIMEOUT, 15u,
        MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
        MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
        MHD_OPTION_END);
    if (!d)
        die("cannot listen on %s (in use, or not an address of this machine)", listen_at);
    char host[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&addr)->sin6_addr, host, sizeof host);
    else
        inet_ntop(AF_INET, &((struct sockaddr_in *)&addr)->sin_addr, host, sizeof host);
    if (!s.loopback)
        fprintf(stderr,
                "sl-web: warning: serving the network at %s: anyone who can reach this "
                "address can use the calculator (no login, no TLS)\n", host);
    if (addr.ss_family == AF_INET6)
        printf("sl-web: the calculator is at http://[%s]:%u/\n", host, s.port);
    else
        printf("sl-web: the calculator is at http://%s:%u/\n", host, s.port);
    fflush(stdout);
    int sig;
    sigwait(&set, &sig);
    MHD_stop_daemon(d);
    sem_destroy(&s.calculations);
    free(dir);
    return 0;
}
