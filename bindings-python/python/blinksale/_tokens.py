"""Token sources as Python gives them: the token, or a callable returning it (or an awaitable
of it). The core decides when a provider is asked (first use, after a 401); ``resolve`` only
calls it, in a worker thread of the core."""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Optional, Union

__all__ = ["TokenSource", "resolve"]

TokenSource = Union[str, Callable[[], Union[str, Awaitable[str]]]]


def resolve(provider: Callable[[], Any], event_loop: Optional[Any]) -> str:
    """The provider's token. An awaitable is run on ``event_loop`` (the calling
    ``AsyncClient``'s), or on a loop of its own for a blocking ``Client`` call."""
    value = provider()
    if hasattr(value, "__await__"):
        import asyncio  # only for async providers: `import blinksale` stays light

        async def wait() -> Any:
            return await value

        if event_loop is not None:
            value = asyncio.run_coroutine_threadsafe(wait(), event_loop).result()
        else:
            value = asyncio.run(wait())
    if not isinstance(value, str):
        raise TypeError(f"the token provider returned {type(value).__name__}, not str")
    return value
