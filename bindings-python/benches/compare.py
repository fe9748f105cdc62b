"""blinksale for Python beside the Rust core and the popular alternatives, on the same mock, in
one run.

    make bench   (or: BLINKSALE_BASE_URL=... BLINKSALE_API_TOKEN=... CORE_CALLS=... python compare.py)

Sequential: GET /clients?per_page=100 (the docs' example, decoding 100 clients) and GET /units
(a small page: the per-call cost apart from decoding), timed per call for the Rust core
(`core_calls`, a process fed one round at a time), blinksale.Client, blinksale.AsyncClient
awaited one at a time and requests + json. Then 32 concurrent pages against httpx. Rounds
rotate the sides so drift affects them alike; figures are medians of the rounds.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import time
from typing import Awaitable, Callable, Dict, List

import httpx
import requests

import blinksale

URL = os.environ["BLINKSALE_BASE_URL"]
TOKEN = os.environ["BLINKSALE_API_TOKEN"]
CORE_CALLS = os.environ["CORE_CALLS"]
HEADERS = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}
SEQ_CALLS, SEQ_ROUNDS = 150, 9
CONCURRENCY, ASYNC_BATCHES, ASYNC_ROUNDS = 32, 6, 9

Round = Callable[[int], float]
"""Runs n calls; returns the seconds they took."""


class Core:
    """The Rust core's rounds, run by `core_calls` in its own process as this one waits."""

    def __init__(self) -> None:
        args = [CORE_CALLS, URL, TOKEN]
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def round(self, what: str) -> Round:
        def run(n: int) -> float:
            assert self.proc.stdin and self.proc.stdout
            self.proc.stdin.write(f"{what} {n}\n")
            self.proc.stdin.flush()
            return float(self.proc.stdout.readline())

        return run

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


def timed(call: Callable[[], object]) -> Round:
    def run(n: int) -> float:
        t = time.perf_counter()
        for _ in range(n):
            call()
        return time.perf_counter() - t

    return run


def per_call(sides: Dict[str, Round], calls: int, rounds: int) -> Dict[str, float]:
    """Median µs per call of each side, the order of the sides rotating every round."""
    names = list(sides)
    for name in names:
        sides[name](calls // 10)  # warm connections and caches
    times: Dict[str, List[float]] = {name: [] for name in names}
    for i in range(rounds):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            times[name].append(sides[name](calls) / calls * 1e6)
    return {name: statistics.median(t) for name, t in times.items()}


def report(title: str, us: Dict[str, float], goals: Dict[str, str]) -> None:
    core, theirs = us["Rust core"], us["requests + json"]
    print(title)
    for name, t in us.items():
        line = f"  {name:<38} {t:7.0f} µs"
        if name.startswith("blinksale"):
            line += f"   {t / core:4.2f}× the core's time, {theirs / t:4.2f}× as fast as requests + json"
        print(line + (f"   (goal: {goals[name]})" if name in goals else ""))


def sequential() -> None:
    client = blinksale.Client(TOKEN, base_url=URL)
    aclient = blinksale.AsyncClient(TOKEN, base_url=URL)
    loop = asyncio.new_event_loop()
    session = requests.Session()
    core = Core()

    def plain(path: str, n: int) -> Callable[[], None]:
        def call() -> None:
            r = session.get(f"{URL}/{path}", params={"per_page": n} if n else None, headers=HEADERS)
            r.raise_for_status()
            assert r.json()["data"]

        return call

    def awaited(make: Callable[[], Awaitable[object]]) -> Round:
        async def calls(n: int) -> float:
            t = time.perf_counter()
            for _ in range(n):
                await make()
            return time.perf_counter() - t

        return lambda n: loop.run_until_complete(calls(n))

    page = {
        "Rust core": core.round("clients"),
        "blinksale.Client": timed(lambda: client.clients.list(per_page=100)),
        "requests + json": timed(plain("clients", 100)),
    }
    report(
        f"sequential GET /clients?per_page=100, per call (median of {SEQ_ROUNDS} rounds of {SEQ_CALLS}):",
        per_call(page, SEQ_CALLS, SEQ_ROUNDS),
        {"blinksale.Client": ">= 1.5× requests + json, <= 1.25× the core"},
    )
    small = {
        "Rust core": core.round("units"),
        "blinksale.Client": timed(lambda: client.units.list()),
        "blinksale.AsyncClient, awaited in turn": awaited(lambda: aclient.units.list()),
        "requests + json": timed(plain("units", 0)),
    }
    us = per_call(small, SEQ_CALLS * 2, SEQ_ROUNDS)
    report(
        f"sequential GET /units (a small page), per call (median of {SEQ_ROUNDS} rounds of {SEQ_CALLS * 2}):", us, {}
    )
    sync, awaited_us = us["blinksale.Client"], us["blinksale.AsyncClient, awaited in turn"]
    print(f"  sync ÷ async awaited in turn: {sync / awaited_us:.2f} (goal <= 1.2)")
    core.close()
    loop.close()


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
