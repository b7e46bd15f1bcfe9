#!/usr/bin/env bash
# Telegram webhook under load: 200 updates/s of unique update_ids for 30 s (after a 5 s warm-up) at
# POST /webhooks/telegram with the right secret, the service pointed at a local fake Bot API that answers
# 200 at once. Reports the webhook's p50/p99 (measured from when each update was due) and how many
# replies reached the fake. Loopback only; every process is stopped on exit.
#
#   bench/channels/webhook-benchmark.sh            # RATE=200 DURATION=30 WARMUP=5 by default
#   RATE=400 DURATION=20 bench/channels/webhook-benchmark.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RATE="${RATE:-200}"
DURATION="${DURATION:-30}"
KIND="${KIND:-text}"   # text (engine answers) or sticker (light background: one short reply, no engine)
WARMUP="${WARMUP:-5}"
SECRET="bench-secret_$(date +%s)"
WORK="$(mktemp -d /tmp/dvc-webhook-bench.XXXXXX)"
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
CP="$ROOT/app/target/classes:$ROOT/bot-adapters/target/classes:$ROOT/knowledge-base/target/classes:$(cat "$WORK/cp.txt")"

echo "== fake Bot API"
timeout $((DURATION + WARMUP + 300)) python3 "$ROOT/bench/channels/fake_bot_api.py" "$WORK/fake.port" &
PIDS+=($!)
for _ in $(seq 50); do [ -s "$WORK/fake.port" ] && break; sleep 0.1; done
FAKE_PORT="$(cat "$WORK/fake.port")"

echo "== service with Telegram on (webhook mode), fake Bot API at 127.0.0.1:$FAKE_PORT"
APP_PORT="$(free_port)"
DB_PORT="$(free_port)"
# An admin to read the channel details of /health (anonymous callers see only UP/DOWN).
ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
DVC_PORT="$APP_PORT" DVC_DATA_DIR="$WORK/data" DVC_EMBEDDED_DB_PORT="$DB_PORT" DVC_LOG_LEVEL=WARN \
DVC_ADMIN_USERNAME=bench-admin DVC_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
TELEGRAM_BOT_TOKEN="123456789:AAE-bench_token" TELEGRAM_WEBHOOK_SECRET="$SECRET" \
TELEGRAM_API_URL="http://127.0.0.1:$FAKE_PORT" TELEGRAM_BOT_USERNAME="dvc_bench_bot" \
  timeout $((DURATION + WARMUP + 300)) java -Xms256m -Xmx512m -XX:+UseParallelGC -Xlog:gc:file="$WORK/gc.log" -cp "$CP" \
  vn.dvcassistant.app.Application >"$WORK/app.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 240); do
  curl -fs "http://127.0.0.1:$APP_PORT/api/v1/ping" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$APP_PORT/api/v1/ping" >/dev/null || { echo "service did not start"; tail -50 "$WORK/app.log"; exit 1; }
curl -s -o /dev/null -c "$WORK/cookies" -H "Origin: http://127.0.0.1:$APP_PORT" \
  --data-urlencode username=bench-admin --data-urlencode "password=$ADMIN_PASSWORD" "http://127.0.0.1:$APP_PORT/login"
health() { curl -s -b "$WORK/cookies" "http://127.0.0.1:$APP_PORT/health"; }

echo "== one update first (must be 200)"
SMOKE="$(curl -s -o "$WORK/smoke.txt" -w '%{http_code}' -H 'Content-Type: application/json' \
  -H "X-Telegram-Bot-Api-Secret-Token: $SECRET" "http://127.0.0.1:$APP_PORT/webhooks/telegram" \
  -d '{"update_id":1,"message":{"message_id":1,"date":1763800000,"from":{"id":6999999999,"is_bot":false,"first_name":"A"},"chat":{"id":6999999999,"type":"private"},"text":"xin chào"}}')"
[ "$SMOKE" = "200" ] || { echo "webhook answered $SMOKE: $(cat "$WORK/smoke.txt")"; tail -30 "$WORK/app.log"; exit 1; }

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== load: $RATE $KIND updates/s for ${DURATION}s after ${WARMUP}s warm-up"
RESULT="$(timeout $((DURATION + WARMUP + 60)) java -Xmx128m "$ROOT/bench/channels/WebhookLoad.java" \
  --url "http://127.0.0.1:$APP_PORT/webhooks/telegram" --secret "$SECRET" \
  --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --kind "$KIND")"
echo "$RESULT"

SENT_UPDATES="$(sed -E 's/.*updates_sent=([0-9]+).*/\1/' <<<"$RESULT")"
echo "== waiting (at most 120 s) for the background replies to drain"
for _ in $(seq 240); do
  QUEUED="$(health | python3 -c 'import json,sys; print(json.load(sys.stdin)["details"]["channels"]["details"]["telegram"]["queued"])')"
  [ "$QUEUED" = "0" ] && break
  sleep 0.5
done
sleep 1
health | python3 -c '
import json,sys
t = json.load(sys.stdin)["details"]["channels"]["details"]["telegram"]
print("telegram_health sent=%s failed=%s dropped=%s queued=%s lastSendSucceeded=%s" % (t["sent"], t["failed"], t["dropped"], t["queued"], t["lastSendSucceeded"]))'
echo "fake_bot_api $(curl -s "http://127.0.0.1:$FAKE_PORT/count") for $SENT_UPDATES updates"
python3 - "$WORK/gc.log" <<'PY'
import re, sys
pauses = [float(m) for m in re.findall(r"([0-9.]+)ms$", open(sys.argv[1]).read(), re.M)]
print("gc pauses=%d max_ms=%.1f total_ms=%.0f" % (len(pauses), max(pauses or [0]), sum(pauses)))
PY
echo "load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
