//! The call's `tracing` span as `tracing-opentelemetry` exports it to an SDK, and the W3C trace
//! context the server receives.
mod common;

use std::collections::HashMap;

use blinksale::ListParams;
use blinksale_mock::Fault;
use common::{Env, TOKEN};
use opentelemetry::trace::{SpanKind, Status, TraceContextExt, TracerProvider as _};
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::{InMemorySpanExporter, SdkTracerProvider, SpanData};
use tracing::Instrument;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::prelude::*;

/// Runs `f` inside a user span `job` with an SDK exporting to memory; the finished spans.
async fn traced<F: std::future::Future<Output = ()>>(f: impl FnOnce() -> F) -> (Vec<SpanData>, String) {
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    let exporter = InMemorySpanExporter::default();
    let provider = SdkTracerProvider::builder().with_simple_exporter(exporter.clone()).build();
    let subscriber = tracing_subscriber::registry().with(tracing_opentelemetry::layer().with_tracer(provider.tracer("test")));
    let _guard = tracing::subscriber::set_default(subscriber);
    let job = tracing::info_span!("job");
    let trace_id = job.context().span().span_context().trace_id().to_string();
    f().instrument(job).await;
    provider.force_flush().expect("flush");
    (exporter.get_finished_spans().expect("spans"), trace_id)
}

fn attributes(span: &SpanData) -> HashMap<String, String> {
    span.attributes.iter().map(|kv| (kv.key.to_string(), kv.value.to_string())).collect()
}

fn call_span(spans: &[SpanData]) -> &SpanData {
    spans.iter().find(|s| s.span_kind == SpanKind::Client).expect("a client span")
}

#[tokio::test]
async fn a_call_is_a_client_span_under_the_callers_with_the_conventions_attributes() {
    let env = Env::start();
    let api = env.client();
    let id = api.clients().list(&ListParams::new()).await.unwrap().data[0].id.clone();
    let (spans, trace_id) = traced(|| async {
        api.clients().get(&id).await.unwrap();
    })
    .await;
    let span = call_span(&spans);
    let job = spans.iter().find(|s| s.name == "job").expect("the user's span");
    assert_eq!(span.name, "GET /clients/{clientId}");
    assert_eq!(span.parent_span_id, job.span_context.span_id());
    assert_eq!(span.span_context.trace_id().to_string(), trace_id);
    let a = attributes(span);
    let port = url::Url::parse(env.mock.url()).unwrap().port().unwrap().to_string();
    assert_eq!(a["http.request.method"], "GET");
    assert_eq!(a["server.address"], "127.0.0.1");
    assert_eq!(a["server.port"], port);
    assert_eq!(a["url.template"], "/clients/{clientId}");
    assert_eq!(a["url.full"], format!("{}/clients/{id}", env.mock.url()));
    assert_eq!(a["http.response.status_code"], "200");
    assert_eq!(a["blinksale.operation"], "getClient");
    assert!(a["blinksale.request_id"].starts_with("req_"), "{a:?}");
    assert!(a.contains_key("blinksale.rate_limit.wait_ms"));
    assert!(!a.contains_key("error.type") && !a.contains_key("http.request.resend_count"));
    assert_eq!(span.status, Status::Unset);
    // The server got the call span's context: same trace, the call span as parent.
    let logged = env.mock.requests().into_iter().last().expect("logged");
    let expected = format!("00-{trace_id}-{}-01", span.span_context.span_id());
    assert_eq!(logged.headers.get("traceparent"), Some(&expected));
}

#[tokio::test]
async fn a_retried_get_records_both_attempts_and_the_resend_count() {
    let env = Env::start();
    env.mock.inject(Fault::status(503).on("/units").times(1));
    let (spans, _) = traced(|| async {
        env.client().units().list(&ListParams::new()).await.unwrap();
    })
    .await;
    let span = call_span(&spans);
    assert_eq!(attributes(span)["http.request.resend_count"], "1");
    assert_eq!(attributes(span)["http.response.status_code"], "200");
    let statuses: Vec<String> = span
        .events
        .iter()
        .filter(|e| e.name == "blinksale: response")
        .map(|e| e.attributes.iter().find(|kv| kv.key.as_str() == "status").map(|kv| kv.value.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(statuses, ["503", "200"]);
}

#[tokio::test]
async fn a_404_sets_the_error_type_and_the_error_status() {
    let env = Env::start();
    let (spans, _) = traced(|| async {
        env.client().clients().get("missing").await.unwrap_err();
    })
    .await;
    let span = call_span(&spans);
    assert_eq!(attributes(span)["error.type"], "not_found");
    assert_eq!(attributes(span)["http.response.status_code"], "404");
    assert!(matches!(span.status, Status::Error { .. }), "{:?}", span.status);
}

#[tokio::test]
async fn the_token_is_in_no_attribute_or_event() {
    let env = Env::start();
    env.mock.inject(Fault::status(500).on("/units").times(1));
    let (spans, _) = traced(|| async {
        env.client().units().list(&ListParams::new()).await.unwrap();
        env.client_as("tok_wrong").units().list(&ListParams::new()).await.unwrap_err();
    })
    .await;
    let everything = format!("{spans:?}");
    assert!(everything.contains("blinksale.operation"), "spans were exported");
    assert!(!everything.contains(TOKEN) && !everything.contains("tok_wrong"));
}
