//! The core against `spec/openapi.yaml`, which `make generate` renders from the core: the
//! committed contract says what the core declares. Every operation in the spec has an entry
//! (and so a method) with the same method, path, permission, source and success status; every
//! model has the spec's fields under the same name, and only fields the spec may leave out are
//! optional.
use std::collections::BTreeSet;

use blinksale::ops::{OPERATIONS, Source};
use blinksale::schema::{self, TypeDesc};
use blinksale::{MetaLink, PageLinks, PageMeta};
use serde_json::Value;

fn spec() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/openapi.yaml")).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

#[test]
fn every_spec_operation_has_a_method_and_no_more() {
    let spec = spec();
    let mut seen = BTreeSet::new();
    for (path, methods) in spec["paths"].as_object().unwrap() {
        for (method, op) in methods.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap();
            let core = OPERATIONS.iter().find(|o| o.id == id).unwrap_or_else(|| panic!("{id} has no method in the core"));
            assert_eq!(core.method.as_str(), method.to_uppercase(), "{id}");
            assert_eq!(core.path, path, "{id}");
            assert_eq!(core.permission.as_str(), op["x-permission"].as_str().unwrap(), "{id}");
            let source = if core.source == Source::Documented { "documented" } else { "inferred" };
            assert_eq!(source, op["x-source"].as_str().unwrap(), "{id}");
            let body = op["requestBody"]["content"]["application/json"]["schema"]["$ref"].as_str();
            assert_eq!(core.input.is_some(), body.is_some(), "{id}: request body");
            seen.insert(id.to_string());
        }
    }
    assert_eq!(seen.len(), OPERATIONS.len(), "the core has operations the spec lacks");
    assert_eq!(seen.len(), 50);
    assert_eq!(OPERATIONS.iter().filter(|o| o.source == Source::Documented).count(), 16);
}

#[test]
fn models_have_the_spec_fields() {
    let spec = spec();
    let schemas = &spec["components"]["schemas"];
    for model in schema::models() {
        let name = model.name;
        let s = &schemas[name];
        assert!(s.is_object(), "no spec schema {name}");
        let spec_fields: BTreeSet<&str> = s["properties"].as_object().unwrap().keys().map(String::as_str).collect();
        let core_fields: BTreeSet<&str> = model.fields.iter().map(|f| f.name).collect();
        assert_eq!(spec_fields, core_fields, "{name}");
        let required: BTreeSet<&str> = s["required"].as_array().map(|r| r.iter().map(|v| v.as_str().unwrap()).collect()).unwrap_or_default();
        for f in &model.fields {
            let lists_may_be_absent = matches!(f.ty, TypeDesc::List(_));
            if !f.optional() && !lists_may_be_absent {
                assert!(required.contains(f.name), "{name}.{} is required in the core but optional in the spec", f.name);
            }
            if model.input && required.contains(f.name) {
                assert!(!f.optional(), "{name}.{} is required by the spec", f.name);
            }
        }
    }
    let names: BTreeSet<&str> = schemas.as_object().unwrap().keys().map(String::as_str).collect();
    let envelope = BTreeSet::from(["Error", "MetaLink", "PageLinks", "PageMeta"]);
    let core: BTreeSet<&str> = schema::models().iter().map(|m| m.name).chain(envelope).collect();
    assert_eq!(names, core, "the spec's schemas are the core's models and the list envelope");
}

/// The list envelope's schemas have the fields of the core's `PageMeta`, `MetaLink` and `PageLinks`.
#[test]
fn the_list_envelope_has_the_core_fields() {
    let spec = spec();
    let schemas = &spec["components"]["schemas"];
    let meta = PageMeta { links: vec![MetaLink::default()], ..Default::default() };
    let cases = [
        ("PageMeta", serde_json::to_value(&meta).unwrap()),
        ("MetaLink", serde_json::to_value(MetaLink::default()).unwrap()),
        ("PageLinks", serde_json::to_value(PageLinks::default()).unwrap()),
    ];
    for (name, value) in cases {
        let core: BTreeSet<&String> = value.as_object().unwrap().keys().collect();
        let spec: BTreeSet<&String> = schemas[name]["properties"].as_object().unwrap().keys().collect();
        assert_eq!(core, spec, "{name}");
    }
}

/// Checks one property against the core's type: JSON type, format, enum values, model.
fn same_type(ty: &TypeDesc, prop: &Value, at: &str) {
    let types: Vec<&str> = match &prop["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let has = |t: &str| types.contains(&t);
    match ty {
        TypeDesc::Optional(inner) => same_type(inner, prop, at),
        TypeDesc::Str => assert!(has("string") && prop["format"].as_str().is_none_or(|f| f == "email" || f == "uri"), "{at}: string, spec {prop}"),
        TypeDesc::Int => assert!(has("integer"), "{at}: integer, spec {prop}"),
        TypeDesc::Bool => assert!(has("boolean"), "{at}: boolean, spec {prop}"),
        TypeDesc::Decimal => assert!(has("number"), "{at}: number, spec {prop}"),
        TypeDesc::Date => assert!(has("string") && prop["format"] == "date", "{at}: date, spec {prop}"),
        TypeDesc::DateTime => assert!(has("string") && prop["format"] == "date-time", "{at}: date-time, spec {prop}"),
        TypeDesc::Json => assert!(has("object"), "{at}: object, spec {prop}"),
        TypeDesc::Enum { values, .. } => {
            assert!(has("string"), "{at}: enum string, spec {prop}");
            let core: BTreeSet<&str> = values.iter().copied().collect();
            if let Some(known) = prop["x-known-values"].as_array() {
                let spec: BTreeSet<&str> = known.iter().filter_map(Value::as_str).collect();
                assert_eq!(spec, core, "{at}: known values");
            } else {
                let spec: BTreeSet<&str> =
                    prop["enum"].as_array().unwrap_or_else(|| panic!("{at}: no values in {prop}")).iter().filter_map(Value::as_str).collect();
                assert!(spec.is_subset(&core), "{at}: the spec accepts {spec:?}, the core knows {core:?}");
            }
        }
        TypeDesc::Model { name, .. } => {
            let reference = prop["$ref"].as_str().or_else(|| prop["anyOf"][0]["$ref"].as_str()).or_else(|| prop["oneOf"][0]["$ref"].as_str());
            match reference {
                Some(r) => assert_eq!(r, format!("#/components/schemas/{name}"), "{at}: {prop}"),
                // An object written inline: its properties are the model's fields.
                None => {
                    let model = schema::model(name).unwrap();
                    let props = prop["properties"].as_object().unwrap_or_else(|| panic!("{at}: {prop}"));
                    assert_eq!(props.len(), model.fields.len(), "{at}: fields");
                    for f in &model.fields {
                        same_type(&f.ty, &props[f.name], &format!("{at}.{}", f.name));
                    }
                }
            }
        }
        TypeDesc::List(inner) => {
            assert!(has("array"), "{at}: array, spec {prop}");
            same_type(inner, &prop["items"], &format!("{at}[]"));
        }
    }
}

#[test]
fn field_types_and_enum_values_match_the_spec() {
    let spec = spec();
    let schemas = &spec["components"]["schemas"];
    let mut checked = 0;
    for model in schema::models() {
        for f in &model.fields {
            same_type(&f.ty, &schemas[model.name]["properties"][f.name], &format!("{}.{}", model.name, f.name));
            checked += 1;
        }
    }
    assert!(checked > 250, "{checked} fields checked");
}

#[test]
fn summaries_and_list_filters_match_the_spec() {
    let spec = spec();
    for (_, methods) in spec["paths"].as_object().unwrap() {
        for (_, op) in methods.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap();
            let core = OPERATIONS.iter().find(|o| o.id == id).unwrap();
            assert_eq!(core.summary, op["summary"].as_str().unwrap(), "{id}");
            let filters: Vec<&str> =
                op["parameters"].as_array().into_iter().flatten().filter(|p| p["in"] == "query").filter_map(|p| p["name"].as_str()).collect();
            assert_eq!(core.filters, filters.as_slice(), "{id}");
            let status = op["responses"].as_object().unwrap().keys().find(|k| k.starts_with('2')).unwrap();
            assert_eq!(status, &core.status.to_string(), "{id}");
        }
    }
}
