#!/usr/bin/env bash
# Start-up time of the backend: 5 runs of the packaged jar, embedded H2 store in a fresh folder each
# time, default profile, port 18080. Build first: ./mvnw -DskipTests package
# Prints Spring Boot's "Started ... in N seconds" line of each run; the README reports the median.
set -u
jar="$(cd "$(dirname "$0")/.." && pwd)/target/hromada-backend-0.1.0-SNAPSHOT.jar"
for i in 1 2 3 4 5; do
  d=$(mktemp -d); cd "$d"
  java -jar "$jar" --server.port=18080 > app.log 2>&1 &
  pid=$!
  for t in $(seq 1 120); do grep -q "Started HromadaApplication" app.log && break; sleep 0.5; done
  grep -o "Started HromadaApplication in [0-9.]* seconds (process running for [0-9.]*)" app.log
  kill $pid; wait $pid 2>/dev/null; cd /; rm -rf "$d"
done
