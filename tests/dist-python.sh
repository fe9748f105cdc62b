#!/usr/bin/env bash
# The Python release artifacts: auditwheel must call the wheel manylinux_2_17 (manylinux2014),
# and the wheel and the sdist (built from source here) must install into fresh venvs and run.
set -euo pipefail
dist="$CARGO_TARGET_DIR/dist/python"
wheel=$(ls "$dist"/blinksale-*.whl)
sdist=$(ls "$dist"/blinksale-*.tar.gz)
echo "wheel: $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"
"$VENV/bin/auditwheel" show "$wheel" | tee "$dist/auditwheel.txt"
grep -q '"manylinux_2_17_x86_64"\|"manylinux_2_17_aarch64"' "$dist/auditwheel.txt" || { echo "FAIL: not manylinux_2_17"; exit 1; }
smoke='
import blinksale
from blinksale.testing import MockServer
with MockServer(seed=5) as mock:
    client = blinksale.Client(mock.token, base_url=mock.url)
    assert len(client.clients.list().data) > 0
    print("ok", blinksale.__version__)
'
for artifact in "$wheel" "$sdist"; do
  venv=$(mktemp -d)
  python3 -m venv "$venv"
  # The sdist builds from source with Rust; CARGO_TARGET_DIR lets it reuse this build's crates.
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$artifact"
  (cd "$venv" && bin/python -c "$smoke")
  echo "ok: $(basename "$artifact") installs into a fresh venv and runs"
  rm -rf "$venv"
done
