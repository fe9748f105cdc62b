//! Traces of a command: with `OTEL_EXPORTER_OTLP_ENDPOINT` (or `_TRACES_ENDPOINT`) set, the
//! command is one span and each API call its child, exported over OTLP/HTTP as the standard
//! variables configure it (`OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_SERVICE_NAME`, …). A
//! `TRACEPARENT` variable makes the command part of the caller's trace (a cron job's, a CI
//! step's). Without an endpoint nothing is set up.
use opentelemetry::propagation::TextMapPropagator;
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::prelude::*;

/// The exporter while a command runs; [`Export::finish`] sends what is left.
pub struct Export {
    provider: SdkTracerProvider,
    guard: tracing::subscriber::DefaultGuard,
}

fn set(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Starts exporting for this thread's command, if an endpoint is configured.
pub fn start() -> Option<Export> {
    if set("OTEL_SDK_DISABLED").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return None;
    }
    set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").or_else(|| set("OTEL_EXPORTER_OTLP_ENDPOINT"))?;
    // An https endpoint needs a TLS provider; the client's own connections use the same one.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let exporter = match opentelemetry_otlp::SpanExporter::builder().with_http().build() {
        Ok(exporter) => exporter,
        Err(e) => {
            eprintln!("blinksale: traces are not exported: {e}");
            return None;
        }
    };
    let mut resource = opentelemetry_sdk::Resource::builder();
    if set("OTEL_SERVICE_NAME").is_none() {
        resource = resource.with_service_name("blinksale-cli");
    }
    let provider = SdkTracerProvider::builder().with_batch_exporter(exporter).with_resource(resource.build()).build();
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    let scope = opentelemetry::InstrumentationScope::builder("blinksale").with_version(env!("CARGO_PKG_VERSION")).build();
    let layer = tracing_opentelemetry::layer()
        .with_tracer(provider.tracer_with_scope(scope))
        .with_filter(tracing_subscriber::filter::filter_fn(blinksale::log::is_ours));
    let guard = tracing::subscriber::set_default(tracing_subscriber::registry().with(layer));
    Some(Export { provider, guard })
}

/// The command's span (`blinksale invoices list`), a child of `TRACEPARENT`'s context if set.
pub fn command_span(words: &[&str]) -> tracing::Span {
    let name = format!("blinksale {}", words.join(" "));
    let span = tracing::info_span!(target: "blinksale::cli", "blinksale.command", "otel.name" = name.as_str());
    if let Some(parent) = set("TRACEPARENT") {
        let mut carrier = std::collections::HashMap::from([("traceparent".to_string(), parent)]);
        if let Some(state) = set("TRACESTATE") {
            carrier.insert("tracestate".into(), state);
        }
        let _ = span.set_parent(TraceContextPropagator::new().extract(&carrier));
    }
    span
}

impl Export {
    /// Ends the subscriber and sends the spans still queued (the process exits next).
    pub fn finish(self) {
        drop(self.guard);
        if let Err(e) = self.provider.shutdown() {
            eprintln!("blinksale: traces were not all exported: {e}");
        }
    }
}
