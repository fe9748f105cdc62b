//! Every error the client returns. Bindings map [`Error::code`] to their own classes.
use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use crate::ratelimit::RateLimit;

/// A token permission. Each operation needs one (GET read, writes write, sending send).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// View resources.
    Read,
    /// Create, update and delete resources.
    Write,
    /// Send estimates and invoices by email.
    Send,
}

impl Permission {
    /// `read`, `write` or `send`.
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::Read => "read",
            Permission::Write => "write",
            Permission::Send => "send",
        }
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the server said in an error response.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiErrorInfo {
    /// The HTTP status.
    pub status: u16,
    /// The server's `message`, or the status's reason when the body had none.
    pub message: String,
    /// Field name to messages (422 responses).
    pub errors: BTreeMap<String, Vec<String>>,
    /// The `X-Request-Id` header, if the server sent one.
    pub request_id: Option<String>,
    /// The rate-limit headers of the response.
    pub rate_limit: Option<RateLimit>,
    /// The response headers (names lower-case).
    pub headers: Vec<(String, String)>,
    /// The response body as text (at most [`ERROR_BODY_LIMIT`] bytes of it).
    pub body: String,
}

contract! {
/// Everything an error carries, for every language: [`Error::details`]. Absent fields are
/// left out when serialized.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct ErrorDetails {
    /// The stable code: `not_found`, `validation`, ….
    pub code: &'static str => Text,
    /// The whole message, as `Display` writes it.
    pub message: String => Text,
    /// The HTTP status, when there was a response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16> => Count,
    /// The server's own `message`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_message: Option<String> => Text,
    /// Field name to messages (422).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<BTreeMap<String, Vec<String>>> => FieldErrors,
    /// The `X-Request-Id` of the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String> => Text,
    /// The response headers (names lower-case).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headers: Option<BTreeMap<String, String>> => Headers,
    /// The rate-limit headers of the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<RateLimitInfo> => RateLimit,
    /// The response body as text (its first 64 KiB).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String> => Text,
    /// Seconds the server asked to wait (429).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<f64> => Seconds,
    /// The permission the operation needs (403): `read`, `write` or `send`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_permission: Option<&'static str> => Text,
    /// Whether the request may have reached the server (connection errors, aborts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_sent: Option<bool> => Bool,
    /// The field at fault (input refused before sending).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String> => Text,
    /// The first characters of a body that did not decode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_excerpt: Option<String> => Text,
}
}

/// The rate-limit state as the bindings show it: counts and the seconds to the reset.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct RateLimitInfo {
    /// Requests allowed per window.
    pub limit: Option<u32>,
    /// Requests left in this window.
    pub remaining: Option<u32>,
    /// Seconds until the window resets.
    pub reset: Option<f64>,
}

impl From<&RateLimit> for RateLimitInfo {
    fn from(r: &RateLimit) -> Self {
        RateLimitInfo { limit: r.limit, remaining: r.remaining, reset: r.reset.map(|d| d.as_secs_f64()) }
    }
}

/// How much of an error response's body is kept in [`ApiErrorInfo::body`].
pub const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// Everything that can go wrong. Never contains the API token.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// 401: the token is missing, unknown or expired.
    #[error("authentication failed ({status}): {message}", status = .0.status, message = .0.message)]
    Authentication(Box<ApiErrorInfo>),
    /// 403: the token lacks the permission the operation needs.
    #[error("permission denied ({status}): {message} (this operation needs the `{required}` permission)", status = .info.status, message = .info.message)]
    PermissionDenied {
        /// The response.
        info: Box<ApiErrorInfo>,
        /// The permission the operation needs.
        required: Permission,
    },
    /// 404: no such resource.
    #[error("not found ({status}): {message}", status = .0.status, message = .0.message)]
    NotFound(Box<ApiErrorInfo>),
    /// 422: the server rejected the input; `errors` maps each field to its messages.
    #[error("validation failed ({status}): {message}{fields}", status = .0.status, message = .0.message, fields = field_summary(&.0.errors))]
    Validation(Box<ApiErrorInfo>),
    /// 429: rate limited, after the retries allowed.
    #[error("rate limited ({status}): {message}; retry after {secs:.1}s", status = .info.status, message = .info.message, secs = .retry_after.as_secs_f64())]
    RateLimited {
        /// The response.
        info: Box<ApiErrorInfo>,
        /// How long the server asked to wait.
        retry_after: Duration,
    },
    /// Another 4xx status.
    #[error("API error ({status}): {message}", status = .0.status, message = .0.message)]
    Api(Box<ApiErrorInfo>),
    /// A 5xx status, after the retries allowed (including HTML error pages from proxies).
    #[error("server error ({status}): {message}", status = .0.status, message = .0.message)]
    Server(Box<ApiErrorInfo>),
    /// The request took longer than the timeout.
    #[error("request timed out after {secs:.1}s", secs = .after.as_secs_f64())]
    Timeout {
        /// The timeout that ran out.
        after: Duration,
    },
    /// The connection failed, or closed before a response.
    #[error("connection error: {message}")]
    Connection {
        /// What failed.
        message: String,
        /// Whether the request may have reached the server (it had been written).
        request_sent: bool,
    },
    /// A response that is not the JSON the API documents.
    #[error("could not decode the response ({status}): {message}; body starts: {excerpt:?}")]
    Decode {
        /// The HTTP status.
        status: u16,
        /// What did not decode.
        message: String,
        /// The first characters of the body.
        excerpt: String,
        /// The `X-Request-Id` header, if any.
        request_id: Option<String>,
    },
    /// Input refused before any request was sent.
    #[error("invalid request: {message}")]
    InvalidRequest {
        /// What is wrong.
        message: String,
        /// The field at fault, if one.
        field: Option<String>,
    },
    /// The client is misconfigured (token, base URL, options).
    #[error("configuration error: {0}")]
    Config(String),
    /// The caller cancelled the request (a Node `AbortSignal`, a [`CancelToken`]).
    ///
    /// [`CancelToken`]: crate::CancelToken
    #[error("{}", if *.write_sent { "the request was aborted after the write was sent: it may have happened on the server, and it is not retried" } else { "the request was aborted" })]
    Aborted {
        /// Whether a write (POST) had already gone out: it may have happened.
        write_sent: bool,
    },
}

/// One kind of error, as every binding names it: the rows the bindings' error classes are
/// generated from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorKind {
    /// [`Error::code`].
    pub code: &'static str,
    /// The class name in Python and Node.
    pub class: &'static str,
    /// The class it derives from.
    pub parent: &'static str,
    /// What it means.
    pub doc: &'static str,
}

/// Every error kind, [`Error::code`] to class, in the order the bindings list them. The
/// bases (`BlinksaleError`, `APIError`) are the bindings' own.
pub const ERROR_KINDS: &[ErrorKind] = &[
    AUTHENTICATION,
    PERMISSION_DENIED,
    NOT_FOUND,
    VALIDATION,
    RATE_LIMITED,
    API,
    SERVER,
    CONNECTION,
    TIMEOUT,
    DECODE,
    INVALID_REQUEST,
    CONFIG,
    ABORTED,
];

/// The `authentication` kind.
const AUTHENTICATION: ErrorKind =
    ErrorKind { code: "authentication", class: "AuthenticationError", parent: "APIError", doc: "401: the token is missing, unknown or expired." };

/// The `permission_denied` kind.
const PERMISSION_DENIED: ErrorKind = ErrorKind {
    code: "permission_denied",
    class: "PermissionDeniedError",
    parent: "APIError",
    doc: "403: the token lacks the permission the operation needs (`required_permission`).",
};

/// The `not_found` kind.
const NOT_FOUND: ErrorKind = ErrorKind { code: "not_found", class: "NotFoundError", parent: "APIError", doc: "404: no such resource." };

/// The `validation` kind.
const VALIDATION: ErrorKind = ErrorKind {
    code: "validation",
    class: "ValidationError",
    parent: "APIError",
    doc: "422: the server refused the input; `errors` maps each field to its messages.",
};

/// The `rate_limited` kind.
const RATE_LIMITED: ErrorKind = ErrorKind {
    code: "rate_limited",
    class: "RateLimitError",
    parent: "APIError",
    doc: "429 after the retries allowed; `retry_after` is the wait, in seconds.",
};

/// The `api` kind.
const API: ErrorKind = ErrorKind { code: "api", class: "APIError", parent: "BlinksaleError", doc: "The API answered with an error status." };

/// The `server` kind.
const SERVER: ErrorKind = ErrorKind {
    code: "server",
    class: "ServerError",
    parent: "APIError",
    doc: "5xx after the retries allowed (including HTML error pages from proxies).",
};

/// The `connection` kind.
const CONNECTION: ErrorKind = ErrorKind {
    code: "connection",
    class: "APIConnectionError",
    parent: "BlinksaleError",
    doc: "No response: the connection failed or closed (`request_sent` says whether the request was written).",
};

/// The `timeout` kind.
const TIMEOUT: ErrorKind =
    ErrorKind { code: "timeout", class: "APITimeoutError", parent: "APIConnectionError", doc: "The request took longer than the timeout." };

/// The `decode` kind.
const DECODE: ErrorKind =
    ErrorKind { code: "decode", class: "DecodeError", parent: "BlinksaleError", doc: "A response that is not the JSON the API documents." };

/// The `invalid_request` kind.
const INVALID_REQUEST: ErrorKind = ErrorKind {
    code: "invalid_request",
    class: "InvalidRequestError",
    parent: "BlinksaleError",
    doc: "Input that cannot be sent, refused before any request (`field` names the field at fault).",
};

/// The `config` kind.
const CONFIG: ErrorKind = ErrorKind {
    code: "config",
    class: "ConfigurationError",
    parent: "BlinksaleError",
    doc: "The client is misconfigured: token, base URL or options.",
};

/// The `aborted` kind.
const ABORTED: ErrorKind =
    ErrorKind { code: "aborted", class: "APIUserAbortError", parent: "BlinksaleError", doc: "The caller aborted the request (an `AbortSignal`)." };

fn field_summary(errors: &BTreeMap<String, Vec<String>>) -> String {
    let parts: Vec<String> = errors.iter().map(|(k, v)| format!("{k}: {}", v.join(" "))).collect();
    if parts.is_empty() { String::new() } else { format!(" ({})", parts.join("; ")) }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The row of [`ERROR_KINDS`] for this error. The match has no wildcard, so a new variant
    /// cannot compile without its row.
    pub fn kind(&self) -> &'static ErrorKind {
        match self {
            Error::Authentication(_) => &AUTHENTICATION,
            Error::PermissionDenied { .. } => &PERMISSION_DENIED,
            Error::NotFound(_) => &NOT_FOUND,
            Error::Validation(_) => &VALIDATION,
            Error::RateLimited { .. } => &RATE_LIMITED,
            Error::Api(_) => &API,
            Error::Server(_) => &SERVER,
            Error::Timeout { .. } => &TIMEOUT,
            Error::Connection { .. } => &CONNECTION,
            Error::Decode { .. } => &DECODE,
            Error::InvalidRequest { .. } => &INVALID_REQUEST,
            Error::Config(_) => &CONFIG,
            Error::Aborted { .. } => &ABORTED,
        }
    }

    /// A stable, lower-case code for each variant; bindings map it to their error classes.
    pub fn code(&self) -> &'static str {
        self.kind().code
    }

    /// The server's response details, for errors that come from a response.
    pub fn info(&self) -> Option<&ApiErrorInfo> {
        match self {
            Error::Authentication(i) | Error::NotFound(i) | Error::Validation(i) | Error::Api(i) | Error::Server(i) => Some(i),
            Error::PermissionDenied { info, .. } | Error::RateLimited { info, .. } => Some(info),
            _ => None,
        }
    }

    /// The HTTP status, when there was a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Decode { status, .. } => Some(*status),
            other => other.info().map(|i| i.status),
        }
    }

    /// The server's message, or this error's own.
    pub fn message(&self) -> String {
        match self.info() {
            Some(i) => i.message.clone(),
            None => match self {
                Error::Connection { message, .. } | Error::Decode { message, .. } | Error::InvalidRequest { message, .. } => message.clone(),
                Error::Config(m) => m.clone(),
                other => other.to_string(),
            },
        }
    }

    /// The `X-Request-Id` of the response, if the server sent one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Decode { request_id, .. } => request_id.as_deref(),
            other => other.info().and_then(|i| i.request_id.as_deref()),
        }
    }

    /// The rate-limit state reported with the response.
    pub fn rate_limit(&self) -> Option<&RateLimit> {
        self.info().and_then(|i| i.rate_limit.as_ref())
    }

    /// Field name to messages, for 422 responses.
    pub fn field_errors(&self) -> Option<&BTreeMap<String, Vec<String>>> {
        match self {
            Error::Validation(i) => Some(&i.errors),
            _ => None,
        }
    }

    /// How long the server asked to wait, for 429.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited { retry_after, .. } => Some(*retry_after),
            _ => None,
        }
    }

    /// Everything any language shows of this error, as one struct: what the bindings convert
    /// generically (Python's exception attributes, Node's `details`, the CLI's JSON).
    pub fn details(&self) -> ErrorDetails {
        let info = self.info();
        let mut d = ErrorDetails {
            code: self.code(),
            message: self.to_string(),
            status: self.status(),
            server_message: info.map(|i| i.message.clone()),
            errors: info.map(|i| i.errors.clone()).filter(|e| !e.is_empty()),
            request_id: self.request_id().map(str::to_string),
            headers: info.map(|i| i.headers.iter().cloned().collect()),
            rate_limit: self.rate_limit().map(RateLimitInfo::from),
            body: info.map(|i| i.body.clone()),
            retry_after: self.retry_after().map(|d| d.as_secs_f64()),
            ..ErrorDetails::default()
        };
        match self {
            Error::PermissionDenied { required, .. } => d.required_permission = Some(required.as_str()),
            Error::Connection { request_sent, .. } => d.request_sent = Some(*request_sent),
            Error::Aborted { write_sent } => d.request_sent = Some(*write_sent),
            Error::Decode { excerpt, .. } => d.body_excerpt = Some(excerpt.clone()),
            Error::InvalidRequest { field, .. } => d.field = field.clone(),
            _ => {}
        }
        d
    }

    /// The error as a JSON object: [`Error::details`], absent fields left out.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self.details()).unwrap_or_else(|_| serde_json::json!({"code": self.code(), "message": self.to_string()}))
    }

    pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> Error {
        let field = field.into();
        Error::InvalidRequest { message: format!("{field}: {}", message.into()), field: Some(field) }
    }
}

/// The first characters of a body, for error messages.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(200)]);
    text.chars().filter(|c| !c.is_control() || *c == ' ').collect()
}

impl Error {
    /// Maps a non-2xx response to its variant. Any body works: the documented JSON error
    /// body, another JSON shape, or an HTML page from a proxy.
    pub(crate) fn from_response(status: u16, headers: &http::HeaderMap, body: &[u8], required: Permission, request_id: Option<String>) -> Error {
        #[derive(serde::Deserialize)]
        struct Body {
            message: Option<String>,
            #[serde(default)]
            errors: Option<serde_json::Value>,
        }
        let parsed: Option<Body> = serde_json::from_slice(body).ok();
        let reason = http::StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error");
        let is_html = headers.get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("html"))
            || body.trim_ascii_start().starts_with(b"<");
        let message = match parsed.as_ref().and_then(|b| b.message.clone()).filter(|m| !m.is_empty()) {
            Some(m) => m,
            None if is_html => format!("{reason} (the server sent an HTML error page)"),
            None if body.is_empty() => reason.to_string(),
            None => format!("{reason}: {}", excerpt(body)),
        };
        let mut errors = BTreeMap::new();
        if let Some(serde_json::Value::Object(map)) = parsed.and_then(|b| b.errors) {
            for (field, msgs) in map {
                let list = match msgs {
                    serde_json::Value::Array(items) => items.iter().map(|m| m.as_str().map_or_else(|| m.to_string(), str::to_string)).collect(),
                    serde_json::Value::String(s) => vec![s],
                    other => vec![other.to_string()],
                };
                errors.insert(field, list);
            }
        }
        let info = Box::new(ApiErrorInfo {
            status,
            message,
            errors,
            request_id,
            rate_limit: RateLimit::from_headers(headers),
            body: String::from_utf8_lossy(&body[..body.len().min(ERROR_BODY_LIMIT)]).into_owned(),
            headers: headers.iter().map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned())).collect(),
        });
        match status {
            401 => Error::Authentication(info),
            403 => Error::PermissionDenied { info, required },
            404 => Error::NotFound(info),
            422 => Error::Validation(info),
            429 => Error::RateLimited { info, retry_after: crate::ratelimit::retry_after(headers) },
            500..=599 => Error::Server(info),
            _ => Error::Api(info),
        }
    }
}

#[cfg(test)]
mod table {
    use super::*;

    /// One error of each variant. The match below has no wildcard: a new variant fails to
    /// compile here until it has a sample, and then the test checks it has a row.
    fn samples() -> Vec<Error> {
        let info = || {
            Box::new(ApiErrorInfo {
                status: 400,
                message: "m".into(),
                errors: BTreeMap::new(),
                request_id: None,
                rate_limit: None,
                headers: vec![],
                body: String::new(),
            })
        };
        let all = vec![
            Error::Authentication(info()),
            Error::PermissionDenied { info: info(), required: Permission::Write },
            Error::NotFound(info()),
            Error::Validation(info()),
            Error::RateLimited { info: info(), retry_after: Duration::from_secs(1) },
            Error::Api(info()),
            Error::Server(info()),
            Error::Timeout { after: Duration::from_secs(1) },
            Error::Connection { message: "m".into(), request_sent: false },
            Error::Decode { status: 200, message: "m".into(), excerpt: String::new(), request_id: None },
            Error::InvalidRequest { message: "m".into(), field: None },
            Error::Config("m".into()),
            Error::Aborted { write_sent: false },
        ];
        for e in &all {
            match e {
                Error::Authentication(_)
                | Error::PermissionDenied { .. }
                | Error::NotFound(_)
                | Error::Validation(_)
                | Error::RateLimited { .. }
                | Error::Api(_)
                | Error::Server(_)
                | Error::Timeout { .. }
                | Error::Connection { .. }
                | Error::Decode { .. }
                | Error::InvalidRequest { .. }
                | Error::Config(_)
                | Error::Aborted { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_variant_has_a_row_and_every_row_a_variant() {
        let samples = samples();
        for e in &samples {
            assert!(ERROR_KINDS.contains(e.kind()), "{:?} has no row in ERROR_KINDS", e.code());
            assert_eq!(e.details().code, e.code());
        }
        for kind in ERROR_KINDS {
            assert!(samples.iter().any(|e| e.kind() == kind), "row {} has no variant", kind.code);
            let classes = ERROR_KINDS.iter().map(|k| k.class).chain(["BlinksaleError"]).collect::<Vec<_>>();
            assert!(classes.contains(&kind.parent), "row {} derives from unknown {}", kind.code, kind.parent);
        }
        let mut codes: Vec<_> = ERROR_KINDS.iter().map(|k| k.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ERROR_KINDS.len(), "codes are unique");
    }

    #[test]
    fn details_leave_absent_fields_out() {
        let v = Error::Config("no token".into()).to_json();
        assert_eq!(v, serde_json::json!({"code": "config", "message": "configuration error: no token"}));
    }
}
