#!/usr/bin/env bash
# Keyward set-up on a fresh Debian 12 machine (root or sudo).
#   scripts/setup.sh run    install packages, build, start the app on the default vault
#   scripts/setup.sh test   install packages, build, run every test through ctest, check the
#                           Debian packages (scripts/package-check.sh), then the checked build:
#                           the non-GUI suites under ASan+UBSan and the fuzzers
#                           (scripts/sanitize.sh, docs/fuzzing.md)
set -euo pipefail
mode=${1:-run}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${KEYWARD_BUILD_DIR:-$here/build}

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi

packages=(cmake ninja-build lld g++ make pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev qt6-charts-dev libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins
    libgl-dev libqt6opengl6-dev libxkbcommon-dev libvulkan-dev libbotan-2-dev libsqlite3-dev libpq-dev
    qtkeychain-qt6-dev qt6-translations-l10n
    libmicrohttpd-dev libsystemd-dev help2man dpkg-dev)
# lld: the faster linker (CMakeLists.txt). help2man: the man pages (man/). dpkg-dev:
# dpkg-shlibdeps, for the packages' Depends (cpack).
if [ "$mode" = test ]; then
    # xvfb, xauth, openbox, x11-utils: the real-desktop tests (tests/desktop) and
    # scripts/screenshots.sh run an X server with a window manager. nginx: the auth_request
    # tests of keyward-verifyd (tests/verifyd); wrk: its benchmark (tests/bench); python3: the
    # fixtures' free ports; python3-icalendar reads keywardctl's calendar back (test_cli_calendar).
    # clang, libclang-rt-14-dev (libFuzzer and the sanitizer runtimes) and llvm-14
    # (llvm-symbolizer, for readable reports): scripts/sanitize.sh. nodejs, npm: the secret
    # scanner tests (tests/scanners: secretlint from the npm registry, the JavaScript snippet of
    # docs/key-format.md). zsh: test_completion. lintian: scripts/package-check.sh. trayer (a
    # system tray), dunst (a notification service) and dbus-daemon (dbus-run-session):
    # test_tray_desktop. gnome-keyring and libsecret-1-0 (what QtKeychain talks to it through): a
    # keychain of the tests' own (test_tray_keychain).
    packages+=(postgresql xvfb xauth openbox x11-utils nginx wrk python3 python3-icalendar
        clang libclang-rt-14-dev llvm-14 zsh lintian trayer dunst dbus-daemon gnome-keyring libsecret-1-0)
    # A machine that already has Node.js with its own npm (NodeSource's nodejs bundles npm and
    # conflicts with Debian's npm package) keeps it; otherwise Debian's.
    if ! command -v npm >/dev/null; then packages+=(nodejs npm); fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null

# Ninja for a new build directory: it schedules every compile of the project as one graph, so
# both cores stay busy across targets. A directory configured before keeps its generator.
generator=()
if [ ! -f "$build/CMakeCache.txt" ]; then generator=(-G Ninja); fi
# The suites that need no widgets run once, in scripts/sanitize.sh's checked build (below): it
# catches all they catch in this build and memory errors besides. This build runs the window's
# suites, the real-desktop ones and the hardening check of what ships.
gui_free_tests=ON
if [ "$mode" = test ]; then gui_free_tests=OFF; fi
cmake -S "$here" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKEYWARD_GUI_FREE_TESTS="$gui_free_tests"
cmake --build "$build" --parallel "$(nproc)"

case "$mode" in
run)
    exec "$build/keyward"
    ;;
test)
    # Two at a time: many suites wait on processes, servers and timers more than they compute.
    # Suites that must not overlap say so (RESOURCE_LOCK: the real-desktop ones share a display).
    # Longest first (tests/ctest-costs): a fresh build directory has no durations of its own.
    costs="$build/Testing/Temporary/CTestCostData.txt"
    if [ ! -f "$costs" ]; then
        mkdir -p "$(dirname "$costs")"
        cp "$here/tests/ctest-costs/release.txt" "$costs"
    fi
    (cd "$build" && ctest --output-on-failure --timeout 900 --parallel "$(nproc)")
    bash "$here/scripts/package-check.sh" "$build"
    bash "$here/scripts/sanitize.sh"
    ;;
*)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
