#!/usr/bin/env bash
# Route suggestion throughput: how many DiagnosticCompleted results per second route-service turns into routes.
#
#   tools/bench/route-suggestion.sh                    # 2000 diagnoses, 3 deficits each, 20 schools
#   RESULTS=5000 SCHOOLS=50 tools/bench/route-suggestion.sh
#
# Starts its own MongoDB endpoint and Kafka broker with ./platform up --infra-only in a temporary state folder on
# its own ports (MONGO_PORT 27218, KAFKA_PORT 19292, controller 19293: a running ./platform is not touched), then
# route-service on SERVICE_PORT (28083) with a signing key made by openssl, and stops exactly what it started.
# Needs java 17+, curl, openssl and the built jars (./mvnw -B -pl route-service,infra -am install -DskipTests).
#
# What it does: publishes 26 offers (a federal-registry course and a seminar on 13 competencies; 2 more competencies
# have none, so those deficits become self-study and unmet needs) on activities.v1, waits until the offers read model
# holds them, then publishes RESULTS DiagnosticCompleted events on diagnostics.v1 as fast as the producer goes and
# measures until msp_routes_suggested_total reaches RESULTS. Each diagnosis is a new teacher (a new route, a teacher
# recommendation, the school's statistics). Throughput = RESULTS / (last route written - first result sent);
# latency = msp_route_suggestion_seconds (event time -> route written, so it includes the queue of the backlog).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICE_JAR="${SERVICE_JAR:-$ROOT/route-service/target/route-service-exec.jar}"
SERVICE_PORT="${SERVICE_PORT:-28083}"
MONGO_PORT="${MONGO_PORT:-27218}"
KAFKA_PORT="${KAFKA_PORT:-19292}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19293}"
RESULTS="${RESULTS:-2000}"
SCHOOLS="${SCHOOLS:-20}"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx512m}"
WORK="$(mktemp -d)"
SERVICE_PID=""

platform_env() {
  env MSP_PLATFORM_DIR="$WORK/platform" MSP_SKIP_BUILD=1 MSP_MONGO_PORT="$MONGO_PORT" MSP_KAFKA_PORT="$KAFKA_PORT" \
    MSP_KAFKA_CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT" "$@"
}

cleanup() {
  if [[ -n "$SERVICE_PID" ]]; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  platform_env "$ROOT/platform" down >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in java curl openssl jar; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
[[ -f "$SERVICE_JAR" ]] || { echo "missing jar: $SERVICE_JAR (build it first)" >&2; exit 1; }

# the load generator runs on the service jar's own libraries (contracts, kafka-clients)
(cd "$WORK" && jar xf "$SERVICE_JAR" BOOT-INF/lib)
CP="$WORK/BOOT-INF/lib/*"
cat >"$WORK/RouteSuggestionLoad.java" <<'JAVA'
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.StringSerializer;
import ru.msp.contracts.*;
import ru.msp.contracts.activities.*;
import ru.msp.contracts.diagnostics.*;

public class RouteSuggestionLoad {
    static final List<String> OFFERED = List.of("SUBJECT_KNOWLEDGE", "SUBJECT_METHODOLOGY", "PSYCHOLOGY",
            "ASSESSMENT", "READING_LITERACY", "MATHEMATICAL_LITERACY", "SCIENCE_LITERACY", "FINANCIAL_LITERACY",
            "DIGITAL", "INCLUSIVE", "GIFTED", "PROJECT_RESEARCH", "UPBRINGING");
    static final List<String> UNSERVED = List.of("GLOBAL_COMPETENCE", "CREATIVE_THINKING");

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], phase = args[1], region = args[2], municipality = args[3];
        int results = Integer.parseInt(args[4]), schools = Integer.parseInt(args[5]);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            if (phase.equals("offers")) {
                Instant starts = Instant.now().plus(Duration.ofDays(20));
                for (String code : OFFERED) {
                    for (String kind : List.of("COURSE", "SEMINAR")) {
                        ActivityFacts facts = new ActivityFacts(kind, "MUNICIPAL", "org-centre", List.of(code),
                                Set.of(), List.of(), "MIXED", starts, starts.plus(Duration.ofDays(3)),
                                kind.equals("COURSE") ? 100000 : null,
                                kind.equals("COURSE") ? new BigDecimal("36") : null, kind.equals("COURSE"));
                        String id = "bench-" + kind.toLowerCase() + "-" + code;
                        send(producer, event(EventCatalog.ACTIVITY_PUBLISHED, region, municipality, null,
                                new ActivityPublished(id, facts)));
                    }
                }
            } else {
                String run = UUID.randomUUID().toString().substring(0, 8);
                List<String> all = new ArrayList<>(OFFERED);
                all.addAll(UNSERVED);
                for (int i = 0; i < results; i++) {
                    List<Deficit> deficits = List.of(
                            new Deficit(all.get(i % all.size()), DeficitSeverity.PRONOUNCED),
                            new Deficit(all.get((i + 5) % all.size()), DeficitSeverity.PARTIAL),
                            new Deficit(all.get((i + 9) % all.size()), DeficitSeverity.PARTIAL));
                    List<CompetencyResult> measured = deficits.stream()
                            .map(d -> new CompetencyResult(d.competencyCode(), new BigDecimal(
                                    d.severity() == DeficitSeverity.PRONOUNCED ? "45" : "70"), new BigDecimal("100"),
                                    d.severity() == DeficitSeverity.PRONOUNCED
                                            ? CompetencyLevel.BELOW_BASIC : CompetencyLevel.BASIC))
                            .toList();
                    String teacher = "bench-" + run + "-" + i;
                    send(producer, event(EventCatalog.DIAGNOSTIC_COMPLETED, region, municipality,
                            "bench-org-" + (i % schools),
                            new DiagnosticCompleted("res-" + teacher, teacher, "bench-campaign", "MUNICIPAL",
                                    "INSTRUMENT", "fw-bench", LocalDate.now(), "2025/2026", "TEACHER", Set.of(),
                                    measured, deficits)));
                }
            }
            producer.flush();
        }
    }

    static <P extends EventPayload> DomainEvent<P> event(
            EventType<P> type, String region, String municipality, String organization, P data) {
        return DomainEvent.create("/msp/bench", type, new EventScope(region, municipality, organization),
                "bench", null, data);
    }

    static void send(KafkaProducer<String, String> producer, DomainEvent<?> event) {
        producer.send(new ProducerRecord<>(event.topic().name(), event.subject(),
                CloudEventCodec.encodeToString(event)));
    }
}
JAVA
load() { # the producer's client logs go to a file; a failure shows them
  java -cp "$CP" "$WORK/RouteSuggestionLoad.java" "127.0.0.1:$KAFKA_PORT" "$@" >>"$WORK/load.log" 2>&1 \
    || { tail -30 "$WORK/load.log" >&2; exit 1; }
}

echo "starting MongoDB and Kafka on $MONGO_PORT / $KAFKA_PORT (state in $WORK/platform)"
platform_env "$ROOT/platform" up --infra-only >"$WORK/infra.log" 2>&1 || { tail -30 "$WORK/infra.log" >&2; exit 1; }

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/public.pem"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now="$(date +%s)"
header="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)"
payload="$(printf '{"sub":"bench","iss":"msp-bench","iat":%d,"exp":%d,"roles":["ADMIN"]}' "$now" $((now + 7200)) | b64url)"
signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)"
TOKEN="$header.$payload.$signature"

echo "starting route-service on $SERVICE_PORT"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$SERVICE_JAR" --server.port="$SERVICE_PORT" \
  --spring.kafka.bootstrap-servers="127.0.0.1:$KAFKA_PORT" \
  --spring.mongodb.uri="mongodb://127.0.0.1:$MONGO_PORT/msp_routes_bench" \
  --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$WORK/public.pem" \
  >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$SERVICE_PORT/actuator/health/liveness" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$SERVICE_PORT/actuator/health/liveness" >/dev/null || { tail -50 "$WORK/service.log" >&2; exit 1; }

REGION="reg-bench"
MUNICIPALITY="mun-bench-$(date +%s)"
load offers "$REGION" "$MUNICIPALITY" 0 1
for _ in $(seq 1 120); do
  count="$( (curl -fs -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$SERVICE_PORT/api/routes/offers?municipalityId=$MUNICIPALITY" || true) | grep -o '"activityId"' | wc -l)"
  [[ "$count" -ge 26 ]] && break
  sleep 1
done
echo "offers read model: $count offers"

metric() { # sum of a Prometheus series' samples whose line matches $1
  (curl -fs "http://127.0.0.1:$SERVICE_PORT/actuator/prometheus" || true) | awk -v m="$1" 'index($0, m) == 1 { s += $NF } END { printf "%d", s }'
}
created() { # one meter as JSON: far cheaper for the service than a Prometheus scrape
  (curl -fs -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$SERVICE_PORT/actuator/metrics/msp_routes_suggested_total?tag=outcome:created" || true) \
    | { grep -o '"value":[0-9.E]*' || echo '"value":0'; } | head -1 | awk -F: '{ printf "%d", $2 }'
}
cpu_ticks() { # user + system clock ticks of a process
  awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
MONGO_PID="$(cat "$WORK/platform/run/mongo.pid" 2>/dev/null || echo 0)"
KAFKA_PID="$(cat "$WORK/platform/run/kafka.pid" 2>/dev/null || echo 0)"
cpu_before=("$(cpu_ticks "$SERVICE_PID")" "$(cpu_ticks "$MONGO_PID")" "$(cpu_ticks "$KAFKA_PID")")
before="$(created)"
echo "publishing $RESULTS diagnoses (3 deficits each, $SCHOOLS schools)"
start_ms="$(date +%s%3N)"
load diagnoses "$REGION" "$MUNICIPALITY" "$RESULTS" "$SCHOOLS"
sent_ms="$(date +%s%3N)"
target=$((before + RESULTS))
last=-1
while :; do
  done_now="$(created)"
  [[ "$done_now" -ge "$target" ]] && break
  if [[ "$done_now" == "$last" ]] && (( $(date +%s%3N) - progress_ms > 60000 )); then
    echo "no progress for 60 s at $((done_now - before)) routes; service log:" >&2
    tail -30 "$WORK/service.log" >&2
    exit 1
  fi
  [[ "$done_now" != "$last" ]] && progress_ms="$(date +%s%3N)" && last="$done_now"
  sleep 0.5
done
end_ms="$(date +%s%3N)"
cpu_after=("$(cpu_ticks "$SERVICE_PID")" "$(cpu_ticks "$MONGO_PID")" "$(cpu_ticks "$KAFKA_PID")")

echo
echo "$RESULTS results -> $RESULTS routes, $(nproc) CPUs, route-service $JAVA_OPTS, embedded MongoDB (mongo-java-server, H2 file) and Kafka (KRaft)"
awk -v n="$RESULTS" -v s="$start_ms" -v p="$sent_ms" -v e="$end_ms" 'BEGIN {
  printf "published in %.1f s; all routes written after %.1f s: %.0f results/s turned into routes\n", (p - s) / 1000, (e - s) / 1000, n * 1000 / (e - s) }'
curl -fs "http://127.0.0.1:$SERVICE_PORT/actuator/prometheus" \
  | grep -E '^msp_route_suggestion_seconds(_seconds)?(\{|_max|_count|_sum)' | grep -v '^#' || true
# CPU per result does not depend on what else the machine runs: cores / CPU per result bounds the throughput
awk -v n="$RESULTS" -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" \
  -v s0="${cpu_before[0]}" -v s1="${cpu_after[0]}" -v m0="${cpu_before[1]}" -v m1="${cpu_after[1]}" \
  -v k0="${cpu_before[2]}" -v k1="${cpu_after[2]}" 'BEGIN {
  s = (s1 - s0) / hz; m = (m1 - m0) / hz; k = (k1 - k0) / hz
  printf "CPU seconds: route-service %.1f, MongoDB %.1f, Kafka %.1f = %.1f ms per result;", s, m, k, (s + m + k) * 1000 / n
  printf " on %d otherwise idle cores at most %.0f results/s\n", cores, cores * n / (s + m + k) }'
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "unmet needs counted: $(metric 'msp_unmet_needs_total{')"
echo "recommendations issued: $(metric 'msp_recommendations_issued_total{')"
