#!/usr/bin/env bash
# tsc --strict against the installed package, run in the folder it is installed in:
# tests/typing/node/ok.ts must compile, for both `require` (node16 CommonJS) and `import`
# resolution, and each bad_*.ts must fail with the error its `// expect:` comment names.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
modules="$1"
tsc=("$modules/.bin/tsc" --noEmit --strict --target es2022 --types node --typeRoots "$modules/@types")
mkdir -p typing && cp "$root"/tests/typing/node/*.ts typing/
cp typing/ok.ts typing/ok.mts
"${tsc[@]}" --module nodenext --moduleResolution nodenext typing/ok.ts typing/ok.mts
"${tsc[@]}" --module commonjs --moduleResolution node10 typing/ok.ts
echo "ok: tsc --strict compiles ok.ts (import and require)"
for bad in typing/bad_*.ts; do
  want=$(sed -n 's/.*\/\/ expect: //p' "$bad")
  if out=$("${tsc[@]}" --module nodenext --moduleResolution nodenext "$bad" 2>&1); then
    echo "FAIL: tsc accepted $(basename "$bad")"; exit 1
  fi
  grep -q "$want" <<<"$out" || { echo "FAIL: $(basename "$bad") failed without $want:"; echo "$out"; exit 1; }
  echo "ok: tsc rejects $(basename "$bad") ($want)"
done
