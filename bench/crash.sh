#!/usr/bin/env bash
# Crash safety, full version: ROUNDS (default 10) SIGKILLs of `riskctl train` during its registry publish and of
# `riskctl score` while it writes its output, each followed by the checks of CrashSafetyIT (CURRENT names a
# complete bundle, every visible version is complete, the score directory is absent, previous or new and
# complete, never half-written; a rerun succeeds). Seeds are fresh unless CRASH_SEED is set.
# Usage: bench/crash.sh [ROUNDS] [HISTORY_DIR]   (default history: the sample's first 200 customers, as in CI)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROUNDS="${1:-10}"
HISTORY="${2:-}"
SEED="${CRASH_SEED:-$RANDOM$RANDOM}"
echo "# crash safety $(date -u +%Y-%m-%dT%H:%M:%SZ) commit=$(git -C "$ROOT" rev-parse --short=12 HEAD) rounds=$ROUNDS seed=$SEED history=${HISTORY:-sample-200}"
echo "# $(machine_line)"
cd "$ROOT"
mvn -o -q -B -pl scoring-core,scoring-pipeline verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CrashSafetyIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcrash.rounds="$ROUNDS" -Dcrash.seed="$SEED" ${HISTORY:+-Dcrash.history="$HISTORY"}
sed -n '/crash safety (seed/,$p' scoring-pipeline/target/failsafe-reports/io.paysignal.pipeline.job.CrashSafetyIT-output.txt
