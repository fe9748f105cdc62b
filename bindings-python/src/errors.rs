//! Core errors become the exception classes defined in `blinksale/_errors.py`.
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

/// Raises the Python class for `error.code()` with every detail the core carries.
pub fn to_py(error: blinksale::Error) -> PyErr {
    Python::attach(|py| match build(py, &error) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    })
}

fn build<'py>(py: Python<'py>, error: &blinksale::Error) -> PyResult<Bound<'py, PyAny>> {
    let module = PyModule::import(py, "blinksale._errors")?;
    let details = PyDict::new(py);
    details.set_item("message", error.message())?;
    details.set_item("status_code", error.status())?;
    details.set_item("request_id", error.request_id())?;
    if let Some(info) = error.info() {
        let errors = PyDict::new(py);
        for (field, messages) in &info.errors {
            errors.set_item(field, PyList::new(py, messages)?)?;
        }
        details.set_item("errors", errors)?;
        let headers = PyDict::new(py);
        for (k, v) in &info.headers {
            headers.set_item(k, v)?;
        }
        details.set_item("headers", headers)?;
    }
    if let Some(wait) = error.retry_after() {
        details.set_item("retry_after", wait.as_secs_f64())?;
    }
    match error {
        blinksale::Error::PermissionDenied { required, .. } => details.set_item("required_permission", required.as_str())?,
        blinksale::Error::Connection { request_sent, .. } => details.set_item("request_sent", *request_sent)?,
        blinksale::Error::Decode { excerpt, .. } => details.set_item("body_excerpt", excerpt)?,
        blinksale::Error::InvalidRequest { field, .. } => details.set_item("field", field.as_deref())?,
        _ => {}
    }
    let args = PyTuple::new(py, [error.code().to_string(), error.to_string()])?;
    module.getattr("_from_native")?.call(args, Some(&details))
}
