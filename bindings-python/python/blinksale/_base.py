"""The base of every model: a thin, lazy view over the JSON the API sent.

Attribute access converts on first use, by the field's type from the core's schema: money
becomes ``Decimal``, dates ``datetime.date``, timestamps aware ``datetime.datetime``, nested
objects their model class. Unknown fields are kept and reachable too.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, ClassVar, Dict, Iterator, Optional, Tuple, Type

_MODELS: Dict[str, Type[BlinksaleObject]] = {}
_MISSING = object()
_new = object.__new__
_set = object.__setattr__


def register(cls: Type[BlinksaleObject]) -> None:
    _MODELS[cls.__name__] = cls


def _timestamp(raw: str) -> datetime.datetime:
    value = datetime.datetime.fromisoformat(raw.replace("Z", "+00:00").replace(" ", "T", 1))
    return value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)


def convert(kind: Tuple[Any, ...], raw: Any) -> Any:
    """JSON value to its Python type, by the field's generated converter: ``("decimal",)``,
    ``("list", ("model", "LineItem"))``, …."""
    if raw is None:
        return None
    tag = kind[0]
    try:
        if tag == "optional":
            return convert(kind[1], raw)
        if tag == "decimal":
            return raw if isinstance(raw, Decimal) else Decimal(str(raw))
        if tag == "date" and isinstance(raw, str):
            return datetime.date.fromisoformat(raw[:10])
        if tag == "datetime" and isinstance(raw, str):
            return _timestamp(raw)
        if tag == "model" and isinstance(raw, dict):
            return _MODELS[kind[1]](raw)
        if tag == "list" and isinstance(raw, list):
            return [convert(kind[1], item) for item in raw]
    except (ValueError, ArithmeticError, KeyError):
        pass  # A value not in the documented form is kept as sent.
    return raw


def _plain(value: Any) -> Any:
    if isinstance(value, BlinksaleObject):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class BlinksaleObject:
    """A Blinksale API object. Fields are attributes; ``to_dict()`` gives them all."""

    __slots__ = ("_data", "_cache", "_request_id")
    _fields: ClassVar[Dict[str, Tuple[Any, ...]]] = {}
    _request_id: Optional[str]
    """The ``X-Request-Id`` of the response that carried this object (None for nested ones)."""

    def __init__(self, data: Dict[str, Any] | None = None, /, **fields: Any) -> None:
        object.__setattr__(self, "_data", {**(data or {}), **fields})
        object.__setattr__(self, "_cache", {})

    @classmethod
    def _from_api(cls, data: Dict[str, Any]) -> Any:
        """A model over a dict the native module just built (no one else holds it: no copy)."""
        if type(data) is not dict:
            return cls(data)
        obj = _new(cls)
        _set(obj, "_data", data)
        _set(obj, "_cache", {})
        return obj

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name == "_request_id":
            return None  # Only objects a call returned carry one; nested ones do not.
        cache = object.__getattribute__(self, "_cache")
        if name in cache:
            return cache[name]
        raw = object.__getattribute__(self, "_data").get(name, _MISSING)
        code = self._fields.get(name)
        if raw is _MISSING:
            if code is None:
                raise AttributeError(f"{type(self).__name__} has no field {name!r}")
            return None
        value = convert(code, raw) if code else raw
        cache[name] = value
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} objects are read-only; send changes with update()")

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(self, name)
        except AttributeError:
            raise KeyError(name) from None

    def __contains__(self, name: object) -> bool:
        return name in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self._fields) | set(self._data))

    def to_dict(self) -> Dict[str, Any]:
        """Every field, known and unknown, with Python types (nested objects as dicts)."""
        return {key: _plain(getattr(self, key)) for key in self._data}

    def _blinksale_raw(self) -> Dict[str, Any]:
        return dict(self._data)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Any:
        return (type(self), (self._data,))

    def __repr__(self) -> str:
        shown = [k for k in self._fields if k in self._data][:6]
        parts = ", ".join(f"{k}={getattr(self, k)!r}" for k in shown)
        more = ", …" if len(self._data) > len(shown) else ""
        return f"{type(self).__name__}({parts}{more})"
