"""``MockServer``: the embedded blinksale-mock, for testing your own code offline.

    with MockServer() as mock:
        client = blinksale.Client(mock.token, base_url=mock.url)
        mock.inject("status", path="/clients", status=503)

With pytest installed, the ``blinksale_mock`` fixture gives a fresh server per test.
"""

from __future__ import annotations

import json
from typing import Any, Dict, FrozenSet, Iterator, List, Optional, Sequence

from . import _native

__all__ = ["MockServer"]


class MockServer:
    """A local Blinksale API server with seeded demo data, a request log and fault injection."""

    def __init__(
        self,
        *,
        rate_limit: Optional[int] = None,
        window: float = 60.0,
        seed: int = 0,
        tokens: Optional[Sequence[str]] = None,
        host: str = "127.0.0.1",
        tls: bool = False,
        idle_timeout: Optional[float] = None,
    ) -> None:
        """``rate_limit``: requests per ``window`` seconds and token (None: off). ``seed``: extra
        clients and invoices. ``tokens``: ``"VALUE:read,write,send"`` strings (default:
        ``demo-token`` with every permission). ``tls``: serve HTTPS (HTTP/2 and HTTP/1.1) with a
        certificate from a CA made at start, whose PEM file is ``ca_path`` (give it to the client
        as ``ca_bundle``). ``idle_timeout``: close connections idle that many seconds, as a load
        balancer does."""
        self._native = _native.NativeMock(rate_limit or 0, window, seed, list(tokens or []), host, tls, idle_timeout)
        self.url: str = self._native.url
        self.token: str = self._native.token
        self.ca_path: Optional[str] = self._native.ca_path

    def requests(self) -> List[Dict[str, Any]]:
        """The requests received: method, protocol, path, query, body, authorized, status, fault."""
        return list(json.loads(self._native.requests()))

    def clear_requests(self) -> None:
        self._native.clear_requests()

    def inject(
        self,
        kind: str = "status",
        *,
        path: str = "*",
        method: Optional[str] = None,
        times: int = 1,
        status: int = 500,
        body: str = "json",
        after_handler: bool = False,
        reset: int = 1,
        ms: int = 100,
    ) -> None:
        """Queues a fault for the next ``times`` requests matching ``path`` (``/clients``,
        ``/clients*`` for a prefix, ``*``) and ``method``. Kinds: ``status`` (with ``status``,
        ``body="json"|"html"``, ``after_handler``), ``rate_limit`` (``reset`` seconds),
        ``delay`` (``ms``), ``drop`` (close the connection), ``refuse_stream`` (an HTTP/2 stream
        reset before the request is processed; ``drop`` over HTTP/1.1), ``truncate`` (cut the
        body)."""
        fault = {
            "kind": kind,
            "path": path,
            "method": method,
            "times": times,
            "status": status,
            "body": body,
            "after_handler": after_handler,
            "reset": reset,
            "ms": ms,
        }
        self._native.inject(json.dumps(fault))

    def clear_faults(self) -> None:
        self._native.clear_faults()

    def add_token(self, token: str, permissions: Sequence[str] = ("read", "write", "send")) -> None:
        """Accepts ``token`` with ``permissions`` from now on: add the new token, then
        ``revoke_token`` the old one, to test rotation."""
        self._native.add_token(f"{token}:{','.join(permissions)}")

    def revoke_token(self, token: str) -> bool:
        """Stops accepting ``token`` (its requests get 401); whether it was accepted."""
        return self._native.revoke_token(token)

    def permissions_used(self, token: Optional[str] = None) -> FrozenSet[str]:
        """The permissions the requests so far needed (of ``token``, or of every token),
        granted or not: create the integration's token with exactly these."""
        return frozenset(self._native.permissions_used(token))

    def reset(self) -> None:
        """Restores the demo data and the tokens, and clears faults, the log and the
        permissions noted."""
        self._native.reset()

    def stop(self) -> None:
        self._native.stop()

    def __enter__(self) -> MockServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"MockServer(url={self.url!r})"


try:
    import pytest
except ImportError:  # pragma: no cover - pytest is optional
    pass
else:

    @pytest.fixture
    def blinksale_mock() -> Iterator[MockServer]:
        """A fresh MockServer for one test."""
        with MockServer() as mock:
            yield mock
