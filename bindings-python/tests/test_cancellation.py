"""Ctrl-C during sync calls, asyncio cancellation, deadlines, capped bodies and log lines."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from conftest import TOKEN, TOKENS

import blinksale
from blinksale.testing import MockServer

# The child starts a mock whose /units answers in 20 s, starts a blocking call, and says so.
CHILD = textwrap.dedent(
    """
    import signal, sys, time
    import blinksale
    from blinksale.testing import MockServer

    # A shell that starts jobs in the background leaves SIGINT ignored; Python then installs
    # no handler, so install Ctrl-C's own.
    signal.signal(signal.SIGINT, signal.default_int_handler)

    mock = MockServer(seed=300)
    client = blinksale.Client(mock.token, base_url=mock.url)
    mock.inject("delay", path=sys.argv[2], ms=20000)
    call = {
        "list": lambda: client.units.list(timeout=30),
        "list_all": lambda: list(client.clients.list_all()),
        "request": lambda: client.request("GET", "/units", timeout=30),
    }[sys.argv[1]]
    print("calling", flush=True)
    try:
        call()
        print("finished", flush=True)
    except KeyboardInterrupt:
        print("interrupted", time.monotonic(), flush=True)
    # The process and the client are healthy afterwards.
    assert len(client.units.list()) > 0
    print("usable", flush=True)
    """
)


@pytest.mark.parametrize(("call", "path"), [("list", "/units"), ("list_all", "/clients"), ("request", "/units")])
def test_ctrl_c_interrupts_a_blocking_call_within_200_ms(call: str, path: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, call, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "calling"
    time.sleep(0.5)  # the request is in the server's hands by now
    sent = time.monotonic()
    child.send_signal(signal.SIGINT)
    line = child.stdout.readline().split()
    # The rest through the same buffered reader: `communicate` would skip what readline buffered.
    out = child.stdout.read()
    _, err = child.communicate(timeout=30)
    assert line and line[0] == "interrupted", (line, out, err)
    latency = float(line[1]) - sent
    assert latency < 0.2, f"KeyboardInterrupt {latency * 1000:.0f} ms after SIGINT"
    assert "usable" in out and child.returncode == 0, err


async def test_asyncio_cancellation_leaves_the_budget_intact() -> None:
    with MockServer(tokens=TOKENS, rate_limit=10, window=2.0) as mock:
        client = blinksale.AsyncClient(TOKEN, base_url=mock.url)
        await client.units.list()
        mock.inject("delay", path="/units", ms=5000, times=8)
        for _ in range(8):
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(client.units.list(), timeout=0.05)
        await asyncio.sleep(2.1)  # a new window
        started = time.monotonic()
        for _ in range(8):
            await client.units.list()
        assert time.monotonic() - started < 1.0, "paced as if nothing had leaked"
        assert not [r for r in mock.requests() if r["status"] == 429]


def test_a_deadline_bounds_the_whole_call(mock: MockServer) -> None:
    client = blinksale.Client(TOKEN, base_url=mock.url)
    mock.inject("rate_limit", path="/units", reset=5)
    started = time.monotonic()
    with pytest.raises(blinksale.APITimeoutError):
        client.units.list(deadline=1.0)
    assert 0.95 < time.monotonic() - started < 1.4
    bounded = blinksale.Client(TOKEN, base_url=mock.url, deadline=0.3)
    mock.inject("delay", path="/units", ms=2000)
    with pytest.raises(blinksale.APITimeoutError):
        bounded.units.list()


def test_an_oversized_body_is_refused() -> None:
    with MockServer(tokens=TOKENS, seed=100) as mock:
        small = blinksale.Client(TOKEN, base_url=mock.url, max_response_bytes=4096)
        with pytest.raises(blinksale.DecodeError) as e:
            small.clients.list(per_page=100)
        assert "larger than the limit of 4096 bytes" in str(e.value)
        assert small.units.list().data


def test_one_log_line_per_attempt_without_the_token(mock: MockServer, caplog: pytest.LogCaptureFixture) -> None:
    client = blinksale.Client(TOKEN, base_url=mock.url)
    blinksale.set_log_level("debug")
    try:
        with caplog.at_level(logging.DEBUG, logger="blinksale"):
            mock.inject("status", path="/units", status=503)
            client.units.list()
            client.clients.list(search="jane@example.com")
    finally:
        blinksale.set_log_level(os.environ.get("BLINKSALE_LOG"))
    lines = [r.getMessage() for r in caplog.records]
    attempts = [line for line in lines if line.startswith("blinksale: response")]
    assert any("method=GET path=/units status=503" in line and "attempt=1" in line for line in attempts), lines
    assert any(
        "path=/units status=200" in line and "attempt=2" in line and "request_id=req_" in line for line in attempts
    )
    assert any("blinksale: retrying" in line for line in lines), "debug adds retries"
    assert any("search=[redacted]" in line for line in attempts) and not any("jane@" in line for line in lines)
    assert not any(TOKEN in line for line in lines)


async def test_a_cancelled_create_is_sent_once(mock: MockServer) -> None:
    client = blinksale.AsyncClient(TOKEN, base_url=mock.url)
    mock.inject("delay", path="/units", method="POST", ms=800)
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(client.units.create(name="Crate"), timeout=0.1)
    await asyncio.sleep(1.0)
    assert len([r for r in mock.requests() if r["method"] == "POST"]) == 1, "never retried"


async def test_the_async_escape_hatch_is_native_and_cancelled_with_its_task() -> None:
    with MockServer(tokens=TOKENS, rate_limit=10, window=2.0) as mock:
        client = blinksale.AsyncClient(TOKEN, base_url=mock.url)
        page = await client.request("GET", "/units", params={"per_page": 2})
        assert len(page["data"]) == 2 and page["meta"]["per_page"] == 2
        threads = threading.active_count()
        mock.inject("delay", path="/units", ms=5000, times=8)
        for _ in range(8):
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(client.request("GET", "/units"), timeout=0.05)
        # A thread pool would still hold eight blocked calls; the native path dropped them.
        assert threading.active_count() == threads
        await asyncio.sleep(2.1)
        for _ in range(8):
            await client.request("GET", "/units")
        assert not [r for r in mock.requests() if r["status"] == 429]
