//! Sending one request: pacing, retries, timeouts, logging. The retry rules live here.
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use tokio::time::Instant;
use tracing::Instrument;

use crate::call::Call;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::log::{event, event_at};
use crate::method::Method;
use crate::options::{RequestOptions, header_map};
use crate::ratelimit::{Limiter, Permit, RateLimit, retry_after};
use crate::secret::SecretToken;
use crate::telemetry::{AttemptRecord, CallRecord, CallTarget, millis};

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

/// The client's side of a send: what every request of one client shares.
pub(crate) struct Wire<'a> {
    pub http: &'a reqwest::Client,
    pub config: &'a Config,
    pub limiter: &'a Limiter,
}

/// Sends a prepared call with its retries, within the deadline if one is set. The call is one
/// `tracing` span; its record goes to the span and to the host's trace, if either wants it.
pub(crate) async fn send(wire: Wire<'_>, call: &Call, options: &RequestOptions) -> Result<RawResponse> {
    let config = wire.config;
    let mut url = config.base_url.join(call.path.trim_start_matches('/')).map_err(|e| Error::invalid("path", format!("{e}")))?;
    if !call.query.is_empty() || !options.extra_query.is_empty() {
        url.query_pairs_mut().extend_pairs(&call.query).extend_pairs(&options.extra_query);
    }
    options.check()?;
    // Client headers, then this request's, which replace those of the same name.
    let mut headers = config.headers.clone();
    if !options.headers.is_empty() {
        headers.extend(header_map(&options.headers)?);
    }
    let span = crate::telemetry::call_span();
    let shown = shown_path(&call.path, &url);
    let target = (options.trace.is_some() || !span.is_disabled()).then(|| CallTarget::new(&config.base_url, call.operation, call.method, &shown));
    if let Some(target) = &target {
        crate::telemetry::record_start(&span, target);
    }
    if let Some(trace) = &options.trace {
        headers.extend(trace.headers());
    }
    crate::telemetry::inject(&span, &mut headers);
    let run = Attempts {
        wire,
        call,
        shown,
        url,
        headers,
        timeout: options.timeout.unwrap_or(config.timeout),
        max_retries: options.max_retries.unwrap_or(config.max_retries),
        records: Mutex::new(Vec::new()),
    };
    let started = SystemTime::now();
    // The deadline bounds everything: limiter waits, attempts and backoff.
    let result = match options.deadline.or(config.deadline) {
        None => run.run().instrument(span.clone()).await,
        Some(deadline) => tokio::time::timeout(deadline, run.run().instrument(span.clone())).await.unwrap_or(Err(Error::Timeout { after: deadline })),
    };
    if let Some(target) = target {
        let attempts = std::mem::take(&mut *run.records.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        let record = CallRecord { target, started, ended: SystemTime::now(), attempts, error: result.as_ref().err().map(Error::code) };
        crate::telemetry::record_end(&span, &record);
        if let Some(trace) = &options.trace {
            trace.push(record);
        }
    }
    result
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
    wire: Wire<'a>,
    call: &'a Call,
    url: url::Url,
    shown: String,
    headers: http::HeaderMap,
    timeout: Duration,
    max_retries: u32,
    /// One per attempt, in order.
    records: Mutex<Vec<AttemptRecord>>,
}

/// How an attempt ended, as its record and log line tell it.
struct Outcome {
    status: Option<u16>,
    error: Option<&'static str>,
    request_id: Option<String>,
    sent: bool,
    /// A 5xx, a 429, or a body that could not be read.
    warn: bool,
}

impl Attempts<'_> {
    fn sink(&self) -> Option<&crate::log::LogSink> {
        self.wire.config.log_sink.as_ref()
    }

    async fn run(&self) -> Result<RawResponse> {
        let credentials = &self.wire.config.credentials;
        credentials.note(self.call.permission);
        let (mut retries, mut attempt, mut reauthorized) = (0u32, 0u32, false);
        loop {
            attempt += 1;
            let (token, generation) = credentials.current(self.sink()).await?;
            let failure = match self.attempt(attempt, &token).await {
                Ok(response) => return Ok(response),
                Err(failure) => failure,
            };
            // A 401 means the server did not act, so even a write goes again, once, if the
            // token's source has a new one.
            if !reauthorized
                && matches!(failure, Failure::Status { status: 401, .. })
                && credentials.refreshed(generation, self.sink()).await?.is_some()
            {
                reauthorized = true;
                let (method, path) = (self.call.method.as_str(), self.shown.as_str());
                event!(self.sink(), DEBUG, "blinksale: new token after a 401, sending again", method = method, path = path);
                continue;
            }
            if retries >= self.max_retries || !retryable(self.call.method, &failure) {
                return Err(self.final_error(failure));
            }
            let delay = retry_delay(&failure, retries);
            self.retrying(retries + 1, delay, &failure_reason(&failure));
            tokio::time::sleep(delay).await;
            retries += 1;
        }
    }

    fn final_error(&self, failure: Failure) -> Error {
        match failure {
            Failure::Transport { error, .. } => error,
            Failure::Status { status, headers, body, request_id } => Error::from_response(status, &headers, &body, self.call.permission, request_id),
        }
    }

    /// One attempt, recorded and logged as one line.
    async fn attempt(&self, attempt: u32, token: &SecretToken) -> std::result::Result<RawResponse, Failure> {
        let mut permit = self.wire.limiter.acquire().await;
        let waited = permit.waited;
        if !waited.is_zero() {
            let (method, path, waited_ms) = (self.call.method.as_str(), self.shown.as_str(), millis(waited));
            event!(self.sink(), DEBUG, "blinksale: waited for the rate limit", method = method, path = path, waited_ms = waited_ms);
        }
        if !self.call.method.idempotent() {
            crate::cancel::mark_write_started();
        }
        permit.going_out();
        let (started, clock) = (SystemTime::now(), Instant::now());
        let (result, outcome) = match self.request(token).send().await {
            Ok(resp) => self.received(resp, permit).await,
            Err(e) => self.not_answered(&e, permit),
        };
        let record = AttemptRecord {
            attempt,
            started,
            duration: clock.elapsed(),
            waited,
            status: outcome.status,
            error: outcome.error,
            request_id: outcome.request_id,
            sent: outcome.sent,
            retry_delay: None,
        };
        self.log(&record, outcome.warn);
        self.records.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(record);
        result
    }

    fn request(&self, token: &SecretToken) -> reqwest::RequestBuilder {
        let builder = self
            .wire
            .http
            .request(self.call.method.to_reqwest(), self.url.clone())
            .headers(self.headers.clone())
            .timeout(self.timeout)
            .bearer_auth(token.expose_secret())
            .header(http::header::ACCEPT, "application/json");
        match &self.call.body {
            Some(body) => builder.header(http::header::CONTENT_TYPE, "application/json").body(body.clone()),
            None => builder,
        }
    }

    /// No response. A connection that failed never carried the request: the permit's drop
    /// gives its slot back.
    fn not_answered(&self, e: &reqwest::Error, mut permit: Permit) -> (std::result::Result<RawResponse, Failure>, Outcome) {
        if e.is_connect() {
            permit.not_sent();
        }
        drop(permit);
        let error = transport_error(e, self.timeout);
        let sent = !e.is_connect();
        let outcome = Outcome { status: None, error: Some(error.code()), request_id: None, sent, warn: true };
        (Err(Failure::Transport { sent, error }), outcome)
    }

    /// A response: the limiter learns from its headers, then the body is read (capped).
    async fn received(&self, resp: reqwest::Response, permit: Permit) -> (std::result::Result<RawResponse, Failure>, Outcome) {
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_string);
        let rate_limit = RateLimit::from_headers(&headers);
        let from_api = headers.get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("json"));
        permit.observe(rate_limit, (status == 429).then(|| retry_after(&headers)), from_api);
        let mut outcome =
            Outcome { status: Some(status), error: None, request_id: request_id.clone(), sent: true, warn: status >= 500 || status == 429 };
        let body = match read_body(resp, self.wire.config.max_response_bytes).await {
            Ok(body) => body,
            Err(e) => {
                let failure = self.unread(e, status, request_id);
                if let Failure::Transport { error, .. } = &failure {
                    (outcome.error, outcome.warn) = (Some(error.code()), true);
                }
                return (Err(failure), outcome);
            }
        };
        if (200..300).contains(&status) {
            return (Ok(RawResponse { status, headers, body, request_id, rate_limit }), outcome);
        }
        outcome.error = Some(Error::from_response(status, &http::HeaderMap::new(), b"", self.call.permission, None).code());
        (Err(Failure::Status { status, headers, body, request_id }), outcome)
    }

    fn unread(&self, e: BodyError, status: u16, request_id: Option<String>) -> Failure {
        let error = match e {
            BodyError::Read(e) => transport_error(&e, self.timeout),
            BodyError::TooLarge(start) => {
                let cap = self.wire.config.max_response_bytes;
                let message = format!("the response body is larger than the limit of {cap} bytes (max_response_bytes)");
                Error::Decode { status, message, excerpt: crate::error::excerpt(&start), request_id }
            }
        };
        Failure::Transport { sent: true, error }
    }

    /// The attempt's log line, written from its record: a response, or a request that got none.
    fn log(&self, r: &AttemptRecord, warn: bool) {
        let (method, path) = (self.call.method.as_str(), self.shown.as_str());
        let (duration_ms, attempt, waited_ms) = (millis(r.duration), r.attempt, millis(r.waited));
        let Some(status) = r.status else {
            let error = r.error.unwrap_or("connection");
            event!(
                self.sink(),
                WARN,
                "blinksale: request failed",
                method = method,
                path = path,
                error = error,
                duration_ms = duration_ms,
                attempt = attempt,
                waited_ms = waited_ms
            );
            return;
        };
        let level = if warn { tracing::Level::WARN } else { tracing::Level::INFO };
        let request_id = r.request_id.as_deref().unwrap_or("");
        event_at!(
            self.sink(),
            level,
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

    /// Notes the wait on the last attempt's record and logs it.
    fn retrying(&self, retry: u32, delay: Duration, reason: &str) {
        if let Some(last) = self.records.lock().unwrap_or_else(std::sync::PoisonError::into_inner).last_mut() {
            last.retry_delay = Some(delay);
        }
        let (method, path, delay_ms) = (self.call.method.as_str(), self.shown.as_str(), millis(delay));
        event!(self.sink(), DEBUG, "blinksale: retrying", method = method, path = path, retry = retry, delay_ms = delay_ms, reason = reason);
    }
}

/// How long to wait before retry `retries` (0-based) after this failure.
fn retry_delay(failure: &Failure, retries: u32) -> Duration {
    match failure {
        // The limiter already holds every request until the reset.
        Failure::Status { status: 429, .. } => Duration::from_millis(fastrand::u64(0..100)),
        Failure::Status { headers, .. } => backoff(retries).max(retry_after_header(headers)),
        Failure::Transport { .. } => backoff(retries),
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
    if let Some(message) = crate::network::untrusted(e) {
        return Error::Connection { message, request_sent: false };
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
