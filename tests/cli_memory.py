"""Peak memory of `blinksale invoices list --all --output jsonl`: a 20,000-item export must
run in the memory of a short one (pages are written as they arrive, never collected).

Needs a mock seeded with at least 20,000 invoices and rate limiting off."""

from __future__ import annotations

import os
import subprocess
import sys

BIN = os.path.join(os.environ["CARGO_TARGET_DIR"], os.environ["CARGO_BUILD_TARGET"], "release", "blinksale")


def peak_rss_kib(limit: int) -> tuple[int, int]:
    """Runs an export of `limit` items; returns (lines written, peak RSS in KiB)."""
    args = [BIN, "invoices", "list", "--limit", str(limit), "--output", "jsonl"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    lines = sum(1 for _ in proc.stdout)
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the export failed"
    return lines, usage.ru_maxrss


def main() -> int:
    small_lines, small = peak_rss_kib(1_000)
    big_lines, big = peak_rss_kib(20_000)
    assert (small_lines, big_lines) == (1_000, 20_000), (small_lines, big_lines)
    print(f"peak RSS: 1,000 items {small / 1024:.1f} MiB, 20,000 items {big / 1024:.1f} MiB")
    # Flat: twenty times the items may not cost more than a few pages' worth of memory.
    if big > small + 8 * 1024:
        print("FAIL: memory grows with the number of items", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
