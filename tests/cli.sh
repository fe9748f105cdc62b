#!/usr/bin/env bash
# The command line through each front door: the cargo binary, the wheel's console script and
# `npx blinksale` from the packed npm tarball. Against one mock, the read-only commands must
# print the same output and exit with the same code in all three; the writes must work in each.
# Needs a mock started with `--token demo-token --token ro-token:read`.
set -euo pipefail
bin="$CARGO_TARGET_DIR/$CARGO_BUILD_TARGET/release/blinksale"
app="$CARGO_TARGET_DIR/node-app"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

door() { # door NAME ARGS...: runs the CLI through one front door
  local name=$1; shift
  case "$name" in
    rust) "$bin" "$@" ;;
    python) "$PY_VENV/bin/blinksale" "$@" ;;
    node) (cd "$app" && npx --no blinksale "$@") ;;
  esac
}

cid=$("$bin" clients list --limit 1 -o jsonl | python3 -c 'import json, sys; print(json.loads(sys.stdin.readline())["id"])')
cases=(
  "clients list -o table"
  "invoices list --all -o csv"
  "clients list --all -o jsonl"
  "clients get $cid -o json"
  "contacts list --client $cid -o csv"
  "clients get missing"
  "clients create --field name=Zed --field email=not-an-email"
  "clients create --field name=Zed --field email=not-an-email -o json"
  "clients list --bogus"
  "invoices apply-payment --help"
  "completions bash"
)
mask() {
  sed -i -E -e 's/req_[0-9a-z]+/req_N/g' -e 's/"date":"[^"]*"/"date":"D"/g' \
    -e 's/"(x-ratelimit-remaining|x-ratelimit-reset)":"[0-9]+"/"\1":"N"/g' \
    -e 's/"(remaining|reset)":[0-9.]+/"\1":N/g' "$1"
}
for door_name in rust python node; do
  for i in "${!cases[@]}"; do
    # shellcheck disable=SC2086
    set +e; door "$door_name" ${cases[$i]} >"$out/$door_name.$i.out" 2>"$out/$door_name.$i.err"; echo $? >"$out/$door_name.$i.code"; set -e
    # Request ids, dates and the rate-limit state differ per request; everything else must match.
    mask "$out/$door_name.$i.err"
  done
  # The permission message and exit codes that need another token.
  set +e
  BLINKSALE_API_TOKEN=ro-token door "$door_name" invoices send x 2>"$out/$door_name.perm.err"; echo $? >"$out/$door_name.perm.code"
  BLINKSALE_API_TOKEN=wrong door "$door_name" units list 2>/dev/null; echo $? >"$out/$door_name.auth.code"
  set -e
  mask "$out/$door_name.perm.err"
done

failed=0
for f in "$out"/rust.*; do
  base=${f#"$out/rust."}
  for other in python node; do
    if ! cmp -s "$f" "$out/$other.$base"; then
      echo "FAIL: $other differs from rust for ${base}:" >&2
      diff "$f" "$out/$other.$base" | head -5 >&2
      failed=1
    fi
  done
done
expect_code() { [ "$(cat "$out/rust.$1.code")" = "$2" ] || { echo "FAIL: case $1 exited $(cat "$out/rust.$1.code"), expected $2" >&2; failed=1; }; }
expect_code 0 0; expect_code 1 0; expect_code 5 5; expect_code 6 6; expect_code 8 2; expect_code perm 4; expect_code auth 3
grep -q "needs the \`send\` permission" "$out/rust.perm.err" || { echo "FAIL: the 403 message does not name the permission" >&2; failed=1; }
rows=$(($(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))))' "$out/rust.1.out") - 1))
total=$("$bin" request GET /invoices --query per_page=1 | python3 -c 'import json, sys; print(json.load(sys.stdin)["meta"]["total"])')
[ "$rows" = "$total" ] || { echo "FAIL: CSV has $rows rows, meta.total is $total" >&2; failed=1; }

# The writes, once through each door.
for door_name in rust python node; do
  made=$(door "$door_name" clients create --field "name=CLI $door_name" --field email=cli@example.com -o json)
  python3 -c 'import json, sys; assert json.loads(sys.argv[1])["name"] == "CLI " + sys.argv[2]' "$made" "$door_name"
  draft=$(door "$door_name" invoices list --status DRAFT --limit 1 -o jsonl | python3 -c 'import json, sys; print(json.loads(sys.stdin.readline())["id"])')
  door "$door_name" invoices send "$draft" -o jsonl | python3 -c 'import json, sys; assert json.load(sys.stdin)["status"] == "SENT"'
  door "$door_name" invoices apply-payment "$draft" --field amount=10.25 -o jsonl | python3 -c 'import json, sys; assert str(json.load(sys.stdin)["payment"]["amount"]) == "10.25"'
  rid=$(door "$door_name" recurring-invoices list --limit 1 -o jsonl | python3 -c 'import json, sys; print(json.loads(sys.stdin.readline())["id"])')
  door "$door_name" recurring-invoices update-status "$rid" PAUSED -o jsonl | python3 -c 'import json, sys; assert json.load(sys.stdin)["status"] == "PAUSED"'
done

# A profile stored through each door is read back through the others (stdin, no shell token).
for door_name in rust python node; do
  cfg="$out/config-$door_name"
  (unset BLINKSALE_API_TOKEN; export BLINKSALE_CONFIG_DIR="$cfg"
    printf 'demo-token\n' | door "$door_name" auth login --profile "$door_name" --insecure-storage 2>/dev/null)
  for reader in rust python node; do
    got=$(unset BLINKSALE_API_TOKEN; export BLINKSALE_CONFIG_DIR="$cfg" BLINKSALE_PROFILE="$door_name"; door "$reader" auth token)
    [ "$got" = demo-token ] || { echo "FAIL: a profile stored through $door_name is not read back through $reader" >&2; failed=1; }
  done
done

# `blinksale mcp`: the same tools/list through each door, read by the official MCP client.
for door_name in rust python node; do
  case "$door_name" in
    rust) cmd=("$bin") ;;
    python) cmd=("$PY_VENV/bin/blinksale") ;;
    node) cmd=(npx --no blinksale) ;;
  esac
  "$PY_VENV/bin/python" "$(dirname "$0")/mcp_tools.py" "$app" "${cmd[@]}" mcp --allow write,send > "$out/mcp-$door_name.json"
done
tools=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$out/mcp-rust.json")
for door_name in python node; do
  cmp -s "$out/mcp-rust.json" "$out/mcp-$door_name.json" || { echo "FAIL: mcp tools/list differs through $door_name" >&2; failed=1; }
done

[ "$failed" = 0 ] || exit 1
echo "CLI: ${#cases[@]} commands + 2 token cases identical through the binary, the console script and npx; CSV rows = meta.total ($total); writes and auth profiles OK in all three; mcp tools/list ($tools tools) identical in all three"
