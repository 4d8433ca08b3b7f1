#!/usr/bin/env bash
# A real nginx (Debian package) in front of a real keyward-verifyd, for test_verifyd_nginx:
#   nginx_fixture.sh start STATE_DIR VERIFYD KEYWARDCTL   vault with keys, keyward-verifyd and
#                                                          nginx on free loopback ports
#   nginx_fixture.sh stop STATE_DIR                        stop both, delete the temp dir
# STATE_DIR receives: port (nginx), token_ok, key_ok (its id), token_limited, dir.
# nginx runs unprivileged from a temp dir (-p DIR -c conf, daemon off in the background): the
# configuration is docs/verifyd.md's, with an upstream server that echoes the key id it was given.
# A missing nginx is an error, never a silent skip: CI installs the `nginx` package.
set -euo pipefail

mode=${1:-}
state=${2:-}
if [ -z "$mode" ] || [ -z "$state" ]; then
    echo "usage: $0 start STATE_DIR VERIFYD KEYWARDCTL | stop STATE_DIR" >&2
    exit 2
fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

stop_all() {
    local dir
    [ -f "$state/dir" ] || return 0
    dir=$(cat "$state/dir")
    if [ -f "$dir/nginx.pid" ]; then
        kill -QUIT "$(cat "$dir/nginx.pid")" 2>/dev/null || true
    fi
    if [ -f "$dir/verifyd.pid" ]; then
        kill -TERM "$(cat "$dir/verifyd.pid")" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$(cat "$dir/verifyd.pid")" 2>/dev/null || break
            sleep 0.1
        done
    fi
    case "$dir" in
    */keyward-nginx.*) rm -rf -- "$dir" ;;
    esac
    rm -f -- "$state"/dir "$state"/port "$state"/token_* "$state"/key_*
}

case "$mode" in
start)
    verifyd=${3:?keyward-verifyd path}
    keywardctl=${4:?keywardctl path}
    nginx=$(command -v nginx || echo /usr/sbin/nginx)
    if [ ! -x "$nginx" ]; then
        echo "nginx is not installed (apt-get install nginx; scripts/setup.sh test)" >&2
        exit 1
    fi
    mkdir -p "$state"
    stop_all
    dir=$(mktemp -d "${TMPDIR:-/tmp}/keyward-nginx.XXXXXX")
    echo "$dir" >"$state/dir"
    mkdir -p "$dir/tmp" "$dir/logs"

    # The vault and its keys, made with the real keywardctl.
    export KEYWARD_PASSPHRASE=correct-horse-battery-staple KEYWARD_MEMBER=alice
    ctl() { "$keywardctl" --vault "$dir/vault.keyward" "$@"; }
    ctl init --prefix kw --owner alice >/dev/null 2>&1
    ctl --json key create --name "through nginx" --env live --role developer \
        --grant licenses:read >"$dir/ok.json" 2>/dev/null
    ctl --json key create --name limited --env live --role developer --grant licenses:read \
        --rate-limit 1/min >"$dir/limited.json" 2>/dev/null
    python3 - "$dir" "$state" <<'PY'
import json, sys
d, state = sys.argv[1], sys.argv[2]
ok = json.load(open(d + "/ok.json"))
limited = json.load(open(d + "/limited.json"))
open(state + "/token_ok", "w").write(ok["token"])
open(state + "/key_ok", "w").write(str(ok["id"]))
open(state + "/token_limited", "w").write(limited["token"])
PY

    vport=$(free_port)
    cat >"$dir/verifyd.conf" <<CONF
[server]
listen = 127.0.0.1:$vport
threads = 2
trusted_proxies = 127.0.0.1
[route.default]
environment = live
grants = licenses:read
[route.admin]
environment = live
grants = admin:full
CONF
    "$verifyd" --config "$dir/verifyd.conf" --vault "$dir/vault.keyward" \
        >"$dir/logs/verifyd.log" 2>&1 &
    echo $! >"$dir/verifyd.pid"
    for _ in $(seq 1 300); do
        grep -q "listening on" "$dir/logs/verifyd.log" && break
        kill -0 "$(cat "$dir/verifyd.pid")" 2>/dev/null || break
        sleep 0.1
    done
    if ! grep -q "listening on" "$dir/logs/verifyd.log"; then
        cat "$dir/logs/verifyd.log" >&2
        exit 1
    fi

    port=$(free_port)
    uport=$(free_port)
    sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@UPSTREAM_PORT@|$uport|g" \
        -e "s|@VERIFYD_PORT@|$vport|g" -e "s|@USER@|$(id -un) $(id -gn)|g" \
        "$(dirname "$0")/nginx.conf.in" >"$dir/nginx.conf"
    "$nginx" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >"$dir/logs/nginx.out" 2>&1 &
    for _ in $(seq 1 100); do
        if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2)" \
            2>/dev/null; then
            echo "$port" >"$state/port"
            exit 0
        fi
        sleep 0.1
    done
    cat "$dir/logs/nginx.out" "$dir/logs/error.log" >&2 2>/dev/null || true
    exit 1
    ;;
stop)
    stop_all
    ;;
*)
    echo "unknown mode $mode" >&2
    exit 2
    ;;
esac
