#!/bin/sh
# Every text the programs mark for translation is translated in every
# catalogue: the texts are extracted from the sources (po/POTFILES) as
# `meson compile -C build startlan-pot` does and merged into each po/LANG.po
# as `startlan-update-po` does; msgfmt --statistics -c must then report no
# untranslated and no fuzzy message, and no format mismatch. Also: every
# source file that marks texts is listed in po/POTFILES.
# Usage: po_complete.sh SOURCE_ROOT
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
status=0
for f in $(grep -l -E '\b(N_|_)\("' examples/*.c web/*.c 2>/dev/null); do
    if ! grep -qx "$f" po/POTFILES; then
        echo "$f marks texts for translation but is not in po/POTFILES"
        status=1
    fi
done
xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 --no-location --no-wrap \
    -o "$tmp/startlan.pot" -f po/POTFILES -D .
for lang in $(grep -v '^#' po/LINGUAS); do
    # the catalogue as committed: valid, complete
    if ! stats=$(msgfmt -c --statistics -o /dev/null "po/$lang.po" 2>&1); then
        echo "po/$lang.po: msgfmt -c fails: $stats"
        status=1
        continue
    fi
    echo "po/$lang.po: $stats"
    # merged with the texts of the sources as they are now
    msgmerge -q --no-location --no-wrap -o "$tmp/$lang.po" "po/$lang.po" "$tmp/startlan.pot"
    merged=$(msgfmt -c --statistics -o /dev/null "$tmp/$lang.po" 2>&1) || {
        echo "po/$lang.po merged with the sources: msgfmt -c fails: $merged"
        status=1
        continue
    }
    case "$stats $merged" in
    *untranslated* | *fuzzy*)
        echo "po/$lang.po is not complete for the sources: $merged"
        # the entries, without the catalogue's header
        msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" | sed '1,/^$/d'
        msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" | sed '1,/^$/d'
        echo "(translate them: meson compile -C build startlan-pot startlan-update-po, then po/$lang.po)"
        status=1
        ;;
    esac
done
[ $status -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $status
