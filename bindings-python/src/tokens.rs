//! A Python callable as the core's token provider. The core decides when to ask (first use,
//! after a 401); this only calls it: in a blocking thread, through `blinksale._tokens.resolve`,
//! which awaits an async provider on the caller's event loop (or on a new one for `Client`).
use std::sync::Arc;

use futures_util::future::BoxFuture;
use pyo3::prelude::*;

use crate::attach;

tokio::task_local! {
    /// The event loop of the awaitable call being run (none for a blocking call).
    pub static EVENT_LOOP: Arc<Py<PyAny>>;
}

pub struct PyProvider(pub Arc<Py<PyAny>>);

impl blinksale::TokenProvider for PyProvider {
    fn token(&self) -> BoxFuture<'static, blinksale::Result<String>> {
        let provider = self.0.clone();
        let event_loop = EVENT_LOOP.try_with(Arc::clone).ok();
        Box::pin(async move {
            let asked = tokio::task::spawn_blocking(move || attach::enter(|py| resolve(py, &provider, event_loop.as_deref())));
            match asked.await {
                Ok(Some(Ok(token))) => Ok(token),
                Ok(Some(Err(message))) => Err(blinksale::Error::Config(format!("the token provider failed: {message}"))),
                _ => Err(blinksale::Error::Config("the token provider could not be called (the interpreter is exiting)".into())),
            }
        })
    }
}

fn resolve(py: Python<'_>, provider: &Py<PyAny>, event_loop: Option<&Py<PyAny>>) -> Result<String, String> {
    let run = || -> PyResult<String> {
        let resolve = py.import("blinksale._tokens")?.getattr("resolve")?;
        resolve.call1((provider.bind(py), event_loop.map(|l| l.bind(py)).cloned()))?.extract()
    };
    run().map_err(|e| e.to_string())
}
