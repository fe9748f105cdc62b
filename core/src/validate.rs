//! Checks request bodies before anything is sent, but only for what cannot be sent: a body
//! that is not an object, or a value of the wrong JSON type. Whether a value is acceptable
//! (email form, ranges, currency codes, required fields of inferred operations) is the
//! server's call: its 422 comes back as [`Error::Validation`] with the field messages.
//! Rust and the bindings share this check.
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::catalog;
use crate::describe::{ModelDesc, TypeDesc};
use crate::error::{Error, Result};

/// Puts a body in the API's form before it is checked: money given as a numeric string
/// becomes a JSON number with the same digits, and a timestamp given for a date field
/// becomes its date. Bindings pass what users typed; this decides what is sent.
pub fn normalize(model: &ModelDesc, body: &mut Value) {
    let Value::Object(map) = body else { return };
    for f in &model.fields {
        if let Some(v) = map.get_mut(f.name) {
            normalize_value(&f.ty, v);
        }
    }
}

fn normalize_value(ty: &TypeDesc, v: &mut Value) {
    match (ty, &*v) {
        (TypeDesc::Optional(inner), _) => normalize_value(inner, v),
        (TypeDesc::Decimal, Value::String(s)) => {
            if let Ok(n) = s.trim().parse::<serde_json::Number>() {
                *v = Value::Number(n);
            }
        }
        (TypeDesc::Date, Value::String(s)) if s.len() > 10 && matches!(s.as_bytes()[10], b'T' | b' ') => {
            *v = Value::String(s[..10].to_string());
        }
        (TypeDesc::Model { name, .. }, Value::Object(_)) => {
            if let Some(desc) = catalog::model(name) {
                normalize(desc, v);
            }
        }
        (TypeDesc::List(inner), Value::Array(_)) => {
            if let Value::Array(items) = v {
                items.iter_mut().for_each(|item| normalize_value(inner, item));
            }
        }
        _ => {}
    }
}

/// Checks a JSON body against a request model: an object, with every known field of the
/// right JSON type. `required` also checks that required fields are present: only for
/// documented operations, whose required fields are known.
pub fn body(model: &ModelDesc, body: &Value, required: bool) -> Result<()> {
    let Value::Object(map) = body else {
        return Err(Error::InvalidRequest { message: format!("the {} body must be a JSON object", model.name), field: None });
    };
    object(model, map, "", required)
}

fn object(model: &ModelDesc, map: &Map<String, Value>, prefix: &str, required: bool) -> Result<()> {
    for f in &model.fields {
        let (ty, optional) = match &f.ty {
            TypeDesc::Optional(inner) => (inner.as_ref(), true),
            other => (other, false),
        };
        match map.get(f.name) {
            None | Some(Value::Null) if optional || !required => {}
            None | Some(Value::Null) => return Err(Error::invalid(format!("{prefix}{}", f.name), "is required")),
            Some(v) => value(ty, v, &format!("{prefix}{}", f.name), required)?,
        }
    }
    Ok(())
}

fn value(ty: &TypeDesc, v: &Value, name: &str, required: bool) -> Result<()> {
    let ok = match ty {
        TypeDesc::Str | TypeDesc::Enum { .. } => v.is_string(),
        TypeDesc::Int => v.is_i64() || v.is_u64(),
        TypeDesc::Bool => v.is_boolean(),
        TypeDesc::Decimal => decimal(v).is_some(),
        // Dates and timestamps are strings on the wire; their form is the server's to judge.
        TypeDesc::Date | TypeDesc::DateTime => v.is_string(),
        TypeDesc::Json => true,
        TypeDesc::Model { name: m, .. } => {
            let Some(map) = v.as_object() else { return Err(Error::invalid(name, "must be an object")) };
            let desc = catalog::model(m).ok_or_else(|| Error::invalid(name, "has an unknown model"))?;
            return object(desc, map, &format!("{name}."), required);
        }
        TypeDesc::List(inner) => {
            let Some(items) = v.as_array() else { return Err(Error::invalid(name, "must be a list")) };
            return items.iter().enumerate().try_for_each(|(i, item)| value(inner, item, &format!("{name}[{i}]"), required));
        }
        TypeDesc::Optional(inner) => return if v.is_null() { Ok(()) } else { value(inner, v, name, required) },
    };
    if ok { Ok(()) } else { Err(Error::invalid(name, format!("must be {}, got {}", expected(ty), json_kind(v)))) }
}

fn expected(ty: &TypeDesc) -> &'static str {
    match ty {
        TypeDesc::Str | TypeDesc::Enum { .. } | TypeDesc::Date | TypeDesc::DateTime => "a string",
        TypeDesc::Int => "a whole number",
        TypeDesc::Bool => "true or false",
        TypeDesc::Decimal => "a number",
        _ => "a JSON value",
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A JSON number (or numeric string) as an exact decimal.
pub fn decimal(v: &Value) -> Option<Decimal> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        _ => return None,
    };
    text.parse::<Decimal>().ok().or_else(|| Decimal::from_scientific(&text).ok())
}
