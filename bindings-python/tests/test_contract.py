"""The core's binding contract reaches every Python surface: each client setting is a keyword of
``Client``, each per-request option a keyword of every method, each error detail an attribute of
the exceptions and each reply field one of ``APIResponse`` (by Python's names)."""

import inspect
import json
from typing import Iterator

import pytest
from conftest import TOKEN, TOKENS

import blinksale
from blinksale import _native
from blinksale._contract import PY_NAMES, ClientOptions
from blinksale._resource import AsyncAPIResource, SyncAPIResource
from blinksale.testing import MockServer

CONTRACT = json.loads(_native.schema_json())["contract"]


def test_every_client_setting_is_a_keyword(mock):
    for f in CONTRACT["client_settings"]:
        if f["kind"] == "secret":
            assert "token" in inspect.signature(blinksale.Client.__init__).parameters
        else:
            assert f["name"] in ClientOptions.__annotations__, f["name"]
    client = blinksale.Client(TOKEN, base_url=mock.url, timeout=5, connect_timeout=1, max_retries=0, deadline=9)
    assert client.units.list().data is not None
    try:
        blinksale.Client(TOKEN, base_url=mock.url, timeout=0)
    except blinksale.ConfigurationError as e:
        assert str(e) == "configuration error: timeout must be a positive number of seconds"
    else:
        raise AssertionError("a zero timeout is refused")


def test_every_call_option_is_a_keyword_of_every_method():
    extras = ("headers", "query", "object")
    names = {("extra_" + f["name"]) if f["kind"] in extras else f["name"] for f in CONTRACT["call_options"]}
    classes = SyncAPIResource.__subclasses__() + AsyncAPIResource.__subclasses__()
    assert len(classes) == 18
    for cls in classes:
        for name, fn in inspect.getmembers(cls, inspect.isfunction):
            if not name.startswith("_"):
                assert names <= set(inspect.signature(fn).parameters), (cls, name)


@pytest.fixture
def paced() -> Iterator[MockServer]:
    """A mock that sends rate-limit headers."""
    with MockServer(tokens=TOKENS, rate_limit=1000) as server:
        yield server


def test_every_error_detail_is_an_attribute(paced):
    client = blinksale.Client("tok_read", base_url=paced.url)
    try:
        client.clients.create(name="Zed", email="zed@example.com")
    except blinksale.PermissionDeniedError as e:
        err = e
    for f in CONTRACT["error_details"]:
        assert hasattr(err, PY_NAMES.get(f["name"], f["name"])), f["name"]
    assert err.status_code == 403 and err.required_permission == "write" and err.code == "permission_denied"
    assert isinstance(err.rate_limit, blinksale.RateLimit)


def test_every_reply_field_is_on_the_raw_response(paced):
    raw = blinksale.Client(TOKEN, base_url=paced.url).units.with_raw_response.list()
    for f in CONTRACT["reply"]:
        if f["name"] not in ("data", "meta", "has_next"):
            assert hasattr(raw, PY_NAMES.get(f["name"], f["name"])), f["name"]
    assert raw.status_code == 200 and raw.request_id and isinstance(raw.rate_limit, blinksale.RateLimit)
    assert raw.parse().meta.total is not None
