//! What an operation takes, as JSON Schema: its path ids, its list paging and filters, and its
//! body model's fields, written from the model descriptions. For programs that call the API on
//! someone's behalf and must be told its shape (the CLI's MCP server). Money is a string or a
//! number (a string keeps every digit); required fields are marked only where the docs have a
//! page, as the client's own check does; value rules are stated, never enforced here.
use serde_json::{Map, Value, json};

use crate::describe::{FieldDesc, ModelDesc, Rules, TypeDesc};
use crate::ops::{Operation, Source, filter_doc};

/// The input of `op` as one JSON Schema object: path ids (required), then `page`, `per_page`
/// and the filters for a list, then the body's fields.
pub fn operation_input(op: &Operation) -> Value {
    let (mut properties, mut required) = (Map::new(), Vec::<Value>::new());
    for id in op.path_params() {
        properties.insert(id.into(), json!({"type": "string", "minLength": 1, "description": format!("The {id} path id.")}));
        required.push(id.into());
    }
    if op.paginated() {
        properties.insert("page".into(), json!({"type": "integer", "minimum": 1, "description": "The page number (1 is the first)."}));
        properties.insert("per_page".into(), json!({"type": "integer", "minimum": 1, "description": "Items per page."}));
        for f in op.filters {
            properties.insert((*f).into(), json!({"type": "string", "description": filter_doc(f)}));
        }
    }
    if let Some(describe) = op.input {
        let (body, body_required) = fields(&describe(), op.source == Source::Documented);
        properties.extend(body);
        required.extend(body_required);
    }
    json!({"type": "object", "properties": properties, "required": required})
}

/// A model's fields as properties, and the names of those required.
fn fields(model: &ModelDesc, documented: bool) -> (Map<String, Value>, Vec<Value>) {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for f in &model.fields {
        properties.insert(f.name.into(), field(f, documented));
        if documented && !f.optional() {
            required.push(f.name.into());
        }
    }
    (properties, required)
}

fn field(f: &FieldDesc, documented: bool) -> Value {
    let mut schema = type_schema(&f.ty, documented);
    if let Value::Object(map) = &mut schema {
        rules(map, f.rules);
        if !f.doc.is_empty() {
            map.insert("description".into(), json!(f.doc));
        }
    }
    schema
}

/// One type. An optional field may also be sent as null.
pub fn type_schema(ty: &TypeDesc, documented: bool) -> Value {
    match ty {
        TypeDesc::Str => json!({"type": "string"}),
        TypeDesc::Int => json!({"type": "integer"}),
        TypeDesc::Bool => json!({"type": "boolean"}),
        TypeDesc::Decimal => json!({"type": ["string", "number"]}),
        TypeDesc::Date => json!({"type": "string", "format": "date"}),
        TypeDesc::DateTime => json!({"type": "string", "format": "date-time"}),
        TypeDesc::Json => json!({}),
        TypeDesc::Enum { values, .. } => json!({"type": "string", "enum": values}),
        TypeDesc::Model { describe, .. } => {
            let (properties, required) = fields(&describe(), documented);
            json!({"type": "object", "properties": properties, "required": required})
        }
        TypeDesc::List(inner) => json!({"type": "array", "items": type_schema(inner, documented)}),
        TypeDesc::Optional(inner) => {
            let mut schema = type_schema(inner, documented);
            if let Some(Value::String(t)) = schema.get("type").cloned() {
                schema["type"] = json!([t, "null"]);
            } else if let Some(Value::Array(mut types)) = schema.get("type").cloned() {
                types.push(json!("null"));
                schema["type"] = Value::Array(types);
            }
            if let Some(Value::Array(values)) = schema.get_mut("enum") {
                values.push(Value::Null);
            }
            schema
        }
    }
}

/// The docs' rules as JSON Schema keywords; `accepts` narrows an enum to what a request may send.
fn rules(map: &mut Map<String, Value>, rules: Rules) {
    let Value::Object(keywords) = rules.to_json() else { return };
    for (k, v) in keywords {
        match k.as_str() {
            "accepts" => {
                let nullable = map.get("enum").and_then(Value::as_array).is_some_and(|e| e.contains(&Value::Null));
                let mut values = v.as_array().cloned().unwrap_or_default();
                if nullable {
                    values.push(Value::Null);
                }
                map.insert("enum".into(), Value::Array(values));
            }
            "nullable" => {}
            _ => {
                map.insert(k, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(id: &str) -> Value {
        operation_input(crate::ops::find(id).unwrap_or_else(|| panic!("{id}")))
    }

    #[test]
    fn path_ids_are_required_strings_and_lists_take_paging_and_filters() {
        let get = input("getContact");
        assert_eq!(get["required"], json!(["clientId", "contactId"]));
        assert_eq!(get["properties"]["clientId"]["type"], "string");
        let list = input("listInvoices");
        assert_eq!(list["properties"]["per_page"]["type"], "integer");
        assert!(list["properties"]["status"].is_object() && list["required"] == json!([]));
    }

    #[test]
    fn money_is_a_string_or_a_number_and_optional_fields_take_null() {
        assert_eq!(type_schema(&TypeDesc::Decimal, true), json!({"type": ["string", "number"]}));
        let optional = type_schema(&TypeDesc::Optional(Box::new(TypeDesc::Date)), true);
        assert_eq!(optional, json!({"type": ["string", "null"], "format": "date"}));
        let money = type_schema(&TypeDesc::Optional(Box::new(TypeDesc::Decimal)), true);
        assert_eq!(money["type"], json!(["string", "number", "null"]));
    }

    #[test]
    fn required_body_fields_only_where_the_docs_have_a_page() {
        for op in crate::ops::OPERATIONS.iter().filter(|op| op.input.is_some()) {
            let schema = operation_input(op);
            let ids = op.path_params().len();
            let required = schema["required"].as_array().map_or(0, Vec::len);
            if op.source == Source::Inferred {
                assert_eq!(required, ids, "{}", op.id);
            }
        }
    }
}
