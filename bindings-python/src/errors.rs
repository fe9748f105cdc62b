//! Core errors become the classes generated in `blinksale/_errors.py` (`CLASSES`, by the
//! core's error code), with every detail the core carries.
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

/// The Python exception for a core error.
pub fn to_py(error: blinksale::Error) -> PyErr {
    Python::attach(|py| match build(py, &error) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    })
}

fn build<'py>(py: Python<'py>, error: &blinksale::Error) -> PyResult<Bound<'py, PyAny>> {
    let classes = PyModule::import(py, "blinksale._errors")?.getattr("CLASSES")?;
    let cls = classes.get_item(error.code())?;
    let d = PyDict::new(py);
    d.set_item("code", error.code())?;
    d.set_item("status_code", error.status())?;
    d.set_item("request_id", error.request_id())?;
    if let Some(info) = error.info() {
        d.set_item("server_message", &info.message)?;
        let errors = PyDict::new(py);
        for (field, messages) in &info.errors {
            errors.set_item(field, PyList::new(py, messages)?)?;
        }
        d.set_item("errors", errors)?;
        d.set_item("headers", info.headers.iter().cloned().collect::<std::collections::HashMap<_, _>>())?;
        d.set_item("body", &info.body)?;
    }
    if let Some(r) = error.rate_limit() {
        let rate_limit = PyModule::import(py, "blinksale._rate_limit")?.getattr("RateLimit")?;
        d.set_item("rate_limit", rate_limit.call1((r.limit, r.remaining, r.reset.map(|t| t.as_secs_f64())))?)?;
    }
    if let Some(wait) = error.retry_after() {
        d.set_item("retry_after", wait.as_secs_f64())?;
    }
    match error {
        blinksale::Error::PermissionDenied { required, .. } => d.set_item("required_permission", required.as_str())?,
        blinksale::Error::Connection { request_sent, .. } => d.set_item("request_sent", *request_sent)?,
        blinksale::Error::Aborted { write_sent } => d.set_item("request_sent", *write_sent)?,
        blinksale::Error::Decode { excerpt, .. } => d.set_item("body_excerpt", excerpt)?,
        blinksale::Error::InvalidRequest { field, .. } => d.set_item("field", field.as_deref())?,
        _ => {}
    }
    cls.call(PyTuple::new(py, [error.to_string()])?, Some(&d))
}
