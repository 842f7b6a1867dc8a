#!/usr/bin/env bash
# JMH microbenchmarks (scoring-core test scope, never run by mvn verify): feature extraction for one customer,
# and scoring one customer with each learner's bundle, with and without reason codes.
# Bundles: BUNDLES (comma-separated registries or version folders; default: $BENCH_WORK/models-10000 from
# bench/pipeline.sh, plus $BENCH_WORK/jmh-models-* when present). JMH_TRAIN=1 first trains one bundle per learner
# (logistic, xgboost, fm) on data-samples/history with a one-candidate copy of configs/trainers-v1.properties into
# $BENCH_WORK/jmh-models-LEARNER.
# Usage: bench/jmh.sh [HISTORY_DIR]   (the customer scored: the busiest of the first 500; default $BENCH_WORK/h10000
#        when present, else data-samples/history). Env: JMH_OPTS (default "-f 1 -wi 3 -w 2s -i 5 -r 2s").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HISTORY="${1:-}"
if [[ -z "$HISTORY" ]]; then
  if [[ -f "$BENCH_WORK/h10000/customers.csv" ]]; then HISTORY="$BENCH_WORK/h10000"; else HISTORY="$ROOT/data-samples/history"; fi
fi
JMH_OPTS="${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s}"
mkdir -p "$BENCH_WORK/logs"
cd "$ROOT"
mvn -q -B -o -pl scoring-core test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/jmh.cp >&2
CP="scoring-core/target/test-classes:scoring-core/target/classes:$(cat scoring-core/target/jmh.cp)"

for learner in logistic xgboost fm; do
  registry="$BENCH_WORK/jmh-models-$learner"
  if [[ "${JMH_TRAIN:-0}" == 1 && ! -f "$registry/CURRENT" ]]; then
    log "training a $learner-only bundle into $registry"
    sed -e "s/^candidates=.*/candidates=$learner/" -e "s/^config.version=.*/config.version=jmh-$learner/" \
      scoring-pipeline/configs/trainers-v1.properties > "$BENCH_WORK/trainers-jmh-$learner.properties"
    bin/riskctl train --history data-samples/history --as-of "$TRAIN_AS_OF" --model-out "$registry" \
      --trainer-config "$BENCH_WORK/trainers-jmh-$learner.properties" > "$BENCH_WORK/logs/jmh-train-$learner.log" 2>&1
  fi
done
if [[ -z "${BUNDLES:-}" ]]; then
  shopt -s nullglob
  found=()
  for b in "$BENCH_WORK"/models-10000 "$BENCH_WORK"/jmh-models-*; do [[ -f "$b/CURRENT" ]] && found+=("$b"); done
  BUNDLES="$(IFS=,; echo "${found[*]}")"
fi
[[ -n "$BUNDLES" ]] || { echo "no bundle: run bench/pipeline.sh 10000 or JMH_TRAIN=1 bench/jmh.sh" >&2; exit 1; }

echo "# jmh $(date -u +%Y-%m-%dT%H:%M:%SZ) commit=$(git rev-parse --short=12 HEAD) history=$HISTORY opts='$JMH_OPTS'"
echo "# $(machine_line)"
# shellcheck disable=SC2086
java -cp "$CP" org.openjdk.jmh.Main $JMH_OPTS -p history="$HISTORY" FeatureExtractionBenchmark
# shellcheck disable=SC2086
java -cp "$CP" org.openjdk.jmh.Main $JMH_OPTS -p history="$HISTORY" -p bundle="$BUNDLES" ScoringBenchmark
# CPU time per operation (robust to other processes' load, unlike JMH's wall-clock averages on a shared machine).
IFS=, read -r -a bundle_list <<< "$BUNDLES"
for b in "${bundle_list[@]}"; do
  java -cp "$CP" io.paysignal.core.bench.ScoringCpuCost "$b" "$HISTORY" 5
done
