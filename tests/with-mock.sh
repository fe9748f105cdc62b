#!/usr/bin/env bash
# Runs a command against a fresh blinksale-mock on a free port, then stops the mock.
# The command sees BLINKSALE_BASE_URL and BLINKSALE_API_TOKEN. Extra mock flags go in MOCK_FLAGS.
set -euo pipefail
mock="${MOCK_BIN:?MOCK_BIN must name the blinksale-mock binary}"
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
# shellcheck disable=SC2086
"$mock" --port 0 --port-file "$dir/port" ${MOCK_FLAGS:-} >"$dir/log" 2>&1 &
pid=$!
for _ in $(seq 1 200); do [ -s "$dir/port" ] && break; sleep 0.05; done
[ -s "$dir/port" ] || { cat "$dir/log" >&2; echo "blinksale-mock did not start" >&2; exit 1; }
export BLINKSALE_BASE_URL="http://127.0.0.1:$(cat "$dir/port")/api/v1"
export BLINKSALE_API_TOKEN="${BLINKSALE_API_TOKEN:-demo-token}"
"$@"
