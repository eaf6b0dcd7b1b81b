#!/usr/bin/env bash
# Times the console's pages on a running ledger (docs/performance.md), e.g. the demo:
#   mvn spring-boot:run -Dspring-boot.run.profiles=demo   # then, in another shell:
#   bench/console-pages.sh [facility code, default the demo's clinic 001]
# Signs in as mhlw through the login form, asks each page 20 times to warm up, then N times
# (N=200), and prints each page's status, p50 and p99 in ms (curl's time_total: request sent to
# page received). BASE=http://host:port and N=... override the defaults.
set -euo pipefail
base=${BASE:-http://localhost:8080}
n=${N:-200}
facility=${1:-1719000018}
jar=$(mktemp)
times=$(mktemp)
trap 'rm -f "$jar" "$times"' EXIT
token=$(curl -s -c "$jar" "$base/console/login" \
  | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
signed=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w "%{redirect_url}" \
  -d "username=mhlw&password=mhlw&_csrf=$token" "$base/console/login")
case "$signed" in *error*|"") echo "sign-in failed: $signed" >&2; exit 1 ;; esac

page() {
  local name=$1 path=$2 code
  code=$(curl -s -b "$jar" -o /dev/null -w "%{http_code}" "$base$path")
  for _ in $(seq 1 20); do curl -s -b "$jar" -o /dev/null "$base$path"; done
  for _ in $(seq 1 "$n"); do
    curl -s -b "$jar" -o /dev/null -w "%{time_total}\n" "$base$path"
  done | sort -n > "$times"
  awk -v n="$n" -v name="$name" -v code="$code" '
    NR == int(n * 0.50 + 0.5) { p50 = $1 * 1000 }
    NR == int(n * 0.99 + 0.5) { p99 = $1 * 1000 }
    END { printf "%-40s %s  p50 %6.1f ms  p99 %6.1f ms\n", name, code, p50, p99 }' "$times"
}

page "活性化の状況" /console/activation
page "申出" /console/applications
page "アラート (queue)" /console/alerts
alert=$(curl -s -b "$jar" "$base/console/alerts" \
  | grep -o 'href="/console/alerts/[^"?]*"' | head -1 | sed 's/href="//;s/"$//' || true)
if [ -n "$alert" ]; then page "アラート (one alert)" "$alert"; fi
page "事案" /console/inquiries
page "施設の照会履歴 ($facility)" "/console/facilities/$facility"
page "監視" /console/monitoring
