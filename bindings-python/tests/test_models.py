"""Models: types, exact money, unknown fields, equality, repr, to_dict, pickle."""

from __future__ import annotations

import datetime
import json
import pickle
import urllib.request
from decimal import Decimal

from conftest import TOKEN

import blinksale
from blinksale.types import Client, Invoice, Unit


def test_decimal_round_trip_is_exact(client: blinksale.Client) -> None:
    acme = client.clients.list()[0]
    inv = client.invoices.create(
        client_id=acme.id,
        line_items=[
            {"name": "A", "quantity": 1, "price": 0.1},
            {"name": "B", "quantity": 1, "price": Decimal("0.2")},
            {"name": "C", "quantity": "3", "price": "12345678901.23"},
        ],
    )
    assert inv.total == Decimal("37037036703.99") and isinstance(inv.total, Decimal)
    client.invoices.apply_payment(inv.id, amount=Decimal("0.1"))
    after = client.invoices.apply_payment(inv.id, amount="0.2").invoice
    assert after.total_paid == Decimal("0.3")
    assert after.total_due == Decimal("37037036703.69")


def test_decoding_matches_json_loads_with_decimal_exactly(client: blinksale.Client) -> None:
    """The core's text is decoded in Rust straight to Python values: the same values, types and
    digits (repr shows Decimal's) as json.loads(parse_float=Decimal), keys in the sent order."""
    client.clients.create(email="q@example.com", name='Zoë \u2603 "quoted" \\ tab\t line\n \U0001f9fe')
    client.invoices.create(
        client_id=client.clients.list()[0].id, line_items=[{"name": "A", "quantity": "2.50", "price": "1E+2"}]
    )
    for path in ("/clients", "/invoices", "/estimates", "/payments", "/taxes", "/units", "/items"):
        ours = client.request("GET", path, params={"per_page": 100})
        req = urllib.request.Request(
            client.base_url + path + "?per_page=100", headers={"Authorization": f"Bearer {TOKEN}"}
        )
        with urllib.request.urlopen(req) as r:
            theirs = json.loads(r.read(), parse_float=Decimal)["data"]
        assert repr(ours["data"]) == repr(theirs), path
    names = [c["name"] for c in client.request("GET", "/clients", params={"per_page": 100})["data"]]
    assert 'Zoë \u2603 "quoted" \\ tab\t line\n \U0001f9fe' in names


def test_types_of_fields(client: blinksale.Client) -> None:
    inv = client.invoices.list()[0]
    assert isinstance(inv, Invoice)
    assert isinstance(inv.issued_at, datetime.date) and not isinstance(inv.issued_at, datetime.datetime)
    assert inv.created_at.tzinfo is not None
    assert isinstance(inv.items[0].price, Decimal) and isinstance(inv.client, Client)
    assert inv.converted_from is None


def test_inputs_accept_dates_datetimes_and_strings(client: blinksale.Client) -> None:
    inv = client.invoices.list()[0]
    for when in (
        datetime.date(2026, 3, 1),
        datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.timezone.utc),
        "2026-03-01",
    ):
        pay = client.payments.create(invoice_id=inv.id, amount=1, payment_date=when)
        assert pay.payment_date == datetime.date(2026, 3, 1)
        client.payments.delete(pay.id)


def test_unknown_fields_are_kept_and_in_to_dict() -> None:
    raw = {
        "id": "u1",
        "name": "Hour",
        "created_at": "2023-11-07T05:31:56Z",
        "updated_at": "2023-11-07T05:31:56Z",
        "color": "blue",
    }
    unit = Unit(raw)
    assert unit.color == "blue" and unit["name"] == "Hour" and "color" in unit
    d = unit.to_dict()
    assert d["color"] == "blue" and d["created_at"] == datetime.datetime(
        2023, 11, 7, 5, 31, 56, tzinfo=datetime.timezone.utc
    )
    assert unit.usage_count is None


def test_equality_repr_and_pickle(client: blinksale.Client) -> None:
    a = client.units.list()[0]
    b = client.units.get(a.id)
    assert a == b and a != Unit({"id": "other"})
    assert repr(a).startswith("Unit(id='") and "name='Hour'" in repr(a)
    assert pickle.loads(pickle.dumps(a)) == a
    inv = client.invoices.list()[0]
    assert inv.to_dict()["client"]["name"] == inv.client.name
