#!/usr/bin/env bash
# Node suite: builds the addon, packs the npm package, installs the tarball into a fresh
# folder as a user would, and runs node's test runner and tsc there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pkg="$root/bindings-node"
app="$CARGO_TARGET_DIR/node-app"
(cd "$pkg" && { [ -f node_modules/.installed ] || { npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed; }; } && npm run build --silent)
rm -rf "$app" && mkdir -p "$app"
tarball=$(cd "$pkg" && npm pack --silent --pack-destination "$app")
cd "$app"
echo '{"name": "blinksale-app", "private": true}' > package.json
npm install --no-audit --no-fund --loglevel=error "./$tarball"
[ "${1:-}" = "--build-only" ] && exit 0
cp -r "$pkg/tests" .
node --test tests/
"$root/tests/typing-node.sh" "$pkg/node_modules"
