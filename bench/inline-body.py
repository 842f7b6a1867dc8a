#!/usr/bin/env python3
"""Writes a POST /v1/score body (JSON) for one customer of a contract CSV history: the customer row and every
invoice, payment and contact dated in the MONTHS months up to AS_OF. Picks the customer with the most invoices in
that window among the first SCAN customers unless --customer is given.
Usage: bench/inline-body.py HISTORY_DIR AS_OF [--months 24] [--customer ID] [--scan 2000] > body.json"""
import argparse, csv, datetime as dt, json, os, sys
from collections import Counter

p = argparse.ArgumentParser()
p.add_argument("history"); p.add_argument("as_of")
p.add_argument("--months", type=int, default=24); p.add_argument("--customer"); p.add_argument("--scan", type=int, default=2000)
a = p.parse_args()
as_of = dt.date.fromisoformat(a.as_of)
start = (as_of - dt.timedelta(days=round(a.months * 365.25 / 12))).isoformat()
end = as_of.isoformat()

def rows(name):
    with open(os.path.join(a.history, name + ".csv"), newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)

customers = {}
for i, row in enumerate(rows("customers")):
    if i >= a.scan and not a.customer:
        break
    customers[row["customer_id"]] = row
invoices = [r for r in rows("invoices") if r["customer_id"] in customers and start <= r["issue_date"] <= end]
chosen = a.customer or Counter(r["customer_id"] for r in invoices).most_common(1)[0][0]
if chosen not in customers:
    customers = {r["customer_id"]: r for r in rows("customers") if r["customer_id"] == chosen}
mine = [r for r in invoices if r["customer_id"] == chosen]
ids = {r["invoice_id"] for r in mine}
payments = [r for r in rows("payments") if r["invoice_id"] in ids and r["payment_date"] <= end]
contacts = [r for r in rows("contacts") if r["customer_id"] == chosen and start <= r["contact_time"][:10] <= end]
json.dump({"as_of": end, "customer": customers[chosen], "invoices": mine, "payments": payments,
           "contacts": contacts}, sys.stdout)
print(f"customer {chosen}: {len(mine)} invoices, {len(payments)} payments, {len(contacts)} contacts "
      f"from {start} to {end}", file=sys.stderr)
