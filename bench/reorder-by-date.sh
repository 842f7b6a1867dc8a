#!/usr/bin/env bash
# Copies a generated history with its event tables in date order, the way an export from a billing or CRM system
# usually comes: invoices by issue date, payments by payment date, contacts by contact time (customers unchanged).
# The generator writes each customer's rows together, and ids that embed the customer id, which Spark's sorts
# find nearly sorted already; this layout shows what the score run costs when they are not.
# Usage: bench/reorder-by-date.sh SOURCE_HISTORY TARGET_HISTORY
# Assumes the generator's CSV (no quoted commas, column 3 is the date of each event table).
set -euo pipefail
src="$1"; dst="$2"
mkdir -p "$dst"
cp "$src/customers.csv" "$dst/customers.csv"
for table in invoices payments contacts; do
  { head -1 "$src/$table.csv"; tail -n +2 "$src/$table.csv" | LC_ALL=C sort -t, -k3,3 -s -S 1G; } > "$dst/$table.csv"
done
if [[ -d "$src/truth" ]]; then
  cp -r "$src/truth" "$dst/truth"
fi
wc -l "$dst"/*.csv
