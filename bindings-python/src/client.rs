//! `NativeClient`: the core client behind `blinksale.Client` and `blinksale.AsyncClient`.
use std::sync::Mutex;
use std::time::Duration;

use blinksale::{JsonData, Method, RequestOptions, Response, ops};
use futures_util::StreamExt;
use pyo3::prelude::*;

use crate::{convert, errors, runtime};

/// What a call returns to Python: (data JSON, meta JSON, has next page, status, headers,
/// request id, message, rate limit).
type Reply = (String, Option<String>, bool, u16, Vec<(String, String)>, Option<String>, Option<String>, Option<RateLimitTuple>);
type RateLimitTuple = (Option<u32>, Option<u32>, Option<f64>);

fn headers(h: &blinksale::http::HeaderMap) -> Vec<(String, String)> {
    h.iter().map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned())).collect()
}

fn rate_limit(r: Option<&blinksale::RateLimit>) -> Option<RateLimitTuple> {
    r.map(|r| (r.limit, r.remaining, r.reset.map(|d| d.as_secs_f64())))
}

fn reply(r: Response<JsonData>) -> Reply {
    let meta = r.data.meta.as_ref().and_then(|m| serde_json::to_string(m).ok());
    let h = headers(&r.headers);
    let rl = rate_limit(r.rate_limit.as_ref());
    (r.data.data.get().to_string(), meta, r.data.has_next, r.status, h, r.request_id, r.message, rl)
}

/// Per-request options from Python: (timeout s, max_retries, headers, extra query, extra body,
/// deadline s).
type PyOptions<'py> = (Option<f64>, Option<u32>, Vec<(String, String)>, Vec<(String, Bound<'py, PyAny>)>, Option<Bound<'py, PyAny>>, Option<f64>);

fn seconds(t: Option<f64>, what: &str) -> PyResult<Option<Duration>> {
    match t {
        Some(t) if !(t.is_finite() && t > 0.0) => {
            Err(pyo3::exceptions::PyValueError::new_err(format!("{what} must be a positive number of seconds")))
        }
        t => Ok(t.map(Duration::from_secs_f64)),
    }
}

fn options(o: Option<PyOptions<'_>>) -> PyResult<RequestOptions> {
    let Some((timeout, max_retries, headers, extra_query, extra_body, deadline)) = o else { return Ok(RequestOptions::default()) };
    let extra_body = match extra_body.map(|b| convert::to_json(&b)).transpose()? {
        None => None,
        Some(serde_json::Value::Object(map)) => Some(map),
        Some(_) => return Err(pyo3::exceptions::PyTypeError::new_err("extra_body must be a mapping")),
    };
    Ok(RequestOptions {
        timeout: seconds(timeout, "timeout")?,
        max_retries,
        deadline: seconds(deadline, "deadline")?,
        headers,
        extra_query: convert::query(extra_query)?,
        extra_body,
    })
}

fn operation(op_id: &str) -> PyResult<&'static ops::Operation> {
    ops::find(op_id).ok_or_else(|| pyo3::exceptions::PyValueError::new_err(format!("unknown operation {op_id}")))
}

#[pyclass(frozen, module = "blinksale._native")]
pub struct NativeClient {
    /// The process that built the client, and the client. Rebuilt after fork().
    current: Mutex<(u32, blinksale::Client)>,
}

impl NativeClient {
    fn client(&self) -> PyResult<blinksale::Client> {
        let mut cur = self.current.lock().unwrap_or_else(|e| e.into_inner());
        let pid = std::process::id();
        if cur.0 != pid {
            *cur = (pid, cur.1.fresh().map_err(errors::to_py)?);
        }
        Ok(cur.1.clone())
    }
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (token, base_url, timeout, connect_timeout, max_retries, user_agent, headers, rate_limit, deadline, max_response_bytes, rate_limit_store, rate_limit_store_prefix))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        token: Option<String>,
        base_url: Option<String>,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        max_retries: Option<u32>,
        user_agent: String,
        headers: Vec<(String, String)>,
        rate_limit: Option<u32>,
        deadline: Option<f64>,
        max_response_bytes: Option<u64>,
        rate_limit_store: Option<String>,
        rate_limit_store_prefix: Option<String>,
    ) -> PyResult<Self> {
        let mut b = blinksale::Client::builder().user_agent_suffix(user_agent);
        if let Some(t) = token {
            b = b.token(t);
        }
        if let Some(u) = base_url {
            b = b.base_url(u);
        }
        if let Some(t) = seconds(timeout, "timeout")? {
            b = b.timeout(t);
        }
        if let Some(t) = seconds(connect_timeout, "connect_timeout")? {
            b = b.connect_timeout(t);
        }
        if let Some(n) = rate_limit {
            b = b.rate_limit(n);
        }
        if let Some(d) = seconds(deadline, "deadline")? {
            b = b.deadline(d);
        }
        if let Some(n) = max_response_bytes {
            b = b.max_response_bytes(n);
        }
        if let Some(n) = max_retries {
            b = b.max_retries(n);
        }
        for (k, v) in headers {
            b = b.default_header(k, v);
        }
        if let Some(url) = rate_limit_store {
            b = b.rate_limit_store(url);
        }
        if let Some(prefix) = rate_limit_store_prefix {
            b = b.rate_limit_store_prefix(prefix);
        }
        let client = b.build().map_err(errors::to_py)?;
        Ok(NativeClient { current: Mutex::new((std::process::id(), client)) })
    }

    /// Base URL in use.
    #[getter]
    fn base_url(&self) -> PyResult<String> {
        Ok(self.client()?.config().base_url().to_string())
    }

    /// (limit, remaining, reset seconds) of the last response.
    fn rate_limit(&self) -> PyResult<Option<RateLimitTuple>> {
        Ok(rate_limit(self.client()?.rate_limit().as_ref()))
    }

    /// A client with other defaults, sharing this one's connections and rate limiter.
    #[pyo3(signature = (opts))]
    fn with_options(&self, opts: Option<PyOptions<'_>>) -> PyResult<NativeClient> {
        let client = self.client()?.with_options(&options(opts)?).map_err(errors::to_py)?;
        Ok(NativeClient { current: Mutex::new((std::process::id(), client)) })
    }

    /// Runs an operation of the core's table, blocking without the GIL.
    #[pyo3(signature = (op_id, ids, query, body, opts=None))]
    fn call(
        &self,
        py: Python<'_>,
        op_id: &str,
        ids: Vec<String>,
        query: Vec<(String, Bound<'_, PyAny>)>,
        body: Option<Bound<'_, PyAny>>,
        opts: Option<PyOptions<'_>>,
    ) -> PyResult<Reply> {
        let op = operation(op_id)?;
        let query = convert::query(query)?;
        let body = body.map(|b| convert::to_json(&b)).transpose()?;
        let opts = options(opts)?;
        let client = self.client()?;
        runtime::block_on(py, async move {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            client.execute_json(op, &ids, &query, body, &opts).await
        })
        .map(reply)
    }

    /// The same, as an awaitable.
    #[pyo3(signature = (op_id, ids, query, body, opts=None))]
    fn call_async<'py>(
        &self,
        py: Python<'py>,
        op_id: &str,
        ids: Vec<String>,
        query: Vec<(String, Bound<'py, PyAny>)>,
        body: Option<Bound<'py, PyAny>>,
        opts: Option<PyOptions<'py>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        runtime::for_async()?;
        let op = operation(op_id)?;
        let query = convert::query(query)?;
        let body = body.map(|b| convert::to_json(&b)).transpose()?;
        let opts = options(opts)?;
        let client = self.client()?;
        pyo3_async_runtimes::tokio::future_into_py(py, async move {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            client.execute_json(op, &ids, &query, body, &opts).await.map(reply).map_err(errors::to_py)
        })
    }

    /// The raw escape hatch: any method and path below the base URL.
    #[pyo3(signature = (method, path, query, body, opts=None))]
    fn request(
        &self,
        py: Python<'_>,
        method: &str,
        path: &str,
        query: Vec<(String, Bound<'_, PyAny>)>,
        body: Option<Bound<'_, PyAny>>,
        opts: Option<PyOptions<'_>>,
    ) -> PyResult<Reply> {
        let method = Method::parse(method).map_err(errors::to_py)?;
        let query = convert::query(query)?;
        let body = body.map(|b| convert::to_json(&b)).transpose()?;
        let opts = options(opts)?;
        let client = self.client()?;
        runtime::block_on(py, async move { client.request_json(method, path, &query, body, &opts).await }).map(reply)
    }

    /// Every item of a list operation, page by page as consumed.
    #[pyo3(signature = (op_id, ids, query, limit=None, opts=None))]
    fn stream(
        &self,
        op_id: &str,
        ids: Vec<String>,
        query: Vec<(String, Bound<'_, PyAny>)>,
        limit: Option<u64>,
        opts: Option<PyOptions<'_>>,
    ) -> PyResult<NativeStream> {
        let op = operation(op_id)?;
        let query = convert::query(query)?;
        let stream = self.client()?.stream_json(op, ids, query, limit, options(opts)?);
        Ok(NativeStream { inner: std::sync::Arc::new(tokio::sync::Mutex::new(stream)) })
    }
}

type Items = blinksale::ChunkStream<Box<serde_json::value::RawValue>>;

/// A lazy stream of JSON items; each call returns what one page brought.
#[pyclass(frozen, module = "blinksale._native")]
pub struct NativeStream {
    inner: std::sync::Arc<tokio::sync::Mutex<Items>>,
}

/// The next page's items (the core fetches it only now), or none at the end.
async fn batch(inner: std::sync::Arc<tokio::sync::Mutex<Items>>) -> blinksale::Result<Vec<String>> {
    let mut stream = inner.lock().await;
    match stream.next().await {
        None => Ok(Vec::new()),
        Some(items) => Ok(items?.iter().map(|item| item.get().to_string()).collect()),
    }
}

#[pymethods]
impl NativeStream {
    /// The next items (a page's worth), or an empty list at the end.
    fn next_batch(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        runtime::block_on(py, batch(self.inner.clone()))
    }

    /// The same, as an awaitable.
    fn next_batch_async<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        runtime::for_async()?;
        let inner = self.inner.clone();
        pyo3_async_runtimes::tokio::future_into_py(py, async move { batch(inner).await.map_err(errors::to_py) })
    }
}
