#!/usr/bin/env bash
# The view-decision benchmark (docs/access.md): decisions per second and p50/p99 latency with 8
# client threads, for a fresh facility and for one with 1,000,000 recorded views, on the embedded
# store. Extra JVM options pass through, e.g.:
#   bench/view-benchmark.sh -Dbenchmark.seed=100000 -Dbenchmark.views=10000 -Dbenchmark.threads=8
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -XX:+UseParallelGC "$@" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  jp.emergencyaccess.ledger.access.ViewBenchmark
