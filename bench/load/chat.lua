-- wrk script: POSTs the questions of chat-bodies.jsonl in turn, each under one of a pool of session
-- ids, so the engine sees many conversations and not one session hammered by everybody.
-- Usage: wrk -s chat.lua http://127.0.0.1:8080/api/v1/chat -- <bodies file> <sessions> <session prefix>

local counter = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file = args[1] or "bench/load/chat-bodies.jsonl"
  sessions = tonumber(args[2] or "1000")
  prefix = args[3] or "wrk"
  bodies = {}
  for line in io.lines(file) do
    if line:match("%S") then table.insert(bodies, line) end
  end
  n = thread_id
  step = 64
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  local body = bodies[(n % #bodies) + 1]
  local session = prefix .. "-" .. (n % sessions)
  n = n + step
  return wrk.format(nil, nil, nil, (body:gsub("{session}", session)))
end

statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("non2xx_and_socket_errors=%d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
