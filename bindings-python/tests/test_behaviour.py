"""Threads and the GIL, fork, logging and token secrecy."""

from __future__ import annotations

import asyncio
import http.server
import json
import logging
import multiprocessing
import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from conftest import TOKEN

import blinksale
from blinksale.testing import MockServer


def test_requests_release_the_gil(client: blinksale.Client, mock: MockServer) -> None:
    # Each request waits 300 ms in the server. If the GIL were held meanwhile, a pure-Python
    # counter thread could not run; with it released, it counts throughout.
    mock.inject("delay", path="/units", ms=300, times=8)
    ticks = 0
    stop = threading.Event()

    def counter() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    t = threading.Thread(target=counter)
    t.start()
    time.sleep(0.05)
    start_ticks = ticks
    workers = [threading.Thread(target=client.units.list) for _ in range(8)]
    started = time.monotonic()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.monotonic() - started
    progress = ticks - start_ticks
    stop.set()
    t.join()
    assert elapsed < 2.0, "8 delayed requests ran concurrently"
    assert progress > 100_000, f"the counter thread barely ran ({progress} ticks)"


def test_threads_of_one_sync_client_share_its_rate_limit() -> None:
    # Each thread drives its calls on its own runtime and connections; the budget is still
    # the client's: 4 threads making 24 calls against 10 per 2 s meet no 429.
    with MockServer(tokens=[TOKEN], rate_limit=10, window=2.0) as mock:
        client = blinksale.Client(TOKEN, base_url=mock.url)
        errors: list = []

        def work() -> None:
            try:
                for _ in range(6):
                    client.units.list()
            except Exception as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        statuses = [r["status"] for r in mock.requests()]
        assert not errors and statuses.count(200) == 24, (errors, statuses)
        assert 429 not in statuses


class _ClosesWhenIdle(http.server.BaseHTTPRequestHandler):
    """Answers with keep-alive and then closes the connection, as servers do after an idle
    timeout; counts the writes it receives."""

    protocol_version = "HTTP/1.1"
    posts = 0

    def _answer(self, data: object) -> None:
        body = json.dumps({"data": data}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        time.sleep(0.05)  # the client is idle by now
        self.close_connection = True

    def do_GET(self) -> None:
        self._answer([{"id": "u1", "name": "Hours"}])

    def do_POST(self) -> None:
        type(self).posts += 1
        self.rfile.read(int(self.headers["Content-Length"]))
        self._answer({"id": "u2", "name": "Crate"})

    def log_message(self, *args: object) -> None:
        pass


def test_a_connection_closed_by_the_server_while_idle_is_not_used_for_a_write() -> None:
    # Blocking calls run their I/O on the calling thread, so nothing watches the pool between
    # calls: the next call must still see that the server closed the connection, and send its
    # write once, on a new one.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ClosesWhenIdle)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        client = blinksale.Client(TOKEN, base_url=f"http://127.0.0.1:{server.server_port}/api/v1", max_retries=0)
        for _ in range(3):
            assert client.units.list()[0].name == "Hours"
            time.sleep(0.1)
            assert client.units.create(name="Crate").id == "u2"
            time.sleep(0.1)
        assert _ClosesWhenIdle.posts == 3
    finally:
        server.shutdown()
        server.server_close()


def _child(url: str, queue: multiprocessing.Queue[object], client: blinksale.Client) -> None:
    try:
        queue.put(len(client.units.list()))
    except Exception as e:  # the parent reports it
        queue.put(repr(e))


def test_fork_child_works_and_never_hangs(client: blinksale.Client, mock: MockServer) -> None:
    assert len(client.units.list()) == 3  # the parent's runtime and pool are in use
    ctx = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[object] = ctx.Queue()
    p = ctx.Process(target=_child, args=(mock.url, queue, client))
    p.start()
    p.join(timeout=30)
    assert p.exitcode == 0, "the forked child hung or crashed"
    assert queue.get(timeout=5) == 3


def _async_child(queue: multiprocessing.Queue[object], client: blinksale.AsyncClient) -> None:
    try:
        queue.put(len(asyncio.run(client.units.list())))
    except Exception as e:  # the parent reports it
        queue.put(repr(e))


def test_an_async_client_works_in_a_forked_child(mock: MockServer) -> None:
    client = blinksale.AsyncClient(TOKEN, base_url=mock.url)
    assert len(asyncio.run(client.units.list())) == 3  # the parent's runtime is in use
    ctx = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[object] = ctx.Queue()
    p = ctx.Process(target=_async_child, args=(queue, client))
    p.start()
    p.join(timeout=30)
    assert p.exitcode == 0, "the forked child hung or crashed"
    assert queue.get(timeout=5) == 3


# Ends while the runtime's threads are still handing results and log lines to Python: the
# store's port is closed, so each call also logs a warning from a runtime thread.
_EXIT_RACE = """
import asyncio, logging, sys, blinksale
logging.basicConfig(level=logging.WARNING)
async def main():
    client = blinksale.AsyncClient(sys.argv[1], base_url=sys.argv[2], rate_limit_store=sys.argv[3])
    await asyncio.gather(*(client.units.list() for _ in range(40)))
    print("done", flush=True)
asyncio.run(main())
"""


def test_the_process_exits_cleanly_while_runtime_threads_enter_python(mock: MockServer) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"redis://127.0.0.1:{s.getsockname()[1]}/0"
    env = dict(os.environ, BLINKSALE_LOG="warn")
    for _ in range(20):
        run = subprocess.run(
            [sys.executable, "-c", _EXIT_RACE, TOKEN, mock.url, closed],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (run.returncode, run.stdout) == (0, "done\n"), run.stderr[-2000:]
        assert "rate-limit store failed" in run.stderr


def test_logging_reaches_the_blinksale_logger(
    client: blinksale.Client, caplog: pytest.LogCaptureFixture, mock: MockServer
) -> None:
    blinksale.set_log_level("debug")
    try:
        with caplog.at_level(logging.DEBUG, logger="blinksale"):
            mock.inject("status", path="/units", status=503)
            client.units.list()
    finally:
        blinksale.set_log_level(None)
    messages = [r.getMessage() for r in caplog.records if r.name == "blinksale"]
    assert any("blinksale: response" in m and "status=200" in m for m in messages), messages
    assert any("blinksale: retrying" in m for m in messages)
    assert all(TOKEN not in m for m in messages)


def test_token_never_shows(mock: MockServer) -> None:
    c = blinksale.Client(TOKEN, base_url=mock.url, max_retries=0)
    texts = [repr(c), str(c), repr(c.invoices), repr(c.with_raw_response)]
    for call in (
        lambda: blinksale.Client("tok_wrong", base_url=mock.url).units.list(),
        lambda: blinksale.Client("tok_read", base_url=mock.url).units.create(name="x"),
        lambda: c.units.get("nope"),
        lambda: c.payments.create(invoice_id="x", amount=-1),
    ):
        with pytest.raises(blinksale.BlinksaleError) as e:
            call()
        texts += [str(e.value), repr(e.value), repr(e.value.__dict__)]
    with pytest.raises(blinksale.ConfigurationError) as cfg:
        blinksale.Client(TOKEN + " x")
    texts.append(str(cfg.value))
    assert all(TOKEN not in t for t in texts)
    assert all(TOKEN not in str(r) for r in mock.requests())
