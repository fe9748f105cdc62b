"""The ``blinksale`` console script: the Rust command line, run through the native module."""

from __future__ import annotations

import signal
import sys

from . import _native


def main() -> None:
    # Ctrl-C ends the command at once, as it does the native binary (Python's handler would
    # wait for the Rust call to return).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.stdout.flush()
    raise SystemExit(_native.cli_main(["blinksale", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
