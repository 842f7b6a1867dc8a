# The JVM options of riskctl's processes, in one place (sourced by bin/riskctl and bench/lib.sh, not run):
# bin/jvm-opts (the --add-opens flags Spark needs on Java 17), then the garbage collector of the command's
# kind, then $RISKCTL_JAVA_OPTS (split on whitespace), one option per line.
#
#   riskctl_jvm_args batch   # train, score, evaluate, generate, ... (every sub-command but `serve`)
#   riskctl_jvm_args serve   # the API

# Batch commands run on the throughput collector: they are judged by wall time and CPU, never by pause times.
# 100k score on an idle machine (bench/RESULTS.md, 2026-11-24): G1 82.5 s wall, 121.6 s user + 19.0 s sys,
# 4.9 GB RSS; ParallelGC 57.4 s wall, 95.6 s user + 11.5 s sys, 4.3 GB RSS. Alternating runs in one quiet window
# (load ~2): ParallelGC 54.2 s / 99.6 s CPU, G1 56.6 s / 105.4 s CPU (G1 0.3-0.6 GB less RSS); at load 6-9,
# G1 137 s / 117 s CPU and 263 s / 141 s CPU, ParallelGC 106 s / 112 s CPU. 100k train: 200 s CPU vs 243 s. G1's concurrent marking and
# remembered-set work compete with Spark's tasks for the 2 cores; ParallelGC's stop-the-world young collections
# of Spark's short-lived rows are cheap. `serve` keeps G1 (named, since the JVM picks Serial on a 1-CPU
# machine): an API is judged by its tail latency, and G1's pauses are short.
RISKCTL_BATCH_GC="-XX:+UseParallelGC"
RISKCTL_SERVE_GC="-XX:+UseG1GC"

riskctl_jvm_args() {
  local kind="$1" root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  grep -v '^\s*\(#\|$\)' "$root/bin/jvm-opts"
  local extra=()
  read -r -a extra <<< "${RISKCTL_JAVA_OPTS:-}"
  # An explicit collector in RISKCTL_JAVA_OPTS wins (two collectors on one command line make the JVM refuse).
  if [[ ! " ${extra[*]} " =~ [[:space:]]-XX:\+Use[A-Za-z0-9]*GC[[:space:]] ]]; then
    if [[ "$kind" == serve ]]; then echo "$RISKCTL_SERVE_GC"; else echo "$RISKCTL_BATCH_GC"; fi
  fi
  if [[ ${#extra[@]} -gt 0 ]]; then
    printf '%s\n' "${extra[@]}"
  fi
}
