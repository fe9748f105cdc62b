"""Calls as OpenTelemetry spans and metrics through the SDK's in-memory exporters, the W3C
trace context the mock receives, and nothing at all without OpenTelemetry."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from typing import Any, Dict, Iterator, List, Tuple

import pytest
from conftest import TOKEN
from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.util._once import Once

import blinksale
from blinksale.testing import MockServer

Pipeline = Tuple[InMemorySpanExporter, InMemoryMetricReader]


def _reset_globals() -> None:
    # What opentelemetry's own test utilities do: the API sets each provider once a process.
    trace._TRACER_PROVIDER_SET_ONCE = Once()  # type: ignore[attr-defined]
    trace._TRACER_PROVIDER = None  # type: ignore[attr-defined]
    metrics._internal._METER_PROVIDER_SET_ONCE = Once()  # type: ignore[attr-defined]
    metrics._internal._METER_PROVIDER = None  # type: ignore[attr-defined]


@pytest.fixture
def otel() -> Iterator[Pipeline]:
    exporter, reader = InMemorySpanExporter(), InMemoryMetricReader()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    _reset_globals()
    trace.set_tracer_provider(provider)
    metrics.set_meter_provider(MeterProvider(metric_readers=[reader]))
    yield exporter, reader
    _reset_globals()


def client_spans(exporter: InMemorySpanExporter) -> List[ReadableSpan]:
    return [s for s in exporter.get_finished_spans() if s.kind == trace.SpanKind.CLIENT]


def traceparents(mock: MockServer) -> List[str]:
    return [r["headers"].get("traceparent", "") for r in mock.requests()]


def first_client_id(client: blinksale.Client) -> str:
    return str(client.clients.list().data[0].id)


def check_child_span(span: ReadableSpan, parent: Any, mock: MockServer, cid: str) -> None:
    assert span.name == "GET /clients/{clientId}"
    assert span.parent is not None and span.parent.span_id == parent.get_span_context().span_id
    assert span.context.trace_id == parent.get_span_context().trace_id
    a = dict(span.attributes or {})
    host, port = mock.url.split("//")[1].split("/")[0].split(":")
    assert a["http.request.method"] == "GET"
    assert (a["server.address"], a["server.port"]) == (host, int(port))
    assert a["url.template"] == "/clients/{clientId}"
    assert a["url.full"] == f"{mock.url}/clients/{cid}"
    assert a["http.response.status_code"] == 200
    assert a["blinksale.operation"] == "getClient"
    assert str(a["blinksale.request_id"]).startswith("req_")
    assert "blinksale.rate_limit.wait_ms" in a and "error.type" not in a
    assert span.instrumentation_scope is not None and span.instrumentation_scope.name == "blinksale"
    assert span.instrumentation_scope.version == blinksale.__version__
    trace_id, span_id = f"{span.context.trace_id:032x}", f"{span.context.span_id:016x}"
    version, sent_trace, sent_span, flags = traceparents(mock)[-1].split("-")
    assert (version, sent_trace, sent_span) == ("00", trace_id, span_id)
    assert int(flags, 16) & 1 == 1, "sampled"


def test_a_call_in_a_user_span_is_its_child_and_carries_the_trace_context(
    otel: Pipeline, mock: MockServer, client: blinksale.Client
) -> None:
    cid = first_client_id(client)
    otel[0].clear()
    with trace.get_tracer("app").start_as_current_span("job") as job:
        client.clients.get(cid)
    (span,) = client_spans(otel[0])
    check_child_span(span, job, mock, cid)


def test_an_async_call_is_a_child_of_the_tasks_span(
    otel: Pipeline, mock: MockServer, aclient: blinksale.AsyncClient
) -> None:
    async def run() -> Tuple[Any, str]:
        cid = str((await aclient.clients.list()).data[0].id)
        otel[0].clear()
        with trace.get_tracer("app").start_as_current_span("job") as job:
            await aclient.clients.get(cid)
        return job, cid

    job, cid = asyncio.run(run())
    (span,) = client_spans(otel[0])
    check_child_span(span, job, mock, cid)


def test_a_retried_get_records_both_attempts_and_the_resend_count(
    otel: Pipeline, mock: MockServer, client: blinksale.Client
) -> None:
    mock.inject("status", path="/units", method="GET", status=503)
    client.units.list()
    (span,) = client_spans(otel[0])
    assert (span.attributes or {})["http.request.resend_count"] == 1
    attempts = [dict(e.attributes or {}) for e in span.events if e.name == "blinksale.attempt"]
    assert [(a["blinksale.attempt"], a["http.response.status_code"]) for a in attempts] == [(1, 503), (2, 200)]
    assert attempts[0]["error.type"] == "server" and attempts[0]["blinksale.retry_delay_ms"] >= 0
    assert span.events[0].timestamp <= span.events[1].timestamp
    assert span.start_time is not None and span.end_time is not None and span.start_time <= span.events[0].timestamp


def test_a_404_sets_the_error_type_and_the_error_status(otel: Pipeline, client: blinksale.Client) -> None:
    with pytest.raises(blinksale.NotFoundError):
        client.clients.get("missing")
    (span,) = client_spans(otel[0])
    assert (span.attributes or {})["error.type"] == "not_found"
    assert (span.attributes or {})["http.response.status_code"] == 404
    assert span.status.status_code == trace.StatusCode.ERROR


def test_list_all_makes_one_span_per_page_and_none_after_the_last(
    otel: Pipeline, mock: MockServer, client: blinksale.Client
) -> None:
    items = list(client.clients.list_all(per_page=10))
    spans = client_spans(otel[0])
    pages = [r for r in mock.requests() if r["method"] == "GET"]
    assert len(spans) == len(pages) == -(-len(items) // 10) > 1
    assert {f"{s.context.span_id:016x}" for s in spans} == {tp.split("-")[2] for tp in traceparents(mock)}
    assert all(s.name == "GET /clients" for s in spans)


def test_async_list_all_with_a_limit_makes_a_span_per_page_fetched(
    otel: Pipeline, aclient: blinksale.AsyncClient
) -> None:
    async def run() -> int:
        return len([c async for c in aclient.clients.list_all(per_page=10, limit=15)])

    assert asyncio.run(run()) == 15
    assert len(client_spans(otel[0])) == 2


def test_request_by_path_is_named_by_the_operation_it_fits(
    otel: Pipeline, mock: MockServer, client: blinksale.Client
) -> None:
    cid = first_client_id(client)
    otel[0].clear()
    client.request("GET", f"/clients/{cid}")
    (span,) = client_spans(otel[0])
    assert span.name == "GET /clients/{clientId}"
    assert (span.attributes or {})["blinksale.operation"] == "getClient"
    assert traceparents(mock)[-1].split("-")[2] == f"{span.context.span_id:016x}"


def test_duration_and_wait_histograms_go_to_the_meter_provider(otel: Pipeline, client: blinksale.Client) -> None:
    client.units.list()
    data = otel[1].get_metrics_data()
    assert data is not None
    found: Dict[str, Any] = {
        m.name: m
        for rm in data.resource_metrics
        for sm in rm.scope_metrics
        for m in sm.metrics
        if sm.scope.name == "blinksale"
    }
    point = found["http.client.request.duration"].data.data_points[0]
    assert point.count == 1 and found["http.client.request.duration"].unit == "s"
    assert dict(point.attributes)["url.template"] == "/units"
    assert dict(point.attributes)["http.response.status_code"] == 200
    assert found["blinksale.rate_limit.wait"].data.data_points[0].count == 1


def test_the_token_is_in_no_attribute_or_event(otel: Pipeline, mock: MockServer, client: blinksale.Client) -> None:
    mock.inject("status", path="/units", method="GET", status=500)
    client.units.list()
    with pytest.raises(blinksale.AuthenticationError):
        blinksale.Client("tok_wrong_secret", base_url=mock.url).units.list()
    spans = otel[0].get_finished_spans()
    dumped = "".join(s.to_json() for s in spans)
    assert len(client_spans(otel[0])) == 2 and "blinksale.operation" in dumped
    assert TOKEN not in dumped and "tok_wrong_secret" not in dumped


def test_a_no_op_provider_sends_no_header_and_calls_work(mock: MockServer, client: blinksale.Client) -> None:
    _reset_globals()
    trace.set_tracer_provider(trace.NoOpTracerProvider())
    try:
        client.units.list()
        assert len(list(client.units.list_all(per_page=1, limit=2))) == 2
    finally:
        _reset_globals()
    assert traceparents(mock) == ["", "", ""]


# Run in a child: OpenTelemetry made unimportable, or imported with no provider set.
_WITHOUT = """
import json, sys
if sys.argv[1] == "absent":
    sys.modules["opentelemetry"] = None  # any `import opentelemetry...` now fails
else:
    import opentelemetry.trace
otel = lambda: sorted(m for m in sys.modules if m.startswith("opentelemetry") and sys.modules[m])
before = otel()
import blinksale
client = blinksale.Client(sys.argv[2], base_url=sys.argv[3])
client.units.list()
list(client.units.list_all(per_page=1, limit=2))
print(json.dumps([before, otel()]))
"""


@pytest.mark.parametrize("case", ["absent", "no_provider"])
def test_without_opentelemetry_nothing_is_imported_and_no_header_is_sent(mock: MockServer, case: str) -> None:
    args = [sys.executable, "-c", _WITHOUT, case, TOKEN, mock.url]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    before, after = json.loads(out.stdout)
    assert before == after, "blinksale imported no OpenTelemetry module"
    assert (before == []) == (case == "absent")
    assert len(mock.requests()) == 3 and traceparents(mock) == ["", "", ""]
