#!/usr/bin/env bash
# Stops the Ghost that ghost-up.sh started (by the pid it recorded); the install and its content stay for next time.
set -eu
DIR=${BYLINE_GHOST_DIR:-/var/tmp/byline-ghost}
[ -f "$DIR/ghost.pid" ] || exit 0
pid=$(cat "$DIR/ghost.pid")
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
fi
rm -f "$DIR/ghost.pid"
