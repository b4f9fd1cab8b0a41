#!/usr/bin/env bash
# Stops the test cluster postgres-up.sh started. With --purge also removes its data directory.
# Settings as postgres-up.sh: BYLINE_PG_DATA (default /tmp/byline-pg), BYLINE_PG_BIN.
set -eu

DATA=${BYLINE_PG_DATA:-${BYLINE_TEST_PG_DATA:-/tmp/byline-pg}}

BIN=${BYLINE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)}
[ -n "$BIN" ] && [ -x "$BIN/pg_ctl" ] || BIN=$(dirname "$(command -v pg_ctl)")

as_owner() {
  if [ "$(id -u)" = 0 ] && [ -d "$DATA" ]; then
    (cd / && runuser -u "$(stat -c %U "$DATA")" -- "$@")
  else
    "$@"
  fi
}

if [ -f "$DATA/postmaster.pid" ]; then
  as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true
fi
if [ "${1:-}" = "--purge" ]; then
  # Only a directory postgres-up.sh made: never a cluster someone else keeps under that name.
  if [ -f "$DATA/byline-port" ]; then rm -rf "$DATA" "$DATA.initdb.log"; fi
fi
