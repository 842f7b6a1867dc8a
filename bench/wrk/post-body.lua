-- POST a fixed JSON body (file given as the first argument) to the URL's path with a bearer key.
local body, key = "", ""

function init(args)
  local f = assert(io.open(args[1], "rb"))
  body = f:read("*a")
  f:close()
  key = args[2] or ""
end

function request()
  return wrk.format("POST", nil, { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }, body)
end
