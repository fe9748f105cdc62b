"""blinksale against requests + json and httpx, on the same mock, in one run.

    make bench   (or: BLINKSALE_BASE_URL=... BLINKSALE_API_TOKEN=... python compare.py)

Each side does what the docs' example does: GET /clients?per_page=100 and decode the JSON.
Rounds alternate between the two sides so drift affects both alike; the figure is the
median throughput of the rounds, reported as a ratio.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from typing import Awaitable, Callable, List

import httpx
import requests

import blinksale

URL = os.environ["BLINKSALE_BASE_URL"]
TOKEN = os.environ["BLINKSALE_API_TOKEN"]
HEADERS = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}
SEQ_REQUESTS, SEQ_ROUNDS = 150, 9
CONCURRENCY, ASYNC_BATCHES, ASYNC_ROUNDS = 32, 6, 9


def sequential() -> None:
    client = blinksale.Client(TOKEN, base_url=URL)
    session = requests.Session()

    def ours() -> None:
        assert len(client.clients.list(per_page=100)) == 100

    def theirs() -> None:
        r = session.get(f"{URL}/clients", params={"per_page": 100}, headers=HEADERS)
        r.raise_for_status()
        assert len(r.json()["data"]) == 100

    rates = {ours: [], theirs: []}  # type: ignore[var-annotated]
    for fn in (ours, theirs):
        fn()
    for i in range(SEQ_ROUNDS):
        for fn in (ours, theirs) if i % 2 == 0 else (theirs, ours):
            t = time.perf_counter()
            for _ in range(SEQ_REQUESTS):
                fn()
            rates[fn].append(SEQ_REQUESTS / (time.perf_counter() - t))
    a, b = statistics.median(rates[ours]), statistics.median(rates[theirs])
    print(
        f"sequential GET /clients?per_page=100: blinksale.Client {a:7.0f} req/s, requests+json {b:7.0f} req/s, ratio {a / b:.2f} (goal >= 1.5)"
    )


async def concurrent() -> None:
    client = blinksale.AsyncClient(TOKEN, base_url=URL)
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(limits=limits, headers=HEADERS) as hx:

        async def ours() -> None:
            pages = await asyncio.gather(*(client.clients.list(per_page=100) for _ in range(CONCURRENCY)))
            assert all(len(p) == 100 for p in pages)

        async def theirs() -> None:
            async def one() -> int:
                r = await hx.get(f"{URL}/clients", params={"per_page": 100})
                r.raise_for_status()
                return len(r.json()["data"])

            assert all(n == 100 for n in await asyncio.gather(*(one() for _ in range(CONCURRENCY))))

        sides: List[Callable[[], Awaitable[None]]] = [ours, theirs]
        rates: dict = {ours: [], theirs: []}
        for fn in sides:
            await fn()
        for i in range(ASYNC_ROUNDS):
            for fn in sides if i % 2 == 0 else sides[::-1]:
                t = time.perf_counter()
                for _ in range(ASYNC_BATCHES):
                    await fn()
                rates[fn].append(ASYNC_BATCHES * CONCURRENCY / (time.perf_counter() - t))
        a, b = statistics.median(rates[ours]), statistics.median(rates[theirs])
        print(
            f"{CONCURRENCY} concurrent GET /clients?per_page=100: blinksale.AsyncClient {a:7.0f} req/s, httpx.AsyncClient {b:7.0f} req/s, ratio {a / b:.2f} (goal >= 1.5)"
        )


if __name__ == "__main__":
    sequential()
    asyncio.run(concurrent())
