"""Blinksale API client: sync and async, exact money, retries that never duplicate a write.

    import blinksale
    client = blinksale.Client()          # reads BLINKSALE_API_TOKEN
    for c in client.clients.list():
        print(c.name, c.email)

Models (``Invoice``, ``Payment``, …) and request types (``InvoiceInputParams``, …) are in
``blinksale.types``.
"""

from __future__ import annotations

from typing import Optional

from . import _errors, _native, types
from ._base import BlinksaleObject
from ._client import AsyncClient, Client
from ._errors import *  # noqa: F403  (one class per error kind, generated)
from ._errors import APIError, BlinksaleError
from ._pagination import AsyncPage, Page, PageMeta
from ._rate_limit import RateLimit
from ._resource import NOT_GIVEN, APIResponse, NotGiven

__version__: str = _native.__version__


def set_log_level(level: Optional[str]) -> None:
    """Forwards the core's events at ``level`` and above (``"debug"``, ``"info"``, …; None
    turns it off) to the ``logging`` logger ``"blinksale"``. ``BLINKSALE_LOG`` sets it at import."""
    _native.set_log_level(level)


__all__ = [
    "Client",
    "AsyncClient",
    "APIResponse",
    "RateLimit",
    "Page",
    "AsyncPage",
    "PageMeta",
    "BlinksaleObject",
    "NOT_GIVEN",
    "NotGiven",
    "BlinksaleError",
    "APIError",
    "set_log_level",
    "types",
    "__version__",
]
__all__ += _errors.__all__
