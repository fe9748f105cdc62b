//! `NativeClient`, `NativeStream` and `NativeCancel`: the core client behind `Blinksale`. The
//! contract's structs arrive as JSON text and leave as objects, converted generically.
use std::sync::Arc;

use blinksale::binding::{self, CallOptions, ClientSettings};
use blinksale::{CancelToken, Method, RequestOptions};
use futures_util::StreamExt;
use napi::Env;
use napi::bindgen_prelude::*;
use napi::threadsafe_function::ThreadsafeFunctionCallMode;
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{self, JS, WireReply};
use crate::errors::js_error;
use crate::tokens;
use crate::trace::NativeTrace;

fn options(text: Option<&str>) -> blinksale::Result<RequestOptions> {
    CallOptions::from_json(convert::parse(text, "options")?, JS).map(CallOptions::into_request_options)
}

/// The options, and the trace that records the call when the TypeScript layer traces it.
fn traced_options(text: Option<&str>, trace: Option<&NativeTrace>) -> blinksale::Result<RequestOptions> {
    let mut options = options(text)?;
    options.trace = trace.map(|t| t.trace.clone());
    Ok(options)
}

/// Runs `fut` on the core's runtime, abortable through `cancel`; a core error rejects as a JS
/// error built on the JS thread.
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

#[napi]
impl NativeClient {
    /// `settings`: the contract's client settings as JSON text (camelCase, milliseconds);
    /// `provider`: a function whose promise gives the token, asked when the core says.
    #[napi(constructor)]
    pub fn new(env: Env, settings: String, user_agent: String, provider: Option<Function<'_, (), Promise<String>>>) -> Result<Self> {
        let provider = provider.map(tokens::JsProvider::new).transpose()?;
        let build = || {
            let builder = ClientSettings::from_json(convert::parse(Some(&settings), "options")?, JS)?.builder(&user_agent);
            match provider {
                Some(p) => builder.token_provider(p),
                None => builder,
            }
            .build()
        };
        build().map(|client| NativeClient { client }).map_err(|e| js_error(&env, &e))
    }

    /// The permissions this client's calls needed so far (`read`, `write`, `send`).
    #[napi]
    pub fn permissions_used(&self) -> Vec<String> {
        self.client.permissions_used().into_iter().map(|p| p.as_str().to_string()).collect()
    }

    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.client.config().base_url().to_string()
    }

    /// The rate-limit state of the last response, or null.
    #[napi(ts_return_type = "unknown")]
    pub fn rate_limit(&self) -> Value {
        serde_json::to_value(self.client.rate_limit().map(|r| blinksale::RateLimitInfo::from(&r))).unwrap_or_default()
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

    /// The span name and first attributes of a traced call (an operation id, or a method and
    /// path), with the instrumentation scope and version, as JSON text.
    #[napi]
    pub fn span_start(&self, env: Env, op_id: Option<String>, method: String, path: String) -> Result<String> {
        crate::trace::start(&self.client, op_id.as_deref(), &method, &path).map_err(|e| js_error(&env, &e))
    }

    /// A client with other defaults (`options` as JSON text), sharing this one's connections
    /// and rate limiter.
    #[napi]
    pub fn with_options(&self, env: Env, options_json: Option<String>) -> Result<NativeClient> {
        options(options_json.as_deref())
            .and_then(|o| self.client.with_options(&o))
            .map(|client| NativeClient { client })
            .map_err(|e| js_error(&env, &e))
    }

    /// Runs an operation of the core's table on the Rust runtime.
    #[napi]
    #[allow(clippy::too_many_arguments)]
    pub fn call<'env>(
        &self,
        env: &'env Env,
        op_id: String,
        ids: Vec<String>,
        query: Option<String>,
        body: Option<String>,
        options_json: Option<String>,
        cancel: Option<&NativeCancel>,
        trace: Option<&NativeTrace>,
    ) -> Result<PromiseRaw<'env, WireReply>> {
        let client = self.client.clone();
        let prepared = (|| {
            let op = binding::operation(&op_id)?;
            let query = binding::query_pairs(convert::parse(query.as_deref(), "query")?)?;
            Ok::<_, blinksale::Error>((op, query, body_value(body.as_deref())?, traced_options(options_json.as_deref(), trace)?))
        })();
        let fut = async move {
            let (op, query, body, opts) = prepared?;
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            binding::execute(&client, op, &ids, query, body, &opts).await.map(convert::reply)
        };
        promise(env, cancel.map(|c| c.token.clone()), fut, |r| r)
    }

    /// The raw escape hatch.
    #[napi]
    #[allow(clippy::too_many_arguments)]
    pub fn request<'env>(
        &self,
        env: &'env Env,
        method: String,
        path: String,
        query: Option<String>,
        body: Option<String>,
        options_json: Option<String>,
        cancel: Option<&NativeCancel>,
        trace: Option<&NativeTrace>,
    ) -> Result<PromiseRaw<'env, WireReply>> {
        let client = self.client.clone();
        let prepared = (|| {
            let query = binding::query_pairs(convert::parse(query.as_deref(), "query")?)?;
            let opts = traced_options(options_json.as_deref(), trace)?;
            Ok::<_, blinksale::Error>((Method::parse(&method)?, query, body_value(body.as_deref())?, opts))
        })();
        let fut = async move {
            let (method, query, body, opts) = prepared?;
            binding::request(&client, method, &path, query, body, &opts).await.map(convert::reply)
        };
        promise(env, cancel.map(|c| c.token.clone()), fut, |r| r)
    }

    /// Every item of a list operation, page by page as consumed.
    #[napi]
    #[allow(clippy::too_many_arguments)]
    pub fn stream(
        &self,
        env: Env,
        op_id: String,
        ids: Vec<String>,
        query: Option<String>,
        limit: Option<f64>,
        options_json: Option<String>,
        trace: Option<&NativeTrace>,
    ) -> Result<NativeStream> {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let limit = limit.map(|l| l.max(0.0) as u64);
        let stream = (|| {
            let op = binding::operation(&op_id)?;
            let query = binding::query_pairs(convert::parse(query.as_deref(), "query")?)?;
            binding::items(&self.client, op, &ids, query, limit, traced_options(options_json.as_deref(), trace)?)
        })();
        let stream = stream.map_err(|e| js_error(&env, &e))?;
        Ok(NativeStream { inner: Arc::new(tokio::sync::Mutex::new(stream)) })
    }
}

fn body_value(text: Option<&str>) -> blinksale::Result<Option<Value>> {
    text.map(|t| convert::parse(Some(t), "the body")).transpose()
}

type Items = blinksale::ChunkStream<Box<serde_json::value::RawValue>>;

#[napi]
pub struct NativeStream {
    inner: Arc<tokio::sync::Mutex<Items>>,
}

#[napi]
impl NativeStream {
    /// The next page's items as JSON texts (the core fetches it only now); empty at the end.
    /// Aborted through `cancel`, the page request is dropped at once (its rate-limit slot goes
    /// back) and the stream ends.
    #[napi(ts_return_type = "Promise<Array<string>>")]
    pub fn next_batch<'env>(&self, env: &'env Env, cancel: Option<&NativeCancel>) -> Result<PromiseRaw<'env, Vec<String>>> {
        let inner = self.inner.clone();
        let token = cancel.map(|c| c.token.clone());
        let fut = async move {
            let next = async {
                let mut stream = inner.lock().await;
                match stream.next().await {
                    None => Ok(Vec::new()),
                    Some(items) => Ok(items?.iter().map(|item| item.get().to_string()).collect()),
                }
            };
            let out = match token {
                Some(token) => token.run(next).await,
                None => next.await,
            };
            if matches!(out, Err(blinksale::Error::Aborted { .. })) {
                // The page in flight lives in the stream: dropping it is what cancels it.
                *inner.lock().await = Box::pin(futures_util::stream::empty());
            }
            out
        };
        promise(env, None, fut, |v| v)
    }
}
