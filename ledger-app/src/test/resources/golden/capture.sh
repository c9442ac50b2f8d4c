#!/usr/bin/env bash
# Captures a golden store: runs a release's jar on a fresh embedded database, writes every event type through the
# API, then copies the store's tables and the views the release shows into a fixture folder. Run it once per release
# that changes an event, with that release's jar; GoldenStoreIT opens every fixture under the current code.
#   capture.sh <release jar> <release name, e.g. the commit> <fixture folder>
# Needs curl, jq and psql (any version: only \copy is used).
set -euo pipefail
trap '[ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT
jar=$1 release=$2 out=$3
work=$(mktemp -d)
port=18080
admin=golden-admin-2015
mkdir -p "$out/tables" "$out/views"
export KPI_LEDGER_DATA_DIR=$work/postgres KPI_LEDGER_INTEGRITY_SIGNING_KEY_FILE=$work/signing-key.pem
export KPI_LEDGER_ADMIN_PASSWORD=$admin PORT=$port SERVER_PORT=$port

start() {
    java -jar "$jar" "$@" > "$work/ledger.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 240); do
        curl -fs "localhost:$port/actuator/health" > /dev/null 2>&1 && return 0
        curl -s "localhost:$port/actuator/health" 2>/dev/null | grep -q '"DOWN"' && return 0
        sleep 0.5
    done
    cat "$work/ledger.log"; exit 1
}
stop() { kill "$pid"; wait "$pid" || true; }
call() {  # call USER METHOD PATH [BODY] [If-Match]
    local user=$1 method=$2 path=$3 body=${4:-} match=${5:-}
    local args=(-s -o "$work/reply" -w '%{http_code}' -u "$user" -X "$method" "localhost:$port$path"
                -H 'Content-Type: application/json')
    [ -n "$body" ] && args+=(-d "$body")
    [ -n "$match" ] && args+=(-H "If-Match: \"$match\"")
    code=$(curl "${args[@]}")
    case $code in 2*) ;; *) echo "$method $path answered $code: $(cat "$work/reply")" >&2; exit 1 ;; esac
}
version() { curl -s -u "tanaka:tanaka-kikaku-2015" "localhost:$port/api/v1/kpis/$1" | jq -r .version; }

start
A=admin:$admin
call "$A" POST /api/v1/users '{"username":"tanaka","password":"tanaka-kikaku-2015","roles":["PLANNER"]}'
call "$A" POST /api/v1/users '{"username":"sato","password":"sato-sangyo-2015","roles":["STAFF"],"department":"sangyo"}'
call "$A" POST /api/v1/users '{"username":"kansa","password":"kansa-audit-2015","roles":["AUDITOR"]}'
call "$A" POST /api/v1/users '{"username":"iin","password":"iin-committee-2015","roles":["COMMITTEE"]}'
P=tanaka:tanaka-kikaku-2015 S=sato:sato-sangyo-2015
call "$P" PUT /api/v1/kpis/1-1-1-01/department '{"department":"sangyo"}' "$(version 1-1-1-01)"
call "$P" PUT /api/v1/kpis/1-1-2-01/department '{"department":"sangyo"}' "$(version 1-1-2-01)"
call "$S" POST /api/v1/kpis/1-1-1-01/actuals '{"fiscalYear":2015,"value":8,"note":"速報値"}'
call "$S" PUT /api/v1/kpis/1-1-1-01/actuals/2015 '{"value":9,"reason":"確定値に訂正"}' "$(version 1-1-1-01)"
call "$S" POST /api/v1/kpis/1-1-1-01/actuals '{"fiscalYear":2016,"value":12}'
call "$P" PUT /api/v1/kpis/1-1-1-01/target \
    '{"fiscalYear":2019,"value":25,"comparator":"AT_LEAST","reason":"上方修正","decisionReference":"推進委員会 2017-03"}' \
    "$(version 1-1-1-01)"
call "$P" POST /api/v1/kpis '{"kpiId":"golden-01","department":"sangyo","name":"創業相談の満足度","unit":"%",
    "accumulation":"ANNUAL","direction":"INCREASE","baseline":{"fiscalYear":"平成26年度","qualifier":"—"},
    "target":{"fiscalYear":"平成31年度","value":80,"comparator":"AT_LEAST"},
    "strategy":{"planId":"shinagawa-2015","policyCode":"1-1","measureNumber":1}}'
call "$S" POST /api/v1/kpis/golden-01/actuals '{"fiscalYear":2015,"value":62.5}'
call "$P" POST /api/v1/strategies/shinagawa-2015/scoring-policies '{"policyId":"sabc","version":1,"effectiveFrom":"H30"}'
call "$P" PUT /api/v1/kpis/golden-01/placement '{"planId":"shinagawa-2015","policyCode":"1-1","measureNumber":2}' \
    "$(version golden-01)"
call iin:iin-committee-2015 POST /api/v1/publications '{"title":"平成27年度 効果検証"}'
stop

# A run with the chain switched off stores one event unchained; the next start names it, an administrator
# acknowledges it: the store then holds every event type, the acknowledgement included.
start --kpi-ledger.integrity.hash-chain=false
call "$S" POST /api/v1/kpis/1-1-2-01/actuals '{"fiscalYear":2015,"value":3}'
stop
# (this release cannot load its catalog at start while a break is unacknowledged: start it without one)
KPI_LEDGER_CATALOG= start
call "$A" POST /api/v1/integrity/acknowledgements '{"reason":"2016-05 の保守作業でハッシュチェーンを止めて記録した 1 件"}'
call kansa:kansa-audit-2015 POST /api/v1/integrity/checkpoints ''

K=kansa:kansa-audit-2015
get() { curl -s -u "$K" "localhost:$port$1" | jq -S . > "$out/views/$2.json"; }
sleep 3
get "/api/v1/kpis?limit=500" kpis
for kpi in 1-1-1-01 1-1-2-01 golden-01; do
    get "/api/v1/kpis/$kpi" "kpi-$kpi"
    get "/api/v1/kpis/$kpi/history" "history-$kpi"
done
get /api/v1/strategies/shinagawa-2015 strategy
get "/api/v1/audit/events?limit=500" audit
get /api/v1/integrity integrity
curl -s "localhost:$port/api/v1/integrity/public-key" > "$out/public-key.txt"

url=$(grep -o 'jdbc:postgresql://[^ ?]*' "$work/ledger.log" | tail -1); hostport=${url#jdbc:postgresql://}
hostport=${hostport%%/*}
export PGHOST=${hostport%:*} PGPORT=${hostport#*:} PGUSER=postgres PGDATABASE=postgres
psql -qAtc "select max(version::int) from flyway_schema_history" > "$out/schema-version.txt"
for table in domain_event_entry event_chain integrity_checkpoint snapshot_event_entry user_account user_account_change; do
    psql -qc "\\copy (select * from $table order by 1) to '$out/tables/$table.copy'"
done
psql -qAtc "select last_value from domain_event_global_index_seq" > "$out/tables/global-index.txt"
stop
cp "$work/signing-key.pem" "$out/signing-key.pem"
echo "$release" > "$out/release.txt"
echo "captured $release in $out: $(wc -l < "$out/tables/domain_event_entry.copy") events"
