#!/usr/bin/env bash
# Generates a sample history of any size with `bin/riskctl generate` (see data-samples/README.md).
#
#   data-samples/generate.sh                      # the committed sample: 500 customers into data-samples/history
#   data-samples/generate.sh 100000 /tmp/h100k    # 100k customers, 2024-01-01..2025-12-31, seed 42
#   data-samples/generate.sh 1000000 /tmp/h1m --truth-as-of 2025-07-01 --truth-as-of 2025-10-02
#
# Environment: START, END, SEED override the window and seed; RISKCTL_JAVA_OPTS passes JVM options.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CUSTOMERS="${1:-500}"
OUT="${2:-$ROOT/data-samples/history}"
if [[ $# -gt 0 ]]; then shift; fi
if [[ $# -gt 0 ]]; then shift; fi

exec "$ROOT/bin/riskctl" generate --customers "$CUSTOMERS" \
  --start "${START:-2024-01-01}" --end "${END:-2025-12-31}" --seed "${SEED:-42}" --out "$OUT" "$@"
