//! Core errors cross as values: `['error' => details]`, the core's `ErrorDetails` as an array
//! (the core's snake-case names). The PHP layer throws the class generated for `details['code']`.
use ext_php_rs::types::{ZendHashTable, Zval};

/// `['error' => details]` for a core error.
pub fn error_value(e: &blinksale::Error) -> Zval {
    let details = crate::decode::contract_to_php(&e.to_json().to_string()).unwrap_or_else(|_| Zval::null());
    keyed("error", details)
}

/// `[key => value]`.
pub fn keyed(key: &str, value: Zval) -> Zval {
    let mut table = ZendHashTable::new();
    let mut out = Zval::new();
    if table.insert(key, value).is_ok() {
        out.set_hashtable(table);
    }
    out
}

/// A configuration error's value, for failures outside the core (the runtime).
pub fn config(message: String) -> Zval {
    error_value(&blinksale::Error::Config(message))
}
