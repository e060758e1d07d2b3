/* The page's files, compiled in (web/embed.py writes web_assets.c from
 * web/assets/ and docs/openapi.json): nothing is read from disk at run time. */
#ifndef SL_WEB_ASSETS_H
#define SL_WEB_ASSETS_H

#include <stddef.h>

typedef struct web_asset {
    const char *path;         /* "/app.js" */
    const char *content_type;
    const unsigned char *data;
    size_t len;
} web_asset;

extern const web_asset web_assets[];
extern const size_t web_assets_count;

#endif
