#!/usr/bin/env bash
# mypy --strict against the installed wheel: tests/typing/python/ok.py must pass, and each
# bad_*.py must fail with the error its `# expect:` comment names.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mypy=("$PY_VENV/bin/python" -m mypy --strict --no-incremental)
cd "$PY_VENV"
"${mypy[@]}" "$root/tests/typing/python/ok.py"
for bad in "$root"/tests/typing/python/bad_*.py; do
  want=$(sed -n 's/.*# expect: //p' "$bad")
  if out=$("${mypy[@]}" "$bad" 2>&1); then
    echo "FAIL: mypy accepted $(basename "$bad")"; exit 1
  fi
  grep -q "\[$want\]" <<<"$out" || { echo "FAIL: $(basename "$bad") failed without [$want]:"; echo "$out"; exit 1; }
  echo "ok: mypy rejects $(basename "$bad") [$want]"
done
