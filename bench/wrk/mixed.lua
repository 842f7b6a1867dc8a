-- Mixed scoring load for the soak: 70% GET /v1/customers/{id}/score, 15% POST /v1/score (a fixed inline body),
-- 15% POST /v1/scores:batch of 50 random ids. Counts answers per status class and prints them in done().
-- Arguments (after --): customers N, bearer key, inline body file, mean delay in ms between a connection's requests.
local customers, key, inline, mean_delay_ms = 10000, "", "{}", 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  customers = tonumber(args[1]) or customers
  key = args[2] or ""
  local f = assert(io.open(args[3], "rb"))
  inline = f:read("*a")
  f:close()
  mean_delay_ms = tonumber(args[4]) or 0
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  s2xx, s4xx, s5xx, sother, by_id, inlines, batches = 0, 0, 0, 0, 0, 0, 0
end

local function id()
  return string.format("C%07d", math.random(1, customers))
end

function request()
  local auth = "Bearer " .. key
  local r = math.random()
  if r < 0.70 then
    by_id = by_id + 1
    return wrk.format("GET", "/v1/customers/" .. id() .. "/score", { ["Authorization"] = auth })
  elseif r < 0.85 then
    inlines = inlines + 1
    return wrk.format("POST", "/v1/score", { ["Authorization"] = auth, ["Content-Type"] = "application/json" }, inline)
  else
    batches = batches + 1
    local ids = {}
    for i = 1, 50 do ids[i] = '"' .. id() .. '"' end
    return wrk.format("POST", "/v1/scores:batch", { ["Authorization"] = auth, ["Content-Type"] = "application/json" },
      '{"customer_ids": [' .. table.concat(ids, ",") .. ']}')
  end
end

function delay()
  if mean_delay_ms <= 0 then return 0 end
  return math.floor(-mean_delay_ms * math.log(1 - math.random()))
end

function response(status, headers, body)
  if status >= 200 and status < 300 then s2xx = s2xx + 1
  elseif status >= 400 and status < 500 then s4xx = s4xx + 1
  elseif status >= 500 then s5xx = s5xx + 1
  else sother = sother + 1 end
end

function done(summary, latency, requests)
  local t = { s2xx = 0, s4xx = 0, s5xx = 0, sother = 0, by_id = 0, inlines = 0, batches = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
  end
  local e = summary.errors
  io.write(string.format("MIXED sent(by_id=%d inline=%d batch=%d) answered(2xx=%d 4xx=%d 5xx=%d other=%d) " ..
    "socket_errors(connect=%d read=%d write=%d timeout=%d status=%d) p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.1f\n",
    t.by_id, t.inlines, t.batches, t.s2xx, t.s4xx, t.s5xx, t.sother, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
