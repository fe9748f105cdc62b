"""``Client`` and ``AsyncClient``: the same surface, blocking or awaitable."""
from __future__ import annotations

import abc
import asyncio
import copy
import json
import platform
from decimal import Decimal
from typing import Any, Dict, Generic, List, Mapping, NamedTuple, Optional, Tuple, TypeVar, cast

from . import _native
from ._resources import (
    AsyncClients, AsyncContacts, AsyncEstimates, AsyncInvoices, AsyncItems, AsyncPayments,
    AsyncRecurringInvoices, AsyncTaxes, AsyncUnits, Clients, Contacts, Estimates, Invoices, Items,
    Payments, RecurringInvoices, Taxes, Units,
)

__all__ = ["Client", "AsyncClient", "RawResponse", "RateLimit"]

T = TypeVar("T")
_USER_AGENT = f"blinksale-python/{_native.__version__} python/{platform.python_version()}"


class RateLimit(NamedTuple):
    """The server's rate-limit headers, from the last response."""

    limit: Optional[int]
    remaining: Optional[int]
    reset: Optional[float]


class RawResponse(Generic[T]):
    """A parsed result with its HTTP details (``client.with_raw_response``)."""

    def __init__(self, parsed: T, status_code: int, headers: Dict[str, str], request_id: Optional[str], message: Optional[str]) -> None:
        self.status_code = status_code
        self.headers = headers
        self.request_id = request_id
        self.message = message
        self._parsed = parsed

    def parse(self) -> T:
        """The result the plain call would have returned."""
        return self._parsed

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, request_id={self.request_id!r})"


class _ClientBase(abc.ABC):
    def __init__(
        self,
        token: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: float = 60.0,
        max_retries: int = 2,
        default_headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        # The token goes to the core and is not kept here; it falls back to BLINKSALE_API_TOKEN.
        self._native = _native.NativeClient(
            token, base_url, float(timeout), max_retries, _USER_AGENT, list((default_headers or {}).items())
        )
        self._raw = False

    @property
    def base_url(self) -> str:
        """The base URL requests go to."""
        return str(self._native.base_url)

    @property
    def rate_limit(self) -> Optional[RateLimit]:
        """The rate-limit state of the last response (shared by every thread using this client)."""
        state = self._native.rate_limit()
        return RateLimit(*state) if state else None

    def _finish(self, reply: Tuple[Any, ...], parsed: T) -> T:
        if not self._raw:
            return parsed
        # with_raw_response views return the wrapper; their methods are typed Any.
        return cast(T, RawResponse(parsed, reply[3], dict(reply[4]), reply[5], reply[6]))

    def _raw_copy(self) -> Any:
        view = copy.copy(self)
        view._raw = True
        view._bind()
        return view

    @abc.abstractmethod
    def _bind(self) -> None:
        """Attaches the resources (sync or async)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


def _raw_result(text: str, meta: Optional[str]) -> Any:
    data = json.loads(text, parse_float=Decimal)
    if meta is None:
        return data
    return {"data": data, "meta": json.loads(meta)}


class Client(_ClientBase):
    """A blocking client. Thread-safe: share one across threads; requests release the GIL.

    >>> client = blinksale.Client()   # BLINKSALE_API_TOKEN, BLINKSALE_BASE_URL
    >>> for c in client.clients.list():
    ...     print(c.name)
    """

    def __init__(self, token: Optional[str] = None, **options: Any) -> None:
        super().__init__(token, **options)
        self._bind()

    def _bind(self) -> None:
        self.clients = Clients(self)
        self.estimates = Estimates(self)
        self.invoices = Invoices(self)
        self.recurring_invoices = RecurringInvoices(self)
        self.payments = Payments(self)
        self.taxes = Taxes(self)
        self.units = Units(self)
        self.items = Items(self)

    def contacts(self, client_id: str) -> Contacts:
        """The contacts of one client."""
        return Contacts(self, [client_id])

    @property
    def with_raw_response(self) -> Any:
        """The same client, whose methods return ``RawResponse`` (status, headers, request id)."""
        return self._raw_copy()

    def request(self, method: str, path: str, *, params: Optional[Mapping[str, Any]] = None, json: Any = None) -> Any:
        """Any request below the base URL: the escape hatch. Returns ``data`` (for lists,
        ``{"data": ..., "meta": ...}``); errors, retries and rate limits are as usual."""
        text, meta, status, headers, request_id = self._native.request(method, path, list((params or {}).items()), json)
        parsed = _raw_result(text, meta)
        return RawResponse(parsed, status, dict(headers), request_id, None) if self._raw else parsed

    def close(self) -> None:
        """Nothing to release eagerly: connections close with the client."""

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncClient(_ClientBase):
    """An asyncio client with the same surface as ``Client``; every method is awaitable."""

    def __init__(self, token: Optional[str] = None, **options: Any) -> None:
        super().__init__(token, **options)
        self._bind()

    def _bind(self) -> None:
        self.clients = AsyncClients(self)
        self.estimates = AsyncEstimates(self)
        self.invoices = AsyncInvoices(self)
        self.recurring_invoices = AsyncRecurringInvoices(self)
        self.payments = AsyncPayments(self)
        self.taxes = AsyncTaxes(self)
        self.units = AsyncUnits(self)
        self.items = AsyncItems(self)

    def contacts(self, client_id: str) -> AsyncContacts:
        """The contacts of one client."""
        return AsyncContacts(self, [client_id])

    @property
    def with_raw_response(self) -> Any:
        """The same client, whose methods return ``RawResponse`` (status, headers, request id)."""
        return self._raw_copy()

    async def request(self, method: str, path: str, *, params: Optional[Mapping[str, Any]] = None, json: Any = None) -> Any:
        """Any request below the base URL: the escape hatch (see ``Client.request``)."""
        pairs: List[Tuple[str, Any]] = list((params or {}).items())
        loop = asyncio.get_running_loop()
        text, meta, status, headers, request_id = await loop.run_in_executor(
            None, lambda: self._native.request(method, path, pairs, json)
        )
        parsed = _raw_result(text, meta)
        return RawResponse(parsed, status, dict(headers), request_id, None) if self._raw else parsed

    async def close(self) -> None:
        """Nothing to release eagerly: connections close with the client."""

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
