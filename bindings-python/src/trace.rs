//! `NativeTrace`: the core's record of traced calls, for the Python layer's OpenTelemetry
//! spans. It carries the span's propagation headers in and the core's records out; what a
//! span is named and holds is the core's (`blinksale::telemetry`).
use pyo3::prelude::*;

use crate::{convert, errors};

#[pyclass(frozen, module = "blinksale._native")]
pub struct NativeTrace(pub blinksale::Trace);

#[pymethods]
impl NativeTrace {
    #[new]
    fn new() -> Self {
        NativeTrace(blinksale::Trace::new())
    }

    /// The headers the span's context gives (`traceparent`, …), sent with the next call.
    fn set_context(&self, headers: std::collections::HashMap<String, String>) -> PyResult<()> {
        self.0.set_context(headers).map_err(errors::to_py)
    }

    /// The records of the calls made since the last take: name, times, attributes, attempts.
    fn take<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.0.take().iter().map(|r| convert::to_py(py, r)).collect()
    }

    /// For a list: whether the stream's next batch fetches a page.
    fn more_pages(&self) -> bool {
        self.0.more_pages()
    }
}

/// The span name and first attributes of a call: an operation by id, or a method and path.
pub fn start(client: &blinksale::Client, op_id: Option<&str>, method: &str, path: &str) -> PyResult<serde_json::Value> {
    let op = op_id.map(blinksale::binding::operation).transpose().map_err(errors::to_py)?;
    let method = match op {
        Some(op) => op.method,
        None => blinksale::Method::parse(method).map_err(errors::to_py)?,
    };
    Ok(blinksale::telemetry::start_span(client, op, method, path))
}
