//! Python values to JSON and back, generically: request bodies, queries, the contract's
//! structs. Money stays exact: a `Decimal` or a float becomes a JSON number with the same
//! digits (`repr`), never a rounded double.
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
    other(obj)
}

/// Decimals, dates, enums and models: the types that need an import to recognize.
fn other(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
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

/// JSON to Python: what the contract's structs become (numbers as int or float; they carry
/// no money).
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => PyList::new(py, items.iter().map(|v| to_py(py, v)).collect::<PyResult<Vec<_>>>()?)?.into_any(),
        Value::Object(map) => {
            let d = PyDict::new(py);
            for (k, v) in map {
                d.set_item(k, to_py(py, v)?)?;
            }
            d.into_any()
        }
    })
}
