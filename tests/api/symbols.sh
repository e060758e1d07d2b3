#!/usr/bin/env bash
# The shared library exports exactly the public API: every dynamic symbol is
# sl_<letter or digit>… under the version node STARTLAN_<soversion>, and every
# function declared SL_API in the public headers is among them.
# Usage: symbols.sh LIBSTARTLAN_SO INCLUDE_DIR... (source and build include dirs)
set -uo pipefail
lib=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
nm -D --defined-only --with-symbol-versions "$lib" | awk '$2 != "A" {print $3}' > "$tmp/all"
[ -s "$tmp/all" ] || { echo "FAIL: no exported symbols read from $lib"; exit 1; }
if grep -Ev '^sl_[a-z0-9][a-z0-9_]*@@STARTLAN_[0-9]+$' "$tmp/all" > "$tmp/bad"; then
    echo "FAIL: symbols outside the public API or without the version node:"
    cat "$tmp/bad"; failed=1
fi
sed 's/@.*//' "$tmp/all" | sort -u > "$tmp/exported"
# Functions declared SL_API (the name follows on the same line).
for inc in "$@"; do cat "$inc"/startlan/*.h; done | grep 'SL_API' | grep -o 'sl_[a-z0-9_]*(' | tr -d '(' | sort -u \
    > "$tmp/declared"
if ! comm -23 "$tmp/declared" "$tmp/exported" > "$tmp/missing" || [ -s "$tmp/missing" ]; then
    echo "FAIL: declared in the headers but not exported:"; cat "$tmp/missing"; failed=1
fi
if comm -13 "$tmp/declared" "$tmp/exported" | grep . > "$tmp/extra"; then
    echo "FAIL: exported but not declared SL_API in a public header:"; cat "$tmp/extra"; failed=1
fi
[ "$failed" -eq 0 ] && echo "$(wc -l < "$tmp/exported") symbols exported, all public and versioned"
exit "$failed"
