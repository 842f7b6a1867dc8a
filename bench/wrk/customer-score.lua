-- GET /v1/customers/{id}/score for uniformly random ids C0000001..C<N> (the generator's id format).
-- Arguments (after --): customers N, bearer key, mean delay in ms between a connection's requests (0: none).
local customers, key = 10000, ""
local mean_delay_ms = 0

function init(args)
  customers = tonumber(args[1]) or customers
  key = args[2] or ""
  mean_delay_ms = tonumber(args[3]) or 0
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  local id = string.format("C%07d", math.random(1, customers))
  return wrk.format("GET", "/v1/customers/" .. id .. "/score", { ["Authorization"] = "Bearer " .. key })
end

-- With a mean delay, each connection waits an exponentially distributed time between requests, so arrivals
-- are Poisson-like at (connections * 1000 / mean_delay_ms) per second: a fixed offered rate, not a closed loop.
function delay()
  if mean_delay_ms <= 0 then return 0 end
  return math.floor(-mean_delay_ms * math.log(1 - math.random()))
end
