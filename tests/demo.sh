#!/usr/bin/env bash
# The docs' own cURL request against the mock, and the clients it returns, as a table.
set -euo pipefail
echo "== The documentation's example request, against the local mock =="
echo "curl $BLINKSALE_BASE_URL/clients -H \"Authorization: Bearer \$BLINKSALE_API_TOKEN\" -H \"Accept: application/json\""
echo
curl -sS "$BLINKSALE_BASE_URL/clients" -H "Authorization: Bearer $BLINKSALE_API_TOKEN" -H "Accept: application/json" \
  | python3 -c '
import json, sys
body = json.load(sys.stdin)
rows = [(c["name"], c["email"], c["kind_name"], c["document_defaults"]["currency"], str(c["contact_count"])) for c in body["data"]]
head = ("Name", "Email", "Kind", "Currency", "Contacts")
widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
line = lambda r: "  ".join(v.ljust(w) for v, w in zip(r, widths))
print(line(head)); print(line(["-" * w for w in widths]))
for r in rows: print(line(r))
m = body["meta"]
print("\n%s: page %d of %d, %d clients in all" % (body["message"], m["current_page"], m["last_page"], m["total"]))
'
