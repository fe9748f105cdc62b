//! How a model describes itself: its fields and their types, declared once (by the `model!`
//! macro). The catalog gathers the descriptions; the bindings' generators read them.
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// The type of a field, as the bindings need to know it.
#[derive(Clone, Debug)]
pub enum TypeDesc {
    /// Text, including ids (which are opaque strings).
    Str,
    /// A whole number.
    Int,
    /// true or false.
    Bool,
    /// An exact decimal amount (money, quantities, percentages).
    Decimal,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A UTC timestamp.
    DateTime,
    /// Free-form JSON.
    Json,
    /// A string enum: the known values; others may appear.
    Enum {
        /// The Rust type name.
        name: &'static str,
        /// The known wire values.
        values: &'static [&'static str],
    },
    /// Another model.
    Model {
        /// Its type name.
        name: &'static str,
        /// Its description.
        describe: fn() -> ModelDesc,
    },
    /// A list.
    List(Box<TypeDesc>),
    /// May be absent or null.
    Optional(Box<TypeDesc>),
}

/// One field of a model.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDesc {
    /// The API's field name.
    pub name: &'static str,
    /// Its type.
    pub ty: TypeDesc,
    /// Its rustdoc text.
    pub doc: &'static str,
    /// What the server accepts in it, as the docs state it.
    pub rules: Rules,
}

/// What the server accepts in a field, as the docs state it (lengths, formats, bounds). The
/// contract (`spec/openapi.yaml`) is rendered from these; the client never checks them, since
/// whether a value is acceptable is the server's call.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rules {
    /// Fewest characters.
    pub min_length: Option<u64>,
    /// Most characters.
    pub max_length: Option<u64>,
    /// A named format (`email`).
    pub format: Option<&'static str>,
    /// A regular expression the text matches.
    pub pattern: Option<&'static str>,
    /// Smallest value.
    pub minimum: Option<i64>,
    /// A value the number must exceed.
    pub exclusive_minimum: Option<i64>,
    /// Largest value.
    pub maximum: Option<i64>,
    /// Fewest entries.
    pub min_items: Option<u64>,
    /// Most entries.
    pub max_items: Option<u64>,
    /// The enum values a request may send, when fewer than a response may carry.
    pub accepts: Option<&'static [&'static str]>,
    /// Whether a request may send null (to clear the field).
    pub nullable: Option<bool>,
    /// The value the server uses when a request leaves the field out.
    pub default: Option<bool>,
}

impl Rules {
    /// No rules.
    pub const NONE: Rules = Rules {
        min_length: None,
        max_length: None,
        format: None,
        pattern: None,
        minimum: None,
        exclusive_minimum: None,
        maximum: None,
        min_items: None,
        max_items: None,
        accepts: None,
        nullable: None,
        default: None,
    };

    /// The rules as JSON Schema keywords (`minLength`, `exclusiveMinimum`, …), plus `accepts`
    /// and `nullable`, which a renderer folds into the type.
    pub fn to_json(self) -> Value {
        let mut out = Map::new();
        let mut put = |key: &str, v: Option<Value>| {
            if let Some(v) = v {
                out.insert(key.to_string(), v);
            }
        };
        put("minLength", self.min_length.map(Value::from));
        put("maxLength", self.max_length.map(Value::from));
        put("format", self.format.map(Value::from));
        put("pattern", self.pattern.map(Value::from));
        put("minimum", self.minimum.map(Value::from));
        put("exclusiveMinimum", self.exclusive_minimum.map(Value::from));
        put("maximum", self.maximum.map(Value::from));
        put("minItems", self.min_items.map(Value::from));
        put("maxItems", self.max_items.map(Value::from));
        put("accepts", self.accepts.map(|v| Value::from(v.to_vec())));
        put("nullable", self.nullable.map(Value::from));
        put("default", self.default.map(Value::from));
        Value::Object(out)
    }
}

impl FieldDesc {
    /// Whether the field may be left out (or null).
    pub fn optional(&self) -> bool {
        matches!(self.ty, TypeDesc::Optional(_))
    }
}

/// A model: its name, what it is, and its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelDesc {
    /// The type name (`Invoice`).
    pub name: &'static str,
    /// Its rustdoc text.
    pub doc: &'static str,
    /// Its fields, in the API's order.
    pub fields: Vec<FieldDesc>,
    /// Whether this is a request body (inputs) rather than a response object.
    pub input: bool,
}

/// Implemented by every model type.
pub trait Model {
    /// The model's description.
    fn describe() -> ModelDesc;
}

/// Maps a Rust field type to its [`TypeDesc`].
pub trait FieldType {
    /// The description of this type.
    fn type_desc() -> TypeDesc;
}

macro_rules! leaf {
    ($($t:ty => $d:expr),* $(,)?) => {$(
        impl FieldType for $t { fn type_desc() -> TypeDesc { $d } }
    )*};
}
leaf! {
    String => TypeDesc::Str, i64 => TypeDesc::Int, u64 => TypeDesc::Int, u32 => TypeDesc::Int,
    bool => TypeDesc::Bool, Decimal => TypeDesc::Decimal, NaiveDate => TypeDesc::Date,
    DateTime<Utc> => TypeDesc::DateTime, Value => TypeDesc::Json, Map<String, Value> => TypeDesc::Json,
}

impl<T: FieldType> FieldType for Option<T> {
    fn type_desc() -> TypeDesc {
        TypeDesc::Optional(Box::new(T::type_desc()))
    }
}

impl<T: FieldType> FieldType for Vec<T> {
    fn type_desc() -> TypeDesc {
        TypeDesc::List(Box::new(T::type_desc()))
    }
}

impl PartialEq for TypeDesc {
    /// Models compare by name: a type's description is the same wherever it is named.
    fn eq(&self, other: &Self) -> bool {
        use TypeDesc::*;
        match (self, other) {
            (Str, Str) | (Int, Int) | (Bool, Bool) | (Decimal, Decimal) | (Date, Date) | (DateTime, DateTime) | (Json, Json) => true,
            (Enum { name: a, .. }, Enum { name: b, .. }) | (Model { name: a, .. }, Model { name: b, .. }) => a == b,
            (List(a), List(b)) | (Optional(a), Optional(b)) => a == b,
            _ => false,
        }
    }
}

impl TypeDesc {
    /// The type as structured JSON: `{"kind": "list", "of": {"kind": "model", "name": "LineItem"}}`.
    pub fn to_json(&self) -> Value {
        use serde_json::json;
        let leaf = |kind: &str| json!({ "kind": kind });
        match self {
            TypeDesc::Str => leaf("str"),
            TypeDesc::Int => leaf("int"),
            TypeDesc::Bool => leaf("bool"),
            TypeDesc::Decimal => leaf("decimal"),
            TypeDesc::Date => leaf("date"),
            TypeDesc::DateTime => leaf("datetime"),
            TypeDesc::Json => leaf("json"),
            TypeDesc::Enum { name, .. } => json!({ "kind": "enum", "name": name }),
            TypeDesc::Model { name, .. } => json!({ "kind": "model", "name": name }),
            TypeDesc::List(inner) => json!({ "kind": "list", "of": inner.to_json() }),
            TypeDesc::Optional(inner) => json!({ "kind": "optional", "of": inner.to_json() }),
        }
    }
}

/// What a field of the binding contract holds, as a language layer converts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    Text,
    /// The API token: text that is never shown.
    Secret,
    /// A duration given to the core, in the language's own unit (seconds or milliseconds).
    Duration,
    /// A duration the core reports, in seconds.
    Seconds,
    /// A whole number.
    Count,
    /// true or false.
    Bool,
    /// A proxy URL, or false for none (not even the environment's).
    Proxy,
    /// Header names to values.
    Headers,
    /// Query names to values (text, numbers or booleans).
    Query,
    /// A JSON object.
    Object,
    /// Field names to lists of messages.
    FieldErrors,
    /// The rate-limit state: `limit`, `remaining`, `reset` (seconds).
    RateLimit,
    /// A list's `meta`.
    Meta,
}

/// The default of a contract field, named once where the core keeps it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DefaultValue {
    /// None: left out, or taken from the environment.
    Unset,
    /// Seconds.
    Seconds(f64),
    /// A count.
    Count(u64),
    /// Text.
    Text(&'static str),
}

/// One field of a binding-contract struct: what the generators write into each language.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    /// The core's name (snake case).
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// What it means.
    pub doc: &'static str,
    /// Its default.
    pub default: DefaultValue,
}

impl FieldSpec {
    /// The field as the schema export shows it.
    pub fn to_json(&self) -> Value {
        let default = match self.default {
            DefaultValue::Unset => Value::Null,
            DefaultValue::Seconds(s) => serde_json::json!(s),
            DefaultValue::Count(n) => serde_json::json!(n),
            DefaultValue::Text(t) => serde_json::json!(t),
        };
        serde_json::json!({"name": self.name, "kind": format!("{:?}", self.kind).to_lowercase(), "doc": self.doc.trim(), "default": default})
    }
}
