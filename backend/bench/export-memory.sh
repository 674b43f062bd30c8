#!/usr/bin/env bash
# Heap of the 3W export as it grows (ThreeWExportMemoryBenchmark), with the store in a
# process of its own (mongo-java-server on 127.0.0.1:${PORT}) so that only the
# application's memory is measured. Usage, from the repository root:
#   backend/bench/export-memory.sh [needs] [max heap]      (defaults: 100000 512m)
set -euo pipefail
NEEDS=${1:-100000}
HEAP=${2:-512m}
PORT=${PORT:-27117}
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl backend -am -DskipTests install
CP_FILE=$(mktemp)
./mvnw -B -q -pl backend dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime
java -Xmx2g -cp "$(cat "$CP_FILE")" backend/bench/StandaloneMongo.java "$PORT" &
STORE=$!
trap 'kill $STORE 2>/dev/null; rm -f "$CP_FILE"; rm -rf ~/.m2/repository/org/hromada' EXIT
sleep 3
MONGODB_URI="mongodb://127.0.0.1:${PORT}" ./mvnw -B -pl backend test -Dtest=ThreeWExportMemoryBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.needs="$NEEDS" -DargLine="-Xmx${HEAP}" \
  | grep -E "ThreeWExportMemoryBenchmark|^run |Tests run:|FAIL"
