"""Every exception class, raised from the core's errors, with their details."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest
from conftest import TOKEN

import blinksale
from blinksale.testing import MockServer


def test_hierarchy() -> None:
    for cls in (
        blinksale.AuthenticationError,
        blinksale.PermissionDeniedError,
        blinksale.NotFoundError,
        blinksale.ValidationError,
        blinksale.RateLimitError,
        blinksale.ServerError,
    ):
        assert issubclass(cls, blinksale.APIError) and issubclass(cls, blinksale.BlinksaleError)
    assert issubclass(blinksale.APITimeoutError, blinksale.APIConnectionError)
    assert issubclass(blinksale.DecodeError, blinksale.BlinksaleError)
    assert issubclass(blinksale.BlinksaleError, Exception)


def test_authentication(mock: MockServer) -> None:
    with pytest.raises(blinksale.AuthenticationError) as e:
        blinksale.Client("tok_wrong", base_url=mock.url).clients.list()
    assert (
        e.value.status_code == 401
        and e.value.server_message == "Unauthenticated."
        and e.value.code == "authentication"
        and e.value.request_id
    )


@pytest.mark.parametrize(
    "token,needed,call",
    [
        ("tok_read", "write", lambda c: c.units.create(name="Box")),
        ("tok_read", "send", lambda c: c.invoices.send(c.invoices.list()[0].id)),
        ("tok_write", "read", lambda c: c.units.list()),
    ],
)
def test_permission_denied_names_the_permission(mock: MockServer, token: str, needed: str, call: object) -> None:
    c = blinksale.Client(token, base_url=mock.url)
    with pytest.raises(blinksale.PermissionDeniedError) as e:
        call(c)  # type: ignore[operator]
    assert e.value.status_code == 403 and e.value.required_permission == needed
    assert f"needs the `{needed}` permission" in str(e.value)


def test_not_found_validation_and_invalid_input(client: blinksale.Client) -> None:
    with pytest.raises(blinksale.NotFoundError):
        client.invoices.get("01jtbf0c9zaraqx3swthf88n5y")
    with pytest.raises(blinksale.ValidationError) as e:
        client.invoices.create(client_id="no-such-client", line_items=[{"name": "A", "quantity": 1, "price": 1}])
    assert e.value.errors == {"client_id": ["The selected client_id is invalid."]}
    # What cannot be sent is refused before any request: a wrong JSON type, an empty id.
    with pytest.raises(blinksale.InvalidRequestError) as bad:
        client.units.create(name=5)  # type: ignore[arg-type]
    assert bad.value.field == "name" and isinstance(bad.value, ValueError) and bad.value.code == "invalid_request"
    with pytest.raises(blinksale.InvalidRequestError) as empty:
        client.clients.get("")
    assert empty.value.field == "clientId"


def test_values_are_the_servers_call(mock: MockServer, client: blinksale.Client) -> None:
    mock.clear_requests()
    with pytest.raises(blinksale.ValidationError) as e:
        client.clients.create(name="Zed", email="not-an-email")
    assert "email" in e.value.errors and e.value.status_code == 422 and e.value.code == "validation"
    assert e.value.body and "email" in e.value.body and e.value.request_id
    with pytest.raises(blinksale.ValidationError) as page:
        client.clients.list(per_page=101)
    assert "per_page" in page.value.errors
    assert len(mock.requests()) == 2, "both reached the server"


def test_rate_limit_server_timeout_connection_decode(mock: MockServer) -> None:
    c = blinksale.Client(TOKEN, base_url=mock.url, max_retries=0, timeout=0.3)
    mock.inject("rate_limit", path="/units", reset=4)
    with pytest.raises(blinksale.RateLimitError) as rl:
        c.units.list()
    assert rl.value.retry_after == 4.0 and rl.value.headers["x-ratelimit-remaining"] == "0"
    mock.inject("status", path="/units", status=502, body="html")
    with pytest.raises(blinksale.ServerError) as se:
        c.units.list()
    assert se.value.status_code == 502 and "HTML error page" in (se.value.server_message or "")
    mock.inject("delay", path="/units", ms=800)
    with pytest.raises(blinksale.APITimeoutError):
        c.units.list()
    mock.inject("truncate", path="/units")
    with pytest.raises(blinksale.DecodeError) as de:
        c.units.list()
    assert de.value.body_excerpt and de.value.status_code == 200
    with pytest.raises(blinksale.APIConnectionError) as ce:
        blinksale.Client(TOKEN, base_url="http://127.0.0.1:9/api/v1", max_retries=0).units.list()
    assert ce.value.request_sent is False


def test_configuration_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BLINKSALE_API_TOKEN", raising=False)
    with pytest.raises(blinksale.ConfigurationError, match="BLINKSALE_API_TOKEN"):
        blinksale.Client()
    with pytest.raises(blinksale.ConfigurationError, match="plain http"):
        blinksale.Client("t", base_url="http://api.example.com/api/v1")
    monkeypatch.setenv("BLINKSALE_API_TOKEN", "from-env")
    monkeypatch.setenv("BLINKSALE_BASE_URL", "http://127.0.0.1:1/api/v1")
    assert blinksale.Client().base_url == "http://127.0.0.1:1/api/v1"


def test_exceptions_pickle_with_their_details(client: blinksale.Client) -> None:
    with pytest.raises(blinksale.ValidationError) as e:
        client.payments.create(invoice_id="none", amount=Decimal("1"))
    again = pickle.loads(pickle.dumps(e.value))
    assert type(again) is blinksale.ValidationError
    assert (str(again), again.errors, again.status_code) == (str(e.value), e.value.errors, 422)
