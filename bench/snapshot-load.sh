#!/usr/bin/env bash
# Snapshot start-up benchmark of the scoring API: generates a synthetic feature snapshot in the pipeline's
# Parquet layout (default 1,000,000 customers, 24 features, 8 part files) and loads it with SnapshotReader in a
# JVM capped at 2 GB heap, printing load time, heap kept after a full GC, and lookup cost.
# Usage: bench/snapshot-load.sh [DIR] [CUSTOMERS] [PARTS] [FEATURES]   (DIR defaults to /tmp/paysignal-snapshot-bench)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-/tmp/paysignal-snapshot-bench}"
CUSTOMERS="${2:-1000000}"
PARTS="${3:-8}"
FEATURES="${4:-24}"

cd "$ROOT"
# One reactor run, so scoring-core resolves to its freshly compiled classes (nothing is installed).
mvn -q -B -o -pl scoring-api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.cp >&2
CP="scoring-api/target/test-classes:scoring-api/target/classes:$(cat scoring-api/target/bench.cp)"

if [[ ! -f "$DIR/features/_SUCCESS" ]]; then
  rm -rf "$DIR"
  java -Xmx3g -cp "$CP" io.paysignal.api.snapshot.SnapshotLoadBench generate "$DIR" "$CUSTOMERS" "$PARTS" "$FEATURES"
fi
du -sh "$DIR/features"
java -Xmx2g -XX:+UseG1GC -cp "$CP" io.paysignal.api.snapshot.SnapshotLoadBench load "$DIR"
