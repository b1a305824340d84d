-- PUTs the settings through the API with HTTP Basic, switching tracking on and off.
local counter = 0
request = function()
  counter = counter + 1
  local on = (counter % 2 == 0) and "true" or "false"
  return wrk.format("PUT", os.getenv("API_PATH"), {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Basic " .. os.getenv("AUTH")
  }, '{"promoCodeTrackingEnabled": ' .. on .. ', "partnerPromoCodeRequestsAllowed": false}')
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
