//! `NativeMock`: the embedded blinksale-mock behind `MockServer` in `lib/mock.ts`.
use std::sync::Mutex;
use std::time::Duration;

use napi::bindgen_prelude::*;
use napi_derive::napi;
use serde_json::Value;

#[napi(object)]
pub struct MockOptions {
    pub rate_limit: Option<u32>,
    /// Seconds.
    pub window: Option<f64>,
    pub seed: Option<u32>,
    pub tokens: Option<Vec<String>>,
    /// HTTPS (HTTP/2 and HTTP/1.1) with a certificate from a CA made at start.
    pub tls: Option<bool>,
    /// Seconds a connection may stay idle before the mock closes it.
    pub idle_timeout: Option<f64>,
}

/// A duration in seconds, as the mock checks it.
fn seconds(name: &str, s: f64) -> Result<Duration> {
    blinksale_mock::seconds(name, s).map_err(|e| Error::new(Status::InvalidArg, e))
}

/// The embedded blinksale-mock.
#[napi]
pub struct NativeMock {
    server: Mutex<Option<blinksale_mock::MockServer>>,
    url: String,
    token: String,
    ca_path: Option<String>,
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
        let config = blinksale_mock::MockConfig {
            tokens,
            rate_limit: options.rate_limit.unwrap_or(0),
            window: seconds("window", options.window.unwrap_or(60.0))?,
            seed: options.seed.unwrap_or(0) as usize,
            tls: options.tls.unwrap_or(false),
            idle_timeout: options.idle_timeout.map(|s| seconds("idleTimeout", s)).transpose()?,
            ..Default::default()
        };
        let server = blinksale_mock::MockServer::start(config).map_err(|e| Error::from_reason(format!("cannot start the mock: {e}")))?;
        let ca_path = server.ca_path().map(|p| p.display().to_string());
        Ok(NativeMock { url: server.url().to_string(), token: server.token().to_string(), ca_path, server: Mutex::new(Some(server)) })
    }

    /// With TLS, the CA file (PEM) that signed the mock's certificate.
    #[napi(getter)]
    pub fn ca_path(&self) -> Option<String> {
        self.ca_path.clone()
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

    /// Accepts `token` (`VALUE:read,write`) from now on.
    #[napi]
    pub fn add_token(&self, token: String) -> Result<()> {
        let spec = blinksale_mock::TokenSpec::parse(&token).map_err(|e| Error::new(Status::InvalidArg, e))?;
        self.with(|s| s.add_token(spec))
    }

    #[napi]
    pub fn revoke_token(&self, token: String) -> Result<bool> {
        self.with(|s| s.revoke_token(&token))
    }

    /// The permissions needed by the requests of `token`, or of every token.
    #[napi]
    pub fn permissions_used(&self, token: Option<String>) -> Result<Vec<String>> {
        self.with(|s| s.permissions_used(token.as_deref()).into_iter().map(|p| p.as_str().to_string()).collect())
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
