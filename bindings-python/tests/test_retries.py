"""Retries under injected faults, and no duplicate create: checked on the mock's log."""

from __future__ import annotations

import pytest
from conftest import count

import blinksale
from blinksale.testing import MockServer


@pytest.mark.parametrize(
    "kind,extra",
    [
        ("status", {"status": 500}),
        ("status", {"status": 503, "body": "html"}),
        ("rate_limit", {"reset": 1}),
        ("drop", {}),
    ],
)
def test_reads_are_retried(client: blinksale.Client, mock: MockServer, kind: str, extra: dict) -> None:
    mock.inject(kind, path="/units", method="GET", **extra)
    assert len(client.units.list()) == 3
    assert count(mock, "GET", "/units") == 2


@pytest.mark.parametrize(
    "kind,extra,created",
    [
        ("status", {"status": 500}, 0),
        ("status", {"status": 502, "after_handler": True}, 1),
        ("drop", {}, 0),
        ("truncate", {}, 1),
    ],
)
def test_a_create_is_never_sent_twice(
    client: blinksale.Client, mock: MockServer, kind: str, extra: dict, created: int
) -> None:
    before = client.units.list().meta.total
    mock.inject(kind, path="/units", method="POST", **extra)
    with pytest.raises(blinksale.BlinksaleError):
        client.units.create(name="Crate")
    assert count(mock, "POST", "/units") == 1
    assert client.units.list().meta.total == before + created


async def test_async_create_is_retried_only_on_429(aclient: blinksale.AsyncClient, mock: MockServer) -> None:
    mock.inject("rate_limit", path="/units", method="POST", reset=1)
    await aclient.units.create(name="Crate")
    assert count(mock, "POST", "/units") == 2
    assert (await aclient.units.list()).meta.total == 4
