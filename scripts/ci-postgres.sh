#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1 for the tracking service's tests and benchmark.
# Usage: eval "$(bash scripts/ci-postgres.sh)"   (stdout is only the export line; progress goes to stderr)
# Installs Debian's postgresql package when no server binaries are found. Idempotent: a cluster
# already running in PG_CI_DIR is reused. Stop it with: bash scripts/ci-postgres.sh stop
set -euo pipefail

PG_CI_DIR="${PG_CI_DIR:-/tmp/tracking-tokens-postgres}"
PG_CI_PORT="${PG_CI_PORT:-54329}"
DB_NAME="${PG_CI_DB:-tracking}"
DB_USER="${PG_CI_USER:-tracking}"
DB_PASSWORD="${PG_CI_PASSWORD:-tracking-ci}"

log() { echo "ci-postgres: $*" >&2; }

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

BIN="$(find_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  log "installing postgresql from Debian's packages"
  if [ "$(id -u)" -ne 0 ]; then log "not root: cannot apt-get install postgresql"; exit 1; fi
  # The package's own service start fails harmlessly in containers without an init system.
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  BIN="$(find_bin)"
  [ -n "$BIN" ] && [ -x "$BIN/initdb" ] || { log "postgresql binaries not found after install"; exit 1; }
fi

# PostgreSQL refuses to run as root: as root, run the server as the postgres user.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_owner() { runuser -u postgres -- "$@"; }
  OWNER=postgres
else
  as_owner() { "$@"; }
  OWNER="$(id -un)"
fi

DATA="$PG_CI_DIR/data"
SOCK="$PG_CI_DIR/socket"

if [ "${1:-}" = "stop" ]; then
  [ -d "$DATA" ] && as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >&2 || true
  exit 0
fi

mkdir -p "$PG_CI_DIR" "$SOCK"
chown "$OWNER" "$PG_CI_DIR" "$SOCK"

if [ ! -s "$DATA/PG_VERSION" ]; then
  log "initdb in $DATA"
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
fi

if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "starting on 127.0.0.1:$PG_CI_PORT"
  # max_connections: the tests run several service instances, each with its own pool.
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$PG_CI_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_CI_PORT -k $SOCK -c max_connections=200" start >&2
fi

psql_admin() { as_owner "$BIN/psql" -h "$SOCK" -p "$PG_CI_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != "1" ]; then
  psql_admin -c "CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\"" >&2
fi

log "ready: database $DB_NAME on 127.0.0.1:$PG_CI_PORT"
echo "export DATABASE_URL=postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_CI_PORT/$DB_NAME"
