#!/usr/bin/env bash
# Makes a PostgreSQL answer on 127.0.0.1:5432 and writes .ci/postgres.env with the URL the
# tests use: the server already running if any, else the local cluster started, else one
# installed from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")"

answers() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
start_cluster() {
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "$version" ] || return 1
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
}
wait_until_up() {
  for _ in $(seq 1 60); do answers && return 0; sleep 0.5; done
  return 1
}

if ! answers; then
  echo "no PostgreSQL on 127.0.0.1:5432; starting the local cluster"
  start_cluster && wait_until_up || true
fi
if ! answers; then
  echo "installing PostgreSQL from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  start_cluster
  wait_until_up
fi

url="postgres://postgres@127.0.0.1:5432/postgres"
if ! psql "$url" -Atqc 'select 1' >/dev/null 2>&1; then
  # A fresh Debian cluster wants a password over TCP: give the postgres role one.
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\""
  url="postgres://postgres:postgres@127.0.0.1:5432/postgres"
fi
psql "$url" -Atqc 'select version()'
echo "export TEST_DATABASE_URL='$url'" > postgres.env
