"""Resources: ``client.invoices.get(id)``. One generic class per flavour (sync, async);
each resource names its operations and model, and adds its own actions."""
from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, AsyncIterator, ClassVar, Dict, Generic, Iterator, List, Optional, Sequence, Tuple, Type, TypeVar

from . import _native
from ._base import BlinksaleObject
from .types import AppliedPayment, Client, Contact, Estimate, Invoice, Item, Payment, RecurringInvoice, Tax, Unit
from ._pagination import AsyncPage, Page, PageMeta

if TYPE_CHECKING:
    from ._client import AsyncClient, Client as SyncClient

M = TypeVar("M", bound=BlinksaleObject)

# (resource, action) -> operationId, from the core's operation table.
_OPS: Dict[Tuple[str, str], str] = {
    (op["resource"], op["action"]): op["id"] for op in json.loads(_native.schema_json())["operations"]
}


def _loads(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


def _query(page: Optional[int], per_page: Optional[int], filters: Dict[str, Any]) -> List[Tuple[str, Any]]:
    pairs: List[Tuple[str, Any]] = [(k, v) for k, v in (("page", page), ("per_page", per_page)) if v is not None]
    return pairs + [(k, v) for k, v in filters.items() if v is not None]


class _Resource(Generic[M]):
    _resource: ClassVar[str]
    _model: ClassVar[Type[BlinksaleObject]]

    def __init__(self, client: Any, parent: Sequence[str] = ()) -> None:
        self._client = client
        self._parent = list(parent)

    def _args(self, action: str, id: Optional[str]) -> Tuple[str, List[str]]:
        ids = self._parent + ([id] if id is not None else [])
        return _OPS[(self._resource, action)], ids

    def _one(self, text: str) -> M:
        return self._model(_loads(text))  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} resource>"


class SyncResource(_Resource[M]):
    """list, list_all, get, create, update and delete, blocking (the GIL is released)."""

    _client: "SyncClient"

    def _call(self, action: str, id: Optional[str] = None, query: Sequence[Tuple[str, Any]] = (), body: Any = None) -> Any:
        op, ids = self._args(action, id)
        return self._client._native.call(op, ids, list(query), body)

    def list(self, page: Optional[int] = None, per_page: Optional[int] = None, **filters: Any) -> Page[M]:
        """One page (``per_page`` up to 100; filters such as ``status=`` or ``client_id=``)."""
        reply = self._call("list", query=_query(page, per_page, filters))
        items: List[M] = [self._model(d) for d in _loads(reply[0])]  # type: ignore[misc]
        fetch = lambda n: self.list(page=n, per_page=per_page, **filters)  # noqa: E731
        return self._client._finish(reply, Page(items, PageMeta(reply[1]), reply[2], fetch))

    def list_all(self, per_page: int = 100, limit: Optional[int] = None, **filters: Any) -> Iterator[M]:
        """Every item, fetched lazily page by page; stops after ``limit`` items if given."""
        op, ids = self._args("list", None)
        stream = self._client._native.stream(op, ids, _query(None, per_page, filters), limit)
        while True:
            batch = stream.next_batch()
            if not batch:
                return
            for text in batch:
                yield self._one(text)

    def get(self, id: str) -> M:
        """One item by id."""
        reply = self._call("get", id)
        return self._client._finish(reply, self._one(reply[0]))

    def create(self, params: Optional[Dict[str, Any]] = None, /, **fields: Any) -> M:
        """Creates an item from keyword arguments (or a dict). Never sent twice by a retry."""
        reply = self._call("create", body={**(params or {}), **fields})
        return self._client._finish(reply, self._one(reply[0]))

    def update(self, id: str, params: Optional[Dict[str, Any]] = None, /, **fields: Any) -> M:
        """Updates the fields given; the others keep their values."""
        reply = self._call("update", id, body={**(params or {}), **fields})
        return self._client._finish(reply, self._one(reply[0]))

    def delete(self, id: str) -> None:
        """Deletes an item."""
        reply = self._call("delete", id)
        return self._client._finish(reply, None)


class AsyncResource(_Resource[M]):
    """The same methods, awaitable."""

    _client: "AsyncClient"

    async def _call(self, action: str, id: Optional[str] = None, query: Sequence[Tuple[str, Any]] = (), body: Any = None) -> Any:
        op, ids = self._args(action, id)
        return await self._client._native.call_async(op, ids, list(query), body)

    async def list(self, page: Optional[int] = None, per_page: Optional[int] = None, **filters: Any) -> AsyncPage[M]:
        """One page (``per_page`` up to 100; filters such as ``status=`` or ``client_id=``)."""
        reply = await self._call("list", query=_query(page, per_page, filters))
        items: List[M] = [self._model(d) for d in _loads(reply[0])]  # type: ignore[misc]

        async def fetch(n: int) -> AsyncPage[M]:
            return await self.list(page=n, per_page=per_page, **filters)

        return self._client._finish(reply, AsyncPage(items, PageMeta(reply[1]), reply[2], fetch))

    async def list_all(self, per_page: int = 100, limit: Optional[int] = None, **filters: Any) -> AsyncIterator[M]:
        """Every item, fetched lazily page by page: ``async for``."""
        op, ids = self._args("list", None)
        stream = self._client._native.stream(op, ids, _query(None, per_page, filters), limit)
        while True:
            batch = await stream.next_batch_async()
            if not batch:
                return
            for text in batch:
                yield self._one(text)

    async def get(self, id: str) -> M:
        """One item by id."""
        reply = await self._call("get", id)
        return self._client._finish(reply, self._one(reply[0]))

    async def create(self, params: Optional[Dict[str, Any]] = None, /, **fields: Any) -> M:
        """Creates an item. Never sent twice by a retry."""
        reply = await self._call("create", body={**(params or {}), **fields})
        return self._client._finish(reply, self._one(reply[0]))

    async def update(self, id: str, params: Optional[Dict[str, Any]] = None, /, **fields: Any) -> M:
        """Updates the fields given."""
        reply = await self._call("update", id, body={**(params or {}), **fields})
        return self._client._finish(reply, self._one(reply[0]))

    async def delete(self, id: str) -> None:
        """Deletes an item."""
        reply = await self._call("delete", id)
        return self._client._finish(reply, None)



class Clients(SyncResource[Client]):
    _resource, _model = "clients", Client


class Contacts(SyncResource[Contact]):
    _resource, _model = "contacts", Contact


class Estimates(SyncResource[Estimate]):
    _resource, _model = "estimates", Estimate

    def send(self, id: str) -> Estimate:
        """Emails the estimate (needs the send permission); a draft becomes SENT."""
        reply = self._call("send", id)
        return self._client._finish(reply, Estimate(_loads(reply[0])))

    def convert(self, id: str) -> Invoice:
        """Creates an invoice from the estimate and returns it."""
        reply = self._call("convert", id)
        return self._client._finish(reply, Invoice(_loads(reply[0])))


class Invoices(SyncResource[Invoice]):
    _resource, _model = "invoices", Invoice

    def send(self, id: str) -> Invoice:
        """Emails the invoice (needs the send permission); a draft becomes SENT."""
        reply = self._call("send", id)
        return self._client._finish(reply, Invoice(_loads(reply[0])))

    def apply_payment(self, id: str, params: Optional[Dict[str, Any]] = None, /, **fields: Any) -> AppliedPayment:
        """Records a payment (``amount=``, ``payment_date=``, ``is_settled=``, ``notes=``);
        returns ``.payment`` and the updated ``.invoice``. Never applied twice by a retry."""
        reply = self._call("apply_payment", id, body={**(params or {}), **fields})
        return self._client._finish(reply, AppliedPayment(_loads(reply[0])))


class RecurringInvoices(SyncResource[RecurringInvoice]):
    _resource, _model = "recurring_invoices", RecurringInvoice

    def update_status(self, id: str, status: str) -> RecurringInvoice:
        """Pauses, resumes or cancels: ``"PAUSED"``, ``"ACTIVE"`` or ``"CANCELED"``."""
        reply = self._call("update_status", id, body={"status": status})
        return self._client._finish(reply, RecurringInvoice(_loads(reply[0])))


class Payments(SyncResource[Payment]):
    _resource, _model = "payments", Payment


class Taxes(SyncResource[Tax]):
    _resource, _model = "taxes", Tax


class Units(SyncResource[Unit]):
    _resource, _model = "units", Unit


class Items(SyncResource[Item]):
    _resource, _model = "items", Item


class AsyncClients(AsyncResource[Client]):
    _resource, _model = "clients", Client


class AsyncContacts(AsyncResource[Contact]):
    _resource, _model = "contacts", Contact


class AsyncEstimates(AsyncResource[Estimate]):
    _resource, _model = "estimates", Estimate

    async def send(self, id: str) -> Estimate:
        """Emails the estimate (needs the send permission); a draft becomes SENT."""
        reply = await self._call("send", id)
        return self._client._finish(reply, Estimate(_loads(reply[0])))

    async def convert(self, id: str) -> Invoice:
        """Creates an invoice from the estimate and returns it."""
        reply = await self._call("convert", id)
        return self._client._finish(reply, Invoice(_loads(reply[0])))


class AsyncInvoices(AsyncResource[Invoice]):
    _resource, _model = "invoices", Invoice

    async def send(self, id: str) -> Invoice:
        """Emails the invoice (needs the send permission); a draft becomes SENT."""
        reply = await self._call("send", id)
        return self._client._finish(reply, Invoice(_loads(reply[0])))

    async def apply_payment(self, id: str, params: Optional[Dict[str, Any]] = None, /, **fields: Any) -> AppliedPayment:
        """Records a payment; returns ``.payment`` and the updated ``.invoice``."""
        reply = await self._call("apply_payment", id, body={**(params or {}), **fields})
        return self._client._finish(reply, AppliedPayment(_loads(reply[0])))


class AsyncRecurringInvoices(AsyncResource[RecurringInvoice]):
    _resource, _model = "recurring_invoices", RecurringInvoice

    async def update_status(self, id: str, status: str) -> RecurringInvoice:
        """Pauses, resumes or cancels: ``"PAUSED"``, ``"ACTIVE"`` or ``"CANCELED"``."""
        reply = await self._call("update_status", id, body={"status": status})
        return self._client._finish(reply, RecurringInvoice(_loads(reply[0])))


class AsyncPayments(AsyncResource[Payment]):
    _resource, _model = "payments", Payment


class AsyncTaxes(AsyncResource[Tax]):
    _resource, _model = "taxes", Tax


class AsyncUnits(AsyncResource[Unit]):
    _resource, _model = "units", Unit


class AsyncItems(AsyncResource[Item]):
    _resource, _model = "items", Item
