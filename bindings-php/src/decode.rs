//! The API's JSON as PHP values, decoded once in Rust: objects become arrays with string
//! keys, lists become lists, integers `int`, and every other number a numeric string with the
//! exact digits the API sent (`"1561.42"`, for bcmath or brick/math), where `json_decode`
//! would round it to a float.
use std::fmt;

use std::collections::HashMap;

use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::{ArrayKey, ZendHashTable, ZendStr, Zval};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// With serde_json's `arbitrary_precision` (the core's money needs it), a number reaches a
/// visitor as a one-entry map under this key, its value the number's text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The API's data as a PHP value (non-integers as exact numeric strings); an error says why
/// the text is not JSON.
pub fn to_php(text: &str) -> Result<Zval, String> {
    decode(text, Numbers::Exact)
}

/// One of the contract's structs (reply info, error details) as a PHP value: they carry no
/// money, so a non-integer (seconds to wait) is a float.
pub fn contract_to_php(text: &str) -> Result<Zval, String> {
    decode(text, Numbers::Float)
}

fn decode(text: &str, numbers: Numbers) -> Result<Zval, String> {
    let mut builder = Builder { numbers, keys: HashMap::new() };
    let mut json = serde_json::Deserializer::from_str(text);
    Value(&mut builder).deserialize(&mut json).map_err(|e| format!("the API sent JSON that cannot be read: {e}"))
}

/// What one decode shares: object keys repeat across a page's items, so each distinct key
/// becomes one PHP string (hashed once), which every array holding it references.
struct Builder {
    numbers: Numbers,
    keys: HashMap<String, ZBox<ZendStr>>,
}

impl Builder {
    fn insert(&mut self, table: &mut ZendHashTable, key: String, value: Zval) -> ext_php_rs::error::Result<()> {
        if let Some(i) = canonical_int(&key) {
            // PHP reads `$a["7"]` as `$a[7]`: a key that is an integer must be stored as one.
            return table.insert(i, value);
        }
        let shared = self.keys.entry(key).or_insert_with_key(|k| ZendStr::new(k, false));
        table.insert(ArrayKey::ZendString(shared), value)
    }
}

/// What a number that is not an integer becomes.
#[derive(Clone, Copy)]
enum Numbers {
    Exact,
    Float,
}

fn number(text: &str, numbers: Numbers) -> Zval {
    let mut z = Zval::new();
    match (text.parse::<i64>(), numbers) {
        (Ok(i), _) if !text.contains(['.', 'e', 'E']) => z.set_long(i),
        (_, Numbers::Float) => z.set_double(text.parse::<f64>().unwrap_or(f64::NAN)),
        (_, Numbers::Exact) => string(&mut z, text),
    }
    z
}

fn string(z: &mut Zval, s: &str) {
    // Fails only for a string with an interior NUL in a persistent string; ours are not.
    if z.set_string(s, false).is_err() {
        z.set_null();
    }
}

fn fail<E: de::Error>(e: ext_php_rs::error::Error) -> E {
    E::custom(format!("cannot build the PHP value: {e}"))
}

/// The integer a key names, if PHP would treat it as one (`"7"`, not `"07"` or `"7.0"`).
fn canonical_int(key: &str) -> Option<i64> {
    let first = *key.as_bytes().first()?;
    if !(first.is_ascii_digit() || first == b'-') {
        return None;
    }
    key.parse::<i64>().ok().filter(|i| i.to_string() == key)
}

struct Value<'b>(&'b mut Builder);

impl<'de> DeserializeSeed<'de> for Value<'_> {
    type Value = Zval;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Zval, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Value<'_> {
    type Value = Zval;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Zval, E> {
        Ok(Zval::null())
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Zval, E> {
        let mut z = Zval::new();
        z.set_bool(b);
        Ok(z)
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Zval, E> {
        let mut z = Zval::new();
        z.set_long(i);
        Ok(z)
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Zval, E> {
        Ok(number(&u.to_string(), self.0.numbers))
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Zval, E> {
        Ok(number(&f.to_string(), self.0.numbers))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Zval, E> {
        let mut z = Zval::new();
        string(&mut z, s);
        Ok(z)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Zval, A::Error> {
        let mut list = ZendHashTable::new();
        while let Some(item) = seq.next_element_seed(Value(self.0))? {
            list.push(item).map_err(fail)?;
        }
        let mut z = Zval::new();
        z.set_hashtable(list);
        Ok(z)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Zval, A::Error> {
        let mut table = ZendHashTable::new();
        let mut first = true;
        while let Some(key) = map.next_key::<String>()? {
            if first && key == NUMBER_TOKEN {
                return Ok(number(&map.next_value::<String>()?, self.0.numbers));
            }
            first = false;
            let value = map.next_value_seed(Value(self.0))?;
            self.0.insert(&mut table, key, value).map_err(fail)?;
        }
        let mut z = Zval::new();
        z.set_hashtable(table);
        Ok(z)
    }
}
