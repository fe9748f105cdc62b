"""The bases of every exception; the classes for each kind of error are generated in
``_errors.py`` from the core's error table, and raised from Rust with the core's details."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from ._rate_limit import RateLimit

__all__ = ["BlinksaleError", "APIError"]


class BlinksaleError(Exception):
    """Base of every error the SDK raises. ``str(e)`` and ``e.message`` describe it; ``e.code``
    is the core's stable code (``"not_found"``, ``"validation"``, …)."""

    code: str = "error"
    message: str = ""
    server_message: Optional[str] = None
    status_code: Optional[int] = None
    request_id: Optional[str] = None
    errors: Dict[str, List[str]] = {}
    headers: Dict[str, str] = {}
    rate_limit: Optional[RateLimit] = None
    body: Optional[str] = None
    retry_after: Optional[float] = None
    required_permission: Optional[str] = None
    request_sent: Optional[bool] = None
    field: Optional[str] = None
    body_excerpt: Optional[str] = None

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        for key, value in details.items():
            if value is not None:
                setattr(self, key, value)

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))


def _rebuild(cls: type, message: str, state: Dict[str, Any]) -> BlinksaleError:
    err: BlinksaleError = cls(message)
    err.__dict__.update(state)
    return err


class APIError(BlinksaleError):
    """The API answered with an error status: ``status_code``, ``server_message``, ``errors``,
    ``request_id``, ``headers``, ``rate_limit`` and ``body`` say what it sent."""
