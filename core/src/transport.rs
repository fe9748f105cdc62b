//! Sending one request: pacing, retries, timeouts, logging. The retry rules live here.
use std::time::Duration;

use bytes::Bytes;
use tokio::time::Instant;
use tracing::Instrument;

use crate::config::Config;
use crate::error::{Error, Permission, Result};
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

/// Per-request overrides of the client's settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RequestOptions {
    /// Total time per attempt.
    pub timeout: Option<Duration>,
    /// Retries after a retryable failure.
    pub max_retries: Option<u32>,
}

/// What one request needs.
pub(crate) struct Outgoing<'a> {
    pub method: Method,
    /// Path below the base URL, ids already encoded.
    pub path: &'a str,
    pub query: &'a [(String, String)],
    pub body: Option<Vec<u8>>,
    pub permission: Permission,
    pub options: RequestOptions,
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

pub(crate) async fn send(
    http: &reqwest::Client,
    config: &Config,
    limiter: &Limiter,
    req: Outgoing<'_>,
) -> Result<RawResponse> {
    let mut url = config
        .base_url
        .join(req.path.trim_start_matches('/'))
        .map_err(|e| Error::invalid("path", format!("{e}")))?;
    if !req.query.is_empty() {
        url.query_pairs_mut().extend_pairs(req.query);
    }
    let timeout = req.options.timeout.unwrap_or(config.timeout);
    let max_retries = req.options.max_retries.unwrap_or(config.max_retries);
    let span = tracing::debug_span!("blinksale.request", method = req.method.as_str(), path = req.path);
    attempts(http, config, limiter, &req, url, timeout, max_retries).instrument(span).await
}

/// The attempt loop of [`send`].
async fn attempts(
    http: &reqwest::Client,
    config: &Config,
    limiter: &Limiter,
    req: &Outgoing<'_>,
    url: url::Url,
    timeout: Duration,
    max_retries: u32,
) -> Result<RawResponse> {
    let mut retries = 0u32;
    loop {
        let waited = limiter.acquire().await;
        let started = Instant::now();
        let mut builder = http
            .request(req.method.to_reqwest(), url.clone())
            .timeout(timeout)
            .bearer_auth(config.token.expose())
            .header(http::header::ACCEPT, "application/json");
        if let Some(body) = &req.body {
            builder = builder.header(http::header::CONTENT_TYPE, "application/json").body(body.clone());
        }
        let failure = match builder.send().await {
            Err(e) => {
                limiter.abandon();
                Failure::Transport { sent: !e.is_connect(), error: transport_error(&e, timeout) }
            }
            Ok(resp) => {
                let status = resp.status().as_u16();
                let headers = resp.headers().clone();
                let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_string);
                let rate_limit = RateLimit::from_headers(&headers);
                limiter.observe(rate_limit, (status == 429).then(|| retry_after(&headers)));
                match resp.bytes().await {
                    Err(e) => Failure::Transport { sent: true, error: transport_error(&e, timeout) },
                    Ok(body) => {
                        tracing::debug!(
                            status,
                            duration_ms = started.elapsed().as_millis() as u64,
                            waited_ms = waited.as_millis() as u64,
                            retries,
                            request_id = request_id.as_deref().unwrap_or(""),
                            "blinksale: response"
                        );
                        if (200..300).contains(&status) {
                            return Ok(RawResponse { status, headers, body, request_id, rate_limit });
                        }
                        Failure::Status { status, headers, body, request_id }
                    }
                }
            }
        };
        if retries < max_retries && retryable(req.method, &failure) {
            let delay = match &failure {
                // The limiter already holds every request until the reset.
                Failure::Status { status: 429, .. } => Duration::from_millis(fastrand::u64(0..100)),
                Failure::Status { headers, .. } => backoff(retries).max(retry_after_header(headers)),
                Failure::Transport { .. } => backoff(retries),
            };
            tracing::info!(
                retry = retries + 1,
                delay_ms = delay.as_millis() as u64,
                reason = failure_reason(&failure),
                "blinksale: retrying"
            );
            tokio::time::sleep(delay).await;
            retries += 1;
            continue;
        }
        return Err(match failure {
            Failure::Transport { error, .. } => error,
            Failure::Status { status, headers, body, request_id } => {
                Error::from_response(status, &headers, &body, req.permission, request_id)
            }
        });
    }
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
