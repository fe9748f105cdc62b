"""Blinksale API client: sync and async, exact money, retries that never duplicate a write.

    import blinksale
    client = blinksale.Client()          # reads BLINKSALE_API_TOKEN
    for c in client.clients.list():
        print(c.name, c.email)

Models (``Invoice``, ``Payment``, …) are in ``blinksale.types``.
"""
from __future__ import annotations

from typing import Optional

from . import _native
from ._base import BlinksaleObject
from ._client import AsyncClient, Client, RateLimit, RawResponse
from ._errors import (
    APIConnectionError, APIError, APITimeoutError, AuthenticationError, BlinksaleError, ConfigurationError,
    DecodeError, InvalidRequestError, NotFoundError, PermissionDeniedError, RateLimitError, ServerError,
    ValidationError,
)
from . import types
from ._pagination import AsyncPage, Page, PageMeta

__version__: str = _native.__version__


def set_log_level(level: Optional[str]) -> None:
    """Forwards the core's events at ``level`` and above (``"debug"``, ``"info"``, …; None
    turns it off) to the ``logging`` logger ``"blinksale"``. ``BLINKSALE_LOG`` sets it at import."""
    _native.set_log_level(level)


__all__ = [
    "Client", "AsyncClient", "RawResponse", "RateLimit", "Page", "AsyncPage", "PageMeta", "BlinksaleObject",
    "BlinksaleError", "APIError", "AuthenticationError", "PermissionDeniedError", "NotFoundError",
    "ValidationError", "RateLimitError", "ServerError", "APIConnectionError", "APITimeoutError",
    "DecodeError", "InvalidRequestError", "ConfigurationError", "set_log_level", "types", "__version__",
]
