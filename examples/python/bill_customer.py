"""Bill a customer: a client with a contact, an invoice with two lines, a tax and a discount,
sent, then paid in two parts, printing the totals after each step.

    BLINKSALE_API_TOKEN=... python examples/python/bill_customer.py
"""

from decimal import Decimal

import blinksale
from blinksale.types import Invoice


def show(step: str, inv: Invoice) -> None:
    print(
        f"{step:<22} {inv.invoice_number}  total {inv.total:>9}  paid {inv.total_paid:>9}  due {inv.total_due:>9}  {inv.status}"
    )


def main() -> None:
    client = blinksale.Client()
    customer = client.clients.create(
        name="Northwind Traders",
        email="billing@northwind.example",
        kind="BUSINESS",
        contacts=[{"name": "Nancy Davolio", "email": "nancy@northwind.example", "phone": "+12065550100"}],
    )
    print(f"Client {customer.name} ({customer.id}), {customer.contact_count} contact(s)")

    # A saved tax, by name; create it if this account has none.
    tax = next((t for t in client.taxes.list_all() if t.name == "Sales Tax"), None)
    if tax is None:
        tax = client.taxes.create(name="Sales Tax", percent=Decimal("8.5"))

    invoice = client.invoices.create(
        client_id=customer.id,
        tax_id=tax.id,
        discount_distribution="PER_DOCUMENT",
        discount_type="PERCENTAGE",
        discount_value=10,
        net_terms="NET30",
        line_items=[
            {"name": "Consulting Services", "quantity": 10, "price": 150},
            {"name": "Hosting Services", "quantity": 1, "price": Decimal("99.00")},
        ],
    )
    show("Created", invoice)
    invoice = client.invoices.send(invoice.id)
    show("Sent", invoice)

    half = (invoice.total_due / 2).quantize(Decimal("0.01"))
    applied = client.invoices.apply_payment(invoice.id, amount=half, notes="Check #1001")
    show(f"Paid {half}", applied.invoice)
    rest = applied.invoice.total_due
    applied = client.invoices.apply_payment(invoice.id, amount=rest)
    show(f"Paid {rest}", applied.invoice)


if __name__ == "__main__":
    main()
