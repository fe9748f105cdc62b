//! Request-body validation with Laravel-style messages, one table of fields per resource.
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::money;
use crate::reply::{ApiError, FieldErrors};

/// When a field must be present.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Never required.
    No,
    /// Required on create; optional on update (updates are partial).
    OnCreate,
    /// Required on create and update (the docs' own PUT pages say so).
    Always,
}

/// What a field may hold.
#[derive(Clone, Copy)]
pub enum Kind {
    Text(usize),
    Email,
    Enum(&'static [&'static str]),
    Currency,
    /// A number with a lower bound (inclusive unless `exclusive`) and an upper bound.
    Number {
        min: i64,
        exclusive: bool,
        max: Option<i64>,
    },
    Int {
        min: i64,
    },
    Bool,
    Date,
    Object,
    Array,
    Id,
}

/// One field of a request body.
#[derive(Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub need: Need,
    pub nullable: bool,
}

pub const fn field(name: &'static str, kind: Kind, need: Need, nullable: bool) -> Field {
    Field { name, kind, need, nullable }
}

/// Money: zero or more, below a trillion.
pub const MONEY: Kind = Kind::Number { min: 0, exclusive: false, max: Some(MAX_AMOUNT) };
/// Strictly positive money.
pub const POSITIVE: Kind = Kind::Number { min: 0, exclusive: true, max: Some(MAX_AMOUNT) };
pub const PERCENT: Kind = Kind::Number { min: 0, exclusive: false, max: Some(100) };
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;

/// Collects messages for every field, so a 422 lists them all at once.
#[derive(Default)]
pub struct Checker {
    pub errors: FieldErrors,
}

impl Checker {
    pub fn add(&mut self, name: &str, message: impl Into<String>) {
        self.errors.entry(name.to_string()).or_default().push(message.into());
    }

    /// Checks `body` against `fields`; `prefix` names nested fields (`line_items.0.`).
    pub fn check(&mut self, body: &Map<String, Value>, fields: &[Field], creating: bool, prefix: &str) {
        for f in fields {
            let name = format!("{prefix}{}", f.name);
            match body.get(f.name) {
                None => {
                    if f.need == Need::Always || (creating && f.need == Need::OnCreate) {
                        self.add(&name, format!("The {} field is required.", f.name));
                    }
                }
                Some(Value::Null) => {
                    if !f.nullable {
                        if f.need == Need::No {
                            self.add(&name, format!("The {} field may not be null.", f.name));
                        } else {
                            self.add(&name, format!("The {} field is required.", f.name));
                        }
                    }
                }
                Some(v) => {
                    if let Err(msg) = check_kind(f.name, f.kind, v) {
                        self.add(&name, msg);
                    }
                }
            }
        }
    }

    pub fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() { Ok(()) } else { Err(ApiError::Validation(self.errors)) }
    }
}

fn check_kind(name: &str, kind: Kind, v: &Value) -> Result<(), String> {
    match kind {
        Kind::Text(_) | Kind::Id if !v.is_string() => Err(format!("The {name} must be a string.")),
        Kind::Text(max) => {
            let s = v.as_str().unwrap_or_default();
            if s.chars().count() > max {
                Err(format!("The {name} may not be greater than {max} characters."))
            } else if s.trim().is_empty() {
                Err(format!("The {name} field is required."))
            } else {
                Ok(())
            }
        }
        Kind::Id => {
            if v.as_str().is_some_and(|s| !s.is_empty()) {
                Ok(())
            } else {
                Err(format!("The {name} field is required."))
            }
        }
        Kind::Email => match v.as_str() {
            Some(s) if is_email(s) => Ok(()),
            _ => Err(format!("The {name} must be a valid email address.")),
        },
        Kind::Enum(values) => match v.as_str() {
            Some(s) if values.contains(&s) => Ok(()),
            _ => Err(format!("The selected {name} is invalid.")),
        },
        Kind::Currency => match v.as_str() {
            Some(s) if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) => Ok(()),
            _ => Err(format!("The {name} must be a 3-letter ISO 4217 code.")),
        },
        Kind::Number { min, exclusive, max } => {
            let Some(d) = money::parse(v) else {
                return Err(if v.is_number() {
                    format!("The {name} must have at most 28 significant digits.")
                } else {
                    format!("The {name} must be a number.")
                });
            };
            let lo = Decimal::from(min);
            if exclusive && d <= lo {
                return Err(format!("The {name} must be greater than {min}."));
            }
            if d < lo {
                return Err(format!("The {name} must be at least {min}."));
            }
            if let Some(hi) = max
                && d > Decimal::from(hi)
            {
                return Err(format!("The {name} may not be greater than {hi}."));
            }
            Ok(())
        }
        Kind::Int { min } => match v.as_i64() {
            Some(i) if i >= min => Ok(()),
            Some(_) => Err(format!("The {name} must be at least {min}.")),
            None => Err(format!("The {name} must be an integer.")),
        },
        Kind::Bool => {
            if v.is_boolean() {
                Ok(())
            } else {
                Err(format!("The {name} field must be true or false."))
            }
        }
        Kind::Date => match v.as_str().and_then(parse_date) {
            Some(_) => Ok(()),
            None => Err(format!("The {name} is not a valid date (YYYY-MM-DD).")),
        },
        Kind::Object => {
            if v.is_object() {
                Ok(())
            } else {
                Err(format!("The {name} must be an object."))
            }
        }
        Kind::Array => {
            if v.is_array() {
                Ok(())
            } else {
                Err(format!("The {name} must be an array."))
            }
        }
    }
}

/// A plain `local@domain.tld` check: enough to catch the typos a 422 is for.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && s.len() <= 255
}

pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The body as an object, or a 422 saying it must be one.
pub fn object(body: &Value) -> Result<&Map<String, Value>, ApiError> {
    body.as_object().ok_or_else(|| ApiError::field("body", "The request body must be a JSON object."))
}
