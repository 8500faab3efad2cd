#!/usr/bin/env bash
# Crash check for live co-editing (docs/co-editing.md): an editor types into a clause in headless Chromium, the
# server (JVM and its PostgreSQL) is killed with SIGKILL in the middle of the burst, the server is started again, and
# the clause in the latest Git version must hold every edit the browser had seen acknowledged.
#
# Usage: docs/crash-check.sh [port]     (from the repository root; needs target/classes, i.e. ./mvnw -o -q test-compile)
set -euo pipefail
PORT=${1:-8101}
WORK=${CRASH_DIR:-/tmp/coedit-crash}
BASE=http://localhost:$PORT
rm -rf "$WORK" && mkdir -p "$WORK"
[ -f target/test-cp.txt ] || ./mvnw -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-cp.txt
CP="target/classes:target/test-classes:$(cat target/test-cp.txt)"

start_server() {
  java -Xmx768m -cp "$CP" org.draftroom.DraftroomApplication --spring.profiles.active=demo --server.port="$PORT" \
       --draftroom.data-dir="$WORK/data" --draftroom.drafts-repo="$WORK/repo" --draftroom.demo.large-project=false \
       --vaadin.launch-browser=false >>"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 180); do
    curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "server did not start, see $WORK/server.log"; exit 1
}

scope_body() {  # the body of the clause {#scope} in the latest version, through the REST API
  local token
  token=$(curl -fs -u editor2:draftroom-demo -X POST -H 'Content-Type: application/json' -d '{"name":"crash-check"}' \
          "$BASE/api/v1/tokens" | sed -E 's/.*"(drt_[^"]+)".*/\1/')
  curl -fs -H "Authorization: Bearer $token" "$BASE/api/v1/projects/gbt-35273/draft" \
    | awk '/^# 范围 \{#scope\}/{on=1; next} /^# /{on=0} on'
}

echo "== start"; start_server; echo "server pid $SERVER"
java -cp "$CP" org.draftroom.editing.crash.CrashTypist "$BASE" editor2 draftroom-demo gbt-35273 范围 \
     "$WORK/acknowledged.txt" 60 >"$WORK/typist.log" 2>&1 &
TYPIST=$!
until grep -q typing "$WORK/typist.log" 2>/dev/null; do sleep 1; done
sleep 12
PG=$(head -1 "$WORK/data/postgres/postmaster.pid")
echo "== SIGKILL server JVM $SERVER and PostgreSQL $PG while typing"
kill -9 "$SERVER" "$PG"
sleep 1
kill "$TYPIST" 2>/dev/null || true
wait "$TYPIST" 2>/dev/null || true
ACKED=$(cat "$WORK/acknowledged.txt")
LAST=$(grep -o 'w[0-9]\{4\}' <<<"$ACKED" | tail -1)
echo "last word the browser saw acknowledged: $LAST ($(grep -o 'w[0-9]\{4\}' <<<"$ACKED" | wc -l) words)"
echo "journal rows before restart are in $WORK/data/postgres (killed, recovered by PostgreSQL at start)"

echo "== restart"; start_server; echo "server pid $SERVER"
grep -h "Replayed" "$WORK/server.log" | tail -3 || true
BODY=$(scope_body)
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
MISSING=0
for w in $(grep -o 'w[0-9]\{4\}' <<<"$ACKED"); do
  grep -q "$w" <<<"$BODY" || { echo "MISSING $w"; MISSING=$((MISSING+1)); }
done
if [[ "$BODY" == "$ACKED"* ]] && [ "$MISSING" -eq 0 ]; then
  echo "PASS: the restarted draft's clause starts with the acknowledged text ($(wc -c <<<"$ACKED") bytes); words after $LAST: $(grep -o 'w[0-9]\{4\}' <<<"${BODY#"$ACKED"}" | wc -l) (journalled, answer not seen)"
else
  echo "FAIL: $MISSING acknowledged words missing"; exit 1
fi
