-- GETs one path with the headers given in the environment (a session cookie or HTTP Basic).
request = function()
  local headers = {}
  if os.getenv("SESSION") ~= nil and os.getenv("SESSION") ~= "" then
    headers["Cookie"] = "SESSION=" .. os.getenv("SESSION")
  end
  if os.getenv("AUTH") ~= nil and os.getenv("AUTH") ~= "" then
    headers["Authorization"] = "Basic " .. os.getenv("AUTH")
  end
  return wrk.format("GET", os.getenv("GET_PATH"), headers)
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
