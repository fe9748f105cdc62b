//! The client: configuration, connection pool and rate limiter, shared by every clone.
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::config::{ClientBuilder, Config};
use crate::error::{Error, Result};
use crate::ops::{Method, Operation, Source, permission_for};
use crate::page::{ChunkStream, ListCall, PageLinks, PageMeta, PageStream, chunks, has_next, pages};
use crate::ratelimit::{Limiter, RateLimit};
use crate::response::{Decoded, Response, decode};
use crate::transport::{self, Outgoing, RequestOptions};
use crate::validate;

/// A Blinksale API client. Cheap to clone: clones share the connection pool and the rate
/// limiter, so every task of a program paces against the same limit.
///
/// ```no_run
/// # async fn run() -> blinksale::Result<()> {
/// let client = blinksale::Client::from_env()?; // BLINKSALE_API_TOKEN, BLINKSALE_BASE_URL
/// let page = client.clients().list(&blinksale::ListParams::new()).await?;
/// for c in &page.data {
///     println!("{} <{}>", c.name, c.email);
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    /// Shared with the clients made by `with_options`: one connection pool.
    http: reqwest::Client,
    /// Shared likewise: one pace for every request with this token.
    limiter: Arc<Limiter>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("base_url", &self.inner.config.base_url()).field("token", &"[redacted]").finish_non_exhaustive()
    }
}

/// A response's `data` as JSON text, with list metadata: what the bindings hand on.
#[derive(Clone, Debug)]
pub struct JsonData {
    /// The `data` value, exactly as sent.
    pub data: Box<RawValue>,
    /// `meta`, for lists.
    pub meta: Option<PageMeta>,
    /// Top-level `links`, for lists.
    pub links: Option<PageLinks>,
    /// For lists: whether another page follows.
    pub has_next: bool,
}

/// The envelope of a raw request: `data` as JSON, and list metadata when present.
#[derive(Clone, Debug)]
pub struct RawEnvelope {
    /// The `data` value.
    pub data: Value,
    /// `meta`, for lists.
    pub meta: Option<PageMeta>,
    /// Top-level `links`, for lists.
    pub links: Option<PageLinks>,
}

impl Client {
    /// A client with this token and the defaults (the base URL may come from
    /// `BLINKSALE_BASE_URL`).
    pub fn new(token: impl Into<String>) -> Result<Client> {
        Client::builder().token(token).build()
    }

    /// A client configured from `BLINKSALE_API_TOKEN` and `BLINKSALE_BASE_URL`.
    pub fn from_env() -> Result<Client> {
        Client::builder().build()
    }

    /// Starts a [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    pub(crate) fn from_config(config: Config) -> Result<Client> {
        let base_host = config.base_url.host_str().map(str::to_string);
        // Follow redirects only within the API's own host: the token goes with every request.
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= 5 || attempt.url().host_str() != base_host.as_deref() { attempt.stop() } else { attempt.follow() }
        });
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls_config()?)
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .redirect(policy)
            .tcp_nodelay(true)
            .pool_idle_timeout(std::time::Duration::from_secs(60))
            .build()
            .map_err(|e| Error::Config(format!("cannot build the HTTP client: {e}")))?;
        let limiter = Arc::new(limiter(&config)?);
        Ok(Client { inner: Arc::new(Inner { config, http, limiter }) })
    }

    /// A client with other defaults (timeout, retries, headers) that shares this one's
    /// connection pool and rate limiter. Query and body extras do not apply here.
    ///
    /// ```no_run
    /// # fn run(client: blinksale::Client) -> blinksale::Result<()> {
    /// use std::time::Duration;
    /// let patient = client.with_options(&blinksale::RequestOptions::new().timeout(Duration::from_secs(120)))?;
    /// # Ok(()) }
    /// ```
    pub fn with_options(&self, options: &RequestOptions) -> Result<Client> {
        Ok(self.sharing(self.inner.config.with_options(options)?))
    }

    /// The same client, whose log lines also go to `sink` (the level and the text); it shares
    /// the connection pool and the rate limiter.
    pub fn with_log_sink(&self, sink: impl Fn(tracing::Level, &str) + Send + Sync + 'static) -> Client {
        let mut config = self.inner.config.clone();
        let sink = crate::log::LogSink(Arc::new(sink));
        // The shared store's warnings go where this client's lines go.
        #[cfg(feature = "redis-store")]
        self.inner.limiter.set_log_sink(sink.clone());
        config.log_sink = Some(sink);
        self.sharing(config)
    }

    fn sharing(&self, config: Config) -> Client {
        Client { inner: Arc::new(Inner { config, http: self.inner.http.clone(), limiter: self.inner.limiter.clone() }) }
    }

    /// A client with the same configuration but its own connection pool and rate limiter:
    /// what a process needs after `fork()`, where the parent's sockets must not be shared.
    pub fn fresh(&self) -> Result<Client> {
        Client::from_config(self.inner.config.clone())
    }

    /// The resolved configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The rate-limit state of the last response (shared by all clones).
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.inner.limiter.last()
    }

    /// Waits briefly for the rate-limit store's background bookkeeping (with a shared store):
    /// call it before a short-lived program exits. Returns at once without a store.
    pub async fn settle(&self) {
        self.inner.limiter.settle().await;
    }

    /// Sends any request: the escape hatch for endpoints the typed API does not cover.
    /// `path` is below the base URL (`/clients`, `invoices/123/send`). Returns the decoded
    /// envelope; errors, retries and rate limiting are as for every other call.
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        body: Option<Value>,
        options: &RequestOptions,
    ) -> Result<Response<RawEnvelope>> {
        let decoded = self.request_decoded::<Value>(method, path, query, body, options).await?;
        let (meta, links) = (decoded.meta, decoded.links);
        Ok(decoded.response.map(|data| RawEnvelope { data, meta, links }))
    }

    /// The escape hatch as the bindings call it: the result as JSON text, which is `data`, or
    /// for a list `{"data": [...], "meta": {...}}` so the page's metadata is not lost.
    pub async fn request_json(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        body: Option<Value>,
        options: &RequestOptions,
    ) -> Result<Response<JsonData>> {
        let decoded = self.request_decoded::<Box<RawValue>>(method, path, query, body, options).await?;
        let (meta, links) = (decoded.meta, decoded.links);
        let more = meta.as_ref().is_some_and(|m| has_next(m, links.as_ref()));
        let response = decoded.response.try_map(|data| {
            let Some(meta) = &meta else { return Ok(data) };
            let meta = serde_json::to_string(meta).map_err(|e| Error::invalid("meta", e.to_string()))?;
            RawValue::from_string(format!("{{\"data\":{},\"meta\":{meta}}}", data.get())).map_err(|e| Error::invalid("meta", e.to_string()))
        })?;
        Ok(response.map(|data| JsonData { data, meta, links, has_next: more }))
    }

    async fn request_decoded<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        body: Option<Value>,
        options: &RequestOptions,
    ) -> Result<Decoded<T>> {
        if path.contains("://") || path.starts_with("//") || path.split('/').any(|s| s == "..") {
            return Err(Error::invalid("path", "must be a path below the base URL, not a URL"));
        }
        let path = format!("/{}", path.trim_start_matches('/'));
        let body = merge_extra(body, options);
        let body = body.map(|b| serde_json::to_vec(&b)).transpose().map_err(|e| Error::invalid("body", e.to_string()))?;
        let permission = permission_for(method, &path);
        let raw = self.send(Outgoing { method, path: &path, query, body, permission, options }).await?;
        decode::<T>(raw)
    }

    async fn send(&self, outgoing: Outgoing<'_>) -> Result<crate::transport::RawResponse> {
        transport::send(&self.inner.http, &self.inner.config, &self.inner.limiter, outgoing).await
    }

    /// Runs an operation of the table: checks ids and body, sends, decodes `data` as `T`.
    pub(crate) async fn execute_decoded<T: DeserializeOwned>(
        &self,
        op: &Operation,
        ids: &[&str],
        query: &[(String, String)],
        body: Option<Value>,
        options: &RequestOptions,
    ) -> Result<Decoded<T>> {
        let path = op.fill_path(ids)?;
        let body = match (op.input, body) {
            (Some(describe), Some(mut body)) => {
                let model = describe();
                validate::normalize(&model, &mut body);
                // Required fields are known only where the docs have a page.
                validate::body(&model, &body, op.source == Source::Documented)?;
                Some(body)
            }
            (Some(describe), None) => {
                return Err(Error::InvalidRequest { message: format!("{} needs a {} body", op.id, describe().name), field: None });
            }
            (None, _) => None,
        };
        let body = merge_extra(body, options);
        let body = body.map(|b| serde_json::to_vec(&b)).transpose().map_err(|e| Error::invalid("body", e.to_string()))?;
        let raw = self.send(Outgoing { method: op.method, path: &path, query, body, permission: op.permission, options }).await?;
        decode::<T>(raw)
    }

    /// Runs an operation and returns `data` as JSON text: how the bindings call the API.
    pub async fn execute_json(
        &self,
        op: &Operation,
        ids: &[&str],
        query: &[(String, String)],
        body: Option<Value>,
        options: &RequestOptions,
    ) -> Result<Response<JsonData>> {
        let decoded = self.execute_decoded::<Box<RawValue>>(op, ids, query, body, options).await?;
        let (meta, links) = (decoded.meta, decoded.links);
        let more = meta.as_ref().is_some_and(|m| has_next(m, links.as_ref()));
        Ok(decoded.response.map(|data| JsonData { data, meta, links, has_next: more }))
    }

    /// The items of a list operation as JSON texts, one page's worth per element: each
    /// page is fetched only when asked for. How the bindings page through `list_all`.
    pub fn stream_json(
        &self,
        op: &'static Operation,
        ids: Vec<String>,
        query: Vec<(String, String)>,
        limit: Option<u64>,
        options: RequestOptions,
    ) -> ChunkStream<Box<RawValue>> {
        chunks(self.list_call(op, ids, query, options), limit)
    }

    /// Like [`Client::stream_json`], one element per page with the page's `meta`, so a caller
    /// can show progress against `meta.total`. Pages of 100 unless `per_page` is given.
    pub fn pages_json(
        &self,
        op: &'static Operation,
        ids: Vec<String>,
        query: Vec<(String, String)>,
        limit: Option<u64>,
        options: RequestOptions,
    ) -> PageStream<Box<RawValue>> {
        pages(self.list_call(op, ids, query, options), limit)
    }

    fn list_call(&self, op: &'static Operation, ids: Vec<String>, mut query: Vec<(String, String)>, options: RequestOptions) -> ListCall {
        // Auto-paging takes pages of 100 unless asked otherwise: fewer requests per item.
        if !query.iter().any(|(k, _)| k == "per_page") {
            query.push(("per_page".into(), "100".into()));
        }
        ListCall { client: self.clone(), op, ids, query, options }
    }
}

/// The body with `extra_body`'s fields merged in (they win). Extras alone make the body.
fn merge_extra(body: Option<Value>, options: &RequestOptions) -> Option<Value> {
    let Some(extra) = &options.extra_body else { return body };
    match body {
        Some(Value::Object(mut map)) => {
            map.extend(extra.clone());
            Some(Value::Object(map))
        }
        None => Some(Value::Object(extra.clone())),
        other => other,
    }
}

/// The in-process limiter, or one shared through the configured store.
fn limiter(config: &Config) -> Result<Limiter> {
    let Some(url) = &config.rate_limit_store else { return Ok(Limiter::new(config.rate_limit)) };
    #[cfg(feature = "redis-store")]
    {
        // The token and base URL name the budget; only their hash reaches the store.
        let scope = [config.token.expose().as_bytes(), b"\n", config.base_url.as_str().as_bytes()].concat();
        let lease = config.timeout + std::time::Duration::from_secs(5);
        let store = crate::ratelimit::shared::SharedStore::new(
            &url.0,
            &config.rate_limit_store_prefix,
            &scope,
            lease,
            config.rate_limit,
            config.log_sink.clone(),
        )
        .map_err(Error::Config)?;
        Ok(Limiter::with_store(config.rate_limit, store))
    }
    #[cfg(not(feature = "redis-store"))]
    {
        let _ = url;
        Err(Error::Config(format!(
            "a rate_limit_store ({}) is set, but this build has no Redis support: enable the blinksale crate's `redis-store` feature",
            crate::config::RATE_LIMIT_STORE_ENV
        )))
    }
}

/// TLS with rustls and the ring provider, verified against the platform's trust store. Built
/// here rather than installed as the process default, which belongs to the application.
fn tls_config() -> Result<rustls::ClientConfig> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let fail = |e: rustls::Error| Error::Config(format!("cannot set up TLS: {e}"));
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(fail)?
        .with_platform_verifier()
        .map_err(fail)?
        .with_no_client_auth())
}
