/* Encoding detection and streaming conversion to UTF-8 (see table_decode.h). */
#define _GNU_SOURCE /* fopencookie */
#include "table_decode.h"

#include "cli_i18n.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct table_decoder {
    FILE *in;
    int keep_old;
    iconv_t cd; /* (iconv_t)-1: bytes pass through */
    char raw[TABLE_DECODE_PEEK];
    size_t raw_pos, raw_len;
    int eof;
};
typedef struct table_decoder decoder;

table_decoder *table_decoder_new(void)
{
    return calloc(1, sizeof(table_decoder));
}

void table_decoder_free(table_decoder *d)
{
    free(d);
}

/* 1 if s[0..n) is valid UTF-8, an incomplete sequence at the very end allowed. */
static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!len || (len == 2 && c < 0xC2))
            return 0;
        for (size_t k = 1; k < len; k++) {
            if (i + k == n)
                return 1; /* cut by the peek */
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
        }
        i += len;
    }
    return 1;
}

static int fill(decoder *d)
{
    if (d->raw_pos > 0) {
        memmove(d->raw, d->raw + d->raw_pos, d->raw_len - d->raw_pos);
        d->raw_len -= d->raw_pos;
        d->raw_pos = 0;
    }
    if (d->eof || d->raw_len == sizeof d->raw)
        return 0;
    size_t got = fread(d->raw + d->raw_len, 1, sizeof d->raw - d->raw_len, d->in);
    d->raw_len += got;
    if (got == 0) {
        if (ferror(d->in))
            return -1;
        d->eof = 1;
    }
    return 0;
}

static ssize_t decode_read(void *cookie, char *out, size_t size)
{
    decoder *d = cookie;
    for (;;) {
        if (d->raw_pos == d->raw_len || (d->cd != (iconv_t)-1 && !d->eof && d->raw_len - d->raw_pos < 8))
            if (fill(d) < 0)
                return -1;
        size_t avail = d->raw_len - d->raw_pos;
        if (avail == 0)
            return 0;
        if (d->cd == (iconv_t)-1) {
            size_t n = avail < size ? avail : size;
            memcpy(out, d->raw + d->raw_pos, n);
            d->raw_pos += n;
            return (ssize_t)n;
        }
        char *src = d->raw + d->raw_pos, *dst = out;
        size_t left = avail, room = size;
        size_t rc = iconv(d->cd, &src, &left, &dst, &room);
        d->raw_pos = (size_t)(src - d->raw);
        if (dst > out)
            return dst - out;
        if (rc == (size_t)-1 && errno == EINVAL && !d->eof)
            continue; /* an incomplete character: read more */
        if (rc == (size_t)-1) {
            if (errno == EINVAL)
                errno = EILSEQ; /* cut off at the end of the file */
            return -1;
        }
    }
}

static int decode_close(void *cookie)
{
    decoder *d = cookie;
    if (d->cd != (iconv_t)-1)
        iconv_close(d->cd);
    d->cd = (iconv_t)-1;
    return d->keep_old ? 0 : fclose(d->in);
}

static const struct {
    const char *name, *iconv_name;
} names[] = {
    {"utf-8", "UTF-8"},       {"utf8", "UTF-8"},          {"cp1252", "CP1252"},
    {"windows-1252", "CP1252"}, {"iso-8859-1", "ISO-8859-1"}, {"latin1", "ISO-8859-1"},
    {"utf-16", "UTF-16"},
};

int table_decode(FILE **in, table_decoder *d, int keep_old, const char *encoding,
                 char detected[16], char *why, size_t why_size)
{
    const char *want = NULL;
    if (encoding && strcasecmp(encoding, "auto") != 0) {
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (strcasecmp(encoding, names[i].name) == 0)
                want = names[i].iconv_name;
        if (!want) {
            snprintf(why, why_size,
                     _("--encoding '%.40s': must be auto, utf-8, utf-16, cp1252, windows-1252, "
                       "iso-8859-1 or latin1"),
                     encoding);
            return -2;
        }
    }
    memset(d, 0, sizeof *d);
    d->in = *in;
    d->keep_old = keep_old;
    d->cd = (iconv_t)-1;
    if (fill(d) < 0) {
        snprintf(why, why_size, "%s", _("read error"));
        return -1;
    }
    const unsigned char *b = (const unsigned char *)d->raw;
    const char *from = NULL;
    if (d->raw_len >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        from = "UTF-16LE";
    else if (d->raw_len >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        from = "UTF-16BE";
    if (from) {
        d->raw_pos = 2; /* the mark itself */
        if (want && strcmp(want, "UTF-16") != 0) {
            snprintf(why, why_size,
                     _("--encoding '%.40s': the file starts with a UTF-16 byte-order mark"),
                     encoding);
            return -2;
        }
    } else if (want && strcmp(want, "UTF-16") == 0) {
        snprintf(why, why_size, "%s",
                 _("UTF-16 without a byte-order mark is not supported (save it with one, or as "
                   "UTF-8)"));
        return -1;
    } else if (want) {
        from = want;
    } else {
        from = valid_utf8(b, d->raw_len) ? "UTF-8" : "CP1252";
    }
    snprintf(detected, 16, "%s", from);
    if (strcmp(from, "UTF-8") != 0) {
        d->cd = iconv_open("UTF-8", from);
        if (d->cd == (iconv_t)-1) {
            snprintf(why, why_size, _("cannot convert from %s: %s"), from, strerror(errno));
            return -1;
        }
    }
    cookie_io_functions_t io = {decode_read, NULL, NULL, decode_close};
    FILE *f = fopencookie(d, "r", io);
    if (!f) {
        if (d->cd != (iconv_t)-1)
            iconv_close(d->cd);
        d->cd = (iconv_t)-1;
        snprintf(why, why_size, "%s", _("out of memory"));
        return -1;
    }
    *in = f;
    return 0;
}
