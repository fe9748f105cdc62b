"""The cost of tracing per call: GET /units (a small page) with OpenTelemetry absent, with a
no-op tracer provider, and with the SDK's provider (spans sampled, no exporter), in one run.

    make bench   (or: BLINKSALE_BASE_URL=... BLINKSALE_API_TOKEN=... python telemetry.py)

"No check" is the call path with the provider lookup skipped: what a call cost before tracing.
Providers are swapped between rounds through the API's module global (the API sets one once a
process); the rounds rotate the sides so drift affects them alike; figures are medians.
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Any, Callable, Dict, List

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider

import blinksale
from blinksale import _telemetry

CALLS, ROUNDS = 400, 11


def side(provider: Any, check: bool = True) -> Callable[[int], float]:
    client = blinksale.Client(os.environ["BLINKSALE_API_TOKEN"], base_url=os.environ["BLINKSALE_BASE_URL"])
    lookup = _telemetry.pipeline

    def run(n: int) -> float:
        trace._TRACER_PROVIDER = provider  # type: ignore[attr-defined]
        _telemetry.pipeline = lookup if check else (lambda: None)  # type: ignore[assignment]
        t = time.perf_counter()
        for _ in range(n):
            client.units.list()
        elapsed = time.perf_counter() - t
        _telemetry.pipeline = lookup  # type: ignore[assignment]
        return elapsed

    return run


def main() -> None:
    sides = {
        "no check (before tracing)": side(None, check=False),
        "OpenTelemetry absent (no provider)": side(None),
        "no-op tracer provider": side(trace.NoOpTracerProvider()),
        "SDK provider, sampled, no exporter": side(TracerProvider()),
    }
    times: Dict[str, List[float]] = {name: [] for name in sides}
    names = list(sides)
    for name in names:
        sides[name](CALLS // 10)
    for i in range(ROUNDS):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            times[name].append(sides[name](CALLS) / CALLS * 1e6)
    base = statistics.median(times[names[0]])
    print(f"GET /units per call, blinksale.Client (median of {ROUNDS} rounds of {CALLS}):")
    for name in names:
        us = statistics.median(times[name])
        print(f"  {name:<36} {us:7.1f} µs   {us / base:4.2f}× (+{us - base:5.1f} µs)")


if __name__ == "__main__":
    main()
