//! The API surface as data, built once: every model reachable from the operation table (no
//! hand list), looked up by name, and the JSON export the bindings' generators read.
use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{Map, Value, json};

use crate::models::RENAMED;
use crate::ops::{OPERATIONS, Output, Source, filter_doc};
use crate::schema::{ModelDesc, TypeDesc};

struct Catalog {
    /// In the order first reached: each operation's output, then its input, then nested ones.
    models: Vec<ModelDesc>,
    by_name: HashMap<&'static str, usize>,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut c = Catalog { models: Vec::new(), by_name: HashMap::new() };
        for op in OPERATIONS {
            if let Output::One(d) | Output::List(d) = op.output {
                c.reach(d);
            }
            if let Some(d) = op.input {
                c.reach(d);
            }
        }
        c
    })
}

impl Catalog {
    fn reach(&mut self, describe: fn() -> ModelDesc) {
        let desc = describe();
        if self.by_name.contains_key(desc.name) {
            return;
        }
        self.by_name.insert(desc.name, self.models.len());
        let nested: Vec<fn() -> ModelDesc> = desc.fields.iter().filter_map(|f| nested_model(&f.ty)).collect();
        self.models.push(desc);
        nested.into_iter().for_each(|d| self.reach(d));
    }
}

fn nested_model(ty: &TypeDesc) -> Option<fn() -> ModelDesc> {
    match ty {
        TypeDesc::Model { describe, .. } => Some(*describe),
        TypeDesc::List(inner) | TypeDesc::Optional(inner) => nested_model(inner),
        _ => None,
    }
}

/// Every model of the API, responses and request bodies.
pub fn models() -> &'static [ModelDesc] {
    &catalog().models
}

/// Looks a model up by name.
pub fn model(name: &str) -> Option<&'static ModelDesc> {
    let c = catalog();
    c.by_name.get(name).map(|&i| &c.models[i])
}

/// Every model, enum, operation and error kind as JSON: what the bindings' generators read.
/// Types are structured (`{"kind": "list", "of": …}`); fields carry `required` (a request
/// body must have it; a response always has it).
pub fn to_json() -> Value {
    let mut enums = Map::new();
    let models: Vec<Value> = models().iter().map(|m| model_json(m, &mut enums)).collect();
    let operations: Vec<Value> = OPERATIONS.iter().map(operation_json).collect();
    let errors: Vec<Value> =
        crate::error::ERROR_KINDS.iter().map(|k| json!({"code": k.code, "class": k.class, "parent": k.parent, "doc": k.doc})).collect();
    let renamed: Map<String, Value> = RENAMED.iter().map(|(old, new)| ((*old).to_string(), Value::from(*new))).collect();
    json!({"models": models, "enums": enums, "operations": operations, "errors": errors, "renamed": renamed})
}

fn model_json(m: &ModelDesc, enums: &mut Map<String, Value>) -> Value {
    let fields: Vec<Value> = m
        .fields
        .iter()
        .map(|f| {
            collect_enums(&f.ty, enums);
            json!({"name": f.name, "type": f.ty.to_json(), "required": !f.optional(), "doc": f.doc.trim(), "rules": f.rules.to_json()})
        })
        .collect();
    json!({"name": m.name, "doc": m.doc.trim(), "input": m.input, "fields": fields})
}

fn operation_json(o: &crate::ops::Operation) -> Value {
    let output = match o.output {
        Output::Nothing => Value::Null,
        Output::One(d) => json!({"kind": "model", "name": d().name}),
        Output::List(d) => json!({"kind": "list", "of": {"kind": "model", "name": d().name}}),
    };
    json!({
        "id": o.id, "resource": o.resource, "action": o.action, "method": o.method.as_str(),
        "path": o.path, "path_params": o.path_params(), "permission": o.permission.as_str(),
        "source": if o.source == Source::Documented { "documented" } else { "inferred" },
        "input": o.input.map(|d| d().name), "output": output, "paginated": o.paginated(),
        "filters": o.filters.iter().map(|f| json!({"name": f, "doc": filter_doc(f)})).collect::<Vec<_>>(),
        "status": o.status, "summary": o.summary, "note": o.note,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule `models::RENAMED` states: `create` takes `<Model>Input`; `update` takes
    /// `<Model>Update` or the create body; every other body ends in `Input`.
    #[test]
    fn request_bodies_follow_one_naming_rule() {
        for op in OPERATIONS {
            let (Some(input), Some(out)) = (op.input.map(|d| d().name), op.output.model()) else { continue };
            let create = format!("{}Input", out.name);
            match op.action {
                "create" => assert_eq!(input, create, "{}", op.id),
                "update" => assert!(input == create || input == format!("{}Update", out.name), "{}: {input}", op.id),
                _ => assert!(input.ends_with("Input"), "{}: {input}", op.id),
            }
        }
        for (old, new) in RENAMED {
            assert!(model(new).is_some() && model(old).is_none(), "{old} -> {new}");
        }
    }

    #[test]
    fn every_list_filter_says_what_it_does() {
        for op in OPERATIONS {
            for f in op.filters {
                assert!(!filter_doc(f).is_empty(), "{}: {f}", op.id);
            }
        }
    }
}
