#!/usr/bin/env bash
# Every public header on its own: compiles as C17 -pedantic and as C++17
# -pedantic with warnings as errors, and pulls in neither GMP nor MPFR.
# Usage: headers.sh SOURCE_INCLUDE_DIR BUILD_INCLUDE_DIR
set -uo pipefail
src=$1 bld=$2
cc=${CC:-cc} cxx=${CXX:-c++}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
for h in "$src"/startlan.h "$src"/startlan/*.h "$bld"/startlan/version.h; do
    name=${h#"$src"/}
    name=${name#"$bld"/}
    printf '#include <%s>\nint main(void) { return 0; }\n' "$name" > "$tmp/t.c"
    cp "$tmp/t.c" "$tmp/t.cpp"
    if ! "$cc" -std=c17 -Wall -Wextra -pedantic -Werror -I"$src" -I"$bld" -fsyntax-only "$tmp/t.c" \
            2> "$tmp/err"; then
        echo "FAIL C17: $name"; cat "$tmp/err"; failed=1
    fi
    if ! "$cxx" -std=c++17 -Wall -Wextra -pedantic -Werror -I"$src" -I"$bld" -fsyntax-only "$tmp/t.cpp" \
            2> "$tmp/err"; then
        echo "FAIL C++17: $name"; cat "$tmp/err"; failed=1
    fi
    if "$cc" -std=c17 -I"$src" -I"$bld" -E -H "$tmp/t.c" -o /dev/null 2>&1 |
            grep -E '(gmp|mpfr)\.h' > "$tmp/err"; then
        echo "FAIL: $name includes GMP or MPFR:"; cat "$tmp/err"; failed=1
    fi
done
[ "$failed" -eq 0 ] && echo "every public header compiles as C17 and C++17, without GMP/MPFR"
exit "$failed"
