#!/usr/bin/env bash
# Preprocess the public headers into declarations cffi reads (the layouts
# cffi uses are then the headers' own; nothing is copied by hand).
# Usage: gen-cdef.sh CC OUT SOURCE_INCLUDE BUILD_INCLUDE FAKE_LIBC_DIR
set -euo pipefail
cc=$1 out=$2 src=$3 bld=$4 fake=$5
printf '#include <startlan.h>\n' |
    "$cc" -E -P -std=c17 -nostdinc -U__GNUC__ -I"$fake" -I"$src" -I"$bld" -x c - |
    grep -v '^\s*$' > "$out"
