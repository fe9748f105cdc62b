//! `NativeClient`: the core client behind `blinksale.Client` and `blinksale.AsyncClient`. It
//! converts the contract's structs generically: settings and options come in as dicts, replies
//! go out as dicts, errors as the core's details.
use std::sync::Mutex;

use blinksale::binding::{self, CallOptions, ClientSettings, Convention, Reply};
use blinksale::{Method, RequestOptions, ops::Operation};
use futures_util::StreamExt;
use pyo3::prelude::*;

use crate::decode::Items;
use crate::trace::NativeTrace;
use crate::{awaitable, convert, decode, errors, local, runtime, tokens};

/// A reply as Python receives it: read like a dict of the contract's `Reply` fields. A field
/// becomes a Python value only when read, so a call that needs the data and the page's
/// `has_next` builds no headers dict; `data` is decoded from the text when read.
#[pyclass(frozen, module = "blinksale._native")]
pub struct NativeReply {
    reply: Reply,
    info: std::sync::OnceLock<serde_json::Value>,
}

impl NativeReply {
    fn info(&self) -> &serde_json::Value {
        self.info.get_or_init(|| self.reply.info(Convention::PYTHON))
    }
}

#[pymethods]
impl NativeReply {
    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        if key == "data" {
            return decode::to_python(py, &self.reply.data);
        }
        let value = self.info().get(key).ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(key.to_string()))?;
        convert::to_py(py, value)
    }

    /// Every field and its value, `data` first.
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Vec<(String, Bound<'py, PyAny>)>> {
        let mut out = vec![("data".to_string(), self.__getitem__(py, "data")?)];
        for (k, v) in self.info().as_object().into_iter().flatten() {
            out.push((k.clone(), convert::to_py(py, v)?));
        }
        Ok(out)
    }
}

fn reply(r: Reply) -> NativeReply {
    NativeReply { reply: r, info: std::sync::OnceLock::new() }
}

fn options(opts: Option<&Bound<'_, PyAny>>) -> PyResult<RequestOptions> {
    let Some(opts) = opts.filter(|o| !o.is_none()) else { return Ok(RequestOptions::default()) };
    CallOptions::from_json(convert::to_json(opts)?, Convention::PYTHON).map(CallOptions::into_request_options).map_err(errors::to_py)
}

/// The options, and the trace that records the call when the Python layer traces it.
fn traced_options(opts: Option<&Bound<'_, PyAny>>, trace: Option<&NativeTrace>) -> PyResult<RequestOptions> {
    let mut options = options(opts)?;
    options.trace = trace.map(|t| t.0.clone());
    Ok(options)
}

/// An operation call, checked and converted before anything is sent.
struct Prepared {
    op: &'static Operation,
    ids: Vec<String>,
    query: Vec<(String, String)>,
    body: Option<serde_json::Value>,
    options: RequestOptions,
}

impl Prepared {
    fn new(
        op_id: &str,
        ids: Vec<String>,
        query: &Bound<'_, PyAny>,
        body: Option<&Bound<'_, PyAny>>,
        opts: Option<&Bound<'_, PyAny>>,
        trace: Option<&NativeTrace>,
    ) -> PyResult<Self> {
        let op = binding::operation(op_id).map_err(errors::to_py)?;
        let query = binding::query_pairs(convert::to_json(query)?).map_err(errors::to_py)?;
        let body = body.filter(|b| !b.is_none()).map(convert::to_json).transpose()?;
        Ok(Prepared { op, ids, query, body, options: traced_options(opts, trace)? })
    }

    async fn run(self, client: blinksale::Client) -> blinksale::Result<Reply> {
        let ids: Vec<&str> = self.ids.iter().map(String::as_str).collect();
        binding::execute(&client, self.op, &ids, self.query, self.body, &self.options).await
    }
}

/// A raw request, checked and converted likewise.
struct Raw {
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    body: Option<serde_json::Value>,
    options: RequestOptions,
}

impl Raw {
    fn new(
        method: &str,
        path: &str,
        query: &Bound<'_, PyAny>,
        body: Option<&Bound<'_, PyAny>>,
        opts: Option<&Bound<'_, PyAny>>,
        trace: Option<&NativeTrace>,
    ) -> PyResult<Self> {
        let method = Method::parse(method).map_err(errors::to_py)?;
        let query = binding::query_pairs(convert::to_json(query)?).map_err(errors::to_py)?;
        let body = body.filter(|b| !b.is_none()).map(convert::to_json).transpose()?;
        Ok(Raw { method, path: path.to_string(), query, body, options: traced_options(opts, trace)? })
    }

    async fn run(self, client: blinksale::Client) -> blinksale::Result<Reply> {
        binding::request(&client, self.method, &self.path, self.query, self.body, &self.options).await
    }
}

#[pyclass(frozen, module = "blinksale._native")]
pub struct NativeClient {
    /// The process that built the client, and the client. Rebuilt after fork().
    current: Mutex<(u32, blinksale::Client)>,
    /// Names this client's per-thread copies for blocking calls (`local`).
    owner: local::Owner,
}

impl NativeClient {
    fn wrap(client: blinksale::Client) -> Self {
        NativeClient { current: Mutex::new((std::process::id(), client)), owner: local::Owner::default() }
    }

    fn client(&self) -> PyResult<blinksale::Client> {
        let mut cur = self.current.lock().unwrap_or_else(|e| e.into_inner());
        let pid = std::process::id();
        if cur.0 != pid {
            *cur = (pid, cur.1.fresh().map_err(errors::to_py)?);
        }
        Ok(cur.1.clone())
    }

    /// Runs a call from a blocking method, without the GIL: on this thread, or on the shared
    /// runtime for a client that works between calls.
    fn blocking<F: std::future::Future<Output = blinksale::Result<Reply>> + Send + 'static>(
        &self,
        py: Python<'_>,
        run: impl FnOnce(blinksale::Client) -> F,
    ) -> PyResult<NativeReply> {
        let client = self.client()?;
        if client.works_between_calls() {
            let fut = run(client);
            return runtime::block_on(py, async move { fut.await.map(reply) });
        }
        local::block_on(py, &self.owner, &client, |mine| {
            let fut = run(mine);
            async move { fut.await.map(reply) }
        })
    }

    /// Runs a call as an awaitable on the core's runtime.
    fn awaitable<'py, F: std::future::Future<Output = blinksale::Result<Reply>> + Send + 'static>(
        &self,
        py: Python<'py>,
        run: impl FnOnce(blinksale::Client) -> F,
    ) -> PyResult<Bound<'py, PyAny>> {
        let fut = run(self.client()?);
        awaitable::spawn(py, async move { fut.await.map(reply) })
    }
}

#[pymethods]
impl NativeClient {
    /// `settings`: the contract's client settings, by their core names (`max_retries`).
    /// `provider`: a callable that returns the token, asked when the core says.
    #[new]
    #[pyo3(signature = (settings, user_agent, provider=None))]
    fn new(settings: &Bound<'_, PyAny>, user_agent: &str, provider: Option<Py<PyAny>>) -> PyResult<Self> {
        let settings = ClientSettings::from_json(convert::to_json(settings)?, Convention::PYTHON).map_err(errors::to_py)?;
        let mut builder = settings.builder(user_agent);
        if let Some(p) = provider {
            builder = builder.token_provider(tokens::PyProvider(std::sync::Arc::new(p)));
        }
        builder.build().map(NativeClient::wrap).map_err(errors::to_py)
    }

    /// The permissions this client's calls needed so far (`read`, `write`, `send`).
    fn permissions_used(&self) -> PyResult<Vec<&'static str>> {
        Ok(self.client()?.permissions_used().into_iter().map(|p| p.as_str()).collect())
    }

    /// Base URL in use.
    #[getter]
    fn base_url(&self) -> PyResult<String> {
        Ok(self.client()?.config().base_url().to_string())
    }

    /// The rate-limit state of the last response, as a dict, or None.
    fn rate_limit(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let state = self.client()?.rate_limit().map(|r| blinksale::RateLimitInfo::from(&r));
        Ok(convert::to_py(py, &serde_json::to_value(state).unwrap_or_default())?.unbind())
    }

    /// The span name and first attributes of a traced call (an operation id, or a method and
    /// path), with the instrumentation scope and version.
    #[pyo3(signature = (op_id, method="GET", path=""))]
    fn span_start<'py>(&self, py: Python<'py>, op_id: Option<&str>, method: &str, path: &str) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &crate::trace::start(&self.client()?, op_id, method, path)?)
    }

    /// A client with other defaults, sharing this one's connections and rate limiter.
    #[pyo3(signature = (opts))]
    fn with_options(&self, opts: Option<&Bound<'_, PyAny>>) -> PyResult<NativeClient> {
        self.client()?.with_options(&options(opts)?).map(NativeClient::wrap).map_err(errors::to_py)
    }

    /// Runs an operation of the core's table, blocking without the GIL.
    #[pyo3(signature = (op_id, ids, query, body, opts=None, trace=None))]
    #[allow(clippy::too_many_arguments)] // The Python signature.
    fn call(
        &self,
        py: Python<'_>,
        op_id: &str,
        ids: Vec<String>,
        query: &Bound<'_, PyAny>,
        body: Option<&Bound<'_, PyAny>>,
        opts: Option<&Bound<'_, PyAny>>,
        trace: Option<PyRef<'_, NativeTrace>>,
    ) -> PyResult<NativeReply> {
        let call = Prepared::new(op_id, ids, query, body, opts, trace.as_deref())?;
        self.blocking(py, |client| call.run(client))
    }

    /// The same, as an awaitable.
    #[pyo3(signature = (op_id, ids, query, body, opts=None, trace=None))]
    #[allow(clippy::too_many_arguments)] // The Python signature.
    fn call_async<'py>(
        &self,
        py: Python<'py>,
        op_id: &str,
        ids: Vec<String>,
        query: &Bound<'py, PyAny>,
        body: Option<&Bound<'py, PyAny>>,
        opts: Option<&Bound<'py, PyAny>>,
        trace: Option<PyRef<'py, NativeTrace>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let call = Prepared::new(op_id, ids, query, body, opts, trace.as_deref())?;
        self.awaitable(py, |client| call.run(client))
    }

    /// The raw escape hatch: any method and path below the base URL.
    #[pyo3(signature = (method, path, query, body, opts=None, trace=None))]
    #[allow(clippy::too_many_arguments)] // The Python signature.
    fn request(
        &self,
        py: Python<'_>,
        method: &str,
        path: &str,
        query: &Bound<'_, PyAny>,
        body: Option<&Bound<'_, PyAny>>,
        opts: Option<&Bound<'_, PyAny>>,
        trace: Option<PyRef<'_, NativeTrace>>,
    ) -> PyResult<NativeReply> {
        let call = Raw::new(method, path, query, body, opts, trace.as_deref())?;
        self.blocking(py, |client| call.run(client))
    }

    /// The same, as an awaitable.
    #[pyo3(signature = (method, path, query, body, opts=None, trace=None))]
    #[allow(clippy::too_many_arguments)] // The Python signature.
    fn request_async<'py>(
        &self,
        py: Python<'py>,
        method: &str,
        path: &str,
        query: &Bound<'py, PyAny>,
        body: Option<&Bound<'py, PyAny>>,
        opts: Option<&Bound<'py, PyAny>>,
        trace: Option<PyRef<'py, NativeTrace>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let call = Raw::new(method, path, query, body, opts, trace.as_deref())?;
        self.awaitable(py, |client| call.run(client))
    }

    /// Every item of a list operation, page by page as consumed.
    #[pyo3(signature = (op_id, ids, query, limit=None, opts=None, trace=None))]
    fn stream(
        &self,
        op_id: &str,
        ids: Vec<String>,
        query: &Bound<'_, PyAny>,
        limit: Option<u64>,
        opts: Option<&Bound<'_, PyAny>>,
        trace: Option<PyRef<'_, NativeTrace>>,
    ) -> PyResult<NativeStream> {
        let call = Prepared::new(op_id, ids, query, None, opts, trace.as_deref())?;
        let ids: Vec<&str> = call.ids.iter().map(String::as_str).collect();
        let stream = binding::items(&self.client()?, call.op, &ids, call.query, limit, call.options).map_err(errors::to_py)?;
        Ok(NativeStream { inner: std::sync::Arc::new(tokio::sync::Mutex::new(stream)) })
    }
}

type ItemStream = blinksale::ChunkStream<Box<serde_json::value::RawValue>>;

/// A lazy stream of JSON items; each call returns what one page brought.
#[pyclass(frozen, module = "blinksale._native")]
pub struct NativeStream {
    inner: std::sync::Arc<tokio::sync::Mutex<ItemStream>>,
}

/// The next page's items (the core fetches it only now), or none at the end.
async fn batch(inner: std::sync::Arc<tokio::sync::Mutex<ItemStream>>) -> blinksale::Result<Items> {
    let mut stream = inner.lock().await;
    match stream.next().await {
        None => Ok(Items(Vec::new())),
        Some(items) => Ok(Items(items?)),
    }
}

#[pymethods]
impl NativeStream {
    /// The next items (a page's worth), or an empty list at the end.
    fn next_batch(&self, py: Python<'_>) -> PyResult<Items> {
        runtime::block_on(py, batch(self.inner.clone()))
    }

    /// The same, as an awaitable.
    fn next_batch_async<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        awaitable::spawn(py, batch(self.inner.clone()))
    }
}
