#!/usr/bin/env python3
"""Server-side latency of one route from two Prometheus scrapes of /metrics (before, after): request count, mean
and p50/p90/p99 interpolated in the http_server_requests_seconds histogram buckets of the requests in between.
Usage: bench/prom-quantiles.py BEFORE.txt AFTER.txt ROUTE [STATUS]"""
import re, sys

def buckets(path, route, status):
    counts, total, count = {}, 0.0, 0.0
    for line in open(path, encoding="utf-8"):
        if not line.startswith("http_server_requests_seconds") or f'route="{route}"' not in line:
            continue
        if status and f'status="{status}"' not in line:
            continue
        value = float(line.rsplit(" ", 1)[1])
        if line.startswith("http_server_requests_seconds_bucket"):
            le = re.search(r'le="([^"]+)"', line).group(1)
            le = float("inf") if le == "+Inf" else float(le)
            counts[le] = counts.get(le, 0.0) + value
        elif line.startswith("http_server_requests_seconds_sum"):
            total += value
        elif line.startswith("http_server_requests_seconds_count"):
            count += value
    return counts, total, count

b0, s0, n0 = buckets(sys.argv[1], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
b1, s1, n1 = buckets(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
n = n1 - n0
if n <= 0:
    sys.exit(f"no requests to {sys.argv[3]} between the scrapes")
edges = sorted(b1)
cum = [b1[e] - b0.get(e, 0.0) for e in edges]

def quantile(q):
    rank = q * n
    prev_edge, prev_cum = 0.0, 0.0
    for edge, c in zip(edges, cum):
        if c >= rank:
            if edge == float("inf"):
                return prev_edge
            return prev_edge + (edge - prev_edge) * ((rank - prev_cum) / max(c - prev_cum, 1e-12))
        prev_edge, prev_cum = edge, c
    return edges[-1]

print(f"server requests={int(n)} mean_ms={(s1 - s0) / n * 1000:.3f} p50_ms={quantile(0.5) * 1000:.3f} "
      f"p90_ms={quantile(0.9) * 1000:.3f} p99_ms={quantile(0.99) * 1000:.3f}")
