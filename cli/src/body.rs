//! Request bodies and query pairs from the command line: `--data`, `--field` and `key=value`.
//! Values are typed by the operation's model so `--field amount=120.50` sends a number; whether
//! a value is acceptable stays the server's call (and the core checks JSON types).
use std::io::Read;

use blinksale::schema::{ModelDesc, TypeDesc};
use serde_json::{Map, Value};

use crate::exit::Failure;

/// The body from `--data` (JSON text, `@file` or `-` for stdin), then each `--field` on top.
pub fn build(model: Option<&ModelDesc>, data: Option<&str>, fields: &[String]) -> Result<Option<Value>, Failure> {
    let mut body = match data {
        None => None,
        Some(text) => Some(parse_data(text)?),
    };
    if fields.is_empty() {
        return Ok(body);
    }
    let map = match body.get_or_insert_with(|| Value::Object(Map::new())) {
        Value::Object(map) => map,
        _ => return Err(Failure::usage("--field needs --data to be a JSON object")),
    };
    for field in fields {
        let (key, value) = field_value(model, field)?;
        map.insert(key, value);
    }
    Ok(body)
}

fn parse_data(text: &str) -> Result<Value, Failure> {
    let (source, raw) = if text == "-" {
        let mut raw = String::new();
        std::io::stdin().read_to_string(&mut raw).map_err(|e| Failure::usage(format!("--data -: cannot read stdin: {e}")))?;
        ("stdin".to_string(), raw)
    } else if let Some(path) = text.strip_prefix('@') {
        let raw = std::fs::read_to_string(path).map_err(|e| Failure::usage(format!("--data @{path}: {e}")))?;
        (path.to_string(), raw)
    } else {
        ("--data".to_string(), text.to_string())
    };
    serde_json::from_str(&raw).map_err(|e| Failure::usage(format!("{source} is not JSON: {e}")))
}

/// `key=value` typed by the model's field, or `key:=json` taken as JSON.
fn field_value(model: Option<&ModelDesc>, field: &str) -> Result<(String, Value), Failure> {
    if let Some((key, json)) = field.split_once(":=")
        && !key.contains('=')
    {
        let value = serde_json::from_str(json).map_err(|e| Failure::usage(format!("--field {key}:= is not JSON: {e}")))?;
        return Ok((key.to_string(), value));
    }
    let (key, text) = field.split_once('=').ok_or_else(|| Failure::usage(format!("--field {field:?}: expected key=value or key:=json")))?;
    if key.is_empty() {
        return Err(Failure::usage(format!("--field {field:?}: the key is empty")));
    }
    let ty = model.and_then(|m| m.fields.iter().find(|f| f.name == key)).map(|f| &f.ty);
    Ok((key.to_string(), typed(ty, text)))
}

/// Text as the JSON the field's type takes. Text that does not fit is sent as a string, and the
/// core refuses a wrong JSON type before any request.
pub fn typed(ty: Option<&TypeDesc>, text: &str) -> Value {
    let Some(ty) = ty else { return Value::String(text.to_string()) };
    match ty {
        TypeDesc::Optional(_) if text == "null" => Value::Null,
        TypeDesc::Optional(inner) => typed(Some(inner), text),
        // Exact: serde_json keeps the number's text as written.
        TypeDesc::Int | TypeDesc::Decimal => {
            text.trim().parse::<serde_json::Number>().map(Value::Number).unwrap_or_else(|_| Value::String(text.into()))
        }
        TypeDesc::Bool => match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(text.into()),
        },
        TypeDesc::Json | TypeDesc::Model { .. } | TypeDesc::List(_) => serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.into())),
        TypeDesc::Str | TypeDesc::Date | TypeDesc::DateTime | TypeDesc::Enum { .. } => Value::String(text.into()),
    }
}

/// `key=value` pairs for the query string.
pub fn pairs(values: &[String], flag: &str) -> Result<Vec<(String, String)>, Failure> {
    values
        .iter()
        .map(|kv| {
            kv.split_once('=')
                .filter(|(k, _)| !k.is_empty())
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .ok_or_else(|| Failure::usage(format!("{flag} {kv:?}: expected key=value")))
        })
        .collect()
}
