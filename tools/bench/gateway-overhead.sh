#!/usr/bin/env bash
# Gateway overhead: the same authenticated GET straight to a service and through the gateway, measured with wrk
# (5 s warm-up, then the measured run, for each).
#
#   TARGET=platform tools/bench/gateway-overhead.sh   # the running local platform (./platform up), gateway :8080 vs
#                                                     # teacher-service :8081, token from ./platform token
#   tools/bench/gateway-overhead.sh                   # TARGET=jars: starts teacher-service and the gateway itself
#   PATH_UNDER_TEST=/api/regions DURATION=20s CONNECTIONS=32 THREADS=2 tools/bench/gateway-overhead.sh
#
# Needs curl and wrk (apt-get install -y wrk); TARGET=jars also java 17+, openssl and the jars
# (./mvnw -B -pl teacher-service,gateway-service -am package -DskipTests). TARGET=jars starts its own two JVMs on
# SERVICE_PORT / GATEWAY_PORT (28081 / 28080) with a signing key in a temp dir and stops exactly what it started; the service uses
# the MongoDB and Kafka its defaults point at (those of ./platform up).
#
# One client sends every request, so the gateway's per-client rate limit (200/s, burst 400) would answer most of them
# 429: TARGET=jars raises it for its gateway; for TARGET=platform start the platform with
#   MSP_GATEWAY_RATELIMIT_REQUESTSPERSECOND=1000000 MSP_GATEWAY_RATELIMIT_BURST=1000000 ./platform up
# (the limiter still runs per request; only its threshold changes). Any non-2xx answer fails the run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TARGET="${TARGET:-jars}"
SERVICE_JAR="${SERVICE_JAR:-$ROOT/teacher-service/target/teacher-service-exec.jar}"
GATEWAY_JAR="${GATEWAY_JAR:-$ROOT/gateway-service/target/gateway-service-exec.jar}"
SERVICE_PORT="${SERVICE_PORT:-28081}"
GATEWAY_PORT="${GATEWAY_PORT:-28080}"
PATH_UNDER_TEST="${PATH_UNDER_TEST:-/api/regions}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx512m}"
WORK="$(mktemp -d)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

start() {
  local name="$1"; shift
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}

wait_up() {
  local port="$1" name="$2"
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/liveness" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "$name did not start; its log:" >&2
  tail -50 "$WORK/$name.log" >&2
  exit 1
}

for tool in curl wrk; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

if [[ "$TARGET" == platform ]]; then
  SERVICE_PORT="${MSP_TEACHER_PORT:-8081}"
  GATEWAY_PORT="${MSP_GATEWAY_PORT:-8080}"
  TOKEN="$("$ROOT/platform" token --role ADMIN --subject bench)"
elif [[ "$TARGET" == jars ]]; then
  for tool in java openssl; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
  done
  for jar in "$SERVICE_JAR" "$GATEWAY_JAR"; do
    [[ -f "$jar" ]] || { echo "missing jar: $jar (build it first)" >&2; exit 1; }
  done

  # a signing key and a token (RS256), made with openssl only
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
  openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/public.pem"
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  now="$(date +%s)"
  header="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)"
  payload="$(printf '{"sub":"bench","iss":"msp-bench","iat":%d,"exp":%d,"roles":["ADMIN"]}' "$now" $((now + 7200)) | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)"
  TOKEN="$header.$payload.$signature"
  KEY_PROPERTY="--spring.security.oauth2.resourceserver.jwt.public-key-location=file:$WORK/public.pem"

  start service "$SERVICE_JAR" --server.port="$SERVICE_PORT" "$KEY_PROPERTY"
  start gateway "$GATEWAY_JAR" --server.port="$GATEWAY_PORT" "$KEY_PROPERTY" \
    --msp.gateway.services.teacher.url="http://127.0.0.1:$SERVICE_PORT" \
    --msp.gateway.rate-limit.requests-per-second=1000000 --msp.gateway.rate-limit.burst=1000000
  wait_up "$SERVICE_PORT" service
  wait_up "$GATEWAY_PORT" gateway
else
  echo "TARGET must be platform or jars, not $TARGET" >&2
  exit 2
fi

for base in "http://127.0.0.1:$SERVICE_PORT" "http://127.0.0.1:$GATEWAY_PORT"; do
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$base$PATH_UNDER_TEST")"
  if [[ "$status" != 200 ]]; then
    echo "GET $base$PATH_UNDER_TEST answered $status, not 200; nothing measured" >&2
    exit 1
  fi
done

measure() {
  local label="$1" url="$2"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
  echo "=== $label: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -H 'Authorization: Bearer …' $url"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$url" | tee "$WORK/$label.txt"
  if grep -q "Non-2xx" "$WORK/$label.txt"; then
    echo "$label: some answers were not 2xx (rate limit? see the header of this script); figures not valid" >&2
    exit 1
  fi
}

measure direct "http://127.0.0.1:$SERVICE_PORT$PATH_UNDER_TEST"
measure gateway "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"

rps() { awk '/Requests\/sec/ {print $2}' "$WORK/$1.txt"; }
p99() { awk '$1 == "99%" {print $2}' "$WORK/$1.txt"; }
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
direct_rps="$(rps direct)"; gateway_rps="$(rps gateway)"
direct_p99="$(to_ms "$(p99 direct)")"; gateway_p99="$(to_ms "$(p99 gateway)")"
echo
echo "target: $TARGET, GET $PATH_UNDER_TEST, wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after -d$WARMUP warm-up), $(nproc) CPUs"
printf '%-8s %12s %12s\n' "" "requests/s" "p99 (ms)"
printf '%-8s %12s %12s\n' direct "$direct_rps" "$direct_p99"
printf '%-8s %12s %12s\n' gateway "$gateway_rps" "$gateway_p99"
awk -v d="$direct_rps" -v g="$gateway_rps" -v dp="$direct_p99" -v gp="$gateway_p99" \
  'BEGIN { printf "gateway/direct: throughput %.2f, p99 latency %.2f\n", g / d, gp / dp }'
