//! Exact decimal arithmetic on JSON numbers.
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

/// Parses a JSON number exactly (serde_json keeps the literal text).
pub fn parse(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => {
            let text = n.to_string();
            text.parse::<Decimal>().ok().or_else(|| Decimal::from_scientific(&text).ok())
        }
        _ => None,
    }
}

/// Reads a money field of a stored record; absent or null is zero.
pub fn get(record: &serde_json::Map<String, Value>, key: &str) -> Decimal {
    record.get(key).and_then(parse).unwrap_or(Decimal::ZERO)
}

/// A decimal as a JSON number, without trailing zeros.
pub fn to_json(d: Decimal) -> Value {
    serde_json::to_value(d.normalize()).unwrap_or(Value::Null)
}

/// Rounds to cents, half away from zero.
pub fn cents(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// `amount × percent / 100`, rounded to cents.
pub fn percent_of(amount: Decimal, percent: Decimal) -> Decimal {
    cents(amount.checked_mul(percent).unwrap_or(Decimal::ZERO) / Decimal::ONE_HUNDRED)
}
