-- Saves the Ad settings form with the session's CSRF token. Each wrk thread takes its own half of the
-- programs in PROGRAMS and goes round them, switching tracking on and off in each: no two requests save one
-- program at once, so every request really writes. No version field: a save applies to what is current.
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
  local tracking = state[program] and "promoCodeTrackingEnabled=true&" or ""
  return wrk.format("POST", "/programs/" .. program .. "/settings/ad-settings", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "SESSION=" .. os.getenv("SESSION")
  }, tracking .. "_csrf=" .. os.getenv("CSRF"))
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
