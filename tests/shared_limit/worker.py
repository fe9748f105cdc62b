"""One Python process of the shared-limit test: `tasks` concurrent tasks list clients, for
`duration` seconds or `count` calls in all, through a client sharing its rate limit via
`rate_limit_store=$STORE` (none when STORE is empty). Prints {"ok": …, "rate_limited": …}."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import time

import blinksale


async def main(mode: str, amount: float, tasks: int) -> None:
    client = blinksale.AsyncClient(rate_limit_store=os.environ.get("STORE") or None, max_retries=5)
    deadline = time.monotonic() + amount if mode == "duration" else None
    left = int(amount) if mode == "count" else -1
    ok = rate_limited = 0

    async def run() -> None:
        nonlocal ok, rate_limited, left
        while deadline is None or time.monotonic() < deadline:
            if deadline is None:
                if left <= 0:
                    return
                left -= 1
            try:
                await client.clients.list(per_page=1)
                ok += 1
            except blinksale.RateLimitError:
                rate_limited += 1

    await asyncio.gather(*(run() for _ in range(tasks)))
    print(json.dumps({"ok": ok, "rate_limited": rate_limited}), flush=True)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="[python] %(name)s %(levelname)s %(message)s")
    asyncio.run(main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3])))
