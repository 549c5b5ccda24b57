#!/usr/bin/env bash
# Teacher import throughput: N rows (default 10000) of a realistic Russian school-system CSV posted through the gateway
# to POST /api/teachers/import, then the same file again (every row must come back UNCHANGED, nothing written).
#
#   tools/bench/teacher-import.sh                              # http://127.0.0.1:8080, 10000 rows
#   tools/bench/teacher-import.sh http://127.0.0.1:8080 20000  # base URL, rows
#
# Needs the running platform (./platform up), curl and awk. Tokens come from ./platform token: an ADMIN registers a
# region (a random code; an existing one is reused), a municipality and a school; the import is posted with the
# school's SCHOOL_SYSTEM token, so the rows carry no organisation column (the token's organisation is the default).
# Prints rows, seconds, rows/s for the first post and the outcome counts of both posts; exits 1 if a row is rejected
# on the first post or not UNCHANGED on the second.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASE="${1:-http://127.0.0.1:8080}"
ROWS="${2:-10000}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

for tool in curl awk; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

ADMIN="$("$ROOT/platform" token --role ADMIN --subject bench-import)"

# post JSON as the admin; prints the body, fails on any status but the expected ones
post() {
  local path="$1" body="$2" expected="$3" status
  status="$(curl -s -o "$WORK/out.json" -w '%{http_code}' -X POST "$BASE$path" \
    -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' --data-binary "$body")"
  if [[ " $expected " != *" $status "* ]]; then
    echo "POST $path answered $status:" >&2
    cat "$WORK/out.json" >&2
    exit 1
  fi
  cat "$WORK/out.json"
}

json_field() { # the first "name":"value" of a JSON text
  grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4
}

json_number() { # the first "name":number of a JSON text
  grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2
}

CODE=$((100 + RANDOM % 900))
post /api/regions "{\"code\":\"$CODE\",\"name\":\"Бенчмарк-регион $CODE\"}" "201 409" >/dev/null
REGION="reg-$CODE"
MUNICIPALITY="$(post /api/municipalities \
  "{\"regionId\":\"$REGION\",\"name\":\"Бенчмарк $(date +%s)-$RANDOM\"}" 201 | json_field id)"
SCHOOL="$(post /api/organizations \
  "{\"municipalityId\":\"$MUNICIPALITY\",\"name\":\"МАОУ СОШ № $RANDOM (бенчмарк)\",\"type\":\"GENERAL_SCHOOL\"}" 201 \
  | json_field id)"
SYSTEM="$("$ROOT/platform" token --role SCHOOL_SYSTEM --region "$REGION" --municipality "$MUNICIPALITY" \
  --organization "$SCHOOL" --subject bench-import-school)"
echo "region $REGION, municipality $MUNICIPALITY, school $SCHOOL"

# A CSV as Russian school systems export it: UTF-8 with BOM, ';', Russian headers, dd.MM.yyyy dates, Russian values.
awk -v rows="$ROWS" -v year="$(date +%Y)" 'BEGIN {
  srand(42);
  split("Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев", last, " ");
  split("Александр Дмитрий Максим Сергей Андрей Алексей Артём Илья Кирилл Михаил", male, " ");
  split("Анна Мария Елена Ольга Наталья Татьяна Ирина Екатерина Светлана Юлия Ксения Дарья", female, " ");
  split("Александров Дмитриев Сергеев Андреев Алексеев Михайлов Иванов Петров Николаев Викторов", fathers, " ");
  split("Учитель|Учитель|Учитель|Учитель|Учитель|Учитель|Воспитатель|Заместитель директора по УВР|Директор|Педагог-психолог|Учитель-логопед|Педагог дополнительного образования|Методист|Тьютор", position, "|");
  split("Математика|Русский язык, Литература|Физика|Химия|Биология|История, Обществознание|Английский язык|Информатика|География|Начальные классы|Физическая культура|Музыка", subjects, "|");
  split("Высшая|Первая|без категории|соответствие занимаемой должности", category, "|");
  printf "\xef\xbb\xbf";
  print "Внешний идентификатор;Фамилия;Имя;Отчество;Дата рождения;Должность;Предметы;Педагогический стаж с;Квалификационная категория;Дата присвоения категории;Целевые группы;Методический актив";
  for (i = 1; i <= rows; i++) {
    woman = rand() < 0.8;
    l = last[int(rand() * 30) + 1]; f = woman ? female[int(rand() * 12) + 1] : male[int(rand() * 10) + 1];
    p = fathers[int(rand() * 10) + 1];
    if (woman) { l = l "а"; p = p "на"; } else { p = p "ич"; }
    age = 22 + int(rand() * 43);
    by = year - age - 1; bm = int(rand() * 12) + 1; bd = int(rand() * 28) + 1;
    sy = by + 20 + int(rand() * (age - 21)); if (sy > year - 1) sy = year - 1;
    c = category[int(rand() * 4) + 1];
    cd = (c == "Высшая" || c == "Первая") ? sprintf("%02d.%02d.%d", int(rand() * 28) + 1, int(rand() * 12) + 1, year - 1 - int(rand() * 4)) : "";
    tg = (year - sy <= 3 && age < 35) ? "молодой педагог" : (rand() < 0.1 ? "наставник" : (rand() < 0.05 ? "ОВЗ" : ""));
    printf "ШК-%06d;%s;%s;%s;%02d.%02d.%d;%s;%s;01.09.%d;%s;%s;%s;%s\r\n", i, l, f, p, bd, bm, by,
      position[int(rand() * 14) + 1], subjects[int(rand() * 12) + 1], sy, c, cd, tg, (rand() < 0.05 ? "да" : "нет");
  }
}' > "$WORK/teachers.csv"
echo "file: $ROWS rows, $(wc -c < "$WORK/teachers.csv") bytes"

import_once() {
  curl -s -o "$WORK/report.json" -w '%{http_code} %{time_total}\n' -X POST "$BASE/api/teachers/import" \
    -H "Authorization: Bearer $SYSTEM" -H 'Content-Type: text/csv; charset=utf-8' \
    --data-binary @"$WORK/teachers.csv"
}

counts() {
  local f="$WORK/report.json"
  echo "accepted $(json_number accepted < "$f"), updated $(json_number updated < "$f")," \
    "unchanged $(json_number unchanged < "$f"), rejected $(json_number rejected < "$f")"
}

read -r STATUS SECONDS_TAKEN < <(import_once)
[[ "$STATUS" == 200 ]] || { echo "first import answered $STATUS:" >&2; head -c 2000 "$WORK/report.json" >&2; exit 1; }
awk -v rows="$ROWS" -v s="$SECONDS_TAKEN" 'BEGIN { printf "first import: %d rows in %.2f s = %.0f rows/s\n", rows, s, rows / s }'
echo "  $(counts)"
REJECTED="$(json_number rejected < "$WORK/report.json")"
if [[ "$REJECTED" != 0 ]]; then
  echo "rejected rows (first 3):" >&2
  grep -o '"outcome":"REJECTED"[^]]*]' "$WORK/report.json" | head -3 >&2
  exit 1
fi

read -r STATUS SECONDS_TAKEN < <(import_once)
[[ "$STATUS" == 200 ]] || { echo "second import answered $STATUS" >&2; exit 1; }
awk -v rows="$ROWS" -v s="$SECONDS_TAKEN" 'BEGIN { printf "same file again: %d rows in %.2f s = %.0f rows/s\n", rows, s, rows / s }'
echo "  $(counts)"
UNCHANGED="$(json_number unchanged < "$WORK/report.json")"
if [[ "$UNCHANGED" != "$ROWS" ]]; then
  echo "expected all $ROWS rows UNCHANGED on the second post" >&2
  exit 1
fi
echo "all $ROWS rows unchanged: nothing written, no events"

TOTAL="$(curl -s -D - -o /dev/null "$BASE/api/teachers?organizationId=$SCHOOL&size=1" -H "Authorization: Bearer $SYSTEM" \
  | tr -d '\r' | awk -F': ' 'tolower($1) == "x-total-count" { print $2 }')"
echo "GET /api/teachers?organizationId=$SCHOOL through the gateway: X-Total-Count $TOTAL"
