#!/usr/bin/env bash
# schemathesis runs spec/openapi.yaml against the mock (started by tests/with-mock.sh).
set -euo pipefail
exec "$VENV/bin/st" --config-file spec/schemathesis.toml run spec/openapi.yaml \
  --url "$BLINKSALE_BASE_URL" -H "Authorization: Bearer $BLINKSALE_API_TOKEN" \
  --workers 1 --max-examples "${ST_EXAMPLES:-30}" --seed "${ST_SEED:-20261127}" --no-color
