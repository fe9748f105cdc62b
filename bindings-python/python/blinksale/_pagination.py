"""Pages of a list, sync and async."""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, Generic, Iterator, List, Optional, TypeVar

T = TypeVar("T")

__all__ = ["PageMeta", "Page", "AsyncPage"]


class PageMeta:
    """``meta`` of a list response."""

    __slots__ = ("total", "current_page", "last_page", "per_page", "from_", "to", "path")

    def __init__(self, meta: Optional[Dict[str, Any]]) -> None:
        meta = meta or {}
        self.total: Optional[int] = meta.get("total")
        self.current_page: Optional[int] = meta.get("current_page")
        self.last_page: Optional[int] = meta.get("last_page")
        self.per_page: Optional[int] = meta.get("per_page")
        self.from_: Optional[int] = meta.get("from")
        self.to: Optional[int] = meta.get("to")
        self.path: Optional[str] = meta.get("path")

    def __repr__(self) -> str:
        return f"PageMeta(current_page={self.current_page}, last_page={self.last_page}, per_page={self.per_page}, total={self.total})"


class _PageBase(Generic[T]):
    _request_id: Optional[str] = None

    def __init__(self, data: List[T], meta: PageMeta, has_next: bool) -> None:
        self.data = data
        self.meta = meta
        self._has_next = has_next

    def has_next_page(self) -> bool:
        """Whether another page follows."""
        return self._has_next

    def _next_number(self) -> int:
        return (self.meta.current_page or 1) + 1

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, index: int) -> T:
        return self.data[index]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self.data)} items, {self.meta!r})"


class Page(_PageBase[T]):
    """One page of a list: iterate it, or read ``.data`` and ``.meta``."""

    def __init__(self, data: List[T], meta: PageMeta, has_next: bool, fetch: Callable[[int], Page[T]]) -> None:
        super().__init__(data, meta, has_next)
        self._fetch = fetch

    def next_page(self) -> Optional[Page[T]]:
        """The next page with the same filters, or None after the last."""
        return self._fetch(self._next_number()) if self._has_next else None


class AsyncPage(_PageBase[T]):
    """One page of a list, from ``AsyncClient``."""

    def __init__(
        self, data: List[T], meta: PageMeta, has_next: bool, fetch: Callable[[int], Awaitable[AsyncPage[T]]]
    ) -> None:
        super().__init__(data, meta, has_next)
        self._fetch = fetch

    async def next_page(self) -> Optional[AsyncPage[T]]:
        """The next page with the same filters, or None after the last."""
        return await self._fetch(self._next_number()) if self._has_next else None
