//! Per-request options, and the checks every duration and header passes, for a request and
//! for a client alike.
use std::time::Duration;

use crate::error::{Error, Result};

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
    /// A host language's tracing of this call: the headers it propagates, and where the
    /// call's record goes.
    pub trace: Option<crate::telemetry::Trace>,
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

    /// Checks what cannot be sent besides the headers ([`header_map`] checks those).
    pub(crate) fn check(&self) -> Result<()> {
        positive("timeout", self.timeout).map_err(|m| Error::invalid("timeout", m))?;
        positive("deadline", self.deadline).map_err(|m| Error::invalid("deadline", m))?;
        Ok(())
    }
}

/// The one rule for every duration, of a client or a request: greater than zero. The error
/// text names the setting; the caller picks the error kind.
pub(crate) fn positive(name: &str, d: Option<Duration>) -> std::result::Result<(), String> {
    match d {
        Some(d) if d.is_zero() => Err(format!("{name} must be greater than zero")),
        _ => Ok(()),
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

/// The body with `extra_body`'s fields merged in (they win). Extras alone make the body.
pub(crate) fn merge_extra(body: Option<serde_json::Value>, options: &RequestOptions) -> Option<serde_json::Value> {
    let Some(extra) = &options.extra_body else { return body };
    match body {
        Some(serde_json::Value::Object(mut map)) => {
            map.extend(extra.clone());
            Some(serde_json::Value::Object(map))
        }
        None => Some(serde_json::Value::Object(extra.clone())),
        other => other,
    }
}
