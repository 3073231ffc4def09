# tools/setup.sh - shared by tools/play, tools/test, tools/bench, tools/fuzz.
# Installs the Debian packages that are missing and builds with CMake.
# Sourced, not run: it defines functions and changes nothing by itself.

QA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Packages to build and play the game.
QA_PACKAGES_BUILD="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev \
libsdl2-mixer-dev libmd4c-dev libcjson-dev libinih-dev"
# Extra packages for the test suite.
QA_PACKAGES_TEST="libcmocka-dev jq"

qa_say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# qa_install PACKAGE... : installs those not yet installed, through apt-get
# (directly as root, else through sudo, else prints the command and fails).
qa_install() {
    local missing=() p
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    qa_say "installing missing Debian packages: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        sh -c "$cmd"
    elif command -v sudo >/dev/null 2>&1; then
        sudo sh -c "$cmd"
    else
        echo "quizarcade: these Debian packages are missing; as root, run:" >&2
        echo "  $cmd" >&2
        return 1
    fi
}

# qa_build DIR TARGET [CMAKE ARGS...] : configures and builds TARGET (all
# for everything) into DIR.
qa_build() {
    local dir="$1" target="$2"
    shift 2
    local jobs
    jobs="$(nproc 2>/dev/null || echo 2)"
    qa_say "building $target in $dir"
    cmake -S "$QA_ROOT" -B "$QA_ROOT/$dir" "$@" >/dev/null
    cmake --build "$QA_ROOT/$dir" -j "$jobs" --target "$target"
}
