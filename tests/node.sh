#!/usr/bin/env bash
# Node suite: builds the addon, packs the main package and this platform's binary package the
# way they are published, installs both tarballs into a fresh folder offline, as a user's
# machine would get them from the registry, and runs node's test runner and tsc there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pkg="$root/bindings-node"
app="$CARGO_TARGET_DIR/node-app"
(cd "$pkg" && { [ -f node_modules/.installed ] || { npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed; }; } && npm run build --silent)
# The binary goes into its platform package (npm/<platform>/), as napi's release flow does.
node_file=$(cd "$pkg" && ls blinksale.*.node | head -1)
platform=${node_file#blinksale.}
platform=${platform%.node}
[ -f "$pkg/npm/$platform/package.json" ] || { echo "no npm/$platform package for $node_file"; exit 1; }
cp "$pkg/$node_file" "$pkg/npm/$platform/"
rm -rf "$app" && mkdir -p "$app"
# The main package as published: `napi prepublish` adds the platform packages as
# optionalDependencies, which cannot be in the repository's lockfile before they exist.
stage="$CARGO_TARGET_DIR/node-stage"
rm -rf "$stage" && mkdir -p "$stage"
(cd "$pkg" && cp -rL dist index.mjs index.d.mts native.js native.d.ts README.md LICENSE package.json "$stage/")
node -e '
  const fs = require("fs"), path = process.argv[1], pkg = JSON.parse(fs.readFileSync(path));
  const dirs = fs.readdirSync(process.argv[2]);
  pkg.optionalDependencies = Object.fromEntries(dirs.map((d) => [`${pkg.napi.packageName}-${d}`, pkg.version]));
  fs.writeFileSync(path, JSON.stringify(pkg, null, 2) + "\n");' "$stage/package.json" "$pkg/npm"
main=$(cd "$stage" && npm pack --silent --pack-destination "$app")
binary=$(cd "$pkg/npm/$platform" && npm pack --silent --pack-destination "$app")
cd "$app"
echo '{"name": "blinksale-app", "private": true}' > package.json
# Offline: the other platforms' optional packages are skipped, this one comes from its tarball.
# The tests' OpenTelemetry packages come at the lockfile's versions (npm ci cached them).
otel=$(node -e 'const d = require(process.argv[1]).devDependencies;
  console.log(Object.keys(d).filter((n) => n.startsWith("@opentelemetry/")).map((n) => `${n}@${d[n]}`).join(" "))' "$pkg/package.json")
# shellcheck disable=SC2086
npm install --offline --no-audit --no-fund --loglevel=error "./$binary" "./$main" $otel
[ "${1:-}" = "--build-only" ] && exit 0
cp -r "$pkg/tests" .
node --test tests/
"$root/tests/typing-node.sh" "$pkg/node_modules"
# Without OpenTelemetry installed: it loads, sends no trace header, and loads no OpenTelemetry.
plain="$CARGO_TARGET_DIR/node-app-plain"
rm -rf "$plain" && mkdir -p "$plain" && cd "$plain"
echo '{"name": "blinksale-plain", "private": true}' > package.json
npm install --offline --no-audit --no-fund --loglevel=error "$app/$binary" "$app/$main"
cp "$pkg/tests/plain/without-otel.cjs" . && node without-otel.cjs
# Without its platform package, the error names the package to install.
bare="$CARGO_TARGET_DIR/node-app-bare"
rm -rf "$bare" && mkdir -p "$bare" && cd "$bare"
echo '{"name": "blinksale-bare", "private": true}' > package.json
npm install --offline --omit=optional --no-audit --no-fund --loglevel=error "$app/$main"
if out=$(node -e "require('blinksale')" 2>&1); then echo "FAIL: loaded without a binary"; exit 1; fi
grep -q "npm install @blinksale/blinksale-$platform@" <<<"$out" || { echo "FAIL: the loader does not name the package:"; echo "$out"; exit 1; }
echo "ok: without @blinksale/blinksale-$platform, the error says to install it"
