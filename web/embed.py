#!/usr/bin/env python3
"""Write web_assets.c: each file given as URLPATH=FILE becomes a byte array."""
import sys

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}

def main():
    out, pairs = sys.argv[1], sys.argv[2:]
    lines = ['#include "web_assets.h"', ""]
    entries = []
    for i, pair in enumerate(pairs):
        url, path = pair.split("=", 1)
        data = open(path, "rb").read()
        if url.endswith(".en.html"):  # the same page, told to speak English
            data = data.replace(b'<html lang="nb">', b'<html lang="en">', 1)
        ext = url[url.rfind("."):]
        body = ",".join(str(b) for b in data)
        lines.append(f"static const unsigned char asset_{i}[] = {{{body},0}};")
        entries.append(f'    {{"{url}", "{TYPES[ext]}", asset_{i}, {len(data)}}},')
    lines.append("const web_asset web_assets[] = {")
    lines += entries
    lines.append("};")
    lines.append(f"const size_t web_assets_count = {len(pairs)};")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")

main()
