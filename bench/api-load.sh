#!/usr/bin/env bash
# API load with wrk, on loopback, against one `riskctl serve` process:
#  1. start-up time to ready and heap after a full GC with the snapshot loaded;
#  2. saturation throughput of GET /v1/customers/{id}/score (random ids) and of GET /health/live (trivial
#     endpoint), alternating twice in the same run, and their ratio;
#  3. latency at half the score endpoint's saturation rate: fixed connections, each waiting an exponentially
#     distributed time between requests (Poisson-like offered load; wrk2 is not packaged in Debian);
#  4. POST /v1/score with one customer's 24 months of history from a single connection: client latency (wrk)
#     and server time (the API's own http_server_requests histogram, scraped before and after).
# Usage: bench/api-load.sh [CUSTOMERS]    (default 100000; uses $BENCH_WORK/models-N and score-N of bench/pipeline.sh)
# Env:   DURATION (s per wrk run, default 20), CONNS (default 16), THREADS (wrk threads, default 2),
#        API_JAVA_OPTS (default -Xmx2g -XX:+UseG1GC), API_PORT (default 17070).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/api-serve.sh"
N="${1:-100000}"
DURATION="${DURATION:-20}"; CONNS="${CONNS:-16}"; THREADS="${THREADS:-2}"
REGISTRY="$BENCH_WORK/models-$N"; SNAPSHOT="$BENCH_WORK/score-$N"; LOGS="$BENCH_WORK/logs"
[[ -f "$REGISTRY/CURRENT" && -f "$SNAPSHOT/features/_SUCCESS" ]] || { echo "run bench/pipeline.sh $N first" >&2; exit 1; }
mkdir -p "$LOGS"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
LUA="$ROOT/bench/wrk"

echo "# api load $(date -u +%Y-%m-%dT%H:%M:%SZ) commit=$(git -C "$ROOT" rev-parse --short=12 HEAD) customers=$N"
echo "# $(machine_line) API_JAVA_OPTS='${API_JAVA_OPTS:--Xmx2g -XX:+UseG1GC}' wrk -t$THREADS -c$CONNS -d${DURATION}s"
ensure_built
trap stop_api EXIT
start_api "$REGISTRY" "$SNAPSHOT" "$LOGS/api-load-server.log"
echo "startup_to_ready_s=$STARTUP_S heap_after_gc_mb=$(heap_after_gc_mb)"

rps() { awk '/^Requests\/sec:/ { print $2 }'; }
errors() { awk '/Non-2xx|Socket errors/ { printf "%s ", $0 }'; }
run_live() { wrk -t"$THREADS" -c"$CONNS" -d"$1"s "$API_URL/health/live"; }
run_score() { wrk -t"$THREADS" -c"$CONNS" -d"$1"s --latency -s "$LUA/customer-score.lua" "$API_URL" -- "$N" "$SCORER_KEY" "${2:-0}"; }

run_live 5 >/dev/null; run_score 10 >/dev/null   # warm-up: JIT, connection pools
live=(); score=()
for rep in 1 2; do
  out="$(run_live "$DURATION")"; live+=("$(rps <<<"$out")"); echo "live   rep$rep rps=${live[-1]} $(errors <<<"$out")"
  out="$(run_score "$DURATION")"; score+=("$(rps <<<"$out")"); echo "score  rep$rep rps=${score[-1]} $(errors <<<"$out")"
  echo "$out" > "$LOGS/api-load-score-sat-$rep.txt"
done
live_mean="$(awk -v a="${live[0]}" -v b="${live[1]}" 'BEGIN { printf "%.0f", (a + b) / 2 }')"
score_mean="$(awk -v a="${score[0]}" -v b="${score[1]}" 'BEGIN { printf "%.0f", (a + b) / 2 }')"
echo "saturation live_rps=$live_mean score_rps=$score_mean ratio=$(awk -v s="$score_mean" -v l="$live_mean" 'BEGIN { printf "%.3f", s / l }') (target >= 0.6)"

half=$((score_mean / 2))
delay_ms="$(awk -v c="$CONNS" -v r="$half" 'BEGIN { printf "%.3f", c * 1000 / r }')"
out="$(run_score "$((DURATION * 2))" "$delay_ms")"
echo "$out" > "$LOGS/api-load-score-half.txt"
echo "half-saturation offered_rps~$half achieved_rps=$(rps <<<"$out") $(awk '/^ +(50|90|99)%/ { printf "p%s=%s ", $1, $2 }' <<<"$out" | tr -d '%') $(errors <<<"$out")(target p99 <= 5ms)"

body="$BENCH_WORK/inline-24m.json"
python3 "$ROOT/bench/inline-body.py" "$BENCH_WORK/h$N" "$SCORE_AS_OF" --months 24 > "$body"
echo "inline body: $(wc -c < "$body") bytes"
wrk -t1 -c1 -d5s -s "$LUA/post-body.lua" "$API_URL/v1/score" -- "$body" "$SCORER_KEY" >/dev/null   # warm-up
curl -fsS "$API_URL/metrics" > "$LOGS/metrics-before.txt"
out="$(wrk -t1 -c1 -d"$DURATION"s --latency -s "$LUA/post-body.lua" "$API_URL/v1/score" -- "$body" "$SCORER_KEY")"
curl -fsS "$API_URL/metrics" > "$LOGS/metrics-after.txt"
echo "inline client rps=$(rps <<<"$out") $(awk '/^ +(50|90|99)%/ { printf "p%s=%s ", $1, $2 }' <<<"$out" | tr -d '%') $(errors <<<"$out")"
echo "inline $(python3 "$ROOT/bench/prom-quantiles.py" "$LOGS/metrics-before.txt" "$LOGS/metrics-after.txt" /v1/score 200) (target p50 <= 1ms)"
echo "heap_after_gc_mb_end=$(heap_after_gc_mb) load1=$(cut -d' ' -f1 /proc/loadavg)"
