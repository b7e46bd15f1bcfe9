#!/bin/sh
# Builds the knowledge base, the adapters and the service, then starts it on http://localhost:8080
# (DVC_PORT). With no DATASOURCES_DEFAULT_URL it runs its own PostgreSQL in ./data (DVC_DATA_DIR).
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl app -am package
exec java ${JAVA_OPTS:-} -jar app/target/dvc-assistant.jar "$@"
