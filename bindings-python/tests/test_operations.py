"""Every operation, through the sync and the async client."""

from __future__ import annotations

import datetime
from decimal import Decimal

import blinksale
from blinksale.types import AppliedPayment, Invoice


def test_every_operation_sync(client: blinksale.Client) -> None:
    clients = client.clients.list()
    assert len(clients) == 15 and clients.meta.total == 35
    assert client.clients.get(clients[0].id) == clients[0]
    wayne = client.clients.create(
        name="Wayne Enterprises",
        email="ap@wayne.example",
        address={"city": "Gotham"},
        contacts=[{"name": "Lucius Fox", "email": "lucius@wayne.example"}],
    )
    assert wayne.address.city == "Gotham" and wayne.contact_count == 1
    assert client.clients.update(wayne.id, {"name": "Wayne Inc"}).name == "Wayne Inc"

    contacts = client.contacts(wayne.id)
    alfred = contacts.create(name="Alfred", email="alfred@wayne.example", phone="+15555550100")
    assert contacts.get(alfred.id).phone == "+15555550100"
    assert contacts.update(alfred.id, name="Alfred P", email="alfred@wayne.example").name == "Alfred P"
    assert len(contacts.list()) == 2
    contacts.delete(alfred.id)

    tax = client.taxes.create(name="City Tax", percent=Decimal("2.25"))
    assert client.taxes.update(tax.id, percent=3).percent == Decimal(3)
    assert client.taxes.get(tax.id).name == "City Tax" and len(client.taxes.list()) == 4
    unit = client.units.create(name="Week")
    assert client.units.update(unit.id, name="Weeks").name == "Weeks"
    assert client.units.get(unit.id).name == "Weeks" and len(client.units.list()) == 4
    item = client.items.create(name="Audit", price="999.99", tax_id=tax.id, unit_of_measurement_id=unit.id)
    assert item.price == Decimal("999.99") and item.unit_name == "Weeks"
    assert client.items.update(item.id, price=1000).price == Decimal(1000)
    assert client.items.get(item.id).name == "Audit" and len(client.items.list()) == 4
    client.items.delete(item.id)
    client.units.delete(unit.id)
    client.taxes.delete(tax.id)

    line = {"name": "Consulting", "quantity": 10, "price": 150}
    est = client.estimates.create(client_id=wayne.id, line_items=[line])
    assert est.status == "DRAFT" and est.total == Decimal(1500)
    assert client.estimates.update(est.id, shipping=20).total == Decimal(1520)
    assert client.estimates.get(est.id).items[0].name == "Consulting"
    assert all(e.client_id == wayne.id for e in client.estimates.list(client_id=wayne.id))
    assert client.estimates.send(est.id).status == "SENT"
    converted = client.estimates.convert(est.id)
    assert isinstance(converted, Invoice) and converted.converted_from == est.id
    client.estimates.delete(est.id)

    inv = client.invoices.create(
        client_id=wayne.id, line_items=[line], issued_at=datetime.date(2026, 6, 15), net_terms="NET15"
    )
    assert inv.due_at == datetime.date(2026, 6, 30)
    assert client.invoices.update(inv.id, notes="Thanks").notes == "Thanks"
    assert client.invoices.get(inv.id).notes == "Thanks"
    assert client.invoices.send(inv.id).status == "SENT"
    applied = client.invoices.apply_payment(inv.id, amount=Decimal("500"), notes="Check #1")
    assert isinstance(applied, AppliedPayment)
    assert (applied.payment.amount, applied.invoice.total_due, applied.invoice.status) == (
        Decimal(500),
        Decimal(1000),
        "PARTIAL",
    )
    assert any(i.id == inv.id for i in client.invoices.list_all())

    pay = client.payments.create(invoice_id=inv.id, amount=250, payment_date="2026-07-01", is_settled=False)
    assert pay.payment_date == datetime.date(2026, 7, 1) and pay.is_settled is False
    assert client.payments.get(pay.id).amount == Decimal(250)
    assert client.payments.update(pay.id, amount=1000).amount == Decimal(1000)
    assert len(client.payments.list(invoice_id=inv.id)) == 2
    client.payments.delete(pay.id)
    client.invoices.delete(converted.id)

    rec = client.recurring_invoices.create(
        client_id=wayne.id,
        name="Retainer",
        frequency="MONTHLY",
        start_date="2026-06-01",
        template_items=[{"name": "Hosting", "quantity": 1, "price": 99}],
    )
    assert rec.template.items[0].price == Decimal(99)
    assert client.recurring_invoices.update(rec.id, max_occurrences=12).max_occurrences == 12
    assert client.recurring_invoices.update_status(rec.id, status="PAUSED").status == "PAUSED"
    assert client.recurring_invoices.get(rec.id).status == "PAUSED"
    assert len(client.recurring_invoices.list()) == 2
    client.recurring_invoices.delete(rec.id)
    client.invoices.delete(inv.id)
    client.clients.delete(wayne.id)


async def test_every_operation_async(aclient: blinksale.AsyncClient) -> None:
    clients = await aclient.clients.list()
    acme = clients[0]
    assert await aclient.clients.get(acme.id) == acme
    co = await aclient.clients.create(name="Stark", email="ap@stark.example")
    assert (await aclient.clients.update(co.id, name="Stark Inc")).name == "Stark Inc"
    contacts = aclient.contacts(co.id)
    c = await contacts.create(name="Pepper", email="pepper@stark.example")
    assert (await contacts.get(c.id)).name == "Pepper"
    assert (await contacts.update(c.id, name="Pepper Potts", email="pepper@stark.example")).name == "Pepper Potts"
    assert len(await contacts.list()) == 1
    c2 = await contacts.create(name="Happy", email="happy@stark.example")
    await contacts.delete(c2.id)
    for res, body, change in [
        (aclient.taxes, {"name": "T", "percent": 1}, {"percent": 2}),
        (aclient.units, {"name": "U"}, {"name": "V"}),
        (aclient.items, {"name": "I", "price": 1}, {"price": 2}),
    ]:
        obj = await res.create(body)
        await res.update(obj.id, change)
        assert (await res.get(obj.id)).id == obj.id
        assert len(await res.list()) >= 1
        await res.delete(obj.id)
    line = {"name": "Work", "quantity": 2, "price": "10.50"}
    est = await aclient.estimates.create(client_id=co.id, line_items=[line])
    await aclient.estimates.update(est.id, notes="x")
    assert (await aclient.estimates.get(est.id)).total == Decimal("21")
    assert (await aclient.estimates.send(est.id)).status == "SENT"
    inv0 = await aclient.estimates.convert(est.id)
    await aclient.estimates.delete(est.id)
    assert len(await aclient.estimates.list()) >= 1
    inv = await aclient.invoices.create(client_id=co.id, line_items=[line])
    await aclient.invoices.update(inv.id, shipping=1)
    assert (await aclient.invoices.get(inv.id)).total == Decimal(22)
    assert (await aclient.invoices.send(inv.id)).status == "SENT"
    applied = await aclient.invoices.apply_payment(inv.id, amount=22)
    assert applied.invoice.status == "PAID"
    assert len(await aclient.invoices.list()) == 15
    pay = await aclient.payments.create(invoice_id=inv0.id, amount=1)
    await aclient.payments.update(pay.id, amount=2)
    assert (await aclient.payments.get(pay.id)).amount == Decimal(2)
    assert len(await aclient.payments.list(invoice_id=inv0.id)) == 1
    await aclient.payments.delete(pay.id)
    rec = await aclient.recurring_invoices.create(client_id=co.id, frequency="WEEKLY", start_date="2026-01-05")
    await aclient.recurring_invoices.update(rec.id, name="Weekly")
    assert (await aclient.recurring_invoices.update_status(rec.id, status="CANCELED")).status == "CANCELED"
    assert (await aclient.recurring_invoices.get(rec.id)).name == "Weekly"
    assert len(await aclient.recurring_invoices.list()) == 2
    await aclient.recurring_invoices.delete(rec.id)
    for i in (inv0, inv):
        await aclient.invoices.delete(i.id)
    await aclient.clients.delete(co.id)


def test_raw_request_and_raw_responses(client: blinksale.Client) -> None:
    body = client.request("GET", "/units", params={"per_page": 2})
    assert len(body["data"]) == 2 and body["meta"]["total"] == 3
    created = client.request("POST", "units", json={"name": "Crate"})
    assert created["name"] == "Crate"
    raw = client.with_raw_response.invoices.list(per_page=5)
    assert raw.status_code == 200 and raw.request_id.startswith("req_")
    assert raw.headers["content-type"] == "application/json" and len(raw.parse()) == 5
    with blinksale.Client(base_url=client.base_url, token="x") as c:
        assert c.base_url == client.base_url


def test_context_managers(mock: object) -> None:
    import asyncio

    from conftest import TOKEN

    with blinksale.Client(TOKEN, base_url=mock.url) as c:  # type: ignore[attr-defined]
        assert len(c.units.list()) == 3

    async def run() -> int:
        async with blinksale.AsyncClient(TOKEN, base_url=mock.url) as ac:  # type: ignore[attr-defined]
            return len(await ac.units.list())

    assert asyncio.run(run()) == 3
