#!/usr/bin/env bash
# Start-up and resident heap of `riskctl serve` on a real score output (e.g. the 1M run of bench/pipeline.sh):
# starts the API with bench/api-serve.sh (API_JAVA_OPTS, default -Xmx2g), times process start to /health/ready,
# then prints the heap kept after a full GC, and stops the server.
# Usage: bench/serve-startup.sh REGISTRY SCORE_OUT   Env: BENCH_WORK (logs), API_PORT
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/api-serve.sh"
[[ $# -eq 2 ]] || { echo "usage: bench/serve-startup.sh REGISTRY SCORE_OUT" >&2; exit 2; }
ensure_built
mkdir -p "$BENCH_WORK/logs"
trap stop_api EXIT
log_file="$BENCH_WORK/logs/serve-startup.log"
echo "# serve start-up $(date -u +%Y-%m-%dT%H:%M:%SZ) commit=$(git -C "$ROOT" rev-parse --short=12 HEAD) snapshot=$2"
echo "# $(machine_line)"
start_api "$1" "$2" "$log_file"
echo "startup_to_ready_s=$STARTUP_S heap_after_gc_mb=$(heap_after_gc_mb)"
grep -h "loaded in" "$log_file" | head -1 | sed 's/^/  /'
echo "# load1_after=$(cut -d' ' -f1 /proc/loadavg)"
