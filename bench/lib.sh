# Shared helpers of the bench/ scripts (sourced, not run).
# ROOT: repository root. BENCH_WORK: where data, registries and logs go (default /tmp/paysignal-bench).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_WORK="${BENCH_WORK:-/tmp/paysignal-bench}"
mkdir -p "$BENCH_WORK"

# The history the figures are quoted for: 2.5 years, seed 11 (generated once per size, then reused).
BENCH_START=2023-07-01
BENCH_END=2025-12-31
BENCH_SEED=11
TRAIN_AS_OF=2025-10-02   # end - 90 days: the truth file's default as-of, labels observed by the end
SCORE_AS_OF=2025-12-31

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# One line describing the machine and its load right now (load matters: the machine is shared).
machine_line() {
  local cpu
  cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  printf 'cores=%s cpu="%s" mem=%s java="%s" load1=%s' "$(nproc)" "$cpu" \
    "$(free -g | awk '/Mem:/{print $2 "G"}')" "$(java -version 2>&1 | head -1)" "$(cut -d' ' -f1 /proc/loadavg)"
}

# Builds the jars when missing or stale (bin/riskctl does this too) and the test classes bench mains live in.
ensure_built() {
  "$ROOT/bin/riskctl" --version >/dev/null
  if [[ ! -f "$ROOT/scoring-pipeline/target/test-classes/io/paysignal/pipeline/bench/IoFloor.class" ]] \
     || [[ -n "$(find "$ROOT/scoring-pipeline/src/test" -newer "$ROOT/scoring-pipeline/target/test-classes/io/paysignal/pipeline/bench/IoFloor.class" -name '*.java' -print -quit)" ]]; then
    log "compiling bench classes"
    (cd "$ROOT" && mvn -q -B -o -pl scoring-core,scoring-pipeline test-compile) >&2
  fi
}

# Generates the bench history of N customers into $BENCH_WORK/hN unless it is there already.
ensure_history() {
  local n="$1" dir="$BENCH_WORK/h$1"
  if [[ ! -f "$dir/truth/label_probability.csv" ]]; then
    log "generating $n customers into $dir"
    rm -rf "$dir"
    "$ROOT/bin/riskctl" generate --customers "$n" --start "$BENCH_START" --end "$BENCH_END" --seed "$BENCH_SEED" \
      --out "$dir" >&2
  fi
  echo "$dir"
}

# timed NAME LOG CMD...: runs CMD with GNU time, output to LOG; prints "NAME wall_s user_s sys_s maxrss_mb exit".
timed() {
  local name="$1" logfile="$2"; shift 2
  local tf; tf="$(mktemp)"
  local rc=0
  /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >"$logfile" 2>&1 || rc=$?
  read -r wall user sys rss < <(tail -1 "$tf")
  rm -f "$tf"
  printf '%s wall_s=%s user_s=%s sys_s=%s maxrss_mb=%d exit=%s\n' "$name" "$wall" "$user" "$sys" $((rss / 1024)) "$rc"
  return 0
}

# Classpath of the pipeline's test classes (bench mains) with the packaged jar and its libraries.
pipeline_test_cp() {
  echo "$ROOT/scoring-pipeline/target/test-classes:$ROOT/scoring-pipeline/target/scoring-pipeline.jar:$ROOT/scoring-pipeline/target/lib/*"
}

source "$ROOT/bin/jvm-args.sh"

# The JVM options of a batch riskctl command (bin/jvm-args.sh), RISKCTL_JAVA_OPTS included, one per line: bench
# mains (IoFloor) run in a JVM configured exactly like riskctl's, collector included.
jvm_opts() {
  riskctl_jvm_args batch
}
