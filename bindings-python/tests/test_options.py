"""Per-request options, ``with_options``, raw responses and request ids, sync and async."""

from __future__ import annotations

import logging
import os
import time
from decimal import Decimal

import pytest
from conftest import TOKEN, TOKENS

import blinksale
from blinksale.testing import MockServer


@pytest.fixture
def paced() -> MockServer:
    # Rate limiting on, so responses carry X-RateLimit-* headers.
    return MockServer(tokens=TOKENS, seed=10, rate_limit=1000)


def last(mock: MockServer) -> dict:
    return mock.requests()[-1]


def test_headers_query_and_body_extras_reach_the_server(mock: MockServer, client: blinksale.Client) -> None:
    unit = client.units.create(
        name="Crate", extra_headers={"X-Trace": "t-1"}, extra_query={"expand": "x"}, extra_body={"memo": "hi"}
    )
    seen = last(mock)
    assert unit.name == "Crate"
    assert seen["headers"]["x-trace"] == "t-1" and "authorization" not in seen["headers"]
    assert seen["query"] == "expand=x"
    assert seen["body"] == {"name": "Crate", "memo": "hi"}


def test_not_given_and_none_differ(mock: MockServer, client: blinksale.Client) -> None:
    inv = client.invoices.list().data[0]
    client.invoices.update(inv.id, notes=None)
    assert last(mock)["body"] == {"notes": None}
    client.invoices.update(inv.id, shipping=Decimal("1.10"))
    assert last(mock)["body"] == {"shipping": 1.1}


def test_former_request_type_names_warn_and_alias_the_new_ones() -> None:
    with pytest.warns(DeprecationWarning, match="NewClientParams is renamed ClientInputParams"):
        legacy = blinksale.types.NewClientParams
    assert legacy is blinksale.types.ClientInputParams
    with pytest.raises(AttributeError):
        blinksale.types.NoSuchParams  # noqa: B018


def test_a_params_dict_is_accepted(mock: MockServer, client: blinksale.Client) -> None:
    params: blinksale.types.ClientInputParams = {"name": "Dict Co", "email": "d@example.com"}
    created = client.clients.create(params)
    assert created.name == "Dict Co" and last(mock)["body"] == params


def test_timeout_and_max_retries_per_request(mock: MockServer, client: blinksale.Client) -> None:
    mock.inject("delay", path="/units", ms=800)
    started = time.monotonic()
    with pytest.raises(blinksale.APITimeoutError):
        client.units.list(timeout=0.1, max_retries=0)
    assert time.monotonic() - started < 0.7
    mock.inject("status", path="/units", status=503)
    with pytest.raises(blinksale.ServerError):
        client.units.list(max_retries=0)
    mock.inject("status", path="/units", status=503)
    assert client.units.list().data, "the client's own retries still apply"


def test_with_options_shares_the_limiter(paced: MockServer) -> None:
    with paced:
        client = blinksale.Client(TOKEN, base_url=paced.url)
        quick = client.with_options(max_retries=0, default_headers={"X-Team": "ops"})
        quick.units.list()
        assert client.rate_limit is not None and client.rate_limit.limit == 1000
        assert last(paced)["headers"]["x-team"] == "ops"
        paced.inject("status", path="/units", status=503)
        with pytest.raises(blinksale.ServerError):
            quick.units.list()
        assert isinstance(quick, blinksale.Client) and quick.units is not client.units


def test_raw_response_and_request_id(paced: MockServer) -> None:
    with paced:
        client = blinksale.Client(TOKEN, base_url=paced.url)
        first = client.invoices.list().data[0]
        raw = client.invoices.with_raw_response.get(first.id)
        inv = raw.parse()
        assert raw.status_code == 200 and inv.id == first.id
        assert raw.request_id and raw.request_id.startswith("req_") and raw.headers["x-request-id"] == raw.request_id
        assert raw.rate_limit is not None and raw.rate_limit.limit == 1000
        assert inv._request_id == raw.request_id
        assert client.invoices.get(first.id)._request_id not in (None, raw.request_id)
        page = client.with_raw_response.units.list(per_page=2)
        assert page.status_code == 200 and len(page.parse().data) == 2
        deleted = client.units.with_raw_response.delete(client.units.create(name="Spare").id)
        assert deleted.status_code == 200 and deleted.parse() is None


def test_errors_carry_code_body_and_rate_limit(paced: MockServer) -> None:
    with paced:
        client = blinksale.Client(TOKEN, base_url=paced.url)
        with pytest.raises(blinksale.NotFoundError) as e:
            client.units.get("missing")
        err = e.value
        assert err.code == "not_found" and err.status_code == 404 and err.server_message
        assert err.rate_limit is not None and err.rate_limit.limit == 1000
        assert err.body and "message" in err.body and err.request_id


async def test_async_options_and_raw_response(paced: MockServer) -> None:
    with paced:
        client = blinksale.AsyncClient(TOKEN, base_url=paced.url)
        unit = await client.units.create(name="Box", extra_headers={"X-Trace": "a-1"}, extra_body={"memo": "m"})
        assert last(paced)["headers"]["x-trace"] == "a-1" and last(paced)["body"]["memo"] == "m"
        raw = await client.units.with_raw_response.get(unit.id)
        assert raw.status_code == 200 and raw.parse().id == unit.id and raw.request_id == raw.parse()._request_id
        assert raw.headers["x-request-id"] == raw.request_id
        assert raw.rate_limit is not None and raw.rate_limit.limit == 1000
        page = await client.with_raw_response.units.list(per_page=1, extra_query={"x": "1"})
        assert len(page.parse().data) == 1 and last(paced)["query"].endswith("x=1")
        paced.inject("delay", path="/units", ms=800)
        with pytest.raises(blinksale.APITimeoutError):
            await client.units.list(timeout=0.1, max_retries=0)
        quick = client.with_options(max_retries=0)
        paced.inject("status", path="/units", status=503)
        with pytest.raises(blinksale.ServerError):
            await quick.units.list()
        with pytest.raises(blinksale.ValidationError) as e:
            await client.clients.create(name="Zed", email="not-an-email")
        assert "email" in e.value.errors


def test_an_unreachable_rate_limit_store_never_fails_a_call(mock: MockServer, caplog: pytest.LogCaptureFixture) -> None:
    # Nothing listens on port 1: the client paces in-process and warns once, without the password.
    client = blinksale.Client(TOKEN, base_url=mock.url, rate_limit_store="redis://:hunter2@127.0.0.1:1/0")
    blinksale.set_log_level("warn")
    try:
        with caplog.at_level(logging.WARNING, logger="blinksale"):
            for _ in range(3):
                assert client.units.list().data
    finally:
        blinksale.set_log_level(os.environ.get("BLINKSALE_LOG"))
    warnings = [r.getMessage() for r in caplog.records if "rate-limit store failed" in r.getMessage()]
    assert len(warnings) == 1 and "hunter2" not in warnings[0], warnings
