#!/usr/bin/env bash
# Soak benchmark: the service on an external PostgreSQL (Debian's server binaries, a throwaway cluster)
# driven at a fixed rate of mixed chat, answer ratings, satisfaction ratings and comments (SoakLoad.java)
# for BENCH_DURATION seconds, with PostgreSQL stopped for BENCH_OUTAGE seconds in the middle and started
# again. Then every rating and comment acknowledged with 2xx is looked up in the database: none may be
# missing, none stored twice. Writes the figures to bench/soak/results.md (BENCH_RESULTS) and stops
# everything it started.
#
# Usage: bench/soak/soak.sh                       (30 minutes, 20 requests/s)
#        BENCH_DURATION=180 bench/soak/soak.sh    (a short run)
# Environment: BENCH_DURATION (s, 1800) BENCH_RATE (requests/s, 20) BENCH_OUTAGE (s, 30)
#              BENCH_SKIP_BUILD=1 reuses app/target/dvc-assistant.jar (or BENCH_JAR). Needs: postgresql (apt-get install postgresql).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
duration=${BENCH_DURATION:-1800}
rate=${BENCH_RATE:-20}
outage=${BENCH_OUTAGE:-30}
results=${BENCH_RESULTS:-bench/soak/results.md}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -x "$pg_bin/postgres" ] || { echo "PostgreSQL server binaries are missing: apt-get install postgresql" >&2; exit 1; }
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -o -pl app -am package -DskipTests >/dev/null 2>&1 || mvn -B -q -pl app -am package -DskipTests
fi
jar=${BENCH_JAR:-app/target/dvc-assistant.jar}
[ -s "$jar" ] || { echo "no $jar" >&2; exit 1; }

work=$(mktemp -d /tmp/dvc-soak.XXXXXX)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg_port=$(free_port)
app_port=$(free_port)
as_pg=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  mkdir -p "$work/pg" && chown postgres "$work/pg"
  as_pg=(runuser -u postgres --)
else
  mkdir -p "$work/pg"
fi
pg_ctl() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" "$@"; }
app_pid=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  pg_ctl -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U dvc --auth=trust -E UTF8 >/dev/null
pg_ctl -w -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U dvc dvc_soak
psql=("$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U dvc -d dvc_soak -At -v ON_ERROR_STOP=1)

DVC_PORT=$app_port MICRONAUT_SERVER_HOST=127.0.0.1 DVC_RATE_LIMIT_ENABLED=false \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$pg_port/dvc_soak" DATASOURCES_DEFAULT_USERNAME=dvc \
  DATASOURCES_DEFAULT_PASSWORD= java -XX:+UseSerialGC -jar "$jar" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 1200); do curl -fsS -o /dev/null "http://127.0.0.1:$app_port/health" 2>/dev/null && break; sleep 0.1; done
curl -fsS -o /dev/null "http://127.0.0.1:$app_port/health" || { tail -50 "$work/app.log" >&2; exit 1; }

javac -d "$work/load" bench/soak/SoakLoad.java
java -cp "$work/load" SoakLoad --url "http://127.0.0.1:$app_port" --rate "$rate" --duration "$duration" \
  --log "$work/requests.tsv" --acked "$work/acked.tsv" --start-file "$work/start.txt" >"$work/load.out" 2>&1 &
load_pid=$!

# The outage, in the middle of the run.
sleep $(( duration / 2 ))
outage_from=$(date +%s%3N)
pg_ctl -m fast stop >/dev/null
sleep "$outage"
pg_ctl -w -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
outage_to=$(date +%s%3N)
wait "$load_pid"
cat "$work/load.out"

# What the database holds for each acknowledged marker.
run=$(sed -n 's/^run=\([a-z]*\).*/\1/p' "$work/load.out")
"${psql[@]}" -c "SELECT 'satisfaction', comment, count(*) FROM satisfaction_rating WHERE comment LIKE 'soak $run %' GROUP BY comment" \
  -F $'\t' >"$work/stored.tsv"
"${psql[@]}" -F $'\t' -c "SELECT 'comment', substring(text from 'soak $run [a-z]+'), count(*) FROM citizen_comment WHERE text LIKE '%soak $run %' GROUP BY 2" >>"$work/stored.tsv"
"${psql[@]}" -F $'\t' -c "SELECT 'answer_rating', reason, count(*) FROM answer_rating WHERE reason LIKE 'soak $run %' GROUP BY reason" >>"$work/stored.tsv"

python3 - "$work" "$outage_from" "$outage_to" "$duration" "$rate" "$outage" "$results" <<'PY'
import sys, collections, math, datetime
work, outage_from, outage_to, duration, rate, outage, results = sys.argv[1:]
start = int(open(f"{work}/start.txt").read())
o_from, o_to = int(outage_from) - start, int(outage_to) - start
recovery_ms = 10_000  # the pool's connections come back within seconds of the restart
rows = [l.rstrip("\n").split("\t") for l in open(f"{work}/requests.tsv") if l.strip()]
by_status = collections.Counter(r[2] for r in rows)
def in_outage(r): return o_from <= int(r[0]) <= o_to + recovery_ms
during = [r for r in rows if in_outage(r)]
outside = [r for r in rows if not in_outage(r)]
ok_outside = sorted(int(r[3]) for r in outside if r[2].startswith("2"))
def pct(values, p): return values[min(len(values) - 1, math.ceil(p * len(values)) - 1)] if values else 0
errors_outside = [r for r in outside if not r[2].startswith("2")]
during_503_retry = sum(1 for r in during if r[2] == "503" and r[4] == "true")
during_other = collections.Counter(r[2] for r in during if not r[2].startswith("2") and not (r[2] == "503" and r[4] == "true"))
acked = collections.Counter()
for line in open(f"{work}/acked.tsv"):
    kind, marker = line.rstrip("\n").split("\t")
    acked[(kind, marker)] += 1
stored = collections.Counter()
for line in open(f"{work}/stored.tsv"):
    if line.strip():
        kind, marker, count = line.rstrip("\n").split("\t")
        stored[(kind, marker)] += int(count)
kinds = ["answer_rating", "satisfaction", "comment"]
missing = {k: sum(1 for (kk, m) in acked if kk == k and stored[(kk, m)] == 0) for k in kinds}
duplicated = {k: sum(1 for (kk, m) in acked if kk == k and stored[(kk, m)] > 1) for k in kinds}
acked_n = {k: sum(1 for (kk, m) in acked if kk == k) for k in kinds}
kind_counts = collections.Counter(r[1] for r in rows)
lines = [
    f"# Soak benchmark ({int(duration)} s at {rate} requests/s, PostgreSQL stopped {outage} s in the middle)",
    "",
    f"Run {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC with `BENCH_DURATION={duration} BENCH_RATE={rate} BENCH_OUTAGE={outage} bench/soak/soak.sh`.",
    "",
    "| figure | value |",
    "|---|---|",
    f"| requests sent | {len(rows)} ({', '.join(f'{k} {v}' for k, v in sorted(kind_counts.items()))}) |",
    f"| answered 2xx | {sum(v for k, v in by_status.items() if k.startswith('2'))} |",
    f"| status counts | {', '.join(f'{k}: {v}' for k, v in sorted(by_status.items()))} (0 = no answer within 30 s) |",
    f"| outage window (from stop to start + 10 s) | {o_from / 1000:.1f} s to {(o_to + recovery_ms) / 1000:.1f} s |",
    f"| requests in the window | {len(during)}: 2xx {sum(1 for r in during if r[2].startswith('2'))}, 503 with Retry-After {during_503_retry}, other {dict(during_other) or 0} |",
    f"| errors outside the window | {len(errors_outside)} |",
    f"| latency of 2xx outside the window, p50 / p99 / max | {pct(ok_outside, .5)} / {pct(ok_outside, .99)} / {ok_outside[-1] if ok_outside else 0} ms |",
    f"| acknowledged answer ratings / satisfaction ratings / comments | {acked_n['answer_rating']} / {acked_n['satisfaction']} / {acked_n['comment']} |",
    f"| acknowledged but missing in the database | {sum(missing.values())} ({missing}) |",
    f"| acknowledged and stored twice | {sum(duplicated.values())} ({duplicated}) |",
    "",
]
open(results, "w").write("\n".join(lines))
print("\n".join(lines))
sys.exit(1 if sum(missing.values()) or sum(duplicated.values()) else 0)
PY
