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

/// A reply as JS receives it: `data` and the rest of the contract's `Reply` (camelCase), each
/// as JSON text. Built on the core's threads; the JS thread only makes two strings, and one
/// `JSON.parse` in JS is cheaper than building objects through N-API.
#[napi_derive::napi(object)]
pub struct WireReply {
    pub data: String,
    pub info: String,
}

pub fn reply(r: Reply) -> WireReply {
    let info = r.info(JS).to_string();
    WireReply { data: Box::<str>::from(r.data).into_string(), info }
}
