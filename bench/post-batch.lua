-- POSTs batches of 1,000 conversions with the brand's API key, as post-conversion.lua does one: unique order ids
-- (RUN, wrk thread, batch, item), the code CODE on most, a code no one has on some, no code on others, so a
-- batch stores and attributes 1,000 new conversions across the cases of a real day.
local batch = 0

setup = function(thread)
  thread:set("thread_number", thread_count or 0)
  thread_count = (thread_count or 0) + 1
end

request = function()
  batch = batch + 1
  local items = {}
  for i = 1, 1000 do
    local code = (i % 10 == 0) and '"NOBODY' .. i .. '"' or ((i % 10 == 1) and 'null' or '"' .. os.getenv("CODE") .. '"')
    items[i] = string.format('{"orderId": "%s-%d-%d-%d", "eventTypeId": %s, "occurredAt": "2026-11-02T09:00:00Z", '
      .. '"amount": "19.90", "currency": "USD", "promoCode": %s, "clicks": [{"partnerId": %s, "at": "2026-11-02T08:00:00Z"}]}',
      os.getenv("RUN"), thread_number, batch, i, os.getenv("EVENT_TYPE"), code, os.getenv("PARTNER"))
  end
  return wrk.format("POST", "/api/programs/" .. os.getenv("PROGRAM") .. "/conversions/batch", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("KEY")
  }, '{"conversions": [' .. table.concat(items, ", ") .. ']}')
end
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
