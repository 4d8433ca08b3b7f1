#!/usr/bin/env bash
# run_fuzzer.sh FUZZER SEEDS WORKDIR SECONDS: fuzzes for SECONDS from the seed corpus SEEDS,
# keeping what it finds in WORKDIR/corpus and any crashing input in WORKDIR/ (crash-*, leak-*,
# timeout-*). Exits non-zero on any finding. Prints the number of executions last.
set -euo pipefail
fuzzer=$1 seeds=$2 work=$3 seconds=$4
mkdir -p "$work/corpus"
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" "$seeds" \
    >"$work/log.txt" 2>&1 || status=$?
tail -n 40 "$work/log.txt"
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log.txt" | tail -n 1)
echo "$(basename "$fuzzer"): ${runs:-?} executions in ${seconds} s, exit $status" | tee "$work/summary.txt"
exit "$status"
