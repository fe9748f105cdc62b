"""Type-checks under mypy --strict: the typed surface, as users write it."""

from decimal import Decimal

import blinksale
from blinksale.types import ClientInputParams, NewClientParams


def use(client: blinksale.Client) -> None:
    created = client.clients.create(name="Acme", email="billing@acme.example", kind="BUSINESS")
    params: ClientInputParams = {"name": "Dict Co", "email": "d@example.com"}
    legacy: NewClientParams = params  # the former name still type-checks
    client.clients.create(legacy, timeout=5.0, extra_headers={"X-Trace": "1"})
    client.invoices.apply_payment("inv_1", amount=Decimal("10.50"), notes=None)
    client.recurring_invoices.update_status("rec_1", status="PAUSED")
    raw = client.invoices.with_raw_response.get("inv_1")
    print(created.name, raw.parse().total_due, raw.request_id, raw.status_code)
