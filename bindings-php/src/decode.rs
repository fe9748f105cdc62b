//! The API's JSON as PHP values, decoded once in Rust: objects become arrays with string
//! keys, lists become lists, integers `int`, and every other number a numeric string with the
//! exact digits the API sent (`"1561.42"`, for bcmath or brick/math), where `json_decode`
//! would round it to a float.
use std::fmt;

use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::{ArrayKey, ZendHashTable, ZendStr, Zval};
use rustc_hash::FxHashMap;
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

/// The API's data as PHP values (as [`to_php`]), read by the core's envelope decoding
/// (`RawReply::decode_with`): one pass over the body.
pub fn seed() -> Data {
    Data(Builder { numbers: Numbers::Exact, index: FxHashMap::default(), keys: Vec::new() })
}

/// A decode's state, as a seed that owns it.
pub struct Data(Builder);

impl<'de> DeserializeSeed<'de> for Data {
    type Value = Zval;

    fn deserialize<D: Deserializer<'de>>(mut self, d: D) -> Result<Zval, D::Error> {
        Value(&mut self.0).deserialize(d)
    }
}

fn decode(text: &str, numbers: Numbers) -> Result<Zval, String> {
    let mut builder = Builder { numbers, index: FxHashMap::default(), keys: Vec::new() };
    let mut json = serde_json::Deserializer::from_str(text);
    Value(&mut builder).deserialize(&mut json).map_err(|e| format!("the API sent JSON that cannot be read: {e}"))
}

/// What one decode shares: object keys repeat across a page's items, so each distinct key
/// becomes one PHP string (hashed once), which every array holding it references.
struct Builder {
    numbers: Numbers,
    index: FxHashMap<Box<str>, usize>,
    keys: Vec<ZBox<ZendStr>>,
}

/// An object key, as it will be stored.
enum Key {
    /// serde_json's number token (a number follows, when it is the first key).
    Number,
    /// PHP reads `$a["7"]` as `$a[7]`: a key that is an integer is stored as one.
    Int(i64),
    /// One of the decode's shared strings.
    Shared(usize),
}

impl Builder {
    fn key(&mut self, k: &str) -> Key {
        if k == NUMBER_TOKEN {
            return Key::Number;
        }
        if let Some(i) = canonical_int(k) {
            return Key::Int(i);
        }
        if let Some(&at) = self.index.get(k) {
            return Key::Shared(at);
        }
        self.keys.push(ZendStr::new(k, false));
        self.index.insert(k.into(), self.keys.len() - 1);
        Key::Shared(self.keys.len() - 1)
    }

    fn insert(&mut self, table: &mut ZendHashTable, key: Key, value: Zval) -> ext_php_rs::error::Result<()> {
        match key {
            Key::Int(i) => table.insert(i, value),
            Key::Shared(at) => table.insert(ArrayKey::ZendString(&self.keys[at]), value),
            Key::Number => table.insert(NUMBER_TOKEN, value),
        }
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

/// An object's key, looked up in the decode's shared strings without a copy.
struct KeySeed<'b>(&'b mut Builder);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, k: &str) -> Result<Key, E> {
        Ok(self.0.key(k))
    }
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
        while let Some(key) = map.next_key_seed(KeySeed(&mut *self.0))? {
            if first && matches!(key, Key::Number) {
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
