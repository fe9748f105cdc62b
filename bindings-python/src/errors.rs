//! Core errors become the classes generated in `blinksale/_errors.py` (`CLASSES`, by the
//! core's error code). Their details are the core's `ErrorDetails`, converted generically.
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::convert;

/// The Python exception for a core error.
pub fn to_py(error: blinksale::Error) -> PyErr {
    Python::attach(|py| match build(py, &error) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    })
}

fn build<'py>(py: Python<'py>, error: &blinksale::Error) -> PyResult<Bound<'py, PyAny>> {
    let cls = PyModule::import(py, "blinksale._errors")?.getattr("CLASSES")?.get_item(error.code())?;
    let details = convert::to_py(py, &error.to_json())?;
    let details = details.cast_into::<PyDict>()?;
    let message = details.get_item("message")?.map_or_else(|| error.to_string().into_pyobject(py).map(Bound::into_any), Ok)?;
    details.del_item("message")?;
    cls.call(PyTuple::new(py, [message])?, Some(&details))
}
