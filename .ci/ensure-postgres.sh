#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with trust auth for local TCP connections and has the
# "test" database the services' tests use. Starts the installed cluster if it is down; installs PostgreSQL from
# Debian's packages when there is none.
set -euo pipefail

ready() {
  pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null
}

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not installed; installing it from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q postgresql >/dev/null
fi

version="$(ls /etc/postgresql | sort -V | tail -1)"
hba="/etc/postgresql/$version/main/pg_hba.conf"
if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
  echo "allowing trust auth for local TCP connections in $hba" >&2
  sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  ready && pg_ctlcluster --skip-systemctl-redirect "$version" main reload
fi

if ! ready; then
  echo "starting PostgreSQL $version" >&2
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do
    ready && break
    sleep 1
  done
  ready || { echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2; exit 1; }
fi

if ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE test"
fi
echo "PostgreSQL $version ready on 127.0.0.1:5432"
