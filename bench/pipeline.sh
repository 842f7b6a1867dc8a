#!/usr/bin/env bash
# Pipeline benchmark: for each size, train, evaluate (against the generator's truth), score, and the I/O floor
# (Spark reading and counting the same CSV tables), one after another in the same run so their ratios compare
# like with like on a shared machine.
# Usage: bench/pipeline.sh [CUSTOMERS...]        (default: 10000 100000)
# Env:   RISKCTL_JAVA_OPTS (e.g. -Xmx8g for 1M), BENCH_WORK (default /tmp/paysignal-bench), SKIP_TRAIN=1 (score
#        with the registry of an earlier run), SKIP_EVALUATE=1, PROFILE=1 (Java Flight Recorder on the score run;
#        bench/jfr-top.sh prints where its CPU samples fall).
# The I/O floors are the wall times of two processes that each start a JVM and a Spark session configured like
# riskctl's and make one cold pass over the same CSV tables (IoFloor): `count` counts rows (Spark may skip
# tokenizing), `parse` tokenizes and hashes every field. The same fixed costs as the score run, no scoring work.
# Prints one block per size; logs go to $BENCH_WORK/logs/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(10000 100000)
ensure_built
mkdir -p "$BENCH_WORK/logs"
mapfile -t JVM < <(jvm_opts)   # riskctl's batch JVM options, RISKCTL_JAVA_OPTS included (bin/jvm-args.sh)

echo "# pipeline bench $(date -u +%Y-%m-%dT%H:%M:%SZ) commit=$(git -C "$ROOT" rev-parse --short=12 HEAD)"
echo "# $(machine_line) RISKCTL_JAVA_OPTS='${RISKCTL_JAVA_OPTS:-}' gc=$(printf '%s\n' "${JVM[@]}" | grep -E -- '-XX:\+Use[A-Za-z0-9]*GC' | tail -1)"
for n in "${SIZES[@]}"; do
  history="$(ensure_history "$n")"
  registry="$BENCH_WORK/models-$n"
  out="$BENCH_WORK/score-$n"
  logs="$BENCH_WORK/logs"
  echo "## customers=$n history=$history ($(du -shL "$history" | cut -f1)) load1_before=$(cut -d' ' -f1 /proc/loadavg)"
  if [[ "${SKIP_TRAIN:-0}" != 1 ]]; then
    rm -rf "$registry"
    timed train "$logs/train-$n.log" "$ROOT/bin/riskctl" train --history "$history" --as-of "$TRAIN_AS_OF" \
      --model-out "$registry"
    grep -E 'candidate|chosen|AUC|auc|ECE|ece' "$logs/train-$n.log" | sed 's/^/  train: /' | head -20 || true
  fi
  if [[ "${SKIP_EVALUATE:-0}" != 1 ]]; then
    timed evaluate "$logs/evaluate-$n.log" "$ROOT/bin/riskctl" evaluate --history "$history" --as-of "$TRAIN_AS_OF" \
      --model "$registry" --truth "$history/truth/label_probability.csv"
    grep -i -E 'auc|ece|brier|ratio' "$logs/evaluate-$n.log" | sed 's/^/  evaluate: /' | head -12 || true
  fi
  rm -rf "$out"
  score_opts="${RISKCTL_JAVA_OPTS:-}"
  if [[ "${PROFILE:-0}" == 1 ]]; then
    score_opts="$score_opts -XX:StartFlightRecording=filename=$logs/score-$n.jfr,settings=profile"
  fi
  score_line="$(RISKCTL_JAVA_OPTS="$score_opts" timed score "$logs/score-$n.log" "$ROOT/bin/riskctl" score \
    --history "$history" --as-of "$SCORE_AS_OF" --model "$registry" --out "$out")"
  echo "$score_line load1=$(cut -d' ' -f1 /proc/loadavg)"
  tail -1 "$logs/score-$n.log" | sed 's/^/  score: /'
  # Two floors, each its own process doing one cold pass over the same tables (IoFloor): `count` (Spark may skip
  # tokenizing; issue 4's "reading and counting") and `parse` (every field tokenized).
  score_wall="$(sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p' <<<"$score_line")"
  for mode in count parse; do
    io_line="$(timed "io_floor_$mode" "$logs/io-floor-$mode-$n.log" java "${JVM[@]}" \
      -cp "$(pipeline_test_cp)" io.paysignal.pipeline.bench.IoFloor "$mode" "$history")"
    echo "$io_line"
    grep -E "^$mode:" "$logs/io-floor-$mode-$n.log" | sed "s/^/  io: load1=$(cut -d' ' -f1 /proc/loadavg) /"
    io_wall="$(sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p' <<<"$io_line")"
    echo "ratio score/io_floor_$mode=$(awk -v s="$score_wall" -v f="$io_wall" 'BEGIN { printf "%.2f", s / f }') (target <= 4)"
  done
  echo "## load1_after=$(cut -d' ' -f1 /proc/loadavg)"
done
