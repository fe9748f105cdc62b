//! Values across the boundary, generically: the contract's structs arrive as JSON text and
//! leave as arrays; replies leave as `['data' => …, 'info' => …]`.
use blinksale::RequestOptions;
use blinksale::binding::{self, CallOptions, Convention, Reply};
use ext_php_rs::convert::IntoZval;
use ext_php_rs::types::Zval;
use serde_json::Value;

use crate::decode;
use crate::errors::{config, error_value, keyed};

/// Option names in camelCase, durations in seconds (stripe-php's options arrays).
pub const PHP: Convention = Convention::PHP;

pub fn parse(text: Option<&str>, what: &str) -> blinksale::Result<Value> {
    match text {
        None => Ok(Value::Null),
        Some(t) => serde_json::from_str(t).map_err(|e| blinksale::Error::InvalidRequest { message: format!("{what} is not JSON: {e}"), field: None }),
    }
}

/// A query as the core sends it; none is empty.
pub fn query_pairs(text: Option<&str>) -> blinksale::Result<Vec<(String, String)>> {
    match text {
        None => Ok(Vec::new()),
        Some(t) => binding::query_pairs(parse(Some(t), "query")?),
    }
}

pub fn options(text: Option<&str>) -> blinksale::Result<RequestOptions> {
    CallOptions::from_json(parse(text, "options")?, PHP).map(CallOptions::into_request_options)
}

/// A value, or the error value; what every method returns.
pub fn value<T: IntoZval>(r: blinksale::Result<T>) -> Zval {
    match r.map(|v| v.into_zval(false)) {
        Ok(Ok(z)) => z,
        Ok(Err(e)) => config(format!("cannot build the PHP value: {e}")),
        Err(e) => error_value(&e),
    }
}

/// `['data' => …, 'info' => …]`: the reply's data decoded, and the rest of the contract's
/// `Reply` by the core's names (as error details are), serialized straight to text.
pub fn reply(r: Reply) -> Zval {
    match decode::to_php(r.data.get()) {
        Ok(data) => with_info(data, &r),
        Err(message) => config(message),
    }
}

/// A raw reply decoded in one pass (the core's envelope rules, PHP values built as the JSON
/// is read), as `reply` returns it.
pub fn decoded(raw: binding::RawReply) -> Zval {
    match raw.decode_with(decode::seed()) {
        Ok((data, r)) => with_info(data, &r),
        Err(e) => error_value(&e),
    }
}

/// The data and the reply's other fields, as `reply` returns them.
fn with_info(data: Zval, r: &Reply) -> Zval {
    let info = serde_json::to_string(r).unwrap_or_else(|_| "{}".into());
    let info = match decode::contract_to_php(&info) {
        Ok(info) => info,
        Err(message) => return config(message),
    };
    let mut out = keyed("data", data);
    if let Some(table) = out.array_mut() {
        let _ = table.insert("info", info);
    }
    out
}
