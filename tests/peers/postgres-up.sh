#!/usr/bin/env bash
# Test peer: a throwaway PostgreSQL cluster on 127.0.0.1 for the PostgreSQL storage tests.
# Prints KEY=value lines on stdout (nothing else goes there), for example:
#   set -a; eval "$(bash tests/peers/postgres-up.sh)"; set +a; npx vitest run tests/integration/postgres-
# Needs: apt-get install postgresql (Debian 12 ships 15; any version >= 13 found under /usr/lib/postgresql works).
#
#   postgres-up.sh            start (or find running) and print BYLINE_TEST_PG and BYLINE_TEST_PG_DATA
#   postgres-up.sh --restart  restart the cluster in place (the reconnect test uses this), then print the same
#
# Settings (environment): BYLINE_PG_PORT (default 55432; the next free port is taken when it is busy and was
# not asked for), BYLINE_PG_DATA (default /tmp/byline-pg), BYLINE_PG_PASSWORD (default byline-test),
# BYLINE_PG_MAX_CONNECTIONS (default 300: the newsroom bench's 50 workstations hold a pool and a listener
# each; a running cluster takes a new value only when it is (re)started by this script).
# BYLINE_PG_DURABLE=1 (fsync on; the default is off, as a test cluster needs no durability).
# A data directory from an earlier run is reused with the port it was created with: running this twice is safe.
set -eu

DATA=${BYLINE_PG_DATA:-${BYLINE_TEST_PG_DATA:-/tmp/byline-pg}}
PASSWORD=${BYLINE_PG_PASSWORD:-byline-test}
MAX_CONNECTIONS=${BYLINE_PG_MAX_CONNECTIONS:-300}
# Tests run without fsync (a throwaway cluster); BYLINE_PG_DURABLE=1 turns it back on, for benchmarks
# whose save latency must include the flush a real server does.
DURABLE_OPTS=""
if [ "${BYLINE_PG_DURABLE:-0}" = 1 ]; then DURABLE_OPTS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"; fi
MODE=${1:-up}

say() { echo "postgres-up: $*" >&2; }

find_bin() {
  if [ -n "${BYLINE_PG_BIN:-}" ]; then echo "$BYLINE_PG_BIN"; return; fi
  # The newest installed major version; pg_config would name the client's, which may have no server.
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  say "no PostgreSQL server found: apt-get install postgresql"; exit 1
}
BIN=$(find_bin)

# PostgreSQL refuses to run as root. Use the Debian package's 'postgres' account, or make one.
RUN_AS=""
if [ "$(id -u)" = 0 ]; then
  RUN_AS=postgres
  if ! id "$RUN_AS" >/dev/null 2>&1; then
    RUN_AS=byline-pg
    id "$RUN_AS" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
  fi
fi
as_owner() {
  if [ -n "$RUN_AS" ]; then
    # runuser keeps no controlling terminal or PAM session; cd / so the account need not read our cwd.
    (cd / && runuser -u "$RUN_AS" -- "$@")
  else
    "$@"
  fi
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

print_env() {
  local port
  port=$(cat "$DATA/byline-port")
  echo "BYLINE_TEST_PG=postgres://byline:${PASSWORD}@127.0.0.1:${port}/byline"
  echo "BYLINE_TEST_PG_DATA=${DATA}"
}

start_server() {
  local port
  port=$(cat "$DATA/byline-port")
  # The server's output goes to a log file: a pipe left open would keep whoever reads our stdout waiting.
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DATA -c max_connections=$MAX_CONNECTIONS $DURABLE_OPTS" start >/dev/null
}

psql_admin() {
  as_owner psql -X -q -v ON_ERROR_STOP=1 -h "$DATA" -p "$(cat "$DATA/byline-port")" -U postgres -d postgres "$@"
}

if [ "$MODE" = "--restart" ]; then
  if [ ! -f "$DATA/byline-port" ]; then say "no cluster in $DATA: run postgres-up.sh first"; exit 1; fi
  if running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
  fi
  start_server
  print_env
  exit 0
fi

if running; then
  print_env
  exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  PORT=${BYLINE_PG_PORT:-55432}
  if port_busy "$PORT"; then
    if [ -n "${BYLINE_PG_PORT:-}" ]; then say "port $PORT is in use"; exit 1; fi
    for p in $(seq $((PORT + 1)) $((PORT + 100))); do
      if ! port_busy "$p"; then PORT=$p; break; fi
    done
    if port_busy "$PORT"; then say "no free port near $PORT"; exit 1; fi
  fi
  rm -rf "$DATA"
  mkdir -p "$DATA"
  [ -n "$RUN_AS" ] && chown "$RUN_AS" "$DATA"
  chmod 700 "$DATA"
  # Superuser over the socket in the data directory only (trust); everyone else over TCP with a password.
  # UTF8 with the C.UTF-8 locale: Hangul must be letters to the text-search parser, whatever the host locale.
  as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$DATA.initdb.log" 2>&1 || {
    say "initdb failed, see $DATA.initdb.log"; exit 1; }
  echo "$PORT" | as_owner tee "$DATA/byline-port" >/dev/null
  # A test cluster: durability is the tests' business only in what they check, and fsync costs minutes in CI.
  as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<CONF
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
CONF
elif [ ! -f "$DATA/byline-port" ]; then
  say "$DATA holds a cluster this script did not make; set BYLINE_PG_DATA elsewhere"; exit 1
fi

rm -f "$DATA/postmaster.pid"
start_server

psql_admin <<SQL
SELECT 'CREATE ROLE byline LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'byline') \gexec
ALTER ROLE byline PASSWORD '${PASSWORD}';
SELECT 'CREATE DATABASE byline OWNER byline' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'byline') \gexec
SQL

print_env
