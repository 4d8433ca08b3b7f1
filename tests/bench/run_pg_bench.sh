#!/usr/bin/env bash
# Runs keyward_bench's PostgreSQL measures on a throwaway cluster (the test suites' fixture):
#   tests/bench/run_pg_bench.sh BUILD_DIR [keyward_bench options, e.g. --keys 100000 --runs 3]
# The cluster lives in a temp dir on 127.0.0.1 and is deleted at the end.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:?usage: $0 BUILD_DIR [options]}
shift
state=$(mktemp -d)
if [ "$(id -u)" -eq 0 ]; then chmod 755 "$state"; fi
cleanup() { bash "$here/../pg/pg_fixture.sh" stop "$state" >/dev/null 2>&1 || true; rm -rf "$state"; }
trap cleanup EXIT
bash "$here/../pg/pg_fixture.sh" start "$state" >/dev/null
"$build/tests/bench/keyward_bench" --db "$(cat "$state/conninfo")" "$@"
