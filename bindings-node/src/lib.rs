//! The Node addon: the Rust core behind the `blinksale` npm package. It translates only:
//! retries, paging, validation and errors are the core's. Errors reject as JS errors whose
//! `code` is the core's code and whose `details` object carries the rest; the TypeScript
//! layer (`lib/`) turns them into its classes.
use std::sync::{Arc, Mutex};
use std::time::Duration;

use blinksale::{CancelToken, JsonData, Method, RequestOptions, Response, ops};
use futures_util::StreamExt;
use napi::bindgen_prelude::*;
use napi::threadsafe_function::ThreadsafeFunctionCallMode;
use napi::{Env, JsValue};
use napi_derive::napi;
use serde_json::Value;

mod logging;

// Pages are tens of kilobytes; the system allocator hands such buffers back to the OS and
// pays page faults for them on every request.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The rate-limit state of an error's response.
#[napi(object)]
pub struct RateLimitInfo {
    pub limit: Option<u32>,
    pub remaining: Option<u32>,
    /// Seconds.
    pub reset: Option<f64>,
}

/// Everything the core says about an error, beside its code and message.
#[napi(object)]
pub struct ErrorDetails {
    pub status: Option<u32>,
    pub server_message: Option<String>,
    pub errors: Option<std::collections::HashMap<String, Vec<String>>>,
    pub request_id: Option<String>,
    pub headers: Option<std::collections::HashMap<String, String>>,
    pub rate_limit: Option<RateLimitInfo>,
    pub body: Option<String>,
    pub retry_after: Option<f64>,
    pub required_permission: Option<String>,
    pub request_sent: Option<bool>,
    pub field: Option<String>,
    pub body_excerpt: Option<String>,
}

fn details(e: &blinksale::Error) -> ErrorDetails {
    let info = e.info();
    let mut d = ErrorDetails {
        status: e.status().map(u32::from),
        server_message: info.map(|i| i.message.clone()),
        errors: info.map(|i| i.errors.clone().into_iter().collect()),
        request_id: e.request_id().map(str::to_string),
        headers: info.map(|i| i.headers.iter().cloned().collect()),
        rate_limit: e.rate_limit().map(|r| RateLimitInfo { limit: r.limit, remaining: r.remaining, reset: r.reset.map(|d| d.as_secs_f64()) }),
        body: info.map(|i| i.body.clone()),
        retry_after: e.retry_after().map(|d| d.as_secs_f64()),
        required_permission: None,
        request_sent: None,
        field: None,
        body_excerpt: None,
    };
    match e {
        blinksale::Error::PermissionDenied { required, .. } => d.required_permission = Some(required.as_str().into()),
        blinksale::Error::Connection { request_sent, .. } => d.request_sent = Some(*request_sent),
        blinksale::Error::Aborted { write_sent } => d.request_sent = Some(*write_sent),
        blinksale::Error::Decode { excerpt, .. } => d.body_excerpt = Some(excerpt.clone()),
        blinksale::Error::InvalidRequest { field, .. } => d.field = field.clone(),
        _ => {}
    }
    d
}

/// The JS error for a core error: `message`, `code` and `details`.
fn js_error(env: &Env, e: &blinksale::Error) -> Error {
    let build = || -> Result<Error> {
        let mut obj = env.create_error(Error::new(Status::GenericFailure, e.to_string()))?;
        obj.set_named_property("code", e.code())?;
        obj.set_named_property("details", details(e))?;
        Ok(Error::from(obj.to_unknown()))
    };
    build().unwrap_or_else(|err| err)
}

/// One response: `data` as JSON text (one `JSON.parse` in JS is cheaper than building the
/// objects through N-API), list metadata, status, request id, headers and rate limit.
#[napi(object)]
pub struct Reply {
    pub data: String,
    pub meta: Option<String>,
    pub has_next: bool,
    pub status: u32,
    pub request_id: Option<String>,
    pub message: Option<String>,
    /// `name: value` lines, parsed in JS only when read.
    pub headers: String,
    pub rl_limit: Option<u32>,
    pub rl_remaining: Option<u32>,
    pub rl_reset: Option<f64>,
}

fn header_text(headers: &blinksale::http::HeaderMap) -> String {
    let mut out = String::with_capacity(headers.len() * 32);
    for (k, v) in headers {
        out.push_str(k.as_str());
        out.push_str(": ");
        out.push_str(&String::from_utf8_lossy(v.as_bytes()));
        out.push('\n');
    }
    out
}

fn reply(r: Response<JsonData>) -> Reply {
    let rl = r.rate_limit.as_ref();
    Reply {
        meta: r.data.meta.as_ref().and_then(|m| serde_json::to_string(m).ok()),
        has_next: r.data.has_next,
        headers: header_text(&r.headers),
        rl_limit: rl.and_then(|r| r.limit),
        rl_remaining: rl.and_then(|r| r.remaining),
        rl_reset: rl.and_then(|r| r.reset.map(|d| d.as_secs_f64())),
        // Moved, not copied: a page is tens of kilobytes.
        data: Box::<str>::from(r.data.data).into_string(),
        status: u32::from(r.status),
        request_id: r.request_id,
        message: r.message,
    }
}

/// Per-request options: times in milliseconds, query pairs, the extra body as JSON text.
#[napi(object)]
pub struct CallOptions {
    pub timeout: Option<f64>,
    pub max_retries: Option<u32>,
    pub deadline: Option<f64>,
    pub headers: Option<Vec<Vec<String>>>,
    pub extra_query: Option<Vec<Vec<String>>>,
    pub extra_body: Option<String>,
}

fn invalid(message: impl Into<String>) -> blinksale::Error {
    blinksale::Error::InvalidRequest { message: message.into(), field: None }
}

fn millis(ms: Option<f64>, what: &str) -> blinksale::Result<Option<Duration>> {
    match ms {
        Some(ms) if !(ms.is_finite() && ms > 0.0) => Err(invalid(format!("{what} must be a positive number of milliseconds"))),
        ms => Ok(ms.map(|ms| Duration::from_secs_f64(ms / 1000.0))),
    }
}

fn request_options(o: Option<CallOptions>) -> blinksale::Result<RequestOptions> {
    let Some(o) = o else { return Ok(RequestOptions::default()) };
    let extra_body = match o.extra_body {
        None => None,
        Some(text) => match serde_json::from_str(&text) {
            Ok(Value::Object(map)) => Some(map),
            _ => return Err(invalid("options.body must be a JSON object")),
        },
    };
    Ok(RequestOptions {
        timeout: millis(o.timeout, "timeout")?,
        max_retries: o.max_retries,
        deadline: millis(o.deadline, "deadline")?,
        headers: pairs(o.headers.unwrap_or_default())?,
        extra_query: pairs(o.extra_query.unwrap_or_default())?,
        extra_body,
    })
}

fn pairs(list: Vec<Vec<String>>) -> blinksale::Result<Vec<(String, String)>> {
    list.into_iter()
        .map(|p| match <[String; 2]>::try_from(p) {
            Ok([k, v]) => Ok((k, v)),
            Err(_) => Err(invalid("entries must be [name, value] pairs")),
        })
        .collect()
}

fn parse_body(text: Option<String>) -> blinksale::Result<Option<Value>> {
    text.map(|t| serde_json::from_str(&t).map_err(|e| invalid(format!("the body is not JSON: {e}")))).transpose()
}

/// Runs `fut` on the core's runtime; a core error rejects as a JS error built on the JS thread.
fn promise<'env, T: Send + 'static, V: ToNapiValue>(
    env: &'env Env,
    cancel: Option<CancelToken>,
    fut: impl std::future::Future<Output = blinksale::Result<T>> + Send + 'static,
    finish: impl FnOnce(T) -> V + 'static,
) -> Result<PromiseRaw<'env, V>> {
    let fut = async move {
        Ok(match cancel {
            Some(token) => token.run(fut).await,
            None => fut.await,
        })
    };
    env.spawn_future_with_callback(fut, move |env, out: blinksale::Result<T>| out.map(finish).map_err(|e| js_error(env, &e)))
}

#[napi(object)]
pub struct ClientOptions {
    pub token: Option<String>,
    pub base_url: Option<String>,
    /// Milliseconds.
    pub timeout: Option<f64>,
    /// Milliseconds.
    pub connect_timeout: Option<f64>,
    pub max_retries: Option<u32>,
    pub headers: Option<Vec<Vec<String>>>,
    pub rate_limit: Option<u32>,
    /// Milliseconds.
    pub deadline: Option<f64>,
    pub max_response_bytes: Option<f64>,
    pub user_agent: String,
    pub rate_limit_store: Option<String>,
    pub rate_limit_store_prefix: Option<String>,
}

/// Aborts the calls it is passed to (a JS `AbortSignal` calls `cancel()`).
#[napi]
#[derive(Default)]
pub struct NativeCancel {
    token: CancelToken,
}

#[napi]
impl NativeCancel {
    #[napi(constructor)]
    pub fn new() -> Self {
        Self::default()
    }

    #[napi]
    pub fn cancel(&self) {
        self.token.cancel();
    }
}

#[napi]
pub struct NativeClient {
    client: blinksale::Client,
}

fn build(options: ClientOptions) -> blinksale::Result<blinksale::Client> {
    let mut b = blinksale::Client::builder().user_agent_suffix(options.user_agent);
    if let Some(t) = options.token {
        b = b.token(t);
    }
    if let Some(u) = options.base_url {
        b = b.base_url(u);
    }
    if let Some(t) = millis(options.timeout, "timeout")? {
        b = b.timeout(t);
    }
    if let Some(t) = millis(options.connect_timeout, "connectTimeout")? {
        b = b.connect_timeout(t);
    }
    if let Some(n) = options.max_retries {
        b = b.max_retries(n);
    }
    if let Some(n) = options.rate_limit {
        b = b.rate_limit(n);
    }
    if let Some(d) = millis(options.deadline, "deadline")? {
        b = b.deadline(d);
    }
    if let Some(n) = options.max_response_bytes {
        if !(n.is_finite() && n >= 1.0) {
            return Err(invalid("maxResponseBytes must be a positive number of bytes"));
        }
        b = b.max_response_bytes(n as u64);
    }
    for (k, v) in pairs(options.headers.unwrap_or_default())? {
        b = b.default_header(k, v);
    }
    if let Some(url) = options.rate_limit_store {
        b = b.rate_limit_store(url);
    }
    if let Some(prefix) = options.rate_limit_store_prefix {
        b = b.rate_limit_store_prefix(prefix);
    }
    b.build()
}

#[napi]
impl NativeClient {
    #[napi(constructor)]
    pub fn new(env: Env, options: ClientOptions) -> Result<Self> {
        build(options).map(|client| NativeClient { client }).map_err(|e| js_error(&env, &e))
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

    /// Sends this client's log lines to `logger(level, line)` on the JS thread.
    #[napi]
    pub fn set_logger(&mut self, logger: Function<'_, FnArgs<(String, String)>, ()>) -> Result<()> {
        let tsfn = logger.build_threadsafe_function().callee_handled::<false>().weak::<true>().build()?;
        self.client = self.client.with_log_sink(move |level, line| {
            let _ = tsfn.call((level.as_str().to_ascii_lowercase(), line.to_string()).into(), ThreadsafeFunctionCallMode::NonBlocking);
        });
        Ok(())
    }

    /// A client with other defaults, sharing this one's connections and rate limiter.
    #[napi]
    pub fn with_options(&self, env: Env, options: CallOptions) -> Result<NativeClient> {
        request_options(Some(options))
            .and_then(|o| self.client.with_options(&o))
            .map(|client| NativeClient { client })
            .map_err(|e| js_error(&env, &e))
    }

    /// Runs an operation of the core's table on the Rust runtime.
    #[napi(ts_return_type = "Promise<Reply>")]
    #[allow(clippy::too_many_arguments)]
    pub fn call<'env>(
        &self,
        env: &'env Env,
        op_id: String,
        ids: Vec<String>,
        query: Vec<Vec<String>>,
        body: Option<String>,
        options: Option<CallOptions>,
        cancel: Option<&NativeCancel>,
    ) -> Result<PromiseRaw<'env, Reply>> {
        let client = self.client.clone();
        let prepared = (|| {
            let op = ops::find(&op_id).ok_or_else(|| invalid(format!("unknown operation {op_id}")))?;
            Ok::<_, blinksale::Error>((op, pairs(query)?, parse_body(body)?, request_options(options)?))
        })();
        promise(
            env,
            cancel.map(|c| c.token.clone()),
            async move {
                let (op, query, body, opts) = prepared?;
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                client.execute_json(op, &ids, &query, body, &opts).await
            },
            reply,
        )
    }

    /// The raw escape hatch.
    #[napi(ts_return_type = "Promise<Reply>")]
    #[allow(clippy::too_many_arguments)]
    pub fn request<'env>(
        &self,
        env: &'env Env,
        method: String,
        path: String,
        query: Vec<Vec<String>>,
        body: Option<String>,
        options: Option<CallOptions>,
        cancel: Option<&NativeCancel>,
    ) -> Result<PromiseRaw<'env, Reply>> {
        let client = self.client.clone();
        let prepared = (|| Ok::<_, blinksale::Error>((Method::parse(&method)?, pairs(query)?, parse_body(body)?, request_options(options)?)))();
        promise(
            env,
            cancel.map(|c| c.token.clone()),
            async move {
                let (method, query, body, opts) = prepared?;
                client.request_json(method, &path, &query, body, &opts).await
            },
            reply,
        )
    }

    /// Every item of a list operation, page by page as consumed.
    #[napi]
    pub fn stream(
        &self,
        env: Env,
        op_id: String,
        ids: Vec<String>,
        query: Vec<Vec<String>>,
        limit: Option<f64>,
        options: Option<CallOptions>,
    ) -> Result<NativeStream> {
        let prepared = (|| {
            let op = ops::find(&op_id).ok_or_else(|| invalid(format!("unknown operation {op_id}")))?;
            Ok::<_, blinksale::Error>((op, pairs(query)?, request_options(options)?))
        })();
        let (op, query, opts) = prepared.map_err(|e| js_error(&env, &e))?;
        let limit = limit.map(|l| l.max(0.0) as u64);
        let stream = self.client.stream_json(op, ids, query, limit, opts);
        Ok(NativeStream { inner: Arc::new(tokio::sync::Mutex::new(stream)) })
    }
}

type Items = blinksale::ChunkStream<Box<serde_json::value::RawValue>>;

#[napi]
pub struct NativeStream {
    inner: Arc<tokio::sync::Mutex<Items>>,
}

#[napi]
impl NativeStream {
    /// The next page's items as JSON texts (the core fetches it only now); empty at the end.
    #[napi(ts_return_type = "Promise<Array<string>>")]
    pub fn next_batch<'env>(&self, env: &'env Env) -> Result<PromiseRaw<'env, Vec<String>>> {
        let inner = self.inner.clone();
        promise(
            env,
            None,
            async move {
                let mut stream = inner.lock().await;
                match stream.next().await {
                    None => Ok(Vec::new()),
                    Some(items) => Ok(items?.iter().map(|item| item.get().to_string()).collect()),
                }
            },
            |v| v,
        )
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

/// The `blinksale` command line (`npx blinksale`): runs it to the end and returns the exit code.
/// Synchronous: the command owns the process, as the binary would.
#[napi]
pub fn cli_main(argv: Vec<String>) -> i32 {
    blinksale_cli::run(argv)
}
