#!/usr/bin/env bash
# Stops what bench/kannel/start-kannel.sh started (by the ids it recorded, children first).
set -uo pipefail
STATE_DIR=${1:?usage: stop-kannel.sh <state dir>}
[ -f "$STATE_DIR/pids" ] || exit 0
while read -r pid; do
  pkill -TERM -P "$pid" 2>/dev/null
  kill -TERM "$pid" 2>/dev/null
done < "$STATE_DIR/pids"
rm -f "$STATE_DIR/pids"
