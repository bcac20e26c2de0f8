#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server on loopback for the PostgreSQL store's tests and benchmarks.
#
#   eval "$(scripts/postgres-dev.sh start)"   # starts it; prints `export ARTIFACTGRAPH_POSTGRES=...`
#   scripts/postgres-dev.sh stop              # stops it and deletes its data
#   scripts/postgres-dev.sh status
#
# Everything lives in one folder, PGDEV_DIR (default ${TMPDIR:-/tmp}/artifactgraph-pg): the cluster,
# its log, and its unix socket, so nothing touches a system PostgreSQL. The port is PGDEV_PORT (default
# 55432) or the next free one. Only 127.0.0.1 listens, with trust authentication: a test database on a
# developer machine or CI, never a deployment (docker-compose.yml is the deployable setup).
# initdb refuses to run as root, so under root the server runs as the `postgres` user.
set -euo pipefail

bin="${PGDEV_BIN:-/usr/lib/postgresql/15/bin}"
dir="${PGDEV_DIR:-${TMPDIR:-/tmp}/artifactgraph-pg}"
data="$dir/data"

log() { echo "postgres-dev: $*" >&2; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

connection_string() { echo "Host=127.0.0.1;Port=$(cat "$dir/port");Username=postgres;Database=postgres"; }

ensure_installed() {
  if [ -x "$bin/postgres" ]; then
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL 15 is not installed at $bin (apt-get install postgresql-15, or set PGDEV_BIN)"
    exit 1
  fi
  log "installing postgresql-15"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
}

is_running() { [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

start() {
  ensure_installed
  if is_running; then
    log "already running in $dir"
    echo "export ARTIFACTGRAPH_POSTGRES='$(connection_string)'"
    return
  fi

  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"

  if [ ! -f "$data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
  fi

  local port="${PGDEV_PORT:-55432}"
  while port_in_use "$port"; do
    port=$((port + 1))
  done
  echo "$port" >"$dir/port"

  # fsync/full_page_writes/synchronous_commit off: a crash of this throwaway server may lose or corrupt
  # its data, which the tests recreate anyway; commits then cost no disk flush, so CI is not bound by
  # the disk and the store's own transaction logic is what the tests time. Never use these in production.
  as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start -o \
    "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" >&2 ||
    { cat "$dir/server.log" >&2; exit 1; }

  for _ in $(seq 1 60); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      log "ready on 127.0.0.1:$port (data in $dir)"
      echo "export ARTIFACTGRAPH_POSTGRES='$(connection_string)'"
      return
    fi
    sleep 0.5
  done
  log "the server did not become ready"
  cat "$dir/server.log" >&2
  exit 1
}

stop() {
  if is_running; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if is_running; then log "running: $(connection_string)"; else log "not running"; exit 3; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
