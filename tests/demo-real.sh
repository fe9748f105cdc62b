#!/usr/bin/env bash
# `make demo REAL=1`: the read-only example (list clients) against the real API.
set -euo pipefail
: "${BLINKSALE_API_TOKEN:?set BLINKSALE_API_TOKEN to a token with the read permission}"
export BLINKSALE_BASE_URL="${BLINKSALE_BASE_URL:-https://app.blinksale.com/api/v1}"
bin="$CARGO_TARGET_DIR/$CARGO_BUILD_TARGET/release"
echo "== Rust ==";   "$bin/list_clients"
echo "== Python =="; "$PY_VENV/bin/python" examples/python/list_clients.py
echo "== Node ==";   mkdir -p "$CARGO_TARGET_DIR/node-app/examples" && cp examples/node/*.mjs "$CARGO_TARGET_DIR/node-app/examples/"
node "$CARGO_TARGET_DIR/node-app/examples/list_clients.mjs"
