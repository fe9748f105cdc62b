//! The request pipeline: log, faults, auth, rate limit, route, permission, body, handler.
use std::sync::{Arc, Mutex};

use bytes::{Bytes, BytesMut};
use http::{HeaderValue, Method, Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full};
use serde_json::{Value, json};

use crate::config::{MockConfig, TokenSpec};
use crate::faults::{FaultKind, FaultQueue};
use crate::log::{LoggedRequest, RequestLog};
use crate::ratelimit::{RateLimiter, RateState};
use crate::reply::ApiError;
use crate::resources::{self, Call};
use crate::store::Store;
use crate::tokens::Tokens;

/// Shared server state.
pub struct State {
    pub(crate) config: MockConfig,
    pub(crate) tokens: Tokens,
    pub(crate) store: Mutex<Store>,
    pub(crate) limiter: RateLimiter,
    pub(crate) faults: FaultQueue,
    pub(crate) log: RequestLog,
}

impl State {
    /// Seeds the data for `config`.
    pub fn new(config: MockConfig) -> Self {
        let store = seeded(config.seed);
        State {
            tokens: Tokens::new(config.effective_tokens()),
            limiter: RateLimiter::new(config.rate_limit, config.window),
            store: Mutex::new(store),
            faults: FaultQueue::default(),
            log: RequestLog::default(),
            config,
        }
    }

    /// `this run needed read, write`: what the requests so far needed.
    pub fn tokens_summary(&self) -> String {
        self.tokens.summary()
    }

    /// Puts the demo data back as it was at start.
    pub fn reset(&self) {
        *self.store.lock().unwrap_or_else(|e| e.into_inner()) = seeded(self.config.seed);
        self.tokens.reset();
    }
}

fn seeded(extra: usize) -> Store {
    let mut store = Store::new();
    // The seed goes through the API's own validation; a failure here is a bug in seed.rs.
    if let Err(e) = crate::seed::demo(&mut store, extra) {
        eprintln!("blinksale-mock: demo data rejected: {:?}", e.body());
    }
    store
}

/// Returned instead of a response: HTTP/1.1 closes the connection with nothing sent; HTTP/2
/// resets the stream, with REFUSED_STREAM ("not processed", RFC 9113 §8.7) when `refused`.
#[derive(Debug)]
pub struct DropConnection {
    refused: Option<h2::Error>,
}

impl DropConnection {
    fn new(refused: bool) -> Self {
        DropConnection { refused: refused.then(|| h2::Error::from(h2::Reason::REFUSED_STREAM)) }
    }
}

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by an injected fault")
    }
}
impl std::error::Error for DropConnection {
    // hyper resets an HTTP/2 stream with the reason it finds among the sources.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.refused.as_ref().map(|e| e as _)
    }
}

pub type HttpResponse = Response<Full<Bytes>>;

/// Serves one request.
pub async fn handle<B>(state: Arc<State>, req: Request<B>) -> Result<HttpResponse, DropConnection>
where
    B: hyper::body::Body<Data = Bytes> + Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    if req.uri().path().starts_with("/__admin/") {
        return Ok(crate::admin::handle(&state, req).await);
    }
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str().to_string();
    let path = parts.uri.path().to_string();
    let raw_query = parts.uri.query().map(str::to_string);
    let api_path_owned = path.strip_prefix("/api/v1/").map(str::to_string);
    let api_path = api_path_owned.as_deref();
    let seq = state.log.next_seq();
    let mut entry = LoggedRequest {
        seq,
        at_ms: state.log.elapsed_ms(),
        method: method.clone(),
        protocol: format!("{:?}", parts.version),
        connection: parts.extensions.get::<crate::connection::ConnectionId>().map_or(0, |c| c.0),
        path: path.clone(),
        query: raw_query.clone(),
        headers: parts
            .headers
            .iter()
            .filter(|(k, _)| *k != http::header::AUTHORIZATION)
            .map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect(),
        body: None,
        authorized: false,
        status: None,
        fault: None,
    };

    let fault = api_path.and_then(|p| state.faults.take(&method, p));
    if let Some(kind) = &fault {
        entry.fault = Some(kind.name().to_string());
    }

    // Read the body first (bounded), so the log has it whatever the outcome.
    let (bytes, too_large) = read_body(body, state.config.max_body_bytes).await;
    entry.body = log_body(&bytes);
    let token = bearer(&parts.headers).and_then(|t| state.tokens.find(t));
    entry.authorized = token.is_some();
    state.log.push(entry);

    if matches!(fault, Some(FaultKind::Drop | FaultKind::RefuseStream)) {
        return Err(DropConnection::new(fault == Some(FaultKind::RefuseStream)));
    }
    // A request the server has received is carried out even if the client hangs up, as a
    // real server would: the work runs in its own task.
    let task = tokio::spawn(async move {
        let mut fault = fault;
        if let Some(FaultKind::Delay(d)) = fault {
            tokio::time::sleep(d).await;
            fault = None;
        }
        let response = process(&state, &parts, api_path_owned.as_deref(), token.as_ref(), raw_query, bytes, too_large, fault, seq);
        state.log.set_status(seq, response.status().as_u16());
        response
    });
    task.await.map_err(|_| DropConnection::new(false))
}

/// Keeps at most `limit` bytes of the body. A larger body is still read (up to 16 times the
/// limit) and thrown away, so the client finishes sending and gets the 413, not a reset.
async fn read_body<B>(body: B, limit: usize) -> (Bytes, bool)
where
    B: hyper::body::Body<Data = Bytes>,
{
    let mut body = std::pin::pin!(body);
    let mut kept = BytesMut::new();
    let mut seen = 0usize;
    while let Some(Ok(frame)) = body.frame().await {
        if let Ok(data) = frame.into_data() {
            seen = seen.saturating_add(data.len());
            if seen <= limit {
                kept.extend_from_slice(&data);
            } else if seen > limit.saturating_mul(16) {
                break;
            }
        }
    }
    if seen > limit { (Bytes::new(), true) } else { (kept.freeze(), false) }
}

#[allow(clippy::too_many_arguments)]
fn process(
    state: &State,
    parts: &http::request::Parts,
    api_path: Option<&str>,
    token: Option<&TokenSpec>,
    raw_query: Option<String>,
    bytes: Bytes,
    too_large: bool,
    fault: Option<FaultKind>,
    seq: u64,
) -> HttpResponse {
    let path = parts.uri.path();
    let rate = state.limiter.hit(token.map_or("", |t| t.value.as_str()));
    let host = parts.headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("127.0.0.1");
    let url = format!("http://{host}{path}");

    let outcome = respond(state, &parts.method, api_path, token, rate, &raw_query, &bytes, too_large, &url, fault.as_ref());
    let (status, mut body_bytes, content_type, retry_after) = match outcome {
        Ok(reply) => (reply.status, reply.to_bytes(), "application/json", None),
        Err(Failure::Api(err)) => {
            let retry = matches!(err, ApiError::TooManyRequests).then(|| rate.map_or(1, |r| r.reset_secs));
            (err.status(), encode(&err.body()), "application/json", retry)
        }
        Err(Failure::Injected { status, html }) => {
            let (body, ctype) = injected_body(status, html);
            (status, body, ctype, None)
        }
        Err(Failure::InjectedRateLimit(reset)) => (429, encode(&ApiError::TooManyRequests.body()), "application/json", Some(reset)),
    };
    if fault == Some(FaultKind::Truncate) {
        body_bytes.truncate(body_bytes.len() / 2);
    }

    let mut builder = Response::builder()
        .status(StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        .header(header::CONTENT_TYPE, content_type)
        .header("x-request-id", format!("req_{seq:08}"));
    let rate_headers = match (&fault, rate) {
        (Some(FaultKind::RateLimited { reset_secs }), r) => {
            Some(RateState { limit: r.map_or(state.config.rate_limit, |r| r.limit), remaining: 0, reset_secs: *reset_secs, allowed: false })
        }
        (_, r) => r,
    };
    if let Some(r) = rate_headers {
        builder = builder.header("x-ratelimit-limit", r.limit).header("x-ratelimit-remaining", r.remaining).header("x-ratelimit-reset", r.reset_secs);
    }
    if let Some(secs) = retry_after {
        builder = builder.header(header::RETRY_AFTER, secs);
    }
    if let Some(allow) = allow_for(&parts.method, api_path) {
        builder = builder.header(header::ALLOW, HeaderValue::from_static(allow));
    }
    builder.body(Full::new(Bytes::from(body_bytes))).unwrap_or_else(|_| Response::new(Full::new(Bytes::new())))
}

enum Failure {
    Api(ApiError),
    Injected { status: u16, html: bool },
    InjectedRateLimit(u64),
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Self {
        Failure::Api(e)
    }
}

#[allow(clippy::too_many_arguments)]
fn respond(
    state: &State,
    method: &Method,
    api_path: Option<&str>,
    token: Option<&TokenSpec>,
    rate: Option<RateState>,
    raw_query: &Option<String>,
    bytes: &Bytes,
    too_large: bool,
    url: &str,
    fault: Option<&FaultKind>,
) -> Result<crate::reply::Reply, Failure> {
    match fault {
        Some(FaultKind::RateLimited { reset_secs }) => return Err(Failure::InjectedRateLimit(*reset_secs)),
        Some(FaultKind::Status { status, html, after_handler: false }) => {
            return Err(Failure::Injected { status: *status, html: *html });
        }
        _ => {}
    }
    let token = token.ok_or(ApiError::Unauthenticated)?;
    if rate.is_some_and(|r| !r.allowed) {
        return Err(ApiError::TooManyRequests.into());
    }
    let route = resources::route(method.as_str(), api_path.ok_or(ApiError::NotFound)?)?;
    state.tokens.note(&token.value, route.permission());
    if !token.permissions.contains(&route.permission()) {
        return Err(ApiError::Forbidden.into());
    }
    if too_large {
        return Err(ApiError::PayloadTooLarge.into());
    }
    let body = if !route.takes_body() {
        json!({})
    } else if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::field("body", "A JSON request body is required.").into());
    } else {
        serde_json::from_slice::<Value>(bytes).map_err(|_| ApiError::BadRequest("The request body is not valid JSON.".into()))?
    };
    let query = crate::pagination::parse_query(raw_query.as_deref());
    let reply = {
        let mut store = state.store.lock().unwrap_or_else(|e| e.into_inner());
        resources::dispatch(&mut store, Call { route: &route, query: &query, body: &body, url })?
    };
    if let Some(FaultKind::Status { status, html, after_handler: true }) = fault {
        return Err(Failure::Injected { status: *status, html: *html });
    }
    Ok(reply)
}

/// The `Allow` header for a 405.
fn allow_for(method: &Method, api_path: Option<&str>) -> Option<&'static str> {
    match resources::route(method.as_str(), api_path?) {
        Err(ApiError::MethodNotAllowed(allow)) => Some(allow),
        _ => None,
    }
}

/// The token from `Authorization: Bearer <token>`.
fn bearer(headers: &http::HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn encode(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}

fn log_body(bytes: &Bytes) -> Option<Value> {
    if bytes.is_empty() {
        return None;
    }
    Some(serde_json::from_slice(bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(bytes).into_owned())))
}

fn injected_body(status: u16, html: bool) -> (Vec<u8>, &'static str) {
    let reason = StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error");
    if html {
        let page = format!(
            "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
        );
        (page.into_bytes(), "text/html")
    } else {
        (encode(&json!({"success": false, "message": reason})), "application/json")
    }
}
