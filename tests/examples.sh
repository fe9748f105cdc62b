#!/usr/bin/env bash
# Runs the examples against a fresh mock each and checks their output: key values and exit
# status. Called by `make test` (via tests/with-mock.sh, which sets the env they read).
set -euo pipefail
lang="${1:?usage: examples.sh rust|python|node|php}"
bin="$CARGO_TARGET_DIR/$CARGO_BUILD_TARGET/release"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0 failed=0
check() { # name, file, pattern...
  local name=$1 file=$2; shift 2
  for pattern in "$@"; do
    if ! grep -qE -- "$pattern" "$file"; then
      echo "FAIL $name: output lacks /$pattern/"; sed 's/^/    /' "$file"; failed=$((failed+1)); return
    fi
  done
  echo "ok   $name"; passed=$((passed+1))
}
errors_check() { # name, command...
  local name=$1; shift
  MOCK_FLAGS="--token demo-token --token readonly-token:read --rate-limit 10 --window 2" \
    BLINKSALE_READONLY_TOKEN=readonly-token "$(dirname "$0")/with-mock.sh" "$@" > "$out/errors.txt"
  check "$name" "$out/errors.txt" "^validation: invoice_id: The selected invoice_id is invalid.$" \
    '^permission denied: this token lacks "write"$' "^burst: 30 of 30 requests succeeded, 0 rate-limit errors reached the code$"
}
case "$lang" in
  rust)
    "$bin/list_clients" > "$out/list.txt"
    check "rust list_clients" "$out/list.txt" "^Acme Inc +billing@acme.example +Business +USD +2$" "of [0-9]+ clients"
    "$bin/bill_customer" > "$out/bill.txt"
    check "rust bill_customer" "$out/bill.txt" "Created .*DRAFT" "Sent .*SENT" \
      "Paid 780.71 .*paid +780.71 +due +780.71 +PARTIAL" "total +1561.42 +paid +1561.42 +due +0 +PAID"
    (cd "$out" && "$bin/export_invoices" 2> export.err > /dev/null)
    lines=$(wc -l < "$out/invoices.csv")
    echo "rows $((lines - 1))" > "$out/export.txt"
    cat "$out/export.err" >> "$out/export.txt"
    check "rust export_invoices" "$out/export.txt" "^rows ([1-9][0-9]*)$" "invoices exported to invoices.csv"
    errors_check "rust handle_errors" "$bin/handle_errors"
    ;;
  python)
    py="$PY_VENV/bin/python"
    ex="$(cd "$(dirname "$0")/.." && pwd)/examples/python"
    "$py" "$ex/list_clients.py" > "$out/list.txt"
    check "python list_clients" "$out/list.txt" "^Acme Inc +billing@acme.example +Business +USD +2$" "of [0-9]+ clients"
    "$py" "$ex/bill_customer.py" > "$out/bill.txt"
    check "python bill_customer" "$out/bill.txt" "Created .*DRAFT" "Sent .*SENT" \
      "Paid 780.71 .*paid +780.71 +due +780.71 +PARTIAL" "total +1561.42 +paid +1561.42 +due +0 +PAID"
    (cd "$out" && "$py" "$ex/export_invoices.py" 2> export.err > /dev/null)
    echo "rows $(( $(wc -l < "$out/invoices.csv") - 1 ))" > "$out/export.txt"; cat "$out/export.err" >> "$out/export.txt"
    check "python export_invoices" "$out/export.txt" "^rows ([1-9][0-9]*)$" "invoices exported to invoices.csv"
    (cd "$out" && "$py" "$ex/async_clients_and_export.py" async.csv > async.txt)
    check "python async_clients_and_export" "$out/async.txt" "^Acme Inc" "invoices from [0-9]+ pages exported to async.csv"
    errors_check "python handle_errors" "$py" "$ex/handle_errors.py"
    ;;
  node)
    app="$CARGO_TARGET_DIR/node-app"
    mkdir -p "$app/examples" && cp "$(cd "$(dirname "$0")/.." && pwd)"/examples/node/*.mjs "$app/examples/"
    node "$app/examples/list_clients.mjs" > "$out/list.txt"
    check "node list_clients" "$out/list.txt" "^Acme Inc +billing@acme.example +Business +USD +2$" "of [0-9]+ clients"
    node "$app/examples/bill_customer.mjs" > "$out/bill.txt"
    check "node bill_customer" "$out/bill.txt" "Created .*DRAFT" "Sent .*SENT" \
      "Paid 780.71 .*paid +780.71 +due +780.71 +PARTIAL" "total +1561.42 +paid +1561.42 +due +0 +PAID"
    (cd "$out" && node "$app/examples/export_invoices.mjs" 2> export.err > /dev/null)
    echo "rows $(( $(wc -l < "$out/invoices.csv") - 1 ))" > "$out/export.txt"; cat "$out/export.err" >> "$out/export.txt"
    check "node export_invoices" "$out/export.txt" "^rows ([1-9][0-9]*)$" "invoices exported to invoices.csv"
    errors_check "node handle_errors" node "$app/examples/handle_errors.mjs"    ;;
  php)
    php=(php -d "extension=$PHP_EXT")
    ex="$(cd "$(dirname "$0")/.." && pwd)/examples/php"
    "${php[@]}" "$ex/list_clients.php" > "$out/list.txt"
    check "php list_clients" "$out/list.txt" "^Acme Inc +billing@acme.example +Business +USD +2$" "of [0-9]+ clients"
    "${php[@]}" "$ex/bill_customer.php" > "$out/bill.txt"
    check "php bill_customer" "$out/bill.txt" "Created .*DRAFT" "Sent .*SENT" \
      "Paid 780.71 .*paid +780.71 +due +780.71 +PARTIAL" "total +1561.42 +paid +1561.42 +due +0 +PAID"
    (cd "$out" && "${php[@]}" "$ex/export_invoices.php" 2> export.err > /dev/null)
    echo "rows $(( $(wc -l < "$out/invoices.csv") - 1 ))" > "$out/export.txt"; cat "$out/export.err" >> "$out/export.txt"
    check "php export_invoices" "$out/export.txt" "^rows ([1-9][0-9]*)$" "invoices exported to invoices.csv"
    errors_check "php handle_errors" "${php[@]}" "$ex/handle_errors.php"
    ;;
  *) echo "unknown language $lang" >&2; exit 2 ;;
esac
echo "examples-$lang: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
