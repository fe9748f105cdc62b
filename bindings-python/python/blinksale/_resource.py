"""The runtime under the generated resources: one call path to the native client, sync or
async, returning models, pages or ``APIResponse`` wrappers. Rules (retries, paging, what may be
sent) are the core's; this only moves values across."""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Dict,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Type,
    TypeVar,
    cast,
)

from . import _telemetry
from ._base import BlinksaleObject
from ._contract import PY_NAMES, CallOptions
from ._native import NativeReply as Reply
from ._native import NativeTrace
from ._pagination import AsyncPage, Page, PageMeta
from ._rate_limit import RateLimit

if TYPE_CHECKING:
    from ._client import AsyncClient, Client

__all__ = ["NotGiven", "NOT_GIVEN", "APIResponse", "SyncAPIResource", "AsyncAPIResource", "Headers", "Query", "Body"]

M = TypeVar("M", bound=BlinksaleObject)
T = TypeVar("T")

Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]
Options = Optional[CallOptions]


class NotGiven:
    """The default of optional parameters: the field is left out of the request, where
    ``None`` would send ``null``."""

    _instance: Optional[NotGiven] = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


def _options(given: Dict[str, Any]) -> Optional[CallOptions]:
    """The options a method was given, by the contract's names; None when none were."""
    opts = {k: v for k, v in given.items() if v is not NOT_GIVEN and v is not None}
    return cast(CallOptions, opts) if opts else None


def _body(params: Optional[Mapping[str, Any]], fields: Dict[str, Any]) -> Dict[str, Any]:
    """The request body: the dict given, then the keyword arguments given (NOT_GIVEN left out)."""
    body = dict(params) if params else {}
    body.update((k, v) for k, v in fields.items() if v is not NOT_GIVEN)
    return body


def _query(fields: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not NOT_GIVEN and v is not None}


class APIResponse(Generic[T]):
    """A result with its HTTP details (every field of the core's reply but the data, by
    Python's names): ``parse()`` gives what the plain call returns."""

    status_code: int
    headers: Dict[str, str]
    request_id: Optional[str]
    message: Optional[str]
    rate_limit: Optional[RateLimit]

    def __init__(self, parsed: T, reply: Reply) -> None:
        self._parsed = parsed
        for key, value in reply.items():
            if key not in _PAGE_FIELDS:
                setattr(self, PY_NAMES.get(key, key), RateLimit(**value) if key == "rate_limit" and value else value)

    def parse(self) -> T:
        """The result the plain call would have returned."""
        return self._parsed

    def __repr__(self) -> str:
        return f"APIResponse(status_code={self.status_code}, request_id={self.request_id!r})"


# The reply's fields a page or a model carries itself, not the response.
_PAGE_FIELDS = {"data", "meta", "has_next"}


def _model(cls: Type[M], reply: Reply) -> M:
    obj = cls._from_api(reply["data"])
    object.__setattr__(obj, "_request_id", reply["request_id"])
    return obj


class _APIResource:
    def __init__(self, client: Any, parent: Sequence[str] = ()) -> None:
        self._client = client
        self._parent = tuple(parent)

    def _ids(self, id: Optional[str] = None) -> List[str]:
        return [*self._parent, id] if id is not None else list(self._parent)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} resource>"


class SyncAPIResource(_APIResource):
    """Blocking calls; the GIL is released while the core works."""

    _client: Client

    def _send(self, op: str, ids: List[str], query: Dict[str, Any], body: Any, options: Options) -> Reply:
        native = self._client._native
        p = _telemetry.pipeline()
        if p is None:
            return native.call(op, ids, query, body, options)
        return _telemetry.traced(p, native.span_start(op), lambda t: native.call(op, ids, query, body, options, t))

    def _call(self, op: str, ids: List[str], body: Any, cls: Type[M], options: Options) -> M:
        return _model(cls, self._send(op, ids, {}, body, options))

    def _call_raw(self, op: str, ids: List[str], body: Any, cls: Type[M], options: Options) -> APIResponse[M]:
        reply = self._send(op, ids, {}, body, options)
        return APIResponse(_model(cls, reply), reply)

    def _call_none(self, op: str, ids: List[str], body: Any, options: Options) -> None:
        self._send(op, ids, {}, body, options)

    def _call_none_raw(self, op: str, ids: List[str], body: Any, options: Options) -> APIResponse[None]:
        return APIResponse(None, self._send(op, ids, {}, body, options))

    def _page(
        self, op: str, ids: List[str], query: Dict[str, Any], cls: Type[M], options: Options, reply: Reply
    ) -> Page[M]:
        items: List[M] = list(map(cls._from_api, reply["data"]))
        fetch = lambda n: self._list(op, ids, {**query, "page": n}, cls, options)  # noqa: E731
        page = Page(items, PageMeta(reply["meta"]), reply["has_next"], fetch)
        page._request_id = reply["request_id"]
        return page

    def _list(self, op: str, ids: List[str], query: Dict[str, Any], cls: Type[M], options: Options) -> Page[M]:
        return self._page(op, ids, query, cls, options, self._send(op, ids, _query(query), None, options))

    def _list_raw(
        self, op: str, ids: List[str], query: Dict[str, Any], cls: Type[M], options: Options
    ) -> APIResponse[Page[M]]:
        reply = self._send(op, ids, _query(query), None, options)
        return APIResponse(self._page(op, ids, query, cls, options, reply), reply)

    def _list_all(
        self, op: str, ids: List[str], query: Dict[str, Any], cls: Type[M], limit: Optional[int], options: Options
    ) -> Iterator[M]:
        native, p = self._client._native, _telemetry.pipeline()
        trace = NativeTrace() if p else None
        stream = native.stream(op, ids, _query(query), limit, options, trace)
        while True:
            if p and trace and trace.more_pages():
                batch = _telemetry.traced(p, native.span_start(op), lambda _: stream.next_batch(), trace)
            else:
                batch = stream.next_batch()
            if not batch:
                return
            for item in batch:
                yield cls._from_api(item)


class AsyncAPIResource(_APIResource):
    """Awaitable calls on the core's runtime."""

    _client: AsyncClient

    async def _send(self, op: str, ids: List[str], query: Dict[str, Any], body: Any, options: Options) -> Reply:
        native = self._client._native
        p = _telemetry.pipeline()
        if p is None:
            reply: Reply = await native.call_async(op, ids, query, body, options)
            return reply
        send = lambda t: native.call_async(op, ids, query, body, options, t)  # noqa: E731
        return await _telemetry.traced_async(p, native.span_start(op), send)

    async def _call(self, op: str, ids: List[str], body: Any, cls: Type[M], options: Options) -> M:
        return _model(cls, await self._send(op, ids, {}, body, options))

    async def _call_raw(self, op: str, ids: List[str], body: Any, cls: Type[M], options: Options) -> APIResponse[M]:
        reply = await self._send(op, ids, {}, body, options)
        return APIResponse(_model(cls, reply), reply)

    async def _call_none(self, op: str, ids: List[str], body: Any, options: Options) -> None:
        await self._send(op, ids, {}, body, options)

    async def _call_none_raw(self, op: str, ids: List[str], body: Any, options: Options) -> APIResponse[None]:
        return APIResponse(None, await self._send(op, ids, {}, body, options))

    def _page(
        self, op: str, ids: List[str], query: Dict[str, Any], cls: Type[M], options: Options, reply: Reply
    ) -> AsyncPage[M]:
        items: List[M] = list(map(cls._from_api, reply["data"]))

        async def fetch(n: int) -> AsyncPage[M]:
            return await self._list(op, ids, {**query, "page": n}, cls, options)

        page = AsyncPage(items, PageMeta(reply["meta"]), reply["has_next"], fetch)
        page._request_id = reply["request_id"]
        return page

    async def _list(
        self, op: str, ids: List[str], query: Dict[str, Any], cls: Type[M], options: Options
    ) -> AsyncPage[M]:
        return self._page(op, ids, query, cls, options, await self._send(op, ids, _query(query), None, options))

    async def _list_raw(
        self, op: str, ids: List[str], query: Dict[str, Any], cls: Type[M], options: Options
    ) -> APIResponse[AsyncPage[M]]:
        reply = await self._send(op, ids, _query(query), None, options)
        return APIResponse(self._page(op, ids, query, cls, options, reply), reply)

    async def _list_all(
        self, op: str, ids: List[str], query: Dict[str, Any], cls: Type[M], limit: Optional[int], options: Options
    ) -> AsyncIterator[M]:
        native, p = self._client._native, _telemetry.pipeline()
        trace = NativeTrace() if p else None
        stream = native.stream(op, ids, _query(query), limit, options, trace)
        while True:
            if p and trace and trace.more_pages():
                start = native.span_start(op)
                batch = await _telemetry.traced_async(p, start, lambda _: stream.next_batch_async(), trace)
            else:
                batch = await stream.next_batch_async()
            if not batch:
                return
            for item in batch:
                yield cls._from_api(item)
