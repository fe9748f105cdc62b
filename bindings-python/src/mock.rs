//! `NativeMock`: the embedded blinksale-mock behind `blinksale.testing.MockServer`.
use std::sync::Mutex;

use blinksale_mock::{Fault, MockConfig, MockServer, TokenSpec};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

#[pyclass(frozen, module = "blinksale._native")]
pub struct NativeMock {
    server: Mutex<Option<MockServer>>,
    url: String,
    token: String,
    ca_path: Option<String>,
}

impl NativeMock {
    fn with<T>(&self, f: impl FnOnce(&MockServer) -> T) -> PyResult<T> {
        let guard = self.server.lock().unwrap_or_else(|e| e.into_inner());
        guard.as_ref().map(f).ok_or_else(|| PyRuntimeError::new_err("the mock server has been stopped"))
    }
}

#[pymethods]
impl NativeMock {
    #[new]
    #[pyo3(signature = (rate_limit, window, seed, tokens, host, tls, idle_timeout))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        rate_limit: u32,
        window: f64,
        seed: usize,
        tokens: Vec<String>,
        host: String,
        tls: bool,
        idle_timeout: Option<f64>,
    ) -> PyResult<Self> {
        let seconds = |name: &str, s: f64| blinksale_mock::seconds(name, s).map_err(PyValueError::new_err);
        let window = seconds("window", window)?;
        let idle_timeout = idle_timeout.map(|s| seconds("idle_timeout", s)).transpose()?;
        let tokens = tokens.iter().map(|t| TokenSpec::parse(t)).collect::<Result<Vec<_>, _>>().map_err(PyValueError::new_err)?;
        let config = MockConfig { host, port: 0, tokens, rate_limit, window, seed, tls, idle_timeout, ..Default::default() };
        let server = py.detach(|| MockServer::start(config)).map_err(|e| PyRuntimeError::new_err(format!("cannot start the mock: {e}")))?;
        let ca_path = server.ca_path().map(|p| p.display().to_string());
        Ok(NativeMock { url: server.url().to_string(), token: server.token().to_string(), ca_path, server: Mutex::new(Some(server)) })
    }

    /// With TLS, the CA file (PEM) that signed the mock's certificate.
    #[getter]
    fn ca_path(&self) -> Option<String> {
        self.ca_path.clone()
    }

    #[getter]
    fn url(&self) -> String {
        self.url.clone()
    }

    #[getter]
    fn token(&self) -> String {
        self.token.clone()
    }

    /// The request log as JSON text.
    fn requests(&self) -> PyResult<String> {
        self.with(|s| serde_json::to_string(&s.requests()).unwrap_or_else(|_| "[]".into()))
    }

    fn clear_requests(&self) -> PyResult<()> {
        self.with(MockServer::clear_requests)
    }

    /// Queues a fault, in the admin API's JSON form.
    fn inject(&self, fault: &str) -> PyResult<()> {
        let value: serde_json::Value = serde_json::from_str(fault).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let fault = Fault::from_json(&value).map_err(PyValueError::new_err)?;
        self.with(|s| s.inject(fault))
    }

    fn clear_faults(&self) -> PyResult<()> {
        self.with(MockServer::clear_faults)
    }

    /// Accepts `token` (`VALUE:read,write`) from now on.
    fn add_token(&self, token: &str) -> PyResult<()> {
        let spec = TokenSpec::parse(token).map_err(PyValueError::new_err)?;
        self.with(|s| s.add_token(spec))
    }

    fn revoke_token(&self, token: &str) -> PyResult<bool> {
        self.with(|s| s.revoke_token(token))
    }

    /// The permissions needed by the requests of `token`, or of every token.
    #[pyo3(signature = (token=None))]
    fn permissions_used(&self, token: Option<&str>) -> PyResult<Vec<&'static str>> {
        self.with(|s| s.permissions_used(token).into_iter().map(|p| p.as_str()).collect())
    }

    fn reset(&self) -> PyResult<()> {
        self.with(MockServer::reset)
    }

    fn stop(&self, py: Python<'_>) {
        let server = self.server.lock().unwrap_or_else(|e| e.into_inner()).take();
        py.detach(move || drop(server));
    }
}
