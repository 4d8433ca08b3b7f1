#!/usr/bin/env bash
# keyward-verifyd under wrk (keep-alive), all in one run on this machine (docs/verification.md):
#   tests/bench/run_verifyd_bench.sh BUILD_DIR [--keys N] [--seconds S] [--connections C]
#                                    [--threads T] [--no-pg]
# Prints "name value ratio target" lines:
#   verifyd_rps           forward auth, random valid keys of a 100,000-key vault, usage recorded,
#                         ratio to nginx serving a small static file with the same wrk settings
#   verifyd_p99_ms        its 99th percentile latency
#   nginx_auth_rps        nginx auth_request to keyward-verifyd (upstream keep-alive) in front of
#                         the same static file, ratio to nginx without auth
#   pg_server{1,2}_rps    two servers sharing one PostgreSQL vault, loaded at the same time
# Needs wrk, nginx, python3 and (for the PostgreSQL part) the postgresql package.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:?usage: $0 BUILD_DIR [--keys N] [--seconds S] [--connections C] [--threads T] [--no-pg]}
shift
keys=100000
seconds=10
connections=32
threads=2
pg=1
while [ $# -gt 0 ]; do
    case "$1" in
    --keys) keys=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --connections) connections=$2; shift ;;
    --threads) threads=$2; shift ;;
    --no-pg) pg=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
verifyd="$build/app/verifyd/keyward-verifyd"
seeder="$build/tests/bench/keyward_verifyd_bench_vault"
nginx=$(command -v nginx || echo /usr/sbin/nginx)
for tool in wrk python3 "$nginx" "$verifyd" "$seeder"; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/keyward-verifyd-bench.XXXXXX")
if [ "$(id -u)" -eq 0 ]; then chmod 755 "$dir"; fi
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    [ -f "$dir/nginx.pid" ] && kill -QUIT "$(cat "$dir/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    [ -d "$dir/pg" ] && bash "$here/../pg/pg_fixture.sh" stop "$dir/pg" >/dev/null 2>&1 || true
    [ -n "${KEEP_BENCH_DIR:-}" ] || rm -rf "$dir"
}
trap cleanup EXIT
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_listening() { # PORT LOG
    for _ in $(seq 1 600); do
        python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null \
            && return 0
        sleep 0.1
    done
    cat "$2" >&2
    return 1
}
start_verifyd() { # PORT LOG STORE_OPTION STORE
    "$verifyd" --listen "127.0.0.1:$1" --threads "$(nproc)" "$3" "$4" >"$2" 2>&1 &
    pids+=($!)
    wait_listening "$1" "$2"
}
# wrk PORT PATH -> "rps p99_ms status_errors socket_errors"
run_wrk() {
    wrk -t "$threads" -c "$connections" -d "${seconds}s" -s "$here/verifyd_wrk.lua" \
        "http://127.0.0.1:$1$2" -- "$dir/tokens" "$2" | awk '/^RESULT/ {print $2, $3, $4, $5}'
}
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

echo "seeding a $keys-key vault" >&2
"$seeder" --vault "$dir/vault.keyward" --keys "$keys" --tokens "$dir/tokens"
head -c 512 /dev/urandom | base64 >"$dir/static.txt" # a small static file (~700 bytes)

vport=$(free_port)
start_verifyd "$vport" "$dir/verifyd.log" --vault "$dir/vault.keyward"
nport=$(free_port)
mkdir -p "$dir/tmp"
cat >"$dir/nginx.conf" <<CONF
user $(id -un) $(id -gn);
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/tmp/body; proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi; uwsgi_temp_path $dir/tmp/uwsgi; scgi_temp_path $dir/tmp/scgi;
    upstream keyward_verifyd { server 127.0.0.1:$vport; keepalive 64; }
    server {
        listen 127.0.0.1:$nport;
        root $dir;
        location = /static.txt { }
        location = /auth/static.txt {
            auth_request /_keyward;
            alias $dir/static.txt;
        }
        location = /_keyward {
            internal;
            proxy_pass http://keyward_verifyd/v1/auth;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
        }
    }
}
CONF
"$nginx" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >"$dir/nginx.out" 2>&1 &
pids+=($!)
wait_listening "$nport" "$dir/nginx.out"

# Warm-up: every server thread opens its connection, the cache fills a little.
wrk -t "$threads" -c "$connections" -d 2s -s "$here/verifyd_wrk.lua" \
    "http://127.0.0.1:$vport/v1/auth" -- "$dir/tokens" /v1/auth >/dev/null

read -r static_rps static_p99 _ _ <<<"$(run_wrk "$nport" /static.txt)"
read -r verifyd_rps verifyd_p99 verifyd_bad verifyd_sock <<<"$(run_wrk "$vport" /v1/auth)"
read -r auth_rps auth_p99 auth_bad _ <<<"$(run_wrk "$nport" /auth/static.txt)"
if [ "$verifyd_bad" != 0 ] || [ "$auth_bad" != 0 ]; then
    echo "non-2xx answers: verifyd $verifyd_bad, nginx auth $auth_bad (see $dir/verifyd.log)" >&2
fi
# Usage recording was on: SIGTERM saves it; the count shows it reached the vault.
echo "name value ratio target"
echo "nginx_static_rps $static_rps 1.00 -"
echo "verifyd_rps $verifyd_rps $(ratio "$verifyd_rps" "$static_rps") >=0.7"
echo "verifyd_p99_ms $verifyd_p99 - <=2"
echo "nginx_auth_rps $auth_rps $(ratio "$auth_rps" "$static_rps") >=0.5"
echo "nginx_auth_p99_ms $auth_p99 - -"

if [ "$pg" = 1 ]; then
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pids=()
    echo "seeding a $keys-key PostgreSQL vault" >&2
    mkdir -p "$dir/pg"
    if [ "$(id -u)" -eq 0 ]; then chmod 755 "$dir/pg"; fi
    bash "$here/../pg/pg_fixture.sh" start "$dir/pg" >/dev/null
    mkfifo "$dir/hold"
    "$seeder" --db "$(cat "$dir/pg/conninfo")" --keys "$keys" --tokens "$dir/tokens" \
        --conninfo "$dir/verifier.conninfo" <"$dir/hold" &
    seeder_pid=$!
    exec 9>"$dir/hold"
    for _ in $(seq 1 3000); do [ -s "$dir/verifier.conninfo" ] && break; sleep 0.1; done
    p1=$(free_port)
    p2=$(free_port)
    start_verifyd "$p1" "$dir/pg1.log" --db "$(cat "$dir/verifier.conninfo")"
    start_verifyd "$p2" "$dir/pg2.log" --db "$(cat "$dir/verifier.conninfo")"
    run_wrk "$p1" /v1/auth >"$dir/pg1.result" &
    w1=$!
    run_wrk "$p2" /v1/auth >"$dir/pg2.result" &
    w2=$!
    wait "$w1" "$w2"
    read -r pg1_rps pg1_p99 _ _ <"$dir/pg1.result"
    read -r pg2_rps pg2_p99 _ _ <"$dir/pg2.result"
    echo "pg_server1_rps $pg1_rps - -"
    echo "pg_server2_rps $pg2_rps - -"
    echo "pg_p99_ms $pg1_p99/$pg2_p99 - -"
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
    exec 9>&-
    wait "$seeder_pid" 2>/dev/null || true
fi
