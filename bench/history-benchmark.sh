#!/usr/bin/env bash
# The access-history benchmark (docs/investigations.md): appends 1,000,000 view events of one
# facility to the embedded store, lets the access-history processor catch up, then prints history
# query latency (first page, filtered pages). Extra JVM options pass through, e.g.:
#   bench/history-benchmark.sh -Dbenchmark.attempts=100000 -Dbenchmark.queries=20
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -XX:+UseParallelGC "$@" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  jp.emergencyaccess.ledger.investigation.HistoryBenchmark
