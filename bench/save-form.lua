-- Saves the Ad settings form with the session's CSRF token, switching tracking on and off so that
-- requests write. No version field: each save applies to whatever is current (no conflict checks).
local counter = 0
request = function()
  counter = counter + 1
  local tracking = (counter % 2 == 0) and "promoCodeTrackingEnabled=true&" or ""
  local body = tracking .. "_csrf=" .. os.getenv("CSRF")
  return wrk.format("POST", os.getenv("FORM_PATH"), {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "SESSION=" .. os.getenv("SESSION")
  }, body)
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
