"""Stubs of the native module (Rust, pyo3); `make test` checks them against it (stubtest). The
contract's structs it takes and returns are the generated ``_contract`` types."""

from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, final

from ._contract import CallOptions, ClientSettings

__all__ = [
    "NativeClient",
    "NativeReply",
    "NativeStream",
    "NativeMock",
    "NativeTrace",
    "schema_json",
    "cli_main",
    "set_log_level",
    "__version__",
]

__version__: str

def schema_json() -> str: ...
def cli_main(argv: Sequence[str]) -> int: ...
def set_log_level(level: Optional[str]) -> None: ...

@final
class NativeReply:
    """A reply, read like a dict of the contract's ``Reply`` fields (``blinksale._contract.Reply``);
    ``data`` is the decoded JSON (numbers with a fraction or exponent as ``Decimal``)."""

    def __getitem__(self, key: str, /) -> Any: ...
    def items(self) -> List[Tuple[str, Any]]: ...

@final
class NativeClient:
    def __new__(
        cls, settings: ClientSettings, user_agent: str, provider: Optional[Callable[[], Any]] = None
    ) -> NativeClient: ...
    def permissions_used(self) -> List[str]: ...
    @property
    def base_url(self) -> str: ...
    def rate_limit(self) -> Optional[Mapping[str, Any]]: ...
    def with_options(self, opts: Optional[CallOptions]) -> NativeClient: ...
    def span_start(self, op_id: Optional[str], method: str = "GET", path: str = "") -> Dict[str, Any]: ...
    def call(
        self,
        op_id: str,
        ids: Sequence[str],
        query: Mapping[str, Any],
        body: Any,
        opts: Optional[CallOptions] = None,
        trace: Optional[NativeTrace] = None,
    ) -> NativeReply: ...
    def call_async(
        self,
        op_id: str,
        ids: Sequence[str],
        query: Mapping[str, Any],
        body: Any,
        opts: Optional[CallOptions] = None,
        trace: Optional[NativeTrace] = None,
    ) -> Awaitable[NativeReply]: ...
    def request(
        self,
        method: str,
        path: str,
        query: Mapping[str, Any],
        body: Any,
        opts: Optional[CallOptions] = None,
        trace: Optional[NativeTrace] = None,
    ) -> NativeReply: ...
    def request_async(
        self,
        method: str,
        path: str,
        query: Mapping[str, Any],
        body: Any,
        opts: Optional[CallOptions] = None,
        trace: Optional[NativeTrace] = None,
    ) -> Awaitable[NativeReply]: ...
    def stream(
        self,
        op_id: str,
        ids: Sequence[str],
        query: Mapping[str, Any],
        limit: Optional[int] = None,
        opts: Optional[CallOptions] = None,
        trace: Optional[NativeTrace] = None,
    ) -> NativeStream: ...

@final
class NativeTrace:
    """The core's records of traced calls (``blinksale._telemetry`` makes spans of them)."""

    def __new__(cls) -> NativeTrace: ...
    def set_context(self, headers: Mapping[str, str]) -> None: ...
    def take(self) -> List[Dict[str, Any]]: ...
    def more_pages(self) -> bool: ...

@final
class NativeStream:
    def next_batch(self) -> List[Any]: ...
    def next_batch_async(self) -> Awaitable[List[Any]]: ...

@final
class NativeMock:
    def __new__(
        cls,
        rate_limit: int,
        window: float,
        seed: int,
        tokens: Sequence[str],
        host: str,
        tls: bool,
        idle_timeout: Optional[float],
    ) -> NativeMock: ...
    @property
    def url(self) -> str: ...
    @property
    def ca_path(self) -> Optional[str]: ...
    @property
    def token(self) -> str: ...
    def requests(self) -> str: ...
    def clear_requests(self) -> None: ...
    def inject(self, fault: str) -> None: ...
    def clear_faults(self) -> None: ...
    def add_token(self, token: str) -> None: ...
    def revoke_token(self, token: str) -> bool: ...
    def permissions_used(self, token: Optional[str] = None) -> List[str]: ...
    def reset(self) -> None: ...
    def stop(self) -> None: ...
