/* The text encoding of an exported table: UTF-8 (with or without a
 * byte-order mark), UTF-16 with a byte-order mark, or cp1252/ISO-8859-1
 * (what Excel's "CSV (semikolondelt)" writes in Norway), detected or named,
 * and converted to UTF-8 on the fly with iconv while the file streams. */
#ifndef SL_TABLE_DECODE_H
#define SL_TABLE_DECODE_H

#include <stdio.h>

/* Bytes looked at to tell UTF-8 from cp1252 when there is no byte-order mark. */
#define TABLE_DECODE_PEEK 65536

/* The state of one conversion (its read buffer), owned by the caller so it
 * stays reachable whatever happens to the stream. */
typedef struct table_decoder table_decoder;
table_decoder *table_decoder_new(void);
/* After the stream from table_decode is closed. NULL is allowed. */
void table_decoder_free(table_decoder *d);

/* Replace *in by a stream of UTF-8, using d (see table_decoder_new). encoding: NULL or "auto" to detect (a
 * byte-order mark; else valid UTF-8 in the first TABLE_DECODE_PEEK bytes is
 * UTF-8, anything else cp1252), or "utf-8", "utf-16", "cp1252",
 * "windows-1252", "iso-8859-1", "latin1" (any case). The new stream owns the
 * old one (closing it closes both, unless keep_old). A UTF-8 byte-order mark
 * stays for the reader to skip. detected receives the name used ("UTF-8",
 * "UTF-16LE", "UTF-16BE", "CP1252", "ISO-8859-1"). 0, or -1 with why filled
 * in the output's language (UTF-16 without a byte-order mark, out of memory),
 * or -2 when encoding itself is wrong (an unknown name, a name the file's
 * byte-order mark contradicts). */
int table_decode(FILE **in, table_decoder *d, int keep_old, const char *encoding,
                 char detected[16], char *why, size_t why_size);

#endif
