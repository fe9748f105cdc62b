"""The async client: list clients, then export every invoice, fetching pages concurrently.

BLINKSALE_API_TOKEN=... python examples/python/async_clients_and_export.py [invoices.csv]
"""

import asyncio
import csv
import sys
from typing import List

import blinksale
from blinksale.types import Invoice


async def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "invoices.csv"
    async with blinksale.AsyncClient() as client:
        page = await client.clients.list()
        for c in page:
            print(f"{c.name:<22} {c.email}")

        # Learn the page count from one small request, then fetch all pages at once; the
        # shared rate limiter keeps the burst under the server's limit.
        first = await client.invoices.list(per_page=100)
        pages = [first] + list(
            await asyncio.gather(
                *(client.invoices.list(page=n, per_page=100) for n in range(2, (first.meta.last_page or 1) + 1))
            )
        )
        invoices: List[Invoice] = [inv for p in pages for inv in p]
        with open(path, "w", newline="") as f:
            out = csv.writer(f)
            out.writerow(["invoice_number", "status", "total", "total_due"])
            for inv in invoices:
                out.writerow([inv.invoice_number, inv.status, inv.total, inv.total_due])
        print(f"{len(invoices)} invoices from {len(pages)} pages exported to {path}")


if __name__ == "__main__":
    asyncio.run(main())
