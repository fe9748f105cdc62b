//! Checks request bodies against their model before anything is sent, so bad input gets a
//! clear [`Error::InvalidRequest`] naming the field. Rust and the bindings share this check.
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::schema::{self, ModelDesc, Rule, TypeDesc};

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
        (TypeDesc::Model(name), Value::Object(_)) => {
            if let Some(desc) = schema::model(name) {
                normalize(&desc, v);
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

/// Validates a JSON body against a request model.
pub fn body(model: &ModelDesc, body: &Value) -> Result<()> {
    let Value::Object(map) = body else {
        return Err(Error::InvalidRequest { message: format!("the {} body must be a JSON object", model.name), field: None });
    };
    object(model, map, "")
}

fn object(model: &ModelDesc, map: &Map<String, Value>, prefix: &str) -> Result<()> {
    for f in &model.fields {
        let name = format!("{prefix}{}", f.name);
        let (ty, optional) = match &f.ty {
            TypeDesc::Optional(inner) => (inner.as_ref(), true),
            other => (other, false),
        };
        match map.get(f.name) {
            None | Some(Value::Null) if optional => {}
            None | Some(Value::Null) => return Err(Error::invalid(name, "is required")),
            Some(v) => value(ty, f.rule, v, &name)?,
        }
    }
    Ok(())
}

fn value(ty: &TypeDesc, rule: Rule, v: &Value, name: &str) -> Result<()> {
    match ty {
        TypeDesc::Str | TypeDesc::Enum { .. } => {
            let s = v.as_str().ok_or_else(|| Error::invalid(name, "must be a string"))?;
            text_rule(rule, s, name)
        }
        TypeDesc::Int => v.as_i64().map(|_| ()).ok_or_else(|| Error::invalid(name, "must be a whole number")),
        TypeDesc::Bool => v.as_bool().map(|_| ()).ok_or_else(|| Error::invalid(name, "must be true or false")),
        TypeDesc::Decimal => {
            let d = decimal(v).ok_or_else(|| Error::invalid(name, "must be a number"))?;
            number_rule(rule, d, name)
        }
        TypeDesc::Date => match v.as_str() {
            Some(s) if s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() => Ok(()),
            _ => Err(Error::invalid(name, "must be a date, YYYY-MM-DD")),
        },
        TypeDesc::DateTime => match v.as_str().map(chrono::DateTime::parse_from_rfc3339) {
            Some(Ok(_)) => Ok(()),
            _ => Err(Error::invalid(name, "must be an RFC 3339 timestamp")),
        },
        TypeDesc::Json => Ok(()),
        TypeDesc::Model(m) => {
            let desc = schema::model(m).ok_or_else(|| Error::invalid(name, "has an unknown model"))?;
            let map = v.as_object().ok_or_else(|| Error::invalid(name, "must be an object"))?;
            object(&desc, map, &format!("{name}."))
        }
        TypeDesc::List(inner) => {
            let items = v.as_array().ok_or_else(|| Error::invalid(name, "must be a list"))?;
            if rule == Rule::NonEmpty && items.is_empty() {
                return Err(Error::invalid(name, "must have at least one item"));
            }
            items.iter().enumerate().try_for_each(|(i, item)| value(inner, Rule::None, item, &format!("{name}[{i}]")))
        }
        TypeDesc::Optional(inner) => {
            if v.is_null() { Ok(()) } else { value(inner, rule, v, name) }
        }
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

fn text_rule(rule: Rule, s: &str, name: &str) -> Result<()> {
    match rule {
        Rule::NonEmpty if s.trim().is_empty() => Err(Error::invalid(name, "must not be empty")),
        Rule::Email if !is_email(s) => Err(Error::invalid(name, format!("{s:?} is not a valid email address"))),
        Rule::Currency if !(s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())) => {
            Err(Error::invalid(name, format!("{s:?} is not a 3-letter ISO 4217 currency code")))
        }
        _ => Ok(()),
    }
}

fn number_rule(rule: Rule, d: Decimal, name: &str) -> Result<()> {
    match rule {
        Rule::Positive if d <= Decimal::ZERO => Err(Error::invalid(name, format!("must be greater than 0, got {d}"))),
        Rule::NonNegative if d < Decimal::ZERO => Err(Error::invalid(name, format!("must not be negative, got {d}"))),
        Rule::Percent if d < Decimal::ZERO || d > Decimal::ONE_HUNDRED => {
            Err(Error::invalid(name, format!("must be a percentage from 0 to 100, got {d}")))
        }
        _ => Ok(()),
    }
}

/// `local@domain.tld`, without spaces: enough to catch typos before a round trip.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Validates `page` and `per_page` in a list query given as pairs (the bindings' path).
pub fn list_query(query: &[(String, String)]) -> Result<()> {
    let num = |name: &str| -> Result<Option<u64>> {
        match query.iter().rev().find(|(k, _)| k == name) {
            None => Ok(None),
            Some((_, v)) => v.trim().parse::<u64>().map(Some).map_err(|_| Error::invalid(name, format!("must be a whole number, got {v:?}"))),
        }
    };
    page_params(num("page")?, num("per_page")?)
}

/// Validates `page` and `per_page` before a list request.
pub fn page_params(page: Option<u64>, per_page: Option<u64>) -> Result<()> {
    if page == Some(0) {
        return Err(Error::invalid("page", "pages start at 1"));
    }
    if let Some(n) = per_page {
        if !(1..=100).contains(&n) {
            return Err(Error::invalid("per_page", format!("must be from 1 to 100, got {n}")));
        }
    }
    Ok(())
}
