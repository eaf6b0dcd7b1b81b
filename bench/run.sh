#!/usr/bin/env bash
# The benchmark suite (docs/performance.md). Prints a table and writes target/bench/results.json.
#   bench/run.sh [--postgres] [--size=1000000] [--runs=3] [--views=20000] [--commands=2000]
# Extra JVM options go in BENCH_JAVA_OPTS, e.g. a flight recording:
#   BENCH_JAVA_OPTS='-XX:StartFlightRecording=filename=target/bench/run.jfr' bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
# shellcheck disable=SC2086
exec java -Xms2g -Xmx2g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  jp.emergencyaccess.ledger.bench.BenchmarkSuite "$@"
