# Sourced by the API bench scripts: starts `riskctl serve` on loopback for a pipeline bench run's registry and
# score output, waits until ready, and defines stop_api. Sets API_PID, API_URL, SCORER_KEY, ADMIN_KEY, STARTUP_S.
SCORER_KEY=bench-scorer-key-0123456789
ADMIN_KEY=bench-admin-key-0123456789
API_PORT="${API_PORT:-17070}"
API_URL="http://127.0.0.1:$API_PORT"

start_api() {
  local registry="$1" snapshot="$2" logfile="$3"
  local keys="$BENCH_WORK/api-keys.txt"
  printf 'scorer %s\nadmin %s\n' "$SCORER_KEY" "$ADMIN_KEY" > "$keys"
  local t0; t0="$(date +%s.%N)"
  RISKCTL_JAVA_OPTS="${API_JAVA_OPTS:--Xmx2g -XX:+UseG1GC}" "$ROOT/bin/riskctl" serve --registry "$registry" \
    --snapshot "$snapshot" --host 127.0.0.1 --port "$API_PORT" --api-keys "$keys" --open-metrics >"$logfile" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null "$API_URL/health/ready" 2>/dev/null; then
      STARTUP_S="$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
      return 0
    fi
    kill -0 "$API_PID" 2>/dev/null || { echo "serve exited:" >&2; tail -5 "$logfile" >&2; return 1; }
    sleep 0.5
  done
  echo "serve not ready after 300 s" >&2
  return 1
}

stop_api() {
  if [[ -n "${API_PID:-}" ]] && kill -0 "$API_PID" 2>/dev/null; then
    kill "$API_PID"
    wait "$API_PID" 2>/dev/null || true
  fi
}

# Heap in use after a full GC, in MB (jcmd against our own server process).
heap_after_gc_mb() {
  jcmd "$API_PID" GC.run >/dev/null
  jcmd "$API_PID" GC.heap_info | awk '/garbage-first heap|def new generation|PSYoungGen|total/ && /used/ {
      for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "%.0f\n", v / 1024; exit } }'
}
