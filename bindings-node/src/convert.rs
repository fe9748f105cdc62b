//! JS values for the contract: settings, options, queries and bodies arrive as JSON text (the
//! TS layer's `JSON.stringify` drops `undefined` and functions); replies leave as objects.
use blinksale::binding::{Convention, Reply};
use serde_json::Value;

/// The convention of this language: camelCase names, milliseconds.
pub const JS: Convention = Convention::NODE;

fn invalid(message: String) -> blinksale::Error {
    blinksale::Error::InvalidRequest { message, field: None }
}

/// JSON text from the TS layer; absent means null.
pub fn parse(text: Option<&str>, what: &str) -> blinksale::Result<Value> {
    match text {
        None => Ok(Value::Null),
        Some(t) => serde_json::from_str(t).map_err(|e| invalid(format!("{what} is not JSON: {e}"))),
    }
}

/// A reply as JS receives it: the contract's `Reply` as an object, `data` as JSON text (one
/// `JSON.parse` in JS is cheaper than building the objects through N-API).
pub fn reply(r: Reply) -> Value {
    let mut out = r.info(JS);
    if let Value::Object(map) = &mut out {
        map.insert("data".into(), Value::String(Box::<str>::from(r.data).into_string()));
    }
    out
}
