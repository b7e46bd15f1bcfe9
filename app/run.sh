#!/bin/sh
# Builds the knowledge base, the adapters and the service, then starts it on http://localhost:8080
# (DVC_PORT). With no DATASOURCES_DEFAULT_URL it runs its own PostgreSQL in ./data (DVC_DATA_DIR).
#
# Default JVM options favour a fast start on small (1-2 core) servers: the serial collector and the
# C1 compiler only. Set JAVA_OPTS (even to "") to choose others, e.g. JAVA_OPTS="" for peak throughput.
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl app -am package

# The JVM's class-data archive (the application's classes already parsed and verified) takes about
# 2 s off a 5-6 s start on 2 cores. It is valid only for the jar it was made from, so the service runs
# from a copy that changes only when the build's output does (the build is reproducible). The first
# run after a change writes the archive when it stops; the runs after it start from it.
run=app/target/run
mkdir -p "$run"
if ! cmp -s app/target/dvc-assistant.jar "$run/dvc-assistant.jar"; then
  cp app/target/dvc-assistant.jar "$run/dvc-assistant.jar"
  rm -f "$run/dvc-assistant.jsa"
fi
if [ -s "$run/dvc-assistant.jsa" ]; then
  cds="-XX:SharedArchiveFile=$run/dvc-assistant.jsa"
else
  cds="-XX:ArchiveClassesAtExit=$run/dvc-assistant.jsa"
fi
exec java $cds -Xlog:cds=off -Xlog:cds+dynamic=off ${JAVA_OPTS--XX:+UseSerialGC -XX:TieredStopAtLevel=1} \
  -jar "$run/dvc-assistant.jar" "$@"
