#!/usr/bin/env bash
# test_timedemo.sh BIN CHECK - the timedemo leaves the player's data alone
# and plays the same whatever was saved.
#   private:  without --save-dir, nothing is read or written in the user's
#             folders (HOME and XDG_DATA_HOME point at an empty folder).
#   save-dir: --save-dir A/B/C is made with its parents; two runs whose saves
#             hold different settings play the same session (the default
#             settings, on a fixed date) and keep each save's settings.
set -u
bin="$1" check="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
# The user's folders, empty: whatever appears there was written by the game.
home="$tmp/home"
mkdir -p "$home"
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"

# run FRAMES ARGS... : a timedemo that must end well; output in $tmp/out, $tmp/err
run() {
    local frames="$1"; shift
    "$bin" --timedemo "$frames" "$@" >"$tmp/out" 2>"$tmp/err" \
        || fail "--timedemo $frames $* exited $?: $(head -c 300 "$tmp/err")"
    grep -q "^frames: $frames\$" "$tmp/out" || fail "--timedemo $frames $* did not play its frames"
}
# The records of a save without its settings and its end line.
records() { grep -v -e '^setting ' -e '^end ' "$1"; }

case "$check" in
private)
    run 3000
    run 3000 --mute --seed 7
    found="$(find "$home" -mindepth 1)"
    [ -z "$found" ] || fail "the timedemo wrote in the user's folders: $(echo "$found" | head -5)"
    ;;
save-dir)
    run 30 --save-dir "$tmp/a/b/c"
    [ -f "$tmp/a/b/c/save.txt" ] || fail "--save-dir a/b/c: nothing saved there"
    # Saved settings: the opposite of every default, and the defaults.
    mkdir "$tmp/other"
    printf '%s\n' 'quizarcade-save 1' 'setting volume 10' 'setting muted 1' \
        'setting fullscreen 1' 'setting timer off' 'initials ZZZ' 'end 5' >"$tmp/other/save.txt"
    cp "$tmp/other/save.txt" "$tmp/other-before.txt"
    printf '%s\n' 'quizarcade-save 1' 'setting volume 80' 'setting muted 0' \
        'setting fullscreen 0' 'setting timer on' 'initials ZZZ' 'end 5' >"$tmp/defaults.txt"
    mkdir "$tmp/same" && cp "$tmp/defaults.txt" "$tmp/same/save.txt"
    run 6000 --seed 2 --save-dir "$tmp/other"
    run 6000 --seed 2 --save-dir "$tmp/same"
    grep -q 'kept aside' "$tmp/err" && fail "a hand-written save was not read"
    grep '^setting ' "$tmp/other-before.txt" >"$tmp/settings-before"
    grep '^setting ' "$tmp/other/save.txt" >"$tmp/settings-after"
    cmp -s "$tmp/settings-before" "$tmp/settings-after" \
        || fail "the timedemo changed the saved settings: $(tr '\n' ' ' <"$tmp/settings-after")"
    records "$tmp/other/save.txt" >"$tmp/other.rec"
    records "$tmp/same/save.txt" >"$tmp/same.rec"
    cmp -s "$tmp/other.rec" "$tmp/same.rec" \
        || fail "the timedemo played differently with other saved settings: $(diff "$tmp/same.rec" "$tmp/other.rec" | head -5)"
    grep -q '^score ' "$tmp/same.rec" || fail "the timedemo recorded no score"
    other_days="$(grep -e '^score ' -e '^daily ' "$tmp/same.rec" | grep -v ' 2026-01-01')"
    [ -z "$other_days" ] || fail "dates other than the timedemo's fixed day: $(echo "$other_days" | head -2)"
    # A save folder that cannot be made: one line names it, the demo plays on.
    : >"$tmp/file"
    run 30 --save-dir "$tmp/file/sub"
    grep -q "$tmp/file" "$tmp/err" || fail "no message names the folder that cannot be made"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "more than one line about an impossible save folder"
    ;;
*)
    echo "usage: $0 BIN private|save-dir" >&2
    exit 2
    ;;
esac

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "timedemo $check checks passed"
