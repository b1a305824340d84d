-- GETs GET_PATH with the headers given in the environment (a session cookie or HTTP Basic). GET_PATH may list
-- several paths separated by commas: each connection then asks for them in turn, as a user going from page to page.
local paths = {}
for path in string.gmatch(os.getenv("GET_PATH"), "[^,]+") do table.insert(paths, path) end
local turn = 0
request = function()
  local headers = {}
  if os.getenv("SESSION") ~= nil and os.getenv("SESSION") ~= "" then
    headers["Cookie"] = "SESSION=" .. os.getenv("SESSION")
  end
  if os.getenv("AUTH") ~= nil and os.getenv("AUTH") ~= "" then
    headers["Authorization"] = "Basic " .. os.getenv("AUTH")
  end
  turn = turn + 1
  return wrk.format("GET", paths[(turn - 1) % #paths + 1], headers)
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
