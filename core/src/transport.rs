//! Sending one request: pacing, retries, timeouts, logging. The retry rules live here.
use std::time::Duration;

use bytes::Bytes;
use tokio::time::Instant;

use crate::config::Config;
use crate::error::{Error, Permission, Result};
use crate::log::event;
use crate::ops::Method;
use crate::ratelimit::{Limiter, RateLimit, retry_after};

/// A response as it came off the wire, after retries.
#[derive(Clone, Debug)]
pub struct RawResponse {
    /// The HTTP status (2xx).
    pub status: u16,
    /// The response headers.
    pub headers: http::HeaderMap,
    /// The body.
    pub body: Bytes,
    /// The `X-Request-Id` header, if any.
    pub request_id: Option<String>,
    /// The rate-limit headers, if any.
    pub rate_limit: Option<RateLimit>,
}

/// Per-request overrides of the client's settings; also what
/// [`Client::with_options`](crate::Client::with_options) takes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RequestOptions {
    /// Total time per attempt.
    pub timeout: Option<Duration>,
    /// Retries after a retryable failure.
    pub max_retries: Option<u32>,
    /// One bound on the whole call: limiter waits, every attempt and the backoff between
    /// them. Past it the call ends with [`Error::Timeout`].
    pub deadline: Option<Duration>,
    /// Headers sent with the request; they replace client headers of the same name.
    pub headers: Vec<(String, String)>,
    /// Query pairs added to the request.
    pub extra_query: Vec<(String, String)>,
    /// Fields merged into the JSON body, unchecked: the way to send a field this version
    /// does not know.
    pub extra_body: Option<serde_json::Map<String, serde_json::Value>>,
}

impl RequestOptions {
    /// No overrides.
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets the timeout per attempt.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
    /// Sets the number of retries.
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = Some(n);
        self
    }
    /// Sets the deadline of the whole call.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }
    /// Adds a header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
    /// Adds a query pair.
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra_query.push((name.into(), value.into()));
        self
    }
    /// Adds a body field.
    pub fn body_field(mut self, name: impl Into<String>, value: serde_json::Value) -> Self {
        self.extra_body.get_or_insert_with(Default::default).insert(name.into(), value);
        self
    }

    /// Checks what cannot be sent besides the headers ([`header_map`] checks those): a zero
    /// timeout.
    pub(crate) fn check(&self) -> Result<()> {
        if self.timeout.is_some_and(|t| t.is_zero()) {
            return Err(Error::invalid("timeout", "must be greater than zero"));
        }
        if self.deadline.is_some_and(|t| t.is_zero()) {
            return Err(Error::invalid("deadline", "must be greater than zero"));
        }
        Ok(())
    }
}

/// Headers as a map, checked: names and values must be valid HTTP, and the token is set by
/// the client only.
pub(crate) fn header_map(headers: &[(String, String)]) -> Result<http::HeaderMap> {
    let mut map = http::HeaderMap::with_capacity(headers.len());
    for (name, value) in headers {
        let n =
            http::HeaderName::from_bytes(name.as_bytes()).map_err(|_| Error::invalid("headers", format!("{name:?} is not a valid header name")))?;
        let v = http::HeaderValue::from_str(value)
            .map_err(|_| Error::invalid("headers", format!("the value of {name:?} is not a valid header value")))?;
        if n == http::header::AUTHORIZATION {
            return Err(Error::invalid("headers", "the Authorization header carries the token; set the token on the client"));
        }
        map.insert(n, v);
    }
    Ok(map)
}

/// What one request needs.
pub(crate) struct Outgoing<'a> {
    pub method: Method,
    /// Path below the base URL, ids already encoded.
    pub path: &'a str,
    pub query: &'a [(String, String)],
    pub body: Option<Vec<u8>>,
    pub permission: Permission,
    pub options: &'a RequestOptions,
}

/// Delay before retry `n` (0-based): 0.5 s × 2^n, capped at 8 s, with jitter (half to full).
pub fn backoff(n: u32) -> Duration {
    let base = Duration::from_millis(500).saturating_mul(1u32 << n.min(5)).min(Duration::from_secs(8));
    base.mul_f64(0.5 + fastrand::f64() * 0.5)
}

/// Why an attempt failed, and whether trying again is safe.
enum Failure {
    /// No response. `sent` says whether the request may have reached the server.
    Transport { error: Error, sent: bool },
    /// A non-2xx response.
    Status { status: u16, headers: http::HeaderMap, body: Bytes, request_id: Option<String> },
}

/// Whether a failure may be retried. Idempotent requests are retried on 429, 500, 502, 503,
/// 504 and on connection failures and timeouts. POST is retried only where the server cannot
/// have acted: 429 (it refused before acting) and connections that failed before the
/// request was written. A 5xx, a timeout or a dropped connection after writing may mean the
/// write happened, so POST never repeats it: a create is never performed twice.
fn retryable(method: Method, failure: &Failure) -> bool {
    match failure {
        Failure::Status { status: 429, .. } => true,
        Failure::Status { status, .. } => method.idempotent() && matches!(status, 500 | 502 | 503 | 504),
        Failure::Transport { sent, .. } => method.idempotent() || !sent,
    }
}

pub(crate) async fn send(http: &reqwest::Client, config: &Config, limiter: &Limiter, req: Outgoing<'_>) -> Result<RawResponse> {
    let mut url = config.base_url.join(req.path.trim_start_matches('/')).map_err(|e| Error::invalid("path", format!("{e}")))?;
    if !req.query.is_empty() || !req.options.extra_query.is_empty() {
        url.query_pairs_mut().extend_pairs(req.query).extend_pairs(&req.options.extra_query);
    }
    req.options.check()?;
    // Client headers, then this request's, which replace those of the same name.
    let mut headers = config.headers.clone();
    if !req.options.headers.is_empty() {
        headers.extend(header_map(&req.options.headers)?);
    }
    let run = Attempts {
        http,
        config,
        limiter,
        req: &req,
        shown: shown_path(req.path, &url),
        url,
        headers,
        timeout: req.options.timeout.unwrap_or(config.timeout),
        max_retries: req.options.max_retries.unwrap_or(config.max_retries),
    };
    // The deadline bounds everything: limiter waits, attempts and backoff.
    match req.options.deadline.or(config.deadline) {
        None => run.run().await,
        Some(deadline) => tokio::time::timeout(deadline, run.run()).await.unwrap_or(Err(Error::Timeout { after: deadline })),
    }
}

/// The path below the base URL as logged: query values that may be personal data (a
/// search) are redacted.
fn shown_path(path: &str, url: &url::Url) -> String {
    const SHOWN: &[&str] = &["page", "per_page", "status", "client_id", "invoice_id"];
    let mut out = path.to_string();
    for (i, (k, v)) in url.query_pairs().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(&k);
        out.push('=');
        out.push_str(if SHOWN.contains(&k.as_ref()) { &v } else { "[redacted]" });
    }
    out
}

/// One request and its retries.
struct Attempts<'a> {
    http: &'a reqwest::Client,
    config: &'a Config,
    limiter: &'a Limiter,
    req: &'a Outgoing<'a>,
    url: url::Url,
    shown: String,
    headers: http::HeaderMap,
    timeout: Duration,
    max_retries: u32,
}

impl Attempts<'_> {
    fn sink(&self) -> Option<&crate::log::LogSink> {
        self.config.log_sink.as_ref()
    }

    async fn run(&self) -> Result<RawResponse> {
        let mut retries = 0u32;
        loop {
            let failure = match self.attempt(retries + 1).await {
                Ok(response) => return Ok(response),
                Err(failure) => failure,
            };
            if retries < self.max_retries && retryable(self.req.method, &failure) {
                let delay = match &failure {
                    // The limiter already holds every request until the reset.
                    Failure::Status { status: 429, .. } => Duration::from_millis(fastrand::u64(0..100)),
                    Failure::Status { headers, .. } => backoff(retries).max(retry_after_header(headers)),
                    Failure::Transport { .. } => backoff(retries),
                };
                event!(
                    self.sink(),
                    DEBUG,
                    "blinksale: retrying",
                    method = self.req.method.as_str(),
                    path = self.shown.as_str(),
                    retry = retries + 1,
                    delay_ms = delay.as_millis() as u64,
                    reason = failure_reason(&failure).as_str(),
                );
                tokio::time::sleep(delay).await;
                retries += 1;
                continue;
            }
            return Err(match failure {
                Failure::Transport { error, .. } => error,
                Failure::Status { status, headers, body, request_id } => {
                    Error::from_response(status, &headers, &body, self.req.permission, request_id)
                }
            });
        }
    }

    /// One attempt, logged as one line.
    async fn attempt(&self, attempt: u32) -> std::result::Result<RawResponse, Failure> {
        let req = self.req;
        let mut permit = self.limiter.acquire().await;
        let waited_ms = permit.waited.as_millis() as u64;
        if waited_ms > 0 {
            event!(
                self.sink(),
                DEBUG,
                "blinksale: waited for the rate limit",
                method = req.method.as_str(),
                path = self.shown.as_str(),
                waited_ms = waited_ms
            );
        }
        let started = Instant::now();
        let mut builder = self
            .http
            .request(req.method.to_reqwest(), self.url.clone())
            .headers(self.headers.clone())
            .timeout(self.timeout)
            .bearer_auth(self.config.token.expose())
            .header(http::header::ACCEPT, "application/json");
        if let Some(body) = &req.body {
            builder = builder.header(http::header::CONTENT_TYPE, "application/json").body(body.clone());
        }
        if !req.method.idempotent() {
            crate::cancel::mark_write_started();
        }
        permit.going_out();
        let resp = match builder.send().await {
            Ok(resp) => resp,
            Err(e) => {
                // No response. A connection that failed never carried the request: the
                // permit's drop gives its slot back.
                if e.is_connect() {
                    permit.not_sent();
                }
                drop(permit);
                let error = transport_error(&e, self.timeout);
                event!(
                    self.sink(),
                    WARN,
                    "blinksale: request failed",
                    method = req.method.as_str(),
                    path = self.shown.as_str(),
                    error = error.code(),
                    duration_ms = started.elapsed().as_millis() as u64,
                    attempt = attempt,
                    waited_ms = waited_ms,
                );
                return Err(Failure::Transport { sent: !e.is_connect(), error });
            }
        };
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_string);
        let rate_limit = RateLimit::from_headers(&headers);
        let from_api = headers.get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("json"));
        permit.observe(rate_limit, (status == 429).then(|| retry_after(&headers)), from_api);
        let line = |level: tracing::Level| {
            let (duration_ms, request_id) = (started.elapsed().as_millis() as u64, request_id.as_deref().unwrap_or(""));
            let (method, path) = (req.method.as_str(), self.shown.as_str());
            if level == tracing::Level::WARN {
                event!(
                    self.sink(),
                    WARN,
                    "blinksale: response",
                    method = method,
                    path = path,
                    status = status,
                    duration_ms = duration_ms,
                    attempt = attempt,
                    waited_ms = waited_ms,
                    request_id = request_id
                );
            } else {
                event!(
                    self.sink(),
                    INFO,
                    "blinksale: response",
                    method = method,
                    path = path,
                    status = status,
                    duration_ms = duration_ms,
                    attempt = attempt,
                    waited_ms = waited_ms,
                    request_id = request_id
                );
            }
        };
        let body = match read_body(resp, self.config.max_response_bytes).await {
            Ok(body) => body,
            Err(BodyError::Read(e)) => {
                line(tracing::Level::WARN);
                return Err(Failure::Transport { sent: true, error: transport_error(&e, self.timeout) });
            }
            Err(BodyError::TooLarge(start)) => {
                line(tracing::Level::WARN);
                let message = format!("the response body is larger than the limit of {} bytes (max_response_bytes)", self.config.max_response_bytes);
                return Err(Failure::Transport {
                    sent: true,
                    error: Error::Decode { status, message, excerpt: crate::error::excerpt(&start), request_id },
                });
            }
        };
        line(if status >= 500 || status == 429 { tracing::Level::WARN } else { tracing::Level::INFO });
        if (200..300).contains(&status) {
            return Ok(RawResponse { status, headers, body, request_id, rate_limit });
        }
        Err(Failure::Status { status, headers, body, request_id })
    }
}

enum BodyError {
    Read(reqwest::Error),
    /// Over the cap; holds what was read.
    TooLarge(Bytes),
}

/// Reads the body, stopping as soon as it is over `cap` bytes.
async fn read_body(mut resp: reqwest::Response, cap: u64) -> std::result::Result<Bytes, BodyError> {
    if resp.content_length().is_some_and(|n| n > cap) {
        let start = resp.chunk().await.map_err(BodyError::Read)?.unwrap_or_default();
        return Err(BodyError::TooLarge(start));
    }
    let mut body = bytes::BytesMut::with_capacity(resp.content_length().unwrap_or(0) as usize);
    while let Some(chunk) = resp.chunk().await.map_err(BodyError::Read)? {
        if body.len() as u64 + chunk.len() as u64 > cap {
            return Err(BodyError::TooLarge(body.freeze()));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

fn failure_reason(f: &Failure) -> String {
    match f {
        Failure::Transport { error, .. } => error.code().to_string(),
        Failure::Status { status, .. } => status.to_string(),
    }
}

/// `Retry-After` on a 5xx, if the server sent one.
fn retry_after_header(headers: &http::HeaderMap) -> Duration {
    if headers.contains_key(http::header::RETRY_AFTER) { retry_after(headers).min(Duration::from_secs(60)) } else { Duration::ZERO }
}

/// reqwest's error, without the URL (which is harmless, but the message stays short).
fn transport_error(e: &reqwest::Error, timeout: Duration) -> Error {
    if e.is_timeout() {
        return Error::Timeout { after: timeout };
    }
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Error::Connection { message, request_sent: !e.is_connect() }
}
