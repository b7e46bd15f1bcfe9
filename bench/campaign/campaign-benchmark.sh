#!/usr/bin/env bash
# A campaign to SUBSCRIBERS Telegram subscribers (default 100,000) through a local fake Bot API that
# accepts at most LIMIT messages per second (default 30, Telegram's limit for a bot) and answers 429 with
# retry_after beyond it. Reports how long the send took against what the limit implies, the fake's
# counts (accepted, 429s, duplicates), the service's chat latency idle and during the send (p50/p90/p99)
# and its resident memory while sending. Loopback only; every process is stopped on exit.
#
#   bench/campaign/campaign-benchmark.sh                       # 100,000 subscribers: about an hour at 30/s
#   SUBSCRIBERS=3000 bench/campaign/campaign-benchmark.sh      # the scaled run (about 100 s)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SUBSCRIBERS="${SUBSCRIBERS:-100000}"
LIMIT="${LIMIT:-30}"
# 29, not 30: the fake counts a sliding second exactly, so sending at the limit itself draws 429s that cost a second each.
SEND_RATE="${SEND_RATE:-29}"
PROBE_RATE="${PROBE_RATE:-20}"
PROBE_SECONDS="${PROBE_SECONDS:-60}"
# Before the idle figure: enough questions for the JIT to compile the chat path, so "idle" is not a cold service.
WARMUP_RATE="${WARMUP_RATE:-50}"
WARMUP_SECONDS="${WARMUP_SECONDS:-60}"
# During the send, a latency probe every PROBE_EVERY seconds (the first 5 s after approval).
PROBE_EVERY="${PROBE_EVERY:-600}"
EXPECTED=$(( SUBSCRIBERS / LIMIT ))
BUDGET=$(( EXPECTED * 2 + 600 ))
WORK="$(mktemp -d /tmp/dvc-campaign-bench.XXXXXX)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

echo "== building the app (offline) and its runtime classpath"
cd "$ROOT"
mvn -B -o -q -pl app -am compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null
# A copy of the compiled classes, so rebuilding the worktree during an hour-long run cannot change what runs.
for m in app bot-adapters knowledge-base; do cp -r "$ROOT/$m/target/classes" "$WORK/classes-$m"; done
CP="$WORK/classes-app:$WORK/classes-bot-adapters:$WORK/classes-knowledge-base:$(cat "$WORK/cp.txt")"

echo "== fake Bot API limited to $LIMIT messages/s"
timeout "$BUDGET" python3 "$ROOT/bench/campaign/fake_bot_api_limited.py" "$WORK/fake.port" "$LIMIT" &
PIDS+=($!)
for _ in $(seq 50); do [ -s "$WORK/fake.port" ] && break; sleep 0.1; done
FAKE="http://127.0.0.1:$(cat "$WORK/fake.port")"

echo "== service with Telegram on, sending at $SEND_RATE/s"
APP_PORT="$(free_port)"
DB_PORT="$(free_port)"
APP="http://127.0.0.1:$APP_PORT"
PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
DVC_PORT="$APP_PORT" DVC_DATA_DIR="$WORK/data" DVC_EMBEDDED_DB_PORT="$DB_PORT" DVC_LOG_LEVEL=WARN \
DVC_ADMIN_USERNAME=bench-admin DVC_ADMIN_PASSWORD="$PASSWORD" DVC_RATE_LIMIT_ENABLED=false \
DVC_CAMPAIGN_SEND_RATE="$SEND_RATE" DVC_CAMPAIGN_POLL_INTERVAL=1s \
TELEGRAM_BOT_TOKEN="123456789:AAE-bench_token" TELEGRAM_WEBHOOK_SECRET="bench-secret" \
TELEGRAM_API_URL="$FAKE" TELEGRAM_BOT_USERNAME="dvc_bench_bot" \
  timeout "$BUDGET" java -Xms256m -Xmx512m -XX:+UseParallelGC -Xlog:gc:file="$WORK/gc.log" -cp "$CP" \
  vn.dvcassistant.app.Application >"$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=($APP_PID)
for _ in $(seq 240); do
  curl -fs "$APP/api/v1/ping" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$APP/api/v1/ping" >/dev/null || { echo "service did not start"; tail -50 "$WORK/app.log"; exit 1; }

login() { curl -s -o /dev/null -c "$2" -H "Origin: $APP" --data-urlencode "username=$1" \
  --data-urlencode "password=$PASSWORD" "$APP/login"; }
login bench-admin "$WORK/admin"
curl -fs -o /dev/null -b "$WORK/admin" -H "Origin: $APP" -H 'Content-Type: application/json' "$APP/api/v1/admin/users" \
  -d "{\"username\":\"bench-approver\",\"password\":\"$PASSWORD\",\"role\":\"ADMIN\",\"displayName\":\"Người duyệt\"}"
login bench-approver "$WORK/approver"

echo "== $SUBSCRIBERS subscribers (consent given: chat id kept)"
PGPASSWORD="$(cat "$WORK/data/postgres/dvc-superuser.password")" psql -q -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
INSERT INTO channel_contact (session_key, channel, chat_id, updated_at)
  SELECT md5('bench' || g), 'telegram', (7000000000 + g)::text, now() FROM generate_series(1, $SUBSCRIBERS) g;
INSERT INTO subscription (session_key, channel, started_at)
  SELECT md5('bench' || g), 'telegram', now() FROM generate_series(1, $SUBSCRIBERS) g;
SQL

echo "== chat latency, idle: $PROBE_RATE questions/s for ${PROBE_SECONDS}s"
java -Xmx64m "$ROOT/bench/campaign/ChatProbe.java" "$APP/api/v1/chat" "$WARMUP_RATE" "$WARMUP_SECONDS" warmup >/dev/null
IDLE="$(java -Xmx64m "$ROOT/bench/campaign/ChatProbe.java" "$APP/api/v1/chat" "$PROBE_RATE" "$PROBE_SECONDS" idle)"
echo "$IDLE"

echo "== campaign to everyone, approved by a second admin"
ID="$(curl -fs -b "$WORK/admin" -H "Origin: $APP" -H 'Content-Type: application/json' "$APP/api/v1/admin/campaigns" \
  -d '{"text":"Thông báo thử tải: gửi tới mọi người đăng ký.","audience":{"channels":["telegram"]}}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
curl -fs -o /dev/null -b "$WORK/approver" -H "Origin: $APP" -X POST "$APP/api/v1/admin/campaigns/$ID/approve"
START=$(date +%s)
status() { curl -fs -b "$WORK/admin" "$APP/api/v1/admin/campaigns/$ID"; }

# Memory while sending: the service's resident set every 5 s (the java process under timeout).
JAVA_PID="$(pgrep -P "$APP_PID" java || echo "$APP_PID")"
( while kill -0 "$JAVA_PID" 2>/dev/null; do grep VmRSS "/proc/$JAVA_PID/status" | awk '{print $2}'; sleep 5; done ) \
  >"$WORK/rss.txt" 2>/dev/null &
PIDS+=($!)

sleep 5
echo "== sending (about ${EXPECTED}s at $LIMIT/s); chat latency probed every ${PROBE_EVERY}s meanwhile"
NEXT_PROBE=$(date +%s)
while true; do
  S="$(status | python3 -c 'import json,sys; c=json.load(sys.stdin); print(c["status"], c["targeted"], c["sent"], c["failed"], c["pending"])')"
  read -r ST TARGETED SENT FAILED PENDING <<<"$S"
  [ "$ST" = "sent" ] && break
  [ $(( $(date +%s) - START )) -gt "$BUDGET" ] && { echo "not finished: $S"; break; }
  if [ "$(date +%s)" -ge "$NEXT_PROBE" ]; then
    ELAPSED=$(( $(date +%s) - START ))
    DURING="$(java -Xmx64m "$ROOT/bench/campaign/ChatProbe.java" "$APP/api/v1/chat" "$PROBE_RATE" "$PROBE_SECONDS" "during_send_t=${ELAPSED}s")"
    echo "$DURING sent_so_far=$SENT rss_kb=$(tail -1 "$WORK/rss.txt" 2>/dev/null) load=$(cut -d' ' -f1-3 /proc/loadavg)"
    NEXT_PROBE=$(( $(date +%s) + PROBE_EVERY ))
  fi
  sleep 2
done
END=$(date +%s)
FAKE_STATS="$(curl -fs "$FAKE/stats")"
echo "== chat latency, idle again after the send (the machine may be shared: compare with the first idle figure)"
java -Xmx64m "$ROOT/bench/campaign/ChatProbe.java" "$APP/api/v1/chat" "$PROBE_RATE" "$PROBE_SECONDS" idle_after
echo "campaign status=$ST targeted=$TARGETED sent=$SENT failed=$FAILED pending=$PENDING seconds=$((END - START)) (limit implies ~${EXPECTED}s)"
echo "fake_bot_api $FAKE_STATS"
python3 - "$FAKE_STATS" <<'PY'
import json, sys
s = json.loads(sys.argv[1])
if s["first"] and s["last"] and s["sent"] > 1:
    span = s["last"] - s["first"]
    print(f"delivery span={span:.1f}s rate={s['sent'] / span:.2f} messages/s")
PY
echo "rss_kb over the send (one sample per 5 s; every 120th shown): $(awk 'NR % 120 == 1' "$WORK/rss.txt" | tr '\n' ' ')"
echo "rss_kb min=$(sort -n "$WORK/rss.txt" | head -1) max=$(sort -n "$WORK/rss.txt" | tail -1) samples=$(wc -l <"$WORK/rss.txt")"
echo "gc: $(grep -c 'Pause' "$WORK/gc.log") pauses; heap after each young collection (MB): $(grep 'Pause Young' "$WORK/gc.log" | sed -E 's/.*->([0-9]+)M.*/\1/' | tr '\n' ' ')"
