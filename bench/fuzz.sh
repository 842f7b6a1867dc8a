#!/usr/bin/env bash
# Bad input, full version: the API fuzz test with PAYLOADS (default 20000) payloads per endpoint and a fresh
# seed, and the pipeline's injected-bad-rows test with a fresh seed. Prints the seeds (rerun a failure with
# FUZZ_SEED / BADROWS_SEED).
# Usage: bench/fuzz.sh [PAYLOADS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PAYLOADS="${1:-20000}"
FUZZ_SEED="${FUZZ_SEED:-$RANDOM$RANDOM}"
BADROWS_SEED="${BADROWS_SEED:-$RANDOM$RANDOM}"
echo "# fuzz $(date -u +%Y-%m-%dT%H:%M:%SZ) commit=$(git -C "$ROOT" rev-parse --short=12 HEAD) payloads=$PAYLOADS fuzz.seed=$FUZZ_SEED badrows.seed=$BADROWS_SEED"
echo "# $(machine_line)"
cd "$ROOT"
start=$(date +%s)
mvn -o -q -B -pl scoring-core,scoring-api test -Dtest=ScoreHandlerFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.payloads="$PAYLOADS" -Dfuzz.seed="$FUZZ_SEED"
echo "api fuzz: $((2 * PAYLOADS)) payloads, only 4xx for invalid ones, no 5xx, server alive ($(( $(date +%s) - start )) s)"
grep -h -o 'tests="[0-9]*"\|failures="[0-9]*"\|errors="[0-9]*"' scoring-api/target/surefire-reports/TEST-io.paysignal.api.http.ScoreHandlerFuzzTest.xml | head -3 | tr '\n' ' '; echo
start=$(date +%s)
mvn -o -q -B -pl scoring-core,scoring-pipeline test -Dtest=HistoryReaderInjectedRowsTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbadrows.seed="$BADROWS_SEED"
echo "pipeline bad rows: every valid row kept, every injected bad row reported ($(( $(date +%s) - start )) s)"
