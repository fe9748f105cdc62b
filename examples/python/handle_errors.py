"""Errors: a validation error's field messages, a write with a read-only token, and a burst
the client paces under the rate limit so no 429 reaches the code.

    BLINKSALE_API_TOKEN=... BLINKSALE_READONLY_TOKEN=... python examples/python/handle_errors.py
"""

import os
from concurrent.futures import ThreadPoolExecutor

import blinksale


def main() -> None:
    client = blinksale.Client()
    # Per-request options, and the HTTP side of a response.
    raw = client.units.with_raw_response.list(per_page=5, timeout=10, extra_headers={"X-Trace": "export-1"})
    print(f"status {raw.status_code}, request {raw.request_id}, {len(raw.parse().data)} units")

    try:
        client.payments.create(invoice_id="no-such-invoice", amount=10)
    except blinksale.ValidationError as e:
        for field, messages in e.errors.items():
            print(f"validation: {field}: {' '.join(messages)}")

    read_only = blinksale.Client(os.environ.get("BLINKSALE_READONLY_TOKEN"))
    try:
        read_only.units.create(name="Crate")
    except blinksale.PermissionDeniedError as e:
        print(f'permission denied: this token lacks "{e.required_permission}"')

    # 30 requests from 8 threads: one client, one shared limiter.
    limited = 0
    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(client.units.list) for _ in range(30)]
        ok = 0
        for f in futures:
            try:
                f.result()
                ok += 1
            except blinksale.RateLimitError:
                limited += 1
    print(f"burst: {ok} of 30 requests succeeded, {limited} rate-limit errors reached the code")


if __name__ == "__main__":
    main()
