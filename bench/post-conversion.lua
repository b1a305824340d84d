-- POSTs one conversion with the brand's API key (KEY) to PROGRAM, event type EVENT_TYPE, carrying CODE (which
-- the program's codes match) and a click of PARTNER. Order ids are unique across threads, connections and runs:
-- the run's RUN, the wrk thread, a counter of that thread (a thread's connections share it), so every request
-- stores a new conversion rather than answering a retry.
local counter = 0

setup = function(thread)
  thread:set("thread_number", thread_count or 0)
  thread_count = (thread_count or 0) + 1
end

request = function()
  counter = counter + 1
  local body = string.format('{"orderId": "%s-%d-%d", "eventTypeId": %s, "occurredAt": "2026-11-02T09:00:00Z", '
    .. '"amount": "19.90", "currency": "USD", "promoCode": "%s", "clicks": [{"partnerId": %s, "at": "2026-11-02T08:00:00Z"}]}',
    os.getenv("RUN"), thread_number, counter, os.getenv("EVENT_TYPE"), os.getenv("CODE"), os.getenv("PARTNER"))
  return wrk.format("POST", "/api/programs/" .. os.getenv("PROGRAM") .. "/conversions", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("KEY")
  }, body)
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
