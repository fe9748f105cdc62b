//! Client configuration and its builder, with every default named once.
use std::time::Duration;

use url::Url;

use crate::error::{Error, Result};
use crate::network::{Network, Proxy};
use crate::options::{RequestOptions, header_map, positive};
use crate::token::{Credentials, Source, TokenProvider};

/// The API's base URL, including `/api/v1` as the docs give it.
pub const DEFAULT_BASE_URL: &str = "https://app.blinksale.com/api/v1";
pub use crate::token::TOKEN_ENV;
/// Environment variable read for the base URL.
pub const BASE_URL_ENV: &str = "BLINKSALE_BASE_URL";
/// Environment variable read for the shared rate-limit store (`redis://…`).
pub const RATE_LIMIT_STORE_ENV: &str = "BLINKSALE_RATE_LIMIT_STORE";
/// The default prefix of the shared rate-limit store's keys.
pub const DEFAULT_RATE_LIMIT_STORE_PREFIX: &str = "blinksale:ratelimit";
/// The default requests per minute, until the server's headers say otherwise.
pub const DEFAULT_RATE_LIMIT: u32 = 120;
/// The default time allowed for one attempt.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// The default time allowed to connect.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The default number of retries after a retryable failure.
pub const DEFAULT_MAX_RETRIES: u32 = 2;

/// Resolved settings of a client.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where the token comes from, and the one in use: shared by every copy of the client.
    pub(crate) credentials: std::sync::Arc<Credentials>,
    pub(crate) base_url: Url,
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) max_retries: u32,
    pub(crate) user_agent: String,
    /// Sent with every request (checked when built).
    pub(crate) headers: http::HeaderMap,
    pub(crate) rate_limit: u32,
    pub(crate) deadline: Option<Duration>,
    pub(crate) max_response_bytes: u64,
    pub(crate) log_sink: Option<crate::log::LogSink>,
    /// Trusted CAs and the proxy.
    pub(crate) network: Network,
    /// A Redis URL whose store shares the rate limit between processes (may hold a password:
    /// never shown).
    pub(crate) rate_limit_store: Option<StoreUrl>,
    #[cfg_attr(not(feature = "redis-store"), allow(dead_code))]
    pub(crate) rate_limit_store_prefix: String,
}

/// A store URL, shown without its password.
#[derive(Clone)]
pub(crate) struct StoreUrl(pub(crate) String);

impl std::fmt::Debug for StoreUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match Url::parse(&self.0) {
            Ok(u) => write!(f, "{}://{}:{}", u.scheme(), u.host_str().unwrap_or(""), u.port().unwrap_or(6379)),
            Err(_) => f.write_str("[unparsed store URL]"),
        }
    }
}

/// The default cap on a response body: a misbehaving server or proxy cannot make the client
/// buffer more.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 64 * 1024 * 1024;

impl Config {
    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.base_url.as_str().trim_end_matches('/')
    }
    /// The total timeout of a request.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }
    /// The time allowed to connect.
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }
    /// The requests per minute paced to before the server's headers say otherwise.
    pub fn rate_limit(&self) -> u32 {
        self.rate_limit
    }
    /// The bound on a whole call (limiter waits, attempts, backoff), if set.
    pub fn deadline(&self) -> Option<Duration> {
        self.deadline
    }
    /// The largest response body read.
    pub fn max_response_bytes(&self) -> u64 {
        self.max_response_bytes
    }
    /// The headers sent with every request (names lower-case).
    pub fn default_headers(&self) -> Vec<(String, String)> {
        self.headers.iter().map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned())).collect()
    }

    /// This configuration with the overrides of `options` (timeout, retries, headers).
    pub(crate) fn with_options(&self, options: &RequestOptions) -> Result<Config> {
        options.check()?;
        let mut config = self.clone();
        if let Some(t) = options.timeout {
            config.timeout = t;
        }
        if let Some(n) = options.max_retries {
            config.max_retries = n;
        }
        if let Some(d) = options.deadline {
            config.deadline = Some(d);
        }
        config.headers.extend(header_map(&options.headers)?);
        Ok(config)
    }
    /// How many times a failed request is retried.
    pub fn max_retries(&self) -> u32 {
        self.max_retries
    }
    /// The `User-Agent` header.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }
}

/// Builds a [`Client`](crate::Client). Unset options fall back to the environment, then to the defaults.
///
/// ```no_run
/// # fn main() -> blinksale::Result<()> {
/// let client = blinksale::Client::builder()
///     .token("YOUR_API_TOKEN")
///     .timeout(std::time::Duration::from_secs(30))
///     .max_retries(3)
///     .build()?;
/// # Ok(()) }
/// ```
#[derive(Default)]
pub struct ClientBuilder {
    token: Option<String>,
    token_provider: Option<std::sync::Arc<dyn TokenProvider>>,
    token_file: Option<std::path::PathBuf>,
    base_url: Option<String>,
    connect_timeout: Option<Duration>,
    timeout: Option<Duration>,
    max_retries: Option<u32>,
    user_agent_suffix: Vec<String>,
    default_headers: Vec<(String, String)>,
    rate_limit: Option<u32>,
    deadline: Option<Duration>,
    max_response_bytes: Option<u64>,
    log_sink: Option<crate::log::LogSink>,
    ca_bundle: Option<std::path::PathBuf>,
    ca_bundle_only: bool,
    proxy: Option<Result<Proxy>>,
    rate_limit_store: Option<String>,
    rate_limit_store_prefix: Option<String>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("token", &self.token.as_ref().map(|_| "[redacted]"))
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The API token. Without it: the token provider, the token file, `BLINKSALE_API_TOKEN`,
    /// then the file named by `BLINKSALE_API_TOKEN_FILE`.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }
    /// Asks `provider` for the token on first use and again after a 401, so a rotated token
    /// is picked up without a restart.
    ///
    /// ```no_run
    /// # fn main() -> blinksale::Result<()> {
    /// let client = blinksale::Client::builder()
    ///     .token_provider(|| async {
    ///         std::fs::read_to_string("/run/secrets/blinksale").map_err(|e| blinksale::Error::Config(e.to_string()))
    ///     })
    ///     .build()?;
    /// # Ok(()) }
    /// ```
    pub fn token_provider(mut self, provider: impl TokenProvider) -> Self {
        self.token_provider = Some(std::sync::Arc::new(provider));
        self
    }
    /// Reads the token from this file, and again whenever it changes (a mounted secret that
    /// is rotated in place); surrounding whitespace is trimmed.
    pub fn token_file(mut self, path: impl Into<std::path::PathBuf>) -> Self {
        self.token_file = Some(path.into());
        self
    }
    /// The base URL, including `/api/v1`. Without it, `BLINKSALE_BASE_URL`, then the default.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }
    /// Time allowed to connect (default [`DEFAULT_CONNECT_TIMEOUT`]).
    pub fn connect_timeout(mut self, t: Duration) -> Self {
        self.connect_timeout = Some(t);
        self
    }
    /// Time allowed for a whole request, per attempt (default [`DEFAULT_TIMEOUT`]).
    pub fn timeout(mut self, t: Duration) -> Self {
        self.timeout = Some(t);
        self
    }
    /// Retries after a retryable failure (default [`DEFAULT_MAX_RETRIES`]).
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = Some(n);
        self
    }
    /// Appended to the `User-Agent` (bindings add their language and version).
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix.push(suffix.into());
        self
    }
    /// A header sent with every request.
    pub fn default_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.default_headers.push((name.into(), value.into()));
        self
    }
    /// Requests per minute to pace to until the server's headers say otherwise (default
    /// [`DEFAULT_RATE_LIMIT`]).
    pub fn rate_limit(mut self, per_minute: u32) -> Self {
        self.rate_limit = Some(per_minute);
        self
    }

    /// One bound on every call: limiter waits, attempts and backoff together (default none;
    /// `timeout` bounds each attempt).
    pub fn deadline(mut self, d: Duration) -> Self {
        self.deadline = Some(d);
        self
    }
    /// The largest response body read (default [`DEFAULT_MAX_RESPONSE_BYTES`], 64 MiB); a larger
    /// one is a [`Error::Decode`].
    pub fn max_response_bytes(mut self, n: u64) -> Self {
        self.max_response_bytes = Some(n);
        self
    }

    /// Also sends this client's log lines (the level and the text) to `sink`, besides `tracing`.
    pub fn log_sink(mut self, sink: impl Fn(tracing::Level, &str) + Send + Sync + 'static) -> Self {
        self.log_sink = Some(crate::log::LogSink(std::sync::Arc::new(sink)));
        self
    }

    /// Also trusts the CA certificates of this PEM file (a private CA's, a TLS-inspecting
    /// proxy's), beside the platform's; else `BLINKSALE_CA_BUNDLE` is read. A file without a
    /// certificate is a configuration error naming it.
    pub fn ca_bundle(mut self, path: impl Into<std::path::PathBuf>) -> Self {
        self.ca_bundle = Some(path.into());
        self
    }
    /// Trusts the bundle's certificates only, not the platform's.
    pub fn ca_bundle_only(mut self, only: bool) -> Self {
        self.ca_bundle_only = only;
        self
    }
    /// Sends every request through this proxy: `http://[user:password@]host:port` or
    /// `https://…` (https requests are tunnelled with CONNECT, so the proxy never sees the
    /// token). `NO_PROXY` is honoured. Without it, `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`.
    pub fn proxy(mut self, url: &str) -> Self {
        self.proxy = Some(Proxy::parse(url));
        self
    }
    /// No proxy, whatever the environment says.
    pub fn no_proxy(mut self) -> Self {
        self.proxy = Some(Ok(Proxy::Off));
        self
    }

    /// Shares the rate limit with every process that uses the same token, through Redis or
    /// Valkey (`redis://host:6379/0`, or `rediss://` for TLS, checked against the platform's
    /// roots and `ca_bundle`'s); else `BLINKSALE_RATE_LIMIT_STORE` is read.
    /// Needs the `redis-store` feature. When the store fails or is slow, the client paces on
    /// its own and logs one warning.
    pub fn rate_limit_store(mut self, url: impl Into<String>) -> Self {
        self.rate_limit_store = Some(url.into());
        self
    }

    /// The prefix of the store's keys (default `blinksale:ratelimit`); the rest is a hash of
    /// the token and base URL.
    pub fn rate_limit_store_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.rate_limit_store_prefix = Some(prefix.into());
        self
    }

    /// Checks everything and resolves the environment and the defaults.
    pub(crate) fn into_config(self) -> Result<Config> {
        // An empty environment variable counts as unset, in every language.
        let credentials = Credentials::new(Source::resolve(self.token, self.token_provider, self.token_file)?)?;
        let raw_url = match self.base_url {
            Some(u) => u,
            None => std::env::var(BASE_URL_ENV).ok().filter(|u| !u.is_empty()).unwrap_or_else(|| DEFAULT_BASE_URL.into()),
        };
        let base_url = parse_base_url(&raw_url)?;
        let mut user_agent = format!("blinksale-rust/{}", env!("CARGO_PKG_VERSION"));
        for s in &self.user_agent_suffix {
            user_agent.push(' ');
            user_agent.push_str(s);
        }
        let headers = header_map(&self.default_headers).map_err(|e| Error::Config(format!("default headers: {}", e.message())))?;
        for (name, d) in [("timeout", self.timeout), ("connect_timeout", self.connect_timeout), ("deadline", self.deadline)] {
            positive(name, d).map_err(Error::Config)?;
        }
        let network = Network::new(self.ca_bundle, self.ca_bundle_only, self.proxy.transpose()?.unwrap_or_default())?;
        Ok(Config {
            network,
            credentials: std::sync::Arc::new(credentials),
            base_url,
            connect_timeout: self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT),
            timeout: self.timeout.unwrap_or(DEFAULT_TIMEOUT),
            max_retries: self.max_retries.unwrap_or(DEFAULT_MAX_RETRIES),
            user_agent,
            headers,
            rate_limit: self.rate_limit.unwrap_or(DEFAULT_RATE_LIMIT).max(1),
            deadline: self.deadline,
            max_response_bytes: self.max_response_bytes.unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
            log_sink: self.log_sink,
            rate_limit_store: self.rate_limit_store.or_else(|| std::env::var(RATE_LIMIT_STORE_ENV).ok()).filter(|u| !u.is_empty()).map(StoreUrl),
            rate_limit_store_prefix: self.rate_limit_store_prefix.unwrap_or_else(|| DEFAULT_RATE_LIMIT_STORE_PREFIX.into()),
        })
    }
}

/// Parses the base URL and refuses plain `http://` except to loopback hosts, so the token is
/// never sent in clear text over a network.
fn parse_base_url(raw: &str) -> Result<Url> {
    let mut url = Url::parse(raw).map_err(|e| Error::Config(format!("invalid base URL {raw:?}: {e}")))?;
    match url.scheme() {
        "https" => {}
        "http" => {
            let loopback = match url.host() {
                Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                None => false,
            };
            if !loopback {
                return Err(Error::Config(format!(
                    "refusing to send the API token over plain http to {}; use https (http is allowed only for loopback hosts)",
                    url.host_str().unwrap_or("?")
                )));
            }
        }
        other => return Err(Error::Config(format!("unsupported URL scheme {other:?} in the base URL"))),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::Config("the base URL must not carry credentials".into()));
    }
    url.set_query(None);
    url.set_fragment(None);
    // A trailing slash lets relative joins keep `/api/v1`.
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}
