-- Prints one machine-readable line at the end of a wrk run: requests/s, p50 and p99 in ms, and the
-- count of answers that were neither 2xx nor 3xx (wrk counts those as status errors).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.0f p50=%.2f p99=%.2f bad=%d requests=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.requests))
end
