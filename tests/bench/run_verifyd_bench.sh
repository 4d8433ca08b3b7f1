#!/usr/bin/env bash
# keyward-verifyd as gateways call it, under wrk (keep-alive), against nginx on the same machine
# with the same wrk settings, in the same run. Prints "name value ratio target" lines.
#   tests/bench/run_verifyd_bench.sh BUILD_DIR [KEYS] [SECONDS] [CONNECTIONS] [ROUNDS]
# Measures (rounds interleaved, medians quoted, so drift on a shared machine hits both alike):
#   verifyd_rps        GET /v1/auth with a random valid key of KEYS, usage recording on,
#                      vs nginx serving a small static file (target >= 0.7; p99 <= 2 ms)
#   auth_request_rps   nginx auth_request to keyward-verifyd (upstream keep-alive) serving the
#                      file, vs the same nginx serving it without auth (target >= 0.5)
#   The baseline nginx gets the same wrk settings, script included: the same requests, each
#   with a random key in its Authorization header (which nginx ignores). wrk runs on the same two
#   cores, and building a request in Lua costs it far more than resending a fixed one, so
#   without the script nginx got more of the machine than any server measured with it.
#   info_nginx_static_rps_no_script is that figure, for comparison with earlier runs.
#   info_*_light       the same two servers under a light load (LIGHT_CONNECTIONS, default 8):
#                      at 64 connections on two cores p99 is mostly the time a request waits
#                      for a core, so both servers' p99 at a load the machine is not saturated by
#                      shows what keyward-verifyd itself adds
# Needs: wrk, nginx (Debian packages). Not run by ctest: timings are not pass/fail material.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:?usage: $0 BUILD_DIR [KEYS] [SECONDS] [CONNECTIONS] [ROUNDS]}" && pwd)
keys=${2:-100000}
seconds=${3:-10}
connections=${4:-64}
rounds=${5:-3}
light_connections=${LIGHT_CONNECTIONS:-8}
wrk_threads=$(nproc)
verifyd=$build/app/server/keyward-verifyd
[ -x "$verifyd" ] || verifyd=$(find "$build" -name keyward-verifyd -type f -perm -u+x | head -1)
for tool in wrk nginx; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install $tool)" >&2; exit 2; }
done

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
    for _ in $(seq 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "nothing listens on port $1" >&2
    exit 1
}

echo "# building a $keys-key vault" >&2
"$build/tests/bench/keyward_verifyd_bench_vault" --vault "$work/vault.keyward" --keys "$keys" \
    --tokens "$work/tokens"

verifyd_port=$(free_port)
cat >"$work/verifyd.conf" <<CONF
[server]
listen = 127.0.0.1:$verifyd_port
[store]
vault = $work/vault.keyward
[route.default]
environment = live
CONF
"$verifyd" --config "$work/verifyd.conf" >"$work/verifyd.log" 2>&1 &
pids+=($!)
wait_port "$verifyd_port"

nginx_port=$(free_port)
mkdir -p "$work/nginx/html" "$work/nginx/logs"
printf 'hello from the upstream\n' >"$work/nginx/html/file.txt"
user_line=""
if [ "$(id -u)" -eq 0 ]; then user_line="user root;"; fi
cat >"$work/nginx/nginx.conf" <<CONF
$user_line
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    keepalive_requests 1000000;
    upstream keyward { server 127.0.0.1:$verifyd_port; keepalive 64; }
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/nginx/html;
        location = /file.txt { }
        location = /api/file.txt {
            auth_request /_keyward;
            alias $work/nginx/html/file.txt;
        }
        location = /_keyward {
            internal;
            proxy_pass http://keyward/v1/auth;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
        }
    }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
wait_port "$nginx_port"

cat >"$work/keys.lua" <<'LUA'
local tokens = {}
local path = os.getenv("KEYWARD_TOKENS")
local target = os.getenv("KEYWARD_PATH")
init = function(args)
    for line in io.lines(path) do tokens[#tokens + 1] = line end
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end
request = function()
    return wrk.format("GET", target, {["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]})
end
LUA

# Runs wrk; prints "requests_per_second p99_ms non2xx".
measure() {
    local url=$1 script=${2:-} load=${3:-$connections}
    local args=(-t "$wrk_threads" -c "$load" -d "${seconds}s" --latency)
    [ -n "$script" ] && args+=(-s "$script")
    local out
    out=$(wrk "${args[@]}" "$url")
    local rps p99 bad
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000} print v}' <<<"$out")
    bad=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
    echo "$rps ${p99:-0} ${bad:-0}"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

export KEYWARD_TOKENS=$work/tokens
: >"$work/verifyd" ; : >"$work/static" ; : >"$work/static_plain" ; : >"$work/auth" ; : >"$work/p99" ; : >"$work/static_p99"
: >"$work/light" ; : >"$work/light_p99" ; : >"$work/light_static" ; : >"$work/light_static_p99"
for round in $(seq "$rounds"); do
    echo "# round $round of $rounds" >&2
    read -r rps p99 bad < <(KEYWARD_PATH=/v1/auth measure "http://127.0.0.1:$verifyd_port/v1/auth" "$work/keys.lua")
    [ "$bad" = 0 ] || echo "# warning: $bad answers from keyward-verifyd were not 2xx" >&2
    echo "$rps" >>"$work/verifyd"; echo "$p99" >>"$work/p99"
    read -r rps p99 _ < <(KEYWARD_PATH=/file.txt measure "http://127.0.0.1:$nginx_port/file.txt" "$work/keys.lua")
    echo "$rps" >>"$work/static"; echo "$p99" >>"$work/static_p99"
    read -r rps _ _ < <(measure "http://127.0.0.1:$nginx_port/file.txt")
    echo "$rps" >>"$work/static_plain"
    read -r rps _ bad < <(KEYWARD_PATH=/api/file.txt measure "http://127.0.0.1:$nginx_port/api/file.txt" "$work/keys.lua")
    [ "$bad" = 0 ] || echo "# warning: $bad answers through auth_request were not 2xx" >&2
    echo "$rps" >>"$work/auth"
    read -r rps p99 _ < <(KEYWARD_PATH=/v1/auth measure "http://127.0.0.1:$verifyd_port/v1/auth" "$work/keys.lua" "$light_connections")
    echo "$rps" >>"$work/light"; echo "$p99" >>"$work/light_p99"
    read -r rps p99 _ < <(KEYWARD_PATH=/file.txt measure "http://127.0.0.1:$nginx_port/file.txt" "$work/keys.lua" "$light_connections")
    echo "$rps" >>"$work/light_static"; echo "$p99" >>"$work/light_static_p99"
done
v=$(median <"$work/verifyd"); s=$(median <"$work/static"); a=$(median <"$work/auth"); p=$(median <"$work/p99")
sn=$(median <"$work/static_plain")
sp=$(median <"$work/static_p99")
lv=$(median <"$work/light"); lp=$(median <"$work/light_p99")
ls=$(median <"$work/light_static"); lsp=$(median <"$work/light_static_p99")
echo "name value ratio target"
awk -v v="$v" -v s="$s" -v sn="$sn" -v a="$a" -v p="$p" -v sp="$sp" -v k="$keys" -v lc="$light_connections" \
    -v lv="$lv" -v lp="$lp" -v ls="$ls" -v lsp="$lsp" 'BEGIN {
    printf "nginx_static_rps %.0f 1.00 baseline\n", s
    printf "verifyd_rps(%d keys) %.0f %.2f >=0.70\n", k, v, v / s
    printf "verifyd_p99_ms %.3f - <=2.0\n", p
    # The same wrk load on nginx serving a file: what this machine gives a server that does no work.
    printf "info_nginx_static_p99_ms %.3f - (baseline)\n", sp
    printf "auth_request_rps %.0f %.2f >=0.50\n", a, a / s
    printf "info_nginx_static_rps_no_script %.0f %.2f (verifyd/this; auth_request/this %.2f)\n", sn, v / sn, a / sn
    printf "info_verifyd_rps_light(%d connections) %.0f %.2f (vs nginx at the same load)\n", lc, lv, lv / ls
    printf "info_verifyd_p99_ms_light(%d connections) %.3f - (<=2.0)\n", lc, lp
    printf "info_nginx_static_p99_ms_light(%d connections) %.3f - (baseline)\n", lc, lsp
}'
