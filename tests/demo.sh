#!/usr/bin/env bash
# `make demo`: the docs' request, then scenario 1 (list clients) and scenario 2 (bill a
# customer) in Rust, Python, Node and PHP, all against one local mock.
set -euo pipefail
bin="$CARGO_TARGET_DIR/$CARGO_BUILD_TARGET/release"
app="$CARGO_TARGET_DIR/node-app"
mkdir -p "$app/examples" && cp examples/node/*.mjs "$app/examples/"
heading() { printf '\n== %s ==\n\n' "$1"; }

heading "The documentation's example request (cURL)"
echo "curl $BLINKSALE_BASE_URL/clients -H \"Authorization: Bearer \$BLINKSALE_API_TOKEN\" -H \"Accept: application/json\""
curl -sS "$BLINKSALE_BASE_URL/clients?per_page=2" -H "Authorization: Bearer $BLINKSALE_API_TOKEN" -H "Accept: application/json" \
  | python3 -c 'import json, sys; b = json.load(sys.stdin); print(json.dumps({"success": b["success"], "message": b["message"], "data": ["…%d clients…" % len(b["data"])], "meta": {k: b["meta"][k] for k in ("current_page", "per_page", "total")}}, indent=2, ensure_ascii=False))'

heading "Rust: list clients (examples/rust/src/bin/list_clients.rs)"
"$bin/list_clients"
heading "Python: list clients (examples/python/list_clients.py)"
"$PY_VENV/bin/python" examples/python/list_clients.py
heading "Node: list clients (examples/node/list_clients.mjs)"
node "$app/examples/list_clients.mjs"

php_demo() { # the PHP example, when `make demo` could build the extension
  if [ -f "${PHP_EXT:-}" ] && command -v php >/dev/null; then php -d "extension=$PHP_EXT" "examples/php/$1.php"; else echo "(PHP is not installed: apt-get install php-cli php-dev libclang-dev, then make demo)"; fi
}
heading "PHP: list clients (examples/php/list_clients.php)"
php_demo list_clients

heading "Rust: bill a customer (examples/rust/src/bin/bill_customer.rs)"
"$bin/bill_customer"
heading "Python: bill a customer (examples/python/bill_customer.py)"
"$PY_VENV/bin/python" examples/python/bill_customer.py
heading "Node: bill a customer (examples/node/bill_customer.mjs)"
node "$app/examples/bill_customer.mjs"

heading "PHP: bill a customer (examples/php/bill_customer.php)"
php_demo bill_customer

heading "The command line: export every invoice as CSV"
csv="$(mktemp -d)/invoices.csv"
echo "\$ blinksale invoices list --all --output csv > invoices.csv   # the wheel's console script"
"$PY_VENV/bin/blinksale" invoices list --all --output csv >"$csv"
python3 - "$csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
cols = ["invoice_number", "status", "currency", "total", "total_paid", "total_due", "due_at"]
print(f"{len(rows)} invoices, {len(rows[0])} columns each; the first rows, some columns:")
table = [cols] + [[r[c] for c in cols] for r in rows[:6]]
widths = [max(len(row[i]) for row in table) for i in range(len(cols))]
for row in table:
    print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
PY
rm -rf "$(dirname "$csv")"
