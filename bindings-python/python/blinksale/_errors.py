"""Exceptions. The Rust core decides which error it is; these classes are what Python sees."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

__all__ = [
    "BlinksaleError", "APIError", "AuthenticationError", "PermissionDeniedError", "NotFoundError",
    "ValidationError", "RateLimitError", "ServerError", "APIConnectionError", "APITimeoutError",
    "DecodeError", "InvalidRequestError", "ConfigurationError",
]


class BlinksaleError(Exception):
    """Base of every error the SDK raises. ``str(e)`` describes it; ``e.message`` is the
    server's own message where there was one."""

    message: str

    def __init__(self, description: str, **details: Any) -> None:
        super().__init__(description)
        self.message = description
        for key, value in details.items():
            setattr(self, key, value)

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self), str(self), dict(self.__dict__)))


def _rebuild(cls: type, description: str, state: Dict[str, Any]) -> BlinksaleError:
    err: BlinksaleError = cls(description)
    err.__dict__.update(state)
    return err


class APIError(BlinksaleError):
    """The API answered with an error status."""

    status_code: Optional[int] = None
    errors: Dict[str, List[str]] = {}
    request_id: Optional[str] = None
    headers: Dict[str, str] = {}


class AuthenticationError(APIError):
    """401: the token is missing, unknown or expired."""


class PermissionDeniedError(APIError):
    """403: the token lacks the permission the operation needs (``required_permission``)."""

    required_permission: Optional[str] = None


class NotFoundError(APIError):
    """404: no such resource."""


class ValidationError(APIError):
    """422: ``errors`` maps each field to its messages."""


class RateLimitError(APIError):
    """429 after the retries allowed; ``retry_after`` is the wait, in seconds."""

    retry_after: Optional[float] = None


class ServerError(APIError):
    """5xx after the retries allowed (including HTML error pages from proxies)."""


class APIConnectionError(BlinksaleError):
    """No response: the connection failed or closed."""

    request_sent: Optional[bool] = None


class APITimeoutError(APIConnectionError):
    """The request took longer than the timeout."""


class DecodeError(BlinksaleError):
    """A response that is not the JSON the API documents."""

    status_code: Optional[int] = None
    request_id: Optional[str] = None
    body_excerpt: Optional[str] = None


class InvalidRequestError(BlinksaleError, ValueError):
    """Input refused before any request was sent; ``field`` names the field at fault."""

    field: Optional[str] = None


class ConfigurationError(BlinksaleError):
    """The client is misconfigured: token, base URL or options."""


_BY_CODE = {
    "authentication": AuthenticationError, "permission_denied": PermissionDeniedError,
    "not_found": NotFoundError, "validation": ValidationError, "rate_limited": RateLimitError,
    "api": APIError, "server": ServerError, "timeout": APITimeoutError,
    "connection": APIConnectionError, "decode": DecodeError,
    "invalid_request": InvalidRequestError, "config": ConfigurationError,
}


def _from_native(code: str, description: str, **details: Any) -> BlinksaleError:
    """Called by the native module with the core's error code and details."""
    cls = _BY_CODE.get(code, BlinksaleError)
    allowed = {k: v for k, v in details.items() if v is not None or k in ("status_code", "request_id")}
    return cls(description, **allowed)
