#!/usr/bin/env bash
# test_install.sh BUILD_DIR - `cmake --install` into a fresh prefix gives a
# game that runs from any directory, with its desktop entry and icon.
set -u
build="$1"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cmake --install "$build" --prefix "$prefix" >/dev/null || fail "cmake --install"
bin="$prefix/bin/quizarcade"
[ -x "$bin" ] || fail "no bin/quizarcade"
ls "$prefix"/lib*/quizarcade/quizarcade-game.so "$prefix"/lib/*/quizarcade/quizarcade-game.so 2>/dev/null \
    | grep -q . || fail "no game module under lib"
for f in share/quizarcade/assets/corpus/python-interview.md share/quizarcade/assets/fonts/DejaVuSans.ttf \
         share/quizarcade/assets/sounds/right.wav share/quizarcade/levels/oop.ini \
         share/applications/quizarcade.desktop share/icons/hicolor/scalable/apps/quizarcade.svg; do
    [ -f "$prefix/$f" ] || fail "not installed: $f"
done
cd / || exit 1
"$bin" --list-topics | grep -q "Total (11 topics) *75" || fail "the installed game cannot read its corpus"
out=$(SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin" --timedemo 60 --save-dir "$prefix/save") \
    || fail "the installed game does not run"
echo "$out" | grep -q "frames: 60" || fail "the installed game's timedemo"
# Moved elsewhere, it still finds everything beside itself.
mv "$prefix" "$prefix-moved" && mkdir "$prefix"
"$prefix-moved/bin/quizarcade" --check >/dev/null || { rm -rf "$prefix-moved"; fail "a moved install"; }
rm -rf "$prefix-moved"
echo "install checks passed"
