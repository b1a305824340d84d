-- PUTs the settings through the API with HTTP Basic. As save-form.lua: each wrk thread goes round its own
-- half of PROGRAMS, switching tracking on and off in each, so every request really writes.
local programs = {}
local state = {}
local counter = 0

setup = function(thread)
  thread:set("half", thread_count or 0)
  thread_count = (thread_count or 0) + 1
end

init = function(args)
  local all = {}
  for id in string.gmatch(os.getenv("PROGRAMS"), "[0-9]+") do table.insert(all, id) end
  local per = math.floor(#all / 2)
  for i = half * per + 1, (half + 1) * per do table.insert(programs, all[i]) end
end

request = function()
  counter = counter + 1
  local program = programs[(counter % #programs) + 1]
  state[program] = not state[program]
  return wrk.format("PUT", "/api/programs/" .. program .. "/promo-code-settings", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Basic " .. os.getenv("AUTH")
  }, '{"promoCodeTrackingEnabled": ' .. tostring(state[program]) .. ', "partnerPromoCodeRequestsAllowed": false}')
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
