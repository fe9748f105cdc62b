"""``Client`` and ``AsyncClient``: the same surface, blocking or awaitable. The resources
themselves are generated (``_resources.py``)."""

from __future__ import annotations

import abc
import asyncio
import copy
import platform
from typing import Any, Mapping, Optional, TypeVar, Union

from . import _native
from ._rate_limit import RateLimit
from ._resource import NOT_GIVEN, Headers, NotGiven, Query, _loads, _options
from ._resources import AsyncRawResources, AsyncResources, RawResources, Resources

__all__ = ["Client", "AsyncClient"]

_USER_AGENT = f"blinksale-python/{_native.__version__} python/{platform.python_version()}"
C = TypeVar("C", bound="_ClientBase")


class _ClientBase(abc.ABC):
    def __init__(
        self,
        token: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: float = 60.0,
        connect_timeout: float = 10.0,
        max_retries: int = 2,
        default_headers: Optional[Mapping[str, str]] = None,
        rate_limit: Optional[int] = None,
        deadline: Optional[float] = None,
        max_response_bytes: Optional[int] = None,
        rate_limit_store: Optional[str] = None,
        rate_limit_store_prefix: Optional[str] = None,
    ) -> None:
        """``token`` falls back to ``BLINKSALE_API_TOKEN`` and ``base_url`` to
        ``BLINKSALE_BASE_URL`` (an empty variable counts as unset). ``timeout`` and
        ``connect_timeout`` are seconds, per attempt; ``deadline`` bounds a whole call (limiter
        waits, retries and backoff). ``rate_limit`` is the requests a minute paced to before
        the server's headers say otherwise (default 120). ``max_response_bytes`` caps a
        response body (default 64 MiB). ``rate_limit_store`` (``redis://…``, else
        ``BLINKSALE_RATE_LIMIT_STORE``) shares the rate limit with every process using the
        token, through Redis or Valkey; its keys start with ``rate_limit_store_prefix``."""
        # The token goes to the core and is not kept here.
        self._native = _native.NativeClient(
            token,
            base_url,
            float(timeout),
            float(connect_timeout),
            max_retries,
            _USER_AGENT,
            list((default_headers or {}).items()),
            rate_limit,
            deadline,
            max_response_bytes,
            rate_limit_store,
            rate_limit_store_prefix,
        )
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
        return RateLimit(*state) if state else None

    def with_options(
        self: C,
        *,
        timeout: Union[float, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, str]] = None,
        deadline: Union[float, NotGiven] = NOT_GIVEN,
    ) -> C:
        """A client with other defaults that shares this one's connections and rate limiter."""
        opts = _options(default_headers, None, None, timeout, max_retries, deadline)
        clone = copy.copy(self)
        clone._native = self._native.with_options(opts)
        clone._bind_resources()
        return clone

    def _request(
        self,
        method: str,
        path: str,
        params: Optional[Query],
        json: Optional[Any],
        extra_headers: Optional[Headers],
        timeout: Union[float, NotGiven],
        max_retries: Union[int, NotGiven],
        deadline: Union[float, NotGiven],
    ) -> Any:
        """The escape hatch, blocking; the core shapes the result (lists keep their meta)."""
        opts = _options(extra_headers, None, None, timeout, max_retries, deadline)
        reply = self._native.request(method, path, list((params or {}).items()), json, opts)
        return _loads(reply[0])

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
        return self._request(method, path, params, json, extra_headers, timeout, max_retries, deadline)

    def close(self) -> None:
        """Nothing to release eagerly: connections close with the client."""

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
        loop = asyncio.get_running_loop()
        args = (method, path, params, json, extra_headers, timeout, max_retries, deadline)
        return await loop.run_in_executor(None, lambda: self._request(*args))

    async def close(self) -> None:
        """Nothing to release eagerly: connections close with the client."""

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
