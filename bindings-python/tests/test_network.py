"""Real networks against the TLS mock: the certificate check, HTTP/2 with the write rule over
streams, stale pooled connections, and proxy settings that never show a password."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Iterator

import pytest

import blinksale
from blinksale.testing import MockServer


@pytest.fixture(scope="module")
def tls_mock() -> Iterator[MockServer]:
    with MockServer(tls=True) as server:
        yield server


def test_with_the_mocks_ca_calls_go_over_http2(tls_mock: MockServer) -> None:
    assert tls_mock.url.startswith("https://") and tls_mock.ca_path
    tls_mock.clear_requests()
    client = blinksale.Client(tls_mock.token, base_url=tls_mock.url, ca_bundle=tls_mock.ca_path)
    assert client.units.list().data

    async def run() -> None:
        aclient = blinksale.AsyncClient(
            tls_mock.token, base_url=tls_mock.url, ca_bundle=tls_mock.ca_path, ca_bundle_only=True
        )
        assert (await aclient.units.list()).data

    asyncio.run(run())
    assert [r["protocol"] for r in tls_mock.requests()] == ["HTTP/2.0", "HTTP/2.0"]


def test_without_the_ca_the_error_says_the_certificate_is_not_trusted(tls_mock: MockServer) -> None:
    client = blinksale.Client(tls_mock.token, base_url=tls_mock.url, max_retries=0)
    with pytest.raises(blinksale.APIConnectionError, match="not trusted") as raised:
        client.units.list()
    assert "ca_bundle" in str(raised.value)


def test_a_bundle_without_a_certificate_is_a_configuration_error(tmp_path: Path) -> None:
    bad = tmp_path / "bundle.pem"
    bad.write_text("not a certificate\n")
    with pytest.raises(blinksale.ConfigurationError, match=str(bad)):
        blinksale.Client("tok", base_url="http://127.0.0.1:1/api/v1", ca_bundle=str(bad))


def test_a_post_whose_stream_is_refused_goes_again_once_and_a_500_does_not(tls_mock: MockServer) -> None:
    client = blinksale.Client(tls_mock.token, base_url=tls_mock.url, ca_bundle=tls_mock.ca_path)
    client.units.list()
    tls_mock.clear_requests()
    tls_mock.inject("refuse_stream", path="/units", method="POST")
    client.units.create(name="Crate")
    log = [(r["method"], r["status"], r["fault"]) for r in tls_mock.requests()]
    assert log == [("POST", None, "refuse_stream"), ("POST", 201, None)]
    tls_mock.clear_requests()
    tls_mock.inject("status", path="/units", method="POST", status=500, after_handler=True)
    with pytest.raises(blinksale.ServerError):
        client.units.create(name="Crate")
    assert [r["method"] for r in tls_mock.requests()] == ["POST"]


@pytest.mark.parametrize("tls", [False, True])
def test_a_connection_closed_while_idle_costs_no_call(tls: bool) -> None:
    with MockServer(tls=tls, idle_timeout=1.0) as mock:
        client = blinksale.Client(mock.token, base_url=mock.url, ca_bundle=mock.ca_path)
        client.units.list()
        client.units.create(name="Crate")
        time.sleep(2)
        client.units.list()
        client.units.create(name="Crate")
        assert [r["method"] for r in mock.requests()] == ["GET", "POST", "GET", "POST"]
        conns = [r["connection"] for r in mock.requests()]
        # HTTP/2 drains first (GOAWAY, then the close): the last call at least is on a new one.
        assert conns[0] == conns[1] != conns[3], "the mock closed the idle connection"


def test_proxy_settings_are_checked_and_never_show_a_password() -> None:
    for proxy in ("socks5://user:hunter2@127.0.0.1:1080", "http//user:hunter2@nowhere"):
        with pytest.raises(blinksale.ConfigurationError) as raised:
            blinksale.Client("tok", base_url="http://127.0.0.1:1/api/v1", proxy=proxy)
        assert "hunter2" not in str(raised.value)
    with pytest.raises(blinksale.ConfigurationError, match="proxy"):
        blinksale.Client("tok", base_url="http://127.0.0.1:1/api/v1", proxy=True)  # type: ignore[typeddict-item]
    assert blinksale.Client("tok", base_url="http://127.0.0.1:1/api/v1", proxy=False)
