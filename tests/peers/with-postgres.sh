#!/usr/bin/env bash
# Runs a command with BYLINE_TEST_PG set: the server already named in the environment, or a throwaway
# cluster started by postgres-up.sh. Where PostgreSQL is not installed the command is not run and a
# message says so (CI installs it: .ci/run).
set -eu
here=$(dirname "$0")
if [ -z "${BYLINE_TEST_PG:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
    echo "PostgreSQL tests skipped: no PostgreSQL server installed here (apt-get install postgresql), so the shared-newsroom run did not happen." >&2
    exit 0
  fi
  set -a
  eval "$(bash "$here/postgres-up.sh")"
  set +a
fi
exec "$@"
