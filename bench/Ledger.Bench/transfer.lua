-- wrk script: POST /v1/transfers between random wallets (or from random wallets to one hot payee when HOT is set),
-- each with its own Idempotency-Key. WALLETS names a file of wallet ids, TOKEN is the bearer token. With BALANCE set,
-- GET /v1/wallets/{id}/balance of random wallets instead: what any authenticated request costs (JWT, PEP, decision log).
local wallets = {}
for line in io.lines(os.getenv("WALLETS")) do wallets[#wallets + 1] = line end
local token = "Bearer " .. os.getenv("TOKEN")
local hot = os.getenv("HOT") ~= nil and os.getenv("HOT") ~= ""
local balance = os.getenv("BALANCE") ~= nil and os.getenv("BALANCE") ~= ""
-- thread_id is a global on purpose: setup() sets it in each thread's own Lua state (a local would shadow it).
local threads = 0
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + thread_id)
end

function request()
  if balance then
    return wrk.format("GET", "/v1/wallets/" .. wallets[math.random(#wallets)] .. "/balance", { ["Authorization"] = token })
  end
  counter = counter + 1
  local to = hot and wallets[1] or wallets[math.random(#wallets)]
  local from = wallets[math.random(#wallets)]
  while from == to do from = wallets[math.random(#wallets)] end
  return wrk.format("POST", "/v1/transfers", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = token,
    ["Idempotency-Key"] = "wrk-" .. os.getenv("RUN") .. "-" .. thread_id .. "-" .. counter,
  }, '{"from_wallet_id":"' .. from .. '","to_wallet_id":"' .. to .. '","amount":"0.01"}')
end
