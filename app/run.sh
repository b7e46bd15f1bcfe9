#!/bin/sh
# Builds the knowledge base, the adapters and the service, then starts it on http://localhost:8080
# (DVC_PORT). With no DATASOURCES_DEFAULT_URL it runs its own PostgreSQL in ./data (DVC_DATA_DIR).
#
# Default JVM options favour a fast start on small (1-2 core) servers: the serial collector and the
# C1 compiler only. Set JAVA_OPTS (even to "") to choose others, e.g. JAVA_OPTS="" for peak throughput.
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl app -am package
exec java ${JAVA_OPTS--XX:+UseSerialGC -XX:TieredStopAtLevel=1} -jar app/target/dvc-assistant.jar "$@"
