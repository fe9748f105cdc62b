//! Python values to JSON for request bodies and queries. Money stays exact: a `Decimal`
//! or a float becomes a JSON number with the same digits (`repr`), never a rounded double.
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

pub fn to_json(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>() {
        return number(&obj.repr()?.to_string());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_string()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let key = k.cast::<PyString>().map_err(|_| PyTypeError::new_err("dict keys must be strings"))?;
            map.insert(key.to_string(), to_json(&v)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        return obj.try_iter()?.map(|item| to_json(&item?)).collect::<PyResult<Vec<_>>>().map(Value::Array);
    }
    let py = obj.py();
    if obj.is_instance(&PyModule::import(py, "decimal")?.getattr("Decimal")?)? {
        return number(&obj.str()?.to_string());
    }
    let datetime = PyModule::import(py, "datetime")?;
    if obj.is_instance(&datetime.getattr("date")?)? {
        // datetime is a date too; both have isoformat().
        return Ok(Value::String(obj.call_method0("isoformat")?.to_string()));
    }
    if obj.is_instance(&PyModule::import(py, "enum")?.getattr("Enum")?)? {
        return to_json(&obj.getattr("value")?);
    }
    if obj.hasattr("_blinksale_raw")? {
        return to_json(&obj.call_method0("_blinksale_raw")?);
    }
    Err(PyTypeError::new_err(format!("cannot send a value of type {} to the API", obj.get_type().name()?)))
}

fn number(text: &str) -> PyResult<Value> {
    text.parse::<Number>().map(Value::Number).map_err(|_| PyValueError::new_err(format!("{text} is not a finite number")))
}

/// Query values: strings as they are, other values as their JSON text.
pub fn query(pairs: Vec<(String, Bound<'_, PyAny>)>) -> PyResult<Vec<(String, String)>> {
    pairs
        .into_iter()
        .map(|(k, v)| {
            let s = match to_json(&v)? {
                Value::String(s) => s,
                Value::Bool(b) => b.to_string(),
                other => other.to_string(),
            };
            Ok((k, s))
        })
        .collect()
}
