//! How a language names the contract's fields and measures time: the only difference between
//! the layers that the core needs to know.
use serde_json::{Map, Value};

/// The case of the contract's field names in a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// `max_retries` (Python, PHP arrays, the CLI).
    Snake,
    /// `maxRetries` (JavaScript, PHP options).
    Camel,
}

/// The unit of durations a language passes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    /// Seconds (Python, PHP).
    Seconds,
    /// Milliseconds (JavaScript).
    Millis,
}

impl TimeUnit {
    pub(crate) fn per_second(self) -> f64 {
        match self {
            TimeUnit::Seconds => 1.0,
            TimeUnit::Millis => 1000.0,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            TimeUnit::Seconds => "seconds",
            TimeUnit::Millis => "milliseconds",
        }
    }
}

/// A language's naming and time unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Convention {
    /// How field names are written.
    pub case: Case,
    /// How durations are given.
    pub time: TimeUnit,
}

impl Convention {
    /// Python: `max_retries`, seconds.
    pub const PYTHON: Convention = Convention { case: Case::Snake, time: TimeUnit::Seconds };
    /// JavaScript: `maxRetries`, milliseconds.
    pub const NODE: Convention = Convention { case: Case::Camel, time: TimeUnit::Millis };
    /// PHP (options arrays, as stripe-php): `maxRetries`, seconds.
    pub const PHP: Convention = Convention { case: Case::Camel, time: TimeUnit::Seconds };

    /// A core name (`max_retries`) in this language's case.
    pub fn name(&self, core: &str) -> String {
        match self.case {
            Case::Snake => core.to_string(),
            Case::Camel => camel(core),
        }
    }

    /// A contract struct serialized with its own field names in this language's case. Only
    /// the top level is renamed: values (API data, header and field names) stay as they are.
    pub fn rename_fields(&self, value: Value) -> Value {
        match (self.case, value) {
            (Case::Camel, Value::Object(map)) => Value::Object(map.into_iter().map(|(k, v)| (camel(&k), v)).collect::<Map<_, _>>()),
            (_, other) => other,
        }
    }
}

fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A name in either case, as the core spells it (`maxRetries` → `max_retries`).
pub(crate) fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in ["max_retries", "rate_limit_store_prefix", "timeout", "request_id"] {
            assert_eq!(snake(&Convention::NODE.name(name)), name);
        }
        assert_eq!(Convention::NODE.name("rate_limit_store_prefix"), "rateLimitStorePrefix");
    }
}
