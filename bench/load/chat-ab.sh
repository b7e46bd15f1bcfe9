#!/usr/bin/env bash
# A/B chat throughput of two checkouts on one machine, for a machine whose speed drifts (the same code gave
# 1,499 and 974 req/s twenty minutes apart here): both services run at once, each with its own embedded
# PostgreSQL, and short saturation bursts alternate between them (A B, B A, A B, ...), so both see the same
# minutes of the machine. Reports each burst's throughput and the CPU per request of the JVM and its
# PostgreSQL, then the means and the mean of the paired ratios B / A.
#
# Usage: bench/load/chat-ab.sh <checkout A> [rounds (default 10)] [seconds per burst (default 10)]
#        B is this checkout. Build both first (mvn -B -pl app -am package -DskipTests in each), e.g.
#        git worktree add /tmp/before <commit> && (cd /tmp/before && mvn -B -q -pl app -am package -DskipTests)
# Environment: BENCH_JAVA_OPTS (default app/run.sh's: -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
#              BENCH_CDS (default 1): like app/run.sh, each service starts from a class-data archive of its jar,
#              made by one start and stop beforehand; 0 runs without
set -euo pipefail
cd "$(dirname "$0")/../.."
here=$(pwd)
[ $# -ge 1 ] || { sed -n 2,15p "$0" >&2; exit 2; }
dirs=("$(cd "$1" && pwd)" "$here")
rounds=${2:-10}
secs=${3:-10}
java_opts=${BENCH_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}
bodies=$here/bench/load/chat-bodies.jsonl
lua=$here/bench/load/chat.lua
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
for d in "${dirs[@]}"; do
  [ -s "$d/app/target/dvc-assistant.jar" ] || { echo "no $d/app/target/dvc-assistant.jar: build it first" >&2; exit 1; }
done

names=(A B)
declare -a port pid work
cleanup() {
  for i in 0 1; do [ -n "${pid[$i]:-}" ] && kill "${pid[$i]}" 2>/dev/null || true; done
  sleep 3
  for i in 0 1; do [ -n "${work[$i]:-}" ] && rm -rf "${work[$i]}"; done
}
trap cleanup EXIT
for i in 0 1; do
  work[$i]=$(mktemp -d /tmp/dvc-ab.XXXXXX)
done
cds=("" "")
if [ "${BENCH_CDS:-1}" = 1 ]; then
  echo "making each jar's class-data archive ..."
  for i in 0 1; do
    p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    (cd "${dirs[$i]}" && DVC_PORT=$p DVC_DATA_DIR="${work[$i]}/training" MICRONAUT_SERVER_HOST=127.0.0.1 \
      exec java -XX:ArchiveClassesAtExit="${work[$i]}/classes.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off $java_opts \
      -jar app/target/dvc-assistant.jar >"${work[$i]}/training.log" 2>&1) &
    t=$!
    for _ in $(seq 1 600); do curl -fsS -o /dev/null "http://127.0.0.1:$p/health" 2>/dev/null && break; sleep 0.1; done
    curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "$(head -n 1 "$bodies" | sed 's/{session}/cds/')" \
      "http://127.0.0.1:$p/api/v1/chat" || true
    kill "$t"; wait "$t" 2>/dev/null || true
    rm -rf "${work[$i]}/training"
    [ -s "${work[$i]}/classes.jsa" ] && cds[$i]="-XX:SharedArchiveFile=${work[$i]}/classes.jsa -Xlog:cds=off"
  done
fi
for i in 0 1; do
  port[$i]=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  (cd "${dirs[$i]}" && DVC_PORT=${port[$i]} DVC_DATA_DIR="${work[$i]}/data" DVC_RATE_LIMIT_ENABLED=false \
    MICRONAUT_SERVER_HOST=127.0.0.1 exec java ${cds[$i]} $java_opts -jar app/target/dvc-assistant.jar >"${work[$i]}/service.log" 2>&1) &
  pid[$i]=$!
  for _ in $(seq 1 600); do curl -fsS -o /dev/null "http://127.0.0.1:${port[$i]}/health" 2>/dev/null && break; sleep 0.1; done
  curl -fsS -o /dev/null "http://127.0.0.1:${port[$i]}/health" || { echo "${names[$i]} did not start:" >&2; tail -n 30 "${work[$i]}/service.log" >&2; exit 1; }
done

descendants() { local p=$1 c; echo "$p"; for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do descendants "$c"; done; }
postgres_pids() { descendants "$(head -n 1 "${work[$1]}/data/postgres/postmaster.pid")"; }
ticks() { local t=0 p v; for p in "$@"; do v=$(awk '{print $14 + $15}' /proc/"$p"/stat 2>/dev/null || echo 0); t=$((t + ${v:-0})); done; echo "$t"; }
clk=$(getconf CLK_TCK)

echo "warming up (JIT) ..."
for i in 0 1; do
  wrk -t2 -c32 -d5s "http://127.0.0.1:${port[$i]}/api/v1/ping" >/dev/null
  wrk -t2 -c32 -d15s -s "$lua" "http://127.0.0.1:${port[$i]}/api/v1/chat" -- "$bodies" 1000 warm >/dev/null
done

results=$(mktemp)
for r in $(seq 1 "$rounds"); do
  order="0 1"; (( r % 2 )) || order="1 0"
  for i in $order; do
    j0=$(ticks "${pid[$i]}"); p0=$(ticks $(postgres_pids "$i"))
    out=$(wrk -t2 -c32 -d"${secs}s" -s "$lua" "http://127.0.0.1:${port[$i]}/api/v1/chat" -- "$bodies" 1000 "r$r")
    j1=$(ticks "${pid[$i]}"); p1=$(ticks $(postgres_pids "$i"))
    n=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    errors=$(echo "$out" | awk -F= '/non2xx_and_socket_errors/ {print $2}')
    jvm=$(awk -v t=$((j1 - j0)) -v n="$n" -v c="$clk" 'BEGIN {printf "%.0f", t * 1e6 / c / n}')
    pg=$(awk -v t=$((p1 - p0)) -v n="$n" -v c="$clk" 'BEGIN {printf "%.0f", t * 1e6 / c / n}')
    echo "$r ${names[$i]} $rps $jvm $pg ${errors:-0}" >>"$results"
    printf 'round %2d %s: %8.1f req/s  CPU per request: JVM %5d µs, PostgreSQL %4d µs  errors %s\n' \
      "$r" "${names[$i]}" "$rps" "$jvm" "$pg" "${errors:-0}"
  done
done
echo "A = ${dirs[0]} ($(git -C "${dirs[0]}" rev-parse --short HEAD 2>/dev/null || echo '?')), B = $here ($(git rev-parse --short HEAD))"
awk '{rps[$2] += $3; jvm[$2] += $4; pg[$2] += $5; n[$2]++; if ($2 == "A") a[$1] = $3; else b[$1] = $3}
     END {
       for (k in n) printf "%s: mean %.0f req/s, JVM %.0f µs, PostgreSQL %.0f µs per request\n", k, rps[k] / n[k], jvm[k] / n[k], pg[k] / n[k]
       for (r in a) { s += b[r] / a[r]; m++ }
       printf "B / A throughput, mean of the %d paired rounds: %+.1f%%\n", m, 100 * (s / m - 1)
     }' "$results"
rm -f "$results"
