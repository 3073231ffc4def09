#!/usr/bin/env bash
# test_cli.sh BIN SOURCE_DIR - the command line as users and scripts see it:
# exit statuses, output shapes, and messages for bad input.
set -u
bin="$1" src="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect STATUS CMD... : runs CMD, checks its exit status; output in $tmp/out, $tmp/err
expect() {
    local want="$1"; shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" -eq "$want" ] || fail "'$*' exited $got, expected $want: $(head -c 300 "$tmp/err")"
}
contains() { grep -q -- "$2" "$tmp/$1" || fail "$1 of the last command lacks '$2'"; }
lines() { [ "$(wc -l <"$tmp/$1")" -eq "$2" ] || fail "$1 has $(wc -l <"$tmp/$1") lines, expected $2"; }

seed="$src/assets/corpus/python-interview.md"

expect 0 "$bin" --version;            contains out "quizarcade "
expect 0 "$bin" --help;               for o in --corpus --list-topics --export-json --check --help --version --dump-rounds --seed --timedemo --save-dir --levels; do contains out -- "$o"; done
expect 2 "$bin" --bogus;              contains err "unknown option '--bogus'"; lines err 1
expect 2 "$bin" --corpus;             contains err "needs a value"; lines err 1
expect 2 "$bin" --list-topics --check; lines err 1

expect 0 "$bin" --list-topics;        contains out "Object-Oriented Programming (OOP) *20"; contains out "Total (11 topics) *75"
expect 0 "$bin" --list-topics --corpus "$seed"; lines out 13

expect 0 "$bin" --export-json
jq -e '(.topics | length) == 11
        and ([.topics[].questions[]] | length) == 75
        and all(.topics[].questions[];
                (keys == ["answer", "option", "prompt", "source"])
                and (.source | test(".+:[0-9]+$"))
                and (.option | length) <= 160
                and (.option | contains("\n") | not))' "$tmp/out" >/dev/null \
    || fail "--export-json is not the documented JSON"

expect 0 "$bin" --check;              contains out "playable"; contains out ":213: ignored text"

printf '' >"$tmp/empty.md"
expect 1 "$bin" --check --corpus "$tmp/empty.md";        contains out "empty.md: empty file"; contains out "NOT playable"
expect 1 "$bin" --list-topics --corpus "$tmp/empty.md";  contains err "empty file"
head -c 4096 /dev/urandom >"$tmp/random.md"
expect 1 "$bin" --check --corpus "$tmp/random.md";       contains out "random.md: "
expect 1 "$bin" --list-topics --corpus "$tmp/missing.md"; contains err "missing.md: cannot read"
mkdir "$tmp/nomd"
expect 1 "$bin" --check --corpus "$tmp/nomd";            contains out "no .md files"
printf '## A\n\n### What is X?\nX.\n\n### What is Y?\n```\nunclosed\n' >"$tmp/fence.md"
expect 0 "$bin" --check --corpus "$tmp/fence.md";        contains out "fence.md:7: code block opened here is never closed"
expect 0 "$bin" --list-topics --corpus "$tmp/fence.md";  contains err "1 warning"

# --dump-rounds: JSON Lines, reproducible, options[answer] is the option
"$bin" --export-json >"$tmp/bank.json"
expect 0 "$bin" --dump-rounds --seed 5 --level 3 --rounds 2; cp "$tmp/out" "$tmp/rounds1"
expect 0 "$bin" --dump-rounds --seed 5 --level 3 --rounds 2
cmp -s "$tmp/out" "$tmp/rounds1" || fail "--dump-rounds with the same seed differs"
expect 0 "$bin" --dump-rounds --seed 6 --level 3 --rounds 2
cmp -s "$tmp/out" "$tmp/rounds1" && fail "--dump-rounds with another seed is the same"
jq -e -s --slurpfile bank "$tmp/bank.json" '
    ([$bank[0].topics[].questions[] | {(.source): .option}] | add) as $opt
    | length > 100
      and all(.[]; (keys == ["answer", "kind", "level", "options", "prompt", "source", "topic"])
                   and (.kind == "answer" or .kind == "reverse" or .kind == "output")
                   and (.options | length) >= 2 and (.options | length) <= 4
                   and .answer < (.options | length)
                   and (.options | unique | length) == (.options | length)
                   and (.kind != "answer" or .options[.answer] == $opt[.source]))
      and ([.[].kind] | unique) == ["answer", "output", "reverse"]' "$tmp/rounds1" >/dev/null \
    || fail "--dump-rounds lines are not as documented"
expect 0 "$bin" --dump-rounds --topic "devops & TOOLS" --level 1
jq -e -s 'length == 5 and all(.[]; .topic == "DevOps & Tools" and (.options | length) == 3)' \
    "$tmp/out" >/dev/null || fail "--dump-rounds --topic --level 1"
expect 1 "$bin" --dump-rounds --topic "No Such Topic"; contains err "no topic named"
expect 1 "$bin" --dump-rounds --level 9; contains err "no level 9"
printf '## Tiny\n\n### What is A?\nA.\n\n### What is B?\nB.\n\n## Solo\n\n### What is C?\nC.\n' >"$tmp/tiny.md"
expect 0 "$bin" --check --corpus "$tmp/tiny.md"
contains out 'topic "Tiny"'; contains out '"Solo" cannot offer 2 fair options'

# The game itself, headless: a scripted session that plays levels and
# arcade, then what it saved, read back by a second run.
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
save="$tmp/save"
expect 0 "$bin" --timedemo 9000 --seed 1 --save-dir "$save"
contains out "frames: 9000"
[ -f "$save/save.txt" ] || fail "--timedemo --save-dir saved nothing"
head -3 "$save/save.txt" | grep -q '^quizarcade-save 1$' || fail "the save file has no version line"
grep -q '^level [0-3] [01] [0-9]* 1 ' "$save/save.txt" || fail "no level progress was saved"
grep -q '^score [0-9]* [0-9]* 20[0-9-]* [A-Z0-9]\{3\} level:[^:]*:1$' "$save/save.txt" \
    || fail "the level's high score was not saved"
grep -q '^history [0-9a-f]\{16\} ' "$save/save.txt" || fail "no question history was saved"
tail -1 "$save/save.txt" | grep -q '^end [0-9]* [0-9a-f]\{16\}$' || fail "the save file is not closed"
cp "$save/save.txt" "$tmp/first-save.txt"
expect 0 "$bin" --timedemo 30 --seed 2 --save-dir "$save"
grep -q "kept aside" "$tmp/err" && fail "the game's own save was not readable"
grep -q '^score .* level:[^:]*:1$' "$save/save.txt" || fail "the high scores were lost on reload"
# A damaged save is kept aside, reported in one line, and the game goes on.
printf 'quizarcade-save 1\nscore 10 x\n' >"$save/save.txt"
expect 0 "$bin" --timedemo 30 --save-dir "$save"
contains err "save.txt:2: a score record is"
contains err "kept aside as $save/save.txt.bak"
[ -f "$save/save.txt.bak" ] || fail "the damaged save was not kept"
unset SDL_VIDEODRIVER SDL_AUDIODRIVER

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "all command-line checks passed"
