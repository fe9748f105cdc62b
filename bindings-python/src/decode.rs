//! The API's JSON as Python values, decoded once: the core's text is parsed straight into
//! Python objects, with no tree in between (building a `serde_json::Value` first cost more
//! than `json.loads`). Numbers keep their digits: an integer becomes `int`, any other number
//! `decimal.Decimal` of the exact text, as `json.loads(text, parse_float=Decimal)` gives.
use std::fmt;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString};
use rustc_hash::FxHashMap;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// With serde_json's `arbitrary_precision` (the core's money needs it), a number reaches a
/// visitor as a one-entry map under this key, its value the number's text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// JSON text as Python values.
pub fn to_python<'py>(py: Python<'py>, raw: &RawValue) -> PyResult<Bound<'py, PyAny>> {
    let mut builder = Builder { py, keys: FxHashMap::default(), failed: None };
    let mut json = serde_json::Deserializer::from_str(raw.get());
    let built = Value(&mut builder).deserialize(&mut json);
    match (built, builder.failed) {
        (_, Some(e)) => Err(e),
        (Ok(v), None) => Ok(v),
        (Err(e), None) => Err(pyo3::exceptions::PyValueError::new_err(format!("the API sent JSON that cannot be read: {e}"))),
    }
}

/// JSON items (a page's worth) that become a Python list when handed over.
pub struct Items(pub Vec<Box<RawValue>>);

impl<'py> IntoPyObject<'py> for Items {
    type Target = PyList;
    type Output = Bound<'py, PyList>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.0.iter().map(|item| to_python(py, item)).collect::<PyResult<Vec<_>>>()?)
    }
}

/// What one decode shares: object keys repeat across a page's items, so each distinct key
/// becomes one Python string.
struct Builder<'py> {
    py: Python<'py>,
    keys: FxHashMap<String, Bound<'py, PyString>>,
    /// A Python error met while building (serde's errors carry only text).
    failed: Option<PyErr>,
}

impl<'py> Builder<'py> {
    fn ok<T, E: de::Error>(&mut self, r: PyResult<T>) -> Result<T, E> {
        r.map_err(|e| {
            self.failed = Some(e);
            E::custom("a Python error")
        })
    }

    fn key(&mut self, k: &str) -> Bound<'py, PyString> {
        if let Some(found) = self.keys.get(k) {
            return found.clone();
        }
        let s = PyString::new(self.py, k);
        self.keys.insert(k.to_owned(), s.clone());
        s
    }

    fn number(&mut self, text: &str) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        if !text.contains(['.', 'e', 'E']) {
            return match text.parse::<i64>() {
                Ok(i) => Ok(i.into_pyobject(py)?.into_any()),
                Err(_) => py.get_type::<PyInt>().call1((text,)),
            };
        }
        static DECIMAL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let decimal = DECIMAL.get_or_try_init(py, || py.import("decimal")?.getattr("Decimal").map(Bound::unbind))?;
        decimal.bind(py).call1((text,))
    }
}

/// Builds one JSON value.
struct Value<'b, 'py>(&'b mut Builder<'py>);

impl<'de, 'py> DeserializeSeed<'de> for Value<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, 'py> Visitor<'de> for Value<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.0.py.None().into_bound(self.0.py))
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
        Ok(PyBool::new(self.0.py, b).to_owned().into_any())
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Self::Value, E> {
        let r = i.into_pyobject(self.0.py).map(|v| v.into_any()).map_err(PyErr::from);
        self.0.ok(r)
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Self::Value, E> {
        let r = u.into_pyobject(self.0.py).map(|v| v.into_any()).map_err(PyErr::from);
        self.0.ok(r)
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Self::Value, E> {
        let r = self.0.number(&f.to_string());
        self.0.ok(r)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Ok(PyString::new(self.0.py, s).into_any())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let list = PyList::empty(self.0.py);
        while let Some(item) = seq.next_element_seed(Value(self.0))? {
            let r = list.append(item);
            self.0.ok(r)?;
        }
        Ok(list.into_any())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let Some(first) = map.next_key_seed(Key(self.0))? else {
            return Ok(PyDict::new(self.0.py).into_any());
        };
        if first.is_none() {
            let text = map.next_value::<NumberText>()?;
            let r = self.0.number(&text.0);
            return self.0.ok(r);
        }
        let dict = PyDict::new(self.0.py);
        let mut key = first;
        while let Some(k) = key {
            let value = map.next_value_seed(Value(self.0))?;
            let r = dict.set_item(k, value);
            self.0.ok(r)?;
            // The token only marks a number when it comes first; elsewhere it is a plain key.
            key = map.next_key_seed(Key(self.0))?.map(|k| k.unwrap_or_else(|| self.0.key(NUMBER_TOKEN)));
        }
        Ok(dict.into_any())
    }
}

/// An object's key as a shared Python string; None for serde_json's number token.
struct Key<'b, 'py>(&'b mut Builder<'py>);

impl<'de, 'py> DeserializeSeed<'de> for Key<'_, 'py> {
    type Value = Option<Bound<'py, PyString>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, 'py> Visitor<'de> for Key<'_, 'py> {
    type Value = Option<Bound<'py, PyString>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, k: &str) -> Result<Self::Value, E> {
        Ok(if k == NUMBER_TOKEN { None } else { Some(self.0.key(k)) })
    }
}

/// A number's text, as serde_json hands it over with `arbitrary_precision`.
struct NumberText(String);

impl<'de> serde::Deserialize<'de> for NumberText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(NumberText)
    }
}
