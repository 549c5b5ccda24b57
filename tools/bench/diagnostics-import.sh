#!/usr/bin/env bash
# Diagnostic results import through the gateway: N results (default 10000) posted as ONE CSV import to
# POST /api/diagnostics/results/import; prints rows, seconds and rows/s (target: >= 2,000 rows/s on 2 cores).
#
#   tools/bench/diagnostics-import.sh [BASE_URL] [N]       # BASE_URL default http://127.0.0.1:8080 (the gateway)
#   N=2000 tools/bench/diagnostics-import.sh
#
# Needs the running platform (./platform up), curl, jq, and ./platform token for tokens. Steps:
#   1. as ADMIN: a fresh region (random 3-digit code), municipality and school (teacher-service);
#   2. N teachers of that school: POST /api/teachers/import (CSV) when teacher-service has it, otherwise N single
#      POST /api/teachers, PARALLEL (default 16) at a time; curl retries 429s from the gateway's rate limiter
#      (200/s, burst 400 per client: start the platform with MSP_GATEWAY_RATELIMIT_REQUESTSPERSECOND=1000000
#      MSP_GATEWAY_RATELIMIT_BURST=1000000 to register faster);
#   3. a SCHOOL campaign for the school (as its municipal operator), then waits until diagnostics-service's teacher
#      read model (fed from teacher.v1) counts all N teachers in the campaign's progress;
#   3b. on the local platform, until the other services have digested the new teachers (QUIET_WAIT=0: not);
#   4. ONE import of N rows (wide CSV: teacherId;campaignId;sourceKind;diagnosedOn;ASSESSMENT;READING_LITERACY;
#      DIGITAL_TEACHING) as the municipal operator, timed by curl end to end. Only this step is measured.
# The import is idempotent: run it again (RERUN=1 keeps the same file) and every row comes back UNCHANGED.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASE="${1:-${BASE_URL:-http://127.0.0.1:8080}}"
N="${2:-${N:-10000}}"
PARALLEL="${PARALLEL:-16}"
WAIT_SECONDS="${WAIT_SECONDS:-600}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

command -v jq >/dev/null || { echo "needs jq (apt-get install -y jq)" >&2; exit 2; }
token() { "$ROOT/platform" token "$@"; }
say() { echo "[diagnostics-import] $*" >&2; }

ADMIN="$(token --role ADMIN)"
CURL=(curl -sS --retry 10 --retry-delay 1 --max-time 300)

post_json() { # token path body -> response body; fails on non-2xx
  local tok="$1" path="$2" body="$3" out status
  out="$WORK/resp.$$.$RANDOM"
  status="$("${CURL[@]}" -o "$out" -w '%{http_code}' -H "Authorization: Bearer $tok" \
    -H 'Content-Type: application/json' -X POST --data "$body" "$BASE$path")"
  if [[ "$status" != 2* ]]; then
    echo "POST $path -> $status: $(head -c 600 "$out")" >&2
    return 1
  fi
  cat "$out"
}

# ---------------------------------------------------------------- 1. region, municipality, school
REGION=""
for _ in $(seq 1 50); do
  code="$(( (RANDOM % 900) + 100 ))"
  if resp="$(post_json "$ADMIN" /api/regions "{\"code\":\"$code\",\"name\":\"Bench region $code\"}" 2>/dev/null)"; then
    REGION="$(jq -r .id <<<"$resp")"
    break
  fi
done
[[ -n "$REGION" ]] || { echo "could not register a region (all codes taken?)" >&2; exit 1; }
MUNICIPALITY="$(post_json "$ADMIN" /api/municipalities \
  "{\"regionId\":\"$REGION\",\"name\":\"Bench municipality\"}" | jq -r .id)"
SCHOOL="$(post_json "$ADMIN" /api/organizations \
  "{\"municipalityId\":\"$MUNICIPALITY\",\"name\":\"Bench school\",\"type\":\"GENERAL_SCHOOL\"}" | jq -r .id)"
say "region $REGION, municipality $MUNICIPALITY, school $SCHOOL"
OPERATOR="$(token --role MUNICIPAL_OPERATOR --region "$REGION" --municipality "$MUNICIPALITY")"

# ---------------------------------------------------------------- 2. N teachers
teachers_csv="$WORK/teachers.csv"
{
  echo "externalId,lastName,firstName,middleName,birthDate,position,subjects,pedagogicalStartDate"
  for i in $(seq 1 "$N"); do
    echo "bench-$i,Иванова$i,Мария,Петровна,1985-04-0$(( i % 9 + 1 )),TEACHER,MATHEMATICS,2010-09-01"
  done
} >"$teachers_csv"
list_teachers() { # the ids of the school's teachers, 200 per page
  local page=0 got
  : >"$ids"
  while :; do
    got="$("${CURL[@]}" -H "Authorization: Bearer $ADMIN" \
      "$BASE/api/teachers?organizationId=$SCHOOL&size=200&page=$page" | jq -r '.[].id')"
    [[ -n "$got" ]] || break
    echo "$got" >>"$ids"
    page=$((page + 1))
  done
  wc -l <"$ids" | tr -d ' '
}
ids="$WORK/teacher-ids.txt"
import_status="$("${CURL[@]}" -o "$WORK/teachers-import.json" -w '%{http_code}' \
  -H "Authorization: Bearer $ADMIN" -H 'Content-Type: text/csv' --data-binary "@$teachers_csv" \
  "$BASE/api/teachers/import?organizationId=$SCHOOL" || true)"
say "/api/teachers/import answered $import_status"
count="$(list_teachers)"
if [[ "$count" -lt "$N" ]]; then
  say "$count teachers so far; registering the rest one by one, $PARALLEL in parallel (externalId duplicates: 409)"
  export BASE ADMIN SCHOOL
  register_one() {
    local i="$1" status
    status="$(curl -sS --retry 10 --retry-delay 1 -o /dev/null -w '%{http_code}' -X POST \
      -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
      --data "{\"organizationId\":\"$SCHOOL\",\"externalId\":\"bench-$i\",\"lastName\":\"Иванова$i\",\"firstName\":\"Мария\",\"position\":\"TEACHER\",\"subjects\":[\"MATHEMATICS\"],\"birthDate\":\"1985-04-01\",\"pedagogicalStartDate\":\"2010-09-01\"}" \
      "$BASE/api/teachers")"
    [[ "$status" == 201 || "$status" == 409 ]] || echo "teacher $i: HTTP $status" >&2
  }
  export -f register_one
  seq 1 "$N" | xargs -P "$PARALLEL" -I{} bash -c 'register_one {}'
  count="$(list_teachers)"
fi
say "$count teachers in the school"
[[ "$count" -ge "$N" ]] || { echo "expected $N teachers, found $count" >&2; exit 1; }

# ---------------------------------------------------------------- 3. campaign, wait for the read model
campaign_body="$(jq -n --arg r "$REGION" --arg m "$MUNICIPALITY" --arg o "$SCHOOL" '{
  level: "SCHOOL", operatorName: "Bench operator", regionId: $r, municipalityId: $m, organizationId: $o,
  schoolYear: "2025/2026", startsOn: "2025-10-01", endsOn: "2026-05-31",
  instrument: {code: "BENCH", competencies: [
    {code: "ASSESSMENT", maxScore: 20}, {code: "READING_LITERACY", maxScore: 100}, {code: "DIGITAL_TEACHING", maxScore: 100}]},
  target: {positions: ["TEACHER"]}}')"
CAMPAIGN="$(post_json "$OPERATOR" /api/diagnostics/campaigns "$campaign_body" | jq -r .id)"
say "campaign $CAMPAIGN; waiting for diagnostics-service to know all $N teachers"
deadline=$((SECONDS + WAIT_SECONDS))
while :; do
  target="$("${CURL[@]}" -H "Authorization: Bearer $OPERATOR" \
    "$BASE/api/diagnostics/campaigns/$CAMPAIGN/progress" | jq -r .target)"
  [[ "$target" -ge "$N" ]] && break
  (( SECONDS < deadline )) || { echo "read model has $target of $N teachers after ${WAIT_SECONDS}s" >&2; exit 1; }
  sleep 2
done

# ---------------------------------------------------------------- 3b. wait until the platform is quiet
# Route, events and indicators services are still digesting the N new teachers (their own read models) when
# diagnostics-service knows them all; measuring then would time the import against that backlog. On the local
# platform (pid files under .platform/run) wait until the services and the store together use under 15% of one core.
quiet_ticks() {
  local total=0 f pid
  for f in "$ROOT"/.platform/run/{mongo,teacher,diagnostics,route,events,indicators}.pid; do
    [[ -f "$f" ]] || continue
    pid="$(cat "$f")"
    [[ -r "/proc/$pid/stat" ]] || continue
    # fields 14 and 15: user and system CPU time in clock ticks (after the ")" that ends the command name)
    total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')))
  done
  echo "$total"
}
if [[ "${QUIET_WAIT:-1}" == 1 && -f "$ROOT/.platform/run/mongo.pid" ]]; then
  hz="$(getconf CLK_TCK)"
  before="$(quiet_ticks)"
  quiet_since=$SECONDS
  while :; do
    sleep 3
    now="$(quiet_ticks)"
    (( (now - before) * 100 < 3 * hz * 15 )) && break
    before="$now"
    (( SECONDS < deadline )) || { say "still busy after ${WAIT_SECONDS}s; importing anyway"; break; }
  done
  say "platform quiet after $((SECONDS - quiet_since)) s (QUIET_WAIT=0 skips this)"
fi

# ---------------------------------------------------------------- 4. the measured import
results_csv="$WORK/results.csv"
head -n "$N" "$ids" | awk -v c="$CAMPAIGN" 'BEGIN {
    OFS=";"; print "teacherId;campaignId;sourceKind;diagnosedOn;ASSESSMENT;READING_LITERACY;DIGITAL_TEACHING" }
  { print $1, c, "INSTRUMENT", "2025-10-15", (NR * 7) % 21, (NR * 13) % 101, (NR * 29) % 101 }' >"$results_csv"
rows="$(( $(wc -l <"$results_csv") - 1 ))"
say "importing $rows results ($(wc -c <"$results_csv") bytes)"
timing="$("${CURL[@]}" -o "$WORK/report.json" -w '%{http_code} %{time_total}' \
  -H "Authorization: Bearer $OPERATOR" -H 'Content-Type: text/csv' --data-binary "@$results_csv" \
  "$BASE/api/diagnostics/results/import")"
status="${timing%% *}"
seconds="${timing##* }"
[[ "$status" == 200 ]] || { echo "import answered $status: $(head -c 1000 "$WORK/report.json")" >&2; exit 1; }
jq -c '{rows, accepted, unchanged, rejected}' "$WORK/report.json" >&2
rejected="$(jq -r .rejected "$WORK/report.json")"
if [[ "$rejected" != 0 ]]; then
  jq -c '[.results[] | select(.outcome == "REJECTED")][0:3]' "$WORK/report.json" >&2
fi
awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "rows=%d seconds=%.3f rows_per_second=%.0f\n", r, s, r / s }'
