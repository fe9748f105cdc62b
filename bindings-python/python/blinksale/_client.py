"""``Client`` and ``AsyncClient``: the same surface, blocking or awaitable. The resources
themselves are generated (``_resources.py``)."""

from __future__ import annotations

import abc
import copy
import platform
from typing import Any, FrozenSet, Mapping, Optional, TypeVar, Union

from typing_extensions import Unpack

from . import _native, _telemetry
from ._contract import CallOptions, ClientOptions
from ._rate_limit import RateLimit
from ._resource import NOT_GIVEN, Headers, NotGiven, Query, _options
from ._resources import AsyncRawResources, AsyncResources, RawResources, Resources
from ._tokens import TokenSource

__all__ = ["Client", "AsyncClient"]

_USER_AGENT = f"blinksale-python/{_native.__version__} python/{platform.python_version()}"
C = TypeVar("C", bound="_ClientBase")


def _request_options(
    headers: Optional[Headers],
    timeout: Union[float, NotGiven],
    max_retries: Union[int, NotGiven],
    deadline: Union[float, NotGiven],
) -> Optional[CallOptions]:
    """The escape hatch's options, by the contract's names."""
    return _options({"headers": headers, "timeout": timeout, "max_retries": max_retries, "deadline": deadline})


class _ClientBase(abc.ABC):
    def __init__(self, token: Optional[TokenSource] = None, **options: Unpack[ClientOptions]) -> None:
        """``token``: the token, or a callable returning it (sync or async), asked on first
        use and again after a 401, so a rotated token is picked up without a restart. Else
        ``token_file``, ``BLINKSALE_API_TOKEN``, then the file named by
        ``BLINKSALE_API_TOKEN_FILE``. Every option is described in
        ``blinksale._contract.ClientOptions`` (times in seconds), with its default. Unknown or
        ill-typed options raise ``ConfigurationError``."""
        # The token goes to the core and is not kept here.
        provider = token if callable(token) else None
        settings = {**options, "token": None if provider else token}
        self._native = _native.NativeClient(settings, _USER_AGENT, provider)
        self._bind_resources()

    @abc.abstractmethod
    def _bind_resources(self) -> None:
        """Attaches the resources (the generated ``Resources`` or ``AsyncResources``)."""

    @property
    def base_url(self) -> str:
        """The base URL requests go to."""
        return str(self._native.base_url)

    @property
    def rate_limit(self) -> Optional[RateLimit]:
        """The rate-limit state of the last response (shared by every thread and every
        ``with_options`` copy of this client)."""
        state = self._native.rate_limit()
        return RateLimit(**state) if state else None

    def permissions_used(self) -> FrozenSet[str]:
        """The permissions this client's calls needed so far (``read``, ``write``, ``send``),
        shared with its ``with_options`` copies: the least its token must have."""
        return frozenset(self._native.permissions_used())

    def with_options(
        self: C,
        *,
        timeout: Union[float, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, str]] = None,
        deadline: Union[float, NotGiven] = NOT_GIVEN,
    ) -> C:
        """A client with other defaults that shares this one's connections and rate limiter."""
        given = {"timeout": timeout, "max_retries": max_retries, "deadline": deadline, "headers": default_headers}
        clone = copy.copy(self)
        clone._native = self._native.with_options(_options(given))
        clone._bind_resources()
        return clone

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class Client(Resources, _ClientBase):
    """A blocking client. Thread-safe: share one across threads; requests release the GIL.

    >>> client = blinksale.Client()   # BLINKSALE_API_TOKEN, BLINKSALE_BASE_URL
    >>> for c in client.clients.list():
    ...     print(c.name)
    """

    @property
    def with_raw_response(self) -> RawResources:
        """The same resources, whose methods return ``APIResponse`` (status, headers, request id, rate limit)."""
        return RawResources(self)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Optional[Query] = None,
        json: Optional[Any] = None,
        extra_headers: Optional[Headers] = None,
        timeout: Union[float, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        deadline: Union[float, NotGiven] = NOT_GIVEN,
    ) -> Any:
        """Any request below the base URL: the escape hatch. Returns ``data`` (for lists,
        ``{"data": ..., "meta": ...}``); errors, retries and rate limits are as usual."""
        opts = _request_options(extra_headers, timeout, max_retries, deadline)
        native, p = self._native, _telemetry.pipeline()
        if p is None:
            return native.request(method, path, params or {}, json, opts)["data"]
        send = lambda t: native.request(method, path, params or {}, json, opts, t)  # noqa: E731
        return _telemetry.traced(p, native.span_start(None, method, path), send)["data"]

    def close(self) -> None:
        """Nothing to release eagerly: connections close with the client (those a thread's
        blocking calls opened, at that thread's next call or when it ends: each thread drives
        its own)."""

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncClient(AsyncResources, _ClientBase):
    """An asyncio client with the same surface as ``Client``; every method is awaitable."""

    @property
    def with_raw_response(self) -> AsyncRawResources:
        """The same resources, whose methods return ``APIResponse``."""
        return AsyncRawResources(self)

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Optional[Query] = None,
        json: Optional[Any] = None,
        extra_headers: Optional[Headers] = None,
        timeout: Union[float, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        deadline: Union[float, NotGiven] = NOT_GIVEN,
    ) -> Any:
        """Any request below the base URL: the escape hatch (see ``Client.request``)."""
        opts = _request_options(extra_headers, timeout, max_retries, deadline)
        native, p = self._native, _telemetry.pipeline()
        if p is None:
            reply = await native.request_async(method, path, params or {}, json, opts)
            return reply["data"]
        send = lambda t: native.request_async(method, path, params or {}, json, opts, t)  # noqa: E731
        return (await _telemetry.traced_async(p, native.span_start(None, method, path), send))["data"]

    async def close(self) -> None:
        """Nothing to release eagerly: connections close with the client."""

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
