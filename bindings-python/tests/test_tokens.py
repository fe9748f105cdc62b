"""Token sources: a file rotated mid-run, a provider (sync and async) asked once for many
401s, a write sent again once with a new token, hygiene, and the permissions a run needed."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from pathlib import Path
from typing import Iterator, List

import pytest

import blinksale
from blinksale.testing import MockServer

ALL = ("read", "write", "send")


@pytest.fixture
def mock() -> Iterator[MockServer]:
    with MockServer(tokens=["tok_py_old_1111"]) as server:
        yield server


def swap(secret: Path, token: str, version: int) -> None:
    """Rotates a Kubernetes-style secret: a new `..vN` directory, `..data` swapped to it."""
    target = secret / f"..v{version}"
    target.mkdir()
    (target / "token").write_text(token + "\n")
    (secret / "..data_tmp").symlink_to(target.name)
    os.replace(secret / "..data_tmp", secret / "..data")


def test_a_token_file_rotated_mid_run_loses_no_call_and_is_read_once(
    mock: MockServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    swap(tmp_path, "tok_py_old_1111", 1)
    (tmp_path / "token").symlink_to("..data/token")
    blinksale.set_log_level("debug")
    caplog.set_level(logging.DEBUG, logger="blinksale")
    client = blinksale.Client(token_file=str(tmp_path / "token"), base_url=mock.url, max_retries=0)
    stop = threading.Event()
    failures: List[BaseException] = []
    calls = [0] * 8

    def work(i: int) -> None:
        while not stop.is_set():
            try:
                client.units.list()
                calls[i] += 1
            except BaseException as e:  # noqa: BLE001 - collected and asserted below
                failures.append(e)
                return

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.3)
    mock.add_token("tok_py_new_2222")
    swap(tmp_path, "tok_py_new_2222", 2)
    assert mock.revoke_token("tok_py_old_1111")
    time.sleep(1.5)
    stop.set()
    for t in threads:
        t.join()
    blinksale.set_log_level(None)
    assert failures == []
    assert all(n > 0 for n in calls)
    asked = [r for r in caplog.records if "asking for the token" in r.getMessage()]
    assert len(asked) == 1, "the file is read once for its one change"
    assert mock.requests()[-1]["status"] == 200


class Provider:
    """Hands out the tokens given, in turn (the last one again when done), counting calls."""

    def __init__(self, *tokens: str) -> None:
        self.tokens = tokens
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        time.sleep(0.02)
        return self.tokens[min(self.calls, len(self.tokens)) - 1]


def test_a_sync_provider_is_asked_once_for_sixteen_threads_that_get_a_401(mock: MockServer) -> None:
    provider = Provider("tok_py_old_1111", "tok_py_new_2222")
    client = blinksale.Client(provider, base_url=mock.url)
    assert provider.calls == 0
    client.units.list()
    client.units.list()
    assert provider.calls == 1, "asked on first use, not per request"
    mock.add_token("tok_py_new_2222")
    mock.revoke_token("tok_py_old_1111")
    barrier = threading.Barrier(16)

    def call() -> None:
        barrier.wait()
        client.units.list()

    threads = [threading.Thread(target=call) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert provider.calls == 2, "one refresh for every thread that got a 401"
    # Threads run truly in parallel: some start after the refresh and never see a 401.
    assert sum(1 for r in mock.requests() if r["status"] == 401) >= 1


def test_an_async_provider_is_awaited_on_the_callers_loop_once_for_sixteen_tasks(mock: MockServer) -> None:
    calls = []

    async def provider() -> str:
        calls.append(asyncio.get_running_loop())
        await asyncio.sleep(0.02)
        return "tok_py_old_1111" if len(calls) == 1 else "tok_py_new_2222"

    async def run() -> None:
        client = blinksale.AsyncClient(provider, base_url=mock.url)
        await client.units.list()
        mock.add_token("tok_py_new_2222")
        mock.revoke_token("tok_py_old_1111")
        await asyncio.gather(*(client.units.list() for _ in range(16)))
        assert calls == [asyncio.get_running_loop()] * 2

    asyncio.run(run())


def test_a_sync_client_takes_an_async_provider(mock: MockServer) -> None:
    async def provider() -> str:
        await asyncio.sleep(0)
        return "tok_py_old_1111"

    assert blinksale.Client(provider, base_url=mock.url).units.list().data


def test_a_write_answered_401_goes_again_once_with_the_new_token(mock: MockServer) -> None:
    client = blinksale.Client(Provider("tok_py_old_1111", "tok_py_new_2222"), base_url=mock.url)
    client.units.list()
    mock.add_token("tok_py_new_2222")
    mock.revoke_token("tok_py_old_1111")
    mock.clear_requests()
    client.units.create(name="Crate")
    assert [(r["method"], r["status"]) for r in mock.requests()] == [("POST", 401), ("POST", 201)]


def test_a_401_with_an_unchanged_token_is_raised_after_one_request(mock: MockServer) -> None:
    provider = Provider("tok_py_old_1111")
    for client in (
        blinksale.Client(provider, base_url=mock.url),
        blinksale.Client("tok_py_old_1111", base_url=mock.url),
    ):
        client.units.list()
        mock.revoke_token("tok_py_old_1111")
        mock.clear_requests()
        with pytest.raises(blinksale.AuthenticationError):
            client.units.create(name="Crate")
        assert len(mock.requests()) == 1
        mock.reset()
    assert provider.calls == 2


def test_a_provider_that_raises_fails_the_call_with_its_message(mock: MockServer) -> None:
    def sealed() -> str:
        raise RuntimeError("vault is sealed")

    with pytest.raises(blinksale.ConfigurationError, match="vault is sealed"):
        blinksale.Client(sealed, base_url=mock.url).units.list()
    assert mock.requests() == []


@pytest.mark.parametrize("bad", ["Bearer tok_secret_9999", "tok_secret 9999", "tok_secret\x1b9999"])
def test_hygiene_cases_are_configuration_errors_without_the_token(bad: str, tmp_path: Path) -> None:
    with pytest.raises(blinksale.ConfigurationError) as raised:
        blinksale.Client(bad, base_url="http://127.0.0.1:1/api/v1")
    assert "secret" not in str(raised.value)
    (tmp_path / "token").write_text(bad)
    with pytest.raises(blinksale.ConfigurationError) as raised:
        blinksale.Client(token_file=str(tmp_path / "token"), base_url="http://127.0.0.1:1/api/v1")
    assert "secret_9999" not in str(raised.value) and str(tmp_path) in str(raised.value)


def test_the_environment_chain_ends_in_the_token_file(
    mock: MockServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BLINKSALE_API_TOKEN", raising=False)
    monkeypatch.delenv("BLINKSALE_API_TOKEN_FILE", raising=False)
    with pytest.raises(blinksale.ConfigurationError, match="BLINKSALE_API_TOKEN_FILE"):
        blinksale.Client(base_url=mock.url)
    (tmp_path / "token").write_text("  tok_py_old_1111\n")
    monkeypatch.setenv("BLINKSALE_API_TOKEN_FILE", str(tmp_path / "token"))
    assert blinksale.Client(base_url=mock.url).units.list().data


def test_the_permissions_a_run_needed(mock: MockServer) -> None:
    client = blinksale.Client("tok_py_old_1111", base_url=mock.url)
    client.units.list()
    client.clients.list()
    client.units.create(name="Crate")
    assert client.permissions_used() == {"read", "write"}
    assert client.with_options(timeout=5).permissions_used() == {"read", "write"}
    assert mock.permissions_used() == {"read", "write"}
    assert mock.permissions_used("tok_py_old_1111") == {"read", "write"}
    assert mock.permissions_used("tok_unknown") == frozenset()
