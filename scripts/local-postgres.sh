#!/usr/bin/env bash
# Starts this machine's PostgreSQL 15 (installed but stopped on a fresh machine) and makes sure a
# database exists for tests. Prints the URL to use. Usage: scripts/local-postgres.sh [dbname]
set -euo pipefail
db=${1:-kubelearn_test}
password=kubelearn-local
if ! command -v pg_ctlcluster >/dev/null; then
  echo "PostgreSQL is not installed (no pg_ctlcluster); install Debian's postgresql package" >&2
  exit 1
fi
version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
[ -n "$version" ] || { echo "no PostgreSQL cluster under /etc/postgresql" >&2; exit 1; }
if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  pg_ctlcluster "$version" main start >&2
fi
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
as_postgres "psql -qtAc \"ALTER USER postgres PASSWORD '$password'\"" >/dev/null
if [ "$(as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = '$db'\"")" != 1 ]; then
  as_postgres "createdb $db" >&2
fi
echo "postgresql://postgres:$password@127.0.0.1:5432/$db"
