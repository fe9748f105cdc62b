"""Each test gets its own embedded mock (rate limiting off) and clients pointed at it."""

from __future__ import annotations

from typing import Iterator

import pytest

import blinksale
from blinksale.testing import MockServer

TOKEN = "tok_py_secret_0123456789"
TOKENS = [f"{TOKEN}:read,write,send", "tok_read:read", "tok_write:write", "tok_send:send"]


@pytest.fixture
def mock() -> Iterator[MockServer]:
    with MockServer(tokens=TOKENS, seed=30) as server:
        yield server


@pytest.fixture
def client(mock: MockServer) -> blinksale.Client:
    return blinksale.Client(TOKEN, base_url=mock.url)


@pytest.fixture
def aclient(mock: MockServer) -> blinksale.AsyncClient:
    return blinksale.AsyncClient(TOKEN, base_url=mock.url)


def count(mock: MockServer, method: str, path: str) -> int:
    return sum(1 for r in mock.requests() if r["method"] == method and r["path"] == "/api/v1" + path)
