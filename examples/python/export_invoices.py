"""Export every invoice to invoices.csv with the auto-pager, with a progress bar.

BLINKSALE_API_TOKEN=... python examples/python/export_invoices.py [invoices.csv]
"""

import csv
import sys

import blinksale


def progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} invoices")
    sys.stderr.flush()


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "invoices.csv"
    client = blinksale.Client()
    total = client.invoices.list(per_page=1).meta.total or 0
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(
            [
                "invoice_number",
                "client",
                "status",
                "issued_at",
                "due_at",
                "currency",
                "total",
                "total_paid",
                "total_due",
            ]
        )
        # Pages of 100 are fetched as the loop needs them; the client paces itself under the
        # rate limit, so a long export never sees a 429.
        for n, inv in enumerate(client.invoices.list_all(), start=1):
            name = inv.client.name if inv.client else ""
            out.writerow(
                [
                    inv.invoice_number,
                    name,
                    inv.status,
                    inv.issued_at,
                    inv.due_at,
                    inv.currency,
                    inv.total,
                    inv.total_paid,
                    inv.total_due,
                ]
            )
            if n % 50 == 0 or n == total:
                progress(n, total)
    sys.stderr.write(f"\n{total} invoices exported to {path}\n")


if __name__ == "__main__":
    main()
