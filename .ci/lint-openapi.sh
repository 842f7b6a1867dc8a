#!/usr/bin/env bash
# Lints the OpenAPI document the running service serves, with Redocly's CLI from the npm registry.
# Usage: .ci/lint-openapi.sh REGISTRY SCORE_OUT_DIR   (needs node/npm; starts and stops its own server)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REGISTRY="$1"; SNAPSHOT="$2"; PORT="${OPENAPI_LINT_PORT:-17079}"
WORK="$(mktemp -d)"
"$ROOT/bin/riskctl" serve --registry "$REGISTRY" --snapshot "$SNAPSHOT" --port "$PORT" --allow-anonymous \
  > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 90); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/openapi.json" > "$WORK/openapi.json"
(cd "$WORK" && npx --yes @redocly/cli@2.77.0 lint --format=stylish openapi.json)
