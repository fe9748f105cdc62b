//! One record per call and per attempt. The log lines, the `tracing` span of a call and the
//! host languages' OpenTelemetry spans and metrics are all written from it, with the HTTP
//! client semantic conventions' names decided here once. No field can hold the token: the
//! record is built from the call's method, path template, status and timings only.
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value, json};

use crate::error::{Error, Result};
use crate::method::Method;
use crate::ops::Operation;

/// The instrumentation scope every span and metric is reported under.
pub const SCOPE: &str = "blinksale";

/// One attempt of a call: what its log line says.
#[derive(Clone, Debug)]
pub(crate) struct AttemptRecord {
    /// 1 for the first attempt.
    pub attempt: u32,
    pub started: SystemTime,
    pub duration: Duration,
    /// Time held by the rate limiter before sending.
    pub waited: Duration,
    pub status: Option<u16>,
    /// The core's error code, when the attempt failed.
    pub error: Option<&'static str>,
    pub request_id: Option<String>,
    /// Whether the request may have reached the server.
    pub sent: bool,
    /// The wait before the next attempt, when one follows.
    pub retry_delay: Option<Duration>,
}

/// What identifies a call: the same for each of its attempts.
#[derive(Clone, Debug)]
pub(crate) struct CallTarget {
    pub operation: Option<&'static str>,
    pub method: Method,
    /// The path template below the base URL (`/invoices/{invoiceId}`), when known.
    pub template: Option<&'static str>,
    /// The URL as logged: query values that may be personal data redacted.
    pub url: String,
    pub address: String,
    pub port: u16,
}

impl CallTarget {
    /// `shown`: the path below the base URL as logged (query values redacted).
    pub fn new(base: &url::Url, op: Option<&'static Operation>, method: Method, shown: &str) -> CallTarget {
        // `url.full` never carries credentials, even ones written into the base URL.
        let mut root = base.clone();
        let _ = (root.set_username(""), root.set_password(None));
        CallTarget {
            operation: op.map(|o| o.id),
            method,
            template: op.map(|o| o.path),
            url: format!("{}{shown}", root.as_str().trim_end_matches('/')),
            address: base.host_str().unwrap_or("").trim_start_matches('[').trim_end_matches(']').to_string(),
            port: base.port_or_known_default().unwrap_or(443),
        }
    }

    /// `{method} {url.template}`, or the method alone when no template fits.
    pub fn span_name(&self) -> String {
        match self.template {
            Some(t) => format!("{} {t}", self.method.as_str()),
            None => self.method.as_str().to_string(),
        }
    }

    /// Method, server and template: what every span and metric point of the call carries.
    fn base_attributes(&self) -> Map<String, Value> {
        let mut a = Map::new();
        a.insert("http.request.method".into(), json!(self.method.as_str()));
        a.insert("server.address".into(), json!(self.address));
        a.insert("server.port".into(), json!(self.port));
        if let Some(t) = self.template {
            a.insert("url.template".into(), json!(t));
        }
        a
    }

    /// The attributes known before sending (what a sampler sees).
    pub fn start_attributes(&self) -> Map<String, Value> {
        let mut a = self.base_attributes();
        if let Some(op) = self.operation {
            a.insert("blinksale.operation".into(), json!(op));
        }
        a
    }
}

/// A whole call: its target, each attempt, and how it ended.
#[derive(Clone, Debug)]
pub(crate) struct CallRecord {
    pub target: CallTarget,
    pub started: SystemTime,
    pub ended: SystemTime,
    pub attempts: Vec<AttemptRecord>,
    /// The final error's code; None for a 2xx.
    pub error: Option<&'static str>,
}

impl CallRecord {
    /// The span's attributes when the call ends, by the semantic conventions' names.
    pub fn attributes(&self) -> Map<String, Value> {
        let mut a = self.target.start_attributes();
        a.insert("url.full".into(), json!(self.target.url));
        let last = self.attempts.last();
        if let Some(status) = last.and_then(|l| l.status) {
            a.insert("http.response.status_code".into(), json!(status));
        }
        if let Some(code) = self.error {
            a.insert("error.type".into(), json!(code));
        }
        if self.attempts.len() > 1 {
            a.insert("http.request.resend_count".into(), json!(self.attempts.len() - 1));
        }
        if let Some(id) = last.and_then(|l| l.request_id.as_deref()) {
            a.insert("blinksale.request_id".into(), json!(id));
        }
        let waited: Duration = self.attempts.iter().map(|a| a.waited).sum();
        a.insert("blinksale.rate_limit.wait_ms".into(), json!(millis(waited)));
        a
    }

    /// The call as the host languages' glue turns it into a span, span events and metric
    /// points: `name`, `start`/`end` (Unix nanoseconds), `attributes`, `error` (the code, or
    /// null), `attempts` (events) and `metrics`.
    pub fn to_json(&self) -> Value {
        let attempts: Vec<Value> = self
            .attempts
            .iter()
            .map(|a| json!({"name": "blinksale.attempt", "time": unix_nanos(a.started), "attributes": attempt_attributes(a)}))
            .collect();
        json!({
            "name": self.target.span_name(),
            "start": unix_nanos(self.started),
            "end": unix_nanos(self.ended),
            "attributes": self.attributes(),
            "error": self.error,
            "attempts": attempts,
            "metrics": self.attempts.iter().map(|a| self.metric_point(a)).collect::<Vec<_>>(),
        })
    }

    /// One `http.client.request.duration` point (seconds) and the attempt's rate-limit wait,
    /// with the low-cardinality attributes the conventions give for the histogram.
    fn metric_point(&self, a: &AttemptRecord) -> Value {
        let mut attrs = self.target.base_attributes();
        if let Some(status) = a.status {
            attrs.insert("http.response.status_code".into(), json!(status));
        }
        if let Some(code) = a.error {
            attrs.insert("error.type".into(), json!(code));
        }
        json!({"duration": a.duration.as_secs_f64(), "rate_limit_wait": a.waited.as_secs_f64(), "attributes": attrs})
    }
}

fn attempt_attributes(a: &AttemptRecord) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("blinksale.attempt".into(), json!(a.attempt));
    m.insert("blinksale.duration_ms".into(), json!(millis(a.duration)));
    m.insert("blinksale.rate_limit.wait_ms".into(), json!(millis(a.waited)));
    m.insert("blinksale.request_sent".into(), json!(a.sent));
    if let Some(status) = a.status {
        m.insert("http.response.status_code".into(), json!(status));
    }
    if let Some(code) = a.error {
        m.insert("error.type".into(), json!(code));
    }
    if let Some(id) = &a.request_id {
        m.insert("blinksale.request_id".into(), json!(id));
    }
    if let Some(delay) = a.retry_delay {
        m.insert("blinksale.retry_delay_ms".into(), json!(millis(delay)));
    }
    m
}

pub(crate) fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

fn unix_nanos(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// A host language's tracing of calls: the propagation headers its span gives (`traceparent`,
/// `tracestate`), sent with every attempt, and the record of each call made with it. Given
/// per call (or per list, set again before each page); absent, the core records nothing.
#[derive(Clone, Default)]
pub struct Trace(Arc<Mutex<TraceState>>);

#[derive(Default)]
struct TraceState {
    headers: http::HeaderMap,
    records: Vec<CallRecord>,
    /// For a list: the last page was reached (or the limit, or an error).
    pages_done: bool,
}

impl Trace {
    /// A trace with no context yet.
    pub fn new() -> Trace {
        Trace::default()
    }

    /// The propagation headers for the next call, replacing any set before; a name or value
    /// that cannot be sent is an error before any request.
    pub fn set_context<K: AsRef<str>, V: AsRef<str>>(&self, headers: impl IntoIterator<Item = (K, V)>) -> Result<()> {
        let mut map = http::HeaderMap::new();
        for (k, v) in headers {
            let name = http::HeaderName::from_bytes(k.as_ref().as_bytes()).map_err(|_| Error::invalid("trace context", "not a header name"))?;
            let value = http::HeaderValue::from_str(v.as_ref()).map_err(|_| Error::invalid("trace context", "not a header value"))?;
            map.insert(name, value);
        }
        self.state().headers = map;
        Ok(())
    }

    /// The records of the calls made since the last take, as JSON: `name`, `start` and `end`
    /// (Unix nanoseconds), `attributes`, `error` (the code, or null), `attempts` (span events)
    /// and `metrics` (one point per attempt).
    pub fn take(&self) -> Vec<Value> {
        std::mem::take(&mut self.state().records).iter().map(CallRecord::to_json).collect()
    }

    /// For a list's stream: whether its next poll fetches a page, so a host starts a span
    /// only for a request that will be sent.
    pub fn more_pages(&self) -> bool {
        !self.state().pages_done
    }

    pub(crate) fn set_more_pages(&self, more: bool) {
        self.state().pages_done = !more;
    }

    pub(crate) fn headers(&self) -> http::HeaderMap {
        self.state().headers.clone()
    }

    pub(crate) fn push(&self, record: CallRecord) {
        self.state().records.push(record);
    }

    fn state(&self) -> std::sync::MutexGuard<'_, TraceState> {
        // Nothing panics while holding it; a poisoned lock still holds whole values.
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl std::fmt::Debug for Trace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Trace")
    }
}

impl PartialEq for Trace {
    fn eq(&self, other: &Trace) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The span name and the attributes known before sending, for a host language to start its
/// span with: an operation of the table, or a path (matched against the table when it fits).
pub fn start_span(client: &crate::Client, op: Option<&'static Operation>, method: Method, path: &str) -> Value {
    let op = op.or_else(|| crate::ops::matching(method, path));
    let target = CallTarget::new(&client.config().base_url, op, method, "");
    json!({"name": target.span_name(), "attributes": target.start_attributes(), "scope": SCOPE, "version": env!("CARGO_PKG_VERSION")})
}

/// The `tracing` span of one call, with the OpenTelemetry field names `tracing-opentelemetry`
/// exports (`otel.name`, `otel.kind`, `otel.status_code`, and the attributes). Disabled, and
/// so free, when no subscriber takes it.
pub(crate) fn call_span() -> tracing::Span {
    use tracing::field::Empty;
    tracing::info_span!(
        target: "blinksale::call",
        "blinksale.call",
        "otel.name" = Empty,
        "otel.kind" = "client",
        "otel.status_code" = Empty,
        "http.request.method" = Empty,
        "server.address" = Empty,
        "server.port" = Empty,
        "url.full" = Empty,
        "url.template" = Empty,
        "http.response.status_code" = Empty,
        "error.type" = Empty,
        "http.request.resend_count" = Empty,
        "blinksale.operation" = Empty,
        "blinksale.request_id" = Empty,
        "blinksale.rate_limit.wait_ms" = Empty,
    )
}

/// The span's name and the attributes known before sending.
pub(crate) fn record_start(span: &tracing::Span, target: &CallTarget) {
    if span.is_disabled() {
        return;
    }
    span.record("otel.name", target.span_name().as_str());
    record_all(span, &target.start_attributes());
}

/// The attributes known at the end, and the status: an error for any failure.
pub(crate) fn record_end(span: &tracing::Span, record: &CallRecord) {
    if span.is_disabled() {
        return;
    }
    record_all(span, &record.attributes());
    if record.error.is_some() {
        span.record("otel.status_code", "ERROR");
    }
}

fn record_all(span: &tracing::Span, attributes: &Map<String, Value>) {
    for (name, value) in attributes {
        match value {
            Value::String(s) => span.record(name.as_str(), s.as_str()),
            Value::Number(n) => span.record(name.as_str(), n.as_u64().unwrap_or_default()),
            Value::Bool(b) => span.record(name.as_str(), *b),
            _ => span,
        };
    }
}

/// With the `opentelemetry` feature: the caller's trace context, by the global propagator
/// (W3C `traceparent` once one is set), from this call's span, so the server's spans join the
/// caller's trace.
#[cfg(feature = "opentelemetry")]
pub(crate) fn inject(span: &tracing::Span, headers: &mut http::HeaderMap) {
    use opentelemetry::propagation::Injector;
    use tracing_opentelemetry::OpenTelemetrySpanExt;
    struct Headers<'a>(&'a mut http::HeaderMap);
    impl Injector for Headers<'_> {
        fn set(&mut self, key: &str, value: String) {
            if let (Ok(k), Ok(v)) = (http::HeaderName::from_bytes(key.as_bytes()), http::HeaderValue::from_str(&value)) {
                self.0.insert(k, v);
            }
        }
    }
    if span.is_disabled() {
        return;
    }
    let context = span.context();
    opentelemetry::global::get_text_map_propagator(|p| p.inject_context(&context, &mut Headers(headers)));
}

/// Without the `opentelemetry` feature nothing is propagated from Rust.
#[cfg(not(feature = "opentelemetry"))]
pub(crate) fn inject(_span: &tracing::Span, _headers: &mut http::HeaderMap) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_full_drops_credentials_written_into_the_base_url() {
        let base = url::Url::parse("https://user:secret@api.example/api/v1/").unwrap();
        let target = CallTarget::new(&base, crate::ops::find("listClients"), Method::Get, "/clients?search=[redacted]");
        assert_eq!(target.url, "https://api.example/api/v1/clients?search=[redacted]");
        assert_eq!((target.address.as_str(), target.port, target.span_name().as_str()), ("api.example", 443, "GET /clients"));
    }

    #[test]
    fn a_path_is_matched_to_the_operation_whose_template_it_fits() {
        let id = |m, p| crate::ops::matching(m, p).map(|o| o.id);
        assert_eq!(id(Method::Get, "/clients/c%201"), Some("getClient"));
        assert_eq!(id(Method::Get, "/clients/"), Some("listClients"));
        assert_eq!(id(Method::Post, "/clients/c1"), None);
        assert_eq!(id(Method::Get, "/nowhere"), None);
    }
}
