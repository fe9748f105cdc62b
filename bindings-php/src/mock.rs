//! `NativeMock`: the embedded blinksale-mock behind `Blinksale\Testing\MockServer`.
use std::sync::Mutex;

use blinksale_mock::{Fault, MockConfig, MockServer, TokenSpec};
use ext_php_rs::convert::IntoZval;
use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use serde::Deserialize;

use crate::errors::config;

/// `MockServer::start()`'s options, as the PHP layer passes them (JSON).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Options {
    rate_limit: u32,
    window: f64,
    seed: usize,
    tokens: Vec<String>,
    host: String,
    tls: bool,
    idle_timeout: Option<f64>,
}

#[php_class]
#[php(name = "Blinksale\\Internal\\NativeMock")]
pub struct NativeMock {
    server: Mutex<Option<MockServer>>,
    url: String,
    token: String,
    ca_path: Option<String>,
}

impl NativeMock {
    fn with<T>(&self, f: impl FnOnce(&MockServer) -> T) -> Result<T, String> {
        let guard = self.server.lock().unwrap_or_else(|e| e.into_inner());
        guard.as_ref().map(f).ok_or_else(|| "the mock server has been stopped".to_string())
    }

    fn start(options: &str) -> Result<NativeMock, String> {
        let o: Options = serde_json::from_str(options).map_err(|e| format!("mock options: {e}"))?;
        let seconds = blinksale_mock::seconds;
        let window = seconds("window", o.window)?;
        let idle_timeout = o.idle_timeout.map(|s| seconds("idleTimeout", s)).transpose()?;
        let tokens = o.tokens.iter().map(|t| TokenSpec::parse(t)).collect::<Result<Vec<_>, _>>()?;
        let cfg = MockConfig {
            host: o.host,
            port: 0,
            tokens,
            rate_limit: o.rate_limit,
            window,
            seed: o.seed,
            tls: o.tls,
            idle_timeout,
            ..Default::default()
        };
        let server = MockServer::start(cfg).map_err(|e| format!("cannot start the mock: {e}"))?;
        let ca_path = server.ca_path().map(|p| p.display().to_string());
        Ok(NativeMock { url: server.url().to_string(), token: server.token().to_string(), ca_path, server: Mutex::new(Some(server)) })
    }
}

/// A value, or a configuration error's value.
fn done<T: IntoZval>(r: Result<T, String>) -> Zval {
    match r.map(|v| v.into_zval(false)) {
        Ok(Ok(z)) => z,
        Ok(Err(e)) => config(e.to_string()),
        Err(message) => config(message),
    }
}

#[php_impl]
impl NativeMock {
    /// A started mock, or `['error' => …]`.
    pub fn open(options: String) -> Zval {
        done(NativeMock::start(&options))
    }

    pub fn url(&self) -> String {
        self.url.clone()
    }

    pub fn token(&self) -> String {
        self.token.clone()
    }

    /// With TLS, the CA file (PEM) that signed the mock's certificate.
    pub fn ca_path(&self) -> Option<String> {
        self.ca_path.clone()
    }

    /// The request log, decoded as API data is (bodies keep exact numbers).
    pub fn requests(&self) -> Zval {
        done(self.with(|s| serde_json::to_string(&s.requests()).unwrap_or_else(|_| "[]".into())).and_then(|t| crate::decode::to_php(&t)))
    }

    pub fn clear_requests(&self) -> Zval {
        done(self.with(MockServer::clear_requests))
    }

    /// Queues a fault, in the admin API's JSON form.
    pub fn inject(&self, fault: String) -> Zval {
        let made = serde_json::from_str::<serde_json::Value>(&fault).map_err(|e| e.to_string()).and_then(|v| Fault::from_json(&v));
        done(made.and_then(|f| self.with(|s| s.inject(f))))
    }

    pub fn clear_faults(&self) -> Zval {
        done(self.with(MockServer::clear_faults))
    }

    /// Accepts one more token, `VALUE[:read,write,send]`.
    pub fn add_token(&self, spec: String) -> Zval {
        done(TokenSpec::parse(&spec).and_then(|t| self.with(|s| s.add_token(t))))
    }

    /// Stops accepting a token; whether it was accepted.
    pub fn revoke_token(&self, token: String) -> Zval {
        done(self.with(|s| s.revoke_token(&token)))
    }

    /// The permissions the requests needed: one token's, or every token's.
    pub fn permissions_used(&self, token: Option<String>) -> Zval {
        done(self.with(|s| s.permissions_used(token.as_deref()).into_iter().map(|p| p.as_str().to_string()).collect::<Vec<_>>()))
    }

    pub fn reset(&self) -> Zval {
        done(self.with(MockServer::reset))
    }

    pub fn stop(&self) {
        drop(self.server.lock().unwrap_or_else(|e| e.into_inner()).take());
    }
}
