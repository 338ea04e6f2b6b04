#!/usr/bin/env bash
# Fuzzes the real server against its own OpenAPI document with schemathesis, for .ci/run:
# on SQLite and on PostgreSQL, as a signed-in manager, as a paired kiosk and anonymously. Any
# 5xx, any status code the document does not list for the operation, and any body that does
# not match its schema fails the script. Needs python3 (venv is installed from Debian when
# missing) and, for PostgreSQL, TEST_DATABASE_URL (from .ci/postgres.env) and psql.
#
#   SCHEMATHESIS_MAX_EXAMPLES  test cases per operation for the manager (default 40; the
#                              kiosk's run gets half, the anonymous one a quarter: most of
#                              their answers are 401/403 before any logic)
#   SCHEMATHESIS_BACKENDS      "sqlite postgres" (default) or one of them
#   SCHEMATHESIS_SEED          replay a run's random choices (each report ends with its seed)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SCHEMATHESIS_VERSION=4.32.5
VENV=target/schemathesis-venv
MAX_EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-40}"
BACKENDS="${SCHEMATHESIS_BACKENDS:-sqlite postgres}"
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
if [ -z "${TEST_DATABASE_URL:-}" ] && [ -f .ci/postgres.env ]; then
  # shellcheck disable=SC1091
  source .ci/postgres.env
fi
TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

started=$SECONDS
log() { printf '\n== %s\n' "$*"; }

log "schemathesis $SCHEMATHESIS_VERSION (virtualenv in $VENV)"
if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip' 2>/dev/null; then
  echo "installing python3-venv (Debian package)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
fi
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -qF "$SCHEMATHESIS_VERSION"; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
"$VENV/bin/schemathesis" --version

log "server binary"
cargo build --locked --bin frontdesk
BIN=target/debug/frontdesk

# Each run's full report is kept in target/schemathesis/ for a closer look.
REPORTS=target/schemathesis
rm -rf "$REPORTS"
mkdir -p "$REPORTS"
work=$(mktemp -d)
server_pid=""
pg_db=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
drop_pg_db() {
  if [ -n "$pg_db" ]; then
    psql "$TEST_DATABASE_URL" -Atqc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true
    pg_db=""
  fi
}
cleanup() {
  stop_server
  drop_pg_db
  rm -rf "$work"
}
trap cleanup EXIT

# Signs in before any fuzzing (the fuzzer's wrong PINs may lock the demo logins afterwards,
# which refuses new logins but leaves these sessions valid): the manager, who stands in for
# staff (every staff route accepts a manager, and the manager's own routes get fuzzed too),
# with a step-up (5 minutes: the manager's run is well within it) and the register of lane-1
# (so the register's commands run past their principal); a kiosk paired to lane-1; then a
# check-in started on lane-1 so views and commands have a live session to show and act on.
# Prints shell assignments.
cat >"$work/credentials.py" <<'PY'
import json, sys, urllib.request

base = sys.argv[1]

def call(path, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method="POST")
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as resp:
        text = resp.read()
    return json.loads(text) if text else None

manager = call("/api/auth/login", {"login": "manager", "pin": "111111", "bearer": True})["token"]
call("/api/auth/step-up", {"pin": "111111"}, manager)
call("/api/lanes/lane-1/register/sign-in", {"device_key": "ci-schemathesis-register"}, manager)
code = call("/api/lanes/lane-1/pairing-codes", None, manager)["code"]
kiosk = call("/api/devices/pair", {"code": code, "name": "ci kiosk", "bearer": True})["token"]
customer = call("/api/customers", {"name": "Robin Q. Customer", "dob": "1990-04-02"}, manager)
call("/api/lanes/lane-1/sessions", {"customer_id": customer["id"]}, manager)
call("/api/lanes/lane-1/session/language", {"language": "EN"}, kiosk)
print(f"MANAGER_TOKEN={manager}")
print(f"KIOSK_TOKEN={kiosk}")
PY

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_ready() {
  local url=$1
  for _ in $(seq 1 120); do
    if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$url" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "the server exited during start-up"
      return 1
    fi
    sleep 0.5
  done
  echo "the server did not become ready"
  return 1
}

# The manager's run leaves out what would end its own token, register or the kiosk's pairing
# halfway through (the rest of the run would then only see 401/403): logout, deactivating a
# staff member, resetting a PIN, revoking a device, and both register sign-outs. The
# anonymous run still calls every operation. A kiosk cannot reach any of them.
SELF_DESTRUCTIVE='^/api/(auth/logout|staff/\{staff_id\}/(deactivate|pin)|devices/\{device_id\}/revoke|lanes/\{lane\}/register/(sign-out|force-sign-out))$'

failures=()
runs=0
fuzz() {
  local backend=$1 who=$2 examples=$3 schema=$4
  shift 4
  local out="$REPORTS/$backend-$who.txt" t0=$SECONDS status=0
  echo "-- $backend, as $who"
  runs=$((runs + 1))
  # from the reports' folder: schemathesis keeps its replay cache in ./.schemathesis
  (cd "$REPORTS" && "$ROOT/$VENV/bin/schemathesis" run "$schema" \
    --checks "$CHECKS" \
    --max-examples "$examples" \
    --phases examples,coverage,fuzzing \
    --workers 2 \
    --request-timeout 20 \
    --suppress-health-check all \
    --generation-database none \
    --no-color \
    --generation-allow-x00 true \
    ${SCHEMATHESIS_SEED:+--seed "$SCHEMATHESIS_SEED"} \
    "$@") >"$out" 2>&1 || status=$?
  # CPython 3.11's ast.parse can raise "AST constructor recursion depth mismatch" inside
  # Hypothesis' own bookkeeping (a crash of the tool, not a finding about the API): that one
  # run is repeated once, and only when the report holds no failed check.
  if [ "$status" -ne 0 ] && grep -q 'AST constructor recursion depth mismatch' "$out" && ! grep -qE '^- [A-Z]' "$out"; then
    echo "   schemathesis crashed inside CPython's ast (no failed check); running it again"
    status=0
    (cd "$REPORTS" && "$ROOT/$VENV/bin/schemathesis" run "$schema" \
      --checks "$CHECKS" --max-examples "$examples" --phases examples,coverage,fuzzing --workers 2 \
      --request-timeout 20 --suppress-health-check all --generation-database none --no-color \
      --generation-allow-x00 true ${SCHEMATHESIS_SEED:+--seed "$SCHEMATHESIS_SEED"} \
      "$@") >"$out" 2>&1 || status=$?
  fi
  # one line per failing operation and check, then schemathesis' own totals
  awk '/^____+ .* ____+$/ { op = $0; gsub(/^_+ | _+$/, "", op) }
       /^- [A-Z]/ && op != "" { sub(/^- /, ""); print "   FAIL " op ": " $0 }
       /^ *(Received|Documented):/ && op != "" { gsub(/^ +/, ""); print "        " $0 }
       /^ *curl / && op != "" { gsub(/^ +/, ""); print "        " $0 }
       /^=+ SUMMARY/ { exit }' "$out" | uniq | head -n 80
  grep -E '^ *[0-9]+ generated|^ *❌ ST|^=+ .* in [0-9.]+s =+$' "$out" | sed 's/^ */   /' || true
  echo "   ($((SECONDS - t0)) s, exit $status)"
  if [ "$status" -ne 0 ]; then
    failures+=("$backend as $who")
    echo "   full report: $out"
  fi
}

run_backend() {
  local backend=$1 url=$2 port base
  port=$(free_port)
  base="http://127.0.0.1:$port"
  log "$backend: frontdesk serve --demo on $base"
  DATABASE_URL="$url" FRONTDESK_ADDR="127.0.0.1:$port" FRONTDESK_ALLOWED_ORIGINS="$base" RUST_LOG=warn NO_COLOR=1 \
    "$BIN" serve --demo >"$work/server-$backend.log" 2>&1 &
  server_pid=$!
  if ! wait_ready "$base/readyz"; then
    tail -n 20 "$work/server-$backend.log"
    failures+=("$backend: server start")
    stop_server
    return
  fi
  local MANAGER_TOKEN="" KIOSK_TOKEN="" credentials
  if ! credentials=$(python3 "$work/credentials.py" "$base"); then
    tail -n 20 "$work/server-$backend.log"
    failures+=("$backend: signing in before fuzzing")
    stop_server
    return
  fi
  eval "$credentials"
  local schema="$base/api/openapi.json"
  fuzz "$backend" manager "$MAX_EXAMPLES" "$schema" -H "Authorization: Bearer $MANAGER_TOKEN" --exclude-path-regex "$SELF_DESTRUCTIVE"
  fuzz "$backend" kiosk $(((MAX_EXAMPLES + 1) / 2)) "$schema" -H "Authorization: Bearer $KIOSK_TOKEN"
  fuzz "$backend" anonymous $(((MAX_EXAMPLES + 3) / 4)) "$schema"
  stop_server
  # What the server logged as its own failures (causes of 500s), for the summary.
  if grep -q 'internal error' "$work/server-$backend.log"; then
    echo "-- $backend: internal errors the server logged (cause, count)"
    sed 's/\x1b\[[0-9;]*m//g' "$work/server-$backend.log" | grep 'internal error' | sed 's/.*error\.cause=//' | sort | uniq -c | sort -rn | head -n 20
  fi
}

for backend in $BACKENDS; do
  case "$backend" in
    sqlite)
      mkdir -p "$work/sqlite"
      run_backend sqlite "sqlite://$work/sqlite/frontdesk.db"
      ;;
    postgres)
      if ! command -v psql >/dev/null || ! psql "$TEST_DATABASE_URL" -Atqc 'select 1' >/dev/null 2>&1; then
        echo "NOTICE: no PostgreSQL answers at TEST_DATABASE_URL${CI:+ (a failure under CI)}"
        [ "${CI:-}" = true ] && failures+=("postgres: no server")
        continue
      fi
      pg_db="fd_schemathesis_$$"
      psql "$TEST_DATABASE_URL" -Atqc "CREATE DATABASE $pg_db" >/dev/null
      run_backend postgres "${TEST_DATABASE_URL%/*}/$pg_db"
      drop_pg_db
      ;;
    *) echo "unknown backend $backend"; exit 2 ;;
  esac
done

log "schemathesis summary ($((SECONDS - started)) s)"
if [ "${#failures[@]}" -gt 0 ]; then
  printf 'FAILED: %s\n' "${failures[@]}"
  exit 1
fi
echo "$runs runs passed: $CHECKS"
