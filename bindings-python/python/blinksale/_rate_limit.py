"""The rate-limit state a response reported."""

from __future__ import annotations

from typing import NamedTuple, Optional

__all__ = ["RateLimit"]


class RateLimit(NamedTuple):
    """The server's rate-limit headers: requests allowed a window, left, and seconds to the reset."""

    limit: Optional[int]
    remaining: Optional[int]
    reset: Optional[float]
