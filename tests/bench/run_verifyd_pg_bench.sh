#!/usr/bin/env bash
# Two keyward-verifyd servers sharing one PostgreSQL vault (a throwaway cluster, the test
# suites' fixture), loaded by wrk (keep-alive, random valid keys, usage recording on) at the same
# time; prints "name value ratio target" lines with each server's requests/s:
#   tests/bench/run_verifyd_pg_bench.sh BUILD_DIR [--keys N] [--seconds S] [--connections C]
#                                       [--threads T]
# The single-server measures against nginx are run_verifyd_bench.sh's.
# Needs wrk, python3 and the postgresql package.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:?usage: $0 BUILD_DIR [--keys N] [--seconds S] [--connections C] [--threads T]}
shift
keys=100000
seconds=10
connections=32
threads=2
while [ $# -gt 0 ]; do
    case "$1" in
    --keys) keys=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --connections) connections=$2; shift ;;
    --threads) threads=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
verifyd="$build/app/server/keyward-verifyd"
seeder="$build/tests/bench/keyward_verifyd_bench_vault"
for tool in wrk python3 "$verifyd" "$seeder"; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/keyward-verifyd-bench.XXXXXX")
if [ "$(id -u)" -eq 0 ]; then chmod 755 "$dir"; fi
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -d "$dir/pg" ] && bash "$here/../pg/pg_fixture.sh" stop "$dir/pg" >/dev/null 2>&1 || true
    rm -rf "$dir"
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
echo "name value ratio target"
echo "pg_server1_rps $pg1_rps - -"
echo "pg_server2_rps $pg2_rps - -"
echo "pg_p99_ms $pg1_p99/$pg2_p99 - -"
for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
pids=()
exec 9>&-
wait "$seeder_pid" 2>/dev/null || true
