"""blinksale.testing.MockServer as a context manager and as a pytest fixture."""

from __future__ import annotations

import pytest

import blinksale
from blinksale.testing import MockServer


def test_context_manager_log_and_faults() -> None:
    with MockServer(seed=2) as mock:
        c = blinksale.Client(mock.token, base_url=mock.url, max_retries=0)
        assert mock.token == "demo-token" and mock.url.endswith("/api/v1")
        assert c.clients.list().meta.total == 7
        mock.inject("status", path="/clients", status=503)
        with pytest.raises(blinksale.ServerError):
            c.clients.list()
        log = mock.requests()
        assert [r["status"] for r in log] == [200, 503] and log[1]["fault"] == "status"
        mock.reset()
        assert mock.requests() == []
    with pytest.raises(RuntimeError):
        mock.requests()


def test_rate_limited_mock() -> None:
    with MockServer(rate_limit=2, window=1) as mock:
        c = blinksale.Client(mock.token, base_url=mock.url)
        for _ in range(5):
            c.units.list()
        assert all(r["status"] == 200 for r in mock.requests()), "the client paced itself"


def test_fixture(blinksale_mock: MockServer) -> None:
    c = blinksale.Client(blinksale_mock.token, base_url=blinksale_mock.url)
    assert len(c.units.list()) == 3
