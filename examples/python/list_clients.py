"""The docs' example request, GET /api/v1/clients, printed as a table.

BLINKSALE_API_TOKEN=... python examples/python/list_clients.py
"""

import blinksale


def main() -> None:
    client = blinksale.Client()  # BLINKSALE_API_TOKEN, and BLINKSALE_BASE_URL if set
    page = client.clients.list()
    print(f"{'Name':<22} {'Email':<28} {'Kind':<11} {'Currency':<8} {'Contacts':>8}")
    for c in page:
        currency = c.document_defaults.currency if c.document_defaults else "-"
        print(f"{c.name:<22} {c.email:<28} {c.kind_name or c.kind:<11} {currency or '-':<8} {c.contact_count or 0:>8}")
    print(f"{len(page)} of {page.meta.total} clients (page {page.meta.current_page} of {page.meta.last_page})")


if __name__ == "__main__":
    main()
