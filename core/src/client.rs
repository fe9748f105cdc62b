//! The client: configuration, connection pool and rate limiter, shared by every clone, and
//! the one request pipeline every call runs through.
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::call::Call;
use crate::config::{ClientBuilder, Config};
use crate::error::{Error, Result};
use crate::method::Method;
use crate::models::{PageLinks, PageMeta};
use crate::options::RequestOptions;
use crate::ratelimit::{Limiter, RateLimit};
use crate::response::{Envelope, Response, decode};
use crate::transport::{self, RawResponse, Wire};

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

impl ClientBuilder {
    /// Checks everything and builds the client.
    pub fn build(self) -> Result<Client> {
        Client::from_config(self.into_config()?)
    }
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
        let http = http_client(&config)?;
        let limiter = Arc::new(limiter(&config)?);
        Ok(Client { inner: Arc::new(Inner { config, http, limiter }) })
    }

    /// The same client (configuration and rate limiter) with a connection pool of its own: for
    /// a runtime that runs only while a call is driven, such as a current-thread runtime per
    /// calling thread. A connection belongs to the runtime that opened it and stalls in others.
    pub fn with_own_connections(&self) -> Result<Client> {
        let http = http_client(&self.inner.config)?;
        Ok(Client { inner: Arc::new(Inner { config: self.inner.config.clone(), http, limiter: self.inner.limiter.clone() }) })
    }

    /// Whether this client works between calls: with a shared rate-limit store, the store's
    /// connection and bookkeeping run as background tasks. Such a client needs a runtime whose
    /// threads keep running, not one driven only during a call.
    pub fn works_between_calls(&self) -> bool {
        self.inner.config.rate_limit_store.is_some()
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
        let mut config = self.inner.config.clone();
        config.credentials = Arc::new(config.credentials.fresh());
        Client::from_config(config)
    }

    /// The permissions this client's calls needed so far (`read`, `write`, `send`), shared by
    /// its copies: the least a token for this integration must have.
    pub fn permissions_used(&self) -> Vec<crate::error::Permission> {
        self.inner.config.credentials.used()
    }

    /// Where the token comes from: `a token`, `a token provider` or `the token file …`.
    pub fn token_source(&self) -> String {
        self.inner.config.credentials.source().describe()
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
        let call = Call::raw(method, path, query.to_vec(), body, options)?;
        let response = self.execute::<Value>(&call, options).await?;
        Ok(response.map(|env| RawEnvelope { data: env.data, meta: env.meta, links: env.links }))
    }

    /// The one pipeline: sends a prepared call (pacing, retries, deadline) and decodes the
    /// envelope, whose `data` is `T`.
    pub(crate) async fn execute<T: DeserializeOwned>(&self, call: &Call, options: &RequestOptions) -> Result<Response<Envelope<T>>> {
        decode::<T>(self.send(call, options).await?)
    }

    /// The pipeline without the decoding: the 2xx response as it came.
    pub(crate) async fn send(&self, call: &Call, options: &RequestOptions) -> Result<RawResponse> {
        let inner = &self.inner;
        transport::send(Wire { http: &inner.http, config: &inner.config, limiter: &inner.limiter }, call, options).await
    }
}

/// The in-process limiter, or one shared through the configured store.
fn http_client(config: &Config) -> Result<reqwest::Client> {
    let base_host = config.base_url.host_str().map(str::to_string);
    // Follow redirects only within the API's own host: the token goes with every request.
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= 5 || attempt.url().host_str() != base_host.as_deref() { attempt.stop() } else { attempt.follow() }
    });
    config
        .network
        .apply(reqwest::Client::builder())?
        .user_agent(config.user_agent.clone())
        .connect_timeout(config.connect_timeout)
        .redirect(policy)
        .tcp_nodelay(true)
        // Below the idle timeouts of common load balancers (AWS ALB 60 s, nginx 75 s, Azure
        // 4 min): a connection is dropped here before the far end closes it.
        .pool_idle_timeout(std::time::Duration::from_secs(30))
        .build()
        .map_err(|e| Error::Config(format!("cannot build the HTTP client: {e}")))
}

fn limiter(config: &Config) -> Result<Limiter> {
    let Some(url) = &config.rate_limit_store else { return Ok(Limiter::new(config.rate_limit)) };
    #[cfg(feature = "redis-store")]
    {
        // The token and base URL name the budget; only their hash reaches the store. A token
        // that may rotate (provider, file) does not: the base URL and the prefix name it then.
        let token = match config.credentials.source() {
            crate::token::Source::Fixed(t) => t.expose_secret().as_bytes().to_vec(),
            _ => Vec::new(),
        };
        let scope = [&token[..], b"\n", config.base_url.as_str().as_bytes()].concat();
        let lease = config.timeout + std::time::Duration::from_secs(5);
        let at = crate::ratelimit::shared::StoreConfig { url: &url.0, roots: config.network.store_roots() };
        let store = crate::ratelimit::shared::SharedStore::new(
            at,
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
