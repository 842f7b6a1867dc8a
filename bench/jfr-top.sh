#!/usr/bin/env bash
# Where a Java Flight Recording's CPU samples fall: the top frames (self time) and the top io.paysignal frames
# anywhere on the stack (inclusive time). Usage: bench/jfr-top.sh FILE.jfr [N]
set -euo pipefail
FILE="$1"; N="${2:-25}"
TMP="$(mktemp)"; trap 'rm -f "$TMP"' EXIT
jfr print --events jdk.ExecutionSample --stack-depth 64 "$FILE" > "$TMP"
echo "samples: $(grep -c 'jdk.ExecutionSample' "$TMP")"
echo "== top frames (self) =="
awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$TMP" | sort | uniq -c | sort -rn | head -"$N"
echo "== io.paysignal / tribuo / xgboost / spark-sql frames on the stack (inclusive, once per sample) =="
awk '/jdk.ExecutionSample/{ if (n) for (k in seen) print k; delete seen; n=1 }
     /^[ \t]+(io\.paysignal|org\.tribuo|ml\.dmlc)/{ f=$0; sub(/^[ \t]+/, "", f); sub(/line:.*/, "", f); sub(/\(.*$/, "", f); seen[f]=1 }
     END { for (k in seen) print k }' "$TMP" | sort | uniq -c | sort -rn | head -"$N"
