#!/usr/bin/env bash
# Regenerates docs/screenshots/ on a real desktop: the xcb platform on Xvfb with the openbox
# window manager (the same fixture the real-desktop tests use), so the pictures show the sizes a
# window manager gives, not the offscreen platform's. Needs a build (scripts/setup.sh test, or
# cmake --build build) and the test packages (xvfb, xauth, openbox, x11-utils, postgresql).
#   scripts/screenshots.sh [OUTPUT_DIR]     default: docs/screenshots
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${KEYWARD_BUILD_DIR:-$here/build}
out=$(realpath -m "${1:-$here/docs/screenshots}")
mkdir -p "$out"
work=$(mktemp -d)
desktop="$work/desktop"
pg="$work/pg"
cleanup() {
    bash "$here/tests/desktop/desktop_fixture.sh" stop "$desktop" || true
    [ -d "$pg" ] && bash "$here/tests/pg/pg_fixture.sh" stop "$pg" >/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

bash "$here/tests/desktop/desktop_fixture.sh" start "$desktop"
set -a
# shellcheck disable=SC1091
. "$desktop/env"
set +a
export QT_QPA_PLATFORM=xcb LC_ALL=C.UTF-8 KEYWARD_TEST_MODE=1 KEYWARD_SCREENSHOT_DIR=$out

# A system tray, as a desktop has (Preferences says so when there is none).
trayer --edge top --align right --widthtype request --height 28 &
trayer_pid=$!
# Every screen and dialog; the usage pane and "Why is this key rejected?" with data in them.
"$build/tests/ui/test_screenshots"
kill "$trayer_pid" 2>/dev/null || true
# The tray's expiry notice in dunst (the test starts its own tray and notification service).
KEYWARD_DESKTOP_DIR=$desktop dbus-run-session -- "$build/tests/desktop/test_tray_desktop" \
    noticeReachesTheServiceAndOpensTheKey
"$build/tests/ui/test_usage_ui" screenshots
# The connection dialogs need a PostgreSQL server: the tests' throwaway cluster.
bash "$here/tests/pg/pg_fixture.sh" start "$pg"
KEYWARD_PG_CONNINFO_FILE="$pg/conninfo" "$build/tests/ui/test_connect" screenshots
KEYWARD_PG_CONNINFO_FILE="$pg/conninfo" "$build/tests/ui/test_connect_async" \
    dialogStaysResponsiveWhileServerIsSilent
echo "Screenshots written to $out"
