"""Spans and metrics for calls, in the application's own OpenTelemetry pipeline.

Nothing is imported here: ``opentelemetry`` is used only once the application has imported it
and set a tracer or meter provider. A span's name, attributes and attempt events come from the
core's record of the call; this module only hands them to the API."""

from __future__ import annotations

import sys
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple, TypeVar

from ._native import NativeTrace, __version__

T = TypeVar("T")


class _Pipeline:
    """The application's tracer and instruments, for one pair of providers."""

    def __init__(self, trace: Any, tracer_provider: Any, meter_provider: Any, version: str) -> None:
        self.trace = trace
        self.tracer = tracer_provider.get_tracer("blinksale", version) if tracer_provider is not None else None
        self.propagate = sys.modules.get("opentelemetry.propagate")
        if self.propagate is None and self.tracer is not None:
            import opentelemetry.propagate as propagate  # The application has the API: this is its own.

            self.propagate = propagate
        self.duration = self.wait = None
        if meter_provider is not None:
            meter = meter_provider.get_meter("blinksale", version)
            self.duration = meter.create_histogram(
                "http.client.request.duration", unit="s", description="Duration of HTTP client requests."
            )
            self.wait = meter.create_histogram(
                "blinksale.rate_limit.wait", unit="s", description="Time a request waited for the rate limit."
            )


_cached: Optional[Tuple[Any, Any, _Pipeline]] = None


def _provider(module_name: str, getter: str, proxy: str) -> Any:
    module = sys.modules.get(module_name)
    if module is None:
        return None
    provider = getattr(module, getter)()
    # The API's placeholder until the application sets a provider: nothing to report to.
    return None if type(provider).__name__ == proxy else provider


def pipeline() -> Optional[_Pipeline]:
    """The application's pipeline, or None when it has set no provider (the usual case, at
    the cost of two dict lookups)."""
    global _cached
    tracer_provider = _provider("opentelemetry.trace", "get_tracer_provider", "ProxyTracerProvider")
    meter_provider = _provider("opentelemetry.metrics", "get_meter_provider", "_ProxyMeterProvider")
    if tracer_provider is None and meter_provider is None:
        return None
    if _cached is None or _cached[0] is not tracer_provider or _cached[1] is not meter_provider:
        trace = sys.modules.get("opentelemetry.trace")
        _cached = (tracer_provider, meter_provider, _Pipeline(trace, tracer_provider, meter_provider, __version__))
    return _cached[2]


class Span:
    """One call's span: started before the request (its context goes out as ``traceparent``),
    finished from the core's record."""

    def __init__(self, p: _Pipeline, start: Dict[str, Any], native: Optional[NativeTrace] = None) -> None:
        self.p = p
        self.span = None
        carrier: Dict[str, str] = {}
        if p.tracer is not None:
            kind = p.trace.SpanKind.CLIENT
            self.span = p.tracer.start_span(start["name"], kind=kind, attributes=start["attributes"])
            p.propagate.inject(carrier, context=p.trace.set_span_in_context(self.span))
        # A span that records nothing (a no-op provider, or not sampled) and no meter: the core
        # keeps no record, and only the context, if any, goes out.
        wanted = p.duration is not None or (self.span is not None and self.span.is_recording())
        self.native = native if native is not None else (NativeTrace() if wanted or carrier else None)
        if self.native is not None:
            self.native.set_context(carrier)

    def finish(self, error: Optional[BaseException]) -> None:
        records: List[Dict[str, Any]] = self.native.take() if self.native is not None else []
        for record in records:
            self._metrics(record)
        span = self.span
        if span is None:
            return
        if records and span.is_recording():
            self._apply(span, records[-1])
        if error is not None and span.is_recording():
            span.set_status(self.p.trace.Status(self.p.trace.StatusCode.ERROR, str(error)))
            if not records:
                span.set_attribute("error.type", getattr(error, "code", None) or type(error).__qualname__)
        span.end(end_time=records[-1]["end"] if records else None)

    def _apply(self, span: Any, record: Dict[str, Any]) -> None:
        span.update_name(record["name"])
        span.set_attributes(record["attributes"])
        for event in record["attempts"]:
            span.add_event(event["name"], event["attributes"], timestamp=event["time"])

    def _metrics(self, record: Dict[str, Any]) -> None:
        if self.p.duration is None:
            return
        for point in record["metrics"]:
            self.p.duration.record(point["duration"], point["attributes"])
            self.p.wait.record(point["rate_limit_wait"], point["attributes"])


def traced(
    p: _Pipeline, start: Dict[str, Any], send: Callable[[NativeTrace], T], native: Optional[NativeTrace] = None
) -> T:
    """Runs ``send`` with the span's trace (a list's own, for a page); the span ends when it
    returns or raises."""
    span = Span(p, start, native)
    try:
        result = send(span.native)
    except BaseException as e:
        span.finish(e)
        raise
    span.finish(None)
    return result


async def traced_async(
    p: _Pipeline,
    start: Dict[str, Any],
    send: Callable[[NativeTrace], Awaitable[T]],
    native: Optional[NativeTrace] = None,
) -> T:
    """The same for a coroutine: the span is the current task's child."""
    span = Span(p, start, native)
    try:
        result = await send(span.native)
    except BaseException as e:
        span.finish(e)
        raise
    span.finish(None)
    return result
