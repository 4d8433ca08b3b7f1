-- wrk script for run_verifyd_bench.sh: every request presents a random valid key from the file
-- given after "--" (one token per line), as a bearer token. Plain nginx ignores the header.
local tokens = {}
local path = "/"

function init(args)
    path = args[2] or "/"
    for line in io.lines(args[1]) do
        tokens[#tokens + 1] = line
    end
    math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
    return wrk.format("GET", path, {["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]})
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1000000
    io.write(string.format("RESULT %.1f %.3f %d %d\n", summary.requests / seconds,
                           latency:percentile(99) / 1000, summary.errors.status,
                           summary.errors.connect + summary.errors.read + summary.errors.write
                               + summary.errors.timeout))
end
