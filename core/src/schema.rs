//! Field descriptions of every model, declared once (by the `model!` macro) and read by the
//! bindings: Python and Node convert values and write their type stubs from them.
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// The type of a field, as the bindings need to know it.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// Another model, by name.
    Model(&'static str),
    /// A list.
    List(Box<TypeDesc>),
    /// May be absent or null.
    Optional(Box<TypeDesc>),
}

/// One field of a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDesc {
    /// The API's field name.
    pub name: &'static str,
    /// Its type.
    pub ty: TypeDesc,
    /// Its rustdoc text.
    pub doc: &'static str,
}

impl FieldDesc {
    /// Whether the field may be left out (or null).
    pub fn optional(&self) -> bool {
        matches!(self.ty, TypeDesc::Optional(_))
    }
}

/// A model: its name, what it is, and its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// Every model of the API, responses and request bodies, for the bindings' generators.
pub fn models() -> Vec<ModelDesc> {
    use crate::resources::*;
    vec![
        Address::describe(),
        ClientProfile::describe(),
        DocumentDefaults::describe(),
        Client::describe(),
        NewClient::describe(),
        ClientUpdate::describe(),
        Contact::describe(),
        ContactInput::describe(),
        Tax::describe(),
        NewTax::describe(),
        TaxUpdate::describe(),
        Unit::describe(),
        UnitInput::describe(),
        Item::describe(),
        NewItem::describe(),
        ItemUpdate::describe(),
        LineItem::describe(),
        LineItemInput::describe(),
        Organization::describe(),
        Estimate::describe(),
        NewEstimate::describe(),
        EstimateUpdate::describe(),
        Invoice::describe(),
        NewInvoice::describe(),
        InvoiceUpdate::describe(),
        Payment::describe(),
        NewPayment::describe(),
        PaymentUpdate::describe(),
        ApplyPayment::describe(),
        AppliedPayment::describe(),
        RecurringTemplate::describe(),
        RecurringInvoice::describe(),
        NewRecurringInvoice::describe(),
        RecurringInvoiceUpdate::describe(),
        RecurringStatusInput::describe(),
    ]
}

/// Looks a model up by name.
pub fn model(name: &str) -> Option<ModelDesc> {
    models().into_iter().find(|m| m.name == name)
}

impl TypeDesc {
    /// A compact type code for generators: `str`, `decimal`, `model:Client`,
    /// `list:model:LineItem`, `optional:date`, `enum:InvoiceStatus`, ….
    pub fn code(&self) -> String {
        match self {
            TypeDesc::Str => "str".into(),
            TypeDesc::Int => "int".into(),
            TypeDesc::Bool => "bool".into(),
            TypeDesc::Decimal => "decimal".into(),
            TypeDesc::Date => "date".into(),
            TypeDesc::DateTime => "datetime".into(),
            TypeDesc::Json => "json".into(),
            TypeDesc::Enum { name, .. } => format!("enum:{name}"),
            TypeDesc::Model(name) => format!("model:{name}"),
            TypeDesc::List(inner) => format!("list:{}", inner.code()),
            TypeDesc::Optional(inner) => format!("optional:{}", inner.code()),
        }
    }
}

/// Every model, enum, operation and error kind as JSON: what the bindings' generators read.
///
/// Fields carry `required` (a request body must have it; a response always has it) beside
/// their type code. Operations carry their path ids, list filters and summary.
pub fn to_json() -> serde_json::Value {
    use serde_json::json;
    let mut enums = Map::new();
    let models: Vec<Value> = models()
        .iter()
        .map(|m| {
            let fields: Vec<Value> = m
                .fields
                .iter()
                .map(|f| {
                    collect_enums(&f.ty, &mut enums);
                    json!({"name": f.name, "type": f.ty.code(), "required": !f.optional(), "doc": f.doc.trim()})
                })
                .collect();
            json!({"name": m.name, "doc": m.doc.trim(), "input": m.input, "fields": fields})
        })
        .collect();
    let operations: Vec<Value> = crate::ops::OPERATIONS
        .iter()
        .map(|o| {
            json!({
                "id": o.id, "resource": o.resource, "action": o.action, "method": o.method.as_str(),
                "path": o.path, "path_params": o.path_params(), "permission": o.permission.as_str(),
                "source": if o.source == crate::ops::Source::Documented { "documented" } else { "inferred" },
                "input": o.input.map(|d| d().name), "output": o.output, "paginated": o.paginated(),
                "filters": o.filters, "summary": o.summary,
            })
        })
        .collect();
    let errors: Vec<Value> =
        crate::error::ERROR_KINDS.iter().map(|k| json!({"code": k.code, "class": k.class, "parent": k.parent, "doc": k.doc})).collect();
    json!({"models": models, "enums": enums, "operations": operations, "errors": errors})
}

fn collect_enums(ty: &TypeDesc, out: &mut Map<String, Value>) {
    match ty {
        TypeDesc::Enum { name, values } => {
            out.insert((*name).to_string(), Value::from(values.to_vec()));
        }
        TypeDesc::List(inner) | TypeDesc::Optional(inner) => collect_enums(inner, out),
        _ => {}
    }
}
