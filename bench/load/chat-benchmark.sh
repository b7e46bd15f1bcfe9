#!/usr/bin/env bash
# Load benchmark of the chat endpoint against the trivial GET /api/v1/ping of the same server.
#
# Starts the service on loopback with rate limits off and a throwaway data directory (a fresh embedded
# PostgreSQL), measures start to ready, drives both endpoints at saturation with wrk, then drives the
# chat endpoint at half of its saturation throughput with a fixed arrival rate (FixedRateLoad.java,
# latency measured from when each request was due) for p99, samples memory throughout, writes
# bench/load/results.md and stops everything it started.
#
# Usage: bench/load/chat-benchmark.sh            (about 3 minutes on 2 cores)
# Environment: BENCH_DURATION (s, default 20) BENCH_CONNECTIONS (default 32) BENCH_THREADS (default 2)
#              BENCH_JAVA_OPTS (default app/run.sh's: -XX:+UseSerialGC -XX:TieredStopAtLevel=1) BENCH_CDS (default 1) BENCH_RESULTS (default bench/load/results.md)
#              BENCH_SKIP_BUILD=1 reuses app/target without running Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

duration=${BENCH_DURATION:-20}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
java_opts=${BENCH_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}
results=${BENCH_RESULTS:-bench/load/results.md}
bodies=bench/load/chat-bodies.jsonl

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

# --- build (or reuse) the service -------------------------------------------------------------
# One Maven run packages the modules and writes the app's runtime classpath (sibling modules as their
# jars); the runnable jar is used instead when the build makes one.
cp_file=app/target/bench-classpath.txt
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  build=(mvn -B -q -pl app -am package dependency:build-classpath -DskipTests
         -Dmdep.outputFile="$root/$cp_file" -Dmdep.includeScope=runtime)
  "${build[@]}" -o >/dev/null 2>&1 || "${build[@]}"
fi
jar=$(ls app/target/dvc-assistant.jar app/target/*-all.jar 2>/dev/null | head -n 1 || true)
if [ -n "$jar" ]; then
  launch=(java $java_opts -jar "$jar")
else
  [ -s "$cp_file" ] || { echo "no $cp_file: run without BENCH_SKIP_BUILD" >&2; exit 1; }
  launch=(java $java_opts -cp "app/target/classes:$(cat "$cp_file")" vn.dvcassistant.app.Application)
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- start ------------------------------------------------------------------------------------
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
work=$(mktemp -d /tmp/dvc-bench.XXXXXX)
base="http://127.0.0.1:$port"
pid=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Like app/run.sh, start from a class-data archive of this jar, made by one start and stop beforehand
# (BENCH_CDS=0 measures a start without it).
if [ "${BENCH_CDS:-1}" = 1 ] && [ -n "$jar" ]; then
  jsa="$work/classes.jsa"
  DVC_PORT=$port DVC_DATA_DIR="$work/training" MICRONAUT_SERVER_HOST=127.0.0.1 \
    java -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off $java_opts -jar "$jar" \
    >"$work/training.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do curl -fsS -o /dev/null "$base/health" 2>/dev/null && break; sleep 0.05; done
  curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "$(head -n 1 "$bodies")" "$base/api/v1/chat" || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=""
  rm -rf "$work/training"
  [ -s "$jsa" ] && launch=(java -XX:SharedArchiveFile="$jsa" -Xlog:cds=off $java_opts -jar "$jar")
fi

start_ns=$(date +%s%N)
DVC_PORT=$port DVC_DATA_DIR="$work/data" DVC_RATE_LIMIT_ENABLED=false \
  MICRONAUT_SERVER_HOST=127.0.0.1 \
  "${launch[@]}" >"$work/service.log" 2>&1 &
pid=$!
ready_ms=""
for _ in $(seq 1 600); do
  if curl -fsS -o /dev/null "$base/health" 2>/dev/null; then
    ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    break
  fi
  kill -0 "$pid" 2>/dev/null || { echo "service exited:" >&2; tail -n 40 "$work/service.log" >&2; exit 1; }
  sleep 0.05
done
[ -n "$ready_ms" ] || { echo "service not ready after 30 s" >&2; tail -n 40 "$work/service.log" >&2; exit 1; }
logged_ready=$(grep -o 'start_to_ready_ms=[0-9]*' "$work/service.log" | head -n 1 | cut -d= -f2 || true)
echo "start to ready: ${ready_ms} ms (service's own log: ${logged_ready:-n/a} ms)"

# A sanity check that the chat endpoint answers, so a broken build is not benchmarked as fast errors.
sample=$(curl -fsS -H 'Content-Type: application/json' \
  -d '{"sessionId":"bench-check","text":"dang ky khai sinh cho con","channel":"web"}' "$base/api/v1/chat")
echo "$sample" | grep -q '"kind":"answer"' || { echo "chat did not answer: $sample" >&2; exit 1; }

# --- the service's processes: the JVM, and the embedded PostgreSQL, whose server detaches from the JVM
# (pg_ctl starts it in the background), so it is found from its data folder's postmaster.pid ----------
descendants() {
  local p=$1 c
  echo "$p"
  for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do descendants "$c"; done
}
postgres_pids() {
  local postmaster
  postmaster=$(head -n 1 "$work/data/postgres/postmaster.pid" 2>/dev/null || true)
  [ -n "$postmaster" ] && descendants "$postmaster"
}
[ -n "$(postgres_pids)" ] || echo "embedded PostgreSQL not found under $work/data: its memory and CPU are not counted" >&2

# --- memory: the JVM's resident set every half second from /proc/<pid>/status (cheap); the proportional
# set of the JVM plus the PostgreSQL processes (PSS splits shared pages, so shared buffers are not counted
# once per process) only between the runs, because reading smaps_rollup walks each process's page tables
# under its memory lock and, done every half second, stretched the latency tail being measured --------
sample_memory() {
  while kill -0 "$pid" 2>/dev/null; do
    awk '/^VmRSS:/ {print $2}' /proc/"$pid"/status 2>/dev/null >>"$work/memory.txt" || true
    sleep 0.5
  done
}
record_pss() {
  local pss=0 p v
  for p in "$pid" $(postgres_pids); do
    v=$(awk '/^Pss:/ {print $2}' /proc/"$p"/smaps_rollup 2>/dev/null || echo 0)
    pss=$((pss + ${v:-0}))
  done
  echo "$pss" >>"$work/pss.txt"
}

# CPU time (user + system, clock ticks) used so far by the given processes; PostgreSQL backends that
# exit during a run take theirs with them, but the pool keeps its connections open.
cpu_ticks() {
  local t=0 p v
  for p in "$@"; do
    v=$(awk '{print $14 + $15}' /proc/"$p"/stat 2>/dev/null || echo 0)
    t=$((t + ${v:-0}))
  done
  echo "$t"
}
: >"$work/memory.txt"
: >"$work/pss.txt"
sample_memory &
sampler=$!

# --- load -------------------------------------------------------------------------------------
run_wrk() { # url seconds [lua args...]
  local url=$1 secs=$2; shift 2
  if [ "$url" = "$base/api/v1/chat" ]; then
    wrk -t"$threads" -c"$connections" -d"${secs}s" --latency -s bench/load/chat.lua "$url" -- "$bodies" "$@"
  else
    wrk -t"$threads" -c"$connections" -d"${secs}s" --latency "$url"
  fi
}
rps_of() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
pct_of() { # file percentile(50%|99%) -> milliseconds
  awk -v p="$2" '$1 == p {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}' "$1"
}
errors_of() { awk -F= '/non2xx_and_socket_errors/ {print $2} /Non-2xx/ {print $NF}' "$1" | head -n 1; }

echo "warming up (JIT) ..."
run_wrk "$base/api/v1/ping" 5 >/dev/null
run_wrk "$base/api/v1/chat" 10 1000 warm >/dev/null

# CPU per request of the service, its database and the load generator during a saturation run: the
# JVM's and PostgreSQL's from /proc, wrk's from this shell's waited-for children (fields 16-17).
children_ticks() { awk '{print $16 + $17}' /proc/$$/stat; }
measure_cpu() { # name url [lua args...]
  local name=$1; shift
  local j0 p0 w0
  j0=$(cpu_ticks "$pid"); p0=$(cpu_ticks $(postgres_pids)); w0=$(children_ticks)
  run_wrk "$@" >"$work/$name.txt"
  echo "$(( $(cpu_ticks "$pid") - j0 )) $(( $(cpu_ticks $(postgres_pids)) - p0 )) $(( $(children_ticks) - w0 ))" \
    >"$work/$name-cpu.txt"
}
echo "saturation: ping ..."
measure_cpu ping "$base/api/v1/ping" "$duration"
echo "saturation: chat ..."
measure_cpu chat "$base/api/v1/chat" "$duration" 1000 sat
record_pss
cat "$work/ping.txt" "$work/chat.txt"

ping_rps=$(rps_of "$work/ping.txt")
chat_rps=$(rps_of "$work/chat.txt")
half_rate=$(awk -v r="$chat_rps" 'BEGIN {printf "%d", r / 2}')
ping_half_rate=$(awk -v r="$ping_rps" 'BEGIN {printf "%d", r / 2}')
half_connections=$connections

echo "half of saturation: chat at $half_rate req/s ..."
java bench/load/FixedRateLoad.java --url "$base/api/v1/chat" --rate "$half_rate" --connections "$half_connections" \
  --warmup 5 --duration 30 --bodies "$bodies" --sessions 1000 --session-prefix half | tee "$work/chat-half.txt"
echo "half of saturation: ping at $ping_half_rate req/s ..."
java bench/load/FixedRateLoad.java --url "$base/api/v1/ping" --rate "$ping_half_rate" --connections "$half_connections" \
  --warmup 3 --duration 15 | tee "$work/ping-half.txt"

kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=""
field() { tr ' ' '\n' <"$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }
record_pss
max_rss_mb=$(awk '{ if ($1 > m) m = $1 } END {printf "%.0f", m / 1024}' "$work/memory.txt")
max_pss_mb=$(awk '{ if ($1 > m) m = $1 } END {printf "%.0f", m / 1024}' "$work/pss.txt")
hwm_mb=$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' /proc/"$pid"/status)
ratio=$(awk -v c="$chat_rps" -v p="$ping_rps" 'BEGIN {printf "%.1f", 100 * c / p}')
half_p50=$(field "$work/chat-half.txt" p50_ms)
half_p99=$(field "$work/chat-half.txt" p99_ms)
half_achieved=$(field "$work/chat-half.txt" achieved_rps)
half_errors=$(( $(field "$work/chat-half.txt" non2xx) + $(field "$work/chat-half.txt" socket_errors) ))
clk=$(getconf CLK_TCK)
cpu_per_request() { # name -> "JVM / PostgreSQL / wrk" microseconds of CPU per request
  local n
  n=$(awk '/requests in/ {print $1}' "$work/$1.txt")
  awk -v n="$n" -v clk="$clk" '{printf "%.0f / %.0f / %.0f", $1 * 1e6 / clk / n, $2 * 1e6 / clk / n, $3 * 1e6 / clk / n}' \
    "$work/$1-cpu.txt"
}
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == "<=") ? (v <= t) : (v >= t); print ok ? "met" : "NOT met" }'; }

cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "# Chat endpoint load benchmark"
  echo
  echo "Measured $(date -u +'%Y-%m-%d %H:%M UTC') by \`bench/load/chat-benchmark.sh\` on $(nproc) cores ($cpu),"
  echo "$(java -version 2>&1 | head -n 1), JVM options \`$java_opts\`$([ -n "${jsa:-}" ] && [ -s "$jsa" ] && echo ' and a class-data archive of the jar (as app/run.sh)'), embedded PostgreSQL in a fresh data directory,"
  echo "rate limits off, loopback only. The load generators run on the same cores as the service and its database."
  echo "Load average before the run: $load_before; after: $load_after (anything well above 2 before the run means"
  echo "other work shared the cores and the figures are pessimistic)."
  echo
  echo "| figure | value | target | |"
  echo "|---|---|---|---|"
  echo "| chat throughput at saturation (wrk, $connections connections, ${duration} s) | $chat_rps req/s | | |"
  echo "| ping throughput at saturation (same settings) | $ping_rps req/s | | |"
  echo "| chat / ping throughput | $ratio % | ≥ 50 % | $(verdict "$ratio" 50 '>=') |"
  echo "| chat p50 / p99 at saturation | $(pct_of "$work/chat.txt" 50%) / $(pct_of "$work/chat.txt" 99%) ms | | |"
  echo "| CPU per chat request at saturation: JVM / PostgreSQL / wrk | $(cpu_per_request chat) µs | | |"
  echo "| CPU per ping request at saturation: JVM / PostgreSQL / wrk | $(cpu_per_request ping) µs | | |"
  echo "| ping p50 / p99 at saturation | $(pct_of "$work/ping.txt" 50%) / $(pct_of "$work/ping.txt" 99%) ms | | |"
  echo "| chat p50 / p99 at half of saturation ($half_rate req/s offered, $half_achieved done, fixed arrival rate, 30 s) | $half_p50 / $half_p99 ms | p99 ≤ 25 ms | $(verdict "$half_p99" 25 '<=') |"
  echo "| ping p50 / p99 at half of its saturation ($ping_half_rate req/s) | $(field "$work/ping-half.txt" p50_ms) / $(field "$work/ping-half.txt" p99_ms) ms | | |"
  echo "| start to ready (process launch to first 200 from /health) | $ready_ms ms | ≤ 5000 ms | $(verdict "$ready_ms" 5000 '<=') |"
  echo "| JVM resident memory, peak sampled under load (VmRSS) / high-water mark (VmHWM) | $max_rss_mb / $hwm_mb MB | ≤ 512 MB | $(verdict "$hwm_mb" 512 '<=') |"
  echo "| JVM + embedded PostgreSQL processes, proportional set size, larger of after the chat saturation run and at the end | $max_pss_mb MB | | |"
  echo "| errors (non-2xx or socket) in the fixed-rate chat run | $half_errors | 0 | |"
  echo
  echo "Chat requests are the $(wc -l <"$bodies") questions of \`bench/load/chat-bodies.jsonl\` in turn (with and without"
  echo "diacritics, clear and vague), spread over 1000 session ids; every one is searched, composed and stored"
  echo "in PostgreSQL as it would be for a citizen. Latencies at half of saturation are measured from when each"
  echo "request was due (open model, no coordinated omission). CPU per request is the user + system time the"
  echo "JVM, the embedded PostgreSQL's processes and wrk used during each ${duration}-second saturation run, divided by"
  echo "the requests it completed: the ratio of the two throughputs is, at saturation, the ratio of these sums."
  echo
  echo "Reproduce: \`bench/load/chat-benchmark.sh\` (needs \`wrk\`: \`apt-get install wrk\`; JDK 17, Maven)."
  echo
  echo "<details><summary>Raw output</summary>"
  echo
  echo '```'
  cat "$work/ping.txt" "$work/chat.txt" "$work/chat-half.txt" "$work/ping-half.txt"
  echo '```'
  echo
  echo "</details>"
} >"$results"
cat "$results"
