#!/usr/bin/env bash
# The README's walk-through as one script: the commune of Na Tông (Điện Biên) with its 16 cells, members already on the
# paper roll, one candidate admitted through the ledger, and the counts read back. Needs curl and jq.
#   LEDGER_OPERATOR_PASSWORD=… bash docs/walkthrough.sh
set -euo pipefail
L=${LEDGER_URL:-http://localhost:8080}/api/v1
A=(-s -u "operator:${LEDGER_OPERATOR_PASSWORD:?set LEDGER_OPERATOR_PASSWORD}" -H 'Content-Type: application/json')
post() { curl "${A[@]}" "$L$1" -d "$2"; }
org() { post /organizations "{\"level\":\"$1\",\"cellType\":$2,\"parentId\":$3,\"name\":\"$4\",\"occurredOn\":\"2004-01-01\"}" | jq -r .id; }

P=$(org PROVINCE null null "Đảng bộ tỉnh Điện Biên")
C=$(org COMMUNE null "\"$P\"" "Đảng bộ xã Na Tông")
CELLS=()
for i in $(seq 1 11); do CELLS+=("$(org CELL '"VILLAGE"' "\"$C\"" "Chi bộ bản Na Tông $i")"); done
for i in 1 2 3 4; do CELLS+=("$(org CELL '"SCHOOL"' "\"$C\"" "Chi bộ trường $i")"); done
CELLS+=("$(org CELL '"HEALTH_STATION"' "\"$C\"" "Chi bộ trạm y tế xã")")
NA_TONG_1=${CELLS[0]}

# Members admitted before the ledger, taken over from the paper roll: 16 in Na Tông 1, 8 in each other cell.
enroll() {
  post /members/enrollments "{\"organizationId\":\"$1\",\"fullName\":\"$2\",\"birthDate\":\"1975-05-01\",\"gender\":\"MALE\",
    \"ethnicity\":\"Thái\",\"admittedOn\":\"2000-03-01\",\"ceremonyDate\":\"2000-03-01\",\"officialOn\":\"2001-03-01\",
    \"source\":\"sổ đảng viên 2019\",\"occurredOn\":\"2019-12-01\"}" | jq -r .id
}
INTRODUCERS=()
for i in $(seq 1 16); do INTRODUCERS+=("$(enroll "$NA_TONG_1" "Lò Văn $i")"); done
for c in "${CELLS[@]:1}"; do for i in $(seq 1 8); do enroll "$c" "Quàng Thị $i" > /dev/null; done; done

# A candidate, her awareness course, and the admission: two official introducers, 11 of 16 officials approving (≥ 2/3).
M=$(post /members "{\"organizationId\":\"$NA_TONG_1\",\"fullName\":\"Lường Thị Mai\",\"birthDate\":\"1998-04-01\",
  \"gender\":\"FEMALE\",\"ethnicity\":\"Thái\",\"educationLevel\":\"UPPER_SECONDARY\",\"occurredOn\":\"2019-12-05\"}" | jq -r .id)
post "/members/$M/awareness-course" '{"certificateNo":"NT-2019-17","occurredOn":"2019-12-10"}' > /dev/null
post "/members/$M/admission" "{\"decisionNo\":\"125-QĐ/ĐU\",\"decisionIssuer\":\"Đảng ủy xã Na Tông\",
  \"decisionDate\":\"2020-01-15\",\"ceremonyDate\":\"2020-01-20\",
  \"introducers\":[{\"memberId\":\"${INTRODUCERS[0]}\",\"workedWithSince\":\"2017-01-01\"},
                   {\"memberId\":\"${INTRODUCERS[1]}\",\"workedWithSince\":\"2016-06-01\"}],
  \"cellVote\":{\"approving\":11,\"officialMembers\":16,\"heldOn\":\"2020-01-10\"}}" > /dev/null

sleep 1   # read models follow the events within milliseconds
echo "Na Tông on 2020-03-23:"
curl "${A[@]}" "$L/organizations/$C/tree?asOf=2020-03-23" \
  | jq '.roots[0] | {name, cells: (.children | length), subtreeCounts,
        byType: (.children | group_by(.cellType) | map({(.[0].cellType): length}) | add)}'
echo "Na Tông 1:"
curl "${A[@]}" "$L/organizations/$NA_TONG_1/roll?asOf=2020-03-23" | jq '{counts, total}'
echo "commune=$C"
