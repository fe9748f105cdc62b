//! The Node addon: the Rust core behind the `blinksale` npm package. It translates only:
//! retries, paging, validation and errors are the core's. Errors carry the core's stable
//! code and details as JSON; `index.js` turns them into error classes.
use std::sync::{Arc, Mutex};
use std::time::Duration;

use blinksale::{JsonData, Method, RequestOptions, Response, ops};
use futures_util::StreamExt;
use napi::bindgen_prelude::*;
use napi_derive::napi;
use serde_json::{Value, json};

// Pages are tens of kilobytes; the system allocator hands such buffers back to the OS and
// pays page faults for them on every request.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The core error as JSON in the message: `{code, message, status, errors, ...}`.
fn to_js(e: blinksale::Error) -> Error {
    let mut d = json!({"code": e.code(), "description": e.to_string(), "message": e.message(),
                       "status": e.status(), "requestId": e.request_id()});
    if let Some(info) = e.info() {
        d["errors"] = json!(info.errors);
        d["headers"] = Value::Object(info.headers.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect());
    }
    if let Some(wait) = e.retry_after() {
        d["retryAfter"] = json!(wait.as_secs_f64());
    }
    match &e {
        blinksale::Error::PermissionDenied { required, .. } => d["requiredPermission"] = json!(required.as_str()),
        blinksale::Error::Connection { request_sent, .. } => d["requestSent"] = json!(request_sent),
        blinksale::Error::Decode { excerpt, .. } => d["bodyExcerpt"] = json!(excerpt),
        blinksale::Error::InvalidRequest { field, .. } => d["field"] = json!(field),
        _ => {}
    }
    Error::new(Status::GenericFailure, format!("BLINKSALE:{d}"))
}

fn invalid(message: impl Into<String>) -> Error {
    to_js(blinksale::Error::InvalidRequest { message: message.into(), field: None })
}

/// One response: `data` as JSON text (one `JSON.parse` in JS is cheaper than building the
/// objects through N-API), list metadata, status and request id.
#[napi(object)]
pub struct Reply {
    pub data: String,
    pub meta: Option<String>,
    pub has_next: bool,
    pub status: u32,
    pub request_id: Option<String>,
    pub message: Option<String>,
}

fn reply(r: Response<JsonData>) -> Reply {
    Reply {
        meta: r.data.meta.as_ref().and_then(|m| serde_json::to_string(m).ok()),
        has_next: r.data.has_next,
        // Moved, not copied: a page is tens of kilobytes.
        data: Box::<str>::from(r.data.data).into_string(),
        status: u32::from(r.status),
        request_id: r.request_id,
        message: r.message,
    }
}

fn parse_json(text: Option<String>) -> Result<Option<Value>> {
    text.map(|t| serde_json::from_str(&t).map_err(|e| invalid(format!("body is not JSON: {e}")))).transpose()
}

#[napi(object)]
pub struct ClientOptions {
    pub token: Option<String>,
    pub base_url: Option<String>,
    /// Milliseconds.
    pub timeout: Option<f64>,
    pub max_retries: Option<u32>,
    pub user_agent: String,
}

#[napi]
pub struct NativeClient {
    client: blinksale::Client,
}

#[napi]
impl NativeClient {
    #[napi(constructor)]
    pub fn new(options: ClientOptions) -> Result<Self> {
        let mut b = blinksale::Client::builder().user_agent_suffix(options.user_agent);
        if let Some(t) = options.token {
            b = b.token(t);
        }
        if let Some(u) = options.base_url {
            b = b.base_url(u);
        }
        if let Some(ms) = options.timeout {
            if !(ms.is_finite() && ms > 0.0) {
                return Err(invalid("timeout must be a positive number of milliseconds"));
            }
            b = b.timeout(Duration::from_secs_f64(ms / 1000.0));
        }
        if let Some(n) = options.max_retries {
            b = b.max_retries(n);
        }
        Ok(NativeClient { client: b.build().map_err(to_js)? })
    }

    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.client.config().base_url().to_string()
    }

    /// [limit, remaining, resetSeconds] of the last response, or null.
    #[napi]
    pub fn rate_limit(&self) -> Option<Vec<Option<f64>>> {
        self.client.rate_limit().map(|r| vec![r.limit.map(f64::from), r.remaining.map(f64::from), r.reset.map(|d| d.as_secs_f64())])
    }

    /// Runs an operation of the core's table on the Rust runtime.
    #[napi]
    pub async fn call(&self, op_id: String, ids: Vec<String>, query: Vec<Vec<String>>, body: Option<String>) -> Result<Reply> {
        let op = ops::find(&op_id).ok_or_else(|| invalid(format!("unknown operation {op_id}")))?;
        let query = pairs(query)?;
        let body = parse_json(body)?;
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        self.client.execute_json(op, &ids, &query, body, RequestOptions::default()).await.map(reply).map_err(to_js)
    }

    /// The raw escape hatch.
    #[napi]
    pub async fn request(&self, method: String, path: String, query: Vec<Vec<String>>, body: Option<String>) -> Result<Reply> {
        let method = Method::parse(&method).map_err(to_js)?;
        let query = pairs(query)?;
        let body = parse_json(body)?;
        let r = self.client.request(method, &path, &query, body).await.map_err(to_js)?;
        Ok(Reply {
            data: r.data.data.to_string(),
            meta: r.data.meta.as_ref().and_then(|m| serde_json::to_string(m).ok()),
            has_next: false,
            status: u32::from(r.status),
            request_id: r.request_id,
            message: r.message,
        })
    }

    /// Every item of a list operation, page by page as consumed.
    #[napi]
    pub fn stream(&self, op_id: String, ids: Vec<String>, query: Vec<Vec<String>>, limit: Option<f64>) -> Result<NativeStream> {
        let op = ops::find(&op_id).ok_or_else(|| invalid(format!("unknown operation {op_id}")))?;
        let query = pairs(query)?;
        let limit = limit.map(|l| l.max(0.0) as u64);
        let stream = self.client.stream_json(op, ids, query, limit, RequestOptions::default());
        Ok(NativeStream { inner: Arc::new(tokio::sync::Mutex::new(stream)) })
    }
}

fn pairs(query: Vec<Vec<String>>) -> Result<Vec<(String, String)>> {
    query
        .into_iter()
        .map(|p| match <[String; 2]>::try_from(p) {
            Ok([k, v]) => Ok((k, v)),
            Err(_) => Err(invalid("query entries must be [name, value] pairs")),
        })
        .collect()
}

type Items = blinksale::ChunkStream<Box<serde_json::value::RawValue>>;

#[napi]
pub struct NativeStream {
    inner: Arc<tokio::sync::Mutex<Items>>,
}

#[napi]
impl NativeStream {
    /// The next page's items as JSON texts (the core fetches it only now); empty at the end.
    #[napi]
    pub async fn next_batch(&self) -> Result<Vec<String>> {
        let mut stream = self.inner.lock().await;
        match stream.next().await {
            None => Ok(Vec::new()),
            Some(items) => Ok(items.map_err(to_js)?.iter().map(|item| item.get().to_string()).collect()),
        }
    }
}

#[napi(object)]
pub struct MockOptions {
    pub rate_limit: Option<u32>,
    /// Seconds.
    pub window: Option<f64>,
    pub seed: Option<u32>,
    pub tokens: Option<Vec<String>>,
}

/// The embedded blinksale-mock.
#[napi]
pub struct NativeMock {
    server: Mutex<Option<blinksale_mock::MockServer>>,
    url: String,
    token: String,
}

#[napi]
impl NativeMock {
    #[napi(constructor)]
    pub fn new(options: MockOptions) -> Result<Self> {
        let tokens = options
            .tokens
            .unwrap_or_default()
            .iter()
            .map(|t| blinksale_mock::TokenSpec::parse(t))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::new(Status::InvalidArg, e))?;
        let window = options.window.unwrap_or(60.0);
        if !(window.is_finite() && window > 0.0) {
            return Err(Error::new(Status::InvalidArg, "window must be a positive number of seconds"));
        }
        let config = blinksale_mock::MockConfig {
            tokens,
            rate_limit: options.rate_limit.unwrap_or(0),
            window: Duration::from_secs_f64(window),
            seed: options.seed.unwrap_or(0) as usize,
            ..Default::default()
        };
        let server = blinksale_mock::MockServer::start(config).map_err(|e| Error::from_reason(format!("cannot start the mock: {e}")))?;
        Ok(NativeMock { url: server.url().to_string(), token: server.token().to_string(), server: Mutex::new(Some(server)) })
    }

    #[napi(getter)]
    pub fn url(&self) -> String {
        self.url.clone()
    }

    #[napi(getter)]
    pub fn token(&self) -> String {
        self.token.clone()
    }

    fn with<T>(&self, f: impl FnOnce(&blinksale_mock::MockServer) -> T) -> Result<T> {
        let guard = self.server.lock().unwrap_or_else(|e| e.into_inner());
        guard.as_ref().map(f).ok_or_else(|| Error::from_reason("the mock server has been stopped"))
    }

    /// The request log as JSON text.
    #[napi]
    pub fn requests(&self) -> Result<String> {
        self.with(|s| serde_json::to_string(&s.requests()).unwrap_or_else(|_| "[]".into()))
    }

    #[napi]
    pub fn clear_requests(&self) -> Result<()> {
        self.with(blinksale_mock::MockServer::clear_requests)
    }

    /// Queues a fault, in the admin API's JSON form.
    #[napi]
    pub fn inject(&self, fault: String) -> Result<()> {
        let value: Value = serde_json::from_str(&fault).map_err(|e| Error::new(Status::InvalidArg, e.to_string()))?;
        let fault = blinksale_mock::Fault::from_json(&value).map_err(|e| Error::new(Status::InvalidArg, e))?;
        self.with(|s| s.inject(fault))
    }

    #[napi]
    pub fn reset(&self) -> Result<()> {
        self.with(blinksale_mock::MockServer::reset)
    }

    #[napi]
    pub fn stop(&self) {
        let server = self.server.lock().unwrap_or_else(|e| e.into_inner()).take();
        drop(server);
    }
}

/// The core's models and operations as JSON.
#[napi]
pub fn schema_json() -> String {
    blinksale::schema::to_json().to_string()
}
