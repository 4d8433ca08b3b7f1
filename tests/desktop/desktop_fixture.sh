#!/usr/bin/env bash
# A real X desktop for the tests that must see what a person sees: Xvfb on a display number it
# picks itself (so parallel runs and other X servers on the machine never clash) and the openbox
# window manager, which decorates, places and sizes windows as a desktop does.
#   desktop_fixture.sh start STATE_DIR   start both; wait until the window manager runs; write
#                                        STATE_DIR/env (DISPLAY=..., XAUTHORITY=...)
#   desktop_fixture.sh stop STATE_DIR    stop the two processes started here; delete STATE_DIR
# scripts/screenshots.sh uses it too.
set -euo pipefail
command=${1:?start or stop}
state=${2:?state directory}

stop_pid() {
    local file=$1 program=$2
    [ -f "$file" ] || return 0
    local pid
    pid=$(cat "$file")
    # Only a process we started: its pid file is ours, and it must still be that program (after
    # a reboot the number may belong to another).
    if [ -n "$pid" ] && [ "$(ps -p "$pid" -o comm= 2>/dev/null)" = "$program" ]; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

case "$command" in
start)
    # Leftovers of an interrupted run.
    if [ -d "$state" ]; then
        stop_pid "$state/openbox.pid" openbox
        stop_pid "$state/xvfb.pid" Xvfb
        rm -rf "$state"
    fi
    for tool in Xvfb openbox xauth xprop; do
        if ! command -v "$tool" >/dev/null; then
            echo "desktop fixture: $tool is missing (bash scripts/setup.sh test installs it)" >&2
            exit 1
        fi
    done
    mkdir -p "$state/config"
    # Only holders of this cookie may connect: the server is not open to every local user.
    cookie=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    xauth -q -f "$state/server.auth" add :0 . "$cookie" 2>/dev/null
    # 1920x1200: room for "full size" windows; -displayfd: Xvfb picks a free display number and
    # writes it once it accepts connections.
    setsid Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp -auth "$state/server.auth" \
        3>"$state/display" </dev/null >"$state/xvfb.log" 2>&1 &
    echo $! >"$state/xvfb.pid"
    for _ in $(seq 1 300); do
        [ -s "$state/display" ] && break
        if ! kill -0 "$(cat "$state/xvfb.pid")" 2>/dev/null; then
            echo "desktop fixture: Xvfb did not start:" >&2
            cat "$state/xvfb.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    if [ ! -s "$state/display" ]; then
        echo "desktop fixture: Xvfb gave no display number" >&2
        exit 1
    fi
    display=":$(head -n1 "$state/display" | tr -d '[:space:]')"
    xauth -q -f "$state/Xauthority" add "$display" . "$cookie" 2>/dev/null
    export DISPLAY=$display XAUTHORITY=$state/Xauthority
    # The stock configuration (XDG_CONFIG_HOME of its own): the developer's openbox settings must
    # not change what the tests see.
    XDG_CONFIG_HOME=$state/config setsid openbox --sm-disable </dev/null >"$state/openbox.log" 2>&1 &
    echo $! >"$state/openbox.pid"
    # A window manager announces itself on the root window once it manages windows.
    for _ in $(seq 1 300); do
        if xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; then
            printf 'DISPLAY=%s\nXAUTHORITY=%s\n' "$DISPLAY" "$XAUTHORITY" >"$state/env"
            echo "desktop fixture: Xvfb on $DISPLAY with openbox"
            exit 0
        fi
        if ! kill -0 "$(cat "$state/openbox.pid")" 2>/dev/null; then
            echo "desktop fixture: openbox did not start:" >&2
            cat "$state/openbox.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "desktop fixture: openbox did not take over the display" >&2
    exit 1
    ;;
stop)
    stop_pid "$state/openbox.pid" openbox
    stop_pid "$state/xvfb.pid" Xvfb
    rm -rf "$state"
    ;;
*)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
