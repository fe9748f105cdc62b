"""Stubs of the native module (Rust, pyo3)."""

from typing import Any, Dict, List, Optional, Sequence, Tuple, final

__all__ = ["NativeClient", "NativeStream", "NativeMock", "schema_json", "cli_main", "set_log_level", "__version__"]

__version__: str

_RateLimit = Tuple[Optional[int], Optional[int], Optional[float]]
_Reply = Tuple[str, Optional[str], bool, int, List[Tuple[str, str]], Optional[str], Optional[str], Optional[_RateLimit]]
_Options = Optional[
    Tuple[
        Optional[float],
        Optional[int],
        List[Tuple[str, str]],
        List[Tuple[str, Any]],
        Optional[Dict[str, Any]],
        Optional[float],
    ]
]

def schema_json() -> str: ...
def cli_main(argv: Sequence[str]) -> int: ...
def set_log_level(level: Optional[str]) -> None: ...

@final
class NativeClient:
    def __new__(
        cls,
        token: Optional[str],
        base_url: Optional[str],
        timeout: Optional[float],
        connect_timeout: Optional[float],
        max_retries: Optional[int],
        user_agent: str,
        headers: Sequence[Tuple[str, str]],
        rate_limit: Optional[int],
        deadline: Optional[float],
        max_response_bytes: Optional[int],
        rate_limit_store: Optional[str],
        rate_limit_store_prefix: Optional[str],
    ) -> NativeClient: ...
    @property
    def base_url(self) -> str: ...
    def rate_limit(self) -> Optional[_RateLimit]: ...
    def with_options(self, opts: _Options) -> NativeClient: ...
    def call(
        self, op_id: str, ids: Sequence[str], query: Sequence[Tuple[str, Any]], body: Any, opts: _Options = None
    ) -> _Reply: ...
    def call_async(
        self, op_id: str, ids: Sequence[str], query: Sequence[Tuple[str, Any]], body: Any, opts: _Options = None
    ) -> Any: ...
    def request(
        self, method: str, path: str, query: Sequence[Tuple[str, Any]], body: Any, opts: _Options = None
    ) -> _Reply: ...
    def stream(
        self,
        op_id: str,
        ids: Sequence[str],
        query: Sequence[Tuple[str, Any]],
        limit: Optional[int] = None,
        opts: _Options = None,
    ) -> NativeStream: ...

@final
class NativeStream:
    def next_batch(self) -> List[str]: ...
    def next_batch_async(self) -> Any: ...

@final
class NativeMock:
    def __new__(cls, rate_limit: int, window: float, seed: int, tokens: Sequence[str], host: str) -> NativeMock: ...
    @property
    def url(self) -> str: ...
    @property
    def token(self) -> str: ...
    def requests(self) -> str: ...
    def clear_requests(self) -> None: ...
    def inject(self, fault: str) -> None: ...
    def clear_faults(self) -> None: ...
    def reset(self) -> None: ...
    def stop(self) -> None: ...
